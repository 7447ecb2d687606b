#!/usr/bin/env python3
"""mkmsgs.py - the benchmark's messages, byte for byte the same on every run.

Usage: mkmsgs.py DIR

Writes, with LF line ends (smtp-source -F adds the CR):
  plain.eml     small text/plain note quoting an order ID          (~1 KB)
  html.eml      multipart/alternative, text + HTML with Amazon and
                carrier links                                      (~6 KB)
  pdf.eml       text + an invoice PDF attachment (base64)          (~99 KB)
  big1.eml, big10.eml, big49.eml
                messages of about 1, 10 and 49 MB (10^6 bytes): text and
                PDF attachments of at most 8 MB each, so no per-part bound
                of the default configuration (max_part_size 20M) is crossed
  text49.eml    one text/plain part of about 49 MB: past max_part_size
                and max_text_size, so the most text the checks ever hold
  MANIFEST      name and size of each file

Each relay-bound message is written to be accepted by the shipped rules
(order ID, https links to Amazon and a carrier, a PDF attachment), so that
accepted mail goes through the whole path: milter, queue and delivery.
Contents come from a fixed-seed generator: no clock, no randomness.
"""
import base64
import os
import random
import sys
import zlib

ORDER = "305-4417782-9023316"
FROM = "Contoso Outdoor Support <support@contoso-outdoor.example>"
TO = "q1fu4y54hb9jz4d@marketplace.amazon.com"
DATE = "Mon, 02 Jun 2025 09:00:00 +0000"

WORDS = ("your order parcel delivery carrier arrive estimated thank you we "
         "the a to on is has been shipped warehouse tracking number reply "
         "message help question product instructions warranty invoice "
         "attached please find below kind regards team today tomorrow").split()


def sentences(rng, n):
    out = []
    for _ in range(n):
        k = rng.randint(8, 16)
        s = " ".join(rng.choice(WORDS) for _ in range(k))
        out.append(s[0].upper() + s[1:] + ".")
    return out


def wrap(text, width=72):
    lines, cur = [], ""
    for w in text.split():
        if cur and len(cur) + 1 + len(w) > width:
            lines.append(cur)
            cur = w
        else:
            cur = (cur + " " + w) if cur else w
    if cur:
        lines.append(cur)
    return "\n".join(lines)


def headers(subject, msgid, ctype):
    return ("From: %s\nTo: %s\nSubject: %s\nDate: %s\nMessage-ID: <%s@contoso-outdoor.example>\n"
            "MIME-Version: 1.0\n%s\n" % (FROM, TO, subject, DATE, msgid, ctype))


def b64(data):
    s = base64.b64encode(data).decode("ascii")
    return "\n".join(s[i:i + 76] for i in range(0, len(s), 76))


def pdf_bytes(rng, size):
    """A structurally plausible PDF of about size bytes: header, a page, an
    incompressible content stream (as compressed streams are), xref, trailer."""
    head = (b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n"
            b"1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
            b"2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n"
            b"3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>\nendobj\n")
    tail = b"\nendstream\nendobj\nxref\n0 5\n0000000000 65535 f \ntrailer\n<< /Size 5 /Root 1 0 R >>\nstartxref\n0\n%%EOF\n"
    n = max(0, size - len(head) - len(tail) - 64)
    body = rng.randbytes(n)
    return head + b"4 0 obj\n<< /Length %d /Filter /FlateDecode >>\nstream\n" % n + body + tail


def text_plain(rng):
    body = ("Hello,\n\nyour order %s left our warehouse today and should arrive "
            "on Thursday.\n\n" % ORDER) + wrap(" ".join(sentences(rng, 4))) + \
        "\n\nKind regards,\nContoso Outdoor\n"
    return headers("Order %s: shipped" % ORDER, "plain.1",
                   "Content-Type: text/plain; charset=\"utf-8\"\nContent-Transfer-Encoding: 7bit") + "\n" + body


