/*
 * test_core.c - unit tests for the daemon's own stages: conf, msgbuf,
 * reply, textutil, snapshot, pipeline envelope.
 */
#include <fcntl.h>
#include <netinet/in.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include "core/conf.h"
#include "core/verdict_log.h"
#include "engine/msgbuf.h"
#include "extract/extract.h"
#include "engine/pipeline.h"
#include "engine/quarantine.h"
#include "engine/reply.h"
#include "engine/snapshot.h"
#include "util/text.h"

static char *top;   /* repository top: tests run from there */

/* write_file - dir/name with text; returns the path */
static char *write_file(const char *dir, const char *name, const char *text)
{
	char *p = g_build_filename(dir, name, NULL);
	g_autofree char *d = g_path_get_dirname(p);
	g_mkdir_with_parents(d, 0700);
	g_assert_true(g_file_set_contents(p, text, -1, NULL));
	return p;
}

/* rm_rf - path and everything below it (symlinks are not followed) */
static void rm_rf(const char *path)
{
	GDir *d = g_file_test(path, G_FILE_TEST_IS_SYMLINK) ? NULL : g_dir_open(path, 0, NULL);
	if (d != NULL) {
		const char *name;
		while ((name = g_dir_read_name(d)) != NULL) {
			g_autofree char *sub = g_build_filename(path, name, NULL);
			rm_rf(sub);
		}
		g_dir_close(d);
	}
	if (g_remove(path) != 0 && g_file_test(path, G_FILE_TEST_EXISTS))
		g_test_message("cannot remove %s", path);
}

static void rm_rf_free(gpointer path)
{
	rm_rf(path);
	g_free(path);
}

/* tmpdir - a fresh directory under $TMPDIR, removed with everything in it
 * when the test case ends (also when it failed) */
static char *tmpdir(void)
{
	char *d = g_dir_make_tmp("amz-test-XXXXXX", NULL);
	g_assert_nonnull(d);
	if (d != NULL)
		g_test_queue_destroy(rm_rf_free, g_strdup(d));
	return d;
}

static void test_conf_sizes(void)
{
	static const struct { const char *in; gboolean ok; guint64 out; } t[] = {
		{ "0", TRUE, 0 }, { "512", TRUE, 512 }, { "1k", TRUE, 1024 }, { "10M", TRUE, 10485760 },
		{ "2G", TRUE, 2147483648ull }, { "5MB", TRUE, 5242880 }, { "", FALSE, 0 }, { "M", FALSE, 0 },
		{ "10X", FALSE, 0 }, { "-1", FALSE, 0 }, { "99999999999999999999G", FALSE, 0 },
	};
	for (guint i = 0; i < G_N_ELEMENTS(t); i++) {
		guint64 v = 0;
		g_assert_cmpint(conf_parse_size(t[i].in, &v), ==, t[i].ok);
		if (t[i].ok)
			g_assert_cmpuint(v, ==, t[i].out);
	}
}

static void test_conf_errors(void)
{
	static const struct { const char *text; const char *want; } t[] = {
		{ "mdoe = monitor\n", ":1:1: unknown key \"mdoe\" (did you mean \"mode\"?)" },
		{ "\n# c\nmode = loud\n", ":3:8: mode: \"loud\" is not one of: enforce monitor" },
		{ "max_message_size = 10Q\n", ":1:20: max_message_size: \"10Q\" is not a size" },
		{ "reply_max_lines = 99\n", "reply_max_lines: 99 is out of range (1 to 30)" },
		{ "socket_mode = 0999\n", "is not an octal mode" },
		{ "add_headers = maybe\n", "add_headers: \"maybe\" is not one of: yes no internal" },
		{ "\nadd_headers = internal\n", ":2:15: add_headers = internal needs second_hop" },
		{ "just words\n", ":1:1: expected \"key = value\"" },
		{ "generic_reply = \"open\n", ":1:17: unterminated quoted value" },
		{ "relay_domains = (\n", "relay_domains: missing closing parenthesis" },
		{ "metrics_listen = 9797\n", ":1:18: metrics_listen: \"9797\" is not ADDRESS:PORT" },
		{ "metrics_listen = localhost:9797\n", "is not ADDRESS:PORT with a numeric address" },
		{ "metrics_listen = 127.0.0.1:70000\n", "is not ADDRESS:PORT" },
		{ "metrics_listen = ::1:9797\n", "is not ADDRESS:PORT" },
		{ "mode = enforce\nmetrics_listen = 0.0.0.0:9797\n",
		  ":2:18: metrics_listen: 0.0.0.0:9797 is not a loopback address and the metrics endpoint "
		  "has no authentication; set metrics_allow_remote = yes" },
		{ "metrics_listen = [2001:db8::1]:9797\nmetrics_allow_remote = no\n", ":1:18: metrics_listen: [2001:db8::1]:9797 is not a loopback" },
	};
	g_autofree char *dir = tmpdir();
	for (guint i = 0; i < G_N_ELEMENTS(t); i++) {
		g_autofree char *p = write_file(dir, "bad.conf", t[i].text);
		g_autoptr(GError) err = NULL;
		Conf *c = conf_load(p, &err);
		g_assert_null(c);
		g_assert_nonnull(err);
		if (err != NULL && strstr(err->message, t[i].want) == NULL)
			g_test_fail_printf("case %u: got \"%s\", want \"%s\"", i, err->message, t[i].want);
	}
}

