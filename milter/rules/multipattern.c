/*
 * rules/multipattern.c - the Aho-Corasick automaton behind multipattern.h.
 *
 * Input: literals (bytes; the rules give them case-folded).  Output: an
 * immutable Multipattern, owned by the caller (rules_mp_free).  The
 * automaton is a full transition table over byte classes (bytes no literal
 * contains share class 0), each entry already a row offset, so a scan
 * costs one load per byte; states with outputs are flagged in the entry so
 * the scan only follows failure links where something may be reported.
 */
#include <string.h>
#include "rules/multipattern.h"

#define MP_OUT  0x80000000u     /* in a transition: the target state has outputs */
#define MP_NONE G_MAXUINT32     /* no literal / no output run / end of a run */

struct Multipattern {
	guint nlits;
	guint nstates;
	guint nclasses;
	guint8 cls[256];        /* byte -> class; 0: a byte no literal contains */
	guint32 *next;          /* nstates * nclasses: the full transition table, each
	                         * entry the target's row (state * nclasses), ORed
	                         * with MP_OUT when the target has_out */
	guint32 *out;           /* per state: index into outs, or MP_NONE */
	GArray *outs;           /* guint32 runs of literal ids ending at a state,
	                         * each run ended by MP_NONE */
	guint32 *fail;          /* per state: the longest proper suffix that is a state */
	guint8 *has_out;        /* per state: out or a failure target's out is set */
	GPtrArray *lits;        /* char*: id -> literal (for reports) */
	guint8 *spot;           /* per literal: report where it starts */
	guint32 *len;           /* per literal: its length in bytes */
};

guint rules_mp_count(const Multipattern *mp)
{
	return mp ? mp->nlits : 0;
}

/* number_classes - a class for each byte some literal contains, ASCII
 * first: text is mostly ASCII, so the columns a scan reads sit together at
 * the start of each row (a cache line or two, not many); the class count */
static guint number_classes(Multipattern *mp)
{
	guint k = 1;

	for (guint b = 0; b < 256; b++)
		if (mp->cls[b] && b < 0x80)
			mp->cls[b] = (guint8)MIN(k++, 255);
	for (guint b = 0x80; b < 256; b++)
		if (mp->cls[b])
			mp->cls[b] = (guint8)MIN(k++, 255);
	if (k > 255) {                          /* cannot happen with folded text; stay sound */
		for (guint b = 0; b < 256; b++)
			mp->cls[b] = (guint8)b;
		k = 256;
	}
	return k;
}

/* build_trie - the trie of lits in mp->next; own[state]: the first literal
 * ending there, own_more: (state, id) pairs of the others */
static void build_trie(Multipattern *mp, const GPtrArray *lits, GArray *own, GArray *own_more)
{
	const guint k = mp->nclasses;
	guint32 none = MP_NONE;

	g_array_append_val(own, none);
	mp->nstates = 1;
	/* 0 in next means "no edge yet" (the root is never a target) */
	for (guint32 i = 0; i < lits->len; i++) {
		guint32 st = 0;
		for (const guchar *s = lits->pdata[i]; *s; s++) {
			guint32 *e = &mp->next[(gsize)st * k + mp->cls[*s]];
			if (*e == 0) {
				*e = mp->nstates++;
				g_array_append_val(own, none);
			}
			st = *e;
		}
		if (g_array_index(own, guint32, st) == MP_NONE) {
			g_array_index(own, guint32, st) = i;
		} else {
			g_array_append_val(own_more, st);
			g_array_append_val(own_more, i);
		}
	}
}

/* link_states - breadth first: failure links, and missing edges filled in
 * from them; queue gets every state but the root in BFS order; its length */
static guint link_states(Multipattern *mp, guint32 *fail, guint32 *queue)
{
	const guint k = mp->nclasses;
	guint qh = 0, qt = 0;

	for (guint c = 0; c < k; c++) {
		guint32 t = mp->next[c];
		if (t != 0) {
			fail[t] = 0;
			queue[qt++] = t;
		}
	}
	while (qh < qt) {
		guint32 st = queue[qh++];
		for (guint c = 0; c < k; c++) {
			guint32 *e = &mp->next[(gsize)st * k + c];
			guint32 f = mp->next[(gsize)fail[st] * k + c];
			if (*e != 0) {
				fail[*e] = f;
				queue[qt++] = *e;
			} else {
				*e = f;
			}
		}
	}
	return qt;
}

/* collect_outputs - a state's own literals, then (through has_out) its
 * failure chain's */
