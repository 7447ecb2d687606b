/*
 * extract.h - parsed message -> Facts (content fields only).
 *
 * The stage between capture (msgbuf.c) and the rules: GMime parses the raw
 * message; the walk over its MIME tree fills the content half of a Facts
 * (headers, subject, text, html, hidden_text, links, images, attachments
 * with the files inside archives and documents, anomalies, parts, reply).
 * The envelope half is the caller's.
 */
#ifndef AMZ_EXTRACT_H
#define AMZ_EXTRACT_H

#include <gmime/gmime.h>
#include "facts.h"

/* Bounds on the work done for one message; crossing one adds a "limit:…"
 * anomaly and stops that kind of work, never the whole check. */
typedef struct {
	guint max_depth;          /* MIME nesting depth (default 20) */
	guint max_parts;          /* MIME parts walked (default 500) */
	guint64 max_part_bytes;   /* decoded bytes read from one part (default 20 MB) */
	guint64 max_text_bytes;   /* bytes kept in Facts.text and Facts.html each (default 4 MB) */
	guint max_links;          /* links kept (default 2000) */
	guint max_html_nodes;     /* HTML nodes visited per part (default 200000) */
	guint max_headers;        /* top-level header fields kept (default 1000) */
	guint max_header_bytes;   /* bytes kept of one header value (default 16 KB) */
	gint64 deadline;          /* g_get_monotonic_time() after which long stages stop and
	                           * add a "timeout:…" anomaly; 0: none.  Set per message. */
} ExtractLimits;

#define EXTRACT_ERROR (extract_error_quark())
GQuark extract_error_quark(void);

/* extract_init - once per process, before any thread uses extraction:
 * g_mime_init(), the public suffix list, the libmagic handle pool. */
void extract_init(void);

void extract_limits_default(ExtractLimits *lim);

/*
 * extract_stream - parse the message read from stream and fill f.
 * Recoverable trouble (bad boundaries, limits, undecodable parts) becomes
 * anomalies in f and the call still returns TRUE.  Returns FALSE and sets err
 * only when the stream holds no parsable message at all, so the caller can
 * apply its failure policy.  Does not take ownership of stream.
 */
gboolean extract_stream(GMimeStream *stream, const ExtractLimits *lim, Facts *f, GError **err);

/* extract_base64_step - g_mime_encoding_base64_decode_step's output, faster
 * (see extract.c); out needs room for len * 3 / 4 + 3 bytes */
gsize extract_base64_step(const guchar *in, gsize len, guchar *out, int *state, guint32 *save);

/* extract_facts_dump - human-readable listing of every fact in f, appended to out
 * (for the checker and for tests). */
void extract_facts_dump(const Facts *f, GString *out);

#endif
