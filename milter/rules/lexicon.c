/*
 * rules/lexicon.c - lexicon files -> an immutable Lexicon.
 *
 * Input: lexicon/<lang>/<concept>.words below the rules directory, then
 * below the local directory (whose entries add to the shipped ones).  One
 * entry a line: words that follow each other in a sentence; "word*" any
 * word starting so; "~" up to three words between; "!" first: an exclusion
 * (those words are another sense, and the concept's words inside them do
 * not count); "#" a comment.  Each word is folded (NFKC, case) and reduced
 * to its stem by the language's Snowball stemmer, as the words of a
 * message are, so one form of a word stands for its inflections.  Japanese
 * (and other languages written without spaces) entries are pieces of text,
 * "~" there skipping up to 24 bytes.  Output: per language, the entries
 * indexed by their first word (their first two, when both are words; the
 * first character of the first piece in languages without spaces); errors
 * as "file:line:col: message".
 */
#include <string.h>
#include <libstemmer.h>
#include "rules/internal.h"
#include "rules/lexicon.h"
#include "util/text.h"

/* Written without spaces between words: entries are pieces of text. */
static const char *const nospace_langs[] = { "ja", "zh", "th", NULL };
/* Glue words into compounds whose last part carries the meaning. */
static const char *const compound_langs[] = { "de", "nl", "sv", "da", "no", NULL };

static gboolean in_set(const char *const *set, const char *code)
{
	for (; *set; set++)
		if (strcmp(*set, code) == 0)
			return TRUE;
	return FALSE;
}

static void entry_free(gpointer p)
{
	LexEntry *e = p;
	for (guint i = 0; i < e->nwords; i++)
		g_free(e->words[i].s);
	g_free(e->words);
	g_free(e->text);
	g_free(e);
}

static void lang_free(gpointer p)
{
	LexLang *l = p;
	GHashTable **tables[] = { &l->by_first, &l->by_pair, &l->pair_first, &l->by_prefix2, &l->seen,
	                          &l->stems, &l->by_char };

	g_free(l->code);
	g_ptr_array_unref(l->entries);
	g_ptr_array_unref(l->files);
	for (guint i = 0; i < G_N_ELEMENTS(tables); i++)
		g_clear_pointer(tables[i], g_hash_table_unref);
	g_free(l);
}

Lexicon *lexicon_new(void)
{
	static gint generations;
	Lexicon *lx = g_new0(Lexicon, 1);
	lx->generation = (guint)g_atomic_int_add(&generations, 1) + 1;
	lx->concepts = g_ptr_array_new_with_free_func(g_free);
	lx->ids = g_hash_table_new(g_str_hash, g_str_equal);
	lx->langs = g_ptr_array_new_with_free_func(lang_free);
	return lx;
}

void lexicon_free(Lexicon *lx)
{
	if (lx == NULL)
		return;
	g_hash_table_unref(lx->ids);
	g_ptr_array_unref(lx->concepts);
	g_ptr_array_unref(lx->langs);
	g_free(lx);
}

int lexicon_concept(const Lexicon *lx, const char *name)
{
	gpointer v = lx ? g_hash_table_lookup(lx->ids, name) : NULL;
	return v ? GPOINTER_TO_INT(v) - 1 : -1;
}

int lexicon_lang(const Lexicon *lx, const char *code)
{
	for (guint i = 0; lx && i < lx->langs->len; i++)
		if (strcmp(((LexLang *)lx->langs->pdata[i])->code, code) == 0)
			return (int)i;
	return -1;
}

/* lang_get - the language code's lexicon, made on first use; NULL past LEX_MAX_LANGS */
static LexLang *lang_get(Lexicon *lx, const char *code)
{
	int i = lexicon_lang(lx, code);
	LexLang *l;
	struct sb_stemmer *st;

	if (i >= 0)
		return lx->langs->pdata[i];
	if (lx->langs->len >= LEX_MAX_LANGS)
		return NULL;
	l = g_new0(LexLang, 1);
	l->code = g_strdup(code);
	l->nospace = in_set(nospace_langs, code);
	l->compound = in_set(compound_langs, code);
	if ((st = sb_stemmer_new(code, "UTF_8")) != NULL) {
		l->stemmed = TRUE;
		sb_stemmer_delete(st);
	}
	l->entries = g_ptr_array_new_with_free_func(entry_free);
	l->files = g_ptr_array_new_with_free_func(g_free);
	l->seen = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
	l->stems = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
	g_ptr_array_add(lx->langs, l);
	return l;
}

