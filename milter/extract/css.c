/*
 * css.c - the CSS an HTML part's visibility depends on: declarations of
 * style attributes and sheets, colours, lengths, and the simple rules of
 * <style> sheets that hide elements.
 *
 * In:  a style attribute's value or the text of the <style> sheets; for a
 *      match, an element's lower-case tag name, id and class attribute.
 * Out: css_declarations hands each "name: value" of a declaration list to
 *      a callback (the one place declarations are split); css_parse builds
 *      a Css (transfer full, css_free) of the rules whose declarations set
 *      a hiding property; css_hidden says which of those properties the
 *      sheets hide an element with.  Values: css_color (0xRRGGBB), css_px,
 *      css_size (width and height of a style attribute).
 *
 * Rules with simple selectors only — element, .class, #id, element.class,
 * element#id, and comma lists of them; other selectors, @-rules and their
 * blocks are left out.  At most HTML_MAX_CSS_RULES selectors
 * ("limit:css-rules").
 */
#include <string.h>
#include "extract/css.h"
#include "extract/html_prescan.h"

#define CSS_PX_MAX 100000           /* larger lengths are read as this */
#define CSS_MAX_DECLS 256           /* declarations split from one list; the last holds the rest */
#define CSS_MAX_CLASSES 64          /* class names of one element matched */
#define CSS_SAME_COLOR 12           /* channels this close look alike */
#define CSS_TINY_PERCENT 10         /* font sizes below these are unreadable */
#define CSS_TINY_EM 0.1
#define CSS_TINY_PX 1
#define CSS_OPACITY_HIDDEN 0.05

/* One simple selector of a style sheet rule that sets a hiding property. */
typedef struct {
	char *tag;           /* lower-case element name, or NULL */
	char *cls;           /* class, or NULL */
	char *id;            /* id, or NULL */
	guint hide;          /* CSS_* properties the rule sets to a hiding value */
	guint set;           /* CSS_* properties the rule sets at all */
} CssRule;

struct Css {
	GArray *rules;       /* CssRule, in sheet order */
	GHashTable *index;   /* "t:tag", ".class", "#id" -> GArray of guint rule numbers */
};

/* css_declarations - see css.h */
void css_declarations(const char *s, gsize n, CssDeclFn fn, gpointer data)
{
	char *decls = g_strndup(s, n);
	char **parts = g_strsplit(decls, ";", CSS_MAX_DECLS);

	for (int k = 0; parts[k]; k++) {
		char *colon = strchr(parts[k], ':');
		if (colon == NULL)
			continue;
		*colon = '\0';
		fn(g_strstrip(parts[k]), g_strstrip(colon + 1), data);
	}
	g_strfreev(parts);
	g_free(decls);
}

/* css_px - see css.h */
int css_px(const char *v, gsize n)
{
	gsize i = 0;
	long val = 0;
	gboolean any = FALSE;

	while (i < n && g_ascii_isspace(v[i]))
		i++;
	while (i < n && g_ascii_isdigit(v[i])) {
		if (val < CSS_PX_MAX)
			val = val * 10 + (v[i] - '0');
		any = TRUE;
		i++;
	}
	if (i < n && v[i] == '.')
		for (i++; i < n && g_ascii_isdigit(v[i]); i++)
			any = TRUE;
	if (!any)
		return -1;
	while (i < n && g_ascii_isspace(v[i]))
		i++;
	if (i < n && (v[i] == '%' || g_ascii_strncasecmp(v + i, "em", 2) == 0 ||
	              g_ascii_strncasecmp(v + i, "rem", 3) == 0 || v[i] == 'v'))
		return -1;
	return (int)MIN(val, CSS_PX_MAX);
}

typedef struct {
	int *w, *h;
	gboolean hidden;
} SizeDecls;

/* size_decl - one declaration of a style attribute, for css_size */
static void size_decl(const char *name, const char *val, gpointer data)
{
	SizeDecls *z = data;

	if (g_ascii_strcasecmp(name, "width") == 0 && css_px(val, strlen(val)) >= 0)
		*z->w = css_px(val, strlen(val));
	else if (g_ascii_strcasecmp(name, "height") == 0 && css_px(val, strlen(val)) >= 0)
		*z->h = css_px(val, strlen(val));
	else if ((g_ascii_strcasecmp(name, "display") == 0 && g_ascii_strncasecmp(val, "none", 4) == 0) ||
	         (g_ascii_strcasecmp(name, "visibility") == 0 && g_ascii_strncasecmp(val, "hidden", 6) == 0))
		z->hidden = TRUE;
}

