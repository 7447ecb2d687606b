/*
 * mime.c - the raw message parsed by GMime, and a bounded walk of its tree.
 *
 * In:  a GMimeStream holding one message (CRLF or LF; a leading mbox
 *      "From " line is accepted).
 * Out: a GMimeMessage (transfer full), parser warnings as "mime:…"
 *      anomalies in the Facts, and a walk that hands each leaf and each
 *      message/rfc822 part to a visitor, never deeper than max_depth
 *      ("limit:depth") nor over more than max_parts objects ("limit:parts").
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

/*
 * mime_parse - GMime parse with loose compliance.  Input GMime will not take
 * as a message (no header block at all) is parsed again as the body of a
 * message with empty headers ("mime:no-headers"), so its text is still
 * checked.  NULL and err only for empty or unreadable input.
 */
GMimeMessage *mime_parse(GMimeStream *stream, Facts *f, GError **err)
{
	gint64 start = g_mime_stream_tell(stream);
	GMimeMessage *msg = parse_once(stream, f);
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
	if (GMIME_IS_MULTIPART(obj)) {
		GMimeMultipart *mp = GMIME_MULTIPART(obj);
		int n = g_mime_multipart_get_count(mp);
		if (n <= 0) {
			const char *pre = g_mime_multipart_get_prologue(mp);
			facts_add_anomaly(w->f, "mime", "bad-boundary");
			if (pre != NULL && *pre && w->v->preamble)
				w->v->preamble(pre, depth, w->data);
		}
		for (int i = 0; i < n && !w->stop; i++)
			walk(w, g_mime_multipart_get_part(mp, i), depth + 1, msg_depth);
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
	Walk w = { lim, f, v, data, 0, FALSE };

	walk(&w, g_mime_message_get_mime_part(msg), 0, 0);
}
