/*
 * document.c - the links a buyer can click inside an attached document.
 *
 * In:  the decoded bytes of one attachment.
 * Out: FactLink entries through the message's UrlsSink: source "pdf" for
 *      URI actions in a PDF, "docx" for external hyperlink relationships of
 *      an OOXML file (Word, Excel, PowerPoint: every "*.rels" member, read
 *      with GMarkup: Target="…" with TargetMode="External");
 *      "limit:document-…" anomalies.
 *
 * PDF.  "/URI (string)" and "/URI <hex>" are looked for in the file as it is
 * and inside every FlateDecode stream (object streams hide the annotations
 * of modern PDFs there), inflated with zlib.  That finds action
 * dictionaries wherever they are, also indirect ones ("/A 12 0 R").  A URI
 * given as an indirect string ("/URI 13 0 R") is looked up afterwards:
 * "13 0 obj" in the file, else object 13 of an object stream (/Type
 * /ObjStm: the number-offset pairs before /First).  String escapes (\n,
 * \(, \ddd, line continuations) and UTF-16BE strings with a byte order
 * mark are decoded.  Not read: other filters than FlateDecode, encrypted
 * PDFs, JavaScript and Launch actions.
 *
 * Bounds: DOCUMENT_MAX_STREAMS streams or relationship parts
 * ("limit:document-streams"), DOCUMENT_MAX_INFLATE bytes inflated per
 * document ("limit:document-inflate"), DOCUMENT_MAX_REFS indirect URIs
 * looked up ("limit:document-refs"), DOCUMENT_MAX_OBJSTM object-number
 * pairs read per object stream; each URI at most URL_MAX_LEN.  No work
 * beyond the scan when no "/URI" names an indirect object.
 */
#define _GNU_SOURCE      /* memmem */
#include <string.h>
#include <zlib.h>
#include "extract/document.h"
#include "extract/zip.h"

#define DOCUMENT_RELS_BYTES (1024 * 1024)
#define DOCUMENT_PDF_MARK "%PDF-"
#define DOCUMENT_PDF_MARK_WITHIN 1024      /* where a PDF's header may start */
#define DOCUMENT_DICT_LOOKBACK 2048
#define DOCUMENT_MAX_REFS 64
#define DOCUMENT_MAX_OBJSTM 10000

typedef struct {
	UrlsSink *links;
	Facts *f;
	gsize inflated;
	guint streams;
	GArray *refs;        /* guint: objects named by "/URI n g R", not yet resolved */
	GPtrArray *objstms;  /* ObjStm*: inflated object streams, kept while refs is not empty */
} Doc;

typedef struct {
	GByteArray *data;    /* inflated */
	gsize first;         /* /First: where the objects start */
} ObjStm;

static void objstm_free(gpointer p)
{
	ObjStm *o = p;
	g_byte_array_unref(o->data);
	g_free(o);
}

/* pdf_string - a literal string "(…)" starting at p; transfer full, *end after it */
static GString *pdf_string(const guint8 *p, const guint8 *e, const guint8 **end)
{
	GString *s = g_string_new(NULL);
	int depth = 1;

	for (p++; p < e && s->len < URL_MAX_LEN; p++) {
		guint8 c = *p;
		if (c == '\\' && p + 1 < e) {
			c = *++p;
			switch (c) {
			case 'n': g_string_append_c(s, '\n'); break;
			case 'r': g_string_append_c(s, '\r'); break;
			case 't': g_string_append_c(s, '\t'); break;
			case 'b': g_string_append_c(s, '\b'); break;
			case 'f': g_string_append_c(s, '\f'); break;
			case '\r':
				if (p + 1 < e && p[1] == '\n')
					p++;
				break;
			case '\n': break;
			default:
				if (c >= '0' && c <= '7') {
					int v = c - '0';
					for (int k = 0; k < 2 && p + 1 < e && p[1] >= '0' && p[1] <= '7'; k++)
						v = v * 8 + (*++p - '0');
					g_string_append_c(s, (char)v);
				} else {
					g_string_append_c(s, (char)c);
				}
			}
			continue;
		}
		if (c == '(')
			depth++;
		else if (c == ')' && --depth == 0)
			break;
		g_string_append_c(s, (char)c);
	}
	*end = p < e ? p + 1 : e;
	return s;
}

