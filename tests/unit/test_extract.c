/*
 * test_extract.c - the extraction stage: raw message -> Facts content fields.
 *
 * Messages are C string literals fed through a GMime memory stream into
 * extract_stream(); facts are checked field by field, link finding and
 * normalisation table-driven.  With a corpus directory (AMZ_CORPUS, else
 * ../shared/corpus from the repository top) every *.eml, *.msg and *.txt
 * file under it is run through extraction as a no-crash test.
 */
#include <string.h>
#include "extract/base64.h"
#include "extract/charset.h"
#include "extract/dump.h"
#include "extract/extract.h"
#include "extract/fold.h"
#include "extract/redirect.h"
#include "testfiles.h"
#include "linkwords.h"

/* ---- helpers ---------------------------------------------------------- */

/* run_lim - extract one message given as a string; transfer full */
static Facts *run_lim(const char *msg, gsize len, const ExtractLimits *lim, gboolean *ok)
{
	GMimeStream *s = g_mime_stream_mem_new_with_buffer(msg, len);
	Facts *f = facts_new();
	GError *err = NULL;
	gboolean r;

	f->message_bytes = len;
	r = extract_stream(s, lim, f, &err);
	if (ok)
		*ok = r;
	g_assert_true(r || err != NULL);
	g_clear_error(&err);
	g_object_unref(s);
	return f;
}

static Facts *run(const char *msg)
{
	ExtractLimits lim;
	gboolean ok;
	Facts *f;

	test_limits(&lim);
	f = run_lim(msg, strlen(msg), &lim, &ok);
	g_assert_true(ok);
	return f;
}

/* plain - a one-part message with the given Content-Type tail, CTE and body */
static char *plain(const char *ctype, const char *cte, const char *body)
{
	return g_strdup_printf("From: seller@shop.example\n"
	                       "To: abcdefghijklmno@marketplace.amazon.com\n"
	                       "Subject: Order 112-4455667-8899001\n"
	                       "MIME-Version: 1.0\n"
	                       "Content-Type: %s\n"
	                       "Content-Transfer-Encoding: %s\n"
	                       "\n%s\n", ctype, cte, body);
}

static const FactLink *link_by_host(const Facts *f, const char *source, const char *host)
{
	for (guint i = 0; i < f->links->len; i++) {
		const FactLink *l = f->links->pdata[i];
		if (strcmp(l->host, host) == 0 && (source == NULL || strcmp(l->source, source) == 0))
			return l;
	}
	return NULL;
}

static const FactImage *image_by_src(const Facts *f, const char *prefix)
{
	for (guint i = 0; i < f->images->len; i++) {
		const FactImage *im = f->images->pdata[i];
		if (g_str_has_prefix(im->src, prefix))
			return im;
	}
	return NULL;
}

static const FactAttachment *attachment_by_name(const Facts *f, const char *name)
{
	for (guint i = 0; i < f->attachments->len; i++) {
		const FactAttachment *a = f->attachments->pdata[i];
		if (strcmp(a->name, name) == 0)
			return a;
	}
	return NULL;
}

static gboolean has_anomaly(const Facts *f, const char *prefix)
{
	for (guint i = 0; i < f->anomalies->len; i++)
		if (g_str_has_prefix(f->anomalies->pdata[i], prefix))
			return TRUE;
	return FALSE;
}

static const char *header_value(const Facts *f, const char *name)
{
	for (guint i = 0; i < f->headers->len; i++) {
		const FactHeader *h = f->headers->pdata[i];
		if (g_ascii_strcasecmp(h->name, name) == 0)
			return h->value;
	}
	return NULL;
}

/* dump_on_failure - the facts, for the log of a failing test */
static void note_facts(const Facts *f)
{
	GString *d = g_string_new(NULL);
	dump_facts(f, d);
	g_test_message("%s", d->str);
	g_string_free(d, TRUE);
}

/* ---- links in plain text, table-driven -------------------------------- */

typedef struct {
	const char *text;     /* text/plain body, UTF-8 */
	const char *host;     /* expected host, NULL: no link at all */
	const char *scheme;
	const char *domain;   /* NULL: not checked */
	const char *url;      /* NULL: not checked */
	const char *raw;      /* NULL: not checked */
} TextLinkCase;

static const TextLinkCase text_links[] = {
	{ "see https://shop.example.com/p?id=1 now", "shop.example.com", "https", "example.com",
	  "https://shop.example.com/p?id=1", NULL },
	{ "go to www.myshop.de/angebot today", "www.myshop.de", "", "myshop.de",
	  "www.myshop.de/angebot", NULL },
	{ "visit myshop.com/deals.", "myshop.com", "", "myshop.com", "myshop.com/deals", NULL },
	{ "or just myshop.com for more", "myshop.com", "", "myshop.com", NULL, NULL },
	{ "glued: clickhttps://evil.example.com/x now", "evil.example.com", "https", "example.com",
	  "https://evil.example.com/x", NULL },
	{ "dots: .....www.glued-shop.com.....", "www.glued-shop.com", "", "glued-shop.com", NULL, NULL },
	{ "file.txt, version 1.2, readme.md, setup.py, e.g. this, Thanks.Best regards", NULL, NULL, NULL, NULL, NULL },
	{ "mail me at info@myshop.com please", NULL, NULL, NULL, NULL, NULL },
	{ "hxxps://evil[.]com/x", "evil.com", "https", "evil.com", "https://evil.com/x",
	  "hxxps://evil[.]com/x" },
	{ "go to shop(dot)example(dot)com/x", "shop.example.com", "", "example.com", NULL,
	  "shop(dot)example(dot)com/x" },
	{ "go to shop [.] example [.] org now", "shop.example.org", "", NULL, NULL, NULL },
	{ "myshop dot com", "myshop.com", "", "myshop.com", NULL, NULL },
	{ "it was the dot com era", NULL, NULL, NULL, NULL, NULL },
	{ "https://amazon.com@evil.com/x", "evil.com", "https", "evil.com", "https://evil.com/x",
	  "https://amazon.com@evil.com/x" },
	{ "https://amazon.com\\@evil.com/", "amazon.com", "https", NULL, NULL, NULL },
	{ "http://3232235777/", "192.168.1.1", "http", "192.168.1.1", "http://192.168.1.1/", NULL },
	{ "http://0x7f.1/x", "127.0.0.1", "http", NULL, NULL, NULL },
	{ "HTTPS://WWW.SHOP.COM/A", "www.shop.com", "https", "shop.com", "https://www.shop.com/A",
	  NULL },
	{ "https://shop.com./x", "shop.com", "https", "shop.com", NULL, NULL },
	{ "https://b\xc3\xbc" "cher.de/", "xn--bcher-kva.de", "https", "xn--bcher-kva.de", NULL,
	  NULL },
	{ "https://a.b.shop.co.uk/x", "a.b.shop.co.uk", "https", "shop.co.uk", NULL, NULL },
	{ "write to mailto:Info@Shop.COM", "shop.com", "mailto", NULL, NULL, NULL },
	{ "http://ex%61mple.com/", "example.com", "http", NULL, NULL, NULL },
	{ "https:\\\\evil.com\\x", "evil.com", "https", NULL, NULL, NULL },
	{ "\xe8\xa9\xb3\xe7\xb4\xb0\xe3\x81\xaf" "shop.example.com/x" "\xe3\x81\xb8",
	  "shop.example.com", "", NULL, "shop.example.com/x", NULL },
	{ "(see https://shop.com/a_(b)).", "shop.com", "https", NULL, "https://shop.com/a_(b)",
	  NULL },
	{ "ftp://files.shop.net/a.zip", "files.shop.net", "ftp", "shop.net", NULL, NULL },
	{ "at 192.168.10.20/admin ok", "192.168.10.20", "", NULL, NULL, NULL },
	{ "ttps://cut.shop.com/", "cut.shop.com", "https", NULL, NULL, NULL },
	/* bare name.tld: any ICANN TLD libpsl knows ... */
	{ "see example.travel today", "example.travel", "", "example.travel", "example.travel/", NULL },
	{ "order at myshop.in or", "myshop.in", "", NULL, NULL, NULL },
	{ "write to LI4JAIZI.name", "li4jaizi.name", "", NULL, NULL, NULL },
	{ "MYSHOP.COM", "myshop.com", "", NULL, NULL, NULL },
	{ "shop.example.CoM", "shop.example.com", "", NULL, NULL, NULL },
	/* ... but not file names, glued sentences, quantities, initials, abbreviations */
	{ "readme.md, manual.zip, logo.ai, clip.mov, Decoder.pm, run.sh, invoice.pdf", NULL, NULL,
	  NULL, NULL, NULL },
	{ "Mr.Smith, e.g. this, i.e. that, v1.2, 3.5mm, at 3.am, I.am, the end.Next one", NULL, NULL,
	  NULL, NULL, NULL },
	{ "Thank you.Best regards, Shop.Team", NULL, NULL, NULL, NULL, NULL },
	{ "thank you.best regards, your order.today, all done.love it, install.run()", NULL, NULL, NULL, NULL, NULL },
	{ "go to you.best/shop", "you.best", "", NULL, "you.best/shop", NULL },
	/* file names with a path or www. are links */
	{ "get myshop.zip/manual now", "myshop.zip", "", NULL, "myshop.zip/manual", NULL },
	{ "www.readme.md", "www.readme.md", "", NULL, NULL, NULL },
	/* host names a registrar hands out */
	{ "foo-.shop.com, shop-.com, -shop.com, a_b.com, x.a_b.com", NULL, NULL, NULL, NULL, NULL },
	{ "uc_test.shop.com", "uc_test.shop.com", "", "shop.com", NULL, NULL },
	{ "\\shop.com", "shop.com", "", NULL, NULL, NULL },
	{ "C:\\dir\\setup.com", NULL, NULL, NULL, NULL, NULL },
	/* addresses are not web links; user info before a host is read as a browser does */
	{ "b@www.shop.com", NULL, NULL, NULL, NULL, NULL },
	{ "mailto://a@b@c.com, mailto:x@nottld", NULL, NULL, NULL, NULL, NULL },
	{ "www.amazon.com:help@evil.shop/p", "evil.shop", "http", "evil.shop", "http://evil.shop/p",
	  "www.amazon.com:help@evil.shop/p" },
	{ "www.shop.com: info", "www.shop.com", "", NULL, NULL, NULL },
};

