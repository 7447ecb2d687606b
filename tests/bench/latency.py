#!/usr/bin/env python3
"""latency.py - time from the end-of-data dot to the server's reply.

Usage: latency.py -n COUNT [-t RCPT] [-f FROM] NAME=PORT... -- FILE...

One persistent SMTP connection per NAME (an MTA on 127.0.0.1:PORT).
Messages are sent in turns: message i goes to every NAME in a row
(starting with a different one each time), so all setups see the same
messages under the same machine load.  The message bytes (CRLF, dot-
stuffed) go first; the clock starts when the final ".\r\n" is handed to
the kernel and stops when the whole reply has been read.  Message i is
FILE[i % len(FILE)].

Prints one line per NAME:
  NAME n=… ok=… p50_ms=… p90_ms=… p99_ms=… max_ms=… mean_ms=…
ok counts 250 replies; other replies are timed too but reported by code.
"""
import argparse
import socket
import sys
import time


class Smtp:
    def __init__(self, port):
        self.s = socket.create_connection(("127.0.0.1", port), timeout=120)
        self.s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self.buf = b""
        self.reply()
        self.cmd(b"EHLO bench.test.invalid")

    def reply(self):
        lines = []
        while True:
            while b"\r\n" not in self.buf:
                d = self.s.recv(65536)
                if not d:
                    raise ConnectionError("server closed the connection")
                self.buf += d
            line, self.buf = self.buf.split(b"\r\n", 1)
            lines.append(line)
            if len(line) < 4 or line[3:4] != b"-":
                return int(line[:3]), lines

    def cmd(self, c):
        self.s.sendall(c + b"\r\n")
        return self.reply()

    def send(self, mail_from, rcpt, data):
        """one transaction; seconds from the final dot to the reply, and the code"""
        code, _ = self.cmd(b"MAIL FROM:<" + mail_from + b">")
        if code != 250:
            return None, code
        code, _ = self.cmd(b"RCPT TO:<" + rcpt + b">")
        if code != 250:
            self.cmd(b"RSET")
            return None, code
        code, _ = self.cmd(b"DATA")
        if code != 354:
            return None, code
        self.s.sendall(data)
        t0 = time.perf_counter()
        self.s.sendall(b".\r\n")
        code, _ = self.reply()
        return time.perf_counter() - t0, code

    def close(self):
        try:
            self.cmd(b"QUIT")
        except OSError:
            pass
        self.s.close()


def wire(path):
    with open(path, "rb") as f:
        raw = f.read()
    lines = raw.replace(b"\r\n", b"\n").split(b"\n")
    if lines and lines[-1] == b"":
        lines.pop()
    return b"".join((b"." + l if l.startswith(b".") else l) + b"\r\n" for l in lines)


def pct(sorted_vals, p):
    if not sorted_vals:
        return float("nan")
    k = (len(sorted_vals) - 1) * p / 100.0
    lo = int(k)
    hi = min(lo + 1, len(sorted_vals) - 1)
    return sorted_vals[lo] + (sorted_vals[hi] - sorted_vals[lo]) * (k - lo)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("-n", type=int, required=True)
    ap.add_argument("-t", default="q1fu4y54hb9jz4d@marketplace.amazon.com")
    ap.add_argument("-f", default="support@contoso-outdoor.example")
    ap.add_argument("targets", nargs="+", metavar="NAME=PORT")
    argv = sys.argv[1:]
    if "--" not in argv:
        sys.exit("usage: latency.py -n COUNT NAME=PORT... -- FILE...")
    i = argv.index("--")
    a = ap.parse_args(argv[:i])
    targets = [(t.split("=")[0], int(t.split("=")[1])) for t in a.targets]
    msgs = [wire(p) for p in argv[i + 1:]]
    conns = {name: Smtp(port) for name, port in targets}
    times = {name: [] for name, _ in targets}
    codes = {name: {} for name, _ in targets}
    for n in range(a.n):
        order = targets[n % len(targets):] + targets[:n % len(targets)]
        for name, _ in order:
            dt, code = conns[name].send(a.f.encode(), a.t.encode(), msgs[n % len(msgs)])
            codes[name][code] = codes[name].get(code, 0) + 1
            if dt is not None:
                times[name].append(dt * 1000.0)
    for name, _ in targets:
        conns[name].close()
        v = sorted(times[name])
        other = " ".join("code%d=%d" % (c, k) for c, k in sorted(codes[name].items()) if c != 250)
        print("%s n=%d ok=%d p50_ms=%.3f p90_ms=%.3f p99_ms=%.3f max_ms=%.3f mean_ms=%.3f %s" % (
            name, len(v), codes[name].get(250, 0), pct(v, 50), pct(v, 90), pct(v, 99),
            v[-1] if v else float("nan"), sum(v) / len(v) if v else float("nan"), other))


if __name__ == "__main__":
    main()
