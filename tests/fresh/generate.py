#!/usr/bin/env python3
"""tests/fresh/generate.py - seller messages written apart from the labelled
corpus, to measure the ruleset on wording it was not written against.

Writes tests/fresh/messages/*.eml and tests/fresh/labels.tsv (file, ok|bad,
marketplace): "ok" must come out accepted or tagged, "bad" rejected or
quarantined.  tests/t-fresh.sh checks them.  Run: python3 tests/fresh/generate.py
"""
import os, base64, quopri
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from email.mime.application import MIMEApplication
from email.header import Header
from email import charset as cs
HERE=os.path.dirname(os.path.abspath(__file__))
D=os.path.join(HERE, 'messages')
PDF=b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
EXE=b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00"+b"\x00"*48+b"PE\x00\x00"
M=[]
def add(name, exp, mkt, subj, body, mode='plain', html=None, att=None, reply=None, enc='utf-8'):
    M.append((name,exp,mkt,subj,body,mode,html,att,reply))
def build(name,exp,mkt,subj,body,mode,html,att,reply):
    if mode=='plain': msg=MIMEText(body,'plain','utf-8')  # base64 by default
    elif mode=='qp':
        c=cs.Charset('utf-8'); c.body_encoding=cs.QP
        msg=MIMEText(body,'plain',c)
    elif mode=='8bit':
        msg=MIMEText(body,'plain'); msg.set_payload(body.encode('utf-8'),'utf-8'); 
        del msg['Content-Transfer-Encoding']; msg['Content-Transfer-Encoding']='8bit'
    elif mode=='alt':
        msg=MIMEMultipart('alternative')
        c=cs.Charset('utf-8'); c.body_encoding=cs.QP
        msg.attach(MIMEText(body,'plain',c))
        h=html or '<html><body>'+''.join('<p>%s</p>'%p for p in body.split('\n\n'))+'</body></html>'
        msg.attach(MIMEText(h,'html',c))
    if att:
        outer=MIMEMultipart('mixed'); outer.attach(msg)
        for fn,data,ct in att:
            a=MIMEApplication(data,ct.split('/')[1]); a.add_header('Content-Disposition','attachment',filename=fn); outer.attach(a)
        msg=outer
    msg['From']='support@seller-%s.example'%mkt.replace('.','-')
    msg['To']='abc123xyz@marketplace.amazon.%s'%mkt
    msg['Subject']=Header(subj,'utf-8').encode() if any(ord(ch)>127 for ch in subj) or name.endswith('b64subj') else subj
    msg['Message-ID']='<%s@seller.example>'%name
    if reply:
        msg['In-Reply-To']=reply; msg['References']=reply
    open(os.path.join(D,name+'.eml'),'w').write(msg.as_string())

# --- the messages ---
P=lambda n: ('invoice-%s.pdf'%n, PDF, 'application/pdf')
# ---------------- compliant ----------------
add('c01-en-delay','ok','com','Update on order 113-2845561-0092417',
 "Hi Jordan,\n\nA quick heads-up about order 113-2845561-0092417: UPS flagged a weather hold at their Louisville hub, so the parcel is running about two days behind. The new estimate is Thursday.\n\nYou can follow it here: https://www.ups.com/track?tracknum=1Z999AA10123456784\n\nSorry for the wait.\nMaple & Pine Goods")
add('c02-de-delay-alt','ok','de','Lieferverzögerung – Bestellung 302-7781204-5530912',
 "Guten Tag Frau Krüger,\n\nleider hat sich die Zustellung Ihrer Bestellung 302-7781204-5530912 wegen eines Streiks im Paketzentrum verzögert. Nach Auskunft von DHL kommt das Paket voraussichtlich am Montag an.\n\nDen aktuellen Stand sehen Sie hier: https://www.dhl.de/de/privatkunden/pakete-empfangen/verfolgen.html?piececode=JJD149990200041234567\n\nWir bitten um Ihr Verständnis.\nIhr Team von Holzwerk Sommer",'alt')
add('c03-fr-invoice','ok','fr','Facture – commande 171-4402918-3361045',
 "Bonjour Monsieur Lefèvre,\n\nComme demandé, vous trouverez ci-joint la facture de votre commande 171-4402918-3361045 au format PDF.\n\nBonne journée,\nL'équipe Atelier Brume",'plain',att=[P('171-4402918-3361045')])
