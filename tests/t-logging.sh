#!/usr/bin/env bash
# tests/t-logging.sh - where the daemon's lines go, with no syslog daemon:
# log = stderr (timestamped, or journald's "<N>" prefix when stderr is the
# journal), log = file:… reopened after a move (SIGUSR2, and logrotate with
# contrib/logrotate/amzmilter), the JSON line per message (json_log = yes
# and file:…) for a rejected, an accepted and a monitor-mode message, the
# "monitor" word on monitor-mode detail lines, the line naming recipients
# deferred by mixed_recipients = split, and -n refusing bad values.
# Three daemons run side by side (libmilter takes seconds to stop each).
. "$(dirname "$0")/lib.sh"

if [ ! -x "$BUILD/amzmilter" ] || ! command -v miltertest >/dev/null; then
	skip "logging" "amzmilter not built or miltertest not installed"
	exit 0
fi

T=$(mktemp -d /tmp/amz-logging.XXXXXX)
pids=()
cleanup() {
	local p
	for p in "${pids[@]}"; do kill -TERM "$p" 2>/dev/null; done
	for p in "${pids[@]}"; do wait "$p" 2>/dev/null; done
	rm -rf "$T"
}
trap cleanup EXIT
RELAY=8xk2m4q7z1v9c3b@marketplace.amazon.com
OTHER=partner@fabrikam.example
LUA=$TOP/tests/miltertest/message.lua
TS='[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{3}[+-][0-9]{2}:[0-9]{2} amzmilter\[[0-9]+\]:'

# conf DIR [KEY=VALUE...] - a test configuration in DIR (socket, spool)
conf() {
	local dir=$1 kv
	shift
	mkdir -p "$dir/spool" "$dir/local.d"
	{
		echo "socket = unix:$dir/amzmilter.sock"
		echo "socket_mode = 0666"
		echo "spool = $dir/spool"
		echo "rules = $TOP/rules"
		echo "local_rules = $dir/local.d"
		sed -n 's/^relay_domains *=/relay_domains =/p' "$TOP/conf/amzmilter.conf" | head -1
		for kv in "$@"; do echo "${kv%%=*} = ${kv#*=}"; done
	} >"$dir/amzmilter.conf"
}

# start DIR - the daemon on DIR/amzmilter.conf, stdout and stderr to
# DIR/out (no -v); waits for its socket
start() {
	local dir=$1 i
	"$BUILD/amzmilter" -c "$dir/amzmilter.conf" >"$dir/out" 2>&1 &
	pids+=($!)
	eval "pid_$(basename "$dir")=$!"
	for i in $(seq 100); do
		[ -S "$dir/amzmilter.sock" ] && return 0
		sleep 0.1
	done
	diag "$(tail -5 "$dir/out")"
	return 1
}

# run DIR PLAN - one miltertest connection; prints its RESULT lines
run() {
	MT_SOCKET=unix:$1/amzmilter.sock MT_PLAN=$2 miltertest -s "$LUA" 2>&1 | grep '^RESULT'
}

# wait_for FILE REGEX - up to 5 s for REGEX in FILE
wait_for() {
	local i
	for i in $(seq 50); do
		grep -qE -- "$2" "$1" 2>/dev/null && return 0
		sleep 0.1
	done
	return 1
}

# json FILE QID PYTHON-EXPR - the JSON of message QID in FILE (a line
# "… QID: json {…}" or a JSON Lines file) parsed, and EXPR printed over it
# (o).  Queued with json, run at once by json_eval (one python3 start).
JQ=()
json() { JQ+=("$1" "$2" "$3"); }
# json_eval - the results of the queued queries, one per line, into JR[]
json_eval() {
	mapfile -t JR < <(python3 - "${JQ[@]}" <<'PY'
import json, sys
args = sys.argv[1:]
for path, qid, expr in zip(args[0::3], args[1::3], args[2::3]):
    for line in open(path, encoding="utf-8"):
        i = line.find(" json {") if not line.startswith("{") else -1
        doc = line[i + 6:] if i >= 0 else line if line.startswith("{") else None
        if doc is None:
            continue
        o = json.loads(doc)
        if o.get("qid") == qid:
            print(eval(expr))
            break
    else:
        print("no JSON line for " + qid)
PY
)
	JQ=()
}

