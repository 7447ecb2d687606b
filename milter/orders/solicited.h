/*
 * orders/solicited.h - lists of orders already asked for a review -> entries.
 */
#ifndef AMZ_ORDERS_SOLICITED_H
#define AMZ_ORDERS_SOLICITED_H

#include "orders/rows.h"

/* solicited_read - a text list into c; FALSE and *err when the file cannot
 * be read or is an order report, or when the sink failed */
gboolean solicited_read(Rows *c, RowReader *r, GError **err);

#endif
