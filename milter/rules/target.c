/*
 * rules/target.c - the vocabulary of the rule language.
 *
 * Which targets exist, which collection each belongs to, what type its
 * values have and how "in @list" compares them; the marketplaces a rule may
 * be restricted to; the placeholders of describe.  rules_target_value()
 * reads one target of one item out of Facts for the evaluator; it never
 * allocates except into the caller's scratch string.
 */
#include <string.h>
#include "rules/internal.h"
#include "core/analysis.h"

/* header.NAME: every header name is one target */
#define HEADER_PREFIX "header."

/* Columns as in TargetDef: name, id, collection, value type, how "in @list"
 * compares.  In this order for suggestions: the first of equally near
 * names wins. */
static const TargetDef targets[] = {
	{ "from",              TG_FROM,           COLL_NONE,       VT_STR,  LM_ADDRESS },
	{ "from_address",      TG_FROM_ADDRESS,   COLL_NONE,       VT_STR,  LM_ADDRESS },
	{ "rcpt",              TG_RCPT,           COLL_RCPT,       VT_STR,  LM_ADDRESS },
	{ "header.",           TG_HEADER,         COLL_HEADER,     VT_STR,  LM_EXACT },
	{ "headers",           TG_HEADERS,        COLL_HEADERS,    VT_STR,  LM_EXACT },
	{ "subject",           TG_SUBJECT,        COLL_NONE,       VT_STR,  LM_EXACT },
	{ "text",              TG_TEXT,           COLL_NONE,       VT_STR,  LM_EXACT },
	{ "html",              TG_HTML,           COLL_NONE,       VT_STR,  LM_EXACT },
	{ "hidden_text",       TG_HIDDEN_TEXT,    COLL_NONE,       VT_STR,  LM_EXACT },
	{ "link",              TG_LINK,           COLL_LINK,       VT_STR,  LM_EXACT },
	{ "link.raw",          TG_LINK_RAW,       COLL_LINK,       VT_STR,  LM_EXACT },
	{ "link.scheme",       TG_LINK_SCHEME,    COLL_LINK,       VT_STR,  LM_EXACT },
	{ "link.host",         TG_LINK_HOST,      COLL_LINK,       VT_STR,  LM_HOST },
	{ "link.domain",       TG_LINK_DOMAIN,    COLL_LINK,       VT_STR,  LM_HOST },
	{ "link.source",       TG_LINK_SOURCE,    COLL_LINK,       VT_STR,  LM_EXACT },
	{ "link.label",        TG_LINK_LABEL,     COLL_LINK,       VT_STR,  LM_EXACT },
	{ "image",             TG_IMAGE,          COLL_IMAGE,      VT_STR,  LM_EXACT },
	{ "image.scheme",      TG_IMAGE_SCHEME,   COLL_IMAGE,      VT_STR,  LM_EXACT },
	{ "image.host",        TG_IMAGE_HOST,     COLL_IMAGE,      VT_STR,  LM_HOST },
	{ "image.width",       TG_IMAGE_WIDTH,    COLL_IMAGE,      VT_NUM,  LM_EXACT },
	{ "image.height",      TG_IMAGE_HEIGHT,   COLL_IMAGE,      VT_NUM,  LM_EXACT },
	{ "image.remote",      TG_IMAGE_REMOTE,   COLL_IMAGE,      VT_BOOL, LM_EXACT },
	{ "image.linked",      TG_IMAGE_LINKED,   COLL_IMAGE,      VT_BOOL, LM_EXACT },
	{ "image.link",        TG_IMAGE_LINK,     COLL_IMAGE,      VT_STR,  LM_EXACT },
	{ "image.link_host",   TG_IMAGE_LINK_HOST, COLL_IMAGE,     VT_STR,  LM_HOST },
	{ "attachment.name",   TG_ATT_NAME,       COLL_ATTACHMENT, VT_STR,  LM_EXACT },
	{ "attachment.ext",    TG_ATT_EXT,        COLL_ATTACHMENT, VT_STR,  LM_EXACT },
	{ "attachment.type",   TG_ATT_TYPE,       COLL_ATTACHMENT, VT_STR,  LM_TYPE },
	{ "attachment.magic",  TG_ATT_MAGIC,      COLL_ATTACHMENT, VT_STR,  LM_TYPE },
	{ "attachment.size",   TG_ATT_SIZE,       COLL_ATTACHMENT, VT_NUM,  LM_EXACT },
	{ "attachment.inline", TG_ATT_INLINE,     COLL_ATTACHMENT, VT_BOOL, LM_EXACT },
	{ "attachment.depth",  TG_ATT_DEPTH,      COLL_ATTACHMENT, VT_NUM,  LM_EXACT },
	{ "attachment.container", TG_ATT_CONTAINER, COLL_ATTACHMENT, VT_STR, LM_EXACT },
	{ "attachment.encrypted", TG_ATT_ENCRYPTED, COLL_ATTACHMENT, VT_BOOL, LM_EXACT },
	{ "attachment.mismatch", TG_ATT_MISMATCH, COLL_ATTACHMENT, VT_BOOL, LM_EXACT },
	{ "attachment.macros", TG_ATT_MACROS,     COLL_ATTACHMENT, VT_BOOL, LM_EXACT },
	{ "attachments.count", TG_ATTS_COUNT,     COLL_NONE,       VT_NUM,  LM_EXACT },
	{ "attachments.bytes", TG_ATTS_BYTES,     COLL_NONE,       VT_NUM,  LM_EXACT },
	{ "message.bytes",     TG_MESSAGE_BYTES,  COLL_NONE,       VT_NUM,  LM_EXACT },
	{ "links.count",       TG_LINKS_COUNT,    COLL_NONE,       VT_NUM,  LM_EXACT },
	{ "images.count",      TG_IMAGES_COUNT,   COLL_NONE,       VT_NUM,  LM_EXACT },
	{ "parts.count",       TG_PARTS_COUNT,    COLL_NONE,       VT_NUM,  LM_EXACT },
	{ "reply",             TG_REPLY,          COLL_NONE,       VT_BOOL, LM_EXACT },
	{ "anomaly",           TG_ANOMALY,        COLL_ANOMALY,    VT_STR,  LM_EXACT },
	{ "market",            TG_MARKET,         COLL_MARKET,     VT_STR,  LM_EXACT },
	{ "sentence",          TG_SENTENCE,       COLL_SENTENCE,   VT_STR,  LM_EXACT },
	{ "passage",           TG_PASSAGE,        COLL_PASSAGE,    VT_STR,  LM_EXACT },
	{ "language",          TG_LANGUAGE,       COLL_NONE,       VT_STR,  LM_EXACT },
	{ "language.foreign",  TG_LANGUAGE_FOREIGN, COLL_NONE,     VT_BOOL, LM_EXACT },
	{ "language.read",     TG_LANGUAGE_READ,  COLL_NONE,       VT_BOOL, LM_EXACT },
	{ "sentence.question", TG_SENTENCE_QUESTION, COLL_SENTENCE, VT_BOOL, LM_EXACT },
	{ "order",             TG_ORDER,          COLL_ORDER,      VT_STR,  LM_EXACT },
	{ "order.known",       TG_ORDER_KNOWN,    COLL_ORDER,      VT_BOOL, LM_EXACT },
	{ "order.buyer",       TG_ORDER_BUYER,    COLL_ORDER,      VT_STR,  LM_ADDRESS },
	{ "order.other_buyer", TG_ORDER_OTHER_BUYER, COLL_ORDER,   VT_BOOL, LM_EXACT },
	{ "order.market",      TG_ORDER_MARKET,   COLL_ORDER,      VT_STR,  LM_EXACT },
	{ "order.other_market", TG_ORDER_OTHER_MARKET, COLL_ORDER, VT_BOOL, LM_EXACT },
	{ "order.status",      TG_ORDER_STATUS,   COLL_ORDER,      VT_STR,  LM_EXACT },
	{ "order.days",        TG_ORDER_DAYS,     COLL_ORDER,      VT_NUM,  LM_EXACT },
	{ "order.locale",      TG_ORDER_LOCALE,   COLL_ORDER,      VT_STR,  LM_EXACT },
	{ "order.language",    TG_ORDER_LANGUAGE, COLL_ORDER,      VT_STR,  LM_EXACT },
	{ "order.language_other", TG_ORDER_LANGUAGE_OTHER, COLL_ORDER, VT_BOOL, LM_EXACT },
	{ "order.reviews",     TG_ORDER_REVIEWS,  COLL_ORDER,      VT_NUM,  LM_EXACT },
	{ "order.proactive",   TG_ORDER_PROACTIVE, COLL_ORDER,     VT_NUM,  LM_EXACT },
	{ "orders.count",      TG_ORDERS_COUNT,   COLL_NONE,       VT_NUM,  LM_EXACT },
	{ "orders.known",      TG_ORDERS_KNOWN,   COLL_NONE,       VT_NUM,  LM_EXACT },
	{ "orders.store",      TG_ORDERS_STORE,   COLL_NONE,       VT_BOOL, LM_EXACT },
	{ "orders.stale",      TG_ORDERS_STALE,   COLL_NONE,       VT_BOOL, LM_EXACT },
	{ "brand",             TG_BRAND,          COLL_NONE,       VT_STR,  LM_EXACT },
	{ "brand.sender_unapproved", TG_BRAND_SENDER_UNAPPROVED, COLL_NONE, VT_BOOL, LM_EXACT },
};

