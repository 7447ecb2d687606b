#!/usr/bin/env python3
"""tests/miltertest/replytap.py - a milter protocol tap for message.lua.

miltertest keeps the text of an SMFIR_REPLYCODE answer only at end of message
and lets a script compare it only exactly (mt.eom_check MT_SMTPREPLY); a
reply given at RCPT, header or body time is not visible at all.  This relay
sits between miltertest and the filter and writes the text of every
SMFIR_REPLYCODE packet the filter sends, one line each, to a file, BEFORE it
passes the packet on; so when mt.getreply() says SMFIR_REPLYCODE, the last
line of the file is that reply.

Usage: replytap.py UPSTREAM      (unix:/path, local:/path or inet:PORT@HOST)

Makes a directory under $TMPDIR (default /tmp), listens on DIR/tap.sock,
prints DIR on standard output, serves ONE connection, and on its end (or
when none comes within 60 s) removes DIR and exits.  The file DIR/replies
holds lines "y TEXT" with backslash, CR and LF in TEXT written as \\\\,
\\r and \\n.
"""
import os
import selectors
import shutil
import socket
import sys
import tempfile


def upstream_socket(spec):
    if spec.startswith("unix:") or spec.startswith("local:"):
        s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        s.connect(spec.split(":", 1)[1])
        return s
    if spec.startswith("inet:") or spec.startswith("inet6:"):
        port, _, host = spec.split(":", 1)[1].partition("@")
        return socket.create_connection((host or "127.0.0.1", int(port)))
    raise SystemExit("replytap: unknown socket " + spec)


def relay(mta, filt, log):
    sel = selectors.DefaultSelector()
    sel.register(mta, selectors.EVENT_READ, filt)
    sel.register(filt, selectors.EVENT_READ, mta)
    pending = b""       # filter -> MTA bytes not yet a whole packet
    while True:
        for key, _ in sel.select():
            src, dst = key.fileobj, key.data
            data = src.recv(65536)
            if not data:
                return
            if src is mta:
                dst.sendall(data)
                continue
            pending += data
            # pass on whole packets only, logging each reply first
            out = 0
            while len(pending) - out >= 4:
                n = int.from_bytes(pending[out:out + 4], "big")
                if len(pending) - out < 4 + n:
                    break
                if n > 0 and pending[out + 4:out + 5] == b"y":
                    text = pending[out + 5:out + 4 + n].rstrip(b"\0").decode("utf-8", "replace")
                    text = text.replace("\\", "\\\\").replace("\r", "\\r").replace("\n", "\\n")
                    log.write("y " + text + "\n")
                    log.flush()
                out += 4 + n
            if out:
                dst.sendall(pending[:out])
                pending = pending[out:]


def main():
    if len(sys.argv) != 2:
        raise SystemExit("usage: replytap.py UPSTREAM")
    d = tempfile.mkdtemp(prefix="amz-mttap.")
    try:
        lsock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        lsock.bind(os.path.join(d, "tap.sock"))
        lsock.listen(1)
        lsock.settimeout(60)
        with open(os.path.join(d, "replies"), "w") as log:
            print(d, flush=True)
            try:
                mta, _ = lsock.accept()
            except socket.timeout:
                return
            mta.settimeout(None)
            lsock.close()
            filt = upstream_socket(sys.argv[1])
            try:
                relay(mta, filt, log)
            except OSError:
                pass
            mta.close()
            filt.close()
    finally:
        shutil.rmtree(d, ignore_errors=True)


if __name__ == "__main__":
    main()