# msg FILE SUBJECT BODY [MESSAGE-ID]
msg() {
	printf 'From: Contoso Outdoor <support@contoso-outdoor.example>\nTo: %s\nSubject: %s\nDate: Tue, 03 Jun 2025 10:15:00 +0200\nMessage-ID: %s\nMIME-Version: 1.0\nContent-Type: text/plain; charset=us-ascii\n\n%s\n' \
		"$RELAY" "$2" "${4:-<$(basename "$1" .eml)@contoso-outdoor.example>}" "$3" >"$1"
}
msg "$T/noorder.eml" "Your delivery address" "Could you please confirm your delivery address?" '<q"uote\back@contoso-outdoor.example>'
msg "$T/good.eml" "Your order 302-1234567-1234567" "The delivery of order 302-1234567-1234567 is delayed by two days."

# --- -n: bad values are refused with file:line ---------------------------
conf "$T/bad" "mode=enforce"
for kv in "log=journal" "log=file:" "json_log=stderr" "json_log=maybe"; do
	conf "$T/bad" "mode=enforce" "$kv"
	line=$(grep -n "^${kv%%=*} =" "$T/bad/amzmilter.conf" | cut -d: -f1)
	out=$("$BUILD/amzmilter" -n -c "$T/bad/amzmilter.conf" 2>&1)
	like "$out" "amzmilter\.conf:$line:[0-9]+: ${kv%%=*}: \"${kv#*=}\" is not one of: .*file:PATH" \
		"-n refuses ${kv%%=*} = ${kv#*=} with file:line"
done
conf "$T/bad" "log=file:log/amzmilter.log" "json_log=file:verdicts.json"
"$BUILD/amzmilter" -n -c "$T/bad/amzmilter.conf" >/dev/null 2>&1
ok "-n accepts log = file:… and json_log = file:… (relative paths)" test $? -eq 0
# a log file that is a symbolic link is not opened (root opens it)
ln -s "$T/bad/elsewhere" "$T/bad/link.log"
conf "$T/bad" "log=file:$T/bad/link.log"
out=$(timeout 10 "$BUILD/amzmilter" -c "$T/bad/amzmilter.conf" 2>&1)
rc=$?
like "$rc:$out" "^1:.*log: cannot open $T/bad/link.log" "a log file that is a symbolic link stops the start, saying so"
ok "... and nothing was written through the link" test ! -e "$T/bad/elsewhere"

# --- three daemons -------------------------------------------------------
# e: log = stderr, json_log = yes, enforce
conf "$T/e" "mode=enforce" "mixed_recipients=split" "log=stderr" "json_log=yes"
# m: log and json_log to files, monitor mode
mkdir -p "$T/m/log"
conf "$T/m" "mode=monitor" "log=file:log/amzmilter.log" "json_log=file:log/verdicts.json"
# j: stderr is journald's stream (JOURNAL_STREAM names it)
conf "$T/j" "log=stderr"
: >"$T/j/out"
export_js=$(stat -c '%d:%i' "$T/j/out")
start "$T/e" && start "$T/m" || { ok "the daemons start" false; exit 0; }
JOURNAL_STREAM=$export_js start "$T/j" || { ok "the daemon starts under JOURNAL_STREAM" false; exit 0; }

# log = stderr: timestamped start line, no syslog daemon needed
like "$(grep 'starting amzmilter' "$T/e/out")" "^$TS notice: starting amzmilter " \
	"log = stderr: the start line carries an ISO 8601 time and the severity"
like "$(grep 'starting amzmilter' "$T/j/out")" "^<5>starting amzmilter " \
	"log = stderr under journald: the start line carries the <5> (notice) prefix and no time"

