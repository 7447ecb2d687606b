/*
 * wraps.c - libmilter driven through link-time wraps of its system calls.
 *
 * The only file that knows libmilter's internals, and linked only when
 * the Makefile finds the libmilter these wraps were written against
 * (MILTER_WRAPS; plain.c otherwise).  libmilter is linked statically and
 * the link wraps five of the calls it makes (-Wl,--wrap=sigwait,accept,
 * poll,read,close).
 *
 *   sigwait libmilter's signal thread waits for SIGHUP, SIGTERM and
 *           SIGINT and treats SIGHUP as "stop"; the wrap takes SIGHUP in
 *           that same thread and reloads instead, so that a second thread
 *           waiting for the same signal cannot race it.
 *
 * The other four change how an MTA connection is driven, never what is
 * said on it:
 *
 *   accept  TCP_NODELAY on inet connections; the connection gets a read
 *           buffer.  Out of descriptors or memory, it logs and waits a
 *           little before failing (libmilter retries such errors at once,
 *           silently: a core spinning while new sessions go unanswered).
 *   read    served from that buffer: one read(2) takes every command the
 *           MTA has already written (it sends the headers of a message
 *           without waiting for replies), where libmilter reads each
 *           command in two calls, its 5-byte header and then its body,
 *           with a poll(2) before each.
 *   poll    answers at once for a connection whose buffer holds bytes (the
 *           kernel cannot know of them); lets a worker wait for its
 *           session's next command instead of 1 ms.
 *   close   drops the buffer before the descriptor can be reused.
 *
 * Every other descriptor passes straight through.  A connection is used by
 * one thread at a time (libmilter's session ownership); the slot table is
 * only written by accept (a new descriptor) and close (before the
 * descriptor is released), so atomic pointer loads suffice.
 */
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>
#include <signal.h>
#include <glib.h>
#include "core/log.h"
#include "daemon/wraps.h"

#define WRAPS_MAX_FD 65536   /* higher descriptors are read unbuffered */
#define WRAPS_BUF    16384   /* a message's header commands fit at once */
#define ACCEPT_BACKOFF_MS 100    /* wait after accept finds no descriptor or memory */
#define ACCEPT_LOG_EVERY_S 10    /* at most one log line per this many seconds */

typedef struct {
	gsize off, len;             /* unread bytes: data[off .. off+len) */
	unsigned char data[WRAPS_BUF];
} ReadBuf;

static ReadBuf *slots[WRAPS_MAX_FD];

static ReadBuf *slot(int fd)
{
	if (fd < 0 || fd >= WRAPS_MAX_FD)
		return NULL;
	return g_atomic_pointer_get(&slots[fd]);
}

/* buffered - bytes read from FD's connection not yet handed out */
static gsize buffered(int fd)
{
	ReadBuf *b = slot(fd);
	return b ? b->len : 0;
}

int __real_sigwait(const sigset_t *set, int *sig);
int __wrap_sigwait(const sigset_t *set, int *sig);
int __real_accept(int fd, struct sockaddr *addr, socklen_t *len);
int __wrap_accept(int fd, struct sockaddr *addr, socklen_t *len);
int __real_poll(struct pollfd *fds, nfds_t n, int timeout);
int __wrap_poll(struct pollfd *fds, nfds_t n, int timeout);
ssize_t __real_read(int fd, void *buf, size_t n);
ssize_t __wrap_read(int fd, void *buf, size_t n);
int __real_close(int fd);
int __wrap_close(int fd);

static void (*reload_fn)(void);

const char *wraps_describe(void)
{
	return "link wraps, libmilter " AMZ_MILTER_VERSION;
}

gboolean wraps_hup_reloads(void)
{
	return TRUE;
}

void wraps_set_reload(void (*reload)(void))
{
	reload_fn = reload;
}

/* __wrap_sigwait - libmilter's signal thread: SIGHUP reloads, every other
 * signal is libmilter's */
