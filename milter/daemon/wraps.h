/*
 * wraps.h - how the daemon drives libmilter: through link-time wraps of
 * its system calls (wraps.c) or plainly (plain.c).  The Makefile links one
 * of the two (MILTER_WRAPS=1/0; by default the wraps only when the
 * installed libmilter is the version they were written against).
 *
 * In both builds SIGUSR1 reloads.  SIGHUP reloads too with the wraps,
 * which take it from libmilter's signal thread; in the plain build that
 * thread keeps SIGHUP and, as libmilter defines it, stops the daemon.
 */
#ifndef AMZ_WRAPS_H
#define AMZ_WRAPS_H

#include <glib.h>

/* wraps_describe - "link wraps, libmilter 8.17.1.9" or "plain libmilter 8.17.1.9" */
const char *wraps_describe(void);

/* wraps_hup_reloads - TRUE when SIGHUP reloads, FALSE when it stops the daemon */
gboolean wraps_hup_reloads(void);

/* wraps_set_reload - the function SIGHUP calls where it reloads; set
 * once, before smfi_main */
void wraps_set_reload(void (*reload)(void));

#endif
