#!/usr/bin/env python3
"""tests/mta/hold.py - MTA connections that misbehave, for the daemon's
limits: how long it keeps a stuck connection, what it does with no
descriptors left.

    hold.py stuck SOCKET SECONDS
        negotiate, then send half of a command's header and nothing
        more; print how many seconds passed before the milter closed the
        connection ("open" if it had not after SECONDS)
    hold.py many SOCKET N SECONDS
        open N connections (without negotiating) and keep them for
        SECONDS; print how many connected
    hold.py negotiate SOCKET
        one option negotiation; print "ok" with the milter's answer, or
        the error
"""
import socket
import sys
import time

from milterwire import connect as _connect, negotiate as _negotiate


def connect(spec, timeout=10):
    return _connect(spec, timeout)


def negotiate(s):
    return _negotiate(s)[0].decode()


def main():
    mode, spec = sys.argv[1], sys.argv[2]
    if mode == "stuck":
        limit = float(sys.argv[3])
        s = connect(spec, timeout=limit)
        negotiate(s)
        s.sendall(b"\x00\x00")          # half of a 4-byte length
        t0 = time.monotonic()
        try:
            got = s.recv(1)
            print("%.1f" % (time.monotonic() - t0) if not got else "data")
        except socket.timeout:
            print("open")
    elif mode == "many":
        n, keep = int(sys.argv[3]), float(sys.argv[4])
        held = []
        for _ in range(n):
            try:
                held.append(connect(spec))
            except OSError:
                break
        print(len(held), flush=True)
        time.sleep(keep)
    elif mode == "negotiate":
        try:
            print("ok " + negotiate(connect(spec)))
        except OSError as e:
            print("error %s" % e)


if __name__ == "__main__":
    main()
