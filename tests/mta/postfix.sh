#!/usr/bin/env bash
# tests/mta/postfix.sh - a private Postfix on 127.0.0.1 for tests, and a sink.
#
# Source it (functions below) or run it:
#   tests/mta/postfix.sh setup DIR SMTP_PORT SINK_PORT [MILTER_SOCKET]
#   tests/mta/postfix.sh start|stop|queue|hold-count|log DIR
#   tests/mta/postfix.sh sink DIR PORT        (foreground sink)
#
# Layout under DIR (absolute): etc/ (main.cf, master.cf), spool/ (queue;
# held mail in spool/hold), data/ (owned by postfix), log/maillog (the only
# log: no syslog is needed).  Accepted mail is relayed to
# [127.0.0.1]:SINK_PORT, where sink_start runs tests/mta/sink.py, which
# writes one NNNNNN.eml + NNNNNN.env per message.  The system Postfix
# configuration (/etc/postfix) is never read for settings nor written.
#
# State kept by the functions: PF (the scratch dir), SINK_PID, SINK_DIR.

_PF_LIB_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

# pf_suite DESCRIPTION NAME TOOL... - the start of a suite through Postfix:
# skip it (and exit) when a TOOL or the daemon is missing; make $T (a
# scratch directory Postfix can read) with a trap that stops Postfix, the
# milter and the sink and removes it; pick SMTP_PORT and SINK_PORT.
pf_suite() {
	local desc=$1 name=$2 tool
	shift 2
	for tool in "$@"; do
		if ! command -v "$tool" >/dev/null; then
			skip "$desc" "$tool is not installed"
			exit 0
		fi
	done
	if [ ! -x "$BUILD/amzmilter" ]; then
		skip "$desc" "$BUILD/amzmilter is not built"
		exit 0
	fi
	T=$(mktemp -d "/tmp/amz-$name.XXXXXX")
	chmod 0755 "$T"
	trap '_pf_suite_cleanup' EXIT
	SMTP_PORT=$(free_port)
	SINK_PORT=$(free_port)
}

_pf_suite_cleanup() {
	pf_stop
	declare -F milter_stop >/dev/null && milter_stop
	sink_stop
	rm -rf "$T"
}

