#!/usr/bin/env python3
"""tests/measure.py - how the shipped rules do on a labelled set of messages.

Usage: measure.py CHECK CONF DIR

DIR holds messages/NAME.eml and labels.tsv (tab-separated: file, ok|bad,
marketplace[, language[, family]]).  Each message goes through CHECK
--json with a relay recipient of its marketplace (labelled.py).  "bad" is blocked when
the action is reject or quarantine; "ok" is held when it is anything but
accept or tag.  Prints the violations blocked and the compliant messages
held, per family, per language and in all, then the misses.
"""
import collections
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import labelled  # noqa: E402


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__.strip().splitlines()[2])
    check, conf, d = sys.argv[1:]
    blocked = collections.defaultdict(lambda: [0, 0])   # key -> [blocked, violations]
    held = collections.defaultdict(lambda: [0, 0])      # key -> [held, compliant]
    misses = []
    for (name, want, market, lang, family), action, rules in labelled.verdicts(check, conf, d):
        if want == "bad":
            hit = action in ("reject", "quarantine")
            for k in ("all", family and "family " + family, lang and "language " + lang):
                if not k:
                    continue
                blocked[k][0] += hit
                blocked[k][1] += 1
            if not hit:
                misses.append("missed  %s (%s, %s): %s %s" % (name, family, lang, action, rules))
        else:
            hold = action not in ("accept", "tag")
            for k in ("all", lang and "language " + lang):
                if not k:
                    continue
                held[k][0] += hold
                held[k][1] += 1
            if hold:
                misses.append("held    %s (%s, %s): %s %s" % (name, family, lang, action, rules))
    print("violations blocked:")
    for k in sorted(blocked, key=lambda k: (k != "all", k)):
        b, n = blocked[k]
        print("  %-32s %3d of %3d  %5.1f %%" % (k, b, n, 100.0 * b / n))
    print("compliant messages held:")
    for k in sorted(held, key=lambda k: (k != "all", k)):
        h, n = held[k]
        print("  %-32s %3d of %3d  %5.1f %%" % (k, h, n, 100.0 * h / n))
    for m in misses:
        print(m)


if __name__ == "__main__":
    main()
