/*
 * exporter.c - the metrics endpoint (see exporter.h).
 *
 * HTTP rather than a file for node_exporter's textfile collector: the
 * counts are read when Prometheus asks, so they are never older than the
 * scrape, nothing has to write a file on a timer into a directory outside
 * the daemon's own, and a dead daemon shows as a failed scrape ("up" = 0)
 * instead of a file that goes on saying the last thing it said.
 *
 * libmicrohttpd answers from one thread of its own; a scrape costs one
 * pass over the counters under their lock (engine/metrics.c).  The socket
 * is bound before the privilege drop and handed to libmicrohttpd after it,
 * so its thread never runs as root.  The thread inherits main()'s blocked
 * signals, and SIGPIPE is ignored process-wide.
 */
#include <errno.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>
#include <microhttpd.h>
#include "daemon/exporter.h"
#include "engine/metrics.h"

/* Bounds on what a scraper can hold: connections, idle seconds, bytes of
 * request per connection. */
#define EXPORTER_CONNECTIONS 8
#define EXPORTER_TIMEOUT_S 10
#define EXPORTER_MEMORY (32 * 1024)

static int listen_fd = -1;
static struct MHD_Daemon *mhd;
static char *build_label;
static gint64 started;   /* real time, seconds */

gboolean exporter_bind(const Conf *c, GError **err)
{
	struct sockaddr_storage sa;
	socklen_t len;
	int fd, one = 1;

	if (c->metrics_listen == NULL)
		return TRUE;
	conf_listen_parse(c->metrics_listen, &sa, &len);
	fd = socket(sa.ss_family, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
	if (fd < 0 || setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one) != 0 ||
	    bind(fd, (struct sockaddr *)&sa, len) != 0 || listen(fd, 16) != 0) {
		int e = errno;
		g_set_error(err, G_FILE_ERROR, g_file_error_from_errno(e), "metrics_listen %s: %s",
		            c->metrics_listen, g_strerror(e));
		if (fd >= 0)
			close(fd);
		return FALSE;
	}
	listen_fd = fd;
	return TRUE;
}

/* answer - GET or HEAD /metrics: the text; anything else: 404 or 405 */
static enum MHD_Result answer(void *cls, struct MHD_Connection *conn, const char *url,
                              const char *method, const char *version, const char *upload,
                              size_t *upload_len, void **state)
{
	struct MHD_Response *r;
	enum MHD_Result rc;
	unsigned int status = MHD_HTTP_OK;
	GString *body = g_string_new(NULL);

	(void)cls, (void)version, (void)upload, (void)upload_len, (void)state;
	if (strcmp(url, "/metrics") != 0) {
		status = MHD_HTTP_NOT_FOUND;
		g_string_append(body, "amzmilter serves /metrics only\n");
	} else if (strcmp(method, MHD_HTTP_METHOD_GET) != 0 && strcmp(method, MHD_HTTP_METHOD_HEAD) != 0) {
		status = MHD_HTTP_METHOD_NOT_ALLOWED;
		g_string_append(body, "GET or HEAD only\n");
	} else {
		g_string_append_printf(body, "# HELP amzmilter_build_info The running amzmilter: version and how it drives libmilter.\n"
		                             "# TYPE amzmilter_build_info gauge\n"
		                             "amzmilter_build_info{version=\"%s\",milter=\"%s\"} 1\n"
		                             "# HELP amzmilter_start_time_seconds When the daemon started, in seconds since the epoch.\n"
		                             "# TYPE amzmilter_start_time_seconds gauge\n"
		                             "amzmilter_start_time_seconds %" G_GINT64_FORMAT "\n",
		                       AMZ_VERSION, build_label, started);
		metrics_render(body);
	}
	r = MHD_create_response_from_buffer_with_free_callback(body->len, body->str, g_free);
	g_string_free(body, FALSE);
	MHD_add_response_header(r, MHD_HTTP_HEADER_CONTENT_TYPE,
	                        status == MHD_HTTP_OK ? "text/plain; version=0.0.4; charset=utf-8"
	                                              : "text/plain; charset=utf-8");
	if (status == MHD_HTTP_METHOD_NOT_ALLOWED)
		MHD_add_response_header(r, MHD_HTTP_HEADER_ALLOW, "GET, HEAD");
	rc = MHD_queue_response(conn, status, r);
	MHD_destroy_response(r);
	return rc;
}

gboolean exporter_start(const char *build, GError **err)
{
	if (listen_fd < 0)
		return TRUE;
	build_label = g_strdup(build);
	started = g_get_real_time() / G_USEC_PER_SEC;
	mhd = MHD_start_daemon(MHD_USE_AUTO_INTERNAL_THREAD, 0, NULL, NULL, answer, NULL,
	                       MHD_OPTION_LISTEN_SOCKET, listen_fd,
	                       MHD_OPTION_CONNECTION_LIMIT, (unsigned int)EXPORTER_CONNECTIONS,
	                       MHD_OPTION_CONNECTION_TIMEOUT, (unsigned int)EXPORTER_TIMEOUT_S,
	                       MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)EXPORTER_MEMORY,
	                       MHD_OPTION_END);
	if (mhd == NULL) {
		g_set_error(err, G_FILE_ERROR, G_FILE_ERROR_FAILED,
		            "the metrics endpoint could not be started (libmicrohttpd)");
		return FALSE;
	}
	return TRUE;
}

void exporter_stop(void)
{
	if (mhd)
		MHD_stop_daemon(mhd);   /* closes the listening socket too */
	else if (listen_fd >= 0)
		close(listen_fd);
	mhd = NULL;
	listen_fd = -1;
}
