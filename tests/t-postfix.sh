#!/usr/bin/env bash
# tests/t-postfix.sh - end to end through a private Postfix on 127.0.0.1:
# swaks -> Postfix smtpd -> amzmilter (unix socket) -> Postfix -> sink.py.
# Checks what an SMTP client sees (replies, swaks exit codes), what reaches
# the sink (one file per message), the hold queue, reload and a
# dead milter.
. "$(dirname "$0")/lib.sh"
. "$TOP/tests/mta/postfix.sh"
. "$TOP/tests/mta/milter.sh"

pf_suite "Postfix end-to-end tests" pf postfix postconf postqueue swaks python3
RELAY=8xk2m4q7z1v9c3b@marketplace.amazon.com
OTHER=partner@fabrikam.example
FROM=support@contoso-outdoor.example

mkdir -p "$T/milter"
milter_conf "$T/milter" max_message_size=64k
cat >"$T/milter/local.d/test.rules" <<'EOF'
rule TEST_QUARANTINE
  describe "Held for review (test rule)."
  match subject =~ /\[hold-me\]/
  action quarantine

override LINK_NOT_HTTPS
  action tag
EOF
if ! milter_start "$T/milter"; then
	is "not running" "running" "amzmilter starts"
	exit 0
fi
pf_setup "$T/pf" "$SMTP_PORT" "$SINK_PORT" "$MILTER_SPEC" || exit 1
sink_start "$T/sink" "$SINK_PORT" || { is "no sink" "sink" "sink starts"; exit 0; }
if ! pf_start; then
	is "$(tail -n 5 "$T/pf/log/maillog" "$T/pf/log/setup.log" 2>/dev/null)" "" "private Postfix starts"
	exit 0
fi

