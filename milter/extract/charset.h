/*
 * charset.h - decoded bytes -> valid UTF-8 text (see charset.c).
 */
#ifndef AMZ_CHARSET_H
#define AMZ_CHARSET_H

#include <glib.h>

/* charset_to_utf8 - buf (len bytes in charset; NULL or "": undeclared) as
 * valid UTF-8 with LF line ends and no NUL; transfer full */
char *charset_to_utf8(const guint8 *buf, gsize len, const char *charset);

/* charset_cut - the longest prefix of UTF-8 s (len bytes) no longer than
 * max bytes that ends on a character boundary: its length */
gsize charset_cut(const char *s, gsize len, gsize max);

#endif
