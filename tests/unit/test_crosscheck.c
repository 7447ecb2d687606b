/*
 * test_crosscheck.c - extraction compared with other parsers' views of the
 * same messages, over the shared corpus (AMZ_CORPUS, else ../shared/corpus
 * from the repository top); every case skips with a notice when it is absent.
 *
 *  python     reference-python-summary.jsonl (Python's email package): part
 *             count and the names of named parts.
 *  stalwart   stalwart-mail-parser's expected parses (*.json next to *.eml).
 *  mime4j     mime4j's expected structures (*.xml next to *.msg).
 *  broken     mime-is-broken: each message hides eicar.zip or the name of a
 *             file.zip; the payload must surface or the message be flagged.
 *  sa-uris    SpamAssassin's URI tables: the hosts each line must (or must not)
 *             yield; patterns are reduced to the host they name.
 *  obfuscated rspamd's obfuscated-link messages: the hosts a reader sees.
 *
 * Agreement rates go out as test messages (TAP "#" lines).  "Both accept"
 * means: the other parser reports no defect where it reports them, and
 * extraction adds no "mime:" anomaly.  tests/CROSSCHECK.md explains every
 * class of disagreement.  Everything runs in this one process.
 */
#include <string.h>
#include <json-glib/json-glib.h>
#include "extract/extract.h"
#include "testfiles.h"
#include "linkwords.h"

/* Agreement required on messages both parsers accept (percent). */
#define CROSS_MIN_AGREEMENT 98.0

typedef struct {
	guint total, agree, both, both_agree;
} Tally;

static char *corpus_dir(void)
{
	const char *env = g_getenv("AMZ_CORPUS");
	char *dir = g_strdup(env && *env ? env : "../shared/corpus");

	if (!g_file_test(dir, G_FILE_TEST_IS_DIR)) {
		g_free(dir);
		return NULL;
	}
	return dir;
}

/* extract_file - the facts of one message file; NULL when unreadable */
static Facts *extract_file(const char *path, gboolean *ok)
{
	char *buf = NULL;
	gsize len = 0;
	GMimeStream *s;
	Facts *f;
	ExtractLimits lim;

	if (!g_file_get_contents(path, &buf, &len, NULL))
		return NULL;
	test_limits(&lim);
	s = g_mime_stream_mem_new_with_buffer(buf, len);
	f = facts_new();
	f->message_bytes = len;
	*ok = extract_stream(s, &lim, f, NULL);
	g_object_unref(s);
	g_free(buf);
	return f;
}

static gboolean has_mime_anomaly(const Facts *f)
{
	for (guint i = 0; i < f->anomalies->len; i++)
		if (g_str_has_prefix(f->anomalies->pdata[i], "mime:"))
			return TRUE;
	return FALSE;
}

static gboolean has_anomaly(const Facts *f, const char *a)
{
	for (guint i = 0; i < f->anomalies->len; i++)
		if (strcmp(f->anomalies->pdata[i], a) == 0)
			return TRUE;
	return FALSE;
}

/* names_ours - names of the message's own parts (archive members left out) */
static GHashTable *names_ours(const Facts *f)
{
	GHashTable *h = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);

	for (guint i = 0; i < f->attachments->len; i++) {
		const FactAttachment *a = f->attachments->pdata[i];
		if (a->container[0] == '\0' && a->name[0] != '\0')
			g_hash_table_add(h, g_strdup(a->name));
	}
	return h;
}

/* subset - every name the other parser found is one extraction found */
static gboolean subset(GHashTable *theirs, GHashTable *ours, GString *why)
{
	GHashTableIter it;
	gpointer k;
	gboolean ok = TRUE;

	g_hash_table_iter_init(&it, theirs);
	while (g_hash_table_iter_next(&it, &k, NULL)) {
		g_autofree char *clean = g_strstrip(g_strdup(k));
		if (!g_hash_table_contains(ours, clean)) {
			g_string_append_printf(why, " missing name \"%s\"", (const char *)k);
			ok = FALSE;
		}
	}
	return ok;
}

static void tally(Tally *t, gboolean both, gboolean agree)
{
	t->total++;
	t->agree += agree;
	t->both += both;
	t->both_agree += both && agree;
}

static double pct(guint a, guint n)
{
	return n ? 100.0 * a / n : 100.0;
}

