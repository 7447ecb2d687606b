/*
 * orders/record.c - the values the order store holds: order IDs,
 * marketplaces, dates, records; and its errors (shared by store.c, the
 * backends and the importers).
 */
#include <string.h>
#include <stdarg.h>
#include <stdio.h>
#include "orders/backend.h"

G_DEFINE_QUARK(amz-order-store-error-quark, order_store_error)

void order_store_fail(GError **err, const OrderStore *s, const char *fmt, ...)
{
	va_list ap;
	g_autofree char *msg = NULL;

	va_start(ap, fmt);
	msg = g_strdup_vprintf(fmt, ap);
	va_end(ap);
	g_set_error(err, ORDER_STORE_ERROR, 1, "order store %s: %s", s ? s->shown : "?", msg);
}

void order_record_clear(OrderRecord *r)
{
	g_clear_pointer(&r->market, g_free);
	g_clear_pointer(&r->status, g_free);
	g_clear_pointer(&r->buyer, g_free);
	g_clear_pointer(&r->locale, g_free);
}

void order_record_free(OrderRecord *r)
{
	if (r == NULL)
		return;
	order_record_clear(r);
	g_free(r);
}

void order_state_clear(OrderState *st)
{
	order_record_clear(&st->rec);
	memset(st, 0, sizeof *st);
}

static gboolean digits(const char *p, int n)
{
	for (int i = 0; i < n; i++)
		if (!g_ascii_isdigit(p[i]))
			return FALSE;
	return TRUE;
}

gboolean order_id_normalise(const char *s, char out[ORDER_ID_LEN + 1])
{
	gsize len;

	while (g_ascii_isspace(*s))
		s++;
	len = strlen(s);
	while (len > 0 && g_ascii_isspace(s[len - 1]))
		len--;
	if (len != ORDER_ID_LEN || s[3] != '-' || s[11] != '-' || !digits(s + 4, 7) || !digits(s + 12, 7))
		return FALSE;
	if (!digits(s, 3) && !((s[0] == 'D' || s[0] == 'd') && digits(s + 1, 2)))
		return FALSE;
	memcpy(out, s, ORDER_ID_LEN);
	out[0] = g_ascii_toupper(out[0]);
	out[ORDER_ID_LEN] = '\0';
	return TRUE;
}

/* The SP-API marketplace IDs, as Amazon documents them. */
static const struct { const char *id, *market; } marketplace_ids[] = {
	{ "ATVPDKIKX0DER", "com" }, { "A2EUQ1WTGCTBG2", "ca" }, { "A1AM78C64UM0Y8", "com.mx" },
	{ "A2Q3Y263D00KWC", "com.br" }, { "A1F83G8C2ARO7P", "co.uk" }, { "A1PA6795UKMFR9", "de" },
	{ "A13V1IB3VIYZZH", "fr" }, { "APJ6JRA9NG5V4", "it" }, { "A1RKKUPIHCS9HS", "es" },
	{ "A1805IZSGTT6HS", "nl" }, { "AMEN7PMS3EDWL", "com.be" }, { "A1C3SOZRARQ6R3", "pl" },
	{ "A2NODRKZP88ZB9", "se" }, { "A33AVAJ2PDY3EV", "com.tr" }, { "A28R8C7NBKEWEA", "ie" },
	{ "A2VIGQ35RCS4UG", "ae" }, { "A17E79C6D8DWNP", "sa" }, { "ARBP9OOSHTCHU", "eg" },
	{ "A21TJRUUN4KGV", "in" }, { "A1VC38T7YXB528", "co.jp" }, { "A39IBJ37TRP1C6", "com.au" },
	{ "A19VAU5U5O7RUS", "sg" }, { "AE08WJ6YKNBMC", "co.za" },
};

char *order_market_of(const char *s)
{
	g_autofree char *low = NULL;
	const char *p;

	if (s == NULL)
		return NULL;
	while (g_ascii_isspace(*s))
		s++;
	for (guint i = 0; i < G_N_ELEMENTS(marketplace_ids); i++)
		if (g_ascii_strcasecmp(s, marketplace_ids[i].id) == 0)
			return g_strdup(marketplace_ids[i].market);
	low = g_strstrip(g_ascii_strdown(s, -1));
	if ((p = strrchr(low, '@')) != NULL)
		low[0] = '\0', p++;
	else
		p = low;
	if (g_str_has_prefix(p, "www."))
		p += 4;
	if (g_str_has_prefix(p, "marketplace."))
		p += 12;
	else if (g_str_has_prefix(p, "m.marketplace."))
		p += 14;
	if (!g_str_has_prefix(p, "amazon.") || p[7] == '\0')
		return NULL;
	for (const char *q = p + 7; *q; q++)
		if (!g_ascii_isalpha(*q) && *q != '.')
			return NULL;
	return g_strdup(p + 7);
}

gint64 order_time_parse(const char *s)
{
	g_autoptr(GDateTime) dt = NULL;
	g_autofree char *t = NULL;
	int y, mo, d;

	if (s == NULL)
		return 0;
	t = g_strstrip(g_strdup(s));
	if (t[0] == '\0')
		return 0;
	/* "2026-11-03 10:22:01 UTC" / "… PST": Seller Central writes local zones
	 * by name; a date and a time are what matter, in UTC otherwise */
	if (strlen(t) >= 10 && t[4] == '-' && t[7] == '-') {
		if (t[10] == ' ')
			t[10] = 'T';
		char *sp = strchr(t, ' ');
		if (sp)
			*sp = '\0';
	}
	{
		GTimeZone *utc = g_time_zone_new_utc();
		dt = g_date_time_new_from_iso8601(t, utc);
		g_time_zone_unref(utc);
	}
	if (dt)
		return g_date_time_to_unix(dt);
	if (strlen(t) == 10 && sscanf(t, "%4d-%2d-%2d", &y, &mo, &d) == 3) {
		g_autoptr(GDateTime) day = g_date_time_new_utc(y, mo, d, 0, 0, 0);
		return day ? g_date_time_to_unix(day) : 0;
	}
	return 0;
}
