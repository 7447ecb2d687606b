# tests/lib.sh - TAP helpers for the shell suites (source it).
# ok COND-EXIT-STATUS DESCRIPTION, is GOT WANT DESCRIPTION, skip DESCRIPTION REASON
set -u
TOP=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BUILD=${BUILD:-build}
case $BUILD in /*) ;; *) BUILD="$TOP/$BUILD" ;; esac
SHARED=${SHARED:-$TOP/../shared}
_tap_n=0

# ok DESCRIPTION CMD... - pass when CMD exits 0
ok() {
	local desc=$1; shift
	_tap_n=$((_tap_n + 1))
	if "$@"; then echo "ok $_tap_n - $desc"; else echo "not ok $_tap_n - $desc"; fi
}

# is GOT WANT DESCRIPTION - pass when GOT equals WANT
is() {
	_tap_n=$((_tap_n + 1))
	if [ "$1" == "$2" ]; then
		echo "ok $_tap_n - $3"
	else
		echo "not ok $_tap_n - $3"
		echo "#   got:  $(printf '%s' "$1" | head -c 600)"
		echo "#   want: $(printf '%s' "$2" | head -c 600)"
	fi
}

# like GOT REGEX DESCRIPTION - pass when GOT matches the extended regex
like() {
	_tap_n=$((_tap_n + 1))
	if printf '%s' "$1" | grep -qE -- "$2"; then
		echo "ok $_tap_n - $3"
	else
		echo "not ok $_tap_n - $3"
		echo "#   got:  $(printf '%s' "$1" | head -c 600)"
		echo "#   want match: $2"
	fi
}

skip() {
	_tap_n=$((_tap_n + 1))
	echo "ok $_tap_n - $1 # SKIP $2"
}

diag() { echo "# $*"; }

# daemon_start CONF SOCKET LOG [OPTION...] - start amzmilter in the
# background and wait for SOCKET to appear; sets pid.  If it does not, a
# failing test shows the log's last lines and the function returns 1.
daemon_start() {
	local conf=$1 sock=$2 log=$3
	shift 3
	"$BUILD/amzmilter" "$@" -c "$conf" >"$log" 2>&1 &
	pid=$!
	for _ in $(seq 100); do [ -S "$sock" ] && return 0; sleep 0.1; done
	ok "the daemon starts" false
	diag "$(tail -5 "$log")"
	return 1
}

# free_port - an unused TCP port on 127.0.0.1
free_port() {
	python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

# labelled_suite DIR - each message of a labelled set (DIR/labels.tsv,
# DIR/messages) through $BUILD/amzmilter-check and the shipped
# configuration: a compliant one must come out accepted or tagged, a
# violation rejected or quarantined.  Families named in $LABELLED_LATER are
# reported, not asserted.
labelled_suite() {
	local dir=$1 name want market lang family action rules good=0 total=0 later=0 later_blocked=0
	while IFS=$'\t' read -r name want market lang family action rules; do
		if [ "$want" = bad ] && [[ " ${LABELLED_LATER:-} " == *" $family "* ]]; then
			later=$((later + 1))
			case $action in reject|quarantine) later_blocked=$((later_blocked + 1)) ;; esac
			continue
		fi
		total=$((total + 1))
		case $want:$action in
		ok:accept|ok:tag|bad:reject|bad:quarantine)
			ok "$name ($want, $lang, $family): $action $rules" true; good=$((good + 1)) ;;
		*) ok "$name ($want, $lang, $family): $action $rules" false ;;
		esac
	done < <(python3 "$TOP/tests/labelled.py" "$BUILD/amzmilter-check" "$TOP/conf/amzmilter.conf" "$dir")
	diag "$(basename "$dir"): $good/$total come out as expected${LABELLED_LATER:+; reported only: $later_blocked/$later violations blocked}"
}
