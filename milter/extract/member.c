/*
 * member.c - one file inside an attachment as a fact: what every format
 * lister (zip listing in unpack.c, rar.c, sevenzip.c, tnef.c) shares.
 *
 * Below the listers: they call these, never each other or the dispatcher
 * (unpack.c) that calls them.
 */
#include <string.h>
#include "extract/filetype.h"
#include "extract/member.h"

/* member_name - see member.h */
char *member_name(const guint8 *p, gsize n, gboolean utf8)
{
	char *s = NULL, *v;

	n = MIN(n, (gsize)UNPACK_MAX_NAME);
	if (utf8 || g_utf8_validate((const char *)p, n, NULL))
		v = g_utf8_make_valid((const char *)p, n);
	else if ((s = g_convert((const char *)p, n, "UTF-8", "CP437", NULL, NULL, NULL)) != NULL)
		v = s, s = NULL;
	else
		v = g_utf8_make_valid((const char *)p, n);
	g_free(s);
	for (char *c = v; *c; c++)
		if ((guchar)*c < 0x20 || *c == 0x7f)
			*c = ' ';
	return v;
}

/* member_add - see member.h */
FactAttachment *member_add(Facts *f, const FactAttachment *parent, const char *name,
                                  const char *magic, guint64 size, gboolean encrypted)
{
	const char *dot = strrchr(name, '.');
	g_autofree char *ext = dot ? g_ascii_strdown(dot + 1, -1) : NULL;
	const char *declared = filetype_from_ext(ext);
	FactAttachment *a = facts_add_attachment(f, name, declared, magic ? magic : declared, size,
	                                         FALSE, parent->depth + 1);
	g_free(a->container);
	a->container = g_strdup(parent->name);
	a->encrypted = encrypted;
	return a;
}

/* member_from_header - see member.h */
gboolean member_from_header(Facts *f, FactAttachment *parent, guint *n, char *name,
                              guint64 size, gboolean enc)
{
	if ((*n)++ >= UNPACK_MAX_MEMBERS) {
		facts_add_anomaly(f, "limit", "archive-members");
		g_free(name);
		return FALSE;
	}
	if (enc)
		parent->encrypted = TRUE;
	if (name != NULL)
		member_add(f, parent, name, NULL, size, enc);
	g_free(name);
	return TRUE;
}
