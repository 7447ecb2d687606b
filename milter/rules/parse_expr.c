/*
 * rules/parse_expr.c - the expressions of match, require, unless and when.
 *
 * Input: the tokens after the keyword.  Output: an Expr tree (and its Test
 * and Cond structs) made by the constructors of rules/ruleset.c, with each
 * test's regex compiled (its prefilter comes later, rules/compile.c), or
 * NULL after an error.  All item targets of one expression must name the
 * same collection (link.*, attachment.*, header.NAME …): the evaluator binds
 * them to one item at a time.  In a meta rule's when, atoms are rule IDs.
 */
#include <string.h>
#include "rules/parser.h"

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
	case COLL_SENTENCE: return "sentence";
	case COLL_PASSAGE: return "passage";
	case COLL_ORDER: return "order.*";
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
	parse_error(p, t, "\"%s\" and \"%s\" are different collections and cannot be mixed in one expression "
	     "(each item is tested on its own); use one match line for each", label_old, label_new);
	g_free(label_new);
	g_free(label_old);
	return FALSE;
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
	parse_error(p, t, "%s", s->str);
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
		parse_error(p, &at, "bad regular expression: %s", (const char *)msg);
	}
	return re;
}

/* parse_set - @a, @b, { x y } after in / !in */
static gboolean parse_set(Parser *p, Test *test)
{
	test->lists = g_ptr_array_new();
	for (;;) {
		const Token *t = parse_next(p);
		if (t->kind == TOK_LISTREF) {
			List *l = parse_find_list(p, t);
			if (l == NULL)
				return FALSE;
			g_ptr_array_add(test->lists, l);
		} else if (t->kind == TOK_LBRACE) {
			List *l = rules_list_anon(p->b->rs, p->file, t->line);
			if (!parse_braces(p, t, l, FALSE))
				return FALSE;
			g_ptr_array_add(test->lists, l);
		} else {
			parse_error(p, t, "expected @list or { entries } after \"in\", found %s", parse_describe_tok(t));
			return FALSE;
		}
		if (parse_peek(p)->kind != TOK_COMMA)
			return TRUE;
		parse_next(p);
	}
}

static const char *type_name(ValType t)
{
	return t == VT_STR ? "text" : t == VT_NUM ? "a number" : "yes/no";
}

/* parse_targets - "t1, t2, …" into test; tt gets each target's token */
static gboolean parse_targets(Parser *p, Test *test, const Token **tt)
{
	for (;;) {
		const Token *t = parse_next(p);
		const TargetDef *def;
		TargetRef *ref;
		if (t->kind != TOK_WORD) {
			parse_error(p, t, "expected a target (like text, link.host, attachment.magic), found %s", parse_describe_tok(t));
			return FALSE;
		}
		def = rules_target_find(t->text);
		if (def == NULL) {
			unknown_target(p, t);
			return FALSE;
		}
		if (test->ntargets == RULES_MAX_TARGETS) {
			parse_error(p, t, "too many targets in one test (at most %d)", RULES_MAX_TARGETS);
			return FALSE;
		}
		ref = &test->targets[test->ntargets];
		ref->def = def;
		ref->hname = def->id == TG_HEADER ? g_ascii_strdown(t->text + sizeof "header." - 1, -1) : NULL;
		tt[test->ntargets++] = t;
		if (!bind_target(p, t, ref))
			return FALSE;
		if (parse_peek(p)->kind != TOK_COMMA)
			return TRUE;
		parse_next(p);
	}
}

/* parse_operator - the operator after the targets ("not in" gives "!in"),
 * or NULL when there is none (a bare yes/no test) */
static const char *parse_operator(Parser *p)
{
	const Token *op = parse_peek(p);

	if (op->kind == TOK_OP || parse_is_word(op, "in") || parse_is_word(op, "!in") ||
	    parse_is_word(op, "has")) {
		parse_next(p);
		return op->text;
	}
	if (parse_is_word(op, "not") && parse_is_word(parse_tok_at(p, p->pos + 1), "in")) {
		parse_next(p);
		parse_next(p);
		return "!in";
	}
	return NULL;
}

