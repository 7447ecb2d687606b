/*
 * orders_lookup.c - what an order lookup costs the milter: the store
 * filled with N orders, then M lookups as the milter makes them (one
 * message quoting 1 or 3 orders, with its key), and M review claims, each
 * timed alone.  Prints p50, p99 and max in microseconds per kind.
 *
 *   orders_lookup URL [ORDERS] [LOOKUPS]
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "orders/store.h"

static double now_us(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e6 + ts.tv_nsec / 1e3;
}

static int by_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

static void report(const char *url, const char *what, double *t, guint n)
{
	qsort(t, n, sizeof *t, by_double);
	printf("orders-lookup: %s: %s: p50 %.1f us, p99 %.1f us, max %.1f us (%u)\n", url, what,
	       t[n / 2], t[(guint)(n * 0.99)], t[n - 1], n);
}

static void id_of(guint i, char out[ORDER_ID_LEN + 1])
{
	g_snprintf(out, ORDER_ID_LEN + 1, "404-%07u-%07u", i / 1000, i % 10000000);
}

int main(int argc, char **argv)
{
	GError *err = NULL;
	OrderStore *s;
	guint n, m, batch = 5000;
	gint64 t0 = g_get_real_time() / G_USEC_PER_SEC;
	double *t;

	if (argc < 2) {
		fprintf(stderr, "usage: orders_lookup URL [ORDERS] [LOOKUPS]\n");
		return 2;
	}
	n = argc > 2 ? (guint)atoi(argv[2]) : 100000;
	m = argc > 3 ? (guint)atoi(argv[3]) : 20000;
	if ((s = order_store_open(argv[1], 5000, &err)) == NULL || !order_store_check(s, &err)) {
		fprintf(stderr, "orders_lookup: %s\n", err->message);
		return 2;
	}
	/* fill */
	OrderRecord **recs = g_new0(OrderRecord *, batch);
	for (guint i = 0; i < n; i += batch) {
		guint k = MIN(batch, n - i), changed;
		for (guint j = 0; j < k; j++) {
			recs[j] = g_new0(OrderRecord, 1);
			id_of(i + j, recs[j]->id);
			recs[j]->market = g_strdup("de");
			recs[j]->status = g_strdup("shipped");
			recs[j]->buyer = g_strdup_printf("b%u@marketplace.amazon.de", i + j);
			recs[j]->locale = g_strdup("de_DE");
			recs[j]->purchased = t0 - 10 * 86400;
			recs[j]->delivered = t0 - 5 * 86400;
			recs[j]->updated = t0;
		}
		if (!order_store_put(s, recs, k, &changed, &err)) {
			fprintf(stderr, "orders_lookup: %s\n", err->message);
			return 2;
		}
		for (guint j = 0; j < k; j++)
			order_record_free(recs[j]);
	}
	g_free(recs);

	t = g_new(double, m);
	GRand *r = g_rand_new_with_seed(1);
	for (guint per = 1; per <= 3; per += 2) {
		for (guint i = 0; i < m; i++) {
			char ids[3][ORDER_ID_LEN + 1];
			const char *p[3];
			OrderState st[3];
			for (guint j = 0; j < per; j++) {
				id_of((guint)g_rand_int_range(r, 0, (gint32)n), ids[j]);
				p[j] = ids[j];
			}
			double a = now_us();
			if (!order_store_lookup(s, p, per, "bench-key", st, &err)) {
				fprintf(stderr, "orders_lookup: %s\n", err->message);
				return 2;
			}
			t[i] = now_us() - a;
			for (guint j = 0; j < per; j++)
				order_state_clear(&st[j]);
		}
		report(argv[1], per == 1 ? "lookup, 1 order" : "lookup, 3 orders (one round trip)", t, m);
	}
	for (guint i = 0; i < m; i++) {
		char id[ORDER_ID_LEN + 1];
		Claim c;
		id_of(i, id);
		double a = now_us();
		if (!order_store_claim_review(s, id, "bench-key", "<b@x>", t0, &c, &err)) {
			fprintf(stderr, "orders_lookup: %s\n", err->message);
			return 2;
		}
		t[i] = now_us() - a;
	}
	report(argv[1], "review claim", t, m);
	g_rand_free(r);
	g_free(t);
	order_store_close(s);
	return 0;
}
