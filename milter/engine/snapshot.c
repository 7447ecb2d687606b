/*
 * snapshot.c - swap of the {config, ruleset} snapshot (see snapshot.h).
 *
 * One mutex guards both the current pointer and every reference count, so
 * a reader can never pin a snapshot that is being freed (milter-regex
 * changes its count outside its lock; this does not).
 */
#include "engine/snapshot.h"

static GMutex lock;
static Snapshot *current;
static guint generation;

/* The named lists of the rule files that link finding reads (limits.h). */
static const struct {
	const char *name;
	gsize offset;              /* in LinkWords */
} link_lists[] = {
	{ "link_file_extensions", G_STRUCT_OFFSET(LinkWords, file_extensions) },
	{ "link_sentence_end_words", G_STRUCT_OFFSET(LinkWords, sentence_end) },
	{ "link_dot_stopwords", G_STRUCT_OFFSET(LinkWords, dot_stopwords) },
	{ "redirect_params", G_STRUCT_OFFSET(LinkWords, redirect_params) },
};

/* link_words - w from the ruleset's lists; a list the rules do not define
 * is empty (every bare "name.tld" is then read as a link: the stricter
 * reading) */
static void link_words(const Ruleset *rs, LinkWords *w)
{
	for (guint i = 0; i < G_N_ELEMENTS(link_lists); i++)
		G_STRUCT_MEMBER(const GHashTable *, w, link_lists[i].offset) =
			rules_list_words(rs, link_lists[i].name);
}

Snapshot *snapshot_load(const char *conf_path, const char *socket_override, GError **err)
{
	Conf *c = conf_load(conf_path, err);
	Ruleset *rs;
	RulesOptions opt;
	Snapshot *s;

	if (c == NULL)
		return NULL;
	if (socket_override) {
		g_free(c->socket);
		c->socket = g_strdup(socket_override);
	}
	rules_options_parse(&opt, g_getenv("AMZ_RULES_PREFILTER"), g_getenv("AMZ_RULE_PROFILE"));
	rs = rules_load(c->rules_dir, c->local_rules_dir, &opt, err);
	if (rs == NULL) {
		conf_free(c);
		return NULL;
	}
	s = g_new0(Snapshot, 1);
	if (c->brands_dir) {
		s->brands = brands_load(c->brands_dir, rs, err);
		if (s->brands == NULL) {
			rules_unref(rs);
			conf_free(c);
			g_free(s);
			return NULL;
		}
	}
	if (c->order_store) {
		s->store = order_store_open(c->order_store, c->store_timeout_ms, err);
		if (s->store == NULL) {
			g_prefix_error(err, "%s: order_store: ", c->path);
			brands_free(s->brands);
			rules_unref(rs);
			conf_free(c);
			g_free(s);
			return NULL;
		}
		order_store_set_retention(s->store, c->retention_days);
	}
	link_words(rs, &s->words);
	c->limits.words = &s->words;
	s->refs = 1;
	s->conf = c;
	s->rules = rs;
	s->conf_path = g_strdup(conf_path);
	s->socket_override = g_strdup(socket_override);
	g_mutex_lock(&lock);
	s->generation = ++generation;
	g_mutex_unlock(&lock);
	return s;
}

static void snapshot_destroy(Snapshot *s)
{
	brands_free(s->brands);
	rules_unref(s->rules);
	order_store_close(s->store);
	conf_free(s->conf);
	g_free(s->conf_path);
	g_free(s->socket_override);
	g_free(s);
}

void snapshot_install(Snapshot *s)
{
	Snapshot *old;

	g_mutex_lock(&lock);
	old = current;
	current = s;
	if (old && --old->refs > 0)
		old = NULL;
	g_mutex_unlock(&lock);
	if (old)
		snapshot_destroy(old);
}

Snapshot *snapshot_acquire(void)
{
	Snapshot *s;

	g_mutex_lock(&lock);
	s = current;
	if (s)
		s->refs++;
	g_mutex_unlock(&lock);
	return s;
}

Snapshot *snapshot_ref(Snapshot *s)
{
	g_mutex_lock(&lock);
	s->refs++;
	g_mutex_unlock(&lock);
	return s;
}

void snapshot_release(Snapshot *s)
{
	gboolean last;

	if (s == NULL)
		return;
	g_mutex_lock(&lock);
	last = --s->refs == 0;
	g_mutex_unlock(&lock);
	if (last)
		snapshot_destroy(s);
}

gboolean snapshot_reload(GError **err)
{
	g_autofree char *conf_path = NULL, *sock = NULL;
	Snapshot *s;

	Snapshot *cur = snapshot_acquire();

	if (cur == NULL) {
		g_set_error(err, CONF_ERROR, 1, "nothing loaded yet");
		return FALSE;
	}
	conf_path = g_strdup(cur->conf_path);
	sock = g_strdup(cur->socket_override);
	snapshot_release(cur);
	s = snapshot_load(conf_path, sock, err);
	if (s == NULL)
		return FALSE;
	snapshot_install(s);
	return TRUE;
}
