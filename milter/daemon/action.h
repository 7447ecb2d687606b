/*
 * action.h - verdict -> libmilter calls (the edge, with milter.c).
 */
#ifndef AMZ_ACTION_H
#define AMZ_ACTION_H

#include <libmilter/mfapi.h>
#include "core/conf.h"
#include "core/verdict.h"

#define ACTION_HEADER_PREFIX "X-Amzmilter-"

/* A header of our own name seen on incoming mail, to be removed. */
typedef struct {
	char *name;
	int index;         /* 1-based among headers of that name, for smfi_chgheader */
} OwnHeader;

/* How this pass may change the message. */
typedef struct {
	gboolean leadspc;  /* SMFIP_HDR_LEADSPC: a header value added carries its own
	                    * leading space */
	gboolean hop;      /* the second hop (conf second_hop): next stop the relay */
} ActionPass;

/* action_apply - remove forged headers, add ours, set the reply,
 * quarantine; returns the SMFIS_* status for end of message. */
sfsistat action_apply(SMFICTX *ctx, const Conf *c, const Verdict *v, Action enforced,
                      GPtrArray *own_headers, const ActionPass *p);

/* action_checked_before - at the second hop, a message with a valid token
 * (its first-pass action was): remove the token, and every X-Amzmilter-*
 * header with add_headers = internal; a released quarantine's verdict
 * header says "released".  FALSE (logged) when the MTA refuses. */
gboolean action_checked_before(SMFICTX *ctx, const Conf *c, GPtrArray *own_headers, const char *was,
                               const ActionPass *p);

/* action_strip - remove the incoming X-Amzmilter-* headers (only those
 * named only, unless NULL); FALSE (logged) when the MTA refuses */
gboolean action_strip(SMFICTX *ctx, GPtrArray *own_headers, const char *only);

/* action_add_token - add the verdict token header; FALSE (logged) on failure */
gboolean action_add_token(SMFICTX *ctx, const char *value, const ActionPass *p);

/* action_reply - set the SMTP reply for a status that needs one; returns
 * status (or SMFIS_TEMPFAIL when the reply cannot be set). */
sfsistat action_reply(SMFICTX *ctx, const char *code, const char *xcode, const char *text,
                      sfsistat status);

#endif
