#!/usr/bin/env python3
"""smtp_raw.py - one SMTP transaction with the envelope exactly as given.

    smtp_raw.py PORT FROM RCPT MESSAGE-FILE

Sends RCPT TO:<RCPT> byte for byte (no address parsing or quoting, unlike
smtplib), then the message if the recipient was accepted.  Prints one line
per step, "MAIL <code> <text>" (only when refused), "RCPT <code> <text>" and "DATA <code> <text>" (the final reply
after the message, its lines joined by " | "), and exits 0 when it could
talk to the server at all.
"""
import socket
import sys


def reply(f):
    lines = []
    while True:
        line = f.readline().decode("utf-8", "replace").rstrip("\r\n")
        if not line:
            return "000", "connection closed"
        lines.append(line)
        if len(line) < 4 or line[3] != "-":
            return line[:3], " | ".join(l[4:] for l in lines)


def main():
    port, sender, rcpt, path = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]
    with open(path, "rb") as fh:
        body = fh.read().replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")
    body = b"\r\n".join(b"." + l if l.startswith(b".") else l for l in body.split(b"\r\n"))
    s = socket.create_connection(("127.0.0.1", port), timeout=120)
    f = s.makefile("rb")

    def cmd(line):
        s.sendall(line.encode("utf-8", "surrogateescape") + b"\r\n")
        return reply(f)

    reply(f)
    cmd("EHLO client.test.invalid")
    code, text = cmd("MAIL FROM:<%s> SMTPUTF8" % sender)
    if code != "250":
        code, text = cmd("MAIL FROM:<%s>" % sender)
    if code != "250":
        print("MAIL %s %s" % (code, text))
        return
    code, text = cmd("RCPT TO:<%s>" % rcpt)
    print("RCPT %s %s" % (code, text))
    if code == "250":
        code, text = cmd("DATA")
        if code == "354":
            s.sendall(body + (b"" if body.endswith(b"\r\n") else b"\r\n") + b".\r\n")
            code, text = reply(f)
        print("DATA %s %s" % (code, text))
    try:
        cmd("QUIT")
    except OSError:
        pass
    s.close()


if __name__ == "__main__":
    main()
