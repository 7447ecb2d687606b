/*
 * facts.h - the extracted facts of one message.
 *
 * The contract between extraction (mime.c, extract.c, html.c, urls.c,
 * filetype.c) and the rule engine (rules_*.c).  Plain C and GLib only:
 * no GMime and no libmilter types, so rules can be tested on hand-built
 * facts and the checker runs without an MTA.
 *
 * Ownership: a Facts owns every string and array inside it; facts_free()
 * releases all of it.  Strings are NUL-terminated UTF-8 (invalid bytes are
 * replaced during extraction), never NULL unless documented.
 */
#ifndef AMZ_FACTS_H
#define AMZ_FACTS_H

#include <glib.h>
#include "core/analysis.h"

/* One link the buyer could follow or that the mail client would fetch. */
typedef struct {
	char *url;         /* normalised URL, as quoted back to the sender */
	char *raw;         /* as written in the message (after decoding) */
	char *scheme;      /* lower-case, no colon; "" for scheme-less forms */
	char *host;        /* lower-case ASCII (punycode), no trailing dot; "" if none */
	char *domain;      /* registrable domain of host (public suffix list), else host */
	char *label;       /* visible text of the enclosing <a>, or NULL */
	char *display;     /* url for people to read: an IDN host in Unicode, else the
	                    * url pointer itself (set it with facts_link_set_display) */
	char *display_host;/* host likewise ("bücher.example" for "xn--bcher-kva.example");
	                    * matching and lists use url and host, never these */
	const char *source;/* static: "text", "href", "src", "srcset", "css", "refresh", "action",
	                    * "background", "pdf" and "docx" (links inside attached documents),
	                    * "redirect" (the target a redirector link carries in a parameter) */
} FactLink;

/* One image, inline or remote. */
typedef struct {
	char *src;         /* URL, "cid:…" or "data:<type>" (payload dropped) */
	char *scheme;      /* lower-case: "https", "http", "cid", "data", "" */
	char *host;        /* for remote images, else "" */
	int width;         /* declared width in px, -1 when not declared */
	int height;        /* declared height in px, -1 when not declared */
	gboolean remote;   /* fetched over the network (http/https/scheme-less) */
	gboolean linked;   /* wrapped in <a href=…> */
	char *link_url;    /* that href, or NULL */
	char *link_host;   /* host of that href, or NULL */
} FactImage;

/* One MIME leaf that is not body text: attachments and inline parts alike. */
typedef struct {
	char *name;        /* decoded file name (RFC 2231/2047), "" when none */
	char *ext;         /* lower-case extension of name without the dot, "" when none */
	char *declared;    /* declared Content-Type "type/subtype", lower-case */
	char *magic;       /* type detected from the content (libmagic), lower-case */
	guint64 size;      /* decoded bytes */
	gboolean is_inline;/* Content-Disposition: inline (or none) */
	int depth;         /* MIME nesting depth of the part; members: their container's + 1 */
	char *container;   /* name of the archive or TNEF file holding this member, "" for a MIME part */
	gboolean encrypted;/* an encrypted archive member, or an archive with one */
	gboolean mismatch; /* name, declared type and content disagree (invoice.pdf that is an .exe) */
	gboolean macros;   /* an Office document carrying VBA macros (vbaProject.bin, .docm, …) */
} FactAttachment;

/* One order ID quoted in the subject or the text, with what the order store
 * knows of it (engine/orders.c); every field but id and known is missing
 * (NULL, or the has_/-1 forms) when the store does not know it. */
typedef struct {
	char *id;          /* "112-4455667-8899001", as normalised */
	gboolean known;    /* the store has the order */
	char *market;      /* the order's marketplace: "de", "co.uk" */
	char *status;      /* lower case: "shipped", "canceled" */
	char *buyer;       /* the buyer's relay address */
	char *locale;      /* the buyer's language of preference: "de_DE" */
	gboolean has_days;
	gint64 days;       /* whole days since delivery (negative: not yet delivered) */
	int other_buyer;   /* 1: the buyer is none of the relay recipients, 0: one of them, -1 unknown */
	int other_market;  /* 1: none of the relay recipients' marketplaces, 0: one, -1 unknown */
	guint reviews;     /* review requests recorded for it by other messages */
	guint proactive;   /* proactive messages recorded for it by other messages */
} FactOrder;

