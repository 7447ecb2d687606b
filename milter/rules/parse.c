/*
 * rules/parse.c - tokens of one rule file -> rules and lists in a Ruleset.
 *
 * Input: the tokens of rules_lex() for one file, and the RulesBuild that
 * earlier files of the same load filled.  Output: new Rule and List structs
 * in b->rs (owned by it), changes to earlier ones (override, disable,
 * enable, +=, -=), and "file:line:col: message" errors in b->diag.  Regexes
 * are compiled here, once, with JIT.  After the last file, rules_finish()
 * checks what needs the whole load (placeholders against match lines).
 *
 * A file is a sequence of lines.  "rule", "meta", "override", "list",
 * "disable" and "enable" start a statement; "describe", "match", … lines
 * belong to the block opened by the last rule, meta or override.  An
 * expression continues on the next line when that line starts with "and"
 * or "or", or while a parenthesis is open.
 */
#include <string.h>
#include <stdarg.h>
#include "rules/internal.h"

typedef enum { BLK_NONE, BLK_RULE, BLK_META, BLK_OVERRIDE } Block;

/* Properties of a block; bit positions in Parser.seen. */
typedef enum {
	P_DESCRIBE, P_GUIDELINE, P_MATCH, P_REQUIRE, P_UNLESS, P_WHEN, P_MARKETS,
	P_ACTION, P_MODE, P__N
} Prop;

static const char *const prop_names[P__N] = {
	"describe", "guideline", "match", "require", "unless", "when", "markets",
	"action", "mode",
};

static const char *const statements[] = {
	"rule", "meta", "override", "disable", "enable", "list",
};

static const char *const all_keywords[] = {
	"rule", "meta", "override", "disable", "enable", "list",
	"describe", "guideline", "match", "require", "unless", "when", "markets",
	"action", "mode",
};

static const char *const action_words[] = {
	"accept", "tag", "quarantine", "tempfail", "reject", "discard",
};

static const char *const mode_words[] = { "monitor", "enforce" };

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
	guint seen_line[P__N];
	/* the collection of the expression being read */
	CollKey key;
	const Token *key_tok;
	gboolean has_re;
	guint errors_at_start;
} Parser;

/* ---- tokens ---- */

static const Token *tok_at(Parser *p, guint i)
{
	if (i >= p->toks->len)
		i = p->toks->len - 1;
	return &g_array_index(p->toks, Token, i);
}

/* peek - the next token; newlines inside parentheses do not count */
static const Token *peek(Parser *p)
{
	while (p->paren > 0 && tok_at(p, p->pos)->kind == TOK_NEWLINE)
		p->pos++;
	return tok_at(p, p->pos);
}

static const Token *next(Parser *p)
{
	const Token *t = peek(p);
	if (t->kind != TOK_EOF)
		p->pos++;
	return t;
}

static gboolean is_word(const Token *t, const char *w)
{
	return t->kind == TOK_WORD && strcmp(t->text, w) == 0;
}

static gboolean at_eol(Parser *p)
{
	TokKind k = peek(p)->kind;
	return k == TOK_NEWLINE || k == TOK_EOF;
}

/* skip_line - error recovery: drop the rest of the statement */
static void skip_line(Parser *p)
{
	p->paren = 0;
	while (!at_eol(p))
		p->pos++;
}

static const char *describe_tok(const Token *t)
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

static void perr(Parser *p, const Token *t, const char *fmt, ...) G_GNUC_PRINTF(3, 4);

/* perr - an error at token t; marks the block so its end checks stay quiet */
static void perr(Parser *p, const Token *t, const char *fmt, ...)
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

static gboolean valid_id(const char *s, gboolean dash)
{
	if (!(g_ascii_isalpha(*s) || *s == '_'))
		return FALSE;
	for (s++; *s; s++)
		if (!(g_ascii_isalnum(*s) || *s == '_' || (dash && *s == '-')))
			return FALSE;
	return TRUE;
}

/* ---- lists ---- */

static List *find_list(Parser *p, const Token *t)
{
	List *l = g_hash_table_lookup(p->b->rs->lists, t->text);
	if (l == NULL) {
		GString *s = g_string_new(NULL);
		guint n = g_hash_table_size(p->b->rs->lists);
		const char **names = (const char **)g_hash_table_get_keys_as_array(p->b->rs->lists, &n);
		g_string_printf(s, "unknown list \"%s%s\"", t->kind == TOK_LISTREF ? "@" : "", t->text);
		rules_suggest_append(s, t->text, names, n);
		if (rules_suggest(t->text, names, n) == NULL)
			g_string_append(s, " (define it earlier with \"list NAME { … }\" or \"list NAME file \\\"…\\\"\")");
		perr(p, t, "%s", s->str);
		g_free(names);
		g_string_free(s, TRUE);
	}
	return l;
}

