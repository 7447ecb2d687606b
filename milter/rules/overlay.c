/*
 * rules/overlay.c - the rule changes of one part of the mail, kept apart
 * from the ruleset (see rules.h, "Overlays").
 *
 * Input: a loaded Ruleset and the text of one file.  The parser of local.d
 * files reads it (rules/parse.c), but every rule an "override", "disable"
 * or "enable" names is first copied here and the copy is changed.  A copy
 * shares the compiled conditions of its rule (they stay the ruleset's, and
 * the overlay keeps the ruleset alive) and owns only what a statement can
 * change: describe, guideline and markets.  Output: for each rule index,
 * the copy or NULL, which the evaluator reads in place of the rule.
 */
#include <string.h>
#include "rules/internal.h"

struct RulesOverlay {
	Ruleset *rs;            /* a reference */
	Rule **rules;           /* by rule index: the copy, or NULL */
	guint n;
	guint changed;
};

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

Rule *rules_overlay_rule(RulesOverlay *o, const Rule *r)
{
	guint i = rules_rule_index(o->rs, r);
	Rule *c;

	if (o->rules[i] != NULL)
		return o->rules[i];
	c = g_new(Rule, 1);
	*c = *r;
	c->describe = g_strdup(r->describe);
	c->segs = segs_dup(r->segs);
	c->describe_file = g_strdup(r->describe_file);
	c->guideline = g_strdup(r->guideline);
	c->markets = g_strdupv(r->markets);
	o->rules[i] = c;
	o->changed++;
	return c;
}

const Rule *const *rules_overlay_rules(const RulesOverlay *o, const Ruleset *rs)
{
	if (o == NULL || o->rs != rs)
		return NULL;
	return (const Rule *const *)o->rules;
}

RulesOverlay *rules_overlay_parse(Ruleset *rs, const char *path, const char *text, GError **err)
{
	RulesOverlay *o = g_new0(RulesOverlay, 1);
	RulesBuild b = { .rs = rs, .overlay = o };

	o->rs = rules_ref(rs);
	o->n = rs->rules->len;
	o->rules = g_new0(Rule *, o->n);
	rules_diag_init(&b.diag);
	rules_parse_file(&b, path, text);
	for (guint i = 0; i < o->n; i++)
		if (o->rules[i] != NULL && o->rules[i]->describe_file &&
		    strcmp(o->rules[i]->describe_file, path) == 0)
			rules_check_placeholders(&b, o->rules[i]);
	if (b.diag.errors->len > 0) {
		g_autofree char *msg = NULL;
		g_ptr_array_add(b.diag.errors, NULL);
		msg = g_strjoinv("\n", (char **)b.diag.errors->pdata);
		g_set_error_literal(err, RULES_ERROR, 0, msg);
		rules_overlay_free(o);
		o = NULL;
	}
	rules_diag_clear(&b.diag);
	return o;
}

guint rules_overlay_changed(const RulesOverlay *o)
{
	return o ? o->changed : 0;
}

void rules_overlay_free(RulesOverlay *o)
{
	if (o == NULL)
		return;
	for (guint i = 0; i < o->n; i++) {
		Rule *c = o->rules[i];
		if (c == NULL)
			continue;
		g_free(c->describe);
		rules_segs_free(c->segs);
		g_free(c->describe_file);
		g_free(c->guideline);
		g_strfreev(c->markets);
		g_free(c);
	}
	g_free(o->rules);
	rules_unref(o->rs);
	g_free(o);
}
