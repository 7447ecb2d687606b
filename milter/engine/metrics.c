/*
 * metrics.c - the daemon's counters and their Prometheus text (see
 * metrics.h).
 *
 * One mutex guards every count: a message takes it once, at its verdict,
 * and a scrape once, so what a scrape reads adds up (the verdicts sum to
 * the histograms' counts) even while messages are being checked.  The
 * rule table is keyed by name, not by a rule's index in a ruleset: a
 * reload may reorder, add or remove rules, and a counter must not jump.
 */
#include <string.h>
#include "engine/metrics.h"
#include "engine/orders.h"
#include "engine/pipeline.h"
#include "engine/snapshot.h"

#define N_ACTIONS (ACTION_DISCARD + 1)

/* Upper bounds of the histograms' buckets (+Inf is implicit). */
static const guint64 size_bounds[] = {
	1024, 4096, 16384, 65536, 262144, 1048576, 4194304, 16777216, 67108864,
};
static const guint64 time_bounds_us[] = {
	1000, 2500, 5000, 10000, 25000, 50000, 100000, 250000, 500000,
	1000000, 2500000, 5000000, 10000000, 30000000,
};

#define BUCKETS_MAX 16
G_STATIC_ASSERT(G_N_ELEMENTS(size_bounds) < BUCKETS_MAX && G_N_ELEMENTS(time_bounds_us) < BUCKETS_MAX);

typedef struct {
	guint64 in[BUCKETS_MAX];  /* per bucket, not cumulative; after the last bound: +Inf */
	guint64 count;
	guint64 sum;                                     /* bytes, or microseconds */
} Histogram;

typedef struct {
	guint64 acted, not_acted;
} RuleCount;

static GMutex lock;
static struct {
	guint64 verdicts[N_ACTIONS];
	guint64 failures[FAIL__N];
	guint64 size_limit;
	guint64 skipped[METRICS_SKIP__N];
	guint64 reloads_ok, reloads_failed;
	Histogram size, time;
	GHashTable *rules;        /* rule name -> RuleCount* */
} m;

/* observe - one value into a histogram with the given bucket bounds */
static void observe(Histogram *h, guint64 value, const guint64 *bounds, guint n)
{
	guint i = 0;

	while (i < n && value > bounds[i])
		i++;
	h->in[i]++;
	h->count++;
	h->sum += value;
}

/* rule_count - the counter of a rule name (under the lock) */
static RuleCount *rule_count(const char *rule)
{
	RuleCount *r;

	if (m.rules == NULL)
		m.rules = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
	if ((r = g_hash_table_lookup(m.rules, rule)) != NULL)
		return r;
	/* a bound on the table, whatever reloads bring */
	if (g_hash_table_size(m.rules) >= METRICS_RULES_MAX)
		rule = "_other";
	if ((r = g_hash_table_lookup(m.rules, rule)) == NULL) {
		r = g_new0(RuleCount, 1);
		g_hash_table_insert(m.rules, g_strdup(rule), r);
	}
	return r;
}

void metrics_message(Action final, const Verdict *v, gboolean monitor, guint64 bytes,
                     gint64 check_us)
{
	gboolean failed[FAIL__N] = { FALSE };

	g_mutex_lock(&lock);
	if ((guint)final < N_ACTIONS)
		m.verdicts[final]++;
	observe(&m.size, bytes, size_bounds, G_N_ELEMENTS(size_bounds));
	observe(&m.time, check_us > 0 ? (guint64)check_us : 0, time_bounds_us, G_N_ELEMENTS(time_bounds_us));
	for (guint i = 0; v && i < v->hits->len; i++) {
		const Hit *h = v->hits->pdata[i];
		RuleCount *r = rule_count(h->rule);
		if (!h->monitor && !monitor && h->action == v->action)
			r->acted++;
		else
			r->not_acted++;
		for (guint k = 0; k < FAIL__N; k++)
			if (strcmp(h->rule, pipeline_fail_id(k)) == 0)
				failed[k] = TRUE;
	}
	for (guint k = 0; k < FAIL__N; k++)
		m.failures[k] += failed[k];
	g_mutex_unlock(&lock);
}

