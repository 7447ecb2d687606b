/*
 * admin/quarantine.c - amzmilter-quarantine: the held messages, with why.
 *
 *   amzmilter-quarantine [-c FILE] [-C POSTFIX-DIR] list | show QID |
 *                        release QID... | delete QID... | prune | notify
 *
 * Postfix keeps a quarantined message in its hold queue; amzmilter keeps
 * why, one record per message in quarantine_dir (engine/quarantine.c).
 * This joins the two: the hold queue as `postqueue -j` lists it, the
 * records as the daemon wrote them.  A held message without a record (the
 * record could not be written, or someone ran postsuper -h) and a record
 * whose message is no longer held are both shown, marked.
 *
 * Release is `postsuper -r`, not -H: the message is queued afresh, goes
 * through the second hop like all relay mail, and that hop lets it out on
 * its verdict token and marks its verdict header released.  -H would send
 * a message held at the second hop straight on, past that rewrite.
 *
 * The records are personal data: the directory is 0750, root's and the
 * daemon's group's.  The command refuses to run, saying so, when it
 * cannot read them.  Releasing and deleting need root (postsuper).
 *
 * Exit: 0 done; 1 a QID is not held (release, delete) or has no record
 * and is not held (show); 2 usage, configuration, permission or Postfix
 * command error.
 */
#include <errno.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <json-glib/json-glib.h>
#include "core/conf.h"
#include "engine/quarantine.h"
#include "util/command.h"

#ifndef AMZ_DEFAULT_CONF
#define AMZ_DEFAULT_CONF "/etc/amzmilter/amzmilter.conf"
#endif
#define PROG "amzmilter-quarantine"
/* Bound on what a Postfix command may print to us (postqueue -j of a
 * full queue is the largest). */
#define OUTPUT_MAX (256u << 20)

enum { EXIT_OK = 0, EXIT_BAD = 1, EXIT_ERROR = 2 };

typedef struct {
	char *conf_path, *postfix_dir;
	gboolean version;
} Options;

/* A message in Postfix's hold queue, as postqueue -j shows it. */
typedef struct {
	char *qid;
	gint64 arrival;
	char *sender;
	char *rcpts;             /* "a, b" */
} Held;

static void held_free(gpointer p)
{
	Held *h = p;
	g_free(h->qid);
	g_free(h->sender);
	g_free(h->rcpts);
	g_free(h);
}

/* tool - the absolute path of a Postfix program when it is in /usr/sbin
 * (a group member's PATH often lacks it), else its name */
static const char *tool(const char *name, char *buf, gsize n)
{
	g_snprintf(buf, n, "/usr/sbin/%s", name);
	return g_file_test(buf, G_FILE_TEST_IS_EXECUTABLE) ? buf : name;
}

/* run - a Postfix command with -c DIR when given; its output in *out
 * (may be NULL); FALSE (said on stderr) when it cannot run or fails */
static gboolean run(const Options *o, const char *name, const char *const *args, char **out)
{
	char path[64];
	g_autoptr(GPtrArray) argv = g_ptr_array_new();
	g_autofree char *so = NULL, *se = NULL;
	g_autoptr(GError) err = NULL;
	int status = 0;

	g_ptr_array_add(argv, (gpointer)tool(name, path, sizeof path));
	if (o->postfix_dir) {
		g_ptr_array_add(argv, "-c");
		g_ptr_array_add(argv, o->postfix_dir);
	}
	for (guint i = 0; args[i]; i++)
		g_ptr_array_add(argv, (gpointer)args[i]);
	g_ptr_array_add(argv, NULL);
	if (!g_spawn_sync(NULL, (char **)argv->pdata, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &so, &se,
	                  &status, &err) ||
	    !g_spawn_check_wait_status(status, &err)) {
		fprintf(stderr, PROG ": %s: %s%s%s", name, err->message, se && *se ? "\n" : "\n", se ? se : "");
		return FALSE;
	}
	if (so && strlen(so) > OUTPUT_MAX) {
		fprintf(stderr, PROG ": %s: too much output\n", name);
		return FALSE;
	}
	if (out)
		*out = g_steal_pointer(&so);
	return TRUE;
}

