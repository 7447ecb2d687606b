/*
 * extract.c - a parsed message's MIME tree -> the content half of Facts.
 *
 * In:  a GMimeStream with the raw message (mime.c parses it).
 * Out: Facts.headers (top-level, in order, unfolded, RFC 2047-decoded),
 *      subject, text, html, links, images, attachments, anomalies, reply.
 *      Envelope fields and message_bytes are the caller's.
 *
 * Choices made here:
 *  - Body text is every text/plain and text/html leaf, except those with
 *    "Content-Disposition: attachment" and a file name, which are
 *    attachments.  Content is decoded first (base64, quoted-printable,
 *    uuencode via GMime filters), then converted to UTF-8 from the declared
 *    charset (undeclared: UTF-8 if valid, else windows-1252; invalid bytes ->
 *    U+FFFD, NUL -> space, CRLF -> LF), then format=flowed lines are joined,
 *    and only then are links searched, so nothing split by an encoding hides.
 *    Parts are separated by "\n\n" in Facts.text; the subject is not in it.
 *  - Every other leaf (images, application and other text types, inline or
 *    not) is a FactAttachment: decoded size, declared type and the type
 *    libmagic finds in the first FILETYPE_SNIFF_BYTES (text/plain, without
 *    libmagic, for a *.txt or unnamed text/plain part whose bytes are text).
 *  - What an attachment holds is listed too (archive.c: ZIP and TNEF
 *    members, at depth + 1 with `container` set; document.c: links inside
 *    PDF and OOXML files).  For that, an attachment whose first bytes say
 *    ZIP, PDF, TNEF or OLE is read whole (up to max_part_bytes).
 *    Members are not counted in attachment_bytes: their container's size
 *    already is.
 *  - uuencoded and yEnc blocks inside a text/plain part are decoded into
 *    attachments (uuencode.c; declared type "application/octet-stream",
 *    depth of the part + 1) and left out of Facts.text.
 *  - Every leaf's transfer encoding is checked for what decoders read
 *    differently (check_encoding: "mime:nonstandard-encoding",
 *    "mime:bad-base64", "mime:bad-qp", "mime:encoded-message",
 *    "mime:boundary-on-leaf", "mime:headers-in-body",
 *    "mime:ambiguous-filename"): tricks that hide
 *    an attachment from one reader and not from another.
 *  - After the walk, every attachment whose name, declared type and
 *    content disagree gets `mismatch` and an
 *    "attachment:type-mismatch:<name>" anomaly; .docm/.xlsm/.pptm names
 *    get `macros` (as do files archive.c finds VBA in).
 *  - message/rfc822 parts are walked: their text counts as text and their
 *    leaves as attachments (a forwarded message is shown to the buyer, and
 *    wrapping a message must not hide it).  The rfc822 part itself is also
 *    an attachment (declared and magic "message/rfc822", size = its
 *    serialised bytes); its headers and subject are not top-level facts.
 *  - attachment_bytes, as facts.h defines it: the sum of the sizes of the
 *    attachments, leaving out inline images (is_inline and declared
 *    image type: logos and pictures in the body) and the leaves inside a
 *    message/rfc822 part, which its own size already counts.
 *  - reply: a non-blank In-Reply-To or References header at the top level,
 *    or "[commMgrTok:" in the subject or text.
 *  - A part decoded beyond max_part_bytes is cut there ("limit:part-bytes";
 *    the recorded size is then the bytes read).  Facts.text and Facts.html
 *    stop at max_text_bytes each ("limit:text", "limit:html"); links are
 *    still searched in the whole part.  HTML is parsed up to max_text_bytes
 *    ("limit:html-bytes").  At most max_headers headers are kept
 *    ("limit:headers"), each value at most max_header_bytes ("limit:header-size").
 *
 * Thread safety: extract_init() runs once (GMime, the public suffix list,
 * the libmagic pool); extract_stream() keeps all its state per call.
 */
#define _GNU_SOURCE      /* memmem */
#include <errno.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>
#include "extract/archive.h"
#include "extract/document.h"
#include "extract/extract.h"
#include "extract/filetype.h"
#include "extract/html.h"
#include "extract/mime.h"
#include "extract/urls.h"
#include "extract/uuencode.h"

#define EXTRACT_MAX_NAME_BYTES 1024
#define EXTRACT_MAGIC_HANDLES 4
#define EXTRACT_READ_CHUNK (64 * 1024)
#define HOLDS_MORE_BYTES   1024          /* where a container shows what it is */
#define EXTRACT_DUMP_TEXT_BYTES (8 * 1024)

typedef struct {
	Facts *f;
	const ExtractLimits *lim;
	UrlsSink *links;
	gboolean text_full;
	gboolean html_full;
} Ctx;

G_DEFINE_QUARK(amz-extract-error-quark, extract_error)

static gpointer init_once(gpointer unused)
{
	(void)unused;
	g_mime_init();
	urls_init();
	filetype_init(EXTRACT_MAGIC_HANDLES);
	return NULL;
}

/* extract_init - process-wide setup, safe to call more than once */
void extract_init(void)
{
	static GOnce once = G_ONCE_INIT;

	g_once(&once, init_once, NULL);
}

/* utf8_cut - longest prefix of s no longer than max bytes that ends on a character */
static gsize utf8_cut(const char *s, gsize len, gsize max)
{
	if (len <= max)
		return len;
	while (max > 0 && ((guchar)s[max] & 0xc0) == 0x80)
		max--;
	return max;
}

static gboolean holds_more(const guint8 *b, gsize n);

/* Per position in a quartet, each byte's six bits already shifted into
 * place; B64_NOT (a bit no data character sets) for any other byte. */
