/*
 * orders/solicited.c - a text list of orders already asked for a review
 * through Amazon's "Request a Review" button: one order ID per line, an
 * optional ISO date after white space; "#" starts a comment; blank lines
 * are ignored.  A line with a bad ID or date, or more than these two, is
 * reported and skipped.
 */
#define _GNU_SOURCE      /* strcasestr */
#include <string.h>
#include "orders/solicited.h"

/* alpha - s is letters only: a time zone's name */
static gboolean alpha(const char *s)
{
	for (; *s; s++)
		if (!g_ascii_isalpha(*s))
			return FALSE;
	return TRUE;
}

/* entry - one line into e; FALSE (reported) when it is bad */
static gboolean entry(Rows *c, guint64 line, char *text, SolicitedEntry *e)
{
	g_auto(GStrv) f = NULL;
	guint n;

	memset(e, 0, sizeof *e);
	g_strdelimit(text, "\t", ' ');
	f = g_strsplit(g_strstrip(text), " ", -1);
	/* "ID   DATE" splits into empty fields between the spaces */
	n = 0;
	for (guint i = 0; f[i]; i++)
		if (*f[i])
			f[n++] = f[i];
		else
			g_free(f[i]);
	f[n] = NULL;
	if (!order_id_normalise(f[0], e->id)) {
		g_autofree char *q = rows_quote(f[0]);
		rows_bad(c, line, "bad order ID %s", q);
		return FALSE;
	}
	/* an ISO date is one field; "2026-11-03 10:22:01 UTC" two or three */
	if (n > 2 && (n > 4 || strlen(f[1]) != 10 || strlen(f[2]) != 8 || f[2][2] != ':' ||
	              (n == 4 && !alpha(f[3])))) {
		g_autofree char *rest = g_strjoinv(" ", f + 1);
		g_autofree char *q = rows_quote(rest);
		rows_bad(c, line, "%s is not a date (a line is: ORDER-ID [DATE])", q);
		return FALSE;
	}
	if (n >= 2) {
		g_autofree char *date = g_strjoinv(" ", f + 1);
		e->at = order_time_parse(date);
		if (e->at == 0) {
			g_autofree char *q = rows_quote(date);
			rows_bad(c, line, "%s is not a date", q);
			return FALSE;
		}
	}
	return TRUE;
}

gboolean solicited_read(Rows *c, RowReader *r, GError **err)
{
	char *line;
	gsize len;
	RowsRead got;

	while ((got = rows_wanted(c, r, &line, &len, err)) != ROWS_END) {
		SolicitedEntry e;
		char *hash;

		if (got == ROWS_ERROR)
			return FALSE;
		if (r->line == 1 && strchr(line, '\t') && strcasestr(line, "order-id")) {
			g_set_error(err, IMPORT_ERROR, 1, "%s:1: an order report, not a list of orders "
			            "asked for a review (import it without --solicited)", c->name);
			return FALSE;
		}
		if ((hash = strchr(line, '#')) != NULL)
			*hash = '\0';
		if (strspn(line, " \t\r") == strlen(line))
			continue;
		if (entry(c, r->line, line, &e) && !rows_add_solicited(c, &e, r->line, err))
			return FALSE;
	}
	return rows_flush(c, MAX(r->line, c->skip), err);
}
