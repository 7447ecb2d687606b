/*
 * test_sentences.c - the text analysis stage: paragraphs and their
 * languages, sentences, words and their folded forms, bounds.
 *
 * AMZ_SENTENCES_BENCH=1 also times the analysis of a large English and a
 * large Japanese text and prints words per second.
 */
#include <string.h>
#include "extract/dump.h"
#include "extract/extract.h"
#include "extract/language.h"
#include "extract/sentences.h"

/* ---- helpers ---------------------------------------------------------- */

static TextAnalysis *analyse(const char *subject, const char *text)
{
	return sentences_analyse(subject, text, text ? strlen(text) : 0, NULL);
}

static TextAnalysis *analyse_lim(const char *subject, const char *text, const ExtractLimits *lim)
{
	return sentences_analyse(subject, text, strlen(text), lim);
}

/* words - the folded words of sentence i (every sentence: i < 0), " " between */
static char *words(const TextAnalysis *a, int i)
{
	GString *out = g_string_new(NULL);
	guint first = 0, n = a->tokens->len;

	if (i >= 0) {
		const TextSentence *s = &g_array_index(a->sentences, TextSentence, i);
		first = s->first;
		n = s->n;
	}
	for (guint k = first; k < first + n; k++)
		g_string_append_printf(out, "%s%s", k > first ? " " : "", text_analysis_token_folded(a, k));
	return g_string_free(out, FALSE);
}

/* originals - the words as written, " " between */
static char *originals(const TextAnalysis *a)
{
	GString *out = g_string_new(NULL);

	for (guint k = 0; k < a->tokens->len; k++) {
		const TextWord *t = &g_array_index(a->tokens, TextWord, k);
		g_string_append_printf(out, "%s%.*s", k ? " " : "", (int)t->len, a->text->str + t->start);
	}
	return g_string_free(out, FALSE);
}

/* has_token - a token folds to w */
static gboolean has_token(const TextAnalysis *a, const char *w)
{
	for (guint k = 0; k < a->tokens->len; k++)
		if (strcmp(text_analysis_token_folded(a, k), w) == 0)
			return TRUE;
	return FALSE;
}

/* body_sentences - the sentences after the subject, as "|"-joined text */
static char *body_sentences(const TextAnalysis *a)
{
	GString *out = g_string_new(NULL);

	for (guint i = 0; i < a->sentences->len; i++) {
		const TextSentence *s = &g_array_index(a->sentences, TextSentence, i);
		if (s->start < a->subject_len)
			continue;
		g_string_append_printf(out, "%s%.*s", out->len ? "|" : "", (int)s->len, a->text->str + s->start);
	}
	return g_string_free(out, FALSE);
}

/* check_invariants - every range inside the text, tokens in order and inside their sentence */
static void check_invariants(const TextAnalysis *a)
{
	guint next_token = 0;

	for (guint i = 0; i < a->sentences->len; i++) {
		const TextSentence *s = &g_array_index(a->sentences, TextSentence, i);
		g_assert_cmpuint((guint64)s->start + s->len, <=, a->text->len);
		g_assert_cmpuint(s->len, >, 0);
		g_assert_cmpuint(s->first, ==, next_token);
		g_assert_cmpuint(s->para, <, a->paras->len);
		next_token = s->first + s->n;
		for (guint k = s->first; k < s->first + s->n; k++) {
			const TextWord *t = &g_array_index(a->tokens, TextWord, k);
			g_assert_cmpuint(t->len, >, 0);
			g_assert_cmpuint(t->fold_len, >, 0);
			g_assert_cmpuint(t->start, >=, s->start);
			g_assert_cmpuint(t->start + t->len, <=, s->start + s->len);
			g_assert_cmpuint((guint64)t->fold + t->fold_len, <, a->folded->len);
			g_assert_cmpint(a->folded->str[t->fold + t->fold_len], ==, '\0');
			g_assert_true(g_utf8_validate(a->folded->str + t->fold, t->fold_len, NULL));
		}
	}
	g_assert_cmpuint(next_token, ==, a->tokens->len);
	for (guint i = 0; i < a->paras->len; i++) {
		const TextPara *p = &g_array_index(a->paras, TextPara, i);
		g_assert_cmpuint((guint64)p->start + p->len, <=, a->text->len);
	}
}

