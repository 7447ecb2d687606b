/*
 * testfiles.h - the message files of a test folder, for the unit tests that
 * run many messages in one process.
 */
#ifndef AMZ_TESTFILES_H
#define AMZ_TESTFILES_H

#include <glib.h>

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

#endif