int __wrap_sigwait(const sigset_t *set, int *sig)
{
	for (;;) {
		int rc = __real_sigwait(set, sig);
		if (rc != 0 || *sig != SIGHUP)
			return rc;
		if (reload_fn != NULL)
			reload_fn();
	}
}

/* accept_starved - out of descriptors or memory: say so (not on every
 * retry) and slow libmilter's retries down until some are given back */
static void accept_starved(int err)
{
	static gint64 last_log;
	gint64 now = g_get_monotonic_time();

	if (now - last_log >= (gint64)ACCEPT_LOG_EVERY_S * G_USEC_PER_SEC) {
		last_log = now;
		log_msg(LOG_ERR, "cannot accept MTA connections: %s (raise the descriptor limit, "
		                 "LimitNOFILE in the systemd unit); retrying", g_strerror(err));
	}
	g_usleep(ACCEPT_BACKOFF_MS * 1000);
	errno = err;
}

/*
 * TCP stalls on inet sockets.  At end of message libmilter writes several
 * small packets in a row (add header, quarantine, the final reply); with
 * Nagle the second waits for the MTA's ACK of the first, which the MTA's
 * kernel delays by up to 40 ms because the MTA has nothing to send back.
 * libmilter calls accept only for MTA connections: every inet one gets
 * TCP_NODELAY (on unix sockets the call fails harmlessly).
 */
int __wrap_accept(int fd, struct sockaddr *addr, socklen_t *len)
{
	static const int one = 1;
	int c = __real_accept(fd, addr, len);

	if (c < 0) {
		if (errno == EMFILE || errno == ENFILE || errno == ENOBUFS || errno == ENOMEM)
			accept_starved(errno);
		return c;
	}
	(void)setsockopt(c, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
	if (c < WRAPS_MAX_FD) {
		ReadBuf *b = g_malloc(sizeof *b);
		b->off = b->len = 0;
		g_free(g_atomic_pointer_exchange(&slots[c], b));   /* NULL unless leaked */
	}
	return c;
}

ssize_t __wrap_read(int fd, void *buf, size_t n)
{
	ReadBuf *b = slot(fd);
	ssize_t r;

	if (b == NULL || n == 0)
		return __real_read(fd, buf, n);
	if (b->len == 0) {
		if (n >= sizeof b->data)   /* a body chunk: straight to the caller */
			return __real_read(fd, buf, n);
		r = __real_read(fd, b->data, sizeof b->data);
		if (r <= 0)
			return r;
		b->off = 0;
		b->len = (gsize)r;
	}
	if (n > b->len)
		n = b->len;
	memcpy(buf, b->data + b->off, n);
	b->off += n;
	b->len -= n;
	return (ssize_t)n;
}

/*
 * Waiting for the MTA's next command.  libmilter (built with its worker
 * pool, as Debian's is) lets a worker wait only 1 ms for the next command
 * of a session before handing the session back to its pool controller: a
 * pipe write, a poll wake-up and a condition signal per hand-over, often
 * several per message, since the MTA pauses between commands while it
 * talks to its client.  That one call, poll(fd, 1, 1 ms) on one socket,
 * waits SESSION_WAIT_MS instead: the worker that has the session keeps it,
 * asleep in the kernel, and wakes directly when the command comes.
 */
#define SESSION_WAIT_MS 200

int __wrap_poll(struct pollfd *fds, nfds_t n, int timeout)
{
	int ready = 0;

	for (nfds_t i = 0; i < n; i++) {
		fds[i].revents = 0;
		if ((fds[i].events & POLLIN) && buffered(fds[i].fd) > 0) {
			fds[i].revents = POLLIN;
			ready++;
		}
	}
	if (ready > 0)
		return ready;
	if (n == 1 && timeout == 1 && fds[0].events == POLLIN)
		timeout = SESSION_WAIT_MS;
	return __real_poll(fds, n, timeout);
}

int __wrap_close(int fd)
{
	if (fd >= 0 && fd < WRAPS_MAX_FD)
		g_free(g_atomic_pointer_exchange(&slots[fd], NULL));
	return __real_close(fd);
}
