/*
 * redirect.c - the URLs a redirector link carries.
 *
 * In:  one normalised link (UrlParts).
 * Out: the http(s) URLs it leads to (a GPtrArray of strings, transfer full):
 *      the value of a query parameter a redirector puts its target in (url,
 *      u, q, target, redirect, … : google.com/url?q=, l.facebook.com/l.php?u=,
 *      *.safelinks.protection.outlook.com/?url=, amazon's /gp/r.html?U=, and
 *      any other site doing the same), decoded once or twice; Proofpoint
 *      urldefense v2 ("u=https-3A__x") and v3 ("/v3/__URL__;") decoded.
 *      Shorteners that carry nothing in the URL (t.co, bit.ly) give nothing.
 *
 * The caller (urls.c) adds each target as a link of its own, with source
 * "redirect", and bounds how deep that goes.
 */
#include <string.h>
#include "extract/redirect.h"

#define REDIRECT_HTTP "http://"
#define REDIRECT_HTTPS "https://"
#define REDIRECT_DECODE_ROUNDS 2    /* a target encoded twice is still found */
#define REDIRECT_MAX_PARAMS 64      /* the last one holds the rest of the query */
#define URLDEFENSE_V3 "/v3/__"
#define URLDEFENSE_V3_END "__;"

/* is_http - s starts with an http(s) scheme, in any case */
static gboolean is_http(const char *s)
{
	return g_ascii_strncasecmp(s, REDIRECT_HTTP, strlen(REDIRECT_HTTP)) == 0 ||
	       g_ascii_strncasecmp(s, REDIRECT_HTTPS, strlen(REDIRECT_HTTPS)) == 0;
}

/* http_value - a parameter value that is an http(s) URL, decoded once or twice; transfer full */
static char *http_value(const char *v, gsize n)
{
	char *enc = g_strndup(v, n), *dec = NULL;

	for (char *c = enc; *c; c++)
		if (*c == '+')
			*c = ' ';
	for (int round = 0; round < REDIRECT_DECODE_ROUNDS; round++) {
		char *d = g_uri_unescape_string(enc, NULL);
		if (d == NULL)
			break;
		g_free(dec);
		dec = d;
		if (is_http(dec)) {
			g_free(enc);
			return g_strstrip(dec);
		}
		g_free(enc);
		enc = g_strdup(dec);
	}
	g_free(enc);
	g_free(dec);
	return NULL;
}

/* urldefense - the target of a Proofpoint URL Defense link; transfer full, or NULL */
static char *urldefense(const char *url)
{
	const char *v3 = strstr(url, URLDEFENSE_V3), *u;
	GString *out;

	if (v3 != NULL) {
		const char *t = v3 + strlen(URLDEFENSE_V3), *e = strstr(t, URLDEFENSE_V3_END);
		return g_strndup(t, e ? (gsize)(e - t) : strcspn(t, "#"));
	}
	u = strstr(url, "?u=");
	if (u == NULL)
		u = strstr(url, "&u=");
	if (u == NULL)
		return NULL;
	out = g_string_new(NULL);
	for (u += 3; *u && *u != '&' && *u != '#'; u++) {
		if (*u == '-' && g_ascii_isxdigit(u[1]) && g_ascii_isxdigit(u[2])) {
			g_string_append_c(out, (char)(g_ascii_xdigit_value(u[1]) << 4 | g_ascii_xdigit_value(u[2])));
			u += 2;
		} else {
			g_string_append_c(out, *u == '_' ? '/' : *u);
		}
	}
	return g_string_free(out, FALSE);
}

/* query_targets - the http(s) values of the redirect parameters in a query,
 * in order.  The pairs are split here rather than by g_uri_parse_params or
 * GUriParamsIter: those give up on the whole query (or stop) at the first
 * pair without "=" ("?&url=…") or with a malformed %-escape, and a hash
 * table keeps one value of a repeated key, so a target could hide behind
 * any of them.  Values are decoded by g_uri_unescape_string (http_value). */
static void query_targets(const char *q, const GHashTable *params, GPtrArray *targets)
{
	gsize qlen = strcspn(q, "#");
	g_autofree char *query = g_strndup(q, qlen);
	char **pairs = g_strsplit_set(query, "&;", REDIRECT_MAX_PARAMS);

	for (int i = 0; pairs[i]; i++) {
		char *eq = strchr(pairs[i], '='), *t;
		if (eq == NULL)
			continue;
		*eq = '\0';
		if (limits_word(params, pairs[i], strlen(pairs[i])) &&
		    (t = http_value(eq + 1, strlen(eq + 1))) != NULL)
			g_ptr_array_add(targets, t);
	}
	g_strfreev(pairs);
}

/* redirect_targets - see redirect.h */
GPtrArray *redirect_targets(const UrlParts *p, const GHashTable *params)
{
	const char *q = strchr(p->url, '?');
	GPtrArray *targets = g_ptr_array_new_with_free_func(g_free);

	if (g_str_has_suffix(p->host, "urldefense.com") || g_str_has_suffix(p->host, "urldefense.proofpoint.com")) {
		char *t = urldefense(p->url);
		if (t != NULL && is_http(t))
			g_ptr_array_add(targets, t);
		else
			g_free(t);
	} else if (q != NULL) {
		query_targets(q + 1, params, targets);
	}
	return targets;
}
