/*
 * rules/parser.h - what the files of the rule parser share.
 *
 * rules/parse.c         statements and blocks of a file
 * rules/parse_list.c    list statements and { … } entries
 * rules/parse_expr.c    match, require, unless and when expressions
 * rules/parse_tokens.c  the cursor over the tokens, and errors (used by
 *                       the three above, which call down, never back)
 *
 * The parser turns tokens into structs only through the constructors of
 * rules/ruleset.c; nothing here is visible outside those files.
 */
#ifndef AMZ_RULES_PARSER_H
#define AMZ_RULES_PARSER_H

#include "rules/internal.h"

/* The block the lines being read belong to. */
typedef enum { BLK_NONE, BLK_RULE, BLK_META, BLK_OVERRIDE } Block;

/* Properties of a block; Parser.seen_line is indexed by them. */
typedef enum {
	P_DESCRIBE, P_GUIDELINE, P_MATCH, P_REQUIRE, P_UNLESS, P_WHEN, P_MARKETS,
	P_ACTION, P_MODE, P__N
} Prop;

/* The state of the parse of one file. */
typedef struct {
	RulesBuild *b;
	const char *file;
	char *dir;
	GArray *toks;
	guint pos;
	guint paren;
	gboolean meta_expr;     /* atoms are rule IDs, not tests */
	/* the block being read */
	Block blk;
	Rule *cur;
	const Token *blk_tok;   /* the ID token that opened it */
	gboolean blk_error;
	guint seen_line[P__N];  /* where each property was given in the block; 0: not yet */
	/* the collection of the expression being read */
	CollKey key;
	const Token *key_tok;
	gboolean has_re;
} Parser;


/* ---- tokens and errors (rules/parse_tokens.c) ---- */

const Token *parse_tok_at(Parser *p, guint i);
/* parse_peek - the next token; newlines inside parentheses do not count */
const Token *parse_peek(Parser *p);
const Token *parse_next(Parser *p);
gboolean parse_is_word(const Token *t, const char *w);
gboolean parse_at_eol(Parser *p);
/* parse_skip_line - error recovery: drop the rest of the statement */
void parse_skip_line(Parser *p);
/* parse_describe_tok - how an error message names t */
const char *parse_describe_tok(const Token *t);
/* parse_error - an error at token t; marks the block so its end checks stay quiet */
void parse_error(Parser *p, const Token *t, const char *fmt, ...) G_GNUC_PRINTF(3, 4);
/* parse_valid_id - letters, digits, _ (and - when dash), not starting with a digit */
gboolean parse_valid_id(const char *s, gboolean dash);

/* parse_rule_error - msg about rule ID t, with a suggestion among the rules but except */
void parse_rule_error(Parser *p, const Token *t, const Rule *except, const char *msg);

/* ---- lists (rules/parse_list.c) ---- */

/* parse_find_list - the list t names, or NULL after an error */
List *parse_find_list(Parser *p, const Token *t);
/* parse_braces - entries up to "}" (after the "{") into l, or out of it */
gboolean parse_braces(Parser *p, const Token *open, List *l, gboolean remove);
/* parse_stmt_list - list NAME { … } | list NAME file "…" | list NAME += / -= … */
void parse_stmt_list(Parser *p, const Token *kw);

/* ---- expressions (rules/parse_expr.c) ---- */

/* parse_or - an expression: or of ands of unary atoms */
Expr *parse_or(Parser *p);
/* parse_cond - one match/require/unless expression and the collection it binds */
Cond *parse_cond(Parser *p, const Token *kw);

#endif
