/*
 * reply.c - verdict -> SMTP reply lines (see reply.h).
 *
 * Lines name each violated rule and say how to fix it, so the sender can
 * repair the message in one try.  Every line is sanitised: ASCII only
 * (transliterated), no CR/LF, bounded length, and at most reply_max_lines
 * rule lines plus a summary.
 */
#include <string.h>
#include "engine/reply.h"
#include "engine/pipeline.h"
#include "util/text.h"

static void add_line(Reply *r, const char *s)
{
	g_ptr_array_add(r->lines, text_line(s, REPLY_LINE_MAX, TEXT_LINE_ASCII));
}

/* not_checked - when the enforced action comes only from AMZ_* hits (the
 * message could not be checked, or not all of it), the first of them: a
 * 4.3.0/5.x.0 reply without "fix and send again".  NULL when a rule hit
 * has that action: violations. */
static const Hit *not_checked(const Verdict *v, Action enforced)
{
	const Hit *first = NULL;

	for (guint i = 0; i < v->hits->len; i++) {
		const Hit *h = v->hits->pdata[i];
		if (h->monitor || h->action != enforced)
			continue;
		if (!pipeline_is_fail_id(h->rule))
			return NULL;
		if (first == NULL)
			first = h;
	}
	return first;
}

Reply *reply_build(const Conf *c, const Verdict *v, Action enforced)
{
	Reply *r;
	guint shown = 0, listed = 0;
	const Hit *unchecked;
	g_autoptr(GString) more = g_string_new(NULL);

	if (enforced != ACTION_REJECT && enforced != ACTION_TEMPFAIL)
		return NULL;
	unchecked = not_checked(v, enforced);

	r = g_new0(Reply, 1);
	r->lines = g_ptr_array_new_with_free_func(g_free);
	if (unchecked != NULL) {
		const Hit *h = unchecked;
		g_autofree char *line = NULL;
		g_strlcpy(r->code, enforced == ACTION_REJECT ? "554" : "451", sizeof r->code);
		g_strlcpy(r->xcode, enforced == ACTION_REJECT
		          ? (strcmp(h->rule, pipeline_fail_id(FAIL_PARSE)) == 0 ? "5.6.0" : "5.3.0")
		          : "4.3.0", sizeof r->xcode);
		line = g_strdup_printf("%s%s", h->message,
		                       enforced == ACTION_TEMPFAIL ? " Please try again later." : "");
		add_line(r, line);
		return r;
	}
	if (enforced == ACTION_REJECT) {
		g_strlcpy(r->code, "550", sizeof r->code);
		g_strlcpy(r->xcode, "5.7.1", sizeof r->xcode);
	} else {
		g_strlcpy(r->code, "451", sizeof r->code);
		g_strlcpy(r->xcode, "4.7.1", sizeof r->xcode);
	}
	if (!c->reply_details) {
		add_line(r, c->generic_reply);
		return r;
	}
	/* Count the violations: every enforced hit that stops a message. */
	for (guint i = 0; i < v->hits->len; i++) {
		const Hit *h = v->hits->pdata[i];
		if (!h->monitor && h->action >= ACTION_QUARANTINE)
			listed++;
	}
	{
		g_autofree char *summary = g_strdup_printf("%s Fix %s and send again:", c->generic_reply,
		                                           listed == 1 ? "this" : "these");
		add_line(r, summary);
	}
	for (guint i = 0; i < v->hits->len; i++) {
		const Hit *h = v->hits->pdata[i];
		if (h->monitor || h->action < ACTION_QUARANTINE)
			continue;
		if (shown < c->reply_max_lines && shown < REPLY_MAX_LINES - 2) {
			g_autofree char *line = g_strdup_printf("%s: %s", h->rule, h->message);
			add_line(r, line);
			shown++;
		} else {
			g_string_append_printf(more, "%s%s", more->len ? ", " : "", h->rule);
		}
	}
	if (more->len) {
		g_autofree char *line = g_strdup_printf("...and %u more: %s", listed - shown, more->str);
		add_line(r, line);
	}
	return r;
}

char *reply_text(const Reply *r)
{
	GString *s = g_string_new(NULL);
	for (guint i = 0; i < r->lines->len; i++)
		g_string_append_printf(s, "%s%s%c%s %s", i ? "\n" : "", r->code,
		                       i + 1 < r->lines->len ? '-' : ' ', r->xcode,
		                       (const char *)r->lines->pdata[i]);
	return g_string_free(s, FALSE);
}

void reply_free(Reply *r)
{
	if (r == NULL)
		return;
	g_ptr_array_unref(r->lines);
	g_free(r);
}

char *reply_reason(const Verdict *v)
{
	GString *s = g_string_new(NULL);
	const Hit *first = NULL;

	for (guint i = 0; i < v->hits->len; i++) {
		const Hit *h = v->hits->pdata[i];
		if (h->monitor)
			continue;
		g_string_append_printf(s, "%s%s", s->len ? ", " : "", h->rule);
		if (first == NULL)
			first = h;
	}
	if (first)
		g_string_append_printf(s, ": %s", first->message);
	return g_string_free(s, FALSE);
}
