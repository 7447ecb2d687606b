/*
 * rules/parse_tokens.c - the rule parser's cursor over the tokens of one
 * file, and its errors.
 *
 * Below the three files of the parser (rules/parse.c, parse_list.c,
 * parse_expr.c), which all read tokens and report errors through these and
 * never through each other's statements.
 */
#include <string.h>
#include <stdarg.h>
#include "rules/parser.h"

const Token *parse_tok_at(Parser *p, guint i)
{
	if (i >= p->toks->len)
		i = p->toks->len - 1;
	return &g_array_index(p->toks, Token, i);
}

/* parse_peek - the next token; newlines inside parentheses do not count */
const Token *parse_peek(Parser *p)
{
	while (p->paren > 0 && parse_tok_at(p, p->pos)->kind == TOK_NEWLINE)
		p->pos++;
	return parse_tok_at(p, p->pos);
}

const Token *parse_next(Parser *p)
{
	const Token *t = parse_peek(p);
	if (t->kind != TOK_EOF)
		p->pos++;
	return t;
}

gboolean parse_is_word(const Token *t, const char *w)
{
	return t->kind == TOK_WORD && strcmp(t->text, w) == 0;
}

gboolean parse_at_eol(Parser *p)
{
	TokKind k = parse_peek(p)->kind;
	return k == TOK_NEWLINE || k == TOK_EOF;
}

/* parse_skip_line - error recovery: drop the rest of the statement */
void parse_skip_line(Parser *p)
{
	p->paren = 0;
	while (!parse_at_eol(p))
		p->pos++;
}

const char *parse_describe_tok(const Token *t)
{
	switch (t->kind) {
	case TOK_EOF: return "end of file";
	case TOK_NEWLINE: return "end of line";
	case TOK_STRING: return "a string";
	case TOK_REGEX: return "a regular expression";
	case TOK_COMMA: return "\",\"";
	case TOK_LPAREN: return "\"(\"";
	case TOK_RPAREN: return "\")\"";
	case TOK_LBRACE: return "\"{\"";
	case TOK_RBRACE: return "\"}\"";
	default: return t->text;
	}
}

/* parse_error - an error at token t; marks the block so its end checks stay quiet */
void parse_error(Parser *p, const Token *t, const char *fmt, ...)
{
	va_list ap;
	char *msg;

	va_start(ap, fmt);
	msg = g_strdup_vprintf(fmt, ap);
	va_end(ap);
	rules_diag_add(&p->b->diag, p->file, t->line, t->col, "%s", msg);
	g_free(msg);
	p->blk_error = TRUE;
}

gboolean parse_valid_id(const char *s, gboolean dash)
{
	if (!(g_ascii_isalpha(*s) || *s == '_'))
		return FALSE;
	for (s++; *s; s++)
		if (!(g_ascii_isalnum(*s) || *s == '_' || (dash && *s == '-')))
			return FALSE;
	return TRUE;
}

/* parse_rule_error - msg about rule ID t, with " (did you mean …)" when
 * one of the rules so far but except is close */
void parse_rule_error(Parser *p, const Token *t, const Rule *except, const char *msg)
{
	const GPtrArray *rules = p->b->rs->rules;
	const char **ids = g_new(const char *, rules->len + 1);
	GString *s = g_string_new(msg);
	guint n = 0;

	for (guint i = 0; i < rules->len; i++)
		if (rules->pdata[i] != except)
			ids[n++] = ((const Rule *)rules->pdata[i])->id;
	rules_suggest_append(s, t->text, ids, n);
	parse_error(p, t, "%s", s->str);
	g_string_free(s, TRUE);
	g_free(ids);
}
