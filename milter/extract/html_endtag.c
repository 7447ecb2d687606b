/*
 * html_endtag.c - what the HTML5 tree builder does with an end tag, by
 * insertion mode, on the model of its stack (html_tree.c).
 *
 * In:  one end tag as the tokenizer read it (HtmlTag).
 * Out: the HtmlTree changed as gumbo's would be.
 */
#include <string.h>
#include "extract/html_endtag.h"

/* sim_template_end - </template>, the same in every insertion mode */
static void sim_template_end(HtmlTree *s)
{
	for (guint k = s->n; k-- > SIM_ROOTS;)
		if (!s->st[k].foreign && s->st[k].tag == GUMBO_TAG_TEMPLATE) {
			html_tree_drop(s, k);
			html_tree_fmt_clear_to_marker(s);
			html_tree_reset(s);
			return;
		}
}

/* sim_body_end - an end tag "in body" */
static void sim_body_end(HtmlTree *s, guint16 tag)
{
	guint p = html_tree_props[tag];
	int k;

	if (tag == GUMBO_TAG_BODY || tag == GUMBO_TAG_HTML)
		return;
	if (p & TP_BLOCK_END) {
		if (html_tree_in_scope(s, tag, SCOPE_PLAIN) >= 0)
			html_tree_close(s, tag);
		return;
	}
	if (p & TP_FORMATTING) {
		html_tree_adoption(s, tag);
		return;
	}
	if (p & TP_HEADING) {
		static const guint16 h[] = { GUMBO_TAG_H1, GUMBO_TAG_H2, GUMBO_TAG_H3, GUMBO_TAG_H4,
		                             GUMBO_TAG_H5, GUMBO_TAG_H6 };
		gboolean any = FALSE;
		for (guint i = 0; i < G_N_ELEMENTS(h); i++)
			any = any || html_tree_in_scope(s, h[i], SCOPE_PLAIN) >= 0;
		if (!any)
			return;
		html_tree_implied_end_tags(s, GUMBO_TAG_LAST);
		for (guint j = s->n; j-- > SIM_ROOTS;)
			if (html_tree_tp(&s->st[j]) & TP_HEADING) {
				html_tree_drop(s, j);
				break;
			}
		return;
	}
	switch (tag) {
	case GUMBO_TAG_FORM:
		if (!html_tree_has_template(s))
			s->form = FALSE;
		if ((k = html_tree_in_scope(s, GUMBO_TAG_FORM, SCOPE_PLAIN)) >= SIM_ROOTS) {
			html_tree_implied_end_tags(s, GUMBO_TAG_LAST);
			if ((k = html_tree_stack_index(s, s->st[k].id)) >= SIM_ROOTS)
				html_tree_remove(s, k);
		}
		return;
	case GUMBO_TAG_P:
		if (html_tree_in_scope(s, GUMBO_TAG_P, SCOPE_BUTTON) < 0)
			html_tree_touch(s, 1);
		else
			html_tree_close(s, GUMBO_TAG_P);
		return;
	case GUMBO_TAG_LI:
		if (html_tree_in_scope(s, GUMBO_TAG_LI, SCOPE_LIST) >= 0)
			html_tree_close(s, GUMBO_TAG_LI);
		return;
	case GUMBO_TAG_DD: case GUMBO_TAG_DT:
		if (html_tree_in_scope(s, tag, SCOPE_PLAIN) >= 0)
			html_tree_close(s, tag);
		return;
	case GUMBO_TAG_APPLET: case GUMBO_TAG_MARQUEE: case GUMBO_TAG_OBJECT:
		if (html_tree_in_scope(s, tag, SCOPE_TABLE) >= 0) {
			html_tree_close(s, tag);
			html_tree_fmt_clear_to_marker(s);
		}
		return;
	case GUMBO_TAG_BR:
		html_tree_reconstruct(s);
		html_tree_touch(s, 1);
		return;
	default:
		break;
	}
	/* any other end tag: the nearest element of that name, unless a special one comes first */
	for (guint j = s->n; j-- > 0;) {
		const HtmlTreeEl *e = &s->st[j];
		if (!e->foreign && e->tag == tag) {
			html_tree_implied_end_tags(s, tag);
			html_tree_pop_to(s, j);
			return;
		}
		if (html_tree_special(e))
			return;
	}
}

