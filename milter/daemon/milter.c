/*
 * milter.c - libmilter callbacks: capture one message, run the pipeline at
 * end of message, hand the verdict to action.c.
 *
 * Per connection, one Session owns everything of the current transaction;
 * session_reset() frees it at end of message, abort and close.  Each
 * transaction pins the snapshot current at MAIL FROM, so a reload never
 * changes the rules under a message in flight.
 *
 * Scope is decided at DATA, when every recipient is known: a transaction
 * with no relay recipient is accepted there, before its content is sent.
 * Never at RCPT: SMFIS_ACCEPT ends all checking of the message, so a relay
 * recipient after a non-relay one would pass unchecked.  A recipient is a
 * relay one when its RCPT text or the address the MTA resolved it to
 * ({rcpt_addr}) names a relay domain in any routing position, or when it
 * cannot be read at all.  A relay transaction that reaches end of message
 * without having been captured is tempfailed, never passed.
 *
 * Bypass (bypass_networks, bypass_logins) is decided at MAIL from the
 * {client_addr} and {auth_authen} macros, and never at the second hop,
 * whose client is always the local Postfix.  With a second hop a bypassed
 * relay message is read only to digest it: it leaves with a verdict token
 * "a=bypass", or the second hop would check what the first one let pass.
 */
#include <malloc.h>
#include <string.h>
#include "daemon/milter.h"
#include "daemon/action.h"
#include "core/log.h"
#include "core/verdict_log.h"
#include "engine/metrics.h"
#include "engine/msgbuf.h"
#include "engine/pipeline.h"
#include "engine/quarantine.h"
#include "engine/token.h"
#include "util/text.h"

/* After a message this large, freed memory goes back to the system: its
 * parse (GMime objects, decoded parts) leaves the heap at its peak. */
#define MILTER_TRIM_BYTES (1024 * 1024)

/* Recipients deferred by mixed_recipients = split that the log names;
 * past it only their number. */
#define MILTER_DEFERRED_KEEP 20
/* Bounds on what the MTA tells of the client, kept for the log. */
#define MILTER_CLIENT_MAX 64
#define MILTER_LOGIN_MAX 256
#define MILTER_MSGID_MAX 256

/* Which recipients a transaction has taken so far (mixed = split keeps
 * relay and other recipients in separate transactions). */
typedef enum {
	RCPTS_NONE = 0,          /* no recipient yet */
	RCPTS_RELAY,             /* relay recipients */
	RCPTS_OTHER,             /* other recipients */
} RcptKind;

typedef struct {
	guint64 pflags;          /* protocol steps negotiated with the MTA */
	Snapshot *snap;          /* pinned at MAIL FROM */
	char *from;
	GPtrArray *rcpts;        /* char*, accepted recipients (for relay ones, the
	                          * form that names the relay: RCPT text or {rcpt_addr}) */
	RcptKind kind;           /* for mixed = split */
	GPtrArray *deferred;     /* char*: recipients of the other kind, given 452
	                          * (the first MILTER_DEFERRED_KEEP) */
	guint deferred_total;    /* how many were */
	gboolean split_logged;   /* the line naming them is written */
	char *client;            /* {client_addr} at MAIL, or NULL */
	char *login;             /* {auth_authen} at MAIL (SASL), or NULL */
	char *message_id;        /* the first Message-ID header, or NULL */
	gboolean relay;          /* any relay recipient */
	MsgBuf *buf;
	GHashTable *hdr_counts;  /* lower-case name -> count, for chgheader indices */
	GPtrArray *own;          /* OwnHeader*: incoming X-Amzmilter-* headers */
	gboolean hop;            /* this connection is the second hop (conf second_hop) */
	char *bypass;            /* why the transaction goes unchecked ("network …"), or NULL */
	TokenDigest *digest;     /* of what the token binds */
	GPtrArray *tokens;       /* char*: incoming X-Amzmilter-Checked values */
	gint64 started;          /* monotonic µs at end of headers */
	gboolean failed;         /* capture failed: tempfail at EOM */
	gboolean oversize;       /* past max_message_size: 552 */
	char *fail_reason;
} Session;

static void own_header_free(gpointer p)
{
	OwnHeader *h = p;
	g_free(h->name);
	g_free(h);
}

