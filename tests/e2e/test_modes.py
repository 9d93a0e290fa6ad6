"""The same catalog binary in its three run modes: plain CGI, FastCGI on
fd 0 (spawn-fcgi), and self-listening with its prefork supervisor; its
--check and configuration errors; and catalog changes showing through
nginx's micro-cache."""
import os
import signal
import sqlite3
import subprocess
import time

import harness
from harness import test, check, Stack, Fail


def wait_for(pred, timeout=10.0, step=0.05, what="condition"):
    """Polls pred() until it returns something true; returns that."""
    end = time.time() + timeout
    while True:
        v = pred()
        if v:
            return v
        if time.time() > end:
            raise Fail("timed out after %.0fs waiting for %s" %
                       (timeout, what))
        time.sleep(step)


FORM = "application/x-www-form-urlencoded"


def catalog_bin(s):
    return os.path.join(s.bin, "cgi-bin", "catalog")


def fcgi(sock, path, query="", method="GET", body=b"", extra=None, timeout=10):
    """One FastCGI request to sock as nginx would make it."""
    params = harness.fcgi_params(path, query, method, body, extra)
    return harness.fcgi_request(sock, params, body, timeout=timeout)


def children(pid):
    """Live (non-zombie) child processes of pid, from /proc."""
    out = set()
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            with open("/proc/%s/stat" % name) as f:
                stat = f.read()
        except OSError:
            continue
        fields = stat.rsplit(")", 1)[1].split()
        if fields[1] == str(pid) and fields[0] != "Z":
            out.add(int(name))
    return out


def check_page(r, where, status=200, contains=None):
    check(r.status == status, "%s: status %d, want %d" %
          (where, r.status, status))
    if contains:
        check(contains in r.text, "%s lacks %r" % (where, contains))
    for h, want in (("Content-Security-Policy", "default-src 'self'"),
                    ("X-Content-Type-Options", "nosniff"),
                    ("X-Frame-Options", "DENY")):
        v = r.header(h)
        check(v is not None and want in v, "%s: %s is %r" % (where, h, v))


# -- plain CGI ---------------------------------------------------------------

@test
def cgi_mode_serves_pages():
    with Stack() as s:
        r = harness.cgi("catalog", "/", stack_env=s.env)
        check_page(r, "CGI /", contains="<title>Home · Souk Test</title>")
        check((r.header("Content-Type") or "").startswith("text/html"),
              "content type %r" % r.header("Content-Type"))
        r = harness.cgi("catalog", "/p/iptv-gold-4k", stack_env=s.env)
        check_page(r, "CGI product", contains="Gold 4K IPTV")
        check("30.000\xa0TND" in r.text, "CGI product price")
        r = harness.cgi("catalog", "/c/films", query="sort=price&page=2",
                        stack_env=s.env)
        check_page(r, "CGI category", contains="Showing 25–48 of 48")
        r = harness.cgi("catalog", "/search", query="q=netflx",
                        stack_env=s.env)
        check_page(r, "CGI search", contains="<mark>Netflix</mark>")
        r = harness.cgi("catalog", "/p/no-such-product", stack_env=s.env)
        check_page(r, "CGI 404", status=404, contains="Page not found")
        r = harness.cgi("catalog", "/c/films", query="page=%ZZ",
                        stack_env=s.env)
        check_page(r, "CGI bad query", status=400)
        # Apache-style mounting without PATH_INFO: routed on REQUEST_URI.
        r = harness.cgi("catalog", "", stack_env=s.env,
                        env={"REQUEST_URI": "/p/spotify-premium?x=1"})
        check_page(r, "CGI REQUEST_URI", contains="Spotify Premium")


@test
def cgi_mode_post_is_405_and_head_has_no_body():
    with Stack() as s:
        # A GET-only page (product pages take the review forms' POSTs).
        r = harness.cgi("catalog", "/c/films", method="POST",
                        body=b"qty=1", stack_env=s.env,
                        env={"CONTENT_TYPE": FORM})
        check_page(r, "CGI POST", status=405)
        check(r.header("Allow") == "GET, HEAD", "Allow %r" % r.header("Allow"))
        g = harness.cgi("catalog", "/c/films", stack_env=s.env)
        h = harness.cgi("catalog", "/c/films", method="HEAD", stack_env=s.env)
        check(h.status == 200 and h.body == b"", "HEAD: %r" % h)
        check(h.header("Content-Length") == str(len(g.body)),
              "HEAD length %r vs %d" % (h.header("Content-Length"),
                                        len(g.body)))
        r = harness.cgi("catalog", "/", method="POST",
                        body=b"a=" + b"x" * 2000000, stack_env=s.env,
                        env={"CONTENT_TYPE": FORM})
        check(r.status == 413, "CGI 2 MB body -> %d" % r.status)


