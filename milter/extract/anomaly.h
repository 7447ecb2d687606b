/*
 * anomaly.h - a MIME part checked for what decoders read differently
 * (see anomaly.c).
 */
#ifndef AMZ_ANOMALY_H
#define AMZ_ANOMALY_H

#include <gmime/gmime.h>
#include "core/facts.h"

/* anomaly_check_part - transfer encodings decoders disagree on: unknown
 * names, base64 with foreign characters or data after the padding,
 * quoted-printable "=" not followed by two hex digits or a line end; header
 * lines inside content; file name parameters readers decode differently.
 * Reads at most max_part_bytes of the encoded content. */
void anomaly_check_part(Facts *f, guint64 max_part_bytes, GMimeObject *obj);

#endif
