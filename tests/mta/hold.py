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
import struct
import sys
import time

SMFIF = 0x01 | 0x10 | 0x20            # ADDHDRS, CHGHDRS, QUARANTINE
SMFIP_ALL = 0x1FFFFF                  # every protocol flag the MTA may offer


def connect(spec, timeout=10):
    s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    s.settimeout(timeout)
    s.connect(spec[len("unix:"):] if spec.startswith("unix:") else spec)
    return s


def negotiate(s):
    s.sendall(struct.pack(">I", 13) + b"O" + struct.pack(">III", 6, SMFIF, SMFIP_ALL))
    head = b""
    while len(head) < 4:
        got = s.recv(4 - len(head))
        if not got:
            raise OSError("closed during negotiation")
        head += got
    (n,) = struct.unpack(">I", head)
    data = b""
    while len(data) < n:
        got = s.recv(n - len(data))
        if not got:
            raise OSError("closed during negotiation")
        data += got
    return data[:1].decode()


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
