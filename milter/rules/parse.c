/*
 * rules/parse.c - tokens of one rule file -> rules and lists in a Ruleset.
 *
 * Input: the tokens of rules_lex() for one file, and the RulesBuild that
 * earlier files of the same load filled.  Output: new Rule and List structs
 * in b->rs (owned by it), changes to earlier ones (override, disable,
 * enable, +=, -=), and "file:line:col: message" errors in b->diag.  Structs
 * are made only by the constructors of rules/ruleset.c.  Regexes are
 * compiled here, once, with JIT (rules/parse_expr.c); after the last file,
 * rules/compile.c checks what needs the whole load and builds the prefilter.
 *
 * A file is a sequence of lines.  "rule", "meta", "override", "list",
 * "disable" and "enable" start a statement; "describe", "match", … lines
 * belong to the block opened by the last rule, meta or override.  An
 * expression continues on the next line when that line starts with "and"
 * or "or", or while a parenthesis is open.
 */
#include <string.h>
#include "rules/parser.h"

static const char *const prop_names[P__N] = {
	[P_DESCRIBE] = "describe", [P_GUIDELINE] = "guideline", [P_MATCH] = "match",
	[P_REQUIRE] = "require", [P_UNLESS] = "unless", [P_WHEN] = "when",
	[P_MARKETS] = "markets", [P_ACTION] = "action", [P_MODE] = "mode",
};

/* The statements that start a block or stand alone. */
typedef enum { ST_RULE, ST_META, ST_OVERRIDE, ST_DISABLE, ST_ENABLE, ST_LIST, ST__N } Stmt;

static const char *const statements[ST__N] = {
	[ST_RULE] = "rule", [ST_META] = "meta", [ST_OVERRIDE] = "override",
	[ST_DISABLE] = "disable", [ST_ENABLE] = "enable", [ST_LIST] = "list",
};

static const char *const all_keywords[] = {
	"rule", "meta", "override", "disable", "enable", "list",
	"describe", "guideline", "match", "require", "unless", "when", "markets",
	"action", "mode",
};

static const char *const action_words[] = {
	"accept", "tag", "quarantine", "tempfail", "reject", "discard",
};

static const char *const mode_words[] = { "monitor", "enforce" };

/* ---- describe ---- */

/* parse_describe - split at {placeholder}; {{ and }} are literal braces */
static GArray *parse_describe(Parser *p, const Token *t)
{
	GArray *segs = g_array_new(FALSE, TRUE, sizeof(Seg));
	GString *lit = g_string_new(NULL);
	const char *s = t->text;
	guint n;
	const char *const *names = rules_placeholder_names(&n);

	while (*s) {
		if ((s[0] == '{' && s[1] == '{') || (s[0] == '}' && s[1] == '}')) {
			g_string_append_c(lit, s[0]);
			s += 2;
			continue;
		}
		if (*s == '{') {
			const char *end = strchr(s, '}');
			Token at = *t;
			at.col = t->col + 1 + (guint)(s - t->text);
			if (end == NULL) {
				parse_error(p, &at, "unterminated placeholder in describe (write {{ for a literal brace)");
				goto fail;
			}
			char *name = g_strndup(s + 1, end - s - 1);
			Placeholder ph = rules_placeholder_find(name);
			if (ph == PH_NONE) {
				GString *m = g_string_new(NULL);
				const char *sug = rules_suggest(name, names, n);
				g_string_printf(m, "unknown placeholder {%s} in describe", name);
				if (sug)
					g_string_append_printf(m, " (did you mean {%s}?)", sug);
				else
					g_string_append(m, " (known: {match} {value} {url} {host} {name} {ext} {magic} "
					                "{type} {size} {count} {rules} {id} {market})");
				parse_error(p, &at, "%s", m->str);
				g_string_free(m, TRUE);
				g_free(name);
				goto fail;
			}
			g_free(name);
			if (lit->len) {
				Seg sg = { .ph = PH_NONE, .lit = g_strdup(lit->str) };
				g_array_append_val(segs, sg);
				g_string_truncate(lit, 0);
			}
			Seg sg = { .ph = ph, .lit = NULL };
			g_array_append_val(segs, sg);
			s = end + 1;
			continue;
		}
		g_string_append_c(lit, *s++);
	}
	if (lit->len) {
		Seg sg = { .ph = PH_NONE, .lit = g_strdup(lit->str) };
		g_array_append_val(segs, sg);
	}
	g_string_free(lit, TRUE);
	return segs;
fail:
	g_string_free(lit, TRUE);
	rules_segs_free(segs);
	return NULL;
}

/* ---- blocks ---- */

