#!/usr/bin/env bash
# tests/t-sendmail.sh - end to end through a private Sendmail:
# swaks -> sendmail -> amzmilter (unix socket) -> sendmail -> sink.py.
#
# Installing sendmail-bin would remove Postfix, so the Debian packages are
# only downloaded (apt-get download, cached in $BUILD/cache/sendmail) and
# unpacked into a private root.  The whole test body runs inside its own
# network, mount, UTS and PID namespaces (unshare): loopback only, so
# nothing Sendmail does (DNS, probing interfaces) can leave the machine,
# private /etc/hosts, resolv.conf and nsswitch.conf, a qualified host name,
# and every process ends with the namespace.
. "$(dirname "$0")/lib.sh"
. "$TOP/tests/mta/postfix.sh"
. "$TOP/tests/mta/milter.sh"

SMTP_PORT=2525          # inside the private network namespace: no clashes
SINK_PORT=2526
RELAY=8xk2m4q7z1v9c3b@marketplace.amazon.com
OTHER=partner@fabrikam.example
FROM=support@contoso-outdoor.example
CACHE=$BUILD/cache/sendmail
SMROOT=$CACHE/root
SENDMAIL=$SMROOT/usr/libexec/sendmail/sendmail
CFD=$SMROOT/usr/share/sendmail/cf

# prepare - the unpacked Sendmail, or a reason why not (on stdout, exit 1)
prepare() {
	local tool
	for tool in swaks m4 unshare ip python3 dpkg-deb; do
		command -v "$tool" >/dev/null || { echo "$tool is not installed"; return 1; }
	done
	[ -x "$BUILD/amzmilter" ] || { echo "$BUILD/amzmilter is not built"; return 1; }
	[ "$(id -u)" = 0 ] || { echo "needs root (namespaces, bind mounts)"; return 1; }
	mkdir -p "$CACHE" || { echo "cannot create $CACHE"; return 1; }
	if ! ls "$CACHE"/sendmail-bin_*.deb >/dev/null 2>&1 ||
	   ! ls "$CACHE"/sendmail-base_*.deb >/dev/null 2>&1 ||
	   ! ls "$CACHE"/sendmail-cf_*.deb >/dev/null 2>&1; then
		(cd "$CACHE" && apt-get download sendmail-bin sendmail-base sendmail-cf) \
			>"$CACHE/download.log" 2>&1 ||
			{ echo "apt-get download sendmail-bin sendmail-base sendmail-cf failed: $(tail -n 1 "$CACHE/download.log")"; return 1; }
	fi
	if [ ! -x "$SENDMAIL" ]; then
		rm -rf "$SMROOT"
		local d
		for d in "$CACHE"/sendmail-bin_*.deb "$CACHE"/sendmail-base_*.deb "$CACHE"/sendmail-cf_*.deb; do
			dpkg-deb -x "$d" "$SMROOT" || { echo "cannot unpack $d"; return 1; }
		done
	fi
	[ -x "$SENDMAIL" ] || { echo "no sendmail binary in the packages"; return 1; }
	local missing
	missing=$(ldd "$SENDMAIL" 2>/dev/null | awk '/not found/ {print $1}' | tr '\n' ' ')
	[ -z "$missing" ] || { echo "sendmail needs libraries: $missing(apt-get install libwrap0 liblockfile1)"; return 1; }
	unshare --net --mount --uts --pid --fork --mount-proc true 2>/dev/null ||
		{ echo "cannot create namespaces (unshare --net --mount --uts --pid)"; return 1; }
	return 0
}

# ---------------------------------------------------------------- outside
if [ "${1:-}" != --inside ]; then
	if ! why=$(prepare); then
		skip "Sendmail end-to-end tests" "$why"
		exit 0
	fi
	# everything below runs in the namespaces; its processes and its files
	# (a tmpfs) end with them
	unshare --net --mount --uts --pid --fork --mount-proc bash "$0" --inside
	exit $?
fi

# ---------------------------------------------------------------- inside
set -u
cleanup() {
	if [ -s "$T/sm/sendmail.pid" ]; then
		kill "$(head -1 "$T/sm/sendmail.pid")" 2>/dev/null
	fi
	milter_stop
	sink_stop
}
trap cleanup EXIT