/* session_reset - free everything of the current transaction */
static void session_reset(Session *s)
{
	snapshot_release(s->snap);
	s->snap = NULL;
	g_clear_pointer(&s->from, g_free);
	g_clear_pointer(&s->rcpts, g_ptr_array_unref);
	g_clear_pointer(&s->deferred, g_ptr_array_unref);
	s->deferred_total = 0;
	s->split_logged = FALSE;
	g_clear_pointer(&s->client, g_free);
	g_clear_pointer(&s->login, g_free);
	g_clear_pointer(&s->message_id, g_free);
	g_clear_pointer(&s->buf, msgbuf_free);
	g_clear_pointer(&s->hdr_counts, g_hash_table_unref);
	g_clear_pointer(&s->own, g_ptr_array_unref);
	g_clear_pointer(&s->digest, token_digest_free);
	g_clear_pointer(&s->tokens, g_ptr_array_unref);
	s->hop = FALSE;
	g_clear_pointer(&s->bypass, g_free);
	g_clear_pointer(&s->fail_reason, g_free);
	s->kind = RCPTS_NONE;
	s->started = 0;
	s->relay = FALSE;
	s->failed = FALSE;
	s->oversize = FALSE;
}

static Session *session_get(SMFICTX *ctx)
{
	Session *s = smfi_getpriv(ctx);
	if (s == NULL) {
		s = g_new0(Session, 1);
		smfi_setpriv(ctx, s);
	}
	return s;
}

static const char *qid_of(SMFICTX *ctx)
{
	const char *q = smfi_getsymval(ctx, "i");
	return q ? q : "NOQUEUE";
}

/* macro_copy - a macro's value, bounded, or NULL when the MTA sent none */
static char *macro_copy(SMFICTX *ctx, const char *name, gsize max)
{
	const char *v = smfi_getsymval(ctx, (char *)name);
	return v && *v ? text_line(v, max, TEXT_LINE_UTF8) : NULL;
}

/* log_message - what the log says of the current transaction (pointers
 * into s, valid until session_reset) */
static LogMessage log_message(SMFICTX *ctx, const Session *s, Action enforced, const char *reason)
{
	return (LogMessage){
		.qid = qid_of(ctx), .client = s->client, .login = s->login, .from = s->from,
		.rcpts = s->rcpts, .deferred = s->deferred, .deferred_total = s->deferred_total,
		.message_id = s->message_id, .size = s->buf ? msgbuf_size(s->buf) : 0,
		.monitor = s->snap && s->snap->conf->monitor, .enforced = enforced, .reason = reason,
		.ms = s->started ? (g_get_monotonic_time() - s->started) / 1000.0 : 0,
	};
}

/* log_split - once per transaction: the recipients mixed_recipients =
 * split deferred with 452, and why (a client that never resends them
 * loses that mail, and only this line tells) */
static void log_split(SMFICTX *ctx, Session *s)
{
	g_autoptr(GString) list = g_string_new(NULL);
	g_autofree char *from = NULL, *qid = NULL;
	guint shown;

	if (s->deferred_total == 0 || s->split_logged)
		return;
	s->split_logged = TRUE;
	shown = log_addresses(list, s->deferred);
	if (s->deferred_total > shown)
		g_string_append_printf(list, " and %u more", s->deferred_total - shown);
	from = text_line(s->from, 256, TEXT_LINE_LOG);
	qid = text_line(qid_of(ctx), 32, TEXT_LINE_LOG);
	log_msg(LOG_INFO, "%s: from=<%s> split: %u %s recipient%s deferred with 452 4.5.3, to be sent "
	        "in a transaction of their own (mixed_recipients = split; this one is for %s "
	        "recipients): %s", qid, from, s->deferred_total,
	        s->kind == RCPTS_RELAY ? "non-relay" : "relay", s->deferred_total == 1 ? "" : "s",
	        s->kind == RCPTS_RELAY ? "relay" : "non-relay", list->str);
}

/* capture_fail - remember the first capture error; the message tempfails */
static void capture_fail(Session *s, const char *why)
{
	if (!s->failed) {
		s->failed = TRUE;
		s->fail_reason = g_strdup(why);
	}
}

/* reply_or_not - the status for a step whose reply was negotiated away */
static sfsistat reply_or_not(const Session *s, guint64 nr_flag)
{
	return (s->pflags & nr_flag) ? SMFIS_NOREPLY : SMFIS_CONTINUE;
}

