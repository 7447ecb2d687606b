/*
 * test_metrics.c - the daemon's counters and their Prometheus text
 * (engine/metrics.c), and the order stage's counters it exposes
 * (engine/orders.c: stale store, store errors).
 */
#include <string.h>
#include "testfiles.h"
#include "engine/metrics.h"
#include "engine/orders.h"
#include "engine/pipeline.h"

/* scrape - the rendered text as sample -> value ("name{labels}" as written) */
static GHashTable *scrape(char **text)
{
	GHashTable *t = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
	g_autoptr(GString) out = g_string_new(NULL);
	g_auto(GStrv) lines = NULL;

	metrics_render(out);
	lines = g_strsplit(out->str, "\n", -1);
	for (guint i = 0; lines[i]; i++) {
		char *sp;
		if (lines[i][0] == '#' || lines[i][0] == '\0')
			continue;
		sp = strrchr(lines[i], ' ');
		g_assert_nonnull(sp);
		g_hash_table_insert(t, g_strndup(lines[i], sp - lines[i]), g_strdup(sp + 1));
	}
	if (text)
		*text = g_strdup(out->str);
	return t;
}

/* value - a sample's value; fails the test when it is missing */
static const char *value(GHashTable *t, const char *sample)
{
	const char *v = g_hash_table_lookup(t, sample);
	if (v == NULL)
		g_test_fail_printf("no sample %s", sample);
	return v ? v : "(none)";
}

static Verdict *verdict_of(const char *const *rules, const Action *actions, const gboolean *monitor, guint n)
{
	Verdict *v = verdict_new();
	for (guint i = 0; i < n; i++)
		verdict_add(v, rules[i], actions[i], monitor ? monitor[i] : FALSE, "m", "");
	return v;
}