/* ---- tests ------------------------------------------------------------ */

static void test_english(void)
{
	TextAnalysis *a = analyse("Your order", "Dear Mr. Smith, your parcel of 1.5 kg was sent today. "
	                          "We use tracked services, e.g. DHL and UPS. Thanks again!");
	g_autofree char *s = body_sentences(a);

	check_invariants(a);
	g_assert_cmpstr(s, ==, "Dear Mr. Smith, your parcel of 1.5 kg was sent today.|"
	                       "We use tracked services, e.g. DHL and UPS.|Thanks again!");
	g_assert_true(has_token(a, "1.5"));
	g_assert_true(has_token(a, "mr"));
	g_assert_cmpuint(a->subject_len, ==, strlen("Your order"));
	{
		const TextSentence *first = &g_array_index(a->sentences, TextSentence, 0);
		g_autofree char *w = words(a, 0);
		g_assert_cmpuint(first->start, <, a->subject_len);
		g_assert_cmpstr(w, ==, "your order");
	}
	g_assert_cmpint(a->lang.n, >, 0);
	g_assert_cmpstr(a->lang.top[0].code, ==, "en");
	text_analysis_free(a);

	/* short forms that do not end a sentence, and those that do */
	a = analyse("", "Hello Dr. Jones, i.e. the owner. The answer is no. No. 5 is next. Plan B. Then stop.");
	{
		g_autofree char *t = body_sentences(a);
		g_assert_cmpstr(t, ==, "Hello Dr. Jones, i.e. the owner.|The answer is no.|No. 5 is next.|"
		                       "Plan B.|Then stop.");
	}
	text_analysis_free(a);
}

static void test_german(void)
{
	TextAnalysis *a = analyse("", "Wir senden Ihnen z.B. eine neue Lieferung. Die Sendung kommt "
	                          "am Montag an, d. h. in drei Tagen. Bei Fragen melden Sie sich bitte.");
	g_autofree char *s = body_sentences(a);

	check_invariants(a);
	g_assert_cmpstr(s, ==, "Wir senden Ihnen z.B. eine neue Lieferung.|Die Sendung kommt am Montag an, "
	                       "d. h. in drei Tagen.|Bei Fragen melden Sie sich bitte.");
	g_assert_cmpuint(a->paras->len, ==, 1);
	g_assert_cmpstr(g_array_index(a->paras, TextPara, 0).lang.top[0].code, ==, "de");
	text_analysis_free(a);
}

static void test_lines(void)
{
	TextAnalysis *a = analyse("", "Hello Anna,\nthank you for your order\n\nBest regards\nThe Shop Team");
	g_autofree char *s = body_sentences(a);

	check_invariants(a);
	g_assert_cmpstr(s, ==, "Hello Anna,|thank you for your order|Best regards|The Shop Team");
	g_assert_cmpuint(a->paras->len, ==, 2);
	text_analysis_free(a);
}

static void test_japanese(void)
{
	TextAnalysis *a = analyse("ご注文について", "この度はご購入いただきありがとうございます。"
	                          "商品は本日発送いたしました。レビューを書いていただけると嬉しいです。");
	g_autofree char *s = body_sentences(a);

	check_invariants(a);
	g_assert_cmpstr(s, ==, "この度はご購入いただきありがとうございます。|商品は本日発送いたしました。|"
	                       "レビューを書いていただけると嬉しいです。");
	g_assert_true(has_token(a, "レビュー"));
	g_assert_true(has_token(a, "商品"));
	g_assert_cmpstr(a->lang.top[0].code, ==, "ja");
	text_analysis_free(a);
}

static void test_splits(void)
{
	TextAnalysis *a = analyse("", "Frais d'achat: you're getting a 5-star e-mail rock\xe2\x80\x99n\xe2\x80\x99roll.");
	g_autofree char *w = words(a, -1);
	g_autofree char *o = originals(a);

	check_invariants(a);
	g_assert_cmpstr(w, ==, "frais d achat you re getting a 5 star e mail rock n roll");
	g_assert_cmpstr(o, ==, "Frais d achat you re getting a 5 star e mail rock n roll");
	text_analysis_free(a);
}

