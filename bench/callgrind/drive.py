#!/usr/bin/python3
"""drive.py BASE PROG N OUT — the requests of bench/callgrind/profile.sh.
For each path: a warm-up, callgrind_control --zero on PROG's processes, N
requests one after another on one keep-alive connection, --dump, and the
Ir per request summed over the dumps.  ONLY=search-uncached (a comma
list of the names printed) measures those paths alone.  Standard library
only."""
import glob
import http.client
import os
import re
import subprocess
import sys
import urllib.parse

from cgdump import dump_total

base, prog, n, out = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
# ONLY=name,name: measure those paths only (e.g. ONLY=search-uncached).
only = set(filter(None, os.environ.get("ONLY", "").split(",")))
u = urllib.parse.urlsplit(base)
origin = "%s://%s" % (u.scheme, u.netloc)


def pids():
    """The callgrind processes running cgi-bin/PROG."""
    found = []
    for d in os.listdir("/proc"):
        if not d.isdigit():
            continue
        try:
            with open("/proc/%s/cmdline" % d, "rb") as f:
                argv = f.read().split(b"\0")
        except OSError:
            continue
        if b"--tool=callgrind" in argv and \
                any(a.endswith(b"/cgi-bin/" + prog.encode()) for a in argv):
            found.append(d)
    # The supervisor's workers are its children (fork keeps callgrind).
    for d in list(found):
        try:
            with open("/proc/%s/task/%s/children" % (d, d)) as f:
                found += [k for k in f.read().split() if k not in found]
        except OSError:
            pass
    return found


def control(flag):
    for p in pids():
        subprocess.run(["callgrind_control", flag, p],
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def inclusive(r, fn):
    """Inclusive Ir of function fn (file.c:name) in annotate output r."""
    m = re.search(r"^\s*([\d,]+) \([^)]*\)\s+\S*%s " % re.escape(fn), r,
                  re.M)
    return int(m.group(1).replace(",", "")) if m else 0


def reloads(f):
    """Ir of the once-a-second refreshes in dump f, which valgrind's
    slowness makes look like a per-request cost, so they are shown apart:
    (the header's category tree, nav_put; that and the misses of the
    category pages' facet counts, catalog.c's db_listing_facets calls)."""
    r = subprocess.run(["callgrind_annotate", "--inclusive=yes", f], cwd="/",
                       capture_output=True, text=True).stdout
    nav = inclusive(r, "nav.c:nav_put")
    return nav, nav + inclusive(r, "db_catalog.c:db_listing_facets")


def collect(name):
    """Sums and renames the dumps written since the last call: (total,
    of which category tree reloads, of which all refreshes)."""
    total = nav = fresh = 0
    for f in glob.glob(os.path.join(out, "cg.*.*")):
        a, b = reloads(f)
        nav += a
        fresh += b
        total += dump_total(f)
        os.rename(f, os.path.join(out, "%s.%s" % (name, os.path.basename(f))))
    return total, nav, fresh


class Client:
    def __init__(self):
        self.conn = http.client.HTTPConnection(u.hostname, u.port, timeout=120)

    def req(self, method, path, body=None, headers=None):
        h = dict(headers or {})
        if body is not None:
            h["Content-Type"] = "application/x-www-form-urlencoded"
            h["Origin"] = origin
        self.conn.request(method, path, body=body, headers=h)
        r = self.conn.getresponse()
        data = r.read().decode("utf-8", "replace")
        return r, data


def measure(name, one, count=n, per=1, warm=10):
    """Ir per request of count calls of one(), each making per requests,
    after warm calls."""
    if only and name not in only:
        return
    for _ in range(warm):
        one()
    control("--zero")
    for _ in range(count):
        one()
    control("--dump")
    ir, nav, fresh = collect(name)
    count *= per
    print("%-22s Ir/request %9d  without tree reloads %9d  without "
          "refreshes %9d  (%d requests)" % (name, ir // count,
                                           (ir - nav) // count,
                                           (ir - fresh) // count, count))
    sys.stdout.flush()


def get(path, cookie=None, want=200):
    c = Client()
    hdr = {"Cookie": cookie} if cookie else {}

    def one():
        r, _ = c.req("GET", path, headers=hdr)
        if r.status != want:
            sys.exit("%s: status %d" % (path, r.status))
    return one


def field(body, k):
    m = re.search(r'name="%s" value="([^"]+)"' % k, body)
    return m.group(1) if m else None


def new_cart(c, pid, plan):
    r, _ = c.req("POST", "/cart/add", "product=%s&plan=%s" % (pid, plan))
    m = re.search(r"souk_cart=([\w-]+)", r.getheader("Set-Cookie") or "")
    return "souk_cart=" + m.group(1)


if prog == "catalog":
    measure("category-uncached", get("/c/bench-1"))
    measure("product-uncached", get("/p/bench-5000"))
    measure("product-demo", get("/p/iptv-gold-4k"))
    with open(os.path.join(out, "reviewed")) as f:
        measure("product-reviews", get("/p/" + f.read().strip()))
    measure("search-uncached", get("/search?q=premium+stream"))
    c = Client()
    _, page = c.req("GET", "/p/iptv-gold-4k")
    cart = new_cart(c, field(page, "product"), field(page, "plan"))
    measure("category-with-cart", get("/c/bench-1", cart))
    measure("product-with-cart", get("/p/bench-5000", cart))
elif prog == "checkout":
    c = Client()
    _, page = c.req("GET", "/p/iptv-gold-4k")
    pid, plan = field(page, "product"), field(page, "plan")
    # place-order-batch: BATCH shoppers at once (each its own
    # connection), so the worker finds them waiting and places them in
    # batches (lib/web/app_batch.c) as under load; BATCH=0 skips it.
    batch = int(os.environ.get("BATCH", "16"))
    rounds = max(1, n // batch) if batch else 0
    forms = []
    for _ in range(n + 10 + (rounds + 2) * batch):
        cookie = new_cart(c, pid, plan)
        _, body = c.req("GET", "/checkout", headers={"Cookie": cookie})
        forms.append((cookie, {k: field(body, k)
                               for k in ("csrf", "idem", "rev", "seen")}))
    it = iter(forms)

    def place_with(conn, form):
        cookie, f = form
        body = ("csrf=%(csrf)s&idem=%(idem)s&rev=%(rev)s&seen=%(seen)s" % f +
                "&name=Bench+Shopper&email=bench%40example.com&country=TN"
                "&phone=20123456&payment=bank&terms=1&op=place")
        r, _ = conn.req("POST", "/checkout", body, {"Cookie": cookie})
        if r.status != 303 or "/order/" not in (r.getheader("Location") or ""):
            sys.exit("place-order: status %d" % r.status)

    def place():
        place_with(c, next(it))
    measure("place-order", place)
    if batch:
        import threading
        conns = [Client() for _ in range(batch)]

        def place_batch():
            ts = [threading.Thread(target=place_with, args=(k, next(it)))
                  for k in conns]
            for t in ts:
                t.start()
            for t in ts:
                t.join()
        measure("place-order-batch", place_batch, rounds, batch, 2)
    cookie = new_cart(c, pid, plan)
    measure("checkout-form", get("/checkout", cookie))
else:
    sys.exit("drive.py: catalog or checkout")
