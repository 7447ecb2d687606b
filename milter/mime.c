/*
 * mime.c - the raw message parsed by GMime, and a bounded walk of its tree.
 *
 * In:  a GMimeStream holding one message (CRLF or LF; a leading mbox
 *      "From " line is accepted).
 * Out: a GMimeMessage (transfer full), parser warnings as "mime:…"
 *      anomalies in the Facts, and a walk that hands each leaf and each
 *      message/rfc822 part to a visitor, never deeper than max_depth
 *      ("limit:depth") nor over more than max_parts objects ("limit:parts");
 *      Facts.parts counts the objects walked.
 *
 * Before parsing, the raw bytes are scanned for what GMime forgives silently
 * but other readers take differently: bare CRs ("mime:bare-cr") and header
 * names with white space before the colon ("mime:header-name-space": any in
 * the top-level header block, Content-* and MIME-Version anywhere).
 *
 * Structure some readers see and GMime does not: a multipart nested with
 * its parent's boundary ("mime:boundary-reused"), MIME parts after the
 * closing boundary ("mime:parts-after-end").
 *
 * A multipart with no child parts (a boundary that never occurs, or none at
 * all) is reported as "mime:bad-boundary"; what GMime kept as its preamble is
 * handed to the visitor, since a mail client may well show it.
 *
 * The warning callback writes into the Facts it was given; GMime copies the
 * parser options into every header list, so the Facts must outlive the
 * message (extract_stream frees the message first).
 */
#include <string.h>
#include "mime.h"

static const struct {
	GMimeParserWarning code;
	const char *name;
} mime_warnings[] = {
	{ GMIME_WARN_DUPLICATED_HEADER, "duplicated-header" },
	{ GMIME_WARN_DUPLICATED_PARAMETER, "duplicated-parameter" },
	{ GMIME_WARN_UNENCODED_8BIT_HEADER, "8bit-header" },
	{ GMIME_WARN_INVALID_CONTENT_TYPE, "invalid-content-type" },
	{ GMIME_WARN_INVALID_RFC2047_HEADER_VALUE, "invalid-rfc2047" },
	{ GMIME_WARN_MALFORMED_MULTIPART, "malformed-multipart" },
	{ GMIME_WARN_TRUNCATED_MESSAGE, "truncated" },
	{ GMIME_WARN_MALFORMED_MESSAGE, "malformed-message" },
	{ GMIME_CRIT_INVALID_HEADER_NAME, "invalid-header-name" },
	{ GMIME_CRIT_CONFLICTING_HEADER, "conflicting-header" },
	{ GMIME_CRIT_CONFLICTING_PARAMETER, "conflicting-parameter" },
	{ GMIME_CRIT_MULTIPART_WITHOUT_BOUNDARY, "multipart-without-boundary" },
	{ GMIME_WARN_INVALID_PARAMETER, "invalid-parameter" },
	{ GMIME_WARN_INVALID_ADDRESS_LIST, "invalid-address-list" },
	{ GMIME_CRIT_NESTING_OVERFLOW, "nesting-overflow" },
	{ GMIME_WARN_PART_WITHOUT_CONTENT, "part-without-content" },
	{ GMIME_CRIT_PART_WITHOUT_HEADERS_OR_CONTENT, "part-without-headers-or-content" },
};

typedef struct {
	const ExtractLimits *lim;
	Facts *f;
	const MimeVisitor *v;
	gpointer data;
	guint parts;
	gboolean stop;
	GPtrArray *bounds;   /* boundaries of the enclosing multiparts (not owned) */
} Walk;

/* on_warning - a parser complaint becomes a fact rules can act on */
static void on_warning(gint64 offset, GMimeParserWarning code, const gchar *item, gpointer data)
{
	Facts *f = data;
	char other[32];

	(void)offset;
	(void)item;
	for (gsize i = 0; i < G_N_ELEMENTS(mime_warnings); i++) {
		if (mime_warnings[i].code == code) {
			facts_add_anomaly(f, "mime", mime_warnings[i].name);
			return;
		}
	}
	g_snprintf(other, sizeof other, "warning-%d", (int)code);
	facts_add_anomaly(f, "mime", other);
}

/* starts_with_from_line - an mbox "From " line first (checker input); peeks, does not consume */
static gboolean starts_with_from_line(GMimeStream *stream)
{
	char buf[5];
	gint64 pos = g_mime_stream_tell(stream);
	ssize_t n;

	if (pos < 0)
		return FALSE;
	n = g_mime_stream_read(stream, buf, sizeof buf);
	g_mime_stream_seek(stream, pos, GMIME_STREAM_SEEK_SET);
	return n == 5 && memcmp(buf, "From ", 5) == 0;
}