static int concept_get(Lexicon *lx, const char *name)
{
	int id = lexicon_concept(lx, name);
	if (id >= 0 || lx->concepts->len >= LEX_MAX_CONCEPTS)
		return id;
	g_ptr_array_add(lx->concepts, g_strdup(name));
	g_hash_table_insert(lx->ids, lx->concepts->pdata[lx->concepts->len - 1],
	                    GINT_TO_POINTER((int)lx->concepts->len));
	return (int)lx->concepts->len - 1;
}

/* Where a word of a message splits (sentences.c does the same to the text). */
static gboolean word_char(gunichar c)
{
	return g_unichar_isalnum(c) || g_unichar_ismark(c);
}

TextAnalysis *lexicon_words(const char *s, gsize len)
{
	TextAnalysis *a = text_analysis_new();
	TextSentence sen = { 0 };
	const char *start = NULL;

	text_nfkc_fold(s, len, a->text);
	for (const char *p = a->text->str;; p = g_utf8_next_char(p)) {
		gboolean wc = *p && word_char(g_utf8_get_char(p));
		if (wc && start == NULL)
			start = p;
		if (!wc && start != NULL) {
			TextWord t = { .start = (guint32)(start - a->text->str), .len = (guint32)(p - start) };
			t.fold = (guint32)a->folded->len;
			t.fold_len = t.len;
			g_string_append_len(a->folded, start, t.len);
			g_string_append_c(a->folded, '\0');
			g_array_append_val(a->tokens, t);
			start = NULL;
		}
		if (!*p)
			break;
	}
	sen.n = a->tokens->len;
	sen.len = (guint32)a->text->len;
	g_array_append_val(a->sentences, sen);
	return a;
}

/* add_words - the folded pieces of one written word, split where the
 * tokeniser splits (apostrophes, hyphens, other punctuation) */
static void add_words(GArray *out, const char *w, LexLang *l, struct sb_stemmer *st, gboolean prefix,
                      GString *f)
{
	const char *p, *start = NULL;

	g_string_truncate(f, 0);
	text_nfkc_fold(w, strlen(w), f);
	for (p = f->str;; p = g_utf8_next_char(p)) {
		gboolean wc = *p && word_char(g_utf8_get_char(p));
		if (wc && start == NULL)
			start = p;
		if (!wc && start != NULL) {
			LexWord lw = { .kind = LW_STEM };
			gsize n = p - start;
			if (prefix && *p == '\0') {
				lw.kind = LW_PREFIX;
				lw.s = g_strndup(start, n);
			} else if (st != NULL) {
				g_autofree char *word = g_strndup(start, n);
				const char *stem = g_hash_table_lookup(l->stems, word);
				if (stem == NULL) {
					const sb_symbol *s = sb_stemmer_stem(st, (const sb_symbol *)start, (int)n);
					stem = s ? g_strndup((const char *)s, sb_stemmer_length(st)) : g_strdup(word);
					g_hash_table_insert(l->stems, g_steal_pointer(&word), (char *)stem);
				}
				lw.s = g_strdup(stem);
			} else {
				lw.s = g_strndup(start, n);
			}
			lw.len = (guint)strlen(lw.s);
			g_array_append_val(out, lw);
			start = NULL;
		}
		if (!*p)
			break;
	}
}

