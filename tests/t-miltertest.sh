#!/usr/bin/env bash
# tests/t-miltertest.sh - protocol tests: the real daemon on a unix socket,
# driven by miltertest (tests/miltertest/message.lua) as an MTA would.
# Rejects with the rule IDs in a multi-line 550, accepts, local rules that
# quarantine / tag / tempfail / discard, several messages on one connection,
# a non-relay transaction accepted at DATA, mixed recipients split at RCPT,
# forged X-Amzmilter-* headers removed, the size limit.
. "$(dirname "$0")/lib.sh"
. "$TOP/tests/mta/milter.sh"

if [ ! -x "$BUILD/amzmilter" ] || [ ! -x "$BUILD/amzmilter-check" ]; then
	skip "miltertest protocol tests" "amzmilter / amzmilter-check not built"
	exit 0
fi
if ! command -v miltertest >/dev/null; then
	skip "miltertest protocol tests" "miltertest is not installed"
	exit 0
fi

T=$(mktemp -d /tmp/amz-mt.XXXXXX)
cleanup() {
	milter_stop
	rm -rf "$T"
}
trap cleanup EXIT
G=$TOP/tests/golden
RELAY=8xk2m4q7z1v9c3b@marketplace.amazon.com
OTHER=partner@fabrikam.example
LUA=$TOP/tests/miltertest/message.lua

milter_conf "$T" max_message_size=64k
cat >"$T/local.d/test.rules" <<'EOF'
rule TEST_QUARANTINE
  describe "Held for review (test rule)."
  match subject =~ /\[hold-me\]/
  action quarantine

rule TEST_TEMPFAIL
  describe "Try again later (test rule)."
  match subject =~ /\[tempfail-me\]/
  action tempfail

rule TEST_DISCARD
  describe "Dropped (test rule)."
  match subject =~ /\[discard-me\]/
  action discard

override LINK_NOT_HTTPS
  action tag
EOF

if ! "$BUILD/amzmilter" -n -c "$T/amzmilter.conf" >"$T/n.out" 2>&1; then
	is "$(cat "$T/n.out")" "" "test configuration and local rules are valid (amzmilter -n)"
	exit 0
fi
if ! milter_start "$T"; then
	is "not running" "running" "amzmilter starts"
	exit 0
fi

# msg FILE SUBJECT BODY - write a small relay message
msg() {
	printf 'From: Contoso Outdoor <support@contoso-outdoor.example>\nTo: %s\nSubject: %s\nDate: Tue, 03 Jun 2025 10:15:00 +0200\nMessage-ID: <%s@contoso-outdoor.example>\nMIME-Version: 1.0\nContent-Type: text/plain; charset=us-ascii\n\n%s\n' \
		"$RELAY" "$2" "$(basename "$1" .eml)" "$3" >"$1"
}

# reply_of FILE [RCPT] - the checker's reply, lines joined by a literal \r\n
reply_of() {
	"$BUILD/amzmilter-check" -c "$T/amzmilter.conf" --json --rcpt "${2:-$RELAY}" "$1" 2>/dev/null |
		python3 -c '
import json, sys
o = json.loads(sys.stdin.readline())
r = o.get("reply") or ""
print("\\r\\n".join(l for l in r.replace("\r\n", "\n").split("\n") if l))'
}

# mt_run DESCRIPTION PLAN - run a plan on one connection; one TAP line per
# transaction, plus one for the number of results
mt_run() {
	local desc=$1 plan=$2 out want n=0 line
	want=$(grep -c '^message ' "$plan")
	out=$(MT_SOCKET=$MILTER_SPEC MT_PLAN=$plan miltertest -s "$LUA" 2>&1)
	while IFS= read -r line; do
		case $line in
		"RESULT ok "*) n=$((n + 1)); ok "$desc: ${line#RESULT ok }" true ;;
		"RESULT fail "*) n=$((n + 1)); ok "$desc: ${line#RESULT fail }" false ;;
		esac
	done <<<"$out"
	is "$n" "$want" "$desc: all $want transaction(s) ran"
	[ "$n" = "$want" ] || diag "miltertest said: $(printf '%s' "$out" | tail -n 5)"
}

msg "$T/compliant.eml" "Your order 302-1234567-1234567" "Unfortunately the delivery of order 302-1234567-1234567 is delayed by two days."
msg "$T/noorder.eml" "Your delivery address" "Could you please confirm your delivery address?"
msg "$T/hold.eml" "[hold-me] Order 302-1234567-1234567" "Order 302-1234567-1234567, please check."
msg "$T/tempfail.eml" "[tempfail-me] Order 302-1234567-1234567" "Order 302-1234567-1234567."
msg "$T/discard.eml" "[discard-me] Order 302-1234567-1234567" "Order 302-1234567-1234567."
msg "$T/http.eml" "Order 302-1234567-1234567" "Order 302-1234567-1234567: http://www.amazon.com/gp/css/returns"
{
	printf 'X-Amzmilter-Verdict: accept\nX-Amzmilter-Rules: none\n'
	cat "$T/compliant.eml"
} >"$T/forged.eml"
# a message over max_message_size (64k)
{
	printf 'From: support@contoso-outdoor.example\nTo: %s\nSubject: Order 302-1234567-1234567 catalogue\n\n' "$RELAY"
	for i in $(seq 1500); do echo "Order 302-1234567-1234567 line $i of a long catalogue text padding padding"; done
} >"$T/big.eml"

noorder_reply=$(reply_of "$T/noorder.eml")
like "$noorder_reply" '^550-5\.7\.1 .*\\r\\n550[ -]5\.7\.1 .*ORDER_ID_MISSING' \
	"checker reply for a message without order id is a multi-line 550 5.7.1 naming ORDER_ID_MISSING"
