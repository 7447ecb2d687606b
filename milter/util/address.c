/*
 * address.c - an envelope address read as an MTA routes it (see address.h).
 *
 * An RCPT argument is not "local part @ domain" to an MTA.  Postfix and
 * Sendmail also route on the percent hack (user%host@localdomain), on bang
 * paths (host!user), on a quoted local part that holds a whole address
 * ("user@host"@localdomain), on source routes (@a,@b:user@host), and they
 * drop comments and white space.  So every host an address names in any of
 * those positions is a candidate: a checker that took only the text after
 * the last "@" would pass mail that the MTA delivers elsewhere.
 *
 * Host names are mapped as IDNA does before comparison: NFKC and case
 * folding (full-width letters become ASCII) and the ideographic full stops
 * read as ".".
 */
#include <string.h>
#include "util/address.h"

#define ADDRESS_MAX_BYTES 1024   /* longer than any deliverable address */

/* Separators that can put a host name next to them ("," and ":" end the
 * hops of a source route). */
#define ADDRESS_SEPARATORS "@%!,:"
enum { SEP_NONE = 0, SEP_AT = '@', SEP_PERCENT = '%', SEP_BANG = '!' };

/* strip - the address without comments, quotes, angle brackets and white
 * space; NULL when it cannot be read (unbalanced, control bytes, not UTF-8) */
static char *strip(const char *addr)
{
	GString *out;
	gboolean quoted = FALSE;
	int comment = 0;
	gsize len = strlen(addr);

	if (len > ADDRESS_MAX_BYTES || !g_utf8_validate(addr, (gssize)len, NULL))
		return NULL;
	out = g_string_sized_new(len);
	for (const char *p = addr; *p; p++) {
		guchar ch = (guchar)*p;

		if ((ch < 0x20 && ch != '\t') || ch == 0x7f)
			goto bad;
		if (ch == '\\' && (quoted || comment)) {
			if (p[1] == '\0')
				goto bad;
			p++;
			if (!comment)
				g_string_append_c(out, *p);
			continue;
		}
		if (comment) {
			comment += ch == '(' ? 1 : ch == ')' ? -1 : 0;
			continue;
		}
		if (ch == '"') {
			quoted = !quoted;
			continue;
		}
		if (quoted) {
			if (ch != ' ' && ch != '\t')
				g_string_append_c(out, (char)ch);
			continue;
		}
		if (ch == '(')
			comment = 1;
		else if (ch == ')')
			goto bad;
		else if (ch != ' ' && ch != '\t' && ch != '<' && ch != '>')
			g_string_append_c(out, (char)ch);
	}
	if (quoted || comment)
		goto bad;
	return g_string_free(out, FALSE);
bad:
	g_string_free(out, TRUE);
	return NULL;
}

/* host_normalise - a host name as IDNA maps it before lookup: NFKC, case
 * folded, ideographic full stops as ".", no trailing dot */
static char *host_normalise(const char *h, gsize n)
{
	static const char *const stops[] = { "\xe3\x80\x82", "\xef\xbc\x8e", "\xef\xbd\xa1" };
	g_autofree char *nf = g_utf8_normalize(h, (gssize)n, G_NORMALIZE_NFKC);
	g_autofree char *folded = nf ? g_utf8_casefold(nf, -1) : g_ascii_strdown(h, (gssize)n);
	GString *out = g_string_new(folded);

	for (gsize i = 0; i < G_N_ELEMENTS(stops); i++)
		g_string_replace(out, stops[i], ".", 0);
	while (out->len > 0 && out->str[out->len - 1] == '.')
		g_string_truncate(out, out->len - 1);
	return g_string_free(out, FALSE);
}

gboolean address_hosts(const char *addr, GPtrArray *hosts)
{
	g_autofree char *s = strip(addr ? addr : "");
	const char *tok;
	int before = SEP_NONE;
	int bracket = 0;

	if (s == NULL)
		return FALSE;
	tok = s;
	for (const char *p = s;; p++) {
		int sep = SEP_NONE;

		if (*p == '[')
			bracket++;
		else if (*p == ']' && bracket > 0)
			bracket--;
		else if (bracket == 0 && *p != '\0' && strchr(ADDRESS_SEPARATORS, *p) != NULL)
			sep = (guchar)*p;
		if (sep == SEP_NONE && *p != '\0')
			continue;
		/* a host: after "@" or "%", or before "!" (a bang path's hop) */
		if (p > tok && (before == SEP_AT || before == SEP_PERCENT || sep == SEP_BANG))
			g_ptr_array_add(hosts, host_normalise(tok, (gsize)(p - tok)));
		if (*p == '\0')
			break;
		before = sep;
		tok = p + 1;
	}
	return bracket == 0;
}
