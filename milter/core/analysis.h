/*
 * core/analysis.h - the words, sentences, paragraphs and languages of a
 * message's text.
 *
 * Made by extraction (extract/sentences.c, extract/language_cld2.cc) from
 * the subject and the text, read by the rules (concepts are looked for in
 * the words of a sentence).  Plain data like facts.h; offsets are bytes.
 */
#ifndef AMZ_ANALYSIS_H
#define AMZ_ANALYSIS_H

#include <glib.h>

/* A language and its share of the text, as the detector sees it. */
G_BEGIN_DECLS

typedef struct {
	char code[8];          /* ISO 639-1 ("de", "ja", "pt"); three letters where none exists */
	int percent;           /* share of the text's letters, 1..100 */
} LangScore;

typedef struct {
	LangScore top[3];      /* most likely first; n of them */
	int n;                 /* 0: no language recognised */
	gboolean reliable;     /* the detector is sure of top[0] */
} LangGuess;

typedef struct {
	guint32 start, len;    /* the word as written, in TextAnalysis.text */
	guint32 fold, fold_len;/* its NFKC case-folded form, in TextAnalysis.folded */
} TextWord;

typedef struct {
	guint32 start, len;    /* in .text, without trailing spaces and line ends */
	guint32 first, n;      /* its words: tokens[first .. first + n) */
	guint32 para;          /* index into .paras */
} TextSentence;

typedef struct {
	guint32 start, len;    /* in .text */
	LangGuess lang;
} TextPara;

typedef struct TextAnalysis {
	GString *text;         /* the subject, "\n\n", the text (bounded) */
	GString *folded;       /* every word's folded form, each followed by a NUL */
	GArray *tokens;        /* TextWord */
	GArray *sentences;     /* TextSentence */
	GArray *paras;         /* TextPara */
	LangGuess lang;        /* the language of the whole text */
	guint32 subject_len;   /* bytes of .text that are the subject */
	gboolean limited;      /* cut by max_analysis_bytes, or the sentence or word limit */
	gboolean timed_out;    /* stopped at the deadline */
} TextAnalysis;

TextAnalysis *text_analysis_new(void);
/* text_analysis_free - NULL allowed */
void text_analysis_free(TextAnalysis *a);

/* text_analysis_token_folded - word i's folded form, NUL-terminated */
static inline const char *text_analysis_token_folded(const TextAnalysis *a, guint i)
{
	return a->folded->str + g_array_index(a->tokens, TextWord, i).fold;
}

G_END_DECLS

#endif
