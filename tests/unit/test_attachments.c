/*
 * test_attachments.c - what attachments and HTML hide: archive members,
 * TNEF, inline uuencode / yEnc, links in PDF and OOXML files, name / type
 * mismatches, macros, hidden HTML text, <base href>, redirectors, and the
 * encoding checks that flag what readers decode differently.
 *
 * Every input is built here: ZIPs by hand (stored, and deflated with zlib at
 * test time), a tiny TNEF stream, PDFs with plain and FlateDecode /URI
 * actions, a DOCX whose relationships part is deflated.
 */
#define _GNU_SOURCE      /* memmem */
#include <string.h>
#include <zlib.h>
#include "extract/unpack.h"
#include "extract/zip.h"
#include "extract/document.h"
#include "extract/dump.h"
#include "extract/extract.h"
#include "extract/filetype.h"
#include "rules/internal.h"
#include "linkwords.h"

/* ---- builders ------------------------------------------------------------ */

static void put16(GByteArray *b, guint v)
{
	guint8 x[2] = { v & 0xff, (v >> 8) & 0xff };
	g_byte_array_append(b, x, 2);
}

static void put32(GByteArray *b, guint32 v)
{
	guint8 x[4] = { v & 0xff, (v >> 8) & 0xff, (v >> 16) & 0xff, v >> 24 };
	g_byte_array_append(b, x, 4);
}

/* deflate_raw - raw deflate (ZIP method 8) of data; transfer full */
static GByteArray *deflate_raw(const void *data, gsize len, gboolean zlib_header)
{
	GByteArray *out = g_byte_array_sized_new(len + 64);
	z_stream zs = { 0 };

	g_assert_cmpint(deflateInit2(&zs, 9, Z_DEFLATED, zlib_header ? MAX_WBITS : -MAX_WBITS, 8,
	                             Z_DEFAULT_STRATEGY), ==, Z_OK);
	g_byte_array_set_size(out, deflateBound(&zs, len));
	zs.next_in = (Bytef *)data;
	zs.avail_in = len;
	zs.next_out = out->data;
	zs.avail_out = out->len;
	g_assert_cmpint(deflate(&zs, Z_FINISH), ==, Z_STREAM_END);
	g_byte_array_set_size(out, zs.total_out);
	deflateEnd(&zs);
	return out;
}

typedef struct {
	const char *name;
	const char *data;
	gsize len;
	guint method;       /* 0 stored, 8 deflated */
	guint flags;        /* general-purpose flags: bit 0 encrypted */
} Entry;

/* zip_build - local headers, central directory, end record; transfer full */
static GByteArray *zip_build(const Entry *e, guint n)
{
	GByteArray *z = g_byte_array_new(), *cd = g_byte_array_new();
	guint32 *offs = g_new(guint32, n);

	for (guint i = 0; i < n; i++) {
		GByteArray *body = e[i].method == 8 ? deflate_raw(e[i].data, e[i].len, FALSE) : NULL;
		const guint8 *d = body ? body->data : (const guint8 *)e[i].data;
		gsize dl = body ? body->len : e[i].len;
		guint32 crc = crc32(0, (const Bytef *)e[i].data, e[i].len);
		offs[i] = z->len;
		put32(z, 0x04034b50); put16(z, 20); put16(z, e[i].flags); put16(z, e[i].method);
		put16(z, 0); put16(z, 0); put32(z, crc); put32(z, dl); put32(z, e[i].len);
		put16(z, strlen(e[i].name)); put16(z, 0);
		g_byte_array_append(z, (const guint8 *)e[i].name, strlen(e[i].name));
		g_byte_array_append(z, d, dl);
		put32(cd, 0x02014b50); put16(cd, 20); put16(cd, 20); put16(cd, e[i].flags);
		put16(cd, e[i].method); put16(cd, 0); put16(cd, 0); put32(cd, crc); put32(cd, dl);
		put32(cd, e[i].len); put16(cd, strlen(e[i].name)); put16(cd, 0); put16(cd, 0);
		put16(cd, 0); put16(cd, 0); put32(cd, 0); put32(cd, offs[i]);
		g_byte_array_append(cd, (const guint8 *)e[i].name, strlen(e[i].name));
		if (body)
			g_byte_array_unref(body);
	}
	{
		guint32 cdoff = z->len;
		g_byte_array_append(z, cd->data, cd->len);
		put32(z, 0x06054b50); put16(z, 0); put16(z, 0); put16(z, n); put16(z, n);
		put32(z, cd->len); put32(z, cdoff); put16(z, 0);
	}
	g_byte_array_unref(cd);
	g_free(offs);
	return z;
}

/* with_attachment - a message: short text, then one base64 attachment */
static char *with_attachment(const char *ctype, const char *name, const guint8 *data, gsize len)
{
	g_autofree char *b64 = g_base64_encode(data, len);
	return g_strdup_printf("From: seller@shop.example\n"
	                       "Subject: Order 112-4455667-8899001\n"
	                       "MIME-Version: 1.0\n"
	                       "Content-Type: multipart/mixed; boundary=\"B\"\n"
	                       "\n--B\nContent-Type: text/plain\n\nSee attached.\n"
	                       "--B\nContent-Type: %s; name=\"%s\"\n"
	                       "Content-Disposition: attachment; filename=\"%s\"\n"
	                       "Content-Transfer-Encoding: base64\n\n%s\n--B--\n",
	                       ctype, name, name, b64);
}

static Facts *run(const char *msg)
{
	GMimeStream *s = g_mime_stream_mem_new_with_buffer(msg, strlen(msg));
	Facts *f = facts_new();
	ExtractLimits lim;

	f->message_bytes = strlen(msg);
	test_limits(&lim);
	g_assert_true(extract_stream(s, &lim, f, NULL));
	g_object_unref(s);
	if (g_test_verbose()) {
		GString *d = g_string_new(NULL);
		dump_facts(f, d);
		g_test_message("%s", d->str);
		g_string_free(d, TRUE);
	}
	return f;
}

static const FactAttachment *att(const Facts *f, const char *name)
{
	for (guint i = 0; i < f->attachments->len; i++) {
		const FactAttachment *a = f->attachments->pdata[i];
		if (strcmp(a->name, name) == 0)
			return a;
	}
	return NULL;
}

static const FactLink *link_host(const Facts *f, const char *source, const char *host)
{
	for (guint i = 0; i < f->links->len; i++) {
		const FactLink *l = f->links->pdata[i];
		if (strcmp(l->host, host) == 0 && (source == NULL || strcmp(l->source, source) == 0))
			return l;
	}
	return NULL;
}

static gboolean anomaly(const Facts *f, const char *a)
{
	for (guint i = 0; i < f->anomalies->len; i++)
		if (strcmp(f->anomalies->pdata[i], a) == 0)
			return TRUE;
	return FALSE;
}

static const char pdf_min[] = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";
/* A minimal PE executable header (filled by mz_init) that libmagic knows. */
static guint8 mz[256] = { 'M', 'Z', 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0xff, 0xff };

static gboolean is_exe(const char *magic)
{
	return strcmp(magic, "application/x-dosexec") == 0 ||
	       strcmp(magic, "application/vnd.microsoft.portable-executable") == 0;
}

static void mz_init(void)
{
	mz[0x3c] = 0x40;
	memcpy(mz + 0x40, "PE\0\0", 4);
}

/* libarchive writes the 7z archives below. */
#include <locale.h>
#include <archive.h>
#include <archive_entry.h>

typedef struct {
	const char *name;   /* ends in "/": a directory */
	const char *data;
	gsize len;
	gboolean encrypted; /* RAR only: the data is flagged as encrypted */
} Member;

