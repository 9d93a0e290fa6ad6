#!/usr/bin/python3
"""nginx_drive.py BASE PID N OUT REVIEWED — the requests of
bench/callgrind/nginx.sh.  For each path: a warm-up (the first request
fills the micro-cache), callgrind_control --zero on nginx (PID, one
process), N requests one after another on one keep-alive connection,
--dump, and nginx's Ir per request.  nginx runs as shipped (X-Cache
hidden), so a hit is checked on the catalog workers instead: a cached
path whose N requests cost them CPU (/proc) is refused, the count would
be a worker's round trip, not a hit.  Standard library only."""
import glob
import http.client
import os
import subprocess
import sys
import urllib.parse

from cgdump import dump_total

base, pid, n, out, reviewed, run = sys.argv[1:7]
n = int(n)
u = urllib.parse.urlsplit(base)
GZ = {"Accept-Encoding": "gzip, deflate, br"}


def worker_ticks():
    """utime + stime (clock ticks) of the catalog workers of RUN."""
    t = 0
    for d in os.listdir("/proc"):
        try:
            with open("/proc/%s/cmdline" % d, "rb") as f:
                argv = f.read().split(b"\0")
            if not (argv[0].endswith(b"/cgi-bin/catalog") and
                    any(a.startswith(b"unix:" + run.encode()) for a in argv)):
                continue
            with open("/proc/%s/stat" % d) as f:
                t += sum(int(x) for x in f.read().rsplit(")", 1)[1].split()[11:13])
        except (OSError, IndexError):
            continue
    return t


def dump_ir(name):
    """Dumps the counters and returns the Ir counted since the last zero
    (the dump file is kept as OUT/NAME.cg for callgrind_annotate)."""
    for f in glob.glob(os.path.join(out, "cg.out.*")):
        os.unlink(f)
    subprocess.run(["callgrind_control", "--dump", pid],
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                   check=True)
    total = 0
    for f in glob.glob(os.path.join(out, "cg.out.*")):
        total += dump_total(f)
        os.rename(f, os.path.join(out, name + ".cg"))
    return total


def measure(name, path, headers=None, cached=True):
    c = http.client.HTTPConnection(u.hostname, u.port, timeout=300)
    h = dict(headers or {})

    def one():
        # What wrk sends: Host and the given headers, no Accept-Encoding
        # of http.client's own (nginx's maps read it).
        c.putrequest("GET", path, skip_accept_encoding=True)
        for k, v in h.items():
            c.putheader(k, v)
        c.endheaders()
        r = c.getresponse()
        r.read()
        if r.status != 200:
            sys.exit("%s: status %d" % (path, r.status))
        return r
    for _ in range(20):
        one()
    t0 = worker_ticks()
    subprocess.run(["callgrind_control", "--zero", pid],
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                   check=True)
    for _ in range(n):
        one()
    ir = dump_ir(name)
    c.close()
    if cached and worker_ticks() - t0 > 2:
        sys.exit("%s: the workers rendered it (not micro-cache hits)" % path)
    print("%-16s nginx Ir/request %7d  (%d requests)" % (name, ir // n, n))
    sys.stdout.flush()


measure("static", "/media/static-category.html", cached=False)
measure("category", "/c/bench-1")
measure("product", "/p/bench-5000")
measure("product-reviews", "/p/" + reviewed)
measure("search", "/search?q=premium+stream")
measure("static-gzip", "/media/static-category.html", GZ, cached=False)
measure("category-gzip", "/c/bench-1", GZ)
