/*
 * urls.h - finding links in text and normalising every link (see urls.c).
 */
#ifndef AMZ_URLS_H
#define AMZ_URLS_H

#include <glib.h>
#include "core/facts.h"

/* Longest URL kept; longer ones are cut here (and flagged "limit:url-length"). */
#define URLS_MAX_LEN 4096

/* One URL taken apart and normalised; every field allocated, "" when absent. */
typedef struct {
	char *url;      /* normalised form (scheme-less stays scheme-less) */
	char *scheme;   /* lower-case, "" for scheme-less and relative forms */
	char *host;     /* lower-case ASCII (punycode), no trailing dot, IPs as dotted quads */
	char *domain;   /* registrable domain, else host */
	gboolean truncated; /* the input was longer than URLS_MAX_LEN */
} UrlParts;

/* Where found links go: the facts, the link bound, and duplicates suppressed. */
typedef struct UrlsSink UrlsSink;

void urls_init(void);
void urls_parse(const char *in, UrlParts *out);
void urls_parts_clear(UrlParts *p);
gboolean urls_host_is_ip(const char *host);
char *urls_resolve(const char *base, const char *rel);

UrlsSink *urls_sink_new(Facts *f, guint max_links);
void urls_sink_free(UrlsSink *s);
void urls_add(UrlsSink *s, const char *in, const char *raw, const char *source,
              const char *label);
void urls_find(UrlsSink *s, const char *text, gsize len, const char *source);

#endif
