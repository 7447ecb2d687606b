/*
 * test_import.c - the importers (orders/import.c, report.c, spapi.c,
 * solicited.c, rows.c): files in, records, bad rows and warnings out.
 * Each case writes a small file, imports it as "in" and looks at what the
 * sink got and at the report.
 */
#include <fcntl.h>
#include <string.h>
#include <unistd.h>
#include <utime.h>
#include <glib/gstdio.h>
#include "orders/import.h"
#include "orders/rows.h"

/* What one import handed over. */
typedef struct {
	GPtrArray *recs;          /* OrderRecord copies, in the order received */
	GArray *sol;              /* SolicitedEntry */
	GArray *calls;            /* guint: records per sink call */
	GArray *positions;        /* guint64: position of each sink call */
	ImportReport rep;
	gboolean ok;
	GError *err;
	gboolean fail_sink;       /* the sink fails its second call */
} Got;

static OrderRecord *copy(const OrderRecord *r)
{
	OrderRecord *c = g_new0(OrderRecord, 1);
	*c = *r;
	c->market = g_strdup(r->market);
	c->status = g_strdup(r->status);
	c->buyer = g_strdup(r->buyer);
	c->locale = g_strdup(r->locale);
	return c;
}

static gboolean sink(OrderRecord *const *recs, guint n, guint64 position, void *data, GError **err)
{
	Got *g = data;
	if (g->fail_sink && g->calls->len == 1) {
		g_set_error(err, G_FILE_ERROR, G_FILE_ERROR_IO, "store down");
		return FALSE;
	}
	for (guint i = 0; i < n; i++)
		g_ptr_array_add(g->recs, copy(recs[i]));
	g_array_append_val(g->calls, n);
	g_array_append_val(g->positions, position);
	return TRUE;
}

static gboolean sol_sink(const SolicitedEntry *e, guint n, guint64 position, void *data, GError **err)
{
	Got *g = data;
	(void)err;
	g_array_append_vals(g->sol, e, n);
	g_array_append_val(g->calls, n);
	g_array_append_val(g->positions, position);
	return TRUE;
}

