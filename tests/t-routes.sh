#!/usr/bin/env bash
# tests/t-routes.sh - no way around the checks through a real Postfix:
# every recipient form Postfix delivers to a relay address (percent hack,
# bang paths, quoted local parts, comments, white space, SMTPUTF8
# look-alikes) is checked, and an MTA speaking a milter protocol without
# the DATA step (milter_protocol 2, 3) gets every message tempfailed.
#
# For each form, a message without an order ID must be refused (at RCPT by
# Postfix, or after DATA by amzmilter), and a compliant one must reach the
# sink addressed to the relay with amzmilter's verdict header: proof that
# this Postfix really routes the form to the relay.
. "$(dirname "$0")/lib.sh"
. "$TOP/tests/mta/postfix.sh"
. "$TOP/tests/mta/milter.sh"

pf_suite "recipient forms through Postfix" routes postfix postconf python3
FROM=support@contoso-outdoor.example

mkdir -p "$T/milter"
milter_conf "$T/milter"
milter_start "$T/milter" || { is "not running" "running" "amzmilter starts"; exit 0; }
pf_setup "$T/pf" "$SMTP_PORT" "$SINK_PORT" "$MILTER_SPEC" || exit 1
# localhost, test.invalid and [127.0.0.1] are this Postfix's own: it strips
# them and routes on what is left (the percent hack, "!" and "@" inside).
pf_conf "mydestination = localhost, test.invalid" "smtputf8_enable = yes"
sink_start "$T/sink" "$SINK_PORT" || { is "no sink" "sink" "sink starts"; exit 0; }
pf_start || { is "$(tail -n 5 "$T/pf/log/setup.log")" "" "private Postfix starts"; exit 0; }

# mkmsg SUBJECT BODY - a message file; prints its path
mkmsg() {
	# runs in $(...): a unique file name, not a counter
	local f n
	f=$(mktemp "$T/msg.XXXXXX")
	n=${f##*.}
	printf 'From: Contoso Outdoor <%s>\nTo: buyer <buyer@marketplace.amazon.com>\nSubject: %s\n' "$FROM" "$1" >"$f"
	printf 'Date: Tue, 03 Jun 2025 10:15:00 +0200\nMessage-ID: <r%s.%d@contoso-outdoor.example>\n' "$n" "$$" >>"$f"
	printf 'MIME-Version: 1.0\nContent-Type: text/plain; charset=us-ascii\n\n%s\n' "$2" >>"$f"
	echo "$f"
}

# relay_rcpt ENV-FILE - the sink's envelope recipient is the relay address
# once mapped as IDNA maps a domain for lookup (NFKC, case folded,
# ideographic full stops as ".")
relay_rcpt() {
	python3 - "$1" <<'PY'
import sys, unicodedata
rcpts = [l[5:].rstrip("\n") for l in open(sys.argv[1], encoding="utf-8") if l.startswith("rcpt ")]
norm = [unicodedata.normalize("NFKC", r).casefold().replace("\u3002", ".") for r in rcpts]
sys.exit(0 if norm == ["x@marketplace.amazon.com"] else 1)
PY
}

forms=(
	'x%marketplace.amazon.com@[127.0.0.1]'
	'x%marketplace.amazon.com@localhost'
	'x%marketplace.amazon.com@test.invalid'
	'x%marketplace.amazon.com'
	'marketplace.amazon.com!x@[127.0.0.1]'
	'marketplace.amazon.com!x'
	'x@marketplace.amazon.com@[127.0.0.1]'
	'"x@marketplace.amazon.com"@[127.0.0.1]'
	'x@marketplace.amazon.com (comment)'
	'x@(c)marketplace.amazon.com'
	'x@marketplace . amazon . com'
	$'x@marketplace.amazon.com\t'
	$'x@\xef\xbd\x8d\xef\xbd\x81rketplace.amazon.com'
	$'x@marketplace\xe3\x80\x82amazon\xe3\x80\x82com'
)

bads=()
for form in "${forms[@]}"; do
	label=$(printf '%q' "$form")
	bad=$(mkmsg "Your delivery address" "Could you please confirm your delivery address?")
	bads+=("$bad")
	out=$(python3 "$TOP/tests/mta/smtp_raw.py" "$SMTP_PORT" "$FROM" "$form" "$bad")
	if printf '%s\n' "$out" | grep -q '^RCPT 250'; then
		like "$out" '^DATA 550 .*ORDER_ID_MISSING' "<$label>: no order ID, refused after DATA"
	else
		like "$out" '^(MAIL|RCPT) [45]' "<$label>: refused before DATA"
	fi
	good=$(mkmsg "Order 302-1234567-1234567" \
		"Unfortunately the delivery of order 302-1234567-1234567 is delayed by two days.")
	out=$(python3 "$TOP/tests/mta/smtp_raw.py" "$SMTP_PORT" "$FROM" "$form" "$good")
	if printf '%s\n' "$out" | grep -q '^DATA 250'; then
		s=$(sink_delivered "$good")
		ok "<$label>: compliant message delivered to the relay address" \
			relay_rcpt "${s%.eml}.env"
		ok "<$label>: compliant message carries the verdict header" \
			grep -qiE '^X-Amzmilter-Verdict: *accept' "$s"
	else
		diag "<$label>: $out"
		skip "<$label>: routed to the relay" "this Postfix does not accept the form"
	fi
done
# every compliant message has arrived: a refused one would have by now
for bad in "${bads[@]}"; do
	id=$(sed -n 's/^Message-ID: *//p' "$bad")
	ok "$id (no order ID) did not reach the sink" \
		test -z "$(grep -lF -- "$id" "$T/sink"/*.eml 2>/dev/null)"
done

# milter_protocol 2 and 3 have no DATA step: the milter refuses them and
# Postfix applies milter_default_action (tempfail) to every message.
for proto in 2 3; do
	pf_conf "milter_protocol = $proto"
	pf_restart
	mark=$(milter_log_size)
	bad=$(mkmsg "Your delivery address" "Could you please confirm your delivery address?")
	out=$(python3 "$TOP/tests/mta/smtp_raw.py" "$SMTP_PORT" "$FROM" x@marketplace.amazon.com "$bad")
	like "$out" '^(MAIL|RCPT|DATA) 4[0-9][0-9] ' "milter_protocol $proto: relay mail tempfailed"
	sleep 1
	ok "milter_protocol $proto: nothing reached the sink" \
		test -z "$(grep -lF -- "$(sed -n 's/^Message-ID: *//p' "$bad")" "$T/sink"/*.eml 2>/dev/null)"
	like "$(milter_log_since "$mark")" 'without the DATA step' "milter_protocol $proto: the milter logs why"
done