static void report(const char *what, const Tally *t)
{
	g_test_message("%s: agreement %u/%u (%.1f%%); on messages both accept %u/%u (%.1f%%)", what,
	               t->agree, t->total, pct(t->agree, t->total), t->both_agree, t->both,
	               pct(t->both_agree, t->both));
}

/* note - one disagreement, shown with --verbose (g_test_message goes to TAP too) */
static void note(const char *src, const char *file, const char *why, gboolean both)
{
	if (g_test_verbose())
		g_test_message("%s disagrees on %s%s:%s", src, file, both ? " (both accept)" : "", why);
}

/* ---- Python's email package ------------------------------------------- */

/* python_splits_reports - Python parses the body of a delivery or disposition
 * report into one node per header block; GMime keeps it as one leaf */
static gboolean python_splits_reports(JsonObject *o)
{
	JsonArray *types = json_object_get_array_member(o, "types");

	for (guint i = 0; types && i < json_array_get_length(types); i++) {
		const char *t = json_array_get_string_element(types, i);
		if (t && (g_ascii_strcasecmp(t, "message/delivery-status") == 0 ||
		          g_ascii_strcasecmp(t, "message/disposition-notification") == 0 ||
		          g_ascii_strcasecmp(t, "message/feedback-report") == 0 ||
		          g_ascii_strcasecmp(t, "text/rfc822-headers") == 0))
			return TRUE;
	}
	return FALSE;
}

static void test_python(void)
{
	g_autofree char *dir = corpus_dir();
	g_autofree char *path = NULL;
	char *data = NULL;
	char **lines;
	GHashTable *multi;
	Tally parts = { 0 }, names = { 0 };

	if (dir == NULL || !g_file_get_contents((path = g_build_filename(dir,
	                   "reference-python-summary.jsonl", NULL)), &data, NULL, NULL)) {
		g_test_skip("no corpus or no reference-python-summary.jsonl");
		return;
	}
	lines = g_strsplit(data, "\n", -1);
	/* mbox files hold several messages: compared as files they mean nothing */
	multi = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	for (int i = 0; lines[i]; i++) {
		g_autoptr(JsonParser) p = json_parser_new();
		JsonObject *o;
		if (!*lines[i] || !json_parser_load_from_data(p, lines[i], -1, NULL))
			continue;
		o = json_node_get_object(json_parser_get_root(p));
		if (json_object_get_int_member_with_default(o, "index", 0) > 0)
			g_hash_table_add(multi, g_strdup(json_object_get_string_member(o, "file")));
	}
	for (int i = 0; lines[i]; i++) {
		g_autoptr(JsonParser) p = json_parser_new();
		JsonObject *o;
		JsonArray *atts;
		const char *file;
		g_autofree char *full = NULL;
		GHashTable *theirs, *ours;
		GString *why;
		Facts *f;
		gboolean ok = FALSE, both, same;
		gint64 their_parts;

		if (!*lines[i] || !json_parser_load_from_data(p, lines[i], -1, NULL))
			continue;
		o = json_node_get_object(json_parser_get_root(p));
		file = json_object_get_string_member(o, "file");
		if (json_object_has_member(o, "error") || g_hash_table_contains(multi, file))
			continue;
		full = g_build_filename(dir, file, NULL);
		if ((f = extract_file(full, &ok)) == NULL)
			continue;
		both = ok && !has_mime_anomaly(f) && json_object_get_int_member(o, "defects") == 0;
		why = g_string_new(NULL);

		their_parts = json_object_get_int_member(o, "parts");
		same = their_parts == (gint64)f->parts;
		if (!same)
			g_string_append_printf(why, " parts %" G_GINT64_FORMAT " vs %u", their_parts, f->parts);
		if (!python_splits_reports(o))
			tally(&parts, both, same);

		theirs = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
		atts = json_object_get_array_member(o, "attachments");
		ours = names_ours(f);
		for (guint k = 0; atts && k < json_array_get_length(atts); k++) {
			JsonObject *a = json_array_get_object_element(atts, k);
			JsonNode *n = json_object_get_member(a, "name");
			const char *type = json_object_get_string_member_with_default(a, "type", "");
			if (n == NULL || JSON_NODE_HOLDS_NULL(n) || !*json_node_get_string(n))
				continue;
			/* a named text part not marked as attachment is body text here */
			if ((strcmp(type, "text/plain") == 0 || strcmp(type, "text/html") == 0) &&
			    !g_hash_table_contains(ours, json_node_get_string(n)))
				continue;
			g_hash_table_add(theirs, g_strdup(json_node_get_string(n)));
		}
		same = subset(theirs, ours, why);
		tally(&names, both, same);
		if (why->len)
			note("python", file, why->str, both);
		g_string_free(why, TRUE);
		g_hash_table_unref(theirs);
		g_hash_table_unref(ours);
		facts_free(f);
	}
	report("python part count", &parts);
	report("python attachment names", &names);
	g_assert_cmpfloat(pct(parts.both_agree, parts.both), >=, CROSS_MIN_AGREEMENT);
	g_assert_cmpfloat(pct(names.both_agree, names.both), >=, CROSS_MIN_AGREEMENT);
	g_hash_table_unref(multi);
	g_strfreev(lines);
	g_free(data);
}

