#!/usr/bin/env bash
# t-policy.sh - the failure policy per class through the real milter
# protocol: for each policy the daemon's answer (status and SMTP reply) is
# the one the policy names, and the reply code agrees with the status
# (tempfail -> 4xx, reject -> 5xx).  Classes that a client can provoke:
# limit (too many MIME parts) and spool (the spool directory vanished).
source "$(dirname "$0")/lib.sh"
source "$TOP/tests/mta/milter.sh"
cd "$TOP"
T=$(mktemp -d /tmp/amz-policy.XXXXXX)
trap 'milter_stop; rm -rf "$T"' EXIT

if ! command -v miltertest >/dev/null; then
	skip "failure policy through the protocol" "miltertest missing"
	exit 0
fi

RCPT=abcdefghijklmno@marketplace.amazon.com
# A compliant message with six parts (over 1 KB, so it spills to the spool):
# only the parts limit can object.
{
	printf 'From: seller@example.com\nTo: %s\nSubject: Order 112-4455667-8899001: your invoice\n' "$RCPT"
	printf 'MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary="b"\n\n'
	for i in 1 2 3 4 5 6; do
		printf -- '--b\nContent-Type: text/plain\n\nThe delivery of order 112-4455667-8899001 is delayed by %s days.\n' "$i"
		printf 'We are sorry for the wait; the carrier expects to deliver it early next week.\n%.0s' 1 2 3
	done
	printf -- '--b--\n'
} >"$T/parts.eml"

milter_conf "$T/m" "max_mime_parts=3" "on_limit=tempfail" "memory_buffer=1k"
milter_start "$T/m" || { ok "amzmilter starts" false; exit 0; }

# set_policy KEY VALUE - rewrite one key and reload
set_policy() {
	sed -i "/^$1 = /d" "$T/m/amzmilter.conf"
	echo "$1 = $2" >>"$T/m/amzmilter.conf"
	local mark
	mark=$(milter_log_size)
	milter_hup
	milter_wait_log "$mark" "reloaded" 10
}

# run_plan EXPECT [REPLY] - one transaction of parts.eml; prints RESULT line
run_plan() {
	{
		echo "message policy"
		echo "eml $T/parts.eml"
		echo "from seller@example.com"
		echo "rcpt $RCPT"
		echo "expect $1"
		[ -n "${2:-}" ] && echo "reply $2"
		echo "end"
	} >"$T/plan"
	MT_SOCKET=$MILTER_SPEC MT_PLAN=$T/plan miltertest -s tests/miltertest/message.lua 2>&1 | grep '^RESULT'
}

for policy in tempfail reject quarantine accept; do
	set_policy on_limit "$policy"
	# The checker, on the same config, says what the daemon must answer.
	json=$("$BUILD/amzmilter-check" -c "$T/m/amzmilter.conf" --json --rcpt "$RCPT" "$T/parts.eml")
	action=$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["action"])' "$json")
	reply=$(python3 -c 'import json,sys; r=json.loads(sys.argv[1])["reply"]; print("" if r is None else r.replace("\n", "\\r\\n"))' "$json")
	is "$action" "$policy" "on_limit = $policy: the verdict is $policy"
	like "$json" '"rule":"AMZ_LIMIT"' "on_limit = $policy: the AMZ_LIMIT hit names the limit"
	case $policy in
	tempfail) like "$reply" '^451[- ]4\.' "on_limit = tempfail: the reply is 4xx" ;;
	reject) like "$reply" '^5[0-9][0-9][- ]5\.' "on_limit = reject: the reply is 5xx" ;;
	*) is "$reply" "" "on_limit = $policy: no error reply" ;;
	esac
	like "$(run_plan "$policy" "$reply")" "^RESULT ok" "on_limit = $policy: the daemon answers the same over the protocol"
done

# Spool: memory_buffer is 1k, so the message spills; without a spool
# directory the spill fails and on_spool_error decides.
set_policy on_limit tempfail
set_policy max_mime_parts 500
for policy in tempfail reject; do
	set_policy on_spool_error "$policy"
	mv "$T/m/spool" "$T/m/spool.away"
	mark=$(milter_log_size)
	like "$(run_plan "$policy")" "^RESULT ok" "on_spool_error = $policy: the daemon answers $policy"
	ok "on_spool_error = $policy: logged as AMZ_SPOOL_ERROR" \
		milter_wait_log "$mark" "verdict=$policy rules=AMZ_SPOOL_ERROR" 5
	mv "$T/m/spool.away" "$T/m/spool"
done
like "$(run_plan accept)" "^RESULT ok" "with its spool back the same message is accepted"
echo "1..$_tap_n"