add('c04-es-return','ok','es','Instrucciones de devolución – pedido 405-1193827-6620431',
 "Hola Lucía:\n\nPara devolver las zapatillas del pedido 405-1193827-6620431, abra «Mis pedidos» en Amazon, pulse «Devolver o reemplazar productos» y elija el motivo. Amazon le generará la etiqueta de Correos.\n\nCuando recibamos el paquete tramitaremos el reembolso en un plazo de 48 horas.\n\nUn saludo,\nCalzados Ribera",'qp')
add('c05-it-heavy','ok','it','Consegna del divano – ordine 404-6631907-2218845',
 "Gentile signor Bianchi,\n\nil divano dell'ordine 404-6631907-2218845 viene consegnato da un corriere specializzato al piano. Ci può indicare quale giorno della prossima settimana le va meglio, mattina o pomeriggio?\n\nIl corriere la chiamerà il giorno prima per confermare la fascia oraria.\n\nCordiali saluti,\nArredi Lago",'alt')
add('c06-ja-proof','ok','co.jp','【ご確認】名入れデザイン案 注文番号 250-3318842-7701956',
 "山本様\n\nご注文番号250-3318842-7701956の名入れタンブラーのデザイン案を添付いたしました。\n文字の綴りと配置をご確認のうえ、問題なければ「承認」とご返信ください。修正がある場合もお気軽にお知らせください。\n\n工房すずかぜ",'plain',att=[('proof.pdf',PDF,'application/pdf')])
add('c07-en-reply','ok','co.uk','Re: Question about order 026-5512098-4437718',
 "Hello Priya,\n\n> Does the lamp come with a UK plug or do I need an adaptor?\n\nIt ships with a UK three-pin plug fitted, so no adaptor is needed. The bulb is E27 and is included in the box.\n\nKind regards,\nLumen Works",'plain',reply='<CAB1234abcd@mail.gmail.com>')
add('c08-en-review','ok','com','Your order 114-9023376-1185520',
 "Hi Sam,\n\nWe hope the cast iron skillet from order 114-9023376-1185520 arrived safely. If you have a moment, would you consider sharing your experience with other shoppers on Amazon? Your review helps other buyers decide.\n\nBest,\nIronhearth Kitchen")
add('c09-de-lost','ok','de','Paket verloren – Erstattung zu Bestellung 028-4471120-9986301',
 "Hallo Herr Yilmaz,\n\nHermes hat uns bestätigt, dass das Paket zu Ihrer Bestellung 028-4471120-9986301 nicht mehr auffindbar ist. Wir haben Ihnen den vollen Kaufpreis heute über Amazon erstattet; die Gutschrift erscheint in 3–5 Werktagen auf Ihrem Konto.\n\nEs tut uns leid für die Umstände.\nMit freundlichen Grüßen\nSchmidt Haushaltswaren",'qp')
add('c10-fr-replace','ok','fr','Votre vase arrivé cassé – commande 402-8837104-1120394',
 "Bonjour Madame Garnier,\n\nNous sommes navrés d'apprendre que le vase de votre commande 402-8837104-1120394 est arrivé brisé. Nous vous expédions un nouveau vase sans frais dès demain ; inutile de nous renvoyer le premier.\n\nBien cordialement,\nCéramiques du Lot",'alt')
add('c11-es-delay-mx','ok','com.mx','Retraso en su pedido 701-2289304-5573826',
 "Estimado Carlos:\n\nLe informamos que su pedido 701-2289304-5573826 quedó retenido en la aduana de Nuevo Laredo. Estafeta estima la entrega para el viernes. Puede consultar el estado en https://www.estafeta.com/Herramientas/Rastreo\n\nLamentamos la demora.\nElectrónica Norte")
add('c12-it-invoice','ok','it','Fattura ordine 403-7720018-6659012',
 "Buongiorno,\n\nin allegato la fattura elettronica in PDF relativa all'ordine 403-7720018-6659012, come da sua richiesta.\n\nCordiali saluti\nFerramenta Rossi",'plain',att=[P('403')])
