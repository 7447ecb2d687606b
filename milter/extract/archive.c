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
 * ZIP stays with this reader rather than libarchive: the central directory
 * is what unzip and mail clients show, and reading it here also gives the
 * local-header fallback for cut archives, self-extractor offsets, content
 * typing within one inflate budget, and the OOXML parts document.c reads.
 *
 * RAR and 7z.  Headers only: name, declared size, encrypted (and names
 * hidden by header encryption make the container encrypted).  Members are
 * typed by name; their data is never decoded.  7z is listed with
 * libarchive from the buffer in memory (its data skipped unread while
 * nothing is extracted; names converted under a UTF-8 locale).  RAR4 and
 * RAR5 headers are walked here, each header's checksum checked: libarchive
 * 3.6 lists no more than the first member of a solid RAR4 archive, and
 * decompresses a solid RAR5 archive's data to reach the next header.  Only
 * archives that start with the signature are read (a self-extractor is an
 * executable already).  A listing that cannot go on is
 * "archive:rar-damaged" / "archive:7z-damaged", what was listed so far kept.
 *
 * TNEF (winmail.dat).  Attachment-level attributes: attAttachRendData starts
 * a member, attAttachTitle names it, attAttachData holds its bytes.  The
 * MAPI long file name is not read (titles may be 8.3 names).
 *
 * Bounds: ARCHIVE_MAX_MEMBERS per archive ("limit:archive-members"), names
 * cut at ARCHIVE_MAX_NAME, ARCHIVE_MAX_INFLATE bytes inflated per
 * attachment ("limit:archive-inflate"), every offset and length checked
 * against the buffer before use; a libarchive listing stops after
 * ARCHIVE_MAX_LIST_MS ("limit:archive-time") and reads nothing but the
 * attachment's bytes.
 */
#define _GNU_SOURCE      /* memmem, uselocale */
#include <locale.h>
#include <string.h>
#include <zlib.h>
#include <archive.h>     /* libarchive's; ours is "archive.h" */
#include <archive_entry.h>
#include "extract/archive.h"
#include "extract/filetype.h"

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

typedef enum { KIND_NONE, KIND_RAR4, KIND_RAR5, KIND_7Z } Kind;

/* kind - a RAR or 7z signature at the start */
static Kind kind(const guint8 *buf, gsize len)
{
	if (len >= 8 && memcmp(buf, "Rar!\x1a\x07\x01\x00", 8) == 0)
		return KIND_RAR5;
	if (len >= 7 && memcmp(buf, "Rar!\x1a\x07\x00", 7) == 0)
		return KIND_RAR4;
	if (len >= 6 && memcmp(buf, "7z\xbc\xaf\x27\x1c", 6) == 0)
		return KIND_7Z;
	return KIND_NONE;
}

