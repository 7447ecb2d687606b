/*
 * test_html.c - html.c: the pre-scan's depth estimate against gumbo's real
 * tree, the bound on adversarial nesting, and the parse deadline.
 *
 * The estimate must never be below the depth gumbo builds (else the cut
 * that keeps gumbo cheap comes too late) and stay close to it for the
 * HTML mail is made of (else ordinary mail is cut).  Inputs: repeated
 * patterns that the tree builder nests or closes, and documents of random
 * tags from a seeded generator.
 */
#include <string.h>
#include <gumbo.h>
#include "extract/css.h"
#include "extract/html.h"
#include "extract/html_prescan.h"
#include "linkwords.h"

/* Elements the estimate may be above gumbo for ordinary HTML. */
enum { SLACK_ORDINARY = 2 };
/* Repetitions of a pattern compared with gumbo: below and beyond the depth bound. */
static const guint repeats[] = { 50, 300 };
/* Random documents, and tags in each. */
enum { RANDOM_DOCS = 400, RANDOM_TAGS = 300 };
/* The largest HTML part extraction keeps (max_text_bytes). */
#define MAX_HTML_BYTES (4 * 1024 * 1024)
#define MAX_NODES 200000

/* gumbo_depth - the deepest element of gumbo's tree for html (html = 1) */
static guint gumbo_depth(const char *html, gsize len)
{
	GumboOutput *out = gumbo_parse_with_options(&kGumboDefaultOptions, html, len);
	GPtrArray *nodes = g_ptr_array_new();
	GArray *depths = g_array_new(FALSE, FALSE, sizeof(guint));
	guint deepest = 0, d = 1;

	g_ptr_array_add(nodes, out->root);
	g_array_append_val(depths, d);
	while (nodes->len > 0) {
		GumboNode *node = g_ptr_array_steal_index(nodes, nodes->len - 1);
		guint depth = g_array_index(depths, guint, depths->len - 1);
		g_array_set_size(depths, depths->len - 1);
		if (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_TEMPLATE)
			continue;
		deepest = MAX(deepest, depth);
		for (guint i = 0; i < node->v.element.children.length; i++) {
			guint k = depth + 1;
			g_ptr_array_add(nodes, node->v.element.children.data[i]);
			g_array_append_val(depths, k);
		}
	}
	g_ptr_array_free(nodes, TRUE);
	g_array_free(depths, TRUE);
	gumbo_destroy_output(&kGumboDefaultOptions, out);
	return deepest;
}

/* check - the estimate for html is at least gumbo's depth (capped where the
 * estimate gives up) and, when ordinary, at most SLACK_ORDINARY above */
static void check(const char *what, const char *html, gsize len, gboolean ordinary)
{
	guint real = gumbo_depth(html, len), est = html_depth_estimate(html, len);
	guint cap = HTML_MAX_DEPTH + 3;

	if (est < MIN(real, cap))
		g_error("%s: estimate %u below gumbo's depth %u", what, est, real);
	if (ordinary && est > real + SLACK_ORDINARY)
		g_error("%s: estimate %u, gumbo's depth only %u", what, est, real);
}

static char *repeat(const char *unit, guint n)
{
	GString *s = g_string_sized_new(strlen(unit) * n);
	for (guint i = 0; i < n; i++)
		g_string_append(s, unit);
	return g_string_free(s, FALSE);
}

/* Patterns the tree builder nests although each tag alone looks flat, or
 * closes although the tags look unbalanced. */
