/*
 * filetype.h - content type detection by libmagic (see filetype.c).
 */
#ifndef AMZ_FILETYPE_H
#define AMZ_FILETYPE_H

#include <stddef.h>
#include <glib.h>

/* Bytes of a part's decoded content worth handing to filetype_detect(). */
#define FILETYPE_SNIFF_BYTES (64 * 1024)

void filetype_init(guint max_handles);
char *filetype_detect(const void *buf, size_t len);
gboolean filetype_looks_binary(const void *buf, size_t len);

/* filetype_is_control - a control byte no text shows (tab, line ends, form
 * feed and the escape of ISO-2022 texts are text) */
static inline gboolean filetype_is_control(guchar ch)
{
	return ch < 0x20 && ch != '\n' && ch != '\r' && ch != '\t' && ch != '\f' && ch != 0x1b;
}
gboolean filetype_is_plain_text(const void *buf, size_t len);
const char *filetype_from_ext(const char *ext);
const char *filetype_mismatch(const char *ext, const char *declared, const char *magic);

#endif
