/*
 * rules/pcre_walk.h - the syntax of a PCRE2 pattern, one token at a time.
 *
 * The one reader of pattern source in the rule engine: the prefilter's
 * analyses (rules/prefilter.c, rules/sentence.c) walk a pattern's tokens
 * and a class's members through this API and never look at the bytes
 * themselves.  Escapes come with their arguments (\x{263A}, \p{Latin},
 * \g{-1}), \Q…\E comes as the characters it quotes, a quantifier as its
 * bounds, a group opening as its kind.  The walker does not validate: it
 * reads patterns PCRE2 has compiled, and marks what it cannot follow
 * (unterminated arguments, invalid UTF-8) for the analyses to give up on.
 * Extended mode (/x) is not followed; callers leave such patterns alone.
 */
#ifndef AMZ_RULES_PCRE_WALK_H
#define AMZ_RULES_PCRE_WALK_H

#include <glib.h>

typedef enum {
	PW_END,         /* the end of the pattern */
	PW_CHAR,        /* one literal character: c (plain, escaped "\.", or quoted \Q…\E) */
	PW_ESCAPE,      /* "\" and a letter or digit, with its argument: esc */
	PW_CLASS,       /* "[…]": its members with pcre_walk_class_next */
	PW_QUANT,       /* a quantifier on the atom before: min, max */
	PW_OPEN,        /* "(" and what says which group it is: group */
	PW_CLOSE,       /* ")" */
	PW_ALT,         /* "|" */
	PW_META,        /* ".", "^", "$", or a "{", "}", "]" that is no quantifier: c */
} PwKind;

typedef enum {
	PG_CAPTURE,             /* ( */
	PG_NONCAPTURE,          /* (?: */
	PG_BRANCH_RESET,        /* (?| */
	PG_ATOMIC,              /* (?> */
	PG_NAMED,               /* (?<name> (?'name' (?P<name> */
	PG_LOOKAHEAD,           /* (?= */
	PG_NEG_LOOKAHEAD,       /* (?! */
	PG_LOOKBEHIND,          /* (?<= */
	PG_NEG_LOOKBEHIND,      /* (?<! */
	PG_OPTIONS,             /* (?i) (?-i) alone, or (?i: opening a group */
	PG_COMMENT,             /* (?#…), read to its ")" */
	PG_REFERENCE,           /* (?R) (?1) (?-1) (?&name) (?P=name) (?P>name) (?C…), read to its ")" */
	PG_VERB,                /* (*…) */
	PG_OTHER,               /* conditionals and anything newer */
} PwGroup;

typedef struct {
	PwKind kind;
	gunichar c;             /* PW_CHAR (the byte itself when invalid), PW_META */
	gboolean invalid;       /* PW_CHAR: a byte that is not valid UTF-8 */
	char esc;               /* PW_ESCAPE: the letter or digit; '\0': "\" ends the pattern */
	gboolean bad;           /* PW_ESCAPE, PW_OPEN, PW_CLASS: unterminated, or a letter
	                         * PCRE2 does not know after "\" */
	gint min, max;          /* PW_QUANT; max -1: unbounded */
	PwGroup group;          /* PW_OPEN */
	gboolean name_alpha;    /* PG_NAMED: the name starts with a letter */
	const char *opt, *opt_end;      /* PG_OPTIONS: the option letters, "-" and "^" */
	gboolean setting;       /* PG_OPTIONS: "(?i)", no group follows */
	gboolean negated;       /* PW_CLASS: "[^…]" */
	const char *body, *body_end;    /* PW_CLASS: the members, without "^" and "]" */
} PwTok;

typedef struct {
	const char *p, *end;
	const char *quote_end;  /* inside \Q…\E: where its "\E" is (end when none); else NULL */
} PcreWalk;

void pcre_walk_init(PcreWalk *w, const char *pattern, gsize len);
/* pcre_walk_next - the next token; PW_END at the end, and then again */
void pcre_walk_next(PcreWalk *w, PwTok *t);
/* pcre_walk_peek - the next token, without taking it */
void pcre_walk_peek(const PcreWalk *w, PwTok *t);

/* The members of a class. */
typedef enum {
	PM_END,         /* the closing "]" */
	PM_BAD,         /* unterminated, or invalid UTF-8 */
	PM_CHAR,        /* one character: lo (escaped "\]" or plain) */
	PM_RANGE,       /* lo-hi; hi_escape: the upper end is an escape (hi unknown) */
	PM_ESCAPE,      /* "\d", "\p{L}", …: esc */
	PM_POSIX,       /* "[:alpha:]" */
	PM_QUOTE,       /* "\Q…\E" */
} PwMemberKind;

typedef struct {
	PwMemberKind kind;
	gunichar lo, hi;
	gboolean hi_escape;
	char esc;
} PwMember;

typedef struct {
	const char *p, *end;
	gboolean first;         /* a "]" here is a member */
} PwClass;

/* pcre_walk_class - the members of class token t */
void pcre_walk_class(PwClass *cw, const PwTok *t);
void pcre_walk_class_next(PwClass *cw, PwMember *m);

#endif
