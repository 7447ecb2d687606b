#!/usr/bin/env bash
# tests/t-bombs.sh - messages built to make the MIME parser amplify memory:
# hundreds of thousands of parts in a few MB, each part costing GMime far
# more than its bytes.  The checker must still give the limit verdict
# (an AMZ_LIMIT hit naming "parts") inside a small address space and with a
# small peak resident size: GMime is handed only as much of the message as
# the part limit can use (milter/extract/mime.c, part_scan).  The messages are
# generated here, never committed:
#   flat    FLAT_PARTS empty parts of one multipart/mixed ("--b" and an
#           empty line, repeated)
#   nested  NESTED_PARTS empty parts in multiparts two deep
#   rfc822  RFC822_PARTS message/rfc822 parts, each a one-line message
#           (the rules also reject them as attachments, so the verdict is
#           reject with the AMZ_LIMIT hit beside it, as without the bound)
# and one just under the part limit, which must be read whole.
# Bounds: AS_MB of address space (prlimit --as): room for GLib, GMime,
# libmagic and the rules, not for an unbounded tree of any of these; RSS_MB
# of peak resident size (/usr/bin/time %M).
. "$(dirname "$0")/lib.sh"
cd "$TOP"
CHECK=$BUILD/amzmilter-check
CONF=${CONF:-conf/amzmilter.conf}
AS_MB=256
RSS_MB=64
FLAT_PARTS=400000
NESTED_PARTS=200000
NESTED_GROUP=200        # empty parts in each inner multipart
RFC822_PARTS=100000
UNDER_PARTS=450         # below max_mime_parts (500 in conf/amzmilter.conf)
RCPT=8xk2m4q7z1v9c3b@marketplace.amazon.de

if [ ! -x "$CHECK" ]; then
	skip "part bombs" "$CHECK not built"
	exit 0
fi
T=$(mktemp -d /tmp/amz-bombs.XXXXXX)
trap 'rm -rf "$T"' EXIT

