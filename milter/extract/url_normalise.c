/*
 * url_normalise.c - one URL taken apart and normalised as a browser would
 * open it.
 *
 * In:  a URL as written (an attribute value, a link found in text, a
 *      redirector's parameter).
 * Out: UrlParts (every field allocated, url_normalise_clear frees them):
 *      tabs and newlines dropped, "https:\\x" and "https:/x" read as
 *      "https://x", backslashes in the authority read as slashes, userinfo
 *      dropped (https://amazon.com@evil.example/ -> host evil.example), host
 *      percent-decoded, lower-cased, IDN -> punycode (libidn2, UTS#46),
 *      trailing dots dropped, integer / hex / short IPv4 forms turned into
 *      dotted quads.  The registrable domain comes from libpsl, else the host.
 *      Parsing and re-serialising uses libcurl's URL API (no network); a URL
 *      it refuses is taken apart by hand.
 *
 * Relative links (url_normalise_resolve) are made absolute against a base
 * URL, as a browser does for <base href>.
 *
 * Thread safety: the PSL context is loaded once by url_normalise_init();
 * everything else is per call.
 */
#include <arpa/inet.h>
#include <string.h>
#include "extract/url_normalise.h"     /* glib before idn2.h, which defines G_GNUC_DEPRECATED otherwise */
#include <curl/curl.h>
#include <idn2.h>

#define URL_SCHEME_SEP "://"

static const psl_ctx_t *url_psl;

/* url_normalise_init - load the public suffix list: the newer of libpsl's built-in and the system file */
void url_normalise_init(void)
{
	if (url_psl != NULL)
		return;
	url_psl = psl_latest(NULL);
	if (url_psl == NULL)
		url_psl = psl_builtin();
}

/* url_normalise_is_ip - dotted quad or IPv6 literal (as produced by url_normalise_host) */
gboolean url_normalise_is_ip(const char *host)
{
	struct in6_addr a6;
	struct in_addr a4;

	return inet_pton(AF_INET, host, &a4) == 1 || inet_pton(AF_INET6, host, &a6) == 1;
}

/* url_normalise_suffix_known - s is a suffix in the given sections of the list, not one made up by "*" */
gboolean url_normalise_suffix_known(const char *s, int type)
{
	return url_psl != NULL && psl_is_public_suffix2(url_psl, s, type | PSL_TYPE_NO_STAR_RULE);
}

/* url_normalise_example_tld - a top-level name kept for examples (RFC
 * 2606), which a reader still takes for a link when a path follows */
gboolean url_normalise_example_tld(const char *tld)
{
	return g_ascii_strcasecmp(tld, "example") == 0 || g_ascii_strcasecmp(tld, "test") == 0;
}

/* url_normalise_domain - see url_normalise.h */
const char *url_normalise_domain(const char *host)
{
	return url_psl != NULL ? psl_registrable_domain(url_psl, host) : NULL;
}

/* replace_all - every `from` in s replaced by `to` */
static void replace_all(GString *s, const char *from, const char *to)
{
	char *p;
	gsize flen = strlen(from), pos = 0;

	while ((p = strstr(s->str + pos, from)) != NULL) {
		pos = p - s->str;
		g_string_erase(s, pos, flen);
		g_string_insert(s, pos, to);
		pos += strlen(to);
	}
}

