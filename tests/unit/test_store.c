/*
 * test_store.c - the order store (orders/store.c, sqlite.c, redis.c) and the
 * order stage (engine/orders.c): records in and out, a newer row updates,
 * an older one does not, a review request claimed once per order even by
 * threads racing, forget and expire.  Every backend test runs on SQLite,
 * and on Redis when redis-server is installed (a private server on a unix
 * socket, started here).
 */
#include <string.h>
#include <signal.h>
#include <unistd.h>
#include <sys/wait.h>
#include "orders/store.h"
#include "engine/orders.h"

static char *tmp;
static GPid redis_pid;
static char *redis_url;

/* times as days before now: Redis expires a record order_retention_days
 * after its purchase */
#define DAYS_AGO(d) (g_get_real_time() / G_USEC_PER_SEC - (gint64)(d) * 86400)

static OrderRecord *rec(const char *id, const char *buyer, gint64 purchased, gint64 updated)
{
	OrderRecord *r = g_new0(OrderRecord, 1);
	g_assert_true(order_id_normalise(id, r->id));
	r->buyer = g_strdup(buyer);
	r->market = g_strdup("de");
	r->status = g_strdup("shipped");
	r->purchased = purchased;
	r->updated = updated;
	return r;
}

static OrderStore *open_store(const char *url)
{
	GError *err = NULL;
	OrderStore *s = order_store_open(url, 2000, &err);
	g_assert_no_error(err);
	g_assert_true(order_store_check(s, &err));
	g_assert_no_error(err);
	return s;
}

/* put_and_lookup - what goes in comes out; newer updates, older does not */
static void put_and_lookup(gconstpointer url)
{
	OrderStore *s = open_store(url);
	GError *err = NULL;
	gint64 t1 = DAYS_AGO(10), t2 = DAYS_AGO(9);
	OrderRecord *r[2] = { rec("111-0000001-0000001", "a@marketplace.amazon.de", t1, 5000),
	                      rec("D01-0000001-0000002", NULL, t2, 5000) };
	const char *ids[] = { "111-0000001-0000001", "D01-0000001-0000002", "111-0000001-0000009" };
	OrderState st[3];
	guint changed;

	g_assert_true(order_store_put(s, r, 2, &changed, &err));
	g_assert_no_error(err);
	g_assert_cmpuint(changed, ==, 2);
	g_assert_true(order_store_put(s, r, 2, &changed, &err));
	g_assert_cmpuint(changed, ==, 0);          /* the same rows again: nothing */
	g_free(r[0]->status);
	r[0]->status = g_strdup("canceled");
	r[0]->updated = 4000;                        /* older than what is stored */
	g_assert_true(order_store_put(s, r, 1, &changed, &err));
	g_assert_cmpuint(changed, ==, 0);
	r[0]->updated = 6000;
	g_free(r[0]->buyer);
	r[0]->buyer = NULL;                          /* a report without buyers keeps the buyer */
	g_assert_true(order_store_put(s, r, 1, &changed, &err));
	g_assert_cmpuint(changed, ==, 1);

	g_assert_true(order_store_lookup(s, ids, 3, NULL, st, &err));
	g_assert_no_error(err);
	g_assert_true(st[0].known);
	g_assert_cmpstr(st[0].rec.status, ==, "canceled");
	g_assert_cmpstr(st[0].rec.buyer, ==, "a@marketplace.amazon.de");
	g_assert_cmpint(st[0].rec.purchased, ==, t1);
	g_assert_true(st[1].known);
	g_assert_null(st[1].rec.buyer);
	g_assert_false(st[2].known);
	for (int i = 0; i < 3; i++)
		order_state_clear(&st[i]);

	/* forget by buyer, then by order */
	guint64 removed;
	g_assert_true(order_store_forget(s, "A@marketplace.amazon.de", &removed, &err));
	g_assert_no_error(err);
	g_assert_cmpuint(removed, ==, 1);
	g_assert_true(order_store_forget(s, "D01-0000001-0000002", &removed, &err));
	g_assert_cmpuint(removed, ==, 1);
	g_assert_true(order_store_lookup(s, ids, 2, NULL, st, &err));
	g_assert_false(st[0].known);
	g_assert_false(st[1].known);
	order_state_clear(&st[0]);
	order_state_clear(&st[1]);
	order_record_free(r[0]);
	order_record_free(r[1]);
	order_store_close(s);
}

