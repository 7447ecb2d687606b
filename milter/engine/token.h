/*
 * token.h - the verdict token: proof, bound to one message, that amzmilter
 * has checked it (see token.c).
 */
#ifndef AMZ_TOKEN_H
#define AMZ_TOKEN_H

#include <sys/types.h>
#include <glib.h>

/* The header that carries it; an X-Amzmilter-* header, so every pass
 * removes the incoming ones before the message goes on. */
#define TOKEN_HEADER "X-Amzmilter-Checked"

/* The action of a token for a message let through unchecked on purpose
 * (bypass_networks, bypass_logins), where others carry the verdict's. */
#define TOKEN_BYPASS "bypass"

typedef struct TokenDigest TokenDigest;

TokenDigest *token_digest_new(void);
void token_digest_free(TokenDigest *d);
/* token_digest_header - one header as the MTA passes it (the value folded
 * or not: white space runs count as one space) */
void token_digest_header(TokenDigest *d, const char *name, const char *value);
/* token_digest_body - the next bytes of the body */
void token_digest_body(TokenDigest *d, const void *p, gsize n);
/* token_digest_body_hex - the body's SHA-256 so far, hex (newly allocated) */
char *token_digest_body_hex(const TokenDigest *d);

/* token_make - the header value saying that this message, to these relay
 * recipients (char*), got action; now in seconds since the epoch */
char *token_make(const TokenDigest *d, GBytes *key, const GPtrArray *rcpts, const char *action,
                 gint64 now);
/* token_verify - value was made by token_make with key for this very
 * message and these recipients; *action (when not NULL) gets its action */
gboolean token_verify(const TokenDigest *d, GBytes *key, const GPtrArray *rcpts, const char *value,
                      char **action);

/* token_key_load - the secret in path; made (32 random bytes, mode 0600,
 * owned by uid/gid unless -1) when missing */
GBytes *token_key_load(const char *path, uid_t uid, gid_t gid, GError **err);

#endif
