/*
 * uuencode.h - files written inline in a text part: uuencode, yEnc (see uuencode.c).
 */
#ifndef AMZ_UUENCODE_H
#define AMZ_UUENCODE_H

#include <glib.h>

/* Blocks decoded per text part; more are left as text ("limit:inline-files"). */
#define UUENCODE_MAX_FILES 100

typedef struct {
	char *name;         /* as written after "begin 644" or "name=", one line of bytes */
	GByteArray *data;   /* decoded bytes, at most the max_bytes given */
	guint64 size;       /* decoded bytes, counted past max_bytes too */
	const char *format; /* static: "uuencode" or "yenc" */
} UuFile;

void uuencode_file_free(gpointer p);
GPtrArray *uuencode_extract(const guint8 *text, gsize len, guint64 max_bytes, GByteArray *rest,
                            gboolean *limited);

#endif
