#!/usr/bin/python3
"""run.py [--bin DIR] [--jobs N] [FILTER] — runs every @test in
tests/e2e/test_*.py against the real stack; prints one line per test and
"e2e: N passed, M failed" last.

--jobs N (or SOUK_E2E_JOBS=N) runs the test modules in N processes at once,
each module with its own shared store, the longest first; a module's lines
are printed together when it ends.  --module NAME runs one module (what each
of those processes does)."""
import atexit
import importlib.util
import os
import re
import shutil
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
# The files `soukctl init` and `demo` make, kept for the stores of this run
# that would make the same ones (harness.Stack.seed); the process that made
# the directory removes it.
if not os.environ.get("SOUK_E2E_SEEDS"):
    os.environ["SOUK_E2E_SEEDS"] = tempfile.mkdtemp(prefix="souk-e2e-seeds-")
    atexit.register(shutil.rmtree, os.environ["SOUK_E2E_SEEDS"], True)
flt = args[0] if args else None
modules = sorted(n[:-3] for n in os.listdir(HERE)
                 if n.startswith("test_") and n.endswith(".py"))

# The modules that take longest start first, so the last to end is short.
LONGEST = ("test_deploy", "test_order_races", "test_backup", "test_modes",
           "test_subscriptions", "test_download", "test_hardening",
           "test_mail", "test_account", "test_soukctl", "test_purchase_mail",
           "test_order_limits", "test_admin_delivery", "test_checkout")


def run_parallel():
    """Runs each module in its own process, jobs at once; returns the
    exit status after printing every module's lines and the sum."""
    todo = sorted(modules, key=lambda m: (m not in LONGEST,
                  LONGEST.index(m) if m in LONGEST else 0, m))
    running, passed, failed = [], 0, 0
    summary = re.compile(r"^%s: (\d+) passed, (\d+) failed$" % re.escape(label),
                         re.M)
    while todo or running:
        while todo and len(running) < jobs:
            m = todo.pop(0)
            cmd = [sys.executable, os.path.abspath(__file__)] + bin_args + \
                ["--module", m] + ([flt] if flt else [])
            out = tempfile.TemporaryFile()  # a pipe could fill and block it
            running.append((m, out, subprocess.Popen(
                cmd, stdout=out, stderr=subprocess.STDOUT)))
        time.sleep(0.2)
        for m, outf, proc in list(running):
            if proc.poll() is None:
                continue
            running.remove((m, outf, proc))
            outf.seek(0)
            out = outf.read().decode("utf-8", "replace")
            outf.close()
            got = summary.findall(out)
            body = summary.sub("", out).rstrip("\n")
            if body:
                print(body, flush=True)
            if got:
                passed += int(got[-1][0])
                failed += int(got[-1][1])
            else:
                failed += 1
                print("FAIL %s: the module's process ended (exit %s) "
                      "without a summary" % (m, proc.returncode), flush=True)
    print("%s: %d passed, %d failed" % (label, passed, failed))
    return 1 if failed else 0


if jobs > 1 and module is None:
    sys.exit(run_parallel())

import harness  # noqa: E402  (after SOUK_BIN is set)

for name in modules:
    if module is not None and name != module:
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
    if module is not None and fn.__module__ != module:
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
    name += "[%s]" % module
if reports:
    failed += 1
    print("FAIL %s:\n%s" % (name, "\n".join(reports)[:5000]))
else:
    passed += 1
    print("ok   %s" % name)
print("%s: %d passed, %d failed" % (label, passed, failed))
sys.exit(1 if failed else 0)
