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
# the reason or delivered with amzmilter's verdict header.
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

# The host names resolve without DNS; the resolver asks the loopback only.
printf '127.0.0.1 localhost mx.test.invalid mx\n' >/etc/hosts
printf 'nameserver 127.0.0.1\n' >/etc/resolv.conf
echo mx.test.invalid >/etc/mailname
printf 'hosts: files\n' >/etc/nsswitch.conf.amz && cat /etc/nsswitch.conf.amz >/etc/nsswitch.conf

# ---- Postfix as Debian's package leaves it ------------------------------------
# main.cf.debian plus what the package's configuration writes for "Internet
# with smarthost"; master.cf is Debian's, chroot column and all.  The only
# additions are a log file (no syslog daemon here) and no DNS lookups.
mkdir -p /etc/postfix
cp /usr/share/postfix/main.cf.debian /etc/postfix/main.cf
cp /usr/share/postfix/master.cf.dist /etc/postfix/master.cf
postconf -e 'myhostname = mx.test.invalid' 'myorigin = /etc/mailname' \
	'mydestination = $myhostname, localhost' "relayhost = [127.0.0.1]:$SINK_PORT" \
	'mynetworks = 127.0.0.0/8 [::ffff:127.0.0.0]/104 [::1]/128' 'mailbox_size_limit = 0' \
	'recipient_delimiter = +' 'inet_interfaces = all' 'inet_protocols = ipv4' \
	'alias_maps = hash:/etc/aliases' 'alias_database = hash:/etc/aliases' \
	"maillog_file = $MAILLOG" 'smtp_dns_support_level = disabled' \
	'smtpd_relay_restrictions = permit_mynetworks permit_sasl_authenticated defer_unauth_destination'
echo 'postmaster: root' >/etc/aliases && newaliases
/usr/lib/postfix/configure-instance.sh - >/dev/null 2>&1   # the chroot's copies of /etc files
ok "Debian's master.cf runs smtpd chrooted" \
	bash -c "grep -Eq '^smtp +inet +n +- +y ' /etc/postfix/master.cf"

# ---- amzmilter as the README says -----------------------------------------------
make -s install BUILD="$BUILD" >"$S/install.log" 2>&1
ok "make install (as root, as the README says)" test $? -eq 0
cat contrib/postfix/main.cf.snippet >>/etc/postfix/main.cf
cat contrib/postfix/master.cf.snippet >>/etc/postfix/master.cf
ok "postfix check passes with the snippets pasted" postfix check

# the daemon, started as contrib/systemd/amzmilter.service starts it
UNIT=contrib/systemd/amzmilter.service
unit_key() { sed -n "s/^$1=//p" "$UNIT"; }
for d in $(unit_key RuntimeDirectory); do
	install -d -m "$(unit_key RuntimeDirectoryMode | head -1)" "/run/$d"
done
pre=$(unit_key ExecStartPre | head -1)
$pre >"$S/check.log" 2>&1
ok "the unit's ExecStartPre (amzmilter -n) passes" test $? -eq 0
start=$(unit_key ExecStart | head -1)
$start -v >"$S/amzmilter.log" 2>&1 &
pids+=("$!")
sock=$(sed -n 's/^socket *= *unix://p' /etc/amzmilter/amzmilter.conf)
for _ in $(seq 100); do [ -S "$sock" ] && break; sleep 0.1; done
ok "the daemon is serving its socket ($sock)" test -S "$sock"

python3 tests/mta/sink.py --pidfile "$SINK/.pid" "$SINK" "127.0.0.1:$SINK_PORT" >>"$S/sink.log" 2>&1 &
pids+=("$!")
postfix start >/dev/null 2>&1
for _ in $(seq 100); do
	python3 -c 'import socket; socket.create_connection(("127.0.0.1", 25), 1)' 2>/dev/null && break
	sleep 0.1
done

# send TO SUBJECT BODY - swaks to port 25; prints swaks' transcript
send() {
	MID=$((MID + 1))
	swaks --server 127.0.0.1:25 --from orders@shop.example --to "$1" \
		--header "Subject: $2" --header "Message-ID: <stock.$MID.$$@shop.example>" \
		--body "$3" 2>&1
}
# delivered N - wait up to 20 s until the sink has N messages
delivered() {
	local i
	for i in $(seq 200); do
		[ "$(find "$SINK" -maxdepth 1 -name '*.eml' | wc -l)" -ge "$1" ] && return 0
		sleep 0.1
	done
	return 1
}

GOOD_BODY="Hello, unfortunately the delivery of your order 112-4455667-8899001 is delayed by two days. We are sorry for the wait."
out=$(send friend@example.org "Lunch" "See you at noon.")
like "$out" '<- +250 .*queued as' "mail to another domain is accepted"
ok "and delivered to the smarthost" delivered 1
out=$(send 8xk2m4q7z1v9c3b@marketplace.amazon.com "Your parcel" "Hello, your parcel has shipped.")
like "$out" '<\*\* +550[- ]5\.7\.1' "relay mail without an order ID is rejected (550 5.7.1)"
like "$out" 'ORDER_ID_MISSING' "the reply names the rule"
out=$(send 8xk2m4q7z1v9c3b@marketplace.amazon.com "Order 112-4455667-8899001" "$GOOD_BODY")
like "$out" '<- +250 .*queued as' "compliant relay mail is accepted"
ok "and delivered" delivered 2
ok "with amzmilter's verdict header" bash -c "grep -lq '^X-Amzmilter' $SINK/*.eml"

if [ -n "${AMZ_STOCK_DEBUG:-}" ]; then
	tail -30 "$MAILLOG" >&2
	tail -10 "$S/amzmilter.log" >&2
fi
echo "1..$_tap_n"
