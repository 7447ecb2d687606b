/*
 * orders/spapi.h - Selling Partner API JSON -> records.
 */
#ifndef AMZ_ORDERS_SPAPI_H
#define AMZ_ORDERS_SPAPI_H

#include "orders/rows.h"

/* spapi_read - JSON Lines or one JSON document (up to IMPORT_MAX_JSON
 * bytes) into c: orders and getAttributes results, or with solicited the
 * records of a solicited list.  FALSE and *err when the file cannot be
 * read or is no JSON at all, or when the sink failed. */
gboolean spapi_read(Rows *c, RowReader *r, gboolean solicited, GError **err);

#endif
