#!/usr/bin/env python3
"""tests/digests/digest.py - one SHA-256 per message of what the checker says.

Usage: digest.py CHECK CONF ROOT [SUFFIX]

Runs CHECK --json --facts over every file under ROOT (or only those whose
name ends in SUFFIX), from inside ROOT so the paths it prints are relative, and prints "sha256  path" per message, sorted
by path.  A message's digest covers everything the checker printed for it:
the facts dump and the verdict line.  Only digests are stored, so a corpus
that may not be copied (../shared/corpus) can still be pinned.
"""
import hashlib
import os
import subprocess
import sys


def main():
    if len(sys.argv) not in (4, 5):
        sys.exit(__doc__.strip().splitlines()[2])
    check, conf, root = (os.path.abspath(a) for a in sys.argv[1:4])
    # every file named, so that the checker reads each whatever it looks
    # like (a directory walk would skip what is not mail)
    suffix = sys.argv[4] if len(sys.argv) == 5 else ""
    files = []
    for d, dirs, names in os.walk(root):
        dirs[:] = [x for x in dirs if not x.startswith(".")]
        files += ["./" + os.path.relpath(os.path.join(d, f), root)
                  for f in names if f.endswith(suffix) and not f.startswith(".")]
    files.sort()
    out = subprocess.run([check, "-c", conf, "--json", "--facts"] + files,
                         cwd=root, stdout=subprocess.PIPE).stdout
    blocks = {}
    name = None
    for line in out.split(b"\n"):
        if line.startswith(b"== ./"):
            name = line[5:].decode("utf-8", "surrogateescape")
            blocks[name] = hashlib.sha256()
        if name is None:
            sys.exit("digest.py: output before the first message header")
        blocks[name].update(line + b"\n")
    for name in sorted(blocks):
        print("%s  %s" % (blocks[name].hexdigest(), name))


if __name__ == "__main__":
    main()
