/*
 * check.c - amzmilter-check: the milter's verdict on message files,
 * without an MTA.
 *
 * Same config, same rules, same pipeline and the same reply text as the
 * daemon.  Without --rcpt the recipients come from To/Cc, and a message
 * addressed to no relay address is checked as if sent to
 * marketplace.amazon.com: the user is testing a template.
 *
 * Exit: 0 every message accepted or tagged; 1 any would be quarantined,
 * tempfailed, rejected or discarded; 2 usage, config or rule error, or an
 * unreadable file.  A malformed message gets a verdict like any other.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <json-glib/json-glib.h>
#include "extract/dump.h"
#include "extract/extract.h"
#include "engine/pipeline.h"
#include "engine/reply.h"
#include "util/text.h"

#ifndef AMZ_DEFAULT_CONF
#define AMZ_DEFAULT_CONF "/etc/amzmilter/amzmilter.conf"
#endif
#define TEMPLATE_RCPT "buyer@marketplace.amazon.com"

typedef struct {
	char *from;
	char **rcpts;
	gboolean json, facts, stats, sentences;
	Snapshot *snap;
	GHashTable *rule_counts;    /* rule -> count, for --stats */
	GPtrArray *skipped;         /* files of a directory walk that are not mail */
	guint action_counts[ACTION_DISCARD + 1];
	guint messages;
	int worst;                  /* exit status so far */
} Check;

/* header_addresses - bare addresses of every To/Cc header, or From */
static void header_addresses(const Facts *f, const char *name, GPtrArray *out)
{
	for (guint i = 0; i < f->headers->len; i++) {
		const FactHeader *h = f->headers->pdata[i];
		InternetAddressList *list;
		if (g_ascii_strcasecmp(h->name, name) != 0)
			continue;
		list = internet_address_list_parse(NULL, h->value);
		for (int j = 0; list && j < internet_address_list_length(list); j++) {
			InternetAddress *ia = internet_address_list_get_address(list, j);
			if (INTERNET_ADDRESS_IS_MAILBOX(ia))
				g_ptr_array_add(out, g_strdup(internet_address_mailbox_get_addr(INTERNET_ADDRESS_MAILBOX(ia))));
		}
		if (list)
			g_object_unref(list);
	}
}

/* envelope - --from/--rcpt, else From and To/Cc, else the template default */
static void envelope(Check *ck, Facts *f)
{
	g_autoptr(GPtrArray) rcpts = g_ptr_array_new_with_free_func(g_free);
	g_autoptr(GPtrArray) from = g_ptr_array_new_with_free_func(g_free);
	gboolean any_relay = FALSE;

	if (ck->rcpts) {
		for (guint i = 0; ck->rcpts[i]; i++)
			g_ptr_array_add(rcpts, g_strdup(ck->rcpts[i]));
	} else {
		header_addresses(f, "To", rcpts);
		header_addresses(f, "Cc", rcpts);
		for (guint i = 0; i < rcpts->len; i++)
			any_relay |= conf_relay_market(ck->snap->conf, rcpts->pdata[i], NULL);
		if (!any_relay)
			g_ptr_array_add(rcpts, g_strdup(TEMPLATE_RCPT));
	}
	if (!ck->from)
		header_addresses(f, "From", from);
	g_ptr_array_add(rcpts, NULL);
	pipeline_envelope(ck->snap->conf, f, ck->from ? ck->from : from->len ? from->pdata[0] : "",
	                  (const char *const *)rcpts->pdata);
}

