/*
 * test_brands.c - unit tests for bypass and brands: CIDR networks (v4, v6,
 * mapped), bypass by network and SASL login, the -n warnings, brand
 * selection by From domain, approved senders, and brand overlays changing
 * rules for one brand's mail only.
 */
#include <string.h>
#include "core/conf.h"
#include "engine/brands.h"
#include "engine/pipeline.h"
#include "engine/snapshot.h"
#include "extract/extract.h"
#include "util/cidr.h"
#include "testfiles.h"

static char *tmpdir(void)
{
	char *d = g_dir_make_tmp("amz-brands-XXXXXX", NULL);
	char *keep;

	g_assert_nonnull(d);
	keep = g_strdup(d);
	/* teardown runs in reverse: the tree goes, then the copy of its name */
	g_test_queue_free(keep);
	g_test_queue_destroy((GDestroyNotify)test_rm_rf, keep);
	return d;
}

static gboolean in_net(const char *net, const char *addr)
{
	CidrNet n;
	guint8 a[16];
	g_autofree char *why = NULL;

	g_assert_true(cidr_parse(net, &n, &why));
	g_assert_true(cidr_addr(addr, a));
	return cidr_contains(&n, a);
}

static void test_cidr(void)
{
	static const struct { const char *net, *addr; gboolean in; } t[] = {
		{ "192.0.2.0/24", "192.0.2.7", TRUE },
		{ "192.0.2.0/24", "192.0.3.7", FALSE },
		{ "192.0.2.0/25", "192.0.2.200", FALSE },
		{ "192.0.2.128/25", "192.0.2.200", TRUE },
		{ "192.0.2.0/24", "::ffff:192.0.2.9", TRUE },   /* v4 client on a v6 socket */
		{ "192.0.2.0/24", "[192.0.2.9]", TRUE },
		{ "198.51.100.5", "198.51.100.5", TRUE },
		{ "198.51.100.5", "198.51.100.6", FALSE },
		{ "0.0.0.0/0", "203.0.113.1", TRUE },
		{ "0.0.0.0/0", "2001:db8::1", FALSE },          /* every v4, no v6 */
		{ "2001:db8::/32", "2001:db8:ffff::1", TRUE },
		{ "2001:db8::/32", "IPv6:2001:db8::1", TRUE },  /* as Sendmail writes it */
		{ "2001:db8::/32", "2001:db9::1", FALSE },
		{ "[2001:db8::]/33", "2001:db8:8000::1", FALSE },
		{ "::1", "::1", TRUE },
		{ "::/0", "192.0.2.1", TRUE },                  /* mapped v4 is in ::/0 */
	};
	for (guint i = 0; i < G_N_ELEMENTS(t); i++) {
		if (in_net(t[i].net, t[i].addr) != t[i].in)
			g_test_message("%s %s", t[i].net, t[i].addr);
		g_assert_cmpint(in_net(t[i].net, t[i].addr), ==, t[i].in);
	}
	{
		CidrNet n;
		g_autofree char *w1 = NULL, *w2 = NULL, *w3 = NULL, *w4 = NULL, *s = NULL;
		guint8 a[16];
		g_assert_false(cidr_parse("192.0.2.1/24", &n, &w1));       /* host bits */
		g_assert_nonnull(strstr(w1, "host bits"));
		g_assert_false(cidr_parse("192.0.2.0/33", &n, &w2));
		g_assert_false(cidr_parse("example.com", &n, &w3));
		g_assert_false(cidr_parse("10.0.0.0/8x", &n, &w4));
		g_assert_false(cidr_addr("unknown", a));
		g_assert_false(cidr_addr("", a));
		g_assert_true(cidr_parse("2001:db8::/32", &n, &w1));
		s = cidr_format(&n);
		g_assert_cmpstr(s, ==, "2001:db8::/32");
	}
	{
		g_autoptr(GArray) nets = g_array_new(FALSE, FALSE, sizeof(CidrNet));
		g_autofree char *why = NULL;
		gsize off = 0;
		g_assert_true(cidr_parse_list("192.0.2.0/24, 2001:db8::/32 10.0.0.0/8", nets, &off, &why));
		g_assert_cmpuint(nets->len, ==, 3);
		g_assert_false(cidr_parse_list("192.0.2.0/24, 10.1.0.0/8", nets, &off, &why));
		g_assert_cmpuint(off, ==, 14);
	}
}