static void test_folding(void)
{
	TextAnalysis *a = analyse("", "STRASSE Straße \xef\xbc\xa1\xef\xbc\xa2\xef\xbc\xa3\xef\xbc\x91 "
	                          "\xc3\x89T\xc3\x89 Produkt\xc2\xad" "bewertung");
	g_autofree char *w = words(a, -1);

	check_invariants(a);
	g_assert_cmpstr(w, ==, "strasse strasse abc1 été produktbewertung");
	{
		/* the original bytes of the full-width word */
		const TextWord *t = &g_array_index(a->tokens, TextWord, 2);
		g_assert_cmpuint(t->len, ==, 12);
	}
	text_analysis_free(a);
}

/* The sample paragraphs each in one language, blank lines between. */
static const struct { const char *lang, *text; } samples[] = {
	{ "de", "Vielen Dank für Ihre Bestellung bei unserem Geschäft. Das Paket wurde heute an "
	        "den Versanddienstleister übergeben und sollte in zwei bis drei Werktagen bei Ihnen "
	        "ankommen. Falls Sie Fragen haben, antworten Sie einfach auf diese Nachricht." },
	{ "fr", "Merci beaucoup pour votre commande dans notre boutique. Le colis a été remis au "
	        "transporteur aujourd'hui et devrait arriver chez vous dans deux ou trois jours "
	        "ouvrables. Si vous avez des questions, n'hésitez pas à répondre à ce message." },
	{ "ja", "この度は当店をご利用いただき誠にありがとうございます。ご注文の商品は本日配送業者に"
	        "お渡ししました。二、三営業日以内にお届けする予定です。ご不明な点がございましたら、"
	        "このメッセージにご返信ください。" },
	{ "pt", "Muito obrigado pela sua encomenda na nossa loja. O pacote foi entregue hoje à "
	        "transportadora e deverá chegar dentro de dois ou três dias úteis. Se tiver alguma "
	        "dúvida, basta responder a esta mensagem." },
	{ "ar", "شكرا جزيلا لطلبك من متجرنا. تم تسليم الطرد اليوم إلى شركة الشحن ومن المتوقع أن "
	        "يصل إليك خلال يومين أو ثلاثة أيام عمل. إذا كانت لديك أي أسئلة، يرجى الرد على هذه "
	        "الرسالة." },
	{ "pl", "Dziękujemy bardzo za zamówienie w naszym sklepie. Paczka została dzisiaj przekazana "
	        "firmie kurierskiej i powinna dotrzeć do Państwa w ciągu dwóch lub trzech dni "
	        "roboczych. W razie pytań prosimy po prostu odpowiedzieć na tę wiadomość." },
};

static void test_paragraph_languages(void)
{
	GString *text = g_string_new(NULL);
	TextAnalysis *a;

	for (guint i = 0; i < G_N_ELEMENTS(samples); i++)
		g_string_append_printf(text, "%s%s", i ? "\n \n\n" : "", samples[i].text);
	a = sentences_analyse("Versand / shipping", text->str, text->len, NULL);
	check_invariants(a);
	g_assert_cmpuint(a->paras->len, ==, G_N_ELEMENTS(samples) + 1);
	for (guint i = 0; i < G_N_ELEMENTS(samples); i++) {
		const TextPara *p = &g_array_index(a->paras, TextPara, i + 1);
		g_assert_cmpint(p->lang.n, >, 0);
		g_assert_cmpstr(p->lang.top[0].code, ==, samples[i].lang);
		g_assert_cmpint(p->lang.top[0].percent, >, 0);
		g_assert_true(p->len > 0 && a->text->str[p->start] != ' ');
	}
	/* each paragraph has sentences of its own, at least two */
	for (guint i = 1; i <= G_N_ELEMENTS(samples); i++) {
		guint n = 0;
		for (guint k = 0; k < a->sentences->len; k++)
			n += g_array_index(a->sentences, TextSentence, k).para == i;
		g_assert_cmpuint(n, >=, 2);
	}
	text_analysis_free(a);
	g_string_free(text, TRUE);
}

