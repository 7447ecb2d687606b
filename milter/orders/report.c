/*
 * orders/report.c - Seller Central order reports -> OrderRecords.
 *
 * A report is tab-separated text, its first line a header naming the
 * columns.  Columns are found by name (any case, "_" or " " for "-"),
 * whatever their order; unknown ones are ignored.  A report has one line
 * per order item, so an order may come several times: rows.c merges them.
 * A row that cannot be read whole (a bad order ID or date, a field count
 * that is not the header's) is reported and skipped: half an order would
 * overwrite good data with guesses.
 */
#include <string.h>
#include "orders/report.h"

typedef enum {
	COL_ID, COL_PURCHASED, COL_UPDATED, COL_BUYER, COL_CHANNEL, COL_STATUS, COL_SHIPPED,
	COL_DELIVERED, COL_LOCALE, COL__N
} Column;

/* The names a column goes by; of two in one header the lower rank wins. */
static const struct {
	const char *name;
	Column col;
	guint rank;
} names[] = {
	{ "amazon-order-id", COL_ID, 0 },
	{ "order-id", COL_ID, 1 },
	{ "purchase-date", COL_PURCHASED, 0 },
	{ "last-updated-date", COL_UPDATED, 0 },
	{ "buyer-email", COL_BUYER, 0 },
	{ "sales-channel", COL_CHANNEL, 0 },
	{ "order-status", COL_STATUS, 0 },
	{ "ship-date", COL_SHIPPED, 0 },
	{ "latest-delivery-date", COL_DELIVERED, 0 },
	{ "delivery-end-date", COL_DELIVERED, 1 },
	{ "buyer-language", COL_LOCALE, 0 },
	{ "locale", COL_LOCALE, 1 },
};

typedef struct {
	int at[COL__N];              /* field index of each column, -1 absent */
	const char *label[COL__N];   /* its name, for messages */
	guint ncols;                 /* fields of the header */
} Header;

/* clean - s without surrounding white space and double quotes, in place */
static char *clean(char *s)
{
	char *e;

	while (*s == ' ')
		s++;
	e = s + strlen(s);
	while (e > s && (e[-1] == ' ' || e[-1] == '\r'))
		*--e = '\0';
	if (e - s >= 2 && *s == '"' && e[-1] == '"') {
		e[-1] = '\0';
		s++;
	}
	return s;
}

/* split - line cut at its tabs, in place; the number of fields, or
 * IMPORT_MAX_COLUMNS + 1 when there are more */
static guint split(char *line, char **f)
{
	guint n = 0;

	for (char *p = line;; p++) {
		char *tab = strchr(p, '\t');
		if (n == IMPORT_MAX_COLUMNS)
			return n + 1;
		f[n++] = p;
		if (tab == NULL)
			return n;
		*tab = '\0';
		p = tab;
	}
}

/* header_read - the columns of line 1; FALSE when none names order IDs */
static gboolean header_read(Rows *c, char *line, Header *h, GError **err)
{
	char *f[IMPORT_MAX_COLUMNS];
	guint rank[COL__N] = { 0 };
	guint n = split(line, f);

	for (guint k = 0; k < COL__N; k++)
		h->at[k] = -1;
	if (n > IMPORT_MAX_COLUMNS) {
		g_set_error(err, IMPORT_ERROR, 1, "%s:1: more than %u columns", c->name, IMPORT_MAX_COLUMNS);
		return FALSE;
	}
	h->ncols = n;
	for (guint i = 0; i < n; i++) {
		g_autofree char *name = g_ascii_strdown(clean(f[i]), -1);
		g_strdelimit(name, "_ ", '-');
		for (guint j = 0; j < G_N_ELEMENTS(names); j++) {
			Column k = names[j].col;
			if (strcmp(name, names[j].name) != 0 || (h->at[k] >= 0 && rank[k] <= names[j].rank))
				continue;
			h->at[k] = (int)i;
			h->label[k] = names[j].name;
			rank[k] = names[j].rank;
		}
	}
	if (h->at[COL_ID] < 0) {
		g_set_error(err, IMPORT_ERROR, 1,
		            "%s:1: no amazon-order-id or order-id column: not an order report "
		            "(a list of orders asked for a review is imported with --solicited)", c->name);
		return FALSE;
	}
	if (h->at[COL_BUYER] < 0)
		rows_warn(c, "no buyer-email column: ORDER_OTHER_BUYER cannot work for the orders of this file");
	return TRUE;
}