static void test_bypass(void)
{
	g_autofree char *dir = tmpdir();
	g_autofree char *conf = g_build_filename(dir, "a.conf", NULL);
	g_autoptr(GError) err = NULL;
	g_autoptr(Conf) c = NULL;
	g_autofree char *w = NULL, *w2 = NULL, *w3 = NULL, *w4 = NULL;

	test_write_file(dir, "a.conf", "rules = .\nbypass_networks = 192.0.2.0/24, 2001:db8::/32\n"
	                "bypass_logins = alice, helpdesk-*\n");
	c = conf_load(conf, &err);
	g_assert_no_error(err);
	g_assert_true(conf_bypass(c, "192.0.2.50", NULL, &w));
	g_assert_cmpstr(w, ==, "network 192.0.2.0/24");
	g_clear_pointer(&w, g_free);
	g_assert_true(conf_bypass(c, "2001:db8::25", "", &w));
	g_assert_cmpstr(w, ==, "network 2001:db8::/32");
	g_assert_false(conf_bypass(c, "198.51.100.1", NULL, &w2));
	g_assert_null(w2);
	g_assert_true(conf_bypass(c, "198.51.100.1", "helpdesk-eu", &w3));
	g_assert_cmpstr(w3, ==, "login helpdesk-*");
	/* exact, case included; no partial match */
	g_assert_false(conf_bypass(c, "198.51.100.1", "Alice", &w4));
	g_assert_false(conf_bypass(c, "198.51.100.1", "alice2", &w4));
	g_assert_false(conf_bypass(c, NULL, NULL, &w4));
	{
		/* nothing covers loopback: no warning */
		g_autoptr(GPtrArray) warn = conf_bypass_warnings(c);
		g_assert_cmpuint(warn->len, ==, 0);
	}
}

static void test_bypass_conf_errors(void)
{
	g_autofree char *dir = tmpdir();
	g_autofree char *conf = g_build_filename(dir, "a.conf", NULL);
	g_autoptr(GError) err = NULL;

	test_write_file(dir, "a.conf", "rules = .\nbypass_networks = 192.0.2.0/24, 10.0.0.1/8\n");
	g_assert_null(conf_load(conf, &err));
	g_assert_nonnull(err);
	/* the column of the bad network, not of the value */
	g_assert_nonnull(strstr(err->message, "a.conf:2:33: bypass_networks: \"10.0.0.1/8\" has host bits"));
}

static void test_bypass_warnings(void)
{
	static const struct { const char *nets, *hop; guint n; const char *says; } t[] = {
		{ "127.0.0.0/8", NULL, 1, "with second_hop unset" },
		{ "0.0.0.0/0", "amzmilter-hop", 1, "127.0.0.1:10026" },
		{ "::1", "amzmilter-hop", 1, "(::1)" },
		{ "::/0", NULL, 1, "127.0.0.1:10027" },       /* one warning per network */
		{ "10.0.0.0/8, 2001:db8::/32", NULL, 0, NULL },
	};
	for (guint i = 0; i < G_N_ELEMENTS(t); i++) {
		g_autofree char *dir = tmpdir();
		g_autofree char *conf = g_build_filename(dir, "a.conf", NULL);
		g_autofree char *text = g_strdup_printf("rules = .\nbypass_networks = %s\n%s%s\n", t[i].nets,
		                                        t[i].hop ? "second_hop = " : "", t[i].hop ? t[i].hop : "");
		g_autoptr(GError) err = NULL;
		g_autoptr(Conf) c = NULL;
		g_autoptr(GPtrArray) w = NULL;

		test_write_file(dir, "a.conf", text);
		c = conf_load(conf, &err);
		g_assert_no_error(err);
		w = conf_bypass_warnings(c);
		g_assert_cmpuint(w->len, ==, t[i].n);
		if (t[i].says)
			g_assert_nonnull(strstr(w->pdata[0], t[i].says));
	}
}

/* A small rule set: ONE fires on "one", TWO on "two". */
static const char rules_text[] =
	"rule ONE\n  describe \"one\"\n  match text =~ /\\bone\\b/\n  action reject\n"
	"rule TWO\n  describe \"two\"\n  match text =~ /\\btwo\\b/\n  action reject\n"
	"rule BRAND_SENDER_NOT_APPROVED\n  describe \"not approved: {value}\"\n"
	"  match brand.sender_unapproved and from_address =~ /.+/\n  action reject\n";

