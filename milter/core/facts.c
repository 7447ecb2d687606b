/*
 * facts.c - construction and destruction of Facts (see facts.h).
 */
#include <string.h>
#include "core/facts.h"

static void link_free(gpointer p)
{
	FactLink *l = p;
	if (l->display != l->url)
		g_free(l->display);
	if (l->display_host != l->host)
		g_free(l->display_host);
	g_free(l->url);
	g_free(l->raw);
	g_free(l->scheme);
	g_free(l->host);
	g_free(l->domain);
	g_free(l->label);
	g_free(l);
}

static void image_free(gpointer p)
{
	FactImage *i = p;
	g_free(i->src);
	g_free(i->scheme);
	g_free(i->host);
	g_free(i->link_url);
	g_free(i->link_host);
	g_free(i);
}

static void attachment_free(gpointer p)
{
	FactAttachment *a = p;
	g_free(a->name);
	g_free(a->ext);
	g_free(a->declared);
	g_free(a->magic);
	g_free(a->container);
	g_free(a);
}

static void header_free(gpointer p)
{
	FactHeader *h = p;
	g_free(h->name);
	g_free(h->value);
	g_free(h);
}

static void order_free(gpointer p)
{
	FactOrder *o = p;
	g_free(o->id);
	g_free(o->market);
	g_free(o->status);
	g_free(o->buyer);
	g_free(o->locale);
	g_free(o);
}

FactOrder *facts_add_order(Facts *f, const char *id)
{
	FactOrder *o = g_new0(FactOrder, 1);
	o->id = g_strdup(id);
	o->other_buyer = o->other_market = -1;
	g_ptr_array_add(f->orders, o);
	return o;
}

/* facts_new - empty facts, every array allocated, every string "" */
Facts *facts_new(void)
{
	Facts *f = g_new0(Facts, 1);
	f->env_from = g_strdup("");
	f->from_address = g_strdup("");
	f->rcpts = g_ptr_array_new_with_free_func(g_free);
	f->relay_rcpts = g_ptr_array_new_with_free_func(g_free);
	f->markets = g_ptr_array_new_with_free_func(g_free);
	f->headers = g_ptr_array_new_with_free_func(header_free);
	f->subject = g_strdup("");
	f->text = g_string_new(NULL);
	f->html = g_string_new(NULL);
	f->links = g_ptr_array_new_with_free_func(link_free);
	f->images = g_ptr_array_new_with_free_func(image_free);
	f->attachments = g_ptr_array_new_with_free_func(attachment_free);
	f->anomalies = g_ptr_array_new_with_free_func(g_free);
	f->hidden_text = g_string_new(NULL);
	f->orders = g_ptr_array_new_with_free_func(order_free);
	return f;
}

void facts_free(Facts *f)
{
	if (f == NULL)
		return;
	g_free(f->env_from);
	g_free(f->from_address);
	g_free(f->brand);
	g_ptr_array_unref(f->rcpts);
	g_ptr_array_unref(f->relay_rcpts);
	g_ptr_array_unref(f->markets);
	g_ptr_array_unref(f->headers);
	g_free(f->subject);
	g_string_free(f->text, TRUE);
	g_string_free(f->html, TRUE);
	g_ptr_array_unref(f->links);
	g_ptr_array_unref(f->images);
	g_ptr_array_unref(f->attachments);
	g_ptr_array_unref(f->anomalies);
	g_string_free(f->hidden_text, TRUE);
	text_analysis_free(f->analysis);
	g_ptr_array_unref(f->orders);
	g_free(f->message_key);
	g_free(f->body_digest);
	g_free(f);
}

