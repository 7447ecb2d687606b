/*
 * util/text.h - small text helpers shared by several stages.
 */
#ifndef AMZ_TEXTUTIL_H
#define AMZ_TEXTUTIL_H

#include <glib.h>

/* text_edit_distance - Levenshtein distance, ASCII case-insensitive, for
 * "did you mean" hints */
guint text_edit_distance(const char *a, const char *b);

/* How close a suggestion must be. */
typedef enum {
	TEXT_SUGGEST_NEAREST,   /* the nearest within max_edits, even the same word in another case */
	TEXT_SUGGEST_TYPO,      /* also: not the same word, and fewer edits than half the longer word */
} TextSuggest;

/* text_suggest - for "did you mean": the first of the candidates nearest to
 * word, when within max_edits (and as how asks); NULL for none, or for an
 * empty word */
const char *text_suggest(const char *word, const char *const *cands, guint n, guint max_edits,
                         TextSuggest how);

/* text_parse_size - "5", "100k", "10M", "2G", also "10m" and "10MB":
 * binary multiples (k = 1024), suffixes in either case, an optional "B"
 * after one; FALSE on anything else or a value above max */
gboolean text_parse_size(const char *s, guint64 max, guint64 *out);

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

/* text_list_next - the next item of a comma- or blank-separated list
 * ("a, b c") at *p: its start, with *len its length, and *p past it; NULL
 * at the end.  The one syntax of every list a configuration value holds. */
const char *text_list_next(const char **p, gsize *len);

/* text_casefold - g_utf8_casefold(s, -1), without its per-character tables
 * when s is ASCII (where case folding is lower-casing): rule values are
 * folded per message, some dozens of times */
char *text_casefold(const char *s);

/* text_nfkc_fold - append s[0..len) to out in Unicode NFKC_Casefold form
 * (ICU): case folded, compatibility forms unified (full-width "ＡＢ１" is
 * "ab1", "ﬁ" is "fi", "Straße" is "strasse").  Words of lexicons and of
 * messages are compared in this form.  Invalid UTF-8 becomes U+FFFD. */
void text_nfkc_fold(const char *s, gsize len, GString *out);

/* text_fold_fixup - after NFKC_Casefold of u[0..n) (UTF-16 units): drops the
 * U+0307 that follows an "i" (Turkish capital İ folds to i + dot, which
 * would keep "İade" from matching "iade"); returns the new length */
gint32 text_fold_fixup(guint16 *u, gint32 n);

/* text_ascii_readable - s in a form an ASCII-only reader can read: Latin
 * letters without their accents, other scripts transliterated into Latin
 * ("レビュー" is "rebyu", "Отзыв" is "Otzyv"), what is left as "?";
 * transfer full */
char *text_ascii_readable(const char *s);

#endif
