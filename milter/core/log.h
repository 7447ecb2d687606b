/*
 * log.h - where the daemon's lines go: syslog, standard error (journald)
 * or a file reopened on request; and the JSON line per message.
 */
#ifndef AMZ_LOG_H
#define AMZ_LOG_H

#include <syslog.h>
#include "core/conf.h"

/* How to log, from the configuration (read once, at start). */
typedef struct {
	int facility;            /* syslog facility */
	LogDest dest;            /* LOG_DEST_SYSLOG, _STDERR or _FILE */
	const char *file;        /* dest LOG_DEST_FILE: the path */
	LogDest json;            /* LOG_DEST_NONE, _LOG (with the lines) or _FILE */
	const char *json_file;   /* json LOG_DEST_FILE: the path */
	gboolean copy_stderr;    /* -v or a terminal: every line on stderr too */
} LogSetup;

/* log_open - start logging as ls says; the files are opened here (as root,
 * before the privilege drop): FALSE and *err when one cannot be */
gboolean log_open(const char *ident, const LogSetup *ls, GError **err);
/* log_reopen - open the log files again by name (after logrotate moved
 * them); a file that cannot be opened is reported and the old one kept.
 * Runs as the daemon's user; not from a signal handler. */
void log_reopen(void);
/* log_serving - the start is over: from now on errors go to the
 * destination only (before, they also go to stderr, so a start that fails
 * says why even where no syslog daemon runs) */
void log_serving(void);
void log_msg(int prio, const char *fmt, ...) G_GNUC_PRINTF(2, 3);

/* log_timestamp - now, as the lines show it: "2025-06-03T10:15:00.123+02:00"
 * (ISO 8601, local time, milliseconds, the offset); newly allocated */
char *log_timestamp(void);

/* log_json_wanted - a JSON line per message is configured */
gboolean log_json_wanted(void);
/* log_json - one JSON document (no newline) for message qid: a line of
 * its own in the json_log file, or "QID: json {…}" among the lines */
void log_json(const char *qid, const char *json);

#endif