/* date - column k of the row as a time: 0 when empty or absent; FALSE
 * (reported) when it is not a date */
static gboolean date(Rows *c, guint64 line, const Header *h, char **f, Column k, gint64 *out)
{
	const char *v = h->at[k] >= 0 ? clean(f[h->at[k]]) : "";

	*out = 0;
	if (*v == '\0')
		return TRUE;
	*out = order_time_parse(v);
	if (*out == 0) {
		g_autofree char *q = rows_quote(v);
		rows_bad(c, line, "%s: %s is not a date", h->label[k], q);
		return FALSE;
	}
	return TRUE;
}

/* row - one line of fields into a record; NULL (reported) when bad */
static OrderRecord *row(Rows *c, guint64 line, const Header *h, char **f)
{
	OrderRecord *rec = g_new0(OrderRecord, 1);
	const char *v;
	const char *why;

	v = clean(f[h->at[COL_ID]]);
	if (!order_id_normalise(v, rec->id)) {
		g_autofree char *q = rows_quote(v);
		rows_bad(c, line, *v ? "%s: bad order ID %s" : "%s: no order ID", h->label[COL_ID], q);
		goto bad;
	}
	if (!date(c, line, h, f, COL_PURCHASED, &rec->purchased) ||
	    !date(c, line, h, f, COL_UPDATED, &rec->updated) ||
	    !date(c, line, h, f, COL_SHIPPED, &rec->shipped) ||
	    !date(c, line, h, f, COL_DELIVERED, &rec->delivered))
		goto bad;
	if (h->at[COL_BUYER] >= 0) {
		v = clean(f[h->at[COL_BUYER]]);
		rec->buyer = rows_buyer(v, &why);
		if (why) {
			g_autofree char *q = rows_quote(v);
			rows_bad(c, line, "buyer-email: %s is %s", q, why);
			goto bad;
		}
	}
	if (h->at[COL_CHANNEL] >= 0 && *(v = clean(f[h->at[COL_CHANNEL]])))
		rec->market = order_market_of(v);
	if (rec->market == NULL && rec->buyer)
		rec->market = order_market_of(rec->buyer);
	if (h->at[COL_STATUS] >= 0)
		rec->status = rows_status(clean(f[h->at[COL_STATUS]]));
	if (h->at[COL_LOCALE] >= 0 && *(v = clean(f[h->at[COL_LOCALE]]))) {
		rec->locale = rows_locale(v);
		if (rec->locale == NULL && !c->locale_warned) {
			g_autofree char *q = rows_quote(v);
			rows_warn(c, "line %" G_GUINT64_FORMAT ": %s: %s is not a locale like de_DE; "
			          "such values are ignored", line, h->label[COL_LOCALE], q);
			c->locale_warned = TRUE;
		}
	}
	if (rec->updated == 0)
		rec->updated = c->mtime;
	return rec;
bad:
	order_record_free(rec);
	return NULL;
}

gboolean report_read(Rows *c, RowReader *r, GError **err)
{
	char *f[IMPORT_MAX_COLUMNS];
	Header h;
	char *line;
	gsize len;
	RowsRead got;

	got = rows_next(r, &line, &len, err);
	if (got == ROWS_ERROR)
		return FALSE;
	if (got == ROWS_END) {
		rows_warn(c, "empty file");
		return TRUE;
	}
	if (got == ROWS_LONG) {
		g_set_error(err, IMPORT_ERROR, 1, "%s:1: a header line longer than %u bytes", c->name,
		            IMPORT_MAX_LINE);
		return FALSE;
	}
	if (!header_read(c, line, &h, err))
		return FALSE;
	while ((got = rows_wanted(c, r, &line, &len, err)) != ROWS_END) {
		OrderRecord *rec;
		guint n;

		if (got == ROWS_ERROR)
			return FALSE;
		if (len == 0 || strspn(line, " \t") == len)
			continue;
		n = split(line, f);
		if (n != h.ncols) {
			if (n > IMPORT_MAX_COLUMNS)
				rows_bad(c, r->line, "more than %u fields where the header has %u", IMPORT_MAX_COLUMNS, h.ncols);
			else
				rows_bad(c, r->line, "%u fields where the header has %u", n, h.ncols);
			continue;
		}
		rec = row(c, r->line, &h, f);
		if (rec && !rows_add(c, rec, r->line, err))
			return FALSE;
	}
	return rows_flush(c, MAX(r->line, c->skip), err);
}
