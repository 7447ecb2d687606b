/*
 * orders/spapi.c - Selling Partner API JSON -> OrderRecords.
 *
 * Accepted, as one document or one value per line (JSON Lines), nested
 * in arrays or not:
 *   - getOrders responses: {"payload":{"Orders":[...]}}, {"Orders":[...]},
 *     and orders alone ({"AmazonOrderId":…});
 *   - Messaging API getAttributes results, which do not name their order:
 *     {"amazonOrderId":…,"payload":{"buyer":{"locale":"de-DE"}}} (or
 *     "buyer" at the top), as the caller saved them: only the locale;
 *   - for a solicited list: records {"amazonOrderId":…,"date":…}.
 * An entry that is none of these, or holds a bad ID or date, is reported
 * with its line (the line of its "{" in a document) and skipped.
 *
 * JSON Lines are read one line at a time.  One document is parsed whole,
 * so a file whose first line is not a JSON value of its own is read into
 * memory only up to IMPORT_MAX_JSON bytes.
 */
#include <string.h>
#include <json-glib/json-glib.h>
#include "orders/spapi.h"

#define MAX_NESTING 3     /* arrays in arrays: a page of pages of orders */

typedef struct {
	Rows *c;
	gboolean solicited;
	gboolean lines;       /* JSON Lines: positions are lines, else entries */
	guint64 line;         /* JSON Lines: the line being read */
	guint64 entries;      /* one document: entries seen */
	GHashTable *starts;   /* one document: JsonObject -> line of its "{" */
	GArray *stack;        /* one document: lines of the objects open */
} Spapi;

/* str - the member name of o when it is a non-empty string, else NULL */
static const char *str(JsonObject *o, const char *name)
{
	JsonNode *n = o ? json_object_get_member(o, name) : NULL;
	const char *v;

	if (n == NULL || json_node_get_value_type(n) != G_TYPE_STRING)
		return NULL;
	v = json_node_get_string(n);
	return v && *v ? v : NULL;
}

/* obj - the member name of o when it is an object, else NULL */
static JsonObject *obj(JsonObject *o, const char *name)
{
	JsonNode *n = o ? json_object_get_member(o, name) : NULL;
	return n && JSON_NODE_HOLDS_OBJECT(n) ? json_node_get_object(n) : NULL;
}

/* date - member name of o as a time (0 when absent); FALSE, reported, when
 * it is there and not a date */
static gboolean date(Spapi *s, guint64 line, JsonObject *o, const char *name, gint64 *out)
{
	const char *v = str(o, name);

	*out = v ? order_time_parse(v) : 0;
	if (v && *out == 0) {
		g_autofree char *q = rows_quote(v);
		rows_bad(s->c, line, "%s: %s is not a date", name, q);
		return FALSE;
	}
	return TRUE;
}

/* order_id - the ID of o under name into out; FALSE, reported, when bad */
static gboolean order_id(Spapi *s, guint64 line, JsonObject *o, const char *name, char *out)
{
	const char *v = str(o, name);
	g_autofree char *q = NULL;

	if (v && order_id_normalise(v, out))
		return TRUE;
	q = v ? rows_quote(v) : NULL;
	rows_bad(s->c, line, v ? "%s: bad order ID %s" : "%s: no order ID", name, q);
	return FALSE;
}

