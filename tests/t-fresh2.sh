#!/usr/bin/env bash
# t-fresh2.sh - tests/fresh-2: seller messages in the twelve marketplace
# languages, written from the guidelines alone by someone who had not seen
# the rules.  Each compliant message must come out accepted or tagged, each
# violation rejected or quarantined, through amzmilter-check and the
# shipped configuration.
source "$(dirname "$0")/lib.sh"
cd "$TOP"
if [ ! -x "$BUILD/amzmilter-check" ]; then
	skip "fresh-2 messages" "$BUILD/amzmilter-check not built"
	echo "1..$_tap_n"
	exit 0
fi
labelled_suite tests/fresh-2
echo "1..$_tap_n"
