/*
 * nullmilter.c - the protocol floor of the end-to-end benchmark: a milter
 * that negotiates exactly what amzmilter negotiates, receives every
 * relay-bound message the same way (same transport code, milter/daemon/wraps.c),
 * accepts other mail at DATA as amzmilter does, and adds the same verdict
 * header, but checks nothing.  What it costs Postfix is what any milter
 * that reads the message costs; amzmilter's own share is the difference.
 *
 *   nullmilter SOCKET      (e.g. unix:/tmp/null.sock)
 */
#define _GNU_SOURCE   /* strcasestr */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "daemon/milter.h"

static sfsistat cb_negotiate(SMFICTX *ctx, unsigned long f0, unsigned long f1,
                             unsigned long f2, unsigned long f3, unsigned long *pf0,
                             unsigned long *pf1, unsigned long *pf2, unsigned long *pf3)
{
	/* the same request as milter/daemon/milter.c:cb_negotiate */
	static const int quiet[] = MILTER_QUIET_STAGES;

	(void)f2, (void)f3;
	*pf0 = f0 & MILTER_ACTIONS;
	*pf1 = f1 & MILTER_PROTOCOL;
	*pf2 = *pf3 = 0;
	if (f0 & SMFIF_SETSYMLIST) {
		smfi_setsymlist(ctx, SMFIM_ENVRCPT, MILTER_RCPT_MACROS);
		smfi_setsymlist(ctx, SMFIM_EOM, MILTER_EOM_MACROS);
		smfi_setsymlist(ctx, SMFIM_ENVFROM, MILTER_MAIL_MACROS);
		for (size_t i = 0; i < sizeof quiet / sizeof quiet[0]; i++)
			smfi_setsymlist(ctx, quiet[i], MILTER_NO_MACROS);
		*pf0 |= SMFIF_SETSYMLIST;
	}
	return SMFIS_CONTINUE;
}

static sfsistat cb_envfrom(SMFICTX *ctx, char **argv)
{
	(void)argv;
	smfi_setpriv(ctx, NULL);
	return SMFIS_NOREPLY;
}

/* relay-bound: a recipient at a marketplace.amazon.* relay (the session's
 * private pointer is only used as a flag) */
static sfsistat cb_envrcpt(SMFICTX *ctx, char **argv)
{
	if (strcasestr(argv[0], "@marketplace.amazon.") != NULL)
		smfi_setpriv(ctx, ctx);
	return SMFIS_CONTINUE;
}

static sfsistat cb_data(SMFICTX *ctx)
{
	return smfi_getpriv(ctx) != NULL ? SMFIS_CONTINUE : SMFIS_ACCEPT;
}

static sfsistat cb_header(SMFICTX *ctx, char *n, char *v) { (void)ctx, (void)n, (void)v; return SMFIS_NOREPLY; }
static sfsistat cb_eoh(SMFICTX *ctx) { (void)ctx; return SMFIS_NOREPLY; }
static sfsistat cb_body(SMFICTX *ctx, unsigned char *b, size_t n) { (void)ctx, (void)b, (void)n; return SMFIS_NOREPLY; }

static sfsistat cb_eom(SMFICTX *ctx)
{
	smfi_addheader(ctx, "X-Amzmilter-Verdict", "accept");
	smfi_setpriv(ctx, NULL);
	return SMFIS_CONTINUE;
}

int main(int argc, char **argv)
{
	struct smfiDesc desc = {
		.xxfi_name = "nullmilter",
		.xxfi_version = SMFI_VERSION,
		.xxfi_flags = MILTER_ACTIONS,
		.xxfi_envfrom = cb_envfrom,
		.xxfi_envrcpt = cb_envrcpt,
		.xxfi_header = cb_header,
		.xxfi_eoh = cb_eoh,
		.xxfi_body = cb_body,
		.xxfi_eom = cb_eom,
		.xxfi_data = cb_data,
		.xxfi_negotiate = cb_negotiate,
	};

	if (argc != 2) {
		fprintf(stderr, "usage: nullmilter SOCKET\n");
		return 2;
	}
	if (smfi_setconn(argv[1]) != MI_SUCCESS || smfi_register(desc) != MI_SUCCESS ||
	    smfi_opensocket(1) != MI_SUCCESS) {
		fprintf(stderr, "nullmilter: cannot listen on %s\n", argv[1]);
		return 1;
	}
	return smfi_main() == MI_SUCCESS ? 0 : 1;
}
