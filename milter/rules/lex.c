/*
 * rules/lex.c - rule file text -> tokens.
 *
 * Input: the bytes of one rule file.  Output: a GArray of Token, each with
 * its line and column (1-based, columns count bytes), ending in TOK_EOF.
 * Newlines are tokens (a rule file is line-oriented) except inside { }, so
 * lists may span lines.  A regex is lexed only right after =~ or !~, which
 * is what lets "application/pdf" be a plain word elsewhere.  The caller owns
 * the array (rules_tokens_free).
 */
#include <string.h>
#include "rules/internal.h"

typedef struct {
	const char *file;
	const char *p;
	const char *line_start;
	guint line;
	guint braces;
	RulesDiag *diag;
	GArray *toks;
} Lexer;

static guint col_of(const Lexer *lx, const char *at)
{
	return (guint)(at - lx->line_start) + 1;
}

static Token *push(Lexer *lx, TokKind kind, const char *at, char *text)
{
	Token t = { .kind = kind, .text = text, .line = lx->line, .col = col_of(lx, at) };
	g_array_append_val(lx->toks, t);
	return &g_array_index(lx->toks, Token, lx->toks->len - 1);
}

static gboolean is_word_char(unsigned char c)
{
	if (c >= 0x80 || g_ascii_isalnum(c))
		return TRUE;
	return strchr("_.-/*:+%?&;'$[]|^`@", c) != NULL && c != '\0';
}

static void lex_error(Lexer *lx, const char *at, const char *fmt, const char *arg)
{
	rules_diag_add(lx->diag, lx->file, lx->line, col_of(lx, at), fmt, arg);
}

/* lex_string - "…" with \" \\ \n \t; a string never spans lines */
static void lex_string(Lexer *lx)
{
	const char *start = lx->p;
	GString *s = g_string_new(NULL);

	lx->p++;
	while (*lx->p && *lx->p != '"' && *lx->p != '\n') {
		if (*lx->p == '\\' && lx->p[1] && lx->p[1] != '\n') {
			lx->p++;
			switch (*lx->p) {
			case 'n': g_string_append_c(s, '\n'); break;
			case 't': g_string_append_c(s, '\t'); break;
			default: g_string_append_c(s, *lx->p); break;
			}
		} else {
			g_string_append_c(s, *lx->p);
		}
		lx->p++;
	}
	if (*lx->p != '"') {
		lex_error(lx, start, "unterminated string%s", " (add the closing \")");
		push(lx, TOK_STRING, start, g_string_free(s, FALSE))->bad = TRUE;
		return;
	}
	lx->p++;
	push(lx, TOK_STRING, start, g_string_free(s, FALSE));
}

static char closing_of(char open)
{
	switch (open) {
	case '{': return '}';
	case '(': return ')';
	case '[': return ']';
	case '<': return '>';
	default: return open;
	}
}

/* lex_regex - /re/flags or m{re}flags; \/ unescapes the delimiter, every
 * other escape is left for PCRE2; re_cols maps pattern bytes to columns */
static void lex_regex(Lexer *lx)
{
	const char *start = lx->p;
	char open, close;
	guint depth = 1;
	GString *pat = g_string_new(NULL);
	GArray *cols = g_array_new(FALSE, FALSE, sizeof(guint));
	guint32 flags = 0;
	Token *t;

	if (*lx->p == 'm') {
		lx->p++;
	}
	open = *lx->p;
	close = closing_of(open);
	lx->p++;
	while (*lx->p && *lx->p != '\n') {
		char c = *lx->p;
		if (c == '\\' && lx->p[1] && lx->p[1] != '\n') {
			if (lx->p[1] == close && close == open) {
				guint col = col_of(lx, lx->p);
				g_string_append_c(pat, close);
				g_array_append_val(cols, col);
			} else {
				for (int k = 0; k < 2; k++) {
					guint col = col_of(lx, lx->p + k);
					g_string_append_c(pat, lx->p[k]);
					g_array_append_val(cols, col);
				}
			}
			lx->p += 2;
			continue;
		}
		if (c == open && open != close) {
			depth++;
		} else if (c == close) {
			if (--depth == 0)
				break;
		}
		guint col = col_of(lx, lx->p);
		g_string_append_c(pat, c);
		g_array_append_val(cols, col);
		lx->p++;
	}
	gboolean bad = *lx->p != close;
	{
		guint endcol = col_of(lx, lx->p);
		g_array_append_val(cols, endcol);   /* offset == length: the closing delimiter */
	}
	if (bad) {
		char what[64];
		g_snprintf(what, sizeof what, " (end it with %c)", close);
		lex_error(lx, start, "unterminated regular expression%s", what);
	} else {
		lx->p++;
		while (g_ascii_isalpha(*lx->p)) {
			switch (*lx->p) {
			case 'i': flags |= PCRE2_CASELESS; break;
			case 'm': flags |= PCRE2_MULTILINE; break;
			case 's': flags |= PCRE2_DOTALL; break;
			case 'x': flags |= PCRE2_EXTENDED; break;
			case 'u': flags |= PCRE2_UTF | PCRE2_UCP | PCRE2_MATCH_INVALID_UTF; break;
			default: {
				char f[2] = { *lx->p, 0 };
				rules_diag_add(lx->diag, lx->file, lx->line, col_of(lx, lx->p),
				               "unknown regex flag \"%s\" (flags are i m s x u)", f);
			}
			}
			lx->p++;
		}
	}
	t = push(lx, TOK_REGEX, start, g_string_free(pat, FALSE));
	t->re_flags = flags;
	t->bad = bad;
	t->re_cols = (guint *)g_array_free(cols, FALSE);
}

