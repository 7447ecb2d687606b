# tests/mta/stock-postfix.sh - Postfix as Debian's package configures it,
# with amzmilter's contrib/postfix files pasted in as the README says; for
# suites that run it inside a mount and network namespace of their own
# (t-stock-postfix, t-package).  Source it; it writes /etc, so never
# outside such a namespace.
#
#   stock_postfix SINK_PORT MAILLOG   /etc/postfix as Debian's "Internet with
#                                     smarthost" leaves it, relaying to
#                                     [127.0.0.1]:SINK_PORT; names resolve
#                                     without DNS; MAILLOG is the log
#   stock_paste DIR                   append DIR's main.cf.snippet and
#                                     master.cf.snippet, copy its
#                                     amzmilter_transport
#   unit_key UNIT KEY                 the values of KEY= in a systemd unit
#   stock_send TO SUBJECT BODY        swaks to port 25 (a fresh Message-ID)
#   stock_amzmilter CMD SOCKET LOG    start the daemon as a unit would
#   sink_file ADDR, delivered_to ADDR, never_to ADDR
#                                     the sink in $SINK (tests/mta/sink.py)

stock_postfix() {
	local sink_port=$1 maillog=$2
	printf '127.0.0.1 localhost mx.test.invalid mx\n' >/etc/hosts
	printf 'nameserver 127.0.0.1\n' >/etc/resolv.conf
	echo mx.test.invalid >/etc/mailname
	printf 'hosts: files\n' >/etc/nsswitch.conf.amz && cat /etc/nsswitch.conf.amz >/etc/nsswitch.conf
	# main.cf.debian plus what the package's configuration writes for
	# "Internet with smarthost"; master.cf is Debian's, chroot column and
	# all.  The only additions are a log file (no syslog daemon here) and no
	# DNS lookups.
	mkdir -p /etc/postfix "$(dirname "$maillog")"
	cp /usr/share/postfix/main.cf.debian /etc/postfix/main.cf
	cp /usr/share/postfix/master.cf.dist /etc/postfix/master.cf
	postconf -e 'myhostname = mx.test.invalid' 'myorigin = /etc/mailname' \
		'mydestination = $myhostname, localhost' "relayhost = [127.0.0.1]:$sink_port" \
		'mynetworks = 127.0.0.0/8 [::ffff:127.0.0.0]/104 [::1]/128' 'mailbox_size_limit = 0' \
		'recipient_delimiter = +' 'inet_interfaces = all' 'inet_protocols = ipv4' \
		'alias_maps = hash:/etc/aliases' 'alias_database = hash:/etc/aliases' \
		"maillog_file = $maillog" 'smtp_dns_support_level = disabled' \
		'smtpd_relay_restrictions = permit_mynetworks permit_sasl_authenticated defer_unauth_destination'
	echo 'postmaster: root' >/etc/aliases && newaliases
	/usr/lib/postfix/configure-instance.sh - >/dev/null 2>&1   # the chroot's copies of /etc files
}

stock_paste() {
	cat "$1/main.cf.snippet" >>/etc/postfix/main.cf
	cat "$1/master.cf.snippet" >>/etc/postfix/master.cf
	cp "$1/amzmilter_transport" /etc/postfix/
}

unit_key() { sed -n "s/^$2=//p" "$1"; }

_stock_mid=0
stock_send() {
	_stock_mid=$((_stock_mid + 1))
	swaks --server 127.0.0.1:25 --from orders@shop.example --to "$1" \
		--header "Subject: $2" --header "Message-ID: <stock.$_stock_mid.$$@shop.example>" \
		--body "$3" 2>&1
}

# sink_file ADDR - the sink's message for recipient ADDR (its .eml), if any
sink_file() {
	local env
	env=$(grep -lx "rcpt $1" "$SINK"/*.env 2>/dev/null | head -1)
	[ -n "$env" ] && [ -f "${env%.env}.eml" ] && echo "${env%.env}.eml"
}
# delivered_to ADDR - within 20 s the sink has a message for ADDR
delivered_to() {
	local i
	for i in $(seq 200); do
		[ -n "$(sink_file "$1")" ] && return 0
		sleep 0.1
	done
	return 1
}
# never_to ADDR - the sink has no message for ADDR (now)
never_to() { [ -z "$(sink_file "$1")" ]; }

# stock_amzmilter CMD SOCKET LOG [OPTION...] - start amzmilter with CMD (a
# unit's ExecStart line, split at spaces as systemd does for it) in the
# background, appending to LOG; wait up to 10 s until it accepts on the unix
# SOCKET.  Sets amz_pid.
stock_amzmilter() {
	local cmd=$1 sock=$2 log=$3 i
	shift 3
	$cmd "$@" >>"$log" 2>&1 &
	amz_pid=$!
	for i in $(seq 100); do
		python3 -c 'import socket,sys; s=socket.socket(socket.AF_UNIX); s.connect(sys.argv[1])' "$sock" 2>/dev/null && return 0
		sleep 0.1
	done
	return 1
}