/* parse_braces - "{ a b, "c d" @x }" after the "{": entries into l (or out of it) */
static gboolean parse_braces(Parser *p, const Token *open, List *l, gboolean remove)
{
	for (;;) {
		const Token *t = next(p);
		switch (t->kind) {
		case TOK_RBRACE:
			return TRUE;
		case TOK_COMMA:
			continue;
		case TOK_WORD:
		case TOK_STRING:
		case TOK_LISTREF: {
			char *e = t->kind == TOK_LISTREF ? g_strconcat("@", t->text, NULL) : g_strdup(t->text);
			if (remove)
				rules_list_remove(l, e);
			else
				rules_list_add(l, e);
			g_free(e);
			continue;
		}
		case TOK_EOF:
			perr(p, open, "unterminated list: \"{\" without a closing \"}\"");
			return FALSE;
		default:
			perr(p, t, "unexpected %s in a list (entries are words or \"strings\")", describe_tok(t));
			return FALSE;
		}
	}
}

/* parse_list_source - "{ … }" or file "path" into l */
static void parse_list_source(Parser *p, List *l, gboolean remove)
{
	const Token *t = next(p);

	if (t->kind == TOK_LBRACE) {
		if (!parse_braces(p, t, l, remove))
			skip_line(p);
		return;
	}
	if (is_word(t, "file")) {
		const Token *path = next(p);
		GError *err = NULL;
		char *full;
		if (path->kind != TOK_STRING) {
			perr(p, path, "expected a quoted path after \"file\", like file \"lists/hosts.list\"");
			skip_line(p);
			return;
		}
		full = g_path_is_absolute(path->text) ? g_strdup(path->text)
		                                      : g_build_filename(p->dir, path->text, NULL);
		if (!rules_list_read_file(l, full, remove, &err)) {
			perr(p, path, "cannot read list file \"%s\": %s", full, err->message);
			g_error_free(err);
		}
		g_free(full);
		return;
	}
	perr(p, t, "expected \"{\" or file \"path\" after the list name, found %s", describe_tok(t));
	skip_line(p);
}

/* stmt_list - list NAME { … } | list NAME file "…" | list NAME += / -= … */
static void stmt_list(Parser *p, const Token *kw)
{
	const Token *name = next(p);
	const Token *op;
	List *l;

	if (name->kind != TOK_WORD || !valid_id(name->text, TRUE)) {
		perr(p, name->kind == TOK_NEWLINE ? kw : name,
		     "expected a list name (letters, digits, _ and -) after \"list\"");
		skip_line(p);
		return;
	}
	op = peek(p);
	if (op->kind == TOK_OP && (strcmp(op->text, "+=") == 0 || strcmp(op->text, "-=") == 0)) {
		next(p);
		l = find_list(p, name);
		if (l == NULL) {
			skip_line(p);
			return;
		}
		parse_list_source(p, l, op->text[0] == '-');
		return;
	}
	l = g_hash_table_lookup(p->b->rs->lists, name->text);
	if (l != NULL) {
		perr(p, name, "list \"%s\" is already defined at %s:%u; extend it with \"list %s += { … }\"",
		     name->text, l->file, l->line, name->text);
		skip_line(p);
		return;
	}
	l = rules_list_define(p->b->rs, name->text, p->file, name->line);
	parse_list_source(p, l, FALSE);
}

/* ---- expressions ---- */

static Expr *expr_new(Parser *p, ExprKind k, Expr *a, Expr *b)
{
	return rules_expr_new(p->b->rs, k, a, b);
}

static const char *coll_label(Coll c, const char *hname)
{
	switch (c) {
	case COLL_RCPT: return "rcpt";
	case COLL_HEADER: return hname;
	case COLL_HEADERS: return "headers";
	case COLL_LINK: return "link.*";
	case COLL_IMAGE: return "image.*";
	case COLL_ATTACHMENT: return "attachment.*";
	case COLL_ANOMALY: return "anomaly";
	case COLL_MARKET: return "market";
	default: return "";
	}
}

/* bind_target - all item targets of one expression must share a collection */
static gboolean bind_target(Parser *p, const Token *t, const TargetRef *ref)
{
	Coll c = ref->def->coll;
	char *label_new, *label_old;

	if (c == COLL_NONE)
		return TRUE;
	if (p->key.coll == COLL_NONE) {
		p->key.coll = c;
		p->key.hname = g_strdup(ref->hname);
		p->key_tok = t;
		return TRUE;
	}
	if (p->key.coll == c && (c != COLL_HEADER || g_ascii_strcasecmp(p->key.hname, ref->hname) == 0))
		return TRUE;
	label_new = c == COLL_HEADER ? g_strconcat("header.", ref->hname, NULL) : g_strdup(coll_label(c, NULL));
	label_old = p->key.coll == COLL_HEADER ? g_strconcat("header.", p->key.hname, NULL)
	                                      : g_strdup(coll_label(p->key.coll, NULL));
	perr(p, t, "\"%s\" and \"%s\" are different collections and cannot be mixed in one expression "
	     "(each item is tested on its own); use one match line for each", label_old, label_new);
	g_free(label_new);
	g_free(label_old);
	return FALSE;
}

