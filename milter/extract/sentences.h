/*
 * sentences.h - a message's text as paragraphs, sentences and words, each
 * paragraph with its language (see sentences.c).
 */
#ifndef AMZ_SENTENCES_H
#define AMZ_SENTENCES_H

#include <glib.h>
#include "core/facts.h"
#include "core/limits.h"
#include "core/analysis.h"
#include "extract/language.h"

/* The types (TextAnalysis, TextSentence, TextWord, TextPara) are in
 * core/analysis.h: the rules read them too. */

/* sentences_analyse - subject and text_len bytes of text (UTF-8; NULL is
 * empty) analysed within lim (NULL: the defaults); never NULL.  Where it
 * stopped early, limited / timed_out say so. */
TextAnalysis *sentences_analyse(const char *subject, const char *text, gsize text_len,
                                const ExtractLimits *lim);

/* sentences_attach - analyse f's subject and text into f->analysis
 * (replacing any), adding "limit:analysis" / "timeout:analysis" anomalies */
void sentences_attach(Facts *f, const ExtractLimits *lim);

#endif
