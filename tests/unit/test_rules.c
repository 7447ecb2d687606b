/*
 * test_rules.c - unit tests of the rule engine (milter/rules_*.c).
 *
 * Rule text is written to a fresh temporary directory, loaded with
 * rules_load(), and evaluated on Facts built by hand.  Tables hold the
 * cases: rule text, how to build the facts, the expected hits (in order),
 * action, evidence and message; error cases hold the exact
 * "file:line:col: message".  The shipped rules/ directory is loaded from
 * $AMZ_TOP (or the current directory).  The literal prefilters are checked
 * three ways: the literals derived from tricky patterns, case folding
 * against PCRE2 itself over every code point, and identical verdicts with
 * and without prefilters for the shipped rules on every test message.
 */
#include <string.h>
#include <glib.h>
#include <glib/gstdio.h>
#include "core/facts.h"
#include "core/verdict.h"
#include "rules/rules.h"
#include "rules/internal.h"     /* the prefilter's literal analysis and folding */
#include "rules/pcre_walk.h"
#include "extract/sentences.h"
#include "util/text.h"
#include "testfiles.h"

/* ---- helpers ---- */


/* Temporary rule tree: dir/rules/a.rules, dir/local/… */
typedef struct {
	char *dir;
	char *rules;
	char *local;
} Tree;

static Tree *tree_new(void)
{
	Tree *t = g_new0(Tree, 1);
	t->dir = g_dir_make_tmp("amz-rules-XXXXXX", NULL);
	g_assert_nonnull(t->dir);
	t->rules = g_build_filename(t->dir, "rules", NULL);
	t->local = g_build_filename(t->dir, "local", NULL);
	g_mkdir(t->rules, 0700);
	return t;
}

static void tree_free(Tree *t)
{
	test_rm_rf(t->dir);
	g_free(t->dir);
	g_free(t->rules);
	g_free(t->local);
	g_free(t);
}

/* strip_dir - error text with the temporary directory removed */
static char *strip_dir(const char *msg, const Tree *t)
{
	char *prefix = g_strconcat(t->dir, "/", NULL);
	char **parts = g_strsplit(msg, prefix, -1);
	char *out = g_strjoinv("", parts);
	g_strfreev(parts);
	g_free(prefix);
	return out;
}

/* load_rules - rules_load with the options the environment gives, as the
 * daemon reads them (the cases below set AMZ_RULES_PREFILTER and
 * AMZ_RULE_PROFILE) */
static Ruleset *load_rules(const char *dir, const char *local, GError **err)
{
	RulesOptions opt;

	rules_options_parse(&opt, g_getenv("AMZ_RULES_PREFILTER"), g_getenv("AMZ_RULE_PROFILE"));
	return rules_load(dir, local, &opt, err);
}

static Ruleset *load_one(const char *text, Tree **tp, GError **err)
{
	Tree *t = tree_new();
	test_write_file(t->rules, "a.rules", text);
	*tp = t;
	return load_rules(t->rules, t->local, err);
}

static Facts *base_facts(void)
{
	Facts *f = facts_new();
	g_free(f->env_from);
	f->env_from = g_strdup("orders@shop.example");
	g_free(f->from_address);
	f->from_address = g_strdup("orders@shop.example");
	g_ptr_array_add(f->rcpts, g_strdup("abc123xyz@marketplace.amazon.de"));
	g_ptr_array_add(f->relay_rcpts, g_strdup("abc123xyz@marketplace.amazon.de"));
	g_ptr_array_add(f->markets, g_strdup("de"));
	g_free(f->subject);
	f->subject = g_strdup("Your order 112-4455667-8899001");
	g_string_assign(f->text, "Hello, your parcel is on its way.");
	f->message_bytes = 2048;
	return f;
}

/* hit_ids - "A,B" (monitor hits marked with a trailing "~") */
static char *hit_ids(const Verdict *v)
{
	GString *s = g_string_new(NULL);
	for (guint i = 0; i < v->hits->len; i++) {
		const Hit *h = v->hits->pdata[i];
		g_string_append_printf(s, "%s%s%s", i ? "," : "", h->rule, h->monitor ? "~" : "");
	}
	return g_string_free(s, FALSE);
}

static void add_link(Facts *f, const char *url, const char *scheme, const char *host, const char *source)
{
	facts_add_link(f, url, NULL, scheme, host, NULL, NULL, source);
}

/* ---- fact setups for the eval table ---- */

static void f_none(Facts *f) { (void)f; }
static void f_subject_coupon(Facts *f) { g_free(f->subject); f->subject = g_strdup("Your COUPON inside"); }
static void f_text_umlaut(Facts *f) { g_string_assign(f->text, "GRÖSSE passt"); }
static void f_no_order(Facts *f) { g_free(f->subject); f->subject = g_strdup("Hello"); }
static void f_digital_order(Facts *f)
{
	g_free(f->subject);
	f->subject = g_strdup("Hello");
	g_string_assign(f->text, "Order D01-1234567-1234567 is ready");
}
static void f_links_bind(Facts *f)
{
	add_link(f, "http://evil.example/a", "http", "evil.example", "href");
	add_link(f, "https://www.amazon.de/dp/1", "https", "www.amazon.de", "href");
}
static void f_links_bind2(Facts *f)
{
	f_links_bind(f);
	add_link(f, "https://shop.example/x", "https", "shop.example", "href");
}
static void f_links_hosts(Facts *f)
{
	add_link(f, "https://www.amazon.com/x", "https", "www.amazon.com", "href");
	add_link(f, "https://notamazon.com/y", "https", "notamazon.com", "href");
}
static void f_links_sub_only(Facts *f)
{
	add_link(f, "https://smile.amazon.com/x", "https", "smile.amazon.com", "href");
	add_link(f, "mailto:me@shop.example", "mailto", "", "href");
}
static void f_links_unless(Facts *f)
{
	add_link(f, "https://a.example/", "https", "a.example", "text");
	add_link(f, "https://b.example/", "https", "b.example", "href");
}
static void f_attach(Facts *f)
{
	facts_add_attachment(f, "invoice.pdf", "application/pdf", "application/pdf", 3000, FALSE, 1);
	facts_add_attachment(f, "logo.png", "image/png", "image/png", 500, TRUE, 1);
	facts_add_attachment(f, "invoice.pdf.exe", "application/pdf", "application/x-dosexec", 70000, FALSE, 1);
	f->attachment_bytes = 73000;
}
static void f_many_attach(Facts *f)
{
	for (int i = 0; i < 6; i++) {
		char *n = g_strdup_printf("doc%d.pdf", i);
		facts_add_attachment(f, n, "application/pdf", "application/pdf", 4 * 1024 * 1024, FALSE, 1);
		g_free(n);
	}
	f->attachment_bytes = 24ULL * 1024 * 1024;
}
static void f_images(Facts *f)
{
	facts_add_image(f, "cid:logo", "cid", "", -1, -1, FALSE, NULL, NULL);
	facts_add_image(f, "https://t.example/p.gif", "https", "t.example", 1, 1, TRUE, NULL, NULL);
	facts_add_image(f, "https://m.media-amazon.com/i.jpg", "https", "m.media-amazon.com", 300, -1, TRUE,
	                "https://shop.example/", "shop.example");
}
static void f_reply(Facts *f) { f->reply = TRUE; }
static void f_headers(Facts *f)
{
	facts_add_header(f, "From", "Shop <orders@shop.example>");
	facts_add_header(f, "Reply-To", "sales@shop.example");
	facts_add_header(f, "X-Mailer", "BulkMailer 3");
}
static void f_anomaly(Facts *f) { facts_add_anomaly(f, "mime", "bad-boundary"); }
static void f_market_com(Facts *f)
{
	g_ptr_array_set_size(f->markets, 0);
	g_ptr_array_add(f->markets, g_strdup("com"));
}
static void f_from_sub(Facts *f) { g_free(f->env_from); f->env_from = g_strdup("a@mail.example.com"); }
static void f_from_other(Facts *f) { g_free(f->env_from); f->env_from = g_strdup("b@x.example"); }
static void f_from_exact(Facts *f) { g_free(f->env_from); f->env_from = g_strdup("User@X.example"); }
static void f_long_text(Facts *f)
{
	GString *s = g_string_new("coupon:");
	for (int i = 0; i < 100; i++)
		g_string_append(s, "ä\r\n");
	g_string_assign(f->text, s->str);
	g_string_free(s, TRUE);
}
static void f_redos(Facts *f)
{
	GString *s = g_string_new(NULL);
	for (int i = 0; i < 5000; i++)
		g_string_append_c(s, 'a');
	g_string_append_c(s, '!');
	g_string_assign(f->text, s->str);
	g_string_free(s, TRUE);
}

typedef struct {
	const char *name;
	const char *rules;
	void (*setup)(Facts *);
	const char *hits;       /* "A,B"; monitor hits end in "~" */
	Action action;
	const char *evidence;   /* of the first hit, NULL = not checked */
	const char *message;    /* of the first hit, NULL = not checked */
} EvalCase;

#define HDR "list hosts { amazon.com amazon.de }\n"

