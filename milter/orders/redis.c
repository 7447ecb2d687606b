/*
 * orders/redis.c - the order store on one Redis (or Valkey) server, shared
 * by every MTA of a seller.
 *
 * Keys (PREFIX "amzmilter:"):
 *   o:ID     hash: market purchased shipped delivered status buyer locale updated
 *   r:ID     the order's review request: "KEY\tAT\tSOURCE\tMESSAGE-ID", set
 *            with SET NX, so of two milters asking at once exactly one wins
 *   p:ID     hash: message key -> when, the proactive messages
 *   b:ADDR   set: the orders of one buyer (for forget)
 *   meta     hash: last_import, import:PATH
 * Every record expires order_retention_days after the purchase (or after
 * it was written): Redis drops it itself.  A lookup of any number of
 * orders is one pipelined round trip.
 */
#include <string.h>
#include <sys/time.h>
#include <hiredis/hiredis.h>
#include "orders/backend.h"

#define PREFIX "amzmilter:"

/* PUT_SCRIPT - a newer (or undated) record updates the fields it has; the
 * buyer index follows the buyer.  KEYS: o:ID; ARGV: updated, market,
 * purchased, shipped, delivered, status, buyer, locale, expire-at, prefix, id */
static const char put_script[] =
	"local u = tonumber(redis.call('HGET', KEYS[1], 'updated') or '0') "
	"local nu = tonumber(ARGV[1]) "
	"if nu ~= 0 and nu < u then return 0 end "
	"local names = {'market','purchased','shipped','delivered','status','buyer','locale'} "
	"local old = redis.call('HGET', KEYS[1], 'buyer') "
	"local changed = 0 "
	"for i, n in ipairs(names) do "
	"  local v = ARGV[i + 1] "
	"  if v ~= '' and v ~= '0' and redis.call('HGET', KEYS[1], n) ~= v then "
	"    redis.call('HSET', KEYS[1], n, v) changed = 1 end "
	"end "
	"if nu > u then redis.call('HSET', KEYS[1], 'updated', nu) changed = 1 end "
	"if changed == 0 then return 0 end "
	"local b = ARGV[7] "
	"if b ~= '' and b ~= old then "
	"  if old then redis.call('SREM', ARGV[10] .. 'b:' .. old, ARGV[11]) end "
	"  redis.call('SADD', ARGV[10] .. 'b:' .. b, ARGV[11]) "
	"  redis.call('EXPIREAT', ARGV[10] .. 'b:' .. b, ARGV[9]) "
	"end "
	"redis.call('EXPIREAT', KEYS[1], ARGV[9]) "
	"return 1";

static void rd_disconnect(void *p)
{
	redisFree(p);
}

static gboolean rd_broken(void *p)
{
	return ((redisContext *)p)->err != 0;
}

/* reply_ok - a reply that is neither missing nor an error; else err */
static gboolean reply_ok(OrderStore *s, redisContext *c, redisReply *r, GError **err, const char *what)
{
	if (r == NULL) {
		order_store_fail(err, s, "%s: %s", what, c->errstr[0] ? c->errstr : "no reply");
		return FALSE;
	}
	if (r->type == REDIS_REPLY_ERROR) {
		order_store_fail(err, s, "%s: %s", what, r->str);
		return FALSE;
	}
	return TRUE;
}

/* command - one command and its reply (NULL and err on failure) */
static redisReply *command(OrderStore *s, redisContext *c, GError **err, const char *what,
                           const char *fmt, ...)
{
	va_list ap;
	redisReply *r;

	va_start(ap, fmt);
	r = redisvCommand(c, fmt, ap);
	va_end(ap);
	if (!reply_ok(s, c, r, err, what)) {
		if (r)
			freeReplyObject(r);
		return NULL;
	}
	return r;
}

static void *rd_connect(OrderStore *s, GError **err)
{
	struct timeval tv = { s->timeout_ms / 1000, (s->timeout_ms % 1000) * 1000 };
	redisContext *c = s->host ? redisConnectWithTimeout(s->host, s->port, tv)
	                          : redisConnectUnixWithTimeout(s->path, tv);
	redisReply *r;

	if (c == NULL || c->err) {
		order_store_fail(err, s, "cannot connect: %s", c ? c->errstr : "out of memory");
		if (c)
			redisFree(c);
		return NULL;
	}
	redisSetTimeout(c, tv);
	if (s->password && (r = command(s, c, err, "AUTH", "AUTH %s", s->password)) == NULL)
		goto fail;
	if (s->password)
		freeReplyObject(r);
	if (s->db && (r = command(s, c, err, "SELECT", "SELECT %d", s->db)) == NULL)
		goto fail;
	if (s->db)
		freeReplyObject(r);
	return c;
fail:
	redisFree(c);
	return NULL;
}

