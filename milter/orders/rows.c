/*
 * orders/rows.c - the machinery the importers share (rows.h): reading a
 * file line by line in bounded memory, batching records for the sink,
 * reporting bad rows, and normalising field values.
 */
#include <errno.h>
#include <stdarg.h>
#include <string.h>
#include <unistd.h>
#include "orders/rows.h"
#include "util/text.h"

#define READ_CHUNK (64 * 1024)

/* IMPORT_ERROR lives here, under every reader, so that no reader calls up
 * into import.c */
G_DEFINE_QUARK(amz-import-error-quark, order_import_error)

void rows_reader_init(RowReader *r, int fd, gsize max)
{
	memset(r, 0, sizeof *r);
	r->fd = fd;
	r->max = max;
}

void rows_reader_clear(RowReader *r)
{
	g_free(r->buf);
	r->buf = NULL;
}

/* fill - read more after buf[end], making room first; FALSE on error */
static gboolean fill(RowReader *r, GError **err)
{
	ssize_t n;

	if (r->start > 0 && r->cap - r->end < READ_CHUNK / 2) {
		memmove(r->buf, r->buf + r->start, r->end - r->start);
		r->end -= r->start;
		r->start = 0;
	}
	if (r->cap - r->end < READ_CHUNK / 2) {
		/* up to a line of max bytes and a chunk; one spare byte for the
		 * NUL after a last line without \n */
		r->cap = MIN(r->cap ? r->cap * 2 : READ_CHUNK + 1, r->max + 2 * READ_CHUNK + 1);
		r->buf = g_realloc(r->buf, r->cap);
	}
	do
		n = read(r->fd, r->buf + r->end, r->cap - r->end - 1);
	while (n < 0 && errno == EINTR);
	if (n < 0) {
		g_set_error(err, G_FILE_ERROR, g_file_error_from_errno(errno), "%s", g_strerror(errno));
		return FALSE;
	}
	r->end += (gsize)n;
	r->eof = n == 0;
	if (!r->bom_checked && (r->end >= 3 || r->eof)) {
		r->bom_checked = TRUE;
		if (r->end >= 3 && memcmp(r->buf, "\xef\xbb\xbf", 3) == 0)
			r->start = 3;
	}
	return TRUE;
}

int rows_peek(RowReader *r, GError **err)
{
	gsize i = r->start;

	for (;;) {
		for (; i < r->end; i++)
			if (!g_ascii_isspace(r->buf[i]))
				return (guchar)r->buf[i];
		if (r->eof || r->end - r->start >= IMPORT_MAX_LINE)
			return -1;
		i -= r->start;
		if (!fill(r, err))
			return -1;
		i += r->start;
	}
}

/* skip_long - drop everything up to the next \n (or the end) */
static RowsRead skip_long(RowReader *r, GError **err)
{
	for (;;) {
		char *nl = memchr(r->buf + r->start, '\n', r->end - r->start);
		if (nl) {
			r->start = (gsize)(nl + 1 - r->buf);
			return ROWS_LONG;
		}
		r->start = r->end;
		if (r->eof)
			return ROWS_LONG;
		if (!fill(r, err))
			return ROWS_ERROR;
	}
}

RowsRead rows_next(RowReader *r, char **line, gsize *len, GError **err)
{
	gsize scanned = 0;    /* bytes after start known to hold no \n */

	for (;;) {
		char *p = r->buf ? r->buf + r->start : NULL;
		char *nl = p ? memchr(p + scanned, '\n', r->end - r->start - scanned) : NULL;
		gsize n;

		if (nl || (r->eof && r->end > r->start)) {
			n = nl ? (gsize)(nl - p) : r->end - r->start;
			r->start += nl ? n + 1 : n;
			r->line++;
			if (n > 0 && p[n - 1] == '\r')
				n--;
			if (n > r->max)
				return ROWS_LONG;
			p[n] = '\0';
			*line = p;
			*len = n;
			return ROWS_LINE;
		}
		if (r->eof)
			return ROWS_END;
		scanned = r->end - r->start;
		if (scanned > r->max + 1) {
			r->line++;
			return skip_long(r, err);
		}
		if (!fill(r, err))
			return ROWS_ERROR;
	}
}

