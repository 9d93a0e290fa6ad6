#!/usr/bin/python3
"""mailcatcher.py DIR PORT — the SMTP server `make run` gives the demo store
when no smtp_host is configured: accepts every message on 127.0.0.1:PORT and
writes it to DIR/NNNN-<subject>.eml (readable with any mail client or
`less`), one line per message on stdout.  Uses Debian's python3-aiosmtpd."""
import email
import email.header
import os
import re
import signal
import sys
import threading

from aiosmtpd.controller import Controller


def subject_of(data):
    msg = email.message_from_bytes(data)
    parts = email.header.decode_header(msg.get("Subject", ""))
    text = "".join(p.decode(c or "utf-8", "replace") if isinstance(p, bytes)
                   else p for p, c in parts)
    return text


class Catcher:
    def __init__(self, folder):
        self.folder = folder
        self.count = len([n for n in os.listdir(folder) if n.endswith(".eml")])

    async def handle_DATA(self, server, session, envelope):
        self.count += 1
        data = envelope.original_content or envelope.content
        subject = subject_of(data)
        slug = re.sub(r"[^A-Za-z0-9]+", "-", subject).strip("-")[:50] or "mail"
        path = os.path.join(self.folder, "%04d-%s.eml" % (self.count, slug))
        with open(path, "wb") as f:
            f.write(data)
        print("mail to %s: %s -> %s" % (", ".join(envelope.rcpt_tos), subject,
                                        path), flush=True)
        return "250 OK"


def main():
    folder, port = sys.argv[1], int(sys.argv[2])
    os.makedirs(folder, exist_ok=True)
    controller = Controller(Catcher(folder), hostname="127.0.0.1", port=port)
    controller.start()
    done = threading.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, lambda *a: done.set())
    done.wait()
    controller.stop()


if __name__ == "__main__":
    main()
