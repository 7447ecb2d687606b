#!/usr/bin/env bash
# tests/t-privs.sh - privileges and files of the running daemon, seen from
# outside while it holds a transaction open (a miltertest script that
# pauses in the middle of the body):
#  - the socket's owner, group (socket_group, a group made for the test)
#    and mode (socket_mode);
#  - spool files are 0600, in a 0700 directory, and unlinked while open
#    (/proc/PID/fd shows "(deleted)", the directory holds only the pid file
#    and the verdict token key, 0600);
#  - after start no thread runs as root or keeps a capability;
#  - no program is ever executed (strace -f -e execve on the daemon during
#    the transaction);
#  - log lines escape control bytes of the sender and of evidence.
. "$(dirname "$0")/lib.sh"
cd "$TOP"
AMZ=$BUILD/amzmilter
GROUP=amztestsock

if [ "$(id -u)" != 0 ] || ! id nobody >/dev/null 2>&1; then
	skip "privileges and files" "needs root and the user nobody"
	exit 0
fi
for tool in miltertest groupadd; do
	command -v "$tool" >/dev/null || { skip "privileges and files" "$tool is not installed"; exit 0; }
done
[ -x "$AMZ" ] || { skip "privileges and files" "$AMZ is not built"; exit 0; }

T=$(mktemp -d /tmp/amz-privs.XXXXXX)
chmod 0755 "$T"
made_group=
if ! getent group "$GROUP" >/dev/null; then
	groupadd --system "$GROUP" && made_group=1
fi
pid= strace_pid= mt_pid=
cleanup() {
	[ -n "$mt_pid" ] && kill "$mt_pid" 2>/dev/null
	[ -n "$strace_pid" ] && kill "$strace_pid" 2>/dev/null
	[ -n "$pid" ] && kill -TERM "$pid" 2>/dev/null && wait "$pid" 2>/dev/null
	[ -n "$made_group" ] && groupdel "$GROUP"
	rm -rf "$T"
}
trap cleanup EXIT

mkdir -p "$T/local"
cat >"$T/local/privs.rules" <<'EOF2'
rule PRIVS_EVIDENCE
  describe "Test rule: its evidence carries a control byte."
  match subject =~ /PRIV.TEST/
  action reject
EOF2
cat >"$T/amz.conf" <<EOF2
socket = unix:$T/run/amz.sock
socket_mode = 0660
socket_group = $GROUP
user = nobody
spool = $T/spool
rules = $TOP/rules
local_rules = $T/local
memory_buffer = 1k
max_message_size = 32k
EOF2

daemon_start "$T/amz.conf" "$T/run/amz.sock" "$T/milter.log" -v || exit 0
sleep 0.3
is "$(stat -c '%a %U %G' "$T/run/amz.sock")" "660 nobody $GROUP" "socket: mode socket_mode, owner the user, group socket_group"
is "$(stat -c '%a %U' "$T/spool")" "700 nobody" "spool directory: 0700, owned by the user"

# the transaction: a body larger than memory_buffer, a pause in the middle
cat >"$T/slow.lua" <<'EOF2'
local conn = mt.connect(os.getenv("MT_SOCKET"), 40, 0.25)
if conn == nil then error("cannot connect") end
mt.macro(conn, SMFIC_MAIL, "i", "PRIVS1")
-- control bytes in the envelope sender and the subject
assert(mt.mailfrom(conn, "<shop\1\27[31m@example.com>") == nil)
assert(mt.rcptto(conn, "<8xk2m4q7z1v9c3b@marketplace.amazon.com>") == nil)
assert(mt.header(conn, "From", "shop@example.com") == nil)
assert(mt.header(conn, "Subject", "Order 302-1234567-1234567 PRIV\7TEST") == nil)
assert(mt.eoh(conn) == nil)
local line = "Order 302-1234567-1234567: unfortunately the delivery is delayed.\r\n"
assert(mt.bodystring(conn, string.rep(line, 100)) == nil)
local f = io.open(os.getenv("MT_READY"), "w"); f:write("ready\n"); f:close()
mt.sleep(tonumber(os.getenv("MT_PAUSE")))
assert(mt.bodystring(conn, string.rep(line, 100)) == nil)
assert(mt.eom(conn) == nil)
local r = mt.getreply(conn)
mt.echo("EOM " .. (r == SMFIR_REPLYCODE and "replycode" or tostring(r)))
mt.disconnect(conn)
EOF2

strace_ok=
if command -v strace >/dev/null; then
	strace -f -qq -e trace=execve,execveat -o "$T/strace.out" -p "$pid" 2>"$T/strace.err" &
	strace_pid=$!
	sleep 0.5
	kill -0 "$strace_pid" 2>/dev/null && strace_ok=1
fi
MT_SOCKET=unix:$T/run/amz.sock MT_READY=$T/ready MT_PAUSE=3 miltertest -s "$T/slow.lua" >"$T/mt.out" 2>&1 &
mt_pid=$!
for _ in $(seq 100); do [ -e "$T/ready" ] && break; sleep 0.1; done
ok "the transaction is under way (half the body sent)" test -e "$T/ready"
sleep 0.3

