/*
 * orders/sqlite.c - the order store in an SQLite file: one host, nothing to
 * run.  WAL, so that the milter's readers never wait for an import; every
 * write is one statement or one transaction, so SQLite's own lock makes a
 * claim atomic between threads and processes.  The schema carries its
 * version in user_version; migrations[] takes any older file forward.
 */
#include <string.h>
#include <sqlite3.h>
#include "orders/backend.h"

static const char *const migrations[] = {
	/* 1 */
	"CREATE TABLE orders(id TEXT PRIMARY KEY, market TEXT, purchased INTEGER NOT NULL DEFAULT 0,"
	"  shipped INTEGER NOT NULL DEFAULT 0, delivered INTEGER NOT NULL DEFAULT 0, status TEXT,"
	"  buyer TEXT, locale TEXT, updated INTEGER NOT NULL DEFAULT 0) WITHOUT ROWID;"
	"CREATE INDEX orders_buyer ON orders(buyer);"
	"CREATE INDEX orders_purchased ON orders(purchased);"
	"CREATE TABLE reviews(order_id TEXT PRIMARY KEY, msgkey TEXT NOT NULL, at INTEGER NOT NULL,"
	"  message_id TEXT, source TEXT NOT NULL) WITHOUT ROWID;"
	"CREATE TABLE proactive(order_id TEXT NOT NULL, msgkey TEXT NOT NULL, at INTEGER NOT NULL,"
	"  message_id TEXT, PRIMARY KEY(order_id, msgkey)) WITHOUT ROWID;"
	"CREATE TABLE meta(name TEXT PRIMARY KEY, value TEXT) WITHOUT ROWID;",
};

enum { Q_LOOKUP, Q_REVIEW, Q_CLAIM, Q_PROACT_ADD, Q_PUT, Q_META_GET, Q_META_SET, Q__N };

static const char *const queries[Q__N] = {
	/* one statement, one read transaction: the order, its review request
	 * and the proactive messages of others */
	[Q_LOOKUP] = "SELECT o.id IS NOT NULL, o.market, o.purchased, o.shipped, o.delivered, o.status, "
	             "o.buyer, o.locale, o.updated, r.msgkey, r.at, "
	             "(SELECT count(*) FROM proactive p WHERE p.order_id = ?1 AND p.msgkey IS NOT ?2) "
	             "FROM (SELECT ?1 AS id) q LEFT JOIN orders o ON o.id = q.id "
	             "LEFT JOIN reviews r ON r.order_id = q.id",
	[Q_REVIEW] = "SELECT msgkey, at FROM reviews WHERE order_id = ?1",
	[Q_CLAIM] = "INSERT INTO reviews(order_id, msgkey, at, message_id, source) VALUES(?1, ?2, ?3, ?4, ?5) "
	            "ON CONFLICT(order_id) DO NOTHING",
	[Q_PROACT_ADD] = "INSERT INTO proactive(order_id, msgkey, at, message_id) VALUES(?1, ?2, ?3, ?4) "
	                 "ON CONFLICT DO NOTHING",
	/* a field left out (NULL, 0) keeps what is stored; an older row, or
	 * one that says nothing new, changes nothing */
	[Q_PUT] = "INSERT INTO orders(id, market, purchased, shipped, delivered, status, buyer, locale, updated) "
	          "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) "
	          "ON CONFLICT(id) DO UPDATE SET market = coalesce(excluded.market, market), "
	          "purchased = iif(excluded.purchased, excluded.purchased, purchased), "
	          "shipped = iif(excluded.shipped, excluded.shipped, shipped), "
	          "delivered = iif(excluded.delivered, excluded.delivered, delivered), "
	          "status = coalesce(excluded.status, status), buyer = coalesce(excluded.buyer, buyer), "
	          "locale = coalesce(excluded.locale, locale), updated = max(updated, excluded.updated) "
	          "WHERE (excluded.updated = 0 OR excluded.updated >= updated) AND ("
	          " coalesce(excluded.market, market) IS NOT market"
	          " OR iif(excluded.purchased, excluded.purchased, purchased) IS NOT purchased"
	          " OR iif(excluded.shipped, excluded.shipped, shipped) IS NOT shipped"
	          " OR iif(excluded.delivered, excluded.delivered, delivered) IS NOT delivered"
	          " OR coalesce(excluded.status, status) IS NOT status"
	          " OR coalesce(excluded.buyer, buyer) IS NOT buyer"
	          " OR coalesce(excluded.locale, locale) IS NOT locale"
	          " OR excluded.updated > updated)",
	[Q_META_GET] = "SELECT value FROM meta WHERE name = ?1",
	[Q_META_SET] = "INSERT INTO meta(name, value) VALUES(?1, ?2) "
	               "ON CONFLICT(name) DO UPDATE SET value = excluded.value",
};

