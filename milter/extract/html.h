/*
 * html.h - HTML part -> visible text, links, images (see html.c).
 */
#ifndef AMZ_HTML_H
#define AMZ_HTML_H

#include <glib.h>
#include "core/facts.h"
#include "extract/urls.h"

/* html_extract - the visible text, links and images of one text/html part
 * (see html.c); deadline is a g_get_monotonic_time() value (0: none) past
 * which the parse is dropped with a "timeout:html" anomaly and no text. */
void html_extract(const char *html, gsize len, guint max_nodes, gint64 deadline, UrlsSink *links,
                  Facts *f, GString *text);

#endif
