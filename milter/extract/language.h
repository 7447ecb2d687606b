/*
 * language.h - which language a text is in (CLD2, see language_cld2.cc).
 */
#ifndef AMZ_LANGUAGE_H
#define AMZ_LANGUAGE_H

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
	char code[8];       /* ISO 639-1 ("de", "ja", "pt"); three letters where none exists */
	int percent;        /* share of the text's letters, 1..100 */
} LangScore;

typedef struct {
	LangScore top[3];   /* most likely first */
	int n;              /* entries of top used; 0: unknown */
	gboolean reliable;  /* CLD2 is confident of top[0] */
} LangGuess;

/* language_detect - the languages of len bytes of UTF-8 plain text; never
 * fails (invalid or empty input gives n = 0) */
void language_detect(const char *utf8, gsize len, LangGuess *out);

G_END_DECLS

#endif
