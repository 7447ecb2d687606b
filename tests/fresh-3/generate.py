#!/usr/bin/env python3
"""Labelled test set of seller-to-buyer messages (Amazon Buyer-Seller Messaging).

Standard library only, fixed seed: running it twice gives byte-identical output.
Writes messages/NAME.eml and labels.tsv next to this script.

Each message carries exactly one family. ok families are hard negatives (look risky,
are allowed); bad families carry exactly one violation.
"""
import datetime
import email.utils
import html
import io
import os
import random
import shutil
import zipfile
from email.message import EmailMessage
from email.policy import SMTP

SEED = 20261207
HERE = os.path.dirname(os.path.abspath(__file__))

OK_FAMILIES = {
    "neutral_review_request", "free_replacement", "lost_package_refund", "seller_cancelled",
    "tracking_number", "delivery_reschedule", "warranty", "invoice", "product_name_gift",
    "return_instructions", "custom_design", "question",
}
BAD_FAMILIES = {
    "cancel_request", "personal_data_request", "off_amazon_sale", "offensive",
    "review_incentive", "review_conditional", "review_manipulation", "promotion",
    "thank_you_only", "confirmation_only", "external_link", "email_address", "phone_number",
    "social_media", "opt_out_link", "emoji", "missing_order_id", "attachment", "tracking_pixel",
}

# Order-ID prefixes that look like the real ones per marketplace.
OID_PREFIX = {
    "com": ["111", "112", "113", "114"], "co.uk": ["202", "203", "204", "205", "206"],
    "ca": ["701", "702"], "de": ["302", "303", "304", "305", "306"],
    "fr": ["402", "403", "404", "405", "407"], "com.be": ["408", "407", "171"],
    "es": ["402", "403", "405", "406", "408"], "com.mx": ["701", "702"],
    "it": ["402", "403", "404", "405", "406", "171"], "co.jp": ["249", "250", "503", "503"],
    "nl": ["408", "171", "402"], "pl": ["403", "404", "171"], "se": ["404", "405", "171"],
    "com.tr": ["407", "408", "171"], "com.br": ["701", "702"],
    "ae": ["171", "402", "403"], "sa": ["171", "406", "407"], "eg": ["171", "405", "408"],
}
TZ = {
    "com": -5, "co.uk": 0, "ca": -5, "de": 1, "fr": 1, "com.be": 1, "es": 1, "com.mx": -6,
    "it": 1, "co.jp": 9, "nl": 1, "pl": 1, "se": 1, "com.tr": 3, "com.br": -3,
    "ae": 4, "sa": 3, "eg": 2,
}

MESSAGES = []  # filled by the language blocks below


def m(lang, slug, market, fam, frm, subj, body, **opt):
    """Register one message.

    frm  -- "local@domain|Display Name"
    body -- plain text; {oid} is replaced by a generated order ID
    opt  -- html=True (multipart/alternative with a generated HTML part),
            html_body="..." (explicit HTML, {oid} replaced), pixel="https://..." (1x1 image),
            att=[(kind, filename), ...] kind in pdf_invoice, pdf_warranty, pdf_instructions,
            zip, exe, docm, js, exe_pdf.
            oid="..." to force a particular order id style (e.g. digital D01-...).
    """
    assert fam in OK_FAMILIES or fam in BAD_FAMILIES, fam
    assert market in OID_PREFIX, market
    if fam == "missing_order_id":
        assert "{oid}" not in body and "{oid}" not in subj
    else:
        assert "{oid}" in body or "{oid}" in subj, (lang, slug)
    MESSAGES.append(dict(lang=lang, slug=slug, market=market, fam=fam, frm=frm, subj=subj,
                         body=body, opt=opt))


# --------------------------------------------------------------------------- attachments

def _pdf(title, lines):
    """A small, structurally valid one-page PDF (ASCII text, Helvetica)."""
    def esc(s):
        s = s.encode("ascii", "replace").decode("ascii")
        return s.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
    content = ["BT", "/F1 16 Tf", "50 790 Td", "(%s) Tj" % esc(title), "/F1 10 Tf"]
    for ln in lines:
        content += ["0 -16 Td", "(%s) Tj" % esc(ln)]
    content.append("ET")
    stream = "\n".join(content).encode("ascii")
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Title (" + esc(title).encode("ascii") + b") /Producer (shop-docs 2.3) "
        b"/CreationDate (D:20261102101500Z) >>",
    ]
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, o in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + o + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += (b"trailer\n<< /Size %d /Root 1 0 R /Info 6 0 R >>\nstartxref\n%d\n%%%%EOF\n"
            % (len(objs) + 1, xref))
    return bytes(out)


