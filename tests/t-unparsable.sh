#!/usr/bin/env bash
# tests/t-unparsable.sh - a message with nothing to parse, end to end through
# build/amzmilter-check (pipeline_extract's failure path): an empty file or
# empty standard input is never passed unchecked; it gets the AMZ_UNPARSABLE
# verdict that on_parse_error (else on_error) names: tempfail with a 4xx
# reply by default, reject with a 5xx, quarantine, or accept.  Input that is
# only NUL bytes or only blanks is parsable and checked like any message.
# Uses a copy of the shipped conf/amzmilter.conf with absolute paths.
. "$(dirname "$0")/lib.sh"

if [ ! -x "$BUILD/amzmilter-check" ]; then
	skip "unparsable input" "$BUILD/amzmilter-check is not built"
	exit 0
fi

T=$(mktemp -d /tmp/amz-unparsable.XXXXXX)
trap 'rm -rf "$T"' EXIT
RCPT=8xk2m4q7z1v9c3b@marketplace.amazon.com

# conf NAME [KEY=VALUE...] - $T/NAME.conf: the shipped configuration with
# its relative paths made absolute, KEY=VALUE lines appended (later keys win)
conf() {
	local name=$1 kv
	shift
	sed -E "s#^([a-z_]+ *= *)\.\./#\1$TOP/#" "$TOP/conf/amzmilter.conf" >"$T/$name.conf"
	for kv in "$@"; do echo "${kv%%=*} = ${kv#*=}" >>"$T/$name.conf"; done
}

# check CONF FILE... - run the checker with --json; sets rc and out
check() {
	local c=$1
	shift
	out=$("$BUILD/amzmilter-check" -c "$T/$c.conf" --json --rcpt "$RCPT" "$@" 2>"$T/err")
	rc=$?
}

# field N JSON-LINE - one summary field of a verdict line: 1 action,
# 2 the rules that hit (sorted, space-separated), 3 the hit actions
# ("RULE=ACTION ..."), 4 the reply or "-"
field() {
	python3 -c '
import json, sys
try:
    o = json.loads(sys.argv[2])
except ValueError:
    print("not JSON"); sys.exit(0)
n = int(sys.argv[1])
hits = o.get("hits", [])
print([o.get("action"),
       " ".join(sorted(h["rule"] for h in hits)),
       " ".join("%s=%s" % (h["rule"], h["action"]) for h in hits),
       o.get("reply") if o.get("reply") is not None else "-"][n - 1])' "$1" "$2"
}

conf default
: >"$T/empty.eml"
head -c 4096 /dev/zero >"$T/nul.eml"
printf ' \n\t\n\n   \r\n\n' >"$T/blank.eml"
printf 'From: Contoso Outdoor <support@contoso-outdoor.example>\nTo: %s\nSubject: Your order 302-1234567-1234567\n\nThe delivery of order 302-1234567-1234567 is delayed by two days.\n' \
	"$RCPT" >"$T/compliant.eml"

# 1. the shipped configuration: tempfail, 4xx, exit 1
check default "$T/empty.eml"
is "$rc" 1 "empty file: exit status 1 (not accepted)"
is "$(printf '%s\n' "$out" | grep -c .)" 1 "empty file: one JSON line"
is "$(field 1 "$out")" tempfail "empty file: action tempfail"
is "$(field 3 "$out")" "AMZ_UNPARSABLE=tempfail" "empty file: the one hit is AMZ_UNPARSABLE, tempfail"
like "$(field 4 "$out")" '^4[0-9][0-9] 4\.[0-9]+\.[0-9]+ ' "empty file: the reply is a 4xx with a 4.x.x status"
is "$(head -c 300 "$T/err")" "" "empty file: nothing on standard error"

out=$("$BUILD/amzmilter-check" -c "$T/default.conf" --json --rcpt "$RCPT" - </dev/null 2>/dev/null)
rc=$?
is "$rc" 1 "empty standard input: exit status 1"
is "$(field 1 "$out") $(field 2 "$out")" "tempfail AMZ_UNPARSABLE" "empty standard input: tempfail AMZ_UNPARSABLE"

out=$("$BUILD/amzmilter-check" -c "$T/default.conf" --rcpt "$RCPT" "$T/empty.eml" 2>/dev/null)
rc=$?
is "$rc" 1 "empty file, human output: exit status 1"
like "$out" 'empty\.eml: tempfail' "empty file, human output: names the verdict"
like "$out" 'AMZ_UNPARSABLE \[tempfail\]' "empty file, human output: names AMZ_UNPARSABLE"

# the failure does not leak into the next message of the same run
check default "$T/empty.eml" "$T/compliant.eml"
is "$rc" 1 "empty + compliant file: exit status 1 (the worst)"
is "$(printf '%s\n' "$out" | sed -n 1p | python3 -c 'import json,sys; print(json.load(sys.stdin)["action"])' 2>&1)" \
	tempfail "empty + compliant file: the empty one is tempfailed"
second=$(printf '%s\n' "$out" | sed -n 2p)
is "$(field 1 "$second") $(field 2 "$second")" "accept " "empty + compliant file: the compliant one after it is accepted, no hits"

# 2. input that parses: checked like any other message, never AMZ_UNPARSABLE
for f in nul blank; do
	check default "$T/$f.eml"
	rules=$(field 2 "$out")
	like " $rules " ' ORDER_ID_MISSING ' "$f.eml: parsed and checked (ORDER_ID_MISSING)"
	ok "$f.eml: not AMZ_UNPARSABLE" test "${rules/AMZ_UNPARSABLE/}" = "$rules"
	is "$rc" 1 "$f.eml: exit status 1"
done

# 3. the policy: on_parse_error, else on_error
policy() {
	local name=$1 want=$2 want_rc=$3 reply_re=$4
	shift 4
	conf "$name" "$@"
	check "$name" "$T/empty.eml"
	is "$(field 1 "$out")" "$want" "$*: empty file is $want"
	is "$(field 3 "$out")" "AMZ_UNPARSABLE=$want" "$*: the one hit is AMZ_UNPARSABLE, $want"
	is "$rc" "$want_rc" "$*: exit status $want_rc"
	like "$(field 4 "$out")" "$reply_re" "$*: reply"
}
policy reject reject 1 '^5[0-9][0-9] 5\.[0-9]+\.[0-9]+ ' on_parse_error=reject
policy quarantine quarantine 1 '^-$' on_parse_error=quarantine
policy accept accept 0 '^-$' on_parse_error=accept
policy tempfail tempfail 1 '^4[0-9][0-9] 4\.[0-9]+\.[0-9]+ ' on_error=reject on_parse_error=tempfail
policy onerror reject 1 '^5[0-9][0-9] 5\.[0-9]+\.[0-9]+ ' on_error=reject

# a compliant message is not touched by a strict parse policy
check reject "$T/compliant.eml"
is "$(field 1 "$out") $(field 2 "$out") $rc" "accept  0" "on_parse_error=reject: a compliant message is still accepted"

echo "1..$_tap_n"