static void test_text_links(void)
{
	for (gsize i = 0; i < G_N_ELEMENTS(text_links); i++) {
		const TextLinkCase *tc = &text_links[i];
		char *m = plain("text/plain; charset=utf-8", "8bit", tc->text);
		Facts *f = run(m);
		const FactLink *l;

		g_test_message("case %" G_GSIZE_FORMAT ": %s", i, tc->text);
		if (tc->host == NULL) {
			if (f->links->len != 0)
				note_facts(f);
			g_assert_cmpuint(f->links->len, ==, 0);
		} else {
			l = link_by_host(f, "text", tc->host);
			if (l == NULL)
				note_facts(f);
			g_assert_nonnull(l);
			g_assert_cmpstr(l->scheme, ==, tc->scheme);
			if (tc->domain)
				g_assert_cmpstr(l->domain, ==, tc->domain);
			if (tc->url)
				g_assert_cmpstr(l->url, ==, tc->url);
			if (tc->raw)
				g_assert_cmpstr(l->raw, ==, tc->raw);
		}
		facts_free(f);
		g_free(m);
	}
}

/* ---- links shown to people: IDN hosts in Unicode ----------------------- */

typedef struct {
	const char *text;
	const char *host;          /* as matched: punycode */
	const char *display_host;  /* as shown */
	const char *display;       /* NULL: not checked */
} DisplayCase;

static const DisplayCase display_cases[] = {
	{ "https://xn--bcher-kva.example/x", "xn--bcher-kva.example", "b\xc3\xbc" "cher.example",
	  "https://b\xc3\xbc" "cher.example/x" },
	{ "Besuchen Sie www.b\xc3\xbc" "cher.example/angebot", "www.xn--bcher-kva.example",
	  "www.b\xc3\xbc" "cher.example", "www.b\xc3\xbc" "cher.example/angebot" },
	{ "bei b\xc3\xbc" "cher.de kaufen", "xn--bcher-kva.de", "b\xc3\xbc" "cher.de", NULL },
	{ "mailto:info@xn--bcher-kva.de", "xn--bcher-kva.de", "b\xc3\xbc" "cher.de",
	  "mailto:info@b\xc3\xbc" "cher.de" },
	/* Cyrillic "\xd0\xb0" in place of "a": matched as punycode, shown as written */
	{ "https://www.\xd0\xb0mazon.com/returns", "www.xn--mazon-3ve.com",
	  "www.\xd0\xb0mazon.com", "https://www.\xd0\xb0mazon.com/returns" },
	/* ASCII and undecodable hosts are shown as they are */
	{ "https://shop.example.com/p", "shop.example.com", "shop.example.com",
	  "https://shop.example.com/p" },
	{ "http://xn--zz.com/", "xn--zz.com", "xn--zz.com", "http://xn--zz.com/" },
};

/* The word lists of link finding are data (rules/lists, through the rule
 * files' named lists), not code: what the lists hold decides what a bare
 * "name.tld" is, and which query parameter a redirector's target is in. */
static void test_link_words_are_data(void)
{
	static const char msg[] = "Subject: t\n\nOrder done.today. The file manual.zip is attached.\n";
	g_autoptr(GHashTable) done_only = g_hash_table_new(g_str_hash, g_str_equal);
	g_autoptr(GHashTable) next_only = g_hash_table_new(g_str_hash, g_str_equal);
	LinkWords mine = { 0 };
	ExtractLimits lim;
	UrlParts p;
	GPtrArray *t;
	Facts *f;

	/* the shipped lists: a sentence end and a file name, no link */
	test_limits(&lim);
	f = run_lim(msg, strlen(msg), &lim, NULL);
	g_assert_null(link_by_host(f, "text", "done.today"));
	g_assert_null(link_by_host(f, "text", "manual.zip"));
	facts_free(f);
	/* empty lists: both are read as links */
	lim.words = NULL;
	f = run_lim(msg, strlen(msg), &lim, NULL);
	g_assert_nonnull(link_by_host(f, "text", "done.today"));
	g_assert_nonnull(link_by_host(f, "text", "manual.zip"));
	facts_free(f);
	/* a list of one's own: only what it names */
	g_hash_table_add(done_only, "done");
	mine.sentence_end = done_only;
	lim.words = &mine;
	f = run_lim(msg, strlen(msg), &lim, NULL);
	g_assert_null(link_by_host(f, "text", "done.today"));
	g_assert_nonnull(link_by_host(f, "text", "manual.zip"));
	facts_free(f);
	/* redirect parameters: the shipped "url", or only "next" */
	url_normalise("https://r.example/go?next=https%3A%2F%2Fshop.example%2F&url=https%3A%2F%2Fother.example%2F", &p);
	t = redirect_targets(&p, test_link_words()->redirect_params);
	g_assert_cmpuint(t->len, ==, 1);
	g_assert_cmpstr(t->pdata[0], ==, "https://other.example/");
	g_ptr_array_unref(t);
	g_hash_table_add(next_only, "next");
	t = redirect_targets(&p, next_only);
	g_assert_cmpuint(t->len, ==, 1);
	g_assert_cmpstr(t->pdata[0], ==, "https://shop.example/");
	g_ptr_array_unref(t);
	url_normalise_clear(&p);
}

static void test_link_display(void)
{
	for (gsize i = 0; i < G_N_ELEMENTS(display_cases); i++) {
		const DisplayCase *dc = &display_cases[i];
		char *m = plain("text/plain; charset=utf-8", "8bit", dc->text);
		Facts *f = run(m);
		const FactLink *l = link_by_host(f, "text", dc->host);
		GString *d = g_string_new(NULL);

		g_test_message("case %" G_GSIZE_FORMAT ": %s", i, dc->text);
		if (l == NULL)
			note_facts(f);
		g_assert_nonnull(l);
		g_assert_cmpstr(l->display_host, ==, dc->display_host);
		if (dc->display)
			g_assert_cmpstr(l->display, ==, dc->display);
		/* matching keeps ASCII: the URL names the punycode host */
		g_assert_nonnull(strstr(l->url, dc->host));
		facts_dump_display(f, d);
		if (strcmp(dc->host, dc->display_host) == 0) {
			g_assert_cmpuint(d->len, ==, 0);
		} else {
			g_assert_nonnull(strstr(d->str, "links shown as: 1\n"));
			g_assert_nonnull(strstr(d->str, dc->display_host));
		}
		g_string_free(d, TRUE);
		facts_free(f);
		g_free(m);
	}
}

