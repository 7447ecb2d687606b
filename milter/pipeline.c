/*
 * pipeline.c - envelope + raw message -> Facts -> Verdict (see pipeline.h).
 */
#include <string.h>
#include "pipeline.h"
#include "textutil.h"

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
			if (!ptr_array_has(f->markets, market))
				g_ptr_array_add(f->markets, market);
			else
				g_free(market);
		}
	}
}

Verdict *pipeline_error_verdict(const Conf *c, const char *id, const char *reason)
{
	Verdict *v = verdict_new();
	g_autofree char *msg = g_strdup_printf("The message could not be checked (%s).", reason);
	verdict_add(v, id, c->on_error, FALSE, msg, reason);
	return v;
}

gboolean pipeline_extract(const Snapshot *s, GMimeStream *stream, Facts *f, Verdict **error_verdict)
{
	g_autoptr(GError) err = NULL;

	*error_verdict = NULL;
	if (extract_stream(stream, &s->conf->limits, f, &err))
		return TRUE;
	*error_verdict = pipeline_error_verdict(s->conf, PIPELINE_UNPARSABLE,
	                                        err ? err->message : "unparsable message");
	return FALSE;
}

Verdict *pipeline_run(const Snapshot *s, GMimeStream *stream, Facts *f)
{
	Verdict *v;

	if (!pipeline_extract(s, stream, f, &v))
		return v;
	return rules_eval(s->rules, f);
}

Action pipeline_enforced(const Conf *c, const Verdict *v)
{
	return c->monitor ? ACTION_ACCEPT : v->action;
}