add('c13-ja-delay','ok','co.jp','お届け遅延のお詫び（注文番号 249-1120398-5530017）',
 "田中様\n\nご注文番号249-1120398-5530017につきまして、台風の影響により配送に遅れが生じております。ヤマト運輸によると、お届けは3日後の見込みです。\n配送状況：https://toi.kuronekoyamato.co.jp/cgi-bin/tneko\n\nご迷惑をおかけし申し訳ございません。\nくらし雑貨みどり",'alt')
add('c14-en-warranty','ok','com','Warranty card for order 112-3390421-7746082',
 "Hello Alex,\n\nAttached is the warranty certificate and the quick-start manual for the pressure washer in order 112-3390421-7746082. The warranty runs for two years from the delivery date.\n\nRegards,\nTorrent Tools",'plain',att=[('warranty.pdf',PDF,'application/pdf'),('manual.pdf',PDF,'application/pdf')])
add('c15-de-schedule','ok','de','Terminabsprache Lieferung Bestellung 303-5580021-4419736',
 "Guten Tag Herr Becker,\n\nder Kleiderschrank aus Ihrer Bestellung 303-5580021-4419736 wird per Spedition geliefert (ca. 95 kg). Bitte nennen Sie uns zwei Wunschtermine in der nächsten Woche, damit die Spedition die Anlieferung planen kann.\n\nViele Grüße\nMöbelhaus Brandt",'8bit')
add('c16-fr-reply','ok','fr','Re: Taille du pull – commande 171-6629014-2283307',
 "Bonjour Camille,\n\n> Est-ce que le pull taille petit ? J'hésite entre M et L.\n\nLe modèle est plutôt ajusté : si vous êtes entre deux tailles, nous conseillons la taille au-dessus. Vous pouvez aussi l'échanger gratuitement via Amazon.\n\nBonne soirée,\nLaines de Savoie",'qp',reply='<a1b2c3@orange.fr>')
add('c17-es-proof','ok','es','Boceto de su grabado – pedido 406-3341120-8872019',
 "Hola Marta:\n\nLe adjuntamos el boceto del grabado para la pulsera del pedido 406-3341120-8872019 con el texto «Siempre juntos · 2019». ¿Nos confirma si el texto es correcto antes de grabarlo?\n\nGracias,\nJoyería Alba",'plain',att=[('boceto.pdf',PDF,'application/pdf')])
add('c18-it-lost','ok','it','Pacco smarrito – ordine 171-9981203-4460018',
 "Gentile Giulia,\n\nBRT ci ha comunicato che il pacco del suo ordine 171-9981203-4460018 risulta smarrito. Le abbiamo già disposto il rimborso completo tramite Amazon.\n\nCi scusiamo per l'inconveniente.\nCasa Verde Shop",'qp')
add('c19-ja-return','ok','co.jp','返品方法のご案内 注文番号 503-6672019-3341187',
 "佐藤様\n\nご注文番号503-6672019-3341187の返品については、Amazonの注文履歴から「商品の返品」を選択してください。返送ラベルが発行されます。商品到着後、速やかに返金いたします。\n\nよろしくお願いいたします。\nアウトドア山岳堂")
add('c20-en-replace-uk','ok','co.uk','Replacement for your cracked mug – order 204-7710293-5582016',
 "Hi Tom,\n\nSorry to hear the mug from order 204-7710293-5582016 arrived with a crack in the handle. A replacement went out with Royal Mail this afternoon, tracking https://www.royalmail.com/track-your-item#/tracking-results/AB123456789GB — no need to send the damaged one back.\n\nCheers,\nFenland Pottery",'alt')
add('c21-de-review','ok','de','Ihre Bestellung 304-2219873-6610442',
 "Hallo Frau Wagner,\n\nwir hoffen, die Gartenschere aus Ihrer Bestellung 304-2219873-6610442 leistet Ihnen gute Dienste. Wenn Sie möchten, teilen Sie Ihre Erfahrungen gern mit anderen Kunden auf Amazon.\n\nViele Grüße\nGrünschnitt GmbH")
