/*
 * filetype.c - what a part really is, judged from its bytes (libmagic).
 *
 * In:  the first FILETYPE_SNIFF_BYTES of a part's decoded content.
 * Out: a newly allocated lower-case MIME type ("application/pdf"); the caller
 *      frees it.  Never NULL: "application/octet-stream" when nothing is known.
 *
 * A libmagic handle is not safe for concurrent use and each one holds its own
 * copy of the compiled database (~8 MB), so threads share a small pool: a
 * handle is taken under a mutex, used without it, and given back.  The pool
 * grows on demand up to max_handles; beyond that, callers wait.
 */
#include <magic.h>
#include <string.h>
#include "filetype.h"

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