/* sevenzip_build - a 7z archive (LZMA, solid, as libarchive writes it); transfer full */
static GByteArray *sevenzip_build(const Member *m, guint n)
{
	gsize cap = 1024 * 1024 + n * 256, used = 0;
	GByteArray *out = g_byte_array_sized_new(cap);
	struct archive *a = archive_write_new();
	locale_t utf8 = newlocale(LC_ALL_MASK, "C.UTF-8", (locale_t)0), old;

	g_assert_true(utf8 != (locale_t)0);
	old = uselocale(utf8);          /* names are given as UTF-8 */
	g_byte_array_set_size(out, cap);
	g_assert_cmpint(archive_write_set_format_7zip(a), ==, 0);
	g_assert_cmpint(archive_write_open_memory(a, out->data, cap, &used), ==, 0);
	for (guint i = 0; i < n; i++) {
		struct archive_entry *e = archive_entry_new();
		gboolean dir = g_str_has_suffix(m[i].name, "/");
		archive_entry_set_pathname_utf8(e, m[i].name);
		archive_entry_set_filetype(e, dir ? AE_IFDIR : AE_IFREG);
		archive_entry_set_perm(e, dir ? 0755 : 0644);
		archive_entry_set_size(e, dir ? 0 : (la_int64_t)m[i].len);
		g_assert_cmpint(archive_write_header(a, e), ==, 0);
		if (!dir && m[i].len > 0)
			g_assert_cmpint(archive_write_data(a, m[i].data, m[i].len), ==, (ssize_t)m[i].len);
		archive_entry_free(e);
	}
	g_assert_cmpint(archive_write_close(a), ==, 0);
	archive_write_free(a);
	uselocale(old);
	freelocale(utf8);
	g_byte_array_set_size(out, used);
	return out;
}

/* rar4_block - one RAR 4 header (CRC16 = low half of the CRC32 of type..end), then data */
static void rar4_block(GByteArray *out, guint8 type, guint16 flags, const GByteArray *rest,
                       const void *data, gsize dl)
{
	GByteArray *h = g_byte_array_new();

	g_byte_array_append(h, &type, 1);
	put16(h, flags);
	put16(h, 7 + (rest ? rest->len : 0));
	if (rest)
		g_byte_array_append(h, rest->data, rest->len);
	put16(out, crc32(0, h->data, h->len) & 0xffff);
	g_byte_array_append(out, h->data, h->len);
	if (dl)
		g_byte_array_append(out, data, dl);
	g_byte_array_unref(h);
}

/* rar4_build - a RAR 4 archive of stored members; main_flags 0x80: encrypted
 * headers, 0x08: solid (every member after the first flagged solid too) */
static GByteArray *rar4_build(const Member *m, guint n, guint16 main_flags)
{
	GByteArray *out = g_byte_array_new(), *rest = g_byte_array_new();

	g_byte_array_append(out, (const guint8 *)"Rar!\x1a\x07\x00", 7);
	g_byte_array_set_size(rest, 6);
	memset(rest->data, 0, 6);
	rar4_block(out, 0x73, main_flags, rest, NULL, 0);
	for (guint i = 0; i < n; i++) {
		gsize nl = strlen(m[i].name);
		guint8 host = 2, ver = 29, method = 0x30;
		g_byte_array_set_size(rest, 0);
		put32(rest, m[i].len);                                  /* packed */
		put32(rest, m[i].len);                                  /* unpacked */
		g_byte_array_append(rest, &host, 1);
		put32(rest, crc32(0, (const Bytef *)m[i].data, m[i].len));
		put32(rest, 0x5a210000);                                /* DOS time: 2025 */
		g_byte_array_append(rest, &ver, 1);
		g_byte_array_append(rest, &method, 1);                  /* stored */
		put16(rest, nl);
		put32(rest, 0x20);
		g_byte_array_append(rest, (const guint8 *)m[i].name, nl);
		/* a non-ASCII name is stored as UTF-8 with the Unicode flag */
		rar4_block(out, 0x74, 0x8000 | (m[i].encrypted ? 0x04 : 0) |
		           (g_str_is_ascii(m[i].name) ? 0 : 0x200) |
		           ((main_flags & 0x08) && i > 0 ? 0x10 : 0), rest, m[i].data, m[i].len);
	}
	rar4_block(out, 0x7b, 0x4000, NULL, NULL, 0);
	g_byte_array_unref(rest);
	return out;
}

/* vput - a RAR 5 variable-length number */
static void vput(GByteArray *b, guint64 v)
{
	do {
		guint8 c = v & 0x7f;
		v >>= 7;
		if (v)
			c |= 0x80;
		g_byte_array_append(b, &c, 1);
	} while (v);
}

/* rar5_block - CRC32, size, then the header body (type onwards), then data */
static void rar5_block(GByteArray *out, const GByteArray *body, const void *data, gsize dl)
{
	GByteArray *h = g_byte_array_new();

	vput(h, body->len);
	g_byte_array_append(h, body->data, body->len);
	put32(out, crc32(0, h->data, h->len));
	g_byte_array_append(out, h->data, h->len);
	if (dl)
		g_byte_array_append(out, data, dl);
	g_byte_array_unref(h);
}

/* rar5_build - a RAR 5 archive of stored members; solid sets the archive's solid flag */
static GByteArray *rar5_build(const Member *m, guint n, gboolean solid)
{
	GByteArray *out = g_byte_array_new(), *b = g_byte_array_new();

	g_byte_array_append(out, (const guint8 *)"Rar!\x1a\x07\x01\x00", 8);
	vput(b, 1); vput(b, 0); vput(b, solid ? 0x04 : 0);       /* main: type, flags, archive flags */
	rar5_block(out, b, NULL, 0);
	for (guint i = 0; i < n; i++) {
		GByteArray *x = g_byte_array_new();
		gsize nl = strlen(m[i].name);
		if (m[i].encrypted) {                                   /* file encryption record */
			GByteArray *r = g_byte_array_new();
			guint8 kdf = 15, zero[32] = { 0 };
			vput(r, 0x01); vput(r, 0); vput(r, 0);
			g_byte_array_append(r, &kdf, 1);
			g_byte_array_append(r, zero, 32);                   /* salt, IV */
			vput(x, r->len);
			g_byte_array_append(x, r->data, r->len);
			g_byte_array_unref(r);
		}
		g_byte_array_set_size(b, 0);
		vput(b, 2);                                             /* file header */
		vput(b, 0x02 | (x->len ? 0x01 : 0));                    /* data area, extra area */
		if (x->len)
			vput(b, x->len);
		vput(b, m[i].len);                                      /* data size */
		vput(b, 0x04);                                          /* file flags: CRC32 */
		vput(b, m[i].len);                                      /* unpacked size */
		vput(b, 0x20);                                          /* attributes */
		put32(b, crc32(0, (const Bytef *)m[i].data, m[i].len));
		vput(b, solid && i > 0 ? 0x40 : 0);                     /* version 0, stored */
		vput(b, 0);                                             /* Windows */
		vput(b, nl);
		g_byte_array_append(b, (const guint8 *)m[i].name, nl);
		g_byte_array_append(b, x->data, x->len);
		rar5_block(out, b, m[i].data, m[i].len);
		g_byte_array_unref(x);
	}
	g_byte_array_set_size(b, 0);
	vput(b, 5); vput(b, 0); vput(b, 0);                       /* end of archive */
	rar5_block(out, b, NULL, 0);
	g_byte_array_unref(b);
	return out;
}

/* listed - unpack_members() on buf as one attachment "pack"; the facts */
static Facts *listed(const GByteArray *buf)
{
	Facts *f = facts_new();
	FactAttachment *p = facts_add_attachment(f, "pack", "application/octet-stream",
	                                         "application/octet-stream", buf->len, FALSE, 1);

	unpack_members(f, p, buf->data, buf->len);
	return f;
}

