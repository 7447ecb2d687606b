/*
 * verdict_log.c - the log lines of one checked message (see verdict_log.h).
 *
 * The text lines are for people and grep; the JSON line is for programs:
 * json-glib does the escaping, and every string is cut to a bound and made
 * valid UTF-8 first, so one line stays one line of bounded size whatever
 * the message holds.
 */
#include <json-glib/json-glib.h>
#include "core/log.h"
#include "core/verdict_log.h"
#include "util/text.h"

/* Bounds on what one message puts in the log. */
#define VLOG_ADDR_MAX      256   /* an address, the login, the Message-ID */
#define VLOG_QID_MAX       32
#define VLOG_CLIENT_MAX    64
#define VLOG_TEXT_RCPTS    20    /* recipients on the summary line */
#define VLOG_JSON_RCPTS    50    /* recipients in the JSON line */
#define VLOG_JSON_HITS     50    /* hits in the JSON line */
#define VLOG_MESSAGE_MAX   400   /* a rule's message */
#define VLOG_EVIDENCE_MAX  200   /* a rule's evidence */

/* enforced_hit - the hit decided what happened (not monitor mode, not a
 * rule in monitor mode) */
static gboolean enforced_hit(const LogMessage *m, const Hit *h)
{
	return !m->monitor && !h->monitor;
}

guint log_addresses(GString *out, const GPtrArray *addrs)
{
	guint i;

	for (i = 0; addrs && i < addrs->len && i < VLOG_TEXT_RCPTS; i++) {
		g_autofree char *r = text_line(addrs->pdata[i], VLOG_ADDR_MAX, TEXT_LINE_LOG);
		g_string_append_printf(out, "%s<%s>", i ? "," : "", r);
	}
	return i;
}

void log_verdict(const LogMessage *m, const Facts *f, const Verdict *v)
{
	g_autoptr(GString) rcpt = g_string_new(NULL), rules = g_string_new(NULL);
	g_autofree char *from = text_line(f->env_from, VLOG_ADDR_MAX, TEXT_LINE_LOG);
	g_autofree char *id = text_line(m->qid ? m->qid : "NOQUEUE", VLOG_QID_MAX, TEXT_LINE_LOG);

	log_addresses(rcpt, f->relay_rcpts);
	for (guint i = 0; i < v->hits->len; i++) {
		const Hit *h = v->hits->pdata[i];
		g_string_append_printf(rules, "%s%s%s", i ? "," : "", h->rule, h->monitor ? "(monitor)" : "");
	}
	if (f->brand) {
		g_autofree char *b = text_line(f->brand, 64, TEXT_LINE_LOG);
		g_string_append_printf(rules, "%s brand=%s", rules->len ? "" : "-", b);
	}
	if (m->enforced != v->would) {
		log_msg(LOG_INFO, "%s: from=<%s> rcpt=%s verdict=%s would=%s rules=%s ms=%.1f", id, from,
		        rcpt->str, action_name(m->enforced), action_name(v->would),
		        rules->len ? rules->str : "-", m->ms);
	} else {
		log_msg(LOG_INFO, "%s: from=<%s> rcpt=%s verdict=%s rules=%s ms=%.1f", id, from,
		        rcpt->str, action_name(m->enforced), rules->len ? rules->str : "-", m->ms);
	}
	/* Postfix drops the quarantine reason; the full text lives here.  A
	 * hit that was not enforced says so, or it reads as what was done. */
	for (guint i = 0; i < v->hits->len; i++) {
		const Hit *h = v->hits->pdata[i];
		g_autofree char *msg = text_line(h->message, VLOG_MESSAGE_MAX, TEXT_LINE_LOG);
		g_autofree char *ev = text_line(h->evidence, VLOG_EVIDENCE_MAX, TEXT_LINE_LOG);
		if (h->action >= ACTION_QUARANTINE || m->enforced == ACTION_TAG)
			log_msg(LOG_INFO, "%s: %s%s %s: %s%s%s%s", id, enforced_hit(m, h) ? "" : "monitor ",
			        action_name(h->action), h->rule, msg, *ev ? " [" : "", ev, *ev ? "]" : "");
	}
	log_verdict_json(m, v);
}

