/*
 * mime.h - GMime parse and bounded walk of the MIME tree (see mime.c).
 */
#ifndef AMZ_MIME_H
#define AMZ_MIME_H

#include <gmime/gmime.h>
#include "facts.h"
#include "extract.h"

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

GMimeMessage *mime_parse(GMimeStream *stream, Facts *f, GError **err);
void mime_walk(GMimeMessage *msg, const ExtractLimits *lim, Facts *f, const MimeVisitor *v,
               gpointer data);

#endif
