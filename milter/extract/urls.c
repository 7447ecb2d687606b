/*
 * urls.c - links: found in plain text, and every link normalised.
 *
 * In:  decoded UTF-8 text (urls_find), or one URL as written in an attribute
 *      (urls_add, called by html.c).
 * Out: FactLink entries in the Facts of a UrlsSink, deduplicated on
 *      (source, normalised url, label) and bounded by max_links
 *      ("limit:links" once the bound is reached).
 *
 * Finding.  Scheme URLs (http, https, ftp, mailto), scheme-less "www.x.y"
 * and bare "host.tld/path", where tld must be a real public suffix (ICANN or
 * private section, no "*" default rule).  A bare "name.tld" without path,
 * port or "www." is a link when libpsl has tld in its ICANN section and the
 * name has a registrable domain, unless a reader sees something else there:
 * a file name ("readme.md": tld in file_ext_tlds), two words glued by a dot
 * ("Thanks.Best regards": a capitalised word after the dot starts a
 * sentence; "you.best": a word that ends sentences before it), a method
 * call ("install.run()"), a quantity or an initial ("3.am", "I.am": a number, or one
 * letter before a two-letter tld).  Abbreviations ("e.g.", "v1.2", "3.5mm")
 * end in no TLD at all.  A host written without a scheme must be a name a
 * registrar hands out: no label starts or ends with "-", and "_" appears
 * only below the registrable domain.  "www.x.com:pw@y.example" is read as a
 * browser reads it, host y.example; "mailto:" in text needs an address.
 * Obfuscations are undone first, per line: "hxxp(s)", "ttp(s)://", "[.]",
 * "(.)", "{.}", "[dot]", "(dot)", "[:]", " dot " between words, and
 * full-width / ideographic full stops between letters.  Links keep `raw` as
 * written, obfuscation included.
 *
 * Normalising (every link, HTML ones included) follows what a browser would
 * open: tabs and newlines dropped, "https:\\x" and "https:/x" read as
 * "https://x", backslashes in the authority read as slashes, userinfo dropped
 * (https://amazon.com@evil.example/ -> host evil.example), host
 * percent-decoded, lower-cased, IDN -> punycode (libidn2, UTS#46), trailing
 * dots dropped, integer / hex / short IPv4 forms turned into dotted quads.
 * The registrable domain comes from libpsl, else the host.  Parsing and
 * re-serialising uses libcurl's URL API (no network); a URL it refuses is
 * taken apart by hand.
 *
 * Redirectors.  A link whose query carries another http(s) URL in a
 * parameter (url, u, q, target, redirect, … : google.com/url?q=,
 * l.facebook.com/l.php?u=, *.safelinks.protection.outlook.com/?url=,
 * amazon's /gp/r.html?U=, and any other site doing the same) adds that URL
 * too, with source "redirect", so host rules see where the click ends;
 * Proofpoint urldefense v2 ("u=https-3A__x") and v3 ("/v3/__URL__;") are
 * decoded.  Unwrapping goes URLS_MAX_UNWRAP levels deep.  Shorteners that
 * carry nothing in the URL (t.co, bit.ly) stay as they are.
 *
 * For people (amzmilter-check --facts) a link also carries its display form:
 * the URL and host with IDN labels back in Unicode (idn2_to_unicode_8z8z);
 * rules and lists see only the ASCII form.
 *
 * Relative links (urls_resolve) are made absolute against a base URL,
 * as a browser does for <base href>.
 *
 * Thread safety: the PSL context is loaded once by urls_init(); everything
 * else lives in the sink, which belongs to one message.
 */
#include <arpa/inet.h>
#include <string.h>
#include "extract/urls.h"       /* glib before idn2.h, which defines G_GNUC_DEPRECATED otherwise */
#include <curl/curl.h>
#include <idn2.h>
#include <libpsl.h>

/* Text is scanned a line at a time; a longer line is cut into pieces this long. */
#define URLS_SEGMENT_MAX (64 * 1024)
#define URLS_LABEL_MAX 1024
#define URLS_TRIED_MAX 20000
#define URLS_MAX_UNWRAP 3

struct UrlsSink {
	Facts *f;
	guint max_links;
	guint unwrapping;   /* redirector levels being unwrapped now */
	GHashTable *seen;   /* "source\x1furl\x1flabel" of links already added */
	GHashTable *tried;  /* candidates already found in text, so repeats cost nothing */
	gboolean full;
};

static const psl_ctx_t *urls_psl;

/* File extensions that are also ICANN TLDs (checked against libpsl): a bare
 * "readme.md", "manual.zip" or "logo.ai" names a file, so under these a bare
 * name is a link only with a scheme, "www." or a path.  Extensions whose TLD
 * is the likelier reading in a message to a buyer stay out: .pl (an Amazon
 * marketplace), .in, .cc, .app, .ml, .mk name shops more often than files. */
static const char *const file_ext_tlds[] = {
	"ai", "md", "mobi", "mov", "pm", "ps", "py", "rs", "sh", "so", "zip", NULL
};