static const EvalCase eval_cases[] = {
	/* regex operators and flags */
	{ "re-i", "rule R\n describe \"Remove '{match}'.\"\n match subject =~ /coupon/i\n action reject\n",
	  f_subject_coupon, "R", ACTION_REJECT, "COUPON", "Remove 'COUPON'." },
	{ "re-case", "rule R\n describe \"x\"\n match subject =~ /coupon/\n action reject\n",
	  f_subject_coupon, "", ACTION_ACCEPT, NULL, NULL },
	{ "re-not", "rule R\n describe \"x\"\n match subject !~ /order/i\n action tag\n",
	  f_subject_coupon, "R", ACTION_TAG, NULL, NULL },
	{ "re-m-braces", "rule R\n describe \"{match}\"\n match link =~ m{^http://evil\\.example/}\n action reject\n",
	  f_links_bind, "R", ACTION_REJECT, "http://evil.example/a", "http://evil.example/" },
	{ "re-slash-escape", "rule R\n describe \"{match}\"\n match link =~ /^https:\\/\\/www\\./\n action reject\n",
	  f_links_bind, "R", ACTION_REJECT, NULL, "https://www." },
	{ "re-utf", "rule R\n describe \"{match}\"\n match text =~ /grösse/iu\n action reject\n",
	  f_text_umlaut, "R", ACTION_REJECT, "GRÖSSE", "GRÖSSE" },
	{ "multi-target-any", "rule R\n describe \"{value}\"\n match subject, text =~ /parcel/\n action reject\n",
	  f_none, "R", ACTION_REJECT, "parcel", NULL },
	{ "multi-target-neg-none", "rule R\n describe \"x\"\n match subject, text !~ /parcel/\n action reject\n",
	  f_none, "", ACTION_ACCEPT, NULL, NULL },
	/* string equality */
	{ "eq-ci", "rule R\n describe \"{url}\"\n match link.scheme == \"HTTP\"\n action reject\n",
	  f_links_bind, "R", ACTION_REJECT, "http://evil.example/a", "http://evil.example/a" },
	{ "ne", "rule R\n describe \"{host}\"\n match link.scheme != http\n action reject\n",
	  f_links_bind, "R", ACTION_REJECT, "https://www.amazon.de/dp/1", "www.amazon.de" },
	/* lists */
	{ "in-inline", "rule R\n describe \"{value}\"\n match anomaly in {\"mime:bad-boundary\", limit:parts}\n action quarantine\n",
	  f_anomaly, "R", ACTION_QUARANTINE, "mime:bad-boundary", "mime:bad-boundary" },
	{ "host-subdomains", HDR "rule R\n describe \"{host}\"\n match link.host !in @hosts\n action reject\n",
	  f_links_hosts, "R", ACTION_REJECT, "https://notamazon.com/y", "notamazon.com" },
	{ "host-missing-is-false", HDR "rule R\n describe \"{host}\"\n match link.host !in @hosts\n action reject\n",
	  f_links_sub_only, "", ACTION_ACCEPT, NULL, NULL },
	{ "multi-list", "list a { evil.example }\nlist b { amazon.de }\n"
	  "rule R\n describe \"{url}\"\n match link.host !in @a, @b\n action reject\n",
	  f_links_bind2, "R", ACTION_REJECT, "https://shop.example/x", NULL },
	{ "addr-domain-sub", "list s { @example.com }\nrule R\n describe \"{value}\"\n match from in @s\n action tag\n",
	  f_from_sub, "R", ACTION_TAG, "a@mail.example.com", "a@mail.example.com" },
	{ "addr-bare-domain", "list s { example.com }\nrule R\n describe \"x\"\n match from in @s\n action tag\n",
	  f_from_sub, "R", ACTION_TAG, NULL, NULL },
	{ "addr-exact", "list s { user@x.example }\nrule R\n describe \"x\"\n match from in @s\n action tag\n",
	  f_from_exact, "R", ACTION_TAG, NULL, NULL },
	{ "addr-exact-other", "list s { user@x.example }\nrule R\n describe \"x\"\n match from in @s\n action tag\n",
	  f_from_other, "", ACTION_ACCEPT, NULL, NULL },
	{ "type-wildcard", "list t { application/pdf image/* }\n"
	  "rule R\n describe \"{name} is {magic} ({type}, {ext}, {size})\"\n match attachment.magic !in @t\n action reject\n",
	  f_attach, "R", ACTION_REJECT, "invoice.pdf.exe (application/x-dosexec)",
	  "invoice.pdf.exe is application/x-dosexec (application/pdf, exe, 68.4 KB)" },
	{ "list-atom-empty", "list e { }\nrule R\n describe \"x\"\n match from !in @e and @e\n action reject\n",
	  f_none, "", ACTION_ACCEPT, NULL, NULL },
	{ "list-atom-nonempty", "list e { boss@shop.example }\nrule R\n describe \"{value}\"\n match from !in @e and @e\n action reject\n",
	  f_none, "R", ACTION_REJECT, "orders@shop.example", "orders@shop.example" },
	/* numbers */
	{ "num-gt-suffix", "rule R\n describe \"{value}\"\n match attachments.bytes > 10M\n action reject\n",
	  f_many_attach, "R", ACTION_REJECT, "25165824", "25165824" },
	{ "num-count", "rule R\n describe \"{value} found\"\n match attachments.count >= 6\n action reject\n",
	  f_many_attach, "R", ACTION_REJECT, NULL, "6 found" },
	{ "num-count-inline-image", "rule R\n describe \"x\"\n match attachments.count == 2\n action reject\n",
	  f_attach, "R", ACTION_REJECT, NULL, NULL },
	{ "num-le-k", "rule R\n describe \"{name} {count}\"\n match attachment.size <= 1k\n action tag\n",
	  f_attach, "R", ACTION_TAG, "logo.png (image/png)", "logo.png 1" },
	{ "num-lt-ne", "rule R\n describe \"x\"\n match message.bytes < 2049 and message.bytes != 2047\n action tag\n",
	  f_none, "R", ACTION_TAG, NULL, NULL },
	{ "pixel", "rule R\n describe \"{url}\"\n match image.width <= 1 and image.height <= 1 and image.remote\n action reject\n",
	  f_images, "R", ACTION_REJECT, "https://t.example/p.gif", "https://t.example/p.gif" },
	{ "undeclared-width-false", "rule R\n describe \"x\"\n match image.height > 0 and image.scheme == cid\n action reject\n",
	  f_images, "", ACTION_ACCEPT, NULL, NULL },
	{ "image-link-host", HDR "rule R\n describe \"{url}\"\n match image.linked and image.link_host !in @hosts\n action reject\n",
	  f_images, "R", ACTION_REJECT, "https://m.media-amazon.com/i.jpg", NULL },
	/* booleans */
	{ "bool-reply", "rule R\n describe \"x\"\n match reply\n action tag\n", f_reply, "R", ACTION_TAG, NULL, NULL },
	{ "bool-not", "rule R\n describe \"x\"\n match not reply\n action tag\n", f_reply, "", ACTION_ACCEPT, NULL, NULL },
	/* collections */
	{ "bind-same-item", HDR "rule R\n describe \"{url}\"\n match link.host !in @hosts and link.scheme == https\n action reject\n",
	  f_links_bind, "", ACTION_ACCEPT, NULL, NULL },
	{ "bind-same-item2", HDR "rule R\n describe \"{url} {count}\"\n match link.host !in @hosts and link.scheme == https\n action reject\n",
	  f_links_bind2, "R", ACTION_REJECT, "https://shop.example/x", "https://shop.example/x 1" },
	{ "count-items", HDR "rule R\n describe \"{count} links, first {url}\"\n match link.host !in @hosts\n action reject\n",
	  f_links_bind2, "R", ACTION_REJECT, "http://evil.example/a", "2 links, first http://evil.example/a" },
	{ "scalar-with-collection", "rule R\n describe \"{url}\"\n match link.scheme == http and subject =~ /order/i\n action reject\n",
	  f_links_bind, "R", ACTION_REJECT, "http://evil.example/a", NULL },
	{ "header-name", "rule R\n describe \"{value}\"\n match header.reply-to =~ /@/\n action tag\n",
	  f_headers, "R", ACTION_TAG, "Reply-To: sales@shop.example", "sales@shop.example" },
	{ "headers-all", "rule R\n describe \"{match}\"\n match headers =~ /^x-mailer: bulk/i\n action tag\n",
	  f_headers, "R", ACTION_TAG, "X-Mailer: BulkMailer 3", "X-Mailer: Bulk" },
	{ "rcpt", "rule R\n describe \"{value}\"\n match rcpt =~ /marketplace\\.amazon\\./\n action tag\n",
	  f_none, "R", ACTION_TAG, "abc123xyz@marketplace.amazon.de", NULL },
	{ "market-target", "rule R\n describe \"{value} {market}\"\n match market == de\n action tag\n",
	  f_none, "R", ACTION_TAG, "de", "de de" },
	/* require */
	{ "require-met", "rule R\n describe \"x\"\n require subject, text =~ /\\b(?:\\d{3}|D\\d{2})-\\d{7}-\\d{7}\\b/\n action reject\n",
	  f_none, "", ACTION_ACCEPT, NULL, NULL },
	{ "require-missing", "rule R\n describe \"Quote the order ID.\"\n require subject, text =~ /\\b(?:\\d{3}|D\\d{2})-\\d{7}-\\d{7}\\b/\n action reject\n",
	  f_no_order, "R", ACTION_REJECT, "", "Quote the order ID." },
	{ "require-digital", "rule R\n describe \"x\"\n require subject, text =~ /\\b(?:\\d{3}|D\\d{2})-\\d{7}-\\d{7}\\b/\n action reject\n",
	  f_digital_order, "", ACTION_ACCEPT, NULL, NULL },
	{ "require-two-lines", "rule R\n describe \"{id}\"\n require subject =~ /order/i\n require text =~ /nothing-like-this/\n action reject\n",
	  f_none, "R", ACTION_REJECT, "", "R" },
	{ "require-unless", "rule R\n describe \"x\"\n require text =~ /nope/\n unless reply\n action reject\n",
	  f_reply, "", ACTION_ACCEPT, NULL, NULL },
	/* unless */
	{ "unless-same-item", "list ok { amazon.de }\nrule R\n describe \"{url}\"\n match link.host !in @ok\n unless link.source == text\n action reject\n",
	  f_links_unless, "R", ACTION_REJECT, "https://b.example/", NULL },
	{ "unless-message", "rule R\n describe \"x\"\n match link.scheme == http\n unless subject =~ /order/i\n action reject\n",
	  f_links_bind, "", ACTION_ACCEPT, NULL, NULL },
	/* several match lines: the first that fires gives the evidence */
	{ "match-lines", "rule R\n describe \"{match}\"\n match text =~ /nothing/\n match subject =~ /\\d{3}-\\d{7}/\n action reject\n",
	  f_none, "R", ACTION_REJECT, "112-4455667", "112-4455667" },
	/* meta */
	{ "meta", "rule A\n describe \"a\"\n match subject =~ /order/i\n action tag\n"
	  "rule __B\n match text =~ /parcel/\n"
	  "rule C\n describe \"c\"\n match text =~ /nothing/\n action tag\n"
	  "meta M\n describe \"Combined: {rules}.\"\n when A and (__B or C) and not C\n action reject\n",
	  f_none, "A,M", ACTION_REJECT, NULL, NULL },
	{ "meta-not-fired", "rule A\n describe \"a\"\n match subject =~ /zzz/\n action tag\n"
	  "meta M\n describe \"{rules}\"\n when A\n action reject\n", f_none, "", ACTION_ACCEPT, NULL, NULL },
	{ "meta-sees-monitor", "rule A\n describe \"a\"\n match subject =~ /order/i\n action reject\n mode monitor\n"
	  "meta M\n describe \"{rules}\"\n when A\n action quarantine\n", f_none, "A~,M", ACTION_QUARANTINE, NULL, NULL },
	/* markets */
	{ "markets-skip", "rule R\n describe \"x\"\n markets de fr\n match subject =~ /order/i\n action reject\n",
	  f_market_com, "", ACTION_ACCEPT, NULL, NULL },
	{ "markets-hit", "rule R\n describe \"x\"\n markets co.uk de\n match subject =~ /order/i\n action reject\n",
	  f_none, "R", ACTION_REJECT, NULL, NULL },
	/* monitor and severity */
	{ "monitor", "rule R\n describe \"x\"\n match subject =~ /order/i\n action reject\n mode monitor\n"
	  "rule T\n describe \"t\"\n match subject =~ /order/i\n action tag\n",
	  f_none, "R~,T", ACTION_TAG, NULL, NULL },
	/* line continuation forms */
	{ "continuation", "rule R\n describe \"{url}\"\n match link.scheme == http\n   and link.host == evil.example\n action reject\n"
	  "rule S\n describe \"s\"\n match (link.scheme == nope\n   or link.scheme == https)\n action tag\n"
	  "rule T\n describe \"t\"\n match subject =~ /order/i and \\\n   text =~ /parcel/\n action tag\n",
	  f_links_bind, "R,S,T", ACTION_REJECT, NULL, NULL },
	/* messages and evidence are single, bounded lines */
	{ "truncate", "rule R\n describe \"Found: {match}\"\n match text =~ /coupon:.*/s\n action reject\n",
	  f_long_text, "R", ACTION_REJECT, NULL, NULL },
	{ "braces", "rule R\n describe \"{{literal}} {id}\"\n match reply\n action tag\n",
	  f_reply, "R", ACTION_TAG, NULL, "{literal} R" },
	/* a regex that runs into PCRE2's limits is never a silent pass */
	{ "limit", "rule R\n describe \"x\"\n match text =~ /^(a+)+$/\n action tag\n",
	  f_redos, "RULE_LIMIT", ACTION_TEMPFAIL, "R", NULL },
	{ "limit-require", "rule R\n describe \"x\"\n require text =~ /^(a+)+$/\n action reject\n",
	  f_redos, "RULE_LIMIT", ACTION_TEMPFAIL, "R", NULL },
};

static void test_eval_table(void)
{
	for (guint i = 0; i < G_N_ELEMENTS(eval_cases); i++) {
		const EvalCase *c = &eval_cases[i];
		Tree *t;
		GError *err = NULL;
		Ruleset *rs = load_one(c->rules, &t, &err);
		Facts *f;
		Verdict *v;
		char *ids;

		g_test_message("case %s", c->name);
		if (rs == NULL) {
			g_test_fail_printf("case %s: %s", c->name, err->message);
			g_clear_error(&err);
			tree_free(t);
			continue;
		}
		f = base_facts();
		c->setup(f);
		v = rules_eval(rs, f);
		ids = hit_ids(v);
		if (g_strcmp0(ids, c->hits) != 0)
			g_test_fail_printf("case %s: hits \"%s\", expected \"%s\"", c->name, ids, c->hits);
		g_assert_cmpstr(action_name(v->action), ==, action_name(c->action));
		if (v->hits->len > 0) {
			const Hit *h = v->hits->pdata[0];
			if (c->evidence)
				g_assert_cmpstr(h->evidence, ==, c->evidence);
			if (c->message)
				g_assert_cmpstr(h->message, ==, c->message);
			g_assert_true(g_utf8_validate(h->message, -1, NULL));
			g_assert_true(g_utf8_validate(h->evidence, -1, NULL));
			g_assert_cmpuint(strlen(h->evidence), <=, 200);
			g_assert_cmpuint(strlen(h->message), <=, 300);
			g_assert_null(strpbrk(h->message, "\r\n"));
			g_assert_null(strpbrk(h->evidence, "\r\n"));
		}
		g_free(ids);
		verdict_free(v);
		facts_free(f);
		rules_unref(rs);
		tree_free(t);
	}
}

static void test_truncation(void)
{
	Tree *t;
	GError *err = NULL;
	Ruleset *rs = load_one("rule R\n describe \"Found: {match}\"\n match text =~ /coupon:.*/s\n action reject\n", &t, &err);
	g_autoptr(Facts) f = base_facts();
	Verdict *v;
	const Hit *h;

	g_assert_no_error(err);
	f_long_text(f);
	v = rules_eval(rs, f);
	h = v->hits->pdata[0];
	g_assert_true(g_str_has_suffix(h->evidence, "\xe2\x80\xa6"));
	g_assert_true(g_str_has_prefix(h->evidence, "coupon:ä  ä  "));
	g_assert_true(g_str_has_suffix(h->message, "\xe2\x80\xa6"));
	g_assert_cmpuint(strlen(h->message), <=, 7 + 120 + 3);
	verdict_free(v);
	rules_unref(rs);
	tree_free(t);
}

/* ---- lists from files, +=, -=, overrides ---- */

