"""A program that is down: nginx answers 502 with the store's static
"back in a moment" page (htdocs/errors/), in the visitor's language, with
Retry-After (nginx.conf.example error_page; docs/deploy.md)."""
import os
import signal
import time

from harness import Stack, check, test


def stop_program(s, name):
    """Stops cgi-bin/<name> in the stack (its supervisor and workers) and
    waits until its socket refuses connections."""
    run = os.path.join(s.dir, "run")
    with open(os.path.join(run, "pids")) as f:
        pids = [int(x) for x in f.read().split()]
    sock = "unix:%s/sock/%s.sock" % (run, name)
    for pid in pids:
        try:
            with open("/proc/%d/cmdline" % pid, "rb") as f:
                args = f.read().split(b"\0")
        except FileNotFoundError:
            continue
        if sock.encode() in args:
            os.kill(pid, signal.SIGTERM)
            for _ in range(100):
                if not os.path.exists("/proc/%d" % pid):
                    break
                time.sleep(0.1)
            return
    raise AssertionError("no process serves " + sock)


@test
def stopped_program_gets_the_branded_busy_page_in_both_languages():
    with Stack() as s:
        s.start()
        r = s.get("/contact")
        check(r.status == 200, "contact up -> %d" % r.status)
        stop_program(s, "contact")
        cases = [({"Accept-Language": "fr-FR,fr;q=0.9"}, "fr",
                  "La boutique revient dans un instant"),
                 ({"Accept-Language": "en-GB"}, "en",
                  "The shop will be back in a moment"),
                 ({"Accept-Language": "en", "Cookie": "souk_lang=fr"}, "fr",
                  "La boutique revient dans un instant")]
        for headers, lang, title in cases:
            r = s.get("/contact", headers=headers)
            check(r.status == 502, "stopped contact -> %d" % r.status)
            check(r.header("Retry-After") == "30",
                  "Retry-After %r" % r.header("Retry-After"))
            check(r.header("Content-Type").startswith("text/html"),
                  "type %r" % r.header("Content-Type"))
            t = r.text
            check('<html lang="%s">' % lang in t and title in t,
                  "%s page: %s" % (lang, t[:400]))
            check('href="/static/souk.css"' in t, "not in the store's design")
            check("<center>nginx" not in t and "Bad Gateway" not in t,
                  "nginx's bare page")
            for h in ("Content-Security-Policy", "X-Content-Type-Options",
                      "X-Frame-Options", "Referrer-Policy"):
                check(len(r.headers_all(h)) == 1, "%s: %r" % (
                    h, r.headers_all(h)))
        # No language known: both languages on one page.
        r = s.get("/contact", headers={"Accept-Language": "de"})
        check(r.status == 502 and r.header("Retry-After") == "30" and
              "The shop will be back" in r.text and
              "La boutique revient" in r.text, "bilingual %d" % r.status)
        # A POST to the stopped program gets the same page, the rest of
        # the store keeps working, and the page is not cached as content.
        r = s.post("/contact", {"name": "x"})
        check(r.status == 502 and "back in a moment" in r.text,
              "POST -> %d" % r.status)
        r = s.get("/")
        check(r.status == 200 and "back in a moment" not in r.text,
              "home -> %d" % r.status)
        # The static page is a file like any other, reachable directly.
        r = s.get("/errors/busy.en.html")
        check(r.status == 200, "direct -> %d" % r.status)
        # Inside its internal location only: /souk-busy is not a page.
        r = s.get("/souk-busy")
        check(r.status == 404, "/souk-busy -> %d" % r.status)


@test
def apache_answers_a_dead_program_with_the_branded_page():
    """apache.conf.example's ErrorDocument: a program that dies before
    answering (Apache's own 500) gets the busy page in the visitor's
    language with Retry-After; mod_fcgid, as installed."""
    import shutil
    import subprocess
    import tempfile
    import urllib.request
    from harness import ROOT, free_port
    top = tempfile.mkdtemp(prefix="souk-busy-apache-")
    proc = None
    try:
        os.makedirs(top + "/p/share/souk")
        os.makedirs(top + "/p/lib/souk/cgi-bin")
        os.makedirs(top + "/var/media")
        os.symlink(ROOT + "/htdocs", top + "/p/share/souk/htdocs")
        prog = top + "/p/lib/souk/cgi-bin/contact"
        with open(prog, "w") as f:
            f.write("#!/bin/sh\nexit 1\n")
        os.chmod(prog, 0o755)
        for d, _, _ in os.walk(top):
            os.chmod(d, 0o755)
        port = free_port()
        run = top + "/run"
        subprocess.run(["sh", ROOT + "/tools/apache-conf.sh", "fcgid",
                        ROOT + "/apache.conf.example", run, str(port),
                        top + "/p", top + "/var", top + "/souk.conf"],
                       check=True, capture_output=True)
        shutil.chown(run + "/fcgid", "www-data", "www-data")
        proc = subprocess.Popen(["apache2", "-f", run + "/apache2.conf",
                                 "-DFOREGROUND"], stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL)
        for _ in range(100):
            try:
                urllib.request.urlopen("http://127.0.0.1:%d/static/souk.css"
                                       % port, timeout=2)
                break
            except OSError:
                time.sleep(0.1)
        for headers, title in (
                ({"Accept-Language": "fr"}, "La boutique revient"),
                ({"Accept-Language": "en-US"}, "The shop will be back"),
                ({"Accept-Language": "en", "Cookie": "souk_lang=fr"},
                 "La boutique revient")):
            req = urllib.request.Request("http://127.0.0.1:%d/contact" % port,
                                         headers=headers)
            try:
                urllib.request.urlopen(req, timeout=10)
                raise AssertionError("a dead program answered 200")
            except urllib.error.HTTPError as e:
                body = e.read().decode()
                check(e.code == 500, "status %d" % e.code)
                check(e.headers.get("Retry-After") == "30",
                      "Retry-After %r" % e.headers.get("Retry-After"))
                check(title in body and "/static/souk.css" in body and
                      "Internal Server Error" not in body, body[:300])
    finally:
        if proc is not None:
            proc.terminate()
            proc.wait(timeout=10)
        shutil.rmtree(top, ignore_errors=True)