/* parse_number - 5, 100k, 10M, 2G (binary multiples) */
static gboolean parse_number(const char *s, gint64 *out)
{
	guint64 v = 0, mul = 1;
	const char *q = s;

	if (!g_ascii_isdigit(*q))
		return FALSE;
	for (; g_ascii_isdigit(*q); q++) {
		if (v > (guint64)G_MAXINT64 / 10)
			return FALSE;
		v = v * 10 + (guint64)(*q - '0');
	}
	switch (*q) {
	case '\0': break;
	case 'k': case 'K': mul = 1024; q++; break;
	case 'M': mul = 1024 * 1024; q++; break;
	case 'G': mul = 1024 * 1024 * 1024; q++; break;
	default: return FALSE;
	}
	if (*q != '\0' || v > (guint64)G_MAXINT64 / mul)
		return FALSE;
	*out = (gint64)(v * mul);
	return TRUE;
}

static void unknown_target(Parser *p, const Token *t)
{
	GString *s = g_string_new(NULL);
	guint n;
	const char *const *names = rules_target_names(&n);
	const char *dot = strchr(t->text, '.');

	g_string_printf(s, "unknown target \"%s\"", t->text);
	if (g_ascii_strcasecmp(t->text, "header.") == 0) {
		g_string_append(s, " (name the header, e.g. header.Reply-To)");
	} else if (rules_suggest(t->text, names, n) != NULL && strcmp(rules_suggest(t->text, names, n), "header.") != 0) {
		rules_suggest_append(s, t->text, names, n);
	} else if (dot != NULL) {
		char *head = g_strndup(t->text, dot - t->text);
		const char *hdr[] = { "header" };
		if (rules_suggest(head, hdr, 1) != NULL)
			g_string_append_printf(s, " (did you mean \"header%s\"?)", dot);
		g_free(head);
	}
	perr(p, t, "%s", s->str);
	g_string_free(s, TRUE);
}

/* compile_regex - the pattern of t, or NULL with an error pointing into it */
static pcre2_code *compile_regex(Parser *p, const Token *t)
{
	int code;
	PCRE2_SIZE off;
	gsize len = strlen(t->text);
	pcre2_code *re = rules_regex_compile(t->text, t->re_flags, &code, &off);

	if (re == NULL) {
		PCRE2_UCHAR msg[256];
		Token at = *t;
		pcre2_get_error_message(code, msg, sizeof msg);
		at.col = t->re_cols[MIN(off, len)];
		perr(p, &at, "bad regular expression: %s", (const char *)msg);
	}
	return re;
}

/* parse_set - @a, @b, { x y } after in / !in */
static gboolean parse_set(Parser *p, Test *test)
{
	test->lists = g_ptr_array_new();
	for (;;) {
		const Token *t = next(p);
		if (t->kind == TOK_LISTREF) {
			List *l = find_list(p, t);
			if (l == NULL)
				return FALSE;
			g_ptr_array_add(test->lists, l);
		} else if (t->kind == TOK_LBRACE) {
			List *l = rules_list_anon(p->b->rs, p->file, t->line);
			if (!parse_braces(p, t, l, FALSE))
				return FALSE;
			g_ptr_array_add(test->lists, l);
		} else {
			perr(p, t, "expected @list or { entries } after \"in\", found %s", describe_tok(t));
			return FALSE;
		}
		if (peek(p)->kind != TOK_COMMA)
			return TRUE;
		next(p);
	}
}

static const char *type_name(ValType t)
{
	return t == VT_STR ? "text" : t == VT_NUM ? "a number" : "yes/no";
}

