/*
 * rules/compile.c - the steps after the last rule file is parsed.
 *
 * Input: the Ruleset the parser filled (every file of one load) and the
 * load's options.  Checks what needs the whole load (placeholders against
 * match lines), counts the enabled rules, numbers the regex tests, derives
 * each regex's literal prefilter from its pattern (rules/prefilter.c), and
 * builds one literal automaton for the whole ruleset.  Output: the same
 * Ruleset, ready to evaluate, or errors in b->diag.  The patterns kept for
 * this step are dropped at its end.
 */
#include <string.h>
#include "rules/internal.h"

/* rules_regex_compile - pattern with flags, JIT-compiled when JIT is there
 * (the interpreter otherwise); NULL with PCRE2's error code and offset */
pcre2_code *rules_regex_compile(const char *pattern, guint32 flags, int *code, PCRE2_SIZE *off)
{
	pcre2_code *re = pcre2_compile((PCRE2_SPTR)pattern, strlen(pattern),
	                               flags | PCRE2_NEVER_BACKSLASH_C, code, off, NULL);
	if (re != NULL)
		(void)pcre2_jit_compile(re, PCRE2_JIT_COMPLETE);
	return re;
}

static gboolean all_match_in(const Rule *r, Coll a, Coll b)
{
	if (r->match->len == 0)
		return FALSE;
	for (guint i = 0; i < r->match->len; i++) {
		const Cond *c = r->match->pdata[i];
		if (c->key.coll != a && c->key.coll != b)
			return FALSE;
	}
	return TRUE;
}

static gboolean any_regex(const Rule *r)
{
	for (guint i = 0; i < r->match->len; i++)
		if (((const Cond *)r->match->pdata[i])->has_re)
			return TRUE;
	return FALSE;
}

/* rules_check_placeholders - each placeholder must have a value whenever the rule fires */
void rules_check_placeholders(RulesBuild *b, Rule *r)
{
	if (r->segs == NULL)
		return;
	for (guint i = 0; i < r->segs->len; i++) {
		Placeholder ph = g_array_index(r->segs, Seg, i).ph;
		const char *why = NULL;
		switch (ph) {
		case PH_URL:
		case PH_HOST:
			if (!all_match_in(r, COLL_LINK, COLL_IMAGE))
				why = "its match lines do not all look at link.* or image.*";
			break;
		case PH_NAME: case PH_EXT: case PH_MAGIC: case PH_TYPE: case PH_SIZE:
			if (!all_match_in(r, COLL_ATTACHMENT, COLL_ATTACHMENT))
				why = "its match lines do not all look at attachment.*";
			break;
		case PH_ORDER:
			if (!all_match_in(r, COLL_ORDER, COLL_ORDER))
				why = "its match lines do not all look at order.*";
			break;
		case PH_MATCH:
			if (!any_regex(r))
				why = "it has no =~ or has test in a match line";
			break;
		case PH_VALUE:
		case PH_COUNT:
			if (r->match->len == 0)
				why = r->kind == RK_META ? "a meta rule has no tested value (use {rules})"
				                         : "a require rule fires when nothing matched";
			break;
		case PH_RULES:
			if (r->kind != RK_META)
				why = "only meta rules combine rules";
			break;
		default:
			break;
		}
		if (ph == PH_COUNT)
			r->needs_count = TRUE;
		if (why != NULL)
			rules_diag_add(&b->diag, r->describe_file, r->describe_line, r->describe_col,
			               "{%s} has no value in %s: %s", rules_placeholder_name(ph), r->id, why);
	}
}

/* extract - the literal prefilter of a regex test, from its pattern; the
 * anchored compilation when the prefilter says where matches start */
static void extract(Test *t)
{
	int code;
	PCRE2_SIZE off;

	t->lits = rules_lits_extract(t->pattern, t->re_flags);
	t->pre_lits = rules_prefix_extract(t->pattern, t->re_flags);
	t->sentence = t->pre_lits == NULL && t->lits != NULL &&
	              rules_sentence_scoped(t->pattern, t->re_flags);
	if ((t->pre_lits != NULL || t->sentence) &&
	    (t->re_anchored = rules_regex_compile(t->pattern, t->re_flags | PCRE2_ANCHORED, &code, &off)) == NULL) {
		g_clear_pointer(&t->pre_lits, g_ptr_array_unref);
		t->sentence = FALSE;
	}
}

/* lit_id - the id of a folded literal in the ruleset's automaton */
static guint32 lit_id(GHashTable *ids, GPtrArray *lits, GByteArray *spot, char *lit, gboolean want_spot)
{
	gpointer id;
	guint8 zero = 0;

	if (!g_hash_table_lookup_extended(ids, lit, NULL, &id)) {
		id = GUINT_TO_POINTER(lits->len);
		g_ptr_array_add(lits, lit);
		g_byte_array_append(spot, &zero, 1);
		g_hash_table_insert(ids, lit, id);
	}
	if (want_spot)
		spot->data[GPOINTER_TO_UINT(id)] = 1;
	return GPOINTER_TO_UINT(id);
}

/* scanned_targets - the targets worth one scan per message: read by at least
 * min_tests regexes with literals (RULES_PF_MIN_TESTS; 1 with
 * RULES_PREFILTER_ALL).  A target few regexes read is left to them: a scan
 * of the whole HTML source for the two regexes that read it costs more than
 * their unfiltered searches; the text is read by a dozen (the shapes: phone
 * numbers after "+", addresses around "@"), whose searches without the scan
 * cost several times its one pass. */
