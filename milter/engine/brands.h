/*
 * brands.h - per-brand policy: which brand a message is from, by the domain
 * of its From address, and what that brand changes (approved senders, mode,
 * rule overrides).
 *
 * A seller or agency with several brands keeps one file per brand in the
 * directory named by "brands" in amzmilter.conf.  The set is built whole
 * with the snapshot (engine/snapshot.c) and is immutable; a reload builds a
 * new one.
 */
#ifndef AMZ_BRANDS_H
#define AMZ_BRANDS_H

#include "core/conf.h"
#include "core/facts.h"
#include "rules/rules.h"

typedef struct Brands Brands;

typedef struct {
	char *name;              /* the file's name without ".conf" */
	char *file;
	char **domains;          /* folded; the brand's mail is From these or their subdomains */
	char **senders;          /* folded globs of approved From addresses, or NULL: any */
	VerdictMode mode;        /* VERDICT_MODE_CONF: the config's */
	RulesOverlay *overlay;   /* its rule changes, or NULL: none */
} Brand;

/* brands_load - every "*.conf" file of dir, compiled against rs; NULL and
 * err ("file:line:col: message", one a line) on any error.  A missing dir
 * is an error: it was named in the config. */
Brands *brands_load(const char *dir, Ruleset *rs, GError **err);
void brands_free(Brands *b);
guint brands_count(const Brands *b);
const Brand *brands_nth(const Brands *b, guint i);

/* brands_select - the brand of from_address (the From header's bare
 * address): the one naming its domain, or the nearest parent domain; NULL:
 * none (b may be NULL) */
const Brand *brands_select(const Brands *b, const char *from_address);

/* brands_sender_approved - whether addr is one of br's approved senders
 * (TRUE when br lists none) */
gboolean brands_sender_approved(const Brand *br, const char *addr);

#endif
