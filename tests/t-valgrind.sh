#!/usr/bin/env bash
# tests/t-valgrind.sh - memcheck over amzmilter-check: the golden corpus and
# tests/corpus/messages, many messages per process (so a per-message leak
# adds up and shows), --leak-check=full with definite and indirect leaks as
# errors.  tests/valgrind.supp hides the false reports from PCRE2's JIT
# code and explains why; one-time allocations of GLib/GMime stay
# "still reachable" and are not errors.
. "$(dirname "$0")/lib.sh"
cd "$TOP"
CHECK=$BUILD/amzmilter-check

if ! command -v valgrind >/dev/null; then
	skip "valgrind" "valgrind is not installed (make deps)"
	exit 0
fi
if [ ! -x "$CHECK" ]; then
	skip "valgrind" "$CHECK is not built"
	exit 0
fi
if nm "$CHECK" 2>/dev/null | grep -q __asan_init; then
	skip "valgrind" "$BUILD is an ASan build (SANITIZE=1): valgrind cannot run it; t-sanitize covers it"
	exit 0
fi
T=$(mktemp -d /tmp/amz-vg.XXXXXX)
trap 'rm -rf "$T"' EXIT

# vg NAME FILES... - one valgrind process over FILES
vg() {
	local name=$1; shift
	local start=$SECONDS rc
	valgrind -q --suppressions="$TOP/tests/valgrind.supp" --leak-check=full \
		--errors-for-leak-kinds=definite,indirect --error-exitcode=99 --num-callers=30 \
		"$CHECK" -c conf/amzmilter.conf --json "$@" >"$T/$name.out" 2>"$T/$name.err"
	rc=$?
	ok "$name: $# messages under memcheck, no error and no definite or indirect leak (exit $rc)" \
		test "$rc" -le 1
	is "$(grep -c '^{' "$T/$name.out")" "$#" "$name: a verdict for each message"
	[ "$rc" -gt 1 ] && diag "$(grep -E -A8 '^==[0-9]+== [A-Z]' "$T/$name.err" | head -30)"
	diag "$name: $# messages in $((SECONDS - start)) s"
}

vg golden tests/golden/*.eml
vg corpus tests/corpus/messages/*.eml