static void test_language_codes(void)
{
	LangGuess g;

	language_detect("", 0, &g);
	g_assert_cmpint(g.n, ==, 0);
	language_detect("\xff\xfe garbage \xc3", 12, &g);   /* no crash, whatever it says */
	g_assert_cmpint(g.n, <=, 3);
	language_detect(samples[0].text, strlen(samples[0].text), &g);
	g_assert_cmpint(g.n, >=, 1);
	g_assert_cmpstr(g.top[0].code, ==, "de");
	g_assert_true(g.reliable);
	for (int i = 1; i < g.n; i++)
		g_assert_cmpint(g.top[i].percent, <=, g.top[i - 1].percent);
}

/* A paragraph met again is read once, its spaces counted as one; paragraphs
 * that only share a hash ("Ez" and "FY" hash alike, and so do any strings of
 * them) are each read; a flood of them is read whole, not skipped. */
static void test_repeated_paragraphs(void)
{
	TextAnalysis *a = analyse(NULL, "Hello there.\n\nSame words here.\n\nSame  words\there.\n\n"
	                                "EzEz\n\nFYFY\n\nEzFY\n\nFYFY\n\nHello there.");
	GString *flood = g_string_new(NULL);
	char *w;

	check_invariants(a);
	w = words(a, -1);
	g_assert_cmpstr(w, ==, "hello there same words here ezez fyfy ezfy");
	g_assert_cmpuint(a->sentences->len, ==, 5);
	g_free(w);
	text_analysis_free(a);
	/* 16 different paragraphs of one hash, then the first again */
	for (guint i = 0; i < 16; i++) {
		for (guint k = 0; k < 4; k++)
			g_string_append(flood, i & (1u << k) ? "FY" : "Ez");
		g_string_append(flood, "\n\n");
	}
	g_string_append(flood, "EzEzEzEz");
	a = analyse(NULL, flood->str);
	check_invariants(a);
	g_assert_cmpuint(a->sentences->len, ==, 17);
	g_assert_true(has_token(a, "fyfyfyfy"));
	text_analysis_free(a);
	g_string_free(flood, TRUE);
}

static void test_empty(void)
{
	const char *odd[] = { "", " \n\n \n", "... !!! ??? --- ''' ", "\n\n\n\n" };
	TextAnalysis *a = sentences_analyse(NULL, NULL, 0, NULL);

	g_assert_nonnull(a);
	g_assert_cmpuint(a->tokens->len, ==, 0);
	g_assert_cmpuint(a->sentences->len, ==, 0);
	g_assert_cmpint(a->lang.n, ==, 0);
	g_assert_cmpuint(a->subject_len, ==, 0);
	text_analysis_free(a);
	text_analysis_free(NULL);
	for (guint i = 0; i < G_N_ELEMENTS(odd); i++) {
		a = analyse(odd[i], odd[i]);
		check_invariants(a);
		g_assert_cmpuint(a->tokens->len, ==, 0);
		text_analysis_free(a);
	}
}

static void test_invalid_utf8(void)
{
	static const char bad[] = "Caf\xe9 ol\xc3 \xf0\x9f\x98\x80 ok\0hidden \xed\xa0\x80 end.";
	TextAnalysis *a = sentences_analyse("Sub\xffject", bad, sizeof bad - 1, NULL);

	check_invariants(a);
	g_assert_true(g_utf8_validate(a->text->str, a->text->len, NULL));
	g_assert_true(has_token(a, "ok"));
	g_assert_true(has_token(a, "end"));
	text_analysis_free(a);
}