@test
def cgi_mode_without_database_says_so():
    with Stack(demo=False) as s:
        env = dict(s.env, SOUK_DB_PATH=os.path.join(s.dir, "no", "x.db"))
        r = harness.cgi("catalog", "/", stack_env=env)
        check(r.status == 500 and b"not set up" in r.body, "no db: %r %r" %
              (r, r.body[:200]))


# -- FastCGI on fd 0 ---------------------------------------------------------

@test
def fastcgi_on_fd0_with_spawn_fcgi():
    with Stack() as s:
        sock = os.path.join(s.dir, "spawned.sock")
        log = open(os.path.join(s.dir, "spawned.log"), "wb")
        p = subprocess.Popen(["spawn-fcgi", "-n", "-s", sock, "--",
                              catalog_bin(s)], env=s.env, stdout=log,
                             stderr=subprocess.STDOUT)
        try:
            wait_for(lambda: os.path.exists(sock),
                     what="the spawn-fcgi socket")
            # -n: spawn-fcgi becomes the program, the socket on its fd 0
            # (it makes the socket first, then execs: wait for the exec).
            def exe():
                return os.path.realpath("/proc/%d/exe" % p.pid)
            try:
                wait_for(lambda: os.path.basename(exe()) == "catalog",
                         what="spawn-fcgi to exec the program")
            except Fail:
                pass
            check(os.path.basename(exe()) == "catalog", "process is %s" % exe())
            fd0 = os.readlink("/proc/%d/fd/0" % p.pid)
            check(fd0.startswith("socket:"), "fd 0 is %s, not a socket" % fd0)
            for i in range(3):   # one process, several requests
                r = fcgi(sock, "/")
                check_page(r, "FastCGI / #%d" % i, contains="Featured")
            r = fcgi(sock, "/p/medina-nights-s2e03")
            check_page(r, "FastCGI episode", contains='rel="next"')
            r = fcgi(sock, "/c/iptv", "lang=fr")
            check_page(r, "FastCGI French", contains="Trier par")
            r = fcgi(sock, "/nope")
            check_page(r, "FastCGI 404", status=404)
            r = fcgi(sock, "/", method="POST", body=b"a=1")
            check_page(r, "FastCGI POST", status=405)
            r = fcgi(sock, "/search", method="POST",
                     body=b"a=" + b"x" * (1100 * 1024))
            check(r.status == 413, "FastCGI big body -> %d" % r.status)
            r = fcgi(sock, "/", method="HEAD")
            check(r.status == 200 and r.body == b"", "FastCGI HEAD %r" % r)
            check(p.poll() is None, "the FastCGI process exited")
            p.send_signal(signal.SIGTERM)
            rc = p.wait(timeout=10)
            check(rc == 0, "exit status after SIGTERM: %d" % rc)
        finally:
            if p.poll() is None:
                p.kill()
                p.wait()
            log.close()


# -- self-listening with the supervisor ---------------------------------------

def start_listening(s, sock, workers=2, extra_env=None):
    env = dict(s.env)
    if extra_env:
        env.update(extra_env)
    err = open(os.path.join(s.dir, "listen.log"), "ab")
    p = subprocess.Popen([catalog_bin(s), "--listen", "unix:" + sock,
                          "--workers", str(workers)], env=env,
                         stdout=subprocess.DEVNULL, stderr=err)
    err.close()
    return p


@test
def self_listening_supervisor_replaces_killed_worker():
    with Stack() as s:
        sock = os.path.join(s.dir, "catalog.sock")
        p = start_listening(s, sock)
        try:
            wait_for(lambda: os.path.exists(sock), what="the listening socket")
            kids = wait_for(lambda: len(children(p.pid)) == 2 and
                            children(p.pid), what="two workers")
            check(oct(os.stat(sock).st_mode & 0o777) == oct(0o660),
                  "socket mode %o" % (os.stat(sock).st_mode & 0o777))
            for i in range(10):
                r = fcgi(sock, "/c/films")
                check_page(r, "listen #%d" % i, contains="Showing 1–24 of 48")
            victim = sorted(kids)[0]
            os.kill(victim, signal.SIGKILL)
            # A connection the victim accepted as it died is lost (nginx would
            # answer 502 for it); wait until it is gone before the next one.
            wait_for(lambda: victim not in children(p.pid), what="the kill")
            # The survivor serves while the supervisor replaces the dead.
            for i in range(5):
                r = fcgi(sock, "/")
                check_page(r, "during replacement #%d" % i)
            now = wait_for(lambda: (lambda k: len(k) == 2 and victim not in k
                                    and k)(children(p.pid)),
                           timeout=15, what="a replacement worker")
            check(len(now - kids) == 1, "exactly one new worker: %r -> %r" %
                  (kids, now))
            for i in range(20):
                r = fcgi(sock, "/p/iptv-gold-4k")
                check_page(r, "after replacement #%d" % i,
                           contains="Gold 4K IPTV")
            path = os.path.join(s.dir, "listen.log")
            with open(path, errors="replace") as f:
                log = f.read()
            check("killed by signal 9" in log,
                  "supervisor did not log the death: " + log[-500:])
            # SIGTERM: workers finish, the supervisor exits 0 and removes the
            # socket.
            p.send_signal(signal.SIGTERM)
            rc = p.wait(timeout=15)
            check(rc == 0, "supervisor exit status %d" % rc)
            check(not os.path.exists(sock), "socket left behind")
            for k in now:
                check(not os.path.exists("/proc/%d" % k),
                      "worker %d survived" % k)
        finally:
            if p.poll() is None:
                p.kill()
                p.wait()


