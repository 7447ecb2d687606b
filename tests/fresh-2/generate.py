#!/usr/bin/env python3
"""tests/fresh-2/generate.py - seller messages in twelve languages, written
from ../shared/amazon-guidelines.md alone, apart from the rules and the other
test corpora, to measure the ruleset on wording it was not written against.

Every message is a seller or helpdesk mail to an Amazon relay address,
labelled ok (compliant, must be delivered) or bad (exactly one violation,
must be blocked), with its language and its family (labels.tsv: file,
expected, marketplace, language, family).  tests/measure.py reports how the
rules do on them (make measure).

Run:  python3 generate.py   -> writes messages/*.eml and labels.tsv next to this file.
Placeholders in texts: {o} = a random 3-7-7 order ID (fixed seed).
Flags per message: 'html' (add an HTML alternative), 'pdf:NAME' (attach small PDF),
'bad:KIND:NAME' (attach a disallowed file), 'pixel' (HTML with 1x1 remote image),
'noid' (no order ID expected in text), 'logo:URL' (HTML with a logo linked to URL).
"""
import os, random, html as htmlmod, datetime
from email.message import EmailMessage
from email.utils import format_datetime
from email import policy

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "messages")
RNG = random.Random(20261207)
random.seed(20261207)   # the email package draws MIME boundaries from it

MARKETS = {
    "en": ["com", "co.uk", "ca"], "de": ["de"], "fr": ["fr", "ca", "com.be"],
    "es": ["es", "com.mx"], "it": ["it"], "ja": ["co.jp"], "nl": ["nl", "com.be"],
    "pl": ["pl"], "sv": ["se"], "tr": ["com.tr"], "pt": ["com.br"], "ar": ["ae", "sa", "eg"],
}
SENDERS = {
    "en": ["support@harbourline-goods.example", "help@northpeak-outdoor.example", "orders@brightkettle.example", "care@oakandtwine.example"],
    "de": ["service@hausgeraete-kraemer.example", "kundenservice@waldlicht-shop.example", "support@bergmann-technik.example"],
    "fr": ["service-client@atelier-lumen.example", "contact.commandes@maison-pivoine.example", "sav@outils-dumont.example"],
    "es": ["atencion@tiendaolivar.example", "soporte@casa-marea.example", "pedidos@ferreteria-sol.example"],
    "it": ["assistenza@bottega-ravelli.example", "ordini@casaverde-store.example", "supporto@elettro-fiume.example"],
    "ja": ["support@sakura-zakka.example", "info@kiyomizu-kogu.example", "cs@hoshino-denki.example"],
    "nl": ["klantenservice@dijkhuis-wonen.example", "support@tulpentech.example", "info@fietsenhoek.example"],
    "pl": ["obsluga@sklep-bursztyn.example", "pomoc@dom-kowalski.example", "zamowienia@techno-wisla.example"],
    "sv": ["kundtjanst@nordljus-hem.example", "support@fjallgarden.example", "order@skargard-design.example"],
    "tr": ["destek@anadolu-ev.example", "musteri@bosfor-teknik.example", "siparis@kapadokya-tekstil.example"],
    "pt": ["atendimento@loja-ipe.example", "sac@casa-jabuticaba.example", "suporte@tech-carioca.example"],
    "ar": ["support@dar-alnakheel.example", "care@souq-alwaha.example", "help@almanara-electronics.example"],
}
PDF = (b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
       b"2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n"
       b"3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>\nendobj\n"
       b"xref\n0 4\n0000000000 65535 f \n0000000009 00000 n \n0000000058 00000 n \n0000000115 00000 n \n"
       b"trailer\n<< /Size 4 /Root 1 0 R >>\nstartxref\n186\n%%EOF\n")
