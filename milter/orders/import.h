/*
 * orders/import.h - the seller's order files -> batches of OrderRecords.
 *
 * What goes in: a file, whose kind is told by its content, not its name:
 *   - a Seller Central order report (tab-separated, a header line naming
 *     the columns; one line per order item): orders/report.c;
 *   - Selling Partner API JSON (the first byte that is not white space is
 *     "{" or "["): getOrders pages, orders, Messaging API getAttributes
 *     results, as one document or as JSON Lines: orders/spapi.c;
 *   - with order_import_solicited(): a list of orders already asked for a
 *     review through Amazon's "Request a Review" button, one order ID per
 *     line (an optional date after it), or JSON records with amazonOrderId:
 *     orders/solicited.c, orders/spapi.c.
 * What comes out: records handed to a sink in batches of IMPORT_BATCH, and
 * an ImportReport: counts, the bad rows as "FILE:LINE: message" (skipped,
 * never ending the import), warnings about the file as a whole.
 *
 * Files are streamed: memory stays bounded whatever their size.  The one
 * exception is a JSON file that is a single document (not JSON Lines): it
 * is parsed whole, up to IMPORT_MAX_JSON bytes.
 */
#ifndef AMZ_ORDERS_IMPORT_H
#define AMZ_ORDERS_IMPORT_H

#include <glib.h>
#include "orders/store.h"

#define IMPORT_BATCH 20000                  /* records per sink call */
#define IMPORT_MAX_LINE (64 * 1024)         /* a line of a report or list */
#define IMPORT_MAX_JSON (32 * 1024 * 1024)  /* a JSON document, a JSON line */
#define IMPORT_MAX_COLUMNS 512              /* columns of a report */
#define IMPORT_MAX_MESSAGES 1000            /* bad-row messages kept (all counted) */

#define IMPORT_ERROR (order_import_error_quark())
GQuark order_import_error_quark(void);

typedef enum {
	IMPORT_FORMAT_NONE,         /* empty, or not read yet */
	IMPORT_FORMAT_REPORT,       /* tab-separated order report */
	IMPORT_FORMAT_JSON,         /* one JSON document */
	IMPORT_FORMAT_JSON_LINES,   /* one JSON value per line */
	IMPORT_FORMAT_LIST,         /* order IDs, one per line */
} ImportFormat;

/* What an import read.  Positions count lines of the file (the header
 * included), except in one JSON document, where they count its entries
 * (orders, getAttributes results, records) in document order. */
typedef struct {
	ImportFormat format;
	guint64 position;     /* what the batches handed to the sink so far cover:
	                       * a resumed import skips this much */
	guint64 records;      /* records handed to the sink */
	guint64 bad;          /* rows or entries skipped as bad */
	GPtrArray *messages;  /* "FILE:LINE: message" of the first bad rows */
	GPtrArray *warnings;  /* "FILE: warning: message" about the file as a whole */
} ImportReport;

void order_import_report_init(ImportReport *rep);
void order_import_report_clear(ImportReport *rep);

/* ImportSink - take n records (transfer none: the importer frees them when
 * the call returns); position: what this batch and the ones before cover
 * (ImportReport), for a resumable import to record once the batch is in.
 * FALSE and *err stop the import.  Within one batch an
 * order appears once: the rows of its items merged, later ones winning.
 * Records of a getAttributes result carry only an ID and a locale, and
 * `updated` 0: they say nothing of when the order changed. */
typedef gboolean (*ImportSink)(OrderRecord *const *recs, guint n, guint64 position, void *data,
                               GError **err);

/* One order of a solicited list. */
typedef struct {
	char id[ORDER_ID_LEN + 1];
	gint64 at;            /* when the review was requested; 0 unknown */
} SolicitedEntry;

typedef gboolean (*SolicitedSink)(const SolicitedEntry *ents, guint n, guint64 position, void *data,
                                  GError **err);

/* order_import_file - read path (see above) into sink, skipping what a
 * position of skip covers (ImportReport); rep (initialised by the caller)
 * gets the counts and messages.  FALSE and *err when the file cannot be
 * read, is of no kind known, or the sink failed: what was handed to the
 * sink before stays handed (rep->position says how far).  A row without a
 * date of last change gets the file's modification time as `updated`. */
gboolean order_import_file(const char *path, guint64 skip, ImportSink sink, void *data,
                           ImportReport *rep, GError **err);
/* order_import_fd - the same on an open file; name is used in messages.
 * The descriptor is read from where it is and stays open. */
gboolean order_import_fd(int fd, const char *name, guint64 skip, ImportSink sink, void *data,
                         ImportReport *rep, GError **err);

/* order_import_solicited - a solicited list (see above) into sink */
gboolean order_import_solicited(const char *path, guint64 skip, SolicitedSink sink, void *data,
                                ImportReport *rep, GError **err);
gboolean order_import_solicited_fd(int fd, const char *name, guint64 skip, SolicitedSink sink,
                                   void *data, ImportReport *rep, GError **err);

#endif
