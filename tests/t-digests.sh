#!/usr/bin/env bash
# tests/t-digests.sh - behaviour pinned: the digest of what amzmilter-check
# --json --facts prints for every message of tests/corpus, tests/fresh,
# tests/fresh-2, tests/fresh-3, tests/golden and ../shared/corpus (when present) equals the
# digest stored in tests/digests/NAME.sha256.  A change that alters facts or verdicts on
# purpose regenerates them with `make digests`, the diff reviewed in its
# commit.
source "$(dirname "$0")/lib.sh"
cd "$TOP"

CHECK=$BUILD/amzmilter-check
if [ ! -x "$CHECK" ]; then
	skip "digests" "$CHECK not built"
	echo "1..$_tap_n"
	exit 0
fi
tmp=$(mktemp -d /tmp/amz-digests.XXXXXX)
trap 'rm -rf "$tmp"' EXIT

# compare NAME ROOT [SUFFIX] - one TAP line: every stored digest matches and
# every message under ROOT has one; the changed ones are listed
compare() {
	local name=$1 root=$2 suffix=${3:-} stored=tests/digests/$1.sha256
	python3 tests/digests/digest.py "$CHECK" conf/amzmilter.conf "$root" $suffix >"$tmp/$name"
	python3 - "$stored" "$tmp/$name" "$name" <<'PY'
import sys
def load(p):
    d = {}
    for line in open(p, encoding="utf-8", errors="surrogateescape"):
        digest, path = line.rstrip("\n").split("  ", 1)
        d[path] = digest
    return d
want, got, name = load(sys.argv[1]), load(sys.argv[2]), sys.argv[3]
absent = sorted(set(want) - set(got))
changed = sorted(p for p in want if p in got and got[p] != want[p])
extra = sorted(set(got) - set(want))
if absent:
    print("# %s: %d stored messages are not in this copy of the corpus" % (name, len(absent)))
for p in changed[:20]:
    print("#   changed: %s" % p)
for p in extra[:20]:
    print("#   no stored digest: %s" % p)
if changed or extra:
    print("not ok - %s: %d of %d messages changed, %d without a stored digest "
          "(compare amzmilter-check --json --facts with the last commit's build; "
          "make digests after a change on purpose)" % (name, len(changed), len(want), len(extra)))
else:
    print("ok - %s: facts and verdicts of %d messages unchanged" % (name, len(want) - len(absent)))
PY
}

compare corpus tests/corpus/messages .eml
compare fresh tests/fresh/messages .eml
compare fresh-2 tests/fresh-2/messages .eml
compare fresh-3 tests/fresh-3/messages .eml
compare golden tests/golden .eml
if [ -d "$SHARED/corpus" ]; then
	compare shared "$SHARED/corpus"
else
	echo "ok - shared corpus # SKIP $SHARED/corpus is not here"
fi