/* parse_entry - one line's entry, or NULL with *why set */
static LexEntry *parse_entry(LexLang *l, struct sb_stemmer *st, const char *line, const char **why)
{
	GArray *words = g_array_new(FALSE, TRUE, sizeof(LexWord));
	LexEntry *e = g_new0(LexEntry, 1);
	g_autofree char *own = g_strdup(line);
	char *p = own;
	gsize n;

	if (*p == '!') {
		e->exclude = TRUE;
		p++;
		while (g_ascii_isspace(*p))
			p++;
	}
	/* a trailing "?" (or "？"): the entry counts only in a question */
	n = strlen(p);
	if (n > 0 && p[n - 1] == '?') {
		e->question = TRUE;
		p[n - 1] = '\0';
	} else if (n >= 3 && memcmp(p + n - 3, "\xef\xbc\x9f", 3) == 0) {
		e->question = TRUE;
		p[n - 3] = '\0';
	}
	if (l->nospace) {
		char **pieces = g_strsplit(p, "~", -1);
		for (char **x = pieces; *x; x++) {
			GString *f = g_string_new(NULL);
			g_autofree char *nos = g_strdup(*x);
			char *o = nos;
			for (char *q = *x; *q; q++)
				if (!g_ascii_isspace(*q))
					*o++ = *q;
			*o = '\0';
			text_nfkc_fold(nos, strlen(nos), f);
			if (x != pieces) {
				LexWord gap = { .kind = LW_GAP };
				g_array_append_val(words, gap);
			}
			LexWord lw = { .kind = LW_TEXT, .len = (guint)f->len };
			lw.s = g_string_free(f, FALSE);
			g_array_append_val(words, lw);
		}
		g_strfreev(pieces);
	} else {
		g_autoptr(GString) fold = g_string_sized_new(64);
		char *save = NULL;
		for (char *x = strtok_r(p, " \t", &save); x; x = strtok_r(NULL, " \t", &save)) {
			gsize n = strlen(x);
			if (strcmp(x, "~") == 0) {
				LexWord gap = { .kind = LW_GAP };
				g_array_append_val(words, gap);
				continue;
			}
			guint before = words->len;
			gboolean prefix = n > 1 && x[n - 1] == '*';
			if (prefix)
				x[n - 1] = '\0';
			add_words(words, x, l, st, prefix, fold);
			if (prefix && (words->len == before ||
			               g_array_index(words, LexWord, words->len - 1).kind != LW_PREFIX)) {
				*why = "\"*\" ends a word: write it right after the letters, as in gutschein*";
				goto bad;
			}
			if (prefix && g_utf8_strlen(g_array_index(words, LexWord, words->len - 1).s, -1) < 2) {
				*why = "a word ending in \"*\" needs at least two letters before it";
				goto bad;
			}
		}
	}
	e->nwords = words->len;
	e->words = (LexWord *)g_array_free(words, FALSE);
	words = NULL;
	if (e->nwords == 0 || (e->nwords == 1 && e->words[0].kind == LW_TEXT && e->words[0].len == 0)) {
		*why = "an entry needs a word";
		goto bad;
	}
	if (e->nwords > LEX_MAX_WORDS) {
		*why = "too many words in one entry (at most 12)";
		goto bad;
	}
	for (guint i = 0; i < e->nwords; i++) {
		gboolean gap = e->words[i].kind == LW_GAP;
		if (gap && (i == 0 || i + 1 == e->nwords || e->words[i + 1].kind == LW_GAP)) {
			*why = "\"~\" goes between two words";
			goto bad;
		}
		if (e->words[i].kind == LW_TEXT && e->words[i].len == 0) {
			*why = "\"~\" goes between two pieces of text";
			goto bad;
		}
	}
	return e;
bad:
	if (words) {
		for (guint i = 0; i < words->len; i++)
			g_free(g_array_index(words, LexWord, i).s);
		g_array_unref(words);
	}
	entry_free(e);
	return NULL;
}

/* entry_key - what makes two entries the same once stemmed */
static char *entry_key(const LexEntry *e)
{
	GString *k = g_string_sized_new(64);

	g_string_append_c(k, (char)('A' + (e->concept >> 12 & 15)));
	g_string_append_c(k, (char)('A' + (e->concept >> 8 & 15)));
	g_string_append_c(k, (char)('A' + (e->concept >> 4 & 15)));
	g_string_append_c(k, (char)('A' + (e->concept & 15)));
	if (e->exclude)
		g_string_append_c(k, '!');
	if (e->question)
		g_string_append_c(k, '?');
	for (guint i = 0; i < e->nwords; i++) {
		g_string_append_c(k, '|');
		g_string_append_c(k, (char)('0' + e->words[i].kind));
		if (e->words[i].s)
			g_string_append(k, e->words[i].s);
	}
	return g_string_free(k, FALSE);
}