/* pdf_hex - a hex string "<…>" starting at p; transfer full */
static GString *pdf_hex(const guint8 *p, const guint8 *e, const guint8 **end)
{
	GString *s = g_string_new(NULL);
	int hi = -1;

	for (p++; p < e && *p != '>' && s->len < URL_MAX_LEN; p++) {
		int v = g_ascii_xdigit_value(*p);
		if (v < 0)
			continue;
		if (hi < 0) {
			hi = v;
		} else {
			g_string_append_c(s, (char)(hi << 4 | v));
			hi = -1;
		}
	}
	if (hi >= 0)
		g_string_append_c(s, (char)(hi << 4));
	*end = p < e ? p + 1 : e;
	return s;
}

/* pdf_uri - a decoded PDF string as UTF-8 and added as a link */
static void pdf_uri(Doc *d, GString *s)
{
	char *u = NULL;

	if (s->len >= 2 && (guchar)s->str[0] == 0xfe && (guchar)s->str[1] == 0xff)
		u = g_convert(s->str + 2, s->len - 2, "UTF-8", "UTF-16BE", NULL, NULL, NULL);
	if (u == NULL)
		u = g_utf8_make_valid(s->str, s->len);
	for (char *c = u; *c; c++)
		if (*c == '\0' || (guchar)*c < 0x20)
			*c = ' ';
	g_strstrip(u);
	if (*u)
		urls_add(d->links, u, u, "pdf", NULL);
	g_free(u);
}

/* pdf_uint - a non-negative integer at *p (advanced past it); FALSE when none */
static gboolean pdf_uint(const guint8 **p, const guint8 *e, guint64 *v)
{
	const guint8 *q = *p;

	*v = 0;
	while (q < e && g_ascii_isdigit(*q) && *v < G_MAXUINT32)
		*v = *v * 10 + (guint64)(*q++ - '0');
	if (q == *p || *v >= G_MAXUINT32)
		return FALSE;
	*p = q;
	return TRUE;
}

static const guint8 *pdf_ws(const guint8 *p, const guint8 *e)
{
	while (p < e && (g_ascii_isspace(*p) || *p == '\0'))
		p++;
	return p;
}

/* pdf_ref - "n g R" at p: n, or -1 */
static gint64 pdf_ref(const guint8 *p, const guint8 *e)
{
	guint64 num, gen;

	if (!pdf_uint(&p, e, &num))
		return -1;
	p = pdf_ws(p, e);
	if (!pdf_uint(&p, e, &gen))
		return -1;
	p = pdf_ws(p, e);
	return p < e && *p == 'R' && (p + 1 == e || !g_ascii_isalnum(p[1])) ? (gint64)num : -1;
}

/* pdf_value_uri - the string object at p (literal or hex) as a link */
static void pdf_value_uri(Doc *d, const guint8 *p, const guint8 *e)
{
	const guint8 *end;
	GString *s;

	p = pdf_ws(p, e);
	if (p < e && *p == '(')
		s = pdf_string(p, e, &end);
	else if (p + 1 < e && *p == '<' && p[1] != '<')
		s = pdf_hex(p, e, &end);
	else
		return;
	pdf_uri(d, s);
	g_string_free(s, TRUE);
}

/* pdf_scan_uris - every "/URI (…)" or "/URI <…>" in a stretch of PDF syntax;
 * "/URI n g R" is noted for pdf_resolve */
static void pdf_scan_uris(Doc *d, const guint8 *b, gsize n)
{
	const guint8 *p = b, *e = b + n;

	while (p < e) {
		const guint8 *q = memmem(p, e - p, "/URI", 4), *end;
		GString *s;
		if (q == NULL)
			break;
		q += 4;
		p = q;
		if (q < e && (g_ascii_isalnum(*q)))
			continue;       /* "/URIs" or similar: another name */
		while (q < e && g_ascii_isspace(*q))
			q++;
		if (q >= e)
			break;
		if (*q == '(')
			s = pdf_string(q, e, &end);
		else if (*q == '<' && q + 1 < e && q[1] != '<')
			s = pdf_hex(q, e, &end);
		else {
			gint64 num = pdf_ref(q, e);
			gboolean known = FALSE;
			if (num < 0)
				continue;
			for (guint i = 0; i < d->refs->len && !known; i++)
				known = g_array_index(d->refs, guint, i) == (guint)num;
			if (known)
				continue;
			if (d->refs->len >= DOCUMENT_MAX_REFS) {
				facts_add_anomaly(d->f, "limit", "document-refs");
				continue;
			}
			{
				guint u = (guint)num;
				g_array_append_val(d->refs, u);
			}
			continue;
		}
		pdf_uri(d, s);
		g_string_free(s, TRUE);
		p = end;
	}
}

