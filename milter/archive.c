/*
 * archive.c - the files inside an attachment: ZIP and TNEF members.
 *
 * In:  the decoded bytes of one attachment and its FactAttachment.
 * Out: one FactAttachment per member (name, ext, size, magic, depth = the
 *      container's + 1, container = the container's name, encrypted), the
 *      container's `encrypted` and `macros` flags, and "archive:…" /
 *      "limit:archive-…" anomalies.  Nothing is written to disk.
 *
 * ZIP.  Members are listed from the central directory (ZIP64 included),
 * found from the end-of-central-directory record; without one (a cut or
 * damaged archive) the local headers are walked from the start instead
 * ("archive:zip-damaged").  A member's type comes from its content: the
 * stored bytes, or the first FILETYPE_SNIFF_BYTES inflated (raw deflate,
 * zlib) for deflated ones; encrypted members and other methods are typed by
 * name.  ZIPs inside ZIPs are listed too, ARCHIVE_MAX_NESTING deep.  An OOXML
 * file with a vbaProject.bin member, or an OLE (.doc/.xls) file with a
 * _VBA_PROJECT stream, has macros.
 *
 * TNEF (winmail.dat).  Attachment-level attributes: attAttachRendData starts
 * a member, attAttachTitle names it, attAttachData holds its bytes.  The
 * MAPI long file name is not read (titles may be 8.3 names).
 *
 * Bounds: ARCHIVE_MAX_MEMBERS per archive ("limit:archive-members"), names
 * cut at ARCHIVE_MAX_NAME, ARCHIVE_MAX_INFLATE bytes inflated per
 * attachment ("limit:archive-inflate"), every offset and length checked
 * against the buffer before use.
 */
#define _GNU_SOURCE      /* memmem */
#include <string.h>
#include <zlib.h>
#include "archive.h"
#include "filetype.h"

#define ARCHIVE_MAX_NESTING 3
#define ARCHIVE_EOCD_SEARCH (65535 + 22)
#define TNEF_SIGNATURE 0x223e9f78u
#define TNEF_ATT_TITLE 0x8010u
#define TNEF_ATT_DATA 0x800fu
#define TNEF_ATT_RENDDATA 0x9002u

static guint16 le16(const guint8 *p)
{
	return (guint16)(p[0] | p[1] << 8);
}

static guint32 le32(const guint8 *p)
{
	return (guint32)p[0] | (guint32)p[1] << 8 | (guint32)p[2] << 16 | (guint32)p[3] << 24;
}

static guint64 le64(const guint8 *p)
{
	return (guint64)le32(p) | (guint64)le32(p + 4) << 32;
}

/* have - [off, off+n) lies inside a buffer of len bytes, without overflow */
static gboolean have(gsize len, guint64 off, guint64 n)
{
	return off <= len && n <= len - off;
}

static void member_free(gpointer p)
{
	ArchiveMember *m = p;
	g_free(m->name);
	g_free(m);
}

/* member_name - a stored name as one line of UTF-8; CP437 unless flagged UTF-8; transfer full */
static char *member_name(const guint8 *p, gsize n, gboolean utf8)
{
	char *s = NULL, *v;

	n = MIN(n, (gsize)ARCHIVE_MAX_NAME);
	if (utf8 || g_utf8_validate((const char *)p, n, NULL))
		v = g_utf8_make_valid((const char *)p, n);
	else if ((s = g_convert((const char *)p, n, "UTF-8", "CP437", NULL, NULL, NULL)) != NULL)
		v = s, s = NULL;
	else
		v = g_utf8_make_valid((const char *)p, n);
	g_free(s);
	for (char *c = v; *c; c++)
		if ((guchar)*c < 0x20 || *c == 0x7f)
			*c = ' ';
	return v;
}

/* local_data - where a member's data starts, from its local header; G_MAXSIZE if not there */
static gsize local_data(const guint8 *buf, gsize len, guint64 lho)
{
	guint64 off;

	if (!have(len, lho, 30) || le32(buf + lho) != 0x04034b50)
		return G_MAXSIZE;
	off = lho + 30 + le16(buf + lho + 26) + le16(buf + lho + 28);
	return off <= len ? (gsize)off : G_MAXSIZE;
}

