/*
 * rules/prefilter.c - required literals of a regex, and one pass over a
 * text that finds them all.
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
 * prefilter at all.  Literals and text are compared after rules_fold(),
 * which maps every character to the representative of its PCRE2 caseless
 * set, so a literal found in the original text under /i or /iu is found in
 * the folded text; literal characters are limited to ranges where that
 * holds (test_rules.c checks it against PCRE2 over every code point).
 *
 * Input: pattern text and PCRE2 compile flags; the folded literals of every
 * regex.  Output: a GPtrArray of folded literals per regex (NULL: no
 * prefilter); TRUE when a pattern is sentence-scoped.
 */
#include <string.h>
#include "rules/internal.h"

#define LIT_MIN 3               /* weight below which a literal filters too little */

/* ---- case folding ---- */

/* rules_fold_char - the representative of c's caseless set */
gunichar rules_fold_char(gunichar c)
{
	if (c < 0x80)
		return g_ascii_tolower((char)c);
	switch (c) {
	case 0x017F: return 's';        /* long s */
	case 0x212A: return 'k';        /* Kelvin sign */
	case 0x212B: return 0xE5;       /* Angstrom sign */
	case 0x1E9E: return 0xDF;       /* capital sharp s */
	case 0x1E9B: return 0x1E61;     /* long s with dot above */
	default: return g_unichar_tolower(c);
	}
}

/* rules_lit_char_ok - c may be part of a literal: its caseless set is known
 * to fold to one character (checked by the unit tests) */
gboolean rules_lit_char_ok(gunichar c)
{
	return (c >= 0x20 && c < 0x7F) ||
	       (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7) ||
	       (c >= 0x1E00 && c <= 0x1EFF) ||
	       (c >= 0x2000 && c <= 0x20CF) ||          /* punctuation, currency (€) */
	       (c >= 0x2190 && c <= 0x2BFF) ||          /* arrows, shapes, symbols, dingbats */
	       (c >= 0x3000 && c <= 0x30FF) ||          /* CJK punctuation, kana */
	       (c >= 0x4E00 && c <= 0x9FFF) ||          /* CJK ideographs */
	       (c >= 0xFF00 && c <= 0xFFEF);            /* full- and half-width forms */
}

/* rules_fold - append the folded s[0..len) to out; invalid UTF-8 bytes are
 * copied as they are.  TRUE when s is valid UTF-8 and every character
 * folded to as many bytes as it had, so an offset in out is the same
 * offset in s. */
gboolean rules_fold(const char *s, gsize len, GString *out)
{
	gboolean aligned = TRUE;
	const guchar *p = (const guchar *)s, *end = p + len;
	gsize at = out->len;
	char *w;

	/* folding never makes a character longer, except the three signs
	 * above: room for twice the text covers any mix */
	g_string_set_size(out, at + len * 2 + 8);
	w = out->str + at;
	while (p < end) {
		if (*p < 0x80) {        /* g_ascii_tolower, without a call per byte */
			guchar b = *p++;
			*w++ = (char)((unsigned)(b - 'A') < 26u ? b + ('a' - 'A') : b);
			continue;
		}
		gunichar c = g_utf8_get_char_validated((const char *)p, end - p);
		if (c == (gunichar)-1 || c == (gunichar)-2) {
			*w++ = (char)*p++;
			aligned = FALSE;
			continue;
		}
		const guchar *q = (const guchar *)g_utf8_next_char(p);
		int n = g_unichar_to_utf8(rules_fold_char(c), w);
		aligned &= n == q - p;
		w += n;
		p = q;
	}
	g_string_set_size(out, w - out->str);
	return aligned;
}

/* ---- literal extraction ---- */

typedef struct {
	const char *p, *end;
	gboolean bad;           /* something not understood: no prefilter */
	guint depth;
	gboolean prefix;        /* read for what matches start with, not contain */
	gboolean exact;         /* prefix reading: the last branch or group read matches
	                         * exactly one of the strings it returned */
} Lx;

/* A set of literals one of which must appear; NULL when there is none. */
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

/* quantifier_range - the minimum of a quantifier at x->p, or -1 when none;
 * *max its maximum (-1: unbounded) */
