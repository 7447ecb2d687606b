/*
 * html.c - one text/html part -> visible text, links and images (gumbo).
 *
 * In:  the decoded part as UTF-8.
 * Out: visible text appended to `text` (entities decoded by the parser,
 *      block elements -> line breaks, whitespace collapsed outside <pre>,
 *      script / style / title / template content left out); FactLink for
 *      a/area href (label = the anchor's visible text), every src (remote
 *      only), srcset, background, poster, object data, form action and
 *      formaction, CSS url(...) in style attributes and <style>, and
 *      <meta http-equiv=refresh>; FactImage for <img>, <input type=image>,
 *      VML image elements, background attributes and remote CSS url(...),
 *      with width/height from attributes or inline style (style wins; an
 *      image hidden by display:none or visibility:hidden counts as 0x0) and
 *      the enclosing <a href>, if any.
 *
 * Hidden text.  Text inside an element the reader cannot see goes to
 * Facts.hidden_text instead of the visible text, with an "html:hidden-text"
 * anomaly: display:none, visibility:hidden, opacity:0, mso-hide:all, the
 * hidden attribute, a font size of at most 1px (or 1pt, 0.1em, 10%), a
 * zero height or max-height with overflow:hidden, and text whose declared
 * colour is (nearly) that of its background — background from bgcolor or
 * CSS, white when none is declared, unknown under a background image.
 *
 * Style sheets (css.c).  <style> content (found by the pre-scan, so nothing
 * is done for a document without one) gives rules with simple selectors —
 * element, .class, #id, element.class, element#id, and comma lists of them —
 * whose declarations hide (display, visibility, opacity, font-size, mso-hide
 * as above).  They apply to matching elements in sheet order, a later rule or
 * the element's own style attribute setting the same property overriding
 * them.  Other selectors, @-rules and their blocks (@media: what shows on
 * one screen only) and colours from sheets are left out.  Bounds:
 * HTML_MAX_CSS_BYTES of sheets, HTML_MAX_CSS_RULES selectors
 * ("limit:css-rules").
 *
 * <base href> makes every relative URL after it absolute (url_normalise_resolve).
 *
 * Bounds.  gumbo has no nesting limit, its cost grows with the nesting
 * depth times the number of tags, and some markup aborts it: html_prescan.c
 * says where to cut the document ("limit:html-depth", "limit:html-nodes",
 * "limit:html-markup").
 * gumbo allocates from an arena that is freed at once after the parse (no
 * recursive destroy) and that gives up past the caller's deadline
 * ("timeout:html", no text).  The tree walk is iterative and stops after
 * max_nodes nodes too.
 */
#include <setjmp.h>
#include <stddef.h>
#include <string.h>
#include <gumbo.h>
#include "extract/css.h"
#include "extract/html.h"
#include "extract/html_prescan.h"

#define HTML_MAX_IMAGES 2000
#define HTML_MAX_HIDDEN (1024 * 1024)
#define HTML_COLOR_UNKNOWN (-2)  /* a background image: nothing can be compared */
#define HTML_COLOR_PAGE 0xffffff /* behind undeclared backgrounds */
#define HTML_MAX_PARSE_ERRORS 50 /* parse errors gumbo records (none are read) */
#define HTML_URL_CHUNK 1024      /* GStringChunk block for resolved URLs */

typedef struct {
	Facts *f;
	UrlsSink *links;
	GString *text;
	gboolean space;      /* whitespace seen since the last visible character */
	guint pre;           /* inside this many <pre> */
	gboolean hspace;     /* the same for the hidden text */
	char *base;          /* <base href>, or NULL */
	GStringChunk *urls;  /* URLs made absolute against base, freed with the document */
	Css *css;            /* rules from <style>, or NULL when there are none */
} Html;

typedef struct {
	GumboNode *node;
	guint next;          /* next child to visit */
	gsize text_start;    /* text->len when the element was entered */
	const char *href;    /* <a href> as written, else NULL */
	gboolean quiet;      /* content is not visible text */
	gboolean hidden;     /* content is text the reader cannot see */
	gint32 fg, bg;       /* text and background colour 0xRRGGBB, or HTML_COLOR_UNKNOWN */
} Frame;

