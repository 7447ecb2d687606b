/*
 * dump.c - Facts as a human-readable listing, for the checker
 * (amzmilter-check --facts) and for tests.
 *
 * In:  a filled Facts (not modified).
 * Out: text appended to the caller's GString: every field, one value a
 *      line, control characters made visible; text and hidden text shown up
 *      to DUMP_TEXT_BYTES.
 */
#include <string.h>
#include "extract/charset.h"
#include "extract/dump.h"
#include "extract/sentences.h"

#define DUMP_TEXT_BYTES (8 * 1024)

/* dump_str - one value, control characters made visible */
static void dump_str(GString *out, const char *s)
{
	for (const char *p = s ? s : ""; *p; p++) {
		if ((guchar)*p < 0x20 && *p != '\n')
			g_string_append_printf(out, "\\x%02x", (guchar)*p);
		else
			g_string_append_c(out, *p);
	}
}

/* dump_block - n bytes of text as "  | " lines, control bytes escaped */
static void dump_block(GString *out, const char *s, gsize n)
{
	for (gsize i = 0; i < n; i++) {
		if (s[i] == '\n')
			g_string_append(out, "\n  | ");
		else if ((guchar)s[i] < 0x20)
			g_string_append_printf(out, "\\x%02x", (guchar)s[i]);
		else
			g_string_append_c(out, s[i]);
	}
	g_string_append_c(out, '\n');
}

/* dump_links - the links, each with its parts and where it was found */
static void dump_links(const Facts *f, GString *out)
{
	g_string_append_printf(out, "links: %u\n", f->links->len);
	for (guint i = 0; i < f->links->len; i++) {
		const FactLink *l = f->links->pdata[i];
		g_string_append_printf(out, "  [%s] ", l->source);
		dump_str(out, l->url);
		g_string_append(out, "  scheme=");
		dump_str(out, l->scheme);
		g_string_append(out, " host=");
		dump_str(out, l->host);
		g_string_append(out, " domain=");
		dump_str(out, l->domain);
		if (strcmp(l->raw, l->url) != 0) {
			g_string_append(out, " raw=");
			dump_str(out, l->raw);
		}
		if (l->label != NULL) {
			g_string_append(out, " label=\"");
			dump_str(out, l->label);
			g_string_append_c(out, '"');
		}
		g_string_append_c(out, '\n');
	}
}

/* dump_images - the images, each with its size and the link around it */
static void dump_images(const Facts *f, GString *out)
{
	g_string_append_printf(out, "images: %u\n", f->images->len);
	for (guint i = 0; i < f->images->len; i++) {
		const FactImage *im = f->images->pdata[i];
		g_string_append(out, "  ");
		dump_str(out, im->src);
		g_string_append_printf(out, "  scheme=%s host=%s size=%dx%d%s", im->scheme, im->host,
		                       im->width, im->height, im->remote ? " remote" : "");
		if (im->linked) {
			g_string_append(out, " linked=");
			dump_str(out, im->link_url);
			g_string_append(out, " link_host=");
			dump_str(out, im->link_host);
		}
		g_string_append_c(out, '\n');
	}
}

/* dump_attachments - the attachments and the files inside them */
static void dump_attachments(const Facts *f, GString *out)
{
	g_string_append_printf(out, "attachments: %u (%" G_GUINT64_FORMAT " bytes counted)\n",
	                        f->attachments->len, f->attachment_bytes);
	for (guint i = 0; i < f->attachments->len; i++) {
		const FactAttachment *a = f->attachments->pdata[i];
		g_string_append(out, "  \"");
		dump_str(out, a->name);
		g_string_append_printf(out, "\" ext=%s declared=%s magic=%s size=%" G_GUINT64_FORMAT
		                       " %s depth=%d", a->ext, a->declared, a->magic, a->size,
		                       a->is_inline ? "inline" : "attachment", a->depth);
		if (a->container && a->container[0]) {
			g_string_append(out, " container=\"");
			dump_str(out, a->container);
			g_string_append_c(out, '"');
		}
		g_string_append_printf(out, "%s%s%s\n", a->encrypted ? " encrypted" : "",
		                       a->mismatch ? " mismatch" : "", a->macros ? " macros" : "");
	}
}

