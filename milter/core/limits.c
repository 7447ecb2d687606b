/*
 * limits.c - the default bounds on the work done for one message, and the
 * lookup in a word list.
 */
#include <string.h>
#include "core/limits.h"
#include "util/text.h"

void limits_default(ExtractLimits *lim)
{
	lim->max_depth = 20;
	lim->max_parts = 500;
	lim->max_part_bytes = 20 * 1024 * 1024;
	lim->max_text_bytes = 4 * 1024 * 1024;
	lim->max_links = 2000;
	lim->max_html_nodes = 200000;
	lim->max_headers = 1000;
	lim->max_header_bytes = 16 * 1024;
	lim->max_analysis_bytes = 4 * 1024 * 1024;
	lim->max_sentences = 100000;
	lim->max_tokens = 1000000;
	lim->deadline = 0;
	lim->words = NULL;
}

gboolean limits_word(const GHashTable *set, const char *w, gsize n)
{
	g_autofree char *word = NULL, *folded = NULL;

	if (set == NULL || n == 0)
		return FALSE;
	word = g_strndup(w, n);
	folded = text_casefold(word);
	return g_hash_table_contains((GHashTable *)set, folded);
}
