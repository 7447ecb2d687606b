/*
 * anomaly.c - a MIME leaf's headers and transfer encoding, checked for what
 * decoders read differently: tricks that hide an attachment from one
 * reader and not from another.
 *
 * In:  one GMimeObject of the walk (a leaf or a message/rfc822 part).
 * Out: "mime:…" anomalies added to the Facts: nonstandard-encoding,
 *      encoded-message, ambiguous-filename, boundary-on-leaf,
 *      headers-in-body, bad-base64, bad-qp.  Nothing is allocated that
 *      outlives the call.
 */
#include <stdlib.h>
#include <string.h>
#include "extract/anomaly.h"
#include "extract/base64.h"

#define ANOMALY_READ_CHUNK 8192     /* encoded bytes judged at a time */
#define ANOMALY_HEAD_LINES 8        /* lines at the start of a body where a header is out of place */

/* headers_in_body - MIME header lines where content should be: a part whose
 * headers a blank line cut off, or a multipart body some reader parses and
 * GMime does not (the first lines, or any line after a "--" delimiter line) */
static gboolean headers_in_body(const char *b, gsize n)
{
	static const char *const names[] = {
		"content-type", "content-transfer-encoding", "content-disposition", NULL
	};
	gboolean after_dash = FALSE;
	guint line = 0;

	for (gsize i = 0; i < n; line++) {
		const char *nl = memchr(b + i, '\n', n - i);
		gsize len = (nl ? (gsize)(nl - b) : n) - i;
		if (line < ANOMALY_HEAD_LINES || after_dash) {
			for (int k = 0; names[k]; k++) {
				gsize kl = strlen(names[k]);
				if (len > kl && g_ascii_strncasecmp(b + i, names[k], kl) == 0 &&
				    (b[i + kl] == ':' || b[i + kl] == ' '))
					return TRUE;
			}
		}
		after_dash = len > 2 && b[i] == '-' && b[i + 1] == '-';
		i += len + 1;
	}
	return FALSE;
}

/* ambiguous_name - a file name parameter readers decode differently: an unquoted
 * value with comment, quote or backslash characters, or RFC 2231 sections that
 * are not 0, 1, 2… in order */
static gboolean ambiguous_name(const char *v)
{
	int next[2] = { 0, 0 };         /* next section expected for name, filename */
	const char *p = v;

	while (p != NULL && *p) {
		const char *eq, *end;
		gboolean quoted = FALSE;
		g_autofree char *key = NULL;
		int which;
		while (*p == ';' || g_ascii_isspace(*p))
			p++;
		eq = strchr(p, '=');
		if (eq == NULL)
			break;
		for (const char *k = eq; k > p; k--)
			if (k[-1] == ';') {
				p = k;
				break;
			}
		key = g_ascii_strdown(p, eq - p);
		g_strstrip(key);
		end = eq + 1;
		while (g_ascii_isspace(*end))
			end++;
		which = g_str_has_prefix(key, "filename") ? 1 : g_str_has_prefix(key, "name") ? 0 : -1;
		if (*end == '"') {
			quoted = TRUE;
			for (end++; *end && *end != '"'; end++)
				if (*end == '\\' && end[1])
					end++;
			if (*end == '"')
				end++;
			while (g_ascii_isspace(*end))
				end++;
			if (which >= 0 && *end && *end != ';')
				return TRUE;    /* text after the closing quote */
		} else if (which >= 0 && *end == '\'') {
			return TRUE;        /* single quotes: part of the name for some readers only */
		}
		end += strcspn(end, ";");
		if (which >= 0) {
			/* UTF-16 without a byte order mark: big or little endian, by reader */
			g_autofree char *val = g_ascii_strdown(eq + 1, end - eq - 1);
			if (strstr(val, "utf-16") != NULL)
				return TRUE;
			const char *rest = key + (which ? 8 : 4);
			if (!quoted && (memchr(eq + 1, '(', end - eq - 1) || memchr(eq + 1, '"', end - eq - 1) || memchr(eq + 1, '\\', end - eq - 1) ||
			                memchr(eq + 1, ')', end - eq - 1)))
				return TRUE;
			if (rest[0] == '*' && g_ascii_isdigit(rest[1])) {
				int n = atoi(rest + 1);
				if (n != next[which])
					return TRUE;
				next[which] = n + 1;
			}
		}
		p = end;
	}
	return FALSE;
}

