/*
 * tnef.c - the attachments packed in a TNEF stream (winmail.dat).
 *
 * In:  the bytes of one TNEF attachment.
 * Out: one FactAttachment per attachment inside (name, size, content type),
 *      "limit:archive-members" past UNPACK_MAX_MEMBERS.
 *
 * Attachment-level attributes only: attAttachRendData starts a member,
 * attAttachTitle names it, attAttachData holds its bytes.  The MAPI long
 * file name is not read (titles may be 8.3 names).
 */
#include <string.h>
#include "extract/bytes.h"
#include "extract/filetype.h"
#include "extract/tnef.h"
#include "extract/member.h"

#define TNEF_SIGNATURE 0x223e9f78u

enum {
	TNEF_HEADER_SIZE = 6,           /* signature, key */
	TNEF_ATTR_HEAD = 9,             /* level, id, length */
	TNEF_ATTR_CHECKSUM = 2,
	TNEF_LEVEL_ATTACHMENT = 2,
	TNEF_ID_MASK = 0xffff,
	TNEF_ATT_TITLE = 0x8010,
	TNEF_ATT_DATA = 0x800f,
	TNEF_ATT_RENDDATA = 0x9002,
};

/* tnef_is - see tnef.h */
gboolean tnef_is(const guint8 *buf, gsize len)
{
	return len >= TNEF_HEADER_SIZE && bytes_le32(buf) == TNEF_SIGNATURE;
}

/* member - the attachment whose attributes end here, counted in *n and
 * listed while under UNPACK_MAX_MEMBERS */
static void member(Facts *f, FactAttachment *parent, guint *n, const char *name,
                   const guint8 *data, guint32 dlen)
{
	char *magic;

	if ((*n)++ >= UNPACK_MAX_MEMBERS)
		return;
	magic = data ? filetype_detect(data, dlen) : NULL;
	member_add(f, parent, name ? name : "", magic, dlen, FALSE);
	g_free(magic);
}

/* tnef_members - see tnef.h */
void tnef_members(Facts *f, FactAttachment *parent, const guint8 *buf, gsize len)
{
	gsize off = TNEF_HEADER_SIZE;
	char *name = NULL;
	const guint8 *data = NULL;
	guint32 dlen = 0;
	gboolean open = FALSE;
	guint n = 0;

	while (bytes_have(len, off, TNEF_ATTR_HEAD)) {
		guint8 level = buf[off];
		guint32 id = bytes_le32(buf + off + 1) & TNEF_ID_MASK, alen = bytes_le32(buf + off + 5);
		const guint8 *p = buf + off + TNEF_ATTR_HEAD;
		if (!bytes_have(len, off + TNEF_ATTR_HEAD, (guint64)alen + TNEF_ATTR_CHECKSUM))
			break;
		off += TNEF_ATTR_HEAD + (gsize)alen + TNEF_ATTR_CHECKSUM;
		if (level != TNEF_LEVEL_ATTACHMENT)
			continue;
		if (id == TNEF_ATT_RENDDATA) {
			if (open)
				member(f, parent, &n, name, data, dlen);
			g_clear_pointer(&name, g_free);
			data = NULL;
			dlen = 0;
			open = TRUE;
		} else if (id == TNEF_ATT_TITLE) {
			g_free(name);
			name = member_name(p, strnlen((const char *)p, alen), FALSE);
		} else if (id == TNEF_ATT_DATA) {
			data = p;
			dlen = alen;
		}
	}
	if (open)
		member(f, parent, &n, name, data, dlen);
	if (n > UNPACK_MAX_MEMBERS)
		facts_add_anomaly(f, "limit", "archive-members");
	g_free(name);
}
