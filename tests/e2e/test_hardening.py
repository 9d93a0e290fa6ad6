"""Regression tests for the review findings of issue 7 that deployment
owns: the micro-cache's language (1), file modes (5), the headers of
responses nginx makes itself and Host in its redirects (8); and the plain
CGI behaviour of issue 14 (no work after the response, 413 after draining
the body)."""
import os
import re
import socket
import stat
import subprocess
import threading
import time
import urllib.parse

import harness
from harness import Stack, test, check
from mailtest import mail_env, form_token, contact_fields
import shop


def raw(s, lines, body=b"", timeout=10):
    """Sends one request written by hand (duplicate headers, tabs...) and
    returns the Response.  lines: header lines after the request line."""
    c = socket.create_connection(("127.0.0.1", s.port), timeout=timeout)
    head = "\r\n".join(lines + ["Connection: close", "", ""])
    c.sendall(head.encode("latin-1") + body)
    data = b""
    while True:
        try:
            chunk = c.recv(65536)
        except ConnectionResetError:
            break
        if not chunk:
            break
        data += chunk
    c.close()
    head, _, rest = data.partition(b"\r\n\r\n")
    first, *hl = head.decode("latin-1").split("\r\n")
    headers = [tuple(x.strip() for x in h.split(":", 1)) for h in hl if ":" in h]
    return harness.Response(int(first.split()[1]), headers, rest)


def page_lang(r):
    m = re.search(rb'<html lang="([a-z]+)"', r.body)
    return m.group(1).decode() if m else None


# -- finding 1: a cached page is in the language its key names ---------------

@test
def micro_cache_never_serves_another_language():
    with Stack() as s:
        s.start()
        poison = [
            # souk skips the tab and reads fr; nginx does not see the cookie.
            ["GET /c/software HTTP/1.1", "Host: x", "Accept-Language: en",
             "Cookie: a=b;\tsouk_lang=fr"],
            # nginx splits at ',' and reads fr; souk sees one cookie "x".
            ["GET /c/music HTTP/1.1", "Host: x", "Accept-Language: en",
             "Cookie: x=1, souk_lang=fr"],
            # two Cookie headers: souk reads the first only.
            ["GET /c/films HTTP/1.1", "Host: x", "Accept-Language: en",
             "Cookie: a=b", "Cookie: souk_lang=fr"],
        ]
        for lines in poison:
            path = lines[0].split()[1]
            for _ in range(3):
                raw(s, lines)
            for _ in range(2):
                en = s.get(path, headers={"Accept-Language": "en"})
                check(page_lang(en) == "en", "%s: an English visitor got %r "
                      "(X-Cache %s)" % (path, page_lang(en), en.header("X-Cache")))
                fr = s.get(path, headers={"Cookie": "souk_lang=fr"})
                check(page_lang(fr) == "fr", "%s: a French visitor got %r "
                      "(X-Cache %s)" % (path, page_lang(fr), fr.header("X-Cache")))
        # The key holds the language, not the raw header: browser variants
        # of English share one entry.
        s.get("/c/games", headers={"Accept-Language": "en-US,en;q=0.9"})
        r = s.get("/c/games", headers={"Accept-Language": "en-GB"})
        check(r.header("X-Cache") in ("HIT", "UPDATING", "STALE") and
              page_lang(r) == "en", "en-GB after en-US: %r" % r.header("X-Cache"))