static const GumboTag block_tags[] = {
	GUMBO_TAG_ADDRESS, GUMBO_TAG_ARTICLE, GUMBO_TAG_ASIDE, GUMBO_TAG_BLOCKQUOTE,
	GUMBO_TAG_CENTER, GUMBO_TAG_DD, GUMBO_TAG_DETAILS, GUMBO_TAG_DIV,
	GUMBO_TAG_DL, GUMBO_TAG_DT, GUMBO_TAG_FIELDSET, GUMBO_TAG_FIGCAPTION, GUMBO_TAG_FIGURE,
	GUMBO_TAG_FOOTER, GUMBO_TAG_FORM, GUMBO_TAG_H1, GUMBO_TAG_H2, GUMBO_TAG_H3, GUMBO_TAG_H4,
	GUMBO_TAG_H5, GUMBO_TAG_H6, GUMBO_TAG_HEADER, GUMBO_TAG_HR, GUMBO_TAG_LI, GUMBO_TAG_MAIN,
	GUMBO_TAG_NAV, GUMBO_TAG_OL, GUMBO_TAG_P, GUMBO_TAG_PRE, GUMBO_TAG_SECTION,
	GUMBO_TAG_TABLE, GUMBO_TAG_TR, GUMBO_TAG_UL, GUMBO_TAG_CAPTION, GUMBO_TAG_SUMMARY,
	GUMBO_TAG_BODY, GUMBO_TAG_LAST
};

static gboolean is_block(GumboTag t)
{
	for (int i = 0; block_tags[i] != GUMBO_TAG_LAST; i++)
		if (block_tags[i] == t)
			return TRUE;
	return FALSE;
}

/* text_add - visible characters, whitespace collapsed as a browser would */
static void text_add(Html *h, const char *s)
{
	for (const char *p = s; *p; p++) {
		if (!h->pre && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' || *p == '\f')) {
			h->space = TRUE;
			continue;
		}
		if (h->space && h->text->len > 0 && h->text->str[h->text->len - 1] != '\n')
			g_string_append_c(h->text, ' ');
		h->space = FALSE;
		g_string_append_c(h->text, *p == '\r' ? '\n' : *p);
	}
}

/* hidden_add - text the reader does not see, kept apart (bounded) */
static void hidden_add(Html *h, const char *s)
{
	GString *o = h->f->hidden_text;
	gboolean any = FALSE;

	for (const char *p = s; *p; p++) {
		if (g_ascii_isspace(*p)) {
			h->hspace = TRUE;
			continue;
		}
		if (o->len >= HTML_MAX_HIDDEN) {
			facts_add_anomaly(h->f, "limit", "hidden-text");
			break;
		}
		if (h->hspace && o->len > 0 && o->str[o->len - 1] != '\n')
			g_string_append_c(o, ' ');
		h->hspace = FALSE;
		g_string_append_c(o, *p);
		any = TRUE;
	}
	if (any)
		facts_add_anomaly(h->f, "html", "hidden-text");
}

static void hidden_break(Html *h)
{
	GString *o = h->f->hidden_text;

	if (o->len > 0 && o->str[o->len - 1] != '\n' && o->len < HTML_MAX_HIDDEN)
		g_string_append_c(o, '\n');
	h->hspace = FALSE;
}

static void text_break(Html *h)
{
	if (h->text->len > 0 && h->text->str[h->text->len - 1] != '\n')
		g_string_append_c(h->text, '\n');
	h->space = FALSE;
}

static const char *attr(GumboElement *el, const char *name)
{
	GumboAttribute *a = gumbo_get_attribute(&el->attributes, name);
	return a ? a->value : NULL;
}

/* tag_name - lower-case element name, also for elements gumbo does not know; transfer full */
static char *tag_name(GumboElement *el)
{
	GumboStringPiece piece;

	if (el->tag != GUMBO_TAG_UNKNOWN)
		return g_strdup(gumbo_normalized_tagname(el->tag));
	piece = el->original_tag;
	gumbo_tag_from_original_text(&piece);
	return g_ascii_strdown(piece.data ? piece.data : "", piece.data ? (gssize)piece.length : 0);
}

