/*
 * html_endtag.h - what the HTML5 tree builder does with an end tag (see html_endtag.c).
 */
#ifndef AMZ_HTML_ENDTAG_H
#define AMZ_HTML_ENDTAG_H

#include "extract/html_tags.h"

/* html_endtag - an end tag */
void html_endtag(HtmlTree *s, const HtmlTag *t);

#endif
