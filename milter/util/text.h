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

/* text_escape - untrusted bytes for a log line: controls, backslash and
 * invalid UTF-8 as \xNN; at most max bytes of input (then "...") */
char *text_escape(const char *s, gsize max);

/* text_ascii_line - one SMTP reply line: ASCII only (transliterated),
 * no control characters, at most max bytes */
char *text_ascii_line(const char *s, gsize max);

/* text_casefold - g_utf8_casefold(s, -1), without its per-character tables
 * when s is ASCII (where case folding is lower-casing): rule values are
 * folded per message, some dozens of times */
char *text_casefold(const char *s);

#endif