typedef struct {
	Frame *nf;
	guint set;                  /* CSS_* properties the attribute sets */
	gboolean zero_height, overflow_hidden;
} StyleDecls;

/* style_decl - one declaration of an element's style attribute */
static void style_decl(const char *name, const char *val, gpointer data)
{
	StyleDecls *d = data;
	Frame *nf = d->nf;
	gint32 c;

	if (css_decl_hides(name, val, &d->set))
		nf->hidden = TRUE;
	else if ((g_ascii_strcasecmp(name, "height") == 0 || g_ascii_strcasecmp(name, "max-height") == 0) &&
	         css_px(val, strlen(val)) == 0)
		d->zero_height = TRUE;
	else if (g_ascii_strcasecmp(name, "overflow") == 0 && g_ascii_strncasecmp(val, "hidden", 6) == 0)
		d->overflow_hidden = TRUE;
	else if (g_ascii_strcasecmp(name, "color") == 0 && (c = css_color(val)) >= 0)
		nf->fg = c;
	else if (g_ascii_strcasecmp(name, "background-color") == 0 && (c = css_color(val)) >= 0)
		nf->bg = c;
	else if (g_ascii_strcasecmp(name, "background") == 0 || g_ascii_strcasecmp(name, "background-image") == 0) {
		if (strstr(val, "url(") != NULL || strstr(val, "gradient") != NULL)
			nf->bg = HTML_COLOR_UNKNOWN;
		else if ((c = css_color(val)) >= 0)
			nf->bg = c;
	}
}

/* sheet_hidden - the CSS_* properties the sheets hide el with */
static guint sheet_hidden(const Css *css, GumboElement *el)
{
	char *name = tag_name(el);
	guint mask = css_hidden(css, name, attr(el, "id"), attr(el, "class"));

	g_free(name);
	return mask;
}

/* element_style - hidden state and colours an element gives its content */
static void element_style(GumboElement *el, Frame *nf, const Frame *parent, const Css *css)
{
	const char *v, *style = attr(el, "style");
	guint sheet = css ? sheet_hidden(css, el) : 0;
	StyleDecls d = { nf, 0, FALSE, FALSE };
	gint32 c;

	nf->hidden = parent->hidden || gumbo_get_attribute(&el->attributes, "hidden") != NULL;
	nf->fg = parent->fg;
	nf->bg = parent->bg;
	if ((v = attr(el, "bgcolor")) != NULL && (c = css_color(v)) >= 0)
		nf->bg = c;
	if ((v = attr(el, "background")) != NULL && *v)
		nf->bg = HTML_COLOR_UNKNOWN;
	if (el->tag == GUMBO_TAG_FONT && (v = attr(el, "color")) != NULL && (c = css_color(v)) >= 0)
		nf->fg = c;
	if (style != NULL)
		css_declarations(style, strlen(style), style_decl, &d);
	/* the style attribute wins over the sheets for the properties it sets */
	if (sheet & ~d.set)
		nf->hidden = TRUE;
	if (d.zero_height && d.overflow_hidden)
		nf->hidden = TRUE;
	if (css_same_color(nf->fg, nf->bg))
		nf->hidden = TRUE;
}

/* rel - a URL as the document means it: absolute against <base href> when relative */
static const char *rel(Html *h, const char *v)
{
	char *abs;
	const char *kept;

	if (h->base == NULL || v == NULL)
		return v;
	abs = url_normalise_resolve(h->base, v);
	if (abs == NULL)
		return v;
	kept = g_string_chunk_insert(h->urls, abs);
	g_free(abs);
	return kept;
}

/* anchor_of - innermost enclosing <a href> */
static const char *anchor_of(Frame *stack, guint depth)
{
	for (guint i = depth; i-- > 0;)
		if (stack[i].href != NULL)
			return stack[i].href;
	return NULL;
}

