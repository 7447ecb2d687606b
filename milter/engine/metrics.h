/*
 * metrics.h - what the daemon has done since it started, as counters, and
 * their Prometheus text exposition.
 *
 * The daemon counts each message once, where its verdict is final
 * (daemon/milter.c), and each reload (daemon/main.c); the order stage keeps
 * its own counters (engine/orders.c), read here.  daemon/exporter.c serves
 * metrics_render()'s text over HTTP.  Counters only grow: a rule that a
 * reload removes keeps its series (frozen) until the daemon restarts.
 */
#ifndef AMZ_METRICS_H
#define AMZ_METRICS_H

#include <glib.h>
#include "core/verdict.h"

/* Distinct rule names counted; hits of further names go to rule="_other". */
#define METRICS_RULES_MAX 4096

/* Why a transaction ended without its message being checked. */
typedef enum {
	METRICS_SKIP_NOT_RELAY = 0,  /* no relay recipient: accepted at DATA */
	METRICS_SKIP_CHECKED_BEFORE, /* second hop: a valid verdict token */
	METRICS_SKIP_BYPASS,         /* bypass_networks, bypass_logins */
	METRICS_SKIP__N
} MetricsSkip;

/* metrics_message - one relay message's final verdict (the action sent to
 * the MTA), its hits (v, may be NULL: refused before any check), whether
 * the whole configuration is in monitor mode, its size and how long the
 * check took.  A hit is "acted on" when it is enforced and its action is
 * the verdict's. */
void metrics_message(Action final, const Verdict *v, gboolean monitor, guint64 bytes,
                     gint64 check_us);

/* metrics_size_limit - the message was refused for max_message_size
 * (counted by metrics_message too, as a reject) */
void metrics_size_limit(void);

/* metrics_skipped - a transaction that was not checked, and why */
void metrics_skipped(MetricsSkip why);

/* metrics_reload - a reload signal's outcome */
void metrics_reload(gboolean ok);

/* metrics_render - append every metric to out in the Prometheus text
 * format (version 0.0.4): one consistent reading, taken under one lock */
void metrics_render(GString *out);

/* metrics_reset - forget every count (the unit tests) */
void metrics_reset(void);

#endif
