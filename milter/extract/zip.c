/*
 * zip.c - the ZIP reader: members listed from the central directory, their
 * content read back (stored or inflated).  The listing of a ZIP
 * attachment's members as facts is unpack.c's.
 *
 * In:  the bytes of one ZIP (an attachment, a member of another archive, an
 *      OOXML document); the buffer is not copied and must outlive the Zip.
 * Out: zip_open: a Zip (transfer full, zip_free) whose members name, size,
 *      method, encryption and data offset; zip_read: a member's first bytes
 *      (transfer full).
 *
 * Members are listed from the central directory (ZIP64 included), found from
 * the end-of-central-directory record; without one (a cut or damaged
 * archive) the local headers are walked from the start instead.
 *
 * ZIP stays with this reader rather than libarchive: the central directory
 * is what unzip and mail clients show, and reading it here also gives the
 * local-header fallback for cut archives, self-extractor offsets, content
 * typing within one inflate budget, and the OOXML parts document.c reads.
 */
#include <string.h>
#include <zlib.h>
#include "extract/bytes.h"
#include "extract/filetype.h"
#include "extract/member.h"
#include "extract/zip.h"

/* Record signatures. */
enum {
	ZIP_LOCAL_SIG = 0x04034b50,
	ZIP_CENTRAL_SIG = 0x02014b50,
	ZIP_EOCD_SIG = 0x06054b50,
	ZIP64_LOCATOR_SIG = 0x07064b50,
	ZIP64_EOCD_SIG = 0x06064b50,
};

/* Fixed sizes of the records, before their variable fields. */
enum {
	ZIP_LOCAL_SIZE = 30,
	ZIP_CENTRAL_SIZE = 46,
	ZIP_EOCD_SIZE = 22,
	ZIP64_LOCATOR_SIZE = 20,
	ZIP64_EOCD_SIZE = 56,
	ZIP_EOCD_COMMENT_MAX = 65535,   /* the EOCD record ends at most this far from the end */
	ZIP64_EXTRA_ID = 0x0001,
	ZIP64_FIELD_SIZE = 8,
};

/* General-purpose flag bits. */
enum {
	ZIP_FLAG_ENCRYPTED = 0x0001,
	ZIP_FLAG_DESCRIPTOR = 0x0008,   /* sizes follow the data */
	ZIP_FLAG_UTF8 = 0x0800,
};

#define ZIP_EOCD_SEARCH (ZIP_EOCD_COMMENT_MAX + ZIP_EOCD_SIZE)
#define ZIP_32_UNSET 0xffffffffu      /* a field the ZIP64 record holds */
#define ZIP_16_UNSET 0xffffu
#define ZIP_INFLATE_CHUNK 16384
#define ZIP_INFLATE_FIRST 65536       /* bytes reserved before inflating */

/* member_free - one ZipMember */
static void member_free(gpointer p)
{
	ZipMember *m = p;
	g_free(m->name);
	g_free(m);
}

/* local_data - where a member's data starts, from its local header; G_MAXSIZE if not there */
static gsize local_data(const guint8 *buf, gsize len, guint64 lho)
{
	guint64 off;

	if (!bytes_have(len, lho, ZIP_LOCAL_SIZE) || bytes_le32(buf + lho) != ZIP_LOCAL_SIG)
		return G_MAXSIZE;
	off = lho + ZIP_LOCAL_SIZE + bytes_le16(buf + lho + 26) + bytes_le16(buf + lho + 28);
	return off <= len ? (gsize)off : G_MAXSIZE;
}

/* zip64_sizes - the ZIP64 extra field replaces the sizes and offset that read ZIP_32_UNSET */
static void zip64_sizes(const guint8 *x, gsize xlen, guint64 *usize, guint64 *csize, guint64 *lho)
{
	gsize i = 0;

	while (i + 4 <= xlen) {
		guint16 id = bytes_le16(x + i), n = bytes_le16(x + i + 2);
		const guint8 *d = x + i + 4;
		gsize k = 0;
		if (i + 4 + n > xlen)
			break;
		if (id == ZIP64_EXTRA_ID) {
			guint64 *fields[3] = { usize, csize, lho };
			for (int j = 0; j < 3; j++) {
				if (*fields[j] != ZIP_32_UNSET)
					continue;
				if (k + ZIP64_FIELD_SIZE > n)
					break;
				*fields[j] = bytes_le64(d + k);
				k += ZIP64_FIELD_SIZE;
			}
			return;
		}
		i += 4 + n;
	}
}

