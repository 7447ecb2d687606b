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
 * One reader per format: zip.c (its listing is here: a ZIP member's type
 * comes from its content, the stored bytes or the first
 * FILETYPE_SNIFF_BYTES inflated, encrypted members and other methods typed
 * by name; archives inside listed too, UNPACK_MAX_NESTING deep; an OOXML
 * file with a vbaProject.bin member has macros), rar.c (RAR4, RAR5),
 * sevenzip.c (7z, with libarchive), tnef.c (winmail.dat); what they share
 * is member.c.  An OLE (.doc/.xls) file with a _VBA_PROJECT stream has
 * macros.
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
#include "extract/member.h"
#include "extract/rar.h"
#include "extract/sevenzip.h"
#include "extract/tnef.h"
#include "extract/unpack.h"
#include "extract/zip.h"

/* A ZIP member of this name is an OOXML document's macro project. */
#define ZIP_VBA_MEMBER "vbaProject.bin"

static void unpack_members_at(Facts *f, FactAttachment *parent, const guint8 *buf, gsize len, int level);

/* text_member - a member named as text (*.txt; *.xml and *.rels, the parts
 * of an OOXML document) whose bytes are text: it cannot carry a file, so
 * libmagic is not asked which kind of text it is (as for a top-level
 * text/plain part, extract.c:plain_text_file). */
static gboolean text_member(const char *name, const GByteArray *head)
{
	const char *dot = strrchr(name, '.');

	if (dot == NULL || strchr(dot, '/') != NULL ||
	    (g_ascii_strcasecmp(dot, ".txt") != 0 && g_ascii_strcasecmp(dot, ".xml") != 0 &&
	     g_ascii_strcasecmp(dot, ".rels") != 0))
		return FALSE;
	return head->len > 0 && filetype_is_plain_text(head->data, head->len);
}

/* zip_listing - every member of the ZIP in buf as a FactAttachment inside
 * parent, archives inside listed too while level < UNPACK_MAX_NESTING */
static void zip_listing(Facts *f, FactAttachment *parent, const guint8 *buf, gsize len, int level)
{
	Zip *z = zip_open(buf, len);

	if (z->damaged)
		facts_add_anomaly(f, "archive", "zip-damaged");
	if (z->truncated)
		facts_add_anomaly(f, "limit", "archive-members");
	for (guint i = 0; i < z->members->len; i++) {
		const ZipMember *m = z->members->pdata[i];
		gsize nl = strlen(m->name);
		GByteArray *head = NULL;
		char *magic = NULL;
		FactAttachment *a;
		if (nl > 0 && m->name[nl - 1] == '/')
			continue;   /* a directory */
		if (nl >= strlen(ZIP_VBA_MEMBER) &&
		    g_ascii_strcasecmp(m->name + nl - strlen(ZIP_VBA_MEMBER), ZIP_VBA_MEMBER) == 0)
			parent->macros = TRUE;
		if (m->encrypted)
			parent->encrypted = TRUE;
		if (!m->encrypted && z->inflated < UNPACK_MAX_INFLATE)
			head = zip_read(z, m, FILETYPE_SNIFF_BYTES);
		else if (!m->encrypted)
			facts_add_anomaly(f, "limit", "archive-inflate");
		if (head != NULL)
			magic = text_member(m->name, head) ? g_strdup("text/plain")
			                                   : filetype_detect(head->data, head->len);
		a = member_add(f, parent, m->name, magic, m->size, m->encrypted);
		/* an archive inside: read it whole (within the budget) and list it too */
		if (head != NULL && level + 1 < UNPACK_MAX_NESTING &&
		    unpack_is_container(head->data, head->len)) {
			GByteArray *all = zip_read(z, m, UNPACK_MAX_INFLATE);
			if (all != NULL) {
				unpack_members_at(f, a, all->data, all->len, level + 1);
				g_byte_array_unref(all);
			}
		}
		g_free(magic);
		if (head != NULL)
			g_byte_array_unref(head);
	}
	zip_free(z);
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

/* unpack_members_at - unpack_members for a container nested level deep */
static void unpack_members_at(Facts *f, FactAttachment *parent, const guint8 *buf, gsize len, int level)
{
	if (zip_is(buf, len) || g_str_has_prefix(parent->magic, "application/zip"))
		zip_listing(f, parent, buf, len, level);
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