/* get_reply - the next pipelined reply; NULL and err on a broken
 * connection (c->err set: nothing more to read) or an error reply */
static redisReply *get_reply(OrderStore *s, redisContext *c, GError **err, const char *what)
{
	void *r = NULL;

	if (redisGetReply(c, &r) != REDIS_OK) {
		order_store_fail(err, s, "%s: %s", what, c->errstr[0] ? c->errstr : "connection lost");
		if (r)
			freeReplyObject(r);
		return NULL;
	}
	if (!reply_ok(s, c, r, err, what)) {
		if (r)
			freeReplyObject(r);
		return NULL;
	}
	return r;
}

static char *elem_str(const redisReply *r, gsize i)
{
	if (r->type != REDIS_REPLY_ARRAY || i >= r->elements || r->element[i]->type != REDIS_REPLY_STRING)
		return NULL;
	return g_strndup(r->element[i]->str, r->element[i]->len);
}

static gint64 elem_num(const redisReply *r, gsize i)
{
	g_autofree char *v = elem_str(r, i);
	return v ? g_ascii_strtoll(v, NULL, 10) : 0;
}

static gboolean rd_lookup(OrderStore *s, void *p, const char *const *ids, guint n, const char *key,
                          OrderState *out, GError **err)
{
	redisContext *c = p;
	gboolean ok = TRUE;

	for (guint i = 0; i < n; i++) {
		redisAppendCommand(c, "HMGET " PREFIX "o:%s market purchased shipped delivered status buyer "
		                      "locale updated", ids[i]);
		redisAppendCommand(c, "GET " PREFIX "r:%s", ids[i]);
		redisAppendCommand(c, "HLEN " PREFIX "p:%s", ids[i]);
		redisAppendCommand(c, "HEXISTS " PREFIX "p:%s %s", ids[i], key ? key : "");
	}
	/* every reply is read, even after an error, so the connection stays in step */
	for (guint i = 0; i < n; i++) {
		OrderState *o = &out[i];
		redisReply *r[4];
		g_strlcpy(o->rec.id, ids[i], sizeof o->rec.id);
		for (int k = 0; k < 4; k++) {
			GError **e = ok ? err : NULL;
			r[k] = get_reply(s, c, e, "lookup");
			if (r[k] == NULL) {
				ok = FALSE;
				if (c->err) {
					for (int j = 0; j < k; j++)
						freeReplyObject(r[j]);
					return FALSE;
				}
			}
		}
		if (ok) {
			const redisReply *h = r[0];
			o->known = h->type == REDIS_REPLY_ARRAY && h->elements == 8 &&
			           h->element[7]->type == REDIS_REPLY_STRING;
			if (o->known) {
				o->rec.market = elem_str(h, 0);
				o->rec.purchased = elem_num(h, 1);
				o->rec.shipped = elem_num(h, 2);
				o->rec.delivered = elem_num(h, 3);
				o->rec.status = elem_str(h, 4);
				o->rec.buyer = elem_str(h, 5);
				o->rec.locale = elem_str(h, 6);
				o->rec.updated = elem_num(h, 7);
			}
			if (r[1]->type == REDIS_REPLY_STRING) {
				const char *tab = memchr(r[1]->str, '\t', r[1]->len);
				gsize klen = tab ? (gsize)(tab - r[1]->str) : r[1]->len;
				if (key == NULL || klen != strlen(key) || memcmp(r[1]->str, key, klen) != 0) {
					o->reviews = 1;
					o->reviewed = tab ? g_ascii_strtoll(tab + 1, NULL, 10) : 0;
				}
			}
			o->proactive = (guint)(r[2]->integer - (key && r[3]->integer == 1));
		}
		for (int k = 0; k < 4; k++)
			if (r[k])
				freeReplyObject(r[k]);
	}
	return ok;
}

/* expire_at - when a record of an order purchased at t (0: unknown) goes */
static gint64 expire_at(const OrderStore *s, gint64 t, gint64 now)
{
	return (t > 0 ? t : now) + (gint64)s->ttl_days * 86400;
}

