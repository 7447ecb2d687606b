/*
 * util/text.h - small text helpers shared by several stages.
 */
#ifndef AMZ_TEXTUTIL_H
#define AMZ_TEXTUTIL_H

#include <glib.h>

/* text_edit_distance - Levenshtein distance, for "did you mean" hints */
guint text_edit_distance(const char *a, const char *b);

/* text_address_bare - "local@dom" from "<local@dom>" (newly allocated) */
char *text_address_bare(const char *addr);

/* How text_line makes untrusted text one safe line. */
typedef enum {
	TEXT_LINE_LOG,    /* a log line: controls, backslash and invalid UTF-8 as
	                   * \xNN; at most max bytes of input, then "..." */
	TEXT_LINE_ASCII,  /* an SMTP reply line: ASCII only (transliterated),
	                   * controls as spaces, at most max bytes with "..." */
	TEXT_LINE_UTF8,   /* a rule's message or evidence: valid UTF-8, controls
	                   * as spaces, at most max bytes with an ellipsis */
} TextLine;

/* text_line - s (NULL: "") as one line of the given style; transfer full */
char *text_line(const char *s, gsize max, TextLine style);

/* text_casefold - g_utf8_casefold(s, -1), without its per-character tables
 * when s is ASCII (where case folding is lower-casing): rule values are
 * folded per message, some dozens of times */
char *text_casefold(const char *s);

#endif