FactLink *facts_add_link(Facts *f, const char *url, const char *raw, const char *scheme,
                         const char *host, const char *domain, const char *label,
                         const char *source)
{
	FactLink *l = g_new0(FactLink, 1);
	l->url = g_strdup(url ? url : "");
	l->raw = g_strdup(raw ? raw : l->url);
	l->scheme = g_strdup(scheme ? scheme : "");
	l->host = g_strdup(host ? host : "");
	l->domain = g_strdup(domain && *domain ? domain : l->host);
	l->label = g_strdup(label);
	l->display = l->url;            /* shared until a display form differs */
	l->display_host = l->host;
	l->source = source ? source : "text";
	g_ptr_array_add(f->links, l);
	return l;
}

FactImage *facts_add_image(Facts *f, const char *src, const char *scheme, const char *host,
                           int width, int height, gboolean remote, const char *link_url,
                           const char *link_host)
{
	FactImage *i = g_new0(FactImage, 1);
	i->src = g_strdup(src ? src : "");
	i->scheme = g_strdup(scheme ? scheme : "");
	i->host = g_strdup(host ? host : "");
	i->width = width;
	i->height = height;
	i->remote = remote;
	i->linked = link_url != NULL;
	i->link_url = g_strdup(link_url);
	i->link_host = g_strdup(link_host ? link_host : (link_url ? "" : NULL));
	g_ptr_array_add(f->images, i);
	return i;
}

FactAttachment *facts_add_attachment(Facts *f, const char *name, const char *declared,
                                     const char *magic, guint64 size, gboolean is_inline,
                                     int depth)
{
	FactAttachment *a = g_new0(FactAttachment, 1);
	const char *dot;

	a->name = g_strdup(name ? name : "");
	dot = strrchr(a->name, '.');
	a->ext = (dot && dot[1] && !strchr(dot, '/')) ? g_ascii_strdown(dot + 1, -1) : g_strdup("");
	a->declared = g_ascii_strdown(declared ? declared : "application/octet-stream", -1);
	a->magic = g_ascii_strdown(magic ? magic : "application/octet-stream", -1);
	a->size = size;
	a->is_inline = is_inline;
	a->depth = depth;
	a->container = g_strdup("");
	g_ptr_array_add(f->attachments, a);
	return a;
}

void facts_add_header(Facts *f, const char *name, const char *value)
{
	FactHeader *h = g_new0(FactHeader, 1);
	h->name = g_strdup(name ? name : "");
	h->value = g_strdup(value ? value : "");
	g_ptr_array_add(f->headers, h);
}

/* facts_add_anomaly - record "klass:detail" once; repeats add nothing */
void facts_add_anomaly(Facts *f, const char *klass, const char *detail)
{
	char *s = g_strdup_printf("%s:%s", klass, detail ? detail : "");
	for (guint i = 0; i < f->anomalies->len; i++) {
		if (strcmp(f->anomalies->pdata[i], s) == 0) {
			g_free(s);
			return;
		}
	}
	g_ptr_array_add(f->anomalies, s);
}

void facts_link_set_display(FactLink *l, const char *display, const char *display_host)
{
	if (l->display != l->url)
		g_free(l->display);
	if (l->display_host != l->host)
		g_free(l->display_host);
	l->display = display && strcmp(display, l->url) != 0 ? g_strdup(display) : l->url;
	l->display_host = display_host && strcmp(display_host, l->host) != 0 ? g_strdup(display_host)
	                                                                      : l->host;
}

/* facts_dump_display - see facts.h (amzmilter-check --facts) */
void facts_dump_display(const Facts *f, GString *out)
{
	guint n = 0;

	for (guint i = 0; i < f->links->len; i++) {
		const FactLink *l = f->links->pdata[i];
		n += l->display != l->url;
	}
	if (n == 0)
		return;
	g_string_append_printf(out, "links shown as: %u\n", n);
	for (guint i = 0; i < f->links->len; i++) {
		const FactLink *l = f->links->pdata[i];
		if (l->display != l->url)
			g_string_append_printf(out, "  [%s] %s  host=%s\n", l->source, l->display,
			                       l->display_host);
	}
}
