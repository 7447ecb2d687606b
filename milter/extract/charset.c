/*
 * charset.c - decoded bytes in a declared charset -> valid UTF-8 text.
 *
 * In:  a part's decoded bytes and the charset its Content-Type names (or
 *      none).
 * Out: a NUL-terminated UTF-8 string with LF line ends (transfer full):
 *      undeclared text is UTF-8 if valid, else windows-1252; bytes a
 *      charset does not define become U+FFFD; NUL becomes a space.
 */
#include <errno.h>
#include <iconv.h>
#include <string.h>
#include <gmime/gmime.h>
#include "extract/charset.h"

#define CHARSET_REPLACEMENT "\xef\xbf\xbd"      /* U+FFFD in UTF-8 */
#define CHARSET_FALLBACK "windows-1252"         /* what undeclared non-UTF-8 text is read as */
#define CHARSET_ICONV_CHUNK 4096                 /* bytes converted at a time */

/* charset_cut - see charset.h */
gsize charset_cut(const char *s, gsize len, gsize max)
{
	if (len <= max)
		return len;
	while (max > 0 && ((guchar)s[max] & 0xc0) == 0x80)
		max--;
	return max;
}

/* is_utf8_name - a charset name that means UTF-8 or its ASCII subset */
static gboolean is_utf8_name(const char *cs)
{
	return g_ascii_strcasecmp(cs, "utf-8") == 0 || g_ascii_strcasecmp(cs, "utf8") == 0 ||
	       g_ascii_strcasecmp(cs, "us-ascii") == 0 || g_ascii_strcasecmp(cs, "ascii") == 0;
}

/* convert - iconv with U+FFFD for every byte the charset does not define; NULL if unknown */
static GString *convert(const char *buf, gsize len, const char *charset)
{
	iconv_t cd = g_mime_iconv_open("UTF-8", charset);
	GString *out;
	char *in = (char *)buf, tmp[CHARSET_ICONV_CHUNK];
	size_t inleft = len;

	if (cd == (iconv_t)-1)
		return NULL;
	out = g_string_sized_new(len + 16);
	while (inleft > 0) {
		char *o = tmp;
		size_t oleft = sizeof tmp;
		size_t r = iconv(cd, &in, &inleft, &o, &oleft);
		g_string_append_len(out, tmp, o - tmp);
		if (r == (size_t)-1) {
			if (errno == E2BIG)
				continue;
			g_string_append(out, CHARSET_REPLACEMENT);
			if (errno != EILSEQ)
				break;          /* incomplete sequence at the end, or worse */
			in++;
			inleft--;
			iconv(cd, NULL, NULL, NULL, NULL);
		}
	}
	{
		char *o = tmp;
		size_t oleft = sizeof tmp;
		iconv(cd, NULL, NULL, &o, &oleft);
		g_string_append_len(out, tmp, o - tmp);
	}
	g_mime_iconv_close(cd);
	return out;
}

/* wide_charset - UTF-16/32 and UCS-2/4, where NUL bytes are part of characters */
static gboolean wide_charset(const char *cs)
{
	return cs != NULL && (strstr(cs, "16") || strstr(cs, "32") || g_ascii_strncasecmp(cs, "ucs", 3) == 0);
}

/* charset_to_utf8 - see charset.h */
char *charset_to_utf8(const guint8 *buf, gsize len, const char *charset)
{
	GString *in = g_string_new_len((const char *)buf, len), *s = NULL;
	gsize w = 0;

	if (charset != NULL && *charset == '\0')
		charset = NULL;
	/* NUL would end the string for every C consumer: embedded ones become spaces */
	if (!wide_charset(charset))
		for (char *z = memchr(in->str, '\0', in->len); z != NULL;
		     z = memchr(z + 1, '\0', in->len - (gsize)(z + 1 - in->str)))
			*z = ' ';
	if (g_utf8_validate(in->str, in->len, NULL) && (charset == NULL || is_utf8_name(charset)))
		s = g_steal_pointer(&in);
	else if (charset != NULL && !is_utf8_name(charset))
		s = convert(in->str, in->len, charset);
	if (s == NULL && charset != NULL && is_utf8_name(charset) &&
	    g_ascii_strncasecmp(charset, "utf", 3) == 0)
		s = g_steal_pointer(&in);
	if (s == NULL)
		s = convert(in->str, in->len, CHARSET_FALLBACK);
	if (s == NULL)
		s = g_steal_pointer(&in);
	if (in != NULL)
		g_string_free(in, TRUE);

	/* LF line ends, no NUL (a wide charset's): in place, the text only shrinks */
	if (memchr(s->str, '\r', s->len) != NULL || memchr(s->str, '\0', s->len) != NULL) {
		for (gsize i = 0; i < s->len; i++) {
			char ch = s->str[i];
			if (ch == '\r') {
				if (i + 1 < s->len && s->str[i + 1] == '\n')
					continue;
				ch = '\n';
			} else if (ch == '\0') {
				ch = ' ';
			}
			s->str[w++] = ch;
		}
		g_string_truncate(s, w);
	}
	if (g_utf8_validate(s->str, (gssize)s->len, NULL))
		return g_string_free(s, FALSE);
	{
		char *valid = g_utf8_make_valid(s->str, (gssize)s->len);
		g_string_free(s, TRUE);
		return valid;
	}
}
