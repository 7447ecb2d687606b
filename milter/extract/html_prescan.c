/*
 * html_prescan.c - where an HTML document must be cut before gumbo parses it.
 *
 * gumbo (HTML5, libgumbo 0.10.1) has no nesting limit and its cost grows
 * with the nesting depth times the number of tags; Debian builds it with
 * assertions on, so some markup aborts the process.  This file reads the
 * document as the HTML5 tokenizer does (comments, attribute quoting,
 * rawtext, RCDATA and script text) and runs a model of the tree builder's
 * stack of open elements and list of active formatting elements (insertion
 * modes, implied end tags, scopes, special elements, "any other end tag",
 * the adoption agency as gumbo runs it, SVG and MathML content) that never
 * expects a shallower tree than gumbo builds.
 *
 * In:  the document (UTF-8), the tag bound.
 * Out: the length to hand gumbo; "limit:html-depth", "limit:html-nodes"
 *      and "limit:html-markup" anomalies; the text of every <style>
 *      (bounded) for html.c's style sheet reader.
 */
#include <string.h>
#include <gumbo.h>
#include "extract/html_prescan.h"

/* ---- depth estimate: the tree builder's stack of open elements --------- */

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
static const guint16 tag_props[GUMBO_TAG_LAST + 1] = {
	[GUMBO_TAG_HTML] = TP_SPECIAL | TP_SCOPE | TP_CONTEXT,
	[GUMBO_TAG_BODY] = TP_SPECIAL | TP_CONTEXT,
	[GUMBO_TAG_HEAD] = TP_SPECIAL,
	[GUMBO_TAG_ADDRESS] = TP_BLOCK, [GUMBO_TAG_ARTICLE] = TP_BLOCK, [GUMBO_TAG_ASIDE] = TP_BLOCK,
	[GUMBO_TAG_BLOCKQUOTE] = TP_BLOCK, [GUMBO_TAG_CENTER] = TP_BLOCK, [GUMBO_TAG_DETAILS] = TP_BLOCK,
	[GUMBO_TAG_DIR] = TP_BLOCK, [GUMBO_TAG_DIV] = TP_BLOCK, [GUMBO_TAG_DL] = TP_BLOCK,
	[GUMBO_TAG_FIELDSET] = TP_BLOCK, [GUMBO_TAG_FIGCAPTION] = TP_BLOCK, [GUMBO_TAG_FIGURE] = TP_BLOCK,
	[GUMBO_TAG_FOOTER] = TP_BLOCK, [GUMBO_TAG_HEADER] = TP_BLOCK, [GUMBO_TAG_HGROUP] = TP_BLOCK,
	[GUMBO_TAG_MAIN] = TP_BLOCK, [GUMBO_TAG_MENU] = TP_BLOCK, [GUMBO_TAG_NAV] = TP_BLOCK,
	[GUMBO_TAG_OL] = TP_BLOCK, [GUMBO_TAG_SECTION] = TP_BLOCK, [GUMBO_TAG_SUMMARY] = TP_BLOCK,
	[GUMBO_TAG_UL] = TP_BLOCK, [GUMBO_TAG_PRE] = TP_BLOCK, [GUMBO_TAG_LISTING] = TP_BLOCK,
	[GUMBO_TAG_P] = TP_SPECIAL | TP_CLOSES_P | TP_IMPLIED,
	[GUMBO_TAG_H1] = TP_SPECIAL | TP_CLOSES_P | TP_HEADING, [GUMBO_TAG_H2] = TP_SPECIAL | TP_CLOSES_P | TP_HEADING,
	[GUMBO_TAG_H3] = TP_SPECIAL | TP_CLOSES_P | TP_HEADING, [GUMBO_TAG_H4] = TP_SPECIAL | TP_CLOSES_P | TP_HEADING,
	[GUMBO_TAG_H5] = TP_SPECIAL | TP_CLOSES_P | TP_HEADING, [GUMBO_TAG_H6] = TP_SPECIAL | TP_CLOSES_P | TP_HEADING,
	[GUMBO_TAG_FORM] = TP_SPECIAL | TP_CLOSES_P, [GUMBO_TAG_PLAINTEXT] = TP_SPECIAL | TP_CLOSES_P,
	[GUMBO_TAG_LI] = TP_SPECIAL | TP_CLOSES_P | TP_IMPLIED,
	[GUMBO_TAG_DD] = TP_SPECIAL | TP_CLOSES_P | TP_IMPLIED, [GUMBO_TAG_DT] = TP_SPECIAL | TP_CLOSES_P | TP_IMPLIED,
	[GUMBO_TAG_XMP] = TP_SPECIAL | TP_CLOSES_P, [GUMBO_TAG_HR] = TP_SPECIAL | TP_CLOSES_P | TP_VOID,
	[GUMBO_TAG_BUTTON] = TP_SPECIAL | TP_BLOCK_END,
	[GUMBO_TAG_OPTION] = TP_IMPLIED, [GUMBO_TAG_OPTGROUP] = TP_IMPLIED,
	[GUMBO_TAG_RB] = TP_IMPLIED, [GUMBO_TAG_RP] = TP_IMPLIED, [GUMBO_TAG_RT] = TP_IMPLIED,
	[GUMBO_TAG_RTC] = TP_IMPLIED,
	[GUMBO_TAG_A] = TP_FORMATTING, [GUMBO_TAG_B] = TP_FORMATTING, [GUMBO_TAG_BIG] = TP_FORMATTING,
	[GUMBO_TAG_CODE] = TP_FORMATTING, [GUMBO_TAG_EM] = TP_FORMATTING, [GUMBO_TAG_FONT] = TP_FORMATTING,
	[GUMBO_TAG_I] = TP_FORMATTING, [GUMBO_TAG_NOBR] = TP_FORMATTING, [GUMBO_TAG_S] = TP_FORMATTING,
	[GUMBO_TAG_SMALL] = TP_FORMATTING, [GUMBO_TAG_STRIKE] = TP_FORMATTING,
	[GUMBO_TAG_STRONG] = TP_FORMATTING, [GUMBO_TAG_TT] = TP_FORMATTING, [GUMBO_TAG_U] = TP_FORMATTING,
	[GUMBO_TAG_APPLET] = TP_SPECIAL | TP_SCOPE, [GUMBO_TAG_MARQUEE] = TP_SPECIAL | TP_SCOPE,
	[GUMBO_TAG_OBJECT] = TP_SPECIAL | TP_SCOPE,
	[GUMBO_TAG_TABLE] = TP_SPECIAL | TP_SCOPE | TP_CONTEXT,
	[GUMBO_TAG_CAPTION] = TP_SPECIAL | TP_SCOPE | TP_CONTEXT | TP_TABLE_PART,
	[GUMBO_TAG_TD] = TP_SPECIAL | TP_SCOPE | TP_CONTEXT | TP_TABLE_PART,
	[GUMBO_TAG_TH] = TP_SPECIAL | TP_SCOPE | TP_CONTEXT | TP_TABLE_PART,
	[GUMBO_TAG_TR] = TP_SPECIAL | TP_CONTEXT | TP_TABLE_PART,
	[GUMBO_TAG_TBODY] = TP_SPECIAL | TP_CONTEXT | TP_TABLE_PART,
	[GUMBO_TAG_THEAD] = TP_SPECIAL | TP_CONTEXT | TP_TABLE_PART,
	[GUMBO_TAG_TFOOT] = TP_SPECIAL | TP_CONTEXT | TP_TABLE_PART,
	[GUMBO_TAG_COLGROUP] = TP_SPECIAL | TP_CONTEXT | TP_TABLE_PART,
	[GUMBO_TAG_COL] = TP_SPECIAL | TP_VOID | TP_TABLE_PART,
	[GUMBO_TAG_TEMPLATE] = TP_SPECIAL | TP_SCOPE | TP_CONTEXT,
	[GUMBO_TAG_SELECT] = TP_SPECIAL | TP_CONTEXT, [GUMBO_TAG_FRAMESET] = TP_SPECIAL,
	[GUMBO_TAG_AREA] = TP_SPECIAL | TP_VOID, [GUMBO_TAG_BASE] = TP_SPECIAL | TP_VOID,
	[GUMBO_TAG_BASEFONT] = TP_SPECIAL | TP_VOID, [GUMBO_TAG_BGSOUND] = TP_SPECIAL | TP_VOID,
	[GUMBO_TAG_BR] = TP_SPECIAL | TP_VOID, [GUMBO_TAG_EMBED] = TP_SPECIAL | TP_VOID,
	[GUMBO_TAG_FRAME] = TP_SPECIAL | TP_VOID, [GUMBO_TAG_IMG] = TP_SPECIAL | TP_VOID,
	[GUMBO_TAG_IMAGE] = TP_VOID, [GUMBO_TAG_INPUT] = TP_SPECIAL | TP_VOID,
	[GUMBO_TAG_KEYGEN] = TP_VOID, [GUMBO_TAG_LINK] = TP_SPECIAL | TP_VOID,
	[GUMBO_TAG_MENUITEM] = TP_SPECIAL | TP_VOID, [GUMBO_TAG_META] = TP_SPECIAL | TP_VOID,
	[GUMBO_TAG_PARAM] = TP_SPECIAL | TP_VOID, [GUMBO_TAG_SOURCE] = TP_VOID,
	[GUMBO_TAG_TRACK] = TP_VOID, [GUMBO_TAG_WBR] = TP_SPECIAL | TP_VOID,
	[GUMBO_TAG_ISINDEX] = TP_SPECIAL | TP_VOID,
	[GUMBO_TAG_IFRAME] = TP_SPECIAL, [GUMBO_TAG_NOEMBED] = TP_SPECIAL, [GUMBO_TAG_NOFRAMES] = TP_SPECIAL,
	[GUMBO_TAG_NOSCRIPT] = TP_SPECIAL, [GUMBO_TAG_SCRIPT] = TP_SPECIAL, [GUMBO_TAG_STYLE] = TP_SPECIAL,
	[GUMBO_TAG_TEXTAREA] = TP_SPECIAL, [GUMBO_TAG_TITLE] = TP_SPECIAL | TP_SVG_SCOPE,
	[GUMBO_TAG_MI] = TP_MATHML_SCOPE, [GUMBO_TAG_MO] = TP_MATHML_SCOPE, [GUMBO_TAG_MN] = TP_MATHML_SCOPE,
	[GUMBO_TAG_MS] = TP_MATHML_SCOPE, [GUMBO_TAG_MTEXT] = TP_MATHML_SCOPE,
	[GUMBO_TAG_ANNOTATION_XML] = TP_MATHML_SCOPE, [GUMBO_TAG_FOREIGNOBJECT] = TP_SVG_SCOPE | TP_SVG_SPECIAL,
	[GUMBO_TAG_DESC] = TP_SVG_SCOPE | TP_SVG_SPECIAL,
};