# while the transaction is open
spool_fd=
for fd in /proc/$pid/fd/*; do
	l=$(readlink "$fd" 2>/dev/null) || continue
	case $l in "$T/spool/amzmilter.pid"|"$T/spool/token.key") ;; "$T/spool/"*) spool_fd=$fd; spool_link=$l ;; esac
done
ok "the daemon holds a spool file open" test -n "$spool_fd"
like "${spool_link:-}" ' \(deleted\)$' "the open spool file is already unlinked: ${spool_link:-none}"
is "$(ls -A "$T/spool" | tr '\n' ' ')" "amzmilter.pid token.key " "the spool directory holds only the pid file and the token key while the message is spooled"
is "$(stat -c '%a %U' "$T/spool/token.key")" "600 nobody" "the token key is 0600, owned by the user"
[ -n "$spool_fd" ] && is "$(stat -L -c '%a %U' "$spool_fd")" "600 nobody" "the spool file is 0600, owned by the user"
bad=
for st in /proc/$pid/task/*/status; do
	u=$(awk '/^Uid:/ {print $2 $3 $4 $5}' "$st")
	g=$(awk '/^Gid:/ {print $2 $3 $4 $5}' "$st")
	c=$(awk '/^CapEff:/ {print $2}' "$st")
	nu=$(id -u nobody) ng=$(id -g nobody)
	[ "$u" = "$nu$nu$nu$nu" ] && [ "$g" = "$ng$ng$ng$ng" ] && [ "$c" = 0000000000000000 ] || bad="$bad $st"
done
is "$bad" "" "every thread ($(ls /proc/$pid/task | wc -l)) runs as nobody (real, effective, saved, fs uid and gid) with no capability"

wait "$mt_pid"; mt_pid=
like "$(cat "$T/mt.out")" 'EOM replycode' "the transaction ends with a reply (the test rule rejects)"
if [ -n "$strace_ok" ]; then
	sleep 0.3
	kill "$strace_pid" 2>/dev/null; wait "$strace_pid" 2>/dev/null; strace_pid=
	is "$(grep -c 'exec' "$T/strace.out")" 0 "no program was executed during the transaction (strace -f -e execve)"
	# the same strace invocation does see an exec: the check can fail
	sh -c 'sleep 0.5; exec /bin/true' &
	p=$!
	strace -f -qq -e trace=execve,execveat -o "$T/strace2.out" -p "$p" 2>/dev/null
	ok "(control: strace -f -e execve -p sees an exec)" grep -q 'execve(' "$T/strace2.out"
else
	skip "no program executed" "strace cannot attach here"
fi

# an oversize message from a sender with control bytes: logged at 552
cat >"$T/big.lua" <<'EOF2'
local conn = mt.connect(os.getenv("MT_SOCKET"), 40, 0.25)
if conn == nil then error("cannot connect") end
mt.macro(conn, SMFIC_MAIL, "i", "PRIVS2")
assert(mt.mailfrom(conn, "<big\2\27[2J@example.com>") == nil)
assert(mt.rcptto(conn, "<8xk2m4q7z1v9c3b@marketplace.amazon.com>") == nil)
assert(mt.header(conn, "Subject", "Order 302-1234567-1234567") == nil)
assert(mt.eoh(conn) == nil)
local r
for i = 1, 3 do
	assert(mt.bodystring(conn, string.rep("x", 20000)) == nil)
	r = mt.getreply(conn)
	if r ~= SMFIR_CONTINUE then break end
end
if r == SMFIR_CONTINUE then assert(mt.eom(conn) == nil); r = mt.getreply(conn) end
mt.echo("END " .. (r == SMFIR_REPLYCODE and "replycode" or tostring(r)))
mt.disconnect(conn)
EOF2
MT_SOCKET=unix:$T/run/amz.sock miltertest -s "$T/big.lua" >"$T/mt2.out" 2>&1
like "$(cat "$T/mt2.out")" 'END replycode' "an oversize message gets a reply (552)"

sleep 0.3
log=$(cat "$T/milter.log")
like "$log" 'from=<shop\\x01\\x1b\[31m@example\.com>' "the sender's control bytes are logged escaped (\\x01, \\x1b)"
like "$log" 'PRIVS2: from=<big\\x02\\x1b\[2J@example\.com> .*size-limit' "... also when the message is too large"
# extraction already turns a control byte in a header into a space; the log
# escapes whatever is left
like "$log" 'reject PRIVS_EVIDENCE: .*\[PRIV(\\x07| )TEST\]' "a control byte in the subject reaches the log as \\x07 or a space"
is "$(LC_ALL=C tr -d '\n\t' <"$T/milter.log" | LC_ALL=C tr -d '[:print:]' | wc -c)" 0 \
	"the log holds no raw control byte"