/* url_normalise_host - see url_normalise.h */
char *url_normalise_host(const char *in)
{
	GString *s = g_string_new(NULL);
	char *dec, *low = NULL, *out = NULL;
	struct in_addr a4;
	gboolean ascii = TRUE, numeric = TRUE, digit = FALSE;

	dec = g_uri_unescape_string(in, NULL);
	g_string_assign(s, dec && g_utf8_validate(dec, -1, NULL) ? dec : in);
	g_free(dec);
	if (!g_utf8_validate(s->str, s->len, NULL)) {
		char *v = g_utf8_make_valid(s->str, s->len);
		g_string_assign(s, v);
		g_free(v);
	}
	/* IDNA maps these full stops to '.', so browsers do too. */
	replace_all(s, "\xe3\x80\x82", ".");
	replace_all(s, "\xef\xbc\x8e", ".");
	replace_all(s, "\xef\xbd\xa1", ".");
	g_strstrip(s->str);
	g_string_set_size(s, strlen(s->str));
	if (s->len >= 2 && s->str[0] == '[' && s->str[s->len - 1] == ']') {
		g_string_erase(s, s->len - 1, 1);
		g_string_erase(s, 0, 1);
	}
	while (s->len > 0 && s->str[s->len - 1] == '.')
		g_string_truncate(s, s->len - 1);
	while (s->len > 0 && s->str[0] == '.')
		g_string_erase(s, 0, 1);
	if (s->len == 0)
		goto out;

	low = g_utf8_strdown(s->str, s->len);
	for (const char *p = low; *p; p++) {
		if ((guchar)*p >= 0x80)
			ascii = FALSE;
		if (g_ascii_isdigit(*p))
			digit = TRUE;
		else if (!(g_ascii_isxdigit(*p) || *p == 'x' || *p == '.'))
			numeric = FALSE;
	}
	if (!ascii) {
		char *puny = NULL;
		if (idn2_to_ascii_8z(low, &puny, IDN2_NONTRANSITIONAL | IDN2_NFC_INPUT) == IDN2_OK ||
		    idn2_to_ascii_8z(low, &puny, IDN2_TRANSITIONAL | IDN2_NFC_INPUT) == IDN2_OK) {
			out = g_ascii_strdown(puny, -1);
			idn2_free(puny);
			goto out;
		}
		idn2_free(puny);
	}
	/* inet_aton() reads the forms browsers accept: 3232235777, 0x7f.1, 127.1 */
	if (ascii && numeric && digit && inet_aton(low, &a4)) {
		char buf[INET_ADDRSTRLEN];
		out = g_strdup(inet_ntop(AF_INET, &a4, buf, sizeof buf));
		goto out;
	}
	out = low;
	low = NULL;
out:
	g_free(low);
	g_string_free(s, TRUE);
	return out ? out : g_strdup("");
}

/* scheme_is_special - a scheme whose URLs browsers parse as hierarchical, slashes or not */
static gboolean scheme_is_special(const char *scheme)
{
	return strcmp(scheme, "http") == 0 || strcmp(scheme, "https") == 0 ||
	       strcmp(scheme, "ftp") == 0 || strcmp(scheme, "ws") == 0 || strcmp(scheme, "wss") == 0;
}

/* parse_by_hand - authority split without libcurl, for URLs it refuses */
static void parse_by_hand(const char *url, UrlParts *out)
{
	const char *sep = strstr(url, "//");
	const char *auth, *aend, *at, *hp, *colon;
	char *hostport, *host;

	if (sep == NULL) {
		out->url = g_strdup(url);
		out->host = g_strdup("");
		return;
	}
	auth = sep + 2;
	aend = auth + strcspn(auth, "/?#");
	at = g_strrstr_len(auth, aend - auth, "@");
	hp = at ? at + 1 : auth;
	hostport = g_strndup(hp, aend - hp);
	if (hostport[0] == '[') {
		char *rb = strchr(hostport, ']');
		if (rb)
			rb[1] = '\0';
	} else if ((colon = strrchr(hostport, ':')) != NULL) {
		hostport[colon - hostport] = '\0';
	}
	host = url_normalise_host(hostport);
	out->host = host;
	out->url = g_strdup_printf("%.*s%s%s%s%s", (int)(auth - url), url,
	                           strchr(host, ':') ? "[" : "", host,
	                           strchr(host, ':') ? "]" : "", aend);
	g_free(hostport);
}

/* parse_hierarchical - scheme://authority/... through libcurl; fills url and host */
static void parse_hierarchical(const char *url, UrlParts *out)
{
	CURLU *u = curl_url();
	char *h = NULL, *full = NULL;

	if (u == NULL || curl_url_set(u, CURLUPART_URL, url, CURLU_NON_SUPPORT_SCHEME |
	                              CURLU_URLENCODE | CURLU_ALLOW_SPACE) != CURLUE_OK ||
	    curl_url_get(u, CURLUPART_HOST, &h, CURLU_URLDECODE) != CURLUE_OK) {
		parse_by_hand(url, out);
		goto out;
	}
	out->host = url_normalise_host(h);
	curl_url_set(u, CURLUPART_USER, NULL, 0);
	curl_url_set(u, CURLUPART_PASSWORD, NULL, 0);
	if (out->host[0]) {
		char *hv = strchr(out->host, ':') ? g_strdup_printf("[%s]", out->host)
		                                  : g_strdup(out->host);
		curl_url_set(u, CURLUPART_HOST, hv, 0);
		g_free(hv);
	}
	if (curl_url_get(u, CURLUPART_URL, &full, 0) == CURLUE_OK)
		out->url = g_strdup(full);
	else
		out->url = g_strdup(url);
out:
	curl_free(h);
	curl_free(full);
	curl_url_cleanup(u);
}

