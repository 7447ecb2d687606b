/*
 * fuzz_message.c - libFuzzer target: arbitrary bytes as a raw message.
 *
 * bytes -> GMime memory stream -> extract_stream() -> rules_eval() with the
 * shipped configuration and rules (loaded once).  The envelope has one relay
 * recipient, so every rule runs.  Anything but a clean return (a crash, an
 * ASan/UBSan report, a leak) is a finding.
 *
 * The configuration is AMZ_FUZZ_CONF, else conf/amzmilter.conf of the
 * source tree this target was built from (AMZ_SOURCE_DIR).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include "extract.h"
#include "pipeline.h"
#include "rules.h"

static Snapshot *snap;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	g_autoptr(GError) err = NULL;
	const char *conf = getenv("AMZ_FUZZ_CONF");
	g_autofree char *def = g_build_filename(AMZ_SOURCE_DIR, "conf", "amzmilter.conf", NULL);

	(void)argc;
	(void)argv;
	extract_init();
	snap = snapshot_load(conf ? conf : def, NULL, &err);
	if (snap == NULL) {
		fprintf(stderr, "fuzz_message: %s\n", err->message);
		abort();
	}
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const rcpts[] = { "buyer1234567890@marketplace.amazon.de", NULL };
	GMimeStream *in = g_mime_stream_mem_new_with_buffer((const char *)data, size);
	Facts *f = facts_new();
	GError *err = NULL;
	Verdict *v;

	f->message_bytes = size;
	pipeline_envelope(snap->conf, f, "shop@example.com", rcpts);
	if (extract_stream(in, &snap->conf->limits, f, &err)) {
		v = pipeline_evaluate(snap, f);
		verdict_free(v);
	}
	g_clear_error(&err);
	g_object_unref(in);
	facts_free(f);
	return 0;
}
