/*
 * rules/parse_list.c - list statements and inline sets of a rule file.
 *
 * "list NAME { a b, \"c d\" }", "list NAME file \"path\"" (one entry a
 * line, relative to the rule file's directory) and "list NAME += / -= …"
 * into the Ruleset's named lists (owned by it, rules/ruleset.c); the
 * "{ … }" reader also serves the inline sets of "in { … }" tests.  Errors
 * go to the load's diagnostics as "file:line:col: message".
 */
#include <string.h>
#include "rules/parser.h"

List *parse_find_list(Parser *p, const Token *t)
{
	List *l = g_hash_table_lookup(p->b->rs->lists, t->text);
	if (l == NULL) {
		GString *s = g_string_new(NULL);
		guint n = g_hash_table_size(p->b->rs->lists);
		const char **names = (const char **)g_hash_table_get_keys_as_array(p->b->rs->lists, &n);
		g_string_printf(s, "unknown list \"%s%s\"", t->kind == TOK_LISTREF ? "@" : "", t->text);
		rules_suggest_append(s, t->text, names, n);
		if (rules_suggest(t->text, names, n) == NULL)
			g_string_append(s, " (define it earlier with \"list NAME { … }\" or \"list NAME file \\\"…\\\"\")");
		parse_error(p, t, "%s", s->str);
		g_free(names);
		g_string_free(s, TRUE);
	}
	return l;
}

/* parse_braces - "{ a b, "c d" @x }" after the "{": entries into l (or out of it) */
gboolean parse_braces(Parser *p, const Token *open, List *l, gboolean remove)
{
	for (;;) {
		const Token *t = parse_next(p);
		switch (t->kind) {
		case TOK_RBRACE:
			return TRUE;
		case TOK_COMMA:
			continue;
		case TOK_WORD:
		case TOK_STRING:
		case TOK_LISTREF: {
			char *e = t->kind == TOK_LISTREF ? g_strconcat("@", t->text, NULL) : g_strdup(t->text);
			if (remove)
				rules_list_remove(l, e);
			else
				rules_list_add(l, e);
			g_free(e);
			continue;
		}
		case TOK_EOF:
			parse_error(p, open, "unterminated list: \"{\" without a closing \"}\"");
			return FALSE;
		default:
			parse_error(p, t, "unexpected %s in a list (entries are words or \"strings\")", parse_describe_tok(t));
			return FALSE;
		}
	}
}

/* parse_list_source - "{ … }" or file "path" into l */
static void parse_list_source(Parser *p, List *l, gboolean remove)
{
	const Token *t = parse_next(p);

	if (t->kind == TOK_LBRACE) {
		if (!parse_braces(p, t, l, remove))
			parse_skip_line(p);
		return;
	}
	if (parse_is_word(t, "file")) {
		const Token *path = parse_next(p);
		GError *err = NULL;
		char *full;
		if (path->kind != TOK_STRING) {
			parse_error(p, path, "expected a quoted path after \"file\", like file \"lists/hosts.list\"");
			parse_skip_line(p);
			return;
		}
		full = g_path_is_absolute(path->text) ? g_strdup(path->text)
		                                      : g_build_filename(p->dir, path->text, NULL);
		if (!rules_list_read_file(l, full, remove, &err)) {
			parse_error(p, path, "cannot read list file \"%s\": %s", full, err->message);
			g_error_free(err);
		}
		g_free(full);
		return;
	}
	parse_error(p, t, "expected \"{\" or file \"path\" after the list name, found %s", parse_describe_tok(t));
	parse_skip_line(p);
}

/* stmt_list - list NAME { … } | list NAME file "…" | list NAME += / -= … */
void parse_stmt_list(Parser *p, const Token *kw)
{
	const Token *name = parse_next(p);
	const Token *op;
	List *l;

	if (name->kind != TOK_WORD || !parse_valid_id(name->text, TRUE)) {
		parse_error(p, name->kind == TOK_NEWLINE ? kw : name,
		     "expected a list name (letters, digits, _ and -) after \"list\"");
		parse_skip_line(p);
		return;
	}
	op = parse_peek(p);
	if (op->kind == TOK_OP && (strcmp(op->text, "+=") == 0 || strcmp(op->text, "-=") == 0)) {
		parse_next(p);
		l = parse_find_list(p, name);
		if (l == NULL) {
			parse_skip_line(p);
			return;
		}
		parse_list_source(p, l, op->text[0] == '-');
		return;
	}
	l = g_hash_table_lookup(p->b->rs->lists, name->text);
	if (l != NULL) {
		parse_error(p, name, "list \"%s\" is already defined at %s:%u; extend it with \"list %s += { … }\"",
		     name->text, l->file, l->line, name->text);
		parse_skip_line(p);
		return;
	}
	l = rules_list_define(p->b->rs, name->text, p->file, name->line);
	parse_list_source(p, l, FALSE);
}
