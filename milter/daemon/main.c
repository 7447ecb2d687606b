/*
 * main.c - amzmilter daemon: options, config check, socket, privilege
 * drop, reload on a signal, then libmilter's main loop.
 *
 * Runs in the foreground (systemd style).  The socket and the spool are
 * opened as root, then the process drops to the configured user with a
 * checked initgroups/setgid/setuid.
 */
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <netdb.h>
#include <pwd.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>
#include "extract/extract.h"
#include "core/log.h"
#include "daemon/exporter.h"
#include "daemon/milter.h"
#include "daemon/wraps.h"
#include "engine/metrics.h"
#include "engine/snapshot.h"
#include "engine/token.h"
#include "util/cidr.h"

#ifndef AMZ_DEFAULT_CONF
#define AMZ_DEFAULT_CONF "/etc/amzmilter/amzmilter.conf"
#endif

/* restart_key - log a key the reload read but cannot apply */
static void restart_key(const char *key, const char *was, const char *now)
{
	if (g_strcmp0(was, now) != 0)
		log_msg(LOG_WARNING, "reload: %s changed (%s -> %s): it takes effect only after a restart; "
		        "still using %s", key, was ? was : "-", now ? now : "-", was ? was : "-");
}

/* restart_keys - the socket, the user, the spool, the log and the metrics endpoint are set up
 * once, at start: a reload that changes them says so */
static void restart_keys(const Conf *was, const Conf *now)
{
	char a[16], b[16];

	restart_key("socket", was->socket, now->socket);
	g_snprintf(a, sizeof a, "%04o", was->socket_mode);
	g_snprintf(b, sizeof b, "%04o", now->socket_mode);
	restart_key("socket_mode", a, b);
	restart_key("socket_group", was->socket_group, now->socket_group);
	restart_key("user", was->user, now->user);
	restart_key("spool", was->spool, now->spool);
	restart_key("metrics_listen", was->metrics_listen, now->metrics_listen);
	restart_key("syslog_facility", conf_facility_name(was->syslog_facility),
	            conf_facility_name(now->syslog_facility));
	{
		g_autofree char *lw = conf_log_dest_name(was->log_dest, was->log_file);
		g_autofree char *ln = conf_log_dest_name(now->log_dest, now->log_file);
		g_autofree char *jw = conf_log_dest_name(was->json_dest, was->json_file);
		g_autofree char *jn = conf_log_dest_name(now->json_dest, now->json_file);
		restart_key("log", lw, ln);
		restart_key("json_log", jw, jn);
	}
}

/* log_bypass_warnings - what -n warns about bypass_networks, in the log too */
static void log_bypass_warnings(const Conf *c)
{
	g_autoptr(GPtrArray) w = conf_bypass_warnings(c);

	for (guint i = 0; i < w->len; i++)
		log_msg(LOG_WARNING, "%s: warning: %s", c->path, (const char *)w->pdata[i]);
}

/* reload - the configuration and rules again; the log files too, so a
 * rotation may use either signal */
static void reload(void)
{
	g_autoptr(GError) err = NULL;
	Snapshot *was = snapshot_acquire(), *s;

	log_reopen();
	if (!snapshot_reload(&err)) {
		metrics_reload(FALSE);
		log_msg(LOG_ERR, "reload failed, keeping the running configuration: %s", err->message);
		snapshot_release(was);
		return;
	}
	metrics_reload(TRUE);
	s = snapshot_acquire();
	log_msg(LOG_NOTICE, "reloaded %s: %u rules (generation %u)%s", s->conf->path,
	        rules_count(s->rules), s->generation, s->conf->monitor ? ", monitor mode" : "");
	log_bypass_warnings(s->conf);
	if (was != NULL)
		restart_keys(was->conf, s->conf);
	snapshot_release(s);
	snapshot_release(was);
}

/*
 * reload_thread - SIGUSR1 reloads, in every build; SIGUSR2 only reopens
 * the log files (logrotate's postrotate).  Both are blocked in all threads
 * (main() blocks them before any thread exists) and waited for only here,
 * so what they do runs in an ordinary thread, not in a signal handler;
 * libmilter's signal thread waits for SIGHUP, SIGTERM and SIGINT, never
 * for these.  With the link wraps SIGHUP reloads as well (wraps.c).
 */