/* ---- tests ----------------------------------------------------------------- */

static void test_zip_members(void)
{
	GByteArray *inner = zip_build((Entry[]){ { "deep.txt", "deep", 4, 0, 0 } }, 1);
	Entry e[] = {
		{ "docs/", "", 0, 0, 0 },
		{ "docs/manual.pdf", pdf_min, sizeof pdf_min - 1, 0, 0 },
		{ "invoice.pdf", (const char *)mz, sizeof mz, 8, 0 },
		{ "secret.txt", "xxxxxxxxxxxx", 12, 0, 1 },
		{ "nested.zip", (const char *)inner->data, inner->len, 0, 0 },
	};
	GByteArray *z = zip_build(e, G_N_ELEMENTS(e));
	char *m = with_attachment("application/zip", "bundle.zip", z->data, z->len);
	Facts *f = run(m);
	const FactAttachment *a;

	a = att(f, "bundle.zip");
	g_assert_nonnull(a);
	g_assert_cmpstr(a->magic, ==, "application/zip");
	g_assert_cmpstr(a->container, ==, "");
	g_assert_true(a->encrypted);        /* it holds an encrypted member */
	g_assert_false(a->mismatch);

	a = att(f, "docs/manual.pdf");
	g_assert_nonnull(a);
	g_assert_cmpstr(a->container, ==, "bundle.zip");
	g_assert_cmpstr(a->magic, ==, "application/pdf");
	g_assert_cmpstr(a->ext, ==, "pdf");
	g_assert_cmpint(a->size, ==, sizeof pdf_min - 1);
	g_assert_cmpint(a->depth, ==, 2);
	g_assert_false(a->mismatch);

	a = att(f, "invoice.pdf");          /* deflated: typed from the inflated bytes */
	g_assert_nonnull(a);
	g_assert_true(is_exe(a->magic));
	g_assert_true(a->mismatch);
	g_assert_true(anomaly(f, "attachment:type-mismatch:invoice.pdf"));

	a = att(f, "secret.txt");           /* encrypted: typed by name */
	g_assert_nonnull(a);
	g_assert_true(a->encrypted);
	g_assert_cmpstr(a->magic, ==, "text/plain");

	a = att(f, "deep.txt");             /* a ZIP inside the ZIP */
	g_assert_nonnull(a);
	g_assert_cmpstr(a->container, ==, "nested.zip");
	g_assert_cmpint(a->depth, ==, 3);
	g_assert_null(att(f, "docs/"));     /* directories are not files */

	/* members are not counted again in the attachment bytes */
	g_assert_cmpuint(f->attachment_bytes, ==, z->len);
	facts_free(f);
	g_free(m);
	g_byte_array_unref(z);
	g_byte_array_unref(inner);
}

/* members named as text whose bytes are text are text/plain without
 * libmagic (which would call the script below text/x-shellscript); any
 * other member is typed by libmagic */
static void test_zip_text_members(void)
{
	static const char script[] = "#!/bin/sh\nrm -rf /tmp/x\necho done\n";
	Entry e[] = {
		{ "notes.txt", script, sizeof script - 1, 0, 0 },
		{ "word/document.xml", script, sizeof script - 1, 8, 0 },
		{ "_rels/.rels", script, sizeof script - 1, 0, 0 },
		{ "run.sh", script, sizeof script - 1, 0, 0 },
		{ "readme.txt.d/tool", script, sizeof script - 1, 0, 0 },
		{ "evil.txt", (const char *)mz, sizeof mz, 0, 0 },
	};
	GByteArray *z = zip_build(e, G_N_ELEMENTS(e));
	char *m = with_attachment("application/zip", "bundle.zip", z->data, z->len);
	Facts *f = run(m);

	g_assert_cmpstr(att(f, "notes.txt")->magic, ==, "text/plain");
	g_assert_cmpstr(att(f, "word/document.xml")->magic, ==, "text/plain");
	g_assert_cmpstr(att(f, "_rels/.rels")->magic, ==, "text/plain");
	g_assert_cmpstr(att(f, "run.sh")->magic, ==, "text/x-shellscript");
	g_assert_cmpstr(att(f, "readme.txt.d/tool")->magic, ==, "text/x-shellscript");
	g_assert_true(is_exe(att(f, "evil.txt")->magic));
	g_assert_true(att(f, "evil.txt")->mismatch);
	facts_free(f);
	g_free(m);
	g_byte_array_unref(z);
}

static void test_zip_damaged(void)
{
	Entry e[] = { { "a.exe", (const char *)mz, sizeof mz, 0, 0 }, { "b.txt", "bbbb", 4, 0, 0 } };
	GByteArray *z = zip_build(e, 2);
	Zip *az;

	/* cut before the central directory: members found from the local headers */
	g_byte_array_set_size(z, 30 + 5 + sizeof mz + 30 + 5 + 4);
	az = zip_open(z->data, z->len);
	g_assert_true(az->damaged);
	g_assert_cmpuint(az->members->len, ==, 2);
	g_assert_cmpstr(((ZipMember *)az->members->pdata[0])->name, ==, "a.exe");
	zip_free(az);

	/* garbage, a lone signature, a truncated header: nothing, no crash */
	az = zip_open((const guint8 *)"PK\3\4", 4);
	g_assert_cmpuint(az->members->len, ==, 0);
	zip_free(az);
	az = zip_open((const guint8 *)"PK\5\6\0\0\0\0\377\377\377\377\377\377\377\377\377\377\377\377\0\0", 22);
	g_assert_cmpuint(az->members->len, ==, 0);
	zip_free(az);
	g_byte_array_unref(z);
}

static const Member rar_members[] = {
	{ "docs/invoice.pdf", pdf_min, sizeof pdf_min - 1, FALSE },
	{ "setup.exe", "MZ-not-really-a-program", 23, FALSE },
	{ "secret.txt", "xxxxxxxxxxxx", 12, TRUE },
	{ "Gr\xc3\xbc\xc3\x9f" "e.txt", "hi", 2, FALSE },
};

/* check_rar - the members of rar_members, listed from archive bytes */
static void check_rar(const Facts *f)
{
	const FactAttachment *a;

	g_assert_cmpuint(f->attachments->len, ==, 5);
	g_assert_true(((FactAttachment *)f->attachments->pdata[0])->encrypted);
	g_assert_nonnull(att(f, "Gr\xc3\xbc\xc3\x9f" "e.txt"));
	a = att(f, "docs/invoice.pdf");
	g_assert_nonnull(a);
	g_assert_cmpstr(a->container, ==, "pack");
	g_assert_cmpint(a->depth, ==, 2);
	g_assert_cmpint(a->size, ==, sizeof pdf_min - 1);
	g_assert_cmpstr(a->ext, ==, "pdf");
	g_assert_false(a->encrypted);
	a = att(f, "setup.exe");
	g_assert_nonnull(a);
	g_assert_cmpint(a->size, ==, 23);
	g_assert_true(is_exe(a->magic));      /* typed by name: the data is not read */
	a = att(f, "secret.txt");
	g_assert_nonnull(a);
	g_assert_true(a->encrypted);
	g_assert_cmpint(a->size, ==, 12);
	for (guint i = 0; i < f->anomalies->len; i++)
		g_assert_false(g_str_has_prefix(f->anomalies->pdata[i], "archive:"));
}

