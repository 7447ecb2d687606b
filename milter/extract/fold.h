/*
 * fold.h - body text in the form a reader sees it (see fold.c).
 */
#ifndef AMZ_FOLD_H
#define AMZ_FOLD_H

#include <glib.h>

/* fold_flowed - RFC 3676 soft line breaks of t joined (the space before
 * them dropped with delsp), so a link split by them is whole; transfer full */
char *fold_flowed(const char *t, gboolean delsp);

/* fold_text - s (len bytes of UTF-8) in NFKC without invisible format
 * characters; ASCII passes unchanged; transfer full */
char *fold_text(const char *s, gsize len);

#endif