/* add_image - an image fact, with the link wrapping it */
static void add_image(Html *h, const char *src, int w, int hgt, const char *href)
{
	UrlParts p, a = { 0 };
	gboolean remote;

	if (src == NULL || *src == '\0')
		return;
	src = rel(h, src);
	if (h->f->images->len >= HTML_MAX_IMAGES) {
		facts_add_anomaly(h->f, "limit", "images");
		return;
	}
	url_normalise(src, &p);
	remote = p.host[0] != '\0' && (p.scheme[0] == '\0' || strcmp(p.scheme, "http") == 0 ||
	                               strcmp(p.scheme, "https") == 0);
	if (href != NULL)
		url_normalise(href, &a);
	facts_add_image(h->f, p.url, p.scheme, p.host, w, hgt, remote, href ? a.url : NULL,
	                href ? a.host : NULL);
	url_normalise_clear(&p);
	if (href != NULL)
		url_normalise_clear(&a);
}

/* add_fetched - a URL the client would fetch: a link when it names a host */
static void add_fetched(Html *h, const char *url, const char *source)
{
	UrlParts p;

	if (url == NULL || *url == '\0')
		return;
	url = rel(h, url);
	url_normalise(url, &p);
	if (p.host[0] != '\0')
		urls_add(h->links, url, url, source, NULL);
	url_normalise_clear(&p);
}

/* css_urls - url(...) in a style sheet or style attribute: links, and images when remote */
static void css_urls(Html *h, const char *css, const char *href)
{
	const char *p = css;

	while ((p = strstr(p, "(")) != NULL) {
		const char *b = p, *e;
		char q = 0, *url;
		gsize len;

		p++;
		if (b - css < 3 || g_ascii_strncasecmp(b - 3, "url", 3) != 0)
			continue;
		while (g_ascii_isspace(*p))
			p++;
		if (*p == '"' || *p == '\'')
			q = *p++;
		e = q ? strchr(p, q) : strchr(p, ')');
		len = e ? (gsize)(e - p) : strlen(p);
		url = g_strndup(p, MIN(len, (gsize)URL_MAX_LEN));
		g_strstrip(url);
		add_fetched(h, url, "css");
		{
			UrlParts u;
			url_normalise(url, &u);
			if (u.host[0] != '\0')
				add_image(h, url, -1, -1, href);
			url_normalise_clear(&u);
		}
		g_free(url);
		p += len;
	}
}

/* srcset_urls - the URLs of "a.png 1x, b.png 2x" */
static void srcset_urls(Html *h, const char *v, char **first)
{
	const char *p = v;

	while (*p) {
		const char *s;
		char *url;
		gsize n;
		while (g_ascii_isspace(*p) || *p == ',')
			p++;
		if (*p == '\0')
			break;
		s = p;
		while (*p && !g_ascii_isspace(*p))
			p++;
		n = p - s;
		while (n > 0 && s[n - 1] == ',')
			n--;
		url = g_strndup(s, MIN(n, (gsize)URL_MAX_LEN));
		add_fetched(h, url, "srcset");
		if (first && *first == NULL)
			*first = url;
		else
			g_free(url);
		if (p > s && p[-1] != ',')
			while (*p && *p != ',')
				p++;
	}
}

/* refresh_url - the URL in <meta http-equiv=refresh content="5; url=..."> */
static void refresh_url(Html *h, const char *content)
{
	const char *p = content, *u = NULL;
	char *url;
	gsize n;

	for (; *p; p++) {
		if (g_ascii_strncasecmp(p, "url", 3) == 0) {
			const char *q = p + 3;
			while (g_ascii_isspace(*q))
				q++;
			if (*q == '=') {
				u = q + 1;
				break;
			}
		}
	}
	if (u == NULL) {
		u = strchr(content, ';');
		if (u == NULL)
			return;
		u++;
	}
	while (g_ascii_isspace(*u))
		u++;
	if (*u == '\'' || *u == '"') {
		const char *e = strchr(u + 1, *u);
		n = e ? (gsize)(e - u - 1) : strlen(u + 1);
		u++;
	} else {
		n = strlen(u);
	}
	url = g_strndup(u, MIN(n, (gsize)URL_MAX_LEN));
	g_strstrip(url);
	if (*url)
		urls_add(h->links, rel(h, url), url, "refresh", NULL);
	g_free(url);
}