add('c22-fr-delay-html','ok','fr','Retard de livraison – commande 405-2283109-7764021',
 "Bonjour,\n\nVotre colis (commande 405-2283109-7764021) a pris du retard chez Colissimo suite à un incident de tri. Il devrait vous parvenir d'ici mercredi.\n\nSuivi : https://www.laposte.fr/outils/suivre-vos-envois?code=6A12345678901\n\nToutes nos excuses,\nLa Maison du Thé",'alt')
add('c23-es-invoice','ok','es','Factura del pedido 402-5591027-3318804',
 "Buenos días:\n\nAdjuntamos la factura con IVA desglosado del pedido 402-5591027-3318804.\n\nAtentamente,\nPapelería Sol",'plain',att=[P('es')])
add('c24-it-replace','ok','it','Prodotto difettoso – ordine 404-1128890-2207153',
 "Buongiorno signora Conti,\n\nci dispiace che il frullatore dell'ordine 404-1128890-2207153 non si accenda. Le spediamo oggi stesso un'unità sostitutiva; può rendere quella difettosa con l'etichetta di reso gratuita che trova nella pagina dell'ordine su Amazon.\n\nCordialmente,\nElettro Casa",'8bit')
add('c25-ja-reply','ok','co.jp','Re: サイズについて（注文番号 250-8812093-1127564）',
 "鈴木様\n\n> 身長165cmですが、Mサイズで大丈夫でしょうか？\n\nお問い合わせありがとうございます。165cmでしたらMサイズがおすすめです。着丈は68cmです。\n\nよろしくお願いいたします。\nファブリック晴",'qp',reply='<xyz987@docomo.ne.jp>')
add('c26-en-address','ok','com','Address question for order 111-4490218-3376520',
 "Hi Dana,\n\nThe shipping address on order 111-4490218-3376520 is missing an apartment number and FedEx has asked us to confirm it before delivery. Could you check the address in your Amazon account and let us know the unit number?\n\nThanks,\nNorthwind Outfitters",'alt')
add('c27-en-invoice-business','ok','com','Invoice for order 113-7720931-6654018',
 "Hello,\n\nPlease find attached the invoice for your Amazon Business order 113-7720931-6654018.\n\nAccounts team\nBrightline Office Supply",'plain',att=[P('b')])
add('c28-de-replace-b64subj','ok','de','Ersatzlieferung für Bestellung 028-6613307-4459120',
 "Sehr geehrter Herr Vogel,\n\nder Deckel des Topfes aus Bestellung 028-6613307-4459120 war bei Ankunft gesprungen. Ein Ersatzdeckel ist heute an Sie rausgegangen, ohne Kosten für Sie.\n\nFreundliche Grüße\nKochkunst Keller")
add('c29-fr-schedule','ok','fr','Livraison de votre lave-linge – commande 171-3310928-5521776',
 "Bonjour Monsieur Roux,\n\nLe lave-linge de la commande 171-3310928-5521776 sera livré par un transporteur spécialisé sur rendez-vous. Quel créneau vous arrange la semaine prochaine : mardi matin ou jeudi après-midi ?\n\nCordialement,\nÉlectroménager Martin",'alt')
add('c30-es-lost','ok','es','Su paquete se ha extraviado – pedido 407-9910283-1146620',
 "Hola Javier:\n\nSEUR nos confirma que el paquete del pedido 407-9910283-1146620 se ha extraviado. Le hemos reembolsado el importe íntegro a través de Amazon; lo verá en su cuenta en unos días.\n\nDisculpe las molestias.\nDeportes Cumbre",'qp')
add('c31-it-review','ok','it','Il suo ordine 171-2239018-7712065',
 "Gentile cliente,\n\nsperiamo che la moka dell'ordine 171-2239018-7712065 sia arrivata in buone condizioni. Se ha un minuto, può condividere la sua esperienza con il prodotto su Amazon.\n\nUn saluto,\nCaffè Vesuvio")
add('c32-ja-heavy','ok','co.jp','大型商品のお届け日時について 注文番号 503-2219087-6634412',
 "高橋様\n\nご注文番号503-2219087-6634412のベッドフレームは大型商品のため、配送業者から日時指定のご連絡が入ります。ご希望の日時がございましたら、本メッセージにご返信ください。\n\n家具のはやし",'alt')
