/*
 * filetype.c - what a part really is, judged from its bytes (libmagic).
 *
 * In:  the first FILETYPE_SNIFF_BYTES of a part's decoded content.
 * Out: a newly allocated lower-case MIME type ("application/pdf"); the caller
 *      frees it.  Never NULL: "application/octet-stream" when nothing is known.
 *
 * A libmagic handle is not safe for concurrent use and each one holds its own
 * copy of the compiled database (megabytes), so threads share a small pool: a
 * handle is taken under a mutex, used without it, and given back.  The pool
 * grows on demand up to max_handles; beyond that, callers wait.
 *
 * Also here: the type a file name promises (filetype_from_ext) and whether a
 * name, a declared type and the content disagree (filetype_mismatch).  Types
 * are compared by kind ("pdf", "zip", "exe", "jpeg", "text", …): OOXML and
 * OpenDocument files are ZIPs, every "text/" type is text, and generic types
 * (application/octet-stream, unknown extensions) never disagree with anything.
 */
#include <magic.h>
#include <string.h>
#include "extract/filetype.h"

#define FILETYPE_FLAGS (MAGIC_MIME_TYPE | MAGIC_NO_CHECK_COMPRESS | MAGIC_NO_CHECK_ENCODING | \
                        MAGIC_ERROR)

static GMutex pool_lock;
static GCond pool_cond;
static GPtrArray *pool_idle;   /* magic_t: loaded handles not in use */
static guint pool_made;        /* handles that exist (idle + in use) */
static guint pool_max = 1;
static gboolean pool_broken;   /* the database failed to load: stop trying */

/* filetype_init - set the pool bound; handles are opened lazily */
void filetype_init(guint max_handles)
{
	g_mutex_lock(&pool_lock);
	if (pool_idle == NULL)
		pool_idle = g_ptr_array_new();
	pool_max = max_handles ? max_handles : 1;
	g_mutex_unlock(&pool_lock);
}

/* handle_open - a loaded handle, or NULL when libmagic cannot load its database */
static magic_t handle_open(void)
{
	magic_t m = magic_open(FILETYPE_FLAGS);

	if (m == NULL)
		return NULL;
	if (magic_load(m, NULL) != 0) {
		g_warning("filetype: cannot load the libmagic database: %s",
		          magic_error(m) ? magic_error(m) : "unknown error");
		magic_close(m);
		return NULL;
	}
	return m;
}

/* pool_take - an idle handle, a new one while under the bound, else wait */
static magic_t pool_take(void)
{
	magic_t m = NULL;
	gboolean make = FALSE;

	g_mutex_lock(&pool_lock);
	if (pool_idle == NULL)
		pool_idle = g_ptr_array_new();
	for (;;) {
		if (pool_broken)
			break;
		if (pool_idle->len > 0) {
			m = g_ptr_array_steal_index_fast(pool_idle, pool_idle->len - 1);
			break;
		}
		if (pool_made < pool_max) {
			pool_made++;        /* reserve the slot, load outside the lock */
			make = TRUE;
			break;
		}
		g_cond_wait(&pool_cond, &pool_lock);
	}
	g_mutex_unlock(&pool_lock);

	if (make) {
		m = handle_open();
		if (m == NULL) {
			g_mutex_lock(&pool_lock);
			pool_made--;
			pool_broken = TRUE;
			g_cond_broadcast(&pool_cond);
			g_mutex_unlock(&pool_lock);
		}
	}
	return m;
}

static void pool_give(magic_t m)
{
	g_mutex_lock(&pool_lock);
	g_ptr_array_add(pool_idle, m);
	g_cond_signal(&pool_cond);
	g_mutex_unlock(&pool_lock);
}

/* filetype_detect - MIME type of buf by content; transfer full */
char *filetype_detect(const void *buf, size_t len)
{
	const char *type;
	char *out = NULL;
	magic_t m;

	if (len > FILETYPE_SNIFF_BYTES)
		len = FILETYPE_SNIFF_BYTES;
	if (len == 0)
		return g_strdup("application/x-empty");
	m = pool_take();
	if (m == NULL)
		goto out;
	type = magic_buffer(m, buf, len);
	if (type != NULL && strchr(type, '/') != NULL)
		out = g_ascii_strdown(type, -1);
	pool_give(m);
out:
	return out ? out : g_strdup("application/octet-stream");
}

/* Bytes at the start of a part looked at for binary content. */
#define FILETYPE_BINARY_SCAN 8192