static void test_list_files_and_overrides(void)
{
	Tree *t = tree_new();
	GError *err = NULL;
	Ruleset *rs;
	Verdict *v;
	Facts *f;
	char *ids;

	test_write_file(t->dir, "rules/lists/hosts.list", "# hosts\namazon.de\r\n\n  amazon.com.  # trailing dot\n");
	test_write_file(t->dir, "rules/lists/empty.list", "");
	test_write_file(t->rules, "amazon/10-a.rules",
	           "list hosts file \"../lists/hosts.list\"\n"
	           "list nothing file \"../lists/empty.list\"\n"
	           "rule LINK\n describe \"{host}\"\n match link.host !in @hosts\n action reject\n"
	           "rule ORDER\n describe \"o\"\n require subject =~ /zzz/\n action reject\n"
	           "rule PIXEL\n describe \"p\"\n match image.remote\n action quarantine\n");
	test_write_file(t->rules, "amazon/20-b.rules",
	           "rule SUBJ\n describe \"s\"\n match subject =~ /order/i\n action tag\n");
	/* local.d inside the shipped dir is never read as shipped rules */
	test_write_file(t->rules, "local.d/x.rules", "this is not valid\n");
	test_write_file(t->local, "10-local.rules",
	           "list hosts += { shop.example }\n"
	           "list hosts -= { amazon.com }\n"
	           "list hosts += file \"more.list\"\n"
	           "override LINK\n action quarantine\n describe \"Local: {url}\"\n"
	           "override SUBJ\n mode monitor\n markets com\n"
	           "disable ORDER\n"
	           "rule LOCAL_NEW\n describe \"n\"\n match reply\n action tag\n");
	test_write_file(t->local, "more.list", "evil.example\n");
	test_write_file(t->local, "20-enable.rules", "disable PIXEL\nenable PIXEL\n");
	test_write_file(t->local, "example.rules.disabled", "garbage\n");

	rs = load_rules(t->rules, t->local, &err);
	g_assert_no_error(err);
	g_assert_cmpuint(rules_count(rs), ==, 4);   /* ORDER disabled */

	f = base_facts();
	add_link(f, "https://www.amazon.de/", "https", "www.amazon.de", "href");
	add_link(f, "https://shop.example/", "https", "shop.example", "href");
	add_link(f, "https://evil.example/", "https", "evil.example", "href");
	add_link(f, "https://www.amazon.com/", "https", "www.amazon.com", "href");
	facts_add_image(f, "https://x.example/i.png", "https", "x.example", -1, -1, TRUE, NULL, NULL);
	f->reply = TRUE;
	v = rules_eval(rs, f);
	ids = hit_ids(v);
	g_assert_cmpstr(ids, ==, "LINK,PIXEL,LOCAL_NEW");   /* SUBJ: market com only */
	g_assert_cmpstr(((Hit *)v->hits->pdata[0])->message, ==, "Local: https://www.amazon.com/");
	g_assert_cmpint(((Hit *)v->hits->pdata[0])->action, ==, ACTION_QUARANTINE);
	g_free(ids);
	verdict_free(v);

	f_market_com(f);
	v = rules_eval(rs, f);
	ids = hit_ids(v);
	g_assert_cmpstr(ids, ==, "LINK,PIXEL,SUBJ~,LOCAL_NEW");
	g_assert_cmpint(v->action, ==, ACTION_QUARANTINE);
	g_free(ids);
	verdict_free(v);
	facts_free(f);

	{
		RuleInfo ri;
		g_assert_true(rules_info(rs, 0, &ri));
		g_assert_cmpstr(ri.id, ==, "LINK");
		g_assert_cmpstr(ri.describe, ==, "Local: {url}");
		g_assert_cmpint(ri.action, ==, ACTION_QUARANTINE);
		g_assert_true(rules_info(rs, 1, &ri));
		g_assert_false(ri.enabled);
		g_assert_false(rules_info(rs, 5, &ri));
	}

	/* a reference outlives the loader's */
	g_assert_true(rules_ref(rs) == rs);
	rules_unref(rs);
	rules_unref(rs);
	tree_free(t);
}

static void test_missing_local_dir(void)
{
	Tree *t = tree_new();
	GError *err = NULL;
	Ruleset *rs;

	test_write_file(t->rules, "a.rules", "rule R\n describe \"x\"\n match reply\n action tag\n");
	rs = load_rules(t->rules, NULL, &err);
	g_assert_no_error(err);
	rules_unref(rs);
	rs = load_rules(t->rules, "/nonexistent/local.d", &err);
	g_assert_no_error(err);
	g_assert_cmpuint(rules_count(rs), ==, 1);
	rules_unref(rs);
	rs = load_rules("/nonexistent/rules", NULL, &err);
	g_assert_null(rs);
	g_assert_error(err, RULES_ERROR, 0);
	g_assert_true(g_str_has_prefix(err->message, "/nonexistent/rules: cannot read rule directory"));
	g_clear_error(&err);
	tree_free(t);
}

/* ---- errors ---- */

typedef struct {
	const char *rules;      /* rules/a.rules */
	const char *local;      /* local/z.rules, or NULL */
	const char *error;      /* the whole message, directory stripped */
} ErrCase;

#define RULE_OK "rule R\n describe \"x\"\n match reply\n action tag\n"

static const ErrCase err_cases[] = {
	{ "rule R\n describe \"x\"\n match link.hots == x\n action tag\n", NULL,
	  "rules/a.rules:3:8: unknown target \"link.hots\" (did you mean \"link.host\"?)" },
	{ "rule R\n describe \"x\"\n match heder.from =~ /x/\n action tag\n", NULL,
	  "rules/a.rules:3:8: unknown target \"heder.from\" (did you mean \"header.from\"?)" },
	{ "rule R\n describe \"x\"\n match reply\n acton tag\n", NULL,
	  "rules/a.rules:4:2: unknown keyword \"acton\" (did you mean \"action\"?)" },
	{ "rule R\n describe \"x\"\n match reply\n action rejct\n", NULL,
	  "rules/a.rules:4:9: unknown action \"rejct\" (did you mean \"reject\"?)" },
	{ "rule R\n describe \"x\"\n match reply\n action tag\n mode watch\n", NULL,
	  "rules/a.rules:5:7: unknown mode \"watch\" (one of: monitor enforce)" },
	{ "list amazon_hosts { a.com }\nrule R\n describe \"x\"\n match link.host in @amazon_host\n action tag\n", NULL,
	  "rules/a.rules:4:21: unknown list \"@amazon_host\" (did you mean \"amazon_hosts\"?)" },
	{ RULE_OK "meta M\n describe \"m\"\n when R and Q\n action tag\n", NULL,
	  "rules/a.rules:7:13: unknown rule \"Q\" in meta (it must be defined before the meta rule)" },
	{ RULE_OK "rule S\n describe \"{nmae}\"\n match reply\n action tag\n", NULL,
	  "rules/a.rules:6:12: unknown placeholder {nmae} in describe (did you mean {name}?)" },
	{ "rule R\n match reply\n action tag\n", NULL,
	  "rules/a.rules:1:6: rule R has no \"describe\" line (the sentence the sender is told)" },
	{ "rule R\n describe \"x\"\n match reply\n", NULL,
	  "rules/a.rules:1:6: rule R has no \"action\" line (accept, tag, quarantine, tempfail, reject or discard)" },
	{ "rule R\n describe \"x\"\n action tag\n", NULL,
	  "rules/a.rules:1:6: rule R has no \"match\" or \"require\" line" },
	{ RULE_OK "rule R\n describe \"y\"\n match reply\n action tag\n", NULL,
	  "rules/a.rules:5:6: rule R is already defined at rules/a.rules:1; to change it, write \"override R\" "
	  "(or \"disable R\" and a rule with a new ID)" },
	{ RULE_OK, "rule R\n describe \"y\"\n match reply\n action tag\n",
	  "local/z.rules:1:6: rule R is already defined at rules/a.rules:1; to change it, write \"override R\" "
	  "(or \"disable R\" and a rule with a new ID)" },
	{ "list h file \"lists/nope.list\"\n", NULL,
	  "rules/a.rules:1:13: cannot read list file \"rules/lists/nope.list\": Failed to open file "
	  "“rules/lists/nope.list”: No such file or directory" },
	{ "rule R\n describe \"x\"\n match text =~ /ab(c/i\n action tag\n", NULL,
	  "rules/a.rules:3:21: bad regular expression: missing closing parenthesis" },
	{ "rule R\n describe \"x\"\n match text =~ /a{2,1}/\n action tag\n", NULL,
	  "rules/a.rules:3:22: bad regular expression: numbers out of order in {} quantifier" },
	{ "rule R\n describe \"x\"\n match text =~ /abc/q\n action tag\n", NULL,
	  "rules/a.rules:3:21: unknown regex flag \"q\" (flags are i m s x u)" },
	{ "rule R\n describe \"x\"\n match text =~ /abc\n action tag\n", NULL,
	  "rules/a.rules:3:16: unterminated regular expression (end it with /)" },
	{ "list h { a }\nrule R\n describe \"x\"\n match link.host in @h and attachment.magic == x\n action tag\n", NULL,
	  "rules/a.rules:4:28: \"link.*\" and \"attachment.*\" are different collections and cannot be mixed "
	  "in one expression (each item is tested on its own); use one match line for each" },
	{ "rule R\n describe \"x\"\n match subject > 5\n action tag\n", NULL,
	  "rules/a.rules:3:16: > compares numbers, but \"subject\" is text" },
	{ "rule R\n describe \"x\"\n match text\n action tag\n", NULL,
	  "rules/a.rules:3:8: target \"text\" is text, not yes/no: give it a test, e.g. text =~ /coupon/i" },
	{ "rule R\n describe \"x\"\n match attachments.count > lots\n action tag\n", NULL,
	  "rules/a.rules:3:28: expected a number like 5, 100k or 10M after >, found lots" },
	{ "rule R\n describe \"See {url}\"\n match text =~ /x/\n action tag\n", NULL,
	  "rules/a.rules:2:11: {url} has no value in R: its match lines do not all look at link.* or image.*" },
	{ "rule R\n describe \"{match}\"\n require text =~ /x/\n action tag\n", NULL,
	  "rules/a.rules:2:11: {match} has no value in R: it has no =~ or has test in a match line" },
	{ RULE_OK, "override R\n match text =~ /x/\n",
	  "local/z.rules:2:2: override can change only describe, guideline, markets, action and mode; to change "
	  "what a rule matches, disable it and write a rule with a new ID" },
	{ RULE_OK, "override RR\n action reject\n",
	  "local/z.rules:1:10: unknown rule \"RR\" (did you mean \"R\"?)" },
	{ RULE_OK, "disable Q\n", "local/z.rules:1:9: unknown rule \"Q\"" },
	{ RULE_OK "list x += { a }\n", NULL, "rules/a.rules:5:6: unknown list \"x\" (define it earlier with "
	  "\"list NAME { … }\" or \"list NAME file \\\"…\\\"\")" },
	{ "list x { a }\nlist x { b }\n", NULL,
	  "rules/a.rules:2:6: list \"x\" is already defined at rules/a.rules:1; extend it with \"list x += { … }\"" },
	{ "rule R\n describe \"x\"\n markets de uk\n match reply\n action tag\n", NULL,
	  "rules/a.rules:3:13: unknown marketplace \"uk\" (use the relay domain's suffix: com, co.uk, de, fr, co.jp, …)" },
	{ "rule R\n describe \"x\"\n markets dee\n match reply\n action tag\n", NULL,
	  "rules/a.rules:3:10: unknown marketplace \"dee\" (did you mean \"de\"?)" },
	{ "describe \"x\"\n", NULL,
	  "rules/a.rules:1:1: \"describe\" outside a rule (start a block with \"rule ID\", \"meta ID\" or \"override ID\")" },
	{ "rule R\n describe \"x\"\n match reply\n action tag\n action reject\n", NULL,
	  "rules/a.rules:5:2: \"action\" given twice in R (first on line 4)" },
	{ "rule R\n describe \"x\"\n match (reply\n action tag\n", NULL,
	  "rules/a.rules:4:2: expected \")\", found action" },
	{ "rule R\n describe \"x\"\n match reply reply\n action tag\n", NULL,
	  "rules/a.rules:3:14: unexpected reply at the end of the line" },
	{ "rule R\n describe \"x\"\n match reply\n require reply\n action tag\n", NULL,
	  "rules/a.rules:1:6: rule R mixes \"match\" and \"require\"; split it into two rules" },
	{ "rule RULE_LIMIT\n describe \"x\"\n match reply\n action tag\n", NULL,
	  "rules/a.rules:1:6: rule ID RULE_LIMIT is reserved" },
	{ "rule R\n describe \"x\"\n match reply\n action tag\nmeta M\n describe \"m\"\n when M\n action tag\n", NULL,
	  "rules/a.rules:7:7: meta rule \"M\" cannot use itself" },
	{ "rule R\n describe \"unterminated\n match reply\n action tag\n", NULL,
	  "rules/a.rules:2:11: unterminated string (add the closing \")" },
	/* two errors: both reported, one a line */
	{ "rule R\n describe \"x\"\n match link.hots == x\n action rejct\n", NULL,
	  "rules/a.rules:3:8: unknown target \"link.hots\" (did you mean \"link.host\"?)\n"
	  "rules/a.rules:4:9: unknown action \"rejct\" (did you mean \"reject\"?)" },
};

