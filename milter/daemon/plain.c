/*
 * plain.c - libmilter as it is shipped: no link-time wraps.
 *
 * Linked instead of wraps.c when the installed libmilter is not the
 * version the wraps were written against, or with MILTER_WRAPS=0.
 * libmilter's signal thread keeps SIGHUP, which stops the daemon; reload
 * with SIGUSR1 (main.c).  Every MTA command costs libmilter's own reads
 * and polls (see wraps.c for what the wraps change).
 */
#include "daemon/wraps.h"

const char *wraps_describe(void)
{
	return "plain libmilter " AMZ_MILTER_VERSION;
}

gboolean wraps_hup_reloads(void)
{
	return FALSE;
}

void wraps_set_reload(void (*reload)(void))
{
	(void)reload;
}
