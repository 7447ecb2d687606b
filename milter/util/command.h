/*
 * command.h - the subcommand of an admin program ("PROG [OPTIONS] NAME
 * ARGS..."): one table per program, one lookup for all of them.
 */
#ifndef AMZ_COMMAND_H
#define AMZ_COMMAND_H

#include <glib.h>

typedef struct {
	const char *name;
	int id;              /* the program's own enum */
	int min, max;        /* arguments; -1: any number */
	const char *usage;   /* "show ORDER" */
} SubCommand;

/* subcommand_find - the entry named by argv[1] when its argument count
 * fits, else NULL after saying why on stderr ("PROG: unknown command …",
 * "PROG: usage: PROG OPTS USAGE"); argv[1] must exist */
const SubCommand *subcommand_find(const SubCommand *cmds, gsize n, int argc, char **argv,
                                  const char *prog, const char *opts);

#endif