/*
 * cb_negotiate - ask only for what is used.  Every step not sent and every
 * reply not awaited saves a round trip per message; headers alone are a
 * dozen.  Steps that can end in a verdict (RCPT for split transactions,
 * DATA for scope, end of message) keep replies; a message over the size
 * limit is refused at end of message, so body chunks need none either.
 */
static sfsistat cb_negotiate(SMFICTX *ctx, unsigned long f0, unsigned long f1,
                             unsigned long f2, unsigned long f3, unsigned long *pf0,
                             unsigned long *pf1, unsigned long *pf2, unsigned long *pf3)
{
	const unsigned long actions = MILTER_ACTIONS;
	const unsigned long wanted = MILTER_PROTOCOL;
	Session *s = session_get(ctx);

	(void)f2, (void)f3;
	if ((f0 & actions) != actions) {
		log_msg(LOG_ERR, "the MTA does not offer the header and quarantine actions; "
		                 "every message will be tempfailed");
		return SMFIS_REJECT;   /* libmilter then tells the MTA this filter is unusable */
	}
	if ((f1 & MILTER_NEEDED_STEPS) != MILTER_NEEDED_STEPS) {
		log_msg(LOG_ERR, "the MTA speaks a milter protocol without the DATA step (Postfix "
		                 "milter_protocol 2 or 3); set milter_protocol = 6.  Every message "
		                 "will be tempfailed");
		return SMFIS_REJECT;
	}
	*pf0 = actions;
	*pf1 = f1 & wanted;
	*pf2 = 0;
	*pf3 = 0;
	s->pflags = *pf1;
	/* Only the queue ID, only where it is logged: fewer macro packets. */
	if (f0 & SMFIF_SETSYMLIST) {
		static const int quiet[] = MILTER_QUIET_STAGES;
		gboolean ok = smfi_setsymlist(ctx, SMFIM_EOM, MILTER_EOM_MACROS) == MI_SUCCESS &&
		              smfi_setsymlist(ctx, SMFIM_ENVRCPT, MILTER_RCPT_MACROS) == MI_SUCCESS &&
		              smfi_setsymlist(ctx, SMFIM_ENVFROM, MILTER_MAIL_MACROS) == MI_SUCCESS;
		for (guint i = 0; ok && i < G_N_ELEMENTS(quiet); i++)
			ok = smfi_setsymlist(ctx, quiet[i], MILTER_NO_MACROS) == MI_SUCCESS;
		if (ok)
			*pf0 |= SMFIF_SETSYMLIST;
	}
	return SMFIS_CONTINUE;
}

static sfsistat cb_envfrom(SMFICTX *ctx, char **argv)
{
	Session *s = session_get(ctx);

	log_split(ctx, s);
	session_reset(s);
	s->snap = snapshot_acquire();
	s->from = text_address_bare(argv[0]);
	s->rcpts = g_ptr_array_new_with_free_func(g_free);
	s->client = macro_copy(ctx, "{client_addr}", MILTER_CLIENT_MAX);
	s->login = macro_copy(ctx, "{auth_authen}", MILTER_LOGIN_MAX);
	if (s->snap->conf->second_hop) {
		const char *dn = smfi_getsymval(ctx, "{daemon_name}");
		s->hop = dn != NULL && strcmp(dn, s->snap->conf->second_hop) == 0;
	}
	if (!s->hop)
		conf_bypass(s->snap->conf, smfi_getsymval(ctx, "{client_addr}"),
		            smfi_getsymval(ctx, "{auth_authen}"), &s->bypass);
	return reply_or_not(s, SMFIP_NR_MAIL);
}

/* mta_route - the address the MTA will deliver to, from its RCPT macros
 * (Postfix: {rcpt_addr} resolved; Sendmail: {rcpt_addr} user, {rcpt_host}) */
static char *mta_route(SMFICTX *ctx)
{
	const char *addr = smfi_getsymval(ctx, "{rcpt_addr}");
	const char *host = smfi_getsymval(ctx, "{rcpt_host}");

	if (addr == NULL || *addr == '\0')
		return NULL;
	if (strchr(addr, '@') == NULL && host != NULL && *host != '\0')
		return g_strdup_printf("%s@%s", addr, host);
	return g_strdup(addr);
}