/* html_endtag - an end tag; ctx decides the insertion mode as the tree
 * builder's "reset the insertion mode" would.  One switch per insertion
 * mode, case by case as the spec lists the end tags: kept whole so that it
 * reads against the spec and gumbo's parser.c. */
void html_endtag(HtmlTree *s, const HtmlTag *t)
{
	guint16 tag = t->tag;
	const HtmlTreeEl *top = &s->st[s->n - 1];
	int k;

	if (top->foreign) {
		for (guint j = s->n; j-- > 0 && s->st[j].foreign;)
			if (s->st[j].nlen == t->nlen && g_ascii_strncasecmp(s->st[j].name, t->name, t->nlen) == 0) {
				html_tree_pop_to(s, j);
				return;
			}
	}
	if (tag == GUMBO_TAG_TEMPLATE) {
		sim_template_end(s);
		return;
	}
	switch (html_tree_ctx(s)) {
	case GUMBO_TAG_TEMPLATE:
		/* a template whose mode is not decided yet: only the end tags of
		 * the head elements in it count */
		if (html_tree_top_is(s, tag))
			html_tree_pop_to(s, s->n - 1);
		return;
	case GUMBO_TAG_TD: case GUMBO_TAG_TH:
		switch (tag) {
		case GUMBO_TAG_TD: case GUMBO_TAG_TH:
			if (html_tree_in_scope(s, tag, SCOPE_TABLE) >= 0) {
				html_tree_implied_end_tags(s, GUMBO_TAG_LAST);
				html_tree_pop_until(s, tag);
				html_tree_fmt_clear_to_marker(s);
			}
			return;
		case GUMBO_TAG_BODY: case GUMBO_TAG_CAPTION: case GUMBO_TAG_COL: case GUMBO_TAG_COLGROUP:
		case GUMBO_TAG_HTML:
			return;
		case GUMBO_TAG_TABLE: case GUMBO_TAG_TBODY: case GUMBO_TAG_TFOOT: case GUMBO_TAG_THEAD:
		case GUMBO_TAG_TR:
			if (html_tree_in_scope(s, tag, SCOPE_TABLE) >= 0) {
				html_tree_close_cell(s);
				html_endtag(s, t);
			}
			return;
		default:
			sim_body_end(s, tag);
			return;
		}
	case GUMBO_TAG_CAPTION:
		if (tag == GUMBO_TAG_CAPTION || tag == GUMBO_TAG_TABLE) {
			if (html_tree_in_scope(s, GUMBO_TAG_CAPTION, SCOPE_TABLE) >= 0) {
				html_tree_implied_end_tags(s, GUMBO_TAG_LAST);
				html_tree_pop_until(s, GUMBO_TAG_CAPTION);
				html_tree_fmt_clear_to_marker(s);
				s->mode = 0;
				if (tag == GUMBO_TAG_TABLE)
					html_endtag(s, t);
			}
			return;
		}
		if ((html_tree_props[tag] & TP_TABLE_PART) || tag == GUMBO_TAG_BODY || tag == GUMBO_TAG_HTML)
			return;
		sim_body_end(s, tag);
		return;
	case GUMBO_TAG_SELECT: {
		gboolean in_table = (k = html_tree_in_scope(s, GUMBO_TAG_SELECT, SCOPE_SELECT)) > 0 &&
		                    s->st[k - 1].ctx != GUMBO_TAG_BODY && s->st[k - 1].ctx != GUMBO_TAG_HTML;
		if (tag == GUMBO_TAG_OPTGROUP) {
			if (html_tree_top_is(s, GUMBO_TAG_OPTION) && s->n > 1 && !s->st[s->n - 2].foreign &&
			    s->st[s->n - 2].tag == GUMBO_TAG_OPTGROUP)
				html_tree_pop_to(s, s->n - 1);
			if (html_tree_top_is(s, GUMBO_TAG_OPTGROUP))
				html_tree_pop_to(s, s->n - 1);
		} else if (tag == GUMBO_TAG_OPTION) {
			if (html_tree_top_is(s, GUMBO_TAG_OPTION))
				html_tree_pop_to(s, s->n - 1);
		} else if (tag == GUMBO_TAG_SELECT) {
			if (k >= SIM_ROOTS) {
				html_tree_pop_to(s, k);
				html_tree_reset(s);
			}
		} else if (in_table && (tag == GUMBO_TAG_TABLE || ((html_tree_props[tag] & TP_TABLE_PART) &&
		                                                  tag != GUMBO_TAG_COL && tag != GUMBO_TAG_COLGROUP))) {
			if (html_tree_in_scope(s, tag, SCOPE_TABLE) >= 0) {
				html_tree_pop_until(s, GUMBO_TAG_SELECT);
				html_tree_reset(s);
				html_endtag(s, t);
			}
		} else if (tag == GUMBO_TAG_SCRIPT && html_tree_top_is(s, GUMBO_TAG_SCRIPT)) {
			html_tree_pop_to(s, s->n - 1);
		}
		return;
	}
	case GUMBO_TAG_COLGROUP:
		if (tag == GUMBO_TAG_COL)
			return;
		if (html_tree_top_is(s, GUMBO_TAG_COLGROUP)) {
			html_tree_pop_to(s, s->n - 1);
			if (tag != GUMBO_TAG_COLGROUP)
				html_endtag(s, t);
		}
		return;
	case GUMBO_TAG_TR:
		if (tag == GUMBO_TAG_TR || tag == GUMBO_TAG_TABLE || tag == GUMBO_TAG_TBODY ||
		    tag == GUMBO_TAG_TFOOT || tag == GUMBO_TAG_THEAD) {
			if (html_tree_in_scope(s, GUMBO_TAG_TR, SCOPE_TABLE) >= 0 &&
			    (tag == GUMBO_TAG_TR || tag == GUMBO_TAG_TABLE || html_tree_in_scope(s, tag, SCOPE_TABLE) >= 0)) {
				html_tree_clear_to(s, GUMBO_TAG_TR, GUMBO_TAG_TR, GUMBO_TAG_TR);
				html_tree_pop_to(s, s->n - 1);
				if (tag != GUMBO_TAG_TR)
					html_endtag(s, t);
			}
			return;
		}
		if ((html_tree_props[tag] & TP_TABLE_PART) || tag == GUMBO_TAG_BODY || tag == GUMBO_TAG_HTML)
			return;
		goto in_table;
	case GUMBO_TAG_TBODY: case GUMBO_TAG_THEAD: case GUMBO_TAG_TFOOT:
		if (tag == GUMBO_TAG_TBODY || tag == GUMBO_TAG_THEAD || tag == GUMBO_TAG_TFOOT) {
			if (html_tree_in_scope(s, tag, SCOPE_TABLE) >= 0) {
				html_tree_clear_to(s, GUMBO_TAG_TBODY, GUMBO_TAG_THEAD, GUMBO_TAG_TFOOT);
				html_tree_pop_to(s, s->n - 1);
			}
			return;
		}
		if (tag == GUMBO_TAG_TABLE) {
			if (html_tree_table_section_in_scope(s)) {
				html_tree_clear_to(s, GUMBO_TAG_TBODY, GUMBO_TAG_THEAD, GUMBO_TAG_TFOOT);
				html_tree_pop_to(s, s->n - 1);
				html_endtag(s, t);
			}
			return;
		}
		if ((html_tree_props[tag] & TP_TABLE_PART) || tag == GUMBO_TAG_BODY || tag == GUMBO_TAG_HTML)
			return;
		goto in_table;
	case GUMBO_TAG_TABLE:
	in_table:
		if (tag == GUMBO_TAG_TABLE) {
			if ((k = html_tree_in_scope(s, GUMBO_TAG_TABLE, SCOPE_TABLE)) >= 0) {
				html_tree_pop_to(s, k);
				html_tree_reset(s);
			}
			return;
		}
		if ((html_tree_props[tag] & TP_TABLE_PART) || tag == GUMBO_TAG_BODY || tag == GUMBO_TAG_HTML)
			return;
		sim_body_end(s, tag);
		return;
	default:
		sim_body_end(s, tag);
		return;
	}
}