/* add_headers reads yes/no in every spelling and internal (with a second
 * hop); quarantine_dir resolves like every path */
static void test_conf_add_headers(void)
{
	static const struct { const char *text; HeadersPolicy want; } t[] = {
		{ "", HEADERS_YES }, { "add_headers = off\n", HEADERS_NO }, { "add_headers = 1\n", HEADERS_YES },
		{ "add_headers = internal\nsecond_hop = amzmilter-hop\n", HEADERS_INTERNAL },
	};
	g_autofree char *dir = tmpdir();
	for (guint i = 0; i < G_N_ELEMENTS(t); i++) {
		g_autofree char *text = g_strconcat(t[i].text, "quarantine_dir = q\n", NULL);
		g_autofree char *p = write_file(dir, "h.conf", text);
		g_autofree char *q = g_build_filename(dir, "q", NULL);
		g_autoptr(GError) err = NULL;
		g_autoptr(Conf) c = conf_load(p, &err);
		g_assert_no_error(err);
		g_assert_cmpint(c->add_headers, ==, t[i].want);
		g_assert_cmpstr(c->quarantine_dir, ==, q);
	}
}

/* The quarantine record: bounded, escaped, 0750/0640, read back as
 * written, notes appended, unsafe queue IDs refused. */
static void test_quarantine_record(void)
{
	g_autofree char *dir = tmpdir();
	g_autofree char *q = g_build_filename(dir, "quarantine", NULL);
	g_autofree char *file = g_build_filename(q, "4XyZ1c2PqRz", NULL);
	g_autoptr(Facts) f = facts_new();
	g_autoptr(Verdict) v = verdict_new();
	g_autoptr(QuarantineRecord) r = NULL, back = NULL;
	g_autoptr(GPtrArray) all = NULL;
	g_autoptr(GError) err = NULL;
	g_autofree char *longsubj = g_strnfill(5000, 'x');
	struct stat st;

	g_free(f->env_from), f->env_from = g_strdup("shop@example.com");
	g_ptr_array_add(f->relay_rcpts, g_strdup("abc@marketplace.amazon.de"));
	facts_add_header(f, "Message-ID", "<m1@example.com>");
	g_free(f->subject), f->subject = g_strdup("Order\nreason=FORGED\r\x01 ok");
	for (guint i = 0; i < 40; i++) {
		g_autofree char *id = g_strdup_printf("RULE_%02u", i);
		verdict_add(v, id, ACTION_QUARANTINE, FALSE, "Held.", i == 0 ? longsubj : "");
	}
	r = quarantine_record_from("4XyZ1c2PqRz", f, v);
	g_assert_true(quarantine_record_write(q, r, &err));
	g_assert_no_error(err);
	g_assert_cmpint(stat(q, &st), ==, 0);
	g_assert_cmpint(st.st_mode & 07777, ==, 0750);
	g_assert_cmpint(stat(file, &st), ==, 0);
	g_assert_cmpint(st.st_mode & 07777, ==, 0640);
	g_assert_cmpint(st.st_size, <, 16 * 1024);

	back = quarantine_record_read(q, "4XyZ1c2PqRz", &err);
	g_assert_no_error(err);
	g_assert_cmpstr(back->from, ==, "shop@example.com");
	g_assert_cmpstr(back->message_id, ==, "<m1@example.com>");
	g_assert_cmpuint(back->rcpts->len, ==, 1);
	g_assert_null(strchr(back->subject, '\n'));            /* one line: no forged key */
	g_assert_cmpuint(back->reasons->len, ==, QUARANTINE_REASONS_MAX);
	g_assert_cmpuint(strlen(back->reasons->pdata[0]), <=, QUARANTINE_VALUE_MAX + 8);
	g_assert_true(g_str_has_prefix(back->rules, "RULE_00, RULE_01"));
	g_assert_cmpint(back->released, ==, 0);

	g_assert_true(quarantine_record_note(q, "4XyZ1c2PqRz", "released", "1796600000", &err));
	g_assert_true(quarantine_record_note(q, "4XyZ1c2PqRz", "released_by", "root\nnotified=1", &err));
	g_clear_pointer(&back, quarantine_record_free);
	back = quarantine_record_read(q, "4XyZ1c2PqRz", &err);
	g_assert_cmpint(back->released, ==, 1796600000);
	g_assert_cmpint(back->notified, ==, 0);
	g_assert_cmpint(stat(file, &st), ==, 0);
	g_assert_cmpint(st.st_mode & 07777, ==, 0640);

	all = quarantine_records(q, &err);
	g_assert_no_error(err);
	g_assert_cmpuint(all->len, ==, 1);
	g_assert_false(quarantine_qid_valid("../etc"));
	g_assert_false(quarantine_qid_valid(""));
	g_assert_null(quarantine_record_read(q, "../x", &err));
	g_clear_error(&err);
	g_assert_true(quarantine_record_remove(q, "4XyZ1c2PqRz", &err));
	g_assert_false(g_file_test(file, G_FILE_TEST_EXISTS));
	g_assert_true(quarantine_record_remove(q, "4XyZ1c2PqRz", &err));   /* gone already: fine */
}

