#!/usr/bin/env bash
# tests/t-layers.sh - the layers of milter/ point one way.
#
# Each folder of milter/ is a layer; a file may include headers of its own
# layer and of the layers below it, never above:
#   util < core < extract, rules < engine < daemon, check
# (extract and rules are side by side and do not include each other).
# Also: no cycle of #include "..." between files, no source file left flat
# in milter/, and libmilter's header only in daemon/.
source "$(dirname "$0")/lib.sh"
cd "$TOP"

python3 - <<'PY'
import glob, os, re, sys
RANK = {"util": 0, "core": 1, "extract": 2, "rules": 2, "engine": 3, "daemon": 4, "check": 4}
n = 0
def tap(ok, desc, detail=()):
    global n
    n += 1
    print("%sok %d - %s" % ("" if ok else "not ", n, desc))
    for d in list(detail)[:20]:
        print("#   " + d)

files = sorted(glob.glob("milter/*/*.[ch]"))
flat = sorted(glob.glob("milter/*.c"))
tap(not flat, "no source file flat in milter/", flat)
unknown = sorted({f.split("/")[1] for f in files} - set(RANK))
tap(not unknown, "every folder of milter/ has a place among the layers", unknown)

inc = re.compile(r'^\s*#\s*include\s+"([^"]+)"', re.M)
edges = {}
up, sideways, missing, mfapi = [], [], [], []
for f in files:
    src = open(f, encoding="utf-8").read()
    layer = f.split("/")[1]
    edges[f] = []
    for h in inc.findall(src):
        target = "milter/" + h
        if not os.path.exists(target):
            missing.append("%s includes \"%s\", which is not milter/<layer>/<file>" % (f, h))
            continue
        edges[f].append(target)
        tl = h.split("/")[0]
        if RANK.get(tl, 99) > RANK.get(layer, -1):
            up.append("%s (%s) includes %s (%s)" % (f, layer, h, tl))
        elif RANK[tl] == RANK[layer] and tl != layer:
            sideways.append("%s (%s) includes %s (%s)" % (f, layer, h, tl))
    if "libmilter/mfapi.h" in src and layer != "daemon":
        mfapi.append(f)
tap(not missing, "every #include \"...\" names a header by its layer folder", missing)
tap(not up, "no file includes a header of a layer above its own", up)
tap(not sideways, "extract and rules do not include each other", sideways)
tap(not mfapi, "libmilter's header is included only in daemon/", mfapi)

# a cycle between files: depth-first search over the include edges
state, cycles = {}, []
def visit(f, path):
    state[f] = 1
    for t in edges.get(f, []):
        if state.get(t) == 1:
            cycles.append(" -> ".join(path[path.index(t):] + [t]) if t in path else t)
        elif t not in state:
            visit(t, path + [t])
    state[f] = 2
for f in files:
    if f not in state:
        visit(f, [f])
tap(not cycles, "no cycle of includes between files", cycles)
print("1..%d" % n)
PY
