"""tests/mta/scrape.py - read amzmilter's metrics endpoint, for t-metrics.sh.

  scrape.py get URL
      one scrape, checked (see check()); prints "sample value" lines, with the
      sample as written ("name{labels}"); exit 1 with the problems otherwise
  scrape.py load URL SMTP_PORT DIR KIND:COUNT...
      send the messages DIR/KIND.eml COUNT times each, from 4 threads, through
      the SMTP server on 127.0.0.1:SMTP_PORT, scraping URL all the while;
      prints "sent KIND CODE" per message, then "scrapes N", "during N" (scrapes
      taken while messages were on their way) and "problem ..." lines for any
      scrape that failed check() or went backwards
"""
import random
import re
import smtplib
import sys
import threading
import time
import urllib.request

try:
    from prometheus_client.parser import text_string_to_metric_families
except ImportError:  # a python3 other than Debian's: its copy of the module
    sys.path.append("/usr/lib/python3/dist-packages")
    try:
        from prometheus_client.parser import text_string_to_metric_families
    except ImportError:
        text_string_to_metric_families = None

SAMPLE = re.compile(r'^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{[^}]*\})? (\S+)$')


def fetch(url):
    with urllib.request.urlopen(url, timeout=10) as r:
        ctype = r.headers.get("Content-Type", "")
        return r.read().decode("utf-8"), ctype


def check(text, ctype):
    """The text exposition format's rules this endpoint must keep: the
    content type; HELP then TYPE once per family, before its samples;
    counters end in _total; histogram buckets cumulative with an +Inf equal
    to _count; the sums that must add up; and Prometheus's own parser reads
    it.  Returns (samples, problems)."""
    problems, samples, types, seen = [], {}, {}, set()
    if not ctype.startswith("text/plain; version=0.0.4"):
        problems.append("content type %r" % ctype)
    if not text.endswith("\n"):
        problems.append("no newline at the end")
    lines = text.split("\n")[:-1]
    for i, line in enumerate(lines):
        if line.startswith("# HELP "):
            name = line.split(" ")[2]
            if name in seen:
                problems.append("family %s announced twice" % name)
            seen.add(name)
            if i + 1 >= len(lines) or not lines[i + 1].startswith("# TYPE %s " % name):
                problems.append("HELP %s without its TYPE after it" % name)
        elif line.startswith("# TYPE "):
            _, _, name, kind = line.split(" ")
            types[name] = kind
        else:
            m = SAMPLE.match(line)
            if not m:
                problems.append("not a sample line: %r" % line)
                continue
            name = m.group(1)
            family = name if name in types else re.sub(r"_(bucket|sum|count)$", "", name)
            if family not in types:
                problems.append("sample %s before its TYPE" % name)
            elif types[family] == "counter" and not name.endswith("_total"):
                problems.append("counter %s does not end in _total" % name)
            elif types[family] == "histogram" and family == name:
                problems.append("histogram %s sample without _bucket/_sum/_count" % name)
            samples[name + (m.group(2) or "")] = float(m.group(3))
    for fam, kind in types.items():
        if kind != "histogram":
            continue
        buckets = [(line, v) for line, v in samples.items() if line.startswith(fam + "_bucket{")]
        les = [float(re.search(r'le="([^"]+)"', k).group(1)) for k, _ in buckets]
        vals = [v for _, v in buckets]
        if les != sorted(les) or les[-1] != float("inf"):
            problems.append("%s: buckets not in order or no +Inf" % fam)
        if vals != sorted(vals):
            problems.append("%s: buckets not cumulative: %s" % (fam, vals))
        if vals and vals[-1] != samples.get(fam + "_count"):
            problems.append("%s: +Inf %s != _count %s" % (fam, vals[-1], samples.get(fam + "_count")))
    verdicts = sum(v for k, v in samples.items() if k.startswith("amzmilter_messages_total{"))
    for h in ("amzmilter_message_size_bytes_count", "amzmilter_check_duration_seconds_count"):
        if samples.get(h) != verdicts:
            problems.append("%s %s != the verdicts' sum %s" % (h, samples.get(h), verdicts))
    if text_string_to_metric_families is not None:
        try:
            list(text_string_to_metric_families(text))
        except Exception as e:  # the parser says why
            problems.append("prometheus_client cannot parse it: %s" % e)
    return samples, problems


def send(port, path, rcpt):
    data = open(path, "rb").read()
    try:
        with smtplib.SMTP("127.0.0.1", port, timeout=60) as s:
            s.sendmail("support@contoso-outdoor.example", [rcpt], data)
        return 250
    except smtplib.SMTPDataError as e:
        return e.smtp_code
    except smtplib.SMTPRecipientsRefused as e:
        return list(e.recipients.values())[0][0]


def load(url, port, d, kinds):
    jobs = []
    for kc in kinds:
        kind, count = kc.split(":")
        jobs += [kind] * int(count)
    random.Random(1).shuffle(jobs)  # a mix in flight, not one kind after another
    lock, results = threading.Lock(), []
    busy = threading.Event()
    busy.set()

    def worker():
        while True:
            with lock:
                if not jobs:
                    return
                kind = jobs.pop()
            rcpt = "partner@fabrikam.example" if kind == "other" else "8xk2m4q7z1v9c3b@marketplace.amazon.com"
            code = send(port, "%s/%s.eml" % (d, kind), rcpt)
            with lock:
                results.append((kind, code))

    threads = [threading.Thread(target=worker) for _ in range(4)]
    for t in threads:
        t.start()
    scrapes = during = 0
    last = {}
    problems = []
    total = sum(int(kc.split(":")[1]) for kc in kinds)
    while True:
        alive = any(t.is_alive() for t in threads)
        text, ctype = fetch(url)
        samples, p = check(text, ctype)
        problems += p
        scrapes += 1
        with lock:
            done = len(results)
        if alive and 0 < done < total:
            during += 1
        for k, v in last.items():
            if k.endswith("_total") or "_total{" in k or k.endswith(("_count", "_sum")) or "_bucket{" in k:
                if samples.get(k, 0) < v:
                    problems.append("%s went down: %s -> %s" % (k, v, samples.get(k)))
        last = samples
        if not alive:
            break
        time.sleep(0.05)
    for kind, code in results:
        print("sent %s %s" % (kind, code))
    print("scrapes %d" % scrapes)
    print("during %d" % during)
    for p in problems:
        print("problem %s" % p)


def main():
    if sys.argv[1] == "get":
        text, ctype = fetch(sys.argv[2])
        samples, problems = check(text, ctype)
        for k, v in samples.items():
            print("%s %s" % (k, int(v) if v == int(v) else v))
        for p in problems:
            print("problem %s" % p, file=sys.stderr)
        return 1 if problems else 0
    if sys.argv[1] == "load":
        load(sys.argv[2], int(sys.argv[3]), sys.argv[4], sys.argv[5:])
        return 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main())
