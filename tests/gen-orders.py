#!/usr/bin/env python3
"""tests/gen-orders.py - order files shaped like the real ones, for the
importer's tests and its benchmark (amzmilter-orders import).

  gen-orders.py [--seed N] --out DIR
      a set of files in DIR, each with FILE.expect beside it:
        report-all.txt        "All Orders" report: amazon-order-id, no buyer-email
        report-buyer.txt      amazon-order-id, buyer-email, buyer-language, ship dates
        report-unshipped.txt  the "Unshipped Orders" shape: order-id, buyer-email,
                              delivery-end-date; CRLF and a byte order mark
        spapi-page.json       a getOrders response, pretty-printed
        spapi-orders.jsonl    getOrders orders, one per line
        attributes.jsonl      Messaging API getAttributes results, one per line
        solicited.txt         orders asked for a review: IDs, dates, comments
        solicited.json        the same as JSON records
      FILE.expect lists what an import must find:
        orders N              distinct good orders (records after merging items)
        bad LINE KIND         a bad row and its line (KIND: id, date, fields, email, json, locale)
        warning buyer         the file has no buyer column
        order<TAB>ID<TAB>FIELD=VALUE<TAB>...  a sample order as `show` must print it

  gen-orders.py [--seed N] --orders N [--format report|jsonl]
      N orders (about 1.2 lines each: items) on standard output, no bad
      rows: the input of tests/bench/orders-import and of the resumed import
      in tests/t-orders.sh.

Deterministic for a given seed; standard library only.
"""
import argparse
import json
import os
import random
import string
import sys
from datetime import datetime, timedelta, timezone

MARKETS = [  # sales channel, relay domain suffix, MarketplaceId, locale
    ("Amazon.de", "de", "A1PA6795UKMFR9", "de_DE"),
    ("Amazon.co.uk", "co.uk", "A1F83G8C2ARO7P", "en_GB"),
    ("Amazon.fr", "fr", "A13V1IB3VIYZZH", "fr_FR"),
    ("Amazon.it", "it", "APJ6JRA9NG5V4", "it_IT"),
    ("Amazon.es", "es", "A1RKKUPIHCS9HS", "es_ES"),
    ("Amazon.com", "com", "ATVPDKIKX0DER", "en_US"),
    ("Amazon.co.jp", "co.jp", "A1VC38T7YXB528", "ja_JP"),
]
PRODUCTS = [
    "Edelstahl Trinkflasche 750 ml", "Bamboo cutting board, large", "Coque iPhone 15 – silicone",
    "Lampada LED E27 «calda»", "Funda de cojín 45×45 cm", "ステンレス ボトル", "USB-C cable 2 m \"braided\"",
]
STATUSES = ["Shipped", "Shipped", "Shipped", "Pending", "Cancelled", "Unshipped"]
BASE = datetime(2026, 9, 1, tzinfo=timezone.utc)


class Gen:
    def __init__(self, seed):
        self.r = random.Random(seed)
        self.used = set()

    def order_id(self):
        while True:
            p = self.r.choice(["302", "303", "028", "171", "404", "249", "D01"])
            i = "%s-%07d-%07d" % (p, self.r.randrange(10 ** 7), self.r.randrange(10 ** 7))
            if i not in self.used:
                self.used.add(i)
                return i

    def relay(self, market):
        local = "".join(self.r.choice(string.ascii_lowercase + string.digits) for _ in range(15))
        return "%s@marketplace.amazon.%s" % (local, market)

    def order(self):
        channel, market, mpid, locale = self.r.choice(MARKETS)
        bought = BASE + timedelta(seconds=self.r.randrange(90 * 86400))
        status = self.r.choice(STATUSES)
        shipped = bought + timedelta(hours=self.r.randrange(4, 72)) if status == "Shipped" else None
        o = {
            "id": self.order_id(), "channel": channel, "market": market, "mpid": mpid,
            "locale": locale, "bought": bought, "status": status, "shipped": shipped,
            "delivery": bought + timedelta(days=self.r.randrange(3, 9)),
            "updated": (shipped or bought) + timedelta(minutes=self.r.randrange(1, 600)),
            "buyer": self.relay(market),
            "items": self.r.choice([1, 1, 1, 1, 2, 2, 3]),
        }
        return o


