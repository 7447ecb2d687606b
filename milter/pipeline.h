/*
 * pipeline.h - one message through extraction and the rules.
 *
 * The same code path serves the milter (milter.c) and the offline checker
 * (check.c): envelope -> Facts, raw message -> Facts, Facts -> Verdict.
 */
#ifndef AMZ_PIPELINE_H
#define AMZ_PIPELINE_H

#include <gmime/gmime.h>
#include "snapshot.h"

/* Pseudo-rule IDs for messages that could not be checked. */
#define PIPELINE_UNPARSABLE "AMZ_UNPARSABLE"
#define PIPELINE_INTERNAL   "AMZ_INTERNAL_ERROR"

/* pipeline_envelope - fill the envelope half of f; relay recipients and
 * their marketplaces are decided by the config's relay_domains. */
void pipeline_envelope(const Conf *c, Facts *f, const char *from, const char *const *rcpts);

/* pipeline_extract - fill the content half of f from stream; on a message
 * that cannot be parsed returns FALSE and sets *error_verdict. */
gboolean pipeline_extract(const Snapshot *s, GMimeStream *stream, Facts *f, Verdict **error_verdict);

/* pipeline_run - extract the message in stream into f and evaluate the
 * rules.  Never NULL: a message that cannot be parsed yields a verdict with
 * one PIPELINE_UNPARSABLE hit whose action is the config's on_error. */
Verdict *pipeline_run(const Snapshot *s, GMimeStream *stream, Facts *f);

/* pipeline_error_verdict - the verdict for a message that could not be
 * checked (spool or internal trouble): on_error, with the reason. */
Verdict *pipeline_error_verdict(const Conf *c, const char *id, const char *reason);

/* pipeline_enforced - the action actually taken: the verdict's, or accept
 * in monitor mode (global or per rule, already in v->action). */
Action pipeline_enforced(const Conf *c, const Verdict *v);

#endif