/* Start tags that end SVG / MathML content (<font> too, with color, face or size). */
static const gboolean breakout[GUMBO_TAG_LAST + 1] = {
	[GUMBO_TAG_B] = TRUE, [GUMBO_TAG_BIG] = TRUE, [GUMBO_TAG_BLOCKQUOTE] = TRUE, [GUMBO_TAG_BODY] = TRUE,
	[GUMBO_TAG_BR] = TRUE, [GUMBO_TAG_CENTER] = TRUE, [GUMBO_TAG_CODE] = TRUE, [GUMBO_TAG_DD] = TRUE,
	[GUMBO_TAG_DIV] = TRUE, [GUMBO_TAG_DL] = TRUE, [GUMBO_TAG_DT] = TRUE, [GUMBO_TAG_EM] = TRUE,
	[GUMBO_TAG_EMBED] = TRUE, [GUMBO_TAG_H1] = TRUE, [GUMBO_TAG_H2] = TRUE, [GUMBO_TAG_H3] = TRUE,
	[GUMBO_TAG_H4] = TRUE, [GUMBO_TAG_H5] = TRUE, [GUMBO_TAG_H6] = TRUE, [GUMBO_TAG_HEAD] = TRUE,
	[GUMBO_TAG_HR] = TRUE, [GUMBO_TAG_I] = TRUE, [GUMBO_TAG_IMG] = TRUE, [GUMBO_TAG_LI] = TRUE,
	[GUMBO_TAG_LISTING] = TRUE, [GUMBO_TAG_MENU] = TRUE, [GUMBO_TAG_META] = TRUE, [GUMBO_TAG_NOBR] = TRUE,
	[GUMBO_TAG_OL] = TRUE, [GUMBO_TAG_P] = TRUE, [GUMBO_TAG_PRE] = TRUE, [GUMBO_TAG_RUBY] = TRUE,
	[GUMBO_TAG_S] = TRUE, [GUMBO_TAG_SMALL] = TRUE, [GUMBO_TAG_SPAN] = TRUE, [GUMBO_TAG_STRONG] = TRUE,
	[GUMBO_TAG_STRIKE] = TRUE, [GUMBO_TAG_SUB] = TRUE, [GUMBO_TAG_SUP] = TRUE, [GUMBO_TAG_TABLE] = TRUE,
	[GUMBO_TAG_TT] = TRUE, [GUMBO_TAG_U] = TRUE, [GUMBO_TAG_UL] = TRUE, [GUMBO_TAG_VAR] = TRUE,
};

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
} SimEl;

/* One entry of the list of active formatting elements (id 0: a marker). */
typedef struct {
	guint16 tag;
	guint32 id;
	const char *attrs;     /* attribute text as written: equal text, equal attributes */
	guint32 alen;
} SimFmt;

typedef struct {
	SimEl st[SIM_MAX + 1];
	guint n;
	SimFmt fmt[SIM_FMT_MAX];
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
} Sim;

static guint tp(const SimEl *e)
{
	return e->foreign ? 0 : tag_props[e->tag];
}

/* sim_special - gumbo's "special" elements, by namespace */
static gboolean sim_special(const SimEl *e)
{
	guint p = tag_props[e->tag];

	return e->foreign == SIM_MATHML ? (p & TP_MATHML_SCOPE) != 0 :
	       e->foreign == SIM_SVG ? (p & TP_SVG_SPECIAL) != 0 : (p & TP_SPECIAL) != 0;
}

/* sim_reach - an element at tree depth d exists */
static void sim_reach(Sim *s, guint d)
{
	if (d > SIM_MAX)
		s->over = TRUE;
	else
		s->peak = MAX(s->peak, d);
}

/* sim_touch - elements inserted and closed at once, extra deep under the current node */
static void sim_touch(Sim *s, guint extra)
{
	sim_reach(s, (s->n > 0 ? s->st[s->n - 1].dom : 0) + extra);
}

/* sim_push - open an element as a child of the current node (foster
 * parenting puts it higher, which the depth bounds); returns its index,
 * or -1 beyond SIM_MAX */
static int sim_push(Sim *s, guint16 tag, guint8 foreign, const char *name, guint32 nlen)
{
	SimEl *e;

	sim_touch(s, 1);
	if (s->n > SIM_MAX)
		s->over = TRUE;
	if (s->over)
		return -1;
	e = &s->st[s->n];
	e->tag = tag;
	e->foreign = foreign;
	e->ip = SIM_IP_NONE;
	e->ctx = !foreign && (tag_props[tag] & TP_CONTEXT) ? tag : s->n > 0 ? s->st[s->n - 1].ctx : GUMBO_TAG_HTML;
	if (!foreign && (tag_props[tag] & TP_CONTEXT))
		s->mode = 0;
	e->id = ++s->ids;
	e->name = name;
	e->nlen = nlen;
	e->dom = e->sub = (s->n > 0 ? s->st[s->n - 1].dom : 0) + 1;
	return (int)s->n++;
}

/* sim_drop - close the elements from index k up; what was under them is
 * under the element below */
static void sim_drop(Sim *s, guint k)
{
	guint deepest = 0;

	for (guint j = k; j < s->n; j++)
		deepest = MAX(deepest, s->st[j].sub);
	if (k > 0)
		s->st[k - 1].sub = MAX(s->st[k - 1].sub, deepest);
	s->n = MIN(s->n, k);
}

/* sim_ctx - the insertion mode, as the TP_CONTEXT tag standing for it */
static guint16 sim_ctx(const Sim *s)
{
	return s->mode ? s->mode : s->st[s->n - 1].ctx;
}

/* sim_reset - "reset the insertion mode appropriately" as gumbo does it:
 * the nearest element whose tag sets a mode, whatever its namespace */
static void sim_reset(Sim *s)
{
	s->mode = 0;
	for (guint k = s->n; k-- > 0;) {
		const SimEl *e = &s->st[k];
		if (tag_props[e->tag] & TP_CONTEXT) {
			if (e->foreign) {
				s->mode = e->tag;
				s->trap = TRUE;
			}
			return;
		}
	}
}

static int sim_fmt_index(const Sim *s, guint32 id)
{
	for (guint k = s->nfmt; k-- > 0;)
		if (s->fmt[k].id == id)
			return (int)k;
	return -1;
}

static int sim_stack_index(const Sim *s, guint32 id)
{
	for (guint k = s->n; k-- > 0;)
		if (s->st[k].id == id)
			return (int)k;
	return -1;
}

static void sim_fmt_remove(Sim *s, guint k)
{
	memmove(&s->fmt[k], &s->fmt[k + 1], (s->nfmt - k - 1) * sizeof s->fmt[0]);
	s->nfmt--;
}

/* sim_remove - take the element at index k off the stack (the elements
 * above it keep their context: only table parts and select set one, and
 * the tree builder never removes those from the middle) */
static void sim_remove(Sim *s, guint k)
{
	if (k > 0)
		s->st[k - 1].sub = MAX(s->st[k - 1].sub, s->st[k].sub);
	memmove(&s->st[k], &s->st[k + 1], (s->n - k - 1) * sizeof s->st[0]);
	s->n--;
}

static void sim_pop_to(Sim *s, guint k)
{
	if (k >= SIM_ROOTS && k < s->n)
		sim_drop(s, k);
}

static gboolean sim_top_is(const Sim *s, guint16 tag)
{
	return s->n > 0 && !s->st[s->n - 1].foreign && s->st[s->n - 1].tag == tag;
}

/* sim_fmt_add - a formatting element (or a marker, id 0) to the list, after
 * dropping the earliest of SIM_NOAH identical ones */
