#!/usr/bin/env bash
# tests/t-fuzz.sh - libFuzzer targets (tests/fuzz): replay every saved
# regression input first, then fuzz each target for FUZZ_SECONDS (default
# 60 here; `make fuzz` runs 300).  The shapes target (small inputs that
# build large messages, seeded with the known part and HTML shapes) gets
# SHAPES_SECONDS of the message target's time, so the whole takes as long
# as before.  Passes only when nothing crashes, hangs (10 s per input),
# leaks or trips ASan/UBSan.
. "$(dirname "$0")/lib.sh"
cd "$TOP"
FUZZ_SECONDS=${FUZZ_SECONDS:-60}
SHAPES_SECONDS=${SHAPES_SECONDS:-10}
[ "$SHAPES_SECONDS" -lt "$FUZZ_SECONDS" ] || SHAPES_SECONDS=$((FUZZ_SECONDS / 2))

if ! command -v clang >/dev/null; then
	skip "fuzzing" "clang is not installed (make deps)"
	exit 0
fi
out=$(BUILD=$BUILD tests/fuzz/run --build-only 2>&1); rc=$?
is "$rc" 0 "the fuzz targets build with -fsanitize=fuzzer,address,undefined"
if [ "$rc" -ne 0 ]; then
	diag "$(printf '%s' "$out" | grep -E 'error|undefined reference' | head -5)"
	exit 0
fi

for t in message rules shapes; do
	n=$(find "tests/fuzz/regressions/$t" -type f 2>/dev/null | wc -l)
	if [ "$n" -eq 0 ]; then
		skip "$t: replay of saved regression inputs" "none saved"
		continue
	fi
	out=$(BUILD=$BUILD tests/fuzz/run --replay "$t" 2>&1); rc=$?
	is "$rc" 0 "$t: $n saved regression inputs replay without a crash"
	[ "$rc" -ne 0 ] && diag "$(grep -E 'ERROR|SUMMARY|runtime error' "$BUILD/fuzz/replay-$t.log" | head -5)"
done

for t in message rules shapes; do
	case $t in
	message) secs=$((FUZZ_SECONDS - SHAPES_SECONDS)) ;;
	shapes) secs=$SHAPES_SECONDS ;;
	*) secs=$FUZZ_SECONDS ;;
	esac
	out=$(BUILD=$BUILD FUZZ_SECONDS=$secs tests/fuzz/run "$t" 2>&1); rc=$?
	diag "$(printf '%s' "$out" | grep '^fuzz: ' | grep -v replayed | head -8)"
	is "$rc" 0 "$t: ${secs}s of fuzzing without a crash, hang or leak"
	if [ "$rc" -ne 0 ]; then
		diag "crashing inputs: $(ls "$BUILD/fuzz/artifacts/$t-"* 2>/dev/null | head -5 | xargs)"
		diag "keep each as tests/fuzz/regressions/$t/NAME once fixed"
	fi
done
