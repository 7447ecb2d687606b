/*
 * test_concepts.c - concepts: lexicon files, the "has" test, sentences and
 * passages, "after" / "not after", the languages a sentence is read in,
 * the language targets, and the evidence a concept rule quotes.
 *
 * Lexicons and rules are written to a fresh temporary directory and loaded
 * with rules_load(); facts get their text analysed as extraction does
 * (extract/sentences.c), so words, sentences and languages are real.
 */
#include <string.h>
#include <glib.h>
#include <glib/gstdio.h>
#include "core/facts.h"
#include "core/verdict.h"
#include "extract/sentences.h"
#include "rules/rules.h"
#include "util/text.h"
#include "testfiles.h"


/* A lexicon for the tests: a few concepts in en, de, fr, ja. */
static const struct { const char *file, *text; } lexicon[] = {
	{ "lexicon/en/review.words", "# REVIEW\nreview\nfeedback\nrate us\n!review ~ proof\n" },
	{ "lexicon/en/reward.words", "# REWARD\ngift card\nvoucher\nrefund\nreimburs*\n" },
	{ "lexicon/en/satisfied_if.words", "if you ~ happy\nif not\n" },
	{ "lexicon/en/number_label.words", "pro\npro number\ntracking number\nawb\n" },
	{ "lexicon/en/phone_label.words", "tel\ncall us\n" },
	{ "lexicon/de/review.words", "bewertung\nrezension\n" },
	{ "lexicon/de/reward.words", "gutschein*\ngeschenk\n" },
	{ "lexicon/fr/review.words", "avis\n!avis de passage\n" },
	{ "lexicon/fr/reward.words", "bon d'achat\ncarte cadeau\n" },
	{ "lexicon/ja/review.words", "レビュー\n" },
	{ "lexicon/ja/reward.words", "ギフト券\nプレゼント~致し\n" },
	{ "lexicon/en/maker_line.words", "manufacturer\ncarrier\n" },
	{ "lexicon/tr/promo_code.words", "kod*\nindirim kodu\n" },
	{ "lexicon/tr/review.words", "iade\n" },
	{ "lexicon/tr/reward.words", "hediye kart*\n" },
};

static const char rules_text[] =
	"list markets_en { * com co.uk }\n"
	"list markets_de { de }\n"
	"list markets_fr { fr }\n"
	"list markets_ja { co.jp }\n"
	"list markets_pl { pl }\n"
	"list markets_tr { com.tr }\n"
	"rule HOTLINE\n describe \"line: {match}\"\n"
	" match text =~ /HL-[0-9]{4}/ not within MAKER_LINE\n action tag\n"
	"rule CODE\n describe \"code: {match}\"\n"
	" match text =~ /(?-i:[A-Z]+[0-9]+)/ before PROMO_CODE\n action reject\n"
	"rule INCENTIVE\n describe \"offer: {match}\"\n"
	" match sentence has REVIEW and sentence has REWARD\n action reject\n"
	"rule CONDITIONAL\n describe \"cond: {match}\"\n"
	" match passage has REVIEW and passage has SATISFIED_IF\n action reject\n"
	"rule PHONE\n describe \"phone: {match}\"\n"
	" match text =~ /\\d[\\d ]{6,}\\d/ not after NUMBER_LABEL\n action quarantine\n"
	"rule CALL\n describe \"call: {match}\"\n"
	" match text =~ /\\d[\\d ]{4,}\\d/ after PHONE_LABEL\n action tag\n"
	"rule FOREIGN\n describe \"lang: {match}\"\n"
	" match language.foreign and language =~ /.+/\n action tag\n";

typedef struct {
	char *dir, *rules;
	Ruleset *rs;
} Env;

