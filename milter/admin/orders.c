/*
 * admin/orders.c - amzmilter-orders: the order store from the command line.
 *
 *   amzmilter-orders [-c FILE] [--store URL] import [--solicited] [--again] FILE...
 *                                           show ORDER | stats | expire | forget ORDER|BUYER
 *
 * The store is the daemon's: order_store in its config (--store overrides).
 * Run as root with "user" in the config, the program becomes that user
 * before it opens the store, so that an SQLite file and its WAL stay the
 * daemon's; the files to import are opened before, as the caller.
 *
 * An import is resumable: after each batch in the store, meta
 * "import:ABSOLUTE-PATH" = "SIZE:MTIME:POSITION" says how far it got; a run
 * on the same, unchanged file goes on from there (--again starts over).
 * A solicited list keeps its own, "solicited:ABSOLUTE-PATH": the same file
 * read the other way first must not count as read.
 * Records are compared by the store, so importing a file twice changes
 * nothing and a newer row updates.
 *
 * Exit: 0 done; 1 some rows were bad (import), the order is not in the
 * store (show); 2 usage, config, file or store error.
 */
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "core/conf.h"
#include "orders/import.h"
#include "orders/store.h"
#include "util/command.h"

#ifndef AMZ_DEFAULT_CONF
#define AMZ_DEFAULT_CONF "/etc/amzmilter/amzmilter.conf"
#endif
#define PROG "amzmilter-orders"
/* The daemon's order_store_timeout_ms is set for mail; a batch of
 * IMPORT_BATCH records is one transaction, so the import waits longer. */
#define ADMIN_TIMEOUT_MS 30000

enum { EXIT_OK = 0, EXIT_BAD = 1, EXIT_ERROR = 2 };

typedef struct {
	char *conf_path, *store_url;
	gboolean solicited, again, version;
} Options;

/* One file being imported. */
typedef struct {
	const char *name;        /* as given */
	char *meta;              /* "import:" or "solicited:" + absolute path */
	int fd;
	guint64 size;
	gint64 mtime;
} Input;

/* What the sinks need and count. */
typedef struct {
	OrderStore *store;
	const Input *in;
	guint64 read, written;
} Import;

/* fmt_time - "2026-11-03 10:22:01 UTC", or "-" for 0; transfer full */
static char *fmt_time(gint64 t)
{
	g_autoptr(GDateTime) dt = t ? g_date_time_new_from_unix_utc(t) : NULL;
	return dt ? g_date_time_format(dt, "%Y-%m-%d %H:%M:%S UTC") : g_strdup("-");
}

/* fmt_duration - 172800 -> "2d", 5400 -> "90m" */
static char *fmt_duration(guint64 secs)
{
	static const struct { char unit; guint64 secs; } units[] = {
		{ 'w', 7 * 86400 }, { 'd', 86400 }, { 'h', 3600 }, { 'm', 60 },
	};
	for (guint i = 0; i < G_N_ELEMENTS(units); i++)
		if (secs && secs % units[i].secs == 0)
			return g_strdup_printf("%" G_GUINT64_FORMAT "%c", secs / units[i].secs, units[i].unit);
	return g_strdup_printf("%" G_GUINT64_FORMAT "s", secs);
}

/* record_position - meta import:PATH after a batch is in */
static gboolean record_position(Import *im, guint64 position, GError **err)
{
	g_autofree char *v = g_strdup_printf("%" G_GUINT64_FORMAT ":%" G_GINT64_FORMAT ":%" G_GUINT64_FORMAT,
	                                     im->in->size, im->in->mtime, position);
	return order_store_meta_set(im->store, im->in->meta, v, err);
}

/* put_orders - a batch into the store, then how far the file is read */
static gboolean put_orders(OrderRecord *const *recs, guint n, guint64 position, void *data, GError **err)
{
	Import *im = data;
	guint changed = 0;

	if (!order_store_put(im->store, recs, n, &changed, err))
		return FALSE;
	im->read += n;
	im->written += changed;
	return record_position(im, position, err);
}

