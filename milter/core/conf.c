/*
 * conf.c - configuration file -> Conf.
 *
 * Syntax: "key = value" lines, "#" comments, optional double quotes.  Every
 * key is in one table with its default and bounds, Postfix style, so an
 * unknown or misspelt key is an error with a suggestion, never ignored.
 * Relative paths resolve against the directory of the file, so a config
 * finds its rules wherever the daemon is started from.
 */
#include <arpa/inet.h>
#include <string.h>
#include <syslog.h>
#include "core/conf.h"
#include "util/address.h"
#include "util/cidr.h"
#include "util/text.h"

G_DEFINE_QUARK(amz-conf-error-quark, conf_error)

typedef enum { K_STR, K_PATH, K_SIZE, K_UINT, K_MODE, K_BOOL, K_ENUM, K_DURATION, K_NETS, K_NAMES, K_LISTEN, K_DEST } KeyType;

typedef struct {
	const char *name;
	KeyType type;
	const char *def;          /* default as written in a config file; NULL = unset */
	guint64 min, max;         /* bounds for K_SIZE / K_UINT */
	const char *choices;      /* K_ENUM, K_DEST: space-separated; "file:" in a
	                           * K_DEST's allows "file:PATH" */
} KeyDef;

/* The one table of keys: name, type, default, bounds.  Ceilings are compiled in. */
static const KeyDef keys[] = {
	{ "socket", K_STR, "unix:/run/amzmilter/amzmilter.sock", 0, 0, NULL },
	{ "socket_mode", K_MODE, "0660", 0, 0777, NULL },
	{ "socket_group", K_STR, NULL, 0, 0, NULL },
	{ "user", K_STR, NULL, 0, 0, NULL },
	{ "spool", K_PATH, "/var/spool/amzmilter", 0, 0, NULL },
	{ "rules", K_PATH, "/usr/local/share/amzmilter/rules", 0, 0, NULL },
	{ "local_rules", K_PATH, NULL, 0, 0, NULL },
	{ "mode", K_ENUM, "enforce", 0, 0, "enforce monitor" },
	{ "relay_domains", K_STR,
	  "^(?:m\\.)?marketplace\\.amazon\\.(?:com|[a-z]{2}|co\\.[a-z]{2}|com\\.[a-z]{2})$", 0, 0, NULL },
	{ "mixed_recipients", K_ENUM, "split", 0, 0, "split whole" },
	{ "memory_buffer", K_SIZE, "1M", 0, 256ull << 20, NULL },
	{ "max_message_size", K_SIZE, "50M", 1024, 1ull << 30, NULL },
	{ "on_error", K_ENUM, "tempfail", 0, 0, "tempfail reject quarantine accept" },
	{ "on_internal_error", K_ENUM, NULL, 0, 0, "tempfail reject quarantine accept" },
	{ "on_parse_error", K_ENUM, NULL, 0, 0, "tempfail reject quarantine accept" },
	{ "on_limit", K_ENUM, NULL, 0, 0, "tempfail reject quarantine accept" },
	{ "on_spool_error", K_ENUM, NULL, 0, 0, "tempfail reject quarantine accept" },
	{ "on_timeout", K_ENUM, NULL, 0, 0, "tempfail reject quarantine accept" },
	{ "on_store_error", K_ENUM, NULL, 0, 0, "tempfail reject quarantine accept" },
	{ "order_store", K_STR, NULL, 0, 0, NULL },
	{ "order_store_timeout_ms", K_UINT, "2000", 10, 60000, NULL },
	{ "order_retention_days", K_UINT, "730", 1, 36500, NULL },
	{ "delivery_margin_days", K_UINT, "7", 0, 365, NULL },
	{ "store_max_age", K_DURATION, "0", 0, 0, NULL },
	{ "time_budget_ms", K_UINT, "20000", 100, 600000, NULL },
	{ "mta_timeout", K_UINT, "330", 5, 86400, NULL },
	{ "reply_details", K_BOOL, "yes", 0, 0, NULL },
	{ "reply_max_lines", K_UINT, "12", 1, 30, NULL },
	{ "generic_reply", K_STR, "This message does not meet Amazon's Buyer-Seller Messaging guidelines.", 0, 0, NULL },
	{ "add_headers", K_ENUM, "yes", 0, 0, "yes no internal" },
	{ "second_hop", K_STR, NULL, 0, 0, NULL },
	{ "bypass_networks", K_NETS, NULL, 0, 0, NULL },
	{ "bypass_logins", K_NAMES, NULL, 0, 0, NULL },
	{ "brands", K_PATH, NULL, 0, 0, NULL },
	{ "quarantine_dir", K_PATH, "/var/lib/amzmilter/quarantine", 0, 0, NULL },
	{ "quarantine_notify", K_STR, NULL, 0, 0, NULL },
	{ "metrics_listen", K_LISTEN, NULL, 0, 0, NULL },
	{ "metrics_allow_remote", K_BOOL, "no", 0, 0, NULL },
	{ "syslog_facility", K_ENUM, "mail", 0, 0,
	  "mail daemon user local0 local1 local2 local3 local4 local5 local6 local7" },
	{ "log", K_DEST, "syslog", 0, 0, "syslog stderr file:" },
	{ "json_log", K_DEST, "no", 0, 0, "no yes file:" },
	{ "max_mime_depth", K_UINT, "20", 1, 64, NULL },
	{ "max_mime_parts", K_UINT, "500", 1, 10000, NULL },
	{ "max_part_size", K_SIZE, "20M", 1024, 1ull << 30, NULL },
	{ "max_text_size", K_SIZE, "4M", 1024, 64ull << 20, NULL },
	{ "max_links", K_UINT, "2000", 1, 100000, NULL },
	{ "max_html_nodes", K_UINT, "200000", 100, 5000000, NULL },
	{ "max_headers", K_UINT, "1000", 10, 10000, NULL },
	{ "max_header_size", K_SIZE, "16k", 256, 1024 * 1024, NULL },
	{ "max_analysis_size", K_SIZE, "4M", 1024, 64ull << 20, NULL },
};