#define B64_NOT 0x01000000u
static guint32 b64_shifted[4][256];

static gpointer b64_tables(gpointer unused)
{
	static const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

	(void)unused;
	for (guint k = 0; k < 4; k++)
		for (guint b = 0; b < 256; b++)
			b64_shifted[k][b] = B64_NOT;
	for (guint i = 0; i < 64; i++)
		for (guint k = 0; k < 4; k++)
			b64_shifted[k][(guchar)alphabet[i]] = (guint32)i << (18 - 6 * k);
	return NULL;
}

/*
 * extract_base64_step - GMime's base64 decoding step, byte for byte, with
 * the common case done four characters at a time: at a quartet boundary,
 * runs of whole quartets and the line ends between them are decoded here;
 * anything else (padding, stray characters, a quartet broken across a line
 * end) goes to g_mime_encoding_base64_decode_step, up to where its state
 * is at a quartet boundary again.  Its decoder reads one character at a
 * time and a state carries over, so the two agree wherever the input is
 * cut.  GMime's own loop costs ~15 instructions per encoded byte, this ~6: it is
 * most of the work on an attachment.  state and save as GMime's (0 to start).
 */
gsize extract_base64_step(const guchar *in, gsize len, guchar *out, int *state, guint32 *save)
{
	static GOnce once = G_ONCE_INIT;
	const guchar *p = in, *end = in + len;
	guchar *o = out;

	g_once(&once, b64_tables, NULL);
	while (p < end && *state != -1) {   /* -1: GMime saw the end ("=") */
		if (*state == 0) {
			while (p < end) {
				if (end - p >= 4) {
					guint32 v = b64_shifted[0][p[0]] | b64_shifted[1][p[1]] |
					            b64_shifted[2][p[2]] | b64_shifted[3][p[3]];
					if (!(v & B64_NOT)) {
						o[0] = (guchar)(v >> 16);
						o[1] = (guchar)(v >> 8);
						o[2] = (guchar)v;
						o += 3;
						p += 4;
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

/* read_part - decode a leaf's content; keep up to `keep` bytes, count all
 * of them (*total; crossing the part bound is a "limit:part-bytes").  With
 * `grow`, a part whose start shows a container (see holds_more) is kept
 * whole, so it is decoded once, not once to type it and again to look
 * inside. */
static GByteArray *read_part(Ctx *c, GMimePart *part, guint64 keep, gboolean grow, guint64 *total)
{
	GMimeDataWrapper *dw = g_mime_part_get_content(part);
	GByteArray *out = g_byte_array_new();
	GMimeStream *raw, *fs = NULL, *from;
	GMimeContentEncoding enc;
	char *buf = NULL, *in = NULL;
	int b64_state = 0;
	guint32 b64_save = 0;

	*total = 0;
	if (dw == NULL || (raw = g_mime_data_wrapper_get_stream(dw)) == NULL)
		goto out;
	enc = g_mime_data_wrapper_get_encoding(dw);
	g_mime_stream_reset(raw);
	from = raw;
	if (enc == GMIME_CONTENT_ENCODING_QUOTEDPRINTABLE || enc == GMIME_CONTENT_ENCODING_UUENCODE) {
		GMimeFilter *dec = g_mime_filter_basic_new(enc, FALSE);
		from = fs = g_mime_stream_filter_new(raw);
		g_mime_stream_filter_add(GMIME_STREAM_FILTER(fs), dec);
		g_object_unref(dec);
	} else if (enc == GMIME_CONTENT_ENCODING_BASE64) {
		in = g_malloc(EXTRACT_READ_CHUNK);  /* decodes to at most 3/4 of it */
	}
	buf = g_malloc(EXTRACT_READ_CHUNK);
	for (;;) {
		ssize_t n;
		if (in != NULL) {
			n = g_mime_stream_read(raw, in, EXTRACT_READ_CHUNK);
			if (n > 0)
				n = (ssize_t)extract_base64_step((const guchar *)in, (gsize)n, (guchar *)buf,
				                                 &b64_state, &b64_save);
			else
				n = -1;
			if (n == 0)
				continue;           /* line ends, or all after the end */
		} else {
			n = g_mime_stream_read(from, buf, EXTRACT_READ_CHUNK);
		}
		if (n <= 0)
			break;
		if (grow && out->len < keep) {
			/* the start decides whether all is kept: judged before anything is cut */
			g_byte_array_append(out, (guint8 *)buf, (guint)n);
			if (out->len >= HOLDS_MORE_BYTES) {
				grow = FALSE;
				if (holds_more(out->data, out->len))
					keep = MAX(keep, c->lim->max_part_bytes);
			}
			if (out->len > keep)
				g_byte_array_set_size(out, (guint)keep);
		} else if (out->len < keep) {
			g_byte_array_append(out, (guint8 *)buf, MIN((guint64)n, keep - out->len));
		}
		/* past the bound nothing more is kept, but the size is counted to
		 * the end: a reply that names the size must name the real one */
		if (*total < c->lim->max_part_bytes && *total + (guint64)n >= c->lim->max_part_bytes)
			facts_add_anomaly(c->f, "limit", "part-bytes");
		*total += n;
	}
out:
	g_free(buf);
	g_free(in);
	if (fs != NULL)
		g_object_unref(fs);
	return out;
}

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
	char *in = (char *)buf, tmp[4096];
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
			g_string_append(out, "\xef\xbf\xbd");
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

/* to_utf8 - decoded bytes in `charset` -> valid UTF-8 text with LF line ends; transfer full */
static char *to_utf8(const guint8 *buf, gsize len, const char *charset)
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
		s = convert(in->str, in->len, "windows-1252");
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

/* unflow - join RFC 3676 soft line breaks so a link split by them is whole */
static char *unflow(const char *t, gboolean delsp)
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
		const char *q = p + MIN((gsize)(end - p), 4096);
		const char *far = q + MIN((gsize)(end - q), 65536);
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
static char *fold_text(const char *s, gsize len)
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

/* append_bounded - add one part's worth to text or html, "\n\n" between parts */
static void append_bounded(Ctx *c, GString *dst, gboolean *full, const char *what,
                           const char *s, gsize len)
{
	guint64 max = c->lim->max_text_bytes;
	gsize sep = dst->len ? 2 : 0, room;

	if (*full || len == 0)
		return;
	if (dst->len + sep >= max) {
		facts_add_anomaly(c->f, "limit", what);
		*full = TRUE;
		return;
	}
	room = max - dst->len - sep;
	if (sep)
		g_string_append(dst, "\n\n");
	if (len > room) {
		g_string_append_len(dst, s, utf8_cut(s, len, room));
		facts_add_anomaly(c->f, "limit", what);
		*full = TRUE;
		return;
	}
	g_string_append_len(dst, s, len);
}

static void inspect(Ctx *c, FactAttachment *a, const guint8 *buf, gsize len);
static char *clean_name(const char *name);

/* inline_files - uuencoded and yEnc blocks of a plain text part become attachments;
 * raw is replaced by the text around them */
static void inline_files(Ctx *c, GByteArray **raw, int depth, int msg_depth)
{
	GByteArray *rest;
	GPtrArray *files;
	gboolean limited;

	if ((*raw)->len == 0 ||
	    (g_strstr_len((const char *)(*raw)->data, (*raw)->len, "begin") == NULL &&
	     g_strstr_len((const char *)(*raw)->data, (*raw)->len, "=ybegin") == NULL))
		return;
	rest = g_byte_array_new();
	files = uuencode_extract((*raw)->data, (*raw)->len, c->lim->max_part_bytes, rest, &limited);
	if (limited)
		facts_add_anomaly(c->f, "limit", "inline-files");
	for (guint i = 0; i < files->len; i++) {
		UuFile *u = files->pdata[i];
		g_autofree char *name = clean_name(u->name);
		char *magic = filetype_detect(u->data->data, u->data->len);
		FactAttachment *a = facts_add_attachment(c->f, name, "application/octet-stream", magic,
		                                         u->size, FALSE, depth + 1);
		if (msg_depth == 0)
			c->f->attachment_bytes += u->size;
		inspect(c, a, u->data->data, u->data->len);
		g_free(magic);
	}
	if (files->len > 0) {
		g_byte_array_unref(*raw);
		*raw = rest;
	} else {
		g_byte_array_unref(rest);
	}
	g_ptr_array_unref(files);
}

/* A text part with at most one control byte in STRAY_CONTROL_RATIO (and
 * STRAY_CONTROL_MIN in any part) is text with stray bytes (a NUL from a
 * template tool), not a file. */
#define STRAY_CONTROL_RATIO 100
#define STRAY_CONTROL_MIN 2

/* is_stray_binary - a text part with binary bytes that is still text: a
 * few control bytes in what libmagic takes for text or for no known file */
static gboolean is_stray_binary(const GByteArray *raw, const char *magic)
{
	gsize n = MIN(raw->len, FILETYPE_SNIFF_BYTES), ctl = 0;

	if (magic != NULL && strcmp(magic, "application/octet-stream") != 0 &&
	    !g_str_has_prefix(magic, "text/"))
		return FALSE;
	for (gsize i = 0; i < n; i++)
		ctl += filetype_is_control(raw->data[i]);
	return ctl <= n / STRAY_CONTROL_RATIO + STRAY_CONTROL_MIN;
}

/* drop_controls - remove NUL and the control bytes no text shows */
static void drop_controls(GByteArray *raw)
{
	guint k = 0;

	for (guint i = 0; i < raw->len; i++)
		if (!filetype_is_control(raw->data[i]))
			raw->data[k++] = raw->data[i];
	g_byte_array_set_size(raw, k);
}

/* body_text - a text/plain or text/html leaf: text, html, links, images */
static void attachment(Ctx *c, GMimeObject *obj, int depth, int msg_depth);

static void body_text(Ctx *c, GMimeObject *obj, gboolean is_html, int depth, int msg_depth)
{
	GMimeContentType *ct = g_mime_object_get_content_type(obj);
	const char *charset = ct ? g_mime_content_type_get_parameter(ct, "charset") : NULL;
	guint64 total;
	GByteArray *raw = read_part(c, GMIME_PART(obj), c->lim->max_part_bytes, FALSE, &total);
	char *utf;

	/* A file in a part labelled text is shown by no reader as text: it is
	 * what it is, an attachment, and the label is an anomaly.  Text with
	 * stray control bytes (a NUL from a template tool) is still text. */
	if (filetype_looks_binary(raw->data, raw->len)) {
		g_autofree char *magic = filetype_detect(raw->data, MIN(raw->len, FILETYPE_SNIFF_BYTES));
		facts_add_anomaly(c->f, "mime", "binary-text");
		if (!is_stray_binary(raw, magic)) {
			g_byte_array_unref(raw);
			attachment(c, obj, depth, msg_depth);
			return;
		}
		drop_controls(raw);
	}
	if (!is_html)
		inline_files(c, &raw, depth, msg_depth);
	utf = to_utf8(raw->data, raw->len, charset);
	gsize ulen = strlen(utf);
	/* a large part is held in one form at a time where possible */
	g_clear_pointer(&raw, g_byte_array_unref);

	if (!is_html) {
		const char *format = ct ? g_mime_content_type_get_parameter(ct, "format") : NULL;
		if (format != NULL && g_ascii_strcasecmp(format, "flowed") == 0) {
			const char *delsp = g_mime_content_type_get_parameter(ct, "delsp");
			char *u = unflow(utf, delsp && g_ascii_strcasecmp(delsp, "yes") == 0);
			g_free(utf);
			utf = u;
			ulen = strlen(utf);
		}
		{
			g_autofree char *folded = fold_text(utf, ulen);
			gsize flen = strlen(folded);
			g_clear_pointer(&utf, g_free);
			append_bounded(c, c->f->text, &c->text_full, "text", folded, flen);
			urls_find(c->links, folded, flen, "text");
		}
	} else {
		GString *vis = g_string_new(NULL);
		gsize hlen = ulen;
		append_bounded(c, c->f->html, &c->html_full, "html", utf, ulen);
		if (hlen > c->lim->max_text_bytes) {
			hlen = utf8_cut(utf, ulen, c->lim->max_text_bytes);
			facts_add_anomaly(c->f, "limit", "html-bytes");
		}
		html_extract(utf, hlen, c->lim->max_html_nodes, c->lim->deadline, c->links, c->f, vis);
		{
			g_autofree char *folded = fold_text(vis->str, vis->len);
			gsize flen = strlen(folded);
			append_bounded(c, c->f->text, &c->text_full, "text", folded, flen);
			urls_find(c->links, folded, flen, "text");
		}
		g_string_free(vis, TRUE);
	}
	g_free(utf);
}

/* clean_name - a decoded file name as one line of valid UTF-8; transfer full */
static char *clean_name(const char *name)
{
	char *v, *p;

	if (name == NULL)
		return g_strdup("");
	v = g_utf8_make_valid(name, utf8_cut(name, strlen(name), EXTRACT_MAX_NAME_BYTES));
	for (p = v; *p; p++)
		if ((guchar)*p < 0x20 || *p == 0x7f)
			*p = ' ';
	return g_strstrip(v);
}

static gboolean disposition_inline(GMimeObject *obj)
{
	const char *d = g_mime_object_get_disposition(obj);

	return d == NULL || g_ascii_strcasecmp(d, GMIME_DISPOSITION_ATTACHMENT) != 0;
}

/* holds_more - content that may hold files or links: ZIP, PDF, TNEF, OLE */
static gboolean holds_more(const guint8 *b, gsize n)
{
	static const guint8 ole[] = { 0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1 };
	static const guint8 tnef[] = { 0x78, 0x9f, 0x3e, 0x22 };

	return archive_is_container(b, n) || (n >= 8 && memcmp(b, ole, 8) == 0) ||
	       (n >= 4 && memcmp(b, tnef, 4) == 0) ||
	       (n >= 5 && memmem(b, MIN(n, (gsize)HOLDS_MORE_BYTES), "%PDF-", 5) != NULL);
}

/* inspect - what an attachment holds: archive members, links in documents */
static void inspect(Ctx *c, FactAttachment *a, const guint8 *buf, gsize len)
{
	if (!holds_more(buf, len))
		return;
	archive_members(c->f, a, buf, len);
	document_links(c->links, c->f, buf, len);
}

/* judge_types - name vs declared type vs content, and macro-enabled Office names */
static void judge_types(Facts *f)
{
	static const char *const macro_exts[] = {
		"docm", "dotm", "xlsm", "xltm", "xlam", "pptm", "potm", "ppsm", "ppam", "sldm", NULL
	};

	for (guint i = 0; i < f->attachments->len; i++) {
		FactAttachment *a = f->attachments->pdata[i];
		const char *why;
		for (int k = 0; macro_exts[k]; k++)
			if (strcmp(a->ext, macro_exts[k]) == 0)
				a->macros = TRUE;
		if (a->encrypted && a->container[0] != '\0')
			continue;   /* typed by name only: nothing to compare */
		why = filetype_mismatch(a->ext, a->declared, a->magic);
		if (why == NULL)
			continue;
		a->mismatch = TRUE;
		{
			g_autofree char *d = g_strdup_printf("type-mismatch:%s", a->name);
			facts_add_anomaly(f, "attachment", d);
		}
	}
}

/* plain_text_file - a part every mail client shows as text: declared
 * text/plain, named *.txt (or not named), and text bytes.  It cannot carry
 * a file, so libmagic is not asked which kind of text it is (it spends
 * ~0.5 ms failing its binary signatures on any text). */
static gboolean plain_text_file(const char *declared, const char *name, const GByteArray *head)
{
	const char *dot = name ? strrchr(name, '.') : NULL;

	if (g_ascii_strcasecmp(declared, "text/plain") != 0)
		return FALSE;
	if (name != NULL && *name != '\0' && (dot == NULL || g_ascii_strcasecmp(dot, ".txt") != 0))
		return FALSE;
	return head->len > 0 && filetype_is_plain_text(head->data, head->len);
}

/* attachment - any leaf that is not body text */
static void attachment(Ctx *c, GMimeObject *obj, int depth, int msg_depth)
{
	GMimeContentType *ct = g_mime_object_get_content_type(obj);
	char *declared = ct ? g_mime_content_type_get_mime_type(ct) : g_strdup("application/octet-stream");
	char *name = clean_name(g_mime_part_get_filename(GMIME_PART(obj)));
	gboolean is_inline = disposition_inline(obj);
	guint64 total;
	GByteArray *head = read_part(c, GMIME_PART(obj), FILETYPE_SNIFF_BYTES, TRUE, &total);
	char *magic = plain_text_file(declared, name, head) ? g_strdup("text/plain")
	                                                   : filetype_detect(head->data, head->len);
	FactAttachment *a = facts_add_attachment(c->f, name, declared, magic, total, is_inline, depth);

	if (msg_depth == 0 && !(is_inline && g_ascii_strncasecmp(declared, "image/", 6) == 0))
		c->f->attachment_bytes += total;
	inspect(c, a, head->data, head->len);   /* whole when it holds more */
	g_byte_array_unref(head);
	g_free(magic);
	g_free(name);
	g_free(declared);
}

/* message_part - an attached message: one attachment for the whole, its inside is walked on */
static void message_part(Ctx *c, GMimeObject *obj, int depth, int msg_depth)
{
	GMimeMessage *inner = g_mime_message_part_get_message(GMIME_MESSAGE_PART(obj));
	GMimeContentType *ct = g_mime_object_get_content_type(obj);
	char *declared = ct ? g_mime_content_type_get_mime_type(ct) : g_strdup("message/rfc822");
	const char *fn = g_mime_object_get_content_disposition_parameter(obj, "filename");
	char *name = clean_name(fn ? fn : g_mime_object_get_content_type_parameter(obj, "name"));
	guint64 size = 0;

	if (inner != NULL) {
		GMimeStream *null = g_mime_stream_null_new();
		g_mime_object_write_to_stream(GMIME_OBJECT(inner), NULL, null);
		size = GMIME_STREAM_NULL(null)->written;
		g_object_unref(null);
	}
	facts_add_attachment(c->f, name, declared, "message/rfc822", size, disposition_inline(obj),
	                     depth);
	if (msg_depth == 0)
		c->f->attachment_bytes += size;
	g_free(name);
	g_free(declared);
}

/* headers_in_body - MIME header lines where content should be: a part whose
 * headers a blank line cut off, or a multipart body some reader parses and
 * GMime does not (the first lines, or any line after a "--" delimiter line) */
static gboolean headers_in_body(const char *b, gsize n)
{
	static const char *const names[] = {
		"content-type", "content-transfer-encoding", "content-disposition", NULL
	};
	gboolean after_dash = FALSE;
	guint line = 0;

	for (gsize i = 0; i < n; line++) {
		const char *nl = memchr(b + i, '\n', n - i);
		gsize len = (nl ? (gsize)(nl - b) : n) - i;
		if (line < 8 || after_dash) {
			for (int k = 0; names[k]; k++) {
				gsize kl = strlen(names[k]);
				if (len > kl && g_ascii_strncasecmp(b + i, names[k], kl) == 0 &&
				    (b[i + kl] == ':' || b[i + kl] == ' '))
					return TRUE;
			}
		}
		after_dash = len > 2 && b[i] == '-' && b[i + 1] == '-';
		i += len + 1;
	}
	return FALSE;
}

/* ambiguous_name - a file name parameter readers decode differently: an unquoted
 * value with comment, quote or backslash characters, or RFC 2231 sections that
 * are not 0, 1, 2… in order */
static gboolean ambiguous_name(const char *v)
{
	int next[2] = { 0, 0 };         /* next section expected for name, filename */
	const char *p = v;

	while (p != NULL && *p) {
		const char *eq, *end;
		gboolean quoted = FALSE;
		g_autofree char *key = NULL;
		int which;
		while (*p == ';' || g_ascii_isspace(*p))
			p++;
		eq = strchr(p, '=');
		if (eq == NULL)
			break;
		for (const char *k = eq; k > p; k--)
			if (k[-1] == ';') {
				p = k;
				break;
			}
		key = g_ascii_strdown(p, eq - p);
		g_strstrip(key);
		end = eq + 1;
		while (g_ascii_isspace(*end))
			end++;
		which = g_str_has_prefix(key, "filename") ? 1 : g_str_has_prefix(key, "name") ? 0 : -1;
		if (*end == '"') {
			quoted = TRUE;
			for (end++; *end && *end != '"'; end++)
				if (*end == '\\' && end[1])
					end++;
			if (*end == '"')
				end++;
			while (g_ascii_isspace(*end))
				end++;
			if (which >= 0 && *end && *end != ';')
				return TRUE;    /* text after the closing quote */
		} else if (which >= 0 && *end == '\'') {
			return TRUE;        /* single quotes: part of the name for some readers only */
		}
		end += strcspn(end, ";");
		if (which >= 0) {
			/* UTF-16 without a byte order mark: big or little endian, by reader */
			g_autofree char *val = g_ascii_strdown(eq + 1, end - eq - 1);
			if (strstr(val, "utf-16") != NULL)
				return TRUE;
			const char *rest = key + (which ? 8 : 4);
			if (!quoted && (memchr(eq + 1, '(', end - eq - 1) || memchr(eq + 1, '"', end - eq - 1) || memchr(eq + 1, '\\', end - eq - 1) ||
			                memchr(eq + 1, ')', end - eq - 1)))
				return TRUE;
			if (rest[0] == '*' && g_ascii_isdigit(rest[1])) {
				int n = atoi(rest + 1);
				if (n != next[which])
					return TRUE;
				next[which] = n + 1;
			}
		}
		p = end;
	}
	return FALSE;
}

/* raw_header - a header's value as written (GMime rewrites Content-* values it parsed) */
static const char *raw_header(GMimeObject *obj, const char *name)
{
	GMimeHeaderList *l = g_mime_object_get_header_list(obj);
	GMimeHeader *h = l ? g_mime_header_list_get_header(l, name) : NULL;

	return h ? g_mime_header_get_raw_value(h) : NULL;
}

/* hex_upper - a hex digit as RFC 2045 writes them (decoders differ on lower case) */
static gboolean hex_upper(char ch)
{
	return g_ascii_isdigit(ch) || (ch >= 'A' && ch <= 'F');
}

/* Base64 as decoders that work per line see it: a line that does not end
 * on a quantum, or data after padding or after a blank line, is split
 * differently by them.  The state carries across reads. */
typedef struct {
	gboolean padded, blank;
	guint linelen, prevlen;
} B64State;

enum { B64_DATA = 1, B64_PAD, B64_SPACE, B64_OTHER };

/* b64_class - what one byte is in a base64 body (a table: this runs over
 * every encoded byte of every part) */
static const guint8 *b64_class(void)
{
	static guint8 t[256];
	static gsize once;

	if (g_once_init_enter(&once)) {
		for (int i = 0; i < 256; i++)
			t[i] = g_ascii_isalnum(i) || i == '+' || i == '/' ? B64_DATA
			     : i == '=' ? B64_PAD : g_ascii_isspace(i) ? B64_SPACE : B64_OTHER;
		g_once_init_leave(&once, 1);
	}
	return t;
}

/* b64_lines - FALSE when buf breaks the rules above */
static gboolean b64_lines(const guchar *buf, gsize n, B64State *st)
{
	const guint8 *cls = b64_class();
	const guchar *p = buf, *end = buf + n;

	while (p < end) {
		const guchar *nl = memchr(p, '\n', (gsize)(end - p));
		const guchar *le = nl ? nl : end;
		while (p < le) {
			const guchar *run = p;
			/* four at a time: the classes OR to B64_DATA only when all are data */
			while (le - p >= 4 && (cls[p[0]] | cls[p[1]] | cls[p[2]] | cls[p[3]]) == B64_DATA)
				p += 4;
			while (p < le && cls[*p] == B64_DATA)
				p++;
			if (p > run) {
				if (st->padded || st->blank)
					return FALSE;
				st->linelen += (guint)(p - run);
			}
			if (p == le)
				break;
			if (cls[*p] == B64_PAD) {
				st->padded = TRUE;
				st->linelen++;
			} else if (cls[*p] == B64_OTHER) {
				return FALSE;
			}
			p++;
		}
		if (nl == NULL)
			break;
		if (st->linelen == 0 && st->prevlen > 0)
			st->blank = TRUE;
		else if (st->linelen > 0 && st->prevlen % 4 != 0)
			return FALSE;
		if (st->linelen > 0)
			st->prevlen = st->linelen;
		st->linelen = 0;
		p = nl + 1;
	}
	return TRUE;
}

/* qp_escapes - FALSE when an "=" is neither a soft break nor two upper-case
 * hex digits; judged only where both next bytes are in buf */
static gboolean qp_escapes(const char *buf, gsize n)
{
	const char *p = buf, *end = buf + n;

	while ((p = memchr(p, '=', (gsize)(end - p))) != NULL) {
		if (p + 2 < end && !(hex_upper(p[1]) && hex_upper(p[2])) &&
		    p[1] != '\n' && !(p[1] == '\r' && p[2] == '\n'))
			return FALSE;
		p++;
	}
	return TRUE;
}

/* check_encoding - transfer encodings decoders disagree on: unknown names, base64
 * with foreign characters or data after the padding, quoted-printable "=" not
 * followed by two hex digits or a line end; and header lines inside content */
static void check_encoding(Ctx *c, GMimeObject *obj)
{
	const char *cte = g_mime_object_get_header(obj, "Content-Transfer-Encoding");
	GMimeContentType *ct = g_mime_object_get_content_type(obj);
	GMimeDataWrapper *dw = GMIME_IS_PART(obj) ? g_mime_part_get_content(GMIME_PART(obj)) : NULL;
	GMimeContentEncoding enc = dw ? g_mime_data_wrapper_get_encoding(dw) : GMIME_CONTENT_ENCODING_DEFAULT;
	GMimeStream *raw = dw ? g_mime_data_wrapper_get_stream(dw) : NULL;
	gboolean bad64 = FALSE, badqp = FALSE, first = TRUE;
	B64State st = { 0 };
	guint64 total = 0;
	char buf[8192];
	ssize_t n;

	if (cte != NULL) {
		g_autofree char *v = g_strstrip(g_ascii_strdown(cte, -1));
		if (strcmp(v, "7bit") != 0 && strcmp(v, "8bit") != 0 && strcmp(v, "binary") != 0 &&
		    strcmp(v, "base64") != 0 && strcmp(v, "quoted-printable") != 0)
			facts_add_anomaly(c->f, "mime", "nonstandard-encoding");
		if (ct && g_ascii_strcasecmp(g_mime_content_type_get_media_type(ct), "message") == 0 &&
		    (strcmp(v, "base64") == 0 || strcmp(v, "quoted-printable") == 0))
			facts_add_anomaly(c->f, "mime", "encoded-message");
	}
	if (ambiguous_name(raw_header(obj, "Content-Type")) ||
	    ambiguous_name(raw_header(obj, "Content-Disposition")))
		facts_add_anomaly(c->f, "mime", "ambiguous-filename");
	if (ct && g_mime_content_type_get_parameter(ct, "boundary") != NULL && !GMIME_IS_MULTIPART(obj))
		facts_add_anomaly(c->f, "mime", "boundary-on-leaf");
	if (raw == NULL)
		return;
	g_mime_stream_reset(raw);
	while ((n = g_mime_stream_read(raw, buf, sizeof buf)) > 0 && total < c->lim->max_part_bytes) {
		if (first && headers_in_body(buf, (gsize)n))
			facts_add_anomaly(c->f, "mime", "headers-in-body");
		first = FALSE;
		if (enc == GMIME_CONTENT_ENCODING_BASE64 && !bad64)
			bad64 = !b64_lines((const guchar *)buf, (gsize)n, &st);
		else if (enc == GMIME_CONTENT_ENCODING_QUOTEDPRINTABLE && !badqp)
			badqp = !qp_escapes(buf, (gsize)n);
		else
			break;          /* judged, or nothing to judge past the first chunk */
		total += n;
	}
	if (enc == GMIME_CONTENT_ENCODING_BASE64 && st.linelen > 0 && st.prevlen % 4 != 0)
		bad64 = TRUE;       /* the last line follows one that broke a quantum */
	if (bad64)
		facts_add_anomaly(c->f, "mime", "bad-base64");
	if (badqp)
		facts_add_anomaly(c->f, "mime", "bad-qp");
}

/* on_part - sort a leaf into body text or attachment */
static void on_part(GMimeObject *obj, int depth, int msg_depth, gpointer data)
{
	Ctx *c = data;
	GMimeContentType *ct;
	gboolean plain, html;

	/* each part's work is bounded; past the deadline no more is started */
	if (c->lim->deadline != 0 && g_get_monotonic_time() > c->lim->deadline) {
		facts_add_anomaly(c->f, "timeout", "parts");
		return;
	}
	check_encoding(c, obj);
	if (GMIME_IS_MESSAGE_PART(obj)) {
		message_part(c, obj, depth, msg_depth);
		return;
	}
	ct = g_mime_object_get_content_type(obj);
	plain = ct && g_mime_content_type_is_type(ct, "text", "plain");
	html = ct && g_mime_content_type_is_type(ct, "text", "html");
	if ((plain || html) && !(!disposition_inline(obj) && g_mime_part_get_filename(GMIME_PART(obj))))
		body_text(c, obj, html, depth, msg_depth);
	else
		attachment(c, obj, depth, msg_depth);
}

/* on_preamble - text GMime kept outside any part (broken boundary): still text */
static void on_preamble(const char *text, int depth, gpointer data)
{
	Ctx *c = data;
	g_autofree char *raw = to_utf8((const guint8 *)text, strlen(text), NULL);
	char *utf = fold_text(raw, strlen(raw));
	gsize len = strlen(utf);

	(void)depth;
	append_bounded(c, c->f->text, &c->text_full, "text", utf, len);
	urls_find(c->links, utf, len, "text");
	g_free(utf);
}

static gint by_offset(gconstpointer a, gconstpointer b)
{
	gint64 x = g_mime_header_get_offset(*(GMimeHeader **)a);
	gint64 y = g_mime_header_get_offset(*(GMimeHeader **)b);

	return x < y ? -1 : x > y;
}

/* headers - top-level headers in the order written, decoded; reply headers noted.
 * GMime files the Content-* headers under the body part: merged back by offset. */
static void headers(Ctx *c, GMimeMessage *msg)
{
	GMimeObject *body = g_mime_message_get_mime_part(msg);
	GMimeHeaderList *lists[2] = {
		g_mime_object_get_header_list(GMIME_OBJECT(msg)),
		body ? g_mime_object_get_header_list(body) : NULL,
	};
	GPtrArray *all = g_ptr_array_new();
	const char *subject = g_mime_message_get_subject(msg);

	for (int l = 0; l < 2; l++) {
		int n = lists[l] ? g_mime_header_list_get_count(lists[l]) : 0;
		for (int i = 0; i < n; i++)
			g_ptr_array_add(all, g_mime_header_list_get_header_at(lists[l], i));
	}
	g_ptr_array_sort(all, by_offset);
	for (guint i = 0; i < all->len; i++) {
		GMimeHeader *h = all->pdata[i];
		const char *name = g_mime_header_get_name(h), *value = g_mime_header_get_value(h);
		char *v;
		gsize vlen;
		if (i >= c->lim->max_headers) {
			facts_add_anomaly(c->f, "limit", "headers");
			break;
		}
		value = value ? value : "";
		vlen = strlen(value);
		if (vlen > c->lim->max_header_bytes)
			facts_add_anomaly(c->f, "limit", "header-size");
		v = g_utf8_make_valid(value, utf8_cut(value, vlen, c->lim->max_header_bytes));
		facts_add_header(c->f, name, v);
		if (name && (g_ascii_strcasecmp(name, "In-Reply-To") == 0 ||
		             g_ascii_strcasecmp(name, "References") == 0) && *g_strstrip(v))
			c->f->reply = TRUE;
		g_free(v);
	}
	if (subject != NULL) {
		g_free(c->f->subject);
		g_autofree char *valid = g_utf8_make_valid(subject, utf8_cut(subject, strlen(subject),
		                                                    c->lim->max_header_bytes));
		c->f->subject = fold_text(valid, strlen(valid));
	}
	g_ptr_array_free(all, TRUE);
}

static gboolean has_comm_token(const char *s)
{
	return s && strstr(s, "[commMgrTok:") != NULL;
}

/* extract_stream - see extract.h */
gboolean extract_stream(GMimeStream *stream, const ExtractLimits *lim, Facts *f, GError **err)
{
	static const MimeVisitor visitor = { on_part, on_preamble };
	ExtractLimits defaults;
	GMimeMessage *msg = NULL;
	Ctx c = { 0 };
	gboolean ok = FALSE;

	extract_init();
	if (lim == NULL) {
		limits_default(&defaults);
		lim = &defaults;
	}
	msg = mime_parse(stream, lim, f, err);
	if (msg == NULL)
		goto out;
	c.f = f;
	c.lim = lim;
	c.links = urls_sink_new(f, lim->max_links);
	headers(&c, msg);
	mime_walk(msg, lim, f, &visitor, &c);
	judge_types(f);
	if (has_comm_token(f->subject) || has_comm_token(f->text->str))
		f->reply = TRUE;
	ok = TRUE;
out:
	if (msg != NULL)
		g_object_unref(msg);
	urls_sink_free(c.links);
	return ok;
}

/* dump_str - one value, control characters made visible */
static void dump_str(GString *out, const char *s)
{
	for (const char *p = s ? s : ""; *p; p++) {
		if ((guchar)*p < 0x20 && *p != '\n')
			g_string_append_printf(out, "\\x%02x", (guchar)*p);
		else
			g_string_append_c(out, *p);
	}
}

/* extract_facts_dump - see extract.h */
/* dump_block - n bytes of text as "  | " lines, control bytes escaped */
static void dump_block(GString *out, const char *s, gsize n)
{
	for (gsize i = 0; i < n; i++) {
		if (s[i] == '\n')
			g_string_append(out, "\n  | ");
		else if ((guchar)s[i] < 0x20)
			g_string_append_printf(out, "\\x%02x", (guchar)s[i]);
		else
			g_string_append_c(out, s[i]);
	}
	g_string_append_c(out, '\n');
}

void extract_facts_dump(const Facts *f, GString *out)
{
	gsize tl = utf8_cut(f->text->str, f->text->len, EXTRACT_DUMP_TEXT_BYTES);

	g_string_append_printf(out, "message_bytes: %" G_GUINT64_FORMAT "\n", f->message_bytes);
	g_string_append_printf(out, "headers: %u\n", f->headers->len);
	for (guint i = 0; i < f->headers->len; i++) {
		const FactHeader *h = f->headers->pdata[i];
		g_string_append(out, "  ");
		dump_str(out, h->name);
		g_string_append(out, ": ");
		dump_str(out, h->value);
		g_string_append_c(out, '\n');
	}
	g_string_append(out, "subject: ");
	dump_str(out, f->subject);
	g_string_append_printf(out, "\nreply: %s\n", f->reply ? "yes" : "no");
	g_string_append_printf(out, "text: %" G_GSIZE_FORMAT " bytes%s\n", f->text->len,
	                       tl < f->text->len ? " (first part shown)" : "");
	if (tl > 0) {
		g_string_append(out, "  | ");
		dump_block(out, f->text->str, tl);
	}
	g_string_append_printf(out, "html: %" G_GSIZE_FORMAT " bytes\n", f->html->len);
	if (f->hidden_text->len > 0) {
		gsize hl = utf8_cut(f->hidden_text->str, f->hidden_text->len, EXTRACT_DUMP_TEXT_BYTES);
		g_string_append_printf(out, "hidden_text: %" G_GSIZE_FORMAT " bytes\n  | ",
		                       f->hidden_text->len);
		dump_block(out, f->hidden_text->str, hl);
	}
	g_string_append_printf(out, "parts: %u\n", f->parts);
	g_string_append_printf(out, "links: %u\n", f->links->len);
	for (guint i = 0; i < f->links->len; i++) {
		const FactLink *l = f->links->pdata[i];
		g_string_append_printf(out, "  [%s] ", l->source);
		dump_str(out, l->url);
		g_string_append(out, "  scheme=");
		dump_str(out, l->scheme);
		g_string_append(out, " host=");
		dump_str(out, l->host);
		g_string_append(out, " domain=");
		dump_str(out, l->domain);
		if (strcmp(l->raw, l->url) != 0) {
			g_string_append(out, " raw=");
			dump_str(out, l->raw);
		}
		if (l->label != NULL) {
			g_string_append(out, " label=\"");
			dump_str(out, l->label);
			g_string_append_c(out, '"');
		}
		g_string_append_c(out, '\n');
	}
	g_string_append_printf(out, "images: %u\n", f->images->len);
	for (guint i = 0; i < f->images->len; i++) {
		const FactImage *im = f->images->pdata[i];
		g_string_append(out, "  ");
		dump_str(out, im->src);
		g_string_append_printf(out, "  scheme=%s host=%s size=%dx%d%s", im->scheme, im->host,
		                       im->width, im->height, im->remote ? " remote" : "");
		if (im->linked) {
			g_string_append(out, " linked=");
			dump_str(out, im->link_url);
			g_string_append(out, " link_host=");
			dump_str(out, im->link_host);
		}
		g_string_append_c(out, '\n');
	}
	g_string_append_printf(out, "attachments: %u (%" G_GUINT64_FORMAT " bytes counted)\n",
	                        f->attachments->len, f->attachment_bytes);
	for (guint i = 0; i < f->attachments->len; i++) {
		const FactAttachment *a = f->attachments->pdata[i];
		g_string_append(out, "  \"");
		dump_str(out, a->name);
		g_string_append_printf(out, "\" ext=%s declared=%s magic=%s size=%" G_GUINT64_FORMAT
		                       " %s depth=%d", a->ext, a->declared, a->magic, a->size,
		                       a->is_inline ? "inline" : "attachment", a->depth);
		if (a->container && a->container[0]) {
			g_string_append(out, " container=\"");
			dump_str(out, a->container);
			g_string_append_c(out, '"');
		}
		g_string_append_printf(out, "%s%s%s\n", a->encrypted ? " encrypted" : "",
		                       a->mismatch ? " mismatch" : "", a->macros ? " macros" : "");
	}
	g_string_append_printf(out, "anomalies: %u\n", f->anomalies->len);
	for (guint i = 0; i < f->anomalies->len; i++) {
		g_string_append(out, "  ");
		dump_str(out, f->anomalies->pdata[i]);
		g_string_append_c(out, '\n');
	}
	facts_dump_display(f, out);
}
