/*
 * rules/eval.c - the pure evaluator: (Ruleset, Facts) -> Verdict.
 *
 * Every enabled rule, in load order, contributes at most one Hit.  A match
 * expression that names item targets (link.*, attachment.*, …) is tried on
 * each item of that collection with all its targets bound to the same item;
 * the first item that satisfies it gives the evidence.  Nothing is shared
 * between calls except the read-only Ruleset: PCRE2 match data, match
 * context, JIT stack and the prefilter's tables belong to the calling thread
 * (kept for its next call), so any number of threads may evaluate at once.
 * A regex that hits its match, depth or heap limit never passes silently: it
 * adds a RULE_LIMIT hit (tempfail).
 *
 * Before a regex with a literal prefilter runs on subject, text, html or
 * hidden_text, that value is case-folded and searched for every literal of
 * every rule in one pass (once per call, kept for the rules that follow);
 * a regex none of whose literals is there cannot match and is not run.
 * With RulesOptions.profile at load, the time spent in each rule and regex
 * is added to the ruleset's counters (atomic adds, the one shared write;
 * rules/profile.c reports them).  Messages and evidence of the rules that
 * fire are rendered by rules/render.c.
 */
#include <string.h>
#include <time.h>
#include "rules/internal.h"
#include "util/text.h"

/* The scalar text targets a prefilter applies to, and their slot in Ev. */
enum { PF_SUBJECT, PF_TEXT, PF_HTML, PF_HIDDEN, PF__N };

/* The prefilter's tables for one target, as long as the thread lives. */
typedef struct {
	guint8 *found;          /* a bit per literal */
	guint32 *off;           /* nlits + 2 entries (see Ev.spot_off) */
	guint8 *lost;           /* a byte per literal */
	guint32 *at;            /* at_cap entries */
	gsize at_cap;
} SlotTables;

/* The first words of a concept in a sentence, for the evidence. */
typedef struct {
	guint32 sentence;
	LexMatch m;
} Span;

/* Each thread's evaluation state, made on the thread's first evaluation and
 * kept until it ends: PCRE2 match data, a match context with the limits and
 * a JIT stack (made per message they cost an mmap and a munmap of the stack,
 * and in a threaded process each munmap interrupts the other CPUs), the
 * prefilter's per-literal tables and the working strings (made per message
 * they are kilobytes of malloc per scanned text, and each large allocation
 * makes malloc consolidate its free lists). */
typedef struct {
	pcre2_match_data *md;
	pcre2_match_context *mc;
	pcre2_jit_stack *js;
	guint nlits;            /* the literal count the tables are sized for */
	guint32 *count;         /* per literal: starts kept by the scan under way;
	                         * all zero between scans */
	GArray *pairs;          /* the scan's (literal, start) pairs */
	SlotTables slot[PF__N];
	GString *scratch;       /* "Name: value" of headers */
	GString *value;         /* value of the last test found true */
	GString *match;         /* text matched by the last =~ found true */
	GString *fire_value, *fire_match;  /* storage for each rule's Fire */
	GString *fold;          /* the folded value being scanned */
	LexScratch *lex;        /* the concept matcher's stemmers and buffers */
	GArray *firsts;         /* LexMatch: a sentence's first match of each concept */
	GArray *spans;          /* Span: Ev.spans, kept from one message to the next */
} Local;

/* A folded text longer than this gives its memory back after the call. */
#define LOCAL_FOLD_KEEP (256 * 1024)
/* as do more spans than this */
#define LOCAL_SPANS_KEEP 16384

typedef struct {
	const Ruleset *rs;
	const Rule *const *over;        /* an overlay's rules by index (NULL: the ruleset's) */
	const Facts *f;
	Local *local;           /* the thread's state: match data, tables, strings */
	pcre2_match_data *md;   /* local's, one load nearer for every regex run */
	pcre2_match_context *mc;
	gboolean have_value, have_match;        /* local->value, local->match are set */
	gboolean recording;     /* FALSE while unless lines run */
	gboolean limit;         /* a regex hit a PCRE2 limit in this rule */
	gboolean *fired;        /* by rule index */
	guint8 *found[PF__N];   /* literal ids present in each target; NULL: not scanned yet */
	gsize found_bytes;
	/* where prefix literals start in each target: spot_at[spot_off[id] ..
	 * spot_off[id + 1]), ascending; NULL when offsets in the folded text are
	 * not offsets in the value (see rules_fold) or there were too many */
	guint32 *spot_off[PF__N], *spot_at[PF__N];
	guint8 *spot_lost[PF__N];       /* literals whose places are not all known */
	/* the concepts of each sentence, found on the first "has" (concepts_find) */
	gboolean analysed;
	guint nw;               /* guint64 words of concept bits per sentence */
	guint64 *cbits;         /* sentences * nw */
	guint64 *subject_bits, *text_bits;      /* of all the subject's / text's sentences */
	guint32 *cmask;         /* per sentence: the languages whose lexicons apply */
	GArray *spans;          /* Span: where each concept found in a sentence first is */
	guint32 all_mask;       /* every language of the message */
	/* the words each "has" found true for the item being tested, in the text */
	guint32 span_at[8], span_end[8];
	guint nspans;
} Ev;

/* pf_slot - where the scan of a target's value is kept; -1: not scanned
 * (not a long text, or too few regexes read it for a scan to pay) */
static int pf_slot(const Ruleset *rs, TargetId id)
{
	if (!(rs->pf_targets & (G_GUINT64_CONSTANT(1) << id)))
		return -1;
	switch (id) {
	case TG_SUBJECT: return PF_SUBJECT;
	case TG_TEXT: return PF_TEXT;
	case TG_HTML: return PF_HTML;
	case TG_HIDDEN_TEXT: return PF_HIDDEN;
	default: return -1;
	}
}

/* value_len - length of a string value without rescanning the long ones */
static gsize value_len(const Ev *ev, const TargetRef *ref, const char *s)
{
	const GString *g = NULL;

	switch (ref->def->id) {
	case TG_TEXT: g = ev->f->text; break;
	case TG_HTML: g = ev->f->html; break;
	case TG_HIDDEN_TEXT: g = ev->f->hidden_text; break;
	default: break;
	}
	return g != NULL && s == g->str ? g->len : strlen(s);
}

