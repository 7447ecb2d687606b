/*
 * orders/rows.h - what the importers (report.c, spapi.c, solicited.c)
 * share: a bounded line reader, the batch on its way to the sink, bad rows
 * and warnings into the ImportReport, and the normalisers of field values.
 */
#ifndef AMZ_ORDERS_ROWS_H
#define AMZ_ORDERS_ROWS_H

#include <glib.h>
#include "orders/import.h"

/* A file read line by line through a buffer that grows up to max bytes;
 * a UTF-8 byte order mark at its start is dropped. */
typedef struct {
	int fd;
	char *buf;
	gsize cap, start, end;   /* buf[start..end) is read and not yet returned */
	gsize max;               /* the longest line returned whole */
	gboolean eof, bom_checked;
	guint64 line;            /* number of the last line returned, from 1 */
} RowReader;

typedef enum {
	ROWS_LINE,               /* a line, without its \n or \r\n, NUL-terminated */
	ROWS_LONG,               /* a line longer than max: skipped to its end */
	ROWS_END,                /* no more lines */
	ROWS_ERROR,              /* a read error, in *err */
} RowsRead;

void rows_reader_init(RowReader *r, int fd, gsize max);
void rows_reader_clear(RowReader *r);
/* rows_peek - the first byte that is not white space, without consuming
 * it; -1 when there is none in the first IMPORT_MAX_LINE bytes */
int rows_peek(RowReader *r, GError **err);
/* rows_next - the next line; *line points into the reader's buffer, valid
 * until the next call */
RowsRead rows_next(RowReader *r, char **line, gsize *len, GError **err);
/* rows_rest - everything not yet returned appended to out; FALSE and *err
 * when that would pass max bytes in all */
gboolean rows_rest(RowReader *r, GString *out, gsize max, GError **err);

/* One import on its way to the sink. */
typedef struct {
	const char *name;        /* the file, as messages name it */
	ImportReport *rep;
	guint64 skip;            /* the position a resumed import starts after */
	gint64 mtime;            /* the file's: `updated` of rows without a date */
	guint64 size;            /* the file's, when it is a regular file; else 0 */
	ImportSink sink;
	SolicitedSink solicited;
	void *data;
	GPtrArray *recs;         /* the batch: OrderRecord, owned */
	GHashTable *ids;         /* id -> index in recs */
	guint64 added;           /* the position of the last record added */
	GArray *sol;             /* the batch: SolicitedEntry */
	gboolean locale_warned;  /* one warning per file for unreadable locales */
} Rows;

void rows_init(Rows *c, const char *name, ImportReport *rep, guint64 skip, gint64 mtime);
void rows_clear(Rows *c);
/* rows_add - rec (transfer full) into the batch, merged with an earlier
 * row of the same order; position: what is covered once rec is in.  A
 * full batch goes to the sink first.  FALSE: the sink's error. */
gboolean rows_add(Rows *c, OrderRecord *rec, guint64 position, GError **err);
gboolean rows_add_solicited(Rows *c, const SolicitedEntry *e, guint64 position, GError **err);
/* rows_flush - what is batched to the sink; then the report's position */
gboolean rows_flush(Rows *c, guint64 position, GError **err);
/* rows_bad - "NAME:LINE: message" (line 0: "NAME: message"), a row skipped */
void rows_bad(Rows *c, guint64 line, const char *fmt, ...) G_GNUC_PRINTF(3, 4);
/* rows_wanted - rows_next past the lines an earlier import covered
 * (c->skip) and the lines too long (each reported): ROWS_LINE, ROWS_END
 * or ROWS_ERROR */
RowsRead rows_wanted(Rows *c, RowReader *r, char **line, gsize *len, GError **err);
/* rows_warn - "NAME: warning: message" about the whole file */
void rows_warn(Rows *c, const char *fmt, ...) G_GNUC_PRINTF(2, 3);

/* rows_quote - s in double quotes, escaped and cut for a message */
char *rows_quote(const char *s);
/* rows_locale - "de-DE", "de_de", "de-DE.UTF-8" -> "de_DE", "fr" -> "fr",
 * "zh-Hans-CN" -> "zh_CN"; NULL when s is not a locale */
char *rows_locale(const char *s);
/* rows_status - "Shipped" -> "shipped", "Cancelled" -> "canceled"; NULL
 * when empty or not printable ASCII */
char *rows_status(const char *s);
/* rows_buyer - an address, lower case; NULL and *why when it is not one */
char *rows_buyer(const char *s, const char **why);

#endif
