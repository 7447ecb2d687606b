#!/usr/bin/env bash
# t-daemon.sh - the daemon's command line, config check, socket, spool and
# privilege drop, without an MTA.
source "$(dirname "$0")/lib.sh"
cd "$TOP"
AMZ=$BUILD/amzmilter
T=$(mktemp -d /tmp/amz-daemon.XXXXXX)
chmod 755 "$T"   # the unprivileged daemon re-reads its config on reload
pids=()
cleanup() {
	for p in "${pids[@]}"; do kill "$p" 2>/dev/null; done
	for p in "${pids[@]}"; do wait "$p" 2>/dev/null; done
	rm -rf "$T"
}
trap cleanup EXIT

# wait_for COND-CMD... - up to 10 s
wait_for() {
	for _ in $(seq 1 100); do "$@" && return 0; sleep 0.1; done
	return 1
}

out=$($AMZ -n -c conf/amzmilter.conf 2>&1); rc=$?
is "$rc" 0 "-n accepts the shipped config and rules"
like "$out" "OK, [0-9]+ rules" "-n says how many rules it loaded"

out=$($AMZ --version); like "$out" "^amzmilter [0-9]+\.[0-9]+" "--version prints the version"
out=$($AMZ --help 2>&1); like "$out" "-n, --check" "--help lists the options"
$AMZ --bogus >/dev/null 2>&1; is "$?" 2 "an unknown option exits 2"

# A broken rule file: -n names file:line:col and exits non-zero.
mkdir -p "$T/local"
cp -r rules "$T/rules"
rm -rf "$T/rules/local.d"
cat > "$T/amz.conf" <<CONF
rules = $T/rules
local_rules = $T/local
spool = $T/spool
socket = unix:$T/run/amz.sock
socket_mode = 0660
CONF
printf 'rule BROKEN\n  describe "x"\n  match link.hots == "a"\n  action reject\n' > "$T/local/bad.rules"
out=$($AMZ -n -c "$T/amz.conf" 2>&1); rc=$?
is "$rc" 1 "-n exits 1 on a rule error"
like "$out" "bad.rules:3:[0-9]+: .*link.hots.*did you mean .link.host." "-n prints file:line:col and a suggestion"
rm "$T/local/bad.rules"

# A list file that is not a small regular file is an error, not an endless read.
printf 'list huge file "/dev/zero"\n' > "$T/local/zero.rules"
out=$(timeout 10 $AMZ -n -c "$T/amz.conf" 2>&1); rc=$?
is "$rc" 1 "-n refuses a list file that is not a regular file"
like "$out" 'zero.rules:1:[0-9]+: .*/dev/zero.*not a regular file' "the error names the rule file and the list file"
rm "$T/local/zero.rules"

printf 'mode = enforce\nmax_mesage_size = 1M\n' > "$T/typo.conf"
out=$($AMZ -n -c "$T/typo.conf" 2>&1); rc=$?
is "$rc" 1 "-n exits 1 on a config error"
like "$out" "typo.conf:2:1: unknown key .max_mesage_size. \(did you mean .max_message_size.\?\)" "config errors say file:line:col with a suggestion"

# Start as root with a user: socket mode, spool mode, privileges dropped.
if [ "$(id -u)" = 0 ] && id nobody >/dev/null 2>&1; then
	"$AMZ" -c "$T/amz.conf" -u nobody -v 2>"$T/err.log" &
	pid=$!; pids+=("$pid")
	if wait_for test -S "$T/run/amz.sock"; then
		sleep 0.3
		is "$(stat -c %a "$T/run/amz.sock")" 660 "the socket has the configured mode"
		is "$(stat -c %U "$T/run/amz.sock")" nobody "the socket belongs to the configured user"
		is "$(stat -c %a "$T/spool")" 700 "the spool directory is 0700"
		is "$(stat -c %U "$T/spool")" nobody "the spool belongs to the configured user"
		uids=$(awk '/^Uid:/ {print $2,$3,$4,$5}' /proc/$pid/status)
		is "$uids" "$(id -u nobody) $(id -u nobody) $(id -u nobody) $(id -u nobody)" "real, effective, saved and fs uid are the user's"
		groups=$(awk '/^Groups:/ {$1=""; print}' /proc/$pid/status | xargs)
		is "$groups" "$(id -G nobody | xargs)" "supplementary groups are the user's (initgroups)"
		# SIGHUP reloads, and the daemon keeps running.
		kill -HUP "$pid"; sleep 0.5
		ok "SIGHUP does not stop the daemon" kill -0 "$pid"
		ok "SIGHUP reload is logged" wait_for grep -q "reloaded .*amz.conf" "$T/err.log"
		# A broken edit + SIGHUP keeps the old rules and logs file:line.
		printf 'rule BROKEN\n  action reject\n  describe "x"\n  match subjct =~ /x/\n' > "$T/local/bad.rules"
		kill -HUP "$pid"
		ok "a broken rule file on reload is logged with file:line" wait_for grep -q "reload failed.*bad.rules:4:" "$T/err.log"
		ok "the daemon keeps running after a failed reload" kill -0 "$pid"
		rm "$T/local/bad.rules"
		kill -TERM "$pid"
		ok "SIGTERM stops the daemon" wait_for bash -c "! kill -0 $pid 2>/dev/null"
	else
		diag "$(cat "$T/err.log")"
		ok "the daemon creates its socket" false
	fi
