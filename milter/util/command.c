/*
 * command.c - subcommand lookup (see command.h).
 */
#include <stdio.h>
#include <string.h>
#include "util/command.h"

const SubCommand *subcommand_find(const SubCommand *cmds, gsize n, int argc, char **argv,
                                  const char *prog, const char *opts)
{
	const SubCommand *c = NULL;
	int nargs = argc - 2;

	for (gsize i = 0; i < n && c == NULL; i++)
		if (strcmp(argv[1], cmds[i].name) == 0)
			c = &cmds[i];
	if (c == NULL) {
		g_autoptr(GString) names = g_string_new(NULL);
		for (gsize i = 0; i < n; i++)
			g_string_append_printf(names, "%s%s", i == 0 ? "" : i + 1 == n ? " or " : ", ", cmds[i].name);
		fprintf(stderr, "%s: unknown command \"%s\" (%s)\n", prog, argv[1], names->str);
		return NULL;
	}
	if (nargs < c->min || (c->max >= 0 && nargs > c->max)) {
		fprintf(stderr, "%s: usage: %s %s %s\n", prog, prog, opts, c->usage);
		return NULL;
	}
	return c;
}