static void test_errors(void)
{
	for (guint i = 0; i < G_N_ELEMENTS(err_cases); i++) {
		const ErrCase *c = &err_cases[i];
		Tree *t = tree_new();
		GError *err = NULL;
		Ruleset *rs;
		char *msg;
		char *cwd = g_get_current_dir();

		test_write_file(t->rules, "a.rules", c->rules);
		if (c->local)
			test_write_file(t->local, "z.rules", c->local);
		/* relative paths, as an admin would see them */
		g_assert_cmpint(g_chdir(t->dir), ==, 0);
		rs = load_rules("rules", "local", &err);
		g_assert_cmpint(g_chdir(cwd), ==, 0);
		g_free(cwd);
		if (rs != NULL) {
			g_test_fail_printf("error case %u loaded without error", i);
			rules_unref(rs);
			tree_free(t);
			continue;
		}
		g_assert_error(err, RULES_ERROR, 0);
		msg = strip_dir(err->message, t);
		if (strcmp(msg, c->error) != 0)
			g_test_fail_printf("error case %u:\n got: %s\nwant: %s", i, msg, c->error);
		g_free(msg);
		g_clear_error(&err);
		tree_free(t);
	}
}

/* ---- threads ---- */

typedef struct {
	const Ruleset *rs;
	const Facts *f;
	const char *want;
	gint failures;
} ThreadCtx;

static char *verdict_sig(const Verdict *v)
{
	GString *s = g_string_new(action_name(v->action));
	for (guint i = 0; i < v->hits->len; i++) {
		const Hit *h = v->hits->pdata[i];
		g_string_append_printf(s, "|%s|%s|%s", h->rule, h->message, h->evidence);
	}
	return g_string_free(s, FALSE);
}

static void thread_work(gpointer data, gpointer user)
{
	ThreadCtx *ctx = user;
	(void)data;
	for (int i = 0; i < 50; i++) {
		Verdict *v = rules_eval(ctx->rs, ctx->f);
		char *sig = verdict_sig(v);
		if (strcmp(sig, ctx->want) != 0)
			g_atomic_int_inc(&ctx->failures);
		g_free(sig);
		verdict_free(v);
	}
}

static void test_threads(void)
{
	Tree *t;
	GError *err = NULL;
	Ruleset *rs = load_one(HDR
	                       "rule L\n describe \"{url}\"\n match link.host !in @hosts\n action reject\n"
	                       "rule C\n describe \"{match}\"\n match text =~ /parc(el)/i\n action tag\n"
	                       "rule O\n describe \"o\"\n require subject =~ /\\d{3}-\\d{7}-\\d{7}/\n action reject\n"
	                       "rule A\n describe \"{name}\"\n match attachment.magic !in {application/pdf}\n action reject\n",
	                       &t, &err);
	Facts *f = base_facts();
	ThreadCtx ctx = { .rs = rs, .f = f };
	GThreadPool *pool;
	Verdict *v;
	char *want;

	g_assert_no_error(err);
	f_links_bind2(f);
	f_attach(f);
	v = rules_eval(rs, f);
	want = verdict_sig(v);
	verdict_free(v);
	g_assert_true(strstr(want, "|L|http://evil.example/a|") != NULL);
	ctx.want = want;
	pool = g_thread_pool_new(thread_work, &ctx, 8, TRUE, NULL);
	for (int i = 0; i < 32; i++)
		g_thread_pool_push(pool, GINT_TO_POINTER(i + 1), NULL);
	g_thread_pool_free(pool, FALSE, TRUE);
	g_assert_cmpint(ctx.failures, ==, 0);
	g_free(want);
	facts_free(f);
	rules_unref(rs);
	tree_free(t);
}

/* ---- the shipped rules ---- */

static char *top_dir(void)
{
	const char *top = g_getenv("AMZ_TOP");
	return g_build_filename(top && *top ? top : ".", "rules", NULL);
}

/* shipped_rules - rules/ of the source tree, or NULL with the case
 * skipped when it is not there */
static Ruleset *shipped_rules(void)
{
	g_autofree char *dir = top_dir();
	g_autoptr(GError) err = NULL;
	Ruleset *rs;

	if (!g_file_test(dir, G_FILE_TEST_IS_DIR)) {
		g_test_skip("rules/ not found; set AMZ_TOP");
		return NULL;
	}
	rs = load_rules(dir, NULL, &err);
	g_assert_no_error(err);
	return rs;
}

static Facts *compliant_facts(void)
{
	Facts *f = base_facts();
	g_string_assign(f->text, "Dear customer, the invoice for order 112-4455667-8899001 is attached. "
	                "Track it at https://www.dhl.de/de/privatkunden.html?piececode=123");
	add_link(f, "https://www.dhl.de/de/privatkunden.html?piececode=123", "https", "www.dhl.de", "text");
	add_link(f, "https://www.amazon.de/gp/your-account/order-details", "https", "www.amazon.de", "href");
	add_link(f, "mailto:abcdefgh1234567@marketplace.amazon.de", "mailto", "marketplace.amazon.de", "href");
	facts_add_image(f, "cid:logo@shop", "cid", "", 120, 40, FALSE, NULL, NULL);
	facts_add_attachment(f, "logo.png", "image/png", "image/png", 2000, TRUE, 1);
	facts_add_attachment(f, "Invoice 4711.pdf", "application/pdf", "application/pdf", 80000, FALSE, 1);
	f->attachment_bytes = 80000;
	return f;
}

static void test_shipped_rules(void)
{
	g_autofree char *dir = top_dir();
	GError *err = NULL;
	Ruleset *rs = shipped_rules();
	Facts *f;
	Verdict *v;
	char *ids;

	if (rs == NULL)
		return;
	g_assert_cmpuint(rules_count(rs), >=, 5);

	f = compliant_facts();
	v = rules_eval(rs, f);
	ids = hit_ids(v);
	g_assert_cmpstr(ids, ==, "");
	g_assert_cmpint(v->action, ==, ACTION_ACCEPT);
	g_free(ids);
	verdict_free(v);
	facts_free(f);

	f = base_facts();
	g_free(f->subject);
	f->subject = g_strdup("Thank you!");
	add_link(f, "http://shop.example/offers", "http", "shop.example", "href");
	add_link(f, "https://amzn.to/3xYz", "https", "amzn.to", "href");
	add_link(f, "http://www.amazon.com/review", "http", "www.amazon.com", "href");
	facts_add_attachment(f, "invoice.pdf", "application/pdf", "application/x-dosexec", 9000, FALSE, 1);
	v = rules_eval(rs, f);
	ids = hit_ids(v);
	g_assert_cmpstr(ids, ==, "ORDER_ID_MISSING,LINK_HOST_NOT_ALLOWED,LINK_NOT_HTTPS,ATTACHMENT_NOT_DOCUMENT,ATTACHMENT_DANGEROUS");
	g_assert_cmpint(v->action, ==, ACTION_REJECT);
	g_assert_cmpstr(((Hit *)v->hits->pdata[1])->evidence, ==, "http://shop.example/offers");
	g_assert_cmpstr(((Hit *)v->hits->pdata[1])->message, ==,
	                "Remove the link http://shop.example/offers: only Amazon pages and carrier tracking pages may be linked.");
	g_assert_cmpstr(((Hit *)v->hits->pdata[3])->message, ==,
	                "invoice.pdf is application/x-dosexec: attach only invoices, instructions or warranty documents, as PDF.");
	g_free(ids);
	verdict_free(v);
	facts_free(f);

	/* an IDN host is shown as the sender wrote it, beside what it was judged by */
	f = compliant_facts();
	{
		FactLink *l = facts_add_link(f, "https://xn--bcher-kva.example/x", NULL, "https",
		                             "xn--bcher-kva.example", NULL, NULL, "text");
		facts_link_set_display(l, "https://b\xc3\xbc" "cher.example/x", "b\xc3\xbc" "cher.example");
	}
	v = rules_eval(rs, f);
	g_assert_cmpuint(v->hits->len, ==, 1);
	g_assert_cmpstr(((Hit *)v->hits->pdata[0])->evidence, ==,
	                "https://b\xc3\xbc" "cher.example/x (https://xn--bcher-kva.example/x)");
	g_assert_nonnull(strstr(((Hit *)v->hits->pdata[0])->message,
	                        "https://b\xc3\xbc" "cher.example/x (https://xn--bcher-kva.example/x)"));
	verdict_free(v);
	facts_free(f);
	rules_unref(rs);

	/* the approved-sender rule switches on with a local list entry */
	{
		Tree *t = tree_new();
		test_write_file(t->local, "senders.rules", "list approved_senders += { @approved.example }\n"
		           "override LINK_NOT_HTTPS\n mode monitor\n");
		rs = load_rules(dir, t->local, &err);
		g_assert_no_error(err);
		f = compliant_facts();
		add_link(f, "http://www.amazon.de/x", "http", "www.amazon.de", "href");
		v = rules_eval(rs, f);
		ids = hit_ids(v);
		g_assert_cmpstr(ids, ==, "SENDER_NOT_APPROVED,LINK_NOT_HTTPS~");
		g_assert_cmpstr(((Hit *)v->hits->pdata[0])->message, ==,
		                "The From address \"orders@shop.example\" is not approved: send from an address "
		                "approved under Messaging Permissions in Seller Central.");
		g_free(ids);
		verdict_free(v);
		g_free(f->from_address);
		f->from_address = g_strdup("orders@approved.example");
		v = rules_eval(rs, f);
		g_assert_cmpint(v->action, ==, ACTION_ACCEPT);
		g_assert_cmpint(v->would, ==, ACTION_REJECT);
		verdict_free(v);
		facts_free(f);
		rules_unref(rs);
		tree_free(t);
	}
	/* the documented local example loads on top of the shipped rules */
	{
		Tree *t = tree_new();
		char *example = g_build_filename(dir, "local.d", "example.rules.disabled", NULL);
		char *text = NULL;
		g_assert_true(g_file_get_contents(example, &text, NULL, NULL));
		test_write_file(t->local, "example.rules", text);
		rs = load_rules(dir, t->local, &err);
		g_assert_no_error(err);
		f = base_facts();
		g_string_assign(f->text, "See shop.example for more.");
		add_link(f, "https://amzn.to/x", "https", "amzn.to", "text");
		add_link(f, "https://track.mycarrier.example/1", "https", "track.mycarrier.example", "text");
		v = rules_eval(rs, f);
		ids = hit_ids(v);
		g_assert_cmpstr(ids, ==, "LINK_HOST_NOT_ALLOWED,LOCAL_NO_SHOP_NAME");   /* sender approved */
		g_assert_cmpstr(((Hit *)v->hits->pdata[0])->evidence, ==, "https://amzn.to/x");
		g_assert_cmpstr(((Hit *)v->hits->pdata[1])->message, ==,
		                "Do not name the web shop (\"shop.example\"); buyers may only be pointed to Amazon.");
		g_free(ids);
		verdict_free(v);
		facts_free(f);
		rules_unref(rs);
		g_free(text);
		g_free(example);
		tree_free(t);
	}
}


/* ---- literal prefilters ---- */

static int cmp_strp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* joined - a set of literals, sorted, joined by "|" (freed); NULL: none */
static char *joined(GPtrArray *l)
{
	char *out;
	if (l == NULL)
		return NULL;
	g_ptr_array_sort(l, cmp_strp);
	g_ptr_array_add(l, NULL);
	out = g_strjoinv("|", (char **)l->pdata);
	g_ptr_array_unref(l);
	return out;
}

/* lits_joined - the literals of pattern, joined */
static char *lits_joined(const char *pattern, guint32 flags)
{
	return joined(rules_lits_extract(pattern, flags));
}

#define IU (PCRE2_CASELESS | PCRE2_UTF | PCRE2_UCP | PCRE2_MATCH_INVALID_UTF)

