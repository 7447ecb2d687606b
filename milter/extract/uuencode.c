/*
 * uuencode.c - files written inline in a text part: uuencode and yEnc blocks.
 *
 * In:  the decoded (transfer encoding undone, charset not yet converted)
 *      bytes of a text/plain part.
 * Out: one UuFile per block ("begin 644 name" … "end", "begin-base64 644
 *      name" … "====", "=ybegin … name=x" … "=yend"), and the part's bytes
 *      without those blocks, which is the text a mail client shows next to
 *      the files it decodes from them.  A "begin" line followed by no data
 *      line is text, not a block.
 *
 * Bounds: at most UUENCODE_MAX_FILES blocks per part and max_bytes decoded
 * bytes kept over all of them (sizes are still counted); *limited is set
 * when either bound was reached.  Names are cut at UUENCODE_MAX_NAME bytes.
 */
#include <string.h>
#include "extract/uuencode.h"

#define UUENCODE_MAX_NAME 1024
#define UU_BEGIN "begin "
#define UU_BEGIN_BASE64 "begin-base64 "
#define YENC_BEGIN "=ybegin "
#define YENC_NAME " name="

/* uuencode: each character is 32 + six bits (32 to 96, "`" for 0); a
 * line starts with its byte count; four characters carry three bytes.
 * yEnc: each byte is written plus 42, an "=" escape adds 64 more. */
enum {
	UU_FIRST = 32,
	UU_LAST = 96,
	UU_MASK = 63,
	UU_QUAD = 4,
	UU_TRIPLE = 3,
	YENC_OFFSET = 42,
	YENC_ESCAPE_OFFSET = 64,
	MODE_DIGITS = 3,            /* "644"; a fourth octal digit may follow */
};

typedef struct {
	const guint8 *p, *e;
} Lines;

/* next_line - the next line without its CR/LF; FALSE at the end */
static gboolean next_line(Lines *l, const guint8 **s, gsize *n)
{
	const guint8 *nl;

	if (l->p >= l->e)
		return FALSE;
	nl = memchr(l->p, '\n', l->e - l->p);
	*s = l->p;
	*n = (nl ? nl : l->e) - l->p;
	l->p = nl ? nl + 1 : l->e;
	if (*n > 0 && (*s)[*n - 1] == '\r')
		(*n)--;
	return TRUE;
}

void uuencode_file_free(gpointer p)
{
	UuFile *u = p;
	g_free(u->name);
	g_byte_array_unref(u->data);
	g_free(u);
}

/* keep - append decoded bytes within the overall bound */
static void keep(UuFile *u, const guint8 *b, gsize n, guint64 *budget, gboolean *limited)
{
	gsize take = (gsize)MIN((guint64)n, *budget);

	g_byte_array_append(u->data, b, (guint)take);
	*budget -= take;
	if (take < n)
		*limited = TRUE;
	u->size += n;
}

/* uu_line - one uuencoded line; FALSE when it is not one (wrong characters or length) */
static gboolean uu_line(const guint8 *s, gsize n, GByteArray *out)
{
	gsize want, i;

	if (n == 0 || s[0] < UU_FIRST || s[0] > UU_LAST)
		return FALSE;
	want = (s[0] - UU_FIRST) & UU_MASK;
	if (n - 1 < (want + 2) / UU_TRIPLE * UU_QUAD - 2)
		return FALSE;
	for (i = 1; i < n; i++)
		if (s[i] < UU_FIRST || s[i] > UU_LAST)
			return FALSE;
	for (i = 1; want > 0; i += UU_QUAD) {
		guint8 c[UU_QUAD], o[UU_TRIPLE];
		for (int k = 0; k < UU_QUAD; k++)
			c[k] = i + k < n ? (s[i + k] - UU_FIRST) & UU_MASK : 0;
		o[0] = c[0] << 2 | c[1] >> 4;
		o[1] = c[1] << 4 | c[2] >> 2;
		o[2] = c[2] << 6 | c[3];
		g_byte_array_append(out, o, (guint)MIN(want, (gsize)UU_TRIPLE));
		want -= MIN(want, (gsize)UU_TRIPLE);
	}
	return TRUE;
}

