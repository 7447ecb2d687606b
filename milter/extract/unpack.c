/*
 * unpack.c - the files inside an attachment: which container it is, and
 * what every format lister shares.
 *
 * In:  the decoded bytes of one attachment and its FactAttachment.
 * Out: one FactAttachment per member (name, ext, size, magic, depth = the
 *      container's + 1, container = the container's name, encrypted), the
 *      container's `encrypted` and `macros` flags, and "archive:…" /
 *      "limit:archive-…" anomalies.  Nothing is written to disk.
 *
 * One file per format: zip.c (also the nested listing), rar.c (RAR4, RAR5),
 * sevenzip.c (7z, with libarchive), tnef.c (winmail.dat).  An OLE
 * (.doc/.xls) file with a _VBA_PROJECT stream has macros.
 *
 * Bounds: UNPACK_MAX_MEMBERS per archive ("limit:archive-members"), names
 * cut at UNPACK_MAX_NAME, UNPACK_MAX_INFLATE bytes inflated per attachment
 * ("limit:archive-inflate"), every offset and length checked against the
 * buffer before use; a libarchive listing stops after UNPACK_MAX_LIST_MS
 * ("limit:archive-time") and reads nothing but the attachment's bytes.
 */
#define _GNU_SOURCE      /* memmem */
#include <string.h>
#include "extract/filetype.h"
#include "extract/rar.h"
#include "extract/sevenzip.h"
#include "extract/tnef.h"
#include "extract/unpack.h"
#include "extract/zip.h"

/* unpack_name - see unpack.h */
char *unpack_name(const guint8 *p, gsize n, gboolean utf8)
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

/* unpack_add_member - see unpack.h */
FactAttachment *unpack_add_member(Facts *f, const FactAttachment *parent, const char *name,
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

/* unpack_header_member - see unpack.h */
gboolean unpack_header_member(Facts *f, FactAttachment *parent, guint *n, char *name,
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
		unpack_add_member(f, parent, name, NULL, size, enc);
	g_free(name);
	return TRUE;
}

/* unpack_is_container - see unpack.h */
gboolean unpack_is_container(const guint8 *buf, gsize len)
{
	return zip_is(buf, len) || rar_is(buf, len) != RAR_NONE || sevenzip_is(buf, len) ||
	       tnef_is(buf, len);
}

/* ole_has_macros - an OLE compound file with a VBA project stream (names are UTF-16LE) */
static gboolean ole_has_macros(const guint8 *buf, gsize len)
{
	static const guint8 sig[] = { 0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1 };
	static const char vba[] = "_\0V\0B\0A\0_\0P\0R\0O\0J\0E\0C\0T\0";

	return len >= sizeof sig && memcmp(buf, sig, sizeof sig) == 0 &&
	       memmem(buf, len, vba, sizeof vba - 1) != NULL;
}

/* unpack_members_at - see unpack.h */
void unpack_members_at(Facts *f, FactAttachment *parent, const guint8 *buf, gsize len, int level)
{
	if (zip_is(buf, len) || g_str_has_prefix(parent->magic, "application/zip"))
		zip_members(f, parent, buf, len, level);
	else if (rar_is(buf, len) != RAR_NONE)
		rar_members(f, parent, buf, len);
	else if (sevenzip_is(buf, len))
		sevenzip_members(f, parent, buf, len);
	else if (tnef_is(buf, len))
		tnef_members(f, parent, buf, len);
	else if (ole_has_macros(buf, len))
		parent->macros = TRUE;
}

/* unpack_members - see unpack.h */
void unpack_members(Facts *f, FactAttachment *parent, const guint8 *buf, gsize len)
{
	unpack_members_at(f, parent, buf, len, 0);
}