static gboolean valid_name(const char *s, gboolean lang)
{
	if (!*s)
		return FALSE;
	for (; *s; s++)
		if (!(g_ascii_islower(*s) || (!lang && (g_ascii_isdigit(*s) || *s == '_'))))
			return FALSE;
	return TRUE;
}

/* read_file - the entries of one lexicon file */
static void read_file(Lexicon *lx, LexLang *l, int concept, const char *path, RulesDiag *diag)
{
	char *text = NULL;
	gsize len = 0;
	GError *err = NULL;
	struct sb_stemmer *st = l->stemmed ? sb_stemmer_new(l->code, "UTF_8") : NULL;
	guint lineno = 0;
	const char *file = NULL;

	(void)lx;
	if (!g_file_get_contents(path, &text, &len, &err)) {
		rules_diag_add(diag, path, 0, 0, "cannot read lexicon file: %s", err->message);
		g_error_free(err);
		goto out;
	}
	if (len > LEX_FILE_MAX || !g_utf8_validate(text, len, NULL)) {
		rules_diag_add(diag, path, 0, 0, len > LEX_FILE_MAX ? "lexicon file larger than 4 MB"
		                                                   : "lexicon file is not UTF-8 text");
		goto out;
	}
	for (char *line = text, *next; line && *line && !rules_diag_full(diag); line = next) {
		const char *why = NULL;
		char *hash;
		LexEntry *e;
		guint col;

		next = strchr(line, '\n');
		if (next)
			*next++ = '\0';
		lineno++;
		if ((hash = strchr(line, '#')) != NULL)
			*hash = '\0';
		g_strstrip(line);
		if (!*line)
			continue;
		col = 1;
		if ((e = parse_entry(l, st, line, &why)) == NULL) {
			rules_diag_add(diag, path, lineno, col, "%s", why);
			continue;
		}
		e->concept = (guint16)concept;
		e->text = g_strdup(line);
		if (file == NULL) {
			file = g_strdup(path);
			g_ptr_array_add(l->files, (char *)file);
		}
		e->file = file;
		e->line = lineno;
		char *key = entry_key(e);
		const LexEntry *prev = g_hash_table_lookup(l->seen, key);
		if (prev != NULL) {
			rules_diag_add(diag, path, lineno, col, "duplicate entry \"%s\": %s:%u has the same words%s",
			               line, prev->file, prev->line, l->stemmed ? " once stemmed" : "");
			g_free(key);
			entry_free(e);
			continue;
		}
		g_hash_table_insert(l->seen, key, e);
		g_ptr_array_add(l->entries, e);
	}
out:
	if (st)
		sb_stemmer_delete(st);
	g_free(text);
}

