/*
 * conf.h - the daemon's configuration: file -> immutable Conf.
 *
 * A Conf is built whole by conf_load() and never changed afterwards; it
 * travels inside a snapshot (snapshot.h) with the ruleset compiled from the
 * rule directories it names.
 */
#ifndef AMZ_CONF_H
#define AMZ_CONF_H

#include <glib.h>
#include <pcre2.h>
#include <sys/socket.h>
#include "core/verdict.h"
#include "core/limits.h"

typedef enum { MIXED_SPLIT, MIXED_WHOLE } MixedPolicy;

/* add_headers: internal adds them for this host's eyes (the hold queue,
 * postcat) and the second hop removes them before the mail leaves. */
typedef enum { HEADERS_NO = 0, HEADERS_YES, HEADERS_INTERNAL } HeadersPolicy;

/* Where log lines go (log) and where the JSON line per message goes
 * (json_log: none, the log's own destination, or a file of its own). */
typedef enum {
	LOG_DEST_NONE = 0,       /* json_log = no */
	LOG_DEST_LOG,            /* json_log = yes: with the other lines */
	LOG_DEST_SYSLOG,
	LOG_DEST_STDERR,
	LOG_DEST_FILE,
} LogDest;

/* Why a checked message could not be checked: each class has its own
 * failure policy (on_parse_error, …), all defaulting to on_error. */
typedef enum {
	FAIL_INTERNAL = 0,       /* a bug or an impossible state */
	FAIL_PARSE,              /* no parsable message */
	FAIL_LIMIT,              /* a bound on the work was crossed */
	FAIL_SPOOL,              /* the spool could not hold the message */
	FAIL_TIMEOUT,            /* the per-message time budget ran out */
	FAIL_STORE,              /* the order store could not be read or written */
	FAIL__N
} FailClass;

typedef struct {
	char *path;              /* the file it was read from (absolute) */
	char *socket;            /* libmilter connection spec */
	guint socket_mode;       /* unix socket permissions */
	char *socket_group;      /* group of the unix socket, or NULL */
	char *user;              /* drop privileges to this user, or NULL */
	char *spool;             /* private spool directory (absolute) */
	char *rules_dir;         /* shipped rules (absolute) */
	char *local_rules_dir;   /* admin overrides (absolute), or NULL */
	gboolean monitor;        /* mode = monitor: never enforce, only report */
	char *relay_domains;     /* pattern source, for messages */
	pcre2_code *relay_re;    /* compiled relay_domains */
	MixedPolicy mixed;       /* relay and other recipients in one transaction */
	guint64 memory_buffer;   /* bytes kept in memory before spooling */
	guint64 max_message_size;/* larger messages get 552 5.3.4 */
	Action on_error;         /* default failure policy */
	Action on_fail[FAIL__N]; /* failure policy per class */
	guint64 time_budget_ms;  /* wall-clock budget for checking one message */
	guint64 mta_timeout;     /* seconds to wait for the MTA's next command */
	gboolean reply_details;  /* one reply line per rule, or generic_reply only */
	guint reply_max_lines;   /* cap on rule lines in a reply */
	char *generic_reply;     /* summary / generic reply text */
	HeadersPolicy add_headers;/* X-Amzmilter-* headers on mail that goes on */
	char *second_hop;        /* the MTA's {daemon_name} of the re-injection hop that
	                          * trusts verdict tokens; NULL: no second hop, no tokens */
	GArray *bypass_nets;     /* CidrNet (util/cidr.h): clients whose mail is not checked */
	char **bypass_logins;    /* SASL logins (globs) whose mail is not checked, or NULL */
	char *brands_dir;        /* per-brand policy files (engine/brands.h), or NULL */
	char *quarantine_dir;    /* one record per held message (engine/quarantine.c) */
	char *quarantine_notify; /* address amzmilter-quarantine notify writes to, or NULL */
	char *metrics_listen;    /* ADDRESS:PORT of the metrics endpoint, or NULL: none */
	gboolean metrics_allow_remote; /* metrics_listen may be other than loopback */
	char *order_store;       /* URL of the order store (orders/store.h), or NULL: none */
	guint store_timeout_ms;  /* bound on every wait for the store */
	guint retention_days;    /* orders purchased longer ago are expired */
	guint delivery_margin_days; /* delivery = ship date + this, when no delivery date */
	guint64 store_max_age;   /* seconds after the last import that the store is stale; 0: never */
	int syslog_facility;     /* LOG_MAIL, LOG_LOCAL0… */
	LogDest log_dest;        /* syslog, stderr or a file */
	char *log_file;          /* LOG_DEST_FILE: its path (absolute), else NULL */
	LogDest json_dest;       /* none, with the log, or a file */
	char *json_file;         /* json_dest LOG_DEST_FILE: its path (absolute), else NULL */
	ExtractLimits limits;    /* extraction bounds */
} Conf;

#define CONF_ERROR (conf_error_quark())
GQuark conf_error_quark(void);

/* conf_load - read path; errors say "file:line:col: message". */
Conf *conf_load(const char *path, GError **err);
/* conf_facility_name - "mail", "local3"… for a LOG_* facility */
const char *conf_facility_name(int facility);
/* conf_log_dest_name - a destination as written in the file: "syslog",
 * "stderr", "file:/path", "yes", "no" (newly allocated) */
char *conf_log_dest_name(LogDest d, const char *file);
void conf_free(Conf *c);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(Conf, conf_free)

/* conf_relay_market - TRUE when a host addr routes through or to is a relay
 * domain (address_hosts: percent hack, bang paths, quoted local parts...),
 * and when addr cannot be read as an address at all; *market (may be NULL)
 * gets the marketplace, e.g. "de" or "co.uk", newly allocated, or NULL. */
gboolean conf_relay_market(const Conf *c, const char *addr, char **market);

/* conf_bypass - whether mail from client_addr (as the MTA writes it; may be
 * NULL) or by SASL login (may be NULL) goes unchecked: *why gets
 * "network 192.0.2.0/24" or "login helpdesk-*" (g_free), else NULL */
gboolean conf_bypass(const Conf *c, const char *client_addr, const char *login, char **why);

/* conf_bypass_warnings - what -n warns about bypass_networks: a network
 * that covers loopback, where the second hop's clients connect from
 * (char*, one sentence each; may be empty) */
GPtrArray *conf_bypass_warnings(const Conf *c);

/* conf_fail_name - "internal", "parse", "limit", "spool", "timeout", "store" */
const char *conf_fail_name(FailClass k);

/* conf_socket_path - the file of a unix socket spec ("unix:PATH",
 * "local:PATH" or a bare PATH), or NULL for inet */
const char *conf_socket_path(const char *spec);

/* conf_listen_parse - "127.0.0.1:9797" or "[::1]:9797" (numeric address,
 * port 1-65535) -> *sa and *len (either may be NULL); FALSE when malformed */
gboolean conf_listen_parse(const char *spec, struct sockaddr_storage *sa, socklen_t *len);

/* conf_parse_duration - "90", "90s", "15m", "36h", "2d" -> seconds; FALSE on syntax error. */
gboolean conf_parse_duration(const char *s, guint64 *out);

/* conf_parse_size - "50M" -> bytes; FALSE on syntax error or overflow. */
gboolean conf_parse_size(const char *s, guint64 *out);

#endif