many_reply=$(reply_of "$G/many-violations.eml")

# 1. reject: exact multi-line reply naming the rule
cat >"$T/p1" <<EOF
message reject without order id
eml $T/noorder.eml
from support@contoso-outdoor.example
rcpt $RELAY
expect reject
code 550 5.7.1
rules ORDER_ID_MISSING
reply $noorder_reply
end
EOF
mt_run "reject" "$T/p1"

# 2. several transactions on one connection, verdicts must not leak
cat >"$T/p2" <<EOF
message 1 compliant
eml $T/compliant.eml
rcpt $RELAY
expect accept
end
message 2 three violations (LINK_NOT_HTTPS only tags here)
eml $G/many-violations.eml
rcpt $RELAY
expect reject
rules LINK_HOST_NOT_ALLOWED ORDER_ID_MISSING
reply $many_reply
end
message 3 compliant after a reject
eml $T/compliant.eml
rcpt $RELAY
chunk byte
expect accept
end
message 4 non-relay accepted at DATA
eml $G/many-violations.eml
rcpt $OTHER
data accept
end
message 5 relay reject after a non-relay transaction
eml $T/noorder.eml
rcpt $RELAY
chunk random 7
expect reject
rules ORDER_ID_MISSING
reply $noorder_reply
end
message 6 compliant, two relay recipients
eml $T/compliant.eml
rcpt $RELAY
rcpt other-buyer@marketplace.amazon.de
expect accept
end
EOF
mt_run "one connection" "$T/p2"

# 3. mixed recipients: the second kind gets a reply at RCPT
cat >"$T/p3" <<EOF
message relay first, then non-relay refused at RCPT
eml $T/noorder.eml
rcpt $RELAY
rcpt $OTHER tempfail 452 4.5.3
expect reject
rules ORDER_ID_MISSING
reply $noorder_reply
end
message non-relay first, then relay refused at RCPT, accepted at DATA
eml $T/noorder.eml
rcpt $OTHER
rcpt $RELAY tempfail 452 4.5.3
data accept
end
EOF
mt_run "mixed recipients" "$T/p3"

# 4. local rules: quarantine, tag (override), tempfail, discard
tempfail_reply=$(reply_of "$T/tempfail.eml")
cat >"$T/p4" <<EOF
message quarantine
eml $T/hold.eml
rcpt $RELAY
expect quarantine
end
message tag via override
eml $T/http.eml
rcpt $RELAY
expect tag
rules LINK_NOT_HTTPS
end
message tempfail
eml $T/tempfail.eml
rcpt $RELAY
expect tempfail
$( [ -n "$tempfail_reply" ] && echo "reply $tempfail_reply")
end
message discard
eml $T/discard.eml
rcpt $RELAY
expect discard
end
EOF
mt_run "local rules" "$T/p4"
like "$tempfail_reply" '^4[0-9][0-9]' "checker: tempfail rule gives a 4xx reply"

# 5. forged verdict headers are removed from a relay message
cat >"$T/p5" <<EOF
message forged X-Amzmilter headers removed
eml $T/forged.eml
rcpt $RELAY
expect accept
deleted X-Amzmilter-Verdict
deleted X-Amzmilter-Rules
end
EOF
mt_run "forged headers" "$T/p5"

# 6. size limit: 552 (at body or end of message), then the connection still works
cat >"$T/p6" <<EOF
message over max_message_size
eml $T/big.eml
rcpt $RELAY
expect reject
code 552 5.3.4
end
message compliant after the oversize one
eml $T/compliant.eml
rcpt $RELAY
expect accept
end
EOF
mt_run "size limit" "$T/p6"

# 7. single message through the environment interface, 1-byte chunks
out=$(MT_SOCKET=$MILTER_SPEC MT_EML=$T/noorder.eml MT_RCPTS="$RELAY" MT_CHUNK=byte \
	MT_EXPECT=reject MT_RULES=ORDER_ID_MISSING MT_REPLY="$(printf '%b' "$noorder_reply")" \
	MT_LABEL=env miltertest -s "$LUA" 2>&1)
is "$out" "RESULT ok env" "environment interface: reject in 1-byte chunks"
# and a check that can fail: the wrong expectation is reported
out=$(MT_SOCKET=$MILTER_SPEC MT_EML=$T/noorder.eml MT_RCPTS="$RELAY" MT_EXPECT=accept \
	MT_LABEL=wrong miltertest -s "$LUA" 2>&1)
like "$out" '^RESULT fail wrong: ' "a wrong expectation is reported as a failure"
# the class, code and enhanced status of a reply are checked: a 550 5.7.1
# is not a tempfail, nor a 551, nor a 5.7.2
for e in "tempfail|" "reject|551" "reject|550 5.7.2"; do
	out=$(MT_SOCKET=$MILTER_SPEC MT_EML=$T/noorder.eml MT_RCPTS="$RELAY" MT_EXPECT=${e%%|*} \
		MT_CODE="${e#*|}" MT_LABEL=code miltertest -s "$LUA" 2>&1)
	like "$out" '^RESULT fail code: .*550 5\.7\.1' "a 550 5.7.1 reject checked as ${e%%|*} ${e#*|} is reported as a failure"
done
# and a recipient's: the 452 4.5.3 of a mixed transaction is not a 450
out=$(MT_SOCKET=$MILTER_SPEC MT_EML=$T/noorder.eml MT_RCPTS="$RELAY $OTHER=tempfail:450" MT_EXPECT=reject \
	MT_LABEL=rcpt miltertest -s "$LUA" 2>&1)
like "$out" '^RESULT fail rcpt: RCPT .*452 4\.5\.3' "a 452 at RCPT checked as 450 is reported as a failure"

ok "daemon still running" kill -0 "$MILTER_PID"