static gboolean rd_claim(OrderStore *s, void *p, const char *id, const char *key,
                         const char *message_id, gint64 now, const char *source, Claim *out,
                         GError **err)
{
	redisContext *c = p;
	g_autofree char *val = g_strdup_printf("%s\t%" G_GINT64_FORMAT "\t%s\t%s", key, now, source,
	                                       message_id ? message_id : "");
	redisReply *r = command(s, c, err, "recording a review request", "SET " PREFIX "r:%s %s NX EXAT %lld",
	                        id, val, (long long)expire_at(s, now, now));

	if (r == NULL)
		return FALSE;
	if (r->type == REDIS_REPLY_STATUS) {
		*out = CLAIM_WON;
		freeReplyObject(r);
		return TRUE;
	}
	freeReplyObject(r);
	if ((r = command(s, c, err, "reading a review request", "GET " PREFIX "r:%s", id)) == NULL)
		return FALSE;
	*out = CLAIM_LOST;
	if (r->type == REDIS_REPLY_STRING) {
		gsize klen = strlen(key);
		if (r->len > klen && memcmp(r->str, key, klen) == 0 && r->str[klen] == '\t')
			*out = CLAIM_SAME;
	} else {
		/* expired between the two commands: ask again */
		freeReplyObject(r);
		return rd_claim(s, p, id, key, message_id, now, source, out, err);
	}
	freeReplyObject(r);
	return TRUE;
}

static gboolean rd_proactive(OrderStore *s, void *p, const char *id, const char *key,
                             const char *message_id, gint64 now, GError **err)
{
	redisContext *c = p;
	redisReply *r[2];
	gboolean ok = TRUE;

	(void)message_id;
	redisAppendCommand(c, "HSET " PREFIX "p:%s %s %lld", id, key, (long long)now);
	redisAppendCommand(c, "EXPIREAT " PREFIX "p:%s %lld", id, (long long)expire_at(s, now, now));
	for (int k = 0; k < 2; k++) {
		r[k] = get_reply(s, c, ok ? err : NULL, "recording a proactive message");
		ok = ok && r[k] != NULL;
		if (r[k])
			freeReplyObject(r[k]);
		if (c->err)
			return FALSE;
	}
	return ok;
}

static gboolean rd_put(OrderStore *s, void *p, OrderRecord *const *recs, guint n, guint *changed,
                       GError **err)
{
	redisContext *c = p;
	gint64 now = g_get_real_time() / G_USEC_PER_SEC;
	gboolean ok = TRUE;
	redisReply *r;
	char sha[48];

	if ((r = command(s, c, err, "loading the import script", "SCRIPT LOAD %s", put_script)) == NULL)
		return FALSE;
	g_strlcpy(sha, r->type == REDIS_REPLY_STRING ? r->str : "", sizeof sha);
	freeReplyObject(r);
	guint sent = 0;
	for (guint i = 0; i < n; i++) {
		const OrderRecord *o = recs[i];
		char num[3][24], exp[24], upd[24];
		if (expire_at(s, o->purchased, now) <= now)
			continue;       /* past the retention already: Redis would drop it at once */
		sent++;
		g_snprintf(upd, sizeof upd, "%" G_GINT64_FORMAT, o->updated);
		g_snprintf(num[0], sizeof num[0], "%" G_GINT64_FORMAT, o->purchased);
		g_snprintf(num[1], sizeof num[1], "%" G_GINT64_FORMAT, o->shipped);
		g_snprintf(num[2], sizeof num[2], "%" G_GINT64_FORMAT, o->delivered);
		g_snprintf(exp, sizeof exp, "%" G_GINT64_FORMAT, expire_at(s, o->purchased, now));
		const char *argv[] = {
			"EVALSHA", sha, "1", NULL, upd, o->market ? o->market : "", num[0], num[1], num[2],
			o->status ? o->status : "", o->buyer ? o->buyer : "", o->locale ? o->locale : "",
			exp, PREFIX, o->id,
		};
		g_autofree char *okey = g_strconcat(PREFIX "o:", o->id, NULL);
		argv[3] = okey;
		redisAppendCommandArgv(c, G_N_ELEMENTS(argv), argv, NULL);
	}
	for (guint i = 0; i < sent; i++) {
		r = get_reply(s, c, ok ? err : NULL, "writing an order");
		if (r == NULL) {
			ok = FALSE;
			if (c->err)
				return FALSE;
			continue;
		}
		*changed += r->type == REDIS_REPLY_INTEGER && r->integer == 1;
		freeReplyObject(r);
	}
	return ok;
}

