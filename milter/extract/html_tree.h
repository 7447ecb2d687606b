/*
 * html_tree.h - a model of the HTML5 tree builder's stack of open elements
 * and list of active formatting elements (see html_tree.c), shared by the
 * tag handling (html_tags.c, html_endtag.c) and the pre-scan (html_prescan.c).
 */
#ifndef AMZ_HTML_TREE_H
#define AMZ_HTML_TREE_H

#include <glib.h>
#include <gumbo.h>
#include "extract/html_prescan.h"

/* What the HTML5 tree builder does with a tag (GumboTag -> TP_* bits).
 * TP_SPECIAL: the spec's "special" category; TP_SCOPE: a boundary of
 * "has an element in scope"; TP_IMPLIED: closed by "generate implied end
 * tags"; TP_CLOSES_P: a start tag that first closes a <p> in button scope;
 * TP_BLOCK_END: an end tag that closes up to its element when in scope;
 * TP_CONTEXT: decides the insertion mode when nearest the top. */
enum {
	TP_VOID = 1 << 0,
	TP_SPECIAL = 1 << 1,
	TP_SCOPE = 1 << 2,
	TP_IMPLIED = 1 << 3,
	TP_CLOSES_P = 1 << 4,
	TP_FORMATTING = 1 << 5,
	TP_BLOCK_END = 1 << 6,
	TP_CONTEXT = 1 << 7,
	TP_HEADING = 1 << 8,
	TP_TABLE_PART = 1 << 9,   /* caption col colgroup tbody td tfoot th thead tr */
	TP_MATHML_SCOPE = 1 << 10, /* a scope boundary and special in MathML */
	TP_SVG_SCOPE = 1 << 11,   /* a scope boundary in SVG */
	TP_SVG_SPECIAL = 1 << 12, /* special in SVG */
};

#define TP_BLOCK (TP_SPECIAL | TP_CLOSES_P | TP_BLOCK_END)

/* html_tree_props - TP_* bits by GumboTag */
extern const guint16 html_tree_props[GUMBO_TAG_LAST + 1];

/* <isindex> becomes form > label > input. */
enum { SIM_ISINDEX_EXTRA = 3 };

/* Elements the estimate keeps: html and body are always open, then up to
 * HTML_MAX_DEPTH; the list of active formatting elements holds at most one
 * entry per open element and a marker per table cell, caption or object. */
enum {
	SIM_ROOTS = 2,
	SIM_MAX = HTML_MAX_DEPTH + SIM_ROOTS,
	SIM_FMT_MAX = 2 * SIM_MAX,
	SIM_NOAH = 3,             /* identical formatting entries kept ("Noah's ark") */
	SIM_AAA_OUTER = 8,        /* adoption agency: outer loop runs */
	SIM_AAA_INNER = 3,        /* inner loop steps that keep formatting entries */
};

/* The namespace of an element, and whether an SVG / MathML element is a
 * point where HTML start tags are read as HTML again. */
enum { SIM_HTML, SIM_SVG, SIM_MATHML };
enum { SIM_IP_NONE, SIM_IP_MATHML_TEXT, SIM_IP_HTML, SIM_IP_ANNOTATION };

/* One open element: tag and, for SVG / MathML ones (matched by name), the
 * name as written; ctx is the TP_CONTEXT tag nearest the top at or below it. */
typedef struct {
	guint16 tag, ctx;
	guint8 foreign;        /* SIM_HTML, SIM_SVG or SIM_MATHML */
	guint8 ip;             /* SIM_IP_* */
	guint32 id;
	const char *name;
	guint32 nlen;
	guint dom;             /* depth in the tree (html: 1), at most; elements
	                        * taken from the middle of the stack leave theirs */
	guint sub;             /* deepest element under it, closed ones too */
} HtmlTreeEl;

/* One entry of the list of active formatting elements (id 0: a marker). */
typedef struct {
	guint16 tag;
	guint32 id;
	const char *attrs;     /* attribute text as written: equal text, equal attributes */
	guint32 alen;
} HtmlTreeFmt;