/* claims - one review request per order: the same message again is the
 * same request, another message loses; the lookup counts others only */
static void claims(gconstpointer url)
{
	OrderStore *s = open_store(url);
	GError *err = NULL;
	const char *id = "222-0000001-0000001";
	OrderState st;
	Claim c;
	gboolean added;
	gint64 now = DAYS_AGO(0);

	g_assert_true(order_store_claim_review(s, id, "key-a", "<a@x>", now, &c, &err));
	g_assert_no_error(err);
	g_assert_cmpint(c, ==, CLAIM_WON);
	g_assert_true(order_store_claim_review(s, id, "key-a", "<a@x>", now + 1, &c, &err));
	g_assert_cmpint(c, ==, CLAIM_SAME);
	g_assert_true(order_store_claim_review(s, id, "key-b", "<b@x>", now + 2, &c, &err));
	g_assert_cmpint(c, ==, CLAIM_LOST);
	g_assert_true(order_store_lookup(s, &id, 1, "key-a", &st, &err));
	g_assert_cmpuint(st.reviews, ==, 0);        /* its own */
	order_state_clear(&st);
	g_assert_true(order_store_lookup(s, &id, 1, "key-b", &st, &err));
	g_assert_cmpuint(st.reviews, ==, 1);
	g_assert_cmpint(st.reviewed, ==, now);
	order_state_clear(&st);

	/* Amazon's button: a solicited order loses every mail request */
	g_assert_true(order_store_solicited(s, "222-0000001-0000002", now, "amazon", &added, &err));
	g_assert_true(added);
	g_assert_true(order_store_solicited(s, "222-0000001-0000002", now, "amazon", &added, &err));
	g_assert_false(added);
	g_assert_true(order_store_claim_review(s, "222-0000001-0000002", "key-a", NULL, now, &c, &err));
	g_assert_cmpint(c, ==, CLAIM_LOST);

	/* proactive messages: once per key, others counted */
	for (int i = 0; i < 3; i++)
		g_assert_true(order_store_record_proactive(s, id, i == 2 ? "key-b" : "key-a", NULL, now, &err));
	g_assert_true(order_store_lookup(s, &id, 1, "key-a", &st, &err));
	g_assert_cmpuint(st.proactive, ==, 1);
	order_state_clear(&st);
	g_assert_no_error(err);
	order_store_close(s);
}

typedef struct {
	OrderStore *s;
	char key[16];
	Claim got;
	gboolean ok;
} Racer;

static gpointer race(gpointer p)
{
	Racer *r = p;
	r->ok = order_store_claim_review(r->s, "333-0000001-0000001", r->key, NULL, DAYS_AGO(0), &r->got, NULL);
	return NULL;
}

/* racing - 16 threads, one order: exactly one wins */
static void racing(gconstpointer url)
{
	OrderStore *a = open_store(url), *b = open_store(url);   /* two milters */
	Racer r[16];
	GThread *t[16];
	guint won = 0;

	for (int i = 0; i < 16; i++) {
		r[i] = (Racer){ .s = i % 2 ? a : b };
		g_snprintf(r[i].key, sizeof r[i].key, "racer-%d", i);
		t[i] = g_thread_new("racer", race, &r[i]);
	}
	for (int i = 0; i < 16; i++) {
		g_thread_join(t[i]);
		g_assert_true(r[i].ok);
		won += r[i].got == CLAIM_WON;
	}
	g_assert_cmpuint(won, ==, 1);
	order_store_close(a);
	order_store_close(b);
}