/* The names of targets[], filled once (rules_target_names) */
static const char *target_names[G_N_ELEMENTS(targets)];

/* rules_target_find - "header.X" maps to the header.* entry; NULL when unknown */
const TargetDef *rules_target_find(const char *name)
{
	gsize hlen = strlen(HEADER_PREFIX);

	if (g_ascii_strncasecmp(name, HEADER_PREFIX, hlen) == 0) {
		if (name[hlen] == '\0')
			return NULL;
		name = HEADER_PREFIX;           /* the header.* entry */
	}
	for (guint i = 0; i < G_N_ELEMENTS(targets); i++)
		if (strcmp(targets[i].name, name) == 0)
			return &targets[i];
	return NULL;
}

/* rules_target_names - every target name, for suggestions ("header." included) */
const char *const *rules_target_names(guint *n)
{
	static gsize once = 0;

	if (g_once_init_enter(&once)) {
		for (guint i = 0; i < G_N_ELEMENTS(targets); i++)
			target_names[i] = targets[i].name;
		g_once_init_leave(&once, 1);
	}
	*n = G_N_ELEMENTS(targets);
	return target_names;
}

/* Amazon marketplaces, as the relay address's domain suffix. */
static const char *const markets[] = {
	"com", "co.uk", "de", "fr", "it", "es", "ca", "co.jp", "com.mx", "com.br", "in",
	"com.au", "nl", "com.tr", "pl", "se", "com.be", "ae", "sa", "sg", "eg", "ie", "co.za",
};

