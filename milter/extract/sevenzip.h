/*
 * sevenzip.h - the members of a 7z archive (see sevenzip.c).
 */
#ifndef AMZ_SEVENZIP_H
#define AMZ_SEVENZIP_H

#include <glib.h>
#include "core/facts.h"

/* sevenzip_is - the 7z signature at the start */
gboolean sevenzip_is(const guint8 *buf, gsize len);
/* sevenzip_members - every member of the 7z archive in buf as a FactAttachment inside parent */
void sevenzip_members(Facts *f, FactAttachment *parent, const guint8 *buf, gsize len);

#endif