/* ---- decoding --------------------------------------------------------- */

static const char qp_msg[] =
	"From: a@b.example\n"
	"Subject: qp\n"
	"Content-Type: text/plain; charset=iso-8859-1\n"
	"Content-Transfer-Encoding: quoted-printable\n"
	"\n"
	"Gr=FC=DFe, bitte https://www.verylongshopname.com/a-very-long-path-that-=\n"
	"is-split-by-soft-breaks?x=3D1 besuchen\n";

static void check_qp(Facts *f)
{
	const FactLink *l = link_by_host(f, "text", "www.verylongshopname.com");

	g_assert_nonnull(l);
	g_assert_cmpstr(l->url, ==,
	                "https://www.verylongshopname.com/a-very-long-path-that-is-split-by-soft-breaks?x=1");
	g_assert_nonnull(strstr(f->text->str, "Gr\xc3\xbc\xc3\x9f" "e"));
	g_assert_null(strchr(f->text->str, '\r'));
}

/* from_address: the bare address of From:'s first mailbox, whatever the
 * display name says; a group's first member; "" without a From */
static void test_from_address(void)
{
	static const struct { const char *from, *want; } cases[] = {
		{ "From: \"orders@shop.example\" <x@evil.example>\n", "x@evil.example" },
		{ "From: =?UTF-8?B?U2jDtnA=?= <Orders@Shop.example>\n", "Orders@Shop.example" },
		{ "From: orders@shop.example (Shop)\n", "orders@shop.example" },
		{ "From: Team: a@one.example, b@two.example;\n", "a@one.example" },
		{ "From: a@one.example, b@two.example\n", "a@one.example" },
		{ "", "" },
	};

	for (guint i = 0; i < G_N_ELEMENTS(cases); i++) {
		g_autofree char *msg = g_strdup_printf("%sTo: x@marketplace.amazon.com\nSubject: s\n\nbody\n",
		                                       cases[i].from);
		Facts *f = run(msg);
		g_assert_cmpstr(f->from_address, ==, cases[i].want);
		facts_free(f);
	}
}

static void test_qp_soft_break(void)
{
	Facts *f = run(qp_msg);
	check_qp(f);
	facts_free(f);
}

/* crlf - the same message with CRLF line ends; transfer full */
static char *crlf(const char *m)
{
	GString *s = g_string_new(NULL);
	for (const char *p = m; *p; p++) {
		if (*p == '\n')
			g_string_append_c(s, '\r');
		g_string_append_c(s, *p);
	}
	return g_string_free(s, FALSE);
}

static void test_crlf(void)
{
	char *m = crlf(qp_msg);
	Facts *f = run(m);
	check_qp(f);
	g_assert_cmpstr(f->subject, ==, "qp");
	facts_free(f);
	g_free(m);
}

/* What a reader sees: full-width forms folded, invisible characters gone. */
static void test_fold(void)
{
	g_autofree char *m = plain("text/plain; charset=utf-8", "8bit",
	    "Use \xef\xbd\x83\xef\xbd\x8f\xef\xbd\x95\xef\xbd\x90\xef\xbd\x8f\xef\xbd\x8e "
	    "re\xe2\x80\x8bview \xef\xbc\x91\xef\xbc\x90% at \xef\xbd\x97\xef\xbd\x97\xef\xbd\x97"
	    "\xef\xbc\x8eshop\xef\xbc\x8e" "com/x \xf0\x9f\x98\x80\n");
	g_autoptr(Facts) f = run(m);

	g_assert_nonnull(strstr(f->text->str, "Use coupon review 10% at www.shop.com/x"));
	g_assert_nonnull(strstr(f->text->str, "\xf0\x9f\x98\x80"));   /* emoji kept */
	g_assert_nonnull(link_by_host(f, "text", "www.shop.com"));
}

/* A file in a part labelled text/plain is an attachment, not text. */
static void test_binary_text(void)
{
	static const char msg[] = "From: a@b.example\nSubject: x\nContent-Type: text/plain\n\nMZ\x90\x01\x02\x03\x04\x05\x06\x07\x08\x0e\x0f\x10\x11\x12 http://evil.example/\n";
	g_autoptr(Facts) f = run(msg);
	g_assert_true(has_anomaly(f, "mime:binary-text"));
	g_assert_cmpuint(f->attachments->len, ==, 1);
	g_assert_null(strstr(f->text->str, "evil.example"));
}

/* Text with a stray NUL (a template tool's bug) is still the message's text,
 * not an unnamed attachment: its words are checked, the bytes are an anomaly. */
static void test_stray_nul_text(void)
{
	static const char msg[] = "From: a@b.example\nSubject: x\nContent-Type: text/plain\n\n"
	                          "Your order\0 302-1234567-1234567 ships today: http://evil.example/\n";
	g_autoptr(GString) m = g_string_new_len(msg, sizeof msg - 1);
	gboolean ok;
	g_autoptr(Facts) f = run_lim(m->str, m->len, NULL, &ok);

	g_assert_true(ok);
	g_assert_true(has_anomaly(f, "mime:binary-text"));
	g_assert_cmpuint(f->attachments->len, ==, 0);
	g_assert_nonnull(strstr(f->text->str, "Your order 302-1234567-1234567"));
	g_assert_nonnull(strstr(f->text->str, "evil.example"));
}

/* An attachment past max_part_bytes is reported with its whole size, not the
 * part of it that was read (a reply names the size). */
static void test_part_size_past_bound(void)
{
	ExtractLimits lim;
	g_autoptr(GString) m = g_string_new("From: a@b.example\nSubject: x\nContent-Type: multipart/mixed; "
	                                    "boundary=b\n\n--b\nContent-Type: text/plain\n\nhi\n--b\n"
	                                    "Content-Type: application/pdf; name=a.pdf\n"
	                                    "Content-Transfer-Encoding: base64\n\n");
	g_autofree guchar *data = g_malloc0(50000);
	g_autofree char *b64 = NULL;
	gboolean ok;

	memcpy(data, "%PDF-1.4\n", 9);
	b64 = g_base64_encode(data, 50000);
	for (gsize i = 0, n = strlen(b64); i < n; i += 76)
		g_string_append_printf(m, "%.76s\n", b64 + i);
	g_string_append(m, "--b--\n");
	test_limits(&lim);
	lim.max_part_bytes = 4096;
	{
		g_autoptr(Facts) f = run_lim(m->str, m->len, &lim, &ok);
		const FactAttachment *a;
		g_assert_true(ok);
		g_assert_true(has_anomaly(f, "limit:part-bytes"));
		g_assert_cmpuint(f->attachments->len, ==, 1);
		a = f->attachments->pdata[0];
		g_assert_cmpuint(a->size, ==, 50000);
	}
}

/* Header count and value size are bounded, and crossing either is a fact. */
static void test_limit_headers(void)
{
	ExtractLimits lim;
	GString *m = g_string_new("From: a@b.example\nSubject: x\n");
	gboolean ok;

	test_limits(&lim);
	lim.max_headers = 20;
	lim.max_header_bytes = 300;
	for (int i = 0; i < 30; i++)
		g_string_append_printf(m, "X-Filler-%d: %d\n", i, i);
	g_string_append(m, "X-Long: ");
	for (int i = 0; i < 100; i++)
		g_string_append(m, "abcdefghij");
	g_string_append(m, "\n\nbody\n");
	{
		g_autoptr(Facts) f = run_lim(m->str, m->len, &lim, &ok);
		g_assert_true(ok);
		g_assert_true(has_anomaly(f, "limit:headers"));
		g_assert_cmpuint(f->headers->len, ==, 20);
	}
	lim.max_headers = 1000;
	{
		g_autoptr(Facts) f = run_lim(m->str, m->len, &lim, &ok);
		g_assert_true(has_anomaly(f, "limit:header-size"));
		g_assert_false(has_anomaly(f, "limit:headers"));
		g_assert_cmpuint(strlen(header_value(f, "X-Long")), <=, 300);
	}
	g_string_free(m, TRUE);
}

