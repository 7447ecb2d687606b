/*
 * rules/internal.h - what the stages of the rule engine share.
 *
 * rules/diag.c    the errors of a load; "did you mean" hints
 * rules/lex.c     rule file text -> tokens (with file, line, column)
 * rules/target.c  the vocabulary: targets, their collections and types,
 *                 marketplaces, placeholders; reading a target from Facts
 * rules/list.c    named lists: entries, list files, matching semantics
 * rules/ruleset.c the Ruleset: its structs, arena, constructors, freeing
 * rules/parse*.c tokens -> Rule, Expr and List structs, by the constructors
 *                 (parse.c statements, parse_expr.c expressions, parse_list.c
 *                 lists; what they share is in rules/parser.h)
 * rules/pcre_walk.c  PCRE2 pattern syntax as tokens, for the analyses below
 * rules/prefilter.c  literals every match of a regex contains or starts with
 * rules/sentence.c   whether a regex stays within one sentence
 * rules/fold.c    case folding of literals and of the text scanned for them
 * rules/multipattern.c  one pass over a text finds every literal of every rule
 * rules/compile.c after the last file: whole-load checks, the prefilter
 * rules/load.c    directories -> files in order -> parse -> compile
 * rules/eval.c    the pure evaluator: (Ruleset, Facts) -> Verdict
 * rules/render.c  the message and evidence of a rule that fired
 * rules/profile.c the cost report of a profiled ruleset
 *
 * Nothing here is meant for code outside milter/rules/ but its unit tests.
 */
#ifndef AMZ_RULES_INTERNAL_H
#define AMZ_RULES_INTERNAL_H

#include <time.h>
#include <glib.h>
#include <pcre2.h>
#include "rules/rules.h"
#include "rules/multipattern.h"
#include "rules/lexicon.h"
#include "util/text.h"

#define RULES_MAX_TARGETS   8     /* targets in one test: "subject, text =~ …" */
#define RULES_MAX_ERRORS    20    /* errors collected before giving up */
#define RULES_EVIDENCE_MAX  200   /* bytes of evidence kept in a Hit */
#define RULES_VALUE_MAX     120   /* bytes of one placeholder value in a message */
#define RULES_MESSAGE_MAX   300   /* bytes of an expanded message */
#define RULES_MATCH_LIMIT   200000
#define RULES_DEPTH_LIMIT   10000
#define RULES_HEAP_LIMIT_KB 20480
#define RULES_JIT_STACK_MAX (1024 * 1024)
#define RULES_LIMIT_ID      "RULE_LIMIT"
/* the sub-rule whose firing marks a message as a review request (Mark) */
#define RULES_REVIEW_REQUEST "__REVIEW_REQUEST"
#define RULES_LIST_FILE_MAX (16 << 20) /* bytes of one list file */
#define RULES_PASSAGE       3     /* sentences in a passage: one and the two after it */

/* ---- diagnostics (rules/diag.c) ---- */

typedef struct {
	GPtrArray *errors;      /* char*: "file:line:col: message" */
} RulesDiag;

void rules_diag_init(RulesDiag *d);
void rules_diag_clear(RulesDiag *d);
void rules_diag_add(RulesDiag *d, const char *file, guint line, guint col,
                    const char *fmt, ...) G_GNUC_PRINTF(5, 6);
gboolean rules_diag_full(const RulesDiag *d);
/* rules_suggest - the closest candidate, when it is a likely typo of word:
 * at most two edits, fewer than half the longer word, not word itself */
static inline const char *rules_suggest(const char *word, const char *const *cands, guint n)
{
	return text_suggest(word, cands, n, 2, TEXT_SUGGEST_TYPO);
}
/* rules_suggest_append - add " (did you mean \"x\"?)" to s when a candidate is close */
void rules_suggest_append(GString *s, const char *word, const char *const *cands, guint n);

/* ---- tokens (rules/lex.c) ---- */

typedef enum {
	TOK_EOF = 0,
	TOK_NEWLINE,
	TOK_WORD,       /* keyword, identifier, host, number: text */
	TOK_STRING,     /* "…", escapes resolved: text */
	TOK_REGEX,      /* /…/flags or m{…}flags: text = pattern, flags */
	TOK_LISTREF,    /* @name: text = name */
	TOK_OP,         /* =~ !~ == != < <= > >= += -=: text */
	TOK_COMMA,
	TOK_LPAREN,
	TOK_RPAREN,
	TOK_LBRACE,
	TOK_RBRACE,
} TokKind;