/* test_bool - a bare test: every target must be yes/no */
static gboolean test_bool(Parser *p, Test *test, const Token **tt)
{
	test->op = OP_BOOL;
	for (guint i = 0; i < test->ntargets; i++) {
		if (test->targets[i].def->type != VT_BOOL) {
			parse_error(p, tt[i], "target \"%s\" is %s, not yes/no: give it a test, e.g. %s",
			            tt[i]->text, type_name(test->targets[i].def->type),
			            test->targets[i].def->type == VT_NUM ? "attachments.count > 5" : "text =~ /coupon/i");
			return FALSE;
		}
	}
	return TRUE;
}

/* test_regex - "=~ /re/" or "!~ /re/": the regex, compiled */
static gboolean test_regex(Parser *p, Test *test, const char *o)
{
	const Token *re = parse_next(p);

	test->op = OP_RE;
	test->neg = o[0] == '!';
	if (re->kind != TOK_REGEX) {
		parse_error(p, re, "expected /regex/ after %s", o);
		return FALSE;
	}
	if (re->bad) {                  /* reported by the lexer */
		p->blk_error = TRUE;
		return FALSE;
	}
	if ((test->re = compile_regex(p, re)) == NULL)
		return FALSE;
	test->line = re->line;
	test->pattern = g_strdup(re->text);     /* for rules_compile's prefilter */
	test->re_flags = re->re_flags;
	p->has_re = TRUE;
	return TRUE;
}

/* parse_concept - a concept name of the lexicon; -1 after an error */
static int parse_concept(Parser *p, const char *after)
{
	const Token *c = parse_next(p);
	const Lexicon *lx = p->b->rs->lex;
	int id;

	if (c->kind != TOK_WORD) {
		parse_error(p, c, "expected a concept (like REVIEW, from lexicon/<lang>/review.words) after "
		            "\"%s\", found %s", after, parse_describe_tok(c));
		return -1;
	}
	if ((id = lexicon_concept(lx, c->text)) < 0) {
		GString *m = g_string_new(NULL);
		char *low = g_ascii_strdown(c->text, -1);
		g_string_printf(m, "unknown concept \"%s\": no lexicon file names it (lexicon/<lang>/%s.words)",
		                c->text, low);
		g_free(low);
		rules_suggest_append(m, c->text, (const char *const *)lx->concepts->pdata, lx->concepts->len);
		parse_error(p, c, "%s", m->str);
		g_string_free(m, TRUE);
		return -1;
	}
	return id;
}

/* test_has - "has CONCEPT" on subject, text, sentence or passage */
static gboolean test_has(Parser *p, Test *test, const Token **tt)
{
	int id;

	test->op = OP_HAS;
	for (guint i = 0; i < test->ntargets; i++) {
		TargetId t = test->targets[i].def->id;
		if (t != TG_SUBJECT && t != TG_TEXT && t != TG_SENTENCE && t != TG_PASSAGE) {
			parse_error(p, tt[i], "\"has\" looks for a concept in subject, text, sentence or passage, "
			            "not in \"%s\"", tt[i]->text);
			return FALSE;
		}
	}
	if ((id = parse_concept(p, "has")) < 0)
		return FALSE;
	test->concept = (guint)id;
	p->has_re = TRUE;       /* {match}: the words it found */
	return TRUE;
}

/* The comparison operators. */
static const struct {
	const char *text;
	OpKind op;
} comparisons[] = {
	{ .text = "==", .op = OP_EQ }, { .text = "!=", .op = OP_EQ }, { .text = "<", .op = OP_LT },
	{ .text = "<=", .op = OP_LE }, { .text = ">", .op = OP_GT }, { .text = ">=", .op = OP_GE },
};

/* test_compare - "== != < <= > >=" and a number or a text */
static gboolean test_compare(Parser *p, Test *test, const char *o, OpKind kind, const Token *op, const Token **tt)
{
	const Token *v = parse_next(p);
	gboolean eq = kind == OP_EQ;

	test->op = kind;
	test->neg = o[0] == '!';
	if (test->targets[0].def->type == VT_NUM) {
		guint64 n;
		if (v->kind != TOK_WORD || !text_parse_size(v->text, G_MAXINT64, &n)) {
			parse_error(p, v, "expected a number like 5, 100k or 10M after %s, found %s", o, parse_describe_tok(v));
			return FALSE;
		}
		test->num = (gint64)n;
	} else if (!eq) {
		parse_error(p, op, "%s compares numbers, but \"%s\" is %s", o, tt[0]->text,
		            type_name(test->targets[0].def->type));
		return FALSE;
	} else if (v->kind == TOK_STRING || v->kind == TOK_WORD) {
		test->str = g_utf8_casefold(v->text, -1);
	} else {
		parse_error(p, v, "expected \"text\" after %s, found %s", o, parse_describe_tok(v));
		return FALSE;
	}
	return TRUE;
}