/* meta_and_expire - last_import; expire removes old orders only */
static void meta_and_expire(gconstpointer url)
{
	OrderStore *s = open_store(url);
	GError *err = NULL;
	OrderRecord *r[2] = { rec("444-0000001-0000001", "o@marketplace.amazon.de", DAYS_AGO(100), 1000),
	                      rec("444-0000001-0000002", "n@marketplace.amazon.de", DAYS_AGO(1), 1000) };
	guint changed;
	guint64 removed;
	OrderStats st;
	gint64 last;

	g_assert_true(order_store_put(s, r, 2, &changed, &err));
	g_assert_true(order_store_meta_set(s, "last_import", "12345", &err));
	g_assert_true(order_store_last_import(s, &last, &err));
	g_assert_cmpint(last, ==, 12345);
	g_assert_true(order_store_expire(s, DAYS_AGO(50), &removed, &err));
	g_assert_no_error(err);
	g_assert_cmpuint(removed, ==, 1);
	g_assert_true(order_store_stats(s, &st, &err));
	g_assert_cmpuint(st.orders, >=, 1);
	g_assert_cmpint(st.last_import, ==, 12345);
	const char *ids[] = { "444-0000001-0000001", "444-0000001-0000002" };
	OrderState os[2];
	g_assert_true(order_store_lookup(s, ids, 2, NULL, os, &err));
	g_assert_false(os[0].known);
	g_assert_true(os[1].known);
	order_state_clear(&os[0]);
	order_state_clear(&os[1]);
	order_record_free(r[0]);
	order_record_free(r[1]);
	order_store_close(s);
}

/* down - a store that cannot be reached is an error, never a silent answer */
static void down(void)
{
	GError *err = NULL;
	OrderStore *s = order_store_open("redis+unix:/nonexistent/redis.sock", 200, &err);
	const char *id = "555-0000001-0000001";
	OrderState st;

	g_assert_no_error(err);
	g_assert_false(order_store_lookup(s, &id, 1, NULL, &st, &err));
	g_assert_nonnull(err);
	g_assert_nonnull(strstr(err->message, "cannot connect"));
	g_clear_error(&err);
	order_store_close(s);
	g_assert_null(order_store_open("mysql://x", 100, &err));
	g_assert_nonnull(err);
	g_clear_error(&err);
	s = order_store_open("sqlite:/nonexistent-dir/orders.db", 100, &err);
	g_assert_false(order_store_check(s, &err));
	g_assert_nonnull(err);
	g_clear_error(&err);
	order_store_close(s);
}

/* quoted - the order IDs of a message: distinct, bounded, word-bounded */
static void quoted(void)
{
	Facts *f = facts_new();

	g_free(f->subject);
	f->subject = g_strdup("Order 111-2222222-3333333");
	g_string_assign(f->text, "Re 111-2222222-3333333 and d01-2222222-3333334, not 9111-2222222-3333333 "
	                         "nor 111-2222222-33333335 nor 11-2222222-3333333.");
	orders_quoted(f);
	g_assert_cmpuint(f->orders->len, ==, 2);
	g_assert_cmpstr(((FactOrder *)f->orders->pdata[0])->id, ==, "111-2222222-3333333");
	g_assert_cmpstr(((FactOrder *)f->orders->pdata[1])->id, ==, "D01-2222222-3333334");
	facts_free(f);
	f = facts_new();
	for (int i = 0; i < 40; i++)
		g_string_append_printf(f->text, "111-2222222-%07d ", i);
	orders_quoted(f);
	g_assert_cmpuint(f->orders->len, ==, ORDERS_MAX);
	facts_free(f);
}

static void helpers(void)
{
	char id[ORDER_ID_LEN + 1];
	g_autofree char *m1 = order_market_of("Amazon.co.uk"), *m2 = order_market_of("A1PA6795UKMFR9"),
	                *m3 = order_market_of("x@marketplace.amazon.co.jp"), *m4 = order_market_of("Non-Amazon");

	g_assert_true(order_id_normalise(" 112-4455667-8899001 ", id));
	g_assert_cmpstr(id, ==, "112-4455667-8899001");
	g_assert_false(order_id_normalise("112-4455667-889900", id));
	g_assert_cmpstr(m1, ==, "co.uk");
	g_assert_cmpstr(m2, ==, "de");
	g_assert_cmpstr(m3, ==, "co.jp");
	g_assert_null(m4);
	g_assert_cmpint(order_time_parse("2026-11-03T10:22:01Z"), ==, 1793701321);
	g_assert_cmpint(order_time_parse("2026-11-03T11:22:01+01:00"), ==, 1793701321);
	g_assert_cmpint(order_time_parse("2026-11-03"), ==, 1793664000);
	g_assert_cmpint(order_time_parse("yesterday"), ==, 0);
}

