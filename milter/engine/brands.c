/*
 * brands.c - brand files -> an immutable Brands set (see brands.h).
 *
 * A brand file holds "key = value" lines (domains, senders, mode) and,
 * around them, rule statements in the syntax of local.d (override,
 * disable, enable).  The key lines are read here and blanked, the rest
 * goes to the rule parser (rules/overlay.c), so both report errors at the
 * file's own line numbers.  A domain may belong to one brand only; a
 * subdomain may belong to another (the nearest one wins).
 */
#include <string.h>
#include "engine/brands.h"
#include "util/text.h"

#define BRANDS_MAX_FILE (1 << 20)   /* bytes of one brand file */

struct Brands {
	GPtrArray *brands;       /* Brand*, in file name order */
	GHashTable *by_domain;   /* folded domain -> Brand* */
};

static const char *const brand_keys[] = { "domains", "senders", "mode" };

static void brand_free(gpointer p)
{
	Brand *br = p;
	g_free(br->name);
	g_free(br->file);
	g_strfreev(br->domains);
	g_strfreev(br->senders);
	rules_overlay_free(br->overlay);
	g_free(br);
}

/* domain_ok - letters, digits, "-" and dots, as a host name is written */
static gboolean domain_ok(const char *d)
{
	if (*d == '\0' || *d == '.' || *d == '-' || strlen(d) > 253 || strstr(d, ".."))
		return FALSE;
	for (const char *p = d; *p; p++)
		if (!g_ascii_isalnum(*p) && *p != '-' && *p != '.')
			return FALSE;
	return TRUE;
}

/* Where one brand file is being read. */
typedef struct {
	Brands *set;
	Brand *br;
	const char *path;
	GString *errors;
	GHashTable *where;       /* domain -> "file:line" of its brand, for errors */
} Reader;

static void err_at(Reader *r, guint line, gsize col, const char *fmt, ...) G_GNUC_PRINTF(4, 5);
static void err_at(Reader *r, guint line, gsize col, const char *fmt, ...)
{
	va_list ap;
	g_autofree char *m = NULL;

	va_start(ap, fmt);
	m = g_strdup_vprintf(fmt, ap);
	va_end(ap);
	g_string_append_printf(r->errors, "%s%s:%u:%zu: %s", r->errors->len ? "\n" : "", r->path,
	                       line, col, m);
}

/* items - the comma or space separated words of v, with their columns */
static void items(const char *v, gsize col0, GPtrArray *words, GArray *cols)
{
	const char *p = v, *start;
	gsize len;

	while ((start = text_list_next(&p, &len)) != NULL) {
		gsize col = col0 + (gsize)(start - v);
		g_ptr_array_add(words, g_ascii_strdown(start, (gssize)len));
		g_array_append_val(cols, col);
	}
}

