/*
 * unpack.h - files inside attachments: ZIP, RAR, 7z and TNEF members (see
 * unpack.c), and what the format listers (zip.c, rar.c, sevenzip.c,
 * tnef.c) share.
 */
#ifndef AMZ_UNPACK_H
#define AMZ_UNPACK_H

#include <glib.h>
#include "core/facts.h"

/* Members listed from one archive; more are counted as "limit:archive-members". */
#define UNPACK_MAX_MEMBERS 1000
/* Longest member name kept (bytes); longer ones are cut. */
#define UNPACK_MAX_NAME 1024
/* Bytes inflated from all members of one attachment together. */
#define UNPACK_MAX_INFLATE (16 * 1024 * 1024)
/* Time one RAR or 7z listing may take (checked between members). */
#define UNPACK_MAX_LIST_MS 2000
/* Archives inside archives listed this deep. */
#define UNPACK_MAX_NESTING 3

/* unpack_is_container - ZIP, RAR, 7z or TNEF: unpack_members() lists what it holds */
gboolean unpack_is_container(const guint8 *buf, gsize len);
/* unpack_members - list what parent (whose decoded bytes are buf) holds; see unpack.c */
void unpack_members(Facts *f, FactAttachment *parent, const guint8 *buf, gsize len);

/* For the format listers. */

/* unpack_members_at - unpack_members for a container nested level deep */
void unpack_members_at(Facts *f, FactAttachment *parent, const guint8 *buf, gsize len, int level);
/* unpack_name - a stored name (n bytes, at most UNPACK_MAX_NAME kept) as
 * one line of UTF-8; CP437 unless utf8 or valid UTF-8; transfer full */
char *unpack_name(const guint8 *p, gsize n, gboolean utf8);
/* unpack_add_member - one member as an attachment fact inside parent, its
 * declared type from its name's extension, magic (NULL: the declared type) */
FactAttachment *unpack_add_member(Facts *f, const FactAttachment *parent, const char *name,
                                  const char *magic, guint64 size, gboolean encrypted);
/* unpack_header_member - one entry of an archive read from its headers:
 * counted in *n against UNPACK_MAX_MEMBERS (FALSE, and said, past it), its
 * encryption passed to the container, listed unless name is NULL (a
 * directory); name is taken */
gboolean unpack_header_member(Facts *f, FactAttachment *parent, guint *n, char *name,
                              guint64 size, gboolean enc);

#endif