static void print_json(const char *file, const Conf *c, const Facts *f, const Verdict *v,
                       const char *reply)
{
	g_autoptr(JsonBuilder) b = json_builder_new();
	g_autoptr(JsonGenerator) gen = json_generator_new();
	g_autoptr(JsonNode) root = NULL;
	g_autofree char *out = NULL;

	json_builder_begin_object(b);
	json_builder_set_member_name(b, "file");
	json_builder_add_string_value(b, file);
	json_builder_set_member_name(b, "action");
	json_builder_add_string_value(b, action_name(v->action));
	if (pipeline_monitor(c, v)) {
		json_builder_set_member_name(b, "enforced");
		json_builder_add_boolean_value(b, FALSE);
	}
	if (f->brand) {
		json_builder_set_member_name(b, "brand");
		json_builder_add_string_value(b, f->brand);
	}
	json_builder_set_member_name(b, "reply");
	if (reply)
		json_builder_add_string_value(b, reply);
	else
		json_builder_add_null_value(b);
	json_builder_set_member_name(b, "hits");
	json_builder_begin_array(b);
	for (guint i = 0; i < v->hits->len; i++) {
		const Hit *h = v->hits->pdata[i];
		json_builder_begin_object(b);
		json_builder_set_member_name(b, "rule");
		json_builder_add_string_value(b, h->rule);
		json_builder_set_member_name(b, "action");
		json_builder_add_string_value(b, action_name(h->action));
		if (h->monitor) {
			json_builder_set_member_name(b, "monitor");
			json_builder_add_boolean_value(b, TRUE);
		}
		json_builder_set_member_name(b, "message");
		json_builder_add_string_value(b, h->message);
		json_builder_set_member_name(b, "evidence");
		json_builder_add_string_value(b, h->evidence);
		json_builder_end_object(b);
	}
	json_builder_end_array(b);
	json_builder_end_object(b);
	root = json_builder_get_root(b);
	json_generator_set_root(gen, root);
	out = json_generator_to_data(gen, NULL);
	printf("%s\n", out);
}

static void print_human(const char *file, const Conf *c, const Facts *f, const Verdict *v,
                        const char *reply)
{
	printf("%s: %s%s%s%s%s\n", file, action_name(v->action), f->brand ? " (brand " : "",
	       f->brand ? f->brand : "", f->brand ? ")" : "",
	       pipeline_monitor(c, v) ? " (monitor mode: would not be enforced)" : "");
	for (guint i = 0; i < v->hits->len; i++) {
		const Hit *h = v->hits->pdata[i];
		printf("  %s [%s%s]\n    %s\n", h->rule, action_name(h->action),
		       h->monitor ? ", monitor" : "", h->message);
		if (*h->evidence)
			printf("    found: %s\n", h->evidence);
	}
	if (v->hits->len == 0)
		printf("  no rule fired\n");
	if (reply) {
		g_auto(GStrv) lines = g_strsplit(reply, "\n", -1);
		printf("  SMTP reply:\n");
		for (guint i = 0; lines[i]; i++)
			printf("    %s\n", lines[i]);
	}
}

/* open_input - a stream over FILE or standard input */
static GMimeStream *open_input(const char *file, guint64 *size, GError **err)
{
	if (strcmp(file, "-") == 0) {
		GByteArray *all = g_byte_array_new();
		guint8 buf[65536];
		ssize_t n;
		while ((n = read(STDIN_FILENO, buf, sizeof buf)) > 0)
			g_byte_array_append(all, buf, (guint)n);
		*size = all->len;
		return g_mime_stream_mem_new_with_byte_array(all);
	}
	int fd = open(file, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		g_set_error(err, G_FILE_ERROR, g_file_error_from_errno(errno), "%s: %s", file, g_strerror(errno));
		return NULL;
	}
	GMimeStream *s = g_mime_stream_fs_new(fd);
	gint64 len = g_mime_stream_length(s);
	*size = len > 0 ? (guint64)len : 0;
	return s;
}

/* A hidden watchdog for robustness runs over large corpora:
 * AMZ_CHECK_MESSAGE_SECONDS=N ends the process with status 124 and names
 * the file when one message takes longer than N seconds, so a hang in a
 * batch of thousands of files is found and attributed. */
static const char *volatile watchdog_file;

