/*
 * quarantine.h - amzmilter's own record of each held message (see
 * quarantine.c): written by the daemon when it quarantines, read and
 * annotated by amzmilter-quarantine.
 */
#ifndef AMZ_QUARANTINE_H
#define AMZ_QUARANTINE_H

#include <glib.h>
#include "core/facts.h"
#include "core/verdict.h"

/* Bounds on one record, so that a hostile message cannot make a large file. */
#define QUARANTINE_VALUE_MAX 512      /* bytes of one value (escaped input) */
#define QUARANTINE_REASONS_MAX 32     /* reason lines */
#define QUARANTINE_RCPTS_MAX 64       /* recipient lines */
#define QUARANTINE_FILE_MAX (256 * 1024)
#define QUARANTINE_QID_MAX 32

typedef struct {
	char *qid;               /* the MTA's queue ID: the file's name */
	gint64 time;             /* when it was held, seconds since the epoch */
	char *from;              /* envelope sender */
	GPtrArray *rcpts;        /* char*: relay recipients */
	char *message_id;
	char *subject;
	char *rules;             /* "A, B" */
	GPtrArray *reasons;      /* char*: "RULE: message [evidence]" */
	gint64 released;         /* 0: not released */
	char *released_by;
	gint64 notified;         /* 0: no notice sent yet */
} QuarantineRecord;

QuarantineRecord *quarantine_record_new(void);
void quarantine_record_free(QuarantineRecord *r);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(QuarantineRecord, quarantine_record_free)

/* quarantine_qid_valid - a queue ID that is safe as a file name
 * (letters and digits, 1 to QUARANTINE_QID_MAX) */
gboolean quarantine_qid_valid(const char *qid);

/* quarantine_record_from - the record of a message held now, from what
 * was extracted and decided; every value made one bounded, escaped line */
QuarantineRecord *quarantine_record_from(const char *qid, const Facts *f, const Verdict *v);

/* quarantine_record_write - dir/QID, mode 0640, written whole (a temporary
 * file renamed); dir is made 0750 when missing */
gboolean quarantine_record_write(const char *dir, const QuarantineRecord *r, GError **err);

/* quarantine_record_read - dir/QID; NULL with err when unreadable */
QuarantineRecord *quarantine_record_read(const char *dir, const char *qid, GError **err);

/* quarantine_records - every record in dir, oldest first; NULL with err
 * when dir cannot be read (a missing dir is no records) */
GPtrArray *quarantine_records(const char *dir, GError **err);

/* quarantine_record_note - append "key=value" to dir/QID (released=,
 * released_by=, notified=): the file keeps its owner and mode */
gboolean quarantine_record_note(const char *dir, const char *qid, const char *key, const char *value,
                                GError **err);

/* quarantine_record_remove - unlink dir/QID; a missing one is no error */
gboolean quarantine_record_remove(const char *dir, const char *qid, GError **err);

#endif