static void test_rar_members(void)
{
	GByteArray *r;
	Facts *f;

	r = rar4_build(rar_members, G_N_ELEMENTS(rar_members), 0x08);
	f = listed(r);
	check_rar(f);
	facts_free(f);
	g_byte_array_unref(r);
	r = rar4_build(rar_members, G_N_ELEMENTS(rar_members), 0);
	f = listed(r);
	check_rar(f);
	facts_free(f);
	{
		/* attached on its own: listed through the whole extraction */
		char *msg = with_attachment("application/octet-stream", "scan.rar", r->data, r->len);
		f = run(msg);
		g_assert_nonnull(att(f, "setup.exe"));
		g_assert_cmpstr(att(f, "setup.exe")->container, ==, "scan.rar");
		facts_free(f);
		g_free(msg);
	}

	/* a damaged header: what came before it is kept, and it is said */
	((guint8 *)memmem(r->data, r->len, "secret.txt", 10))[0] ^= 0x20;
	f = listed(r);
	g_assert_nonnull(att(f, "setup.exe"));
	g_assert_null(att(f, "secret.txt"));
	g_assert_null(att(f, "Secret.txt"));
	g_assert_true(anomaly(f, "archive:rar-damaged"));
	facts_free(f);
	g_byte_array_unref(r);

	/* names encrypted too: nothing listed, the archive is encrypted */
	r = rar4_build(rar_members, 1, 0x0080);
	f = listed(r);
	g_assert_cmpuint(f->attachments->len, ==, 1);
	g_assert_true(((FactAttachment *)f->attachments->pdata[0])->encrypted);
	facts_free(f);
	g_byte_array_unref(r);

	for (int solid = 0; solid < 2; solid++) {
		r = rar5_build(rar_members, G_N_ELEMENTS(rar_members), solid);
		f = listed(r);
		check_rar(f);
		facts_free(f);
		/* a header whose checksum is wrong ends the listing, and is said */
		((guint8 *)memmem(r->data, r->len, "secret.txt", 10))[0] ^= 0x20;
		f = listed(r);
		g_assert_nonnull(att(f, "setup.exe"));
		g_assert_null(att(f, "secret.txt"));
		g_assert_null(att(f, "Secret.txt"));
		g_assert_true(anomaly(f, "archive:rar-damaged"));
		facts_free(f);
		g_byte_array_unref(r);
	}

	/* RAR 5 with encrypted headers (an encryption header first) */
	r = g_byte_array_new();
	g_byte_array_append(r, (const guint8 *)"Rar!\x1a\x07\x01\x00", 8);
	{
		GByteArray *b = g_byte_array_new();
		guint8 z[33] = { 15 };
		vput(b, 4); vput(b, 0); vput(b, 0); vput(b, 0);
		g_byte_array_append(b, z, sizeof z);
		rar5_block(r, b, NULL, 0);
		g_byte_array_unref(b);
	}
	f = listed(r);
	g_assert_cmpuint(f->attachments->len, ==, 1);
	g_assert_true(((FactAttachment *)f->attachments->pdata[0])->encrypted);
	facts_free(f);
	g_byte_array_unref(r);

	/* a signature alone */
	r = g_byte_array_new();
	g_byte_array_append(r, (const guint8 *)"Rar!\x1a\x07\x00", 7);
	f = listed(r);
	g_assert_cmpuint(f->attachments->len, ==, 1);
	g_assert_true(anomaly(f, "archive:rar-damaged"));
	facts_free(f);
	g_byte_array_unref(r);
}

static void test_7z_members(void)
{
	const Member m[] = {
		{ "docs/", "", 0, FALSE },
		{ "docs/Rechnung-\xc3\xbc.pdf", pdf_min, sizeof pdf_min - 1, FALSE },
		{ "tool.exe", (const char *)mz, sizeof mz, FALSE },
		{ "empty.txt", "", 0, FALSE },
	};
	GByteArray *z = sevenzip_build(m, G_N_ELEMENTS(m)), *zip, *many;
	Member *lots;
	Facts *f = listed(z);
	const FactAttachment *a;
	char *msg;

	g_assert_cmpuint(f->attachments->len, ==, 4);          /* the directory is not a file */
	a = att(f, "docs/Rechnung-\xc3\xbc.pdf");             /* UTF-8 names stay UTF-8 */
	g_assert_nonnull(a);
	g_assert_cmpint(a->size, ==, sizeof pdf_min - 1);
	g_assert_cmpstr(a->magic, ==, "application/pdf");
	g_assert_cmpstr(a->container, ==, "pack");
	a = att(f, "tool.exe");
	g_assert_nonnull(a);
	g_assert_cmpint(a->size, ==, sizeof mz);
	g_assert_true(is_exe(a->magic));
	g_assert_false(a->encrypted);
	g_assert_nonnull(att(f, "empty.txt"));
	g_assert_false(((FactAttachment *)f->attachments->pdata[0])->encrypted);
	g_assert_cmpuint(f->anomalies->len, ==, 0);
	facts_free(f);

	/* cut in its header: said, not crashed on */
	{
		GByteArray *cut = g_byte_array_new();
		g_byte_array_append(cut, z->data, z->len - 10);
		f = listed(cut);
		g_assert_true(anomaly(f, "archive:7z-damaged"));
		facts_free(f);
		g_byte_array_unref(cut);
	}

	/* a 7z inside a ZIP attachment, through the whole extraction */
	zip = zip_build((Entry[]){ { "inner.7z", (const char *)z->data, z->len, 8, 0 } }, 1);
	msg = with_attachment("application/zip", "outer.zip", zip->data, zip->len);
	f = run(msg);
	a = att(f, "tool.exe");
	g_assert_nonnull(a);
	g_assert_cmpstr(a->container, ==, "inner.7z");
	g_assert_cmpint(a->depth, ==, 3);
	facts_free(f);
	g_free(msg);
	g_byte_array_unref(zip);

	/* a 7z attached on its own, under a name that hides it */
	msg = with_attachment("application/pdf", "invoice.pdf", z->data, z->len);
	f = run(msg);
	a = att(f, "tool.exe");
	g_assert_nonnull(a);
	g_assert_cmpstr(a->container, ==, "invoice.pdf");
	facts_free(f);
	g_free(msg);
	g_byte_array_unref(z);

	/* more members than UNPACK_MAX_MEMBERS: the first ones, and the limit */
	lots = g_new0(Member, UNPACK_MAX_MEMBERS + 5);
	for (guint i = 0; i < UNPACK_MAX_MEMBERS + 5; i++)
		lots[i] = (Member){ g_strdup_printf("f%04u.txt", i), "x", 1, FALSE };
	many = sevenzip_build(lots, UNPACK_MAX_MEMBERS + 5);
	f = listed(many);
	g_assert_cmpuint(f->attachments->len, ==, 1 + UNPACK_MAX_MEMBERS);
	g_assert_true(anomaly(f, "limit:archive-members"));
	facts_free(f);
	for (guint i = 0; i < UNPACK_MAX_MEMBERS + 5; i++)
		g_free((char *)lots[i].name);
	g_free(lots);
	g_byte_array_unref(many);
}

/* tnef_attr - one TNEF attribute: level, id, length, data, checksum */
static void tnef_attr(GByteArray *b, guint8 level, guint32 id, const void *data, guint32 len)
{
	guint16 sum = 0;

	g_byte_array_append(b, &level, 1);
	put32(b, id);
	put32(b, len);
	g_byte_array_append(b, data, len);
	for (guint32 i = 0; i < len; i++)
		sum += ((const guint8 *)data)[i];
	put16(b, sum);
}

