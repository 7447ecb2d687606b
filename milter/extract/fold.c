/*
 * fold.c - body text in the form a reader sees it, for link finding and
 * for the rules.
 *
 * In:  valid UTF-8 text (charset.c's output).
 * Out: new strings, transfer full: format=flowed soft line breaks joined
 *      (fold_flowed), and NFKC with invisible format characters dropped
 *      (fold_text).
 */
#include <string.h>
#include "extract/fold.h"

/* A g_utf8_normalize() slice: at least FOLD_SLICE bytes, and at most
 * FOLD_SLICE_FAR more to reach an ASCII byte where it may end. */
#define FOLD_SLICE 4096
#define FOLD_SLICE_FAR 65536

/* fold_flowed - see fold.h */
char *fold_flowed(const char *t, gboolean delsp)
{
	GString *out = g_string_sized_new(strlen(t));
	char **lines = g_strsplit(t, "\n", -1);

	for (int i = 0; lines[i]; i++) {
		char *l = lines[i];
		gsize n;
		if (strcmp(l, "-- ") == 0) {
			g_string_append(out, l);
			g_string_append_c(out, '\n');
			continue;
		}
		if (l[0] == ' ')
			l++;        /* space-stuffing */
		n = strlen(l);
		if (n > 0 && l[n - 1] == ' ' && lines[i + 1] != NULL) {
			g_string_append_len(out, l, delsp ? n - 1 : n);
		} else {
			g_string_append(out, l);
			if (lines[i + 1] != NULL)
				g_string_append_c(out, '\n');
		}
	}
	g_strfreev(lines);
	return g_string_free(out, FALSE);
}

/* normalize_nfkc - g_utf8_normalize() slice by slice.  It composes by
 * shifting the rest of its buffer once per composed pair, which is quadratic
 * on long decomposed (NFD) text.  A slice ends before an ASCII character:
 * none is ever the second of a composed pair, so the result is the same.
 * NULL on invalid UTF-8, like g_utf8_normalize(). */
static char *normalize_nfkc(const char *s, gsize len)
{
	GString *out = g_string_sized_new(len + len / 4);
	const char *p = s, *end = s + len;

	while (p < end) {
		const char *q = p + MIN((gsize)(end - p), FOLD_SLICE);
		const char *far = q + MIN((gsize)(end - q), FOLD_SLICE_FAR);
		char *n;
		while (q < far && (guchar)*q >= 0x80)
			q++;
		while (q < end && ((guchar)*q & 0xc0) == 0x80)   /* never inside a character */
			q++;
		n = g_utf8_normalize(p, q - p, G_NORMALIZE_NFKC);
		if (n == NULL) {
			g_string_free(out, TRUE);
			return NULL;
		}
		g_string_append(out, n);
		g_free(n);
		p = q;
	}
	return g_string_free(out, FALSE);
}

/*
 * fold_text - what a reader sees, in one form: NFKC (full-width letters and
 * digits, ligatures and compatibility forms become their plain letters, so
 * "ｃｏｕｐｏｎ" reads "coupon") and no invisible format characters
 * (zero-width spaces and joiners, soft hyphens, bidi controls) that split
 * words for the eye but not for a pattern.  ASCII passes unchanged.
 * Transfer full.
 */
char *fold_text(const char *s, gsize len)
{
	gboolean ascii = TRUE;
	char *nfkc;
	GString *out;

	for (gsize i = 0; i < len && ascii; i++)
		ascii = (guchar)s[i] < 0x80;
	if (ascii)
		return g_strndup(s, len);
	nfkc = normalize_nfkc(s, len);
	if (nfkc == NULL)
		return g_strndup(s, len);
	out = g_string_sized_new(strlen(nfkc));
	for (const char *p = nfkc; *p; p = g_utf8_next_char(p)) {
		gunichar ch = g_utf8_get_char(p);
		if (g_unichar_type(ch) == G_UNICODE_FORMAT)
			continue;
		g_string_append_unichar(out, ch);
	}
	g_free(nfkc);
	return g_string_free(out, FALSE);
}
