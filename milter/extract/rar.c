/*
 * rar.c - the file headers of a RAR archive (RAR 2.x-4.x and RAR5).
 *
 * In:  the bytes of one attachment that starts with a RAR signature (a
 *      self-extractor is an executable already and is not read).
 * Out: one FactAttachment per file (name, declared size, encrypted; typed
 *      by name, the data is never decoded), the container's `encrypted`
 *      (also when header encryption hides the names), and
 *      "archive:rar-damaged" when the listing cannot go on (what was listed
 *      so far kept).
 *
 * Headers are walked here, each header's checksum checked and data areas
 * stepped over: libarchive 3.6 lists no more than the first member of a
 * solid RAR4 archive, decompresses a solid RAR5 archive's data to reach the
 * next header, and does not report RAR5 encryption.
 */
#include <string.h>
#include <zlib.h>
#include "extract/bytes.h"
#include "extract/rar.h"
#include "extract/member.h"

#define RAR5_SIGNATURE "Rar!\x1a\x07\x01\x00"
#define RAR4_SIGNATURE "Rar!\x1a\x07\x00"

enum {
	RAR_VINT_MAX_BYTES = 10,        /* a 64-bit number in 7-bit groups */
	RAR5_HEAD_MIN = 5,              /* CRC32 and a one-byte size */
	/* header types */
	RAR5_MAIN = 1, RAR5_FILE = 2, RAR5_CRYPT = 4, RAR5_END = 5,
	/* header flags */
	RAR5_HAS_EXTRA = 0x1, RAR5_HAS_DATA = 0x2,
	/* file flags */
	RAR5_FILE_DIR = 0x1, RAR5_FILE_MTIME = 0x2, RAR5_FILE_CRC = 0x4, RAR5_FILE_UNKNOWN_SIZE = 0x8,
	RAR5_EXTRA_CRYPT = 0x01,        /* extra record type: file encryption */
};

enum {
	RAR4_HEAD_MIN = 7,              /* CRC16, type, flags, size */
	RAR4_FILE_HEAD_MIN = 32,
	RAR4_FILE_HEAD_LARGE = 40,      /* with the high halves of the sizes */
	/* header types */
	RAR4_MAIN = 0x73, RAR4_FILE = 0x74, RAR4_END = 0x7b,
	/* flags */
	RAR4_MAIN_PASSWORD = 0x0080,    /* on the main header: headers encrypted */
	RAR4_FILE_ENCRYPTED = 0x04,
	RAR4_FILE_DIR_MASK = 0xe0,
	RAR4_FILE_LARGE = 0x100,
	RAR4_FILE_UNICODE = 0x200,
	RAR4_HAS_ADD = 0x8000,          /* a data area follows the header */
};

/* rar_is - see rar.h */
RarKind rar_is(const guint8 *buf, gsize len)
{
	if (len >= sizeof RAR5_SIGNATURE - 1 && memcmp(buf, RAR5_SIGNATURE, sizeof RAR5_SIGNATURE - 1) == 0)
		return RAR_5;
	if (len >= sizeof RAR4_SIGNATURE - 1 && memcmp(buf, RAR4_SIGNATURE, sizeof RAR4_SIGNATURE - 1) == 0)
		return RAR_4;
	return RAR_NONE;
}

/* vint - a RAR5 number (7 bits a byte, low first) at *off; FALSE when cut */
static gboolean vint(const guint8 *b, gsize len, gsize *off, guint64 *v)
{
	*v = 0;
	for (int i = 0; i < RAR_VINT_MAX_BYTES && *off < len; i++) {
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
		if (type == RAR5_EXTRA_CRYPT)
			return TRUE;
		off = rec + (gsize)size;
	}
	return FALSE;
}

/*
 * rar5_members - every file header of a RAR5 archive.  Read here rather
 * than with libarchive, which decompresses a solid archive's data to reach
 * the next header and (3.6) does not report RAR5 encryption: each header's
 * CRC32 is checked, data areas are stepped over.
 */
