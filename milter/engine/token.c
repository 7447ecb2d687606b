/*
 * token.c - the verdict token: proof, bound to one message, that amzmilter
 * has checked it, so that a second pass need not check it again.
 *
 * Postfix sends relay-bound mail through a second hop (a re-injection
 * smtpd whose milter tempfails while amzmilter is down: see
 * contrib/postfix), so mail that passed the first smtpd unchecked waits in
 * the queue.  Mail the first pass did check carries a token; the second
 * pass accepts it without checking it again, removes it, and so a stateful
 * check counts the message once and a quarantined message released with
 * postsuper -r is not held again.
 *
 * In:  the headers and body as the MTA passes them, the relay recipients,
 *      the verdict's action, a local secret key.
 * Out: "v1 a=ACTION t=UNIXTIME m=HMAC", or whether such a value was made
 *      here for this very message.
 *
 * The HMAC-SHA256 covers the relay recipients (lower case, sorted), every
 * header except those the MTA adds on the way (Received, Return-Path,
 * Delivered-To, X-Original-To, and Message-ID and Date, which Postfix's
 * cleanup adds when missing) and amzmilter's own, white space runs read as
 * one space, and the body bytes.  A token copied onto another message or
 * recipient, or kept on an edited one, does not verify: that message is
 * checked again, which is always safe.
 */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <unistd.h>
#include "engine/token.h"

#define TOKEN_KEY_BYTES 32
#define TOKEN_VERSION "v1"

struct TokenDigest {
	GChecksum *headers;
	GChecksum *body;
};

TokenDigest *token_digest_new(void)
{
	TokenDigest *d = g_new0(TokenDigest, 1);
	d->headers = g_checksum_new(G_CHECKSUM_SHA256);
	d->body = g_checksum_new(G_CHECKSUM_SHA256);
	return d;
}

void token_digest_free(TokenDigest *d)
{
	if (d == NULL)
		return;
	g_checksum_free(d->headers);
	g_checksum_free(d->body);
	g_free(d);
}

/* covered - the header is the message's own, not one added on the way */
static gboolean covered(const char *name)
{
	static const char *const added[] = {
		"received", "return-path", "delivered-to", "x-original-to", "message-id", "date",
	};

	if (g_ascii_strncasecmp(name, "x-amzmilter-", 12) == 0)
		return FALSE;
	for (guint i = 0; i < G_N_ELEMENTS(added); i++)
		if (g_ascii_strcasecmp(name, added[i]) == 0)
			return FALSE;
	return TRUE;
}

void token_digest_header(TokenDigest *d, const char *name, const char *value)
{
	GString *line;
	gboolean space = FALSE;

	if (!covered(name))
		return;
	line = g_string_new(NULL);
	for (const char *p = name; *p; p++)
		g_string_append_c(line, g_ascii_tolower(*p));
	g_string_append_c(line, ':');
	for (const char *p = value; *p; p++) {
		if (g_ascii_isspace(*p)) {
			space = TRUE;
			continue;
		}
		if (space && line->str[line->len - 1] != ':')
			g_string_append_c(line, ' ');
		space = FALSE;
		g_string_append_c(line, *p);
	}
	g_string_append_c(line, '\n');
	g_checksum_update(d->headers, (const guchar *)line->str, line->len);
	g_string_free(line, TRUE);
}

void token_digest_body(TokenDigest *d, const void *p, gsize n)
{
	g_checksum_update(d->body, p, n);
}

char *token_digest_body_hex(const TokenDigest *d)
{
	GChecksum *c = g_checksum_copy(d->body);
	char *hex = g_strdup(g_checksum_get_string(c));

	g_checksum_free(c);
	return hex;
}