/* ---- stalwart-mail-parser --------------------------------------------- */

/* obj_member - a member that is an object, else NULL (the JSON varies by header) */
static JsonObject *obj_member(JsonObject *o, const char *name)
{
	JsonNode *n = o ? json_object_get_member(o, name) : NULL;

	return n && JSON_NODE_HOLDS_OBJECT(n) ? json_node_get_object(n) : NULL;
}

/* stalwart_param - a named attribute of a parsed Content-Type / -Disposition value */
static const char *stalwart_param(JsonObject *hdr, const char *attr)
{
	JsonObject *v = obj_member(hdr, "value");
	JsonObject *ct;
	JsonArray *attrs;
	JsonNode *an;

	if (v == NULL || !json_object_has_member(v, "ContentType"))
		return NULL;
	ct = obj_member(v, "ContentType");
	an = json_object_get_member(ct, "attributes");
	if (an == NULL || !JSON_NODE_HOLDS_ARRAY(an))
		return NULL;
	attrs = json_node_get_array(an);
	for (guint i = 0; i < json_array_get_length(attrs); i++) {
		JsonObject *a = json_array_get_object_element(attrs, i);
		if (g_ascii_strcasecmp(json_object_get_string_member(a, "name"), attr) == 0)
			return json_object_get_string_member(a, "value");
	}
	return NULL;
}

/* disp_attachment - "Content-Disposition: attachment" among parsed headers */
static gboolean disp_attachment(JsonArray *hs)
{
	for (guint k = 0; hs && k < json_array_get_length(hs); k++) {
		JsonObject *h = json_array_get_object_element(hs, k);
		JsonNode *nn = json_object_get_member(h, "name");
		JsonObject *v = obj_member(h, "value");
		if (!JSON_NODE_HOLDS_VALUE(nn) || strcmp(json_node_get_string(nn), "content_disposition") != 0 ||
		    v == NULL || !json_object_has_member(v, "ContentType"))
			continue;
		v = obj_member(v, "ContentType");
		return g_strcmp0(json_object_get_string_member_with_default(v, "c_type", ""), "attachment") == 0;
	}
	return FALSE;
}

/* stalwart_walk - count the nodes of one parsed message and collect part names */
static void stalwart_walk(JsonObject *msg, guint *nodes, GHashTable *names, gboolean *problem)
{
	JsonArray *parts = json_object_get_array_member(msg, "parts");

	for (guint i = 0; parts && i < json_array_get_length(parts); i++) {
		JsonObject *p = json_array_get_object_element(parts, i);
		JsonArray *hs = json_object_get_array_member(p, "headers");
		JsonNode *bn = json_object_get_member(p, "body");
		JsonObject *body = bn && JSON_NODE_HOLDS_OBJECT(bn) ? json_node_get_object(bn) : NULL;
		gboolean text = body && (json_object_has_member(body, "Text") ||
		                         json_object_has_member(body, "Html"));
		const char *name = NULL;
		(*nodes)++;
		if (json_object_get_boolean_member_with_default(p, "is_encoding_problem", FALSE))
			*problem = TRUE;
		for (guint k = 0; hs && k < json_array_get_length(hs); k++) {
			JsonObject *h = json_array_get_object_element(hs, k);
			JsonNode *nn = json_object_get_member(h, "name");
			const char *hn = JSON_NODE_HOLDS_VALUE(nn) ? json_node_get_string(nn) : "";
			if (strcmp(hn, "content_disposition") == 0 && stalwart_param(h, "filename"))
				name = stalwart_param(h, "filename");
			else if (strcmp(hn, "content_type") == 0 && name == NULL && stalwart_param(h, "name"))
				name = stalwart_param(h, "name");
		}
		/* a named text part not marked as attachment is body text here */
		if (name != NULL && *name && !(text && !disp_attachment(hs)))
			g_hash_table_add(names, g_strdup(name));
		if (body != NULL && json_object_has_member(body, "Message") &&
		    JSON_NODE_HOLDS_OBJECT(json_object_get_member(body, "Message")))
			stalwart_walk(obj_member(body, "Message"), nodes, names, problem);
	}
}

