/*
 * tnef.h - the attachments packed in a TNEF stream (see tnef.c).
 */
#ifndef AMZ_TNEF_H
#define AMZ_TNEF_H

#include <glib.h>
#include "core/facts.h"

/* tnef_is - a TNEF signature at the start */
gboolean tnef_is(const guint8 *buf, gsize len);
/* tnef_members - every attachment in the TNEF stream buf as a FactAttachment inside parent */
void tnef_members(Facts *f, FactAttachment *parent, const guint8 *buf, gsize len);

#endif