static void test_flowed(void)
{
	char *m = plain("text/plain; charset=utf-8; format=flowed; delsp=yes", "7bit",
	                "see https://shop.example.com/aaaa \nbbbb/cccc done");
	Facts *f = run(m);
	const FactLink *l = link_by_host(f, "text", "shop.example.com");
	g_assert_nonnull(l);
	g_assert_cmpstr(l->url, ==, "https://shop.example.com/aaaabbbb/cccc");
	facts_free(f);
	g_free(m);
}

static void test_base64_html(void)
{
	const char *html = "<html><body><p>Caf&eacute; &amp; more at "
	                   "<a href=\"https://b64.shop.com/\">our shop</a></p></body></html>";
	char *b64 = g_base64_encode((const guchar *)html, strlen(html));
	char *m = plain("text/html; charset=utf-8", "base64", b64);
	Facts *f = run(m);
	const FactLink *l = link_by_host(f, "href", "b64.shop.com");

	g_assert_nonnull(l);
	g_assert_cmpstr(l->label, ==, "our shop");
	g_assert_nonnull(strstr(f->text->str, "Caf\xc3\xa9 & more at our shop"));
	g_assert_nonnull(strstr(f->html->str, "<a href=\"https://b64.shop.com/\">"));
	facts_free(f);
	g_free(m);
	g_free(b64);
}

static void test_charset(void)
{
	/* windows-1252 curly quotes, undeclared 8-bit, and an undefined byte */
	char *m = plain("text/plain; charset=windows-1252", "8bit", "\x93quoted\x94 \x81 end");
	Facts *f = run(m);
	g_assert_true(g_utf8_validate(f->text->str, f->text->len, NULL));
	g_assert_nonnull(strstr(f->text->str, "\xe2\x80\x9cquoted\xe2\x80\x9d"));
	g_assert_nonnull(strstr(f->text->str, "\xef\xbf\xbd"));
	facts_free(f);
	g_free(m);

	m = plain("text/plain", "8bit", "caf\xe9 and \xff\xfe bytes");
	f = run(m);
	g_assert_true(g_utf8_validate(f->text->str, f->text->len, NULL));
	g_assert_nonnull(strstr(f->text->str, "caf\xc3\xa9"));
	facts_free(f);
	g_free(m);
}

/* ---- HTML ------------------------------------------------------------- */

static const char html_body[] =
	"<html><head><title>HIDDEN-TITLE</title>"
	"<style>.x { background: url('https://sheet.example.com/bg.png') }</style>"
	"<meta http-equiv=\"refresh\" content=\"5; URL='https://refresh.example.com/'\">"
	"<script>var s = 'HIDDEN-SCRIPT https://script.example.com/';</script></head>"
	"<body><p>Para one</p><p>Para two</p>"
	"<a href=\"https://track.example.net/c?u=1\">www.amazon.com</a>"
	"<img src=\"https://pix.example.net/p.gif\" width=\"1\" height=\"1\">"
	"<img src=\"https://pix2.example.net/p.png\" style=\"width: 1px; height:1px\">"
	"<img src=\"cid:logo@shop\" width=\"200\">"
	"<img src=\"data:image/png;base64,iVBORw0KGgo=\" alt=\"d\">"
	"<a href=\"https://myshop.example.org/\"><img src=\"https://cdn.example.net/logo.png\" "
	"srcset=\"https://cdn2.example.net/logo2x.png 2x, https://cdn3.example.net/l3.png 3x\"></a>"
	"<form action=\"https://form.example.net/post\"><input type=\"submit\"></form>"
	"<div style=\"background-image:url(https://bgdiv.example.net/x.jpg)\">styled</div>"
	"<table background=\"https://tbl.example.net/t.jpg\"><tr><td>cell</td></tr></table>"
	"<p>Write h&#116;tps://entity.example.com/x now</p>"
	"<area href=\"https://area.example.net/\" alt=\"map\">"
	"</body></html>";

static void test_html(void)
{
	char *m = plain("text/html; charset=utf-8", "7bit", html_body);
	Facts *f = run(m);
	const FactLink *l;
	const FactImage *im;

	note_facts(f);
	/* visible text */
	g_assert_nonnull(strstr(f->text->str, "Para one\nPara two"));
	g_assert_null(strstr(f->text->str, "HIDDEN"));
	/* href with other visible text: both are facts */
	l = link_by_host(f, "href", "track.example.net");
	g_assert_nonnull(l);
	g_assert_cmpstr(l->label, ==, "www.amazon.com");
	g_assert_nonnull(link_by_host(f, "text", "www.amazon.com"));
	/* entity-obfuscated URL in visible text */
	g_assert_nonnull(link_by_host(f, "text", "entity.example.com"));
	/* images */
	im = image_by_src(f, "https://pix.example.net/");
	g_assert_nonnull(im);
	g_assert_true(im->remote);
	g_assert_cmpint(im->width, ==, 1);
	g_assert_cmpint(im->height, ==, 1);
	g_assert_nonnull(link_by_host(f, "src", "pix.example.net"));
	im = image_by_src(f, "https://pix2.example.net/");
	g_assert_nonnull(im);
	g_assert_cmpint(im->width, ==, 1);
	g_assert_cmpint(im->height, ==, 1);
	im = image_by_src(f, "cid:");
	g_assert_nonnull(im);
	g_assert_cmpstr(im->scheme, ==, "cid");
	g_assert_false(im->remote);
	g_assert_cmpint(im->width, ==, 200);
	g_assert_cmpint(im->height, ==, -1);
	im = image_by_src(f, "data:");
	g_assert_nonnull(im);
	g_assert_cmpstr(im->src, ==, "data:image/png");
	g_assert_cmpstr(im->scheme, ==, "data");
	g_assert_false(im->remote);
	im = image_by_src(f, "https://cdn.example.net/");
	g_assert_nonnull(im);
	g_assert_true(im->linked);
	g_assert_cmpstr(im->link_host, ==, "myshop.example.org");
	g_assert_false(image_by_src(f, "https://pix.example.net/")->linked);
	/* the other link kinds */
	g_assert_nonnull(link_by_host(f, "srcset", "cdn2.example.net"));
	g_assert_nonnull(link_by_host(f, "srcset", "cdn3.example.net"));
	g_assert_nonnull(link_by_host(f, "css", "sheet.example.com"));
	g_assert_nonnull(link_by_host(f, "css", "bgdiv.example.net"));
	g_assert_nonnull(link_by_host(f, "background", "tbl.example.net"));
	g_assert_nonnull(link_by_host(f, "refresh", "refresh.example.com"));
	g_assert_nonnull(link_by_host(f, "action", "form.example.net"));
	g_assert_nonnull(link_by_host(f, "href", "area.example.net"));
	g_assert_null(link_by_host(f, NULL, "script.example.com"));
	facts_free(f);
	g_free(m);
}

static void test_html_nesting_bound(void)
{
	GString *h = g_string_new("<html><body>");
	char *m;
	Facts *f;

	for (int i = 0; i < 20000; i++)
		g_string_append(h, "<table><td><font>");
	g_string_append(h, "deep https://deep.shop.com/x");
	m = plain("text/html", "7bit", h->str);
	f = run(m);
	g_assert_true(has_anomaly(f, "limit:html-depth"));
	facts_free(f);
	g_free(m);
	g_string_free(h, TRUE);
}

/* test_html_flat_tags - tags that never nest (or that the parser closes
 * itself) are not depth, and what rawtext elements hold is not tags: a
 * thousand of each, unclosed, stay under the depth bound.  (rb, rt, rp and
 * optgroup are not here: outside <ruby> and <select> the tree builder does
 * nest them, and test_html.c checks that they count.) */
