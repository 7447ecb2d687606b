/*
 * sevenzip.c - the members of a 7z archive, from its headers (libarchive).
 *
 * In:  the bytes of one attachment that starts with the 7z signature.
 * Out: one FactAttachment per member (name, declared size, encrypted; typed
 *      by name), the container's `encrypted` (also when header encryption
 *      hides the names), "archive:7z-damaged" when the listing cannot go on
 *      (what was listed so far kept), "limit:archive-members" and
 *      "limit:archive-time".
 *
 * libarchive reads from the buffer in memory; member data is skipped unread
 * while nothing is extracted; names are converted under a UTF-8 locale.  A
 * listing stops after UNPACK_MAX_LIST_MS.
 */
#define _GNU_SOURCE      /* uselocale */
#include <locale.h>
#include <string.h>
#include <archive.h>
#include <archive_entry.h>
#include "extract/sevenzip.h"
#include "extract/member.h"

#define SEVENZIP_SIGNATURE "7z\xbc\xaf\x27\x1c"

/* sevenzip_is - see sevenzip.h */
gboolean sevenzip_is(const guint8 *buf, gsize len)
{
	return len >= sizeof SEVENZIP_SIGNATURE - 1 &&
	       memcmp(buf, SEVENZIP_SIGNATURE, sizeof SEVENZIP_SIGNATURE - 1) == 0;
}

/* utf8_locale - libarchive converts names to the thread's locale: make that UTF-8 */
static locale_t utf8_locale(void)
{
	static gsize once = 0;
	static locale_t loc;

	if (g_once_init_enter(&once)) {
		loc = newlocale(LC_ALL_MASK, "C.UTF-8", (locale_t)0);
		g_once_init_leave(&once, 1);
	}
	return loc;
}


/* sevenzip_members - see sevenzip.h */
void sevenzip_members(Facts *f, FactAttachment *parent, const guint8 *buf, gsize len)
{
	gint64 deadline = g_get_monotonic_time() + (gint64)UNPACK_MAX_LIST_MS * G_TIME_SPAN_MILLISECOND;
	locale_t loc = utf8_locale(), old = (locale_t)0;
	struct archive *a;
	struct archive_entry *e;
	guint n = 0;
	gboolean stopped = FALSE;
	int r;

	if (loc != (locale_t)0)
		old = uselocale(loc);
	a = archive_read_new();
	archive_read_support_format_7zip(a);
	r = archive_read_open_memory(a, buf, len);
	while (r == ARCHIVE_OK || r == ARCHIVE_WARN) {
		char *name;
		r = archive_read_next_header(a, &e);
		if (r != ARCHIVE_OK && r != ARCHIVE_WARN)
			break;
		if (n++ >= UNPACK_MAX_MEMBERS) {
			facts_add_anomaly(f, "limit", "archive-members");
			stopped = TRUE;
			break;
		}
		if (g_get_monotonic_time() > deadline) {
			facts_add_anomaly(f, "limit", "archive-time");
			stopped = TRUE;
			break;
		}
		if (archive_entry_is_encrypted(e))
			parent->encrypted = TRUE;
		if (archive_entry_filetype(e) != AE_IFDIR) {
			const char *p = archive_entry_pathname_utf8(e);
			if (p == NULL)
				p = archive_entry_pathname(e);
			name = member_name((const guint8 *)(p ? p : ""), p ? strlen(p) : 0, TRUE);
			member_add(f, parent, name, NULL,
			           archive_entry_size_is_set(e) ? (guint64)MAX(archive_entry_size(e), 0) : 0,
			           archive_entry_is_encrypted(e) != 0);
			g_free(name);
		}
		r = archive_read_data_skip(a);
	}
	if (!stopped && r != ARCHIVE_EOF) {
		const char *err = archive_error_string(a);
		/* names behind a password (7z header encryption) cannot be listed */
		if (archive_read_has_encrypted_entries(a) > 0 || (err && strstr(err, "ncrypt")))
			parent->encrypted = TRUE;
		else
			facts_add_anomaly(f, "archive", "7z-damaged");
	}
	archive_read_free(a);
	if (loc != (locale_t)0)
		uselocale(old);
}
