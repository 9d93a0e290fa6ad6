"""mailtest.py — helpers for the contact and mail tests (test_contact.py,
test_mail.py): stacks a module shares and stops in its last test, the
contact form round trip, reading the database, waiting."""
import atexit
import email.header
import os
import re
import socket
import sqlite3
import time

import harness
from harness import check


class Stacks:
    """Stacks one test module starts on first use and stops in its last
    test (stop_all), checking the sanitizers; atexit stops them anyway when
    a filter skipped that test."""

    def __init__(self):
        self.made = {}
        self.extra = []     # servers to stop with them (.stop())
        atexit.register(self.stop_all)

    def get(self, name, make):
        if name not in self.made:
            self.made[name] = make()
        return self.made[name]

    def stop_all(self):
        reports = []
        for s in self.made.values():
            s.stop()
            reports += s.sanitizer_reports()
            s.cleanup()
        self.made = {}
        for x in self.extra:
            x.stop()
        self.extra = []
        return reports


def mail_env(**kw):
    """SOUK_* settings for a mail test stack: fast retries, short waits,
    addresses of our own; keyword arguments add or override (lower case
    key names, e.g. smtp_port=25)."""
    env = {
        "SOUK_SHOP_EMAIL": "shop@souk.example",
        "SOUK_MAIL_FROM": "noreply@souk.example",
        "SOUK_SMTP_HOST": "127.0.0.1",
        "SOUK_SMTP_STARTTLS": "never",
        "SOUK_SMTP_TIMEOUT": "5",
        "SOUK_MAIL_RETRY_BASE": "1",
        "SOUK_MAIL_RETRY_MAX": "2",
        "SOUK_CONTACT_RATE_LIMIT": "1000",
        "SOUK_MAIL_DAEMON": "off",
        "SOUK_MAIL_INTERVAL": "1",
    }
    for k, v in kw.items():
        env["SOUK_" + k.upper()] = str(v)
    return env


def closed_port():
    """A loopback port where nothing listens (connections are refused)."""
    return harness.free_port()


class SilentServer:
    """Accepts TCP connections (the kernel completes them from the listen
    backlog) and never says a word: an SMTP server that hangs."""

    def __init__(self):
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.port = self.sock.getsockname()[1]

    def stop(self):
        self.sock.close()


def form_token(s, path="/contact", cookie=None, lang=None):
    """GETs the form; returns (csrf token, Cookie header value)."""
    h = {}
    if cookie:
        h["Cookie"] = cookie
    r = s.get(path + ("?lang=" + lang if lang else ""), headers=h)
    check(r.status == 200, "GET %s -> %d" % (path, r.status))
    m = re.search(r'name="csrf" value="([A-Za-z0-9_-]+)"', r.text)
    check(m is not None, "no CSRF token in the form")
    if cookie is None:
        sc = [v for v in r.headers_all("Set-Cookie") if v.startswith("souk_csrf=")]
        check(sc, "the form set no souk_csrf cookie")
        cookie = sc[0].split(";")[0]
    return m.group(1), cookie


def contact_fields(**kw):
    f = {"name": "Ana Test", "email": "ana@example.com",
         "subject": "A question", "message": "Hello,\r\nis it in stock?",
         "order": "", "website": ""}
    f.update(kw)
    return f


def post_contact(s, fields, token, cookie, headers=None):
    """POSTs the contact form (same origin unless headers say otherwise)."""
    h = {"Cookie": cookie}
    if headers:
        h.update(headers)
    f = dict(fields)
    if token is not None:
        f["csrf"] = token
    return s.post("/contact", f, headers=h)


def db(s):
    return sqlite3.connect(s.env["SOUK_DB_PATH"], timeout=10)


def query(s, sql, args=()):
    with db(s) as c:
        return c.execute(sql, args).fetchall()


def count(s, table, where="1", args=()):
    return query(s, "SELECT count(*) FROM %s WHERE %s" % (table, where), args)[0][0]


def wait_until(pred, timeout=15, what="condition"):
    end = time.time() + timeout
    while time.time() < end:
        if pred():
            return
        time.sleep(0.05)
    raise harness.Fail("timed out waiting for " + what)


def ctl_env(s, **kw):
    """s.env with SOUK_* overrides, for soukctl runs against s's database."""
    env = dict(s.env)
    env.update(mail_env(**kw))
    env.pop("SOUK_MAIL_DAEMON", None)
    for k in ("SOUK_SHOP_EMAIL", "SOUK_MAIL_FROM"):
        env[k] = s.env[k]
    return env


def mail_run(s, *args, **kw):
    """Runs `soukctl mail run ARGS` with settings kw; returns the process."""
    import subprocess
    return subprocess.run([os.path.join(s.bin, "soukctl"), "mail", "run"] +
                          list(args), env=ctl_env(s, **kw),
                          capture_output=True, text=True, timeout=120)


def decoded(msg, name):
    """A header of an email.message.Message with RFC 2047 words decoded."""
    v = msg[name]
    if v is None:
        return None
    return str(email.header.make_header(email.header.decode_header(v)))


def drain(s):
    """Delivers whatever is queued in s's database to a throwaway SMTP
    server, so the next test starts from an empty queue."""
    sink = harness.SmtpSink()
    try:
        for _ in range(5):
            if count(s, "mail_outbox", "status IN ('queued', 'sending')") == 0:
                return
            mail_run(s, "--now", smtp_port=sink.port)
            time.sleep(0.1)
    finally:
        sink.stop()
    check(count(s, "mail_outbox", "status IN ('queued', 'sending')") == 0,
          "could not drain the outbox")