static gpointer reload_thread(gpointer data)
{
	const sigset_t *set = data;
	int sig;

	for (;;) {
		if (sigwait(set, &sig) != 0)
			continue;
		if (sig == SIGUSR1)
			reload();
		else if (sig == SIGUSR2)
			log_reopen();
	}
	return NULL;
}

/* What this process set up and removes on a clean stop. */
static struct {
	char *socket_path;      /* the unix socket we bound, or NULL */
	dev_t dev;
	ino_t ino;
	char *pid_path;         /* the spool's pid file, locked while we run */
} owned;

/* socket_live - something accepts connections on spec (libmilter's
 * "unix:PATH", "inet:PORT@HOST", "inet6:PORT@HOST") */
static gboolean socket_live(const char *spec)
{
	const char *path = conf_socket_path(spec);
	gboolean live = FALSE;

	if (path != NULL) {
		struct sockaddr_un sa = { .sun_family = AF_UNIX };
		int fd;
		if (strlen(path) >= sizeof sa.sun_path)
			return FALSE;
		strcpy(sa.sun_path, path);
		fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
		live = fd >= 0 && connect(fd, (struct sockaddr *)&sa, sizeof sa) == 0;
		if (fd >= 0)
			close(fd);
	} else {
		const char *colon = strchr(spec, ':'), *at = colon ? strchr(colon, '@') : NULL;
		g_autofree char *port = NULL, *host = NULL;
		struct addrinfo hints = { .ai_socktype = SOCK_STREAM }, *res = NULL;
		if (colon == NULL)
			return FALSE;
		port = at ? g_strndup(colon + 1, at - colon - 1) : g_strdup(colon + 1);
		host = g_strdup(at && at[1] ? at + 1 : g_str_has_prefix(spec, "inet6:") ? "::1" : "127.0.0.1");
		hints.ai_family = g_str_has_prefix(spec, "inet6:") ? AF_INET6 : AF_INET;
		hints.ai_flags = AI_NUMERICSERV;
		if (getaddrinfo(host, port, &hints, &res) != 0)
			return FALSE;
		for (struct addrinfo *ai = res; ai && !live; ai = ai->ai_next) {
			int fd = socket(ai->ai_family, SOCK_STREAM | SOCK_CLOEXEC, 0);
			live = fd >= 0 && connect(fd, ai->ai_addr, ai->ai_addrlen) == 0;
			if (fd >= 0)
				close(fd);
		}
		freeaddrinfo(res);
	}
	return live;
}

/* lock_instance - one daemon per spool: SPOOL/amzmilter.pid, locked and
 * holding our pid while we run; FALSE (logged) when another holds it */
static gboolean lock_instance(const Conf *c, const struct passwd *pw)
{
	g_autofree char *path = g_build_filename(c->spool, "amzmilter.pid", NULL);
	char buf[32];
	int fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0644);

	struct stat st;

	if (fd < 0) {
		log_msg(LOG_ERR, "cannot open %s: %s", path, g_strerror(errno));
		return FALSE;
	}
	/* opened as root in a directory the daemon's user owns: only a plain
	 * file of ours, never a link planted to another file */
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_nlink != 1 ||
	    (st.st_uid != 0 && (pw == NULL || st.st_uid != pw->pw_uid))) {
		log_msg(LOG_ERR, "%s is not a plain file of amzmilter's (a link?); not starting", path);
		close(fd);
		return FALSE;
	}
	if (flock(fd, LOCK_EX | LOCK_NB) != 0) {
		ssize_t n = read(fd, buf, sizeof buf - 1);
		buf[n > 0 ? n : 0] = '\0';
		g_strstrip(buf);
		log_msg(LOG_ERR, "another amzmilter (pid %s) is running with the spool %s (%s is locked); "
		        "not starting", *buf ? buf : "?", c->spool, path);
		close(fd);
		return FALSE;
	}
	g_snprintf(buf, sizeof buf, "%ld\n", (long)getpid());
	if (ftruncate(fd, 0) != 0 || write(fd, buf, strlen(buf)) != (ssize_t)strlen(buf) ||
	    (pw && fchown(fd, pw->pw_uid, pw->pw_gid) != 0)) {
		log_msg(LOG_ERR, "cannot write %s: %s", path, g_strerror(errno));
		close(fd);
		return FALSE;
	}
	owned.pid_path = g_steal_pointer(&path);
	return TRUE;   /* fd stays open: the lock lasts as long as the process */
}

/* release_owned - a clean stop removes the socket (if still the one we
 * bound) and the pid file */