static gint quantifier_range(Lx *x, gint *max)
{
	const char *p = x->p;
	gint min = 0;

	*max = -1;
	if (*p == '*' || *p == '?') {
		x->p++;
		min = 0;
		*max = *p == '?' ? 1 : -1;
	} else if (*p == '+') {
		x->p++;
		min = 1;
	} else if (*p == '{') {
		/* {n} {n,} {n,m}, and {,m} of newer PCRE2; anything else is a literal "{" */
		const char *q = p + 1;
		gboolean digit = FALSE, comma = FALSE, mdigit = FALSE;
		guint n = 0, m = 0;
		while (q < x->end && (g_ascii_isdigit(*q) || *q == ',' || *q == ' ')) {
			if (*q == ',')
				comma = TRUE;
			else if (g_ascii_isdigit(*q)) {
				digit = TRUE;
				if (!comma)
					n = MIN(n * 10 + (guint)(*q - '0'), 65535);
				else {
					mdigit = TRUE;
					m = MIN(m * 10 + (guint)(*q - '0'), 65535);
				}
			}
			q++;
		}
		if (q >= x->end || *q != '}' || !digit)
			return -1;
		x->p = q + 1;
		min = (gint)n;
		*max = !comma ? (gint)n : mdigit ? (gint)m : -1;
	} else {
		return -1;
	}
	if (x->p < x->end && (*x->p == '?' || *x->p == '+'))   /* lazy, possessive */
		x->p++;
	return min;
}

/* quantifier - the minimum of a quantifier at x->p, or -1 when none */
static gint quantifier(Lx *x)
{
	gint max;
	return quantifier_range(x, &max);
}

/* skip_to - past the first c (for names and comments); bad when missing */
static void skip_to(Lx *x, char c)
{
	const char *q = memchr(x->p, c, x->end - x->p);
	if (q == NULL) {
		x->bad = TRUE;
		x->p = x->end;
	} else {
		x->p = q + 1;
	}
}

/* skip_braced - an optional {…} after an escape letter */
static void skip_braced(Lx *x)
{
	if (x->p < x->end && *x->p == '{')
		skip_to(x, '}');
}

/* escape - after "\": a literal character (*c) or an atom that is not one */
static gboolean escape(Lx *x, gunichar *c)
{
	char e;

	if (x->p >= x->end) {
		x->bad = TRUE;
		return FALSE;
	}
	e = *x->p;
	if (!g_ascii_isalnum(e)) {
		*c = g_utf8_get_char_validated(x->p, x->end - x->p);
		if (*c == (gunichar)-1 || *c == (gunichar)-2) {
			x->bad = TRUE;
			return FALSE;
		}
		x->p = g_utf8_next_char(x->p);
		return TRUE;
	}
	x->p++;
	switch (e) {
	/* assertions and classes of one letter */
	case 'b': case 'B': case 'A': case 'z': case 'Z': case 'G': case 'K':
	case 'd': case 'D': case 's': case 'S': case 'w': case 'W': case 'h': case 'H':
	case 'v': case 'V': case 'R': case 'X': case 'C':
	case 'n': case 't': case 'r': case 'f': case 'e': case 'a':
		return FALSE;
	case 'N':                               /* \N, \N{U+hh} */
	case 'o':                               /* \o{ooo} */
		skip_braced(x);
		return FALSE;
	case 'p': case 'P':                     /* \pL, \p{Latin} */
		if (x->p < x->end && *x->p == '{')
			skip_to(x, '}');
		else if (x->p < x->end)
			x->p++;
		return FALSE;
	case 'x':                               /* \xhh, \x{hhh} */
		if (x->p < x->end && *x->p == '{')
			skip_to(x, '}');
		else
			for (int i = 0; i < 2 && x->p < x->end && g_ascii_isxdigit(*x->p); i++)
				x->p++;
		return FALSE;
	case 'c':                               /* \cX */
		if (x->p < x->end)
			x->p++;
		return FALSE;
	case 'g':                               /* \g1 \g-1 \g{name} \g<name> \g'name' */
	case 'k':                               /* \k<name> \k'name' \k{name} */
		if (x->p < x->end && *x->p == '{')
			skip_to(x, '}');
		else if (x->p < x->end && *x->p == '<')
			skip_to(x, '>');
		else if (x->p < x->end && *x->p == '\'') {
			x->p++;
			skip_to(x, '\'');
		} else {
			if (x->p < x->end && (*x->p == '-' || *x->p == '+'))
				x->p++;
			while (x->p < x->end && g_ascii_isdigit(*x->p))
				x->p++;
		}
		return FALSE;
	default:
		if (g_ascii_isdigit(e)) {               /* backreference or octal */
			while (x->p < x->end && g_ascii_isdigit(*x->p))
				x->p++;
			return FALSE;
		}
		x->bad = TRUE;                          /* \Q is handled by the caller */
		return FALSE;
	}
}

