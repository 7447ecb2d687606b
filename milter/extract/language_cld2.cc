/*
 * language_cld2.cc - language_detect() over CLD2 (language.h).
 *
 * C++ only because CLD2's interface is; nothing C++ crosses language.h.
 * CLD2 answers with its own codes ("iw", "zh-Hant", "xx-Latn" for a bare
 * script, "un" for unknown); callers get ISO 639-1 codes, the same code
 * merged when two of CLD2's map to it.
 */
#include <malloc.h>
#include <stdio.h>    /* compact_lang_det.h uses FILE without including it */
#include <string.h>
#include <cld2/public/compact_lang_det.h>
#include <cld2/public/encodings.h>
#include "extract/language.h"

/* CLD2 takes an int length; longer text says no more about its language */
#define LANGUAGE_MAX_BYTES (16 * 1024 * 1024)
/* Free heap glibc keeps instead of giving back: see keep_heap */
#define LANGUAGE_TRIM_THRESHOLD (1024 * 1024)

/* keep_heap - CLD2 allocates and frees a scoring buffer of some hundred KB
 * on every call.  With glibc's default trim threshold the heap was handed
 * back to the kernel after each call and faulted in again on the next:
 * 70 us a call, where detection itself takes 3 us (20 times the cost of
 * splitting a short message).  Keeping 1 MB of free heap avoids that. */
static void keep_heap(void)
{
	static const bool done = mallopt(M_TRIM_THRESHOLD, LANGUAGE_TRIM_THRESHOLD) != 0;
	(void)done;
}

/* iso_code - CLD2's code as ISO 639-1 into out (8 bytes); false when it
 * names no language (unknown, a script only) */
static bool iso_code(const char *cld, char out[8])
{
	/* codes CLD2 keeps from before ISO 639-1 renamed them */
	static const char *const renamed[][2] = {
		{ "iw", "he" }, { "in", "id" }, { "jw", "jv" }, { "mo", "ro" }, { "sh", "sr" },
	};
	size_t n;

	if (cld == NULL || strcmp(cld, "un") == 0 || strncmp(cld, "xx", 2) == 0)
		return false;
	n = strcspn(cld, "-_");
	if (n < 2 || n > 3)
		return false;
	memcpy(out, cld, n);
	out[n] = '\0';
	for (size_t i = 0; i < sizeof renamed / sizeof renamed[0]; i++)
		if (strcmp(out, renamed[i][0]) == 0)
			strcpy(out, renamed[i][1]);
	return true;
}

static void detect(const char *utf8, gsize len, LangGuess *out)
{
	CLD2::CLDHints hints = { NULL, NULL, CLD2::UNKNOWN_ENCODING, CLD2::UNKNOWN_LANGUAGE };
	/* CLD2 leaves these untouched when it stops early (invalid UTF-8) */
	CLD2::Language lang3[3] = { CLD2::UNKNOWN_LANGUAGE, CLD2::UNKNOWN_LANGUAGE, CLD2::UNKNOWN_LANGUAGE };
	int percent3[3] = { 0, 0, 0 }, text_bytes = 0, valid = 0;
	double score3[3] = { 0, 0, 0 };
	bool reliable = false;

	if (len > LANGUAGE_MAX_BYTES)
		len = LANGUAGE_MAX_BYTES;   /* CLD2 stops at invalid UTF-8: a cut character is harmless */
	CLD2::ExtDetectLanguageSummaryCheckUTF8(utf8, (int)len, true, &hints, 0, lang3, percent3,
	                                        score3, NULL, &text_bytes, &reliable, &valid);
	for (int i = 0; i < 3; i++) {
		char code[8];
		int k;
		if (percent3[i] <= 0 || percent3[i] > 100 || !iso_code(CLD2::LanguageCode(lang3[i]), code))
			continue;
		for (k = 0; k < out->n && strcmp(out->top[k].code, code) != 0; k++)
			;
		if (k == out->n) {
			memcpy(out->top[k].code, code, sizeof code);
			out->top[k].percent = 0;
			out->n++;
		}
		out->top[k].percent += percent3[i];
	}
	/* a merge may have raised a later entry above an earlier one */
	for (int i = 1; i < out->n; i++)
		for (int k = i; k > 0 && out->top[k].percent > out->top[k - 1].percent; k--) {
			LangScore t = out->top[k];
			out->top[k] = out->top[k - 1];
			out->top[k - 1] = t;
		}
	/* reliable is about CLD2's first answer, which may have been no language */
	out->reliable = out->n > 0 && reliable;
}

extern "C" void language_detect(const char *utf8, gsize len, LangGuess *out)
{
	memset(out, 0, sizeof *out);
	if (utf8 == NULL || len == 0)
		return;
	keep_heap();
	try {
		detect(utf8, len, out);
	} catch (...) {
		memset(out, 0, sizeof *out);   /* a failure is only "unknown" */
	}
}