add('c33-en-custom-html','ok','com','Design proof for order 112-8871029-3320147',
 "Hi Morgan,\n\nThe draft for the engraved cutting board in order 112-8871029-3320147 is attached. Please check the names and the date, then reply with approval or any corrections.\n\nThanks,\nOak & Ember",'alt',att=[('proof-8871029.pdf',PDF,'application/pdf')])
add('c34-en-delay-canada','ok','ca','Shipping delay on order 702-3381920-6617734',
 "Hello Chris,\n\nYour order 702-3381920-6617734 is delayed by the Canada Post labour disruption. We expect delivery next week; tracking: https://www.canadapost-postescanada.ca/track-reperez/en#/search?searchFor=7023381920\n\nApologies,\nTrue North Supply")
add('c35-de-return-ch','ok','de','Rücksendung Bestellung 305-1182093-4427719',
 "Grüezi Herr Meier,\n\nSie können die zu grosse Jacke aus Bestellung 305-1182093-4427719 über Ihr Amazon-Konto unter «Meine Bestellungen» zurücksenden. Die Rückerstattung erfolgt nach Eingang der Ware.\n\nFreundliche Grüsse\nAlpin Textil",'qp')
add('c36-es-reply','ok','es','Re: ¿Es compatible? – pedido 408-2290318-5573109',
 "Hola Ana:\n\n> ¿El cargador sirve para el modelo 2021?\n\nSí, es compatible con todos los modelos desde 2019. El cable USB-C va incluido.\n\nSaludos,\nTecnoPlus",'plain',reply='<CAJ77@mail.gmail.com>')
add('c37-fr-lost-ca','ok','ca','Colis perdu – commande 702-5512093-8829104',
 "Bonjour Sophie,\n\nPostes Canada a déclaré perdu le colis de votre commande 702-5512093-8829104. Nous vous avons remboursé intégralement par l'entremise d'Amazon.\n\nNos excuses,\nBoutique Érable",'alt')
add('c38-it-return','ok','it','Come effettuare il reso – ordine 405-3318290-1124476',
 "Buongiorno Marco,\n\nper il reso delle scarpe dell'ordine 405-3318290-1124476 vada su «I miei ordini» in Amazon, selezioni «Restituisci o sostituisci articoli» e stampi l'etichetta. Il rimborso arriva entro pochi giorni dalla ricezione.\n\nSaluti,\nCalzaturificio Marche",'qp')
add('c39-ja-replace','ok','co.jp','交換品発送のご連絡 注文番号 250-5590128-3317746',
 "伊藤様\n\nご注文番号250-5590128-3317746の電気ケトルに不具合があったとのこと、大変申し訳ございません。本日、交換品をお送りいたしました。不具合品はお手数ですが着払いでご返送ください。\n\n家電のひかり",'8bit')
add('c40-en-review-neutral-html','ok','co.uk','Order 203-1129087-6640331',
 "Hello Emma,\n\nWe hope the walking boots from order 203-1129087-6640331 are treating you well. Whether good or bad, we'd welcome an honest review on Amazon when you have a moment.\n\nAll the best,\nPeak Trail Co.",'alt')

# ---------------- violations ----------------
add('v01-en-promo-next','bad','com','Order 113-6620918-3357741 – a little something',
 "Hi Riley,\n\nThanks for ordering the yoga mat (order 113-6620918-3357741). As a returning customer you can take 20% off anything else in our storefront with the code ZEN20 at checkout.\n\nNamaste,\nLotus Studio Gear")
add('v02-de-promo','bad','de','Bestellung 302-1120983-6615542',
 "Hallo Herr Schulz,\n\nIhre Bestellung 302-1120983-6615542 ist auf dem Weg. Schauen Sie doch auch bei unseren passenden Filterkartuschen vorbei – mit dem Gutscheincode FILTER15 sparen Sie 15 %.\n\nViele Grüße\nAquaPur",'alt')
add('v03-fr-promo','bad','fr','Commande 171-5591028-4406613',
 "Bonjour,\n\nMerci pour votre commande 171-5591028-4406613 ! Profitez de -10 % sur votre prochain achat dans notre boutique avec le code MERCI10.\n\nL'équipe Savon & Co",'qp')
add('v04-es-promo','bad','es','Pedido 402-7713029-1182264',
 "Hola:\n\nGracias por su pedido 402-7713029-1182264. Le recomendamos también nuestras fundas a juego, ahora con un 25% de descuento esta semana.\n\nSaludos,\nFundasYa",'alt')