static gboolean redis_start(void);
static void redis_stop(void);

/* restart - the server goes away between two lookups and comes back: an
 * error in between, answers before and after, on the same store */
static void restart(void)
{
	OrderStore *s = open_store(redis_url);
	GError *err = NULL;
	const char *ids[] = { "666-0000001-0000001", "666-0000001-0000002" };
	OrderState st[2];

	for (int round = 0; round < 3; round++) {
		g_assert_true(order_store_lookup(s, ids, 2, "k", st, &err));
		g_assert_no_error(err);
		order_state_clear(&st[0]);
		order_state_clear(&st[1]);
		redis_stop();
		for (int i = 0; i < 3; i++) {
			Claim c;
			g_assert_false(order_store_lookup(s, ids, 2, "k", st, &err));
			g_assert_nonnull(err);
			g_clear_error(&err);
			g_assert_false(order_store_claim_review(s, ids[0], "k", NULL, DAYS_AGO(0), &c, &err));
			g_clear_error(&err);
			g_assert_false(order_store_record_proactive(s, ids[0], "k", NULL, DAYS_AGO(0), &err));
			g_clear_error(&err);
		}
		g_assert_true(redis_start());
	}
	order_store_close(s);
}

static void redis_stop(void)
{
	if (redis_pid > 0) {
		kill(redis_pid, SIGKILL);
		waitpid(redis_pid, NULL, 0);
		redis_pid = 0;
	}
}

/* redis_start - a private redis-server on a unix socket; FALSE without one */
static gboolean redis_start(void)
{
	g_autofree char *bin = g_find_program_in_path("redis-server");
	g_autofree char *sock = g_build_filename(tmp, "redis.sock", NULL);
	unlink(sock);
	char *argv[] = { bin, "--port", "0", "--unixsocket", sock, "--save", "", "--appendonly", "no",
	                 "--dir", tmp, NULL };

	if (bin == NULL)
		return FALSE;
	if (!g_spawn_async(NULL, argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL,
	                   NULL, NULL, &redis_pid, NULL))
		return FALSE;
	for (int i = 0; i < 100 && !g_file_test(sock, G_FILE_TEST_EXISTS); i++)
		g_usleep(50000);
	if (redis_url == NULL)
		redis_url = g_strconcat("redis+unix:", sock, NULL);
	return g_file_test(sock, G_FILE_TEST_EXISTS);
}

int main(int argc, char **argv)
{
	static const struct { const char *name; GTestDataFunc fn; } cases[] = {
		{ "put-lookup", put_and_lookup }, { "claims", claims }, { "racing", racing },
		{ "meta-expire", meta_and_expire },
	};
	g_autofree char *sqlite_url = NULL;
	int rc;

	g_test_init(&argc, &argv, NULL);
	signal(SIGPIPE, SIG_IGN);   /* as the daemon: a write to a dead server is an error, not a death */
	tmp = g_dir_make_tmp("amz-store-XXXXXX", NULL);
	sqlite_url = g_strconcat("sqlite:", tmp, "/orders.db", NULL);
	for (guint i = 0; i < G_N_ELEMENTS(cases); i++) {
		g_autofree char *p = g_strdup_printf("/store/sqlite/%s", cases[i].name);
		g_test_add_data_func(p, sqlite_url, cases[i].fn);
	}
	if (redis_start()) {
		for (guint i = 0; i < G_N_ELEMENTS(cases); i++) {
			g_autofree char *p = g_strdup_printf("/store/redis/%s", cases[i].name);
			g_test_add_data_func(p, redis_url, cases[i].fn);
		}
		g_test_add_func("/store/redis/restart", restart);
	} else {
		g_printerr("# redis-server is not installed: the Redis cases are skipped\n");
	}
	g_test_add_func("/store/down", down);
	g_test_add_func("/store/quoted", quoted);
	g_test_add_func("/store/helpers", helpers);
	rc = g_test_run();
	redis_stop();
	g_autofree char *cmd = g_strdup_printf("rm -rf '%s'", tmp);
	rc |= system(cmd) != 0;
	return rc;
}
