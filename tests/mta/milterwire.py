"""tests/mta/milterwire.py - the milter protocol's framing, for the test
clients that speak it directly (burst.py, hold.py): a packet is a 4-byte
big-endian length, a command byte and its data."""
import socket
import struct

SMFIF = 0x01 | 0x10 | 0x20            # ADDHDRS, CHGHDRS, QUARANTINE
SMFIP_ALL = 0x1FFFFF                  # every protocol flag the MTA may offer


def connect(spec, timeout=None):
    """A unix socket connection to SPEC ("unix:PATH" or a path)."""
    s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    s.settimeout(timeout)
    s.connect(spec.split(":", 1)[1] if spec.startswith(("unix:", "local:")) else spec)
    return s


def packet(cmd, data=b""):
    return struct.pack(">I", len(data) + 1) + cmd + data


def recv_exact(s, n):
    buf = b""
    while len(buf) < n:
        got = s.recv(n - len(buf))
        if not got:
            raise OSError("the milter closed the connection")
        buf += got
    return buf


def reply(s):
    """The next packet from the milter: (command byte, data)."""
    (n,) = struct.unpack(">I", recv_exact(s, 4))
    data = recv_exact(s, n)
    return data[:1], data[1:]


def negotiate(s):
    """Offer protocol 6 with every step; the milter's (command, data)."""
    s.sendall(packet(b"O", struct.pack(">III", 6, SMFIF, SMFIP_ALL)))
    return reply(s)