/* parse_test - targets [op operand]; a bare target must be yes/no */
static Expr *parse_test(Parser *p)
{
	Test *test = rules_test_new(p->b->rs);
	const Token *tt[RULES_MAX_TARGETS];
	const Token *op;
	const char *o = "";

	for (;;) {
		const Token *t = next(p);
		const TargetDef *def;
		TargetRef *ref;
		if (t->kind != TOK_WORD) {
			perr(p, t, "expected a target (like text, link.host, attachment.magic), found %s", describe_tok(t));
			goto fail;
		}
		def = rules_target_find(t->text);
		if (def == NULL) {
			unknown_target(p, t);
			goto fail;
		}
		if (test->ntargets == RULES_MAX_TARGETS) {
			perr(p, t, "too many targets in one test (at most %d)", RULES_MAX_TARGETS);
			goto fail;
		}
		ref = &test->targets[test->ntargets];
		ref->def = def;
		ref->hname = def->id == TG_HEADER ? g_ascii_strdown(t->text + 7, -1) : NULL;
		tt[test->ntargets++] = t;
		if (!bind_target(p, t, ref))
			goto fail;
		if (peek(p)->kind != TOK_COMMA)
			break;
		next(p);
	}

	op = peek(p);
	if (op->kind == TOK_OP) {
		o = op->text;
		next(p);
	} else if (is_word(op, "in") || is_word(op, "!in")) {
		o = op->text;
		next(p);
	} else if (is_word(op, "not") && is_word(tok_at(p, p->pos + 1), "in")) {
		o = "!in";
		next(p);
		next(p);
	} else {
		test->op = OP_BOOL;
		for (guint i = 0; i < test->ntargets; i++) {
			if (test->targets[i].def->type != VT_BOOL) {
				perr(p, tt[i], "target \"%s\" is %s, not yes/no: give it a test, e.g. %s",
				     tt[i]->text, type_name(test->targets[i].def->type),
				     test->targets[i].def->type == VT_NUM ? "attachments.count > 5" : "text =~ /coupon/i");
				goto fail;
			}
		}
		goto done;
	}

	if (strcmp(o, "=~") == 0 || strcmp(o, "!~") == 0) {
		const Token *re = next(p);
		test->op = OP_RE;
		test->neg = o[0] == '!';
		if (re->kind != TOK_REGEX) {
			perr(p, re, "expected /regex/ after %s", o);
			goto fail;
		}
		if (re->bad) {                  /* reported by the lexer */
			p->blk_error = TRUE;
			goto fail;
		}
		if ((test->re = compile_regex(p, re)) == NULL)
			goto fail;
		test->line = re->line;
		test->pattern = g_strdup(re->text);     /* for rules_compile's prefilter */
		test->re_flags = re->re_flags;
		p->has_re = TRUE;
	} else if (strcmp(o, "in") == 0 || strcmp(o, "!in") == 0) {
		test->op = OP_IN;
		test->neg = o[0] == '!';
		if (!parse_set(p, test))
			goto fail;
	} else if (strcmp(o, "==") == 0 || strcmp(o, "!=") == 0 || strcmp(o, "<") == 0 ||
	           strcmp(o, "<=") == 0 || strcmp(o, ">") == 0 || strcmp(o, ">=") == 0) {
		const Token *v = next(p);
		gboolean eq = o[1] == '=' && (o[0] == '=' || o[0] == '!');
		test->op = eq ? OP_EQ : strcmp(o, "<") == 0 ? OP_LT : strcmp(o, "<=") == 0 ? OP_LE
		         : strcmp(o, ">") == 0 ? OP_GT : OP_GE;
		test->neg = o[0] == '!';
		if (test->targets[0].def->type == VT_NUM) {
			if (v->kind != TOK_WORD || !parse_number(v->text, &test->num)) {
				perr(p, v, "expected a number like 5, 100k or 10M after %s, found %s", o, describe_tok(v));
				goto fail;
			}
		} else if (!eq) {
			perr(p, op, "%s compares numbers, but \"%s\" is %s", o, tt[0]->text,
			     type_name(test->targets[0].def->type));
			goto fail;
		} else if (v->kind == TOK_STRING || v->kind == TOK_WORD) {
			test->str = g_utf8_casefold(v->text, -1);
		} else {
			perr(p, v, "expected \"text\" after %s, found %s", o, describe_tok(v));
			goto fail;
		}
	} else {
		perr(p, op, "unknown operator \"%s\"", o);
		goto fail;
	}

	/* every target must take the operator */
	for (guint i = 0; i < test->ntargets; i++) {
		ValType vt = test->targets[i].def->type;
		gboolean ok = (test->op == OP_RE || test->op == OP_IN) ? vt == VT_STR
		            : test->op == OP_EQ ? vt != VT_BOOL && vt == test->targets[0].def->type
		            : vt == VT_NUM;
		if (!ok) {
			perr(p, tt[i], "target \"%s\" is %s and cannot be used with %s%s", tt[i]->text,
			     type_name(vt), o, vt == VT_BOOL ? " (write it alone, or with \"not\")" : "");
			goto fail;
		}
	}
done:
	{
		Expr *e = expr_new(p, EX_TEST, NULL, NULL);
		e->test = test;
		return e;
	}
fail:
	rules_test_free(test);
	return NULL;
}

static Expr *parse_or(Parser *p);

/* continues - the next token is word w, possibly at the start of the next line */
static gboolean continues(Parser *p, const char *w)
{
	const Token *t = peek(p);
	if (is_word(t, w)) {
		next(p);
		return TRUE;
	}
	if (t->kind == TOK_NEWLINE && is_word(tok_at(p, p->pos + 1), w)) {
		p->pos += 2;
		return TRUE;
	}
	return FALSE;
}