static sfsistat cb_envrcpt(SMFICTX *ctx, char **argv)
{
	Session *s = session_get(ctx);
	g_autofree char *rcpt = text_address_bare(argv[0]);
	g_autofree char *routed = NULL;
	gboolean relay;
	RcptKind kind;

	if (s->snap == NULL)
		return SMFIS_TEMPFAIL;
	relay = conf_relay_market(s->snap->conf, rcpt, NULL);
	if (!relay && (routed = mta_route(ctx)) != NULL &&
	    conf_relay_market(s->snap->conf, routed, NULL)) {
		relay = TRUE;
		g_free(rcpt);
		rcpt = g_steal_pointer(&routed);   /* the form that says where it goes */
	}
	kind = relay ? RCPTS_RELAY : RCPTS_OTHER;
	if (s->snap->conf->mixed == MIXED_SPLIT && s->kind != RCPTS_NONE && s->kind != kind) {
		/* A per-recipient 452: RFC 5321 clients send it again on its own. */
		if (s->deferred == NULL)
			s->deferred = g_ptr_array_new_with_free_func(g_free);
		if (s->deferred->len < MILTER_DEFERRED_KEEP)
			g_ptr_array_add(s->deferred, g_strdup(rcpt));
		s->deferred_total++;
		return action_reply(ctx, "452", "4.5.3",
		                    relay ? "Mail to Amazon buyer relay addresses travels in its own "
		                            "transaction; send this recipient separately."
		                          : "This transaction is for Amazon buyer relay addresses only; "
		                            "send this recipient separately.",
		                    SMFIS_TEMPFAIL);
	}
	s->kind = kind;
	s->relay |= relay;
	g_ptr_array_add(s->rcpts, g_steal_pointer(&rcpt));
	return SMFIS_CONTINUE;
}

/* log_bypass - the one line of a bypassed relay message */
static void log_bypass(SMFICTX *ctx, const Session *s, const char *verdict)
{
	g_autofree char *from = text_line(s->from, 256, TEXT_LINE_LOG);
	g_autofree char *qid = text_line(qid_of(ctx), 32, TEXT_LINE_LOG);
	g_autofree char *why = text_line(s->bypass, 128, TEXT_LINE_LOG);
	g_autoptr(GString) rcpt = g_string_new(NULL);

	log_addresses(rcpt, s->rcpts);
	log_msg(LOG_INFO, "%s: from=<%s> rcpt=%s verdict=%s bypass (%s)", qid, from, rcpt->str,
	        verdict, why);
	LogMessage m = log_message(ctx, s, strcmp(verdict, "accept") == 0 ? ACTION_ACCEPT : ACTION_TEMPFAIL,
	                           "bypass");
	log_verdict_json(&m, NULL);
}

/* The verdict token key (engine/token.c), loaded at start; NULL: no tokens. */
static GBytes *token_key;

void milter_set_token_key(GBytes *key)
{
	token_key = key;
}

static sfsistat cb_data(SMFICTX *ctx)
{
	Session *s = session_get(ctx);

	if (s->snap == NULL)
		return SMFIS_TEMPFAIL;
	log_split(ctx, s);
	if (!s->relay) {
		metrics_skipped(METRICS_SKIP_NOT_RELAY);
		return SMFIS_ACCEPT;   /* not for Amazon: no further work */
	}
	if (s->bypass && !(s->snap->conf->second_hop && token_key)) {
		log_bypass(ctx, s, "accept");
		metrics_skipped(METRICS_SKIP_BYPASS);
		return SMFIS_ACCEPT;   /* one hop: nothing else will look at it */
	}
	if (s->bypass == NULL)     /* a bypassed message is only digested, for its token */
		s->buf = msgbuf_new(s->snap->conf->spool, s->snap->conf->memory_buffer);
	s->hdr_counts = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	s->own = g_ptr_array_new_with_free_func(own_header_free);
	s->digest = token_digest_new();
	s->tokens = g_ptr_array_new_with_free_func(g_free);
	return SMFIS_CONTINUE;
}

/* append - capture bytes; past max_message_size stop capturing and
 * remember it (the 552 goes out at the next step that has a reply) */