static void rar5_members(Facts *f, FactAttachment *parent, const guint8 *b, gsize len)
{
	gsize off = sizeof RAR5_SIGNATURE - 1;
	guint n = 0;
	gboolean seen_main = FALSE;

	while (bytes_have(len, off, RAR5_HEAD_MIN)) {
		guint64 size, type, hflags, xsize = 0, dsize = 0;
		gsize p = off + 4, end;
		if (!vint(b, len, &p, &size) || !bytes_have(len, p, size) || size == 0)
			break;
		end = p + (gsize)size;
		if (crc32(0, b + off + 4, (uInt)(end - off - 4)) != bytes_le32(b + off))
			break;
		if (!vint(b, end, &p, &type) || !vint(b, end, &p, &hflags) ||
		    ((hflags & RAR5_HAS_EXTRA) && !vint(b, end, &p, &xsize)) ||
		    ((hflags & RAR5_HAS_DATA) && !vint(b, end, &p, &dsize)) || xsize > end - p)
			break;
		if (type == RAR5_CRYPT) {
			parent->encrypted = TRUE;   /* names encrypted too: nothing to list */
			return;
		}
		if (type == RAR5_END)
			return;
		seen_main |= type == RAR5_MAIN;
		if (type == RAR5_FILE) {
			guint64 fflags, usize, attr, comp, host, nlen;
			gboolean enc = (hflags & RAR5_HAS_EXTRA) && rar5_extra_encrypted(b, end - (gsize)xsize, end);
			if (!vint(b, end, &p, &fflags) || !vint(b, end, &p, &usize) || !vint(b, end, &p, &attr))
				break;
			p += ((fflags & RAR5_FILE_MTIME) ? 4 : 0) + ((fflags & RAR5_FILE_CRC) ? 4 : 0);   /* mtime, CRC32 */
			if (p > end || !vint(b, end, &p, &comp) || !vint(b, end, &p, &host) ||
			    !vint(b, end, &p, &nlen) || nlen > end - p)
				break;
			if (!member_from_header(f, parent, &n, (fflags & RAR5_FILE_DIR) ? NULL : member_name(b + p, (gsize)nlen, TRUE),
			                   (fflags & RAR5_FILE_UNKNOWN_SIZE) ? 0 : usize, enc))
				return;
		}
		if (dsize > len - end)
			break;
		off = end + (gsize)dsize;
	}
	if (off < len || !seen_main)
		facts_add_anomaly(f, "archive", "rar-damaged");
}

/* rar4_name - a RAR4 file name: OEM bytes, UTF-8, or "OEM\0" plus RAR's
 * packed UTF-16 (each 2-bit flag: low byte, low byte in the high byte's
 * page, a whole unit, or a run copied from the OEM name); transfer full */
static char *rar4_name(const guint8 *p, gsize n, gboolean unicode)
{
	const guint8 *z = unicode ? memchr(p, 0, n) : NULL, *enc;
	gunichar2 out[UNPACK_MAX_NAME];
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
	gsize off = sizeof RAR4_SIGNATURE - 1;
	guint n = 0;
	gboolean seen_main = FALSE;

	while (bytes_have(len, off, RAR4_HEAD_MIN)) {
		guint8 type = b[off + 2];
		guint16 flags = bytes_le16(b + off + 3), hsize = bytes_le16(b + off + 5);
		guint64 add = 0;
		if (hsize < RAR4_HEAD_MIN || !bytes_have(len, off, hsize) ||
		    (crc32(0, b + off + 2, hsize - 2) & 0xffff) != bytes_le16(b + off))
			break;
		if (flags & RAR4_HAS_ADD) {
			if (hsize < 11)
				break;
			add = bytes_le32(b + off + 7);
		}
		if (type == RAR4_MAIN && (flags & RAR4_MAIN_PASSWORD)) {
			parent->encrypted = TRUE;   /* names encrypted too: nothing to list */
			return;
		}
		seen_main |= type == RAR4_MAIN;
		if (type == RAR4_END)
			return;
		if (type == RAR4_FILE) {
			guint64 usize;
			gsize p = off + RAR4_FILE_HEAD_MIN, nlen;
			gboolean enc = (flags & RAR4_FILE_ENCRYPTED) != 0;
			if (hsize < RAR4_FILE_HEAD_MIN)
				break;
			usize = bytes_le32(b + off + 11);
			nlen = bytes_le16(b + off + 26);
			if (flags & RAR4_FILE_LARGE) {            /* sizes of 4 GB and more */
				if (hsize < RAR4_FILE_HEAD_LARGE)
					break;
				add |= (guint64)bytes_le32(b + off + 32) << 32;
				usize |= (guint64)bytes_le32(b + off + 36) << 32;
				p += 8;
			}
			if (p + nlen > off + hsize)
				break;
			if (!member_from_header(f, parent, &n, (flags & RAR4_FILE_DIR_MASK) == RAR4_FILE_DIR_MASK ? NULL   /* a directory */
			                                  : rar4_name(b + p, nlen, (flags & RAR4_FILE_UNICODE) != 0),
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

/* rar_members - see rar.h */
void rar_members(Facts *f, FactAttachment *parent, const guint8 *buf, gsize len)
{
	RarKind k = rar_is(buf, len);

	if (k == RAR_5)
		rar5_members(f, parent, buf, len);
	else if (k == RAR_4)
		rar4_members(f, parent, buf, len);
}
