/*
 * rules/ruleset.c - the Ruleset: its type, arena, constructors and freeing.
 *
 * The one module that owns the compiled structs.  The parser builds rules
 * only through the constructors here (rules_rule_new, rules_cond_new,
 * rules_expr_new, rules_test_new, rules_list_define, rules_list_anon); the
 * loader creates the Ruleset and drops it with rules_unref when a load
 * fails.  Rule, Cond, Expr and Test structs live in the ruleset's arena
 * (freed in one go with it); what they point to (strings, compiled regexes,
 * arrays) is freed here too.  After load a Ruleset is immutable but for
 * its profile counters, and refcounted atomically, so any number of
 * threads may hold and evaluate it.
 */
#include <string.h>
#include "rules/internal.h"

/* Memory for the arena comes in blocks of this size; a struct bigger than
 * a quarter of it gets a block of its own. */
#define ARENA_BLOCK (64 * 1024)
#define ARENA_ALIGN 16

/* ---- freeing ---- */

/* The Rule, Cond, Expr and Test structs themselves are in the ruleset's
 * arena (rules_arena_new0): these free what they own. */

/* rules_test_free - what a Test owns */
void rules_test_free(Test *t)
{
	if (t == NULL)
		return;
	for (guint i = 0; i < t->ntargets; i++)
		g_free(t->targets[i].hname);
	if (t->re)
		pcre2_code_free(t->re);
	g_free(t->pattern);
	if (t->lits)
		g_ptr_array_unref(t->lits);
	if (t->pre_lits)
		g_ptr_array_unref(t->pre_lits);
	if (t->re_anchored)
		pcre2_code_free(t->re_anchored);
	g_free(t->str);
	if (t->lists)
		g_ptr_array_unref(t->lists);
}

/* rules_expr_free - what an expression tree owns */
void rules_expr_free(Expr *e)
{
	if (e == NULL)
		return;
	rules_expr_free(e->a);
	rules_expr_free(e->b);
	rules_test_free(e->test);
}

/* cond_free - what a Cond owns (the free function of a rule's line arrays) */
static void cond_free(gpointer data)
{
	Cond *c = data;
	rules_expr_free(c->expr);
	g_free(c->key.hname);
}

/* rules_segs_free - a describe split at placeholders */
/* segs_dup - a describe's segments, deep */
static GArray *segs_dup(const GArray *segs)
{
	GArray *out;

	if (segs == NULL)
		return NULL;
	out = g_array_sized_new(FALSE, TRUE, sizeof(Seg), segs->len);
	for (guint i = 0; i < segs->len; i++) {
		Seg s = g_array_index(segs, Seg, i);
		s.lit = g_strdup(s.lit);
		g_array_append_val(out, s);
	}
	return out;
}

Rule *rules_rule_copy(const Rule *r)
{
	Rule *c = g_new(Rule, 1);

	*c = *r;
	c->describe = g_strdup(r->describe);
	c->segs = segs_dup(r->segs);
	c->describe_file = g_strdup(r->describe_file);
	c->guideline = g_strdup(r->guideline);
	c->markets = g_strdupv(r->markets);
	return c;
}

void rules_rule_copy_free(Rule *c)
{
	if (c == NULL)
		return;
	g_free(c->describe);
	rules_segs_free(c->segs);
	g_free(c->describe_file);
	g_free(c->guideline);
	g_strfreev(c->markets);
	g_free(c);
}

void rules_segs_free(GArray *segs)
{
	if (segs == NULL)
		return;
	for (guint i = 0; i < segs->len; i++)
		g_free(g_array_index(segs, Seg, i).lit);
	g_array_free(segs, TRUE);
}

/* rule_free - what a Rule owns */
static void rule_free(Rule *r)
{
	if (r == NULL)
		return;
	g_free(r->id);
	g_free(r->file);
	g_free(r->describe);
	rules_segs_free(r->segs);
	g_free(r->describe_file);
	g_free(r->guideline);
	g_ptr_array_unref(r->match);
	g_ptr_array_unref(r->require);
	g_ptr_array_unref(r->unless);
	rules_expr_free(r->when);
	if (r->when_rules)
		g_ptr_array_unref(r->when_rules);
	g_strfreev(r->markets);
}

/* ruleset_free - everything, the arena last */
static void ruleset_free(Ruleset *rs)
{
	rules_mp_free(rs->pf);
	if (rs->tests)
		g_ptr_array_unref(rs->tests);
	g_free(rs->prof_rules);
	g_free(rs->prof_tests);
	g_hash_table_unref(rs->by_id);
	g_ptr_array_unref(rs->rules);
	g_hash_table_unref(rs->lists);
	g_ptr_array_unref(rs->anon_lists);
	lexicon_free(rs->lex);
	if (rs->lang_markets)
		g_ptr_array_unref(rs->lang_markets);
	if (rs->market_langs)
		g_hash_table_unref(rs->market_langs);
	g_ptr_array_unref(rs->arena);       /* last: the frees above read the structs */
	g_free(rs);
}

/* ---- the ruleset ---- */

/* rules_ruleset_new - an empty ruleset with one reference */
Ruleset *rules_ruleset_new(void)
{
	Ruleset *rs = g_new0(Ruleset, 1);
	rs->ref = 1;
	rs->rules = g_ptr_array_new_with_free_func((GDestroyNotify)rule_free);
	rs->by_id = g_hash_table_new(g_str_hash, g_str_equal);
	rs->lists = g_hash_table_new_full(g_str_hash, g_str_equal, NULL, (GDestroyNotify)rules_list_free);
	rs->anon_lists = g_ptr_array_new_with_free_func((GDestroyNotify)rules_list_free);
	rs->arena = g_ptr_array_new_with_free_func(g_free);
	rs->lex = lexicon_new();
	return rs;
}