/* scan - fold the value of slot k once; find every literal of the ruleset
 * in it, and index where the prefix literals start */
static void scan(Ev *ev, int k, const char *s, gsize len)
{
	guint n = rules_mp_count(ev->rs->pf);
	Local *lo = ev->local;
	SlotTables *t = &lo->slot[k];
	GString *fold = lo->fold;
	MpSpots sp = { 0 };
	const guint32 *pr;
	guint np;

	memset(t->found, 0, ev->found_bytes);
	ev->found[k] = t->found;
	g_string_truncate(fold, 0);
	if (!rules_fold(s, len, fold)) {
		rules_mp_scan(ev->rs->pf, fold->str, fold->len, t->found, NULL);
		return;
	}
	/* a literal found more often than match_spots would try it is not kept */
	g_array_set_size(lo->pairs, 0);
	memset(t->lost, 0, n + 1);
	sp.pairs = lo->pairs;
	sp.count = lo->count;
	sp.lost = t->lost;
	sp.per_lit = (guint32)MIN(len / 64 + 16, G_MAXUINT32);
	sp.total = RULES_MP_SPOTS_MAX;
	rules_mp_scan(ev->rs->pf, fold->str, fold->len, t->found, &sp);
	pr = (const guint32 *)sp.pairs->data;
	np = sp.pairs->len;
	if (np / 2 + 1 > t->at_cap) {
		t->at_cap = MAX(np / 2 + 1, 2 * t->at_cap);
		t->at = g_renew(guint32, t->at, t->at_cap);
	}
	memset(t->off, 0, (n + 2) * sizeof *t->off);
	for (guint i = 0; i < np; i += 2) {
		t->off[pr[i] + 2]++;
		lo->count[pr[i]] = 0;   /* zero again for the next scan */
	}
	for (guint id = 0; id < n; id++)
		t->off[id + 2] += t->off[id + 1];
	for (guint i = 0; i < np; i += 2)
		t->at[t->off[pr[i] + 1]++] = pr[i + 1];
	ev->spot_off[k] = t->off;
	ev->spot_at[k] = t->at;
	ev->spot_lost[k] = t->lost;
}

/* cannot_match - the prefilter shows that t's regex cannot match s (the
 * value of ref): none of its literals is in s */
static gboolean cannot_match(Ev *ev, const Test *t, const TargetRef *ref, const char *s, gsize len)
{
	int k;
	const guint8 *found;

	if (t->nlit_ids == 0 || ev->rs->pf == NULL || (k = pf_slot(ev->rs, ref->def->id)) < 0)
		return FALSE;
	if (ev->found[k] == NULL)
		scan(ev, k, s, len);
	found = ev->found[k];
	for (guint i = 0; i < t->nlit_ids; i++)
		if (found[t->lit_ids[i] >> 3] & (1u << (t->lit_ids[i] & 7)))
			return FALSE;
	return TRUE;
}

static int cmp_u32(const void *a, const void *b)
{
	guint32 x = *(const guint32 *)a, y = *(const guint32 *)b;
	return x < y ? -1 : x > y;
}

/* What match_spots returns when the places are not known, so the caller
 * searches as usual: below every code pcre2_match returns. */
#define SPOTS_UNKNOWN (-100)

/* match_spots - t's regex on s, tried only where one of its prefix literals
 * starts (every match starts so); when they are many, one search from the
 * first.  Returns what pcre2_match returns (> 0 on a match,
 * PCRE2_ERROR_NOMATCH, another negative code on an error or a limit), or
 * SPOTS_UNKNOWN. */
static int match_sentences(Ev *ev, const Test *t, int k, const char *s, gsize len);
static int match_spots(Ev *ev, const Test *t, const TargetRef *ref, const char *s, gsize len)
{
	int k = pf_slot(ev->rs, ref->def->id), rc = PCRE2_ERROR_NOMATCH;
	const guint32 *off, *at;
	guint32 first = G_MAXUINT32, buf[64], *starts = buf;
	gsize total = 0, n = 0;

	if ((t->npre_ids == 0 && !t->sentence) || ev->rs->pf == NULL || k < 0)
		return SPOTS_UNKNOWN;
	if (ev->found[k] == NULL)
		scan(ev, k, s, len);
	if ((off = ev->spot_off[k]) == NULL)
		return SPOTS_UNKNOWN;
	if (t->sentence)
		return match_sentences(ev, t, k, s, len);
	at = ev->spot_at[k];
	for (guint i = 0; i < t->npre_ids; i++)
		if (ev->spot_lost[k][t->pre_ids[i]])
			return SPOTS_UNKNOWN;
	for (guint i = 0; i < t->npre_ids; i++) {
		guint32 id = t->pre_ids[i];
		total += off[id + 1] - off[id];
		if (off[id + 1] > off[id])
			first = MIN(first, at[off[id]]);
	}
	if (total == 0)
		return PCRE2_ERROR_NOMATCH;
	/* an anchored try costs about what a search spends on a few dozen bytes */
	if (total > len / 64 + 16)
		return pcre2_match(t->re, (PCRE2_SPTR)s, len, first, PCRE2_NO_UTF_CHECK, ev->md, ev->mc);
	if (total > G_N_ELEMENTS(buf))
		starts = g_new(guint32, total);
	for (guint i = 0; i < t->npre_ids; i++)
		for (guint32 j = off[t->pre_ids[i]]; j < off[t->pre_ids[i] + 1]; j++)
			starts[n++] = at[j];
	if (t->npre_ids > 1)
		qsort(starts, n, sizeof *starts, cmp_u32);
	for (gsize i = 0; i < n && rc == PCRE2_ERROR_NOMATCH; i++) {
		if (i > 0 && starts[i] == starts[i - 1])
			continue;
		rc = pcre2_match(t->re_anchored, (PCRE2_SPTR)s, len, starts[i], PCRE2_NO_UTF_CHECK,
		                 ev->md, ev->mc);
	}
	if (starts != buf)
		g_free(starts);
	return rc;
}

