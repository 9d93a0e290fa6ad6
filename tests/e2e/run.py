#!/usr/bin/python3
"""run.py [--bin DIR] [--jobs N] [FILTER] — runs every @test in
tests/e2e/test_*.py against the real stack; prints one line per test and
"e2e: N passed, M failed" last.

--jobs N (or SOUK_E2E_JOBS=N) shares the test modules out to N processes run
at once, each with its own shared store; a process's lines are printed
together when it ends.  --module A,B runs those modules only (what each of
those processes does)."""
import importlib.util
import os
import re
import subprocess
import sys
import tempfile
import time
import traceback

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

args = sys.argv[1:]
bin_args = []
jobs = int(os.environ.get("SOUK_E2E_JOBS", "1"))
module = None
while len(args) >= 2 and args[0] in ("--bin", "--jobs", "--module"):
    if args[0] == "--bin":
        os.environ["SOUK_BIN"] = os.path.abspath(args[1])
        bin_args = ["--bin", os.environ["SOUK_BIN"]]
    elif args[0] == "--jobs":
        jobs = int(args[1])
    else:
        module = args[1]
    args = args[2:]
label = os.environ.get("SUITE_LABEL", "e2e")
flt = args[0] if args else None
modules = sorted(n[:-3] for n in os.listdir(HERE)
                 if n.startswith("test_") and n.endswith(".py"))

# Rough seconds per module (a plain run on two cores), to share the modules
# out evenly; a module not named here counts 5.
COST = {"test_deploy": 60, "test_order_races": 35, "test_modes": 30,
        "test_backup": 25, "test_mail": 25, "test_account": 25,
        "test_subscriptions": 20, "test_hardening": 20, "test_download": 15,
        "test_soukctl": 15, "test_checkout": 15, "test_purchase_mail": 12,
        "test_order_limits": 12, "test_admin_delivery": 12,
        "test_reviews": 10, "test_catalog": 10, "test_payments": 10}


def shards(n):
    """The modules shared out into n lists of about equal cost."""
    out, load = [[] for _ in range(n)], [0] * n
    for m in sorted(modules, key=lambda m: (-COST.get(m, 5), m)):
        k = load.index(min(load))
        out[k].append(m)
        load[k] += COST.get(m, 5)
    return out


def run_parallel():
    """Runs the modules in jobs processes at once, each with its own shared
    store (one start-up per process, not per module); prints each process's
    lines when it ends, then the sum.  Returns the exit status."""
    summary = re.compile(r"^%s: (\d+) passed, (\d+) failed$" % re.escape(label),
                         re.M)
    procs = []
    for group in shards(jobs):
        out = tempfile.TemporaryFile()
        cmd = [sys.executable, os.path.abspath(__file__)] + bin_args + \
            ["--module", ",".join(group)] + ([flt] if flt else [])
        procs.append((group, out, subprocess.Popen(
            cmd, stdout=out, stderr=subprocess.STDOUT)))
    passed = failed = 0
    for group, out, proc in procs:
        proc.wait()
        out.seek(0)
        text = out.read().decode("utf-8", "replace")
        got = summary.findall(text)
        body = summary.sub("", text).rstrip("\n")
        if body:
            print(body, flush=True)
        if got:
            passed += int(got[-1][0])
            failed += int(got[-1][1])
        else:
            failed += 1
            print("FAIL %s: the process ended (exit %s) without a summary"
                  % (",".join(group), proc.returncode), flush=True)
    print("%s: %d passed, %d failed" % (label, passed, failed))
    return 1 if failed else 0


if jobs > 1 and module is None:
    sys.exit(run_parallel())

import harness  # noqa: E402  (after SOUK_BIN is set)

for name in modules:
    if module is not None and name not in module.split(","):
        continue
    if name in sys.modules:  # imported by a module loaded before it
        continue
    spec = importlib.util.spec_from_file_location(name,
                                                  os.path.join(HERE, name + ".py"))
    mod = importlib.util.module_from_spec(spec)
    sys.modules[name] = mod
    spec.loader.exec_module(mod)

passed = failed = 0
for fn in harness.TESTS:
    name = "%s.%s" % (fn.__module__, fn.__name__)
    if flt and flt not in name:
        continue
    if module is not None and fn.__module__ not in module.split(","):
        continue
    t0 = time.time()
    try:
        fn()
        passed += 1
        print("ok   %s (%.1fs)" % (name, time.time() - t0), flush=True)
    except Exception as e:  # a failing test must not stop the others
        failed += 1
        print("FAIL %s: %s" % (name, e), flush=True)
        if not isinstance(e, AssertionError):
            traceback.print_exc()

reports = harness.shared_cleanup()
if module is not None and passed + failed == 0 and not reports:
    print("%s: 0 passed, 0 failed" % label)
    sys.exit(0)
name = "%s.sanitizers_and_clean_shutdown" % label
if module is not None:
    name += "[%s]" % module.split(",")[0]
if reports:
    failed += 1
    print("FAIL %s:\n%s" % (name, "\n".join(reports)[:5000]))
else:
    passed += 1
    print("ok   %s" % name)
print("%s: %d passed, %d failed" % (label, passed, failed))
sys.exit(1 if failed else 0)