/* looks_like_host - first path segment of a scheme-less URL names a host */
static gboolean looks_like_host(const char *s)
{
	gsize n = strcspn(s, "/?#\\:");
	char *seg = g_strndup(s, n), *low, *dot;
	gboolean yes = FALSE;

	while (n > 0 && seg[n - 1] == '.')
		seg[--n] = '\0';
	low = g_ascii_strdown(seg, -1);
	dot = strrchr(low, '.');
	if (dot == NULL || dot == low)
		goto out;
	if (g_str_has_prefix(low, "www.")) {
		yes = TRUE;
		goto out;
	}
	{
		struct in_addr a;
		if (inet_pton(AF_INET, low, &a) == 1) {
			yes = TRUE;
			goto out;
		}
	}
	yes = url_normalise_suffix_known(dot + 1, PSL_TYPE_ANY) ||
	      (s[n] == '/' && url_normalise_example_tld(dot + 1));
out:
	g_free(low);
	g_free(seg);
	return yes;
}

/* input_clean - the URL as a browser reads it before parsing: tabs and
 * newlines dropped, white space trimmed, cut at URL_MAX_LEN (out->truncated),
 * valid UTF-8; transfer full */
static GString *input_clean(const char *in, UrlParts *out)
{
	GString *s = g_string_new(NULL);

	for (const char *p = in; *p; p++)
		if (*p != '\t' && *p != '\r' && *p != '\n')
			g_string_append_c(s, *p);
	while (s->len > 0 && (guchar)s->str[s->len - 1] <= ' ')
		g_string_truncate(s, s->len - 1);
	while (s->len > 0 && (guchar)s->str[0] <= ' ')
		g_string_erase(s, 0, 1);
	if (s->len > URL_MAX_LEN) {
		const char *end = s->str + URL_MAX_LEN;
		while (end > s->str && ((guchar)*end & 0xc0) == 0x80)
			end--;
		g_string_truncate(s, end - s->str);
		out->truncated = TRUE;
	}
	if (!g_utf8_validate(s->str, s->len, NULL)) {
		char *v = g_utf8_make_valid(s->str, s->len);
		g_string_assign(s, v);
		g_free(v);
	}
	return s;
}

/* scheme_of - the lower-case scheme s starts with, unless it is really
 * "host:port"; *rest after its colon; NULL when none (transfer full) */
static char *scheme_of(const char *s, const char **rest)
{
	const char *p;

	for (p = s; g_ascii_isalnum(*p) || *p == '+' || *p == '-' || *p == '.'; p++)
		;
	if (*p == ':' && p > s && g_ascii_isalpha(s[0])) {
		const char *q = p + 1;
		while (g_ascii_isdigit(*q))
			q++;
		if (!(q > p + 1 && (*q == '\0' || *q == '/'))) {
			*rest = p + 1;
			return g_ascii_strdown(s, p - s);
		}
	}
	return NULL;
}

/* with_scheme - a URL with a scheme: special ones as browsers open them,
 * mailto: by its address, data: by its type, others as written */
static void with_scheme(const char *s, const char *scheme, const char *rest, UrlParts *out)
{
	out->scheme = g_strdup(scheme);
	if (scheme_is_special(scheme)) {
		/* Browsers open "https:/x", "https:\\x" and "https:x" as https://x/ */
		GString *u = g_string_new(scheme);
		gsize alen;
		while (*rest == '/' || *rest == '\\')
			rest++;
		g_string_append(u, URL_SCHEME_SEP);
		alen = strcspn(rest, "?#");
		for (gsize i = 0; rest[i]; i++)
			g_string_append_c(u, (i < alen && rest[i] == '\\') ? '/' : rest[i]);
		parse_hierarchical(u->str, out);
		g_string_free(u, TRUE);
	} else if (strcmp(scheme, "mailto") == 0) {
		char *addr = g_strndup(rest, strcspn(rest, "?"));
		char *dec = g_uri_unescape_string(addr, NULL);
		const char *a = dec ? dec : addr;
		const char *at = strrchr(a, '@');
		out->host = url_normalise_host(at ? at + 1 : "");
		out->url = g_strdup_printf("mailto:%.*s%s%s", at ? (int)(at - a) : (int)strlen(a),
		                           a, at ? "@" : "", out->host);
		g_free(dec);
		g_free(addr);
	} else if (strcmp(scheme, "data") == 0) {
		char *type = g_ascii_strdown(rest, strcspn(rest, ";,"));
		out->url = g_strdup_printf("data:%s", type);
		g_free(type);
	} else if (g_str_has_prefix(rest, "//")) {
		parse_hierarchical(s, out);
	} else {
		out->url = g_strdup_printf("%s:%s", scheme, rest);
	}
}

