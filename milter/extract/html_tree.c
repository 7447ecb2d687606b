/*
 * html_tree.c - the HTML5 tree builder's stack of open elements and list
 * of active formatting elements, as gumbo (libgumbo 0.10.1) runs them:
 * pushing and closing elements, scopes, implied end tags, reconstructing
 * formatting elements and the adoption agency.  Never a shallower tree
 * than gumbo builds.
 *
 * In:  the calls of the tag handling (html_tags.c) on one HtmlTree.
 * Out: the HtmlTree's stack, its deepest element (peak) and whether more
 *      than SIM_MAX elements would be open (over).  No allocation.
 */
#include <string.h>
#include "extract/html_tree.h"

/* html_tree_props - see html_tree.h */
const guint16 html_tree_props[GUMBO_TAG_LAST + 1] = {
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


/* html_tree_push - open an element as a child of the current node (foster
 * parenting puts it higher, which the depth bounds); returns its index,
 * or -1 beyond SIM_MAX */
int html_tree_push(HtmlTree *s, guint16 tag, guint8 foreign, const char *name, guint32 nlen)
{
	HtmlTreeEl *e;

	html_tree_touch(s, 1);
	if (s->n > SIM_MAX)
		s->over = TRUE;
	if (s->over)
		return -1;
	e = &s->st[s->n];
	e->tag = tag;
	e->foreign = foreign;
	e->ip = SIM_IP_NONE;
	e->ctx = !foreign && (html_tree_props[tag] & TP_CONTEXT) ? tag : s->n > 0 ? s->st[s->n - 1].ctx : GUMBO_TAG_HTML;
	if (!foreign && (html_tree_props[tag] & TP_CONTEXT))
		s->mode = 0;
	e->id = ++s->ids;
	e->name = name;
	e->nlen = nlen;
	e->dom = e->sub = (s->n > 0 ? s->st[s->n - 1].dom : 0) + 1;
	return (int)s->n++;
}

/* html_tree_drop - close the elements from index k up; what was under them is
 * under the element below */
void html_tree_drop(HtmlTree *s, guint k)
{
	guint deepest = 0;

	for (guint j = k; j < s->n; j++)
		deepest = MAX(deepest, s->st[j].sub);
	if (k > 0)
		s->st[k - 1].sub = MAX(s->st[k - 1].sub, deepest);
	s->n = MIN(s->n, k);
}

/* html_tree_reset - "reset the insertion mode appropriately" as gumbo does it:
 * the nearest element whose tag sets a mode, whatever its namespace */
void html_tree_reset(HtmlTree *s)
{
	s->mode = 0;
	for (guint k = s->n; k-- > 0;) {
		const HtmlTreeEl *e = &s->st[k];
		if (html_tree_props[e->tag] & TP_CONTEXT) {
			if (e->foreign) {
				s->mode = e->tag;
				s->trap = TRUE;
			}
			return;
		}
	}
}

static int sim_fmt_index(const HtmlTree *s, guint32 id)
{
	for (guint k = s->nfmt; k-- > 0;)
		if (s->fmt[k].id == id)
			return (int)k;
	return -1;
}

void html_tree_fmt_remove(HtmlTree *s, guint k)
{
	memmove(&s->fmt[k], &s->fmt[k + 1], (s->nfmt - k - 1) * sizeof s->fmt[0]);
	s->nfmt--;
}

/* html_tree_remove - take the element at index k off the stack (the elements
 * above it keep their context: only table parts and select set one, and
 * the tree builder never removes those from the middle) */
void html_tree_remove(HtmlTree *s, guint k)
{
	if (k > 0)
		s->st[k - 1].sub = MAX(s->st[k - 1].sub, s->st[k].sub);
	memmove(&s->st[k], &s->st[k + 1], (s->n - k - 1) * sizeof s->st[0]);
	s->n--;
}

void html_tree_pop_to(HtmlTree *s, guint k)
{
	if (k >= SIM_ROOTS && k < s->n)
		html_tree_drop(s, k);
}

/* html_tree_fmt_add - a formatting element (or a marker, id 0) to the list, after
 * dropping the earliest of SIM_NOAH identical ones */
void html_tree_fmt_add(HtmlTree *s, guint16 tag, guint32 id, const char *attrs, guint32 alen)
{
	guint same = 0, earliest = 0;

	if (id != 0) {
		for (guint k = s->nfmt; k-- > 0 && s->fmt[k].id != 0;) {
			const HtmlTreeFmt *e = &s->fmt[k];
			if (e->tag == tag && e->alen == alen && memcmp(e->attrs, attrs, alen) == 0)
				same++, earliest = k;
		}
		if (same >= SIM_NOAH)
			html_tree_fmt_remove(s, earliest);
	}
	if (s->nfmt == SIM_FMT_MAX) {
		s->over = TRUE;
		return;
	}
	s->fmt[s->nfmt++] = (HtmlTreeFmt){ tag, id, attrs, alen };
}

void html_tree_fmt_clear_to_marker(HtmlTree *s)
{
	while (s->nfmt > 0 && s->fmt[--s->nfmt].id != 0)
		;
}

/* html_tree_reconstruct - reopen the formatting elements after the last marker
 * that are no longer open */
void html_tree_reconstruct(HtmlTree *s)
{
	guint k;

	if (s->nfmt == 0)
		return;
	k = s->nfmt - 1;
	if (s->fmt[k].id == 0 || html_tree_stack_index(s, s->fmt[k].id) >= 0)
		return;
	while (k > 0 && s->fmt[k - 1].id != 0 && html_tree_stack_index(s, s->fmt[k - 1].id) < 0)
		k--;
	for (; k < s->nfmt && !s->over; k++) {
		int at = html_tree_push(s, s->fmt[k].tag, FALSE, NULL, 0);
		if (at >= 0)
			s->fmt[k].id = s->st[at].id;
	}
}


/* html_tree_in_scope - index of the topmost HTML element tag in the given scope, or -1 */
int html_tree_in_scope(const HtmlTree *s, guint16 tag, int scope)
{
	for (guint k = s->n; k-- > 0;) {
		const HtmlTreeEl *e = &s->st[k];
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
		if (html_tree_props[e->tag] & (e->foreign == SIM_MATHML ? TP_MATHML_SCOPE :
		                         e->foreign == SIM_SVG ? TP_SVG_SCOPE : TP_SCOPE))
			return -1;
		if (!e->foreign && ((scope == SCOPE_LIST && (e->tag == GUMBO_TAG_OL || e->tag == GUMBO_TAG_UL)) ||
		                    (scope == SCOPE_BUTTON && e->tag == GUMBO_TAG_BUTTON)))
			return -1;
	}
	return -1;
}

void html_tree_implied_end_tags(HtmlTree *s, guint16 except)
{
	while (s->n > SIM_ROOTS && (html_tree_tp(&s->st[s->n - 1]) & TP_IMPLIED) && s->st[s->n - 1].tag != except)
		html_tree_drop(s, s->n - 1);
}

/* html_tree_close - generate implied end tags, then pop up to the topmost HTML tag */
void html_tree_close(HtmlTree *s, guint16 tag)
{
	html_tree_implied_end_tags(s, tag);
	for (guint k = s->n; k-- > SIM_ROOTS;)
		if (!s->st[k].foreign && s->st[k].tag == tag) {
			html_tree_drop(s, k);
			return;
		}
}

void html_tree_close_p(HtmlTree *s)
{
	if (html_tree_in_scope(s, GUMBO_TAG_P, SCOPE_BUTTON) >= 0)
		html_tree_close(s, GUMBO_TAG_P);
}

/* html_tree_adoption - the adoption agency algorithm as gumbo runs it for an end
 * tag of a formatting element */
void html_tree_adoption(HtmlTree *s, guint16 subject)
{
	const HtmlTreeEl *top = &s->st[s->n - 1];

	if (!top->foreign && top->tag == subject && sim_fmt_index(s, top->id) < 0) {
		html_tree_pop_to(s, s->n - 1);
		return;
	}
	for (guint outer = 0; outer < SIM_AAA_OUTER; outer++) {
		int fi = -1, fe, fb = -1, bookmark, idx;
		gboolean last_is_fb = TRUE;
		HtmlTreeFmt fe_entry;

		for (guint k = s->nfmt; k-- > 0 && s->fmt[k].id != 0;)
			if (s->fmt[k].tag == subject) {
				fi = (int)k;
				break;
			}
		if (fi < 0)
			return;
		fe = html_tree_stack_index(s, s->fmt[fi].id);
		if (fe < 0) {
			html_tree_fmt_remove(s, fi);
			return;
		}
		if (html_tree_in_scope(s, subject, SCOPE_PLAIN) < 0)
			return;
		for (guint k = fe + 1; k < s->n; k++)
			if (html_tree_special(&s->st[k])) {
				fb = (int)k;
				break;
			}
		if (fb < 0) {
			html_tree_pop_to(s, fe);
			if (s->n == (guint)fe)
				html_tree_fmt_remove(s, fi);
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
				html_tree_fmt_remove(s, f);
				if (f < bookmark)
					bookmark--;
				continue;
			}
			if (f < 0) {
				html_tree_remove(s, idx);
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
		html_tree_fmt_remove(s, fi);
		fe_entry.id = ++s->ids;
		memmove(&s->fmt[bookmark + 1], &s->fmt[bookmark], (s->nfmt - bookmark) * sizeof s->fmt[0]);
		s->fmt[bookmark] = fe_entry;
		s->nfmt++;
		html_tree_remove(s, fe);
		fb--;
		/* the new element takes the furthest block's children: all
		 * under it (the elements above it on the stack at most) go one deeper */
		memmove(&s->st[fb + 2], &s->st[fb + 1], (s->n - fb - 1) * sizeof s->st[0]);
		s->n++;
		for (guint j = fb + 2; j < s->n; j++) {
			s->st[j].dom++;
			s->st[j].sub++;
			html_tree_reach(s, s->st[j].sub);
		}
		s->st[fb].sub++;
		html_tree_reach(s, s->st[fb].sub);
		s->st[fb + 1] = s->st[fb];
		s->st[fb + 1].tag = subject;
		s->st[fb + 1].id = fe_entry.id;
		s->st[fb + 1].name = NULL;
		s->st[fb + 1].foreign = SIM_HTML;
		s->st[fb + 1].ip = SIM_IP_NONE;
		s->st[fb + 1].dom = s->st[fb].dom + 1;
	}
}

/* html_tree_pop_until - close the topmost HTML element tag and all above it (html and body stay) */
void html_tree_pop_until(HtmlTree *s, guint16 tag)
{
	for (guint k = s->n; k-- > SIM_ROOTS;)
		if (!s->st[k].foreign && s->st[k].tag == tag) {
			html_tree_drop(s, k);
			return;
		}
}

/* html_tree_clear_to - pop up to an HTML element in the TP set given by tags */
void html_tree_clear_to(HtmlTree *s, guint16 a, guint16 b, guint16 c)
{
	s->mode = 0;     /* a switch to a named mode follows */
	while (s->n > SIM_ROOTS) {
		const HtmlTreeEl *e = &s->st[s->n - 1];
		if (!e->foreign && (e->tag == a || e->tag == b || e->tag == c || e->tag == GUMBO_TAG_TEMPLATE ||
		                    e->tag == GUMBO_TAG_HTML))
			return;
		html_tree_drop(s, s->n - 1);
	}
}

/* html_tree_has_template - a <template> is open */
gboolean html_tree_has_template(const HtmlTree *s)
{
	for (guint k = s->n; k-- > 0;)
		if (!s->st[k].foreign && s->st[k].tag == GUMBO_TAG_TEMPLATE)
			return TRUE;
	return FALSE;
}

/* html_tree_close_cell - "close the cell": implied end tags, then up to the td or th */
void html_tree_close_cell(HtmlTree *s)
{
	s->mode = 0;
	html_tree_implied_end_tags(s, GUMBO_TAG_LAST);
	for (guint k = s->n; k-- > SIM_ROOTS;)
		if (!s->st[k].foreign && (s->st[k].tag == GUMBO_TAG_TD || s->st[k].tag == GUMBO_TAG_TH)) {
			html_tree_drop(s, k);
			break;
		}
	html_tree_fmt_clear_to_marker(s);
}

/* html_tree_table_section_in_scope - a tbody, thead or tfoot in table scope */
gboolean html_tree_table_section_in_scope(const HtmlTree *s)
{
	return html_tree_in_scope(s, GUMBO_TAG_TBODY, SCOPE_TABLE) >= 0 || html_tree_in_scope(s, GUMBO_TAG_THEAD, SCOPE_TABLE) >= 0 ||
	       html_tree_in_scope(s, GUMBO_TAG_TFOOT, SCOPE_TABLE) >= 0;
}