static const KeyDef *key_find(const char *name)
{
	for (guint i = 0; i < G_N_ELEMENTS(keys); i++)
		if (strcmp(keys[i].name, name) == 0)
			return &keys[i];
	return NULL;
}

/* key_suggest - the nearest key name within two edits, for "did you mean" */
static const char *key_suggest(const char *name)
{
	const char *names[G_N_ELEMENTS(keys)];

	for (guint i = 0; i < G_N_ELEMENTS(keys); i++)
		names[i] = keys[i].name;
	return text_suggest(name, names, G_N_ELEMENTS(keys), 2, TEXT_SUGGEST_NEAREST);
}

gboolean conf_parse_duration(const char *s, guint64 *out)
{
	static const struct { char unit; guint64 secs; } units[] = {
		{ 's', 1 }, { 'm', 60 }, { 'h', 3600 }, { 'd', 86400 }, { 'w', 7 * 86400 },
	};
	char *end;
	guint64 n;

	if (!g_ascii_isdigit(*s))
		return FALSE;
	n = g_ascii_strtoull(s, &end, 10);
	if (n > G_MAXUINT32)
		return FALSE;
	if (*end == '\0')
		return (*out = n), TRUE;
	for (guint i = 0; i < G_N_ELEMENTS(units); i++)
		if (end[0] == units[i].unit && end[1] == '\0')
			return (*out = n * units[i].secs), TRUE;
	return FALSE;
}

gboolean conf_parse_size(const char *s, guint64 *out)
{
	return text_parse_size(s, G_MAXUINT64, out);
}

static gboolean parse_bool(const char *s, gboolean *out)
{
	static const char *yes[] = { "yes", "true", "on", "1" }, *no[] = { "no", "false", "off", "0" };
	for (guint i = 0; i < G_N_ELEMENTS(yes); i++) {
		if (g_ascii_strcasecmp(s, yes[i]) == 0)
			return (*out = TRUE), TRUE;
		if (g_ascii_strcasecmp(s, no[i]) == 0)
			return (*out = FALSE), TRUE;
	}
	return FALSE;
}

static gboolean enum_ok(const KeyDef *k, const char *v)
{
	g_auto(GStrv) choices = g_strsplit(k->choices, " ", -1);
	return g_strv_contains((const char *const *)choices, v);
}