/* parse_once - one GMime parse of stream from where it stands */
static GMimeMessage *parse_once(GMimeStream *stream, Facts *f)
{
	static const char *fallback[] = { "utf-8", "windows-1252", NULL };
	GMimeParserOptions *opts = g_mime_parser_options_new();
	GMimeParser *parser = g_mime_parser_new_with_stream(stream);
	GMimeMessage *msg;

	g_mime_parser_options_set_warning_callback(opts, on_warning, f);
	g_mime_parser_options_set_rfc2047_compliance_mode(opts, GMIME_RFC_COMPLIANCE_LOOSE);
	g_mime_parser_options_set_parameter_compliance_mode(opts, GMIME_RFC_COMPLIANCE_LOOSE);
	g_mime_parser_options_set_address_compliance_mode(opts, GMIME_RFC_COMPLIANCE_LOOSE);
	g_mime_parser_options_set_fallback_charsets(opts, fallback);
	g_mime_parser_set_format(parser, starts_with_from_line(stream) ? GMIME_FORMAT_MBOX
	                                                               : GMIME_FORMAT_MESSAGE);
	g_mime_parser_set_respect_content_length(parser, FALSE);
	msg = g_mime_parser_construct_message(parser, opts);
	g_object_unref(parser);
	g_mime_parser_options_free(opts);
	return msg;
}

/* raw_scan - what GMime forgives silently but mail clients read differently:
 * a bare CR (a line end for some, not for others: it hides a header or a
 * boundary) and a MIME header name followed by white space before its colon */
static void raw_scan(GMimeStream *stream, gint64 start, Facts *f)
{
	char buf[16384], line[40];
	gsize ll = 0;
	gboolean cr = FALSE, at_start = TRUE, bare = FALSE, spaced = FALSE, head = TRUE, blank = FALSE;
	ssize_t n;

	if (start < 0 || g_mime_stream_seek(stream, start, GMIME_STREAM_SEEK_SET) != start)
		return;
	while ((n = g_mime_stream_read(stream, buf, sizeof buf)) > 0 && !(bare && spaced)) {
		const char *p = buf, *end = buf + n;

		/* a CR not followed by LF (the last CR of the previous read counts) */
		if (!bare) {
			if (cr && buf[0] != '\n')
				bare = TRUE;
			for (const char *r = memchr(buf, '\r', n); r != NULL && !bare;
			     r = memchr(r + 1, '\r', (gsize)(end - r - 1)))
				if (r + 1 < end && r[1] != '\n')
					bare = TRUE;
			cr = buf[n - 1] == '\r';
		}
		while (p < end) {
			char ch;
			if (!at_start) {
				/* only line starts matter: jump to the next CR or LF */
				const char *nl = memchr(p, '\n', (gsize)(end - p));
				const char *r = memchr(p, '\r', (gsize)((nl ? nl : end) - p));
				if ((p = r ? r : nl) == NULL)
					break;
			}
			ch = *p++;
			if (ch == '\n' || ch == '\r') {
				if (ch == '\n') {
					if (blank)
						head = FALSE;   /* the top-level header block ends */
					blank = TRUE;
				}
				at_start = TRUE;
				ll = 0;
				continue;
			}
			blank = FALSE;
			if (ll == 0 && !head && ch != 'c' && ch != 'C' && ch != 'm' && ch != 'M') {
				at_start = FALSE;   /* past the top header block only MIME headers count */
				continue;
			}
			if (ll < sizeof line - 1)
				line[ll++] = g_ascii_tolower(ch);
			line[ll] = '\0';
			if (ch == ':') {
				gsize k = ll - 1;
				while (k > 0 && (line[k - 1] == ' ' || line[k - 1] == '\t'))
					k--;
				if (k < ll - 1 && k > 0 && (head || g_str_has_prefix(line, "content-") ||
				                             g_str_has_prefix(line, "mime-version")))
					spaced = TRUE;
				at_start = FALSE;
			} else if (!(g_ascii_isalnum(ch) || ch == '-' || ch == ' ' || ch == '\t') ||
			           ll == sizeof line - 1) {
				at_start = FALSE;   /* not a header name (or too long to be one) */
			}
		}
	}
	if (bare)
		facts_add_anomaly(f, "mime", "bare-cr");
	if (spaced)
		facts_add_anomaly(f, "mime", "header-name-space");
	g_mime_stream_seek(stream, start, GMIME_STREAM_SEEK_SET);
}