static void watchdog_fired(int sig)
{
	static const char pre[] = "amzmilter-check: timed out on ";
	const char *f = watchdog_file ? watchdog_file : "?";
	(void)sig;
	(void)!write(STDERR_FILENO, pre, sizeof pre - 1);
	(void)!write(STDERR_FILENO, f, strlen(f));
	(void)!write(STDERR_FILENO, "\n", 1);
	_exit(124);
}

static guint watchdog_seconds(void)
{
	const char *s = getenv("AMZ_CHECK_MESSAGE_SECONDS");
	guint n = s ? (guint)strtoul(s, NULL, 10) : 0;
	if (n)
		signal(SIGALRM, watchdog_fired);
	return n;
}

/* watch - (re)start the watchdog for FILE, when one is asked for */
static void watch(const char *file)
{
	static gint seconds = -1;

	if (seconds < 0)
		seconds = (gint)watchdog_seconds();
	if (seconds) {
		watchdog_file = file;
		alarm((guint)seconds);
	}
}

/* check_stream - the verdict on one message read from IN (consumed),
 * printed under NAME */
static void check_stream(Check *ck, const char *file, GMimeStream *in, guint64 size)
{
	g_autoptr(Facts) f = facts_new();
	g_autoptr(Verdict) v = NULL;
	g_autoptr(Reply) r = NULL;
	g_autofree char *reply = NULL;

	watch(file);
	f->message_bytes = size;
	if (pipeline_extract(ck->snap, in, f, &v)) {
		envelope(ck, f);
		/* Like the milter: no relay recipient, accepted at DATA unchecked. */
		if (f->relay_rcpts->len == 0)
			v = verdict_new();
		else if (pipeline_orders(ck->snap, f, &v))   /* looked up, never recorded */
			v = pipeline_evaluate(ck->snap, f);
	} else {
		envelope(ck, f);
	}
	g_object_unref(in);
	alarm(0);

	r = reply_build(ck->snap->conf, v, v->action);
	if (r)
		reply = reply_text(r);
	ck->messages++;
	ck->action_counts[v->action]++;
	for (guint i = 0; i < v->hits->len; i++) {
		const Hit *h = v->hits->pdata[i];
		guint n = GPOINTER_TO_UINT(g_hash_table_lookup(ck->rule_counts, h->rule));
		g_hash_table_insert(ck->rule_counts, g_strdup(h->rule), GUINT_TO_POINTER(n + 1));
	}
	if (v->action >= ACTION_QUARANTINE && ck->worst < 1)
		ck->worst = 1;

	if (ck->stats)
		return;
	if (ck->facts) {
		g_autoptr(GString) out = g_string_new(NULL);
		dump_facts(f, out);
		printf("== %s\n%s\n", file, out->str);
	}
	if (ck->sentences) {
		g_autoptr(GString) out = g_string_new(NULL);
		rules_explain_sentences(ck->snap->rules, f, out);
		printf("== %s sentences\n%s\n", file, out->str);
	}
	if (ck->json)
		print_json(file, ck->snap->conf, f, v, reply);
	else
		print_human(file, ck->snap->conf, f, v, reply);
	if (watchdog_file)   /* a later hang or crash must not swallow this verdict */
		fflush(stdout);
}

/* What a file in a folder of mail is: a mail folder also holds what is not
 * mail (a sink's envelope files, notes, indexes), which must not count. */
typedef enum { FILE_NOT_MAIL, FILE_MESSAGE, FILE_MBOX } FileKind;

#define SNIFF_BYTES 1024

/* file_kind - an mbox starts with a "From " line; a message with a header
 * field (a name of printable ASCII without space or colon, then a colon) */