static void append(Session *s, const void *p, gsize n)
{
	g_autoptr(GError) err = NULL;

	if (s->buf == NULL || s->failed || s->oversize)
		return;
	if (msgbuf_size(s->buf) + n > s->snap->conf->max_message_size) {
		s->oversize = TRUE;
		return;
	}
	if (!msgbuf_append(s->buf, p, n, &err))
		capture_fail(s, err->message);
}

/* reject_oversize - 552 5.3.4: resending the same message will not help */
static sfsistat reject_oversize(SMFICTX *ctx, Session *s)
{
	g_autofree char *t = g_strdup_printf("Message too large for Amazon buyer messaging "
	                                     "(limit %" G_GUINT64_FORMAT " bytes); resending will not help.",
	                                     s->snap->conf->max_message_size);
	g_autofree char *from = text_line(s->from, 256, TEXT_LINE_LOG);
	g_autofree char *qid = text_line(qid_of(ctx), 32, TEXT_LINE_LOG);

	log_msg(LOG_NOTICE, "%s: from=<%s> verdict=reject reason=size-limit", qid, from);
	metrics_size_limit();
	metrics_message(ACTION_REJECT, NULL, FALSE, msgbuf_size(s->buf), 0);
	{
		LogMessage m = log_message(ctx, s, ACTION_REJECT, "size-limit");
		log_verdict_json(&m, NULL);
	}
	session_reset(s);
	return action_reply(ctx, "552", "5.3.4", t, SMFIS_REJECT);
}

static sfsistat cb_header(SMFICTX *ctx, char *name, char *value)
{
	Session *s = session_get(ctx);
	g_autofree char *lname = NULL;
	g_autofree char *line = NULL;
	guint count;

	if (s->digest == NULL)
		return reply_or_not(s, SMFIP_NR_HDR);
	lname = g_ascii_strdown(name, -1);
	count = GPOINTER_TO_UINT(g_hash_table_lookup(s->hdr_counts, lname)) + 1;
	g_hash_table_insert(s->hdr_counts, g_strdup(lname), GUINT_TO_POINTER(count));
	if (s->message_id == NULL && strcmp(lname, "message-id") == 0)
		s->message_id = g_strstrip(text_line(value, MILTER_MSGID_MAX, TEXT_LINE_UTF8));
	if (g_str_has_prefix(lname, "x-amzmilter-")) {
		/* A verdict header from outside is a forgery: never seen, always removed. */
		OwnHeader *h = g_new0(OwnHeader, 1);
		h->name = g_strdup(name);
		h->index = (int)count;
		g_ptr_array_add(s->own, h);
		if (g_ascii_strcasecmp(name, TOKEN_HEADER) == 0 && s->tokens->len < 8)
			g_ptr_array_add(s->tokens, g_strdup(value));
		return reply_or_not(s, SMFIP_NR_HDR);
	}
	token_digest_header(s->digest, name, value);
	/* With HDR_LEADSPC the value keeps its own leading space: exact bytes. */
	line = g_strdup_printf("%s:%s%s\r\n", name, (s->pflags & SMFIP_HDR_LEADSPC) ? "" : " ", value);
	append(s, line, strlen(line));
	return reply_or_not(s, SMFIP_NR_HDR);
}

static sfsistat cb_eoh(SMFICTX *ctx)
{
	Session *s = session_get(ctx);
	if (s->digest == NULL)
		return reply_or_not(s, SMFIP_NR_EOH);
	s->started = g_get_monotonic_time();
	append(s, "\r\n", 2);
	return reply_or_not(s, SMFIP_NR_EOH);
}

static sfsistat cb_body(SMFICTX *ctx, unsigned char *chunk, size_t len)
{
	Session *s = session_get(ctx);
	if (s->digest == NULL)
		return reply_or_not(s, SMFIP_NR_BODY);
	append(s, chunk, len);
	token_digest_body(s->digest, chunk, len);
	if (s->oversize && !(s->pflags & SMFIP_NR_BODY))
		return reject_oversize(ctx, s);     /* an MTA that waits for a reply hears it now */
	return reply_or_not(s, SMFIP_NR_BODY);
}

/* progress - keep the MTA from timing out during long checks */
static void progress(void *ctx)
{
	smfi_progress(ctx);
}

/* pass_of - how this session may change its message (action.h) */
static ActionPass pass_of(const Session *s)
{
	return (ActionPass){ .leadspc = (s->pflags & SMFIP_HDR_LEADSPC) != 0, .hop = s->hop };
}