/* css_size - see css.h */
void css_size(const char *style, int *w, int *hgt)
{
	SizeDecls z = { w, hgt, FALSE };

	css_declarations(style, strlen(style), size_decl, &z);
	if (z.hidden)
		*w = *hgt = 0;
}

static const struct {
	const char *name;
	gint32 rgb;
} color_names[] = {
	{ "white", 0xffffff }, { "black", 0x000000 }, { "red", 0xff0000 }, { "green", 0x008000 },
	{ "blue", 0x0000ff }, { "yellow", 0xffff00 }, { "gray", 0x808080 }, { "grey", 0x808080 },
	{ "silver", 0xc0c0c0 }, { "whitesmoke", 0xf5f5f5 }, { "snow", 0xfffafa },
	{ "ivory", 0xfffff0 }, { "navy", 0x000080 }, { "orange", 0xffa500 },
	{ "lightgray", 0xd3d3d3 }, { "lightgrey", 0xd3d3d3 }, { "gainsboro", 0xdcdcdc },
};

/* css_color - a CSS / HTML colour value -> 0xRRGGBB; CSS_COLOR_NONE when not understood
 * or transparent */
gint32 css_color(const char *v)
{
	char buf[64];
	gsize n = 0;

	while (g_ascii_isspace(*v))
		v++;
	while (v[n] && n < sizeof buf - 1 && v[n] != ';' && v[n] != '!')
		buf[n] = g_ascii_tolower(v[n]), n++;
	buf[n] = '\0';
	g_strstrip(buf);
	if (buf[0] == '#' || (strlen(buf) == 6 && strspn(buf, "0123456789abcdef") == 6)) {
		const char *h = buf[0] == '#' ? buf + 1 : buf;
		gsize hl = strspn(h, "0123456789abcdef");
		if (hl == 3 || hl == 4)
			return g_ascii_xdigit_value(h[0]) * 0x110000 + g_ascii_xdigit_value(h[1]) * 0x1100 +
			       g_ascii_xdigit_value(h[2]) * 0x11;
		if (hl == 6 || hl == 8)
			return g_ascii_xdigit_value(h[0]) << 20 | g_ascii_xdigit_value(h[1]) << 16 |
			       g_ascii_xdigit_value(h[2]) << 12 | g_ascii_xdigit_value(h[3]) << 8 |
			       g_ascii_xdigit_value(h[4]) << 4 | g_ascii_xdigit_value(h[5]);
		return CSS_COLOR_NONE;
	}
	if (g_str_has_prefix(buf, "rgb")) {
		const char *p = strchr(buf, '(');
		int c[3];
		if (p == NULL)
			return CSS_COLOR_NONE;
		p++;
		for (int i = 0; i < 3; i++) {
			char *e;
			double d = g_ascii_strtod(p, &e);
			if (e == p)
				return CSS_COLOR_NONE;
			if (*e == '%')
				d = d * 255 / 100, e++;
			c[i] = (int)CLAMP(d, 0, 255);
			p = e;
			while (*p == ' ' || *p == ',')
				p++;
		}
		return c[0] << 16 | c[1] << 8 | c[2];
	}
	for (gsize i = 0; i < G_N_ELEMENTS(color_names); i++)
		if (strcmp(buf, color_names[i].name) == 0)
			return color_names[i].rgb;
	return CSS_COLOR_NONE;
}

/* css_same_color - too close for the eye to tell apart */
gboolean css_same_color(gint32 a, gint32 b)
{
	if (a < 0 || b < 0)
		return FALSE;
	return ABS(((a >> 16) & 0xff) - ((b >> 16) & 0xff)) <= CSS_SAME_COLOR &&
	       ABS(((a >> 8) & 0xff) - ((b >> 8) & 0xff)) <= CSS_SAME_COLOR &&
	       ABS((a & 0xff) - (b & 0xff)) <= CSS_SAME_COLOR;
}

/* tiny_font - a font-size value too small to read */
static gboolean tiny_font(const char *v)
{
	char *e;
	double d;

	while (g_ascii_isspace(*v))
		v++;
	d = g_ascii_strtod(v, &e);
	if (e == v)
		return FALSE;
	while (g_ascii_isspace(*e))
		e++;
	if (*e == '%')
		return d < CSS_TINY_PERCENT;
	if (g_ascii_strncasecmp(e, "em", 2) == 0 || g_ascii_strncasecmp(e, "rem", 3) == 0)
		return d < CSS_TINY_EM;
	return d <= CSS_TINY_PX;      /* px, pt, or no unit */
}

