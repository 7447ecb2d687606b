#!/usr/bin/env python3
"""client.py - send many messages over SMTP at a given concurrency and record
each outcome; then account for every message.

  client.py send --server HOST:PORT --types DIR --count N --concurrency C
                 --out RESULTS [--retry-4xx SECONDS] [--from ADDR]
      DIR holds TYPE.eml (template) and TYPE.rcpt (recipient).  Message i
      is of type i mod (number of types); each copy gets a unique
      "Message-ID" and "X-Soak-Id: TYPE.i" header.  RESULTS gets one line
      per message: "ID CODE TRIES REPLY" (CODE 250, 550, 451..., or 0 when
      the connection failed).  With --retry-4xx a message that gets a 4xx
      or a connection error is sent again (in a new session, after a short
      pause) until SECONDS have passed since the start.

  client.py account --results RESULTS --expect TYPE=ACTION... --sink DIR
                    --hold DIR [--relay-types T,T]
      Matches what the client saw with what reached the sink and the hold
      queue, per type, against the expected action: accept or tag ->
      250 and delivered once; quarantine -> 250 and held once; reject ->
      5xx and nowhere.  Delivered messages of --relay-types must carry
      X-Amzmilter-Verdict.  With --tag only ids of that run count.  Prints a table, then "account: ok" or
      "account: FAILED ..." lines; exit 0 only when all is accounted for.
"""

import argparse
import collections
import concurrent.futures
import os
import re
import smtplib
import socket
import sys
import threading
import time

SOAK_RE = re.compile(rb"X-Soak-Id: ([a-z0-9-]+\.[0-9]+)")  # also inside queue-file records


def load_types(d):
    types = []
    for name in sorted(os.listdir(d)):
        if name.endswith(".eml"):
            t = name[:-4]
            with open(os.path.join(d, name), "rb") as f:
                body = f.read().replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")
            with open(os.path.join(d, t + ".rcpt")) as f:
                rcpt = f.read().strip()
            types.append((t, rcpt, body))
    return types


def send(args):
    host, port = args.server.rsplit(":", 1)
    types = load_types(args.types)
    deadline = time.monotonic() + (args.retry_4xx or 0)
    results = [None] * args.count
    next_i = iter(range(args.count))
    lock = threading.Lock()

    def one(conn, i):
        t, rcpt, body = types[i % len(types)]
        sid = "%s%s.%d" % (args.tag and args.tag + "-", t, i)
        msg = (b"Message-ID: <%s.%d@soak.test.invalid>\r\nX-Soak-Id: %s\r\n"
               % (sid.encode(), os.getpid(), sid.encode())) + body
        try:
            conn.sendmail(args.sender, [rcpt], msg)
            return sid, 250, "ok"
        except smtplib.SMTPRecipientsRefused as e:
            code, text = list(e.recipients.values())[0]
            return sid, code, text.decode("latin-1", "replace")
        except smtplib.SMTPResponseException as e:
            return sid, e.smtp_code, e.smtp_error.decode("latin-1", "replace")

    def worker():
        conn = None
        while True:
            with lock:
                i = next(next_i, None)
            if i is None:
                break
            tries = 0
            while True:
                tries += 1
                try:
                    if conn is None:
                        conn = smtplib.SMTP(host, int(port), timeout=120)
                        conn.ehlo("client.test.invalid")
                    sid, code, text = one(conn, i)
                except (OSError, smtplib.SMTPException) as e:
                    sid, code, text = ("%s%s.%d" % (args.tag and args.tag + "-",
                                                    types[i % len(types)][0], i), 0, str(e))
                    try:
                        conn and conn.close()
                    except OSError:
                        pass
                    conn = None
                if (code == 0 or 400 <= code < 500) and args.retry_4xx and time.monotonic() < deadline:
                    # a new session: Postfix may keep a failed milter state per session
                    try:
                        conn and conn.quit()
                    except (OSError, smtplib.SMTPException):
                        pass
                    conn = None
                    time.sleep(0.2)
                    continue
                break
            results[i] = (sid, code, tries, " ".join(text.split())[:200])
        if conn is not None:
            try:
                conn.quit()
            except (OSError, smtplib.SMTPException):
                pass

    start = time.monotonic()
    with concurrent.futures.ThreadPoolExecutor(args.concurrency) as ex:
        for f in [ex.submit(worker) for _ in range(args.concurrency)]:
            f.result()
    secs = time.monotonic() - start
    with open(args.out, "w") as out:
        for r in results:
            out.write("%s %d %d %s\n" % r)
    print("sent %d messages in %.1f s (%.0f msg/s) at concurrency %d"
          % (args.count, secs, args.count / secs, args.concurrency))


