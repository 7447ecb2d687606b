/*
 * verdict_log.h - what is logged of one checked message: the summary line,
 * a line per rule hit that held or refused it, and the JSON line.
 */
#ifndef AMZ_VERDICT_LOG_H
#define AMZ_VERDICT_LOG_H

#include "core/facts.h"
#include "core/verdict.h"

/* One message as the MTA presented it, and what was done with it. */
typedef struct {
	const char *qid;             /* queue ID, or NULL */
	const char *client;          /* client IP ({client_addr}), or NULL */
	const char *login;           /* SASL login ({auth_authen}), or NULL */
	const char *from;            /* envelope sender */
	const GPtrArray *rcpts;      /* char*: the recipients taken */
	const GPtrArray *deferred;   /* char*: recipients given 452 (mixed_recipients
	                              * = split), or NULL */
	guint deferred_total;        /* how many, when more than deferred holds */
	const char *message_id;      /* Message-ID header, or NULL */
	guint64 size;                /* bytes received */
	const char *brand;           /* the sender's brand (brands.d), or NULL */
	gboolean monitor;            /* only reported: mode = monitor, or the brand's mode */
	Action enforced;             /* what the MTA was told */
	const char *reason;          /* an outcome no rule decided ("size-limit",
	                              * "checked-before"), or NULL */
	double ms;                   /* time spent checking */
} LogMessage;

/* log_verdict - "QID: from=<…> rcpt=<…> verdict=… [would=…] rules=… ms=…",
 * then "QID: [monitor ]ACTION RULE: message [evidence]" for each hit that
 * holds or refuses the message ("monitor": it did not, it only would
 * have), then the JSON line when json_log asks for it.  Every untrusted
 * byte is escaped. */
void log_verdict(const LogMessage *m, const Facts *f, const Verdict *v);

/* log_addresses - "<a>,<b>" of the first addresses (as many as a summary
 * line shows), each escaped for the log, appended to out; how many it wrote */
guint log_addresses(GString *out, const GPtrArray *addrs);

/* log_verdict_json - only the JSON line (v may be NULL: no rule ran), for
 * outcomes whose text line is written elsewhere */
void log_verdict_json(const LogMessage *m, const Verdict *v);

/* verdict_json - the JSON document of log_verdict_json (newly allocated,
 * one line); every string bounded and valid UTF-8 */
char *verdict_json(const LogMessage *m, const Verdict *v);

#endif