# e: a reject, a split, an accept
cat >"$T/pe" <<EOF
message reject, with a non-relay recipient split off
eml $T/noorder.eml
macro {client_addr} 192.0.2.7
macro {auth_authen} shop@contoso
rcpt $RELAY
rcpt $OTHER tempfail 452 4.5.3
rcpt another@fabrikam.example tempfail 452 4.5.3
expect reject
end
message accept
eml $T/good.eml
macro {client_addr} 2001:db8::25
rcpt $RELAY
expect accept
end
message a relay recipient split off a non-relay transaction
eml $T/good.eml
rcpt $OTHER
rcpt $RELAY tempfail 452 4.5.3
data accept
end
EOF
out=$(run "$T/e" "$T/pe")
is "$(grep -c '^RESULT ok' <<<"$out")" 3 "three transactions on the stderr daemon go as expected"
wait_for "$T/e/out" 'MT000003Q: .*split' || true
like "$(grep 'MT000001Q: from=.*verdict=' "$T/e/out")" "^$TS info: MT000001Q: from=<support@contoso-outdoor\.example> rcpt=<$RELAY> verdict=reject rules=ORDER_ID_MISSING" \
	"log = stderr: the verdict line is timestamped"
like "$(grep 'MT000001Q: .*split' "$T/e/out")" \
	"info: MT000001Q: from=<support@contoso-outdoor\.example> split: 2 non-relay recipients deferred with 452 4\.5\.3.*mixed_recipients = split.*: <$OTHER>,<another@fabrikam\.example>$" \
	"the 452 split is logged once, with the queue ID, the recipients deferred and why"
like "$(grep 'MT000003Q: .*split' "$T/e/out")" "split: 1 relay recipient deferred .*this one is for non-relay recipients\): <$RELAY>$" \
	"a relay recipient split off a non-relay transaction is logged too"
is "$(grep -c 'MT000002Q: .*split' "$T/e/out")" 0 "a transaction without a split logs none"

# the MTA sends the message with CRLF line ends
size=$(($(wc -c <"$T/noorder.eml") + $(grep -c '' "$T/noorder.eml")))
json "$T/e/out" MT000001Q '[o["verdict"], o["would"], o["mode"], o["rules"], o["client"], o["login"], o["from"], o["rcpts"], o["deferred"], o["ndeferred"]]'
json "$T/e/out" MT000001Q '[o["message_id"], o["size"] == '"$size"', type(o["us"]).__name__, o["hits"][0]["rule"], o["hits"][0]["monitor"]]'
json "$T/e/out" MT000002Q '[o["verdict"], o["would"], o["rules"], o["hits"], o["client"], o["login"], o["deferred"], bool(__import__("re").fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}[+-]\d\d:\d\d", o["time"]))]'
json_eval
is "${JR[0]:-}" \
	"['reject', 'reject', 'enforce', ['ORDER_ID_MISSING'], '192.0.2.7', 'shop@contoso', 'support@contoso-outdoor.example', ['$RELAY'], ['$OTHER', 'another@fabrikam.example'], 2]" \
	"json_log = yes: the rejected message's JSON line parses, with verdict, rules, client, login, envelope and deferred recipients"
is "${JR[1]:-}" "['<q\"uote\\\\back@contoso-outdoor.example>', True, 'int', 'ORDER_ID_MISSING', False]" \
	"... its Message-ID keeps a quote and a backslash (escaped by the library), size as received, time in whole µs"
is "${JR[2]:-}" "['accept', 'accept', [], [], '2001:db8::25', None, [], True]" \
	"the accepted message's JSON line: accept, no rules, no login (none sent), the time as the lines show it"

# m: monitor mode, into files
cat >"$T/pm" <<EOF
message monitor: would reject
eml $T/noorder.eml
rcpt $RELAY
expect tag
end
EOF
out=$(run "$T/m" "$T/pm")
like "$out" "^RESULT ok" "monitor mode accepts the violating message"
L=$T/m/log/amzmilter.log J=$T/m/log/verdicts.json
wait_for "$L" 'MT000001Q: monitor reject' || true
like "$(head -3 "$L")" "$TS notice: starting amzmilter .*monitor mode" "log = file: the start line is in the file, timestamped"
like "$(grep 'MT000001Q: from=' "$L")" "verdict=accept would=reject rules=ORDER_ID_MISSING" "log = file: the verdict line is in the file"
like "$(grep 'MT000001Q: .*ORDER_ID_MISSING:' "$L")" "info: MT000001Q: monitor reject ORDER_ID_MISSING: Quote the Amazon order ID" \
	"monitor mode: the detail line says monitor"
