/*
 * action.c - verdict -> smfi_setmlreply / smfi_quarantine / smfi_addheader.
 *
 * The reply text comes from reply.c (shared with the checker); this file
 * only escapes it for libmilter ('%' doubles, since the reply is a format
 * string to the MTA) and makes the calls.  If a call fails, the message is
 * tempfailed rather than passed: never accept a checked message whose
 * verdict could not be carried out.
 */
#include <string.h>
#include "daemon/action.h"
#include "engine/token.h"
#include "core/log.h"
#include "engine/reply.h"
#include "util/text.h"

/* pct_escape - '%' -> "%%" for smfi_setreply/smfi_setmlreply */
static char *pct_escape(const char *s)
{
	GString *out = g_string_sized_new(strlen(s) + 8);
	for (; *s; s++) {
		if (*s == '%')
			g_string_append_c(out, '%');
		g_string_append_c(out, *s);
	}
	return g_string_free(out, FALSE);
}

sfsistat action_reply(SMFICTX *ctx, const char *code, const char *xcode, const char *text,
                      sfsistat status)
{
	g_autofree char *t = pct_escape(text);
	if (smfi_setreply(ctx, (char *)code, (char *)xcode, t) != MI_SUCCESS) {
		log_msg(LOG_ERR, "smfi_setreply %s failed", code);
		return SMFIS_TEMPFAIL;
	}
	return status;
}

/* set_mlreply - all lines at once; smfi_setmlreply stops at the first NULL */
static gboolean set_mlreply(SMFICTX *ctx, const Reply *r)
{
	char *l[REPLY_MAX_LINES] = { 0 };
	guint n = MIN(r->lines->len, REPLY_MAX_LINES);
	int rc;

	for (guint i = 0; i < n; i++)
		l[i] = pct_escape(r->lines->pdata[i]);
	rc = smfi_setmlreply(ctx, r->code, r->xcode, l[0], l[1], l[2], l[3], l[4], l[5], l[6], l[7],
	                     l[8], l[9], l[10], l[11], l[12], l[13], l[14], l[15], l[16], l[17], l[18],
	                     l[19], l[20], l[21], l[22], l[23], l[24], l[25], l[26], l[27], l[28],
	                     l[29], l[30], l[31], (char *)NULL);
	for (guint i = 0; i < n; i++)
		g_free(l[i]);
	return rc == MI_SUCCESS;
}

/* rule_list - "A, B" of the hits, monitor ones included when asked */
static char *rule_list(const Verdict *v, gboolean monitor_only)
{
	GString *s = g_string_new(NULL);
	for (guint i = 0; i < v->hits->len; i++) {
		const Hit *h = v->hits->pdata[i];
		if (monitor_only && !h->monitor && v->action == v->would)
			continue;
		g_string_append_printf(s, "%s%s", s->len ? ", " : "", h->rule);
	}
	return g_string_free(s, FALSE);
}

/* add_header - smfi_addheader; with HDR_LEADSPC the MTA writes the value
 * as given, so it brings its own space after the colon */
static gboolean add_header(SMFICTX *ctx, const ActionPass *p, const char *name, const char *value)
{
	g_autofree char *v = g_strconcat(p->leadspc ? " " : "", value, NULL);
	return smfi_addheader(ctx, (char *)name, v) == MI_SUCCESS;
}

/* add_headers - X-Amzmilter-Verdict / -Rules on mail that goes on; none
 * with add_headers = internal at the second hop, the relay's doorstep */
static gboolean add_headers(SMFICTX *ctx, const Conf *c, const Verdict *v, Action enforced,
                            const ActionPass *p)
{
	g_autofree char *verdict = NULL, *rules = rule_list(v, FALSE);

	if (c->add_headers == HEADERS_NO || (c->add_headers == HEADERS_INTERNAL && p->hop))
		return TRUE;
	if (enforced != v->would)
		verdict = g_strdup_printf("%s (monitor: would %s)", action_name(enforced), action_name(v->would));
	else
		verdict = g_strdup(action_name(enforced));
	if (!add_header(ctx, p, ACTION_HEADER_PREFIX "Verdict", verdict))
		return FALSE;
	if (*rules && !add_header(ctx, p, ACTION_HEADER_PREFIX "Rules", rules))
		return FALSE;
	return TRUE;
}