/* metrics_listen: loopback by default; other addresses only when allowed */
static void test_conf_metrics_listen(void)
{
	static const struct { const char *text; const char *want; } t[] = {
		{ "mode = enforce\n", NULL },
		{ "metrics_listen = 127.0.0.1:9797\n", "127.0.0.1:9797" },
		{ "metrics_listen = 127.3.4.5:1\n", "127.3.4.5:1" },
		{ "metrics_listen = [::1]:9797\n", "[::1]:9797" },
		{ "metrics_listen = [::ffff:127.0.0.1]:9797\n", "[::ffff:127.0.0.1]:9797" },
		{ "metrics_allow_remote = yes\nmetrics_listen = 0.0.0.0:9797\n", "0.0.0.0:9797" },
		{ "metrics_listen = [2001:db8::1]:80\nmetrics_allow_remote = yes\n", "[2001:db8::1]:80" },
	};
	g_autofree char *dir = tmpdir();
	for (guint i = 0; i < G_N_ELEMENTS(t); i++) {
		g_autofree char *p = write_file(dir, "m.conf", t[i].text);
		g_autoptr(GError) err = NULL;
		g_autoptr(Conf) c = conf_load(p, &err);
		g_assert_no_error(err);
		g_assert_cmpstr(c->metrics_listen, ==, t[i].want);
	}
	{
		struct sockaddr_storage sa;
		socklen_t len;
		g_assert_true(conf_listen_parse("[::1]:443", &sa, &len));
		g_assert_cmpint(sa.ss_family, ==, AF_INET6);
		g_assert_cmpuint(len, ==, sizeof(struct sockaddr_in6));
		g_assert_true(conf_listen_parse("10.0.0.1:9797", &sa, &len));
		g_assert_cmpint(sa.ss_family, ==, AF_INET);
		g_assert_false(conf_listen_parse("10.0.0.1:", NULL, NULL));
		g_assert_false(conf_listen_parse("10.0.0.1:0", NULL, NULL));
		g_assert_false(conf_listen_parse("[::1]9797", NULL, NULL));
		g_assert_false(conf_listen_parse("10.0.0.1:97x", NULL, NULL));
	}
}

static void test_conf_paths_and_relay(void)
{
	g_autofree char *dir = tmpdir();
	g_autofree char *p = write_file(dir, "sub/a.conf",
	    "socket = unix:run/m.sock   # comment\nspool = ../spool\nrules = /abs/rules\n"
	    "mode = monitor\nmemory_buffer = 64k\ngeneric_reply = \"Not # a comment\"\n");
	g_autoptr(GError) err = NULL;
	g_autoptr(Conf) c = conf_load(p, &err);
	g_autofree char *sock = g_strdup_printf("unix:%s/sub/run/m.sock", dir);
	g_autofree char *spool = g_build_filename(dir, "spool", NULL);
	char *market = NULL;

	g_assert_no_error(err);
	g_assert_cmpstr(c->socket, ==, sock);
	g_assert_cmpstr(c->spool, ==, spool);
	g_assert_cmpstr(c->rules_dir, ==, "/abs/rules");
	g_assert_true(c->monitor);
	g_assert_cmpuint(c->memory_buffer, ==, 65536);
	g_assert_cmpstr(c->generic_reply, ==, "Not # a comment");
	g_assert_cmpuint(c->max_message_size, ==, 50u << 20);
	g_assert_cmpint(c->on_error, ==, ACTION_TEMPFAIL);

	static const struct { const char *addr; const char *market; } r[] = {
		{ "abcd1234efgh567@marketplace.amazon.de", "de" },
		{ "<X@Marketplace.Amazon.CO.UK>", "co.uk" },
		{ "x@m.marketplace.amazon.co.jp", "co.jp" },
		{ "x@marketplace.amazon.com.", "com" },
		{ "x@marketplace.amazon.com.mx", "com.mx" },
		{ "x@marketplace.amazon.com.evil.example", NULL },
		{ "x@evilmarketplace.amazon.com", NULL },
		{ "x@amazon.com", NULL },
		{ "marketplace.amazon.com", NULL },
		{ "", NULL },
	};
	for (guint i = 0; i < G_N_ELEMENTS(r); i++) {
		gboolean relay = conf_relay_market(c, r[i].addr, &market);
		g_assert_cmpint(relay, ==, r[i].market != NULL);
		g_assert_cmpstr(market, ==, r[i].market);
		g_free(market);
	}
}

