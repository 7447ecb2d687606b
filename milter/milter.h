/*
 * milter.h - the libmilter callbacks (the edge, with action.c).
 */
#ifndef AMZ_MILTER_H
#define AMZ_MILTER_H

#include <libmilter/mfapi.h>

/*
 * What the filter asks of the MTA (see cb_negotiate in milter.c): the
 * actions it may take, the steps it skips and the replies it does not send,
 * and the only macro it wants (the queue ID, at end of message; every other
 * step asks for a name that does not exist, so its macro packet is empty).
 * tests/bench/nullmilter.c asks the same.
 */
#define MILTER_ACTIONS  (SMFIF_ADDHDRS | SMFIF_CHGHDRS | SMFIF_QUARANTINE)
#define MILTER_PROTOCOL (SMFIP_NOCONNECT | SMFIP_NOHELO | SMFIP_NOUNKNOWN | SMFIP_NR_MAIL | \
                         SMFIP_NR_HDR | SMFIP_NR_EOH | SMFIP_NR_BODY | SMFIP_HDR_LEADSPC)
#define MILTER_EOM_MACROS "i"
#define MILTER_NO_MACROS  "{amzmilter}"
#define MILTER_QUIET_STAGES { SMFIM_CONNECT, SMFIM_ENVFROM, SMFIM_ENVRCPT, SMFIM_DATA, SMFIM_EOH }

/* milter_register - smfi_register() with our callbacks and flags. */
int milter_register(void);

#endif
