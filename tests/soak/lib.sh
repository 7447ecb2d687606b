# tests/soak/lib.sh - a private Postfix + amzmilter + sink for load tests
# (source after tests/lib.sh; uses tests/mta/*.sh and tests/soak/mkmsgs.sh).
#
#   soak_setup DIR [KEY=VALUE...]  milter config (extra keys), the soak rules,
#                                  the message types in DIR/types, then start
#                                  milter, sink and Postfix; sets SMTP_PORT,
#                                  SOAK_TYPES (type names)
#   soak_expect                    what amzmilter-check says each type gets:
#                                  sets SOAK_EXPECT ("TYPE=ACTION" words) and
#                                  SOAK_RELAY_TYPES (comma list)
#   soak_send COUNT [ARGS...]      client.py send at SOAK_CONCURRENCY (50);
#                                  results in DIR/results
#   soak_drain [SECONDS]           wait until only held mail is queued
#   soak_account [--tag TAG]       client.py account over results, sink, hold
#   soak_teardown                  stop everything, remove DIR unless SOAK_KEEP
_SOAK_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
. "$_SOAK_DIR/../mta/postfix.sh"
. "$_SOAK_DIR/../mta/milter.sh"
. "$_SOAK_DIR/mkmsgs.sh"
SOAK_CONCURRENCY=${SOAK_CONCURRENCY:-50}

soak_setup() {
	SOAK=$1
	shift
	mkdir -p "$SOAK/milter"
	chmod 0755 "$SOAK"
	milter_conf "$SOAK/milter" "$@"
	soak_rules "$SOAK/milter/local.d"
	SOAK_TYPES=$(soak_types "$SOAK/types")
	SMTP_PORT=$(free_port)
	SINK_PORT=$(free_port)
	milter_start "$SOAK/milter" || return 1
	pf_setup "$SOAK/pf" "$SMTP_PORT" "$SINK_PORT" "$MILTER_SPEC" || return 1
	# 50 parallel sessions from one address: lift the per-client limits
	pf_conf smtpd_client_connection_count_limit=0 smtpd_client_connection_rate_limit=0 \
		smtpd_client_message_rate_limit=0 default_process_limit=200 \
		smtp_destination_concurrency_limit=20 >/dev/null || return 1
	sink_start "$SOAK/sink" "$SINK_PORT" || return 1
	pf_start || return 1
}

soak_expect() {
	local t rcpt action
	SOAK_EXPECT=
	SOAK_RELAY_TYPES=
	for t in $SOAK_TYPES; do
		rcpt=$(cat "$SOAK/types/$t.rcpt")
		if conf_relay_rcpt "$rcpt"; then
			action=$("$BUILD/amzmilter-check" -c "$SOAK/milter/amzmilter.conf" --json \
				--rcpt "$rcpt" "$SOAK/types/$t.eml" |
				python3 -c 'import json,sys; print(json.loads(sys.stdin.readline())["action"])')
			SOAK_RELAY_TYPES="$SOAK_RELAY_TYPES${SOAK_RELAY_TYPES:+,}$t"
		else
			# not a relay recipient: accepted at DATA, never checked (README)
			action=accept
		fi
		SOAK_EXPECT="$SOAK_EXPECT $t=$action"
	done
}

# conf_relay_rcpt ADDR - does ADDR match relay_domains of the soak config?
conf_relay_rcpt() {
	python3 - "$1" "$SOAK/milter/amzmilter.conf" <<'PY'
import re, sys
addr, conf = sys.argv[1], sys.argv[2]
pat = [l.split("=", 1)[1].strip() for l in open(conf) if l.startswith("relay_domains")][-1]
sys.exit(0 if re.search(pat, addr.rsplit("@", 1)[1], re.I) else 1)
PY
}

soak_send() {
	local n=$1
	shift
	python3 "$_SOAK_DIR/client.py" send --server "127.0.0.1:$SMTP_PORT" --types "$SOAK/types" \
		--count "$n" --concurrency "$SOAK_CONCURRENCY" --out "$SOAK/results" "$@"
}

soak_drain() {
	local secs=${1:-120} i q h
	for i in $(seq $((secs * 5))); do
		q=$(pf_queue_count) h=$(pf_hold_count)
		[ "$q" -eq "$h" ] && return 0
		[ $((i % 25)) = 0 ] && pf_flush 2>/dev/null
		sleep 0.2
	done
	return 1
}

soak_account() {
	# shellcheck disable=SC2086
	python3 "$_SOAK_DIR/client.py" account --results "$SOAK/results" --expect $SOAK_EXPECT \
		--sink "$SOAK/sink" --hold "$PF/spool/hold" --relay-types "$SOAK_RELAY_TYPES" "$@"
}

soak_teardown() {
	pf_stop
	milter_stop
	sink_stop
	[ -n "${SOAK_KEEP:-}" ] || rm -rf "$SOAK"
}
