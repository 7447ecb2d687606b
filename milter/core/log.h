/*
 * log.h - syslog (and stderr when asked): one line per checked message.
 */
#ifndef AMZ_LOG_H
#define AMZ_LOG_H

#include <syslog.h>
#include "core/facts.h"
#include "core/verdict.h"

void log_open(const char *ident, int facility, gboolean to_stderr);
/* log_serving - the start is over: from now on errors go to syslog only
 * (before, they also go to stderr, so a start that fails says why even
 * where no syslog daemon runs) */
void log_serving(void);
void log_msg(int prio, const char *fmt, ...) G_GNUC_PRINTF(2, 3);

/* log_verdict - "QID: from=<…> rcpt=<…> verdict=… rules=… ms=…", every
 * untrusted byte escaped; monitor mode logs what would have happened. */
void log_verdict(const char *qid, const Facts *f, const Verdict *v, Action enforced,
                 double ms);

#endif