static void test_html_flat_tags(void)
{
	static const char *const flat[] = {
		"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
		"source", "track", "wbr", "keygen", "basefont", "bgsound", "frame", "image", "menuitem",
		"p", "li", "dt", "dd", "tr", "td", "th", "tbody", "thead", "tfoot", "option",
		"colgroup", "html", "head", "body",
	};
	static const char *const rawtext[] = {
		"script", "style", "textarea", "title", "xmp", "noembed", "noframes", "iframe",
	};

	for (guint i = 0; i < G_N_ELEMENTS(flat) + G_N_ELEMENTS(rawtext); i++) {
		gboolean raw = i >= G_N_ELEMENTS(flat);
		const char *name = raw ? rawtext[i - G_N_ELEMENTS(flat)] : flat[i];
		GString *h = g_string_new("<div>");
		char *m;
		Facts *f;

		if (raw)
			g_string_append_printf(h, "<%s>", name);
		for (int k = 0; k < 1000; k++)
			g_string_append_printf(h, "<%s>", raw ? "div" : name);
		if (raw)
			g_string_append_printf(h, "</%s>", name);
		g_string_append(h, "end</div>");
		m = plain("text/html", "7bit", h->str);
		f = run(m);
		if (has_anomaly(f, "limit:html-depth"))
			g_test_fail_printf("<%s> counted as depth", name);
		facts_free(f);
		g_free(m);
		g_string_free(h, TRUE);
	}
}

/* ---- headers, names, types -------------------------------------------- */

static const char pdf_bytes[] =
	"%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
	"2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n"
	"trailer\n<< /Root 1 0 R >>\n%%EOF\n";

static void test_attachments(void)
{
	guchar mz[256] = { 'M', 'Z', 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0xff, 0xff };
	char *pdf64 = g_base64_encode((const guchar *)pdf_bytes, sizeof pdf_bytes - 1);
	char *mz64, *m;
	Facts *f;
	const FactAttachment *a;

	memcpy(mz + 0x40, "PE\0\0", 4);
	mz[0x3c] = 0x40;
	mz64 = g_base64_encode(mz, sizeof mz);
	m = g_strdup_printf(
		"From: a@b.example\n"
		"Subject: =?UTF-8?B?UmVjaG51bmcgZsO8ciBJaHJlIEJlc3RlbGx1bmc=?=\n"
		"MIME-Version: 1.0\n"
		"Content-Type: multipart/mixed; boundary=\"XX\"\n"
		"\n"
		"--XX\n"
		"Content-Type: text/plain\n"
		"\n"
		"Invoice attached.\n"
		"--XX\n"
		"Content-Type: application/pdf; name=\"=?UTF-8?Q?Rechnung_f=C3=BCr_Sie.pdf?=\"\n"
		"Content-Disposition: attachment\n"
		"Content-Transfer-Encoding: base64\n"
		"\n%s\n"
		"--XX\n"
		"Content-Type: application/pdf\n"
		"Content-Disposition: attachment;\n"
		" filename*0*=UTF-8''Gebrauchs%%C3%%A4nweisung%%20;\n"
		" filename*1=\"Teil_1.pdf\"\n"
		"Content-Transfer-Encoding: base64\n"
		"\n%s\n"
		"--XX\n"
		"Content-Type: application/pdf; name=\"invoice.pdf\"\n"
		"Content-Disposition: attachment; filename=\"invoice.pdf\"\n"
		"Content-Transfer-Encoding: base64\n"
		"\n%s\n"
		"--XX\n"
		"Content-Type: image/png\n"
		"Content-ID: <logo@x>\n"
		"Content-Disposition: inline\n"
		"Content-Transfer-Encoding: base64\n"
		"\niVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==\n"
		"--XX\n"
		"Content-Type: text/plain; name=\"notes.txt\"\n"
		"Content-Disposition: attachment; filename=\"notes.txt\"\n"
		"\n"
		"attached text https://attached.shop.com/\n"
		"--XX--\n", pdf64, pdf64, mz64);
	f = run(m);
	note_facts(f);

	g_assert_cmpstr(f->subject, ==, "Rechnung f\xc3\xbcr Ihre Bestellung");
	g_assert_cmpstr(header_value(f, "Subject"), ==, "Rechnung f\xc3\xbcr Ihre Bestellung");
	g_assert_nonnull(header_value(f, "Content-Type"));
	g_assert_null(strstr(f->text->str, "Rechnung"));   /* subject is not text */

	a = attachment_by_name(f, "Rechnung f\xc3\xbcr Sie.pdf");
	g_assert_nonnull(a);
	g_assert_cmpstr(a->declared, ==, "application/pdf");
	g_assert_cmpstr(a->magic, ==, "application/pdf");
	g_assert_cmpstr(a->ext, ==, "pdf");
	g_assert_cmpuint(a->size, ==, sizeof pdf_bytes - 1);
	g_assert_false(a->is_inline);

	a = attachment_by_name(f, "Gebrauchs\xc3\xa4nweisung Teil_1.pdf");
	g_assert_nonnull(a);
	g_assert_cmpstr(a->magic, ==, "application/pdf");

	a = attachment_by_name(f, "invoice.pdf");
	g_assert_nonnull(a);
	g_assert_cmpstr(a->declared, ==, "application/pdf");
	g_assert_cmpstr(a->magic, !=, "application/pdf");
	g_assert_cmpuint(a->size, ==, sizeof mz);

	a = attachment_by_name(f, "");
	g_assert_nonnull(a);
	g_assert_cmpstr(a->magic, ==, "image/png");
	g_assert_true(a->is_inline);

	a = attachment_by_name(f, "notes.txt");
	g_assert_nonnull(a);
	g_assert_cmpstr(a->declared, ==, "text/plain");
	g_assert_null(strstr(f->text->str, "attached text"));

	/* inline image left out of the byte count */
	g_assert_cmpuint(f->attachment_bytes, ==, 2 * (sizeof pdf_bytes - 1) + sizeof mz +
	                 strlen("attached text https://attached.shop.com/"));
	g_assert_cmpuint(f->attachments->len, ==, 5);
	facts_free(f);
	g_free(m);
	g_free(pdf64);
	g_free(mz64);
}

static void test_nested_message(void)
{
	const char *m =
		"From: a@b.example\n"
		"Subject: fwd\n"
		"MIME-Version: 1.0\n"
		"Content-Type: multipart/mixed; boundary=\"out\"\n"
		"\n"
		"--out\n"
		"Content-Type: text/plain\n"
		"\n"
		"outer text\n"
		"--out\n"
		"Content-Type: message/rfc822; name=\"fwd.eml\"\n"
		"Content-Disposition: attachment; filename=\"fwd.eml\"\n"
		"\n"
		"From: c@d.example\n"
		"Subject: inner subject\n"
		"MIME-Version: 1.0\n"
		"Content-Type: multipart/mixed; boundary=\"in\"\n"
		"\n"
		"--in\n"
		"Content-Type: text/plain\n"
		"\n"
		"inner text www.inner-shop.com/deal\n"
		"--in\n"
		"Content-Type: application/octet-stream; name=\"inner.bin\"\n"
		"Content-Disposition: attachment; filename=\"inner.bin\"\n"
		"\n"
		"hello\n"
		"--in--\n"
		"--out--\n";
	Facts *f = run(m);
	const FactAttachment *a;

	note_facts(f);
	g_assert_cmpstr(f->subject, ==, "fwd");
	g_assert_nonnull(strstr(f->text->str, "outer text\n\ninner text"));
	g_assert_nonnull(link_by_host(f, "text", "www.inner-shop.com"));
	a = attachment_by_name(f, "fwd.eml");
	g_assert_nonnull(a);
	g_assert_cmpstr(a->declared, ==, "message/rfc822");
	g_assert_cmpuint(a->size, >, 100);
	a = attachment_by_name(f, "inner.bin");
	g_assert_nonnull(a);
	g_assert_cmpint(a->depth, >=, 2);
	/* the inner leaf is inside fwd.eml's own size */
	g_assert_cmpuint(f->attachment_bytes, ==, attachment_by_name(f, "fwd.eml")->size);
	g_assert_null(header_value(f, "inner subject"));
	facts_free(f);
}

/* ---- reply ------------------------------------------------------------ */

