/*
 * cidr.h - client networks: "192.0.2.0/24, 2001:db8::/32" -> a set to test
 * client addresses against (bypass_networks).
 *
 * An IPv4 address is kept as its IPv4-mapped IPv6 form (::ffff:a.b.c.d), so
 * one comparison serves both families and a v4 client reported in mapped
 * form (an IPv6 socket) still matches its v4 network.
 */
#ifndef AMZ_CIDR_H
#define AMZ_CIDR_H

#include <glib.h>

typedef struct {
	guint8 addr[16];         /* network address, host bits cleared */
	guint prefix;            /* 0..128, over the IPv6 form */
	gboolean v4;             /* written as IPv4: shown with a v4 prefix */
} CidrNet;

/* cidr_parse - one "ADDR" or "ADDR/LEN" (v4 or v6; brackets around a v6
 * address allowed, Postfix style); FALSE and a reason in *why otherwise.
 * Host bits set under the prefix are an error: 192.0.2.1/24 is a typo for
 * 192.0.2.0/24 or 192.0.2.1/32, and guessing which would be wrong. */
gboolean cidr_parse(const char *s, CidrNet *out, char **why);

/* cidr_parse_list - comma or space separated networks into nets (CidrNet);
 * on the first bad one FALSE, *why, and *bad_off its offset in s */
gboolean cidr_parse_list(const char *s, GArray *nets, gsize *bad_off, char **why);

/* cidr_addr - a client address as text ("192.0.2.7", "::1", "[2001:db8::1]",
 * "IPv6:2001:db8::1" as Postfix and Sendmail write them) -> 16 bytes;
 * FALSE when it is none */
gboolean cidr_addr(const char *s, guint8 out[16]);

/* cidr_contains - whether addr lies in net */
gboolean cidr_contains(const CidrNet *net, const guint8 addr[16]);

/* cidr_format - net as written back ("192.0.2.0/24", "2001:db8::/32"); g_free */
char *cidr_format(const CidrNet *net);

#endif