static const char *const adversarial[] = {
	"<li><dd>", "<dd><li>", "<div></x>", "<p><div>", "<table><tr><td>", "<ul><li>", "<b><i>",
	"<option><optgroup>", "<a><table>", "<div/>", "<span/>", "<rt>", "<optgroup>",
	"<div x=\"</div>\">", "<!--><div>-->", "<! </div> ><div>", "<div><script><!--<script></script></div></script>",
	"<p><b x=1></p>", "<div><font size=2></div>", "<svg><g>", "<svg><p>", "<math><mi><div>",
	"<table><div>", "<table><td><span>", "<select><div>", "<template><div>", "<button><div>",
	"<h1><div>", "<b><div></b>", "<a href=x><div><a href=y>", "<nobr><div>", "<frameset>",
	"<object><b>", "<caption><div>", "<ruby><rb><div>", "<form><div>", "<dl><dt><div>",
};

static void test_adversarial_estimate(void)
{
	for (guint i = 0; i < G_N_ELEMENTS(adversarial); i++)
		for (guint k = 0; k < G_N_ELEMENTS(repeats); k++) {
			char *h = repeat(adversarial[i], repeats[k]);
			check(adversarial[i], h, strlen(h), FALSE);
			g_free(h);
		}
}

/* Ordinary mail HTML: unclosed paragraphs, list items, cells, options. */
static const char *const ordinary[] = {
	"<html><head><title>x</title><style>p{}</style></head><body><p>a<p>b<p>c</body></html>",
	"<ul><li>one<li>two<li>three</ul><ol><li>a</ol>",
	"<dl><dt>t<dd>d<dt>t2<dd>d2</dl>",
	"<table><tr><td>a<td>b<tr><td>c<td>d</table>",
	"<table><tbody><tr><th>h<td>x</tr></tbody></table><p>after",
	"<select><option>a<option>b<optgroup label=g><option>c</select>",
	"<div><p>text<div>more</div></div>",
	"<p><font face=Arial size=2>one</p><p><font face=Arial size=2>two</p><p>three",
	"<b>bold <i>both</b> italic</i> plain",
	"<table width=600><tr><td><table><tr><td><a href=x><img src=y></a></td></tr></table></td></tr></table>",
	"<center><table><tr><td><font color=red>Sale</font></td></tr></table></center>",
	"<h1>Title</h1><h2>Sub<h3>Subsub</h3>",
	"<p>a<br>b<hr>c<img src=x>d",
	"<div>a</span></div>",
	"<script>if (a < b) document.write('<div>')</script><p>x",
	"<!-- comment <div> --><p>y",
	"<textarea><div></textarea><p>z",
	"<pre>x</pre><blockquote><p>q</blockquote>",
	"<table><tr><td>1</td></tr><tr><td>2</td></tr></table>",
};

static void test_ordinary_estimate(void)
{
	for (guint i = 0; i < G_N_ELEMENTS(ordinary); i++)
		check(ordinary[i], ordinary[i], strlen(ordinary[i]), TRUE);
}

static const char *const random_names[] = {
	"div", "p", "li", "dd", "dt", "ul", "ol", "dl", "table", "tr", "td", "th", "tbody", "thead",
	"caption", "colgroup", "col", "b", "i", "a", "font", "nobr", "span", "select", "option",
	"optgroup", "h1", "h2", "button", "form", "br", "img", "svg", "math", "template", "object",
	"ruby", "rt", "script", "xyz",
};

/* test_random_estimate - documents of random start and end tags, text and
 * attributes: the estimate is never below gumbo */
static void test_random_estimate(void)
{
	GRand *r = g_rand_new_with_seed(20240611);
	GString *h = g_string_new(NULL);

	for (guint d = 0; d < RANDOM_DOCS; d++) {
		g_string_truncate(h, 0);
		for (guint t = 0; t < RANDOM_TAGS; t++) {
			const char *name = random_names[g_rand_int_range(r, 0, G_N_ELEMENTS(random_names))];
			switch (g_rand_int_range(r, 0, 8)) {
			case 0: case 1:
				g_string_append_printf(h, "</%s>", name);
				break;
			case 2:
				g_string_append(h, "x ");
				break;
			case 3:
				g_string_append_printf(h, "<%s a=%d>", name, g_rand_int_range(r, 0, 3));
				break;
			case 4:
				g_string_append_printf(h, "<%s/>", name);
				break;
			default:
				g_string_append_printf(h, "<%s>", name);
				break;
			}
			if (strcmp(name, "script") == 0 && h->str[h->len - 2] != '/')
				g_string_append(h, "s</script>");
		}
		check(h->str, h->str, h->len, FALSE);
	}
	g_string_free(h, TRUE);
	g_rand_free(r);
}

