/*
 * rules/prefilter.c - the literals a regex needs: those every match
 * contains, and those every match starts with.
 *
 * Most phrase rules scan the whole message text with patterns PCRE2 cannot
 * start quickly (\b, lookbehinds, \p{L}, [^.!?]{0,40}), so it tries every
 * position.  At load, rules_lits_extract() reads the pattern source and
 * derives a set of literals one of which every match must contain; at
 * evaluation the evaluator folds the text once, finds every literal of every
 * rule in one pass (rules/multipattern.h), and does not run a regex
 * whose literals are all absent.
 *
 * Soundness: the literals are a necessary condition, never more.  The
 * analysis only keeps what it understands: a branch's literal is a run of
 * plain characters that must be matched one after the other; anything else
 * (classes, escapes, anchors, lookarounds, backreferences, optional parts)
 * ends a run; (?:a|b) gives a set when every alternative has a literal;
 * constructs it cannot follow (verbs, conditionals, extended mode) give no
 * prefilter at all.  Literals and text are compared folded (rules/fold.c).
 *
 * Input: pattern text and PCRE2 compile flags, read as tokens through
 * rules/pcre_walk.h.  Output: a GPtrArray of folded literals (owned by the
 * caller; NULL: no prefilter).  rules/compile.c gives them ids in one
 * automaton (rules/multipattern.h) for the whole ruleset.
 */
#include <string.h>
#include "rules/internal.h"
#include "rules/pcre_walk.h"

#define LIT_MIN 3               /* weight below which a literal filters too little */

/* ---- literal extraction ---- */

typedef struct {
	PcreWalk w;
	gboolean bad;           /* something not understood: no prefilter */
	guint depth;
	gboolean prefix;        /* read for what matches start with, not contain */
	gboolean exact;         /* prefix reading: the last branch or group read matches
	                         * exactly one of the strings it returned */
} Lx;

#define LX_DEPTH_MAX 200        /* nested groups followed */


typedef GPtrArray LitSet;

static LitSet *set_new(void)
{
	return g_ptr_array_new_with_free_func(g_free);
}

static void set_free(LitSet *s)
{
	if (s)
		g_ptr_array_unref(s);
}

/* weight - how rare a literal is in mail text, roughly: a letter or digit
 * counts 1, common punctuation ½, other punctuation ("@", "%", "+") 3, each
 * byte of a non-ASCII character 1 (so "é" 2, "誤" and "★" 3) */
static double weight(const char *lit)
{
	double w = 0;
	for (const guchar *p = (const guchar *)lit; *p; p++) {
		if (*p >= 0x80 || g_ascii_isalnum(*p))
			w += 1;
		else if (g_ascii_isspace(*p))
			w += 0;
		else if (strchr(".,-'\"():;/!?", *p))
			w += 0.5;
		else
			w += 3;
	}
	return w;
}

/* Words in nearly every message to a buyer: still literals, but any other
 * literal of the branch filters better.  Sorted for bsearch. */
static const char *const common_words[] = {
	"all", "also", "and", "any", "are", "bestellung", "can", "che", "commande", "could",
	"das", "der", "des", "die", "for", "from", "get", "has", "have", "here", "ihr", "ihre",
	"item", "les", "may", "more", "need", "new", "not", "now", "one", "order", "orders",
	"our", "out", "para", "pedido", "please", "por", "pour", "see", "sie", "thank", "thanks",
	"that", "the", "this", "una", "und", "votre", "vous", "want", "was", "what", "which",
	"will", "with", "would", "you", "your",
};

static int cmp_word(const void *a, const void *b)
{
	return strcmp(a, *(const char *const *)b);
}

/* score - weight, less when the literal is a common word */
static double score(const char *lit)
{
	double w = weight(lit);
	if (bsearch(lit, common_words, G_N_ELEMENTS(common_words), sizeof(char *), cmp_word))
		w -= 2.5;
	return w;
}

/* set_weight - the weight of a set is that of its commonest literal */
static double set_weight(const LitSet *s)
{
	double m = G_MAXDOUBLE;
	for (guint i = 0; i < s->len; i++)
		m = MIN(m, weight(s->pdata[i]));
	return s->len ? m : 0;
}

