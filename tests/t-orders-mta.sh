#!/usr/bin/env bash
# tests/t-orders-mta.sh - the order store through real MTAs: two Postfix
# instances, each with its own amzmilter, sharing one Redis.
#   1. review requests for the same order sent through both at the same
#      moment: for each order exactly one is delivered, the other rejected
#      with REVIEW_ALREADY_REQUESTED; the same message sent again (a client
#      retry) is not a second request
#   2. Redis killed in the middle of a load and started again: every
#      message ends delivered or rejected as predicted; the ones sent while
#      it was down were tempfailed (AMZ_STORE_ERROR) and went through when
#      the client retried
. "$(dirname "$0")/lib.sh"
. "$TOP/tests/mta/postfix.sh"
. "$TOP/tests/mta/milter.sh"

pf_suite "order store through two Postfix instances" orders postfix postconf swaks redis-server redis-cli
SMTP2_PORT=$(free_port)
FROM=support@contoso-outdoor.example
SOCK=$T/redis/redis.sock
ORDERS=8

REDIS_PID=
redis_start() {
	mkdir -p "$T/redis"
	# appendfsync always: what was recorded survives the restart below
	redis-server --port 0 --unixsocket "$SOCK" --unixsocketperm 777 --dir "$T/redis" \
		--save '' --appendonly yes --appendfsync always >>"$T/redis/log" 2>&1 &
	REDIS_PID=$!
	local i
	for i in $(seq 100); do
		redis-cli -s "$SOCK" ping >/dev/null 2>&1 && return 0
		sleep 0.05
	done
	return 1
}
# redis_kill - the server on $SOCK, whichever shell started it
redis_kill() {
	kill -KILL "$REDIS_PID" 2>/dev/null
	pkill -KILL -f "redis-server unixsocket:$SOCK" 2>/dev/null
	wait "$REDIS_PID" 2>/dev/null
	rm -f "$SOCK"
}
cleanup() {
	[ -n "${M2_PID:-}" ] && kill -TERM "$M2_PID" 2>/dev/null
	redis_kill
	# pf_stop DIR makes DIR the current instance: each one by name
	pf_stop "$T/pf2" 2>/dev/null
	pf_stop "$T/pf" 2>/dev/null
	_pf_suite_cleanup
}
trap cleanup EXIT

redis_start || { is "not running" "running" "redis-server starts"; exit 0; }
now=$(date +%s)
for i in $(seq 1 $ORDERS) $(seq 101 120); do
	id=$(printf '305-1000000-%07d' "$i")
	redis-cli -s "$SOCK" HSET "amzmilter:o:$id" market com purchased $((now - 5 * 86400)) \
		delivered $((now - 2 * 86400)) status shipped buyer "b$i@marketplace.amazon.com" \
		locale en_US updated "$now" >/dev/null
done

# two milters, one store
for m in m1 m2; do
	milter_conf "$T/$m" "order_store=redis+unix:$SOCK" order_store_timeout_ms=500
done
milter_start "$T/m2" || { is "not running" "running" "amzmilter 2 starts"; exit 0; }
M2_PID=$MILTER_PID M2_SPEC=$MILTER_SPEC
MILTER_PID=
milter_start "$T/m1" || { is "not running" "running" "amzmilter 1 starts"; exit 0; }
sink_start "$T/sink" "$SINK_PORT" || { is "no sink" "sink" "sink starts"; exit 0; }
pf_setup "$T/pf2" "$SMTP2_PORT" "$SINK_PORT" "$M2_SPEC" || exit 1
pf_start "$T/pf2" || { is "no postfix 2" "postfix 2" "Postfix 2 starts"; exit 0; }
pf_setup "$T/pf" "$SMTP_PORT" "$SINK_PORT" "$MILTER_SPEC" || exit 1
pf_start "$T/pf" || { is "no postfix 1" "postfix 1" "Postfix 1 starts"; exit 0; }

# msg FILE ORDER N [BODY] - a message to the order's buyer
msg() {
	local id
	id=$(printf '305-1000000-%07d' "$2")
	{
		printf 'From: Contoso Outdoor <%s>\nTo: b%s@marketplace.amazon.com\n' "$FROM" "$2"
		printf 'Subject: Your order %s\nMessage-ID: <o%s.%s.%d@contoso-outdoor.example>\n' "$id" "$2" "$3" "$$"
		printf 'Date: Mon, 07 Dec 2026 10:00:00 +0000\nMIME-Version: 1.0\n'
		printf 'Content-Type: text/plain; charset=us-ascii\n\n'
		printf 'Hello,\n\n%s\n\nKind regards,\nContoso Outdoor\n' \
			"${4:-Thank you for your order $id. Would you share your experience with the tent in a review on Amazon?}"
	} >"$1"
}
# send FILE PORT ORDER - swaks; prints its exit code and the last reply line
send() {
	local out rc
	out=$(swaks --server "127.0.0.1:$2" --helo client.test.invalid --from "$FROM" \
		--to "b$3@marketplace.amazon.com" --data "@$1" 2>&1)
	rc=$?
	echo "$rc $(printf '%s\n' "$out" | grep -E '^<\** *[2345][0-9][0-9] ' | tail -1 | tr -d '\r')"
}

# 1. the same order asked for a review through both MTAs at once
mkdir -p "$T/race"
for i in $(seq 1 $ORDERS); do
	msg "$T/race/$i-a.eml" "$i" a
	msg "$T/race/$i-b.eml" "$i" b