typedef struct {
	sqlite3 *db;
	sqlite3_stmt *q[Q__N];
	gboolean bulk;          /* set up for imports */
} Conn;

/* An import writes orders in random ID order all over three B-trees: with
 * SQLite's default 2 MB of page cache each batch reads most of its pages
 * from disk again.  The connection that imports gets this much (KiB) and
 * copies its WAL back into the file less often (pages; default 1000); the
 * milter's connections only read and claim and keep the defaults. */
#define BULK_CACHE_KB 131072
#define BULK_CHECKPOINT_PAGES 16384

static gboolean fail(OrderStore *s, Conn *c, GError **err, const char *what)
{
	order_store_fail(err, s, "%s: %s", what, sqlite3_errmsg(c->db));
	return FALSE;
}

static gboolean exec(OrderStore *s, Conn *c, const char *sql, GError **err)
{
	char *msg = NULL;

	if (sqlite3_exec(c->db, sql, NULL, NULL, &msg) == SQLITE_OK)
		return TRUE;
	order_store_fail(err, s, "%s", msg ? msg : sqlite3_errmsg(c->db));
	sqlite3_free(msg);
	return FALSE;
}

static void sql_disconnect(void *p)
{
	Conn *c = p;

	for (int i = 0; i < Q__N; i++)
		sqlite3_finalize(c->q[i]);
	sqlite3_close(c->db);
	g_free(c);
}

/* migrate - bring the file to the newest schema, in one transaction */
static gboolean migrate(OrderStore *s, Conn *c, GError **err)
{
	sqlite3_stmt *st;
	int version = 0;

	if (!exec(s, c, "BEGIN IMMEDIATE", err))
		return FALSE;
	if (sqlite3_prepare_v2(c->db, "PRAGMA user_version", -1, &st, NULL) != SQLITE_OK)
		return fail(s, c, err, "reading the schema version");
	if (sqlite3_step(st) == SQLITE_ROW)
		version = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	if (version > (int)G_N_ELEMENTS(migrations)) {
		exec(s, c, "ROLLBACK", NULL);
		order_store_fail(err, s, "schema version %d is newer than this amzmilter knows (%u)",
		                 version, (guint)G_N_ELEMENTS(migrations));
		return FALSE;
	}
	for (; version < (int)G_N_ELEMENTS(migrations); version++) {
		g_autofree char *bump = g_strdup_printf("PRAGMA user_version = %d", version + 1);
		if (!exec(s, c, migrations[version], err) || !exec(s, c, bump, err)) {
			exec(s, c, "ROLLBACK", NULL);
			return FALSE;
		}
	}
	return exec(s, c, "COMMIT", err);
}

static void *sql_connect(OrderStore *s, GError **err)
{
	Conn *c = g_new0(Conn, 1);
	int rc = sqlite3_open_v2(s->path, &c->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE |
	                         SQLITE_OPEN_NOMUTEX, NULL);

	if (rc != SQLITE_OK) {
		if (c->db == NULL)
			order_store_fail(err, s, "cannot open: %s", sqlite3_errstr(rc));
		else
			fail(s, c, err, "cannot open");
		sql_disconnect(c);
		return NULL;
	}
	sqlite3_busy_timeout(c->db, (int)s->timeout_ms);
	if (!exec(s, c, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; "
	                "PRAGMA foreign_keys = OFF", err) ||
	    !migrate(s, c, err)) {
		sql_disconnect(c);
		return NULL;
	}
	for (int i = 0; i < Q__N; i++)
		if (sqlite3_prepare_v3(c->db, queries[i], -1, SQLITE_PREPARE_PERSISTENT, &c->q[i], NULL) != SQLITE_OK) {
			fail(s, c, err, "preparing a query");
			sql_disconnect(c);
			return NULL;
		}
	return c;
}

