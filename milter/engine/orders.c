/*
 * engine/orders.c - the order stage (see orders.h).
 */
#include <string.h>
#include "engine/orders.h"
#include "core/log.h"

/* digits - n ASCII digits at p (within end) */
static gboolean digits(const char *p, const char *end, int n)
{
	if (end - p < n)
		return FALSE;
	for (int i = 0; i < n; i++)
		if (!g_ascii_isdigit(p[i]))
			return FALSE;
	return TRUE;
}

/* scan - the order IDs of s, around each "-NNNNNNN-NNNNNNN" */
static void scan(Facts *f, const char *s, gsize len)
{
	const char *end = s + len, *p = s;

	while (f->orders->len < ORDERS_MAX && (p = memchr(p, '-', end - p)) != NULL) {
		const char *b = p - 3;
		char id[ORDER_ID_LEN + 1];
		gboolean dup = FALSE;
		if (b < s || !digits(p + 1, end, 7) || p + 8 >= end || p[8] != '-' || !digits(p + 9, end, 7) ||
		    (p + 16 < end && g_ascii_isalnum(p[16])) || (b > s && g_ascii_isalnum(b[-1]))) {
			p++;
			continue;
		}
		memcpy(id, b, ORDER_ID_LEN);
		id[ORDER_ID_LEN] = '\0';
		p += 16;
		if (!order_id_normalise(id, id))
			continue;
		for (guint i = 0; i < f->orders->len && !dup; i++)
			dup = strcmp(((FactOrder *)f->orders->pdata[i])->id, id) == 0;
		if (!dup)
			facts_add_order(f, id);
	}
}

void orders_quoted(Facts *f)
{
	if (f->orders->len > 0)
		return;
	scan(f, f->subject, strlen(f->subject));
	scan(f, f->text->str, f->text->len);
}

static gboolean among(const GPtrArray *a, const char *s)
{
	for (guint i = 0; i < a->len; i++)
		if (g_ascii_strcasecmp(a->pdata[i], s) == 0)
			return TRUE;
	return FALSE;
}

static gint stale_count;

static void stale_count_add(void)
{
	g_atomic_int_inc(&stale_count);
}

guint64 orders_stale_messages(void)
{
	return (guint)g_atomic_int_get(&stale_count);
}

static gint error_count[ORDERS_STAGE__N];

guint64 orders_store_errors(OrdersStage stage)
{
	return (guint)g_atomic_int_get(&error_count[stage]);
}

/* How often a stale store is said in the log. */
#define STALE_LOG_EVERY (10 * 60 * G_USEC_PER_SEC)

static void stale_warn(const OrderStore *st, gint64 last, guint64 max_age)
{
	static GMutex lock;
	static gint64 said;      /* monotonic time of the last warning */
	gint64 now = g_get_monotonic_time();
	gboolean say;

	g_mutex_lock(&lock);
	if ((say = said == 0 || now - said >= STALE_LOG_EVERY))
		said = now;
	g_mutex_unlock(&lock);
	if (!say)
		return;
	if (last == 0)
		log_msg(LOG_WARNING, "order store %s: no import has finished yet (store_max_age %" G_GUINT64_FORMAT
		        " s): every order is unknown", order_store_describe(st), max_age);
	else
		log_msg(LOG_WARNING, "order store %s: the last import finished %" G_GINT64_FORMAT " s ago "
		        "(store_max_age %" G_GUINT64_FORMAT " s): new orders are unknown until the next one",
		        order_store_describe(st), g_get_real_time() / G_USEC_PER_SEC - last, max_age);
}

