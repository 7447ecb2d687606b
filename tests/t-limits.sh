#!/usr/bin/env bash
# tests/t-limits.sh - input that must not take the daemon down or tie it up:
# the time budget stops long extraction (checker and daemon alike), a
# connection that stops mid-command is closed after mta_timeout, and with
# no descriptors left the daemon logs, backs off instead of spinning, and
# serves again once descriptors are free.
. "$(dirname "$0")/lib.sh"
. "$TOP/tests/mta/milter.sh"

if [ ! -x "$BUILD/amzmilter" ] || [ ! -x "$BUILD/amzmilter-check" ]; then
	skip "daemon limits" "$BUILD/amzmilter is not built"
	exit 0
fi
T=$(mktemp -d /tmp/amz-limits.XXXXXX)
chmod 0755 "$T"
cleanup() {
	milter_stop
	[ -n "${hold_pid:-}" ] && kill "$hold_pid" 2>/dev/null
	rm -rf "$T"
}
trap cleanup EXIT

# json_field JSON KEY - one top-level field of the checker's --json line
json_field() {
	python3 -c 'import json,sys; print(json.loads(sys.argv[1])[sys.argv[2]])' "$1" "$2"
}

# --- 1. the time budget applies inside extraction, in the checker too
# 400 HTML parts of 40 KB each: far more work than 100 ms on any machine.
python3 - "$T/slow.eml" <<'PY'
import sys
row = "<div><p>Your order 302-1234567-1234567 <b>ships</b> <i>today</i>.</p></div>\n"
html = row * (40000 // len(row))
out = ["From: shop@contoso-outdoor.example\nTo: x@marketplace.amazon.com\n"
       "Subject: Order 302-1234567-1234567\nMIME-Version: 1.0\n"
       "Content-Type: multipart/mixed; boundary=b\n\n"]
for i in range(400):
    out.append("--b\nContent-Type: text/html; charset=utf-8\n\n%s\n" % html)
out.append("--b--\n")
open(sys.argv[1], "w").write("".join(out))
PY
mkdir -p "$T/c"
milter_conf "$T/c" time_budget_ms=100
json=$("$BUILD/amzmilter-check" -c "$T/c/amzmilter.conf" --json "$T/slow.eml")
is "$(json_field "$json" action)" tempfail "budget 100 ms: the checker tempfails"
like "$json" '"rule":"AMZ_TIMEOUT"' "budget 100 ms: AMZ_TIMEOUT"
like "$json" 'stopped: [a-z, ]*parts' "budget 100 ms: extraction stopped between parts, not after them"
milter_conf "$T/c" time_budget_ms=600000
json=$("$BUILD/amzmilter-check" -c "$T/c/amzmilter.conf" --json "$T/slow.eml")
ok "budget 600 s: no AMZ_TIMEOUT" bash -c "! grep -q AMZ_TIMEOUT <<<'$json'"

# --- 2. a connection that stops in the middle of a command is closed
mkdir -p "$T/m"
milter_conf "$T/m" mta_timeout=5
milter_start "$T/m" || { is "not running" "running" "amzmilter starts"; exit 0; }
threads() { awk '$1 == "Threads:" { print $2 }' "/proc/$MILTER_PID/status"; }
base_threads=$(threads)
waited=$(python3 "$TOP/tests/mta/hold.py" stuck "$MILTER_SPEC" 60)
like "$waited" '^[0-9]' "mta_timeout 5: a stuck connection is closed (after $waited s)"
ok "mta_timeout 5: not before the timeout" python3 -c "import sys; sys.exit(float('$waited') < 4)"
sleep 1
ok "its worker thread is gone ($(threads) threads, $base_threads before)" test "$(threads)" -le "$base_threads"

# --- 3. out of descriptors: log, back off, recover
mark=$(milter_log_size)
hard=$(awk '/^Max open files/ { print $5 }' "/proc/$MILTER_PID/limits")
prlimit --pid "$MILTER_PID" --nofile=32:"$hard"
python3 "$TOP/tests/mta/hold.py" many "$MILTER_SPEC" 60 6 >"$T/held" &
hold_pid=$!
sleep 2
cpu0=$(awk '{ print $14 + $15 }' "/proc/$MILTER_PID/stat")
sleep 3
cpu1=$(awk '{ print $14 + $15 }' "/proc/$MILTER_PID/stat")
ticks=$(getconf CLK_TCK)
diag "no descriptors: $((cpu1 - cpu0)) ticks of CPU in 3 s ($ticks per second)"
# a retry loop without a pause takes the whole 3 s of a core
ok "no descriptors: the daemon does not spin (under a tenth of a core)" \
	test $(( (cpu1 - cpu0) * 10 )) -lt $(( 3 * ticks ))
like "$(milter_log_since "$mark")" 'cannot accept MTA connections: Too many open files' \
	"no descriptors: the log says so"
ok "no descriptors: the daemon is alive" kill -0 "$MILTER_PID"
wait "$hold_pid"; hold_pid=
prlimit --pid "$MILTER_PID" --nofile=1024:"$hard"
sleep 1
like "$(python3 "$TOP/tests/mta/hold.py" negotiate "$MILTER_SPEC")" '^ok O' \
	"descriptors back: a new connection is negotiated"
echo "1..$_tap_n"