@test
def program_caches_only_in_the_language_nginx_keyed():
    with Stack() as s:
        s.start()
        sock = os.path.join(s.dir, "run", "sock", "catalog.sock")
        base = {"REQUEST_METHOD": "GET", "DOCUMENT_URI": "/c/music",
                "REQUEST_URI": "/c/music", "QUERY_STRING": "",
                "REMOTE_ADDR": "127.0.0.1"}

        def get(extra):
            return harness.fcgi_request(sock, dict(base, **extra))
        r = get({"SOUK_CACHE_LANG": "fr", "HTTP_COOKIE": "souk_lang=fr"})
        check(r.header("X-Accel-Expires") == "1", "agreeing fr not cacheable")
        r = get({"SOUK_CACHE_LANG": "", "HTTP_ACCEPT_LANGUAGE": "de"})
        check(r.header("X-Accel-Expires") == "1", "default language not cacheable")
        for extra in ({"SOUK_CACHE_LANG": "en", "HTTP_COOKIE": "souk_lang=fr"},
                      {"SOUK_CACHE_LANG": "", "HTTP_ACCEPT_LANGUAGE": "fr"},
                      {"SOUK_CACHE_LANG": "xx"},
                      {"HTTP_ACCEPT_LANGUAGE": "en"}):
            r = get(extra)
            check(r.status == 200 and r.header("X-Accel-Expires") is None and
                  r.header("Cache-Control") == "private, no-store",
                  "disagreeing or missing SOUK_CACHE_LANG cached: %r" % extra)


# -- finding 8: what nginx answers itself ---------------------------------------

def has_security_headers(r, what):
    csp = r.headers_all("Content-Security-Policy")
    check(len(csp) == 1 and "default-src" in csp[0], "%s: CSP %r" % (what, csp))
    check(r.headers_all("X-Content-Type-Options") == ["nosniff"],
          "%s: nosniff %r" % (what, r.headers_all("X-Content-Type-Options")))
    check(r.headers_all("X-Frame-Options") == ["DENY"], "%s: frame" % what)
    check(len(r.headers_all("Referrer-Policy")) == 1, "%s: referrer" % what)
    check(r.header("X-Cache") is None, "%s: X-Cache shown" % what)


@test
def nginx_own_responses_carry_security_headers():
    with Stack(env={"NGINX_XCACHE": "off"}) as s:
        s.start()
        has_security_headers(s.get("/static/souk.css"), "static file")
        r = s.get("/static/missing.css")
        check(r.status == 404, "missing static -> %d" % r.status)
        has_security_headers(r, "nginx 404")
        media = os.path.join(s.dir, "run", "media")
        with open(os.path.join(media, "x.html"), "w") as f:
            f.write("<script>alert(1)</script>")
        r = s.get("/media/x.html")
        check(r.status == 200, "media -> %d" % r.status)
        has_security_headers(r, "media")
        csp = r.header("Content-Security-Policy")
        check("sandbox" in csp and "script-src" not in csp and
              "default-src 'none'" in csp, "media CSP %r" % csp)
        # Programs' own headers are not doubled, cached or not.
        for _ in range(2):
            has_security_headers(s.get("/c/music"), "catalog page")
        has_security_headers(s.get("/cart"), "cart page")
        # nginx's own 413 (over client_max_body_size) and 414.
        r = raw(s, ["POST /contact HTTP/1.1", "Host: x",
                    "Content-Type: application/x-www-form-urlencoded",
                    "Content-Length: 20000000"])
        check(r.status == 413, "big body -> %d" % r.status)
        has_security_headers(r, "nginx 413")
        r = raw(s, ["GET /" + "a" * 9000 + " HTTP/1.1", "Host: x"])
        check(r.status == 414, "long URI -> %d" % r.status)
        has_security_headers(r, "nginx 414")
        # Redirects name a path, never the Host a client sent.
        r = s.get("/order", headers={"Host": "evil.example"})
        check(r.status == 301 and r.header("Location") == "/order/",
              "/order -> %d %r" % (r.status, r.header("Location")))
        has_security_headers(r, "nginx 301")


# -- plain CGI: no work after the response, 413 after the body ---------------------

class SlowSmtp:
    """A TCP server that accepts and never answers: an SMTP server too slow
    to matter.  .connections counts who came."""

    def __init__(self):
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.port = self.sock.getsockname()[1]
        self.connections = 0
        self.held = []
        threading.Thread(target=self._run, daemon=True).start()

    def _run(self):
        while True:
            try:
                c, _ = self.sock.accept()
            except OSError:
                return
            self.connections += 1
            self.held.append(c)

    def stop(self):
        self.sock.close()
        for c in self.held:
            c.close()


