/*
 * engine/orders.h - the order stage: the order IDs a message quotes, what
 * the order store knows of them (before the rules), and what the message
 * adds to the store once it is let through (after them).
 */
#ifndef AMZ_ENGINE_ORDERS_H
#define AMZ_ENGINE_ORDERS_H

#include "core/facts.h"
#include "core/conf.h"
#include "orders/store.h"

/* Distinct order IDs read from one message: more are ignored. */
#define ORDERS_MAX 16

/* orders_quoted - f->orders: the distinct order IDs in the subject and the
 * text, in that order (no store needed) */
void orders_quoted(Facts *f);

/* orders_lookup - fill f->orders from the store (quoting them first when
 * not done yet); FALSE and *err when the store fails */
gboolean orders_lookup(OrderStore *st, const Conf *c, Facts *f, gint64 now, GError **err);

/* orders_message_key - the key the store records a message by: a digest
 * of its Message-ID and its body's digest (hex); newly allocated */
char *orders_message_key(const char *message_id, const char *body_digest);

/* What orders_record did. */
typedef struct {
	guint claimed;     /* review requests recorded */
	guint lost;        /* orders whose review request another message had */
	guint proactive;   /* proactive messages recorded */
} OrderRecordResult;

/* orders_record - a message being let through: claim its orders' review
 * request when it is one (review_request), record it as a proactive
 * message when it is not a reply.  An order whose claim another message
 * holds gets reviews = 1 in f: the caller evaluates again. */
gboolean orders_record(OrderStore *st, Facts *f, gboolean review_request, const char *message_id,
                       gint64 now, OrderRecordResult *res, GError **err);

/* orders_stale_messages - messages checked against a stale store since
 * start (a counter for metrics) */
guint64 orders_stale_messages(void);

/* Where the order stage talks to the store. */
typedef enum {
	ORDERS_STAGE_LOOKUP = 0,   /* orders_lookup, before the rules */
	ORDERS_STAGE_RECORD,       /* orders_record, after them */
	ORDERS_STAGE__N
} OrdersStage;

/* orders_store_errors - the store's errors at stage since start (a counter
 * for metrics; each is a message with on_store_error's verdict) */
guint64 orders_store_errors(OrdersStage stage);

#endif
