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
 * changed after load, so any number of threads may evaluate them.  The
 * caller's RulesOptions choose the prefilter (off, to compare; or scanning
 * every target a prefiltered regex reads, however few, to test it on small
 * rulesets) and the cost counters; nothing here reads the environment.
 * After the files, rules/compile.c finishes the ruleset.
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

/* load_lexicon - the lexicon/ directory of a rules directory */
static void load_lexicon(RulesBuild *b, const char *root)
{
	char *d = g_build_filename(root, "lexicon", NULL);
	lexicon_read_dir(b->rs->lex, d, &b->diag);
	g_free(d);
}

/* rules_options_parse - the options of a load from the values of the
 * environment variables AMZ_RULES_PREFILTER and AMZ_RULE_PROFILE (either
 * may be NULL: unset), read by the caller */
void rules_options_parse(RulesOptions *o, const char *prefilter, const char *profile)
{
	o->prefilter = prefilter != NULL && strcmp(prefilter, "0") == 0 ? RULES_PREFILTER_OFF
	             : prefilter != NULL && strcmp(prefilter, "all") == 0 ? RULES_PREFILTER_ALL
	             : RULES_PREFILTER_ON;
	o->profile = profile != NULL && *profile && strcmp(profile, "0") != 0;
}

Ruleset *rules_load(const char *dir, const char *local_dir, const RulesOptions *opt, GError **err)
{
	RulesBuild b = { .rs = rules_ruleset_new() };
	Ruleset *out = NULL;

	if (opt != NULL)
		b.opt = *opt;
	rules_diag_init(&b.diag);
	/* the concepts first: rules name them */
	load_lexicon(&b, dir);
	if (local_dir != NULL && *local_dir)
		load_lexicon(&b, local_dir);
	lexicon_finish(b.rs->lex);
	if (!rules_diag_full(&b.diag))
		load_dir(&b, dir, TRUE);
	if (local_dir != NULL && *local_dir && !rules_diag_full(&b.diag))
		load_dir(&b, local_dir, FALSE);
	if (b.diag.errors->len == 0)
		rules_compile(&b);
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
	rules_unref(b.rs);
	rules_diag_clear(&b.diag);
	return out;
}