static void release_owned(void)
{
	struct stat st;

	if (owned.socket_path && lstat(owned.socket_path, &st) == 0 && st.st_dev == owned.dev &&
	    st.st_ino == owned.ino && unlink(owned.socket_path) != 0)
		log_msg(LOG_WARNING, "cannot remove %s: %s", owned.socket_path, g_strerror(errno));
	if (owned.pid_path)
		unlink(owned.pid_path);
}

/* open_socket - create the listening socket with the configured mode and
 * group, owned by the user we will run as; never over a live one */
static gboolean open_socket(const Conf *c, const struct passwd *pw)
{
	const char *path = conf_socket_path(c->socket);
	mode_t old;
	int rc;

	if (socket_live(c->socket)) {
		log_msg(LOG_ERR, "%s is in use: another amzmilter (or another program) serves it; "
		        "not starting, the running one keeps serving", c->socket);
		return FALSE;
	}
	if (path) {
		g_autofree char *dir = g_path_get_dirname(path);
		gboolean made = !g_file_test(dir, G_FILE_TEST_IS_DIR);
		if (g_mkdir_with_parents(dir, 0755) != 0) {
			log_msg(LOG_ERR, "cannot create %s: %s", dir, g_strerror(errno));
			return FALSE;
		}
		/* a directory made here is ours to remove the socket from at the stop */
		if (made && pw && chown(dir, pw->pw_uid, (gid_t)-1) != 0) {
			log_msg(LOG_ERR, "chown %s: %s", dir, g_strerror(errno));
			return FALSE;
		}
	}
	if (smfi_setconn(c->socket) != MI_SUCCESS) {
		log_msg(LOG_ERR, "invalid socket %s", c->socket);
		return FALSE;
	}
	/* The socket is born with the right mode: no window where it is wider. */
	old = umask(0777 & ~c->socket_mode);
	rc = smfi_opensocket(true);
	umask(old);
	if (rc != MI_SUCCESS) {
		log_msg(LOG_ERR, "cannot open socket %s", c->socket);
		return FALSE;
	}
	if (path) {
		gid_t gid = (gid_t)-1;
		uid_t uid = (uid_t)-1;
		if (c->socket_group) {
			struct group *gr = getgrnam(c->socket_group);
			if (gr == NULL) {
				log_msg(LOG_ERR, "socket_group %s: no such group", c->socket_group);
				return FALSE;
			}
			gid = gr->gr_gid;
		}
		if (pw)
			uid = pw->pw_uid;
		if ((uid != (uid_t)-1 || gid != (gid_t)-1) && chown(path, uid, gid) != 0) {
			log_msg(LOG_ERR, "chown %s: %s", path, g_strerror(errno));
			return FALSE;
		}
		if (chmod(path, c->socket_mode) != 0) {
			log_msg(LOG_ERR, "chmod %s: %s", path, g_strerror(errno));
			return FALSE;
		}
		struct stat st;
		if (lstat(path, &st) == 0) {
			owned.socket_path = g_strdup(path);
			owned.dev = st.st_dev;
			owned.ino = st.st_ino;
		}
	}
	return TRUE;
}

/* prepare_spool - 0700 directory owned by the user we will run as */
static gboolean prepare_spool(const Conf *c, const struct passwd *pw)
{
	if (g_mkdir_with_parents(c->spool, 0700) != 0) {
		log_msg(LOG_ERR, "cannot create spool %s: %s", c->spool, g_strerror(errno));
		return FALSE;
	}
	if (pw && chown(c->spool, pw->pw_uid, pw->pw_gid) != 0) {
		log_msg(LOG_ERR, "chown %s: %s", c->spool, g_strerror(errno));
		return FALSE;
	}
	if (chmod(c->spool, 0700) != 0) {
		log_msg(LOG_ERR, "chmod %s: %s", c->spool, g_strerror(errno));
		return FALSE;
	}
	return TRUE;
}

/* drop_privileges - initgroups, setgid, setuid, each checked, then verified */
static gboolean drop_privileges(const struct passwd *pw)
{
	if (initgroups(pw->pw_name, pw->pw_gid) != 0 || setgid(pw->pw_gid) != 0 ||
	    setuid(pw->pw_uid) != 0) {
		log_msg(LOG_ERR, "cannot drop privileges to %s: %s", pw->pw_name, g_strerror(errno));
		return FALSE;
	}
	if (setuid(0) == 0 || geteuid() != pw->pw_uid || getegid() != pw->pw_gid) {
		log_msg(LOG_ERR, "privileges not dropped to %s", pw->pw_name);
		return FALSE;
	}
	return TRUE;
}