static FileKind file_kind(const char *path)
{
	char buf[SNIFF_BYTES];
	ssize_t n;
	int fd;
	gsize i = 0;

	if (!g_file_test(path, G_FILE_TEST_IS_REGULAR))
		return FILE_MESSAGE;   /* a FIFO or device: read once, by check_file */
	fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
	if (fd < 0)
		return FILE_MESSAGE;   /* check_file reports why it cannot be read */
	n = read(fd, buf, sizeof buf);
	close(fd);
	if (n <= 0)
		return FILE_NOT_MAIL;
	if (n >= 5 && memcmp(buf, "From ", 5) == 0)
		return FILE_MBOX;
	while (i < (gsize)n && buf[i] > ' ' && buf[i] < 127 && buf[i] != ':')
		i++;
	return i > 0 && i < (gsize)n && buf[i] == ':' ? FILE_MESSAGE : FILE_NOT_MAIL;
}

static void check_file(Check *ck, const char *file)
{
	g_autoptr(GError) err = NULL;
	guint64 size = 0;
	GMimeStream *in;

	watch(file);   /* a FIFO nobody writes to blocks in open() */
	in = open_input(file, &size, &err);

	if (in == NULL) {
		fprintf(stderr, "amzmilter-check: %s\n", err->message);
		ck->worst = 2;
		return;
	}
	check_stream(ck, file, in, size);
}

/* mbox_line_is_from - a "From " separator: at the start of the file or
 * after an empty line, as mbox writers leave one between messages */
static gboolean mbox_separator(const char *p, const char *start)
{
	return strncmp(p, "From ", 5) == 0 &&
	       (p == start || (p - start >= 2 && p[-2] == '\n') ||
	        (p - start >= 3 && p[-2] == '\r' && p[-3] == '\n'));
}

/* check_mbox - every message of an mbox file, named FILE:N; ">From "
 * quoting (mboxrd) is undone, the separator line is not part of the
 * message.  A file of one message is checked whole, under its own name. */
static void check_mbox(Check *ck, const char *file)
{
	g_autoptr(GError) err = NULL;
	g_autoptr(GMappedFile) map = g_mapped_file_new(file, FALSE, &err);
	const char *start, *end, *p;
	guint n = 0;

	if (map == NULL) {
		fprintf(stderr, "amzmilter-check: %s\n", err->message);
		ck->worst = 2;
		return;
	}
	start = g_mapped_file_get_contents(map);
	end = start + g_mapped_file_get_length(map);
	for (p = start + 1; p + 5 <= end && n < 2; p++)
		if (p[-1] == '\n' && mbox_separator(p, start))
			n++;
	if (n == 0) {   /* one message saved with its "From " line: checked whole */
		check_file(ck, file);
		return;
	}
	n = 0;
	p = start;
	while (p < end) {
		GByteArray *msg = g_byte_array_new();
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		g_autofree char *name = NULL;

		p = nl ? nl + 1 : end;   /* the "From " line */
		while (p < end && !mbox_separator(p, start)) {
			const char *q = p, *eol = memchr(p, '\n', (size_t)(end - p));
			const char *next = eol ? eol + 1 : end;
			while (q < next && *q == '>')
				q++;
			if (q > p && next - q >= 5 && strncmp(q, "From ", 5) == 0)
				p++;   /* mboxrd: one level of quoting was added */
			g_byte_array_append(msg, (const guint8 *)p, (guint)(next - p));
			p = next;
		}
		name = g_strdup_printf("%s:%u", file, ++n);
		guint64 size = msg->len;
		check_stream(ck, name, g_mime_stream_mem_new_with_byte_array(msg), size);
	}
}

