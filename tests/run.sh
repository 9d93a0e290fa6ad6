#!/bin/sh
# tests/run.sh — every suite of `make test`, in order; each suite prints its
# own "<suite>: N passed, M failed" line (shown with the seconds it took)
# and this script ends with the sum:
#   N passed, M failed
# Full output of each suite is kept in tests/artifacts/<suite>.log; failing
# lines are shown here.  Run one suite by name: sh tests/run.sh e2e
set -u
ROOT=$(cd "$(dirname "$0")/.." && pwd)
ART=$ROOT/tests/artifacts
mkdir -p "$ART"
cd "$ROOT"
PY=/usr/bin/python3	# Debian's python3: it has aiosmtpd
only=${1:-}
total_pass=0 total_fail=0

# run_suite NAME COMMAND... : runs it, shows FAIL lines and its summary.
run_suite() {
  name=$1; shift
  [ -n "$only" ] && [ "$only" != "$name" ] && return 0
  printf '== %s\n' "$name"
  t0=$(date +%s)
  "$@" > "$ART/$name.log" 2>&1
  rc=$?
  secs=$(($(date +%s) - t0))
  grep -E '^(FAIL|    )' "$ART/$name.log" | head -n 60
  line=$(grep -E '^[a-z0-9-]+: [0-9]+ passed, [0-9]+ failed$' "$ART/$name.log" | tail -n 1)
  if [ -z "$line" ]; then
    echo "$name: did not finish (exit $rc); last lines:"
    tail -n 25 "$ART/$name.log"
    total_fail=$((total_fail + 1))
    return 0
  fi
  echo "$line ($secs s)"
  p=$(echo "$line" | sed -E 's/.*: ([0-9]+) passed, ([0-9]+) failed/\1/')
  f=$(echo "$line" | sed -E 's/.*: ([0-9]+) passed, ([0-9]+) failed/\2/')
  total_pass=$((total_pass + p))
  total_fail=$((total_fail + f))
}

export ASAN_OPTIONS=detect_leaks=1
# Leaks of other projects' libraries we cannot free (tests/lsan.supp).
export LSAN_OPTIONS="suppressions=$ROOT/tests/lsan.supp:print_suppressions=0"
run_suite unit build/unit-tests
SUITE_LABEL=unit-asan run_suite unit-asan build/asan/unit-tests
# Test modules run three at a time (each its own store): most of a test's
# time is waiting on processes and sockets, not CPU.
JOBS=${SOUK_E2E_JOBS:-3}
run_suite e2e $PY tests/e2e/run.py --jobs "$JOBS"
# Under AddressSanitizer a process costs about a second of CPU to start and
# leak-check at exit: its stores run one worker per program (two for
# checkout); the e2e suite above runs the same tests with two.
SOUK_E2E_WORKERS=1 SUITE_LABEL=e2e-asan run_suite e2e-asan $PY tests/e2e/run.py --bin build/asan --jobs "$JOBS"
for f in tests/suites.d/*.sh; do
  [ -f "$f" ] || continue
  n=$(basename "$f" .sh)
  run_suite "$n" sh "$f"
done

echo "$total_pass passed, $total_fail failed"
[ "$total_fail" = 0 ]
