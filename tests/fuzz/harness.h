/*
 * harness.h - what the message fuzz targets share: the shipped
 * configuration and rules, loaded once (AMZ_FUZZ_CONF, else
 * conf/amzmilter.conf of the source tree, AMZ_SOURCE_DIR), and one message
 * through extraction and the rules with one relay recipient, so every rule
 * runs.  Included by one target per binary.
 */
#ifndef AMZ_FUZZ_HARNESS_H
#define AMZ_FUZZ_HARNESS_H

#include <stdio.h>
#include <stdlib.h>
#include "extract/extract.h"
#include "engine/pipeline.h"
#include "rules/rules.h"

static Snapshot *harness_snap;

/* harness_init - load the configuration; abort (a finding) if it fails */
static void harness_init(const char *target)
{
	g_autoptr(GError) err = NULL;
	const char *conf = getenv("AMZ_FUZZ_CONF");
	g_autofree char *def = g_build_filename(AMZ_SOURCE_DIR, "conf", "amzmilter.conf", NULL);

	extract_init();
	harness_snap = snapshot_load(conf ? conf : def, NULL, &err);
	if (harness_snap == NULL) {
		fprintf(stderr, "%s: %s\n", target, err->message);
		abort();
	}
}

/* harness_check - the message in buf through extraction and the rules */
static void harness_check(const char *buf, size_t len)
{
	static const char *const rcpts[] = { "buyer1234567890@marketplace.amazon.de", NULL };
	GMimeStream *in = g_mime_stream_mem_new_with_buffer(buf, len);
	Facts *f = facts_new();
	GError *err = NULL;

	f->message_bytes = len;
	pipeline_envelope(harness_snap->conf, f, "shop@example.com", rcpts);
	if (extract_stream(in, &harness_snap->conf->limits, f, &err))
		verdict_free(pipeline_evaluate(harness_snap, f));
	g_clear_error(&err);
	g_object_unref(in);
	facts_free(f);
}

#endif
