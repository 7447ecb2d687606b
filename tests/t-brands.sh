#!/usr/bin/env bash
# tests/t-brands.sh - bypass and brands through the real daemon, driven by
# miltertest: a bypassed client network and SASL login accepted unchecked,
# logged, and passed by the second hop on their token (bypass.lua); amzmilter
# -n warning (not failing) for a bypass network that covers loopback, with
# and without second_hop, and failing with file:line on bad brand files; a
# brand in monitor mode letting a violation through with would=reject; a
# brand's override disabling a rule for its mail only; an unapproved sender
# of a brand rejected.
. "$(dirname "$0")/lib.sh"
. "$TOP/tests/mta/milter.sh"

if [ ! -x "$BUILD/amzmilter" ] || ! command -v miltertest >/dev/null; then
	skip "bypass and brands" "amzmilter not built or miltertest not installed"
	exit 0
fi
T=$(mktemp -d /tmp/amz-brands.XXXXXX)
cleanup() {
	milter_stop
	rm -rf "$T"
}
trap cleanup EXIT
RELAY=8xk2m4q7z1v9c3b@marketplace.amazon.com
LUA=$TOP/tests/miltertest/message.lua

# ---- amzmilter -n: warnings and errors ----
mkdir -p "$T/n"
printf 'rules = %s\nspool = %s\nbypass_networks = 192.0.2.0/24, 127.0.0.0/8\n' "$TOP/rules" "$T/n" >"$T/n/a.conf"
out=$("$BUILD/amzmilter" -n -c "$T/n/a.conf" 2>&1); rc=$?
is "$rc" 0 "-n: a bypass network that covers loopback is a warning, not an error"
like "$out" "a.conf: warning: bypass_networks: 127.0.0.0/8 covers loopback \(127.0.0.1\).*second hop, 127.0.0.1:10027.*second_hop unset" \
	"-n warns that loopback is where the second hop's mail comes from (second_hop unset)"
printf 'second_hop = amzmilter-hop\n' >>"$T/n/a.conf"
out=$("$BUILD/amzmilter" -n -c "$T/n/a.conf" 2>&1)
like "$out" "warning: bypass_networks: 127.0.0.0/8 covers loopback.*127.0.0.1:10026.*smtpd_milter_maps" \
	"-n warns about local SMTP submission and smtpd_milter_maps with second_hop set"
printf 'rules = %s\nspool = %s\nbypass_networks = ::/0\n' "$TOP/rules" "$T/n" >"$T/n/b.conf"
like "$("$BUILD/amzmilter" -n -c "$T/n/b.conf" 2>&1)" "warning: bypass_networks: ::/0 covers loopback" "-n warns for an IPv6 network that covers loopback"
printf 'rules = %s\nspool = %s\nbypass_networks = 192.0.2.0/24, 2001:db8::/32\n' "$TOP/rules" "$T/n" >"$T/n/c.conf"
out=$("$BUILD/amzmilter" -n -c "$T/n/c.conf" 2>&1)
ok "-n: no warning for networks away from loopback" bash -c "! grep -q warning <<<'$out'"
like "$out" "bypass: mail from 192.0.2.0/24, 2001:db8::/32 is not checked" "-n lists what is bypassed"

mkdir -p "$T/n/brands.d"
printf 'rules = %s\nspool = %s\nbrands = brands.d\n' "$TOP/rules" "$T/n" >"$T/n/d.conf"
printf 'domains = acme.example\n\ndisable NO_SUCH_RULE\n' >"$T/n/brands.d/acme.conf"
printf 'domains = other.example, ACME.example\nsenderz = x@other.example\n' >"$T/n/brands.d/other.conf"
out=$("$BUILD/amzmilter" -n -c "$T/n/d.conf" 2>&1); rc=$?
is "$rc" 1 "-n fails on bad brand files"
like "$out" "brands.d/acme.conf:3:9: unknown rule \"NO_SUCH_RULE\"" "-n: an unknown rule in a brand file, at file:line:col"
like "$out" "brands.d/other.conf:1:26: domain acme.example is already brand acme's" "-n: a domain in two brands, at file:line:col"
like "$out" "brands.d/other.conf:2:1: unknown key \"senderz\" \(did you mean \"senders\"\?\)" "-n: an unknown key in a brand file, at file:line:col"

