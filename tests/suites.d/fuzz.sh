#!/bin/sh
# fuzz.sh — the libFuzzer targets of tests/fuzz/ (request parsers), built
# with clang + AddressSanitizer + UBSan and run briefly: FUZZ_SECONDS in
# total (default 20), shared between the targets, starting from the seeds
# in tests/fuzz/corpus/<target>/.  What the runs discover goes to
# tests/artifacts/fuzz/<target>/ (the seeds are never written to); a crash
# leaves its input in tests/artifacts/fuzz/ and fails the target.
# Prints "ok NAME" / "FAIL NAME: why" and "fuzz: N passed, M failed".
# Longer runs: tests/fuzz/README.md.
set -u
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
ART=$ROOT/tests/artifacts/fuzz
cd "$ROOT"
mkdir -p "$ART"
pass=0 fail=0
if ! make -s fuzz > "$ART/build.log" 2>&1; then
  echo "FAIL build: make fuzz (see tests/artifacts/fuzz/build.log)"
  tail -n 20 "$ART/build.log"
  echo "fuzz: 0 passed, 1 failed"
  exit 1
fi
targets=$(ls build/fuzz/fuzz_* 2>/dev/null)
count=$(echo "$targets" | wc -w)
[ "$count" -gt 0 ] || { echo "fuzz: 0 passed, 1 failed"; exit 1; }
total=${FUZZ_SECONDS:-20}
per=$((total / count)); [ "$per" -ge 1 ] || per=1
for t in $targets; do
  name=$(basename "$t" | sed 's/^fuzz_//')
  work=$ART/$name
  mkdir -p "$work"
  dict=""
  [ -f "tests/fuzz/$name.dict" ] && dict="-dict=tests/fuzz/$name.dict"
  # shellcheck disable=SC2086
  "$t" -max_total_time="$per" -timeout=5 -rss_limit_mb=2048 -max_len=65536 \
    -artifact_prefix="$ART/$name-" $dict "$work" "tests/fuzz/corpus/$name" \
    > "$ART/$name.log" 2>&1
  rc=$?
  runs=$(grep -o 'Done [0-9]* runs' "$ART/$name.log" | tail -n 1)
  if [ $rc -eq 0 ]; then
    pass=$((pass + 1)); echo "ok   $name (${per}s, ${runs:-no summary})"
  else
    fail=$((fail + 1))
    echo "FAIL $name: exit $rc, see tests/artifacts/fuzz/$name.log"
    grep -E 'ERROR|SUMMARY|artifact' "$ART/$name.log" | head -n 5 | sed 's/^/    /'
  fi
done
echo "fuzz: $pass passed, $fail failed"
[ $fail -eq 0 ]