static gboolean sql_broken(void *p)
{
	(void)p;
	return FALSE;      /* a failed statement leaves the connection usable */
}

static char *col_str(sqlite3_stmt *st, int i)
{
	const unsigned char *v = sqlite3_column_text(st, i);
	return v ? g_strdup((const char *)v) : NULL;
}

/* bind_str - NULL stays NULL */
static void bind_str(sqlite3_stmt *st, int i, const char *v)
{
	if (v)
		sqlite3_bind_text(st, i, v, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(st, i);
}

/* run - step a statement bound by the caller to its end; reset it */
static gboolean run(OrderStore *s, Conn *c, sqlite3_stmt *st, GError **err, const char *what)
{
	int rc;

	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		;
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	return rc == SQLITE_DONE || fail(s, c, err, what);
}

static gboolean sql_lookup(OrderStore *s, void *p, const char *const *ids, guint n, const char *key,
                           OrderState *out, GError **err)
{
	Conn *c = p;
	sqlite3_stmt *st = c->q[Q_LOOKUP];

	for (guint i = 0; i < n; i++) {
		OrderState *o = &out[i];
		int rc;

		g_strlcpy(o->rec.id, ids[i], sizeof o->rec.id);
		sqlite3_bind_text(st, 1, ids[i], -1, SQLITE_STATIC);
		bind_str(st, 2, key);
		if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
			if ((o->known = sqlite3_column_int(st, 0))) {
				o->rec.market = col_str(st, 1);
				o->rec.purchased = sqlite3_column_int64(st, 2);
				o->rec.shipped = sqlite3_column_int64(st, 3);
				o->rec.delivered = sqlite3_column_int64(st, 4);
				o->rec.status = col_str(st, 5);
				o->rec.buyer = col_str(st, 6);
				o->rec.locale = col_str(st, 7);
				o->rec.updated = sqlite3_column_int64(st, 8);
			}
			const char *by = (const char *)sqlite3_column_text(st, 9);
			if (by != NULL && (key == NULL || strcmp(by, key) != 0)) {
				o->reviews = 1;
				o->reviewed = sqlite3_column_int64(st, 10);
			}
			o->proactive = (guint)sqlite3_column_int64(st, 11);
		}
		sqlite3_reset(st);
		sqlite3_clear_bindings(st);
		if (rc != SQLITE_ROW)
			return fail(s, c, err, "looking up an order");
	}
	return TRUE;
}

static gboolean sql_claim(OrderStore *s, void *p, const char *id, const char *key,
                          const char *message_id, gint64 now, const char *source, Claim *out,
                          GError **err)
{
	Conn *c = p;
	sqlite3_stmt *st = c->q[Q_CLAIM];
	int rc;

	sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, key, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 3, now);
	bind_str(st, 4, message_id);
	sqlite3_bind_text(st, 5, source, -1, SQLITE_STATIC);
	if (!run(s, c, st, err, "recording a review request"))
		return FALSE;
	if (sqlite3_changes(c->db) == 1) {
		*out = CLAIM_WON;
		return TRUE;
	}
	st = c->q[Q_REVIEW];
	sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	*out = rc == SQLITE_ROW && g_strcmp0((const char *)sqlite3_column_text(st, 0), key) == 0
	       ? CLAIM_SAME : CLAIM_LOST;
	sqlite3_reset(st);
	return rc == SQLITE_ROW || fail(s, c, err, "reading a review request");
}

static gboolean sql_proactive(OrderStore *s, void *p, const char *id, const char *key,
                              const char *message_id, gint64 now, GError **err)
{
	Conn *c = p;
	sqlite3_stmt *st = c->q[Q_PROACT_ADD];

	sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, key, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 3, now);
	bind_str(st, 4, message_id);
	return run(s, c, st, err, "recording a proactive message");
}

