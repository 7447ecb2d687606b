/*
 * orders/import.c - an order file -> its reader (import.h): the kind of a
 * file is told by its first byte that is not white space, "{" or "[" for
 * JSON (spapi.c), else an order report (report.c) or, when importing a
 * solicited list, a list of order IDs (solicited.c).
 */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "orders/import.h"
#include "orders/report.h"
#include "orders/solicited.h"
#include "orders/spapi.h"

void order_import_report_init(ImportReport *rep)
{
	memset(rep, 0, sizeof *rep);
	rep->messages = g_ptr_array_new_with_free_func(g_free);
	rep->warnings = g_ptr_array_new_with_free_func(g_free);
}

void order_import_report_clear(ImportReport *rep)
{
	g_ptr_array_unref(rep->messages);
	g_ptr_array_unref(rep->warnings);
	memset(rep, 0, sizeof *rep);
}

/* import_fd - the reader the content asks for, on fd */
static gboolean import_fd(int fd, const char *name, guint64 skip, ImportSink sink,
                          SolicitedSink solicited, void *data, ImportReport *rep, GError **err)
{
	struct stat st;
	RowReader r;
	Rows c;
	GError *e = NULL;
	gboolean ok;
	int first;

	if (fstat(fd, &st) != 0) {
		g_set_error(err, G_FILE_ERROR, g_file_error_from_errno(errno), "%s: %s", name, g_strerror(errno));
		return FALSE;
	}
	rows_reader_init(&r, fd, IMPORT_MAX_LINE);
	rows_init(&c, name, rep, skip, (gint64)st.st_mtime);
	c.size = S_ISREG(st.st_mode) ? (guint64)st.st_size : 0;
	c.sink = sink;
	c.solicited = solicited;
	c.data = data;
	first = rows_peek(&r, &e);
	if (e) {
		ok = FALSE;
	} else if (first == '{' || first == '[') {
		r.max = IMPORT_MAX_JSON;
		ok = spapi_read(&c, &r, solicited != NULL, &e);
	} else if (solicited) {
		rep->format = IMPORT_FORMAT_LIST;
		ok = solicited_read(&c, &r, &e);
	} else {
		rep->format = IMPORT_FORMAT_REPORT;
		ok = report_read(&c, &r, &e);
	}
	/* the readers name the file in their own errors, not in read errors */
	if (!ok && e && e->domain == G_FILE_ERROR)
		g_prefix_error(&e, "%s: ", name);
	if (!ok)
		g_propagate_error(err, e);
	rows_clear(&c);
	rows_reader_clear(&r);
	return ok;
}

gboolean order_import_fd(int fd, const char *name, guint64 skip, ImportSink sink, void *data,
                         ImportReport *rep, GError **err)
{
	return import_fd(fd, name, skip, sink, NULL, data, rep, err);
}

gboolean order_import_solicited_fd(int fd, const char *name, guint64 skip, SolicitedSink sink,
                                   void *data, ImportReport *rep, GError **err)
{
	return import_fd(fd, name, skip, NULL, sink, data, rep, err);
}

/* import_path - the file at path into sink (orders) or ssink (a solicited list) */
static gboolean import_path(const char *path, guint64 skip, ImportSink sink, SolicitedSink ssink,
                            void *data, ImportReport *rep, GError **err)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	gboolean ok;

	if (fd < 0) {
		g_set_error(err, G_FILE_ERROR, g_file_error_from_errno(errno), "%s: %s", path, g_strerror(errno));
		return FALSE;
	}
	ok = import_fd(fd, path, skip, sink, ssink, data, rep, err);
	close(fd);
	return ok;
}

gboolean order_import_file(const char *path, guint64 skip, ImportSink sink, void *data,
                           ImportReport *rep, GError **err)
{
	return import_path(path, skip, sink, NULL, data, rep, err);
}

gboolean order_import_solicited(const char *path, guint64 skip, SolicitedSink sink, void *data,
                                ImportReport *rep, GError **err)
{
	return import_path(path, skip, NULL, sink, data, rep, err);
}