/* put_solicited - a batch of a solicited list, one order at a time (the
 * store's claim is per order); then how far the file is read */
static gboolean put_solicited(const SolicitedEntry *e, guint n, guint64 position, void *data, GError **err)
{
	Import *im = data;
	gint64 now = g_get_real_time() / G_USEC_PER_SEC;

	for (guint i = 0; i < n; i++) {
		gboolean added = FALSE;
		if (!order_store_solicited(im->store, e[i].id, e[i].at ? e[i].at : now, "amazon", &added, err))
			return FALSE;
		im->written += added;
	}
	im->read += n;
	return record_position(im, position, err);
}

/* resume_from - the position an earlier import of the same, unchanged file
 * got to, or 0 */
static gboolean resume_from(OrderStore *store, const Input *in, guint64 *skip, GError **err)
{
	GError *e = NULL;
	g_autofree char *v = order_store_meta_get(store, in->meta, &e);
	guint64 size, position;
	gint64 mtime;

	*skip = 0;
	if (e) {
		g_propagate_error(err, e);
		return FALSE;
	}
	if (v && sscanf(v, "%" G_GUINT64_FORMAT ":%" G_GINT64_FORMAT ":%" G_GUINT64_FORMAT, &size, &mtime,
	                &position) == 3 && size == in->size && mtime == in->mtime)
		*skip = position;
	return TRUE;
}

/* import_one - one file into the store; the exit status it makes, and
 * *fatal when the store failed (the next file would fail as well) */
static int import_one(OrderStore *store, const Input *in, const Options *o, gboolean *fatal)
{
	Import im = { .store = store, .in = in };
	g_autoptr(GError) err = NULL;
	ImportReport rep;
	guint64 skip = 0;
	gboolean ok;
	int rc = EXIT_OK;

	*fatal = FALSE;
	if (!o->again && !resume_from(store, in, &skip, &err)) {
		fprintf(stderr, PROG ": %s\n", err->message);
		*fatal = TRUE;
		return EXIT_ERROR;
	}
	order_import_report_init(&rep);
	if (o->solicited)
		ok = order_import_solicited_fd(in->fd, in->name, skip, put_solicited, &im, &rep, &err);
	else
		ok = order_import_fd(in->fd, in->name, skip, put_orders, &im, &rep, &err);
	/* the position is recorded with each batch; the end also when no batch
	 * was left to send (bad rows, blank lines after the last one) */
	if (ok)
		ok = record_position(&im, rep.position, &err);
	for (guint i = 0; i < rep.warnings->len; i++)
		fprintf(stderr, "%s\n", (char *)rep.warnings->pdata[i]);
	for (guint i = 0; i < rep.messages->len; i++)
		fprintf(stderr, "%s\n", (char *)rep.messages->pdata[i]);
	if (rep.bad > rep.messages->len)
		fprintf(stderr, "%s: %" G_GUINT64_FORMAT " more bad rows not shown\n", in->name,
		        rep.bad - rep.messages->len);
	if (skip)
		printf("%s: went on after %s %" G_GUINT64_FORMAT ", where an earlier import of it stopped "
		       "(--again reads it all)\n", in->name,
		       rep.format == IMPORT_FORMAT_JSON ? "entry" : "line", skip);
	if (!ok) {
		fprintf(stderr, PROG ": %s\n", err->message);
		*fatal = err->domain == ORDER_STORE_ERROR;
		rc = EXIT_ERROR;
	} else if (rep.bad) {
		rc = EXIT_BAD;
	}
	if (o->solicited)
		printf("%s: %" G_GUINT64_FORMAT " orders read, %" G_GUINT64_FORMAT " recorded as asked for a review, %"
		       G_GUINT64_FORMAT " recorded before, %" G_GUINT64_FORMAT " bad rows\n",
		       in->name, im.read, im.written, im.read - im.written, rep.bad);
	else
		printf("%s: %" G_GUINT64_FORMAT " orders read, %" G_GUINT64_FORMAT " written, %" G_GUINT64_FORMAT
		       " unchanged, %" G_GUINT64_FORMAT " bad rows\n",
		       in->name, im.read, im.written, im.read - im.written, rep.bad);
	order_import_report_clear(&rep);
	return rc;
}