/* key_line - one "key = value" line of a brand file */
static void key_line(Reader *r, guint ln, const char *key, const char *val, gsize vcol)
{
	g_autoptr(GPtrArray) words = g_ptr_array_new_with_free_func(g_free);
	g_autoptr(GArray) cols = g_array_new(FALSE, FALSE, sizeof(gsize));

	items(val, vcol, words, cols);
	if (strcmp(key, "mode") == 0) {
		if (words->len != 1 || (strcmp(words->pdata[0], "monitor") != 0 &&
		                        strcmp(words->pdata[0], "enforce") != 0)) {
			err_at(r, ln, vcol, "mode: \"%s\" is not one of: enforce monitor", val);
			return;
		}
		r->br->mode = strcmp(words->pdata[0], "monitor") == 0 ? VERDICT_MODE_MONITOR
		                                                      : VERDICT_MODE_ENFORCE;
		return;
	}
	if (words->len == 0) {
		err_at(r, ln, vcol, "%s: empty", key);
		return;
	}
	for (guint i = 0; i < words->len; i++) {
		char *w = words->pdata[i];
		gsize col = g_array_index(cols, gsize, i);
		if (strcmp(key, "senders") == 0) {
			const char *at = strrchr(w, '@');
			if (at == NULL || at[1] == '\0') {
				err_at(r, ln, col, "senders: \"%s\" is not an address (like support@example.com, "
				       "*@help.example.com or @example.com)", w);
				continue;
			}
			continue;
		}
		if (g_str_has_suffix(w, "."))
			w[strlen(w) - 1] = '\0';
		if (!domain_ok(w)) {
			err_at(r, ln, col, "domains: \"%s\" is not a domain (like example.com)", w);
			continue;
		}
		if (g_hash_table_contains(r->set->by_domain, w)) {
			const Brand *other = g_hash_table_lookup(r->set->by_domain, w);
			err_at(r, ln, col, "domain %s is already brand %s's (%s)", w, other->name,
			       (const char *)g_hash_table_lookup(r->where, w));
			continue;
		}
		g_hash_table_insert(r->set->by_domain, g_strdup(w), r->br);
		g_hash_table_insert(r->where, g_strdup(w), g_strdup_printf("%s:%u", r->path, ln));
	}
	g_ptr_array_add(words, NULL);
	if (strcmp(key, "senders") == 0) {
		for (guint i = 0; words->pdata[i]; i++) {
			char *w = words->pdata[i];
			if (w[0] == '@') {             /* "@dom": anyone at dom */
				words->pdata[i] = g_strconcat("*", w, NULL);
				g_free(w);
			}
		}
		g_strfreev(r->br->senders);
		r->br->senders = (char **)g_ptr_array_steal(words, NULL);
	} else {
		g_strfreev(r->br->domains);
		r->br->domains = (char **)g_ptr_array_steal(words, NULL);
	}
}

/* key_len - the length of the key of a "key = value" line, 0 for any other
 * line (rule lines never have "=" right after their first word) */
static gsize key_len(const char *p)
{
	gsize n = strspn(p, "abcdefghijklmnopqrstuvwxyz_");
	return n > 0 && p[n + strspn(p + n, " \t")] == '=' ? n : 0;
}

/* read_brand - one file: the key lines here, the rest to the rule parser */
static void read_brand(Reader *r, Ruleset *rs, char *text)
{
	g_auto(GStrv) lines = g_strsplit(text, "\n", -1);
	guint before = r->errors->len;
	g_autoptr(GString) rest = g_string_new(NULL);
	guint key_line_of[G_N_ELEMENTS(brand_keys)] = { 0 };

	for (guint ln = 0; lines[ln]; ln++) {
		char *line = lines[ln], *p = line, *eq;
		g_autofree char *key = NULL;
		gsize klen;
		guint k;

		while (*p == ' ' || *p == '\t')
			p++;
		if ((klen = key_len(p)) == 0) {
			g_string_append_printf(rest, "%s\n", line);
			continue;
		}
		g_string_append_c(rest, '\n');
		key = g_strndup(p, klen);
		eq = strchr(p, '=');
		for (k = 0; k < G_N_ELEMENTS(brand_keys); k++)
			if (strcmp(key, brand_keys[k]) == 0)
				break;
		if (k == G_N_ELEMENTS(brand_keys)) {
			const char *s = text_suggest(key, brand_keys, G_N_ELEMENTS(brand_keys), 2,
			                             TEXT_SUGGEST_NEAREST);
			if (s)
				err_at(r, ln + 1, (gsize)(p - line) + 1, "unknown key \"%s\" (did you mean \"%s\"?)",
				       key, s);
			else
				err_at(r, ln + 1, (gsize)(p - line) + 1, "unknown key \"%s\" (a brand file has "
				       "domains, senders and mode, and rule overrides)", key);
			continue;
		}
		if (key_line_of[k]) {
			err_at(r, ln + 1, (gsize)(p - line) + 1, "%s given twice (first on line %u)", key,
			       key_line_of[k]);
			continue;
		}
		key_line_of[k] = ln + 1;
		{
			char *v = eq + 1, *hash;
			while (*v == ' ' || *v == '\t')
				v++;
			if ((hash = strstr(v, " #")) != NULL)
				*hash = '\0';
			g_strchomp(v);
			key_line(r, ln + 1, key, v, (gsize)(v - line) + 1);
		}
	}
	if (r->br->domains == NULL && r->errors->len == before)
		err_at(r, 1, 1, "brand %s has no \"domains = …\" line (the From domains of its mail)",
		       r->br->name);
	{
		g_autoptr(GError) e = NULL;
		r->br->overlay = rules_overlay_parse(rs, r->path, rest->str, &e);
		if (r->br->overlay == NULL)
			g_string_append_printf(r->errors, "%s%s", r->errors->len ? "\n" : "", e->message);
		else if (rules_overlay_changed(r->br->overlay) == 0)
			g_clear_pointer(&r->br->overlay, rules_overlay_free);
	}
}