# ---- the daemon ----
milter_conf "$T" "bypass_networks=192.0.2.0/24" "bypass_logins=alice, helpdesk-*" \
	"second_hop=amzmilter-hop" "brands=$T/brands.d"
mkdir -p "$T/brands.d"
cat >"$T/brands.d/acme.conf" <<'EOF2'
# Acme: only these addresses may write; quoting the order is not required
domains = acme.example
senders = support@acme.example, *@help.acme.example

disable ORDER_ID_MISSING
EOF2
cat >"$T/brands.d/zeta.conf" <<'EOF2'
domains = zeta.example
mode = monitor
EOF2
if ! milter_start "$T"; then
	ok "amzmilter starts with bypass and brands" false
	exit 0
fi

# results WANT WHAT - one TAP line per "RESULT ok|fail" line of miltertest's
# $out, then that WANT cases ran
results() {
	local n=0 line
	while IFS= read -r line; do
		case $line in
		"RESULT ok "*) n=$((n + 1)); ok "${line#RESULT ok }" true ;;
		"RESULT fail "*) n=$((n + 1)); ok "${line#RESULT fail }" false ;;
		esac
	done <<<"$out"
	is "$n" "$1" "$2: all $1 cases ran"
	[ "$n" = "$1" ] || diag "miltertest said: $(printf '%s' "$out" | tail -n 5)"
}

# bypass over the protocol, two hops
out=$(MT_SOCKET=$MILTER_SPEC miltertest -s "$TOP/tests/miltertest/bypass.lua" 2>&1)
results 7 bypass.lua
log=$(cat "$T/milter.log")
like "$log" "verdict=accept bypass \(network 192.0.2.0/24\)" "a bypassed network is logged with the network"
like "$log" "verdict=accept bypass \(login helpdesk-\*\)" "a bypassed login is logged with the entry it matched"
like "$log" "verdict=accept checked-before=bypass \(second hop, verdict token\)" "the second hop logs the bypass token it took"

# brands
msg() {   # msg FILE FROM SUBJECT BODY
	printf 'From: %s\nTo: %s\nSubject: %s\nMessage-ID: <%s.%s@test>\n\n%s\n' "$2" "$RELAY" "$3" "$(basename "$1")" "$$" "$4" >"$1"
}
msg "$T/zeta.eml" "Zeta <orders@zeta.example>" "Your delivery" "Could you please confirm your delivery address?"
msg "$T/acme.eml" "Acme <support@acme.example>" "Your delivery" "Could you please confirm your delivery address?"
msg "$T/acme-bob.eml" "Bob <bob@acme.example>" "Your delivery" "Could you please confirm your delivery address?"
msg "$T/other.eml" "Shop <orders@shop.example>" "Your delivery" "Could you please confirm your delivery address?"
cat >"$T/plan" <<EOF2
message a brand in monitor mode lets a violation through
eml $T/zeta.eml
from orders@zeta.example
rcpt $RELAY
expect tag
end
message a brand's override disables ORDER_ID_MISSING for its mail
eml $T/acme.eml
from support@acme.example
rcpt $RELAY
expect accept
end
message an unapproved sender of a brand is rejected
eml $T/acme-bob.eml
from bob@acme.example
rcpt $RELAY
expect reject
rules BRAND_SENDER_NOT_APPROVED
end
message the same message from outside the brands is rejected (ORDER_ID_MISSING)
eml $T/other.eml
from orders@shop.example
rcpt $RELAY
expect reject
rules ORDER_ID_MISSING
end
EOF2
mark=$(stat -c %s "$T/milter.log")
out=$(MT_SOCKET=$MILTER_SPEC MT_PLAN=$T/plan miltertest -s "$LUA" 2>&1)
results 4 brands
log=$(milter_log_since "$mark")
like "$log" "from=<orders@zeta.example> .*verdict=accept would=reject rules=ORDER_ID_MISSING brand=zeta " "the log names the brand and what monitor mode would have done"
like "$log" "from=<support@acme.example> .*verdict=accept rules=- brand=acme " "the acme message is logged with its brand"
like "$log" "from=<bob@acme.example> .*verdict=reject rules=BRAND_SENDER_NOT_APPROVED brand=acme " "the unapproved sender is logged with its brand"