static const struct { const char *n; int f; } facilities[] = {
	{ "mail", LOG_MAIL }, { "daemon", LOG_DAEMON }, { "user", LOG_USER },
	{ "local0", LOG_LOCAL0 }, { "local1", LOG_LOCAL1 }, { "local2", LOG_LOCAL2 },
	{ "local3", LOG_LOCAL3 }, { "local4", LOG_LOCAL4 }, { "local5", LOG_LOCAL5 },
	{ "local6", LOG_LOCAL6 }, { "local7", LOG_LOCAL7 },
};

static int facility_of(const char *name)
{
	for (guint i = 0; i < G_N_ELEMENTS(facilities); i++)
		if (strcmp(facilities[i].n, name) == 0)
			return facilities[i].f;
	return LOG_MAIL;
}

const char *conf_facility_name(int facility)
{
	for (guint i = 0; i < G_N_ELEMENTS(facilities); i++)
		if (facilities[i].f == facility)
			return facilities[i].n;
	return "?";
}

static const struct { const char *n; LogDest d; } dests[] = {
	{ "no", LOG_DEST_NONE }, { "yes", LOG_DEST_LOG }, { "syslog", LOG_DEST_SYSLOG },
	{ "stderr", LOG_DEST_STDERR },
};

/* dest_ok - a K_DEST value: one of its words, or "file:" and a path */
static gboolean dest_ok(const KeyDef *k, const char *v)
{
	if (g_str_has_prefix(v, "file:"))
		return strstr(k->choices, "file:") != NULL && v[5] != '\0';
	return strcmp(v, "file:") != 0 && enum_ok(k, v);
}

/* dest_of - a valid K_DEST value -> destination, *file the resolved path */
static LogDest dest_of(const char *dir, const char *v, char **file)
{
	*file = NULL;
	if (g_str_has_prefix(v, "file:")) {
		*file = g_path_is_absolute(v + 5) ? g_canonicalize_filename(v + 5, NULL)
		                                  : g_canonicalize_filename(v + 5, dir);
		return LOG_DEST_FILE;
	}
	for (guint i = 0; i < G_N_ELEMENTS(dests); i++)
		if (strcmp(dests[i].n, v) == 0)
			return dests[i].d;
	return LOG_DEST_NONE;
}

char *conf_log_dest_name(LogDest d, const char *file)
{
	if (d == LOG_DEST_FILE)
		return g_strconcat("file:", file ? file : "", NULL);
	for (guint i = 0; i < G_N_ELEMENTS(dests); i++)
		if (dests[i].d == d)
			return g_strdup(dests[i].n);
	return g_strdup("?");
}

/* check_value - validate one value against its key; message in *why,
 * and in *off the offset in v of what is wrong */
static gboolean check_value(const KeyDef *k, const char *v, char **why, gsize *off)
{
	guint64 n;
	gboolean b;

	*off = 0;
	switch (k->type) {
	case K_NETS: {
		g_autoptr(GArray) nets = g_array_new(FALSE, FALSE, sizeof(CidrNet));
		g_autofree char *w = NULL;
		if (!cidr_parse_list(v, nets, off, &w)) {
			*why = g_strdup_printf("%s: %s", k->name, w);
			return FALSE;
		}
		return TRUE;
	}
	case K_NAMES:
		return TRUE;
	case K_SIZE:
	case K_UINT:
		if (!conf_parse_size(v, &n) || (k->type == K_UINT && !g_ascii_isdigit(v[strlen(v) - 1]))) {
			*why = g_strdup_printf("%s: \"%s\" is not a %s", k->name, v,
			                       k->type == K_SIZE ? "size (like 512k, 10M)" : "whole number");
			return FALSE;
		}
		if (n < k->min || n > k->max) {
			*why = g_strdup_printf("%s: %s is out of range (%" G_GUINT64_FORMAT " to %" G_GUINT64_FORMAT ")",
			                       k->name, v, k->min, k->max);
			return FALSE;
		}
		return TRUE;
	case K_MODE:
		n = g_ascii_strtoull(v, NULL, 8);
		if (strspn(v, "01234567") != strlen(v) || *v == '\0' || n > k->max) {
			*why = g_strdup_printf("%s: \"%s\" is not an octal mode like 0660", k->name, v);
			return FALSE;
		}
		return TRUE;
	case K_BOOL:
		if (!parse_bool(v, &b)) {
			*why = g_strdup_printf("%s: \"%s\" is not yes or no", k->name, v);
			return FALSE;
		}
		return TRUE;
	case K_ENUM:
		/* add_headers was a yes/no key: every yes/no spelling still reads */
		if (!enum_ok(k, v) && !(g_str_has_prefix(k->choices, "yes no ") && parse_bool(v, &b))) {
			*why = g_strdup_printf("%s: \"%s\" is not one of: %s", k->name, v, k->choices);
			return FALSE;
		}
		return TRUE;
	case K_DEST:
		if (!dest_ok(k, v)) {
			g_autofree char *words = g_strdup(k->choices);
			char *f = strstr(words, " file:");
			if (f)
				*f = '\0';
			*why = g_strdup_printf("%s: \"%s\" is not one of: %s, file:PATH", k->name, v, words);
			return FALSE;
		}
		return TRUE;
	case K_DURATION:
		if (!conf_parse_duration(v, &n)) {
			*why = g_strdup_printf("%s: \"%s\" is not a duration (like 90s, 15m, 36h, 2d)", k->name, v);
			return FALSE;
		}
		return TRUE;
	case K_LISTEN:
		if (!conf_listen_parse(v, NULL, NULL)) {
			*why = g_strdup_printf("%s: \"%s\" is not ADDRESS:PORT with a numeric address "
			                       "(like 127.0.0.1:9797 or [::1]:9797)", k->name, v);
			return FALSE;
		}
		return TRUE;
	case K_STR:
	case K_PATH:
		return TRUE;
	}
	return TRUE;
}