/* open_inputs - every file, opened as the caller (before any privilege
 * drop); NULL when one cannot be */
static GArray *open_inputs(char **files, gboolean solicited)
{
	GArray *ins = g_array_new(FALSE, TRUE, sizeof(Input));

	for (guint i = 0; files[i]; i++) {
		Input in = { .name = files[i] };
		struct stat st;
		char *abs;

		in.fd = open(files[i], O_RDONLY | O_CLOEXEC);
		if (in.fd < 0 || fstat(in.fd, &st) != 0) {
			fprintf(stderr, PROG ": %s: %s\n", files[i], g_strerror(errno));
			if (in.fd >= 0)
				close(in.fd);
			goto fail;
		}
		if (!S_ISREG(st.st_mode)) {
			fprintf(stderr, PROG ": %s: not a regular file\n", files[i]);
			close(in.fd);
			goto fail;
		}
		abs = realpath(files[i], NULL);
		in.meta = g_strconcat(solicited ? "solicited:" : "import:", abs ? abs : files[i], NULL);
		free(abs);
		in.size = (guint64)st.st_size;
		in.mtime = (gint64)st.st_mtime;
		g_array_append_val(ins, in);
	}
	return ins;
fail:
	for (guint i = 0; i < ins->len; i++) {
		close(g_array_index(ins, Input, i).fd);
		g_free(g_array_index(ins, Input, i).meta);
	}
	g_array_unref(ins);
	return NULL;
}

static int cmd_import(OrderStore *store, GArray *ins, const Options *o)
{
	g_autoptr(GError) err = NULL;
	g_autofree char *now = g_strdup_printf("%" G_GINT64_FORMAT, g_get_real_time() / G_USEC_PER_SEC);
	gboolean fatal = FALSE;
	int rc = EXIT_OK;

	for (guint i = 0; i < ins->len && !fatal; i++) {
		int r = import_one(store, &g_array_index(ins, Input, i), o, &fatal);
		rc = MAX(rc, r);
	}
	if (!fatal && !order_store_meta_set(store, "last_import", now, &err)) {
		fprintf(stderr, PROG ": %s\n", err->message);
		rc = EXIT_ERROR;
	}
	return rc;
}

static int cmd_show(OrderStore *store, const char *what)
{
	g_autoptr(GError) err = NULL;
	char id[ORDER_ID_LEN + 1];
	const char *ids[1] = { id };
	OrderState st;
	const OrderRecord *r = &st.rec;

	if (!order_id_normalise(what, id)) {
		fprintf(stderr, PROG ": show: \"%s\" is not an order ID (like 302-1234567-1234567)\n", what);
		return EXIT_ERROR;
	}
	if (!order_store_lookup(store, ids, 1, NULL, &st, &err)) {
		fprintf(stderr, PROG ": %s\n", err->message);
		return EXIT_ERROR;
	}
	if (!st.known && st.reviews == 0 && st.proactive == 0) {
		printf("%s: not in the store\n", id);
		return EXIT_BAD;
	}
	{
		g_autofree char *purchased = fmt_time(r->purchased), *shipped = fmt_time(r->shipped);
		g_autofree char *delivered = fmt_time(r->delivered), *updated = fmt_time(r->updated);
		g_autofree char *reviewed = fmt_time(st.reviewed);

		printf("order           %s\n", id);
		if (!st.known)
			printf("record          none: nothing imported for it\n");
		else
			printf("market          %s\n"
			       "purchased       %s\n"
			       "shipped         %s\n"
			       "delivered by    %s\n"
			       "status          %s\n"
			       "buyer           %s\n"
			       "locale          %s\n"
			       "updated         %s\n",
			       r->market ? r->market : "-", purchased, shipped, delivered,
			       r->status ? r->status : "-", r->buyer ? r->buyer : "-",
			       r->locale ? r->locale : "-", updated);
		if (st.reviews)
			printf("review request  recorded %s (%u in all)\n", reviewed, st.reviews);
		else
			printf("review request  none recorded\n");
		printf("proactive       %u message%s\n", st.proactive, st.proactive == 1 ? "" : "s");
	}
	order_state_clear(&st);
	return EXIT_OK;
}