typedef struct {
	char *name;        /* header field name as written */
	char *value;       /* unfolded, RFC 2047-decoded value */
} FactHeader;

typedef struct {
	/* Envelope (filled by the caller: the milter or the checker). */
	char *env_from;          /* envelope sender without <>, "" for null sender */
	GPtrArray *rcpts;        /* char*: every envelope recipient, without <> */
	GPtrArray *relay_rcpts;  /* char*: those that are Amazon relay addresses */
	GPtrArray *markets;      /* char*: marketplace of each relay rcpt: "com", "de", "co.uk", "co.jp" (deduplicated) */

	/* Content (filled by extraction). */
	GPtrArray *headers;      /* FactHeader*, top-level message headers in order */
	char *from_address;      /* the bare address of the From: header's first mailbox,
	                          * "" when there is none */
	char *subject;           /* decoded Subject, "" when none */
	GString *text;           /* all decoded text/plain parts and the visible text of
	                          * every text/html part, parts separated by "\n\n" */
	GString *html;           /* raw (decoded) source of every text/html part */
	GPtrArray *links;        /* FactLink* */
	GPtrArray *images;       /* FactImage* */
	GPtrArray *attachments;  /* FactAttachment* */
	GPtrArray *anomalies;    /* char*: "class:detail", e.g. "mime:bad-boundary",
	                          * "limit:parts" — parser warnings and limits crossed */
	GString *hidden_text;    /* HTML text a reader does not see (display:none, font-size 0,
	                          * text coloured like its background…), lines separated by "\n" */
	guint parts;             /* MIME nodes walked: the root, containers, leaves */
	guint64 message_bytes;   /* raw size of the message as received */
	guint64 attachment_bytes;/* sum of FactAttachment.size over non-inline-image parts */
	gboolean reply;          /* In-Reply-To/References present, or [commMgrTok:…] */
	TextAnalysis *analysis;  /* words, sentences and languages of the subject and the
	                          * text (extract/sentences.c); NULL: not analysed */

	/* Orders (engine/orders.c, when an order store is configured). */
	GPtrArray *orders;       /* FactOrder*: the distinct order IDs quoted, in text order */
	gboolean order_store;    /* an order store was consulted */
	gboolean store_stale;    /* its last import is older than store_max_age */
	char *body_digest;       /* SHA-256 of the body as received, hex (set by the
	                          * milter); NULL: the message is not recorded */
	char *message_key;       /* the message's own key for the store's records (a
	                          * digest of Message-ID and body_digest), or NULL */

	/* Brand (engine/brands.c, from the From address, when brands are configured). */
	char *brand;             /* the name of the brand the From address belongs to, or NULL */
	gboolean brand_sender_unapproved;  /* that brand lists its approved senders,
	                                    * and the From address is none of them */
} Facts;

Facts *facts_new(void);
void facts_free(Facts *f);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(Facts, facts_free)

/* facts_add_* - append a fact; copies every string (NULL allowed where noted). */
FactLink *facts_add_link(Facts *f, const char *url, const char *raw, const char *scheme,
                         const char *host, const char *domain, const char *label,
                         const char *source);
FactImage *facts_add_image(Facts *f, const char *src, const char *scheme, const char *host,
                           int width, int height, gboolean remote, const char *link_url,
                           const char *link_host);
FactAttachment *facts_add_attachment(Facts *f, const char *name, const char *declared,
                                     const char *magic, guint64 size, gboolean is_inline,
                                     int depth);
void facts_add_header(Facts *f, const char *name, const char *value);
FactOrder *facts_add_order(Facts *f, const char *id);
void facts_add_anomaly(Facts *f, const char *klass, const char *detail);

/* facts_link_set_display - give a link display forms that differ from url / host */
void facts_link_set_display(FactLink *l, const char *display, const char *display_host);
/* facts_dump_display - the links whose display form differs from url, one a
 * line, after a "links shown as: N" line; nothing when there are none */
void facts_dump_display(const Facts *f, GString *out);

#endif
