"""harness.py — the end-to-end test harness: a real store (nginx + the
programs + a fresh SQLite file) on a free loopback port, an HTTP client, a
FastCGI client, a CGI runner, and a tiny test registry.

Tests are functions decorated with @test in tests/e2e/test_*.py.  They get
the shared `stack` (started once per run) via harness.stack(); tests needing
their own configuration start their own Stack.  Run with Debian's python3
(it has aiosmtpd): /usr/bin/python3 tests/e2e/run.py [--bin DIR] [filter]
"""
import fcntl
import hashlib
import http.client
import json
import os
import re
import shutil
import socket
import struct
import subprocess
import tempfile
import time
import urllib.parse

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
BIN = os.environ.get("SOUK_BIN", ROOT)   # where cgi-bin/ and soukctl are

TESTS = []


def test(fn):
    """Registers a test function (once: a module another test module
    imports is not registered twice)."""
    key = (fn.__module__, fn.__name__)
    if all((t.__module__, t.__name__) != key for t in TESTS):
        TESTS.append(fn)
    return fn


class Fail(AssertionError):
    pass


def check(cond, msg="check failed"):
    if not cond:
        raise Fail(msg)


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


class Response:
    def __init__(self, status, headers, body):
        self.status = status
        self.headers = headers          # list of (name, value)
        self.body = body                # bytes

    def header(self, name):
        for k, v in self.headers:
            if k.lower() == name.lower():
                return v
        return None

    def headers_all(self, name):
        return [v for k, v in self.headers if k.lower() == name.lower()]

    @property
    def text(self):
        return self.body.decode("utf-8")

    def json(self):
        return json.loads(self.body)

    def __repr__(self):
        return "<Response %d %d bytes>" % (self.status, len(self.body))