static int cmd_stats(OrderStore *store, const Conf *conf)
{
	g_autoptr(GError) err = NULL;
	OrderStats st;
	gint64 now = g_get_real_time() / G_USEC_PER_SEC;

	if (!order_store_stats(store, &st, &err)) {
		fprintf(stderr, PROG ": %s\n", err->message);
		return EXIT_ERROR;
	}
	{
		g_autofree char *oldest = fmt_time(st.oldest), *newest = fmt_time(st.newest);
		g_autofree char *last = st.last_import ? fmt_time(st.last_import) : g_strdup("never");
		g_autofree char *max_age = fmt_duration(conf->store_max_age);
		gboolean stale = conf->store_max_age &&
		                 (st.last_import == 0 || now - st.last_import > (gint64)conf->store_max_age);

		printf("store              %s\n"
		       "orders             %" G_GUINT64_FORMAT "\n"
		       "without buyer      %" G_GUINT64_FORMAT "\n"
		       "review requests    %" G_GUINT64_FORMAT "\n"
		       "proactive messages %" G_GUINT64_FORMAT "\n"
		       "oldest purchase    %s\n"
		       "newest purchase    %s\n"
		       "last import        %s%s%s%s\n",
		       order_store_describe(store), st.orders, st.no_buyer, st.reviews, st.proactive,
		       oldest, newest, last, stale ? " (stale: older than store_max_age " : "",
		       stale ? max_age : "", stale ? ")" : "");
	}
	return EXIT_OK;
}

static int cmd_expire(OrderStore *store, const Conf *conf)
{
	g_autoptr(GError) err = NULL;
	gint64 before = g_get_real_time() / G_USEC_PER_SEC - (gint64)conf->retention_days * 86400;
	g_autofree char *when = fmt_time(before);
	guint64 removed = 0;

	if (!order_store_expire(store, before, &removed, &err)) {
		fprintf(stderr, PROG ": %s\n", err->message);
		return EXIT_ERROR;
	}
	printf("%" G_GUINT64_FORMAT " orders removed: purchased before %s (order_retention_days = %u)\n",
	       removed, when, conf->retention_days);
	return EXIT_OK;
}

static int cmd_forget(OrderStore *store, const char *what)
{
	g_autoptr(GError) err = NULL;
	guint64 removed = 0;

	if (!order_store_forget(store, what, &removed, &err)) {
		fprintf(stderr, PROG ": %s\n", err->message);
		return EXIT_ERROR;
	}
	printf("%" G_GUINT64_FORMAT " orders removed\n", removed);
	return EXIT_OK;
}

/* drop_privileges - to the config's user when run as root: initgroups,
 * setgid, setuid, each checked, then verified */
static gboolean drop_privileges(const Conf *conf)
{
	struct passwd *pw;

	if (geteuid() != 0 || conf->user == NULL)
		return TRUE;
	pw = getpwnam(conf->user);
	if (pw == NULL) {
		fprintf(stderr, PROG ": user %s (%s): no such user\n", conf->user, conf->path);
		return FALSE;
	}
	if (initgroups(pw->pw_name, pw->pw_gid) != 0 || setgid(pw->pw_gid) != 0 ||
	    setuid(pw->pw_uid) != 0) {
		fprintf(stderr, PROG ": cannot become %s: %s\n", pw->pw_name, g_strerror(errno));
		return FALSE;
	}
	if (setuid(0) == 0 || geteuid() != pw->pw_uid || getegid() != pw->pw_gid) {
		fprintf(stderr, PROG ": privileges not dropped to %s\n", pw->pw_name);
		return FALSE;
	}
	return TRUE;
}