gboolean rules_market_known(const char *m)
{
	for (guint i = 0; i < G_N_ELEMENTS(markets); i++)
		if (g_ascii_strcasecmp(markets[i], m) == 0)
			return TRUE;
	return FALSE;
}

const char *const *rules_market_names(guint *n)
{
	*n = G_N_ELEMENTS(markets);
	return markets;
}

static const char *const placeholders[PH__N] = {
	[PH_NONE] = "", [PH_MATCH] = "match", [PH_VALUE] = "value", [PH_URL] = "url",
	[PH_HOST] = "host", [PH_NAME] = "name", [PH_EXT] = "ext", [PH_MAGIC] = "magic",
	[PH_TYPE] = "type", [PH_SIZE] = "size", [PH_COUNT] = "count", [PH_RULES] = "rules",
	[PH_ID] = "id", [PH_MARKET] = "market", [PH_ORDER] = "order",
};

Placeholder rules_placeholder_find(const char *name)
{
	for (guint i = 1; i < PH__N; i++)
		if (strcmp(placeholders[i], name) == 0)
			return (Placeholder)i;
	return PH_NONE;
}

const char *rules_placeholder_name(Placeholder p)
{
	return placeholders[p];
}

const char *const *rules_placeholder_names(guint *n)
{
	*n = PH__N - 1;
	return placeholders + 1;
}