/* targets_take_op - every target must take the operator */
static gboolean targets_take_op(Parser *p, const Test *test, const char *o, const Token **tt)
{
	for (guint i = 0; i < test->ntargets; i++) {
		ValType vt = test->targets[i].def->type;
		gboolean ok = (test->op == OP_RE || test->op == OP_IN) ? vt == VT_STR
		            : test->op == OP_EQ ? vt != VT_BOOL && vt == test->targets[0].def->type
		            : vt == VT_NUM;
		if (!ok) {
			parse_error(p, tt[i], "target \"%s\" is %s and cannot be used with %s%s", tt[i]->text,
			            type_name(vt), o, vt == VT_BOOL ? " (write it alone, or with \"not\")" : "");
			return FALSE;
		}
	}
	return TRUE;
}

/* parse_test - targets [op operand]; a bare target must be yes/no */
static Expr *parse_test(Parser *p)
{
	Test *test = rules_test_new(p->b->rs);
	const Token *tt[RULES_MAX_TARGETS];
	const Token *op;
	const char *o;
	gboolean ok = FALSE;
	Expr *e;

	if (!parse_targets(p, test, tt))
		goto fail;
	op = parse_peek(p);
	if ((o = parse_operator(p)) == NULL) {
		if (!test_bool(p, test, tt))
			goto fail;
		goto done;
	}
	if (strcmp(o, "=~") == 0 || strcmp(o, "!~") == 0) {
		ok = test_regex(p, test, o);
		/* "[not] after CONCEPT": the words right before the match decide;
		 * "[not] before CONCEPT": the words right after it */
		const Token *w = parse_is_word(parse_peek(p), "not") ? parse_tok_at(p, p->pos + 1) : parse_peek(p);
		if (ok && (parse_is_word(w, "after") || parse_is_word(w, "before"))) {
			int id;
			const char *kw = parse_is_word(w, "after") ? "after" : "before";
			test->not_after = parse_is_word(parse_next(p), "not");
			if (test->not_after)
				parse_next(p);
			test->before = strcmp(kw, "before") == 0;
			if (test->neg) {
				parse_error(p, op, "\"%s\" goes with =~, not !~", kw);
				goto fail;
			}
			if ((id = parse_concept(p, kw)) < 0)
				goto fail;
			test->after = (guint)id + 1;
		}
		/* "[not] within CONCEPT": the match's sentence decides */
		w = parse_is_word(parse_peek(p), "not") ? parse_tok_at(p, p->pos + 1) : parse_peek(p);
		if (ok && parse_is_word(w, "within")) {
			int id;
			test->not_within = parse_is_word(parse_next(p), "not");
			if (test->not_within)
				parse_next(p);
			if (test->neg) {
				parse_error(p, op, "\"within\" goes with =~, not !~");
				goto fail;
			}
			for (guint i = 0; i < test->ntargets; i++)
				if (test->targets[i].def->id != TG_TEXT && test->targets[i].def->id != TG_SUBJECT) {
					parse_error(p, w, "\"within\" reads the sentences of text and subject, not %s",
					            test->targets[i].def->name);
					goto fail;
				}
			if ((id = parse_concept(p, "within")) < 0)
				goto fail;
			test->within = (guint)id + 1;
		}
	} else if (strcmp(o, "has") == 0) {
		if (!test_has(p, test, tt))
			goto fail;
		goto done;
	} else if (strcmp(o, "in") == 0 || strcmp(o, "!in") == 0) {
		test->op = OP_IN;
		test->neg = o[0] == '!';
		ok = parse_set(p, test);
	} else {
		guint i;
		for (i = 0; i < G_N_ELEMENTS(comparisons); i++)
			if (strcmp(o, comparisons[i].text) == 0)
				break;
		if (i == G_N_ELEMENTS(comparisons)) {
			parse_error(p, op, "unknown operator \"%s\"", o);
			goto fail;
		}
		ok = test_compare(p, test, o, comparisons[i].op, op, tt);
	}
	if (!ok || !targets_take_op(p, test, o, tt))
		goto fail;
done:
	e = expr_new(p, EX_TEST, NULL, NULL);
	e->test = test;
	return e;
fail:
	rules_test_free(test);
	return NULL;
}