static Env *env_new(const char *extra_rules, const char *extra_file, const char *extra_text, GError **err)
{
	Env *e = g_new0(Env, 1);
	e->dir = g_dir_make_tmp("amz-concepts-XXXXXX", NULL);
	e->rules = g_build_filename(e->dir, "rules", NULL);
	for (guint i = 0; i < G_N_ELEMENTS(lexicon); i++)
		test_write_file(e->rules, lexicon[i].file, lexicon[i].text);
	if (extra_file)
		test_write_file(e->rules, extra_file, extra_text);
	test_write_file(e->rules, "a.rules", extra_rules ? extra_rules : rules_text);
	e->rs = rules_load(e->rules, NULL, NULL, err);
	return e;
}

static void env_free(Env *e)
{
	if (e->rs)
		rules_unref(e->rs);
	test_rm_rf(e->dir);
	g_free(e->dir);
	g_free(e->rules);
	g_free(e);
}

static Facts *facts_for(const char *market, const char *text)
{
	Facts *f = facts_new();
	g_free(f->subject);
	f->subject = g_strdup("Order 123-1234567-1234567");
	g_string_assign(f->text, text);
	g_ptr_array_add(f->markets, g_strdup(market));
	sentences_attach(f, NULL);
	return f;
}

/* run - the hits as "ID=evidence;…" */
static char *run(Env *e, const char *market, const char *text)
{
	Facts *f = facts_for(market, text);
	Verdict *v = rules_eval(e->rs, f);
	GString *s = g_string_new(NULL);
	for (guint i = 0; i < v->hits->len; i++) {
		const Hit *h = v->hits->pdata[i];
		g_string_append_printf(s, "%s%s=%s", i ? ";" : "", h->rule, h->evidence);
	}
	verdict_free(v);
	facts_free(f);
	return g_string_free(s, FALSE);
}

static const struct {
	const char *market, *text, *want;
} cases[] = {
	/* one sentence, both concepts; the evidence is their words in text order */
	{ "com", "Please leave a review and we will send you a gift card.",
	  "INCENTIVE=review \xe2\x80\xa6 gift card" },
	/* stems: "reviews", "refunded"; a prefix: "reimbursement" */
	{ "com", "All reviews get refunded in full.", "INCENTIVE=reviews \xe2\x80\xa6 refunded" },
	{ "com", "Your feedback earns a reimbursement.", "INCENTIVE=feedback \xe2\x80\xa6 reimbursement" },
	/* two sentences are not one */
	{ "com", "We sent a refund yesterday. Please leave a review.", "" },
	/* an exclusion: "review the proof" is no review */
	{ "com", "Please review the attached proof; a refund follows if it is wrong.", "" },
	/* a passage: the condition in the sentence before */
	{ "com", "If you are happy with the lamp. Please leave a review.",
	  "CONDITIONAL=If you are happy \xe2\x80\xa6 review" },
	{ "com", "If you are happy with the lamp. We packed it. It left today. Please leave a review.", "" },
	/* German: compounds end in the lexicon's word, "gutschein*" starts them */
	{ "de", "Für jede Produktbewertung schenken wir Ihnen einen Gutscheincode.",
	  "INCENTIVE=Produktbewertung \xe2\x80\xa6 Gutscheincode" },
	/* French: "avis de passage" is a delivery notice */
	{ "fr", "Votre avis de passage donne droit à une carte cadeau.", "" },
	{ "fr", "Laissez un avis et recevez un bon d'achat.", "INCENTIVE=avis \xe2\x80\xa6 bon d'achat" },
	/* Japanese: pieces of text, "~" skips a few characters */
	{ "co.jp", "レビューを書いていただいた方にギフト券をお送りします。",
	  "INCENTIVE=レビュー \xe2\x80\xa6 ギフト券" },
	{ "co.jp", "レビューの投稿でプレゼントを致します。", "INCENTIVE=レビュー \xe2\x80\xa6 プレゼントを致し" },
	/* a language is read where it is detected, whatever the marketplace */
	{ "co.uk", "Vielen Dank für Ihre Bestellung bei uns. Für Ihre ehrliche Bewertung auf Amazon "
	           "erhalten Sie ein kleines Geschenk von uns als Dankeschön.",
	  "INCENTIVE=Bewertung \xe2\x80\xa6 Geschenk;FOREIGN=de" },
	/* and a marketplace's language wherever the detector is unsure */
	{ "de", "Bewertung = Geschenk", "INCENTIVE=Bewertung \xe2\x80\xa6 Geschenk" },
	/* a number right after its label is no phone number; after "Tel" it is */
	{ "com", "Your freight PRO number 0301234567 is with the carrier.", "" },
	{ "com", "Please call 0301234567 for help with the freight.", "PHONE=0301234567" },
	{ "com", "The tracking number 1234 5678 9012 and Tel. 030 12345.", "PHONE=030 12345;CALL=030 12345" },
	/* a number in a sentence about the manufacturer is not the seller's
	 * ("within"); the next match in another sentence is */
	{ "com", "The manufacturer answers on HL-1234 every day.", "" },
	{ "com", "The manufacturer has HL-2222 for repairs. Our own line is HL-1111.", "HOTLINE=HL-1111" },
	{ "com", "Our own line is HL-1111.", "HOTLINE=HL-1111" },
	/* a code right before the words that introduce it ("before"); not
	 * when they come later in the sentence */
	{ "com.tr", "Bir sonraki siparişinizde YENI15 kodunu kullanabilirsiniz.", "CODE=YENI15" },
	{ "com.tr", "YENI15 numaralı paketiniz bugün yola çıktı ve kurye size yarın bir kod gönderecek.", "" },
	/* Turkish capital İ matches a lower-case i (the dot folding adds is dropped) */
	{ "com.tr", "İADE için iade etiketini yazdırıp kutuya yapıştırın; ücretli bir hediye kartı gibi değil.",
	  "INCENTIVE=İADE \xe2\x80\xa6 hediye kartı" },
	/* the message's language against its marketplace's */
	{ "de", "Wir haben Ihre Bestellung heute an den Versanddienstleister übergeben und melden "
	        "uns, sobald wir die Sendungsnummer haben. Bei Fragen sind wir gerne für Sie da.", "" },
	{ "pl", "Dziękujemy za zamówienie. Paczka została dziś nadana i powinna dotrzeć w ciągu "
	        "dwóch dni roboczych. W razie pytań prosimy o kontakt przez Amazon.", "" },
	{ "co.jp", "Wir haben Ihre Bestellung heute an den Versanddienstleister übergeben und melden "
	           "uns, sobald wir die Sendungsnummer haben. Bei Fragen sind wir gerne für Sie da.",
	  "FOREIGN=de" },
};

