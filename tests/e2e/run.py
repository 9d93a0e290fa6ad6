#!/usr/bin/python3
"""run.py [--bin DIR] [FILTER] — runs every @test in tests/e2e/test_*.py
against the real stack; prints one line per test and
"e2e: N passed, M failed" last."""
import importlib.util
import os
import sys
import time
import traceback

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

args = sys.argv[1:]
if len(args) >= 2 and args[0] == "--bin":
    os.environ["SOUK_BIN"] = os.path.abspath(args[1])
    args = args[2:]
label = os.environ.get("SUITE_LABEL", "e2e")
flt = args[0] if args else None

import harness  # noqa: E402  (after SOUK_BIN is set)

for name in sorted(os.listdir(HERE)):
    if name.startswith("test_") and name.endswith(".py"):
        spec = importlib.util.spec_from_file_location(name[:-3],
                                                      os.path.join(HERE, name))
        mod = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(mod)

passed = failed = 0
for fn in harness.TESTS:
    name = "%s.%s" % (fn.__module__, fn.__name__)
    if flt and flt not in name:
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
name = "%s.sanitizers_and_clean_shutdown" % label
if reports:
    failed += 1
    print("FAIL %s:\n%s" % (name, "\n".join(reports)[:5000]))
else:
    passed += 1
    print("ok   %s" % name)
print("%s: %d passed, %d failed" % (label, passed, failed))
sys.exit(1 if failed else 0)
