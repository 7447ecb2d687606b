/*
 * rules/multipattern.h - many literals found in one pass over a text.
 *
 * An Aho-Corasick automaton over bytes, built once from a list of literals
 * (their index is their id) and then read-only, so any number of threads
 * may scan with it.  A scan reports which literals occur in the text and,
 * for the literals built with a spot request, where they start.  Nothing
 * outside rules/multipattern.c knows how the automaton is laid out.
 */
#ifndef AMZ_RULES_MULTIPATTERN_H
#define AMZ_RULES_MULTIPATTERN_H

#include <glib.h>

typedef struct Multipattern Multipattern;

/* Where the literals asked for start in a text: (id, start) pairs.  A
 * literal met more than per_lit times, or when total pairs are held, is
 * marked lost: its places are not all known.  The caller owns the arrays
 * (count and lost: one entry per literal, count zero before a scan). */
#define RULES_MP_SPOTS_MAX 262144
typedef struct {
	GArray *pairs;          /* guint32 id, guint32 start */
	guint32 *count;         /* per literal */
	guint8 *lost;           /* per literal */
	guint32 per_lit, total;
} MpSpots;

/* rules_mp_build - the automaton for lits (char*, id = index); spot[id]
 * (spot may be NULL) asks rules_mp_scan where literal id starts; NULL when
 * the literals are too many to build a table for */
Multipattern *rules_mp_build(const GPtrArray *lits, const guint8 *spot);
void rules_mp_free(Multipattern *mp);
/* rules_mp_count - the number of literals (0 for NULL) */
guint rules_mp_count(const Multipattern *mp);
/* rules_mp_literal - literal id, NULL past the end */
const char *rules_mp_literal(const Multipattern *mp, guint id);
/* rules_mp_scan - set bit id of found (id >> 3, 1 << (id & 7)) for each
 * literal in text; with spots, also record where each literal built with
 * a spot request starts */
void rules_mp_scan(const Multipattern *mp, const char *text, gsize len, guint8 *found, MpSpots *spots);

#endif
