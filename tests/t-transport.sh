#!/usr/bin/env bash
# tests/t-transport.sh - how the daemon reads its MTA connections
# (milter/daemon/wraps.c), seen from outside with strace:
#  - a message whose commands arrive in one burst (headers, a header longer
#    than the read buffer, 64 KB body chunks, end of message: what an MTA
#    that awaits no replies writes) is read in far fewer read(2) calls than
#    it has commands (libmilter alone: two per command), and polled fewer
#    times than it has commands (libmilter alone: three per command);
#  - its verdict is the one the same message gets command by command
#    (miltertest suite) and from amzmilter-check: buffering loses no byte;
#  - a second transaction on a new connection reusing the descriptor
#    starts clean (a reject after an accept, and the other way round).
. "$(dirname "$0")/lib.sh"
cd "$TOP"
AMZ=$BUILD/amzmilter

command -v strace >/dev/null || { skip "transport" "strace is not installed"; exit 0; }
[ -x "$AMZ" ] || { skip "transport" "$AMZ is not built"; exit 0; }

T=$(mktemp -d /tmp/amz-transport.XXXXXX)
chmod 0755 "$T"
pid= strace_pid=
cleanup() {
	[ -n "$strace_pid" ] && kill "$strace_pid" 2>/dev/null
	[ -n "$pid" ] && kill -TERM "$pid" 2>/dev/null && wait "$pid" 2>/dev/null
	rm -rf "$T"
}
trap cleanup EXIT

mkdir -p "$T/spool" "$T/local"
chmod 0700 "$T/spool"
cat >"$T/amz.conf" <<EOF
socket = unix:$T/amz.sock
spool = $T/spool
rules = $TOP/rules
local_rules = $T/local
max_header_size = 32k
EOF
daemon_start "$T/amz.conf" "$T/amz.sock" "$T/milter.log" || exit 0
# warm up: the first transaction starts a worker thread
python3 tests/mta/burst.py "unix:$T/amz.sock" 1 0 0 >/dev/null

strace -f -qq -e trace=read,poll -o "$T/strace.out" -p "$pid" 2>"$T/strace.err" &
strace_pid=$!
sleep 0.5
python3 tests/mta/burst.py "unix:$T/amz.sock" 60 20000 3 >"$T/burst.out" 2>&1
sleep 0.3
kill "$strace_pid" 2>/dev/null; wait "$strace_pid" 2>/dev/null; strace_pid=

ncmd=$(head -1 "$T/burst.out")
# the MTA side offers SMFIP_HDR_LEADSPC, so the value brings its own space
# (" accept"); burst.py prints the NUL between name and value as one more
is "$(sed -n 2p "$T/burst.out")" "h X-Amzmilter-Verdict  accept" "the burst's message is checked whole and accepted (60 headers, one of 20 KB, 3 chunks of 64 KB)"
is "$(sed -n 3p "$T/burst.out")" "c" "the transaction ends with continue"
reads=$(grep -c ' read(' "$T/strace.out")
polls=$(grep -c ' poll(' "$T/strace.out")
diag "commands in the burst: $ncmd; read(2) calls: $reads; poll(2) calls: $polls (whole transaction)"
ok "the $ncmd commands are read in fewer than $((ncmd / 4)) read(2) calls ($reads)" test "$reads" -gt 0 -a "$reads" -lt "$((ncmd / 4))"
ok "and polled fewer than $((ncmd / 2)) times ($polls)" test "$polls" -gt 0 -a "$polls" -lt "$((ncmd / 2))"

# the same message, written out, through amzmilter-check: the same verdict
{
	printf 'From: Shop <shop@example.com>\r\nSubject: Order 302-1234567-1234567: your parcel\r\n'
	for i in $(seq 0 59); do printf 'X-Filler-%d: value %d\r\n' "$i" "$i"; done
	printf 'X-Long: %s\r\n\r\n' "$(head -c 20000 /dev/zero | tr '\0' a)"
} >"$T/msg.eml"
v=$("$BUILD/amzmilter-check" -c "$T/amz.conf" --rcpt=8xk2m4q7z1v9c3b@marketplace.amazon.com "$T/msg.eml" 2>&1 | head -1)
like "$v" "accept" "amzmilter-check gives the written-out message the same verdict"

# connections one after the other: each starts with an empty buffer
python3 tests/mta/burst.py "unix:$T/amz.sock" 5 0 0 "Hello, no order here" >"$T/b2.out" 2>&1
like "$(tr '\n' ' ' <"$T/b2.out")" "^[0-9]+ y 550.*ORDER_ID_MISSING" "the next connection's message is judged on its own bytes (reject)"
python3 tests/mta/burst.py "unix:$T/amz.sock" 5 0 1 >"$T/b3.out" 2>&1
is "$(sed -n 2p "$T/b3.out")" "h X-Amzmilter-Verdict  accept" "and the one after it too (accept)"