static void test_stalwart(void)
{
	g_autofree char *dir = corpus_dir();
	g_autofree char *sdir = dir ? g_build_filename(dir, "stalwart-mail-parser", NULL) : NULL;
	GPtrArray *emls = g_ptr_array_new_with_free_func(g_free);
	Tally parts = { 0 }, names = { 0 };

	if (sdir == NULL || !g_file_test(sdir, G_FILE_TEST_IS_DIR)) {
		g_test_skip("no corpus/stalwart-mail-parser");
		goto out;
	}
	test_files(sdir, (const char *const[]){ ".eml", NULL }, emls, 8);
	g_ptr_array_sort(emls, (GCompareFunc)g_strcmp0);
	for (guint i = 0; i < emls->len; i++) {
		const char *eml = emls->pdata[i];
		g_autofree char *stem = g_strndup(eml, strlen(eml) - 4);
		g_autofree char *json = g_strconcat(stem, ".json", NULL);
		g_autoptr(JsonParser) p = json_parser_new();
		GHashTable *theirs, *ours;
		guint nodes = 0;
		gboolean problem = FALSE, ok = FALSE, both, same;
		GString *why;
		Facts *f;
		if (!json_parser_load_from_file(p, json, NULL))
			continue;
		if (!JSON_NODE_HOLDS_OBJECT(json_parser_get_root(p)))
			continue;
		if ((f = extract_file(eml, &ok)) == NULL)
			continue;
		theirs = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
		stalwart_walk(json_node_get_object(json_parser_get_root(p)), &nodes, theirs, &problem);
		both = ok && !problem && !has_mime_anomaly(f);
		why = g_string_new(NULL);
		same = nodes == f->parts;
		if (!same)
			g_string_append_printf(why, " parts %u vs %u", nodes, f->parts);
		tally(&parts, both, same);
		ours = names_ours(f);
		tally(&names, both, subset(theirs, ours, why));
		if (why->len)
			note("stalwart", eml, why->str, both);
		g_string_free(why, TRUE);
		g_hash_table_unref(theirs);
		g_hash_table_unref(ours);
		facts_free(f);
	}
	report("stalwart part count", &parts);
	report("stalwart attachment names", &names);
	g_assert_cmpfloat(pct(parts.both_agree, parts.both), >=, CROSS_MIN_AGREEMENT);
	g_assert_cmpfloat(pct(names.both_agree, names.both), >=, CROSS_MIN_AGREEMENT);
out:
	g_ptr_array_unref(emls);
}

/* ---- mime4j ------------------------------------------------------------ */

typedef struct {
	guint nodes;
	GString *field;       /* text of the <field> being read */
	gboolean in_field;
	GPtrArray *pending;   /* file names of the current header block */
	gboolean text, attach;/* that block's part is text/plain or text/html; an attachment */
	GHashTable *names;
} M4j;

static void m4j_start(GMarkupParseContext *ctx, const char *el, const char **an, const char **av,
                      gpointer data, GError **err)
{
	M4j *m = data;

	(void)ctx, (void)an, (void)av, (void)err;
	if (strcmp(el, "message") == 0 || strcmp(el, "body-part") == 0)
		m->nodes++;
	if (strcmp(el, "field") == 0) {
		m->in_field = TRUE;
		g_string_truncate(m->field, 0);
	}
}