/* lex_op - an operator at lx->p ("=~ !~ == != < <= > >= += -="), or a
 * "!word" (!in); FALSE when c starts neither */
static gboolean lex_op(Lexer *lx)
{
	const char *start = lx->p;
	char c = *lx->p;
	char two[3] = { c, lx->p[1], 0 };

	if (strchr("=!<>", c) == NULL && !((c == '+' || c == '-') && lx->p[1] == '='))
		return FALSE;
	if (strcmp(two, "=~") == 0 || strcmp(two, "!~") == 0 || strcmp(two, "==") == 0 ||
	    strcmp(two, "!=") == 0 || strcmp(two, "<=") == 0 || strcmp(two, ">=") == 0 ||
	    strcmp(two, "+=") == 0 || strcmp(two, "-=") == 0) {
		push(lx, TOK_OP, start, g_strdup(two));
		lx->p += 2;
		return TRUE;
	}
	two[1] = 0;
	if (c == '<' || c == '>') {
		push(lx, TOK_OP, start, g_strdup(two));
		lx->p++;
		return TRUE;
	}
	if (c == '!' && g_ascii_isalpha(lx->p[1])) {
		lx->p++;
		while (is_word_char(*lx->p))
			lx->p++;
		push(lx, TOK_WORD, start, g_strndup(start, lx->p - start));
		return TRUE;
	}
	lex_error(lx, start, "unexpected \"%s\" (operators are =~ !~ == != < <= > >= in !in)", two);
	lx->p++;
	return TRUE;
}

static gboolean prev_is_match_op(const Lexer *lx)
{
	const Token *t;
	if (lx->toks->len == 0)
		return FALSE;
	t = &g_array_index(lx->toks, Token, lx->toks->len - 1);
	return t->kind == TOK_OP && (strcmp(t->text, "=~") == 0 || strcmp(t->text, "!~") == 0);
}

GArray *rules_lex(const char *file, const char *text, RulesDiag *diag)
{
	Lexer lx = { .file = file, .p = text, .line_start = text, .line = 1, .diag = diag };

	lx.toks = g_array_new(FALSE, TRUE, sizeof(Token));
	while (*lx.p) {
		char c = *lx.p;
		if (c == '\n') {
			if (lx.braces == 0)
				push(&lx, TOK_NEWLINE, lx.p, NULL);
			lx.p++;
			lx.line++;
			lx.line_start = lx.p;
			continue;
		}
		if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v') {
			lx.p++;
			continue;
		}
		if (c == '\\' && (lx.p[1] == '\n' || (lx.p[1] == '\r' && lx.p[2] == '\n'))) {
			lx.p += lx.p[1] == '\r' ? 3 : 2;   /* line continuation */
			lx.line++;
			lx.line_start = lx.p;
			continue;
		}
		if (prev_is_match_op(&lx)) {
			if (c == '/' || (c == 'm' && lx.p[1] && g_ascii_ispunct(lx.p[1]))) {
				lex_regex(&lx);
				continue;
			}
		}
		if (c == '#') {
			while (*lx.p && *lx.p != '\n')
				lx.p++;
			continue;
		}
		if (c == '"') {
			lex_string(&lx);
			continue;
		}
		const char *start = lx.p;
		switch (c) {
		case ',': push(&lx, TOK_COMMA, start, NULL); lx.p++; continue;
		case '(': push(&lx, TOK_LPAREN, start, NULL); lx.p++; continue;
		case ')': push(&lx, TOK_RPAREN, start, NULL); lx.p++; continue;
		case '{': push(&lx, TOK_LBRACE, start, NULL); lx.p++; lx.braces++; continue;
		case '}':
			push(&lx, TOK_RBRACE, start, NULL);
			lx.p++;
			if (lx.braces > 0)
				lx.braces--;
			continue;
		default:
			break;
		}
		if (lex_op(&lx))
			continue;
		if (c == '@') {
			lx.p++;
			while (is_word_char(*lx.p))
				lx.p++;
			push(&lx, TOK_LISTREF, start, g_strndup(start + 1, lx.p - start - 1));
			continue;
		}
		if (is_word_char(c)) {
			while (is_word_char(*lx.p))
				lx.p++;
			push(&lx, TOK_WORD, start, g_strndup(start, lx.p - start));
			continue;
		}
		{
			char one[2] = { c, 0 };
			lex_error(&lx, start, "unexpected character \"%s\"", one);
			lx.p++;
		}
	}
	push(&lx, TOK_NEWLINE, lx.p, NULL);
	push(&lx, TOK_EOF, lx.p, NULL);
	return lx.toks;
}

void rules_tokens_free(GArray *toks)
{
	if (toks == NULL)
		return;
	for (guint i = 0; i < toks->len; i++) {
		Token *t = &g_array_index(toks, Token, i);
		g_free(t->text);
		g_free(t->re_cols);
	}
	g_array_free(toks, TRUE);
}