/* element_enter - facts from one element's attributes */
static void element_enter(Html *h, GumboElement *el, Frame *stack, guint depth)
{
	const char *href = anchor_of(stack, depth);
	const char *v, *src = attr(el, "src"), *style = attr(el, "style");
	char *name = tag_name(el), *first_srcset = NULL;
	gboolean imagelike;

	imagelike = el->tag == GUMBO_TAG_IMG || el->tag == GUMBO_TAG_IMAGE ||
	            (el->tag == GUMBO_TAG_INPUT && (v = attr(el, "type")) && g_ascii_strcasecmp(v, "image") == 0) ||
	            (g_str_has_prefix(name, "v:") && src != NULL);

	if (el->tag == GUMBO_TAG_BASE && h->base == NULL && (v = attr(el, "href")) != NULL) {
		UrlParts b;
		url_normalise(v, &b);
		if (b.host[0] != '\0' && b.scheme[0] != '\0')
			h->base = g_strdup(v);
		url_normalise_clear(&b);
	}
	if ((v = attr(el, "href")) != NULL && *v && el->tag != GUMBO_TAG_A && el->tag != GUMBO_TAG_BASE) {
		if (el->tag == GUMBO_TAG_AREA)
			urls_add(h->links, rel(h, v), v, "href", attr(el, "alt") ? attr(el, "alt") : "");
		else if (el->tag == GUMBO_TAG_LINK)
			add_fetched(h, v, "src");
		else if (v[0] != '#')
			urls_add(h->links, rel(h, v), v, "href", NULL);
	}
	if (src != NULL && *src)
		add_fetched(h, src, "src");
	if ((v = attr(el, "srcset")) != NULL)
		srcset_urls(h, v, imagelike && (src == NULL || !*src) ? &first_srcset : NULL);
	if (imagelike) {
		int w = -1, hgt = -1;
		if ((v = attr(el, "width")) != NULL)
			w = css_px(v, strlen(v));
		if ((v = attr(el, "height")) != NULL)
			hgt = css_px(v, strlen(v));
		if (style != NULL)
			css_size(style, &w, &hgt);
		add_image(h, src && *src ? src : first_srcset, w, hgt, href);
	}
	if ((v = attr(el, "background")) != NULL && *v) {
		add_fetched(h, v, "background");
		add_image(h, v, -1, -1, href);
	}
	if ((v = attr(el, "poster")) != NULL)
		add_fetched(h, v, "src");
	if (el->tag == GUMBO_TAG_OBJECT && (v = attr(el, "data")) != NULL)
		add_fetched(h, v, "src");
	if (el->tag == GUMBO_TAG_FORM && (v = attr(el, "action")) != NULL && *v)
		urls_add(h->links, rel(h, v), v, "action", NULL);
	if ((v = attr(el, "formaction")) != NULL && *v)
		urls_add(h->links, rel(h, v), v, "action", NULL);
	if (style != NULL)
		css_urls(h, style, href);
	if (el->tag == GUMBO_TAG_META && (v = attr(el, "http-equiv")) != NULL &&
	    g_ascii_strcasecmp(v, "refresh") == 0 && (v = attr(el, "content")) != NULL)
		refresh_url(h, v);
	g_free(first_srcset);
	g_free(name);
}

/* ---- gumbo's memory: one arena per parse, with a deadline ---------------- */

/* Allocations between two looks at the clock. */
enum { ARENA_CHECK_EVERY = 1024 };

/* Every block gumbo gets carries this header, linking it into the arena. */
typedef union ArenaHdr {
	struct {
		union ArenaHdr *prev, *next;
	} l;
	max_align_t align;
} ArenaHdr;

/* An arena: the blocks gumbo holds, so a parse can be dropped at once
 * (after a timeout, or instead of gumbo's recursive destroy); past the
 * deadline an allocation jumps back to parse_bounded. */