static gint cmp_str(gconstpointer a, gconstpointer b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* lexicon_read_dir - see rules/internal.h */
void lexicon_read_dir(Lexicon *lx, const char *dir, RulesDiag *diag)
{
	GDir *d;
	const char *name;
	GPtrArray *langs;

	if (!g_file_test(dir, G_FILE_TEST_IS_DIR) || (d = g_dir_open(dir, 0, NULL)) == NULL)
		return;
	langs = g_ptr_array_new_with_free_func(g_free);
	while ((name = g_dir_read_name(d)) != NULL)
		if (name[0] != '.')
			g_ptr_array_add(langs, g_strdup(name));
	g_dir_close(d);
	g_ptr_array_sort(langs, cmp_str);
	for (guint i = 0; i < langs->len && !rules_diag_full(diag); i++) {
		const char *code = langs->pdata[i];
		char *ldir = g_build_filename(dir, code, NULL);
		GPtrArray *files;
		LexLang *l;

		if (!g_file_test(ldir, G_FILE_TEST_IS_DIR)) {
			g_free(ldir);
			continue;
		}
		if (!valid_name(code, TRUE) || strlen(code) > 3) {
			rules_diag_add(diag, ldir, 0, 0, "a lexicon directory is named after its language's "
			               "ISO 639-1 code (de, ja, pt, …), not \"%s\"", code);
			g_free(ldir);
			continue;
		}
		if ((l = lang_get(lx, code)) == NULL) {
			rules_diag_add(diag, ldir, 0, 0, "too many lexicon languages (at most %d)", LEX_MAX_LANGS);
			g_free(ldir);
			break;
		}
		files = g_ptr_array_new_with_free_func(g_free);
		if ((d = g_dir_open(ldir, 0, NULL)) != NULL) {
			while ((name = g_dir_read_name(d)) != NULL)
				if (name[0] != '.' && g_str_has_suffix(name, ".words"))
					g_ptr_array_add(files, g_strdup(name));
			g_dir_close(d);
		}
		g_ptr_array_sort(files, cmp_str);
		for (guint j = 0; j < files->len && !rules_diag_full(diag); j++) {
			const char *fn = files->pdata[j];
			char *base = g_strndup(fn, strlen(fn) - strlen(".words"));
			char *path = g_build_filename(ldir, fn, NULL);
			if (!valid_name(base, FALSE)) {
				rules_diag_add(diag, path, 0, 0, "a lexicon file is named after its concept in "
				               "lower case (reward.words is REWARD), not \"%s\"", fn);
			} else {
				char *up = g_ascii_strup(base, -1);
				int c = concept_get(lx, up);
				if (c < 0)
					rules_diag_add(diag, path, 0, 0, "too many concepts (at most %d)", LEX_MAX_CONCEPTS);
				else
					read_file(lx, l, c, path, diag);
				g_free(up);
			}
			g_free(base);
			g_free(path);
		}
		g_ptr_array_unref(files);
		g_free(ldir);
	}
	g_ptr_array_unref(langs);
}

static void index_add(GHashTable *h, const char *key, LexEntry *e)
{
	GPtrArray *a = g_hash_table_lookup(h, key);
	if (a == NULL) {
		a = g_ptr_array_new();
		g_hash_table_insert(h, g_strdup(key), a);
	}
	g_ptr_array_add(a, e);
}

void lexicon_finish(Lexicon *lx)
{
	for (guint i = 0; i < lx->langs->len; i++) {
		LexLang *l = lx->langs->pdata[i];
		g_clear_pointer(&l->seen, g_hash_table_unref);
		g_clear_pointer(&l->stems, g_hash_table_unref);
		l->by_first = g_hash_table_new_full(g_str_hash, g_str_equal, g_free,
		                                    (GDestroyNotify)g_ptr_array_unref);
		l->by_pair = g_hash_table_new_full(g_str_hash, g_str_equal, g_free,
		                                   (GDestroyNotify)g_ptr_array_unref);
		l->pair_first = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
		l->by_prefix2 = g_hash_table_new_full(g_str_hash, g_str_equal, g_free,
		                                      (GDestroyNotify)g_ptr_array_unref);
		l->by_char = g_hash_table_new_full(g_str_hash, g_str_equal, g_free,
		                                   (GDestroyNotify)g_ptr_array_unref);
		for (guint j = 0; j < l->entries->len; j++) {
			LexEntry *e = l->entries->pdata[j];
			const LexWord *w = &e->words[0];
			e->need = 0;
			for (guint k = 0; k < e->nwords && !l->compound && !l->nospace; k++)
				if (e->words[k].kind == LW_STEM)
					e->need |= lexicon_word_bit(e->words[k].s);
			if (w->kind == LW_TEXT) {
				char *k = g_strndup(w->s, g_utf8_next_char(w->s) - w->s);
				index_add(l->by_char, k, e);
				g_free(k);
			} else if (w->kind == LW_PREFIX) {
				char k[3] = { w->s[0], w->s[1], 0 };
				guint key = (guint8)k[0] << 8 | (guint8)k[1];
				index_add(l->by_prefix2, k, e);
				l->prefix2_bits[key >> 3] |= 1u << (key & 7);
			} else if (e->nwords >= 2 && e->words[1].kind == LW_STEM) {
				char *k = g_strconcat(w->s, "\x1f", e->words[1].s, NULL);
				index_add(l->by_pair, k, e);
				guint64 *seconds = g_hash_table_lookup(l->pair_first, w->s);
				if (seconds == NULL) {
					seconds = g_new0(guint64, 1);
					g_hash_table_insert(l->pair_first, g_strdup(w->s), seconds);
				}
				*seconds |= lexicon_word_bit(e->words[1].s);
				g_free(k);
			} else {
				index_add(l->by_first, w->s, e);
			}
		}
	}
}
