/*
 * orders/store.c - the order store: URL -> backend, and a pool of
 * connections that each call borrows one of (see store.h).
 */
#include <string.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include "orders/backend.h"

/* Connections kept per store: more threads than this wait for one. */
#define POOL_MAX 32

/* parse_redis - redis://[:PASSWORD@]HOST[:PORT][/DB] or redis+unix:PATH[?db=N] */
static gboolean parse_redis(OrderStore *s, const char *url, GError **err)
{
	if (g_str_has_prefix(url, "redis+unix:")) {
		const char *p = url + 11, *q = strchr(p, '?');
		s->path = q ? g_strndup(p, q - p) : g_strdup(p);
		if (q && (!g_str_has_prefix(q, "?db=") || !g_ascii_isdigit(q[4]))) {
			order_store_fail(err, s, "after the socket path only ?db=N is understood");
			return FALSE;
		}
		s->db = q ? atoi(q + 4) : 0;
		s->shown = g_strdup(url);
		return s->path[0] == '/' || (order_store_fail(err, s, "the socket path must be absolute"), FALSE);
	}
	const char *p = url + 8, *at = strchr(p, '@'), *slash, *colon;
	if (at) {
		const char *pw = memchr(p, ':', at - p);
		s->password = pw ? g_strndup(pw + 1, at - pw - 1) : g_strndup(p, at - p);
		p = at + 1;
	}
	slash = strchr(p, '/');
	colon = memchr(p, ':', slash ? (gsize)(slash - p) : strlen(p));
	s->host = g_strndup(p, colon ? (gsize)(colon - p) : slash ? (gsize)(slash - p) : strlen(p));
	s->port = colon ? atoi(colon + 1) : 6379;
	s->db = slash && slash[1] ? atoi(slash + 1) : 0;
	s->shown = s->password ? g_strdup_printf("redis://***@%s", p) : g_strdup(url);
	if (s->host[0] == '\0' || s->port <= 0 || s->port > 65535 || s->db < 0) {
		order_store_fail(err, s, "not a redis://HOST:PORT/DB URL");
		return FALSE;
	}
	return TRUE;
}

static void *take(OrderStore *s, GError **err);
static void give(OrderStore *s, void *c, gboolean ok);

OrderStore *order_store_open(const char *url, guint timeout_ms, GError **err)
{
	OrderStore *s = g_new0(OrderStore, 1);

	s->url = g_strdup(url);
	s->timeout_ms = timeout_ms ? timeout_ms : 1000;
	s->ttl_days = 730;
	g_mutex_init(&s->lock);
	g_cond_init(&s->freed);
	s->idle = g_ptr_array_new();
	if (g_str_has_prefix(url, "sqlite:")) {
		s->ops = &order_store_sqlite;
		s->path = g_strdup(url + 7);
		s->shown = g_strdup(url);
		if (!g_path_is_absolute(s->path)) {
			order_store_fail(err, s, "the file must be an absolute path");
			goto fail;
		}
	} else if (g_str_has_prefix(url, "redis://") || g_str_has_prefix(url, "redis+unix:")) {
		s->ops = &order_store_redis;
		if (!parse_redis(s, url, err))
			goto fail;
	} else {
		g_set_error(err, ORDER_STORE_ERROR, 1, "order store \"%s\": not sqlite:PATH, "
		            "redis://HOST:PORT/DB or redis+unix:PATH", url);
		goto fail;
	}
	return s;
fail:
	order_store_close(s);
	return NULL;
}

gboolean order_store_check(OrderStore *s, GError **err)
{
	void *c = take(s, err);

	if (c == NULL)
		return FALSE;
	give(s, c, TRUE);
	return TRUE;
}

void order_store_set_retention(OrderStore *s, guint days)
{
	s->ttl_days = days;
}

void order_store_close(OrderStore *s)
{
	if (s == NULL)
		return;
	for (guint i = 0; i < s->idle->len; i++)
		s->ops->disconnect(s->idle->pdata[i]);
	g_ptr_array_unref(s->idle);
	g_mutex_clear(&s->lock);
	g_cond_clear(&s->freed);
	g_free(s->url);
	g_free(s->shown);
	g_free(s->path);
	g_free(s->host);
	g_free(s->password);
	g_free(s);
}

const char *order_store_describe(const OrderStore *s)
{
	return s->shown;
}

/* take - a connection of the pool, a new one, or one freed within the timeout */
static void *take(OrderStore *s, GError **err)
{
	void *c = NULL;
	gint64 until = g_get_monotonic_time() + (gint64)s->timeout_ms * 1000;

	g_mutex_lock(&s->lock);
	while (s->idle->len == 0 && s->open >= POOL_MAX)
		if (!g_cond_wait_until(&s->freed, &s->lock, until))
			break;
	if (s->idle->len > 0) {
		c = g_ptr_array_steal_index_fast(s->idle, s->idle->len - 1);
		g_mutex_unlock(&s->lock);
		return c;
	}
	if (s->open >= POOL_MAX) {
		g_mutex_unlock(&s->lock);
		order_store_fail(err, s, "no free connection within %u ms", s->timeout_ms);
		return NULL;
	}
	s->open++;
	g_mutex_unlock(&s->lock);
	if ((c = s->ops->connect(s, err)) == NULL) {
		g_mutex_lock(&s->lock);
		s->open--;
		g_cond_signal(&s->freed);
		g_mutex_unlock(&s->lock);
	}
	return c;
}

