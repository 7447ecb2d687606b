/*
 * html.h - HTML part -> visible text, links, images (see html.c).
 */
#ifndef AMZ_HTML_H
#define AMZ_HTML_H

#include <glib.h>
#include "facts.h"
#include "urls.h"

/* Estimated element nesting beyond which the rest of a document is not parsed. */
#define HTML_MAX_DEPTH 800
/* Bytes of <style> sheets read per part, and selectors kept from them. */
#define HTML_MAX_CSS_BYTES (256 * 1024)
#define HTML_MAX_CSS_RULES 5000

void html_extract(const char *html, gsize len, guint max_nodes, UrlsSink *links, Facts *f,
                  GString *text);

#endif