/* extract - html_extract on html; transfer full */
static Facts *extract(const char *html, gsize len, gint64 deadline, GString *text)
{
	Facts *f = facts_new();
	UrlsSink *links = urls_sink_new(f, 2000, test_link_words());

	html_extract(html, len, MAX_NODES, deadline, links, f, text);
	urls_sink_free(links);
	return f;
}

static gboolean has_anomaly(const Facts *f, const char *a)
{
	for (guint i = 0; i < f->anomalies->len; i++)
		if (strcmp(f->anomalies->pdata[i], a) == 0)
			return TRUE;
	return FALSE;
}

/* test_adversarial_bound - each pattern filling max_text_bytes: what the
 * pre-scan hands gumbo is a tree no deeper than the bound (gumbo's cost is
 * its depth times its tags, and the tags are bounded too).  The time of
 * each whole extraction is printed, not judged: that is the benchmark's. */
static void test_adversarial_bound(void)
{
	for (guint i = 0; i < G_N_ELEMENTS(adversarial); i++) {
		guint n = MAX_HTML_BYTES / strlen(adversarial[i]);
		char *h = repeat(adversarial[i], n);
		GString *text = g_string_new(NULL), *sheets = g_string_new(NULL);
		Facts *scan = facts_new();
		gsize cut = html_prescan(h, strlen(h), MAX_NODES, scan, sheets, NULL);
		gint64 t0 = g_get_monotonic_time();
		Facts *f = extract(h, strlen(h), 0, text);

		g_test_message("%-50s %8.3f s, %zu of %zu bytes parsed", adversarial[i],
		               (g_get_monotonic_time() - t0) / (double)G_USEC_PER_SEC, cut, strlen(h));
		g_assert_cmpuint(gumbo_depth(h, cut), <=, HTML_MAX_DEPTH + 3);
		facts_free(scan);
		facts_free(f);
		g_string_free(sheets, TRUE);
		g_string_free(text, TRUE);
		g_free(h);
	}
}

/* test_deadline - a deadline already past drops the parse ("timeout:html",
 * no text); one far ahead changes nothing */
static void test_deadline(void)
{
	char *h = repeat("<p>Order 112-4455667-8899001 <a href=\"https://shop.example/x\">see</a></p>", 20000);
	GString *t0 = g_string_new(NULL), *t1 = g_string_new(NULL), *t2 = g_string_new(NULL);
	Facts *none = extract(h, strlen(h), 0, t0);
	Facts *past = extract(h, strlen(h), g_get_monotonic_time() - 1, t1);
	Facts *future = extract(h, strlen(h), g_get_monotonic_time() + (gint64)3600 * G_USEC_PER_SEC, t2);

	g_assert_true(has_anomaly(past, "timeout:html"));
	g_assert_cmpuint(t1->len, ==, 0);
	g_assert_false(has_anomaly(none, "timeout:html"));
	g_assert_false(has_anomaly(future, "timeout:html"));
	g_assert_cmpstr(t0->str, ==, t2->str);
	g_assert_cmpuint(none->links->len, ==, future->links->len);
	g_assert_cmpuint(none->anomalies->len, ==, future->anomalies->len);
	g_assert_cmpuint(t0->len, >, 0);
	facts_free(none);
	facts_free(past);
	facts_free(future);
	g_string_free(t0, TRUE);
	g_string_free(t1, TRUE);
	g_string_free(t2, TRUE);
	g_free(h);
}

