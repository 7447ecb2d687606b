#!/usr/bin/env bash
# tests/t-instance.sh - one daemon per socket and spool, and checks that
# read the files as the daemon does:
#  - a second amzmilter on a live socket (unix or inet) or on a spool in use
#    exits non-zero at once with a message naming what is in use, and the
#    running one keeps serving;
#  - a clean stop removes the socket and the pid file; a socket left behind
#    by a killed daemon does not stop the next start;
#  - "amzmilter -n" run as root reads the files as the configured user, so
#    a rule file only root can read fails the check (it would fail the
#    daemon's next reload);
#  - a reload that changes a key needing a restart (socket, user, spool,
#    syslog_facility) logs it;
#  - every error of the configuration file is reported, not only the first.
. "$(dirname "$0")/lib.sh"
cd "$TOP"
AMZ=$BUILD/amzmilter

if [ "$(id -u)" != 0 ] || ! id nobody >/dev/null 2>&1; then
	skip "one instance per socket" "needs root and the user nobody"
	exit 0
fi
[ -x "$AMZ" ] || { skip "one instance per socket" "$AMZ is not built"; exit 0; }

T=$(mktemp -d /tmp/amz-instance.XXXXXX)
chmod 0755 "$T"
pids=()
cleanup() {
	local p
	for p in "${pids[@]}"; do kill -KILL "$p" 2>/dev/null; done
	wait 2>/dev/null
	rm -rf "$T"
}
trap cleanup EXIT

# conf NAME SOCKET SPOOL - a configuration running as nobody
conf() {
	mkdir -p "$T/local"
	cat >"$T/$1.conf" <<EOF
socket = $2
socket_mode = 0666
user = nobody
spool = $3
rules = $TOP/rules
local_rules = $T/local
EOF
}

# live SPEC - a connection to the socket succeeds
live() {
	python3 - "$1" <<'EOF'
import socket, sys
spec = sys.argv[1]
try:
    if spec.startswith("unix:"):
        s = socket.socket(socket.AF_UNIX); s.connect(spec[5:])
    else:
        port, host = spec[5:].split("@")
        s = socket.create_connection((host, int(port)), 2)
    s.close()
except OSError:
    sys.exit(1)
EOF
}

# second CONF LOG - run a second daemon; its exit status (124: still running after 8 s)
second() {
	timeout 8 "$AMZ" -v -c "$1" >"$2" 2>&1
}

# --- unix socket ---------------------------------------------------------------
conf a "unix:$T/run/a.sock" "$T/spool-a"
daemon_start "$T/a.conf" "$T/run/a.sock" "$T/a.log" -v || exit 0
pids+=("$pid"); apid=$pid
sleep 0.3
is "$(cat "$T/spool-a/amzmilter.pid" 2>/dev/null)" "$apid" "the pid file in the spool holds the daemon's pid"

second "$T/a.conf" "$T/b.log"; rc=$?
ok "a second daemon on the same socket and spool exits non-zero at once (exit $rc)" test "$rc" != 0 -a "$rc" != 124
like "$(cat "$T/b.log")" "another amzmilter \(pid $apid\)" "it names the running daemon"
ok "the running daemon still serves the socket" live "unix:$T/run/a.sock"
ok "and is still running" kill -0 "$apid"

conf c "unix:$T/run/a.sock" "$T/spool-c"
second "$T/c.conf" "$T/c.log"; rc=$?
ok "a second daemon on the same socket, another spool, exits non-zero (exit $rc)" test "$rc" != 0 -a "$rc" != 124
like "$(cat "$T/c.log")" "unix:$T/run/a.sock is in use" "it says the socket is in use"
ok "the running daemon still serves the socket" live "unix:$T/run/a.sock"

conf d "unix:$T/run/d.sock" "$T/spool-a"
second "$T/d.conf" "$T/d.log"; rc=$?
ok "a second daemon on the same spool, another socket, exits non-zero (exit $rc)" test "$rc" != 0 -a "$rc" != 124
ok "it created no socket" test ! -e "$T/run/d.sock"

kill -TERM "$apid"; wait "$apid"; rc=$?
is "$rc" 0 "a clean stop exits 0"
ok "a clean stop removes the socket" test ! -e "$T/run/a.sock"
ok "and the pid file" test ! -e "$T/spool-a/amzmilter.pid"

