/*
 * snapshot.h - the current {config, ruleset}: what a reload changes.
 *
 * A snapshot is built whole (config parsed, every rule file compiled) and
 * then swapped in under one lock.  Each transaction pins the snapshot it
 * started with; the last user of an old snapshot frees it.  A bad edit
 * never replaces a good snapshot.
 *
 * The only other state shared between threads, none of it changed by a
 * reload: process-wide tables built once and then read-only (the public
 * suffix list in extract/url_normalise.c, the decoding table in
 * extract/base64.c, the UTF-8 locale in extract/sevenzip.c, the target
 * names in rules/target.c); the pool of libmagic handles
 * (extract/filetype.c, under its own lock); the evaluator's per-thread
 * working state (rules/eval.c, GPrivate); the log's stderr switch
 * (core/log.c, set before any thread starts); the order store's pool of
 * connections (orders/store.c, under its own lock); the daemon's counters
 * (engine/metrics.c, under its own lock; engine/orders.c's, atomic), read by
 * the metrics endpoint's thread (daemon/exporter.c); and, with the link wraps,
 * the read buffer of each MTA connection (daemon/wraps.c).
 */
#ifndef AMZ_SNAPSHOT_H
#define AMZ_SNAPSHOT_H

#include "core/conf.h"
#include "rules/rules.h"
#include "orders/store.h"
#include "engine/brands.h"

typedef struct {
	gint refs;               /* changed only under the snapshot lock */
	Conf *conf;
	Ruleset *rules;
	LinkWords words;         /* lists of rules for link finding; conf->limits.words points here */
	OrderStore *store;       /* conf->order_store, or NULL (connected when first used) */
	Brands *brands;          /* conf->brands_dir compiled against rules, or NULL */
	guint generation;        /* 1 for the first load, +1 per reload */
	char *conf_path;         /* the sources, for a reload */
	char *socket_override;
} Snapshot;

/* snapshot_load - config + rules, compiled; NULL and err on any error.
 * socket_override (may be NULL) replaces the config's socket. */
Snapshot *snapshot_load(const char *conf_path, const char *socket_override, GError **err);

/* snapshot_install - make s current (takes the caller's reference). */
void snapshot_install(Snapshot *s);

/* snapshot_acquire - pin the current snapshot; NULL before any install. */
Snapshot *snapshot_acquire(void);
Snapshot *snapshot_ref(Snapshot *s);
void snapshot_release(Snapshot *s);

/* snapshot_reload - load again from the current snapshot's sources; install on success,
 * keep the old one and return FALSE with err on failure. */
gboolean snapshot_reload(GError **err);

#endif
