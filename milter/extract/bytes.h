/*
 * bytes.h - little-endian fields and bounds checks for the binary formats
 * read from untrusted buffers (zip.c, rar.c, tnef.c).  Inline, no state.
 */
#ifndef AMZ_BYTES_H
#define AMZ_BYTES_H

#include <glib.h>

/* bytes_le16 - the 16-bit little-endian number at p */
static inline guint16 bytes_le16(const guint8 *p)
{
	return (guint16)(p[0] | p[1] << 8);
}

/* bytes_le32 - the 32-bit little-endian number at p */
static inline guint32 bytes_le32(const guint8 *p)
{
	return (guint32)p[0] | (guint32)p[1] << 8 | (guint32)p[2] << 16 | (guint32)p[3] << 24;
}

/* bytes_le64 - the 64-bit little-endian number at p */
static inline guint64 bytes_le64(const guint8 *p)
{
	return (guint64)bytes_le32(p) | (guint64)bytes_le32(p + 4) << 32;
}

/* bytes_have - [off, off+n) lies inside a buffer of len bytes, without overflow */
static inline gboolean bytes_have(gsize len, guint64 off, guint64 n)
{
	return off <= len && n <= len - off;
}

#endif