/* markup where Debian's gumbo (built with assertions) aborts the process is
 * not handed to it, and what follows is a limit, not silently unread */
static void test_unsafe_markup(void)
{
	static const char doc[] = "<p>Order 112-4455667-8899001</p><table><svg><th><desc><select a=1>"
	                          "</table><p>Visit https://shop.example/</p>";
	GString *t = g_string_new(NULL);
	Facts *f = extract(doc, strlen(doc), 0, t);

	g_assert_true(has_anomaly(f, "limit:html-markup"));
	g_assert_nonnull(strstr(t->str, "112-4455667-8899001"));
	g_assert_null(strstr(t->str, "shop.example"));
	facts_free(f);
	g_string_free(t, TRUE);
}

/* collect_decl - "name=value;" for each declaration css_declarations hands over */
static void collect_decl(const char *name, const char *val, gpointer data)
{
	g_string_append_printf(data, "%s=%s;", name, val);
}

/* test_css_declarations - the one splitter of style attributes and rule
 * blocks: names and values trimmed, entries without a colon skipped, the
 * value keeps what follows its first colon, and past 255 declarations the
 * last one holds the rest of the list */
static void test_css_declarations(void)
{
	static const struct {
		const char *in, *want;
	} cases[] = {
		{ "", "" },
		{ "color:red", "color=red;" },
		{ " Display : none ; ;width:10px ", "Display=none;width=10px;" },
		{ "junk; height:0", "height=0;" },
		{ "background:url(http://x/a.png)", "background=url(http://x/a.png);" },
		{ "a:b:c", "a=b:c;" },
	};
	GString *got = g_string_new(NULL), *many = g_string_new(NULL);

	for (guint i = 0; i < G_N_ELEMENTS(cases); i++) {
		g_string_truncate(got, 0);
		css_declarations(cases[i].in, strlen(cases[i].in), collect_decl, got);
		g_assert_cmpstr(got->str, ==, cases[i].want);
	}
	for (int i = 0; i < 300; i++)
		g_string_append_printf(many, "p%d:%d;", i, i);
	g_string_truncate(got, 0);
	css_declarations(many->str, many->len, collect_decl, got);
	g_assert_nonnull(strstr(got->str, "p254=254;p255=255;p256:256;"));
	g_assert_null(strstr(got->str, "p256=256;"));
	g_string_free(got, TRUE);
	g_string_free(many, TRUE);
}

/* test_css_values - colours, lengths and the declarations that hide */
static void test_css_values(void)
{
	static const struct {
		const char *v;
		gint32 rgb;
	} colors[] = {
		{ "#fff", 0xffffff }, { "#FfFfFf", 0xffffff }, { "ffffff", 0xffffff }, { "#12345678", 0x123456 },
		{ "rgb(255, 0, 0)", 0xff0000 }, { "rgb(100%,0%,0%)", 0xff0000 }, { "White !important", 0xffffff },
		{ "grey", 0x808080 }, { "transparent", CSS_COLOR_NONE }, { "#12", CSS_COLOR_NONE }, { "", CSS_COLOR_NONE },
	};
	static const struct {
		const char *name, *val;
		guint set, hides;
	} decls[] = {
		{ "display", "none", CSS_DISPLAY, CSS_DISPLAY }, { "DISPLAY", "block", CSS_DISPLAY, 0 },
		{ "visibility", "hidden", CSS_VISIBILITY, CSS_VISIBILITY }, { "opacity", "0.01", CSS_OPACITY, CSS_OPACITY },
		{ "opacity", "0.5", CSS_OPACITY, 0 }, { "font-size", "1px", CSS_FONT_SIZE, CSS_FONT_SIZE },
		{ "font-size", "5%", CSS_FONT_SIZE, CSS_FONT_SIZE }, { "font-size", "0.05em", CSS_FONT_SIZE, CSS_FONT_SIZE },
		{ "font-size", "12px", CSS_FONT_SIZE, 0 }, { "mso-hide", "all", CSS_MSO_HIDE, CSS_MSO_HIDE },
		{ "color", "red", 0, 0 },
	};
	int w = -1, h = -1;

	for (guint i = 0; i < G_N_ELEMENTS(colors); i++)
		g_assert_cmpint(css_color(colors[i].v), ==, colors[i].rgb);
	g_assert_true(css_same_color(0xffffff, 0xf4f4f4));
	g_assert_false(css_same_color(0xffffff, 0xf0f0f0));
	g_assert_false(css_same_color(CSS_COLOR_NONE, CSS_COLOR_NONE));
	g_assert_cmpint(css_px(" 12px", 5), ==, 12);
	g_assert_cmpint(css_px("50%", 3), ==, -1);
	g_assert_cmpint(css_px("auto", 4), ==, -1);
	for (guint i = 0; i < G_N_ELEMENTS(decls); i++) {
		guint set = 0;
		g_assert_cmpuint(css_decl_hides(decls[i].name, decls[i].val, &set), ==, decls[i].hides);
		g_assert_cmpuint(set, ==, decls[i].set);
	}
	css_size("width: 120px; height:40", &w, &h);
	g_assert_cmpint(w, ==, 120);
	g_assert_cmpint(h, ==, 40);
	css_size("width:120px; display:none", &w, &h);
	g_assert_cmpint(w, ==, 0);
	g_assert_cmpint(h, ==, 0);
}