/* eocd - central directory position and entry count; FALSE when there is none */
static gboolean eocd(const guint8 *buf, gsize len, guint64 *cd, guint64 *cdsize, guint64 *count,
                     guint64 *shift)
{
	gsize lo = len > ZIP_EOCD_SEARCH ? len - ZIP_EOCD_SEARCH : 0;

	*shift = 0;
	if (len < ZIP_EOCD_SIZE)
		return FALSE;
	for (gsize i = len - ZIP_EOCD_SIZE + 1; i-- > lo;) {
		if (bytes_le32(buf + i) != ZIP_EOCD_SIG)
			continue;
		*count = bytes_le16(buf + i + 10);
		*cdsize = bytes_le32(buf + i + 12);
		*cd = bytes_le32(buf + i + 16);
		if ((*count == ZIP_16_UNSET || *cd == ZIP_32_UNSET || *cdsize == ZIP_32_UNSET) && i >= ZIP64_LOCATOR_SIZE &&
		    bytes_le32(buf + i - ZIP64_LOCATOR_SIZE) == ZIP64_LOCATOR_SIG) {
			guint64 z = bytes_le64(buf + i - ZIP64_LOCATOR_SIZE + 8);
			if (bytes_have(len, z, ZIP64_EOCD_SIZE) && bytes_le32(buf + z) == ZIP64_EOCD_SIG) {
				*count = bytes_le64(buf + z + 32);
				*cdsize = bytes_le64(buf + z + 40);
				*cd = bytes_le64(buf + z + 48);
			}
		}
		/* bytes prepended to the archive (self-extractors) shift every offset */
		if (!(bytes_have(len, *cd, 4) && bytes_le32(buf + *cd) == ZIP_CENTRAL_SIG) && *cdsize <= i &&
		    bytes_have(len, i - *cdsize, 4) && bytes_le32(buf + i - *cdsize) == ZIP_CENTRAL_SIG &&
		    i - *cdsize > *cd) {
			*shift = i - *cdsize - *cd;
			*cd = i - *cdsize;
		}
		return TRUE;
	}
	return FALSE;
}

/* entry_add - one member as its central directory entry or local header
 * describes it (name: nlen bytes as stored; data: offset or G_MAXSIZE) */
static ZipMember *entry_add(Zip *z, const guint8 *name, guint16 nlen, guint16 flags, guint16 method,
                             guint64 usize, guint64 csize, gsize data)
{
	ZipMember *m = g_new0(ZipMember, 1);

	m->name = member_name(name, nlen, (flags & ZIP_FLAG_UTF8) != 0);
	m->size = usize;
	m->csize = csize;
	m->method = method;
	m->encrypted = (flags & ZIP_FLAG_ENCRYPTED) != 0;
	m->data = data;
	g_ptr_array_add(z->members, m);
	return m;
}

/* from_central - list members from the central directory */
static gboolean from_central(Zip *z)
{
	guint64 cd, cdsize, count, off, shift;
	const guint8 *b = z->buf;

	if (!eocd(b, z->len, &cd, &cdsize, &count, &shift))
		return FALSE;
	off = cd;
	for (guint64 n = 0; n < count; n++) {
		guint16 flags, nlen, xlen, clen;
		guint64 usize, csize, lho;
		if (!bytes_have(z->len, off, ZIP_CENTRAL_SIZE) || bytes_le32(b + off) != ZIP_CENTRAL_SIG)
			break;
		if (z->members->len >= UNPACK_MAX_MEMBERS) {
			z->truncated = TRUE;
			break;
		}
		flags = bytes_le16(b + off + 8);
		nlen = bytes_le16(b + off + 28);
		xlen = bytes_le16(b + off + 30);
		clen = bytes_le16(b + off + 32);
		if (!bytes_have(z->len, off + ZIP_CENTRAL_SIZE, (guint64)nlen + xlen))
			break;
		csize = bytes_le32(b + off + 20);
		usize = bytes_le32(b + off + 24);
		lho = bytes_le32(b + off + 42);
		zip64_sizes(b + off + ZIP_CENTRAL_SIZE + nlen, xlen, &usize, &csize, &lho);
		entry_add(z, b + off + ZIP_CENTRAL_SIZE, nlen, flags, bytes_le16(b + off + 10), usize, csize,
		           local_data(b, z->len, lho + shift));
		off += ZIP_CENTRAL_SIZE + (guint64)nlen + xlen + clen;
	}
	return z->members->len > 0 || count == 0;
}