static const struct {
	const char *re;
	guint32 flags;
	const char *lits;       /* sorted, "|"-joined; NULL: no prefilter */
	const char *subject;    /* matches the regex (NULL: none given) */
} lit_cases[] = {
	{ "coupon", PCRE2_CASELESS, "coupon", "Your COUPON inside" },
	{ "\\bthank(?:s|\\s+you)\\b", IU, "thank", "THANK you" },
	{ "colou?r", 0, "colo", "color" },
	{ "ab?c", 0, NULL, "ac" },
	{ "abc{0,3}def", 0, "def", "abdef" },
	{ "abcd{2}x", 0, "abcd", "abcddx" },
	{ "abcd*efg", 0, "abc", "abcefg" },
	{ "x*(?:foo|bar)?baz", 0, "baz", "baz" },
	{ "(?:foo|ba)qux", 0, "qux", "baqux" },
	{ "foo|ba", 0, NULL, "ba" },
	{ "(?:review|feedback)s?\\b", IU, "feedback|review", "Reviews" },
	{ "(?:review|feedback)?\\s+rating", IU, "rating", " rating" },
	{ "(?:(?:deal|offer)s?|sale)\\s+now", IU, "deal|offer|sale", "sale now" },
	{ "(?:(?:deal|offer)s?|sale)\\s+on", IU, "deal|offer|sale", "offers on" },
	{ "a\\.b\\.c", 0, "a.b.c", "a.b.c" },
	{ "\\Qa+b*c\\E", 0, "a+b*c", "a+b*c" },
	{ "\\QaQb\\E", 0, "aqb", "aQb" },
	{ "(?<!foo)bar\\w+", 0, "bar", "xbarz" },
	{ "(?=.*secret)x", 0, NULL, "x secret" },
	{ "(?i)Kelvin", 0, "kelvin", "KELVIN" },
	{ "Kelvin", IU, "kelvin", "\xe2\x84\xaa" "elvin" },              /* Kelvin sign */
	{ "stop", IU, "stop", "\xc5\xbftop" },                            /* long s */
	{ "(?-i:STOP)", IU, "stop", "STOP" },
	{ "(?x)foo bar", 0, NULL, "foobar" },
	{ "foo", PCRE2_EXTENDED, NULL, "foo" },
	{ "foo(*ACCEPT)bar", 0, NULL, "foo" },
	{ "(?(?=a)abc|xyz)", 0, NULL, "xyz" },
	{ "\\p{Latin}+pay", IU, "pay", "Xpay" },
	{ "\\p{Latin}{3}", IU, NULL, "abc" },
	{ "\\x{41}BCD", 0, "bcd", "ABCD" },
	{ "\\x41BCD", 0, "bcd", "ABCD" },
	{ "GRÖSSE", IU, "grösse", "grösse" },
	{ "\xc3\xa9t\xc3\xa9", IU, "\xc3\xa9t\xc3\xa9", "\xc3\x89T\xc3\x89" },   /* été / ÉTÉ */
	{ "[@＠]x", IU, "@|＠", "a@x" },
	{ "[^@]abc", 0, "abc", "xabc" },
	{ "[a-c]", 0, NULL, "b" },
	{ "[@-]", 0, NULL, "-" },
	{ "[@]?abc", 0, "abc", "abc" },
	{ "\\d+%", 0, "%", "50%" },
	{ "(foo)\\1bar", 0, "foo", "foofoobar" },
	{ "(?<name>abc)", 0, "abc", "abc" },
	{ "(?|abc|abd)", 0, "abc|abd", "abd" },
	{ "a{,3}bcd", 0, "bcd", "a{,3}bcd" },     /* a literal "{" before PCRE2 10.43 */
	{ "\\bif\\s+not\\b", IU, "not", "if not" },
	{ "x(?#comment)yz", 0, NULL, "xyz" },
	{ "\\Bing\\b|\\Aabc\\z", 0, "abc|ing", "abc" },
	{ "a\\nbcd", 0, "bcd", "a\nbcd" },
	{ "(?:ab|cd)(?:ef|gh)", 0, NULL, "abgh" },
	{ "[^.!?]{0,40}\\bnext\\s+order", IU, "next", "for your next order" },      /* "order" is in most mail */
	{ "(?:a|b)+xyz", 0, "xyz", "abxyz" },
	{ "\\g{1}xyz|\\k<n>xyz", 0, "xyz", NULL },
	{ "a(?R)?xyz", 0, "xyz", "aaxyzxyz" },
	{ "★{3,}", PCRE2_UTF, "★", "★★★" },
	{ "クーポン", PCRE2_UTF, "クーポン", "クーポン" },
};

/* The order ID of the shipped ORDER_ID_MISSING rule: 3-7-7 digits or a
 * digital order D01-7-7, standing alone.  Near misses (a group one digit
 * short or long, a run glued to letters or to more digits) are not an
 * order ID, so a message quoting only those still lacks one. */
static void test_shipped_order_id(void)
{
	static const struct { const char *subject, *text; gboolean found; } t[] = {
		/* taken */
		{ "Your order 302-1234567-1234567", "Hello.", TRUE },
		{ "Your delivery", "Hello, your order 302-1234567-1234567 is on its way.", TRUE },
		{ "Your delivery", "Order D01-1234567-1234567 (your e-book).", TRUE },
		{ "Your delivery", "Order number:302-1234567-1234567.", TRUE },
		{ "Your delivery", "(302-1234567-1234567)", TRUE },
		{ "Your delivery", "Orders 302-1234567-123456 and 302-1234567-1234567.", TRUE },
		/* last group short / long: 3-7-6 (16 digits), 3-7-8 (18 digits) */
		{ "Your order 302-1234567-123456", "Hello.", FALSE },
		{ "Your delivery", "Hello, your order 302-1234567-123456 is on its way.", FALSE },
		{ "Your delivery", "Hello, your order 302-1234567-12345678 is on its way.", FALSE },
		{ "Your order 302-1234567-12345678", "Hello.", FALSE },
		{ "Your delivery", "Order D01-1234567-123456.", FALSE },
		{ "Your delivery", "Order D01-1234567-12345678.", FALSE },
		/* first group short / long: 2-7-7, 4-7-7; middle group 6 or 8 */
		{ "Your delivery", "Hello, your order 02-1234567-1234567 is on its way.", FALSE },
		{ "Your delivery", "Hello, your order 1302-1234567-1234567 is on its way.", FALSE },
		{ "Your delivery", "Order 302-123456-1234567.", FALSE },
		{ "Your delivery", "Order 302-12345678-1234567.", FALSE },
		{ "Your delivery", "Order D1-1234567-1234567 or D012-1234567-1234567.", FALSE },
		/* glued to letters or to more digits */
		{ "Your delivery", "Reference INV302-1234567-1234567.", FALSE },
		{ "Your delivery", "Reference 302-1234567-1234567A.", FALSE },
		{ "Your delivery", "Reference X302-1234567-1234567X.", FALSE },
		{ "Your delivery", "Reference 9302-1234567-12345679.", FALSE },
		{ "Your delivery", "Reference 302-1234567-1234567999.", FALSE },
		{ "Your delivery", "Reference AD01-1234567-1234567 and 7D01-1234567-1234567.", FALSE },
		{ "Ref302-1234567-1234567x", "Hello.", FALSE },
		/* digits only, no dashes */
		{ "Your delivery", "Order 30212345671234567.", FALSE },
	};
	Ruleset *rs = shipped_rules();

	if (rs == NULL)
		return;
	for (guint i = 0; i < G_N_ELEMENTS(t); i++) {
		Facts *f = base_facts();
		Verdict *v;
		gboolean missing = FALSE;

		g_free(f->subject);
		f->subject = g_strdup(t[i].subject);
		g_string_assign(f->text, t[i].text);
		v = rules_eval(rs, f);
		for (guint k = 0; k < v->hits->len; k++)
			missing |= strcmp(((Hit *)v->hits->pdata[k])->rule, "ORDER_ID_MISSING") == 0;
		if (missing == t[i].found)
			g_test_message("case %u: subject \"%s\", text \"%s\": ORDER_ID_MISSING %s", i,
			               t[i].subject, t[i].text, missing ? "fired" : "did not fire");
		g_assert_cmpint(missing, ==, !t[i].found);
		verdict_free(v);
		facts_free(f);
	}
	rules_unref(rs);
}

/* test_prefilter_literals - literals of tricky patterns; when a subject
 * matches, one literal is in the folded subject */
static void test_prefilter_literals(void)
{
	for (guint i = 0; i < G_N_ELEMENTS(lit_cases); i++) {
		char *got = lits_joined(lit_cases[i].re, lit_cases[i].flags);
		g_test_message("%s -> %s", lit_cases[i].re, got ? got : "(none)");
		g_assert_cmpstr(got, ==, lit_cases[i].lits);
		if (lit_cases[i].subject != NULL) {
			int code;
			PCRE2_SIZE off;
			pcre2_code *re = pcre2_compile((PCRE2_SPTR)lit_cases[i].re, PCRE2_ZERO_TERMINATED,
			                               lit_cases[i].flags, &code, &off, NULL);
			pcre2_match_data *md;
			g_assert_nonnull(re);
			md = pcre2_match_data_create_from_pattern(re, NULL);
			g_assert_cmpint(pcre2_match(re, (PCRE2_SPTR)lit_cases[i].subject, PCRE2_ZERO_TERMINATED,
			                            0, 0, md, NULL), >, 0);
			if (got != NULL) {
				GString *folded = g_string_new(NULL);
				char **alts = g_strsplit(got, "|", -1);
				gboolean any = FALSE;
				rules_fold(lit_cases[i].subject, strlen(lit_cases[i].subject), folded);
				for (char **a = alts; *a; a++)
					any = any || strstr(folded->str, *a) != NULL;
				g_assert_true(any);
				g_strfreev(alts);
				g_string_free(folded, TRUE);
			}
			pcre2_match_data_free(md);
			pcre2_code_free(re);
		}
		g_free(got);
	}
}

/* ---- prefix literals: where a match can start ---- */

static char *prefix_joined(const char *pattern, guint32 flags)
{
	return joined(rules_prefix_extract(pattern, flags));
}

static const struct {
	const char *re;
	guint32 flags;
	const char *pre;        /* sorted, "|"-joined; NULL: tried everywhere */
} prefix_cases[] = {
	{ "coupon", PCRE2_CASELESS, "coupon" },
	{ "\\bthank(?:s|\\s+you)\\b", IU, "thank" },
	{ "\\b(?:late|later\\s+than|delay\\w*)\\b", IU, "delay|late" },
	{ "(?<![\\p{L}])(?:facebook|tik tok)(?![\\p{L}])", IU, "facebook|tik tok" },
	{ "colou?r", 0, "color|colour" },
	{ "ab?c", 0, "abc|ac" },
	{ "ab{0,2}c", 0, NULL },               /* one-byte prefix: too common */
	{ "a{2}b", 0, NULL },
	{ "abc?d", 0, "abcd|abd" },
	{ "abc+d", 0, "abc" },
	{ "(?:foo|bar)?baz", 0, "barbaz|baz|foobaz" },  /* optional first atom */
	{ "(?:foo|bar)*baz", 0, NULL },
	{ "x*foo", 0, NULL },
	{ "foo|\\d+", 0, NULL },              /* one branch starts with a class */
	{ "foo|ba", 0, "ba|foo" },
	{ "\\s*foo", IU, NULL },
	{ "[^.!?]{0,40}\\bnext", IU, NULL },
	{ "(?:^|(?<=[.!?]))(?=[^.]*off)[^.]*off", IU, NULL },  /* the group is zero-width */
	{ "^(?:re|fw):\\s", IU, "fw:|re:" },
	{ "(?=foo)foobar", 0, "foobar" },
	{ "(?i)Kelvin", 0, "kelvin" },
	{ "(?-i:STOP)now", IU, "stopnow" },
	{ "\\Qa+b\\E*c", 0, "a+" },
	{ "(?:ab|cd)(?:ef|gh)", 0, "abef|abgh|cdef|cdgh" },
	{ "(?:ab|c\\d)(?:ef|gh)", 0, NULL },
	{ "(?:ab|cd\\d)(?:ef|gh)", 0, "ab|cd" },  /* not every alternative is whole */
	{ "(?:ab)?cd", 0, "abcd|cd" },
	{ "a(?:b|)c", 0, "abc|ac" },
	{ "e-?mail\\b", IU, "e-mail|email" },
	{ "m[óo]vil", IU, "movil|móvil" },
	{ "t[ée]l[ée]phone", IU, "telephone|teléphone|télephone|téléphone" },
	{ "\\b(?:5|four)[- ]?stars?\\b", IU, "5 star|5-star|5star|four star|four-star|fourstar" },
	{ "(?:ab|abc)x", 0, "abcx|abx" },
	{ "(?:ab|abc)\\d", 0, "ab" },           /* "abc" starts with "ab": covered */
	{ "\\Kabc", 0, "abc" },
	{ "(?x)foo", 0, NULL },
	{ "(foo)\\1", 0, "foo" },
	{ "\\1foo", 0, NULL },
	{ "クーポン|セール", PCRE2_UTF, "クーポン|セール" },
};

/* test_prefix_literals - what matches start with; and trying a pattern only
 * where one of them starts finds the same first match as a full search, on
 * subjects that put near-misses before, inside and after the match */