static double set_score(const LitSet *s)
{
	double m = G_MAXDOUBLE;
	for (guint i = 0; i < s->len; i++)
		m = MIN(m, score(s->pdata[i]));
	return s->len ? m : 0;
}

/* better - a is a stronger filter than b: rarer commonest literal, then fewer */
static gboolean better(const LitSet *a, const LitSet *b)
{
	double wa = set_score(a), wb = set_score(b);
	return wa != wb ? wa > wb : a->len < b->len;
}

/* The state of one branch: the run being read, the candidate factors. */
typedef struct {
	GString *run;           /* folded literal characters in a row */
	gssize last;            /* start in run of the last character, -1: last atom not a character */
	LitSet *group;          /* the last atom was a group with this set (pending a quantifier) */
	LitSet *best;
} Branch;

static void offer(Branch *b, LitSet *s)
{
	if (s == NULL || set_weight(s) < LIT_MIN) {
		set_free(s);
		return;
	}
	if (b->best == NULL || better(s, b->best)) {
		set_free(b->best);
		b->best = s;
	} else {
		set_free(s);
	}
}

/* end_atom - the last atom can no longer be quantified: commit it */
static void end_atom(Branch *b)
{
	if (b->group) {
		offer(b, b->group);
		b->group = NULL;
	}
}

/* end_run - the run cannot grow: offer it */
static void end_run(Branch *b)
{
	if (b->run->len > 0) {
		LitSet *s = set_new();
		g_ptr_array_add(s, g_strndup(b->run->str, b->run->len));
		offer(b, s);
	}
	g_string_truncate(b->run, 0);
	b->last = -1;
}

/* other - an atom that is not a literal character */
static void other(Branch *b)
{
	end_run(b);
	end_atom(b);
}

static void lit_char(Branch *b, gunichar c)
{
	end_atom(b);
	if (!rules_lit_char_ok(c)) {
		end_run(b);
		return;
	}
	b->last = (gssize)b->run->len;
	g_string_append_unichar(b->run, rules_fold_char(c));
}

/* quantify - a quantifier with minimum min follows the last atom */
static void quantify(Branch *b, guint min)
{
	if (b->last >= 0) {
		if (min == 0)
			g_string_truncate(b->run, (gsize)b->last);
		end_run(b);             /* a repeated character cannot join what follows */
	} else if (b->group) {
		if (min == 0)
			g_clear_pointer(&b->group, set_free);
		end_atom(b);
	}
	b->last = -1;
}

/* class_set - a class token: the set of its members when it is a few plain
 * characters ("[@＠]", "[$€£]"), else NULL; bad when unterminated */
static LitSet *class_set(Lx *x, const PwTok *t)
{
	LitSet *s = set_new();
	gboolean plain = !t->negated;
	PwClass cw;
	PwMember m;

	pcre_walk_class(&cw, t);
	for (pcre_walk_class_next(&cw, &m); m.kind != PM_END && m.kind != PM_BAD;
	     pcre_walk_class_next(&cw, &m)) {
		if (m.kind != PM_CHAR || !rules_lit_char_ok(m.lo)) {
			plain = FALSE;
		} else if (plain) {
			char buf[8];
			buf[g_unichar_to_utf8(rules_fold_char(m.lo), buf)] = '\0';
			g_ptr_array_add(s, g_strdup(buf));
		}
	}
	if (m.kind == PM_BAD) {
		x->bad = TRUE;                  /* unterminated */
		plain = FALSE;
	}
	if (plain && s->len > 0 && s->len <= 8)
		return s;
	set_free(s);
	return NULL;
}

/* next_atom - the next token of the branch being read into t; FALSE at
 * its end ("|", ")", the end of the pattern) or when something is not
 * understood (x->bad).  A stray \E is passed over. */
static gboolean next_atom(Lx *x, PwTok *t)
{
	for (;;) {
		if (x->bad)
			return FALSE;
		pcre_walk_peek(&x->w, t);
		if (t->kind == PW_END || t->kind == PW_ALT || t->kind == PW_CLOSE)
			return FALSE;
		pcre_walk_next(&x->w, t);
		if (t->kind == PW_ESCAPE && t->esc == 'E')
			continue;
		if ((t->kind == PW_CHAR && t->invalid) || (t->kind == PW_ESCAPE && t->bad))
			x->bad = TRUE;
		else
			return TRUE;
	}
}