static void sim_fmt_add(Sim *s, guint16 tag, guint32 id, const char *attrs, guint32 alen)
{
	guint same = 0, earliest = 0;

	if (id != 0) {
		for (guint k = s->nfmt; k-- > 0 && s->fmt[k].id != 0;) {
			const SimFmt *e = &s->fmt[k];
			if (e->tag == tag && e->alen == alen && memcmp(e->attrs, attrs, alen) == 0)
				same++, earliest = k;
		}
		if (same >= SIM_NOAH)
			sim_fmt_remove(s, earliest);
	}
	if (s->nfmt == SIM_FMT_MAX) {
		s->over = TRUE;
		return;
	}
	s->fmt[s->nfmt++] = (SimFmt){ tag, id, attrs, alen };
}

static void sim_fmt_clear_to_marker(Sim *s)
{
	while (s->nfmt > 0 && s->fmt[--s->nfmt].id != 0)
		;
}

/* sim_reconstruct - reopen the formatting elements after the last marker
 * that are no longer open */
static void sim_reconstruct(Sim *s)
{
	guint k;

	if (s->nfmt == 0)
		return;
	k = s->nfmt - 1;
	if (s->fmt[k].id == 0 || sim_stack_index(s, s->fmt[k].id) >= 0)
		return;
	while (k > 0 && s->fmt[k - 1].id != 0 && sim_stack_index(s, s->fmt[k - 1].id) < 0)
		k--;
	for (; k < s->nfmt && !s->over; k++) {
		int at = sim_push(s, s->fmt[k].tag, FALSE, NULL, 0);
		if (at >= 0)
			s->fmt[k].id = s->st[at].id;
	}
}

/* Scopes of "has an element in ... scope": the extra boundaries. */
enum { SCOPE_PLAIN, SCOPE_LIST, SCOPE_BUTTON, SCOPE_TABLE, SCOPE_SELECT };

/* sim_in_scope - index of the topmost HTML element tag in the given scope, or -1 */
static int sim_in_scope(const Sim *s, guint16 tag, int scope)
{
	for (guint k = s->n; k-- > 0;) {
		const SimEl *e = &s->st[k];
		if (!e->foreign && e->tag == tag)
			return (int)k;
		if (scope == SCOPE_SELECT) {
			if (e->foreign || (e->tag != GUMBO_TAG_OPTION && e->tag != GUMBO_TAG_OPTGROUP))
				return -1;
			continue;
		}
		if (scope == SCOPE_TABLE) {
			if (!e->foreign && (e->tag == GUMBO_TAG_HTML || e->tag == GUMBO_TAG_TABLE ||
			                    e->tag == GUMBO_TAG_TEMPLATE))
				return -1;
			continue;
		}
		if (tag_props[e->tag] & (e->foreign == SIM_MATHML ? TP_MATHML_SCOPE :
		                         e->foreign == SIM_SVG ? TP_SVG_SCOPE : TP_SCOPE))
			return -1;
		if (!e->foreign && ((scope == SCOPE_LIST && (e->tag == GUMBO_TAG_OL || e->tag == GUMBO_TAG_UL)) ||
		                    (scope == SCOPE_BUTTON && e->tag == GUMBO_TAG_BUTTON)))
			return -1;
	}
	return -1;
}

static void sim_implied_end_tags(Sim *s, guint16 except)
{
	while (s->n > SIM_ROOTS && (tp(&s->st[s->n - 1]) & TP_IMPLIED) && s->st[s->n - 1].tag != except)
		sim_drop(s, s->n - 1);
}

/* sim_close - generate implied end tags, then pop up to the topmost HTML tag */
static void sim_close(Sim *s, guint16 tag)
{
	sim_implied_end_tags(s, tag);
	for (guint k = s->n; k-- > SIM_ROOTS;)
		if (!s->st[k].foreign && s->st[k].tag == tag) {
			sim_drop(s, k);
			return;
		}
}

static void sim_close_p(Sim *s)
{
	if (sim_in_scope(s, GUMBO_TAG_P, SCOPE_BUTTON) >= 0)
		sim_close(s, GUMBO_TAG_P);
}

/* sim_adoption - the adoption agency algorithm as gumbo runs it for an end
 * tag of a formatting element */
static void sim_adoption(Sim *s, guint16 subject)
{
	const SimEl *top = &s->st[s->n - 1];

	if (!top->foreign && top->tag == subject && sim_fmt_index(s, top->id) < 0) {
		sim_pop_to(s, s->n - 1);
		return;
	}
	for (guint outer = 0; outer < SIM_AAA_OUTER; outer++) {
		int fi = -1, fe, fb = -1, bookmark, idx;
		gboolean last_is_fb = TRUE;
		SimFmt fe_entry;

		for (guint k = s->nfmt; k-- > 0 && s->fmt[k].id != 0;)
			if (s->fmt[k].tag == subject) {
				fi = (int)k;
				break;
			}
		if (fi < 0)
			return;
		fe = sim_stack_index(s, s->fmt[fi].id);
		if (fe < 0) {
			sim_fmt_remove(s, fi);
			return;
		}
		if (sim_in_scope(s, subject, SCOPE_PLAIN) < 0)
			return;
		for (guint k = fe + 1; k < s->n; k++)
			if (sim_special(&s->st[k])) {
				fb = (int)k;
				break;
			}
		if (fb < 0) {
			sim_pop_to(s, fe);
			if (s->n == (guint)fe)
				sim_fmt_remove(s, fi);
			return;
		}
		if (fe < SIM_ROOTS)
			return;
		bookmark = fi + 1;
		idx = fb;
		for (guint j = 1;; j++) {
			int f;
			idx--;
			if (idx == fe)
				break;
			f = sim_fmt_index(s, s->st[idx].id);
			if (j > SIM_AAA_INNER && f >= 0) {
				sim_fmt_remove(s, f);
				if (f < bookmark)
					bookmark--;
				continue;
			}
			if (f < 0) {
				sim_remove(s, idx);
				fb--;
				continue;
			}
			s->st[idx].id = s->fmt[f].id = ++s->ids;
			if (last_is_fb)
				bookmark = f + 1;
			last_is_fb = FALSE;
		}
		fi = sim_fmt_index(s, s->st[fe].id);
		fe_entry = s->fmt[fi];
		if (fi < bookmark)
			bookmark--;
		sim_fmt_remove(s, fi);
		fe_entry.id = ++s->ids;
		memmove(&s->fmt[bookmark + 1], &s->fmt[bookmark], (s->nfmt - bookmark) * sizeof s->fmt[0]);
		s->fmt[bookmark] = fe_entry;
		s->nfmt++;
		sim_remove(s, fe);
		fb--;
		/* the new element takes the furthest block's children: all
		 * under it (the elements above it on the stack at most) go one deeper */
		memmove(&s->st[fb + 2], &s->st[fb + 1], (s->n - fb - 1) * sizeof s->st[0]);
		s->n++;
		for (guint j = fb + 2; j < s->n; j++) {
			s->st[j].dom++;
			s->st[j].sub++;
			sim_reach(s, s->st[j].sub);
		}
		s->st[fb].sub++;
		sim_reach(s, s->st[fb].sub);
		s->st[fb + 1] = s->st[fb];
		s->st[fb + 1].tag = subject;
		s->st[fb + 1].id = fe_entry.id;
		s->st[fb + 1].name = NULL;
		s->st[fb + 1].foreign = SIM_HTML;
		s->st[fb + 1].ip = SIM_IP_NONE;
		s->st[fb + 1].dom = s->st[fb].dom + 1;
	}
}

/* What the tokenizer reads after a start tag: tags, or text up to the
 * element's own end tag (with the script escapes for <script>), or
 * text to the end. */
enum { TOK_DATA, TOK_RAWTEXT, TOK_RCDATA, TOK_SCRIPT, TOK_PLAINTEXT };

typedef struct {
	guint16 tag;
	const char *name;      /* as written, for SVG / MathML end tags */
	guint32 nlen;
	const char *attrs;     /* attribute text as written */
	guint32 alen;
	gboolean self_closing;
} SimTag;

static int sim_start(Sim *s, const SimTag *t);

static gboolean html_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

/* attr_value - the value of attribute name (lower case) in the attribute
 * text of a tag, read as the tokenizer does (the first of a name counts);
 * NULL when absent (character references are not decoded) */
static const char *attr_value(const char *a, gsize n, const char *name, gsize *vlen)
{
	gsize p = 0, nl = strlen(name);

	for (;;) {
		gsize from, to;
		while (p < n && (html_space(a[p]) || a[p] == '/'))
			p++;
		if (p >= n || a[p] == '>')
			return NULL;
		from = p++;
		while (p < n && !html_space(a[p]) && a[p] != '/' && a[p] != '>' && a[p] != '=')
			p++;
		to = p;
		while (p < n && html_space(a[p]))
			p++;
		*vlen = 0;
		if (p < n && a[p] == '=') {
			const char *v;
			p++;
			while (p < n && html_space(a[p]))
				p++;
			if (p < n && (a[p] == '"' || a[p] == '\'')) {
				const char *q = memchr(a + p + 1, a[p], n - p - 1);
				v = a + p + 1;
				*vlen = q ? (gsize)(q - v) : n - p - 1;
				p = q ? (gsize)(q - a) + 1 : n;
			} else {
				v = a + p;
				while (p < n && !html_space(a[p]) && a[p] != '>')
					p++;
				*vlen = a + p - v;
			}
			if (to - from == nl && g_ascii_strncasecmp(a + from, name, nl) == 0)
				return v;
		} else if (to - from == nl && g_ascii_strncasecmp(a + from, name, nl) == 0) {
			return a + to;
		}
	}
}