/* as_http - u parsed as an http URL, its url without the first `strip`
 * bytes when it starts with `prefix` (the scheme added to parse it) */
static void as_http(const char *u, const char *prefix, gsize strip, UrlParts *out)
{
	parse_hierarchical(u, out);
	if (g_str_has_prefix(out->url, prefix)) {
		char *t = g_strdup(out->url + strip);
		g_free(out->url);
		out->url = t;
	}
}

/* without_scheme - protocol-relative "//host/path" and scheme-less
 * "host.tld/…"; anything else (a relative path) is left as written */
static void without_scheme(const char *s, UrlParts *out)
{
	if (s[0] == '/' || s[0] == '\\') {
		if ((s[1] == '/' || s[1] == '\\')) {
			/* protocol-relative: //host/path */
			char *u = g_strconcat("http://", s + 2, NULL);
			for (char *b = u; *b && *b != '?' && *b != '#'; b++)
				if (*b == '\\')
					*b = '/';
			as_http(u, "http:", strlen("http:"), out);
			g_free(u);
		}
	} else if (looks_like_host(s)) {
		char *u = g_strconcat("http://", s, NULL);
		as_http(u, "http://", strlen("http://"), out);
		g_free(u);
	}
}

/* url_normalise - see url_normalise.h */
void url_normalise(const char *in, UrlParts *out)
{
	GString *s;
	const char *rest = NULL;
	char *scheme;

	memset(out, 0, sizeof *out);
	s = input_clean(in, out);
	scheme = scheme_of(s->str, &rest);
	if (scheme != NULL)
		with_scheme(s->str, scheme, rest, out);
	else
		without_scheme(s->str, out);

	if (out->url == NULL)
		out->url = g_strdup(s->str);
	if (out->scheme == NULL)
		out->scheme = g_strdup("");
	if (out->host == NULL)
		out->host = g_strdup("");
	if (out->host[0] == '\0' || url_normalise_is_ip(out->host) || url_psl == NULL) {
		out->domain = g_strdup(out->host);
	} else {
		const char *reg = psl_registrable_domain(url_psl, out->host);
		out->domain = g_strdup(reg ? reg : out->host);
	}
	g_free(scheme);
	g_string_free(s, TRUE);
}

/* url_normalise_clear - see url_normalise.h */
void url_normalise_clear(UrlParts *p)
{
	g_free(p->url);
	g_free(p->scheme);
	g_free(p->host);
	g_free(p->domain);
	memset(p, 0, sizeof *p);
}

/* url_normalise_resolve - see url_normalise.h */
char *url_normalise_resolve(const char *base, const char *rel)
{
	UrlParts p;
	CURLU *u;
	char *full = NULL, *out = NULL;
	gboolean relative;

	if (base == NULL || rel == NULL || *rel == '\0' || *rel == '#')
		return NULL;
	url_normalise(rel, &p);
	relative = p.scheme[0] == '\0' && p.host[0] == '\0';
	url_normalise_clear(&p);
	if (!relative || (u = curl_url()) == NULL)
		return NULL;
	if (curl_url_set(u, CURLUPART_URL, base, CURLU_NON_SUPPORT_SCHEME | CURLU_URLENCODE) == CURLUE_OK &&
	    curl_url_set(u, CURLUPART_URL, rel, CURLU_NON_SUPPORT_SCHEME | CURLU_URLENCODE |
	                 CURLU_ALLOW_SPACE) == CURLUE_OK &&
	    curl_url_get(u, CURLUPART_URL, &full, 0) == CURLUE_OK)
		out = g_strdup(full);
	curl_free(full);
	curl_url_cleanup(u);
	return out;
}
