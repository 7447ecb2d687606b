/*
 * floor.c - the work no design of the check can skip, over the same
 * messages as engine.c, for the engine/floor ratio.
 *
 *   floor [-w WARM] [-p PASSES] LIST
 *
 * Per message: a GMime parse (mbox "From " line handled as mime.c does),
 * a walk of the whole tree (message/rfc822 parts included), the
 * transfer decoding of every leaf to nothing (read in 64 KB chunks through
 * GMime's decoding filter, as g_mime_data_wrapper_write_to_stream does),
 * and libmagic on the first FLOOR_SNIFF bytes of every leaf that is not
 * body text (not text/plain or text/html, or a named attachment).
 * No charset conversion, HTML, URLs or rules: everything beyond this is
 * the engine's own cost.
 *
 * Output and timing as engine.c (cpu_s, wall_s per pass); callgrind:
 * --toggle-collect=bench_pass.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <gmime/gmime.h>
#include <magic.h>

#define FLOOR_SNIFF 8192
#define FLOOR_CHUNK (64 * 1024)

static magic_t magic;
static guint64 decoded, sniffed;

static double now(clockid_t c)
{
	struct timespec ts;
	clock_gettime(c, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static gboolean is_attachment(GMimeObject *part)
{
	GMimeContentType *ct = g_mime_object_get_content_type(part);
	const char *disp = g_mime_object_get_disposition(part);

	if (disp && g_ascii_strcasecmp(disp, "attachment") == 0 &&
	    g_mime_part_get_filename(GMIME_PART(part)) != NULL)
		return TRUE;
	return !(ct && g_mime_content_type_is_type(ct, "text", "plain")) &&
	       !(ct && g_mime_content_type_is_type(ct, "text", "html"));
}

/* leaf - decode the whole part; sniff the start of an attachment */
static void leaf(GMimeObject *part)
{
	static char buf[FLOOR_CHUNK];
	GMimeDataWrapper *w = g_mime_part_get_content(GMIME_PART(part));
	GMimeStream *raw, *dec;
	GMimeFilter *filt;
	gssize n, first = -1;

	if (w == NULL)
		return;
	raw = g_mime_data_wrapper_get_stream(w);
	if (raw == NULL)
		return;
	g_mime_stream_reset(raw);
	dec = g_mime_stream_filter_new(raw);
	filt = g_mime_filter_basic_new(g_mime_data_wrapper_get_encoding(w), FALSE);
	g_mime_stream_filter_add(GMIME_STREAM_FILTER(dec), filt);
	g_object_unref(filt);
	while ((n = g_mime_stream_read(dec, buf, sizeof buf)) > 0) {
		if (first < 0) {
			first = n;
			if (is_attachment(part)) {
				gsize len = (gsize)n < FLOOR_SNIFF ? (gsize)n : FLOOR_SNIFF;
				(void)magic_buffer(magic, buf, len);
				sniffed += len;
			}
		}
		decoded += (guint64)n;
	}
	g_object_unref(dec);
}

static void walk(GMimeObject *obj, int depth)
{
	if (obj == NULL || depth > 64)
		return;
	if (GMIME_IS_MULTIPART(obj)) {
		int n = g_mime_multipart_get_count(GMIME_MULTIPART(obj));
		for (int i = 0; i < n; i++)
			walk(g_mime_multipart_get_part(GMIME_MULTIPART(obj), i), depth + 1);
	} else if (GMIME_IS_MESSAGE_PART(obj)) {
		GMimeMessage *m = g_mime_message_part_get_message(GMIME_MESSAGE_PART(obj));
		if (m)
			walk(g_mime_message_get_mime_part(m), depth + 1);
	} else if (GMIME_IS_PART(obj)) {
		leaf(obj);
	}
}

static void check_one(GByteArray *msg)
{
	GMimeStream *st = g_mime_stream_mem_new();
	GMimeParser *p;
	GMimeMessage *m;

	g_mime_stream_mem_set_byte_array(GMIME_STREAM_MEM(st), msg);   /* not owned: no copy */
	p = g_mime_parser_new_with_stream(st);
	g_mime_parser_set_format(p, msg->len >= 5 && memcmp(msg->data, "From ", 5) == 0
	                            ? GMIME_FORMAT_MBOX : GMIME_FORMAT_MESSAGE);
	g_mime_parser_set_respect_content_length(p, FALSE);
	m = g_mime_parser_construct_message(p, NULL);
	if (m) {
		walk(g_mime_message_get_mime_part(m), 0);
		g_object_unref(m);
	}
	g_object_unref(p);
	g_object_unref(st);
}

G_GNUC_NO_INLINE void bench_pass(GPtrArray *msgs);
G_GNUC_NO_INLINE void bench_pass(GPtrArray *msgs)
{
	for (guint i = 0; i < msgs->len; i++)
		check_one(msgs->pdata[i]);
}

int main(int argc, char **argv)
{
	int warm = 20, passes = 1, opt;
	g_autofree char *text = NULL;
	g_auto(GStrv) lines = NULL;
	GPtrArray *msgs = g_ptr_array_new_with_free_func((GDestroyNotify)g_byte_array_unref);
	guint64 bytes = 0;

	while ((opt = getopt(argc, argv, "w:p:")) != -1) {
		switch (opt) {
		case 'w': warm = atoi(optarg); break;
		case 'p': passes = atoi(optarg); break;
		default:
			fprintf(stderr, "usage: floor [-w WARM] [-p PASSES] LIST\n");
			return 2;
		}
	}
	if (optind != argc - 1 || !g_file_get_contents(argv[optind], &text, NULL, NULL)) {
		fprintf(stderr, "usage: floor [-w WARM] [-p PASSES] LIST\n");
		return 2;
	}
	lines = g_strsplit(text, "\n", -1);
	for (guint i = 0; lines[i]; i++) {
		char *data;
		gsize len;
		if (*lines[i] && g_file_get_contents(lines[i], &data, &len, NULL)) {
			g_ptr_array_add(msgs, g_byte_array_new_take((guint8 *)data, len));
			bytes += len;
		}
	}
	g_mime_init();
	magic = magic_open(MAGIC_MIME_TYPE | MAGIC_NO_CHECK_COMPRESS | MAGIC_NO_CHECK_ENCODING | MAGIC_ERROR);
	if (magic == NULL || magic_load(magic, NULL) != 0) {
		fprintf(stderr, "floor: cannot load the libmagic database\n");
		return 2;
	}
	for (guint i = 0; i < (guint)warm && i < msgs->len; i++)
		check_one(msgs->pdata[i]);
	for (int p = 1; p <= passes; p++) {
		double c0 = now(CLOCK_PROCESS_CPUTIME_ID), w0 = now(CLOCK_MONOTONIC);
		decoded = sniffed = 0;
		bench_pass(msgs);
		printf("pass=%d messages=%u bytes=%" G_GUINT64_FORMAT " cpu_s=%.6f wall_s=%.6f decoded=%"
		       G_GUINT64_FORMAT " sniffed=%" G_GUINT64_FORMAT "\n", p, msgs->len, bytes,
		       now(CLOCK_PROCESS_CPUTIME_ID) - c0, now(CLOCK_MONOTONIC) - w0, decoded, sniffed);
		fflush(stdout);
	}
	magic_close(magic);
	g_ptr_array_unref(msgs);
	return 0;
}
