#!/usr/bin/env bash
# tests/t-stock-postfix.sh - amzmilter pasted into Postfix as Debian's
# package configures it ("Internet with smarthost", every service chrooted
# as in Debian's master.cf), following the README word for word:
# `make install`, the shipped contrib/ snippets appended unmodified, the
# daemon started the way contrib/systemd/amzmilter.service starts it.
#
# All of it runs in a mount and network namespace of its own: /etc,
# /usr/local and /var are overlays whose writes land in a scratch
# directory, the Postfix queue is a fresh tmpfs, and the only network is
# the namespace's own loopback, so the machine's Postfix, users and files
# are never touched.  The smarthost is a sink on 127.0.0.1:2526.
#
# Checked: mail to other domains is delivered; relay mail is rejected with
# the reason, or delivered through the second hop with amzmilter's verdict
# header and without the verdict token, checked once; sendmail(1)
# submissions are checked (a violation bounces); a quarantined message
# released with postsuper -r goes out once; with amzmilter stopped, killed
# (SIGKILL) and hung (SIGSTOP; milter timeouts lowered to seconds) other mail
# is delivered, relay mail waits in the queue and is checked and delivered
# or bounced once amzmilter is back; a forged token gets nothing through; a
# second daemon is refused and the first keeps serving; the unit's reload
# check fails on a rule file the daemon's user cannot read; approved senders
# are judged by From:, not the envelope; a bypassed client network gets
# through both hops (the {client_addr} macro as Postfix sends it at MAIL
# FROM) and no other; the unit passes systemd-analyze
# verify and security, offline.
. "$(dirname "$0")/lib.sh"
cd "$TOP"

if [ "${AMZ_STOCK_INSIDE:-}" != 1 ]; then
	if [ "$(id -u)" != 0 ]; then
		skip "stock Debian Postfix" "needs root (namespaces)"
		exit 0
	fi
	for tool in unshare ip postfix postconf swaks python3; do
		command -v "$tool" >/dev/null || { skip "stock Debian Postfix" "$tool is not installed"; exit 0; }
	done
	[ -f /usr/share/postfix/main.cf.debian ] && [ -f /usr/share/postfix/master.cf.dist ] || {
		skip "stock Debian Postfix" "Debian's Postfix configuration files are missing"; exit 0; }
	[ -x "$BUILD/amzmilter" ] || { skip "stock Debian Postfix" "$BUILD/amzmilter is not built"; exit 0; }
	S=$(mktemp -d /tmp/amz-stock.XXXXXX)
	chmod 0755 "$S"
	AMZ_STOCK_INSIDE=1 S=$S BUILD=$BUILD unshare --mount --net --fork --propagation private bash "$0"
	rc=$?
	rm -rf "$S"
	exit $rc
fi

# ---- inside the namespace ----------------------------------------------------
set -u
ip link set lo up
for d in etc usr-local var; do mkdir -p "$S/$d.up" "$S/$d.work"; done
mount -t overlay overlay -o lowerdir=/etc,upperdir="$S/etc.up",workdir="$S/etc.work" /etc
mount -t overlay overlay -o lowerdir=/usr/local,upperdir="$S/usr-local.up",workdir="$S/usr-local.work" /usr/local
mount -t overlay overlay -o lowerdir=/var,upperdir="$S/var.up",workdir="$S/var.work" /var
mount -t tmpfs -o mode=0755 tmpfs /var/spool/postfix
mkdir -p /var/lib/postfix && mount -t tmpfs -o mode=0755 tmpfs /var/lib/postfix
chown postfix:postfix /var/lib/postfix
mount -t tmpfs -o mode=0755 tmpfs /run
mkdir -p /var/log

MAILLOG=/var/log/mail.log
SINK=$S/sink
SINK_PORT=2526
MID=0
pids=()
finish() {
	postfix stop >/dev/null 2>&1
	local p
	for p in "${pids[@]}"; do kill "$p" 2>/dev/null; done
	wait 2>/dev/null
}
trap finish EXIT

# ---- Postfix as Debian's package leaves it ------------------------------------
. tests/mta/stock-postfix.sh
stock_postfix "$SINK_PORT" "$MAILLOG"
ok "Debian's master.cf runs smtpd chrooted" \
	bash -c "grep -Eq '^smtp +inet +n +- +y ' /etc/postfix/master.cf"

# ---- amzmilter as the README says -----------------------------------------------
make -s install BUILD="$BUILD" >"$S/install.log" 2>&1
ok "make install (as root, as the README says)" test $? -eq 0
stock_paste contrib/postfix
ok "postfix check passes with the snippets pasted" postfix check

# the daemon, started as contrib/systemd/amzmilter.service starts it
UNIT=contrib/systemd/amzmilter.service
for d in $(unit_key "$UNIT" RuntimeDirectory); do
	install -d -m "$(unit_key "$UNIT" RuntimeDirectoryMode | head -1)" "/run/$d"