/* match_sentences - a sentence-scoped regex (rules_sentence_scoped) tried,
 * anchored, only at the sentence starts from which one of its literals can
 * be reached: the start after the last ".", "!" or "?" before the literal
 * and every line start from there to it, each once, in text order (so the
 * first match is the one a search would find).  As match_spots returns. */
static int match_sentences(Ev *ev, const Test *t, int k, const char *s, gsize len)
{
	const guint32 *off = ev->spot_off[k], *at = ev->spot_at[k];
	guint32 buf[64], *spots = buf, cbuf[64], *cand = cbuf;
	gsize total = 0, n = 0, ncand = 0, capc = G_N_ELEMENTS(cbuf), lo = 0;
	int rc = PCRE2_ERROR_NOMATCH;

	for (guint i = 0; i < t->nlit_ids; i++) {
		if (ev->spot_lost[k][t->lit_ids[i]])
			return SPOTS_UNKNOWN;
		total += off[t->lit_ids[i] + 1] - off[t->lit_ids[i]];
	}
	if (total == 0)
		return PCRE2_ERROR_NOMATCH;
	if (total > len / 64 + 16)
		return SPOTS_UNKNOWN;
	if (total > G_N_ELEMENTS(buf))
		spots = g_new(guint32, total);
	for (guint i = 0; i < t->nlit_ids; i++)
		for (guint32 j = off[t->lit_ids[i]]; j < off[t->lit_ids[i] + 1]; j++)
			spots[n++] = at[j];
	qsort(spots, n, sizeof *spots, cmp_u32);
	cand[ncand++] = 0;
	for (gsize i = 0; i < n && rc == PCRE2_ERROR_NOMATCH; i++) {
		gsize q = spots[i];
		for (; lo < q; lo++) {
			char c = s[lo];
			if (c == '.' || c == '!' || c == '?')
				ncand = 0;      /* what lies before cannot reach past here */
			else if (c != '\n')
				continue;
			if (ncand == capc) {
				guint32 *more = g_new(guint32, capc * 2);
				memcpy(more, cand, ncand * sizeof *cand);
				if (cand != cbuf)
					g_free(cand);
				cand = more;
				capc *= 2;
			}
			cand[ncand++] = (guint32)(lo + 1);
		}
		for (gsize j = 0; j < ncand && rc == PCRE2_ERROR_NOMATCH; j++)
			rc = pcre2_match(t->re_anchored, (PCRE2_SPTR)s, len, cand[j], PCRE2_NO_UTF_CHECK,
			                 ev->md, ev->mc);
		ncand = 0;              /* tried; the next literal's starts come after */
	}
	if (spots != buf)
		g_free(spots);
	if (cand != cbuf)
		g_free(cand);
	return rc;
}

static void record_str(Ev *ev, GString *into, gboolean *have, const char *s, gsize len)
{
	if (!ev->recording)
		return;
	/* a little more than a placeholder shows; the rest is cut later anyway */
	g_string_truncate(into, 0);
	g_string_append_len(into, s, MIN(len, (gsize)RULES_EVIDENCE_MAX * 2));
	*have = TRUE;
}

static void record_value(Ev *ev, const TargetRef *ref, const Value *v)
{
	char num[32];

	if (!ev->recording)
		return;
	if (ref->def->type == VT_STR) {
		record_str(ev, ev->local->value, &ev->have_value, v->s, strlen(v->s));
	} else if (ref->def->type == VT_NUM) {
		g_snprintf(num, sizeof num, "%" G_GINT64_FORMAT, v->n);
		record_str(ev, ev->local->value, &ev->have_value, num, strlen(num));
	} else {
		record_str(ev, ev->local->value, &ev->have_value, v->b ? "yes" : "no", v->b ? 3 : 2);
	}
}

static gboolean after_label(Ev *ev, guint c, const char *s, gsize at);
static gboolean before_label(Ev *ev, guint c, const char *s, gsize len, gsize at);
static gboolean in_sentence_with(Ev *ev, guint c, const TargetRef *ref, const char *s, gsize len, gsize at);
static void concepts_find(Ev *ev);
static gboolean bit(const guint64 *b, guint c);

/* first_match - t's regex on s, the prefiltered way when it can be */
static int first_match(Ev *ev, const Test *t, const TargetRef *ref, const char *s, gsize len)
{
	int rc = match_spots(ev, t, ref, s, len);
	return rc == SPOTS_UNKNOWN ? pcre2_match(t->re, (PCRE2_SPTR)s, len, 0, 0, ev->md, ev->mc) : rc;
}