is "$(grep -c 'MT000001Q: reject ' "$L")" 0 "... and no detail line reads as an enforced reject"
json "$J" MT000001Q '[o["mode"], o["verdict"], o["would"], o["rules"], o["hits"][0]["monitor"]]'
json_eval
is "${JR[0]:-}" "['monitor', 'accept', 'reject', ['ORDER_ID_MISSING'], True]" \
	"json_log = file: the monitor-mode JSON line has mode, verdict accept and would reject"
is "$(grep -c '' "$J")" 1 "json_log = file: one JSON line per message, nothing else"
is "$(grep -c ' json {' "$L")" 0 "json_log = file: no JSON in the log itself"

# reopen: move both files away, SIGUSR2, the next message goes to new files
mv "$L" "$L.moved"
mv "$J" "$J.moved"
kill -USR2 "$pid_m"
wait_for "$L" 'log files reopened' || true
ok "after a move and SIGUSR2 the daemon writes a new log file" test -s "$L"
sed -i 's/^message .*/message after the move/' "$T/pm"
run "$T/m" "$T/pm" >/dev/null
wait_for "$L" 'MT000001Q: monitor reject' || true
ok "... the next message's lines are in the new file" grep -q 'MT000001Q: from=' "$L"
ok "... and its JSON line in the new JSON file" grep -q '"qid":"MT000001Q"' "$J"
is "$(grep -c 'MT000001Q: from=' "$L.moved"):$(grep -c 'starting amzmilter' "$L.moved"):$(grep -c '' "$J.moved")" "1:1:1" \
	"... the moved files kept the earlier lines and got nothing new"

# logrotate with the shipped snippet (paths moved into the test directory;
# no systemd unit of that name, so the pid file's pid gets the signal)
sed -e "s|/var/log/amzmilter|$T/m/log|g" -e "s|/var/spool/amzmilter|$T/m/spool|g" \
	-e "s|create 0640 amzmilter adm|create 0640|" -e "s|amzmilter\.service|amzmilter-test-$$.service|" \
	"$TOP/contrib/logrotate/amzmilter" >"$T/logrotate.conf"
rm -f "$L.moved" "$J.moved"
if command -v logrotate >/dev/null; then
	before=$(grep -c 'log files reopened' "$L")
	logrotate -f -s "$T/logrotate.state" "$T/logrotate.conf" >"$T/logrotate.out" 2>&1
	ok "logrotate runs the shipped snippet" test $? -eq 0
	wait_for "$L" 'log files reopened' || true
	ok "... the old log is amzmilter.log.1, the new one was reopened by the daemon" \
		test -s "$L.1" -a "$(grep -c 'log files reopened' "$L.1")" = "$before" -a -n "$(grep 'log files reopened' "$L" 2>/dev/null)"
	sed -i 's/^message .*/message after logrotate/' "$T/pm"
	run "$T/m" "$T/pm" >/dev/null
	wait_for "$J" '"qid":"MT000001Q"' || true
	ok "... and the next message's JSON line goes to the new verdicts.json" grep -q '"qid":"MT000001Q"' "$J"
	ok "... while verdicts.json.1 holds the earlier one" grep -q '"qid":"MT000001Q"' "$J.1"
	[ -s "$T/logrotate.out" ] && diag "logrotate: $(head -3 "$T/logrotate.out")"
else
	skip "logrotate with the shipped snippet" "logrotate is not installed (make deps)"
fi

# the stop: the last line reaches the file as well
for p in "${pids[@]}"; do kill -TERM "$p" 2>/dev/null; done
for p in "${pids[@]}"; do wait "$p" 2>/dev/null; done
pids=()
like "$(tail -1 "$T/e/out")" "^$TS notice: stopped$" "log = stderr: the stop line too"
like "$(tail -1 "$L")" "$TS notice: stopped$" "log = file: the stop line too"
