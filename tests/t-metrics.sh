#!/usr/bin/env bash
# tests/t-metrics.sh - the metrics endpoint (metrics_listen) under load
# through a private Postfix: a mix of messages that are accepted, rejected,
# held and tempfailed (a limit), scraped all the while; every scrape keeps
# the format and adds up, and at the end the counters match what the SMTP
# clients were told and what the log says.  Then reloads, a good and a bad
# one; what the endpoint refuses; a port in use and a non-loopback address.
. "$(dirname "$0")/lib.sh"
. "$TOP/tests/mta/postfix.sh"
. "$TOP/tests/mta/milter.sh"

pf_suite "metrics endpoint" metrics postfix postconf python3
PY=python3
[ -x /usr/bin/python3 ] && PY=/usr/bin/python3   # Debian's, with python3-prometheus-client
SCRAPE="$PY $TOP/tests/mta/scrape.py"
M_PORT=$(free_port)
URL=http://127.0.0.1:$M_PORT/metrics
N=12    # messages of each kind

mkdir -p "$T/milter" "$T/msgs"
milter_conf "$T/milter" metrics_listen="127.0.0.1:$M_PORT" max_mime_parts=4
cat >"$T/milter/local.d/test.rules" <<'EOF'
rule TEST_QUARANTINE
  describe "Held for review (test rule)."
  match subject =~ /\[hold-me\]/
  action quarantine
EOF
if ! milter_start "$T/milter"; then
	is "not running" "running" "amzmilter starts with metrics_listen"
	exit 0
fi
pf_setup "$T/pf" "$SMTP_PORT" "$SINK_PORT" "$MILTER_SPEC" || exit 1
sink_start "$T/sink" "$SINK_PORT" || { is "no sink" "sink" "sink starts"; exit 0; }
if ! pf_start; then
	is "$(tail -n 5 "$T/pf/log/maillog" 2>/dev/null)" "" "private Postfix starts"
	exit 0
fi

# msg KIND SUBJECT BODY [CONTENT-TYPE] - $T/msgs/KIND.eml
msg() {
	{
		printf 'From: Contoso Outdoor <support@contoso-outdoor.example>\n'
		printf 'To: 8xk2m4q7z1v9c3b@marketplace.amazon.com\nSubject: %s\n' "$2"
		printf 'Date: Tue, 03 Jun 2025 10:15:00 +0200\nMessage-ID: <%s@contoso-outdoor.example>\n' "$1"
		printf 'MIME-Version: 1.0\nContent-Type: %s\n\n%b\n' "${4:-text/plain; charset=us-ascii}" "$3"
	} >"$T/msgs/$1.eml"
}
msg accept "Order 302-1234567-1234567" "Hello, the item for order 302-1234567-1234567 is delayed by two days; we are sorry for the wait."
msg reject "Your delivery address" "Could you please confirm your delivery address?"
msg hold "[hold-me] Order 302-1234567-1234567" "Order 302-1234567-1234567 has shipped."
parts=""
for i in 1 2 3 4 5 6; do parts="$parts--b\nContent-Type: text/plain\n\nPart $i of order 302-1234567-1234567.\n"; done
msg limit "Order 302-1234567-1234567" "$parts--b--" 'multipart/mixed; boundary="b"'
msg other "Hello" "Not for Amazon."

# 1. the endpoint before any mail
if $PY -c 'import sys; sys.path.append("/usr/lib/python3/dist-packages"); import prometheus_client.parser' 2>/dev/null; then
	ok "Prometheus's own parser reads every scrape below (python3-prometheus-client)" true
else
	skip "Prometheus's own parser on the scrapes" "python3-prometheus-client is not installed"