/* end_block - the checks that need the whole rule */
static void end_block(Parser *p)
{
	Rule *r = p->cur;
	const Token *t = p->blk_tok;

	if (p->blk == BLK_NONE || r == NULL)
		goto out;
	if (p->blk_error || p->blk == BLK_OVERRIDE)
		goto out;
	if (p->blk == BLK_RULE && r->match->len == 0 && r->require->len == 0)
		parse_error(p, t, "rule %s has no \"match\" or \"require\" line", r->id);
	else if (p->blk == BLK_RULE && r->match->len > 0 && r->require->len > 0)
		parse_error(p, t, "rule %s mixes \"match\" and \"require\"; split it into two rules", r->id);
	if (p->blk == BLK_META && r->when == NULL)
		parse_error(p, t, "meta rule %s has no \"when\" line", r->id);
	if (!r->sub && r->describe == NULL)
		parse_error(p, t, "%s %s has no \"describe\" line (the sentence the sender is told)",
		     p->blk == BLK_META ? "meta rule" : "rule", r->id);
	if (!r->sub && !r->has_action)
		parse_error(p, t, "%s %s has no \"action\" line (accept, tag, quarantine, tempfail, reject or discard)",
		     p->blk == BLK_META ? "meta rule" : "rule", r->id);
out:
	p->blk = BLK_NONE;
	p->cur = NULL;
	p->blk_tok = NULL;
	p->blk_error = FALSE;
	memset(p->seen_line, 0, sizeof p->seen_line);
}

/* lookup_rule - the rule a statement changes: in an overlay, its copy */
static Rule *lookup_rule(Parser *p, const Token *t)
{
	Rule *r = g_hash_table_lookup(p->b->rs->by_id, t->text);
	if (r == NULL) {
		char *msg = g_strdup_printf("unknown rule \"%s\"", t->text);
		parse_rule_error(p, t, NULL, msg);
		g_free(msg);
		return NULL;
	}
	if (p->b->overlay) {
		RulesOverlay *o = p->b->overlay;
		guint i = rules_rule_index(o->rs, r);
		if (o->rules[i] == NULL) {
			o->rules[i] = rules_rule_copy(r);
			o->changed++;
		}
		return o->rules[i];
	}
	return r;
}

/* stmt_rule - "rule ID" / "meta ID": a new block */
static void stmt_rule(Parser *p, const Token *kw, RuleKind kind)
{
	const Token *id = parse_next(p);
	Rule *old;

	p->blk = kind == RK_META ? BLK_META : BLK_RULE;
	p->blk_tok = kw;
	if (id->kind != TOK_WORD || !parse_valid_id(id->text, FALSE)) {
		parse_error(p, id->kind == TOK_NEWLINE ? kw : id,
		     "expected a rule ID (letters, digits and _) after \"%s\"", kw->text);
		parse_skip_line(p);
		return;
	}
	p->blk_tok = id;
	if (strcmp(id->text, RULES_LIMIT_ID) == 0) {
		parse_error(p, id, "rule ID %s is reserved", RULES_LIMIT_ID);
		return;
	}
	old = g_hash_table_lookup(p->b->rs->by_id, id->text);
	if (old != NULL) {
		parse_error(p, id, "rule %s is already defined at %s:%u; to change it, write \"override %s\" "
		     "(or \"disable %s\" and a rule with a new ID)", id->text, old->file, old->line,
		     id->text, id->text);
		return;
	}
	p->cur = rules_rule_new(p->b->rs, id->text, kind, p->file, id->line);
}

static void stmt_override(Parser *p, const Token *kw)
{
	const Token *id = parse_next(p);

	p->blk = BLK_OVERRIDE;
	p->blk_tok = kw;
	if (id->kind != TOK_WORD) {
		parse_error(p, id->kind == TOK_NEWLINE ? kw : id, "expected the ID of the rule to override");
		parse_skip_line(p);
		return;
	}
	p->cur = lookup_rule(p, id);
}

static void stmt_enable(Parser *p, const Token *kw, gboolean on)
{
	if (parse_at_eol(p)) {
		parse_error(p, kw, "expected the ID of a rule after \"%s\"", kw->text);
		return;
	}
	while (!parse_at_eol(p)) {
		const Token *id = parse_next(p);
		Rule *r;
		if (id->kind == TOK_COMMA)
			continue;
		if (id->kind != TOK_WORD) {
			parse_error(p, id, "expected a rule ID, found %s", parse_describe_tok(id));
			parse_skip_line(p);
			return;
		}
		if ((r = lookup_rule(p, id)) != NULL)
			r->enabled = on;
	}
}

static gboolean prop_allowed(Block blk, Prop pr)
{
	switch (blk) {
	case BLK_RULE: return pr != P_WHEN;
	case BLK_META: return pr != P_MATCH && pr != P_REQUIRE;
	case BLK_OVERRIDE:
		return pr == P_DESCRIBE || pr == P_GUIDELINE || pr == P_MARKETS || pr == P_ACTION || pr == P_MODE;
	default: return FALSE;
	}
}