static void collect_outputs(Multipattern *mp, const GArray *own, const GArray *own_more,
                            const guint32 *queue, guint nqueue)
{
	guint32 none = MP_NONE;

	mp->out = g_new(guint32, mp->nstates);
	mp->has_out = g_new0(guint8, mp->nstates);
	mp->outs = g_array_new(FALSE, FALSE, sizeof(guint32));
	for (guint32 st = 0; st < mp->nstates; st++) {
		mp->out[st] = MP_NONE;
		if (g_array_index(own, guint32, st) == MP_NONE)
			continue;
		mp->out[st] = mp->outs->len;
		g_array_append_val(mp->outs, g_array_index(own, guint32, st));
		for (guint j = 0; j < own_more->len; j += 2)
			if (g_array_index(own_more, guint32, j) == st)
				g_array_append_val(mp->outs, g_array_index(own_more, guint32, j + 1));
		g_array_append_val(mp->outs, none);
	}
	/* has_out: some state on the failure chain (itself included) has
	 * outputs; BFS order sees a failure target before the state */
	for (guint i = 0; i < nqueue; i++) {
		guint32 st = queue[i];
		mp->has_out[st] = mp->out[st] != MP_NONE || mp->has_out[mp->fail[st]];
	}
}

Multipattern *rules_mp_build(const GPtrArray *lits, const guint8 *spot)
{
	Multipattern *mp = g_new0(Multipattern, 1);
	guint nstates_max = 1, k, nqueue;
	GArray *own;            /* per state: first literal id ending exactly here, or MP_NONE */
	GArray *own_more;       /* (state, id) pairs when several literals end at a state */
	guint32 *queue;

	mp->lits = g_ptr_array_new_with_free_func(g_free);
	for (guint i = 0; i < lits->len; i++)
		g_ptr_array_add(mp->lits, g_strdup(lits->pdata[i]));
	mp->nlits = lits->len;
	mp->spot = g_new0(guint8, MAX(lits->len, 1));
	mp->len = g_new0(guint32, MAX(lits->len, 1));
	for (guint i = 0; i < lits->len; i++) {
		const guchar *s = lits->pdata[i];
		mp->spot[i] = spot != NULL && spot[i];
		mp->len[i] = (guint32)strlen(lits->pdata[i]);
		nstates_max += strlen((const char *)s);
		for (; *s; s++)
			mp->cls[*s] = 1;        /* in some literal: numbered below */
	}
	k = mp->nclasses = number_classes(mp);
	if ((gsize)nstates_max * k >= MP_OUT) {  /* megabytes of literals: no automaton */
		rules_mp_free(mp);
		return NULL;
	}
	mp->next = g_new0(guint32, (gsize)nstates_max * k);
	own = g_array_new(FALSE, FALSE, sizeof(guint32));
	own_more = g_array_new(FALSE, FALSE, sizeof(guint32));
	build_trie(mp, lits, own, own_more);
	mp->fail = g_new0(guint32, mp->nstates);
	queue = g_new(guint32, mp->nstates);
	nqueue = link_states(mp, mp->fail, queue);
	collect_outputs(mp, own, own_more, queue, nqueue);
	/* entries become row offsets: the scan's next lookup needs no multiply */
	mp->next = g_renew(guint32, mp->next, (gsize)mp->nstates * k);
	for (gsize i = 0; i < (gsize)mp->nstates * k; i++)
		mp->next[i] = mp->next[i] * k | (mp->has_out[mp->next[i]] ? MP_OUT : 0);
	g_array_unref(own);
	g_array_unref(own_more);
	g_free(queue);
	return mp;
}

void rules_mp_free(Multipattern *mp)
{
	if (mp == NULL)
		return;
	g_free(mp->next);
	g_free(mp->out);
	g_free(mp->fail);
	g_free(mp->has_out);
	g_free(mp->spot);
	g_free(mp->len);
	if (mp->outs != NULL)
		g_array_unref(mp->outs);
	g_ptr_array_unref(mp->lits);
	g_free(mp);
}

const char *rules_mp_literal(const Multipattern *mp, guint id)
{
	return id < mp->nlits ? mp->lits->pdata[id] : NULL;
}

void rules_mp_scan(const Multipattern *mp, const char *text, gsize len, guint8 *found, MpSpots *spots)
{
	const guchar *p = (const guchar *)text, *end = p + len;
	const guint32 *next = mp->next, *out = mp->out, *fail = mp->fail;
	const guint k = mp->nclasses;
	guint32 row = 0;

	for (; p < end; p++) {
		guint32 e = next[row + mp->cls[*p]];
		row = e & ~MP_OUT;
		if (G_UNLIKELY(e & MP_OUT)) {
			for (guint32 s = row / k; s != 0; s = fail[s]) {
				if (out[s] == MP_NONE)
					continue;
				for (const guint32 *o = &g_array_index(mp->outs, guint32, out[s]); *o != MP_NONE; o++) {
					found[*o >> 3] |= (guint8)(1u << (*o & 7));
					if (spots == NULL || !mp->spot[*o] || spots->lost[*o])
						continue;
					if (spots->count[*o] >= spots->per_lit || spots->pairs->len >= 2 * spots->total) {
						spots->lost[*o] = 1;
					} else {
						guint32 pair[2] = { *o, (guint32)(p + 1 - (const guchar *)text) - mp->len[*o] };
						g_array_append_vals(spots->pairs, pair, 2);
						spots->count[*o]++;
					}
				}
			}
		}
	}
}