static Snapshot *load(const char *dir, const char *const *files, GError **err)
{
	g_autofree char *conf = g_build_filename(dir, "a.conf", NULL);

	test_write_file(dir, "rules/a.rules", rules_text);
	test_write_file(dir, "a.conf", "rules = rules\nspool = spool\nbrands = brands.d\n");
	for (guint i = 0; files[i]; i += 2)
		test_write_file(dir, files[i], files[i + 1]);
	return snapshot_load(conf, NULL, err);
}

static Verdict *check(Snapshot *s, const char *from, const char *text, Facts **fout)
{
	Facts *f = facts_new();
	Verdict *v;

	g_free(f->from_address);
	f->from_address = g_strdup(from);
	g_string_assign(f->text, text);
	v = pipeline_evaluate(s, f);
	*fout = f;
	return v;
}

static gboolean has_hit(const Verdict *v, const char *rule)
{
	for (guint i = 0; i < v->hits->len; i++)
		if (strcmp(((const Hit *)v->hits->pdata[i])->rule, rule) == 0)
			return TRUE;
	return FALSE;
}

static void test_brands_select(void)
{
	g_autofree char *dir = tmpdir();
	static const char *const files[] = {
		"brands.d/acme.conf", "domains = acme.com, ACME.de.\nsenders = support@acme.com, *@help.acme.com, @acme.de\n",
		"brands.d/outlet.conf", "domains = outlet.acme.com\n",
		"brands.d/README", "not a brand file = really\n",
		NULL,
	};
	g_autoptr(GError) err = NULL;
	Snapshot *s = load(dir, files, &err);
	const Brand *br;

	g_assert_no_error(err);
	g_assert_nonnull(s);
	if (s == NULL)
		return;
	g_assert_cmpuint(brands_count(s->brands), ==, 2);
	br = brands_select(s->brands, "x@acme.com");
	g_assert_nonnull(br);
	g_assert_cmpstr(br->name, ==, "acme");
	g_assert_true(brands_select(s->brands, "x@Help.ACME.com") == br);   /* a subdomain */
	g_assert_true(brands_select(s->brands, "x@acme.de") == br);
	g_assert_cmpstr(brands_select(s->brands, "x@eu.outlet.acme.com")->name, ==, "outlet");  /* nearest */
	g_assert_null(brands_select(s->brands, "x@notacme.com"));
	g_assert_null(brands_select(s->brands, "x@acme.com.evil.example"));
	g_assert_null(brands_select(s->brands, ""));
	g_assert_true(brands_sender_approved(br, "Support@acme.com"));
	g_assert_true(brands_sender_approved(br, "anna@help.acme.com"));
	g_assert_true(brands_sender_approved(br, "anyone@acme.de"));
	g_assert_false(brands_sender_approved(br, "bob@acme.com"));
	g_assert_false(brands_sender_approved(br, "x@sub.help.acme.com.evil"));
	g_assert_true(brands_sender_approved(brands_select(s->brands, "x@outlet.acme.com"), "any@outlet.acme.com"));
	snapshot_release(s);
}

static void test_brands_overlay(void)
{
	g_autofree char *dir = tmpdir();
	static const char *const files[] = {
		"brands.d/acme.conf",
		"domains = acme.com\nsenders = support@acme.com\n\ndisable ONE\noverride TWO\n  action quarantine\n",
		"brands.d/zeta.conf", "domains = zeta.example\nmode = monitor\n",
		NULL,
	};
	g_autoptr(GError) err = NULL;
	Snapshot *s = load(dir, files, &err);

	g_assert_no_error(err);
	if (s == NULL)
		return;
	{
		/* the brand: ONE off, TWO held */
		Facts *f;
		g_autoptr(Verdict) v = check(s, "support@acme.com", "one two", &f);
		g_assert_false(has_hit(v, "ONE"));
		g_assert_true(has_hit(v, "TWO"));
		g_assert_cmpint(v->action, ==, ACTION_QUARANTINE);
		g_assert_cmpstr(f->brand, ==, "acme");
		facts_free(f);
	}
	{
		/* any other sender: the rules as loaded */
		Facts *f;
		g_autoptr(Verdict) v = check(s, "x@other.example", "one two", &f);
		g_assert_true(has_hit(v, "ONE"));
		g_assert_cmpint(v->action, ==, ACTION_REJECT);
		g_assert_null(f->brand);
		facts_free(f);
	}
	{
		/* not an approved sender of the brand */
		Facts *f;
		g_autoptr(Verdict) v = check(s, "bob@acme.com", "nothing", &f);
		g_assert_true(has_hit(v, "BRAND_SENDER_NOT_APPROVED"));
		g_assert_nonnull(strstr(((Hit *)v->hits->pdata[0])->message, "bob@acme.com"));
		g_assert_cmpint(pipeline_enforced(s->conf, v), ==, ACTION_REJECT);
		facts_free(f);
	}
	{
		/* a brand in monitor mode: reported, not enforced */
		Facts *f;
		g_autoptr(Verdict) v = check(s, "x@zeta.example", "one", &f);
		g_assert_cmpint(v->action, ==, ACTION_REJECT);
		g_assert_cmpint(v->would, ==, ACTION_REJECT);
		g_assert_cmpint(pipeline_enforced(s->conf, v), ==, ACTION_ACCEPT);
		g_assert_false(has_hit(v, "BRAND_SENDER_NOT_APPROVED"));   /* no senders listed */
		facts_free(f);
	}
	snapshot_release(s);
}