/* bypass_eom - a bypassed relay message at the first of two hops: forged
 * X-Amzmilter-* headers go, and a token "a=bypass" tells the second hop
 * that this message was let through on purpose */
static sfsistat bypass_eom(SMFICTX *ctx, Session *s)
{
	g_autoptr(Facts) f = facts_new();
	g_autofree char *tok = NULL;
	ActionPass pass = pass_of(s);
	sfsistat st = SMFIS_CONTINUE;

	g_ptr_array_add(s->rcpts, NULL);
	pipeline_envelope(s->snap->conf, f, s->from, (const char *const *)s->rcpts->pdata);
	g_ptr_array_set_size(s->rcpts, s->rcpts->len - 1);
	tok = token_make(s->digest, token_key, f->relay_rcpts, TOKEN_BYPASS,
	                 g_get_real_time() / G_USEC_PER_SEC);
	if (!action_strip(ctx, s->own, NULL) || !action_add_token(ctx, tok, &pass))
		st = SMFIS_TEMPFAIL;
	log_bypass(ctx, s, st == SMFIS_CONTINUE ? "accept" : "tempfail");
	metrics_skipped(METRICS_SKIP_BYPASS);
	session_reset(s);
	return st;
}

/* checked_before - at the second hop, a valid token: the first pass checked
 * this very message; it goes on unchecked, the token removed */
static gboolean checked_before(SMFICTX *ctx, Session *s, const GPtrArray *relay, sfsistat *st)
{
	ActionPass pass = pass_of(s);

	for (guint i = 0; s->hop && token_key && i < s->tokens->len; i++) {
		g_autofree char *was = NULL, *from = NULL, *qid = NULL, *shown = NULL;
		if (!token_verify(s->digest, token_key, relay, s->tokens->pdata[i], &was))
			continue;
		*st = action_checked_before(ctx, s->snap->conf, s->own, was, &pass) ? SMFIS_CONTINUE
		                                                                    : SMFIS_TEMPFAIL;
		from = text_line(s->from, 256, TEXT_LINE_LOG);
		qid = text_line(qid_of(ctx), 32, TEXT_LINE_LOG);
		shown = text_line(was, 16, TEXT_LINE_LOG);
		log_msg(LOG_INFO, "%s: from=<%s> verdict=%s checked-before=%s (second hop, verdict token)",
		        qid, from, *st == SMFIS_CONTINUE ? "accept" : "tempfail", shown);
		metrics_skipped(METRICS_SKIP_CHECKED_BEFORE);
		LogMessage m = log_message(ctx, s, *st == SMFIS_CONTINUE ? ACTION_ACCEPT : ACTION_TEMPFAIL,
		                           "checked-before");
		log_verdict_json(&m, NULL);
		return TRUE;
	}
	return FALSE;
}

/* record_held - amzmilter's record of a message just quarantined (the MTA
 * keeps the message, not why); the hold stands even if this fails */
static void record_held(SMFICTX *ctx, const Conf *c, const Facts *f, const Verdict *v)
{
	g_autoptr(QuarantineRecord) r = quarantine_record_from(qid_of(ctx), f, v);
	g_autoptr(GError) err = NULL;

	if (!quarantine_record_write(c->quarantine_dir, r, &err)) {
		g_autofree char *qid = text_line(qid_of(ctx), 32, TEXT_LINE_LOG);
		log_msg(LOG_ERR, "%s: held, but no quarantine record: %s", qid, err->message);
	}
}

