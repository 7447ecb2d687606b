#!/usr/bin/env python3
"""tests/corpus/generate.py - write the labelled corpus of seller messages.

Writes tests/corpus/messages/*.eml and tests/corpus/labels.tsv (file,
expected action, sorted rule IDs, envelope recipient).  Standard library
only; the output is byte-for-byte the same on every run (fixed dates,
message IDs, MIME boundaries and relay aliases), so it is committed
together with this script.  Run it after changing a message below:

    python3 tests/corpus/generate.py

Each message is a spec: marketplace, language, subject, paragraphs, and the
rules it must fire (empty for a compliant message).  The expected action is
derived from the rules' default actions (ACTIONS below), the way the
milter derives a verdict: the most severe action wins.
"""
import base64
import hashlib
import html as htmlmod
import io
import os
import re
import struct
import sys
import zipfile
import zlib
from email import policy
from email.message import EmailMessage
from email.utils import format_datetime
import datetime

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "messages")

# Default action of every shipped rule (rules/amazon/*.rules).
ACTIONS = {
    "ORDER_ID_MISSING": "reject", "SENDER_NOT_APPROVED": "reject",
    "LINK_HOST_NOT_ALLOWED": "reject", "LINK_NOT_HTTPS": "reject",
    "IMAGE_NOT_HTTPS": "reject", "LINK_SHORTENER": "reject", "OPT_OUT": "reject",
    "IMAGE_REMOTE": "reject", "IMAGE_TRACKING_PIXEL": "reject", "IMAGE_LINKED": "reject",
    "ATTACHMENT_NOT_DOCUMENT": "reject", "ATTACHMENT_DANGEROUS": "reject",
    "ATTACHMENTS_TOO_MANY": "reject", "ATTACHMENTS_TOO_LARGE": "reject",
    "GIF": "reject", "EMOJI": "reject", "EMAIL_ADDRESS": "reject",
    "PHONE_NUMBER": "quarantine",
    "REVIEW_INCENTIVE": "reject", "REVIEW_POSITIVE_ONLY": "reject",
    "REVIEW_CONDITIONAL": "reject", "REVIEW_DICTATED": "reject", "REVIEW_CHANGE": "reject",
    "PROMOTION": "reject", "SOCIAL_MEDIA": "reject",
    "THANK_YOU_ONLY": "quarantine", "SHIPPING_CONFIRMATION_ONLY": "quarantine",
    "STYLE_CENTERED": "tag", "STYLE_FONT": "tag", "STYLE_LINE_BREAKS": "tag",
    "SUBJECT_IMPORTANT": "tag",
}
SEVERITY = ["accept", "tag", "quarantine", "tempfail", "reject", "discard"]

BASE_DATE = datetime.datetime(2025, 6, 2, 9, 0, 0, tzinfo=datetime.timezone.utc)


def h(s, n=8):
    return hashlib.sha256(s.encode()).hexdigest()[:n]


def relay(name, market):
    """The relay address of the corpus's buyer on a marketplace: a stable
    15-character alias (one buyer per marketplace, so the checker can take
    every message to one marketplace in one run)."""
    alnum = "abcdefghijklmnopqrstuvwxyz0123456789"
    d = hashlib.sha256(("relay:" + market).encode()).digest()
    alias = "".join(alnum[b % 36] for b in d[:15])
    if alias[0].isdigit():
        alias = "b" + alias[1:]
    return "%s@marketplace.amazon.%s" % (alias, market)


def order_id(name, digital=False):
    d = int(hashlib.sha256(("order:" + name).encode()).hexdigest(), 16)
    first = "D01" if digital else "%03d" % (100 + d % 600)
    return "%s-%07d-%07d" % (first, (d >> 20) % 10**7, (d >> 60) % 10**7)


# ---------------------------------------------------------------- files

def pdf(lines, pad=0):
    """A minimal valid PDF 1.4 (one page, Helvetica text) with a correct xref.
    pad adds ASCII padding lines to the content stream (7bit-safe)."""
    def esc(s):
        return s.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
    ops = ["BT", "/F1 12 Tf", "72 760 Td", "14 TL"]
    for ln in lines:
        ops.append("(%s) Tj T*" % esc(ln))
    ops.append("ET")
    content = "\n".join(ops) + "\n"
    if pad:
        row = "% " + "padding " * 12 + "\n"
        content += row * (pad // len(row) + 1)
    objs = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
        "/Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
        "<< /Length %d >>\nstream\n%sendstream" % (len(content), content),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = "%PDF-1.4\n%\xe2\xe3\xcf\xd3\n" if not pad else "%PDF-1.4\n"
    offsets = []
    for i, o in enumerate(objs, 1):
        offsets.append(len(out.encode("latin-1")))
        out += "%d 0 obj\n%s\nendobj\n" % (i, o)
    xref = len(out.encode("latin-1"))
    out += "xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    for off in offsets:
        out += "%010d 00000 n \n" % off
    out += "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    return out.encode("latin-1")


def png(w=1, h_=1, rgb=(200, 40, 40)):
    def chunk(t, d):
        return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d) & 0xffffffff)
    raw = b"".join(b"\x00" + bytes(rgb) * w for _ in range(h_))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h_, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


def gif():
    return (b"GIF89a\x01\x00\x01\x00\x80\x00\x00\xff\x00\x00\x00\x00\x00"
            b"!\xf9\x04\x01\x00\x00\x00\x00,\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;")


def exe():
    """An MS-DOS/PE header: enough for any type detector to call it an executable."""
    mz = bytearray(b"MZ" + b"\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00"
                   + b"\xb8" + b"\x00" * 7 + b"\x40" + b"\x00" * 35)
    mz[0x3c:0x40] = struct.pack("<I", 0x80)
    mz += b"\x0e\x1f\xba\x0e\x00\xb4\x09\xcd\x21\xb8\x01\x4c\xcd\x21This program cannot be run in DOS mode.\r\r\n$"
    mz += b"\x00" * (0x80 - len(mz))
    mz += b"PE\x00\x00" + struct.pack("<HHIIIHH", 0x14c, 1, 0, 0, 0, 0xe0, 0x102) + b"\x00" * 240
    return bytes(mz)


def zipped(files):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in files:
            zi = zipfile.ZipInfo(name, date_time=(2025, 5, 30, 12, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(zi, data)
    return buf.getvalue()


def docx(macro=False):
    ct = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
          '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
          '<Default Extension="xml" ContentType="application/xml"/>'
          '<Override PartName="/word/document.xml" ContentType="application/vnd.%s"/></Types>'
          % ("ms-word.document.macroEnabled.main+xml" if macro
             else "openxmlformats-officedocument.wordprocessingml.document.main+xml"))
    rels = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/'
            'package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
            'officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>')
    doc = ('<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/'
           'wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Care instructions</w:t></w:r></w:p>'
           '</w:body></w:document>')
    files = [("[Content_Types].xml", ct), ("_rels/.rels", rels), ("word/document.xml", doc)]
    if macro:
        files.append(("word/vbaProject.bin", "\xd0\xcf\x11\xe0 Attribute VB_Name = \"ThisDocument\""))
    return zipped(files)


# ---------------------------------------------------------------- bodies

URL_RE = re.compile(r"(https?://[^\s<>\"]+)")


def para_html(p):
    """A paragraph as a helpdesk editor writes it: escaped, URLs linked."""
    out, last = [], 0
    for m in URL_RE.finditer(p):
        out.append(htmlmod.escape(p[last:m.start()], quote=False))
        u = m.group(1).rstrip(".,)")
        rest = m.group(1)[len(u):]
        out.append('<a href="%s">%s</a>%s' % (htmlmod.escape(u), htmlmod.escape(u), htmlmod.escape(rest)))
        last = m.end()
    out.append(htmlmod.escape(p[last:], quote=False))
    return "".join(out).replace("\n", "<br>\n")


def html_doc(body, lang):
    return ('<!DOCTYPE html>\n<html lang="%s">\n<head>\n<meta http-equiv="Content-Type" '
            'content="text/html; charset=utf-8">\n</head>\n<body>\n%s\n</body>\n</html>\n' % (lang, body))


def quote_plain(who, when, text):
    return "%s\n%s" % (when.format(who=who), "\n".join("> " + l if l else ">" for l in text.split("\n")))


def table_html(rows):
    return ('<table role="presentation" cellpadding="4" cellspacing="0" border="0">\n'
            + "".join("<tr><td><b>%s</b></td><td>%s</td></tr>\n" % (htmlmod.escape(a), para_html(b))
                      for a, b in rows)
            + "</table>")


def table_plain(rows):
    return "\n".join("%s: %s" % (a, b) for a, b in rows)


ON_WROTE = {
    "en": "On Mon, 2 Jun 2025 at 08:14, {who} wrote:",
    "de": "Am Mo., 2. Juni 2025 um 08:14 schrieb {who}:",
    "fr": "Le lun. 2 juin 2025 à 08:14, {who} a écrit :",
    "es": "El lun, 2 jun 2025 a las 8:14, {who} escribió:",
    "it": "Il giorno lun 2 giu 2025 alle ore 08:14 {who} ha scritto:",
    "ja": "2025年6月2日(月) 8:14 {who}:",
}

SELLERS = {
    "en": ("Contoso Outdoor Support", "support@contoso-outdoor.example", "Contoso Outdoor"),
    "de": ("Fabrikam Haushaltswaren", "service@fabrikam-haushalt.example", "Fabrikam Haushaltswaren GmbH"),
    "fr": ("Service client Tailspin", "sav@tailspin-maison.example", "Tailspin Maison"),
    "es": ("Atención al cliente Northwind", "clientes@northwind-hogar.example", "Northwind Hogar"),
    "it": ("Assistenza Litware", "assistenza@litware-casa.example", "Litware Casa"),
    "ja": ("Wingtip ストア サポート", "support@wingtip-store.example", "Wingtip ストア"),
}

HELPDESKS = ["Zendesk", "Freshdesk", "eDesk", "Gorgias", "Help Scout", "ChannelReply"]


class Spec:
    def __init__(self, name, market, lang, subject, paras, rules=(), **kw):
        self.name, self.market, self.lang = name, market, lang
        self.subject, self.paras, self.rules = subject, list(paras), sorted(set(rules))
        self.kw = kw


SPECS = []


def M(name, market, lang, subject, paras, rules=(), **kw):
    SPECS.append(Spec(name, market, lang, subject, paras, rules, **kw))


def build(s, idx):
    kw = s.kw
    oid = kw.get("oid") or order_id(s.name, kw.get("digital", False))
    rcpt = kw.get("rcpt") or relay(s.name, s.market)
    sub = lambda t: t.replace("{oid}", oid).replace("{rcpt}", rcpt)
    subject = sub(s.subject)
    paras = [sub(p) for p in s.paras]
    disp, addr, company = SELLERS[s.lang]
    addr = kw.get("from_addr", addr)
    sig = kw.get("sig", "%s\n%s" % ({"en": "Kind regards,", "de": "Mit freundlichen Grüßen", "fr": "Cordialement,",
                                       "es": "Saludos cordiales,", "it": "Cordiali saluti,", "ja": "よろしくお願いいたします。"}[s.lang],
                                      company))
    rows = [(a, sub(b)) for a, b in kw.get("table", [])]
    plain_parts = paras[:]
    if rows:
        plain_parts.insert(kw.get("table_at", 1), table_plain(rows))
    if kw.get("text_extra"):
        plain_parts.append(sub(kw["text_extra"]))
    plain_parts.append(sig)
    quoted = kw.get("quoted")
    if quoted:
        quoted = sub(quoted)
        plain_parts.append(quote_plain("Amazon Customer <%s>" % rcpt, ON_WROTE[s.lang], quoted))
    plain = "\n\n".join(plain_parts) + "\n"
    if "plain" in kw:
        plain = sub(kw["plain"])

    msg = EmailMessage()
    msg["From"] = "%s <%s>" % (disp, addr)
    msg["To"] = rcpt
    msg["Subject"] = subject
    msg["Date"] = format_datetime(BASE_DATE + datetime.timedelta(minutes=37 * idx))
    msg["Message-ID"] = "<%s.%s@%s>" % (h(s.name, 12), idx, addr.split("@")[1])
    if quoted or kw.get("reply"):
        ref = "<%s@marketplace.amazon.%s>" % (h("ref" + s.name, 16), s.market)
        msg["In-Reply-To"] = ref
        msg["References"] = ref
    msg["X-Mailer"] = kw.get("mailer", HELPDESKS[idx % len(HELPDESKS)])
    for k, v in kw.get("headers", {}).items():
        msg[k] = v
    charset = kw.get("charset", "utf-8")
    cte = kw.get("cte", "quoted-printable")

    html = kw.get("html")
    if html is None and kw.get("multipart", True):
        body = "\n".join("<p>%s</p>" % para_html(p) for p in (paras[:kw.get("table_at", 1)] if rows else paras))
        if rows:
            body += "\n" + table_html(rows) + "\n" + "\n".join("<p>%s</p>" % para_html(p) for p in paras[kw.get("table_at", 1):])
        if kw.get("html_extra"):
            body += "\n" + sub(kw["html_extra"])
        body += "\n<p>%s</p>" % para_html(sig)
        if quoted:
            body += ('\n<div class="gmail_quote"><div>%s</div>\n<blockquote style="margin:0 0 0 .8ex;'
                     'border-left:1px #ccc solid;padding-left:1ex">%s</blockquote></div>'
                     % (htmlmod.escape(ON_WROTE[s.lang].format(who="Amazon Customer <%s>" % rcpt)),
                        para_html(quoted)))
        html = html_doc(body, s.lang)
    elif html is not None:
        html = sub(html)

    if charset == "iso-2022-jp":
        msg.set_content(plain, charset="iso-2022-jp", cte="7bit")
    elif html is not None and kw.get("html_only"):
        msg.set_content(html, subtype="html", charset=charset, cte=cte)
    else:
        msg.set_content(plain, charset=charset, cte=kw.get("plain_cte", cte))
        if html is not None:
            msg.add_alternative(html, subtype="html", charset=charset, cte=cte)
    related = kw.get("related", [])
    if related:
        htmlpart = msg.get_body(("html",))
        for cid, data, sub_t in related:
            htmlpart.add_related(data, "image", sub_t, cid="<%s>" % cid, disposition="inline",
                                 filename="%s.%s" % (cid.split("@")[0], sub_t))
    for att in kw.get("attach", []):
        fname, ctype, data = att[:3]
        opts = att[3] if len(att) > 3 else {}
        mt, st = ctype.split("/")
        if isinstance(data, str):
            msg.add_attachment(data, subtype=st, filename=fname, cte=opts.get("cte", "base64"))
        else:
            msg.add_attachment(data, maintype=mt, subtype=st, filename=fname,
                               cte=opts.get("cte", "base64"), disposition=opts.get("disposition", "attachment"))
    n = 0
    for part in msg.walk():
        if part.is_multipart():
            part.set_boundary("----=_Part_%s_%d" % (h(s.name, 10), n))
            n += 1
    pol = policy.SMTP if kw.get("crlf") else policy.default.clone(linesep="\n")
    if "raw" in kw:
        data = sub(kw["raw"]).encode("utf-8")
    else:
        data = msg.as_bytes(policy=pol.clone(max_line_length=78))
    return data, rcpt


def expected_action(rules):
    a = "accept"
    for r in rules:
        if SEVERITY.index(ACTIONS[r]) > SEVERITY.index(a):
            a = ACTIONS[r]
    return a


# ================================================================ messages
# Tracking numbers and pages of the carriers (all near-misses for PHONE_NUMBER).
UPS = "1Z999AA10123456784"
UPS_URL = "https://www.ups.com/track?loc=en_US&tracknum=1Z999AA10123456784"
USPS_SPACED = "9400 1000 0000 0000 0000 00"
USPS_URL = "https://tools.usps.com/go/TrackConfirmAction?tLabels=9400100000000000000000"
DHL = "00340434161234567890"
DHL_URL = "https://www.dhl.de/de/privatkunden/pakete-empfangen/verfolgen.html?piececode=00340434161234567890"
DHLX = "JD014600003828373478"
RM = "AB123456789GB"
RM_URL = "https://www.royalmail.com/track-your-item#/tracking-results/AB123456789GB"
EVRI_URL = "https://www.evri.com/track/parcel/H00A1B0012345678"
COLI = "6A12345678901"
COLI_URL = "https://www.laposte.fr/outils/suivre-vos-envois?code=6A12345678901"
CORREOS = "PQ4F6P0700812340128001X"
CORREOS_URL = "https://www.correos.es/es/es/herramientas/localizador/envios/detalle?tracking-number=PQ4F6P0700812340128001X"
POSTE = "RR123456789IT"
POSTE_URL = "https://www.poste.it/cerca/index.html#/risultati-spedizioni/RR123456789IT"
JP = "1234-5678-9012"
JP_URL = "https://trackings.post.japanpost.jp/services/srv/search/direct?reqCodeNo1=123456789012&locale=ja"
YAMATO = "4123-4567-8901"
YAMATO_URL = "https://toi.kuronekoyamato.co.jp/cgi-bin/tneko?number01=412345678901"
SAGAWA_URL = "https://k2k.sagawa-exp.co.jp/p/web/okurijosearch.do?okurijoNo=012345678901"
CP = "1234567890123456"
CP_URL = "https://www.canadapost-postescanada.ca/track-reperage/en#/details/1234567890123456"
AP = "33ABC1234567"
AP_URL = "https://auspost.com.au/mypost/track/details/33ABC1234567"
FEDEX = "7946 1234 5678"
FEDEX_URL = "https://www.fedex.com/fedextrack/?trknbr=794612345678"
DPD_URL = "https://www.dpd.co.uk/apps/tracking/?parcel=15501234567890"
GLS_URL = "https://gls-group.eu/DE/de/paketverfolgung?match=12345678901"

PDF_INVOICE = lambda oid, lang="en": pdf(["Invoice INV-2025-00417", "Order " + oid,
                                          "1 x Camping stove  EUR 49.90", "VAT 19%  EUR 7.97"])