static void test_tnef(void)
{
	GByteArray *t = g_byte_array_new();
	char *m;
	Facts *f;
	const FactAttachment *a;

	put32(t, 0x223e9f78);
	put16(t, 0x0001);
	tnef_attr(t, 1, 0x00089006, "\1\0\0\0", 4);                 /* a message-level attribute */
	tnef_attr(t, 2, 0x00069002, "\0\0\0\0\0\0\0\0", 8);         /* attAttachRendData */
	tnef_attr(t, 2, 0x00018010, "setup.exe\0", 10);             /* attAttachTitle */
	tnef_attr(t, 2, 0x0006800f, mz, sizeof mz);                  /* attAttachData */
	tnef_attr(t, 2, 0x00069002, "\0\0\0\0\0\0\0\0", 8);
	tnef_attr(t, 2, 0x00018010, "readme.pdf\0", 11);
	tnef_attr(t, 2, 0x0006800f, pdf_min, sizeof pdf_min - 1);
	m = with_attachment("application/ms-tnef", "winmail.dat", t->data, t->len);
	f = run(m);
	a = att(f, "setup.exe");
	g_assert_nonnull(a);
	g_assert_cmpstr(a->container, ==, "winmail.dat");
	g_assert_true(is_exe(a->magic));
	g_assert_cmpint(a->size, ==, sizeof mz);
	a = att(f, "readme.pdf");
	g_assert_nonnull(a);
	g_assert_cmpstr(a->magic, ==, "application/pdf");
	facts_free(f);
	g_free(m);

	/* a TNEF stream cut inside an attribute: what came before is still listed */
	g_byte_array_set_size(t, t->len - 20);
	m = with_attachment("application/ms-tnef", "winmail.dat", t->data, t->len);
	f = run(m);
	g_assert_nonnull(att(f, "setup.exe"));
	facts_free(f);
	g_free(m);
	g_byte_array_unref(t);
}

/* uu_encode - "begin 644 name" … "end" for data; transfer full */
static char *uu_encode(const char *name, const guint8 *d, gsize n)
{
	GString *s = g_string_new(NULL);

	g_string_append_printf(s, "begin 644 %s\n", name);
	for (gsize i = 0; i < n; i += 45) {
		gsize k = MIN((gsize)45, n - i);
		g_string_append_c(s, (char)(32 + k));
		for (gsize j = 0; j < k; j += 3) {
			guint8 a = d[i + j], b = j + 1 < k ? d[i + j + 1] : 0, c = j + 2 < k ? d[i + j + 2] : 0;
			guint8 q[4] = { a >> 2, (a << 4 | b >> 4) & 63, (b << 2 | c >> 6) & 63, c & 63 };
			for (int x = 0; x < 4; x++)
				g_string_append_c(s, q[x] ? (char)(32 + q[x]) : '`');
		}
		g_string_append_c(s, '\n');
	}
	g_string_append(s, "`\nend\n");
	return g_string_free(s, FALSE);
}

static void test_inline_files(void)
{
	g_autofree char *uu = uu_encode("tool.exe", mz, sizeof mz);
	GString *y = g_string_new("=ybegin line=128 size=5 name=hello.txt\n");
	char *m;
	Facts *f;
	const FactAttachment *a;

	for (const char *p = "hello"; *p; p++) {
		guint8 c = (guint8)(*p + 42);
		if (c == 0 || c == '\n' || c == '\r' || c == '=')
			g_string_append_printf(y, "=%c", c + 64);
		else
			g_string_append_c(y, (char)c);
	}
	g_string_append(y, "\n=yend size=5\n");
	m = g_strdup_printf("From: a@b.example\nSubject: files\n\nHere is the tool:\n%s"
	                    "and a note:\n%sbegin the story here\nThanks.\n", uu, y->str);
	f = run(m);
	a = att(f, "tool.exe");
	g_assert_nonnull(a);
	g_assert_cmpint(a->size, ==, sizeof mz);
	g_assert_true(is_exe(a->magic));
	g_assert_cmpint(a->depth, ==, 1);
	a = att(f, "hello.txt");
	g_assert_nonnull(a);
	g_assert_cmpint(a->size, ==, 5);
	/* the blocks are files, not text; the prose around them stays */
	g_assert_null(strstr(f->text->str, "begin 644"));
	g_assert_null(strstr(f->text->str, "=ybegin"));
	g_assert_nonnull(strstr(f->text->str, "Here is the tool:"));
	g_assert_nonnull(strstr(f->text->str, "begin the story here"));
	g_assert_nonnull(strstr(f->text->str, "Thanks."));
	facts_free(f);
	g_free(m);
	g_string_free(y, TRUE);
}

static void test_pdf_links(void)
{
	const char *hidden = "<< /Type /Annot /Subtype /Link /A << /S /URI /URI (https://flate.shop.example/x\\)y) >> >>";
	GByteArray *zs = deflate_raw(hidden, strlen(hidden), TRUE);
	GByteArray *pdf = g_byte_array_new();
	char *m, *head;
	Facts *f;
	const FactLink *l;

	head = g_strdup_printf("%%PDF-1.7\n1 0 obj << /Type /Annot /A << /S /URI /URI (http://plain.shop.example/a) >> >> endobj\n"
	                       "2 0 obj << /A << /URI <68747470733A2F2F6865782E73686F702E6578616D706C652F> >> >> endobj\n"
	                       "3 0 obj << /Type /ObjStm /Length %u /Filter /FlateDecode >>\nstream\n", zs->len);
	g_byte_array_append(pdf, (const guint8 *)head, strlen(head));
	g_byte_array_append(pdf, zs->data, zs->len);
	g_byte_array_append(pdf, (const guint8 *)"\nendstream\nendobj\n%%EOF\n", 24);
	m = with_attachment("application/pdf", "invoice.pdf", pdf->data, pdf->len);
	f = run(m);
	g_assert_nonnull(link_host(f, "pdf", "plain.shop.example"));
	g_assert_nonnull(link_host(f, "pdf", "hex.shop.example"));
	l = link_host(f, "pdf", "flate.shop.example");
	g_assert_nonnull(l);
	g_assert_cmpstr(l->raw, ==, "https://flate.shop.example/x)y");
	g_assert_false(att(f, "invoice.pdf")->mismatch);
	facts_free(f);
	g_free(m);
	g_free(head);
	g_byte_array_unref(pdf);
	g_byte_array_unref(zs);
}

static void test_pdf_indirect(void)
{
	const char *o8 = "<< /S /URI /URI 9 0 R >>";
	const char *o9 = "(https://objstm.shop.example/a\\(b\\))";
	g_autofree char *objs = g_strdup_printf("8 0 9 %zu %s %s", strlen(o8) + 1, o8, o9);
	gsize first = strlen(objs) - strlen(o8) - strlen(o9) - 1;
	GByteArray *zs, *pdf = g_byte_array_new();
	char *m, *head;
	Facts *f;
	const FactLink *l;

	zs = deflate_raw(objs, strlen(objs), TRUE);
	head = g_strdup_printf(
		"%%PDF-1.7\n"
		"4 0 obj << /Type /Annot /Subtype /Link /A 5 0 R >> endobj\n"
		"5 0 obj << /S /URI /URI 6 0 R >> endobj\n"
		"6 0 obj (http://indirect.shop.example/\\160\\141th) endobj\n"
		"7 0 obj << /Type /Annot /A << /S /URI /URI 10 0 R >> >> endobj\n"
		"10 0 obj\n<68747470733A2F2F6865786F626A2E73686F702E6578616D706C652F>\nendobj\n"
		"11 0 obj << /A << /S /URI /URI 99 0 R >> >> endobj\n"
		"12 0 obj << /Type /ObjStm /N 2 /First %zu /Length %u /Filter /FlateDecode >>\nstream\n",
		first, zs->len);
	g_byte_array_append(pdf, (const guint8 *)head, strlen(head));
	g_byte_array_append(pdf, zs->data, zs->len);
	g_byte_array_append(pdf, (const guint8 *)"\nendstream\nendobj\n%%EOF\n", 24);
	m = with_attachment("application/pdf", "manual.pdf", pdf->data, pdf->len);
	f = run(m);
	l = link_host(f, "pdf", "indirect.shop.example");     /* /A n 0 R, then /URI n 0 R */
	g_assert_nonnull(l);
	g_assert_cmpstr(l->raw, ==, "http://indirect.shop.example/path");
	l = link_host(f, "pdf", "hexobj.shop.example");       /* an indirect hex string */
	g_assert_nonnull(l);
	g_assert_cmpstr(l->raw, ==, "https://hexobj.shop.example/");
	l = link_host(f, "pdf", "objstm.shop.example");       /* both inside an object stream */
	g_assert_nonnull(l);
	g_assert_cmpstr(l->raw, ==, "https://objstm.shop.example/a(b)");
	g_assert_cmpuint(f->links->len, ==, 3);               /* 99 0 R names nothing */
	facts_free(f);
	g_free(m);
	g_free(head);
	g_byte_array_unref(pdf);
	g_byte_array_unref(zs);
}