/* zip64_sizes - the ZIP64 extra field replaces the sizes and offset that read 0xffffffff */
static void zip64_sizes(const guint8 *x, gsize xlen, guint64 *usize, guint64 *csize, guint64 *lho)
{
	gsize i = 0;

	while (i + 4 <= xlen) {
		guint16 id = le16(x + i), n = le16(x + i + 2);
		const guint8 *d = x + i + 4;
		gsize k = 0;
		if (i + 4 + n > xlen)
			break;
		if (id == 0x0001) {
			guint64 *fields[3] = { usize, csize, lho };
			for (int j = 0; j < 3; j++) {
				if (*fields[j] != 0xffffffffu)
					continue;
				if (k + 8 > n)
					break;
				*fields[j] = le64(d + k);
				k += 8;
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
	gsize lo = len > ARCHIVE_EOCD_SEARCH ? len - ARCHIVE_EOCD_SEARCH : 0;

	*shift = 0;
	if (len < 22)
		return FALSE;
	for (gsize i = len - 22 + 1; i-- > lo;) {
		if (le32(buf + i) != 0x06054b50)
			continue;
		*count = le16(buf + i + 10);
		*cdsize = le32(buf + i + 12);
		*cd = le32(buf + i + 16);
		if ((*count == 0xffff || *cd == 0xffffffffu || *cdsize == 0xffffffffu) && i >= 20 &&
		    le32(buf + i - 20) == 0x07064b50) {
			guint64 z = le64(buf + i - 20 + 8);
			if (have(len, z, 56) && le32(buf + z) == 0x06064b50) {
				*count = le64(buf + z + 32);
				*cdsize = le64(buf + z + 40);
				*cd = le64(buf + z + 48);
			}
		}
		/* bytes prepended to the archive (self-extractors) shift every offset */
		if (!(have(len, *cd, 4) && le32(buf + *cd) == 0x02014b50) && *cdsize <= i &&
		    have(len, i - *cdsize, 4) && le32(buf + i - *cdsize) == 0x02014b50 &&
		    i - *cdsize > *cd) {
			*shift = i - *cdsize - *cd;
			*cd = i - *cdsize;
		}
		return TRUE;
	}
	return FALSE;
}

/* from_central - list members from the central directory */
static gboolean from_central(ArchiveZip *z)
{
	guint64 cd, cdsize, count, off, shift;
	const guint8 *b = z->buf;

	if (!eocd(b, z->len, &cd, &cdsize, &count, &shift))
		return FALSE;
	off = cd;
	for (guint64 n = 0; n < count; n++) {
		ArchiveMember *m;
		guint16 flags, nlen, xlen, clen;
		guint64 usize, csize, lho;
		if (!have(z->len, off, 46) || le32(b + off) != 0x02014b50)
			break;
		if (z->members->len >= ARCHIVE_MAX_MEMBERS) {
			z->truncated = TRUE;
			break;
		}
		flags = le16(b + off + 8);
		nlen = le16(b + off + 28);
		xlen = le16(b + off + 30);
		clen = le16(b + off + 32);
		if (!have(z->len, off + 46, (guint64)nlen + xlen))
			break;
		csize = le32(b + off + 20);
		usize = le32(b + off + 24);
		lho = le32(b + off + 42);
		zip64_sizes(b + off + 46 + nlen, xlen, &usize, &csize, &lho);
		m = g_new0(ArchiveMember, 1);
		m->name = member_name(b + off + 46, nlen, (flags & 0x0800) != 0);
		m->size = usize;
		m->csize = csize;
		m->method = le16(b + off + 10);
		m->encrypted = (flags & 1) != 0;
		m->data = local_data(b, z->len, lho + shift);
		g_ptr_array_add(z->members, m);
		off += 46 + (guint64)nlen + xlen + clen;
	}
	return z->members->len > 0 || count == 0;
}

/* from_local - no central directory: walk the local headers from the start */
static void from_local(ArchiveZip *z)
{
	const guint8 *b = z->buf;
	gsize off = 0;

	while (have(z->len, off, 30) && le32(b + off) == 0x04034b50) {
		guint16 flags = le16(b + off + 6), nlen = le16(b + off + 26), xlen = le16(b + off + 28);
		guint64 csize = le32(b + off + 18), usize = le32(b + off + 22), lho = 0;
		ArchiveMember *m;
		if (z->members->len >= ARCHIVE_MAX_MEMBERS) {
			z->truncated = TRUE;
			break;
		}
		if (!have(z->len, off + 30, (guint64)nlen + xlen))
			break;
		zip64_sizes(b + off + 30 + nlen, xlen, &usize, &csize, &lho);
		m = g_new0(ArchiveMember, 1);
		m->name = member_name(b + off + 30, nlen, (flags & 0x0800) != 0);
		m->size = usize;
		m->csize = csize;
		m->method = le16(b + off + 8);
		m->encrypted = (flags & 1) != 0;
		m->data = off + 30 + nlen + xlen;
		g_ptr_array_add(z->members, m);
		/* sizes after the data (flag bit 3) leave no way to find the next header */
		if ((flags & 0x0008) && csize == 0)
			break;
		if (!have(z->len, m->data, csize))
			break;
		off = m->data + csize;
	}
}

/* archive_is_zip - a ZIP signature at the start (local header or empty archive) */
gboolean archive_is_zip(const guint8 *buf, gsize len)
{
	return len >= 4 && (le32(buf) == 0x04034b50 || le32(buf) == 0x06054b50);
}

/* archive_zip_open - list the members of the ZIP in buf (which must outlive the result) */
ArchiveZip *archive_zip_open(const guint8 *buf, gsize len)
{
	ArchiveZip *z = g_new0(ArchiveZip, 1);

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

void archive_zip_free(ArchiveZip *z)
{
	if (z == NULL)
		return;
	g_ptr_array_unref(z->members);
	g_free(z);
}

/* archive_zip_find - the member with this exact name (case-insensitive), or NULL */
const ArchiveMember *archive_zip_find(const ArchiveZip *z, const char *name)
{
	for (guint i = 0; i < z->members->len; i++) {
		const ArchiveMember *m = z->members->pdata[i];
		if (g_ascii_strcasecmp(m->name, name) == 0)
			return m;
	}
	return NULL;
}

/* archive_inflate - zlib (raw: headerless deflate) inflate of in, at most
 * max bytes out; damaged data keeps what came out; NULL only when zlib
 * cannot start.  Transfer full. */
GByteArray *archive_inflate(const guint8 *in, gsize n, gsize max, gboolean raw)
{
	GByteArray *out;
	z_stream zs;

	memset(&zs, 0, sizeof zs);
	if (inflateInit2(&zs, raw ? -MAX_WBITS : MAX_WBITS + 32) != Z_OK)
		return NULL;
	out = g_byte_array_sized_new((guint)MIN(max, (gsize)65536));
	zs.next_in = (Bytef *)in;
	zs.avail_in = (uInt)MIN(n, (gsize)G_MAXUINT32);
	while (out->len < max) {
		guint8 chunk[16384];
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
 * archive_zip_read - up to max bytes of a member's content: stored bytes or
 * raw-inflated ones, within the archive's inflate budget.  NULL when the
 * member is encrypted, uses another method, or its data is not there.
 */
GByteArray *archive_zip_read(ArchiveZip *z, const ArchiveMember *m, gsize max)
{
	GByteArray *out;
	gsize avail;

	if (m->encrypted || m->data == G_MAXSIZE || m->data > z->len)
		return NULL;
	avail = z->len - m->data;
	if (m->csize < avail && !(m->method == 8 && m->csize == 0))
		avail = (gsize)m->csize;
	if (m->method == 0) {
		out = g_byte_array_new();
		g_byte_array_append(out, z->buf + m->data, (guint)MIN(avail, max));
		return out;
	}
	if (m->method != 8)
		return NULL;
	if (z->inflated >= ARCHIVE_MAX_INFLATE)
		return NULL;
	max = MIN(max, (gsize)(ARCHIVE_MAX_INFLATE - z->inflated));
	out = archive_inflate(z->buf + m->data, avail, max, TRUE);
	if (out == NULL)
		return NULL;
	z->inflated += out->len;
	return out;
}

/* add_member - one member as an attachment fact */
static FactAttachment *add_member(Facts *f, const FactAttachment *parent, const char *name,
                                  const char *magic, guint64 size, gboolean encrypted)
{
	const char *dot = strrchr(name, '.');
	g_autofree char *ext = dot ? g_ascii_strdown(dot + 1, -1) : NULL;
	const char *declared = filetype_from_ext(ext);
	FactAttachment *a = facts_add_attachment(f, name, declared, magic ? magic : declared, size,
	                                         FALSE, parent->depth + 1);
	g_free(a->container);
	a->container = g_strdup(parent->name);
	a->encrypted = encrypted;
	return a;
}

static void members_of(Facts *f, FactAttachment *parent, const guint8 *buf, gsize len, int level);

/* zip_members - every member of a ZIP, typed from its content where readable */
static void zip_members(Facts *f, FactAttachment *parent, const guint8 *buf, gsize len, int level)
{
	ArchiveZip *z = archive_zip_open(buf, len);

	if (z->damaged)
		facts_add_anomaly(f, "archive", "zip-damaged");
	if (z->truncated)
		facts_add_anomaly(f, "limit", "archive-members");
	for (guint i = 0; i < z->members->len; i++) {
		const ArchiveMember *m = z->members->pdata[i];
		gsize nl = strlen(m->name);
		GByteArray *head = NULL;
		char *magic = NULL;
		FactAttachment *a;
		if (nl > 0 && m->name[nl - 1] == '/')
			continue;   /* a directory */
		if (nl >= 14 && g_ascii_strcasecmp(m->name + nl - 14, "vbaProject.bin") == 0)
			parent->macros = TRUE;
		if (m->encrypted)
			parent->encrypted = TRUE;
		if (!m->encrypted && z->inflated < ARCHIVE_MAX_INFLATE)
			head = archive_zip_read(z, m, FILETYPE_SNIFF_BYTES);
		else if (!m->encrypted)
			facts_add_anomaly(f, "limit", "archive-inflate");
		if (head != NULL)
			magic = filetype_detect(head->data, head->len);
		a = add_member(f, parent, m->name, magic, m->size, m->encrypted);
		/* a ZIP inside: read it whole (within the budget) and list it too */
		if (head != NULL && level + 1 < ARCHIVE_MAX_NESTING && archive_is_zip(head->data, head->len)) {
			GByteArray *all = archive_zip_read(z, m, ARCHIVE_MAX_INFLATE);
			if (all != NULL) {
				members_of(f, a, all->data, all->len, level + 1);
				g_byte_array_unref(all);
			}
		}
		g_free(magic);
		if (head != NULL)
			g_byte_array_unref(head);
	}
	archive_zip_free(z);
}

/* tnef_members - attachments packed in a TNEF stream (winmail.dat) */
static void tnef_members(Facts *f, FactAttachment *parent, const guint8 *buf, gsize len)
{
	gsize off = 6;
	char *name = NULL;
	const guint8 *data = NULL;
	guint32 dlen = 0;
	gboolean open = FALSE;
	guint n = 0;

	while (have(len, off, 9)) {
		guint8 level = buf[off];
		guint32 id = le32(buf + off + 1) & 0xffff, alen = le32(buf + off + 5);
		const guint8 *p = buf + off + 9;
		if (!have(len, off + 9, (guint64)alen + 2))
			break;
		off += 9 + (gsize)alen + 2;
		if (level != 2)
			continue;
		if (id == TNEF_ATT_RENDDATA) {
			if (open && n++ < ARCHIVE_MAX_MEMBERS) {
				char *magic = data ? filetype_detect(data, dlen) : NULL;
				add_member(f, parent, name ? name : "", magic, dlen, FALSE);
				g_free(magic);
			}
			g_clear_pointer(&name, g_free);
			data = NULL;
			dlen = 0;
			open = TRUE;
		} else if (id == TNEF_ATT_TITLE) {
			g_free(name);
			name = member_name(p, strnlen((const char *)p, alen), FALSE);
		} else if (id == TNEF_ATT_DATA) {
			data = p;
			dlen = alen;
		}
	}
	if (open && n++ < ARCHIVE_MAX_MEMBERS) {
		char *magic = data ? filetype_detect(data, dlen) : NULL;
		add_member(f, parent, name ? name : "", magic, dlen, FALSE);
		g_free(magic);
	}
	if (n > ARCHIVE_MAX_MEMBERS)
		facts_add_anomaly(f, "limit", "archive-members");
	g_free(name);
}

/* ole_has_macros - an OLE compound file with a VBA project stream (names are UTF-16LE) */
static gboolean ole_has_macros(const guint8 *buf, gsize len)
{
	static const guint8 sig[] = { 0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1 };
	static const char vba[] = "_\0V\0B\0A\0_\0P\0R\0O\0J\0E\0C\0T\0";

	return len >= sizeof sig && memcmp(buf, sig, sizeof sig) == 0 &&
	       memmem(buf, len, vba, sizeof vba - 1) != NULL;
}

static void members_of(Facts *f, FactAttachment *parent, const guint8 *buf, gsize len, int level)
{
	if (archive_is_zip(buf, len) || g_str_has_prefix(parent->magic, "application/zip"))
		zip_members(f, parent, buf, len, level);
	else if (len >= 6 && le32(buf) == TNEF_SIGNATURE)
		tnef_members(f, parent, buf, len);
	else if (ole_has_macros(buf, len))
		parent->macros = TRUE;
}

/* archive_members - list what parent (whose decoded bytes are buf) holds; see the file comment */
void archive_members(Facts *f, FactAttachment *parent, const guint8 *buf, gsize len)
{
	members_of(f, parent, buf, len, 0);
}
