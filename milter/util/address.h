/*
 * address.h - envelope addresses read as an MTA routes them.
 */
#ifndef AMZ_ADDRESS_H
#define AMZ_ADDRESS_H

#include <glib.h>

/*
 * address_hosts - append to hosts (char*, the caller's) every host name
 * addr routes through or to: after "@" and "%", before "!", in a source
 * route, inside a quoted local part; comments and white space dropped,
 * names IDNA-mapped (NFKC, case folded, ideographic full stops as ".").
 * FALSE when addr cannot be read as an address (unbalanced quotes,
 * comments or brackets, control bytes, invalid UTF-8, over 1 KB): the
 * caller cannot know where the MTA will deliver it.
 */
gboolean address_hosts(const char *addr, GPtrArray *hosts);

#endif
