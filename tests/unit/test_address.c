/*
 * test_address.c - envelope recipients read as an MTA routes them: every
 * form Postfix or Sendmail delivers to a relay address is a relay
 * recipient (address.c, conf_relay_market).
 */
#include <string.h>
#include <glib/gstdio.h>
#include "util/address.h"
#include "core/conf.h"

static Conf *conf;

/* Forms an MTA routes to the relay, each with the marketplace it names. */
static const struct {
	const char *addr;
	const char *market;   /* NULL: relay, no marketplace can be named */
} relay[] = {
	{ "x@marketplace.amazon.com", "com" },
	{ "<x@marketplace.amazon.de>", "de" },
	/* percent hack: the local domain strips "@...", "%" becomes "@" */
	{ "x%marketplace.amazon.com@[127.0.0.1]", "com" },
	{ "x%marketplace.amazon.co.uk@localhost", "co.uk" },
	{ "x%marketplace.amazon.com@shop.example", "com" },
	{ "x%marketplace.amazon.com", "com" },
	{ "x%y%marketplace.amazon.fr", "fr" },
	/* bang paths */
	{ "marketplace.amazon.com!x@[127.0.0.1]", "com" },
	{ "marketplace.amazon.com!x", "com" },
	{ "relay.example!marketplace.amazon.it!x", "it" },
	/* two "@": the local domain strips the last */
	{ "x@marketplace.amazon.com@[127.0.0.1]", "com" },
	{ "\"x@marketplace.amazon.com\"@[127.0.0.1]", "com" },
	{ "\"x@marketplace.amazon.es\"@localhost", "es" },
	/* source route */
	{ "@hop.example,@marketplace.amazon.com:x@hop.example", "com" },
	/* comments and white space */
	{ "x@marketplace.amazon.com (comment)", "com" },
	{ "x@(c)marketplace.amazon.com", "com" },
	{ "x@(nested (c))marketplace.amazon.com", "com" },
	{ "x@marketplace . amazon . com", "com" },
	{ "x@marketplace.amazon.com\t", "com" },
	{ " <x@marketplace.amazon.com> ", "com" },
	{ "x@MARKETPLACE.Amazon.COM.", "com" },
	/* SMTPUTF8 look-alikes: full-width letters, ideographic full stops */
	{ "x@\xef\xbd\x8d\xef\xbd\x81\xef\xbd\x92\xef\xbd\x8b\xef\xbd\x85\xef\xbd\x94\xef\xbd\x90"
	  "\xef\xbd\x8c\xef\xbd\x81\xef\xbd\x83\xef\xbd\x85.amazon.com", "com" },
	{ "x@marketplace\xe3\x80\x82" "amazon\xe3\x80\x82" "de", "de" },
	{ "x@marketplace\xef\xbc\x8e" "amazon\xef\xbd\xa1" "co.jp", "co.jp" },
	{ "x@MARKETPLACE.AMAZON.\xef\xbc\xa3\xef\xbc\xaf\xef\xbc\xad", "com" },
	/* cannot be read: checked, with no marketplace */
	{ "\"x@marketplace.amazon.com@[127.0.0.1]", NULL },
	{ "x@(marketplace.amazon.com", NULL },
	{ "x@marketplace.amazon.com)", NULL },
	{ "x@[127.0.0.1", NULL },
	{ "x@marketplace.amazon.com\r\n", NULL },
	{ "x@market\xffplace.amazon.com", NULL },
};

/* Forms that do not reach a relay address. */
static const char *const other[] = {
	"partner@fabrikam.example",
	"marketplace.amazon.com@fabrikam.example",
	"\"marketplace.amazon.com\"@fabrikam.example",
	"x@marketplace.amazon.com.evil.example",
	"x%marketplace.amazon.com.evil.example@localhost",
	"x@evilmarketplace.amazon.com",
	"x(marketplace.amazon.com)@fabrikam.example",
	"x@[127.0.0.1]",
	"x@[IPv6:::1]",
	"postmaster",
	"",
};

static void test_relay_forms(void)
{
	for (guint i = 0; i < G_N_ELEMENTS(relay); i++) {
		char *market = NULL;
		gboolean is = conf_relay_market(conf, relay[i].addr, &market);
		if (!is)
			g_test_message("not relay: %s", relay[i].addr);
		g_assert_true(is);
		g_assert_cmpstr(market, ==, relay[i].market);
		g_free(market);
	}
}

static void test_other_forms(void)
{
	for (guint i = 0; i < G_N_ELEMENTS(other); i++) {
		char *market = NULL;
		gboolean is = conf_relay_market(conf, other[i], &market);
		if (is)
			g_test_message("relay: %s", other[i]);
		g_assert_false(is);
		g_assert_null(market);
	}
}

/* the hosts themselves: order, mapping, what is not a host */
static void test_hosts(void)
{
	static const struct {
		const char *addr;
		const char *hosts;   /* space-separated */
		gboolean readable;
	} t[] = {
		{ "a@b.example", "b.example", TRUE },
		{ "a%b.example@c.example", "b.example c.example", TRUE },
		{ "b.example!c.example!a", "b.example c.example", TRUE },
		{ "@r1.example,@r2.example:a@d.example", "r1.example r2.example d.example", TRUE },
		{ "\"a b\"@D.Example..", "d.example", TRUE },
		{ "a@[IPv6:::1]", "[ipv6:::1]", TRUE },
		{ "a", "", TRUE },
		{ "a@", "", TRUE },
		{ "\"a", "", FALSE },
	};

	for (guint i = 0; i < G_N_ELEMENTS(t); i++) {
		g_autoptr(GPtrArray) hosts = g_ptr_array_new_with_free_func(g_free);
		g_autofree char *joined = NULL;
		gboolean ok = address_hosts(t[i].addr, hosts);

		g_ptr_array_add(hosts, NULL);
		joined = g_strjoinv(" ", (char **)hosts->pdata);
		g_assert_cmpint(ok, ==, t[i].readable);
		g_assert_cmpstr(joined, ==, t[i].hosts);
	}
}

/* an address past the length bound cannot be read */
static void test_long(void)
{
	g_autoptr(GPtrArray) hosts = g_ptr_array_new_with_free_func(g_free);
	g_autoptr(GString) s = g_string_new(NULL);

	while (s->len < 4096)
		g_string_append(s, "a.");
	g_string_prepend(s, "x@");
	g_assert_false(address_hosts(s->str, hosts));
	g_assert_true(conf_relay_market(conf, s->str, NULL));
}

int main(int argc, char **argv)
{
	g_autoptr(GError) err = NULL;
	g_autofree char *dir = NULL;
	g_autofree char *path = NULL;
	int rc;

	g_test_init(&argc, &argv, NULL);
	g_test_set_nonfatal_assertions();
	dir = g_dir_make_tmp("amz-test-XXXXXX", &err);
	g_assert_no_error(err);
	path = g_build_filename(dir, "t.conf", NULL);
	g_assert_true(g_file_set_contents(path, "", 0, &err));
	conf = conf_load(path, &err);
	g_assert_no_error(err);
	g_unlink(path);
	g_rmdir(dir);
	g_test_add_func("/address/relay-forms", test_relay_forms);
	g_test_add_func("/address/other-forms", test_other_forms);
	g_test_add_func("/address/hosts", test_hosts);
	g_test_add_func("/address/long", test_long);
	rc = g_test_run();
	conf_free(conf);
	return rc;
}
