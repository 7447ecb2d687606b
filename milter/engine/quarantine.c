/*
 * quarantine.c - amzmilter's own record of each held message.
 *
 * The MTA keeps a quarantined message (Postfix: the hold queue) but not
 * why it was held.  At the moment it quarantines, the daemon writes one
 * small file per message, named by the queue ID, into quarantine_dir:
 * "key=value" lines, every value one escaped line of bounded length, so
 * the file is safe to print and cannot grow with the message.
 *
 *   version=1  qid=  time=  from=  rcpt= (one a line)  message_id=
 *   subject=  rules=  reason= (one a line: "RULE: message [evidence]")
 *
 * amzmilter-quarantine appends what happens later (released=,
 * released_by=, notified=): appending keeps the file's owner and mode,
 * which root, running the command, would otherwise change.  A later key
 * wins on reading.
 *
 * The directory is 0750 and the files 0640, owned by the daemon's user and
 * group: held mail is personal data, for root and the amzmilter group.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "engine/quarantine.h"
#include "util/text.h"

QuarantineRecord *quarantine_record_new(void)
{
	QuarantineRecord *r = g_new0(QuarantineRecord, 1);
	r->rcpts = g_ptr_array_new_with_free_func(g_free);
	r->reasons = g_ptr_array_new_with_free_func(g_free);
	return r;
}

void quarantine_record_free(QuarantineRecord *r)
{
	if (r == NULL)
		return;
	g_free(r->qid);
	g_free(r->from);
	g_ptr_array_unref(r->rcpts);
	g_free(r->message_id);
	g_free(r->subject);
	g_free(r->rules);
	g_ptr_array_unref(r->reasons);
	g_free(r->released_by);
	g_free(r);
}

gboolean quarantine_qid_valid(const char *qid)
{
	gsize n = qid ? strlen(qid) : 0;

	if (n == 0 || n > QUARANTINE_QID_MAX)
		return FALSE;
	for (gsize i = 0; i < n; i++)
		if (!g_ascii_isalnum(qid[i]))
			return FALSE;
	return TRUE;
}

/* line - untrusted text as one bounded, escaped line */
static char *line(const char *s)
{
	return text_line(s, QUARANTINE_VALUE_MAX, TEXT_LINE_LOG);
}

QuarantineRecord *quarantine_record_from(const char *qid, const Facts *f, const Verdict *v)
{
	QuarantineRecord *r = quarantine_record_new();
	GString *rules = g_string_new(NULL);

	r->qid = g_strdup(qid);
	r->time = g_get_real_time() / G_USEC_PER_SEC;
	r->from = line(f->env_from);
	for (guint i = 0; f->relay_rcpts && i < f->relay_rcpts->len && i < QUARANTINE_RCPTS_MAX; i++)
		g_ptr_array_add(r->rcpts, line(f->relay_rcpts->pdata[i]));
	for (guint i = 0; f->headers && i < f->headers->len; i++) {
		const FactHeader *h = f->headers->pdata[i];
		if (g_ascii_strcasecmp(h->name, "Message-ID") == 0) {
			r->message_id = line(h->value);
			break;
		}
	}
	r->subject = line(f->subject);
	for (guint i = 0; i < v->hits->len; i++) {
		const Hit *h = v->hits->pdata[i];
		g_autofree char *full = NULL;
		g_string_append_printf(rules, "%s%s", rules->len ? ", " : "", h->rule);
		if (i >= QUARANTINE_REASONS_MAX)
			continue;
		full = g_strdup_printf("%s: %s%s%s%s%s", h->rule, h->message, *h->evidence ? " [" : "",
		                       h->evidence, *h->evidence ? "]" : "", h->monitor ? " (monitor)" : "");
		g_ptr_array_add(r->reasons, line(full));
	}
	r->rules = line(rules->str);
	g_string_free(rules, TRUE);
	return r;
}

/* put - one "key=value" line; values are already single lines */
static void put(GString *s, const char *key, const char *value)
{
	if (value != NULL)
		g_string_append_printf(s, "%s=%s\n", key, value);
}

