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
 * private section, no "*" default rule) or one of the names kept for
 * examples, "example" and "test".  A bare "name.tld" without path,
 * port or "www." is a link when libpsl has tld in its ICANN section and the
 * name has a registrable domain, unless a reader sees something else there:
 * a file name ("readme.md": tld in the list link_file_extensions), two words glued by a dot
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
 * open (url_normalise.c).
 *
 * Redirectors.  A link whose query carries another http(s) URL in a
 * parameter (redirect.c) adds that URL too, with source "redirect", so host
 * rules see where the click ends.  Unwrapping goes URLS_MAX_UNWRAP levels
 * deep.
 *
 * For people (amzmilter-check --facts) a link also carries its display form:
 * the URL and host with IDN labels back in Unicode (idn2_to_unicode_8z8z);
 * rules and lists see only the ASCII form.
 *
 * Thread safety: the PSL context is loaded once by urls_init(); everything
 * else lives in the sink, which belongs to one message.
 */
#include <arpa/inet.h>
#include <string.h>
#include "extract/redirect.h"
#include "extract/urls.h"       /* glib before idn2.h, which defines G_GNUC_DEPRECATED otherwise */
#include <idn2.h>

/* Text is scanned a line at a time; a longer line is cut into pieces this long. */
#define URLS_SEGMENT_MAX (64 * 1024)
#define URLS_LABEL_MAX 1024
#define URLS_TRIED_MAX 20000
#define URLS_MAX_UNWRAP 3

struct UrlsSink {
	Facts *f;
	guint max_links;
	const LinkWords *words; /* NULL: every list empty */
	guint unwrapping;   /* redirector levels being unwrapped now */
	GHashTable *seen;   /* "source\x1furl\x1flabel" of links already added */
	GHashTable *tried;  /* candidates already found in text, so repeats cost nothing */
	gboolean full;
};


/* urls_init - see urls.h */
void urls_init(void)
{
	url_normalise_init();
}

/* urls_sink_new - see urls.h */
UrlsSink *urls_sink_new(Facts *f, guint max_links, const LinkWords *words)
{
	UrlsSink *s = g_new0(UrlsSink, 1);
	s->f = f;
	s->max_links = max_links;
	s->words = words;
	s->seen = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	s->tried = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	return s;
}

/* urls_sink_free - see urls.h */
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

/* unwrap - add the URLs a redirector link carries, URLS_MAX_UNWRAP levels deep */
static void unwrap(UrlsSink *s, const UrlParts *p, const char *raw, const char *label)
{
	GPtrArray *targets;

	if (s->unwrapping >= URLS_MAX_UNWRAP)
		return;
	targets = redirect_targets(p, s->words ? s->words->redirect_params : NULL);
	s->unwrapping++;
	for (guint i = 0; i < targets->len; i++)
		urls_add(s, targets->pdata[i], raw, "redirect", label);
	s->unwrapping--;
	g_ptr_array_unref(targets);
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
	url_normalise(in, &p);
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
	rawv = g_utf8_make_valid(raw, MIN(strlen(raw), (gsize)URL_MAX_LEN));
	link_display(facts_add_link(s->f, p.url, rawv, p.scheme, p.host, p.domain, lab, source));
	g_hash_table_add(s->seen, key);
	key = NULL;
	if (p.host[0] != '\0')
		unwrap(s, &p, rawv, lab);
out:
	g_free(key);
	g_free(lab);
	g_free(rawv);
	url_normalise_clear(&p);
}

/* Text after undoing obfuscations, with the offset in the original of each
 * byte.  One Clean serves every line of a block, so a line costs no allocation. */