/* m4j_end - a header field: a file name from Content-Disposition or Content-Type */
static void m4j_end(GMarkupParseContext *ctx, const char *el, gpointer data, GError **err)
{
	M4j *m = data;
	char *colon, *fname;
	const char *v = NULL;

	(void)ctx, (void)err;
	if (strcmp(el, "header") == 0) {
		/* a named text part not marked as attachment is body text here */
		for (guint i = 0; i < m->pending->len; i++)
			if (!m->text || m->attach)
				g_hash_table_add(m->names, g_strdup(m->pending->pdata[i]));
		g_ptr_array_set_size(m->pending, 0);
		m->text = m->attach = FALSE;
		return;
	}
	if (strcmp(el, "field") != 0)
		return;
	m->in_field = FALSE;
	colon = strchr(m->field->str, ':');
	if (colon == NULL)
		return;
	*colon = '\0';
	fname = g_strstrip(m->field->str);
	if (g_ascii_strcasecmp(fname, "Content-Disposition") == 0) {
		GMimeContentDisposition *d = g_mime_content_disposition_parse(NULL, colon + 1);
		v = g_mime_content_disposition_get_parameter(d, "filename");
		m->attach = g_mime_content_disposition_is_attachment(d);
		if (v && *v)
			g_ptr_array_add(m->pending, g_strdup(v));
		g_object_unref(d);
	} else if (g_ascii_strcasecmp(fname, "Content-Type") == 0) {
		GMimeContentType *t = g_mime_content_type_parse(NULL, colon + 1);
		v = g_mime_content_type_get_parameter(t, "name");
		m->text = g_mime_content_type_is_type(t, "text", "plain") ||
		          g_mime_content_type_is_type(t, "text", "html");
		if (v && *v)
			g_ptr_array_add(m->pending, g_strdup(v));
		g_object_unref(t);
	}
}

static void m4j_text(GMarkupParseContext *ctx, const char *text, gsize len, gpointer data,
                     GError **err)
{
	M4j *m = data;

	(void)ctx, (void)err;
	if (m->in_field)
		g_string_append_len(m->field, text, len);
}

static void test_mime4j(void)
{
	static const GMarkupParser parser = { m4j_start, m4j_end, m4j_text, NULL, NULL };
	g_autofree char *dir = corpus_dir();
	g_autofree char *mdir = dir ? g_build_filename(dir, "mime4j", NULL) : NULL;
	GPtrArray *msgs = g_ptr_array_new_with_free_func(g_free);
	Tally parts = { 0 }, names = { 0 };

	if (mdir == NULL || !g_file_test(mdir, G_FILE_TEST_IS_DIR)) {
		g_test_skip("no corpus/mime4j");
		goto out;
	}
	test_files(mdir, (const char *const[]){ ".msg", NULL }, msgs, 8);
	g_ptr_array_sort(msgs, (GCompareFunc)g_strcmp0);
	for (guint i = 0; i < msgs->len; i++) {
		const char *msg = msgs->pdata[i];
		g_autofree char *stem = g_strndup(msg, strlen(msg) - 4);
		g_autofree char *xml = g_strconcat(stem, ".xml", NULL);
		char *x = NULL;
		gsize xl = 0;
		M4j m = { 0 };
		GMarkupParseContext *ctx;
		gboolean parsed, ok = FALSE, both, same;
		GHashTable *ours;
		GString *why;
		Facts *f;
		if (!g_file_get_contents(xml, &x, &xl, NULL))
			continue;
		m.field = g_string_new(NULL);
		m.pending = g_ptr_array_new_with_free_func(g_free);
		m.names = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
		ctx = g_markup_parse_context_new(&parser, 0, &m, NULL);
		parsed = g_markup_parse_context_parse(ctx, x, xl, NULL) &&
		         g_markup_parse_context_end_parse(ctx, NULL);
		g_markup_parse_context_free(ctx);
		g_free(x);
		if (parsed && (f = extract_file(msg, &ok)) != NULL) {
			both = ok && !has_mime_anomaly(f);
			why = g_string_new(NULL);
			same = m.nodes == f->parts;
			if (!same)
				g_string_append_printf(why, " parts %u vs %u", m.nodes, f->parts);
			tally(&parts, both, same);
			ours = names_ours(f);
			tally(&names, both, subset(m.names, ours, why));
			if (why->len)
				note("mime4j", msg, why->str, both);
			g_string_free(why, TRUE);
			g_hash_table_unref(ours);
			facts_free(f);
		}
		g_string_free(m.field, TRUE);
		g_ptr_array_unref(m.pending);
		g_hash_table_unref(m.names);
	}
	report("mime4j part count", &parts);
	report("mime4j attachment names", &names);
	g_assert_cmpfloat(pct(parts.both_agree, parts.both), >=, CROSS_MIN_AGREEMENT);
	g_assert_cmpfloat(pct(names.both_agree, names.both), >=, CROSS_MIN_AGREEMENT);
out:
	g_ptr_array_unref(msgs);
}