#define RULES_PF_MIN_TESTS 4
G_STATIC_ASSERT(TG_PARTS_COUNT < 64);     /* a bit per target */
static guint64 scanned_targets(const Ruleset *rs, guint min_tests)
{
	guint count[64] = { 0 };
	guint64 on = 0;

	for (guint i = 0; i < rs->tests->len; i++) {
		const Test *t = rs->tests->pdata[i];
		if (t->nlit_ids == 0 && t->npre_ids == 0)
			continue;
		for (guint j = 0; j < t->ntargets; j++)
			count[t->targets[j].def->id]++;
	}
	for (guint id = 0; id < 64; id++)
		if (count[id] >= min_tests)
			on |= G_GUINT64_CONSTANT(1) << id;
	return on;
}

/* build_prefilter - number the regex tests; give each one's literals (those
 * every match contains, those every match starts with) an id in one
 * automaton for the whole ruleset */
static void build_prefilter(RulesBuild *b)
{
	Ruleset *rs = b->rs;
	GHashTable *ids = g_hash_table_new(g_str_hash, g_str_equal);
	GPtrArray *lits = g_ptr_array_new();
	GByteArray *spot = g_byte_array_new();

	rs->tests = g_ptr_array_new();
	for (guint i = 0; i < rs->rules->len; i++)
		rules_rule_regexes(rs->rules->pdata[i], rs->tests);
	rs->n_re = rs->tests->len;
	for (guint i = 0; i < rs->tests->len; i++) {
		Test *t = rs->tests->pdata[i];
		t->id = i;
		if (b->opt.prefilter == RULES_PREFILTER_OFF)
			continue;
		extract(t);
		if (t->lits != NULL) {
			t->lit_ids = rules_arena_new0(rs, t->lits->len * sizeof *t->lit_ids);
			t->nlit_ids = t->lits->len;
			for (guint j = 0; j < t->lits->len; j++)   /* sentence-scoped: where they are */
				t->lit_ids[j] = lit_id(ids, lits, spot, t->lits->pdata[j], t->sentence);
			rs->n_re_pf++;
		}
		if (t->pre_lits != NULL) {
			t->pre_ids = rules_arena_new0(rs, t->pre_lits->len * sizeof *t->pre_ids);
			t->npre_ids = t->pre_lits->len;
			for (guint j = 0; j < t->pre_lits->len; j++)
				t->pre_ids[j] = lit_id(ids, lits, spot, t->pre_lits->pdata[j], TRUE);
			rs->n_re_pre++;
		}
	}
	if (lits->len > 0)
		rs->pf = rules_mp_build(lits, spot->data);
	rs->pf_targets = scanned_targets(rs, b->opt.prefilter == RULES_PREFILTER_ALL ? 1 : RULES_PF_MIN_TESTS);
	for (guint i = 0; i < rs->tests->len; i++) {
		Test *t = rs->tests->pdata[i];
		g_clear_pointer(&t->lits, g_ptr_array_unref);
		g_clear_pointer(&t->pre_lits, g_ptr_array_unref);
		g_clear_pointer(&t->pattern, g_free);
	}
	g_ptr_array_unref(lits);
	g_byte_array_unref(spot);
	g_hash_table_unref(ids);
	if (b->opt.profile) {
		rs->prof_rules = g_new0(RuleProf, rs->rules->len);
		rs->prof_tests = g_new0(TestProf, MAX(rs->n_re, 1));
	}
}

/* lang_markets - for each lexicon language XX, the list markets_XX: the
 * marketplaces whose mail its lexicon applies to, whatever the detector
 * says; and by marketplace, the languages whose lists name it */
static void lang_markets(Ruleset *rs)
{
	rs->lang_markets = g_ptr_array_new();
	rs->market_langs = g_hash_table_new(g_str_hash, g_str_equal);
	for (guint i = 0; i < rs->lex->langs->len; i++) {
		const LexLang *l = rs->lex->langs->pdata[i];
		char *name = g_strconcat("markets_", l->code, NULL);
		const List *ml = g_hash_table_lookup(rs->lists, name);
		GHashTableIter it;
		gpointer key;
		g_ptr_array_add(rs->lang_markets, (gpointer)ml);
		g_free(name);
		if (ml == NULL)
			continue;
		if (rules_list_match(ml, LM_EXACT, "*"))
			rs->market_star |= 1u << i;
		/* the keys are the list's own (folded) strings: the list outlives the table */
		g_hash_table_iter_init(&it, ml->exact);
		while (g_hash_table_iter_next(&it, &key, NULL)) {
			guint32 bits = GPOINTER_TO_UINT(g_hash_table_lookup(rs->market_langs, key));
			g_hash_table_insert(rs->market_langs, key, GUINT_TO_POINTER(bits | 1u << i));
		}
	}
}

/* rules_compile - checks that need every file loaded; counts enabled rules;
 * builds the prefilter */
void rules_compile(RulesBuild *b)
{
	b->rs->n_enabled = 0;
	for (guint i = 0; i < b->rs->rules->len; i++) {
		Rule *r = b->rs->rules->pdata[i];
		rules_check_placeholders(b, r);
		if (r->enabled)
			b->rs->n_enabled++;
	}
	lang_markets(b->rs);
	build_prefilter(b);
}