/* hold_queue - QID -> Held for every message in the hold queue; NULL
 * (said) when postqueue fails */
static GHashTable *hold_queue(const Options *o)
{
	static const char *const args[] = { "-j", NULL };
	g_autofree char *out = NULL;
	g_auto(GStrv) lines = NULL;
	GHashTable *held;

	if (!run(o, "postqueue", args, &out))
		return NULL;
	held = g_hash_table_new_full(g_str_hash, g_str_equal, NULL, held_free);
	lines = g_strsplit(out, "\n", -1);
	for (guint i = 0; lines[i]; i++) {
		g_autoptr(JsonParser) p = json_parser_new();
		JsonObject *obj;
		JsonArray *rcpts;
		GString *to;
		Held *h;

		if (!*lines[i] || !json_parser_load_from_data(p, lines[i], -1, NULL) ||
		    !JSON_NODE_HOLDS_OBJECT(json_parser_get_root(p)))
			continue;
		obj = json_node_get_object(json_parser_get_root(p));
		if (g_strcmp0(json_object_get_string_member_with_default(obj, "queue_name", ""), "hold") != 0)
			continue;
		h = g_new0(Held, 1);
		h->qid = g_strdup(json_object_get_string_member_with_default(obj, "queue_id", ""));
		h->arrival = json_object_get_int_member_with_default(obj, "arrival_time", 0);
		h->sender = g_strdup(json_object_get_string_member_with_default(obj, "sender", ""));
		to = g_string_new(NULL);
		rcpts = json_object_has_member(obj, "recipients") ? json_object_get_array_member(obj, "recipients") : NULL;
		for (guint j = 0; rcpts && j < json_array_get_length(rcpts); j++) {
			JsonObject *r = json_array_get_object_element(rcpts, j);
			if (r)
				g_string_append_printf(to, "%s%s", to->len ? ", " : "",
				                       json_object_get_string_member_with_default(r, "address", ""));
		}
		h->rcpts = g_string_free(to, FALSE);
		g_hash_table_replace(held, h->qid, h);
	}
	return held;
}

/* age - "5m", "3h", "2d" since t */
static char *age(gint64 t)
{
	gint64 s = MAX(0, g_get_real_time() / G_USEC_PER_SEC - t);
	if (s < 3600)
		return g_strdup_printf("%" G_GINT64_FORMAT "m", s / 60);
	if (s < 2 * 86400)
		return g_strdup_printf("%" G_GINT64_FORMAT "h", s / 3600);
	return g_strdup_printf("%" G_GINT64_FORMAT "d", s / 86400);
}

/* when - "2026-12-07 10:15:00 UTC" */
static char *when(gint64 t)
{
	g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc(t);
	return dt ? g_date_time_format(dt, "%Y-%m-%d %H:%M:%S UTC") : g_strdup("?");
}

/* join - the relay recipients of a record, "a, b" */
static char *join(const GPtrArray *a)
{
	GString *s = g_string_new(NULL);
	for (guint i = 0; i < a->len; i++)
		g_string_append_printf(s, "%s%s", s->len ? ", " : "", (const char *)a->pdata[i]);
	return g_string_free(s, FALSE);
}

/* print_record - one message: the heading line, then what the record says */
static void print_record(FILE *fp, const QuarantineRecord *r, const Held *h)
{
	g_autofree char *to = r ? join(r->rcpts) : NULL;
	g_autofree char *a = age(r ? r->time : h->arrival);
	g_autofree char *rel = r && r->released ? when(r->released) : NULL;
	const char *state = h ? (r ? "held" : "held, no record") : (r->released ? "released" : "gone");

	fprintf(fp, "%s  %s  %s  from=<%s> to=<%s>\n", r ? r->qid : h->qid, state, a,
	        r ? r->from : h->sender, r ? to : h->rcpts);
	if (r == NULL) {
		fprintf(fp, "    (amzmilter has no record of why it is held)\n");
		return;
	}
	if (!h && r->released)
		fprintf(fp, "    released: %s by %s\n", rel, r->released_by ? r->released_by : "?");
	else if (!h)
		fprintf(fp, "    (no longer in the hold queue: delivered, deleted or expired)\n");
	fprintf(fp, "    subject: %s\n", r->subject ? r->subject : "");
	fprintf(fp, "    rules:   %s\n", r->rules ? r->rules : "");
	for (guint i = 0; i < r->reasons->len; i++)
		fprintf(fp, "    reason:  %s\n", (const char *)r->reasons->pdata[i]);
}

