#!/usr/bin/env python3
"""stats.py - the arithmetic of tests/bench/run.

  stats.py median X...                  median
  stats.py ratio A1 A2 ... -- B1 B2 ... median of B_i / A_i (pairs measured
                                        side by side), then min and max
  stats.py cmp VALUE OP TARGET          PASS or MISS (OP: ge, le, lt, gt)
  stats.py field KEY FILE...            median of KEY=VALUE over lines of FILEs
  stats.py table ROWS MACHINE           the markdown table from the TSV rows
"""
import statistics
import sys


def fnum(x):
    return float(x)


def main():
    cmd, args = sys.argv[1], sys.argv[2:]
    if cmd == "median":
        vals = [fnum(x) for x in args if x not in ("", "nan")]
        print("%.6g" % statistics.median(vals) if vals else "nan")
    elif cmd == "ratio":
        i = args.index("--")
        a, b = [fnum(x) for x in args[:i]], [fnum(x) for x in args[i + 1:]]
        rs = [y / x for x, y in zip(a, b) if x > 0]
        if not rs:
            print("nan nan nan")
        else:
            print("%.3f %.3f %.3f" % (statistics.median(rs), min(rs), max(rs)))
    elif cmd == "cmp":
        v, op, t = args
        if v == "nan":
            print("n/a")
            return
        v, t = fnum(v), fnum(t)
        ok = {"ge": v >= t, "le": v <= t, "lt": v < t, "gt": v > t}[op]
        print("PASS" if ok else "MISS")
    elif cmd == "field":
        key, vals = args[0] + "=", []
        for path in args[1:]:
            with open(path) as f:
                for line in f:
                    for w in line.split():
                        if w.startswith(key):
                            vals.append(float(w[len(key):]))
        print("%.6g" % statistics.median(vals) if vals else "nan")
    elif cmd == "table":
        rows_path, machine_path = args
        out = []
        with open(machine_path) as f:
            out.append(f.read().rstrip("\n"))
        with open(rows_path) as f:
            for line in f:
                line = line.rstrip("\n")
                if not line:
                    continue
                if line.startswith("#"):
                    out.append("")
                    out.append("**%s**" % line[1:].strip())
                    out.append("")
                    out.append("| figure | measured | target | result |")
                    out.append("|---|---|---|---|")
                    continue
                p = (line.split("\t") + ["", "", "", ""])[:4]
                out.append("| %s |" % " | ".join(p))
        print("\n".join(out))
    else:
        sys.exit("stats.py: unknown command " + cmd)


if __name__ == "__main__":
    main()