/* format - the record as its file's text */
static char *format(const QuarantineRecord *r)
{
	GString *s = g_string_new("version=1\n");
	g_autofree char *t = g_strdup_printf("%" G_GINT64_FORMAT, r->time);

	put(s, "qid", r->qid);
	put(s, "time", t);
	put(s, "from", r->from);
	for (guint i = 0; i < r->rcpts->len; i++)
		put(s, "rcpt", r->rcpts->pdata[i]);
	put(s, "message_id", r->message_id);
	put(s, "subject", r->subject);
	put(s, "rules", r->rules);
	for (guint i = 0; i < r->reasons->len; i++)
		put(s, "reason", r->reasons->pdata[i]);
	return g_string_free(s, FALSE);
}

/* write_all - the whole buffer, or FALSE with errno set */
static gboolean write_all(int fd, const char *p, gsize n)
{
	while (n > 0) {
		ssize_t w = write(fd, p, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return FALSE;
		p += w;
		n -= (gsize)w;
	}
	return TRUE;
}

gboolean quarantine_record_write(const char *dir, const QuarantineRecord *r, GError **err)
{
	g_autofree char *text = NULL, *path = NULL, *tmp = NULL;
	int fd, e;

	if (!quarantine_qid_valid(r->qid)) {
		g_set_error(err, G_FILE_ERROR, G_FILE_ERROR_INVAL, "no usable queue ID (\"%s\")",
		            r->qid ? r->qid : "");
		return FALSE;
	}
	if (mkdir(dir, 0750) == 0)
		chmod(dir, 0750);   /* exactly, whatever the umask */
	else if (errno != EEXIST) {
		e = errno;
		g_set_error(err, G_FILE_ERROR, g_file_error_from_errno(e), "cannot make %s: %s", dir, g_strerror(e));
		return FALSE;
	}
	text = format(r);
	path = g_build_filename(dir, r->qid, NULL);
	tmp = g_strdup_printf("%s/.%s.tmp", dir, r->qid);
	fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0640);
	if (fd < 0 || fchmod(fd, 0640) != 0 || !write_all(fd, text, strlen(text))) {
		e = errno;
		if (fd >= 0) {
			close(fd);
			unlink(tmp);
		}
		g_set_error(err, G_FILE_ERROR, g_file_error_from_errno(e), "cannot write %s: %s", tmp, g_strerror(e));
		return FALSE;
	}
	if (close(fd) != 0 || rename(tmp, path) != 0) {
		e = errno;
		unlink(tmp);
		g_set_error(err, G_FILE_ERROR, g_file_error_from_errno(e), "cannot write %s: %s", path, g_strerror(e));
		return FALSE;
	}
	return TRUE;
}

/* parse - the text of a record file; unknown keys are skipped (a newer
 * daemon may write more) */
static QuarantineRecord *parse(const char *qid, const char *text)
{
	QuarantineRecord *r = quarantine_record_new();
	g_auto(GStrv) lines = g_strsplit(text, "\n", -1);

	r->qid = g_strdup(qid);
	for (guint i = 0; lines[i]; i++) {
		char *eq = strchr(lines[i], '=');
		const char *k = lines[i], *v;
		if (eq == NULL)
			continue;
		*eq = '\0';
		v = eq + 1;
		if (strcmp(k, "time") == 0)
			r->time = g_ascii_strtoll(v, NULL, 10);
		else if (strcmp(k, "from") == 0)
			g_free(r->from), r->from = g_strdup(v);
		else if (strcmp(k, "rcpt") == 0 && r->rcpts->len < QUARANTINE_RCPTS_MAX)
			g_ptr_array_add(r->rcpts, g_strdup(v));
		else if (strcmp(k, "message_id") == 0)
			g_free(r->message_id), r->message_id = g_strdup(v);
		else if (strcmp(k, "subject") == 0)
			g_free(r->subject), r->subject = g_strdup(v);
		else if (strcmp(k, "rules") == 0)
			g_free(r->rules), r->rules = g_strdup(v);
		else if (strcmp(k, "reason") == 0 && r->reasons->len < QUARANTINE_REASONS_MAX)
			g_ptr_array_add(r->reasons, g_strdup(v));
		else if (strcmp(k, "released") == 0)
			r->released = g_ascii_strtoll(v, NULL, 10);
		else if (strcmp(k, "released_by") == 0)
			g_free(r->released_by), r->released_by = g_strdup(v);
		else if (strcmp(k, "notified") == 0)
			r->notified = g_ascii_strtoll(v, NULL, 10);
	}
	return r;
}