/* split_names - "alice, helpdesk-*" -> NULL-terminated vector, or NULL when empty */
static char **split_names(const char *v)
{
	const char *p = v ? v : "", *start;
	GPtrArray *out = g_ptr_array_new();
	gsize len;

	while ((start = text_list_next(&p, &len)) != NULL)
		g_ptr_array_add(out, g_strndup(start, len));
	if (out->len == 0) {
		g_ptr_array_unref(out);
		return NULL;
	}
	g_ptr_array_add(out, NULL);
	return (char **)g_ptr_array_free(out, FALSE);
}

gboolean conf_listen_parse(const char *spec, struct sockaddr_storage *sa, socklen_t *len)
{
	struct sockaddr_storage ss = { 0 };
	g_autofree char *host = NULL;
	const char *colon, *port;
	char *end;
	guint64 n;

	if (spec[0] == '[') {
		const char *close = strchr(spec, ']');
		if (close == NULL || close[1] != ':')
			return FALSE;
		host = g_strndup(spec + 1, close - spec - 1);
		port = close + 2;
	} else {
		if ((colon = strrchr(spec, ':')) == NULL || strchr(spec, ':') != colon)
			return FALSE;
		host = g_strndup(spec, colon - spec);
		port = colon + 1;
	}
	if (!g_ascii_isdigit(*port))
		return FALSE;
	n = g_ascii_strtoull(port, &end, 10);
	if (*end != '\0' || n == 0 || n > 65535)
		return FALSE;
	if (spec[0] == '[') {
		struct sockaddr_in6 *a = (struct sockaddr_in6 *)&ss;
		if (inet_pton(AF_INET6, host, &a->sin6_addr) != 1)
			return FALSE;
		a->sin6_family = AF_INET6;
		a->sin6_port = htons((guint16)n);
	} else {
		struct sockaddr_in *a = (struct sockaddr_in *)&ss;
		if (inet_pton(AF_INET, host, &a->sin_addr) != 1)
			return FALSE;
		a->sin_family = AF_INET;
		a->sin_port = htons((guint16)n);
	}
	if (sa)
		*sa = ss;
	if (len)
		*len = ss.ss_family == AF_INET6 ? sizeof(struct sockaddr_in6) : sizeof(struct sockaddr_in);
	return TRUE;
}

/* listen_loopback - spec (already valid) names 127.0.0.0/8, ::1 or ::ffff:127.x */
static gboolean listen_loopback(const char *spec)
{
	struct sockaddr_storage ss;

	conf_listen_parse(spec, &ss, NULL);
	if (ss.ss_family == AF_INET)
		return (ntohl(((struct sockaddr_in *)&ss)->sin_addr.s_addr) >> 24) == 127;
	{
		const struct in6_addr *a = &((struct sockaddr_in6 *)&ss)->sin6_addr;
		return IN6_IS_ADDR_LOOPBACK(a) || (IN6_IS_ADDR_V4MAPPED(a) && a->s6_addr[12] == 127);
	}
}

