/*
 * fuzz_shapes.c - libFuzzer target: a small input chooses a large message.
 *
 * fuzz_message takes its input as the message, so it never gets past the
 * lengths libFuzzer mutates well; the shapes that make a parser amplify its
 * work need hundreds of thousands of parts or megabytes of markup.  Here
 * the input is a program (shape_build): a first byte of flags, then steps,
 * each an opcode byte and a few argument bytes, appending to the message:
 *
 *   PARTS    N parts of one template (empty, text, HTML, message/rfc822,
 *            a PDF attachment, a chain of message/rfc822 headers, a link)
 *   OPEN     a nested multipart (its own boundary, or its parent's)
 *   CLOSE    the closing delimiter of the innermost multipart
 *   HTML     a text/html part: one tag sequence (from a table, or up to
 *            SHAPE_MAX_UNIT input bytes) repeated N times
 *   HEADERS  one header field repeated N times (in the top-level header
 *            block while no body step came yet, else in a part)
 *   BYTES    up to 255 input bytes as they are
 *
 * Counts take two bytes: a power of two and a fraction of the next one, so
 * a handful of input bytes reaches any size up to the step's maximum.  The
 * message is capped at SHAPE_MAX_BYTES; then it runs through
 * extract_stream() and rules_eval() with the shipped configuration, as in
 * fuzz_message.c (AMZ_FUZZ_CONF, else conf/amzmilter.conf of AMZ_SOURCE_DIR).
 * With AMZ_SHAPES_DUMP=FILE the message is also written to FILE, to replay
 * a finding with amzmilter-check.
 */
#include <stdint.h>
#include <string.h>
#include "harness.h"

#define SHAPE_MAX_BYTES (8u << 20)    /* the largest message built */
#define SHAPE_MAX_PARTS 500000u       /* parts in one PARTS step */
#define SHAPE_MAX_REPEAT 1000000u     /* tag sequences in one HTML step */
#define SHAPE_MAX_HEADERS 200000u     /* fields in one HEADERS step */
#define SHAPE_MAX_CHAIN 64u           /* message/rfc822 headers in one chained part */
#define SHAPE_MAX_DEPTH 32            /* open multiparts */
#define SHAPE_MAX_UNIT 16             /* input bytes taken as a tag sequence */
#define SHAPE_COUNT_BITS 20           /* counts reach 2^SHAPE_COUNT_BITS before capping */

enum { OP_PARTS, OP_OPEN, OP_CLOSE, OP_HTML, OP_HEADERS, OP_BYTES, OP_COUNT };
enum { FLAG_CRLF = 1, FLAG_MBOX = 2 };

static const char *const top_types[] = {
	"multipart/mixed", "multipart/alternative", "multipart/digest", "multipart/related",
	"text/html", "text/plain", "message/rfc822", "multipart/mixed; charset=utf-8",
};

static const char *const tags[] = {
	"<li><dd>", "<div>", "<table><tr><td>", "<a href=\"https://x.example/\">", "<b><i><u>",
	"<p>", "<span style=\"display:none\">", "<font size=0>", "</div>",
	"<img src=\"https://x.example/i.png\">", "<ul>", "<!--", "<svg><g>", "<select><option>",
	"<li><dd></dd></li>", "<a href=\"https://x.example/\">x</a>",
};

static const char *const header_names[] = {
	"X-H", "Received", "Content-Type", "To", "Subject", "Content-Disposition", "Cc",
	"MIME-Version",
};


/* The input, read from the front; past its end every byte reads as 0. */
typedef struct {
	const uint8_t *p, *end;
} Cursor;

/* The message under construction. */
typedef struct {
	GString *out;
	int depth;            /* open multiparts */
	char bounds[SHAPE_MAX_DEPTH][8];
	gboolean in_head;     /* still in the top-level header block */
	guint top;            /* index into top_types */
} Shape;

/* next - one input byte; 0 past the end so that every input is a program */
static guint next(Cursor *c)
{
	return c->p < c->end ? *c->p++ : 0;
}

/* count - a size from two bytes, up to max: small inputs reach large shapes */
static guint count(Cursor *c, guint max)
{
	guint e = next(c) % SHAPE_COUNT_BITS, n = 1u << e;

	n += next(c) * n / 256;
	return MIN(n, max);
}

/* room - whether len more bytes fit under SHAPE_MAX_BYTES */
static gboolean room(const Shape *s, gsize len)
{
	return s->out->len + len <= SHAPE_MAX_BYTES;
}

/* repeat - unit n times, as many as fit */
static void repeat(Shape *s, const char *unit, gsize len, guint n)
{
	for (guint i = 0; i < n && room(s, len); i++)
		g_string_append_len(s->out, unit, (gssize)len);
}

/* body - end the top-level header block before the first body step */
static void body(Shape *s)
{
	if (!s->in_head)
		return;
	if (g_str_has_prefix(top_types[s->top], "multipart/"))
		g_string_append_printf(s->out, "Content-Type: %s; boundary=\"%s\"\n\n",
		                       top_types[s->top], s->bounds[0]);
	else
		g_string_append_printf(s->out, "Content-Type: %s\n\n", top_types[s->top]);
	s->in_head = FALSE;
}

/* delimiter - the delimiter line of the innermost multipart */
static void delimiter(Shape *s, GString *to)
{
	g_string_append_printf(to, "--%s\n", s->bounds[MAX(s->depth - 1, 0)]);
}