add('v05-it-promo','bad','it','Ordine 403-2219088-5561730',
 "Ciao Luca,\n\ngrazie per l'ordine 403-2219088-5561730. Dai un'occhiata anche agli altri nostri accessori per bici: per te il 15% di sconto con il codice BICI15.\n\nA presto,\nCiclo Veloce",'8bit')
add('v06-ja-promo','bad','co.jp','ご注文ありがとうございます 250-7710293-4418806',
 "中村様\n\nご注文番号250-7710293-4418806の商品を発送いたしました。次回ご購入時に使える500円OFFクーポンをお送りします。ぜひご利用ください。\n\n雑貨ストアあおぞら",'alt')
add('v07-en-incentive','bad','com','Order 114-3381029-6627745',
 "Hey Casey,\n\nHope you're enjoying the headphones from order 114-3381029-6627745! Once your review is live on Amazon, forward us the link and we'll transfer $10 to your PayPal as a little thank-you.\n\nCheers,\nSonicWave",'alt')
add('v08-de-incentive','bad','de','Bestellung 303-9910288-2215573',
 "Hallo Julia,\n\nzu Ihrer Bestellung 303-9910288-2215573: Als Dankeschön für eine ehrliche Rezension schenken wir Ihnen ein zweites Paar Handschuhe gratis.\n\nLiebe Grüße\nWinterwarm",'qp')
add('v09-fr-incentive','bad','fr','Commande 402-6630912-7718805',
 "Bonjour Léa,\n\nConcernant votre commande 402-6630912-7718805 : laissez-nous un commentaire sur Amazon et nous vous offrons le prochain paquet de capsules.\n\nÀ bientôt,\nCafé Bastide")
add('v10-es-incentive','bad','es','Pedido 405-8812093-3326617',
 "Hola Pablo:\n\nSobre su pedido 405-8812093-3326617, si nos deja una reseña en Amazon le devolvemos 5 € por Bizum como agradecimiento.\n\nUn abrazo,\nMascotas Felices",'alt')
add('v11-it-incentive','bad','it','Ordine 171-4481209-6613390',
 "Gentile Sara,\n\nper l'ordine 171-4481209-6613390: scriva una recensione del prodotto e le regaliamo una confezione di ricariche omaggio.\n\nProfumi di Sicilia",'qp')
add('v12-ja-incentive','bad','co.jp','レビューのお願い 注文番号 503-1129083-7746620',
 "小林様\n\nご注文番号503-1129083-7746620の商品はいかがでしょうか。レビューを書いていただいた方全員に、Amazonギフト券1000円分を差し上げております。\n\n美容ショップさくら")
add('v13-en-conditional','bad','co.uk','Order 026-3318290-7754416',
 "Hello Jamie,\n\nWe hope the kettle from order 026-3318290-7754416 is doing the job. If it's ticked all the boxes for you, we'd love a review on Amazon; should anything be less than perfect, drop us a message first so we can sort it out.\n\nBest wishes,\nBrewhouse Essentials",'alt')
add('v14-de-conditional','bad','de','Bestellung 304-7720913-1185562',
 "Guten Tag,\n\nwaren Sie mit dem Kissen aus Bestellung 304-7720913-1185562 zufrieden? Dann freuen wir uns sehr über eine Bewertung. Bei Problemen schreiben Sie uns bitte zuerst, bevor Sie bewerten.\n\nSchlafgut",'qp')
add('v15-fr-conditional','bad','fr','Commande 171-8831029-2267704',
 "Bonjour,\n\nVous êtes content de votre lampe (commande 171-8831029-2267704) ? Alors laissez-nous une évaluation ! Un souci ? Écrivez-nous avant toute note négative.\n\nLumière Douce",'alt')
add('v16-es-conditional','bad','es','Pedido 406-1182093-5570028',
 "Hola Elena:\n\nSi el pedido 406-1182093-5570028 ha cumplido sus expectativas, le agradeceríamos una valoración en Amazon. Si algo no fue bien, escríbanos a nosotros antes, por favor.\n\nCerámica Mar",'8bit')