/* rels_targets - the raw links document_rels finds in one part, "|"-separated */
static char *rels_targets(const char *xml, gsize n)
{
	Facts *f = facts_new();
	UrlsSink *s = urls_sink_new(f, 100, test_link_words());
	GString *out = g_string_new(NULL);

	document_rels(s, f, xml, n);
	for (guint i = 0; i < f->links->len; i++) {
		const FactLink *l = f->links->pdata[i];
		if (strcmp(l->source, "docx") == 0)
			g_string_append_printf(out, "%s%s", out->len ? "|" : "", l->raw);
	}
	urls_sink_free(s);
	facts_free(f);
	return g_string_free(out, FALSE);
}

/* test_rels_reader - a relationships part read as XML (GMarkup): what it
 * finds, and where it stops */
static void test_rels_reader(void)
{
#define EXT(t) "<Relationship Id=\"r\" Target=\"" t "\" TargetMode=\"External\"/>"
	static const struct {
		const char *xml, *want;
	} cases[] = {
		{ "<Relationships>" EXT("https://a.example/") "</Relationships>", "https://a.example/" },
		/* internal targets, and no TargetMode, are not links */
		{ "<Relationships><Relationship Target=\"styles.xml\"/>"
		  "<Relationship Target=\"https://b.example/\" TargetMode=\"Internal\"/></Relationships>", "" },
		/* TargetMode in any case, attributes in any order, single quotes */
		{ "<Relationships><Relationship TargetMode='external' Target='https://c.example/'/></Relationships>",
		  "https://c.example/" },
		/* entities and character references decoded */
		{ "<Relationships>" EXT("https://d.example/?a=1&amp;b=&#x32;&#51;") "</Relationships>",
		  "https://d.example/?a=1&b=23" },
		/* any white space after the element name */
		{ "<Relationships><Relationship\n\tTarget=\"https://e.example/\" TargetMode=\"External\"/></Relationships>",
		  "https://e.example/" },
		/* a declaration and a comment; a Relationship inside a comment is not one */
		{ "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<!-- " EXT("https://f.example/")
		  " --><Relationships>" EXT("https://g.example/") "</Relationships>", "https://g.example/" },
		/* qualified names are other elements */
		{ "<Relationships><r:Relationship Target=\"https://h.example/\" TargetMode=\"External\"/></Relationships>", "" },
		/* two relationships, both read, in order */
		{ "<Relationships>" EXT("https://i.example/") EXT("https://j.example/") "</Relationships>",
		  "https://i.example/|https://j.example/" },
		/* malformed XML: what came before the error is kept, nothing after */
		{ "<Relationships>" EXT("https://k.example/") "<x a=1/>" EXT("https://l.example/") "</Relationships>",
		  "https://k.example/" },
		/* an undefined entity is an error: its element is not read */
		{ "<Relationships>" EXT("https://m.example/&nbsp;") EXT("https://n.example/") "</Relationships>", "" },
		/* a part cut in the middle (DOCUMENT_RELS_BYTES): the whole elements before the cut */
		{ "<Relationships>" EXT("https://o.example/") "<Relationship Target=\"https://p.ex", "https://o.example/" },
		/* a byte order mark before the declaration */
		{ "\xef\xbb\xbf<?xml version=\"1.0\"?><Relationships>" EXT("https://r.example/") "</Relationships>",
		  "https://r.example/" },
		{ "", "" },
	};
	GString *big = g_string_new("<Relationships><Relationship TargetMode=\"External\" Target=\"https://q.example/");

	for (guint i = 0; i < G_N_ELEMENTS(cases); i++) {
		g_autofree char *got = rels_targets(cases[i].xml, strlen(cases[i].xml));
		if (strcmp(got, cases[i].want) != 0)
			g_test_message("case %u: got \"%s\"", i, got);
		g_assert_cmpstr(got, ==, cases[i].want);
	}
	/* a target is cut at URL_MAX_LEN bytes */
	while (big->len < URL_MAX_LEN + 100)
		g_string_append_c(big, 'x');
	g_string_append(big, "\"/></Relationships>");
	{
		g_autofree char *got = rels_targets(big->str, big->len);
		g_assert_cmpuint(strlen(got), ==, URL_MAX_LEN);
		g_assert_true(g_str_has_prefix(got, "https://q.example/xxx"));
	}
	g_string_free(big, TRUE);
#undef EXT
}

static void test_docx_links(void)
{
	const char *rels =
		"<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
		"<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>"
		"<Relationship Id=\"rId9\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink\" "
		"Target=\"https://docx.shop.example/buy?a=1&amp;b=2\" TargetMode=\"External\"/></Relationships>";
	Entry e[] = {
		{ "[Content_Types].xml", "<Types/>", 8, 8, 0 },
		{ "word/document.xml", "<w:document/>", 13, 8, 0 },
		{ "word/_rels/document.xml.rels", rels, strlen(rels), 8, 0 },
		{ "word/vbaProject.bin", "\xd0\xcf\x11\xe0", 4, 0, 0 },
	};
	GByteArray *z = zip_build(e, G_N_ELEMENTS(e));
	char *m = with_attachment("application/vnd.openxmlformats-officedocument.wordprocessingml.document",
	                          "manual.docx", z->data, z->len);
	Facts *f = run(m);
	const FactLink *l = link_host(f, "docx", "docx.shop.example");

	g_assert_nonnull(l);
	g_assert_cmpstr(l->raw, ==, "https://docx.shop.example/buy?a=1&b=2");
	g_assert_null(link_host(f, "docx", ""));    /* internal targets are not links */
	g_assert_true(att(f, "manual.docx")->macros);
	g_assert_nonnull(att(f, "word/document.xml"));
	facts_free(f);
	g_free(m);
	g_byte_array_unref(z);

	/* .docm: macros by name, even when the content cannot be read */
	m = with_attachment("application/octet-stream", "form.docm", (const guint8 *)"junk", 4);
	f = run(m);
	g_assert_true(att(f, "form.docm")->macros);
	facts_free(f);
	g_free(m);
}

