/*
 * rar.h - the file headers of a RAR archive (see rar.c).
 */
#ifndef AMZ_RAR_H
#define AMZ_RAR_H

#include <glib.h>
#include "core/facts.h"

typedef enum { RAR_NONE, RAR_4, RAR_5 } RarKind;

/* rar_is - which RAR signature buf starts with, if any */
RarKind rar_is(const guint8 *buf, gsize len);
/* rar_members - every file of the RAR archive in buf as a FactAttachment inside parent */
void rar_members(Facts *f, FactAttachment *parent, const guint8 *buf, gsize len);

#endif
