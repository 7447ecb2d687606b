/*
 * rules/overlay.c - the rule changes of one part of the mail, kept apart
 * from the ruleset (see rules.h, "Overlays").
 *
 * Input: a loaded Ruleset and the text of one file.  The parser of local.d
 * files reads it (rules/parse.c), but every rule an "override", "disable"
 * or "enable" names is first copied (rules_rule_copy) into the overlay and
 * the copy is changed.  A copy
 * shares the compiled conditions of its rule (they stay the ruleset's, and
 * the overlay keeps the ruleset alive) and owns only what a statement can
 * change: describe, guideline and markets.  Output: for each rule index,
 * the copy or NULL, which the evaluator reads in place of the rule.
 */
#include <string.h>
#include "rules/internal.h"

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
		rules_rule_copy_free(o->rules[i]);
	}
	g_free(o->rules);
	rules_unref(o->rs);
	g_free(o);
}