/* run_regex - TRUE on a match; a PCRE2 error or limit sets ev->limit */
static gboolean run_regex(Ev *ev, const Test *t, const TargetRef *ref, const char *s)
{
	gsize len = value_len(ev, ref, s);
	TestProf *tp = ev->rs->prof_tests ? &ev->rs->prof_tests[t->id] : NULL;
	guint64 t0 = 0;
	int rc;

	if (cannot_match(ev, t, ref, s, len)) {
		if (tp)
			rules_prof_add(&tp->skips, 1);
		return FALSE;
	}
	if (tp)
		t0 = rules_prof_now();
	if ((t->after || t->within) && !ev->analysed)
		concepts_find(ev);
	gboolean label_nowhere = t->after && !bit(ev->text_bits, t->after - 1) &&
	                         !bit(ev->subject_bits, t->after - 1);
	if (label_nowhere && !t->not_after) {
		/* the concept is nowhere: no match can follow it */
		rc = PCRE2_ERROR_NOMATCH;
	} else if ((t->after && !label_nowhere) || t->within) {
		/* the first match whose words before it do (or do not) hold the
		 * concept, in a sentence that does (or does not) hold the other;
		 * the first of all found the fast way, as any regex is */
		gsize from = 0;
		for (guint tries = 0;; tries++) {
			rc = tries == 0 ? first_match(ev, t, ref, s, len)
			     : pcre2_match(t->re, (PCRE2_SPTR)s, len, from, PCRE2_NO_UTF_CHECK, ev->md, ev->mc);
			if (rc < 0 || tries == 1000)
				break;
			PCRE2_SIZE *o = pcre2_get_ovector_pointer(ev->md);
			gboolean ok = TRUE;
			if (t->after && !label_nowhere)
				ok = (t->before ? before_label(ev, t->after - 1, s, len, o[1])
				                : after_label(ev, t->after - 1, s, o[0])) != t->not_after;
			if (ok && t->within)
				ok = in_sentence_with(ev, t->within - 1, ref, s, len, o[0]) != t->not_within;
			if (ok)
				break;
			from = o[1] > o[0] ? o[1] : o[0] + 1;   /* past this one */
			while (from < len && (s[from] & 0xC0) == 0x80)
				from++;
			if (from >= len) {
				rc = PCRE2_ERROR_NOMATCH;
				break;
			}
		}
	} else {
		rc = first_match(ev, t, ref, s, len);
	}
	if (tp) {
		rules_prof_add(&tp->ns, rules_prof_now() - t0);
		rules_prof_add(&tp->runs, 1);
	}

	if (rc == PCRE2_ERROR_NOMATCH)
		return FALSE;
	if (rc < 0) {
		ev->limit = TRUE;
		return FALSE;
	}
	PCRE2_SIZE *ov = pcre2_get_ovector_pointer(ev->md);
	if (ov[0] <= ov[1] && ov[1] <= len)
		record_str(ev, ev->local->match, &ev->have_match, s + ov[0], ov[1] - ov[0]);
	return TRUE;
}

/* lang_bits - the lexicon languages of a guess: the first when sure, all when not */
static guint32 lang_bits(const Lexicon *lx, const LangGuess *g)
{
	guint32 m = 0;
	for (int i = 0; i < g->n && i < 3; i++) {
		int k = lexicon_lang(lx, g->top[i].code);
		if (k >= 0)
			m |= 1u << k;
		if (g->reliable)
			break;
	}
	return m;
}

/* market_bits - the lexicon languages whose markets_XX list names a
 * marketplace of the message (or "*") */
static guint32 market_bits(const Ruleset *rs, const Facts *f)
{
	guint32 m = rs->market_star;
	for (guint k = 0; rs->market_langs && k < f->markets->len; k++) {
		char *v = rules_list_fold(f->markets->pdata[k]);
		m |= GPOINTER_TO_UINT(g_hash_table_lookup(rs->market_langs, v));
		g_free(v);
	}
	return m;
}

/* guess_bits - the lexicons a text is read with: its language when the
 * detector is sure; else every candidate and every language of the
 * marketplaces the message goes to */
static guint32 guess_bits(const Lexicon *lx, const LangGuess *g, guint32 markets)
{
	return g->n > 0 && g->reliable ? lang_bits(lx, g) : lang_bits(lx, g) | markets;
}

/* concepts_find - the concepts of every sentence, once per message.  A
 * sentence is read in the languages of its paragraph and of the whole
 * message: the one the detector is sure of, or when it is not, every
 * candidate and the languages of the marketplaces it goes to — never
 * fewer. */
static void concepts_find(Ev *ev)
{
	const TextAnalysis *a = ev->f->analysis;
	const Lexicon *lx = ev->rs->lex;
	guint ns = a ? a->sentences->len : 0;
	guint32 base, markets;

	ev->analysed = TRUE;
	ev->nw = (lx->concepts->len + 63) / 64;
	if (ev->nw == 0)
		ev->nw = 1;
	ev->cbits = g_new0(guint64, (gsize)ns * ev->nw + 2 * ev->nw);
	ev->subject_bits = ev->cbits + (gsize)ns * ev->nw;
	ev->text_bits = ev->subject_bits + ev->nw;
	ev->cmask = g_new0(guint32, ns + 1);
	ev->spans = ev->local->spans;
	g_array_set_size(ev->spans, 0);
	if (a == NULL)
		return;
	markets = market_bits(ev->rs, ev->f);
	base = guess_bits(lx, &a->lang, markets);
	ev->all_mask = base;
	guint32 para = G_MAXUINT32, para_bits = 0;   /* the last paragraph's languages */
	for (guint i = 0; i < ns; i++) {
		const TextSentence *s = &g_array_index(a->sentences, TextSentence, i);
		guint64 *b = ev->cbits + (gsize)i * ev->nw, *sum;
		guint32 m = base;
		if (s->para != para && s->para < a->paras->len) {
			para = s->para;
			para_bits = guess_bits(lx, &g_array_index(a->paras, TextPara, s->para).lang, markets);
		}
		if (s->para < a->paras->len)
			m |= para_bits;
		ev->cmask[i] = m;
		ev->all_mask |= m;
		g_array_set_size(ev->local->firsts, 0);
		lexicon_scan(lx, m, a, s, ev->local->lex, b, ev->local->firsts, -1, 0, NULL);
		for (guint k = 0; k < ev->local->firsts->len; k++) {
			Span sp = { .sentence = i, .m = g_array_index(ev->local->firsts, LexMatch, k) };
			g_array_append_val(ev->spans, sp);
		}
		sum = s->start < a->subject_len ? ev->subject_bits : ev->text_bits;
		for (guint w = 0; w < ev->nw; w++)
			sum[w] |= b[w];
	}
}

static gboolean bit(const guint64 *b, guint c)
{
	return (b[c >> 6] >> (c & 63)) & 1;
}

