/*
 * dump.h - Facts as a human-readable listing (see dump.c).
 */
#ifndef AMZ_DUMP_H
#define AMZ_DUMP_H

#include <glib.h>
#include "core/facts.h"

/* dump_facts - every fact in f, appended to out (for the checker and for tests) */
void dump_facts(const Facts *f, GString *out);

#endif