/* dump_orders - the orders quoted and what the store knows of them */
static void dump_orders(const Facts *f, GString *out)
{
	g_string_append_printf(out, "orders: %u%s\n", f->orders->len, f->store_stale ? " (store stale)" : "");
	for (guint i = 0; i < f->orders->len; i++) {
		const FactOrder *o = f->orders->pdata[i];
		g_string_append_printf(out, "  %s known=%s", o->id, o->known ? "yes" : "no");
		if (o->known) {
			g_string_append_printf(out, " market=%s status=%s buyer=%s locale=%s",
			                       o->market ? o->market : "-", o->status ? o->status : "-",
			                       o->buyer ? o->buyer : "-", o->locale ? o->locale : "-");
			if (o->has_days)
				g_string_append_printf(out, " days=%" G_GINT64_FORMAT, o->days);
			if (o->other_buyer >= 0)
				g_string_append_printf(out, " other_buyer=%s", o->other_buyer ? "yes" : "no");
			if (o->other_market >= 0)
				g_string_append_printf(out, " other_market=%s", o->other_market ? "yes" : "no");
		}
		g_string_append_printf(out, " reviews=%u proactive=%u\n", o->reviews, o->proactive);
	}
}

/* dump_facts - see dump.h */
void dump_facts(const Facts *f, GString *out)
{
	gsize tl = charset_cut(f->text->str, f->text->len, DUMP_TEXT_BYTES);

	g_string_append_printf(out, "message_bytes: %" G_GUINT64_FORMAT "\n", f->message_bytes);
	g_string_append_printf(out, "headers: %u\n", f->headers->len);
	for (guint i = 0; i < f->headers->len; i++) {
		const FactHeader *h = f->headers->pdata[i];
		g_string_append(out, "  ");
		dump_str(out, h->name);
		g_string_append(out, ": ");
		dump_str(out, h->value);
		g_string_append_c(out, '\n');
	}
	g_string_append(out, "subject: ");
	dump_str(out, f->subject);
	g_string_append_printf(out, "\nreply: %s\n", f->reply ? "yes" : "no");
	g_string_append_printf(out, "text: %" G_GSIZE_FORMAT " bytes%s\n", f->text->len,
	                       tl < f->text->len ? " (first part shown)" : "");
	if (tl > 0) {
		g_string_append(out, "  | ");
		dump_block(out, f->text->str, tl);
	}
	g_string_append_printf(out, "language: %s\n", f->analysis != NULL && f->analysis->lang.n > 0
	                                                ? f->analysis->lang.top[0].code : "");
	if (f->order_store)
		dump_orders(f, out);
	g_string_append_printf(out, "html: %" G_GSIZE_FORMAT " bytes\n", f->html->len);
	if (f->hidden_text->len > 0) {
		gsize hl = charset_cut(f->hidden_text->str, f->hidden_text->len, DUMP_TEXT_BYTES);
		g_string_append_printf(out, "hidden_text: %" G_GSIZE_FORMAT " bytes\n  | ",
		                       f->hidden_text->len);
		dump_block(out, f->hidden_text->str, hl);
	}
	g_string_append_printf(out, "parts: %u\n", f->parts);
	dump_links(f, out);
	dump_images(f, out);
	dump_attachments(f, out);
	g_string_append_printf(out, "anomalies: %u\n", f->anomalies->len);
	for (guint i = 0; i < f->anomalies->len; i++) {
		g_string_append(out, "  ");
		dump_str(out, f->anomalies->pdata[i]);
		g_string_append_c(out, '\n');
	}
	facts_dump_display(f, out);
}