add('v17-it-conditional','bad','it','Ordine 404-5518290-3342217',
 "Buongiorno,\n\nse il prodotto dell'ordine 404-5518290-3342217 l'ha soddisfatta, ci lasci una recensione. Se invece c'è qualcosa che non va, ci contatti prima di scrivere.\n\nOlio Toscano",'alt')
add('v18-ja-conditional','bad','co.jp','商品はいかがでしたか 注文番号 250-3390218-6617725',
 "渡辺様\n\nご注文番号250-3390218-6617725の商品にご満足いただけましたら、ぜひレビューをお願いいたします。もし問題がございましたら、評価の前にまずご連絡ください。\n\n文具の森",'qp')
add('v19-en-positive','bad','com','Order 112-5590213-8846601',
 "Hi Taylor,\n\nSmall businesses like ours live and die by ratings. If you could spare a moment to leave us a glowing write-up and five stars for order 112-5590213-8846601 it would mean the world.\n\nThank you!\nHappy Paws Co.",'alt')
add('v20-de-positive','bad','de','Bestellung 028-2219083-4451198',
 "Hallo Herr Koch,\n\nzu Ihrer Bestellung 028-2219083-4451198: Wir würden uns riesig über eine 5-Sterne-Bewertung auf Amazon freuen!\n\nTeam Bergluft",'plain')
add('v21-fr-change','bad','fr','Commande 405-7710928-1123394',
 "Bonjour Monsieur Petit,\n\nNous avons remplacé la pièce défectueuse de votre commande 405-7710928-1123394. Maintenant que le problème est résolu, pourriez-vous revoir votre note d'une étoile ?\n\nCordialement,\nOutillage Pro",'qp')
add('v22-es-change','bad','es','Pedido 407-3318209-6629901',
 "Hola Raúl:\n\nYa le hemos reembolsado el pedido 407-3318209-6629901. ¿Sería tan amable de retirar la opinión negativa que dejó?\n\nGracias,\nHogar Feliz",'alt')
add('v23-en-change','bad','com','Regarding your feedback on order 113-1120398-7745530',
 "Hello Pat,\n\nWe've issued a full refund on order 113-1120398-7745530. Now that it's resolved, would you be willing to strike out the 1-star feedback you left for us? It hurts our seller metrics a lot.\n\nRegards,\nGadget Hub")
add('v24-it-dictated','bad','it','Ordine 403-6613092-2287715',
 "Ciao Francesca,\n\nse ti va di lasciare una recensione per l'ordine 403-6613092-2287715, scrivi che la spedizione è stata velocissima e che il tessuto è di ottima qualità.\n\nTessuti Firenze",'alt')
add('v25-en-dictated','bad','com','Order 111-2298310-5563347',
 "Hi Drew,\n\nWhen you review order 111-2298310-5563347 on Amazon, be sure to note how fast the charging is and how sturdy the case feels - it really helps us.\n\nVolt Accessories",'qp')
add('v26-en-email-b64','bad','com','Order 112-7718203-3391126',
 "Hi Jesse,\n\nThe replacement part for order 112-7718203-3391126 is ready. For quicker help in future, write to us directly at help.desk@voltgear-shop.com instead of going through Amazon.\n\nVolt Gear")
add('v27-de-email-obf','bad','de','Bestellung 302-5519083-7726640',
 "Hallo,\n\nbei Fragen zu Bestellung 302-5519083-7726640 erreichen Sie uns direkt: service (ät) holzspielwaren-mueller (punkt) de\n\nHolzspielwaren Müller",'alt')
add('v28-fr-phone','bad','fr','Commande 171-2290318-6674412',
 "Bonjour,\n\nPour la mise en service du poêle (commande 171-2290318-6674412), notre technicien est joignable au 06 72 18 44 90 du lundi au vendredi.\n\nChauffage Dubois",'qp')
add('v29-it-phone','bad','it','Ordine 404-8810293-1156627',
 "Buongiorno,\n\nper qualsiasi dubbio sull'ordine 404-8810293-1156627 ci trova su WhatsApp al 347 123 4567.\n\nCasa Oliva",'plain')