/* skip_class - past "[…]" (x->p after the "["); a class of a few plain
 * characters ("[@＠]", "[$€£]") is a set of one-character literals in *set */
static void skip_class(Lx *x, LitSet **set)
{
	LitSet *s = set_new();
	gboolean plain = TRUE;

	*set = NULL;
	if (x->p < x->end && *x->p == '^') {
		x->p++;
		plain = FALSE;
	}
	if (x->p < x->end && *x->p == ']') {     /* a leading "]" is a member */
		x->p++;
		g_ptr_array_add(s, g_strdup("]"));
	}
	while (x->p < x->end) {
		gunichar c;
		if (*x->p == ']') {
			x->p++;
			if (plain && s->len > 0 && s->len <= 8)
				*set = s;
			else
				set_free(s);
			return;
		}
		if (*x->p == '\\') {
			x->p++;
			if (x->p >= x->end)
				break;
			if (*x->p == 'Q') {
				const char *q = g_strstr_len(x->p, x->end - x->p, "\\E");
				x->p = q ? q + 2 : x->end;
				plain = FALSE;
				continue;
			}
			if (g_ascii_isalnum(*x->p)) {
				/* \d \p{…} \x{…} …: skip its argument like escape() does */
				plain = FALSE;
				char e = *x->p++;
				if ((e == 'p' || e == 'P' || e == 'x' || e == 'N' || e == 'o') && x->p < x->end && *x->p == '{')
					skip_to(x, '}');
				else if ((e == 'p' || e == 'P') && x->p < x->end)
					x->p++;
				continue;
			}
		} else if (*x->p == '[' && x->p + 1 < x->end && (x->p[1] == ':' || x->p[1] == '.' || x->p[1] == '=')) {
			const char *q = g_strstr_len(x->p, x->end - x->p, ":]");
			if (q == NULL)
				break;
			x->p = q + 2;
			plain = FALSE;
			continue;
		} else if (*x->p == '-' && s->len > 0 && x->p + 1 < x->end && x->p[1] != ']') {
			plain = FALSE;                  /* a range */
		}
		c = g_utf8_get_char_validated(x->p, x->end - x->p);
		if (c == (gunichar)-1 || c == (gunichar)-2)
			break;
		x->p = g_utf8_next_char(x->p);
		if (!rules_lit_char_ok(c)) {
			plain = FALSE;
		} else if (plain) {
			char buf[8];
			buf[g_unichar_to_utf8(rules_fold_char(c), buf)] = '\0';
			g_ptr_array_add(s, g_strdup(buf));
		}
	}
	set_free(s);
	x->bad = TRUE;                          /* unterminated */
}

/* plain_char - the character at x->p, stepped over; FALSE (and bad) on
 * invalid UTF-8 */
static gboolean plain_char(Lx *x, gunichar *c)
{
	*c = g_utf8_get_char_validated(x->p, x->end - x->p);
	if (*c == (gunichar)-1 || *c == (gunichar)-2) {
		x->bad = TRUE;
		return FALSE;
	}
	x->p = g_utf8_next_char(x->p);
	return TRUE;
}

/* quoted_char - inside \Q…\E (x->p past the "Q"): the next quoted
 * character; FALSE, with x->p past the \E (or at the end), when none is left */
static gboolean quoted_char(Lx *x, gunichar *c)
{
	const char *e = g_strstr_len(x->p, x->end - x->p, "\\E");

	if (x->p == (e ? e : x->end)) {
		x->p = e ? e + 2 : x->end;
		return FALSE;
	}
	return plain_char(x, c);
}

static LitSet *alternation(Lx *x);
static LitSet *prefix_branch(Lx *x);

/* group - after "(": the group's literal set, or NULL when it has none or
 * does not consume (lookaround); *atom says whether it is an atom at all */
