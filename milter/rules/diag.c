/*
 * rules/diag.c - the errors of one load, and "did you mean" hints.
 *
 * Every stage of a load reports into one RulesDiag: "file:line:col:
 * message" strings, in the order found, at most RULES_MAX_ERRORS of them
 * (the loader joins them into its GError).  Suggestions come from
 * text_suggest with the rule language's threshold (rules_suggest).
 */
#include <string.h>
#include <stdarg.h>
#include "rules/internal.h"

/* rules_diag_init - an empty error list */
void rules_diag_init(RulesDiag *d)
{
	d->errors = g_ptr_array_new_with_free_func(g_free);
}

void rules_diag_clear(RulesDiag *d)
{
	g_clear_pointer(&d->errors, g_ptr_array_unref);
}

/* rules_diag_add - one "file:line:col: message" ("file: message" when line is 0);
 * errors beyond the cap are dropped */
void rules_diag_add(RulesDiag *d, const char *file, guint line, guint col, const char *fmt, ...)
{
	va_list ap;
	char *msg;

	if (d->errors->len >= RULES_MAX_ERRORS)
		return;
	va_start(ap, fmt);
	msg = g_strdup_vprintf(fmt, ap);
	va_end(ap);
	if (line == 0)
		g_ptr_array_add(d->errors, g_strdup_printf("%s: %s", file, msg));
	else
		g_ptr_array_add(d->errors, g_strdup_printf("%s:%u:%u: %s", file, line, col, msg));
	g_free(msg);
}

/* rules_diag_full - the cap is reached: the load stops reading */
gboolean rules_diag_full(const RulesDiag *d)
{
	return d->errors->len >= RULES_MAX_ERRORS;
}

/* rules_suggest_append - " (did you mean \"x\"?)" when a candidate is close */
void rules_suggest_append(GString *s, const char *word, const char *const *cands, guint n)
{
	const char *sug = rules_suggest(word, cands, n);
	if (sug != NULL)
		g_string_append_printf(s, " (did you mean \"%s\"?)", sug);
}
