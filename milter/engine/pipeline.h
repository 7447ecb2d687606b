/*
 * pipeline.h - one message through extraction and the rules.
 *
 * The same code path serves the milter (milter.c) and the offline checker
 * (check.c): envelope -> Facts, raw message -> Facts, Facts -> Verdict.
 */
#ifndef AMZ_PIPELINE_H
#define AMZ_PIPELINE_H

#include <gmime/gmime.h>
#include "engine/snapshot.h"

/* Pseudo-rule IDs for messages that could not be checked, one per
 * FailClass; their action is the config's policy for that class. */
#define PIPELINE_FAIL_PREFIX "AMZ_"

/* pipeline_fail_id - "AMZ_INTERNAL_ERROR", "AMZ_UNPARSABLE", "AMZ_LIMIT",
 * "AMZ_SPOOL_ERROR", "AMZ_TIMEOUT", "AMZ_STORE_ERROR" */
const char *pipeline_fail_id(FailClass k);

/* Called between stages of long work (the milter sends smfi_progress). */
typedef void (*PipelineProgress)(void *data);

/* pipeline_envelope - fill the envelope half of f; relay recipients and
 * their marketplaces are decided by the config's relay_domains. */
void pipeline_envelope(const Conf *c, Facts *f, const char *from, const char *const *rcpts);

/* pipeline_extract - fill the content half of f from stream within the
 * config's time budget (long stages stop at its deadline); on a message
 * that cannot be parsed, or not in time, returns FALSE and sets
 * *error_verdict (AMZ_UNPARSABLE, AMZ_TIMEOUT). */
gboolean pipeline_extract(const Snapshot *s, GMimeStream *stream, Facts *f, Verdict **error_verdict);

/* pipeline_orders - the order stage before the rules: what the order store
 * knows of the orders f quotes (nothing to do without a store); FALSE and
 * *error_verdict (AMZ_STORE_ERROR) when the store fails. */
gboolean pipeline_orders(const Snapshot *s, Facts *f, Verdict **error_verdict);

/* pipeline_record - the order stage after the rules, for a message about to
 * be let through: records it in the store (review request, proactive
 * message).  Takes v and returns the verdict to act on: v; or the rules'
 * verdict again when another message holds an order's review request (two
 * sent at once: the later loses); or AMZ_STORE_ERROR's. */
Verdict *pipeline_record(const Snapshot *s, Facts *f, Verdict *v);

/* pipeline_evaluate - the rules on complete facts (with the overlay and
 * mode of the brand the From address belongs to, named in f->brand), plus the failure policy
 * for limits crossed during extraction (an AMZ_LIMIT hit: never a silent
 * pass). */
Verdict *pipeline_evaluate(const Snapshot *s, Facts *f);

/* pipeline_run - extract the message in stream into f and evaluate the
 * rules.  Never NULL: a message that cannot be parsed or checked in time
 * yields a verdict with one AMZ_* hit carrying that class's policy.
 * progress (may be NULL) is called between stages. */
Verdict *pipeline_run(const Snapshot *s, GMimeStream *stream, Facts *f,
                      PipelineProgress progress, void *data);

/* pipeline_fail_verdict - the verdict for a message that could not be
 * checked: the class's policy, with the reason. */
Verdict *pipeline_fail_verdict(const Conf *c, FailClass k, const char *reason);

/* pipeline_is_fail_id - whether a rule ID is one of the AMZ_* failure IDs */
gboolean pipeline_is_fail_id(const char *rule);

/* pipeline_enforced - the action actually taken: the verdict's, or accept
 * in monitor mode (global, per brand, or per rule: already in v->action). */
Action pipeline_enforced(const Conf *c, const Verdict *v);
/* pipeline_monitor - whether v is only reported: the config's mode, or the
 * mode of the sender's brand */
gboolean pipeline_monitor(const Conf *c, const Verdict *v);

#endif