/* Words that end a sentence in a message to a buyer: a bare "you.best",
 * "order.today" or "done.love" is a missing space after a full stop, not a
 * shop (a shop's name with a scheme, "www." or a path is still a link). */
static const char *const sentence_end_words[] = {
	"you", "it", "me", "us", "them", "him", "her", "order", "orders", "item", "items",
	"done", "again", "day", "days", "time", "soon", "today", "now", "here", "there",
	"this", "that", "thanks", "thank", "please", "regards", "all", "ok", "okay", "well",
	"too", "also", "yes", "no", "help", "purchase", "service", "product", "package",
	"sie", "ihnen", "uns", "dank", "bestellung", "vous", "merci", "commande", "usted",
	"gracias", "pedido", "grazie", "ordine", NULL
};

/* Words after which " dot " is prose, not an obfuscated host ("the dot com era"). */
static const char *const dot_stopwords[] = {
	"the", "a", "an", "one", "this", "that", "each", "every", "red", "green", "blue",
	"black", "white", "small", "big", "little", "polka", "no", NULL
};

/* urls_init - load the public suffix list: the newer of libpsl's built-in and the system file */
void urls_init(void)
{
	if (urls_psl != NULL)
		return;
	urls_psl = psl_latest(NULL);
	if (urls_psl == NULL)
		urls_psl = psl_builtin();
}

static gboolean in_list(const char *const *list, const char *s)
{
	for (; *list; list++)
		if (g_ascii_strcasecmp(*list, s) == 0)
			return TRUE;
	return FALSE;
}

/* urls_host_is_ip - dotted quad or IPv6 literal (as produced by host_normalise) */
gboolean urls_host_is_ip(const char *host)
{
	struct in6_addr a6;
	struct in_addr a4;

	return inet_pton(AF_INET, host, &a4) == 1 || inet_pton(AF_INET6, host, &a6) == 1;
}

/* suffix_known - s is a suffix in the given sections of the list, not one made up by "*" */
static gboolean suffix_known(const char *s, int type)
{
	return urls_psl != NULL && psl_is_public_suffix2(urls_psl, s, type | PSL_TYPE_NO_STAR_RULE);
}

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

/* host_normalise - the host a browser would connect to, as lower-case ASCII; transfer full */
static char *host_normalise(const char *in)
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
	host = host_normalise(hostport);
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
	out->host = host_normalise(h);
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
	yes = suffix_known(dot + 1, PSL_TYPE_ANY);
out:
	g_free(low);
	g_free(seg);
	return yes;
}