/* The command line. */
typedef struct {
	char *conf_path, *sock, *user;
	gboolean check_only, verbose, version;
} Options;

/* parse_options - argv -> o; FALSE (message printed) on a usage error */
static gboolean parse_options(int *argc, char ***argv, Options *o)
{
	GOptionEntry entries[] = {
		{ "config", 'c', 0, G_OPTION_ARG_FILENAME, &o->conf_path, "Configuration file (default " AMZ_DEFAULT_CONF ")", "FILE" },
		{ "socket", 'p', 0, G_OPTION_ARG_STRING, &o->sock, "Listen on SOCKET (unix:/path or inet:PORT@HOST), overrides the config", "SOCKET" },
		{ "user", 'u', 0, G_OPTION_ARG_STRING, &o->user, "Run as USER after opening the socket, overrides the config", "USER" },
		{ "check", 'n', 0, G_OPTION_ARG_NONE, &o->check_only, "Check the configuration and every rule file, then exit", NULL },
		{ "verbose", 'v', 0, G_OPTION_ARG_NONE, &o->verbose, "Log to stderr as well as to syslog or the log file", NULL },
		{ "version", 'V', 0, G_OPTION_ARG_NONE, &o->version, "Print the version and exit", NULL },
		{ NULL, 0, 0, 0, NULL, NULL, NULL },
	};
	g_autoptr(GOptionContext) octx = g_option_context_new("- Amazon Buyer-Seller Messaging mail filter");
	g_autoptr(GError) err = NULL;

	g_option_context_add_main_entries(octx, entries, NULL);
	g_option_context_set_description(octx,
	    "Checks mail to Amazon's buyer relay addresses against the Buyer-Seller Messaging\n"
	    "rules at the MTA.  Runs in the foreground; SIGUSR1 reloads the configuration and\n"
	    "rules (a bad edit keeps the running ones), and so does SIGHUP unless --version\n"
	    "says \"plain libmilter\" (then SIGHUP stops); SIGUSR2 reopens the log files;\n"
	    "SIGTERM stops.  See amzmilter(8).");
	if (!g_option_context_parse(octx, argc, argv, &err)) {
		fprintf(stderr, "amzmilter: %s\n", err->message);
		return FALSE;
	}
	if (*argc > 1) {
		fprintf(stderr, "amzmilter: unexpected argument \"%s\"\n", (*argv)[1]);
		return FALSE;
	}
	if (o->conf_path == NULL)
		o->conf_path = g_strdup(AMZ_DEFAULT_CONF);
	return TRUE;
}

/* run_as - the account to drop to (the option, else the config's "user"),
 * or NULL to stay; FALSE when that account does not exist */
static gboolean run_as(const Options *o, const Conf *c, struct passwd **pw)
{
	const char *user = o->user ? o->user : c->user;

	*pw = NULL;
	if (user && geteuid() == 0) {
		*pw = getpwnam(user);
		if (*pw == NULL) {
			log_msg(LOG_ERR, "user %s: no such user", user);
			return FALSE;
		}
	} else if (user) {
		log_msg(LOG_WARNING, "not started as root: ignoring user %s", user);
	} else if (geteuid() == 0) {
		log_msg(LOG_WARNING, "running as root: set \"user\" in %s (the installed config does)",
		        c->path);
	}
	return TRUE;
}

/* serve - register with libmilter, open the spool and the socket, drop
 * privileges, then run libmilter's main loop until a stop signal */
