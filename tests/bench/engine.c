/*
 * engine.c - the check pipeline alone, over many messages in memory.
 *
 *   engine -c CONF [-r RCPT] [-w WARM] [-p PASSES] [-F MB] LIST
 *
 * LIST names one message file a line.  Every file is read into memory
 * first; the configuration and rules are loaded once; then, per pass, each
 * message goes through pipeline_envelope + pipeline_run exactly as the
 * milter runs them at end of message (from a memory stream over the
 * message bytes, no copy).  The first WARM messages are run once before
 * timing (lazy set-up: the libmagic database, PCRE2 JIT stacks).
 *
 * Prints one line per pass:
 *   pass=N messages=M bytes=B cpu_s=… wall_s=…
 * cpu_s is the process CPU time (steadier than wall time on a shared
 * machine).  With -F, MB megabytes of memory are written before each
 * message, evicting the caches as the MTA's processes do between two
 * messages in the milter, and cpu_s counts the checks only.  Under
 * callgrind, --toggle-collect=bench_pass counts exactly the timed passes.
 * With AMZ_RULE_PROFILE=1, the 15 costliest rules (warm-up and all passes)
 * follow on stderr.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "extract/extract.h"
#include "engine/pipeline.h"

typedef struct {
	GPtrArray *msgs;   /* GByteArray* */
	guint64 bytes;
} Corpus;

static double now(clockid_t c)
{
	struct timespec ts;
	clock_gettime(c, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* corpus_load - every file named in list, read whole; FALSE if none */
static gboolean corpus_load(const char *list, Corpus *c)
{
	g_autofree char *text = NULL;
	g_auto(GStrv) lines = NULL;
	g_autoptr(GError) err = NULL;

	c->msgs = g_ptr_array_new_with_free_func((GDestroyNotify)g_byte_array_unref);
	c->bytes = 0;
	if (!g_file_get_contents(list, &text, NULL, &err)) {
		fprintf(stderr, "engine: %s\n", err->message);
		return FALSE;
	}
	lines = g_strsplit(text, "\n", -1);
	for (guint i = 0; lines[i]; i++) {
		char *data;
		gsize len;
		if (!*lines[i])
			continue;
		if (!g_file_get_contents(lines[i], &data, &len, NULL)) {
			fprintf(stderr, "engine: cannot read %s\n", lines[i]);
			continue;
		}
		g_ptr_array_add(c->msgs, g_byte_array_new_take((guint8 *)data, len));
		c->bytes += len;
	}
	return c->msgs->len > 0;
}

/* check_one - one message, as the milter checks it at end of message */
static Action check_one(const Snapshot *s, GByteArray *msg, const char *const *rcpts)
{
	Facts *f = facts_new();
	GMimeStream *st = g_mime_stream_mem_new();
	Verdict *v;
	Action a;

	g_mime_stream_mem_set_byte_array(GMIME_STREAM_MEM(st), msg);   /* not owned: no copy */
	pipeline_envelope(s->conf, f, "<support@contoso-outdoor.example>", rcpts);
	f->message_bytes = msg->len;
	v = pipeline_run(s, st, f, NULL, NULL);
	a = v->action;
	verdict_free(v);
	facts_free(f);
	g_object_unref(st);
	return a;
}

/* bench_pass - the timed work (callgrind: --toggle-collect=bench_pass); with
 * flush (flush_len bytes), the caches are evicted before each message and
 * the CPU seconds of the checks alone are returned, else 0 */
G_GNUC_NO_INLINE double bench_pass(const Snapshot *s, const Corpus *c, const char *const *rcpts,
                                   guint *actions, volatile char *flush, gsize flush_len);
G_GNUC_NO_INLINE double bench_pass(const Snapshot *s, const Corpus *c, const char *const *rcpts,
                                   guint *actions, volatile char *flush, gsize flush_len)
{
	double checks = 0;

	for (guint i = 0; i < c->msgs->len; i++) {
		double t0 = 0;
		if (flush != NULL) {
			for (gsize k = 0; k < flush_len; k += 64)
				flush[k]++;
			t0 = now(CLOCK_THREAD_CPUTIME_ID);
		}
		actions[check_one(s, c->msgs->pdata[i], rcpts)]++;
		if (flush != NULL)
			checks += now(CLOCK_THREAD_CPUTIME_ID) - t0;
	}
	return checks;
}

int main(int argc, char **argv)
{
	const char *conf = "conf/amzmilter.conf", *rcpt = "buyer@marketplace.amazon.com";
	int warm = 20, passes = 1, flush_mb = 0, opt;
	char *flush = NULL;
	g_autoptr(GError) err = NULL;
	Corpus c;
	Snapshot *s;

	while ((opt = getopt(argc, argv, "c:r:w:p:F:")) != -1) {
		switch (opt) {
		case 'c': conf = optarg; break;
		case 'r': rcpt = optarg; break;
		case 'w': warm = atoi(optarg); break;
		case 'p': passes = atoi(optarg); break;
		case 'F': flush_mb = atoi(optarg); break;
		default:
			fprintf(stderr, "usage: engine -c CONF [-r RCPT] [-w WARM] [-p PASSES] [-F MB] LIST\n");
			return 2;
		}
	}
	if (optind != argc - 1 || flush_mb < 0 || flush_mb > 4096) {
		fprintf(stderr, "usage: engine -c CONF [-r RCPT] [-w WARM] [-p PASSES] [-F MB] LIST\n");
		return 2;
	}
	if (!corpus_load(argv[optind], &c))
		return 2;
	extract_init();
	s = snapshot_load(conf, NULL, &err);
	if (s == NULL) {
		fprintf(stderr, "engine: %s\n", err->message);
		return 2;
	}
	const char *rcpts[] = { rcpt, NULL };
	guint actions[ACTION_DISCARD + 1] = { 0 };

	for (guint i = 0; i < (guint)warm && i < c.msgs->len; i++)
		check_one(s, c.msgs->pdata[i], rcpts);
	if (flush_mb > 0)
		flush = g_malloc0((gsize)flush_mb << 20);
	for (int p = 1; p <= passes; p++) {
		double c0 = now(CLOCK_PROCESS_CPUTIME_ID), w0 = now(CLOCK_MONOTONIC), checks;
		memset(actions, 0, sizeof actions);
		checks = bench_pass(s, &c, rcpts, actions, flush, (gsize)flush_mb << 20);
		printf("pass=%d messages=%u bytes=%" G_GUINT64_FORMAT " cpu_s=%.6f wall_s=%.6f",
		       p, c.msgs->len, c.bytes, flush ? checks : now(CLOCK_PROCESS_CPUTIME_ID) - c0,
		       now(CLOCK_MONOTONIC) - w0);
		for (guint a = 0; a <= ACTION_DISCARD; a++)
			printf(" %s=%u", action_name((Action)a), actions[a]);
		printf("\n");
		fflush(stdout);
	}
	if (rules_profiling(s->rules))
		rules_profile_dump(s->rules, stderr, 15);
	snapshot_release(s);
	g_ptr_array_unref(c.msgs);
	g_free(flush);
	return 0;
}
