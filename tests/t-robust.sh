#!/usr/bin/env bash
# tests/t-robust.sh - every file of ../shared/corpus (public MIME test
# suites: broken, hostile and odd messages, mailboxes, binaries; any name
# or extension) through the ASan+UBSan build of amzmilter-check, as if sent
# to a relay address: zero crashes, zero sanitizer reports, zero hangs.
# Skipped with a notice when the corpus is not there.
#
# Many files per process (4 batches, 2 at a time), which is how the daemon
# lives too: a leak or a corruption left behind by one message shows up in
# a later one or at exit (LeakSanitizer).
# Bounds, and why they are set this way:
#  - time: AMZ_CHECK_MESSAGE_SECONDS=10, the checker's hidden watchdog,
#    ends the process naming the file when one message takes over 10 s
#    (exit 124); `timeout` bounds each whole batch as a last resort.
#  - memory: an address-space ulimit (ulimit -v) cannot be used with ASan,
#    which reserves terabytes of address space for its shadow memory at
#    start.  ASan's own limits stand in: no single allocation above
#    256 MB (max_allocation_size_mb) and at most 1 GB resident per process
#    (hard_rss_limit_mb); crossing either is reported as a failure.  The
#    messages of a batch run one after another and each frees what it
#    used, so the per-process bound is also a per-message bound.
. "$(dirname "$0")/lib.sh"
cd "$TOP"
SAN_BUILD=${SAN_BUILD:-build-san}
case $SAN_BUILD in /*) ;; *) SAN_BUILD="$TOP/$SAN_BUILD" ;; esac
CORPUS=$SHARED/corpus
RCPT=8xk2m4q7z1v9c3b@marketplace.amazon.com

if [ ! -d "$CORPUS" ]; then
	skip "robustness over the shared corpus" "$CORPUS is not present"
	exit 0
fi
out=$(make -s BUILD="$SAN_BUILD" SANITIZE=1 all 2>&1); rc=$?
is "$rc" 0 "make BUILD=$(basename "$SAN_BUILD") SANITIZE=1 all"
[ "$rc" -eq 0 ] || { diag "$(printf '%s' "$out" | grep error | head -5)"; exit 0; }
CHECK=$SAN_BUILD/amzmilter-check
T=$(mktemp -d /tmp/amz-robust.XXXXXX)
trap 'rm -rf "$T"' EXIT
export ASAN_OPTIONS=detect_leaks=1:halt_on_error=1:exitcode=86:max_allocation_size_mb=256:hard_rss_limit_mb=1024:allocator_may_return_null=0
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1:exitcode=87
export LSAN_OPTIONS=exitcode=88
export AMZ_CHECK_MESSAGE_SECONDS=10

# The watchdog itself: a FIFO nobody writes to blocks the checker forever.
mkfifo "$T/blocked"
out=$(AMZ_CHECK_MESSAGE_SECONDS=1 timeout 20 "$CHECK" -c conf/amzmilter.conf "$T/blocked" 2>&1); rc=$?
is "$rc" 124 "the per-message watchdog ends a stuck message with exit 124"
like "$out" "timed out on .*blocked" "... and names the file"
rm -f "$T/blocked"

find "$CORPUS" -type f | sort >"$T/files"
total=$(wc -l <"$T/files")
per=$(((total + 3) / 4))
split -l "$per" -d "$T/files" "$T/batch."
start=$SECONDS
# batch FILE - one process over the files listed in FILE; when it dies on a
# file (crash, sanitizer report, watchdog), that file goes to FILE.bad with
# the exit status and a new process goes on with the next one.  FILE.rc: the
# worst exit status.
batch() {
	local files=() done rc worst=0
	mapfile -t files <"$1"
	: >"$1.out"; : >"$1.err"; : >"$1.bad"
	while [ ${#files[@]} -gt 0 ]; do
		done=$(grep -c '^{' "$1.out")
		timeout 1200 "$CHECK" -c conf/amzmilter.conf --json --rcpt "$RCPT" "${files[@]}" >>"$1.out" 2>>"$1.err"
		rc=$?
		[ "$rc" -le 1 ] && break
		worst=$rc
		# with the watchdog on, the checker flushes one line per file, in
		# order: the next file is the culprit
		done=$(( $(grep -c '^{' "$1.out") - done ))
		if [ "$rc" = 124 ]; then
			echo "$rc $(sed -n 's/^amzmilter-check: timed out on //p' "$1.err" | tail -1)" >>"$1.bad"
		else
			echo "$rc ${files[$done]}" >>"$1.bad"
		fi
		files=("${files[@]:$((done + 1))}")
	done
	echo "$worst" >"$1.rc"
}
running=0
for b in "$T"/batch.??; do
	batch "$b" &
	running=$((running + 1))
	if [ "$running" -ge 2 ]; then wait -n; running=$((running - 1)); fi
done
wait
secs=$((SECONDS - start))

cat "$T"/batch.??.bad >"$T/bad"
hung=$(awk '$1 == 124' "$T/bad" | wc -l)
crashed=$(awk '$1 != 124' "$T/bad" | wc -l)
while read -r rc f; do
	diag "$([ "$rc" = 124 ] && echo "hang (over 10 s)" || echo "crash (exit $rc)"): $f"
done <"$T/bad"
[ "$crashed" -gt 0 ] && diag "$(cat "$T"/batch.??.err | grep -E -A14 'ERROR: (Address|Leak)Sanitizer|runtime error:' | head -30)"
cat "$T"/batch.??.out >"$T/all.out"
# an mbox of several messages gets one verdict each (FILE:N): count files
verdicts=$(python3 - "$T/all.out" <<'PY'
import json, os, sys
files = set()
for line in open(sys.argv[1], errors="replace"):
    if line.startswith("{"):
        try:
            f = json.loads(line)["file"]
        except ValueError:
            continue
        files.add(f if os.path.exists(f) else f.rsplit(":", 1)[0])
print(len(files))
PY
)
counts=$(python3 - "$T/all.out" <<'PY'
import collections, json, sys
c = collections.Counter()
rules = collections.Counter()
for line in open(sys.argv[1], errors="replace"):
    if line.startswith("{"):
        try:
            v = json.loads(line)
        except ValueError:
            continue
        c[v["action"]] += 1
        for h in v["hits"]:
            if h["rule"].startswith("AMZ_"):
                rules[h["rule"]] += 1
print(" ".join("%s=%d" % kv for kv in sorted(c.items())),
      "|", " ".join("%s=%d" % kv for kv in sorted(rules.items())) or "no AMZ_* hits")
PY
)
diag "corpus: $total files in $secs s under ASan+UBSan; verdicts: ${counts%%|*}"
diag "messages that could not be fully checked: ${counts#*|}"
is "$crashed" 0 "no file crashed the checker or tripped a sanitizer"
is "$hung" 0 "no file took longer than 10 s"
is "$verdicts" "$((total - crashed - hung))" "a verdict for every other file ($total files)"
r=$(grep -lE 'ERROR: (Address|Leak)Sanitizer|runtime error:' "$T"/batch.??.err | head -1)
is "$r" "" "no sanitizer report in any batch"