typedef struct {
	GString *s;
	guint32 *map;  /* one entry per byte of s */
	gsize cap;     /* entries map has room for */
	const GHashTable *dot_stopwords;   /* LinkWords.dot_stopwords */
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

	while (b > 0 && g_ascii_isalnum(c->s->str[b - 1]))
		b--;
	return limits_word(c->dot_stopwords, c->s->str + b, e - b);
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

	while (j < n && j - start < URL_MAX_LEN) {
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
static gboolean sentence_end(const LinkWords *w, const char *s, gsize n)
{
	return w != NULL && limits_word(w->sentence_end, s, n);
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

/* A candidate host in text: s[i..he) with its labels. */
typedef struct {
	gsize i, he;         /* the host, trailing dots and dashes dropped */
	gsize tb, rb;        /* where the last label starts, and the one before */
	guint nl;            /* labels */
	gboolean has_path, has_port, www;
} HostCand;

/* host_run - the end of the run of host characters from s[j] */
static gsize host_run(const char *s, gsize n, gsize j)
{
	gsize len;

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
	return j;
}

/* host_labels - labels of c: none empty, none starting or ending with "-";
 * sets tb, rb and nl */
static gboolean host_labels(const char *s, HostCand *c)
{
	c->tb = c->rb = c->i;
	c->nl = 1;
	for (gsize k = c->i; k <= c->he; k++) {
		if (k < c->he && s[k] != '.')
			continue;
		if (k == c->tb || s[c->tb] == '-' || s[k - 1] == '-')
			return FALSE;
		if (k < c->he) {
			c->rb = c->tb;
			c->tb = k + 1;
			c->nl++;
		}
	}
	return TRUE;
}

/* www_userinfo - "www.x.com:pw@evil.example": browsers go to the host after "@" */
static gboolean www_userinfo(const char *s, gsize n, const HostCand *c)
{
	gsize k;

	if (!(c->www && c->he + 1 < n && s[c->he] == ':' && !c->has_port))
		return FALSE;
	for (k = c->he + 1; k < n && (guchar)s[k] > ' ' && !strchr("/?#@<>\"'", s[k]); k++)
		;
	return k < n && s[k] == '@' && k + 1 < n && g_ascii_isalnum(s[k + 1]);
}

/* name_ok - a host name under a public suffix (ICANN only for a bare
 * name), with a registrable domain that has no "_", and for a bare name
 * none of the readings the file comment lists */
static gboolean name_ok(const LinkWords *w, const char *s, gsize n, const HostCand *c,
                        gboolean ascii)
{
	gboolean bare = !c->has_path && !c->has_port && !c->www, ok;
	int type = bare ? PSL_TYPE_ICANN : PSL_TYPE_ANY;
	gsize i = c->i, he = c->he, tb = c->tb;
	const char *reg;
	char tld[64], *host, *norm;

	if (he - tb >= sizeof tld)
		return FALSE;
	if (ascii) {
		for (gsize k = tb; k < he; k++)
			tld[k - tb] = g_ascii_tolower(s[k]);
		tld[he - tb] = '\0';
		ok = url_normalise_suffix_known(tld, type) ||
		     /* the names kept for examples (RFC 2606), when a path shows a link */
		     (c->has_path && url_normalise_example_tld(tld));
	} else {
		char *low = g_utf8_strdown(s + tb, he - tb), *pt = NULL;
		tld[0] = '\0';
		ok = idn2_to_ascii_8z(low, &pt, IDN2_NONTRANSITIONAL) == IDN2_OK &&
		     url_normalise_suffix_known(pt, type);
		idn2_free(pt);
		g_free(low);
	}
	if (!ok)
		return FALSE;
	/* a bare name: not a file name, not "you.Best" typed without a space, not
	 * a quantity ("3.am", "12.in") or an initial ("I.am") before a short tld */
	if (bare && ((w != NULL && limits_word(w->file_extensions, tld, strlen(tld))) ||
	             title_case(s + tb, he - tb) ||
	             (he < n && s[he] == '(') ||          /* "install.run()": code */
	             (c->nl == 2 && (strspn(s + i, "0123456789") == tb - 1 - i ||
	                             (tb - 1 - i == 1 && he - tb == 2) ||
	                             sentence_end(w, s + i, tb - 1 - i)))))
		return FALSE;
	host = g_strndup(s + i, he - i);
	norm = url_normalise_host(host);
	ok = (reg = url_normalise_domain(norm)) != NULL && strchr(reg, '_') == NULL;
	g_free(host);
	g_free(norm);
	return ok;
}

/* try_host - a scheme-less "www.x.y", "host.tld/path" or bare "name.tld" at
 * s[i] (see the file comment); the end of the link or i.  *skip: where the
 * next candidate may start; *userinfo: the link is "www.x:pw@host", which
 * needs a scheme to be read as the browser reads it. */
static gsize try_host(const LinkWords *w, const char *s, gsize n, gsize i, gsize *skip,
                      gboolean *userinfo)
{
	HostCand c = { .i = i };
	gsize j = host_run(s, n, i), end;
	gboolean ascii = TRUE, digits = TRUE, alpha = TRUE;

	*skip = j > i ? j : i + 1;
	c.he = j;
	while (c.he > i && (s[c.he - 1] == '.' || s[c.he - 1] == '-'))
		c.he--;
	if (c.he == i || memchr(s + i, '.', c.he - i) == NULL)
		return i;
	if (j < n && s[j] == '@')
		return i;   /* the local part of an e-mail address */
	if (!host_labels(s, &c))
		return i;
	for (gsize k = c.tb; k < c.he; k++) {
		ascii = ascii && (guchar)s[k] < 0x80;
		digits = digits && g_ascii_isdigit(s[k]);
		alpha = alpha && g_ascii_isalpha(s[k]);
	}
	c.has_path = c.he < n && s[c.he] == '/';
	c.has_port = c.he + 1 < n && s[c.he] == ':' && g_ascii_isdigit(s[c.he + 1]);
	c.www = g_ascii_strncasecmp(s + i, "www", 3) == 0 &&
	        (s[i + 3] == '.' || (g_ascii_isdigit(s[i + 3]) && s[i + 4] == '.'));
	if (www_userinfo(s, n, &c)) {
		*userinfo = TRUE;
		return *skip = url_end(s, n, i, c.he);
	}
	if (c.www && c.nl >= 3 && alpha && c.he - c.tb >= 2) {
		/* "www.name.tld" is a host whatever the list says of tld: readers link it */
		if (memchr(s + c.rb, '_', c.he - c.rb) != NULL)
			return i;
	} else if (digits) {
		struct in_addr a;
		char *host = g_strndup(s + i, c.he - i);
		gboolean ip = c.nl == 4 && inet_pton(AF_INET, host, &a) == 1;
		g_free(host);
		if (!ip || !(c.has_path || c.has_port))
			return i;
	} else if (!name_ok(w, s, n, &c, ascii)) {
		return i;
	}
	end = (c.has_path || c.has_port) ? url_end(s, n, i, c.he) : c.he;
	if (end < c.he)
		end = c.he;
	*skip = end;
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
			e = try_host(sink->words, c->s->str, m, i, &skip, &userinfo);
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
	Clean c = { g_string_sized_new(cap), g_new(guint32, cap), cap,
	            s->words ? s->words->dot_stopwords : NULL };
	gsize i = 0;

	while (i < len && !s->full) {
		const char *nl = memchr(text + i, '\n', len - i);
		gsize e = nl ? (gsize)(nl - text) : len;
		if (e - i > URLS_SEGMENT_MAX) {
			/* cut a long line at a space, so a URL is not cut in two */
			gsize hard = i + URLS_SEGMENT_MAX, back = hard;
			while (back > hard - 2 * URL_MAX_LEN && text[back] != ' ' && text[back] != '\t')
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