void metrics_size_limit(void)
{
	g_mutex_lock(&lock);
	m.size_limit++;
	g_mutex_unlock(&lock);
}

void metrics_skipped(MetricsSkip why)
{
	g_mutex_lock(&lock);
	if ((guint)why < METRICS_SKIP__N)
		m.skipped[why]++;
	g_mutex_unlock(&lock);
}

void metrics_reload(gboolean ok)
{
	g_mutex_lock(&lock);
	if (ok)
		m.reloads_ok++;
	else
		m.reloads_failed++;
	g_mutex_unlock(&lock);
}

void metrics_reset(void)
{
	g_mutex_lock(&lock);
	g_clear_pointer(&m.rules, g_hash_table_unref);
	memset(&m, 0, sizeof m);
	g_mutex_unlock(&lock);
}

/* family - the HELP and TYPE lines of a metric */
static void family(GString *out, const char *name, const char *type, const char *help)
{
	g_string_append_printf(out, "# HELP %s %s\n# TYPE %s %s\n", name, help, name, type);
}

/* label_value - s as a label value: backslash, quote and newline escaped */
static void label_value(GString *out, const char *s)
{
	for (; *s; s++) {
		if (*s == '\\' || *s == '"')
			g_string_append_c(out, '\\');
		if (*s == '\n')
			g_string_append(out, "\\n");
		else
			g_string_append_c(out, *s);
	}
}

/* histogram - the cumulative _bucket lines, _sum and _count; scale turns
 * the stored unit into the metric's (1 for bytes, 1e-6 for µs) */
static void histogram(GString *out, const char *name, const Histogram *h, const guint64 *bounds,
                      guint n, double scale)
{
	guint64 cum = 0;

	for (guint i = 0; i < n; i++) {
		cum += h->in[i];
		if (scale == 1.0)   /* whole units: exact, never 1.04858e+06 */
			g_string_append_printf(out, "%s_bucket{le=\"%" G_GUINT64_FORMAT "\"} %" G_GUINT64_FORMAT "\n",
			                       name, bounds[i], cum);
		else
			g_string_append_printf(out, "%s_bucket{le=\"%g\"} %" G_GUINT64_FORMAT "\n", name,
			                       (double)bounds[i] * scale, cum);
	}
	g_string_append_printf(out, "%s_bucket{le=\"+Inf\"} %" G_GUINT64_FORMAT "\n", name, h->count);
	if (scale == 1.0)
		g_string_append_printf(out, "%s_sum %" G_GUINT64_FORMAT "\n", name, h->sum);
	else
		g_string_append_printf(out, "%s_sum %.6f\n", name, (double)h->sum * scale);
	g_string_append_printf(out, "%s_count %" G_GUINT64_FORMAT "\n", name, h->count);
}