def ids_in(d, need_header=None):
    """ids_in - X-Soak-Id -> count over every file in d; and ids lacking need_header"""
    found, lacking = collections.Counter(), set()
    if not os.path.isdir(d):
        return found, lacking
    for root, _, files in os.walk(d):
        for name in files:
            if name.endswith((".env", ".tmp")) or name.startswith("."):
                continue
            try:
                with open(os.path.join(root, name), "rb") as f:
                    data = f.read()
            except OSError:
                continue
            for m in SOAK_RE.finditer(data):
                sid = m.group(1).decode()
                found[sid] += 1
                if need_header and need_header not in data:
                    lacking.add(sid)
    return found, lacking


def account(args):
    expect = dict(e.split("=", 1) for e in args.expect)
    relay_types = set(filter(None, (args.relay_types or "").split(",")))
    results = []
    with open(args.results) as f:
        for line in f:
            sid, code, tries, text = (line.rstrip("\n").split(" ", 3) + [""])[:4]
            results.append((sid, int(code), int(tries), text))
    delivered, lacking = ids_in(args.sink, b"\nX-Amzmilter-Verdict:")
    held, _ = ids_in(args.hold)
    prefix = args.tag + "-" if args.tag else ""
    if prefix:   # only this run's messages
        delivered = collections.Counter({k: v for k, v in delivered.items() if k.startswith(prefix)})
        held = collections.Counter({k: v for k, v in held.items() if k.startswith(prefix)})
    problems = []
    table = collections.OrderedDict()
    for sid, code, tries, text in results:
        t = sid.rsplit(".", 1)[0][len(prefix):]
        row = table.setdefault(t, collections.Counter())
        row["sent"] += 1
        want = expect.get(t)
        d, h = delivered.get(sid, 0), held.get(sid, 0)
        if code == 250 and d == 1 and h == 0:
            got = "delivered"
        elif code == 250 and h == 1 and d == 0:
            got = "held"
        elif 500 <= code < 600 and d == 0 and h == 0:
            got = "rejected"
        else:
            got = "unaccounted"
        row[got] += 1
        if tries > 1:
            row["retried"] += 1
        wanted = {"accept": "delivered", "tag": "delivered", "quarantine": "held",
                  "reject": "rejected"}.get(want)
        if got != wanted:
            problems.append("%s: want %s (%s), got code %d delivered %d held %d: %s"
                            % (sid, wanted, want, code, d, h, text))
        elif got == "delivered" and t in relay_types and sid in lacking:
            problems.append("%s: delivered relay message without X-Amzmilter-Verdict" % sid)
    stray = (set(delivered) | set(held)) - {r[0] for r in results}
    for sid in sorted(stray)[:10]:
        problems.append("%s: delivered or held but never reported accepted by the client" % sid)
    cols = ["sent", "delivered", "held", "rejected", "unaccounted", "retried"]
    print("%-14s %-10s " % ("type", "expect") + " ".join("%11s" % c for c in cols))
    total = collections.Counter()
    for t, row in table.items():
        total.update(row)
        print("%-14s %-10s " % (t, expect.get(t, "?")) + " ".join("%11d" % row[c] for c in cols))
    print("%-14s %-10s " % ("total", "") + " ".join("%11d" % total[c] for c in cols))
    dup = [s for s, n in list(delivered.items()) + list(held.items()) if n > 1]
    for sid in dup[:10]:
        problems.append("%s: stored more than once" % sid)
    for p in problems[:20]:
        print("account: FAILED " + p)
    if len(problems) > 20:
        print("account: FAILED ... and %d more" % (len(problems) - 20))
    if not problems:
        print("account: ok, %d messages, every one where it should be" % len(results))
    return 1 if problems else 0


def main():
    p = argparse.ArgumentParser()
    sub = p.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("send")
    s.add_argument("--server", required=True)
    s.add_argument("--types", required=True)
    s.add_argument("--count", type=int, required=True)
    s.add_argument("--concurrency", type=int, default=50)
    s.add_argument("--out", required=True)
    s.add_argument("--retry-4xx", type=float, default=0)
    s.add_argument("--tag", default="", help="prefix of this run's ids ([a-z0-9]+)")
    s.add_argument("--from", dest="sender", default="support@contoso-outdoor.example")
    a = sub.add_parser("account")
    a.add_argument("--results", required=True)
    a.add_argument("--expect", nargs="+", required=True)
    a.add_argument("--sink", required=True)
    a.add_argument("--hold", required=True)
    a.add_argument("--relay-types")
    a.add_argument("--tag", default="")
    args = p.parse_args()
    if args.cmd == "send":
        send(args)
        return 0
    return account(args)


if __name__ == "__main__":
    sys.exit(main())
