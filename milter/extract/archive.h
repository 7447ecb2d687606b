/*
 * archive.h - files inside attachments: ZIP, RAR, 7z and TNEF members (see archive.c).
 */
#ifndef AMZ_ARCHIVE_H
#define AMZ_ARCHIVE_H

#include <glib.h>
#include "core/facts.h"

/* Members listed from one archive; more are counted as "limit:archive-members". */
#define ARCHIVE_MAX_MEMBERS 1000
/* Longest member name kept (bytes); longer ones are cut. */
#define ARCHIVE_MAX_NAME 1024
/* Bytes inflated from all members of one attachment together. */
#define ARCHIVE_MAX_INFLATE (16 * 1024 * 1024)
/* Time one RAR or 7z listing may take (checked between members). */
#define ARCHIVE_MAX_LIST_MS 2000

/* One ZIP member, as its central directory entry describes it. */
typedef struct {
	char *name;            /* UTF-8 (CP437 names converted), control characters -> space */
	guint64 size;          /* uncompressed size as declared */
	guint64 csize;         /* compressed size as declared */
	guint method;          /* 0 stored, 8 deflated, others not read */
	gboolean encrypted;    /* general-purpose flag bit 0 */
	gsize data;            /* offset of the member's data in the buffer, or G_MAXSIZE */
} ArchiveMember;

typedef struct {
	const guint8 *buf;     /* the archive's bytes (not owned) */
	gsize len;
	GPtrArray *members;    /* ArchiveMember* */
	gboolean truncated;    /* more members than ARCHIVE_MAX_MEMBERS */
	gboolean damaged;      /* no central directory: members found by local headers */
	gsize inflated;        /* bytes inflated so far, against ARCHIVE_MAX_INFLATE */
} ArchiveZip;

gboolean archive_is_zip(const guint8 *buf, gsize len);
/* archive_is_container - ZIP, RAR, 7z or TNEF: archive_members() lists what it holds */
gboolean archive_is_container(const guint8 *buf, gsize len);
ArchiveZip *archive_zip_open(const guint8 *buf, gsize len);
void archive_zip_free(ArchiveZip *z);
const ArchiveMember *archive_zip_find(const ArchiveZip *z, const char *name);
GByteArray *archive_zip_read(ArchiveZip *z, const ArchiveMember *m, gsize max);
/* archive_inflate - zlib/raw inflate, bounded to max bytes out (see archive.c) */
GByteArray *archive_inflate(const guint8 *in, gsize n, gsize max, gboolean raw);

void archive_members(Facts *f, FactAttachment *parent, const guint8 *buf, gsize len);

#endif