static int cmd_list(const Options *o, const Conf *c, GPtrArray *recs)
{
	g_autoptr(GHashTable) held = hold_queue(o);
	g_autoptr(GHashTable) seen = g_hash_table_new(g_str_hash, g_str_equal);
	GHashTableIter it;
	gpointer k, v;
	guint nheld = 0, norec = 0, gone = 0;

	(void)c;
	if (held == NULL)
		return EXIT_ERROR;
	for (guint i = 0; i < recs->len; i++) {
		const QuarantineRecord *r = recs->pdata[i];
		const Held *h = g_hash_table_lookup(held, r->qid);
		print_record(stdout, r, h);
		g_hash_table_add(seen, r->qid);
		h ? nheld++ : gone++;
	}
	g_hash_table_iter_init(&it, held);
	while (g_hash_table_iter_next(&it, &k, &v)) {
		if (g_hash_table_contains(seen, k))
			continue;
		print_record(stdout, NULL, v);
		norec++;
	}
	printf("%u held with a record, %u held without one, %u records of messages no longer held\n",
	       nheld, norec, gone);
	return EXIT_OK;
}

static int cmd_show(const Options *o, const Conf *c, const char *qid)
{
	g_autoptr(GHashTable) held = hold_queue(o);
	g_autoptr(QuarantineRecord) r = NULL;
	g_autoptr(GError) err = NULL;
	g_autofree char *out = NULL;
	const Held *h;

	if (held == NULL)
		return EXIT_ERROR;
	if (!quarantine_qid_valid(qid)) {
		fprintf(stderr, PROG ": \"%s\" is not a queue ID\n", qid);
		return EXIT_ERROR;
	}
	h = g_hash_table_lookup(held, qid);
	r = quarantine_record_read(c->quarantine_dir, qid, &err);
	if (r == NULL && !g_error_matches(err, G_FILE_ERROR, G_FILE_ERROR_NOENT)) {
		fprintf(stderr, PROG ": %s\n", err->message);
		return EXIT_ERROR;
	}
	if (r == NULL && h == NULL) {
		fprintf(stderr, PROG ": %s: not in the hold queue and no record\n", qid);
		return EXIT_BAD;
	}
	print_record(stdout, r, h);
	if (r) {
		g_autofree char *t = when(r->time);
		printf("    held:    %s\n    message-id: %s\n", t, r->message_id ? r->message_id : "");
	}
	if (h) {
		const char *args[] = { "-h", "-q", qid, NULL };
		if (!run(o, "postcat", args, &out))
			return EXIT_ERROR;
		printf("\n%s", out);
	}
	return EXIT_OK;
}

/* who - the person behind this run, for released_by */
static char *who(void)
{
	const char *sudo = g_getenv("SUDO_USER");
	struct passwd *pw = getpwuid(getuid());
	g_autofree char *me = pw ? g_strdup(pw->pw_name) : g_strdup_printf("uid %u", (unsigned)getuid());

	return sudo && *sudo ? g_strdup_printf("%s (sudo from %s)", me, sudo) : g_steal_pointer(&me);
}

/* cmd_release_delete - postsuper -r (release) or -d (delete) for each held
 * QID, restricted to the hold queue; the record is marked or removed */
