#!/usr/bin/python3
"""bench/dashboard.py DB [BIN] — CPU of the admin worker per /admin request
on the store in DB (made with `soukctl bench-data 1000 --orders 1000000`,
then migrated by BIN's soukctl), for the ranges of docs/admin.md
"Dashboard": the real programs of BIN (default: this checkout) behind the
real nginx, one admin worker, 3 requests to warm up, then N (default 20)
per range; the worker's user + system time from /proc/<pid>/stat.

Run it on a copy of the DB: it adds a staff account
(bench-dashboard-<time>@example.com), so a store can be measured again.
Env: N (requests per range)."""
import os
import re
import sys
import time
from datetime import date, timedelta

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "tests", "e2e"))
import harness  # noqa: E402
from staff import login_as  # noqa: E402

TICK = os.sysconf("SC_CLK_TCK")


def admin_cpu(s):
    """User + system seconds of the processes running BIN's admin."""
    prog = os.path.realpath(os.path.join(s.bin, "cgi-bin", "admin"))
    total = 0
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            with open("/proc/%s/cmdline" % pid, "rb") as f:
                argv0 = f.read().split(b"\0")[0].decode()
            with open("/proc/%s/stat" % pid) as f:
                fields = f.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if os.path.realpath(argv0) == prog:
            total += int(fields[11]) + int(fields[12])
    return total / TICK


def main():
    db = os.path.abspath(sys.argv[1])
    bin_dir = os.path.abspath(sys.argv[2]) if len(sys.argv) > 2 else None
    n = int(os.environ.get("N", "20"))
    s = harness.Stack(demo=False, workers=1, bin_dir=bin_dir)
    s.env["SOUK_DB_PATH"] = db
    s.start()
    try:
        # An account of its own each run: a store used before has one.
        email = "bench-dashboard-%d@example.com" % int(time.time())
        p = s.ctl("user", "add", "--email", email, "--role", "admin",
                  "--name", "Bench dashboard")
        sh, r = login_as(s, email,
                         re.search(r"password: (\S+)", p.stdout).group(1))
        if r.status != 303:
            sys.exit("login %s: %d" % (email, r.status))
        today = date.today()
        ranges = [
            ("two years", (today - timedelta(days=730)).isoformat(),
             today.isoformat(), ""),
            ("2025-01-16 – 2026-11-15", "2025-01-16", "2026-11-15", ""),
            # Both edges on the 13th: the most pieces of blocks and days
            # (stats_span.h), and a weekly chart's range with such edges.
            ("2025-01-13 – 2026-11-13", "2025-01-13", "2026-11-13", ""),
            ("434 days, mid-month", "2025-08-13", "2026-10-20", ""),
            ("one year", "2025-03-01", "2026-02-28", ""),
            # Whole calendar years (migration 038): one, and most of one
            # (the year less its months outside).
            ("calendar year 2025", "2025-01-01", "2025-12-31", ""),
            ("2025-02-10 – 2025-11-20", "2025-02-10", "2025-11-20", ""),
            ("434 days (weeks)", (today - timedelta(days=433)).isoformat(),
             today.isoformat(), ""),
            ("two years, kind = physical",
             (today - timedelta(days=730)).isoformat(), today.isoformat(),
             "&kind=physical"),
            ("62 days (days)", (today - timedelta(days=61)).isoformat(),
             today.isoformat(), ""),
            ("30 days", (today - timedelta(days=29)).isoformat(),
             today.isoformat(), ""),
            ("11 days", (today - timedelta(days=10)).isoformat(),
             today.isoformat(), ""),
        ]
        for name, a, b, extra in ranges:
            path = "/admin?from=%s&to=%s%s" % (a, b, extra)
            for _ in range(3):
                r = sh.get(path)
                if r.status != 200:
                    raise SystemExit("%s: %r" % (path, r))
            c0, t0 = admin_cpu(s), time.time()
            for _ in range(n):
                sh.get(path)
            c1, t1 = admin_cpu(s), time.time()
            print("%-28s %s – %s  worker CPU %.1f ms/request  (wall %.1f ms)"
                  % (name, a, b, (c1 - c0) * 1000 / n, (t1 - t0) * 1000 / n),
                  flush=True)
    finally:
        s.stop()


if __name__ == "__main__":
    main()