/* pdf_object - where the value of "num g obj" starts in the file, or NULL */
static const guint8 *pdf_object(const guint8 *b, gsize n, guint num, const guint8 **end)
{
	char key[16];
	gsize kl = (gsize)g_snprintf(key, sizeof key, "%u", num);
	const guint8 *p = b, *e = b + n;

	while (p < e) {
		const guint8 *q = memmem(p, e - p, key, kl), *r;
		guint64 gen;
		if (q == NULL)
			return NULL;
		p = q + kl;
		if (q > b && (g_ascii_isdigit(q[-1]) || !(g_ascii_isspace(q[-1]) || q[-1] == '>' || q[-1] == ')')))
			continue;
		r = pdf_ws(p, e);
		if (r == p || !pdf_uint(&r, e, &gen))
			continue;
		q = pdf_ws(r, e);
		if (q == r || e - q < 3 || memcmp(q, "obj", 3) != 0)
			continue;
		r = memmem(q + 3, e - q - 3, "endobj", 6);
		*end = r ? r : e;
		return q + 3;
	}
	return NULL;
}

/* objstm_find - object num of an object stream: the pairs "num offset" before /First */
static gboolean objstm_find(const ObjStm *o, guint num, const guint8 **at)
{
	const guint8 *p = o->data->data, *e = p + MIN(o->first, (gsize)o->data->len);

	for (guint i = 0; i < DOCUMENT_MAX_OBJSTM; i++) {
		guint64 n, off;
		p = pdf_ws(p, e);
		if (!pdf_uint(&p, e, &n))
			return FALSE;
		p = pdf_ws(p, e);
		if (!pdf_uint(&p, e, &off))
			return FALSE;
		if (n == num) {
			if (off > o->data->len - o->first)
				return FALSE;
			*at = o->data->data + o->first + off;
			return TRUE;
		}
	}
	return FALSE;
}

/* pdf_resolve - the string objects that "/URI n g R" named */
static void pdf_resolve(Doc *d, const guint8 *b, gsize n)
{
	for (guint i = 0; i < d->refs->len; i++) {
		guint num = g_array_index(d->refs, guint, i);
		const guint8 *v, *end;
		if ((v = pdf_object(b, n, num, &end)) != NULL) {
			pdf_value_uri(d, v, end);
			continue;
		}
		for (guint k = 0; k < d->objstms->len; k++) {
			const ObjStm *o = d->objstms->pdata[k];
			if (objstm_find(o, num, &v)) {
				pdf_value_uri(d, v, o->data->data + o->data->len);
				break;
			}
		}
	}
}

/* pdf_links - URIs in the file and in its FlateDecode streams */
static void pdf_links(Doc *d, const guint8 *b, gsize n)
{
	const guint8 *p = b, *e = b + n;

	pdf_scan_uris(d, b, n);
	while (p < e) {
		const guint8 *kw = memmem(p, e - p, "stream", 6), *data, *stop, *dict;
		gsize look;
		GByteArray *out;
		if (kw == NULL)
			break;
		p = kw + 6;
		if (kw >= b + 3 && memcmp(kw - 3, "end", 3) == 0)
			continue;
		data = kw + 6;
		if (data < e && *data == '\r')
			data++;
		if (data < e && *data == '\n')
			data++;
		else if (data == kw + 6)
			continue;   /* "stream" not at a line end: not a stream keyword */
		look = MIN((gsize)(kw - b), (gsize)DOCUMENT_DICT_LOOKBACK);
		dict = kw - look;
		if (g_strstr_len((const char *)dict, look, "/FlateDecode") == NULL &&
		    g_strstr_len((const char *)dict, look, "/Fl ") == NULL)
			continue;
		stop = memmem(data, e - data, "endstream", 9);
		if (stop == NULL)
			stop = e;
		p = stop;
		if (++d->streams > DOCUMENT_MAX_STREAMS) {
			facts_add_anomaly(d->f, "limit", "document-streams");
			break;
		}
		if (d->inflated >= DOCUMENT_MAX_INFLATE) {
			facts_add_anomaly(d->f, "limit", "document-inflate");
			break;
		}
		out = zip_inflate(data, stop - data, DOCUMENT_MAX_INFLATE - d->inflated, FALSE);
		if (out == NULL)
			continue;
		d->inflated += out->len;
		pdf_scan_uris(d, out->data, out->len);
		/* an object stream may hold the strings that "/URI n g R" names */
		{
			const char *obj = g_strrstr_len((const char *)dict, look, "obj");
			const char *ds = obj ? obj : (const char *)dict;
			gsize dl = (const char *)kw - ds;
			const char *fst = g_strstr_len(ds, dl, "/First");
			const guint8 *fp = fst ? pdf_ws((const guint8 *)fst + 6, kw) : NULL;
			guint64 first;
			if (fp != NULL && g_strstr_len(ds, dl, "/ObjStm") != NULL &&
			    pdf_uint(&fp, kw, &first) && first <= out->len) {
				ObjStm *o = g_new(ObjStm, 1);
				o->data = out;
				o->first = (gsize)first;
				g_ptr_array_add(d->objstms, o);
				continue;
			}
		}
		g_byte_array_unref(out);
	}
	if (d->refs->len > 0)
		pdf_resolve(d, b, n);
}

