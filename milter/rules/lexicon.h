/*
 * rules/lexicon.h - concepts: word lists per concept and language.
 *
 * rules/lexicon.c reads lexicon/<lang>/<concept>.words below the rules
 * directory and the local directory into an immutable Lexicon; the words of
 * each entry are stemmed with the language's Snowball stemmer, as the words
 * of a message will be.  rules/concept.c finds the concepts of a sentence.
 */
#ifndef AMZ_RULES_LEXICON_H
#define AMZ_RULES_LEXICON_H

#include <glib.h>
#include "core/analysis.h"

#define LEX_MAX_CONCEPTS  256
#define LEX_MAX_LANGS     32       /* a language is a bit of a guint32 */
#define LEX_MAX_WORDS     12       /* words in one entry */
#define LEX_GAP_WORDS     3        /* what "~" skips: words, */
#define LEX_GAP_BYTES     24       /* or bytes of a language written without spaces */
#define LEX_FILE_MAX      (4 << 20)

typedef enum {
	LW_STEM,        /* the word's stem (or its folded form, without a stemmer) */
	LW_PREFIX,      /* "word*": a folded word starting so */
	LW_GAP,         /* "~": up to LEX_GAP_WORDS words */
	LW_TEXT,        /* a piece of text (languages written without spaces) */
} LexWordKind;

typedef struct {
	LexWordKind kind;
	char *s;
	guint len;
} LexWord;

typedef struct {
	guint16 concept;
	gboolean exclude;       /* "!…": another sense; covers the concept's words */
	gboolean question;      /* "… ?": only in a sentence that asks (ends in "?") */
	guint nwords;
	LexWord *words;
	guint64 need;           /* a bit per word that must be in the sentence
	                         * (word_bit; 0 where words may be compounds' ends) */
	char *text;             /* as written */
	const char *file;       /* owned by the language's files */
	guint line;
} LexEntry;

typedef struct {
	char *code;             /* "de" */
	gboolean nospace;       /* written without spaces (ja zh th): entries are pieces of text */
	gboolean compound;      /* de nl sv: a word also ends compounds */
	gboolean stemmed;       /* a Snowball stemmer exists for it */
	GPtrArray *entries;     /* LexEntry* */
	GHashTable *by_first;   /* first word (stem) -> GPtrArray of LexEntry* */
	GHashTable *by_pair;    /* first two words "stem\x1fstem" -> GPtrArray: entries that
	                         * start with a common word ("your next order") are tried
	                         * only where the second follows */
	GHashTable *by_prefix2; /* first 2 bytes of a first-word prefix -> GPtrArray */
	GHashTable *pair_first; /* the first words of by_pair's keys -> the OR of
	                         * their second words' lexicon_word_bit (a guint64*) */
	guint8 prefix2_bits[8192]; /* a bit per 2-byte key of by_prefix2 */
	GPtrArray *files;       /* the paths its entries came from */
	GHashTable *seen;       /* while loading: concept + stems -> the LexEntry */
	GHashTable *stems;      /* while loading: folded word -> its stem (words recur) */
	GHashTable *by_char;    /* nospace: the first character of an entry's first piece
	                         * -> GPtrArray of LexEntry* */
} LexLang;

typedef struct Lexicon {
	guint generation;       /* tells one loaded lexicon from the next (scratch caches) */
	GPtrArray *concepts;    /* char* NAME; its index is the concept id */
	GHashTable *ids;        /* NAME -> id + 1 */
	GPtrArray *langs;       /* LexLang*; its index is the language bit */
} Lexicon;

/* Per-thread working memory of the matcher (stemmers are not thread-safe). */
typedef struct LexScratch LexScratch;
LexScratch *lex_scratch_new(void);
void lex_scratch_free(LexScratch *s);

Lexicon *lexicon_new(void);
void lexicon_free(Lexicon *lx);
/* lexicon_finish - build the lookup tables after the last file */
void lexicon_finish(Lexicon *lx);
/* lexicon_concept - the id of NAME, -1 when unknown */
int lexicon_concept(const Lexicon *lx, const char *name);
/* lexicon_lang - the index of language code, -1 when it has no lexicon */
int lexicon_lang(const Lexicon *lx, const char *code);

/* lexicon_words - s (len bytes) folded and cut into words as lexicon
 * entries are, as one sentence: for text outside the analysis (the words
 * before a match); free with text_analysis_free */
TextAnalysis *lexicon_words(const char *s, gsize len);

/* lexicon_question - sentence s asks: it ends in "?", "？" or "؟", and not as
 * the end of a link ("…/track?") */
gboolean lexicon_question(const TextAnalysis *a, const TextSentence *s);

/* word_bit - one of 64 bits for a stem: a sentence whose words' bits
 * lack one of an entry's cannot hold the entry */
static inline guint64 lexicon_word_bit(const char *stem)
{
	return G_GUINT64_CONSTANT(1) << (g_str_hash(stem) & 63);
}

/* A concept found: its words are tokens [t0, t1) of the analysis. */
typedef struct {
	guint16 concept;
	gboolean exclude;
	guint32 t0, t1;
} LexMatch;

/* lexicon_scan - the concepts in sentence s of a, in the languages of
 * mask: set bit c of bits (one per concept, (n + 63) / 64 words) for each;
 * with firsts, append to it (LexMatch) the first match of each concept;
 * with want >= 0, also return in *m the first match of concept want that
 * ends after word end_after (TRUE when there is one) */
gboolean lexicon_scan(const Lexicon *lx, guint32 mask, const TextAnalysis *a, const TextSentence *s,
                      LexScratch *sc, guint64 *bits, GArray *firsts, int want, guint32 end_after,
                      LexMatch *m);

#endif
