#!/usr/bin/env python3
"""sink.py - a tiny SMTP server that stores every accepted message.

Usage: sink.py [--pidfile FILE] DIR HOST:PORT

Each message becomes DIR/NNNNNN.eml (the DATA content exactly as received,
dot-unstuffed, line ends untouched) plus DIR/NNNNNN.env with the envelope:
"from ADDR" and one "rcpt ADDR" line per recipient.  The .env file is
written first and the .eml file is renamed into place last, so a test that
sees an .eml file sees a complete message.  Tests grep these files.

Only for tests: loopback, no TLS, no AUTH, no limits beyond a 64 MB cap.
Stdlib only; a thread per connection.  SIGTERM/SIGINT stop it.
"""

import argparse
import itertools
import os
import signal
import socketserver
import sys
import threading

MAX_DATA = 64 * 1024 * 1024
_counter = itertools.count(1)
_lock = threading.Lock()


def next_name(directory):
    """next_name - a fresh NNNNNN base name in directory (unique across restarts)."""
    with _lock:
        while True:
            n = next(_counter)
            base = os.path.join(directory, "%06d" % n)
            if not os.path.exists(base + ".eml") and not os.path.exists(base + ".env"):
                # reserve the name at once so a parallel session cannot take it
                with open(base + ".env", "x"):
                    pass
                return base


class Session(socketserver.StreamRequestHandler):
    """Session - one SMTP connection."""

    def reply(self, text):
        self.wfile.write(text.encode("ascii") + b"\r\n")
        self.wfile.flush()

    def handle(self):
        directory = self.server.directory
        mail_from, rcpts = None, []
        self.reply("220 sink.test.invalid ESMTP test sink")
        while True:
            line = self.rfile.readline(65536)
            if not line:
                return
            cmd = line.rstrip(b"\r\n").decode("latin-1")
            verb = cmd[:4].upper()
            if verb in ("HELO",):
                self.reply("250 sink.test.invalid")
            elif verb == "EHLO":
                self.reply("250-sink.test.invalid")
                self.reply("250-8BITMIME")
                self.reply("250-SMTPUTF8")
                self.reply("250-SIZE %d" % MAX_DATA)
                self.reply("250 ENHANCEDSTATUSCODES")
            elif verb == "MAIL":
                mail_from, rcpts = self.addr(cmd), []
                self.reply("250 2.1.0 Ok")
            elif verb == "RCPT":
                if mail_from is None:
                    self.reply("503 5.5.1 Error: need MAIL command")
                    continue
                rcpts.append(self.addr(cmd))
                self.reply("250 2.1.5 Ok")
            elif verb == "DATA":
                if mail_from is None or not rcpts:
                    self.reply("503 5.5.1 Error: need RCPT command")
                    continue
                self.reply("354 End data with <CR><LF>.<CR><LF>")
                data = self.read_data()
                if data is None:
                    return
                base = next_name(directory)
                # the command bytes as received (UTF-8 addresses with SMTPUTF8)
                with open(base + ".env", "w", encoding="latin-1") as f:
                    f.write("from %s\n" % mail_from)
                    for r in rcpts:
                        f.write("rcpt %s\n" % r)
                with open(base + ".tmp", "wb") as f:
                    f.write(data)
                os.rename(base + ".tmp", base + ".eml")
                self.reply("250 2.0.0 Ok: queued as %s" % os.path.basename(base))
                mail_from, rcpts = None, []
            elif verb == "RSET":
                mail_from, rcpts = None, []
                self.reply("250 2.0.0 Ok")
            elif verb == "NOOP":
                self.reply("250 2.0.0 Ok")
            elif verb == "QUIT":
                self.reply("221 2.0.0 Bye")
                return
            else:
                self.reply("502 5.5.2 Error: command not recognized")

    @staticmethod
    def addr(cmd):
        """addr - the address between < and > of MAIL FROM / RCPT TO."""
        start, end = cmd.find("<"), cmd.find(">")
        if start >= 0 and end > start:
            return cmd[start + 1:end]
        return cmd.split(":", 1)[-1].strip()

    def read_data(self):
        """read_data - lines up to the lone dot, dot-unstuffed; None on EOF."""
        chunks, size = [], 0
        while True:
            line = self.rfile.readline(1024 * 1024)
            if not line:
                return None
            if line in (b".\r\n", b".\n"):
                return b"".join(chunks)
            if line.startswith(b"."):
                line = line[1:]
            size += len(line)
            if size <= MAX_DATA:
                chunks.append(line)


class Server(socketserver.ThreadingMixIn, socketserver.TCPServer):
    allow_reuse_address = True
    daemon_threads = True


def main():
    ap = argparse.ArgumentParser(description="test SMTP sink, one file per message")
    ap.add_argument("--pidfile")
    ap.add_argument("dir")
    ap.add_argument("listen", help="HOST:PORT")
    args = ap.parse_args()
    host, _, port = args.listen.rpartition(":")
    os.makedirs(args.dir, exist_ok=True)
    server = Server((host or "127.0.0.1", int(port)), Session)
    server.directory = args.dir
    if args.pidfile:
        with open(args.pidfile, "w") as f:
            f.write("%d\n" % os.getpid())

    def stop(signum, frame):
        threading.Thread(target=server.shutdown, daemon=True).start()

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    try:
        server.serve_forever(poll_interval=0.2)
    finally:
        server.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