/* give - back to the pool; a broken one is closed */
static void give(OrderStore *s, void *c, gboolean ok)
{
	gboolean drop = !ok && s->ops->broken(c);

	if (drop)
		s->ops->disconnect(c);
	g_mutex_lock(&s->lock);
	if (drop)
		s->open--;
	else
		g_ptr_array_add(s->idle, c);
	g_cond_signal(&s->freed);
	g_mutex_unlock(&s->lock);
}

#define WITH_CONN(call) do {                                  \
		void *conn_ = take(s, err);                           \
		gboolean ok_;                                         \
		if (conn_ == NULL)                                    \
			return FALSE;                                     \
		ok_ = (call);                                         \
		give(s, conn_, ok_);                                  \
		return ok_;                                           \
	} while (0)

gboolean order_store_lookup(OrderStore *s, const char *const *ids, guint n, const char *key,
                            OrderState *out, GError **err)
{
	memset(out, 0, n * sizeof *out);
	if (n == 0)
		return TRUE;
	WITH_CONN(s->ops->lookup(s, conn_, ids, n, key, out, err));
}

gboolean order_store_claim_review(OrderStore *s, const char *id, const char *key,
                                  const char *message_id, gint64 now, Claim *out, GError **err)
{
	WITH_CONN(s->ops->claim_review(s, conn_, id, key, message_id, now, "mail", out, err));
}

gboolean order_store_record_proactive(OrderStore *s, const char *id, const char *key,
                                      const char *message_id, gint64 now, GError **err)
{
	WITH_CONN(s->ops->record_proactive(s, conn_, id, key, message_id, now, err));
}

gboolean order_store_put(OrderStore *s, OrderRecord *const *recs, guint n, guint *changed,
                         GError **err)
{
	*changed = 0;
	if (n == 0)
		return TRUE;
	WITH_CONN(s->ops->put(s, conn_, recs, n, changed, err));
}

gboolean order_store_solicited(OrderStore *s, const char *id, gint64 at, const char *source,
                               gboolean *added, GError **err)
{
	Claim c = CLAIM_SAME;
	g_autofree char *key = g_strconcat(source, ":solicited", NULL);
	void *conn = take(s, err);
	gboolean ok;

	if (conn == NULL)
		return FALSE;
	ok = s->ops->claim_review(s, conn, id, key, NULL, at, source, &c, err);
	give(s, conn, ok);
	*added = ok && c == CLAIM_WON;
	return ok;
}

/* How long the last import time is taken from memory. */
#define LAST_IMPORT_CACHE (60 * G_USEC_PER_SEC)

gboolean order_store_last_import(OrderStore *s, gint64 *out, GError **err)
{
	gint64 now = g_get_monotonic_time();
	g_autofree char *v = NULL;
	GError *e = NULL;

	g_mutex_lock(&s->lock);
	if (s->import_read_at && now - s->import_read_at < LAST_IMPORT_CACHE) {
		*out = s->last_import;
		g_mutex_unlock(&s->lock);
		return TRUE;
	}
	g_mutex_unlock(&s->lock);
	v = order_store_meta_get(s, "last_import", &e);
	if (e) {
		g_propagate_error(err, e);
		return FALSE;
	}
	*out = v ? g_ascii_strtoll(v, NULL, 10) : 0;
	g_mutex_lock(&s->lock);
	s->last_import = *out;
	s->import_read_at = now;
	g_mutex_unlock(&s->lock);
	return TRUE;
}

gboolean order_store_stats(OrderStore *s, OrderStats *out, GError **err)
{
	memset(out, 0, sizeof *out);
	WITH_CONN(s->ops->stats(s, conn_, out, err));
}

char *order_store_meta_get(OrderStore *s, const char *name, GError **err)
{
	void *conn = take(s, err);
	char *v;

	if (conn == NULL)
		return NULL;
	v = s->ops->meta_get(s, conn, name, err);
	give(s, conn, err == NULL || *err == NULL);
	return v;
}

gboolean order_store_meta_set(OrderStore *s, const char *name, const char *value, GError **err)
{
	WITH_CONN(s->ops->meta_set(s, conn_, name, value, err));
}

gboolean order_store_expire(OrderStore *s, gint64 before, guint64 *removed, GError **err)
{
	*removed = 0;
	WITH_CONN(s->ops->expire(s, conn_, before, removed, err));
}

gboolean order_store_forget(OrderStore *s, const char *what, guint64 *removed, GError **err)
{
	char id[ORDER_ID_LEN + 1];
	g_autofree char *buyer = NULL;

	*removed = 0;
	if (order_id_normalise(what, id))
		WITH_CONN(s->ops->forget_order(s, conn_, id, removed, err));
	buyer = g_strstrip(g_ascii_strdown(what, -1));
	if (strchr(buyer, '@') == NULL) {
		order_store_fail(err, s, "\"%s\" is neither an order ID nor a buyer address", what);
		return FALSE;
	}
	WITH_CONN(s->ops->forget_buyer(s, conn_, buyer, removed, err));
}