static void test_cases(void)
{
	GError *err = NULL;
	Env *e = env_new(NULL, NULL, NULL, &err);

	g_assert_no_error(err);
	g_assert_nonnull(e->rs);
	for (guint i = 0; e->rs && i < G_N_ELEMENTS(cases); i++) {
		char *got = run(e, cases[i].market, cases[i].text);
		if (strcmp(got, cases[i].want) != 0)
			g_test_message("case %u: %s", i, cases[i].text);
		g_assert_cmpstr(got, ==, cases[i].want);
		g_free(got);
	}
	env_free(e);
}

/* errors name the file and line, and usually the fix */
static const struct {
	const char *rules, *file, *text, *want;
} errors[] = {
	{ "rule R\n describe \"x\"\n match sentence has REVEIW\n action tag\n", NULL, NULL,
	  "a.rules:3:21: unknown concept \"REVEIW\": no lexicon file names it (lexicon/<lang>/reveiw.words) "
	  "(did you mean \"REVIEW\"?)" },
	{ "rule R\n describe \"x\"\n match link has REVIEW\n action tag\n", NULL, NULL,
	  "a.rules:3:8: \"has\" looks for a concept in subject, text, sentence or passage, not in \"link\"" },
	{ "rule R\n describe \"x\"\n match text !~ /1/ after REVIEW\n action tag\n", NULL, NULL,
	  "a.rules:3:13: \"after\" goes with =~, not !~" },
	{ "rule R\n describe \"x\"\n match text !~ /1/ before REVIEW\n action tag\n", NULL, NULL,
	  "a.rules:3:13: \"before\" goes with =~, not !~" },
	{ "rule R\n describe \"x\"\n match link =~ /1/ within REVIEW\n action tag\n", NULL, NULL,
	  "a.rules:3:20: \"within\" reads the sentences of text and subject, not link" },
	{ "list markets_en { * }\n", "lexicon/en/extra.words", "# E\nreviews\nthing\nreview\n",
	  "lexicon/en/extra.words:4:1: duplicate entry \"review\": lexicon/en/extra.words:2 has the same "
	  "words once stemmed" },
	{ "list markets_en { * }\n", "lexicon/en/extra.words", "a*\n",
	  "lexicon/en/extra.words:1:1: a word ending in \"*\" needs at least two letters before it" },
	{ "list markets_en { * }\n", "lexicon/en/extra.words", "~ thing\n",
	  "lexicon/en/extra.words:1:1: \"~\" goes between two words" },
	{ "list markets_en { * }\n", "lexicon/en/Extra.words", "thing\n",
	  "lexicon/en/Extra.words: a lexicon file is named after its concept in lower case "
	  "(reward.words is REWARD), not \"Extra.words\"" },
	{ "list markets_en { * }\n", "lexicon/english/extra.words", "thing\n",
	  "lexicon/english: a lexicon directory is named after its language's ISO 639-1 code "
	  "(de, ja, pt, …), not \"english\"" },
};