static void test_brands_errors(void)
{
	static const struct { const char *file, *text, *want; } t[] = {
		{ "brands.d/a.conf", "domains = a.example\ndisable NO_SUCH\n", "a.conf:2:9: unknown rule \"NO_SUCH\"" },
		{ "brands.d/a.conf", "domains = a.example\ndomain = b.example\n", "a.conf:2:1: unknown key \"domain\" (did you mean \"domains\"?)" },
		{ "brands.d/a.conf", "senders = x@a.example\n", "a.conf:1:1: brand a has no \"domains = …\" line" },
		{ "brands.d/a.conf", "domains = a.example\nmode = maybe\n", "a.conf:2:8: mode: \"maybe\" is not one of" },
		{ "brands.d/a.conf", "domains = a.example, b_c!\n", "a.conf:1:22: domains: \"b_c!\" is not a domain" },
		{ "brands.d/a.conf", "domains = a.example\nsenders = nobody\n", "a.conf:2:11: senders: \"nobody\" is not an address" },
		{ "brands.d/a.conf", "domains = a.example\nrule X\n", "a.conf:2:1: \"rule\" cannot be used here" },
		{ "brands.d/a.conf", "domains = a.example\noverride ONE\n  match text =~ /x/\n", "a.conf:3:3: override can change only" },
		{ "brands.d/a.conf", "domains = a.example\noverride TWO\n  describe \"{url}\"\n", "a.conf:3:" },
		/* the same domain in a second brand */
		{ "brands.d/b.conf", "domains = b.example, X.example\n", "b.conf:1:22: domain x.example is already brand a's (" },
	};
	for (guint i = 0; i < G_N_ELEMENTS(t); i++) {
		g_autofree char *dir = tmpdir();
		const char *files[] = { "brands.d/a.conf", "domains = x.example\n", t[i].file, t[i].text, NULL };
		g_autoptr(GError) err = NULL;
		Snapshot *s = load(dir, strcmp(t[i].file, "brands.d/a.conf") == 0 ? files + 2 : files, &err);
		g_assert_null(s);
		g_assert_nonnull(err);
		if (err && !strstr(err->message, t[i].want))
			g_test_message("case %u: %s", i, err->message);
		g_assert_true(err && strstr(err->message, t[i].want));
	}
	{
		/* brands names a directory that is not there */
		g_autofree char *dir = tmpdir();
		const char *files[] = { NULL };
		g_autoptr(GError) err = NULL;
		g_assert_null(load(dir, files, &err));
		g_assert_true(err && strstr(err->message, "brands:"));
	}
}

int main(int argc, char **argv)
{
	g_test_init(&argc, &argv, NULL);
	g_test_set_nonfatal_assertions();
	extract_init();
	g_test_add_func("/cidr/parse-and-match", test_cidr);
	g_test_add_func("/bypass/networks-and-logins", test_bypass);
	g_test_add_func("/bypass/conf-errors", test_bypass_conf_errors);
	g_test_add_func("/bypass/loopback-warnings", test_bypass_warnings);
	g_test_add_func("/brands/select-and-senders", test_brands_select);
	g_test_add_func("/brands/overlay-and-mode", test_brands_overlay);
	g_test_add_func("/brands/errors", test_brands_errors);
	return g_test_run();
}
