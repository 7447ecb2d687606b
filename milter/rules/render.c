/*
 * rules/render.c - what a fired rule tells: the reply message and the evidence.
 *
 * Input: the rule, the message's Facts and the Fire record of the item that
 * fired it (rules/eval.c).  Output: newly allocated strings (the caller
 * frees them): the describe sentence with its placeholders filled in, and
 * the evidence shown in logs.  Both are valid UTF-8 on one line, cut to
 * RULES_MESSAGE_MAX and RULES_EVIDENCE_MAX bytes.
 */
#include <string.h>
#include "rules/internal.h"
#include "util/text.h"

/* append_line - s as one line of valid UTF-8 (replies are single lines),
 * at most max bytes */
static void append_line(GString *out, const char *s, gsize max)
{
	g_autofree char *line = text_line(s, max, TEXT_LINE_UTF8);

	g_string_append(out, line);
}

/* human_size - n bytes as a sender reads them */
static char *human_size(guint64 n)
{
	if (n < 1024)
		return g_strdup_printf("%" G_GUINT64_FORMAT " bytes", n);
	if (n < 1024 * 1024)
		return g_strdup_printf("%.1f KB", n / 1024.0);
	return g_strdup_printf("%.1f MB", n / (1024.0 * 1024.0));
}

/* shown - how a sender reads a link: an IDN host in Unicode, and the
 * punycode beside it, since that is what it was judged by */
static char *shown(const char *display, const char *ascii)
{
	if (display == NULL || strcmp(display, ascii) == 0)
		return g_strdup(ascii);
	return g_strdup_printf("%s (%s)", display, ascii);
}

/* placeholder_value - what ph stands for when r fired as fi */
static char *placeholder_value(const Rule *r, const Facts *f, const Fire *fi, Placeholder ph)
{
	const FactLink *l = fi->coll == COLL_LINK ? f->links->pdata[fi->idx] : NULL;
	const FactImage *im = fi->coll == COLL_IMAGE ? f->images->pdata[fi->idx] : NULL;
	const FactAttachment *a = fi->coll == COLL_ATTACHMENT ? f->attachments->pdata[fi->idx] : NULL;

	switch (ph) {
	case PH_MATCH: return g_strdup(fi->have_match ? fi->match->str : "");
	case PH_VALUE: return g_strdup(fi->have_value ? fi->value->str : "");
	case PH_URL: return l ? shown(l->display, l->url) : g_strdup(im ? im->src : "");
	case PH_HOST: return l ? shown(l->display_host, l->host) : g_strdup(im ? im->host : "");
	case PH_NAME: return g_strdup(a ? (*a->name ? a->name : "(unnamed attachment)") : "");
	case PH_EXT: return g_strdup(a ? a->ext : "");
	case PH_MAGIC: return g_strdup(a ? a->magic : "");
	case PH_TYPE: return g_strdup(a ? a->declared : "");
	case PH_SIZE: return a ? human_size(a->size) : g_strdup("");
	case PH_COUNT: return g_strdup_printf("%u", fi->count);
	case PH_RULES: return g_strdup(fi->rules ? fi->rules->str : "");
	case PH_ID: return g_strdup(r->id);
	case PH_ORDER:
		return g_strdup(fi->coll == COLL_ORDER ? ((const FactOrder *)f->orders->pdata[fi->idx])->id : "");
	case PH_MARKET: {
		GString *s = g_string_new(NULL);
		for (guint i = 0; i < f->markets->len; i++)
			g_string_append_printf(s, "%s%s", i ? ", " : "", (const char *)f->markets->pdata[i]);
		return g_string_free(s, FALSE);
	}
	default: return g_strdup("");
	}
}

/* rules_render_message - r's describe with its placeholders filled in */
char *rules_render_message(const Rule *r, const Facts *f, const Fire *fi)
{
	GString *msg = g_string_new(NULL);
	GString *out = g_string_new(NULL);

	for (guint i = 0; r->segs && i < r->segs->len; i++) {
		const Seg *sg = &g_array_index(r->segs, Seg, i);
		if (sg->ph == PH_NONE) {
			g_string_append(msg, sg->lit);
		} else {
			char *v = placeholder_value(r, f, fi, sg->ph);
			append_line(msg, v, RULES_VALUE_MAX);
			g_free(v);
		}
	}
	append_line(out, msg->str, RULES_MESSAGE_MAX);
	g_string_free(msg, TRUE);
	return g_string_free(out, FALSE);
}

/* rules_render_evidence - the item or text that fired, for the log */
char *rules_render_evidence(const Facts *f, const Fire *fi)
{
	GString *raw = g_string_new(NULL);
	GString *out = g_string_new(NULL);

	switch (fi->coll) {
	case COLL_LINK: {
		const FactLink *l = f->links->pdata[fi->idx];
		char *v = shown(l->display, l->url);
		g_string_assign(raw, v);
		g_free(v);
		break;
	}
	case COLL_IMAGE:
		g_string_assign(raw, ((const FactImage *)f->images->pdata[fi->idx])->src);
		break;
	case COLL_ATTACHMENT: {
		const FactAttachment *a = f->attachments->pdata[fi->idx];
		if (*a->name)
			g_string_printf(raw, "%s (%s)", a->name, a->magic);
		else
			g_string_printf(raw, "unnamed (%s)", a->magic);
		break;
	}
	case COLL_HEADER:
	case COLL_HEADERS: {
		const FactHeader *h = f->headers->pdata[fi->idx];
		g_string_printf(raw, "%s: %s", h->name, h->value);
		break;
	}
	case COLL_RCPT:
		g_string_assign(raw, f->rcpts->pdata[fi->idx]);
		break;
	case COLL_ANOMALY:
		g_string_assign(raw, f->anomalies->pdata[fi->idx]);
		break;
	case COLL_MARKET:
		/* A market guards a phrase test: the phrase is what to show. */
		g_string_assign(raw, fi->have_match ? fi->match->str : (const char *)f->markets->pdata[fi->idx]);
		break;
	case COLL_SENTENCE:
	case COLL_PASSAGE:
		/* the words that made it fire; else the sentence itself */
		if (fi->have_match)
			g_string_assign(raw, fi->match->str);
		else if (fi->have_value)
			g_string_assign(raw, fi->value->str);
		break;
	case COLL_ORDER:
		g_string_assign(raw, ((const FactOrder *)f->orders->pdata[fi->idx])->id);
		break;
	case COLL_NONE:
		if (fi->rules)
			g_string_assign(raw, fi->rules->str);
		else if (fi->have_match)
			g_string_assign(raw, fi->match->str);
		else if (fi->have_value)
			g_string_assign(raw, fi->value->str);
		break;
	}
	append_line(out, raw->str, RULES_EVIDENCE_MAX);
	g_string_free(raw, TRUE);
	return g_string_free(out, FALSE);
}