/* store_url - --store, else order_store of the config; a relative SQLite
 * path given on the command line is the caller's; NULL (said) for none */
static char *store_url(const Options *o, const Conf *conf)
{
	if (o->store_url && g_str_has_prefix(o->store_url, "sqlite:") &&
	    !g_path_is_absolute(o->store_url + 7)) {
		g_autofree char *abs = g_canonicalize_filename(o->store_url + 7, NULL);
		return g_strconcat("sqlite:", abs, NULL);
	}
	if (o->store_url)
		return g_strdup(o->store_url);
	if (conf->order_store == NULL)
		fprintf(stderr, PROG ": no order store: set order_store in %s or give --store URL\n",
		        conf->path);
	return g_strdup(conf->order_store);
}

/* sqlite_dir_ok - the directory of an SQLite store exists: SQLite would
 * say only "unable to open database file" */
static gboolean sqlite_dir_ok(const char *url)
{
	g_autofree char *dir = NULL;
	struct stat st;

	if (!g_str_has_prefix(url, "sqlite:") || !g_path_is_absolute(url + 7))
		return TRUE;
	dir = g_path_get_dirname(url + 7);
	if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode)) {
		fprintf(stderr, PROG ": order store %s: the directory %s does not exist "
		        "(create it, owned by the daemon's user)\n", url, dir);
		return FALSE;
	}
	if (access(dir, W_OK | X_OK) != 0) {
		struct passwd *pw = getpwuid(geteuid());
		fprintf(stderr, PROG ": order store %s: %s cannot write in %s, where SQLite keeps the "
		        "file and its WAL\n", url, pw ? pw->pw_name : "this user", dir);
		return FALSE;
	}
	return TRUE;
}

/* parse_options - argv -> o, the command left in argv; FALSE (said) on a
 * usage error */
static gboolean parse_options(int *argc, char ***argv, Options *o)
{
	GOptionEntry entries[] = {
		{ "config", 'c', 0, G_OPTION_ARG_FILENAME, &o->conf_path, "Configuration file (default " AMZ_DEFAULT_CONF ")", "FILE" },
		{ "store", 0, 0, G_OPTION_ARG_STRING, &o->store_url, "Order store URL, overrides order_store of the config", "URL" },
		{ "solicited", 0, 0, G_OPTION_ARG_NONE, &o->solicited,
		  "import: the files list orders already asked for a review through Amazon's \"Request a Review\"", NULL },
		{ "again", 0, 0, G_OPTION_ARG_NONE, &o->again, "import: read each file from its start, even when an earlier import got further", NULL },
		{ "version", 'V', 0, G_OPTION_ARG_NONE, &o->version, "Print the version and exit", NULL },
		{ NULL, 0, 0, 0, NULL, NULL, NULL },
	};
	g_autoptr(GOptionContext) octx = g_option_context_new("COMMAND [ARG...] - the order store of amzmilter");
	g_autoptr(GError) err = NULL;

	g_option_context_add_main_entries(octx, entries, NULL);
	g_option_context_set_description(octx,
	    "Commands:\n"
	    "  import [--solicited] [--again] FILE...\n"
	    "                  order reports (tab-separated), Selling Partner API JSON or JSON\n"
	    "                  Lines (getOrders, getAttributes); with --solicited, lists of\n"
	    "                  orders asked for a review (an order ID per line, or JSON)\n"
	    "  show ORDER      what the store knows of an order\n"
	    "  stats           counts, dates, the last import\n"
	    "  expire          remove orders purchased more than order_retention_days ago\n"
	    "  forget ORDER|BUYER  remove an order, or every order of a buyer address\n"
	    "\n"
	    "An import goes on where an earlier one of the same, unchanged file stopped.\n"
	    "Exit status: 0 done, 1 bad rows in an import or an order not in the store,\n"
	    "2 usage, configuration, file or store error.");
	if (!g_option_context_parse(octx, argc, argv, &err)) {
		fprintf(stderr, PROG ": %s\n", err->message);
		return FALSE;
	}
	if (o->version)
		return TRUE;
	if (*argc < 2) {
		fprintf(stderr, PROG ": no command (import, show, stats, expire or forget; -h for help)\n");
		return FALSE;
	}
	if ((o->solicited || o->again) && strcmp((*argv)[1], "import") != 0) {
		fprintf(stderr, PROG ": --solicited and --again go with import only\n");
		return FALSE;
	}
	if (o->conf_path == NULL)
		o->conf_path = g_strdup(AMZ_DEFAULT_CONF);
	return TRUE;
}