/* test_css_sheet - simple rules hide by element, class and id; a later
 * rule that sets the property again wins; other selectors are left out */
static void test_css_sheet(void)
{
	GString *sheet = g_string_new("/* x */ <!-- .hide{display:none} p.x{font-size:0} #k{visibility:hidden}\n"
	                              "@media screen { .m{display:none} } div .deep{display:none}\n"
	                              ".late{display:none} .late{display:block} b, i {opacity:0} -->");
	Facts *f = facts_new();
	Css *c = css_parse(sheet, f);

	g_assert_nonnull(c);
	g_assert_cmpuint(css_hidden(c, "div", NULL, "a hide"), ==, CSS_DISPLAY);
	g_assert_cmpuint(css_hidden(c, "p", NULL, "x"), ==, CSS_FONT_SIZE);
	g_assert_cmpuint(css_hidden(c, "span", NULL, "x"), ==, 0);     /* p.x only */
	g_assert_cmpuint(css_hidden(c, "span", "k", NULL), ==, CSS_VISIBILITY);
	g_assert_cmpuint(css_hidden(c, "span", NULL, "m"), ==, 0);     /* inside @media */
	g_assert_cmpuint(css_hidden(c, "span", NULL, "deep"), ==, 0);  /* descendant selector */
	g_assert_cmpuint(css_hidden(c, "span", NULL, "late"), ==, 0);  /* set again, to show */
	g_assert_cmpuint(css_hidden(c, "i", NULL, NULL), ==, CSS_OPACITY);
	css_free(c);
	g_string_assign(sheet, "p { color: red }");
	g_assert_null(css_parse(sheet, f));
	facts_free(f);
	g_string_free(sheet, TRUE);
}

int main(int argc, char **argv)
{
	g_test_init(&argc, &argv, NULL);
	g_test_add_func("/html/estimate-adversarial", test_adversarial_estimate);
	g_test_add_func("/html/estimate-ordinary", test_ordinary_estimate);
	g_test_add_func("/html/estimate-random", test_random_estimate);
	g_test_add_func("/html/adversarial-bound", test_adversarial_bound);
	g_test_add_func("/html/deadline", test_deadline);
	g_test_add_func("/html/unsafe-markup", test_unsafe_markup);
	g_test_add_func("/html/css-declarations", test_css_declarations);
	g_test_add_func("/html/css-values", test_css_values);
	g_test_add_func("/html/css-sheet", test_css_sheet);
	return g_test_run();
}