daemon_start "$T/a.conf" "$T/run/a.sock" "$T/a2.log" -v || exit 0
pids+=("$pid")
kill -KILL "$pid"; wait "$pid" 2>/dev/null
ok "a killed daemon leaves its socket behind" test -S "$T/run/a.sock"
daemon_start "$T/a.conf" "$T/run/a.sock" "$T/a3.log" -v || exit 0
pids+=("$pid"); apid=$pid
sleep 0.3
ok "the next start replaces a dead socket" live "unix:$T/run/a.sock"
ok "and runs" kill -0 "$apid"
kill -TERM "$apid"; wait "$apid"

# a pid file that is a hard link to another file is refused, the file untouched
echo "keep me" >"$T/victim"
ln -f "$T/victim" "$T/spool-a/amzmilter.pid"
second "$T/a.conf" "$T/h.log"; rc=$?
ok "a pid file hard-linked to another file: the daemon refuses to start (exit $rc)" test "$rc" != 0 -a "$rc" != 124
like "$(cat "$T/h.log")" "not a plain file of amzmilter's" "it says why"
is "$(cat "$T/victim")" "keep me" "and the other file is untouched"
rm -f "$T/spool-a/amzmilter.pid"

# --- inet socket ---------------------------------------------------------------
port=$(free_port)
conf e "inet:$port@127.0.0.1" "$T/spool-e"
"$AMZ" -v -c "$T/e.conf" >"$T/e.log" 2>&1 &
epid=$!; pids+=("$epid")
for _ in $(seq 100); do live "inet:$port@127.0.0.1" && break; sleep 0.1; done
conf f "inet:$port@127.0.0.1" "$T/spool-f"
second "$T/f.conf" "$T/f.log"; rc=$?
ok "a second daemon on the same inet port exits non-zero (exit $rc)" test "$rc" != 0 -a "$rc" != 124
like "$(cat "$T/f.log")" "inet:$port@127.0.0.1 is in use" "it says the port is in use"
ok "the running daemon still serves the port" live "inet:$port@127.0.0.1"

# --- reload: keys that need a restart are logged ---------------------------------
mark=$(wc -c <"$T/e.log")
sed -i "s|^spool = .*|spool = $T/spool-e2|; s|^socket = .*|socket = inet:$((port + 1))@127.0.0.1|" "$T/e.conf"
kill -USR1 "$epid"
for _ in $(seq 50); do tail -c +$((mark + 1)) "$T/e.log" | grep -q "reloaded" && break; sleep 0.1; done
log=$(tail -c +$((mark + 1)) "$T/e.log")
like "$log" "reload: socket changed \(inet:$port@127.0.0.1 -> inet:$((port + 1))@127.0.0.1\): it takes effect only after a restart" "a changed socket is logged as needing a restart"
like "$log" "reload: spool changed .* only after a restart" "a changed spool too"
ok "the daemon still serves the old port" live "inet:$port@127.0.0.1"
kill -TERM "$epid"; wait "$epid"

# --- -n reads as the daemon's user -------------------------------------------------
conf g "unix:$T/run/g.sock" "$T/spool-g"
echo 'list approved_senders += { orders@shop.example }' >"$T/local/secret.rules"
chmod 0600 "$T/local/secret.rules"
out=$("$AMZ" -n -c "$T/g.conf" 2>&1); rc=$?
is "$rc" 1 "-n as root fails when the configured user cannot read a rule file"
like "$out" "secret.rules" "it names the file"
like "$out" "read as user nobody" "and says whose reading failed"
chown nobody "$T/local/secret.rules"
out=$("$AMZ" -n -c "$T/g.conf" 2>&1); rc=$?
is "$rc" 0 "-n passes once the user can read it"
like "$out" "OK, .*read as user nobody" "and says it read as that user"
rm -f "$T/local/secret.rules"

# --- every configuration error -----------------------------------------------------
printf 'socket = unix:%s/x.sock\nbogus = 1\nmode = sideways\nnoequals\nspool = "%s/y\n' "$T" "$T" >"$T/bad.conf"
out=$("$AMZ" -n -c "$T/bad.conf" 2>&1); rc=$?
is "$rc" 1 "a configuration with four errors fails -n"
is "$(printf '%s\n' "$out" | grep -c "^$T/bad.conf:[0-9]*:[0-9]*: ")" 4 "each of the four is reported with file:line:column"

echo "1..$_tap_n"
