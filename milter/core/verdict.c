/*
 * verdict.c - the Verdict container and action names (see verdict.h).
 */
#include <string.h>
#include "core/verdict.h"

static const char *const action_names[] = {
	[ACTION_ACCEPT] = "accept",
	[ACTION_TAG] = "tag",
	[ACTION_QUARANTINE] = "quarantine",
	[ACTION_TEMPFAIL] = "tempfail",
	[ACTION_REJECT] = "reject",
	[ACTION_DISCARD] = "discard",
};

static void hit_free(gpointer p)
{
	Hit *h = p;
	g_free(h->rule);
	g_free(h->message);
	g_free(h->evidence);
	g_free(h);
}

Verdict *verdict_new(void)
{
	Verdict *v = g_new0(Verdict, 1);
	v->action = ACTION_ACCEPT;
	v->would = ACTION_ACCEPT;
	v->hits = g_ptr_array_new_with_free_func(hit_free);
	return v;
}

void verdict_free(Verdict *v)
{
	if (v == NULL)
		return;
	g_ptr_array_unref(v->hits);
	g_free(v);
}

Hit *verdict_add(Verdict *v, const char *rule, Action action, gboolean monitor,
                 const char *message, const char *evidence)
{
	Hit *h = g_new0(Hit, 1);
	h->rule = g_strdup(rule);
	h->action = action;
	h->monitor = monitor;
	h->message = g_strdup(message ? message : "");
	h->evidence = g_strdup(evidence ? evidence : "");
	g_ptr_array_add(v->hits, h);
	if (action > v->would)
		v->would = action;
	if (!monitor && action > v->action)
		v->action = action;
	return h;
}

const char *action_name(Action a)
{
	if ((guint)a < G_N_ELEMENTS(action_names))
		return action_names[a];
	return "unknown";
}

gboolean action_parse(const char *s, Action *out)
{
	for (guint i = 0; i < G_N_ELEMENTS(action_names); i++) {
		if (g_ascii_strcasecmp(s, action_names[i]) == 0) {
			*out = (Action)i;
			return TRUE;
		}
	}
	return FALSE;
}
