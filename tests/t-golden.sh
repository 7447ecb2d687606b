#!/usr/bin/env bash
# tests/t-golden.sh - the golden corpus: every tests/golden/NAME.eml with its
# NAME.expect ("action A", "rules ID...", optional "rcpt ADDR", "from ADDR")
# through build/amzmilter-check --json, then through the running daemon over
# the milter protocol (miltertest) with the body cut whole, one byte at a
# time and in random sizes; the daemon must answer what the checker answers
# and log what tests/digests/golden-log.txt holds.
. "$(dirname "$0")/lib.sh"
. "$TOP/tests/mta/milter.sh"

GOLDEN=$TOP/tests/golden
DEFAULT_RCPT=8xk2m4q7z1v9c3b@marketplace.amazon.com
DEFAULT_FROM=support@contoso-outdoor.example

if [ ! -x "$BUILD/amzmilter-check" ]; then
	skip "golden corpus" "$BUILD/amzmilter-check is not built"
	exit 0
fi

T=$(mktemp -d /tmp/amz-golden.XXXXXX)
cleanup() {
	milter_stop
	rm -rf "$T"
}
trap cleanup EXIT
milter_conf "$T"

# expect_get FILE KEY - the value of KEY in an .expect file
expect_get() {
	sed -n "s/^$2 *//p" "$1" | head -1
}

# is_relay ADDR - does ADDR match relay_domains of the test configuration?
is_relay() {
	python3 - "$1" "$T/amzmilter.conf" <<'EOF'
import re, sys
addr, conf = sys.argv[1], sys.argv[2]
pat = None
for line in open(conf):
    if line.startswith("relay_domains"):
        pat = line.split("=", 1)[1].strip()
domain = addr.rsplit("@", 1)[-1]
sys.exit(0 if pat and re.search(pat, domain, re.I) else 1)
EOF
}