add('v30-es-social','bad','es','Pedido 408-6630218-2219907',
 "Hola Nuria:\n\nGracias por el pedido 408-6630218-2219907. Síguenos en Insta (@ceramica.luna) para ver cómo hacemos cada pieza.\n\nCerámica Luna",'alt')
add('v31-en-link-href','bad','com','Care guide for order 114-7720918-4458813',
 "Hi Robin,\n\nHere is the care guide for the cashmere scarf in order 114-7720918-4458813: Amazon product page.\n\nBest,\nHighland Knits",'alt',
 html='<html><body><p>Hi Robin,</p><p>Here is the care guide for the cashmere scarf in order 114-7720918-4458813: <a href="https://highlandknits-shop.example/care/cashmere">Amazon product page</a>.</p><p>Best,<br>Highland Knits</p></body></html>')
add('v32-de-link-http','bad','de','Aufbauanleitung Bestellung 303-4418290-5513376',
 "Hallo Herr Fischer,\n\ndie Aufbauanleitung zu Bestellung 303-4418290-5513376 finden Sie unter http://www.regalbau-nord.de/anleitungen/rb200.pdf\n\nRegalbau Nord",'qp')
add('v33-fr-optout','bad','fr','Commande 402-1129308-7734419',
 "Bonjour,\n\nVotre commande 402-1129308-7734419 est en préparation et partira lundi suite à une rupture chez notre fournisseur. Pour ne plus être contacté par notre boutique, il suffit de nous renvoyer le mot ARRET.\n\nBijoux Azur",'alt')
add('v34-en-pixel','bad','co.uk','Delay on order 204-3318029-6617748',
 "Hi Sam,\n\nOrder 204-3318029-6617748 is running a day late because of a van breakdown. Apologies!\n\nThe Candle Barn",'alt',
 html='<html><body><p>Hi Sam,</p><p>Order 204-3318029-6617748 is running a day late because of a van breakdown. Apologies!</p><p>The Candle Barn</p><img src="https://mail.candlebarn.example/o/204331.png" width="1" height="1" alt=""></body></html>')
add('v35-en-exe-pdf','bad','com','Invoice for order 113-5518203-2290014',
 "Hello,\n\nThe invoice for order 113-5518203-2290014 is attached.\n\nAccounts",'plain',att=[('invoice.pdf',EXE,'application/pdf')])
add('v36-ja-emoji-subj','bad','co.jp','発送遅延のお知らせ 🙇 注文番号 250-1182039-5576621',
 "木村様\n\nご注文番号250-1182039-5576621は、在庫の入荷遅れにより発送が3日ほど遅れます。申し訳ございません。\n\nペット用品ハル",'plain')
add('v37-de-shipped-only','bad','de','Ihre Bestellung 304-9918203-4415520 ist raus',
 "Hallo Frau Neumann,\n\ngute Nachrichten: Ihr Paket zur Bestellung 304-9918203-4415520 hat heute unser Haus verlassen und ist mit DPD zu Ihnen unterwegs.\n\nSonnige Grüße\nTeeladen Lindenblatt",'qp')
add('v38-ja-thanks-only','bad','co.jp','ご購入ありがとうございました 注文番号 503-7718290-2234415',
 "松本様\n\nこの度はご注文番号503-7718290-2234415にてお買い上げいただき、誠にありがとうございました。今後とも当店をよろしくお願い申し上げます。\n\n和菓子処つきみ",'alt')
add('v39-en-noorder','bad','com','A note about your purchase',
 "Hi Kelly,\n\nYour blender is delayed by two days because our courier missed the pickup. Sorry about that - it should arrive Friday.\n\nBlendRight",'plain')
add('v40-it-newsletter-html','bad','it','Ordine 171-6618290-3327758',
 "Gentile cliente,\n\nil suo ordine 171-6618290-3327758 è in ritardo di un giorno. Nel frattempo si iscriva alla nostra lista per ricevere in anteprima le novità di stagione.\n\nModa Riviera",'alt')

# --- write ---
with open(os.path.join(HERE, 'labels.tsv'),'w') as f:
    f.write('# file\texpected (ok: accept or tag; bad: reject or quarantine)\tmarketplace\n')
    for m in M:
        build(*m); f.write('%s\t%s\t%s\n'%(m[0],m[1],m[2]))
print(len(M), sum(1 for m in M if m[1]=='ok'))