/* add_str - "name": s cut to max bytes of valid UTF-8, or null */
static void add_str(JsonBuilder *b, const char *name, const char *s, gsize max)
{
	json_builder_set_member_name(b, name);
	if (s == NULL) {
		json_builder_add_null_value(b);
	} else {
		g_autofree char *t = text_line(s, max, TEXT_LINE_UTF8);
		json_builder_add_string_value(b, t);
	}
}

/* add_list - "name": [the first max strings of a] */
static void add_list(JsonBuilder *b, const char *name, const GPtrArray *a, guint max)
{
	json_builder_set_member_name(b, name);
	json_builder_begin_array(b);
	for (guint i = 0; a && i < a->len && i < max; i++) {
		g_autofree char *t = text_line(a->pdata[i], VLOG_ADDR_MAX, TEXT_LINE_UTF8);
		json_builder_add_string_value(b, t);
	}
	json_builder_end_array(b);
}

/* add_hits - "rules": [IDs], "hits": [{rule, action, monitor, evidence}] */
static void add_hits(JsonBuilder *b, const LogMessage *m, const Verdict *v)
{
	guint n = v ? MIN(v->hits->len, VLOG_JSON_HITS) : 0;

	json_builder_set_member_name(b, "rules");
	json_builder_begin_array(b);
	for (guint i = 0; i < n; i++)
		json_builder_add_string_value(b, ((const Hit *)v->hits->pdata[i])->rule);
	json_builder_end_array(b);
	json_builder_set_member_name(b, "hits");
	json_builder_begin_array(b);
	for (guint i = 0; i < n; i++) {
		const Hit *h = v->hits->pdata[i];
		json_builder_begin_object(b);
		add_str(b, "rule", h->rule, VLOG_ADDR_MAX);
		add_str(b, "action", action_name(h->action), VLOG_ADDR_MAX);
		json_builder_set_member_name(b, "monitor");
		json_builder_add_boolean_value(b, !enforced_hit(m, h));
		add_str(b, "evidence", h->evidence, VLOG_EVIDENCE_MAX);
		json_builder_end_object(b);
	}
	json_builder_end_array(b);
}

char *verdict_json(const LogMessage *m, const Verdict *v)
{
	g_autoptr(JsonBuilder) b = json_builder_new();
	g_autoptr(JsonGenerator) gen = json_generator_new();
	g_autoptr(JsonNode) root = NULL;
	g_autofree char *time = log_timestamp();

	json_builder_begin_object(b);
	add_str(b, "time", time, 64);
	add_str(b, "qid", m->qid, VLOG_QID_MAX);
	add_str(b, "client", m->client, VLOG_CLIENT_MAX);
	add_str(b, "login", m->login, VLOG_ADDR_MAX);
	add_str(b, "from", m->from ? m->from : "", VLOG_ADDR_MAX);
	add_list(b, "rcpts", m->rcpts, VLOG_JSON_RCPTS);
	json_builder_set_member_name(b, "nrcpts");
	json_builder_add_int_value(b, m->rcpts ? m->rcpts->len : 0);
	add_list(b, "deferred", m->deferred, VLOG_JSON_RCPTS);
	json_builder_set_member_name(b, "ndeferred");
	json_builder_add_int_value(b, MAX(m->deferred_total, m->deferred ? m->deferred->len : 0));
	add_str(b, "message_id", m->message_id, VLOG_ADDR_MAX);
	json_builder_set_member_name(b, "size");
	json_builder_add_int_value(b, (gint64)m->size);
	add_str(b, "brand", m->brand, 64);
	add_str(b, "mode", m->monitor ? "monitor" : "enforce", 16);
	add_str(b, "verdict", action_name(m->enforced), 16);
	add_str(b, "would", action_name(v ? v->would : m->enforced), 16);
	add_str(b, "reason", m->reason, 64);
	add_hits(b, m, v);
	/* whole microseconds: a double would print as 3.2000000000000002 */
	json_builder_set_member_name(b, "us");
	json_builder_add_int_value(b, (gint64)(m->ms * 1000.0 + 0.5));
	json_builder_end_object(b);
	root = json_builder_get_root(b);
	json_generator_set_root(gen, root);
	return json_generator_to_data(gen, NULL);
}

void log_verdict_json(const LogMessage *m, const Verdict *v)
{
	g_autofree char *json = NULL, *id = NULL;

	if (!log_json_wanted())
		return;
	json = verdict_json(m, v);
	id = text_line(m->qid ? m->qid : "NOQUEUE", VLOG_QID_MAX, TEXT_LINE_LOG);
	log_json(id, json);
}