static sfsistat cb_eom(SMFICTX *ctx)
{
	Session *s = session_get(ctx);
	ActionPass pass = pass_of(s);
	g_autoptr(Facts) f = NULL;
	g_autoptr(Verdict) v = NULL;
	g_autoptr(GError) err = NULL;
	GMimeStream *stream = NULL;
	const Conf *c;
	Action enforced, final;
	gint64 t0 = g_get_monotonic_time();
	sfsistat st;

	if (s->bypass && s->digest && s->snap && token_key)
		return bypass_eom(ctx, s);
	if (s->buf == NULL || s->snap == NULL) {
		gboolean unchecked = s->relay || s->snap == NULL;
		if (unchecked) {
			log_msg(LOG_ERR, "%s: end of message without the message for a relay transaction "
			                 "(no DATA step from the MTA?): tempfail", qid_of(ctx));
			metrics_message(ACTION_TEMPFAIL, NULL, FALSE, 0, 0);
		}
		session_reset(s);
		return unchecked ? SMFIS_TEMPFAIL : SMFIS_CONTINUE;
	}
	if (s->oversize)
		return reject_oversize(ctx, s);
	c = s->snap->conf;
	f = facts_new();
	g_ptr_array_add(s->rcpts, NULL);
	pipeline_envelope(c, f, s->from, (const char *const *)s->rcpts->pdata);
	g_ptr_array_set_size(s->rcpts, s->rcpts->len - 1);
	if (checked_before(ctx, s, f->relay_rcpts, &st)) {
		session_reset(s);
		return st;
	}
	f->message_bytes = msgbuf_size(s->buf);

	if (!s->failed)
		stream = msgbuf_stream(s->buf, &err);
	if (s->failed || stream == NULL) {
		g_autofree char *why = g_strdup_printf("spool: %s", s->failed ? s->fail_reason : err->message);
		v = pipeline_fail_verdict(c, FAIL_SPOOL, why);
	} else {
		f->body_digest = token_digest_body_hex(s->digest);
		v = pipeline_run(s->snap, stream, f, progress, ctx);
		g_object_unref(stream);
		v = pipeline_record(s->snap, f, v);
	}
	enforced = pipeline_enforced(c, v);
	st = action_apply(ctx, c, v, enforced, s->own, &pass);
	if (st == SMFIS_CONTINUE && enforced == ACTION_QUARANTINE)
		record_held(ctx, c, f, v);
	/* the first pass vouches for what it let through, and either pass for
	 * what it held: released with postsuper -r, a held message goes through
	 * the second hop, which lets it out (not held again) and says so */
	if (st == SMFIS_CONTINUE && c->second_hop && token_key &&
	    ((!s->hop && (enforced == ACTION_ACCEPT || enforced == ACTION_TAG)) ||
	     enforced == ACTION_QUARANTINE)) {
		g_autofree char *tok = token_make(s->digest, token_key, f->relay_rcpts, action_name(enforced),
		                                  g_get_real_time() / G_USEC_PER_SEC);
		if (!action_add_token(ctx, tok, &pass))
			st = SMFIS_TEMPFAIL;
	}
	final = st == SMFIS_TEMPFAIL && enforced != ACTION_TEMPFAIL ? ACTION_TEMPFAIL : enforced;
	{
		LogMessage m = log_message(ctx, s, final, NULL);
		m.monitor = pipeline_monitor(c, v);
		m.brand = f->brand;
		log_verdict(&m, f, v);
	}
	metrics_message(final, v, c->monitor, f->message_bytes, g_get_monotonic_time() - t0);
	session_reset(s);
	if (f->message_bytes >= MILTER_TRIM_BYTES) {
		g_clear_pointer(&f, facts_free);
		g_clear_pointer(&v, verdict_free);
		malloc_trim(0);
	}
	return st;
}

static sfsistat cb_abort(SMFICTX *ctx)
{
	Session *s = smfi_getpriv(ctx);
	if (s) {
		log_split(ctx, s);
		session_reset(s);
	}
	return SMFIS_CONTINUE;
}

static sfsistat cb_close(SMFICTX *ctx)
{
	Session *s = smfi_getpriv(ctx);
	if (s) {
		log_split(ctx, s);
		session_reset(s);
		g_free(s);
		smfi_setpriv(ctx, NULL);
	}
	return SMFIS_CONTINUE;
}

static struct smfiDesc desc = {
	.xxfi_name = "amzmilter",
	.xxfi_version = SMFI_VERSION,
	.xxfi_flags = MILTER_ACTIONS,
	.xxfi_envfrom = cb_envfrom,
	.xxfi_envrcpt = cb_envrcpt,
	.xxfi_header = cb_header,
	.xxfi_eoh = cb_eoh,
	.xxfi_body = cb_body,
	.xxfi_eom = cb_eom,
	.xxfi_abort = cb_abort,
	.xxfi_close = cb_close,
	.xxfi_data = cb_data,
	.xxfi_negotiate = cb_negotiate,
};

int milter_register(void)
{
	return smfi_register(desc);
}
