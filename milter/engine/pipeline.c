/*
 * pipeline.c - envelope + raw message -> Facts -> Verdict (see pipeline.h).
 */
#include <string.h>
#include "engine/pipeline.h"
#include "extract/extract.h"
#include "engine/orders.h"
#include "util/text.h"

static gboolean ptr_array_has(GPtrArray *a, const char *s)
{
	for (guint i = 0; i < a->len; i++)
		if (g_ascii_strcasecmp(a->pdata[i], s) == 0)
			return TRUE;
	return FALSE;
}

void pipeline_envelope(const Conf *c, Facts *f, const char *from, const char *const *rcpts)
{
	g_free(f->env_from);
	f->env_from = text_address_bare(from);
	for (guint i = 0; rcpts && rcpts[i]; i++) {
		char *market = NULL;
		char *bare = text_address_bare(rcpts[i]);
		g_ptr_array_add(f->rcpts, bare);
		if (conf_relay_market(c, bare, &market)) {
			g_ptr_array_add(f->relay_rcpts, g_strdup(bare));
			if (market != NULL && !ptr_array_has(f->markets, market))
				g_ptr_array_add(f->markets, market);
			else
				g_free(market);
		}
	}
}

static const char *const fail_ids[FAIL__N] = {
	[FAIL_INTERNAL] = "AMZ_INTERNAL_ERROR",
	[FAIL_PARSE] = "AMZ_UNPARSABLE",
	[FAIL_LIMIT] = "AMZ_LIMIT",
	[FAIL_SPOOL] = "AMZ_SPOOL_ERROR",
	[FAIL_TIMEOUT] = "AMZ_TIMEOUT",
	[FAIL_STORE] = "AMZ_STORE_ERROR",
};

const char *pipeline_fail_id(FailClass k)
{
	return (guint)k < FAIL__N ? fail_ids[k] : fail_ids[FAIL_INTERNAL];
}

gboolean pipeline_is_fail_id(const char *rule)
{
	for (guint k = 0; k < FAIL__N; k++)
		if (strcmp(rule, fail_ids[k]) == 0)
			return TRUE;
	return FALSE;
}

/* add_fail - one AMZ_* hit with the class's policy */
static void add_fail(Verdict *v, const Conf *c, FailClass k, const char *reason)
{
	g_autofree char *msg = NULL;

	if (k == FAIL_LIMIT)
		msg = g_strdup_printf("The message is too complex to check (%s).", reason);
	else if (k == FAIL_SPOOL)   /* paths and errno texts are for the log, not the client */
		msg = g_strdup("The message could not be checked (a temporary storage error on this server).");
	else if (k == FAIL_STORE)   /* host names and errors are for the log */
		msg = g_strdup("The message could not be checked against the order data (the order store is unavailable).");
	else
		msg = g_strdup_printf("The message could not be checked (%s).", reason);
	verdict_add(v, pipeline_fail_id(k), c->on_fail[k], FALSE, msg, reason);
}

Verdict *pipeline_fail_verdict(const Conf *c, FailClass k, const char *reason)
{
	Verdict *v = verdict_new();
	add_fail(v, c, k, reason);
	return v;
}

/* timed_out - the stages that stopped on the deadline ("timeout:…"), or NULL */
static char *timed_out(const Facts *f)
{
	GString *s = NULL;

	for (guint i = 0; i < f->anomalies->len; i++) {
		const char *a = f->anomalies->pdata[i];
		if (!g_str_has_prefix(a, "timeout:"))
			continue;
		if (s == NULL)
			s = g_string_new(NULL);
		g_string_append_printf(s, "%s%s", s->len ? ", " : "", a + 8);
	}
	return s ? g_string_free(s, FALSE) : NULL;
}

gboolean pipeline_extract(const Snapshot *s, GMimeStream *stream, Facts *f, Verdict **error_verdict)
{
	g_autoptr(GError) err = NULL;
	g_autofree char *stopped = NULL;
	ExtractLimits lim = s->conf->limits;
	gint64 t0 = g_get_monotonic_time();
	gint64 spent_ms;

	*error_verdict = NULL;
	lim.deadline = t0 + (gint64)s->conf->time_budget_ms * 1000;
	if (!extract_stream(stream, &lim, f, &err)) {
		*error_verdict = pipeline_fail_verdict(s->conf, FAIL_PARSE,
		                                       err ? err->message : "unparsable message");
		return FALSE;
	}
	spent_ms = (g_get_monotonic_time() - t0) / 1000;
	stopped = timed_out(f);
	if (stopped == NULL && (guint64)spent_ms <= s->conf->time_budget_ms)
		return TRUE;
	{
		g_autofree char *why = g_strdup_printf("extraction took %" G_GINT64_FORMAT " ms, budget %"
		                                       G_GUINT64_FORMAT " ms%s%s", spent_ms,
		                                       s->conf->time_budget_ms, stopped ? "; stopped: " : "",
		                                       stopped ? stopped : "");
		*error_verdict = pipeline_fail_verdict(s->conf, FAIL_TIMEOUT, why);
	}
	return FALSE;
}

