/*
 * rules/concept.c - the concepts of one sentence, in one set of languages.
 *
 * Input: a sentence of the text analysis (its words, folded) and the
 * languages whose lexicons apply to it.  For each language the words are
 * stemmed with its Snowball stemmer; an entry may start at a word whose
 * stem is its first word's (in de, nl and sv also a compound ending with
 * it: "Kundenbewertung" has "bewertung"), or whose folded form starts with
 * its prefix ("gutschein*"), and then matches word by word, "~" skipping up
 * to three.  Languages written without spaces are matched on the folded
 * words joined together, trying at each character the entries whose first
 * piece starts with it.  An exclusion ("!avis de passage") takes the words it covers out
 * of its concept.  Output: a bit per concept found, or the first place a
 * wanted concept is, for the evidence.  Working memory is the caller's
 * (one LexScratch per thread: stemmers are not thread-safe).
 */
#define _GNU_SOURCE
#include <string.h>
#include <libstemmer.h>
#include "rules/lexicon.h"

/* What one word is in one language, kept per language and thread: most
 * words of mail recur, and stemming one costs what some dozens of lookups
 * do.  A cache this full is emptied; a cache of another lexicon (a
 * reload) too, since it points into its tables. */
#define STEM_CACHE_MAX 65536

typedef struct {
	const GPtrArray *first; /* the entries whose first word is this stem */
	guint64 seconds;        /* entries start with this stem and one more word:
	                         * the bits of those second words (0: none) */
	guint64 bit;            /* lexicon_word_bit */
	guint32 len;
	char stem[];            /* NUL-terminated */
} WordInfo;

struct LexScratch {
	guint generation;       /* the lexicon the caches are of */
	GHashTable *stemmers;   /* language code -> struct sb_stemmer* */
	GHashTable *stem_cache; /* language code -> (folded word -> WordInfo) */
	GString *pair;          /* the key of two words being looked up */
	GPtrArray *info;        /* the sentence's words: WordInfo* (owned by the cache) */
	GString *joined;        /* languages without spaces: the folded words, joined */
	GArray *joined_at;      /* guint32: where each word starts in joined; one more at the end */
	GArray *matches;        /* LexMatch */
	GArray *excl;           /* LexMatch: the exclusions among matches, by concept and t0 */
};

static void stemmer_free(gpointer p)
{
	sb_stemmer_delete(p);
}

LexScratch *lex_scratch_new(void)
{
	LexScratch *s = g_new0(LexScratch, 1);
	s->stemmers = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, stemmer_free);
	s->stem_cache = g_hash_table_new_full(g_str_hash, g_str_equal, g_free,
	                                      (GDestroyNotify)g_hash_table_unref);
	s->pair = g_string_new(NULL);
	s->info = g_ptr_array_new();
	s->joined = g_string_new(NULL);
	s->joined_at = g_array_new(FALSE, FALSE, sizeof(guint32));
	s->matches = g_array_new(FALSE, FALSE, sizeof(LexMatch));
	s->excl = g_array_new(FALSE, FALSE, sizeof(LexMatch));
	return s;
}

void lex_scratch_free(LexScratch *s)
{
	if (s == NULL)
		return;
	g_hash_table_unref(s->stemmers);
	g_hash_table_unref(s->stem_cache);
	g_string_free(s->pair, TRUE);
	g_ptr_array_unref(s->info);
	g_string_free(s->joined, TRUE);
	g_array_unref(s->joined_at);
	g_array_unref(s->matches);
	g_array_unref(s->excl);
	g_free(s);
}

static struct sb_stemmer *stemmer(LexScratch *sc, const LexLang *l)
{
	struct sb_stemmer *st = g_hash_table_lookup(sc->stemmers, l->code);
	if (st == NULL && l->stemmed) {
		st = sb_stemmer_new(l->code, "UTF_8");
		if (st != NULL)
			g_hash_table_insert(sc->stemmers, g_strdup(l->code), st);
	}
	return st;
}

static WordInfo *word_info(const LexLang *l, const char *stem, gsize len)
{
	WordInfo *w = g_malloc(sizeof *w + len + 1);
	memcpy(w->stem, stem, len);
	w->stem[len] = '\0';
	w->len = (guint32)len;
	w->first = g_hash_table_lookup(l->by_first, w->stem);
	const guint64 *seconds = g_hash_table_lookup(l->pair_first, w->stem);
	w->seconds = seconds ? *seconds : 0;
	w->bit = lexicon_word_bit(w->stem);
	return w;
}

/* stem_words - what the sentence's words are in language l; returns the
 * OR of their word bits */