# mkmsg TO SUBJECT BODY [EXTRA-HEADER-LINES] - a message file; prints its path
mkmsg() {
	# runs in $(...): a unique file name, not a counter
	local f n
	f=$(mktemp "$T/msg.XXXXXX")
	n=${f##*.}
	{
		printf '%b' "${4:-}"
		printf 'From: Contoso Outdoor <%s>\nTo: %s\nSubject: %s\n' "$FROM" "$1" "$2"
		printf 'Date: Tue, 03 Jun 2025 10:15:00 +0200\nMessage-ID: <t%s.%d@contoso-outdoor.example>\n' "$n" "$$"
		printf 'MIME-Version: 1.0\nContent-Type: text/plain; charset=us-ascii\n\n%s\n' "$3"
	} >"$f"
	echo "$f"
}

# send FILE RCPT... - swaks; sets OUT (transcript) and RC (exit code)
send() {
	local file=$1 to
	shift
	to=$(IFS=,; echo "$*")
	OUT=$(swaks --server "127.0.0.1:$SMTP_PORT" --helo client.test.invalid \
		--from "$FROM" --to "$to" --data "@$file" 2>&1)
	RC=$?
}

# reply_to COMMAND - the server's reply lines to COMMAND in the transcript OUT
reply_to() {
	printf '%s\n' "$OUT" | awk -v cmd="$1" '
		index($0, "-> " cmd) { on = 1; next }
		on && /^ *(->|~>|\*\*\*|===)/ { exit }
		on { print }'
}

# body_of FILE - the body (after the first empty line), LF line ends
body_of() {
	tr -d '\r' <"$1" | sed '1,/^$/d'
}

# 1. reject: a relay message without order id
f=$(mkmsg "$RELAY" "Your delivery address" "Could you please confirm your delivery address?")
before=$(sink_count)
send "$f" "$RELAY"
is "$RC" 26 "no order id: swaks exit 26 (not accepted after DATA)"
like "$OUT" '<\*\* +550-5\.7\.1 ' "no order id: multi-line reply, 550-5.7.1 continuation line"
like "$OUT" '<\*\* +550[- ]5\.7\.1 .*ORDER_ID_MISSING' "no order id: a reply line names ORDER_ID_MISSING"
like "$OUT" '<\*\* +550 5\.7\.1 ' "no order id: reply ends with a 550 5.7.1 line"
sleep 0.5
is "$(sink_count)" "$before" "no order id: nothing reached the sink"

# 2. a compliant relay message is delivered
f=$(mkmsg "$RELAY" "Your order 302-1234567-1234567" "Unfortunately the delivery of order 302-1234567-1234567 is delayed by two days.")
send "$f" "$RELAY"
is "$RC" 0 "compliant: swaks exit 0"
like "$OUT" '<- +250 2\.0\.0 Ok: queued' "compliant: 250 after DATA"
d=$(sink_delivered "$f")
ok "compliant: reached the sink" test -n "$d"
ok "compliant: sink envelope recipient is the relay address" grep -qx "rcpt $RELAY" "${d%.eml}.env"

# 3. non-relay mail passes untouched
f=$(mkmsg "$OTHER" "Special offer" "Visit http://www.fabrikam-shop.example/offer for 20% off.
No order id here.")
send "$f" "$OTHER"
is "$RC" 0 "non-relay: swaks exit 0"
d=$(sink_delivered "$f")
ok "non-relay: reached the sink" test -n "$d"
if [ -n "$d" ]; then
	ok "non-relay: no X-Amzmilter header added" bash -c "! grep -qi '^X-Amzmilter' '$d'"
	is "$(body_of "$d")" "$(body_of "$f")" "non-relay: body identical"
	is "$(tr -d '\r' <"$d" | sed '/^$/q' | grep -v '^Received:\|^[[:space:]]' )" \
		"$(sed '/^$/q' "$f")" "non-relay: headers identical apart from Received"
else
	skip "non-relay: headers and body" "not delivered"
fi

# 4. mixed transaction: the non-relay recipient is deferred at RCPT
f=$(mkmsg "$RELAY" "Your order 302-1234567-1234567" "Unfortunately the delivery of order 302-1234567-1234567 is delayed by two days.")
send "$f" "$RELAY" "$OTHER"
like "$(reply_to "RCPT TO:<$OTHER>")" '^<\*\* +452 4\.5\.3 ' "mixed: second recipient gets 452 4.5.3"
like "$(reply_to "RCPT TO:<$RELAY>")" '^<- +250 ' "mixed: first recipient gets 250"
like "$OUT" '<- +250 2\.0\.0 Ok: queued' "mixed: the relay recipient's message is accepted"
d=$(sink_delivered "$f")
ok "mixed: delivered" test -n "$d"
[ -n "$d" ] && is "$(grep -c '^rcpt ' "${d%.eml}.env")" 1 "mixed: delivered to one recipient only"
f=$(mkmsg "$OTHER" "Hello" "Plain mail to a partner.")
send "$f" "$OTHER" "$RELAY"
like "$(reply_to "RCPT TO:<$RELAY>")" '^<\*\* +452 4\.5\.3 ' "mixed, non-relay first: relay recipient gets 452 4.5.3"

# 5. quarantine: the hold queue
held_before=$(pf_hold_count)
f=$(mkmsg "$RELAY" "[hold-me] Order 302-1234567-1234567" "Order 302-1234567-1234567, please check.")
send "$f" "$RELAY"
is "$RC" 0 "quarantine: accepted by SMTP (250)"
for i in $(seq 50); do [ "$(pf_hold_count)" -gt "$held_before" ] && break; sleep 0.1; done
is "$(pf_hold_count)" "$((held_before + 1))" "quarantine: one more message in the hold queue"
like "$(pf_queue)" '^[0-9A-F]+!' "quarantine: postqueue -p marks it held (!)"

# 6. tag: the X-Amzmilter headers on delivered mail
f=$(mkmsg "$RELAY" "Order 302-1234567-1234567" "Return here: http://www.amazon.com/gp/css/returns")
send "$f" "$RELAY"
is "$RC" 0 "tag: accepted"
d=$(sink_delivered "$f")
ok "tag: delivered" test -n "$d"
if [ -n "$d" ]; then
	ok "tag: X-Amzmilter-Verdict added" grep -qi '^X-Amzmilter-Verdict:' "$d"
	ok "tag: X-Amzmilter-Rules names LINK_NOT_HTTPS" grep -qiE '^X-Amzmilter-Rules:.*LINK_NOT_HTTPS' "$d"
fi

# 7. forged X-Amzmilter-* headers are removed
f=$(mkmsg "$RELAY" "Order 302-1234567-1234567" "Unfortunately the delivery of order 302-1234567-1234567 is delayed by two days." \
	'X-Amzmilter-Verdict: forged-accept\nX-Amzmilter-Rules: FORGED_RULE\n')
send "$f" "$RELAY"
d=$(sink_delivered "$f")
ok "forged: delivered" test -n "$d"
if [ -n "$d" ]; then
	ok "forged: X-Amzmilter-Verdict value removed" bash -c "! grep -q 'forged-accept' '$d'"
	ok "forged: X-Amzmilter-Rules value removed" bash -c "! grep -q 'FORGED_RULE' '$d'"
fi

# 8. oversize: 552 5.3.4
big=$T/big.eml
{
	printf 'From: %s\nTo: %s\nSubject: Order 302-1234567-1234567 catalogue\nMessage-ID: <big.%d@contoso-outdoor.example>\n\n' "$FROM" "$RELAY" "$$"
	for i in $(seq 1500); do echo "Order 302-1234567-1234567 line $i of a long catalogue, padding padding"; done
} >"$big"
send "$big" "$RELAY"
is "$RC" 26 "oversize: not accepted after DATA"
like "$OUT" '<\*\* +552[- ]5\.3\.4' "oversize: 552 5.3.4"

# 9. reload (milter_hup): a new local rule takes effect
f=$(mkmsg "$RELAY" "[reload-me] Order 302-1234567-1234567" "Order 302-1234567-1234567.")
send "$f" "$RELAY"
is "$RC" 0 "reload: before the new rule the message is accepted"
cat >"$T/milter/local.d/reload.rules" <<'EOF'
rule TEST_RELOAD
  describe "Rejected by a rule added at run time (test rule)."
  match subject =~ /\[reload-me\]/
  action reject
EOF
mark=$(milter_log_size)
milter_hup
for i in $(seq 50); do
	f=$(mkmsg "$RELAY" "[reload-me] Order 302-1234567-1234567" "Order 302-1234567-1234567.")
	send "$f" "$RELAY"
	[ "$RC" = 26 ] && break
	sleep 0.2
done
is "$RC" 26 "reload: after the reload signal the new rule rejects"
like "$OUT" 'TEST_RELOAD' "reload: the reply names TEST_RELOAD"

# 10. a broken rule file + reload keeps the last good ruleset
printf 'rule BROKEN_RULE\n  match subjekt =~ /x/\n  action reject\n' >"$T/milter/local.d/zz-broken.rules"
mark=$(milter_log_size)
milter_hup
ok "broken rules: the daemon logs file:line of the error" \
	milter_wait_log "$mark" 'zz-broken\.rules:[0-9]+' 10
ok "broken rules: daemon still running" kill -0 "$MILTER_PID"
f=$(mkmsg "$RELAY" "[reload-me] Order 302-1234567-1234567" "Order 302-1234567-1234567.")
send "$f" "$RELAY"
is "$RC" 26 "broken rules: the old ruleset still rejects [reload-me]"
like "$OUT" 'TEST_RELOAD' "broken rules: ... naming TEST_RELOAD"
f=$(mkmsg "$RELAY" "Order 302-1234567-1234567" "Unfortunately the delivery of order 302-1234567-1234567 is delayed by two days.")
send "$f" "$RELAY"
is "$RC" 0 "broken rules: compliant mail still accepted"
rm -f "$T/milter/local.d/zz-broken.rules"

# 11. a dead milter: Postfix tempfails (milter_default_action = tempfail)
milter_kill
f=$(mkmsg "$RELAY" "Order 302-1234567-1234567" "Unfortunately the delivery of order 302-1234567-1234567 is delayed by two days.")
send "$f" "$RELAY"
like "$OUT" '<\*\* +451 4\.7\.1 ' "dead milter: 451 4.7.1"
ok "dead milter: swaks reports failure" test "$RC" -ne 0

ok "maillog was written" test -s "$(pf_log)"