static Expr *parse_primary(Parser *p)
{
	const Token *t = peek(p);

	if (t->kind == TOK_LPAREN) {
		Expr *e;
		next(p);
		p->paren++;
		e = parse_or(p);
		if (e == NULL)
			return NULL;
		t = peek(p);
		p->paren--;
		if (t->kind != TOK_RPAREN) {
			perr(p, t, "expected \")\", found %s", describe_tok(t));
			rules_expr_free(e);
			return NULL;
		}
		next(p);
		return e;
	}
	if (p->meta_expr) {
		Rule *r;
		next(p);
		if (t->kind != TOK_WORD) {
			perr(p, t, "expected a rule ID, \"not\" or \"(\", found %s", describe_tok(t));
			return NULL;
		}
		r = g_hash_table_lookup(p->b->rs->by_id, t->text);
		if (r == NULL || r == p->cur) {
			GString *s = g_string_new(NULL);
			guint n = p->b->rs->rules->len, k = 0;
			const char **ids = g_new(const char *, n + 1);
			for (guint i = 0; i < n; i++) {
				Rule *x = p->b->rs->rules->pdata[i];
				if (x != p->cur)
					ids[k++] = x->id;
			}
			if (r == p->cur)
				g_string_printf(s, "meta rule \"%s\" cannot use itself", t->text);
			else
				g_string_printf(s, "unknown rule \"%s\" in meta (it must be defined before the meta rule)", t->text);
			rules_suggest_append(s, t->text, ids, k);
			perr(p, t, "%s", s->str);
			g_string_free(s, TRUE);
			g_free(ids);
			return NULL;
		}
		Expr *e = expr_new(p, EX_RULE, NULL, NULL);
		e->rule = rules_rule_index(p->b->rs, r);
		g_ptr_array_add(p->cur->when_rules, GUINT_TO_POINTER(e->rule));
		return e;
	}
	if (t->kind == TOK_LISTREF) {
		const List *l;
		next(p);
		if ((l = find_list(p, t)) == NULL)
			return NULL;
		Expr *e = expr_new(p, EX_LIST, NULL, NULL);
		e->list = l;
		return e;
	}
	return parse_test(p);
}

static Expr *parse_unary(Parser *p)
{
	if (is_word(peek(p), "not")) {
		Expr *a;
		next(p);
		if ((a = parse_unary(p)) == NULL)
			return NULL;
		return expr_new(p, EX_NOT, a, NULL);
	}
	return parse_primary(p);
}

static Expr *parse_and(Parser *p)
{
	Expr *e = parse_unary(p);
	while (e != NULL && continues(p, "and")) {
		Expr *b = parse_unary(p);
		if (b == NULL) {
			rules_expr_free(e);
			return NULL;
		}
		e = expr_new(p, EX_AND, e, b);
	}
	return e;
}

static Expr *parse_or(Parser *p)
{
	Expr *e = parse_and(p);
	while (e != NULL && continues(p, "or")) {
		Expr *b = parse_and(p);
		if (b == NULL) {
			rules_expr_free(e);
			return NULL;
		}
		e = expr_new(p, EX_OR, e, b);
	}
	return e;
}

/* parse_cond - one match/require/unless expression and the collection it binds */
static Cond *parse_cond(Parser *p, const Token *kw)
{
	Expr *e;
	Cond *c;

	p->key.coll = COLL_NONE;
	p->key.hname = NULL;
	p->has_re = FALSE;
	if (at_eol(p)) {
		perr(p, kw, "\"%s\" needs an expression, e.g. %s text =~ /coupon/i", kw->text, kw->text);
		return NULL;
	}
	e = parse_or(p);
	if (e == NULL) {
		g_clear_pointer(&p->key.hname, g_free);
		return NULL;
	}
	c = rules_cond_new(p->b->rs, e, p->key, p->has_re);
	p->key.hname = NULL;
	return c;
}

/* ---- describe ---- */

