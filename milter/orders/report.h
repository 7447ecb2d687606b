/*
 * orders/report.h - Seller Central order reports (flat files) -> records.
 */
#ifndef AMZ_ORDERS_REPORT_H
#define AMZ_ORDERS_REPORT_H

#include "orders/rows.h"

/* report_read - the header, then every line after c->skip into c; FALSE
 * and *err when the file cannot be read or its header names no order ID
 * column, or when the sink failed */
gboolean report_read(Rows *c, RowReader *r, GError **err);

#endif