static LitSet *group(Lx *x, gboolean *consumes)
{
	LitSet *s;

	*consumes = TRUE;
	if (x->p < x->end && *x->p == '*') {    /* verbs: (*ACCEPT), (*SKIP), (*pla:…) */
		x->bad = TRUE;
		return NULL;
	}
	if (x->p < x->end && *x->p == '?') {
		x->p++;
		char k = x->p < x->end ? *x->p : '\0';
		if (k == '#') {
			skip_to(x, ')');
			*consumes = FALSE;
			return NULL;
		}
		if (k == '=' || k == '!' || (k == '<' && x->p + 1 < x->end && (x->p[1] == '=' || x->p[1] == '!'))) {
			x->p += k == '<' ? 2 : 1;
			set_free(alternation(x));   /* read to skip it; it consumes nothing */
			*consumes = FALSE;
			goto close;
		}
		if (k == ':' || k == '|' || k == '>') {
			x->p++;
		} else if (k == '<' || k == '\'') {     /* (?<name>…) (?'name'…) */
			x->p++;
			skip_to(x, k == '<' ? '>' : '\'');
		} else if (k == 'P' && x->p + 1 < x->end && x->p[1] == '<') {
			x->p += 2;
			skip_to(x, '>');
		} else if (k == 'P' || k == 'R' || k == '&' || k == '+' || k == '-' ||
		           g_ascii_isdigit(k) || k == 'C') {
			/* (?P=name) (?P>name) (?R) (?&name) (?1) (?-1) (?C…): not literals,
			 * except that (?-i) is an option setting */
			if (k == '-' && x->p + 1 < x->end && g_ascii_isalpha(x->p[1]))
				goto options;
			skip_to(x, ')');
			return NULL;
		} else if (g_ascii_isalpha(k) || k == '^') {
options:
			/* (?i) (?-i:…) (?i:…): options; extended mode changes what is literal */
			while (x->p < x->end && (g_ascii_isalpha(*x->p) || *x->p == '-' || *x->p == '^')) {
				if (*x->p == 'x')
					x->bad = TRUE;
				x->p++;
			}
			if (x->p < x->end && *x->p == ')') {
				x->p++;
				*consumes = FALSE;
				return NULL;
			}
			if (x->p < x->end && *x->p == ':')
				x->p++;
			else
				x->bad = TRUE;
		} else {
			x->bad = TRUE;                  /* (?(cond)…) and anything newer */
			return NULL;
		}
	}
	s = alternation(x);
	goto close2;
close:
	s = NULL;
close2:
	if (x->p < x->end && *x->p == ')')
		x->p++;
	else
		x->bad = TRUE;
	return s;
}