static char *rd_meta_get(OrderStore *s, void *p, const char *name, GError **err)
{
	redisReply *r = command(s, p, err, "reading meta", "HGET " PREFIX "meta %s", name);
	char *v;

	if (r == NULL)
		return NULL;
	v = r->type == REDIS_REPLY_STRING ? g_strndup(r->str, r->len) : NULL;
	freeReplyObject(r);
	return v;
}

static gboolean rd_meta_set(OrderStore *s, void *p, const char *name, const char *value, GError **err)
{
	redisReply *r = command(s, p, err, "writing meta", "HSET " PREFIX "meta %s %s", name, value);

	if (r)
		freeReplyObject(r);
	return r != NULL;
}

/* KeyFn - one key a scan found, with its reply to the scan's command
 * (NULL without one) */
typedef void (*KeyFn)(const redisReply *key, const redisReply *r, void *data);

/* batch - cmd (its "%b" the key) on every key of a SCAN batch, pipelined;
 * fn on each reply */
static gboolean batch(OrderStore *s, redisContext *c, const redisReply *keys, const char *cmd, KeyFn fn,
                      void *data, GError **err)
{
	gboolean ok = TRUE;

	for (gsize i = 0; cmd && i < keys->elements; i++)
		redisAppendCommand(c, cmd, keys->element[i]->str, keys->element[i]->len);
	for (gsize i = 0; i < keys->elements; i++) {
		redisReply *r = NULL;
		if (cmd && (r = get_reply(s, c, ok ? err : NULL, "scanning")) == NULL) {
			ok = FALSE;
			if (c->err)
				return FALSE;    /* nothing more to read */
			continue;
		}
		fn(keys->element[i], r, data);
		if (r)
			freeReplyObject(r);
	}
	return ok;
}

/* scan - every key matching pattern, batch by batch (see batch) */
static gboolean scan(OrderStore *s, redisContext *c, const char *pattern, const char *cmd, KeyFn fn,
                     void *data, GError **err)
{
	g_autofree char *cursor = g_strdup("0");

	do {
		redisReply *r = command(s, c, err, "scanning", "SCAN %s MATCH %s COUNT 2000", cursor, pattern);
		if (r == NULL)
			return FALSE;
		if (r->type != REDIS_REPLY_ARRAY || r->elements != 2) {
			freeReplyObject(r);
			order_store_fail(err, s, "scanning: an unexpected reply");
			return FALSE;
		}
		g_free(cursor);
		cursor = g_strndup(r->element[0]->str, r->element[0]->len);
		gboolean ok = batch(s, c, r->element[1], cmd, fn, data, err);
		freeReplyObject(r);
		if (!ok)
			return FALSE;
	} while (strcmp(cursor, "0") != 0);
	return TRUE;
}

/* count_order - an o:* key's buyer and purchase date, into OrderStats */
static void count_order(const redisReply *key, const redisReply *r, void *data)
{
	OrderStats *st = data;
	gint64 t = elem_num(r, 1);

	(void)key;
	st->orders++;
	st->no_buyer += r->type != REDIS_REPLY_ARRAY || r->element[0]->type != REDIS_REPLY_STRING;
	if (t > 0 && (st->oldest == 0 || t < st->oldest))
		st->oldest = t;
	if (t > st->newest)
		st->newest = t;
}

static void count_key(const redisReply *key, const redisReply *r, void *data)
{
	(void)key, (void)r;
	(*(guint64 *)data)++;
}

static void sum_integer(const redisReply *key, const redisReply *r, void *data)
{
	(void)key;
	*(guint64 *)data += r->type == REDIS_REPLY_INTEGER ? (guint64)r->integer : 0;
}

static gboolean rd_stats(OrderStore *s, void *p, OrderStats *out, GError **err)
{
	redisContext *c = p;
	g_autofree char *last = NULL;

	if (!scan(s, c, PREFIX "o:*", "HMGET %b buyer purchased", count_order, out, err) ||
	    !scan(s, c, PREFIX "r:*", NULL, count_key, &out->reviews, err) ||
	    !scan(s, c, PREFIX "p:*", "HLEN %b", sum_integer, &out->proactive, err))
		return FALSE;
	last = rd_meta_get(s, p, "last_import", err);
	if (last == NULL && err && *err)
		return FALSE;
	out->last_import = last ? g_ascii_strtoll(last, NULL, 10) : 0;
	return TRUE;
}