static gboolean attr_is(const SimTag *t, const char *name, const char *value)
{
	gsize l;
	const char *v = attr_value(t->attrs, t->alen, name, &l);
	return v != NULL && l == strlen(value) && g_ascii_strncasecmp(v, value, l) == 0;
}

static gboolean attr_has(const SimTag *t, const char *name)
{
	gsize l;
	return attr_value(t->attrs, t->alen, name, &l) != NULL;
}

/* sim_push_foreign - an SVG or MathML element (popped at once when self-closing) */
static void sim_push_foreign(Sim *s, const SimTag *t, guint8 ns)
{
	int at;

	if (t->self_closing) {
		sim_touch(s, 1);
		return;
	}
	at = sim_push(s, t->tag, ns, t->name, t->nlen);
	if (at < 0)
		return;
	if (ns == SIM_MATHML && (t->tag == GUMBO_TAG_MI || t->tag == GUMBO_TAG_MO || t->tag == GUMBO_TAG_MN ||
	                         t->tag == GUMBO_TAG_MS || t->tag == GUMBO_TAG_MTEXT))
		s->st[at].ip = SIM_IP_MATHML_TEXT;
	else if (ns == SIM_SVG && (t->tag == GUMBO_TAG_FOREIGNOBJECT || t->tag == GUMBO_TAG_DESC ||
	                           t->tag == GUMBO_TAG_TITLE))
		s->st[at].ip = SIM_IP_HTML;
	else if (ns == SIM_MATHML && t->tag == GUMBO_TAG_ANNOTATION_XML)
		s->st[at].ip = attr_is(t, "encoding", "text/html") || attr_is(t, "encoding", "application/xhtml+xml")
		               ? SIM_IP_HTML : SIM_IP_ANNOTATION;
}

/* sim_text_state - the tokenizer state an element's start tag in HTML content begins */
static int sim_text_state(guint16 tag)
{
	switch (tag) {
	case GUMBO_TAG_SCRIPT:
		return TOK_SCRIPT;
	case GUMBO_TAG_STYLE: case GUMBO_TAG_XMP: case GUMBO_TAG_IFRAME: case GUMBO_TAG_NOEMBED:
	case GUMBO_TAG_NOFRAMES:
		return TOK_RAWTEXT;
	case GUMBO_TAG_TITLE: case GUMBO_TAG_TEXTAREA:
		return TOK_RCDATA;
	case GUMBO_TAG_PLAINTEXT:
		return TOK_PLAINTEXT;
	default:
		return TOK_DATA;
	}
}

static void sim_push_fmt(Sim *s, const SimTag *t)
{
	int at = sim_push(s, t->tag, FALSE, NULL, 0);
	if (at >= 0)
		sim_fmt_add(s, t->tag, s->st[at].id, t->attrs, t->alen);
}

static void sim_pop_until(Sim *s, guint16 tag)
{
	for (guint k = s->n; k-- > SIM_ROOTS;)
		if (!s->st[k].foreign && s->st[k].tag == tag) {
			sim_drop(s, k);
			return;
		}
}

/* sim_clear_to - pop up to an HTML element in the TP set given by tags */
static void sim_clear_to(Sim *s, guint16 a, guint16 b, guint16 c)
{
	s->mode = 0;     /* a switch to a named mode follows */
	while (s->n > SIM_ROOTS) {
		const SimEl *e = &s->st[s->n - 1];
		if (!e->foreign && (e->tag == a || e->tag == b || e->tag == c || e->tag == GUMBO_TAG_TEMPLATE ||
		                    e->tag == GUMBO_TAG_HTML))
			return;
		sim_drop(s, s->n - 1);
	}
}

static gboolean sim_has_template(const Sim *s)
{
	for (guint k = s->n; k-- > 0;)
		if (!s->st[k].foreign && s->st[k].tag == GUMBO_TAG_TEMPLATE)
			return TRUE;
	return FALSE;
}

/* sim_body_start - a start tag "in body" */
static int sim_body_start(Sim *s, const SimTag *t)
{
	guint16 tag = t->tag;
	guint p = tag_props[tag];

	switch (tag) {
	case GUMBO_TAG_HTML: case GUMBO_TAG_BODY: case GUMBO_TAG_HEAD: case GUMBO_TAG_FRAME:
		return TOK_DATA;
	case GUMBO_TAG_FRAMESET:
		/* replaces the body or is ignored, by state the estimate does not
		 * keep: the document is cut here (mail clients show no frames) */
		s->trap = TRUE;
		return TOK_DATA;
	case GUMBO_TAG_LI: case GUMBO_TAG_DD: case GUMBO_TAG_DT:
		for (guint k = s->n; k-- > 0;) {
			const SimEl *e = &s->st[k];
			if (!e->foreign && (tag == GUMBO_TAG_LI ? e->tag == GUMBO_TAG_LI
			                                        : e->tag == GUMBO_TAG_DD || e->tag == GUMBO_TAG_DT)) {
				sim_close(s, e->tag);
				break;
			}
			if (sim_special(e) && (e->foreign || (e->tag != GUMBO_TAG_ADDRESS && e->tag != GUMBO_TAG_DIV &&
			                                      e->tag != GUMBO_TAG_P)))
				break;
		}
		sim_close_p(s);
		sim_push(s, tag, FALSE, NULL, 0);
		return TOK_DATA;
	case GUMBO_TAG_HR:
		sim_close_p(s);
		sim_touch(s, 1);
		return TOK_DATA;
	case GUMBO_TAG_XMP:
		sim_close_p(s);
		sim_reconstruct(s);
		sim_push(s, tag, FALSE, NULL, 0);
		return TOK_RAWTEXT;
	case GUMBO_TAG_TABLE:
		/* closes a <p> only outside quirks mode: kept open, an overestimate */
		sim_push(s, tag, FALSE, NULL, 0);
		return TOK_DATA;
	case GUMBO_TAG_A: {
		int fi = -1;
		for (guint k = s->nfmt; k-- > 0 && s->fmt[k].id != 0;)
			if (s->fmt[k].tag == GUMBO_TAG_A) {
				fi = (int)k;
				break;
			}
		if (fi >= 0) {
			sim_adoption(s, GUMBO_TAG_A);
			fi = -1;
			for (guint k = s->nfmt; k-- > 0 && s->fmt[k].id != 0;)
				if (s->fmt[k].tag == GUMBO_TAG_A) {
					fi = (int)k;
					break;
				}
			if (fi >= 0) {
				int at = sim_stack_index(s, s->fmt[fi].id);
				sim_fmt_remove(s, fi);
				if (at >= SIM_ROOTS)
					sim_remove(s, at);
			}
		}
		sim_reconstruct(s);
		sim_push_fmt(s, t);
		return TOK_DATA;
	}
	case GUMBO_TAG_NOBR:
		sim_reconstruct(s);
		if (sim_in_scope(s, GUMBO_TAG_NOBR, SCOPE_PLAIN) >= 0) {
			sim_adoption(s, GUMBO_TAG_NOBR);
			sim_reconstruct(s);
		}
		sim_push_fmt(s, t);
		return TOK_DATA;
	case GUMBO_TAG_APPLET: case GUMBO_TAG_MARQUEE: case GUMBO_TAG_OBJECT:
		sim_reconstruct(s);
		sim_push(s, tag, FALSE, NULL, 0);
		sim_fmt_add(s, tag, 0, NULL, 0);
		return TOK_DATA;
	case GUMBO_TAG_TEMPLATE:
		sim_push(s, tag, FALSE, NULL, 0);
		sim_fmt_add(s, tag, 0, NULL, 0);
		return TOK_DATA;
	case GUMBO_TAG_BUTTON:
		if (sim_in_scope(s, GUMBO_TAG_BUTTON, SCOPE_PLAIN) >= 0)
			sim_close(s, GUMBO_TAG_BUTTON);
		sim_reconstruct(s);
		sim_push(s, tag, FALSE, NULL, 0);
		return TOK_DATA;
	case GUMBO_TAG_OPTION: case GUMBO_TAG_OPTGROUP:
		if (sim_top_is(s, GUMBO_TAG_OPTION))
			sim_pop_to(s, s->n - 1);
		sim_reconstruct(s);
		sim_push(s, tag, FALSE, NULL, 0);
		return TOK_DATA;
	case GUMBO_TAG_RB: case GUMBO_TAG_RTC: case GUMBO_TAG_RP: case GUMBO_TAG_RT:
		if (sim_in_scope(s, GUMBO_TAG_RUBY, SCOPE_PLAIN) >= 0)
			sim_implied_end_tags(s, tag == GUMBO_TAG_RP || tag == GUMBO_TAG_RT ? GUMBO_TAG_RTC : GUMBO_TAG_LAST);
		sim_push(s, tag, FALSE, NULL, 0);
		return TOK_DATA;
	case GUMBO_TAG_SVG: case GUMBO_TAG_MATH:
		sim_reconstruct(s);
		sim_push_foreign(s, t, tag == GUMBO_TAG_SVG ? SIM_SVG : SIM_MATHML);
		return TOK_DATA;
	case GUMBO_TAG_ISINDEX: case GUMBO_TAG_FORM:
		/* a second form is ignored while the form element pointer is set */
		if (s->form && !sim_has_template(s))
			return TOK_DATA;
		sim_close_p(s);
		if (tag == GUMBO_TAG_FORM) {
			if (!sim_has_template(s))
				s->form = TRUE;
			sim_push(s, tag, SIM_HTML, NULL, 0);
		} else if (!sim_has_template(s)) {
			sim_touch(s, SIM_ISINDEX_EXTRA);   /* its form is closed at once */
		} else if (sim_push(s, GUMBO_TAG_FORM, SIM_HTML, NULL, 0) >= 0) {
			sim_touch(s, SIM_ISINDEX_EXTRA - 1);   /* in a template the form stays open */
		}
		return TOK_DATA;
	case GUMBO_TAG_AREA: case GUMBO_TAG_BR: case GUMBO_TAG_EMBED: case GUMBO_TAG_IMG:
	case GUMBO_TAG_IMAGE: case GUMBO_TAG_KEYGEN: case GUMBO_TAG_WBR: case GUMBO_TAG_INPUT:
		sim_reconstruct(s);
		sim_touch(s, 1);
		return TOK_DATA;
	default:
		break;
	}
	if (p & TP_TABLE_PART)
		return TOK_DATA;
	if (p & TP_VOID) {
		sim_touch(s, 1);
		return TOK_DATA;
	}
	if (p & TP_CLOSES_P) {
		sim_close_p(s);
		if ((p & TP_HEADING) && s->n > 0 && (tp(&s->st[s->n - 1]) & TP_HEADING))
			sim_pop_to(s, s->n - 1);
		sim_push(s, tag, FALSE, NULL, 0);
		return sim_text_state(tag);
	}
	if (p & TP_FORMATTING) {
		sim_reconstruct(s);
		sim_push_fmt(s, t);
		return TOK_DATA;
	}
	switch (tag) {
	case GUMBO_TAG_TEXTAREA: case GUMBO_TAG_TITLE: case GUMBO_TAG_STYLE: case GUMBO_TAG_SCRIPT:
	case GUMBO_TAG_NOFRAMES: case GUMBO_TAG_IFRAME: case GUMBO_TAG_NOEMBED:
		sim_push(s, tag, FALSE, NULL, 0);
		return sim_text_state(tag);
	default:
		sim_reconstruct(s);
		sim_push(s, tag, FALSE, NULL, 0);
		return TOK_DATA;
	}
}