/* branch - one alternative, up to "|" or ")": its best literal set */
static LitSet *branch(Lx *x)
{
	Branch b = { .run = g_string_new(NULL), .last = -1 };
	LitSet *out;

	while (x->p < x->end && !x->bad && *x->p != '|' && *x->p != ')') {
		char ch = *x->p;
		gint min = quantifier(x);
		gunichar c;

		if (min >= 0) {
			quantify(&b, (guint)min);
			continue;
		}
		x->p++;
		switch (ch) {
		case '\\':
			if (x->p < x->end && *x->p == 'Q') {        /* \Q…\E: every character literal */
				x->p++;
				while (quoted_char(x, &c))
					lit_char(&b, c);
			} else if (x->p < x->end && *x->p == 'E') {
				x->p++;                                 /* a stray \E is ignored */
			} else if (escape(x, &c)) {
				lit_char(&b, c);
			} else {
				other(&b);
			}
			break;
		case '[': {
			LitSet *set;
			skip_class(x, &set);
			other(&b);
			b.group = set;          /* like a group: may be quantified */
			break;
		}
		case '(': {
			gboolean consumes;
			LitSet *s;
			x->depth++;
			if (x->depth > 200) {
				x->bad = TRUE;
				break;
			}
			end_run(&b);
			end_atom(&b);
			s = group(x, &consumes);
			x->depth--;
			if (consumes)
				b.group = s;            /* waits for a quantifier */
			else
				set_free(s);
			break;
		}
		case '.': case '^': case '$': case '{': case '}': case ']':
			other(&b);
			break;
		default:
			x->p--;
			if (plain_char(x, &c))
				lit_char(&b, c);
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

	while (x->p < x->end && !x->bad && *x->p != '|' && *x->p != ')') {
		char ch = *x->p;
		gint max, min = quantifier_range(x, &max);
		gunichar c;

		if (min >= 0) {
			pre_quantify(&b, min, max);
			continue;
		}
		x->p++;
		switch (ch) {
		case '\\':
			if (x->p < x->end && *x->p == 'Q') {
				x->p++;
				while (quoted_char(x, &c))
					pre_char(&b, c);
			} else if (x->p < x->end && *x->p == 'E') {
				x->p++;
			} else if (x->p < x->end && strchr("bBAzZGK", *x->p) != NULL) {
				x->p++;                                 /* zero-width */
				g_clear_pointer(&b.before, set_free);
			} else if (escape(x, &c)) {
				pre_char(&b, c);
			} else {
				pre_atom(&b, NULL, FALSE);
			}
			break;
		case '[': {
			LitSet *set;
			skip_class(x, &set);
			pre_atom(&b, set, set != NULL);
			break;
		}
		case '(': {
			gboolean consumes, exact;
			LitSet *s;
			if (++x->depth > 200) {
				x->bad = TRUE;
				break;
			}
			x->exact = FALSE;
			s = group(x, &consumes);
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
		case '^': case '$':
			g_clear_pointer(&b.before, set_free);
			break;
		case '.': case '{': case '}': case ']':
			pre_atom(&b, NULL, FALSE);
			break;
		default:
			x->p--;
			if (plain_char(x, &c))
				pre_char(&b, c);
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
		if (x->bad || x->p >= x->end || *x->p != '|')
			break;
		x->p++;
	}
	x->exact = exact && !none && !x->bad;
	if (none || x->bad) {
		set_free(all);
		return NULL;
	}
	return all;
}

/* rules_lits_extract - folded literals one of which every match of the
 * pattern contains (duplicates removed); NULL when there is no such set */
GPtrArray *rules_lits_extract(const char *pattern, guint32 flags)
{
	Lx x = { .p = pattern, .end = pattern + strlen(pattern) };
	LitSet *s;

	if (flags & PCRE2_EXTENDED)
		return NULL;
	s = alternation(&x);
	if (x.bad || x.p != x.end) {             /* an unbalanced ")" or an error */
		set_free(s);
		return NULL;
	}
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
	Lx x = { .p = pattern, .end = pattern + strlen(pattern), .prefix = TRUE };
	LitSet *s, *keep;

	if (flags & PCRE2_EXTENDED)
		return NULL;
	s = alternation(&x);
	if (s == NULL || x.bad || x.p != x.end) {
		set_free(s);
		return NULL;
	}
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

/* ---- sentence-scoped patterns ---- */

/*
 * Phrase rules often look at one sentence from its start:
 *   (?:^|(?<=[.!?\n]))(?=[^.!?\n]*?WORDS)…
 * PCRE2 tries such a pattern at every position of the text.  When nothing
 * after that opening can match ".", "!" or "?", every match starts a
 * sentence and everything it needs (its literals among them) lies before
 * the next ".", "!" or "?"; the evaluator then tries it only at the
 * sentence starts from which one of its literals can be reached.  Anything
 * the reader below does not understand, it counts as able to match them.
 */
#define SENTENCE_START "(?:^|(?<=[.!?\\n]))"

static gboolean is_punct(gunichar c)
{
	return c == '.' || c == '!' || c == '?';
}

/* class_punct - p after "[": past the class in *p; TRUE when it may match
 * ".", "!" or "?" (a negated class unless it lists all three) */
static gboolean class_punct(const char **pp, const char *end)
{
	const char *p = *pp;
	gboolean neg = FALSE, may = FALSE, first = TRUE;
	guint listed = 0;               /* bits: "." "!" "?" named in the class */

	if (p < end && *p == '^') {
		neg = TRUE;
		p++;
	}
	while (p < end) {
		gunichar c, hi;
		if (*p == ']' && !first) {
			*pp = p + 1;
			return neg ? listed != 7 : may;
		}
		first = FALSE;
		if (*p == '[' && p + 1 < end && strchr(":.=", p[1]) != NULL) {
			const char *q = g_strstr_len(p, end - p, ":]");
			if (q == NULL)
				break;
			p = q + 2;
			may = TRUE;             /* [:punct:] and friends */
			continue;
		}
		if (*p == '\\') {
			if (++p >= end)
				break;
			if (g_ascii_isalnum(*p)) {
				/* \d \w \s \h \v \n \t \r \f \e \a \b never match them */
				if (strchr("dwshvntrfeab", *p) == NULL)
					may = TRUE;
				p++;
				continue;
			}
		}
		c = g_utf8_get_char_validated(p, end - p);
		if (c == (gunichar)-1 || c == (gunichar)-2)
			break;
		p = g_utf8_next_char(p);
		hi = c;
		if (p + 1 < end && *p == '-' && p[1] != ']') {          /* a range c-hi */
			p++;
			if (*p == '\\') {
				may = TRUE;
				p++;
				if (p < end)
					p = g_utf8_next_char(p);
				continue;
			}
			hi = g_utf8_get_char_validated(p, end - p);
			if (hi == (gunichar)-1 || hi == (gunichar)-2)
				break;
			p = g_utf8_next_char(p);
		}
		if ((c <= '.' && hi >= '.') || (c <= '!' && hi >= '!') || (c <= '?' && hi >= '?')) {
			may = TRUE;
			if (c == hi)
				listed |= c == '.' ? 1 : c == '!' ? 2 : 4;
		}
	}
	*pp = end;
	return TRUE;                    /* unterminated: not understood */
}

/* rest_punct - TRUE when something in p..end may match ".", "!" or "?" or
 * look behind the position it is tried at, or when there is a top-level
 * alternative (a match that need not start a sentence) */
static gboolean rest_punct(const char *p, const char *end)
{
	guint depth = 0;

	while (p < end) {
		char c = *p++;
		switch (c) {
		case '\\':
			if (p >= end)
				return TRUE;
			if (*p == 'Q') {                        /* \Q…\E: literal text */
				const char *e = g_strstr_len(p, end - p, "\\E");
				const char *stop = e ? e : end;
				for (const char *q = p + 1; q < stop; q++)
					if (is_punct((guchar)*q))
						return TRUE;
				p = e ? e + 2 : end;
			} else if (g_ascii_isalnum(*p)) {
				/* assertions, \K, and classes that never match them */
				if (strchr("bBAzZGKdwshvRntrfea", *p) == NULL)
					return TRUE;
				p++;
			} else {
				if (is_punct((guchar)*p))
					return TRUE;
				p = g_utf8_next_char(p);
			}
			break;
		case '[':
			if (class_punct(&p, end))
				return TRUE;
			break;
		case '.': case '!':
			return TRUE;
		case '(':
			depth++;
			if (p < end && *p == '*')
				return TRUE;                    /* verbs */
			if (p < end && *p == '?') {
				p++;
				if (p < end && (*p == ':' || *p == '=' || *p == '!' || *p == '>' || *p == '|')) {
					p++;
				} else if (p + 1 < end && *p == '<' && p[1] == '!') {
					p += 2;                         /* a negative lookbehind */
				} else if (p < end && (*p == '<' || *p == 'P' || *p == '\'')) {
					/* (?<name>, (?'name', (?P<name>; a positive lookbehind,
					 * (?P= and (?P> are not understood */
					if (*p == 'P')
						p++;
					if (p >= end || (*p != '<' && *p != '\'') || p + 1 >= end || !g_ascii_isalpha(p[1]))
						return TRUE;
					p = memchr(p, *p == '<' ? '>' : '\'', end - p);
					if (p == NULL)
						return TRUE;
					p++;
				} else {
					/* inline options (?i) (?-i:…); extended mode, conditionals,
					 * recursion and comments are not followed */
					while (p < end && *p != '\0' && strchr("imnsJU-^", *p) != NULL)
						p++;
					if (p >= end || (*p != ')' && *p != ':'))
						return TRUE;
					if (*p == ')')
						depth--;
					p++;
				}
			}
			break;
		case ')':
			if (depth == 0)
				return TRUE;
			depth--;
			break;
		case '|':
			if (depth == 0)
				return TRUE;
			break;
		default:
			/* quantifiers and anchors match nothing; a literal character */
			if ((guchar)c >= 0x80) {
				p--;
				p = g_utf8_next_char(p);
			}
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

	if ((flags & PCRE2_EXTENDED) || strncmp(pattern, SENTENCE_START, n) != 0)
		return FALSE;
	return !rest_punct(pattern + n, pattern + strlen(pattern));
}
