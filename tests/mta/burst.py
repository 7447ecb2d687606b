#!/usr/bin/env python3
"""tests/mta/burst.py - one transaction over the milter protocol, with the
message's commands written in one burst, the way an MTA that awaits no
replies to headers and body chunks writes them.

    burst.py SOCKET HEADERS BIGHEADER BODYCHUNKS [SUBJECT]

SOCKET is unix:PATH.  The envelope (MAIL, RCPT, DATA) goes command by
command, each awaiting its reply; then HEADERS small headers, one header
of BIGHEADER bytes (a command longer than any read buffer), BODYCHUNKS
body chunks of 65,535 bytes, end of headers and end of message leave in a
single sendall().  Prints the number of commands in the burst on the first
line, then each reply to end of message ("h NAME: VALUE", "y 550 ...",
"c", ...) on its own line.
"""
import struct
import sys

from milterwire import connect, packet, negotiate, reply


def main():
    spec, nhdr, big, nbody = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
    subject = sys.argv[5] if len(sys.argv) > 5 else "Order 302-1234567-1234567: your parcel"
    s = connect(spec)
    cmd, data = negotiate(s)
    assert cmd == b"O", cmd
    _, _, proto = struct.unpack(">III", data[:12])
    # the burst needs no replies to headers, end of headers, body chunks
    # (SMFIP_NR_HDR, SMFIP_NR_EOH, SMFIP_NR_BODY)
    if proto & (0x80 | 0x40000 | 0x80000) != (0x80 | 0x40000 | 0x80000):
        raise SystemExit("burst: the milter wants replies to message commands (0x%x)" % proto)

    s.sendall(packet(b"M", b"<shop@example.com>\0"))
    if not proto & 0x4000:             # SMFIP_NR_MAIL
        reply(s)
    s.sendall(packet(b"R", b"<8xk2m4q7z1v9c3b@marketplace.amazon.com>\0"))
    cmd, _ = reply(s)
    assert cmd == b"c", cmd
    s.sendall(packet(b"T"))
    cmd, _ = reply(s)
    assert cmd == b"c", cmd

    burst = [packet(b"L", b"From\0 Shop <shop@example.com>\0"),
             packet(b"L", b"Subject\0 " + subject.encode() + b"\0")]
    for i in range(nhdr):
        burst.append(packet(b"L", b"X-Filler-%d\0 value %d\0" % (i, i)))
    if big:
        burst.append(packet(b"L", b"X-Long\0 " + b"a" * big + b"\0"))
    burst.append(packet(b"N"))
    line = b"Order 302-1234567-1234567: the parcel is delayed by a day.\r\n"
    for _ in range(nbody):
        burst.append(packet(b"B", (line * (65535 // len(line) + 1))[:65535]))
    burst.append(packet(b"E"))
    print(len(burst), flush=True)
    s.sendall(b"".join(burst))
    while True:
        cmd, data = reply(s)
        text = data.replace(b"\0", b" ").decode("utf-8", "replace").strip()
        print(cmd.decode() + (" " + text if text else ""), flush=True)
        if cmd in (b"c", b"a", b"r", b"t", b"d", b"y"):
            break
    s.sendall(packet(b"Q"))
    s.close()


main()