/* urls_parse - take one URL apart and normalise it (see the file comment) */
void urls_parse(const char *in, UrlParts *out)
{
	GString *s = g_string_new(NULL);
	const char *p, *rest;
	char *scheme = NULL;

	memset(out, 0, sizeof *out);
	for (p = in; *p; p++)
		if (*p != '\t' && *p != '\r' && *p != '\n')
			g_string_append_c(s, *p);
	while (s->len > 0 && (guchar)s->str[s->len - 1] <= ' ')
		g_string_truncate(s, s->len - 1);
	while (s->len > 0 && (guchar)s->str[0] <= ' ')
		g_string_erase(s, 0, 1);
	if (s->len > URLS_MAX_LEN) {
		const char *end = s->str + URLS_MAX_LEN;
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

	/* A scheme, unless it is really "host:port". */
	for (p = s->str; g_ascii_isalnum(*p) || *p == '+' || *p == '-' || *p == '.'; p++)
		;
	if (*p == ':' && p > s->str && g_ascii_isalpha(s->str[0])) {
		const char *q = p + 1;
		while (g_ascii_isdigit(*q))
			q++;
		if (!(q > p + 1 && (*q == '\0' || *q == '/')))
			scheme = g_ascii_strdown(s->str, p - s->str);
	}

	if (scheme != NULL) {
		rest = p + 1;
		out->scheme = g_strdup(scheme);
		if (scheme_is_special(scheme)) {
			/* Browsers open "https:/x", "https:\\x" and "https:x" as https://x/ */
			GString *u = g_string_new(scheme);
			gsize alen;
			while (*rest == '/' || *rest == '\\')
				rest++;
			g_string_append(u, "://");
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
			out->host = host_normalise(at ? at + 1 : "");
			out->url = g_strdup_printf("mailto:%.*s%s%s", at ? (int)(at - a) : (int)strlen(a),
			                           a, at ? "@" : "", out->host);
			g_free(dec);
			g_free(addr);
		} else if (strcmp(scheme, "data") == 0) {
			char *type = g_ascii_strdown(rest, strcspn(rest, ";,"));
			out->url = g_strdup_printf("data:%s", type);
			g_free(type);
		} else if (g_str_has_prefix(rest, "//")) {
			parse_hierarchical(s->str, out);
		} else {
			out->url = g_strdup_printf("%s:%s", scheme, rest);
		}
	} else if (s->str[0] == '/' || s->str[0] == '\\') {
		if ((s->str[1] == '/' || s->str[1] == '\\')) {
			/* protocol-relative: //host/path */
			char *u = g_strconcat("http://", s->str + 2, NULL);
			for (char *b = u; *b && *b != '?' && *b != '#'; b++)
				if (*b == '\\')
					*b = '/';
			parse_hierarchical(u, out);
			if (g_str_has_prefix(out->url, "http:")) {
				char *t = g_strdup(out->url + 5);
				g_free(out->url);
				out->url = t;
			}
			g_free(u);
		}
	} else if (looks_like_host(s->str)) {
		char *u = g_strconcat("http://", s->str, NULL);
		parse_hierarchical(u, out);
		if (g_str_has_prefix(out->url, "http://")) {
			char *t = g_strdup(out->url + 7);
			g_free(out->url);
			out->url = t;
		}
		g_free(u);
	}

	if (out->url == NULL)
		out->url = g_strdup(s->str);
	if (out->scheme == NULL)
		out->scheme = g_strdup("");
	if (out->host == NULL)
		out->host = g_strdup("");
	if (out->host[0] == '\0' || urls_host_is_ip(out->host) || urls_psl == NULL) {
		out->domain = g_strdup(out->host);
	} else {
		const char *reg = psl_registrable_domain(urls_psl, out->host);
		out->domain = g_strdup(reg ? reg : out->host);
	}
	g_free(scheme);
	g_string_free(s, TRUE);
}

void urls_parts_clear(UrlParts *p)
{
	g_free(p->url);
	g_free(p->scheme);
	g_free(p->host);
	g_free(p->domain);
	memset(p, 0, sizeof *p);
}

UrlsSink *urls_sink_new(Facts *f, guint max_links)
{
	UrlsSink *s = g_new0(UrlsSink, 1);
	s->f = f;
	s->max_links = max_links;
	s->seen = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	s->tried = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	return s;
}

void urls_sink_free(UrlsSink *s)
{
	if (s == NULL)
		return;
	g_hash_table_unref(s->seen);
	g_hash_table_unref(s->tried);
	g_free(s);
}

/* clean_label - anchor text as one bounded line of valid UTF-8; transfer full */
static char *clean_label(const char *label)
{
	GString *out = g_string_new(NULL);
	char *v = g_utf8_make_valid(label, -1);
	gboolean space = FALSE;

	for (const char *p = v; *p && out->len < URLS_LABEL_MAX; p = g_utf8_next_char(p)) {
		gunichar c = g_utf8_get_char(p);
		if (g_unichar_isspace(c) || c < 0x20) {
			space = out->len > 0;
			continue;
		}
		if (space)
			g_string_append_c(out, ' ');
		space = FALSE;
		g_string_append_unichar(out, c);
	}
	g_free(v);
	return g_string_free(out, FALSE);
}

/* Query parameters that redirectors put their target in (compared without case). */
static const char *const redirect_params[] = {
	"url", "u", "q", "target", "redirect", "redirect_url", "redirect_uri", "redir",
	"dest", "destination", "goto", "link", "location", "to", "out", "r", NULL
};

/* http_value - a parameter value that is an http(s) URL, decoded once or twice; transfer full */
static char *http_value(const char *v, gsize n)
{
	char *enc = g_strndup(v, n), *dec = NULL;

	for (char *c = enc; *c; c++)
		if (*c == '+')
			*c = ' ';
	for (int round = 0; round < 2; round++) {
		char *d = g_uri_unescape_string(enc, NULL);
		if (d == NULL)
			break;
		g_free(dec);
		dec = d;
		if (g_ascii_strncasecmp(dec, "http://", 7) == 0 || g_ascii_strncasecmp(dec, "https://", 8) == 0) {
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
	const char *v3 = strstr(url, "/v3/__"), *u;
	GString *out;

	if (v3 != NULL) {
		const char *e = strstr(v3 + 6, "__;");
		return g_strndup(v3 + 6, e ? (gsize)(e - v3 - 6) : strcspn(v3 + 6, "#"));
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

/* unwrap - add the URLs a redirector link carries (see the file comment) */
static void unwrap(UrlsSink *s, const UrlParts *p, const char *raw, const char *label)
{
	const char *q = strchr(p->url, '?');
	GPtrArray *targets = g_ptr_array_new_with_free_func(g_free);

	if (s->unwrapping >= URLS_MAX_UNWRAP)
		goto out;
	if (g_str_has_suffix(p->host, "urldefense.com") || g_str_has_suffix(p->host, "urldefense.proofpoint.com")) {
		char *t = urldefense(p->url);
		if (t != NULL && (g_ascii_strncasecmp(t, "http://", 7) == 0 ||
		                  g_ascii_strncasecmp(t, "https://", 8) == 0))
			g_ptr_array_add(targets, t);
		else
			g_free(t);
	} else if (q != NULL) {
		gsize qlen = strcspn(q + 1, "#");
		g_autofree char *query = g_strndup(q + 1, qlen);
		char **pairs = g_strsplit_set(query, "&;", 64);
		for (int i = 0; pairs[i]; i++) {
			char *eq = strchr(pairs[i], '='), *t;
			gboolean known = FALSE;
			if (eq == NULL)
				continue;
			*eq = '\0';
			for (int k = 0; redirect_params[k] && !known; k++)
				known = g_ascii_strcasecmp(pairs[i], redirect_params[k]) == 0;
			if (known && (t = http_value(eq + 1, strlen(eq + 1))) != NULL)
				g_ptr_array_add(targets, t);
		}
		g_strfreev(pairs);
	}
	s->unwrapping++;
	for (guint i = 0; i < targets->len; i++)
		urls_add(s, targets->pdata[i], raw, "redirect", label);
	s->unwrapping--;
out:
	g_ptr_array_unref(targets);
}

/* urls_resolve - rel made absolute against base, as a browser would; transfer full, NULL
 * when rel is not relative or base cannot serve */
char *urls_resolve(const char *base, const char *rel)
{
	UrlParts p;
	CURLU *u;
	char *full = NULL, *out = NULL;
	gboolean relative;

	if (base == NULL || rel == NULL || *rel == '\0' || *rel == '#')
		return NULL;
	urls_parse(rel, &p);
	relative = p.scheme[0] == '\0' && p.host[0] == '\0';
	urls_parts_clear(&p);
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

/* link_display - a host with IDN labels ("xn--…") in Unicode, for people to
 * read; kept in ASCII when it does not decode to printable characters */
static void link_display(FactLink *l)
{
	char *u = NULL;
	const char *from, *at;
	gboolean ok;

	if (strstr(l->host, "xn--") == NULL)
		return;
	ok = idn2_to_unicode_8z8z(l->host, &u, 0) == IDN2_OK && g_utf8_validate(u, -1, NULL);
	for (const char *p = u; ok && *p; p = g_utf8_next_char(p))
		ok = g_unichar_isgraph(g_utf8_get_char(p));
	if (ok) {
		char *d = NULL;
		from = strstr(l->url, "://");
		from = from ? from + 3 : strrchr(l->url, '@') ? strrchr(l->url, '@') + 1 : l->url;
		if ((at = strstr(from, l->host)) != NULL)
			d = g_strdup_printf("%.*s%s%s", (int)(at - l->url), l->url, u, at + strlen(l->host));
		facts_link_set_display(l, d, u);
		g_free(d);
	}
	idn2_free(u);
}

/* urls_add - normalise `in` and add it as a link; raw is as written (NULL: in) */
void urls_add(UrlsSink *s, const char *in, const char *raw, const char *source,
              const char *label)
{
	UrlParts p;
	char *key = NULL, *lab = NULL, *rawv = NULL;

	if (s->full || in == NULL)
		return;
	urls_parse(in, &p);
	if (p.url[0] == '\0')
		goto out;
	lab = label ? clean_label(label) : NULL;
	key = g_strconcat(source, "\x1f", p.url, "\x1f", lab ? lab : "\x1e", NULL);
	if (g_hash_table_contains(s->seen, key))
		goto out;
	if (s->f->links->len >= s->max_links) {
		facts_add_anomaly(s->f, "limit", "links");
		s->full = TRUE;
		goto out;
	}
	if (p.truncated)
		facts_add_anomaly(s->f, "limit", "url-length");
	raw = raw ? raw : in;
	rawv = g_utf8_make_valid(raw, MIN(strlen(raw), (gsize)URLS_MAX_LEN));
	link_display(facts_add_link(s->f, p.url, rawv, p.scheme, p.host, p.domain, lab, source));
	g_hash_table_add(s->seen, key);
	key = NULL;
	if (p.host[0] != '\0')
		unwrap(s, &p, rawv, lab);
out:
	g_free(key);
	g_free(lab);
	g_free(rawv);
	urls_parts_clear(&p);
}

/* Text after undoing obfuscations, with the offset in the original of each
 * byte.  One Clean serves every line of a block, so a line costs no allocation. */
typedef struct {
	GString *s;
	guint32 *map;  /* one entry per byte of s */
	gsize cap;     /* entries map has room for */
} Clean;

static inline void clean_put(Clean *c, const char *b, gsize n, guint32 orig)
{
	if (c->s->len + n > c->cap) {
		c->cap = 2 * (c->s->len + n);
		c->map = g_renew(guint32, c->map, c->cap);
	}
	for (gsize i = 0; i < n; i++) {
		c->map[c->s->len] = orig;
		g_string_append_c(c->s, b[i]);
	}
}

static void clean_unput_spaces(Clean *c)
{
	while (c->s->len > 0 && c->s->str[c->s->len - 1] == ' ')
		g_string_truncate(c->s, c->s->len - 1);
}

static gboolean last_is_alnum(const Clean *c)
{
	return c->s->len > 0 && g_ascii_isalnum(c->s->str[c->s->len - 1]);
}

/* prev_word_is_stopword - the word just before " dot " is prose */
static gboolean prev_word_is_stopword(const Clean *c)
{
	gsize e = c->s->len, b = e;
	char word[16];

	while (b > 0 && g_ascii_isalnum(c->s->str[b - 1]))
		b--;
	if (e - b == 0 || e - b >= sizeof word)
		return FALSE;
	memcpy(word, c->s->str + b, e - b);
	word[e - b] = '\0';
	return in_list(dot_stopwords, word);
}

/* bracket_dot - "[.]", "( dot )", "{.}", "[:]" at t[i]; the replacement char, end in *end */
static char bracket_dot(const char *t, gsize n, gsize i, gsize *end)
{
	char close = t[i] == '[' ? ']' : t[i] == '(' ? ')' : '}';
	gsize j = i + 1;
	char rep;

	while (j < n && t[j] == ' ')
		j++;
	if (j < n && t[j] == '.') {
		rep = '.';
		j++;
	} else if (j < n && t[j] == ':') {
		rep = ':';
		j++;
	} else if (j + 3 <= n && g_ascii_strncasecmp(t + j, "dot", 3) == 0) {
		rep = '.';
		j += 3;
	} else {
		return 0;
	}
	while (j < n && t[j] == ' ')
		j++;
	if (j >= n || t[j] != close)
		return 0;
	*end = j + 1;
	return rep;
}

/* clean_segment - undo the obfuscations listed in the file comment */
static void clean_segment(Clean *c, const char *t, gsize n)
{
	gsize i = 0, end;

	while (i < n) {
		guchar ch = t[i];
		gboolean word_start = i == 0 || !g_ascii_isalnum(t[i - 1]);
		char rep;

		if (word_start && (ch | 0x20) == 'h' && i + 5 <= n &&
		    g_ascii_strncasecmp(t + i, "hxxp", 4) == 0 &&
		    (t[i + 4] == ':' || t[i + 4] == '[' || g_ascii_tolower(t[i + 4]) == 's')) {
			clean_put(c, "http", 4, i);
			i += 4;
			continue;
		}
		if (word_start && (ch == 't' || ch == 'T') && i + 6 <= n &&
		    (g_ascii_strncasecmp(t + i, "ttp://", 6) == 0 ||
		     (i + 7 <= n && g_ascii_strncasecmp(t + i, "ttps://", 7) == 0))) {
			clean_put(c, "h", 1, i);
			clean_put(c, t + i, 1, i);
			i++;
			continue;
		}
		if ((ch == '[' || ch == '(' || ch == '{') && (rep = bracket_dot(t, n, i, &end))) {
			if (rep == ':' || last_is_alnum(c) || (c->s->len && c->s->str[c->s->len - 1] == ' ')) {
				clean_unput_spaces(c);
				clean_put(c, &rep, 1, i);
				i = end;
				while (rep == '.' && i < n && t[i] == ' ')
					i++;
				continue;
			}
		}
		if (ch == ' ' && last_is_alnum(c)) {
			gsize j = i;
			while (j < n && t[j] == ' ')
				j++;
			if (j + 4 <= n && (t[j] | 0x20) == 'd' && g_ascii_strncasecmp(t + j, "dot", 3) == 0 &&
			    t[j + 3] == ' ') {
				gsize k = j + 3;
				while (k < n && t[k] == ' ')
					k++;
				if (k < n && g_ascii_isalnum(t[k]) && !prev_word_is_stopword(c)) {
					clean_put(c, ".", 1, i);
					i = k;
					continue;
				}
			}
		}
		if (ch >= 0xe0 && i + 3 <= n && last_is_alnum(c) && i + 3 < n &&
		    g_ascii_isalnum(t[i + 3]) &&
		    (memcmp(t + i, "\xe3\x80\x82", 3) == 0 || memcmp(t + i, "\xef\xbc\x8e", 3) == 0 ||
		     memcmp(t + i, "\xef\xbd\xa1", 3) == 0)) {
			clean_put(c, ".", 1, i);
			i += 3;
			continue;
		}
		clean_put(c, t + i, 1, i);
		i++;
	}
}

/* char_at - the character at s[i] (s valid UTF-8) and its length */
static gunichar char_at(const char *s, gsize n, gsize i, gsize *len)
{
	const char *next;

	if ((guchar)s[i] < 0x80) {
		*len = 1;
		return (guchar)s[i];
	}
	next = g_utf8_find_next_char(s + i, s + n);
	*len = next ? (gsize)(next - (s + i)) : n - i;
	return g_utf8_get_char_validated(s + i, *len);
}

/* host_letter - may appear in a host label written in text (Latin, Greek, Cyrillic, ...) */
static gboolean host_letter(gunichar c)
{
	if (c < 0x80)
		return g_ascii_isalnum(c) || c == '-' || c == '_';
	return c < 0x2e80 && c != (gunichar)-1 && c != (gunichar)-2 && g_unichar_isalnum(c);
}

/* may_start - a link can begin at s[i]: not inside a word, an address or a path */
static gboolean may_start(const char *s, gsize i)
{
	const char *prev;
	gunichar c;
	char p;

	if (i == 0)
		return TRUE;
	p = s[i - 1];
	if ((guchar)p < 0x80) {
		/* "\" after a name separates path pieces (C:\dir\setup.com); at a
		 * word start it is punctuation (\shop.example) */
		if (p == '\\')
			return i == 1 || !(g_ascii_isalnum(s[i - 2]) ||
			                   (s[i - 2] && strchr("-_.:/\\%", s[i - 2])));
		return !g_ascii_isalnum(p) && !strchr("-_.@/%+~", p) && p != '\0';
	}
	prev = g_utf8_find_prev_char(s, s + i);
	if (prev == NULL)
		return TRUE;
	c = g_utf8_get_char_validated(prev, (s + i) - prev);
	return !host_letter(c);
}

/* glued_start - a scheme URL or "www." glued to what precedes it
 * ("ignorethishttp://x.example", ".....www.x.example", "(Bhttp://…"): a
 * reader's eye and most linkifiers still see the link, so it counts.  Not
 * the domain of an e-mail address ("b@www.x.example").  Called for most
 * characters of a text, so the first letter decides cheaply. */
static gboolean glued_start(const char *s, gsize n, gsize i)
{
	switch (s[i] | 0x20) {
	case 'h':
		return (i + 7 <= n && g_ascii_strncasecmp(s + i, "http://", 7) == 0) ||
		       (i + 8 <= n && g_ascii_strncasecmp(s + i, "https://", 8) == 0);
	case 'f':
		return i + 6 <= n && g_ascii_strncasecmp(s + i, "ftp://", 6) == 0;
	case 'w':
		if (i == 0 || g_ascii_isalnum(s[i - 1]) || i + 4 > n ||
		    g_ascii_strncasecmp(s + i, "www.", 4) != 0)
			return FALSE;
		return !(s[i - 1] == '@' && i >= 2 &&
		         (g_ascii_isalnum(s[i - 2]) || (s[i - 2] && strchr(".-_+=", s[i - 2]))));
	default:
		return FALSE;
	}
}

/* GLUED_FIRST - ch may begin what glued_start looks for: tested before the call */
#define GLUED_FIRST(ch) (((ch) | 0x20) == 'h' || ((ch) | 0x20) == 'w' || ((ch) | 0x20) == 'f')

/* url_stop - a character that ends a URL written in text.  CJK text runs on
 * without spaces, so CJK characters end a URL too (a gap for CJK paths). */
static gboolean url_stop(gunichar c)
{
	if (c < 0x80)
		return c <= ' ' || c == 0x7f || strchr("<>\"`'", (int)c) != NULL;
	return c == (gunichar)-1 || c == (gunichar)-2 || g_unichar_isspace(c) ||
	       (c >= 0x2000 && c <= 0x206f) ||   /* general punctuation, smart quotes */
	       (c >= 0x2e80 && c <= 0xa4cf) ||   /* CJK punctuation, kana, ideographs */
	       (c >= 0xac00 && c <= 0xd7af) ||   /* Hangul */
	       (c >= 0xff00 && c <= 0xffef) ||   /* full-width forms */
	       c == 0xab || c == 0xbb || c == 0xa0;
}

/* url_end - end of the URL whose rest starts at s[from], trailing punctuation dropped */
static gsize url_end(const char *s, gsize n, gsize start, gsize from)
{
	gsize j = from, len;
	int paren = 0, bracket = 0;

	while (j < n && j - start < URLS_MAX_LEN) {
		gunichar c = char_at(s, n, j, &len);
		if (url_stop(c))
			break;
		j += len;
	}
	for (gsize k = start; k < j; k++) {
		paren += s[k] == '(' ? 1 : s[k] == ')' ? -1 : 0;
		bracket += s[k] == '[' ? 1 : s[k] == ']' ? -1 : 0;
	}
	while (j > from) {
		char c = s[j - 1];
		if (strchr(".,;:!?*'", c) != NULL) {
			j--;
		} else if (c == ')' && paren < 0) {
			paren++;
			j--;
		} else if (c == ']' && bracket < 0) {
			bracket++;
			j--;
		} else if (c == '}') {
			j--;
		} else {
			break;
		}
	}
	return j;
}

/* mailto_ok - the rest of a "mailto:" written in text is one address: one
 * "@" after a local part, then a domain with a dot */
static gboolean mailto_ok(const char *a, gsize n)
{
	const char *q = memchr(a, '?', n), *at, *dot;

	if (q != NULL)
		n = q - a;
	at = memchr(a, '@', n);
	if (at == NULL || at == a || memchr(at + 1, '@', a + n - (at + 1)) != NULL)
		return FALSE;
	dot = memchr(at + 1, '.', a + n - (at + 1));
	return dot != NULL && dot > at + 1 && dot + 1 < a + n;
}

/* try_scheme - "http(s)://", "ftp://", "mailto:" at s[i]; end of the URL or i */
static gsize try_scheme(const char *s, gsize n, gsize i)
{
	static const char *const schemes[] = { "https:", "http:", "ftp:", "mailto:", NULL };
	static const gsize lens[] = { 6, 5, 4, 7 };
	char first = s[i] | 0x20;

	if (first != 'h' && first != 'f' && first != 'm')
		return i;
	for (int k = 0; schemes[k]; k++) {
		gsize sl = lens[k], j, e;
		if (i + sl > n || g_ascii_strncasecmp(s + i, schemes[k], sl) != 0)
			continue;
		j = i + sl;
		if (k < 3) {
			gsize slashes = j;
			while (j < n && (s[j] == '/' || s[j] == '\\'))
				j++;
			if (j == slashes)
				return i;
		}
		e = url_end(s, n, i, j);
		if (e <= j)
			return i;
		if (k == 3 && !mailto_ok(s + j, e - j))
			return i;
		return e;
	}
	return i;
}

/* sentence_end - the label s[0..n) is a word that ends sentences */
static gboolean sentence_end(const char *s, gsize n)
{
	char w[16];

	if (n == 0 || n >= sizeof w)
		return FALSE;
	memcpy(w, s, n);
	w[n] = '\0';
	return in_list(sentence_end_words, w);
}

/* title_case - "Best", "Next": a capitalised word, as after a full stop */
static gboolean title_case(const char *w, gsize n)
{
	if (n < 2 || !g_ascii_isupper(w[0]))
		return FALSE;
	for (gsize k = 1; k < n; k++)
		if (!g_ascii_islower(w[k]))
			return FALSE;
	return TRUE;
}

/* try_host - a scheme-less "www.x.y", "host.tld/path" or bare "name.tld" at
 * s[i] (see the file comment); the end of the link or i.  *skip: where the
 * next candidate may start; *userinfo: the link is "www.x:pw@host", which
 * needs a scheme to be read as the browser reads it. */
static gsize try_host(const char *s, gsize n, gsize i, gsize *skip, gboolean *userinfo)
{
	gsize j = i, he, len, end = i, tb = i, rb = i, k;
	char *host = NULL, *norm = NULL;
	char tld[64];
	gboolean has_path, has_port, www, ip = FALSE, ascii = TRUE, digits = TRUE, alpha = TRUE;
	guint nl = 1;

	while (j < n) {
		guchar ch = s[j];
		if (ch < 0x80) {
			if (!(g_ascii_isalnum(ch) || ch == '.' || ch == '-' || ch == '_'))
				break;
			j++;
		} else {
			if (!host_letter(char_at(s, n, j, &len)))
				break;
			j += len;
		}
	}
	*skip = j > i ? j : i + 1;
	he = j;
	while (he > i && (s[he - 1] == '.' || s[he - 1] == '-'))
		he--;
	if (he == i || memchr(s + i, '.', he - i) == NULL)
		goto out;
	if (j < n && s[j] == '@')
		goto out;   /* the local part of an e-mail address */
	/* labels: none empty, none starting or ending with "-"; tb the last, rb the one before */
	for (k = i; k <= he; k++) {
		if (k < he && s[k] != '.')
			continue;
		if (k == tb || s[tb] == '-' || s[k - 1] == '-')
			goto out;
		if (k < he) {
			rb = tb;
			tb = k + 1;
			nl++;
		}
	}
	for (k = tb; k < he; k++) {
		ascii = ascii && (guchar)s[k] < 0x80;
		digits = digits && g_ascii_isdigit(s[k]);
		alpha = alpha && g_ascii_isalpha(s[k]);
	}
	has_path = he < n && s[he] == '/';
	has_port = he + 1 < n && s[he] == ':' && g_ascii_isdigit(s[he + 1]);
	www = g_ascii_strncasecmp(s + i, "www", 3) == 0 &&
	      (s[i + 3] == '.' || (g_ascii_isdigit(s[i + 3]) && s[i + 4] == '.'));
	if (www && he + 1 < n && s[he] == ':' && !has_port) {
		/* "www.x.com:pw@evil.example": browsers go to the host after "@" */
		for (k = he + 1; k < n && (guchar)s[k] > ' ' && !strchr("/?#@<>\"'", s[k]); k++)
			;
		if (k < n && s[k] == '@' && k + 1 < n && g_ascii_isalnum(s[k + 1])) {
			*userinfo = TRUE;
			end = *skip = url_end(s, n, i, he);
			goto out;
		}
	}
	if (www && nl >= 3 && alpha && he - tb >= 2) {
		/* "www.name.tld" is a host whatever the list says of tld: readers link it */
		if (memchr(s + rb, '_', he - rb) != NULL)
			goto out;
	} else if (digits) {
		struct in_addr a;
		host = g_strndup(s + i, he - i);
		ip = nl == 4 && inet_pton(AF_INET, host, &a) == 1;
		if (!ip || !(has_path || has_port))
			goto out;
	} else {
		gboolean bare = !has_path && !has_port && !www, ok;
		int type = bare ? PSL_TYPE_ICANN : PSL_TYPE_ANY;
		const char *reg;

		if (he - tb >= sizeof tld)
			goto out;
		if (ascii) {
			for (k = tb; k < he; k++)
				tld[k - tb] = g_ascii_tolower(s[k]);
			tld[he - tb] = '\0';
			ok = suffix_known(tld, type);
		} else {
			char *low = g_utf8_strdown(s + tb, he - tb), *pt = NULL;
			tld[0] = '\0';
			ok = idn2_to_ascii_8z(low, &pt, IDN2_NONTRANSITIONAL) == IDN2_OK &&
			     suffix_known(pt, type);
			idn2_free(pt);
			g_free(low);
		}
		if (!ok)
			goto out;
		/* a bare name: not a file name, not "you.Best" typed without a space, not
		 * a quantity ("3.am", "12.in") or an initial ("I.am") before a short tld */
		if (bare && (in_list(file_ext_tlds, tld) || title_case(s + tb, he - tb) ||
		             (he < n && s[he] == '(') ||          /* "install.run()": code */
		             (nl == 2 && (strspn(s + i, "0123456789") == tb - 1 - i ||
		                          (tb - 1 - i == 1 && he - tb == 2) ||
		                          sentence_end(s + i, tb - 1 - i)))))
			goto out;
		host = g_strndup(s + i, he - i);
		norm = host_normalise(host);
		if (urls_psl == NULL || (reg = psl_registrable_domain(urls_psl, norm)) == NULL ||
		    strchr(reg, '_') != NULL)
			goto out;
	}
	end = (has_path || has_port) ? url_end(s, n, i, he) : he;
	if (end < he)
		end = he;
	*skip = end;
out:
	g_free(host);
	g_free(norm);
	return end;
}

/* find_segment - links in one line of text; c is scratch space */
static void find_segment(UrlsSink *sink, Clean *c, const char *t, gsize n, const char *source)
{
	gsize i = 0, m;

	g_string_truncate(c->s, 0);
	clean_segment(c, t, n);
	m = c->s->len;
	while (i < m && !sink->full) {
		gsize e, skip = i + 1;
		guchar ch = c->s->str[i];
		gboolean userinfo = FALSE;

		if (!(g_ascii_isalnum(ch) || ch >= 0xc0) ||
		    !(may_start(c->s->str, i) || (GLUED_FIRST(ch) && glued_start(c->s->str, m, i)))) {
			i++;
			continue;
		}
		e = try_scheme(c->s->str, m, i);
		if (e == i)
			e = try_host(c->s->str, m, i, &skip, &userinfo);
		if (e > i) {
			guint32 rb = c->map[i];
			guint32 re = e < m ? c->map[e] : n;
			char *in = g_strdup_printf("%s%.*s", userinfo ? "http://" : "", (int)(e - i),
			                           c->s->str + i);
			char *key = g_strconcat(source, "\x1f", in, NULL);
			if (!g_hash_table_contains(sink->tried, key)) {
				char *raw = g_strndup(t + rb, re > rb ? re - rb : 0);
				urls_add(sink, in, raw, source, NULL);
				g_free(raw);
				if (g_hash_table_size(sink->tried) < URLS_TRIED_MAX) {
					g_hash_table_add(sink->tried, key);
					key = NULL;
				}
			}
			g_free(key);
			g_free(in);
			i = e;
		} else {
			gsize k;
			/* skip the word, but not a link glued inside it */
			for (k = i + 1; k < skip && k < m &&
			     !(GLUED_FIRST(c->s->str[k]) && glued_start(c->s->str, m, k)); k++)
				;
			i = k > i ? k : i + 1;
		}
	}
}

/* urls_find - every link written in a block of decoded UTF-8 text */
void urls_find(UrlsSink *s, const char *text, gsize len, const char *source)
{
	gsize cap = MIN(len, URLS_SEGMENT_MAX) + 16;
	Clean c = { g_string_sized_new(cap), g_new(guint32, cap), cap };
	gsize i = 0;

	while (i < len && !s->full) {
		const char *nl = memchr(text + i, '\n', len - i);
		gsize e = nl ? (gsize)(nl - text) : len;
		if (e - i > URLS_SEGMENT_MAX) {
			/* cut a long line at a space, so a URL is not cut in two */
			gsize hard = i + URLS_SEGMENT_MAX, back = hard;
			while (back > hard - 2 * URLS_MAX_LEN && text[back] != ' ' && text[back] != '\t')
				back--;
			e = (text[back] == ' ' || text[back] == '\t') ? back + 1 : hard;
			while (e > i && ((guchar)text[e] & 0xc0) == 0x80)
				e--;
		}
		find_segment(s, &c, text + i, e - i, source);
		i = (e < len && text[e] == '\n') ? e + 1 : e;
	}
	g_string_free(c.s, TRUE);
	g_free(c.map);
}
