#!/usr/bin/env bash
# tests/t-orders.sh - amzmilter-orders end to end on a temporary SQLite
# store (and on Redis when redis-server is installed): files made by
# tests/gen-orders.py imported with their bad rows reported as FILE:LINE,
# what `show` prints of sample orders, re-imports that change nothing, a
# newer row that does, an interrupted import that goes on where it
# stopped, stats, expire and forget, the exit statuses, and the privilege
# drop when run as root.
source "$(dirname "$0")/lib.sh"
cd "$TOP"
ORD=$BUILD/amzmilter-orders
[ -x "$ORD" ] || { skip "amzmilter-orders" "$ORD is not built"; exit 0; }

T=$(mktemp -d /tmp/amz-orders.XXXXXX)
chmod 0755 "$T"
redis_pid=
cleanup() {
	[ -n "$redis_pid" ] && kill "$redis_pid" 2>/dev/null && wait "$redis_pid" 2>/dev/null
	rm -rf "$T"
}
trap cleanup EXIT

python3 tests/gen-orders.py --seed 7 --out "$T/fx"
cat >"$T/amz.conf" <<EOF
order_store = sqlite:$T/db/orders.db
order_retention_days = 400
store_max_age = 1d
EOF
mkdir "$T/db"
run() { "$ORD" -c "$T/amz.conf" "$@" >"$T/out" 2>"$T/err"; echo $?; }
out() { cat "$T/out"; }
err() { cat "$T/err"; }
# sql QUERY - on the SQLite store, with Python's sqlite3 (no CLI needed)
sql() { python3 -c 'import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); r = c.execute(sys.argv[2]).fetchall(); c.commit(); print("\n".join("|".join(map(str, x)) for x in r))' "$T/db/orders.db" "$1"; }
# field NAME - the value of a line of `show` or `stats` output (its label
# up to two words, then spaces); in bash alone: this runs often
field() {
	local l
	while IFS= read -r l; do
		[[ $l =~ ^$1\ \ +(.*)$ ]] && { printf '%s\n' "${BASH_REMATCH[1]}"; return; }
	done <"$T/out"
}
expect_orders() { sed -n 's/^orders //p' "$1.expect"; }
expect_bad() { grep -c '^bad ' "$1.expect"; }

# --- usage -------------------------------------------------------------------
is "$("$ORD" -V)" "amzmilter-orders $(sed -n 's/^VERSION *:= *//p' Makefile)" "-V prints the version"
is "$(run)" 2 "no command: exit 2"
is "$(run frobnicate)" 2 "an unknown command: exit 2"
like "$(err)" 'unknown command "frobnicate"' "... named"
is "$(run show)" 2 "show without an order: exit 2"
is "$(run stats --solicited)" 2 "--solicited with another command than import: exit 2"
printf 'order_retention_days = 30\n' >"$T/none.conf"
is "$("$ORD" -c "$T/none.conf" stats 2>"$T/err"; echo $?)" 2 "no order store configured: exit 2"
like "$(err)" "no order store: set order_store in $T/none.conf or give --store URL" "... and what to do"
is "$("$ORD" -c "$T/amz.conf" --store "sqlite:$T/nowhere/o.db" stats 2>"$T/err"; echo $?)" 2 \
	"an SQLite store in a directory that does not exist: exit 2"
like "$(err)" "the directory $T/nowhere does not exist" "... said so"
is "$(run import "$T/fx/missing.txt")" 2 "a file that cannot be read: exit 2"
like "$(err)" "missing.txt: No such file" "... said so"

