"""Drop-in deployment, as docs/deploy.md tells a hosting provider: `make
install DESTDIR=...` into a temporary root, the store's directories with the
documented owners and modes, a real souk.conf made from the example, and the
shopper journey (catalog, cart, checkout, a 1 MB proof, a too-large proof,
contact) against the installed binaries behind a private nginx with the
example configuration, a private Apache with mod_fcgid and a private Apache
running the programs as plain CGI.  Everything runs as www-data, as on a
server.  The systemd units pass `systemd-analyze verify`."""
import os
import shutil
import subprocess
import tempfile
import time
import urllib.parse

import harness
from harness import ROOT, Stack, test, check, free_port
from mailtest import form_token, contact_fields
import shop

WWW = "www-data"


def run(cmd, env=None, as_www=False, **kw):
    if as_www:
        cmd = ["setpriv", "--reuid", WWW, "--regid", WWW, "--init-groups",
               "--"] + cmd
    p = subprocess.run(cmd, env=env, capture_output=True, text=True,
                       timeout=300, **kw)
    check(p.returncode == 0, "%s failed (%d): %s%s" % (" ".join(cmd),
          p.returncode, p.stdout[-2000:], p.stderr[-2000:]))
    return p


class Installed:
    """make install into a temporary root plus the store's directories."""

    def __init__(self):
        self.top = tempfile.mkdtemp(prefix="souk-deploy-")
        os.chmod(self.top, 0o755)
        self.dest = os.path.join(self.top, "root")
        self.prefix = self.dest + "/usr/local"
        if os.path.abspath(harness.BIN) == ROOT:
            run(["make", "--no-print-directory", "install",
                 "DESTDIR=" + self.dest], cwd=ROOT)
        else:   # the ASan run: the same script with the ASan binaries
            run(["sh", "tools/install.sh", "install"], cwd=ROOT, env=dict(
                os.environ, DESTDIR=self.dest, PREFIX="/usr/local",
                BINDIR=harness.BIN))
        self.share = self.prefix + "/share/souk"
        # docs/deploy.md: /var/lib/souk 0750 www-data, the rest created by
        # soukctl init and the programs.
        self.var = os.path.join(self.top, "var-lib-souk")
        os.makedirs(os.path.join(self.var, "media"))
        os.chmod(self.var, 0o750)
        shutil.chown(self.var, WWW, WWW)
        shutil.chown(os.path.join(self.var, "media"), WWW, WWW)
        self.env = dict(os.environ)
        for k in list(self.env):
            if k.startswith("SOUK_"):
                del self.env[k]

    def conf(self, name, base):
        """A souk.conf from the installed example, its placeholders filled
        in; returns its path."""
        with open(self.share + "/souk.conf.example") as f:
            text = f.read()
        repl = {
            "/var/lib/souk": self.var,
            "/usr/local/share/souk": self.share,
            "https://shop.example.com": base,
            "<My Store>": "Deploy Test",
            "<orders@shop.example.com>": "orders@example.com",
            "<shop@shop.example.com>": "shop@example.com",
            "smtp_port = 25": "smtp_port = %d" % self.smtp,
            "smtp_starttls = if-available": "smtp_starttls = never",
            "# pay_bank_name = <your bank>": "pay_bank_name = Banque de Test",
            "# pay_bank_holder = <account holder>": "pay_bank_holder = Test SARL",
            "# pay_bank_iban = <IBAN>": "pay_bank_iban = TN59 1000 6035 1835 9847 8831",
        }
        for a, b in repl.items():
            check(a in text, "souk.conf.example has no %r" % a)
            text = text.replace(a, b)
        path = os.path.join(self.top, name + ".conf")
        with open(path, "w") as f:
            f.write(text)
        os.chmod(path, 0o640)
        shutil.chown(path, "root", WWW)
        return path

    def ctl(self, conf, *args):
        return run([self.prefix + "/bin/soukctl"] + list(args),
                   env=dict(self.env, SOUK_CONF=conf), as_www=True)


class Remote(Stack):
    """A Stack-like handle (HTTP helpers, database path) on a server we
    started ourselves."""

    def __init__(self, port, db_path, inst):
        self.port = port
        self.base = "http://127.0.0.1:%d" % port
        self.env = {"SOUK_DB_PATH": db_path, "SOUK_BIN": inst.prefix}
        self.started = False
        self.dir = inst.top