static void test_mismatch(void)
{
	static const struct {
		const char *ctype, *name;
		const guint8 *data;
		gsize len;
		gboolean mismatch;
	} cases[] = {
		{ "application/pdf", "invoice.pdf", mz, sizeof mz, TRUE },               /* exe named pdf */
		{ "application/octet-stream", "invoice.pdf", (const guint8 *)pdf_min, sizeof pdf_min - 1, FALSE },
		{ "image/png", "photo.dat", (const guint8 *)pdf_min, sizeof pdf_min - 1, TRUE }, /* declared */
		{ "application/pdf", "invoice", (const guint8 *)pdf_min, sizeof pdf_min - 1, FALSE },
		{ "text/csv", "list.csv", (const guint8 *)"a,b\n1,2\n", 8, FALSE },       /* text is text */
	};

	for (gsize i = 0; i < G_N_ELEMENTS(cases); i++) {
		char *m = with_attachment(cases[i].ctype, cases[i].name, cases[i].data, cases[i].len);
		Facts *f = run(m);
		const FactAttachment *a = att(f, cases[i].name);
		g_assert_nonnull(a);
		g_assert_cmpint(a->mismatch, ==, cases[i].mismatch);
		facts_free(f);
		g_free(m);
	}
}

/* test_plain_text - a *.txt or unnamed text/plain part of text bytes is
 * text/plain without asking libmagic; any other name, type or binary bytes
 * and libmagic decides (here: a shell script) */
static void test_plain_text(void)
{
	static const char script[] = "#!/bin/sh\nrm -rf /tmp/x\necho done\n";
	static const guint8 nul_text[] = "#!/bin/sh\n\0\0\0\0echo x\n";
	static const struct {
		const char *ctype, *name;
		const guint8 *data;
		gsize len;
		const char *magic;      /* NULL: anything but text/plain */
	} cases[] = {
		{ "text/plain", "notes.txt", (const guint8 *)script, sizeof script - 1, "text/plain" },
		{ "text/plain", "NOTES.TXT", (const guint8 *)"Gr\xc3\xb6\xc3\x9f" "e\tok\r\n", 11, "text/plain" },
		{ "text/plain", "run.sh", (const guint8 *)script, sizeof script - 1, "text/x-shellscript" },
		{ "application/octet-stream", "notes.txt", (const guint8 *)script, sizeof script - 1,
		  "text/x-shellscript" },
		{ "text/plain", "notes.txt", nul_text, sizeof nul_text - 1, NULL },
		{ "text/plain", "notes.txt", (const guint8 *)pdf_min, sizeof pdf_min - 1, "text/plain" },
		{ "text/plain", "invoice.pdf", (const guint8 *)pdf_min, sizeof pdf_min - 1, "application/pdf" },
	};

	g_assert_true(filetype_is_plain_text("caf\xc3\xa9", 5));
	g_assert_true(filetype_is_plain_text("caf\xc3", 4));           /* cut in a character */
	g_assert_false(filetype_is_plain_text("caf\xe9 au lait", 13));  /* Latin-1 */
	g_assert_false(filetype_is_plain_text("a\x1b[0mb", 7));
	for (gsize i = 0; i < G_N_ELEMENTS(cases); i++) {
		char *m = with_attachment(cases[i].ctype, cases[i].name, cases[i].data, cases[i].len);
		Facts *f = run(m);
		const FactAttachment *a = att(f, cases[i].name);
		g_assert_nonnull(a);
		if (cases[i].magic != NULL)
			g_assert_cmpstr(a->magic, ==, cases[i].magic);
		else
			g_assert_cmpstr(a->magic, !=, "text/plain");
		facts_free(f);
		g_free(m);
	}
}

static void test_hidden_html(void)
{
	const char *m =
		"From: a@b.example\nSubject: s\nMIME-Version: 1.0\nContent-Type: text/html\n\n"
		"<html><head><base href=\"https://base.shop.example/dir/\"></head><body bgcolor=\"#000000\">"
		"<p>Visible words.</p>"
		"<div style=\"display:none\">order 112-4455667-8899001</div>"
		"<span style=\"font-size:1px\">tiny</span>"
		"<span style=\"color:#000\">dark on dark</span>"
		"<span style=\"color:#fff\">white on black shows</span>"
		"<div hidden>attr hidden</div>"
		"<table style=\"background:url(x.png)\"><tr><td style=\"color:#000\">on an image</td></tr></table>"
		"<a href=\"page.html\">relative</a> <img src=\"/img/logo.png\">"
		"<a href=\"https://www.google.com/url?q=https%3A%2F%2Fevil.example%2Fx&sa=D\">g</a>"
		"<a href=\"https://eur01.safelinks.protection.outlook.com/?url=https%3A%2F%2Fsafe.example%2F&data=1\">s</a>"
		"<a href=\"https://urldefense.proofpoint.com/v2/url?u=https-3A__pp.example_a&d=x\">p</a>"
		"<a href=\"https://t.co/abc\">short</a>"
		"</body></html>\n";
	Facts *f = run(m);

	g_assert_nonnull(strstr(f->text->str, "Visible words."));
	g_assert_nonnull(strstr(f->text->str, "white on black shows"));
	g_assert_nonnull(strstr(f->text->str, "on an image"));
	g_assert_null(strstr(f->text->str, "112-4455667"));
	g_assert_null(strstr(f->text->str, "tiny"));
	g_assert_null(strstr(f->text->str, "dark on dark"));
	g_assert_null(strstr(f->text->str, "attr hidden"));
	g_assert_nonnull(strstr(f->hidden_text->str, "order 112-4455667-8899001"));
	g_assert_nonnull(strstr(f->hidden_text->str, "tiny"));
	g_assert_nonnull(strstr(f->hidden_text->str, "dark on dark"));
	g_assert_true(anomaly(f, "html:hidden-text"));

	/* <base href> */
	g_assert_nonnull(link_host(f, "href", "base.shop.example"));
	g_assert_cmpstr(link_host(f, "href", "base.shop.example")->url, ==,
	                "https://base.shop.example/dir/page.html");
	g_assert_nonnull(link_host(f, "src", "base.shop.example"));

	/* redirectors: the carried target is a link too */
	g_assert_nonnull(link_host(f, "redirect", "evil.example"));
	g_assert_nonnull(link_host(f, "redirect", "safe.example"));
	g_assert_nonnull(link_host(f, "redirect", "pp.example"));
	g_assert_nonnull(link_host(f, "href", "t.co"));
	facts_free(f);

	/* nothing hidden: no anomaly, empty hidden text */
	f = run("From: a@b.example\nSubject: s\nContent-Type: text/html\n\n<p style=\"color:red\">hi</p>\n");
	g_assert_cmpuint(f->hidden_text->len, ==, 0);
	g_assert_false(anomaly(f, "html:hidden-text"));
	facts_free(f);
}

