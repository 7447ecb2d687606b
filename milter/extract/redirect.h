/*
 * redirect.h - the URLs a redirector link carries (see redirect.c).
 */
#ifndef AMZ_REDIRECT_H
#define AMZ_REDIRECT_H

#include <glib.h>
#include "extract/url_normalise.h"

/* redirect_targets - the http(s) URLs link p leads to, in the order
 * written (empty when none); transfer full */
GPtrArray *redirect_targets(const UrlParts *p);

#endif
