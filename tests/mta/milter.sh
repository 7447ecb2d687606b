# tests/mta/milter.sh - run build/amzmilter for a test (source it after tests/lib.sh).
#
#   milter_conf DIR [KEY=VALUE...]   write DIR/amzmilter.conf: socket
#                                    unix:DIR/amzmilter.sock (mode 0666), spool
#                                    DIR/spool, quarantine records DIR/quarantine,
#                                    rules $TOP/rules, local rules
#                                    DIR/local.d; KEY=VALUE lines are appended
#                                    (later keys win)
#   milter_start DIR                 start it in the foreground with -v, log to
#                                    DIR/milter.log; wait for the socket
#                                    (MILTER_WRAPPER, if set, runs it: e.g.
#                                    "prlimit --as=N")
#   milter_stop                      SIGTERM, wait (libmilter takes ~4.5 s)
#   milter_kill                      SIGKILL at once (a dead milter)
#   milter_hup                       reload: SIGHUP, SIGUSR1 in the plain build
#   milter_log_since MARK            the log after byte offset MARK
#
# State: MILTER_DIR, MILTER_PID, MILTER_SOCK (path), MILTER_SPEC (unix:path).

# milter_conf DIR [KEY=VALUE...] - a test configuration with absolute paths
milter_conf() {
	local dir=$1 kv
	shift
	mkdir -p "$dir/spool" "$dir/local.d"
	chmod 0700 "$dir/spool"
	# the relay domains of the shipped configuration
	local relay
	relay=$(sed -n 's/^relay_domains *= *//p' "$TOP/conf/amzmilter.conf" | head -1)
	{
		echo "# test configuration written by tests/mta/milter.sh"
		echo "socket = unix:$dir/amzmilter.sock"
		echo "socket_mode = 0666"
		echo "spool = $dir/spool"
		echo "quarantine_dir = $dir/quarantine"
		echo "rules = $TOP/rules"
		echo "local_rules = $dir/local.d"
		echo "mode = enforce"
		[ -n "$relay" ] && echo "relay_domains = $relay"
		echo "mixed_recipients = split"
		echo "on_error = tempfail"
		echo "reply_details = yes"
		echo "add_headers = yes"
		for kv in "$@"; do
			echo "${kv%%=*} = ${kv#*=}"
		done
	} >"$dir/amzmilter.conf"
}

# milter_start DIR - start the daemon on DIR/amzmilter.conf; wait for its socket
milter_start() {
	MILTER_DIR=$1
	MILTER_SOCK=$MILTER_DIR/amzmilter.sock
	MILTER_SPEC=unix:$MILTER_SOCK
	rm -f "$MILTER_SOCK"
	# MILTER_WRAPPER: a command that execs the daemon (prlimit --as=N)
	${MILTER_WRAPPER:-} "$BUILD/amzmilter" -v -c "$MILTER_DIR/amzmilter.conf" >>"$MILTER_DIR/milter.log" 2>&1 &
	MILTER_PID=$!
	local i
	for i in $(seq 100); do
		if [ -S "$MILTER_SOCK" ]; then return 0; fi
		if ! kill -0 "$MILTER_PID" 2>/dev/null; then
			echo "amzmilter exited at start; log:" >&2
			tail -n 20 "$MILTER_DIR/milter.log" >&2
			MILTER_PID=
			return 1
		fi
		sleep 0.1
	done
	echo "amzmilter did not create $MILTER_SOCK within 10 s" >&2
	return 1
}

# milter_stop - SIGTERM and wait; SIGKILL after 15 s
milter_stop() {
	[ -n "${MILTER_PID:-}" ] || return 0
	kill -TERM "$MILTER_PID" 2>/dev/null
	local i
	for i in $(seq 150); do
		kill -0 "$MILTER_PID" 2>/dev/null || break
		sleep 0.1
	done
	kill -KILL "$MILTER_PID" 2>/dev/null
	wait "$MILTER_PID" 2>/dev/null
	MILTER_PID=
}

# milter_kill - die at once, like a crash
milter_kill() {
	[ -n "${MILTER_PID:-}" ] || return 0
	kill -KILL "$MILTER_PID" 2>/dev/null
	wait "$MILTER_PID" 2>/dev/null
	MILTER_PID=
}

# milter_hup - ask for a reload: SIGHUP with the link wraps; the plain
# build (milter/daemon/plain.c) reloads on SIGUSR1 and stops on SIGHUP
milter_hup() {
	case $("$BUILD/amzmilter" --version) in
	*"plain libmilter"*) kill -USR1 "$MILTER_PID" ;;
	*) kill -HUP "$MILTER_PID" ;;
	esac
}

# milter_log_size - current size of the log (a mark for milter_log_since)
milter_log_size() {
	stat -c %s "$MILTER_DIR/milter.log" 2>/dev/null || echo 0
}

# milter_log_since MARK - what the daemon logged after MARK
milter_log_since() {
	tail -c +"$(($1 + 1))" "$MILTER_DIR/milter.log" 2>/dev/null
}

# milter_wait_log MARK REGEX [SECONDS] - wait for REGEX in the log after MARK
milter_wait_log() {
	local mark=$1 re=$2 secs=${3:-10} i
	for i in $(seq $((secs * 10))); do
		milter_log_since "$mark" | grep -qE -- "$re" && return 0
		sleep 0.1
	done
	return 1
}
