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
 * GMime builds the whole tree before the walk can count it, and an empty
 * part costs it far more memory than the few bytes of its boundary line.  So
 * the parse is bounded first (part_scan): every object GMime makes, beyond
 * the root, is opened by a line the raw bytes show -- a delimiter of a
 * boundary declared earlier in the message, or the Content-Type header of a
 * message/rfc822 part (its inner body).  When such lines outnumber what the
 * walk could use (PARSE_SLACK times max_parts), GMime is given the message
 * only up to the line where the budget ran out, and "limit:parts" is added.
 * Boundaries this scan cannot read with certainty (RFC 2231 forms, encoded
 * words, comments, folding, very long values or too many of them) make
 * every line starting with "--" count instead.
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
#include "extract/mime.h"

G_DEFINE_QUARK(amz-mime-error-quark, mime_error)

/* The parse budget (part_scan). */
#define PARSE_SLACK 2              /* lines counted per object the walk may visit ... */
#define PARSE_SLACK_LINES 64       /* ... and beyond that: a text part quoting delimiters or
                                    * MIME headers adds to the count */
#define PARSE_PARTS_UNSET 10000    /* max_parts when the caller gives no limits: the largest
                                    * max_mime_parts conf.c accepts */
#define PARSE_MAX_BOUNDARY 256     /* a longer boundary value makes every "--" line count */
#define PARSE_SCAN_BUF 65536       /* bytes read at a time; a longer line is scanned in pieces */
#define BOUNDARY_WORD "boundary"
#define BOUNDARY_WORD_LEN (sizeof BOUNDARY_WORD - 1)
#define CTYPE_WORD "content-type"
#define CTYPE_WORD_LEN (sizeof CTYPE_WORD - 1)
#define MESSAGE_WORD "message"
#define MESSAGE_WORD_LEN (sizeof MESSAGE_WORD - 1)

/* Horspool shift for BOUNDARY_WORD in either case (its letters are all
 * distinct): the distance from a letter's last place before the final one to
 * the end; 0 stands for the whole word length. */
static const guchar word_shift[256] = {
	['b'] = 7, ['B'] = 7, ['o'] = 6, ['O'] = 6, ['u'] = 5, ['U'] = 5, ['n'] = 4, ['N'] = 4,
	['d'] = 3, ['D'] = 3, ['a'] = 2, ['A'] = 2, ['r'] = 1, ['R'] = 1,
};

typedef struct {
	GHashTable *bounds;   /* boundary values declared so far (owned), trailing white space cut */
	guint max_bounds;     /* more distinct values than this: any_dash */
	gboolean any_dash;    /* a boundary could not be read: every line starting "--" counts */
	gboolean fold_check;  /* the last line ended inside a boundary parameter */
	gboolean started;     /* the first line is behind */
	gboolean mbox;        /* it was an mbox "From " line: the next one ends the message */
	gboolean prev_blank;  /* the line before was empty */
	gint64 drop_eol;      /* bytes before the cut line left out too (see scan_line) */
	guint64 lines;        /* lines counted so far */
	guint64 budget;       /* the line that would make lines exceed this is where GMime stops */
} PartScan;

typedef enum { SCAN_ON, SCAN_CUT, SCAN_END } ScanStep;

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

/* on_warning_cut - on_warning for a message cut short on purpose: the missing
 * end is ours, not the sender's, so GMime's "truncated" is not reported */