typedef struct {
	ArenaHdr head;         /* sentinel of the circular list */
	gint64 deadline;       /* g_get_monotonic_time() limit, 0: none */
	guint calls;
	jmp_buf escape;
} Arena;

static void *arena_alloc(void *userdata, size_t size)
{
	Arena *a = userdata;
	ArenaHdr *h;

	if (a->deadline != 0 && ++a->calls % ARENA_CHECK_EVERY == 0 && g_get_monotonic_time() >= a->deadline)
		longjmp(a->escape, 1);
	h = g_malloc(sizeof *h + size);
	h->l.prev = &a->head;
	h->l.next = a->head.l.next;
	a->head.l.next->l.prev = h;
	a->head.l.next = h;
	return h + 1;
}

static void arena_free(void *userdata, void *p)
{
	ArenaHdr *h;

	(void)userdata;
	if (p == NULL)
		return;
	h = (ArenaHdr *)p - 1;
	h->l.prev->l.next = h->l.next;
	h->l.next->l.prev = h->l.prev;
	g_free(h);
}

static void arena_init(Arena *a, gint64 deadline)
{
	a->head.l.prev = a->head.l.next = &a->head;
	a->deadline = deadline;
	a->calls = 0;
}

/* arena_release - free every block still held: the whole parse */
static void arena_release(Arena *a)
{
	ArenaHdr *h = a->head.l.next;

	while (h != &a->head) {
		ArenaHdr *next = h->l.next;
		g_free(h);
		h = next;
	}
	arena_init(a, a->deadline);
}

/* parse_bounded - gumbo's parse in the arena, or NULL when the deadline
 * passed first (what it had allocated is freed) */
static GumboOutput *parse_bounded(Arena *a, const char *html, gsize len)
{
	GumboOptions opts = kGumboDefaultOptions;

	opts.allocator = arena_alloc;
	opts.deallocator = arena_free;
	opts.userdata = a;
	opts.max_errors = HTML_MAX_PARSE_ERRORS;
	if (setjmp(a->escape) != 0) {
		arena_release(a);
		return NULL;
	}
	return gumbo_parse_with_options(&opts, html, len);
}

/* text_node - a text child of node: a <style> sheet's URLs, hidden text or visible text */
static void text_node(Html *h, const GumboNode *node, const GumboNode *kid, const Frame *fr,
                      GArray *stack)
{
	if (node->type == GUMBO_NODE_ELEMENT && node->v.element.tag == GUMBO_TAG_STYLE)
		css_urls(h, kid->v.text.text, anchor_of((Frame *)stack->data, stack->len));
	else if (!fr->quiet && fr->hidden)
		hidden_add(h, kid->v.text.text);
	else if (!fr->quiet)
		text_add(h, kid->v.text.text);
}

/* element_open - an element child: its links and images, its style, the
 * line break it makes; its frame is pushed on the stack */
static void element_open(Html *h, GumboNode *kid, GArray *stack)
{
	GumboElement *el = &kid->v.element;
	const Frame *fr;
	Frame nf = { 0 };

	element_enter(h, el, (Frame *)stack->data, stack->len);
	fr = &g_array_index(stack, Frame, stack->len - 1);
	nf.node = kid;
	element_style(el, &nf, fr, h->css);
	nf.quiet = fr->quiet || el->tag == GUMBO_TAG_SCRIPT || el->tag == GUMBO_TAG_STYLE ||
	           el->tag == GUMBO_TAG_TITLE || el->tag == GUMBO_TAG_HEAD;
	if (el->tag == GUMBO_TAG_A) {
		const char *v = attr(el, "href");
		nf.href = (v && *v && v[0] != '#') ? rel(h, v) : NULL;
	}
	if (!nf.quiet && nf.hidden) {
		if (el->tag == GUMBO_TAG_BR || is_block(el->tag))
			hidden_break(h);
	} else if (!nf.quiet) {
		if (el->tag == GUMBO_TAG_BR) {
			g_string_append_c(h->text, '\n');
			h->space = FALSE;
		} else if (is_block(el->tag)) {
			text_break(h);
		} else if (el->tag == GUMBO_TAG_TD || el->tag == GUMBO_TAG_TH) {
			h->space = TRUE;
		}
	}
	if (el->tag == GUMBO_TAG_PRE)
		h->pre++;
	nf.text_start = h->text->len;
	g_array_append_val(stack, nf);
}

