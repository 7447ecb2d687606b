/*
 * base64.h - base64 bodies: the fast decoding step and the line checks
 * (see base64.c).  No allocation; the caller owns every buffer and state.
 */
#ifndef AMZ_BASE64_H
#define AMZ_BASE64_H

#include <gmime/gmime.h>

/* base64_step - g_mime_encoding_base64_decode_step's output, faster; out
 * needs room for len * 3 / 4 + 3 bytes; state and save start at 0 */
gsize base64_step(const guchar *in, gsize len, guchar *out, int *state, guint32 *save);

/*
 * Base64 as decoders that work per line see it: a line that does not end
 * on a quantum, or data after padding or after a blank line, is split
 * differently by them.  The state carries across chunks; zero it to start.
 */
typedef struct {
	gboolean padded, blank;
	guint linelen, prevlen;
} Base64Lines;

/* base64_lines - FALSE when buf breaks the rules above */
gboolean base64_lines(const guchar *buf, gsize n, Base64Lines *st);
/* base64_lines_end - FALSE when the last line follows one that broke a quantum */
gboolean base64_lines_end(const Base64Lines *st);

#endif