/* parse_describe - split at {placeholder}; {{ and }} are literal braces */
static GArray *parse_describe(Parser *p, const Token *t)
{
	GArray *segs = g_array_new(FALSE, TRUE, sizeof(Seg));
	GString *lit = g_string_new(NULL);
	const char *s = t->text;
	guint n;
	const char *const *names = rules_placeholder_names(&n);

	while (*s) {
		if ((s[0] == '{' && s[1] == '{') || (s[0] == '}' && s[1] == '}')) {
			g_string_append_c(lit, s[0]);
			s += 2;
			continue;
		}
		if (*s == '{') {
			const char *end = strchr(s, '}');
			Token at = *t;
			at.col = t->col + 1 + (guint)(s - t->text);
			if (end == NULL) {
				perr(p, &at, "unterminated placeholder in describe (write {{ for a literal brace)");
				goto fail;
			}
			char *name = g_strndup(s + 1, end - s - 1);
			Placeholder ph = rules_placeholder_find(name);
			if (ph == PH_NONE) {
				GString *m = g_string_new(NULL);
				const char *sug = rules_suggest(name, names, n);
				g_string_printf(m, "unknown placeholder {%s} in describe", name);
				if (sug)
					g_string_append_printf(m, " (did you mean {%s}?)", sug);
				else
					g_string_append(m, " (known: {match} {value} {url} {host} {name} {ext} {magic} "
					                "{type} {size} {count} {rules} {id} {market})");
				perr(p, &at, "%s", m->str);
				g_string_free(m, TRUE);
				g_free(name);
				goto fail;
			}
			g_free(name);
			if (lit->len) {
				Seg sg = { PH_NONE, g_strdup(lit->str) };
				g_array_append_val(segs, sg);
				g_string_truncate(lit, 0);
			}
			Seg sg = { ph, NULL };
			g_array_append_val(segs, sg);
			s = end + 1;
			continue;
		}
		g_string_append_c(lit, *s++);
	}
	if (lit->len) {
		Seg sg = { PH_NONE, g_strdup(lit->str) };
		g_array_append_val(segs, sg);
	}
	g_string_free(lit, TRUE);
	return segs;
fail:
	g_string_free(lit, TRUE);
	rules_segs_free(segs);
	return NULL;
}

/* ---- blocks ---- */

/* end_block - the checks that need the whole rule */
static void end_block(Parser *p)
{
	Rule *r = p->cur;
	const Token *t = p->blk_tok;

	if (p->blk == BLK_NONE || r == NULL)
		goto out;
	if (p->blk_error || p->blk == BLK_OVERRIDE)
		goto out;
	if (p->blk == BLK_RULE && r->match->len == 0 && r->require->len == 0)
		perr(p, t, "rule %s has no \"match\" or \"require\" line", r->id);
	else if (p->blk == BLK_RULE && r->match->len > 0 && r->require->len > 0)
		perr(p, t, "rule %s mixes \"match\" and \"require\"; split it into two rules", r->id);
	if (p->blk == BLK_META && r->when == NULL)
		perr(p, t, "meta rule %s has no \"when\" line", r->id);
	if (!r->sub && r->describe == NULL)
		perr(p, t, "%s %s has no \"describe\" line (the sentence the sender is told)",
		     p->blk == BLK_META ? "meta rule" : "rule", r->id);
	if (!r->sub && !r->has_action)
		perr(p, t, "%s %s has no \"action\" line (accept, tag, quarantine, tempfail, reject or discard)",
		     p->blk == BLK_META ? "meta rule" : "rule", r->id);
out:
	p->blk = BLK_NONE;
	p->cur = NULL;
	p->blk_tok = NULL;
	p->blk_error = FALSE;
	memset(p->seen_line, 0, sizeof p->seen_line);
}

static Rule *lookup_rule(Parser *p, const Token *t)
{
	Rule *r = g_hash_table_lookup(p->b->rs->by_id, t->text);
	if (r == NULL) {
		GString *s = g_string_new(NULL);
		guint n = p->b->rs->rules->len;
		const char **ids = g_new(const char *, n + 1);
		for (guint i = 0; i < n; i++)
			ids[i] = ((Rule *)p->b->rs->rules->pdata[i])->id;
		g_string_printf(s, "unknown rule \"%s\"", t->text);
		rules_suggest_append(s, t->text, ids, n);
		perr(p, t, "%s", s->str);
		g_string_free(s, TRUE);
		g_free(ids);
	}
	return r;
}

/* stmt_rule - "rule ID" / "meta ID": a new block */
static void stmt_rule(Parser *p, const Token *kw, RuleKind kind)
{
	const Token *id = next(p);
	Rule *old;

	p->blk = kind == RK_META ? BLK_META : BLK_RULE;
	p->blk_tok = kw;
	if (id->kind != TOK_WORD || !valid_id(id->text, FALSE)) {
		perr(p, id->kind == TOK_NEWLINE ? kw : id,
		     "expected a rule ID (letters, digits and _) after \"%s\"", kw->text);
		skip_line(p);
		return;
	}
	p->blk_tok = id;
	if (strcmp(id->text, RULES_LIMIT_ID) == 0) {
		perr(p, id, "rule ID %s is reserved", RULES_LIMIT_ID);
		return;
	}
	old = g_hash_table_lookup(p->b->rs->by_id, id->text);
	if (old != NULL) {
		perr(p, id, "rule %s is already defined at %s:%u; to change it, write \"override %s\" "
		     "(or \"disable %s\" and a rule with a new ID)", id->text, old->file, old->line,
		     id->text, id->text);
		return;
	}
	p->cur = rules_rule_new(p->b->rs, id->text, kind, p->file, id->line);
}