/* resolve - a relative path against the config file's directory */
static char *resolve(const char *dir, const char *v)
{
	if (v == NULL)
		return NULL;
	if (g_path_is_absolute(v))
		return g_canonicalize_filename(v, NULL);
	return g_canonicalize_filename(v, dir);
}

const char *conf_socket_path(const char *spec)
{
	if (g_str_has_prefix(spec, "unix:"))
		return spec + 5;
	if (g_str_has_prefix(spec, "local:"))
		return spec + 6;
	if (strchr(spec, ':') == NULL)
		return spec;
	return NULL;
}

/* resolve_socket - "unix:rel/path" (or "local:") against dir; inet unchanged */
static char *resolve_socket(const char *dir, const char *v)
{
	const char *p = conf_socket_path(v);
	if (p == NULL || g_path_is_absolute(p))
		return g_strdup(v);
	g_autofree char *abs = g_canonicalize_filename(p, dir);
	return g_strconcat("unix:", abs, NULL);
}

/* conf_build - values table -> Conf; values already validated */
static Conf *conf_build(const char *path, GHashTable *vals, GError **err)
{
	Conf *c = g_new0(Conf, 1);
	g_autofree char *dir = g_path_get_dirname(path);
	int ecode;
	PCRE2_SIZE eoff;
	guint64 n;
	gboolean b;
	const char *v;

#define VAL(name) ((const char *)g_hash_table_lookup(vals, name))
	c->path = g_strdup(path);
	c->socket = resolve_socket(dir, VAL("socket"));
	c->socket_mode = (guint)g_ascii_strtoull(VAL("socket_mode"), NULL, 8);
	c->socket_group = g_strdup(VAL("socket_group"));
	c->user = g_strdup(VAL("user"));
	c->spool = resolve(dir, VAL("spool"));
	c->rules_dir = resolve(dir, VAL("rules"));
	c->local_rules_dir = resolve(dir, VAL("local_rules"));
	c->monitor = strcmp(VAL("mode"), "monitor") == 0;
	c->relay_domains = g_strdup(VAL("relay_domains"));
	c->mixed = strcmp(VAL("mixed_recipients"), "split") == 0 ? MIXED_SPLIT : MIXED_WHOLE;
	conf_parse_size(VAL("memory_buffer"), &c->memory_buffer);
	conf_parse_size(VAL("max_message_size"), &c->max_message_size);
	action_parse(VAL("on_error"), &c->on_error);
	for (int k = 0; k < FAIL__N; k++) {
		static const char *const key[FAIL__N] = {
			[FAIL_INTERNAL] = "on_internal_error", [FAIL_PARSE] = "on_parse_error",
			[FAIL_LIMIT] = "on_limit", [FAIL_SPOOL] = "on_spool_error",
			[FAIL_TIMEOUT] = "on_timeout", [FAIL_STORE] = "on_store_error",
		};
		c->on_fail[k] = c->on_error;
		if (VAL(key[k]))
			action_parse(VAL(key[k]), &c->on_fail[k]);
	}
	conf_parse_size(VAL("time_budget_ms"), &c->time_budget_ms);
	conf_parse_size(VAL("mta_timeout"), &c->mta_timeout);
	parse_bool(VAL("reply_details"), &c->reply_details);
	conf_parse_size(VAL("reply_max_lines"), &n);
	c->reply_max_lines = (guint)n;
	c->generic_reply = g_strdup(VAL("generic_reply"));
	if (strcmp(VAL("add_headers"), "internal") == 0)
		c->add_headers = HEADERS_INTERNAL;
	else if (parse_bool(VAL("add_headers"), &b))
		c->add_headers = b ? HEADERS_YES : HEADERS_NO;
	c->second_hop = g_strdup(VAL("second_hop"));
	c->bypass_nets = g_array_new(FALSE, FALSE, sizeof(CidrNet));
	if (VAL("bypass_networks")) {
		gsize off;
		g_autofree char *why = NULL;
		cidr_parse_list(VAL("bypass_networks"), c->bypass_nets, &off, &why);   /* checked */
	}
	c->bypass_logins = split_names(VAL("bypass_logins"));
	c->brands_dir = resolve(dir, VAL("brands"));
	c->quarantine_dir = resolve(dir, VAL("quarantine_dir"));
	c->quarantine_notify = g_strdup(VAL("quarantine_notify"));
	c->metrics_listen = g_strdup(VAL("metrics_listen"));
	parse_bool(VAL("metrics_allow_remote"), &c->metrics_allow_remote);
	c->order_store = g_strdup(VAL("order_store"));
	if (c->order_store && g_str_has_prefix(c->order_store, "sqlite:") &&
	    !g_path_is_absolute(c->order_store + 7)) {
		g_autofree char *abs = resolve(dir, c->order_store + 7);
		g_free(c->order_store);
		c->order_store = g_strconcat("sqlite:", abs, NULL);
	}
	conf_parse_size(VAL("order_store_timeout_ms"), &n), c->store_timeout_ms = (guint)n;
	conf_parse_size(VAL("order_retention_days"), &n), c->retention_days = (guint)n;
	conf_parse_size(VAL("delivery_margin_days"), &n), c->delivery_margin_days = (guint)n;
	conf_parse_duration(VAL("store_max_age"), &c->store_max_age);
	c->syslog_facility = facility_of(VAL("syslog_facility"));
	c->log_dest = dest_of(dir, VAL("log"), &c->log_file);
	c->json_dest = dest_of(dir, VAL("json_log"), &c->json_file);
	limits_default(&c->limits);
	conf_parse_size(VAL("max_mime_depth"), &n), c->limits.max_depth = (guint)n;
	conf_parse_size(VAL("max_mime_parts"), &n), c->limits.max_parts = (guint)n;
	conf_parse_size(VAL("max_part_size"), &c->limits.max_part_bytes);
	conf_parse_size(VAL("max_text_size"), &c->limits.max_text_bytes);
	conf_parse_size(VAL("max_links"), &n), c->limits.max_links = (guint)n;
	conf_parse_size(VAL("max_html_nodes"), &n), c->limits.max_html_nodes = (guint)n;
	conf_parse_size(VAL("max_headers"), &n), c->limits.max_headers = (guint)n;
	conf_parse_size(VAL("max_header_size"), &n), c->limits.max_header_bytes = (guint)n;
	conf_parse_size(VAL("max_analysis_size"), &c->limits.max_analysis_bytes);

	v = c->relay_domains;
	c->relay_re = pcre2_compile((PCRE2_SPTR)v, PCRE2_ZERO_TERMINATED, PCRE2_CASELESS,
	                            &ecode, &eoff, NULL);
	if (c->relay_re == NULL) {
		PCRE2_UCHAR msg[256];
		pcre2_get_error_message(ecode, msg, sizeof msg);
		g_set_error(err, CONF_ERROR, 1, "%s: relay_domains: %s at offset %zu", path,
		            (char *)msg, (size_t)eoff);
		conf_free(c);
		return NULL;
	}
#undef VAL
	return c;
}