typedef struct {
	TokKind kind;
	char *text;
	guint line, col;
	guint32 re_flags;       /* PCRE2 compile options from the flags */
	guint *re_cols;         /* source column of each pattern byte (TOK_REGEX) */
	gboolean bad;           /* unterminated string or regex, already reported */
} Token;

/* rules_lex - every token of text; lexical errors go to diag */
GArray *rules_lex(const char *file, const char *text, RulesDiag *diag);
void rules_tokens_free(GArray *toks);

/* ---- the vocabulary (rules/target.c) ---- */

typedef enum {
	COLL_NONE = 0,  /* a scalar: one value per message */
	COLL_RCPT,
	COLL_HEADER,    /* header.NAME: values of one header name */
	COLL_HEADERS,
	COLL_LINK,
	COLL_IMAGE,
	COLL_ATTACHMENT,
	COLL_ANOMALY,
	COLL_MARKET,
	COLL_SENTENCE,  /* each sentence of the subject and the text */
	COLL_PASSAGE,   /* each sentence with the one after it */
	COLL_ORDER,     /* each order ID quoted */
} Coll;

typedef enum { VT_STR, VT_NUM, VT_BOOL } ValType;

/* How "in @list" compares a value with entries. */
typedef enum {
	LM_EXACT,       /* case-insensitive equality */
	LM_HOST,        /* entry matches the host and its subdomains */
	LM_ADDRESS,     /* user@dom exact, or dom / @dom with subdomains */
	LM_TYPE,        /* MIME type; entries may end in a "/" + "*" wildcard */
} ListMatch;

typedef enum {
	TG_FROM, TG_FROM_ADDRESS, TG_RCPT, TG_HEADER, TG_HEADERS, TG_SUBJECT, TG_TEXT, TG_HTML,
	TG_LINK, TG_LINK_RAW, TG_LINK_SCHEME, TG_LINK_HOST, TG_LINK_DOMAIN,
	TG_LINK_SOURCE, TG_LINK_LABEL,
	TG_IMAGE, TG_IMAGE_SCHEME, TG_IMAGE_HOST, TG_IMAGE_WIDTH, TG_IMAGE_HEIGHT,
	TG_IMAGE_REMOTE, TG_IMAGE_LINKED, TG_IMAGE_LINK, TG_IMAGE_LINK_HOST,
	TG_ATT_NAME, TG_ATT_EXT, TG_ATT_TYPE, TG_ATT_MAGIC, TG_ATT_SIZE,
	TG_ATT_INLINE, TG_ATT_DEPTH,
	TG_ATTS_COUNT, TG_ATTS_BYTES, TG_MESSAGE_BYTES, TG_LINKS_COUNT,
	TG_IMAGES_COUNT, TG_REPLY, TG_ANOMALY, TG_MARKET,
	TG_ATT_CONTAINER, TG_ATT_ENCRYPTED, TG_ATT_MISMATCH, TG_ATT_MACROS,
	TG_HIDDEN_TEXT, TG_PARTS_COUNT,
	TG_SENTENCE, TG_PASSAGE, TG_LANGUAGE, TG_LANGUAGE_FOREIGN, TG_LANGUAGE_READ, TG_SENTENCE_QUESTION,
	TG_ORDER, TG_ORDER_KNOWN, TG_ORDER_BUYER, TG_ORDER_OTHER_BUYER, TG_ORDER_MARKET,
	TG_ORDER_OTHER_MARKET, TG_ORDER_STATUS, TG_ORDER_DAYS, TG_ORDER_LOCALE, TG_ORDER_LANGUAGE,
	TG_ORDER_LANGUAGE_OTHER, TG_ORDER_REVIEWS, TG_ORDER_PROACTIVE,
	TG_ORDERS_COUNT, TG_ORDERS_KNOWN, TG_ORDERS_STORE, TG_ORDERS_STALE,
	TG_BRAND, TG_BRAND_SENDER_UNAPPROVED,
} TargetId;

typedef struct {
	const char *name;
	TargetId id;
	Coll coll;
	ValType type;
	ListMatch lm;
} TargetDef;

/* A target as written in a rule: its definition plus header.NAME's name. */
typedef struct {
	const TargetDef *def;
	char *hname;            /* lower-case header name for TG_HEADER, else NULL */
} TargetRef;

const TargetDef *rules_target_find(const char *name);
const char *const *rules_target_names(guint *n);
gboolean rules_market_known(const char *m);
const char *const *rules_market_names(guint *n);

