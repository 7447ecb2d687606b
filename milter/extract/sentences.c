/*
 * sentences.c - subject and body text -> paragraphs (each with its
 * language), sentences and words, for the checks that read meaning.
 *
 * In:  the subject and Facts.text (valid UTF-8), the bounds.
 * Out: a TextAnalysis (sentences.h): one copy of the text, every word with
 *      its byte range there and its folded form (NFKC + case fold).
 *
 * Choices made here:
 *  - Paragraphs end at blank lines; the subject is a paragraph of its own.
 *    CLD2 names each paragraph's language and the whole text's.
 *  - Sentences end as Unicode's sentence rules (UAX #29) end them, read
 *    here in one pass rather than by ICU's iterator, which cost as much as
 *    all the rest of the analysis: after a line feed (lists and greetings
 *    are lines); after ". ! ?" (and "。！？؟۔") and any closing quotes when
 *    a space follows, unless the next letter is lower case or the next
 *    character a comma-like one; ideographic stops need no space.  None
 *    ends at a dotted abbreviation ("e.g.", "z. B.") or a common short
 *    form ("Dr.", "bzw.", "Mme.") before a space.
 *  - Words are ICU's (UBRK_WORD: segments whose rule status is a number,
 *    letters, kana or ideographs; dictionary segmentation for Japanese and
 *    Chinese), split again at apostrophes and hyphens ("d'achat" is "d",
 *    "achat"; "5-star" is "5", "star"), so word lists need one spelling.
 *  - The text is converted to UTF-16 once, with a map from each UTF-16
 *    unit back to its byte; the word iterator is cloned once per call from
 *    a process-wide template (opening one reads ICU's data each time) and
 *    reset per sentence.  ASCII words are folded without ICU.
 *  - Bounds: max_analysis_bytes of text, max_sentences, max_tokens
 *    ("limit:analysis": the rest is left out), lim->deadline
 *    ("timeout:analysis").
 *
 * Thread safety: any number of calls at once; the template is shared
 * read-only behind a lock.
 */
#include <string.h>
#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include "extract/charset.h"
#include "extract/sentences.h"
#include "util/text.h"

#define DEADLINE_EVERY     256    /* sentences between two looks at the clock */
#define FOLD_SCRATCH_UNITS 256    /* the fold buffer's first size */

typedef struct {
	TextAnalysis *a;
	const ExtractLimits *lim;
	UChar *u;                  /* a->text in UTF-16 */
	gint32 ulen;
	guint32 *off;              /* off[i]: byte in a->text of UTF-16 unit i; off[ulen]: its length */
	UBreakIterator *words;
	const UNormalizer2 *fold;
	UChar *scratch;            /* fold output, grown as needed */
	gint32 scratch_cap;
	guint32 ntok;              /* words so far: a->tokens is sized ahead, cut to this at the end */
	gboolean stop;
} Run;

static GMutex template_lock;
static UBreakIterator *word_template;  /* never freed */

/* word_iter - this call's own word iterator, cloned from the process-wide
 * one; NULL when ICU cannot */
static UBreakIterator *word_iter(void)
{
	UErrorCode err = U_ZERO_ERROR;
	UBreakIterator *bi = NULL;

	g_mutex_lock(&template_lock);
	if (word_template == NULL) {
		word_template = ubrk_open(UBRK_WORD, "root", NULL, 0, &err);
		if (U_FAILURE(err)) {
			if (word_template != NULL)
				ubrk_close(word_template);
			word_template = NULL;
		}
	}
	err = U_ZERO_ERROR;
	if (word_template != NULL) {
		bi = ubrk_clone(word_template, &err);
		if (U_FAILURE(err)) {
			if (bi != NULL)
				ubrk_close(bi);
			bi = NULL;
		}
	}
	g_mutex_unlock(&template_lock);
	return bi;
}

static void limited(Run *r)
{
	r->a->limited = TRUE;
	r->stop = TRUE;
}

static gboolean past_deadline(Run *r)
{
	if (r->lim->deadline == 0 || g_get_monotonic_time() <= r->lim->deadline)
		return FALSE;
	r->a->timed_out = TRUE;
	r->stop = TRUE;
	return TRUE;
}