/* from_local - no central directory: walk the local headers from the start */
static void from_local(Zip *z)
{
	const guint8 *b = z->buf;
	gsize off = 0;

	while (bytes_have(z->len, off, ZIP_LOCAL_SIZE) && bytes_le32(b + off) == ZIP_LOCAL_SIG) {
		guint16 flags = bytes_le16(b + off + 6), nlen = bytes_le16(b + off + 26), xlen = bytes_le16(b + off + 28);
		guint64 csize = bytes_le32(b + off + 18), usize = bytes_le32(b + off + 22), lho = 0;
		ZipMember *m;
		if (z->members->len >= UNPACK_MAX_MEMBERS) {
			z->truncated = TRUE;
			break;
		}
		if (!bytes_have(z->len, off + ZIP_LOCAL_SIZE, (guint64)nlen + xlen))
			break;
		zip64_sizes(b + off + ZIP_LOCAL_SIZE + nlen, xlen, &usize, &csize, &lho);
		m = entry_add(z, b + off + ZIP_LOCAL_SIZE, nlen, flags, bytes_le16(b + off + 8), usize, csize,
		               off + ZIP_LOCAL_SIZE + nlen + xlen);
		/* sizes after the data (flag bit 3) leave no way to find the next header */
		if ((flags & ZIP_FLAG_DESCRIPTOR) && csize == 0)
			break;
		if (!bytes_have(z->len, m->data, csize))
			break;
		off = m->data + csize;
	}
}

/* zip_is - a ZIP signature at the start (local header or empty archive) */
gboolean zip_is(const guint8 *buf, gsize len)
{
	return len >= 4 && (bytes_le32(buf) == ZIP_LOCAL_SIG || bytes_le32(buf) == ZIP_EOCD_SIG);
}

/* zip_open - list the members of the ZIP in buf (which must outlive the result) */
Zip *zip_open(const guint8 *buf, gsize len)
{
	Zip *z = g_new0(Zip, 1);

	z->buf = buf;
	z->len = len;
	z->members = g_ptr_array_new_with_free_func(member_free);
	if (!from_central(z)) {
		g_ptr_array_set_size(z->members, 0);
		z->truncated = FALSE;
		z->damaged = TRUE;
		from_local(z);
	}
	return z;
}

/* zip_free - the listing (not the buffer) */
void zip_free(Zip *z)
{
	if (z == NULL)
		return;
	g_ptr_array_unref(z->members);
	g_free(z);
}

/* zip_find - the member with this exact name (case-insensitive), or NULL */
const ZipMember *zip_find(const Zip *z, const char *name)
{
	for (guint i = 0; i < z->members->len; i++) {
		const ZipMember *m = z->members->pdata[i];
		if (g_ascii_strcasecmp(m->name, name) == 0)
			return m;
	}
	return NULL;
}

/* zip_inflate - zlib (raw: headerless deflate) inflate of in, at most
 * max bytes out; damaged data keeps what came out; NULL only when zlib
 * cannot start.  Transfer full. */
GByteArray *zip_inflate(const guint8 *in, gsize n, gsize max, gboolean raw)
{
	GByteArray *out;
	z_stream zs;

	memset(&zs, 0, sizeof zs);
	if (inflateInit2(&zs, raw ? -MAX_WBITS : MAX_WBITS + 32) != Z_OK)
		return NULL;
	out = g_byte_array_sized_new((guint)MIN(max, (gsize)ZIP_INFLATE_FIRST));
	zs.next_in = (Bytef *)in;
	zs.avail_in = (uInt)MIN(n, (gsize)G_MAXUINT32);
	while (out->len < max) {
		guint8 chunk[ZIP_INFLATE_CHUNK];
		int r;
		zs.next_out = chunk;
		zs.avail_out = (uInt)MIN(sizeof chunk, max - out->len);
		r = inflate(&zs, Z_NO_FLUSH);
		g_byte_array_append(out, chunk, (guint)(zs.next_out - chunk));
		if (r != Z_OK)
			break;      /* end of stream, or damaged data: keep what came out */
	}
	inflateEnd(&zs);
	return out;
}

/*
 * zip_read - up to max bytes of a member's content: stored bytes or
 * raw-inflated ones, within the archive's inflate budget.  NULL when the
 * member is encrypted, uses another method, or its data is not there.
 */
GByteArray *zip_read(Zip *z, const ZipMember *m, gsize max)
{
	GByteArray *out;
	gsize avail;

	if (m->encrypted || m->data == G_MAXSIZE || m->data > z->len)
		return NULL;
	avail = z->len - m->data;
	if (m->csize < avail && !(m->method == ZIP_DEFLATED && m->csize == 0))
		avail = (gsize)m->csize;
	if (m->method == ZIP_STORED) {
		out = g_byte_array_new();
		g_byte_array_append(out, z->buf + m->data, (guint)MIN(avail, max));
		return out;
	}
	if (m->method != ZIP_DEFLATED)
		return NULL;
	if (z->inflated >= UNPACK_MAX_INFLATE)
		return NULL;
	max = MIN(max, (gsize)(UNPACK_MAX_INFLATE - z->inflated));
	out = zip_inflate(z->buf + m->data, avail, max, TRUE);
	if (out == NULL)
		return NULL;
	z->inflated += out->len;
	return out;
}
