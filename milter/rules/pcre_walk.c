/*
 * rules/pcre_walk.c - PCRE2 pattern source -> tokens (see pcre_walk.h).
 *
 * Input: the bytes of a pattern.  Output: tokens and class members that
 * point into it (nothing is allocated).  The escapes and their arguments
 * follow PCRE2's syntax: \xhh \x{h…} \o{…} \N{U+h…} \cX \pL \p{…} \g1 \g{…}
 * \g<…> \k<…> \k'…' \k{…} and backreferences or octals in digits.
 */
#include <string.h>
#include "rules/pcre_walk.h"

/* The one-letter escapes: assertions, classes and control characters. */
#define ESC_SINGLE "bBAzZGKdDsSwWhHvVRXCntrfea"

void pcre_walk_init(PcreWalk *w, const char *pattern, gsize len)
{
	w->p = pattern;
	w->end = pattern + len;
	w->quote_end = NULL;
}

/* skip_to - p past the first c (for names, comments and arguments); FALSE,
 * with p at the end, when there is none */
static gboolean skip_to(const char **p, const char *end, char c)
{
	const char *q = memchr(*p, c, end - *p);

	*p = q ? q + 1 : end;
	return q != NULL;
}

/* read_char - the character at *p, stepped over; an invalid byte is taken
 * alone (step 1) or with what its lead byte claims (step_lead), as the
 * readers before this one did outside and inside \Q…\E */
static gunichar read_char(const char **p, const char *end, gboolean step_lead, gboolean *invalid)
{
	gunichar c = g_utf8_get_char_validated(*p, end - *p);

	*invalid = c == (gunichar)-1 || c == (gunichar)-2;
	if (*invalid) {
		c = (guchar)**p;
		*p = step_lead ? MIN(g_utf8_next_char(*p), end) : *p + 1;
	} else {
		*p = g_utf8_next_char(*p);
	}
	return c;
}

/* quantifier - the quantifier at *p into t (stepped over), FALSE when none */
static gboolean quantifier(const char **pp, const char *end, PwTok *t)
{
	const char *p = *pp;

	t->max = -1;
	if (*p == '*' || *p == '?') {
		t->min = 0;
		t->max = *p == '?' ? 1 : -1;
		p++;
	} else if (*p == '+') {
		t->min = 1;
		p++;
	} else if (*p == '{') {
		/* {n} {n,} {n,m}, and {,m} of newer PCRE2; anything else is a literal "{" */
		const char *q = p + 1;
		gboolean digit = FALSE, comma = FALSE, mdigit = FALSE;
		guint n = 0, m = 0;
		while (q < end && (g_ascii_isdigit(*q) || *q == ',' || *q == ' ')) {
			if (*q == ',') {
				comma = TRUE;
			} else if (g_ascii_isdigit(*q)) {
				digit = TRUE;
				if (!comma) {
					n = MIN(n * 10 + (guint)(*q - '0'), 65535);
				} else {
					mdigit = TRUE;
					m = MIN(m * 10 + (guint)(*q - '0'), 65535);
				}
			}
			q++;
		}
		if (q >= end || *q != '}' || !digit)
			return FALSE;
		p = q + 1;
		t->min = (gint)n;
		t->max = !comma ? (gint)n : mdigit ? (gint)m : -1;
	} else {
		return FALSE;
	}
	if (p < end && (*p == '?' || *p == '+'))   /* lazy, possessive */
		p++;
	*pp = p;
	return TRUE;
}

/* escape_argument - past the argument of escape letter e at *p; FALSE when
 * it is unterminated or e is not an escape PCRE2 knows */
static gboolean escape_argument(const char **pp, const char *end, char e)
{
	const char *p = *pp;
	gboolean ok = TRUE;

	if (strchr(ESC_SINGLE, e) != NULL)
		return TRUE;
	switch (e) {
	case 'N':                               /* \N, \N{U+hh} */
	case 'o':                               /* \o{ooo} */
		if (p < end && *p == '{')
			ok = skip_to(&p, end, '}');
		break;
	case 'p': case 'P':                     /* \pL, \p{Latin} */
		if (p < end && *p == '{')
			ok = skip_to(&p, end, '}');
		else if (p < end)
			p++;
		break;
	case 'x':                               /* \xhh, \x{hhh} */
		if (p < end && *p == '{')
			ok = skip_to(&p, end, '}');
		else
			for (int i = 0; i < 2 && p < end && g_ascii_isxdigit(*p); i++)
				p++;
		break;
	case 'c':                               /* \cX */
		if (p < end)
			p++;
		break;
	case 'g':                               /* \g1 \g-1 \g{name} \g<name> \g'name' */
	case 'k':                               /* \k<name> \k'name' \k{name} */
		if (p < end && *p == '{') {
			ok = skip_to(&p, end, '}');
		} else if (p < end && *p == '<') {
			ok = skip_to(&p, end, '>');
		} else if (p < end && *p == '\'') {
			p++;
			ok = skip_to(&p, end, '\'');
		} else {
			if (p < end && (*p == '-' || *p == '+'))
				p++;
			while (p < end && g_ascii_isdigit(*p))
				p++;
		}
		break;
	default:
		if (!g_ascii_isdigit(e))
			return FALSE;
		while (p < end && g_ascii_isdigit(*p))      /* backreference or octal */
			p++;
		break;
	}
	*pp = p;
	return ok;
}

