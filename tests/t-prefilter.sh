#!/usr/bin/env bash
# tests/t-prefilter.sh - the literal prefilters change no verdict.
#
# The checker's full output (action, every hit with its message and
# evidence, the reply) on the labelled corpus and the golden messages must
# be the same with the prefilters on (as loaded by default, and with every
# target scanned: AMZ_RULES_PREFILTER=all) and off (=0), for
# mail to .com (where every language's phrases apply) and to .de.  With
# PREFILTER_FULL=1 the shared corpus ($SHARED/corpus, ~3000 messages, some
# minutes) is compared too.
source "$(dirname "$0")/lib.sh"
cd "$TOP"

CHECK="$BUILD/amzmilter-check"
if [ ! -x "$CHECK" ]; then
	skip "prefilter verdicts" "$CHECK not built"
	echo "1..$_tap_n"
	exit 0
fi

tmp=$(mktemp -d /tmp/amz-prefilter.XXXXXX)
trap 'rm -rf "$tmp"' EXIT

dirs=(tests/corpus/messages tests/golden)
[ "${PREFILTER_FULL:-0}" = 1 ] && [ -d "$SHARED/corpus" ] && dirs+=("$SHARED/corpus")

# 1: as the daemon loads the rules; all: every target with literals scanned
for m in com de; do
	for pf in 1 all 0; do
		AMZ_RULES_PREFILTER=$pf "$CHECK" -c conf/amzmilter.conf --json \
			--from support@shop.example --rcpt "buyer@marketplace.amazon.$m" \
			"${dirs[@]}" >"$tmp/$m.$pf" 2>"$tmp/$m.$pf.err"
	done
	n=$(grep -c '^{' "$tmp/$m.1")
	for pf in 1 all; do
		ok "marketplace.amazon.$m: $n messages give identical verdicts with (AMZ_RULES_PREFILTER=$pf) and without prefilters" \
			cmp -s "$tmp/$m.$pf" "$tmp/$m.0"
		cmp -s "$tmp/$m.$pf" "$tmp/$m.0" || diff "$tmp/$m.$pf" "$tmp/$m.0" | head -6 | sed 's/^/# /'
	done
	ok "marketplace.amazon.$m: the checker read every message" test "$n" -gt 100
done
echo "1..$_tap_n"