/* css_decl_hides - see css.h */
guint css_decl_hides(const char *name, const char *val, guint *set)
{
	guint bit = 0;
	gboolean hides = FALSE;

	if (g_ascii_strcasecmp(name, "display") == 0)
		bit = CSS_DISPLAY, hides = g_ascii_strncasecmp(val, "none", 4) == 0;
	else if (g_ascii_strcasecmp(name, "visibility") == 0)
		bit = CSS_VISIBILITY, hides = g_ascii_strncasecmp(val, "hidden", 6) == 0;
	else if (g_ascii_strcasecmp(name, "mso-hide") == 0)
		bit = CSS_MSO_HIDE, hides = g_ascii_strncasecmp(val, "all", 3) == 0;
	else if (g_ascii_strcasecmp(name, "opacity") == 0)
		bit = CSS_OPACITY, hides = g_ascii_isdigit(val[0]) && g_ascii_strtod(val, NULL) <= CSS_OPACITY_HIDDEN;
	else if (g_ascii_strcasecmp(name, "font-size") == 0)
		bit = CSS_FONT_SIZE, hides = tiny_font(val);
	*set |= bit;
	return hides ? bit : 0;
}

/* css_free - see css.h */
void css_free(Css *c)
{
	if (c == NULL)
		return;
	for (guint i = 0; i < c->rules->len; i++) {
		CssRule *r = &g_array_index(c->rules, CssRule, i);
		g_free(r->tag);
		g_free(r->cls);
		g_free(r->id);
	}
	g_array_free(c->rules, TRUE);
	g_hash_table_destroy(c->index);
	g_free(c);
}

/* index_free - one list of rule numbers */
static void index_free(gpointer p)
{
	g_array_free(p, TRUE);
}

/* css_name - [A-Za-z0-9_-] and non-ASCII from s; the length */
static gsize css_name(const char *s)
{
	gsize k = 0;

	while (g_ascii_isalnum(s[k]) || s[k] == '-' || s[k] == '_' || (guchar)s[k] >= 0x80)
		k++;
	return k;
}

/* css_selector - one simple selector as a rule; FALSE for any other kind */
static gboolean css_selector(char *sel, CssRule *r)
{
	gsize k = css_name(sel);
	char *rest = sel + k;

	memset(r, 0, sizeof *r);
	if (k > 0)
		r->tag = g_ascii_strdown(sel, (gssize)k);
	if (*rest == '.' || *rest == '#') {
		gsize m = css_name(rest + 1);
		if (m == 0 || rest[1 + m] != '\0') {
			g_free(r->tag);
			return FALSE;
		}
		if (*rest == '.')
			r->cls = g_strndup(rest + 1, m);
		else
			r->id = g_strndup(rest + 1, m);
	} else if (*rest != '\0' || k == 0) {
		g_free(r->tag);
		return FALSE;
	}
	return TRUE;
}

/* css_add - one rule, indexed by its class, id or element */
static void css_add(Css *c, CssRule *r)
{
	char *key = r->cls ? g_strconcat(".", r->cls, NULL)
	          : r->id ? g_strconcat("#", r->id, NULL) : g_strconcat("t:", r->tag, NULL);
	GArray *list = g_hash_table_lookup(c->index, key);
	guint n = c->rules->len;

	if (list == NULL) {
		list = g_array_new(FALSE, FALSE, sizeof(guint));
		g_hash_table_insert(c->index, key, list);
	} else {
		g_free(key);
	}
	g_array_append_val(list, n);
	g_array_append_val(c->rules, *r);
}

/* css_skip_block - past the block that opens at s[i] == '{' (nesting counted) */
static gsize css_skip_block(const char *s, gsize n, gsize i)
{
	int depth = 0;

	for (; i < n; i++) {
		if (s[i] == '{')
			depth++;
		else if (s[i] == '}' && --depth <= 0)
			return i + 1;
	}
	return n;
}

typedef struct {
	guint hide, set;     /* CSS_* properties a rule hides with, and sets */
} RuleDecls;

/* rule_decl - one declaration of a sheet rule */
static void rule_decl(const char *name, const char *val, gpointer data)
{
	RuleDecls *d = data;

	d->hide |= css_decl_hides(name, val, &d->set);
}

