/*
 * html_tags.h - what the HTML5 tree builder does with each tag, on the
 * model of its stack (see html_tags.c).
 */
#ifndef AMZ_HTML_TAGS_H
#define AMZ_HTML_TAGS_H

#include "extract/html_tree.h"


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
} HtmlTag;

/* html_tags_space - HTML's white space */
static inline gboolean html_tags_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

/* html_tags_start - a start tag; returns the TOK_* state the tokenizer
 * reads on in, or -1 for markup the model does not follow */
int html_tags_start(HtmlTree *s, const HtmlTag *t);
/* html_tags_text - character data (blank: white space only) */
void html_tags_text(HtmlTree *s, gboolean blank);

#endif
