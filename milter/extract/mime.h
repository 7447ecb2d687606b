/*
 * mime.h - GMime parse and bounded walk of the MIME tree (see mime.c).
 */
#ifndef AMZ_MIME_H
#define AMZ_MIME_H

#include <gmime/gmime.h>
#include "core/facts.h"
#include "core/limits.h"

/* The error of a message with nothing GMime can parse. */
#define MIME_ERROR (mime_error_quark())
GQuark mime_error_quark(void);

/*
 * Called for each leaf (GMimePart) and each message/rfc822 part (before its
 * inner message is walked).  depth: 0 for the top-level body; msg_depth: how
 * many message/rfc822 parts enclose this one.  Empty multiparts are reported
 * as anomalies, their preamble handed to the visitor as `preamble`.
 */
typedef struct {
	void (*part)(GMimeObject *part, int depth, int msg_depth, gpointer data);
	void (*preamble)(const char *text, int depth, gpointer data);
} MimeVisitor;

/*
 * mime_parse - the message read from stream (from where it stands)
 * as a GMime tree of at most about PARSE_SLACK (mime.c) times
 * lim->max_parts objects: a longer message is parsed only up to where that
 * many could be opened, and gets "limit:parts".  lim NULL: the largest
 * limit a configuration can set.  NULL and err only for empty or unreadable
 * input.
 */
GMimeMessage *mime_parse(GMimeStream *stream, const ExtractLimits *lim, Facts *f, GError **err);
void mime_walk(GMimeMessage *msg, const ExtractLimits *lim, Facts *f, const MimeVisitor *v,
               gpointer data);

#endif