static guint64 stem_words(LexScratch *sc, const LexLang *l, const TextAnalysis *a, const TextSentence *s)
{
	struct sb_stemmer *st = stemmer(sc, l);
	const TextWord *tok = &g_array_index(a->tokens, TextWord, s->first);
	GHashTable *cache = g_hash_table_lookup(sc->stem_cache, l->code);
	guint64 have = 0;

	if (cache == NULL || g_hash_table_size(cache) > STEM_CACHE_MAX) {
		cache = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
		g_hash_table_insert(sc->stem_cache, g_strdup(l->code), cache);
	}
	g_ptr_array_set_size(sc->info, s->n);
	for (guint32 i = 0; i < s->n; i++) {
		const char *w = a->folded->str + tok[i].fold;    /* NUL-terminated */
		WordInfo *wi = g_hash_table_lookup(cache, w);
		if (wi == NULL) {
			const sb_symbol *x = st ? sb_stemmer_stem(st, (const sb_symbol *)w, (int)tok[i].fold_len) : NULL;
			wi = x != NULL ? word_info(l, (const char *)x, sb_stemmer_length(st))
			               : word_info(l, w, tok[i].fold_len);
			g_hash_table_insert(cache, g_strndup(w, tok[i].fold_len), wi);
		}
		sc->info->pdata[i] = wi;
		have |= wi->bit;
	}
	return have;
}

typedef struct {
	const LexLang *l;
	const TextAnalysis *a;
	const TextWord *tok;       /* the sentence's first word */
	guint32 n;
	LexScratch *sc;
	gboolean question;      /* the sentence ends in "?" */
	guint64 have;           /* the bits of the sentence's words */
} Cursor;

static const WordInfo *info_of(const Cursor *c, guint32 i)
{
	return c->sc->info->pdata[i];
}

/* word_ok - word i of the sentence is w */
static gboolean word_ok(const Cursor *c, guint32 i, const LexWord *w)
{
	if (w->kind == LW_PREFIX) {
		const TextWord *t = &c->tok[i];
		return t->fold_len >= w->len && memcmp(c->a->folded->str + t->fold, w->s, w->len) == 0;
	}
	const WordInfo *wi = info_of(c, i);
	const char *st = wi->stem;
	gsize n = wi->len;
	if (n == w->len && memcmp(st, w->s, n) == 0)
		return TRUE;
	/* the last part of a compound; short words would end too many */
	return c->l->compound && w->len >= 4 && n >= w->len + 3 && memcmp(st + n - w->len, w->s, w->len) == 0;
}

/* match_from - entry words k.. match the sentence from word i; *end: after the last */
static gboolean match_from(const Cursor *c, const LexEntry *e, guint k, guint32 i, guint32 *end)
{
	if (k == e->nwords) {
		*end = i;
		return TRUE;
	}
	if (e->words[k].kind == LW_GAP) {
		for (guint32 skip = 0; skip <= LEX_GAP_WORDS && i + skip < c->n; skip++)
			if (match_from(c, e, k + 1, i + skip, end))
				return TRUE;
		return FALSE;
	}
	if (i >= c->n || !word_ok(c, i, &e->words[k]))
		return FALSE;
	return match_from(c, e, k + 1, i + 1, end);
}

/* try_entries - the candidates whose first `known` words are already
 * known to match at word i (the lookup that found them compared them) */
static void try_entries(const Cursor *c, const GPtrArray *cands, guint known, guint32 i, guint32 base)
{
	for (guint j = 0; cands && j < cands->len; j++) {
		const LexEntry *e = cands->pdata[j];
		guint32 end;
		if ((e->need & ~c->have) != 0)
			continue;   /* a word of it is not in the sentence */
		if ((!e->question || c->question) && match_from(c, e, known, i + known, &end)) {
			LexMatch m = { .concept = e->concept, .exclude = e->exclude, .t0 = base + i, .t1 = base + end };
			g_array_append_val(c->sc->matches, m);
		}
	}
}

/* try_pair - the entries that start with words st and the stem of word i + 1 */
static void try_pair(const Cursor *c, const char *st, guint32 i, guint32 base)
{
	GString *k = c->sc->pair;

	if (i + 1 >= c->n)
		return;
	g_string_assign(k, st);
	g_string_append_c(k, '\x1f');
	g_string_append_len(k, info_of(c, i + 1)->stem, info_of(c, i + 1)->len);
	try_entries(c, g_hash_table_lookup(c->l->by_pair, k->str), 2, i, base);
}

/* COMPOUND_MAX - the longest word (bytes of its stem) looked into for the
 * words it is made of ("Bewertungsgutschein"): each of its tails is looked
 * up, so a word of thousands of letters would cost their square */
#define COMPOUND_MAX 96