gboolean action_strip(SMFICTX *ctx, GPtrArray *own_headers, const char *only)
{
	for (guint i = own_headers ? own_headers->len : 0; i > 0; i--) {
		const OwnHeader *h = own_headers->pdata[i - 1];
		if (only != NULL && g_ascii_strcasecmp(h->name, only) != 0)
			continue;
		if (smfi_chgheader(ctx, h->name, h->index, NULL) != MI_SUCCESS) {
			log_msg(LOG_ERR, "cannot remove incoming header %s; tempfailing", h->name);
			return FALSE;
		}
	}
	return TRUE;
}

gboolean action_add_token(SMFICTX *ctx, const char *value, const ActionPass *p)
{
	if (!add_header(ctx, p, TOKEN_HEADER, value)) {
		log_msg(LOG_ERR, "cannot add the %s header; tempfailing", TOKEN_HEADER);
		return FALSE;
	}
	return TRUE;
}

gboolean action_checked_before(SMFICTX *ctx, const Conf *c, GPtrArray *own_headers, const char *was,
                               const ActionPass *p)
{
	if (c->add_headers == HEADERS_INTERNAL)
		return action_strip(ctx, own_headers, NULL);
	if (!action_strip(ctx, own_headers, TOKEN_HEADER))
		return FALSE;
	/* A held message reaches the second hop only when it was released. */
	if (c->add_headers == HEADERS_YES && strcmp(was, "quarantine") == 0 &&
	    (!action_strip(ctx, own_headers, ACTION_HEADER_PREFIX "Verdict") ||
	     !add_header(ctx, p, ACTION_HEADER_PREFIX "Verdict", "released (quarantine)"))) {
		log_msg(LOG_ERR, "cannot mark the verdict header released; tempfailing");
		return FALSE;
	}
	return TRUE;
}

sfsistat action_apply(SMFICTX *ctx, const Conf *c, const Verdict *v, Action enforced,
                      GPtrArray *own_headers, const ActionPass *p)
{
	g_autoptr(Reply) r = NULL;
	g_autofree char *reason = NULL;

	switch (enforced) {
	case ACTION_REJECT:
	case ACTION_TEMPFAIL:
		r = reply_build(c, v, enforced);
		if (r == NULL || !set_mlreply(ctx, r)) {
			log_msg(LOG_ERR, "cannot set the %s reply; tempfailing", action_name(enforced));
			return SMFIS_TEMPFAIL;
		}
		return enforced == ACTION_REJECT ? SMFIS_REJECT : SMFIS_TEMPFAIL;
	case ACTION_DISCARD:
		return SMFIS_DISCARD;
	case ACTION_QUARANTINE:
	case ACTION_TAG:
	case ACTION_ACCEPT:
		break;
	}

	/* Mail that goes on: no forged verdicts, then ours. */
	if (!action_strip(ctx, own_headers, NULL))
		return SMFIS_TEMPFAIL;
	if ((enforced != ACTION_ACCEPT || v->hits->len > 0 || c->add_headers) &&
	    !add_headers(ctx, c, v, enforced, p)) {
		log_msg(LOG_ERR, "cannot add verdict headers; tempfailing");
		return SMFIS_TEMPFAIL;
	}
	if (enforced == ACTION_QUARANTINE) {
		g_autofree char *full = reply_reason(v);
		reason = text_line(full, REPLY_LINE_MAX, TEXT_LINE_ASCII);
		if (smfi_quarantine(ctx, reason) != MI_SUCCESS) {
			log_msg(LOG_ERR, "cannot quarantine; tempfailing");
			return SMFIS_TEMPFAIL;
		}
	}
	return SMFIS_CONTINUE;
}
