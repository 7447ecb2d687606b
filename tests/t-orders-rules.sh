#!/usr/bin/env bash
# tests/t-orders-rules.sh - the order rules (rules/amazon/12-orders.rules) on
# labelled messages with order data: tests/orders/report.tsv.in (a Seller
# Central report whose @DAYS-N@ become dates N days before today, so that
# "days since delivery" do not age) and tests/orders/solicited.txt (orders
# asked for a review with Amazon's button) imported by amzmilter-orders
# into a fresh SQLite store; each message of tests/orders/messages through
# amzmilter-check with that store; its action and set of rules must equal
# its line of tests/orders/labels.tsv.  The checker looks orders up and
# never records: a message checked twice gets the same verdict.
source "$(dirname "$0")/lib.sh"
cd "$TOP"

CHECK="$BUILD/amzmilter-check"
ORD="$BUILD/amzmilter-orders"
DIR=tests/orders
if [ ! -x "$CHECK" ] || [ ! -x "$ORD" ]; then
	skip "order rules" "$CHECK or $ORD not built"
	exit 0
fi
tmp=$(mktemp -d /tmp/amz-orules.XXXXXX)
trap 'rm -rf "$tmp"' EXIT

python3 - "$DIR/report.tsv.in" "$tmp/report.tsv" <<'PY'
import re, sys, datetime
now = datetime.datetime.now(datetime.timezone.utc)
src = open(sys.argv[1], encoding="utf-8").read()
out = re.sub(r"@DAYS-(\d+)@", lambda m: (now - datetime.timedelta(days=int(m.group(1)))).strftime("%Y-%m-%dT%H:%M:%S+00:00"), src)
open(sys.argv[2], "w", encoding="utf-8").write(out)
PY
sed "s#^rules *=.*#rules = $TOP/rules#; s#^local_rules *=.*#local_rules = $TOP/rules/local.d#; s#^spool *=.*#spool = $tmp/spool#" \
	conf/amzmilter.conf >"$tmp/amz.conf"
echo "order_store = sqlite:$tmp/orders.db" >>"$tmp/amz.conf"
out=$("$ORD" -c "$tmp/amz.conf" import "$tmp/report.tsv" 2>&1); rc=$?
is "$rc" 0 "the order report imports"
[ "$rc" = 0 ] || diag "$out"
out=$("$ORD" -c "$tmp/amz.conf" import --solicited "$DIR/solicited.txt" 2>&1); rc=$?
is "$rc" 0 "the solicited orders import"
[ "$rc" = 0 ] || diag "$out"

: >"$tmp/got"
for f in "$DIR"/messages/*.eml; do
	"$CHECK" -c "$tmp/amz.conf" --json "$f" 2>>"$tmp/err" | python3 -c '
import json, os, sys
for line in sys.stdin:
    if line.startswith("{"):
        o = json.loads(line)
        rules = sorted({h["rule"] for h in o["hits"]})
        print("%s\t%s\t%s" % (os.path.basename(o["file"]), o["action"], ",".join(rules) or "-"))
' >>"$tmp/got"
done
[ -s "$tmp/err" ] && diag "$(head -5 "$tmp/err")"
n=0
while IFS=$'\t' read -r file action rules; do
	case $file in '#'*|'') continue ;; esac
	n=$((n + 1))
	got=$(awk -F'\t' -v f="$file" '$1 == f { print $2 " " $3 }' "$tmp/got")
	is "$got" "$action $rules" "$file"
done <"$DIR/labels.tsv"
ok "every message of tests/orders/messages has a label" test "$n" = "$(ls "$DIR"/messages/*.eml | wc -l)"

# without a store the order rules are silent: the same messages, no order rule
sed '/^order_store/d' "$tmp/amz.conf" >"$tmp/nostore.conf"
hits=$("$CHECK" -c "$tmp/nostore.conf" --json "$DIR"/messages/*.eml 2>/dev/null |
	grep -oE '"(ORDER_OTHER_BUYER|ORDER_UNKNOWN|OUTSIDE_30_DAYS|LANGUAGE_NOT_BUYERS|REVIEW_ALREADY_REQUESTED|ORDER_STORE_STALE)"' | wc -l)
is "$hits" 0 "without order_store no order rule fires"