/* step_parts - N parts of one template */
static void step_parts(Shape *s, Cursor *c)
{
	guint kind = next(c) % 8, n = count(c, SHAPE_MAX_PARTS);
	GString *unit = g_string_new(NULL);

	if (kind != 6)
		delimiter(s, unit);
	switch (kind) {
	case 0: g_string_append(unit, "\n"); break;
	case 1: g_string_append(unit, "Content-Type: text/plain\n\nx\n"); break;
	case 2: g_string_append(unit, "Content-Type: text/html\n\n<p>x</p>\n"); break;
	case 3: g_string_append(unit, "Content-Type: message/rfc822\n\nSubject: x\n\nhi\n"); break;
	case 4:
		g_string_append(unit, "Content-Type: application/pdf; name=\"a.pdf\"\n"
		                      "Content-Transfer-Encoding: base64\n\nJVBERi0xLjQK\n");
		break;
	case 5: {
		guint links = 1 + next(c) % SHAPE_MAX_CHAIN;
		for (guint i = 0; i < links; i++)
			g_string_append(unit, "Content-Type: message/rfc822\n\n");
		g_string_append(unit, "hi\n");
		break;
	}
	case 6: g_string_append(unit, "Content-Type: message/rfc822\n\n"); break;
	default: g_string_append(unit, "Content-Type: text/plain\n\nhttps://a.example/x\n"); break;
	}
	repeat(s, unit->str, unit->len, n);
	g_string_free(unit, TRUE);
}

/* step_open - a nested multipart, with its own boundary or its parent's */
static void step_open(Shape *s, Cursor *c)
{
	guint b = next(c);

	if (s->depth >= SHAPE_MAX_DEPTH || !room(s, 128))
		return;
	delimiter(s, s->out);
	g_snprintf(s->bounds[s->depth], sizeof s->bounds[0], "b%u",
	           b % 4 == 0 && s->depth > 0 ? (guint)s->depth - 1 : (guint)s->depth);
	g_string_append_printf(s->out, "Content-Type: %s; boundary=\"%s\"\n\n",
	                       top_types[b % 4], s->bounds[s->depth]);
	s->depth++;
}

/* step_html - a text/html part of one repeated tag sequence */
static void step_html(Shape *s, Cursor *c)
{
	guint pick = next(c), n;
	char own[SHAPE_MAX_UNIT];
	const char *unit;
	gsize len;

	if (pick >= 2 * G_N_ELEMENTS(tags)) {   /* the sequence comes from the input */
		len = 1 + pick % SHAPE_MAX_UNIT;
		for (gsize i = 0; i < len; i++)
			own[i] = (char)next(c);
		unit = own;
	} else {
		unit = tags[pick % G_N_ELEMENTS(tags)];
		len = strlen(unit);
	}
	n = count(c, SHAPE_MAX_REPEAT);
	if (s->top != 4 || s->depth > 0) {   /* inside a multipart: a part of its own */
		delimiter(s, s->out);
		g_string_append(s->out, "Content-Type: text/html; charset=utf-8\n\n");
	}
	g_string_append(s->out, "<html><body>");
	repeat(s, unit, len, n);
	g_string_append(s->out, "</body></html>\n");
}

/* step_headers - one header field N times */
static void step_headers(Shape *s, Cursor *c)
{
	guint pick = next(c), n = count(c, SHAPE_MAX_HEADERS);
	g_autofree char *field = g_strdup_printf("%s: v%u\n",
	                                         header_names[pick % G_N_ELEMENTS(header_names)], pick);

	if (!s->in_head)
		delimiter(s, s->out);
	repeat(s, field, strlen(field), n);
	if (!s->in_head)
		g_string_append(s->out, "\nx\n");
}

/* shape_build - the message the input describes; transfer full */
static GString *shape_build(const uint8_t *data, size_t size)
{
	Cursor c = { data, data + size };
	Shape s = { g_string_new(NULL), 0, { "b0" }, TRUE, 0 };
	guint flags = next(&c);

	s.top = (flags >> 2) % G_N_ELEMENTS(top_types);
	if (flags & FLAG_MBOX)
		g_string_append(s.out, "From shop@example.com Mon Jan  1 00:00:00 2024\n");
	g_string_append(s.out, "From: shop@example.com\nTo: buyer1234567890@marketplace.amazon.de\n"
	                       "Subject: Your order 302-1234567-1234567\nMIME-Version: 1.0\n");
	if (g_str_has_prefix(top_types[s.top], "multipart/"))
		s.depth = 1;
	while (c.p < c.end) {
		guint op = next(&c) % OP_COUNT;
		if (op != OP_HEADERS)
			body(&s);
		switch (op) {
		case OP_PARTS: step_parts(&s, &c); break;
		case OP_OPEN: step_open(&s, &c); break;
		case OP_CLOSE:
			if (s.depth > 0 && room(&s, 16))
				g_string_append_printf(s.out, "--%s--\n", s.bounds[--s.depth]);
			break;
		case OP_HTML: step_html(&s, &c); break;
		case OP_HEADERS: step_headers(&s, &c); break;
		default: {
			guint len = next(&c);
			for (guint i = 0; i < len && c.p < c.end && room(&s, 1); i++)
				g_string_append_c(s.out, (char)next(&c));
		}
		}
	}
	body(&s);
	if (flags & FLAG_CRLF) {
		GString *crlf = g_string_sized_new(s.out->len + s.out->len / 8);
		for (gsize i = 0; i < s.out->len; i++) {
			if (s.out->str[i] == '\n')
				g_string_append_c(crlf, '\r');
			g_string_append_c(crlf, s.out->str[i]);
		}
		g_string_free(s.out, TRUE);
		return crlf;
	}
	return s.out;
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	harness_init("fuzz_shapes");
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	GString *msg = shape_build(data, size);
	const char *dump = getenv("AMZ_SHAPES_DUMP");

	if (dump != NULL)
		g_file_set_contents(dump, msg->str, (gssize)msg->len, NULL);
	harness_check(msg->str, msg->len);
	g_string_free(msg, TRUE);
	return 0;
}