static void stmt_override(Parser *p, const Token *kw)
{
	const Token *id = next(p);

	p->blk = BLK_OVERRIDE;
	p->blk_tok = kw;
	if (id->kind != TOK_WORD) {
		perr(p, id->kind == TOK_NEWLINE ? kw : id, "expected the ID of the rule to override");
		skip_line(p);
		return;
	}
	p->cur = lookup_rule(p, id);
}

static void stmt_enable(Parser *p, const Token *kw, gboolean on)
{
	if (at_eol(p)) {
		perr(p, kw, "expected the ID of a rule after \"%s\"", kw->text);
		return;
	}
	while (!at_eol(p)) {
		const Token *id = next(p);
		Rule *r;
		if (id->kind == TOK_COMMA)
			continue;
		if (id->kind != TOK_WORD) {
			perr(p, id, "expected a rule ID, found %s", describe_tok(id));
			skip_line(p);
			return;
		}
		if ((r = lookup_rule(p, id)) != NULL)
			r->enabled = on;
	}
}

static gboolean prop_allowed(Block blk, Prop pr)
{
	switch (blk) {
	case BLK_RULE: return pr != P_WHEN;
	case BLK_META: return pr != P_MATCH && pr != P_REQUIRE;
	case BLK_OVERRIDE:
		return pr == P_DESCRIBE || pr == P_GUIDELINE || pr == P_MARKETS || pr == P_ACTION || pr == P_MODE;
	default: return FALSE;
	}
}

static void prop_markets(Parser *p, Rule *r, const Token *kw)
{
	GPtrArray *ms = g_ptr_array_new();
	guint n;
	const char *const *known = rules_market_names(&n);

	if (at_eol(p)) {
		perr(p, kw, "\"markets\" needs at least one marketplace, e.g. markets de fr");
		goto out;
	}
	while (!at_eol(p)) {
		const Token *t = next(p);
		if (t->kind == TOK_COMMA)
			continue;
		if (t->kind != TOK_WORD || !rules_market_known(t->text)) {
			GString *s = g_string_new(NULL);
			g_string_printf(s, "unknown marketplace \"%s\"", t->kind == TOK_WORD ? t->text : describe_tok(t));
			if (t->kind == TOK_WORD && rules_suggest(t->text, known, n))
				rules_suggest_append(s, t->text, known, n);
			else
				g_string_append(s, " (use the relay domain's suffix: com, co.uk, de, fr, co.jp, …)");
			perr(p, t, "%s", s->str);
			g_string_free(s, TRUE);
			skip_line(p);
			goto out;
		}
		g_ptr_array_add(ms, g_ascii_strdown(t->text, -1));
	}
	g_ptr_array_add(ms, NULL);
	g_strfreev(r->markets);
	r->markets = (char **)g_ptr_array_free(ms, FALSE);
	ms = NULL;
out:
	if (ms != NULL) {
		g_ptr_array_set_free_func(ms, g_free);
		g_ptr_array_unref(ms);
	}
}

/* word_prop - action / mode: one word from a fixed set */
static const Token *word_prop(Parser *p, const Token *kw, const char *const *words, guint n)
{
	const Token *t = next(p);
	if (t->kind == TOK_WORD) {
		for (guint i = 0; i < n; i++)
			if (g_ascii_strcasecmp(t->text, words[i]) == 0)
				return t;
	}
	GString *s = g_string_new(NULL);
	if (t->kind == TOK_WORD) {
		g_string_printf(s, "unknown %s \"%s\"", kw->text, t->text);
		rules_suggest_append(s, t->text, words, n);
	} else {
		g_string_printf(s, "expected a word after \"%s\"", kw->text);
	}
	if (t->kind != TOK_WORD || rules_suggest(t->text, words, n) == NULL) {
		g_string_append(s, " (one of:");
		for (guint i = 0; i < n; i++)
			g_string_append_printf(s, " %s", words[i]);
		g_string_append(s, ")");
	}
	perr(p, t->kind == TOK_NEWLINE ? kw : t, "%s", s->str);
	g_string_free(s, TRUE);
	skip_line(p);
	return NULL;
}