typedef struct {
	HtmlTreeEl st[SIM_MAX + 1];
	guint n;
	HtmlTreeFmt fmt[SIM_FMT_MAX];
	guint nfmt;
	guint32 ids;
	guint peak;            /* deepest element so far */
	guint16 mode;          /* the insertion mode when it is not the top's ctx
	                        * (gumbo resets it by tag alone, SVG / MathML
	                        * elements too), else 0 */
	gboolean over;         /* more than SIM_MAX would be open */
	gboolean form;         /* the form element pointer is set */
	gboolean trap;         /* markup the estimate does not follow: a frameset,
	                        * an insertion mode taken from an SVG / MathML
	                        * element (states gumbo's assertions abort on) */
} HtmlTree;
/* Scopes of "has an element in ... scope": the extra boundaries. */
enum { SCOPE_PLAIN, SCOPE_LIST, SCOPE_BUTTON, SCOPE_TABLE, SCOPE_SELECT };

/* html_tree_tp - the TP_* bits of an element (none for SVG / MathML ones) */
static inline guint html_tree_tp(const HtmlTreeEl *e)
{
	return e->foreign ? 0 : html_tree_props[e->tag];
}
/* html_tree_special - gumbo's "special" elements, by namespace */
static inline gboolean html_tree_special(const HtmlTreeEl *e)
{
	guint p = html_tree_props[e->tag];

	return e->foreign == SIM_MATHML ? (p & TP_MATHML_SCOPE) != 0 :
	       e->foreign == SIM_SVG ? (p & TP_SVG_SPECIAL) != 0 : (p & TP_SPECIAL) != 0;
}
/* html_tree_reach - an element at tree depth d exists */
static inline void html_tree_reach(HtmlTree *s, guint d)
{
	if (d > SIM_MAX)
		s->over = TRUE;
	else
		s->peak = MAX(s->peak, d);
}
/* html_tree_touch - elements inserted and closed at once, extra deep under the current node */
static inline void html_tree_touch(HtmlTree *s, guint extra)
{
	html_tree_reach(s, (s->n > 0 ? s->st[s->n - 1].dom : 0) + extra);
}
/* html_tree_ctx - the insertion mode, as the TP_CONTEXT tag standing for it */
static inline guint16 html_tree_ctx(const HtmlTree *s)
{
	return s->mode ? s->mode : s->st[s->n - 1].ctx;
}
static inline int html_tree_stack_index(const HtmlTree *s, guint32 id)
{
	for (guint k = s->n; k-- > 0;)
		if (s->st[k].id == id)
			return (int)k;
	return -1;
}
static inline gboolean html_tree_top_is(const HtmlTree *s, guint16 tag)
{
	return s->n > 0 && !s->st[s->n - 1].foreign && s->st[s->n - 1].tag == tag;
}

void html_tree_reset(HtmlTree *s);
int html_tree_push(HtmlTree *s, guint16 tag, guint8 foreign, const char *name, guint32 nlen);
void html_tree_drop(HtmlTree *s, guint k);
void html_tree_fmt_remove(HtmlTree *s, guint k);
void html_tree_remove(HtmlTree *s, guint k);
void html_tree_pop_to(HtmlTree *s, guint k);
void html_tree_fmt_add(HtmlTree *s, guint16 tag, guint32 id, const char *attrs, guint32 alen);
void html_tree_fmt_clear_to_marker(HtmlTree *s);
void html_tree_reconstruct(HtmlTree *s);
int html_tree_in_scope(const HtmlTree *s, guint16 tag, int scope);
void html_tree_implied_end_tags(HtmlTree *s, guint16 except);
void html_tree_close(HtmlTree *s, guint16 tag);
void html_tree_close_p(HtmlTree *s);
void html_tree_adoption(HtmlTree *s, guint16 subject);
void html_tree_pop_until(HtmlTree *s, guint16 tag);
void html_tree_clear_to(HtmlTree *s, guint16 a, guint16 b, guint16 c);
gboolean html_tree_has_template(const HtmlTree *s);
void html_tree_close_cell(HtmlTree *s);
gboolean html_tree_table_section_in_scope(const HtmlTree *s);

#endif