static void prop_markets(Parser *p, Rule *r, const Token *kw)
{
	GPtrArray *ms = g_ptr_array_new();
	guint n;
	const char *const *known = rules_market_names(&n);

	if (parse_at_eol(p)) {
		parse_error(p, kw, "\"markets\" needs at least one marketplace, e.g. markets de fr");
		goto out;
	}
	while (!parse_at_eol(p)) {
		const Token *t = parse_next(p);
		if (t->kind == TOK_COMMA)
			continue;
		if (t->kind != TOK_WORD || !rules_market_known(t->text)) {
			GString *s = g_string_new(NULL);
			g_string_printf(s, "unknown marketplace \"%s\"", t->kind == TOK_WORD ? t->text : parse_describe_tok(t));
			if (t->kind == TOK_WORD && rules_suggest(t->text, known, n))
				rules_suggest_append(s, t->text, known, n);
			else
				g_string_append(s, " (use the relay domain's suffix: com, co.uk, de, fr, co.jp, …)");
			parse_error(p, t, "%s", s->str);
			g_string_free(s, TRUE);
			parse_skip_line(p);
			goto out;
		}
		g_ptr_array_add(ms, g_ascii_strdown(t->text, -1));
	}
	g_ptr_array_add(ms, NULL);
	g_strfreev(r->markets);
	r->markets = (char **)g_ptr_array_free(ms, FALSE);
	ms = NULL;
out:
	if (ms != NULL) {
		g_ptr_array_set_free_func(ms, g_free);
		g_ptr_array_unref(ms);
	}
}

/* word_prop - action / mode: one word from a fixed set */
static const Token *word_prop(Parser *p, const Token *kw, const char *const *words, guint n)
{
	const Token *t = parse_next(p);
	if (t->kind == TOK_WORD) {
		for (guint i = 0; i < n; i++)
			if (g_ascii_strcasecmp(t->text, words[i]) == 0)
				return t;
	}
	GString *s = g_string_new(NULL);
	if (t->kind == TOK_WORD) {
		g_string_printf(s, "unknown %s \"%s\"", kw->text, t->text);
		rules_suggest_append(s, t->text, words, n);
	} else {
		g_string_printf(s, "expected a word after \"%s\"", kw->text);
	}
	if (t->kind != TOK_WORD || rules_suggest(t->text, words, n) == NULL) {
		g_string_append(s, " (one of:");
		for (guint i = 0; i < n; i++)
			g_string_append_printf(s, " %s", words[i]);
		g_string_append(s, ")");
	}
	parse_error(p, t->kind == TOK_NEWLINE ? kw : t, "%s", s->str);
	g_string_free(s, TRUE);
	parse_skip_line(p);
	return NULL;
}

static void prop_value(Parser *p, Rule *r, const Token *kw, Prop pr);

/* stmt_prop - a property line of the block being read */
static void stmt_prop(Parser *p, const Token *kw, Prop pr)
{
	Rule *r = p->cur;

	if (p->blk == BLK_NONE) {
		parse_error(p, kw, "\"%s\" outside a rule (start a block with \"rule ID\", \"meta ID\" or \"override ID\")",
		     kw->text);
		parse_skip_line(p);
		return;
	}
	if (!prop_allowed(p->blk, pr)) {
		if (p->blk == BLK_OVERRIDE)
			parse_error(p, kw, "override can change only describe, guideline, markets, action and mode; to "
			     "change what a rule matches, disable it and write a rule with a new ID");
		else if (p->blk == BLK_META)
			parse_error(p, kw, "\"%s\" is not allowed in a meta rule (it combines rules with \"when\")", kw->text);
		else
			parse_error(p, kw, "\"when\" belongs in a meta rule; a rule uses \"match\" or \"require\"");
		parse_skip_line(p);
		return;
	}
	if (r == NULL) {                     /* the block header was bad: already reported */
		parse_skip_line(p);
		return;
	}
	if (pr != P_MATCH && pr != P_REQUIRE && pr != P_UNLESS) {
		if (p->seen_line[pr]) {
			parse_error(p, kw, "\"%s\" given twice in %s (first on line %u)", kw->text, r->id, p->seen_line[pr]);
			parse_skip_line(p);
			return;
		}
		p->seen_line[pr] = kw->line;
	}

	prop_value(p, r, kw, pr);
}