QuarantineRecord *quarantine_record_read(const char *dir, const char *qid, GError **err)
{
	g_autofree char *path = NULL, *buf = NULL;
	ssize_t n;
	int fd, e;

	if (!quarantine_qid_valid(qid)) {
		g_set_error(err, G_FILE_ERROR, G_FILE_ERROR_INVAL, "\"%s\" is not a queue ID", qid);
		return NULL;
	}
	path = g_build_filename(dir, qid, NULL);
	fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
	if (fd < 0) {
		e = errno;
		g_set_error(err, G_FILE_ERROR, g_file_error_from_errno(e), "%s: %s", path, g_strerror(e));
		return NULL;
	}
	buf = g_malloc(QUARANTINE_FILE_MAX + 1);
	n = read(fd, buf, QUARANTINE_FILE_MAX);   /* a longer file is read in part */
	e = errno;
	close(fd);
	if (n < 0) {
		g_set_error(err, G_FILE_ERROR, g_file_error_from_errno(e), "%s: %s", path, g_strerror(e));
		return NULL;
	}
	buf[n] = '\0';
	return parse(qid, buf);
}

static int by_time(gconstpointer a, gconstpointer b)
{
	const QuarantineRecord *x = *(QuarantineRecord *const *)a, *y = *(QuarantineRecord *const *)b;
	return x->time != y->time ? (x->time < y->time ? -1 : 1) : strcmp(x->qid, y->qid);
}

GPtrArray *quarantine_records(const char *dir, GError **err)
{
	GPtrArray *all = g_ptr_array_new_with_free_func((GDestroyNotify)quarantine_record_free);
	GError *e = NULL;
	GDir *d = g_dir_open(dir, 0, &e);
	const char *name;

	if (d == NULL) {
		if (g_error_matches(e, G_FILE_ERROR, G_FILE_ERROR_NOENT)) {
			g_error_free(e);
			return all;
		}
		g_propagate_prefixed_error(err, e, "cannot read the quarantine records: ");
		g_ptr_array_unref(all);
		return NULL;
	}
	while ((name = g_dir_read_name(d)) != NULL) {
		QuarantineRecord *r;
		if (!quarantine_qid_valid(name))
			continue;   /* temporary files, anything else */
		r = quarantine_record_read(dir, name, &e);
		if (r == NULL) {
			g_propagate_prefixed_error(err, e, "cannot read the quarantine records: ");
			g_dir_close(d);
			g_ptr_array_unref(all);
			return NULL;
		}
		g_ptr_array_add(all, r);
	}
	g_dir_close(d);
	g_ptr_array_sort(all, by_time);
	return all;
}

gboolean quarantine_record_note(const char *dir, const char *qid, const char *key, const char *value,
                                GError **err)
{
	g_autofree char *path = NULL, *v = line(value);
	g_autofree char *text = g_strdup_printf("%s=%s\n", key, v);
	int fd, e;

	if (!quarantine_qid_valid(qid)) {
		g_set_error(err, G_FILE_ERROR, G_FILE_ERROR_INVAL, "\"%s\" is not a queue ID", qid);
		return FALSE;
	}
	path = g_build_filename(dir, qid, NULL);
	fd = open(path, O_WRONLY | O_APPEND | O_CLOEXEC | O_NOFOLLOW);
	if (fd < 0 || !write_all(fd, text, strlen(text))) {
		e = errno;
		if (fd >= 0)
			close(fd);
		g_set_error(err, G_FILE_ERROR, g_file_error_from_errno(e), "%s: %s", path, g_strerror(e));
		return FALSE;
	}
	if (close(fd) != 0) {
		e = errno;
		g_set_error(err, G_FILE_ERROR, g_file_error_from_errno(e), "%s: %s", path, g_strerror(e));
		return FALSE;
	}
	return TRUE;
}

gboolean quarantine_record_remove(const char *dir, const char *qid, GError **err)
{
	g_autofree char *path = NULL;
	int e;

	if (!quarantine_qid_valid(qid)) {
		g_set_error(err, G_FILE_ERROR, G_FILE_ERROR_INVAL, "\"%s\" is not a queue ID", qid);
		return FALSE;
	}
	path = g_build_filename(dir, qid, NULL);
	if (unlink(path) != 0 && errno != ENOENT) {
		e = errno;
		g_set_error(err, G_FILE_ERROR, g_file_error_from_errno(e), "cannot remove %s: %s", path, g_strerror(e));
		return FALSE;
	}
	return TRUE;
}