static void test_msgbuf_spill(void)
{
	g_autofree char *dir = tmpdir();
	MsgBuf *b = msgbuf_new(dir, 100);
	g_autoptr(GError) err = NULL;
	GString *want = g_string_new(NULL);
	GMimeStream *s;
	GByteArray *got = g_byte_array_new();
	GMimeStream *mem;
	g_autoptr(GDir) d = NULL;

	for (int i = 0; i < 50; i++) {
		g_autofree char *line = g_strdup_printf("line %d of the message\r\n", i);
		g_assert_true(msgbuf_append(b, line, strlen(line), &err));
		g_string_append(want, line);
		if (i == 2)
			g_assert_false(msgbuf_spooled(b));
	}
	g_assert_true(msgbuf_spooled(b));
	g_assert_cmpuint(msgbuf_size(b), ==, want->len);
	/* Unlinked while open: nothing is left in the spool directory. */
	d = g_dir_open(dir, 0, NULL);
	g_assert_null(g_dir_read_name(d));
	s = msgbuf_stream(b, &err);
	g_assert_nonnull(s);
	mem = g_mime_stream_mem_new_with_byte_array(got);
	g_mime_stream_mem_set_owner(GMIME_STREAM_MEM(mem), FALSE);
	g_mime_stream_write_to_stream(s, mem);
	g_assert_cmpmem(got->data, got->len, want->str, want->len);
	g_object_unref(mem);
	g_object_unref(s);
	msgbuf_free(b);
	g_byte_array_unref(got);
	g_string_free(want, TRUE);
}

static void test_msgbuf_spool_error(void)
{
	MsgBuf *b = msgbuf_new("/nonexistent/amz-spool", 10);
	g_autoptr(GError) err = NULL;
	g_assert_true(msgbuf_append(b, "12345", 5, &err));
	g_assert_false(msgbuf_append(b, "1234567890", 10, &err));
	g_assert_nonnull(err);
	g_assert_nonnull(strstr(err->message, "/nonexistent/amz-spool"));
	msgbuf_free(b);
}

static Conf *test_conf(const char *extra)
{
	g_autofree char *dir = tmpdir();
	g_autofree char *p = write_file(dir, "t.conf", extra ? extra : "");
	g_autoptr(GError) err = NULL;
	Conf *c = conf_load(p, &err);
	g_assert_no_error(err);
	return c;
}

static void test_reply_lines(void)
{
	g_autoptr(Conf) c = test_conf("reply_max_lines = 2\n");
	g_autoptr(Verdict) v = verdict_new();
	g_autoptr(Reply) r = NULL;
	g_autofree char *text = NULL;

	verdict_add(v, "ORDER_ID_MISSING", ACTION_REJECT, FALSE, "Quote the order ID.", "");
	verdict_add(v, "STYLE", ACTION_TAG, FALSE, "tag only", "");
	verdict_add(v, "LINK_X", ACTION_REJECT, FALSE, "Remove http://a.example/%s\r\nRCPT TO:<x> ünïcode", "");
	verdict_add(v, "MON", ACTION_REJECT, TRUE, "monitor only", "");
	verdict_add(v, "PHONE", ACTION_QUARANTINE, FALSE, "Phone", "");
	g_assert_cmpint(v->action, ==, ACTION_REJECT);
	r = reply_build(c, v, v->action);
	g_assert_nonnull(r);
	g_assert_cmpstr(r->code, ==, "550");
	g_assert_cmpstr(r->xcode, ==, "5.7.1");
	g_assert_cmpuint(r->lines->len, ==, 4);   /* summary, 2 rules, "and 1 more" */
	g_assert_cmpstr(r->lines->pdata[1], ==, "ORDER_ID_MISSING: Quote the order ID.");
	/* CR/LF gone, non-ASCII transliterated, '%' kept (escaped only at the edge) */
	g_assert_cmpstr(r->lines->pdata[2], ==, "LINK_X: Remove http://a.example/%s  RCPT TO:<x> unicode");
	g_assert_cmpstr(r->lines->pdata[3], ==, "...and 1 more: PHONE");
	text = reply_text(r);
	g_assert_true(g_str_has_prefix(text, "550-5.7.1 "));
	g_assert_nonnull(strstr(text, "\n550 5.7.1 ...and 1 more: PHONE"));
	g_assert_null(strstr(text, "MON"));
	g_assert_null(strstr(text, "STYLE"));
}