# Part 1: the offline checker.
names=()
declare -A want_action want_rules got_reply rcpt_of from_of
for eml in "$GOLDEN"/*.eml; do
	name=$(basename "$eml" .eml)
	exp=$GOLDEN/$name.expect
	if [ ! -f "$exp" ]; then
		is "missing" "present" "$name: has an .expect file"
		continue
	fi
	names+=("$name")
	want_action[$name]=$(expect_get "$exp" action)
	want_rules[$name]=$(expect_get "$exp" rules | tr ' ' '\n' | grep . | sort -u | tr '\n' ' ' | sed 's/ $//')
	rcpt_of[$name]=$(expect_get "$exp" rcpt)
	from_of[$name]=$(expect_get "$exp" from)
	: "${rcpt_of[$name]:=$DEFAULT_RCPT}" "${from_of[$name]:=$DEFAULT_FROM}"

	json=$("$BUILD/amzmilter-check" -c "$T/amzmilter.conf" --json \
		--from "${from_of[$name]}" --rcpt "${rcpt_of[$name]}" "$eml" 2>"$T/check.err")
	rc=$?
	parsed=$(printf '%s\n' "$json" | python3 -c '
import json, sys
lines = [l for l in sys.stdin.read().splitlines() if l.strip()]
if len(lines) != 1:
    print("error\n\n"); sys.exit(0)
o = json.loads(lines[0])
rules = sorted({h["rule"] for h in o.get("hits", [])})
print(o.get("action", ""))
print(" ".join(rules))
print(json.dumps(o.get("reply")))
' 2>"$T/parse.err") || parsed=$'error\n\nnull'
	action=$(sed -n 1p <<<"$parsed")
	rules=$(sed -n 2p <<<"$parsed")
	reply_json=$(sed -n 3p <<<"$parsed")
	is "$action" "${want_action[$name]}" "checker: $name: action"
	is "$rules" "${want_rules[$name]}" "checker: $name: rules"
	case ${want_action[$name]} in
	accept|tag) want_rc=0 ;;
	*) want_rc=1 ;;
	esac
	is "$rc" "$want_rc" "checker: $name: exit status"
	[ "$action" = error ] && diag "checker output: $json $(head -c 300 "$T/check.err")"
	got_reply[$name]=$(python3 -c 'import json,sys; r=json.loads(sys.argv[1]); print(r if r else "")' "$reply_json")
	if [ "${want_action[$name]}" = reject ]; then
		like "${got_reply[$name]}" '^550[ -]5\.7\.1 ' "checker: $name: reply is 550 5.7.1"
		for id in ${want_rules[$name]}; do
			like "${got_reply[$name]}" "$id" "checker: $name: reply names $id"
		done
	fi
done

# Part 2: the same messages through the daemon, one connection per chunk mode.
if [ ! -x "$BUILD/amzmilter" ] || ! command -v miltertest >/dev/null; then
	skip "golden corpus through the milter protocol" "amzmilter or miltertest missing"
	exit 0
fi
if ! milter_start "$T"; then
	is "not running" "running" "amzmilter starts"
	exit 0
fi

# milter_reply TEXT - the reply as libmilter sends it: CRLF between lines
milter_reply() {
	printf '%s' "$1" | python3 -c '
import sys
t = sys.stdin.read()
lines = [l for l in t.replace("\r\n", "\n").split("\n") if l != ""]
sys.stdout.write("\\r\\n".join(lines))'
}

for mode in whole byte "random 1" "random 4242"; do
	plan=$T/plan.$$
	: >"$plan"
	for name in "${names[@]}"; do
		{
			echo "message $name [$mode]"
			echo "eml $GOLDEN/$name.eml"
			echo "from ${from_of[$name]}"
			echo "rcpt ${rcpt_of[$name]}"
			echo "chunk $mode"
			if ! is_relay "${rcpt_of[$name]}"; then
				echo "data accept"
			else
				echo "expect ${want_action[$name]}"
				[ -n "${want_rules[$name]}" ] && echo "rules ${want_rules[$name]}"
				if [ -n "${got_reply[$name]}" ]; then
					echo "reply $(milter_reply "${got_reply[$name]}")"
				fi
			fi
			echo "end"
		} >>"$plan"
	done
	out=$(MT_SOCKET=$MILTER_SPEC MT_PLAN=$plan miltertest -s "$TOP/tests/miltertest/message.lua" 2>&1)
	n=0
	while IFS= read -r line; do
		case $line in
		"RESULT ok "*) n=$((n + 1)); ok "milter: ${line#RESULT ok }" true ;;
		"RESULT fail "*) n=$((n + 1)); ok "milter: ${line#RESULT fail }" false ;;
		esac
	done <<<"$out"
	is "$n" "${#names[@]}" "milter [$mode]: every message got a result on one connection"
	[ "$n" = "${#names[@]}" ] || diag "miltertest: $(printf '%s' "$out" | tail -n 5)"
done

ok "daemon still running after the corpus" kill -0 "$MILTER_PID"

# Part 3: the daemon's log lines for these messages, pinned.  Timings, queue
# IDs and the start-up lines are taken out; what is left must equal
# tests/digests/golden-log.txt (AMZ_DIGESTS_WRITE=1, as `make digests`
# does, writes it instead).
sleep 0.3
norm=$(sed -e '1,/ starting amzmilter /d' -e '/: SIGUSR1 reloads, SIGHUP stops$/d' \
	-e 's/\bMT[0-9A-Z]*Q\b/QID/g' -e 's/ ms=[0-9.]*/ ms=N/g' "$MILTER_DIR/milter.log")
if [ "${AMZ_DIGESTS_WRITE:-0}" = 1 ]; then
	printf '%s\n' "$norm" >"$TOP/tests/digests/golden-log.txt"
fi
want=$(cat "$TOP/tests/digests/golden-log.txt" 2>/dev/null)
if [ "$norm" = "$want" ]; then
	ok "milter: the log lines for the golden messages are the pinned ones ($(wc -l <<<"$norm") lines)" true
else
	ok "milter: the log lines for the golden messages are the pinned ones" false
	diff <(printf '%s\n' "$want") <(printf '%s\n' "$norm") | head -20 | sed 's/^/#   /'
fi