static int cmd_release_delete(const Options *o, const Conf *c, char **qids, gboolean release)
{
	g_autoptr(GHashTable) held = hold_queue(o);
	g_autofree char *by = who();
	gboolean requeued = FALSE;
	int rc = EXIT_OK;

	if (held == NULL)
		return EXIT_ERROR;
	for (guint i = 0; qids[i]; i++) {
		const char *args[] = { release ? "-r" : "-d", qids[i], "hold", NULL };
		g_autoptr(GError) err = NULL;
		g_autofree char *now = g_strdup_printf("%" G_GINT64_FORMAT, g_get_real_time() / G_USEC_PER_SEC);

		if (!quarantine_qid_valid(qids[i]) || !g_hash_table_contains(held, qids[i])) {
			fprintf(stderr, PROG ": %s: not in the hold queue\n", qids[i]);
			rc = MAX(rc, EXIT_BAD);
			continue;
		}
		if (!run(o, "postsuper", args, NULL)) {
			rc = EXIT_ERROR;
			continue;
		}
		if (release && (!quarantine_record_note(c->quarantine_dir, qids[i], "released", now, &err) ||
		                !quarantine_record_note(c->quarantine_dir, qids[i], "released_by", by, &err))) {
			if (!g_error_matches(err, G_FILE_ERROR, G_FILE_ERROR_NOENT))
				fprintf(stderr, PROG ": %s: released, but the record was not marked: %s\n", qids[i],
				        err->message);
		} else if (!release && !quarantine_record_remove(c->quarantine_dir, qids[i], &err)) {
			fprintf(stderr, PROG ": %s: deleted, but the record stays: %s\n", qids[i], err->message);
		}
		printf("%s: %s\n", qids[i], release ? "released" : "deleted");
		requeued |= release;
	}
	/* postsuper -r leaves the messages in the maildrop queue: wake pickup
	 * rather than wait for its next scan */
	if (requeued) {
		static const char *const args[] = { "public", "pickup", "W", NULL };
		if (!run(o, "postkick", args, NULL))
			fprintf(stderr, PROG ": Postfix picks the released messages up within a minute\n");
	}
	return rc;
}

/* cmd_prune - remove the records of messages no longer held */
static int cmd_prune(const Options *o, const Conf *c, GPtrArray *recs)
{
	g_autoptr(GHashTable) held = hold_queue(o);
	guint n = 0;

	if (held == NULL)
		return EXIT_ERROR;
	for (guint i = 0; i < recs->len; i++) {
		const QuarantineRecord *r = recs->pdata[i];
		g_autoptr(GError) err = NULL;
		if (g_hash_table_contains(held, r->qid))
			continue;
		if (!quarantine_record_remove(c->quarantine_dir, r->qid, &err)) {
			fprintf(stderr, PROG ": %s\n", err->message);
			return EXIT_ERROR;
		}
		n++;
	}
	printf("%u records of messages no longer held removed\n", n);
	return EXIT_OK;
}

/* notice - the text of one notice about the records in news */
static char *notice(const Conf *c, GPtrArray *news)
{
	GString *s = g_string_new(NULL);
	g_autofree char *host = g_strdup(g_get_host_name());

	g_string_append_printf(s, "To: %s\nSubject: amzmilter: %u message%s held for review on %s\n"
	                       "Auto-Submitted: auto-generated\nMIME-Version: 1.0\n"
	                       "Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: 8bit\n\n",
	                       c->quarantine_notify, news->len, news->len == 1 ? "" : "s", host);
	g_string_append_printf(s, "amzmilter holds %u new message%s bound for Amazon's buyer relay on %s.\n"
	                       "They are not delivered until released.\n\n",
	                       news->len, news->len == 1 ? "" : "s", host);
	for (guint i = 0; i < news->len; i++) {
		const QuarantineRecord *r = news->pdata[i];
		g_autofree char *t = when(r->time), *to = join(r->rcpts);
		g_string_append_printf(s, "%s  held %s\n  from:    %s\n  to:      %s\n  subject: %s\n",
		                       r->qid, t, r->from ? r->from : "", to, r->subject ? r->subject : "");
		for (guint j = 0; j < r->reasons->len; j++)
			g_string_append_printf(s, "  reason:  %s\n", (const char *)r->reasons->pdata[j]);
		g_string_append_c(s, '\n');
	}
	g_string_append(s, "As root, or a member of the amzmilter group for list and show:\n"
	                   "  amzmilter-quarantine list           every held message and why\n"
	                   "  amzmilter-quarantine show QID       one message, with its headers\n"
	                   "  amzmilter-quarantine release QID    deliver it after all\n"
	                   "  amzmilter-quarantine delete QID     drop it\n");
	return g_string_free(s, FALSE);
}