/* ---- mime-is-broken ---------------------------------------------------- */

/* payload_mismatch - an attachment whose name and content disagree: rules see it */
static gboolean payload_mismatch(const Facts *f)
{
	for (guint i = 0; i < f->attachments->len; i++)
		if (((const FactAttachment *)f->attachments->pdata[i])->mismatch)
			return TRUE;
	return FALSE;
}

/* payload_seen - the hidden payload surfaced: the ZIP (or its member) or a .zip name */
static gboolean payload_seen(const Facts *f, gboolean content)
{
	for (guint i = 0; i < f->attachments->len; i++) {
		const FactAttachment *a = f->attachments->pdata[i];
		if (content && (strcmp(a->magic, "application/zip") == 0 ||
		                strcmp(a->name, "eicar.com") == 0))
			return TRUE;
		if (!content && strcmp(a->ext, "zip") == 0)
			return TRUE;
	}
	return FALSE;
}

static void test_broken(void)
{
	g_autofree char *dir = corpus_dir();
	const char *kinds[] = { "hide-content", "hide-filename" };

	if (dir == NULL) {
		g_test_skip("no corpus");
		return;
	}
	for (int k = 0; k < 2; k++) {
		g_autofree char *sub = g_build_filename(dir, "mime-is-broken", kinds[k], NULL);
		GPtrArray *emls = g_ptr_array_new_with_free_func(g_free);
		guint seen = 0, mismatch = 0, flagged = 0, missed = 0;
		test_files(sub, (const char *const[]){ ".eml", NULL }, emls, 8);
		g_ptr_array_sort(emls, (GCompareFunc)g_strcmp0);
		for (guint i = 0; i < emls->len; i++) {
			gboolean ok = FALSE;
			Facts *f = extract_file(emls->pdata[i], &ok);
			if (f == NULL)
				continue;
			if (payload_seen(f, k == 0))
				seen++;
			else if (payload_mismatch(f))
				mismatch++;
			else if (has_mime_anomaly(f))
				flagged++;
			else {
				missed++;
				if (g_test_verbose())
					g_test_message("mime-is-broken: payload neither seen nor flagged: %s",
					               (const char *)emls->pdata[i]);
			}
			facts_free(f);
		}
		g_test_message("mime-is-broken %s: %u messages, payload surfaced in %u, surfaced with "
		               "a type mismatch in %u, flagged malformed in %u, missed in %u", kinds[k],
		               emls->len, seen, mismatch, flagged, missed);
		if (emls->len > 0)
			g_assert_cmpuint(missed, ==, 0);
		g_ptr_array_unref(emls);
	}
}

/* ---- SpamAssassin URI tables ------------------------------------------- */

/* pattern_literal - a table pattern as plain text: escapes, anchors and scheme dropped */
static char *pattern_literal(const char *pat)
{
	GString *s = g_string_new(NULL);

	for (const char *p = pat; *p; p++) {
		if (*p == '\\' && p[1]) {
			g_string_append_c(s, *++p);
			continue;
		}
		if (*p == '^' || *p == '$')
			continue;
		g_string_append_c(s, *p);
	}
	return g_string_free(s, FALSE);
}

/* pattern_host - the host a table pattern names: scheme, user info, port, path
 * and regex remnants dropped, lower case; transfer full */
static char *pattern_host(const char *lit)
{
	g_autofree char *low = g_ascii_strdown(lit, -1);
	const char *p = strstr(low, "://"), *at;
	char *h;

	p = p ? p + 3 : g_str_has_prefix(low, "mailto:") ? low + 7 : low;
	h = g_strndup(p, strcspn(p, "/?#("));
	if ((at = strrchr(h, '@')) != NULL)
		memmove(h, at + 1, strlen(at + 1) + 1);
	h[strcspn(h, ":")] = '\0';
	return h;
}

