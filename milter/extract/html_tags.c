/*
 * html_tags.c - what the HTML5 tree builder does with each start tag and
 * run of text, by insertion mode (body, tables, select, template, SVG and
 * MathML content), on the model of its stack (html_tree.c); end tags are
 * html_endtag.c's.
 *
 * In:  one tag as the tokenizer read it (HtmlTag), or a run of text.
 * Out: the HtmlTree changed as gumbo's would be; for a start tag, what the
 *      tokenizer reads next (TOK_*).
 */
#include <string.h>
#include "extract/html_tags.h"

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


/* attr_value - the value of attribute name (lower case) in the attribute
 * text of a tag, read as the tokenizer does (the first of a name counts);
 * NULL when absent (character references are not decoded) */
static const char *attr_value(const char *a, gsize n, const char *name, gsize *vlen)
{
	gsize p = 0, nl = strlen(name);

	for (;;) {
		gsize from, to;
		while (p < n && (html_tags_space(a[p]) || a[p] == '/'))
			p++;
		if (p >= n || a[p] == '>')
			return NULL;
		from = p++;
		while (p < n && !html_tags_space(a[p]) && a[p] != '/' && a[p] != '>' && a[p] != '=')
			p++;
		to = p;
		while (p < n && html_tags_space(a[p]))
			p++;
		*vlen = 0;
		if (p < n && a[p] == '=') {
			const char *v;
			p++;
			while (p < n && html_tags_space(a[p]))
				p++;
			if (p < n && (a[p] == '"' || a[p] == '\'')) {
				const char *q = memchr(a + p + 1, a[p], n - p - 1);
				v = a + p + 1;
				*vlen = q ? (gsize)(q - v) : n - p - 1;
				p = q ? (gsize)(q - a) + 1 : n;
			} else {
				v = a + p;
				while (p < n && !html_tags_space(a[p]) && a[p] != '>')
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

static gboolean attr_is(const HtmlTag *t, const char *name, const char *value)
{
	gsize l;
	const char *v = attr_value(t->attrs, t->alen, name, &l);
	return v != NULL && l == strlen(value) && g_ascii_strncasecmp(v, value, l) == 0;
}

static gboolean attr_has(const HtmlTag *t, const char *name)
{
	gsize l;
	return attr_value(t->attrs, t->alen, name, &l) != NULL;
}

/* sim_push_foreign - an SVG or MathML element (popped at once when self-closing) */
static void sim_push_foreign(HtmlTree *s, const HtmlTag *t, guint8 ns)
{
	int at;

	if (t->self_closing) {
		html_tree_touch(s, 1);
		return;
	}
	at = html_tree_push(s, t->tag, ns, t->name, t->nlen);
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

static void sim_push_fmt(HtmlTree *s, const HtmlTag *t)
{
	int at = html_tree_push(s, t->tag, FALSE, NULL, 0);
	if (at >= 0)
		html_tree_fmt_add(s, t->tag, s->st[at].id, t->attrs, t->alen);
}

/* sim_body_start - a start tag "in body".  One switch over the tags in the
 * order the spec's "in body" insertion mode lists them: kept whole so that
 * it reads case by case against the spec and gumbo's parser.c. */
static int sim_body_start(HtmlTree *s, const HtmlTag *t)
{
	guint16 tag = t->tag;
	guint p = html_tree_props[tag];

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
			const HtmlTreeEl *e = &s->st[k];
			if (!e->foreign && (tag == GUMBO_TAG_LI ? e->tag == GUMBO_TAG_LI
			                                        : e->tag == GUMBO_TAG_DD || e->tag == GUMBO_TAG_DT)) {
				html_tree_close(s, e->tag);
				break;
			}
			if (html_tree_special(e) && (e->foreign || (e->tag != GUMBO_TAG_ADDRESS && e->tag != GUMBO_TAG_DIV &&
			                                      e->tag != GUMBO_TAG_P)))
				break;
		}
		html_tree_close_p(s);
		html_tree_push(s, tag, FALSE, NULL, 0);
		return TOK_DATA;
	case GUMBO_TAG_HR:
		html_tree_close_p(s);
		html_tree_touch(s, 1);
		return TOK_DATA;
	case GUMBO_TAG_XMP:
		html_tree_close_p(s);
		html_tree_reconstruct(s);
		html_tree_push(s, tag, FALSE, NULL, 0);
		return TOK_RAWTEXT;
	case GUMBO_TAG_TABLE:
		/* closes a <p> only outside quirks mode: kept open, an overestimate */
		html_tree_push(s, tag, FALSE, NULL, 0);
		return TOK_DATA;
	case GUMBO_TAG_A: {
		int fi = -1;
		for (guint k = s->nfmt; k-- > 0 && s->fmt[k].id != 0;)
			if (s->fmt[k].tag == GUMBO_TAG_A) {
				fi = (int)k;
				break;
			}
		if (fi >= 0) {
			html_tree_adoption(s, GUMBO_TAG_A);
			fi = -1;
			for (guint k = s->nfmt; k-- > 0 && s->fmt[k].id != 0;)
				if (s->fmt[k].tag == GUMBO_TAG_A) {
					fi = (int)k;
					break;
				}
			if (fi >= 0) {
				int at = html_tree_stack_index(s, s->fmt[fi].id);
				html_tree_fmt_remove(s, fi);
				if (at >= SIM_ROOTS)
					html_tree_remove(s, at);
			}
		}
		html_tree_reconstruct(s);
		sim_push_fmt(s, t);
		return TOK_DATA;
	}
	case GUMBO_TAG_NOBR:
		html_tree_reconstruct(s);
		if (html_tree_in_scope(s, GUMBO_TAG_NOBR, SCOPE_PLAIN) >= 0) {
			html_tree_adoption(s, GUMBO_TAG_NOBR);
			html_tree_reconstruct(s);
		}
		sim_push_fmt(s, t);
		return TOK_DATA;
	case GUMBO_TAG_APPLET: case GUMBO_TAG_MARQUEE: case GUMBO_TAG_OBJECT:
		html_tree_reconstruct(s);
		html_tree_push(s, tag, FALSE, NULL, 0);
		html_tree_fmt_add(s, tag, 0, NULL, 0);
		return TOK_DATA;
	case GUMBO_TAG_TEMPLATE:
		html_tree_push(s, tag, FALSE, NULL, 0);
		html_tree_fmt_add(s, tag, 0, NULL, 0);
		return TOK_DATA;
	case GUMBO_TAG_BUTTON:
		if (html_tree_in_scope(s, GUMBO_TAG_BUTTON, SCOPE_PLAIN) >= 0)
			html_tree_close(s, GUMBO_TAG_BUTTON);
		html_tree_reconstruct(s);
		html_tree_push(s, tag, FALSE, NULL, 0);
		return TOK_DATA;
	case GUMBO_TAG_OPTION: case GUMBO_TAG_OPTGROUP:
		if (html_tree_top_is(s, GUMBO_TAG_OPTION))
			html_tree_pop_to(s, s->n - 1);
		html_tree_reconstruct(s);
		html_tree_push(s, tag, FALSE, NULL, 0);
		return TOK_DATA;
	case GUMBO_TAG_RB: case GUMBO_TAG_RTC: case GUMBO_TAG_RP: case GUMBO_TAG_RT:
		if (html_tree_in_scope(s, GUMBO_TAG_RUBY, SCOPE_PLAIN) >= 0)
			html_tree_implied_end_tags(s, tag == GUMBO_TAG_RP || tag == GUMBO_TAG_RT ? GUMBO_TAG_RTC : GUMBO_TAG_LAST);
		html_tree_push(s, tag, FALSE, NULL, 0);
		return TOK_DATA;
	case GUMBO_TAG_SVG: case GUMBO_TAG_MATH:
		html_tree_reconstruct(s);
		sim_push_foreign(s, t, tag == GUMBO_TAG_SVG ? SIM_SVG : SIM_MATHML);
		return TOK_DATA;
	case GUMBO_TAG_ISINDEX: case GUMBO_TAG_FORM:
		/* a second form is ignored while the form element pointer is set */
		if (s->form && !html_tree_has_template(s))
			return TOK_DATA;
		html_tree_close_p(s);
		if (tag == GUMBO_TAG_FORM) {
			if (!html_tree_has_template(s))
				s->form = TRUE;
			html_tree_push(s, tag, SIM_HTML, NULL, 0);
		} else if (!html_tree_has_template(s)) {
			html_tree_touch(s, SIM_ISINDEX_EXTRA);   /* its form is closed at once */
		} else if (html_tree_push(s, GUMBO_TAG_FORM, SIM_HTML, NULL, 0) >= 0) {
			html_tree_touch(s, SIM_ISINDEX_EXTRA - 1);   /* in a template the form stays open */
		}
		return TOK_DATA;
	case GUMBO_TAG_AREA: case GUMBO_TAG_BR: case GUMBO_TAG_EMBED: case GUMBO_TAG_IMG:
	case GUMBO_TAG_IMAGE: case GUMBO_TAG_KEYGEN: case GUMBO_TAG_WBR: case GUMBO_TAG_INPUT:
		html_tree_reconstruct(s);
		html_tree_touch(s, 1);
		return TOK_DATA;
	default:
		break;
	}
	if (p & TP_TABLE_PART)
		return TOK_DATA;
	if (p & TP_VOID) {
		html_tree_touch(s, 1);
		return TOK_DATA;
	}
	if (p & TP_CLOSES_P) {
		html_tree_close_p(s);
		if ((p & TP_HEADING) && s->n > 0 && (html_tree_tp(&s->st[s->n - 1]) & TP_HEADING))
			html_tree_pop_to(s, s->n - 1);
		html_tree_push(s, tag, FALSE, NULL, 0);
		return sim_text_state(tag);
	}
	if (p & TP_FORMATTING) {
		html_tree_reconstruct(s);
		sim_push_fmt(s, t);
		return TOK_DATA;
	}
	switch (tag) {
	case GUMBO_TAG_TEXTAREA: case GUMBO_TAG_TITLE: case GUMBO_TAG_STYLE: case GUMBO_TAG_SCRIPT:
	case GUMBO_TAG_NOFRAMES: case GUMBO_TAG_IFRAME: case GUMBO_TAG_NOEMBED:
		html_tree_push(s, tag, FALSE, NULL, 0);
		return sim_text_state(tag);
	default:
		html_tree_reconstruct(s);
		html_tree_push(s, tag, FALSE, NULL, 0);
		return TOK_DATA;
	}
}

/* sim_table_start - a start tag "in table" (also what table bodies and
 * rows pass on) */
static int sim_table_start(HtmlTree *s, const HtmlTag *t)
{
	int k;

	switch (t->tag) {
	case GUMBO_TAG_CAPTION:
		html_tree_clear_to(s, GUMBO_TAG_TABLE, GUMBO_TAG_TABLE, GUMBO_TAG_TABLE);
		html_tree_fmt_add(s, t->tag, 0, NULL, 0);
		html_tree_push(s, t->tag, FALSE, NULL, 0);
		return TOK_DATA;
	case GUMBO_TAG_COLGROUP: case GUMBO_TAG_TBODY: case GUMBO_TAG_TFOOT: case GUMBO_TAG_THEAD:
		html_tree_clear_to(s, GUMBO_TAG_TABLE, GUMBO_TAG_TABLE, GUMBO_TAG_TABLE);
		html_tree_push(s, t->tag, FALSE, NULL, 0);
		return TOK_DATA;
	case GUMBO_TAG_COL:
		html_tree_clear_to(s, GUMBO_TAG_TABLE, GUMBO_TAG_TABLE, GUMBO_TAG_TABLE);
		html_tree_push(s, GUMBO_TAG_COLGROUP, FALSE, NULL, 0);
		return html_tags_start(s, t);
	case GUMBO_TAG_TD: case GUMBO_TAG_TH: case GUMBO_TAG_TR:
		html_tree_clear_to(s, GUMBO_TAG_TABLE, GUMBO_TAG_TABLE, GUMBO_TAG_TABLE);
		html_tree_push(s, GUMBO_TAG_TBODY, FALSE, NULL, 0);
		return html_tags_start(s, t);
	case GUMBO_TAG_TABLE:
		if ((k = html_tree_in_scope(s, GUMBO_TAG_TABLE, SCOPE_TABLE)) < SIM_ROOTS)
			return TOK_DATA;
		html_tree_pop_to(s, k);
		html_tree_reset(s);
		return html_tags_start(s, t);
	case GUMBO_TAG_STYLE: case GUMBO_TAG_SCRIPT:
		html_tree_push(s, t->tag, FALSE, NULL, 0);
		return sim_text_state(t->tag);
	case GUMBO_TAG_FORM:
		if (s->form || html_tree_has_template(s))
			return TOK_DATA;
		s->form = TRUE;
		html_tree_touch(s, 1);
		return TOK_DATA;
	default:
		return sim_body_start(s, t);   /* foster parenting: the same on the stack */
	}
}

/* foreign_start - a start tag in SVG / MathML content: HTML tags end it
 * (and are read again), others nest */
static int foreign_start(HtmlTree *s, const HtmlTag *t)
{
	guint16 tag = t->tag;

	if (breakout[tag] || (tag == GUMBO_TAG_FONT && (attr_has(t, "color") || attr_has(t, "face") ||
	                                                attr_has(t, "size")))) {
		do
			html_tree_drop(s, s->n - 1);
		while (s->st[s->n - 1].foreign && s->st[s->n - 1].ip != SIM_IP_MATHML_TEXT &&
		       s->st[s->n - 1].ip != SIM_IP_HTML);
		return html_tags_start(s, t);
	}
	sim_push_foreign(s, t, s->st[s->n - 1].foreign);
	return TOK_DATA;
}

/* template_start - a start tag "in template": the first one that is not
 * for the head decides the mode its content is read in (the template's ctx) */
static int template_start(HtmlTree *s, const HtmlTag *t)
{
	guint16 tag = t->tag;

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
			return html_tags_start(s, t);
		}
	return sim_body_start(s, t);
}

/* html_tags_start - a start tag; returns the TOK_* state the tokenizer goes
 * on in.  The dispatch by namespace (foreign content first, as the tree
 * dispatcher does) and by insertion mode, one case per mode: kept whole so
 * that it reads against the spec and gumbo's parser.c. */
int html_tags_start(HtmlTree *s, const HtmlTag *t)
{
	guint16 tag = t->tag;
	const HtmlTreeEl *top;
	int k;

	if (s->over)
		return TOK_DATA;
	top = &s->st[s->n - 1];
	if (top->foreign && !((top->ip == SIM_IP_MATHML_TEXT && tag != GUMBO_TAG_MGLYPH &&
	                       tag != GUMBO_TAG_MALIGNMARK) ||
	                      (top->ip == SIM_IP_ANNOTATION && tag == GUMBO_TAG_SVG) || top->ip == SIM_IP_HTML))
		return foreign_start(s, t);
	if (tag == GUMBO_TAG_TEMPLATE) {
		html_tree_push(s, tag, FALSE, NULL, 0);
		html_tree_fmt_add(s, tag, 0, NULL, 0);
		return TOK_DATA;
	}
	switch (html_tree_ctx(s)) {
	case GUMBO_TAG_TEMPLATE:
		return template_start(s, t);
	case GUMBO_TAG_TD: case GUMBO_TAG_TH:
		if (html_tree_props[tag] & TP_TABLE_PART) {
			if (html_tree_in_scope(s, GUMBO_TAG_TD, SCOPE_TABLE) < 0 && html_tree_in_scope(s, GUMBO_TAG_TH, SCOPE_TABLE) < 0)
				return TOK_DATA;
			html_tree_close_cell(s);
			return html_tags_start(s, t);
		}
		return sim_body_start(s, t);
	case GUMBO_TAG_CAPTION:
		if (html_tree_props[tag] & TP_TABLE_PART) {
			if (html_tree_in_scope(s, GUMBO_TAG_CAPTION, SCOPE_TABLE) < 0)
				return TOK_DATA;
			html_tree_implied_end_tags(s, GUMBO_TAG_LAST);
			html_tree_pop_until(s, GUMBO_TAG_CAPTION);
			html_tree_fmt_clear_to_marker(s);
			s->mode = 0;
			return html_tags_start(s, t);
		}
		return sim_body_start(s, t);
	case GUMBO_TAG_SELECT: {
		gboolean in_table = (k = html_tree_in_scope(s, GUMBO_TAG_SELECT, SCOPE_SELECT)) > 0 &&
		                    s->st[k - 1].ctx != GUMBO_TAG_BODY && s->st[k - 1].ctx != GUMBO_TAG_HTML;
		switch (tag) {
		case GUMBO_TAG_OPTION:
			if (html_tree_top_is(s, GUMBO_TAG_OPTION))
				html_tree_pop_to(s, s->n - 1);
			html_tree_push(s, tag, FALSE, NULL, 0);
			return TOK_DATA;
		case GUMBO_TAG_OPTGROUP:
			if (html_tree_top_is(s, GUMBO_TAG_OPTION))
				html_tree_pop_to(s, s->n - 1);
			if (html_tree_top_is(s, GUMBO_TAG_OPTGROUP))
				html_tree_pop_to(s, s->n - 1);
			html_tree_push(s, tag, FALSE, NULL, 0);
			return TOK_DATA;
		case GUMBO_TAG_SELECT:
			if (k >= SIM_ROOTS) {
				html_tree_pop_to(s, k);
				html_tree_reset(s);
			}
			return TOK_DATA;
		case GUMBO_TAG_INPUT: case GUMBO_TAG_KEYGEN: case GUMBO_TAG_TEXTAREA:
			if (k < SIM_ROOTS)
				return TOK_DATA;
			html_tree_pop_to(s, k);
			html_tree_reset(s);
			return html_tags_start(s, t);
		case GUMBO_TAG_SCRIPT:
			html_tree_push(s, tag, FALSE, NULL, 0);
			return TOK_SCRIPT;
		default:
			if (in_table && (tag == GUMBO_TAG_TABLE || ((html_tree_props[tag] & TP_TABLE_PART) &&
			                                           tag != GUMBO_TAG_COL && tag != GUMBO_TAG_COLGROUP))) {
				html_tree_pop_until(s, GUMBO_TAG_SELECT);
				html_tree_reset(s);
				return html_tags_start(s, t);
			}
			return TOK_DATA;
		}
	}
	case GUMBO_TAG_COLGROUP:
		if (tag == GUMBO_TAG_COL) {
			html_tree_touch(s, 1);
			return TOK_DATA;
		}
		if (!html_tree_top_is(s, GUMBO_TAG_COLGROUP))
			return TOK_DATA;
		html_tree_pop_to(s, s->n - 1);
		return html_tags_start(s, t);
	case GUMBO_TAG_TR:
		if (tag == GUMBO_TAG_TD || tag == GUMBO_TAG_TH) {
			int at;
			html_tree_clear_to(s, GUMBO_TAG_TR, GUMBO_TAG_TR, GUMBO_TAG_TR);
			at = html_tree_push(s, tag, FALSE, NULL, 0);
			if (at >= 0)
				html_tree_fmt_add(s, tag, 0, NULL, 0);
			return TOK_DATA;
		}
		if (html_tree_props[tag] & TP_TABLE_PART) {
			if (html_tree_in_scope(s, GUMBO_TAG_TR, SCOPE_TABLE) < 0)
				return TOK_DATA;
			html_tree_clear_to(s, GUMBO_TAG_TR, GUMBO_TAG_TR, GUMBO_TAG_TR);
			html_tree_pop_to(s, s->n - 1);
			return html_tags_start(s, t);
		}
		return sim_table_start(s, t);
	case GUMBO_TAG_TBODY: case GUMBO_TAG_THEAD: case GUMBO_TAG_TFOOT:
		if (tag == GUMBO_TAG_TR || tag == GUMBO_TAG_TD || tag == GUMBO_TAG_TH) {
			html_tree_clear_to(s, GUMBO_TAG_TBODY, GUMBO_TAG_THEAD, GUMBO_TAG_TFOOT);
			if (tag == GUMBO_TAG_TR) {
				html_tree_push(s, tag, FALSE, NULL, 0);
				return TOK_DATA;
			}
			html_tree_push(s, GUMBO_TAG_TR, FALSE, NULL, 0);
			return html_tags_start(s, t);
		}
		if (html_tree_props[tag] & TP_TABLE_PART) {
			if (!html_tree_table_section_in_scope(s))
				return TOK_DATA;
			html_tree_clear_to(s, GUMBO_TAG_TBODY, GUMBO_TAG_THEAD, GUMBO_TAG_TFOOT);
			html_tree_pop_to(s, s->n - 1);
			return html_tags_start(s, t);
		}
		return sim_table_start(s, t);
	case GUMBO_TAG_TABLE:
		return sim_table_start(s, t);
	default:
		return sim_body_start(s, t);
	}
}

/* html_tags_text - character data: reopens formatting elements where the tree
 * builder inserts text into the body (tables keep whitespace to themselves) */
void html_tags_text(HtmlTree *s, gboolean blank)
{
	const HtmlTreeEl *top = &s->st[s->n - 1];

	if (s->over || (top->foreign && top->ip != SIM_IP_MATHML_TEXT && top->ip != SIM_IP_HTML))
		return;
	switch (html_tree_ctx(s)) {
	case GUMBO_TAG_SELECT: case GUMBO_TAG_TEMPLATE:
		return;
	case GUMBO_TAG_COLGROUP:
		if (blank || !html_tree_top_is(s, GUMBO_TAG_COLGROUP))
			return;
		html_tree_pop_to(s, s->n - 1);
		html_tags_text(s, blank);
		return;
	case GUMBO_TAG_TABLE: case GUMBO_TAG_TBODY: case GUMBO_TAG_THEAD: case GUMBO_TAG_TFOOT: case GUMBO_TAG_TR:
		if (!blank)
			html_tree_reconstruct(s);
		return;
	default:
		html_tree_reconstruct(s);
	}
}