/* cmd_notify - one notice to quarantine_notify about every held message
 * not yet notified, through sendmail(1); then each is marked notified */
static int cmd_notify(const Options *o, const Conf *c, GPtrArray *recs)
{
	g_autoptr(GHashTable) held = hold_queue(o);
	g_autoptr(GPtrArray) news = g_ptr_array_new();
	g_autoptr(GPtrArray) argv = g_ptr_array_new();
	g_autoptr(GSubprocess) p = NULL;
	g_autoptr(GError) err = NULL;
	g_autofree char *text = NULL, *now = NULL;
	char path[64];

	if (held == NULL)
		return EXIT_ERROR;
	if (c->quarantine_notify == NULL || !*c->quarantine_notify) {
		fprintf(stderr, PROG ": quarantine_notify is not set in %s\n", c->path);
		return EXIT_ERROR;
	}
	for (guint i = 0; i < recs->len; i++) {
		QuarantineRecord *r = recs->pdata[i];
		if (!r->notified && g_hash_table_contains(held, r->qid))
			g_ptr_array_add(news, r);
	}
	if (news->len == 0)
		return EXIT_OK;
	text = notice(c, news);
	g_ptr_array_add(argv, (gpointer)tool("sendmail", path, sizeof path));
	if (o->postfix_dir) {
		g_ptr_array_add(argv, "-C");
		g_ptr_array_add(argv, o->postfix_dir);
	}
	g_ptr_array_add(argv, "-i");
	g_ptr_array_add(argv, "--");
	g_ptr_array_add(argv, c->quarantine_notify);
	g_ptr_array_add(argv, NULL);
	p = g_subprocess_newv((const char *const *)argv->pdata, G_SUBPROCESS_FLAGS_STDIN_PIPE, &err);
	if (p == NULL || !g_subprocess_communicate_utf8(p, text, NULL, NULL, NULL, &err) ||
	    !g_subprocess_wait_check(p, NULL, &err)) {
		fprintf(stderr, PROG ": sendmail: %s\n", err->message);
		return EXIT_ERROR;
	}
	now = g_strdup_printf("%" G_GINT64_FORMAT, g_get_real_time() / G_USEC_PER_SEC);
	for (guint i = 0; i < news->len; i++) {
		const QuarantineRecord *r = news->pdata[i];
		g_clear_error(&err);
		if (!quarantine_record_note(c->quarantine_dir, r->qid, "notified", now, &err))
			fprintf(stderr, PROG ": %s: notified, but not marked so (it will be again): %s\n", r->qid,
			        err->message);
	}
	printf("%u held message%s notified to %s\n", news->len, news->len == 1 ? "" : "s", c->quarantine_notify);
	return EXIT_OK;
}

/* parse_options - argv -> o, the command left in argv; FALSE (said) on a
 * usage error */
