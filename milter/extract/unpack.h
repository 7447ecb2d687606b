/*
 * unpack.h - files inside attachments: ZIP, RAR, 7z and TNEF members (see
 * unpack.c), and the bounds on listing them.
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

#endif