typedef struct {
	const char *extra_header;
	const char *subject;
	const char *body;
	gboolean reply;
} ReplyCase;

static const ReplyCase reply_cases[] = {
	{ "In-Reply-To: <abc@amazon.com>\n", "Re: order", "hello", TRUE },
	{ "References: <abc@amazon.com> <def@amazon.com>\n", "order", "hello", TRUE },
	{ "", "Re: order [commMgrTok:A1B2C3]", "hello", TRUE },
	{ "", "order", "hello\n[commMgrTok:A1B2C3]\n", TRUE },
	{ "", "Re: order", "hello", FALSE },
	{ "In-Reply-To: \n", "order", "hello", FALSE },
};

static void test_reply(void)
{
	for (gsize i = 0; i < G_N_ELEMENTS(reply_cases); i++) {
		const ReplyCase *rc = &reply_cases[i];
		char *m = g_strdup_printf("From: a@b.example\n%sSubject: %s\n\n%s\n", rc->extra_header,
		                          rc->subject, rc->body);
		Facts *f = run(m);
		g_test_message("reply case %" G_GSIZE_FORMAT, i);
		g_assert_cmpint(f->reply, ==, rc->reply);
		facts_free(f);
		g_free(m);
	}
}

/* ---- limits and hostile input ----------------------------------------- */

static void test_limit_depth(void)
{
	GString *m = g_string_new("From: a@b.example\nSubject: deep\nMIME-Version: 1.0\n");
	ExtractLimits lim;
	Facts *f;
	gboolean ok;
	int n = 8;

	for (int i = 0; i < n; i++)
		g_string_append_printf(m, "Content-Type: multipart/mixed; boundary=\"b%d\"\n\n--b%d\n",
		                       i, i);
	g_string_append(m, "Content-Type: text/plain\n\ndeepest text\n");
	for (int i = n - 1; i >= 0; i--)
		g_string_append_printf(m, "--b%d--\n", i);
	test_limits(&lim);
	lim.max_depth = 3;
	f = run_lim(m->str, m->len, &lim, &ok);
	g_assert_true(ok);
	g_assert_true(has_anomaly(f, "limit:depth"));
	g_assert_null(strstr(f->text->str, "deepest"));
	facts_free(f);

	test_limits(&lim);
	f = run_lim(m->str, m->len, &lim, &ok);
	g_assert_false(has_anomaly(f, "limit:depth"));
	g_assert_nonnull(strstr(f->text->str, "deepest"));
	facts_free(f);
	g_string_free(m, TRUE);
}

static void test_limit_parts(void)
{
	GString *m = g_string_new("From: a@b.example\nSubject: many\nMIME-Version: 1.0\n"
	                          "Content-Type: multipart/mixed; boundary=\"p\"\n\n");
	ExtractLimits lim;
	Facts *f;
	gboolean ok;

	for (int i = 0; i < 12; i++)
		g_string_append_printf(m, "--p\nContent-Type: application/octet-stream; name=\"f%d.bin\"\n\n"
		                       "data %d\n", i, i);
	g_string_append(m, "--p--\n");
	test_limits(&lim);
	lim.max_parts = 5;
	f = run_lim(m->str, m->len, &lim, &ok);
	g_assert_true(has_anomaly(f, "limit:parts"));
	g_assert_cmpuint(f->attachments->len, <, 5);
	facts_free(f);
	g_string_free(m, TRUE);
}

static void test_limit_links_text(void)
{
	char *m = plain("text/plain", "7bit",
	                "https://a.shop.com/ https://b.shop.com/ https://c.shop.com/ https://d.shop.com/");
	ExtractLimits lim;
	Facts *f;
	gboolean ok;

	test_limits(&lim);
	lim.max_links = 2;
	lim.max_text_bytes = 30;
	f = run_lim(m, strlen(m), &lim, &ok);
	g_assert_cmpuint(f->links->len, ==, 2);
	g_assert_true(has_anomaly(f, "limit:links"));
	g_assert_true(has_anomaly(f, "limit:text"));
	g_assert_cmpuint(f->text->len, <=, 30);
	facts_free(f);
	g_free(m);
}

static void test_broken_boundary(void)
{
	const char *m =
		"From: a@b.example\n"
		"Subject: broken\n"
		"MIME-Version: 1.0\n"
		"Content-Type: multipart/mixed; boundary=\"declared\"\n"
		"\n"
		"--other\n"
		"Content-Type: text/plain\n"
		"\n"
		"hidden https://hidden.shop.com/x\n"
		"--other--\n";
	Facts *f = run(m);
	note_facts(f);
	g_assert_true(has_anomaly(f, "mime:"));
	g_assert_nonnull(link_by_host(f, "text", "hidden.shop.com"));
	facts_free(f);

	f = run("From: a@b.example\nContent-Type: multipart/mixed\n\nno boundary www.nb.com/x\n");
	g_assert_true(has_anomaly(f, "mime:"));
	facts_free(f);
}

static void test_garbage(void)
{
	static const char *const inputs[] = {
		"", "\n", "\r\n\r\n", "\0\0\0\0", "--\n--\n", ":\n:\n", "From \n",
		"Content-Type: multipart/mixed; boundary=x\n\n--x\n--x\n--x--",
		"Content-Type: message/rfc822\n\n", "Content-Type: text/html\n\n<<<<<>>>>&#xffffffff;&#0;",
		"Content-Transfer-Encoding: base64\n\n====!!!!",
		"Content-Type: text/plain; charset=x-no-such-charset\n\nabc \xff",
		"Subject: =?utf-8?q?broken\n\n",
	};
	GRand *r = g_rand_new_with_seed(42);
	gboolean ok;
	Facts *f;

	for (gsize i = 0; i < G_N_ELEMENTS(inputs); i++) {
		gsize len = strlen(inputs[i]);
		if (i == 3)
			len = 4;
		f = run_lim(inputs[i], len, NULL, &ok);
		if (len == 0)
			g_assert_false(ok);
		facts_free(f);
	}
	for (int round = 0; round < 20; round++) {
		gsize len = g_rand_int_range(r, 1, 20000);
		guchar *buf = g_malloc(len);
		for (gsize i = 0; i < len; i++)
			buf[i] = g_rand_int_range(r, 0, 256);
		if (round % 2) /* something that looks like MIME at the start */
			memcpy(buf, "Content-Type: multipart/mixed; boundary=a\n\n--a\n",
			       MIN(len, (gsize)48));
		f = run_lim((const char *)buf, len, NULL, &ok);
		facts_free(f);
		g_free(buf);
	}
	g_rand_free(r);
}

static void test_dump(void)
{
	char *m = plain("text/html", "7bit", html_body);
	Facts *f = run(m);
	GString *d = g_string_new(NULL);

	dump_facts(f, d);
	g_assert_nonnull(strstr(d->str, "links: "));
	g_assert_nonnull(strstr(d->str, "[href] https://track.example.net/c?u=1"));
	g_assert_nonnull(strstr(d->str, "anomalies: "));
	g_string_free(d, TRUE);
	facts_free(f);
	g_free(m);
}

/* ---- threads ---------------------------------------------------------- */

static gpointer thread_body(gpointer data)
{
	const char *m = data;
	for (int i = 0; i < 30; i++) {
		Facts *f = run(m);
		g_assert_nonnull(link_by_host(f, "href", "track.example.net"));
		facts_free(f);
	}
	return NULL;
}

static void test_threads(void)
{
	char *pdf64 = g_base64_encode((const guchar *)pdf_bytes, sizeof pdf_bytes - 1);
	char *m = g_strdup_printf("From: a@b.example\nMIME-Version: 1.0\n"
	                          "Content-Type: multipart/mixed; boundary=t\n\n"
	                          "--t\nContent-Type: text/html; charset=iso-8859-1\n\n%s\n"
	                          "--t\nContent-Type: application/pdf\nContent-Transfer-Encoding: base64\n\n%s\n"
	                          "--t--\n", html_body, pdf64);
	GThread *t[8];

	for (int i = 0; i < 8; i++)
		t[i] = g_thread_new("extract", thread_body, m);
	for (int i = 0; i < 8; i++)
		g_thread_join(t[i]);
	g_free(m);
	g_free(pdf64);
}

