#!/usr/bin/env python3
"""tests/labelled.py - a labelled set of messages through amzmilter-check.

Usage: labelled.py CHECK CONF DIR

DIR holds messages/NAME.eml and labels.tsv (tab-separated: file, ok|bad,
marketplace[, language[, family]]).  The checker runs once per marketplace
(--json, a relay recipient of it) over all of that marketplace's messages,
so the rules load a few times, not once a message.  Prints one line per
message, in the order of labels.tsv: name, expected, marketplace,
language, family, action, rules (comma-separated, "-" for none), tab-separated.
"""
import collections
import json
import os
import subprocess
import sys

RCPT = "x7k2m9q4z1v8c3b@marketplace.amazon."


def rows(d):
    out = []
    for line in open(os.path.join(d, "labels.tsv"), encoding="utf-8"):
        if line.startswith("#") or not line.strip():
            continue
        f = line.rstrip("\n").split("\t")
        f += [""] * (5 - len(f))
        out.append(f[:5])
    return out


def verdicts(check, conf, d):
    """(row, action, rules) for each message of d, in labels.tsv order"""
    rs = rows(d)
    by_market = collections.defaultdict(list)
    for r in rs:
        by_market[r[2]].append(r)
    found = {}
    for market, group in by_market.items():
        files = [os.path.join(d, "messages", r[0] + ".eml") for r in group]
        out = subprocess.run([check, "-c", conf, "--json", "--rcpt", RCPT + market] + files,
                             stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True).stdout
        for line in out.splitlines():
            if not line.startswith("{"):
                continue
            o = json.loads(line)
            name = os.path.basename(o["file"])[:-len(".eml")]
            found[name] = (o["action"], ",".join(sorted({h["rule"] for h in o["hits"]})) or "-")
    return [(r,) + found.get(r[0], ("missing", "-")) for r in rs]


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__.strip().splitlines()[2])
    for r, action, rules in verdicts(*sys.argv[1:]):
        print("\t".join(r + [action, rules]))


if __name__ == "__main__":
    main()
