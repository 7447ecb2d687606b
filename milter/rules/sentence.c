/*
 * rules/sentence.c - whether a pattern stays within one sentence.
 *
 * Phrase rules often look at one sentence from its start:
 *   (?:^|(?<=[.!?\n]))(?=[^.!?\n]*?WORDS)…
 * PCRE2 tries such a pattern at every position of the text.  When nothing
 * after that opening can match ".", "!" or "?", every match starts a
 * sentence and everything it needs (its literals among them) lies before
 * the next ".", "!" or "?"; the evaluator then tries it only at the
 * sentence starts from which one of its literals can be reached.  Anything
 * the reader below does not understand, it counts as able to match them.
 *
 * Input: pattern text and PCRE2 compile flags, read through rules/pcre_walk.h.
 * Output: TRUE or FALSE; nothing is kept.
 */
#include <string.h>
#include "rules/internal.h"
#include "rules/pcre_walk.h"

#define SENTENCE_START "(?:^|(?<=[.!?\\n]))"

/* The sentence ends, as bits of a set. */
enum { PUNCT_DOT = 1, PUNCT_BANG = 2, PUNCT_QUESTION = 4, PUNCT_ALL = 7 };

static gboolean is_punct(gunichar c)
{
	return c == '.' || c == '!' || c == '?';
}

/* covers - the punctuation bits a range lo-hi contains */
static guint covers(gunichar lo, gunichar hi)
{
	return (lo <= '.' && hi >= '.' ? PUNCT_DOT : 0) | (lo <= '!' && hi >= '!' ? PUNCT_BANG : 0) |
	       (lo <= '?' && hi >= '?' ? PUNCT_QUESTION : 0);
}

/* class_punct - TRUE when class token t may match ".", "!" or "?" (a
 * negated class unless it lists all three) */
static gboolean class_punct(const PwTok *t)
{
	gboolean may = FALSE;
	guint listed = 0;               /* "." "!" "?" named alone in the class */
	PwClass cw;
	PwMember m;

	pcre_walk_class(&cw, t);
	for (pcre_walk_class_next(&cw, &m); m.kind != PM_END; pcre_walk_class_next(&cw, &m)) {
		switch (m.kind) {
		case PM_BAD:
			return TRUE;            /* not understood */
		case PM_CHAR:
			if (covers(m.lo, m.lo)) {
				may = TRUE;
				listed |= covers(m.lo, m.lo);
			}
			break;
		case PM_RANGE:
			if (m.hi_escape || covers(m.lo, m.hi))
				may = TRUE;
			if (!m.hi_escape && m.lo == m.hi)
				listed |= covers(m.lo, m.hi);
			break;
		case PM_ESCAPE:
			/* \d \w \s \h \v \n \t \r \f \e \a \b never match them */
			if (strchr("dwshvntrfeab", m.esc) == NULL)
				may = TRUE;
			break;
		default:                        /* [:punct:] and friends, \Q…\E */
			may = TRUE;
			break;
		}
	}
	return t->negated ? listed != PUNCT_ALL : may;
}

/* group_punct - an opening token: TRUE when it is a group the reader does
 * not follow, or one that may look behind the position it is tried at;
 * *depth counts the groups left open */
static gboolean group_punct(const PwTok *t, guint *depth)
{
	(*depth)++;
	switch (t->group) {
	case PG_CAPTURE: case PG_NONCAPTURE: case PG_BRANCH_RESET: case PG_ATOMIC:
	case PG_LOOKAHEAD: case PG_NEG_LOOKAHEAD: case PG_NEG_LOOKBEHIND:
		return FALSE;
	case PG_NAMED:
		return !t->name_alpha || t->bad;
	case PG_OPTIONS:
		/* inline options (?i) (?-i:…); extended mode is not followed */
		for (const char *o = t->opt; o < t->opt_end; o++)
			if (strchr("imnsJU-^", *o) == NULL)
				return TRUE;
		if (t->bad)
			return TRUE;
		if (t->setting)
			(*depth)--;
		return FALSE;
	default:                        /* a positive lookbehind, verbs, conditionals,
	                                 * recursion, references and comments */
		return TRUE;
	}
}

/* rest_punct - TRUE when something in what w has left may match ".", "!"
 * or "?" or look behind the position it is tried at, or when there is a
 * top-level alternative (a match that need not start a sentence) */
static gboolean rest_punct(PcreWalk *w)
{
	guint depth = 0;
	PwTok t;

	for (pcre_walk_next(w, &t); t.kind != PW_END; pcre_walk_next(w, &t)) {
		switch (t.kind) {
		case PW_CHAR:
			if (is_punct(t.c))
				return TRUE;
			break;
		case PW_ESCAPE:
			/* assertions, \K, and classes that never match them */
			if (t.esc == '\0' || strchr("bBAzZGKdwshvRntrfea", t.esc) == NULL)
				return TRUE;
			break;
		case PW_CLASS:
			if (class_punct(&t))
				return TRUE;
			break;
		case PW_META:
			if (t.c == '.')
				return TRUE;
			break;
		case PW_OPEN:
			if (group_punct(&t, &depth))
				return TRUE;
			break;
		case PW_CLOSE:
			if (depth == 0)
				return TRUE;
			depth--;
			break;
		case PW_ALT:
			if (depth == 0)
				return TRUE;
			break;
		default:                        /* quantifiers match nothing */
			break;
		}
	}
	return depth != 0;
}

/* rules_sentence_scoped - every match of pattern starts a sentence
 * (SENTENCE_START) and nothing it needs lies past the next ".", "!" or "?" */
gboolean rules_sentence_scoped(const char *pattern, guint32 flags)
{
	gsize n = strlen(SENTENCE_START);
	PcreWalk w;

	if ((flags & PCRE2_EXTENDED) || strncmp(pattern, SENTENCE_START, n) != 0)
		return FALSE;
	pcre_walk_init(&w, pattern + n, strlen(pattern + n));
	return !rest_punct(&w);
}