static void test_counts(void)
{
	static const char *const r1[] = { "ORDER_ID_MISSING", "LINK_NOT_HTTPS" };
	static const Action a1[] = { ACTION_REJECT, ACTION_TAG };
	static const char *const r2[] = { "LINK_NOT_HTTPS" };
	static const Action a2[] = { ACTION_QUARANTINE };
	static const gboolean m2[] = { TRUE };
	static const char *const r3[] = { "AMZ_LIMIT", "AMZ_STORE_ERROR" };
	static const Action a3[] = { ACTION_TEMPFAIL, ACTION_TEMPFAIL };
	g_autoptr(Verdict) v1 = verdict_of(r1, a1, NULL, 2);
	g_autoptr(Verdict) v2 = verdict_of(r2, a2, m2, 1);
	g_autoptr(Verdict) v3 = verdict_of(r3, a3, NULL, 2);
	g_autoptr(GHashTable) t = NULL;

	metrics_reset();
	metrics_message(ACTION_REJECT, v1, FALSE, 100, 500);
	metrics_message(ACTION_ACCEPT, v2, FALSE, 100, 500);     /* a rule in monitor mode */
	metrics_message(ACTION_TEMPFAIL, v3, FALSE, 100, 500);
	metrics_message(ACTION_ACCEPT, v1, TRUE, 100, 500);      /* mode = monitor */
	metrics_message(ACTION_REJECT, NULL, FALSE, 100000000, 0);
	metrics_size_limit();
	metrics_skipped(METRICS_SKIP_NOT_RELAY);
	metrics_skipped(METRICS_SKIP_NOT_RELAY);
	metrics_skipped(METRICS_SKIP_CHECKED_BEFORE);
	metrics_skipped(METRICS_SKIP_BYPASS);
	metrics_skipped(METRICS_SKIP_BYPASS);
	metrics_skipped(METRICS_SKIP_BYPASS);
	metrics_reload(TRUE);
	metrics_reload(FALSE);
	metrics_reload(TRUE);
	t = scrape(NULL);

	g_assert_cmpstr(value(t, "amzmilter_messages_total{verdict=\"accept\"}"), ==, "2");
	g_assert_cmpstr(value(t, "amzmilter_messages_total{verdict=\"reject\"}"), ==, "2");
	g_assert_cmpstr(value(t, "amzmilter_messages_total{verdict=\"tempfail\"}"), ==, "1");
	g_assert_cmpstr(value(t, "amzmilter_messages_total{verdict=\"quarantine\"}"), ==, "0");
	g_assert_cmpstr(value(t, "amzmilter_messages_total{verdict=\"tag\"}"), ==, "0");
	g_assert_cmpstr(value(t, "amzmilter_messages_total{verdict=\"discard\"}"), ==, "0");
	/* acted: enforced, and the verdict's own action */
	g_assert_cmpstr(value(t, "amzmilter_rule_hits_total{rule=\"ORDER_ID_MISSING\",acted=\"yes\"}"), ==, "1");
	g_assert_cmpstr(value(t, "amzmilter_rule_hits_total{rule=\"ORDER_ID_MISSING\",acted=\"no\"}"), ==, "1");
	g_assert_cmpstr(value(t, "amzmilter_rule_hits_total{rule=\"LINK_NOT_HTTPS\",acted=\"yes\"}"), ==, "0");
	g_assert_cmpstr(value(t, "amzmilter_rule_hits_total{rule=\"LINK_NOT_HTTPS\",acted=\"no\"}"), ==, "3");
	g_assert_cmpstr(value(t, "amzmilter_rule_hits_total{rule=\"AMZ_LIMIT\",acted=\"yes\"}"), ==, "1");
	g_assert_cmpstr(value(t, "amzmilter_failures_total{class=\"limit\"}"), ==, "1");
	g_assert_cmpstr(value(t, "amzmilter_failures_total{class=\"store\"}"), ==, "1");
	g_assert_cmpstr(value(t, "amzmilter_failures_total{class=\"parse\"}"), ==, "0");
	g_assert_cmpstr(value(t, "amzmilter_size_limit_rejects_total"), ==, "1");
	g_assert_cmpstr(value(t, "amzmilter_unchecked_total{reason=\"not_relay\"}"), ==, "2");
	g_assert_cmpstr(value(t, "amzmilter_unchecked_total{reason=\"checked_before\"}"), ==, "1");
	g_assert_cmpstr(value(t, "amzmilter_unchecked_total{reason=\"bypass\"}"), ==, "3");
	g_assert_cmpstr(value(t, "amzmilter_reloads_total{result=\"ok\"}"), ==, "2");
	g_assert_cmpstr(value(t, "amzmilter_reloads_total{result=\"failed\"}"), ==, "1");
	g_assert_cmpstr(value(t, "amzmilter_snapshot_generation"), ==, "0");   /* none installed */
	/* every message counted is in both histograms */
	g_assert_cmpstr(value(t, "amzmilter_message_size_bytes_count"), ==, "5");
	g_assert_cmpstr(value(t, "amzmilter_check_duration_seconds_count"), ==, "5");

	metrics_reset();
	g_clear_pointer(&t, g_hash_table_unref);
	t = scrape(NULL);
	g_assert_cmpstr(value(t, "amzmilter_messages_total{verdict=\"reject\"}"), ==, "0");
	g_assert_null(g_hash_table_lookup(t, "amzmilter_rule_hits_total{rule=\"LINK_NOT_HTTPS\",acted=\"no\"}"));
}

