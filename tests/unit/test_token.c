/*
 * test_token.c - the verdict token (engine/token.c): made for one message,
 * it verifies for that message only; the key is made once and kept.
 */
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "engine/token.h"

typedef struct {
	const char *headers[8][2];
	const char *body;
	const char *rcpts[4];
} Msg;

static const Msg base = {
	{ { "From", "Shop <orders@shop.example>" }, { "To", "x@marketplace.amazon.de" },
	  { "Subject", "Order 112-4455667-8899001" }, { "Message-ID", "<a@shop.example>" },
	  { "Date", "Mon, 7 Dec 2026 10:00:00 +0000" } },
	"Hello,\r\nyour order is delayed.\r\n",
	{ "x@marketplace.amazon.de" },
};

static TokenDigest *digest(const Msg *m)
{
	TokenDigest *d = token_digest_new();
	for (guint i = 0; i < G_N_ELEMENTS(m->headers) && m->headers[i][0]; i++)
		token_digest_header(d, m->headers[i][0], m->headers[i][1]);
	/* the body in two pieces: the digest does not depend on how it is cut */
	gsize n = strlen(m->body);
	token_digest_body(d, m->body, n / 2);
	token_digest_body(d, m->body + n / 2, n - n / 2);
	return d;
}

static GPtrArray *rcpts(const Msg *m)
{
	GPtrArray *r = g_ptr_array_new();
	for (guint i = 0; i < G_N_ELEMENTS(m->rcpts) && m->rcpts[i]; i++)
		g_ptr_array_add(r, (gpointer)m->rcpts[i]);
	return r;
}

static GBytes *key_of(const char *s)
{
	return g_bytes_new(s, strlen(s));
}

/* verifies - a token made for `made` verifies for `seen` */
static gboolean verifies(const Msg *made, const Msg *seen, GBytes *k1, GBytes *k2)
{
	TokenDigest *a = digest(made), *b = digest(seen);
	GPtrArray *ra = rcpts(made), *rb = rcpts(seen);
	char *tok = token_make(a, k1, ra, "accept", 1765100000);
	char *action = NULL;
	gboolean ok = token_verify(b, k2, rb, tok, &action);

	if (ok)
		g_assert_cmpstr(action, ==, "accept");
	g_assert_true(g_str_has_prefix(tok, "v1 a=accept t=1765100000 m="));
	g_free(action);
	g_free(tok);
	token_digest_free(a);
	token_digest_free(b);
	g_ptr_array_unref(ra);
	g_ptr_array_unref(rb);
	return ok;
}

static void test_binding(void)
{
	GBytes *k = key_of("0123456789abcdef0123456789abcdef"), *other = key_of("another key of thirty-two bytes!");
	Msg m;

	g_assert_true(verifies(&base, &base, k, k));
	g_assert_false(verifies(&base, &base, k, other));

	/* what the MTA adds on the way, and folding, leave it valid */
	m = base;
	m.headers[3][1] = "<added-by-cleanup@mx.example>";
	m.headers[4][1] = "Tue, 8 Dec 2026 10:00:00 +0000";
	m.headers[5][0] = "Received";
	m.headers[5][1] = "from localhost by mx.example";
	m.headers[6][0] = "X-Amzmilter-Verdict";
	m.headers[6][1] = "accept";
	g_assert_true(verifies(&base, &m, k, k));
	m = base;
	m.headers[2][1] = "Order\r\n\t112-4455667-8899001";
	g_assert_true(verifies(&base, &m, k, k));
	m = base;
	m.rcpts[0] = "X@Marketplace.Amazon.DE";
	g_assert_true(verifies(&base, &m, k, k));

	/* anything else of the message changed: no longer valid */
	m = base;
	m.body = "Hello,\r\nleave us 5 stars.\r\n";
	g_assert_false(verifies(&base, &m, k, k));
	m = base;
	m.headers[2][1] = "Order 112-4455667-8899001 - 10% off";
	g_assert_false(verifies(&base, &m, k, k));
	m = base;
	m.headers[0][1] = "Shop <someone@else.example>";
	g_assert_false(verifies(&base, &m, k, k));
	m = base;
	m.headers[5][0] = "Reply-To";
	m.headers[5][1] = "me@shop.example";
	g_assert_false(verifies(&base, &m, k, k));
	m = base;
	m.rcpts[0] = "y@marketplace.amazon.de";
	g_assert_false(verifies(&base, &m, k, k));
	m = base;
	m.rcpts[1] = "y@marketplace.amazon.de";
	g_assert_false(verifies(&base, &m, k, k));
	g_bytes_unref(k);
	g_bytes_unref(other);
}