gpointer rules_arena_new0(Ruleset *rs, gsize size)
{
	char *p;

	size = (size + ARENA_ALIGN - 1) & ~(gsize)(ARENA_ALIGN - 1);
	if (size > ARENA_BLOCK / 4) {           /* big: a block of its own */
		p = g_malloc0(size);
		g_ptr_array_add(rs->arena, p);
		return p;
	}
	if (size > rs->arena_left) {
		rs->arena_next = g_malloc0(ARENA_BLOCK);
		rs->arena_left = ARENA_BLOCK;
		g_ptr_array_add(rs->arena, rs->arena_next);
	}
	p = rs->arena_next;
	rs->arena_next += size;
	rs->arena_left -= size;
	return p;
}

Ruleset *rules_ref(Ruleset *rs)
{
	g_atomic_int_inc(&rs->ref);
	return rs;
}

void rules_unref(Ruleset *rs)
{
	if (rs != NULL && g_atomic_int_dec_and_test(&rs->ref))
		ruleset_free(rs);
}

guint rules_count(const Ruleset *rs)
{
	return rs->n_enabled;
}

gboolean rules_info(const Ruleset *rs, guint i, RuleInfo *out)
{
	const Rule *r;

	if (i >= rs->rules->len)
		return FALSE;
	r = rs->rules->pdata[i];
	out->id = r->id;
	out->describe = r->describe ? r->describe : "";
	out->guideline = r->guideline;
	out->file = r->file;
	out->line = r->line;
	out->action = r->action;
	out->monitor = r->monitor;
	out->enabled = r->enabled;
	out->meta = r->kind == RK_META;
	out->sub = r->sub;
	return TRUE;
}

/* ---- constructors ---- */

/* rules_rule_new - rule id of kind, defined at file:line, added to rs */
Rule *rules_rule_new(Ruleset *rs, const char *id, RuleKind kind, const char *file, guint line)
{
	Rule *r = rules_arena_new0(rs, sizeof *r);
	r->id = g_strdup(id);
	r->kind = kind;
	r->sub = g_str_has_prefix(id, "__");
	r->file = g_strdup(file);
	r->line = line;
	r->match = g_ptr_array_new_with_free_func(cond_free);
	r->require = g_ptr_array_new_with_free_func(cond_free);
	r->unless = g_ptr_array_new_with_free_func(cond_free);
	r->when_rules = g_ptr_array_new();
	r->enabled = TRUE;
	r->action = ACTION_ACCEPT;
	g_ptr_array_add(rs->rules, r);
	g_hash_table_insert(rs->by_id, r->id, r);
	return r;
}

/* rules_rule_index - the load-order index of r in rs */
guint rules_rule_index(const Ruleset *rs, const Rule *r)
{
	guint idx = 0;

	for (guint i = 0; i < rs->rules->len; i++)
		if (rs->rules->pdata[i] == r)
			idx = i;
	return idx;
}

/* rules_expr_new - an expression node; a and b are taken */
Expr *rules_expr_new(Ruleset *rs, ExprKind k, Expr *a, Expr *b)
{
	Expr *e = rules_arena_new0(rs, sizeof *e);
	e->kind = k;
	e->a = a;
	e->b = b;
	return e;
}

/* rules_test_new - an empty test, filled in by the parser */
Test *rules_test_new(Ruleset *rs)
{
	return rules_arena_new0(rs, sizeof(Test));
}

/* rules_cond_new - a match, require or unless line; expr and key.hname are taken */
Cond *rules_cond_new(Ruleset *rs, Expr *expr, CollKey key, gboolean has_re)
{
	Cond *c = rules_arena_new0(rs, sizeof *c);
	c->expr = expr;
	c->key = key;
	c->has_re = has_re;
	return c;
}

/* rules_list_define - a new named list, owned by rs */
List *rules_list_define(Ruleset *rs, const char *name, const char *file, guint line)
{
	List *l = rules_list_new(name, file, line);
	g_hash_table_insert(rs->lists, l->name, l);
	return l;
}

/* rules_list_anon - a new inline set of an expression, owned by rs */
List *rules_list_anon(Ruleset *rs, const char *file, guint line)
{
	List *l = rules_list_new(NULL, file, line);
	g_ptr_array_add(rs->anon_lists, l);
	return l;
}

/* ---- walking ---- */

static void expr_regexes(const Expr *e, GPtrArray *out)
{
	if (e == NULL)
		return;
	expr_regexes(e->a, out);
	expr_regexes(e->b, out);
	if (e->kind == EX_TEST && e->test->op == OP_RE)
		g_ptr_array_add(out, e->test);
}

/* rules_rule_regexes - append the regex tests (Test*) of r's match, require
 * and unless lines to out, in that order, each expression depth first */
void rules_rule_regexes(const Rule *r, GPtrArray *out)
{
	const GPtrArray *lines[] = { r->match, r->require, r->unless };

	for (guint k = 0; k < G_N_ELEMENTS(lines); k++)
		for (guint j = 0; j < lines[k]->len; j++)
			expr_regexes(((const Cond *)lines[k]->pdata[j])->expr, out);
}