# --- import: every generated file, its counts and bad rows -------------------
total=0
for f in report-all.txt report-buyer.txt report-unshipped.txt spapi-page.json spapi-orders.jsonl attributes.jsonl; do
	p=$T/fx/$f n=$(expect_orders "$T/fx/$f") b=$(expect_bad "$T/fx/$f")
	total=$((total + n))
	is "$(run import "$p")" 1 "$f: bad rows make exit 1"
	is "$(out)" "$p: $n orders read, $n written, 0 unchanged, $b bad rows" "$f: the summary"
	want=$(sed -n 's/^bad \([0-9]*\) .*/\1/p' "$p.expect" | sort -n | tr '\n' ' ')
	got=$(grep -o "^$p:[0-9]*:" "$T/err" | cut -d: -f2 | sort -n | tr '\n' ' ')
	is "$got" "$want" "$f: each bad row reported with its line"
	if grep -q '^warning buyer' "$p.expect"; then
		like "$(err)" "^$p: warning: no buyer-email column: ORDER_OTHER_BUYER cannot work" "$f: the warning about buyers"
	fi
	# the sample orders, as `show` prints them
	while IFS=$'\t' read -r _ id fields; do
		run show "$id" >/dev/null
		bad=
		IFS=$'\t' read -ra kv <<<"$fields"
		for x in "${kv[@]}"; do
			k=${x%%=*} v=${x#*=}
			[ "$k" = delivered ] && k="delivered by"
			[ "$(field "$k")" = "$v" ] || bad="$bad $k=$(field "$k") (want $v)"
		done
		is "${bad:-fine}" fine "$f: show $id"
	done < <(grep $'^order\t' "$p.expect")
done

# --- re-imports ----------------------------------------------------------------
p=$T/fx/report-buyer.txt n=$(expect_orders "$p") b=$(expect_bad "$p")
lines=$(wc -l <"$p")
is "$(run import "$p")" 0 "the same file again: nothing left to read, exit 0"
is "$(out)" "$p: went on after line $lines, where an earlier import of it stopped (--again reads it all)
$p: 0 orders read, 0 written, 0 unchanged, 0 bad rows" "... it says where it went on"
is "$(run import --again "$p")" 1 "--again reads it all"
is "$(out)" "$p: $n orders read, 0 written, $n unchanged, $b bad rows" "... and changes nothing"
before=$(sql "select count(*) from orders")
is "$before" "$total" "the store holds every good order of the files"

# a newer row updates, an older one does not
id=$(sed -n '2p' "$p" | cut -f1)
head -1 "$p" >"$T/newer.txt"
sed -n '2p' "$p" | awk -F'\t' -v OFS='\t' '{ $3 = "2026-12-01T00:00:00+00:00"; $4 = "Cancelled"; print }' >>"$T/newer.txt"
is "$(run import "$T/newer.txt")" 0 "a newer row"
is "$(out)" "$T/newer.txt: 1 orders read, 1 written, 0 unchanged, 0 bad rows" "... is written"
run show "$id" >/dev/null
is "$(field status)" canceled "... and show has its status"
is "$(field updated)" "2026-12-01 00:00:00 UTC" "... and its date"
head -1 "$p" >"$T/older.txt"
sed -n '2p' "$p" | awk -F'\t' -v OFS='\t' '{ $3 = "2026-08-01T00:00:00+00:00"; $4 = "Pending"; print }' >>"$T/older.txt"
run import "$T/older.txt" >/dev/null
is "$(out)" "$T/older.txt: 1 orders read, 0 written, 1 unchanged, 0 bad rows" "an older row changes nothing"
run show "$id" >/dev/null
is "$(field status)" canceled "... the status stays"

# a changed file is read from its start
echo >>"$T/newer.txt"
run import "$T/newer.txt" >/dev/null
is "$(out)" "$T/newer.txt: 1 orders read, 0 written, 1 unchanged, 0 bad rows" "a changed file is read again from its start"

# --- solicited lists -------------------------------------------------------------
p=$T/fx/solicited.txt n=$(expect_orders "$p") b=$(expect_bad "$p")
is "$(run import --solicited "$p")" 1 "a solicited list with bad lines: exit 1"
is "$(out)" "$p: $n orders read, $n recorded as asked for a review, 0 recorded before, $b bad rows" "... the summary"
want=$(sed -n 's/^bad \([0-9]*\) .*/\1/p' "$p.expect" | sort -n | tr '\n' ' ')
got=$(grep -o "^$p:[0-9]*:" "$T/err" | cut -d: -f2 | sort -n | tr '\n' ' ')
is "$got" "$want" "... each bad line reported"
# read by mistake as orders first: its records are no getAttributes results
is "$(run import "$T/fx/solicited.json")" 1 "a solicited list in JSON imported as orders: exit 1"
is "$(out)" "$T/fx/solicited.json: 0 orders read, 0 written, 0 unchanged, $n bad rows" "... every record a bad row"
is "$(run import --solicited "$T/fx/solicited.json")" 0 "the same orders as JSON, imported as a solicited list"
is "$(out)" "$T/fx/solicited.json: $n orders read, 0 recorded as asked for a review, $n recorded before, 0 bad rows" \
	"... were all recorded before"
sol=$(grep -v '^#' "$p" | awk 'NF { print $1; exit }')
run show "$sol" >/dev/null
like "$(field 'review request')" '^recorded ' "show: the review request of a solicited order"
is "$(run import "$p")" 2 "a solicited list imported as orders: exit 2"
like "$(err)" "$p:1: no amazon-order-id or order-id column: not an order report \\(a list of orders asked for a review is imported with --solicited\\)" \
	"... and why"

# --- an interrupted import goes on where it stopped ---------------------------
python3 tests/gen-orders.py --seed 8 --orders 25000 >"$T/big.txt"
big_lines=$(wc -l <"$T/big.txt")
"$ORD" -c "$T/amz.conf" import "$T/big.txt" >"$T/big.out" 2>&1 &
ipid=$!
pos=
for _ in $(seq 200); do
	pos=$(sql "select value from meta where name = 'import:$T/big.txt'" 2>/dev/null | cut -d: -f3)
	[ -n "$pos" ] && break
	sleep 0.02
done
kill -9 "$ipid" 2>/dev/null
wait "$ipid" 2>/dev/null
pos=$(sql "select value from meta where name = 'import:$T/big.txt'" | cut -d: -f3)
if [ -n "$pos" ] && [ "$pos" -lt "$big_lines" ]; then
	is "$(run import "$T/big.txt")" 0 "after a kill, the import"
	like "$(out)" "^$T/big.txt: went on after line $pos, where an earlier import of it stopped" "... goes on after line $pos"
else
	# the import finished before the kill: interrupt it by the record instead
	sql "update meta set value = substr(value, 1, instr(substr(value, instr(value, ':') + 1), ':') + instr(value, ':')) || '5001' where name = 'import:$T/big.txt'" >/dev/null
	pos=5001
	is "$(run import "$T/big.txt")" 0 "after an interruption, the import"
	like "$(out)" "^$T/big.txt: went on after line $pos, where" "... goes on after line $pos"
fi
is "$(sql "select count(*) from orders") " "$((total + 25000)) " "... and every order of the file is in the store"
is "$(sql "select value from meta where name = 'import:$T/big.txt'" | cut -d: -f1,3)" "$(stat -c %s "$T/big.txt"):$big_lines" \
	"... recorded as read to its end"

# --- stats, expire, forget ---------------------------------------------------------
total=$((total + 25000))
is "$(run stats)" 0 "stats"
is "$(field orders)" "$total" "stats: orders"
no_buyer=$(( $(expect_orders "$T/fx/report-all.txt") + $(expect_orders "$T/fx/attributes.jsonl") ))
is "$(field 'without buyer')" "$no_buyer" "stats: orders without a buyer (the report without buyer-email, getAttributes results)"
is "$(field 'review requests')" "$(expect_orders "$T/fx/solicited.txt")" "stats: review requests"
like "$(field 'last import')" "^$(date -u +%Y-%m-%d) [0-9:]+ UTC$" "stats: the last import, today, not stale"
sql "update meta set value = '$(($(date +%s) - 2 * 86400))' where name = 'last_import'" >/dev/null
run stats >/dev/null
like "$(field 'last import')" "UTC \\(stale: older than store_max_age 1d\\)$" "stats: an import older than store_max_age is stale"

printf 'amazon-order-id\tpurchase-date\tbuyer-email\n302-0000000-0000001\t2020-01-01T00:00:00Z\told@marketplace.amazon.de\n' >"$T/old.txt"
run import "$T/old.txt" >/dev/null
# and the getAttributes results of orders the store has no other record
# of: without a purchase date or a date of change, they go too
gone=$((1 + $(expect_orders "$T/fx/attributes.jsonl")))
is "$(run expire)" 0 "expire"
like "$(out)" "^$gone orders removed: purchased before [0-9-]+ [0-9:]+ UTC \\(order_retention_days = 400\\)$" \
	"... removes the order older than order_retention_days (and $((gone - 1)) orders known by their locale only)"
is "$(run show 302-0000000-0000001)" 1 "... it is not in the store any more"
is "$(out)" "302-0000000-0000001: not in the store" "... says show"
is "$(run show 302-12345)" 2 "show: not an order ID, exit 2"

id=$(sed -n '2p' "$T/fx/report-buyer.txt" | cut -f1)
is "$(run forget "$id")" 0 "forget an order"
is "$(out)" "1 orders removed" "... one removed"
is "$(run show "$id")" 1 "... and gone"
buyer=$(sed -n '3p' "$T/fx/report-buyer.txt" | cut -f6)
id=$(sed -n '3p' "$T/fx/report-buyer.txt" | cut -f1)
is "$(run forget "$(echo "$buyer" | tr a-z A-Z)")" 0 "forget a buyer (in capitals)"
is "$(out)" "1 orders removed" "... their order removed"
is "$(run show "$id")" 1 "... and gone"
is "$(run forget nothing)" 2 "forget what is neither an order nor an address: exit 2"

# --- as root: the store stays the daemon's user's --------------------------------
if [ "$(id -u)" = 0 ] && id nobody >/dev/null 2>&1; then
	mkdir "$T/priv"
	chown nobody "$T/priv"
	printf 'order_store = sqlite:%s/priv/orders.db\nuser = nobody\n' "$T" >"$T/priv.conf"
	cp "$T/fx/report-all.txt" "$T/root-only.txt"
	chmod 0600 "$T/root-only.txt"
	is "$("$ORD" -c "$T/priv.conf" import "$T/root-only.txt" >/dev/null 2>&1; echo $?)" 1 \
		"as root: a file only root can read is imported"
	is "$(stat -c %U "$T/priv/orders.db")" nobody "... into a store file of the configured user"
	is "$(find "$T/priv" ! -user nobody | wc -l)" 0 "... and every file beside it (WAL) too"
	mkdir "$T/rootdir"
	printf 'order_store = sqlite:%s/rootdir/orders.db\nuser = nobody\n' "$T" >"$T/priv2.conf"
	is "$("$ORD" -c "$T/priv2.conf" stats 2>"$T/err" >/dev/null; echo $?)" 2 "as root: a store directory the user cannot write in: exit 2"
	like "$(err)" "nobody cannot write in $T/rootdir" "... said so"
else
	skip "the privilege drop" "needs root and the user nobody"
fi

# --- Redis ----------------------------------------------------------------------------
if command -v redis-server >/dev/null; then
	redis-server --port 0 --unixsocket "$T/redis.sock" --save '' --appendonly no >"$T/redis.log" 2>&1 &
	redis_pid=$!
	for _ in $(seq 100); do [ -S "$T/redis.sock" ] && break; sleep 0.05; done
	R=(--store "redis+unix:$T/redis.sock")
	p=$T/fx/report-buyer.txt n=$(expect_orders "$p") b=$(expect_bad "$p")
	is "$(run "${R[@]}" import "$p")" 1 "Redis: an import"
	is "$(out)" "$p: $n orders read, $n written, 0 unchanged, $b bad rows" "Redis: the summary"
	is "$(run "${R[@]}" import --again "$p")" 1 "Redis: again"
	is "$(out)" "$p: $n orders read, 0 written, $n unchanged, $b bad rows" "Redis: ... changes nothing"
	IFS=$'\t' read -r _ id fields < <(grep $'^order\t' "$p.expect" | head -1)
	run "${R[@]}" show "$id" >/dev/null
	like "$fields" "buyer=$(field buyer)" "Redis: show $id: the buyer"
	like "$fields" "status=$(field status)" "Redis: show $id: the status"
	run "${R[@]}" stats >/dev/null
	is "$(field orders)" "$n" "Redis: stats"
else
	skip "Redis" "redis-server is not installed"
fi