static void test_malformed(void)
{
	GBytes *k = key_of("0123456789abcdef0123456789abcdef");
	TokenDigest *d = digest(&base);
	GPtrArray *r = rcpts(&base);
	char *tok = token_make(d, k, r, "quarantine", 1);
	char *edited = g_strdup(tok);
	const char *bad[] = {
		"", "v1", "v2 a=accept t=1 m=00", "v1 a=accept t=1", "v1 a=accept m=00",
		"v1 a=accept t=1 m=0000000000000000000000000000000000000000000000000000000000000000",
		"v1 a=accept-and-a-very-long-action t=1 m=00",
	};
	char *action = NULL;

	g_assert_true(token_verify(d, k, r, tok, &action));
	g_assert_cmpstr(action, ==, "quarantine");
	g_free(action);
	/* the action and the time are under the MAC */
	edited[strlen("v1 a=")] = 'Q';
	g_assert_false(token_verify(d, k, r, edited, NULL));
	for (guint i = 0; i < G_N_ELEMENTS(bad); i++)
		g_assert_false(token_verify(d, k, r, bad[i], NULL));
	g_assert_false(token_verify(d, NULL, r, tok, NULL));
	g_assert_false(token_verify(d, k, r, NULL, NULL));
	g_free(tok);
	g_free(edited);
	g_ptr_array_unref(r);
	token_digest_free(d);
	g_bytes_unref(k);
}

static void test_key(void)
{
	GError *err = NULL;
	char *dir = g_dir_make_tmp("amz-token-XXXXXX", &err);
	char *path = g_build_filename(dir, "token.key", NULL);
	GBytes *a, *b;
	struct stat st;

	g_assert_no_error(err);
	a = token_key_load(path, (uid_t)-1, (gid_t)-1, &err);
	g_assert_no_error(err);
	g_assert_cmpuint(g_bytes_get_size(a), ==, 32);
	g_assert_cmpint(stat(path, &st), ==, 0);
	g_assert_cmpint(st.st_mode & 0777, ==, 0600);
	b = token_key_load(path, (uid_t)-1, (gid_t)-1, &err);
	g_assert_no_error(err);
	g_assert_true(g_bytes_equal(a, b));   /* made once, then kept */
	g_bytes_unref(b);
	g_assert_true(g_file_set_contents(path, "short", -1, NULL));
	b = token_key_load(path, (uid_t)-1, (gid_t)-1, &err);
	g_assert_null(b);
	g_assert_nonnull(err);
	g_assert_nonnull(strstr(err->message, "too short"));
	g_clear_error(&err);
	unlink(path);
	b = token_key_load(path, (uid_t)-1, (gid_t)-1, &err);
	g_assert_no_error(err);
	g_assert_false(g_bytes_equal(a, b));  /* random */
	g_bytes_unref(a);
	g_bytes_unref(b);
	unlink(path);
	rmdir(dir);
	g_free(path);
	g_free(dir);
}

int main(int argc, char **argv)
{
	g_test_init(&argc, &argv, NULL);
	g_test_add_func("/token/binding", test_binding);
	g_test_add_func("/token/malformed", test_malformed);
	g_test_add_func("/token/key", test_key);
	return g_test_run();
}
