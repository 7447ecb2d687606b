/*
 * orders/backend.h - what a backend of the order store provides (store.c
 * owns the pool of connections and calls these with one connection).
 */
#ifndef AMZ_ORDERS_BACKEND_H
#define AMZ_ORDERS_BACKEND_H

#include "orders/store.h"

/* Every function but connect/disconnect takes one connection of its own
 * backend; after an error, broken() says whether it must be thrown away. */
typedef struct {
	void *(*connect)(OrderStore *s, GError **err);
	void (*disconnect)(void *conn);
	gboolean (*broken)(void *conn);
	gboolean (*lookup)(OrderStore *s, void *conn, const char *const *ids, guint n, const char *key,
	                   OrderState *out, GError **err);
	gboolean (*claim_review)(OrderStore *s, void *conn, const char *id, const char *key,
	                         const char *message_id, gint64 now, const char *source, Claim *out,
	                         GError **err);
	gboolean (*record_proactive)(OrderStore *s, void *conn, const char *id, const char *key,
	                             const char *message_id, gint64 now, GError **err);
	gboolean (*put)(OrderStore *s, void *conn, OrderRecord *const *recs, guint n, guint *changed,
	                GError **err);
	gboolean (*stats)(OrderStore *s, void *conn, OrderStats *out, GError **err);
	char *(*meta_get)(OrderStore *s, void *conn, const char *name, GError **err);
	gboolean (*meta_set)(OrderStore *s, void *conn, const char *name, const char *value, GError **err);
	gboolean (*expire)(OrderStore *s, void *conn, gint64 before, guint64 *removed, GError **err);
	gboolean (*forget_order)(OrderStore *s, void *conn, const char *id, guint64 *removed, GError **err);
	gboolean (*forget_buyer)(OrderStore *s, void *conn, const char *buyer, guint64 *removed,
	                         GError **err);
} StoreOps;

struct OrderStore {
	const StoreOps *ops;
	char *url;
	char *shown;            /* url without a password */
	guint timeout_ms;
	guint ttl_days;         /* Redis: records expire this long after purchase (or import) */
	/* the backend's address */
	char *path;             /* sqlite: the file; redis+unix: the socket */
	char *host;             /* redis: host */
	int port;
	int db;
	char *password;
	/* the pool */
	GMutex lock;
	GCond freed;
	GPtrArray *idle;        /* connections not in use */
	guint open;             /* connections made and not closed */
	gint64 last_import;     /* order_store_last_import's answer… */
	gint64 import_read_at;  /* …read at this monotonic time; 0 never */
};

extern const StoreOps order_store_sqlite;
extern const StoreOps order_store_redis;

/* order_store_fail - set err: the store's name and a message */
void order_store_fail(GError **err, const OrderStore *s, const char *fmt, ...) G_GNUC_PRINTF(3, 4);

#endif