/* scan_spaced - every entry match in a language written with spaces */
static void scan_spaced(const Cursor *c, guint32 base)
{
	gboolean pairs = g_hash_table_size(c->l->by_pair) > 0;

	for (guint32 i = 0; i < c->n; i++) {
		const WordInfo *wi = info_of(c, i);
		const char *st = wi->stem;
		gsize n = wi->len;
		const TextWord *t = &c->tok[i];
		if (wi->first != NULL)
			try_entries(c, wi->first, 1, i, base);
		if (pairs && i + 1 < c->n && (wi->seconds & info_of(c, i + 1)->bit))
			try_pair(c, st, i, base);
		if (c->l->compound && n <= COMPOUND_MAX)
			for (gsize k = 3; k + 4 <= n; k++)
				if ((st[k] & 0xC0) != 0x80) {
					try_entries(c, g_hash_table_lookup(c->l->by_first, st + k), 1, i, base);
					const guint64 *sec;
					if (pairs && i + 1 < c->n && (sec = g_hash_table_lookup(c->l->pair_first, st + k)) &&
					    (*sec & info_of(c, i + 1)->bit))
						try_pair(c, st + k, i, base);
				}
		if (t->fold_len >= 2) {
			const guint8 *f = (const guint8 *)c->a->folded->str + t->fold;
			guint key = f[0] << 8 | f[1];
			if (c->l->prefix2_bits[key >> 3] & (1u << (key & 7))) {
				char k2[3] = { (char)f[0], (char)f[1], 0 };
				try_entries(c, g_hash_table_lookup(c->l->by_prefix2, k2), 0, i, base);
			}
		}
	}
}

/* word_at - the word of the joined text that byte off falls in */
static guint32 word_at(const LexScratch *sc, gsize off)
{
	guint32 lo = 0, hi = sc->joined_at->len - 1;    /* the last entry is the end */
	while (hi - lo > 1) {
		guint32 mid = (lo + hi) / 2;
		if (g_array_index(sc->joined_at, guint32, mid) <= off)
			lo = mid;
		else
			hi = mid;
	}
	return lo;
}

/* text_from - pieces k.. of e match the joined text from byte at; *end after */
static gboolean text_from(const char *s, gsize len, const LexEntry *e, guint k, gsize at, gsize *end)
{
	if (k == e->nwords) {
		*end = at;
		return TRUE;
	}
	if (e->words[k].kind == LW_GAP) {
		const LexWord *w = &e->words[k + 1];
		for (gsize skip = 0; skip <= LEX_GAP_BYTES && at + skip + w->len <= len; skip++)
			if (memcmp(s + at + skip, w->s, w->len) == 0 && text_from(s, len, e, k + 2, at + skip + w->len, end))
				return TRUE;
		return FALSE;
	}
	if (at + e->words[k].len > len || memcmp(s + at, e->words[k].s, e->words[k].len) != 0)
		return FALSE;
	return text_from(s, len, e, k + 1, at + e->words[k].len, end);
}

/* scan_joined - every entry match in a language written without spaces:
 * at each character, the entries whose first piece starts with it */
static void scan_joined(const Cursor *c, guint32 base)
{
	LexScratch *sc = c->sc;
	const char *s;
	gsize len;

	if (g_hash_table_size(c->l->by_char) == 0)
		return;
	g_string_truncate(sc->joined, 0);
	g_array_set_size(sc->joined_at, 0);
	for (guint32 i = 0; i < c->n; i++) {
		guint32 at = (guint32)sc->joined->len;
		g_array_append_val(sc->joined_at, at);
		g_string_append_len(sc->joined, c->a->folded->str + c->tok[i].fold, c->tok[i].fold_len);
	}
	{
		guint32 at = (guint32)sc->joined->len;
		g_array_append_val(sc->joined_at, at);
	}
	s = sc->joined->str;
	len = sc->joined->len;
	for (const char *p = s; p < s + len; p = g_utf8_next_char(p)) {
		char key[8];
		gsize n = g_utf8_next_char(p) - p;
		const GPtrArray *es;
		if (n >= sizeof key)
			continue;
		memcpy(key, p, n);
		key[n] = '\0';
		if ((es = g_hash_table_lookup(c->l->by_char, key)) == NULL)
			continue;
		for (guint j = 0; j < es->len; j++) {
			const LexEntry *e = es->pdata[j];
			gsize end;
			if ((!e->question || c->question) && text_from(s, len, e, 0, p - s, &end)) {
				LexMatch m = { .concept = e->concept, .exclude = e->exclude,
				               .t0 = base + word_at(sc, p - s),
				               .t1 = base + word_at(sc, end > 0 ? end - 1 : 0) + 1 };
				g_array_append_val(sc->matches, m);
			}
		}
	}
}

