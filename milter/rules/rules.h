/*
 * rules.h - the rule engine: rule files -> immutable Ruleset -> Verdict.
 *
 * rules_load() compiles every rule file once (PCRE2 with JIT); the result is
 * immutable and shared read-only by all threads.  rules_eval() is a pure
 * function of (ruleset, facts): no I/O, no locks, no libmilter.  Two
 * globals sit behind it, and no result depends on either: per thread, the
 * PCRE2 match data, match context, JIT stack and prefilter tables each
 * evaluating thread keeps for its next call (rules/eval.c); and the table of
 * target names for "did you mean", filled once under g_once (rules/target.c).
 */
#ifndef AMZ_RULES_H
#define AMZ_RULES_H

#include <stdio.h>
#include <glib.h>
#include "core/facts.h"
#include "core/verdict.h"

typedef struct Ruleset Ruleset;

#define RULES_ERROR (rules_error_quark())
GQuark rules_error_quark(void);

/* How a load builds the prefilter (rules/compile.c). */
typedef enum {
	RULES_PREFILTER_ON = 0,         /* literal prefilters, scans of the targets many regexes read */
	RULES_PREFILTER_OFF,            /* none (to compare) */
	RULES_PREFILTER_ALL,            /* scan every target a prefiltered regex reads (to test) */
} RulesPrefilter;

typedef struct {
	RulesPrefilter prefilter;
	gboolean profile;               /* give the ruleset cost counters (rules_profile_dump) */
} RulesOptions;

/* rules_options_parse - options from the values of the environment variables
 * AMZ_RULES_PREFILTER ("0": off, "all") and AMZ_RULE_PROFILE (set, not "0":
 * on), which the caller reads; NULL stands for unset */
void rules_options_parse(RulesOptions *o, const char *prefilter, const char *profile);

/*
 * rules_load - compile the shipped rules, then the admin's local overrides.
 * dir: every "*.rules" file below it, recursively, in byte order of their
 *      path relative to dir (so "amazon/10-order.rules" < "amazon/20-links.rules"),
 *      skipping a subdirectory named "local.d".
 * local_dir: may be NULL or missing; its "*.rules" files are read last and may
 *      override, disable or extend what dir defined.
 * opt: NULL for the defaults (all zero).
 * On error returns NULL and sets err with "file:line:col: message".
 */
Ruleset *rules_load(const char *dir, const char *local_dir, const RulesOptions *opt, GError **err);
Ruleset *rules_ref(Ruleset *rs);
void rules_unref(Ruleset *rs);
guint rules_count(const Ruleset *rs);          /* enabled rules */

/* What the checker and docs show about one rule; strings owned by the ruleset. */
typedef struct {
	const char *id;
	const char *describe;      /* as written, placeholders unexpanded */
	const char *guideline;     /* NULL when not given */
	const char *file;          /* where the rule is defined */
	guint line;
	Action action;
	gboolean monitor;
	gboolean enabled;
	gboolean meta;
	gboolean sub;              /* "__ID": feeds meta rules only, never a hit */
} RuleInfo;

/* rules_info - rule i (0-based, load order, disabled ones included); FALSE past the end. */
gboolean rules_info(const Ruleset *rs, guint i, RuleInfo *out);

/* rules_list_words - the case-folded entries of the named list NAME, as a
 * set (entry -> entry), owned by the ruleset; NULL when no list has that
 * name.  For stages before the rules that read word lists the rule files
 * define (link finding: core/limits.h, LinkWords). */
const GHashTable *rules_list_words(const Ruleset *rs, const char *name);

/* rules_explain_sentences - for people writing templates and lexicons:
 * each sentence of f's text analysis, the languages whose lexicons read it
 * and the concepts found in it with their words, appended to out */
void rules_explain_sentences(const Ruleset *rs, const Facts *f, GString *out);

/* rules_eval - every enabled rule against facts; caller frees the verdict. */
Verdict *rules_eval(const Ruleset *rs, const Facts *f);

/*
 * Overlays: the rule changes of one part of the mail (a brand, engine/brands.c).
 * rules_overlay_parse() reads "override", "disable" and "enable" statements,
 * with the syntax of a local.d file, against a loaded ruleset, and changes
 * copies of its rules, never the rules themselves: the ruleset stays what
 * every other message is checked with.  text is the file's text (lines that
 * are not rule statements blanked, so that lines keep their numbers).
 * Errors: NULL, and err holds every "file:line:col: message".  The overlay
 * holds a reference to rs and is immutable afterwards.
 */
typedef struct RulesOverlay RulesOverlay;
RulesOverlay *rules_overlay_parse(Ruleset *rs, const char *path, const char *text, GError **err);
void rules_overlay_free(RulesOverlay *o);
/* rules_overlay_changed - how many rules o changes */
guint rules_overlay_changed(const RulesOverlay *o);
/* rules_eval_overlay - rules_eval with o's rules in place of rs's (o may be
 * NULL; made from rs) */
Verdict *rules_eval_overlay(const Ruleset *rs, const RulesOverlay *o, const Facts *f);

/*
 * Cost report.  With opt->profile at load, rules_eval() adds the time spent
 * in each rule and each regex to counters in the ruleset (atomic adds; the
 * only thing in a Ruleset that changes after load).  rules_profile_dump()
 * prints the top rules, costliest first, each with its costliest regexes; it
 * says so when profiling is off.
 */
gboolean rules_profiling(const Ruleset *rs);
void rules_profile_dump(const Ruleset *rs, FILE *out, guint top);
/* rules_prefilter_stats - regex tests, and how many have a literal prefilter */
void rules_prefilter_stats(const Ruleset *rs, guint *regexes, guint *filtered, guint *literals);

#endif
