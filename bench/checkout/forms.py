#!/usr/bin/python3
"""forms.py BASE_URL IN OUT N — benchmark setup (not measured): fetches the
checkout form of the first N carts listed in IN.1 and IN.2 (one cookie per
line) and writes "cookie csrf idem rev seen" lines to OUT.1 and OUT.2 for
place.lua.  Several keep-alive connections in threads; standard library
only."""
import http.client
import re
import sys
import threading
import urllib.parse

base, src, dst, n = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
u = urllib.parse.urlsplit(base)
FIELD = {k: re.compile(r'name="%s" value="([^"]+)"' % k)
         for k in ("csrf", "idem", "rev", "seen")}


def fetch(carts, out, lock):
    conn = http.client.HTTPConnection(u.hostname, u.port or 80, timeout=30)
    for c in carts:
        for attempt in range(2):
            try:
                conn.request("GET", "/checkout",
                             headers={"Cookie": "souk_cart=" + c})
                r = conn.getresponse()
                body = r.read().decode("utf-8", "replace")
                break
            except (http.client.HTTPException, OSError):
                conn.close()
                conn = http.client.HTTPConnection(u.hostname, u.port or 80,
                                                  timeout=30)
        else:
            continue
        m = {k: rx.search(body) for k, rx in FIELD.items()}
        if r.status == 200 and all(m.values()):
            with lock:
                out.append("%s %s %s %s %s\n" % (c, m["csrf"].group(1),
                           m["idem"].group(1), m["rev"].group(1),
                           m["seen"].group(1)))
    conn.close()


for part in ("1", "2"):
    with open(src + "." + part) as f:
        carts = [line.strip() for line in f if line.strip()][:n]
    out, lock, threads = [], threading.Lock(), []
    for i in range(8):
        t = threading.Thread(target=fetch, args=(carts[i::8], out, lock))
        t.start()
        threads.append(t)
    for t in threads:
        t.join()
    with open(dst + "." + part, "w") as f:
        f.writelines(out)