PDF_WARRANTY = pdf(["Warranty certificate", "Contoso Outdoor 2-year warranty",
                    "Keep this document with your proof of purchase."])
PDF_MANUAL = pdf(["Assembly instructions", "1. Unfold the frame.", "2. Lock the hinges.",
                  "3. Attach the cover."])
LOGO = png(120, 40, (20, 60, 120))


def sig_html_logo(cid="logo@contoso", w=120, hh=40, alt="Contoso Outdoor"):
    return '<p><img src="cid:%s" width="%d" height="%d" alt="%s"></p>' % (cid, w, hh, alt)


# ---- compliant baseline (guidelines section 6) --------------------------------
M("base-en-delay-ups", "com", "en", "Order {oid}: your delivery is delayed",
  ["Hello,",
   "We are sorry: UPS reported a delay at its hub in Louisville, so your order {oid} will arrive two days later than "
   "estimated, on Thursday, June 5.",
   "You can follow the parcel here: " + UPS_URL,
   "If the new date does not work for you, reply to this message and we will find a solution."],
  table=[("Order ID", "{oid}"), ("Carrier", "UPS"), ("Tracking number", UPS), ("New delivery date", "June 5, 2025")],
  table_at=2)
M("base-de-delay-dhl", "de", "de", "Lieferverzögerung zu Ihrer Bestellung {oid}",
  ["Guten Tag,",
   "leider hat sich die Zustellung Ihrer Bestellung {oid} verzögert. DHL meldet eine Verspätung im Paketzentrum "
   "Leipzig; die Zustellung ist jetzt für Mittwoch, den 04.06.2025, geplant.",
   "Sendungsnummer: " + DHL,
   "Sendungsverfolgung: " + DHL_URL,
   "Wir entschuldigen uns für die Unannehmlichkeiten."])
M("base-fr-lost-refund", "fr", "fr", "Commande {oid} : colis perdu, remboursement en cours",
  ["Bonjour,",
   "Colissimo nous a confirmé que votre colis (numéro de suivi " + COLI + ") a été perdu pendant le transport. "
   "Nous sommes vraiment désolés.",
   "Nous avons lancé le remboursement intégral de votre commande {oid} ; il apparaîtra sur votre moyen de paiement "
   "sous 3 à 5 jours ouvrés.",
   "Si vous préférez recevoir un nouvel article à la place, répondez simplement à ce message."])
M("base-es-invoice-pdf", "es", "es", "Factura de su pedido {oid}",
  ["Hola,",
   "Adjuntamos la factura de su pedido {oid}, tal como nos la solicitó.",
   "Un saludo."],
  attach=[("factura-{oid}.pdf", "application/pdf", None)], cte="base64")
M("base-it-warranty-pdf", "it", "it", "Ordine {oid}: certificato di garanzia",
  ["Gentile cliente,",
   "in allegato trova il certificato di garanzia di 2 anni per il prodotto del suo ordine {oid}. "
   "La conservi insieme alla prova d'acquisto."],
  attach=[("garanzia.pdf", "application/pdf", PDF_WARRANTY)])
M("base-ja-delay-jp", "co.jp", "ja", "【ご注文番号 {oid}】お届け遅延のお知らせ",
  ["Amazonマーケットプレイスのお客様",
   "ご注文いただいた商品（ご注文番号：{oid}）につきまして、日本郵便の配送センターで遅延が発生しており、"
   "お届けが1～2日遅れる見込みです。ご迷惑をおかけし申し訳ございません。",
   "お問い合わせ番号：" + JP + "\n配送状況：" + JP_URL],
  cte="base64")
M("base-en-heavy-item", "co.uk", "en", "Order {oid}: booking your delivery slot",
  ["Hello,",
   "Your wardrobe (order {oid}) weighs 84 kg and is delivered by a two-person crew, so we need to book a delivery "
   "slot with you.",
   "Please reply with the day that suits you best between Monday 9 and Friday 13 June, and whether you need the "
   "crew to carry it upstairs. Deliveries run between 8:00 and 18:00."])
M("base-en-design-proof", "com", "en", "Order {oid}: please approve your engraving",
  ["Hello,",
   "Before we engrave your cutting board (order {oid}), please check the text exactly as it will appear:",
   "Line 1: \"The Millers\"\nLine 2: \"Est. 2025\"\nFont: Garamond, centred on the board",
   "Reply \"approved\" or send us the corrections. We start production as soon as we hear from you."])
M("base-en-review-neutral", "com", "en", "Your order {oid}",
  ["Hello,",
   "Your order {oid} was delivered last week. Would you share your experience on Amazon? "
   "Your review helps other customers decide.",
   "You can leave it here: https://www.amazon.com/review/review-your-purchases?orderId={oid}"])
M("base-es-mx-return", "com.mx", "es", "Devolución de su pedido {oid}",
  ["Hola,",
   "Recibimos su solicitud de devolución del pedido {oid}. Para completarla necesitamos saber si el producto "
   "tiene daños visibles o si la caja está sin abrir.",
   "Con esa información le indicaremos el reembolso que corresponde."])
M("base-en-ca-missed-forecast", "ca", "en", "Order {oid} will miss its estimated delivery date",
  ["Hi,",
   "Canada Post will not make the estimated delivery date for your order {oid}: the parcel is held at the "
   "Mississauga facility after the weekend storm. The new estimate is Wednesday.",
   "Tracking: " + CP_URL])
M("base-de-reply-exchange", "de", "de", "Re: Frage zu Bestellung {oid}",
  ["Hallo,",
   "danke für Ihre Nachricht. Gerne tauschen wir die Pfanne gegen die 28-cm-Ausführung um: Senden Sie die "
   "Pfanne über Ihr Amazon-Konto zurück, wir schicken die größere sofort los, sobald die Rücksendung erfasst ist."],
  quoted="Guten Tag, die Pfanne aus Bestellung {oid} ist mir zu klein. Kann ich sie gegen die größere tauschen?")
M("base-en-digital-order", "com", "en", "Your download code for order {oid}",
  ["Hello,",
   "The activation key for your software (order {oid}) did not show in your account because of a delivery error on "
   "our side. Please enter the key in the app under Settings > License:",
   "K7Q2-MX9P-44TR-ZW81"], digital=True)
M("base-fr-ca-address", "ca", "fr", "Commande {oid} : adresse de livraison incomplète",
  ["Bonjour,",
   "Le transporteur nous indique que le numéro d'appartement manque dans l'adresse de livraison de votre commande "
   "{oid}. Pourriez-vous nous le confirmer pour que le colis vous parvienne ?"])
M("base-it-partial-stock", "it", "it", "Problema con l'ordine {oid}",
  ["Buongiorno,",
   "purtroppo uno dei due articoli del suo ordine {oid} non è più disponibile. Abbiamo spedito l'articolo "
   "disponibile e rimborsato quello mancante; il rimborso sarà visibile entro pochi giorni.",
   "Ci scusiamo per l'inconveniente."])
M("base-ja-receipt-pdf", "co.jp", "ja", "領収書送付のご案内（ご注文番号：{oid}）",
  ["この度はお問い合わせいただきありがとうございます。",
   "ご依頼の領収書をPDFにて添付いたしました。ご確認をお願いいたします。"],
  attach=[("receipt.pdf", "application/pdf", None)], cte="base64")
M("base-en-au-carrier", "com.au", "en", "Update on order {oid}",
  ["Hi there,",
   "Australia Post has flagged your parcel for order {oid} as damaged in transit and returned it to us. We are "
   "sending a replacement today at no cost to you; it should arrive within 3 business days.",
   "Tracking for the new parcel: " + AP_URL])
M("base-en-in-invoice", "in", "en", "GST invoice for order {oid}",
  ["Dear customer,",
   "Please find attached the GST invoice for your order {oid}, as requested for your business records."],
  attach=[("GST-invoice.pdf", "application/pdf", None)])
M("base-es-com-delay", "com", "es", "Su pedido {oid} llegará con retraso",
  ["Hola,",
   "Lamentamos informarle que su pedido {oid} llegará con dos días de retraso debido a un problema con el "
   "transportista. Puede seguir el envío aquí: " + USPS_URL])
M("base-en-instructions-thanks", "com", "en", "Setup guide for order {oid}",
  ["Hello,",
   "Thank you for your question about the tent from order {oid}. The assembly instructions are attached as a PDF; "
   "step 4 shows how to tension the fly sheet so that rain runs off.",
   "Thanks again for getting in touch."],
  attach=[("tent-instructions.pdf", "application/pdf", PDF_MANUAL)])
M("base-ja-iso2022-nameplate", "co.jp", "ja", "ご注文 {oid} 名入れ内容のご確認",
  ["お客様",
   "ご注文番号 {oid} の名入れ内容について確認させてください。",
   "名入れ文字：「SATO」\n書体：明朝体",
   "こちらの内容でよろしければ、このメッセージにご返信ください。"],
  charset="iso-2022-jp", multipart=False)
M("base-en-crlf-delay", "co.uk", "en", "Order {oid}: Royal Mail delay",
  ["Hello,",
   "Royal Mail has told us that your parcel for order {oid} (tracking " + RM + ") is delayed by one day because of "
   "industrial action. Tracking: " + RM_URL], crlf=True)
M("base-es-mx-question", "com.mx", "es", "Pregunta sobre su pedido {oid}",
  ["Hola,",
   "Para completar su pedido {oid} necesitamos saber la talla que prefiere para la camisa: M o L. "
   "En cuanto nos responda, la enviamos."], cte="base64")
M("base-it-delay-poste", "it", "it", "Ritardo nella consegna dell'ordine {oid}",
  ["Buongiorno,",
   "ci scusiamo: Poste Italiane segnala un ritardo nella consegna del suo ordine {oid}. "
   "Codice di spedizione " + POSTE + ", tracciamento: " + POSTE_URL])
M("base-de-invoice-pdf", "de", "de", "Rechnung zu Ihrer Bestellung {oid}",
  ["Sehr geehrte Kundin, sehr geehrter Kunde,",
   "anbei erhalten Sie die Rechnung zu Ihrer Bestellung {oid} als PDF."],
  attach=[("Rechnung-{oid}.pdf", "application/pdf", None)],
  sig="Mit freundlichen Grüßen\nFabrikam Haushaltswaren GmbH\nMusterstraße 12, 10115 Berlin\n"
      "Amtsgericht Berlin-Charlottenburg HRB 123456 B\nUSt-IdNr. DE123456789")
M("base-fr-design-proof", "fr", "fr", "Commande {oid} : validation de votre personnalisation",
  ["Bonjour,",
   "Avant l'impression de votre mug (commande {oid}), merci de vérifier le texte : « Joyeux anniversaire Léa ». "
   "Répondez « validé » ou indiquez-nous les corrections."])

# ---- ORDER_ID_MISSING -----------------------------------------------------------
M("order-missing-en", "com", "en", "About your recent order",
  ["Hello,", "Your camping stove is delayed by two days because of a carrier problem. We apologise for the wait."],
  ["ORDER_ID_MISSING"])
M("order-missing-de-nohyphen", "de", "de", "Ihre Bestellung 3021234567891234",
  ["Hallo,", "Ihre Bestellung Nr. 3021234567891234 verzögert sich leider um einen Tag, da der Artikel erst morgen "
   "wieder am Lager ist."], ["ORDER_ID_MISSING"])
M("order-missing-fr-badgroup", "fr", "fr", "Votre commande 302-123456-78901234",
  ["Bonjour,", "Votre commande 302-123456-78901234 a un léger retard de préparation ; elle partira demain."],
  ["ORDER_ID_MISSING"])
M("order-in-subject-only", "de", "de", "Bestellung {oid}: Lieferverzögerung",
  ["Guten Tag,", "Ihre Lieferung verzögert sich leider um zwei Tage. Wir bitten um Entschuldigung."])
M("order-amazon-subject-style", "com", "en", "Delivery problem (Order: {oid})",
  ["Hello,", "The carrier could not deliver your parcel because the gate code was missing. Could you send us the "
   "gate code so we can arrange a second attempt?"])
M("order-html-only", "co.uk", "en", "Your parcel",
  [], html_only=True,
  html='<html><body><p>Hello,</p><p>Your parcel for order <b>{oid}</b> is delayed at the depot; we expect it '
       'on Monday. Sorry for the wait.</p><p>Kind regards,<br>Contoso Outdoor</p></body></html>')
M("order-rfc2047-umlaut", "de", "de", "Verzögerung für Bestellung {oid} – Entschuldigung für die Unannehmlichkeiten",
  ["Hallo,", "der Artikel ist leider verspätet eingetroffen; wir versenden ihn morgen früh."])

# ---- LINK_HOST_NOT_ALLOWED --------------------------------------------------------
M("link-shop-href-amazon-label", "com", "en", "Order {oid}: manual",
  ["Hello,", "The manual for your order {oid} is available on your order page."],
  ["LINK_HOST_NOT_ALLOWED"],
  html_extra='<p><a href="https://www.contoso-outdoor.example/manuals/stove-x2">https://www.amazon.com/gp/css/order-history</a></p>')
M("link-de-qp-split", "de", "de", "Bestellung {oid}: Aufbauanleitung",
  ["Hallo,", "die Aufbauanleitung zu Ihrer Bestellung {oid} finden Sie hier: "
   "https://downloads.fabrikam-haushalt.example/anleitungen/regal-kiefer-180x90-aufbauanleitung-deutsch.html"],
  ["LINK_HOST_NOT_ALLOWED"], multipart=False)
M("link-schemeless-www", "co.uk", "en", "Order {oid}: care guide",
  ["Hello,", "Care tips for the leather boots from order {oid} are at www.contoso-outdoor.example/care before you "
   "wear them in the rain."], ["LINK_HOST_NOT_ALLOWED"], multipart=False)
M("link-hxxps-defanged", "com", "en", "Order {oid}: sizing",
  ["Hello,", "For order {oid}, please check the sizing chart at hxxps://sizes.contoso-outdoor[.]example/boots so "
   "we can exchange the pair."], ["LINK_HOST_NOT_ALLOWED"], multipart=False)
M("link-userinfo-trick", "com", "en", "Order {oid}: your order page",
  ["Hello,", "Your order {oid} needs a delivery confirmation: https://www.amazon.com@confirm-delivery.example/order"],
  ["LINK_HOST_NOT_ALLOWED"])
M("link-fr-own-site", "fr", "fr", "Commande {oid} : notice",
  ["Bonjour,", "La notice de montage de votre commande {oid} est en ligne : https://www.tailspin-maison.example/notices/etagere"],
  ["LINK_HOST_NOT_ALLOWED"])
M("link-ok-amazon-order", "de", "de", "Bestellung {oid}: Rücksendung",
  ["Hallo,", "Sie können die Rücksendung Ihrer Bestellung {oid} direkt in Ihrem Konto starten: "
   "https://www.amazon.de/gp/your-account/order-details?orderID={oid}"])
M("link-ok-royalmail-evri", "co.uk", "en", "Order {oid}: two parcels",
  ["Hello,", "Your order {oid} was split into two parcels because one item came from our second warehouse; "
   "sorry for the confusion.",
   "Parcel 1 (Royal Mail): " + RM_URL, "Parcel 2 (Evri): " + EVRI_URL])
M("link-ok-yamato-sagawa", "co.jp", "ja", "ご注文 {oid} の配送について",
  ["お客様", "ご注文 {oid} は倉庫の都合により2個口での発送となりました。ご不便をおかけして申し訳ございません。",
   "ヤマト運輸：" + YAMATO_URL, "佐川急便：" + SAGAWA_URL], cte="base64")
M("link-ok-correos-gls", "es", "es", "Pedido {oid}: envío en dos partes",
  ["Hola,", "Lamentablemente su pedido {oid} se ha dividido en dos envíos. Seguimiento Correos: " + CORREOS_URL,
   "Seguimiento GLS: " + GLS_URL])

# ---- LINK_NOT_HTTPS ---------------------------------------------------------------
M("http-amazon-link", "com", "en", "Order {oid}: return label",
  ["Hello,", "Please start the return for order {oid} from your orders page: "
   "http://www.amazon.com/gp/css/order-history so we can send the replacement."], ["LINK_NOT_HTTPS"])
M("http-carrier-link", "de", "de", "Bestellung {oid}: Verzögerung",
  ["Hallo,", "Ihr Paket zur Bestellung {oid} ist leider verspätet. Verfolgung: http://www.dhl.de/sendungsverfolgung?piececode=" + DHL],
  ["LINK_NOT_HTTPS"])
M("https-mention-scheme-word", "com", "en", "Order {oid}: order page",
  ["Hello,", "We could not deliver order {oid} because the house number is missing. Please check the address in "
   "your account (the link starts with https and ends in amazon.com): https://www.amazon.com/a/addresses"])

M("http-near-word-http", "com", "en", "Order {oid}: new return link",
  ["Hello,", "Sorry, the old http address we gave you for the return of order {oid} no longer works. Please use "
   "this one instead: https://www.amazon.com/gp/css/returns/homepage.html"])

# ---- IMAGE_NOT_HTTPS --------------------------------------------------------------
M("img-http-amazon", "com", "en", "Order {oid}: which colour?",
  ["Hello,", "Your order {oid} lists a colour we no longer stock. Is the blue one shown below fine for you?"],
  ["IMAGE_NOT_HTTPS"],
  html_extra='<p><img src="http://m.media-amazon.com/images/I/71abcDEF12L._AC_SX300_.jpg" width="300" height="300" alt="blue"></p>')
M("img-http-seller", "it", "it", "Ordine {oid}: colore",
  ["Buongiorno,", "il colore del suo ordine {oid} è esaurito. Va bene quello nella foto?"],
  ["IMAGE_NOT_HTTPS", "IMAGE_REMOTE"],
  html_extra='<p><img src="http://img.litware-casa.example/prodotti/tazza-blu.jpg" width="300" height="300" alt="blu"></p>')
M("img-https-amazon-ok", "com", "en", "Order {oid}: replacement colour",
  ["Hello,", "The grey cover for order {oid} is out of stock; we can send the green one shown on the listing "
   "instead. Please let us know if that works."],
  html_extra='<p><img src="https://m.media-amazon.com/images/I/81xyzGHI34L._AC_SX300_.jpg" width="300" height="300" alt="green cover"></p>')