static gboolean sql_put(OrderStore *s, void *p, OrderRecord *const *recs, guint n, guint *changed,
                        GError **err)
{
	Conn *c = p;
	sqlite3_stmt *st = c->q[Q_PUT];

	if (!c->bulk) {
		g_autofree char *pragma = g_strdup_printf("PRAGMA cache_size = -%d; PRAGMA wal_autocheckpoint = %d",
		                                          BULK_CACHE_KB, BULK_CHECKPOINT_PAGES);
		if (!exec(s, c, pragma, err))
			return FALSE;
		c->bulk = TRUE;
	}
	if (!exec(s, c, "BEGIN IMMEDIATE", err))
		return FALSE;
	for (guint i = 0; i < n; i++) {
		const OrderRecord *r = recs[i];
		sqlite3_bind_text(st, 1, r->id, -1, SQLITE_STATIC);
		bind_str(st, 2, r->market);
		sqlite3_bind_int64(st, 3, r->purchased);
		sqlite3_bind_int64(st, 4, r->shipped);
		sqlite3_bind_int64(st, 5, r->delivered);
		bind_str(st, 6, r->status);
		bind_str(st, 7, r->buyer);
		bind_str(st, 8, r->locale);
		sqlite3_bind_int64(st, 9, r->updated);
		if (!run(s, c, st, err, "writing an order")) {
			exec(s, c, "ROLLBACK", NULL);
			return FALSE;
		}
		*changed += sqlite3_changes(c->db) > 0;
	}
	return exec(s, c, "COMMIT", err) || (exec(s, c, "ROLLBACK", NULL), FALSE);
}

/* one_int - the first column of a query's only row */
static gboolean one_int(OrderStore *s, Conn *c, const char *sql, gint64 arg, gint64 *out, GError **err)
{
	sqlite3_stmt *st;
	int rc;

	if (sqlite3_prepare_v2(c->db, sql, -1, &st, NULL) != SQLITE_OK)
		return fail(s, c, err, "preparing a query");
	if (strchr(sql, '?'))
		sqlite3_bind_int64(st, 1, arg);
	rc = sqlite3_step(st);
	*out = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	sqlite3_finalize(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE || fail(s, c, err, "reading");
}

static gboolean sql_stats(OrderStore *s, void *p, OrderStats *out, GError **err)
{
	Conn *c = p;
	gint64 v[6];
	g_autofree char *last = NULL;
	static const char *const q[6] = {
		"SELECT count(*) FROM orders", "SELECT count(*) FROM reviews",
		"SELECT count(*) FROM proactive", "SELECT count(*) FROM orders WHERE buyer IS NULL",
		"SELECT min(purchased) FROM orders WHERE purchased > 0", "SELECT max(purchased) FROM orders",
	};

	for (int i = 0; i < 6; i++)
		if (!one_int(s, c, q[i], 0, &v[i], err))
			return FALSE;
	out->orders = v[0], out->reviews = v[1], out->proactive = v[2], out->no_buyer = v[3];
	out->oldest = v[4], out->newest = v[5];
	if ((last = s->ops->meta_get(s, c, "last_import", err)) == NULL && err && *err)
		return FALSE;
	out->last_import = last ? g_ascii_strtoll(last, NULL, 10) : 0;
	return TRUE;
}

static char *sql_meta_get(OrderStore *s, void *p, const char *name, GError **err)
{
	Conn *c = p;
	sqlite3_stmt *st = c->q[Q_META_GET];
	char *v = NULL;
	int rc;

	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		v = col_str(st, 0);
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		fail(s, c, err, "reading meta");
	return v;
}

static gboolean sql_meta_set(OrderStore *s, void *p, const char *name, const char *value, GError **err)
{
	Conn *c = p;
	sqlite3_stmt *st = c->q[Q_META_SET];

	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, value, -1, SQLITE_STATIC);
	return run(s, c, st, err, "writing meta");
}