def iso(t, style="offset"):
    if t is None:
        return ""
    if style == "z":
        return t.strftime("%Y-%m-%dT%H:%M:%SZ")
    return t.strftime("%Y-%m-%dT%H:%M:%S+00:00")


def show_fields(o, buyer=True, updated=True, status=True, locale=False, delivery=True, shipped=True):
    """what `amzmilter-orders show` must print for o (a subset)"""
    f = ["market=" + o["market"], "purchased=" + o["bought"].strftime("%Y-%m-%d %H:%M:%S UTC")]
    if status:
        st = o["status"].lower()
        f.append("status=" + ("canceled" if st == "cancelled" else st))
    if buyer:
        f.append("buyer=" + o["buyer"])
    if locale:
        f.append("locale=" + o["locale"])
    if updated:
        f.append("updated=" + o["updated"].strftime("%Y-%m-%d %H:%M:%S UTC"))
    if delivery:
        f.append("delivered=" + o["delivery"].strftime("%Y-%m-%d %H:%M:%S UTC"))
    if shipped and o["shipped"]:
        f.append("shipped=" + o["shipped"].strftime("%Y-%m-%d %H:%M:%S UTC"))
    return "\t".join(f)


# --- flat files -------------------------------------------------------------

ALL_ORDERS = ["amazon-order-id", "merchant-order-id", "purchase-date", "last-updated-date",
              "order-status", "fulfillment-channel", "sales-channel", "order-channel",
              "ship-service-level", "product-name", "sku", "asin", "item-status", "quantity",
              "currency", "item-price", "ship-city", "ship-postal-code", "ship-country",
              "is-business-order"]
WITH_BUYER = ["amazon-order-id", "purchase-date", "last-updated-date", "order-status",
              "sales-channel", "buyer-email", "buyer-language", "ship-date",
              "latest-delivery-date", "sku", "product-name", "quantity", "item-price"]
UNSHIPPED = ["order-id", "order-item-id", "purchase-date", "payments-date", "buyer-email",
             "buyer-name", "sku", "product-name", "quantity-purchased", "currency", "item-price",
             "ship-service-level", "recipient-name", "ship-address-1", "ship-city",
             "ship-postal-code", "ship-country", "delivery-start-date", "delivery-end-date",
             "sales-channel"]


def row(g, header, o, item):
    v = {
        "amazon-order-id": o["id"], "order-id": o["id"],
        "merchant-order-id": "", "order-item-id": "%014d" % g.r.randrange(10 ** 14),
        "purchase-date": iso(o["bought"]), "payments-date": iso(o["bought"]),
        "last-updated-date": iso(o["updated"]), "order-status": o["status"],
        "fulfillment-channel": "Merchant", "sales-channel": o["channel"], "order-channel": "",
        "ship-service-level": "Standard", "product-name": g.r.choice(PRODUCTS),
        "sku": "SKU-%04d-%d" % (g.r.randrange(10000), item), "asin": "B0%08d" % g.r.randrange(10 ** 8),
        "item-status": o["status"], "quantity": "1", "quantity-purchased": "1", "currency": "EUR",
        "item-price": "%d.%02d" % (g.r.randrange(5, 90), g.r.randrange(100)),
        "ship-city": "Köln", "ship-postal-code": "50667", "ship-country": "DE",
        "is-business-order": "false", "buyer-email": o["buyer"], "buyer-name": "Max Müller",
        "buyer-language": o["locale"].replace("_", "-"), "ship-date": iso(o["shipped"]),
        "latest-delivery-date": iso(o["delivery"]), "delivery-start-date": "",
        "delivery-end-date": iso(o["delivery"]), "recipient-name": "Max Müller",
        "ship-address-1": "Domkloster 4",
    }
    return "\t".join(v[h] for h in header)


