/*
 * extract.h - parsed message -> Facts (content fields only).
 *
 * The stage between capture (msgbuf.c) and the rules: GMime parses the raw
 * message; the walk over its MIME tree fills the content half of a Facts
 * (headers, subject, text, html, hidden_text, links, images, attachments
 * with the files inside archives and documents, anomalies, parts, reply).
 * The envelope half is the caller's.
 */
#ifndef AMZ_EXTRACT_H
#define AMZ_EXTRACT_H

#include <gmime/gmime.h>
#include "core/facts.h"
#include "core/limits.h"



/* extract_init - once per process, before any thread uses extraction:
 * g_mime_init(), the public suffix list, the libmagic handle pool. */
void extract_init(void);

/*
 * extract_stream - parse the message read from stream and fill f.
 * Recoverable trouble (bad boundaries, limits, undecodable parts) becomes
 * anomalies in f and the call still returns TRUE.  Returns FALSE and sets err
 * only when the stream holds no parsable message at all, so the caller can
 * apply its failure policy.  Does not take ownership of stream.
 */
gboolean extract_stream(GMimeStream *stream, const ExtractLimits *lim, Facts *f, GError **err);

#endif
