/*
 * log.c - logging (see log.h).
 *
 * Three destinations (conf "log"): syslog; standard error, for a daemon
 * under systemd or a container, where no syslog daemon may run; a file,
 * which log_reopen() opens again by name after logrotate moved it.  On
 * stderr and in a file every line carries its time (ISO 8601, local time
 * with the offset) and severity; when stderr is journald's stream
 * (JOURNAL_STREAM names it) a line is "<N>text" instead: journald reads
 * the severity from the prefix and keeps the time itself.
 *
 * With the syslog or file destination, stderr gets a copy of each line
 * when it is a terminal or -v was given, and of errors until the start is
 * over.  Message data never reaches a format string: it is escaped with
 * text_line(…, TEXT_LINE_LOG) and passed as an argument.
 *
 * A file is replaced with dup3() onto the descriptor the writers use, so a
 * line is written whole to the old file or to the new one.
 */
#define _GNU_SOURCE      /* dup3 */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "core/log.h"

/* One file destination: its path and the descriptor lines go to. */
typedef struct {
	char *path;
	int fd;
} LogFile;

static struct {
	char *ident;
	LogDest dest, json;
	LogFile file, json_file;
	gboolean copy_stderr;   /* -v or a terminal */
	gboolean journal;       /* stderr is journald's stream */
	gboolean starting;      /* errors also to stderr until log_serving() */
} lg = { .dest = LOG_DEST_SYSLOG, .file = { NULL, -1 }, .json_file = { NULL, -1 }, .starting = TRUE };

static GMutex write_lock;   /* one line at a time per descriptor; reopen */

static const char *const severity[] = {
	"emerg", "alert", "crit", "err", "warning", "notice", "info", "debug",
};

void log_serving(void)
{
	lg.starting = FALSE;
}

/* stderr_is_journal - JOURNAL_STREAM ("DEV:INODE") names our stderr */
static gboolean stderr_is_journal(void)
{
	const char *js = getenv("JOURNAL_STREAM");
	unsigned long long dev, ino;
	struct stat st;

	if (js == NULL || sscanf(js, "%llu:%llu", &dev, &ino) != 2 || fstat(STDERR_FILENO, &st) != 0)
		return FALSE;
	return (unsigned long long)st.st_dev == dev && (unsigned long long)st.st_ino == ino;
}

/* open_file - path for appending: a plain file with one link, never one
 * through a symbolic link (opened as root in a directory the daemon's
 * user may own); -1 and *err when not */
static int open_file(const char *path, GError **err)
{
	int fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_NOCTTY | O_NOFOLLOW | O_NONBLOCK |
	                    O_CLOEXEC, 0640);
	struct stat st;

	if (fd < 0) {
		g_set_error(err, G_FILE_ERROR, g_file_error_from_errno(errno), "cannot open %s: %s", path,
		            g_strerror(errno));
		return -1;
	}
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_nlink != 1) {
		g_set_error(err, G_FILE_ERROR, G_FILE_ERROR_INVAL,
		            "%s is not a plain file with one name (a link, a FIFO?)", path);
		close(fd);
		return -1;
	}
	/* O_NONBLOCK only kept a FIFO from blocking the open */
	fcntl(fd, F_SETFL, O_APPEND);
	return fd;
}

gboolean log_open(const char *ident, const LogSetup *ls, GError **err)
{
	lg.ident = g_strdup(ident);
	lg.dest = ls->dest;
	lg.json = ls->json;
	lg.copy_stderr = ls->copy_stderr && ls->dest != LOG_DEST_STDERR;
	lg.journal = ls->dest == LOG_DEST_STDERR && stderr_is_journal();
	if (ls->dest == LOG_DEST_SYSLOG)
		openlog(ident, LOG_PID | LOG_NDELAY, ls->facility);
	if (ls->dest == LOG_DEST_FILE) {
		lg.file.path = g_strdup(ls->file);
		if ((lg.file.fd = open_file(ls->file, err)) < 0)
			return FALSE;
	}
	if (ls->json == LOG_DEST_FILE) {
		lg.json_file.path = g_strdup(ls->json_file);
		if ((lg.json_file.fd = open_file(ls->json_file, err)) < 0)
			return FALSE;
	}
	return TRUE;
}

