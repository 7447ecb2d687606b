/*
 * testfiles.h - the message files of a test folder, for the unit tests that
 * run many messages in one process; files and folders written and removed
 * by the tests.
 */
#ifndef AMZ_TESTFILES_H
#define AMZ_TESTFILES_H

#include <glib.h>
#include <glib/gstdio.h>

/* test_files - append to out (newly allocated paths) every file under dir
 * whose name ends in one of suffixes (NULL-terminated), going at most
 * levels directories deep; symlinked directories are not followed */
static inline void test_files(const char *dir, const char *const *suffixes, GPtrArray *out, int levels)
{
	GDir *d = levels > 0 ? g_dir_open(dir, 0, NULL) : NULL;
	const char *name;

	if (d == NULL)
		return;
	while ((name = g_dir_read_name(d)) != NULL) {
		char *p = g_build_filename(dir, name, NULL);
		gboolean take = FALSE;
		if (g_file_test(p, G_FILE_TEST_IS_DIR) && !g_file_test(p, G_FILE_TEST_IS_SYMLINK)) {
			test_files(p, suffixes, out, levels - 1);
		} else {
			for (const char *const *s = suffixes; *s && !take; s++)
				take = g_str_has_suffix(name, *s);
		}
		if (take)
			g_ptr_array_add(out, p);
		else
			g_free(p);
	}
	g_dir_close(d);
}

/* test_write_file - write text to dir/rel, making its directories */
static inline void test_write_file(const char *dir, const char *rel, const char *text)
{
	char *path = g_build_filename(dir, rel, NULL);
	char *parent = g_path_get_dirname(path);
	g_assert_cmpint(g_mkdir_with_parents(parent, 0700), ==, 0);
	g_assert_true(g_file_set_contents(path, text, -1, NULL));
	g_free(parent);
	g_free(path);
}

/* test_rm_rf - remove path and everything below it */
static inline void test_rm_rf(const char *path)
{
	GDir *d = g_dir_open(path, 0, NULL);
	if (d != NULL) {
		const char *name;
		while ((name = g_dir_read_name(d)) != NULL) {
			char *sub = g_build_filename(path, name, NULL);
			test_rm_rf(sub);
			g_free(sub);
		}
		g_dir_close(d);
	}
	g_remove(path);
}

#endif