Conf *conf_load(const char *path_in, GError **err)
{
	g_autofree char *path = g_canonicalize_filename(path_in, NULL);
	g_autofree char *data = NULL;
	g_autoptr(GHashTable) vals = g_hash_table_new_full(g_str_hash, g_str_equal, NULL, g_free);
	/* key -> "line:col" of its value, for errors that involve two keys */
	g_autoptr(GHashTable) at = g_hash_table_new_full(g_str_hash, g_str_equal, NULL, g_free);
	g_auto(GStrv) lines = NULL;
	GError *ioerr = NULL;
	/* every line's error is reported, not only the first */
	g_autoptr(GString) errors = g_string_new(NULL);

	if (!g_file_get_contents(path, &data, NULL, &ioerr)) {
		g_set_error(err, CONF_ERROR, 1, "%s: %s", path_in, ioerr->message);
		g_error_free(ioerr);
		return NULL;
	}
	for (guint i = 0; i < G_N_ELEMENTS(keys); i++)
		if (keys[i].def)
			g_hash_table_insert(vals, (gpointer)keys[i].name, g_strdup(keys[i].def));

	lines = g_strsplit(data, "\n", -1);
	for (guint ln = 0; lines[ln]; ln++) {
		char *line = lines[ln], *eq, *key, *val;
		const KeyDef *k;
		g_autofree char *why = NULL;
		gsize off;

		while (g_ascii_isspace(*line))
			line++;
		g_strchomp(line);
		if (*line == '#' || *line == '\0')
			continue;
		eq = strchr(line, '=');
		if (eq == NULL) {
			g_string_append_printf(errors, "%s%s:%u:1: expected \"key = value\"",
			                       errors->len ? "\n" : "", path_in, ln + 1);
			continue;
		}
		*eq = '\0';
		key = g_strstrip(line);
		val = eq + 1;
		while (g_ascii_isspace(*val))   /* skip, not chug: columns stay true */
			val++;
		g_strchomp(val);
		if (*val == '"') {
			char *end = strrchr(val + 1, '"');
			if (end == NULL) {
				g_string_append_printf(errors, "%s%s:%u:%zu: unterminated quoted value",
				                       errors->len ? "\n" : "", path_in, ln + 1,
				                       (gsize)(val - lines[ln]) + 1);
				continue;
			}
			*end = '\0';
			val++;
		} else {
			char *hash = strstr(val, " #");
			if (hash)
				*hash = '\0';
			g_strstrip(val);
		}
		k = key_find(key);
		if (k == NULL) {
			const char *s = key_suggest(key);
			g_string_append_printf(errors, "%s%s:%u:1: unknown key \"%s\"%s%s%s",
			                       errors->len ? "\n" : "", path_in, ln + 1, key,
			                       s ? " (did you mean \"" : "", s ? s : "", s ? "\"?)" : "");
			continue;
		}
		if (!check_value(k, val, &why, &off)) {
			g_string_append_printf(errors, "%s%s:%u:%zu: %s", errors->len ? "\n" : "", path_in,
			                       ln + 1, (gsize)(val - lines[ln]) + off + 1, why);
			continue;
		}
		g_hash_table_insert(vals, (gpointer)k->name, g_strdup(val));
		g_hash_table_insert(at, (gpointer)k->name,
		                    g_strdup_printf("%u:%zu", ln + 1, (gsize)(val - lines[ln]) + 1));
	}
	/* Only the second hop sees mail just before it leaves for the relay. */
	if (strcmp(g_hash_table_lookup(vals, "add_headers"), "internal") == 0 &&
	    g_hash_table_lookup(vals, "second_hop") == NULL)
		g_string_append_printf(errors, "%s%s:%s: add_headers = internal needs second_hop: the second "
		                       "hop removes the headers before the mail leaves", errors->len ? "\n" : "",
		                       path_in, (const char *)g_hash_table_lookup(at, "add_headers"));
	/* The endpoint has no authentication: other hosts only when asked for. */
	if (g_hash_table_lookup(vals, "metrics_listen") && !listen_loopback(g_hash_table_lookup(vals, "metrics_listen"))) {
		gboolean remote = FALSE;
		parse_bool(g_hash_table_lookup(vals, "metrics_allow_remote"), &remote);
		if (!remote)
			g_string_append_printf(errors, "%s%s:%s: metrics_listen: %s is not a loopback address "
			                       "and the metrics endpoint has no authentication; set "
			                       "metrics_allow_remote = yes to serve it there",
			                       errors->len ? "\n" : "", path_in,
			                       (const char *)g_hash_table_lookup(at, "metrics_listen"),
			                       (const char *)g_hash_table_lookup(vals, "metrics_listen"));
	}
	if (errors->len > 0) {
		g_set_error_literal(err, CONF_ERROR, 1, errors->str);
		return NULL;
	}
	return conf_build(path, vals, err);
}