ip link set lo up
hostname mx.test.invalid
# Sendmail refuses a milter socket below a world-writable directory such as
# /tmp: work in a tmpfs mounted on /srv, visible only in this namespace (and
# gone with it).
mount -t tmpfs -o mode=0755,size=256m amz-sendmail-test /srv ||
	{ is "no" "yes" "private tmpfs on /srv"; exit 0; }
T=/srv
mkdir -p "$T/etc" "$T/sm/queue"
chmod 0700 "$T/sm/queue"
printf '127.0.0.1 localhost mx.test.invalid mx sink.test.invalid\n' >"$T/etc/hosts"
printf 'nameserver 127.0.0.1\n' >"$T/etc/resolv.conf"
printf 'hosts: files\n' >"$T/etc/nsswitch.conf"
for f in hosts resolv.conf nsswitch.conf; do
	mount --bind "$T/etc/$f" "/etc/$f" || { is "no" "yes" "private /etc/$f"; exit 0; }
done

mkdir -p "$T/milter"
milter_conf "$T/milter"
cat >"$T/milter/local.d/test.rules" <<'EOF'
rule TEST_QUARANTINE
  describe "Held for review (test rule)."
  match subject =~ /\[hold-me\]/
  action quarantine
EOF
if ! milter_start "$T/milter"; then
	is "not running" "running" "amzmilter starts"
	exit 0
fi
sink_start "$T/sink" "$SINK_PORT" || { is "no sink" "sink" "sink starts"; exit 0; }