/* A value read from Facts for one target and one bound item. */
typedef struct {
	const char *s;          /* VT_STR (may point into scratch) */
	gint64 n;               /* VT_NUM */
	gboolean b;             /* VT_BOOL */
} Value;

/* rules_target_value - read ref for item idx of its collection; FALSE when
 * the value is missing (no label, width not declared, empty host…). */
gboolean rules_target_value(const Facts *f, const TargetRef *ref, guint idx,
                            GString *scratch, Value *out);
/* rules_coll_len - number of raw items to walk for a collection */
guint rules_coll_len(const Facts *f, Coll c);
/* rules_coll_member - whether raw item idx belongs to the collection (header.NAME) */
gboolean rules_coll_member(const Facts *f, Coll c, const char *hname, guint idx);

/* Placeholders of describe. */
typedef enum {
	PH_NONE = 0, PH_MATCH, PH_VALUE, PH_URL, PH_HOST, PH_NAME, PH_EXT,
	PH_MAGIC, PH_TYPE, PH_SIZE, PH_COUNT, PH_RULES, PH_ID, PH_MARKET, PH_ORDER,
	PH__N
} Placeholder;

Placeholder rules_placeholder_find(const char *name);
const char *rules_placeholder_name(Placeholder p);
const char *const *rules_placeholder_names(guint *n);

/* ---- lists (rules/list.c) ---- */

typedef struct {
	char *name;             /* NULL for an inline set in an expression */
	char *file;             /* where defined */
	guint line;
	GPtrArray *entries;     /* char*, as written (for docs and removal) */
	GHashTable *exact;      /* folded entry -> itself */
	GHashTable *hosts;      /* folded entry without "@", "*." , "." -> itself */
	GPtrArray *prefixes;    /* folded "image/" of a wildcard entry "image/" + "*" */
	gboolean any_type;      /* a bare "*" entry: every type */
} List;

List *rules_list_new(const char *name, const char *file, guint line);
void rules_list_free(List *l);
void rules_list_add(List *l, const char *entry);
void rules_list_remove(List *l, const char *entry);
/* rules_list_read_file - add each line of path; FALSE with errno text in err */
gboolean rules_list_read_file(List *l, const char *path, gboolean remove, GError **err);
gboolean rules_list_match(const List *l, ListMatch how, const char *value);
/* rules_list_fold - value as list entries are kept (case-folded, no final
 * dot); free with g_free */
char *rules_list_fold(const char *value);

/* ---- compiled rules (made by the parser through rules/ruleset.c) ---- */

typedef enum { OP_RE, OP_EQ, OP_IN, OP_LT, OP_LE, OP_GT, OP_GE, OP_BOOL, OP_HAS } OpKind;

typedef struct {
	guint ntargets;
	TargetRef targets[RULES_MAX_TARGETS];
	OpKind op;
	gboolean neg;           /* !~ != !in: "not (targets op operand)" */
	pcre2_code *re;         /* OP_RE */
	guint line;             /* OP_RE: where the regex is, for the profile */
	char *pattern;          /* OP_RE, while loading: the source, for rules/compile.c */
	guint32 re_flags;       /* OP_RE, while loading: its PCRE2 compile options */
	GPtrArray *lits;        /* OP_RE, while loading: folded literals (rules/prefilter.c) */
	guint32 *lit_ids;       /* OP_RE: one of these literals is in any text the regex matches */
	guint nlit_ids;         /* 0: no prefilter */
	GPtrArray *pre_lits;    /* OP_RE, while loading: folded literals every match starts with */
	pcre2_code *re_anchored;        /* the regex compiled anchored: tried only where one starts,
	                                 * or only at the starts of sentences with a literal */
	gboolean sentence;      /* OP_RE: rules_sentence_scoped (and it has literals) */
	guint32 *pre_ids;
	guint npre_ids;         /* 0: tried at every position */
	guint id;               /* index of the regex test in the Ruleset (profile) */
	char *str;              /* OP_EQ on strings: folded */
	gint64 num;             /* numeric ops and OP_EQ on numbers */
	GPtrArray *lists;       /* OP_IN: List* (not owned) */
	guint concept;          /* OP_HAS: the concept's id in the ruleset's lexicon */
	guint after;            /* OP_RE: a match counts only right after this concept's
	                         * words (id + 1; 0: anywhere) */
	gboolean not_after;     /* … or only where it is not right after them */
	gboolean before;        /* "before CONCEPT": the words right after the match
	                         * hold it, not the words before ("SAVE10 kodunu") */
	guint within;           /* OP_RE on text or subject: a match counts only in a
	                         * sentence holding this concept (id + 1; 0: any) */
	gboolean not_within;    /* … or only in a sentence without it */
} Test;