/* css_parse - see css.h */
Css *css_parse(GString *sheets, Facts *f)
{
	Css *c = g_new0(Css, 1);
	char *s = sheets->str;
	gsize n = sheets->len, i = 0;
	guint selectors = 0;

	c->rules = g_array_new(FALSE, FALSE, sizeof(CssRule));
	c->index = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, index_free);
	/* comments out */
	for (char *p = s; (p = strstr(p, "/*")) != NULL;) {
		char *e = strstr(p + 2, "*/");
		e = e ? e + 2 : s + n;
		memset(p, ' ', e - p);
		p = e;
	}
	while (i < n) {
		gsize open, close;
		char **sels;
		RuleDecls d = { 0, 0 };
		while (i < n && (g_ascii_isspace(s[i]) || s[i] == '}' || s[i] == ';'))
			i++;
		if (i >= n)
			break;
		if (s[i] == '@' || (i + 4 <= n && (strncmp(s + i, "<!--", 4) == 0 || strncmp(s + i, "-->", 3) == 0))) {
			if (s[i] != '@') {   /* HTML comment markers around a sheet */
				i += s[i] == '<' ? 4 : 3;
				continue;
			}
			while (i < n && s[i] != '{' && s[i] != ';')
				i++;
			i = i < n && s[i] == '{' ? css_skip_block(s, n, i) : i + 1;
			continue;
		}
		open = i;
		while (open < n && s[open] != '{')
			open++;
		if (open >= n)
			break;
		close = open;
		while (close < n && s[close] != '}')
			close++;
		css_declarations(s + open + 1, close - open - 1, rule_decl, &d);
		if (d.set != 0) {
			char *list = g_strndup(s + i, open - i);
			sels = g_strsplit(list, ",", 0);
			for (int k = 0; sels[k]; k++) {
				CssRule r;
				if (++selectors > HTML_MAX_CSS_RULES) {
					facts_add_anomaly(f, "limit", "css-rules");
					break;
				}
				if (!css_selector(g_strstrip(sels[k]), &r))
					continue;
				r.hide = d.hide;
				r.set = d.set;
				css_add(c, &r);
			}
			g_strfreev(sels);
			g_free(list);
			if (selectors > HTML_MAX_CSS_RULES)
				break;
		}
		i = close + 1;
	}
	if (c->rules->len == 0) {
		css_free(c);
		return NULL;
	}
	return c;
}

/* cmp_uint - guint order, for g_array_sort */
static gint cmp_uint(gconstpointer a, gconstpointer b)
{
	guint x = *(const guint *)a, y = *(const guint *)b;
	return x < y ? -1 : x > y;
}

/* css_match - the rules matching an element, in sheet order, into hits */
static void css_match(const Css *c, const char *name, const char *id, const char *cls, GArray *hits)
{
	char *key = g_strconcat("t:", name, NULL);
	GArray *list;

	g_array_set_size(hits, 0);
	if ((list = g_hash_table_lookup(c->index, key)) != NULL)
		g_array_append_vals(hits, list->data, list->len);
	g_free(key);
	if (id != NULL && *id) {
		key = g_strconcat("#", id, NULL);
		if ((list = g_hash_table_lookup(c->index, key)) != NULL)
			g_array_append_vals(hits, list->data, list->len);
		g_free(key);
	}
	if (cls != NULL && *cls) {
		char **names = g_strsplit_set(cls, " \t\n\r\f", CSS_MAX_CLASSES);
		for (int k = 0; names[k]; k++) {
			if (!*names[k])
				continue;
			key = g_strconcat(".", names[k], NULL);
			if ((list = g_hash_table_lookup(c->index, key)) != NULL)
				g_array_append_vals(hits, list->data, list->len);
			g_free(key);
		}
		g_strfreev(names);
	}
	/* a rule with both element and class/id matches only that element */
	for (guint k = hits->len; k-- > 0;) {
		const CssRule *r = &g_array_index(c->rules, CssRule, g_array_index(hits, guint, k));
		if (r->tag != NULL && strcmp(r->tag, name) != 0)
			g_array_remove_index(hits, k);
	}
	g_array_sort(hits, cmp_uint);
}

/* css_hidden - see css.h */
guint css_hidden(const Css *c, const char *name, const char *id, const char *cls)
{
	GArray *hits = g_array_new(FALSE, FALSE, sizeof(guint));
	guint mask = 0;

	css_match(c, name, id, cls, hits);
	for (guint k = 0; k < hits->len; k++) {
		const CssRule *r = &g_array_index(c->rules, CssRule, g_array_index(hits, guint, k));
		mask = (mask & ~r->set) | r->hide;
	}
	g_array_free(hits, TRUE);
	return mask;
}