static void test_prefix_literals(void)
{
	static const char *const subjects[] = {
		"THANK you", "no thanks, thankful thank you", "later than planned", "it is late.",
		"delayed", "xfacebook facebook", "Tik Tok", "colour color colr", "abd abcd abccd",
		"RE: hello", "foobar foo", "KELVIN \xe2\x84\xaa" "elvin", "STOPnow stopnow", "a+b*c a+c",
		"abgh cdef", "abcx abx", "abc", "クーポン", "", "fw: x", "ac abc acc", "cd abcd",
		"barbaz foobaz", "E-Mail emaill email", "MÓVIL movil", "TÉLÉPHONE telephone",
		"a 5-stars 5 star four stars", "ab1 abc2", "cd1gh",
	};
	pcre2_match_data *md = pcre2_match_data_create(4, NULL);

	for (guint i = 0; i < G_N_ELEMENTS(prefix_cases); i++) {
		char *got = prefix_joined(prefix_cases[i].re, prefix_cases[i].flags);
		int code;
		PCRE2_SIZE off;
		pcre2_code *re, *anch;
		char **alts;

		g_test_message("%s -> %s", prefix_cases[i].re, got ? got : "(none)");
		g_assert_cmpstr(got, ==, prefix_cases[i].pre);
		if (got == NULL)
			continue;
		re = pcre2_compile((PCRE2_SPTR)prefix_cases[i].re, PCRE2_ZERO_TERMINATED,
		                   prefix_cases[i].flags, &code, &off, NULL);
		anch = pcre2_compile((PCRE2_SPTR)prefix_cases[i].re, PCRE2_ZERO_TERMINATED,
		                     prefix_cases[i].flags | PCRE2_ANCHORED, &code, &off, NULL);
		g_assert_nonnull(re);
		g_assert_nonnull(anch);
		alts = g_strsplit(got, "|", -1);
		for (guint k = 0; k < G_N_ELEMENTS(subjects); k++) {
			const char *subj = subjects[k];
			GString *folded = g_string_new(NULL);
			gssize full = -1, spot = -1;
			if (!rules_fold(subj, strlen(subj), folded)) {
				g_string_free(folded, TRUE);
				continue;       /* offsets differ: the evaluator searches as usual */
			}
			if (pcre2_match(re, (PCRE2_SPTR)subj, strlen(subj), 0, 0, md, NULL) >= 0)
				full = (gssize)pcre2_get_ovector_pointer(md)[0];
			for (gsize at = 0; at <= folded->len && spot < 0; at++) {
				gboolean starts = FALSE;
				for (char **a = alts; *a && !starts; a++)
					starts = strncmp(folded->str + at, *a, strlen(*a)) == 0;
				if (starts && pcre2_match(anch, (PCRE2_SPTR)subj, strlen(subj), at, 0, md, NULL) >= 0)
					spot = (gssize)pcre2_get_ovector_pointer(md)[0];
			}
			g_assert_cmpint(spot, ==, full);
			g_string_free(folded, TRUE);
		}
		g_strfreev(alts);
		pcre2_code_free(re);
		pcre2_code_free(anch);
		g_free(got);
	}
	pcre2_match_data_free(md);
}

/* assert_folds_alike - every character of all (at: the code point at each
 * byte) that matches c under /iu folds to what c folds to */
static void assert_folds_alike(const GString *all, const GArray *at, pcre2_match_data *md, gunichar c)
{
	char pat[32];
	int code;
	PCRE2_SIZE off;
	pcre2_code *re;

	g_snprintf(pat, sizeof pat, "\\x{%x}", c);
	re = pcre2_compile((PCRE2_SPTR)pat, PCRE2_ZERO_TERMINATED, IU, &code, &off, NULL);
	g_assert_nonnull(re);
	pcre2_jit_compile(re, PCRE2_JIT_COMPLETE);
	for (PCRE2_SIZE start = 0; pcre2_match(re, (PCRE2_SPTR)all->str, all->len, start, 0, md, NULL) > 0;) {
		PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
		gunichar t = g_array_index(at, gunichar, ov[0]);
		if (rules_fold_char(t) != rules_fold_char(c))
			g_test_fail_printf("U+%04X matches U+%04X caselessly but they fold to U+%04X and U+%04X",
			        t, c, rules_fold_char(t), rules_fold_char(c));
		start = ov[1];
	}
	pcre2_code_free(re);
}

/* test_prefilter_fold - for every character a literal may contain, every
 * character PCRE2 matches it with under /iu folds to the same character */
static void test_prefilter_fold(void)
{
	GString *all = g_string_new(NULL);
	GArray *at = g_array_new(FALSE, FALSE, sizeof(gunichar));     /* code point at each byte offset */
	pcre2_match_data *md = pcre2_match_data_create(1, NULL);
	GString *uncased = g_string_new("[");
	gunichar run_start = 0, run_end = 0;
	GArray *recheck = g_array_new(FALSE, FALSE, sizeof(gunichar));
	guint checked = 0;

	for (gunichar c = 1; c <= 0x10FFFF; c++) {
		if (c >= 0xD800 && c <= 0xDFFF)
			continue;
		gsize o = all->len;
		g_string_append_unichar(all, c);
		for (gsize k = o; k < all->len; k++)
			g_array_append_val(at, c);
	}
	/* the fold table itself: a caseless set spread over one representative */
	for (gunichar l = 1; l <= 0x10FFFF; l++) {
		if (!rules_lit_char_ok(l))
			continue;
		if (l >= 0x80 && g_unichar_tolower(l) == l && g_unichar_toupper(l) == l &&
		    g_unichar_totitle(l) == l && rules_fold_char(l) == l) {
			/* no case: one class test for all of them below (ranges) */
			if (run_end + 1 == l && run_end != 0) {
				run_end = l;
			} else {
				if (run_end != 0)
					g_string_append_printf(uncased, "\\x{%x}-\\x{%x}", run_start, run_end);
				run_start = run_end = l;
			}
			continue;
		}
		assert_folds_alike(all, at, md, l);
		checked++;
	}
	/* the characters without case match nothing but themselves */
	{
		int code;
		PCRE2_SIZE off;
		pcre2_code *re;
		if (run_end != 0)
			g_string_append_printf(uncased, "\\x{%x}-\\x{%x}", run_start, run_end);
		g_string_append(uncased, "]");
		re = pcre2_compile((PCRE2_SPTR)uncased->str, uncased->len, IU, &code, &off, NULL);
		if (re == NULL) {
			PCRE2_UCHAR msg[256];
			pcre2_get_error_message(code, msg, sizeof msg);
			g_error("class of characters without case: %s at %zu", msg, (size_t)off);
		}
		pcre2_jit_compile(re, PCRE2_JIT_COMPLETE);
		for (PCRE2_SIZE start = 0; pcre2_match(re, (PCRE2_SPTR)all->str, all->len, start, 0, md, NULL) > 0;) {
			PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
			gunichar t = g_array_index(at, gunichar, ov[0]);
			if (!rules_lit_char_ok(t) || rules_fold_char(t) != t || g_unichar_tolower(t) != t ||
			    g_unichar_toupper(t) != t)
				g_array_append_val(recheck, t);     /* ẞ matches ß */
			start = ov[1];
		}
		pcre2_code_free(re);
	}
	/* a cased character that matches one without case: all it matches
	 * must fold alike */
	for (guint i = 0; i < recheck->len; i++) {
		assert_folds_alike(all, at, md, g_array_index(recheck, gunichar, i));
	}
	g_array_unref(recheck);
	g_test_message("%u cased literal characters checked", checked);
	pcre2_match_data_free(md);
	g_string_free(uncased, TRUE);
	g_array_unref(at);
	g_string_free(all, TRUE);
}

/* eval_summary - hits with messages and evidence, one a line */
static char *eval_summary(const Ruleset *rs, const Facts *f)
{
	Verdict *v = rules_eval(rs, f);
	GString *s = g_string_new(NULL);
	g_string_append_printf(s, "%s\n", action_name(v->action));
	for (guint i = 0; i < v->hits->len; i++) {
		const Hit *h = v->hits->pdata[i];
		g_string_append_printf(s, "%s|%s|%s\n", h->rule, h->message, h->evidence);
	}
	verdict_free(v);
	return g_string_free(s, FALSE);
}

/* test_prefilter_verdicts - the shipped rules give the same verdicts with
 * and without prefilters, on every test message's bytes used as subject,
 * text and html, for each language's marketplaces */
static void test_prefilter_verdicts(void)
{
	char *dir = top_dir();
	char *top = g_path_get_dirname(dir);
	const char *srcs[] = { "tests/corpus/messages", "tests/golden" };
	/* "com" takes every language; "de" only German and English */
	const char *markets[] = { "com", "de" };
	GError *err = NULL;
	Ruleset *on, *off, *dflt;
	guint n = 0, nre = 0, npf = 0, nlit = 0;

	if (!g_file_test(dir, G_FILE_TEST_IS_DIR)) {
		g_test_skip("rules/ not found; set AMZ_TOP");
		goto out;
	}
	on = load_rules(dir, NULL, &err);       /* every target with literals scanned */
	g_assert_no_error(err);
	g_unsetenv("AMZ_RULES_PREFILTER");
	dflt = load_rules(dir, NULL, &err);     /* as in the daemon: not html (few regexes) */
	g_assert_no_error(err);
	g_setenv("AMZ_RULES_PREFILTER", "0", TRUE);
	off = load_rules(dir, NULL, &err);
	g_setenv("AMZ_RULES_PREFILTER", "all", TRUE);
	g_assert_no_error(err);
	rules_prefilter_stats(on, &nre, &npf, &nlit);
	/* the shapes (phone numbers, codes, emoji) have few words to look for */
	g_assert_cmpuint(npf, >, nre / 3);
	rules_prefilter_stats(off, &nre, &npf, &nlit);
	g_assert_cmpuint(npf, ==, 0);

	for (guint d = 0; d < G_N_ELEMENTS(srcs); d++) {
		char *path = g_build_filename(top, srcs[d], NULL);
		GDir *gd = g_dir_open(path, 0, NULL);
		const char *name;
		while (gd != NULL && (name = g_dir_read_name(gd)) != NULL) {
			char *file = g_build_filename(path, name, NULL);
			char *data = NULL;
			gsize len;
			if (g_str_has_suffix(name, ".eml") && g_file_get_contents(file, &data, &len, NULL)) {
				char *valid = g_utf8_make_valid(data, len);
				for (guint m = 0; m < G_N_ELEMENTS(markets); m++) {
					Facts *f = base_facts();
					char *a, *b, *c;
					g_ptr_array_set_size(f->markets, 0);
					g_ptr_array_add(f->markets, g_strdup(markets[m]));
					/* raw bytes and valid UTF-8: the regexes meet both */
					g_string_assign(f->text, m % 2 ? data : valid);
					g_string_assign(f->html, valid);
					/* big messages only repeat what small ones show */
					g_string_truncate(f->text, MIN(f->text->len, 32768));
					g_string_truncate(f->html, MIN(f->html->len, 32768));
					g_free(f->subject);
					f->subject = g_strndup(valid, 300);
					a = eval_summary(on, f);
					b = eval_summary(off, f);
					c = eval_summary(dflt, f);
					if (strcmp(a, b) != 0)
						g_test_fail_printf("%s, market %s: with prefilters\n%s\nwithout\n%s", file, markets[m], a, b);
					if (strcmp(c, b) != 0)
						g_test_fail_printf("%s, market %s: with the daemon's prefilters\n%s\nwithout\n%s", file, markets[m], c, b);
					g_free(a);
					g_free(b);
					g_free(c);
					facts_free(f);
					n++;
				}
				g_free(valid);
			}
			g_free(data);
			g_free(file);
		}
		if (gd)
			g_dir_close(gd);
		g_free(path);
	}
	/* a long text where common literals are too many to note each place
	 * (they are searched for as usual) and rarer ones are not */
	{
		GString *t = g_string_new(NULL);
		Facts *f = base_facts();
		char *a, *b;
		for (guint i = 0; i < 8000; i++)
			g_string_append(t, "Please update the order and check the item again. ");
		g_string_append(t, "Use code SAVE20 for 20% off your next order! Leave a 5-star "
		                   "review and get a free gift card. Visit www.myshop.example today.");
		g_string_assign(f->text, t->str);
		sentences_attach(f, NULL);      /* the concepts are read in its sentences */
		a = eval_summary(on, f);
		b = eval_summary(off, f);
		g_assert_cmpstr(a, ==, b);
		g_assert_nonnull(strstr(a, "PROMOTION"));
		g_free(a);
		g_free(b);
		facts_free(f);
		g_string_free(t, TRUE);
	}
	g_test_message("%u evaluations identical", n);
	g_assert_cmpuint(n, >, 100);
	rules_unref(on);
	rules_unref(off);
	rules_unref(dflt);
out:
	g_free(top);
	g_free(dir);
}

/* test_sentence_scoped - which patterns are tried only at the sentences a
 * literal of theirs can be reached from, and that doing so finds what a
 * full search finds: the same rule, the same evidence */