/* filetype_looks_binary - NUL or many control bytes near the start: a
 * file, not text (whatever the part's label says) */
gboolean filetype_looks_binary(const void *buf, size_t len)
{
	const guchar *p = buf;
	gsize n = MIN(len, FILETYPE_BINARY_SCAN), ctl = 0;

	for (gsize i = 0; i < n; i++) {
		if (p[i] == 0)
			return TRUE;
		if (filetype_is_control(p[i]))
			ctl++;
	}
	return ctl * 10 > n;
}

/* filetype_is_plain_text - buf (the start of a part) is UTF-8 text with no
 * control characters but tab, line ends and form feed: what a text viewer
 * shows as it is.  A character cut by the end of buf does not count. */
gboolean filetype_is_plain_text(const void *buf, size_t len)
{
	const guchar *p = buf, *end;
	const char *bad;

	if (len > FILETYPE_SNIFF_BYTES)
		len = FILETYPE_SNIFF_BYTES;
	end = p + len;
	for (const guchar *q = p; q < end; q++)
		if ((*q < 0x20 && *q != '\t' && *q != '\n' && *q != '\r' && *q != '\f') || *q == 0x7f)
			return FALSE;
	if (g_utf8_validate((const char *)p, (gssize)len, &bad))
		return TRUE;
	/* only a character cut at the end: fine if what is left is one lead byte and continuations */
	return end - (const guchar *)bad < 4 &&
	       g_utf8_get_char_validated(bad, end - (const guchar *)bad) == (gunichar)-2;
}

