#!/usr/bin/env bash
# tests/t-layers.sh - the layers of milter/ point one way.
#
# Each folder of milter/ is a layer; a file may include headers of its own
# layer and of the layers below it, never above:
#   util < core < extract, rules, orders < engine < daemon, check, admin
# (extract, rules and orders are side by side and do not include each other).
# Also: no cycle of #include "..." between files, no source file left flat
# in milter/, libmilter's header only in daemon/; the same direction and no
# cycle in who calls whom between the object files; and the libmilter guard.
source "$(dirname "$0")/lib.sh"
cd "$TOP"

python3 - <<'PY'
import glob, os, re, sys
RANK = {"util": 0, "core": 1, "extract": 2, "rules": 2, "orders": 2, "engine": 3, "daemon": 4, "check": 4, "admin": 4}
def tap(ok, desc, detail=()):
    print("%sok - %s" % ("" if ok else "not ", desc))
    for d in list(detail)[:20]:
        print("#   " + d)

files = sorted(glob.glob("milter/*/*.[ch]") + glob.glob("milter/*/*.cc"))
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
tap(not sideways, "extract, rules and orders do not include each other", sideways)
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
PY

# The same at link level: which object file calls which (nm).  No call from
# a layer to one above, and no cycle of calls between files (two files that
# need each other are one module, or one of them owns too much).
if [ -d "$BUILD/obj" ]; then
python3 - "$BUILD" <<'PY'
import collections, glob, os, subprocess, sys
RANK = {"util": 0, "core": 1, "extract": 2, "rules": 2, "orders": 2, "engine": 3, "daemon": 4, "check": 4, "admin": 4}
build = sys.argv[1]
defs, undefs = {}, {}
for o in sorted(glob.glob(build + "/obj/*/*.o")):
    name = o[len(build) + 5:-2]
    if not os.path.exists("milter/%s.c" % name) and not os.path.exists("milter/%s.cc" % name):
        continue    # left from a file since moved or removed
    d, u = set(), set()
    for line in subprocess.run(["nm", o], capture_output=True, text=True).stdout.splitlines():
        f = line.split()
        if len(f) == 2 and f[0] == "U":
            u.add(f[1])
        elif len(f) == 3 and f[1] in "TDBRVW":
            d.add(f[2])
    defs[name], undefs[name] = d, u
owner = {s: n for n, d in defs.items() for s in d}
edges = collections.defaultdict(set)
for n, u in undefs.items():
    edges[n] |= {owner[s] for s in u if s in owner and owner[s] != n}
up = ["%s calls %s" % (n, t) for n in sorted(edges) for t in sorted(edges[n])
      if RANK[t.split("/")[0]] > RANK[n.split("/")[0]]
      or (RANK[t.split("/")[0]] == RANK[n.split("/")[0]] and t.split("/")[0] != n.split("/")[0])]
print("%sok - no object file calls into a layer above its own or beside it" % ("not " if up else ""))
for x in up[:20]:
    print("#   " + x)
# strongly connected components of the call graph (Tarjan)
index, low, stack, on, cycles = {}, {}, [], set(), []
def strong(v):
    index[v] = low[v] = len(index)
    stack.append(v); on.add(v)
    for w in edges[v]:
        if w not in index:
            strong(w); low[v] = min(low[v], low[w])
        elif w in on:
            low[v] = min(low[v], index[w])
    if low[v] == index[v]:
        c = []
        while True:
            w = stack.pop(); on.discard(w); c.append(w)
            if w == v:
                break
        if len(c) > 1:
            cycles.append(" <-> ".join(sorted(c)))
for v in sorted(defs):
    if v not in index:
        strong(v)
print("%sok - no cycle of calls between object files" % ("not " if cycles else ""))
for c in cycles:
    print("#   " + c)
PY
else
	skip "the call graph between object files" "$BUILD/obj is not built"
fi

# The libmilter guard (Makefile, MILTER_WRAPS): the wraps are linked only
# against the libmilter version they were written for, unless forced.
if command -v pkg-config >/dev/null && pkg-config --exists milter; then
	# link_line ARGS... - the command make would run to link the daemon
	link_line() { make -s -n -B BUILD=/tmp/amz-layers-none "$@" /tmp/amz-layers-none/amzmilter 2>/dev/null | grep -- '-o /tmp/amz-layers-none/amzmilter '; }
	tested=$(sed -n 's/^MILTER_WRAPS_TESTED *= *//p' Makefile)
	l=$(link_line MILTER_VERSION="$tested")
	like "$l" 'daemon/wraps\.o.*--wrap=sigwait' "the libmilter the wraps were written for ($tested) gets them"
	l=$(link_line MILTER_VERSION=8.18.1)
	like "$l" 'daemon/plain\.o' "another libmilter version gets the plain build"
	ok "... and no --wrap" test -n "$l" -a "${l/--wrap/}" = "$l"
	l=$(link_line MILTER_VERSION=8.18.1 MILTER_WRAPS=1)
	like "$l" 'daemon/wraps\.o.*--wrap=accept' "MILTER_WRAPS=1 forces the wraps"
	l=$(link_line MILTER_WRAPS=0)
	like "$l" 'daemon/plain\.o' "MILTER_WRAPS=0 forces the plain build"
else
	skip "the libmilter guard" "libmilter's pkg-config file is not installed"
fi