gboolean rows_rest(RowReader *r, GString *out, gsize max, GError **err)
{
	for (;;) {
		if (out->len + (r->end - r->start) > max) {
			g_set_error(err, IMPORT_ERROR, 1, "larger than %zu bytes", max);
			return FALSE;
		}
		if (r->end > r->start)
			g_string_append_len(out, r->buf + r->start, (gssize)(r->end - r->start));
		r->start = r->end;
		if (r->eof)
			return TRUE;
		if (!fill(r, err))
			return FALSE;
	}
}

void rows_init(Rows *c, const char *name, ImportReport *rep, guint64 skip, gint64 mtime)
{
	memset(c, 0, sizeof *c);
	c->name = name;
	c->rep = rep;
	c->skip = skip;
	c->mtime = mtime;
	c->recs = g_ptr_array_new_with_free_func((GDestroyNotify)order_record_free);
	c->ids = g_hash_table_new(g_str_hash, g_str_equal);
	c->sol = g_array_new(FALSE, FALSE, sizeof(SolicitedEntry));
}

void rows_clear(Rows *c)
{
	g_hash_table_unref(c->ids);
	g_ptr_array_unref(c->recs);
	g_array_unref(c->sol);
}

/* replace - *dst takes src (transfer full) when src is set */
static void replace(char **dst, char *src)
{
	if (src) {
		g_free(*dst);
		*dst = src;
	}
}

/* merge - the later row r over the earlier o: what r says wins */
static void merge(OrderRecord *o, OrderRecord *r)
{
	replace(&o->market, g_steal_pointer(&r->market));
	replace(&o->status, g_steal_pointer(&r->status));
	replace(&o->buyer, g_steal_pointer(&r->buyer));
	replace(&o->locale, g_steal_pointer(&r->locale));
	o->purchased = r->purchased ? r->purchased : o->purchased;
	o->shipped = r->shipped ? r->shipped : o->shipped;
	o->delivered = r->delivered ? r->delivered : o->delivered;
	o->updated = r->updated ? r->updated : o->updated;
}

gboolean rows_add(Rows *c, OrderRecord *rec, guint64 position, GError **err)
{
	gpointer idx;

	if (g_hash_table_lookup_extended(c->ids, rec->id, NULL, &idx)) {
		merge(c->recs->pdata[GPOINTER_TO_UINT(idx)], rec);
		order_record_free(rec);
		c->added = position;
		return TRUE;
	}
	/* A full batch goes when an order not in it comes: the items of one
	 * order, on lines one after the other, stay in one batch. */
	if (c->recs->len >= IMPORT_BATCH && !rows_flush(c, c->added, err)) {
		order_record_free(rec);
		return FALSE;
	}
	g_hash_table_insert(c->ids, rec->id, GUINT_TO_POINTER(c->recs->len));
	g_ptr_array_add(c->recs, rec);
	c->added = position;
	return TRUE;
}

gboolean rows_add_solicited(Rows *c, const SolicitedEntry *e, guint64 position, GError **err)
{
	g_array_append_vals(c->sol, e, 1);
	if (c->sol->len >= IMPORT_BATCH)
		return rows_flush(c, position, err);
	return TRUE;
}

gboolean rows_flush(Rows *c, guint64 position, GError **err)
{
	gboolean ok = TRUE;

	if (c->recs->len) {
		ok = c->sink((OrderRecord *const *)c->recs->pdata, c->recs->len, position, c->data, err);
		c->rep->records += ok ? c->recs->len : 0;
		g_hash_table_remove_all(c->ids);
		g_ptr_array_set_size(c->recs, 0);
	}
	if (ok && c->sol->len) {
		ok = c->solicited((const SolicitedEntry *)(void *)c->sol->data, c->sol->len, position,
		                  c->data, err);
		c->rep->records += ok ? c->sol->len : 0;
		g_array_set_size(c->sol, 0);
	}
	if (ok)
		c->rep->position = position;
	return ok;
}

void rows_bad(Rows *c, guint64 line, const char *fmt, ...)
{
	va_list ap;
	g_autofree char *msg = NULL;

	c->rep->bad++;
	if (c->rep->messages->len >= IMPORT_MAX_MESSAGES)
		return;
	va_start(ap, fmt);
	msg = g_strdup_vprintf(fmt, ap);
	va_end(ap);
	if (line)
		g_ptr_array_add(c->rep->messages, g_strdup_printf("%s:%" G_GUINT64_FORMAT ": %s", c->name, line, msg));
	else
		g_ptr_array_add(c->rep->messages, g_strdup_printf("%s: %s", c->name, msg));
}

