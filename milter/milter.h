/*
 * milter.h - the libmilter callbacks (the edge, with action.c).
 */
#ifndef AMZ_MILTER_H
#define AMZ_MILTER_H

#include <libmilter/mfapi.h>

/* milter_register - smfi_register() with our callbacks and flags. */
int milter_register(void);

#endif