SM=$T/sm
printf 'hosts files\naliases files\n' >"$SM/service.switch"
: >"$SM/aliases"
: >"$SM/statistics"
cp "$SMROOT/etc/mail/helpfile" "$SM/helpfile" 2>/dev/null || : >"$SM/helpfile"
cat >"$SM/test.mc" <<EOF
divert(-1)
# private test instance; see tests/t-sendmail.sh
divert(0)dnl
OSTYPE(\`linux')dnl
define(\`confDONT_PROBE_INTERFACES', \`True')dnl
define(\`QUEUE_DIR', \`$SM/queue')dnl
define(\`confPID_FILE', \`$SM/sendmail.pid')dnl
define(\`STATUS_FILE', \`$SM/statistics')dnl
define(\`ALIAS_FILE', \`$SM/aliases')dnl
define(\`HELP_FILE', \`$SM/helpfile')dnl
define(\`confSERVICE_SWITCH_FILE', \`$SM/service.switch')dnl
define(\`confHOST_STATUS_DIRECTORY', \`')dnl
define(\`confTO_IDENT', \`0s')dnl
define(\`confLOG_LEVEL', \`9')dnl
define(\`SMART_HOST', \`relay:[sink.test.invalid]')dnl
define(\`RELAY_MAILER_ARGS', \`TCP \$h $SINK_PORT')dnl
define(\`ESMTP_MAILER_ARGS', \`TCP \$h $SINK_PORT')dnl
FEATURE(\`nocanonify')dnl
FEATURE(\`no_default_msa')dnl
FEATURE(\`accept_unresolvable_domains')dnl
FEATURE(\`promiscuous_relay')dnl
DAEMON_OPTIONS(\`Family=inet, Name=MTA, Port=$SMTP_PORT, Addr=127.0.0.1')dnl
INPUT_MAIL_FILTER(\`amzmilter', \`S=$MILTER_SPEC, F=T, T=C:10s;S:10s;R:10s;E:30s')dnl
MAILER(\`smtp')dnl
EOF
if ! m4 -D_CF_DIR_="$CFD/" "$CFD/m4/cf.m4" "$SM/test.mc" >"$SM/test.cf" 2>"$SM/m4.err"; then
	is "$(head -c 300 "$SM/m4.err")" "" "sendmail.cf builds with m4"
	exit 0
fi
"$SENDMAIL" -C "$SM/test.cf" -bd -q10s >"$SM/start.log" 2>&1
if ! _pf_wait_port "$SMTP_PORT" 15; then
	is "$(head -c 300 "$SM/start.log")" "" "sendmail listens on 127.0.0.1:$SMTP_PORT"
	exit 0
fi
ok "sendmail listens on 127.0.0.1:$SMTP_PORT inside the namespace" true

mkmsg() {
	# runs in $(...): a unique file name, not a counter
	local f n
	f=$(mktemp "$T/msg.XXXXXX")
	n=${f##*.}
	printf 'From: Contoso Outdoor <%s>\nTo: %s\nSubject: %s\nDate: Tue, 03 Jun 2025 10:15:00 +0200\nMessage-ID: <sm%s.%d@contoso-outdoor.example>\nMIME-Version: 1.0\nContent-Type: text/plain; charset=us-ascii\n\n%s\n' \
		"$FROM" "$1" "$2" "$n" "$$" "$3" >"$f"
	echo "$f"
}
send() {
	local file=$1 to
	shift
	to=$(IFS=,; echo "$*")
	OUT=$(swaks --server "127.0.0.1:$SMTP_PORT" --helo client.test.invalid \
		--from "$FROM" --to "$to" --data "@$file" 2>&1)
	RC=$?
}
reply_to() {
	printf '%s\n' "$OUT" | awk -v cmd="$1" '
		index($0, "-> " cmd) { on = 1; next }
		on && /^ *(->|~>|\*\*\*|===)/ { exit }
		on { print }'
}
delivered() {
	local id i f
	id=$(sed -n 's/^Message-ID: *//p' "$1" | head -1)
	for i in $(seq 150); do
		f=$(grep -lF -- "$id" "$T/sink"/*.eml 2>/dev/null | head -1)
		[ -n "$f" ] && { echo "$f"; return 0; }
		sleep 0.1
	done
	return 1
}

# 1. reject
f=$(mkmsg "$RELAY" "Your delivery address" "Could you please confirm your delivery address?")
send "$f" "$RELAY"
is "$RC" 26 "sendmail: no order id: swaks exit 26"
like "$OUT" '<\*\* +550-5\.7\.1 ' "sendmail: no order id: 550-5.7.1 continuation lines"
like "$OUT" '<\*\* +550[- ]5\.7\.1 .*ORDER_ID_MISSING' "sendmail: no order id: reply names ORDER_ID_MISSING"

# 2. accept
f=$(mkmsg "$RELAY" "Your order 302-1234567-1234567" "Unfortunately the delivery of order 302-1234567-1234567 is delayed by two days.")
send "$f" "$RELAY"
is "$RC" 0 "sendmail: compliant: accepted"
d=$(delivered "$f")
ok "sendmail: compliant: reached the sink" test -n "$d"

# 3. non-relay untouched
f=$(mkmsg "$OTHER" "Special offer" "Visit http://www.fabrikam-shop.example/offer")
send "$f" "$OTHER"
is "$RC" 0 "sendmail: non-relay: accepted"
d=$(delivered "$f")
ok "sendmail: non-relay: reached the sink" test -n "$d"
[ -n "$d" ] && ok "sendmail: non-relay: no X-Amzmilter header" bash -c "! grep -qi '^X-Amzmilter' '$d'"

# 4. mixed recipients
f=$(mkmsg "$RELAY" "Your order 302-1234567-1234567" "Unfortunately the delivery of order 302-1234567-1234567 is delayed by two days.")
send "$f" "$RELAY" "$OTHER"
like "$(reply_to "RCPT TO:<$OTHER>")" '^<\*\* +452 4\.5\.3 ' "sendmail: mixed: second recipient gets 452 4.5.3"

# 5. quarantine: Sendmail keeps the reason
f=$(mkmsg "$RELAY" "[hold-me] Order 302-1234567-1234567" "Order 302-1234567-1234567, please check.")
send "$f" "$RELAY"
is "$RC" 0 "sendmail: quarantine: accepted by SMTP"
q=$("$SENDMAIL" -C "$SM/test.cf" -bp -qQ 2>&1)
like "$q" 'Total requests: 1' "sendmail: quarantine: one message in the quarantine queue"
like "$q" 'QUARANTINE: .*TEST_QUARANTINE' "sendmail: quarantine: listed with its reason, naming the rule"
sleep 0.5
ok "sendmail: quarantine: not delivered" bash -c "! grep -q 'hold-me' '$T'/sink/*.eml 2>/dev/null"
