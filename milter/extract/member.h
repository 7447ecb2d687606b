/*
 * member.h - one file inside an attachment as a fact (see member.c), for
 * the format listers.
 */
#ifndef AMZ_MEMBER_H
#define AMZ_MEMBER_H

#include <glib.h>
#include "core/facts.h"
#include "extract/unpack.h"   /* the bounds: UNPACK_MAX_* */

/* member_name - a stored name (n bytes, at most UNPACK_MAX_NAME kept) as
 * one line of UTF-8; CP437 unless utf8 or valid UTF-8; transfer full */
char *member_name(const guint8 *p, gsize n, gboolean utf8);
/* member_add - one member as an attachment fact inside parent, its
 * declared type from its name's extension, magic (NULL: the declared type) */
FactAttachment *member_add(Facts *f, const FactAttachment *parent, const char *name,
                                  const char *magic, guint64 size, gboolean encrypted);
/* member_from_header - one entry of an archive read from its headers:
 * counted in *n against UNPACK_MAX_MEMBERS (FALSE, and said, past it), its
 * encryption passed to the container, listed unless name is NULL (a
 * directory); name is taken */
gboolean member_from_header(Facts *f, FactAttachment *parent, guint *n, char *name,
                              guint64 size, gboolean enc);

#endif