M("img-cid-logo-ok", "com", "en", "Order {oid}: backorder",
  ["Hello,", "The lantern in order {oid} is back-ordered until June 10. We will ship it the same day it arrives; "
   "if you prefer to cancel, just reply."],
  html_extra=sig_html_logo(), related=[("logo@contoso", LOGO, "png")])

M("img-http-near-data-png", "de", "de", "Bestellung {oid}: Ersatzfarbe",
  ["Hallo,", "die bestellte Farbe zu Bestellung {oid} ist leider ausverkauft. Wäre das abgebildete Grau für Sie in "
   "Ordnung?"],
  html_extra='<p><img src="data:image/png;base64,' + base64.b64encode(png(4, 4, (128, 128, 128))).decode() +
             '" width="40" height="40" alt="Grau"></p>')

# ---- LINK_SHORTENER ---------------------------------------------------------------
M("shortener-bitly", "com", "en", "Order {oid}: tracking",
  ["Hello,", "Your order {oid} is delayed at the depot. Track it here: https://bit.ly/3xYzAbC"],
  ["LINK_HOST_NOT_ALLOWED", "LINK_SHORTENER"])
M("shortener-tinyurl-de", "de", "de", "Bestellung {oid}: Anleitung",
  ["Hallo,", "die Anleitung zu Bestellung {oid}: https://tinyurl.com/fabrikam-regal"],
  ["LINK_HOST_NOT_ALLOWED", "LINK_SHORTENER"])
M("shortener-near-amzn-to", "com", "en", "Order {oid}: return",
  ["Hello,", "The replacement part for order {oid} is damaged at our warehouse, so we refunded it. You can see the "
   "refund on your order page: https://amzn.to/3kLmNoP"])
M("shortener-near-long-ups", "com", "en", "Order {oid}: delayed at customs",
  ["Hello,", "Your order {oid} is held at customs and will be delayed by about three days. "
   "UPS tracking: " + UPS_URL + "&requester=ST/trackdetails"])

# ---- OPT_OUT ----------------------------------------------------------------------
M("optout-unsubscribe-link", "com", "en", "Order {oid}: delivery update",
  ["Hello,", "Your order {oid} is delayed by one day at the sorting centre.",
   "Don't want these updates? Unsubscribe: https://mail.contoso-outdoor.example/unsubscribe?u=8812"],
  ["LINK_HOST_NOT_ALLOWED", "OPT_OUT"])
M("optout-fr-text", "fr", "fr", "Commande {oid} : retard",
  ["Bonjour,", "Votre commande {oid} aura un jour de retard.",
   "Pour vous désinscrire de nos messages, répondez simplement STOP."], ["OPT_OUT"])
M("optout-list-unsubscribe-header", "de", "de", "Bestellung {oid}: Verzögerung",
  ["Hallo,", "Ihre Bestellung {oid} verzögert sich leider um einen Tag."], ["OPT_OUT"],
  headers={"List-Unsubscribe": "<https://mail.fabrikam-haushalt.example/abmelden?id=77>",
           "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"})
M("optout-es-baja", "es", "es", "Pedido {oid}: retraso",
  ["Hola,", "Su pedido {oid} llegará con un día de retraso.",
   "Si no desea recibir más mensajes nuestros, puede darse de baja respondiendo BAJA."], ["OPT_OUT"])
M("optout-near-opt-return", "com", "en", "Order {oid}: your options",
  ["Hello,", "The chair in order {oid} arrived with a scratched leg; sorry about that. You can opt for a free "
   "replacement leg, or return the chair for a full refund. Which do you prefer?"])
M("optout-near-cancel-subscription-word", "co.uk", "en", "Order {oid}: refill delivery",
  ["Hello,", "We are sorry: the filter refills in order {oid} are delayed by a week because the supplier shipped "
   "late. If you would rather not wait, reply and we will cancel the order and refund you."])

# ---- IMAGE_REMOTE -----------------------------------------------------------------
M("img-remote-logo", "com", "en", "Order {oid}: delay",
  ["Hello,", "Your order {oid} will arrive one day later than planned. Sorry for the inconvenience."],
  ["IMAGE_REMOTE"],
  html_extra='<p><img src="https://cdn.contoso-outdoor.example/email/logo.png" width="120" height="40" alt="Contoso Outdoor"></p>')
M("img-remote-imgur-it", "it", "it", "Ordine {oid}: foto del difetto",
  ["Buongiorno,", "per l'ordine {oid}: il difetto che ci ha descritto è quello nella foto? Se sì, le inviamo "
   "subito un pezzo di ricambio."],
  ["IMAGE_REMOTE"], html_extra='<p><img src="https://i.imgur.com/Ab12CdE.jpeg" width="400" height="300" alt="foto"></p>')
M("img-remote-near-cid-photo", "de", "de", "Bestellung {oid}: Ersatzteil",
  ["Hallo,", "zu Bestellung {oid}: Ist das abgebildete Ersatzteil das richtige? Dann schicken wir es Ihnen kostenlos zu."],
  html_extra='<p><img src="cid:teil@fabrikam" width="200" height="150" alt="Ersatzteil"></p>',
  related=[("teil@fabrikam", png(20, 15, (90, 90, 90)), "png")])

# ---- IMAGE_TRACKING_PIXEL ---------------------------------------------------------
M("pixel-1x1-remote", "com", "en", "Order {oid}: delivery window",
  ["Hello,", "Your order {oid} is now scheduled for delivery on Friday between 10:00 and 14:00; the earlier slot "
   "was cancelled by the carrier. Sorry for the change."],
  ["IMAGE_REMOTE", "IMAGE_TRACKING_PIXEL"],
  html_extra='<img src="https://t.helpdesk-mailer.example/o/8f2c91ab" width="1" height="1" alt="" style="border:0">')
M("pixel-zero-size", "de", "de", "Bestellung {oid}: Lieferfenster",
  ["Hallo,", "Ihre Bestellung {oid} wird leider erst am Freitag geliefert, da die Spedition den Termin verschoben hat."],
  ["IMAGE_REMOTE", "IMAGE_TRACKING_PIXEL"],
  html_extra='<img src="https://open.fabrikam-haushalt.example/px?m=5521" width="0" height="0" alt="">')
M("pixel-near-sized-logo", "fr", "fr", "Commande {oid} : retard",
  ["Bonjour,", "Votre commande {oid} est retardée d'une journée par le transporteur. Toutes nos excuses."],
  html_extra='<p><img src="cid:logo@tailspin" width="160" height="48" alt="Tailspin Maison"></p>',
  related=[("logo@tailspin", png(16, 5, (0, 90, 60)), "png")])
M("pixel-near-small-icon", "com", "en", "Order {oid}: damaged box",
  ["Hello,", "The carrier reported that the outer box of order {oid} was damaged. Please check the contents and tell "
   "us if anything is broken; we will replace it."],
  html_extra='<p><img src="cid:warn@contoso" width="16" height="16" alt="Note"> Please keep the packaging for now.</p>',
  related=[("warn@contoso", png(16, 16, (230, 160, 0)), "png")])

# ---- IMAGE_LINKED -----------------------------------------------------------------
M("img-linked-logo", "com", "en", "Order {oid}: backorder",
  ["Hello,", "The tarp in order {oid} is back-ordered and will ship on June 12. Sorry for the delay."],
  ["IMAGE_LINKED", "LINK_HOST_NOT_ALLOWED"],
  html_extra='<p><a href="https://www.contoso-outdoor.example/"><img src="cid:logo@contoso" width="120" height="40" alt="Contoso Outdoor"></a></p>',
  related=[("logo@contoso", LOGO, "png")])
M("img-linked-logo-ja", "co.jp", "ja", "ご注文 {oid} 入荷遅延のお知らせ",
  ["お客様", "ご注文 {oid} の商品は入荷が遅れており、6月12日の発送となります。申し訳ございません。"],
  ["IMAGE_LINKED", "LINK_HOST_NOT_ALLOWED"],
  html_extra='<p><a href="https://wingtip-store.example/shop"><img src="cid:logo@wingtip" width="150" height="50" alt="Wingtip"></a></p>',
  related=[("logo@wingtip", png(15, 5, (120, 0, 0)), "png")], cte="base64")
M("img-linked-near-amazon", "com", "en", "Order {oid}: the replacement model",
  ["Hello,", "The model in order {oid} is discontinued; we can send its successor at the same price instead. "
   "Tap the picture to see it on Amazon, and tell us if you agree."],
  html_extra='<p><a href="https://www.amazon.com/dp/B0C1234567"><img src="cid:prod@contoso" width="200" height="200" alt="successor"></a></p>',
  related=[("prod@contoso", png(20, 20, (40, 40, 40)), "png")])
M("img-linked-near-plain-logo", "es", "es", "Pedido {oid}: retraso",
  ["Hola,", "Su pedido {oid} llegará con un día de retraso por un problema del transportista. Disculpe las molestias."],
  html_extra='<p><img src="cid:logo@northwind" width="140" height="40" alt="Northwind Hogar"></p>',
  related=[("logo@northwind", png(14, 4, (0, 0, 120)), "png")])

# ---- attachments ------------------------------------------------------------------
M("att-docx-instructions", "com", "en", "Order {oid}: care instructions",
  ["Hello,", "As requested, the care instructions for the jacket from order {oid} are attached."],
  ["ATTACHMENT_NOT_DOCUMENT"],
  attach=[("care-instructions.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", docx())])
M("att-png-photo", "de", "de", "Bestellung {oid}: Foto Ihres Artikels",
  ["Hallo,", "anbei ein Foto des Ersatzteils für Bestellung {oid}, damit Sie prüfen können, ob es passt."],
  ["ATTACHMENT_NOT_DOCUMENT"], attach=[("ersatzteil.png", "image/png", png(64, 48, (128, 128, 128)))])
M("att-csv", "co.uk", "en", "Order {oid}: parts list",
  ["Hello,", "Here is the parts list for order {oid} so you can check that nothing is missing from the box."],
  ["ATTACHMENT_NOT_DOCUMENT"],
  attach=[("parts.csv", "text/csv", "part,qty\nframe,1\nhinge,4\nscrew M4,16\n")])
M("att-pdf-octet-stream-ok", "de", "de", "Rechnung zu Bestellung {oid}",
  ["Hallo,", "anbei die Rechnung zu Ihrer Bestellung {oid}."],
  attach=[("Rechnung.pdf", "application/octet-stream", None)])
M("att-pdf-uppercase-ok", "com", "en", "Invoice for order {oid}",
  ["Hello,", "Please find the invoice for order {oid} attached, as requested."],
  attach=[("INVOICE-{oid}.PDF", "application/pdf", None)])
M("dangerous-exe-named-pdf", "com", "en", "Invoice for order {oid}",
  ["Hello,", "Please find the invoice for order {oid} attached."],
  ["ATTACHMENT_DANGEROUS", "ATTACHMENT_NOT_DOCUMENT"], attach=[("invoice.pdf", "application/pdf", exe())])
M("dangerous-zip", "fr", "fr", "Commande {oid} : facture",
  ["Bonjour,", "Vous trouverez la facture de la commande {oid} dans l'archive jointe."],
  ["ATTACHMENT_DANGEROUS", "ATTACHMENT_NOT_DOCUMENT"],
  attach=[("facture.zip", "application/zip", zipped([("facture.pdf", PDF_WARRANTY)]))])
M("dangerous-docm", "it", "it", "Ordine {oid}: istruzioni",
  ["Buongiorno,", "in allegato le istruzioni di montaggio per l'ordine {oid}."],
  ["ATTACHMENT_DANGEROUS", "ATTACHMENT_NOT_DOCUMENT"],
  attach=[("istruzioni.docm", "application/vnd.ms-word.document.macroEnabled.12", docx(macro=True))])
M("dangerous-js-double-ext", "es", "es", "Pedido {oid}: factura",
  ["Hola,", "Adjuntamos la factura del pedido {oid}."],
  ["ATTACHMENT_DANGEROUS", "ATTACHMENT_NOT_DOCUMENT"],
  attach=[("factura.pdf.js", "application/octet-stream",
           b"var s=new ActiveXObject('WScript.Shell');s.Run('cmd /c calc');\n")])
M("dangerous-near-pdf-declared-exe", "co.uk", "en", "Order {oid}: warranty",
  ["Hello,", "The warranty certificate for order {oid} is attached."],
  attach=[("warranty.pdf", "application/x-msdownload", PDF_WARRANTY)])
M("dangerous-near-exe-in-name", "com", "en", "Order {oid}: installer guide",
  ["Hello,", "The guide for running the driver installer of order {oid} is attached as a PDF, as requested."],
  attach=[("driver-setup.exe.pdf", "application/pdf", PDF_MANUAL)])
M("too-many-6", "com", "en", "Order {oid}: documents",
  ["Hello,", "As requested, here are the documents for order {oid}: the invoice and the manuals of each part."],
  ["ATTACHMENTS_TOO_MANY"],
  attach=[("invoice.pdf", "application/pdf", None)] +
         [("manual-part-%d.pdf" % i, "application/pdf", pdf(["Manual part %d" % i])) for i in range(1, 6)])
M("too-many-7-de", "de", "de", "Bestellung {oid}: Unterlagen",
  ["Hallo,", "anbei alle Unterlagen zu Bestellung {oid}."], ["ATTACHMENTS_TOO_MANY"],
  attach=[("Anleitung-%d.pdf" % i, "application/pdf", pdf(["Anleitung Teil %d" % i])) for i in range(1, 8)])
M("too-many-near-5", "co.uk", "en", "Order {oid}: manuals",
  ["Hello,", "As you asked, the manuals for all five modules of order {oid} are attached."],
  attach=[("module-%d.pdf" % i, "application/pdf", pdf(["Module %d manual" % i])) for i in range(1, 6)])
M("too-many-near-5-plus-logo", "com", "en", "Order {oid}: invoice and manuals",
  ["Hello,", "The invoice and the four manuals for order {oid} are attached."],
  html_extra=sig_html_logo(), related=[("logo@contoso", LOGO, "png")],
  attach=[("invoice.pdf", "application/pdf", None)] +
         [("manual-%d.pdf" % i, "application/pdf", pdf(["Manual %d" % i])) for i in range(1, 5)])
BIG = 11 * 1000 * 1000
M("too-large-one-pdf", "com", "en", "Order {oid}: full service manual",
  ["Hello,", "As requested, the full service manual for the generator in order {oid} is attached."],
  ["ATTACHMENTS_TOO_LARGE"], multipart=False,
  attach=[("service-manual.pdf", "application/pdf", pdf(["Service manual"], pad=BIG), {"cte": "7bit"})])
M("too-large-three-pdfs", "de", "de", "Bestellung {oid}: Handbücher",
  ["Hallo,", "anbei die drei Handbücher zu Bestellung {oid}."], ["ATTACHMENTS_TOO_LARGE"], multipart=False,
  attach=[("Handbuch-%d.pdf" % i, "application/pdf", pdf(["Handbuch %d" % i], pad=3700 * 1000), {"cte": "7bit"})
          for i in range(1, 4)])
M("too-large-near-2mb", "com", "en", "Order {oid}: wiring diagram",
  ["Hello,", "The wiring diagram for order {oid} is attached as a PDF, as requested."], multipart=False,
  attach=[("wiring.pdf", "application/pdf", pdf(["Wiring diagram"], pad=2 * 1000 * 1000), {"cte": "7bit"})])

M("too-large-near-9mb", "de", "de", "Bestellung {oid}: Ersatzteilkatalog",
  ["Hallo,", "wie gewünscht senden wir Ihnen die Explosionszeichnung zu Bestellung {oid} als PDF."], multipart=False,
  attach=[("Explosionszeichnung.pdf", "application/pdf", pdf(["Explosionszeichnung"], pad=9800 * 1000), {"cte": "7bit"})])

# ---- GIF --------------------------------------------------------------------------
M("gif-attached", "com", "en", "Order {oid}: how to fold it",
  ["Hello,", "Attached is a short animation showing how to fold the stroller from order {oid}."],
  ["ATTACHMENT_NOT_DOCUMENT", "GIF"], attach=[("fold.gif", "image/gif", gif())])
M("gif-inline-cid", "de", "de", "Bestellung {oid}: Verzögerung",
  ["Hallo,", "Ihre Bestellung {oid} verzögert sich leider um zwei Tage."], ["GIF"],
  html_extra='<p><img src="cid:anim@fabrikam" width="200" height="80" alt="Animation"></p>',
  related=[("anim@fabrikam", gif(), "gif")])
M("gif-remote-giphy", "com", "en", "Order {oid}: on its way soon",
  ["Hello,", "Sorry, order {oid} is delayed by a day because of the holiday."],
  ["GIF", "IMAGE_REMOTE"],
  html_extra='<p><img src="https://media.giphy.com/media/3o7TKsQ8gTpAqRx1Ys/giphy.gif" width="240" height="180" alt=""></p>')
M("gif-near-gift-wrap", "com", "en", "Order {oid}: gift wrap",
  ["Hello,", "You asked for gift wrap on order {oid}, but the wrapping paper is out of stock. Is a plain gift bag "
   "fine, or should we ship without it?"])
M("gif-near-png-inline", "it", "it", "Ordine {oid}: ritardo",
  ["Buongiorno,", "il suo ordine {oid} subirà un ritardo di un giorno. Ci scusiamo."],
  html_extra='<p><img src="cid:logo@litware" width="120" height="40" alt="Litware"></p>',
  related=[("logo@litware", png(12, 4, (10, 120, 10)), "png")])

# ---- EMOJI ------------------------------------------------------------------------
M("emoji-text-smile", "com", "en", "Order {oid}: delay",
  ["Hello,", "Your order {oid} will be a day late, sorry about that \U0001F60A We will keep you posted."], ["EMOJI"])
M("emoji-subject-party", "co.uk", "en", "\U0001F389 Order {oid}: new delivery date",
  ["Hello,", "The courier has moved the delivery of order {oid} to Tuesday because of a vehicle breakdown."], ["EMOJI"])