def wait_http(port, what, logs):
    for _ in range(100):
        try:
            r = harness.Stack.request(Remote(port, "", DummyInst), "GET",
                                      "/static/souk.css", timeout=2)
            if r.status == 200:
                return
        except OSError:
            pass
        time.sleep(0.1)
    text = ""
    for l in logs:
        if os.path.exists(l):
            with open(l, errors="replace") as f:
                text += f.read()[-2000:]
    raise harness.Fail("%s did not start:\n%s" % (what, text))


class DummyInst:
    prefix = ""
    top = ""


def journey(s, what):
    """The shopper journey on s; fails with `what` in the message."""
    r = s.get("/")
    check(r.status == 200 and "<html" in r.text, "%s: home -> %d" % (what, r.status))
    check(s.get("/c/music").status == 200, what + ": category")
    r = s.get("/p/spotify-premium")
    check(r.status == 200 and "Spotify" in r.text, what + ": product")
    r = s.get("/no-such-page")
    check(r.status == 404 and 'lang="' in r.text, "%s: the store's 404 -> %d"
          % (what, r.status))
    has_headers = r.header("X-Content-Type-Options") == "nosniff"
    check(has_headers, what + ": 404 without nosniff")
    r = s.get("/static/souk.css")
    check(r.status == 200 and r.headers_all("X-Content-Type-Options") ==
          ["nosniff"], what + ": static file headers %r" % r.headers)
    b = shop.Shopper(s)
    r = b.add("spotify-premium")
    check(r.status == 303, "%s: add to cart -> %d" % (what, r.status))
    r = b.place(dict(shop.ADDRESS))
    tok = shop.order_token(r)
    big = shop.PNG + b"\0" * (1024 * 1024)
    r = shop.upload(b, tok, [("proof", "receipt.png", "image/png", big)])
    check(r.status in (200, 303), "%s: 1 MB proof -> %d %s" % (
        what, r.status, shop.strip(r.text)[:300]))
    n = shop.one(s, "SELECT count(*) FROM payment_proofs p JOIN orders o "
                 "ON o.id = p.order_id WHERE o.token = ?", tok)
    check(n == 1, "%s: proof not stored (%r)" % (what, n))
    huge = shop.PNG + b"\0" * (9 * 1024 * 1024)
    r = shop.upload(b, tok, [("proof", "big.png", "image/png", huge)])
    check(r.status == 413, "%s: 9 MB proof -> %d" % (what, r.status))
    tok2, cookie = form_token(s)
    r = s.post("/contact", dict(contact_fields(), csrf=tok2),
               headers={"Cookie": cookie})
    check(r.status == 303, "%s: contact -> %d" % (what, r.status))


