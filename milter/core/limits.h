/*
 * limits.h - what extraction is given besides the message: the bounds on
 * the work done for it, and the word lists link finding reads.
 *
 * The bounds are set by the configuration (conf.h); crossing one adds a
 * "limit:…" anomaly to the facts and stops that kind of work, never the
 * whole check.  The word lists are named lists of the rule files (the
 * shipped ones in rules/lists/link-*.list and redirect-params.list), which
 * the snapshot (engine/snapshot.c) hands over when it loads.
 */
#ifndef AMZ_LIMITS_H
#define AMZ_LIMITS_H

#include <glib.h>

/* The word lists of link finding (extract/urls.c, extract/redirect.c):
 * sets of case-folded words (word -> word), owned by the ruleset that
 * defines them.  A NULL set is an empty list. */
typedef struct {
	const GHashTable *file_extensions;  /* link_file_extensions: "readme.md" is a file */
	const GHashTable *sentence_end;     /* link_sentence_end_words: "you.best" is two words */
	const GHashTable *dot_stopwords;    /* link_dot_stopwords: "the dot com era" is prose */
	const GHashTable *redirect_params;  /* redirect_params: where a redirector's target is */
} LinkWords;

/* limits_word - w (n bytes) is in the set (compared case-folded) */
gboolean limits_word(const GHashTable *set, const char *w, gsize n);

typedef struct {
	guint max_depth;          /* MIME nesting depth (default 20) */
	guint max_parts;          /* MIME parts walked (default 500) */
	guint64 max_part_bytes;   /* decoded bytes read from one part (default 20 MB) */
	guint64 max_text_bytes;   /* bytes kept in Facts.text and Facts.html each (default 4 MB) */
	guint max_links;          /* links kept (default 2000) */
	guint max_html_nodes;     /* HTML nodes visited per part (default 200000) */
	guint max_headers;        /* top-level header fields kept (default 1000) */
	guint max_header_bytes;   /* bytes kept of one header value (default 16 KB) */
	guint64 max_analysis_bytes; /* bytes of subject and text split into sentences and
	                           * words (default 4 MB, as the text) */
	guint max_sentences;      /* sentences kept by that analysis (default 100000) */
	guint max_tokens;         /* words kept by it (default 1000000) */
	gint64 deadline;          /* g_get_monotonic_time() after which long stages stop and
	                           * add a "timeout:…" anomaly; 0: none.  Set per message. */
	const LinkWords *words;   /* NULL: every list empty */
} ExtractLimits;

/* limits_default - the defaults above, no deadline */
void limits_default(ExtractLimits *lim);

#endif