M("emoji-ja-sparkles", "co.jp", "ja", "ご注文 {oid} お届け日変更のお知らせ",
  ["お客様", "ご注文 {oid} のお届け日が配送業者の都合により6月6日に変更となりました\u2728 ご迷惑をおかけいたします。"],
  ["EMOJI"], cte="base64")
M("emoji-heart-fe0f-de", "de", "de", "Bestellung {oid}: Verzögerung",
  ["Hallo,", "Ihre Bestellung {oid} kommt leider einen Tag später \u2764\ufe0f Danke für Ihre Geduld."], ["EMOJI"])
M("emoji-near-trademark", "com", "en", "Order {oid}: GORE-TEX® replacement",
  ["Hello,", "The GORE-TEX® liner for your Contoso™ jacket (order {oid}) was missing from the box. We are sending it "
   "today by UPS; tracking " + UPS + "."], sig="Kind regards,\nContoso Outdoor\n© 2025 Contoso Outdoor LLC")
M("emoji-near-ja-symbols", "co.jp", "ja", "■ご注文 {oid} 配送遅延のお知らせ",
  ["お客様", "■ご注文番号：{oid}\n■状況：配送業者の遅延によりお届けが1日遅れます。\n※ご不便をおかけし申し訳ございません。"],
  cte="base64")

# ---- EMAIL_ADDRESS ----------------------------------------------------------------
M("email-plain", "com", "en", "Order {oid}: delay",
  ["Hello,", "Your order {oid} is delayed by two days. For anything else, write to support@contoso-outdoor.example."],
  ["EMAIL_ADDRESS"])
M("email-obfuscated-de", "de", "de", "Bestellung {oid}: Rückfrage",
  ["Hallo,", "zu Bestellung {oid}: Bitte senden Sie uns ein Foto des Schadens an service (at) fabrikam-haushalt (dot) example."],
  ["EMAIL_ADDRESS"])
M("email-fullwidth-at-ja", "co.jp", "ja", "ご注文 {oid} について",
  ["お客様", "ご注文 {oid} の商品に不具合があったとのこと、大変申し訳ございません。お手数ですが写真を support＠wingtip-store.example までお送りください。"],
  ["EMAIL_ADDRESS"], cte="base64")
M("email-mailto-link", "fr", "fr", "Commande {oid} : retour",
  ["Bonjour,", "Pour le retour de la commande {oid}, écrivez-nous en cliquant ici."],
  ["EMAIL_ADDRESS"], html_extra='<p><a href="mailto:retours@tailspin-maison.example">Nous écrire</a></p>')
M("email-near-relay-quoted", "com", "en", "Re: Question about order {oid}",
  ["Hello,", "Yes, the stove from order {oid} works with standard 230 g gas cartridges; it does not need an adapter."],
  quoted="Hi, does the stove from my order {oid} take the standard gas cartridges?")
M("email-near-contact-via-amazon", "es", "es", "Pedido {oid}: retraso",
  ["Hola,", "Su pedido {oid} llegará con un día de retraso. Si tiene alguna pregunta, respóndanos a través de los "
   "mensajes de Amazon."])

# ---- PHONE_NUMBER -----------------------------------------------------------------
M("phone-us-call-us", "com", "en", "Order {oid}: delivery problem",
  ["Hello,", "The carrier could not deliver order {oid}. Please call us at (555) 010-4477 so we can arrange a new "
   "delivery."], ["PHONE_NUMBER"])
M("phone-de-signature", "de", "de", "Bestellung {oid}: Verzögerung",
  ["Hallo,", "Ihre Bestellung {oid} verzögert sich leider um zwei Tage."], ["PHONE_NUMBER"],
  sig="Mit freundlichen Grüßen\nFabrikam Haushaltswaren GmbH\nMusterstraße 12, 10115 Berlin\nTel.: +49 30 12345678")
M("phone-fr-national", "fr", "fr", "Commande {oid} : livraison",
  ["Bonjour,", "Le livreur n'a pas pu livrer la commande {oid}. Vous pouvez nous joindre au 01 23 45 67 89 pour "
   "convenir d'un nouveau créneau."], ["PHONE_NUMBER"])
M("phone-ja-tokyo", "co.jp", "ja", "ご注文 {oid} お届けについて",
  ["お客様", "ご注文 {oid} のお届けができませんでした。お手数ですが、03-1234-5678 までお電話ください。"],
  ["PHONE_NUMBER"], cte="base64")
M("phone-it-whatsapp", "it", "it", "Ordine {oid}: consegna",
  ["Buongiorno,", "per organizzare la consegna dell'ordine {oid} ci scriva su WhatsApp al +39 333 123 4567."],
  ["PHONE_NUMBER"])
M("phone-uk-tollfree", "co.uk", "en", "Order {oid}: missed delivery",
  ["Hello,", "The courier missed you today with order {oid}. Ring our team on 0800 123 4567 to rebook."],
  ["PHONE_NUMBER"])
M("phone-near-tracking-numbers", "com", "en", "Order {oid}: split shipment",
  ["Hello,", "Sorry: order {oid} had to be split because one box was damaged at our warehouse.",
   "USPS tracking: " + USPS_SPACED + "\nFedEx tracking: " + FEDEX + "\nDHL Express waybill: " + DHLX])
M("phone-near-jp-tracking-dates", "co.jp", "ja", "ご注文 {oid} 発送遅延のお詫び",
  ["お客様", "ご注文 {oid} は在庫不足のため発送が遅れ、2025/06/05 の発送となります。申し訳ございません。",
   "お問い合わせ番号：" + YAMATO + "\n〒100-0001 東京都千代田区千代田1-1 宛てにお届けします。"], cte="base64")
M("phone-near-de-dates-vat", "de", "de", "Bestellung {oid}: neuer Liefertermin",
  ["Hallo,", "der Liefertermin Ihrer Bestellung {oid} verschiebt sich wegen eines Lieferengpasses vom 03.06.2025 auf den "
   "06.06.2025, Zustellung zwischen 08:00-12:00 Uhr. Der Betrag von 1.249,90 € wird erst bei Versand belastet.",
   "Sendungsnummer: " + DHL],
  sig="Mit freundlichen Grüßen\nFabrikam Haushaltswaren GmbH\nMusterstraße 12, 10115 Berlin\nUSt-IdNr. DE123456789")
M("phone-near-order-only", "com", "en", "Order {oid}",
  ["Hello,", "We are sorry: the lid of the cooler in order {oid} was missing. A replacement lid ships tomorrow, no "
   "return needed. Reference for our warehouse: case 20250602-1147."])

# ---- REVIEW_INCENTIVE -------------------------------------------------------------
M("review-incentive-refund", "com", "en", "Order {oid}",
  ["Hello,", "Thanks for buying from us (order {oid}). We'll refund you the full price for an honest review on Amazon!"],
  ["REVIEW_INCENTIVE"])
M("review-incentive-de-gutschein", "de", "de", "Ihre Bestellung {oid}",
  ["Hallo,", "für Ihre Bewertung zu Bestellung {oid} schenken wir Ihnen einen 10-€-Amazon-Gutschein."],
  ["REVIEW_INCENTIVE"])
M("review-incentive-es-regalo", "es", "es", "Su pedido {oid}",
  ["Hola,", "Si nos deja una reseña de su pedido {oid}, le enviaremos un regalo gratis como agradecimiento."],
  ["REVIEW_INCENTIVE"])
M("review-incentive-ja-giftcard", "co.jp", "ja", "ご注文 {oid} レビューのお願い",
  ["お客様", "ご注文 {oid} の商品レビューをご投稿いただいた方全員に、Amazonギフト券500円分をプレゼントいたします。"],
  ["REVIEW_INCENTIVE"], cte="base64")
M("review-near-free-replacement", "com", "en", "Order {oid}: replacement on its way",
  ["Hello,", "The mug in order {oid} arrived broken; sorry about that. We are sending a free replacement today, "
   "no need to return the broken one."])
M("review-near-refund-lost", "de", "de", "Bestellung {oid}: Erstattung",
  ["Hallo,", "Ihr Paket zu Bestellung {oid} ist bei DHL verloren gegangen. Wir haben Ihnen den vollen Betrag "
   "erstattet; die Gutschrift erscheint in 3 bis 5 Tagen."])

# ---- REVIEW_POSITIVE_ONLY ---------------------------------------------------------
M("review-positive-5star", "com", "en", "Order {oid}",
  ["Hello,", "Your order {oid} was delivered. We would be thrilled if you left us a 5-star review on Amazon!"],
  ["REVIEW_POSITIVE_ONLY"])
M("review-positive-fr", "fr", "fr", "Votre commande {oid}",
  ["Bonjour,", "Votre commande {oid} est bien arrivée. Un avis positif sur Amazon nous aiderait beaucoup !"],
  ["REVIEW_POSITIVE_ONLY"])
M("review-positive-it-stelle", "it", "it", "Il suo ordine {oid}",
  ["Buongiorno,", "il suo ordine {oid} è stato consegnato. Ci lascerebbe una recensione a 5 stelle?"],
  ["REVIEW_POSITIVE_ONLY"])
M("review-positive-ja", "co.jp", "ja", "ご注文 {oid} のご感想",
  ["お客様", "ご注文 {oid} の商品はお手元に届きましたでしょうか。よろしければ星5の高評価をお願いいたします。"],
  ["REVIEW_POSITIVE_ONLY"], cte="base64")
M("review-near-positive-terminal", "com", "en", "Order {oid}: battery wiring",
  ["Hello,", "You asked how to connect the battery from order {oid}: the red cable goes to the positive terminal and "
   "the black one to the negative terminal. The five-star washers keep them tight."])
M("review-near-neutral-es", "es", "es", "Su pedido {oid}",
  ["Hola,", "Su pedido {oid} se entregó la semana pasada. ¿Le importaría compartir su opinión sobre el producto en Amazon? "
   "Nos ayuda a mejorar."])

# ---- REVIEW_CONDITIONAL -----------------------------------------------------------
M("review-conditional-guideline", "com", "en", "Order {oid}",
  ["Hello,", "Thank you for your order {oid}! If anything is wrong, please contact us first, and if you are "
   "satisfied, please leave feedback."], ["REVIEW_CONDITIONAL"])
M("review-conditional-de", "de", "de", "Ihre Bestellung {oid}",
  ["Hallo,", "Ihre Bestellung {oid} wurde zugestellt. Wenn Sie zufrieden sind, freuen wir uns über eine Bewertung. "
   "Falls nicht, kontaktieren Sie uns bitte zuerst."], ["REVIEW_CONDITIONAL"])
M("review-conditional-es", "com.mx", "es", "Su pedido {oid}",
  ["Hola,", "Si no está satisfecho con su pedido {oid}, contáctenos antes de dejar una valoración."],
  ["REVIEW_CONDITIONAL"])
M("review-conditional-ja", "co.jp", "ja", "ご注文 {oid} について",
  ["お客様", "ご注文 {oid} の商品にご満足いただけましたら、ぜひレビューをお願いいたします。"],
  ["REVIEW_CONDITIONAL"], cte="base64")
M("review-near-not-satisfied-replacement", "co.uk", "en", "Order {oid}: replacement sent",
  ["Hello,", "We sent a new charger for order {oid} today because the first one was faulty. If you are not satisfied "
   "with the replacement either, reply to this message and we will refund you."])
M("review-near-if-questions-return", "fr", "fr", "Commande {oid} : votre retour",
  ["Bonjour,", "Nous avons bien reçu le retour de la commande {oid}. Si vous avez des questions sur le remboursement, "
   "répondez à ce message."])

# ---- REVIEW_DICTATED --------------------------------------------------------------
M("review-dictated-en", "com", "en", "Order {oid}",
  ["Hello,", "Your order {oid} arrived. When you write your review, please mention our fast shipping and the "
   "sturdy packaging."], ["REVIEW_DICTATED"])
M("review-dictated-de", "de", "de", "Bestellung {oid}",
  ["Hallo,", "zu Ihrer Bestellung {oid}: Erwähnen Sie in Ihrer Bewertung bitte, dass der Versand schnell war."],
  ["REVIEW_DICTATED"])
M("review-dictated-it", "it", "it", "Ordine {oid}",
  ["Buongiorno,", "per l'ordine {oid}: nella recensione scriva che il prodotto è arrivato in perfette condizioni."],
  ["REVIEW_DICTATED"])
M("review-near-mention-order", "com", "en", "Order {oid}: your return",
  ["Hello,", "To return the lamp from order {oid}, please use the return label in your account and mention the "
   "order ID on the parcel."])
M("review-near-write-to-us", "de", "de", "Bestellung {oid}: Rückfrage",
  ["Hallo,", "zu Bestellung {oid}: Schreiben Sie uns bitte, welche Farbe Sie als Ersatz möchten."])

# ---- REVIEW_CHANGE ----------------------------------------------------------------
M("review-change-en", "com", "en", "Order {oid}: we fixed it",
  ["Hello,", "We have sent a replacement for order {oid}. Could you please update your negative review now that the "
   "problem is solved?"], ["REVIEW_CHANGE"])
M("review-change-de", "de", "de", "Bestellung {oid}",
  ["Hallo,", "wir haben Ihnen zu Bestellung {oid} bereits einen Ersatz geschickt. Wären Sie so nett, Ihre Bewertung zu "
   "entfernen?"], ["REVIEW_CHANGE"])
M("review-change-fr", "fr", "fr", "Commande {oid}",
  ["Bonjour,", "Suite au remboursement de la commande {oid}, pourriez-vous modifier votre avis sur Amazon ?"],
  ["REVIEW_CHANGE"])
M("review-change-ja", "co.jp", "ja", "ご注文 {oid} について",
  ["お客様", "ご注文 {oid} につきまして、返金対応が完了いたしました。お手数ですが、評価を削除していただけますでしょうか。"],
  ["REVIEW_CHANGE"], cte="base64")
M("review-near-update-address", "com", "en", "Order {oid}: address problem",
  ["Hello,", "UPS returned order {oid} because the address was incomplete. Please update your address in your "
   "account and reply here; we will ship it again for free."])
M("review-near-removed-item", "de", "de", "Bestellung {oid}: Artikel nicht lieferbar",
  ["Hallo,", "leider ist ein Artikel Ihrer Bestellung {oid} nicht lieferbar. Wir haben ihn aus der Bestellung "
   "entfernt und Ihnen den Betrag erstattet."])

# ---- PROMOTION --------------------------------------------------------------------
M("promo-code-percent", "com", "en", "Order {oid}: thank you!",
  ["Hello,", "Thanks for your order {oid}! Enjoy 15 % off your next order with code SAVE15."], ["PROMOTION"])
M("promo-refills-website", "co.uk", "en", "Order {oid}: instructions",
  ["Hello,", "The instructions for the water filter from order {oid} are attached. You can buy refills on our "
   "website at a better price."], ["OFF_AMAZON_SALE", "PROMOTION"],
  attach=[("filter-instructions.pdf", "application/pdf", PDF_MANUAL)])
M("promo-de-other-products", "de", "de", "Bestellung {oid}: Ihre Pfanne",
  ["Hallo,", "die Rechnung zu Bestellung {oid} finden Sie im Anhang. Entdecken Sie auch unsere anderen Produkte "
   "für Ihre Küche!"], ["PROMOTION"], attach=[("Rechnung.pdf", "application/pdf", None)])
M("promo-es-cupon", "es", "es", "Pedido {oid}: factura",
  ["Hola,", "Adjuntamos la factura del pedido {oid}. Con el cupón VERANO10 tiene un 10% de descuento en su "
   "próxima compra."], ["PROMOTION"], attach=[("factura.pdf", "application/pdf", None)])
M("promo-it-sconto", "it", "it", "Ordine {oid}: fattura",
  ["Buongiorno,", "in allegato la fattura dell'ordine {oid}. Per lei uno sconto del 20% sul prossimo acquisto!"],
  ["PROMOTION"], attach=[("fattura.pdf", "application/pdf", None)])
M("promo-ja-coupon", "co.jp", "ja", "ご注文 {oid} 領収書",
  ["お客様", "ご注文 {oid} の領収書を添付いたします。次回のお買い物で使える10%OFFクーポンもお送りします。"],
  ["PROMOTION"], attach=[("receipt.pdf", "application/pdf", None)], cte="base64")
M("promo-amazon-storefront", "com", "en", "Order {oid}: invoice",
  ["Hello,", "The invoice for order {oid} is attached. See our full range in our Amazon store: "
   "https://www.amazon.com/stores/ContosoOutdoor/page/6B1A2C3D-1111-2222-3333-444455556666"],
  ["PROMOTION"], attach=[("invoice.pdf", "application/pdf", None)])
M("promo-fr-referral-base64", "fr", "fr", "Commande {oid} : facture",
  ["Bonjour,", "Voici la facture de la commande {oid}. Parrainez un ami et recevez chacun un bon d'achat !"],
  ["PROMOTION"], attach=[("facture.pdf", "application/pdf", None)], cte="base64")
M("promo-entity-encoded", "com", "en", "Order {oid}: invoice",
  ["Hello,", "Your invoice for order {oid} is attached."], ["PROMOTION"],
  attach=[("invoice.pdf", "application/pdf", None)],
  html='<html><body><p>Hello,</p><p>Your invoice for order {oid} is attached.</p>'
       '<p>Use &#99;oupon code &#83;AVE20 for 20&#37; off your next purchase.</p>'
       '<p>Kind regards,<br>Contoso Outdoor</p></body></html>',
  plain="Hello,\n\nYour invoice for order {oid} is attached.\n\nKind regards,\nContoso Outdoor\n")
M("promo-near-partial-refund", "com", "en", "Order {oid}: partial refund offer",
  ["Hello,", "We are sorry the table in order {oid} arrived with a scratch. If you would like to keep it, we can offer "
   "a partial refund of 20% of the price; otherwise you can return it for a full refund."])
M("promo-near-postal-code", "de", "de", "Bestellung {oid}: Postleitzahl",
  ["Hallo,", "die Postleitzahl in der Lieferadresse Ihrer Bestellung {oid} scheint nicht zu stimmen (Code 1011 statt "
   "10115). Können Sie sie bitte prüfen? Sonst kann DHL nicht zustellen."])