done
pre=$(unit_key "$UNIT" ExecStartPre | head -1)
$pre >"$S/check.log" 2>&1
ok "the unit's ExecStartPre (amzmilter -n) passes" test $? -eq 0
start=$(unit_key "$UNIT" ExecStart | head -1)
sock=$(sed -n 's/^socket *= *unix://p' /etc/amzmilter/amzmilter.conf)
send() { stock_send "$@"; }
# bounced ADDR - within 20 s a bounce naming ADDR reaches the sender
bounced() {
	local i env
	for i in $(seq 200); do
		for env in $(grep -lx "rcpt orders@shop.example" "$SINK"/*.env 2>/dev/null); do
			grep -q "$1" "${env%.env}.eml" 2>/dev/null && return 0
		done
		sleep 0.1
	done
	return 1
}
# held - messages in the hold queue
held() { find /var/spool/postfix/hold -type f | wc -l; }
# start_amzmilter - as the unit starts it; wait until it answers
start_amzmilter() {
	stock_amzmilter "$start" "$sock" "$S/amzmilter.log" -v
	local rc=$?
	pids+=("$amz_pid")
	return $rc
}

start_amzmilter
ok "the daemon is serving its socket ($sock)" test -S "$sock"

python3 tests/mta/sink.py --pidfile "$SINK/.pid" "$SINK" "127.0.0.1:$SINK_PORT" >>"$S/sink.log" 2>&1 &
pids+=("$!")
postfix start >/dev/null 2>&1
for _ in $(seq 100); do
	python3 -c 'import socket; socket.create_connection(("127.0.0.1", 25), 1)' 2>/dev/null && break
	sleep 0.1
done

GOOD_BODY="Hello, unfortunately the delivery of your order 112-4455667-8899001 is delayed by two days. We are sorry for the wait."
BAD_BODY="Hello, your order 112-4455667-8899001 is delayed. Leave us 5 stars and get 10 EUR back!"
out=$(send friend@example.org "Lunch" "See you at noon.")
like "$out" '<- +250 .*queued as' "mail to another domain is accepted"
ok "and delivered to the smarthost" delivered_to friend@example.org
out=$(send buyer1@marketplace.amazon.com "Your parcel" "Hello, your parcel has shipped.")
like "$out" '<\*\* +550[- ]5\.7\.1' "relay mail without an order ID is rejected (550 5.7.1)"
like "$out" 'ORDER_ID_MISSING' "the reply names the rule"
out=$(send buyer2@marketplace.amazon.com "Order 112-4455667-8899001" "$GOOD_BODY")
like "$out" '<- +250 .*queued as' "compliant relay mail is accepted"
ok "and delivered through the second hop" delivered_to buyer2@marketplace.amazon.com
f=$(sink_file buyer2@marketplace.amazon.com)
ok "with amzmilter's verdict header" grep -q '^X-Amzmilter-Verdict' "$f"
ok "without the verdict token (removed at the second hop)" bash -c "! grep -qi '^X-Amzmilter-Checked' '$f'"
like "$(grep -c 'Received: from' "$f")" '^[2-9]' "it went through both smtpd (two Received lines of this host)"
like "$(cat "$S/amzmilter.log")" "checked-before=(accept|tag) \(second hop, verdict token\)" "the second hop took the first pass's token: one check"

# sendmail(1): checked at the second hop
printf 'From: orders@shop.example\nTo: buyer3@marketplace.amazon.com\nSubject: Order 112-4455667-8899001\nMessage-ID: <stock.sm1.%s@shop.example>\n\n%s\n' "$$" "$BAD_BODY" |
	sendmail -t -f orders@shop.example
printf 'From: orders@shop.example\nTo: buyer4@marketplace.amazon.com\nSubject: Order 112-4455667-8899001\nMessage-ID: <stock.sm2.%s@shop.example>\n\n%s\n' "$$" "$GOOD_BODY" |
	sendmail -t -f orders@shop.example
ok "a compliant sendmail(1) submission is delivered" delivered_to buyer4@marketplace.amazon.com
ok "a violating sendmail(1) submission bounces to its sender" delivered_to orders@shop.example
ok "and never reaches the relay" never_to buyer3@marketplace.amazon.com
like "$(cat "$MAILLOG")" "REVIEW_INCENTIVE" "the bounce reason names the rule (maillog)"

# a quarantined message released with postsuper -r goes out once, not held again
out=$(send buyer5@marketplace.amazon.com "Your parcel 112-4455667-8899001" "Hello, your order 112-4455667-8899001 has shipped today.")
like "$out" '<- +250 .*queued as' "a message to be held is accepted"
sleep 1
is "$(held)" 1 "and held (quarantine)"
postsuper -r ALL >/dev/null 2>&1
postqueue -f
ok "released with postsuper -r, it is delivered" delivered_to buyer5@marketplace.amazon.com
is "$(held)" 0 "and not held again at the second hop"

# outages: stopped, killed, hung
outage() {   # NAME: amzmilter is out; mail flows except relay mail, which waits
	local name=$1 n=$2
	out=$(send "friend$n@example.org" "Lunch" "See you at noon.")
	like "$out" '<- +250 .*queued as' "$name: mail to another domain is accepted"
	ok "$name: and delivered" delivered_to "friend$n@example.org"
	out=$(send "buyer-ok$n@marketplace.amazon.com" "Order 112-4455667-8899001" "$GOOD_BODY")
	like "$out" '<- +250 .*queued as' "$name: compliant relay mail is accepted (into the queue)"
	out=$(send "buyer-bad$n@marketplace.amazon.com" "Order 112-4455667-8899001" "$BAD_BODY")
	like "$out" '<- +250 .*queued as' "$name: violating relay mail is accepted too (into the queue)"
	sleep 4
	postqueue -f; sleep 4
	ok "$name: relay mail is not delivered while amzmilter is out" never_to "buyer-ok$n@marketplace.amazon.com"
	ok "$name: the violating one neither" never_to "buyer-bad$n@marketplace.amazon.com"
	like "$(postqueue -p)" "buyer-ok$n@marketplace.amazon.com" "$name: both wait in the queue"
}
back() {     # NAME: amzmilter is back; the queue is checked and flows
	local name=$1 n=$2
	postqueue -f
	ok "$name, amzmilter back: the compliant relay mail is delivered" delivered_to "buyer-ok$n@marketplace.amazon.com"
	ok "$name, amzmilter back: the violating one bounces to its sender" bounced "buyer-bad$n@marketplace.amazon.com"
	ok "$name, amzmilter back: and never reaches the relay" never_to "buyer-bad$n@marketplace.amazon.com"
}
# shorter milter timeouts than Postfix's defaults, so a hung milter shows in seconds
postconf -e milter_connect_timeout=2s milter_command_timeout=2s milter_content_timeout=4s
postfix reload >/dev/null 2>&1; sleep 1

kill -TERM "$amz_pid"; wait "$amz_pid" 2>/dev/null
outage stopped 1
start_amzmilter; back stopped 1

kill -KILL "$amz_pid"; wait "$amz_pid" 2>/dev/null
outage killed 2
start_amzmilter; back killed 2

kill -STOP "$amz_pid"
outage hung 3
kill -CONT "$amz_pid"; back hung 3

# a token copied onto another message does not pass the second hop
tok="v1 a=accept t=1 m=$(printf '%064d' 0)"
printf 'From: orders@shop.example\nTo: buyer6@marketplace.amazon.com\nSubject: Order 112-4455667-8899001\nX-Amzmilter-Checked: %s\nMessage-ID: <stock.forged.%s@shop.example>\n\n%s\n' "$tok" "$$" "$BAD_BODY" |
	sendmail -t -f orders@shop.example
ok "a forged verdict token does not get a violation through" bounced buyer6@marketplace.amazon.com
ok "it never reaches the relay" never_to buyer6@marketplace.amazon.com

# one instance per socket, as installed
$start >"$S/second.log" 2>&1; rc=$?
ok "a second amzmilter started as the unit starts it exits non-zero (exit $rc)" test "$rc" != 0
like "$(cat "$S/second.log")" "is in use|another amzmilter" "it says why"
out=$(send buyer7@marketplace.amazon.com "Order 112-4455667-8899001" "$GOOD_BODY")
like "$out" '<- +250 .*queued as' "the running one still serves"

# finding 5: the unit's ExecReload check reads the files as the daemon's user
reload_check=$(unit_key "$UNIT" ExecReload | head -1)
echo 'list approved_senders += { orders@shop.example }' >/etc/amzmilter/local.d/senders.rules
chmod 0600 /etc/amzmilter/local.d/senders.rules
$reload_check >"$S/reload-check.log" 2>&1; rc=$?
ok "the unit's ExecReload check fails on a rule file the amzmilter user cannot read (exit $rc)" test "$rc" != 0
like "$(cat "$S/reload-check.log")" "senders.rules.*Permission denied" "and names the file"
chown amzmilter /etc/amzmilter/local.d/senders.rules
$reload_check >"$S/reload-check.log" 2>&1
ok "it passes once the file is the user's" test $? = 0
kill -USR1 "$amz_pid"
for _ in $(seq 50); do grep -q "reloaded" "$S/amzmilter.log" && break; sleep 0.1; done

# finding 5: a reload that changes a key needing a restart says so; every
# error of a broken configuration is reported
mark=$(wc -c <"$S/amzmilter.log")
sed -i 's|^syslog_facility *=.*||' /etc/amzmilter/amzmilter.conf
echo 'syslog_facility = local3' >>/etc/amzmilter/amzmilter.conf
kill -USR1 "$amz_pid"
for _ in $(seq 50); do tail -c +$((mark + 1)) "$S/amzmilter.log" | grep -q "reloaded" && break; sleep 0.1; done
like "$(tail -c +$((mark + 1)) "$S/amzmilter.log")" "syslog_facility changed \(mail -> local3\): it takes effect only after a restart" \
	"a reload that changes syslog_facility logs that it needs a restart"
printf 'bogus = 1\nmode = sideways\nno equals sign\n' | cat /etc/amzmilter/amzmilter.conf - >"$S/broken.conf"
out=$(/usr/local/sbin/amzmilter -n -c "$S/broken.conf" 2>&1)
is "$(printf '%s\n' "$out" | grep -c "^$S/broken.conf:[0-9]*:[0-9]*: ")" 3 "a configuration with three errors reports all three"

# finding 6: approved senders are judged by the From: address
verp() {   # ENVELOPE FROM-HEADER RCPT: swaks transcript
	MID=$((MID + 1))
	swaks --server 127.0.0.1:25 --from "$1" --to "$3" --header "From: $2" \
		--header "Subject: Order 112-4455667-8899001" --header "Message-ID: <stock.v$MID.$$@shop.example>" \
		--body "$GOOD_BODY" 2>&1
}
out=$(verp bounces+a1b2c3@mailer.helpdesk.example "Shop <orders@shop.example>" buyer8@marketplace.amazon.com)
like "$out" '<- +250 .*queued as' "approved From with a helpdesk's VERP envelope is accepted"
out=$(verp orders@shop.example "Someone <other@evil.example>" buyer9@marketplace.amazon.com)
like "$out" '<\*\* +550[- ]5\.7\.1' "an approved envelope with someone else's From is rejected"
like "$out" 'SENDER_NOT_APPROVED.*other@evil\.example' "naming the From address"

# bypass through real Postfix: a client network (127.0.0.2, not the second
# hop's 127.0.0.1) and the {client_addr} macro Postfix sends at MAIL FROM
mark=$(wc -c <"$S/amzmilter.log")
echo 'bypass_networks = 127.0.0.2' >>/etc/amzmilter/amzmilter.conf
kill -USR1 "$amz_pid"
for _ in $(seq 50); do tail -c +$((mark + 1)) "$S/amzmilter.log" | grep -q "reloaded" && break; sleep 0.1; done
MID=$((MID + 1))
out=$(swaks --server 127.0.0.1:25 --local-interface 127.0.0.2 --from orders@shop.example --to buyer10@marketplace.amazon.com \
	--header "Subject: Order 112-4455667-8899001" --header "Message-ID: <stock.b$MID.$$@shop.example>" --body "$BAD_BODY" 2>&1)
like "$out" '<- +250 .*queued as' "a violation from a bypassed client network is accepted"
ok "and delivered through the second hop" delivered_to buyer10@marketplace.amazon.com
like "$(tail -c +$((mark + 1)) "$S/amzmilter.log")" "bypass \(network 127\.0\.0\.2" "the first hop logs the bypass with its network"
like "$(tail -c +$((mark + 1)) "$S/amzmilter.log")" "checked-before=bypass" "the second hop lets it pass on its token"
out=$(send buyer11@marketplace.amazon.com "Order 112-4455667-8899001" "$BAD_BODY")
like "$out" '<\*\* +550[- ]5\.7\.1' "the same violation from 127.0.0.1, outside the bypass, is rejected"
sed -i '/^bypass_networks/d' /etc/amzmilter/amzmilter.conf
mark=$(wc -c <"$S/amzmilter.log")
kill -USR1 "$amz_pid"
for _ in $(seq 50); do tail -c +$((mark + 1)) "$S/amzmilter.log" | grep -q "reloaded" && break; sleep 0.1; done

# the unit, checked offline (no systemd runs here)
if command -v systemd-analyze >/dev/null; then
	ok "systemd-analyze verify passes on the shipped unit" systemd-analyze verify "$UNIT"
	score=$(systemd-analyze security --offline=true "$UNIT" 2>/dev/null | sed -n 's/.*Overall exposure level for [^:]*: \([0-9.]*\) \([A-Z]*\).*/\1 \2/p')
	diag "systemd-analyze security: exposure $score"
	like "$score" '^[0-9.]+ (SAFE|OK)$' "systemd-analyze security rates the unit SAFE or OK"
else
	skip "the unit, offline" "systemd-analyze is not installed"
fi

if [ -n "${AMZ_STOCK_DEBUG:-}" ]; then
	tail -30 "$MAILLOG" >&2
	tail -10 "$S/amzmilter.log" >&2
fi
echo "1..$_tap_n"
