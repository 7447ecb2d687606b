/*
 * msgbuf.h - bounded capture of one message: memory first, then an
 * unlinked temporary file in the private spool directory.
 */
#ifndef AMZ_MSGBUF_H
#define AMZ_MSGBUF_H

#include <glib.h>
#include <gmime/gmime.h>

typedef struct MsgBuf MsgBuf;

#define MSGBUF_ERROR (msgbuf_error_quark())
GQuark msgbuf_error_quark(void);

/* msgbuf_new - spool_dir is used only once mem_limit bytes are exceeded */
MsgBuf *msgbuf_new(const char *spool_dir, guint64 mem_limit);
/* msgbuf_append - FALSE with err on spool I/O error (the bytes are not kept) */
gboolean msgbuf_append(MsgBuf *b, const void *data, gsize len, GError **err);
guint64 msgbuf_size(const MsgBuf *b);
gboolean msgbuf_spooled(const MsgBuf *b);
/* msgbuf_stream - a new read stream over everything captured (caller unrefs);
 * the MsgBuf must outlive the stream. */
GMimeStream *msgbuf_stream(MsgBuf *b, GError **err);
void msgbuf_free(MsgBuf *b);

#endif
