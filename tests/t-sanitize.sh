#!/usr/bin/env bash
# tests/t-sanitize.sh - AddressSanitizer, LeakSanitizer and UBSan over the
# engine: builds `make BUILD=$SAN_BUILD SANITIZE=1 all unit` (default
# build-san), runs every unit test binary, then amzmilter-check over the
# golden corpus and tests/corpus/messages in one process, with leak
# detection on and any sanitizer report fatal.  A report fails the suite
# and its first lines are shown.
. "$(dirname "$0")/lib.sh"
cd "$TOP"
SAN_BUILD=${SAN_BUILD:-build-san}
case $SAN_BUILD in /*) ;; *) SAN_BUILD="$TOP/$SAN_BUILD" ;; esac
# exit codes a sanitizer uses, distinct from the checker's 0/1/2
export ASAN_OPTIONS=detect_leaks=1:halt_on_error=1:exitcode=86
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1:exitcode=87
export LSAN_OPTIONS=exitcode=88
T=$(mktemp -d /tmp/amz-san.XXXXXX)
trap 'rm -rf "$T"' EXIT

out=$(make -s BUILD="$SAN_BUILD" SANITIZE=1 all unit 2>&1); rc=$?
is "$rc" 0 "make BUILD=$(basename "$SAN_BUILD") SANITIZE=1 all unit"
if [ "$rc" -ne 0 ]; then
	diag "$(printf '%s' "$out" | grep -E 'error' | head -5)"
	exit 0
fi

# san_report FILE - the first lines of a sanitizer report in FILE, if any
san_report() {
	grep -E -A12 'ERROR: (AddressSanitizer|LeakSanitizer)|runtime error:' "$1" | head -24
}

for t in "$SAN_BUILD"/tests/test_*; do
	[ -x "$t" ] || continue
	n=$(basename "$t")
	"$t" --tap >"$T/$n.tap" 2>"$T/$n.err"; rc=$?
	is "$rc" 0 "$n under ASan+UBSan: exit 0 ($(grep -c '^ok' "$T/$n.tap") ok, $(grep -c '^not ok' "$T/$n.tap") not ok)"
	r=$(san_report "$T/$n.err"); is "$r" "" "$n: no sanitizer report"
done

files=$(ls tests/golden/*.eml tests/corpus/messages/*.eml 2>/dev/null | wc -l)
start=$SECONDS
"$SAN_BUILD/amzmilter-check" -c conf/amzmilter.conf --json tests/golden/*.eml tests/corpus/messages/*.eml \
	>"$T/check.out" 2>"$T/check.err"; rc=$?
ok "amzmilter-check over $files corpus messages: exit 0 or 1, not a sanitizer's (got $rc)" test "$rc" -le 1
is "$(grep -c '^{' "$T/check.out")" "$files" "amzmilter-check gave a verdict for each of the $files messages"
r=$(san_report "$T/check.err"); is "$r" "" "amzmilter-check: no ASan, LSan or UBSan report"
diag "checked $files messages in $((SECONDS - start)) s under ASan+UBSan"
