/*
 * fuzz_rules.c - libFuzzer target: arbitrary bytes as a rule file.
 *
 * bytes -> DIR/fuzz.rules in a private temporary directory -> rules_load().
 * Either a ruleset (freed at once) or an error with "file:line:col" comes
 * back; a crash, a sanitizer report or a leak is a finding.  The file is
 * rewritten for each input; the directory is removed at exit.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include "rules/rules.h"

static char *dir;        /* the temporary rules directory */
static char *file;       /* dir/fuzz.rules */

static void remove_dir(void)
{
	if (file)
		unlink(file);
	if (dir)
		rmdir(dir);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	g_autoptr(GError) err = NULL;

	(void)argc;
	(void)argv;
	dir = g_dir_make_tmp("amz-fuzz-rules.XXXXXX", &err);
	if (dir == NULL) {
		fprintf(stderr, "fuzz_rules: %s\n", err->message);
		abort();
	}
	file = g_build_filename(dir, "fuzz.rules", NULL);
	atexit(remove_dir);
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	GError *err = NULL;
	RulesOptions opt;
	Ruleset *rs;

	if (!g_file_set_contents(file, (const char *)data, (gssize)size, NULL))
		return 0;
	rules_options_parse(&opt, getenv("AMZ_RULES_PREFILTER"), getenv("AMZ_RULE_PROFILE"));
	rs = rules_load(dir, NULL, &opt, &err);
	if (rs)
		rules_unref(rs);
	g_clear_error(&err);
	return 0;
}