gboolean lexicon_question(const TextAnalysis *a, const TextSentence *s)
{
	const char *b = a->text->str + s->start, *end = b + s->len;

	if (!((s->len >= 1 && end[-1] == '?') || (s->len >= 3 && memcmp(end - 3, "\xef\xbc\x9f", 3) == 0) ||
	      (s->len >= 2 && memcmp(end - 2, "\xd8\x9f", 2) == 0)))   /* ? ？ ؟ */
		return FALSE;
	return s->len < 4 || memmem(b, s->len, "://", 3) == NULL;
}

/* excl_cmp - exclusions by concept, then where they start */
static int excl_cmp(gconstpointer a, gconstpointer b)
{
	const LexMatch *x = a, *y = b;

	if (x->concept != y->concept)
		return x->concept < y->concept ? -1 : 1;
	return x->t0 < y->t0 ? -1 : x->t0 > y->t0;
}

/* sort_exclusions - sc->excl: the exclusions of sc->matches by concept and
 * start, each t1 raised to the furthest end of its concept's exclusions so
 * far, so that one binary search answers covered() (a long sentence may
 * hold thousands of matches: comparing each with each would not end) */
static void sort_exclusions(LexScratch *sc)
{
	const LexMatch *m = (const LexMatch *)sc->matches->data;

	g_array_set_size(sc->excl, 0);
	for (guint i = 0; i < sc->matches->len; i++)
		if (m[i].exclude)
			g_array_append_val(sc->excl, m[i]);
	if (sc->excl->len < 2)
		return;
	g_array_sort(sc->excl, excl_cmp);
	LexMatch *e = (LexMatch *)sc->excl->data;
	for (guint i = 1; i < sc->excl->len; i++)
		if (e[i].concept == e[i - 1].concept && e[i - 1].t1 > e[i].t1)
			e[i].t1 = e[i - 1].t1;
}

/* covered - whether an exclusion of m's concept overlaps m's words */
static gboolean covered(const GArray *excl, const LexMatch *m)
{
	const LexMatch *e = (const LexMatch *)excl->data;
	guint lo = 0, hi = excl->len;

	/* the first exclusion after the last of m's concept starting before m's end */
	while (lo < hi) {
		guint mid = lo + (hi - lo) / 2;
		if (e[mid].concept < m->concept || (e[mid].concept == m->concept && e[mid].t0 < m->t1))
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo > 0 && e[lo - 1].concept == m->concept && e[lo - 1].t1 > m->t0;
}

gboolean lexicon_scan(const Lexicon *lx, guint32 mask, const TextAnalysis *a, const TextSentence *s,
                      LexScratch *sc, guint64 *bits, GArray *firsts, int want, guint32 end_after,
                      LexMatch *out)
{
	gboolean got = FALSE, question;

	if (s->n == 0)
		return FALSE;
	if (sc->generation != lx->generation) {
		g_hash_table_remove_all(sc->stem_cache);
		sc->generation = lx->generation;
	}
	question = lexicon_question(a, s);
	/* every language's matches first: an exclusion in one language
	 * ("!we ~ review") covers the same words found by another */
	g_array_set_size(sc->matches, 0);
	for (guint li = 0; li < lx->langs->len; li++) {
		const LexLang *l = lx->langs->pdata[li];
		Cursor c = { .l = l, .a = a, .tok = &g_array_index(a->tokens, TextWord, s->first), .n = s->n,
		             .sc = sc, .question = question };

		if (!(mask & (1u << li)))
			continue;
		if (l->nospace) {
			scan_joined(&c, s->first);
		} else {
			c.have = stem_words(sc, l, a, s);
			scan_spaced(&c, s->first);
		}
	}
	{
		const LexMatch *m = (const LexMatch *)sc->matches->data;
		guint nm = sc->matches->len;
		sort_exclusions(sc);
		for (guint i = 0; i < nm; i++) {
			if (m[i].exclude || covered(sc->excl, &m[i]))
				continue;
			if (bits)
				bits[m[i].concept >> 6] |= G_GUINT64_CONSTANT(1) << (m[i].concept & 63);
			if (firsts) {
				guint k;
				for (k = 0; k < firsts->len; k++) {
					LexMatch *f = &g_array_index(firsts, LexMatch, k);
					if (f->concept == m[i].concept) {
						if (m[i].t0 < f->t0)
							*f = m[i];
						break;
					}
				}
				if (k == firsts->len)
					g_array_append_val(firsts, m[i]);
			}
			if (want >= 0 && m[i].concept == (guint)want && m[i].t1 > end_after &&
			    (!got || m[i].t0 < out->t0)) {
				*out = m[i];
				got = TRUE;
			}
		}
	}
	return got;
}