/* order - one order of getOrders; NULL (reported) when bad */
static OrderRecord *order(Spapi *s, guint64 line, JsonObject *o)
{
	OrderRecord *rec = g_new0(OrderRecord, 1);
	const char *v, *why;
	gint64 latest;

	if (!order_id(s, line, o, "AmazonOrderId", rec->id) ||
	    !date(s, line, o, "PurchaseDate", &rec->purchased) ||
	    !date(s, line, o, "LastUpdateDate", &rec->updated) ||
	    !date(s, line, o, "LatestDeliveryDate", &rec->delivered) ||
	    !date(s, line, o, "EarliestShipDate", &rec->shipped) ||
	    !date(s, line, o, "LatestShipDate", &latest))
		goto bad;
	/* the later ship date: a delivery estimated from it is not too early */
	rec->shipped = latest ? latest : rec->shipped;
	v = str(obj(o, "BuyerInfo"), "BuyerEmail");
	if (v == NULL)
		v = str(o, "BuyerEmail");   /* older versions of the API */
	if (v && (rec->buyer = rows_buyer(v, &why)) == NULL && why) {
		g_autofree char *q = rows_quote(v);
		rows_bad(s->c, line, "BuyerInfo.BuyerEmail: %s is %s", q, why);
		goto bad;
	}
	if ((v = str(o, "MarketplaceId")) != NULL)
		rec->market = order_market_of(v);
	if (rec->market == NULL && (v = str(o, "SalesChannel")) != NULL)
		rec->market = order_market_of(v);
	if (rec->market == NULL && rec->buyer)
		rec->market = order_market_of(rec->buyer);
	if ((v = str(o, "OrderStatus")) != NULL)
		rec->status = rows_status(v);
	if (rec->updated == 0)
		rec->updated = s->c->mtime;
	return rec;
bad:
	order_record_free(rec);
	return NULL;
}

/* attributes - a getAttributes result: the order's locale only */
static OrderRecord *attributes(Spapi *s, guint64 line, JsonObject *o)
{
	OrderRecord *rec = g_new0(OrderRecord, 1);
	JsonObject *buyer = obj(obj(o, "payload"), "buyer");
	const char *v;

	if (!order_id(s, line, o, "amazonOrderId", rec->id))
		goto bad;
	if (buyer == NULL)
		buyer = obj(o, "buyer");
	v = str(buyer, "locale");
	if (v == NULL) {
		rows_bad(s->c, line, "no payload.buyer.locale (nor buyer.locale)");
		goto bad;
	}
	rec->locale = rows_locale(v);
	if (rec->locale == NULL) {
		g_autofree char *q = rows_quote(v);
		rows_bad(s->c, line, "buyer.locale: %s is not a locale like de-DE", q);
		goto bad;
	}
	return rec;
bad:
	order_record_free(rec);
	return NULL;
}

/* solicited - one record of a solicited list */
static gboolean solicited(Spapi *s, guint64 line, JsonObject *o, SolicitedEntry *e)
{
	static const char *const dates[] = { "date", "requestedAt", "solicitedAt", "at" };
	const char *key = json_object_has_member(o, "amazonOrderId") ? "amazonOrderId" : "AmazonOrderId";

	memset(e, 0, sizeof *e);
	if (!order_id(s, line, o, key, e->id))
		return FALSE;
	for (guint i = 0; i < G_N_ELEMENTS(dates); i++)
		if (json_object_has_member(o, dates[i]))
			return date(s, line, o, dates[i], &e->at);
	return TRUE;
}

/* entry - one order, result or record: counted, then read unless a resumed
 * import already has it; FALSE only when the sink failed */
static gboolean entry(Spapi *s, JsonNode *node, GError **err)
{
	JsonObject *o = JSON_NODE_HOLDS_OBJECT(node) ? json_node_get_object(node) : NULL;
	guint64 line = s->line, position;
	OrderRecord *rec = NULL;

	if (!s->lines) {
		if (++s->entries <= s->c->skip)
			return TRUE;
		line = o ? GPOINTER_TO_SIZE(g_hash_table_lookup(s->starts, o)) : 0;
	}
	/* a batch sent in the middle of a line does not cover that line */
	position = s->lines ? s->line - 1 : s->entries;
	if (o == NULL) {
		rows_bad(s->c, line, "not a JSON object");
	} else if (s->solicited) {
		SolicitedEntry e;
		if (!json_object_has_member(o, "amazonOrderId") && !json_object_has_member(o, "AmazonOrderId"))
			rows_bad(s->c, line, "no amazonOrderId");
		else if (solicited(s, line, o, &e))
			return rows_add_solicited(s->c, &e, position, err);
	} else if (json_object_has_member(o, "AmazonOrderId")) {
		rec = order(s, line, o);
	} else if (json_object_has_member(o, "amazonOrderId")) {
		rec = attributes(s, line, o);
	} else {
		rows_bad(s->c, line, "neither an order (AmazonOrderId) nor a getAttributes result (amazonOrderId)");
	}
	return rec ? rows_add(s->c, rec, position, err) : TRUE;
}