class Stack:
    """A store on a free port with its own run directory and database.

    env: extra SOUK_* settings.  demo: load the demo catalog.  workers:
    per program (checkout twice as many); by default $SOUK_E2E_WORKERS or 2
    (tests/run.sh runs the AddressSanitizer suite with 1: there every
    process costs a second of start-up and leak check)."""

    def __init__(self, env=None, demo=True, workers=None, bin_dir=None):
        if workers is None:
            workers = int(os.environ.get("SOUK_E2E_WORKERS", "2"))
        self.dir = tempfile.mkdtemp(prefix="souk-e2e-")
        self.port = free_port()
        self.base = "http://127.0.0.1:%d" % self.port
        self.bin = bin_dir or BIN
        self.env = dict(os.environ)
        self.env.update({
            "SOUK_DB_PATH": os.path.join(self.dir, "souk.db"),
            "SOUK_TEMPLATE_DIR": os.path.join(ROOT, "templates"),
            "SOUK_LANG_DIR": os.path.join(ROOT, "lang"),
            "SOUK_DATA_DIR": os.path.join(self.dir, "files"),
            "SOUK_MEDIA_DIR": os.path.join(self.dir, "run", "media"),
            "SOUK_BASE_URL": self.base,
            "SOUK_CURRENCY": "TND",
            "SOUK_STORE_NAME": "Souk Test",
            "SOUK_BIN": self.bin,
            "SOUK_WORKERS": str(workers),
            "NGINX_WORKERS": "1",
            "ASAN_OPTIONS": "detect_leaks=1:abort_on_error=0:log_path=" +
                            os.path.join(self.dir, "asan"),
            "UBSAN_OPTIONS": "print_stacktrace=1:log_path=" +
                             os.path.join(self.dir, "ubsan"),
            "LSAN_OPTIONS": "print_suppressions=0:suppressions=" +
                            os.path.join(ROOT, "tests", "lsan.supp"),
            # Checkout: payment methods and where order mails go
            # (docs/checkout.md).
            "SOUK_SHOP_EMAIL": "shop@example.com",
            "SOUK_PAY_BANK_NAME": "Banque de Test",
            "SOUK_PAY_BANK_HOLDER": "Souk Test SARL",
            "SOUK_PAY_BANK_IBAN": "TN59 1000 6035 1835 9847 8831",
            "SOUK_PAY_MOBILE": "Orange Money = +216 20 000 000; "
                               "D17 = +216 55 000 000",
            # Every test client is 127.0.0.1: the per-address limits on
            # orders and proofs (docs/order-limits.md) are lifted here and
            # tested on stores of their own (test_order_limits.py).
            "SOUK_ORDER_RATE_LIMIT": "1000000",
            "SOUK_PROOF_RATE_LIMIT": "1000000",
            "SOUK_PROOF_ADDRESS_BYTES": str(1 << 40),
        })
        self.env.pop("SOUK_CONF", None)
        if env:
            self.env.update(env)
        os.makedirs(self.env["SOUK_DATA_DIR"], mode=0o700, exist_ok=True)
        self.seed(demo)
        self.started = False

    # The settings that name this store's own files, port and logs: a
    # store seeded with everything else alike is the same store.
    FILES = ("SOUK_DB_PATH", "SOUK_DATA_DIR", "SOUK_MEDIA_DIR")
    OWN = FILES + ("SOUK_BASE_URL", "ASAN_OPTIONS", "UBSAN_OPTIONS")

    def seed(self, demo):
        """`soukctl init` (and `demo`), or a copy of the files they made
        for an earlier store of this run with the same binaries and
        settings: run.py keeps them in $SOUK_E2E_SEEDS (under
        AddressSanitizer `soukctl demo` alone takes seconds)."""
        root = os.environ.get("SOUK_E2E_SEEDS")
        mine = all(self.env[k].startswith(self.dir + os.sep)
                   for k in self.FILES)
        if not root or not mine:
            self.init(demo)
            return
        ctl = os.path.join(self.bin, "soukctl")
        st = os.stat(ctl)
        key = repr((os.path.realpath(ctl), st.st_mtime_ns, st.st_size, demo,
                    sorted((k, v) for k, v in self.env.items()
                           if k not in self.OWN)))
        seed = os.path.join(root, hashlib.sha256(key.encode()).hexdigest())
        with open(seed + ".lock", "w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)   # another module may make it
            if not os.path.isdir(seed):
                self.make_seed(seed + ".new", demo)
                os.rename(seed + ".new", seed)
        shutil.copytree(seed, self.dir, symlinks=True, dirs_exist_ok=True)

    def make_seed(self, where, demo):
        """Runs init (and demo) for a store whose files are under where,
        laid out as this one's."""
        shutil.rmtree(where, ignore_errors=True)
        own = {k: self.env[k].replace(self.dir, where, 1)
               for k in self.FILES}
        os.makedirs(own["SOUK_DATA_DIR"], mode=0o700)
        keep = self.env
        self.env = dict(keep, **own)
        try:
            self.init(demo)
        finally:
            self.env = keep

    def init(self, demo):
        """Runs `soukctl init`, and `demo` if asked."""
        self.ctl("init")
        if demo:
            self.ctl("demo")

    def ctl(self, *args, check_rc=True, input=None):
        """Runs soukctl; returns CompletedProcess (text)."""
        p = subprocess.run([os.path.join(self.bin, "soukctl")] + list(args),
                           env=self.env, capture_output=True, text=True,
                           input=input, timeout=300)
        if check_rc and p.returncode != 0:
            raise Fail("soukctl %s failed (%d): %s" % (" ".join(args),
                       p.returncode, p.stderr))
        return p

    def start(self):
        p = subprocess.run(["sh", os.path.join(ROOT, "tools", "stack.sh"),
                            "start", os.path.join(self.dir, "run"),
                            str(self.port)], env=self.env,
                           capture_output=True, text=True, timeout=60)
        if p.returncode != 0:
            raise Fail("stack did not start: " + p.stderr + p.stdout)
        self.started = True
        return self

    def stop(self):
        if self.started:
            subprocess.run(["sh", os.path.join(ROOT, "tools", "stack.sh"),
                            "stop", os.path.join(self.dir, "run")],
                           env=self.env, capture_output=True, timeout=60)
            self.started = False

    def sanitizer_reports(self):
        """Text of any AddressSanitizer/UBSan/LeakSanitizer report."""
        out = []
        for name in os.listdir(self.dir):
            if name.startswith("asan") or name.startswith("ubsan"):
                with open(os.path.join(self.dir, name), errors="replace") as f:
                    out.append(name + ":\n" + f.read())
        logs = os.path.join(self.dir, "run", "logs")
        if os.path.isdir(logs):
            for name in os.listdir(logs):
                with open(os.path.join(logs, name), errors="replace") as f:
                    for line in f:
                        if "runtime error:" in line or "Sanitizer" in line:
                            out.append(name + ": " + line)
        return out

    def logs(self, program):
        path = os.path.join(self.dir, "run", "logs", program + ".log")
        try:
            with open(path, errors="replace") as f:
                return f.read()
        except FileNotFoundError:
            return ""

    def cleanup(self):
        self.stop()
        if not os.environ.get("SOUK_KEEP"):
            shutil.rmtree(self.dir, ignore_errors=True)

    # `with Stack() as s:` stops and removes the store at the end, and fails
    # the test on any sanitizer report (unless it is failing already).
    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc, tb):
        self.stop()
        reports = self.sanitizer_reports()
        self.cleanup()
        if reports and exc_type is None:
            raise Fail("sanitizer reports:\n" + "\n".join(reports)[:3000])
        return False

    # -- HTTP ------------------------------------------------------------
    def request(self, method, path, body=None, headers=None, timeout=30):
        """One request on a fresh connection; returns Response."""
        conn = http.client.HTTPConnection("127.0.0.1", self.port,
                                          timeout=timeout)
        h = {"Connection": "close"}
        if headers:
            h.update(headers)
        if isinstance(body, str):
            body = body.encode("utf-8")
        conn.request(method, path, body=body, headers=h)
        r = conn.getresponse()
        resp = Response(r.status, r.getheaders(), r.read())
        conn.close()
        return resp

    def get(self, path, headers=None):
        return self.request("GET", path, headers=headers)

    def post(self, path, fields=None, headers=None, raw=None):
        """POST urlencoded fields (dict or list of pairs), same-origin."""
        h = {"Origin": self.base,
             "Content-Type": "application/x-www-form-urlencoded"}
        if headers:
            h.update(headers)
        body = raw if raw is not None else urllib.parse.urlencode(fields or {})
        return self.request("POST", path, body=body, headers=h)


