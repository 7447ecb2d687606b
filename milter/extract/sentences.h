/*
 * sentences.h - a message's text as paragraphs, sentences and words, each
 * paragraph with its language (see sentences.c).
 */
#ifndef AMZ_SENTENCES_H
#define AMZ_SENTENCES_H

#include <glib.h>
#include "core/facts.h"
#include "core/limits.h"
#include "extract/language.h"

typedef struct {
	guint32 start, len;     /* bytes of the original word in TextAnalysis.text */
	guint32 fold, fold_len; /* bytes of its case-folded NFKC form in TextAnalysis.folded */
} Token;

typedef struct {
	guint32 start, len;     /* bytes in .text (trailing spaces/newlines excluded) */
	guint32 first, n;       /* its tokens: tokens[first .. first+n) */
	guint32 para;           /* index into .paras */
} Sentence;

typedef struct {
	guint32 start, len;     /* bytes in .text */
	LangGuess lang;
} Paragraph;

struct TextAnalysis {
	GString *text;          /* subject + "\n\n" + Facts.text (at most max_analysis_bytes,
	                         * cut at a UTF-8 character boundary; invalid UTF-8 replaced) */
	GString *folded;        /* every token's folded form, NUL after each */
	GArray *tokens;         /* Token */
	GArray *sentences;      /* Sentence */
	GArray *paras;          /* Paragraph */
	LangGuess lang;         /* the whole text's language */
	guint32 subject_len;    /* bytes of .text that are the subject (sentences starting
	                         * before it are the subject's) */
	gboolean limited;       /* cut by max_analysis_bytes, max_sentences or max_tokens */
	gboolean timed_out;     /* stopped at lim->deadline */
};

/* sentences_analyse - subject and text_len bytes of text (UTF-8; NULL is
 * empty) analysed within lim (NULL: the defaults); never NULL.  Where it
 * stopped early, limited / timed_out say so. */
TextAnalysis *sentences_analyse(const char *subject, const char *text, gsize text_len,
                                const ExtractLimits *lim);

/* sentences_attach - analyse f's subject and text into f->analysis
 * (replacing any), adding "limit:analysis" / "timeout:analysis" anomalies */
void sentences_attach(Facts *f, const ExtractLimits *lim);

/* text_analysis_free - NULL allowed */
void text_analysis_free(TextAnalysis *a);

/* text_analysis_token_folded - token i's folded form, NUL-terminated */
static inline const char *text_analysis_token_folded(const TextAnalysis *a, guint i)
{
	return a->folded->str + g_array_index(a->tokens, Token, i).fold;
}

#endif