static void test_limits(void)
{
	ExtractLimits lim;
	GString *t = g_string_new(NULL);
	TextAnalysis *a;
	g_autoptr(Facts) f = facts_new();

	limits_default(&lim);
	for (int i = 0; i < 200; i++)
		g_string_append(t, "One two three. ");
	lim.max_tokens = 10;
	g_free(f->subject);
	f->subject = g_strdup("Hello");
	g_string_assign(f->text, t->str);
	sentences_attach(f, &lim);
	a = f->analysis;
	g_assert_nonnull(a);
	check_invariants(a);
	g_assert_true(a->limited);
	g_assert_cmpuint(a->tokens->len, ==, 10);
	g_assert_cmpuint(f->anomalies->len, ==, 1);
	g_assert_cmpstr(f->anomalies->pdata[0], ==, "limit:analysis");

	/* sentences */
	limits_default(&lim);
	lim.max_sentences = 5;
	a = sentences_analyse("", t->str, t->len, &lim);
	check_invariants(a);
	g_assert_true(a->limited);
	g_assert_cmpuint(a->sentences->len, ==, 5);
	g_assert_cmpuint(a->tokens->len, ==, 15);
	text_analysis_free(a);

	/* bytes: cut at a character, never inside one */
	limits_default(&lim);
	lim.max_analysis_bytes = 100;
	a = analyse_lim("Größe", "ÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄÄ", &lim);
	check_invariants(a);
	g_assert_true(a->limited);
	g_assert_cmpuint(a->text->len, <=, 100);
	g_assert_true(g_utf8_validate(a->text->str, a->text->len, NULL));
	text_analysis_free(a);

	/* within the bounds: no anomaly */
	limits_default(&lim);
	a = sentences_analyse("", t->str, t->len, &lim);
	g_assert_false(a->limited);
	g_assert_cmpuint(a->tokens->len, ==, 600);
	text_analysis_free(a);

	/* a deadline already past stops at once */
	limits_default(&lim);
	lim.deadline = 1;
	a = sentences_analyse("", t->str, t->len, &lim);
	g_assert_true(a->timed_out);
	g_assert_cmpuint(a->tokens->len, ==, 0);
	text_analysis_free(a);
	g_string_free(t, TRUE);
}

/* One word of 4 MB (and 4 MB of kanji without a break) is safe and linear. */
static void test_huge_word(void)
{
	ExtractLimits lim;
	gsize n = 4 * 1024 * 1024;
	char *w = g_malloc(n + 1);
	TextAnalysis *a;
	gint64 t0 = g_get_monotonic_time();

	limits_default(&lim);
	lim.max_analysis_bytes = 8 * 1024 * 1024;
	memset(w, 'a', n);
	w[n] = '\0';
	a = sentences_analyse("", w, n, &lim);
	check_invariants(a);
	g_assert_cmpuint(a->tokens->len, ==, 1);
	g_assert_cmpuint(g_array_index(a->tokens, TextWord, 0).len, ==, n);
	text_analysis_free(a);
	g_free(w);
	g_assert_cmpint(g_get_monotonic_time() - t0, <, 5 * G_USEC_PER_SEC);
}

/* Facts from a message carry the analysis, and the dump names the language. */
static void test_extract(void)
{
	static const char msg[] =
		"From: shop@example.com\r\nTo: x@marketplace.amazon.de\r\nSubject: Ihre Bestellung\r\n"
		"Content-Type: text/plain; charset=utf-8\r\n\r\n"
		"Vielen Dank für Ihre Bestellung. Das Paket wurde heute an den Versand übergeben "
		"und sollte in zwei Tagen ankommen.\r\n";
	GMimeStream *s = g_mime_stream_mem_new_with_buffer(msg, sizeof msg - 1);
	g_autoptr(Facts) f = facts_new();
	g_autoptr(GString) d = g_string_new(NULL);
	g_autoptr(Facts) bare = facts_new();
	g_autoptr(GString) d2 = g_string_new(NULL);

	g_assert_true(extract_stream(s, NULL, f, NULL));
	g_object_unref(s);
	g_assert_nonnull(f->analysis);
	g_assert_cmpstr(f->analysis->lang.top[0].code, ==, "de");
	g_assert_true(g_str_has_prefix(f->analysis->text->str, "Ihre Bestellung\n\nVielen"));
	dump_facts(f, d);
	g_assert_nonnull(strstr(d->str, "\nlanguage: de\n"));
	/* facts built by hand have none, and the dump says so */
	dump_facts(bare, d2);
	g_assert_nonnull(strstr(d2->str, "\nlanguage: \n"));
}

/* Each thread its own analyses at once (the iterator templates are shared). */
static gpointer analyse_thread(gpointer data)
{
	for (int i = 0; i < 20; i++) {
		TextAnalysis *a = analyse("Hi", samples[(GPOINTER_TO_UINT(data) + i) % G_N_ELEMENTS(samples)].text);
		g_assert_cmpuint(a->tokens->len, >, 10);
		text_analysis_free(a);
	}
	return NULL;
}