typedef enum { EX_AND, EX_OR, EX_NOT, EX_TEST, EX_LIST, EX_RULE } ExprKind;

typedef struct Expr {
	ExprKind kind;
	struct Expr *a, *b;     /* AND OR NOT */
	Test *test;             /* EX_TEST */
	const List *list;       /* EX_LIST: true when non-empty */
	guint rule;             /* EX_RULE: index into Ruleset.rules */
} Expr;

/* The collection an expression binds: all its item targets share it. */
typedef struct {
	Coll coll;
	char *hname;            /* COLL_HEADER */
} CollKey;

typedef struct {
	Expr *expr;
	CollKey key;
	gboolean has_re;
} Cond;

typedef struct {
	Placeholder ph;         /* PH_NONE: literal */
	char *lit;
} Seg;

typedef enum { RK_RULE, RK_META } RuleKind;

typedef struct {
	char *id;
	RuleKind kind;
	gboolean sub;           /* "__ID": only feeds meta rules, never a Hit */
	char *file;
	guint line;
	char *describe;
	GArray *segs;           /* Seg: describe split at placeholders */
	char *describe_file;    /* where describe was (last) set, for errors */
	guint describe_line, describe_col;
	char *guideline;
	GPtrArray *match;       /* Cond* */
	GPtrArray *require;     /* Cond* */
	GPtrArray *unless;      /* Cond* */
	Expr *when;             /* meta */
	GPtrArray *when_rules;  /* guint indices mentioned by when (as GUINT_TO_POINTER) */
	char **markets;         /* NULL: every message */
	Action action;
	gboolean has_action;
	gboolean monitor;
	gboolean enabled;
	gboolean needs_count;
} Rule;

/* ---- case folding (rules/fold.c) ---- */

/* rules_fold_char - the representative of c's caseless set */
gunichar rules_fold_char(gunichar c);
/* rules_lit_char_ok - c may be part of a literal: its caseless set folds to one character */
gboolean rules_lit_char_ok(gunichar c);
/* rules_fold - append s[0..len) case-folded to out (what literals are matched against) */
gboolean rules_fold(const char *s, gsize len, GString *out);

/* ---- the prefilter's analyses of a pattern (rules/prefilter.c, rules/sentence.c) ---- */

/* rules_lits_extract - folded literals one of which every match contains; NULL: none known */
GPtrArray *rules_lits_extract(const char *pattern, guint32 flags);
/* rules_prefix_extract - folded literals one of which every match starts with; NULL: none known */
GPtrArray *rules_prefix_extract(const char *pattern, guint32 flags);
/* rules_sentence_scoped - every match starts a sentence and needs nothing past its end */
gboolean rules_sentence_scoped(const char *pattern, guint32 flags);

/* ---- what a fired rule tells (rules/render.c) ---- */

/* The item that fired and what it showed, for the message and evidence. */
typedef struct {
	Coll coll;
	guint idx;
	guint count;
	GString *value, *match;
	gboolean have_value, have_match;
	GString *rules;         /* meta: the rules it saw fire */
} Fire;

char *rules_render_message(const Rule *r, const Facts *f, const Fire *fi);
char *rules_render_evidence(const Facts *f, const Fire *fi);

/* ---- cost counters (collected by rules/eval.c, reported by rules/profile.c) ---- */

/* rules_prof_now - a monotonic clock in nanoseconds */
static inline guint64 rules_prof_now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (guint64)ts.tv_sec * 1000000000u + (guint64)ts.tv_nsec;
}

/* rules_prof_add - add n to a counter of a shared ruleset */
static inline void rules_prof_add(guint64 *counter, guint64 n)
{
	__atomic_fetch_add(counter, n, __ATOMIC_RELAXED);
}

/* What RulesOptions.profile collects: the only part of a Ruleset that changes
 * after load, by atomic adds from any evaluating thread. */
typedef struct {
	guint64 ns;             /* time in the rule, by rule index */
	guint64 evals;          /* evaluations that reached the rule (market matched) */
} RuleProf;

typedef struct {
	guint64 ns;             /* time in pcre2_match, by regex test id */
	guint64 runs;           /* pcre2_match calls */
	guint64 skips;          /* calls the prefilter saved */
} TestProf;

