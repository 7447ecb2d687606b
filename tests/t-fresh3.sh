#!/usr/bin/env bash
# t-fresh3.sh - tests/fresh-3: 312 seller messages in the twelve marketplace
# languages (26 each, 144 compliant look-alikes), written from the
# guidelines alone by an author who had seen neither the rules nor the word
# lists.  Each compliant message must come out
# accepted or tagged, each violation rejected or quarantined.
source "$(dirname "$0")/lib.sh"
cd "$TOP"
if [ ! -x "$BUILD/amzmilter-check" ]; then
	skip "fresh-3 messages" "$BUILD/amzmilter-check not built"
	echo "1..$_tap_n"
	exit 0
fi
labelled_suite tests/fresh-3
echo "1..$_tap_n"