/* raw_header - a header's value as written (GMime rewrites Content-* values it parsed) */
static const char *raw_header(GMimeObject *obj, const char *name)
{
	GMimeHeaderList *l = g_mime_object_get_header_list(obj);
	GMimeHeader *h = l ? g_mime_header_list_get_header(l, name) : NULL;

	return h ? g_mime_header_get_raw_value(h) : NULL;
}

/* hex_upper - a hex digit as RFC 2045 writes them (decoders differ on lower case) */
static gboolean hex_upper(char ch)
{
	return g_ascii_isdigit(ch) || (ch >= 'A' && ch <= 'F');
}

/* qp_escapes - FALSE when an "=" is neither a soft break nor two upper-case
 * hex digits; judged only where both next bytes are in buf */
static gboolean qp_escapes(const char *buf, gsize n)
{
	const char *p = buf, *end = buf + n;

	while ((p = memchr(p, '=', (gsize)(end - p))) != NULL) {
		if (p + 2 < end && !(hex_upper(p[1]) && hex_upper(p[2])) &&
		    p[1] != '\n' && !(p[1] == '\r' && p[2] == '\n'))
			return FALSE;
		p++;
	}
	return TRUE;
}

/* anomaly_check_part - see anomaly.h */
void anomaly_check_part(Facts *f, guint64 max_part_bytes, GMimeObject *obj)
{
	const char *cte = g_mime_object_get_header(obj, "Content-Transfer-Encoding");
	GMimeContentType *ct = g_mime_object_get_content_type(obj);
	GMimeDataWrapper *dw = GMIME_IS_PART(obj) ? g_mime_part_get_content(GMIME_PART(obj)) : NULL;
	GMimeContentEncoding enc = dw ? g_mime_data_wrapper_get_encoding(dw) : GMIME_CONTENT_ENCODING_DEFAULT;
	GMimeStream *raw = dw ? g_mime_data_wrapper_get_stream(dw) : NULL;
	gboolean bad64 = FALSE, badqp = FALSE, first = TRUE;
	Base64Lines st = { 0 };
	guint64 total = 0;
	char buf[ANOMALY_READ_CHUNK];
	ssize_t n;

	if (cte != NULL) {
		g_autofree char *v = g_strstrip(g_ascii_strdown(cte, -1));
		if (strcmp(v, "7bit") != 0 && strcmp(v, "8bit") != 0 && strcmp(v, "binary") != 0 &&
		    strcmp(v, "base64") != 0 && strcmp(v, "quoted-printable") != 0)
			facts_add_anomaly(f, "mime", "nonstandard-encoding");
		if (ct && g_ascii_strcasecmp(g_mime_content_type_get_media_type(ct), "message") == 0 &&
		    (strcmp(v, "base64") == 0 || strcmp(v, "quoted-printable") == 0))
			facts_add_anomaly(f, "mime", "encoded-message");
	}
	if (ambiguous_name(raw_header(obj, "Content-Type")) ||
	    ambiguous_name(raw_header(obj, "Content-Disposition")))
		facts_add_anomaly(f, "mime", "ambiguous-filename");
	if (ct && g_mime_content_type_get_parameter(ct, "boundary") != NULL && !GMIME_IS_MULTIPART(obj))
		facts_add_anomaly(f, "mime", "boundary-on-leaf");
	if (raw == NULL)
		return;
	g_mime_stream_reset(raw);
	while ((n = g_mime_stream_read(raw, buf, sizeof buf)) > 0 && total < max_part_bytes) {
		if (first && headers_in_body(buf, (gsize)n))
			facts_add_anomaly(f, "mime", "headers-in-body");
		first = FALSE;
		if (enc == GMIME_CONTENT_ENCODING_BASE64 && !bad64)
			bad64 = !base64_lines((const guchar *)buf, (gsize)n, &st);
		else if (enc == GMIME_CONTENT_ENCODING_QUOTEDPRINTABLE && !badqp)
			badqp = !qp_escapes(buf, (gsize)n);
		else
			break;          /* judged, or nothing to judge past the first chunk */
		total += n;
	}
	if (enc == GMIME_CONTENT_ENCODING_BASE64 && !base64_lines_end(&st))
		bad64 = TRUE;       /* the last line follows one that broke a quantum */
	if (bad64)
		facts_add_anomaly(f, "mime", "bad-base64");
	if (badqp)
		facts_add_anomaly(f, "mime", "bad-qp");
}