static gint cmp_str(gconstpointer a, gconstpointer b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

Brands *brands_load(const char *dir, Ruleset *rs, GError **err)
{
	Brands *set = g_new0(Brands, 1);
	g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func(g_free);
	g_autoptr(GString) errors = g_string_new(NULL);
	g_autoptr(GHashTable) where = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
	GError *e = NULL;
	GDir *d;
	const char *name;

	set->brands = g_ptr_array_new_with_free_func(brand_free);
	set->by_domain = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	if ((d = g_dir_open(dir, 0, &e)) == NULL) {
		g_set_error(err, CONF_ERROR, 1, "brands: %s", e->message);
		g_error_free(e);
		brands_free(set);
		return NULL;
	}
	while ((name = g_dir_read_name(d)) != NULL)
		if (name[0] != '.' && g_str_has_suffix(name, ".conf"))
			g_ptr_array_add(names, g_strdup(name));
	g_dir_close(d);
	g_ptr_array_sort(names, cmp_str);
	for (guint i = 0; i < names->len; i++) {
		g_autofree char *path = g_build_filename(dir, names->pdata[i], NULL);
		g_autofree char *text = NULL;
		gsize len = 0;
		Brand *br = g_new0(Brand, 1);
		Reader r = { .set = set, .br = br, .path = path, .errors = errors, .where = where };

		br->name = g_strndup(names->pdata[i], strlen(names->pdata[i]) - strlen(".conf"));
		br->file = g_strdup(path);
		g_ptr_array_add(set->brands, br);
		if (!g_file_get_contents(path, &text, &len, &e)) {
			g_string_append_printf(errors, "%s%s: %s", errors->len ? "\n" : "", path, e->message);
			g_clear_error(&e);
			continue;
		}
		if (len > BRANDS_MAX_FILE || strlen(text) != len) {
			g_string_append_printf(errors, "%s%s: not a brand file (binary, or over %d bytes)",
			                       errors->len ? "\n" : "", path, BRANDS_MAX_FILE);
			continue;
		}
		read_brand(&r, rs, text);
	}
	if (errors->len > 0) {
		g_set_error_literal(err, CONF_ERROR, 1, errors->str);
		brands_free(set);
		return NULL;
	}
	return set;
}

void brands_free(Brands *b)
{
	if (b == NULL)
		return;
	g_hash_table_unref(b->by_domain);
	g_ptr_array_unref(b->brands);
	g_free(b);
}

guint brands_count(const Brands *b)
{
	return b ? b->brands->len : 0;
}

const Brand *brands_nth(const Brands *b, guint i)
{
	return b && i < b->brands->len ? b->brands->pdata[i] : NULL;
}

const Brand *brands_select(const Brands *b, const char *from_address)
{
	const char *at;
	g_autofree char *dom = NULL;

	if (b == NULL || from_address == NULL || (at = strrchr(from_address, '@')) == NULL)
		return NULL;
	dom = g_ascii_strdown(at + 1, -1);
	if (g_str_has_suffix(dom, "."))
		dom[strlen(dom) - 1] = '\0';
	/* the domain, then each parent: the nearest brand wins */
	for (const char *p = dom; p && *p; p = strchr(p, '.') ? strchr(p, '.') + 1 : NULL) {
		const Brand *br = g_hash_table_lookup(b->by_domain, p);
		if (br)
			return br;
	}
	return NULL;
}

gboolean brands_sender_approved(const Brand *br, const char *addr)
{
	g_autofree char *a = NULL;

	if (br->senders == NULL)
		return TRUE;
	if (addr == NULL || *addr == '\0')
		return FALSE;
	a = g_ascii_strdown(addr, -1);
	for (guint i = 0; br->senders[i]; i++)
		if (g_pattern_match_simple(br->senders[i], a))
			return TRUE;
	return FALSE;
}