/* unit_at - the UTF-16 unit holding byte b of the text (b on a character start) */
static gint32 unit_at(const Run *r, guint32 b)
{
	gint32 lo = 0, hi = r->ulen;

	while (lo < hi) {
		gint32 mid = lo + (hi - lo) / 2;
		if (r->off[mid] < b)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* fold_into - the folded form of units [s, e) appended to a->folded */
static void fold_into(Run *r, gint32 s, gint32 e)
{
	GString *out = r->a->folded;
	const UChar *src = r->u + s;
	gint32 n = e - s, len, u8len = 0;
	UErrorCode err = U_ZERO_ERROR;
	gsize at;

	len = unorm2_normalize(r->fold, src, n, r->scratch, r->scratch_cap, &err);
	if (err == U_BUFFER_OVERFLOW_ERROR) {
		r->scratch_cap = len + 16;
		r->scratch = g_renew(UChar, r->scratch, r->scratch_cap);
		err = U_ZERO_ERROR;
		len = unorm2_normalize(r->fold, src, n, r->scratch, r->scratch_cap, &err);
	}
	if (U_FAILURE(err))
		return;
	len = text_fold_fixup(r->scratch, len);
	at = out->len;
	/* a UTF-16 unit is at most 3 bytes of UTF-8 (a pair: 4 for 2) */
	g_string_set_size(out, at + (gsize)len * 3);
	u_strToUTF8WithSub(out->str + at, len * 3, &u8len, r->scratch, len, 0xFFFD, NULL, &err);
	g_string_set_size(out, U_SUCCESS(err) ? at + (gsize)u8len : at);
}

/* add_token - units [s, e) of the text as a token, all ASCII or not when
 * ascii_known is 1 or 0 (-1: unknown); FALSE at max_tokens */
static gboolean add_token(Run *r, gint32 s, gint32 e, int ascii_known)
{
	TextAnalysis *a = r->a;
	TextWord t;
	gboolean ascii = ascii_known != 0;

	if (r->ntok >= r->lim->max_tokens) {
		limited(r);
		return FALSE;
	}
	t.start = r->off[s];
	t.len = r->off[e] - t.start;
	t.fold = (guint32)a->folded->len;
	for (gint32 i = s; i < e && ascii && ascii_known < 0; i++)
		ascii = r->u[i] < 0x80;
	if (ascii) {
		/* NFKC and case folding leave ASCII but A-Z as it is */
		const char *p = a->text->str + t.start;
		gsize at = a->folded->len;
		char *o;
		if (at + t.len < a->folded->allocated_len) {
			a->folded->len = at + t.len;   /* room made ahead: no call per word */
			a->folded->str[a->folded->len] = '\0';
		} else {
			g_string_set_size(a->folded, at + t.len);
		}
		o = a->folded->str + at;
		for (guint32 i = 0; i < t.len; i++)
			o[i] = p[i] >= 'A' && p[i] <= 'Z' ? (char)(p[i] + ('a' - 'A')) : p[i];
	} else {
		fold_into(r, s, e);
	}
	t.fold_len = (guint32)a->folded->len - t.fold;
	if (t.fold_len == 0)
		return TRUE;   /* only characters folding drops */
	g_string_append_c(a->folded, '\0');
	if (r->ntok == a->tokens->len)
		g_array_set_size(a->tokens, 2 * r->ntok + 64);
	g_array_index(a->tokens, TextWord, r->ntok++) = t;
	return TRUE;
}

/* splits_word - apostrophes and hyphens: a word is cut there */
static inline gboolean splits_word(UChar c)
{
	return c == '\'' || c == '-' || c == 0x2018 || c == 0x2019 || c == 0xFF07 ||
	       c == 0x2010 || c == 0x2011 || c == 0xFF0D;
}

/* add_word - one word of ICU's, [s, e), as its pieces */
static gboolean add_word(Run *r, gint32 s, gint32 e)
{
	gint32 from = s;

	for (gint32 i = s; i < e; i++) {
		if (!splits_word(r->u[i]))
			continue;
		if (i > from && !add_token(r, from, i, -1))
			return FALSE;
		from = i + 1;
	}
	return from < e ? add_token(r, from, e, -1) : TRUE;
}

static inline gboolean is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/* needs_dictionary - the text has a script written without spaces between
 * words (Thai, Lao, Myanmar, Khmer, Chinese, Japanese), which only ICU's
 * dictionaries cut into words */
static gboolean needs_dictionary(const UChar *u, gint32 n)
{
	for (gint32 i = 0; i < n; i++) {
		UChar c = u[i];
		if (c < 0x0E00)
			continue;
		if ((c >= 0x0E00 && c <= 0x0EFF) || (c >= 0x1000 && c <= 0x109F) || (c >= 0x1780 && c <= 0x17FF) ||
		    (c >= 0x3040 && c <= 0x30FF) || (c >= 0x3400 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) ||
		    (c >= 0xFF66 && c <= 0xFF9F) || U16_IS_SURROGATE(c))
			return TRUE;
	}
	return FALSE;
}

/* word_unit - a letter, digit, mark or format character: what words are made of */
static inline gboolean word_unit(UChar32 c)
{
	if (c < 0x80)
		return g_ascii_isalnum(c);
	/* marks, and format characters such as a soft hyphen, stay inside */
	return u_isalnum(c) || (U_GET_GC_MASK(c) & (U_GC_M_MASK | U_GC_CF_MASK)) != 0;
}

/* simple_words - the words of units [s, e) in a script that puts spaces
 * between them: runs of letters, digits and marks (what ICU's word rules
 * give there, at a fraction of the cost; a number keeps its decimal point);
 * apostrophes and hyphens split too */
static void simple_words(Run *r, gint32 s, gint32 e)
{
	gint32 from = -1;
	gboolean wide = FALSE;     /* the word so far has a character past ASCII */

	for (gint32 i = s; i < e && !r->stop; ) {
		UChar32 c;
		gint32 at = i;
		U16_NEXT(r->u, i, e, c);
		if (word_unit(c)) {
			if (from < 0) {
				from = at;
				wide = FALSE;
			}
			wide |= c >= 0x80;
			while (i < e && r->u[i] < 0x80 && g_ascii_isalnum(r->u[i]))
				i++;   /* the rest of an ASCII word at once */
		} else if (from >= 0 && (c == '.' || c == ',') && at > s && i < e &&
		           u_isdigit(r->u[at - 1]) && u_isdigit(r->u[i])) {
			/* a decimal point or separator inside a number: "1.5", "2,000" */
		} else if (from >= 0) {
			if (!add_token(r, from, at, !wide))
				return;
			from = -1;
		}
	}
	if (from >= 0 && !r->stop)
		add_token(r, from, e, !wide);
}

/* sentence - units [s, e) of paragraph p: the sentence and its words */
static void sentence(Run *r, gint32 s, gint32 e, guint32 p)
{
	TextAnalysis *a = r->a;
	TextSentence st;
	UErrorCode err = U_ZERO_ERROR;
	guint32 b = r->off[s], end = r->off[e];

	while (b < end && is_space(a->text->str[b]))
		b++;
	while (end > b && is_space(a->text->str[end - 1]))
		end--;
	if (end == b)
		return;
	if (a->sentences->len >= r->lim->max_sentences) {
		limited(r);
		return;
	}
	if (a->sentences->len % DEADLINE_EVERY == DEADLINE_EVERY - 1 && past_deadline(r))
		return;
	st.start = b;
	st.len = end - b;
	st.first = r->ntok;
	st.para = p;
	if (!needs_dictionary(r->u + s, e - s)) {
		simple_words(r, s, e);
	} else if (r->words != NULL) {
		ubrk_setText(r->words, r->u + s, e - s, &err);
		if (U_SUCCESS(err)) {
			gint32 prev = ubrk_first(r->words), next;
			while (!r->stop && (next = ubrk_next(r->words)) != UBRK_DONE) {
				if (ubrk_getRuleStatus(r->words) >= UBRK_WORD_NONE_LIMIT)
					add_word(r, s + prev, s + next);
				prev = next;
			}
		}
	}
	st.n = r->ntok - st.first;
	g_array_append_val(a->sentences, st);
}

/* Abbreviations after which a sentence goes on, in the marketplaces'
 * languages: titles and the usual short forms of mail (a lower-case word
 * after the dot goes on anyway).  A '#' first: only before a number
 * ("No. 5"; "the answer is no." ends a sentence). */
static const char *const abbreviations[] = {
	"mr", "mrs", "ms", "dr", "prof", "st", "approx", "dept", "#no", "#nr", "#tel",
	"hr", "fr", "frau", "str", "ca", "bzw", "evtl", "ggf", "inkl", "zzgl", "gem", "vgl",
	"mme", "mlle", "env", "sr", "sra", "srta", "dra", "ud", "uds", "sig", "dott", "gent",
	"egr", "dhr", "mevr", "bijv", "ul", "np", "sn", "vb", "#n", "#art", "#num",
};

static gboolean is_dotted_part(const UChar *u, gint32 from, gint32 to)
{
	return to - from >= 1 && to - from <= 2 && (from == 0 || !u_isalnum(u[from - 1]));
}

/* goes_on - the break at unit n of u (len units) follows an abbreviation,
 * not a sentence's end: a dotted one ("e.g.", "z.B.", "z. B.", "d.h.")
 * or one of the list above; only before a space, never a line end */
static gboolean goes_on(const UChar *u, gint32 n, gint32 len)
{
	gint32 i = n, w, parts = 0;
	char word[8];
	gboolean digit_next;

	while (i > 0 && (u[i - 1] == ' ' || u[i - 1] == '\t'))
		i--;
	if (i == n || i == 0 || u[i - 1] != '.' || n >= len)
		return FALSE;   /* a line end, no space or no dot: the break stands */
	digit_next = u_isdigit(u[n]);
	/* the word before the dot */
	for (w = i - 1; w > 0 && u_isalpha(u[w - 1]); w--)
		;
	if (w == i - 1)
		return FALSE;
	/* dotted: "x.y." or "x. y." before the break, or "x." before it and "y." after */
	for (gint32 e = i - 1, b = w; is_dotted_part(u, b, e); ) {
		parts++;
		if (b >= 1 && u[b - 1] == '.')
			e = b - 1;
		else if (b >= 2 && u[b - 1] == ' ' && u[b - 2] == '.')
			e = b - 2;   /* "z. B." */
		else
			break;
		for (b = e; b > 0 && u_isalpha(u[b - 1]); b--)
			;
	}
	if (parts >= 2)
		return TRUE;
	/* "z. B.": single letters only, "no. No. 5" is two sentences */
	if (parts == 1 && w == i - 2 && n + 1 < len && u_isalpha(u[n]) && u[n + 1] == '.')
		return TRUE;
	if (i - 1 - w >= (gint32)sizeof word)
		return FALSE;
	for (gint32 k = w; k < i - 1; k++) {
		if (u[k] >= 0x80)
			return FALSE;
		word[k - w] = g_ascii_tolower((char)u[k]);
	}
	word[i - 1 - w] = '\0';
	for (guint k = 0; k < G_N_ELEMENTS(abbreviations); k++) {
		const char *ab = abbreviations[k];
		gboolean need_digit = ab[0] == '#';
		if (ab[need_digit] == word[0] && strcmp(ab + need_digit, word) == 0)
			return !need_digit || digit_next;
	}
	return FALSE;
}

/* Sentence-ending marks: terminators ("?!", the Arabic question mark and
 * full stop, the ideographic ones) and the full stop, which also ends
 * abbreviations and numbers; closers that stay with the sentence before */
static inline gboolean is_fullstop(UChar c)
{
	return c == '.' || c == 0xFF0E;
}

static inline gboolean is_terminator(UChar c)
{
	return c == '!' || c == '?' || c == 0x061F || c == 0x06D4 || c == 0x0964 || c == 0x0965 ||
	       c == 0x3002 || c == 0xFF01 || c == 0xFF1F || c == 0xFF61 || c == 0x203C || c == 0x2047 ||
	       c == 0x2048 || c == 0x2049;
}

/* ideographic stops end a sentence with no space after them */
static inline gboolean is_wide_stop(UChar c)
{
	return c == 0x3002 || c == 0xFF01 || c == 0xFF1F || c == 0xFF61 || c == 0xFF0E;
}

static inline gboolean is_closer(UChar c)
{
	if (c == '"' || c == '\'' || c == ')' || c == ']' || c == '}')
		return TRUE;
	if (c < 0x80)
		return FALSE;
	switch (u_charType(c)) {
	case U_END_PUNCTUATION:
	case U_INITIAL_PUNCTUATION:
	case U_FINAL_PUNCTUATION:
		return TRUE;
	default:
		return FALSE;
	}
}

static inline gboolean is_line_end(UChar c)
{
	return c == '\n' || c == '\r' || c == 0x85 || c == 0x2028 || c == 0x2029;
}

static inline gboolean is_blank(UChar c)
{
	return c == ' ' || c == '\t' || c == 0xA0 || c == 0x3000 || (c >= 0x2000 && c <= 0x200A) || c == 0x202F;
}

/* continues - what follows a full stop and spaces keeps the sentence
 * going: its next letter is lower case ("approx. two days", "p.m. and"),
 * or a comma-like mark comes first */
static gboolean continues(const UChar *u, gint32 k, gint32 len)
{
	if (k < len && (u[k] == ',' || u[k] == ';' || u[k] == ':' || u[k] == 0x3001 || u[k] == 0xFF0C ||
	                u[k] == 0x060C || u[k] == '-' || u[k] == 0x2013 || u[k] == 0x2014))
		return TRUE;
	for (gint32 i = k; i < len; ) {
		UChar32 c;
		U16_NEXT(u, i, len, c);
		if (is_line_end((UChar)c) || is_fullstop((UChar)c) || is_terminator((UChar)c))
			return FALSE;
		if (u_isalpha(c))
			return u_islower(c);
	}
	return FALSE;
}

/* SOFT_WRAP_MIN - a line at least this long (UTF-16 units) that ends
 * without a stop, before a line that starts in lower case, was wrapped by
 * the writer's mail program: the sentence goes on ("Quando ha un momento,
 * scriva una breve / recensione del prodotto").  Shorter lines (a greeting,
 * a list) end where they end. */
#define SOFT_WRAP_MIN 40

/* soft_wrap - the line end at eol (the next line at next) of u is a wrap */
static gboolean soft_wrap(const UChar *u, gint32 eol, gint32 next, gint32 len)
{
	gint32 b = eol, e = eol, k;
	UChar32 c;

	while (b > 0 && !is_line_end(u[b - 1]))
		b--;
	if (eol - b < SOFT_WRAP_MIN)
		return FALSE;
	while (e > b && is_blank(u[e - 1]))
		e--;
	if (e == b || is_terminator(u[e - 1]) || is_fullstop(u[e - 1]) || is_closer(u[e - 1]))
		return FALSE;
	while (next < len && is_blank(u[next]))
		next++;
	if (next >= len)
		return FALSE;
	k = next;
	U16_NEXT(u, k, len, c);
	return u_islower(c);
}

/* the ASCII characters next_break stops at */
static const guint8 ascii_stop[128] = { ['.'] = 1, ['!'] = 1, ['?'] = 1, ['\n'] = 1, ['\r'] = 1 };

/* next_break - where the sentence that starts at unit from of u (len units)
 * ends: after its terminator, closers and spaces, or after a line end */
static gint32 next_break(const UChar *u, gint32 from, gint32 len)
{
	for (gint32 i = from; i < len; i++) {
		UChar c = u[i];
		gint32 j, k;
		if (c < 0x80 && !ascii_stop[c])
			continue;   /* most of any text */
		if (is_line_end(c)) {
			gint32 after = c == '\r' && i + 1 < len && u[i + 1] == '\n' ? i + 2 : i + 1;
			if (!soft_wrap(u, i, after, len))
				return after;
			i = after - 1;
			continue;
		}
		if (!is_terminator(c) && !is_fullstop(c))
			continue;
		for (j = i + 1; j < len && (is_terminator(u[j]) || is_fullstop(u[j])); j++)
			;                            /* "?!", "..." */
		while (j < len && is_closer(u[j]))
			j++;
		for (k = j; k < len && is_blank(u[k]); k++)
			;
		if (k == len)
			return len;
		if (is_line_end(u[k])) {
			i = k - 1;                   /* the line end ends it */
			continue;
		}
		if (k == j && !is_wide_stop(u[j - 1]) && !is_wide_stop(c)) {
			/* no space: "3.5", "U.S.", "amazon.de", "Really?!" inside a word */
			i = j - 1;
			continue;
		}
		if (is_fullstop(u[j - 1]) || is_fullstop(c) ? continues(u, k, len) : FALSE) {
			i = k - 1;
			continue;
		}
		return k;
	}
	return len;
}

/* paragraph - bytes [b, end) of the text (trimmed, not empty) */
static void paragraph(Run *r, guint32 b, guint32 end)
{
	TextAnalysis *a = r->a;
	TextPara p = { .start = b, .len = end - b };
	gint32 us, ue, n;
	guint32 idx;

	if (past_deadline(r))
		return;
	/* text CLD2 finds in one language only, surely, is that language in
	 * every paragraph: asking again per paragraph would cost the most */
	if (a->lang.reliable && a->lang.n == 1)
		p.lang = a->lang;
	else
		language_detect(a->text->str + b, end - b, &p.lang);
	idx = a->paras->len;
	g_array_append_val(a->paras, p);
	us = unit_at(r, b);
	ue = unit_at(r, end);
	n = ue - us;
	for (gint32 s = 0, e = 0; !r->stop && e < n; ) {
		e = next_break(r->u + us, e, n);
		if (e < n && goes_on(r->u + us, e, n))
			continue;
		sentence(r, us + s, us + e, idx);
		s = e;
	}
}

/* The paragraphs met so far, by a hash of their text; an equal hash is
 * compared whole, so no crafted paragraph can pass for another.  Past
 * SEEN_CHAIN_MAX paragraphs of one hash (a crafted flood) a paragraph is
 * read again rather than compared with each. */
#define SEEN_CHAIN_MAX 8

typedef struct {
	guint32 start, len;
	guint32 next;           /* the one before it with this hash, + 1; 0: none */
} SeenPara;

typedef struct {
	GArray *paras;          /* SeenPara */
	GHashTable *last;       /* hash -> index + 1 of its latest SeenPara */
} Seen;

/* same_text - a and b are alike, white space runs counted as one space */
static gboolean same_text(const char *a, gsize na, const char *b, gsize nb)
{
	gsize i = 0, j = 0;

	for (;;) {
		gboolean sa = FALSE, sb = FALSE;
		while (i < na && is_space(a[i])) {
			sa = i > 0;
			i++;
		}
		while (j < nb && is_space(b[j])) {
			sb = j > 0;
			j++;
		}
		if (i >= na || j >= nb)
			return i >= na && j >= nb;
		if (sa != sb || a[i] != b[j])
			return FALSE;
		i++;
		j++;
	}
}

/* seen_before - bytes [b, b + n) of the text are a paragraph in seen,
 * white space runs counted as one space; else it is added */
static gboolean seen_before(Seen *seen, const char *t, guint32 b, guint32 n)
{
	const char *p = t + b;
	guint32 h = 5381;
	gboolean space = FALSE;

	for (guint32 i = 0; i < n; i++) {
		if (is_space(p[i])) {
			space = i > 0;
			continue;
		}
		if (space)
			h = h * 33 + ' ';
		space = FALSE;
		h = h * 33 + (guchar)p[i];
	}
	guint32 first = GPOINTER_TO_UINT(g_hash_table_lookup(seen->last, GUINT_TO_POINTER(h))), chain = 0;
	for (guint32 k = first; k != 0; chain++) {
		const SeenPara *sp = &g_array_index(seen->paras, SeenPara, k - 1);
		if (chain == SEEN_CHAIN_MAX)
			return FALSE;
		if (same_text(t + sp->start, sp->len, p, n))
			return TRUE;
		k = sp->next;
	}
	{
		SeenPara sp = { b, n, first };
		g_array_append_val(seen->paras, sp);
		g_hash_table_insert(seen->last, GUINT_TO_POINTER(h), GUINT_TO_POINTER(seen->paras->len));
	}
	return FALSE;
}

/* paragraphs - [b, end) of the text split at blank lines */
static void paragraphs(Run *r, guint32 b, guint32 end)
{
	const char *t = r->a->text->str;
	guint32 start = b, last = b;   /* the paragraph so far: [start, last) */
	gboolean open = FALSE;
	/* a paragraph met again (the plain and the HTML copy of one text, a
	 * quoted reply) says nothing new: its words are read once */
	Seen seen = { g_array_new(FALSE, FALSE, sizeof(SeenPara)), g_hash_table_new(NULL, NULL) };

	while (b <= end && !r->stop) {
		const char *lf = memchr(t + b, '\n', end - b);
		guint32 nl = lf != NULL ? (guint32)(lf - t) : end, content = b;
		gboolean blank;
		while (content < nl && is_space(t[content]))
			content++;
		blank = content == nl;
		if (!blank) {
			if (!open)
				start = content;
			open = TRUE;
			last = nl;
			while (last > start && is_space(t[last - 1]))
				last--;
		}
		/* a blank line or the end closes the paragraph */
		if ((blank || nl >= end) && open) {
			if (!seen_before(&seen, t, start, last - start))
				paragraph(r, start, last);
			open = FALSE;
		}
		b = nl + 1;
	}
	g_array_unref(seen.paras);
	g_hash_table_unref(seen.last);
}

/* to_utf16 - the text in UTF-16 and the map back to bytes, in one pass
 * (build_text made it valid UTF-8); FALSE on a byte that starts no character */
static gboolean to_utf16(Run *r)
{
	const guchar *t = (const guchar *)r->a->text->str;
	guint32 n = (guint32)r->a->text->len, k = 0;

	/* at most one unit per byte */
	r->u = g_new(UChar, (gsize)n + 1);
	r->off = g_new(guint32, (gsize)n + 1);
	for (guint32 i = 0; i < n; ) {
		guchar c = t[i];
		guint32 need, cp;
		if (c < 0x80) {
			r->u[k] = c;
			r->off[k++] = i++;
			continue;
		}
		need = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : 1;
		if (c < 0xC2 || c > 0xF4 || i + need >= n)
			return FALSE;
		cp = c & (0x3F >> need);
		for (guint32 j = 1; j <= need; j++) {
			if ((t[i + j] & 0xC0) != 0x80)
				return FALSE;
			cp = cp << 6 | (t[i + j] & 0x3F);
		}
		if (cp >= 0x10000) {
			r->u[k] = U16_LEAD(cp);
			r->off[k++] = i;   /* a surrogate pair: both units at the character */
			r->u[k] = U16_TRAIL(cp);
		} else {
			r->u[k] = (UChar)cp;
		}
		r->off[k++] = i;
		i += need + 1;
	}
	r->u[k] = 0;
	r->off[k] = n;
	r->ulen = (gint32)k;
	return TRUE;
}

/* append_valid - len bytes of s, invalid UTF-8 and NUL replaced by U+FFFD */
static void append_valid(GString *t, const char *s, gsize len)
{
	if (g_utf8_validate_len(s, len, NULL)) {
		g_string_append_len(t, s, (gssize)len);
	} else {
		char *v = g_utf8_make_valid(s, (gssize)len);
		g_string_append(t, v);
		g_free(v);
	}
}

/* cut - t within max bytes, at a character */
static void cut(TextAnalysis *a, gsize max)
{
	if (a->text->len <= max)
		return;
	g_string_truncate(a->text, charset_cut(a->text->str, a->text->len, max));
	a->limited = TRUE;
}

/* build_text - subject "\n\n" text, within max bytes, valid UTF-8 */
static void build_text(TextAnalysis *a, const char *subject, const char *text, gsize text_len,
                       gsize max)
{
	GString *t = a->text;
	gsize slen = subject ? strlen(subject) : 0, n;

	/* no more than fits is copied: Facts.text may be 16 times the bound */
	n = charset_cut(subject, slen, max);
	append_valid(t, subject, n);
	a->limited = n < slen;
	cut(a, max);   /* U+FFFD for an invalid byte takes three */
	a->subject_len = (guint32)t->len;
	g_string_append(t, "\n\n");
	cut(a, max);
	n = charset_cut(text, text_len, max - t->len);
	append_valid(t, text, n);
	a->limited |= n < text_len;
	cut(a, max);
}

/* The whole text's language is read from its start and its end: CLD2's
 * time grows with what it reads, and a quoted reply or a signature in
 * another language sits at the end; when the two disagree or CLD2 is
 * unsure, each paragraph is read on its own (paragraph()). */
#define SAMPLE_HEAD 384
#define SAMPLE_TAIL 256

/* sample_language - a->lang from the start and the end of the text */
static void sample_language(TextAnalysis *a)
{
	const char *t = a->text->str;
	gsize n = a->text->len, tail;
	GString *s;

	if (n <= SAMPLE_HEAD + SAMPLE_TAIL) {
		language_detect(t, n, &a->lang);
		return;
	}
	s = g_string_sized_new(SAMPLE_HEAD + SAMPLE_TAIL + 2);
	g_string_append_len(s, t, SAMPLE_HEAD);
	while (s->len > 0 && ((guchar)s->str[s->len - 1] & 0xC0) == 0x80)
		g_string_truncate(s, s->len - 1);          /* not inside a character */
	if (s->len > 0 && ((guchar)s->str[s->len - 1] & 0xC0) == 0xC0)
		g_string_truncate(s, s->len - 1);
	g_string_append(s, "\n\n");
	tail = n - SAMPLE_TAIL;
	while (tail < n && ((guchar)t[tail] & 0xC0) == 0x80)
		tail++;
	g_string_append_len(s, t + tail, n - tail);
	language_detect(s->str, s->len, &a->lang);
	g_string_free(s, TRUE);
}

TextAnalysis *sentences_analyse(const char *subject, const char *text, gsize text_len,
                                const ExtractLimits *lim)
{
	TextAnalysis *a = text_analysis_new();
	ExtractLimits defaults;
	UErrorCode err = U_ZERO_ERROR;
	Run r = { 0 };

	if (lim == NULL) {
		limits_default(&defaults);
		lim = &defaults;
	}
	/* offsets are 32 bits wide */
	build_text(a, subject ? subject : "", text ? text : "", text ? text_len : 0,
	           (gsize)MIN(lim->max_analysis_bytes, (guint64)G_MAXINT32 / 2));
	r.a = a;
	r.lim = lim;
	if (a->text->len == 2 && a->subject_len == 0)
		return a;   /* nothing but the separator */
	sample_language(a);
	r.fold = unorm2_getNFKCCasefoldInstance(&err);
	if (U_FAILURE(err) || !to_utf16(&r))
		goto out;
	/* room for the folded words as written and a NUL after each */
	g_string_set_size(a->folded, a->text->len + a->text->len / 4 + 16);
	g_string_truncate(a->folded, 0);
	r.scratch_cap = FOLD_SCRATCH_UNITS;
	r.scratch = g_new(UChar, r.scratch_cap);
	r.words = word_iter();
	{
		/* the subject is one paragraph whatever it holds */
		guint32 b = 0, e = a->subject_len;
		while (b < e && is_space(a->text->str[b]))
			b++;
		while (e > b && is_space(a->text->str[e - 1]))
			e--;
		if (e > b)
			paragraph(&r, b, e);
	}
	if (!r.stop && a->text->len > a->subject_len)
		paragraphs(&r, MIN(a->subject_len + 2, (guint32)a->text->len), (guint32)a->text->len);
out:
	g_array_set_size(a->tokens, r.ntok);
	if (r.words != NULL)
		ubrk_close(r.words);
	g_free(r.scratch);
	g_free(r.u);
	g_free(r.off);
	return a;
}

void sentences_attach(Facts *f, const ExtractLimits *lim)
{
	TextAnalysis *a = sentences_analyse(f->subject, f->text->str, f->text->len, lim);

	text_analysis_free(f->analysis);
	f->analysis = a;
	if (a->limited)
		facts_add_anomaly(f, "limit", "analysis");
	if (a->timed_out)
		facts_add_anomaly(f, "timeout", "analysis");
}