void rows_warn(Rows *c, const char *fmt, ...)
{
	va_list ap;
	g_autofree char *msg = NULL;

	va_start(ap, fmt);
	msg = g_strdup_vprintf(fmt, ap);
	va_end(ap);
	g_ptr_array_add(c->rep->warnings, g_strdup_printf("%s: warning: %s", c->name, msg));
}

char *rows_quote(const char *s)
{
	g_autofree char *line = text_line(s, 60, TEXT_LINE_LOG);
	return g_strdup_printf("\"%s\"", line);
}

/* alpha - s[0..n) is n ASCII letters */
static gboolean alpha(const char *s, gsize n)
{
	for (gsize i = 0; i < n; i++)
		if (!g_ascii_isalpha(s[i]))
			return FALSE;
	return TRUE;
}

char *rows_locale(const char *s)
{
	g_autofree char *t = g_strstrip(g_strdup(s));
	g_auto(GStrv) parts = NULL;
	const char *region = NULL;
	guint n;

	t[strcspn(t, ".@")] = '\0';      /* "de_DE.UTF-8", "sr_RS@latin" */
	g_strdelimit(t, "-", '_');
	parts = g_strsplit(t, "_", 4);
	n = g_strv_length(parts);
	if (n == 0 || n > 3 || (strlen(parts[0]) != 2 && strlen(parts[0]) != 3) ||
	    !alpha(parts[0], strlen(parts[0])))
		return NULL;
	for (guint i = 1; i < n; i++) {
		gsize len = strlen(parts[i]);
		if (len == 4 && i == 1 && n == 3 && alpha(parts[i], 4))
			continue;   /* a script: "zh-Hans-CN" */
		if (region || !((len == 2 && alpha(parts[i], 2)) ||
		                (len == 3 && g_ascii_isdigit(parts[i][0]) &&
		                 g_ascii_isdigit(parts[i][1]) && g_ascii_isdigit(parts[i][2]))))
			return NULL;
		region = parts[i];
	}
	if (n == 3 && !region)
		return NULL;
	{
		g_autofree char *lang = g_ascii_strdown(parts[0], -1);
		g_autofree char *reg = region ? g_ascii_strup(region, -1) : NULL;
		return reg ? g_strconcat(lang, "_", reg, NULL) : g_steal_pointer(&lang);
	}
}

char *rows_status(const char *s)
{
	g_autofree char *t = g_strstrip(g_strdup(s));
	char *low;

	if (*t == '\0' || strlen(t) > 64)
		return NULL;
	for (const char *p = t; *p; p++)
		if (!g_ascii_isprint(*p))
			return NULL;
	low = g_ascii_strdown(t, -1);
	if (strcmp(low, "cancelled") == 0)   /* the reports' spelling; the API's is "Canceled" */
		strcpy(low, "canceled");
	return low;
}

char *rows_buyer(const char *s, const char **why)
{
	g_autofree char *t = g_strstrip(g_strdup(s));
	const char *at = strchr(t, '@');

	*why = NULL;
	if (*t == '\0')
		return NULL;
	if (strlen(t) > 254) {
		*why = "longer than an address can be";
		return NULL;
	}
	for (const char *p = t; *p; p++)
		if (!g_ascii_isgraph(*p) || *p == '<' || *p == '>' || *p == ',') {
			*why = "not an address";
			return NULL;
		}
	if (at == NULL || at == t || at[1] == '\0' || strchr(at + 1, '@')) {
		*why = "not an address";
		return NULL;
	}
	return g_ascii_strdown(t, -1);
}

RowsRead rows_wanted(Rows *c, RowReader *r, char **line, gsize *len, GError **err)
{
	RowsRead got;

	while ((got = rows_next(r, line, len, err)) == ROWS_LINE || got == ROWS_LONG) {
		if (r->line <= c->skip)
			continue;
		if (got == ROWS_LINE)
			return ROWS_LINE;
		rows_bad(c, r->line, "a line longer than %u bytes", IMPORT_MAX_LINE);
	}
	return got;
}