/* rels_element - one element of a relationships part: a Relationship with
 * TargetMode="External" (in any case) gives its Target as a link, cut at
 * URL_MAX_LEN bytes.  The first of a repeated attribute name counts. */
static void rels_element(GMarkupParseContext *ctx, const gchar *element, const gchar **names,
                         const gchar **values, gpointer data, GError **err)
{
	Doc *d = data;
	const char *target = NULL, *mode = NULL;

	(void)ctx;
	(void)err;
	if (strcmp(element, "Relationship") != 0)
		return;
	for (int i = 0; names[i] != NULL; i++) {
		if (target == NULL && strcmp(names[i], "Target") == 0)
			target = values[i];
		else if (mode == NULL && strcmp(names[i], "TargetMode") == 0)
			mode = values[i];
	}
	if (target != NULL && mode != NULL && g_ascii_strcasecmp(mode, "External") == 0) {
		g_autofree char *t = g_strndup(target, URL_MAX_LEN);
		urls_add(d->links, t, t, "docx", NULL);
	}
}

/* document_rels - see document.h.  GMarkup reads the part as XML: entities
 * decoded, comments and CDATA skipped; at the first error (malformed or
 * cut XML, invalid UTF-8) it stops, keeping what it read before.  A UTF-8
 * byte order mark, which GMarkup takes for text before the root, is
 * skipped (Office reads parts with one). */
void document_rels(UrlsSink *links, Facts *f, const char *x, gsize n)
{
	static const GMarkupParser parser = { rels_element, NULL, NULL, NULL, NULL };
	static const char bom[] = "\xef\xbb\xbf";
	Doc d = { .links = links, .f = f };
	GMarkupParseContext *ctx = g_markup_parse_context_new(&parser, 0, &d, NULL);

	if (n >= sizeof bom - 1 && memcmp(x, bom, sizeof bom - 1) == 0) {
		x += sizeof bom - 1;
		n -= sizeof bom - 1;
	}

	if (g_markup_parse_context_parse(ctx, x, (gssize)n, NULL))
		g_markup_parse_context_end_parse(ctx, NULL);
	g_markup_parse_context_free(ctx);
}

/* ooxml_links - every "*.rels" member of an Office Open XML package */
static void ooxml_links(Doc *d, const guint8 *b, gsize n)
{
	Zip *z = zip_open(b, n);

	if (zip_find(z, "[Content_Types].xml") == NULL)
		goto out;
	for (guint i = 0; i < z->members->len; i++) {
		const ZipMember *m = z->members->pdata[i];
		GByteArray *x;
		if (!g_str_has_suffix(m->name, ".rels"))
			continue;
		if (++d->streams > DOCUMENT_MAX_STREAMS) {
			facts_add_anomaly(d->f, "limit", "document-streams");
			break;
		}
		x = zip_read(z, m, DOCUMENT_RELS_BYTES);
		if (x == NULL)
			continue;
		document_rels(d->links, d->f, (const char *)x->data, x->len);
		g_byte_array_unref(x);
	}
out:
	zip_free(z);
}

/* document_links - links inside a PDF or OOXML attachment; anything else is left alone */
void document_links(UrlsSink *links, Facts *f, const guint8 *buf, gsize len)
{
	Doc d = { links, f, 0, 0, NULL, NULL };

	if (len >= strlen(DOCUMENT_PDF_MARK) &&
	    memmem(buf, MIN(len, (gsize)DOCUMENT_PDF_MARK_WITHIN), DOCUMENT_PDF_MARK, strlen(DOCUMENT_PDF_MARK)) != NULL) {
		d.refs = g_array_new(FALSE, FALSE, sizeof(guint));
		d.objstms = g_ptr_array_new_with_free_func(objstm_free);
		pdf_links(&d, buf, len);
		g_array_free(d.refs, TRUE);
		g_ptr_array_unref(d.objstms);
	} else if (zip_is(buf, len)) {
		ooxml_links(&d, buf, len);
	}
}
