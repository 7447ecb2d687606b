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
#include "harness.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	harness_init("fuzz_message");
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	harness_check((const char *)data, size);
	return 0;
}
