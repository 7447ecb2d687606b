/*
 * util/text.c - small text helpers shared by several stages (see util/text.h).
 */
#include <string.h>
#include "util/text.h"

guint text_edit_distance(const char *a, const char *b)
{
	gsize la = strlen(a), lb = strlen(b);
	g_autofree guint *row = g_new(guint, lb + 1);

	for (gsize j = 0; j <= lb; j++)
		row[j] = (guint)j;
	for (gsize i = 1; i <= la; i++) {
		guint prev = row[0];
		row[0] = (guint)i;
		for (gsize j = 1; j <= lb; j++) {
			guint cur = row[j];
			guint cost = g_ascii_tolower(a[i - 1]) == g_ascii_tolower(b[j - 1]) ? 0 : 1;
			row[j] = MIN(MIN(row[j] + 1, row[j - 1] + 1), prev + cost);
			prev = cur;
		}
	}
	return row[lb];
}

const char *text_suggest(const char *word, const char *const *cands, guint n, guint max_edits,
                         TextSuggest how)
{
	const char *best = NULL;
	guint best_d = G_MAXUINT;

	if (word == NULL || *word == '\0')
		return NULL;
	for (guint i = 0; i < n; i++) {
		guint d = text_edit_distance(word, cands[i]);
		if (d < best_d) {
			best_d = d;
			best = cands[i];
		}
	}
	if (best == NULL || best_d > max_edits)
		return NULL;
	if (how == TEXT_SUGGEST_TYPO &&
	    (best_d == 0 || best_d * 2 > MAX(strlen(word), strlen(best))))
		return NULL;
	return best;
}

gboolean text_parse_size(const char *s, guint64 max, guint64 *out)
{
	guint64 v = 0, mul = 1;
	const char *q = s;

	if (!g_ascii_isdigit(*q))
		return FALSE;
	for (; g_ascii_isdigit(*q); q++) {
		guint d = (guint)(*q - '0');
		if (v > (max - d) / 10)
			return FALSE;
		v = v * 10 + d;
	}
	switch (*q) {
	case '\0': break;
	case 'k': case 'K': mul = 1024; q++; break;
	case 'm': case 'M': mul = 1024 * 1024; q++; break;
	case 'g': case 'G': mul = 1024 * 1024 * 1024; q++; break;
	default: return FALSE;
	}
	if ((*q == 'b' || *q == 'B') && mul > 1)
		q++;
	if (*q != '\0' || v > max / mul)
		return FALSE;
	*out = v * mul;
	return TRUE;
}

char *text_address_bare(const char *addr)
{
	const char *s = addr ? addr : "";
	gsize n;

	while (*s == ' ' || *s == '<')
		s++;
	n = strlen(s);
	while (n > 0 && (s[n - 1] == '>' || s[n - 1] == ' '))
		n--;
	return g_strndup(s, n);
}

/* line_escaped - TEXT_LINE_LOG: the first max bytes, controls, backslash
 * and invalid UTF-8 as \xNN, then "..." if cut */
static char *line_escaped(const char *s, gsize max)
{
	GString *out = g_string_new(NULL);
	const char *p = s, *end;
	gsize len = strlen(p);
	gboolean cut = len > max;

	end = p + (cut ? max : len);
	while (p < end) {
		gunichar c = g_utf8_get_char_validated(p, end - p);
		if (c == (gunichar)-1 || c == (gunichar)-2) {
			g_string_append_printf(out, "\\x%02x", (guchar)*p);
			p++;
			continue;
		}
		if (c < 0x20 || c == 0x7f || c == '\\' || (c >= 0x80 && c < 0xa0))
			g_string_append_printf(out, "\\x%02x", (guint)c);
		else
			g_string_append_len(out, p, g_utf8_next_char(p) - p);
		p = g_utf8_next_char(p);
	}
	if (cut)
		g_string_append(out, "...");
	return g_string_free(out, FALSE);
}

/* line_ascii - TEXT_LINE_ASCII: transliterated, controls as spaces, at
 * most max bytes ending in "..." if cut */
static char *line_ascii(const char *s, gsize max)
{
	g_autofree char *valid = g_utf8_make_valid(s, -1);
	char *a = g_str_to_ascii(valid, "C");
	gsize n = 0;

	for (char *p = a; *p; p++) {
		if ((guchar)*p < 0x20 || (guchar)*p >= 0x7f)
			*p = ' ';
		n++;
	}
	if (n > max) {
		a[max] = '\0';
		if (max > 3)
			memcpy(a + max - 3, "...", 3);
	}
	return a;
}

/* line_utf8 - TEXT_LINE_UTF8: valid UTF-8, controls as spaces, at most max
 * bytes, cut on a character boundary with an ellipsis */
static char *line_utf8(const char *s, gsize max)
{
	char *v = g_utf8_make_valid(s, -1), *out;
	gsize len = strlen(v), cut;

	for (char *p = v; *p; p++)
		if ((unsigned char)*p < 0x20 || *p == 0x7f)
			*p = ' ';
	if (len <= max)
		return v;
	cut = max > 3 ? max - 3 : 0;
	while (cut > 0 && ((unsigned char)v[cut] & 0xC0) == 0x80)
		cut--;
	v[cut] = '\0';
	out = g_strconcat(v, "\xe2\x80\xa6", NULL);
	g_free(v);
	return out;
}

char *text_line(const char *s, gsize max, TextLine style)
{
	if (s == NULL)
		s = "";
	switch (style) {
	case TEXT_LINE_LOG:
		return line_escaped(s, max);
	case TEXT_LINE_ASCII:
		return line_ascii(s, max);
	case TEXT_LINE_UTF8:
		return line_utf8(s, max);
	}
	g_assert_not_reached();
}

char *text_casefold(const char *s)
{
	for (const guchar *p = (const guchar *)s; *p; p++)
		if (*p >= 0x80)
			return g_utf8_casefold(s, -1);
	return g_ascii_strdown(s, -1);
}
