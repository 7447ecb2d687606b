/*
 * html_prescan.c - where an HTML document must be cut before gumbo parses it.
 *
 * gumbo (HTML5, libgumbo 0.10.1) has no nesting limit and its cost grows
 * with the nesting depth times the number of tags; Debian builds it with
 * assertions on, so some markup aborts the process.  This file reads the
 * document as the HTML5 tokenizer does (comments, attribute quoting,
 * rawtext, RCDATA and script text) and hands every tag to a model of the
 * tree builder that never expects a shallower tree than gumbo builds:
 * html_tags.c and html_endtag.c (insertion modes, implied end tags, "any
 * other end tag", SVG and MathML content) on html_tree.c (the stack of open elements, the list
 * of active formatting elements, scopes, the adoption agency).
 *
 * In:  the document (UTF-8), the tag bound.
 * Out: the length to hand gumbo; "limit:html-depth", "limit:html-nodes"
 *      and "limit:html-markup" anomalies; the text of every <style>
 *      (bounded) for html.c's style sheet reader.
 */
#include <string.h>
#include <gumbo.h>
#include "extract/html_endtag.h"
#include "extract/html_prescan.h"
#include "extract/html_tags.h"

/* at_tag - s + p starts "<name" or "</name" (close) followed by a character
 * that ends a tag name, as the tokenizer's "appropriate end tag" needs */
static gboolean at_tag(const char *s, gsize n, gsize p, const char *name, gboolean close)
{
	gsize l = strlen(name), q = p + 1 + (close ? 1 : 0);

	if (q + l >= n || s[p] != '<' || (close && s[p + 1] != '/'))
		return FALSE;
	if (g_ascii_strncasecmp(s + q, name, l) != 0)
		return FALSE;
	return html_tags_space(s[q + l]) || s[q + l] == '/' || s[q + l] == '>';
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
		while (p < n && html_tags_space(s[p]))
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
		while (p < n && !html_tags_space(s[p]) && s[p] != '/' && s[p] != '>' && s[p] != '=')
			p++;
		while (p < n && html_tags_space(s[p]))
			p++;
		if (p >= n || s[p] != '=')
			continue;
		p++;
		while (p < n && html_tags_space(s[p]))
			p++;
		if (p < n && (s[p] == '"' || s[p] == '\'')) {
			const char *q = memchr(s + p + 1, s[p], n - p - 1);
			if (q == NULL)
				return n;
			p = q - s + 1;
		} else {
			while (p < n && !html_tags_space(s[p]) && s[p] != '>')
				p++;
		}
	}
}

/* Longest tag name looked up; a longer one is no element gumbo knows. */
enum { TAG_NAME_MAX = 16 };

/* all_space - s[from..to) is HTML white space only */
static gboolean all_space(const char *s, gsize from, gsize to)
{
	for (gsize p = from; p < to; p++)
		if (!html_tags_space(s[p]))
			return FALSE;
	return TRUE;
}

/* skip_declaration - past "<!…>" or "<?…>" at s[i]: a comment, CDATA in
 * SVG / MathML content, a bogus comment or the doctype */
static gsize skip_declaration(const HtmlTree *sim, const char *s, gsize n, gsize i)
{
	const char *e;

	if (i + 3 < n && memcmp(s + i, "<!--", 4) == 0)
		return skip_comment(s, n, i);
	if (sim->st[sim->n - 1].foreign && i + 9 <= n && memcmp(s + i, "<![CDATA[", 9) == 0) {
		e = g_strstr_len(s + i + 9, n - i - 9, "]]>");
		return e ? (gsize)(e - s) + 3 : n;
	}
	e = memchr(s + i + 1, '>', n - i - 1);
	return e ? (gsize)(e - s) + 1 : n;
}

/* read_tag - the tag whose name starts at s[j]: t filled; returns where it
 * ends (its ">"), n when it does not */
static gsize read_tag(const char *s, gsize n, gsize j, HtmlTag *t)
{
	char lower[TAG_NAME_MAX + 1];
	gsize k, gt;

	for (k = j; k < n && !html_tags_space(s[k]) && s[k] != '/' && s[k] != '>'; k++)
		if (k - j < TAG_NAME_MAX)
			lower[k - j] = g_ascii_tolower(s[k]);
	gt = tag_end(s, n, k, &t->self_closing);
	if (gt >= n)
		return gt;
	t->tag = k - j <= TAG_NAME_MAX ? gumbo_tagn_enum(lower, k - j) : GUMBO_TAG_UNKNOWN;
	t->name = s + j;
	t->nlen = k - j;
	t->attrs = s + k;
	t->alen = gt - k;
	return gt;
}

/* style_sheet - the content of the <style> starting at s[i], appended to
 * sheets within HTML_MAX_CSS_BYTES */
static void style_sheet(GString *sheets, const char *s, gsize n, gsize i)
{
	gsize p = skip_text(s, n, i, "style");

	if (sheets->len < HTML_MAX_CSS_BYTES) {
		g_string_append_len(sheets, s + i, MIN(p - i, HTML_MAX_CSS_BYTES - sheets->len));
		g_string_append_c(sheets, '\n');
	}
}

/* html_prescan - where to cut the document so gumbo stays within depth and node
 * bounds (the estimated depth of gumbo's tree to *peak, SIM_MAX + 1 when
 * the document is cut for depth or unsafe markup); the content of each <style> is appended to sheets
 * (bounded).  Tags, comments and text are read as the HTML5 tokenizer
 * reads them and fed to a model of the tree builder's stack of open
 * elements (HtmlTree) that never expects a shallower tree than gumbo's. */
gsize html_prescan(const char *s, gsize n, guint max_nodes, Facts *f, GString *sheets, guint *peak)
{
	HtmlTree *sim = g_new0(HtmlTree, 1);
	guint tags = 0;
	gsize i = 0, cut = n;

	html_tree_push(sim, GUMBO_TAG_HTML, FALSE, NULL, 0);
	html_tree_push(sim, GUMBO_TAG_BODY, FALSE, NULL, 0);
	while (i < n) {
		const char *lt = memchr(s + i, '<', n - i);
		gsize j, gt, text_from = i, text_end = lt ? (gsize)(lt - s) : n;
		gboolean close = FALSE;
		HtmlTag t = { 0 };
		int state;

		if (text_end > i) {
			html_tags_text(sim, all_space(s, i, text_end));
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
			i = skip_declaration(sim, s, n, i);
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
			html_tags_text(sim, FALSE);
			continue;
		}
		gt = read_tag(s, n, j, &t);
		if (gt >= n)
			break;
		if (++tags > max_nodes) {
			facts_add_anomaly(f, "limit", "html-nodes");
			cut = i;
			break;
		}
		if (close) {
			html_endtag(sim, &t);
			state = TOK_DATA;
		} else {
			state = html_tags_start(sim, &t);
		}
		if (sim->over || sim->trap) {
			cut = i;
			break;
		}
		i = gt + 1;
		if (close)
			continue;
		if (t.tag == GUMBO_TAG_STYLE)
			style_sheet(sheets, s, n, i);
		if (state == TOK_PLAINTEXT) {
			if (i < n)
				html_tags_text(sim, all_space(s, i, n));
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