static gint path_cmp(gconstpointer a, gconstpointer b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static gboolean is_maildir(const char *path)
{
	g_autofree char *cur = g_build_filename(path, "cur", NULL);
	g_autofree char *new = g_build_filename(path, "new", NULL);
	return g_file_test(cur, G_FILE_TEST_IS_DIR) && g_file_test(new, G_FILE_TEST_IS_DIR);
}

/* wanted_entry - what a directory walk reads: no hidden files, except a
 * Maildir++ folder (".Sent") inside a maildir; not a maildir's tmp/,
 * where deliveries are still being written */
static gboolean wanted_entry(const char *dir, const char *name, gboolean maildir)
{
	if (maildir && strcmp(name, "tmp") == 0)
		return FALSE;
	if (name[0] != '.')
		return TRUE;
	if (!maildir || strcmp(name, ".") == 0 || strcmp(name, "..") == 0)
		return FALSE;
	g_autofree char *sub = g_build_filename(dir, name, NULL);
	return is_maildir(sub);
}

/* check_path - a file, "-", an mbox, or every mail file below a directory
 * (sorted); NAMED is true for what the command line names, which is
 * checked whatever it looks like */
static void check_path(Check *ck, const char *path, gboolean named)
{
	g_autoptr(GDir) dir = NULL;
	g_autoptr(GPtrArray) names = NULL;
	gboolean maildir;
	const char *n;

	if (strcmp(path, "-") == 0) {
		check_file(ck, path);
		return;
	}
	if (!g_file_test(path, G_FILE_TEST_IS_DIR)) {
		if (!named && !g_file_test(path, G_FILE_TEST_IS_REGULAR)) {
			g_ptr_array_add(ck->skipped, g_strdup(path));   /* a FIFO would block */
			return;
		}
		switch (file_kind(path)) {
		case FILE_MBOX:
			check_mbox(ck, path);
			return;
		case FILE_NOT_MAIL:
			if (!named) {
				g_ptr_array_add(ck->skipped, g_strdup(path));
				return;
			}
			/* fall through */
		case FILE_MESSAGE:
			check_file(ck, path);
			return;
		}
	}
	dir = g_dir_open(path, 0, NULL);
	if (dir == NULL) {
		fprintf(stderr, "amzmilter-check: cannot read directory %s\n", path);
		ck->worst = 2;
		return;
	}
	maildir = is_maildir(path);
	names = g_ptr_array_new_with_free_func(g_free);
	while ((n = g_dir_read_name(dir)) != NULL)
		if (wanted_entry(path, n, maildir))
			g_ptr_array_add(names, g_build_filename(path, n, NULL));
	g_ptr_array_sort(names, path_cmp);
	for (guint i = 0; i < names->len; i++)
		check_path(ck, names->pdata[i], FALSE);
}

/* report_skipped - the files a directory walk left out, on stderr so that
 * --json output stays one object per message */
static void report_skipped(const Check *ck)
{
	if (ck->skipped->len == 0)
		return;
	fprintf(stderr, "amzmilter-check: skipped %u file%s that %s not mail (no header or mbox \"From \" line at the start):\n",
	        ck->skipped->len, ck->skipped->len == 1 ? "" : "s", ck->skipped->len == 1 ? "is" : "are");
	for (guint i = 0; i < ck->skipped->len && i < 20; i++)
		fprintf(stderr, "  %s\n", (char *)ck->skipped->pdata[i]);
	if (ck->skipped->len > 20)
		fprintf(stderr, "  and %u more\n", ck->skipped->len - 20);
}

static gint count_desc(gconstpointer a, gconstpointer b, gpointer counts)
{
	guint na = GPOINTER_TO_UINT(g_hash_table_lookup(counts, *(char **)a));
	guint nb = GPOINTER_TO_UINT(g_hash_table_lookup(counts, *(char **)b));
	if (na != nb)
		return na > nb ? -1 : 1;
	return strcmp(*(char **)a, *(char **)b);
}

static void print_stats(Check *ck)
{
	g_autoptr(GPtrArray) rules = g_ptr_array_new();
	GHashTableIter it;
	gpointer k;

	g_hash_table_iter_init(&it, ck->rule_counts);
	while (g_hash_table_iter_next(&it, &k, NULL))
		g_ptr_array_add(rules, k);
	g_ptr_array_sort_with_data(rules, count_desc, ck->rule_counts);
	printf("%u messages:", ck->messages);
	for (guint a = 0; a <= ACTION_DISCARD; a++)
		if (ck->action_counts[a])
			printf(" %u %s", ck->action_counts[a], action_name((Action)a));
	printf("\n%-32s %8s %7s\n", "rule", "messages", "share");
	for (guint i = 0; i < rules->len; i++) {
		guint n = GPOINTER_TO_UINT(g_hash_table_lookup(ck->rule_counts, rules->pdata[i]));
		printf("%-32s %8u %6.1f%%\n", (char *)rules->pdata[i], n,
		       ck->messages ? 100.0 * n / ck->messages : 0.0);
	}
}

int main(int argc, char **argv)
{
	g_autofree char *conf_path = NULL;
	gboolean version = FALSE;
	Check ck = { 0 };
	GOptionEntry entries[] = {
		{ "config", 'c', 0, G_OPTION_ARG_FILENAME, &conf_path, "Configuration file (default " AMZ_DEFAULT_CONF ")", "FILE" },
		{ "from", 0, 0, G_OPTION_ARG_STRING, &ck.from, "Envelope sender (default: the From header)", "ADDR" },
		{ "rcpt", 0, 0, G_OPTION_ARG_STRING_ARRAY, &ck.rcpts, "Envelope recipient, repeatable (default: To/Cc, else " TEMPLATE_RCPT ")", "ADDR" },
		{ "json", 0, 0, G_OPTION_ARG_NONE, &ck.json, "One JSON object per message and line", NULL },
		{ "facts", 0, 0, G_OPTION_ARG_NONE, &ck.facts, "Also print the extracted facts of each message", NULL },
		{ "sentences", 0, 0, G_OPTION_ARG_NONE, &ck.sentences,
		  "Also print each sentence, the languages it is read in and the concepts found in it", NULL },
		{ "stats", 0, 0, G_OPTION_ARG_NONE, &ck.stats, "Only print how many messages each rule fired on", NULL },
		{ "version", 'V', 0, G_OPTION_ARG_NONE, &version, "Print the version and exit", NULL },
		{ NULL, 0, 0, 0, NULL, NULL, NULL },
	};
	g_autoptr(GOptionContext) octx = g_option_context_new("FILE|DIR|- ... - the milter's verdict on message files");
	g_autoptr(GError) err = NULL;

	g_option_context_add_main_entries(octx, entries, NULL);
	g_option_context_set_description(octx,
	    "Exit status: 0 every message accepted or tagged, 1 any message would be\n"
	    "quarantined, tempfailed, rejected or discarded, 2 usage, configuration or\n"
	    "rule error, or an unreadable file.  Directories are read recursively, a\n"
	    "maildir's cur/ and new/ (not tmp/); files in them that are not mail are\n"
	    "skipped and listed.  An mbox file counts message by message (FILE:N).");
	if (!g_option_context_parse(octx, &argc, &argv, &err)) {
		fprintf(stderr, "amzmilter-check: %s\n", err->message);
		return 2;
	}
	if (version) {
		printf("amzmilter-check %s\n", AMZ_VERSION);
		return 0;
	}
	if (argc < 2) {
		fprintf(stderr, "amzmilter-check: no message given (FILE, DIR or - for standard input)\n");
		return 2;
	}
	if (conf_path == NULL)
		conf_path = g_strdup(AMZ_DEFAULT_CONF);
	extract_init();
	ck.snap = snapshot_load(conf_path, NULL, &err);
	if (ck.snap == NULL) {
		fprintf(stderr, "%s\n", err->message);
		return 2;
	}
	ck.rule_counts = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	ck.skipped = g_ptr_array_new_with_free_func(g_free);
	for (int i = 1; i < argc; i++)
		check_path(&ck, argv[i], TRUE);
	if (ck.stats)
		print_stats(&ck);
	report_skipped(&ck);
	g_ptr_array_unref(ck.skipped);
	g_hash_table_unref(ck.rule_counts);
	snapshot_release(ck.snap);
	g_free(ck.from);
	g_strfreev(ck.rcpts);
	return ck.worst;
}