void conf_free(Conf *c)
{
	if (c == NULL)
		return;
	g_free(c->path);
	g_free(c->socket);
	g_free(c->socket_group);
	g_free(c->user);
	g_free(c->spool);
	g_free(c->rules_dir);
	g_free(c->local_rules_dir);
	g_free(c->relay_domains);
	if (c->relay_re)
		pcre2_code_free(c->relay_re);
	g_free(c->generic_reply);
	g_free(c->second_hop);
	if (c->bypass_nets)
		g_array_unref(c->bypass_nets);
	g_strfreev(c->bypass_logins);
	g_free(c->brands_dir);
	g_free(c->quarantine_dir);
	g_free(c->quarantine_notify);
	g_free(c->metrics_listen);
	g_free(c->order_store);
	g_free(c->log_file);
	g_free(c->json_file);
	g_free(c);
}

const char *conf_fail_name(FailClass k)
{
	static const char *const names[FAIL__N] = {
		[FAIL_INTERNAL] = "internal", [FAIL_PARSE] = "parse", [FAIL_LIMIT] = "limit",
		[FAIL_SPOOL] = "spool", [FAIL_TIMEOUT] = "timeout", [FAIL_STORE] = "store",
	};
	return (guint)k < FAIL__N ? names[k] : "internal";
}

