/*
 * msgbuf.c - bounded message capture (see msgbuf.h).
 *
 * Small messages stay in one GByteArray.  Past mem_limit the bytes move to
 * a file created with mkstemp() in the 0700 spool directory and unlinked at
 * once, so a crash leaves nothing behind and no other user can open it.
 */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "engine/msgbuf.h"

G_DEFINE_QUARK(amz-msgbuf-error-quark, msgbuf_error)

struct MsgBuf {
	char *spool_dir;
	guint64 mem_limit;
	guint64 size;
	GByteArray *mem;     /* until spilled */
	int fd;              /* after spilling, else -1 */
};

MsgBuf *msgbuf_new(const char *spool_dir, guint64 mem_limit)
{
	MsgBuf *b = g_new0(MsgBuf, 1);
	b->spool_dir = g_strdup(spool_dir);
	b->mem_limit = mem_limit;
	b->mem = g_byte_array_new();
	b->fd = -1;
	return b;
}

/* write_all - write(2) until done or a real error */
static gboolean write_all(int fd, const guint8 *p, gsize len, GError **err)
{
	while (len > 0) {
		ssize_t n = write(fd, p, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			g_set_error(err, MSGBUF_ERROR, errno, "spool write: %s", g_strerror(errno ? errno : EIO));
			return FALSE;
		}
		p += n;
		len -= (gsize)n;
	}
	return TRUE;
}

/* spill - move the in-memory bytes into a fresh unlinked spool file */
static gboolean spill(MsgBuf *b, GError **err)
{
	g_autofree char *tmpl = g_build_filename(b->spool_dir, "msg.XXXXXX", NULL);
	int fd = g_mkstemp_full(tmpl, O_RDWR | O_CLOEXEC, 0600);

	if (fd < 0) {
		g_set_error(err, MSGBUF_ERROR, errno, "spool %s: %s", b->spool_dir, g_strerror(errno));
		return FALSE;
	}
	unlink(tmpl);
	if (!write_all(fd, b->mem->data, b->mem->len, err)) {
		close(fd);
		return FALSE;
	}
	b->fd = fd;
	g_byte_array_set_size(b->mem, 0);
	g_byte_array_unref(b->mem);
	b->mem = NULL;
	return TRUE;
}

gboolean msgbuf_append(MsgBuf *b, const void *data, gsize len, GError **err)
{
	if (b->fd < 0 && b->size + len > b->mem_limit && !spill(b, err))
		return FALSE;
	if (b->fd >= 0) {
		if (!write_all(b->fd, data, len, err))
			return FALSE;
	} else {
		g_byte_array_append(b->mem, data, (guint)len);
	}
	b->size += len;
	return TRUE;
}

guint64 msgbuf_size(const MsgBuf *b)
{
	return b->size;
}

gboolean msgbuf_spooled(const MsgBuf *b)
{
	return b->fd >= 0;
}

GMimeStream *msgbuf_stream(MsgBuf *b, GError **err)
{
	GMimeStream *s;
	int fd;

	if (b->fd < 0) {
		s = g_mime_stream_mem_new_with_byte_array(b->mem);
		/* The buffer stays ours: the stream must not free it. */
		g_mime_stream_mem_set_owner(GMIME_STREAM_MEM(s), FALSE);
		return s;
	}
	fd = dup(b->fd);
	if (fd < 0 || lseek(fd, 0, SEEK_SET) < 0) {
		g_set_error(err, MSGBUF_ERROR, errno, "spool reopen: %s", g_strerror(errno));
		if (fd >= 0)
			close(fd);
		return NULL;
	}
	return g_mime_stream_fs_new_with_bounds(fd, 0, (gint64)b->size);
}

void msgbuf_free(MsgBuf *b)
{
	if (b == NULL)
		return;
	if (b->mem)
		g_byte_array_unref(b->mem);
	if (b->fd >= 0)
		close(b->fd);
	g_free(b->spool_dir);
	g_free(b);
}