static int by_string(gconstpointer a, gconstpointer b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* mac - the HMAC of version, time, action, recipients and the digests, hex */
static char *mac(const TokenDigest *d, GBytes *key, const GPtrArray *rcpts, const char *action,
                 const char *t)
{
	gsize klen;
	const guint8 *k = g_bytes_get_data(key, &klen);
	GHmac *h = g_hmac_new(G_CHECKSUM_SHA256, k, klen);
	GPtrArray *sorted = g_ptr_array_new_with_free_func(g_free);
	GChecksum *c;
	char *out;

	for (guint i = 0; rcpts && i < rcpts->len; i++)
		g_ptr_array_add(sorted, g_ascii_strdown(rcpts->pdata[i], -1));
	g_ptr_array_sort(sorted, by_string);
#define PUT(s) g_hmac_update(h, (const guchar *)(s), strlen(s) + 1)   /* with its NUL: unambiguous */
	PUT("amzmilter " TOKEN_VERSION);
	PUT(t);
	PUT(action);
	for (guint i = 0; i < sorted->len; i++)
		PUT((const char *)sorted->pdata[i]);
	PUT("");
	c = g_checksum_copy(d->headers);
	PUT(g_checksum_get_string(c));
	g_checksum_free(c);
	c = g_checksum_copy(d->body);
	PUT(g_checksum_get_string(c));
	g_checksum_free(c);
#undef PUT
	out = g_strdup(g_hmac_get_string(h));
	g_hmac_unref(h);
	g_ptr_array_unref(sorted);
	return out;
}

char *token_make(const TokenDigest *d, GBytes *key, const GPtrArray *rcpts, const char *action,
                 gint64 now)
{
	g_autofree char *t = g_strdup_printf("%" G_GINT64_FORMAT, now);
	g_autofree char *m = mac(d, key, rcpts, action, t);

	return g_strdup_printf(TOKEN_VERSION " a=%s t=%s m=%s", action, t, m);
}

/* field - the value of "name=" among the words of v, or NULL */
static char *field(char **words, const char *name)
{
	gsize n = strlen(name);
	for (guint i = 0; words[i]; i++)
		if (strncmp(words[i], name, n) == 0 && words[i][n] == '=')
			return words[i] + n + 1;
	return NULL;
}

gboolean token_verify(const TokenDigest *d, GBytes *key, const GPtrArray *rcpts, const char *value,
                      char **action)
{
	g_auto(GStrv) words = NULL;
	g_autofree char *want = NULL, *v = NULL;
	const char *a, *t, *m;
	guint8 diff = 0;

	if (value == NULL || key == NULL)
		return FALSE;
	v = g_strstrip(g_strdup(value));
	words = g_strsplit_set(v, " \t\r\n", 8);
	if (words[0] == NULL || strcmp(words[0], TOKEN_VERSION) != 0)
		return FALSE;
	a = field(words, "a");
	t = field(words, "t");
	m = field(words, "m");
	if (a == NULL || t == NULL || m == NULL || strlen(a) > 16 || strlen(t) > 20)
		return FALSE;
	want = mac(d, key, rcpts, a, t);
	if (strlen(m) != strlen(want))
		return FALSE;
	for (gsize i = 0; want[i]; i++)   /* in constant time */
		diff |= (guint8)(want[i] ^ g_ascii_tolower(m[i]));
	if (diff != 0)
		return FALSE;
	if (action)
		*action = g_strdup(a);
	return TRUE;
}

GBytes *token_key_load(const char *path, uid_t uid, gid_t gid, GError **err)
{
	guint8 buf[TOKEN_KEY_BYTES];
	char *data = NULL;
	gsize len = 0;
	int fd;

	if (g_file_get_contents(path, &data, &len, NULL)) {
		if (len >= 16)
			return g_bytes_new_take(data, len);
		g_free(data);
		g_set_error(err, G_FILE_ERROR, G_FILE_ERROR_INVAL, "%s: a key of %zu bytes is too short "
		            "(remove it and a new one is made)", path, len);
		return NULL;
	}
	if (getrandom(buf, sizeof buf, 0) != (ssize_t)sizeof buf) {
		g_set_error(err, G_FILE_ERROR, g_file_error_from_errno(errno), "getrandom: %s", g_strerror(errno));
		return NULL;
	}
	fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);
	if (fd < 0 || write(fd, buf, sizeof buf) != (ssize_t)sizeof buf ||
	    ((uid != (uid_t)-1 || gid != (gid_t)-1) && fchown(fd, uid, gid) != 0) || fsync(fd) != 0) {
		int e = errno;
		if (fd >= 0) {
			close(fd);
			unlink(path);
		}
		g_set_error(err, G_FILE_ERROR, g_file_error_from_errno(e), "cannot make %s: %s", path, g_strerror(e));
		return NULL;
	}
	close(fd);
	return g_bytes_new(buf, sizeof buf);
}
