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

void html_extract(const char *html, gsize len, guint max_nodes, UrlsSink *links, Facts *f,
                  GString *text);

#endif