/* The commands and how many arguments each takes. */
typedef enum { CMD_IMPORT, CMD_SHOW, CMD_STATS, CMD_EXPIRE, CMD_FORGET } Command;
static const SubCommand commands[] = {
	{ "import", CMD_IMPORT, 1, -1, "import [--solicited] [--again] FILE..." },
	{ "show", CMD_SHOW, 1, 1, "show ORDER" },
	{ "stats", CMD_STATS, 0, 0, "stats" },
	{ "expire", CMD_EXPIRE, 0, 0, "expire" },
	{ "forget", CMD_FORGET, 1, 1, "forget ORDER|BUYER" },
};

int main(int argc, char **argv)
{
	Options o = { 0 };
	g_autoptr(Conf) conf = NULL;
	g_autoptr(GError) err = NULL;
	g_autofree char *url = NULL;
	GArray *ins = NULL;
	OrderStore *store = NULL;
	int rc = EXIT_ERROR;
	const SubCommand *cmd;

	if (!parse_options(&argc, &argv, &o))
		goto out;
	if (o.version) {
		printf(PROG " %s\n", AMZ_VERSION);
		rc = EXIT_OK;
		goto out;
	}
	cmd = subcommand_find(commands, G_N_ELEMENTS(commands), argc, argv, PROG, "[-c FILE] [--store URL]");
	if (cmd == NULL)
		goto out;
	conf = conf_load(o.conf_path, &err);
	if (conf == NULL) {
		fprintf(stderr, PROG ": %s\n", err->message);
		goto out;
	}
	if ((url = store_url(&o, conf)) == NULL)
		goto out;
	if ((Command)cmd->id == CMD_IMPORT && (ins = open_inputs(argv + 2, o.solicited)) == NULL)
		goto out;
	if (!drop_privileges(conf) || !sqlite_dir_ok(url))
		goto out;
	store = order_store_open(url, MAX(conf->store_timeout_ms, ADMIN_TIMEOUT_MS), &err);
	if (store == NULL || !order_store_check(store, &err)) {
		fprintf(stderr, PROG ": %s\n", err->message);
		goto out;
	}
	order_store_set_retention(store, conf->retention_days);
	switch ((Command)cmd->id) {
	case CMD_IMPORT: rc = cmd_import(store, ins, &o); break;
	case CMD_SHOW: rc = cmd_show(store, argv[2]); break;
	case CMD_STATS: rc = cmd_stats(store, conf); break;
	case CMD_EXPIRE: rc = cmd_expire(store, conf); break;
	case CMD_FORGET: rc = cmd_forget(store, argv[2]); break;
	}
out:
	if (ins) {
		for (guint i = 0; i < ins->len; i++) {
			close(g_array_index(ins, Input, i).fd);
			g_free(g_array_index(ins, Input, i).meta);
		}
		g_array_unref(ins);
	}
	order_store_close(store);
	g_free(o.conf_path);
	g_free(o.store_url);
	return rc;
}
