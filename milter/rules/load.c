/*
 * rules/load.c - rule directories -> one immutable, refcounted Ruleset.
 *
 * Input: the shipped rules directory and the admin's local directory.
 * Every "*.rules" file is parsed in byte order of its relative path, the
 * local ones last, into one RulesBuild.  Any error discards the whole
 * build, so a bad edit never yields a half ruleset: the caller keeps the
 * last good one.  Output: a Ruleset with one reference, or NULL and a
 * RULES_ERROR GError whose message holds every "file:line:col: message"
 * (one a line).  The reference count is atomic; the rules are never
 * changed after load, so any number of threads may evaluate them.  Two
 * environment variables are read here, once per load: AMZ_RULES_PREFILTER=0
 * builds no literal prefilters (to compare), =all scans every target a
 * prefiltered regex reads, however few (to test the prefilters on small
 * rulesets); AMZ_RULE_PROFILE=1 gives the ruleset cost counters that
 * evaluations add to atomically (the one part of a Ruleset that changes
 * after load).
 */
#include <string.h>
#include <errno.h>
#include "rules/internal.h"

G_DEFINE_QUARK(amz-rules-error-quark, rules_error)

/* collect - "*.rules" below dir/rel, skipping hidden entries and local.d */
static gboolean collect(const char *root, const char *rel, GPtrArray *out, GError **err)
{
	char *path = rel ? g_build_filename(root, rel, NULL) : g_strdup(root);
	GDir *d = g_dir_open(path, 0, err);
	const char *name;
	gboolean ok = FALSE;

	if (d == NULL)
		goto out;
	while ((name = g_dir_read_name(d)) != NULL) {
		char *sub = rel ? g_build_filename(rel, name, NULL) : g_strdup(name);
		char *full = g_build_filename(root, sub, NULL);
		if (name[0] == '.') {
			/* editor and VCS files */
		} else if (g_file_test(full, G_FILE_TEST_IS_DIR)) {
			if (strcmp(name, "local.d") != 0 && !collect(root, sub, out, err)) {
				g_free(sub);
				g_free(full);
				goto out;
			}
		} else if (g_str_has_suffix(name, ".rules")) {
			g_ptr_array_add(out, g_strdup(sub));
		}
		g_free(sub);
		g_free(full);
	}
	ok = TRUE;
out:
	if (d)
		g_dir_close(d);
	g_free(path);
	return ok;
}

