/*
 * rules/list.c - named lists of hosts, addresses, types and words.
 *
 * A List is filled while rule files load (inline entries, list files, +=
 * and -=) and is read-only afterwards.  Entries are case-folded once into
 * hash tables so that a match costs one lookup per label of a host.  How a
 * value is compared depends on the target (ListMatch), not on the list, so
 * one list of domains serves link.host, image.host and from alike.
 */
#include <string.h>
#include <sys/stat.h>
#include <glib/gstdio.h>
#include <errno.h>
#include "rules/internal.h"
#include "util/text.h"

List *rules_list_new(const char *name, const char *file, guint line)
{
	List *l = g_new0(List, 1);
	l->name = g_strdup(name);
	l->file = g_strdup(file);
	l->line = line;
	l->entries = g_ptr_array_new_with_free_func(g_free);
	l->exact = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	l->hosts = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	l->prefixes = g_ptr_array_new_with_free_func(g_free);
	return l;
}

void rules_list_free(List *l)
{
	if (l == NULL)
		return;
	g_free(l->name);
	g_free(l->file);
	g_ptr_array_unref(l->entries);
	g_hash_table_unref(l->exact);
	g_hash_table_unref(l->hosts);
	g_ptr_array_unref(l->prefixes);
	g_free(l);
}

/* rules_list_fold - case-folded copy without a trailing dot (hosts may be written "x.com.") */
char *rules_list_fold(const char *s)
{
	char *f = text_casefold(s);
	gsize n = strlen(f);
	if (n > 1 && f[n - 1] == '.')
		f[n - 1] = '\0';
	return f;
}

/* host_key - the domain an entry stands for: "@x", "*.x" and ".x" all mean x */
static char *host_key(const char *folded)
{
	const char *s = folded;
	if (*s == '@')
		s++;
	else if (g_str_has_prefix(s, "*."))
		s += 2;
	else if (*s == '.')
		s++;
	return g_strdup(s);
}

static void index_entry(List *l, const char *entry)
{
	char *f = rules_list_fold(entry);
	gsize n = strlen(f);

	if (strcmp(f, "*") == 0 || strcmp(f, "*/*") == 0)
		l->any_type = TRUE;
	else if (n > 2 && f[n - 1] == '*' && f[n - 2] == '/')
		g_ptr_array_add(l->prefixes, g_strndup(f, n - 1));
	g_hash_table_add(l->hosts, host_key(f));
	g_hash_table_add(l->exact, f);
}

void rules_list_add(List *l, const char *entry)
{
	if (*entry == '\0')
		return;
	g_ptr_array_add(l->entries, g_strdup(entry));
	index_entry(l, entry);
}

/* rules_list_remove - drop every entry equal (folded) to entry, then reindex */
void rules_list_remove(List *l, const char *entry)
{
	char *f = rules_list_fold(entry);

	for (guint i = l->entries->len; i > 0; i--) {
		char *e = rules_list_fold(l->entries->pdata[i - 1]);
		if (strcmp(e, f) == 0)
			g_ptr_array_remove_index(l->entries, i - 1);
		g_free(e);
	}
	g_free(f);
	g_hash_table_remove_all(l->exact);
	g_hash_table_remove_all(l->hosts);
	g_ptr_array_set_size(l->prefixes, 0);
	l->any_type = FALSE;
	for (guint i = 0; i < l->entries->len; i++)
		index_entry(l, l->entries->pdata[i]);
}

/* rules_list_read_file - one entry a line; "#" starts a comment; blanks ignored */
gboolean rules_list_read_file(List *l, const char *path, gboolean remove, GError **err)
{
	char *text = NULL;
	char **lines = NULL;
	gboolean ok = FALSE;
	GStatBuf st;

	/* A list is a small regular file: /dev/zero or a mistyped path to a
	 * huge file must be an error, not a load that never ends. */
	if (g_stat(path, &st) == 0 && (!S_ISREG(st.st_mode) || st.st_size > RULES_LIST_FILE_MAX)) {
		g_set_error(err, G_FILE_ERROR, G_FILE_ERROR_INVAL, "%s: not a regular file of at most %d MB",
		            path, RULES_LIST_FILE_MAX >> 20);
		goto out;
	}
	if (!g_file_get_contents(path, &text, NULL, err))
		goto out;
	lines = g_strsplit(text, "\n", -1);
	for (char **p = lines; *p; p++) {
		char *hash = strchr(*p, '#');
		if (hash)
			*hash = '\0';
		g_strstrip(*p);
		if (**p == '\0')
			continue;
		if (remove)
			rules_list_remove(l, *p);
		else
			rules_list_add(l, *p);
	}
	ok = TRUE;
out:
	g_strfreev(lines);
	g_free(text);
	return ok;
}

/* host_in - host or any parent domain of it is an entry */
static gboolean host_in(const List *l, const char *host)
{
	for (const char *s = host; s && *s; ) {
		if (g_hash_table_contains(l->hosts, s))
			return TRUE;
		s = strchr(s, '.');
		if (s)
			s++;
	}
	return FALSE;
}

gboolean rules_list_match(const List *l, ListMatch how, const char *value)
{
	char *v = rules_list_fold(value);
	gboolean hit = FALSE;

	switch (how) {
	case LM_EXACT:
		hit = g_hash_table_contains(l->exact, v);
		break;
	case LM_HOST:
		hit = host_in(l, v);
		break;
	case LM_ADDRESS: {
		const char *at = strrchr(v, '@');
		hit = g_hash_table_contains(l->exact, v) || (at != NULL && host_in(l, at + 1));
		break;
	}
	case LM_TYPE:
		hit = l->any_type || g_hash_table_contains(l->exact, v);
		for (guint i = 0; !hit && i < l->prefixes->len; i++)
			hit = g_str_has_prefix(v, l->prefixes->pdata[i]);
		break;
	}
	g_free(v);
	return hit;
}

/* rules_list_words - see rules.h */
const GHashTable *rules_list_words(const Ruleset *rs, const char *name)
{
	const List *l = g_hash_table_lookup(rs->lists, name);

	return l ? l->exact : NULL;
}
