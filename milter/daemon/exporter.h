/*
 * exporter.h - the metrics endpoint: engine/metrics.c's text over HTTP
 * (libmicrohttpd), on conf metrics_listen.
 */
#ifndef AMZ_EXPORTER_H
#define AMZ_EXPORTER_H

#include "core/conf.h"

/* exporter_bind - open c->metrics_listen's socket (as root, before the
 * privilege drop: any port will do); TRUE when the key is not set */
gboolean exporter_bind(const Conf *c, GError **err);

/* exporter_start - serve GET /metrics on the bound socket from a thread
 * of its own; build names the libmilter driver for amzmilter_build_info */
gboolean exporter_start(const char *build, GError **err);

/* exporter_stop - close the endpoint (at the clean stop) */
void exporter_stop(void);

#endif