# pf_setup DIR SMTP_PORT SINK_PORT [MILTER] - write a private configuration
pf_setup() {
	local dir=$1 smtp_port=$2 sink_port=$3 milter=${4:-}
	case $dir in /*) ;; *) dir="$(pwd)/$dir" ;; esac
	PF=$dir
	mkdir -p "$PF/etc" "$PF/spool" "$PF/data" "$PF/log"
	# postfix processes chdir below DIR after setuid: keep the path traversable
	chmod 0755 "$PF" "$PF/etc" "$PF/spool" "$PF/log"
	chown postfix "$PF/data"
	# a mktemp -d parent is 0700: postfix (the user) must reach $PF/data
	if ! runuser -u postfix -- test -w "$PF/data" 2>/dev/null; then
		[ -O "$(dirname "$PF")" ] && chmod a+x "$(dirname "$PF")"
		runuser -u postfix -- test -w "$PF/data" || {
			echo "pf_setup: user postfix cannot reach $PF/data (parent directory modes)" >&2
			return 1; }
	fi
	cat >"$PF/etc/main.cf" <<EOF
# private test instance; see tests/mta/postfix.sh
compatibility_level = 3.6
myhostname = mx.test.invalid
mydomain = test.invalid
myorigin = test.invalid
mydestination =
local_recipient_maps =
local_transport = error:no local delivery
alias_maps =
alias_database =
biff = no
inet_interfaces = 127.0.0.1
inet_protocols = ipv4
mynetworks = 127.0.0.0/8
smtpd_relay_restrictions = permit_mynetworks, reject
relayhost = [127.0.0.1]:$sink_port
smtp_dns_support_level = disabled
queue_directory = $PF/spool
data_directory = $PF/data
maillog_file = $PF/log/maillog
maillog_file_prefixes = /var, /dev/stdout, $PF
smtp_tls_security_level = none
smtpd_tls_security_level = none
in_flow_delay = 0
smtpd_error_sleep_time = 0
smtpd_soft_error_limit = 1000
smtpd_hard_error_limit = 1000
queue_run_delay = 2s
minimal_backoff_time = 2s
maximal_backoff_time = 4s
smtpd_milters = $milter
non_smtpd_milters =
milter_default_action = tempfail
milter_protocol = 6
milter_connect_timeout = 10s
milter_command_timeout = 30s
milter_content_timeout = 60s
EOF
	cat >"$PF/etc/master.cf" <<EOF
# private test instance: every service unchrooted (chroot column n)
127.0.0.1:$smtp_port inet n - n - - smtpd
pickup    unix  n       -       n       60      1       pickup
cleanup   unix  n       -       n       -       0       cleanup
qmgr      unix  n       -       n       300     1       qmgr
tlsmgr    unix  -       -       n       1000?   1       tlsmgr
rewrite   unix  -       -       n       -       -       trivial-rewrite
bounce    unix  -       -       n       -       0       bounce
defer     unix  -       -       n       -       0       bounce
trace     unix  -       -       n       -       0       bounce
verify    unix  -       -       n       -       1       verify
flush     unix  n       -       n       1000?   0       flush
proxymap  unix  -       -       n       -       -       proxymap
proxywrite unix -       -       n       -       1       proxymap
smtp      unix  -       -       n       -       -       smtp
relay     unix  -       -       n       -       -       smtp
showq     unix  n       -       n       -       -       showq
error     unix  -       -       n       -       -       error
retry     unix  -       -       n       -       -       error
discard   unix  -       -       n       -       -       discard
local     unix  -       n       n       -       -       local
virtual   unix  -       n       n       -       -       virtual
lmtp      unix  -       -       n       -       -       lmtp
anvil     unix  -       -       n       -       1       anvil
scache    unix  -       -       n       -       1       scache
postlog   unix-dgram n  -       n       -       1       postlogd
EOF
}

# pf_conf KEY=VALUE... - change main.cf settings (before pf_start, or restart)
pf_conf() {
	postconf -c "$PF/etc" -e "$@"
}

# pf_start [DIR] - check and start the instance; wait until it listens
pf_start() {
	[ $# -ge 1 ] && PF=$1
	local port
	postfix -c "$PF/etc" check >>"$PF/log/setup.log" 2>&1 || {
		echo "postfix check failed, see $PF/log/setup.log" >&2; return 1; }
	postfix -c "$PF/etc" start >>"$PF/log/setup.log" 2>&1 || {
		echo "postfix start failed, see $PF/log/setup.log" >&2; return 1; }
	port=$(sed -n 's/^127\.0\.0\.1:\([0-9]*\) .*smtpd$/\1/p' "$PF/etc/master.cf" | head -1)
	_pf_wait_port "$port" 10 || { echo "postfix does not listen on $port" >&2; return 1; }
}

# pf_master_pid [DIR] - pid of this instance's master, or nothing
pf_master_pid() {
	local dir=${1:-$PF} pid
	pid=$(tr -dc '0-9' <"$dir/spool/pid/master.pid" 2>/dev/null) || return 1
	[ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && echo "$pid"
}

# pf_stop [DIR] - stop the instance; kill what is left of it
pf_stop() {
	[ $# -ge 1 ] && PF=$1
	[ -n "${PF:-}" ] && [ -d "$PF/etc" ] || return 0
	local pid i kids
	pid=$(pf_master_pid "$PF") || pid=
	postfix -c "$PF/etc" stop >>"$PF/log/setup.log" 2>&1
	[ -n "$pid" ] || return 0
	for i in $(seq 50); do
		kill -0 "$pid" 2>/dev/null || return 0
		sleep 0.1
	done
	# still there: kill the master and its children by pid
	kids=$(ps -o pid= --ppid "$pid" 2>/dev/null)
	kill -9 "$pid" $kids 2>/dev/null
	sleep 0.2
	return 0
}

# pf_restart - stop and start (postfix reload keeps idle smtpd processes)
pf_restart() {
	pf_stop && pf_start
}

# pf_queue [DIR] - the queue listing (held mail is marked with "!")
pf_queue() {
	postqueue -c "${1:-$PF}/etc" -p
}

# pf_hold_count [DIR] - number of messages in the hold queue
pf_hold_count() {
	find "${1:-$PF}/spool/hold" -type f 2>/dev/null | wc -l
}

# pf_queue_count [DIR] - number of messages anywhere in the queue
pf_queue_count() {
	local d=${1:-$PF}/spool n=0 q
	for q in incoming active deferred hold maildrop; do
		n=$((n + $(find "$d/$q" -type f 2>/dev/null | wc -l)))
	done
	echo "$n"
}

# pf_flush [DIR] - try deferred mail now
pf_flush() {
	postqueue -c "${1:-$PF}/etc" -f
}

# pf_log [DIR] - path of the maillog
pf_log() {
	echo "${1:-$PF}/log/maillog"
}

# sink_start DIR PORT - start the one-file-per-message sink in the background
sink_start() {
	SINK_DIR=$1
	local port=$2
	mkdir -p "$SINK_DIR"
	python3 "$_PF_LIB_DIR/sink.py" --pidfile "$SINK_DIR/.pid" "$SINK_DIR" "127.0.0.1:$port" \
		>>"$SINK_DIR/.log" 2>&1 &
	SINK_PID=$!
	_pf_wait_port "$port" 10 || { echo "sink does not listen on $port" >&2; return 1; }
}

# sink_stop - stop the sink started by sink_start
sink_stop() {
	[ -n "${SINK_PID:-}" ] || return 0
	kill "$SINK_PID" 2>/dev/null
	local i
	for i in $(seq 30); do
		kill -0 "$SINK_PID" 2>/dev/null || break
		sleep 0.1
	done
	kill -9 "$SINK_PID" 2>/dev/null
	wait "$SINK_PID" 2>/dev/null
	SINK_PID=
}

# sink_count [DIR] - number of messages the sink stored
sink_count() {
	find "${1:-$SINK_DIR}" -maxdepth 1 -name '*.eml' 2>/dev/null | wc -l
}

# sink_wait COUNT [SECONDS] - wait until the sink holds at least COUNT messages
sink_wait() {
	local want=$1 secs=${2:-15} i
	for i in $(seq $((secs * 10))); do
		[ "$(sink_count)" -ge "$want" ] && return 0
		sleep 0.1
	done
	return 1
}

# sink_delivered FILE - wait up to 10 s for the message of FILE (found by
# its Message-ID) in the sink; print the sink file
sink_delivered() {
	sink_delivered_id "$(sed -n 's/^Message-ID: *//p' "$1" | head -1)"
}

