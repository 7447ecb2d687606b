/*
 * milter.h - the libmilter callbacks (the edge, with action.c).
 */
#ifndef AMZ_MILTER_H
#define AMZ_MILTER_H

#include <glib.h>
#include <libmilter/mfapi.h>

/*
 * What the filter asks of the MTA (see cb_negotiate in milter.c): the
 * actions it may take, the steps it skips and the replies it does not send,
 * and the only macros it wants: at RCPT the address the MTA resolved the
 * recipient to and its next hop (where the mail will really go) and the
 * queue ID (for the line naming recipients deferred by a split), at end of
 * message the queue ID, at MAIL the {daemon_name} that tells the second hop
 * (conf second_hop) from the first and the client's address and SASL login
 * (bypass_networks, bypass_logins, and the log); every other step asks for
 * a name that does not exist, so its macro packet is empty.
 * tests/bench/nullmilter.c asks the same.
 */
#define MILTER_ACTIONS  (SMFIF_ADDHDRS | SMFIF_CHGHDRS | SMFIF_QUARANTINE)
#define MILTER_PROTOCOL (SMFIP_NOCONNECT | SMFIP_NOHELO | SMFIP_NOUNKNOWN | SMFIP_NR_MAIL | \
                         SMFIP_NR_HDR | SMFIP_NR_EOH | SMFIP_NR_BODY | SMFIP_HDR_LEADSPC)
#define MILTER_RCPT_MACROS "i {rcpt_addr} {rcpt_host}"
#define MILTER_EOM_MACROS "i"
#define MILTER_MAIL_MACROS "{daemon_name} {client_addr} {auth_authen}"
#define MILTER_NO_MACROS  "{amzmilter}"
#define MILTER_QUIET_STAGES { SMFIM_CONNECT, SMFIM_DATA, SMFIM_EOH }

/* Protocol steps the checks cannot do without: an MTA that does not offer
 * to skip the DATA step (milter protocol 2 and 3) never sends it, and the
 * scope of a transaction is decided there. */
#define MILTER_NEEDED_STEPS SMFIP_NODATA

/* milter_register - smfi_register() with our callbacks and flags. */
int milter_register(void);
/* milter_set_token_key - the verdict token key (engine/token.c); kept */
void milter_set_token_key(GBytes *key);

#endif