@test
def supervisor_retries_a_failing_start_up_until_it_works():
    """Finding 9 of issue 7: workers that cannot open the database fail
    their start-up; the supervisor keeps retrying with a growing, capped
    delay (logged) instead of exiting, and the program serves as soon as
    the database is back."""
    import re
    with Stack() as s:
        db_path = s.env["SOUK_DB_PATH"]
        away = db_path + ".away"
        os.rename(db_path, away)
        sock = os.path.join(s.dir, "retry.sock")
        logpath = os.path.join(s.dir, "listen.log")
        p = start_listening(s, sock)

        def delays():
            with open(logpath, errors="replace") as f:
                return [int(x) for x in re.findall(
                    r"failed its start-up \(exit status 1\); retrying in "
                    r"(\d+) ms", f.read())]
        try:
            wait_for(lambda: len(delays()) >= 8, timeout=30,
                     what="eight start-up failures")
            d = delays()
            check(p.poll() is None, "the supervisor exited")
            check(d == sorted(d) and d[0] == 100 and d[-1] >= 800 and
                  max(d) <= 10000, "capped exponential backoff: %r" % d)
            check(_try_fcgi(sock) is None, "served without a database?")
            os.rename(away, db_path)
            r = wait_for(lambda: _try_fcgi(sock), timeout=25,
                         what="the catalog once the database is back")
            check_page(r, "after the fix", contains="Souk Test")
            with open(logpath, errors="replace") as f:
                log = f.read()
            check("start-up works again" in log and "giving up" not in log,
                  "log: " + log[-600:])
            p.send_signal(signal.SIGTERM)
            check(p.wait(timeout=15) == 0, "exit status")
        finally:
            if p.poll() is None:
                p.kill()
                p.wait()


@test
def self_listening_replaces_a_stale_socket():
    with Stack() as s:
        sock = os.path.join(s.dir, "stale.sock")
        # A socket file left by a killed supervisor must not block start-up.
        import socket as so
        stale = so.socket(so.AF_UNIX)
        stale.bind(sock)
        stale.close()
        p = start_listening(s, sock, workers=1)
        try:
            r = wait_for(lambda: _try_fcgi(sock),
                         what="the catalog on a reused path")
            check_page(r, "stale socket path")
        finally:
            p.send_signal(signal.SIGTERM)
            check(p.wait(timeout=15) == 0, "exit status")


def _try_fcgi(sock):
    try:
        return fcgi(sock, "/", timeout=2)
    except OSError:
        return None


# -- --check and configuration errors ----------------------------------------

def run_catalog(s, args, env=None, timeout=30):
    e = dict(s.env)
    if env:
        e.update(env)
    return subprocess.run([catalog_bin(s)] + args, env=e, capture_output=True,
                          text=True, timeout=timeout)


