/*
 * linkwords.h - extraction as the daemon runs it: the bounds of
 * conf/amzmilter.conf and the word lists of link finding from the shipped
 * rules (rules/lists/link-*.list, redirect-params.list), loaded once
 * through the snapshot, for the unit tests that find links.
 */
#ifndef AMZ_TEST_LINKWORDS_H
#define AMZ_TEST_LINKWORDS_H

#include <glib.h>
#include "engine/snapshot.h"

/* test_snapshot - conf/amzmilter.conf of the source tree (AMZ_TOP, else the
 * working directory) with its rules, loaded once and kept */
static inline const Snapshot *test_snapshot(void)
{
	static Snapshot *snap;

	if (snap == NULL) {
		const char *top = g_getenv("AMZ_TOP");
		g_autofree char *conf = g_build_filename(top && *top ? top : ".", "conf", "amzmilter.conf", NULL);
		g_autoptr(GError) err = NULL;
		snap = snapshot_load(conf, NULL, &err);
		g_assert_no_error(err);
	}
	return snap;
}

/* test_link_words - the shipped word lists of link finding */
static inline const LinkWords *test_link_words(void)
{
	return &test_snapshot()->words;
}

/* test_limits - the default bounds, with the shipped word lists */
static inline void test_limits(ExtractLimits *lim)
{
	limits_default(lim);
	lim->words = test_link_words();
}

#endif
