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
 *    attachments.  Content is decoded first (base64 by base64.c;
 *    quoted-printable, uuencode via GMime filters), then converted to UTF-8
 *    from the declared charset (charset.c: undeclared: UTF-8 if valid, else
 *    windows-1252; invalid bytes -> U+FFFD, NUL -> space, CRLF -> LF), then
 *    format=flowed lines are joined and the text folded (fold.c),
 *    and only then are links searched, so nothing split by an encoding hides.
 *    Parts are separated by "\n\n" in Facts.text; the subject is not in it.
 *  - Every other leaf (images, application and other text types, inline or
 *    not) is a FactAttachment: decoded size, declared type and the type
 *    libmagic finds in the first FILETYPE_SNIFF_BYTES (text/plain, without
 *    libmagic, for a *.txt or unnamed text/plain part whose bytes are text).
 *  - What an attachment holds is listed too (unpack.c: ZIP, RAR, 7z and
 *    TNEF members, at depth + 1 with `container` set; document.c: links
 *    inside PDF and OOXML files).  For that, an attachment whose first bytes
 *    say ZIP, RAR, 7z, PDF, TNEF or OLE is read whole (up to max_part_bytes).
 *    Members are not counted in attachment_bytes: their container's size
 *    already is.
 *  - uuencoded and yEnc blocks inside a text/plain part are decoded into
 *    attachments (uuencode.c; declared type "application/octet-stream",
 *    depth of the part + 1) and left out of Facts.text.
 *  - Every leaf's transfer encoding is checked for what decoders read
 *    differently (anomaly.c: "mime:nonstandard-encoding",
 *    "mime:bad-base64", "mime:bad-qp", "mime:encoded-message",
 *    "mime:boundary-on-leaf", "mime:headers-in-body",
 *    "mime:ambiguous-filename"): tricks that hide
 *    an attachment from one reader and not from another.
 *  - After the walk, every attachment whose name, declared type and
 *    content disagree gets `mismatch` and an
 *    "attachment:type-mismatch:<name>" anomaly; .docm/.xlsm/.pptm names
 *    get `macros` (as do files unpack.c finds VBA in).
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
 *  - Last, the subject and text are split into paragraphs, sentences and
 *    words (sentences.c: Facts.analysis; "limit:analysis", "timeout:analysis").
 *
 * Thread safety: extract_init() runs once (GMime, the public suffix list,
 * the libmagic pool); extract_stream() keeps all its state per call.
 */
#define _GNU_SOURCE      /* memmem */
#include <stdlib.h>
#include <string.h>
#include "extract/anomaly.h"
#include "extract/unpack.h"
#include "extract/base64.h"
#include "extract/charset.h"
#include "extract/document.h"
#include "extract/extract.h"
#include "extract/filetype.h"
#include "extract/fold.h"
#include "extract/html.h"
#include "extract/mime.h"
#include "extract/sentences.h"
#include "extract/urls.h"
#include "extract/uuencode.h"

#define EXTRACT_MAX_NAME_BYTES 1024
#define EXTRACT_MAGIC_HANDLES 4
#define EXTRACT_READ_CHUNK (64 * 1024)
#define HOLDS_MORE_BYTES   1024          /* where a container shows what it is */

typedef struct {
	Facts *f;
	const ExtractLimits *lim;
	UrlsSink *links;
	gboolean text_full;
	gboolean html_full;
} Ctx;

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