# ---- SOCIAL_MEDIA -----------------------------------------------------------------
M("social-instagram-handle", "com", "en", "Order {oid}: delivery update",
  ["Hello,", "Your order {oid} is delayed by a day at the depot, sorry! Follow us on Instagram @contoso_outdoor for "
   "trail tips."], ["SOCIAL_MEDIA"])
M("social-facebook-link-de", "de", "de", "Bestellung {oid}: Verzögerung",
  ["Hallo,", "Ihre Bestellung {oid} verzögert sich um einen Tag. Besuchen Sie uns auch auf Facebook: "
   "https://www.facebook.com/fabrikamhaushalt"], ["LINK_HOST_NOT_ALLOWED", "SOCIAL_MEDIA"])
M("social-fr-tiktok", "fr", "fr", "Commande {oid} : retard",
  ["Bonjour,", "Votre commande {oid} aura un jour de retard. Suivez-nous sur TikTok pour découvrir nos astuces déco !"],
  ["SOCIAL_MEDIA"])
M("social-ja-line-x", "co.jp", "ja", "ご注文 {oid} 発送遅延",
  ["お客様", "ご注文 {oid} の発送が1日遅れます。申し訳ございません。公式Instagramもぜひフォローしてください。"],
  ["SOCIAL_MEDIA"], cte="base64")
M("social-near-follow-instructions", "com", "en", "Order {oid}: setup help",
  ["Hello,", "About the router in order {oid}: please follow the instructions on page 3 of the attached manual, "
   "then restart it. Would you like us to send a replacement if it still fails?"],
  attach=[("router-manual.pdf", "application/pdf", PDF_MANUAL)])
M("social-near-at-time", "co.uk", "en", "Order {oid}: delivery slot",
  ["Hello,", "The two-person crew for order {oid} can come on Tuesday @ 10:00 or Wednesday @ 14:00. Which slot "
   "suits you?"])

# ---- THANK_YOU_ONLY ---------------------------------------------------------------
M("thanks-only-en", "com", "en", "Thank you for your order {oid}",
  ["Hello,", "Thank you for your order {oid}! We truly appreciate your business. If you have any questions, "
   "we are here to help."], ["THANK_YOU_ONLY"])
M("thanks-only-de", "de", "de", "Vielen Dank für Ihre Bestellung {oid}",
  ["Hallo,", "vielen Dank für Ihren Einkauf (Bestellung {oid})! Wir freuen uns, Sie als Kunden zu haben. Bei Fragen "
   "sind wir jederzeit für Sie da."], ["THANK_YOU_ONLY"])
M("thanks-only-ja", "co.jp", "ja", "ご購入ありがとうございます（{oid}）",
  ["お客様", "この度はご注文（{oid}）いただき、誠にありがとうございます。何かございましたらお気軽にお問い合わせください。"],
  ["THANK_YOU_ONLY"], cte="base64")
M("thanks-only-it", "it", "it", "Grazie per il suo ordine {oid}",
  ["Buongiorno,", "grazie mille per aver acquistato da noi (ordine {oid})! Siamo a sua disposizione per qualsiasi "
   "domanda."], ["THANK_YOU_ONLY"])
M("thanks-near-substantive", "com", "en", "Order {oid}: thank you and a quick question",
  ["Hello,", "Thank you for your order {oid}! To engrave the compass, we need the initials you want. Please reply "
   "with up to three letters."])
M("thanks-near-invoice", "fr", "fr", "Merci pour votre commande {oid}",
  ["Bonjour,", "Merci pour votre commande {oid}. Comme demandé, vous trouverez la facture en pièce jointe."],
  attach=[("facture.pdf", "application/pdf", None)])
M("thanks-near-reply", "de", "de", "Re: Bestellung {oid}",
  ["Hallo,", "vielen Dank für Ihre Rückmeldung, das freut uns sehr!"],
  quoted="Die Ersatzdichtung zu Bestellung {oid} ist angekommen und passt. Danke!")

# ---- SHIPPING_CONFIRMATION_ONLY ---------------------------------------------------
M("shipped-only-en", "com", "en", "Your order {oid} has shipped!",
  ["Hello,", "Good news: your order {oid} has shipped with UPS and is on its way.", "Tracking number: " + UPS],
  ["SHIPPING_CONFIRMATION_ONLY"])
M("shipped-only-de", "de", "de", "Ihre Bestellung {oid} wurde versandt",
  ["Hallo,", "Ihre Bestellung {oid} wurde heute versandt und ist unterwegs zu Ihnen.", "Sendungsnummer: " + DHL],
  ["SHIPPING_CONFIRMATION_ONLY"])
M("delivered-only-fr", "fr", "fr", "Commande {oid} livrée !",
  ["Bonjour,", "Votre commande {oid} a été livrée ! Bonne journée."], ["SHIPPING_CONFIRMATION_ONLY"])
M("shipped-only-ja", "co.jp", "ja", "【発送完了】ご注文 {oid}",
  ["お客様", "ご注文 {oid} の商品を本日発送いたしました。", "お問い合わせ番号：" + YAMATO],
  ["SHIPPING_CONFIRMATION_ONLY"], cte="base64")
M("shipped-only-es", "es", "es", "Su pedido {oid} ha sido enviado",
  ["Hola,", "Su pedido {oid} ha sido enviado hoy con Correos. Número de seguimiento: " + CORREOS],
  ["SHIPPING_CONFIRMATION_ONLY"])
M("shipped-near-delay", "com", "en", "Order {oid} shipped, but delayed",
  ["Hello,", "Your order {oid} has shipped, but UPS has warned us of a weather delay: it will arrive on Monday "
   "instead of Friday. Sorry for the wait.", "Tracking: " + UPS_URL])
M("shipped-near-heavy-schedule", "de", "de", "Bestellung {oid}: Terminvereinbarung",
  ["Hallo,", "Ihr Sofa (Bestellung {oid}) wurde an die Spedition übergeben. Die Spedition liefert nur nach "
   "Terminvereinbarung: Bitte nennen Sie uns zwei Wunschtermine in der nächsten Woche."])
M("shipped-near-lost", "it", "it", "Ordine {oid}: pacco smarrito",
  ["Buongiorno,", "il pacco dell'ordine {oid} risulta spedito ma è stato smarrito dal corriere. Le abbiamo già "
   "rimborsato l'intero importo.", "Codice di spedizione: " + POSTE])

# ---- styling ----------------------------------------------------------------------
M("style-centered", "com", "en", "Order {oid}: delay",
  ["Hello,", "Your order {oid} will arrive one day late because of a carrier problem. Sorry!"], ["STYLE_CENTERED"],
  html_extra='<p style="text-align:center">We apologise for the inconvenience.</p>')
M("style-center-tag-de", "de", "de", "Bestellung {oid}: Verzögerung",
  ["Hallo,", "Ihre Bestellung {oid} kommt wegen eines Problems beim Versanddienstleister einen Tag später."],
  ["STYLE_CENTERED"], html_extra="<center>Wir bitten um Entschuldigung.</center>")
M("style-near-left-aligned", "com", "en", "Order {oid}: service center",
  ["Hello,", "Your order {oid} is held at the UPS service center in Dallas because of a damaged label; UPS will relabel "
   "it and deliver tomorrow."], html_extra='<p style="text-align:left;margin:0">Sorry for the delay.</p>')
M("style-font-tag", "com", "en", "Order {oid}: delay",
  ["Hello,", "Your order {oid} is delayed by two days at the carrier's hub."], ["STYLE_FONT"],
  html_extra='<p><font face="Comic Sans MS" color="#ff0000">We are very sorry!</font></p>')
M("style-font-css-fr", "fr", "fr", "Commande {oid} : retard",
  ["Bonjour,", "Votre commande {oid} a deux jours de retard chez le transporteur."], ["STYLE_FONT"],
  html_extra='<p style="font-family:Georgia,serif;font-size:18px;color:#663399">Toutes nos excuses.</p>')
M("style-near-font-word", "com", "en", "Order {oid}: engraving font",
  ["Hello,", "For the engraving on order {oid}, which font do you prefer: serif or sans-serif? The colour of the "
   "engraving will be black."], html_extra='<p style="margin:0 0 12px 0">Reply with your choice.</p>')
M("style-near-valign-table", "co.uk", "en", "Order {oid}: delivery slots",
  ["Hello,", "Your sofa (order {oid}) needs a delivery appointment. These slots are free; which one suits you?"],
  html_extra='<table role="presentation" cellpadding="4"><tr><td valign="top">Tuesday</td><td valign="top">08:00-12:00</td></tr>'
             '<tr><td valign="top">Thursday</td><td valign="top">12:00-16:00</td></tr></table>')
M("style-near-background-colour", "de", "de", "Bestellung {oid}: Lieferverzögerung",
  ["Hallo,", "Ihre Bestellung {oid} verzögert sich leider um zwei Tage."],
  html_extra='<div style="background-color:#f4f4f4;border-color:#dddddd;padding:8px">Wir bitten um Entschuldigung.</div>')
M("style-line-breaks-br", "com", "en", "Order {oid}: delay",
  ["Hello,", "Your order {oid} is delayed by one day at the carrier."], ["STYLE_LINE_BREAKS"],
  html_extra="<p>Sorry for the wait.<br><br><br><br>Contoso Outdoor team</p>")
M("style-line-breaks-empty-paras-it", "it", "it", "Ordine {oid}: ritardo",
  ["Buongiorno,", "il suo ordine {oid} arriverà con un giorno di ritardo per un problema del corriere."],
  ["STYLE_LINE_BREAKS"], html_extra="<p>&nbsp;</p>\n<p>&nbsp;</p>\n<p>&nbsp;</p>\n<p>Ci scusiamo.</p>")
M("style-near-two-br", "com", "en", "Order {oid}: delay",
  ["Hello,", "Your order {oid} is delayed by one day at the carrier."],
  html_extra="<p>Sorry for the wait.<br><br>Contoso Outdoor team</p>")

M("style-near-source-newlines", "fr", "fr", "Commande {oid} : retard",
  ["Bonjour,", "Votre commande {oid} aura un jour de retard."],
  html='<html>\n<body>\n\n\n<p>Bonjour,</p>\n\n\n\n<p>Votre commande {oid} aura un jour de retard, toutes nos excuses.</p>\n\n\n'
       '<p>Cordialement,<br>\nTailspin Maison</p>\n\n\n</body>\n</html>\n')
M("style-line-breaks-plain", "com", "en", "Order {oid}: delay",
  ["Hello,", "Your order {oid} is delayed by one day at the carrier.\n\n", "Sorry for the wait."],
  ["STYLE_LINE_BREAKS"], multipart=False)

# ---- SUBJECT_IMPORTANT ------------------------------------------------------------
M("important-review-request", "com", "en", "[Important] Your order {oid}",
  ["Hello,", "Your order {oid} was delivered last week. Would you share your experience on Amazon?"],
  ["SUBJECT_IMPORTANT"])
M("important-de-invoice", "de", "de", "[Wichtig] Rechnung zu Bestellung {oid}",
  ["Hallo,", "anbei die Rechnung zu Ihrer Bestellung {oid}."], ["SUBJECT_IMPORTANT"],
  attach=[("Rechnung.pdf", "application/pdf", None)])
M("important-near-delay", "com", "en", "[Important] Delivery problem with order {oid}",
  ["Hello,", "UPS could not deliver order {oid} because the address is incomplete. Please confirm your street "
   "number so we can reship."])
M("important-near-design", "fr", "fr", "[Important] Commande {oid} : validez votre personnalisation",
  ["Bonjour,", "Nous ne pouvons pas lancer la fabrication de votre commande {oid} sans votre accord sur le texte "
   "gravé : « Pour Léa ». Merci de nous répondre."])

# ---- several problems at once; encodings that hide them --------------------------
M("multi-guideline-refills", "com", "en", "Your order",
  ["Hello,", "Thanks for your purchase! The instructions are attached. Buy refills on our website: "
   "http://www.contoso-outdoor.example/refills and get 10% off with code REFILL10."],
  ["LINK_HOST_NOT_ALLOWED", "LINK_NOT_HTTPS", "OFF_AMAZON_SALE", "ORDER_ID_MISSING", "PROMOTION"],
  attach=[("instructions.pdf", "application/pdf", PDF_MANUAL)])
M("multi-honest-review-refund-de-base64", "de", "de", "Bestellung {oid}",
  ["Hallo,", "für eine ehrliche Bewertung erstatten wir Ihnen den vollen Kaufpreis. Schreiben Sie uns an "
   "bewertung@fabrikam-haushalt.example."], ["EMAIL_ADDRESS", "REVIEW_INCENTIVE"], cte="base64")
M("multi-qp-split-social-link", "it", "it", "Ordine {oid}: ritardo",
  ["Buongiorno,", "il suo ordine {oid} è in ritardo di un giorno. Ci trova anche qui: "
   "https://www.instagram.com/litware.casa.official.store/?utm_source=email&utm_medium=helpdesk"],
  ["LINK_HOST_NOT_ALLOWED", "SOCIAL_MEDIA"], multipart=False)
M("multi-es-mx-promo-emoji", "com.mx", "es", "Pedido {oid}",
  ["Hola,", "¡Gracias por su compra del pedido {oid}! \U0001F381 Use el código HOLA15 para obtener 15% de descuento en "
   "su próximo pedido."], ["EMOJI", "PROMOTION"])
M("multi-ja-review-after-thanks", "co.jp", "ja", "ご注文 {oid} ありがとうございました",
  ["お客様", "この度はご購入ありがとうございました。商品にご満足いただけなかった場合は、評価の前にまずご連絡ください。"],
  ["REVIEW_CONDITIONAL"], cte="base64")
M("multi-en-negative-feedback-remove", "co.uk", "en", "Order {oid}: refund issued",
  ["Hello,", "We have issued a full refund for order {oid}. Since the issue is resolved, we kindly ask you to remove "
   "the negative feedback you left."], ["REVIEW_CHANGE"])
M("multi-de-positive-sterne", "de", "de", "Ihre Bestellung {oid}",
  ["Hallo,", "wir hoffen, Sie sind mit Bestellung {oid} zufrieden. Über eine 5-Sterne-Bewertung würden wir uns sehr freuen!"],
  ["REVIEW_POSITIVE_ONLY"])
M("multi-fr-incentive", "fr", "fr", "Votre commande {oid}",
  ["Bonjour,", "Laissez un avis sur votre commande {oid} et recevez une carte cadeau de 10 € !"], ["REVIEW_INCENTIVE"])
M("multi-it-incentive", "it", "it", "Il suo ordine {oid}",
  ["Buongiorno,", "in cambio di una recensione sul suo ordine {oid} le rimborseremo il 50% del prezzo."],
  ["REVIEW_INCENTIVE"])
M("multi-es-change-review", "es", "es", "Pedido {oid}",
  ["Hola,", "Ya le hemos enviado un producto nuevo del pedido {oid}. ¿Podría cambiar su valoración negativa?"],
  ["REVIEW_CHANGE"])
M("multi-it-conditional", "it", "it", "Ordine {oid}",
  ["Buongiorno,", "se è soddisfatto del suo ordine {oid}, ci lasci una recensione; in caso contrario ci contatti "
   "prima."], ["REVIEW_CONDITIONAL"])
M("multi-fr-dictated", "fr", "fr", "Commande {oid}",
  ["Bonjour,", "Dans votre avis sur la commande {oid}, merci de mentionner la rapidité de la livraison."],
  ["REVIEW_DICTATED"])
M("multi-es-positive", "com", "es", "Su pedido {oid}",
  ["Hola,", "Su pedido {oid} ya fue entregado. ¡Una reseña de 5 estrellas nos ayudaría muchísimo!"],
  ["REVIEW_POSITIVE_ONLY"])
M("multi-de-promo-shop-link", "de", "de", "Bestellung {oid}: Anleitung",
  ["Hallo,", "anbei die Anleitung zu Bestellung {oid}. Besuchen Sie unseren Online-Shop für Zubehör und Neuheiten: "
   "https://shop.fabrikam-haushalt.example"], ["LINK_HOST_NOT_ALLOWED", "PROMOTION"],
  attach=[("Anleitung.pdf", "application/pdf", PDF_MANUAL)])
M("multi-ja-promo-other", "co.jp", "ja", "ご注文 {oid} 取扱説明書",
  ["お客様", "ご注文 {oid} の取扱説明書を添付いたします。当店の他の商品もぜひご覧ください。"], ["PROMOTION"],
  attach=[("manual.pdf", "application/pdf", PDF_MANUAL)], cte="base64")
M("multi-en-social-twitter-handle", "com.au", "en", "Order {oid}: backorder",
  ["Hello,", "The tent pegs in order {oid} are back-ordered until Friday; we will ship them then. Follow @ContosoOutdoor "
   "on X for stock updates."], ["SOCIAL_MEDIA"])
M("multi-es-email-phone", "es", "es", "Pedido {oid}: incidencia",
  ["Hola,", "Hubo una incidencia con su pedido {oid}. Llámenos al 912 345 678 o escriba a clientes@northwind-hogar.example."],
  ["EMAIL_ADDRESS", "PHONE_NUMBER"])
M("multi-fr-thanks-only-base64", "fr", "fr", "Merci pour votre achat (commande {oid})",
  ["Bonjour,", "Merci beaucoup pour votre achat (commande {oid}) ! Nous restons à votre disposition pour toute question."],
  ["THANK_YOU_ONLY"], cte="base64")
M("multi-es-thanks-only", "com.mx", "es", "Gracias por su compra {oid}",
  ["Hola,", "¡Muchas gracias por su compra (pedido {oid})! Estamos a su disposición para cualquier duda."],
  ["THANK_YOU_ONLY"])
M("multi-it-shipped-only", "it", "it", "Il suo ordine {oid} è stato spedito",
  ["Buongiorno,", "il suo ordine {oid} è stato spedito oggi con Poste Italiane. Codice di tracciamento: " + POSTE],
  ["SHIPPING_CONFIRMATION_ONLY"])