static void on_warning_cut(gint64 offset, GMimeParserWarning code, const gchar *item, gpointer data)
{
	if (code != GMIME_WARN_TRUNCATED_MESSAGE)
		on_warning(offset, code, item, data);
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

/* parse_once - one GMime parse of stream from where it stands; cut: the
 * stream ends where part_scan stopped it */
static GMimeMessage *parse_once(GMimeStream *stream, Facts *f, gboolean cut)
{
	static const char *fallback[] = { "utf-8", "windows-1252", NULL };
	GMimeParserOptions *opts = g_mime_parser_options_new();
	GMimeParser *parser = g_mime_parser_new_with_stream(stream);
	GMimeMessage *msg;

	g_mime_parser_options_set_warning_callback(opts, cut ? on_warning_cut : on_warning, f);
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

/* is_lwsp - GMime's linear white space */
static inline gboolean is_lwsp(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/* find_word - the next BOUNDARY_WORD in [p, end), either case (Horspool):
 * declarations can sit anywhere in a line, so every byte is in the search */
static const char *find_word(const char *p, const char *end)
{
	while ((gsize)(end - p) >= BOUNDARY_WORD_LEN) {
		guchar last = (guchar)p[BOUNDARY_WORD_LEN - 1];
		if (g_ascii_tolower(last) == BOUNDARY_WORD[BOUNDARY_WORD_LEN - 1] &&
		    g_ascii_strncasecmp(p, BOUNDARY_WORD, BOUNDARY_WORD_LEN) == 0)
			return p;
		p += word_shift[last] ? word_shift[last] : BOUNDARY_WORD_LEN;
	}
	return NULL;
}

/* keep_boundary - remember a declared value, or give up on reading values
 * when GMime would turn it into something else (encoded words, 8-bit bytes
 * it converts) or when there are more than a real message can use */
static void keep_boundary(PartScan *ps, const char *v, gsize n)
{
	while (n > 0 && is_lwsp(v[n - 1]))
		n--;
	if (n == 0 || n > PARSE_MAX_BOUNDARY || g_strstr_len(v, (gssize)n, "=?") != NULL ||
	    g_hash_table_size(ps->bounds) >= ps->max_bounds) {
		ps->any_dash = TRUE;
		return;
	}
	for (gsize i = 0; i < n; i++) {
		if ((guchar)v[i] >= 0x80 || ((guchar)v[i] < ' ' && v[i] != '\t')) {
			ps->any_dash = TRUE;
			return;
		}
	}
	g_hash_table_add(ps->bounds, g_strndup(v, n));
}

/* scan_decl - a "boundary" word, p just past it and end the line's end:
 * GMime reads a parameter there (name, CFWS, "=", CFWS, then a quoted string
 * or everything up to ";"); what this cannot follow on one line makes every
 * "--" line count, what may go on in a continuation line is checked there */
static void scan_decl(PartScan *ps, const char *p, const char *end)
{
	const char *v, *ve;

	while (p < end && is_lwsp(*p))
		p++;
	if (p == end) {
		ps->fold_check = TRUE;
		return;
	}
	if (*p == '*' || *p == '(') {   /* RFC 2231 pieces or a comment */
		ps->any_dash = TRUE;
		return;
	}
	if (*p != '=')
		return;   /* another word, not a parameter */
	for (p++; p < end && is_lwsp(*p); p++)
		;
	if (p == end) {
		ps->fold_check = TRUE;
		return;
	}
	if (*p == '(') {
		ps->any_dash = TRUE;
		return;
	}
	if (*p == '"') {
		v = ve = p + 1;
		while (ve < end && *ve != '"' && *ve != '\\')
			ve++;
		if (ve == end || *ve == '\\') {   /* folded or escaped */
			ps->any_dash = TRUE;
			return;
		}
	} else {
		v = p;
		ve = memchr(p, ';', (gsize)(end - p));
		if (ve == NULL) {
			ve = end;
			ps->fold_check = TRUE;
		}
	}
	keep_boundary(ps, v, (gsize)(ve - v));
}

/* is_delimiter - rest (after "--") is a declared boundary and white space:
 * what GMime takes as a delimiter line; a closing one ("--b--") only if
 * "b--" was declared too, since it closes a part rather than opening one */
static gboolean is_delimiter(PartScan *ps, const char *rest, gsize n)
{
	char key[PARSE_MAX_BOUNDARY + 1];

	while (n > 0 && is_lwsp(rest[n - 1]))
		n--;
	if (n == 0 || n > PARSE_MAX_BOUNDARY || g_hash_table_size(ps->bounds) == 0)
		return FALSE;
	memcpy(key, rest, n);
	key[n] = '\0';
	return g_hash_table_contains(ps->bounds, key);
}

/* may_open_message - p just past "Content-Type" at a line start: a header
 * whose type may be "message" (message/rfc822 makes an inner body no
 * delimiter opens); a type this cannot read counts as one */
static gboolean may_open_message(const char *p, const char *end)
{
	const char *t;

	while (p < end && (*p == ' ' || *p == '\t'))
		p++;
	if (p == end || *p != ':')
		return FALSE;   /* another header name */
	for (p++; p < end && is_lwsp(*p); p++)
		;
	if (p == end || !g_ascii_isalpha(*p))
		return TRUE;    /* folded, a comment, a quote */
	for (t = p; t < end && g_ascii_isalnum(*t); t++)
		;
	return (gsize)(t - p) == MESSAGE_WORD_LEN &&
	       g_ascii_strncasecmp(p, MESSAGE_WORD, MESSAGE_WORD_LEN) == 0;
}

/* scan_line - one line, or a piece of a line longer than the scan buffer
 * (first: it starts the line; whole: it ends it).  SCAN_CUT when the line
 * is one GMime may open an object at and the budget has no room left for it;
 * SCAN_END at the "From " line that ends an mbox message. */
static ScanStep scan_line(PartScan *ps, const char *line, gsize len, gboolean first,
                          gboolean whole)
{
	const char *end = line + len;
	gboolean opens = FALSE;

	if (first) {
		gboolean from = len >= 5 && memcmp(line, "From ", 5) == 0;
		gboolean blank = len == 0 || (len == 1 && line[0] == '\r');
		gboolean prev_blank = ps->prev_blank;
		if (!ps->started)
			ps->mbox = from;
		else if (ps->mbox && from)
			return SCAN_END;
		ps->started = TRUE;
		ps->prev_blank = blank;
		if (ps->fold_check && len > 0 && (line[0] == ' ' || line[0] == '\t'))
			ps->any_dash = TRUE;   /* a boundary parameter goes on here */
		ps->fold_check = FALSE;
		if (len >= 2 && line[0] == '-' && line[1] == '-')
			opens = ps->any_dash || is_delimiter(ps, line + 2, len - 2);
		else if (len >= CTYPE_WORD_LEN && g_ascii_strncasecmp(line, CTYPE_WORD, CTYPE_WORD_LEN) == 0)
			opens = may_open_message(line + CTYPE_WORD_LEN, end);
		if (opens && ++ps->lines > ps->budget) {
			/* GMime counts the line end before a delimiter line as part of it
			 * (two bytes when the delimiter line ends in CR), unless that is
			 * the blank line after headers; a cut before the line end leaves
			 * the part before as it would be with the delimiter there */
			ps->drop_eol = line[0] != '-' || prev_blank ? 0
			             : len > 0 && line[len - 1] == '\r' ? 2 : 1;
			return SCAN_CUT;
		}
	}
	if (ps->any_dash)
		return SCAN_ON;
	if (!whole) {
		/* a declaration in a line this long cannot be read whole */
		if (find_word(line, end) != NULL)
			ps->any_dash = TRUE;
		return SCAN_ON;
	}
	for (const char *w = line; (w = find_word(w, end)) != NULL && !ps->any_dash;
	     w += BOUNDARY_WORD_LEN)
		scan_decl(ps, w + BOUNDARY_WORD_LEN, end);
	return SCAN_ON;
}

/*
 * part_scan - where GMime should stop reading so that its tree holds about
 * as many objects as the walk may visit: just before the first line that
 * would take the count of lines that can open an object past PARSE_SLACK
 * times max_parts plus PARSE_SLACK_LINES, or -1 when the whole message stays
 * within that.  Lines only count after the boundary they use is declared, as
 * in GMime, and only up to the line that ends an mbox message.  Reads
 * stream from start in PARSE_SCAN_BUF pieces; a line longer than that is
 * scanned piece by piece, keeping the last few bytes so that no word is
 * split.  The stream position is left anywhere.
 */
static gint64 part_scan(GMimeStream *stream, gint64 start, guint max_parts)
{
	guint64 budget = (guint64)max_parts * PARSE_SLACK + PARSE_SLACK_LINES;
	PartScan ps = { .bounds = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL),
	                .max_bounds = (guint)MIN(budget, G_MAXUINT), .budget = budget };
	ScanStep step = SCAN_ON;
	char *buf = g_malloc(PARSE_SCAN_BUF);
	gsize have = 0;           /* bytes in buf */
	gint64 at = start;        /* stream offset of buf[0] */
	gboolean mid = FALSE;     /* buf starts inside a line begun in an earlier piece */
	gint64 cut = -1;

	if (start < 0 || g_mime_stream_seek(stream, start, GMIME_STREAM_SEEK_SET) != start)
		goto out;
	for (;;) {
		ssize_t n = g_mime_stream_read(stream, buf + have, PARSE_SCAN_BUF - have);
		const char *p = buf, *end, *nl;

		if (n > 0)
			have += (gsize)n;
		end = buf + have;
		while ((nl = memchr(p, '\n', (gsize)(end - p))) != NULL) {
			if ((step = scan_line(&ps, p, (gsize)(nl - p), !mid, TRUE)) != SCAN_ON)
				break;
			mid = FALSE;
			p = nl + 1;
		}
		if (nl == NULL && n <= 0 && p < end)   /* a last line without a line feed */
			step = scan_line(&ps, p, (gsize)(end - p), !mid, TRUE);
		if (step == SCAN_CUT)
			cut = MAX(start, at + (p - buf) - ps.drop_eol);
		if (step != SCAN_ON || n <= 0)
			break;
		if (p == buf && have == PARSE_SCAN_BUF) {
			/* no line end in a full buffer: scan this piece, keep its tail */
			gsize keep = BOUNDARY_WORD_LEN - 1;
			if ((step = scan_line(&ps, buf, have, !mid, FALSE)) != SCAN_ON) {
				if (step == SCAN_CUT)
					cut = MAX(start, at - ps.drop_eol);
				break;
			}
			mid = TRUE;
			memmove(buf, buf + have - keep, keep);
			at += (gint64)(have - keep);
			have = keep;
			continue;
		}
		memmove(buf, p, (gsize)(end - p));
		at += p - buf;
		have = (gsize)(end - p);
	}
out:
	g_free(buf);
	g_hash_table_destroy(ps.bounds);
	return cut;
}

/*
 * mime_parse - GMime parse with loose compliance, bounded by
 * lim->max_parts (part_scan; "limit:parts" when the message is cut).  Input
 * GMime will not take as a message (no header block at all) is parsed again
 * as the body of a message with empty headers ("mime:no-headers"), so its
 * text is still checked.  NULL and err only for empty or unreadable input.
 */
GMimeMessage *mime_parse(GMimeStream *stream, const ExtractLimits *lim, Facts *f, GError **err)
{
	gint64 start = g_mime_stream_tell(stream);
	gint64 cut = -1;
	GMimeMessage *msg;
	GMimeStream *bounded = NULL, *cat = NULL, *head = NULL, *rest = NULL;
	char probe;

	raw_scan(stream, start, f);
	if (start >= 0) {
		cut = part_scan(stream, start, lim ? lim->max_parts : PARSE_PARTS_UNSET);
		g_mime_stream_seek(stream, start, GMIME_STREAM_SEEK_SET);
	}
	if (cut >= 0)
		bounded = g_mime_stream_substream(stream, start, cut);
	msg = parse_once(bounded ? bounded : stream, f, cut >= 0);
	if (msg != NULL || start < 0)
		goto out;
	if (g_mime_stream_seek(stream, start, GMIME_STREAM_SEEK_SET) != start ||
	    g_mime_stream_read(stream, &probe, 1) != 1)
		goto out;
	facts_add_anomaly(f, "mime", "no-headers");
	cat = g_mime_stream_cat_new();
	head = g_mime_stream_mem_new_with_buffer("\n", 1);
	rest = g_mime_stream_substream(stream, start, cut);
	g_mime_stream_cat_add_source(GMIME_STREAM_CAT(cat), head);
	g_mime_stream_cat_add_source(GMIME_STREAM_CAT(cat), rest);
	msg = parse_once(cat, f, cut >= 0);
out:
	if (msg == NULL)
		g_set_error(err, MIME_ERROR, 1, "no parsable message in the input");
	else if (cut >= 0)
		facts_add_anomaly(f, "limit", "parts");
	if (bounded != NULL)
		g_object_unref(bounded);
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