/* escape - after "\" */
static void escape(PcreWalk *w, PwTok *t)
{
	if (w->p >= w->end) {
		t->kind = PW_ESCAPE;
		t->esc = '\0';
		t->bad = TRUE;
		return;
	}
	if (*w->p == 'Q') {                     /* the quoted characters follow */
		const char *e = g_strstr_len(w->p + 1, w->end - w->p - 1, "\\E");
		w->p++;
		w->quote_end = e ? e : w->end;
		pcre_walk_next(w, t);
		return;
	}
	if (!g_ascii_isalnum(*w->p)) {
		t->kind = PW_CHAR;
		t->c = read_char(&w->p, w->end, TRUE, &t->invalid);
		return;
	}
	t->kind = PW_ESCAPE;
	t->esc = *w->p++;
	t->bad = t->esc != 'E' && !escape_argument(&w->p, w->end, t->esc);
}

/* group - after "(" */
static void group(PcreWalk *w, PwTok *t)
{
	const char *p = w->p, *end = w->end;
	char k;

	t->kind = PW_OPEN;
	t->group = PG_CAPTURE;
	if (p < end && *p == '*') {
		t->group = PG_VERB;
		return;
	}
	if (p >= end || *p != '?')
		return;
	p++;
	k = p < end ? *p : '\0';
	if (k == '#') {
		t->group = PG_COMMENT;
		t->bad = !skip_to(&p, end, ')');
	} else if (k == '=' || k == '!') {
		t->group = k == '=' ? PG_LOOKAHEAD : PG_NEG_LOOKAHEAD;
		p++;
	} else if (k == '<' && p + 1 < end && (p[1] == '=' || p[1] == '!')) {
		t->group = p[1] == '=' ? PG_LOOKBEHIND : PG_NEG_LOOKBEHIND;
		p += 2;
	} else if (k == ':' || k == '|' || k == '>') {
		t->group = k == ':' ? PG_NONCAPTURE : k == '|' ? PG_BRANCH_RESET : PG_ATOMIC;
		p++;
	} else if (k == '<' || k == '\'' || (k == 'P' && p + 1 < end && p[1] == '<')) {
		char close = k == '\'' ? '\'' : '>';
		p += k == 'P' ? 2 : 1;
		t->group = PG_NAMED;
		t->name_alpha = p < end && g_ascii_isalpha(*p);
		t->bad = !skip_to(&p, end, close);
	} else if (k == 'P' || k == 'R' || k == '&' || k == '+' || k == 'C' || g_ascii_isdigit(k) ||
	           (k == '-' && p + 1 < end && g_ascii_isdigit(p[1]))) {
		t->group = PG_REFERENCE;
		t->bad = !skip_to(&p, end, ')');
	} else if (g_ascii_isalpha(k) || k == '^' || k == '-' || k == ')') {
		t->group = PG_OPTIONS;
		t->opt = p;
		while (p < end && (g_ascii_isalpha(*p) || *p == '-' || *p == '^'))
			p++;
		t->opt_end = p;
		if (p < end && (*p == ')' || *p == ':')) {
			t->setting = *p == ')';
			p++;
		} else {
			t->bad = TRUE;
		}
	} else {
		t->group = PG_OTHER;
	}
	w->p = p;
}

/* class - after "[": the members are read once here to find the "]" */
static void class(PcreWalk *w, PwTok *t)
{
	PwClass cw = { .p = w->p, .end = w->end, .first = TRUE };
	PwMember m;

	t->kind = PW_CLASS;
	if (cw.p < cw.end && *cw.p == '^') {
		t->negated = TRUE;
		cw.p++;
	}
	t->body = cw.p;
	do
		pcre_walk_class_next(&cw, &m);
	while (m.kind != PM_END && m.kind != PM_BAD);
	t->bad = m.kind == PM_BAD;
	t->body_end = t->bad ? w->end : cw.p - 1;
	w->p = t->bad ? w->end : cw.p;
}