/* pattern_scheme - the scheme a table pattern names ("http", "mailto", ...), or NULL */
static char *pattern_scheme(const char *low)
{
	const char *p = strstr(low, "://");
	gsize n;

	if (g_str_has_prefix(low, "mailto:"))
		return g_strdup("mailto");
	if (p == NULL)
		return NULL;
	n = p - low;
	for (gsize i = 0; i < n; i++)
		if (!g_ascii_isalpha(low[i]))
			return NULL;
	return n ? g_strndup(low, n) : NULL;
}

/* link_has - some link matches what the pattern names: its host (with the
 * scheme, when the pattern names one; a scheme-less link is read as http),
 * the address of a mailto: link, or a piece of the URL when the pattern
 * names no host (no dot, or only a query or fragment) */
static gboolean link_has(const Facts *f, const char *lit)
{
	g_autofree char *host = pattern_host(lit);
	g_autofree char *low = g_ascii_strdown(lit, -1);
	g_autofree char *scheme = pattern_scheme(low);
	gboolean dotted = strchr(host, '.') != NULL;

	for (guint i = 0; i < f->links->len; i++) {
		const FactLink *l = f->links->pdata[i];
		g_autofree char *url = g_ascii_strdown(l->url, -1);
		if (*host == '\0') {
			if (strstr(url, low) != NULL)
				return TRUE;
			continue;
		}
		if (scheme != NULL && strcmp(scheme, "mailto") == 0) {
			if (strcmp(l->scheme, "mailto") == 0 && strstr(url, low) != NULL)
				return TRUE;
			continue;
		}
		if (scheme != NULL && strcmp(l->scheme, scheme) != 0 &&
		    !(l->scheme[0] == '\0' && strcmp(scheme, "http") == 0))
			continue;
		if (strstr(l->host, host) != NULL || (!dotted && strstr(url, low) != NULL))
			return TRUE;
	}
	return FALSE;
}

/* sa_table - one table: each line's string in a message, each pattern checked */
static void sa_table(const char *path, gboolean html, Tally *t)
{
	char *data = NULL;
	char **lines;
	ExtractLimits lim;

	if (!g_file_get_contents(path, &data, NULL, NULL))
		return;
	test_limits(&lim);
	lines = g_strsplit(data, "\n", -1);
	for (int i = 0; lines[i]; i++) {
		char **cols, *tab;
		g_autofree char *msg = NULL, *str = NULL;
		gboolean agree = TRUE;
		GString *why;
		Facts *f;
		GMimeStream *s;
		if (!*lines[i] || lines[i][0] == '#' || (tab = strchr(lines[i], '\t')) == NULL)
			continue;
		str = g_strndup(lines[i], tab - lines[i]);
		{
			GString *u = g_string_new(str);
			gchar *e;
			while ((e = strstr(u->str, "{ESC}")) != NULL) {
				gsize at = e - u->str;
				g_string_erase(u, at, 5);
				g_string_insert_c(u, at, 0x1b);
			}
			g_free(str);
			str = g_string_free(u, FALSE);
		}
		cols = g_strsplit_set(tab, " \t", -1);
		msg = html ? g_strdup_printf("Subject: t\nMIME-Version: 1.0\nContent-Type: text/html\n\n"
		                             "<html><body><a href=\"%s\">click here</a></body></html>\n", str)
		           : g_strdup_printf("Subject: t\n\n%s\n", str);
		s = g_mime_stream_mem_new_with_buffer(msg, strlen(msg));
		f = facts_new();
		extract_stream(s, &lim, f, NULL);
		g_object_unref(s);
		why = g_string_new(NULL);
		for (int c = 0; cols[c]; c++) {
			gboolean neg = cols[c][0] == '!';
			g_autofree char *lit = NULL;
			if (!*cols[c])
				continue;
			lit = pattern_literal(cols[c] + neg);
			if (link_has(f, lit) == neg) {
				agree = FALSE;
				g_string_append_printf(why, " %s%s", neg ? "!" : "", lit);
			}
		}
		tally(t, TRUE, agree);
		if (!agree && g_test_verbose())
			g_test_message("sa %s: \"%s\" disagrees on%s", html ? "html" : "text", str, why->str);
		g_string_free(why, TRUE);
		facts_free(f);
		g_strfreev(cols);
	}
	g_strfreev(lines);
	g_free(data);
}

/* Lines where extraction deliberately differs (see tests/CROSSCHECK.md); the
 * rate must not fall below what is measured with them. */