struct Ruleset {
	gint ref;
	GPtrArray *rules;       /* Rule*, in load order */
	GHashTable *by_id;      /* id -> Rule* */
	GHashTable *lists;      /* name -> List* (owned) */
	GPtrArray *anon_lists;  /* List* of inline sets (owned) */
	guint n_enabled;
	Multipattern *pf;       /* every literal of every regex; NULL: none (or RULES_PREFILTER_OFF) */
	guint n_re;             /* regex tests */
	guint n_re_pf;          /* of which with a prefilter */
	guint n_re_pre;         /* of which tried only where a prefix literal starts */
	guint64 pf_targets;     /* bit (1 << TargetId): values of this target are scanned */
	GPtrArray *tests;       /* Test* with OP_RE, by id (not owned) */
	RuleProf *prof_rules;   /* RulesOptions.profile: by rule index, else NULL */
	TestProf *prof_tests;   /* by test id */
	Lexicon *lex;           /* the concepts (rules/lexicon.c) */
	GPtrArray *lang_markets;/* List* markets_XX of each lexicon language (not owned), or NULL */
	GHashTable *market_langs;/* folded marketplace -> the bits of the lexicon languages
	                         * whose markets_XX names it */
	guint32 market_star;    /* the bits of those whose markets_XX holds "*" */
	GPtrArray *arena;       /* blocks holding the Rule, Cond, Expr and Test structs */
	gsize arena_left;       /* bytes free at arena_next */
	char *arena_next;
};

/* rules_arena_new0 - zeroed memory that lives as long as rs: the structs
 * the evaluator walks for every message, packed in load order, so a rule's
 * conditions, expressions and tests share cache lines and pages instead of
 * lying wherever malloc put them (the walk runs on caches the MTA's
 * processes have just used; packed, it misses less) */
gpointer rules_arena_new0(Ruleset *rs, gsize size);

/* The state of one load, carried across its files. */
typedef struct {
	Ruleset *rs;
	RulesDiag diag;
	RulesOptions opt;
	RulesOverlay *overlay;  /* reading an overlay (rules/overlay.c): rs is
	                         * complete, and statements change copies of its rules */
} RulesBuild;

/* ---- the ruleset: owner of the structs above (rules/ruleset.c) ---- */

Ruleset *rules_ruleset_new(void);
Rule *rules_rule_new(Ruleset *rs, const char *id, RuleKind kind, const char *file, guint line);
guint rules_rule_index(const Ruleset *rs, const Rule *r);
Expr *rules_expr_new(Ruleset *rs, ExprKind k, Expr *a, Expr *b);
Test *rules_test_new(Ruleset *rs);
Cond *rules_cond_new(Ruleset *rs, Expr *expr, CollKey key, gboolean has_re);
List *rules_list_define(Ruleset *rs, const char *name, const char *file, guint line);
List *rules_list_anon(Ruleset *rs, const char *file, guint line);
/* rules_rule_copy - r for an overlay: shares r's conditions, owns what an
 * override changes (describe, guideline, markets); rules_rule_copy_free */
Rule *rules_rule_copy(const Rule *r);
void rules_rule_copy_free(Rule *c);

/* An overlay (rules/overlay.c): the parser puts its copies in rules[]. */
struct RulesOverlay {
	Ruleset *rs;            /* a reference */
	Rule **rules;           /* by rule index: the copy, or NULL */
	guint n;
	guint changed;
};

/* The frees of what a struct owns: the structs are in the arena. */
void rules_test_free(Test *t);
void rules_expr_free(Expr *e);
void rules_segs_free(GArray *segs);
void rules_rule_regexes(const Rule *r, GPtrArray *out);

/* ---- the stages of a load ---- */

/* lexicon_read_dir - every lexicon/<lang>/<concept>.words below dir into lx
 * (rules/lexicon.c); a missing dir is no error */
void lexicon_read_dir(Lexicon *lx, const char *dir, RulesDiag *diag);

/* rules_parse_file - every statement of one file into b (rules/parse.c) */
void rules_parse_file(RulesBuild *b, const char *path, const char *text);
/* rules_check_placeholders - each placeholder of r's describe has a value
 * whenever r fires (rules/compile.c) */
void rules_check_placeholders(RulesBuild *b, Rule *r);
/* rules_overlay_rules - o's rules by index, NULL where o leaves a rule as
 * rs has it; NULL for no overlay */
const Rule *const *rules_overlay_rules(const RulesOverlay *o, const Ruleset *rs);
/* rules_compile - whole-load checks and the prefilter, after the last file (rules/compile.c) */
void rules_compile(RulesBuild *b);
pcre2_code *rules_regex_compile(const char *pattern, guint32 flags, int *code, PCRE2_SIZE *off);

#endif
