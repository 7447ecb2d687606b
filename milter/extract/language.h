/*
 * language.h - which language a text is in (CLD2, see language_cld2.cc).
 */
#ifndef AMZ_LANGUAGE_H
#define AMZ_LANGUAGE_H

#include <glib.h>
#include "core/analysis.h"

G_BEGIN_DECLS

/* LangScore and LangGuess are in core/analysis.h. */

/* language_detect - the languages of len bytes of UTF-8 plain text; never
 * fails (invalid or empty input gives n = 0) */
void language_detect(const char *utf8, gsize len, LangGuess *out);

G_END_DECLS

#endif
