/*
 * cidr.c - client networks and addresses (see cidr.h).
 */
#include <string.h>
#include <arpa/inet.h>
#include "util/cidr.h"
#include "util/text.h"

/* to_v6 - text address -> 16 bytes; *v4 when it was an IPv4 one */
static gboolean to_v6(const char *s, guint8 out[16], gboolean *v4)
{
	struct in_addr a4;

	if (inet_pton(AF_INET, s, &a4) == 1) {
		memset(out, 0, 10);
		out[10] = out[11] = 0xff;
		memcpy(out + 12, &a4, 4);
		*v4 = TRUE;
		return TRUE;
	}
	*v4 = FALSE;
	return inet_pton(AF_INET6, s, out) == 1;
}

/* strip - the address inside "[...]" or after "IPv6:" */
static char *strip(const char *s)
{
	gsize n = strlen(s);

	if (g_ascii_strncasecmp(s, "IPv6:", 5) == 0)
		return g_strdup(s + 5);
	if (n >= 2 && s[0] == '[' && s[n - 1] == ']')
		return g_strndup(s + 1, n - 2);
	return g_strdup(s);
}

gboolean cidr_addr(const char *s, guint8 out[16])
{
	g_autofree char *a = NULL;
	gboolean v4;

	if (s == NULL || *s == '\0' || strlen(s) > 64)
		return FALSE;
	a = strip(s);
	return to_v6(a, out, &v4);
}

gboolean cidr_parse(const char *s, CidrNet *out, char **why)
{
	g_autofree char *addr = NULL;
	const char *slash = strchr(s, '/');
	guint max, len;

	if (strlen(s) > 64) {
		*why = g_strdup_printf("\"%.20s…\" is not a network", s);
		return FALSE;
	}
	if (slash) {
		g_autofree char *a = g_strndup(s, slash - s);
		addr = strip(a);
	} else {
		addr = strip(s);
	}
	if (!to_v6(addr, out->addr, &out->v4)) {
		*why = g_strdup_printf("\"%s\" is not an IPv4 or IPv6 address (like 192.0.2.0/24 or 2001:db8::/32)", s);
		return FALSE;
	}
	max = out->v4 ? 32 : 128;
	len = max;
	if (slash) {
		char *end;
		guint64 n = g_ascii_strtoull(slash + 1, &end, 10);
		if (!g_ascii_isdigit(slash[1]) || *end != '\0' || n > max) {
			*why = g_strdup_printf("\"%s\": the prefix length must be 0 to %u", s, max);
			return FALSE;
		}
		len = (guint)n;
	}
	out->prefix = out->v4 ? len + 96 : len;
	for (guint bit = out->prefix; bit < 128; bit++) {
		if (out->addr[bit / 8] & (0x80 >> (bit % 8))) {
			*why = g_strdup_printf("\"%s\" has host bits set under its /%u prefix", s, len);
			return FALSE;
		}
	}
	return TRUE;
}

gboolean cidr_parse_list(const char *s, GArray *nets, gsize *bad_off, char **why)
{
	const char *p = s, *start;
	gsize len;

	while ((start = text_list_next(&p, &len)) != NULL) {
		g_autofree char *item = g_strndup(start, len);
		CidrNet n;

		if (!cidr_parse(item, &n, why)) {
			*bad_off = (gsize)(start - s);
			return FALSE;
		}
		g_array_append_val(nets, n);
	}
	return TRUE;
}

gboolean cidr_contains(const CidrNet *net, const guint8 addr[16])
{
	guint full = net->prefix / 8, rest = net->prefix % 8;

	if (memcmp(net->addr, addr, full) != 0)
		return FALSE;
	if (rest == 0)
		return TRUE;
	return ((net->addr[full] ^ addr[full]) & (0xff << (8 - rest))) == 0;
}

char *cidr_format(const CidrNet *net)
{
	char buf[INET6_ADDRSTRLEN];

	if (net->v4) {
		inet_ntop(AF_INET, net->addr + 12, buf, sizeof buf);
		return g_strdup_printf("%s/%u", buf, net->prefix - 96);
	}
	inet_ntop(AF_INET6, net->addr, buf, sizeof buf);
	return g_strdup_printf("%s/%u", buf, net->prefix);
}
