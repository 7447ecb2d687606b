/*
 * urls.h - finding links in text, and the sink every link goes to (see urls.c).
 */
#ifndef AMZ_URLS_H
#define AMZ_URLS_H

#include <glib.h>
#include "core/facts.h"
#include "core/limits.h"
#include "extract/url_normalise.h"

/* Where found links go: the facts, the link bound, and duplicates suppressed. */
typedef struct UrlsSink UrlsSink;

/* urls_init - once per process: the public suffix list (url_normalise_init) */
void urls_init(void);

/* urls_sink_new - an empty sink adding to f, at most max_links links,
 * finding links with the word lists words (NULL: empty); transfer full */
UrlsSink *urls_sink_new(Facts *f, guint max_links, const LinkWords *words);
/* urls_sink_free - the sink (not the facts); NULL is fine */
void urls_sink_free(UrlsSink *s);
/* urls_add - normalise `in` and add it as a link, with the URLs it
 * redirects to; raw is as written (NULL: in), label the anchor text or NULL */
void urls_add(UrlsSink *s, const char *in, const char *raw, const char *source,
              const char *label);
/* urls_find - every link written in a block of decoded UTF-8 text */
void urls_find(UrlsSink *s, const char *text, gsize len, const char *source);

#endif
