/*
 * util/text.c - small text helpers shared by several stages (see util/text.h).
 */
#include <string.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <unicode/utrans.h>
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
	char *a = text_ascii_readable(s);
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

/* Folding goes through UTF-16, ICU's own form: short words on the stack. */
#define FOLD_STACK 256

gint32 text_fold_fixup(guint16 *u, gint32 n)
{
	gint32 w = 0;
	for (gint32 r = 0; r < n; r++)
		if (!(u[r] == 0x0307 && w > 0 && u[w - 1] == 'i'))
			u[w++] = u[r];
	return w;
}

void text_nfkc_fold(const char *s, gsize len, GString *out)
{
	static const UNormalizer2 *nf;
	static gsize nf_once;
	UChar sbuf[FOLD_STACK], dbuf[FOLD_STACK * 2];
	UChar *src = sbuf, *dst = dbuf;
	int32_t n = 0, m, cap_src = FOLD_STACK, cap_dst = FOLD_STACK * 2, olen = 0;
	UErrorCode e = U_ZERO_ERROR;

	if (len == 0)
		return;
	{
		/* ASCII: folding is lower-casing (most words of most mail) */
		gsize i;
		for (i = 0; i < len && (guchar)s[i] < 0x80; i++)
			;
		if (i == len) {
			gsize at = out->len;
			g_string_set_size(out, at + len);
			for (i = 0; i < len; i++)
				out->str[at + i] = g_ascii_tolower(s[i]);
			return;
		}
	}
	if (g_once_init_enter(&nf_once)) {
		UErrorCode e0 = U_ZERO_ERROR;
		nf = unorm2_getNFKCCasefoldInstance(&e0);
		g_once_init_leave(&nf_once, 1);
	}
	if (len > (gsize)G_MAXINT32 / 4)
		len = G_MAXINT32 / 4;
	if (len >= FOLD_STACK)
		src = g_new(UChar, cap_src = (int32_t)len + 1);
	u_strFromUTF8WithSub(src, cap_src, &n, s, (int32_t)len, 0xFFFD, NULL, &e);
	if (U_FAILURE(e) || nf == NULL)
		goto out;
	if (n * 3 + 16 > cap_dst)
		dst = g_new(UChar, cap_dst = n * 3 + 16);
	m = unorm2_normalize(nf, src, n, dst, cap_dst, &e);
	if (e == U_BUFFER_OVERFLOW_ERROR) {
		e = U_ZERO_ERROR;
		if (dst != dbuf)
			g_free(dst);
		dst = g_new(UChar, cap_dst = m + 1);
		m = unorm2_normalize(nf, src, n, dst, cap_dst, &e);
	}
	if (U_FAILURE(e))
		goto out;
	m = text_fold_fixup(dst, m);
	e = U_ZERO_ERROR;
	u_strToUTF8(NULL, 0, &olen, dst, m, &e);
	e = U_ZERO_ERROR;
	{
		gsize at = out->len;
		g_string_set_size(out, at + olen);
		u_strToUTF8WithSub(out->str + at, olen + 1, &olen, dst, m, 0xFFFD, NULL, &e);
		if (U_FAILURE(e))
			g_string_truncate(out, at);
	}
out:
	if (src != sbuf)
		g_free(src);
	if (dst != dbuf)
		g_free(dst);
}

/* One transliterator for the process: opening one builds dozens of rule
 * tables (milliseconds), and only replies quoting non-Latin text need it,
 * so it is made on first use and used under a lock (an ICU transliterator
 * is not safe to share between threads). */
static GMutex translit_lock;
static UTransliterator *translit;

char *text_ascii_readable(const char *s)
{
	gboolean latin = TRUE;
	g_autofree char *valid = g_utf8_make_valid(s, -1);

	for (const char *p = valid; *p; p = g_utf8_next_char(p)) {
		gunichar c = g_utf8_get_char(p);
		if (c >= 0x250 && g_unichar_isalpha(c)) {     /* beyond Latin Extended */
			latin = FALSE;
			break;
		}
	}
	if (!latin) {
		UChar buf[1024];
		int32_t n = 0, lim;
		UErrorCode e = U_ZERO_ERROR;

		u_strFromUTF8WithSub(buf, G_N_ELEMENTS(buf) / 2, &n, valid, -1, 0xFFFD, NULL, &e);
		if (U_SUCCESS(e)) {
			g_mutex_lock(&translit_lock);
			if (translit == NULL) {
				static const UChar id[] = u"Any-Latin; Latin-ASCII";
				translit = utrans_openU(id, -1, UTRANS_FORWARD, NULL, 0, NULL, &e);
			}
			lim = n;
			if (translit != NULL && U_SUCCESS(e))
				utrans_transUChars(translit, buf, &n, G_N_ELEMENTS(buf), 0, &lim, &e);
			g_mutex_unlock(&translit_lock);
			if (U_SUCCESS(e)) {
				char out[3 * G_N_ELEMENTS(buf)];
				int32_t olen = 0;
				u_strToUTF8WithSub(out, sizeof out, &olen, buf, n, 0xFFFD, NULL, &e);
				if (U_SUCCESS(e)) {
					g_free(valid);
					valid = g_strndup(out, olen);
					/* ayn and hamza come out as modifier letters: an apostrophe reads the same */
					for (char *q; (q = strstr(valid, "\xca\xbf")) || (q = strstr(valid, "\xca\xbe"));) {
						*q = '\'';
						memmove(q + 1, q + 2, strlen(q + 2) + 1);
					}
				}
			}
		}
	}
	return g_str_to_ascii(valid, "C");
}

const char *text_list_next(const char **p, gsize *len)
{
	const char *q = *p, *start;

	while (*q == ',' || g_ascii_isspace(*q))
		q++;
	if (*q == '\0') {
		*p = q;
		return NULL;
	}
	start = q;
	while (*q && *q != ',' && !g_ascii_isspace(*q))
		q++;
	*len = (gsize)(q - start);
	*p = q;
	return start;
}