BADFILES = {
    "zip": ("application", "zip", b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + bytes(range(40)) + b"PK\x05\x06" + b"\x00" * 18),
    "exe": ("application", "pdf", b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 48 + b"PE\x00\x00"),
    "docm": ("application", "vnd.ms-word.document.macroEnabled.12", b"PK\x03\x04\x14\x00\x06\x00" + b"word/vbaProject.bin" + b"\x00" * 30),
    "jpg": ("image", "jpeg", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00" + b"\x00" * 40 + b"\xff\xd9"),
    "gif": ("image", "gif", b"GIF89a\x01\x00\x01\x00\x80\x00\x00\xff\xff\xff\x00\x00\x00!\xf9\x04\x01\x00\x00\x00\x00,\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;"),
    "xlsx": ("application", "vnd.openxmlformats-officedocument.spreadsheetml.sheet", b"PK\x03\x04\x14\x00\x06\x00" + b"xl/workbook.xml" + b"\x00" * 30),
}

def order_id():
    first = RNG.choice([111, 112, 113, 114, 171, 202, 250, 302, 403, 405, 408, 503, 701, 702, 249, 28])
    return "%03d-%07d-%07d" % (first, RNG.randrange(10**7), RNG.randrange(10**7))

def relay(market):
    a = "abcdefghijklmnopqrstuvwxyz0123456789"
    return "".join(RNG.choice(a) for _ in range(15)) + "@marketplace.amazon." + market

def to_html(text, pixel=False, logo=None):
    paras = [p for p in text.split("\n\n")]
    out = ['<html><body style="margin:0">']
    if logo:
        out.append('<p><a href="%s"><img src="https://%s/img/logo.png" alt="Logo" width="160"></a></p>'
                   % (logo, logo.split("/")[2]))
    for p in paras:
        out.append("<p>" + "<br>".join(htmlmod.escape(l) for l in p.split("\n")) + "</p>")
    if pixel:
        out.append('<img src="https://mail-stats.%s/o/%s.gif" width="1" height="1" alt="" style="display:block">'
                   % (RNG.choice(["shopmetrics.example", "clicktrack-mailer.example", "openrate.example"]),
                      "".join(RNG.choice("0123456789abcdef") for _ in range(24))))
    out.append("</body></html>")
    return "\n".join(out)

M = []  # (lang, slug, label, family, subject, body, flags)
def add(lang, rows):
    for r in rows:
        slug, label, fam, subj, body = r[:5]
        flags = r[5] if len(r) > 5 else ""
        M.append((lang, slug, label, fam, subj, body.strip("\n"), flags))

add("en", [
("delay-freight", "ok", "freight_number", "Delivery update for order {o}",
"""Hello,

Your sofa from order {o} left our warehouse on Monday but the freight carrier has pushed the delivery back by two days because of a depot backlog.
Freight PRO number: 784-512-3390 (Estes Express). You can check the status with the carrier using that PRO number.

Sorry for the wait.
Harbourline Goods"""),
("free-replacement", "ok", "free_replacement", "Re: Cracked lid - order {o}",
"""Hi Sarah,

Thanks for the photos. The lid should never arrive like that. We have sent a free replacement lid today, tracking 1Z 9R4 817 03 4412 8837 (UPS).
There is no need to send the damaged one back.

Best regards,
Tom - Northpeak Outdoor"""),
("review-neutral", "ok", "neutral_review_request", "Your order {o}",
"""Hello,

Your order {o} was delivered last week. If you have a moment, would you share your experience with the product in a review on Amazon? Your feedback helps other customers.

Kind regards,
Brightkettle"""),
("invoice-pdf", "ok", "invoice", "Invoice for order {o}",
"""Dear customer,

As requested, please find attached the VAT invoice INV-2026-04417 for your order {o}.

Kind regards,
Accounts team, Oak & Twine""", "pdf:INV-2026-04417.pdf"),
("gift-product", "ok", "product_name_gift", "Question about personalisation - order {o}",
"""Hi,

You ordered the "Golden Star Gift Box - Free Engraving Edition" (order {o}) but the personalisation field was left empty.
Could you tell us the name you would like engraved? We will ship as soon as we hear from you.

Thanks,
Harbourline Goods"""),
("reschedule-bulky", "ok", "delivery_reschedule", "Scheduling delivery of your wardrobe - order {o}",
"""Hello Mr Patel,

Your wardrobe (order {o}) is ready for two-person delivery. The carrier has offered Thursday 12 Nov between 8am and 12pm or Friday 13 Nov between 1pm and 5pm.
Please reply with the slot that suits you best.

Regards,
Northpeak Outdoor delivery team"""),
("return-instructions", "ok", "return_instructions", "Return for order {o}",
"""Hi Jenna,

Sorry the boots were too small. To finish the return for order {o}, please use the prepaid label from your Amazon returns centre and drop the parcel at any UPS access point.
Your refund will be issued once the parcel is scanned at our warehouse.

Best,
Brightkettle support"""),
("question-battery", "ok", "question", "Re: Battery question (order {o})",
"""Hello,

Good question. The 5-star rated bonus pack in your order {o} contains two 2000 mAh batteries; both fit the older V2 handset as well.
Charge them fully before the first use.

Regards,
Oak & Twine"""),
("lost-parcel-refund", "ok", "lost_package_refund", "Your parcel for order {o}",
"""Dear Mr Okafor,

Royal Mail has confirmed that the parcel for order {o} (tracking JD014600003828734561) was lost in transit. We are very sorry.
We have issued a full refund today; it should appear within 3-5 working days.

Kind regards,
Harbourline Goods"""),
("warranty-pdf", "ok", "warranty", "Warranty information - order {o}",
"""Hello,

Following your message about order {o}, I've attached the warranty card for the Bonus Blender 900. The warranty runs for 2 years from the delivery date.
For a claim, just reply to this message through Amazon.

Thanks,
Northpeak Outdoor""", "pdf:warranty-blender-900.pdf"),
("custom-proof", "ok", "custom_design", "Design proof for order {o}",
"""Hi Amy,

Your custom doormat proof for order {o} is ready: "The Freeman Family - est. 2019" in navy on natural coir.
Please reply "approved" or tell us any changes, and we will start production.

Best regards,
Brightkettle"""),
("partial-refund", "ok", "partial_refund", "Scuffed corner - order {o}",
"""Hello,

Thank you for letting us know about the scuffed corner on the side table from order {o}. If you are happy to keep it, we can offer a partial refund of 20 % of the item price through Amazon. If you'd rather return it, we can arrange that too.

Regards,
Oak & Twine"""),
("awb-intl", "ok", "tracking_number", "Customs delay on order {o}",
"""Hello,

Your shipment for order {o} is held at customs in Toronto. DHL Express AWB 4829 1034 55 shows "clearance event", which usually takes 1-3 business days.
We'll keep an eye on it and let you know if anything is needed from you.

Regards,
Harbourline Goods"""),
# ---- violations
("review-gift-card", "bad", "review_incentive", "Order {o} - a small thank you",
"""Hi there,

We hope you're enjoying your new kettle from order {o}. Once your review is live on Amazon, just reply with a screenshot and we'll send you a $10 gift card as a thank you for your time.

Cheers,
Brightkettle"""),
("review-refund-honest", "bad", "review_incentive", "Order {o}",
"""Hello,

Thank you for your order {o}. We'd love to hear your honest opinion - as a gesture of appreciation, we reimburse the full purchase price to every customer who posts a review of the product.

Best wishes,
Oak & Twine"""),
("review-conditional", "bad", "review_conditional", "How is everything with order {o}?",
"""Hi,

Your order {o} should have arrived by now. If you're pleased with it, we'd really appreciate a review on Amazon. If something isn't right, please reach out to us first so we can sort it out before you leave feedback.

Best,
Harbourline Goods"""),
("review-change", "bad", "review_manipulation", "Regarding your review of order {o}",
"""Dear customer,

We've now sent the missing screws for order {o}. As the issue is resolved, would you kindly consider editing your 2-star review to reflect the outcome? It means a lot to a small business like ours.

Kind regards,
Northpeak Outdoor"""),
("coupon-next", "bad", "promotion", "A little something for your next order ({o})",
"""Hello,

Thanks for shopping with us - order {o} has been delivered. As a returning customer you can take 15% off our new winter range with the code WINTER15 at checkout.

Best,
Brightkettle"""),
("shop-link", "bad", "external_link", "Setup help for order {o}",
"""Hi,

Your air fryer from order {o} is on its way. We've put together some recipe ideas and setup videos here: https://www.oakandtwine-kitchen.example/recipes

Enjoy!
Oak & Twine"""),
("email-addr", "bad", "email_address", "Re: Missing part - order {o}",
"""Hello,

Sorry about the missing bracket in order {o}. To speed things up, please send a photo of the box contents directly to our returns desk at returns.desk@harbourline-goods.example and we'll ship the part right away.

Regards,
Harbourline Goods"""),
("cancel-please", "bad", "cancel_request", "Stock issue with order {o}",
"""Hi,

Unfortunately the colour you chose for order {o} has sold out at our supplier. Could you please request a cancellation from your Amazon account? That way the refund goes through fastest.

Apologies,
Northpeak Outdoor"""),
("paypal-direct", "bad", "off_amazon_sale", "Re: Bulk pricing (order {o})",
"""Hello Mark,

Thanks for your interest in more units like the ones in order {o}. For quantities over 10 we can do a much better price if you order directly - we can send you a PayPal invoice and ship the same day.

Best regards,
Brightkettle"""),
("no-order-id", "bad", "missing_order_id", "Delivery delay on your recent purchase",
"""Hello,

UPS has told us that your parcel was damaged in their hub and is being repacked, so delivery will be about three days later than planned. Tracking: 1Z 74W 201 68 1190 4431.

Kind regards,
Oak & Twine""", "noid"),
("thanks-only", "bad", "thank_you_only", "Thank you! (order {o})",
"""Dear customer,

Thank you so much for choosing Harbourline Goods for your order {o}. We truly appreciate your business and we are always here if you need anything.

Warm regards,
The Harbourline team"""),
("pixel-html", "bad", "tracking_pixel", "Your delivery window - order {o}",
"""Hello,

Your garden bench (order {o}) will be delivered tomorrow between 10am and 2pm by our freight partner. Please make sure someone is home to sign.

Regards,
Northpeak Outdoor""", "pixel"),
("personal-id", "bad", "personal_data_request", "Verification needed for order {o}",
"""Hello,

Before we can dispatch the e-bike battery in order {o}, our insurer requires a scan of your driving licence or passport and your date of birth. Please reply with these attached.

Thanks,
Brightkettle compliance"""),
])

add("de", [
("lieferverzoegerung-dhl", "ok", "tracking_number", "Lieferverzögerung zu Ihrer Bestellung {o}",
"""Guten Tag,

leider verzögert sich die Zustellung Ihrer Bestellung {o} um ein bis zwei Werktage, da DHL im Paketzentrum Hamburg einen Rückstau meldet.
Sendungsnummer: 00340434161094042557

Wir bitten um Entschuldigung.
Mit freundlichen Grüßen
Ihr Team von Haushaltsgeräte Krämer"""),
("spedition-termin", "ok", "delivery_reschedule", "Terminvereinbarung Speditionslieferung – Bestellung {o}",
"""Sehr geehrte Frau Schneider,

Ihr Kleiderschrank aus der Bestellung {o} wird per Spedition (Hellmann, Frachtbrief-Nr. HW-5523-889120) geliefert. Die Spedition hat den ursprünglichen Termin am Dienstag abgesagt.
Neue Vorschläge: Donnerstag, 19.11., 8–12 Uhr oder Freitag, 20.11., 12–16 Uhr. Bitte teilen Sie uns mit, welcher Termin passt.

Freundliche Grüße
Waldlicht Shop"""),
("ersatz-kostenlos", "ok", "free_replacement", "Re: Glas gesprungen – Bestellung {o}",
"""Hallo Herr Wagner,

vielen Dank für die Fotos. Wir schicken Ihnen selbstverständlich kostenlos ein Ersatzglas zu, die Rücksendung des defekten Teils ist nicht nötig.
Das Paket geht morgen mit Hermes raus (Sendungsnummer H1002345678901234567).

Viele Grüße
Bergmann Technik"""),
("bewertung-neutral", "ok", "neutral_review_request", "Ihre Bestellung {o}",
"""Guten Tag,

Ihre Bestellung {o} wurde vor einigen Tagen zugestellt. Wenn Sie einen Moment Zeit haben, würden wir uns freuen, wenn Sie Ihre Erfahrungen mit dem Produkt in einer Rezension auf Amazon teilen.

Mit freundlichen Grüßen
Haushaltsgeräte Krämer"""),
("rechnung-pdf", "ok", "invoice", "Rechnung zu Ihrer Bestellung {o}",
"""Sehr geehrte Damen und Herren,

anbei erhalten Sie wie gewünscht die Rechnung RE-2026-11873 mit ausgewiesener Umsatzsteuer zu Ihrer Bestellung {o}.

Mit freundlichen Grüßen
Buchhaltung Waldlicht Shop""", "pdf:RE-2026-11873.pdf"),
("produkt-geschenk", "ok", "product_name_gift", "Rückfrage zur Gravur – Bestellung {o}",
"""Hallo,

Sie haben das „Geschenkset Sternenhimmel – Gratis-Gravur“ bestellt (Bestellung {o}). Im Gravurfeld ist leider kein Text angekommen.
Welcher Name oder Spruch soll graviert werden? Sobald wir Ihre Antwort haben, geht das Set in die Fertigung.

Viele Grüße
Bergmann Technik"""),
("ruecksendung", "ok", "return_instructions", "Ihre Rücksendung zu Bestellung {o}",
"""Guten Tag Herr Yilmaz,

damit wir die Rücksendung zu Bestellung {o} abschließen können: Bitte legen Sie das Netzteil mit in den Karton und nutzen Sie das Rücksendeetikett aus Ihrem Amazon-Konto.
Die Erstattung erfolgt, sobald das Paket bei uns eingegangen ist.

Freundliche Grüße
Haushaltsgeräte Krämer"""),
("frage-kompatibel", "ok", "question", "Re: Passt der Filter? (Bestellung {o})",
"""Hallo Frau Becker,

ja, der Filter aus Ihrer Bestellung {o} passt auch in das ältere Modell AP-200. Sie müssen lediglich den grauen Adapterring abnehmen.
Bei weiteren Fragen antworten Sie einfach auf diese Nachricht.

Beste Grüße
Waldlicht Shop"""),
("garantie-pdf", "ok", "warranty", "Garantieunterlagen – Bestellung {o}",
"""Guten Tag,

wie besprochen finden Sie im Anhang die Garantiebedingungen und die Bedienungsanleitung für den Akkuschrauber aus Ihrer Bestellung {o}. Die Herstellergarantie beträgt 3 Jahre.

Mit freundlichen Grüßen
Bergmann Technik""", "pdf:Garantie_Bedienungsanleitung.pdf"),
("paket-verloren", "ok", "lost_package_refund", "Ihr Paket zur Bestellung {o}",
"""Sehr geehrter Herr Hoffmann,

GLS hat uns bestätigt, dass das Paket zu Ihrer Bestellung {o} (Paketnummer 6021 4478 9913) leider verloren gegangen ist.
Wir haben Ihnen den vollen Betrag bereits über Amazon erstattet. Bitte entschuldigen Sie die Unannehmlichkeiten.

Freundliche Grüße
Haushaltsgeräte Krämer"""),
("bonus-paket", "ok", "product_name_gift", "Teillieferung Ihrer Bestellung {o}",
"""Guten Tag,

der Artikel „Bonus-Pack Kaffeebohnen 5 Sterne Edition“ aus Ihrer Bestellung {o} ist heute separat versandt worden, da er aus einem anderen Lager kommt.
Sendungsnummer DPD: 01505012345678.

Viele Grüße
Waldlicht Shop"""),
("teilerstattung", "ok", "partial_refund", "Kratzer am Gehäuse – Bestellung {o}",
"""Hallo Frau Krüger,

es tut uns leid, dass das Gehäuse einen Kratzer hat. Falls Sie den Artikel aus Bestellung {o} behalten möchten, bieten wir Ihnen eine Teilerstattung von 15 € über Amazon an. Alternativ können Sie ihn natürlich zurücksenden.

Viele Grüße
Bergmann Technik"""),
# ---- Verstöße
("gutschein-bewertung", "bad", "review_incentive", "Kleines Dankeschön zu Ihrer Bestellung {o}",
"""Hallo,

wir hoffen, Sie sind mit Ihrer Bestellung {o} zufrieden. Für jede veröffentlichte Rezension bedanken wir uns mit einem Amazon-Gutschein über 10 € – schicken Sie uns einfach den Link zu Ihrer Bewertung.

Herzliche Grüße
Waldlicht Shop"""),
("bewertung-bedingt", "bad", "review_conditional", "Alles in Ordnung mit Bestellung {o}?",
"""Guten Tag,

sollten Sie mit dem Produkt aus Bestellung {o} zufrieden sein, freuen wir uns über eine Bewertung auf Amazon. Falls nicht, melden Sie sich bitte zuerst bei uns, bevor Sie eine Bewertung abgeben – wir finden bestimmt eine Lösung.

Mit freundlichen Grüßen
Haushaltsgeräte Krämer"""),
("bewertung-entfernen", "bad", "review_manipulation", "Ihre Rezension zu Bestellung {o}",
"""Sehr geehrter Herr Lang,

das Ersatzteil zu Bestellung {o} ist inzwischen bei Ihnen angekommen. Da das Problem nun behoben ist, wären wir Ihnen sehr dankbar, wenn Sie Ihre 1-Stern-Bewertung löschen oder anpassen könnten.

Vielen Dank und freundliche Grüße
Bergmann Technik"""),
("rabattcode", "bad", "promotion", "Ihre Bestellung {o} – und ein Extra für Sie",
"""Hallo,

Ihre Bestellung {o} wurde zugestellt. Als Stammkunde erhalten Sie auf Ihren nächsten Einkauf 20 % Rabatt mit dem Code DANKE20 – gültig bis Jahresende.

Viele Grüße
Waldlicht Shop"""),
("weitere-produkte", "bad", "promotion", "Passendes Zubehör zu Bestellung {o}",
"""Guten Tag,

zu Ihrem Rasenmäher aus Bestellung {o} passen perfekt unsere neuen Ersatzmesser und die Grasfangbox XL. Suchen Sie einfach auf Amazon nach „Krämer Gartenprofi“ – es lohnt sich!

Freundliche Grüße
Haushaltsgeräte Krämer"""),
("link-website", "bad", "external_link", "Anleitung zu Bestellung {o}",
"""Hallo,

die ausführliche Aufbauanleitung für Ihr Regal aus Bestellung {o} finden Sie auf unserer Website: www.waldlicht-shop.example/aufbau/regal-kiefer

Gutes Gelingen!
Waldlicht Shop"""),
("emailadresse", "bad", "email_address", "Re: Reklamation Bestellung {o}",
"""Guten Tag,

um Ihre Reklamation zu Bestellung {o} schneller zu bearbeiten, senden Sie bitte Fotos des Schadens an reklamation(at)bergmann-technik.example. Unser Technikteam meldet sich dann innerhalb eines Tages.

Mit freundlichen Grüßen
Bergmann Technik"""),
("stornieren", "bad", "cancel_request", "Problem mit Ihrer Bestellung {o}",
"""Sehr geehrte Kundin, sehr geehrter Kunde,

leider ist der Artikel aus Ihrer Bestellung {o} derzeit nicht lieferbar. Wir bitten Sie, die Bestellung in Ihrem Amazon-Konto zu stornieren – die Erstattung erfolgt dann automatisch.

Mit freundlichen Grüßen
Haushaltsgeräte Krämer"""),
("ueberweisung", "bad", "off_amazon_sale", "Re: Weitere Stückzahlen (Bestellung {o})",
"""Hallo Herr Schmidt,

gerne liefern wir Ihnen weitere 20 Stück des Artikels aus Bestellung {o}. Wenn Sie direkt per Banküberweisung bei uns bestellen, können wir Ihnen einen deutlich günstigeren Preis machen als auf Amazon.

Beste Grüße
Bergmann Technik"""),
("ohne-bestellnummer", "bad", "missing_order_id", "Ihr Paket ist unterwegs",
"""Guten Tag,

wir möchten Sie kurz informieren, dass sich die Zustellung Ihres Pakets wegen des Streiks im Verteilzentrum um etwa zwei Tage verzögert. Sendungsnummer: 00340434161094099871.

Freundliche Grüße
Waldlicht Shop""", "noid"),
("versandbestaetigung", "bad", "confirmation_only", "Versandbestätigung Bestellung {o}",
"""Hallo,

Ihre Bestellung {o} wurde heute versandt.

Vielen Dank für Ihren Einkauf!
Haushaltsgeräte Krämer"""),
("telefon", "bad", "phone_number", "Rückfrage zu Bestellung {o}",
"""Guten Tag,

zur Lieferung Ihres Kaminofens aus Bestellung {o} haben wir noch ein paar Fragen. Rufen Sie uns am besten direkt an unter 0721 / 55 48 9 20, Mo–Fr 9–17 Uhr.

Mit freundlichen Grüßen
Bergmann Technik"""),
("instagram", "bad", "social_media", "Re: Pflege der Bettwäsche (Bestellung {o})",
"""Hallo,

die Bettwäsche aus Bestellung {o} waschen Sie am besten bei 40 °C auf links und ohne Weichspüler. Weitere Pflegetipps zeigen wir regelmäßig auf unserem Instagram-Kanal @waldlicht.wohnen.

Viele Grüße
Waldlicht Shop"""),
("ausweis", "bad", "personal_data_request", "Altersprüfung zu Bestellung {o}",
"""Guten Tag,

für den Versand des Messersets aus Bestellung {o} benötigen wir eine Kopie Ihres Personalausweises (Vorder- und Rückseite). Bitte senden Sie uns diese als Antwort auf diese Nachricht.

Mit freundlichen Grüßen
Haushaltsgeräte Krämer"""),
])

add("fr", [
("retard-colissimo", "ok", "tracking_number", "Retard de livraison – commande {o}",
"""Bonjour,

Nous vous informons que la livraison de votre commande {o} aura un à deux jours de retard en raison d'un incident sur le centre de tri de Colissimo.
Numéro de suivi : 6A20481937552

Nous vous prions de nous excuser pour ce désagrément.
Cordialement,
Le service client Atelier Lumen"""),
("transporteur-rdv", "ok", "delivery_reschedule", "Prise de rendez-vous pour la livraison de votre canapé – commande {o}",
"""Bonjour Madame Lefèvre,

Votre canapé (commande {o}) sera livré par notre transporteur Geodis, lettre de voiture n° GD-77120459. Le créneau initial du mardi n'est plus disponible.
Pourriez-vous nous indiquer si le jeudi 19/11 matin ou le vendredi 20/11 après-midi vous convient ?

Bien cordialement,
Maison Pivoine"""),
("remplacement-gratuit", "ok", "free_replacement", "RE : Pièce cassée – commande {o}",
"""Bonjour Monsieur Girard,

Merci pour les photos. Nous vous envoyons gratuitement une pièce de remplacement, inutile de nous renvoyer la pièce défectueuse.
Elle part aujourd'hui par Chronopost, n° de suivi XY123456789FR.

Cordialement,
Outils Dumont"""),
("avis-neutre", "ok", "neutral_review_request", "Votre commande {o}",
"""Bonjour,

Votre commande {o} vous a été livrée il y a quelques jours. Si vous avez un instant, nous serions ravis que vous partagiez votre expérience du produit en laissant un commentaire sur Amazon.

Bien cordialement,
Atelier Lumen"""),
("facture-pdf", "ok", "invoice", "Facture de votre commande {o}",
"""Bonjour,

Comme demandé, veuillez trouver ci-joint la facture n° FA-2026-3318 correspondant à votre commande {o}.

Cordialement,
Service comptabilité – Maison Pivoine""", "pdf:FA-2026-3318.pdf"),
("coffret-cadeau", "ok", "product_name_gift", "Question sur la personnalisation – commande {o}",
"""Bonjour,

Vous avez commandé le « Coffret cadeau Étoile – gravure offerte » (commande {o}), mais le texte à graver ne nous est pas parvenu.
Pouvez-vous nous indiquer le prénom souhaité ? Nous expédierons dès réception de votre réponse.

Merci,
Outils Dumont"""),
("retour-instructions", "ok", "return_instructions", "Votre retour – commande {o}",
"""Bonjour Madame Roux,

Pour finaliser le retour de la commande {o}, merci d'utiliser l'étiquette prépayée disponible dans votre espace Amazon et de déposer le colis dans un point relais.
Le remboursement sera effectué dès réception du colis à notre entrepôt.

Cordialement,
Atelier Lumen"""),
("reponse-question", "ok", "question", "RE : Compatibilité – commande {o}",
"""Bonjour,

Oui, l'ampoule de votre commande {o} est compatible avec un variateur, à condition qu'il soit de type LED (trailing edge).
N'hésitez pas à répondre à ce message si vous avez d'autres questions.

Bien à vous,
Maison Pivoine"""),
("garantie-pdf", "ok", "warranty", "Garantie et notice – commande {o}",
"""Bonjour,

Suite à votre message concernant la commande {o}, vous trouverez en pièce jointe la notice d'utilisation et les conditions de garantie de la perceuse (garantie 2 ans).

Cordialement,
Outils Dumont""", "pdf:notice-garantie-perceuse.pdf"),
("colis-perdu", "ok", "lost_package_refund", "Votre colis – commande {o}",
"""Bonjour Monsieur Blanc,

Le transporteur nous a confirmé la perte du colis de votre commande {o}. Nous en sommes sincèrement désolés.
Nous avons procédé au remboursement intégral via Amazon ; il apparaîtra sous 3 à 5 jours ouvrés.

Cordialement,
Atelier Lumen"""),
("bonus-pack", "ok", "product_name_gift", "Expédition partielle – commande {o}",
"""Bonjour,

L'article « Pack Bonus Thé Vert 5 étoiles » de votre commande {o} est expédié séparément depuis un autre entrepôt.
Suivi Mondial Relay : 84561239.

Bonne journée,
Maison Pivoine"""),
("maquette", "ok", "custom_design", "Validation de votre maquette – commande {o}",
"""Bonjour Claire,

La maquette de votre plaque personnalisée (commande {o}) est prête : « Famille Morel – 12 rue des Lilas », lettres noires sur fond ardoise.
Merci de nous répondre « validé » ou de nous indiquer les modifications souhaitées.

Cordialement,
Outils Dumont"""),
# ---- violations
("avis-remboursement", "bad", "review_incentive", "Votre avis compte – commande {o}",
"""Bonjour,

Merci pour votre commande {o}. Pour vous remercier de votre confiance, nous vous remboursons 10 € dès que vous aurez publié votre avis sur Amazon : il suffit de nous envoyer une capture d'écran.

Bien cordialement,
Atelier Lumen"""),
("avis-conditionnel", "bad", "review_conditional", "Tout se passe bien ? – commande {o}",
"""Bonjour,

Si vous êtes satisfait(e) de votre achat (commande {o}), un petit commentaire sur Amazon nous ferait très plaisir. En cas de souci, merci de nous contacter d'abord avant de laisser un avis, nous trouverons une solution.

Cordialement,
Maison Pivoine"""),
("avis-positif", "bad", "review_manipulation", "Votre commande {o}",
"""Bonjour,

Votre commande {o} a été livrée. Nous sommes une petite entreprise familiale : une évaluation 5 étoiles nous aiderait énormément à nous faire connaître.

Merci beaucoup,
Outils Dumont"""),
("code-promo", "bad", "promotion", "Un petit plus pour vous – commande {o}",
"""Bonjour,

Merci pour votre commande {o} ! Profitez de -15 % sur toute notre collection d'hiver avec le code HIVER15, valable jusqu'au 31 décembre.

À bientôt,
Atelier Lumen"""),
("lien-site", "bad", "external_link", "Conseils d'entretien – commande {o}",
"""Bonjour,

Votre nappe en lin (commande {o}) est en route. Retrouvez tous nos conseils de lavage et de repassage sur notre blog : https://blog.maison-pivoine.example/entretien-lin

Belle journée,
Maison Pivoine"""),
("adresse-mail", "bad", "email_address", "RE : Réclamation – commande {o}",
"""Bonjour,

Concernant votre commande {o}, merci d'adresser les photos du défaut directement à notre atelier : atelier@outils-dumont.example. Notre technicien vous répondra sous 24 h.

Cordialement,
Outils Dumont"""),
("annulation", "bad", "cancel_request", "Problème avec votre commande {o}",
"""Bonjour,

Nous rencontrons une rupture de stock sur l'article de votre commande {o}. Afin d'accélérer votre remboursement, auriez-vous l'amabilité d'annuler la commande depuis votre compte Amazon ?

Toutes nos excuses,
Atelier Lumen"""),
("virement-direct", "bad", "off_amazon_sale", "RE : Commande en quantité (commande {o})",
"""Bonjour Monsieur Petit,

Pour une nouvelle commande de 30 pièces identiques à celles de la commande {o}, contactez-nous directement : nous pouvons vous proposer un meilleur prix avec un paiement par virement bancaire, sans passer par Amazon.

Cordialement,
Maison Pivoine"""),
("sans-numero", "bad", "missing_order_id", "Retard de livraison de votre colis",
"""Bonjour,

Suite à une erreur d'adressage au centre de tri, votre colis a été réacheminé ; la livraison est décalée de 48 heures. Numéro de suivi Colissimo : 6A20481937999.

Cordialement,
Outils Dumont""", "noid"),
("merci-seul", "bad", "thank_you_only", "Merci ! – commande {o}",
"""Bonjour,

Toute l'équipe d'Atelier Lumen vous remercie chaleureusement pour votre commande {o}. Nous restons à votre disposition pour toute question.

Bien cordialement,
Atelier Lumen"""),
("emoji", "bad", "emoji", "Votre commande {o} est arrivée",
"""Bonjour,

Bonne nouvelle 🎉 votre commande {o} a été livrée ! Si la taille ne convient pas, l'échange est possible sous 30 jours depuis votre compte Amazon 😊

À bientôt,
Maison Pivoine"""),
("facebook", "bad", "social_media", "Notice de montage – commande {o}",
"""Bonjour,

Pour le montage de l'étagère de votre commande {o}, nous avons publié une vidéo pas à pas sur notre page Facebook « Outils Dumont Officiel ». Abonnez-vous pour ne rien manquer !

Cordialement,
Outils Dumont"""),
("pj-zip", "bad", "attachment", "Documents – commande {o}",
"""Bonjour,

Vous trouverez en pièce jointe l'ensemble des documents relatifs à votre commande {o} (notice d'utilisation et facture).

Cordialement,
Atelier Lumen""", "bad:zip:documents-commande.zip"),
])

add("es", [
("retraso-seur", "ok", "tracking_number", "Retraso en la entrega del pedido {o}",
"""Hola:

Le informamos de que la entrega de su pedido {o} se retrasará uno o dos días por una incidencia en el centro logístico de SEUR.
Número de seguimiento: 6104589031227

Disculpe las molestias.
Un saludo,
Tienda Olivar"""),
("flete-guia", "ok", "freight_number", "Envío de su refrigerador – pedido {o}",
"""Buen día, Sr. Hernández:

Su refrigerador del pedido {o} salió hoy de nuestro almacén en Monterrey con Paquetexpress. Número de guía: 1234 5678 9012.
La entrega estimada es el jueves; el transportista le llamará antes de llegar.

Saludos cordiales,
Casa Marea"""),
("reposicion-gratis", "ok", "free_replacement", "RE: Taza rota – pedido {o}",
"""Hola, Lucía:

Gracias por las fotos. Te enviamos una reposición gratuita de la taza hoy mismo; no hace falta que nos devuelvas la rota.
Seguimiento Correos Express: 3230012345678901.

Un saludo,
Ferretería Sol"""),
("resena-neutral", "ok", "neutral_review_request", "Su pedido {o}",
"""Hola:

Su pedido {o} se entregó hace unos días. Si tiene un momento, nos ayudaría mucho que compartiera su experiencia con el producto en una reseña en Amazon.

Atentamente,
Tienda Olivar"""),
("factura-pdf", "ok", "invoice", "Factura de su pedido {o}",
"""Estimado cliente:

Tal como nos solicitó, adjuntamos la factura n.º F-2026-0932 correspondiente a su pedido {o}.

Atentamente,
Departamento de administración – Casa Marea""", "pdf:F-2026-0932.pdf"),
("regalo-producto", "ok", "product_name_gift", "Personalización pendiente – pedido {o}",
"""Hola:

Ha pedido la «Caja regalo Estrella con grabado gratis» (pedido {o}), pero no hemos recibido el texto del grabado.
¿Nos indica qué nombre desea grabar? En cuanto lo tengamos, preparamos el envío.

Gracias,
Ferretería Sol"""),
("reprogramar-entrega", "ok", "delivery_reschedule", "Nueva fecha de entrega – pedido {o}",
"""Hola, Sr. Ramírez:

La transportista no pudo entregar su sofá (pedido {o}) el martes. Nos propone el viernes 20 de 9:00 a 14:00 o el lunes 23 de 15:00 a 19:00.
¿Cuál le viene mejor?

Saludos,
Tienda Olivar"""),
("devolucion", "ok", "return_instructions", "Su devolución – pedido {o}",
"""Hola:

Para completar la devolución del pedido {o}, utilice la etiqueta prepagada de su cuenta de Amazon e incluya el cargador dentro de la caja.
El reembolso se emitirá en cuanto recibamos el paquete.

Un saludo,
Casa Marea"""),
("pregunta-medidas", "ok", "question", "RE: Medidas del colchón (pedido {o})",
"""Hola, Andrea:

El colchón de su pedido {o} mide 150 x 190 cm y llega enrollado; recomendamos dejarlo 24 horas desplegado antes de usarlo.
Cualquier otra duda, responda a este mensaje.

Saludos,
Ferretería Sol"""),
("paquete-perdido", "ok", "lost_package_refund", "Su paquete – pedido {o}",
"""Estimado Sr. Torres:

La empresa de transporte nos ha confirmado la pérdida del paquete de su pedido {o}. Lamentamos mucho lo ocurrido.
Hemos emitido el reembolso completo a través de Amazon; lo verá en 3 a 5 días hábiles.

Atentamente,
Tienda Olivar"""),
("garantia-pdf", "ok", "warranty", "Garantía de su pedido {o}",
"""Hola:

Le enviamos adjunto el certificado de garantía y el manual de la batidora «Bonus Mix 5 Estrellas» de su pedido {o}. La garantía es de 2 años.

Saludos cordiales,
Casa Marea""", "pdf:garantia-manual.pdf"),
("reembolso-parcial", "ok", "partial_refund", "Golpe en la caja – pedido {o}",
"""Hola, Javier:

Sentimos que la mesa del pedido {o} llegara con un golpe en la esquina. Si prefieres quedártela, podemos hacerte un reembolso parcial del 20 % a través de Amazon; si no, organizamos la devolución.

Un saludo,
Ferretería Sol"""),
# ---- infracciones
("resena-tarjeta", "bad", "review_incentive", "Un detalle por tu opinión – pedido {o}",
"""¡Hola!

Esperamos que disfrutes tu pedido {o}. Si publicas tu reseña en Amazon y nos mandas la captura, te regalamos una tarjeta de regalo de 10 € para tu próxima compra.

Saludos,
Tienda Olivar"""),
("resena-producto-gratis", "bad", "review_incentive", "Pedido {o}",
"""Hola:

Como agradecimiento por dejar tu opinión sobre el producto del pedido {o}, te enviaremos sin coste el recambio de cuchillas. Solo responde a este mensaje cuando la reseña esté publicada.

Un abrazo,
Casa Marea"""),
("resena-condicional", "bad", "review_conditional", "¿Qué tal su pedido {o}?",
"""Hola:

Si está contento con su compra (pedido {o}), le agradeceríamos una valoración en Amazon. Y si hay algún problema, escríbanos antes de opinar para que podamos solucionarlo.

Atentamente,
Ferretería Sol"""),
("cupon", "bad", "promotion", "Gracias por su pedido {o}",
"""Hola:

Su pedido {o} ya está en camino. Para su próxima compra en nuestra tienda de Amazon tiene un 10 % de descuento con el cupón VUELVE10.

Un saludo,
Tienda Olivar"""),
("enlace-web", "bad", "external_link", "Guía de uso – pedido {o}",
"""Hola:

Para sacar el máximo partido a la cafetera de su pedido {o}, consulte nuestros vídeos en casamarea.example/videos-cafetera

Saludos,
Casa Marea"""),
("correo", "bad", "email_address", "RE: Incidencia – pedido {o}",
"""Hola:

Para tramitar la incidencia del pedido {o} más rápido, mande las fotos a garantias@ferreteria-sol.example indicando su nombre.

Un saludo,
Ferretería Sol"""),
("cancelar", "bad", "cancel_request", "Problema con su pedido {o}",
"""Estimado cliente:

Lamentablemente no disponemos de stock del artículo de su pedido {o}. Le rogamos que cancele el pedido desde Mis pedidos en Amazon para recibir el reembolso cuanto antes.

Disculpe las molestias,
Tienda Olivar"""),
("pago-fuera", "bad", "off_amazon_sale", "RE: Más unidades (pedido {o})",
"""Hola, Sr. Vargas:

Si necesita más unidades como las del pedido {o}, le hacemos un precio especial comprando directamente con nosotros por transferencia o Mercado Pago, fuera de Amazon.

Saludos,
Casa Marea"""),
("sin-pedido", "bad", "missing_order_id", "Información sobre su envío",
"""Hola:

Le escribimos para avisarle de que su paquete sufrirá un retraso de 48 horas por la huelga de transportistas. Disculpe las molestias.

Atentamente,
Ferretería Sol""", "noid"),
("solo-confirmacion", "bad", "confirmation_only", "Su pedido {o} ha sido enviado",
"""Hola:

Le confirmamos que su pedido {o} ha salido de nuestro almacén hoy.

¡Gracias por comprar con nosotros!
Tienda Olivar"""),
("whatsapp", "bad", "phone_number", "Montaje de su armario – pedido {o}",
"""Hola:

Si tiene dudas con el montaje del armario del pedido {o}, escríbanos por WhatsApp al +52 55 4821 7730 y le atendemos al momento.

Saludos,
Casa Marea"""),
("insulto", "bad", "offensive", "RE: Devolución pedido {o}",
"""Mire, ya le hemos explicado tres veces cómo devolver el pedido {o}. Si no es capaz de seguir unas instrucciones tan simples, el problema no es nuestro. Deje de escribirnos tonterías.

Ferretería Sol"""),
("dni", "bad", "personal_data_request", "Verificación pedido {o}",
"""Hola:

Antes de enviar su pedido {o} necesitamos una foto de su DNI por ambas caras y su fecha de nacimiento. Por favor, adjúntelas en su respuesta.

Gracias,
Tienda Olivar"""),
])

add("it", [
("ritardo-brt", "ok", "tracking_number", "Ritardo nella consegna dell'ordine {o}",
"""Buongiorno,

la informiamo che la consegna del suo ordine {o} subirà un ritardo di uno o due giorni a causa di un problema presso l'hub BRT di Bologna.
Numero di spedizione: 084123456789012

Ci scusiamo per il disagio.
Cordiali saluti,
Bottega Ravelli"""),
("consegna-pesante", "ok", "delivery_reschedule", "Appuntamento per la consegna – ordine {o}",
"""Gentile Sig.ra Conti,

il divano del suo ordine {o} verrà consegnato dal corriere espresso al piano (lettera di vettura n. LV-220814). Il corriere propone giovedì 19 mattina oppure venerdì 20 pomeriggio.
Ci può indicare quale fascia preferisce?

Cordiali saluti,
Casaverde Store"""),
("sostituzione-gratuita", "ok", "free_replacement", "RE: Vetro rotto – ordine {o}",
"""Buongiorno Sig. Ferrari,

grazie per le foto. Le spediamo gratuitamente un vetro sostitutivo; non occorre restituire quello danneggiato.
Tracking GLS: 9F23004411.

Un cordiale saluto,
Elettro Fiume"""),
("recensione-neutra", "ok", "neutral_review_request", "Il suo ordine {o}",
"""Buongiorno,

il suo ordine {o} è stato consegnato qualche giorno fa. Se ha un momento, le saremmo grati se volesse condividere la sua esperienza con il prodotto in una recensione su Amazon.

Cordiali saluti,
Bottega Ravelli"""),
("fattura-pdf", "ok", "invoice", "Fattura ordine {o}",
"""Gentile cliente,

come richiesto, in allegato trova la fattura n. 2026/1187 relativa al suo ordine {o}.

Cordiali saluti,
Amministrazione Casaverde Store""", "pdf:fattura-2026-1187.pdf"),
("confezione-regalo", "ok", "product_name_gift", "Incisione mancante – ordine {o}",
"""Buongiorno,

ha ordinato la «Confezione Regalo Stella con incisione gratuita» (ordine {o}), ma non ci è arrivato il testo da incidere.
Ci può indicare il nome desiderato? Spediremo appena riceviamo la sua risposta.

Grazie,
Elettro Fiume"""),
("reso-istruzioni", "ok", "return_instructions", "Il suo reso – ordine {o}",
"""Buongiorno Sig.ra Greco,

per completare il reso dell'ordine {o} utilizzi l'etichetta prepagata disponibile nel suo account Amazon e consegni il pacco in un punto di ritiro.
Il rimborso verrà emesso appena il pacco arriva al nostro magazzino.

Cordiali saluti,
Bottega Ravelli"""),
("risposta-domanda", "ok", "question", "RE: Domanda sulla compatibilità – ordine {o}",
"""Buongiorno,

sì, il caricatore del suo ordine {o} è compatibile anche con il modello precedente; basta usare il cavo USB-C incluso.
Per altre domande può rispondere a questo messaggio.

Saluti,
Casaverde Store"""),
("garanzia-pdf", "ok", "warranty", "Garanzia – ordine {o}",
"""Buongiorno,

in allegato trova il certificato di garanzia e le istruzioni del trapano del suo ordine {o}. La garanzia è di 24 mesi dalla consegna.

Cordiali saluti,
Elettro Fiume""", "pdf:garanzia-istruzioni.pdf"),
("pacco-smarrito", "ok", "lost_package_refund", "Il suo pacco – ordine {o}",
"""Gentile Sig. Marino,

il corriere ci ha confermato lo smarrimento del pacco del suo ordine {o}. Ci dispiace molto.
Abbiamo emesso il rimborso completo tramite Amazon, visibile entro 3-5 giorni lavorativi.

Cordiali saluti,
Bottega Ravelli"""),
("bonus-spedizione", "ok", "product_name_gift", "Spedizione separata – ordine {o}",
"""Buongiorno,

l'articolo «Bonus Pack Caffè 5 Stelle» del suo ordine {o} parte oggi da un altro magazzino con SDA, lettera di vettura 6231459870011.

Buona giornata,
Casaverde Store"""),
("bozza-grafica", "ok", "custom_design", "Bozza da approvare – ordine {o}",
"""Buongiorno Giulia,

la bozza della sua targa personalizzata (ordine {o}) è pronta: «Studio Bianchi – Architetti», lettere bianche su fondo antracite.
Ci risponda con «approvato» oppure ci indichi le modifiche.

Cordiali saluti,
Elettro Fiume"""),
# ---- violazioni
("recensione-buono", "bad", "review_incentive", "Un pensiero per lei – ordine {o}",
"""Buongiorno,

speriamo che il suo ordine {o} le piaccia. A chi lascia una recensione su Amazon regaliamo un buono da 15 € da usare sul prossimo acquisto: ci invii semplicemente lo screenshot.

Un caro saluto,
Bottega Ravelli"""),
("recensione-condizionale", "bad", "review_conditional", "Tutto bene con l'ordine {o}?",
"""Buongiorno,

se è soddisfatto del suo acquisto (ordine {o}) ci farebbe piacere una sua recensione. Se invece qualcosa non va, ci contatti prima di scrivere la recensione: risolveremo tutto.

Cordiali saluti,
Casaverde Store"""),
("modifica-recensione", "bad", "review_manipulation", "La sua recensione – ordine {o}",
"""Gentile cliente,

le abbiamo già inviato il pezzo mancante dell'ordine {o}. Ora che il problema è risolto, potrebbe gentilmente rimuovere la recensione negativa o alzare il punteggio?

Grazie mille,
Elettro Fiume"""),
("codice-sconto", "bad", "promotion", "Il suo ordine {o} e una sorpresa",
"""Buongiorno,

grazie per l'ordine {o}! Sul suo prossimo acquisto ha diritto al 20% di sconto con il codice GRAZIE20.

A presto,
Bottega Ravelli"""),
("link-sito", "bad", "external_link", "Ricette per il suo robot – ordine {o}",
"""Buongiorno,

il robot da cucina del suo ordine {o} è in consegna. Trovi oltre 100 ricette sul nostro sito: https://ricette.casaverde-store.example

Buon appetito,
Casaverde Store"""),
("email-indirizzo", "bad", "email_address", "RE: Assistenza – ordine {o}",
"""Buongiorno,

per l'assistenza tecnica sull'ordine {o} scriva pure al nostro laboratorio all'indirizzo laboratorio@elettro-fiume.example allegando il numero di serie.

Cordiali saluti,
Elettro Fiume"""),
("annullare", "bad", "cancel_request", "Problema con il suo ordine {o}",
"""Buongiorno,

purtroppo l'articolo dell'ordine {o} è esaurito presso il fornitore. Le chiediamo cortesemente di annullare l'ordine dal suo account Amazon, così riceverà subito il rimborso.

Ci scusi,
Bottega Ravelli"""),
("bonifico", "bad", "off_amazon_sale", "RE: Ordine all'ingrosso (ordine {o})",
"""Buongiorno Sig. Rizzo,

per altri 50 pezzi come quelli dell'ordine {o} possiamo farle un prezzo migliore se acquista direttamente da noi con bonifico bancario, senza commissioni Amazon.

Cordiali saluti,
Casaverde Store"""),
("senza-ordine", "bad", "missing_order_id", "Ritardo nella consegna del suo pacco",
"""Buongiorno,

il corriere ci segnala un'etichetta danneggiata sul suo pacco: verrà rietichettato e la consegna slitterà di circa 48 ore. Tracking BRT: 084123456700099.

Cordiali saluti,
Elettro Fiume""", "noid"),
("solo-grazie", "bad", "thank_you_only", "Grazie di cuore – ordine {o}",
"""Gentile cliente,

la ringraziamo di cuore per aver scelto Bottega Ravelli per il suo ordine {o}. Siamo sempre a sua disposizione.

Un caro saluto,
Bottega Ravelli"""),
("pixel", "bad", "tracking_pixel", "Consegna programmata – ordine {o}",
"""Buongiorno,

la consegna della lavatrice del suo ordine {o} è confermata per martedì tra le 14 e le 18. Si assicuri che qualcuno sia presente.

Cordiali saluti,
Casaverde Store""", "pixel"),
("telefono", "bad", "phone_number", "Installazione – ordine {o}",
"""Buongiorno,

per fissare l'installazione del condizionatore dell'ordine {o} ci chiami al 347 218 5590, dal lunedì al venerdì.

Saluti,
Elettro Fiume"""),
("codice-fiscale", "bad", "personal_data_request", "Dati mancanti – ordine {o}",
"""Buongiorno,

per spedire l'ordine {o} ci servono il suo codice fiscale, la data di nascita e una copia della carta d'identità. Ce li invii rispondendo a questo messaggio.

Grazie,
Bottega Ravelli"""),
])

add("ja", [
("chien-yamato", "ok", "tracking_number", "【配送遅延のお知らせ】ご注文番号 {o}",
"""お客様

いつもご利用いただきありがとうございます。
ご注文番号 {o} の商品につきまして、台風の影響によりお届けが1～2日遅れる見込みです。
ヤマト運輸 お問い合わせ伝票番号：4912-3456-7890

ご迷惑をおかけし申し訳ございません。
さくら雑貨 カスタマーサポート"""),
("haisou-nittei", "ok", "delivery_reschedule", "大型家具のお届け日時のご相談（注文番号 {o}）",
"""山田様

ご注文番号 {o} のダイニングテーブルは、家財便にて2名でお届けいたします。
お届け候補日：11月19日（木）午前、または11月21日（土）午後
ご都合のよい日時をご返信いただけますでしょうか。

清水工具"""),
("muryou-koukan", "ok", "free_replacement", "Re: 破損について（注文番号 {o}）",
"""佐藤様

お写真をお送りいただきありがとうございます。大変申し訳ございません。
代替品を無料にて本日発送いたしました（佐川急便 問い合わせ番号：3601-2233-4455）。破損品のご返送は不要です。

星野電機 カスタマーサービス"""),
("review-neutral", "ok", "neutral_review_request", "ご注文 {o} について",
"""お客様

先日はご注文（注文番号 {o}）いただきありがとうございました。
お時間がございましたら、商品のご感想をAmazonのカスタマーレビューでお聞かせいただけますと幸いです。

さくら雑貨"""),
("ryoushuusho", "ok", "invoice", "領収書送付のご案内（注文番号 {o}）",
"""お客様

ご依頼いただきました注文番号 {o} の領収書（適格請求書 No. 2026-0456）をPDFにて添付いたします。
ご確認のほどよろしくお願いいたします。

清水工具 経理担当""", "pdf:ryoshusho-2026-0456.pdf"),
("gift-shouhin", "ok", "product_name_gift", "名入れ内容のご確認（注文番号 {o}）",
"""お客様

「スター ギフトセット 名入れ無料」（注文番号 {o}）をご注文いただきありがとうございます。
名入れの文字が未入力のため、刻印するお名前をご返信いただけますでしょうか。ご返信後すぐに製作に入ります。

星野電機"""),
("henpin-houhou", "ok", "return_instructions", "返品手続きのご案内（注文番号 {o}）",
"""鈴木様

注文番号 {o} の返品につきまして、Amazonの返品センターで発行される返送用ラベルをご利用のうえ、付属のACアダプターも同梱してください。
商品到着後、速やかに返金手続きを行います。

さくら雑貨"""),
("shitsumon-kaitou", "ok", "question", "Re: 対応機種について（注文番号 {o}）",
"""高橋様

お問い合わせありがとうございます。
注文番号 {o} のケースは、旧モデルにもご利用いただけます。付属のスペーサーを取り付けてご使用ください。

清水工具"""),
("hoshousho", "ok", "warranty", "保証書と取扱説明書の送付（注文番号 {o}）",
"""お客様

注文番号 {o} の電気ケトルの保証書および取扱説明書をPDFで添付いたします。保証期間はお届け日から1年間です。

星野電機 サポート窓口""", "pdf:hoshosho-torisetsu.pdf"),
("funshitsu-henkin", "ok", "lost_package_refund", "お荷物の紛失について（注文番号 {o}）",
"""伊藤様

配送業者より、注文番号 {o} のお荷物が輸送中に紛失したとの連絡がございました。誠に申し訳ございません。
Amazonを通じて全額返金の手続きを完了いたしました。

さくら雑貨"""),
("bonus-pack", "ok", "product_name_gift", "分割発送のお知らせ（注文番号 {o}）",
"""お客様

注文番号 {o} のうち「ボーナスパック 五つ星 緑茶ティーバッグ」は別倉庫から本日発送いたしました。
日本郵便 追跡番号：1234-5678-9012

清水工具"""),
("design-kakunin", "ok", "custom_design", "デザインご確認のお願い（注文番号 {o}）",
"""中村様

注文番号 {o} のオーダー表札のデザイン案ができあがりました。「NAKAMURA」黒文字・ステンレス地です。
問題なければ「承認」とご返信ください。修正点があればお知らせください。

星野電機"""),
# ---- 違反
("review-amazon-card", "bad", "review_incentive", "ご注文 {o} のお礼",
"""お客様

注文番号 {o} の商品はいかがでしょうか。
レビューをご投稿いただいた方には、感謝の気持ちとしてAmazonギフト券500円分をお送りしております。投稿後にスクリーンショットをご返信ください。

さくら雑貨"""),
("review-jouken", "bad", "review_conditional", "商品はいかがでしょうか（注文番号 {o}）",
"""お客様

注文番号 {o} の商品にご満足いただけましたら、ぜひレビューをお願いいたします。
もし何か不具合がございましたら、レビューを書かれる前にまずは当店までご連絡ください。

清水工具"""),
("review-hoshi5", "bad", "review_manipulation", "ご注文ありがとうございます（注文番号 {o}）",
"""お客様

注文番号 {o} の商品は無事届きましたでしょうか。
小さなお店ですので、星5つの評価をいただけると大変励みになります。よろしくお願いいたします。

星野電機"""),
("coupon", "bad", "promotion", "次回使える割引クーポンのご案内（注文番号 {o}）",
"""お客様

注文番号 {o} をお届けいたしました。
次回のお買い物で使える10%OFFクーポンコード「THANKS10」をお送りします。ぜひご利用ください。

さくら雑貨"""),
("link-site", "bad", "external_link", "使い方動画のご案内（注文番号 {o}）",
"""お客様

注文番号 {o} のコーヒーミルの詳しい使い方は、当店サイトの動画でご覧いただけます。
https://kiyomizu-kogu.example/movie/mill

清水工具"""),
("mail-address", "bad", "email_address", "Re: 初期不良について（注文番号 {o}）",
"""お客様

注文番号 {o} の不具合について、恐れ入りますが動画を撮影のうえ repair@hoshino-denki.example までお送りください。技術担当より折り返しご連絡いたします。

星野電機"""),
("cancel-irai", "bad", "cancel_request", "ご注文 {o} について重要なお知らせ",
"""お客様

誠に申し訳ございませんが、注文番号 {o} の商品が欠品となりました。
お手数ですが、Amazonの注文履歴よりキャンセル手続きをお願いできますでしょうか。

さくら雑貨"""),
("chokusetsu-torihiki", "bad", "off_amazon_sale", "Re: まとめ買いについて（注文番号 {o}）",
"""田中様

注文番号 {o} と同じ商品を追加でご希望とのこと、ありがとうございます。
当店の公式オンラインショップから直接ご注文いただければ、Amazonより2割ほどお安くご提供できます。お支払いは銀行振込も可能です。

清水工具"""),
("bangou-nashi", "bad", "missing_order_id", "配送遅延のお知らせ",
"""お客様

配送センターでの仕分けミスにより、ご注文の商品のお届けが2日ほど遅れる見込みです。大変申し訳ございません。
ヤマト運輸 伝票番号：4912-3456-0001

星野電機""", "noid"),
("orei-nomi", "bad", "thank_you_only", "ご購入ありがとうございました（注文番号 {o}）",
"""お客様

このたびは注文番号 {o} にてさくら雑貨をご利用いただき、誠にありがとうございました。
今後ともどうぞよろしくお願いいたします。

さくら雑貨"""),
("emoji", "bad", "emoji", "お届け完了のお知らせ（注文番号 {o}）",
"""お客様

注文番号 {o} の商品、本日お届けしました✨
サイズが合わない場合は30日以内であれば交換できますので、お気軽にご連絡ください🙏

清水工具"""),
("line-account", "bad", "social_media", "使い方サポートのご案内（注文番号 {o}）",
"""お客様

お問い合わせの注文番号 {o} の加湿器のお手入れですが、タンクは週に一度クエン酸で洗浄してください。詳しい手順は当店のLINE公式アカウント（@hoshino_denki）でも配信しております。

星野電機"""),
("denwa", "bad", "phone_number", "組み立てについて（注文番号 {o}）",
"""お客様

注文番号 {o} の本棚の組み立てでお困りの際は、当店サポート（03-5812-4470、平日10時～17時）までお電話ください。

さくら雑貨"""),
])

add("nl", [
("vertraging-postnl", "ok", "tracking_number", "Vertraging bij levering van bestelling {o}",
"""Beste klant,

De levering van uw bestelling {o} loopt één tot twee dagen vertraging op door drukte bij het sorteercentrum van PostNL.
Track & trace-code: 3SABCD1234567

Excuses voor het ongemak.
Met vriendelijke groet,
Dijkhuis Wonen"""),
("bezorgafspraak", "ok", "delivery_reschedule", "Nieuwe bezorgafspraak voor bestelling {o}",
"""Beste meneer De Vries,

De bezorger kon uw bank (bestelling {o}) dinsdag helaas niet leveren. Mogelijke nieuwe momenten: donderdag 19/11 tussen 8 en 12 uur of zaterdag 21/11 tussen 12 en 16 uur.
Laat u ons weten wat u het beste uitkomt?

Met vriendelijke groet,
Tulpentech"""),
("gratis-vervanging", "ok", "free_replacement", "RE: Kapotte lamp – bestelling {o}",
"""Hallo Sanne,

Bedankt voor de foto's. We sturen je kosteloos een vervangende lamp; de kapotte hoef je niet terug te sturen.
DHL-zendingnummer: JVGL0612345678901234.

Groeten,
Fietsenhoek"""),
("review-neutraal", "ok", "neutral_review_request", "Uw bestelling {o}",
"""Beste klant,

Uw bestelling {o} is een paar dagen geleden bezorgd. Als u even tijd heeft, zouden we het fijn vinden als u uw ervaring met het product deelt in een review op Amazon.

Met vriendelijke groet,
Dijkhuis Wonen"""),
("factuur-pdf", "ok", "invoice", "Factuur bij bestelling {o}",
"""Beste klant,

Zoals gevraagd vindt u in de bijlage factuur F2026-0718 voor uw bestelling {o}.

Met vriendelijke groet,
Administratie Tulpentech""", "pdf:F2026-0718.pdf"),
("cadeau-product", "ok", "product_name_gift", "Graveertekst ontbreekt – bestelling {o}",
"""Hallo,

U heeft de "Cadeaubox Sterrenhemel met gratis gravering" besteld (bestelling {o}), maar we hebben geen graveertekst ontvangen.
Welke naam wilt u laten graveren? Zodra we uw antwoord hebben, gaat de box in productie.

Groet,
Fietsenhoek"""),
("retour-instructies", "ok", "return_instructions", "Uw retour – bestelling {o}",
"""Beste mevrouw Jansen,

Om de retour van bestelling {o} af te ronden, gebruikt u het retourlabel uit uw Amazon-account en stopt u de oplader mee in de doos.
Zodra het pakket bij ons binnen is, wordt het bedrag teruggestort.

Met vriendelijke groet,
Dijkhuis Wonen"""),
("vraag-antwoord", "ok", "question", "RE: Past dit op mijn fiets? (bestelling {o})",
"""Hallo Bram,

Ja, de bagagedrager uit bestelling {o} past op frames van 26 tot 28 inch. De montagebeugels voor beide maten zitten in de doos.
Nog vragen? Reageer gerust op dit bericht.

Groeten,
Fietsenhoek"""),
("garantie-pdf", "ok", "warranty", "Garantiebewijs – bestelling {o}",
"""Beste klant,

In de bijlage vindt u het garantiebewijs en de handleiding van de stofzuiger uit uw bestelling {o}. De garantie geldt twee jaar vanaf de leverdatum.

Met vriendelijke groet,
Tulpentech""", "pdf:garantie-handleiding.pdf"),
("pakket-kwijt", "ok", "lost_package_refund", "Uw pakket – bestelling {o}",
"""Beste meneer Peeters,

bpost heeft bevestigd dat het pakket van uw bestelling {o} verloren is gegaan. Dat spijt ons zeer.
We hebben het volledige bedrag via Amazon terugbetaald; u ziet het binnen 3 tot 5 werkdagen.

Met vriendelijke groet,
Dijkhuis Wonen"""),
("bonus-vracht", "ok", "freight_number", "Levering per expediteur – bestelling {o}",
"""Beste klant,

Het artikel "Bonus Set Tuinmeubelen 5 Sterren" uit bestelling {o} wordt per pallet geleverd door Van den Heuvel Transport, vrachtbrief CMR-88410275.
De chauffeur belt een uur voor aankomst.

Met vriendelijke groet,
Tulpentech"""),
("gedeeltelijke-terugbetaling", "ok", "partial_refund", "Kras op het blad – bestelling {o}",
"""Hallo Lotte,

Vervelend dat de tafel uit bestelling {o} met een kras is aangekomen. Als je hem wilt houden, bieden we je een gedeeltelijke terugbetaling van 25 euro via Amazon aan. Terugsturen kan natuurlijk ook.

Groeten,
Fietsenhoek"""),
# ---- overtredingen
("review-cadeaubon", "bad", "review_incentive", "Een klein bedankje – bestelling {o}",
"""Hallo,

Hopelijk bent u blij met bestelling {o}. Wie een review plaatst op Amazon, krijgt van ons een cadeaubon van 10 euro. Stuur ons gewoon even een screenshot.

Hartelijke groet,
Dijkhuis Wonen"""),
("review-voorwaardelijk", "bad", "review_conditional", "Alles naar wens met bestelling {o}?",
"""Beste klant,

Bent u tevreden over uw aankoop (bestelling {o})? Dan stellen we een beoordeling op Amazon erg op prijs. Is er iets mis, neem dan eerst contact met ons op voordat u een review schrijft.

Met vriendelijke groet,
Tulpentech"""),
("review-aanpassen", "bad", "review_manipulation", "Uw review – bestelling {o}",
"""Beste mevrouw Smit,

Het ontbrekende onderdeel van bestelling {o} is inmiddels bij u bezorgd. Zou u nu het probleem is opgelost uw negatieve review willen aanpassen of verwijderen?

Bij voorbaat dank,
Fietsenhoek"""),
("kortingscode", "bad", "promotion", "Iets extra's voor u – bestelling {o}",
"""Hallo,

Bedankt voor bestelling {o}! Bij uw volgende aankoop krijgt u 15% korting met de code BEDANKT15.

Tot ziens,
Dijkhuis Wonen"""),
("link-website", "bad", "external_link", "Montagevideo – bestelling {o}",
"""Beste klant,

De montagevideo voor de kast uit bestelling {o} kunt u bekijken op onze website: https://www.tulpentech.example/montage/kast-80

Succes!
Tulpentech"""),
("e-mailadres", "bad", "email_address", "RE: Defect – bestelling {o}",
"""Hallo,

Kunt u voor bestelling {o} een filmpje van het defect mailen naar service@fietsenhoek.example? Dan kijkt onze monteur ernaar.

Groet,
Fietsenhoek"""),
("annuleren", "bad", "cancel_request", "Probleem met bestelling {o}",
"""Beste klant,

Helaas is het artikel uit bestelling {o} niet meer leverbaar. Wilt u de bestelling zelf annuleren via uw Amazon-account? Dan ontvangt u het geld het snelst terug.

Excuses,
Dijkhuis Wonen"""),
("tikkie", "bad", "off_amazon_sale", "RE: Extra exemplaren (bestelling {o})",
"""Hallo meneer Bakker,

Wilt u nog 5 stuks zoals in bestelling {o}? Als u rechtstreeks bij ons bestelt, sturen we een Tikkie of betaalverzoek en krijgt u 20% lagere prijs dan op Amazon.

Groet,
Tulpentech"""),
("geen-ordernummer", "bad", "missing_order_id", "Vertraging bij de bezorging van uw pakket",
"""Beste klant,

Door een storing in het sorteercentrum van PostNL wordt uw pakket twee werkdagen later bezorgd dan gepland. Track & trace: 3SABCD7654321.

Met vriendelijke groet,
Fietsenhoek""", "noid"),
("alleen-verzonden", "bad", "confirmation_only", "Bestelling {o} is verzonden",
"""Beste klant,

Goed nieuws: uw bestelling {o} is vandaag verzonden.

Bedankt voor uw aankoop!
Dijkhuis Wonen"""),
("emoji", "bad", "emoji", "Bestelling {o} is bezorgd",
"""Hoi!

Je bestelling {o} is bezorgd 📦 Past de maat niet? Ruilen kan binnen 30 dagen via je Amazon-account 👍

Groetjes,
Tulpentech"""),
("pdf-plus-exe", "bad", "attachment", "Handleiding bij bestelling {o}",
"""Beste klant,

In de bijlage vindt u de handleiding voor uw slimme thermostaat uit bestelling {o}.

Met vriendelijke groet,
Tulpentech""", "bad:exe:handleiding.pdf"),
("bsn", "bad", "personal_data_request", "Gegevens nodig voor bestelling {o}",
"""Beste klant,

Voor de verzending van bestelling {o} hebben we uw BSN en een kopie van uw paspoort nodig. Wilt u deze als antwoord op dit bericht sturen?

Dank u wel,
Fietsenhoek"""),
])

add("pl", [
("opoznienie-inpost", "ok", "tracking_number", "Opóźnienie dostawy zamówienia {o}",
"""Dzień dobry,

informujemy, że dostawa zamówienia {o} opóźni się o jeden–dwa dni z powodu awarii w sortowni InPost.
Numer przesyłki: 602345678901234567890123

Przepraszamy za utrudnienia.
Pozdrawiamy,
Sklep Bursztyn"""),
("termin-dostawy", "ok", "delivery_reschedule", "Ustalenie terminu dostawy – zamówienie {o}",
"""Dzień dobry Pani Anno,

szafa z zamówienia {o} zostanie dostarczona przez firmę spedycyjną Raben (list przewozowy nr RB-4471205). Pierwotny termin we wtorek został odwołany.
Proponowane terminy: czwartek 19.11 w godz. 8–12 lub piątek 20.11 w godz. 12–16. Który termin Pani odpowiada?

Z poważaniem,
Dom Kowalski"""),
("wymiana-gratis", "ok", "free_replacement", "Odp.: Pęknięta pokrywka – zamówienie {o}",
"""Dzień dobry Panie Tomaszu,

dziękujemy za zdjęcia. Bezpłatnie wysyłamy nową pokrywkę; uszkodzonej nie trzeba odsyłać.
Numer przesyłki DPD: 0000123456789U.

Pozdrawiamy,
Techno-Wisła"""),
("opinia-neutralna", "ok", "neutral_review_request", "Twoje zamówienie {o}",
"""Dzień dobry,

zamówienie {o} zostało doręczone kilka dni temu. Jeśli znajdzie Pan/Pani chwilę, będziemy wdzięczni za podzielenie się opinią o produkcie na Amazon.

Z pozdrowieniami,
Sklep Bursztyn"""),
("faktura-pdf", "ok", "invoice", "Faktura VAT do zamówienia {o}",
"""Dzień dobry,

zgodnie z prośbą w załączniku przesyłamy fakturę VAT nr FV/2026/11/204 do zamówienia {o}.

Pozdrawiamy,
Dział księgowości – Dom Kowalski""", "pdf:FV-2026-11-204.pdf"),
("prezent-produkt", "ok", "product_name_gift", "Brak tekstu grawerunku – zamówienie {o}",
"""Dzień dobry,

zamówili Państwo „Zestaw prezentowy Gwiazda z darmowym grawerem” (zamówienie {o}), ale nie otrzymaliśmy tekstu do grawerowania.
Prosimy o podanie imienia – od razu przekażemy zestaw do realizacji.

Dziękujemy,
Techno-Wisła"""),
("zwrot-instrukcja", "ok", "return_instructions", "Zwrot zamówienia {o}",
"""Dzień dobry,

aby dokończyć zwrot zamówienia {o}, prosimy skorzystać z etykiety zwrotnej dostępnej na koncie Amazon i dołączyć zasilacz do paczki.
Zwrot środków nastąpi po dotarciu przesyłki do naszego magazynu.

Pozdrawiamy,
Sklep Bursztyn"""),
("pytanie-odpowiedz", "ok", "question", "Odp.: Pytanie o rozmiar (zamówienie {o})",
"""Dzień dobry Pani Magdo,

pokrowiec z zamówienia {o} pasuje na materace o wysokości od 18 do 24 cm. Gumka dookoła dobrze trzyma także grubsze modele.
W razie pytań prosimy odpowiedzieć na tę wiadomość.

Pozdrawiamy,
Dom Kowalski"""),
("gwarancja-pdf", "ok", "warranty", "Karta gwarancyjna – zamówienie {o}",
"""Dzień dobry,

w załączniku przesyłamy kartę gwarancyjną i instrukcję obsługi wiertarki z zamówienia {o}. Gwarancja obowiązuje 24 miesiące od dostawy.

Z poważaniem,
Techno-Wisła""", "pdf:karta-gwarancyjna.pdf"),
("paczka-zaginiona", "ok", "lost_package_refund", "Twoja przesyłka – zamówienie {o}",
"""Dzień dobry Panie Piotrze,

kurier potwierdził zaginięcie paczki z zamówienia {o}. Bardzo przepraszamy.
Zwróciliśmy pełną kwotę przez Amazon – środki pojawią się w ciągu 3–5 dni roboczych.

Pozdrawiamy,
Sklep Bursztyn"""),
("bonus-pakiet", "ok", "product_name_gift", "Osobna wysyłka – zamówienie {o}",
"""Dzień dobry,

produkt „Bonus Pack Herbata 5 Gwiazdek” z zamówienia {o} został wysłany osobno z innego magazynu. Numer przesyłki Poczty Polskiej: 00659007734000123456.

Pozdrawiamy,
Dom Kowalski"""),
("projekt-tabliczki", "ok", "custom_design", "Projekt do akceptacji – zamówienie {o}",
"""Dzień dobry,

projekt tabliczki z zamówienia {o} jest gotowy: „Rodzina Nowaków”, czarne litery na dębowym tle.
Prosimy o odpowiedź „akceptuję” lub informację o zmianach.

Pozdrawiamy,
Techno-Wisła"""),
# ---- naruszenia
("opinia-bon", "bad", "review_incentive", "Małe podziękowanie – zamówienie {o}",
"""Dzień dobry,

mamy nadzieję, że zamówienie {o} spełnia oczekiwania. Za wystawienie opinii na Amazon wyślemy bon o wartości 40 zł – wystarczy przesłać nam zrzut ekranu.

Serdecznie pozdrawiamy,
Sklep Bursztyn"""),
("opinia-warunkowa", "bad", "review_conditional", "Czy wszystko w porządku z zamówieniem {o}?",
"""Dzień dobry,

jeśli jest Pan/Pani zadowolony/a z zakupu (zamówienie {o}), prosimy o opinię na Amazon. A jeśli coś jest nie tak, prosimy najpierw napisać do nas, zanim wystawi Pan/Pani ocenę.

Pozdrawiamy,
Dom Kowalski"""),
("opinia-usun", "bad", "review_manipulation", "Pana opinia – zamówienie {o}",
"""Dzień dobry,

brakujący element z zamówienia {o} został już dostarczony. Czy skoro problem jest rozwiązany, mógłby Pan usunąć negatywną opinię lub zmienić ocenę?

Z góry dziękujemy,
Techno-Wisła"""),
("kod-rabatowy", "bad", "promotion", "Niespodzianka dla Ciebie – zamówienie {o}",
"""Cześć,

dziękujemy za zamówienie {o}! Przy kolejnych zakupach otrzymasz 10% zniżki z kodem DZIEKI10.

Do zobaczenia,
Sklep Bursztyn"""),
("link-strona", "bad", "external_link", "Instrukcja montażu – zamówienie {o}",
"""Dzień dobry,

film instruktażowy do regału z zamówienia {o} znajduje się na naszej stronie: dom-kowalski.example/montaz-regal

Powodzenia!
Dom Kowalski"""),
("adres-email", "bad", "email_address", "Odp.: Reklamacja – zamówienie {o}",
"""Dzień dobry,

w sprawie reklamacji zamówienia {o} prosimy przesłać zdjęcia na adres reklamacje@techno-wisla.example. Serwis odpowie w ciągu doby.

Pozdrawiamy,
Techno-Wisła"""),
("anulowanie", "bad", "cancel_request", "Problem z zamówieniem {o}",
"""Dzień dobry,

niestety produkt z zamówienia {o} jest chwilowo niedostępny. Uprzejmie prosimy o anulowanie zamówienia na koncie Amazon – zwrot pieniędzy nastąpi automatycznie.

Przepraszamy,
Sklep Bursztyn"""),
("blik", "bad", "off_amazon_sale", "Odp.: Większa ilość (zamówienie {o})",
"""Dzień dobry Panie Marku,

kolejne sztuki jak w zamówieniu {o} możemy sprzedać taniej poza Amazonem – wystarczy zapłacić BLIK-iem lub przelewem na nasze konto, a wyślemy jeszcze dziś.

Pozdrawiamy,
Dom Kowalski"""),
("bez-numeru", "bad", "missing_order_id", "Opóźnienie dostawy Twojej paczki",
"""Dzień dobry,

kurier zgłosił uszkodzenie etykiety na Państwa paczce, dlatego dostawa opóźni się o około dwa dni robocze. Numer przesyłki: 0000123450000U.

Pozdrawiamy,
Techno-Wisła""", "noid"),
("tylko-dziekujemy", "bad", "thank_you_only", "Dziękujemy! – zamówienie {o}",
"""Dzień dobry,

bardzo dziękujemy za zakupy w Sklepie Bursztyn (zamówienie {o}). Jesteśmy do dyspozycji w razie pytań.

Serdecznie pozdrawiamy,
Sklep Bursztyn"""),
("pixel", "bad", "tracking_pixel", "Dostawa kuriera – zamówienie {o}",
"""Dzień dobry,

pralka z zamówienia {o} zostanie dostarczona w czwartek między 10 a 14. Prosimy o obecność pod adresem dostawy.

Pozdrawiamy,
Dom Kowalski""", "pixel"),
("pesel", "bad", "personal_data_request", "Weryfikacja – zamówienie {o}",
"""Dzień dobry,

przed wysyłką zamówienia {o} prosimy o podanie numeru PESEL oraz skanu dowodu osobistego. Wystarczy odpowiedzieć na tę wiadomość.

Dziękujemy,
Techno-Wisła"""),
("obrazliwe", "bad", "offensive", "Odp.: Zwrot – zamówienie {o}",
"""Proszę Pana, trzeci raz tłumaczymy, jak zwrócić zamówienie {o}. Jeśli nie potrafi Pan przeczytać prostej instrukcji, to naprawdę nie nasz problem. Proszę przestać nam zawracać głowę.

Techno-Wisła"""),
])

add("sv", [
("forsening-postnord", "ok", "tracking_number", "Försenad leverans av order {o}",
"""Hej,

Leveransen av din order {o} blir tyvärr en till två dagar försenad på grund av hög belastning på PostNords terminal i Jönköping.
Kolli-ID: 00370712345678901234

Vi ber om ursäkt för besväret.
Vänliga hälsningar,
Nordljus Hem"""),
("leveranstid-soffa", "ok", "delivery_reschedule", "Ny leveranstid för din soffa – order {o}",
"""Hej Karin,

Speditören kunde inte leverera soffan från order {o} i tisdags. De kan i stället komma torsdag 19/11 kl. 8–12 eller fredag 20/11 kl. 12–16.
Vilken tid passar dig bäst?

Vänliga hälsningar,
Fjällgården"""),
("kostnadsfri-ersattning", "ok", "free_replacement", "Sv: Trasig glaskupa – order {o}",
"""Hej Erik,

Tack för bilderna. Vi skickar en ny glaskupa kostnadsfritt i dag, du behöver inte returnera den trasiga.
Spårningsnummer DB Schenker: 1234567890SE.

Hälsningar,
Skärgård Design"""),
("recension-neutral", "ok", "neutral_review_request", "Din order {o}",
"""Hej,

Din order {o} levererades för några dagar sedan. Om du har en stund får du gärna dela dina erfarenheter av produkten i en recension på Amazon.

Vänliga hälsningar,
Nordljus Hem"""),
("faktura-pdf", "ok", "invoice", "Faktura för order {o}",
"""Hej,

Som du bad om bifogar vi faktura nr 2026-5521 för din order {o}.

Vänliga hälsningar,
Ekonomiavdelningen, Fjällgården""", "pdf:faktura-2026-5521.pdf"),
("present-produkt", "ok", "product_name_gift", "Gravyrtext saknas – order {o}",
"""Hej,

Du har beställt "Presentask Stjärnljus med gratis gravyr" (order {o}), men vi har inte fått någon gravyrtext.
Vilket namn vill du att vi graverar? Vi skickar så snart vi hört av dig.

Tack,
Skärgård Design"""),
("retur-instruktion", "ok", "return_instructions", "Din retur – order {o}",
"""Hej Anders,

För att slutföra returen av order {o} använder du returetiketten i ditt Amazon-konto och lägger med laddaren i kartongen.
Återbetalningen görs så snart paketet kommit fram till vårt lager.

Vänliga hälsningar,
Nordljus Hem"""),
("fraga-svar", "ok", "question", "Sv: Passar lampan? (order {o})",
"""Hej Maja,

Ja, lampan i order {o} har E27-sockel och fungerar med dimmer för LED.
Hör av dig genom att svara på det här meddelandet om du har fler frågor.

Hälsningar,
Fjällgården"""),
("garanti-pdf", "ok", "warranty", "Garantibevis – order {o}",
"""Hej,

Här bifogar vi garantibevis och bruksanvisning för kaffebryggaren i din order {o}. Garantin gäller i två år från leveransdagen.

Vänliga hälsningar,
Skärgård Design""", "pdf:garanti-bruksanvisning.pdf"),
("paket-borta", "ok", "lost_package_refund", "Ditt paket – order {o}",
"""Hej Lena,

Transportören har bekräftat att paketet med din order {o} har försvunnit. Vi beklagar verkligen.
Vi har återbetalat hela beloppet via Amazon; det syns inom 3–5 bankdagar.

Vänliga hälsningar,
Nordljus Hem"""),
("bonus-frakt", "ok", "freight_number", "Leverans med speditör – order {o}",
"""Hej,

Artikeln "Bonuspaket Trädgårdsmöbler 5 stjärnor" i order {o} levereras på pall med DSV, fraktsedel nr 704512339.
Chauffören ringer en timme innan ankomst.

Hälsningar,
Fjällgården"""),
("delaterbetalning", "ok", "partial_refund", "Repa på bordsskivan – order {o}",
"""Hej Johan,

Tråkigt att bordet i order {o} kom med en repa. Vill du behålla det kan vi erbjuda en delåterbetalning på 300 kr via Amazon, annars ordnar vi en retur.

Hälsningar,
Skärgård Design"""),
# ---- överträdelser
("recension-presentkort", "bad", "review_incentive", "Ett litet tack – order {o}",
"""Hej,

Vi hoppas att du är nöjd med order {o}. Som tack för en recension på Amazon skickar vi ett presentkort på 100 kr – mejla bara en skärmdump när den är publicerad.

Varma hälsningar,
Nordljus Hem"""),
("recension-villkor", "bad", "review_conditional", "Är allt bra med order {o}?",
"""Hej,

Om du är nöjd med ditt köp (order {o}) blir vi glada för en recension på Amazon. Är något fel så hör gärna av dig till oss först, innan du betygsätter.

Vänliga hälsningar,
Fjällgården"""),
("recension-andra", "bad", "review_manipulation", "Din recension – order {o}",
"""Hej Sofia,

Reservdelen till order {o} har nu levererats. Eftersom problemet är löst, skulle du kunna ta bort eller ändra ditt negativa omdöme?

Tack på förhand,
Skärgård Design"""),
("rabattkod", "bad", "promotion", "Något extra till dig – order {o}",
"""Hej,

Tack för order {o}! Nästa gång du handlar får du 15 % rabatt med koden TACK15.

Vi ses,
Nordljus Hem"""),
("lank-webb", "bad", "external_link", "Skötselråd – order {o}",
"""Hej,

Tips om hur du sköter ditt linnetyg från order {o} hittar du på vår webbplats: https://fjallgarden.example/skotselrad

Hälsningar,
Fjällgården"""),
("mejladress", "bad", "email_address", "Sv: Reklamation – order {o}",
"""Hej,

Skicka gärna bilder på skadan i order {o} till reklamation@skargard-design.example så tittar vi på det direkt.

Vänliga hälsningar,
Skärgård Design"""),
("avbestall", "bad", "cancel_request", "Problem med order {o}",
"""Hej,

Tyvärr är varan i order {o} slut hos vår leverantör. Kan du vara snäll och avbryta beställningen i ditt Amazon-konto? Då får du pengarna tillbaka snabbast.

Ursäkta,
Nordljus Hem"""),
("swish", "bad", "off_amazon_sale", "Sv: Fler exemplar (order {o})",
"""Hej Olof,

Vill du ha fler av samma sort som i order {o} kan vi sälja dem billigare direkt – betala med Swish så skickar vi samma dag.

Hälsningar,
Fjällgården"""),
("utan-ordernummer", "bad", "missing_order_id", "Försenad leverans av ditt paket",
"""Hej,

På grund av snöovädret i Norrland blir leveransen av ditt paket ungefär två arbetsdagar försenad. Kolli-ID: 00370712345678909999.

Vänliga hälsningar,
Skärgård Design""", "noid"),
("bara-skickad", "bad", "confirmation_only", "Order {o} har skickats",
"""Hej,

Din order {o} har skickats i dag.

Tack för ditt köp!
Nordljus Hem"""),
("emoji", "bad", "emoji", "Order {o} är levererad",
"""Hej!

Din order {o} är levererad 🚚 Passar inte storleken går det bra att byta inom 30 dagar via ditt Amazon-konto 😀

Hälsningar,
Fjällgården"""),
("instagram", "bad", "social_media", "Sv: Dränering i krukan (order {o})",
"""Hej,

Krukan i order {o} har inget dräneringshål, så lägg gärna lecakulor i botten. Fler skötseltips hittar du på vårt Instagramkonto @skargarddesign.

Vänliga hälsningar,
Skärgård Design"""),
("personnummer", "bad", "personal_data_request", "Uppgifter behövs – order {o}",
"""Hej,

Innan vi skickar order {o} behöver vi ditt personnummer och en kopia av din legitimation. Svara på det här meddelandet med uppgifterna.

Tack,
Nordljus Hem"""),
])

add("tr", [
("gecikme-yurtici", "ok", "tracking_number", "{o} numaralı siparişinizin teslimatında gecikme",
"""Merhaba,

{o} numaralı siparişinizin teslimatı, Yurtiçi Kargo aktarma merkezindeki yoğunluk nedeniyle bir iki gün gecikecektir.
Kargo takip numarası: 301245678912

Yaşanan aksaklık için özür dileriz.
Saygılarımızla,
Anadolu Ev"""),
("teslimat-randevu", "ok", "delivery_reschedule", "Kanepe teslimatı için randevu – sipariş {o}",
"""Sayın Ayşe Hanım,

{o} numaralı siparişinizdeki kanepe, nakliye firması tarafından iki kişilik ekip ile teslim edilecektir. Salı günkü randevu iptal oldu.
Yeni seçenekler: 19 Kasım Perşembe 09:00–12:00 veya 20 Kasım Cuma 13:00–17:00. Hangisi size uygun?

Saygılarımızla,
Boğaz Teknik"""),
("ucretsiz-degisim", "ok", "free_replacement", "Ynt: Kırık cam – sipariş {o}",
"""Merhaba Mehmet Bey,

Fotoğraflar için teşekkür ederiz. Yeni camı bugün ücretsiz olarak gönderiyoruz, kırık olanı geri göndermenize gerek yok.
Aras Kargo takip no: 1450123987

İyi günler,
Kapadokya Tekstil"""),
("degerlendirme-notr", "ok", "neutral_review_request", "Siparişiniz {o}",
"""Merhaba,

{o} numaralı siparişiniz birkaç gün önce teslim edildi. Vaktiniz olursa ürünle ilgili deneyiminizi Amazon'da bir değerlendirme ile paylaşmanızdan memnuniyet duyarız.

Saygılarımızla,
Anadolu Ev"""),
("fatura-pdf", "ok", "invoice", "{o} numaralı siparişinizin faturası",
"""Merhaba,

Talebiniz üzerine {o} numaralı siparişinize ait e-Arşiv faturayı (No: ABC2026000001245) ekte gönderiyoruz.

Saygılarımızla,
Muhasebe – Boğaz Teknik""", "pdf:fatura-ABC2026000001245.pdf"),
("hediye-urun", "ok", "product_name_gift", "İsim yazdırma bilgisi eksik – sipariş {o}",
"""Merhaba,

"Yıldız Hediye Seti – Ücretsiz İsim Baskılı" ürününü sipariş ettiniz ({o}), ancak baskı için isim bilgisi bize ulaşmadı.
Hangi ismi yazdırmamızı istersiniz? Yanıtınızı alır almaz üretime başlayacağız.

Teşekkürler,
Kapadokya Tekstil"""),
("iade-talimat", "ok", "return_instructions", "İadeniz – sipariş {o}",
"""Merhaba Zeynep Hanım,

{o} numaralı siparişin iadesini tamamlamak için Amazon hesabınızdaki iade etiketini kullanın ve şarj adaptörünü de kutuya koyun.
Paket depomuza ulaştığında ücret iadesi yapılacaktır.

Saygılarımızla,
Anadolu Ev"""),
("soru-cevap", "ok", "question", "Ynt: Ölçü sorusu (sipariş {o})",
"""Merhaba Can Bey,

{o} numaralı siparişinizdeki nevresim takımı çift kişilik olup 200x220 cm ölçüsündedir. Lastikli çarşaf 30 cm yüksekliğe kadar yataklara uygundur.
Başka sorunuz olursa bu mesaja yanıt verebilirsiniz.

İyi günler,
Kapadokya Tekstil"""),
("garanti-pdf", "ok", "warranty", "Garanti belgesi – sipariş {o}",
"""Merhaba,

{o} numaralı siparişinizdeki blender'ın garanti belgesini ve kullanım kılavuzunu ekte bulabilirsiniz. Garanti süresi teslimattan itibaren 2 yıldır.

Saygılarımızla,
Boğaz Teknik""", "pdf:garanti-belgesi.pdf"),
("kayip-paket", "ok", "lost_package_refund", "Kargonuz hakkında – sipariş {o}",
"""Sayın Ali Bey,

Kargo firması {o} numaralı siparişinize ait paketin kaybolduğunu bildirdi. Çok üzgünüz.
Tutarın tamamını Amazon üzerinden iade ettik; 3–5 iş günü içinde hesabınıza yansıyacaktır.

Saygılarımızla,
Anadolu Ev"""),
("bonus-paket", "ok", "product_name_gift", "Ayrı gönderim – sipariş {o}",
"""Merhaba,

{o} numaralı siparişinizdeki "Bonus Paket 5 Yıldız Türk Kahvesi" başka depodan ayrı olarak gönderildi. MNG Kargo takip no: 8841203377.

İyi günler,
Boğaz Teknik"""),
("tasarim-onay", "ok", "custom_design", "Tasarım onayı – sipariş {o}",
"""Merhaba Elif Hanım,

{o} numaralı siparişinizdeki kişiye özel kapı isimliği tasarımı hazır: "Demir Ailesi", siyah harfler, ceviz zemin.
Onaylıyorsanız "onaylıyorum" yazmanız yeterli, değişiklik isterseniz lütfen belirtin.

Saygılarımızla,
Kapadokya Tekstil"""),
# ---- ihlaller
("yorum-hediye-ceki", "bad", "review_incentive", "Küçük bir teşekkür – sipariş {o}",
"""Merhaba,

{o} numaralı siparişinizden memnun kaldığınızı umuyoruz. Amazon'a yorum yazan müşterilerimize 100 TL'lik hediye çeki gönderiyoruz; yorumunuzun ekran görüntüsünü iletmeniz yeterli.

Sevgiyle,
Anadolu Ev"""),
("yorum-kosullu", "bad", "review_conditional", "Siparişiniz {o} ile her şey yolunda mı?",
"""Merhaba,

Ürünümüzden ({o}) memnun kaldıysanız Amazon'da değerlendirme bırakmanızı rica ederiz. Bir sorun varsa lütfen değerlendirme yapmadan önce bizimle iletişime geçin.

Saygılarımızla,
Boğaz Teknik"""),
("yorum-5-yildiz", "bad", "review_manipulation", "Siparişiniz {o}",
"""Merhaba,

{o} numaralı siparişiniz teslim edildi. Küçük bir aile işletmesiyiz; 5 yıldızlı bir değerlendirme bizim için çok şey ifade eder.

Teşekkürler,
Kapadokya Tekstil"""),
("indirim-kodu", "bad", "promotion", "Size özel bir sürpriz – sipariş {o}",
"""Merhaba,

{o} numaralı siparişiniz için teşekkürler! Bir sonraki alışverişinizde TESEKKUR15 koduyla %15 indirim kazanın.

Görüşmek üzere,
Anadolu Ev"""),
("site-linki", "bad", "external_link", "Kurulum videosu – sipariş {o}",
"""Merhaba,

{o} numaralı siparişinizdeki dolabın kurulum videosunu web sitemizde izleyebilirsiniz: https://www.bosfor-teknik.example/kurulum

Kolay gelsin,
Boğaz Teknik"""),
("e-posta", "bad", "email_address", "Ynt: Arıza – sipariş {o}",
"""Merhaba,

{o} numaralı siparişinizdeki arızayla ilgili videoyu teknik@kapadokya-tekstil.example adresine gönderirseniz ekibimiz hemen inceleyecektir.

Saygılarımızla,
Kapadokya Tekstil"""),
("iptal-rica", "bad", "cancel_request", "Siparişiniz {o} ile ilgili sorun",
"""Merhaba,

Maalesef {o} numaralı siparişinizdeki ürün stokta kalmadı. Siparişi Amazon hesabınızdan iptal etmenizi rica ediyoruz; böylece ücret iadesi en hızlı şekilde yapılır.

Özür dileriz,
Anadolu Ev"""),
("havale", "bad", "off_amazon_sale", "Ynt: Toplu alım (sipariş {o})",
"""Merhaba Emre Bey,

{o} numaralı siparişteki üründen daha fazla isterseniz, doğrudan bizden havale/EFT ile alırsanız Amazon'dan çok daha uygun fiyat verebiliriz.

Saygılarımızla,
Boğaz Teknik"""),
("numarasiz", "bad", "missing_order_id", "Kargonuzda gecikme",
"""Merhaba,

Kargo firmasının aktarma merkezindeki yoğunluk nedeniyle paketiniz iki iş günü gecikmeli teslim edilecektir. Takip no: 301245670000.

İyi günler,
Kapadokya Tekstil""", "noid"),
("sadece-tesekkur", "bad", "thank_you_only", "Teşekkür ederiz! – sipariş {o}",
"""Merhaba,

{o} numaralı siparişiniz için Anadolu Ev ailesi olarak çok teşekkür ederiz. Her zaman hizmetinizdeyiz.

Sevgiyle,
Anadolu Ev"""),
("whatsapp", "bad", "phone_number", "Kurulum desteği – sipariş {o}",
"""Merhaba,

{o} numaralı siparişinizdeki klimanın montajı için bize WhatsApp üzerinden 0532 418 77 90 numarasından ulaşabilirsiniz.

Saygılarımızla,
Boğaz Teknik"""),
("tc-kimlik", "bad", "personal_data_request", "Bilgi gerekli – sipariş {o}",
"""Merhaba,

{o} numaralı siparişinizi gönderebilmemiz için T.C. kimlik numaranızı ve nüfus cüzdanınızın fotoğrafını bu mesaja yanıt olarak iletmenizi rica ederiz.

Teşekkürler,
Kapadokya Tekstil"""),
("urun-fotograf-ek", "bad", "attachment", "Ürün bilgileri – sipariş {o}",
"""Merhaba,

{o} numaralı siparişinizle ilgili bilgileri ve ürün fotoğraflarını ekte bulabilirsiniz.

Saygılarımızla,
Anadolu Ev""", "bad:jpg:urun-fotograflari.jpg"),
])

add("pt", [
("atraso-correios", "ok", "tracking_number", "Atraso na entrega do pedido {o}",
"""Olá,

Informamos que a entrega do seu pedido {o} vai atrasar um ou dois dias por causa de um problema no centro de distribuição dos Correios em Cajamar.
Código de rastreio: QB123456789BR

Pedimos desculpas pelo transtorno.
Atenciosamente,
Loja Ipê"""),
("agendar-entrega", "ok", "delivery_reschedule", "Agendamento da entrega da sua geladeira – pedido {o}",
"""Olá, Sra. Oliveira,

A transportadora não conseguiu entregar a geladeira do pedido {o} na terça-feira. As novas opções são quinta (19/11) das 8h às 12h ou sexta (20/11) das 13h às 17h.
Qual horário fica melhor para a senhora?

Atenciosamente,
Casa Jabuticaba"""),
("troca-gratis", "ok", "free_replacement", "Re: Tampa quebrada – pedido {o}",
"""Olá, Rafael,

Obrigado pelas fotos. Já enviamos hoje uma tampa nova sem custo, e não é preciso devolver a quebrada.
Rastreio Jadlog: 10084512345678.

Abraço,
Tech Carioca"""),
("avaliacao-neutra", "ok", "neutral_review_request", "Seu pedido {o}",
"""Olá,

Seu pedido {o} foi entregue há alguns dias. Se tiver um momento, gostaríamos que compartilhasse sua experiência com o produto em uma avaliação na Amazon.

Atenciosamente,
Loja Ipê"""),
("nota-fiscal-pdf", "ok", "invoice", "Nota fiscal do pedido {o}",
"""Olá,

Conforme solicitado, segue em anexo o DANFE da nota fiscal nº 000.018.442 referente ao seu pedido {o}.

Atenciosamente,
Financeiro – Casa Jabuticaba""", "pdf:NF-000018442.pdf"),
("presente-produto", "ok", "product_name_gift", "Gravação pendente – pedido {o}",
"""Olá,

Você comprou o "Kit Presente Estrela com Gravação Grátis" (pedido {o}), mas o texto da gravação não chegou até nós.
Pode nos informar o nome que deseja gravar? Enviamos assim que recebermos sua resposta.

Obrigado,
Tech Carioca"""),
("devolucao-instrucoes", "ok", "return_instructions", "Sua devolução – pedido {o}",
"""Olá, Juliana,

Para concluir a devolução do pedido {o}, use a etiqueta de postagem disponível na sua conta Amazon e coloque o carregador junto na caixa.
O reembolso será feito assim que o pacote chegar ao nosso centro.

Atenciosamente,
Loja Ipê"""),
("resposta-duvida", "ok", "question", "Re: Voltagem (pedido {o})",
"""Olá, Bruno,

A air fryer do pedido {o} é bivolt automática, pode ligar em 127 V ou 220 V sem adaptador.
Qualquer outra dúvida, é só responder esta mensagem.

Abraço,
Casa Jabuticaba"""),
("garantia-pdf", "ok", "warranty", "Certificado de garantia – pedido {o}",
"""Olá,

Segue em anexo o certificado de garantia e o manual da furadeira do seu pedido {o}. A garantia é de 12 meses a partir da entrega.

Atenciosamente,
Tech Carioca""", "pdf:garantia-manual.pdf"),
("pacote-extraviado", "ok", "lost_package_refund", "Seu pacote – pedido {o}",
"""Olá, Sr. Costa,

A transportadora confirmou o extravio do pacote do seu pedido {o}. Lamentamos muito.
Já fizemos o reembolso integral pela Amazon; o valor aparece em até 5 dias úteis.

Atenciosamente,
Loja Ipê"""),
("bonus-frete", "ok", "freight_number", "Entrega por transportadora – pedido {o}",
"""Olá,

O item "Kit Bônus Jardim 5 Estrelas" do pedido {o} segue por transportadora (Braspress), CT-e nº 4521877 e minuta 990312.
O motorista liga antes da entrega.

Atenciosamente,
Casa Jabuticaba"""),
("arte-aprovacao", "ok", "custom_design", "Arte para aprovação – pedido {o}",
"""Olá, Camila,

A arte da sua placa personalizada (pedido {o}) está pronta: "Família Souza – Bem-vindos", letras brancas em fundo verde.
Responda "aprovado" ou nos diga o que ajustar.

Abraço,
Tech Carioca"""),
# ---- violações
("avaliacao-pix", "bad", "review_incentive", "Um agradecimento especial – pedido {o}",
"""Olá,

Esperamos que esteja gostando do pedido {o}. Quem deixa a avaliação na Amazon recebe de volta R$ 20 via Pix como agradecimento: é só mandar o print.

Um abraço,
Loja Ipê"""),
("avaliacao-condicional", "bad", "review_conditional", "Tudo certo com o pedido {o}?",
"""Olá,

Se você ficou satisfeito com a compra (pedido {o}), ficaremos felizes com sua avaliação na Amazon. Se algo deu errado, fale com a gente antes de avaliar, por favor.

Atenciosamente,
Casa Jabuticaba"""),
("avaliacao-alterar", "bad", "review_manipulation", "Sua avaliação – pedido {o}",
"""Olá, Patrícia,

A peça que faltava no pedido {o} já foi entregue. Agora que o problema foi resolvido, poderia por gentileza mudar sua avaliação de 1 estrela?

Obrigado,
Tech Carioca"""),
("cupom", "bad", "promotion", "Presente para você – pedido {o}",
"""Olá,

Obrigado pelo pedido {o}! Na sua próxima compra, use o cupom VOLTA10 e ganhe 10% de desconto em toda a loja.

Até breve,
Loja Ipê"""),
("link-site", "bad", "external_link", "Receitas para sua panela – pedido {o}",
"""Olá,

Sua panela elétrica do pedido {o} já está a caminho. Veja receitas exclusivas em bit.ly/receitas-jabuticaba

Bom apetite,
Casa Jabuticaba"""),
("email", "bad", "email_address", "Re: Defeito – pedido {o}",
"""Olá,

Para agilizar a análise do pedido {o}, envie o vídeo do defeito para assistencia@tech-carioca.example com seu nome completo.

Atenciosamente,
Tech Carioca"""),
("cancelar", "bad", "cancel_request", "Problema com seu pedido {o}",
"""Olá,

Infelizmente o produto do pedido {o} está sem estoque. Poderia cancelar a compra pela sua conta Amazon? Assim o estorno sai mais rápido.

Desculpe,
Loja Ipê"""),
("compra-direta", "bad", "off_amazon_sale", "Re: Mais unidades (pedido {o})",
"""Olá, Sr. Almeida,

Se quiser mais unidades iguais às do pedido {o}, fazemos um preço melhor comprando direto com a gente, pagando por Pix ou boleto.

Abraço,
Casa Jabuticaba"""),
("sem-pedido", "bad", "missing_order_id", "Atraso na entrega do seu pacote",
"""Olá,

Os Correios informaram um atraso na unidade de tratamento, e seu pacote deve chegar com até três dias úteis de atraso. Código de rastreio: QB987654321BR.

Atenciosamente,
Tech Carioca""", "noid"),
("so-confirmacao", "bad", "confirmation_only", "Pedido {o} enviado",
"""Olá,

Seu pedido {o} foi enviado hoje.

Obrigado pela compra!
Loja Ipê"""),
("emoji", "bad", "emoji", "Pedido {o} entregue",
"""Oi!

Seu pedido {o} foi entregue 🥳 Se o tamanho não servir, dá pra trocar em até 30 dias pela sua conta Amazon 😉

Beijos,
Casa Jabuticaba"""),
("rg-nascimento", "bad", "personal_data_request", "Dados necessários – pedido {o}",
"""Olá,

Para liberar o envio do pedido {o}, precisamos de uma foto do seu RG frente e verso e da sua data de nascimento. Por favor, responda com esses dados.

Obrigado,
Tech Carioca"""),
("instagram", "bad", "social_media", "Re: Como usar a panela (pedido {o})",
"""Olá,

A panela de pressão do pedido {o} precisa de pelo menos 1 litro de água no primeiro uso, e a válvula deve ficar na posição "fechado". Temos vídeos mostrando o passo a passo no nosso Instagram @lojaipe.oficial.

Abraço,
Loja Ipê"""),
])

add("ar", [
("taakhir-aramex", "ok", "tracking_number", "تأخير في توصيل الطلب {o}",
"""مرحباً،

نود إعلامكم بأن توصيل طلبكم رقم {o} سيتأخر يوماً أو يومين بسبب ضغط في مركز الفرز لدى أرامكس.
رقم الشحنة: 45123987601

نعتذر عن الإزعاج.
مع أطيب التحيات،
دار النخيل"""),
("mawid-tawsil", "ok", "delivery_reschedule", "تحديد موعد توصيل الثلاجة – الطلب {o}",
"""السيد محمد المحترم،

لم تتمكن شركة الشحن من توصيل الثلاجة الخاصة بالطلب {o} يوم الثلاثاء. المواعيد المتاحة: الخميس 19 نوفمبر من 9 إلى 12 صباحاً أو السبت 21 نوفمبر من 2 إلى 6 مساءً.
يرجى إخبارنا بالموعد المناسب لكم.

مع التحية،
سوق الواحة"""),
("istibdal-majjani", "ok", "free_replacement", "رد: غطاء مكسور – الطلب {o}",
"""مرحباً أستاذة سارة،

شكراً على الصور. سنرسل لكِ غطاءً بديلاً مجاناً اليوم، ولا داعي لإعادة الغطاء المكسور.
رقم التتبع لدى سمسا: 290045671234

مع التحية،
المنارة للإلكترونيات"""),
("taqyim-muhayid", "ok", "neutral_review_request", "طلبكم {o}",
"""مرحباً،

تم توصيل طلبكم رقم {o} قبل بضعة أيام. إذا سمح وقتكم، يسعدنا أن تشاركونا تجربتكم مع المنتج من خلال مراجعة على أمازون.

مع أطيب التحيات،
دار النخيل"""),
("fatura-pdf", "ok", "invoice", "الفاتورة الضريبية للطلب {o}",
"""مرحباً،

بناءً على طلبكم، نرفق لكم الفاتورة الضريبية رقم INV-2026-7781 الخاصة بالطلب {o}.

مع التحية،
قسم الحسابات – سوق الواحة""", "pdf:INV-2026-7781.pdf"),
("hadiya-muntaj", "ok", "product_name_gift", "نص الحفر غير موجود – الطلب {o}",
"""مرحباً،

لقد طلبتم "علبة هدايا النجمة مع حفر مجاني للاسم" (الطلب {o})، لكن لم يصلنا النص المطلوب حفره.
يرجى إرسال الاسم المطلوب، وسنبدأ التجهيز فور وصول ردكم.

شكراً لكم،
المنارة للإلكترونيات"""),
("irjaa-taalimat", "ok", "return_instructions", "إرجاع الطلب {o}",
"""مرحباً أستاذ خالد،

لإتمام إرجاع الطلب {o}، يرجى استخدام ملصق الإرجاع المتوفر في حسابكم على أمازون ووضع الشاحن داخل العلبة.
سيتم رد المبلغ فور وصول الطرد إلى مستودعنا.

مع التحية،
دار النخيل"""),
("jawab-sual", "ok", "question", "رد: استفسار عن المقاس (الطلب {o})",
"""مرحباً أستاذة نورة،

غطاء المرتبة في الطلب {o} يناسب المراتب بارتفاع حتى 30 سم، ومقاسه 160×200 سم.
لأي استفسار آخر يمكنكم الرد على هذه الرسالة.

مع التحية،
سوق الواحة"""),
("daman-pdf", "ok", "warranty", "شهادة الضمان – الطلب {o}",
"""مرحباً،

مرفق لكم شهادة الضمان ودليل الاستخدام للخلاط الخاص بالطلب {o}. مدة الضمان سنتان من تاريخ التسليم.

مع التحية،
المنارة للإلكترونيات""", "pdf:daman-dalil.pdf"),
("tard-mafqud", "ok", "lost_package_refund", "بخصوص شحنتكم – الطلب {o}",
"""السيد أحمد المحترم،

أكدت شركة الشحن فقدان الطرد الخاص بطلبكم {o}. نعتذر بشدة عن ذلك.
تم رد المبلغ كاملاً عبر أمازون، وسيظهر خلال 3 إلى 5 أيام عمل.

مع التحية،
دار النخيل"""),
("bonus-shahn", "ok", "freight_number", "شحن منفصل – الطلب {o}",
"""مرحباً،

تم شحن منتج "باقة بونص قهوة 5 نجوم" من الطلب {o} بشكل منفصل من مستودع آخر عبر DHL، رقم بوليصة الشحن الجوي (AWB): 7730 4412 90.

مع التحية،
سوق الواحة"""),
("tasmim-muwafaqa", "ok", "custom_design", "التصميم بانتظار موافقتكم – الطلب {o}",
"""مرحباً أستاذة ريم،

تصميم اللوحة المخصصة للطلب {o} جاهز: "عائلة الحربي – أهلاً وسهلاً" بأحرف ذهبية على خلفية سوداء.
يرجى الرد بكلمة "موافق" أو إخبارنا بالتعديلات المطلوبة.

مع التحية،
المنارة للإلكترونيات"""),
# ---- مخالفات
("taqyim-qasima", "bad", "review_incentive", "شكر خاص – الطلب {o}",
"""مرحباً،

نأمل أن يكون طلبكم {o} قد نال إعجابكم. كل من يكتب مراجعة على أمازون يحصل منا على بطاقة هدايا بقيمة 50 درهماً، فقط أرسلوا لنا لقطة شاشة.

مع المودة،
دار النخيل"""),
("taqyim-mashrut", "bad", "review_conditional", "هل كل شيء على ما يرام مع الطلب {o}؟",
"""مرحباً،

إذا كنتم راضين عن مشترياتكم (الطلب {o}) فيسعدنا تقييمكم على أمازون. وإن كانت هناك أي مشكلة، نرجو التواصل معنا أولاً قبل كتابة التقييم.

مع التحية،
سوق الواحة"""),
("taqyim-taghyir", "bad", "review_manipulation", "بخصوص تقييمكم – الطلب {o}",
"""مرحباً أستاذ فهد،

تم توصيل القطعة الناقصة من الطلب {o}. وبما أن المشكلة قد حُلت، هل يمكنكم التكرم بحذف التقييم السلبي أو تعديله؟

شكراً مقدماً،
المنارة للإلكترونيات"""),
("kod-khasm", "bad", "promotion", "مفاجأة لكم – الطلب {o}",
"""مرحباً،

شكراً على طلبكم {o}! استخدموا الكود SHUKRAN15 للحصول على خصم 15% على طلبكم القادم.

إلى اللقاء،
دار النخيل"""),
("rabit-mawqi", "bad", "external_link", "طريقة التركيب – الطلب {o}",
"""مرحباً،

يمكنكم مشاهدة فيديو تركيب الخزانة الخاصة بالطلب {o} على موقعنا: https://souq-alwaha.example/tarkib

بالتوفيق،
سوق الواحة"""),
("barid", "bad", "email_address", "رد: عطل – الطلب {o}",
"""مرحباً،

لتسريع معالجة العطل في الطلب {o}، يرجى إرسال فيديو للمشكلة إلى service@almanara-electronics.example وسيرد عليكم الفني خلال يوم.

مع التحية،
المنارة للإلكترونيات"""),
("ilgha", "bad", "cancel_request", "مشكلة في طلبكم {o}",
"""مرحباً،

للأسف المنتج في الطلب {o} غير متوفر حالياً. نرجو منكم إلغاء الطلب من حسابكم على أمازون حتى يُرد المبلغ بأسرع وقت.

نعتذر منكم،
دار النخيل"""),
("tahwil-bank", "bad", "off_amazon_sale", "رد: كمية إضافية (الطلب {o})",
"""مرحباً أستاذ سلطان،

إذا رغبتم في كميات إضافية مثل الطلب {o}، يمكننا تقديم سعر أفضل عند الشراء مباشرة منا خارج أمازون والدفع بتحويل بنكي.

مع التحية،
سوق الواحة"""),
("bidun-raqm", "bad", "missing_order_id", "تأخير في وصول شحنتكم",
"""مرحباً،

نعتذر، حدث خطأ في فرز طردكم لدى شركة الشحن، لذا سيتأخر وصوله يومي عمل. رقم التتبع: 45123980000.

مع التحية،
المنارة للإلكترونيات""", "noid"),
("shukr-faqat", "bad", "thank_you_only", "شكراً لكم! – الطلب {o}",
"""مرحباً،

يشكركم فريق دار النخيل جزيل الشكر على طلبكم {o}. نحن دائماً في خدمتكم.

مع خالص التحيات،
دار النخيل"""),
("emoji", "bad", "emoji", "تم توصيل الطلب {o}",
"""مرحباً!

تم توصيل طلبكم {o} بنجاح 🎁 إذا لم يناسبكم المقاس يمكن الاستبدال خلال 30 يوماً من حسابكم على أمازون 🌟

مع التحية،
سوق الواحة"""),
("hatif", "bad", "phone_number", "تركيب المكيف – الطلب {o}",
"""مرحباً،

لتحديد موعد تركيب المكيف الخاص بالطلب {o}، يرجى الاتصال بنا على الرقم ‎+971 50 123 4567 من الأحد إلى الخميس.

مع التحية،
المنارة للإلكترونيات"""),
("hawiya", "bad", "personal_data_request", "بيانات مطلوبة – الطلب {o}",
"""مرحباً،

قبل شحن الطلب {o} نحتاج إلى صورة من الهوية الوطنية أو جواز السفر وتاريخ الميلاد. يرجى إرسالها رداً على هذه الرسالة.

شكراً لكم،
دار النخيل"""),
])

# ---- second batch: Amazon and carrier links (allowed), manufacturer hotlines, opt-out links,
# ---- linked logos, macro/archive attachments
add("en", [
("amazon-link-manual", "ok", "amazon_link", "Setup guide for order {o}",
"""Hello,

Following your question about order {o}: the quick-start guide for the thermostat is also shown under "Product guides and documents" on the product page: https://www.amazon.com/dp/B0C7K2M4QX

Regards,
Care team, Oak & Twine"""),
("warranty-hotline", "ok", "manufacturer_phone", "Re: Warranty claim - order {o}",
"""Hi David,

The blender in order {o} is covered by the manufacturer's 2-year warranty. For a repair, the manufacturer's warranty line is 1-800-555-0142 (Mon-Fri); please have your order ID ready.

Best regards,
Harbourline Goods"""),
("unsubscribe", "bad", "opt_out_link", "Delivery update - order {o}",
"""Hello,

Canada Post has rerouted your parcel for order {o} after a sorting error, so it will now arrive on Thursday instead of Tuesday. Tracking: 7023 2104 5567 8912.

Regards,
Brightkettle

Don't want these updates? Unsubscribe here: https://mail.brightkettle.example/unsubscribe?u=88412"""),
("logo-link", "bad", "logo_link", "Your order {o} - assembly help",
"""Hello,

The assembly instructions for the bookcase in order {o} are on the sheet taped inside the box (step 4 shows the wall anchor). Let us know if any part is missing.

Kind regards,
Oak & Twine""", "logo:https://www.oakandtwine.example/?src=bsm"),
])
add("de", [
("carrier-link", "ok", "carrier_link", "Sendungsverfolgung zu Bestellung {o}",
"""Guten Tag,

Ihre Bestellung {o} ist unterwegs. Den aktuellen Status sehen Sie direkt bei DHL: https://www.dhl.de/de/privatkunden/pakete-empfangen/verfolgen.html?piececode=00340434161094011223

Mit freundlichen Grüßen
Bergmann Technik"""),
("hersteller-hotline", "ok", "manufacturer_phone", "Re: Garantiefall Bestellung {o}",
"""Hallo Frau Weber,

für den Garantiefall zur Kaffeemaschine aus Bestellung {o} wenden Sie sich bitte an den Herstellerservice unter 0800 123 45 67 (kostenfrei). Dort wird die Abholung organisiert.

Viele Grüße
Haushaltsgeräte Krämer"""),
("abmelden", "bad", "opt_out_link", "Ihre Lieferung zu Bestellung {o}",
"""Guten Tag,

wegen eines Fahrzeugausfalls beim Paketdienst wird Ihre Bestellung {o} nicht heute, sondern morgen zwischen 10 und 14 Uhr zugestellt.

Freundliche Grüße
Waldlicht Shop

Sie möchten keine Nachrichten mehr von uns erhalten? Hier abmelden: https://news.waldlicht-shop.example/abmelden"""),
("makro-dokument", "bad", "attachment", "Rechnung zu Bestellung {o}",
"""Guten Tag,

anbei die Rechnung zu Ihrer Bestellung {o}. Bitte aktivieren Sie beim Öffnen die Bearbeitung, damit alle Positionen angezeigt werden.

Mit freundlichen Grüßen
Bergmann Technik""", "bad:docm:Rechnung_Bestellung.docm"),
])
add("fr", [
("lien-amazon", "ok", "amazon_link", "Retour de votre commande {o}",
"""Bonjour,

Pour le retour de la commande {o}, vous pouvez imprimer l'étiquette depuis la page Vos commandes : https://www.amazon.fr/gp/css/order-history
Le remboursement suit dès réception.

Cordialement,
Maison Pivoine"""),
("logo-lien", "bad", "logo_link", "Votre commande {o}",
"""Bonjour,

La pièce manquante de votre commande {o} a été expédiée ce matin par La Poste, suivi 6A20481930001.

Cordialement,
Outils Dumont""", "logo:https://www.outils-dumont.example/boutique"),
])
add("es", [
("enlace-transportista", "ok", "carrier_link", "Seguimiento de su pedido {o}",
"""Hola:

Su pedido {o} ya está en reparto. Puede ver el estado en la web de Correos: https://www.correos.es/es/es/herramientas/localizador/envios?tracking=PQ4F6P0712345670128001K

Un saludo,
Tienda Olivar"""),
("baja-mensajes", "bad", "opt_out_link", "Entrega de su pedido {o}",
"""Hola:

Por una incidencia en la ruta del transportista, su pedido {o} no llegará el jueves como estaba previsto, sino el viernes por la mañana.

Saludos,
Casa Marea

Si no desea recibir más mensajes, darse de baja: https://casamarea.example/baja"""),
])
add("it", [
("link-amazon", "ok", "amazon_link", "Istruzioni per il suo ordine {o}",
"""Buongiorno,

le istruzioni del termostato dell'ordine {o} sono disponibili anche nella pagina prodotto su Amazon, sezione "Documenti del prodotto": https://www.amazon.it/dp/B0C9T4R2LM

Cordiali saluti,
Elettro Fiume"""),
("archivio-rar", "bad", "attachment", "Documentazione ordine {o}",
"""Buongiorno,

in allegato trova la documentazione completa del suo ordine {o} in formato compresso.

Cordiali saluti,
Casaverde Store""", "bad:zip:documentazione.zip"),
])
add("ja", [
("yamato-link", "ok", "carrier_link", "配送状況のご案内（注文番号 {o}）",
"""お客様

注文番号 {o} の商品は配達中です。配送状況はヤマト運輸のサイトでご確認いただけます。
https://toi.kuronekoyamato.co.jp/cgi-bin/tneko

さくら雑貨"""),
("haishin-teishi", "bad", "opt_out_link", "お届け予定のご連絡（注文番号 {o}）",
"""お客様

大雪の影響により、注文番号 {o} の商品のお届けが本日から明日午前中に変更となりました。ご迷惑をおかけいたします。

清水工具
※今後のご案内が不要な方はこちらから配信停止できます：https://kiyomizu-kogu.example/optout"""),
])
add("nl", [
("amazon-retourlink", "ok", "amazon_link", "Retourlabel bestelling {o}",
"""Beste klant,

Het retourlabel voor bestelling {o} vindt u in uw Amazon-account onder Mijn bestellingen: https://www.amazon.nl/gp/css/order-history

Met vriendelijke groet,
Dijkhuis Wonen"""),
("logo-link", "bad", "logo_link", "Uw bestelling {o}",
"""Beste klant,

De ontbrekende schroevenset voor bestelling {o} is vandaag met PostNL verstuurd, track & trace 3SABCD1239876.

Met vriendelijke groet,
Tulpentech""", "logo:https://www.tulpentech.example/"),
])
add("pl", [
("link-inpost", "ok", "carrier_link", "Śledzenie przesyłki – zamówienie {o}",
"""Dzień dobry,

zamówienie {o} jest w drodze do paczkomatu. Status przesyłki sprawdzą Państwo tutaj: https://inpost.pl/sledzenie-przesylek?number=602345678901234567890199

Pozdrawiamy,
Sklep Bursztyn"""),
("wypisz-sie", "bad", "opt_out_link", "Dostawa zamówienia {o}",
"""Dzień dobry,

z powodu awarii samochodu kuriera zamówienie {o} zostanie doręczone w piątek zamiast w czwartek. Przepraszamy za opóźnienie.

Pozdrawiamy,
Dom Kowalski

Nie chcesz otrzymywać wiadomości? Wypisz się: https://dom-kowalski.example/wypisz"""),
])
add("sv", [
("postnord-lank", "ok", "carrier_link", "Spåra order {o}",
"""Hej,

Din order {o} är på väg. Du kan följa försändelsen hos PostNord: https://www.postnord.se/vara-verktyg/spara-brev-paket-och-pall?shipmentId=00370712345678905555

Vänliga hälsningar,
Nordljus Hem"""),
("gif-bilaga", "bad", "attachment", "Leveransinformation – order {o}",
"""Hej,

Leveransen av din order {o} har flyttats till i morgon mellan 9 och 13 eftersom bilen gick sönder. Bifogat finns en bild som visar hur du ändrar tiden i transportörens app.

Hälsningar,
Fjällgården""", "bad:gif:leverans.gif"),
])
add("tr", [
("amazon-link", "ok", "amazon_link", "Kurulum kılavuzu – sipariş {o}",
"""Merhaba,

{o} numaralı siparişinizdeki termostatın kurulum kılavuzuna Amazon ürün sayfasındaki "Ürün belgeleri" bölümünden de ulaşabilirsiniz: https://www.amazon.com.tr/dp/B0CX1Y2Z3A

Saygılarımızla,
Boğaz Teknik"""),
("logo-link", "bad", "logo_link", "Siparişiniz {o}",
"""Merhaba,

{o} numaralı siparişinizdeki eksik vida seti bugün Yurtiçi Kargo ile gönderildi, takip no 301245671111.

Saygılarımızla,
Kapadokya Tekstil""", "logo:https://www.kapadokya-tekstil.example/magaza"),
])
add("pt", [
("link-correios", "ok", "carrier_link", "Rastreio do pedido {o}",
"""Olá,

Seu pedido {o} saiu para entrega. Acompanhe pelo site dos Correios: https://rastreamento.correios.com.br/app/index.php

Atenciosamente,
Loja Ipê"""),
("planilha", "bad", "attachment", "Pedido {o} – informações",
"""Olá,

Segue em anexo a planilha com as medidas do produto do pedido {o} para conferência.

Abraço,
Casa Jabuticaba""", "bad:xlsx:medidas-produto.xlsx"),
])
add("ar", [
("rabit-amazon", "ok", "amazon_link", "إرجاع الطلب {o}",
"""مرحباً،

يمكنكم طباعة ملصق الإرجاع للطلب {o} من صفحة طلباتي على أمازون: https://www.amazon.ae/gp/css/order-history

مع التحية،
دار النخيل"""),
("ilgha-ishtirak", "bad", "opt_out_link", "موعد توصيل الطلب {o}",
"""مرحباً،

بسبب ظروف الطقس تأجل توصيل طلبكم {o} إلى يوم الأحد بين 10 صباحاً و2 ظهراً. نعتذر عن التأخير.

مع التحية،
سوق الواحة

لإيقاف استلام رسائلنا اضغط هنا: https://souq-alwaha.example/unsubscribe"""),
])

def build():
    os.makedirs(OUT, exist_ok=True)
    for f in os.listdir(OUT):
        if f.endswith(".eml"):
            os.remove(os.path.join(OUT, f))
    base = datetime.datetime(2026, 10, 26, 7, 12, tzinfo=datetime.timezone.utc)
    counters = {}
    rows = []
    for n, (lang, slug, label, fam, subj, body, flags) in enumerate(M, 1):
        name = "%03d-%s-%s" % (n, lang, slug)
        k = counters.get(lang, 0); counters[lang] = k + 1
        market = MARKETS[lang][k % len(MARKETS[lang])]
        oid = order_id()
        subj = subj.replace("{o}", oid); body = body.replace("{o}", oid)
        if "noid" not in flags:
            assert oid in subj or oid in body, name
        flist = flags.split()
        msg = EmailMessage(policy=policy.SMTP)
        msg["From"] = SENDERS[lang][k % len(SENDERS[lang])]
        msg["To"] = relay(market)
        msg["Subject"] = subj
        msg["Date"] = format_datetime(base + datetime.timedelta(hours=2 * n, minutes=RNG.randrange(60)))
        msg["Message-ID"] = "<%s.%08x@%s>" % (name, RNG.getrandbits(32), msg["From"].split("@")[1])
        msg["MIME-Version"] = "1.0"
        cte = "base64" if n % 2 else "quoted-printable"
        msg.set_content(body + "\n", charset="utf-8", cte=cte)
        logo = next((f[5:] for f in flist if f.startswith("logo:")), None)
        want_html = "html" in flist or "pixel" in flist or logo or (n % 5 == 0 and not any(f.startswith(("pdf:", "bad:")) for f in flist))
        if want_html:
            msg.add_alternative(to_html(body, pixel="pixel" in flist, logo=logo), subtype="html", charset="utf-8", cte=cte)
        for f in flist:
            if f.startswith("pdf:"):
                msg.add_attachment(PDF, maintype="application", subtype="pdf", filename=f[4:])
            elif f.startswith("bad:"):
                _, kind, fname = f.split(":", 2)
                mt, st, data = BADFILES[kind]
                msg.add_attachment(data, maintype=mt, subtype=st, filename=fname)
        with open(os.path.join(OUT, name + ".eml"), "wb") as fh:
            fh.write(msg.as_bytes())
        rows.append((name, label, market, lang, fam))
    with open(os.path.join(HERE, "labels.tsv"), "w", encoding="utf-8") as fh:
        fh.write("#file\texpected\tmarketplace\tlanguage\tfamily\n")
        for r in rows:
            fh.write("\t".join(r) + "\n")
    stats = {}
    fams = {}
    for r in rows:
        s = stats.setdefault(r[3], {"ok": 0, "bad": 0}); s[r[1]] += 1
        fams[(r[1], r[4])] = fams.get((r[1], r[4]), 0) + 1
    print("lang  ok bad total")
    for lang in MARKETS:
        s = stats.get(lang, {"ok": 0, "bad": 0})
        print("%-4s %3d %3d %5d" % (lang, s["ok"], s["bad"], s["ok"] + s["bad"]))
    print("all  %3d %3d %5d" % (sum(s["ok"] for s in stats.values()), sum(s["bad"] for s in stats.values()), len(rows)))
    for (lab, fam), c in sorted(fams.items()):
        print("%-4s %-24s %3d" % (lab, fam, c))

if __name__ == "__main__":
    build()