/* Extension -> the type such a file should have; kinds for the comparison. */
static const struct {
	const char *ext, *type;
} ext_types[] = {
	{ "pdf", "application/pdf" }, { "zip", "application/zip" },
	{ "doc", "application/msword" }, { "dot", "application/msword" },
	{ "xls", "application/vnd.ms-excel" }, { "ppt", "application/vnd.ms-powerpoint" },
	{ "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document" },
	{ "docm", "application/vnd.ms-word.document.macroenabled.12" },
	{ "dotm", "application/vnd.ms-word.template.macroenabled.12" },
	{ "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
	{ "xlsm", "application/vnd.ms-excel.sheet.macroenabled.12" },
	{ "pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation" },
	{ "pptm", "application/vnd.ms-powerpoint.presentation.macroenabled.12" },
	{ "odt", "application/vnd.oasis.opendocument.text" },
	{ "ods", "application/vnd.oasis.opendocument.spreadsheet" },
	{ "rtf", "text/rtf" }, { "txt", "text/plain" }, { "csv", "text/csv" },
	{ "htm", "text/html" }, { "html", "text/html" }, { "xml", "text/xml" },
	{ "jpg", "image/jpeg" }, { "jpeg", "image/jpeg" }, { "png", "image/png" },
	{ "gif", "image/gif" }, { "bmp", "image/bmp" }, { "webp", "image/webp" },
	{ "tif", "image/tiff" }, { "tiff", "image/tiff" }, { "svg", "image/svg+xml" },
	{ "exe", "application/x-dosexec" }, { "dll", "application/x-dosexec" },
	{ "scr", "application/x-dosexec" }, { "com", "application/x-dosexec" },
	{ "msi", "application/x-msi" }, { "jar", "application/java-archive" },
	{ "rar", "application/x-rar" }, { "7z", "application/x-7z-compressed" },
	{ "gz", "application/gzip" }, { "tgz", "application/gzip" },
	{ "bz2", "application/x-bzip2" }, { "cab", "application/vnd.ms-cab-compressed" },
	{ "iso", "application/x-iso9660-image" }, { "eml", "message/rfc822" },
	{ "dat", NULL }, { "bin", NULL },
	{ "js", "text/javascript" }, { "vbs", "text/vbscript" }, { "bat", "text/x-msdos-batch" },
	{ "ps1", "text/x-powershell" }, { "hta", "text/html" }, { "lnk", "application/x-ms-shortcut" },
	{ "ics", "text/calendar" }, { "vcf", "text/vcard" }, { "mp4", "video/mp4" },
	{ "mp3", "audio/mpeg" },
};

/* filetype_from_ext - the type a name with this extension claims, or NULL */
const char *filetype_from_ext(const char *ext)
{
	if (ext == NULL || *ext == '\0')
		return NULL;
	for (gsize i = 0; i < G_N_ELEMENTS(ext_types); i++)
		if (g_ascii_strcasecmp(ext_types[i].ext, ext) == 0)
			return ext_types[i].type;
	return NULL;
}

static const struct {
	const char *type, *kind;
} type_kinds[] = {
	{ "application/pdf", "pdf" }, { "application/x-pdf", "pdf" },
	{ "application/zip", "zip" }, { "application/x-zip-compressed", "zip" },
	{ "application/x-zip", "zip" }, { "application/java-archive", "zip" },
	{ "application/vnd.openxmlformats-officedocument.", "zip" },
	{ "application/vnd.ms-word.", "zip" }, { "application/vnd.ms-excel.", "zip" },
	{ "application/vnd.ms-powerpoint.", "zip" }, { "application/vnd.oasis.opendocument.", "zip" },
	{ "application/msword", "ole" }, { "application/vnd.ms-excel", "ole" },
	{ "application/vnd.ms-powerpoint", "ole" }, { "application/x-ole-storage", "ole" },
	{ "application/cdfv2", "ole" }, { "application/vnd.ms-outlook", "ole" },
	{ "application/x-msi", "ole" }, { "application/vnd.ms-office", "ole" },
	{ "application/x-dosexec", "exe" }, { "application/x-msdownload", "exe" },
	{ "application/x-ms-dos-executable", "exe" }, { "application/x-msdos-program", "exe" },
	{ "application/x-executable", "exe" }, { "application/x-sharedlib", "exe" },
	{ "application/vnd.microsoft.portable-executable", "exe" }, { "application/x-mach-binary", "exe" },
	{ "application/x-rar", "rar" }, { "application/vnd.rar", "rar" },
	{ "application/x-rar-compressed", "rar" }, { "application/x-7z-compressed", "7z" },
	{ "application/gzip", "gzip" }, { "application/x-gzip", "gzip" },
	{ "application/x-bzip2", "bzip2" }, { "application/vnd.ms-cab-compressed", "cab" },
	{ "application/x-iso9660-image", "iso" }, { "application/ms-tnef", "tnef" },
	{ "application/vnd.ms-tnef", "tnef" }, { "message/rfc822", "message" },
	{ "image/jpeg", "jpeg" }, { "image/pjpeg", "jpeg" }, { "image/jpg", "jpeg" },
	{ "image/png", "png" }, { "image/gif", "gif" }, { "image/bmp", "bmp" },
	{ "image/x-ms-bmp", "bmp" }, { "image/webp", "webp" }, { "image/tiff", "tiff" },
	{ "image/svg+xml", "text" }, { "text/rtf", "rtf" }, { "application/rtf", "rtf" },
	{ "video/", "video" }, { "audio/", "audio" }, { "text/", "text" },
	{ "application/xml", "text" }, { "application/json", "text" },
	{ "application/javascript", "text" }, { "application/x-empty", NULL },
	{ "application/octet-stream", NULL },
};

/* kind - the family of a type for comparison (a table prefix ending in "." or "/"
 * covers its family); NULL when it tells nothing */
static const char *kind(const char *type)
{
	if (type == NULL || *type == '\0')
		return NULL;
	for (gsize i = 0; i < G_N_ELEMENTS(type_kinds); i++) {
		const char *t = type_kinds[i].type;
		gsize n = strlen(t);
		gboolean prefix = t[n - 1] == '.' || t[n - 1] == '/';
		if (prefix ? g_ascii_strncasecmp(type, t, n) == 0 : g_ascii_strcasecmp(type, t) == 0)
			return type_kinds[i].kind;
	}
	return NULL;
}

/*
 * filetype_mismatch - why name, declared type and detected content disagree:
 * "ext" (the name promises another kind than the content), "declared" (the
 * Content-Type does), or NULL when they agree or too little is known.
 * Text content under a text-like name is never a mismatch: libmagic calls
 * CSV, HTML fragments and scripts all "text/plain".
 */
const char *filetype_mismatch(const char *ext, const char *declared, const char *magic)
{
	const char *m = kind(magic), *e = kind(filetype_from_ext(ext)), *d = kind(declared);

	if (m == NULL)
		return NULL;
	if (e != NULL && strcmp(e, m) != 0 && !(strcmp(e, "text") == 0 && strcmp(m, "text") == 0))
		return "ext";
	/* Word saves RTF as application/msword: a common label, not a disguise */
	if (d != NULL && strcmp(d, m) != 0 && !(strcmp(d, "ole") == 0 && strcmp(m, "rtf") == 0))
		return "declared";
	return NULL;
}
