/*
 * redirect.h - the URLs a redirector link carries (see redirect.c).
 */
#ifndef AMZ_REDIRECT_H
#define AMZ_REDIRECT_H

#include <glib.h>
#include "core/limits.h"
#include "extract/url_normalise.h"

/* redirect_targets - the http(s) URLs link p leads to, in the order
 * written (empty when none), found in the query parameters named in params
 * (a set of case-folded names, LinkWords.redirect_params; NULL: none) and
 * in urldefense links; transfer full */
GPtrArray *redirect_targets(const UrlParts *p, const GHashTable *params);

#endif