@test
def check_flag_exit_codes():
    with Stack() as s:
        r = run_catalog(s, ["--check"])
        check(r.returncode == 0 and "configuration, templates and database OK"
              in r.stdout, "good --check: %d %s" % (r.returncode, r.stderr))
        missing = os.path.join(s.dir, "missing")
        for what, env in (
                ("no database", {"SOUK_DB_PATH": missing}),
                ("no templates", {"SOUK_TEMPLATE_DIR": missing}),
                ("no lang files", {"SOUK_LANG_DIR": missing}),
                ("bad currency", {"SOUK_CURRENCY": "usd"}),
                ("bad base_url", {"SOUK_BASE_URL": "shop.example"})):
            r = run_catalog(s, ["--check"], env)
            check(r.returncode == 1, "%s: --check exit %d" %
                  (what, r.returncode))
            check("OK" not in r.stdout, "%s: --check said OK" % what)
            check(r.stderr.strip(), "%s: no error message" % what)
        r = run_catalog(s, ["--bogus"])
        check(r.returncode == 2 and "usage:" in r.stderr, "unknown flag: %d %s"
              % (r.returncode, r.stderr))
        r = run_catalog(s, ["--help"])
        check(r.returncode == 0 and "--listen" in r.stderr, "--help")
        r = run_catalog(s, ["--listen", "unix:" + os.path.join(s.dir, "w"),
                            "--workers", "0"])
        check(r.returncode == 2 and "workers" in r.stderr,
              "--workers 0: %d %s" % (r.returncode, r.stderr))
        # An older schema is refused with the fix.
        db = sqlite3.connect(s.env["SOUK_DB_PATH"])
        db.execute("PRAGMA user_version = 0")
        db.commit()
        db.close()
        r = run_catalog(s, ["--check"])
        check(r.returncode == 1 and "soukctl migrate" in r.stderr,
              "old schema: %d %s" % (r.returncode, r.stderr))


@test
def bad_config_key_is_a_clear_error():
    with Stack() as s:
        conf = os.path.join(s.dir, "souk.conf")
        with open(conf, "w") as f:
            f.write("# souk\nstore_name = Typo Shop\nstoer_name = oops\n")
        sock = os.path.join(s.dir, "never.sock")
        r = run_catalog(s, ["--check"], {"SOUK_CONF": conf})
        check(r.returncode == 1, "--check exit %d" % r.returncode)
        check("unknown key 'stoer_name'" in r.stderr and "souk.conf:3" in
              r.stderr, "message: %r" % r.stderr)
        r = run_catalog(s, ["--listen", "unix:" + sock], {"SOUK_CONF": conf})
        check(r.returncode == 1 and "unknown key 'stoer_name'" in r.stderr,
              "--listen with a bad key: %d %r" % (r.returncode, r.stderr))
        check(not os.path.exists(sock), "a socket was created anyway")
        r = run_catalog(s, ["--check"], {"SOUK_CONF": conf + ".missing"})
        check(r.returncode == 1 and "cannot open" in r.stderr,
              "missing conf file: %r" % r.stderr)
        # The same file without the typo is fine, and is used.
        with open(conf, "w") as f:
            f.write("store_name = Typo Shop\n")
        e = dict(s.env, SOUK_CONF=conf)
        del e["SOUK_STORE_NAME"]     # the environment would override the file
        r = subprocess.run([catalog_bin(s), "--check"], env=e,
                           capture_output=True, text=True, timeout=30)
        check(r.returncode == 0, "fixed conf: %s" % r.stderr)
        page = harness.cgi("catalog", "/", stack_env=e)
        check("· Typo Shop</title>" in page.text, "store_name from the file")


# -- catalog changes through the micro-cache ---------------------------------

@test
def catalog_change_visible_through_micro_cache():
    with Stack() as s:
        s.start()
        s.get("/p/spotify-premium")
        r = s.get("/p/spotify-premium")
        check(r.header("X-Cache") in ("HIT", "UPDATING", "STALE"),
              "second anonymous hit not cached: %r" % r.header("X-Cache"))
        db = sqlite3.connect(s.env["SOUK_DB_PATH"], timeout=10)
        db.execute("UPDATE products SET name = 'Spotify Renamed Edition' "
                   "WHERE slug = 'spotify-premium'")
        db.execute("UPDATE categories SET name = 'Musique Renamed' "
                   "WHERE slug = 'music'")
        db.commit()
        db.close()
        t0 = time.time()
        wait_for(lambda: "Spotify Renamed Edition" in
                 s.get("/p/spotify-premium").text, timeout=3, step=0.1,
                 what="the renamed product (3 s)")
        wait_for(lambda: "Musique Renamed" in s.get("/").text, timeout=3,
                 step=0.1, what="the renamed category in the menu (3 s)")
        elapsed = time.time() - t0
        check(elapsed <= 3.0, "change took %.1fs" % elapsed)
        # Search sees it too (the FTS index follows by trigger).
        check("Renamed" in s.get("/search?q=renamed").text, "search index")


@test
def cgi_mode_without_templates_answers_500():
    """A plain-CGI program whose start-up fails before the database (here:
    no template directory) still answers with a status and a body, never
    the empty reply Apache calls "premature end of script headers"."""
    with Stack(demo=False) as s:
        env = dict(s.env, SOUK_TEMPLATE_DIR=os.path.join(s.dir, "nothing"))
        r = harness.cgi("catalog", "/", stack_env=env)
        check(r.status == 500 and b"not set up" in r.body,
              "no templates: %r %r" % (r, r.body[:200]))