static gint by_name(gconstpointer a, gconstpointer b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* rules - the per-rule counters, sorted by rule name (under the lock) */
static void rules(GString *out)
{
	g_autoptr(GPtrArray) names = g_ptr_array_new();
	GHashTableIter it;
	gpointer k;

	family(out, "amzmilter_rule_hits_total", "counter",
	       "Times a rule fired, by whether its action was the message's verdict (acted=\"yes\") "
	       "or not (monitor mode, or a milder action).");
	if (m.rules == NULL)
		return;
	g_hash_table_iter_init(&it, m.rules);
	while (g_hash_table_iter_next(&it, &k, NULL))
		g_ptr_array_add(names, k);
	g_ptr_array_sort(names, by_name);
	for (guint i = 0; i < names->len; i++) {
		const RuleCount *r = g_hash_table_lookup(m.rules, names->pdata[i]);
		for (int acted = 1; acted >= 0; acted--) {
			g_string_append(out, "amzmilter_rule_hits_total{rule=\"");
			label_value(out, names->pdata[i]);
			g_string_append_printf(out, "\",acted=\"%s\"} %" G_GUINT64_FORMAT "\n",
			                       acted ? "yes" : "no", acted ? r->acted : r->not_acted);
		}
	}
}

void metrics_render(GString *out)
{
	static const char *const skip_names[METRICS_SKIP__N] = {
		[METRICS_SKIP_NOT_RELAY] = "not_relay",
		[METRICS_SKIP_CHECKED_BEFORE] = "checked_before",
		[METRICS_SKIP_BYPASS] = "bypass",
	};
	Snapshot *s = snapshot_acquire();

	g_mutex_lock(&lock);
	family(out, "amzmilter_messages_total", "counter",
	       "Relay messages by the verdict sent to the MTA.");
	for (guint a = 0; a < N_ACTIONS; a++)
		g_string_append_printf(out, "amzmilter_messages_total{verdict=\"%s\"} %" G_GUINT64_FORMAT "\n",
		                       action_name(a), m.verdicts[a]);
	family(out, "amzmilter_failures_total", "counter",
	       "Relay messages that could not be checked, by class (their on_<class> policy was the verdict).");
	for (guint k = 0; k < FAIL__N; k++)
		g_string_append_printf(out, "amzmilter_failures_total{class=\"%s\"} %" G_GUINT64_FORMAT "\n",
		                       conf_fail_name(k), m.failures[k]);
	family(out, "amzmilter_size_limit_rejects_total", "counter",
	       "Relay messages refused for max_message_size (also in amzmilter_messages_total).");
	g_string_append_printf(out, "amzmilter_size_limit_rejects_total %" G_GUINT64_FORMAT "\n", m.size_limit);
	family(out, "amzmilter_unchecked_total", "counter",
	       "Transactions let through without a check: no relay recipient, a valid verdict token at the second hop, "
	       "or a bypassed client or login.");
	for (guint w = 0; w < METRICS_SKIP__N; w++)
		g_string_append_printf(out, "amzmilter_unchecked_total{reason=\"%s\"} %" G_GUINT64_FORMAT "\n",
		                       skip_names[w], m.skipped[w]);
	rules(out);
	family(out, "amzmilter_message_size_bytes", "histogram", "Size of the relay messages counted in amzmilter_messages_total.");
	histogram(out, "amzmilter_message_size_bytes", &m.size, size_bounds, G_N_ELEMENTS(size_bounds), 1.0);
	family(out, "amzmilter_check_duration_seconds", "histogram",
	       "Time from the end of a relay message to its verdict.");
	histogram(out, "amzmilter_check_duration_seconds", &m.time, time_bounds_us, G_N_ELEMENTS(time_bounds_us), 1e-6);
	family(out, "amzmilter_reloads_total", "counter", "Reload signals, by outcome (a failed one keeps the running rules).");
	g_string_append_printf(out, "amzmilter_reloads_total{result=\"ok\"} %" G_GUINT64_FORMAT "\n"
	                            "amzmilter_reloads_total{result=\"failed\"} %" G_GUINT64_FORMAT "\n",
	                       m.reloads_ok, m.reloads_failed);
	g_mutex_unlock(&lock);

	family(out, "amzmilter_snapshot_generation", "gauge",
	       "Generation of the configuration and rules in use: 1 at start, +1 per successful reload.");
	g_string_append_printf(out, "amzmilter_snapshot_generation %u\n", s ? s->generation : 0);
	family(out, "amzmilter_rules", "gauge", "Rules in the ruleset in use.");
	g_string_append_printf(out, "amzmilter_rules %u\n", s ? rules_count(s->rules) : 0);
	family(out, "amzmilter_order_store_stale_messages_total", "counter",
	       "Relay messages checked while the order store was older than store_max_age.");
	g_string_append_printf(out, "amzmilter_order_store_stale_messages_total %" G_GUINT64_FORMAT "\n",
	                       orders_stale_messages());
	family(out, "amzmilter_order_store_errors_total", "counter",
	       "Order store errors, by stage: looking orders up before the rules, recording a message after them.");
	g_string_append_printf(out, "amzmilter_order_store_errors_total{stage=\"lookup\"} %" G_GUINT64_FORMAT "\n"
	                            "amzmilter_order_store_errors_total{stage=\"record\"} %" G_GUINT64_FORMAT "\n",
	                       orders_store_errors(ORDERS_STAGE_LOOKUP), orders_store_errors(ORDERS_STAGE_RECORD));
	snapshot_release(s);
}