static void test_reply_generic_and_none(void)
{
	g_autoptr(Conf) c = test_conf("reply_details = no\ngeneric_reply = \"Nope.\"\n");
	g_autoptr(Verdict) v = verdict_new();
	g_autoptr(Reply) r = NULL;

	verdict_add(v, "A", ACTION_REJECT, FALSE, "secret detail", "");
	r = reply_build(c, v, ACTION_REJECT);
	g_assert_cmpuint(r->lines->len, ==, 1);
	g_assert_cmpstr(r->lines->pdata[0], ==, "Nope.");
	g_assert_null(reply_build(c, v, ACTION_ACCEPT));
	g_assert_null(reply_build(c, v, ACTION_QUARANTINE));
	g_assert_null(reply_build(c, v, ACTION_TAG));
}

static void test_reply_error(void)
{
	g_autoptr(Conf) c = test_conf(NULL);
	g_autoptr(Verdict) v = pipeline_fail_verdict(c, FAIL_SPOOL, "spool: /var/spool/amzmilter/x: disk full");
	g_autoptr(Reply) r = NULL;

	g_assert_cmpint(v->action, ==, ACTION_TEMPFAIL);
	r = reply_build(c, v, v->action);
	g_assert_cmpstr(r->code, ==, "451");
	g_assert_cmpstr(r->xcode, ==, "4.3.0");
	g_assert_cmpuint(r->lines->len, ==, 1);
	/* the cause is the log's (evidence); the client is told no path */
	g_assert_null(strstr(r->lines->pdata[0], "/var/spool"));
	g_assert_nonnull(strstr(r->lines->pdata[0], "storage"));
	g_assert_nonnull(strstr(((Hit *)v->hits->pdata[0])->evidence, "/var/spool/amzmilter/x"));
}

/* a limit alone is "could not check", never "fix and send again"; beside a
 * rule's reject, the reject's reply lists both */
static void test_reply_limit(void)
{
	g_autoptr(Conf) c = test_conf(NULL);
	g_autoptr(Verdict) v = pipeline_fail_verdict(c, FAIL_LIMIT, "parts");
	g_autoptr(Reply) r = reply_build(c, v, v->action);
	g_autofree char *text = reply_text(r);

	g_assert_cmpint(v->action, ==, ACTION_TEMPFAIL);
	g_assert_cmpstr(text, ==, "451 4.3.0 The message is too complex to check (parts). Please try again later.");
	verdict_add(v, "ORDER_ID_MISSING", ACTION_REJECT, FALSE, "Quote the order ID.", "");
	{
		g_autoptr(Reply) r2 = reply_build(c, v, v->action);
		g_autofree char *t2 = reply_text(r2);
		g_assert_cmpstr(r2->code, ==, "550");
		g_assert_cmpstr(r2->xcode, ==, "5.7.1");
		g_assert_nonnull(strstr(t2, "AMZ_LIMIT: The message is too complex"));
		g_assert_nonnull(strstr(t2, "ORDER_ID_MISSING: Quote the order ID."));
	}
}

static void test_fail_policy(void)
{
	g_autoptr(Conf) c = test_conf("on_error = reject\non_parse_error = quarantine\non_spool_error = tempfail\n");
	static const struct { FailClass k; Action want; const char *code; const char *id; } t[] = {
		{ FAIL_INTERNAL, ACTION_REJECT, "554", "AMZ_INTERNAL_ERROR" },
		{ FAIL_PARSE, ACTION_QUARANTINE, NULL, "AMZ_UNPARSABLE" },
		{ FAIL_LIMIT, ACTION_REJECT, "554", "AMZ_LIMIT" },
		{ FAIL_SPOOL, ACTION_TEMPFAIL, "451", "AMZ_SPOOL_ERROR" },
		{ FAIL_TIMEOUT, ACTION_REJECT, "554", "AMZ_TIMEOUT" },
	};
	for (guint i = 0; i < G_N_ELEMENTS(t); i++) {
		g_autoptr(Verdict) v = pipeline_fail_verdict(c, t[i].k, "why");
		g_autoptr(Reply) r = reply_build(c, v, v->action);
		g_assert_cmpint(v->action, ==, t[i].want);
		g_assert_cmpstr(((Hit *)v->hits->pdata[0])->rule, ==, t[i].id);
		g_assert_true(pipeline_is_fail_id(t[i].id));
		if (t[i].code == NULL) {
			g_assert_null(r);
		} else {
			g_assert_nonnull(r);
			g_assert_cmpstr(r->code, ==, t[i].code);
		}
	}
	g_assert_false(pipeline_is_fail_id("ORDER_ID_MISSING"));
}