def cgi_over_socket(program, env, body=b"", timeout=30):
    """Runs a CGI program as Apache mod_cgid does: one socket is both its
    stdin and stdout.  The whole body is written first, then the answer read
    until EOF.  Returns (Response, seconds until EOF, body write error)."""
    ours, theirs = socket.socketpair()
    t0 = time.time()
    p = subprocess.Popen([os.path.join(env.get("SOUK_BIN", harness.BIN),
                                       "cgi-bin", program)],
                         stdin=theirs, stdout=theirs, env=env,
                         stderr=subprocess.DEVNULL)
    theirs.close()
    ours.settimeout(timeout)
    err = None
    try:
        ours.sendall(body)
    except OSError as e:
        err = e
    out = b""
    while True:
        try:
            chunk = ours.recv(65536)
        except OSError:
            break
        if not chunk:
            break
        out += chunk
    took = time.time() - t0
    ours.close()
    p.wait(timeout=timeout)
    return harness.parse_cgi_output(out), took, err


def cgi_env(s, **kw):
    e = dict(s.env)
    e.update({"REQUEST_METHOD": "GET", "PATH_INFO": "/contact",
              "QUERY_STRING": "", "CONTENT_LENGTH": "0",
              "REMOTE_ADDR": "127.0.0.1", "GATEWAY_INTERFACE": "CGI/1.1"})
    e.update(kw)
    return e


@test
def cgi_contact_post_does_not_wait_for_mail():
    slow = SlowSmtp()
    sink = harness.SmtpSink()
    try:
        s = Stack(env=dict(mail_env(smtp_port=slow.port, mail_after_response=1),
                           SOUK_MAIL_DAEMON="off"),
                  demo=False)
        try:
            s.start()
            tok, cookie = form_token(s)
            body = urllib.parse.urlencode(dict(contact_fields(), csrf=tok)).encode()
            r, took, err = cgi_over_socket("contact", cgi_env(
                s, REQUEST_METHOD="POST", CONTENT_LENGTH=str(len(body)),
                CONTENT_TYPE="application/x-www-form-urlencoded",
                HTTP_COOKIE=cookie, HTTP_ORIGIN=s.base), body)
            check(err is None and r.status == 303, "CGI contact POST -> %d %r" %
                  (r.status, err))
            # The SMTP server never answers: waiting on it would take the
            # whole smtp_timeout (5 s here).
            check(took < 3 and slow.connections == 0,
                  "the response waited for mail: %.1fs, %d SMTP connections"
                  % (took, slow.connections))
            rows = shop.one(s, "SELECT count(*) FROM mail_outbox "
                            "WHERE status = 'queued'")
            check(rows == 2, "mail not left queued: %r" % rows)
            # The sender delivers it.
            s.env.update(sink.env())
            s.ctl("mail", "run")
            check(len(sink.wait(2)) == 2, "soukctl mail run sent %d" %
                  len(sink.messages))
        finally:
            s.cleanup()
    finally:
        slow.stop()
        sink.stop()


@test
def cgi_oversized_upload_gets_a_clean_413():
    s = Stack(env={"SOUK_MAX_UPLOAD": "100000"}, demo=False)
    try:
        body = b"--b\r\n" + b"x" * 2000000
        r, _, err = cgi_over_socket("checkout", cgi_env(
            s, REQUEST_METHOD="POST", PATH_INFO="/order/abc",
            CONTENT_LENGTH=str(len(body)),
            CONTENT_TYPE="multipart/form-data; boundary=b"), body)
        check(err is None, "the body was not read: %r" % err)
        check(r.status == 413, "oversized upload -> %d" % r.status)
        check(b"<html" in r.body, "413 without the store's page")
    finally:
        s.cleanup()