/* sim_template_end - </template>, the same in every insertion mode */
static void sim_template_end(Sim *s)
{
	for (guint k = s->n; k-- > SIM_ROOTS;)
		if (!s->st[k].foreign && s->st[k].tag == GUMBO_TAG_TEMPLATE) {
			sim_drop(s, k);
			sim_fmt_clear_to_marker(s);
			sim_reset(s);
			return;
		}
}

/* sim_body_end - an end tag "in body" */
static void sim_body_end(Sim *s, guint16 tag)
{
	guint p = tag_props[tag];
	int k;

	if (tag == GUMBO_TAG_BODY || tag == GUMBO_TAG_HTML)
		return;
	if (p & TP_BLOCK_END) {
		if (sim_in_scope(s, tag, SCOPE_PLAIN) >= 0)
			sim_close(s, tag);
		return;
	}
	if (p & TP_FORMATTING) {
		sim_adoption(s, tag);
		return;
	}
	if (p & TP_HEADING) {
		static const guint16 h[] = { GUMBO_TAG_H1, GUMBO_TAG_H2, GUMBO_TAG_H3, GUMBO_TAG_H4,
		                             GUMBO_TAG_H5, GUMBO_TAG_H6 };
		gboolean any = FALSE;
		for (guint i = 0; i < G_N_ELEMENTS(h); i++)
			any = any || sim_in_scope(s, h[i], SCOPE_PLAIN) >= 0;
		if (!any)
			return;
		sim_implied_end_tags(s, GUMBO_TAG_LAST);
		for (guint j = s->n; j-- > SIM_ROOTS;)
			if (tp(&s->st[j]) & TP_HEADING) {
				sim_drop(s, j);
				break;
			}
		return;
	}
	switch (tag) {
	case GUMBO_TAG_FORM:
		if (!sim_has_template(s))
			s->form = FALSE;
		if ((k = sim_in_scope(s, GUMBO_TAG_FORM, SCOPE_PLAIN)) >= SIM_ROOTS) {
			sim_implied_end_tags(s, GUMBO_TAG_LAST);
			if ((k = sim_stack_index(s, s->st[k].id)) >= SIM_ROOTS)
				sim_remove(s, k);
		}
		return;
	case GUMBO_TAG_P:
		if (sim_in_scope(s, GUMBO_TAG_P, SCOPE_BUTTON) < 0)
			sim_touch(s, 1);
		else
			sim_close(s, GUMBO_TAG_P);
		return;
	case GUMBO_TAG_LI:
		if (sim_in_scope(s, GUMBO_TAG_LI, SCOPE_LIST) >= 0)
			sim_close(s, GUMBO_TAG_LI);
		return;
	case GUMBO_TAG_DD: case GUMBO_TAG_DT:
		if (sim_in_scope(s, tag, SCOPE_PLAIN) >= 0)
			sim_close(s, tag);
		return;
	case GUMBO_TAG_APPLET: case GUMBO_TAG_MARQUEE: case GUMBO_TAG_OBJECT:
		if (sim_in_scope(s, tag, SCOPE_TABLE) >= 0) {
			sim_close(s, tag);
			sim_fmt_clear_to_marker(s);
		}
		return;
	case GUMBO_TAG_BR:
		sim_reconstruct(s);
		sim_touch(s, 1);
		return;
	default:
		break;
	}
	/* any other end tag: the nearest element of that name, unless a special one comes first */
	for (guint j = s->n; j-- > 0;) {
		const SimEl *e = &s->st[j];
		if (!e->foreign && e->tag == tag) {
			sim_implied_end_tags(s, tag);
			sim_pop_to(s, j);
			return;
		}
		if (sim_special(e))
			return;
	}
}

static void sim_close_cell(Sim *s)
{
	s->mode = 0;
	sim_implied_end_tags(s, GUMBO_TAG_LAST);
	for (guint k = s->n; k-- > SIM_ROOTS;)
		if (!s->st[k].foreign && (s->st[k].tag == GUMBO_TAG_TD || s->st[k].tag == GUMBO_TAG_TH)) {
			sim_drop(s, k);
			break;
		}
	sim_fmt_clear_to_marker(s);
}

static gboolean sim_table_section_in_scope(const Sim *s)
{
	return sim_in_scope(s, GUMBO_TAG_TBODY, SCOPE_TABLE) >= 0 || sim_in_scope(s, GUMBO_TAG_THEAD, SCOPE_TABLE) >= 0 ||
	       sim_in_scope(s, GUMBO_TAG_TFOOT, SCOPE_TABLE) >= 0;
}

/* sim_end - an end tag; ctx decides the insertion mode as the tree builder's
 * "reset the insertion mode" would */