/* delete_where - orders matching cond (one ?1), with their records, in one transaction */
static gboolean delete_where(OrderStore *s, Conn *c, const char *cond, const char *arg_s, gint64 arg_n,
                             guint64 *removed, GError **err)
{
	static const char *const stmts[] = {
		"DELETE FROM reviews WHERE order_id IN (SELECT id FROM orders WHERE %s)",
		"DELETE FROM proactive WHERE order_id IN (SELECT id FROM orders WHERE %s)",
		"DELETE FROM orders WHERE %s",
	};

	if (!exec(s, c, "BEGIN IMMEDIATE", err))
		return FALSE;
	for (guint i = 0; i < G_N_ELEMENTS(stmts); i++) {
		g_autofree char *sql = g_strdup_printf(stmts[i], cond);
		sqlite3_stmt *st;
		if (sqlite3_prepare_v2(c->db, sql, -1, &st, NULL) != SQLITE_OK) {
			fail(s, c, err, "preparing a deletion");
			exec(s, c, "ROLLBACK", NULL);
			return FALSE;
		}
		if (arg_s)
			sqlite3_bind_text(st, 1, arg_s, -1, SQLITE_STATIC);
		else
			sqlite3_bind_int64(st, 1, arg_n);
		if (sqlite3_step(st) != SQLITE_DONE) {
			fail(s, c, err, "deleting");
			sqlite3_finalize(st);
			exec(s, c, "ROLLBACK", NULL);
			return FALSE;
		}
		sqlite3_finalize(st);
		if (i == G_N_ELEMENTS(stmts) - 1)
			*removed = sqlite3_changes(c->db);
	}
	return exec(s, c, "COMMIT", err);
}

static gboolean sql_expire(OrderStore *s, void *p, gint64 before, guint64 *removed, GError **err)
{
	Conn *c = p;

	if (!delete_where(s, c, "(purchased > 0 AND purchased < ?1) OR (purchased = 0 AND updated < ?1)",
	                  NULL, before, removed, err))
		return FALSE;
	/* records of orders never imported (Amazon's button, unknown IDs) age out alike */
	sqlite3_stmt *st;
	const char *const sql[] = { "DELETE FROM reviews WHERE at < ?1", "DELETE FROM proactive WHERE at < ?1" };
	for (guint i = 0; i < G_N_ELEMENTS(sql); i++) {
		if (sqlite3_prepare_v2(c->db, sql[i], -1, &st, NULL) != SQLITE_OK)
			return fail(s, c, err, "preparing a deletion");
		sqlite3_bind_int64(st, 1, before);
		int rc = sqlite3_step(st);
		sqlite3_finalize(st);
		if (rc != SQLITE_DONE)
			return fail(s, c, err, "deleting");
	}
	return TRUE;
}

static gboolean sql_forget_order(OrderStore *s, void *p, const char *id, guint64 *removed, GError **err)
{
	Conn *c = p;
	const char *const sql[] = { "DELETE FROM reviews WHERE order_id = ?1",
	                            "DELETE FROM proactive WHERE order_id = ?1", "DELETE FROM orders WHERE id = ?1" };

	for (guint i = 0; i < G_N_ELEMENTS(sql); i++) {
		sqlite3_stmt *st;
		if (sqlite3_prepare_v2(c->db, sql[i], -1, &st, NULL) != SQLITE_OK)
			return fail(s, c, err, "preparing a deletion");
		sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
		int rc = sqlite3_step(st);
		sqlite3_finalize(st);
		if (rc != SQLITE_DONE)
			return fail(s, c, err, "deleting");
		if (i == G_N_ELEMENTS(sql) - 1)
			*removed = sqlite3_changes(c->db);
	}
	return TRUE;
}

static gboolean sql_forget_buyer(OrderStore *s, void *p, const char *buyer, guint64 *removed, GError **err)
{
	return delete_where(s, p, "buyer = ?1", buyer, 0, removed, err);
}

const StoreOps order_store_sqlite = {
	.connect = sql_connect,
	.disconnect = sql_disconnect,
	.broken = sql_broken,
	.lookup = sql_lookup,
	.claim_review = sql_claim,
	.record_proactive = sql_proactive,
	.put = sql_put,
	.stats = sql_stats,
	.meta_get = sql_meta_get,
	.meta_set = sql_meta_set,
	.expire = sql_expire,
	.forget_order = sql_forget_order,
	.forget_buyer = sql_forget_buyer,
};
