/*
 * zip.h - the ZIP reader and the listing of a ZIP's members (see zip.c).
 */
#ifndef AMZ_ZIP_H
#define AMZ_ZIP_H

#include <glib.h>
#include "core/facts.h"

/* Compression methods read (others are typed by name only). */
enum { ZIP_STORED = 0, ZIP_DEFLATED = 8 };

/* One ZIP member, as its central directory entry describes it. */
typedef struct {
	char *name;            /* UTF-8 (CP437 names converted), control characters -> space */
	guint64 size;          /* uncompressed size as declared */
	guint64 csize;         /* compressed size as declared */
	guint method;          /* ZIP_STORED, ZIP_DEFLATED, others not read */
	gboolean encrypted;    /* general-purpose flag bit 0 */
	gsize data;            /* offset of the member's data in the buffer, or G_MAXSIZE */
} ZipMember;

typedef struct {
	const guint8 *buf;     /* the archive's bytes (not owned) */
	gsize len;
	GPtrArray *members;    /* ZipMember* */
	gboolean truncated;    /* more members than UNPACK_MAX_MEMBERS */
	gboolean damaged;      /* no central directory: members found by local headers */
	gsize inflated;        /* bytes inflated so far, against UNPACK_MAX_INFLATE */
} Zip;

/* zip_is - a ZIP signature at the start (local header or empty archive) */
gboolean zip_is(const guint8 *buf, gsize len);
/* zip_open - list the members of the ZIP in buf (which must outlive the result); transfer full */
Zip *zip_open(const guint8 *buf, gsize len);
/* zip_free - the listing (not the buffer); NULL is fine */
void zip_free(Zip *z);
/* zip_find - the member with this exact name (case-insensitive), or NULL */
const ZipMember *zip_find(const Zip *z, const char *name);
/* zip_read - up to max bytes of a member's content, within the inflate
 * budget; NULL when encrypted, another method or not there; transfer full */
GByteArray *zip_read(Zip *z, const ZipMember *m, gsize max);
/* zip_inflate - zlib (raw: headerless deflate) inflate of in, at most max
 * bytes out; damaged data keeps what came out; NULL only when zlib cannot
 * start; transfer full */
GByteArray *zip_inflate(const guint8 *in, gsize n, gsize max, gboolean raw);
#endif