static void sim_end(Sim *s, const SimTag *t)
{
	guint16 tag = t->tag;
	const SimEl *top = &s->st[s->n - 1];
	int k;

	if (top->foreign) {
		for (guint j = s->n; j-- > 0 && s->st[j].foreign;)
			if (s->st[j].nlen == t->nlen && g_ascii_strncasecmp(s->st[j].name, t->name, t->nlen) == 0) {
				sim_pop_to(s, j);
				return;
			}
	}
	if (tag == GUMBO_TAG_TEMPLATE) {
		sim_template_end(s);
		return;
	}
	switch (sim_ctx(s)) {
	case GUMBO_TAG_TEMPLATE:
		/* a template whose mode is not decided yet: only the end tags of
		 * the head elements in it count */
		if (sim_top_is(s, tag))
			sim_pop_to(s, s->n - 1);
		return;
	case GUMBO_TAG_TD: case GUMBO_TAG_TH:
		switch (tag) {
		case GUMBO_TAG_TD: case GUMBO_TAG_TH:
			if (sim_in_scope(s, tag, SCOPE_TABLE) >= 0) {
				sim_implied_end_tags(s, GUMBO_TAG_LAST);
				sim_pop_until(s, tag);
				sim_fmt_clear_to_marker(s);
			}
			return;
		case GUMBO_TAG_BODY: case GUMBO_TAG_CAPTION: case GUMBO_TAG_COL: case GUMBO_TAG_COLGROUP:
		case GUMBO_TAG_HTML:
			return;
		case GUMBO_TAG_TABLE: case GUMBO_TAG_TBODY: case GUMBO_TAG_TFOOT: case GUMBO_TAG_THEAD:
		case GUMBO_TAG_TR:
			if (sim_in_scope(s, tag, SCOPE_TABLE) >= 0) {
				sim_close_cell(s);
				sim_end(s, t);
			}
			return;
		default:
			sim_body_end(s, tag);
			return;
		}
	case GUMBO_TAG_CAPTION:
		if (tag == GUMBO_TAG_CAPTION || tag == GUMBO_TAG_TABLE) {
			if (sim_in_scope(s, GUMBO_TAG_CAPTION, SCOPE_TABLE) >= 0) {
				sim_implied_end_tags(s, GUMBO_TAG_LAST);
				sim_pop_until(s, GUMBO_TAG_CAPTION);
				sim_fmt_clear_to_marker(s);
				s->mode = 0;
				if (tag == GUMBO_TAG_TABLE)
					sim_end(s, t);
			}
			return;
		}
		if ((tag_props[tag] & TP_TABLE_PART) || tag == GUMBO_TAG_BODY || tag == GUMBO_TAG_HTML)
			return;
		sim_body_end(s, tag);
		return;
	case GUMBO_TAG_SELECT: {
		gboolean in_table = (k = sim_in_scope(s, GUMBO_TAG_SELECT, SCOPE_SELECT)) > 0 &&
		                    s->st[k - 1].ctx != GUMBO_TAG_BODY && s->st[k - 1].ctx != GUMBO_TAG_HTML;
		if (tag == GUMBO_TAG_OPTGROUP) {
			if (sim_top_is(s, GUMBO_TAG_OPTION) && s->n > 1 && !s->st[s->n - 2].foreign &&
			    s->st[s->n - 2].tag == GUMBO_TAG_OPTGROUP)
				sim_pop_to(s, s->n - 1);
			if (sim_top_is(s, GUMBO_TAG_OPTGROUP))
				sim_pop_to(s, s->n - 1);
		} else if (tag == GUMBO_TAG_OPTION) {
			if (sim_top_is(s, GUMBO_TAG_OPTION))
				sim_pop_to(s, s->n - 1);
		} else if (tag == GUMBO_TAG_SELECT) {
			if (k >= SIM_ROOTS) {
				sim_pop_to(s, k);
				sim_reset(s);
			}
		} else if (in_table && (tag == GUMBO_TAG_TABLE || ((tag_props[tag] & TP_TABLE_PART) &&
		                                                  tag != GUMBO_TAG_COL && tag != GUMBO_TAG_COLGROUP))) {
			if (sim_in_scope(s, tag, SCOPE_TABLE) >= 0) {
				sim_pop_until(s, GUMBO_TAG_SELECT);
				sim_reset(s);
				sim_end(s, t);
			}
		} else if (tag == GUMBO_TAG_SCRIPT && sim_top_is(s, GUMBO_TAG_SCRIPT)) {
			sim_pop_to(s, s->n - 1);
		}
		return;
	}
	case GUMBO_TAG_COLGROUP:
		if (tag == GUMBO_TAG_COL)
			return;
		if (sim_top_is(s, GUMBO_TAG_COLGROUP)) {
			sim_pop_to(s, s->n - 1);
			if (tag != GUMBO_TAG_COLGROUP)
				sim_end(s, t);
		}
		return;
	case GUMBO_TAG_TR:
		if (tag == GUMBO_TAG_TR || tag == GUMBO_TAG_TABLE || tag == GUMBO_TAG_TBODY ||
		    tag == GUMBO_TAG_TFOOT || tag == GUMBO_TAG_THEAD) {
			if (sim_in_scope(s, GUMBO_TAG_TR, SCOPE_TABLE) >= 0 &&
			    (tag == GUMBO_TAG_TR || tag == GUMBO_TAG_TABLE || sim_in_scope(s, tag, SCOPE_TABLE) >= 0)) {
				sim_clear_to(s, GUMBO_TAG_TR, GUMBO_TAG_TR, GUMBO_TAG_TR);
				sim_pop_to(s, s->n - 1);
				if (tag != GUMBO_TAG_TR)
					sim_end(s, t);
			}
			return;
		}
		if ((tag_props[tag] & TP_TABLE_PART) || tag == GUMBO_TAG_BODY || tag == GUMBO_TAG_HTML)
			return;
		goto in_table;
	case GUMBO_TAG_TBODY: case GUMBO_TAG_THEAD: case GUMBO_TAG_TFOOT:
		if (tag == GUMBO_TAG_TBODY || tag == GUMBO_TAG_THEAD || tag == GUMBO_TAG_TFOOT) {
			if (sim_in_scope(s, tag, SCOPE_TABLE) >= 0) {
				sim_clear_to(s, GUMBO_TAG_TBODY, GUMBO_TAG_THEAD, GUMBO_TAG_TFOOT);
				sim_pop_to(s, s->n - 1);
			}
			return;
		}
		if (tag == GUMBO_TAG_TABLE) {
			if (sim_table_section_in_scope(s)) {
				sim_clear_to(s, GUMBO_TAG_TBODY, GUMBO_TAG_THEAD, GUMBO_TAG_TFOOT);
				sim_pop_to(s, s->n - 1);
				sim_end(s, t);
			}
			return;
		}
		if ((tag_props[tag] & TP_TABLE_PART) || tag == GUMBO_TAG_BODY || tag == GUMBO_TAG_HTML)
			return;
		goto in_table;
	case GUMBO_TAG_TABLE:
	in_table:
		if (tag == GUMBO_TAG_TABLE) {
			if ((k = sim_in_scope(s, GUMBO_TAG_TABLE, SCOPE_TABLE)) >= 0) {
				sim_pop_to(s, k);
				sim_reset(s);
			}
			return;
		}
		if ((tag_props[tag] & TP_TABLE_PART) || tag == GUMBO_TAG_BODY || tag == GUMBO_TAG_HTML)
			return;
		sim_body_end(s, tag);
		return;
	default:
		sim_body_end(s, tag);
		return;
	}
}

/* sim_table_start - a start tag "in table" (also what table bodies and
 * rows pass on) */
static int sim_table_start(Sim *s, const SimTag *t)
{
	int k;

	switch (t->tag) {
	case GUMBO_TAG_CAPTION:
		sim_clear_to(s, GUMBO_TAG_TABLE, GUMBO_TAG_TABLE, GUMBO_TAG_TABLE);
		sim_fmt_add(s, t->tag, 0, NULL, 0);
		sim_push(s, t->tag, FALSE, NULL, 0);
		return TOK_DATA;
	case GUMBO_TAG_COLGROUP: case GUMBO_TAG_TBODY: case GUMBO_TAG_TFOOT: case GUMBO_TAG_THEAD:
		sim_clear_to(s, GUMBO_TAG_TABLE, GUMBO_TAG_TABLE, GUMBO_TAG_TABLE);
		sim_push(s, t->tag, FALSE, NULL, 0);
		return TOK_DATA;
	case GUMBO_TAG_COL:
		sim_clear_to(s, GUMBO_TAG_TABLE, GUMBO_TAG_TABLE, GUMBO_TAG_TABLE);
		sim_push(s, GUMBO_TAG_COLGROUP, FALSE, NULL, 0);
		return sim_start(s, t);
	case GUMBO_TAG_TD: case GUMBO_TAG_TH: case GUMBO_TAG_TR:
		sim_clear_to(s, GUMBO_TAG_TABLE, GUMBO_TAG_TABLE, GUMBO_TAG_TABLE);
		sim_push(s, GUMBO_TAG_TBODY, FALSE, NULL, 0);
		return sim_start(s, t);
	case GUMBO_TAG_TABLE:
		if ((k = sim_in_scope(s, GUMBO_TAG_TABLE, SCOPE_TABLE)) < SIM_ROOTS)
			return TOK_DATA;
		sim_pop_to(s, k);
		sim_reset(s);
		return sim_start(s, t);
	case GUMBO_TAG_STYLE: case GUMBO_TAG_SCRIPT:
		sim_push(s, t->tag, FALSE, NULL, 0);
		return sim_text_state(t->tag);
	case GUMBO_TAG_FORM:
		if (s->form || sim_has_template(s))
			return TOK_DATA;
		s->form = TRUE;
		sim_touch(s, 1);
		return TOK_DATA;
	default:
		return sim_body_start(s, t);   /* foster parenting: the same on the stack */
	}
}