/* lookup - orders_lookup without the count of errors */
static gboolean lookup(OrderStore *st, const Conf *c, Facts *f, gint64 now, GError **err)
{
	OrderState states[ORDERS_MAX];
	const char *ids[ORDERS_MAX];
	guint n;

	orders_quoted(f);
	f->order_store = TRUE;
	if (c->store_max_age) {
		gint64 last;
		if (!order_store_last_import(st, &last, err))
			return FALSE;
		f->store_stale = last == 0 || now - last > (gint64)c->store_max_age;
		if (f->store_stale) {
			stale_count_add();
			stale_warn(st, last, c->store_max_age);
		}
	}
	n = f->orders->len;
	for (guint i = 0; i < n; i++)
		ids[i] = ((FactOrder *)f->orders->pdata[i])->id;
	if (!order_store_lookup(st, ids, n, f->message_key, states, err))
		return FALSE;
	for (guint i = 0; i < n; i++) {
		FactOrder *o = f->orders->pdata[i];
		OrderState *x = &states[i];
		gint64 delivery;
		o->reviews = x->reviews;
		o->proactive = x->proactive;
		if ((o->known = x->known)) {
			o->market = g_steal_pointer(&x->rec.market);
			o->status = g_steal_pointer(&x->rec.status);
			o->buyer = g_steal_pointer(&x->rec.buyer);
			o->locale = g_steal_pointer(&x->rec.locale);
			delivery = x->rec.delivered ? x->rec.delivered
			           : x->rec.shipped ? x->rec.shipped + (gint64)c->delivery_margin_days * 86400 : 0;
			if ((o->has_days = delivery > 0))
				o->days = (now - delivery) / 86400 - (now < delivery && (now - delivery) % 86400 != 0);
			if (o->buyer && f->relay_rcpts->len)
				o->other_buyer = !among(f->relay_rcpts, o->buyer);
			if (o->market && f->markets->len)
				o->other_market = !among(f->markets, o->market);
		}
		order_state_clear(x);
	}
	return TRUE;
}

gboolean orders_lookup(OrderStore *st, const Conf *c, Facts *f, gint64 now, GError **err)
{
	if (lookup(st, c, f, now, err))
		return TRUE;
	g_atomic_int_inc(&error_count[ORDERS_STAGE_LOOKUP]);
	return FALSE;
}

char *orders_message_key(const char *message_id, const char *body_digest)
{
	GChecksum *c = g_checksum_new(G_CHECKSUM_SHA256);
	char *key;

	g_checksum_update(c, (const guchar *)"amzmilter message key 1", 24);
	g_checksum_update(c, (const guchar *)(message_id ? message_id : ""), strlen(message_id ? message_id : "") + 1);
	g_checksum_update(c, (const guchar *)(body_digest ? body_digest : ""), strlen(body_digest ? body_digest : ""));
	key = g_strndup(g_checksum_get_string(c), 32);
	g_checksum_free(c);
	return key;
}

/* record - orders_record without the count of errors */
static gboolean record(OrderStore *st, Facts *f, gboolean review_request, const char *message_id,
                       gint64 now, OrderRecordResult *res, GError **err)
{
	memset(res, 0, sizeof *res);
	if (f->message_key == NULL)
		return TRUE;
	for (guint i = 0; i < f->orders->len; i++) {
		FactOrder *o = f->orders->pdata[i];
		Claim cl;
		if (review_request) {
			if (!order_store_claim_review(st, o->id, f->message_key, message_id, now, &cl, err))
				return FALSE;
			if (cl == CLAIM_LOST) {
				o->reviews = MAX(o->reviews, 1);
				res->lost++;
			}
			res->claimed += cl == CLAIM_WON;
		}
		if (!f->reply) {
			if (!order_store_record_proactive(st, o->id, f->message_key, message_id, now, err))
				return FALSE;
			res->proactive++;
		}
	}
	return TRUE;
}

gboolean orders_record(OrderStore *st, Facts *f, gboolean review_request, const char *message_id,
                       gint64 now, OrderRecordResult *res, GError **err)
{
	if (record(st, f, review_request, message_id, now, res, err))
		return TRUE;
	g_atomic_int_inc(&error_count[ORDERS_STAGE_RECORD]);
	return FALSE;
}