fi
out=$($SCRAPE get "$URL" 2>&1)
is "$(grep -c '^problem' <<<"$out")" 0 "a scrape at rest keeps the text format"
like "$out" 'amzmilter_build_info\{version="[0-9.]+",milter="[^"]+"\} 1' "build_info names the version and the libmilter driver"
like "$out" '^amzmilter_snapshot_generation 1$' "generation 1 at start"
like "$out" 'amzmilter_messages_total\{verdict="reject"\} 0' "every verdict is there from the start, at 0"
like "$out" 'amzmilter_failures_total\{class="store"\} 0' "every failure class is there from the start, at 0"

# 2. the load, scraped while it runs
mark=$(milter_log_size)
load=$($SCRAPE load "$URL" "$SMTP_PORT" "$T/msgs" accept:$N reject:$N hold:$N limit:$N other:3 2>&1)
count() { grep -c "^sent $1 $2\$" <<<"$load"; }
is "$(count accept 250) $(count reject 550) $(count hold 250) $(count limit 451) $(count other 250)" \
	"$N $N $N $N 3" "the SMTP clients were told 250, 550, 250 (held) and 451 (limit) as expected"
is "$(grep '^problem' <<<"$load" | head -5)" "" "every scrape during the load keeps the format, adds up and never goes down"
during=$(sed -n 's/^during //p' <<<"$load")
ok "scrapes were taken while messages were in flight ($during of $(sed -n 's/^scrapes //p' <<<"$load"))" \
	test "${during:-0}" -ge 1
milter_wait_log "$mark" "verdict=" 1 || true

out=$($SCRAPE get "$URL" 2>&1)
is "$(grep '^problem' <<<"$out")" "" "the scrape after the load keeps the format"
val() { sed -n "s/^$(sed 's/[][\.*^$]/\\&/g' <<<"$1") //p" <<<"$out"; }
is "$(val 'amzmilter_messages_total{verdict="accept"}') $(val 'amzmilter_messages_total{verdict="reject"}') $(val 'amzmilter_messages_total{verdict="quarantine"}') $(val 'amzmilter_messages_total{verdict="tempfail"}')" \
	"$N $N $N $N" "per-verdict counters: accept, reject, quarantine, tempfail"
sum=$(grep '^amzmilter_messages_total{' <<<"$out" | awk '{s += $2} END {print s}')
is "$sum" "$((4 * N))" "the verdicts add up to the relay messages sent"
is "$(val amzmilter_message_size_bytes_count) $(val amzmilter_check_duration_seconds_count)" "$((4 * N)) $((4 * N))" \
	"both histograms counted every relay message"
is "$(val 'amzmilter_failures_total{class="limit"}')" "$N" "failures: the limit class, once per message over max_mime_parts"
is "$(val 'amzmilter_unchecked_total{reason="not_relay"}')" 3 "mail for others: counted as unchecked, not as a verdict"
is "$(val 'amzmilter_rule_hits_total{rule="TEST_QUARANTINE",acted="yes"}')" "$N" "the quarantine rule: fired and acted on once per held message"
is "$(val 'amzmilter_rule_hits_total{rule="ORDER_ID_MISSING",acted="yes"}')" "$N" "ORDER_ID_MISSING: fired and acted on once per rejected message"
size_sum=$(val amzmilter_message_size_bytes_sum)
ok "the size histogram's sum is the bytes of the messages ($size_sum)" test "${size_sum:-0}" -gt $((4 * N * 200))

# the per-rule counts are what the log's rules= fields say
log_rules=$(milter_log_since "$mark" | sed -n 's/.* verdict=[a-z]* \(would=[a-z]* \)\{0,1\}rules=\([^ ]*\) ms=.*/\2/p' |
	tr ',' '\n' | sed 's/(monitor)$//' | grep -v '^-$' | sort | uniq -c | awk '{print $2, $1}')
metric_rules=$(grep '^amzmilter_rule_hits_total{' <<<"$out" |
	sed 's/^amzmilter_rule_hits_total{rule="\([^"]*\)",acted="[a-z]*"} \([0-9]*\)$/\1 \2/' |
	awk '{s[$1] += $2} END {for (r in s) if (s[r] > 0) print r, s[r]}' | sort)
