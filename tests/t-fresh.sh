#!/usr/bin/env bash
# t-fresh.sh - seller messages written apart from the labelled corpus
# (tests/fresh): each "ok" message must come out accepted or tagged, each
# "bad" one rejected or quarantined, through amzmilter-check and the
# shipped configuration.  What a user of the default ruleset relies on.
source "$(dirname "$0")/lib.sh"
cd "$TOP"
CHECK=$BUILD/amzmilter-check
DIR=tests/fresh
if [ ! -x "$CHECK" ]; then
	skip "fresh messages" "$CHECK not built"
	echo "1..$_tap_n"
	exit 0
fi
good=0 total=0
while IFS=$'\t' read -r name want market; do
	case $name in "#"*|"") continue ;; esac
	total=$((total + 1))
	json=$("$CHECK" -c conf/amzmilter.conf --json --rcpt "abc123xyz@marketplace.amazon.$market" "$DIR/messages/$name.eml")
	action=$(printf '%s' "$json" | python3 -c 'import json,sys; print(json.load(sys.stdin)["action"])')
	case $want:$action in
	ok:accept|ok:tag|bad:reject|bad:quarantine) ok "$name ($want): $action" true; good=$((good + 1)) ;;
	*) ok "$name ($want): $action" false; diag "$json" ;;
	esac
done <"$DIR/labels.tsv"
diag "fresh messages: $good/$total come out as expected"
echo "1..$_tap_n"