static int serve(Snapshot *snap, struct passwd *pw, sigset_t *reload_set)
{
	const Conf *c = snap->conf;
	g_autoptr(GError) merr = NULL;
	int rc;

	/* libmilter wants the filter registered before its socket is opened. */
	if (milter_register() != MI_SUCCESS) {
		log_msg(LOG_ERR, "smfi_register failed");
		return 1;
	}
	/* libmilter's own default (7,210 s) lets a connection that stops
	 * mid-command hold a worker thread for two hours. */
	if (smfi_settimeout((int)c->mta_timeout) != MI_SUCCESS) {
		log_msg(LOG_ERR, "smfi_settimeout failed");
		return 1;
	}
	if (!prepare_spool(c, pw) || !lock_instance(c, pw) || !open_socket(c, pw))
		return 1;
	if (!exporter_bind(c, &merr)) {
		log_msg(LOG_ERR, "%s; not starting", merr->message);
		return 1;
	}
	{
		g_autofree char *kpath = g_build_filename(c->spool, "token.key", NULL);
		g_autoptr(GError) kerr = NULL;
		GBytes *key = token_key_load(kpath, pw ? pw->pw_uid : (uid_t)-1, pw ? pw->pw_gid : (gid_t)-1, &kerr);
		if (key == NULL) {
			log_msg(LOG_ERR, "verdict token key: %s", kerr->message);
			return 1;
		}
		milter_set_token_key(key);
	}
	if (pw && !drop_privileges(pw))
		return 1;
	if (!exporter_start(wraps_describe(), &merr)) {
		log_msg(LOG_ERR, "%s; not starting", merr->message);
		return 1;
	}
	if (c->metrics_listen)
		log_msg(LOG_NOTICE, "metrics on http://%s/metrics", c->metrics_listen);
	log_msg(LOG_NOTICE, "starting amzmilter %s on %s: %u rules%s", AMZ_VERSION, c->socket,
	        rules_count(snap->rules), c->monitor ? ", monitor mode" : "");
	log_bypass_warnings(c);
	if (!wraps_hup_reloads())
		log_msg(LOG_NOTICE, "%s: SIGUSR1 reloads, SIGHUP stops", wraps_describe());
	if (snap->store) {
		g_autoptr(GError) serr = NULL;
		if (order_store_check(snap->store, &serr))
			log_msg(LOG_NOTICE, "order store %s", order_store_describe(snap->store));
		else
			log_msg(LOG_ERR, "%s: relay messages get on_store_error (%s) until it can be used",
			        serr->message, action_name(c->on_fail[FAIL_STORE]));
	}
	snapshot_install(snap);
	log_serving();
	wraps_set_reload(reload);
	g_thread_unref(g_thread_new("reload", reload_thread, reload_set));
	rc = smfi_main();
	exporter_stop();
	release_owned();
	log_msg(LOG_NOTICE, "stopped");
	return rc == MI_SUCCESS ? 0 : 1;
}

/* check_store - -n: the order store opened as the daemon will open it */
static int check_store(Snapshot *snap)
{
	g_autoptr(GError) err = NULL;
	OrderStats st;
	int rc = 0;

	if (snap->store == NULL) {
		printf("order store: none (order_store is not set): the order rules do not run\n");
	} else if (!order_store_check(snap->store, &err) || !order_store_stats(snap->store, &st, &err)) {
		fprintf(stderr, "%s: %s\n", snap->conf->path, err->message);
		rc = 1;
	} else {
		g_autoptr(GDateTime) t = st.last_import ? g_date_time_new_from_unix_utc(st.last_import) : NULL;
		g_autofree char *when = t ? g_date_time_format(t, "%Y-%m-%d %H:%M:%S UTC") : g_strdup("never");
		printf("order store: %s: %" G_GUINT64_FORMAT " orders, last import %s\n",
		       order_store_describe(snap->store), st.orders, when);
		if (st.orders == 0)
			printf("order store: empty: every quoted order reads as unknown until amzmilter-orders imports\n");
	}
	snapshot_release(snap);
	return rc;
}

/* check_policy - -n: who goes unchecked (with warnings) and the brands */
static void check_policy(const Snapshot *snap)
{
	const Conf *c = snap->conf;
	g_autoptr(GPtrArray) w = conf_bypass_warnings(c);

	if (c->bypass_nets->len > 0 || c->bypass_logins) {
		g_autoptr(GString) s = g_string_new(NULL);
		for (guint i = 0; i < c->bypass_nets->len; i++) {
			g_autofree char *n = cidr_format(&g_array_index(c->bypass_nets, CidrNet, i));
			g_string_append_printf(s, "%s%s", s->len ? ", " : "", n);
		}
		for (guint i = 0; c->bypass_logins && c->bypass_logins[i]; i++)
			g_string_append_printf(s, "%slogin %s", s->len ? ", " : "", c->bypass_logins[i]);
		printf("bypass: mail from %s is not checked\n", s->str);
	}
	for (guint i = 0; i < w->len; i++)
		printf("%s: warning: %s\n", c->path, (const char *)w->pdata[i]);
	for (guint i = 0; i < brands_count(snap->brands); i++) {
		const Brand *br = brands_nth(snap->brands, i);
		g_autofree char *doms = g_strjoinv(", ", br->domains);
		printf("brand %s: %s; %s; %s; rules changed: %u\n", br->name, doms,
		       br->senders ? "approved senders listed" : "any sender",
		       br->mode == VERDICT_MODE_MONITOR ? "monitor" :
		       br->mode == VERDICT_MODE_ENFORCE ? "enforce" : "the config's mode",
		       rules_overlay_changed(br->overlay));
	}
}

