/*
 * limits.h - the bounds on the work done for one message.
 *
 * Set by the configuration (conf.h), read by extraction (extract/): crossing
 * one adds a "limit:…" anomaly to the facts and stops that kind of work,
 * never the whole check.
 */
#ifndef AMZ_LIMITS_H
#define AMZ_LIMITS_H

#include <glib.h>

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

/* limits_default - the defaults above, no deadline */
void limits_default(ExtractLimits *lim);

#endif
