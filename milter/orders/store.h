/*
 * orders/store.h - the order store: what the seller's order data says of an
 * order, and what amzmilter itself recorded about it.
 *
 * One API, two backends: SQLite (a file on this host, the default) and Redis
 * (one server shared by several MTAs).  The URL of order_store in
 * amzmilter.conf chooses:
 *
 *   sqlite:/var/lib/amzmilter/orders.db
 *   redis://127.0.0.1:6379/0          (redis://:PASSWORD@HOST:PORT/DB)
 *   redis+unix:/run/redis/redis.sock  (redis+unix:PATH?db=N)
 *
 * Thread safety: every call may come from any thread at once; a store keeps
 * a small pool of connections and hands one to each call.  Connections are
 * made when first needed, so opening a Redis store never waits for the
 * server: an unreachable server is an error of the call that needs it.
 *
 * Times are Unix seconds (UTC); 0 means unknown.
 */
#ifndef AMZ_ORDERS_STORE_H
#define AMZ_ORDERS_STORE_H

#include <glib.h>

#define ORDER_STORE_ERROR (order_store_error_quark())
GQuark order_store_error_quark(void);

/* Order IDs are 3-7-7 digits ("112-4455667-8899001") or D01-… for digital
 * orders: 19 characters. */
#define ORDER_ID_LEN 19

typedef struct OrderStore OrderStore;

/* One order as the seller's data describes it: a row of an import. */
typedef struct {
	char id[ORDER_ID_LEN + 1];
	char *market;      /* relay domain suffix: "de", "co.uk", "com"; NULL unknown */
	gint64 purchased;  /* purchase date */
	gint64 shipped;    /* ship date */
	gint64 delivered;  /* latest delivery date */
	char *status;      /* lower case: "shipped", "canceled", "pending"…; NULL unknown */
	char *buyer;       /* the buyer's relay address, lower case; NULL unknown */
	char *locale;      /* the buyer's language of preference, "de_DE"; NULL unknown */
	gint64 updated;    /* when the source last changed the order (a newer row
	                    * updates, an older one is ignored); 0: now */
} OrderRecord;

/* What the store knows of one order, seen from one message. */
typedef struct {
	gboolean known;    /* an order record exists; rec is filled */
	OrderRecord rec;   /* strings owned: order_state_clear() */
	guint reviews;     /* review requests recorded for it by other messages
	                    * (Amazon's "Request a Review" button included) */
	gint64 reviewed;   /* when the first was recorded */
	guint proactive;   /* proactive messages recorded for it by other messages */
} OrderState;

typedef enum {
	CLAIM_WON,         /* this message is the order's review request */
	CLAIM_SAME,        /* it already was (a retry, a second pass) */
	CLAIM_LOST,        /* another message is: a second request */
} Claim;

typedef struct {
	guint64 orders;        /* order records */
	guint64 reviews;       /* orders with a review request recorded */
	guint64 proactive;     /* proactive messages recorded */
	guint64 no_buyer;      /* orders without a buyer address */
	gint64 last_import;    /* when an import last finished; 0 never */
	gint64 oldest, newest; /* purchase dates; 0 none */
} OrderStats;

/* order_store_open - the store url names; NULL and *err on a bad URL.
 * Nothing is opened yet: the first call that needs the store connects (an
 * SQLite file is created and migrated then, by whoever the process runs
 * as).  timeout_ms bounds every wait: a connection, a reply, a lock. */
OrderStore *order_store_open(const char *url, guint timeout_ms, GError **err);
/* order_store_check - connect now (create, migrate); FALSE and *err when
 * the store cannot be used */
gboolean order_store_check(OrderStore *s, GError **err);
void order_store_close(OrderStore *s);
/* order_store_set_retention - how long records live (Redis sets it as each
 * key's expiry; SQLite is expired by order_store_expire); default 730 */
void order_store_set_retention(OrderStore *s, guint days);
/* order_store_describe - the URL without a password, for logs */
const char *order_store_describe(const OrderStore *s);

/* order_store_lookup - out[i] for ids[i] (n of them); key: the message's own
 * key (order_message_key), whose records are not counted as another's, or
 * NULL.  One round trip to Redis for all of them. */
gboolean order_store_lookup(OrderStore *s, const char *const *ids, guint n, const char *key,
                            OrderState *out, GError **err);
void order_state_clear(OrderState *st);

/* order_store_claim_review - record the message (key) as the order's review
 * request unless another message is: atomic across every milter sharing
 * the store. */
gboolean order_store_claim_review(OrderStore *s, const char *id, const char *key,
                                  const char *message_id, gint64 now, Claim *out, GError **err);
/* order_store_record_proactive - record a proactive message (once per key) */
gboolean order_store_record_proactive(OrderStore *s, const char *id, const char *key,
                                      const char *message_id, gint64 now, GError **err);

/* --- administration (amzmilter-orders) --- */

/* order_store_put - n records in one transaction (Redis: one pipeline); a
 * field that is NULL or 0 keeps what is stored; a record older (updated)
 * than the stored one changes nothing.  *changed: records written. */
gboolean order_store_put(OrderStore *s, OrderRecord *const *recs, guint n, guint *changed,
                         GError **err);
/* order_store_solicited - the order had a review request by other means
 * (source: "amazon" for the Request a Review button); *added FALSE when one
 * was recorded already */
gboolean order_store_solicited(OrderStore *s, const char *id, gint64 at, const char *source,
                               gboolean *added, GError **err);
gboolean order_store_stats(OrderStore *s, OrderStats *out, GError **err);
/* order_store_last_import - meta "last_import" (0: never), read again at
 * most once a minute */
gboolean order_store_last_import(OrderStore *s, gint64 *out, GError **err);
/* order_store_meta_get / _set - small named values: "last_import",
 * "import:PATH" (how far an import of PATH got) */
char *order_store_meta_get(OrderStore *s, const char *name, GError **err);
gboolean order_store_meta_set(OrderStore *s, const char *name, const char *value, GError **err);
/* order_store_expire - remove orders purchased (else updated) before
 * `before`, with what was recorded about them; *removed: orders removed */
gboolean order_store_expire(OrderStore *s, gint64 before, guint64 *removed, GError **err);
/* order_store_forget - remove one order (an order ID) or every order of
 * one buyer (an address), with what was recorded about them */
gboolean order_store_forget(OrderStore *s, const char *what, guint64 *removed, GError **err);

/* --- helpers shared by the backends, the importers and the engine --- */

/* order_id_normalise - copy a 3-7-7 or D01-style order ID into out; FALSE
 * when s is not one (surrounding spaces allowed) */
gboolean order_id_normalise(const char *s, char out[ORDER_ID_LEN + 1]);
/* order_record_free - the strings and the record (g_new0'd) */
void order_record_free(OrderRecord *r);
void order_record_clear(OrderRecord *r);
/* order_market_of - "de" for "Amazon.de", "amazon.co.uk", "www.amazon.de",
 * an SP-API MarketplaceId ("A1PA6795UKMFR9"), or a relay address; NULL
 * when unknown (newly allocated) */
char *order_market_of(const char *s);
/* order_time_parse - ISO 8601 ("2026-11-03T10:22:01Z", "2026-11-03T10:22:01+01:00",
 * "2026-11-03 10:22:01 UTC", "2026-11-03"); 0 when not a date */
gint64 order_time_parse(const char *s);

#endif