/* sim_start - a start tag; returns the TOK_* state the tokenizer goes on in */
static int sim_start(Sim *s, const SimTag *t)
{
	guint16 tag = t->tag;
	const SimEl *top;
	int k;

	if (s->over)
		return TOK_DATA;
	top = &s->st[s->n - 1];
	if (top->foreign && !((top->ip == SIM_IP_MATHML_TEXT && tag != GUMBO_TAG_MGLYPH &&
	                       tag != GUMBO_TAG_MALIGNMARK) ||
	                      (top->ip == SIM_IP_ANNOTATION && tag == GUMBO_TAG_SVG) || top->ip == SIM_IP_HTML)) {
		/* SVG / MathML content: HTML tags end it, others nest */
		if (breakout[tag] || (tag == GUMBO_TAG_FONT && (attr_has(t, "color") || attr_has(t, "face") ||
		                                                attr_has(t, "size")))) {
			do
				sim_drop(s, s->n - 1);
			while (s->st[s->n - 1].foreign && s->st[s->n - 1].ip != SIM_IP_MATHML_TEXT &&
			       s->st[s->n - 1].ip != SIM_IP_HTML);
			return sim_start(s, t);
		}
		sim_push_foreign(s, t, top->foreign);
		return TOK_DATA;
	}
	if (tag == GUMBO_TAG_TEMPLATE) {
		sim_push(s, tag, FALSE, NULL, 0);
		sim_fmt_add(s, tag, 0, NULL, 0);
		return TOK_DATA;
	}
	switch (sim_ctx(s)) {
	case GUMBO_TAG_TEMPLATE:
		/* the first start tag in a template that is not for the head
		 * decides the mode its content is read in (the template's ctx) */
		switch (tag) {
		case GUMBO_TAG_BASE: case GUMBO_TAG_BASEFONT: case GUMBO_TAG_BGSOUND: case GUMBO_TAG_LINK:
		case GUMBO_TAG_META: case GUMBO_TAG_NOFRAMES: case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE:
		case GUMBO_TAG_TITLE:
			return sim_body_start(s, t);
		default:
			break;
		}
		for (guint j = s->n; j-- > 0;)
			if (!s->st[j].foreign && s->st[j].tag == GUMBO_TAG_TEMPLATE) {
				guint16 mode = GUMBO_TAG_BODY;
				if (tag == GUMBO_TAG_CAPTION || tag == GUMBO_TAG_COLGROUP || tag == GUMBO_TAG_TBODY ||
				    tag == GUMBO_TAG_TFOOT || tag == GUMBO_TAG_THEAD)
					mode = GUMBO_TAG_TABLE;
				else if (tag == GUMBO_TAG_COL)
					mode = GUMBO_TAG_COLGROUP;
				else if (tag == GUMBO_TAG_TR)
					mode = GUMBO_TAG_TBODY;
				else if (tag == GUMBO_TAG_TD || tag == GUMBO_TAG_TH)
					mode = GUMBO_TAG_TR;
				for (guint k = j; k < s->n; k++)
					s->st[k].ctx = mode;
				return sim_start(s, t);
			}
		return sim_body_start(s, t);
	case GUMBO_TAG_TD: case GUMBO_TAG_TH:
		if (tag_props[tag] & TP_TABLE_PART) {
			if (sim_in_scope(s, GUMBO_TAG_TD, SCOPE_TABLE) < 0 && sim_in_scope(s, GUMBO_TAG_TH, SCOPE_TABLE) < 0)
				return TOK_DATA;
			sim_close_cell(s);
			return sim_start(s, t);
		}
		return sim_body_start(s, t);
	case GUMBO_TAG_CAPTION:
		if (tag_props[tag] & TP_TABLE_PART) {
			if (sim_in_scope(s, GUMBO_TAG_CAPTION, SCOPE_TABLE) < 0)
				return TOK_DATA;
			sim_implied_end_tags(s, GUMBO_TAG_LAST);
			sim_pop_until(s, GUMBO_TAG_CAPTION);
			sim_fmt_clear_to_marker(s);
			s->mode = 0;
			return sim_start(s, t);
		}
		return sim_body_start(s, t);
	case GUMBO_TAG_SELECT: {
		gboolean in_table = (k = sim_in_scope(s, GUMBO_TAG_SELECT, SCOPE_SELECT)) > 0 &&
		                    s->st[k - 1].ctx != GUMBO_TAG_BODY && s->st[k - 1].ctx != GUMBO_TAG_HTML;
		switch (tag) {
		case GUMBO_TAG_OPTION:
			if (sim_top_is(s, GUMBO_TAG_OPTION))
				sim_pop_to(s, s->n - 1);
			sim_push(s, tag, FALSE, NULL, 0);
			return TOK_DATA;
		case GUMBO_TAG_OPTGROUP:
			if (sim_top_is(s, GUMBO_TAG_OPTION))
				sim_pop_to(s, s->n - 1);
			if (sim_top_is(s, GUMBO_TAG_OPTGROUP))
				sim_pop_to(s, s->n - 1);
			sim_push(s, tag, FALSE, NULL, 0);
			return TOK_DATA;
		case GUMBO_TAG_SELECT:
			if (k >= SIM_ROOTS) {
				sim_pop_to(s, k);
				sim_reset(s);
			}
			return TOK_DATA;
		case GUMBO_TAG_INPUT: case GUMBO_TAG_KEYGEN: case GUMBO_TAG_TEXTAREA:
			if (k < SIM_ROOTS)
				return TOK_DATA;
			sim_pop_to(s, k);
			sim_reset(s);
			return sim_start(s, t);
		case GUMBO_TAG_SCRIPT:
			sim_push(s, tag, FALSE, NULL, 0);
			return TOK_SCRIPT;
		default:
			if (in_table && (tag == GUMBO_TAG_TABLE || ((tag_props[tag] & TP_TABLE_PART) &&
			                                           tag != GUMBO_TAG_COL && tag != GUMBO_TAG_COLGROUP))) {
				sim_pop_until(s, GUMBO_TAG_SELECT);
				sim_reset(s);
				return sim_start(s, t);
			}
			return TOK_DATA;
		}
	}
	case GUMBO_TAG_COLGROUP:
		if (tag == GUMBO_TAG_COL) {
			sim_touch(s, 1);
			return TOK_DATA;
		}
		if (!sim_top_is(s, GUMBO_TAG_COLGROUP))
			return TOK_DATA;
		sim_pop_to(s, s->n - 1);
		return sim_start(s, t);
	case GUMBO_TAG_TR:
		if (tag == GUMBO_TAG_TD || tag == GUMBO_TAG_TH) {
			int at;
			sim_clear_to(s, GUMBO_TAG_TR, GUMBO_TAG_TR, GUMBO_TAG_TR);
			at = sim_push(s, tag, FALSE, NULL, 0);
			if (at >= 0)
				sim_fmt_add(s, tag, 0, NULL, 0);
			return TOK_DATA;
		}
		if (tag_props[tag] & TP_TABLE_PART) {
			if (sim_in_scope(s, GUMBO_TAG_TR, SCOPE_TABLE) < 0)
				return TOK_DATA;
			sim_clear_to(s, GUMBO_TAG_TR, GUMBO_TAG_TR, GUMBO_TAG_TR);
			sim_pop_to(s, s->n - 1);
			return sim_start(s, t);
		}
		return sim_table_start(s, t);
	case GUMBO_TAG_TBODY: case GUMBO_TAG_THEAD: case GUMBO_TAG_TFOOT:
		if (tag == GUMBO_TAG_TR || tag == GUMBO_TAG_TD || tag == GUMBO_TAG_TH) {
			sim_clear_to(s, GUMBO_TAG_TBODY, GUMBO_TAG_THEAD, GUMBO_TAG_TFOOT);
			if (tag == GUMBO_TAG_TR) {
				sim_push(s, tag, FALSE, NULL, 0);
				return TOK_DATA;
			}
			sim_push(s, GUMBO_TAG_TR, FALSE, NULL, 0);
			return sim_start(s, t);
		}
		if (tag_props[tag] & TP_TABLE_PART) {
			if (!sim_table_section_in_scope(s))
				return TOK_DATA;
			sim_clear_to(s, GUMBO_TAG_TBODY, GUMBO_TAG_THEAD, GUMBO_TAG_TFOOT);
			sim_pop_to(s, s->n - 1);
			return sim_start(s, t);
		}
		return sim_table_start(s, t);
	case GUMBO_TAG_TABLE:
		return sim_table_start(s, t);
	default:
		return sim_body_start(s, t);
	}
}

/* sim_text - character data: reopens formatting elements where the tree
 * builder inserts text into the body (tables keep whitespace to themselves) */
static void sim_text(Sim *s, gboolean blank)
{
	const SimEl *top = &s->st[s->n - 1];

	if (s->over || (top->foreign && top->ip != SIM_IP_MATHML_TEXT && top->ip != SIM_IP_HTML))
		return;
	switch (sim_ctx(s)) {
	case GUMBO_TAG_SELECT: case GUMBO_TAG_TEMPLATE:
		return;
	case GUMBO_TAG_COLGROUP:
		if (blank || !sim_top_is(s, GUMBO_TAG_COLGROUP))
			return;
		sim_pop_to(s, s->n - 1);
		sim_text(s, blank);
		return;
	case GUMBO_TAG_TABLE: case GUMBO_TAG_TBODY: case GUMBO_TAG_THEAD: case GUMBO_TAG_TFOOT: case GUMBO_TAG_TR:
		if (!blank)
			sim_reconstruct(s);
		return;
	default:
		sim_reconstruct(s);
	}
}

/* ---- the pre-scan: tokens as the HTML5 tokenizer reads them -------------- */

/* at_tag - s + p starts "<name" or "</name" (close) followed by a character
 * that ends a tag name, as the tokenizer's "appropriate end tag" needs */
static gboolean at_tag(const char *s, gsize n, gsize p, const char *name, gboolean close)
{
	gsize l = strlen(name), q = p + 1 + (close ? 1 : 0);

	if (q + l >= n || s[p] != '<' || (close && s[p + 1] != '/'))
		return FALSE;
	if (g_ascii_strncasecmp(s + q, name, l) != 0)
		return FALSE;
	return html_space(s[q + l]) || s[q + l] == '/' || s[q + l] == '>';
}

