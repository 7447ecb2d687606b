/*
 * log.c - logging (see log.h).
 *
 * syslog is the record; stderr gets a copy when it is a terminal or -v was
 * given.  Message data never reaches a format string: it is escaped with
 * text_line(…, TEXT_LINE_LOG) and passed as an argument.
 */
#include <stdarg.h>
#include <stdio.h>
#include "core/log.h"
#include "util/text.h"

static gboolean also_stderr;
static GMutex stderr_lock;

static gboolean starting = TRUE;

void log_serving(void)
{
	starting = FALSE;
}

void log_open(const char *ident, int facility, gboolean to_stderr)
{
	also_stderr = to_stderr;
	openlog(ident, LOG_PID | LOG_NDELAY, facility);
}

void log_msg(int prio, const char *fmt, ...)
{
	va_list ap;
	g_autofree char *s = NULL;

	va_start(ap, fmt);
	s = g_strdup_vprintf(fmt, ap);
	va_end(ap);
	syslog(prio, "%s", s);
	if (also_stderr || (starting && prio <= LOG_ERR)) {
		g_mutex_lock(&stderr_lock);
		fprintf(stderr, "amzmilter: %s\n", s);
		g_mutex_unlock(&stderr_lock);
	}
}

void log_verdict(const char *qid, const Facts *f, const Verdict *v, Action enforced, double ms)
{
	g_autoptr(GString) rcpt = g_string_new(NULL), rules = g_string_new(NULL);
	g_autofree char *from = text_line(f->env_from, 256, TEXT_LINE_LOG);
	g_autofree char *id = text_line(qid ? qid : "NOQUEUE", 32, TEXT_LINE_LOG);

	for (guint i = 0; i < f->relay_rcpts->len && i < 20; i++) {
		g_autofree char *r = text_line(f->relay_rcpts->pdata[i], 256, TEXT_LINE_LOG);
		g_string_append_printf(rcpt, "%s<%s>", i ? "," : "", r);
	}
	for (guint i = 0; i < v->hits->len; i++) {
		const Hit *h = v->hits->pdata[i];
		g_string_append_printf(rules, "%s%s%s", i ? "," : "", h->rule, h->monitor ? "(monitor)" : "");
	}
	if (f->brand) {
		g_autofree char *b = text_line(f->brand, 64, TEXT_LINE_LOG);
		g_string_append_printf(rules, "%s brand=%s", rules->len ? "" : "-", b);
	}
	if (enforced != v->would) {
		log_msg(LOG_INFO, "%s: from=<%s> rcpt=%s verdict=%s would=%s rules=%s ms=%.1f", id, from,
		        rcpt->str, action_name(enforced), action_name(v->would),
		        rules->len ? rules->str : "-", ms);
	} else {
		log_msg(LOG_INFO, "%s: from=<%s> rcpt=%s verdict=%s rules=%s ms=%.1f", id, from,
		        rcpt->str, action_name(enforced), rules->len ? rules->str : "-", ms);
	}
	/* Postfix drops the quarantine reason; the full text lives here. */
	for (guint i = 0; i < v->hits->len; i++) {
		const Hit *h = v->hits->pdata[i];
		g_autofree char *msg = text_line(h->message, 400, TEXT_LINE_LOG);
		g_autofree char *ev = text_line(h->evidence, 200, TEXT_LINE_LOG);
		if (h->action >= ACTION_QUARANTINE || enforced == ACTION_TAG)
			log_msg(LOG_INFO, "%s: %s %s: %s%s%s%s", id, action_name(h->action), h->rule, msg,
			        *ev ? " [" : "", ev, *ev ? "]" : "");
	}
}