M("multi-en-delivered-only", "co.uk", "en", "Delivered!",
  ["Hello,", "Your order {oid} has been delivered. Enjoy!"], ["SHIPPING_CONFIRMATION_ONLY"])
M("multi-it-optout", "it", "it", "Ordine {oid}: ritardo",
  ["Buongiorno,", "il suo ordine {oid} è in ritardo di un giorno. Per non ricevere più queste email, rispondi "
   "CANCELLAMI."], ["OPT_OUT"])
M("multi-ja-optout", "co.jp", "ja", "ご注文 {oid} 遅延のお知らせ",
  ["お客様", "ご注文 {oid} のお届けが1日遅れます。申し訳ございません。今後このようなメールの配信停止をご希望の方はご返信ください。"],
  ["OPT_OUT"], cte="base64")


# ---- short phrase probes: each a plain-text message in one of the six languages
# (violations phrased in several ways, and compliant messages that must pass)
PHRASES = [
    ('com', 'Order 112-4455667-8899001', 'Hello,\n\nWe are sorry: UPS reported a delay, your order 112-4455667-8899001 will arrive two days later. Tracking number: 1Z999AA10123456784\n\nKind regards,\nContoso', [], False),
    ('com', 'Order 112-4455667-8899001', 'Your order has shipped! Tracking number: 1Z999AA10123456784. Thank you!', ['SHIPPING_CONFIRMATION_ONLY'], False),
    ('com', 'Order 112-4455667-8899001', 'Thank you for your purchase! We hope you enjoy it. If you have any questions, feel free to reach out.', ['THANK_YOU_ONLY'], False),
    ('com', 'Order 112-4455667-8899001', "Thanks for shopping with us! We're here to help if you need anything.", ['THANK_YOU_ONLY'], False),
    ('com', 'Order 112-4455667-8899001', 'Hi, your package was delivered today. Enjoy your new lamp!', ['SHIPPING_CONFIRMATION_ONLY'], False),
    ('com', 'Order 112-4455667-8899001', 'Good news! Your item is on its way and should arrive Thursday.', ['SHIPPING_CONFIRMATION_ONLY'], False),
    ('com', 'Order 112-4455667-8899001', 'Please leave us a positive review if you like the product!', ['REVIEW_CONDITIONAL', 'REVIEW_POSITIVE_ONLY'], False),
    ('com', 'Order 112-4455667-8899001', 'We would really appreciate a 5 star rating!', ['REVIEW_POSITIVE_ONLY'], False),
    ('com', 'Order 112-4455667-8899001', 'Leave a review and get a $10 Amazon gift card!', ['REVIEW_INCENTIVE'], False),
    ('com', 'Order 112-4455667-8899001', 'We will send you a free sample for your honest feedback.', ['REVIEW_INCENTIVE'], False),
    ('com', 'Order 112-4455667-8899001', 'Post your review, send us a screenshot and we will refund the full amount via PayPal.', ['OFF_AMAZON_SALE', 'REVIEW_INCENTIVE'], False),
    ('com', 'Order 112-4455667-8899001', 'We will review your photos and refund you within two days.', [], False),
    ('com', 'Order 112-4455667-8899001', 'Thank you for your feedback; we have refunded the order and are sorry for the trouble.', [], True),
    ('com', 'Order 112-4455667-8899001', 'If you are happy with your purchase, please leave a review. If not, please contact us first so we can fix it.', ['REVIEW_CONDITIONAL'], False),
    ('com', 'Order 112-4455667-8899001', 'Before leaving negative feedback, please give us a chance to make it right.', ['REVIEW_CONDITIONAL'], False),
    ('com', 'Order 112-4455667-8899001', 'Would you consider changing your 1-star rating now that the replacement arrived?', ['REVIEW_CHANGE'], False),
    ('com', 'Order 112-4455667-8899001', 'We noticed your review; could you please remove it?', ['REVIEW_CHANGE'], False),
    ('com', 'Order 112-4455667-8899001', 'In your review, please say that the item arrived quickly.', ['REVIEW_DICTATED'], False),
    ('com', 'Order 112-4455667-8899001', 'Use promo code SUMMER20 on your next order.', ['PROMOTION'], False),
    ('com', 'Order 112-4455667-8899001', 'Check out our new arrivals on our website!', ['PROMOTION'], False),
    ('com', 'Order 112-4455667-8899001', 'Refer a friend and you both get 10 percent off.', ['PROMOTION'], False),
    ('com', 'Order 112-4455667-8899001', 'Get 20% off your next purchase.', ['PROMOTION'], False),
    ('com', 'Order 112-4455667-8899001', 'We are sorry the item was damaged. We will send a free replacement right away.', [], False),
    ('com', 'Order 112-4455667-8899001', 'Your tracking code JD014600003828373478 shows a delay; sorry about that.', [], False),
    ('com', 'Order 112-4455667-8899001', 'Enter the activation code K7Q2MX9P in the app; sorry the key was missing.', [], False),
    ('com', 'Order 112-4455667-8899001', 'Call us: 1-800-555-0199 so we can fix the delivery problem.', ['PHONE_NUMBER'], False),
    ('com', 'Order 112-4455667-8899001', 'Our hotline +1 555 010 4477 is open for the delivery problem.', ['PHONE_NUMBER'], False),
    ('com', 'Order 112-4455667-8899001', 'The delivery problem: USPS 9400 1000 0000 0000 0000 00, FedEx 7946 1234 5678, date 2025-06-02, 10:00-12:00, $1,249.90.', [], False),
    ('com', 'Order 112-4455667-8899001', 'Sorry, delayed. Contact: service@shop.example', ['EMAIL_ADDRESS'], False),
    ('com', 'Order 112-4455667-8899001', 'Sorry, delayed. Email: service [at] shop [dot] com', ['EMAIL_ADDRESS', 'LINK_HOST_NOT_ALLOWED'], False),
    ('com', 'Order 112-4455667-8899001', 'Sorry, delayed.\n\nOn Mon, Amazon Customer <abc123def456ghi@marketplace.amazon.com> wrote:\n> where is it', [], False),
    ('com', 'Order 112-4455667-8899001', 'Sorry for the delay 🙏', ['EMOJI'], False),
    ('com', 'Order 112-4455667-8899001', 'Sorry for the delay ✔️ fixed', ['EMOJI'], False),
    ('com', 'Order 112-4455667-8899001', 'Sorry for the delay → new date: Friday • Contoso™ © 2025 ★ note', [], False),
    ('com', 'Order 112-4455667-8899001', 'Sorry for the delay. Follow us on Facebook for updates!', ['SOCIAL_MEDIA'], False),
    ('com', 'Order 112-4455667-8899001', 'Sorry for the delay. Find us @contoso.outdoor', ['SOCIAL_MEDIA'], False),
    ('com', 'Order 112-4455667-8899001', 'Sorry for the delay. To unsubscribe from these emails reply STOP.', ['OPT_OUT'], False),
    ('com', 'Order 112-4455667-8899001', 'Sorry for the delay. You can opt out of future messages at any time.', ['OPT_OUT'], False),
    ('com', 'Order 112-4455667-8899001', 'We are sorry, the parcel is late. Would you like us to send a replacement or refund you?', [], False),
    ('de', 'Bestellung 302-1234567-1234567', 'Vielen Dank für Ihre Bestellung! Wir wünschen Ihnen viel Freude mit dem Artikel.', ['THANK_YOU_ONLY'], False),
    ('de', 'Bestellung 302-1234567-1234567', 'Ihr Paket wurde heute an DHL übergeben. Sendungsnummer: 00340434161234567890', ['SHIPPING_CONFIRMATION_ONLY'], False),
    ('de', 'Bestellung 302-1234567-1234567', 'Ihre Bestellung wurde zugestellt. Viel Spaß damit!', ['SHIPPING_CONFIRMATION_ONLY'], False),
    ('de', 'Bestellung 302-1234567-1234567', 'Wir würden uns über eine 5-Sterne-Bewertung sehr freuen.', ['REVIEW_POSITIVE_ONLY'], False),
    ('de', 'Bestellung 302-1234567-1234567', 'Sind Sie zufrieden? Dann hinterlassen Sie uns bitte eine positive Bewertung!', ['REVIEW_CONDITIONAL', 'REVIEW_POSITIVE_ONLY'], False),
    ('de', 'Bestellung 302-1234567-1234567', 'Falls Sie nicht zufrieden sind, kontaktieren Sie uns bitte, bevor Sie eine Bewertung abgeben.', ['REVIEW_CONDITIONAL'], False),
    ('de', 'Bestellung 302-1234567-1234567', 'Als Dankeschön für Ihre Bewertung erhalten Sie 20 % Rabatt auf Ihre nächste Bestellung.', ['PROMOTION', 'REVIEW_INCENTIVE'], False),
    ('de', 'Bestellung 302-1234567-1234567', 'Könnten Sie Ihre negative Bewertung bitte überarbeiten?', ['REVIEW_CHANGE'], False),
    ('de', 'Bestellung 302-1234567-1234567', 'Mit dem Gutscheincode SOMMER10 sparen Sie 10 %.', ['PROMOTION'], False),
    ('de', 'Bestellung 302-1234567-1234567', 'Leider ist Ihr Paket verloren gegangen. Wir erstatten Ihnen den vollen Betrag. Rufen Sie uns gerne an: 030 12345678', ['PHONE_NUMBER'], False),
    ('de', 'Bestellung 302-1234567-1234567', 'Leider verspätet. Folgen Sie uns auf Instagram!', ['SOCIAL_MEDIA'], False),
    ('de', 'Bestellung 302-1234567-1234567', 'Leider verspätet. Wenn Sie keine E-Mails mehr von uns erhalten möchten, können Sie sich hier abmelden.', ['OPT_OUT'], False),
    ('de', 'Bestellung 302-1234567-1234567', 'Leider verspätet sich die Lieferung vom 03.06.2025 auf den 06.06.2025. IBAN DE89 3704 0044 0532 0130 00', [], False),
    ('fr', 'Commande 302-1234567-1234567', 'Merci pour votre achat ! Nous restons à votre entière disposition.', ['THANK_YOU_ONLY'], False),
    ('fr', 'Commande 302-1234567-1234567', "Votre commande a été expédiée aujourd'hui. Numéro de suivi : 6A12345678901", ['SHIPPING_CONFIRMATION_ONLY'], False),
    ('fr', 'Commande 302-1234567-1234567', 'Si vous êtes satisfait, merci de nous laisser un avis 5 étoiles !', ['REVIEW_CONDITIONAL', 'REVIEW_POSITIVE_ONLY'], False),
    ('fr', 'Commande 302-1234567-1234567', "Nous vous offrons un bon d'achat de 10 € en échange d'un avis.", ['REVIEW_INCENTIVE'], False),
    ('fr', 'Commande 302-1234567-1234567', 'Pourriez-vous supprimer votre commentaire négatif ?', ['REVIEW_CHANGE'], False),
    ('fr', 'Commande 302-1234567-1234567', 'Profitez de 15 % de réduction avec le code promo ETE15.', ['PROMOTION'], False),
    ('fr', 'Commande 302-1234567-1234567', 'Désolé pour le retard. Appelez-nous au 06.12.34.56.78', ['PHONE_NUMBER'], False),
    ('fr', 'Commande 302-1234567-1234567', 'Désolé pour le retard, le transporteur a laissé un avis de passage. Nous vous remboursons les frais.', [], False),
    ('es', 'Pedido 302-1234567-1234567', '¡Gracias por su compra! Quedamos a su entera disposición.', ['THANK_YOU_ONLY'], False),
    ('es', 'Pedido 302-1234567-1234567', 'Su pedido ha sido entregado. ¡Que lo disfrute!', ['SHIPPING_CONFIRMATION_ONLY'], False),
    ('es', 'Pedido 302-1234567-1234567', 'Si está contento con el producto, déjenos una valoración de 5 estrellas.', ['REVIEW_CONDITIONAL', 'REVIEW_POSITIVE_ONLY'], False),
    ('es', 'Pedido 302-1234567-1234567', 'Le reembolsamos el 100% a cambio de una reseña honesta.', ['REVIEW_INCENTIVE'], False),
    ('es', 'Pedido 302-1234567-1234567', '¿Podría eliminar su reseña negativa?', ['REVIEW_CHANGE'], False),
    ('es', 'Pedido 302-1234567-1234567', 'Visite nuestra tienda online para ver más productos con descuento.', ['PROMOTION'], False),
    ('es', 'Pedido 302-1234567-1234567', 'Lamentamos el retraso del envío.', [], False),
    ('it', 'Ordine 302-1234567-1234567', 'Grazie per il suo acquisto! Restiamo a sua completa disposizione.', ['THANK_YOU_ONLY'], False),
    ('it', 'Ordine 302-1234567-1234567', 'Il suo pacco è stato consegnato oggi.', ['SHIPPING_CONFIRMATION_ONLY'], False),
    ('it', 'Ordine 302-1234567-1234567', 'Se è soddisfatto, ci lasci una recensione positiva!', ['REVIEW_CONDITIONAL', 'REVIEW_POSITIVE_ONLY'], False),
    ('it', 'Ordine 302-1234567-1234567', 'Riceverà un buono regalo di 10 € per una recensione.', ['REVIEW_INCENTIVE'], False),
    ('it', 'Ordine 302-1234567-1234567', 'Potrebbe modificare la sua recensione negativa?', ['REVIEW_CHANGE'], False),
    ('it', 'Ordine 302-1234567-1234567', 'Usi il codice sconto ESTATE20 per il 20% di sconto.', ['PROMOTION'], False),
    ('it', 'Ordine 302-1234567-1234567', 'Ci scusiamo per il ritardo. Il prodotto è in arrivo, la consegna è prevista domani.', [], False),
    ('co.jp', 'ご注文 302-1234567-1234567', 'この度はご購入いただきありがとうございました。今後ともよろしくお願いいたします。', ['THANK_YOU_ONLY'], False),
    ('co.jp', 'ご注文 302-1234567-1234567', 'ご注文の商品を本日出荷いたしました。追跡番号：1234-5678-9012', ['SHIPPING_CONFIRMATION_ONLY'], False),
    ('co.jp', 'ご注文 302-1234567-1234567', '商品がお気に召しましたら、星5つの評価をお願いします。', ['REVIEW_CONDITIONAL', 'REVIEW_POSITIVE_ONLY'], False),
    ('co.jp', 'ご注文 302-1234567-1234567', 'レビューを書いていただくと、次回使える500円クーポンを差し上げます。', ['PROMOTION', 'REVIEW_INCENTIVE'], False),
    ('co.jp', 'ご注文 302-1234567-1234567', '大変申し訳ございませんが、低評価のレビューを修正していただけないでしょうか。', ['REVIEW_CHANGE'], False),
    ('co.jp', 'ご注文 302-1234567-1234567', 'お届けが遅れて申し訳ございません。お問い合わせはフリーダイヤル 0120-123-456 まで。', ['PHONE_NUMBER'], False),
    ('co.jp', 'ご注文 302-1234567-1234567', 'お届けが遅れて申し訳ございません。佐川急便 送り状番号 0123-4567-8901、〒060-0001', [], False),
    ('co.jp', 'ご注文 302-1234567-1234567', 'お届けが遅れて申し訳ございません 🙇', ['EMOJI'], False),
    ('com', 'Delivery update for order 113-2233445-5566778', "Hello John,\n\nI'm writing about your order 113-2233445-5566778. FedEx has informed us that the package was delayed due to severe weather in Memphis. The new estimated delivery date is Monday, June 9.\n\nTracking number: 794612345678\n\nWe apologize for the inconvenience and thank you for your patience.\n\nBest regards,\nThe Contoso Team", [], False),
    ('com', 'Your order 113-2233445-5566778', 'Hi,\n\nUnfortunately your package was lost in transit. We have issued a full refund to your original payment method; you should see it within 3-5 business days. If you would prefer a replacement instead, just reply to this message.\n\nThanks,\nContoso', [], False),
    ('com', 'Invoice for order 113-2233445-5566778', 'Dear Customer,\n\nAs requested, please find attached the invoice for your order 113-2233445-5566778.\n\nThank you for your business.\n\nSincerely,\nContoso Inc.', [], False),
    ('com', 'Product instructions - order 113-2233445-5566778', 'Hello,\n\nThank you for purchasing our espresso machine. We have attached the quick start guide and the warranty card in PDF format. Please register within 30 days to activate the 2-year warranty.\n\nRegards', [], False),
    ('com', 'Scheduling your delivery - order 113-2233445-5566778', 'Hello,\n\nYour sofa is ready for delivery. Because it is a large item, our freight partner needs to schedule an appointment. Please reply with two dates and times that work for you next week.\n\nThank you!', [], False),
    ('com', 'Please confirm your custom text - order 113-2233445-5566778', 'Hi Sarah,\n\nThank you for your order! Before we start production, please review the proof below and confirm the spelling:\n\n"Happy 40th Birthday, Mike!"\n\nIf everything looks correct, simply reply "Approved".', [], False),
    ('com', 'Order 113-2233445-5566778', "Hello,\n\nWe hope you're enjoying your new backpack. Would you take a moment to share your experience by leaving a review on Amazon? Your feedback helps other shoppers.\n\nThank you!", [], False),
    ('com', 'Order 113-2233445-5566778', 'Hi,\n\nWe noticed that your package has been delivered to the wrong address according to UPS. We have opened a claim with UPS and will send a replacement at no charge. Tracking for the replacement: 1Z999AA10123456784.', [], False),
    ('com', 'Re: Wrong size', "Hi,\n\nNo problem at all! We'll send the medium size today and you can keep the large one. Sorry for the mix-up.\n\nOn Tue, Jun 3, 2025, Amazon customer wrote:\n> I ordered a medium but got a large. Order 113-2233445-5566778.", [], True),
    ('com', 'Missed delivery - order 113-2233445-5566778', 'Hello,\n\nUSPS attempted delivery today but no one was available to sign. The package is being held at your local post office until June 12. You can schedule a redelivery at https://tools.usps.com/redelivery.\n\nKind regards', [], False),
    ('com', 'Order 113-2233445-5566778 - out of stock', "Hello,\n\nWe're sorry, but the blue version of the mug you ordered is out of stock. We can ship the green version today, or cancel the order and refund you in full. Which would you prefer?", [], False),
    ('co.uk', 'Your order 203-1234567-7654321', 'Hi there,\n\nJust a quick note: Royal Mail has told us your parcel is delayed by strike action. It should now arrive by Saturday. Tracking reference AB123456789GB.\n\nMany thanks for your patience.', [], False),
    ('de', 'Ihre Bestellung 302-1234567-1234567', 'Sehr geehrte Damen und Herren,\n\nleider hat sich die Lieferung Ihrer Bestellung verzögert. Unser Lieferant hat die Ware erst heute an uns übergeben; wir versenden morgen per DHL. Wir bitten um Ihr Verständnis.\n\nMit freundlichen Grüßen', [], False),
    ('de', 'Rechnung 302-1234567-1234567', 'Hallo Frau Müller,\n\nvielen Dank für Ihre Nachricht. Anbei erhalten Sie die gewünschte Rechnung mit ausgewiesener Mehrwertsteuer.\n\nViele Grüße', [], False),
    ('de', 'Bestellung 302-1234567-1234567 – Liefertermin', 'Guten Tag,\n\nIhre Waschmaschine wird per Spedition geliefert. Bitte teilen Sie uns mit, an welchem Tag der kommenden Woche Sie zu Hause sind, damit wir einen Termin vereinbaren können.', [], False),
    ('de', 'Bestellung 302-1234567-1234567', 'Hallo,\n\nwir hoffen, der Artikel gefällt Ihnen. Wir würden uns freuen, wenn Sie Ihre Erfahrungen in einer Bewertung auf Amazon teilen.\n\nViele Grüße', [], False),
    ('fr', 'Commande 402-1234567-1234567 : retard de livraison', "Bonjour,\n\nNous vous informons que votre colis a pris du retard chez Colissimo. Il devrait vous être livré d'ici jeudi. Nous vous prions de nous excuser pour ce désagrément.\n\nCordialement", [], False),
    ('fr', 'Facture commande 402-1234567-1234567', 'Bonjour Madame,\n\nSuite à votre demande, veuillez trouver ci-joint la facture de votre commande.\n\nNous vous remercions pour votre confiance.\n\nBien cordialement', [], False),
    ('fr', 'Commande 402-1234567-1234567', 'Bonjour,\n\nPourriez-vous partager votre expérience en laissant un avis sur Amazon ? Cela aide les autres clients.\n\nMerci et belle journée !', [], False),
    ('es', 'Pedido 405-1234567-1234567: retraso', 'Estimado cliente:\n\nLe informamos que su pedido sufrirá un retraso de dos días debido a una incidencia con la empresa de transporte. Lamentamos las molestias.\n\nAtentamente', [], False),
    ('es', 'Pedido 405-1234567-1234567', 'Hola,\n\nSu paquete se ha perdido durante el transporte. Le hemos reembolsado el importe completo. Disculpe las molestias.\n\nGracias por su comprensión.', [], False),
    ('it', 'Ordine 405-1234567-1234567: fattura', 'Gentile cliente,\n\ncome richiesto, in allegato trova la fattura del suo ordine. Grazie per aver scelto il nostro negozio.\n\nCordiali saluti', [], False),
    ('it', 'Ordine 405-1234567-1234567: consegna', 'Buongiorno,\n\nil corriere BRT ci comunica che la consegna del suo ordine è stata posticipata a lunedì a causa di uno sciopero. Ci scusiamo per il disagio.\n\nCordiali saluti', [], False),
    ('co.jp', 'ご注文 503-1234567-1234567 のお届けについて', '〇〇様\n\nいつもご利用いただきありがとうございます。\nご注文いただいた商品につきまして、メーカーからの入荷が遅れているため、発送が3日ほど遅れる見込みです。\nご迷惑をおかけしまして誠に申し訳ございません。\n\n何卒よろしくお願い申し上げます。', [], False),
    ('co.jp', 'ご注文 503-1234567-1234567 領収書', 'お客様\n\nご依頼いただいた領収書を添付いたしましたのでご確認ください。\n\n今後ともよろしくお願いいたします。', [], False),
    ('co.jp', 'ご注文 503-1234567-1234567', 'お客様\n\n商品はお手元に届きましたでしょうか。もしよろしければ、Amazonにてご感想をお聞かせいただけますと幸いです。', [], False),
    ('com.mx', 'Pedido 701-1234567-1234567', 'Hola,\n\nPara completar la entrega necesitamos el número interior de su domicilio. ¿Nos lo podría confirmar?\n\nSaludos', [], False),
    ('com', 'Order 113-2233445-5566778', "Thank you for choosing us! If you have any concerns, don't hesitate to contact us.", ['THANK_YOU_ONLY'], False),
    ('com', 'Order 113-2233445-5566778', 'We appreciate your business and look forward to serving you again.', ['THANK_YOU_ONLY'], False),
    ('com', 'Order 113-2233445-5566778', 'Your order is out for delivery today!', ['SHIPPING_CONFIRMATION_ONLY'], False),
    ('com', 'Order 113-2233445-5566778', 'Great news - your package has been dispatched via DHL. It will arrive in 2-3 days.', ['SHIPPING_CONFIRMATION_ONLY'], False),
    ('com', 'Order 113-2233445-5566778', 'Thank you for your order. If you are satisfied, please leave feedback; if something is wrong, contact us first.', ['REVIEW_CONDITIONAL'], False),
    ('com', 'Order 113-2233445-5566778', '15% off your next order with code SAVE15.', ['PROMOTION'], False),
    ('com', 'Order 113-2233445-5566778', "We'll refund you for an honest review.", ['REVIEW_INCENTIVE'], False),
    ('com', 'Order 113-2233445-5566778', 'Please update your negative review.', ['REVIEW_CHANGE'], False),
    ('com', 'Order 113-2233445-5566778', 'Your instructions are attached. Buy refills on our website!', ['OFF_AMAZON_SALE', 'PROMOTION'], False),
    ('com', 'Order 113-2233445-5566778', 'Delivered!', ['SHIPPING_CONFIRMATION_ONLY'], False),
    ('com', 'Order 113-2233445-5566778', "We'd love a 5-star review! ⭐⭐⭐⭐⭐", ['EMOJI', 'REVIEW_POSITIVE_ONLY'], False),
    ('com', 'Order 113-2233445-5566778', 'Please leave positive feedback.', ['REVIEW_POSITIVE_ONLY'], False),
    ('com', 'Order 113-2233445-5566778', 'Get a free gift when you leave a review.', ['REVIEW_INCENTIVE'], False),
    ('com', 'Order 113-2233445-5566778', 'Leave us a review and receive 20% off your next purchase.', ['PROMOTION', 'REVIEW_INCENTIVE'], False),
    ('com', 'Order 113-2233445-5566778', 'Please remove the 1-star review you posted.', ['REVIEW_CHANGE'], False),
    ('com', 'Order 113-2233445-5566778', 'Would you mind revising your feedback now that the issue is solved?', ['REVIEW_CHANGE'], False),
    ('com', 'Order 113-2233445-5566778', 'Please write in your review that delivery was fast.', ['REVIEW_DICTATED'], False),
    ('com', 'Order 113-2233445-5566778', 'Shop our full collection at our store on Amazon.', ['PROMOTION'], False),
    ('com', 'Order 113-2233445-5566778', 'Join our VIP club for exclusive discounts.', ['PROMOTION'], False),
    ('com', 'Order 113-2233445-5566778', 'Follow us on Instagram and TikTok!', ['SOCIAL_MEDIA'], False),
    ('com', 'Order 113-2233445-5566778', 'Reach us on WhatsApp at +44 7700 900123.', ['PHONE_NUMBER'], False),
    ('com', 'Order 113-2233445-5566778', 'Questions? Email help@shop-example.com', ['EMAIL_ADDRESS'], False),
    ('de', 'Bestellung 302-1234567-1234567', 'Danke für Ihren Einkauf! Bei Fragen stehen wir Ihnen jederzeit zur Verfügung.', ['THANK_YOU_ONLY'], False),
    ('de', 'Bestellung 302-1234567-1234567', 'Ihre Bestellung ist versandbereit und wird morgen verschickt.', ['SHIPPING_CONFIRMATION_ONLY'], False),
    ('de', 'Bestellung 302-1234567-1234567', 'Für eine ehrliche Rezension erhalten Sie den Artikel kostenlos.', ['REVIEW_INCENTIVE'], False),
    ('de', 'Bestellung 302-1234567-1234567', 'Bitte ändern Sie Ihre 1-Stern-Bewertung.', ['REVIEW_CHANGE'], False),
    ('de', 'Bestellung 302-1234567-1234567', 'Sichern Sie sich 15 % Rabatt auf Ihren nächsten Einkauf mit dem Code DANKE15.', ['PROMOTION'], False),
    ('de', 'Bestellung 302-1234567-1234567', 'Wenn Ihnen der Artikel gefällt, freuen wir uns über eine Bewertung.', ['REVIEW_CONDITIONAL'], False),
    ('fr', 'Commande 402-1234567-1234567', "Merci pour votre confiance ! Toute l'équipe vous souhaite une excellente journée.", ['THANK_YOU_ONLY'], False),
    ('fr', 'Commande 402-1234567-1234567', 'Si le produit vous plaît, laissez-nous un avis !', ['REVIEW_CONDITIONAL'], False),
    ('fr', 'Commande 402-1234567-1234567', 'Bénéficiez de 10 % de remise sur votre prochaine commande avec le code MERCI10.', ['PROMOTION'], False),
    ('es', 'Pedido 405-1234567-1234567', '¡Gracias por confiar en nosotros! Esperamos que disfrute de su compra.', ['THANK_YOU_ONLY'], False),
    ('es', 'Pedido 405-1234567-1234567', 'Si le ha gustado, le agradeceríamos una valoración de 5 estrellas.', ['REVIEW_CONDITIONAL', 'REVIEW_POSITIVE_ONLY'], False),
    ('es', 'Pedido 405-1234567-1234567', 'Su pedido ya está en camino.', ['SHIPPING_CONFIRMATION_ONLY'], False),
    ('it', 'Ordine 405-1234567-1234567', 'Grazie per averci scelto! Speriamo che il prodotto sia di suo gradimento.', ['THANK_YOU_ONLY'], False),
    ('it', 'Ordine 405-1234567-1234567', 'Se il prodotto le piace, ci lasci una recensione a 5 stelle.', ['REVIEW_CONDITIONAL', 'REVIEW_POSITIVE_ONLY'], False),
    ('it', 'Ordine 405-1234567-1234567', 'Il suo ordine è stato spedito.', ['SHIPPING_CONFIRMATION_ONLY'], False),
    ('co.jp', 'ご注文 503-1234567-1234567', 'ご購入ありがとうございました。またのご利用をお待ちしております。', ['THANK_YOU_ONLY'], False),
    ('co.jp', 'ご注文 503-1234567-1234567', 'ご注文の商品を発送いたしました。到着まで今しばらくお待ちください。', ['SHIPPING_CONFIRMATION_ONLY'], False),
    ('co.jp', 'ご注文 503-1234567-1234567', 'レビューを投稿していただいたお客様には、次回使える割引クーポンをプレゼント！', ['PROMOTION', 'REVIEW_INCENTIVE'], False),
    ('co.jp', 'ご注文 503-1234567-1234567', '低評価を変更していただけませんか。', ['REVIEW_CHANGE'], False),
    ('com', 'Your order 113-2233445-5566778 has shipped', 'Hi Anna,\n\nGreat news! Your order has shipped.\n\nOrder ID: 113-2233445-5566778\nCarrier: UPS\nTracking number: 1Z999AA10123456784\nEstimated delivery date: June 5\nShipping address: 12 Main St, Springfield\nSize: M, Colour: Blue\n\nThank you for shopping with us!', ['SHIPPING_CONFIRMATION_ONLY'], False),
    ('de', 'Ihre Bestellung 302-1234567-1234567 ist unterwegs', 'Hallo,\n\nIhre Bestellung wurde versendet.\nLieferadresse: Musterstr. 1, Berlin\nVoraussichtliches Lieferfenster: 10-14 Uhr\nGröße: L, Farbe: Rot\n\nVielen Dank für Ihren Einkauf!', ['SHIPPING_CONFIRMATION_ONLY'], False),
]
for i, (market, subject, text, rules, reply) in enumerate(PHRASES, 1):
    lang = {"de": "de", "fr": "fr", "es": "es", "com.mx": "es", "it": "it", "co.jp": "ja"}.get(market, "en")
    M("phrase-%03d-%s" % (i, lang), market, lang, subject, [text], rules, multipart=False, reply=reply,
      sig="--\n" + SELLERS[lang][2], cte="base64" if lang == "ja" else "quoted-printable")