/* write_all - the whole buffer, across short writes; errors are dropped
 * (there is nowhere left to report them) */
static void write_all(int fd, const char *p, gsize n)
{
	while (n > 0) {
		ssize_t w = write(fd, p, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return;
		p += w;
		n -= (gsize)w;
	}
}

static void write_line(int fd, const GString *line)
{
	g_mutex_lock(&write_lock);
	write_all(fd, line->str, line->len);
	g_mutex_unlock(&write_lock);
}

char *log_timestamp(void)
{
	g_autoptr(GDateTime) now = g_date_time_new_now_local();
	g_autofree char *t = g_date_time_format(now, "%Y-%m-%dT%H:%M:%S");
	g_autofree char *z = g_date_time_format(now, "%:z");

	return g_strdup_printf("%s.%03d%s", t, g_date_time_get_microsecond(now) / 1000, z);
}

/* stamped - "2025-06-03T10:15:00.123+02:00 amzmilter[42]: notice: text\n" */
static GString *stamped(int prio, const char *text)
{
	g_autofree char *t = log_timestamp();
	GString *s = g_string_sized_new(strlen(text) + 64);

	g_string_append_printf(s, "%s %s[%ld]: %s: %s\n", t, lg.ident ? lg.ident : "amzmilter",
	                       (long)getpid(), severity[LOG_PRI(prio)], text);
	return s;
}

/* emit - one finished line to the destination (and the stderr copy) */
static void emit(int prio, const char *text)
{
	g_autoptr(GString) line = NULL;

	switch (lg.dest) {
	case LOG_DEST_STDERR:
		if (lg.journal) {
			line = g_string_new(NULL);
			g_string_printf(line, "<%d>%s\n", LOG_PRI(prio), text);
		} else {
			line = stamped(prio, text);
		}
		write_line(STDERR_FILENO, line);
		return;
	case LOG_DEST_FILE:
		line = stamped(prio, text);
		write_line(lg.file.fd, line);
		break;
	default:
		syslog(prio, "%s", text);
		break;
	}
	if (lg.copy_stderr || (lg.starting && LOG_PRI(prio) <= LOG_ERR)) {
		g_autoptr(GString) copy = g_string_new(NULL);
		g_string_printf(copy, "amzmilter: %s\n", text);
		write_line(STDERR_FILENO, copy);
	}
}

void log_msg(int prio, const char *fmt, ...)
{
	va_list ap;
	g_autofree char *s = NULL;

	va_start(ap, fmt);
	s = g_strdup_vprintf(fmt, ap);
	va_end(ap);
	emit(prio, s);
}

/* reopen_one - f opened again by name, onto the same descriptor */
static gboolean reopen_one(LogFile *f)
{
	g_autoptr(GError) err = NULL;
	int fd;

	if (f->fd < 0)
		return TRUE;
	fd = open_file(f->path, &err);
	if (fd < 0) {
		log_msg(LOG_ERR, "log: %s; still writing to the file opened before", err->message);
		return FALSE;
	}
	g_mutex_lock(&write_lock);
	dup3(fd, f->fd, O_CLOEXEC);
	g_mutex_unlock(&write_lock);
	close(fd);
	return TRUE;
}

void log_reopen(void)
{
	gboolean a = reopen_one(&lg.file), b = reopen_one(&lg.json_file);

	if (a && b && (lg.file.fd >= 0 || lg.json_file.fd >= 0))
		log_msg(LOG_INFO, "log files reopened");
}

gboolean log_json_wanted(void)
{
	return lg.json != LOG_DEST_NONE;
}

void log_json(const char *qid, const char *json)
{
	if (lg.json == LOG_DEST_LOG) {
		log_msg(LOG_INFO, "%s: json %s", qid, json);
	} else if (lg.json == LOG_DEST_FILE) {
		g_autoptr(GString) line = g_string_new(json);
		g_string_append_c(line, '\n');
		write_line(lg.json_file.fd, line);
	}
}