/*
 * mime_parse - GMime parse with loose compliance.  Input GMime will not take
 * as a message (no header block at all) is parsed again as the body of a
 * message with empty headers ("mime:no-headers"), so its text is still
 * checked.  NULL and err only for empty or unreadable input.
 */
GMimeMessage *mime_parse(GMimeStream *stream, Facts *f, GError **err)
{
	gint64 start = g_mime_stream_tell(stream);
	GMimeMessage *msg;

	raw_scan(stream, start, f);
	msg = parse_once(stream, f);
	GMimeStream *cat = NULL, *head = NULL, *rest = NULL;
	char probe;

	if (msg != NULL || start < 0)
		goto out;
	if (g_mime_stream_seek(stream, start, GMIME_STREAM_SEEK_SET) != start ||
	    g_mime_stream_read(stream, &probe, 1) != 1)
		goto out;
	facts_add_anomaly(f, "mime", "no-headers");
	cat = g_mime_stream_cat_new();
	head = g_mime_stream_mem_new_with_buffer("\n", 1);
	rest = g_mime_stream_substream(stream, start, -1);
	g_mime_stream_cat_add_source(GMIME_STREAM_CAT(cat), head);
	g_mime_stream_cat_add_source(GMIME_STREAM_CAT(cat), rest);
	msg = parse_once(cat, f);
out:
	if (msg == NULL)
		g_set_error(err, EXTRACT_ERROR, 1, "no parsable message in the input");
	if (cat != NULL)
		g_object_unref(cat);
	if (head != NULL)
		g_object_unref(head);
	if (rest != NULL)
		g_object_unref(rest);
	return msg;
}

/* walk - depth-first over the tree, within the limits */
static void walk(Walk *w, GMimeObject *obj, int depth, int msg_depth)
{
	if (w->stop || obj == NULL)
		return;
	if ((guint)depth > w->lim->max_depth) {
		facts_add_anomaly(w->f, "limit", "depth");
		return;
	}
	if (++w->parts > w->lim->max_parts) {
		facts_add_anomaly(w->f, "limit", "parts");
		w->stop = TRUE;
		return;
	}
	w->f->parts++;
	if (GMIME_IS_MULTIPART(obj)) {
		GMimeMultipart *mp = GMIME_MULTIPART(obj);
		int n = g_mime_multipart_get_count(mp);
		const char *b = g_mime_multipart_get_boundary(mp);
		/* an inner multipart with its parent's boundary: readers split it differently */
		for (guint k = 0; b != NULL && k < w->bounds->len; k++)
			if (strcmp(w->bounds->pdata[k], b) == 0)
				facts_add_anomaly(w->f, "mime", "boundary-reused");
		if (n <= 0) {
			const char *pre = g_mime_multipart_get_prologue(mp);
			facts_add_anomaly(w->f, "mime", "bad-boundary");
			if (pre != NULL && *pre && w->v->preamble)
				w->v->preamble(pre, depth, w->data);
		}
		{
			/* parts after the closing boundary: some readers still show them */
			const char *epi = g_mime_multipart_get_epilogue(mp);
			if (epi != NULL && (strstr(epi, "\n--") || g_str_has_prefix(epi, "--")) &&
			    g_strrstr(epi, "ontent-") != NULL)
				facts_add_anomaly(w->f, "mime", "parts-after-end");
		}
		g_ptr_array_add(w->bounds, (gpointer)(b ? b : ""));
		for (int i = 0; i < n && !w->stop; i++)
			walk(w, g_mime_multipart_get_part(mp, i), depth + 1, msg_depth);
		g_ptr_array_set_size(w->bounds, w->bounds->len - 1);
	} else if (GMIME_IS_MESSAGE_PART(obj)) {
		GMimeMessage *inner = g_mime_message_part_get_message(GMIME_MESSAGE_PART(obj));
		w->v->part(obj, depth, msg_depth, w->data);
		if (inner != NULL)
			walk(w, g_mime_message_get_mime_part(inner), depth + 1, msg_depth + 1);
	} else if (GMIME_IS_PART(obj)) {
		w->v->part(obj, depth, msg_depth, w->data);
	}
}

/* mime_walk - visit the leaves of msg; see MimeVisitor in mime.h */
void mime_walk(GMimeMessage *msg, const ExtractLimits *lim, Facts *f, const MimeVisitor *v,
               gpointer data)
{
	Walk w = { lim, f, v, data, 0, FALSE, g_ptr_array_new() };

	walk(&w, g_mime_message_get_mime_part(msg), 0, 0);
	g_ptr_array_free(w.bounds, TRUE);
}