static void stmt_prop(Parser *p, const Token *kw, Prop pr)
{
	Rule *r = p->cur;
	const Token *t;

	if (p->blk == BLK_NONE) {
		perr(p, kw, "\"%s\" outside a rule (start a block with \"rule ID\", \"meta ID\" or \"override ID\")",
		     kw->text);
		skip_line(p);
		return;
	}
	if (!prop_allowed(p->blk, pr)) {
		if (p->blk == BLK_OVERRIDE)
			perr(p, kw, "override can change only describe, guideline, markets, action and mode; to "
			     "change what a rule matches, disable it and write a rule with a new ID");
		else if (p->blk == BLK_META)
			perr(p, kw, "\"%s\" is not allowed in a meta rule (it combines rules with \"when\")", kw->text);
		else
			perr(p, kw, "\"when\" belongs in a meta rule; a rule uses \"match\" or \"require\"");
		skip_line(p);
		return;
	}
	if (r == NULL) {                     /* the block header was bad: already reported */
		skip_line(p);
		return;
	}
	if (pr != P_MATCH && pr != P_REQUIRE && pr != P_UNLESS) {
		if (p->seen_line[pr]) {
			perr(p, kw, "\"%s\" given twice in %s (first on line %u)", kw->text, r->id, p->seen_line[pr]);
			skip_line(p);
			return;
		}
		p->seen_line[pr] = kw->line;
	}

	switch (pr) {
	case P_DESCRIBE:
	case P_GUIDELINE:
		t = next(p);
		if (t->kind != TOK_STRING) {
			perr(p, t->kind == TOK_NEWLINE ? kw : t, "expected a \"quoted sentence\" after %s", kw->text);
			skip_line(p);
			return;
		}
		if (pr == P_GUIDELINE) {
			g_free(r->guideline);
			r->guideline = g_strdup(t->text);
			return;
		}
		{
			GArray *segs = parse_describe(p, t);
			if (segs == NULL)
				return;
			rules_segs_free(r->segs);
			r->segs = segs;
			g_free(r->describe);
			r->describe = g_strdup(t->text);
			g_free(r->describe_file);
			r->describe_file = g_strdup(p->file);
			r->describe_line = t->line;
			r->describe_col = t->col;
		}
		return;
	case P_MATCH:
	case P_REQUIRE:
	case P_UNLESS: {
		Cond *c = parse_cond(p, kw);
		if (c == NULL) {
			skip_line(p);
			return;
		}
		g_ptr_array_add(pr == P_MATCH ? r->match : pr == P_REQUIRE ? r->require : r->unless, c);
		return;
	}
	case P_WHEN:
		if (at_eol(p)) {
			perr(p, kw, "\"when\" needs rule IDs, e.g. when PROMO_CODE and PROMO_PERCENT");
			return;
		}
		p->meta_expr = TRUE;
		r->when = parse_or(p);
		p->meta_expr = FALSE;
		if (r->when == NULL)
			skip_line(p);
		return;
	case P_MARKETS:
		prop_markets(p, r, kw);
		return;
	case P_ACTION:
		if ((t = word_prop(p, kw, action_words, G_N_ELEMENTS(action_words))) != NULL) {
			action_parse(t->text, &r->action);
			r->has_action = TRUE;
		}
		return;
	case P_MODE:
		if ((t = word_prop(p, kw, mode_words, G_N_ELEMENTS(mode_words))) != NULL)
			r->monitor = g_ascii_strcasecmp(t->text, "monitor") == 0;
		return;
	default:
		return;
	}
}

/* rules_parse_file - every statement of one file into b */
void rules_parse_file(RulesBuild *b, const char *path, const char *text)
{
	Parser p = { .b = b, .file = path };

	p.dir = g_path_get_dirname(path);
	p.toks = rules_lex(path, text, &b->diag);
	while (peek(&p)->kind != TOK_EOF && !rules_diag_full(&b->diag)) {
		const Token *t = next(&p);
		guint i;

		if (t->kind == TOK_NEWLINE)
			continue;
		if (t->kind != TOK_WORD) {
			perr(&p, t, "expected a keyword (rule, meta, list, override, describe, match, …), found %s",
			     describe_tok(t));
			skip_line(&p);
			continue;
		}
		for (i = 0; i < G_N_ELEMENTS(statements); i++)
			if (strcmp(t->text, statements[i]) == 0)
				break;
		if (i < G_N_ELEMENTS(statements)) {
			end_block(&p);
			switch (i) {
			case 0: stmt_rule(&p, t, RK_RULE); break;
			case 1: stmt_rule(&p, t, RK_META); break;
			case 2: stmt_override(&p, t); break;
			case 3: stmt_enable(&p, t, FALSE); break;
			case 4: stmt_enable(&p, t, TRUE); break;
			case 5: stmt_list(&p, t); break;
			}
		} else {
			for (i = 0; i < P__N; i++)
				if (strcmp(t->text, prop_names[i]) == 0)
					break;
			if (i == P__N) {
				GString *s = g_string_new(NULL);
				g_string_printf(s, "unknown keyword \"%s\"", t->text);
				rules_suggest_append(s, t->text, all_keywords, G_N_ELEMENTS(all_keywords));
				perr(&p, t, "%s", s->str);
				g_string_free(s, TRUE);
				skip_line(&p);
				continue;
			}
			stmt_prop(&p, t, (Prop)i);
		}
		if (!at_eol(&p)) {
			const Token *extra = peek(&p);
			perr(&p, extra, "unexpected %s at the end of the line", describe_tok(extra));
			skip_line(&p);
		}
	}
	end_block(&p);
	rules_tokens_free(p.toks);
	g_free(p.dir);
}