_shared = None


def stack():
    """The shared demo store for this run (started on first use)."""
    global _shared
    if _shared is None:
        _shared = Stack().start()
    return _shared


def shared_cleanup():
    global _shared
    reports = []
    if _shared is not None:
        _shared.stop()
        reports = _shared.sanitizer_reports()
        _shared.cleanup()
        _shared = None
    return reports


# -- CGI and FastCGI runners ------------------------------------------------
def cgi(program, path, query="", method="GET", body=b"", env=None,
        stack_env=None):
    """Runs cgi-bin/<program> as plain CGI; returns Response."""
    e = dict(stack_env or {})
    e.update({"REQUEST_METHOD": method, "PATH_INFO": path,
              "QUERY_STRING": query, "CONTENT_LENGTH": str(len(body)),
              "REMOTE_ADDR": "127.0.0.1", "GATEWAY_INTERFACE": "CGI/1.1"})
    if env:
        e.update(env)
    p = subprocess.run([os.path.join(e.get("SOUK_BIN", BIN), "cgi-bin",
                                     program)], input=body, env=e,
                       capture_output=True, timeout=30)
    return parse_cgi_output(p.stdout)


def parse_cgi_output(out):
    head, _, body = out.partition(b"\r\n\r\n")
    status = 200
    headers = []
    for line in head.decode("latin-1").split("\r\n"):
        if not line:
            continue
        k, _, v = line.partition(":")
        v = v.strip()
        if k.lower() == "status":
            status = int(v.split()[0])
        headers.append((k, v))
    return Response(status, headers, body)


