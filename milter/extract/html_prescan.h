/*
 * html_prescan.h - where an HTML document must be cut before gumbo parses
 * it (see html_prescan.c).
 */
#ifndef AMZ_HTML_PRESCAN_H
#define AMZ_HTML_PRESCAN_H

#include <glib.h>
#include "core/facts.h"

/* Estimated element nesting beyond which the rest of a document is not parsed. */
#define HTML_MAX_DEPTH 800
/* Bytes of <style> sheets read per part, and selectors kept from them. */
#define HTML_MAX_CSS_BYTES (256 * 1024)
#define HTML_MAX_CSS_RULES 5000

/* html_prescan - the length of s to hand gumbo so that its tree stays
 * within HTML_MAX_DEPTH and max_nodes tags and avoids markup that aborts it
 * (anomalies "limit:html-depth", "limit:html-nodes", "limit:html-markup":
 * what follows is not read, so the message gets the limit policy);
 * *peak (may be NULL) gets the depth expected of gumbo's tree, HTML_MAX_DEPTH + 3 when
 * the document is cut for depth or unsafe markup.  The content of each
 * <style> is appended to sheets (at most HTML_MAX_CSS_BYTES in all). */
gsize html_prescan(const char *s, gsize n, guint max_nodes, Facts *f, GString *sheets, guint *peak);

/* html_depth_estimate - html_prescan's *peak for a whole document (html =
 * 1), never less than gumbo's real depth.  For tests. */
guint html_depth_estimate(const char *html, gsize len);

#endif