@test
def installed_store_behind_nginx_apache_fcgid_and_cgi():
    inst = Installed()
    sink = harness.SmtpSink()
    inst.smtp = sink.port
    procs = []
    try:
        ports = {"nginx": free_port(), "fcgid": free_port(), "cgi": free_port()}
        confs = {k: inst.conf(k, "http://127.0.0.1:%d" % p)
                 for k, p in ports.items()}
        inst.ctl(confs["nginx"], "init")
        inst.ctl(confs["nginx"], "demo")
        dbp = os.path.join(inst.var, "souk.db")
        # nginx: the programs self-listening as www-data, nginx's example
        # configuration as installed.
        run_dir = os.path.join(inst.top, "nginx")
        sock = os.path.join(run_dir, "sock")
        os.makedirs(sock)
        shutil.chown(run_dir, WWW, WWW)
        shutil.chown(sock, WWW, WWW)
        progs = sorted(os.listdir(inst.prefix + "/lib/souk/cgi-bin"))
        check(progs == ["account", "admin", "cart", "catalog", "checkout",
                        "contact", "download", "hooks", "pages", "track",
                        "wishlist"],
              repr(progs))
        env = dict(inst.env, SOUK_CONF=confs["nginx"])
        for p in progs:
            log = open(os.path.join(inst.top, p + ".log"), "ab")
            procs.append(subprocess.Popen(
                ["setpriv", "--reuid", WWW, "--regid", WWW, "--init-groups",
                 "--", inst.prefix + "/lib/souk/cgi-bin/" + p, "--listen",
                 "unix:%s/%s.sock" % (sock, p), "--workers", "1"],
                env=env, stdout=subprocess.DEVNULL, stderr=log))
        run(["sh", ROOT + "/tools/nginx-conf.sh", ROOT, run_dir,
             str(ports["nginx"])], env=dict(
            os.environ, SOUK_EXAMPLES=inst.share, NGINX_USER=WWW,
            NGINX_WORKERS="1", SOUK_HTDOCS=inst.share + "/htdocs"))
        procs.append(subprocess.Popen(
            ["nginx", "-p", run_dir, "-c", run_dir + "/nginx.conf", "-e",
             run_dir + "/logs/nginx-error.log", "-g", "daemon off;"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
        for _ in range(100):
            if all(os.path.exists("%s/%s.sock" % (sock, p)) for p in progs):
                break
            time.sleep(0.1)
        wait_http(ports["nginx"], "nginx", [run_dir + "/logs/nginx-error.log"])
        journey(Remote(ports["nginx"], dbp, inst), "nginx")
        # Apache with mod_fcgid, then Apache with plain CGI (mod_cgid).
        for mode in ("fcgid", "cgi"):
            adir = os.path.join(inst.top, "apache-" + mode)
            os.makedirs(adir)
            run(["sh", ROOT + "/tools/apache-conf.sh", mode,
                 inst.share + "/apache.conf.example", adir, str(ports[mode]),
                 inst.prefix, inst.var, confs[mode]])
            shutil.chown(os.path.join(adir, "fcgid"), WWW, WWW)
            run(["apache2", "-f", adir + "/apache2.conf", "-t"])
            procs.append(subprocess.Popen(
                ["apache2", "-f", adir + "/apache2.conf", "-DFOREGROUND"],
                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
            wait_http(ports[mode], "apache " + mode, [adir + "/logs/error.log"])
            journey(Remote(ports[mode], dbp, inst), "apache " + mode)
        # Mail: the sender delivers what the three journeys queued (CGI
        # leaves it to the sender).
        inst.ctl(confs["nginx"], "mail", "run")
        check(len(sink.wait(6)) >= 6, "mails delivered: %d" % len(sink.messages))
        p = subprocess.run(["setpriv", "--reuid", WWW, "--regid", WWW,
                            "--init-groups", "--", inst.prefix + "/bin/soukctl",
                            "check"], env=dict(inst.env, SOUK_CONF=confs["nginx"]),
                           capture_output=True, text=True)
        check(p.returncode == 0, "soukctl check after the journeys (%d):\n%s%s"
              % (p.returncode, p.stdout, p.stderr))
    finally:
        for p in procs:
            p.terminate()
        for p in procs:
            try:
                p.wait(timeout=10)
            except subprocess.TimeoutExpired:
                p.kill()
        sink.stop()
        if not os.environ.get("SOUK_KEEP"):
            shutil.rmtree(inst.top, ignore_errors=True)


@test
def systemd_units_pass_systemd_analyze_verify():
    top = tempfile.mkdtemp(prefix="souk-units-")
    try:
        # Installed with PREFIX inside the temporary folder, so the
        # ExecStart= programs exist where the units say.
        prefix = top + "/prefix"
        run(["sh", "tools/install.sh", "install"], cwd=ROOT, env=dict(
            os.environ, PREFIX=prefix, DESTDIR="", BINDIR=harness.BIN))
        units = prefix + "/lib/systemd/system"
        names = sorted(os.listdir(units))
        check(names == ["souk-backup.service", "souk-backup.timer",
                        "souk-cron.service", "souk-cron.timer",
                        "souk-mail.service", "souk@.service",
                        "souk@checkout.service.d"], repr(names))
        check(os.listdir(units + "/souk@checkout.service.d") ==
              ["workers.conf"], "checkout's drop-in")
        names.remove("souk@checkout.service.d")
        args = [units + "/souk@%s.service" % p for p in
                ("catalog", "cart", "checkout", "contact")]
        args += [units + "/" + n for n in names if "@" not in n]
        p = subprocess.run(["systemd-analyze", "verify"] + args, cwd=top,
                           capture_output=True, text=True, timeout=120)
        check(p.returncode == 0 and not p.stdout.strip() and
              not p.stderr.strip(), "systemd-analyze verify (%d):\n%s%s" % (
                  p.returncode, p.stdout, p.stderr))
        # The installed units name the installed paths.
        with open(units + "/souk@.service") as f:
            text = f.read()
        check(prefix + "/lib/souk/cgi-bin/%i --listen unix:/run/souk/%i.sock"
              in text and "@" + "PREFIX" not in text, "unit paths")
        # uninstall removes exactly what install put there.
        run(["sh", "tools/install.sh", "uninstall"], cwd=ROOT,
            env=dict(os.environ, PREFIX=prefix, DESTDIR=""))
        left = [os.path.join(d, f) for d, _, fs in os.walk(prefix) for f in fs]
        check(not left, "uninstall left %r" % left[:5])
        check(not os.path.exists(units + "/souk@checkout.service.d"),
              "uninstall left the drop-in folder")
    finally:
        shutil.rmtree(top, ignore_errors=True)