/* ---- corpus ----------------------------------------------------------- */

static void test_corpus(void)
{
	const char *env = g_getenv("AMZ_CORPUS");
	char *dir = g_strdup(env && *env ? env : "../shared/corpus");
	GPtrArray *files = g_ptr_array_new_with_free_func(g_free);
	guint parsed = 0, refused = 0, links = 0, atts = 0, anomalous = 0;

	if (!g_file_test(dir, G_FILE_TEST_IS_DIR)) {
		g_test_skip("no corpus (set AMZ_CORPUS or provide ../shared/corpus)");
		goto out;
	}
	test_files(dir, (const char *const[]){ ".eml", ".msg", ".txt", NULL }, files, 16);
	g_ptr_array_sort(files, (GCompareFunc)g_strcmp0);
	for (guint i = 0; i < files->len; i++) {
		char *buf = NULL;
		gsize len = 0;
		gboolean ok;
		Facts *f;
		if (!g_file_get_contents(files->pdata[i], &buf, &len, NULL))
			continue;
		f = run_lim(buf, len, NULL, &ok);
		if (ok)
			parsed++;
		else
			refused++;
		links += f->links->len;
		atts += f->attachments->len;
		anomalous += f->anomalies->len > 0;
		facts_free(f);
		g_free(buf);
	}
	g_test_message("corpus %s: %u files, %u parsed, %u refused (empty), %u with anomalies, "
	               "%u links, %u attachments", dir, files->len, parsed, refused, anomalous,
	               links, atts);
	g_assert_cmpuint(parsed + refused, ==, files->len);
out:
	g_ptr_array_unref(files);
	g_free(dir);
}

static int cmp_gsize(const void *a, const void *b)
{
	gsize x = *(const gsize *)a, y = *(const gsize *)b;
	return x < y ? -1 : x > y;
}

/* b64_both - in decoded by GMime in one step and by base64_step cut
 * at the given places; the two outputs and end states must agree */
static void b64_both(const guchar *in, gsize len, const gsize *cuts, guint ncuts)
{
	guchar *want = g_malloc(len + 4), *got = g_malloc(len + 4);
	int ws = 0, gs = 0;
	guint32 wv = 0, gv = 0;
	gsize wn = g_mime_encoding_base64_decode_step(in, len, want, &ws, &wv), gn = 0, from = 0;

	for (guint i = 0; i <= ncuts; i++) {
		gsize to = i < ncuts ? MAX(cuts[i], from) : len;
		gn += base64_step(in + from, to - from, got + gn, &gs, &gv);
		from = to;
	}
	g_assert_cmpuint(gn, ==, wn);
	g_assert_cmpmem(got, gn, want, wn);
	g_assert_cmpint(gs, ==, ws);
	if (ws > 0)                      /* bits still held matter only mid-quartet */
		g_assert_cmpuint(gv & ((1u << (6 * ws)) - 1), ==, wv & ((1u << (6 * ws)) - 1));
	g_free(want);
	g_free(got);
}

/* test_base64_step - the fast decoder gives GMime's output on clean bodies,
 * CRLF bodies, and random mixes of data, padding, line ends and junk, cut
 * anywhere */