static gboolean holds_more(const guint8 *b, gsize n);

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
				n = (ssize_t)base64_step((const guchar *)in, (gsize)n, (guchar *)buf,
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
		g_string_append_len(dst, s, charset_cut(s, len, room));
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

static void attachment(Ctx *c, GMimeObject *obj, int depth, int msg_depth);

/* body_text - a text/plain or text/html leaf: text, html, links, images */
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
	utf = charset_to_utf8(raw->data, raw->len, charset);
	gsize ulen = strlen(utf);
	/* a large part is held in one form at a time where possible */
	g_clear_pointer(&raw, g_byte_array_unref);

	if (!is_html) {
		const char *format = ct ? g_mime_content_type_get_parameter(ct, "format") : NULL;
		if (format != NULL && g_ascii_strcasecmp(format, "flowed") == 0) {
			const char *delsp = g_mime_content_type_get_parameter(ct, "delsp");
			char *u = fold_flowed(utf, delsp && g_ascii_strcasecmp(delsp, "yes") == 0);
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
			hlen = charset_cut(utf, ulen, c->lim->max_text_bytes);
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
	v = g_utf8_make_valid(name, charset_cut(name, strlen(name), EXTRACT_MAX_NAME_BYTES));
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

	return unpack_is_container(b, n) || (n >= 8 && memcmp(b, ole, 8) == 0) ||
	       (n >= 4 && memcmp(b, tnef, 4) == 0) ||
	       (n >= 5 && memmem(b, MIN(n, (gsize)HOLDS_MORE_BYTES), "%PDF-", 5) != NULL);
}

/* inspect - what an attachment holds: archive members, links in documents */
static void inspect(Ctx *c, FactAttachment *a, const guint8 *buf, gsize len)
{
	if (!holds_more(buf, len))
		return;
	unpack_members(c->f, a, buf, len);
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
 * a file, so libmagic is not asked which kind of text it is (it tries all
 * its binary signatures on any text before it answers). */
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
	anomaly_check_part(c->f, c->lim->max_part_bytes, obj);
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
	g_autofree char *raw = charset_to_utf8((const guint8 *)text, strlen(text), NULL);
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

/* from_address - Facts.from_address: the first mailbox of From: (of a group,
 * its first member), as its address is written */
static void from_address(Ctx *c, GMimeMessage *msg)
{
	InternetAddressList *from = g_mime_message_get_from(msg);
	InternetAddress *ia = NULL;
	int n = from ? internet_address_list_length(from) : 0;

	for (int i = 0; i < n && ia == NULL; i++) {
		InternetAddress *a = internet_address_list_get_address(from, i);
		if (INTERNET_ADDRESS_IS_MAILBOX(a)) {
			ia = a;
		} else if (INTERNET_ADDRESS_IS_GROUP(a)) {
			InternetAddressList *m = internet_address_group_get_members(INTERNET_ADDRESS_GROUP(a));
			for (int k = 0; m && k < internet_address_list_length(m) && ia == NULL; k++)
				if (INTERNET_ADDRESS_IS_MAILBOX(internet_address_list_get_address(m, k)))
					ia = internet_address_list_get_address(m, k);
		}
	}
	if (ia != NULL) {
		const char *addr = internet_address_mailbox_get_addr(INTERNET_ADDRESS_MAILBOX(ia));
		if (addr != NULL && *addr) {
			g_free(c->f->from_address);
			c->f->from_address = g_utf8_make_valid(addr, charset_cut(addr, strlen(addr),
			                                                          c->lim->max_header_bytes));
		}
	}
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
		v = g_utf8_make_valid(value, charset_cut(value, vlen, c->lim->max_header_bytes));
		facts_add_header(c->f, name, v);
		if (name && (g_ascii_strcasecmp(name, "In-Reply-To") == 0 ||
		             g_ascii_strcasecmp(name, "References") == 0) && *g_strstrip(v))
			c->f->reply = TRUE;
		g_free(v);
	}
	from_address(c, msg);
	if (subject != NULL) {
		g_free(c->f->subject);
		g_autofree char *valid = g_utf8_make_valid(subject, charset_cut(subject, strlen(subject),
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
	c.links = urls_sink_new(f, lim->max_links, lim->words);
	headers(&c, msg);
	mime_walk(msg, lim, f, &visitor, &c);
	judge_types(f);
	if (has_comm_token(f->subject) || has_comm_token(f->text->str))
		f->reply = TRUE;
	/* last: the text is final */
	sentences_attach(f, lim);
	ok = TRUE;
out:
	if (msg != NULL)
		g_object_unref(msg);
	urls_sink_free(c.links);
	return ok;
}