/* skip_comment - end of the comment that starts at p ("<!--"): "<!-->",
 * "<!--->", "-->" and "--!>" end one */
static gsize skip_comment(const char *s, gsize n, gsize p)
{
	p += 4;
	if (p < n && s[p] == '>')
		return p + 1;
	if (p + 1 < n && s[p] == '-' && s[p + 1] == '>')
		return p + 2;
	for (;;) {
		const char *d = p < n ? memchr(s + p, '-', n - p) : NULL;
		if (d == NULL)
			return n;
		p = d - s;
		if (p + 2 < n && s[p + 1] == '-' && s[p + 2] == '>')
			return p + 3;
		if (p + 3 < n && s[p + 1] == '-' && s[p + 2] == '!' && s[p + 3] == '>')
			return p + 4;
		p++;
	}
}

/* skip_text - where the text of a rawtext / RCDATA element (name) ends: its end tag */
static gsize skip_text(const char *s, gsize n, gsize p, const char *name)
{
	while (p < n) {
		const char *q = memchr(s + p, '<', n - p);
		if (q == NULL)
			return n;
		p = q - s;
		if (at_tag(s, n, p, name, TRUE))
			return p;
		p++;
	}
	return n;
}

/* Script data: plain, inside "<!--" (escaped), inside a <script> in there. */
enum { SCRIPT_PLAIN, SCRIPT_ESCAPED, SCRIPT_DOUBLE };

/* skip_script - where a <script>'s text ends, with the tokenizer's escape
 * states (a "</script>" inside "<!--<script>" does not end it) */
static gsize skip_script(const char *s, gsize n, gsize p)
{
	int state = SCRIPT_PLAIN;

	while (p < n) {
		if (s[p] == '<') {
			if (state != SCRIPT_DOUBLE && at_tag(s, n, p, "script", TRUE))
				return p;
			if (state == SCRIPT_PLAIN && p + 3 < n && memcmp(s + p, "<!--", 4) == 0) {
				state = SCRIPT_ESCAPED;
				p += 2;
				continue;
			}
			if (state == SCRIPT_ESCAPED && at_tag(s, n, p, "script", FALSE)) {
				state = SCRIPT_DOUBLE;
				p += 7;
				continue;
			}
			if (state == SCRIPT_DOUBLE && at_tag(s, n, p, "script", TRUE)) {
				state = SCRIPT_ESCAPED;
				p += 8;
				continue;
			}
		} else if (s[p] == '-' && state != SCRIPT_PLAIN && p + 2 < n && s[p + 1] == '-' && s[p + 2] == '>') {
			state = SCRIPT_PLAIN;
			p += 3;
			continue;
		}
		p++;
	}
	return n;
}

/* tag_end - the '>' ending the tag whose name ends at p, past quoted
 * attribute values; n at the end of input (the tokenizer drops the tag) */
static gsize tag_end(const char *s, gsize n, gsize p, gboolean *self_closing)
{
	*self_closing = FALSE;
	for (;;) {
		while (p < n && html_space(s[p]))
			p++;
		if (p >= n || s[p] == '>')
			return p;
		if (s[p] == '/') {
			p++;
			if (p < n && s[p] == '>') {
				*self_closing = TRUE;
				return p;
			}
			continue;
		}
		p++;       /* the first character of a name may be anything, '=' too */
		while (p < n && !html_space(s[p]) && s[p] != '/' && s[p] != '>' && s[p] != '=')
			p++;
		while (p < n && html_space(s[p]))
			p++;
		if (p >= n || s[p] != '=')
			continue;
		p++;
		while (p < n && html_space(s[p]))
			p++;
		if (p < n && (s[p] == '"' || s[p] == '\'')) {
			const char *q = memchr(s + p + 1, s[p], n - p - 1);
			if (q == NULL)
				return n;
			p = q - s + 1;
		} else {
			while (p < n && !html_space(s[p]) && s[p] != '>')
				p++;
		}
	}
}

/* Longest tag name looked up; a longer one is no element gumbo knows. */
enum { TAG_NAME_MAX = 16 };

/* prescan - where to cut the document so gumbo stays within depth and node
 * bounds (the estimated depth of gumbo's tree to *peak, SIM_MAX + 1 when
 * the document is cut for depth or unsafe markup); the content of each <style> is appended to sheets
 * (bounded).  Tags, comments and text are read as the HTML5 tokenizer
 * reads them and fed to a model of the tree builder's stack of open
 * elements (Sim) that never expects a shallower tree than gumbo's. */
gsize html_prescan(const char *s, gsize n, guint max_nodes, Facts *f, GString *sheets, guint *peak)
{
	Sim *sim = g_new0(Sim, 1);
	guint tags = 0;
	gsize i = 0, cut = n;

	sim_push(sim, GUMBO_TAG_HTML, FALSE, NULL, 0);
	sim_push(sim, GUMBO_TAG_BODY, FALSE, NULL, 0);
	while (i < n) {
		const char *lt = memchr(s + i, '<', n - i);
		gsize j, k, gt, text_from = i;
		gboolean close = FALSE, blank = TRUE;
		char lower[TAG_NAME_MAX + 1];
		SimTag t = { 0 };
		int state;

		for (gsize p = i; p < (lt ? (gsize)(lt - s) : n) && blank; p++)
			blank = html_space(s[p]);
		if ((lt ? (gsize)(lt - s) : n) > i) {
			sim_text(sim, blank);
			if (sim->over) {
				cut = text_from;
				break;
			}
		}
		if (lt == NULL)
			break;
		i = lt - s;
		if (i + 1 >= n)
			break;
		if (s[i + 1] == '!' || s[i + 1] == '?') {
			const char *e;
			if (i + 3 < n && memcmp(s + i, "<!--", 4) == 0) {
				i = skip_comment(s, n, i);
				continue;
			}
			if (sim->st[sim->n - 1].foreign && i + 9 <= n && memcmp(s + i, "<![CDATA[", 9) == 0) {
				e = g_strstr_len(s + i + 9, n - i - 9, "]]>");
				i = e ? (gsize)(e - s) + 3 : n;
				continue;
			}
			e = memchr(s + i + 1, '>', n - i - 1);   /* a bogus comment, or the doctype */
			i = e ? (gsize)(e - s) + 1 : n;
			continue;
		}
		j = i + 1;
		if (s[j] == '/') {
			close = TRUE;
			j++;
			if (j >= n)
				break;
			if (s[j] == '>') {
				i = j + 1;
				continue;
			}
			if (!g_ascii_isalpha(s[j])) {
				const char *e = memchr(s + j, '>', n - j);
				i = e ? (gsize)(e - s) + 1 : n;
				continue;
			}
		} else if (!g_ascii_isalpha(s[j])) {
			i++;
			sim_text(sim, FALSE);
			continue;
		}
		for (k = j; k < n && !html_space(s[k]) && s[k] != '/' && s[k] != '>'; k++)
			if (k - j < TAG_NAME_MAX)
				lower[k - j] = g_ascii_tolower(s[k]);
		gt = tag_end(s, n, k, &t.self_closing);
		if (gt >= n)
			break;
		if (++tags > max_nodes) {
			facts_add_anomaly(f, "limit", "html-nodes");
			cut = i;
			break;
		}
		t.tag = k - j <= TAG_NAME_MAX ? gumbo_tagn_enum(lower, k - j) : GUMBO_TAG_UNKNOWN;
		t.name = s + j;
		t.nlen = k - j;
		t.attrs = s + k;
		t.alen = gt - k;
		if (close) {
			sim_end(sim, &t);
			state = TOK_DATA;
		} else {
			state = sim_start(sim, &t);
		}
		if (sim->over || sim->trap) {
			cut = i;
			break;
		}
		i = gt + 1;
		if (close)
			continue;
		if (t.tag == GUMBO_TAG_STYLE) {
			gsize p = skip_text(s, n, i, "style");
			if (sheets->len < HTML_MAX_CSS_BYTES) {
				g_string_append_len(sheets, s + i, MIN(p - i, HTML_MAX_CSS_BYTES - sheets->len));
				g_string_append_c(sheets, '\n');
			}
		}
		if (state == TOK_PLAINTEXT) {
			gboolean blank = TRUE;
			for (gsize p = i; p < n && blank; p++)
				blank = html_space(s[p]);
			if (i < n)
				sim_text(sim, blank);
			if (sim->over)
				cut = i;
			break;
		}
		if (state == TOK_SCRIPT)
			i = skip_script(s, n, i);
		else if (state != TOK_DATA)
			i = skip_text(s, n, i, gumbo_normalized_tagname(t.tag));
	}
	if (sim->over)
		facts_add_anomaly(f, "limit", "html-depth");
	if (sim->trap)
		facts_add_anomaly(f, "limit", "html-markup");
	if (peak != NULL)
		*peak = sim->over || sim->trap ? SIM_MAX + 1 : sim->peak;
	g_free(sim);
	return cut;
}

/* html_depth_estimate - see html_prescan.h */
guint html_depth_estimate(const char *html, gsize len)
{
	Facts *f = facts_new();
	GString *sheets = g_string_new(NULL);
	guint peak;

	html_prescan(html, len, G_MAXUINT, f, sheets, &peak);
	g_string_free(sheets, TRUE);
	facts_free(f);
	return peak;
}
