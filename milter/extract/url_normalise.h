/*
 * url_normalise.h - one URL taken apart and normalised (see url_normalise.c).
 */
#ifndef AMZ_URL_NORMALISE_H
#define AMZ_URL_NORMALISE_H

#include <glib.h>
#include <libpsl.h>

/* Longest URL kept; longer ones are cut here (and flagged "limit:url-length"). */
#define URL_MAX_LEN 4096

/* One URL taken apart and normalised; every field allocated, "" when absent. */
typedef struct {
	char *url;      /* normalised form (scheme-less stays scheme-less) */
	char *scheme;   /* lower-case, "" for scheme-less and relative forms */
	char *host;     /* lower-case ASCII (punycode), no trailing dot, IPs as dotted quads */
	char *domain;   /* registrable domain, else host */
	gboolean truncated; /* the input was longer than URL_MAX_LEN */
} UrlParts;

/* url_normalise_init - load the public suffix list, once per process */
void url_normalise_init(void);
/* url_normalise - take one URL apart and normalise it into *out (see url_normalise.c) */
void url_normalise(const char *in, UrlParts *out);
/* url_normalise_clear - free the fields of *p */
void url_normalise_clear(UrlParts *p);
/* url_normalise_host - the host a browser would connect to, as lower-case ASCII; transfer full */
char *url_normalise_host(const char *in);
/* url_normalise_is_ip - dotted quad or IPv6 literal (as url_normalise_host writes them) */
gboolean url_normalise_is_ip(const char *host);
/* url_normalise_suffix_known - s is a public suffix in the PSL_TYPE_* sections
 * `type`, not one made up by the "*" rule */
gboolean url_normalise_suffix_known(const char *s, int type);
/* url_normalise_domain - the registrable domain of a normalised host, or
 * NULL; transfer none (a libpsl string) */
const char *url_normalise_domain(const char *host);
/* url_normalise_resolve - rel made absolute against base, as a browser
 * would; transfer full, NULL when rel is not relative or base cannot serve */
char *url_normalise_resolve(const char *base, const char *rel);

/* url_normalise_example_tld - "example" or "test" (RFC 2606): with a path
 * after it, a scheme-less name under one is still a link to a reader */
gboolean url_normalise_example_tld(const char *tld);

#endif