#define SA_MIN_TEXT_AGREEMENT 88.5
#define SA_MIN_HTML_AGREEMENT 97.5

static void test_sa_uris(void)
{
	g_autofree char *dir = corpus_dir();
	g_autofree char *text = dir ? g_build_filename(dir, "spamassassin", "uri_text.t.DATA.tsv", NULL) : NULL;
	g_autofree char *html = dir ? g_build_filename(dir, "spamassassin", "uri_html.t.DATA.txt", NULL) : NULL;
	Tally tt = { 0 }, th = { 0 };

	if (text == NULL || !g_file_test(text, G_FILE_TEST_EXISTS)) {
		g_test_skip("no corpus/spamassassin URI tables");
		return;
	}
	sa_table(text, FALSE, &tt);
	sa_table(html, TRUE, &th);
	report("spamassassin uri_text lines", &tt);
	report("spamassassin uri_html lines", &th);
	g_assert_cmpfloat(pct(tt.agree, tt.total), >=, SA_MIN_TEXT_AGREEMENT);
	g_assert_cmpfloat(pct(th.agree, th.total), >=, SA_MIN_HTML_AGREEMENT);
}

/* ---- rspamd's obfuscated links ------------------------------------------ */

static void test_obfuscated(void)
{
	/* the hosts a reader of each message sees (hidden: text that must not be visible) */
	static const struct {
		const char *file;
		const char *hosts[4];
		const char *hidden;
	} cases[] = {
		{ "url_obfuscated_bracket_dots.eml", { "example.com" }, NULL },
		{ "url_obfuscated_hxxp.eml", { "malicious-site.com" }, NULL },
		{ "url_obfuscated_spaced.eml", { "evil-site.com" }, NULL },
		{ "url_obfuscated_word_dot.eml", { "secure-login.net" }, NULL },
		{ "url_query_nesting.eml", { "h0.example.org", "h1.example.org", "h2.example.org" }, NULL },
		{ "url10.eml", { "testtest.com", "example.com" }, NULL },
		{ "url8.eml", { "xn--80arbjktj.xn--p1ai" }, NULL },
		{ "html_phishing.eml", { "phishing-site.evil" }, NULL },
		{ "zerofont.eml", { "example.com" }, "le aring" },
	};
	g_autofree char *dir = corpus_dir();
	guint found = 0, want = 0;

	if (dir == NULL) {
		g_test_skip("no corpus");
		return;
	}
	for (gsize i = 0; i < G_N_ELEMENTS(cases); i++) {
		g_autofree char *path = g_build_filename(dir, "rspamd", cases[i].file, NULL);
		gboolean ok = FALSE;
		Facts *f = extract_file(path, &ok);
		if (f == NULL)
			continue;
		for (int k = 0; k < 4 && cases[i].hosts[k]; k++) {
			gboolean hit = FALSE;
			for (guint l = 0; l < f->links->len && !hit; l++)
				hit = strcmp(((FactLink *)f->links->pdata[l])->host, cases[i].hosts[k]) == 0;
			want++;
			found += hit;
			if (!hit)
				g_test_message("rspamd %s: host %s not extracted", cases[i].file, cases[i].hosts[k]);
		}
		if (cases[i].hidden != NULL) {
			want++;
			if (strstr(f->hidden_text->str, cases[i].hidden) && has_anomaly(f, "html:hidden-text") &&
			    strstr(f->text->str, "file") == NULL)
				found++;
			else
				g_test_message("rspamd %s: hidden text not separated", cases[i].file);
		}
		facts_free(f);
	}
	g_test_message("rspamd obfuscated links: %u/%u expected facts extracted", found, want);
	g_assert_cmpuint(found, ==, want);
}

int main(int argc, char **argv)
{
	g_test_init(&argc, &argv, NULL);
	/* a failed g_assert_*() fails its case; the cases after it still run */
	g_test_set_nonfatal_assertions();
	extract_init();

	g_test_add_func("/crosscheck/python", test_python);
	g_test_add_func("/crosscheck/stalwart", test_stalwart);
	g_test_add_func("/crosscheck/mime4j", test_mime4j);
	g_test_add_func("/crosscheck/mime-is-broken", test_broken);
	g_test_add_func("/crosscheck/spamassassin-uris", test_sa_uris);
	g_test_add_func("/crosscheck/rspamd-obfuscated", test_obfuscated);
	return g_test_run();
}