/* prop_sentence - describe / guideline: a quoted sentence */
static void prop_sentence(Parser *p, Rule *r, const Token *kw, Prop pr)
{
	const Token *t = parse_next(p);
	GArray *segs;

	if (t->kind != TOK_STRING) {
		parse_error(p, t->kind == TOK_NEWLINE ? kw : t, "expected a \"quoted sentence\" after %s", kw->text);
		parse_skip_line(p);
		return;
	}
	if (pr == P_GUIDELINE) {
		g_free(r->guideline);
		r->guideline = g_strdup(t->text);
		return;
	}
	if ((segs = parse_describe(p, t)) == NULL)
		return;
	rules_segs_free(r->segs);
	r->segs = segs;
	g_free(r->describe);
	r->describe = g_strdup(t->text);
	g_free(r->describe_file);
	r->describe_file = g_strdup(p->file);
	r->describe_line = t->line;
	r->describe_col = t->col;
}

/* prop_value - what follows property keyword kw, into r */
static void prop_value(Parser *p, Rule *r, const Token *kw, Prop pr)
{
	const Token *t;

	switch (pr) {
	case P_DESCRIBE:
	case P_GUIDELINE:
		prop_sentence(p, r, kw, pr);
		return;
	case P_MATCH:
	case P_REQUIRE:
	case P_UNLESS: {
		Cond *c = parse_cond(p, kw);
		if (c == NULL) {
			parse_skip_line(p);
			return;
		}
		g_ptr_array_add(pr == P_MATCH ? r->match : pr == P_REQUIRE ? r->require : r->unless, c);
		return;
	}
	case P_WHEN:
		if (parse_at_eol(p)) {
			parse_error(p, kw, "\"when\" needs rule IDs, e.g. when PROMO_CODE and PROMO_PERCENT");
			return;
		}
		p->meta_expr = TRUE;
		r->when = parse_or(p);
		p->meta_expr = FALSE;
		if (r->when == NULL)
			parse_skip_line(p);
		return;
	case P_MARKETS:
		prop_markets(p, r, kw);
		return;
	case P_ACTION:
		if ((t = word_prop(p, kw, action_words, G_N_ELEMENTS(action_words))) != NULL) {
			action_parse(t->text, &r->action);
			r->has_action = TRUE;
		}
		return;
	case P_MODE:
		if ((t = word_prop(p, kw, mode_words, G_N_ELEMENTS(mode_words))) != NULL)
			r->monitor = g_ascii_strcasecmp(t->text, "monitor") == 0;
		return;
	default:
		return;
	}
}

/* rules_parse_file - every statement of one file into b */
void rules_parse_file(RulesBuild *b, const char *path, const char *text)
{
	Parser p = { .b = b, .file = path };

	p.dir = g_path_get_dirname(path);
	p.toks = rules_lex(path, text, &b->diag);
	while (parse_peek(&p)->kind != TOK_EOF && !rules_diag_full(&b->diag)) {
		const Token *t = parse_next(&p);
		guint i;

		if (t->kind == TOK_NEWLINE)
			continue;
		if (t->kind != TOK_WORD) {
			parse_error(&p, t, "expected a keyword (rule, meta, list, override, describe, match, …), found %s",
			     parse_describe_tok(t));
			parse_skip_line(&p);
			continue;
		}
		for (i = 0; i < ST__N; i++)
			if (strcmp(t->text, statements[i]) == 0)
				break;
		if (i < ST__N && b->overlay && (i == ST_RULE || i == ST_META || i == ST_LIST)) {
			end_block(&p);
			parse_error(&p, t, "\"%s\" cannot be used here: this file may only change rules "
			            "with override, disable and enable (new rules and lists go in local.d)", t->text);
			parse_skip_line(&p);
			continue;
		}
		if (i < ST__N) {
			end_block(&p);
			switch ((Stmt)i) {
			case ST_RULE: stmt_rule(&p, t, RK_RULE); break;
			case ST_META: stmt_rule(&p, t, RK_META); break;
			case ST_OVERRIDE: stmt_override(&p, t); break;
			case ST_DISABLE: stmt_enable(&p, t, FALSE); break;
			case ST_ENABLE: stmt_enable(&p, t, TRUE); break;
			case ST_LIST: parse_stmt_list(&p, t); break;
			case ST__N: break;
			}
		} else {
			for (i = 0; i < P__N; i++)
				if (strcmp(t->text, prop_names[i]) == 0)
					break;
			if (i == P__N) {
				GString *s = g_string_new(NULL);
				g_string_printf(s, "unknown keyword \"%s\"", t->text);
				rules_suggest_append(s, t->text, all_keywords, G_N_ELEMENTS(all_keywords));
				parse_error(&p, t, "%s", s->str);
				g_string_free(s, TRUE);
				parse_skip_line(&p);
				continue;
			}
			stmt_prop(&p, t, (Prop)i);
		}
		if (!parse_at_eol(&p)) {
			const Token *extra = parse_peek(&p);
			parse_error(&p, extra, "unexpected %s at the end of the line", parse_describe_tok(extra));
			parse_skip_line(&p);
		}
	}
	end_block(&p);
	rules_tokens_free(p.toks);
	g_free(p.dir);
}