/* continues - the next token is word w, possibly at the start of the next line */
static gboolean continues(Parser *p, const char *w)
{
	const Token *t = parse_peek(p);
	if (parse_is_word(t, w)) {
		parse_next(p);
		return TRUE;
	}
	if (t->kind == TOK_NEWLINE && parse_is_word(parse_tok_at(p, p->pos + 1), w)) {
		p->pos += 2;
		return TRUE;
	}
	return FALSE;
}

static Expr *parse_primary(Parser *p)
{
	const Token *t = parse_peek(p);

	if (t->kind == TOK_LPAREN) {
		Expr *e;
		parse_next(p);
		p->paren++;
		e = parse_or(p);
		if (e == NULL)
			return NULL;
		t = parse_peek(p);
		p->paren--;
		if (t->kind != TOK_RPAREN) {
			parse_error(p, t, "expected \")\", found %s", parse_describe_tok(t));
			rules_expr_free(e);
			return NULL;
		}
		parse_next(p);
		return e;
	}
	if (p->meta_expr) {
		Rule *r;
		parse_next(p);
		if (t->kind != TOK_WORD) {
			parse_error(p, t, "expected a rule ID, \"not\" or \"(\", found %s", parse_describe_tok(t));
			return NULL;
		}
		r = g_hash_table_lookup(p->b->rs->by_id, t->text);
		if (r == NULL || r == p->cur) {
			char *msg = r == p->cur
			          ? g_strdup_printf("meta rule \"%s\" cannot use itself", t->text)
			          : g_strdup_printf("unknown rule \"%s\" in meta (it must be defined before the meta rule)",
			                            t->text);
			parse_rule_error(p, t, p->cur, msg);
			g_free(msg);
			return NULL;
		}
		Expr *e = expr_new(p, EX_RULE, NULL, NULL);
		e->rule = rules_rule_index(p->b->rs, r);
		g_ptr_array_add(p->cur->when_rules, GUINT_TO_POINTER(e->rule));
		return e;
	}
	if (t->kind == TOK_LISTREF) {
		const List *l;
		parse_next(p);
		if ((l = parse_find_list(p, t)) == NULL)
			return NULL;
		Expr *e = expr_new(p, EX_LIST, NULL, NULL);
		e->list = l;
		return e;
	}
	return parse_test(p);
}

static Expr *parse_unary(Parser *p)
{
	if (parse_is_word(parse_peek(p), "not")) {
		Expr *a;
		parse_next(p);
		if ((a = parse_unary(p)) == NULL)
			return NULL;
		return expr_new(p, EX_NOT, a, NULL);
	}
	return parse_primary(p);
}

/* parse_chain - sub (word sub)…, left-associative, as kind nodes */
static Expr *parse_chain(Parser *p, const char *word, ExprKind kind, Expr *(*sub)(Parser *p))
{
	Expr *e = sub(p);
	while (e != NULL && continues(p, word)) {
		Expr *b = sub(p);
		if (b == NULL) {
			rules_expr_free(e);
			return NULL;
		}
		e = expr_new(p, kind, e, b);
	}
	return e;
}

static Expr *parse_and(Parser *p)
{
	return parse_chain(p, "and", EX_AND, parse_unary);
}

Expr *parse_or(Parser *p)
{
	return parse_chain(p, "or", EX_OR, parse_and);
}

/* parse_cond - one match/require/unless expression and the collection it binds */
Cond *parse_cond(Parser *p, const Token *kw)
{
	Expr *e;
	Cond *c;

	p->key.coll = COLL_NONE;
	p->key.hname = NULL;
	p->has_re = FALSE;
	if (parse_at_eol(p)) {
		parse_error(p, kw, "\"%s\" needs an expression, e.g. %s text =~ /coupon/i", kw->text, kw->text);
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