# sink_delivered_id MESSAGE-ID - the same, by the Message-ID itself
sink_delivered_id() {
	local id=$1 i f
	for i in $(seq 100); do
		f=$(grep -lF -- "$id" "$SINK_DIR"/*.eml 2>/dev/null | head -1)
		[ -n "$f" ] && { echo "$f"; return 0; }
		sleep 0.1
	done
	return 1
}

# sink_find PATTERN - the newest stored message whose content matches PATTERN
sink_find() {
	local f
	f=$(grep -lE -- "$1" "$SINK_DIR"/*.eml 2>/dev/null | sort | tail -1)
	[ -n "$f" ] && echo "$f"
}

# _pf_wait_port PORT SECONDS - wait until 127.0.0.1:PORT accepts connections
_pf_wait_port() {
	local port=$1 secs=$2 i
	for i in $(seq $((secs * 10))); do
		(exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && return 0
		sleep 0.1
	done
	return 1
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
	set -u
	cmd=${1:-}
	shift || true
	case $cmd in
	setup) [ $# -ge 3 ] || { echo "usage: $0 setup DIR SMTP_PORT SINK_PORT [MILTER]" >&2; exit 2; }
		pf_setup "$@" && echo "$PF" ;;
	start) pf_start "${1:?DIR}" ;;
	stop) pf_stop "${1:?DIR}" ;;
	queue) pf_queue "${1:?DIR}" ;;
	hold-count) pf_hold_count "${1:?DIR}" ;;
	log) pf_log "${1:?DIR}" ;;
	sink) exec python3 "$_PF_LIB_DIR/sink.py" "${1:?DIR}" "127.0.0.1:${2:?PORT}" ;;
	*) echo "usage: $0 setup|start|stop|queue|hold-count|log|sink ..." >&2; exit 2 ;;
	esac
fi