/* value - a page, an array or an entry; FALSE only when the sink failed */
static gboolean value(Spapi *s, JsonNode *node, guint depth, GError **err)
{
	JsonObject *o, *payload;
	JsonNode *n;

	if (JSON_NODE_HOLDS_ARRAY(node) && depth < MAX_NESTING) {
		JsonArray *a = json_node_get_array(node);
		for (guint i = 0; i < json_array_get_length(a); i++)
			if (!value(s, json_array_get_element(a, i), depth + 1, err))
				return FALSE;
		return TRUE;
	}
	if (!JSON_NODE_HOLDS_OBJECT(node))
		return entry(s, node, err);
	o = json_node_get_object(node);
	if ((n = json_object_get_member(o, "Orders")) != NULL && JSON_NODE_HOLDS_ARRAY(n))
		return value(s, n, depth, err);
	if ((payload = obj(o, "payload")) != NULL && !json_object_has_member(payload, "buyer"))
		return value(s, json_object_get_member(o, "payload"), depth, err);
	if ((n = json_object_get_member(o, "payload")) != NULL && JSON_NODE_HOLDS_ARRAY(n))
		return value(s, n, depth, err);
	if ((n = json_object_get_member(o, "errors")) != NULL && JSON_NODE_HOLDS_ARRAY(n) &&
	    !json_object_has_member(o, "AmazonOrderId") && !json_object_has_member(o, "amazonOrderId")) {
		JsonArray *a = json_node_get_array(n);
		JsonObject *e = json_array_get_length(a) && JSON_NODE_HOLDS_OBJECT(json_array_get_element(a, 0))
		                ? json_array_get_object_element(a, 0) : NULL;
		guint64 line = s->lines ? s->line : GPOINTER_TO_SIZE(g_hash_table_lookup(s->starts, o));
		rows_bad(s->c, line, "an error response from the API: %s: %s",
		         str(e, "code") ? str(e, "code") : "?", str(e, "message") ? str(e, "message") : "?");
		return TRUE;
	}
	return entry(s, node, err);
}

static void object_start(JsonParser *p, gpointer data)
{
	Spapi *s = data;
	guint line = json_parser_get_current_line(p);
	g_array_append_val(s->stack, line);
}

static void object_end(JsonParser *p, JsonObject *o, gpointer data)
{
	Spapi *s = data;
	(void)p;
	if (s->stack->len == 0)
		return;
	/* only the levels an entry can be at: {"payload":{"Orders":[{…}]}} */
	if (s->stack->len <= MAX_NESTING)
		g_hash_table_insert(s->starts, o,
		                    GSIZE_TO_POINTER(g_array_index(s->stack, guint, s->stack->len - 1)));
	g_array_set_size(s->stack, s->stack->len - 1);
}

/* parse_error - json-glib's "<data>:L:C: Parse error: …" without its
 * "<data>"; *line gets L (0 when there is none) */
static const char *parse_error(const char *m, guint *line)
{
	const char *p;

	*line = 0;
	if (!g_str_has_prefix(m, "<data>:"))
		return m;
	*line = (guint)g_ascii_strtoull(m + 7, (char **)&p, 10);
	while (*p == ':' || g_ascii_isdigit(*p))
		p++;
	return *p == ' ' ? p + 1 : p;
}

/* document - text as one JSON document; FALSE with *err when it is not
 * JSON or the sink failed */
static gboolean document(Spapi *s, JsonParser *p, const GString *text, GError **err)
{
	GError *perr = NULL;
	gboolean ok;

	s->starts = g_hash_table_new(g_direct_hash, g_direct_equal);
	s->stack = g_array_new(FALSE, FALSE, sizeof(guint));
	g_signal_connect(p, "object-start", G_CALLBACK(object_start), s);
	g_signal_connect(p, "object-end", G_CALLBACK(object_end), s);
	ok = json_parser_load_from_data(p, text->str, (gssize)text->len, &perr);
	g_signal_handlers_disconnect_by_data(p, s);
	if (!ok) {
		guint line;
		const char *m = parse_error(perr->message, &line);
		if (line)
			g_set_error(err, IMPORT_ERROR, 1, "%s:%u: not JSON: %s", s->c->name, line, m);
		else
			g_set_error(err, IMPORT_ERROR, 1, "%s: not JSON: %s", s->c->name, m);
		g_error_free(perr);
	} else {
		s->c->rep->format = IMPORT_FORMAT_JSON;
		ok = value(s, json_parser_get_root(p), 0, err) &&
		     rows_flush(s->c, MAX(s->entries, s->c->skip), err);
	}
	g_hash_table_unref(s->starts);
	g_array_unref(s->stack);
	return ok;
}