/* begin_name - "begin[-base64] NNN name": the name, or NULL */
static char *begin_name(const guint8 *s, gsize n, gboolean *b64)
{
	gsize i;

	*b64 = FALSE;
	if (n > strlen(UU_BEGIN_BASE64) && memcmp(s, UU_BEGIN_BASE64, strlen(UU_BEGIN_BASE64)) == 0) {
		*b64 = TRUE;
		i = strlen(UU_BEGIN_BASE64);
	} else if (n > strlen(UU_BEGIN) && memcmp(s, UU_BEGIN, strlen(UU_BEGIN)) == 0) {
		i = strlen(UU_BEGIN);
	} else {
		return NULL;
	}
	if (i + MODE_DIGITS + 1 > n)
		return NULL;
	for (int k = 0; k < MODE_DIGITS; k++)
		if (s[i + k] < '0' || s[i + k] > '7')
			return NULL;
	i += MODE_DIGITS;
	if (i < n && s[i] >= '0' && s[i] <= '7')
		i++;
	if (i >= n || s[i] != ' ')
		return NULL;
	i++;
	if (i >= n)
		return NULL;
	return g_strndup((const char *)s + i, MIN(n - i, (gsize)UUENCODE_MAX_NAME));
}

/* ybegin_name - "=ybegin … name=x": x (the rest of the line), or NULL */
static char *ybegin_name(const guint8 *s, gsize n)
{
	const char *nm;

	if (n < strlen(YENC_BEGIN) || memcmp(s, YENC_BEGIN, strlen(YENC_BEGIN)) != 0)
		return NULL;
	nm = g_strstr_len((const char *)s, n, YENC_NAME);
	if (nm == NULL)
		return g_strdup("");
	nm += strlen(YENC_NAME);
	return g_strndup(nm, MIN((gsize)((const char *)s + n - nm), (gsize)UUENCODE_MAX_NAME));
}

/* yenc_line - one yEnc data line: bytes minus 42, "=" escapes minus 64 more */
static void yenc_line(const guint8 *s, gsize n, GByteArray *out)
{
	for (gsize i = 0; i < n; i++) {
		guint8 c = s[i];
		if (c == '=' && i + 1 < n)
			c = s[++i] - YENC_ESCAPE_OFFSET;
		c -= YENC_OFFSET;
		g_byte_array_append(out, &c, 1);
	}
}

/* uuencode_extract - see the file comment; rest receives the text outside blocks */
GPtrArray *uuencode_extract(const guint8 *text, gsize len, guint64 max_bytes, GByteArray *rest,
                            gboolean *limited)
{
	GPtrArray *files = g_ptr_array_new_with_free_func(uuencode_file_free);
	Lines l = { text, text + len };
	const guint8 *s, *start;
	GByteArray *tmp = g_byte_array_new();
	guint64 budget = max_bytes;
	gsize n;

	*limited = FALSE;
	for (;;) {
		gboolean b64 = FALSE, yenc = FALSE, ended = FALSE;
		char *name;
		UuFile *u;
		Lines save;
		gint state = 0;
		guint b64save = 0;
		guint lines = 0;

		start = l.p;
		if (!next_line(&l, &s, &n))
			break;
		name = NULL;
		if (n >= 6 && s[0] == 'b')
			name = begin_name(s, n, &b64);
		else if (n >= 8 && s[0] == '=')
			name = (yenc = TRUE, ybegin_name(s, n));
		if (name == NULL || files->len >= UUENCODE_MAX_FILES) {
			if (name != NULL)
				*limited = TRUE;
			g_free(name);
			g_byte_array_append(rest, start, (guint)(l.p - start));
			continue;
		}
		u = g_new0(UuFile, 1);
		u->name = name;
		u->data = g_byte_array_new();
		u->format = yenc ? "yenc" : "uuencode";
		save = l;
		for (const guint8 *at = l.p; next_line(&l, &s, &n); at = l.p) {
			g_byte_array_set_size(tmp, 0);
			if (yenc) {
				if (n >= 5 && memcmp(s, "=yend", 5) == 0) {
					ended = TRUE;
					break;
				}
				if (n >= 6 && memcmp(s, "=ypart", 6) == 0)
					continue;
				yenc_line(s, n, tmp);
			} else if (b64) {
				if (n == 4 && memcmp(s, "====", 4) == 0) {
					ended = TRUE;
					break;
				}
				g_byte_array_set_size(tmp, n / 4 * 3 + 3);
				g_byte_array_set_size(tmp, g_base64_decode_step((const char *)s, n, tmp->data,
				                                                &state, &b64save));
			} else {
				if (n == 3 && memcmp(s, "end", 3) == 0) {
					ended = TRUE;
					break;
				}
				if (n == 0)
					continue;
				if (!uu_line(s, n, tmp)) {
					l.p = at;   /* the block ends before this line, which is text */
					break;
				}
			}
			lines++;
			keep(u, tmp->data, tmp->len, &budget, limited);
		}
		if (lines == 0 && !ended) {
			/* not a block after all: the begin line is text */
			uuencode_file_free(u);
			l = save;
			g_byte_array_append(rest, start, (guint)(l.p - start));
			continue;
		}
		g_ptr_array_add(files, u);
	}
	g_byte_array_unref(tmp);
	return files;
}