static void test_limit_is_never_silent(void)
{
	g_autofree char *dir = tmpdir();
	g_autofree char *rule = write_file(dir, "rules/a.rules",
	    "rule SUBJ\n  describe \"x\"\n  match subject =~ /never/\n  action reject\n");
	g_autofree char *conf = write_file(dir, "a.conf", "rules = rules\non_limit = quarantine\n");
	g_autoptr(GError) err = NULL;
	Snapshot *s = snapshot_load(conf, NULL, &err);
	g_autoptr(Facts) f = facts_new();
	g_assert_no_error(err);
	{
		g_autoptr(Verdict) v = pipeline_evaluate(s, f);
		g_assert_cmpint(v->action, ==, ACTION_ACCEPT);
	}
	facts_add_anomaly(f, "limit", "parts");
	facts_add_anomaly(f, "mime", "bad-boundary");
	{
		g_autoptr(Verdict) v = pipeline_evaluate(s, f);
		g_assert_cmpint(v->action, ==, ACTION_QUARANTINE);
		g_assert_cmpstr(((Hit *)v->hits->pdata[0])->rule, ==, "AMZ_LIMIT");
		g_assert_cmpstr(((Hit *)v->hits->pdata[0])->evidence, ==, "parts");
	}
	snapshot_release(s);
}

/* conf_socket_path: the file of unix socket specs, NULL for inet */
static void test_conf_socket_path(void)
{
	g_assert_cmpstr(conf_socket_path("unix:/run/a.sock"), ==, "/run/a.sock");
	g_assert_cmpstr(conf_socket_path("local:/run/b.sock"), ==, "/run/b.sock");
	g_assert_cmpstr(conf_socket_path("/run/c.sock"), ==, "/run/c.sock");
	g_assert_cmpstr(conf_socket_path("run/d.sock"), ==, "run/d.sock");
	g_assert_null(conf_socket_path("inet:10025@127.0.0.1"));
	g_assert_null(conf_socket_path("inet6:10025@[::1]"));
}

/* text_line in each of its styles: what each does to controls, invalid
 * UTF-8, non-ASCII text and a cut */
static void test_text_line(void)
{
	static const struct { const char *in; gsize max; TextLine style; const char *want; } cases[] = {
		{ "ok\r\nInjected: yes\x01\\ \xff é", 100, TEXT_LINE_LOG, "ok\\x0d\\x0aInjected: yes\\x01\\x5c \\xff é" },
		{ "abcdef", 3, TEXT_LINE_LOG, "abc..." },
		{ NULL, 10, TEXT_LINE_LOG, "" },
		{ "Grüße\r\nX: y", 100, TEXT_LINE_ASCII, "Grusse  X: y" },
		{ "abcdefghij", 6, TEXT_LINE_ASCII, "abc..." },
		{ "\xff\x01z", 100, TEXT_LINE_ASCII, "? z" },
		{ "a\tb\x7f\xff" "c", 100, TEXT_LINE_UTF8, "a b \xef\xbf\xbd" "c" },
		{ "ééééé", 6, TEXT_LINE_UTF8, "\xc3\xa9\xe2\x80\xa6" },
		{ "short", 6, TEXT_LINE_UTF8, "short" },
	};
	for (guint i = 0; i < G_N_ELEMENTS(cases); i++) {
		g_autofree char *got = text_line(cases[i].in, cases[i].max, cases[i].style);
		g_assert_cmpstr(got, ==, cases[i].want);
	}
	g_assert_cmpuint(text_edit_distance("attachmnt", "attachment"), ==, 1);
	g_assert_cmpuint(text_edit_distance("Mode", "mode"), ==, 0);
}

/* the ASCII path of text_casefold gives g_utf8_casefold's answer for every
 * ASCII character; non-ASCII text still goes through g_utf8_casefold */
static void test_text_casefold(void)
{
	char all[128];
	const char *other[] = { "Stra\xc3\x9f" "E", "\xc3\x89T\xc3\x89", "\xe2\x84\xaa" "ELVIN", "MARKETPLACE.Amazon.DE", "" };

	for (int i = 1; i < 128; i++)
		all[i - 1] = (char)i;
	all[127] = '\0';
	{
		g_autofree char *mine = text_casefold(all), *ref = g_utf8_casefold(all, -1);
		g_assert_cmpstr(mine, ==, ref);
	}
	for (gsize i = 0; i < G_N_ELEMENTS(other); i++) {
		g_autofree char *mine = text_casefold(other[i]), *ref = g_utf8_casefold(other[i], -1);
		g_assert_cmpstr(mine, ==, ref);
	}
	{
		g_autofree char *k = text_casefold("\xe2\x84\xaa");     /* Kelvin sign */
		g_assert_cmpstr(k, ==, "k");
	}
}

static void test_envelope(void)
{
	g_autoptr(Conf) c = test_conf(NULL);
	g_autoptr(Facts) f = facts_new();
	const char *rcpts[] = { "<a@marketplace.amazon.de>", "b@example.com", "c@marketplace.amazon.de",
	                        "d@marketplace.amazon.fr", NULL };

	pipeline_envelope(c, f, "<shop@example.com>", rcpts);
	g_assert_cmpstr(f->env_from, ==, "shop@example.com");
	g_assert_cmpuint(f->rcpts->len, ==, 4);
	g_assert_cmpuint(f->relay_rcpts->len, ==, 3);
	g_assert_cmpuint(f->markets->len, ==, 2);
	g_assert_cmpstr(f->markets->pdata[0], ==, "de");
	g_assert_cmpstr(f->markets->pdata[1], ==, "fr");
}