static LitSet *alternation(Lx *x);

/* group - an opening token: the group's literal set, or NULL when it has
 * none or does not consume (lookaround); *consumes says whether it is an
 * atom at all */
static LitSet *group(Lx *x, const PwTok *t, gboolean *consumes)
{
	LitSet *s = NULL;
	PwTok close;

	*consumes = TRUE;
	if (t->bad)
		x->bad = TRUE;
	switch (t->group) {
	case PG_VERB:                   /* (*ACCEPT), (*SKIP), (*pla:…) */
	case PG_OTHER:                  /* (?(cond)…) and anything newer */
		x->bad = TRUE;
		return NULL;
	case PG_COMMENT:
		*consumes = FALSE;
		return NULL;
	case PG_REFERENCE:              /* not literals */
		return NULL;
	case PG_OPTIONS:
		/* (?i) (?-i:…) (?i:…): options; extended mode changes what is literal */
		if (t->opt == t->opt_end || memchr(t->opt, 'x', t->opt_end - t->opt) != NULL)
			x->bad = TRUE;
		if (t->opt[0] == '-' && !(t->opt + 1 < t->opt_end && g_ascii_isalpha(t->opt[1]))) {
			/* "(?-)", "(?-:…)": taken as an atom without literals */
			if (!t->setting)
				set_free(alternation(x));
			else
				return NULL;
			break;
		}
		if (t->setting || t->opt == t->opt_end) {
			*consumes = FALSE;
			return NULL;
		}
		s = alternation(x);
		break;
	case PG_LOOKAHEAD:
	case PG_NEG_LOOKAHEAD:
	case PG_LOOKBEHIND:
	case PG_NEG_LOOKBEHIND:
		set_free(alternation(x));       /* read to skip it; it consumes nothing */
		*consumes = FALSE;
		break;
	default:
		s = alternation(x);
		break;
	}
	pcre_walk_next(&x->w, &close);
	if (close.kind != PW_CLOSE)
		x->bad = TRUE;
	return s;
}

/* branch - one alternative, up to "|" or ")": its best literal set */
static LitSet *branch(Lx *x)
{
	Branch b = { .run = g_string_new(NULL), .last = -1 };
	LitSet *out;
	PwTok t;

	while (next_atom(x, &t)) {
		switch (t.kind) {
		case PW_QUANT:
			quantify(&b, (guint)t.min);
			break;
		case PW_CHAR:
			lit_char(&b, t.c);
			break;
		case PW_CLASS: {
			LitSet *set = class_set(x, &t);
			other(&b);
			b.group = set;          /* like a group: may be quantified */
			break;
		}
		case PW_OPEN: {
			gboolean consumes;
			LitSet *s;
			if (++x->depth > LX_DEPTH_MAX) {
				x->bad = TRUE;
				break;
			}
			end_run(&b);
			end_atom(&b);
			s = group(x, &t, &consumes);
			x->depth--;
			if (consumes)
				b.group = s;            /* waits for a quantifier */
			else
				set_free(s);
			break;
		}
		default:
			other(&b);
			break;
		}
	}
	end_run(&b);
	end_atom(&b);
	out = b.best;
	g_string_free(b.run, TRUE);
	return out;
}

/* What every match of a branch starts with, read atom by atom: zero-width
 * atoms (\b, lookarounds, ^, option settings) may come anywhere; each
 * consuming atom that is a literal character, a small class or a group whose
 * every alternative is such a sequence multiplies the set of starts by its
 * choices ("e-?mail": email, e-mail; "m[óo]vil": movil, móvil), an optional
 * one adds the starts without it, and the first atom that is anything else
 * (or a repeat, or a set grown past PRE_SET_MAX) ends the prefix there.  No
 * consuming atom first, or only an optional one: no prefix. */
#define PRE_SET_MAX 64          /* strings in a prefix set */
#define PRE_LEN_MAX 32          /* bytes of one: longer tells the scan nothing more */

enum { PX_LEAD, PX_GROW, PX_DONE, PX_NONE };

typedef struct {
	int phase;
	LitSet *set;            /* PX_GROW, PX_DONE: every match starts with one of these */
	LitSet *before;         /* the set before the last atom, while a quantifier may follow it */
} Pre;