static void test_threads(void)
{
	GThread *t[4];

	for (guint i = 0; i < G_N_ELEMENTS(t); i++)
		t[i] = g_thread_new("analyse", analyse_thread, GUINT_TO_POINTER(i));
	for (guint i = 0; i < G_N_ELEMENTS(t); i++)
		g_thread_join(t[i]);
}

/* bench_one - words per second over text, repeated analyses of a message-sized slice */
static void bench_one(const char *name, const char *unit, gsize ulen, gsize target)
{
	GString *t = g_string_new(NULL);
	ExtractLimits lim;
	guint64 words = 0;
	gint64 t0;
	int runs = 0;

	limits_default(&lim);
	lim.max_analysis_bytes = target + 1024;
	while (t->len < target)
		g_string_append_len(t, unit, (gssize)ulen);
	t0 = g_get_monotonic_time();
	while (g_get_monotonic_time() - t0 < G_USEC_PER_SEC / 2 || runs < 3) {
		TextAnalysis *a = sentences_analyse("Your order", t->str, t->len, &lim);
		words += a->tokens->len;
		text_analysis_free(a);
		runs++;
	}
	{
		double secs = (double)(g_get_monotonic_time() - t0) / G_USEC_PER_SEC;
		g_printerr("# %s, %" G_GSIZE_FORMAT " bytes: %.0f words/s (%.2f us/word), %d runs\n",
		           name, t->len, words / secs, secs * 1e6 / (double)words, runs);
	}
	g_string_free(t, TRUE);
}

static void test_bench(void)
{
	static const char en[] =
		"Dear customer, thank you for your order of the stainless steel kitchen knife set. "
		"Your parcel was handed to the carrier today and should arrive within two to three "
		"working days. You can track it with the tracking number below.\n"
		"If anything is wrong with the delivery, please reply to this message and we will "
		"help you as soon as possible. We're happy to answer any questions about the care "
		"of the blades, e.g. how to sharpen them or which cutting board to use.\n\n";
	static const char ja[] =
		"この度は当店の商品をご購入いただき誠にありがとうございます。ご注文の商品は本日配送業者に"
		"お渡ししました。二、三営業日以内にお届けする予定です。\n"
		"商品に不具合がございましたら、お手数ですがこのメッセージにご返信ください。"
		"担当者より速やかにご連絡いたします。\n\n";

	if (g_getenv("AMZ_SENTENCES_BENCH") == NULL) {
		g_test_skip("set AMZ_SENTENCES_BENCH=1");
		return;
	}
	bench_one("English short", en, sizeof en - 1, 200);
	bench_one("English message", en, sizeof en - 1, 2 * 1024);
	bench_one("English large", en, sizeof en - 1, 250 * 1024);
	bench_one("Japanese message", ja, sizeof ja - 1, 2 * 1024);
	bench_one("Japanese large", ja, sizeof ja - 1, 250 * 1024);
}

int main(int argc, char **argv)
{
	g_test_init(&argc, &argv, NULL);
	extract_init();
	g_test_add_func("/sentences/english", test_english);
	g_test_add_func("/sentences/german", test_german);
	g_test_add_func("/sentences/lines", test_lines);
	g_test_add_func("/sentences/japanese", test_japanese);
	g_test_add_func("/sentences/splits", test_splits);
	g_test_add_func("/sentences/folding", test_folding);
	g_test_add_func("/sentences/paragraph-languages", test_paragraph_languages);
	g_test_add_func("/sentences/language-codes", test_language_codes);
	g_test_add_func("/sentences/repeated-paragraphs", test_repeated_paragraphs);
	g_test_add_func("/sentences/empty", test_empty);
	g_test_add_func("/sentences/invalid-utf8", test_invalid_utf8);
	g_test_add_func("/sentences/limits", test_limits);
	g_test_add_func("/sentences/huge-word", test_huge_word);
	g_test_add_func("/sentences/extract", test_extract);
	g_test_add_func("/sentences/threads", test_threads);
	g_test_add_func("/sentences/bench", test_bench);
	return g_test_run();
}