static void test_base64_step(void)
{
	static const char pool[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
	                           "====\n\n\r\n  -*\x80\xff\t.";
	static const char *const fixed[] = {
		"", "QQ==", "QUI=", "QUJD", "QUJDRA==\n", "QU\nJD\r\nRA", "QUJD=RUZH", "=QUJD",
		"QUJDRE\nVGR0g=\nSUpL", "Q\nU\nJ\nD", "QUJD\r\n\r\nREVG", "!!QUJD", "QUJD-RUZH",
	};
	GRand *r = g_rand_new_with_seed(20261127);
	GString *clean = g_string_new(NULL);
	gsize cuts[8];

	for (guint i = 0; i < G_N_ELEMENTS(fixed); i++) {
		gsize n = strlen(fixed[i]);
		for (gsize c = 0; c <= n; c++) {
			cuts[0] = c;
			b64_both((const guchar *)fixed[i], n, cuts, 1);
		}
	}
	/* an encoder's output, 76 characters a line, LF and CRLF */
	for (guint crlf = 0; crlf < 2; crlf++) {
		guchar raw[3000];
		char *enc;
		for (guint i = 0; i < sizeof raw; i++)
			raw[i] = (guchar)g_rand_int(r);
		enc = g_base64_encode(raw, sizeof raw);
		g_string_truncate(clean, 0);
		for (gsize i = 0, n = strlen(enc); i < n; i += 76) {
			g_string_append_len(clean, enc + i, MIN(n - i, 76));
			g_string_append(clean, crlf ? "\r\n" : "\n");
		}
		g_free(enc);
		cuts[0] = 77;
		cuts[1] = 1001;
		b64_both((const guchar *)clean->str, clean->len, cuts, 2);
	}
	for (guint t = 0; t < 20000; t++) {
		guchar buf[200];
		gsize n = (gsize)g_rand_int_range(r, 0, sizeof buf);
		guint ncuts = (guint)g_rand_int_range(r, 0, G_N_ELEMENTS(cuts) + 1);
		/* mostly data, so the fast path runs between the odd bytes */
		for (gsize i = 0; i < n; i++)
			buf[i] = (guchar)pool[g_rand_int_range(r, 0, g_rand_int_range(r, 0, 8) ? 64 : sizeof pool - 1)];
		for (guint i = 0; i < ncuts; i++)
			cuts[i] = (gsize)g_rand_int_range(r, 0, (gint32)n + 1);
		qsort(cuts, ncuts, sizeof cuts[0], cmp_gsize);
		b64_both(buf, n, cuts, ncuts);
	}
	g_string_free(clean, TRUE);
	g_rand_free(r);
}

/* test_base64_lines - bodies that per-line decoders split differently from
 * GMime are told from clean ones, cut anywhere */
static void test_base64_lines(void)
{
	static const struct {
		const char *body;
		gboolean ok;
	} cases[] = {
		{ "QUJD\nREVG\n", TRUE },
		{ "QUJDREVG\r\nR0hJ\r\n", TRUE },
		{ "QUJDRA==\n", TRUE },
		{ "QUJD\nRA==\n\n\n", TRUE },           /* blank lines after the end */
		{ "QUJD RA==\n", TRUE },                  /* white space inside a line */
		{ "QUJDRA\nREVG\n", FALSE },             /* a line not on a quantum, then data */
		{ "QUJDRA==\nREVG\n", FALSE },           /* data after padding */
		{ "QUJD\n\nREVG\n", FALSE },             /* data after a blank line */
		{ "QUJD*REVG\n", FALSE },                 /* a character outside the alphabet */
		{ "QUJD\x80\n", FALSE },
		{ "QUJDR\nQQ", FALSE },                   /* the last line after a broken quantum */
	};

	for (guint i = 0; i < G_N_ELEMENTS(cases); i++) {
		gsize n = strlen(cases[i].body);
		for (gsize cut = 0; cut <= n; cut++) {
			Base64Lines st = { 0 };
			gboolean ok = base64_lines((const guchar *)cases[i].body, cut, &st) &&
			              base64_lines((const guchar *)cases[i].body + cut, n - cut, &st) &&
			              base64_lines_end(&st);
			if (ok != cases[i].ok)
				g_test_message("case %u cut at %" G_GSIZE_FORMAT, i, cut);
			g_assert_cmpint(ok, ==, cases[i].ok);
		}
	}
}

/* test_redirect_targets - what a redirector link carries, and what the
 * query reader tolerates: '+' as a space, a target encoded once or twice
 * (not three times), a malformed %-escape losing its own value only, pairs
 * without '=' and empty pairs skipped, ';' as a separator, every duplicate
 * in order, keys in any case, the fragment left out, the 64th pair holding
 * the rest of the query; Proofpoint URL Defense v2 and v3 */
static void test_redirect_targets(void)
{
	static const struct {
		const char *url, *want;
	} cases[] = {
		{ "https://www.google.com/url?q=https://evil.example/x&sa=D", "https://evil.example/x" },
		{ "https://r.example/?u=https://a.example/x+y", "https://a.example/x y" },
		{ "https://r.example/?url=https%3A%2F%2Fb.example%2F", "https://b.example/" },
		{ "https://r.example/?url=https%253A%252F%252Fc.example%252F", "https://c.example/" },
		{ "https://r.example/?url=https%25253A%25252F%25252Fc.example", "" },
		{ "https://r.example/?url=https://d.example/%zz", "" },
		{ "https://r.example/?x=%zz&url=https://e.example/", "https://e.example/" },
		{ "https://r.example/?&&flag&url=https://f.example/", "https://f.example/" },
		{ "https://r.example/?u=https://g1.example/&u=https://g2.example/&U=http://g3.example/",
		  "https://g1.example/|https://g2.example/|http://g3.example/" },
		{ "https://r.example/?a=1;url=https://h.example/", "https://h.example/" },
		{ "https://www.amazon.com/gp/r.html?C=x&U=https%3A%2F%2Fi.example%2F", "https://i.example/" },
		{ "https://r.example/?url=https://j.example/#frag&u=https://j2.example/", "https://j.example/" },
		{ "https://r.example/?url=ftp://k.example/&to=javascript:alert(1)", "" },
		{ "https://r.example/?next=https://l.example/", "" },
		{ "https://r.example/?url=https://n.example/%00", "" },
		{ "https://r.example/?url=%20https://q.example/", "" },
		{ "https://r.example/path/https://s.example/", "" },
		{ "https://urldefense.proofpoint.com/v2/url?u=https-3A__o.example_a&d=x", "https://o.example/a" },
		{ "https://urldefense.com/v3/__https://p.example/a__;!!x", "https://p.example/a" },
		{ "https://urldefense.com/v3/__ftp://p2.example/a__;!!x", "" },
	};
	GString *many = g_string_new("https://r.example/?");

	for (guint i = 0; i < G_N_ELEMENTS(cases) + 1; i++) {
		GString *got = g_string_new(NULL);
		const char *url = cases[G_N_ELEMENTS(cases) > i ? i : 0].url;
		UrlParts p;
		GPtrArray *t;
		if (i == G_N_ELEMENTS(cases)) {
			for (int k = 0; k < 63; k++)
				g_string_append_printf(many, "p%d=%d&", k, k);
			g_string_append(many, "url=https://m.example/&z=1");
			url = many->str;
		}
		url_normalise(url, &p);
		t = redirect_targets(&p, test_link_words()->redirect_params);
		for (guint k = 0; k < t->len; k++)
			g_string_append_printf(got, "%s%s", k ? "|" : "", (char *)t->pdata[k]);
		if (i == G_N_ELEMENTS(cases))
			g_assert_cmpstr(got->str, ==, "https://m.example/&z=1");
		else
			g_assert_cmpstr(got->str, ==, cases[i].want);
		g_ptr_array_unref(t);
		url_normalise_clear(&p);
		g_string_free(got, TRUE);
	}
	g_string_free(many, TRUE);
}

/* test_charset_fold - decoded bytes to UTF-8 (declared, undeclared,
 * unknown and wide charsets, NUL and CR) and the folds applied to text */
static void test_charset_fold(void)
{
	static const struct {
		const char *in;
		gsize len;
		const char *charset, *want;
	} conv[] = {
		{ "caf\xc3\xa9", 5, NULL, "caf\xc3\xa9" },                  /* undeclared, valid UTF-8 */
		{ "caf\xe9", 4, NULL, "caf\xc3\xa9" },                       /* undeclared, not UTF-8: windows-1252 */
		{ "caf\xe9", 4, "iso-8859-1", "caf\xc3\xa9" },
		{ "caf\xe9", 4, "utf-8", "caf\xef\xbf\xbd" },                /* declared UTF-8, invalid byte */
		{ "\x80", 1, "x-unknown-charset", "\xe2\x82\xac" },         /* unknown: windows-1252 */
		{ "a\0b\r\nc\rd", 8, NULL, "a b\nc\nd" },                  /* NUL -> space, CRLF and CR -> LF */
		{ "a\0b\0", 4, "utf-16le", "ab" },                            /* NUL is part of a wide character */
		{ "", 0, "", "" },
	};
	static const struct {
		const char *in, *want;
	} folds[] = {
		{ "plain ascii", "plain ascii" },
		{ "\xef\xbd\x83\xef\xbd\x8f\xef\xbd\x95\xef\xbd\x90\xef\xbd\x8f\xef\xbd\x8e", "coupon" },   /* full width */
		{ "pay\xe2\x80\x8bpal", "paypal" },                        /* zero-width space */
		{ "\xef\xac\x81le", "file" },                                /* ligature */
		{ "e\xcc\x81", "\xc3\xa9" },                                  /* composed */
	};

	for (guint i = 0; i < G_N_ELEMENTS(conv); i++) {
		g_autofree char *got = charset_to_utf8((const guint8 *)conv[i].in, conv[i].len, conv[i].charset);
		g_assert_cmpstr(got, ==, conv[i].want);
	}
	for (guint i = 0; i < G_N_ELEMENTS(folds); i++) {
		g_autofree char *got = fold_text(folds[i].in, strlen(folds[i].in));
		g_assert_cmpstr(got, ==, folds[i].want);
	}
	{
		g_autofree char *a = fold_flowed("see https://x.example/a \nb and\n-- \nsig", FALSE);
		g_autofree char *b = fold_flowed("one- \ntwo", TRUE);
		g_assert_cmpstr(a, ==, "see https://x.example/a b and\n-- \nsig");
		g_assert_cmpstr(b, ==, "one-two");
	}
	g_assert_cmpuint(charset_cut("ab\xc3\xa9", 4, 3), ==, 2);   /* never inside a character */
	g_assert_cmpuint(charset_cut("ab\xc3\xa9", 4, 9), ==, 4);
}

int main(int argc, char **argv)
{
	g_test_init(&argc, &argv, NULL);
	/* a failed g_assert_*() fails its case; the cases after it still run */
	g_test_set_nonfatal_assertions();
	extract_init();

	g_test_add_func("/extract/text-links", test_text_links);
	g_test_add_func("/extract/link-display", test_link_display);
	g_test_add_func("/extract/from-address", test_from_address);
	g_test_add_func("/extract/qp-soft-break", test_qp_soft_break);
	g_test_add_func("/extract/crlf", test_crlf);
	g_test_add_func("/extract/format-flowed", test_flowed);
	g_test_add_func("/extract/fold", test_fold);
	g_test_add_func("/extract/binary-text", test_binary_text);
	g_test_add_func("/extract/stray-nul-text", test_stray_nul_text);
	g_test_add_func("/extract/part-size-past-bound", test_part_size_past_bound);
	g_test_add_func("/extract/limit-headers", test_limit_headers);
	g_test_add_func("/extract/base64-html", test_base64_html);
	g_test_add_func("/extract/base64-step", test_base64_step);
	g_test_add_func("/extract/base64-lines", test_base64_lines);
	g_test_add_func("/extract/charset-fold", test_charset_fold);
	g_test_add_func("/extract/redirect-targets", test_redirect_targets);
	g_test_add_func("/extract/link-words-are-data", test_link_words_are_data);
	g_test_add_func("/extract/charset", test_charset);
	g_test_add_func("/extract/html", test_html);
	g_test_add_func("/extract/html-nesting-bound", test_html_nesting_bound);
	g_test_add_func("/extract/html-flat-tags", test_html_flat_tags);
	g_test_add_func("/extract/attachments", test_attachments);
	g_test_add_func("/extract/nested-message", test_nested_message);
	g_test_add_func("/extract/reply", test_reply);
	g_test_add_func("/extract/limit-depth", test_limit_depth);
	g_test_add_func("/extract/limit-parts", test_limit_parts);
	g_test_add_func("/extract/limit-links-text", test_limit_links_text);
	g_test_add_func("/extract/broken-boundary", test_broken_boundary);
	g_test_add_func("/extract/garbage", test_garbage);
	g_test_add_func("/extract/dump", test_dump);
	g_test_add_func("/extract/threads", test_threads);
	g_test_add_func("/extract/corpus", test_corpus);
	return g_test_run();
}