# ---- sellers' own wording ----------------------------------------------------------
# Messages written the way sellers and their template tools phrase things:
# informal and formal address (du/Sie, tu/vous, tú/usted, tu/Lei), keigo,
# review requests that slip a condition or a star count into friendly
# wording, opt-outs without the word "unsubscribe", promotions without a
# percent sign, phone numbers in national formats, partial refunds offered
# as a percentage (not a promotion), tracking and company numbers that look
# like phone numbers.
M('field-de-abmelden-du', "de", "de", "Deine Bestellung {oid}",
  ["Hallo,", "deine Bestellung {oid} kommt einen Tag später.", "Du möchtest keine Nachrichten mehr von uns? Antworte "
   "einfach mit STOP."],
  ['OPT_OUT'])
M('field-de-du-5sterne', "de", "de", "Deine Bestellung {oid}",
  ["Hey,", "wir hoffen, dir gefällt dein neuer Rucksack aus Bestellung {oid}! Gib uns 5 Sterne auf Amazon – das "
   "hilft uns als kleinem Shop riesig."],
  ['REVIEW_POSITIVE_ONLY'])
M('field-de-du-code', "de", "de", "Danke für deine Bestellung {oid}",
  ["Hi,", "deine Rechnung zu Bestellung {oid} findest du im Anhang. Mit dem Code DANKE10 sparst du 10 % bei deinem "
   "nächsten Einkauf."],
  ['PROMOTION'],
  attach=[("Rechnung.pdf", "application/pdf", None)])
M('field-de-gutschein-bewertung', "de", "de", "Ihre Bestellung {oid}",
  ["Hallo,", "als kleines Dankeschön erhalten Sie nach Ihrer Bewertung einen 5 € Amazon-Gutschein von uns. "
   "Bestellung: {oid}"],
  ['REVIEW_INCENTIVE'])
M('field-de-incentive-erstattung', "de", "de", "Bestellung {oid}",
  ["Hallo,", "schreiben Sie eine Rezension zu Bestellung {oid} und wir erstatten Ihnen 20 % des Kaufpreises."],
  ['REVIEW_INCENTIVE'])
M('field-de-shop-besuchen', "de", "de", "Bestellung {oid}: Rechnung",
  ["Hallo,", "anbei die Rechnung zu Bestellung {oid}. Schauen Sie doch mal in unserem Shop vorbei – dort gibt es "
   "passendes Zubehör!"],
  ['PROMOTION'],
  attach=[("Rechnung.pdf", "application/pdf", None)])
M('field-de-telefon-0049', "de", "de", "Bestellung {oid}: Lieferproblem",
  ["Hallo,", "die Spedition konnte Ihre Bestellung {oid} nicht zustellen. Sie erreichen uns unter 0049 30 1234567."],
  ['PHONE_NUMBER'])
M('field-de-telefon-slash', "de", "de", "Bestellung {oid}: Lieferproblem",
  ["Hallo,", "die Spedition konnte Ihre Bestellung {oid} nicht zustellen. Rufen Sie uns bitte an: 089 / 12 34 56 - wir "
   "vereinbaren einen neuen Termin."],
  ['PHONE_NUMBER'])
M('field-en-dictated-quality', "com", "en", "Order {oid}",
  ["Hi,", "Would you share a review of order {oid} on Amazon? It would be great if you could talk about the build "
   "quality and how fast it arrived."],
  ['REVIEW_DICTATED'])
M('field-en-opt-out-prefer', "com", "en", "Order {oid}: update",
  ["Hello,", "Your order {oid} is delayed by a day. If you'd prefer not to receive further messages from us, just "
   "reply NO and we'll remove you from our list."],
  ['OPT_OUT'])
M('field-en-order-confirm-only', "com", "en", "We received your order {oid}",
  ["Hello,", "This is to confirm that we received your order {oid}. It will be packed and dispatched within 24 hours."],
  ['SHIPPING_CONFIRMATION_ONLY'])
M('field-en-promo-bogo', "com", "en", "Order {oid}: delay",
  ["Hello,", "Your order {oid} is delayed by a day. Sorry! For your next order, we're running a Buy 2, get 1 free "
   "deal on all filters."],
  ['PROMOTION'])
M('field-en-promo-collection', "com", "en", "Order {oid}: your invoice",
  ["Hello,", "Your invoice for order {oid} is attached. Did you know we also make matching tent footprints? Search "
   "\"Contoso footprint\" on Amazon to complete your setup!"],
  ['PROMOTION'],
  attach=[("invoice.pdf", "application/pdf", None)])
M('field-es-baja', "es", "es", "Pedido {oid}: retraso",
  ["Hola,", "Su pedido {oid} llega con retraso.", "Para no recibir más mensajes, responda BAJA."],
  ['OPT_OUT'])
M('field-es-telefono-nacional', "es", "es", "Pedido {oid}: entrega",
  ["Hola,", "No pudimos entregar su pedido {oid}. Puede llamarnos al 91 123 45 67 de lunes a viernes."],
  ['PHONE_NUMBER'])
M('field-fr-incentive-cadeau', "fr", "fr", "Votre commande {oid}",
  ["Bonjour,", "Pour vous remercier, nous vous offrons une carte cadeau de 10 € dès que vous aurez publié votre avis "
   "sur la commande {oid}."],
  ['REVIEW_INCENTIVE'])