static void test_hidden_css(void)
{
	const char *m =
		"From: a@b.example\nSubject: s\nMIME-Version: 1.0\nContent-Type: text/html\n\n"
		"<html><head><style type=\"text/css\"><!--\n"
		"/* .note { display:block } */\n"
		".gone { display: none !important; }\n"
		"#tiny{font-size:0px}\n"
		"ins { visibility:hidden }\n"
		"span.faint, .x-mso { opacity: 0 } .x-mso { mso-hide: all }\n"
		".red { color: #c00; }\n"
		"@media screen and (max-width: 600px) { .mobile { display:none } }\n"
		"div p.deep, a:hover, .a > .b { display:none }\n"
		".back { display:none } .back.on { display:block } .shown { display:none }\n"
		"--></style></head><body>"
		"<p>Visible words.</p>"
		"<div class=\"box gone\">by class 112-4455667-8899001</div>"
		"<p id=\"tiny\">by id</p>"
		"<ins>by element</ins>"
		"<span class=\"faint\">by element.class</span>"
		"<p class=\"faint\">faint paragraph shows</p>"
		"<b class=\"x-mso\">by list</b>"
		"<p class=\"red\">red shows</p>"
		"<p class=\"mobile\">mobile shows</p>"
		"<div><p class=\"deep\">descendant shows</p></div>"
		"<p class=\"shown\" style=\"display:block\">inline wins</p>"
		"<p class=\"back\">later rule hides</p>"
		"</body></html>\n";
	Facts *f = run(m);
	static const char *const hidden[] = { "by class", "by id", "by element", "by element.class",
	                                      "by list", "later rule hides" };
	static const char *const shown[] = { "Visible words.", "faint paragraph shows", "red shows",
	                                     "mobile shows", "descendant shows", "inline wins" };

	for (gsize i = 0; i < G_N_ELEMENTS(hidden); i++) {
		if (strstr(f->hidden_text->str, hidden[i]) == NULL || strstr(f->text->str, hidden[i]) != NULL)
			g_test_fail_printf("\"%s\" should be hidden", hidden[i]);
	}
	for (gsize i = 0; i < G_N_ELEMENTS(shown); i++) {
		if (strstr(f->text->str, shown[i]) == NULL || strstr(f->hidden_text->str, shown[i]) != NULL)
			g_test_fail_printf("\"%s\" should be visible", shown[i]);
	}
	g_assert_null(strstr(f->text->str, "112-4455667"));
	g_assert_true(anomaly(f, "html:hidden-text"));
	facts_free(f);

	/* the near miss: a sheet that only colours text hides nothing */
	f = run("From: a@b.example\nSubject: s\nContent-Type: text/html\n\n"
	        "<style>.note { color: #333333; font-size: 13px } p { margin: 0 }</style>"
	        "<p class=\"note\">hello there</p>\n");
	g_assert_nonnull(strstr(f->text->str, "hello there"));
	g_assert_cmpuint(f->hidden_text->len, ==, 0);
	g_assert_false(anomaly(f, "html:hidden-text"));
	facts_free(f);
}

static void test_encoding_checks(void)
{
	static const struct {
		const char *part;
		const char *anomaly;
	} cases[] = {
		{ "Content-Type: application/octet-stream\nContent-Transfer-Encoding: x-uue\n\nabc\n",
		  "mime:nonstandard-encoding" },
		{ "Content-Type: application/octet-stream\nContent-Transfer-Encoding: base64\n\nQUJD\nRA==\nRUZH\n",
		  "mime:bad-base64" },
		{ "Content-Type: application/octet-stream\nContent-Transfer-Encoding: base64\n\nQUJDX\nRUZH\n",
		  "mime:bad-base64" },
		{ "Content-Type: text/plain\nContent-Transfer-Encoding: quoted-printable\n\n=41=ZZ\n",
		  "mime:bad-qp" },
		{ "Content-Type: application/octet-stream; name=\"file\".zip\n\nx\n", "mime:ambiguous-filename" },
		{ "Content-Type: application/octet-stream; name*2=zip; name*0=file.\n\nx\n", "mime:ambiguous-filename" },
		{ "Content-Type: application/octet-stream; name=file.z(.gif)ip\n\nx\n", "mime:ambiguous-filename" },
		{ "\nContent-Type: application/zip\n\nPK\n", "mime:headers-in-body" },
	};

	for (gsize i = 0; i < G_N_ELEMENTS(cases); i++) {
		char *m = g_strdup_printf("From: a@b.example\nSubject: s\nMIME-Version: 1.0\n"
		                          "Content-Type: multipart/mixed; boundary=B\n\n--B\n%s--B--\n",
		                          cases[i].part);
		Facts *f = run(m);
		if (!anomaly(f, cases[i].anomaly))
			g_test_fail_printf("case %zu: %s expected", i, cases[i].anomaly);
		facts_free(f);
		g_free(m);
	}
	/* well-formed parts raise none of them */
	{
		Facts *f = run("From: a@b.example\nSubject: s\nMIME-Version: 1.0\n"
		               "Content-Type: multipart/mixed; boundary=B\n\n--B\n"
		               "Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: quoted-printable\n\n"
		               "caf=C3=A9 soft=\nbreak\n--B\n"
		               "Content-Type: application/pdf; name=\"a b.pdf\"\nContent-Transfer-Encoding: base64\n\n"
		               "JVBERi0xLjQK\nJSVFT0YK\n--B--\n");
		for (guint i = 0; i < f->anomalies->len; i++)
			g_assert_false(g_str_has_prefix(f->anomalies->pdata[i], "mime:"));
		facts_free(f);
	}
	/* a bare CR hiding a header; white space before a colon */
	{
		Facts *f = run("From: a@b.example\nX-Foo: bar\rContent-Type: text/plain\nSubject: s\n\nhi\n");
		g_assert_true(anomaly(f, "mime:bare-cr"));
		facts_free(f);
		f = run("From: a@b.example\nX-Foo :bar\n Content-Type: multipart/mixed\nSubject: s\n\nhi\n");
		g_assert_true(anomaly(f, "mime:header-name-space"));
		facts_free(f);
	}
}

static void test_targets(void)
{
	static const char *const names[] = {
		"attachment.container", "attachment.encrypted", "attachment.mismatch",
		"attachment.macros", "hidden_text", "parts.count",
	};
	Facts *f = facts_new();
	FactAttachment *a = facts_add_attachment(f, "x.exe", "application/pdf", "application/x-dosexec",
	                                         10, FALSE, 2);
	GString *scratch = g_string_new(NULL);
	Value v;

	g_free(a->container);
	a->container = g_strdup("pack.zip");
	a->mismatch = a->encrypted = a->macros = TRUE;
	g_string_assign(f->hidden_text, "psst");
	f->parts = 3;
	for (gsize i = 0; i < G_N_ELEMENTS(names); i++) {
		TargetRef ref = { rules_target_find(names[i]), NULL };
		g_assert_nonnull(ref.def);
		memset(&v, 0, sizeof v);
		g_assert_true(rules_target_value(f, &ref, 0, scratch, &v));
	}
	{
		TargetRef ref = { rules_target_find("attachment.container"), NULL };
		rules_target_value(f, &ref, 0, scratch, &v);
		g_assert_cmpstr(v.s, ==, "pack.zip");
		g_free(a->container);
		a->container = g_strdup("");
		g_assert_false(rules_target_value(f, &ref, 0, scratch, &v));   /* missing for MIME parts */
	}
	g_string_free(scratch, TRUE);
	facts_free(f);
}

int main(int argc, char **argv)
{
	g_test_init(&argc, &argv, NULL);
	/* a failed g_assert_*() fails its case; the cases after it still run */
	g_test_set_nonfatal_assertions();
	extract_init();
	mz_init();

	g_test_add_func("/attachments/zip-members", test_zip_members);
	g_test_add_func("/attachments/zip-text-members", test_zip_text_members);
	g_test_add_func("/attachments/zip-damaged", test_zip_damaged);
	g_test_add_func("/attachments/rar-members", test_rar_members);
	g_test_add_func("/attachments/7z-members", test_7z_members);
	g_test_add_func("/attachments/tnef", test_tnef);
	g_test_add_func("/attachments/inline-files", test_inline_files);
	g_test_add_func("/attachments/pdf-links", test_pdf_links);
	g_test_add_func("/attachments/pdf-indirect", test_pdf_indirect);
	g_test_add_func("/attachments/docx-links", test_docx_links);
	g_test_add_func("/attachments/rels-reader", test_rels_reader);
	g_test_add_func("/attachments/mismatch", test_mismatch);
	g_test_add_func("/attachments/plain-text", test_plain_text);
	g_test_add_func("/attachments/hidden-html", test_hidden_html);
	g_test_add_func("/attachments/hidden-css", test_hidden_css);
	g_test_add_func("/attachments/encoding-checks", test_encoding_checks);
	g_test_add_func("/attachments/targets", test_targets);
	return g_test_run();
}
