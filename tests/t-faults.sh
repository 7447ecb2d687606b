#!/usr/bin/env bash
# tests/t-faults.sh - faults under load, through a private Postfix +
# amzmilter + sink (tests/soak/lib.sh), each with full accounting of every
# message (tests/soak/client.py):
#  1. kill -9 of the milter in the middle of a load, then a restart:
#     Postfix tempfails meanwhile (milter_default_action = tempfail), the
#     client retries 4xx, and afterwards nothing is lost and every
#     delivered relay message carries X-Amzmilter-Verdict (was checked);
#  2. SIGHUP every 100 ms during a load: no transaction fails;
#  3. a rule file broken in the middle of a load: the old ruleset keeps
#     working, the error is logged with file:line, -n reports it;
#  4. a full spool disk (a small tmpfs on the spool, memory_buffer 1k):
#     451, never loss; the same message goes through once there is room.
# FAULT_MESSAGES (default 1000) messages per load.
. "$(dirname "$0")/lib.sh"
. "$TOP/tests/soak/lib.sh"
N=${FAULT_MESSAGES:-1000}

for tool in postfix postconf python3 swaks; do
	command -v "$tool" >/dev/null || { skip "fault tests" "$tool is not installed"; exit 0; }
done
[ -x "$BUILD/amzmilter" ] || { skip "fault tests" "$BUILD/amzmilter is not built"; exit 0; }

T=$(mktemp -d /tmp/amz-faults.XXXXXX)
cleanup() {
	kill "${HUP_PID:-}" 2>/dev/null
	soak_teardown
	mountpoint -q "$T/milter/spool" 2>/dev/null && umount "$T/milter/spool"
	rm -rf "$T"
}
trap cleanup EXIT
if ! soak_setup "$T"; then
	ok "private Postfix, amzmilter and sink start" false
	exit 0
fi
soak_expect
diag "types and predicted verdicts:$SOAK_EXPECT"

# load_bg TAG [ARGS] - start a load in the background (LOAD_PID)
load_bg() {
	local tag=$1
	shift
	soak_send "$N" --tag "$tag" "$@" >"$T/send-$tag.out" 2>&1 &
	LOAD_PID=$!
}

# results_count AWK-COND - messages in results matching a condition on $2 (code) / $3 (tries)
results_count() {
	awk "$1" "$T/results" | wc -l
}

# 1. kill -9 in the middle of a load, restart
load_bg kill --retry-4xx 120
sleep 1.5
milter_kill
diag "killed amzmilter with SIGKILL during the load"
sleep 1
milter_start "$T/milter"
ok "amzmilter restarts after SIGKILL" test -n "$MILTER_PID"
wait "$LOAD_PID"
is "$?" 0 "kill: the client finished"
diag "$(cat "$T/send-kill.out")"
soak_drain 120
acct=$(soak_account --tag kill); rc=$?
printf '%s\n' "$acct" | sed 's/^/# /'
is "$rc" 0 "kill: every message accounted for, none lost, every delivered relay message checked"
retried=$(results_count '$3 > 1')
ok "kill: the kill hit the load ($retried messages were retried after a 4xx)" test "$retried" -gt 0
like "$(grep -h 'milter' "$PF/log/maillog" | grep -E 'milter.*(connect|read|write|Connection)' | head -3)" \
	'.' "kill: Postfix logged the lost milter"
is "$(results_count '$2 != 250 && ($2 < 500 || $2 > 599)')" 0 "kill: after the retries no message is left with a 4xx"

# 2. SIGHUP every 100 ms during a load
mark=$(milter_log_size)
( while :; do kill -HUP "$MILTER_PID" 2>/dev/null; sleep 0.1; done ) &
HUP_PID=$!
load_bg hup
wait "$LOAD_PID"
kill "$HUP_PID"; wait "$HUP_PID" 2>/dev/null; HUP_PID=
diag "$(cat "$T/send-hup.out")"
reloads=$(milter_log_since "$mark" | grep -c 'reloaded ')
# how many reloads fit in the load depends on the machine; several show they overlapped it
ok "hup: the daemon reloaded during the load ($reloads reloads)" test "$reloads" -ge 3
soak_drain 120
acct=$(soak_account --tag hup); rc=$?
printf '%s\n' "$acct" | sed 's/^/# /'
is "$rc" 0 "hup: every message accounted for, as predicted"
is "$(results_count '$2 >= 400 && $2 < 500 || $2 == 0')" 0 "hup: no transaction tempfailed or failed"
ok "hup: amzmilter still running" kill -0 "$MILTER_PID"