static void test_sentence_scoped(void)
{
#define SENT "(?:^|(?<=[.!?\\n]))"
	static const struct {
		const char *re;
		guint32 flags;
		gboolean scoped;
	} cases[] = {
		{ SENT "(?=[^.!?\\n]*?\\bsave\\b)[^.!?\\n]*?\\Ksave\\s+\\d+\\s?%", IU, TRUE },
		{ SENT "(?=[^.!?\\n]*?(?:coupon|voucher))(?![^.!?\\n]*\\brefund)[^.!?\\n]*?\\K(?:coupon|voucher)", IU, TRUE },
		{ SENT "(?i:[^.!?\\n]*?)\\K(?<name>review)s?", IU, TRUE },
		{ SENT "(?=[^.!?\\n]*?save)|coupon", IU, FALSE },          /* a match that starts anywhere */
		{ SENT "[^.!?\\n]*?save.*", IU, FALSE },                   /* "." */
		{ SENT "[^.!?\\n]*?save\\.", IU, FALSE },                 /* "\\." */
		{ SENT "[^.!?\\n]*?save!", IU, FALSE },                    /* "!" */
		{ SENT "[^x]*?save", IU, FALSE },                           /* a negated class without them */
		{ SENT "[^.!\\n]*?save", IU, FALSE },                       /* without "?" */
		{ SENT "[ -~]*?save", IU, FALSE },                          /* a range over them */
		{ SENT "[[:punct:]]?save", IU, FALSE },
		{ SENT "\\W*save", IU, FALSE },
		{ SENT "\\p{P}?save", IU, FALSE },
		{ SENT "\\x2e?save", IU, FALSE },
		{ SENT "\\Q.\\Esave", IU, FALSE },
		{ SENT "(?<=save )off", IU, FALSE },                         /* a lookbehind past the start */
		{ SENT "(?x) save", IU, FALSE },
		{ SENT "save", IU | PCRE2_EXTENDED, FALSE },
		{ SENT "(?R)?save", IU, FALSE },
		{ SENT "(save", IU, FALSE },
		{ "(?=[^.!?\\n]*?save)[^.!?\\n]*?\\Ksave", IU, FALSE },  /* no sentence start */
	};
	static const char *const texts[] = {
		"Hello. Save 20% today",
		"Hello!\nWe hope you like it. Order shipped.\nSave 20% on your next order",
		"save 5 % now? save 30% later. Save 10%.",
		"Nothing to save here. Really nothing.",
		"Save the date! Then save\n 15% on socks.",
		"A coupon? Sorry, no refund coupon. A voucher for you.",
		"review. reviews! Reviews?\n",
		"",
		"SAVE 99%",
	};
	const char *rule = "rule SENT\n describe \"'{match}'\"\n"
	                   " match text =~ /" SENT "(?=[^.!?\\n]*?(?:\\bsave\\s+\\d+\\s?%|coupon|voucher))"
	                   "(?![^.!?\\n]*\\brefund)[^.!?\\n]*?\\K(?:save\\s+\\d+\\s?%|coupon|voucher)/iu\n"
	                   " action tag\n";
	GError *err = NULL;
	Tree *t1, *t2;
	Ruleset *on, *off;
	guint hits = 0;

	for (guint i = 0; i < G_N_ELEMENTS(cases); i++) {
		g_test_message("%s", cases[i].re);
		g_assert_cmpint(rules_sentence_scoped(cases[i].re, cases[i].flags), ==, cases[i].scoped);
	}
	on = load_one(rule, &t1, &err);
	g_assert_no_error(err);
	g_setenv("AMZ_RULES_PREFILTER", "0", TRUE);
	off = load_one(rule, &t2, &err);
	g_setenv("AMZ_RULES_PREFILTER", "all", TRUE);
	g_assert_no_error(err);
	for (guint i = 0; i < G_N_ELEMENTS(texts); i++) {
		Facts *f = base_facts();
		char *a, *b;
		g_string_assign(f->text, texts[i]);
		a = eval_summary(on, f);
		b = eval_summary(off, f);
		g_test_message("%s -> %s", texts[i], a);
		g_assert_cmpstr(a, ==, b);
		hits += strstr(a, "SENT") != NULL;
		g_free(a);
		g_free(b);
		facts_free(f);
	}
	g_assert_cmpuint(hits, ==, 6);
	/* the rule is evaluated by sentence (the profile says so) */
	{
		Tree *t3;
		Ruleset *rs;
		Facts *f = base_facts();
		char *buf = NULL;
		size_t len = 0;
		FILE *out;
		g_setenv("AMZ_RULE_PROFILE", "1", TRUE);
		rs = load_one(rule, &t3, &err);
		g_unsetenv("AMZ_RULE_PROFILE");
		g_assert_no_error(err);
		g_string_assign(f->text, texts[1]);
		verdict_free(rules_eval(rs, f));
		out = open_memstream(&buf, &len);
		rules_profile_dump(rs, out, 5);
		fclose(out);
		g_assert_nonnull(strstr(buf, "(by sentence)"));
		free(buf);
		facts_free(f);
		rules_unref(rs);
		tree_free(t3);
	}
	rules_unref(on);
	rules_unref(off);
	tree_free(t1);
	tree_free(t2);
#undef SENT
}

#define PROFILE_RULES "rule A\n describe \"a\"\n match text =~ /parcel/i\n action tag\n" \
                      "rule B\n describe \"b\"\n match text =~ /coupon/i\n action tag\n"

/* profile_dump - PROFILE_RULES loaded with the counters on and
 * AMZ_RULES_PREFILTER=prefilter (NULL: unset), evaluated once, dumped */
static char *profile_dump(const char *prefilter)
{
	Tree *t;
	GError *err = NULL;
	Ruleset *rs;
	Facts *f = base_facts();
	char *buf = NULL;
	size_t len = 0;
	FILE *out;

	if (prefilter == NULL)
		g_unsetenv("AMZ_RULES_PREFILTER");
	else
		g_setenv("AMZ_RULES_PREFILTER", prefilter, TRUE);
	g_setenv("AMZ_RULE_PROFILE", "1", TRUE);
	rs = load_one(PROFILE_RULES, &t, &err);
	g_unsetenv("AMZ_RULE_PROFILE");
	g_setenv("AMZ_RULES_PREFILTER", "all", TRUE);
	g_assert_no_error(err);
	g_assert_true(rules_profiling(rs));
	verdict_free(rules_eval(rs, f));
	out = open_memstream(&buf, &len);
	rules_profile_dump(rs, out, 15);
	fclose(out);
	g_test_message("%s", buf);
	facts_free(f);
	rules_unref(rs);
	tree_free(t);
	return buf;
}

/* test_profile - the counters fill when asked for, and the dump names rules
 * and the targets scanned for literals */
static void test_profile(void)
{
	Tree *t;
	GError *err = NULL;
	Ruleset *rs = load_one(PROFILE_RULES, &t, &err);
	char *buf;

	g_assert_no_error(err);
	g_assert_false(rules_profiling(rs));
	rules_unref(rs);
	tree_free(t);

	buf = profile_dump("all");
	g_assert_nonnull(strstr(buf, "2 of 2 regexes have a literal prefilter (2 literals); scanned: text\n"));
	g_assert_nonnull(strstr(buf, " A "));
	g_assert_nonnull(strstr(buf, "a.rules:3 "));
	g_assert_nonnull(strstr(buf, " B "));
	g_assert_nonnull(strstr(buf, "a.rules:7 0.0 0 1"));      /* B: no run, one skip */
	free(buf);

	/* as the daemon loads it: two regexes do not pay for a scan of the text */
	buf = profile_dump(NULL);
	g_assert_nonnull(strstr(buf, "2 of 2 regexes have a literal prefilter (2 literals)\n"));
	g_assert_nonnull(strstr(buf, "a.rules:7 0.0 1 0"));      /* B: run, not skipped */
	free(buf);
}

/* test_thread_tables - one thread evaluates with a ruleset of few
 * literals, then one of many (its prefilter tables grow), then the first
 * again: every literal found where it is, none past the tables' ends (the
 * sanitizer build checks) */
static void test_thread_tables(void)
{
	GString *big = g_string_new(NULL);
	Tree *ts, *tb;
	GError *err = NULL;
	Ruleset *small = load_one(PROFILE_RULES, &ts, &err), *many;
	Facts *f = base_facts();
	Verdict *v;
	char *ids;

	g_assert_no_error(err);
	for (int i = 1; i <= 300; i++)
		g_string_append_printf(big, "rule R%03d\n describe \"{match}\"\n match text =~ /word%03d\\b/i\n"
		                       " action tag\n", i, i);
	many = load_one(big->str, &tb, &err);
	g_assert_no_error(err);
	g_string_assign(f->text, "Your parcel: WORD299 and word017, not word3000.");
	for (int round = 0; round < 2; round++) {
		v = rules_eval(small, f);
		ids = hit_ids(v);
		g_assert_cmpstr(ids, ==, "A");
		g_assert_cmpstr(((Hit *)v->hits->pdata[0])->message, ==, "a");
		g_free(ids);
		verdict_free(v);
		v = rules_eval(many, f);
		ids = hit_ids(v);
		g_assert_cmpstr(ids, ==, "R017,R299");
		g_assert_cmpstr(((Hit *)v->hits->pdata[0])->message, ==, "word017");
		g_assert_cmpstr(((Hit *)v->hits->pdata[1])->message, ==, "WORD299");
		g_free(ids);
		verdict_free(v);
	}
	facts_free(f);
	rules_unref(small);
	rules_unref(many);
	tree_free(ts);
	tree_free(tb);
	g_string_free(big, TRUE);
}

/* test_arena - the ruleset's arena gives zeroed, 16-byte aligned blocks
 * that do not overlap, small ones packed and big ones apart */
static void test_arena(void)
{
	Tree *t;
	GError *err = NULL;
	Ruleset *rs = load_one(PROFILE_RULES, &t, &err);
	guchar *blk[600];
	gsize len[600];

	g_assert_no_error(err);
	for (guint i = 0; i < G_N_ELEMENTS(blk); i++) {
		len[i] = i % 100 == 99 ? 20000 + i : 1 + (i * 37) % 200;
		blk[i] = rules_arena_new0(rs, len[i]);
		g_assert_cmpuint((guintptr)blk[i] % 16, ==, 0);
		for (gsize k = 0; k < len[i]; k++)
			g_assert_cmpuint(blk[i][k], ==, 0);
		memset(blk[i], (int)(i % 251) + 1, len[i]);
	}
	for (guint i = 0; i < G_N_ELEMENTS(blk); i++)
		for (gsize k = 0; k < len[i]; k++)
			g_assert_cmpuint(blk[i][k], ==, i % 251 + 1);
	/* consecutive small blocks sit side by side */
	g_assert_true(blk[1] == blk[0] + ((len[0] + 15) & ~(gsize)15));
	rules_unref(rs);
	tree_free(t);
}

/* The load options from the values of AMZ_RULES_PREFILTER and
 * AMZ_RULE_PROFILE, which the callers read. */
static void test_options(void)
{
	static const struct {
		const char *pf, *prof;
		RulesPrefilter want_pf;
		gboolean want_prof;
	} t[] = {
		{ NULL, NULL, RULES_PREFILTER_ON, FALSE },
		{ "0", "1", RULES_PREFILTER_OFF, TRUE },
		{ "all", "0", RULES_PREFILTER_ALL, FALSE },
		{ "1", "", RULES_PREFILTER_ON, FALSE },
		{ "ALL", "yes", RULES_PREFILTER_ON, TRUE },
	};
	for (guint i = 0; i < G_N_ELEMENTS(t); i++) {
		RulesOptions o;
		rules_options_parse(&o, t[i].pf, t[i].prof);
		g_assert_cmpint(o.prefilter, ==, t[i].want_pf);
		g_assert_cmpint(o.profile, ==, t[i].want_prof);
	}
}

/* walk_render - the tokens of a pattern, one word each: c:x a character
 * (q: invalid byte), \x an escape (\x! unterminated or unknown), [..] a class
 * with its members, {min,max} a quantifier, (kind an opening, ) | and m:x */
static char *walk_render(const char *pattern)
{
	static const char *const groups[] = {
		[PG_CAPTURE] = "cap", [PG_NONCAPTURE] = "nc", [PG_BRANCH_RESET] = "reset",
		[PG_ATOMIC] = "atomic", [PG_NAMED] = "named", [PG_LOOKAHEAD] = "la", [PG_NEG_LOOKAHEAD] = "nla",
		[PG_LOOKBEHIND] = "lb", [PG_NEG_LOOKBEHIND] = "nlb", [PG_OPTIONS] = "opt",
		[PG_COMMENT] = "comment", [PG_REFERENCE] = "ref", [PG_VERB] = "verb", [PG_OTHER] = "other",
	};
	GString *out = g_string_new(NULL);
	PcreWalk w;
	PwTok t;

	pcre_walk_init(&w, pattern, strlen(pattern));
	for (pcre_walk_next(&w, &t); t.kind != PW_END; pcre_walk_next(&w, &t)) {
		if (out->len)
			g_string_append_c(out, ' ');
		switch (t.kind) {
		case PW_CHAR:
			if (t.invalid)
				g_string_append_printf(out, "q:%02x", t.c);
			else
				g_string_append(out, "c:"), g_string_append_unichar(out, t.c);
			break;
		case PW_ESCAPE:
			g_string_append_printf(out, "\\%c%s", t.esc ? t.esc : '0', t.bad ? "!" : "");
			break;
		case PW_QUANT:
			g_string_append_printf(out, "{%d,%d}", t.min, t.max);
			break;
		case PW_OPEN:
			g_string_append_printf(out, "(%s", groups[t.group]);
			if (t.group == PG_OPTIONS)
				g_string_append_printf(out, ":%.*s%s", (int)(t.opt_end - t.opt), t.opt, t.setting ? ")" : "");
			if (t.bad)
				g_string_append_c(out, '!');
			break;
		case PW_CLOSE: g_string_append_c(out, ')'); break;
		case PW_ALT: g_string_append_c(out, '|'); break;
		case PW_META: g_string_append_printf(out, "m:%c", (char)t.c); break;
		case PW_CLASS: {
			PwClass cw;
			PwMember m;
			g_string_append(out, t.negated ? "[^" : "[");
			pcre_walk_class(&cw, &t);
			for (pcre_walk_class_next(&cw, &m); m.kind != PM_END && m.kind != PM_BAD;
			     pcre_walk_class_next(&cw, &m)) {
				switch (m.kind) {
				case PM_CHAR: g_string_append_unichar(out, m.lo); break;
				case PM_RANGE:
					g_string_append_unichar(out, m.lo);
					g_string_append_c(out, '-');
					if (m.hi_escape)
						g_string_append_c(out, '\\');
					else
						g_string_append_unichar(out, m.hi);
					break;
				case PM_ESCAPE: g_string_append_printf(out, "\\%c", m.esc); break;
				case PM_POSIX: g_string_append(out, ":"); break;
				case PM_QUOTE: g_string_append(out, "Q"); break;
				default: break;
				}
			}
			g_string_append(out, m.kind == PM_BAD ? "!" : "]");
			break;
		}
		default:
			break;
		}
	}
	return g_string_free(out, FALSE);
}