def fcgi_params(path, query="", method="GET", body=b"", extra=None):
    """The parameters nginx's fastcgi_params sends (no SCRIPT_FILENAME)."""
    p = {"REQUEST_METHOD": method, "DOCUMENT_URI": path,
         "REQUEST_URI": path + ("?" + query if query else ""),
         "QUERY_STRING": query,
         "CONTENT_LENGTH": str(len(body)) if body else "",
         "CONTENT_TYPE": "application/x-www-form-urlencoded" if body else "",
         "SERVER_PROTOCOL": "HTTP/1.1", "REMOTE_ADDR": "127.0.0.1",
         "HTTP_HOST": "127.0.0.1", "GATEWAY_INTERFACE": "CGI/1.1"}
    if extra:
        p.update(extra)
    return p


def fcgi_request(sock_path, params, body=b"", timeout=10, stall=None):
    """Speaks the FastCGI protocol (spec 1.0) to a unix socket: one
    Responder request; returns the Response parsed from FCGI_STDOUT.
    stall: called after the parameters are sent and before the body (a
    client whose body is slow to come)."""
    def record(rtype, content, req=1):
        pad = (8 - len(content) % 8) % 8
        return struct.pack("!BBHHBx", 1, rtype, req, len(content), pad) + \
            content + b"\0" * pad

    def nv(k, v):
        k, v = k.encode(), v.encode()
        def ln(x):
            return struct.pack("!B", len(x)) if len(x) < 128 else \
                struct.pack("!I", len(x) | 0x80000000)
        return ln(k) + ln(v) + k + v

    s = socket.socket(socket.AF_UNIX)
    s.settimeout(timeout)
    s.connect(sock_path)
    msg = record(1, struct.pack("!HB5x", 1, 0))          # BEGIN_REQUEST
    p = b"".join(nv(k, v) for k, v in params.items())
    msg += record(4, p) + record(4, b"")                  # PARAMS
    if stall is not None:
        s.sendall(msg)
        stall()
        msg = b""
    for i in range(0, len(body), 65535):
        msg += record(5, body[i:i + 65535])
    msg += record(5, b"")                                  # STDIN
    s.sendall(msg)
    data = b""
    while True:
        chunk = s.recv(65536)
        if not chunk:
            break
        data += chunk
    s.close()
    out, pos = b"", 0
    while pos + 8 <= len(data):
        _, rtype, _, clen, plen = struct.unpack("!BBHHB", data[pos:pos + 7])
        content = data[pos + 8:pos + 8 + clen]
        if rtype == 6:
            out += content
        pos += 8 + clen + plen
    return parse_cgi_output(out)


def strip_tags(html):
    return re.sub(r"<[^>]+>", " ", html)


# -- A real SMTP server (Debian python3-aiosmtpd) ------------------------------
class SmtpSink:
    """An aiosmtpd server on a free loopback port that keeps every message.

    sink.messages: list of dicts {mail_from, rcpt_tos, data (bytes), msg
    (email.message.Message)}.  sink.reply(code_text) makes the server answer
    DATA with that reply instead of 250 (e.g. "451 try later",
    "550 no such user").  Use sink.env() for the SOUK_SMTP_* settings."""

    def __init__(self, port=None):
        import email
        from aiosmtpd.controller import Controller
        self.port = port or free_port()
        self.messages = []
        self.next_reply = None
        sink = self

        class Handler:
            async def handle_DATA(self, server, session, envelope):
                if sink.next_reply:
                    return sink.next_reply
                sink.messages.append({
                    "mail_from": envelope.mail_from,
                    "rcpt_tos": list(envelope.rcpt_tos),
                    "data": envelope.original_content or envelope.content,
                    "msg": email.message_from_bytes(
                        envelope.original_content or envelope.content),
                })
                return "250 OK"

        self.controller = Controller(Handler(), hostname="127.0.0.1",
                                     port=self.port)
        self.controller.start()

    def reply(self, code_text):
        self.next_reply = code_text

    def env(self):
        return {"SOUK_SMTP_HOST": "127.0.0.1",
                "SOUK_SMTP_PORT": str(self.port),
                "SOUK_SMTP_STARTTLS": "never"}

    def wait(self, count, timeout=15):
        """Waits until at least `count` messages arrived; returns them."""
        end = time.time() + timeout
        while len(self.messages) < count and time.time() < end:
            time.sleep(0.05)
        return self.messages

    def stop(self):
        self.controller.stop()