done
for i in $(seq 1 $ORDERS); do
	send "$T/race/$i-a.eml" "$SMTP_PORT" "$i" >"$T/race/$i-a.out" &
	send "$T/race/$i-b.eml" "$SMTP2_PORT" "$i" >"$T/race/$i-b.out" &
done
wait_jobs() { local j; for j in $(jobs -p); do [ "$j" = "$SINK_PID" ] || [ "$j" = "$REDIS_PID" ] || [ "$j" = "$M2_PID" ] || [ "$j" = "$MILTER_PID" ] || wait "$j"; done; }
wait_jobs
one=0 bad=""
for i in $(seq 1 $ORDERS); do
	a=$(cut -d' ' -f1 "$T/race/$i-a.out") b=$(cut -d' ' -f1 "$T/race/$i-b.out")
	if { [ "$a" = 0 ] && [ "$b" != 0 ]; } || { [ "$a" != 0 ] && [ "$b" = 0 ]; }; then
		one=$((one + 1))
	else
		bad="$bad order $i: $(cat "$T/race/$i-a.out") / $(cat "$T/race/$i-b.out");"
	fi
done
is "$one" "$ORDERS" "$ORDERS orders, two review requests each through two MTAs at once: exactly one passes for each"
[ -n "$bad" ] && diag "$bad"
like "$(cat "$T"/race/*.out | grep -v '^0 ')" "REVIEW_ALREADY_REQUESTED" "the other is rejected with REVIEW_ALREADY_REQUESTED"
sink_wait "$ORDERS" 20
is "$(sink_count)" "$ORDERS" "the sink got one review request per order"
is "$(redis-cli -s "$SOCK" --scan --pattern 'amzmilter:r:305-1000000-000000*' | wc -l)" "$ORDERS" \
	"Redis holds one review request per order"
# the winner again, as a client retry: the same message, not a second request
win=$(for i in 1; do [ "$(cut -d' ' -f1 "$T/race/1-a.out")" = 0 ] && echo a || echo b; done)
port=$([ "$win" = a ] && echo "$SMTP_PORT" || echo "$SMTP2_PORT")
r=$(send "$T/race/1-$win.eml" "$port" 1)
is "${r%% *}" 0 "the same review request sent again (a retry) passes"
r=$(send "$T/race/1-$win.eml" "$([ "$port" = "$SMTP_PORT" ] && echo "$SMTP2_PORT" || echo "$SMTP_PORT")" 1)
is "${r%% *}" 0 "... through the other MTA too"
msg "$T/race/1-c.eml" 1 c "Your order 305-1000000-0000001 left our warehouse today. Could you leave us feedback?"
r=$(send "$T/race/1-c.eml" "$SMTP_PORT" 1)
like "$r" "REVIEW_ALREADY_REQUESTED" "a third, differently worded request for the order is rejected"

# 2. Redis killed during a load and started again
mkdir -p "$T/load"
N=20
for k in $(seq 1 $N); do
	i=$((100 + k))
	if [ $((k % 4)) = 0 ]; then
		# a message to the wrong buyer: rejected whenever the store answers
		msg "$T/load/$k.eml" "$i" l "Your order $(printf '305-1000000-%07d' $((i == 120 ? 101 : i + 1))) has a new delivery date: Thursday."
	else
		msg "$T/load/$k.eml" "$i" l "Your order $(printf '305-1000000-%07d' "$i") is delayed by two days; it arrives on Thursday."
	fi
done
before=$(sink_count)
# each client retries a 4xx after 0.5 s, as an MTA would, up to 40 times
client() {
	local k=$1 i=$((100 + $1)) tries=0 r
	while :; do
		r=$(send "$T/load/$k.eml" "$SMTP_PORT" "$i")
		tries=$((tries + 1))
		# the last reply's code: 4xx is tried again
		case $(printf '%s\n' "$r" | grep -oE ' [2345][0-9][0-9] ' | tail -1) in
		" 4"*) ;;
		*) break ;;
		esac
		[ $tries -ge 40 ] && break
		sleep 0.5
	done
	echo "$tries $r" >"$T/load/$k.out"
}
for k in $(seq 1 $N); do
	client "$k" &
	[ "$k" = 6 ] && { redis_kill; (sleep 2; redis_start) & }
	sleep 0.05
done
wait_jobs
sleep 1
redis-cli -s "$SOCK" ping >/dev/null 2>&1 || redis_start
delivered=0 rejected=0 other=""
for k in $(seq 1 $N); do
	r=$(cut -d' ' -f2- "$T/load/$k.out")
	if [ $((k % 4)) = 0 ]; then
		case $r in *ORDER_OTHER_BUYER*) rejected=$((rejected + 1)) ;; *) other="$other $k:$r;" ;; esac
	else
		[ "${r%% *}" = 0 ] && delivered=$((delivered + 1)) || other="$other $k:$r;"
	fi
done
is "$delivered/$rejected" "$((N - N / 4))/$((N / 4))" "Redis killed after 6 of $N messages and restarted: every one delivered or rejected as predicted"
[ -n "$other" ] && diag "not as predicted:$other"
retried=$(awk '$1 > 1' "$T"/load/*.out | wc -l)
ok "some were tempfailed while Redis was down and went through on a retry ($retried)" test "$retried" -gt 0
like "$(cat "$T/m1/milter.log")" "AMZ_STORE_ERROR" "the milter logged the store error"
sink_wait $((before + N - N / 4)) 20
is "$(sink_count)" "$((before + N - N / 4))" "the sink got each delivered message once"