def flat_file(g, path, header, n, eol="\n", bom=False, buyer=True, locale=False, updated=True,
              status=True, shipped=True):
    """n orders, their items on consecutive lines, bad rows between them"""
    lines, expect, samples = ["\t".join(header)], [], []
    good = 0
    bad_kinds = ["id", "date", "fields", "email", "id-empty"] if buyer else ["id", "date", "fields", "id-empty"]
    for i in range(n):
        o = g.order()
        for item in range(o["items"]):
            lines.append(row(g, header, o, item + 1))
        good += 1
        if i < 3:
            samples.append("order\t%s\t%s" % (o["id"], show_fields(
                o, buyer=buyer, locale=locale, updated=updated, status=status, shipped=shipped,
                delivery="latest-delivery-date" in header or "delivery-end-date" in header)))
        if i % 7 == 3:
            kind = bad_kinds[(i // 7) % len(bad_kinds)]
            b = g.order()
            f = row(g, header, b, 1).split("\t")
            if kind == "id":
                f[header.index(header[0])] = b["id"][:-1]
            elif kind == "id-empty":
                f[0] = ""
            elif kind == "date":
                f[header.index("purchase-date")] = b["bought"].strftime("%d/%m/%Y %H:%M")
            elif kind == "fields":
                f = f[:len(f) // 2]
            elif kind == "email":
                f[header.index("buyer-email")] = "Max Müller"
            lines.append("\t".join(f))
            expect.append("bad %d %s" % (len(lines), "id" if kind == "id-empty" else kind))
    # blank lines at the end are no rows
    text = eol.join(lines) + eol + eol
    with open(path, "wb") as out:
        out.write((b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8"))
    with open(path + ".expect", "w") as out:
        out.write("orders %d\n" % good)
        for e in expect:
            out.write(e + "\n")
        if not buyer:
            out.write("warning buyer\n")
        for s in samples:
            out.write(s + "\n")


# --- Selling Partner API ----------------------------------------------------

def spapi_order(o):
    d = {
        "AmazonOrderId": o["id"], "SellerOrderId": o["id"], "PurchaseDate": iso(o["bought"], "z"),
        "LastUpdateDate": iso(o["updated"], "z"), "OrderStatus": o["status"].replace("Cancelled", "Canceled"),
        "FulfillmentChannel": "MFN", "SalesChannel": o["channel"], "ShipServiceLevel": "Std",
        "OrderTotal": {"CurrencyCode": "EUR", "Amount": "19.99"},
        "NumberOfItemsShipped": o["items"], "NumberOfItemsUnshipped": 0,
        "PaymentMethodDetails": ["Standard"], "MarketplaceId": o["mpid"],
        "EarliestShipDate": iso(o["bought"], "z"),
        "LatestShipDate": iso(o["shipped"] or o["bought"] + timedelta(days=2), "z"),
        "LatestDeliveryDate": iso(o["delivery"], "z"), "IsBusinessOrder": False, "IsPrime": False,
        "BuyerInfo": {"BuyerEmail": o["buyer"]},
    }
    return d


def spapi_page(g, path, n):
    """a pretty-printed getOrders response: bad entries at known lines"""
    text = ['{', '  "payload": {', '    "Orders": [']
    expect, good, samples = [], 0, []
    entries = []
    for i in range(n):
        o = g.order()
        d = spapi_order(o)
        kind = None
        if i % 9 == 4:
            kind = ["id", "date", "email"][(i // 9) % 3]
            if kind == "id":
                d["AmazonOrderId"] = "12-345"
            elif kind == "date":
                d["PurchaseDate"] = "last Tuesday"
            else:
                d["BuyerInfo"]["BuyerEmail"] = "nobody"
        else:
            good += 1
            if len(samples) < 3:
                samples.append("order\t%s\t%s" % (o["id"], show_fields(o, shipped=False)))
        entries.append((d, kind))
    for k, (d, kind) in enumerate(entries):
        body = json.dumps(d, indent=2, ensure_ascii=False).split("\n")
        if kind:
            expect.append("bad %d %s" % (len(text) + 1, kind))
        body = ["      " + b for b in body]
        if k < len(entries) - 1:
            body[-1] += ","
        text.extend(body)
    text += ['    ],', '    "NextToken": "2YgYW55IGNhcm5hbCBwbGVhc3VyZS4="', '  }', '}']
    with open(path, "w") as out:
        out.write("\n".join(text) + "\n")
    with open(path + ".expect", "w") as out:
        out.write("orders %d\n" % good)
        for e in expect:
            out.write(e + "\n")
        for s in samples:
            out.write(s + "\n")


def spapi_lines(g, path, n):
    expect, lines, samples = [], [], []
    good = 0
    for i in range(n):
        o = g.order()
        d = spapi_order(o)
        if i % 11 == 5:
            lines.append(json.dumps(d)[:40])
            expect.append("bad %d json" % len(lines))
            continue
        lines.append(json.dumps(d, ensure_ascii=False))
        good += 1
        if len(samples) < 3:
            samples.append("order\t%s\t%s" % (o["id"], show_fields(o, shipped=False)))
    with open(path, "w") as out:
        out.write("\n".join(lines) + "\n")
    with open(path + ".expect", "w") as out:
        out.write("orders %d\n" % good)
        for e in expect:
            out.write(e + "\n")
        for s in samples:
            out.write(s + "\n")


def attributes(g, path, n):
    """getAttributes results, as a caller saves them: the order's ID added"""
    expect, lines, samples = [], [], []
    good = 0
    for i in range(n):
        o = g.order()
        loc = o["locale"].replace("_", "-")
        if i % 6 == 2:
            d = {"amazonOrderId": o["id"], "buyer": {"locale": loc}}   # without payload
        else:
            d = {"amazonOrderId": o["id"], "payload": {"buyer": {"locale": loc}}}
        if i % 8 == 7:
            d = {"amazonOrderId": o["id"], "payload": {"buyer": {"locale": "Deutsch"}}}
            lines.append(json.dumps(d))
            expect.append("bad %d locale" % len(lines))
            continue
        lines.append(json.dumps(d))
        good += 1
        if len(samples) < 3:
            samples.append("order\t%s\tlocale=%s" % (o["id"], o["locale"]))
    with open(path, "w") as out:
        out.write("\n".join(lines) + "\n")
    with open(path + ".expect", "w") as out:
        out.write("orders %d\n" % good)
        for e in expect:
            out.write(e + "\n")
        for s in samples:
            out.write(s + "\n")


def solicited(g, path_txt, path_json, n):
    lines = ["# orders asked for a review through Request a Review", ""]
    expect, recs, good = [], [], 0
    for i in range(n):
        o = g.order()
        at = o["delivery"] + timedelta(days=5)
        if i % 5 == 1:
            lines.append("%s\t%s" % (o["id"], iso(at, "z")))
        elif i % 5 == 2:
            lines.append("  %s   %s  # by hand" % (o["id"], at.strftime("%Y-%m-%d")))
        elif i % 5 == 3:
            lines.append("%s %s" % (o["id"], "soon"))
            expect.append("bad %d date" % len(lines))
            continue
        elif i % 5 == 4 and i % 3 == 0:
            lines.append(o["id"][:-2])
            expect.append("bad %d id" % len(lines))
            continue
        else:
            lines.append(o["id"])
        recs.append({"amazonOrderId": o["id"], "date": iso(at, "z")})
        good += 1
    with open(path_txt, "w") as out:
        out.write("\n".join(lines) + "\n\n")
    with open(path_txt + ".expect", "w") as out:
        out.write("orders %d\n" % good)
        for e in expect:
            out.write(e + "\n")
    with open(path_json, "w") as out:
        json.dump(recs, out, indent=1)
        out.write("\n")
    with open(path_json + ".expect", "w") as out:
        out.write("orders %d\n" % len(recs))


def fixtures(seed, out):
    os.makedirs(out, exist_ok=True)
    g = Gen(seed)
    flat_file(g, os.path.join(out, "report-all.txt"), ALL_ORDERS, 40, buyer=False, shipped=False)
    flat_file(g, os.path.join(out, "report-buyer.txt"), WITH_BUYER, 60, locale=True)
    flat_file(g, os.path.join(out, "report-unshipped.txt"), UNSHIPPED, 50, eol="\r\n", bom=True,
              updated=False, status=False, shipped=False)
    spapi_page(g, os.path.join(out, "spapi-page.json"), 30)
    spapi_lines(g, os.path.join(out, "spapi-orders.jsonl"), 40)
    attributes(g, os.path.join(out, "attributes.jsonl"), 30)
    solicited(g, os.path.join(out, "solicited.txt"), os.path.join(out, "solicited.json"), 25)


def bulk(seed, n, fmt):
    """N orders fast: the shape of WITH_BUYER (or getOrders), fewer random draws"""
    r = random.Random(seed)
    alnum = string.ascii_lowercase + string.digits
    base = int(BASE.timestamp())
    days = [(BASE + timedelta(days=d)).strftime("%Y-%m-%d") for d in range(120)]
    prefixes = ["302", "303", "028", "171", "404", "249", "D01"]
    used = set()

    def ts(t, z):
        d, s = divmod(t - base, 86400)
        return "%sT%02d:%02d:%02d%s" % (days[d], s // 3600, s // 60 % 60, s % 60, z)

    out = sys.stdout
    if fmt == "report":
        out.write("\t".join(WITH_BUYER) + "\n")
    buf = []
    for i in range(n):
        while True:
            oid = "%s-%07d-%07d" % (prefixes[i % 7], r.getrandbits(24) % 10 ** 7, r.getrandbits(24) % 10 ** 7)
            if oid not in used:
                used.add(oid)
                break
        channel, market, mpid, locale = MARKETS[r.getrandbits(8) % len(MARKETS)]
        bought = base + r.getrandbits(23) % (90 * 86400)
        status = STATUSES[i % len(STATUSES)]
        shipped = bought + 3600 * (4 + i % 60) if status == "Shipped" else 0
        updated = (shipped or bought) + 600
        delivery = bought + 86400 * (3 + i % 6)
        buyer = "".join(r.choices(alnum, k=15)) + "@marketplace.amazon." + market
        if fmt == "report":
            common = "\t".join((oid, ts(bought, "+00:00"), ts(updated, "+00:00"), status, channel, buyer,
                                locale.replace("_", "-"), ts(shipped, "+00:00") if shipped else "",
                                ts(delivery, "+00:00")))
            for item in range(1 + (i % 7 == 0) + (i % 11 == 0)):
                buf.append("%s\tSKU-%05d-%d\t%s\t1\t%d.%02d" % (common, i % 100000, item + 1,
                           PRODUCTS[i % len(PRODUCTS)], 5 + i % 80, i % 100))
        else:
            buf.append(json.dumps({
                "AmazonOrderId": oid, "PurchaseDate": ts(bought, "Z"), "LastUpdateDate": ts(updated, "Z"),
                "OrderStatus": status.replace("Cancelled", "Canceled"), "SalesChannel": channel,
                "MarketplaceId": mpid, "LatestShipDate": ts(shipped or bought + 2 * 86400, "Z"),
                "LatestDeliveryDate": ts(delivery, "Z"), "OrderTotal": {"CurrencyCode": "EUR", "Amount": "19.99"},
                "BuyerInfo": {"BuyerEmail": buyer}}, ensure_ascii=False))
        if len(buf) >= 10000:
            out.write("\n".join(buf) + "\n")
            buf = []
    if buf:
        out.write("\n".join(buf) + "\n")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", help="directory for the set of test files")
    ap.add_argument("--orders", type=int, help="N orders on standard output")
    ap.add_argument("--format", choices=["report", "jsonl"], default="report")
    a = ap.parse_args()
    if a.orders is not None:
        bulk(a.seed, a.orders, a.format)
    elif a.out:
        fixtures(a.seed, a.out)
    else:
        ap.error("--out DIR or --orders N")


if __name__ == "__main__":
    main()