/* attachments.count counts what attachment_bytes sums: all but inline images
 * and archive members */
static gint64 attachment_count(const Facts *f)
{
	gint64 n = 0;
	for (guint i = 0; i < f->attachments->len; i++) {
		const FactAttachment *a = f->attachments->pdata[i];
		if (!(a->is_inline && g_str_has_prefix(a->magic, "image/")) &&
		    (a->container == NULL || a->container[0] == '\0'))
			n++;        /* files inside an archive are counted as the archive */
	}
	return n;
}

guint rules_coll_len(const Facts *f, Coll c)
{
	switch (c) {
	case COLL_NONE: return 1;
	case COLL_RCPT: return f->rcpts->len;
	case COLL_HEADER:
	case COLL_HEADERS: return f->headers->len;
	case COLL_LINK: return f->links->len;
	case COLL_IMAGE: return f->images->len;
	case COLL_ATTACHMENT: return f->attachments->len;
	case COLL_ANOMALY: return f->anomalies->len;
	case COLL_MARKET: return f->markets->len;
	case COLL_SENTENCE:
	case COLL_PASSAGE: return f->analysis ? f->analysis->sentences->len : 0;
	case COLL_ORDER: return f->orders->len;
	}
	return 0;
}

gboolean rules_coll_member(const Facts *f, Coll c, const char *hname, guint idx)
{
	if (c != COLL_HEADER)
		return TRUE;
	const FactHeader *h = f->headers->pdata[idx];
	return g_ascii_strcasecmp(h->name, hname) == 0;
}

static gboolean str_value(const char *s, Value *out)
{
	if (s == NULL)
		return FALSE;
	out->s = s;
	return TRUE;
}

static gboolean host_value(const char *s, Value *out)
{
	if (s == NULL || *s == '\0')
		return FALSE;
	out->s = s;
	return TRUE;
}

/* sentence_value - n sentences from idx (fewer at the end), as written */
static gboolean sentence_value(const TextAnalysis *a, guint idx, guint n, GString *scratch, Value *out)
{
	const TextSentence *s, *e;

	if (a == NULL || idx >= a->sentences->len)
		return FALSE;
	s = &g_array_index(a->sentences, TextSentence, idx);
	e = &g_array_index(a->sentences, TextSentence, MIN(idx + n, a->sentences->len) - 1);
	g_string_truncate(scratch, 0);
	g_string_append_len(scratch, a->text->str + s->start, e->start + e->len - s->start);
	out->s = scratch->str;
	return TRUE;
}

/* order_language - the language of the buyer's locale: "de" of "de_DE" */
static gboolean order_language(const FactOrder *o, GString *scratch, Value *out)
{
	gsize n;

	if (o->locale == NULL || o->locale[0] == '\0')
		return FALSE;
	n = strcspn(o->locale, "_-");
	g_string_truncate(scratch, 0);
	for (gsize i = 0; i < n; i++)
		g_string_append_c(scratch, g_ascii_tolower(o->locale[i]));
	out->s = scratch->str;
	return TRUE;
}

