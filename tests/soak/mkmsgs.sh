# tests/soak/mkmsgs.sh - the message types of the load tests (source it).
#
# soak_types DIR - write DIR/TYPE.eml for each type and DIR/TYPE.rcpt (the
# envelope recipient); prints the type names.  soak_rules DIR - the local
# test rules the types rely on (quarantine and tag), into DIR.
# The templates carry no Message-ID: the client adds a unique one and an
# X-Soak-Id header to every copy it sends.

SOAK_RELAY=8xk2m4q7z1v9c3b@marketplace.amazon.de
SOAK_OTHER=partner@fabrikam.example
SOAK_FROM=support@contoso-outdoor.example

soak_rules() {
	cat >"$1/soak.rules" <<'R'
rule SOAK_HOLD
  describe "Held for review (load test rule)."
  match subject =~ /\[hold-me\]/
  action quarantine

rule SOAK_TAG
  describe "Tagged (load test rule)."
  match subject =~ /\[tag-me\]/
  action tag
R
}

# _soak_msg FILE RCPT SUBJECT BODY [CONTENT-TYPE] - one template
_soak_msg() {
	{
		printf 'From: Contoso Outdoor <%s>\nTo: %s\nSubject: %s\n' "$SOAK_FROM" "$2" "$3"
		printf 'Date: Tue, 03 Jun 2025 10:15:00 +0200\nMIME-Version: 1.0\n'
		printf 'Content-Type: %s\n\n%s\n' "${5:-text/plain; charset=utf-8}" "$4"
	} >"$1"
	echo "$2" >"${1%.eml}.rcpt"
}

soak_types() {
	local d=$1
	mkdir -p "$d"
	_soak_msg "$d/compliant.eml" "$SOAK_RELAY" "Your order 302-1234567-1234567" \
		"Hello, unfortunately the delivery of order 302-1234567-1234567 is delayed by two days. We apologise."
	_soak_msg "$d/no-order-id.eml" "$SOAK_RELAY" "Your delivery address" \
		"Could you please confirm your delivery address?"
	_soak_msg "$d/shop-link.eml" "$SOAK_RELAY" "Order 302-1234567-1234567" \
		"Order 302-1234567-1234567: more products at https://www.contoso-outdoor.example/sale"
	_soak_msg "$d/held.eml" "$SOAK_RELAY" "[hold-me] Order 302-1234567-1234567" \
		"Order 302-1234567-1234567: unfortunately the delivery is delayed by two days."
	_soak_msg "$d/tagged.eml" "$SOAK_RELAY" "[tag-me] Order 302-1234567-1234567" \
		"Order 302-1234567-1234567: unfortunately the delivery is delayed by two days."
	{
		printf 'From: Contoso Outdoor <%s>\nTo: %s\nSubject: Invoice for order 302-1234567-1234567\n' "$SOAK_FROM" "$SOAK_RELAY"
		printf 'Date: Tue, 03 Jun 2025 10:15:00 +0200\nMIME-Version: 1.0\n'
		printf 'Content-Type: multipart/mixed; boundary="b1"\n\n--b1\n'
		printf 'Content-Type: text/plain; charset=utf-8\n\nPlease find the invoice for order 302-1234567-1234567 attached.\n'
		printf -- '--b1\nContent-Type: application/pdf; name="invoice.pdf"\n'
		printf 'Content-Disposition: attachment; filename="invoice.pdf"\nContent-Transfer-Encoding: base64\n\n'
		printf '%%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%%%EOF\n' | base64
		printf -- '--b1--\n'
	} >"$d/invoice-pdf.eml"
	echo "$SOAK_RELAY" >"$d/invoice-pdf.rcpt"
	_soak_msg "$d/other-promo.eml" "$SOAK_OTHER" "Special offer" \
		"Visit http://www.fabrikam-shop.example/offer for 20% off. No order id here."
	_soak_msg "$d/other-plain.eml" "$SOAK_OTHER" "Meeting" "See you on Tuesday."
	ls "$d" | sed -n 's/\.eml$//p'
}