static void test_errors(void)
{
	for (guint i = 0; i < G_N_ELEMENTS(errors); i++) {
		GError *err = NULL;
		Env *e = env_new(errors[i].rules, errors[i].file, errors[i].text, &err);
		char *prefix = g_strconcat(e->rules, "/", NULL);
		GString *msg;
		g_assert_null(e->rs);
		g_assert_nonnull(err);
		msg = g_string_new(err ? err->message : "");
		for (gchar *p; (p = strstr(msg->str, prefix)) != NULL;)
			g_string_erase(msg, p - msg->str, strlen(prefix));
		g_assert_cmpstr(msg->str, ==, errors[i].want);
		g_string_free(msg, TRUE);
		g_free(prefix);
		g_clear_error(&err);
		env_free(e);
	}
}

/* what an SMTP reply shows of evidence in other scripts */
static void test_ascii(void)
{
	const struct { const char *in, *out; } t[] = {
		{ "r\xc3\xa9sum\xc3\xa9 Gr\xc3\xb6\xc3\x9f" "e", "resume Grosse" },
		{ "\xe3\x83\xac\xe3\x83\x93\xe3\x83\xa5\xe3\x83\xbc", "rebyu" },             /* レビュー */
		{ "\xd0\x9e\xd1\x82\xd0\xb7\xd1\x8b\xd0\xb2", "Otzyv" },                     /* Отзыв */
		{ "\xd9\x85\xd8\xb1\xd8\xa7\xd8\xac\xd8\xb9\xd8\xa9", "mraj't" },           /* مراجعة */
	};
	for (guint i = 0; i < G_N_ELEMENTS(t); i++) {
		char *a = text_ascii_readable(t[i].in);
		g_assert_cmpstr(a, ==, t[i].out);
		g_free(a);
	}
}

static void test_fold(void)
{
	GString *s = g_string_new(NULL);
	text_nfkc_fold("Stra\xc3\x9f" "e \xef\xbc\xa1\xef\xbc\x91", strlen("Stra\xc3\x9f" "e \xef\xbc\xa1\xef\xbc\x91"), s);
	g_assert_cmpstr(s->str, ==, "strasse a1");
	g_string_free(s, TRUE);
}

int main(int argc, char **argv)
{
	g_test_init(&argc, &argv, NULL);
	g_test_set_nonfatal_assertions();
	g_test_add_func("/concepts/cases", test_cases);
	g_test_add_func("/concepts/errors", test_errors);
	g_test_add_func("/concepts/ascii", test_ascii);
	g_test_add_func("/concepts/fold", test_fold);
	return g_test_run();
}