/* archive_is_container - files can be listed from it: ZIP, RAR, 7z or TNEF */
gboolean archive_is_container(const guint8 *buf, gsize len)
{
	return archive_is_zip(buf, len) || kind(buf, len) != KIND_NONE ||
	       (len >= 6 && le32(buf) == TNEF_SIGNATURE);
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

/* text_member - a member named as text (*.txt; *.xml and *.rels, the parts
 * of an OOXML document) whose bytes are text: it cannot carry a file, so
 * libmagic is not asked which kind of text it is (as for a top-level
 * text/plain part, extract.c:plain_text_file). */
static gboolean text_member(const char *name, const GByteArray *head)
{
	const char *dot = strrchr(name, '.');

	if (dot == NULL || strchr(dot, '/') != NULL ||
	    (g_ascii_strcasecmp(dot, ".txt") != 0 && g_ascii_strcasecmp(dot, ".xml") != 0 &&
	     g_ascii_strcasecmp(dot, ".rels") != 0))
		return FALSE;
	return head->len > 0 && filetype_is_plain_text(head->data, head->len);
}

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
			magic = text_member(m->name, head) ? g_strdup("text/plain")
			                                   : filetype_detect(head->data, head->len);
		a = add_member(f, parent, m->name, magic, m->size, m->encrypted);
		/* an archive inside: read it whole (within the budget) and list it too */
		if (head != NULL && level + 1 < ARCHIVE_MAX_NESTING &&
		    archive_is_container(head->data, head->len)) {
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

/* vint - a RAR5 number (7 bits a byte, low first) at *off; FALSE when cut */
static gboolean vint(const guint8 *b, gsize len, gsize *off, guint64 *v)
{
	*v = 0;
	for (int i = 0; i < 10 && *off < len; i++) {
		guint8 c = b[(*off)++];
		*v |= (guint64)(c & 0x7f) << (7 * i);
		if (!(c & 0x80))
			return TRUE;
	}
	return FALSE;
}

/* rar5_extra_encrypted - a file encryption record (type 1) in a RAR5 extra area */
static gboolean rar5_extra_encrypted(const guint8 *b, gsize off, gsize end)
{
	while (off < end) {
		guint64 size, type;
		gsize rec;
		if (!vint(b, end, &off, &size) || size == 0 || size > end - off)
			return FALSE;
		rec = off;
		if (!vint(b, rec + (gsize)size, &off, &type))
			return FALSE;
		if (type == 0x01)
			return TRUE;
		off = rec + (gsize)size;
	}
	return FALSE;
}

/* header_member - one entry of an archive read from its headers: counted
 * against ARCHIVE_MAX_MEMBERS (FALSE, and said, past it), its encryption
 * passed to the container, listed unless name is NULL (a directory); name
 * is taken */
static gboolean header_member(Facts *f, FactAttachment *parent, guint *n, char *name,
                              guint64 size, gboolean enc)
{
	if ((*n)++ >= ARCHIVE_MAX_MEMBERS) {
		facts_add_anomaly(f, "limit", "archive-members");
		g_free(name);
		return FALSE;
	}
	if (enc)
		parent->encrypted = TRUE;
	if (name != NULL)
		add_member(f, parent, name, NULL, size, enc);
	g_free(name);
	return TRUE;
}

/*
 * rar5_members - every file header of a RAR5 archive.  Read here rather
 * than with libarchive, which decompresses a solid archive's data to reach
 * the next header and (3.6) does not report RAR5 encryption: each header's
 * CRC32 is checked, data areas are stepped over.
 */
static void rar5_members(Facts *f, FactAttachment *parent, const guint8 *b, gsize len)
{
	gsize off = 8;
	guint n = 0;
	gboolean seen_main = FALSE;

	while (have(len, off, 5)) {
		guint64 size, type, hflags, xsize = 0, dsize = 0;
		gsize p = off + 4, end;
		if (!vint(b, len, &p, &size) || !have(len, p, size) || size == 0)
			break;
		end = p + (gsize)size;
		if (crc32(0, b + off + 4, (uInt)(end - off - 4)) != le32(b + off))
			break;
		if (!vint(b, end, &p, &type) || !vint(b, end, &p, &hflags) ||
		    ((hflags & 0x1) && !vint(b, end, &p, &xsize)) ||
		    ((hflags & 0x2) && !vint(b, end, &p, &dsize)) || xsize > end - p)
			break;
		if (type == 4) {
			parent->encrypted = TRUE;   /* names encrypted too: nothing to list */
			return;
		}
		if (type == 5)
			return;
		seen_main |= type == 1;
		if (type == 2) {
			guint64 fflags, usize, attr, comp, host, nlen;
			gboolean enc = (hflags & 0x1) && rar5_extra_encrypted(b, end - (gsize)xsize, end);
			if (!vint(b, end, &p, &fflags) || !vint(b, end, &p, &usize) || !vint(b, end, &p, &attr))
				break;
			p += ((fflags & 0x2) ? 4 : 0) + ((fflags & 0x4) ? 4 : 0);   /* mtime, CRC32 */
			if (p > end || !vint(b, end, &p, &comp) || !vint(b, end, &p, &host) ||
			    !vint(b, end, &p, &nlen) || nlen > end - p)
				break;
			if (!header_member(f, parent, &n, (fflags & 0x1) ? NULL : member_name(b + p, (gsize)nlen, TRUE),
			                   (fflags & 0x8) ? 0 : usize, enc))
				return;
		}
		if (dsize > len - end)
			break;
		off = end + (gsize)dsize;
	}
	if (off < len || !seen_main)
		facts_add_anomaly(f, "archive", "rar-damaged");
}

/* utf8_locale - libarchive converts names to the thread's locale: make that UTF-8 */
static locale_t utf8_locale(void)
{
	static gsize once = 0;
	static locale_t loc;

	if (g_once_init_enter(&once)) {
		loc = newlocale(LC_ALL_MASK, "C.UTF-8", (locale_t)0);
		g_once_init_leave(&once, 1);
	}
	return loc;
}

/* rar4_name - a RAR4 file name: OEM bytes, UTF-8, or "OEM\0" plus RAR's
 * packed UTF-16 (each 2-bit flag: low byte, low byte in the high byte's
 * page, a whole unit, or a run copied from the OEM name); transfer full */
static char *rar4_name(const guint8 *p, gsize n, gboolean unicode)
{
	const guint8 *z = unicode ? memchr(p, 0, n) : NULL, *enc;
	gunichar2 out[ARCHIVE_MAX_NAME];
	gsize alen, elen, e = 1, d = 0;
	guint flags = 0, bits = 0;
	char *u, *v;

	if (z == NULL)
		return member_name(p, n, unicode);
	alen = z - p;
	enc = z + 1;
	elen = n - alen - 1;
	if (elen == 0)
		return member_name(p, alen, FALSE);
	while (e < elen && d < G_N_ELEMENTS(out)) {
		if (bits == 0) {
			flags = enc[e++];
			bits = 8;
		}
		bits -= 2;
		switch ((flags >> bits) & 3) {
		case 0:
			if (e >= elen)
				goto done;
			out[d++] = enc[e++];
			break;
		case 1:
			if (e >= elen)
				goto done;
			out[d++] = (gunichar2)(enc[e++] | enc[0] << 8);
			break;
		case 2:
			if (e + 1 >= elen)
				goto done;
			out[d++] = (gunichar2)(enc[e] | enc[e + 1] << 8);
			e += 2;
			break;
		default: {
			guint run, corr = 0;
			gboolean corrected;
			if (e >= elen)
				goto done;
			run = enc[e++];
			corrected = (run & 0x80) != 0;
			if (corrected) {
				if (e >= elen)
					goto done;
				corr = enc[e++];
			}
			for (run = (run & 0x7f) + 2; run > 0 && d < G_N_ELEMENTS(out) && d < alen; run--, d++)
				out[d] = corrected ? (gunichar2)(((p[d] + corr) & 0xff) | enc[0] << 8) : p[d];
		}
		}
	}
done:
	u = g_utf16_to_utf8(out, (glong)d, NULL, NULL, NULL);
	if (u == NULL)
		return member_name(p, alen, FALSE);
	v = member_name((const guint8 *)u, strlen(u), TRUE);
	g_free(u);
	return v;
}

/*
 * rar4_members - every file header of a RAR 2.x-4.x archive.  Read here
 * rather than with libarchive, which (3.6) stops at the second member of a
 * solid archive: each header's CRC is checked, data areas are stepped over.
 */
static void rar4_members(Facts *f, FactAttachment *parent, const guint8 *b, gsize len)
{
	gsize off = 7;
	guint n = 0;
	gboolean seen_main = FALSE;

	while (have(len, off, 7)) {
		guint8 type = b[off + 2];
		guint16 flags = le16(b + off + 3), hsize = le16(b + off + 5);
		guint64 add = 0;
		if (hsize < 7 || !have(len, off, hsize) ||
		    (crc32(0, b + off + 2, hsize - 2) & 0xffff) != le16(b + off))
			break;
		if (flags & 0x8000) {
			if (hsize < 11)
				break;
			add = le32(b + off + 7);
		}
		if (type == 0x73 && (flags & 0x0080)) {
			parent->encrypted = TRUE;   /* names encrypted too: nothing to list */
			return;
		}
		seen_main |= type == 0x73;
		if (type == 0x7b)
			return;
		if (type == 0x74) {
			guint64 usize;
			gsize p = off + 32, nlen;
			gboolean enc = (flags & 0x04) != 0;
			if (hsize < 32)
				break;
			usize = le32(b + off + 11);
			nlen = le16(b + off + 26);
			if (flags & 0x100) {            /* sizes of 4 GB and more */
				if (hsize < 40)
					break;
				add |= (guint64)le32(b + off + 32) << 32;
				usize |= (guint64)le32(b + off + 36) << 32;
				p += 8;
			}
			if (p + nlen > off + hsize)
				break;
			if (!header_member(f, parent, &n, (flags & 0xe0) == 0xe0 ? NULL   /* a directory */
			                                  : rar4_name(b + p, nlen, (flags & 0x200) != 0),
			                   usize, enc))
				return;
		}
		if (add > len - off - hsize)
			break;
		off += hsize + (gsize)add;
	}
	if (off < len || !seen_main)
		facts_add_anomaly(f, "archive", "rar-damaged");
}

/* sevenzip_members - every member of a 7z archive, from its headers (libarchive) */
static void sevenzip_members(Facts *f, FactAttachment *parent, const guint8 *buf, gsize len)
{
	gint64 deadline = g_get_monotonic_time() + (gint64)ARCHIVE_MAX_LIST_MS * 1000;
	locale_t loc = utf8_locale(), old = (locale_t)0;
	struct archive *a;
	struct archive_entry *e;
	guint n = 0;
	gboolean stopped = FALSE;
	int r;

	if (loc != (locale_t)0)
		old = uselocale(loc);
	a = archive_read_new();
	archive_read_support_format_7zip(a);
	r = archive_read_open_memory(a, buf, len);
	while (r == ARCHIVE_OK || r == ARCHIVE_WARN) {
		char *name;
		r = archive_read_next_header(a, &e);
		if (r != ARCHIVE_OK && r != ARCHIVE_WARN)
			break;
		if (n++ >= ARCHIVE_MAX_MEMBERS) {
			facts_add_anomaly(f, "limit", "archive-members");
			stopped = TRUE;
			break;
		}
		if (g_get_monotonic_time() > deadline) {
			facts_add_anomaly(f, "limit", "archive-time");
			stopped = TRUE;
			break;
		}
		if (archive_entry_is_encrypted(e))
			parent->encrypted = TRUE;
		if (archive_entry_filetype(e) != AE_IFDIR) {
			const char *p = archive_entry_pathname_utf8(e);
			if (p == NULL)
				p = archive_entry_pathname(e);
			name = member_name((const guint8 *)(p ? p : ""), p ? strlen(p) : 0, TRUE);
			add_member(f, parent, name, NULL,
			           archive_entry_size_is_set(e) ? (guint64)MAX(archive_entry_size(e), 0) : 0,
			           archive_entry_is_encrypted(e) != 0);
			g_free(name);
		}
		r = archive_read_data_skip(a);
	}
	if (!stopped && r != ARCHIVE_EOF) {
		const char *err = archive_error_string(a);
		/* names behind a password (7z header encryption) cannot be listed */
		if (archive_read_has_encrypted_entries(a) > 0 || (err && strstr(err, "ncrypt")))
			parent->encrypted = TRUE;
		else
			facts_add_anomaly(f, "archive", "7z-damaged");
	}
	archive_read_free(a);
	if (loc != (locale_t)0)
		uselocale(old);
}

static void members_of(Facts *f, FactAttachment *parent, const guint8 *buf, gsize len, int level)
{
	Kind k;

	if (archive_is_zip(buf, len) || g_str_has_prefix(parent->magic, "application/zip"))
		zip_members(f, parent, buf, len, level);
	else if ((k = kind(buf, len)) == KIND_RAR5)
		rar5_members(f, parent, buf, len);
	else if (k == KIND_RAR4)
		rar4_members(f, parent, buf, len);
	else if (k == KIND_7Z)
		sevenzip_members(f, parent, buf, len);
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
