/*
 * verdict.h - what the rules decided about one message.
 *
 * Produced by rules_eval() (pure), consumed by action.c (the milter edge),
 * check.c (the offline checker) and log.c.  A Verdict owns its hits.
 */
#ifndef AMZ_VERDICT_H
#define AMZ_VERDICT_H

#include <glib.h>

/* In order of severity: the verdict is the most severe action that fired. */
typedef enum {
	ACTION_ACCEPT = 0,
	ACTION_TAG,
	ACTION_QUARANTINE,
	ACTION_TEMPFAIL,
	ACTION_REJECT,
	ACTION_DISCARD,
} Action;

typedef struct {
	char *rule;        /* rule ID */
	Action action;     /* the rule's action */
	gboolean monitor;  /* rule in monitor mode: reported, not enforced */
	char *message;     /* the rule's describe text, placeholders filled */
	char *evidence;    /* what fired: matched text, URL, file name… ("" if none) */
} Hit;

/* What the rules say of the message beyond hits: sub-rules the engine
 * acts on (rules/eval.c maps their IDs). */
typedef enum {
	MARK_REVIEW_REQUEST = 1 << 0,   /* __REVIEW_REQUEST: it asks for a review */
} Mark;

/* Whose mode decides whether the verdict is enforced. */
typedef enum {
	VERDICT_MODE_CONF = 0,   /* the config's mode */
	VERDICT_MODE_ENFORCE,    /* the sender's brand: enforce */
	VERDICT_MODE_MONITOR,    /* the sender's brand: monitor */
} VerdictMode;

typedef struct {
	VerdictMode mode;
	Action action;     /* enforced: most severe action among non-monitor hits */
	Action would;      /* most severe action among all hits, monitor ones included */
	GPtrArray *hits;   /* Hit*, in rule order */
	guint marks;       /* Mark bits */
} Verdict;

Verdict *verdict_new(void);
void verdict_free(Verdict *v);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(Verdict, verdict_free)
/* verdict_add - append a hit (strings copied) and update action/would. */
Hit *verdict_add(Verdict *v, const char *rule, Action action, gboolean monitor,
                 const char *message, const char *evidence);

const char *action_name(Action a);               /* "accept", "tag", … */
gboolean action_parse(const char *s, Action *out);/* inverse; FALSE when unknown */

#endif
