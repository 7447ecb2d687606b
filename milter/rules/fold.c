/*
 * rules/fold.c - case folding as the literal prefilter compares text.
 *
 * Every character maps to the representative of its PCRE2 caseless set, so
 * a literal found in the original text under /i or /iu is found in the
 * folded text.  Literal characters are limited to ranges where that holds
 * (rules_lit_char_ok; test_rules.c checks it against PCRE2 over every code
 * point).  Input: text bytes; output: appended to the caller's GString.
 */
#include "rules/internal.h"

/* rules_fold_char - the representative of c's caseless set */
gunichar rules_fold_char(gunichar c)
{
	if (c < 0x80)
		return g_ascii_tolower((char)c);
	switch (c) {
	case 0x017F: return 's';        /* long s */
	case 0x212A: return 'k';        /* Kelvin sign */
	case 0x212B: return 0xE5;       /* Angstrom sign */
	case 0x1E9E: return 0xDF;       /* capital sharp s */
	case 0x1E9B: return 0x1E61;     /* long s with dot above */
	default: return g_unichar_tolower(c);
	}
}

/* rules_lit_char_ok - c may be part of a literal: its caseless set is known
 * to fold to one character (checked by the unit tests) */
gboolean rules_lit_char_ok(gunichar c)
{
	return (c >= 0x20 && c < 0x7F) ||
	       (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7) ||
	       (c >= 0x1E00 && c <= 0x1EFF) ||
	       (c >= 0x2000 && c <= 0x20CF) ||          /* punctuation, currency (€) */
	       (c >= 0x2190 && c <= 0x2BFF) ||          /* arrows, shapes, symbols, dingbats */
	       (c >= 0x3000 && c <= 0x30FF) ||          /* CJK punctuation, kana */
	       (c >= 0x4E00 && c <= 0x9FFF) ||          /* CJK ideographs */
	       (c >= 0xFF00 && c <= 0xFFEF);            /* full- and half-width forms */
}

/* rules_fold - append the folded s[0..len) to out; invalid UTF-8 bytes are
 * copied as they are.  TRUE when s is valid UTF-8 and every character
 * folded to as many bytes as it had, so an offset in out is the same
 * offset in s. */
gboolean rules_fold(const char *s, gsize len, GString *out)
{
	gboolean aligned = TRUE;
	const guchar *p = (const guchar *)s, *end = p + len;
	gsize at = out->len;
	char *w;

	/* folding never makes a character longer, except the three signs
	 * above: room for twice the text covers any mix */
	g_string_set_size(out, at + len * 2 + 8);
	w = out->str + at;
	while (p < end) {
		if (*p < 0x80) {        /* g_ascii_tolower, without a call per byte */
			guchar b = *p++;
			*w++ = (char)((unsigned)(b - 'A') < 26u ? b + ('a' - 'A') : b);
			continue;
		}
		gunichar c = g_utf8_get_char_validated((const char *)p, end - p);
		if (c == (gunichar)-1 || c == (gunichar)-2) {
			*w++ = (char)*p++;
			aligned = FALSE;
			continue;
		}
		const guchar *q = (const guchar *)g_utf8_next_char(p);
		int n = g_unichar_to_utf8(rules_fold_char(c), w);
		aligned &= n == q - p;
		w += n;
		p = q;
	}
	g_string_set_size(out, w - out->str);
	return aligned;
}