/* set_product - every a followed by every b; NULL when past the bounds */
static LitSet *set_product(const LitSet *a, const LitSet *b)
{
	LitSet *p;

	if ((gsize)a->len * b->len > PRE_SET_MAX)
		return NULL;
	p = set_new();
	for (guint i = 0; i < a->len; i++)
		for (guint j = 0; j < b->len; j++) {
			char *ab = g_strconcat(a->pdata[i], b->pdata[j], NULL);
			if (strlen(ab) > PRE_LEN_MAX) {
				g_free(ab);
				set_free(p);
				return NULL;
			}
			g_ptr_array_add(p, ab);
		}
	return p;
}

/* pre_atom - a consuming atom whose matches start with one of atom (NULL:
 * not known; taken), and are exactly one of them when exact */
static void pre_atom(Pre *b, LitSet *atom, gboolean exact)
{
	LitSet *grown;

	g_clear_pointer(&b->before, set_free);
	if (b->phase == PX_LEAD) {
		if (atom == NULL) {
			b->phase = PX_NONE;
			return;
		}
		b->before = set_new();
		g_ptr_array_add(b->before, g_strdup(""));
		b->set = atom;
		b->phase = exact ? PX_GROW : PX_DONE;
		return;
	}
	if (b->phase != PX_GROW || atom == NULL || (grown = set_product(b->set, atom)) == NULL) {
		if (b->phase == PX_GROW)
			b->phase = PX_DONE;
		set_free(atom);
		return;
	}
	set_free(atom);
	b->before = b->set;
	b->set = grown;
	b->phase = exact ? PX_GROW : PX_DONE;
}

/* pre_char - a character: an atom of one choice when it can be a literal */
static void pre_char(Pre *b, gunichar c)
{
	LitSet *one = NULL;

	if (rules_lit_char_ok(c)) {
		char buf[8];
		buf[g_unichar_to_utf8(rules_fold_char(c), buf)] = '\0';
		one = set_new();
		g_ptr_array_add(one, g_strdup(buf));
	}
	pre_atom(b, one, TRUE);
}

/* pre_quantify - a quantifier on the last atom: with min 0 the starts
 * without it count too; the prefix can grow past it only when it is "?" */
static void pre_quantify(Pre *b, gint min, gint max)
{
	if (b->before == NULL)
		return;         /* after zero-width atoms only, or the prefix had already ended */
	if (min == 0 && max == 1 && b->phase == PX_GROW) {
		for (guint i = 0; i < b->before->len; i++)
			g_ptr_array_add(b->set, g_strdup(b->before->pdata[i]));
	} else if (min == 0) {
		set_free(b->set);
		b->set = g_steal_pointer(&b->before);
		b->phase = PX_DONE;
	} else if (b->phase == PX_GROW) {
		b->phase = PX_DONE;     /* repeated: what follows is not known */
	}
	g_clear_pointer(&b->before, set_free);
}

/* prefix_branch - one alternative: the literals one of which starts every
 * match; x->exact says whether every match is exactly one of them */
static LitSet *prefix_branch(Lx *x)
{
	Pre b = { .phase = PX_LEAD };
	PwTok t;

	while (next_atom(x, &t)) {
		switch (t.kind) {
		case PW_QUANT:
			pre_quantify(&b, t.min, t.max);
			break;
		case PW_CHAR:
			pre_char(&b, t.c);
			break;
		case PW_ESCAPE:
			if (strchr("bBAzZGK", t.esc) != NULL)
				g_clear_pointer(&b.before, set_free);   /* zero-width */
			else
				pre_atom(&b, NULL, FALSE);
			break;
		case PW_CLASS: {
			LitSet *set = class_set(x, &t);
			pre_atom(&b, set, set != NULL);
			break;
		}
		case PW_OPEN: {
			gboolean consumes, exact;
			LitSet *s;
			if (++x->depth > LX_DEPTH_MAX) {
				x->bad = TRUE;
				break;
			}
			x->exact = FALSE;
			s = group(x, &t, &consumes);
			exact = x->exact;
			x->depth--;
			if (consumes) {
				pre_atom(&b, s, s != NULL && exact);
			} else {
				set_free(s);
				g_clear_pointer(&b.before, set_free);
			}
			break;
		}
		default:
			if (t.c == '^' || t.c == '$')
				g_clear_pointer(&b.before, set_free);
			else
				pre_atom(&b, NULL, FALSE);
			break;
		}
	}
	set_free(b.before);
	x->exact = b.phase == PX_GROW || b.phase == PX_LEAD;
	if (b.phase == PX_LEAD) {               /* nothing consumed: matches the empty string */
		b.set = set_new();
		g_ptr_array_add(b.set, g_strdup(""));
		return b.set;
	}
	if (b.phase == PX_NONE) {
		set_free(b.set);
		return NULL;
	}
	return b.set;
}