/* A rules tree with one rule whose action the test edits between loads. */
static char *make_rules_conf(const char *dir, const char *action)
{
	g_autofree char *rule = g_strdup_printf(
	    "rule ORDER_ID_MISSING\n  describe \"Quote the order ID.\"\n"
	    "  require subject, text =~ /\\b\\d{3}-\\d{7}-\\d{7}\\b/\n  action %s\n", action);
	g_autofree char *local = g_build_filename(dir, "local", NULL);

	g_free(write_file(dir, "rules/10-order.rules", rule));
	g_mkdir_with_parents(local, 0700);
	return write_file(dir, "amz.conf", "rules = rules\nlocal_rules = local\nspool = spool\n");
}

static void test_snapshot_reload(void)
{
	g_autofree char *dir = tmpdir();
	g_autofree char *conf = make_rules_conf(dir, "reject");
	g_autoptr(GError) err = NULL;
	Snapshot *s = snapshot_load(conf, NULL, &err), *pinned, *now;
	g_autoptr(Facts) f = facts_new();

	g_assert_no_error(err);
	snapshot_install(s);
	pinned = snapshot_acquire();
	{
		g_autoptr(Verdict) v = rules_eval(pinned->rules, f);
		g_assert_cmpint(v->action, ==, ACTION_REJECT);
	}
	/* A good edit replaces the snapshot; the pinned one stays usable. */
	g_free(make_rules_conf(dir, "quarantine"));
	g_assert_true(snapshot_reload(&err));
	now = snapshot_acquire();
	g_assert_true(now != pinned);
	g_assert_cmpuint(now->generation, >, pinned->generation);
	{
		g_autoptr(Verdict) v1 = rules_eval(pinned->rules, f);
		g_autoptr(Verdict) v2 = rules_eval(now->rules, f);
		g_assert_cmpint(v1->action, ==, ACTION_REJECT);
		g_assert_cmpint(v2->action, ==, ACTION_QUARANTINE);
	}
	snapshot_release(pinned);
	/* A bad edit keeps the last good snapshot and says where. */
	g_free(make_rules_conf(dir, "explode"));
	g_assert_false(snapshot_reload(&err));
	g_assert_nonnull(strstr(err->message, "10-order.rules:4:"));
	g_clear_error(&err);
	{
		Snapshot *still = snapshot_acquire();
		g_assert_true(still == now);
		snapshot_release(still);
	}
	snapshot_release(now);
}

static void test_shipped_conf(void)
{
	g_autofree char *p = g_build_filename(top, "conf", "amzmilter.conf", NULL);
	g_autoptr(GError) err = NULL;
	Snapshot *s = snapshot_load(p, NULL, &err);
	g_assert_no_error(err);
	g_assert_false(s->conf->monitor);
	g_assert_cmpuint(rules_count(s->rules), >=, 5);
	g_assert_true(g_str_has_suffix(s->conf->rules_dir, "/rules"));
	snapshot_release(s);
}

/* log and json_log: the defaults, the words, file paths resolved like
 * every other path */
static void test_conf_log_destinations(void)
{
	g_autofree char *dir = tmpdir();
	g_autofree char *p1 = write_file(dir, "a.conf", "rules = /r\n");
	g_autofree char *p2 = write_file(dir, "b.conf", "rules = /r\nlog = file:log/amz.log\njson_log = yes\n");
	g_autofree char *p3 = write_file(dir, "c.conf", "rules = /r\nlog = stderr\njson_log = file:/v/j.json\n");
	g_autofree char *want = g_build_filename(dir, "log", "amz.log", NULL);
	g_autoptr(GError) err = NULL;
	g_autoptr(Conf) a = conf_load(p1, &err);
	g_autoptr(Conf) b = conf_load(p2, &err);
	g_autoptr(Conf) c = conf_load(p3, &err);
	g_autofree char *name = NULL;

	g_assert_no_error(err);
	g_assert_cmpint(a->log_dest, ==, LOG_DEST_SYSLOG);
	g_assert_cmpint(a->json_dest, ==, LOG_DEST_NONE);
	g_assert_null(a->log_file);
	g_assert_cmpint(b->log_dest, ==, LOG_DEST_FILE);
	g_assert_cmpstr(b->log_file, ==, want);
	g_assert_cmpint(b->json_dest, ==, LOG_DEST_LOG);
	g_assert_cmpint(c->log_dest, ==, LOG_DEST_STDERR);
	g_assert_cmpint(c->json_dest, ==, LOG_DEST_FILE);
	g_assert_cmpstr(c->json_file, ==, "/v/j.json");
	name = conf_log_dest_name(c->json_dest, c->json_file);
	g_assert_cmpstr(name, ==, "file:/v/j.json");
}