/* The one reader of PCRE2 syntax: escapes with their arguments, \Q…\E,
 * classes and their members, quantifiers, group kinds, inline options. */
static void test_pcre_walk(void)
{
	static const struct { const char *re, *want; } t[] = {
		{ "ab", "c:a c:b" },
		{ "\\.\\b\\x41\\x{263A}z", "c:. \\b \\x \\x c:z" },
		{ "\\p{Latin}\\pLa\\N{U+41}\\o{101}\\cXa", "\\p \\p c:a \\N \\o \\c c:a" },
		{ "\\g{-1}\\g1\\k<n>\\k'n'\\12a", "\\g \\g \\k \\k \\1 c:a" },
		{ "\\i", "\\i!" },
		{ "\\p{L", "\\p!" },
		{ "a\\", "c:a \\0!" },
		{ "\\Qa.b\\E+", "c:a c:. c:b {1,-1}" },
		{ "\\Q(?\\Ex", "c:( c:? c:x" },
		{ "\\Qab", "c:a c:b" },
		{ "a\\Eb", "c:a \\E c:b" },
		{ "a*b+?c??d{2}e{2,}f{1,3}g{,3}", "c:a {0,-1} c:b {1,-1} c:c {0,1} c:d {2,2} c:e {2,-1} c:f {1,3} c:g {0,3}" },
		{ "a{x}b{", "c:a m:{ c:x m:} c:b m:{" },
		{ "^.$]", "m:^ m:. m:$ m:]" },
		{ "é\xff.", "c:é q:ff m:." },
		{ "[ab]", "[ab]" },
		{ "[^.!?]", "[^.!?]" },
		{ "[]a][^]a]", "[]a] [^]a]" },
		{ "[-a][a-][a-z]", "[-a] [a-] [a-z]" },
		{ "[\\]x][\\d\\p{L}][[:alpha:]]", "[]x] [\\d\\p] [:]" },
		{ "[a-\\x{2E}][\\Q]\\E]", "[a-\\] [Q]" },
		{ "[ab", "[ab!" },
		{ "(a)(?:b)(?|c)(?>d)", "(cap c:a ) (nc c:b ) (reset c:c ) (atomic c:d )" },
		{ "(?<n>a)(?'n'b)(?P<n>c)", "(named c:a ) (named c:b ) (named c:c )" },
		{ "(?=a)(?!b)(?<=c)(?<!d)", "(la c:a ) (nla c:b ) (lb c:c ) (nlb c:d )" },
		{ "(?i)a(?-i:b)(?^)(?)", "(opt:i) c:a (opt:-i c:b ) (opt:^) (opt:)" },
		{ "(?#c)(?1)(?-1)(?R)(?&n)(?P=n)(?P>n)(?C1)", "(comment (ref (ref (ref (ref (ref (ref (ref" },
		{ "(?-)(?-:a)", "(opt:-) (opt:- c:a )" },
		{ "(*SKIP)", "(verb {0,-1} c:S c:K c:I c:P )" },   /* not followed: the readers give up */
		{ "(?(1)a)", "(other (cap c:1 ) c:a )" },
		{ "a|b", "c:a | c:b" },
	};
	for (guint i = 0; i < G_N_ELEMENTS(t); i++) {
		char *got = walk_render(t[i].re);
		g_test_message("%s", t[i].re);
		g_assert_cmpstr(got, ==, t[i].want);
		g_free(got);
	}
}

/* The literal automaton: which literals a text contains and where the ones
 * asked for start, overlapping and nested literals included. */
static void test_multipattern(void)
{
	const char *words[] = { "he", "she", "his", "hers", "coupon", "€" };
	const guint8 spot[] = { 1, 1, 0, 1, 0, 1 };
	GPtrArray *lits = g_ptr_array_new();
	Multipattern *mp;
	guint8 found[1] = { 0 };
	guint32 count[G_N_ELEMENTS(words)] = { 0 };
	guint8 lost[G_N_ELEMENTS(words)] = { 0 };
	MpSpots sp = { .count = count, .lost = lost, .per_lit = 2, .total = 100 };
	const char *text = "ushers pay 5€, she said; she, she";

	for (guint i = 0; i < G_N_ELEMENTS(words); i++)
		g_ptr_array_add(lits, (char *)words[i]);
	mp = rules_mp_build(lits, spot);
	g_assert_nonnull(mp);
	g_assert_cmpuint(rules_mp_count(mp), ==, 6);
	g_assert_cmpstr(rules_mp_literal(mp, 3), ==, "hers");
	g_assert_null(rules_mp_literal(mp, 6));
	g_assert_cmpuint(rules_mp_count(NULL), ==, 0);
	sp.pairs = g_array_new(FALSE, FALSE, sizeof(guint32));
	rules_mp_scan(mp, text, strlen(text), found, &sp);
	/* he, she, hers, € present; his and coupon absent */
	g_assert_cmphex(found[0], ==, 0x01 | 0x02 | 0x08 | 0x20);
	/* "she" at 1, 17 and then lost past per_lit 2; "he" at 2, 18 and lost;
	 * "hers" at 2; "€" (3 bytes) at 12 */
	{
		static const guint32 want[][2] = { { 1, 1 }, { 0, 2 }, { 3, 2 }, { 5, 12 }, { 1, 17 }, { 0, 18 } };
		g_assert_cmpuint(sp.pairs->len, ==, 2 * G_N_ELEMENTS(want));
		for (guint i = 0; i < G_N_ELEMENTS(want) && i * 2 < sp.pairs->len; i++) {
			g_assert_cmpuint(g_array_index(sp.pairs, guint32, 2 * i), ==, want[i][0]);
			g_assert_cmpuint(g_array_index(sp.pairs, guint32, 2 * i + 1), ==, want[i][1]);
		}
	}
	g_assert_cmpuint(lost[1], ==, 1);
	g_assert_cmpuint(lost[0], ==, 1);
	g_assert_cmpuint(lost[3], ==, 0);
	/* without spots: only the bits */
	found[0] = 0;
	rules_mp_scan(mp, "a coupon for his", 16, found, NULL);
	g_assert_cmphex(found[0], ==, 0x04 | 0x10);
	rules_mp_free(mp);
	g_array_unref(sp.pairs);
	g_ptr_array_unref(lits);
}

/* One number syntax for rule files and the configuration: both callers'
 * values stay what they were; the bound is the caller's. */
static void test_parse_size(void)
{
	static const struct {
		const char *in;
		guint64 max;
		gboolean ok;
		guint64 out;
	} t[] = {
		{ "5", G_MAXINT64, TRUE, 5 },
		{ "100k", G_MAXINT64, TRUE, 102400 },
		{ "100K", G_MAXINT64, TRUE, 102400 },
		{ "10M", G_MAXINT64, TRUE, 10485760 },
		{ "10m", G_MAXINT64, TRUE, 10485760 },
		{ "2G", G_MAXINT64, TRUE, 2147483648ull },
		{ "5MB", G_MAXUINT64, TRUE, 5242880 },
		{ "1kb", G_MAXUINT64, TRUE, 1024 },
		{ "0G", G_MAXUINT64, TRUE, 0 },
		{ "9223372036854775807", G_MAXINT64, TRUE, G_MAXINT64 },
		{ "9223372036854775808", G_MAXINT64, FALSE, 0 },
		{ "9223372036854775808", G_MAXUINT64, TRUE, 9223372036854775808ull },
		{ "18446744073709551615", G_MAXUINT64, TRUE, G_MAXUINT64 },
		{ "18446744073709551616", G_MAXUINT64, FALSE, 0 },
		{ "8589934592G", G_MAXINT64, FALSE, 0 },
		{ "8589934591G", G_MAXINT64, TRUE, 8589934591ull << 30 },
		{ "5B", G_MAXUINT64, FALSE, 0 },
		{ "", G_MAXUINT64, FALSE, 0 },
		{ "M", G_MAXUINT64, FALSE, 0 },
		{ "-1", G_MAXUINT64, FALSE, 0 },
		{ "10X", G_MAXUINT64, FALSE, 0 },
		{ "1 k", G_MAXUINT64, FALSE, 0 },
		{ "1kk", G_MAXUINT64, FALSE, 0 },
	};
	for (guint i = 0; i < G_N_ELEMENTS(t); i++) {
		guint64 v = 12345;
		g_test_message("%s", t[i].in);
		g_assert_cmpint(text_parse_size(t[i].in, t[i].max, &v), ==, t[i].ok);
		g_assert_cmpuint(v, ==, t[i].ok ? t[i].out : 12345);
	}
}

/* The suggestion threshold of the rule language (a likely typo) and of
 * the configuration (the nearest key within two edits). */
static void test_suggest(void)
{
	const char *c[] = { "attachment", "header.", "mode", "a-very-long-rule-id-that-is-longer-than-sixty-four-characters-in-all" };
	const char *ab[] = { "ab" };

	g_assert_cmpstr(rules_suggest("attachmnt", c, 4), ==, "attachment");
	g_assert_null(rules_suggest("Mode", c, 4));                     /* the same word */
	g_assert_null(rules_suggest("xy", ab, 1));                      /* two edits of two letters */
	g_assert_cmpstr(text_suggest("xy", ab, 1, 2, TEXT_SUGGEST_NEAREST), ==, "ab");
	g_assert_null(rules_suggest("", c, 4));
	g_assert_cmpstr(rules_suggest("a-very-long-rule-id-that-is-longer-than-sixty-four-characters-in-al", c, 4), ==, c[3]);
	g_assert_cmpstr(text_suggest("Mode", c, 4, 2, TEXT_SUGGEST_NEAREST), ==, "mode");
	g_assert_cmpstr(text_suggest("md", c, 4, 2, TEXT_SUGGEST_NEAREST), ==, "mode");
	g_assert_null(text_suggest("m", c, 4, 2, TEXT_SUGGEST_NEAREST));
}

int main(int argc, char **argv)
{
	g_test_init(&argc, &argv, NULL);
	/* a failed g_assert_*() fails its case; the cases after it still run */
	g_test_set_nonfatal_assertions();
	/* the small rulesets here have too few regexes for a target to be
	 * scanned by default; the tests are of what scanning does */
	g_setenv("AMZ_RULES_PREFILTER", "all", TRUE);
	g_test_add_func("/rules/eval-table", test_eval_table);
	g_test_add_func("/rules/truncation", test_truncation);
	g_test_add_func("/rules/lists-and-overrides", test_list_files_and_overrides);
	g_test_add_func("/rules/missing-dirs", test_missing_local_dir);
	g_test_add_func("/rules/errors", test_errors);
	g_test_add_func("/rules/threads", test_threads);
	g_test_add_func("/rules/shipped", test_shipped_rules);
	g_test_add_func("/rules/shipped-order-id", test_shipped_order_id);
	g_test_add_func("/rules/prefilter-literals", test_prefilter_literals);
	g_test_add_func("/rules/prefilter-fold", test_prefilter_fold);
	g_test_add_func("/rules/prefix-literals", test_prefix_literals);
	g_test_add_func("/rules/prefilter-verdicts", test_prefilter_verdicts);
	g_test_add_func("/rules/sentence-scoped", test_sentence_scoped);
	g_test_add_func("/rules/profile", test_profile);
	g_test_add_func("/rules/thread-tables", test_thread_tables);
	g_test_add_func("/rules/arena", test_arena);
	g_test_add_func("/rules/options", test_options);
	g_test_add_func("/rules/pcre-walk", test_pcre_walk);
	g_test_add_func("/rules/multipattern", test_multipattern);
	g_test_add_func("/rules/parse-size", test_parse_size);
	g_test_add_func("/rules/suggest", test_suggest);
	return g_test_run();
}