static gint cmp_bytes(gconstpointer a, gconstpointer b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* load_dir - parse every rule file of root in order; missing root is an error
 * only when required */
static void load_dir(RulesBuild *b, const char *root, gboolean required)
{
	GPtrArray *files = g_ptr_array_new_with_free_func(g_free);
	GError *err = NULL;

	if (!required && !g_file_test(root, G_FILE_TEST_IS_DIR))
		goto out;
	if (!collect(root, NULL, files, &err)) {
		rules_diag_add(&b->diag, root, 0, 0, "cannot read rule directory: %s", err->message);
		goto out;
	}
	g_ptr_array_sort(files, cmp_bytes);
	for (guint i = 0; i < files->len && !rules_diag_full(&b->diag); i++) {
		char *path = g_build_filename(root, files->pdata[i], NULL);
		char *text = NULL;
		GError *e = NULL;
		if (!g_file_get_contents(path, &text, NULL, &e)) {
			rules_diag_add(&b->diag, path, 0, 0, "cannot read rule file: %s", e->message);
			g_error_free(e);
		} else {
			rules_parse_file(b, path, text);
		}
		g_free(text);
		g_free(path);
	}
out:
	g_clear_error(&err);
	g_ptr_array_unref(files);
}

static Ruleset *ruleset_new(void)
{
	Ruleset *rs = g_new0(Ruleset, 1);
	rs->ref = 1;
	rs->rules = g_ptr_array_new_with_free_func((GDestroyNotify)rules_rule_free);
	rs->by_id = g_hash_table_new(g_str_hash, g_str_equal);
	rs->lists = g_hash_table_new_full(g_str_hash, g_str_equal, NULL, (GDestroyNotify)rules_list_free);
	rs->anon_lists = g_ptr_array_new_with_free_func((GDestroyNotify)rules_list_free);
	rs->arena = g_ptr_array_new_with_free_func(g_free);
	return rs;
}

#define ARENA_BLOCK (64 * 1024)

gpointer rules_arena_new0(Ruleset *rs, gsize size)
{
	char *p;

	size = (size + 15) & ~(gsize)15;
	if (size > ARENA_BLOCK / 4) {           /* big: a block of its own */
		p = g_malloc0(size);
		g_ptr_array_add(rs->arena, p);
		return p;
	}
	if (size > rs->arena_left) {
		rs->arena_next = g_malloc0(ARENA_BLOCK);
		rs->arena_left = ARENA_BLOCK;
		g_ptr_array_add(rs->arena, rs->arena_next);
	}
	p = rs->arena_next;
	rs->arena_next += size;
	rs->arena_left -= size;
	return p;
}

static void ruleset_free(Ruleset *rs)
{
	rules_pf_free(rs->pf);
	if (rs->tests)
		g_ptr_array_unref(rs->tests);
	g_free(rs->prof_rules);
	g_free(rs->prof_tests);
	g_hash_table_unref(rs->by_id);
	g_ptr_array_unref(rs->rules);
	g_hash_table_unref(rs->lists);
	g_ptr_array_unref(rs->anon_lists);
	g_ptr_array_unref(rs->arena);       /* last: the frees above read the structs */
	g_free(rs);
}

Ruleset *rules_load(const char *dir, const char *local_dir, GError **err)
{
	RulesBuild b = { .rs = ruleset_new() };
	Ruleset *out = NULL;
	const char *pf = g_getenv("AMZ_RULES_PREFILTER");
	const char *prof = g_getenv("AMZ_RULE_PROFILE");

	b.no_prefilter = pf != NULL && strcmp(pf, "0") == 0;
	b.scan_all = pf != NULL && strcmp(pf, "all") == 0;
	b.profile = prof != NULL && *prof && strcmp(prof, "0") != 0;

	rules_diag_init(&b.diag);
	load_dir(&b, dir, TRUE);
	if (local_dir != NULL && *local_dir && !rules_diag_full(&b.diag))
		load_dir(&b, local_dir, FALSE);
	if (b.diag.errors->len == 0)
		rules_finish(&b);
	if (b.diag.errors->len > 0) {
		char *msg;
		g_ptr_array_add(b.diag.errors, NULL);
		msg = g_strjoinv("\n", (char **)b.diag.errors->pdata);
		g_set_error_literal(err, RULES_ERROR, 0, msg);
		g_free(msg);
		goto out;
	}
	out = b.rs;
	b.rs = NULL;
out:
	if (b.rs)
		ruleset_free(b.rs);
	rules_diag_clear(&b.diag);
	return out;
}

Ruleset *rules_ref(Ruleset *rs)
{
	g_atomic_int_inc(&rs->ref);
	return rs;
}

void rules_unref(Ruleset *rs)
{
	if (rs != NULL && g_atomic_int_dec_and_test(&rs->ref))
		ruleset_free(rs);
}

guint rules_count(const Ruleset *rs)
{
	return rs->n_enabled;
}

gboolean rules_info(const Ruleset *rs, guint i, RuleInfo *out)
{
	const Rule *r;

	if (i >= rs->rules->len)
		return FALSE;
	r = rs->rules->pdata[i];
	out->id = r->id;
	out->describe = r->describe ? r->describe : "";
	out->guideline = r->guideline;
	out->file = r->file;
	out->line = r->line;
	out->action = r->action;
	out->monitor = r->monitor;
	out->enabled = r->enabled;
	out->meta = r->kind == RK_META;
	out->sub = r->sub;
	return TRUE;
}