/* json_line - one line of JSON Lines; FALSE only when the sink failed */
static gboolean json_line(Spapi *s, JsonParser *p, const char *text, gsize len, GError **err)
{
	g_autoptr(GError) perr = NULL;
	guint at;

	if (s->line <= s->c->skip || strspn(text, " \t") == len)
		return TRUE;
	if (!json_parser_load_from_data(p, text, (gssize)len, &perr)) {
		rows_bad(s->c, s->line, "not JSON: %s", parse_error(perr->message, &at));
		return TRUE;
	}
	return value(s, json_parser_get_root(p), 0, err);
}

/* json_lines - the first line, then the rest of r, as JSON Lines */
static gboolean json_lines(Spapi *s, JsonParser *p, RowReader *r, char *line, gsize len, GError **err)
{
	RowsRead got = ROWS_LINE;

	s->lines = TRUE;
	s->c->rep->format = IMPORT_FORMAT_JSON_LINES;
	do {
		s->line = r->line;
		if (got == ROWS_ERROR)
			return FALSE;
		if (got == ROWS_LONG && s->line > s->c->skip)
			rows_bad(s->c, s->line, "a JSON line longer than %u bytes", IMPORT_MAX_JSON);
		else if (got == ROWS_LINE && !json_line(s, p, line, len, err))
			return FALSE;
	} while ((got = rows_next(r, &line, &len, err)) != ROWS_END);
	return rows_flush(s->c, MAX(r->line, s->c->skip), err);
}

gboolean spapi_read(Rows *c, RowReader *r, gboolean solicited, GError **err)
{
	g_autoptr(JsonParser) p = json_parser_new();
	g_autoptr(GString) head = g_string_new(NULL);
	Spapi s = { .c = c, .solicited = solicited };
	char *line;
	gsize len, n;
	RowsRead got;

	/* The first line that is not blank: a JSON value of its own, or what
	 * looks like one ({…} that is bad), makes the file JSON Lines; else it
	 * starts a document. */
	while ((got = rows_next(r, &line, &len, err)) == ROWS_LINE && strspn(line, " \t") == len)
		g_string_append_c(head, '\n');
	if (got == ROWS_ERROR)
		return FALSE;
	if (got == ROWS_END) {
		rows_warn(c, "empty file");
		return TRUE;
	}
	if (got == ROWS_LONG) {
		g_set_error(err, IMPORT_ERROR, 1, "%s:%" G_GUINT64_FORMAT ": a JSON line longer than %u bytes",
		            c->name, r->line, IMPORT_MAX_JSON);
		return FALSE;
	}
	n = len;
	while (n > 0 && g_ascii_isspace(line[n - 1]))
		n--;
	if (json_parser_load_from_data(p, line, (gssize)len, NULL) ||
	    (line[strspn(line, " \t")] == '{' && line[n - 1] == '}'))
		return json_lines(&s, p, r, line, len, err);
	if (c->size > IMPORT_MAX_JSON) {
		g_set_error(err, IMPORT_ERROR, 1, "%s: a JSON document larger than %u MiB "
		            "(write one order per line: JSON Lines)", c->name, IMPORT_MAX_JSON >> 20);
		return FALSE;
	}
	g_string_append_len(head, line, (gssize)len);
	g_string_append_c(head, '\n');
	if (!rows_rest(r, head, IMPORT_MAX_JSON, err)) {
		g_prefix_error(err, "%s: a JSON document ", c->name);
		return FALSE;
	}
	return document(&s, p, head, err);
}