void pcre_walk_next(PcreWalk *w, PwTok *t)
{
	char c;

	memset(t, 0, sizeof *t);
	if (w->quote_end != NULL) {
		if (w->p < w->quote_end) {
			t->kind = PW_CHAR;
			t->c = read_char(&w->p, w->quote_end, FALSE, &t->invalid);
			return;
		}
		w->p = w->quote_end < w->end ? w->quote_end + 2 : w->end;
		w->quote_end = NULL;
	}
	if (w->p >= w->end) {
		t->kind = PW_END;
		return;
	}
	if (quantifier(&w->p, w->end, t)) {
		t->kind = PW_QUANT;
		return;
	}
	c = *w->p++;
	switch (c) {
	case '\\': escape(w, t); return;
	case '[': class(w, t); return;
	case '(': group(w, t); return;
	case ')': t->kind = PW_CLOSE; return;
	case '|': t->kind = PW_ALT; return;
	case '.': case '^': case '$': case '{': case '}': case ']':
		t->kind = PW_META;
		t->c = (guchar)c;
		return;
	default:
		w->p--;
		t->kind = PW_CHAR;
		t->c = read_char(&w->p, w->end, TRUE, &t->invalid);
		return;
	}
}

void pcre_walk_peek(const PcreWalk *w, PwTok *t)
{
	PcreWalk copy = *w;
	pcre_walk_next(&copy, t);
}

void pcre_walk_class(PwClass *cw, const PwTok *t)
{
	cw->p = t->body;
	cw->end = t->bad ? t->body_end : t->body_end + 1;
	cw->first = TRUE;
}

/* class_escape - after "\" in a class: an escape letter with its
 * argument, or \Q…\E; FALSE when it is an escaped character (not taken) */
static gboolean class_escape(PwClass *cw, PwMember *m)
{
	const char *p = cw->p;

	if (*p == 'Q') {
		const char *q = g_strstr_len(p, cw->end - p, "\\E");
		cw->p = q ? q + 2 : cw->end;
		m->kind = PM_QUOTE;
		return TRUE;
	}
	if (!g_ascii_isalnum(*p))
		return FALSE;
	m->kind = PM_ESCAPE;
	m->esc = *p++;
	if (strchr("pPxNo", m->esc) != NULL && p < cw->end && *p == '{') {
		if (!skip_to(&p, cw->end, '}'))
			m->kind = PM_BAD;
	} else if ((m->esc == 'p' || m->esc == 'P') && p < cw->end) {
		p++;
	}
	cw->p = p;
	return TRUE;
}

void pcre_walk_class_next(PwClass *cw, PwMember *m)
{
	gboolean invalid;
	gboolean first = cw->first;

	memset(m, 0, sizeof *m);
	cw->first = FALSE;
	m->kind = PM_BAD;
	if (cw->p >= cw->end)
		return;
	if (*cw->p == ']' && !first) {
		cw->p++;
		m->kind = PM_END;
		return;
	}
	if (*cw->p == '\\') {
		if (++cw->p >= cw->end)
			return;
		if (class_escape(cw, m))
			return;
	} else if (*cw->p == '[' && cw->p + 1 < cw->end && strchr(":.=", cw->p[1]) != NULL) {
		const char *q = g_strstr_len(cw->p, cw->end - cw->p, ":]");
		if (q == NULL)
			return;
		cw->p = q + 2;
		m->kind = PM_POSIX;
		return;
	}
	m->lo = read_char(&cw->p, cw->end, FALSE, &invalid);
	if (invalid)
		return;
	m->kind = PM_CHAR;
	if (cw->p + 1 < cw->end && *cw->p == '-' && cw->p[1] != ']') {        /* a range lo-hi */
		PwMember e;
		cw->p++;
		m->kind = PM_RANGE;
		if (*cw->p == '\\') {
			cw->p++;
			m->hi_escape = TRUE;
			if (cw->p >= cw->end)
				m->kind = PM_BAD;
			else if (class_escape(cw, &e))
				m->kind = e.kind == PM_BAD ? PM_BAD : m->kind;
			else if (read_char(&cw->p, cw->end, FALSE, &invalid), invalid)
				m->kind = PM_BAD;
			return;
		}
		m->hi = read_char(&cw->p, cw->end, FALSE, &invalid);
		if (invalid)
			m->kind = PM_BAD;
	}
}