/* check_config - -n: the files are read again as the daemon will read
 * them, after the drop to its user: a file that user cannot read fails
 * here, not at the next reload */
static int check_config(const Options *o, Snapshot *snap)
{
	g_autofree char *user = g_strdup(o->user ? o->user : snap->conf->user);
	g_autoptr(GError) err = NULL;
	const char *as = "";

	if (user && geteuid() == 0) {
		struct passwd *pw = getpwnam(user);
		if (pw == NULL) {
			fprintf(stderr, "%s: user %s: no such user\n", snap->conf->path, user);
			snapshot_release(snap);
			return 1;
		}
		if (initgroups(pw->pw_name, pw->pw_gid) != 0 || setgid(pw->pw_gid) != 0 ||
		    setuid(pw->pw_uid) != 0) {
			fprintf(stderr, "%s: cannot check as user %s: %s\n", snap->conf->path, user, g_strerror(errno));
			snapshot_release(snap);
			return 1;
		}
		snapshot_release(snap);
		snap = snapshot_load(o->conf_path, o->sock, &err);
		if (snap == NULL) {
			fprintf(stderr, "%s\n(read as user %s, as the daemon reads it)\n", err->message, user);
			return 1;
		}
		as = user;
	}
	printf("%s: OK, %u rules from %s%s%s%s%s\n", snap->conf->path, rules_count(snap->rules),
	       snap->conf->rules_dir, snap->conf->local_rules_dir ? " and " : "",
	       snap->conf->local_rules_dir ? snap->conf->local_rules_dir : "",
	       *as ? ", read as user " : "", as);
	check_policy(snap);
	return check_store(snap);
}

int main(int argc, char **argv)
{
	Options o = { 0 };
	g_autoptr(GError) err = NULL;
	struct passwd *pw = NULL;
	Snapshot *snap;
	static sigset_t usr;
	sigset_t hup;
	LogSetup ls;

	/* A reload signal before smfi_main must wait for its handler, not
	 * kill us; every thread started from here on inherits the mask.  A
	 * stop signal too: libmilter's signal thread waits for SIGTERM and
	 * SIGINT, and one delivered to a thread started before it (the reload
	 * thread) would end the process without the clean stop. */
	sigemptyset(&usr);
	sigaddset(&usr, SIGUSR1);
	sigaddset(&usr, SIGUSR2);
	sigemptyset(&hup);
	sigaddset(&hup, SIGHUP);
	sigaddset(&hup, SIGUSR1);
	sigaddset(&hup, SIGUSR2);
	sigaddset(&hup, SIGTERM);
	sigaddset(&hup, SIGINT);
	pthread_sigmask(SIG_BLOCK, &hup, NULL);
	/* a store server that went away is an error of the write, not our end */
	signal(SIGPIPE, SIG_IGN);

	if (!parse_options(&argc, &argv, &o))
		return 2;
	if (o.version) {
		printf("amzmilter %s (%s, GMime %u.%u.%u)\n", AMZ_VERSION, wraps_describe(),
		       gmime_major_version, gmime_minor_version, gmime_micro_version);
		return 0;
	}
	extract_init();
	snap = snapshot_load(o.conf_path, o.sock, &err);
	if (snap == NULL) {
		fprintf(stderr, "%s\n", err->message);
		return 1;
	}
	if (o.check_only)
		return check_config(&o, snap);
	/* the files are opened now, as root: the start's own lines go there too */
	ls = (LogSetup){
		.facility = snap->conf->syslog_facility,
		.dest = snap->conf->log_dest, .file = snap->conf->log_file,
		.json = snap->conf->json_dest, .json_file = snap->conf->json_file,
		.copy_stderr = o.verbose || isatty(STDERR_FILENO),
	};
	if (!log_open("amzmilter", &ls, &err)) {
		fprintf(stderr, "amzmilter: %s: log: %s\n", snap->conf->path, err->message);
		return 1;
	}
	if (!run_as(&o, snap->conf, &pw))
		return 1;
	return serve(snap, pw, &usr);
}