def _zip(members):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in members:
            zi = zipfile.ZipInfo(name, date_time=(2026, 11, 2, 9, 30, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            z.writestr(zi, data)
    return buf.getvalue()


def _exe():
    dos = bytearray(128)
    dos[0:2] = b"MZ"
    dos[2:4] = b"\x90\x00"
    dos[0x3C:0x40] = (0x80).to_bytes(4, "little")
    stub = b"This program cannot be run in DOS mode.\r\r\n$"
    dos[0x4E:0x4E + len(stub)] = stub
    pe = bytearray(b"PE\x00\x00")
    pe += (0x14C).to_bytes(2, "little") + (1).to_bytes(2, "little") + bytes(16)
    pe += bytes(512 - len(pe))
    return bytes(dos) + bytes(pe)


def attachment_bytes(kind, shop, oid, rng):
    ref = "%s/%d" % (shop.split(".")[0].upper()[:6], rng.randrange(10000, 99999))
    if kind == "pdf_invoice":
        amount = "%d.%02d" % (rng.randrange(12, 480), rng.randrange(100))
        return "application", "pdf", _pdf("INVOICE " + ref, [
            "Seller: " + shop, "Amazon order ID: " + oid,
            "Invoice date: 2026-11-0%d" % rng.randrange(1, 9),
            "Net amount: " + amount, "VAT included as shown on the order",
            "Payment: settled via Amazon Payments"])
    if kind == "pdf_warranty":
        return "application", "pdf", _pdf("WARRANTY CERTIFICATE", [
            "Product sold by " + shop, "Order: " + oid, "Warranty period: 24 months",
            "Keep this document together with the invoice.",
            "Claims: manufacturer service, see conditions overleaf."])
    if kind == "pdf_instructions":
        return "application", "pdf", _pdf("INSTRUCTIONS FOR USE", [
            "Order: " + oid, "1. Unpack all parts and check them against the list.",
            "2. Assemble on a flat surface.", "3. Tighten the screws only by hand.",
            "4. Read the safety notes before first use."])
    if kind == "zip":
        return "application", "zip", _zip([
            ("manual/README.txt", b"Manual and photos for order " + oid.encode()),
            ("manual/setup.pdf", _pdf("SETUP", ["Order " + oid]))])
    if kind == "docm":
        return ("application", "vnd.ms-word.document.macroEnabled.12", _zip([
            ("[Content_Types].xml", b'<?xml version="1.0" encoding="UTF-8"?><Types xmlns='
             b'"http://schemas.openxmlformats.org/package/2006/content-types"/>'),
            ("word/document.xml", b"<w:document/>"),
            ("word/vbaProject.bin", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(56))]))
    if kind == "exe":
        return "application", "x-msdownload", _exe()
    if kind == "exe_pdf":  # an executable that pretends to be a PDF
        return "application", "pdf", _exe()
    if kind == "js":
        return "application", "javascript", (
            b"// order form helper\nvar o='" + oid.encode() + b"';\nWScript.Echo(o);\n")
    if kind == "html":
        return "text", "html", (
            b"<html><body><form action='https://pay.example/' method='post'>"
            b"<input name='order' value='" + oid.encode() + b"'></form></body></html>")
    raise ValueError(kind)


# --------------------------------------------------------------------------- rendering

def to_html(text, lang):
    paras = [p for p in text.split("\n\n") if p.strip()]
    d = ' dir="rtl"' if lang == "ar" else ""
    parts = ['<!DOCTYPE html>', '<html lang="%s"%s>' % (lang, d),
             '<head><meta charset="utf-8"></head>', "<body>"]
    for p in paras:
        parts.append("<p>" + "<br>\n".join(html.escape(x) for x in p.split("\n")) + "</p>")
    return parts


def build(item, idx, rng):
    market, lang = item["market"], item["lang"]
    opt = item["opt"]
    oid = opt.get("oid") or "%s-%07d-%07d" % (
        rng.choice(OID_PREFIX[market]), rng.randrange(10 ** 7), rng.randrange(10 ** 7))
    local, _, disp = item["frm"].partition("|")
    domain = local.split("@", 1)[1]
    alias_len = rng.choice([13, 14, 15, 15, 15, 16])
    alias = "".join(rng.choice("abcdefghijklmnopqrstuvwxyz0123456789") for _ in range(alias_len))
    rcpt_domain = "marketplace.amazon." + market
    if market == "co.jp" and rng.random() < 0.4:
        rcpt_domain = "m.marketplace.amazon.co.jp"
    tz = datetime.timezone(datetime.timedelta(hours=TZ[market]))
    when = datetime.datetime(2026, 10, 26, 7, 0, tzinfo=tz) + datetime.timedelta(
        days=rng.randrange(0, 35), minutes=rng.randrange(0, 13 * 60), seconds=rng.randrange(60))
    body = item["body"].replace("{oid}", oid)
    subj = item["subj"].replace("{oid}", oid)

    msg = EmailMessage(policy=SMTP)
    msg["From"] = email.utils.formataddr((disp, local)) if disp else local
    msg["To"] = "%s@%s" % (alias, rcpt_domain)
    msg["Subject"] = subj
    msg["Date"] = email.utils.format_datetime(when)
    msg["Message-ID"] = "<%s.%d@%s>" % (
        "".join(rng.choice("0123456789abcdef") for _ in range(20)), idx, domain)
    msg["MIME-Version"] = "1.0"
    msg.set_content(body if body.endswith("\n") else body + "\n", charset="utf-8")

    want_html = opt.get("html") or opt.get("html_body") or opt.get("pixel")
    if want_html:
        if opt.get("html_body"):
            h = opt["html_body"].replace("{oid}", oid)
        else:
            parts = to_html(body, lang)
            if opt.get("pixel"):
                parts.append('<img src="%s" width="1" height="1" alt="" '
                             'style="display:block;border:0">' % opt["pixel"].replace("{oid}", oid))
            parts.append("</body></html>")
            h = "\n".join(parts) + "\n"
        msg.add_alternative(h, subtype="html", charset="utf-8")
    for kind, fname in opt.get("att", []):
        maintype, subtype, data = attachment_bytes(kind, domain, oid, rng)
        msg.add_attachment(data, maintype=maintype, subtype=subtype,
                           filename=fname.replace("{oid}", oid))
    # deterministic MIME boundaries; MIME-Version only on the top level
    n = 0
    for part in msg.walk():
        if part is not msg and "MIME-Version" in part:
            del part["MIME-Version"]
        if part.is_multipart():
            n += 1
            part.set_boundary("=_b%d_%04d_%s" % (n, idx, "%08x" % rng.getrandbits(32)))
    return msg


# --------------------------------------------------------------------------- data
# Each language block defines its messages with m(LANG, ...).

# ---------------------------------------------------------------- English (com, co.uk, ca)
L = "en"
m(L, "delay-freight", "com", "tracking_number",
  "support@ridgelinegear.example|Ridgeline Gear Support",
  "Delay on your order {oid}",
  """Hi there,

Quick heads-up about order {oid}. The freight carrier (Estes) held the pallet at their Columbus terminal over the weekend because of a trailer shortage, so delivery will slip by about two business days.

The PRO / freight number is 0781245536 if you want to follow it on the carrier's site. Nothing else is needed from you.

Sorry for the wait,
Dana
Ridgeline Gear Support""")

m(L, "review-neutral", "com", "neutral_review_request",
  "orders@harborlanehome.example|Harbor Lane Home",
  "Order {oid}: share your experience?",
  """Hello,

Thanks for your recent purchase (order {oid}).

Would you share your experience with the product by leaving a review on Amazon? Your review helps other customers make better purchasing decisions.

Best regards,
Harbor Lane Home""", html=True)

m(L, "free-replacement-cracked", "co.uk", "free_replacement",
  "customercare@thornbury-kitchen.example|Thornbury Kitchen",
  "Re: Cracked lid - order {oid}",
  """Hi Mrs Patel,

Really sorry to hear the glass lid arrived cracked. That shouldn't happen, and it's clearly down to the packing on our side.

We've sent out a free replacement lid today under the same order ({oid}); it's boxed in double-wall cardboard this time. No need to send the broken one back, please just dispose of it carefully.

It should be with you by Thursday. Shout if there's anything else.

Kind regards,
Tom
Thornbury Kitchen""")

m(L, "lost-parcel-refund", "co.uk", "lost_package_refund",
  "help@pebbleandfern.example|Pebble & Fern",
  "Your parcel for order {oid}",
  """Dear customer,

Royal Mail have now confirmed that the parcel for order {oid} was lost in their network. We are very sorry about this.

We have issued a full refund through Amazon today. It normally shows on your original payment method within 3 to 5 working days, and you don't need to do anything.

Apologies again for the trouble.

Pebble & Fern""")

m(L, "oos-cancelled", "com", "seller_cancelled",
  "service@brightwatt-tools.example|BrightWatt Tools",
  "Order {oid} has been cancelled - item out of stock",
  """Hello,

Unfortunately the 20V impact driver kit you ordered turned out to be out of stock; our warehouse count was wrong and we only found out at picking.

We have cancelled your order {oid} on our end and you will not be charged. If a pending authorisation shows on your card, it drops off automatically within a few days.

We apologize for the inconvenience.

BrightWatt Tools customer service""")

m(L, "sofa-delivery-slot", "ca", "delivery_reschedule",
  "delivery@maplecrestfurniture.example|Maplecrest Furniture",
  "Scheduling delivery of your sectional - order {oid}",
  """Hi,

Your 3-piece sectional (order {oid}) has reached our Mississauga depot. Because it ships on a pallet and needs two people, the courier books a delivery window with you in advance.

Could you reply with which of these days works: Tuesday Nov 10, Wednesday Nov 11 or Friday Nov 13? Deliveries run 8am-12pm or 12pm-5pm, so let us know the half-day you prefer too.

Also, is there an elevator or will the crew need to use stairs? That helps them plan.

Thanks,
Marc, Maplecrest delivery team""")

m(L, "warranty-hotline", "com", "warranty",
  "support@coastalbrew.example|Coastal Brew Co.",
  "Warranty info for order {oid}",
  """Hi Jason,

Sorry the grinder stopped working after three weeks. The unit from order {oid} is covered by the manufacturer's 2-year warranty, so the quickest route is the Baratza service line at 1-866-555-0143 (Mon-Fri, 9-5 PT). They usually ship a replacement motor board directly.

I've attached the warranty card in case they ask for it.

Cheers,
Leah
Coastal Brew Co.""", att=[("pdf_warranty", "Warranty_Card.pdf")])

m(L, "invoice-pdf", "co.uk", "invoice",
  "accounts@fenwickoffice.example|Fenwick Office Supplies",
  "VAT invoice for order {oid}",
  """Good morning,

As requested, please find attached the VAT invoice for your order {oid}.

If your finance team needs the company name or VAT number changing on it, just reply with the correct details and we'll reissue it.

Many thanks,
Accounts Team
Fenwick Office Supplies""", att=[("pdf_invoice", "Invoice_{oid}.pdf")])

m(L, "gift-box-delay", "com", "product_name_gift",
  "hello@willowandwick.example|Willow & Wick",
  "About your Free Spirit Candle Gift Set (order {oid})",
  """Hi!

Just letting you know that the "Free Spirit Candle Gift Set - Bonus 3-Pack" from order {oid} is leaving our workshop a day later than planned. The wax needed an extra curing day because of the humidity this week.

It'll ship tomorrow and should still arrive before the weekend.

Sorry for the small delay,
Marisa at Willow & Wick""")

m(L, "return-label-q", "ca", "return_instructions",
  "returns@northpeakoutdoor.example|North Peak Outdoor",
  "Your return request for order {oid}",
  """Hello,

We received your return request for the hiking boots in order {oid}. Before we can issue the prepaid label, we need to know one thing: are the boots unworn with the tags still attached, or have they been worn outside?

If they're unworn we'll send a Canada Post label through Amazon's returns centre. If they've been worn, we can offer a partial refund of 30% instead, and you keep the boots - whichever you prefer.

Thanks,
North Peak Outdoor Returns""")

m(L, "engraving-proof", "com", "custom_design",
  "studio@oakandinkstudio.example|Oak & Ink Studio",
  "Design proof for your cutting board - order {oid}",
  """Hi Rebecca,

Here's the proof for your engraved walnut board (order {oid}) before we burn it:

- Top line: "The Hendersons" in the Amsterdam script font, 6 inches wide
- Bottom line: "Est. 2019" in small caps, centred underneath
- No border

Please check the spelling carefully and reply "approved" or tell us what to change. We won't start engraving until we hear back from you.

Thank you!
Chris, Oak & Ink Studio""")

m(L, "need-ring-size", "co.uk", "question",
  "orders@silverlarkjewellery.example|Silver Lark Jewellery",
  "Quick question about order {oid}",
  """Hi,

Thank you for ordering the personalised stacking ring (order {oid}). The size field on the order came through blank, so we can't start making it yet.

Could you reply with your UK ring size (e.g. L, N 1/2) and the initials you'd like stamped, maximum three letters?

Best wishes,
Hannah""")

# --- violations
m(L, "please-cancel-oos", "com", "cancel_request",
  "support@peakvaluesupply.example|Peak Value Supply",
  "Order {oid} - stock issue",
  """Hi,

We're sorry but the blender you ordered (order {oid}) is currently out of stock and our supplier can't give us a date.

Could you please go to Your Orders and request a cancellation from your side? That way it goes through faster and it doesn't hurt our seller metrics. Thanks a lot for understanding.

Peak Value Supply""")

m(L, "id-copy-verification", "co.uk", "personal_data_request",
  "verify@camdenelectricals.example|Camden Electricals",
  "Action needed on order {oid}",
  """Hello,

Thank you for your order {oid} for the 65-inch TV.

For high-value orders our insurer asks us to verify the buyer before dispatch. Please reply with a clear photo of your passport or driving licence and your date of birth, and we'll release the parcel the same day.

Regards,
Camden Electricals Dispatch""")

m(L, "paypal-restock", "com", "off_amazon_sale",
  "mike@lonestarpartsdepot.example|Lone Star Parts Depot",
  "Re: Order {oid} - more headlights",
  """Hey,

Glad the headlight assembly from order {oid} fit your truck. About your question on the matching fog lights: we don't have them listed on Amazon, but I can sell them to you direct for $89 shipped.

Just send the money by PayPal Friends & Family and I'll ship the same day. Saves us both the Amazon fees.

Mike""")

m(L, "rude-return", "com", "offensive",
  "returns@bargainbinhq.example|BargainBin HQ",
  "Re: return for order {oid}",
  """Look, we've already explained this twice. The charger in order {oid} works fine, you clearly plugged it into a dead socket.

Honestly, people like you are the reason sellers hate this job. Stop wasting our time with this garbage, and don't bother writing again unless you've actually read the instructions, genius.

BargainBin HQ""")

m(L, "review-for-giftcard", "com", "review_incentive",
  "care@glowpetsupply.example|Glow Pet Supply",
  "Your order {oid} - a small thank you",
  """Hi,

We hope your pup is loving the orthopedic bed from order {oid}!

As a small family business, reviews mean everything to us. Leave a review on Amazon and send us a screenshot, and we'll send you a $10 Amazon gift card as a thank-you.

Warmly,
The Glow Pet Supply family""")

m(L, "if-happy-review", "co.uk", "review_conditional",
  "info@brambledeli.example|Bramble Deli Hampers",
  "How was your hamper? Order {oid}",
  """Dear Mr Collins,

We hope the Christmas hamper from order {oid} arrived safely and was enjoyed.

If you were pleased with it, we would be very grateful for a review on Amazon. If anything was not quite right, please do contact us first before leaving feedback so we have the chance to put it right.

With best wishes,
Bramble Deli""")

m(L, "change-review", "ca", "review_manipulation",
  "support@truenorthphonecases.example|True North Cases",
  "Regarding your review - order {oid}",
  """Hi Sarah,

We saw your 2-star review for the phone case from order {oid}. We completely understand the colour was a bit different from the photos, and we've now issued the partial refund you asked for.

Since the issue has been sorted out, would you mind updating your review or removing it? It would really help our small shop.

Thank you so much,
Amir""")

m(L, "coupon-next-order", "com", "promotion",
  "hello@sunnysidesnacks.example|Sunnyside Snacks",
  "About your order {oid}",
  """Hi!

Your variety box from order {oid} should be with you by now - we hope the new maple pecan bars are a hit.

By the way, our new keto range just launched on Amazon. Use code SUNNY15 for 15% off your next order of any of our snack boxes, valid until the end of the month.

Happy snacking!
Sunnyside Snacks""")

m(L, "thanks-only", "co.uk", "thank_you_only",
  "team@littlehoundtoys.example|Little Hound Toys",
  "Thank you! (Order {oid})",
  """Hello,

Just a short note to say a big thank you for your order {oid}. We're a small team in Leeds and every order really does make our day.

All the best,
The Little Hound Toys team""")

m(L, "shipped-confirmation", "com", "confirmation_only",
  "shipping@evergreenlinen.example|Evergreen Linen",
  "Your order {oid} has shipped",
  """Hello,

Good news: your order {oid} has shipped and is on its way to you. It left our warehouse this morning.

Evergreen Linen""")

m(L, "setup-video-link", "ca", "external_link",
  "support@frostbytesmarthome.example|FrostByte Smart Home",
  "Setting up your thermostat - order {oid}",
  """Hi,

Thanks for choosing the FB-200 thermostat (order {oid}). A few customers have had trouble with the C-wire step, so we put together a short walkthrough.

You'll find the video and a wiring diagram here: https://www.frostbytesmarthome.example/setup/fb200

If the display still doesn't power on after that, reply here and we'll sort it out.

FrostByte Support""", html=True)

m(L, "email-photos", "co.uk", "email_address",
  "support@kestreldecor.example|Kestrel Decor",
  "Re: damaged mirror, order {oid}",
  """Hi Laura,

I'm sorry to hear the mirror from order {oid} arrived with a chipped corner. We'll certainly replace it.

To speed things up, could you email two or three photos of the damage and the box to claims@kestreldecor.example? Our courier needs them for the insurance claim, and as soon as they're in we'll dispatch a new mirror.

Kind regards,
Ellie
Kestrel Decor""")

m(L, "call-our-line", "com", "phone_number",
  "service@summitfitnessco.example|Summit Fitness Co",
  "Assembly help for order {oid}",
  """Hi Derek,

Sorry the treadmill console isn't lining up with the uprights (order {oid}). It's usually the left bolt being tightened too early.

Easiest thing is to give our assembly team a call at (512) 555-0187, Mon-Sat 8am-6pm Central, and they'll walk you through it in about ten minutes.

Thanks for your patience,
Summit Fitness""")

m(L, "instagram-handle", "ca", "social_media",
  "hi@auroraknitworks.example|Aurora Knitworks",
  "Care tips for your blanket - order {oid}",
  """Hi Jen,

Your merino throw from order {oid} should arrive Monday. A quick care tip: cold wash on the wool cycle and dry it flat, never in the dryer.

We post more care guides and behind-the-scenes from the studio on Instagram @auroraknitworks - come say hi!

Cozy regards,
Aurora Knitworks""")

# ---------------------------------------------------------------- German (de)
L = "de"
m(L, "spedition-avis", "de", "tracking_number",
  "versand@moebelwerk-hansen.example|Möbelwerk Hansen",
  "Lieferverzögerung zu Ihrer Bestellung {oid}",
  """Sehr geehrte Kundin, sehr geehrter Kunde,

leider hat sich die Zustellung Ihres Kleiderschranks (Bestellung {oid}) verzögert. Die Spedition Hellmann hat die Sendung wegen eines Fahrzeugausfalls erst heute im Umschlaglager Kassel übernommen.

Ihre Sendungsnummer bei Hellmann lautet 4027781930. Die Spedition meldet sich in den nächsten Tagen telefonisch bei Ihnen, um einen Termin abzustimmen.

Wir bitten die Verzögerung zu entschuldigen.

Mit freundlichen Grüßen
Ihr Team von Möbelwerk Hansen""")

m(L, "bewertung-neutral", "de", "neutral_review_request",
  "service@kaffeeroesterei-lindner.example|Kaffeerösterei Lindner",
  "Ihre Meinung zu Bestellung {oid}",
  """Hallo,

vielen Dank für Ihren Einkauf bei uns (Bestellung {oid}).

Würden Sie Ihre Erfahrungen mit dem Produkt teilen und eine Rezension auf Amazon hinterlassen? Ihre Bewertung hilft anderen Kundinnen und Kunden bei der Kaufentscheidung.

Viele Grüße aus Bamberg
Kaffeerösterei Lindner""")

m(L, "ersatz-kostenlos", "de", "free_replacement",
  "kundenservice@gartenfreund24.example|Gartenfreund24",
  "AW: Schlauchtrommel defekt - {oid}",
  """Hallo Herr Brandt,

danke für die Fotos, da ist eindeutig die Kurbel gebrochen. Das tut uns leid.

Wir schicken Ihnen kostenlos eine komplett neue Schlauchtrommel zu, sie geht morgen mit DHL raus. Die defekte müssen Sie nicht zurückschicken, Sie können sie einfach über den Wertstoffhof entsorgen.

Da im ersten Paket die Montageanleitung für die Wandhalterung fehlte, hängen wir sie Ihnen hier als PDF an.

Bei Rückfragen einfach hier antworten und die Bestellnummer {oid} angeben.

Beste Grüße
Jana vom Gartenfreund24-Team""", att=[("pdf_instructions", "Montageanleitung_Wandhalterung.pdf")])

m(L, "paket-verloren", "de", "lost_package_refund",
  "info@buchhandlung-seeberg.example|Buchhandlung Seeberg",
  "Ihre Sendung zu Bestellung {oid}",
  """Guten Tag,

Hermes hat uns heute bestätigt, dass das Paket mit Ihrer Bestellung {oid} als verloren gilt. Das ist ärgerlich, und wir entschuldigen uns dafür.

Wir haben Ihnen den vollen Kaufpreis bereits über Amazon erstattet. Die Gutschrift sollte in wenigen Tagen auf Ihrem Konto bzw. Ihrer Karte sichtbar sein.

Freundliche Grüße
Buchhandlung Seeberg""")

m(L, "storniert-ausverkauft", "de", "seller_cancelled",
  "shop@elektro-kramer.example|Elektro Kramer",
  "Stornierung Ihrer Bestellung {oid}",
  """Sehr geehrte Damen und Herren,

leider müssen wir Ihnen mitteilen, dass der bestellte Akku-Rasenmäher derzeit nicht mehr lieferbar ist. Der Hersteller hat die Lieferung an uns kurzfristig abgesagt.

Wir haben Ihre Bestellung {oid} daher storniert. Eine Belastung Ihres Kontos erfolgt nicht.

Wir bedauern die Unannehmlichkeiten.

Mit freundlichen Grüßen
Elektro Kramer GmbH""")

m(L, "liefertermin-waschmaschine", "de", "delivery_reschedule",
  "disposition@weissware-direkt.example|Weißware Direkt",
  "Terminabstimmung Lieferung Waschmaschine - Bestellung {oid}",
  """Hallo Frau Özdemir,

Ihre Waschmaschine aus der Bestellung {oid} ist bei unserem Partnerlager eingetroffen. Da es sich um eine Zwei-Mann-Lieferung bis in die Wohnung handelt, müssen wir einen Termin mit Ihnen vereinbaren.

Möglich wären Dienstag, 17.11., oder Donnerstag, 19.11., jeweils zwischen 8 und 13 Uhr. Passt Ihnen einer der Termine?

Bitte teilen Sie uns außerdem mit, in welchem Stockwerk Sie wohnen und ob ein Aufzug vorhanden ist.

Viele Grüße
Ihre Disposition von Weißware Direkt""")

m(L, "garantie-hersteller", "de", "warranty",
  "support@klangfabrik-audio.example|Klangfabrik Audio",
  "Garantieabwicklung Kopfhörer, Bestellung {oid}",
  """Hallo,

schade, dass der linke Ohrhörer keinen Ton mehr gibt. Ihr Gerät aus Bestellung {oid} hat noch 24 Monate Herstellergarantie.

Am schnellsten geht es über die Service-Hotline des Herstellers unter 0800 555 3170 (kostenfrei, Mo-Fr 8-18 Uhr). Dort bekommen Sie direkt ein Rücksendeetikett. Das Garantiezertifikat haben wir Ihnen angehängt.

Gruß
Tobias, Klangfabrik Audio""", att=[("pdf_warranty", "Garantiezertifikat.pdf")])

m(L, "rechnung-anhang", "de", "invoice",
  "buchhaltung@buerobedarf-wendt.example|Bürobedarf Wendt",
  "Rechnung zu Ihrer Bestellung {oid}",
  """Sehr geehrte Damen und Herren,

anbei erhalten Sie die Rechnung mit ausgewiesener Mehrwertsteuer zu Ihrer Bestellung {oid} als PDF.

Mit freundlichen Grüßen
Buchhaltung Bürobedarf Wendt""", att=[("pdf_invoice", "Rechnung_{oid}.pdf")], html=True)

m(L, "geschenkset-sternenhimmel", "de", "product_name_gift",
  "hallo@traumlicht-shop.example|Traumlicht",
  "Ihr Sternenhimmel-Projektor Geschenkset ({oid})",
  """Hallo,

kurze Info zu Ihrer Bestellung {oid}: Das "Sternenhimmel Projektor Geschenkset inkl. Bonus-Fernbedienung" wird erst übermorgen verschickt, weil die Fernbedienungen einen Tag später als geplant bei uns eingetroffen sind.

Die Lieferung sollte trotzdem noch vor dem Wochenende bei Ihnen sein.

Liebe Grüße
Anna von Traumlicht""")

m(L, "ruecksendung-frage", "de", "return_instructions",
  "retoure@schuhhaus-berger.example|Schuhhaus Berger",
  "Ihre Rücksendung zu Bestellung {oid}",
  """Guten Tag Herr Wagner,

wir haben Ihre Rücksendeanfrage zu den Wanderschuhen (Bestellung {oid}) erhalten. Damit wir das richtige Etikett erstellen können: Möchten Sie die Schuhe gegen eine andere Größe umtauschen oder den Kaufpreis erstattet bekommen?

Falls Sie umtauschen möchten, nennen Sie uns bitte die gewünschte Größe. Das Rücksendeetikett erhalten Sie dann über Amazon.

Freundliche Grüße
Schuhhaus Berger, Retourenabteilung""")

m(L, "gravur-entwurf", "de", "custom_design",
  "werkstatt@holzliebe-manufaktur.example|Holzliebe Manufaktur",
  "Gravurentwurf zur Bestellung {oid} - bitte prüfen",
  """Hallo Familie Schulte,

bevor wir Ihr Frühstücksbrettchen gravieren, hier der Entwurf zur Freigabe (Bestellung {oid}):

Oben: "Lina" in Schreibschrift, ca. 5 cm breit
Unten: ein kleiner Fuchs, darunter das Datum 03.06.2026

Bitte prüfen Sie Schreibweise und Datum und antworten Sie kurz mit "passt so" oder Ihren Änderungswünschen. Ohne Ihre Freigabe legen wir nicht los.

Herzliche Grüße aus dem Allgäu
Martin""")

m(L, "gravurtext-fehlt", "de", "question",
  "info@ringschmiede-falk.example|Ringschmiede Falk",
  "Rückfrage zu Ihrer Bestellung {oid}",
  """Guten Tag,

vielen Dank für Ihre Bestellung {oid}. Im Bestellformular fehlt leider der Gravurtext für die Innenseite der Eheringe.

Könnten Sie uns den gewünschten Text (max. 20 Zeichen pro Ring) und die Schriftart (Schreibschrift oder Blockschrift) mitteilen? Sobald wir das haben, starten wir mit der Fertigung.

Mit freundlichen Grüßen
Ringschmiede Falk""")

# --- violations
m(L, "bitte-stornieren", "de", "cancel_request",
  "service@technikpoint-nord.example|TechnikPoint Nord",
  "Problem mit Ihrer Bestellung {oid}",
  """Hallo,

leider ist uns beim Lagerabgleich aufgefallen, dass das bestellte Tablet nicht mehr vorrätig ist.

Wir möchten Sie bitten, die Bestellung {oid} selbst über "Meine Bestellungen" zu stornieren, Grund "Versehentlich bestellt" reicht völlig. Für uns ist das einfacher und Sie bekommen Ihr Geld genauso zurück.

Danke für Ihr Verständnis!
TechnikPoint Nord""")

m(L, "ausweis-kopie", "de", "personal_data_request",
  "kundenservice@handyprofi-rhein.example|HandyProfi Rhein",
  "Ihre Bestellung {oid} - Verifizierung",
  """Sehr geehrter Kunde,

bei Smartphones ab 500 Euro sind wir aus Sicherheitsgründen verpflichtet, die Identität des Käufers zu prüfen. Bitte senden Sie uns eine Kopie Ihres Personalausweises (Vorder- und Rückseite) als Antwort auf diese Nachricht.

Sobald die Prüfung abgeschlossen ist, wird Ihre Bestellung {oid} sofort versendet.

Mit freundlichen Grüßen
HandyProfi Rhein""")

m(L, "direkt-ueberweisung", "de", "off_amazon_sale",
  "verkauf@reifen-schmitt.example|Reifen Schmitt",
  "AW: Felgen zu Bestellung {oid}",
  """Hallo Herr Kühn,

freut mich, dass die Winterreifen (Bestellung {oid}) gut angekommen sind.

Die passenden Alufelgen, nach denen Sie gefragt hatten, führen wir bei Amazon nicht. Ich kann Ihnen die aber direkt für 420 Euro inkl. Versand anbieten, wenn Sie per Überweisung zahlen. IBAN schicke ich Ihnen dann gern.

Gruß
Uwe Schmitt""")

m(L, "beleidigend", "de", "offensive",
  "info@billigwelt-versand.example|Billigwelt Versand",
  "AW: Reklamation {oid}",
  """Hören Sie mal zu,

wir haben Ihnen jetzt dreimal erklärt, dass an dem Staubsauger aus Bestellung {oid} nichts kaputt ist. Wer zu blöd ist, den Filter richtig einzusetzen, sollte vielleicht einfach die Finger von Elektrogeräten lassen.

Verschonen Sie uns bitte mit weiteren Nachrichten.
Billigwelt Versand""")

m(L, "abmelde-link", "de", "opt_out_link",
  "newsletter@teeoase-berlin.example|TeeOase Berlin",
  "Zubereitungstipps zu Ihrer Bestellung {oid}",
  """Hallo,

Ihr Grüntee-Probierset aus Bestellung {oid} ist unterwegs. Ein Tipp vorab: Grüntee nie mit kochendem Wasser aufgießen, 70 bis 80 Grad sind ideal, Ziehzeit 2 Minuten.

Viel Freude beim Probieren!
TeeOase Berlin

Sie möchten keine Nachrichten mehr von uns erhalten? Hier abmelden: https://www.teeoase-berlin.example/abmelden?k=8841""", html=True)

m(L, "emoji-info", "de", "emoji",
  "hallo@strickliesel-wolle.example|Strickliesel Wolle",
  "Ihre Wolle ist unterwegs - Bestellung {oid}",
  """Hallo liebe Kundin,

eine Farbe aus Ihrer Bestellung {oid} (Merino "Salbei") war kurzzeitig nachbestellt, deshalb kommt Ihr Paket zwei Tage später als angekündigt. Es geht heute mit DHL raus, Sendungsnummer 00340434161094087731 🧶

Danke für Ihre Geduld 😊
Sabine von Strickliesel""")

m(L, "ohne-bestellnummer", "de", "missing_order_id",
  "service@fahrradteile-ostsee.example|Fahrradteile Ostsee",
  "Ihre Lieferung verzögert sich",
  """Moin,

Ihr Fahrradschloss wird leider nicht wie angekündigt morgen, sondern erst am Freitag zugestellt. Unser Versanddienstleister hatte einen Sortierfehler im Paketzentrum Hamburg.

Wir entschuldigen uns für die Verzögerung.

Viele Grüße
Fahrradteile Ostsee""")

m(L, "anhang-zip", "de", "attachment",
  "support@smartgarten-tech.example|SmartGarten Tech",
  "Bedienungsanleitung zu Bestellung {oid}",
  """Hallo,

wie besprochen erhalten Sie anbei die Bedienungsanleitung und die Einrichtungsfotos für den Bewässerungscomputer aus Bestellung {oid}.

Bei Fragen zur Einrichtung melden Sie sich gern hier über Amazon.

Viele Grüße
SmartGarten Tech""", att=[("zip", "Anleitung_Bewaesserung.zip")])

m(L, "zaehlpixel", "de", "tracking_pixel",
  "service@lederwaren-koenig.example|Lederwaren König",
  "Pflegehinweis zu Ihrer Geldbörse - Bestellung {oid}",
  """Guten Tag,

zu Ihrer Bestellung {oid} noch ein Hinweis: Die Geldbörse ist aus pflanzlich gegerbtem Leder und dunkelt in den ersten Wochen leicht nach. Das ist gewollt und kein Mangel.

Bitte nicht mit Wasser reinigen, ein trockenes Tuch genügt.

Freundliche Grüße
Lederwaren König""", pixel="https://mail.lederwaren-koenig.example/o/{oid}/open.gif")

m(L, "bewertung-gutschein", "de", "review_incentive",
  "team@vitalkraft-nahrung.example|VitalKraft",
  "Ihre Meinung ist uns 5 Euro wert - {oid}",
  """Hallo,

wir hoffen, Sie sind mit Ihrem Proteinpulver aus Bestellung {oid} zufrieden.

Schreiben Sie eine Rezension auf Amazon und schicken Sie uns den Link dazu: Wir erstatten Ihnen dafür 5 Euro vom Kaufpreis zurück.

Sportliche Grüße
Ihr VitalKraft-Team""")

m(L, "wenn-zufrieden", "de", "review_conditional",
  "info@glasmanufaktur-eder.example|Glasmanufaktur Eder",
  "Ist alles heil angekommen? Bestellung {oid}",
  """Liebe Kundin, lieber Kunde,

wir hoffen, die Weingläser aus Ihrer Bestellung {oid} sind wohlbehalten bei Ihnen angekommen.

Falls Sie zufrieden sind, freuen wir uns sehr über eine Bewertung auf Amazon. Sollte etwas nicht in Ordnung sein, schreiben Sie uns bitte zuerst, bevor Sie eine Bewertung abgeben, damit wir eine Lösung finden können.

Herzliche Grüße
Glasmanufaktur Eder""")

m(L, "fuenf-sterne-bitte", "de", "review_manipulation",
  "shop@kinderwelt-sommer.example|Kinderwelt Sommer",
  "Bestellung {oid}: eine kleine Bitte",
  """Hallo,

vielen Dank, dass Sie sich für unseren Kinderschreibtisch entschieden haben (Bestellung {oid}).

Wir sind ein kleiner Familienbetrieb und auf gute Bewertungen angewiesen. Wenn Sie eine Rezension schreiben, erwähnen Sie doch bitte, wie einfach der Aufbau war und dass die Lieferung schnell ging. Fünf Sterne würden uns natürlich riesig freuen!

Danke und liebe Grüße
Familie Sommer""")

m(L, "rabattcode", "de", "promotion",
  "service@duftmanufaktur-weiss.example|Duftmanufaktur Weiß",
  "Zu Ihrer Bestellung {oid}",
  """Hallo,

Ihr Raumduft aus Bestellung {oid} wurde heute zugestellt, wir hoffen, er gefällt Ihnen.

Kleiner Tipp: Unsere neuen Duftkerzen in derselben Duftrichtung gibt es jetzt auch bei Amazon. Mit dem Code DUFT20 sparen Sie 20 % auf Ihre nächste Bestellung.

Duftende Grüße
Duftmanufaktur Weiß""")

m(L, "nur-danke", "de", "thank_you_only",
  "hallo@papeterie-fink.example|Papeterie Fink",
  "Danke für Ihre Bestellung {oid}!",
  """Hallo,

wir wollten uns einfach nur ganz herzlich für Ihre Bestellung {oid} bedanken. Es freut uns jedes Mal, wenn unsere Notizbücher ein neues Zuhause finden.

Alles Liebe
Ihre Papeterie Fink""")

# ---------------------------------------------------------------- French (fr, ca, com.be)
L = "fr"
m(L, "retard-transporteur", "fr", "tracking_number",
  "sav@literie-duval.example|Literie Duval",
  "Retard de livraison - commande {oid}",
  """Bonjour Madame,

Nous vous informons que la livraison de votre matelas (commande {oid}) a pris du retard : le transporteur Geodis a subi un incident sur sa plateforme de Lyon.

Votre numéro de suivi Geodis est le 7045512089. Le transporteur vous contactera pour convenir d'un créneau dès que le colis sera reparti.

Toutes nos excuses pour ce contretemps.

Cordialement,
Le service client Literie Duval""")

m(L, "avis-neutre", "fr", "neutral_review_request",
  "contact@savonnerie-provencale.example|Savonnerie Provençale",
  "Votre avis sur la commande {oid}",
  """Bonjour,

Merci pour votre achat récent (commande {oid}).

Pourriez-vous partager votre expérience avec ce produit en laissant un commentaire sur Amazon ? Votre avis aide les autres clients à faire leur choix.

Bien cordialement,
La Savonnerie Provençale""", html=True)

m(L, "remplacement-gratuit", "com.be", "free_replacement",
  "service@cuisine-brabant.example|Cuisine Brabant",
  "Re: Poêle rayée - commande {oid}",
  """Bonjour Monsieur Lemaire,

Merci pour vos photos, le revêtement de la poêle est effectivement abîmé. Ce n'est pas normal après deux utilisations.

Nous vous envoyons gratuitement une poêle de remplacement, elle part demain par bpost. Inutile de nous renvoyer l'ancienne.

Nous restons à votre disposition pour toute question concernant la commande {oid}.

Bien à vous,
Sophie - Cuisine Brabant""")

m(L, "colis-perdu-rembourse", "fr", "lost_package_refund",
  "clients@atelier-lumiere.example|Atelier Lumière",
  "Votre colis - commande {oid}",
  """Bonjour,

Colissimo nous a confirmé ce matin que votre colis (commande {oid}) est considéré comme perdu. Nous en sommes sincèrement désolés.

Nous avons procédé au remboursement intégral via Amazon. Le montant apparaîtra sur votre moyen de paiement sous 3 à 5 jours ouvrés, sans démarche de votre part.

Cordialement,
Atelier Lumière""")

m(L, "annulee-rupture", "ca", "seller_cancelled",
  "service@quincaillerie-laurentides.example|Quincaillerie des Laurentides",
  "Annulation de votre commande {oid}",
  """Bonjour,

Malheureusement, la souffleuse à neige que vous avez commandée est en rupture de stock chez notre fournisseur, et nous n'avons aucune date de réapprovisionnement.

Nous avons donc annulé votre commande {oid} de notre côté. Vous ne serez pas débité.

Nous sommes désolés pour ce désagrément.

Salutations,
L'équipe de la Quincaillerie des Laurentides""")

m(L, "rdv-livraison-frigo", "fr", "delivery_reschedule",
  "livraison@electromenager-morel.example|Électroménager Morel",
  "Prise de rendez-vous pour la livraison de votre réfrigérateur ({oid})",
  """Bonjour Monsieur Garnier,

Votre réfrigérateur américain (commande {oid}) est arrivé à notre entrepôt. Comme il s'agit d'une livraison à deux personnes jusque dans la pièce de votre choix, nous devons fixer un rendez-vous avec vous.

Nous vous proposons le lundi 16 novembre ou le mercredi 18 novembre, le matin (8h-12h) ou l'après-midi (13h-18h). Merci de nous indiquer ce qui vous convient le mieux.

Pouvez-vous aussi nous préciser l'étage et s'il y a un ascenseur ? Vous trouverez en pièce jointe la notice d'installation, avec les dimensions à prévoir pour l'emplacement et le raccordement à l'eau.

Bien cordialement,
Service livraison Morel""", att=[("pdf_instructions", "notice_installation.pdf")])

m(L, "garantie-fabricant", "com.be", "warranty",
  "support@audio-wallonie.example|Audio Wallonie",
  "Garantie de votre enceinte - commande {oid}",
  """Bonjour,

Nous sommes désolés que votre enceinte ne se recharge plus. L'appareil de la commande {oid} est couvert par la garantie constructeur de 2 ans.

Le plus rapide est de contacter le service après-vente du fabricant au 0800 55 123 (gratuit, du lundi au vendredi de 9h à 17h). Vous trouverez en pièce jointe le certificat de garantie à leur présenter.

Bien à vous,
Audio Wallonie""", att=[("pdf_warranty", "certificat_garantie.pdf")])

m(L, "facture-pdf", "fr", "invoice",
  "compta@fournitures-leroux.example|Fournitures Leroux",
  "Facture - commande {oid}",
  """Madame, Monsieur,

Veuillez trouver ci-joint la facture correspondant à votre commande {oid}.

Si vous souhaitez qu'elle soit établie au nom de votre société, merci de nous communiquer la raison sociale et le numéro de TVA intracommunautaire.

Cordialement,
Service comptabilité""", att=[("pdf_invoice", "Facture_{oid}.pdf")])

m(L, "coffret-cadeau-etoile", "ca", "product_name_gift",
  "bonjour@chandelles-boreales.example|Chandelles Boréales",
  "Votre Coffret-cadeau Étoile filante (commande {oid})",
  """Allô!

Petit mot au sujet de votre commande {oid} : le « Coffret-cadeau Étoile filante + bougie bonus » partira avec une journée de retard, car nos étiquettes ont été livrées en retard par l'imprimeur.

Il sera expédié demain matin et devrait arriver d'ici vendredi.

Merci de votre patience!
Geneviève, Chandelles Boréales""")

m(L, "retour-etiquette", "fr", "return_instructions",
  "retours@mode-camille.example|Mode Camille",
  "Votre demande de retour - commande {oid}",
  """Bonjour,

Nous avons bien reçu votre demande de retour pour la robe de la commande {oid}.

Pour générer la bonne étiquette, pourriez-vous nous indiquer si vous souhaitez un échange contre une autre taille ou un remboursement ? En cas d'échange, précisez-nous simplement la taille voulue.

L'étiquette de retour vous sera ensuite transmise via Amazon.

Belle journée,
Le service retours Mode Camille""")

m(L, "bat-tasse", "fr", "custom_design",
  "atelier@ceramique-bleuet.example|Céramique Bleuet",
  "BAT de votre tasse personnalisée - commande {oid}",
  """Bonjour Julie,

Voici le bon à tirer de votre tasse personnalisée (commande {oid}) avant impression :

- Face avant : « Meilleure marraine du monde » en police manuscrite, couleur bordeaux
- Face arrière : le prénom « Inès » et la date 12/09/2026

Merci de vérifier l'orthographe et la date, puis de nous répondre « validé » ou de nous indiquer les modifications. Nous ne lançons pas l'impression sans votre accord.

À bientôt,
Claire, Céramique Bleuet""")

m(L, "creneau-livraison", "com.be", "question",
  "commandes@fleurs-ixelles.example|Fleurs d'Ixelles",
  "Question concernant votre commande {oid}",
  """Bonjour,

Merci pour votre commande {oid}. Pour que le bouquet arrive bien frais, nous livrons nous-mêmes sur Bruxelles.

Pourriez-vous nous dire quel créneau vous arrange samedi : entre 9h et 12h ou entre 14h et 17h ? Et y a-t-il un code ou une sonnette particulière pour l'immeuble ?

Merci d'avance,
Fleurs d'Ixelles""")

# --- violations
m(L, "merci-d-annuler", "fr", "cancel_request",
  "contact@hifi-discount-paris.example|HiFi Discount Paris",
  "Problème avec votre commande {oid}",
  """Bonjour,

Suite à une erreur de stock, l'ampli que vous avez commandé n'est plus disponible.

Pourriez-vous annuler vous-même la commande {oid} depuis votre compte Amazon (rubrique « Vos commandes ») ? Cela nous évite une pénalité sur notre compte vendeur. Vous serez remboursé normalement.

Merci de votre compréhension,
HiFi Discount Paris""")

m(L, "piece-identite", "com.be", "personal_data_request",
  "verification@bijoux-anvers-or.example|Bijoux Anvers Or",
  "Vérification nécessaire - commande {oid}",
  """Bonjour,

Merci pour votre commande {oid} d'un bracelet en or 18 carats.

Pour les bijoux de plus de 300 euros, nous devons vérifier l'identité de l'acheteur avant l'envoi. Merci de nous transmettre une copie recto verso de votre carte d'identité ainsi que votre numéro de registre national en réponse à ce message.

Cordialement,
Bijoux Anvers Or""")

m(L, "virement-direct", "ca", "off_amazon_sale",
  "ventes@pieces-auto-beauce.example|Pièces Auto Beauce",
  "Re: Commande {oid} - autres pièces",
  """Bonjour Monsieur Tremblay,

Content que les plaquettes de frein de la commande {oid} soient la bonne référence.

Pour les disques que vous m'avez demandés, je peux vous faire un meilleur prix si vous commandez directement sur notre boutique en ligne plutôt que sur Amazon. Vous pouvez aussi payer par virement Interac, c'est encore plus simple.

Au plaisir,
Steve""")

m(L, "insulte", "fr", "offensive",
  "sav@bonplan-maison.example|BonPlan Maison",
  "Re: Réclamation commande {oid}",
  """Écoutez,

On vous a déjà dit trois fois que l'aspirateur de la commande {oid} fonctionne parfaitement. Si vous êtes trop bête pour vider le bac, ce n'est pas notre problème.

Arrêtez de nous harceler avec vos messages débiles.
BonPlan Maison""")

m(L, "confirmation-expedition", "fr", "confirmation_only",
  "expedition@the-et-tisanes.example|Thés & Tisanes",
  "Votre commande {oid} a été expédiée",
  """Bonjour,

Nous avons le plaisir de vous informer que votre commande {oid} a été expédiée aujourd'hui.

À très bientôt,
Thés & Tisanes""")

m(L, "lien-tutoriel", "com.be", "external_link",
  "support@velo-liege.example|Vélo Liège",
  "Réglage des freins - commande {oid}",
  """Bonjour,

Merci pour votre achat (commande {oid}). Les freins à disque sont livrés pré-réglés, mais après le transport il faut parfois ajuster l'étrier.

Nous avons préparé un tutoriel détaillé : www.velo-liege.example/tutos/reglage-freins

Si le problème persiste, répondez-nous ici et nous trouverons une solution.

Sportivement,
Vélo Liège""")

m(L, "adresse-mail-photos", "fr", "email_address",
  "sav@deco-bretonne.example|Déco Bretonne",
  "Re: Vase cassé - commande {oid}",
  """Bonjour Madame Le Goff,

Nous sommes navrés d'apprendre que le vase de la commande {oid} est arrivé brisé.

Pour lancer la procédure avec le transporteur, pourriez-vous envoyer deux ou trois photos du colis et du vase à litiges@deco-bretonne.example ? Dès réception, nous vous renvoyons un vase neuf.

Bien cordialement,
Nolwenn""")

m(L, "appelez-nous", "ca", "phone_number",
  "service@spa-laurentien.example|Spa Laurentien",
  "Installation de votre spa - commande {oid}",
  """Bonjour,

Votre spa gonflable (commande {oid}) devrait arriver cette semaine. L'installation est simple, mais le premier remplissage demande un peu d'attention.

N'hésitez pas à appeler notre équipe technique au 450-555-0192 pour que l'on vous guide pas à pas lors de la mise en service.

Bonne détente!
Spa Laurentien""")

m(L, "facebook-page", "fr", "social_media",
  "bonjour@tricot-mamie-jo.example|Tricot de Mamie Jo",
  "Entretien de votre pull - commande {oid}",
  """Bonjour,

Votre pull en laine (commande {oid}) est en route ! Un conseil : lavez-le à 30 °C maximum, à l'envers, et séchez-le à plat.

Retrouvez toutes nos astuces d'entretien et nos nouveautés sur notre page Facebook « Tricot de Mamie Jo » et sur Instagram @tricotmamiejo.

Douces pensées,
Jo""")

m(L, "desabonnement", "fr", "opt_out_link",
  "info@cave-bourguignonne.example|Cave Bourguignonne",
  "Conseils de dégustation - commande {oid}",
  """Bonjour,

Votre coffret de vins (commande {oid}) a bien été remis au transporteur. Un conseil : laissez les bouteilles reposer 48 heures après réception avant de les ouvrir, et servez le rouge autour de 16 °C.

Belle dégustation,
La Cave Bourguignonne

Pour ne plus recevoir nos messages, cliquez ici : https://cave-bourguignonne.example/desinscription?id=5521""", html=True)

m(L, "emoji-colis", "ca", "emoji",
  "allo@jouets-petit-lutin.example|Jouets Petit Lutin",
  "Retard - commande {oid}",
  """Bonjour!

Votre casse-tête en bois (commande {oid}) a eu un petit retard chez Postes Canada à cause de la tempête de neige 🌨️. Le nouveau délai de livraison est jeudi.

Merci de votre patience 🙏
Jouets Petit Lutin""")

m(L, "sans-numero-commande", "fr", "missing_order_id",
  "service@boulangerie-outils.example|Outils du Boulanger",
  "Information sur votre livraison",
  """Bonjour,

Votre banneton en rotin sera livré avec deux jours de retard, le transporteur ayant rencontré un problème de tri.

Nous vous prions de nous excuser pour ce contretemps.

Cordialement,
Outils du Boulanger""")

m(L, "piece-jointe-exe", "com.be", "attachment",
  "support@domotique-namur.example|Domotique Namur",
  "Mise à jour de votre thermostat - commande {oid}",
  """Bonjour,

Certains thermostats de la série T3 (dont celui de votre commande {oid}) ont besoin d'une mise à jour pour afficher correctement l'heure d'hiver.

Vous trouverez l'outil de mise à jour en pièce jointe : lancez-le sur votre PC avec le thermostat branché en USB.

Cordialement,
Domotique Namur""", att=[("exe", "MiseAJour_T3.exe")])

m(L, "pixel-suivi", "fr", "tracking_pixel",
  "service@maroquinerie-vendome.example|Maroquinerie Vendôme",
  "Entretien de votre sac - commande {oid}",
  """Bonjour,

Concernant votre commande {oid} : votre sac est en cuir pleine fleur, il peut légèrement foncer au fil des semaines, c'est tout à fait normal.

Évitez l'eau et nettoyez-le avec un chiffon sec.

Cordialement,
Maroquinerie Vendôme""", pixel="https://stats.maroquinerie-vendome.example/px.png?o={oid}")

# ---------------------------------------------------------------- Spanish (es, com.mx)
L = "es"
m(L, "retraso-agencia", "es", "tracking_number",
  "atencion@colchones-levante.example|Colchones Levante",
  "Retraso en la entrega del pedido {oid}",
  """Hola,

Te escribimos porque la entrega de tu canapé abatible (pedido {oid}) se va a retrasar un par de días. La agencia de transporte Dachser ha tenido una incidencia en su almacén de Valencia.

El número de expedición de Dachser es 1180046723; con él puedes consultar el estado del envío en su web. La agencia te llamará antes para acordar la entrega.

Disculpa las molestias.

Un saludo,
Atención al cliente - Colchones Levante""")

m(L, "resena-neutra", "com.mx", "neutral_review_request",
  "contacto@cafe-chiapaneco.example|Café Chiapaneco",
  "Pedido {oid}: ¿nos compartes tu experiencia?",
  """Hola,

Gracias por tu compra reciente (pedido {oid}).

¿Podrías compartir tu experiencia con el producto dejando una reseña en Amazon? Tu opinión ayuda a otros clientes a tomar mejores decisiones de compra.

Saludos cordiales,
Café Chiapaneco""")

m(L, "reposicion-gratis", "es", "free_replacement",
  "clientes@vajillas-sevilla.example|Vajillas Sevilla",
  "RE: Platos rotos - pedido {oid}",
  """Buenos días, Sra. Romero:

Sentimos mucho que dos platos del juego de vajilla (pedido {oid}) llegaran rotos. Está claro que el embalaje no fue suficiente.

Le enviamos hoy mismo los dos platos de reposición sin ningún coste para usted. No hace falta que nos devuelva los rotos.

Un cordial saludo,
Rocío
Vajillas Sevilla""")

m(L, "paquete-extraviado", "com.mx", "lost_package_refund",
  "soporte@accesorios-moto-gdl.example|Accesorios Moto GDL",
  "Sobre tu paquete del pedido {oid}",
  """Hola, buen día:

La paquetería nos confirmó que tu envío del pedido {oid} se extravió en tránsito. Lamentamos mucho lo ocurrido.

Ya te hicimos el reembolso completo a través de Amazon; en unos días lo verás reflejado en tu método de pago original. No necesitas hacer nada más.

Una disculpa de nuevo,
Accesorios Moto GDL""")

m(L, "cancelado-sin-stock", "es", "seller_cancelled",
  "pedidos@ferreteria-olmedo.example|Ferretería Olmedo",
  "Hemos cancelado su pedido {oid}",
  """Estimado cliente:

Lamentamos comunicarle que el taladro percutor que pidió se ha agotado y nuestro proveedor no tiene fecha de reposición.

Por este motivo hemos cancelado su pedido {oid}. No se le realizará ningún cargo.

Disculpe las molestias ocasionadas.

Atentamente,
Ferretería Olmedo""")

m(L, "cita-entrega-estufa", "com.mx", "delivery_reschedule",
  "entregas@hogar-monterrey.example|Hogar Monterrey",
  "Programación de entrega de su estufa - pedido {oid}",
  """Hola, Sr. Garza:

Su estufa de 6 quemadores (pedido {oid}) ya llegó a nuestro centro de distribución. Por el tamaño, la entrega se hace con dos personas y necesitamos agendarla con usted.

Tenemos disponibilidad el martes 10 o el jueves 12 de noviembre, en horario de 9 a 14 h o de 15 a 19 h. ¿Cuál le acomoda mejor?

¿Nos podría decir también si es casa o departamento y, si es departamento, en qué piso está?

Quedamos atentos,
Equipo de entregas Hogar Monterrey""")

m(L, "garantia-fabricante", "es", "warranty",
  "postventa@sonido-galicia.example|Sonido Galicia",
  "Garantía de su barra de sonido - pedido {oid}",
  """Hola, Manuel:

Sentimos que la barra de sonido haya dejado de conectarse por Bluetooth. El aparato del pedido {oid} tiene 3 años de garantía del fabricante.

Lo más rápido es llamar al servicio técnico oficial de la marca, 900 555 214 (gratuito, de lunes a viernes de 9 a 18 h); ellos gestionan la recogida. Te adjuntamos el certificado de garantía por si te lo piden.

Un saludo,
Sonido Galicia""", att=[("pdf_warranty", "Garantia.pdf")])

m(L, "factura-adjunta", "es", "invoice",
  "facturacion@papeleria-castilla.example|Papelería Castilla",
  "Factura del pedido {oid}",
  """Buenas tardes:

Adjuntamos la factura completa correspondiente a su pedido {oid}.

Si necesita que la emitamos a nombre de una empresa, indíquenos la razón social y el CIF y se la enviamos de nuevo.

Saludos,
Departamento de facturación
Papelería Castilla""", att=[("pdf_invoice", "Factura_{oid}.pdf")])

m(L, "kit-regalo-estrella", "com.mx", "product_name_gift",
  "hola@velas-oaxaca.example|Velas Oaxaca",
  "Tu Kit de Regalo Estrella de Mar (pedido {oid})",
  """¡Hola!

Te avisamos que el "Kit de Regalo Estrella de Mar + vela bonus gratis" de tu pedido {oid} sale un día más tarde de lo previsto porque las cajas de regalo nos llegaron con retraso.

Lo enviamos mañana temprano y debería llegarte antes del fin de semana.

¡Gracias por tu paciencia!
Lupita, Velas Oaxaca""")

m(L, "devolucion-etiqueta", "es", "return_instructions",
  "devoluciones@moda-triana.example|Moda Triana",
  "Tu solicitud de devolución - pedido {oid}",
  """Hola, Lucía:

Hemos recibido tu solicitud de devolución del abrigo del pedido {oid}. Para generar la etiqueta correcta necesitamos saber una cosa: ¿prefieres cambiarlo por otra talla o que te devolvamos el importe?

Si es un cambio, dinos qué talla quieres. La etiqueta te llegará después a través de Amazon.

Un abrazo,
Moda Triana""")

m(L, "boceto-camiseta", "com.mx", "custom_design",
  "taller@estampados-cdmx.example|Estampados CDMX",
  "Diseño para aprobar - pedido {oid}",
  """Hola, Fer:

Antes de estampar tus playeras (pedido {oid}), te describimos el diseño final para que lo revises:

- Frente: "Generación 2026 - Ingeniería Civil" en letra blanca, tipografía bold
- Espalda: los 12 nombres que nos mandaste, en dos columnas

Revisa bien que los nombres estén escritos correctamente y contéstanos "aprobado" o dinos qué cambiamos. No imprimimos nada hasta tener tu visto bueno.

Saludos,
Iván - Estampados CDMX""")

m(L, "texto-grabado", "es", "question",
  "pedidos@joyeria-albaicin.example|Joyería Albaicín",
  "Una pregunta sobre su pedido {oid}",
  """Buenos días:

Muchas gracias por su pedido {oid}. Al revisar los datos, vemos que no nos ha indicado el texto que desea grabar en la medalla.

¿Podría respondernos con el nombre o la frase (máximo 15 caracteres) y si la prefiere en letra cursiva o de imprenta? En cuanto lo tengamos, empezamos a prepararla.

Saludos cordiales,
Joyería Albaicín""")

# --- violations
m(L, "cancele-usted", "com.mx", "cancel_request",
  "ventas@electronica-puebla.example|Electrónica Puebla",
  "Problema con su pedido {oid}",
  """Buen día:

Le informamos que la bocina que pidió ya no está disponible en nuestro inventario, una disculpa.

¿Nos haría el favor de cancelar usted el pedido {oid} desde su cuenta de Amazon? Si lo cancelamos nosotros nos afecta en la calificación. Su reembolso será completo.

Gracias por su comprensión,
Electrónica Puebla""")

m(L, "dni-fecha-nacimiento", "es", "personal_data_request",
  "seguridad@moviles-centro.example|Móviles Centro",
  "Verificación de su pedido {oid}",
  """Estimado cliente:

Por motivos de seguridad, en pedidos de móviles de alta gama necesitamos verificar la identidad del comprador antes del envío.

Le rogamos que nos responda con una foto de su DNI por ambas caras y su fecha de nacimiento. En cuanto lo recibamos, el pedido {oid} saldrá el mismo día.

Atentamente,
Móviles Centro""")

m(L, "bizum-directo", "es", "off_amazon_sale",
  "tienda@recambios-bici-norte.example|Recambios Bici Norte",
  "RE: pedido {oid} - cubiertas",
  """Hola Jorge,

Me alegro de que la cadena del pedido {oid} te haya servido.

Lo de las cubiertas que me preguntabas: en Amazon no las tengo, pero si quieres te las vendo directamente a 38 € las dos con el envío incluido. Me haces un Bizum y te las mando mañana.

Un saludo,
Raúl""")

m(L, "grosero", "com.mx", "offensive",
  "soporte@ofertas-del-bajio.example|Ofertas del Bajío",
  "RE: Queja pedido {oid}",
  """Mire,

Ya le dijimos varias veces que la licuadora del pedido {oid} no tiene ningún defecto. Si no sabe ni enchufarla, no es nuestro pinche problema.

Deje de estar molestando con sus mensajitos.
Ofertas del Bajío""")

m(L, "resena-por-reembolso", "es", "review_incentive",
  "hola@cosmetica-natural-ebro.example|Cosmética Natural Ebro",
  "Un detalle por tu opinión - pedido {oid}",
  """¡Hola!

Esperamos que estés disfrutando del sérum del pedido {oid}.

Si nos dejas una reseña en Amazon y nos mandas una captura, te devolvemos 5 € del precio como agradecimiento. Es nuestra forma de dar las gracias.

Un besito,
Cosmética Natural Ebro""")

m(L, "si-satisfecho", "com.mx", "review_conditional",
  "contacto@artesanias-talavera.example|Artesanías Talavera",
  "¿Llegó bien tu pedido {oid}?",
  """Hola,

Esperamos que tu juego de tazas de talavera (pedido {oid}) haya llegado en perfecto estado.

Si quedaste contento con tu compra, te agradeceríamos mucho que dejaras una reseña en Amazon. Si hubo algún problema, por favor escríbenos antes de calificar para poder solucionarlo.

Saludos desde Puebla,
Artesanías Talavera""")

m(L, "cambiar-resena", "es", "review_manipulation",
  "atencion@mochilas-pirineo.example|Mochilas Pirineo",
  "Sobre tu valoración - pedido {oid}",
  """Hola, Elena:

Hemos visto tu valoración de 1 estrella sobre la mochila del pedido {oid}. Ya te hemos enviado la hebilla de repuesto que faltaba, como hablamos.

Ahora que está solucionado, ¿podrías modificar la reseña o eliminarla? Para una tienda pequeña como la nuestra tiene mucho peso.

Mil gracias,
Mochilas Pirineo""")

m(L, "cupon-descuento", "com.mx", "promotion",
  "hola@salsas-la-abuela.example|Salsas La Abuela",
  "Tu pedido {oid}",
  """¡Hola!

Esperamos que ya estés disfrutando de tu paquete de salsas del pedido {oid}.

Por cierto, acabamos de lanzar nuestra línea de moles en Amazon. Con el cupón ABUELA10 tienes 10 % de descuento en tu próxima compra.

¡Buen provecho!
Salsas La Abuela""")

m(L, "solo-gracias", "es", "thank_you_only",
  "equipo@libreria-el-faro.example|Librería El Faro",
  "¡Gracias por tu pedido {oid}!",
  """Hola,

Solo queríamos darte las gracias por confiar en nosotros con tu pedido {oid}. Para una librería de barrio como la nuestra, cada pedido cuenta.

Un abrazo,
El equipo de Librería El Faro""")

m(L, "confirmacion-envio", "com.mx", "confirmation_only",
  "envios@ropa-tulum.example|Ropa Tulum",
  "Tu pedido {oid} ya fue enviado",
  """¡Hola!

Te confirmamos que tu pedido {oid} ya salió de nuestro almacén y va en camino.

Saludos,
Ropa Tulum""")

m(L, "enlace-manual", "es", "external_link",
  "soporte@robots-cocina-iberia.example|Robots Cocina Iberia",
  "Primeros pasos con tu robot - pedido {oid}",
  """Hola,

Gracias por tu compra (pedido {oid}). Varios clientes nos han preguntado cómo montar correctamente la cuchilla amasadora.

Hemos subido un vídeo explicativo y recetas de inicio aquí: https://robots-cocina-iberia.example/primeros-pasos

Cualquier duda, contéstanos por aquí.

Saludos,
Robots Cocina Iberia""", html_body="""<!DOCTYPE html>
<html lang="es"><head><meta charset="utf-8"></head><body>
<p>Hola,</p>
<p>Gracias por tu compra (pedido {oid}). Varios clientes nos han preguntado cómo montar correctamente la cuchilla amasadora.</p>
<p>Hemos subido un vídeo explicativo y recetas de inicio <a href="https://robots-cocina-iberia.example/primeros-pasos">aquí</a>.</p>
<p>Cualquier duda, contéstanos por aquí.</p>
<p>Saludos,<br>Robots Cocina Iberia</p>
</body></html>
""")

m(L, "correo-fotos", "es", "email_address",
  "postventa@muebles-rioja.example|Muebles Rioja",
  "RE: Mesa con golpe - pedido {oid}",
  """Hola, Javier:

Sentimos que la mesa del pedido {oid} haya llegado con un golpe en la esquina.

Para tramitarlo con la agencia, ¿puedes enviarnos un par de fotos del daño y de la caja a incidencias@muebles-rioja.example? En cuanto las tengamos, te mandamos la pieza nueva.

Un saludo,
Muebles Rioja""")

m(L, "llamenos-whatsapp", "com.mx", "phone_number",
  "servicio@climas-sonora.example|Climas Sonora",
  "Instalación de su minisplit - pedido {oid}",
  """Buenas tardes:

Su minisplit (pedido {oid}) va en camino. Le recordamos que la instalación debe hacerla un técnico para no perder la garantía.

Si tiene dudas sobre la instalación, márquenos al 662 555 0148 o escríbanos por WhatsApp a ese mismo número y con gusto le orientamos.

Atentamente,
Climas Sonora""")

m(L, "siguenos-instagram", "es", "social_media",
  "hola@ceramica-mallorca.example|Cerámica Mallorca",
  "Cuidados de tu ensaladera - pedido {oid}",
  """¡Hola!

Tu ensaladera de cerámica (pedido {oid}) llegará el jueves. Un consejo: mejor lavarla a mano, el lavavajillas apaga el esmalte con el tiempo.

Síguenos en Instagram y TikTok (@ceramicamallorca) para ver cómo hacemos cada pieza en el taller.

Un abrazo,
Cerámica Mallorca""")

# ---------------------------------------------------------------- Italian (it)
L = "it"
m(L, "ritardo-corriere", "it", "tracking_number",
  "assistenza@arredi-brianza.example|Arredi Brianza",
  "Ritardo nella consegna dell'ordine {oid}",
  """Gentile cliente,

le comunichiamo che la consegna del divano (ordine {oid}) subirà un ritardo di circa tre giorni lavorativi: il corriere BRT ha avuto un guasto a un mezzo nel deposito di Bologna.

Il numero di spedizione BRT è 0560 4471 8823. Il corriere la contatterà telefonicamente per fissare la consegna al piano.

Ci scusiamo per il disagio.

Cordiali saluti,
Servizio clienti Arredi Brianza""")

m(L, "recensione-neutra", "it", "neutral_review_request",
  "info@pastificio-gragnano-doro.example|Pastificio Gragnano d'Oro",
  "Ordine {oid}: ci racconti la sua esperienza?",
  """Buongiorno,

grazie per il suo recente acquisto (ordine {oid}).

Le andrebbe di condividere la sua esperienza con il prodotto lasciando una recensione su Amazon? La sua opinione aiuta gli altri clienti a scegliere meglio.

Un cordiale saluto,
Pastificio Gragnano d'Oro""", html=True)

m(L, "sostituzione-gratuita", "it", "free_replacement",
  "clienti@caffettiere-napoli.example|Caffettiere Napoli",
  "R: Guarnizione difettosa - ordine {oid}",
  """Ciao Marco,

grazie per il video, si vede bene che la caffettiera perde dalla guarnizione. Ci dispiace!

Ti spediamo gratuitamente una caffettiera nuova in sostituzione, parte domani con SDA. Quella difettosa puoi tenerla o buttarla, non serve restituirla.

Per qualsiasi cosa rispondi pure qui indicando l'ordine {oid}.

A presto,
Gennaro - Caffettiere Napoli""")

m(L, "pacco-smarrito", "it", "lost_package_refund",
  "ordini@libreria-dei-portici.example|Libreria dei Portici",
  "Il suo pacco - ordine {oid}",
  """Buongiorno,

Poste Italiane ci ha confermato che il pacco con il suo ordine {oid} risulta smarrito. Siamo davvero spiacenti.

Abbiamo già emesso il rimborso completo tramite Amazon: lo vedrà accreditato sul metodo di pagamento originale entro pochi giorni lavorativi. Non deve fare nulla.

Cordialmente,
Libreria dei Portici""")

m(L, "annullato-esaurito", "it", "seller_cancelled",
  "vendite@ferramenta-rossi-torino.example|Ferramenta Rossi",
  "Annullamento del suo ordine {oid}",
  """Gentile cliente,

purtroppo il trapano avvitatore che ha ordinato è esaurito e il fornitore non ci ha dato una data di riassortimento.

Abbiamo quindi annullato noi l'ordine {oid}. Non le verrà addebitato nulla.

Ci scusiamo per l'inconveniente.

Distinti saluti,
Ferramenta Rossi""")

m(L, "appuntamento-consegna", "it", "delivery_reschedule",
  "logistica@elettrodomestici-veneto.example|Elettrodomestici Veneto",
  "Appuntamento per la consegna della lavastoviglie - ordine {oid}",
  """Gentile signora Bianchi,

la sua lavastoviglie (ordine {oid}) è arrivata nel nostro magazzino. Trattandosi di una consegna al piano con due operatori, dobbiamo concordare un appuntamento.

Le proponiamo martedì 17 o venerdì 20 novembre, fascia 8-13 oppure 14-18. Quale preferisce?

Ci indichi anche a che piano abita e se c'è l'ascensore, così organizziamo al meglio la squadra.

Grazie,
Ufficio logistica""")

m(L, "garanzia-produttore", "it", "warranty",
  "supporto@audio-toscana.example|Audio Toscana",
  "Garanzia delle sue cuffie - ordine {oid}",
  """Buongiorno,

ci dispiace che le cuffie abbiano smesso di caricarsi. Il prodotto dell'ordine {oid} è coperto dalla garanzia del produttore di 24 mesi.

La via più rapida è contattare l'assistenza ufficiale del marchio al numero verde 800 555 462 (lun-ven, 9-18). In allegato trova il certificato di garanzia da tenere a portata di mano.

Saluti,
Audio Toscana""", att=[("pdf_warranty", "certificato_garanzia.pdf")])

m(L, "fattura-allegata", "it", "invoice",
  "amministrazione@cancelleria-milano.example|Cancelleria Milano",
  "Fattura ordine {oid}",
  """Spett.le cliente,

in allegato la fattura relativa al suo ordine {oid}.

Se desidera l'intestazione a una società, ci comunichi ragione sociale, partita IVA e codice SDI e provvederemo a riemetterla.

Cordiali saluti,
Amministrazione Cancelleria Milano""", att=[("pdf_invoice", "Fattura_{oid}.pdf")])

m(L, "cofanetto-regalo-stella", "it", "product_name_gift",
  "ciao@profumi-di-sicilia.example|Profumi di Sicilia",
  "Il suo Cofanetto Regalo Stella Marina (ordine {oid})",
  """Buongiorno!

Volevamo avvisarla che il "Cofanetto Regalo Stella Marina con saponetta omaggio" del suo ordine {oid} partirà con un giorno di ritardo: le scatole regalo ci sono arrivate dopo il previsto.

Lo spediamo domani mattina e dovrebbe arrivarle entro venerdì.

Grazie per la pazienza,
Giulia - Profumi di Sicilia""")

m(L, "reso-domanda", "it", "return_instructions",
  "resi@calzature-marche.example|Calzature Marche",
  "La sua richiesta di reso - ordine {oid}",
  """Gentile cliente,

abbiamo ricevuto la sua richiesta di reso per gli stivali dell'ordine {oid}.

Per preparare l'etichetta giusta ci serve sapere se preferisce la sostituzione con un'altra taglia oppure il rimborso. In caso di cambio, ci indichi la taglia desiderata; l'etichetta di reso le arriverà poi tramite Amazon.

Cordiali saluti,
Ufficio resi Calzature Marche""")

m(L, "bozza-incisione", "it", "custom_design",
  "laboratorio@incisioni-veronesi.example|Incisioni Veronesi",
  "Bozza da approvare - ordine {oid}",
  """Ciao Sara,

prima di incidere il tagliere (ordine {oid}) ti descriviamo la bozza definitiva:

- in alto "Casa Ferraris" in corsivo, larghezza 18 cm
- in basso un ramo d'ulivo e la data 21.06.2025

Controlla bene l'ortografia e la data e rispondici con "ok, approvato" oppure con le modifiche. Non iniziamo l'incisione senza la tua conferma.

Un saluto,
Davide""")

m(L, "fascia-oraria", "it", "question",
  "ordini@fiori-trastevere.example|Fiori di Trastevere",
  "Domanda sul suo ordine {oid}",
  """Buongiorno,

grazie per l'ordine {oid}. Consegniamo noi direttamente le composizioni floreali a Roma, così arrivano fresche.

Ci può indicare la fascia oraria che preferisce per sabato, mattina (9-12) o pomeriggio (15-18)? E se al citofono c'è un nome diverso da quello dell'ordine?

Grazie mille,
Fiori di Trastevere""")

# --- violations
m(L, "annulli-lei", "it", "cancel_request",
  "info@tecnostore-bari.example|TecnoStore Bari",
  "Problema con l'ordine {oid}",
  """Buongiorno,

purtroppo lo smartwatch che ha ordinato non è più disponibile a magazzino.

Le chiediamo gentilmente di annullare lei l'ordine {oid} dalla sezione "I miei ordini" di Amazon: per noi è importante per non ricevere penalizzazioni. Verrà comunque rimborsata per intero.

Grazie per la comprensione,
TecnoStore Bari""")

m(L, "codice-fiscale", "it", "personal_data_request",
  "verifiche@oreficeria-vicenza.example|Oreficeria Vicenza",
  "Verifica necessaria - ordine {oid}",
  """Gentile cliente,

per gli ordini di gioielli in oro superiori a 400 euro dobbiamo effettuare una verifica dell'acquirente prima della spedizione.

La preghiamo di inviarci, in risposta a questo messaggio, una foto della carta d'identità fronte e retro e il suo codice fiscale. Dopo il controllo spediremo subito l'ordine {oid}.

Cordiali saluti,
Oreficeria Vicenza""")

m(L, "postepay-fuori", "it", "off_amazon_sale",
  "giuseppe@ricambi-auto-sud.example|Ricambi Auto Sud",
  "R: ordine {oid} - altri ricambi",
  """Ciao Antonio,

contento che i filtri dell'ordine {oid} fossero quelli giusti.

Per le pastiglie freni che mi chiedevi: su Amazon non le ho caricate, ma te le posso dare a 45 euro spedite. Mi fai una ricarica PostePay o un bonifico e te le spedisco in giornata, così risparmiamo le commissioni.

Giuseppe""")

m(L, "offensivo", "it", "offensive",
  "assistenza@superofferte-casa.example|SuperOfferte Casa",
  "R: Reclamo ordine {oid}",
  """Senta,

le abbiamo già spiegato tre volte che il ferro da stiro dell'ordine {oid} funziona benissimo. Se non è capace nemmeno di riempire il serbatoio, non è colpa nostra.

La smetta di romperci le scatole con questi messaggi, abbiamo di meglio da fare.
SuperOfferte Casa""")

m(L, "link-disiscrizione", "it", "opt_out_link",
  "news@oleificio-umbro.example|Oleificio Umbro",
  "Come conservare il suo olio - ordine {oid}",
  """Buongiorno,

il suo olio extravergine (ordine {oid}) è stato affidato al corriere. Un consiglio: lo conservi lontano da luce e fonti di calore, e una volta aperta la latta lo travasi in una bottiglia scura.

Buon appetito!
Oleificio Umbro

Non desidera più ricevere nostre comunicazioni? Annulli l'iscrizione qui: https://oleificio-umbro.example/unsubscribe?u=77312""", html=True)

m(L, "emoji-spedizione", "it", "emoji",
  "ciao@lana-e-gomitoli.example|Lana e Gomitoli",
  "Aggiornamento sull'ordine {oid}",
  """Ciao!

Un colore del tuo ordine {oid} era momentaneamente esaurito, per questo il pacco parte con due giorni di ritardo. Oggi lo affidiamo a GLS, numero di spedizione 6210884517 📦

Grazie mille per la pazienza ❤️
Francesca""")

m(L, "senza-numero", "it", "missing_order_id",
  "servizio@bici-dolomiti.example|Bici Dolomiti",
  "Aggiornamento sulla sua consegna",
  """Buongiorno,

il suo casco da bici arriverà con due giorni di ritardo rispetto alla data prevista, a causa di un problema di smistamento del corriere.

Ci scusiamo per il contrattempo.

Cordiali saluti,
Bici Dolomiti""")

m(L, "allegato-docm", "it", "attachment",
  "supporto@domotica-emilia.example|Domotica Emilia",
  "Modulo di configurazione - ordine {oid}",
  """Buongiorno,

per configurare la centralina dell'ordine {oid} le alleghiamo il modulo con le istruzioni. All'apertura il documento le chiederà di abilitare le macro: è necessario per calcolare i parametri.

Resto a disposizione tramite Amazon per qualsiasi dubbio.

Saluti,
Domotica Emilia""", att=[("docm", "Configurazione_centralina.docm")])

m(L, "pixel-tracciamento", "it", "tracking_pixel",
  "clienti@pelletteria-fiorentina.example|Pelletteria Fiorentina",
  "Cura della sua borsa - ordine {oid}",
  """Gentile cliente,

riguardo all'ordine {oid}: la sua borsa è in cuoio conciato al vegetale, quindi nelle prime settimane il colore si scurirà leggermente. È del tutto normale.

Non la bagni e la pulisca solo con un panno asciutto.

Cordiali saluti,
Pelletteria Fiorentina""", pixel="https://track.pelletteria-fiorentina.example/open?o={oid}&t=1")

m(L, "recensione-buono", "it", "review_incentive",
  "team@integratori-vitalis.example|Vitalis",
  "Un piccolo regalo per lei - ordine {oid}",
  """Ciao,

speriamo che il magnesio dell'ordine {oid} ti stia piacendo.

Lasciaci una recensione su Amazon e mandaci lo screenshot: ti regaliamo subito un buono Amazon da 10 euro come ringraziamento.

Un abbraccio,
Il team Vitalis""")

m(L, "se-soddisfatto", "it", "review_conditional",
  "info@ceramiche-deruta.example|Ceramiche Deruta",
  "Tutto bene con l'ordine {oid}?",
  """Gentile cliente,

speriamo che il servizio di piatti dell'ordine {oid} sia arrivato integro.

Se è rimasto soddisfatto, ci farebbe un grande piacere ricevere una sua recensione su Amazon. Se invece qualcosa non va, ci scriva prima di lasciare un feedback, così potremo rimediare.

Cordialmente,
Ceramiche Deruta""")

m(L, "modifica-recensione", "it", "review_manipulation",
  "assistenza@zaini-appennino.example|Zaini Appennino",
  "A proposito della sua recensione - ordine {oid}",
  """Buongiorno signor Esposito,

abbiamo letto la sua recensione negativa sullo zaino dell'ordine {oid} e le abbiamo già spedito la fibbia mancante, come concordato.

Ora che il problema è risolto, potrebbe gentilmente modificare la recensione o rimuoverla? Per un piccolo negozio come il nostro conta moltissimo.

Grazie di cuore,
Zaini Appennino""")

m(L, "codice-sconto", "it", "promotion",
  "ciao@biscottificio-langhe.example|Biscottificio Langhe",
  "Il suo ordine {oid}",
  """Buongiorno!

Speriamo che i biscotti alla nocciola dell'ordine {oid} siano arrivati croccanti.

Le segnaliamo che da questa settimana trova su Amazon anche i nostri panettoni artigianali: con il codice LANGHE15 ha il 15% di sconto sul prossimo acquisto.

Dolci saluti,
Biscottificio Langhe""")

m(L, "solo-grazie", "it", "thank_you_only",
  "ciao@cartoleria-gialla.example|Cartoleria Gialla",
  "Grazie per il suo ordine {oid}!",
  """Ciao,

volevamo solo ringraziarti di cuore per il tuo ordine {oid}. Siamo una piccola cartoleria di Bologna e ogni ordine per noi è una festa.

A presto,
Cartoleria Gialla""")

# ---------------------------------------------------------------- Japanese (co.jp)
L = "ja"
m(L, "haisou-chien", "co.jp", "tracking_number",
  "support@kagu-hinoki.example|家具工房ひのき",
  "【配送遅延のお知らせ】ご注文番号 {oid}",
  """山本様

この度は家具工房ひのきをご利用いただき、誠にありがとうございます。

ご注文（注文番号：{oid}）の収納棚につきまして、西濃運輸の中継センターでの混雑により、お届けが2日ほど遅れる見込みとなりました。

西濃運輸のお問い合わせ番号は 5123-8840-2271 です。配達日が確定しましたら運送会社よりご連絡がございます。

ご迷惑をおかけし申し訳ございません。
何卒よろしくお願い申し上げます。

家具工房ひのき　カスタマーサポート""")

m(L, "review-neutral", "co.jp", "neutral_review_request",
  "info@ocha-uji-hanaya.example|宇治茶 花屋",
  "ご注文 {oid} についてのお願い",
  """お客様

先日は宇治茶 花屋の商品をお買い上げいただき、ありがとうございました（注文番号：{oid}）。

よろしければ、Amazonでカスタマーレビューを投稿して、商品のご感想をお聞かせいただけますでしょうか。お客様のレビューは、他のお客様が商品を選ぶ際の参考になります。

今後ともよろしくお願いいたします。
宇治茶 花屋""")

m(L, "muryou-koukan", "co.jp", "free_replacement",
  "cs@utsuwa-mino.example|美濃の器 やまぶき",
  "Re: 商品破損の件（注文番号 {oid}）",
  """佐藤様

お写真をお送りいただきありがとうございます。マグカップの持ち手にひびが入っていることを確認いたしました。梱包が不十分であったこと、心よりお詫び申し上げます。

代替品を無償にて本日発送いたしました。破損した商品はご返送いただく必要はございませんので、お手数ですが処分していただけますと幸いです。

注文番号 {oid} の件で他にご不明な点がございましたら、本メッセージにご返信ください。

美濃の器 やまぶき　担当：加藤""")

m(L, "funshitsu-henkin", "co.jp", "lost_package_refund",
  "shop@hon-no-mori.example|古書 本の森",
  "お荷物の紛失について（注文番号 {oid}）",
  """お客様

ご注文番号 {oid} のお荷物につきまして、日本郵便より配送途中での紛失との連絡がございました。大変申し訳ございません。

本日、Amazonを通じて全額返金の手続きをいたしました。数日以内にお支払い方法へ反映されます。お客様のお手続きは不要です。

このたびはご迷惑をおかけいたしました。
古書 本の森""")

m(L, "zaiko-gire-cancel", "co.jp", "seller_cancelled",
  "order@denki-sakura.example|さくら電機",
  "ご注文キャンセルのお知らせ（{oid}）",
  """お客様

このたびはさくら電機をご利用いただき、誠にありがとうございます。

ご注文いただいた電気ケトルですが、在庫管理システムの不具合により在庫切れとなっていることが判明いたしました。大変恐縮ですが、ご注文（{oid}）は当店にてキャンセルさせていただきました。

代金が請求されることはございません。ご迷惑をおかけし、誠に申し訳ございません。

さくら電機""")

m(L, "haitatsu-bi-chousei", "co.jp", "delivery_reschedule",
  "haisou@sofa-ichiba.example|ソファ市場",
  "配達日時のご相談（注文番号 {oid}）",
  """鈴木様

ご注文いただいた3人掛けソファ（注文番号：{oid}）が弊社倉庫に入荷いたしました。大型商品のため、2名での搬入・開梱設置となり、事前に配達日時を決めさせていただく必要がございます。

11月14日（土）または11月17日（火）の午前（9時〜12時）・午後（13時〜18時）のいずれかでご都合のよい日時をお知らせください。

また、エレベーターの有無と、お部屋の階数も併せて教えていただけますと助かります。搬入経路の寸法をご確認いただけるよう、取扱説明書（PDF）を添付いたしました。

よろしくお願いいたします。
ソファ市場　配送担当""", att=[("pdf_instructions", "取扱説明書.pdf")])

m(L, "hoshou-maker", "co.jp", "warranty",
  "support@onkyo-plaza.example|音響プラザ",
  "保証についてのご案内（注文番号 {oid}）",
  """お客様

イヤホンの右側から音が出なくなったとのこと、ご不便をおかけしております。ご注文（{oid}）の商品はメーカー保証（1年間）の対象です。

メーカーのサポートセンター（フリーダイヤル 0120-555-382、平日10時〜17時）へご連絡いただくのが最も早く対応できます。保証書を添付いたしましたので、お問い合わせの際にご利用ください。

音響プラザ""", att=[("pdf_warranty", "保証書.pdf")])

m(L, "ryoushuusho", "co.jp", "invoice",
  "keiri@bungu-marunouchi.example|丸の内文具",
  "領収書送付のご案内（注文番号 {oid}）",
  """ご担当者様

平素より丸の内文具をご利用いただき、誠にありがとうございます。

ご依頼いただきましたご注文（{oid}）の適格請求書（インボイス）をPDFにて添付いたします。宛名の変更が必要な場合は、正式な会社名をお知らせください。

今後ともよろしくお願い申し上げます。
丸の内文具　経理部""", att=[("pdf_invoice", "請求書_{oid}.pdf")], html=True)

m(L, "gift-set-hoshizora", "co.jp", "product_name_gift",
  "info@candle-tsukiakari.example|キャンドル工房 月明かり",
  "「星空ギフトセット」発送についてのお知らせ（{oid}）",
  """お客様

ご注文（{oid}）の「星空ギフトセット（ボーナスキャンドル付き）」ですが、ギフトボックスの入荷が遅れたため、発送が1日遅れることとなりました。

明日の午前中に発送いたしますので、週末までにはお届けできる見込みです。

お待たせして申し訳ございません。
キャンドル工房 月明かり""")

m(L, "henpin-shitsumon", "co.jp", "return_instructions",
  "henpin@fuku-no-ie.example|ふくのいえ",
  "返品リクエストについて（注文番号 {oid}）",
  """お客様

ご注文（{oid}）のコートについて、返品リクエストを承りました。

返品用ラベルを発行するにあたり、サイズ交換をご希望か、返金をご希望かをお知らせいただけますでしょうか。交換の場合はご希望のサイズもお書き添えください。

ラベルはAmazonを通じてお送りいたします。
ふくのいえ　返品担当""")

m(L, "hyousatsu-design", "co.jp", "custom_design",
  "koubou@hyousatsu-kinoka.example|表札工房 木の香",
  "デザイン確認のお願い（注文番号 {oid}）",
  """田中様

ご注文（{oid}）の木製表札につきまして、彫刻前に最終デザインをご確認ください。

・文字：「田中」楷書体、縦書き
・サイズ：縦21cm×横12cm
・右下に家紋なし、ローマ字表記なし

誤字等がないかご確認のうえ、「この内容でお願いします」とご返信いただくか、修正点をお知らせください。ご承認をいただくまで制作は開始いたしません。

表札工房 木の香""")

m(L, "noshi-shitsumon", "co.jp", "question",
  "order@wagashi-kyomachi.example|京町和菓子",
  "ご注文内容の確認（{oid}）",
  """お客様

この度はご注文（{oid}）いただき、ありがとうございます。

ご注文時に「のし」をご希望とのことでしたが、表書き（御歳暮・御礼など）とお名入れの内容が未記入でした。お手数ですが、ご希望の表書きとお名前をご返信いただけますでしょうか。

ご連絡をいただき次第、発送の準備を進めます。
京町和菓子""")

# --- violations
m(L, "cancel-onegai", "co.jp", "cancel_request",
  "shop@gadget-depot-osaka.example|ガジェットデポ大阪",
  "ご注文についてのお詫び（{oid}）",
  """お客様

申し訳ございません。ご注文いただいたワイヤレス充電器が在庫切れとなってしまいました。

大変お手数ですが、お客様ご自身で「注文履歴」から注文（{oid}）のキャンセル手続きをしていただけますでしょうか。当店からキャンセルするとアカウント評価に影響が出てしまうため、ご協力をお願いいたします。

ガジェットデポ大阪""")

m(L, "mynumber", "co.jp", "personal_data_request",
  "kakunin@kikinzoku-ginza.example|銀座貴金属",
  "ご本人確認のお願い（注文番号 {oid}）",
  """お客様

ご注文（{oid}）の18金ネックレスにつきまして、高額商品のため発送前にご本人確認をお願いしております。

運転免許証またはマイナンバーカードの表裏の画像と、生年月日を本メッセージへのご返信でお送りください。確認が取れ次第、即日発送いたします。

銀座貴金属""")

m(L, "furikomi-chokusetsu", "co.jp", "off_amazon_sale",
  "tanaka@buhin-center-nagoya.example|部品センター名古屋",
  "Re: 追加部品について（{oid}）",
  """お客様

ご注文（{oid}）のワイパーブレードが適合したとのこと、何よりです。

お問い合わせいただいたリアワイパーについては、Amazonには出品しておりませんが、当店の自社サイトから直接ご注文いただければ2割ほど安くご提供できます。お支払いは銀行振込で承ります。

部品センター名古屋　田中""")

m(L, "bougen", "co.jp", "offensive",
  "cs@yasuuri-honpo.example|激安本舗",
  "Re: クレームの件（{oid}）",
  """何度も説明していますが、ご注文（{oid}）の掃除機に不具合はありません。

使い方も分からないなら最初から買わないでください。頭悪いんですか？正直迷惑です。二度と連絡してこないでください。

激安本舗""")

m(L, "hassou-kanryou", "co.jp", "confirmation_only",
  "info@kome-niigata.example|新潟お米屋",
  "発送完了のお知らせ（注文番号 {oid}）",
  """お客様

ご注文（{oid}）の商品を本日発送いたしました。

新潟お米屋""")

m(L, "gaibu-link", "co.jp", "external_link",
  "support@robot-soji.example|ロボ掃除ラボ",
  "初期設定について（注文番号 {oid}）",
  """お客様

ご注文（{oid}）のロボット掃除機について、Wi-Fi接続でお困りの方が多いため、設定手順を動画にまとめました。

こちらからご覧いただけます：https://robot-soji.example/setup/wifi

ご不明点があれば、このメッセージにご返信ください。
ロボ掃除ラボ""", html=True)

m(L, "mail-address", "co.jp", "email_address",
  "cs@tokei-koubou.example|時計工房",
  "Re: 腕時計のベルトについて（{oid}）",
  """お客様

ご注文（{oid}）の腕時計のベルト調整についてお問い合わせいただき、ありがとうございます。

手首のサイズを測っていただいた上で、写真と一緒に belt@tokei-koubou.example までお送りいただければ、調整済みのコマをお送りします。

時計工房""")

m(L, "denwa-bangou", "co.jp", "phone_number",
  "info@aircon-kyushu.example|エアコン九州",
  "取り付けについて（注文番号 {oid}）",
  """お客様

ご注文（{oid}）のエアコンは明日お届け予定です。

取り付け工事の日程調整をご希望の場合は、当店の携帯 090-5555-7712（担当：中村）まで直接お電話ください。

エアコン九州""")

m(L, "instagram", "co.jp", "social_media",
  "hello@tenugui-asakusa.example|浅草てぬぐい",
  "お手入れ方法のご案内（{oid}）",
  """お客様

ご注文（{oid}）の手ぬぐいは、最初の数回の洗濯で色が少し落ちますので、単独で手洗いしてください。

新柄の情報はインスタグラム（@asakusa_tenugui）やLINE公式アカウントで発信しております。ぜひフォローしてください。

浅草てぬぐい""")

m(L, "haishin-teishi", "co.jp", "opt_out_link",
  "news@sake-kura.example|酒蔵 みずほ",
  "保存方法のご案内（注文番号 {oid}）",
  """お客様

ご注文（{oid}）の純米吟醸は、直射日光を避け、冷蔵庫での保存をおすすめいたします。開栓後はお早めにお召し上がりください。

酒蔵 みずほ

※今後このようなメッセージの受信を希望されない場合は、こちらから配信停止できます：https://sake-kura.example/mail/stop?id=20931""", html=True)

m(L, "emoji", "co.jp", "emoji",
  "shop@nuigurumi-hiroba.example|ぬいぐるみ広場",
  "お届け日の変更について（{oid}）",
  """お客様

ご注文（{oid}）のぬいぐるみですが、台風の影響でヤマト運輸の配送が遅れており、お届けが1日遅れる見込みです🙇‍♀️

伝票番号は 4821-3307-5519 です。もう少々お待ちください😊

ぬいぐるみ広場""")

m(L, "chuumon-bangou-nashi", "co.jp", "missing_order_id",
  "support@kitchen-tsubame.example|燕キッチン",
  "お届け予定日の変更について",
  """お客様

ご注文いただいた包丁セットですが、佐川急便の仕分けセンターでの遅延により、お届けが1日遅れる見込みとなりました。

ご迷惑をおかけし、申し訳ございません。
燕キッチン""")

m(L, "tenpu-zip", "co.jp", "attachment",
  "support@camera-akiba.example|カメラ秋葉",
  "取扱説明書の送付（注文番号 {oid}）",
  """お客様

ご注文（{oid}）のアクションカメラについて、日本語の取扱説明書と設定用の画像をまとめて添付いたしました。解凍してご利用ください。

カメラ秋葉""", att=[("zip", "manual_jp.zip")])

m(L, "tracking-pixel", "co.jp", "tracking_pixel",
  "info@kaban-toyooka.example|豊岡かばん",
  "お手入れについて（注文番号 {oid}）",
  """お客様

ご注文（{oid}）の革の鞄は、使い込むほどに色が深まります。最初の数週間で色が少し濃くなりますが、不良ではございません。

水濡れを避け、乾いた布で拭いてお手入れください。

豊岡かばん""", pixel="https://mail.kaban-toyooka.example/t/{oid}.gif")

# ---------------------------------------------------------------- Dutch (nl, com.be)
L = "nl"
m(L, "vertraging-vervoerder", "nl", "tracking_number",
  "klantenservice@meubelhuis-vandijk.example|Meubelhuis Van Dijk",
  "Vertraging bezorging bestelling {oid}",
  """Beste klant,

Helaas loopt de levering van je eettafel (bestelling {oid}) een paar dagen vertraging op. De vervoerder Rhenus heeft de zending door een storing in het sorteercentrum in Tilburg pas gisteren opgehaald.

Het zendingsnummer bij Rhenus is 3SRHN48221907. Zodra de zending weer rijdt, neemt de vervoerder contact met je op om een bezorgmoment af te spreken.

Onze excuses voor het ongemak.

Met vriendelijke groet,
Klantenservice Meubelhuis Van Dijk""")

m(L, "review-neutraal", "com.be", "neutral_review_request",
  "info@chocolaterie-brugge.example|Chocolaterie Brugge",
  "Jouw ervaring met bestelling {oid}",
  """Hallo,

Bedankt voor je recente aankoop (bestelling {oid}).

Wil je je ervaring met het product delen door een review achter te laten op Amazon? Jouw beoordeling helpt andere klanten om een goede keuze te maken.

Vriendelijke groeten,
Chocolaterie Brugge""")

m(L, "gratis-vervanging", "nl", "free_replacement",
  "service@fietsonderdelen-zwolle.example|Fietsonderdelen Zwolle",
  "Re: kapotte fietsbel - {oid}",
  """Hoi Sanne,

Dank voor de foto, je hebt gelijk: het veertje in de bel is afgebroken. Dat hoort natuurlijk niet.

We sturen je gratis een nieuwe bel toe, die gaat morgen met PostNL de deur uit. De kapotte hoef je niet terug te sturen.

Als er nog iets is, laat het gerust weten en noem even bestelnummer {oid}.

Groetjes,
Bram van Fietsonderdelen Zwolle""")

m(L, "pakket-kwijt", "com.be", "lost_package_refund",
  "klantendienst@boekhandel-gent.example|Boekhandel Gent",
  "Uw pakket - bestelling {oid}",
  """Beste,

bpost heeft ons vandaag bevestigd dat het pakket met uw bestelling {oid} verloren is gegaan. Onze excuses daarvoor.

Wij hebben het volledige bedrag via Amazon terugbetaald. U ziet de terugbetaling binnen enkele werkdagen op uw oorspronkelijke betaalmethode; u hoeft zelf niets te doen.

Met vriendelijke groeten,
Boekhandel Gent""")

m(L, "geannuleerd-uitverkocht", "nl", "seller_cancelled",
  "orders@witgoed-brabant.example|Witgoed Brabant",
  "Uw bestelling {oid} is geannuleerd",
  """Geachte klant,

Tot onze spijt moeten wij u laten weten dat de stofzuiger die u heeft besteld niet meer op voorraad is. Onze leverancier kan ook geen nieuwe leverdatum geven.

Wij hebben uw bestelling {oid} daarom geannuleerd. Er wordt niets van uw rekening afgeschreven.

Excuses voor het ongemak.

Met vriendelijke groet,
Witgoed Brabant""")

m(L, "bezorgafspraak-kast", "nl", "delivery_reschedule",
  "planning@kastenwinkel-utrecht.example|Kastenwinkel Utrecht",
  "Afspraak voor bezorging van je kledingkast - {oid}",
  """Hoi Mark,

Je kledingkast (bestelling {oid}) staat klaar in ons magazijn. Omdat de kast met twee man naar binnen gebracht wordt, plannen we de levering graag samen met jou in.

We kunnen dinsdag 17 of donderdag 19 november langskomen, 's ochtends (8-12 uur) of 's middags (12-17 uur). Wat komt jou het beste uit?

Laat ook even weten op welke verdieping je woont en of er een lift is.

Groet,
Planning Kastenwinkel Utrecht""")

m(L, "garantie-fabrikant", "nl", "warranty",
  "support@geluidshuis.example|Geluidshuis",
  "Garantie op je koptelefoon - bestelling {oid}",
  """Hallo,

Vervelend dat je koptelefoon niet meer oplaadt. Het product uit bestelling {oid} valt onder de fabrieksgarantie van twee jaar.

Het snelst regel je dit via de servicelijn van de fabrikant: 0800 555 0419 (gratis, ma-vr 9-17 uur). In de bijlage vind je het garantiebewijs, houd dat bij de hand als je belt.

Groet,
Geluidshuis""", att=[("pdf_warranty", "garantiebewijs.pdf")])

m(L, "factuur-bijlage", "com.be", "invoice",
  "boekhouding@kantoorartikelen-leuven.example|Kantoorartikelen Leuven",
  "Factuur bestelling {oid}",
  """Geachte,

In bijlage vindt u de factuur voor uw bestelling {oid}.

Moet de factuur op naam van uw bedrijf staan? Bezorg ons dan de bedrijfsnaam en het ondernemingsnummer, dan maken wij een nieuwe op.

Met vriendelijke groeten,
Boekhouding Kantoorartikelen Leuven""", att=[("pdf_invoice", "factuur_{oid}.pdf")])

m(L, "cadeaubox-ster", "nl", "product_name_gift",
  "hoi@kaarsenatelier-delft.example|Kaarsenatelier Delft",
  "Je Sterrenhemel Cadeaubox (bestelling {oid})",
  """Hoi!

Even een update over je bestelling {oid}: de "Sterrenhemel Cadeaubox + gratis bonuskaars" wordt een dag later verstuurd dan gepland, omdat de cadeauverpakkingen te laat bij ons binnenkwamen.

We versturen hem morgenochtend, dus hij is er nog ruim voor het weekend.

Dank voor je geduld!
Lotte, Kaarsenatelier Delft""")

m(L, "retour-vraag", "nl", "return_instructions",
  "retouren@schoenen-amersfoort.example|Schoenen Amersfoort",
  "Je retourverzoek - bestelling {oid}",
  """Hallo,

We hebben je retourverzoek voor de sneakers uit bestelling {oid} ontvangen.

Om het juiste retourlabel aan te maken, willen we graag weten of je de schoenen wilt ruilen voor een andere maat of je geld terug wilt. Wil je ruilen, geef dan even de gewenste maat door. Het label ontvang je daarna via Amazon.

Vriendelijke groet,
Team retouren""")

m(L, "ontwerp-goedkeuren", "com.be", "custom_design",
  "atelier@graveerwerk-antwerpen.example|Graveerwerk Antwerpen",
  "Ontwerp ter goedkeuring - bestelling {oid}",
  """Dag Els,

Voor we je snijplank graveren (bestelling {oid}), hieronder het definitieve ontwerp:

- Bovenaan "Bij Jef en Els" in schrijfletters, 20 cm breed
- Onderaan een klein huisje en het jaartal 2026

Kijk je de spelling goed na? Laat ons weten of het "goed zo" is of wat er anders moet. Zonder jouw akkoord beginnen we niet.

Groetjes,
Pieter""")

m(L, "tekst-ontbreekt", "nl", "question",
  "info@sieradenlab.example|SieradenLab",
  "Vraag over je bestelling {oid}",
  """Hoi,

Bedankt voor je bestelling {oid}! Bij het naamkettinkje is helaas geen naam ingevuld in het personalisatieveld.

Kun je ons laten weten welke naam (max. 10 letters) erop moet en of je liever zilver of rosé goud wilt? Dan gaan we meteen aan de slag.

Liefs,
SieradenLab""")

# --- violations
m(L, "zelf-annuleren", "nl", "cancel_request",
  "service@gamestore-rotterdam.example|GameStore Rotterdam",
  "Probleem met je bestelling {oid}",
  """Hoi,

Sorry, de controller die je besteld hebt blijkt toch niet meer op voorraad te zijn.

Zou je bestelling {oid} zelf willen annuleren via "Mijn bestellingen" op Amazon? Als wij het doen, telt dat tegen ons als verkoper. Je krijgt je geld gewoon volledig terug.

Bedankt voor je begrip!
GameStore Rotterdam""")

m(L, "bsn-kopie-id", "nl", "personal_data_request",
  "controle@goudsmid-haarlem.example|Goudsmid Haarlem",
  "Verificatie nodig - bestelling {oid}",
  """Geachte klant,

Voor bestellingen van gouden sieraden boven de 300 euro controleren wij de identiteit van de koper voordat wij verzenden.

Wilt u in een antwoord op dit bericht een kopie van uw paspoort of identiteitskaart en uw BSN sturen? Na controle versturen wij bestelling {oid} dezelfde dag.

Met vriendelijke groet,
Goudsmid Haarlem""")

m(L, "tikkie-betalen", "nl", "off_amazon_sale",
  "ruud@autoonderdelen-venlo.example|Autoonderdelen Venlo",
  "Re: bestelling {oid} - ruitenwissers",
  """Hoi Dennis,

Fijn dat de remblokken van bestelling {oid} passen.

Die achterruitenwisser waar je naar vroeg heb ik niet op Amazon staan, maar ik kan hem je rechtstreeks verkopen voor 18 euro incl. verzending. Ik stuur je een Tikkie, dan gaat hij morgen op de post.

Groet,
Ruud""")

m(L, "grof", "com.be", "offensive",
  "service@koopjeshal-limburg.example|Koopjeshal Limburg",
  "Re: klacht bestelling {oid}",
  """Luister eens,

We hebben u nu al drie keer uitgelegd dat er niets mis is met de waterkoker uit bestelling {oid}. Als u te dom bent om de stekker in het stopcontact te steken, is dat uw probleem.

Stop met ons lastig te vallen met die onnozele berichten.
Koopjeshal Limburg""")

m(L, "review-cadeaubon", "nl", "review_incentive",
  "hallo@huidverzorging-puur.example|Puur Huidverzorging",
  "Een cadeautje voor jou - bestelling {oid}",
  """Hoi!

We hopen dat je blij bent met de dagcrème uit bestelling {oid}.

Laat je een review achter op Amazon? Stuur ons een screenshot en je krijgt van ons een bol-cadeaubon van 10 euro als bedankje.

Liefs,
Team Puur""")

m(L, "als-tevreden", "com.be", "review_conditional",
  "info@glasblazerij-mechelen.example|Glasblazerij Mechelen",
  "Is alles goed aangekomen? Bestelling {oid}",
  """Beste klant,

Wij hopen dat de karaf uit bestelling {oid} heelhuids bij u is aangekomen.

Bent u tevreden, dan zouden wij een beoordeling op Amazon enorm appreciëren. Is er iets mis, neem dan eerst contact met ons op voordat u feedback achterlaat, zodat wij het kunnen oplossen.

Met vriendelijke groeten,
Glasblazerij Mechelen""")

m(L, "review-aanpassen", "nl", "review_manipulation",
  "service@rugzakspecialist.example|De Rugzakspecialist",
  "Over je review - bestelling {oid}",
  """Hoi Femke,

We zagen je review van 2 sterren over de rugzak uit bestelling {oid}. Het ontbrekende gespje hebben we je inmiddels toegestuurd, zoals afgesproken.

Nu het opgelost is: zou je je review willen aanpassen naar 5 sterren of hem verwijderen? Voor een kleine winkel als de onze maakt dat echt verschil.

Groetjes,
De Rugzakspecialist""")

m(L, "kortingscode", "nl", "promotion",
  "hoi@koffiebranderij-zuid.example|Koffiebranderij Zuid",
  "Je bestelling {oid}",
  """Hoi!

Je bonen uit bestelling {oid} zijn gisteren bezorgd, we hopen dat de eerste kop goed smaakte.

Nieuw bij ons: een espressomachine-reinigingsset, nu ook op Amazon. Met code ZUID10 krijg je 10% korting op je volgende bestelling.

Fijne koffiedag,
Koffiebranderij Zuid""")

m(L, "alleen-bedankt", "com.be", "thank_you_only",
  "hallo@speelgoed-tuimel.example|Speelgoed Tuimel",
  "Dank je wel voor bestelling {oid}!",
  """Dag,

Gewoon even een berichtje om je van harte te bedanken voor je bestelling {oid}. Als klein speelgoedwinkeltje in Kortrijk doet elke bestelling ons plezier.

Tot ziens,
Speelgoed Tuimel""")

m(L, "verzendbevestiging", "nl", "confirmation_only",
  "verzending@theehuis-amsterdam.example|Theehuis Amsterdam",
  "Je bestelling {oid} is verzonden",
  """Hallo,

Goed nieuws: je bestelling {oid} is vandaag verzonden en is onderweg naar je toe.

Groet,
Theehuis Amsterdam""")

m(L, "link-handleiding", "com.be", "external_link",
  "support@slimmehuis-brussel.example|SlimmeHuis",
  "Installatie van je deurbel - bestelling {oid}",
  """Hallo,

Bedankt voor je bestelling {oid}. Veel klanten lopen vast bij het koppelen van de deurbel aan de gong, daarom hebben we een stap-voor-stap uitleg gemaakt.

Je vindt de video en het aansluitschema op hxxps://slimmehuis-brussel[.]example/deurbel

Lukt het daarna nog niet, antwoord dan gewoon op dit bericht.

Groeten,
SlimmeHuis""")

m(L, "mailadres-fotos", "nl", "email_address",
  "klantenservice@lampenwinkel-leiden.example|Lampenwinkel Leiden",
  "Re: beschadigde lamp - bestelling {oid}",
  """Beste mevrouw Jansen,

Wat vervelend dat de lampenkap uit bestelling {oid} gedeukt is aangekomen.

Kunt u een paar foto's van de schade en de doos mailen naar schade@lampenwinkel-leiden.example? Dan dienen wij de claim in bij de vervoerder en sturen wij direct een nieuwe kap.

Met vriendelijke groet,
Ilse""")

m(L, "bel-ons", "nl", "phone_number",
  "service@fitnesswinkel-arnhem.example|Fitnesswinkel Arnhem",
  "Montagehulp bestelling {oid}",
  """Hoi Kevin,

Vervelend dat de crosstrainer (bestelling {oid}) niet goed in elkaar gaat. Meestal zit het in de volgorde van de bouten bij het voetplateau.

Bel gerust met onze monteur op 06-55512834, hij loopt het in tien minuutjes met je door.

Sportieve groet,
Fitnesswinkel Arnhem""")

m(L, "volg-ons", "com.be", "social_media",
  "hallo@breiwerk-oostende.example|Breiwerk Oostende",
  "Verzorging van je sjaal - bestelling {oid}",
  """Dag!

Je wollen sjaal (bestelling {oid}) komt morgen aan. Tip: was hem op 30 graden met wolwasmiddel en laat hem plat drogen.

Meer tips en nieuwe kleuren zie je op onze Facebookpagina en op Instagram via @breiwerkoostende.

Warme groeten,
Breiwerk Oostende""")

# ---------------------------------------------------------------- Polish (pl)
L = "pl"
m(L, "opoznienie-kurier", "pl", "tracking_number",
  "obsluga@meble-kowalczyk.example|Meble Kowalczyk",
  "Opóźnienie dostawy zamówienia {oid}",
  """Dzień dobry,

uprzejmie informujemy, że dostawa komody (zamówienie {oid}) opóźni się o około dwa dni robocze. Firma spedycyjna Raben miała awarię pojazdu w terminalu w Poznaniu.

Numer przesyłki w Raben to 1204 6638 9901. Przewoźnik skontaktuje się z Państwem telefonicznie, aby ustalić termin dostawy.

Przepraszamy za utrudnienia.

Z poważaniem,
Dział obsługi klienta Meble Kowalczyk""")

m(L, "opinia-neutralna", "pl", "neutral_review_request",
  "sklep@herbaciarnia-krakowska.example|Herbaciarnia Krakowska",
  "Zamówienie {oid} - podziel się opinią",
  """Dzień dobry,

dziękujemy za niedawny zakup (zamówienie {oid}).

Czy zechciałby Pan/zechciałaby Pani podzielić się swoimi wrażeniami, wystawiając recenzję produktu na Amazon? Państwa opinia pomaga innym klientom w podjęciu decyzji.

Serdecznie pozdrawiamy,
Herbaciarnia Krakowska""", html=True)

m(L, "wymiana-gratis", "pl", "free_replacement",
  "reklamacje@garnki-gdansk.example|Garnki Gdańsk",
  "Odp: Pęknięta pokrywka - zamówienie {oid}",
  """Dzień dobry Pani Anno,

dziękujemy za przesłane zdjęcia, pokrywka faktycznie jest pęknięta. Bardzo nam przykro.

Wysyłamy dziś nieodpłatnie nową pokrywkę w ramach wymiany, tym razem w podwójnym kartonie. Uszkodzonej nie trzeba odsyłać.

W razie pytań prosimy o odpowiedź na tę wiadomość z numerem zamówienia {oid}.

Pozdrawiamy,
Kasia z Garnki Gdańsk""")

m(L, "paczka-zaginela", "pl", "lost_package_refund",
  "kontakt@ksiegarnia-pod-lipa.example|Księgarnia Pod Lipą",
  "Państwa przesyłka - zamówienie {oid}",
  """Dzień dobry,

InPost potwierdził dziś, że paczka z zamówieniem {oid} zaginęła w ich sieci. Bardzo przepraszamy.

Zwróciliśmy już pełną kwotę za pośrednictwem Amazon. Środki pojawią się na Państwa metodzie płatności w ciągu kilku dni roboczych, nie trzeba nic robić.

Pozdrawiamy,
Księgarnia Pod Lipą""")

m(L, "anulowane-brak", "pl", "seller_cancelled",
  "zamowienia@elektro-wroclaw.example|Elektro Wrocław",
  "Anulowanie zamówienia {oid}",
  """Szanowni Państwo,

z przykrością informujemy, że zamówiona kosiarka akumulatorowa jest niedostępna, a dostawca nie podał terminu dostawy.

W związku z tym anulowaliśmy Państwa zamówienie {oid}. Nie zostaną Państwo obciążeni żadną kwotą.

Przepraszamy za niedogodności.

Z poważaniem,
Elektro Wrocław""")

m(L, "termin-dostawy-lodowka", "pl", "delivery_reschedule",
  "dostawy@agd-lodz.example|AGD Łódź",
  "Ustalenie terminu dostawy lodówki - zamówienie {oid}",
  """Dzień dobry Panie Tomaszu,

Pana lodówka (zamówienie {oid}) dotarła do naszego magazynu. Ponieważ dostawa odbywa się z wniesieniem przez dwie osoby, musimy wcześniej ustalić termin.

Proponujemy wtorek 17.11 lub czwartek 19.11, w godzinach 8-13 albo 13-18. Który termin Panu odpowiada?

Prosimy też o informację, na którym piętrze Pan mieszka i czy w budynku jest winda.

Pozdrawiamy,
Dział dostaw AGD Łódź""")

m(L, "gwarancja-producent", "pl", "warranty",
  "serwis@audio-katowice.example|Audio Katowice",
  "Gwarancja słuchawek - zamówienie {oid}",
  """Dzień dobry,

przykro nam, że słuchawki przestały się ładować. Produkt z zamówienia {oid} jest objęty 24-miesięczną gwarancją producenta.

Najszybciej będzie skontaktować się z serwisem producenta pod numerem infolinii 800 555 270 (pn-pt 8-16). W załączniku przesyłamy kartę gwarancyjną.

Pozdrawiamy,
Audio Katowice""", att=[("pdf_warranty", "karta_gwarancyjna.pdf")])

m(L, "faktura-vat", "pl", "invoice",
  "faktury@biuro-plus-lublin.example|Biuro Plus Lublin",
  "Faktura VAT do zamówienia {oid}",
  """Dzień dobry,

w załączniku przesyłamy fakturę VAT do zamówienia {oid}.

Jeśli faktura ma być wystawiona na firmę, prosimy o podanie nazwy firmy i numeru NIP, a wystawimy ją ponownie.

Z poważaniem,
Dział księgowości Biuro Plus""", att=[("pdf_invoice", "Faktura_VAT_{oid}.pdf")])

m(L, "zestaw-prezentowy-gwiazdka", "pl", "product_name_gift",
  "czesc@swiece-mazury.example|Świece Mazury",
  "Twój Zestaw Prezentowy Gwiazdka (zamówienie {oid})",
  """Cześć!

Krótka informacja o zamówieniu {oid}: "Zestaw Prezentowy Gwiazdka + świeczka bonus gratis" wyślemy dzień później niż planowaliśmy, bo pudełka prezentowe dotarły do nas z opóźnieniem.

Paczka wyjdzie jutro rano i powinna dotrzeć przed weekendem.

Dzięki za cierpliwość!
Ola ze Świec Mazury""")

m(L, "zwrot-pytanie", "pl", "return_instructions",
  "zwroty@obuwie-rzeszow.example|Obuwie Rzeszów",
  "Zgłoszenie zwrotu - zamówienie {oid}",
  """Dzień dobry,

otrzymaliśmy zgłoszenie zwrotu butów z zamówienia {oid}.

Żeby przygotować właściwą etykietę, prosimy o informację, czy woli Pani wymianę na inny rozmiar, czy zwrot pieniędzy. W przypadku wymiany prosimy podać nowy rozmiar. Etykieta zwrotna zostanie przesłana przez Amazon.

Pozdrawiamy,
Dział zwrotów""")

m(L, "projekt-grawer", "pl", "custom_design",
  "pracownia@grawer-torun.example|Grawer Toruń",
  "Projekt do akceptacji - zamówienie {oid}",
  """Dzień dobry Pani Magdo,

zanim wygrawerujemy deskę (zamówienie {oid}), przesyłamy opis ostatecznego projektu:

- u góry napis "Kuchnia Babci Zosi" pismem odręcznym, szerokość 20 cm
- na dole gałązka lawendy i data 14.02.2026

Prosimy sprawdzić pisownię i datę i odpisać "akceptuję" albo podać poprawki. Bez akceptacji nie zaczynamy grawerowania.

Pozdrawiamy,
Pracownia Grawer Toruń""")

m(L, "brak-tekstu-grawer", "pl", "question",
  "sklep@bizuteria-lwia.example|Biżuteria Lwia",
  "Pytanie do zamówienia {oid}",
  """Dzień dobry,

dziękujemy za zamówienie {oid}. W polu personalizacji nie pojawił się niestety tekst do grawerowania na bransoletce.

Prosimy o podanie tekstu (maks. 15 znaków) i wybór czcionki: pisana czy drukowana. Jak tylko go otrzymamy, rozpoczniemy realizację.

Pozdrawiamy,
Biżuteria Lwia""")

# --- violations
m(L, "prosze-anulowac", "pl", "cancel_request",
  "sklep@gsm-centrum-poznan.example|GSM Centrum Poznań",
  "Problem z zamówieniem {oid}",
  """Dzień dobry,

niestety zamówiony przez Pana powerbank okazał się niedostępny w magazynie.

Bardzo prosimy o samodzielne anulowanie zamówienia {oid} w zakładce "Twoje zamówienia" na Amazon. Jeśli my to zrobimy, dostaniemy karę do wskaźników sprzedawcy. Pieniądze wrócą w całości.

Dziękujemy za wyrozumiałość,
GSM Centrum Poznań""")

m(L, "pesel-dowod", "pl", "personal_data_request",
  "weryfikacja@zloto-krakow.example|Złoto Kraków",
  "Weryfikacja zamówienia {oid}",
  """Szanowni Państwo,

w przypadku zamówień biżuterii powyżej 1000 zł przed wysyłką weryfikujemy tożsamość kupującego.

Prosimy o odesłanie w odpowiedzi skanu dowodu osobistego (obie strony) oraz numeru PESEL. Po weryfikacji zamówienie {oid} zostanie wysłane tego samego dnia.

Z poważaniem,
Złoto Kraków""")

m(L, "blik-poza-amazon", "pl", "off_amazon_sale",
  "marek@czesci-auto-slask.example|Części Auto Śląsk",
  "Odp: zamówienie {oid} - klocki",
  """Cześć,

super, że filtr z zamówienia {oid} pasuje.

Klocki hamulcowe, o które pytałeś, nie są wystawione na Amazonie, ale mogę Ci je sprzedać bezpośrednio za 120 zł z wysyłką. Przelej mi BLIK-iem na telefon, a jutro nadam paczkę.

Marek""")

m(L, "obrazliwy", "pl", "offensive",
  "bok@tanio-i-szybko.example|Tanio i Szybko",
  "Odp: reklamacja {oid}",
  """Proszę posłuchać,

już trzeci raz tłumaczymy, że odkurzacz z zamówienia {oid} działa. Jak ktoś nie umie nawet wyczyścić filtra, to niech nie kupuje sprzętu.

Proszę przestać zawracać nam głowę tymi idiotycznymi wiadomościami.
Tanio i Szybko""")

m(L, "wypisz-sie", "pl", "opt_out_link",
  "info@miodowa-pasieka.example|Miodowa Pasieka",
  "Jak przechowywać miód - zamówienie {oid}",
  """Dzień dobry,

Państwa miód (zamówienie {oid}) został przekazany kurierowi. Podpowiedź: miód z czasem krystalizuje, to naturalne. Wystarczy podgrzać słoik w kąpieli wodnej do 40 stopni.

Smacznego!
Miodowa Pasieka

Nie chcesz otrzymywać od nas wiadomości? Wypisz się tutaj: https://miodowa-pasieka.example/wypisz?id=6620""", html=True)

m(L, "emotki", "pl", "emoji",
  "hej@wloczki-zakopane.example|Włóczki Zakopane",
  "Aktualizacja zamówienia {oid}",
  """Hej!

Jeden kolor z Twojego zamówienia {oid} był chwilowo niedostępny, dlatego paczka wychodzi dwa dni później. Dziś nadajemy ją w InPost, numer przesyłki 620112349987112233445566 🧡

Dziękujemy za cierpliwość 😊
Justyna""")

m(L, "brak-numeru", "pl", "missing_order_id",
  "obsluga@rowery-bialystok.example|Rowery Białystok",
  "Informacja o dostawie",
  """Dzień dobry,

zamówione przez Pana lampki rowerowe dotrą z dwudniowym opóźnieniem z powodu błędu w sortowni przewoźnika.

Przepraszamy za kłopot.

Pozdrawiamy,
Rowery Białystok""")

m(L, "zalacznik-exe-pdf", "pl", "attachment",
  "pomoc@kamery-ip-serwis.example|Kamery IP Serwis",
  "Instrukcja do zamówienia {oid}",
  """Dzień dobry,

w załączniku przesyłamy instrukcję konfiguracji kamery z zamówienia {oid}. Po otwarciu pliku instrukcja sama przeprowadzi Pana przez ustawienia.

Pozdrawiamy,
Kamery IP Serwis""", att=[("exe_pdf", "instrukcja.pdf")])

m(L, "piksel-sledzacy", "pl", "tracking_pixel",
  "kontakt@galanteria-skorzana.example|Galanteria Skórzana",
  "Pielęgnacja portfela - zamówienie {oid}",
  """Dzień dobry,

w nawiązaniu do zamówienia {oid}: portfel wykonany jest ze skóry garbowanej roślinnie, dlatego w pierwszych tygodniach lekko ściemnieje. To naturalne, a nie wada.

Prosimy nie czyścić go wodą, wystarczy sucha ściereczka.

Pozdrawiamy,
Galanteria Skórzana""", pixel="https://open.galanteria-skorzana.example/p.gif?z={oid}")

m(L, "opinia-za-zwrot", "pl", "review_incentive",
  "czesc@suplementy-forma.example|Forma Suplementy",
  "Mała niespodzianka - zamówienie {oid}",
  """Cześć!

Mamy nadzieję, że kolagen z zamówienia {oid} się sprawdza.

Wystaw opinię na Amazonie i wyślij nam zrzut ekranu, a zwrócimy Ci 20 zł z ceny zakupu w ramach podziękowania.

Pozdrawiamy,
Zespół Forma""")

m(L, "jesli-zadowolony", "pl", "review_conditional",
  "sklep@ceramika-boleslawiec-art.example|Ceramika Art",
  "Czy wszystko dotarło? Zamówienie {oid}",
  """Dzień dobry,

mamy nadzieję, że kubki z zamówienia {oid} dotarły w całości.

Jeśli jest Pani zadowolona, będziemy wdzięczni za recenzję na Amazonie. Jeśli coś jest nie tak, prosimy najpierw napisać do nas, zanim wystawi Pani ocenę, żebyśmy mogli to naprawić.

Serdecznie pozdrawiamy,
Ceramika Art""")

m(L, "zmien-opinie", "pl", "review_manipulation",
  "bok@plecaki-tatry.example|Plecaki Tatry",
  "W sprawie Pana opinii - zamówienie {oid}",
  """Dzień dobry Panie Pawle,

widzieliśmy Pana negatywną opinię o plecaku z zamówienia {oid}. Brakującą sprzączkę wysłaliśmy już zgodnie z ustaleniami.

Skoro problem został rozwiązany, czy mógłby Pan zmienić opinię albo ją usunąć? Dla małego sklepu to naprawdę bardzo ważne.

Z wyrazami szacunku,
Plecaki Tatry""")

m(L, "kod-rabatowy", "pl", "promotion",
  "czesc@kawiarnia-palarnia.example|Palarnia Kawy",
  "Twoje zamówienie {oid}",
  """Cześć!

Mamy nadzieję, że kawa z zamówienia {oid} smakuje.

Właśnie wprowadziliśmy na Amazon nasze młynki ręczne. Z kodem PALARNIA15 dostaniesz 15% zniżki na kolejne zamówienie.

Miłego parzenia,
Palarnia Kawy""")

m(L, "tylko-dziekujemy", "pl", "thank_you_only",
  "hej@papiernia-mala.example|Mała Papiernia",
  "Dziękujemy za zamówienie {oid}!",
  """Dzień dobry,

chcieliśmy po prostu serdecznie podziękować za zamówienie {oid}. Jesteśmy małą pracownią z Gdyni i każde zamówienie bardzo nas cieszy.

Wszystkiego dobrego,
Mała Papiernia""")

# ---------------------------------------------------------------- Swedish (se)
L = "sv"
m(L, "forsening-schenker", "se", "tracking_number",
  "kundtjanst@mobelhuset-nordin.example|Möbelhuset Nordin",
  "Försenad leverans av order {oid}",
  """Hej,

Vi vill meddela att leveransen av din bäddsoffa (order {oid}) blir ett par dagar försenad. DB Schenker har haft driftstörningar på terminalen i Jönköping.

Ditt sändningsnummer hos Schenker är 1081 4477 2290. De kontaktar dig för att boka en leveranstid när godset är på väg igen.

Vi ber om ursäkt för besväret.

Vänliga hälsningar,
Kundtjänst Möbelhuset Nordin""")

m(L, "recension-neutral", "se", "neutral_review_request",
  "info@rosteriet-gotland.example|Rosteriet Gotland",
  "Dela din upplevelse av order {oid}",
  """Hej,

Tack för ditt köp (order {oid}).

Vill du dela med dig av din upplevelse genom att skriva en recension på Amazon? Din recension hjälper andra kunder att fatta bättre köpbeslut.

Vänliga hälsningar,
Rosteriet Gotland""")

m(L, "kostnadsfri-ersattning", "se", "free_replacement",
  "support@kokskungen.example|Kökskungen",
  "SV: Trasig kastrull - order {oid}",
  """Hej Linnea,

Tack för bilderna, handtaget har verkligen lossnat. Det ska inte hända och vi ber om ursäkt.

Vi skickar en ny kastrull till dig kostnadsfritt, den går med PostNord i morgon. Den trasiga behöver du inte skicka tillbaka.

Hör av dig om det är något mer gällande order {oid}.

Hälsningar,
Johan på Kökskungen""")

m(L, "paket-borttappat", "se", "lost_package_refund",
  "order@bokhandeln-lund.example|Bokhandeln i Lund",
  "Ditt paket - order {oid}",
  """Hej,

PostNord har i dag bekräftat att paketet med din order {oid} har försvunnit. Vi beklagar verkligen.

Vi har gjort en full återbetalning via Amazon. Pengarna syns på ditt ursprungliga betalsätt inom några bankdagar, och du behöver inte göra något.

Med vänlig hälsning,
Bokhandeln i Lund""")

m(L, "avbruten-slut-i-lager", "se", "seller_cancelled",
  "info@verktygsboden.example|Verktygsboden",
  "Din order {oid} har avbrutits",
  """Hej,

Tyvärr är slagborrmaskinen du beställde slut i lager, och vår leverantör kan inte ge något nytt leveransdatum.

Vi har därför avbrutit din order {oid}. Du debiteras ingenting.

Vi ber om ursäkt för besväret.

Vänliga hälsningar,
Verktygsboden""")

m(L, "leveranstid-diskmaskin", "se", "delivery_reschedule",
  "leverans@vitvaruexperten.example|Vitvaruexperten",
  "Bokning av leverans för din diskmaskin - order {oid}",
  """Hej Erik,

Din diskmaskin (order {oid}) har kommit in till vårt lager. Eftersom den bärs in av två personer behöver vi boka en leveranstid med dig.

Vi kan komma tisdag 17/11 eller torsdag 19/11, antingen förmiddag (8-12) eller eftermiddag (12-17). Vad passar dig bäst?

Berätta också gärna vilken våning du bor på och om det finns hiss.

Hälsningar,
Leveransplaneringen, Vitvaruexperten""")

m(L, "garanti-tillverkare", "se", "warranty",
  "support@ljudbutiken.example|Ljudbutiken",
  "Garanti för dina hörlurar - order {oid}",
  """Hej,

Tråkigt att hörlurarna slutat ladda. Produkten från order {oid} omfattas av tillverkarens garanti på två år.

Snabbast är att ringa tillverkarens service på 020-555 310 (avgiftsfritt, vardagar 9-17). Garantibeviset bifogar vi här, ha det nära till hands när du ringer.

Hälsningar,
Ljudbutiken""", att=[("pdf_warranty", "garantibevis.pdf")])

m(L, "faktura-bifogad", "se", "invoice",
  "ekonomi@kontorsvaruhuset.example|Kontorsvaruhuset",
  "Faktura för order {oid}",
  """Hej,

Här kommer fakturan för din order {oid} som PDF.

Ska fakturan stå på ett företag? Skicka oss i så fall företagsnamn och organisationsnummer så gör vi en ny.

Vänliga hälsningar,
Ekonomiavdelningen, Kontorsvaruhuset""", att=[("pdf_invoice", "Faktura_{oid}.pdf")], html=True)

m(L, "presentask-stjarna", "se", "product_name_gift",
  "hej@ljusstopet-dalarna.example|Ljusstöpet Dalarna",
  "Din Stjärnnatt Presentask (order {oid})",
  """Hej!

En snabb uppdatering om order {oid}: "Stjärnnatt Presentask + gratis bonusljus" skickas en dag senare än planerat, eftersom presentkartongerna kom till oss för sent.

Den skickas i morgon bitti och bör vara framme före helgen.

Tack för ditt tålamod!
Maja, Ljusstöpet Dalarna""")

m(L, "retur-fraga", "se", "return_instructions",
  "retur@skohuset-umea.example|Skohuset Umeå",
  "Din returbegäran - order {oid}",
  """Hej,

Vi har tagit emot din returbegäran för kängorna i order {oid}.

För att kunna ta fram rätt returetikett undrar vi om du vill byta till en annan storlek eller få pengarna tillbaka. Vill du byta, skriv vilken storlek du önskar. Etiketten skickas sedan via Amazon.

Vänliga hälsningar,
Returavdelningen""")

m(L, "korrektur-gravyr", "se", "custom_design",
  "verkstad@gravyrverkstan.example|Gravyrverkstan",
  "Korrektur för godkännande - order {oid}",
  """Hej Emma,

Innan vi graverar skärbrädan (order {oid}) kommer här den slutliga designen:

- Överst "Familjen Lindqvist" i skrivstil, 20 cm bred
- Nederst en liten älg och årtalet 2026

Kontrollera stavningen och svara "godkänt" eller skriv vad vi ska ändra. Vi börjar inte gravera förrän vi har ditt godkännande.

Hälsningar,
Gravyrverkstan""")

m(L, "text-saknas", "se", "question",
  "order@smyckesateljen.example|Smyckesateljén",
  "Fråga om din order {oid}",
  """Hej,

Tack för din order {oid}! Det verkar som att namnet till halsbandet inte kom med i personaliseringsfältet.

Kan du svara med vilket namn (max 10 bokstäver) som ska stå på brickan, och om du vill ha silver eller guldpläterat? Då börjar vi direkt.

Varma hälsningar,
Smyckesateljén""")

# --- violations
m(L, "avbryt-sjalv", "se", "cancel_request",
  "support@elektronikhallen-sthlm.example|Elektronikhallen",
  "Problem med din order {oid}",
  """Hej,

Tyvärr visade det sig att surfplattan du beställt inte finns i lager längre.

Skulle du kunna avbryta order {oid} själv under "Dina beställningar" på Amazon? Om vi gör det påverkar det vårt säljarbetyg. Du får tillbaka hela beloppet ändå.

Tack för förståelsen!
Elektronikhallen""")

m(L, "personnummer", "se", "personal_data_request",
  "kontroll@guldsmeden-malmo.example|Guldsmeden Malmö",
  "Verifiering krävs - order {oid}",
  """Hej,

För beställningar av guldsmycken över 3 000 kronor verifierar vi köparens identitet innan vi skickar.

Vänligen svara på det här meddelandet med ditt personnummer och en bild på din legitimation, fram- och baksida. Efter kontrollen skickar vi order {oid} samma dag.

Med vänlig hälsning,
Guldsmeden Malmö""")

m(L, "swish-direkt", "se", "off_amazon_sale",
  "anders@bildelar-norr.example|Bildelar Norr",
  "SV: order {oid} - torkarblad",
  """Tjena,

Kul att bromsbeläggen från order {oid} passade.

Torkarbladen du frågade om har jag inte lagt upp på Amazon, men du kan få dem direkt av mig för 190 kr inklusive frakt. Swisha bara så skickar jag i morgon.

/Anders""")

m(L, "otrevlig", "se", "offensive",
  "kundservice@lagpris-lagret.example|Lågpris-Lagret",
  "SV: Reklamation {oid}",
  """Hör här,

Vi har förklarat tre gånger att dammsugaren i order {oid} fungerar. Är man för korkad för att tömma dammbehållaren får man skylla sig själv.

Sluta tjata på oss med dina idiotiska mejl.
Lågpris-Lagret""")

m(L, "leveransbekraftelse", "se", "confirmation_only",
  "order@teboden-uppsala.example|Teboden Uppsala",
  "Din order {oid} har skickats",
  """Hej,

Din order {oid} har nu skickats och är på väg till dig.

Hälsningar,
Teboden Uppsala""")

m(L, "lank-guide", "se", "external_link",
  "support@smarthem-goteborg.example|Smarthem Göteborg",
  "Installation av din dörrklocka - order {oid}",
  """Hej,

Tack för din beställning (order {oid}). Många kunder har haft svårt att para ihop dörrklockan med appen, så vi har gjort en steg-för-steg-guide.

Guiden finns här: https://bit.ly/smarthem-dorr

Om det fortfarande inte fungerar, svara bara på det här meddelandet.

Hälsningar,
Smarthem Göteborg""")

m(L, "mejla-bilder", "se", "email_address",
  "kundtjanst@lampboden.example|Lampboden",
  "SV: Skadad lampa - order {oid}",
  """Hej Karin,

Vad tråkigt att lampskärmen i order {oid} kom fram med en buckla.

Kan du mejla några bilder på skadan och kartongen till reklamation@lampboden.example? Då anmäler vi det till transportören och skickar en ny skärm direkt.

Vänliga hälsningar,
Sofia""")

m(L, "ring-oss", "se", "phone_number",
  "service@traningsbutiken.example|Träningsbutiken",
  "Monteringshjälp order {oid}",
  """Hej Oskar,

Tråkigt att motionscykeln (order {oid}) krånglar vid monteringen. Oftast handlar det om att pedalerna skruvas åt fel håll.

Ring gärna vår montör på 070-555 28 14 så guidar han dig igenom det på tio minuter.

Sportiga hälsningar,
Träningsbutiken""")

m(L, "folj-oss", "se", "social_media",
  "hej@ullmakeriet.example|Ullmakeriet",
  "Skötselråd för din filt - order {oid}",
  """Hej!

Din ullfilt (order {oid}) kommer i morgon. Ett tips: tvätta den på ullprogram i 30 grader och låt den torka plant.

Fler skötselråd och nya färger hittar du på vårt Instagram @ullmakeriet och på TikTok.

Varma hälsningar,
Ullmakeriet""")

m(L, "avregistrera", "se", "opt_out_link",
  "nyheter@honungsgarden.example|Honungsgården",
  "Så förvarar du honungen - order {oid}",
  """Hej,

Din honung (order {oid}) har lämnats till PostNord. Ett tips: honung kristalliserar med tiden, det är helt naturligt. Värm burken försiktigt i vattenbad så blir den flytande igen.

Smaklig måltid!
Honungsgården

Vill du inte längre få meddelanden från oss? Avregistrera dig här: https://honungsgarden.example/avregistrera?id=3312""", html=True)

m(L, "emoji-forsening", "se", "emoji",
  "hej@leksakslandet.example|Leksakslandet",
  "Försening - order {oid}",
  """Hej!

Ditt träpussel (order {oid}) blev tyvärr försenat hos PostNord på grund av snöovädret ❄️ Nytt beräknat leveransdatum är torsdag.

Tack för ditt tålamod 🙏
Leksakslandet""")

m(L, "utan-ordernummer", "se", "missing_order_id",
  "kundservice@cykelhandlarn.example|Cykelhandlarn",
  "Information om din leverans",
  """Hej,

Din cykelhjälm levereras två dagar senare än beräknat på grund av ett sorteringsfel hos transportören.

Vi ber om ursäkt för förseningen.

Vänliga hälsningar,
Cykelhandlarn""")

m(L, "bilaga-js", "se", "attachment",
  "support@natverksbutiken.example|Nätverksbutiken",
  "Konfigurationshjälp - order {oid}",
  """Hej,

För att ställa in routern från order {oid} snabbare har vi bifogat ett litet hjälpskript. Dubbelklicka på filen så fylls inställningarna i automatiskt.

Hör av dig här via Amazon om något krånglar.

Hälsningar,
Nätverksbutiken""", att=[("js", "routerhjalp.js")])

m(L, "sparningspixel", "se", "tracking_pixel",
  "info@laderverkstan.example|Läderverkstan",
  "Skötsel av din plånbok - order {oid}",
  """Hej,

Angående order {oid}: plånboken är gjord av vegetabiliskt garvat läder och mörknar lite de första veckorna. Det är helt normalt och inget fel.

Rengör den inte med vatten, en torr trasa räcker.

Vänliga hälsningar,
Läderverkstan""", pixel="https://mail.laderverkstan.example/open/{oid}/1x1.png")

# ---------------------------------------------------------------- Turkish (com.tr)
L = "tr"
m(L, "gecikme-nakliye", "com.tr", "tracking_number",
  "destek@mobilya-ege.example|Ege Mobilya",
  "{oid} numaralı siparişinizde gecikme",
  """Merhaba,

{oid} numaralı siparişinizdeki yemek masasının teslimatı birkaç gün gecikecek. Horoz Lojistik'in Bursa aktarma merkezinde yaşanan araç arızası nedeniyle gönderi geç yola çıktı.

Horoz Lojistik takip numaranız: 7710 2245 8831. Nakliye firması teslimat günü için sizi telefonla arayacak.

Yaşattığımız aksaklık için özür dileriz.

Saygılarımızla,
Ege Mobilya Müşteri Hizmetleri""")

m(L, "degerlendirme-notr", "com.tr", "neutral_review_request",
  "bilgi@kahve-diyari.example|Kahve Diyarı",
  "Siparişiniz {oid} hakkında",
  """Merhaba,

Yakın zamanda yaptığınız alışveriş için teşekkür ederiz (sipariş {oid}).

Ürünle ilgili deneyiminizi Amazon'da bir değerlendirme bırakarak paylaşır mısınız? Değerlendirmeniz diğer müşterilerin daha iyi karar vermesine yardımcı olur.

İyi günler dileriz,
Kahve Diyarı""", html=True)

m(L, "ucretsiz-degisim", "com.tr", "free_replacement",
  "musteri@bakir-atolyesi.example|Bakır Atölyesi",
  "Ynt: Ezik cezve - sipariş {oid}",
  """Merhaba Zeynep Hanım,

Gönderdiğiniz fotoğraflar için teşekkürler, cezvenin kenarı gerçekten ezilmiş. Çok üzgünüz.

Yenisini ücretsiz olarak yarın Yurtiçi Kargo ile gönderiyoruz. Hasarlı ürünü geri göndermenize gerek yok.

Başka bir sorunuz olursa {oid} numaralı sipariş için bu mesajı yanıtlamanız yeterli.

Sevgiler,
Bakır Atölyesi'nden Elif""")

m(L, "kargo-kayip-iade", "com.tr", "lost_package_refund",
  "siparis@kitapci-moda.example|Moda Kitapçısı",
  "Kargonuz hakkında - sipariş {oid}",
  """Merhaba,

Aras Kargo bugün {oid} numaralı siparişinize ait paketin kaybolduğunu teyit etti. Bu durum için içtenlikle özür dileriz.

Tutarın tamamını Amazon üzerinden iade ettik. Birkaç iş günü içinde ödeme yönteminize yansıyacaktır, sizin bir işlem yapmanıza gerek yok.

Saygılarımızla,
Moda Kitapçısı""")

m(L, "iptal-stok-yok", "com.tr", "seller_cancelled",
  "satis@yapi-market-konya.example|Konya Yapı Market",
  "{oid} numaralı siparişiniz iptal edildi",
  """Sayın müşterimiz,

Sipariş ettiğiniz darbeli matkap maalesef stoklarımızda kalmamıştır ve tedarikçimiz yeni bir tarih verememektedir.

Bu nedenle {oid} numaralı siparişinizi tarafımızca iptal ettik. Herhangi bir ücret tahsil edilmeyecektir.

Yaşanan aksaklık için özür dileriz.

Saygılarımızla,
Konya Yapı Market""")

m(L, "teslimat-randevu", "com.tr", "delivery_reschedule",
  "teslimat@beyaz-esya-ankara.example|Ankara Beyaz Eşya",
  "Buzdolabı teslimatı için randevu - sipariş {oid}",
  """Merhaba Ahmet Bey,

{oid} numaralı siparişinizdeki buzdolabı depomuza ulaştı. Teslimat iki kişilik ekip tarafından daireye kadar yapıldığı için sizinle bir randevu belirlememiz gerekiyor.

17 Kasım Salı veya 19 Kasım Perşembe günü, sabah (09.00-13.00) ya da öğleden sonra (13.00-18.00) uygun musunuz?

Ayrıca kaçıncı katta oturduğunuzu ve binada asansör olup olmadığını da yazarsanız ekibi ona göre planlarız.

İyi günler,
Ankara Beyaz Eşya Teslimat Birimi""")

m(L, "garanti-uretici", "com.tr", "warranty",
  "destek@ses-sistemleri-izmir.example|İzmir Ses Sistemleri",
  "Kulaklığınızın garantisi - sipariş {oid}",
  """Merhaba,

Kulaklığınızın şarj olmaması için üzgünüz. {oid} numaralı siparişteki ürün 2 yıl üretici garantisi kapsamındadır.

En hızlı çözüm için üreticinin çağrı merkezini 0850 555 42 17 numarasından (hafta içi 09.00-18.00) arayabilirsiniz. Garanti belgesini ekte gönderiyoruz.

Saygılarımızla,
İzmir Ses Sistemleri""", att=[("pdf_warranty", "garanti_belgesi.pdf")])

m(L, "fatura-ek", "com.tr", "invoice",
  "muhasebe@kirtasiye-nisantasi.example|Nişantaşı Kırtasiye",
  "{oid} numaralı siparişinizin faturası",
  """Merhaba,

{oid} numaralı siparişinize ait e-arşiv faturanızı ekte PDF olarak bulabilirsiniz.

Faturanın şirket adına düzenlenmesini isterseniz, şirket unvanını, vergi dairesini ve vergi numarasını iletmeniz yeterli; yeniden düzenleyip göndeririz.

İyi çalışmalar,
Nişantaşı Kırtasiye Muhasebe""", att=[("pdf_invoice", "Fatura_{oid}.pdf")])

m(L, "hediye-seti-yildiz", "com.tr", "product_name_gift",
  "merhaba@mum-evi.example|Mum Evi",
  "Yıldızlı Gece Hediye Seti'niz (sipariş {oid})",
  """Merhaba!

{oid} numaralı siparişinizdeki "Yıldızlı Gece Hediye Seti + bonus mum hediye" planladığımızdan bir gün geç kargoya verilecek, çünkü hediye kutuları bize geç ulaştı.

Yarın sabah gönderiyoruz, hafta sonundan önce elinizde olmalı.

Sabrınız için teşekkürler!
Mum Evi'nden Derya""")

m(L, "iade-soru", "com.tr", "return_instructions",
  "iade@ayakkabi-dunyasi.example|Ayakkabı Dünyası",
  "İade talebiniz - sipariş {oid}",
  """Merhaba,

{oid} numaralı siparişinizdeki botlar için iade talebinizi aldık.

Doğru iade etiketini oluşturabilmemiz için ürünü başka bir numarayla değiştirmek mi yoksa para iadesi mi istediğinizi yazar mısınız? Değişim isterseniz istediğiniz numarayı da belirtin. İade etiketi daha sonra Amazon üzerinden size iletilecektir.

İyi günler,
Ayakkabı Dünyası İade Birimi""")

m(L, "tasarim-onay", "com.tr", "custom_design",
  "atolye@ahsap-kazima.example|Ahşap Kazıma Atölyesi",
  "Onayınız için tasarım - sipariş {oid}",
  """Merhaba Selin Hanım,

Kesme tahtanızı (sipariş {oid}) kazımadan önce son tasarımı paylaşıyoruz:

- Üstte el yazısı fontuyla "Yılmaz Ailesi", 20 cm genişlikte
- Altta küçük bir zeytin dalı ve 2026 yılı

Lütfen yazımı kontrol edip "onaylıyorum" diye yanıtlayın ya da değişiklikleri bize bildirin. Onayınız gelmeden üretime başlamıyoruz.

Sevgiler,
Ahşap Kazıma Atölyesi""")

m(L, "isim-eksik", "com.tr", "question",
  "siparis@gumus-kolye.example|Gümüş Kolye Atölyesi",
  "Siparişiniz {oid} hakkında bir soru",
  """Merhaba,

{oid} numaralı siparişiniz için teşekkür ederiz. Kişiselleştirme alanına isim yazılmamış görünüyor.

Kolyeye yazılacak ismi (en fazla 10 harf) ve gümüş mü yoksa altın kaplama mı tercih ettiğinizi bize yazabilir misiniz? Bilgiyi alır almaz hazırlamaya başlayacağız.

İyi günler,
Gümüş Kolye Atölyesi""")

# --- violations
m(L, "iptal-edin-lutfen", "com.tr", "cancel_request",
  "magaza@teknoloji-dukkani.example|Teknoloji Dükkanı",
  "{oid} numaralı siparişinizle ilgili sorun",
  """Merhaba,

Maalesef sipariş ettiğiniz akıllı saat stokta kalmamış.

Rica etsek {oid} numaralı siparişi Amazon'daki "Siparişlerim" bölümünden siz iptal edebilir misiniz? Biz iptal edersek satıcı puanımız düşüyor. Ödemenizin tamamı iade edilecek.

Anlayışınız için teşekkürler,
Teknoloji Dükkanı""")

m(L, "tc-kimlik", "com.tr", "personal_data_request",
  "dogrulama@kuyumcu-kapalicarsi.example|Kapalıçarşı Kuyumcusu",
  "Doğrulama gerekiyor - sipariş {oid}",
  """Sayın müşterimiz,

5.000 TL üzerindeki altın siparişlerinde gönderimden önce alıcının kimliğini doğrulamamız gerekmektedir.

Lütfen bu mesaja yanıt olarak T.C. kimlik numaranızı ve nüfus cüzdanınızın ön-arka fotoğrafını gönderiniz. Doğrulamanın ardından {oid} numaralı siparişiniz aynı gün kargoya verilecektir.

Saygılarımızla,
Kapalıçarşı Kuyumcusu""")

m(L, "havale-eft", "com.tr", "off_amazon_sale",
  "murat@oto-yedek-parca.example|Murat Oto Yedek Parça",
  "Ynt: sipariş {oid} - fren diski",
  """Merhaba Hakan Bey,

{oid} numaralı siparişteki balatalar aracınıza uymuş, sevindim.

Sorduğunuz fren disklerini Amazon'a koymadık ama size direkt 1.450 TL'ye kargo dahil verebilirim. Havale/EFT ile öderseniz komisyon da olmaz, IBAN'ı hemen yollarım.

Kolay gelsin,
Murat""")

m(L, "hakaret", "com.tr", "offensive",
  "destek@ucuz-firsat-deposu.example|Ucuz Fırsat Deposu",
  "Ynt: Şikayet {oid}",
  """Bakın,

{oid} numaralı siparişteki süpürgede hiçbir sorun olmadığını üç kere anlattık. Toz haznesini boşaltmayı bile beceremiyorsanız bu sizin kafanızın sorunu.

Bu saçma mesajlarınızla bizi rahatsız etmeyi bırakın artık.
Ucuz Fırsat Deposu""")

m(L, "yorum-hediye-ceki", "com.tr", "review_incentive",
  "merhaba@dogal-bakim-evi.example|Doğal Bakım Evi",
  "Size küçük bir sürpriz - sipariş {oid}",
  """Merhaba!

{oid} numaralı siparişinizdeki yüz kremini beğendiğinizi umuyoruz.

Amazon'a bir yorum yazıp ekran görüntüsünü bize gönderirseniz, teşekkür olarak size 100 TL'lik hediye çeki gönderiyoruz.

Sevgiyle,
Doğal Bakım Evi""")

m(L, "memnunsaniz", "com.tr", "review_conditional",
  "bilgi@cini-iznik.example|İznik Çini",
  "Siparişiniz {oid} sağlam ulaştı mı?",
  """Sayın müşterimiz,

{oid} numaralı siparişinizdeki çini tabakların size sağlam ulaştığını umuyoruz.

Memnun kaldıysanız Amazon'da bir değerlendirme yazmanızdan çok mutlu oluruz. Bir sorun varsa lütfen değerlendirme yapmadan önce bize yazın, hemen çözelim.

Saygılarımızla,
İznik Çini""")

m(L, "yorumu-degistir", "com.tr", "review_manipulation",
  "destek@sirt-cantasi-dunyasi.example|Sırt Çantası Dünyası",
  "Yorumunuz hakkında - sipariş {oid}",
  """Merhaba Burak Bey,

{oid} numaralı siparişteki çanta için yazdığınız olumsuz yorumu gördük. Eksik tokayı konuştuğumuz gibi kargoya verdik.

Sorun çözüldüğüne göre yorumunuzu güncelleyip 5 yıldız verebilir ya da kaldırabilir misiniz? Küçük bir işletme olarak bizim için çok önemli.

Teşekkürler,
Sırt Çantası Dünyası""")

m(L, "indirim-kodu", "com.tr", "promotion",
  "merhaba@lokum-sarayi.example|Lokum Sarayı",
  "Siparişiniz {oid}",
  """Merhaba!

{oid} numaralı siparişinizdeki lokumların taze ulaştığını umuyoruz.

Bu hafta Amazon'da yeni çikolatalı serimizi yayınladık. SARAY20 koduyla bir sonraki siparişinizde %20 indirim kazanırsınız.

Afiyet olsun,
Lokum Sarayı""")

m(L, "sadece-tesekkur", "com.tr", "thank_you_only",
  "merhaba@el-yapimi-sabun.example|El Yapımı Sabun Atölyesi",
  "{oid} numaralı siparişiniz için teşekkürler!",
  """Merhaba,

Sadece {oid} numaralı siparişiniz için içtenlikle teşekkür etmek istedik. Küçük bir aile atölyesiyiz ve her sipariş bizi çok mutlu ediyor.

Sevgiyle,
El Yapımı Sabun Atölyesi""")

m(L, "kargoya-verildi", "com.tr", "confirmation_only",
  "siparis@cay-bahcesi.example|Çay Bahçesi",
  "Siparişiniz {oid} kargoya verildi",
  """Merhaba,

{oid} numaralı siparişiniz bugün kargoya verilmiştir.

İyi günler dileriz,
Çay Bahçesi""")

m(L, "disaridan-link", "com.tr", "external_link",
  "destek@akilli-ev-ist.example|Akıllı Ev İstanbul",
  "Kurulum desteği - sipariş {oid}",
  """Merhaba,

{oid} numaralı siparişinizdeki akıllı prizi uygulamaya bağlarken sorun yaşayan müşterilerimiz için kısa bir video hazırladık.

Videoyu buradan izleyebilirsiniz: akilli-ev-ist.example/kurulum/priz

Hâlâ bağlanamazsanız bu mesajı yanıtlamanız yeterli.

İyi günler,
Akıllı Ev İstanbul""")

m(L, "eposta-adresi", "com.tr", "email_address",
  "musteri@aydinlatma-evi.example|Aydınlatma Evi",
  "Ynt: Kırık abajur - sipariş {oid}",
  """Merhaba Ayşe Hanım,

{oid} numaralı siparişinizdeki abajurun kırık gelmesine çok üzüldük.

Kargo firmasına tutanak açabilmemiz için hasarın ve kolinin birkaç fotoğrafını hasar@aydinlatma-evi.example adresine gönderebilir misiniz? Fotoğraflar gelir gelmez yenisini yolluyoruz.

Saygılarımızla,
Aydınlatma Evi""")

m(L, "whatsapp-hatti", "com.tr", "phone_number",
  "servis@spor-aletleri.example|Spor Aletleri Merkezi",
  "Kurulum yardımı - sipariş {oid}",
  """Merhaba Emre Bey,

{oid} numaralı siparişinizdeki koşu bandının kurulumunda sorun yaşadığınızı öğrendik. Genellikle konsol kablosunun sıkışmasından kaynaklanıyor.

Teknik ekibimizi 0532 555 18 47 numaralı WhatsApp hattından arayabilirsiniz, on dakikada birlikte hallederiz.

Sportif selamlar,
Spor Aletleri Merkezi""")

m(L, "instagram-takip", "com.tr", "social_media",
  "merhaba@orgu-dunyasi.example|Örgü Dünyası",
  "Battaniyenizin bakımı - sipariş {oid}",
  """Merhaba!

{oid} numaralı siparişinizdeki yün battaniye yarın elinizde olacak. Küçük bir öneri: 30 derecede yün programında yıkayıp düz bir zeminde kurutun.

Daha fazla bakım önerisi ve yeni renkler için Instagram'da @orgudunyasi hesabımızı takip edebilirsiniz.

Sevgiler,
Örgü Dünyası""")

# ---------------------------------------------------------------- Portuguese, Brazil (com.br)
L = "pt"
m(L, "atraso-transportadora", "com.br", "tracking_number",
  "sac@moveis-serra-gaucha.example|Móveis Serra Gaúcha",
  "Atraso na entrega do pedido {oid}",
  """Olá,

Informamos que a entrega do seu guarda-roupa (pedido {oid}) vai atrasar alguns dias. A transportadora Braspress teve um problema com um caminhão no centro de distribuição de Curitiba.

O código de rastreio na Braspress é 40221788130. A transportadora vai entrar em contato para combinar o dia da entrega assim que a carga seguir viagem.

Pedimos desculpas pelo transtorno.

Atenciosamente,
SAC Móveis Serra Gaúcha""")

m(L, "avaliacao-neutra", "com.br", "neutral_review_request",
  "contato@cafe-do-cerrado.example|Café do Cerrado",
  "Pedido {oid}: conte como foi sua experiência",
  """Olá,

Obrigado pela sua compra recente (pedido {oid}).

Você poderia compartilhar sua experiência com o produto deixando uma avaliação na Amazon? Sua avaliação ajuda outros clientes a tomar melhores decisões de compra.

Um abraço,
Café do Cerrado""")

m(L, "troca-gratis", "com.br", "free_replacement",
  "atendimento@panelas-minas.example|Panelas de Minas",
  "Re: Panela com defeito - pedido {oid}",
  """Oi, Juliana, tudo bem?

Obrigada pelas fotos, dá pra ver que o cabo da panela veio solto. Sentimos muito!

Estamos enviando uma panela nova para você sem nenhum custo, ela sai amanhã pelos Correios. Não precisa devolver a com defeito.

Qualquer coisa é só responder esta mensagem com o número do pedido {oid}.

Beijos,
Carol - Panelas de Minas""")

m(L, "pacote-extraviado", "com.br", "lost_package_refund",
  "pedidos@livraria-sebo-paulista.example|Sebo Paulista",
  "Sobre sua encomenda - pedido {oid}",
  """Olá,

Os Correios confirmaram hoje que a encomenda do seu pedido {oid} foi extraviada. Lamentamos muito.

Já fizemos o reembolso integral pela Amazon. O valor aparece na sua forma de pagamento original em alguns dias úteis, e você não precisa fazer nada.

Atenciosamente,
Sebo Paulista""")

m(L, "cancelado-sem-estoque", "com.br", "seller_cancelled",
  "vendas@ferragens-recife.example|Ferragens Recife",
  "Cancelamos seu pedido {oid}",
  """Prezado cliente,

Infelizmente a furadeira de impacto que você comprou está sem estoque e o fornecedor não tem previsão de reposição.

Por isso cancelamos o seu pedido {oid}. Nenhuma cobrança será feita.

Pedimos desculpas pelo transtorno.

Atenciosamente,
Ferragens Recife""")

m(L, "agendamento-geladeira", "com.br", "delivery_reschedule",
  "entregas@eletro-campinas.example|Eletro Campinas",
  "Agendamento da entrega da sua geladeira - pedido {oid}",
  """Olá, Sr. Ricardo,

Sua geladeira frost free (pedido {oid}) chegou ao nosso centro de distribuição. Como a entrega é feita por dois entregadores até dentro do imóvel, precisamos agendar com o senhor.

Temos disponibilidade na terça, 17/11, ou na quinta, 19/11, de manhã (8h às 12h) ou à tarde (13h às 18h). Qual fica melhor?

Por favor, informe também se é casa ou apartamento e, se for apartamento, em qual andar e se há elevador de serviço.

Segue em anexo o manual de instalação, com as medidas mínimas do espaço e a distância recomendada da parede.

Obrigado,
Equipe de entregas Eletro Campinas""", att=[("pdf_instructions", "manual_instalacao.pdf")])

m(L, "garantia-fabricante", "com.br", "warranty",
  "suporte@som-e-cia.example|Som & Cia",
  "Garantia do seu fone - pedido {oid}",
  """Olá,

Que pena que o fone parou de carregar. O produto do pedido {oid} tem 12 meses de garantia do fabricante.

O caminho mais rápido é ligar para a assistência técnica do fabricante no 0800 555 7321 (gratuito, de segunda a sexta, das 9h às 18h). Segue em anexo o termo de garantia para apresentar no atendimento.

Abraços,
Som & Cia""", att=[("pdf_warranty", "termo_de_garantia.pdf")])

m(L, "nota-fiscal", "com.br", "invoice",
  "fiscal@papelaria-central-bh.example|Papelaria Central BH",
  "Nota fiscal do pedido {oid}",
  """Olá,

Segue em anexo o DANFE da nota fiscal referente ao seu pedido {oid}.

Se precisar de alguma correção nos dados da nota, é só responder esta mensagem.

Atenciosamente,
Departamento fiscal - Papelaria Central BH""", att=[("pdf_invoice", "DANFE_{oid}.pdf")], html=True)

m(L, "kit-presente-estrela", "com.br", "product_name_gift",
  "oi@velas-da-bahia.example|Velas da Bahia",
  "Seu Kit Presente Estrela do Mar (pedido {oid})",
  """Oi!

Passando pra avisar que o "Kit Presente Estrela do Mar + vela bônus grátis" do seu pedido {oid} vai ser despachado um dia depois do previsto, porque as caixas de presente chegaram atrasadas aqui.

Ele sai amanhã cedinho e deve chegar antes do fim de semana.

Obrigada pela paciência!
Bia, Velas da Bahia""")

m(L, "devolucao-pergunta", "com.br", "return_instructions",
  "trocas@calcados-franca.example|Calçados Franca",
  "Sua solicitação de devolução - pedido {oid}",
  """Olá,

Recebemos sua solicitação de devolução da bota do pedido {oid}.

Para gerar a etiqueta correta, precisamos saber se você prefere trocar por outro tamanho ou receber o reembolso. Se for troca, informe o número desejado. A etiqueta de devolução será enviada pela Amazon.

Atenciosamente,
Setor de trocas e devoluções""")

m(L, "arte-para-aprovacao", "com.br", "custom_design",
  "atelie@canecas-personalizadas.example|Canecas Personalizadas",
  "Arte para aprovação - pedido {oid}",
  """Oi, Fernanda!

Antes de imprimir sua caneca (pedido {oid}), segue a descrição da arte final:

- Frente: "Melhor madrinha do mundo" em letra cursiva, cor rosé
- Verso: o nome "Alice" e a data 08/03/2026

Confere se está tudo escrito certinho e responde "aprovado" ou nos diz o que mudar. Só imprimimos depois da sua aprovação.

Beijos,
Equipe Canecas Personalizadas""")

m(L, "horario-entrega", "com.br", "question",
  "pedidos@floricultura-ipanema.example|Floricultura Ipanema",
  "Dúvida sobre seu pedido {oid}",
  """Olá,

Obrigado pelo pedido {oid}! Nós mesmos entregamos os arranjos no Rio para que cheguem fresquinhos.

Qual horário fica melhor no sábado: manhã (9h às 12h) ou tarde (14h às 17h)? E o porteiro deve procurar por algum nome diferente do que está no pedido?

Obrigado,
Floricultura Ipanema""")

# --- violations
m(L, "cancela-pra-gente", "com.br", "cancel_request",
  "loja@info-games-sp.example|Info Games SP",
  "Problema com seu pedido {oid}",
  """Oi,

Infelizmente o controle que você comprou acabou no estoque.

Você consegue cancelar o pedido {oid} por conta própria em "Seus pedidos" na Amazon? Se a gente cancelar, nossa conta de vendedor leva uma penalidade. O reembolso é integral do mesmo jeito.

Valeu pela compreensão!
Info Games SP""")

m(L, "foto-rg-nascimento", "com.br", "personal_data_request",
  "verificacao@joias-ouro-preto.example|Joias Ouro Preto",
  "Verificação do pedido {oid}",
  """Prezado cliente,

Para pedidos de joias acima de R$ 1.500, fazemos uma verificação de identidade antes do envio.

Por favor, responda esta mensagem com uma foto do seu RG (frente e verso) e sua data de nascimento. Após a conferência, o pedido {oid} será enviado no mesmo dia.

Atenciosamente,
Joias Ouro Preto""")

m(L, "pix-direto", "com.br", "off_amazon_sale",
  "rodrigo@autopecas-abc.example|Autopeças ABC",
  "Re: pedido {oid} - pastilhas",
  """Fala, Thiago!

Que bom que o filtro do pedido {oid} serviu no seu carro.

As pastilhas de freio que você perguntou eu não coloquei na Amazon, mas te vendo direto por R$ 140 com frete. Faz um Pix que eu despacho amanhã cedo, fica mais barato pra nós dois.

Abraço,
Rodrigo""")

m(L, "grosseria", "com.br", "offensive",
  "sac@mega-ofertas-lar.example|Mega Ofertas Lar",
  "Re: Reclamação {oid}",
  """Olha,

Já explicamos três vezes que o aspirador do pedido {oid} está funcionando. Se você não sabe nem esvaziar o reservatório, o problema é seu, não nosso.

Para de encher o saco com essas mensagens ridículas.
Mega Ofertas Lar""")

m(L, "descadastrar", "com.br", "opt_out_link",
  "novidades@emporio-mineiro.example|Empório Mineiro",
  "Como conservar seu queijo - pedido {oid}",
  """Olá,

Seu queijo canastra (pedido {oid}) já foi entregue à transportadora. Dica: guarde na geladeira embrulhado em papel manteiga, nunca em plástico, e tire uns 30 minutos antes de servir.

Bom apetite!
Empório Mineiro

Não quer mais receber mensagens nossas? Descadastre-se aqui: https://emporio-mineiro.example/descadastrar?c=4471""", html=True)

m(L, "emoji-atraso", "com.br", "emoji",
  "oi@la-e-linha.example|Lã & Linha",
  "Atualização do pedido {oid}",
  """Oi!

Uma das cores do seu pedido {oid} estava em falta por uns dias, por isso o pacote sai com dois dias de atraso. Hoje ele vai pelos Correios, código de rastreio QB482113097BR 🧶

Obrigada pela paciência 💕
Renata""")

m(L, "sem-numero-pedido", "com.br", "missing_order_id",
  "atendimento@bike-floripa.example|Bike Floripa",
  "Informação sobre sua entrega",
  """Olá,

O capacete que você comprou vai chegar com dois dias de atraso, por causa de um erro de triagem na transportadora.

Pedimos desculpas pelo contratempo.

Atenciosamente,
Bike Floripa""")

m(L, "anexo-zip", "com.br", "attachment",
  "suporte@cameras-seguranca-rj.example|Câmeras Segurança RJ",
  "Manual do pedido {oid}",
  """Olá,

Conforme combinado, segue em anexo o manual e as fotos de instalação da câmera do pedido {oid}, tudo num arquivo compactado.

Qualquer dúvida é só responder aqui pela Amazon.

Atenciosamente,
Câmeras Segurança RJ""", att=[("zip", "manual_camera.zip")])

m(L, "pixel-rastreamento", "com.br", "tracking_pixel",
  "contato@couro-nobre.example|Couro Nobre",
  "Cuidados com sua carteira - pedido {oid}",
  """Olá,

Sobre o seu pedido {oid}: a carteira é de couro curtido ao vegetal, por isso escurece um pouco nas primeiras semanas. Isso é normal e não é defeito.

Não limpe com água, só com um pano seco.

Atenciosamente,
Couro Nobre""", pixel="https://email.couro-nobre.example/abertura.gif?p={oid}")

m(L, "avaliacao-com-brinde", "com.br", "review_incentive",
  "oi@cosmeticos-naturais-br.example|Naturais BR",
  "Um mimo pra você - pedido {oid}",
  """Oi!

Esperamos que você esteja amando o sérum do pedido {oid}.

Deixa uma avaliação na Amazon e manda o print pra gente: te enviamos um hidratante de brinde como agradecimento!

Beijos,
Equipe Naturais BR""")

m(L, "se-gostou", "com.br", "review_conditional",
  "contato@ceramica-cunha.example|Cerâmica Cunha",
  "Chegou tudo certo? Pedido {oid}",
  """Olá,

Esperamos que as canecas do pedido {oid} tenham chegado inteiras.

Se você gostou, ficaríamos muito felizes com uma avaliação na Amazon. Se algo deu errado, fale com a gente antes de avaliar, assim conseguimos resolver.

Um abraço,
Cerâmica Cunha""")

m(L, "mudar-avaliacao", "com.br", "review_manipulation",
  "sac@mochilas-trilha.example|Mochilas Trilha",
  "Sobre sua avaliação - pedido {oid}",
  """Olá, Gustavo,

Vimos sua avaliação de 1 estrela sobre a mochila do pedido {oid}. A fivela que faltava já foi enviada, como combinamos.

Agora que está resolvido, você poderia editar a avaliação ou removê-la? Para uma loja pequena como a nossa faz muita diferença.

Muito obrigado,
Mochilas Trilha""")

m(L, "cupom", "com.br", "promotion",
  "oi@doceria-da-vovo.example|Doceria da Vovó",
  "Seu pedido {oid}",
  """Oi!

Esperamos que os doces de leite do pedido {oid} tenham chegado gostosos.

Novidade: nossas goiabadas cascão já estão na Amazon! Use o cupom VOVO10 e ganhe 10% de desconto na próxima compra.

Um beijo,
Doceria da Vovó""")

m(L, "so-obrigado", "com.br", "thank_you_only",
  "oi@papelaria-artesanal.example|Papelaria Artesanal",
  "Obrigado pelo pedido {oid}!",
  """Olá,

Só queríamos agradecer de coração pelo seu pedido {oid}. Somos um pequeno ateliê em Belo Horizonte e cada pedido deixa a gente muito feliz.

Um abraço,
Papelaria Artesanal""")

# ---------------------------------------------------------------- Arabic (ae, sa, eg)
L = "ar"
m(L, "takhir-shahn", "ae", "tracking_number",
  "support@bayt-alathath.example|بيت الأثاث",
  "تأخير في توصيل الطلب {oid}",
  """مرحباً،

نود إعلامكم بأن توصيل الكنبة الخاصة بطلبكم رقم {oid} سيتأخر يومين تقريباً، بسبب ازدحام في مستودع شركة الشحن أرامكس في دبي.

رقم الشحنة لدى أرامكس هو 34019928475، ويمكنكم متابعته على موقع الشركة. سيتواصل معكم المندوب لتحديد موعد التسليم.

نعتذر عن هذا التأخير.

مع أطيب التحيات،
خدمة العملاء - بيت الأثاث""")

m(L, "taqyim-muhayid", "sa", "neutral_review_request",
  "info@qahwat-alhijaz.example|قهوة الحجاز",
  "طلبكم {oid}: شاركونا تجربتكم",
  """مرحباً،

شكراً لشرائكم من متجرنا مؤخراً (رقم الطلب {oid}).

هل يمكنكم مشاركة تجربتكم مع المنتج بكتابة مراجعة على أمازون؟ تساعد مراجعتكم العملاء الآخرين على اتخاذ قرار الشراء المناسب.

مع خالص التحية،
قهوة الحجاز""", html=True)

m(L, "istibdal-majjani", "eg", "free_replacement",
  "service@adawat-matbakh-masr.example|أدوات مطبخ مصر",
  "رد: حلة مكسورة - طلب {oid}",
  """أهلاً أستاذة منى،

شكراً على الصور، فعلاً يد الحلة وصلت مكسورة، ونعتذر جداً عن ذلك.

هنبعتلك حلة جديدة بدلها مجاناً، وهتخرج بكرة مع بوسطة. مش محتاجة ترجعي القديمة.

لو في أي استفسار تاني، ردي على الرسالة دي واذكري رقم الطلب {oid}.

مع تحياتنا،
أدوات مطبخ مصر""")

m(L, "shohna-mafquda", "ae", "lost_package_refund",
  "orders@maktabat-alkhaleej.example|مكتبة الخليج",
  "بخصوص شحنة طلبكم {oid}",
  """عزيزنا العميل،

أكدت لنا شركة الشحن اليوم أن الطرد الخاص بطلبكم رقم {oid} قد فُقد أثناء النقل، ونعتذر لكم بشدة عن ذلك.

لقد قمنا برد المبلغ كاملاً عبر أمازون، وسيظهر في وسيلة الدفع الأصلية خلال أيام عمل قليلة، ولا يلزمكم القيام بأي إجراء.

مع التحية،
مكتبة الخليج""")

m(L, "ilgha-nafad", "sa", "seller_cancelled",
  "sales@adawat-alriyadh.example|عدد الرياض",
  "تم إلغاء طلبكم {oid}",
  """عميلنا العزيز،

نأسف لإبلاغكم بأن المثقاب الكهربائي الذي طلبتموه قد نفد من المخزون، ولم يحدد المورد موعداً لتوفره مجدداً.

لذلك قمنا بإلغاء طلبكم رقم {oid} من طرفنا، ولن يتم خصم أي مبلغ منكم.

نعتذر عن الإزعاج.

مع التحية،
عدد الرياض""")

m(L, "mawid-tawsil-ghassala", "ae", "delivery_reschedule",
  "delivery@ajhiza-manzilia.example|الأجهزة المنزلية",
  "تحديد موعد توصيل الغسالة - طلب {oid}",
  """مرحباً سيد خالد،

وصلت الغسالة الخاصة بطلبكم رقم {oid} إلى مستودعنا. وبما أن التوصيل والتركيب يتم بواسطة فنيين اثنين، نحتاج إلى تحديد موعد مناسب معكم.

المواعيد المتاحة: الثلاثاء 17 نوفمبر أو الخميس 19 نوفمبر، صباحاً (9-1) أو مساءً (4-9). أي موعد يناسبكم؟

نرجو أيضاً إخبارنا برقم الطابق، وهل يوجد مصعد في المبنى.

شكراً لكم،
قسم التوصيل""")

m(L, "daman-almusanni", "sa", "warranty",
  "support@sawtiyat-jeddah.example|صوتيات جدة",
  "ضمان السماعة - طلب {oid}",
  """مرحباً،

نأسف لتوقف السماعة عن الشحن. المنتج في طلبكم رقم {oid} مشمول بضمان الشركة المصنعة لمدة سنتين.

أسرع طريقة هي التواصل مع مركز خدمة الشركة المصنعة على الرقم المجاني 800 555 0193 (من الأحد إلى الخميس، 9 صباحاً - 5 مساءً). أرفقنا لكم شهادة الضمان لتقديمها عند التواصل معهم.

مع التحية،
صوتيات جدة""", att=[("pdf_warranty", "شهادة_الضمان.pdf")])

m(L, "fatura-pdf", "ae", "invoice",
  "accounts@qirtasiya-abudhabi.example|قرطاسية أبوظبي",
  "الفاتورة الضريبية للطلب {oid}",
  """السادة الكرام،

تجدون مرفقاً الفاتورة الضريبية الخاصة بطلبكم رقم {oid} بصيغة PDF.

إذا رغبتم في إصدار الفاتورة باسم شركة، يرجى تزويدنا باسم الشركة ورقم التسجيل الضريبي لنعيد إصدارها.

مع خالص التحية،
قسم الحسابات - قرطاسية أبوظبي""", att=[("pdf_invoice", "Invoice_{oid}.pdf")])

m(L, "taqm-hadaya-najma", "eg", "product_name_gift",
  "hello@shumoo-alqahira.example|شموع القاهرة",
  "طقم الهدايا «نجمة الليل» - طلب {oid}",
  """أهلاً بيك!

حبينا نبلغك إن «طقم هدايا نجمة الليل + شمعة بونص مجانية» في طلبك رقم {oid} هيتشحن متأخر يوم واحد، لأن علب الهدايا وصلتلنا متأخرة.

هيخرج بكرة الصبح ومن المفروض يوصلك قبل الويك إند.

شكراً على صبرك،
شموع القاهرة""")

m(L, "istirja-sual", "sa", "return_instructions",
  "returns@ahdhiya-alnakheel.example|أحذية النخيل",
  "طلب الإرجاع الخاص بكم - طلب {oid}",
  """مرحباً،

استلمنا طلب الإرجاع الخاص بالحذاء في طلبكم رقم {oid}.

لإصدار ملصق الإرجاع الصحيح، نرجو إخبارنا: هل تفضلون استبداله بمقاس آخر أم استرداد المبلغ؟ في حال الاستبدال يرجى ذكر المقاس المطلوب. سيصلكم ملصق الإرجاع بعد ذلك عبر أمازون.

مع التحية،
قسم المرتجعات""")

m(L, "tasmim-lilmuwafaqa", "ae", "custom_design",
  "studio@nuqoosh-alkhashab.example|نقوش الخشب",
  "تصميم بانتظار موافقتكم - طلب {oid}",
  """مرحباً أستاذة ريم،

قبل أن نبدأ حفر لوح التقديم الخاص بطلبكم رقم {oid}، إليكم وصف التصميم النهائي:

- في الأعلى: «بيت آل منصور» بخط الثلث، بعرض 20 سم
- في الأسفل: غصن زيتون صغير وسنة 2026

يرجى مراجعة الكتابة جيداً والرد بكلمة «موافقة» أو إرسال التعديلات المطلوبة. لن نبدأ التنفيذ قبل موافقتكم.

مع التحية،
نقوش الخشب""")

m(L, "ism-naqis", "eg", "question",
  "orders@fidda-khan-alkhalili.example|فضة خان الخليلي",
  "سؤال بخصوص طلبك {oid}",
  """أهلاً،

شكراً على طلبك رقم {oid}. لاحظنا إن خانة الاسم المطلوب حفره على السلسلة فاضية.

ممكن تبعتلنا الاسم (بحد أقصى 8 حروف) وتقولنا تحبه بالعربي ولا بالإنجليزي؟ أول ما يوصلنا الرد هنبدأ الشغل على طول.

تحياتنا،
فضة خان الخليلي""")

# --- violations
m(L, "ulghi-anta", "sa", "cancel_request",
  "shop@jawwalat-alsharq.example|جوالات الشرق",
  "مشكلة في طلبكم {oid}",
  """مرحباً،

للأسف الشاحن اللاسلكي الذي طلبتموه غير متوفر حالياً في المخزون.

نرجو منكم إلغاء الطلب رقم {oid} بأنفسكم من صفحة «طلباتي» في أمازون، لأن الإلغاء من طرفنا يؤثر على تقييم حسابنا كبائع. سيتم رد المبلغ كاملاً.

شكراً لتفهمكم،
جوالات الشرق""")

m(L, "surat-alhawiya", "ae", "personal_data_request",
  "verify@dhahab-dubai.example|ذهب دبي",
  "التحقق من الطلب {oid}",
  """عميلنا العزيز،

بالنسبة لطلبات الذهب التي تتجاوز 2,000 درهم، نقوم بالتحقق من هوية المشتري قبل الشحن.

نرجو الرد على هذه الرسالة بصورة من الهوية الإماراتية (الوجهين) ورقم الهوية وتاريخ الميلاد. بعد التحقق سيتم شحن الطلب رقم {oid} في نفس اليوم.

مع التحية،
ذهب دبي""")

m(L, "tahwil-bank", "eg", "off_amazon_sale",
  "mahmoud@qitaa-ghiyar-masr.example|قطع غيار مصر",
  "رد: طلب {oid} - تيل الفرامل",
  """أهلاً يا أستاذ شريف،

كويس إن الفلتر في طلب {oid} طلع مظبوط على العربية.

تيل الفرامل اللي سألت عليه مش معروض على أمازون، بس أقدر أبيعهولك مباشرة بـ 850 جنيه شامل الشحن. حوّل المبلغ على فودافون كاش أو تحويل بنكي وأنا أشحنه بكرة.

محمود""")

m(L, "isaa", "sa", "offensive",
  "cs@ahsan-alasaar.example|أحسن الأسعار",
  "رد: شكوى الطلب {oid}",
  """اسمع،

شرحنا لك ثلاث مرات أن المكنسة في الطلب {oid} تعمل بشكل سليم. إذا كنت لا تعرف حتى كيف تفرغ الخزان فهذه مشكلتك أنت، يا غبي.

توقف عن إزعاجنا برسائلك التافهة.
أحسن الأسعار""")

m(L, "taakid-shahn", "ae", "confirmation_only",
  "orders@shay-alemarat.example|شاي الإمارات",
  "تم شحن طلبكم {oid}",
  """مرحباً،

نود إعلامكم بأنه تم شحن طلبكم رقم {oid} اليوم.

مع التحية،
شاي الإمارات""")

m(L, "rabit-khariji", "sa", "external_link",
  "support@almanzil-aldhaki.example|المنزل الذكي",
  "تركيب جرس الباب - طلب {oid}",
  """مرحباً،

شكراً لطلبكم رقم {oid}. لاحظنا أن كثيراً من العملاء يواجهون صعوبة في ربط جرس الباب بالتطبيق، لذلك أعددنا شرحاً مصوراً خطوة بخطوة.

تجدون الفيديو على الرابط: https://almanzil-aldhaki.example/setup/doorbell

إذا استمرت المشكلة، يكفي الرد على هذه الرسالة.

مع التحية،
المنزل الذكي""")

m(L, "barid-iliktruni", "eg", "email_address",
  "service@abajoura.example|أباجورة",
  "رد: أباجورة مكسورة - طلب {oid}",
  """أهلاً يا مدام سارة،

آسفين جداً إن الأباجورة في طلب {oid} وصلت مكسورة.

ممكن تبعتي كام صورة للكسر وللكرتونة على claims@abajoura.example عشان نعمل شكوى لشركة الشحن؟ أول ما الصور توصل هنبعتلك واحدة جديدة.

مع تحياتنا،
أباجورة""")

m(L, "ittasil-bina", "ae", "phone_number",
  "service@riyada-plus.example|رياضة بلس",
  "مساعدة في التركيب - طلب {oid}",
  """مرحباً سيد فهد،

علمنا أنكم تواجهون مشكلة في تركيب جهاز المشي من الطلب {oid}. غالباً يكون السبب أن كابل الشاشة محشور تحت الإطار.

يمكنكم الاتصال بفريقنا الفني على الرقم ٠٥٠٥٥٥١٢٣٤ وسيساعدكم خلال عشر دقائق.

مع التحية،
رياضة بلس""")

m(L, "tabiuna", "sa", "social_media",
  "hello@bukhoor-alarab.example|بخور العرب",
  "طريقة استخدام البخور - طلب {oid}",
  """مرحباً،

سيصلكم طلبكم رقم {oid} غداً بإذن الله. نصيحة: ضعوا قطعة البخور على جمرة متوهجة وليست مشتعلة، حتى تفوح الرائحة دون احتراق.

تابعونا على سناب شات وإنستغرام ‎@bukhoor_alarab لمزيد من النصائح والإصدارات الجديدة.

مع أطيب التحيات،
بخور العرب""")

m(L, "ilgha-ishtirak", "ae", "opt_out_link",
  "news@tumoor-alain.example|تمور العين",
  "طريقة حفظ التمور - طلب {oid}",
  """مرحباً،

تم تسليم علبة التمور الخاصة بطلبكم رقم {oid} لشركة الشحن. نصيحة: احفظوا التمور في الثلاجة داخل علبة محكمة الإغلاق لتبقى طرية لأطول فترة.

بالهناء والشفاء،
تمور العين

لإيقاف استلام رسائلنا، اضغطوا هنا: https://tumoor-alain.example/unsubscribe?id=8820""", html=True)

m(L, "emoji", "eg", "emoji",
  "hi@alaab-khashab.example|ألعاب خشب",
  "تأخير بسيط - طلب {oid}",
  """أهلاً!

طلبك رقم {oid} (البازل الخشب) اتأخر يوم عند شركة الشحن بسبب ضغط الشحنات 📦 الميعاد الجديد للتوصيل يوم الخميس.

شكراً على صبرك 🙏
ألعاب خشب""")

m(L, "bidun-raqm-talab", "sa", "missing_order_id",
  "care@darrajat-alriyadh.example|دراجات الرياض",
  "معلومات عن موعد التوصيل",
  """مرحباً،

ستصلكم خوذة الدراجة التي طلبتموها متأخرة يومين عن الموعد المتوقع، بسبب خطأ في الفرز لدى شركة الشحن.

نعتذر عن هذا التأخير.

مع التحية،
دراجات الرياض""")

m(L, "murfaq-exe", "ae", "attachment",
  "support@kamirat-amn.example|كاميرات أمن",
  "برنامج الإعداد - طلب {oid}",
  """مرحباً،

لتسهيل إعداد الكاميرا الخاصة بطلبكم رقم {oid}، أرفقنا لكم برنامج الإعداد. قوموا بتشغيله على الكمبيوتر وسيتم ضبط الكاميرا تلقائياً.

مع التحية،
كاميرات أمن""", att=[("exe", "CameraSetup.exe")])

m(L, "pixel-tatabbu", "eg", "tracking_pixel",
  "info@gild-masri.example|جلد مصري",
  "العناية بالمحفظة - طلب {oid}",
  """أهلاً،

بخصوص طلبك رقم {oid}: المحفظة مصنوعة من جلد مدبوغ نباتياً، ولونها بيغمق شوية في الأسابيع الأولى، وده طبيعي ومش عيب.

ياريت ما تستخدمش مية في التنظيف، قطعة قماش ناشفة كفاية.

مع تحياتنا،
جلد مصري""", pixel="https://mail.gild-masri.example/o/{oid}/p.gif")

# === LANGUAGE DATA END ===


def main():
    rng = random.Random(SEED)
    outdir = os.path.join(HERE, "messages")
    if os.path.isdir(outdir):
        shutil.rmtree(outdir)
    os.makedirs(outdir)
    rows = ["#file\texpected\tmarketplace\tlanguage\tfamily"]
    seen = set()
    for idx, item in enumerate(MESSAGES, 1):
        name = "%03d-%s-%s" % (idx, item["lang"], item["slug"])
        assert name not in seen, name
        seen.add(name)
        msg = build(item, idx, rng)
        with open(os.path.join(outdir, name + ".eml"), "wb") as f:
            f.write(msg.as_bytes())
        expected = "ok" if item["fam"] in OK_FAMILIES else "bad"
        rows.append("\t".join([name, expected, item["market"], item["lang"], item["fam"]]))
    with open(os.path.join(HERE, "labels.tsv"), "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(rows) + "\n")
    print("wrote %d messages" % len(MESSAGES))


if __name__ == "__main__":
    main()