gboolean conf_relay_market(const Conf *c, const char *addr, char **market)
{
	g_autoptr(GPtrArray) hosts = g_ptr_array_new_with_free_func(g_free);
	pcre2_match_data *md;
	gboolean relay = FALSE;

	if (market)
		*market = NULL;
	/* unreadable: nobody can say where the MTA delivers it, so it is checked */
	if (!address_hosts(addr, hosts))
		return TRUE;
	md = pcre2_match_data_create(1, NULL);
	for (guint i = 0; i < hosts->len && !relay; i++) {
		const char *dom = hosts->pdata[i];
		if (pcre2_match(c->relay_re, (PCRE2_SPTR)dom, strlen(dom), 0, 0, md, NULL) < 0)
			continue;
		relay = TRUE;
		if (market) {
			const char *m = strstr(dom, "marketplace.amazon.");
			*market = g_strdup(m ? m + strlen("marketplace.amazon.") : dom);
		}
	}
	pcre2_match_data_free(md);
	return relay;
}

gboolean conf_bypass(const Conf *c, const char *client_addr, const char *login, char **why)
{
	guint8 a[16];

	*why = NULL;
	if (c->bypass_nets->len > 0 && cidr_addr(client_addr, a)) {
		for (guint i = 0; i < c->bypass_nets->len; i++) {
			const CidrNet *n = &g_array_index(c->bypass_nets, CidrNet, i);
			if (cidr_contains(n, a)) {
				g_autofree char *net = cidr_format(n);
				*why = g_strdup_printf("network %s", net);
				return TRUE;
			}
		}
	}
	/* SASL logins are compared as the server authenticated them: exactly,
	 * case included; a "*" or "?" in an entry is a wildcard */
	for (guint i = 0; login && *login && c->bypass_logins && c->bypass_logins[i]; i++) {
		if (g_pattern_match_simple(c->bypass_logins[i], login)) {
			*why = g_strdup_printf("login %s", c->bypass_logins[i]);
			return TRUE;
		}
	}
	return FALSE;
}

GPtrArray *conf_bypass_warnings(const Conf *c)
{
	static const char *const loopback[] = { "127.0.0.1", "::1" };
	GPtrArray *out = g_ptr_array_new_with_free_func(g_free);

	for (guint i = 0; i < c->bypass_nets->len; i++) {
		const CidrNet *n = &g_array_index(c->bypass_nets, CidrNet, i);
		for (guint k = 0; k < G_N_ELEMENTS(loopback); k++) {
			guint8 a[16];
			g_autofree char *net = NULL;
			if (!cidr_addr(loopback[k], a) || !cidr_contains(n, a))
				continue;
			net = cidr_format(n);
			if (c->second_hop)
				g_ptr_array_add(out, g_strdup_printf(
					"bypass_networks: %s covers loopback (%s): every program on this host that "
					"submits over SMTP (the listener on 127.0.0.1:10026) goes unchecked; the second "
					"hop (%s, 127.0.0.1:10027) is never bypassed, but a Postfix smtpd_milter_maps "
					"entry for loopback would switch the milter off there too", net, loopback[k],
					c->second_hop));
			else
				g_ptr_array_add(out, g_strdup_printf(
					"bypass_networks: %s covers loopback (%s), where Postfix re-injects relay mail "
					"(the second hop, 127.0.0.1:10027): with second_hop unset that hop cannot be told "
					"apart, so every relay message re-injected there passes unchecked", net, loopback[k]));
			break;
		}
	}
	return out;
}