/* buckets are cumulative, "le" exact, +Inf equals _count, _sum in the unit */
static void test_histograms(void)
{
	static const guint64 sizes[] = { 0, 1024, 1025, 1048576, 100000000 };
	static const gint64 us[] = { 0, 1000, 1001, 2500000, 60000000 };
	g_autoptr(GHashTable) t = NULL;

	metrics_reset();
	for (guint i = 0; i < G_N_ELEMENTS(sizes); i++)
		metrics_message(ACTION_ACCEPT, NULL, FALSE, sizes[i], us[i]);
	t = scrape(NULL);
	g_assert_cmpstr(value(t, "amzmilter_message_size_bytes_bucket{le=\"1024\"}"), ==, "2");
	g_assert_cmpstr(value(t, "amzmilter_message_size_bytes_bucket{le=\"4096\"}"), ==, "3");
	g_assert_cmpstr(value(t, "amzmilter_message_size_bytes_bucket{le=\"1048576\"}"), ==, "4");
	g_assert_cmpstr(value(t, "amzmilter_message_size_bytes_bucket{le=\"67108864\"}"), ==, "4");
	g_assert_cmpstr(value(t, "amzmilter_message_size_bytes_bucket{le=\"+Inf\"}"), ==, "5");
	g_assert_cmpstr(value(t, "amzmilter_message_size_bytes_sum"), ==, "101050625");
	g_assert_cmpstr(value(t, "amzmilter_message_size_bytes_count"), ==, "5");
	g_assert_cmpstr(value(t, "amzmilter_check_duration_seconds_bucket{le=\"0.001\"}"), ==, "2");
	g_assert_cmpstr(value(t, "amzmilter_check_duration_seconds_bucket{le=\"0.0025\"}"), ==, "3");
	g_assert_cmpstr(value(t, "amzmilter_check_duration_seconds_bucket{le=\"2.5\"}"), ==, "4");
	g_assert_cmpstr(value(t, "amzmilter_check_duration_seconds_bucket{le=\"30\"}"), ==, "4");
	g_assert_cmpstr(value(t, "amzmilter_check_duration_seconds_bucket{le=\"+Inf\"}"), ==, "5");
	g_assert_cmpstr(value(t, "amzmilter_check_duration_seconds_sum"), ==, "62.502001");
}

/* label values escaped; the rule table stops growing at METRICS_RULES_MAX */
static void test_rule_names(void)
{
	static const Action act[] = { ACTION_TAG };
	const char *odd[] = { "R\"Q\\B\nN" };
	g_autoptr(Verdict) v = verdict_of(odd, act, NULL, 1);
	g_autoptr(GHashTable) t = NULL;
	guint rules = 0;
	GHashTableIter it;
	gpointer k;

	metrics_reset();
	metrics_message(ACTION_TAG, v, FALSE, 1, 1);
	for (guint i = 0; i < METRICS_RULES_MAX + 10; i++) {
		char name[32];
		const char *n1[] = { name };
		g_autoptr(Verdict) w = NULL;
		g_snprintf(name, sizeof name, "RULE_%u", i);
		w = verdict_of(n1, act, NULL, 1);
		metrics_message(ACTION_TAG, w, FALSE, 1, 1);
	}
	t = scrape(NULL);
	g_assert_cmpstr(value(t, "amzmilter_rule_hits_total{rule=\"R\\\"Q\\\\B\\nN\",acted=\"yes\"}"), ==, "1");
	g_assert_cmpstr(value(t, "amzmilter_rule_hits_total{rule=\"RULE_0\",acted=\"yes\"}"), ==, "1");
	/* the odd name and RULE_0 .. RULE_4094 fill the table; 11 more are "_other" */
	g_assert_cmpstr(value(t, "amzmilter_rule_hits_total{rule=\"_other\",acted=\"yes\"}"), ==, "11");
	g_hash_table_iter_init(&it, t);
	while (g_hash_table_iter_next(&it, &k, NULL))
		rules += g_str_has_prefix(k, "amzmilter_rule_hits_total{") && strstr(k, "acted=\"yes\"");
	g_assert_cmpuint(rules, ==, METRICS_RULES_MAX + 1);
}