/* element_close - all children done: the anchor's link with its text as
 * label, the line break a block makes */
static void element_close(Html *h, const Frame *fr)
{
	const GumboElement *el = &fr->node->v.element;

	if (fr->href != NULL) {
		char *label = g_strndup(h->text->str + fr->text_start, h->text->len - fr->text_start);
		urls_add(h->links, fr->href, fr->href, "href", g_strstrip(label));
		g_free(label);
	}
	if (el->tag == GUMBO_TAG_PRE && h->pre > 0)
		h->pre--;
	if (!fr->quiet && fr->hidden && is_block(el->tag))
		hidden_break(h);
	else if (!fr->quiet && is_block(el->tag))
		text_break(h);
}

/* walk - the tree from root, depth first without recursion, at most
 * max_nodes nodes ("limit:html-nodes") */
static void walk(Html *h, const Frame *root, guint max_nodes)
{
	GArray *stack = g_array_new(FALSE, TRUE, sizeof(Frame));
	guint nodes = 0;

	g_array_append_val(stack, *root);
	while (stack->len > 0) {
		Frame *fr = &g_array_index(stack, Frame, stack->len - 1);
		GumboNode *node = fr->node;
		GumboVector *kids;

		if (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_DOCUMENT &&
		    node->type != GUMBO_NODE_TEMPLATE) {
			g_array_set_size(stack, stack->len - 1);
			continue;
		}
		kids = node->type == GUMBO_NODE_DOCUMENT ? &node->v.document.children
		                                         : &node->v.element.children;
		if (fr->next < kids->length && node->type != GUMBO_NODE_TEMPLATE) {
			GumboNode *kid = kids->data[fr->next++];
			if (++nodes > max_nodes) {
				facts_add_anomaly(h->f, "limit", "html-nodes");
				break;
			}
			if (kid->type == GUMBO_NODE_TEXT || kid->type == GUMBO_NODE_WHITESPACE ||
			    kid->type == GUMBO_NODE_CDATA)
				text_node(h, node, kid, fr, stack);
			else if (kid->type == GUMBO_NODE_ELEMENT)
				element_open(h, kid, stack);
			/* comments, templates: not shown */
			continue;
		}
		if (node->type == GUMBO_NODE_ELEMENT)
			element_close(h, fr);
		g_array_set_size(stack, stack->len - 1);
	}
	g_array_free(stack, TRUE);
}

/* html_extract - see the file comment */
void html_extract(const char *html, gsize len, guint max_nodes, gint64 deadline, UrlsSink *links,
                  Facts *f, GString *text)
{
	Arena *arena = g_new(Arena, 1);
	GumboOutput *out = NULL;
	Html h = { f, links, text, FALSE, 0, FALSE, NULL, g_string_chunk_new(HTML_URL_CHUNK), NULL };
	GString *sheets = g_string_new(NULL);
	gsize cut;
	Frame root = { 0 };

	/* white behind undeclared backgrounds; an undeclared text colour is never
	 * compared (colours from <style> sheets are not applied) */
	root.fg = CSS_COLOR_NONE;
	root.bg = HTML_COLOR_PAGE;
	arena_init(arena, deadline);
	cut = html_prescan(html, len, max_nodes, f, sheets, NULL);
	if (sheets->len > 0)
		h.css = css_parse(sheets, f);
	g_string_free(sheets, TRUE);
	out = parse_bounded(arena, html, cut);
	if (out == NULL) {
		facts_add_anomaly(f, "timeout", "html");
		goto out;
	}
	if (out->root != NULL) {
		root.node = out->root;
		walk(&h, &root, max_nodes);
	}
out:
	arena_release(arena);
	g_free(arena);
	g_string_chunk_free(h.urls);
	g_free(h.base);
	css_free(h.css);
}