else
	skip "privilege drop" "not root or no user nobody"
fi

# Started as root without a user it warns.
rm -f "$T/run/amz.sock"
"$AMZ" -c "$T/amz.conf" -v 2>"$T/err2.log" &
pid=$!; pids+=("$pid")
wait_for test -S "$T/run/amz.sock"
sleep 0.3
if [ "$(id -u)" = 0 ]; then
	ok "running as root without a user is warned about" grep -q "running as root" "$T/err2.log"
fi
kill -TERM "$pid"
wait "$pid" 2>/dev/null   # a clean stop takes libmilter some seconds; the next start needs the spool

# Reload signals in each build (milter/daemon/wraps.h): SIGUSR1 reloads in
# both; SIGHUP reloads with the link wraps and stops the plain build, as
# libmilter defines it.  The wrapped build's --version says "link wraps".
# reloads_at_least LOG N - N reloads logged
reloads_at_least() { [ "$(grep -c "reloaded .*amz.conf" "$1")" -ge "$2" ]; }
# signals BINARY NAME - start BINARY, check what SIGUSR1 and SIGHUP do
signals() {
	local bin=$1 name=$2 log=$T/sig-$2.log n
	rm -f "$T/run/amz.sock"
	"$bin" -c "$T/amz.conf" -v 2>"$log" &
	pid=$!; pids+=("$pid")
	if ! wait_for test -S "$T/run/amz.sock"; then
		ok "$name: the daemon starts" false
		diag "$(tail -5 "$log")"
		return
	fi
	for n in 1 2; do
		kill -USR1 "$pid"
		ok "$name: SIGUSR1 reload $n is logged" wait_for reloads_at_least "$log" "$n"
	done
	ok "$name: SIGUSR1 does not stop the daemon" kill -0 "$pid"
	kill -HUP "$pid"
	if [ "$name" = plain ]; then
		ok "$name: SIGHUP stops the daemon (libmilter's signal thread keeps it)" \
			wait_for bash -c "! kill -0 $pid 2>/dev/null"
		ok "$name: the start says which signal reloads" grep -q "plain libmilter .*: SIGUSR1 reloads, SIGHUP stops" "$log"
	else
		ok "$name: SIGHUP reload is logged" wait_for reloads_at_least "$log" 3
		ok "$name: SIGHUP does not stop the daemon" kill -0 "$pid"
		kill -TERM "$pid"
		ok "$name: SIGTERM stops the daemon" wait_for bash -c "! kill -0 $pid 2>/dev/null"
	fi
}
case $($AMZ --version) in
*"link wraps"*) signals "$AMZ" wraps ;;
*"plain libmilter"*) signals "$AMZ" plain ;;
*) ok "--version says how libmilter is driven" false ;;
esac
if [ -x "$BUILD/plain/amzmilter" ]; then
	like "$("$BUILD/plain/amzmilter" --version)" "plain libmilter [0-9.]+" "the plain build's --version says so"
	is "$(ldd "$BUILD/plain/amzmilter" | grep -c 'libmilter\.so')" 1 "the plain build uses the shared libmilter"
	signals "$BUILD/plain/amzmilter" plain
else
	skip "the plain build's signals" "$BUILD/plain/amzmilter is not built"
fi
