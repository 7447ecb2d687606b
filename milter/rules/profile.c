/*
 * rules/profile.c - the cost report of a ruleset loaded with profiling.
 *
 * Input: the counters rules/eval.c adds to (RuleProf by rule index,
 * TestProf by regex test id), read with relaxed atomic loads while other
 * threads may still be adding.  Output: text on a FILE the caller owns.
 */
#include <string.h>
#include "rules/internal.h"

gboolean rules_profiling(const Ruleset *rs)
{
	return rs->prof_rules != NULL;
}

void rules_prefilter_stats(const Ruleset *rs, guint *regexes, guint *filtered, guint *literals)
{
	*regexes = rs->n_re;
	*filtered = rs->n_re_pf;
	*literals = rules_mp_count(rs->pf);
}

/* ns_desc - x before y when it cost more */
static gint ns_desc(guint64 x, guint64 y)
{
	return x < y ? 1 : x > y ? -1 : 0;
}

/* by_ns_desc - rule indices by the time in data (ns by index), costliest first */
static gint by_ns_desc(gconstpointer a, gconstpointer b, gpointer data)
{
	const guint64 *ns = data;
	return ns_desc(ns[*(const guint *)a], ns[*(const guint *)b]);
}

/* by_test_ns_desc - Test* by the time in data (ns by test id), costliest first */
static gint by_test_ns_desc(gconstpointer a, gconstpointer b, gpointer data)
{
	const guint64 *ns = data;
	return ns_desc(ns[(*(const Test *const *)a)->id], ns[(*(const Test *const *)b)->id]);
}

/* rules_profile_dump - the top rules by time, each with its costliest regexes */
void rules_profile_dump(const Ruleset *rs, FILE *out, guint top)
{
	guint n = rs->rules->len;
	guint64 *rule_ns, *test_ns, total = 0;
	guint *order;

	if (rs->prof_rules == NULL) {
		fprintf(out, "rule profile: off (set AMZ_RULE_PROFILE=1 before the rules load)\n");
		return;
	}
	rule_ns = g_new(guint64, n);
	test_ns = g_new(guint64, MAX(rs->n_re, 1));
	order = g_new(guint, n);
	for (guint i = 0; i < n; i++) {
		rule_ns[i] = __atomic_load_n(&rs->prof_rules[i].ns, __ATOMIC_RELAXED);
		total += rule_ns[i];
		order[i] = i;
	}
	for (guint i = 0; i < rs->n_re; i++)
		test_ns[i] = __atomic_load_n(&rs->prof_tests[i].ns, __ATOMIC_RELAXED);
	g_qsort_with_data(order, (gint)n, sizeof(guint), by_ns_desc, rule_ns);
	fprintf(out, "rule profile: %.1f ms in rules; %u of %u regexes have a literal prefilter (%u literals)",
	        total / 1e6, rs->n_re_pf, rs->n_re, rules_mp_count(rs->pf));
	{
		const char *names[] = { "subject", "text", "html", "hidden_text" }, *sep = "; scanned:";
		for (guint i = 0; i < G_N_ELEMENTS(names); i++)
			if (rs->pf_targets & (G_GUINT64_CONSTANT(1) << rules_target_find(names[i])->id)) {
				fprintf(out, "%s %s", sep, names[i]);
				sep = ",";
			}
		fprintf(out, "\n");
	}
	fprintf(out, "%6s %9s %7s  %-26s %s\n", "share", "ms", "evals", "rule",
	        "regexes, costliest first: file:line ms runs skipped");
	for (guint k = 0; k < MIN(top, n) && rule_ns[order[k]] > 0; k++) {
		const Rule *r = rs->rules->pdata[order[k]];
		GPtrArray *ids = g_ptr_array_new();
		const char *base = strrchr(r->file, '/') ? strrchr(r->file, '/') + 1 : r->file;

		rules_rule_regexes(r, ids);
		g_ptr_array_sort_with_data(ids, by_test_ns_desc, test_ns);
		fprintf(out, "%5.1f%% %9.1f %7" G_GUINT64_FORMAT "  %-26s", 100.0 * rule_ns[order[k]] / total,
		        rule_ns[order[k]] / 1e6, rs->prof_rules[order[k]].evals, r->id);
		for (guint j = 0; j < MIN(ids->len, 3u); j++) {
			const Test *t = ids->pdata[j];
			guint id = t->id;
			const TestProf *tp = &rs->prof_tests[id];
			if (tp->runs == 0 && tp->skips == 0)
				break;
			fprintf(out, "%s %s:%u %.1f %" G_GUINT64_FORMAT " %" G_GUINT64_FORMAT "%s", j ? ";" : "",
			        base, t->line, test_ns[id] / 1e6, tp->runs, tp->skips,
			        !t->nlit_ids ? " (no prefilter)" : t->sentence ? " (by sentence)" : "");
		}
		fprintf(out, "\n");
		g_ptr_array_unref(ids);
	}
	g_free(rule_ns);
	g_free(test_ns);
	g_free(order);
}