def text_html(rng):
    paras = sentences(rng, 14)
    track = "https://www.ups.com/track?loc=en_US&tracknum=1Z999AA10123456784"
    links = ["https://www.amazon.com/gp/your-account/order-details?orderID=%s" % ORDER,
             "https://www.amazon.com/dp/B07XJ8C8F5",
             "https://sellercentral.amazon.com/help/hub/reference/external/G200389080",
             track]
    plain = ("Hello,\n\nabout your order %s:\n\n" % ORDER + wrap(" ".join(paras)) +
             "\n\nTrack the parcel: %s\nYour order: %s\n\nKind regards,\nContoso Outdoor\n" % (track, links[0]))
    rows = "".join("<tr><td>%s</td><td>%s</td></tr>\n" % (w, ORDER if i == 0 else rng.choice(WORDS))
                   for i, w in enumerate(["Order ID", "Carrier", "Tracking", "Delivery", "Items"]))
    html = ("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta http-equiv=\"Content-Type\" "
            "content=\"text/html; charset=utf-8\">\n</head>\n<body>\n"
            "<p>Hello,</p>\n<p>about your order <b>%s</b>:</p>\n" % ORDER +
            "".join("<p>%s</p>\n" % p for p in paras) +
            "<table role=\"presentation\" cellpadding=\"4\" border=\"0\">\n" + rows + "</table>\n" +
            "".join("<p><a href=\"%s\">%s</a></p>\n" % (u.replace("&", "&amp;"), t)
                    for u, t in zip(links, ["Your order", "The product", "Help", "Track your parcel"])) +
            "<p>Kind regards,<br>\nContoso Outdoor</p>\n</body>\n</html>\n")
    b = "----=_Part_bench_alt"
    return (headers("Your order %s" % ORDER, "html.1",
                    "Content-Type: multipart/alternative; boundary=\"%s\"" % b) + "\n" +
            "--%s\nContent-Type: text/plain; charset=\"utf-8\"\nContent-Transfer-Encoding: 8bit\n\n%s\n"
            "--%s\nContent-Type: text/html; charset=\"utf-8\"\nContent-Transfer-Encoding: 8bit\n\n%s\n--%s--\n"
            % (b, plain, b, html, b))


def with_pdfs(rng, msgid, pdf_sizes):
    body = ("Hello,\n\nplease find attached the invoice for your order %s.\n\n" % ORDER +
            wrap(" ".join(sentences(rng, 3))) + "\n\nKind regards,\nContoso Outdoor\n")
    b = "----=_Part_bench_mixed"
    out = [headers("Invoice for order %s" % ORDER, msgid,
                   "Content-Type: multipart/mixed; boundary=\"%s\"" % b) + "\n",
           "--%s\nContent-Type: text/plain; charset=\"utf-8\"\nContent-Transfer-Encoding: 7bit\n\n%s\n" % (b, body)]
    for i, size in enumerate(pdf_sizes):
        name = "invoice-%s%s.pdf" % (ORDER, "" if i == 0 else "-%d" % (i + 1))
        out.append("--%s\nContent-Type: application/pdf; name=\"%s\"\nContent-Transfer-Encoding: base64\n"
                   "Content-Disposition: attachment; filename=\"%s\"\n\n%s\n" % (b, name, name, b64(pdf_bytes(rng, size))))
    out.append("--%s--\n" % b)
    return "".join(out)


def big(rng, total):
    """about total bytes on the wire: PDFs of at most 8 MB decoded each"""
    raw = int((total - 2000) * 57 / 77)      # base64 with 76-char lines + LF
    sizes = []
    while raw > 0:
        sizes.append(min(raw, 8 * 1000 * 1000))
        raw -= sizes[-1]
    return with_pdfs(rng, "big%d.1" % total, sizes)


def big_text(rng, total):
    """about total bytes on the wire in one text/plain part"""
    line = wrap(" ".join(sentences(rng, 40))) + "\n"
    body = line * (total // len(line) + 1)
    return (headers("Your order %s" % ORDER, "text%d.1" % total,
                    "Content-Type: text/plain; charset=\"utf-8\"") + "\n" + body[:total])


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: mkmsgs.py DIR")
    d = sys.argv[1]
    os.makedirs(d, exist_ok=True)
    msgs = {
        "plain.eml": text_plain(random.Random(1)),
        "html.eml": text_html(random.Random(2)),
        "pdf.eml": with_pdfs(random.Random(3), "pdf.1", [72000]),
        "big1.eml": big(random.Random(4), 1000 * 1000),
        "big10.eml": big(random.Random(5), 10 * 1000 * 1000),
        "big49.eml": big(random.Random(6), 49 * 1000 * 1000),
        "text49.eml": big_text(random.Random(7), 49 * 1000 * 1000),
    }
    with open(os.path.join(d, "MANIFEST"), "w") as man:
        for name, text in msgs.items():
            data = text.encode("utf-8")
            with open(os.path.join(d, name), "wb") as f:
                f.write(data)
            man.write("%s %d %08x\n" % (name, len(data), zlib.crc32(data)))


if __name__ == "__main__":
    main()