# gen SHAPE N - one generated message on stdout
gen() {
	python3 - "$1" "$2" "$NESTED_GROUP" <<'PY'
import sys
shape, n, group = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
out = sys.stdout
out.write("From: shop@example.com\nTo: buyer@marketplace.amazon.de\n"
          "Subject: Your order 302-1234567-1234567\nMIME-Version: 1.0\n")
if shape == "flat":
    out.write("Content-Type: multipart/mixed; boundary=b\n\n" + "--b\n\n" * n + "--b--\n")
elif shape == "nested":
    inner = ("--o\nContent-Type: multipart/mixed; boundary=i\n\n" + "--i\n\n" * group + "--i--\n")
    out.write("Content-Type: multipart/mixed; boundary=o\n\n" + inner * (n // group) + "--o--\n")
elif shape == "rfc822":
    out.write("Content-Type: multipart/mixed; boundary=b\n\n" +
              "--b\nContent-Type: message/rfc822\n\nSubject: x\n\nhi\n" * n + "--b--\n")
elif shape == "under":
    out.write('Content-Type: multipart/mixed; boundary="=_u"\n\n' +
              "".join("--=_u\nContent-Type: text/plain\n\nline %d\n" % i for i in range(n)) +
              "--=_u--\n")
PY
}

# summary FILE - "action rule:evidence ..." of the checker's JSON line
summary() {
	python3 -c '
import json, sys
for line in open(sys.argv[1]):
    if line.startswith("{"):
        v = json.loads(line)
        print(v["action"], " ".join("%s:%s" % (h["rule"], h.get("evidence", "")) for h in v["hits"]))
        break
' "$1"
}

have_time=1
[ -x /usr/bin/time ] || have_time=0

# bomb NAME N ACTION - the limit verdict within AS_MB and RSS_MB
bomb() {
	local name=$1 n=$2 want=$3 rc got rss
	gen "$name" "$n" >"$T/$name.eml"
	if [ "$have_time" = 1 ]; then
		/usr/bin/time -f '%M' -o "$T/$name.rss" \
			prlimit --as=$((AS_MB * 1024 * 1024)) \
			"$CHECK" -c "$CONF" --json --rcpt "$RCPT" "$T/$name.eml" >"$T/$name.out" 2>"$T/$name.err"
		rc=$?
	else
		prlimit --as=$((AS_MB * 1024 * 1024)) \
			"$CHECK" -c "$CONF" --json --rcpt "$RCPT" "$T/$name.eml" >"$T/$name.out" 2>"$T/$name.err"
		rc=$?
	fi
	is "$rc" 1 "$name: $n parts in $(($(stat -c %s "$T/$name.eml") / 1024)) KB: a verdict within ${AS_MB} MB of address space"
	[ "$rc" -eq 1 ] || diag "$(grep -v '^$' "$T/$name.err" | head -3)"
	got=$(summary "$T/$name.out")
	like "$got" "^$want .*AMZ_LIMIT:[^ ]*parts" "$name: $want with AMZ_LIMIT (parts)"
	if [ "$have_time" = 1 ]; then
		rss=$(($(tail -1 "$T/$name.rss") / 1024))
		ok "$name: peak resident size ${rss} MB, under ${RSS_MB} MB" [ "$rss" -lt "$RSS_MB" ]
	else
		skip "$name: peak resident size" "/usr/bin/time is not installed (make deps)"
	fi
}

bomb flat "$FLAT_PARTS" tempfail
bomb nested "$NESTED_PARTS" tempfail
bomb rfc822 "$RFC822_PARTS" reject

# Under the limit nothing is cut: every part is walked, no limit is named.
gen under "$UNDER_PARTS" >"$T/under.eml"
"$CHECK" -c "$CONF" --json --facts --rcpt "$RCPT" "$T/under.eml" >"$T/under.out" 2>&1
like "$(grep '^parts:' "$T/under.out")" "^parts: $((UNDER_PARTS + 1))\$" \
	"under the limit: all $UNDER_PARTS parts and their multipart are walked"
got=$(summary "$T/under.out")
ok "under the limit: no AMZ_LIMIT (verdict ${got%% *})" sh -c "! printf '%s' \"\$1\" | grep -q AMZ_LIMIT" _ "$got"

# The daemon: the same bomb over the milter protocol, the daemon under an
# address-space limit (room for its threads' stacks and the rules, not for an
# unbounded tree).  It answers tempfail, lives on, and checks the next
# message; its resident size goes back near where it was.
. "$TOP/tests/mta/milter.sh"
DAEMON_AS_MB=768
if ! command -v miltertest >/dev/null || [ ! -x "$BUILD/amzmilter" ]; then
	skip "part bombs through the daemon" "miltertest or $BUILD/amzmilter missing"
	exit 0
fi
mkdir -p "$T/m"
milter_conf "$T/m"
MILTER_WRAPPER="prlimit --as=$((DAEMON_AS_MB * 1024 * 1024))" milter_start "$T/m" ||
	{ is "not running" "running" "amzmilter starts under prlimit --as"; exit 0; }
trap 'milter_stop; rm -rf "$T"' EXIT
vm() { awk -v k="$1:" '$1 == k { print int($2 / 1024) }' "/proc/$MILTER_PID/status"; }
ok "the daemon runs with ${DAEMON_AS_MB} MB of address space" \
	grep -q "^Max address space *$((DAEMON_AS_MB * 1024 * 1024))" "/proc/$MILTER_PID/limits"
before=$(vm VmRSS)
send() { # send EML EXPECT LABEL - one transaction through message.lua
	MT_SOCKET=$MILTER_SPEC MT_EML=$1 MT_FROM=shop@example.com MT_RCPTS=$RCPT MT_EXPECT=$2 \
		MT_LABEL=$3 MT_CHUNK=whole miltertest -s "$TOP/tests/miltertest/message.lua" 2>&1 | grep '^RESULT'
}
like "$(send "$T/flat.eml" tempfail flat)" '^RESULT ok' "daemon: the $FLAT_PARTS-part message is tempfailed"
ok "daemon: still running after it" kill -0 "$MILTER_PID"
like "$(milter_log_since 0)" 'verdict=tempfail rules=AMZ_LIMIT' "daemon: logged as AMZ_LIMIT"
after=$(vm VmRSS)
diag "daemon RSS: $before MB before, peak $(vm VmHWM) MB, $after MB after"
ok "daemon: resident size back within 16 MB of before ($before -> $after MB)" \
	[ "$after" -le $((before + 16)) ]
like "$(send "$T/under.eml" accept under)" '^RESULT ok' "daemon: the next message is checked as usual"