/* span_find - where concept c is first in sentence i (concepts_find keeps it) */
static const LexMatch *span_find(const Ev *ev, guint i, guint c)
{
	const Span *sp = (const Span *)ev->spans->data;
	guint lo = 0, hi = ev->spans->len;

	while (lo < hi) {       /* the first span of sentence i: they are in sentence order */
		guint mid = (lo + hi) / 2;
		if (sp[mid].sentence < i)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (; lo < ev->spans->len && sp[lo].sentence == i; lo++)
		if (sp[lo].m.concept == c)
			return &sp[lo].m;
	return NULL;
}

/* record_span - add the words of concept c in sentence i to the evidence:
 * every concept found true for this item, in text order, " … " between */
static void record_span(Ev *ev, guint i, guint c)
{
	const TextAnalysis *a = ev->f->analysis;
	const TextWord *tok = (const TextWord *)a->tokens->data;
	const LexMatch *m;
	guint32 at, end;
	GString *out = ev->local->match;

	if (!ev->recording || (m = span_find(ev, i, c)) == NULL)
		return;
	at = tok[m->t0].start;
	end = tok[m->t1 - 1].start + tok[m->t1 - 1].len;
	for (guint k = 0; k < ev->nspans; k++)
		if (ev->span_at[k] == at && ev->span_end[k] == end)
			return;
	if (ev->nspans == G_N_ELEMENTS(ev->span_at))
		return;
	guint k = ev->nspans++;
	for (; k > 0 && ev->span_at[k - 1] > at; k--) {
		ev->span_at[k] = ev->span_at[k - 1];
		ev->span_end[k] = ev->span_end[k - 1];
	}
	ev->span_at[k] = at;
	ev->span_end[k] = end;
	g_string_truncate(out, 0);
	for (k = 0; k < ev->nspans; k++) {
		if (k > 0)
			g_string_append(out, " \xe2\x80\xa6 ");
		g_string_append_len(out, a->text->str + ev->span_at[k], ev->span_end[k] - ev->span_at[k]);
	}
	ev->have_match = TRUE;
}

/* eval_has - "T has C": in sentence idx (and the two after it, for a passage), or
 * in any sentence of the subject or of the text */
static gboolean eval_has(Ev *ev, const Test *t, guint idx)
{
	const TextAnalysis *a = ev->f->analysis;
	guint ns = a ? a->sentences->len : 0;

	if (!ev->analysed)
		concepts_find(ev);
	for (guint k = 0; k < t->ntargets; k++) {
		TargetId id = t->targets[k].def->id;
		guint from = 0, to = ns;
		if (id == TG_SENTENCE || id == TG_PASSAGE) {
			from = idx;
			to = MIN(ns, idx + (id == TG_PASSAGE ? RULES_PASSAGE : 1));
		} else {
			const guint64 *sum = id == TG_SUBJECT ? ev->subject_bits : ev->text_bits;
			if (!bit(sum, t->concept))
				continue;
		}
		for (guint i = from; i < to; i++) {
			const TextSentence *s = &g_array_index(a->sentences, TextSentence, i);
			if (id == TG_SUBJECT && s->start >= a->subject_len)
				break;
			if (id == TG_TEXT && s->start < a->subject_len)
				continue;
			if (bit(ev->cbits + (gsize)i * ev->nw, t->concept)) {
				record_span(ev, i, t->concept);
				return TRUE;
			}
		}
	}
	return FALSE;
}

/* language_foreign - language.foreign: the message's language is none
 * whose markets_XX list names a marketplace it goes to; FALSE (missing)
 * without a sure language or a marketplace */
static gboolean language_foreign(const Ev *ev, gboolean *val)
{
	const TextAnalysis *a = ev->f->analysis;
	const List *l;
	char *name;

	if (a == NULL || a->lang.n == 0 || !a->lang.reliable || ev->f->markets->len == 0)
		return FALSE;
	name = g_strconcat("markets_", a->lang.top[0].code, NULL);
	l = g_hash_table_lookup(ev->rs->lists, name);
	g_free(name);
	*val = FALSE;   /* "*" applies the lexicon everywhere; it does not make a language local */
	for (guint k = 0; l != NULL && k < ev->f->markets->len && !*val; k++)
		*val = rules_list_match(l, LM_EXACT, ev->f->markets->pdata[k]);
	*val = !*val;
	return TRUE;
}

/* language_read - language.read: the message's language (its most likely
 * one) has a lexicon; FALSE (missing) when no language is recognised */
static gboolean language_read(const Ev *ev, gboolean *val)
{
	const TextAnalysis *a = ev->f->analysis;

	if (a == NULL || a->lang.n == 0)
		return FALSE;
	*val = lexicon_lang(ev->rs->lex, a->lang.top[0].code) >= 0;
	return TRUE;
}

/* LABEL_WORDS: how many words next to a match may hold its label */
#define LABEL_WORDS 4
#define LABEL_BYTES 80

/* label_in - concept c among the words of s[from, to): ending in their
 * last LABEL_WORDS words (a label before a match, at_end) or starting in
 * their first (a label after one) */
static gboolean label_in(Ev *ev, guint c, const char *s, gsize from, gsize to, gboolean at_end)
{
	TextAnalysis *mini;
	const TextSentence *sen;
	gboolean found;
	LexMatch m;

	if (!ev->analysed)
		concepts_find(ev);
	if (ev->all_mask == 0)
		return FALSE;
	/* the words, as a sentence of their own */
	mini = lexicon_words(s + from, to - from);
	sen = &g_array_index(mini->sentences, TextSentence, 0);
	found = lexicon_scan(ev->rs->lex, ev->all_mask, mini, sen, ev->local->lex, NULL, NULL, (int)c,
	                     at_end && sen->n > LABEL_WORDS ? sen->n - LABEL_WORDS : 0, &m) &&
	        (at_end || m.t0 < LABEL_WORDS);
	text_analysis_free(mini);
	return found;
}

/* after_label - the words right before s[at] (in its sentence) hold concept
 * c: "call us on", "PRO no." */
static gboolean after_label(Ev *ev, guint c, const char *s, gsize at)
{
	gsize from = at > LABEL_BYTES ? at - LABEL_BYTES : 0;

	while (from < at && (s[from] & 0xC0) == 0x80)
		from++;
	/* back to the end of the sentence before; a dot followed by a digit or
	 * by nothing ends none ("Tel. 030 …", "Nr.0301…") */
	for (gsize i = at; i > from; i--) {
		char ch = s[i - 1];
		if (ch == '!' || ch == '?' || ch == '\n' ||
		    (ch == '.' && i < at && g_ascii_isspace(s[i]) && i + 1 < at && !g_ascii_isdigit(s[i + 1]))) {
			from = i;
			break;
		}
	}
	return label_in(ev, c, s, from, at, TRUE);
}

/* before_label - the words right after s[at] (in its sentence) start with
 * concept c: "YENI15 kodunu kullanın", "SAVE10 というコード" */
static gboolean before_label(Ev *ev, guint c, const char *s, gsize len, gsize at)
{
	gsize to = len - at > LABEL_BYTES ? at + LABEL_BYTES : len;

	while (to > at && to < len && (s[to] & 0xC0) == 0x80)
		to--;
	/* up to the end of the sentence, as after_label reads back to its start */
	for (gsize i = at; i < to; i++) {
		char ch = s[i];
		if (ch == '!' || ch == '?' || ch == '\n' ||
		    (ch == '.' && i + 1 < to && g_ascii_isspace(s[i + 1]) && !(i + 2 < to && g_ascii_isdigit(s[i + 2])))) {
			to = i;
			break;
		}
	}
	return label_in(ev, c, s, at, to, FALSE);
}

/* in_sentence_with - byte at of s, the text or the subject, is in a
 * sentence that holds concept c */
static gboolean in_sentence_with(Ev *ev, guint c, const TargetRef *ref, const char *s, gsize len, gsize at)
{
	const TextAnalysis *a = ev->f->analysis;
	gsize off;
	guint lo = 0, hi;

	if (a == NULL || at >= len)
		return FALSE;
	off = ref->def->id == TG_SUBJECT ? at : (gsize)a->subject_len + 2 + at;
	/* the analysis holds the same bytes unless it was cut or mended */
	if (off >= a->text->len || a->text->str[off] != s[at])
		return FALSE;
	hi = a->sentences->len;
	while (lo < hi) {   /* the last sentence starting at or before off */
		guint mid = lo + (hi - lo) / 2;
		if (g_array_index(a->sentences, TextSentence, mid).start <= off)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo == 0)
		return FALSE;
	const TextSentence *sen = &g_array_index(a->sentences, TextSentence, lo - 1);
	return off < (gsize)sen->start + sen->len && bit(ev->cbits + (gsize)(lo - 1) * ev->nw, c);
}

static gboolean fold_eq(const char *a, const char *folded)
{
	char *fa = text_casefold(a);
	gboolean eq = strcmp(fa, folded) == 0;
	g_free(fa);
	return eq;
}

/* eval_test - "any target satisfies op"; negated ops are "no present target
 * does"; a test on missing values, or one cut short by a limit, is false */
static gboolean eval_test(Ev *ev, const Test *t, guint idx)
{
	gboolean present = FALSE, hit = FALSE;
	gboolean limit_before = ev->limit;
	const TargetRef *first = NULL;
	Value firstv = { 0 };

	if (t->op == OP_HAS)
		return eval_has(ev, t, idx);
	ev->limit = FALSE;
	for (guint i = 0; i < t->ntargets && !hit; i++) {
		const TargetRef *ref = &t->targets[i];
		Value v = { 0 };
		if (ref->def->id == TG_LANGUAGE_FOREIGN ? !language_foreign(ev, &v.b)
		    : ref->def->id == TG_LANGUAGE_READ ? !language_read(ev, &v.b)
		    : !rules_target_value(ev->f, ref, idx, ev->local->scratch, &v))
			continue;
		if (!present) {
			present = TRUE;
			first = ref;
			firstv = v;
		}
		switch (t->op) {
		case OP_BOOL: hit = v.b; break;
		case OP_RE: hit = run_regex(ev, t, ref, v.s); break;
		case OP_EQ:
			hit = ref->def->type == VT_NUM ? v.n == t->num : fold_eq(v.s, t->str);
			break;
		case OP_IN:
			for (guint k = 0; k < t->lists->len && !hit; k++)
				hit = rules_list_match(t->lists->pdata[k], ref->def->lm, v.s);
			break;
		case OP_LT: hit = v.n < t->num; break;
		case OP_LE: hit = v.n <= t->num; break;
		case OP_GT: hit = v.n > t->num; break;
		case OP_GE: hit = v.n >= t->num; break;
		case OP_HAS: break;     /* eval_has */
		}
		if (hit && !t->neg)
			record_value(ev, ref, &v);
	}
	if (ev->limit) {
		return FALSE;   /* ev->limit stays set for the rule */
	}
	ev->limit = limit_before;
	if (!t->neg)
		return hit;
	if (!present || hit)
		return FALSE;
	if (first->def->id == TG_HEADERS || first->def->id == TG_SENTENCE || first->def->id == TG_PASSAGE)
		/* scratch was overwritten by later targets */
		rules_target_value(ev->f, first, idx, ev->local->scratch, &firstv);
	record_value(ev, first, &firstv);
	return TRUE;
}

static gboolean eval_expr(Ev *ev, const Expr *e, guint idx)
{
	switch (e->kind) {
	case EX_AND: return eval_expr(ev, e->a, idx) && eval_expr(ev, e->b, idx);
	case EX_OR: return eval_expr(ev, e->a, idx) || eval_expr(ev, e->b, idx);
	case EX_NOT: return !eval_expr(ev, e->a, idx);
	case EX_TEST: return eval_test(ev, e->test, idx);
	case EX_LIST: return e->list->entries->len > 0;
	case EX_RULE: return ev->fired[e->rule];
	}
	return FALSE;
}

static gboolean same_key(const CollKey *a, const CollKey *b)
{
	return a->coll == b->coll &&
	       (a->coll != COLL_HEADER || g_ascii_strcasecmp(a->hname, b->hname) == 0);
}

/* cond_any - the condition holds for the message (some item satisfies it) */
static gboolean cond_any(Ev *ev, const Cond *c)
{
	guint n = rules_coll_len(ev->f, c->key.coll);
	for (guint i = 0; i < n; i++) {
		if (!rules_coll_member(ev->f, c->key.coll, c->key.hname, i))
			continue;
		if (eval_expr(ev, c->expr, i))
			return TRUE;
	}
	return FALSE;
}

/* suppressed - an unless line on the same collection speaks about the same
 * item; any other unless line speaks about the whole message */
static gboolean suppressed(Ev *ev, const Rule *r, const CollKey *key, guint idx)
{
	gboolean sup = FALSE;

	ev->recording = FALSE;
	for (guint i = 0; i < r->unless->len && !sup; i++) {
		const Cond *u = r->unless->pdata[i];
		if (u->key.coll != COLL_NONE && same_key(&u->key, key))
			sup = eval_expr(ev, u->expr, idx);
		else
			sup = cond_any(ev, u);
	}
	ev->recording = TRUE;
	return sup;
}

static gboolean market_ok(const Rule *r, const Facts *f)
{
	if (r->markets == NULL)
		return TRUE;
	for (guint i = 0; i < f->markets->len; i++)
		for (char **m = r->markets; *m; m++)
			if (g_ascii_strcasecmp(*m, f->markets->pdata[i]) == 0)
				return TRUE;
	return FALSE;
}

/* eval_match - the first match line that some item satisfies; counts items when asked */
static gboolean eval_match(Ev *ev, const Rule *r, Fire *fi)
{
	for (guint m = 0; m < r->match->len; m++) {
		const Cond *c = r->match->pdata[m];
		guint n = rules_coll_len(ev->f, c->key.coll);
		for (guint i = 0; i < n; i++) {
			if (!rules_coll_member(ev->f, c->key.coll, c->key.hname, i))
				continue;
			ev->have_value = ev->have_match = FALSE;
			ev->nspans = 0;
			if (!eval_expr(ev, c->expr, i) || suppressed(ev, r, &c->key, i))
				continue;
			if (fi->count++ == 0) {
				fi->coll = c->key.coll;
				fi->idx = i;
				g_string_assign(fi->value, ev->local->value->str);
				g_string_assign(fi->match, ev->local->match->str);
				fi->have_value = ev->have_value;
				fi->have_match = ev->have_match;
			}
			if (!r->needs_count)
				break;
		}
		if (fi->count > 0)
			return TRUE;
	}
	return FALSE;
}

/* eval_require - fires when some require line holds for no item */
static gboolean eval_require(Ev *ev, const Rule *r)
{
	for (guint i = 0; i < r->require->len; i++)
		if (!cond_any(ev, r->require->pdata[i]))
			return TRUE;
	return FALSE;
}

static gboolean unless_message(Ev *ev, const Rule *r)
{
	CollKey none = { .coll = COLL_NONE, .hname = NULL };
	return suppressed(ev, r, &none, 0);
}

static void eval_rule(Ev *ev, const Ruleset *rs, guint ri, Verdict *v, gboolean *limit_reported)
{
	const Rule *r = ev->over && ev->over[ri] ? ev->over[ri] : rs->rules->pdata[ri];
	Fire fi = { .coll = COLL_NONE };
	gboolean fired = FALSE;
	guint64 t0 = 0;

	if (!r->enabled || !market_ok(r, ev->f))
		return;
	if (rs->prof_rules)
		t0 = rules_prof_now();
	fi.value = ev->local->fire_value;
	fi.match = ev->local->fire_match;
	g_string_truncate(fi.value, 0);
	g_string_truncate(fi.match, 0);
	ev->limit = FALSE;
	ev->nspans = 0;
	if (r->kind == RK_META) {
		fired = eval_expr(ev, r->when, 0) && !unless_message(ev, r);
		if (fired) {
			fi.rules = g_string_new(NULL);
			for (guint i = 0; i < r->when_rules->len; i++) {
				guint k = GPOINTER_TO_UINT(r->when_rules->pdata[i]);
				const Rule *x = rs->rules->pdata[k];
				gboolean dup = FALSE;
				for (guint j = 0; j < i; j++)
					dup = dup || GPOINTER_TO_UINT(r->when_rules->pdata[j]) == k;
				if (ev->fired[k] && !dup && !x->sub)
					g_string_append_printf(fi.rules, "%s%s", fi.rules->len ? ", " : "", x->id);
			}
		}
	} else if (r->match->len > 0) {
		fired = eval_match(ev, r, &fi);
	} else {
		fired = eval_require(ev, r) && !ev->limit && !unless_message(ev, r);
	}

	if (fired) {
		ev->fired[ri] = TRUE;
		if (r->sub && strcmp(r->id, RULES_REVIEW_REQUEST) == 0)
			v->marks |= MARK_REVIEW_REQUEST;
		if (!r->sub) {
			char *msg = rules_render_message(r, ev->f, &fi);
			char *evd = r->match->len > 0 || r->kind == RK_META ? rules_render_evidence(ev->f, &fi) : g_strdup("");
			verdict_add(v, r->id, r->action, r->monitor, msg, evd);
			g_free(msg);
			g_free(evd);
		}
	} else if (ev->limit && !*limit_reported) {
		char *msg = g_strdup_printf("Rule %s could not finish checking this message (pattern "
		                            "match limit); it was deferred, please tell the mail administrator.",
		                            r->id);
		verdict_add(v, RULES_LIMIT_ID, ACTION_TEMPFAIL, r->monitor, msg, r->id);
		g_free(msg);
		*limit_reported = TRUE;
	}
	if (fi.rules)
		g_string_free(fi.rules, TRUE);
	if (rs->prof_rules) {
		rules_prof_add(&rs->prof_rules[ri].ns, rules_prof_now() - t0);
		rules_prof_add(&rs->prof_rules[ri].evals, 1);
	}
}

static void local_free(gpointer data)
{
	Local *p = data;
	GString **strs[] = { &p->scratch, &p->value, &p->match, &p->fire_value, &p->fire_match, &p->fold };

	if (p->js)
		pcre2_jit_stack_free(p->js);
	pcre2_match_context_free(p->mc);
	pcre2_match_data_free(p->md);
	for (guint k = 0; k < PF__N; k++) {
		g_free(p->slot[k].found);
		g_free(p->slot[k].off);
		g_free(p->slot[k].lost);
		g_free(p->slot[k].at);
	}
	g_free(p->count);
	g_array_unref(p->pairs);
	lex_scratch_free(p->lex);
	g_array_unref(p->firsts);
	g_array_unref(p->spans);
	for (guint i = 0; i < G_N_ELEMENTS(strs); i++)
		g_string_free(*strs[i], TRUE);
	g_free(p);
}

static GPrivate local_key = G_PRIVATE_INIT(local_free);

/* local_get - the calling thread's state, its tables sized for nlits literals */
static Local *local_get(guint nlits)
{
	Local *p = g_private_get(&local_key);

	if (p == NULL) {
		p = g_new0(Local, 1);
		p->md = pcre2_match_data_create(1, NULL);
		p->mc = pcre2_match_context_create(NULL);
		pcre2_set_match_limit(p->mc, RULES_MATCH_LIMIT);
		pcre2_set_depth_limit(p->mc, RULES_DEPTH_LIMIT);
		pcre2_set_heap_limit(p->mc, RULES_HEAP_LIMIT_KB);
		p->js = pcre2_jit_stack_create(32 * 1024, RULES_JIT_STACK_MAX, NULL);
		if (p->js != NULL)
			pcre2_jit_stack_assign(p->mc, NULL, p->js);
		p->pairs = g_array_new(FALSE, FALSE, sizeof(guint32));
		p->scratch = g_string_new(NULL);
		p->value = g_string_new(NULL);
		p->match = g_string_new(NULL);
		p->fire_value = g_string_new(NULL);
		p->fire_match = g_string_new(NULL);
		p->fold = g_string_new(NULL);
		p->lex = lex_scratch_new();
		p->firsts = g_array_new(FALSE, FALSE, sizeof(LexMatch));
		p->spans = g_array_new(FALSE, FALSE, sizeof(Span));
		g_private_set(&local_key, p);
	}
	if (p->count == NULL || nlits > p->nlits) {    /* first use, or a bigger ruleset */
		p->nlits = nlits;
		g_free(p->count);
		p->count = g_new0(guint32, nlits + 1);
		for (guint k = 0; k < PF__N; k++) {
			SlotTables *t = &p->slot[k];
			g_free(t->found);
			g_free(t->off);
			g_free(t->lost);
			t->found = g_new0(guint8, (nlits + 7) / 8 + 1);
			t->off = g_new0(guint32, nlits + 2);
			t->lost = g_new0(guint8, nlits + 1);
		}
	}
	return p;
}

void rules_explain_sentences(const Ruleset *rs, const Facts *f, GString *out)
{
	const TextAnalysis *a = f->analysis;
	Ev ev = { .rs = rs, .f = f };
	const Lexicon *lx = rs->lex;

	ev.local = local_get(rules_mp_count(rs->pf));
	if (a == NULL) {
		g_string_append(out, "no text analysed\n");
		return;
	}
	concepts_find(&ev);
	g_string_append_printf(out, "language: %s%s\n", a->lang.n ? a->lang.top[0].code : "-",
	                       a->lang.n && !a->lang.reliable ? " (unsure)" : "");
	for (guint i = 0; i < a->sentences->len; i++) {
		const TextSentence *s = &g_array_index(a->sentences, TextSentence, i);
		const guint64 *b = ev.cbits + (gsize)i * ev.nw;
		const TextWord *tok = (const TextWord *)a->tokens->data;
		g_string_append_printf(out, "%u [", i + 1);
		for (guint k = 0, n = 0; k < lx->langs->len; k++)
			if (ev.cmask[i] & (1u << k))
				g_string_append_printf(out, "%s%s", n++ ? " " : "", ((const LexLang *)lx->langs->pdata[k])->code);
		g_string_append(out, "] ");
		for (guint32 j = 0; j < s->len; j++) {
			char c = a->text->str[s->start + j];
			g_string_append_c(out, c == '\n' || c == '\r' || c == '\t' ? ' ' : c);
		}
		g_string_append_c(out, '\n');
		for (guint c = 0; c < lx->concepts->len; c++) {
			const LexMatch *m;
			if (!bit(b, c) || (m = span_find(&ev, i, c)) == NULL)
				continue;
			g_string_append_printf(out, "    %s: ", (const char *)lx->concepts->pdata[c]);
			g_string_append_len(out, a->text->str + tok[m->t0].start,
			                    tok[m->t1 - 1].start + tok[m->t1 - 1].len - tok[m->t0].start);
			g_string_append_c(out, '\n');
		}
	}
	g_free(ev.cbits);
	g_free(ev.cmask);
}

Verdict *rules_eval(const Ruleset *rs, const Facts *f)
{
	return rules_eval_overlay(rs, NULL, f);
}

Verdict *rules_eval_overlay(const Ruleset *rs, const RulesOverlay *o, const Facts *f)
{
	Verdict *v = verdict_new();
	Ev ev = { .rs = rs, .over = rules_overlay_rules(o, rs), .f = f, .recording = TRUE };
	gboolean limit_reported = FALSE;
	Local *lo = local_get(rules_mp_count(rs->pf));

	ev.local = lo;
	ev.md = lo->md;
	ev.mc = lo->mc;
	g_string_truncate(lo->value, 0);
	g_string_truncate(lo->match, 0);
	ev.fired = g_new0(gboolean, rs->rules->len + 1);
	ev.found_bytes = (rules_mp_count(rs->pf) + 7) / 8;

	for (guint i = 0; i < rs->rules->len; i++)
		eval_rule(&ev, rs, i, v, &limit_reported);

	g_free(ev.fired);
	g_free(ev.cbits);
	g_free(ev.cmask);
	if (lo->spans->len > LOCAL_SPANS_KEEP) {
		g_array_unref(lo->spans);
		lo->spans = g_array_new(FALSE, FALSE, sizeof(Span));
	}
	if (lo->fold->allocated_len > LOCAL_FOLD_KEEP) {
		g_string_free(lo->fold, TRUE);
		lo->fold = g_string_new(NULL);
	}
	return v;
}