gboolean rules_target_value(const Facts *f, const TargetRef *ref, guint idx,
                            GString *scratch, Value *out)
{
	const FactLink *l = NULL;
	const FactImage *im = NULL;
	const FactAttachment *a = NULL;
	const FactOrder *o = NULL;

	switch (ref->def->coll) {
	case COLL_ORDER:
		if (idx >= f->orders->len) return FALSE;
		o = f->orders->pdata[idx];
		break;
	case COLL_LINK:
		if (idx >= f->links->len) return FALSE;
		l = f->links->pdata[idx];
		break;
	case COLL_IMAGE:
		if (idx >= f->images->len) return FALSE;
		im = f->images->pdata[idx];
		break;
	case COLL_ATTACHMENT:
		if (idx >= f->attachments->len) return FALSE;
		a = f->attachments->pdata[idx];
		break;
	default:
		break;
	}

	switch (ref->def->id) {
	case TG_FROM: return str_value(f->env_from, out);
	case TG_FROM_ADDRESS: return str_value(f->from_address, out);
	case TG_RCPT:
		return idx < f->rcpts->len && str_value(f->rcpts->pdata[idx], out);
	case TG_HEADER: {
		if (idx >= f->headers->len) return FALSE;
		const FactHeader *h = f->headers->pdata[idx];
		return str_value(h->value, out);
	}
	case TG_HEADERS: {
		if (idx >= f->headers->len) return FALSE;
		const FactHeader *h = f->headers->pdata[idx];
		g_string_printf(scratch, "%s: %s", h->name, h->value);
		out->s = scratch->str;
		return TRUE;
	}
	case TG_SUBJECT: return str_value(f->subject, out);
	case TG_TEXT: return str_value(f->text->str, out);
	case TG_HTML: return str_value(f->html->str, out);
	case TG_LINK: return str_value(l->url, out);
	case TG_LINK_RAW: return str_value(l->raw, out);
	case TG_LINK_SCHEME: return str_value(l->scheme, out);
	case TG_LINK_HOST: return host_value(l->host, out);
	case TG_LINK_DOMAIN: return host_value(l->domain, out);
	case TG_LINK_SOURCE: return str_value(l->source, out);
	case TG_LINK_LABEL: return str_value(l->label, out);
	case TG_IMAGE: return str_value(im->src, out);
	case TG_IMAGE_SCHEME: return str_value(im->scheme, out);
	case TG_IMAGE_HOST: return host_value(im->host, out);
	case TG_IMAGE_WIDTH:
		out->n = im->width;
		return im->width >= 0;
	case TG_IMAGE_HEIGHT:
		out->n = im->height;
		return im->height >= 0;
	case TG_IMAGE_REMOTE: out->b = im->remote; return TRUE;
	case TG_IMAGE_LINKED: out->b = im->linked; return TRUE;
	case TG_IMAGE_LINK: return str_value(im->link_url, out);
	case TG_IMAGE_LINK_HOST: return host_value(im->link_host, out);
	case TG_ATT_NAME: return str_value(a->name, out);
	case TG_ATT_EXT: return str_value(a->ext, out);
	case TG_ATT_TYPE: return str_value(a->declared, out);
	case TG_ATT_MAGIC: return str_value(a->magic, out);
	case TG_ATT_SIZE: out->n = (gint64)MIN(a->size, (guint64)G_MAXINT64); return TRUE;
	case TG_ATT_INLINE: out->b = a->is_inline; return TRUE;
	case TG_ATT_DEPTH: out->n = a->depth; return TRUE;
	case TG_ATT_CONTAINER: return host_value(a->container, out);   /* missing for MIME parts */
	case TG_ATT_ENCRYPTED: out->b = a->encrypted; return TRUE;
	case TG_ATT_MISMATCH: out->b = a->mismatch; return TRUE;
	case TG_ATT_MACROS: out->b = a->macros; return TRUE;
	case TG_HIDDEN_TEXT: return str_value(f->hidden_text ? f->hidden_text->str : NULL, out);
	case TG_PARTS_COUNT: out->n = f->parts; return TRUE;
	case TG_ATTS_COUNT: out->n = attachment_count(f); return TRUE;
	case TG_ATTS_BYTES: out->n = (gint64)MIN(f->attachment_bytes, (guint64)G_MAXINT64); return TRUE;
	case TG_MESSAGE_BYTES: out->n = (gint64)MIN(f->message_bytes, (guint64)G_MAXINT64); return TRUE;
	case TG_LINKS_COUNT: out->n = f->links->len; return TRUE;
	case TG_IMAGES_COUNT: out->n = f->images->len; return TRUE;
	case TG_REPLY: out->b = f->reply; return TRUE;
	case TG_ANOMALY:
		return idx < f->anomalies->len && str_value(f->anomalies->pdata[idx], out);
	case TG_MARKET:
		return idx < f->markets->len && str_value(f->markets->pdata[idx], out);
	case TG_SENTENCE:
	case TG_PASSAGE:
		return sentence_value(f->analysis, idx, ref->def->id == TG_PASSAGE ? RULES_PASSAGE : 1, scratch, out);
	case TG_LANGUAGE:
		return f->analysis != NULL && f->analysis->lang.n > 0 && str_value(f->analysis->lang.top[0].code, out);
	case TG_LANGUAGE_FOREIGN:
	case TG_LANGUAGE_READ:
		return FALSE;
	case TG_SENTENCE_QUESTION:
		if (f->analysis == NULL || idx >= f->analysis->sentences->len)
			return FALSE;
		out->b = lexicon_question(f->analysis, &g_array_index(f->analysis->sentences, TextSentence, idx));
		return TRUE;   /* needs the ruleset's lists: rules/eval.c reads it */
	case TG_ORDER: return str_value(o->id, out);
	case TG_ORDER_KNOWN: out->b = o->known; return TRUE;
	case TG_ORDER_BUYER: return host_value(o->buyer, out);
	case TG_ORDER_OTHER_BUYER: out->b = o->other_buyer == 1; return o->other_buyer >= 0;
	case TG_ORDER_MARKET: return host_value(o->market, out);
	case TG_ORDER_OTHER_MARKET: out->b = o->other_market == 1; return o->other_market >= 0;
	case TG_ORDER_STATUS: return host_value(o->status, out);
	case TG_ORDER_DAYS: out->n = o->days; return o->has_days;
	case TG_ORDER_LOCALE: return host_value(o->locale, out);
	case TG_ORDER_LANGUAGE:
		return order_language(o, scratch, out);
	case TG_ORDER_LANGUAGE_OTHER: {
		Value l;
		if (!order_language(o, scratch, &l) || f->analysis == NULL || f->analysis->lang.n == 0 ||
		    !f->analysis->lang.reliable)
			return FALSE;
		out->b = g_ascii_strcasecmp(l.s, f->analysis->lang.top[0].code) != 0;
		return TRUE;
	}
	case TG_ORDER_REVIEWS: out->n = o->reviews; return o->known || o->reviews;
	case TG_ORDER_PROACTIVE: out->n = o->proactive; return o->known || o->proactive;
	case TG_ORDERS_COUNT: out->n = f->orders->len; return f->order_store;
	case TG_ORDERS_KNOWN: {
		out->n = 0;
		for (guint i = 0; i < f->orders->len; i++)
			out->n += ((const FactOrder *)f->orders->pdata[i])->known;
		return f->order_store;
	}
	case TG_ORDERS_STORE: out->b = f->order_store; return TRUE;
	case TG_ORDERS_STALE: out->b = f->store_stale; return f->order_store;
	case TG_BRAND: return f->brand != NULL && str_value(f->brand, out);
	case TG_BRAND_SENDER_UNAPPROVED: out->b = f->brand_sender_unapproved; return f->brand != NULL;
	}
	return FALSE;
}
