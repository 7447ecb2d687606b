/*
 * core/analysis.c - the text analysis of a message: its memory.
 */
#include "core/analysis.h"

TextAnalysis *text_analysis_new(void)
{
	TextAnalysis *a = g_new0(TextAnalysis, 1);

	a->text = g_string_new(NULL);
	a->folded = g_string_new(NULL);
	a->tokens = g_array_new(FALSE, FALSE, sizeof(TextWord));
	a->sentences = g_array_new(FALSE, FALSE, sizeof(TextSentence));
	a->paras = g_array_new(FALSE, FALSE, sizeof(TextPara));
	return a;
}

void text_analysis_free(TextAnalysis *a)
{
	if (a == NULL)
		return;
	g_string_free(a->text, TRUE);
	g_string_free(a->folded, TRUE);
	g_array_unref(a->tokens);
	g_array_unref(a->sentences);
	g_array_unref(a->paras);
	g_free(a);
}
