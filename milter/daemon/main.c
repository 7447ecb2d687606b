/*
 * main.c - amzmilter daemon: options, config check, socket, privilege
 * drop, reload on a signal, then libmilter's main loop.
 *
 * Runs in the foreground (systemd style).  The socket and the spool are
 * opened as root, then the process drops to the configured user with a
 * checked initgroups/setgid/setuid.
 */
#include <errno.h>
#include <grp.h>
#include <pwd.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "extract/extract.h"
#include "core/log.h"
#include "daemon/milter.h"
#include "daemon/wraps.h"
#include "engine/snapshot.h"

#ifndef AMZ_DEFAULT_CONF
#define AMZ_DEFAULT_CONF "/etc/amzmilter/amzmilter.conf"
#endif

static void reload(void)
{
	g_autoptr(GError) err = NULL;
	Snapshot *s;

	if (!snapshot_reload(&err)) {
		log_msg(LOG_ERR, "reload failed, keeping the running configuration: %s", err->message);
		return;
	}
	s = snapshot_acquire();
	log_msg(LOG_NOTICE, "reloaded %s: %u rules (generation %u)%s", s->conf->path,
	        rules_count(s->rules), s->generation, s->conf->monitor ? ", monitor mode" : "");
	snapshot_release(s);
}

/*
 * reload_thread - SIGUSR1 reloads, in every build.  The signal is blocked
 * in all threads (main() blocks it before any thread exists) and waited
 * for only here; libmilter's signal thread waits for SIGHUP, SIGTERM and
 * SIGINT, never for SIGUSR1.  With the link wraps SIGHUP reloads as well
 * (wraps.c).
 */
static gpointer reload_thread(gpointer data)
{
	const sigset_t *set = data;
	int sig;

	for (;;)
		if (sigwait(set, &sig) == 0 && sig == SIGUSR1)
			reload();
	return NULL;
}

/* open_socket - create the listening socket with the configured mode and
 * group, owned by the user we will run as */
static gboolean open_socket(const Conf *c, const struct passwd *pw)
{
	const char *path = conf_socket_path(c->socket);
	mode_t old;
	int rc;

	if (path) {
		g_autofree char *dir = g_path_get_dirname(path);
		if (g_mkdir_with_parents(dir, 0755) != 0) {
			log_msg(LOG_ERR, "cannot create %s: %s", dir, g_strerror(errno));
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
		{ "verbose", 'v', 0, G_OPTION_ARG_NONE, &o->verbose, "Log to stderr as well as syslog", NULL },
		{ "version", 0, 0, G_OPTION_ARG_NONE, &o->version, "Print the version and exit", NULL },
		{ NULL, 0, 0, 0, NULL, NULL, NULL },
	};
	g_autoptr(GOptionContext) octx = g_option_context_new("- Amazon Buyer-Seller Messaging mail filter");
	g_autoptr(GError) err = NULL;

	g_option_context_add_main_entries(octx, entries, NULL);
	g_option_context_set_description(octx,
	    "Checks mail to Amazon's buyer relay addresses against the Buyer-Seller Messaging\n"
	    "rules at the MTA.  Runs in the foreground; SIGUSR1 reloads the configuration and\n"
	    "rules (a bad edit keeps the running ones), and so does SIGHUP unless --version\n"
	    "says \"plain libmilter\" (then SIGHUP stops); SIGTERM stops.  See amzmilter(8).");
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
	if (!prepare_spool(c, pw) || !open_socket(c, pw))
		return 1;
	if (pw && !drop_privileges(pw))
		return 1;
	log_msg(LOG_NOTICE, "starting amzmilter %s on %s: %u rules%s", AMZ_VERSION, c->socket,
	        rules_count(snap->rules), c->monitor ? ", monitor mode" : "");
	if (!wraps_hup_reloads())
		log_msg(LOG_NOTICE, "%s: SIGUSR1 reloads, SIGHUP stops", wraps_describe());
	snapshot_install(snap);
	wraps_set_reload(reload);
	g_thread_unref(g_thread_new("reload", reload_thread, reload_set));
	rc = smfi_main();
	log_msg(LOG_NOTICE, "stopped");
	return rc == MI_SUCCESS ? 0 : 1;
}

int main(int argc, char **argv)
{
	Options o = { 0 };
	g_autoptr(GError) err = NULL;
	struct passwd *pw = NULL;
	Snapshot *snap;
	static sigset_t usr1;
	sigset_t hup;

	/* A reload signal before smfi_main must wait for its handler, not
	 * kill us; every thread started from here on inherits the mask. */
	sigemptyset(&usr1);
	sigaddset(&usr1, SIGUSR1);
	sigemptyset(&hup);
	sigaddset(&hup, SIGHUP);
	sigaddset(&hup, SIGUSR1);
	pthread_sigmask(SIG_BLOCK, &hup, NULL);

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
	if (o.check_only) {
		printf("%s: OK, %u rules from %s%s%s\n", snap->conf->path, rules_count(snap->rules),
		       snap->conf->rules_dir, snap->conf->local_rules_dir ? " and " : "",
		       snap->conf->local_rules_dir ? snap->conf->local_rules_dir : "");
		snapshot_release(snap);
		return 0;
	}
	log_open("amzmilter", snap->conf->syslog_facility, o.verbose || isatty(STDERR_FILENO));
	if (!run_as(&o, snap->conf, &pw))
		return 1;
	return serve(snap, pw, &usr1);
}