static gboolean parse_options(int *argc, char ***argv, Options *o)
{
	GOptionEntry entries[] = {
		{ "config", 'c', 0, G_OPTION_ARG_FILENAME, &o->conf_path, "Configuration file (default " AMZ_DEFAULT_CONF ")", "FILE" },
		{ "postfix-config", 'C', 0, G_OPTION_ARG_FILENAME, &o->postfix_dir,
		  "Postfix configuration directory of the instance (postqueue -c, postsuper -c, sendmail -C)", "DIR" },
		{ "version", 'V', 0, G_OPTION_ARG_NONE, &o->version, "Print the version and exit", NULL },
		{ NULL, 0, 0, 0, NULL, NULL, NULL },
	};
	g_autoptr(GOptionContext) octx = g_option_context_new("COMMAND [ARG...] - messages amzmilter holds");
	g_autoptr(GError) err = NULL;

	g_option_context_add_main_entries(octx, entries, NULL);
	g_option_context_set_description(octx,
	    "Commands:\n"
	    "  list            every held message with why it is held\n"
	    "  show QID        one message: its record and its headers\n"
	    "  release QID...  let the messages go (postsuper -r): they are delivered\n"
	    "  delete QID...   drop the messages (postsuper -d) and their records\n"
	    "  prune           remove the records of messages no longer held\n"
	    "  notify          mail quarantine_notify about messages held since the last notice\n"
	    "\n"
	    "Exit status: 0 done, 1 a queue ID is not held, 2 usage, configuration,\n"
	    "permission or Postfix error.");
	if (!g_option_context_parse(octx, argc, argv, &err)) {
		fprintf(stderr, PROG ": %s\n", err->message);
		return FALSE;
	}
	if (o->version)
		return TRUE;
	if (*argc < 2) {
		fprintf(stderr, PROG ": no command (list, show, release, delete, prune or notify; -h for help)\n");
		return FALSE;
	}
	if (o->conf_path == NULL)
		o->conf_path = g_strdup(AMZ_DEFAULT_CONF);
	return TRUE;
}

typedef enum { CMD_LIST, CMD_SHOW, CMD_RELEASE, CMD_DELETE, CMD_PRUNE, CMD_NOTIFY } Command;
static const SubCommand commands[] = {
	{ "list", CMD_LIST, 0, 0, "list" },
	{ "show", CMD_SHOW, 1, 1, "show QID" },
	{ "release", CMD_RELEASE, 1, -1, "release QID..." },
	{ "delete", CMD_DELETE, 1, -1, "delete QID..." },
	{ "prune", CMD_PRUNE, 0, 0, "prune" },
	{ "notify", CMD_NOTIFY, 0, 0, "notify" },
};

int main(int argc, char **argv)
{
	Options o = { 0 };
	g_autoptr(Conf) conf = NULL;
	g_autoptr(GError) err = NULL;
	g_autoptr(GPtrArray) recs = NULL;
	int rc = EXIT_ERROR;
	const SubCommand *cmd;

	if (!parse_options(&argc, &argv, &o))
		goto out;
	if (o.version) {
		printf(PROG " %s\n", AMZ_VERSION);
		rc = EXIT_OK;
		goto out;
	}
	cmd = subcommand_find(commands, G_N_ELEMENTS(commands), argc, argv, PROG, "[-c FILE] [-C POSTFIX-DIR]");
	if (cmd == NULL)
		goto out;
	conf = conf_load(o.conf_path, &err);
	if (conf == NULL) {
		fprintf(stderr, PROG ": %s\n", err->message);
		goto out;
	}
	/* Every command reads the records first: who may not read them may not
	 * see the hold queue through this command either. */
	recs = quarantine_records(conf->quarantine_dir, &err);
	if (recs == NULL) {
		fprintf(stderr, PROG ": %s (held mail is personal data: the records are for root and "
		                "the daemon's group)\n", err->message);
		goto out;
	}
	switch ((Command)cmd->id) {
	case CMD_LIST: rc = cmd_list(&o, conf, recs); break;
	case CMD_SHOW: rc = cmd_show(&o, conf, argv[2]); break;
	case CMD_RELEASE: rc = cmd_release_delete(&o, conf, argv + 2, TRUE); break;
	case CMD_DELETE: rc = cmd_release_delete(&o, conf, argv + 2, FALSE); break;
	case CMD_PRUNE: rc = cmd_prune(&o, conf, recs); break;
	case CMD_NOTIFY: rc = cmd_notify(&o, conf, recs); break;
	}
out:
	g_free(o.conf_path);
	g_free(o.postfix_dir);
	return rc;
}