/* alternation - branches separated by "|": the union of their sets, or NULL
 * when one branch has none */
static LitSet *alternation(Lx *x)
{
	LitSet *all = set_new();
	gboolean none = FALSE, exact = TRUE;
	PwTok t;

	for (;;) {
		LitSet *s = x->prefix ? prefix_branch(x) : branch(x);
		exact = exact && s != NULL && x->exact;
		if (s == NULL) {
			none = TRUE;
		} else if (!none) {
			for (guint i = 0; i < s->len; i++)
				g_ptr_array_add(all, g_strdup(s->pdata[i]));
		}
		set_free(s);
		if (x->bad)
			break;
		pcre_walk_peek(&x->w, &t);
		if (t.kind != PW_ALT)
			break;
		pcre_walk_next(&x->w, &t);
	}
	x->exact = exact && !none && !x->bad;
	if (none || x->bad) {
		set_free(all);
		return NULL;
	}
	return all;
}

/* whole_pattern - the set alternation() finds for the whole pattern; NULL
 * for an extended-syntax pattern, an unbalanced ")" or an error */
static LitSet *whole_pattern(Lx *x, const char *pattern, guint32 flags)
{
	LitSet *s;
	PwTok t;

	if (flags & PCRE2_EXTENDED)
		return NULL;
	pcre_walk_init(&x->w, pattern, strlen(pattern));
	s = alternation(x);
	pcre_walk_peek(&x->w, &t);
	if (x->bad || t.kind != PW_END) {
		set_free(s);
		return NULL;
	}
	return s;
}

/* rules_lits_extract - folded literals one of which every match of the
 * pattern contains (duplicates removed); NULL when there is no such set */
GPtrArray *rules_lits_extract(const char *pattern, guint32 flags)
{
	Lx x = { 0 };
	LitSet *s = whole_pattern(&x, pattern, flags);

	if (s != NULL) {
		/* one literal containing another: the shorter is enough */
		GPtrArray *keep = set_new();
		for (guint i = 0; i < s->len; i++) {
			const char *a = s->pdata[i];
			gboolean redundant = FALSE;
			for (guint j = 0; j < s->len && !redundant; j++) {
				const char *b = s->pdata[j];
				if (i == j)
					continue;
				if (strstr(a, b) != NULL && (strcmp(a, b) != 0 || j < i))
					redundant = TRUE;
			}
			if (!redundant)
				g_ptr_array_add(keep, g_strdup(a));
		}
		set_free(s);
		s = keep;
	}
	return s;
}

/* rules_prefix_extract - folded literals one of which every match of the
 * pattern starts with (at the byte where the match starts, zero-width
 * assertions aside), each at least two bytes long; NULL when there is no
 * such set.  The evaluator then tries the pattern only where one of them
 * is, instead of at every position. */
GPtrArray *rules_prefix_extract(const char *pattern, guint32 flags)
{
	Lx x = { .prefix = TRUE };
	LitSet *s = whole_pattern(&x, pattern, flags), *keep;

	if (s == NULL)
		return NULL;
	/* a literal that starts with another is covered by it */
	keep = set_new();
	for (guint i = 0; i < s->len && keep != NULL; i++) {
		const char *a = s->pdata[i];
		gboolean redundant = FALSE;
		if (strlen(a) < 2) {
			g_clear_pointer(&keep, set_free);   /* too common to try only there */
			break;
		}
		for (guint j = 0; j < s->len && !redundant; j++) {
			const char *b = s->pdata[j];
			if (i != j && g_str_has_prefix(a, b) && (strcmp(a, b) != 0 || j < i))
				redundant = TRUE;
		}
		if (!redundant)
			g_ptr_array_add(keep, g_strdup(a));
	}
	set_free(s);
	return keep;
}