static void got_free(Got *g)
{
	g_ptr_array_unref(g->recs);
	g_array_unref(g->sol);
	g_array_unref(g->calls);
	g_array_unref(g->positions);
	order_import_report_clear(&g->rep);
	g_clear_error(&g->err);
	g_free(g);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC(Got, got_free)

/* import_with - text (len bytes, -1: a string) written to a file and
 * imported as "in"; mtime when not 0 */
static Got *import_with(const char *text, gssize len, gboolean solicited, guint64 skip,
                        gint64 mtime, gboolean fail_sink)
{
	Got *g = g_new0(Got, 1);
	char *dir = g_dir_make_tmp("amz-import-XXXXXX", NULL);
	char *path = g_build_filename(dir, "in", NULL);
	int fd;

	g_assert_true(g_file_set_contents(path, text, len, NULL));
	if (mtime) {
		struct utimbuf t = { (time_t)mtime, (time_t)mtime };
		g_assert_cmpint(utime(path, &t), ==, 0);
	}
	g->recs = g_ptr_array_new_with_free_func((GDestroyNotify)order_record_free);
	g->sol = g_array_new(FALSE, FALSE, sizeof(SolicitedEntry));
	g->calls = g_array_new(FALSE, FALSE, sizeof(guint));
	g->positions = g_array_new(FALSE, FALSE, sizeof(guint64));
	g->fail_sink = fail_sink;
	order_import_report_init(&g->rep);
	fd = open(path, O_RDONLY);
	g_assert_cmpint(fd, >=, 0);
	g->ok = solicited ? order_import_solicited_fd(fd, "in", skip, sol_sink, g, &g->rep, &g->err)
	                  : order_import_fd(fd, "in", skip, sink, g, &g->rep, &g->err);
	close(fd);
	g_unlink(path);
	g_rmdir(dir);
	g_free(path);
	g_free(dir);
	return g;
}

static Got *import_text(const char *text)
{
	return import_with(text, -1, FALSE, 0, 0, FALSE);
}

static const OrderRecord *find(Got *g, const char *id)
{
	for (guint i = 0; i < g->recs->len; i++)
		if (strcmp(((OrderRecord *)g->recs->pdata[i])->id, id) == 0)
			return g->recs->pdata[i];
	return NULL;
}

/* assert_messages - the report's bad-row messages are want (NULL-ended);
 * one ending in "*" is a prefix (json-glib's own words follow) */
static void assert_messages(Got *g, const char *const *want)
{
	guint n = 0;

	for (; want[n]; n++) {
		const char *got = n < g->rep.messages->len ? g->rep.messages->pdata[n] : "(none)";
		gsize len = strlen(want[n]);
		if (want[n][len - 1] == '*') {
			if (strncmp(got, want[n], len - 1) != 0)
				g_error("message %u: \"%s\" does not start with \"%.*s\"", n, got, (int)len - 1, want[n]);
		} else {
			g_assert_cmpstr(got, ==, want[n]);
		}
	}
	g_assert_cmpuint(g->rep.messages->len, ==, n);
}

/* messages - the report's bad-row messages, one per line */
static char *messages(Got *g)
{
	GString *s = g_string_new(NULL);
	for (guint i = 0; i < g->rep.messages->len; i++)
		g_string_append_printf(s, "%s\n", (char *)g->rep.messages->pdata[i]);
	return g_string_free(s, FALSE);
}

static gint64 utc(int y, int m, int d, int H, int M, int S)
{
	g_autoptr(GDateTime) t = g_date_time_new_utc(y, m, d, H, M, S);
	return g_date_time_to_unix(t);
}

/* Columns by name in any order and case, either name of a column. */
static void test_report_headers(void)
{
	static const char *const files[] = {
		"amazon-order-id\tpurchase-date\tlast-updated-date\torder-status\tsales-channel\tbuyer-email\n"
		"302-1234567-7654321\t2026-11-03T10:22:01+00:00\t2026-11-04T08:00:00+00:00\tShipped\tAmazon.de\tAbC@Marketplace.Amazon.de\n",
		/* another order of columns, other names, capitals, unknown columns */
		"sku\tOrder-ID\tBUYER_EMAIL\tPurchase Date\tx-unknown\tlast-updated-date\tsales-channel\torder-status\n"
		"S1\t302-1234567-7654321\tabc@marketplace.amazon.de\t2026-11-03T11:22:01+01:00\t?\t2026-11-04T08:00:00Z\tAmazon.de\tshipped\n",
		/* both names of the ID: amazon-order-id wins over order-id */
		"order-id\tamazon-order-id\tpurchase-date\tlast-updated-date\torder-status\tsales-channel\tbuyer-email\n"
		"1\t302-1234567-7654321\t2026-11-03 10:22:01 UTC\t2026-11-04T08:00:00+00:00\tShipped\tAmazon.de\tabc@marketplace.amazon.de\n",
	};
	for (guint i = 0; i < G_N_ELEMENTS(files); i++) {
		g_autoptr(Got) g = import_text(files[i]);
		const OrderRecord *r;
		g_assert_no_error(g->err);
		g_assert_true(g->ok);
		g_assert_cmpuint(g->rep.format, ==, IMPORT_FORMAT_REPORT);
		g_assert_cmpuint(g->recs->len, ==, 1);
		r = find(g, "302-1234567-7654321");
		g_assert_nonnull(r);
		g_assert_cmpint(r->purchased, ==, utc(2026, 11, 3, 10, 22, 1));
		g_assert_cmpint(r->updated, ==, utc(2026, 11, 4, 8, 0, 0));
		g_assert_cmpstr(r->status, ==, "shipped");
		g_assert_cmpstr(r->market, ==, "de");
		g_assert_cmpstr(r->buyer, ==, "abc@marketplace.amazon.de");
		g_assert_cmpuint(g->rep.bad, ==, 0);
		g_assert_cmpuint(g->rep.warnings->len, ==, 0);
	}
}

/* The other columns: ship and delivery dates, locale; "Cancelled". */
static void test_report_columns(void)
{
	g_autoptr(Got) g = import_text(
	    "amazon-order-id\tpurchase-date\tship-date\tlatest-delivery-date\tbuyer-language\torder-status\tsales-channel\tbuyer-email\n"
	    "D01-1234567-7654321\t2026-11-03\t2026-11-04T10:00:00Z\t2026-11-09T23:59:59Z\tfr-FR\tCancelled\tNon-Amazon\tx@marketplace.amazon.fr\n"
	    "d02-1234567-7654321\t2026-11-03\t\t\t\tPending\tAmazon.co.uk\t\n");
	const OrderRecord *r = find(g, "D01-1234567-7654321");

	g_assert_true(g->ok);
	g_assert_nonnull(r);
	g_assert_cmpint(r->shipped, ==, utc(2026, 11, 4, 10, 0, 0));
	g_assert_cmpint(r->delivered, ==, utc(2026, 11, 9, 23, 59, 59));
	g_assert_cmpstr(r->locale, ==, "fr_FR");
	g_assert_cmpstr(r->status, ==, "canceled");
	g_assert_cmpstr(r->market, ==, "fr");    /* not a channel: from the relay address */
	r = find(g, "D02-1234567-7654321");      /* the ID's letter in capitals */
	g_assert_nonnull(r);
	g_assert_cmpint(r->shipped, ==, 0);
	g_assert_null(r->buyer);
	g_assert_null(r->locale);
	g_assert_cmpstr(r->market, ==, "co.uk");

	/* delivery-end-date and locale are the other names */
	g_autoptr(Got) h = import_text("order-id\tdelivery-end-date\tlocale\n302-1234567-7654321\t2026-11-09\tde_de\n");
	r = find(h, "302-1234567-7654321");
	g_assert_nonnull(r);
	g_assert_cmpint(r->delivered, ==, utc(2026, 11, 9, 0, 0, 0));
	g_assert_cmpstr(r->locale, ==, "de_DE");
}

/* A byte order mark and CRLF line ends change nothing. */
static void test_report_bom_crlf(void)
{
	g_autoptr(Got) g = import_text(
	    "\xef\xbb\xbf" "order-id\tpurchase-date\tbuyer-email\r\n"
	    "302-1234567-7654321\t2026-11-03T10:22:01+00:00\tabc@marketplace.amazon.de\r\n"
	    "\r\n"
	    "302-1234567-7654322\t2026-11-03T10:22:01+00:00\tdef@marketplace.amazon.de\r\n");
	g_assert_true(g->ok);
	g_assert_cmpuint(g->recs->len, ==, 2);
	g_assert_cmpuint(g->rep.bad, ==, 0);
	g_assert_cmpstr(find(g, "302-1234567-7654322")->buyer, ==, "def@marketplace.amazon.de");
	g_assert_cmpuint(g->rep.position, ==, 4);
}

/* One line per item: an order comes once, what later rows say wins. */
static void test_report_items(void)
{
	g_autoptr(Got) g = import_text(
	    "amazon-order-id\tsku\torder-status\tbuyer-email\tlast-updated-date\n"
	    "302-1234567-7654321\tA\tPending\tabc@marketplace.amazon.de\t2026-11-03T10:00:00Z\n"
	    "302-1234567-7654322\tA\tShipped\tdef@marketplace.amazon.de\t2026-11-03T10:00:00Z\n"
	    "302-1234567-7654321\tB\tShipped\t\t2026-11-04T10:00:00Z\n");
	const OrderRecord *r = find(g, "302-1234567-7654321");

	g_assert_cmpuint(g->recs->len, ==, 2);
	g_assert_cmpstr(r->status, ==, "shipped");
	g_assert_cmpstr(r->buyer, ==, "abc@marketplace.amazon.de");   /* an empty field says nothing */
	g_assert_cmpint(r->updated, ==, utc(2026, 11, 4, 10, 0, 0));
}

/* Bad rows: reported as in:LINE, skipped; the rest goes in. */
static void test_report_bad_rows(void)
{
	g_autofree char *long_line = g_strnfill(IMPORT_MAX_LINE + 10, 'x');
	g_autofree char *text = g_strconcat(
	    "amazon-order-id\tpurchase-date\tbuyer-email\n",
	    "302-1234567-7654321\t2026-11-03\tabc@marketplace.amazon.de\n",     /* 2 */
	    "302-123456-7654321\t2026-11-03\tabc@marketplace.amazon.de\n",      /* 3: bad ID */
	    "302-1234567-7654323\t03/11/2026\tabc@marketplace.amazon.de\n",     /* 4: bad date */
	    "302-1234567-7654324\t2026-11-03\n",                                /* 5: two fields */
	    "302-1234567-7654325\t2026-11-03\tabc@marketplace.amazon.de\tx\n", /* 6: four */
	    "302-1234567-7654326\t2026-11-03\tMax M\xc3\xbcller\n",              /* 7: no address */
	    "\t2026-11-03\tabc@marketplace.amazon.de\n",                        /* 8: no ID */
	    long_line, "\n",                                                    /* 9: too long */
	    "302-1234567-7654327\t2026-11-03\t\x01@x\n",                        /* 10: control byte */
	    "302-1234567-7654328\t2026-11-03\tghi@marketplace.amazon.de\n",     /* 11 */
	    NULL);
	g_autoptr(Got) g = import_text(text);
	g_autofree char *m = messages(g);

	g_assert_true(g->ok);
	g_assert_cmpstr(m, ==,
	    "in:3: amazon-order-id: bad order ID \"302-123456-7654321\"\n"
	    "in:4: purchase-date: \"03/11/2026\" is not a date\n"
	    "in:5: 2 fields where the header has 3\n"
	    "in:6: 4 fields where the header has 3\n"
	    "in:7: buyer-email: \"Max M\xc3\xbcller\" is not an address\n"
	    "in:8: amazon-order-id: no order ID\n"
	    "in:9: a line longer than 65536 bytes\n"
	    "in:10: buyer-email: \"\\x01@x\" is not an address\n");
	g_assert_cmpuint(g->rep.bad, ==, 8);
	g_assert_cmpuint(g->recs->len, ==, 2);
	g_assert_nonnull(find(g, "302-1234567-7654321"));
	g_assert_nonnull(find(g, "302-1234567-7654328"));
	g_assert_cmpuint(g->rep.position, ==, 11);
}

/* Files that are no order report, and one without buyers. */
static void test_report_whole_file(void)
{
	g_autoptr(Got) none = import_text("purchase-date\tbuyer-email\n2026-11-03\tabc@marketplace.amazon.de\n");
	g_autoptr(Got) nobuyer = import_text("amazon-order-id\tpurchase-date\n302-1234567-7654321\t2026-11-03\n");
	g_autoptr(Got) empty = import_text("");

	g_assert_false(none->ok);
	g_assert_error(none->err, IMPORT_ERROR, 1);
	g_assert_true(g_str_has_prefix(none->err->message, "in:1: no amazon-order-id or order-id column"));
	g_assert_true(nobuyer->ok);
	g_assert_cmpuint(nobuyer->recs->len, ==, 1);
	g_assert_cmpuint(nobuyer->rep.warnings->len, ==, 1);
	g_assert_cmpstr(nobuyer->rep.warnings->pdata[0], ==,
	    "in: warning: no buyer-email column: ORDER_OTHER_BUYER cannot work for the orders of this file");
	g_assert_true(empty->ok);
	g_assert_cmpuint(empty->recs->len, ==, 0);
}

/* Without a date of last change a row is as new as its file. */
static void test_report_mtime(void)
{
	gint64 t = utc(2026, 10, 1, 12, 0, 0);
	g_autoptr(Got) g = import_with("order-id\tpurchase-date\n302-1234567-7654321\t2026-09-03\n", -1,
	                               FALSE, 0, t, FALSE);
	g_assert_cmpint(find(g, "302-1234567-7654321")->updated, ==, t);
}

/* Batches of IMPORT_BATCH; a resumed import skips what a position covers;
 * a failing sink stops the import, the position where the last batch in
 * left it. */
static void test_batches(void)
{
	GString *s = g_string_new("amazon-order-id\tpurchase-date\n");
	guint n = 2 * IMPORT_BATCH + 2000;

	for (guint i = 0; i < n; i++)
		g_string_append_printf(s, "302-%07u-0000001\t2026-11-03\n", i);
	{
		g_autoptr(Got) g = import_with(s->str, (gssize)s->len, FALSE, 0, 0, FALSE);
		g_assert_cmpuint(g->calls->len, ==, 3);
		g_assert_cmpuint(g_array_index(g->calls, guint, 0), ==, IMPORT_BATCH);
		g_assert_cmpuint(g_array_index(g->calls, guint, 2), ==, 2000);
		/* the header is line 1: the first batch ends on line IMPORT_BATCH + 1 */
		g_assert_cmpuint(g_array_index(g->positions, guint64, 0), ==, IMPORT_BATCH + 1);
		g_assert_cmpuint(g_array_index(g->positions, guint64, 2), ==, n + 1);
		g_assert_cmpuint(g->rep.records, ==, n);
	}
	{
		/* the items of the order that fills a batch stay in it */
		GString *t = g_string_new("amazon-order-id\tsku\n");
		for (guint i = 0; i < IMPORT_BATCH + 10; i++)
			for (guint k = 0; k < (i == IMPORT_BATCH - 1 ? 3u : 1u); k++)
				g_string_append_printf(t, "302-%07u-0000001\tS%u\n", i, k);
		g_autoptr(Got) g = import_with(t->str, (gssize)t->len, FALSE, 0, 0, FALSE);
		g_assert_cmpuint(g->calls->len, ==, 2);
		g_assert_cmpuint(g_array_index(g->calls, guint, 0), ==, IMPORT_BATCH);
		g_assert_cmpuint(g_array_index(g->calls, guint, 1), ==, 10);
		g_assert_cmpuint(g_array_index(g->positions, guint64, 0), ==, IMPORT_BATCH + 3);
		g_string_free(t, TRUE);
	}
	{
		g_autoptr(Got) g = import_with(s->str, (gssize)s->len, FALSE, IMPORT_BATCH + 1, 0, FALSE);
		g_assert_cmpuint(g->recs->len, ==, n - IMPORT_BATCH);
		g_autofree char *first = g_strdup_printf("302-%07u-0000001", IMPORT_BATCH);
		g_assert_cmpstr(((OrderRecord *)g->recs->pdata[0])->id, ==, first);
	}
	{
		g_autoptr(Got) g = import_with(s->str, (gssize)s->len, FALSE, 0, 0, TRUE);
		g_assert_false(g->ok);
		g_assert_error(g->err, G_FILE_ERROR, G_FILE_ERROR_IO);
		g_assert_cmpuint(g->rep.position, ==, IMPORT_BATCH + 1);
		g_assert_cmpuint(g->rep.records, ==, IMPORT_BATCH);
	}
	g_string_free(s, TRUE);
}

static const char order_de[] =
	"{\"AmazonOrderId\":\"302-1234567-7654321\",\"PurchaseDate\":\"2026-11-03T10:22:01Z\","
	"\"LastUpdateDate\":\"2026-11-04T08:00:00Z\",\"OrderStatus\":\"Shipped\","
	"\"MarketplaceId\":\"A1PA6795UKMFR9\",\"EarliestShipDate\":\"2026-11-03T12:00:00Z\","
	"\"LatestShipDate\":\"2026-11-04T23:59:59Z\",\"LatestDeliveryDate\":\"2026-11-08T23:59:59Z\","
	"\"BuyerInfo\":{\"BuyerEmail\":\"Q1W2E3R4T5Y6U7I@marketplace.amazon.de\"}}";

/* getOrders in all its wrappings, one document or JSON Lines. */
static void test_spapi_orders(void)
{
	g_autofree char *page = g_strdup_printf("{\"payload\":{\"Orders\":[%s],\"NextToken\":\"x\"}}", order_de);
	g_autofree char *bare = g_strdup_printf("{\"Orders\":[%s]}", order_de);
	g_autofree char *array = g_strdup_printf("\n  [\n%s\n]\n", order_de);
	g_autofree char *one = g_strdup_printf("%s\n", order_de);
	g_autofree char *pretty = g_strdup_printf("{\n \"payload\": {\n  \"Orders\": [\n   %s\n  ]\n }\n}\n", order_de);
	const char *texts[] = { page, bare, array, one, pretty };
	const ImportFormat formats[] = {
		IMPORT_FORMAT_JSON_LINES, IMPORT_FORMAT_JSON_LINES, IMPORT_FORMAT_JSON,
		IMPORT_FORMAT_JSON_LINES, IMPORT_FORMAT_JSON,
	};

	for (guint i = 0; i < G_N_ELEMENTS(texts); i++) {
		g_autoptr(Got) g = import_text(texts[i]);
		const OrderRecord *r = find(g, "302-1234567-7654321");
		g_assert_no_error(g->err);
		g_assert_cmpuint(g->rep.format, ==, formats[i]);
		g_assert_nonnull(r);
		g_assert_cmpuint(g->recs->len, ==, 1);
		g_assert_cmpint(r->purchased, ==, utc(2026, 11, 3, 10, 22, 1));
		g_assert_cmpint(r->updated, ==, utc(2026, 11, 4, 8, 0, 0));
		g_assert_cmpint(r->shipped, ==, utc(2026, 11, 4, 23, 59, 59));   /* the latest */
		g_assert_cmpint(r->delivered, ==, utc(2026, 11, 8, 23, 59, 59));
		g_assert_cmpstr(r->status, ==, "shipped");
		g_assert_cmpstr(r->market, ==, "de");
		g_assert_cmpstr(r->buyer, ==, "q1w2e3r4t5y6u7i@marketplace.amazon.de");
		g_assert_null(r->locale);
	}
}

/* Bad entries: by line in JSON Lines, by the line of their "{" in a document. */
static void test_spapi_bad(void)
{
	g_autoptr(Got) lines = import_text(
	    "{\"AmazonOrderId\":\"302-1234567-7654321\",\"SalesChannel\":\"Amazon.it\"}\n"
	    "{\"AmazonOrderId\":\"302-1234567\"}\n"
	    "\n"
	    "{\"AmazonOrderId\":\"302-1234567-7654323\",\"PurchaseDate\":\"tomorrow\"}\n"
	    "{\"AmazonOrderId\":\"302-1234567-7654324\",\n"
	    "[1]\n"
	    "{\"Foo\":1}\n"
	    "{\"errors\":[{\"code\":\"QuotaExceeded\",\"message\":\"You exceeded your quota\"}]}\n"
	    "{\"AmazonOrderId\":\"302-1234567-7654325\",\"BuyerInfo\":{\"BuyerEmail\":\"a b@c\"}}\n"
	    "{\"AmazonOrderId\":\"302-1234567-7654326\"}\n");
	g_autoptr(Got) doc = import_text(
	    "[\n"
	    "  {\"AmazonOrderId\": \"302-1234567-7654321\"},\n"
	    "  {\n"
	    "    \"AmazonOrderId\": \"bad\",\n"
	    "    \"BuyerInfo\": {\"BuyerEmail\": \"x@marketplace.amazon.de\"}\n"
	    "  },\n"
	    "  {\"AmazonOrderId\": \"302-1234567-7654323\", \"LatestDeliveryDate\": \"soon\"}\n"
	    "]\n");
	g_autofree char *dm = messages(doc);
	g_autoptr(Got) broken = import_text("[\n {\"AmazonOrderId\": 1,\n]\n");

	static const char *const want[] = {
		"in:2: AmazonOrderId: bad order ID \"302-1234567\"",
		"in:4: PurchaseDate: \"tomorrow\" is not a date",
		"in:5: not JSON: Parse error: *",
		"in:6: not a JSON object",
		"in:7: neither an order (AmazonOrderId) nor a getAttributes result (amazonOrderId)",
		"in:8: an error response from the API: QuotaExceeded: You exceeded your quota",
		"in:9: BuyerInfo.BuyerEmail: \"a b@c\" is not an address",
		NULL,
	};

	g_assert_true(lines->ok);
	assert_messages(lines, want);
	g_assert_cmpuint(lines->recs->len, ==, 2);
	g_assert_cmpstr(find(lines, "302-1234567-7654321")->market, ==, "it");
	g_assert_true(doc->ok);
	g_assert_cmpstr(dm, ==,
	    "in:3: AmazonOrderId: bad order ID \"bad\"\n"
	    "in:7: LatestDeliveryDate: \"soon\" is not a date\n");
	g_assert_cmpuint(doc->recs->len, ==, 1);
	g_assert_cmpuint(doc->rep.position, ==, 3);   /* entries of a document */
	g_assert_false(broken->ok);
	g_assert_true(g_str_has_prefix(broken->err->message, "in:2: not JSON: "));
}

/* getAttributes results: the locale only, normalised. */
static void test_spapi_attributes(void)
{
	g_autoptr(Got) g = import_text(
	    "{\"amazonOrderId\":\"302-1234567-7654321\",\"payload\":{\"buyer\":{\"locale\":\"de-DE\"}}}\n"
	    "{\"amazonOrderId\":\"302-1234567-7654322\",\"buyer\":{\"locale\":\"en_gb\"}}\n"
	    "[{\"amazonOrderId\":\"302-1234567-7654323\",\"payload\":{\"buyer\":{\"locale\":\"ja-JP\"}}},"
	    " {\"amazonOrderId\":\"302-1234567-7654324\",\"payload\":{\"buyer\":{\"locale\":\"Deutsch\"}}}]\n"
	    "{\"amazonOrderId\":\"302-1234567-7654325\",\"payload\":{\"buyer\":{}}}\n");
	g_autofree char *m = messages(g);
	const OrderRecord *r = find(g, "302-1234567-7654321");

	g_assert_true(g->ok);
	g_assert_cmpuint(g->recs->len, ==, 3);
	g_assert_cmpstr(r->locale, ==, "de_DE");
	g_assert_cmpint(r->updated, ==, 0);   /* says nothing of when the order changed */
	g_assert_null(r->market);
	g_assert_null(r->status);
	g_assert_cmpint(r->purchased, ==, 0);
	g_assert_cmpstr(find(g, "302-1234567-7654322")->locale, ==, "en_GB");
	g_assert_cmpstr(find(g, "302-1234567-7654323")->locale, ==, "ja_JP");
	g_assert_cmpstr(m, ==,
	    "in:3: buyer.locale: \"Deutsch\" is not a locale like de-DE\n"
	    "in:4: no payload.buyer.locale (nor buyer.locale)\n");
}

static void test_locales(void)
{
	static const struct { const char *in, *out; } cases[] = {
		{ "de-DE", "de_DE" }, { "de_de", "de_DE" }, { " fr ", "fr" }, { "EN-us", "en_US" },
		{ "zh-Hans-CN", "zh_CN" }, { "es-419", "es_419" }, { "de_DE.UTF-8", "de_DE" },
		{ "sr_RS@latin", "sr_RS" }, { "fil-PH", "fil_PH" },
		{ "German", NULL }, { "d", NULL }, { "", NULL }, { "de-DE-1996", NULL },
		{ "zh-Hans", NULL }, { "de-D", NULL }, { "1e-DE", NULL }, { "de--DE", NULL },
	};
	for (guint i = 0; i < G_N_ELEMENTS(cases); i++) {
		g_autofree char *got = rows_locale(cases[i].in);
		g_assert_cmpstr(got, ==, cases[i].out);
	}
}

/* Lists of orders asked for a review: text and JSON. */
static void test_solicited(void)
{
	g_autoptr(Got) text = import_with(
	    "# asked through Request a Review\n"
	    "\n"
	    "302-1234567-7654321\n"
	    "302-1234567-7654322\t2026-11-20T10:00:00Z\n"
	    "  302-1234567-7654323   2026-11-21   # by hand\n"
	    "302-1234567-7654324 2026-11-22 10:00:00 UTC\n"
	    "302-1234567-765432\n"
	    "302-1234567-7654326 next week\n"
	    "302-1234567-7654327 2026-11-22T10:00:00Z extra\n", -1, TRUE, 0, 0, FALSE);
	g_autofree char *m = messages(text);
	g_autoptr(Got) json = import_with(
	    "[{\"amazonOrderId\":\"302-1234567-7654321\",\"date\":\"2026-11-20T10:00:00Z\"},\n"
	    " {\"amazonOrderId\":\"302-1234567-7654322\"},\n"
	    " {\"amazonOrderId\":\"302-1234567-7654323\",\"date\":\"?\"},\n"
	    " {\"orderId\":\"302-1234567-7654324\"}]\n", -1, TRUE, 0, 0, FALSE);
	g_autofree char *jm = messages(json);
	g_autoptr(Got) report = import_with("amazon-order-id\tpurchase-date\n302-1234567-7654321\t2026-11-03\n",
	                                    -1, TRUE, 0, 0, FALSE);

	g_assert_true(text->ok);
	g_assert_cmpuint(text->rep.format, ==, IMPORT_FORMAT_LIST);
	g_assert_cmpuint(text->sol->len, ==, 4);
	g_assert_cmpstr(g_array_index(text->sol, SolicitedEntry, 0).id, ==, "302-1234567-7654321");
	g_assert_cmpint(g_array_index(text->sol, SolicitedEntry, 0).at, ==, 0);
	g_assert_cmpint(g_array_index(text->sol, SolicitedEntry, 1).at, ==, utc(2026, 11, 20, 10, 0, 0));
	g_assert_cmpint(g_array_index(text->sol, SolicitedEntry, 2).at, ==, utc(2026, 11, 21, 0, 0, 0));
	g_assert_cmpint(g_array_index(text->sol, SolicitedEntry, 3).at, ==, utc(2026, 11, 22, 10, 0, 0));
	g_assert_cmpstr(m, ==,
	    "in:7: bad order ID \"302-1234567-765432\"\n"
	    "in:8: \"next week\" is not a date (a line is: ORDER-ID [DATE])\n"
	    "in:9: \"2026-11-22T10:00:00Z extra\" is not a date (a line is: ORDER-ID [DATE])\n");
	g_assert_true(json->ok);
	g_assert_cmpuint(json->sol->len, ==, 2);
	g_assert_cmpint(g_array_index(json->sol, SolicitedEntry, 0).at, ==, utc(2026, 11, 20, 10, 0, 0));
	g_assert_cmpint(g_array_index(json->sol, SolicitedEntry, 1).at, ==, 0);
	g_assert_cmpstr(jm, ==,
	    "in:3: date: \"?\" is not a date\n"
	    "in:4: no amazonOrderId\n");
	g_assert_false(report->ok);
	g_assert_true(g_str_has_prefix(report->err->message, "in:1: an order report, not a list"));
}

/* The line reader: lines across buffer refills, no \n at the end. */
static void test_reader(void)
{
	GString *s = g_string_new("order-id\tpurchase-date\n");
	g_autoptr(Got) g = NULL;

	/* lines of every length around the read chunk */
	for (guint i = 0; i < 3000; i++) {
		g_autofree char *pad = g_strnfill(i % 97, ' ');
		g_string_append_printf(s, "302-%07u-0000001\t%s2026-11-03%s\n", i, pad, pad);
	}
	g_string_append(s, "302-9999999-0000001\t2026-11-04");   /* no \n */
	g = import_with(s->str, (gssize)s->len, FALSE, 0, 0, FALSE);
	g_assert_cmpuint(g->rep.bad, ==, 0);
	g_assert_cmpuint(g->recs->len, ==, 3001);
	g_assert_cmpint(find(g, "302-9999999-0000001")->purchased, ==, utc(2026, 11, 4, 0, 0, 0));
	g_string_free(s, TRUE);
}

int main(int argc, char **argv)
{
	g_test_init(&argc, &argv, NULL);
	g_test_add_func("/import/report/headers", test_report_headers);
	g_test_add_func("/import/report/columns", test_report_columns);
	g_test_add_func("/import/report/bom-crlf", test_report_bom_crlf);
	g_test_add_func("/import/report/items", test_report_items);
	g_test_add_func("/import/report/bad-rows", test_report_bad_rows);
	g_test_add_func("/import/report/whole-file", test_report_whole_file);
	g_test_add_func("/import/report/mtime", test_report_mtime);
	g_test_add_func("/import/batches", test_batches);
	g_test_add_func("/import/spapi/orders", test_spapi_orders);
	g_test_add_func("/import/spapi/bad", test_spapi_bad);
	g_test_add_func("/import/spapi/attributes", test_spapi_attributes);
	g_test_add_func("/import/locales", test_locales);
	g_test_add_func("/import/solicited", test_solicited);
	g_test_add_func("/import/reader", test_reader);
	return g_test_run();
}