/* every sample belongs to a family announced once by HELP and TYPE before it */
static void test_format(void)
{
	static const Action act[] = { ACTION_REJECT };
	const char *r[] = { "ORDER_ID_MISSING" };
	g_autoptr(Verdict) v = verdict_of(r, act, NULL, 1);
	g_autoptr(GHashTable) typed = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
	g_autoptr(GHashTable) t = NULL;
	g_autofree char *text = NULL;
	g_auto(GStrv) lines = NULL;

	metrics_reset();
	metrics_message(ACTION_REJECT, v, FALSE, 10, 10);
	t = scrape(&text);
	g_assert_true(g_str_has_suffix(text, "\n"));
	lines = g_strsplit(text, "\n", -1);
	for (guint i = 0; lines[i] && lines[i][0]; i++) {
		g_auto(GStrv) w = g_strsplit(lines[i], " ", 4);
		if (g_str_has_prefix(lines[i], "# HELP ")) {
			g_assert_true(g_str_has_prefix(lines[i + 1], "# TYPE "));
			g_assert_false(g_hash_table_contains(typed, w[2]));
		} else if (g_str_has_prefix(lines[i], "# TYPE ")) {
			g_assert_true(g_strv_contains((const char *const[]){ "counter", "gauge", "histogram", NULL }, w[3]));
			g_hash_table_insert(typed, g_strdup(w[2]), g_strdup(w[3]));
		} else {
			g_autofree char *name = g_strndup(lines[i], strcspn(lines[i], "{ "));
			const char *type = g_hash_table_lookup(typed, name);
			if (type == NULL) {   /* a histogram's _bucket, _sum, _count */
				char *us = strrchr(name, '_');
				g_assert_nonnull(us);
				*us = '\0';
				type = g_hash_table_lookup(typed, name);
				g_assert_cmpstr(type, ==, "histogram");
			} else if (strcmp(type, "counter") == 0) {
				g_assert_true(g_str_has_suffix(name, "_total"));
			}
			g_assert_true(g_ascii_isdigit(strrchr(lines[i], ' ')[1]));
		}
	}
	g_assert_cmpuint(g_hash_table_size(typed), >=, 12);
}

/* the order stage's counters: a stale store and a store that fails */
static void test_order_counters(void)
{
	g_autofree char *dir = g_dir_make_tmp("amz-metrics-XXXXXX", NULL);
	g_autofree char *conf = g_build_filename(dir, "c.conf", NULL);
	g_autofree char *db = g_strdup_printf("sqlite:%s/orders.db", dir);
	g_autoptr(GError) err = NULL;
	g_autoptr(Conf) c = NULL;
	g_autoptr(GHashTable) t = NULL;
	g_autofree char *s0 = NULL, *l0 = NULL;
	OrderStore *good, *bad;
	Facts *f;

	test_write_file(dir, "c.conf", "store_max_age = 1h\n");
	c = conf_load(conf, &err);
	g_assert_no_error(err);
	t = scrape(NULL);
	s0 = g_strdup(value(t, "amzmilter_order_store_stale_messages_total"));
	l0 = g_strdup(value(t, "amzmilter_order_store_errors_total{stage=\"lookup\"}"));
	g_clear_pointer(&t, g_hash_table_unref);

	/* an SQLite store nothing was ever imported into: stale */
	good = order_store_open(db, 500, &err);
	g_assert_no_error(err);
	for (int i = 0; i < 2; i++) {
		f = facts_new();
		g_assert_true(orders_lookup(good, c, f, g_get_real_time() / G_USEC_PER_SEC, &err));
		g_assert_no_error(err);
		g_assert_true(f->store_stale);
		facts_free(f);
	}
	/* a store that cannot be reached */
	bad = order_store_open("redis+unix:/nonexistent/redis.sock", 200, &err);
	g_assert_no_error(err);
	f = facts_new();
	g_assert_false(orders_lookup(bad, c, f, g_get_real_time() / G_USEC_PER_SEC, &err));
	g_clear_error(&err);
	facts_free(f);

	t = scrape(NULL);
	g_assert_cmpuint(g_ascii_strtoull(value(t, "amzmilter_order_store_stale_messages_total"), NULL, 10), ==,
	                 g_ascii_strtoull(s0, NULL, 10) + 2);
	g_assert_cmpuint(g_ascii_strtoull(value(t, "amzmilter_order_store_errors_total{stage=\"lookup\"}"), NULL, 10), ==,
	                 g_ascii_strtoull(l0, NULL, 10) + 1);
	g_assert_cmpstr(value(t, "amzmilter_order_store_errors_total{stage=\"record\"}"), ==, "0");
	order_store_close(good);
	order_store_close(bad);
	test_rm_rf(dir);
}

int main(int argc, char **argv)
{
	g_test_init(&argc, &argv, NULL);
	g_test_add_func("/metrics/counts", test_counts);
	g_test_add_func("/metrics/histograms", test_histograms);
	g_test_add_func("/metrics/rule-names", test_rule_names);
	g_test_add_func("/metrics/format", test_format);
	g_test_add_func("/metrics/order-counters", test_order_counters);
	return g_test_run();
}
