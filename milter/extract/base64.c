/*
 * base64.c - base64 bodies: the fast decoding step and the line checks.
 *
 * In:  encoded bytes, a chunk at a time, with a state the caller keeps.
 * Out: base64_step: the decoded bytes, exactly what GMime's
 *      g_mime_encoding_base64_decode_step gives (into the caller's buffer);
 *      base64_lines: whether decoders that work per line would read the
 *      body as GMime does.
 *
 * One table serves both: each alphabet byte's six bits, already shifted
 * into place for each position of a quartet; BASE64_NOT for any other byte.
 */
#include <string.h>
#include "extract/base64.h"

enum {
	BASE64_QUARTET = 4,             /* characters per quantum */
	BASE64_BITS = 6,                /* bits per character */
	BASE64_ALPHABET = 64,
	BASE64_TOP_SHIFT = (BASE64_QUARTET - 1) * BASE64_BITS,   /* first character's place */
};

/* Per position in a quartet, each byte's six bits already shifted into
 * place; BASE64_NOT (a bit no data character sets) for any other byte. */
#define BASE64_NOT 0x01000000u
static guint32 base64_shifted[BASE64_QUARTET][256];
static GOnce base64_once = G_ONCE_INIT;

/* base64_tables - fill base64_shifted from the alphabet, once */
static gpointer base64_tables(gpointer unused)
{
	static const char alphabet[BASE64_ALPHABET + 1] =
		"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

	(void)unused;
	for (guint k = 0; k < BASE64_QUARTET; k++)
		for (guint b = 0; b < 256; b++)
			base64_shifted[k][b] = BASE64_NOT;
	for (guint i = 0; i < BASE64_ALPHABET; i++)
		for (guint k = 0; k < BASE64_QUARTET; k++)
			base64_shifted[k][(guchar)alphabet[i]] = (guint32)i << (BASE64_TOP_SHIFT - BASE64_BITS * k);
	return NULL;
}

/*
 * base64_step - GMime's base64 decoding step, byte for byte, with
 * the common case done four characters at a time: at a quartet boundary,
 * runs of whole quartets and the line ends between them are decoded here;
 * anything else (padding, stray characters, a quartet broken across a line
 * end) goes to g_mime_encoding_base64_decode_step, up to where its state
 * is at a quartet boundary again.  Its decoder reads one character at a
 * time and a state carries over, so the two agree wherever the input is
 * cut.  GMime's own loop takes one character at a time, and decoding is
 * most of the work on an attachment.  state and save as GMime's (0 to start).
 */
gsize base64_step(const guchar *in, gsize len, guchar *out, int *state, guint32 *save)
{
	const guchar *p = in, *end = in + len;
	guchar *o = out;

	g_once(&base64_once, base64_tables, NULL);
	while (p < end && *state != -1) {   /* -1: GMime saw the end ("=") */
		if (*state == 0) {
			while (p < end) {
				if (end - p >= BASE64_QUARTET) {
					guint32 v = base64_shifted[0][p[0]] | base64_shifted[1][p[1]] |
					            base64_shifted[2][p[2]] | base64_shifted[3][p[3]];
					if (!(v & BASE64_NOT)) {
						o[0] = (guchar)(v >> 16);
						o[1] = (guchar)(v >> 8);
						o[2] = (guchar)v;
						o += 3;
						p += BASE64_QUARTET;
						continue;
					}
				}
				if (*p == '\n' || *p == '\r')     /* skipped by GMime too */
					p++;
				else
					break;
			}
			if (p == end)
				break;
		}
		/* GMime's step, to the end of this line (or of the input) */
		{
			const guchar *nl = memchr(p, '\n', (gsize)(end - p));
			const guchar *stop = nl ? nl + 1 : end;
			o += g_mime_encoding_base64_decode_step(p, (gsize)(stop - p), o, state, save);
			p = stop;
		}
	}
	return (gsize)(o - out);
}

/* base64_data - whether byte b is one of the alphabet's */
static inline gboolean base64_data(guchar b)
{
	return !(base64_shifted[0][b] & BASE64_NOT);
}

/* base64_lines - see base64.h.  Runs over every encoded byte of every
 * part: data is skipped four at a time, the entries OR to a value without
 * BASE64_NOT only when all four are data. */
gboolean base64_lines(const guchar *buf, gsize n, Base64Lines *st)
{
	const guint32 *t = base64_shifted[0];
	const guchar *p = buf, *end = buf + n;

	g_once(&base64_once, base64_tables, NULL);
	while (p < end) {
		const guchar *nl = memchr(p, '\n', (gsize)(end - p));
		const guchar *le = nl ? nl : end;
		while (p < le) {
			const guchar *run = p;
			while (le - p >= BASE64_QUARTET && !((t[p[0]] | t[p[1]] | t[p[2]] | t[p[3]]) & BASE64_NOT))
				p += BASE64_QUARTET;
			while (p < le && base64_data(*p))
				p++;
			if (p > run) {
				if (st->padded || st->blank)
					return FALSE;
				st->linelen += (guint)(p - run);
			}
			if (p == le)
				break;
			if (*p == '=') {
				st->padded = TRUE;
				st->linelen++;
			} else if (!g_ascii_isspace(*p)) {
				return FALSE;
			}
			p++;
		}
		if (nl == NULL)
			break;
		if (st->linelen == 0 && st->prevlen > 0)
			st->blank = TRUE;
		else if (st->linelen > 0 && st->prevlen % BASE64_QUARTET != 0)
			return FALSE;
		if (st->linelen > 0)
			st->prevlen = st->linelen;
		st->linelen = 0;
		p = nl + 1;
	}
	return TRUE;
}

/* base64_lines_end - see base64.h */
gboolean base64_lines_end(const Base64Lines *st)
{
	return !(st->linelen > 0 && st->prevlen % BASE64_QUARTET != 0);
}