/* brand_of - the brand the From address belongs to, into f (NULL: none) */
static const Brand *brand_of(const Snapshot *s, Facts *f)
{
	const Brand *br = brands_select(s->brands, f->from_address);

	g_clear_pointer(&f->brand, g_free);
	f->brand_sender_unapproved = FALSE;
	if (br == NULL)
		return NULL;
	f->brand = g_strdup(br->name);
	f->brand_sender_unapproved = !brands_sender_approved(br, f->from_address);
	return br;
}

Verdict *pipeline_evaluate(const Snapshot *s, Facts *f)
{
	const Brand *br = brand_of(s, f);
	Verdict *v = rules_eval_overlay(s->rules, br ? br->overlay : NULL, f);
	g_autoptr(GString) limits = g_string_new(NULL);

	for (guint i = 0; i < f->anomalies->len; i++) {
		const char *a = f->anomalies->pdata[i];
		if (g_str_has_prefix(a, "limit:"))
			g_string_append_printf(limits, "%s%s", limits->len ? ", " : "", a + 6);
	}
	if (limits->len)
		add_fail(v, s->conf, FAIL_LIMIT, limits->str);
	if (br)
		v->mode = br->mode;
	return v;
}

/* message_id - the Message-ID header's value, or NULL */
static const char *message_id(const Facts *f)
{
	for (guint i = 0; i < f->headers->len; i++) {
		const FactHeader *h = f->headers->pdata[i];
		if (g_ascii_strcasecmp(h->name, "Message-ID") == 0)
			return h->value;
	}
	return NULL;
}

gboolean pipeline_orders(const Snapshot *s, Facts *f, Verdict **error_verdict)
{
	g_autoptr(GError) err = NULL;

	*error_verdict = NULL;
	if (s->store == NULL || f->relay_rcpts->len == 0)
		return TRUE;
	if (f->body_digest && f->message_key == NULL)
		f->message_key = orders_message_key(message_id(f), f->body_digest);
	if (orders_lookup(s->store, s->conf, f, g_get_real_time() / G_USEC_PER_SEC, &err))
		return TRUE;
	*error_verdict = pipeline_fail_verdict(s->conf, FAIL_STORE, err ? err->message : "order store error");
	return FALSE;
}

Verdict *pipeline_record(const Snapshot *s, Facts *f, Verdict *v)
{
	g_autoptr(GError) err = NULL;
	OrderRecordResult res;

	if (s->store == NULL || !f->order_store || f->orders->len == 0 ||
	    !(v->action == ACTION_ACCEPT || v->action == ACTION_TAG ||
	      pipeline_enforced(s->conf, v) == ACTION_ACCEPT))
		return v;
	if (!orders_record(s->store, f, (v->marks & MARK_REVIEW_REQUEST) != 0, message_id(f),
	                   g_get_real_time() / G_USEC_PER_SEC, &res, &err)) {
		verdict_free(v);
		return pipeline_fail_verdict(s->conf, FAIL_STORE, err ? err->message : "order store error");
	}
	if (res.lost == 0)
		return v;
	/* another message holds the review request: the rules see it now */
	verdict_free(v);
	return pipeline_evaluate(s, f);
}

Verdict *pipeline_run(const Snapshot *s, GMimeStream *stream, Facts *f,
                      PipelineProgress progress, void *data)
{
	gint64 t0 = g_get_monotonic_time();
	Verdict *v;

	if (!pipeline_extract(s, stream, f, &v))
		return v;
	if (!pipeline_orders(s, f, &v))
		return v;
	/* Only slow work earns a progress packet: each one is a write to the MTA. */
	if (progress && g_get_monotonic_time() - t0 > 1000 * 1000)
		progress(data);
	return pipeline_evaluate(s, f);
}

Action pipeline_enforced(const Conf *c, const Verdict *v)
{
	return pipeline_monitor(c, v) ? ACTION_ACCEPT : v->action;
}

gboolean pipeline_monitor(const Conf *c, const Verdict *v)
{
	return v->mode == VERDICT_MODE_MONITOR || (v->mode == VERDICT_MODE_CONF && c->monitor);
}