# 3. a rule file broken in the middle of a load
mark=$(milter_log_size)
load_bg broken
sleep 1
printf 'rule BROKEN_EDIT\n  describe "x"\n  match subjekt =~ /x/\n  action reject\n' \
	>"$T/milter/local.d/zz-broken.rules"
milter_hup
wait "$LOAD_PID"
diag "$(cat "$T/send-broken.out")"
ok "broken: the reload error is logged with file:line" \
	milter_wait_log "$mark" 'reload failed.*zz-broken\.rules:3' 10
out=$("$BUILD/amzmilter" -n -c "$T/milter/amzmilter.conf" 2>&1); rc=$?
is "$rc" 1 "broken: amzmilter -n exits 1"
like "$out" 'zz-broken\.rules:3:[0-9]+: .*subjekt' "broken: amzmilter -n names file:line:col"
soak_drain 120
acct=$(soak_account --tag broken); rc=$?
printf '%s\n' "$acct" | sed 's/^/# /'
is "$rc" 0 "broken: the old ruleset kept working for every message"
is "$(results_count '$2 >= 400 && $2 < 500 || $2 == 0')" 0 "broken: no transaction tempfailed or failed"
rm -f "$T/milter/local.d/zz-broken.rules"
milter_hup

# 4. a full spool disk
milter_stop
milter_conf "$T/milter" memory_buffer=1k
soak_rules "$T/milter/local.d"
if mount -t tmpfs -o size=64k,mode=0700 tmpfs "$T/milter/spool" 2>/dev/null; then
	milter_start "$T/milter"
	big=$T/big.eml
	{
		printf 'From: %s\nTo: %s\nSubject: Order 302-1234567-1234567 manual\n' "$SOAK_FROM" "$SOAK_RELAY"
		printf 'Message-ID: <spoolfull.%d@soak.test.invalid>\n\n' "$$"
		for i in $(seq 2000); do echo "Order 302-1234567-1234567: unfortunately the delivery is delayed, line $i"; done
	} >"$big"
	before=$(sink_count)
	out=$(swaks --server "127.0.0.1:$SMTP_PORT" --from "$SOAK_FROM" --to "$SOAK_RELAY" --data "@$big" 2>&1)
	like "$out" '<\*\* +451[- ]4\.' "spool full: a message larger than the free spool gets 451"
	sleep 1
	is "$(sink_count)" "$before" "spool full: it was not delivered"
	like "$(cat "$MILTER_DIR/milter.log")" 'spool' "spool full: the daemon logs the spool error"
	small=$(mktemp "$T/small.XXXXXX")
	printf 'From: %s\nTo: %s\nSubject: Order 302-1234567-1234567\n\nOrder 302-1234567-1234567: unfortunately the delivery is delayed.\n' \
		"$SOAK_FROM" "$SOAK_RELAY" >"$small"
	swaks --server "127.0.0.1:$SMTP_PORT" --from "$SOAK_FROM" --to "$SOAK_RELAY" --data "@$small" >/dev/null 2>&1
	is "$?" 0 "spool full: a message that fits still goes through"
	is "$(ls -A "$T/milter/spool" | grep -vxE 'amzmilter.pid|token.key' | wc -l)" 0 "spool full: no spool file left behind"
	milter_stop
	umount "$T/milter/spool"
	milter_start "$T/milter"
	swaks --server "127.0.0.1:$SMTP_PORT" --from "$SOAK_FROM" --to "$SOAK_RELAY" --data "@$big" >/dev/null 2>&1
	is "$?" 0 "spool full: the same message is accepted once there is room"
	ok "spool full: ... and delivered" sink_wait $((before + 2)) 20
else
	skip "full spool disk" "cannot mount a tmpfs here"
fi