/* The JSON line: one line whatever the message holds, every string cut to
 * its bound and valid UTF-8, lists capped with their real length beside */
static void test_verdict_json_bounded(void)
{
	g_autoptr(GPtrArray) rcpts = g_ptr_array_new_with_free_func(g_free);
	g_autoptr(Verdict) v = verdict_new();
	g_autofree char *from = g_strnfill(10000, 'a');
	g_autofree char *json = NULL;
	g_autoptr(JsonParser) parser = json_parser_new();
	g_autoptr(GError) err = NULL;
	JsonObject *o;
	LogMessage m = { 0 };

	for (guint i = 0; i < 200; i++)
		g_ptr_array_add(rcpts, g_strdup_printf("r%u@marketplace.amazon.de", i));
	verdict_add(v, "ORDER_ID_MISSING", ACTION_REJECT, FALSE, "msg", "ev\n\"idence\"");
	verdict_add(v, "PROMO", ACTION_TAG, TRUE, "msg", "");
	m.qid = "ABC123";
	m.from = from;
	m.login = "bad\xff\xfeutf8";
	m.message_id = "<line\r\nbreak\x01@x>";
	m.rcpts = rcpts;
	m.size = 1234;
	m.enforced = ACTION_REJECT;
	m.ms = 2.5;
	json = verdict_json(&m, v);
	g_assert_null(strchr(json, '\n'));
	g_assert_true(json_parser_load_from_data(parser, json, -1, &err));
	g_assert_no_error(err);
	o = json_node_get_object(json_parser_get_root(parser));
	g_assert_cmpuint(strlen(json_object_get_string_member(o, "from")), <=, 256);
	g_assert_true(g_str_has_prefix(json_object_get_string_member(o, "from"), "aaaa"));
	g_assert_true(g_utf8_validate(json_object_get_string_member(o, "login"), -1, NULL));
	g_assert_null(strpbrk(json_object_get_string_member(o, "message_id"), "\r\n\x01"));
	g_assert_true(json_object_get_null_member(o, "client"));
	g_assert_cmpuint(json_array_get_length(json_object_get_array_member(o, "rcpts")), ==, 50);
	g_assert_cmpint(json_object_get_int_member(o, "nrcpts"), ==, 200);
	g_assert_cmpint(json_object_get_int_member(o, "us"), ==, 2500);
	g_assert_cmpstr(json_object_get_string_member(o, "verdict"), ==, "reject");
	g_assert_cmpstr(json_object_get_string_member(o, "mode"), ==, "enforce");
	JsonArray *hits = json_object_get_array_member(o, "hits");
	g_assert_cmpuint(json_array_get_length(hits), ==, 2);
	g_assert_false(json_object_get_boolean_member(json_array_get_object_element(hits, 0), "monitor"));
	g_assert_true(json_object_get_boolean_member(json_array_get_object_element(hits, 1), "monitor"));
	g_assert_cmpstr(json_object_get_string_member(json_array_get_object_element(hits, 0), "evidence"),
	                ==, "ev \"idence\"");
}

int main(int argc, char **argv)
{
	g_test_init(&argc, &argv, NULL);
	/* a failed g_assert_*() fails its case; the cases after it still run */
	g_test_set_nonfatal_assertions();
	top = g_get_current_dir();
	extract_init();
	g_test_add_func("/conf/sizes", test_conf_sizes);
	g_test_add_func("/conf/errors", test_conf_errors);
	g_test_add_func("/conf/paths-and-relay", test_conf_paths_and_relay);
	g_test_add_func("/conf/add-headers", test_conf_add_headers);
	g_test_add_func("/quarantine/record", test_quarantine_record);
	g_test_add_func("/conf/metrics-listen", test_conf_metrics_listen);
	g_test_add_func("/conf/log-destinations", test_conf_log_destinations);
	g_test_add_func("/log/verdict-json-bounded", test_verdict_json_bounded);
	g_test_add_func("/msgbuf/spill", test_msgbuf_spill);
	g_test_add_func("/msgbuf/spool-error", test_msgbuf_spool_error);
	g_test_add_func("/reply/lines", test_reply_lines);
	g_test_add_func("/reply/generic-and-none", test_reply_generic_and_none);
	g_test_add_func("/reply/error", test_reply_error);
	g_test_add_func("/reply/limit", test_reply_limit);
	g_test_add_func("/reply/fail-policy", test_fail_policy);
	g_test_add_func("/pipeline/limit-is-never-silent", test_limit_is_never_silent);
	g_test_add_func("/text/line", test_text_line);
	g_test_add_func("/conf/socket-path", test_conf_socket_path);
	g_test_add_func("/text/casefold", test_text_casefold);
	g_test_add_func("/pipeline/envelope", test_envelope);
	g_test_add_func("/snapshot/reload", test_snapshot_reload);
	g_test_add_func("/snapshot/shipped-conf", test_shipped_conf);
	return g_test_run();
}