/* forget_ids - DEL every key of these orders, SREM them from their buyer's set */
static gboolean forget_ids(OrderStore *s, redisContext *c, char **ids, guint n, guint64 *removed,
                           GError **err)
{
	gboolean ok = TRUE;

	for (guint i = 0; i < n; i++) {
		redisReply *r = command(s, c, err, "forgetting", "HGET " PREFIX "o:%s buyer", ids[i]);
		if (r == NULL)
			return FALSE;
		if (r->type == REDIS_REPLY_STRING)
			redisAppendCommand(c, "SREM " PREFIX "b:%b %s", r->str, r->len, ids[i]);
		else
			redisAppendCommand(c, "PING");
		freeReplyObject(r);
		redisAppendCommand(c, "DEL " PREFIX "o:%s " PREFIX "r:%s " PREFIX "p:%s", ids[i], ids[i], ids[i]);
		redisAppendCommand(c, "EXISTS " PREFIX "o:%s", ids[i]);   /* keeps the reply count simple */
		for (int k = 0; k < 3; k++) {
			r = get_reply(s, c, ok ? err : NULL, "forgetting");
			if (r == NULL) {
				ok = FALSE;
				if (c->err)
					return FALSE;
				continue;
			}
			if (k == 1 && r->type == REDIS_REPLY_INTEGER && r->integer > 0)
				(*removed)++;
			freeReplyObject(r);
		}
	}
	return ok;
}

static gboolean rd_forget_order(OrderStore *s, void *p, const char *id, guint64 *removed, GError **err)
{
	char *ids[] = { (char *)id };
	return forget_ids(s, p, ids, 1, removed, err);
}

static gboolean rd_forget_buyer(OrderStore *s, void *p, const char *buyer, guint64 *removed, GError **err)
{
	redisContext *c = p;
	redisReply *r = command(s, c, err, "forgetting", "SMEMBERS " PREFIX "b:%s", buyer);
	g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func(g_free);
	gboolean ok;

	if (r == NULL)
		return FALSE;
	for (gsize i = 0; r->type == REDIS_REPLY_ARRAY && i < r->elements; i++)
		g_ptr_array_add(ids, g_strndup(r->element[i]->str, r->element[i]->len));
	freeReplyObject(r);
	ok = forget_ids(s, c, (char **)ids->pdata, ids->len, removed, err);
	if (ok && (r = command(s, c, err, "forgetting", "DEL " PREFIX "b:%s", buyer)) != NULL)
		freeReplyObject(r);
	return ok && r != NULL;
}

typedef struct {
	gint64 before;
	GPtrArray *old;
} ExpireScan;

/* find_old - an o:* key purchased (else updated) before e->before */
static void find_old(const redisReply *key, const redisReply *r, void *data)
{
	ExpireScan *e = data;
	gint64 t = elem_num(r, 0) ? elem_num(r, 0) : elem_num(r, 1);

	if (t < e->before)
		g_ptr_array_add(e->old, g_strdup(key->str + strlen(PREFIX "o:")));
}

/* Redis expires records by itself; this removes those a shorter retention
 * than the one they were written with has made too old. */
static gboolean rd_expire(OrderStore *s, void *p, gint64 before, guint64 *removed, GError **err)
{
	ExpireScan e = { .before = before, .old = g_ptr_array_new_with_free_func(g_free) };
	gboolean ok = scan(s, p, PREFIX "o:*", "HMGET %b purchased updated", find_old, &e, err) &&
	              forget_ids(s, p, (char **)e.old->pdata, e.old->len, removed, err);

	g_ptr_array_unref(e.old);
	return ok;
}

const StoreOps order_store_redis = {
	.connect = rd_connect,
	.disconnect = rd_disconnect,
	.broken = rd_broken,
	.lookup = rd_lookup,
	.claim_review = rd_claim,
	.record_proactive = rd_proactive,
	.put = rd_put,
	.stats = rd_stats,
	.meta_get = rd_meta_get,
	.meta_set = rd_meta_set,
	.expire = rd_expire,
	.forget_order = rd_forget_order,
	.forget_buyer = rd_forget_buyer,
};