M('field-fr-ne-souhaitez-plus', "fr", "fr", "Commande {oid} : retard",
  ["Bonjour,", "Votre commande {oid} aura un jour de retard.", "Si vous ne souhaitez plus recevoir nos messages, "
   "répondez STOP."],
  ['OPT_OUT'])
M('field-it-email-at', "it", "it", "Ordine {oid}: reso",
  ["Buongiorno,", "per il reso dell'ordine {oid} ci scriva a assistenza chiocciola litware-casa punto it."],
  ['EMAIL_ADDRESS'])
M('field-it-modifica-recensione', "it", "it", "Ordine {oid}",
  ["Buongiorno,", "ora che il problema è risolto, potrebbe gentilmente rivedere la sua recensione?"],
  ['REVIEW_CHANGE'])
M('field-it-non-desidera', "it", "it", "Ordine {oid}: ritardo",
  ["Buongiorno,", "il suo ordine {oid} arriverà domani.", "Se non desidera più ricevere i nostri messaggi, risponda STOP."],
  ['OPT_OUT'])
M('field-it-spedito-solo', "it", "it", "Il suo ordine {oid} è in arrivo",
  ["Buongiorno,", "il suo ordine {oid} è stato affidato a GLS ed è in arrivo."],
  ['SHIPPING_CONFIRMATION_ONLY'])
M('field-ja-optout', "co.jp", "ja", "ご注文 {oid} 発送遅延",
  ["お客様", "発送が1日遅れます。申し訳ございません。", "今後このようなメッセージが不要な場合は「停止」とご返信ください。"],
  ['OPT_OUT'],
  cte="base64")
M('field-ja-phone-paren', "co.jp", "ja", "ご注文 {oid} のお届けについて",
  ["お客様", "お届けができませんでした。お手数ですが 03(1234)5678 までご連絡ください。"],
  ['PHONE_NUMBER'],
  cte="base64")
M('field-de-dictated', "de", "de", "Bestellung {oid}",
  ["Hallo,", "in Ihrer Rezension zu Bestellung {oid} wäre es toll, wenn Sie die schnelle Lieferung loben würden."],
  ['REVIEW_DICTATED'])
M('field-en-dictated-stars', "com", "en", "Order {oid}",
  ["Hi,", "If you leave a review for order {oid}, please say how easy the setup was and that it arrived quickly."],
  ['REVIEW_DICTATED'])
M('field-en-shipped-tomorrow', "com", "en", "Order {oid} update",
  ["Hello,", "Just letting you know your order {oid} has been packed and handed to UPS today. You'll have it soon!"],
  ['SHIPPING_CONFIRMATION_ONLY'])
M('field-en-you-may-also-like', "com", "en", "Order {oid}: manual",
  ["Hi,", "Here's the manual for order {oid}. Customers who bought this also loved our matching pillow set!"],
  ['PROMOTION'],
  attach=[("manual.pdf", "application/pdf", PDF_MANUAL)])
M('field-es-dictated', "es", "es", "Pedido {oid}",
  ["Hola,", "En su reseña del pedido {oid}, por favor comente lo rápido que llegó el envío."],
  ['REVIEW_DICTATED'])
M('field-fr-phone-dots', "fr", "fr", "Commande {oid}",
  ["Bonjour,", "Pour le retour de la commande {oid}, appelez le 01.23.45.67.89."],
  ['PHONE_NUMBER'])
M('field-en-positive-top-marks', "co.uk", "en", "Order {oid}",
  ["Hi,", "Your order {oid} was delivered. If you could give us top marks on Amazon it would really help our small "
   "business."],
  ['REVIEW_POSITIVE_ONLY'])
M('field-fr-ca-site', "ca", "fr", "Commande {oid}",
  ["Bonjour,", "Merci pour votre commande {oid} ! Découvrez toute notre collection sur notre boutique en ligne."],
  ['PROMOTION'])
M('field-de-entwurf-feedback', "de", "de", "Bestellung {oid}: Ihr Entwurf",
  ["Hallo Frau Wagner,", "anbei der Entwurf für Ihr personalisiertes Fotobuch (Bestellung {oid}). Bitte prüfen Sie "
   "alles in Ruhe. Wenn Ihnen der Entwurf gefällt, geben Sie uns bitte kurz Feedback, dann geht er in den Druck."],
  [],
  attach=[("Entwurf.pdf", "application/pdf", pdf(["Entwurf Fotobuch"]))])
M('field-de-preisnachlass', "de", "de", "Bestellung {oid}: Kratzer am Tisch",
  ["Guten Tag,", "es tut uns leid, dass der Tisch aus Bestellung {oid} einen Kratzer hat. Wenn Sie ihn behalten "
   "möchten, bieten wir Ihnen einen Preisnachlass von 20 % an. Alternativ können Sie ihn zurücksenden und erhalten "
   "den vollen Betrag erstattet."],
  [])
M('field-en-partial-discount', "com", "en", "Order {oid}: about the dent in your lamp",
  ["Hello,", "We're sorry the lamp base arrived dented. If you'd like to keep it, we can offer you a 20% discount on "
   "this order as a partial refund. Otherwise, you're welcome to return it for a full refund. Which would you prefer?"],
  [])
M('field-en-review-photo-happy', "com", "en", "Order {oid}: the replacement colour",
  ["Hi,", "The teal cushion cover in order {oid} is sold out, sorry. Please review the photo of the sage green one "
   "below - if you're happy with it, just reply \"yes\" and we'll send it today. If not, we'll refund you."],
  [],
  html_extra='<p><img src="cid:sage@c" width="200" height="200" alt="sage green"></p>', related=[("sage@c", png(20, 20, (120, 150, 110)), "png")])
M('field-es-descuento-compensacion', "es", "es", "Pedido {oid}: la mesa rayada",
  ["Hola,", "Sentimos mucho el arañazo en la mesa de su pedido {oid}. Si decide quedársela, le ofrecemos un descuento "
   "del 20 % sobre el precio como compensación; si lo prefiere, puede devolverla y le reembolsamos el importe completo."],
  [])
M('field-fr-remise-compensation', "fr", "fr", "Commande {oid} : votre table rayée",
  ["Bonjour,", "Nous sommes désolés pour la rayure sur votre table (commande {oid}). Si vous souhaitez la garder, "
   "nous pouvons vous accorder une remise de 20 % à titre de dédommagement ; sinon, vous pouvez la retourner pour un "
   "remboursement complet."],
  [])
M('field-it-sconto-compensazione', "it", "it", "Ordine {oid}: graffio sul tavolo",
  ["Buongiorno,", "ci dispiace per il graffio sul tavolo del suo ordine {oid}. Se desidera tenerlo, possiamo offrirle "
   "uno sconto del 20% come rimborso parziale; altrimenti può restituirlo per un rimborso completo."],
  [])
M('field-de-incentive-verlosung', "de", "de", "Ihre Bestellung {oid}",
  ["Hallo,", "unter allen Kunden, die eine Rezension schreiben, verlosen wir jeden Monat einen 50-€-Gutschein."],
  ['REVIEW_INCENTIVE'])
M('field-de-newsletter', "de", "de", "Bestellung {oid}: Rechnung",
  ["Hallo,", "anbei Ihre Rechnung zu Bestellung {oid}. Melden Sie sich für unseren Newsletter an und verpassen Sie "
   "keine Angebote mehr!"],
  ['PROMOTION'],
  attach=[("Rechnung.pdf", "application/pdf", None)])
M('field-de-sie-zufrieden', "de", "de", "Ihre Bestellung {oid}",
  ["Guten Tag,", "sind Sie mit Ihrem Einkauf zufrieden? Dann freuen wir uns über Ihre Bewertung auf Amazon."],
  ['REVIEW_CONDITIONAL'])
M('field-de-telefon-hotline', "de", "de", "Bestellung {oid}",
  ["Hallo,", "bei Fragen zu Bestellung {oid} erreichen Sie unsere Hotline Mo–Fr unter 0800 / 123 45 67."],
  ['PHONE_NUMBER'])
M('field-en-incentive-entry', "com", "en", "Order {oid}",
  ["Hi,", "Everyone who leaves a product review this month is entered into our draw to win a $100 Amazon gift card!"],
  ['REVIEW_INCENTIVE'])
M('field-en-incentive-extended-warranty', "com", "en", "Order {oid}",
  ["Hi,", "Write a review on Amazon and we'll extend your warranty to 3 years for free - just send us the link to "
   "your review."],
  ['REVIEW_INCENTIVE'])
M('field-en-optout-no-more', "com", "en", "Order {oid}",
  ["Hi,", "Your order {oid} is delayed by a day.", "Don't want to hear from us? Let us know and we won't message "
   "you again."],
  ['OPT_OUT'])
M('field-en-promo-loyalty', "com", "en", "Order {oid}",
  ["Hi,", "Your replacement for order {oid} ships tomorrow. Join our newsletter for early access to new products "
   "and members-only deals."],
  ['PROMOTION'])
M('field-en-promo-new-product', "com", "en", "Order {oid}: delay",
  ["Hi,", "Order {oid} is delayed by a day, sorry. Exciting news: our new insulated lunch box just launched on "
   "Amazon - check it out!"],
  ['PROMOTION'])
M('field-es-promo-nueva', "es", "es", "Pedido {oid}: factura",
  ["Hola,", "Adjuntamos su factura. ¡No se pierda nuestra nueva colección de otoño, ya disponible en Amazon!"],
  ['PROMOTION'],
  attach=[("factura.pdf", "application/pdf", None)])
M('field-fr-promo-soldes', "fr", "fr", "Commande {oid} : facture",
  ["Bonjour,", "Voici votre facture. Profitez de nos offres exclusives : jusqu'à 30 % sur toute la gamme !"],
  ['PROMOTION'],
  attach=[("facture.pdf", "application/pdf", None)])
M('field-fr-tu-5etoiles', "fr", "fr", "Ta commande {oid}",
  ["Coucou !", "Si tu es content de ta commande, mets-nous 5 étoiles sur Amazon, ça nous aide beaucoup !"],
  ['REVIEW_CONDITIONAL', 'REVIEW_POSITIVE_ONLY'])
M('field-it-5stelle-lei', "it", "it", "Ordine {oid}",
  ["Buongiorno,", "se il prodotto la soddisfa, ci farebbe un enorme piacere ricevere cinque stelle."],
  ['REVIEW_CONDITIONAL', 'REVIEW_POSITIVE_ONLY'])
M('field-en-phone-like-ids', "com", "en", "Order {oid} - second box on the way",
  ["Hello,", "Your order {oid} shipped in two boxes and the second one was held back because of a damaged label. "
   "Here are both tracking numbers so you can match them:",
   "Box 1: USPS 9261 2901 2345 6789 01\nBox 2: USPS 9205 5000 0000 0000 0000 22\nRMA: 2025-0613-8841\nSKU: CO-4471-BLK-XL",
   "Sorry for the confusion."],
  [])
M('field-de-phone-like', "de", "de", "Bestellung {oid}: zweites Paket",
  ["Hallo,", "Ihre Bestellung {oid} wurde auf zwei Pakete aufgeteilt, weil ein Artikel aus unserem Außenlager kam. "
   "Entschuldigen Sie die Verwirrung.",
   "Paket 1: DHL 0034 0434 1612 3456 7890\nPaket 2: DPD 0150 1234 5678 90\nRetourenschein-Nr.: 0815 4711 0815",
   "Lieferung voraussichtlich am 12.06.2025."],
  [])
M('field-en-tracking-variants', "com", "en", "Order {oid}: three parcels, three carriers",
  ["Hello,", "Because of a stock problem at our main warehouse, your order {oid} was split into three parcels. "
   "Sorry for the confusion! Here are the details:",
   "Amazon Logistics: TBA304567890123\nOnTrac: D10012345678901\nUSPS: 420 98101 9205 5901 6491 7312 3456 78",
   "Ship-from ZIP: 98101-1234. Total refund for the late item: $12.49."],
  [])
M('field-it-piva', "it", "it", "Ordine {oid}: ritardo",
  ["Buongiorno,", "il suo ordine {oid} subirà un ritardo di due giorni per uno sciopero dei corrieri. Ci scusiamo."],
  [],
  sig="Cordiali saluti,\nLitware Casa S.r.l.\nVia Roma 1, 20121 Milano\nP.IVA 01234567890")
M('field-fr-signature-legale', "fr", "fr", "Commande {oid} : retard",
  ["Bonjour,", "Votre commande {oid} a deux jours de retard à cause d'une grève des transporteurs. Toutes nos excuses."],
  [],
  sig="Cordialement,\nTailspin Maison SAS au capital de 10 000 €\nRCS Paris 123 456 789 – SIRET 123 456 789 00012\n"
      "12 rue de la Paix, 75002 Paris")
M('field-de-impressum', "de", "de", "Bestellung {oid}: Lieferverzögerung",
  ["Guten Tag,", "Ihre Bestellung {oid} verzögert sich wegen eines Lieferengpasses beim Hersteller um etwa eine "
   "Woche. Wir bitten um Entschuldigung. Bei Fragen stehen wir Ihnen gerne zur Verfügung."],
  [],
  sig="Mit freundlichen Grüßen\nFabrikam Haushaltswaren GmbH\nGeschäftsführer: Max Mustermann\nMusterstraße 12, 10115 Berlin\n"
      "Amtsgericht Charlottenburg HRB 123456 B\nUSt-IdNr.: DE123456789\nSteuernummer: 27/123/45678")
M('field-ja-review-neutral', "co.jp", "ja", "ご注文 {oid} の商品について",
  ["お客様", "先日お届けいたしました商品はいかがでしょうか。お時間がございましたら、Amazonにて商品レビューをご投稿いただけますと幸いです。"],
  [],
  cte="base64")
M('field-es-opinion-neutral-tu', "es", "es", "Tu pedido {oid}",
  ["¡Hola Pablo!", "Tu pedido {oid} llegó hace unos días. Si tienes un momento, ¿te importaría dejar tu opinión en "
   "Amazon? Ayuda a otros compradores."],
  [])
M('field-en-request-review-amazon', "com", "en", "Your opinion matters! Share your experience with order {oid}",
  ["Hello,", "Your order {oid} was recently delivered. Amazon customers value your opinion: if you have a moment, "
   "would you share your experience on Amazon?",
   "You can write a product review or leave seller feedback from Your Orders."],
  [])
M('field-en-happy-help-parts', "co.uk", "en", "Re: Missing screws - order {oid}",
  ["Hi Tom,", "Happy to help! The screw pack (part no. 88-1021-3) for your bookshelf is going out today by Royal Mail "
   "Tracked 48. Tracking: " + RM_URL, "Apologies for the missing parts."],
  [],
  quoted="Hi, my bookshelf from order {oid} came without the small screws for the back panel. Can you send them?")
M('field-en-satisfaction-replacement', "com", "en", "Order {oid}: replacement sent",
  ["Hello,", "We have sent a new pump for order {oid} as the first one was faulty. If you're not satisfied with the "
   "replacement, just reply and we'll refund you instead.", "Thanks for your patience!"],
  [])
M('field-ja-address', "co.jp", "ja", "ご注文 {oid} お届け先住所のご確認",
  ["お客様", "配送業者より、お届け先のご住所に部屋番号が記載されていないため配達できないとの連絡がありました。"
   "お手数ですが、部屋番号をご返信いただけますでしょうか。", "〒150-0001 東京都渋谷区神宮前1-2-3"],
  [],
  cte="base64")
M('field-fr-avis-neutre', "fr", "fr", "Votre commande {oid}",
  ["Bonjour,", "Votre commande {oid} vous a été livrée il y a quelques jours. Si vous avez un moment, pourriez-vous "
   "partager votre expérience en laissant un avis sur Amazon ? Cela aide les autres clients."],
  [])
M('field-en-tracking-numbers-dense', "com", "en", "Order {oid}: carrier switched",
  ["Hello,", "The original carrier lost the label on your order {oid}, so we re-sent it with FedEx.",
   "New FedEx tracking: 7749 8812 3366\nOld UPS number (no longer valid): 1Z 999 AA1 01 2345 6784\nReference: "
   "PO 4500012345", "Sorry about the mix-up!"],
  [])
M('field-enc-zero-width-promo', "com", "en", "Order {oid}: invoice",
  ["Hello,", "Invoice for order {oid} attached. Use code SA\u200bVE20 for 20% o\u200bff your next pur\u200bchase."],
  ['PROMOTION'],
  attach=[("invoice.pdf", "application/pdf", None)])
M('field-en-punycode', "com", "en", "Order {oid}: return",
  ["Hello,", "To start your return for order {oid}, go to https://www.\u0430mazon.com/returns (sorry for the damage)."],
  ['LINK_HOST_NOT_ALLOWED'])



def main():
    os.makedirs(OUT, exist_ok=True)
    for f in os.listdir(OUT):
        if f.endswith(".eml"):
            os.unlink(os.path.join(OUT, f))
    names = set()
    lines = ["# file\taction\trules\trcpt"]
    for idx, s in enumerate(SPECS):
        if s.name in names:
            sys.exit("duplicate message name " + s.name)
        names.add(s.name)
        for r in s.rules:
            if r not in ACTIONS:
                sys.exit("%s: unknown rule %s" % (s.name, r))
        oid = s.kw.get("oid") or order_id(s.name, s.kw.get("digital", False))
        atts = []
        for att in s.kw.get("attach", []):
            att = list(att)
            att[0] = att[0].replace("{oid}", oid)
            if att[2] is None:
                att[2] = PDF_INVOICE(oid)
            atts.append(tuple(att))
        s.kw["attach"] = atts
        data, rcpt = build(s, idx)
        fname = "%03d-%s.eml" % (idx + 1, s.name)
        with open(os.path.join(OUT, fname), "wb") as fh:
            fh.write(data)
        lines.append("%s\t%s\t%s\t%s" % (fname, expected_action(s.rules), ",".join(s.rules) or "-", rcpt))
    with open(os.path.join(HERE, "labels.tsv"), "w") as fh:
        fh.write("\n".join(lines) + "\n")
    print("%d messages in %s" % (len(SPECS), os.path.relpath(OUT)))


if __name__ == "__main__":
    main()