is "$metric_rules" "$log_rules" "every rule's hits (acted or not) match the daemon's log"
is "$(milter_log_since "$mark" | grep -c ' verdict=')" "$((4 * N))" "... which logged one verdict per relay message"

# 3. reloads: a good one, then a bad one that keeps the running rules
mark=$(milter_log_size)
milter_hup
milter_wait_log "$mark" "reloaded" 10 || true
out=$($SCRAPE get "$URL" 2>&1)
is "$(val 'amzmilter_reloads_total{result="ok"}') $(val amzmilter_snapshot_generation)" "1 2" "a reload: reloads ok 1, generation 2"
echo "rule BROKEN match nothing-like-this" >"$T/milter/local.d/broken.rules"
mark=$(milter_log_size)
milter_hup
milter_wait_log "$mark" "reload failed" 10 || true
out=$($SCRAPE get "$URL" 2>&1)
is "$(val 'amzmilter_reloads_total{result="failed"}') $(val amzmilter_snapshot_generation)" "1 2" \
	"a failed reload: reloads failed 1, the generation stays 2"
is "$(val 'amzmilter_messages_total{verdict="reject"}')" "$N" "the counters survive reloads"
rm -f "$T/milter/local.d/broken.rules"

# 4. what the endpoint answers besides GET /metrics
code() { $PY - "$@" <<'PY'
import sys, urllib.request, urllib.error
req = urllib.request.Request(sys.argv[2], method=sys.argv[1], data=b"x" if sys.argv[1] == "POST" else None)
try:
    with urllib.request.urlopen(req, timeout=10) as r:
        print(r.status, len(r.read()))
except urllib.error.HTTPError as e:
    print(e.code, e.headers.get("Allow", ""))
PY
}
is "$(code GET "http://127.0.0.1:$M_PORT/")" "404 " "another path: 404"
is "$(code POST "$URL")" "405 GET, HEAD" "POST: 405 with Allow: GET, HEAD"
is "$(code HEAD "$URL")" "200 0" "HEAD: 200 without a body"

# 5. a second daemon on the same metrics port does not start; its log says why
milter_conf "$T/second" metrics_listen="127.0.0.1:$M_PORT"
"$BUILD/amzmilter" -v -c "$T/second/amzmilter.conf" >"$T/second.log" 2>&1 &
second=$!
for _ in $(seq 100); do kill -0 "$second" 2>/dev/null || break; sleep 0.1; done
if kill -0 "$second" 2>/dev/null; then kill -KILL "$second"; wait "$second"; rc=running; else wait "$second"; rc=$?; fi
is "$rc" 1 "a metrics port in use: the daemon does not start"
like "$(cat "$T/second.log")" "metrics_listen 127\\.0\\.0\\.1:$M_PORT: Address already in use; not starting" "... and says so"
out=$($SCRAPE get "$URL" 2>&1)
is "$(val 'amzmilter_messages_total{verdict="reject"}')" "$N" "... and the running one goes on serving"

# 6. another address than loopback only when allowed (-n checks it)
milter_conf "$T/remote" metrics_listen=0.0.0.0:9797
out=$("$BUILD/amzmilter" -n -c "$T/remote/amzmilter.conf" 2>&1)
like "$out" "amzmilter\\.conf:[0-9]+:18: metrics_listen: 0\\.0\\.0\\.0:9797 is not a loopback address.*metrics_allow_remote = yes" \
	"a non-loopback metrics_listen is refused with file:line"
echo "metrics_allow_remote = yes" >>"$T/remote/amzmilter.conf"
ok "... and accepted with metrics_allow_remote = yes" bash -c "\"\$0\" -n -c \"\$1\" >/dev/null" "$BUILD/amzmilter" "$T/remote/amzmilter.conf"
