/*
 * reply.h - the SMTP reply a verdict earns: code, enhanced code, lines.
 *
 * Built here (no libmilter) so the checker prints exactly what the milter
 * would send; action.c hands the lines to smfi_setmlreply().
 */
#ifndef AMZ_REPLY_H
#define AMZ_REPLY_H

#include "core/conf.h"
#include "core/verdict.h"

#define REPLY_MAX_LINES 32    /* libmilter's limit for a multi-line reply */
#define REPLY_LINE_MAX 400    /* bytes of text per line (SMTP allows 512 with the codes) */

typedef struct {
	char code[4];            /* "550", "451" */
	char xcode[8];           /* "5.7.1", "4.3.0" */
	GPtrArray *lines;        /* char*: ASCII, no CR/LF, not %-escaped */
} Reply;

/* reply_build - NULL when the action sends no error reply (accept, tag,
 * quarantine, discard). */
Reply *reply_build(const Conf *c, const Verdict *v, Action enforced);
/* reply_text - "550-5.7.1 first\n550 5.7.1 last" as an SMTP client sees it */
char *reply_text(const Reply *r);
void reply_free(Reply *r);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(Reply, reply_free)

/* reply_reason - "RULE_A, RULE_B: first message" for quarantine and logs */
char *reply_reason(const Verdict *v);

#endif
