#!/bin/sh
# fuzz.sh — builds every libFuzzer target (tests/fuzz/NAME.c, see
# tests/fuzz/fuzz.mk) and runs each for a few seconds: its seeds
# (tests/fuzz/corpus/NAME) plus what earlier runs found (build/fuzz/corpus/
# NAME), with NAME.dict when there is one.  One line per target, then
#   fuzz: N passed, M failed
# FUZZ_BUDGET (seconds for all targets, default 20) or FUZZ_SECONDS (per
# target) change the time; crashes and logs go to tests/artifacts/fuzz/.
set -u
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
ART=tests/artifacts/fuzz
mkdir -p "$ART"
pass=0 fail=0

if ! command -v "${CLANG:-clang}" >/dev/null 2>&1; then
  echo "FAIL fuzz-build: clang is not installed (make deps-test)"
  echo "fuzz: 0 passed, 1 failed"
  exit 1
fi
if ! make --no-print-directory -f tests/fuzz/fuzz.mk -j2 > "$ART/build.log" 2>&1; then
  echo "FAIL fuzz-build: see $ART/build.log"
  tail -n 20 "$ART/build.log" | sed 's/^/    /'
  echo "fuzz: 0 passed, 1 failed"
  exit 1
fi

targets=$(for f in tests/fuzz/*.c; do basename "$f" .c; done)
n=$(echo "$targets" | wc -w)
secs=${FUZZ_SECONDS:-$(( ${FUZZ_BUDGET:-20} / (n > 0 ? n : 1) ))}
[ "$secs" -lt 2 ] && secs=2

for t in $targets; do
  work=build/fuzz/corpus/$t
  mkdir -p "$work"
  rm -f "$ART/$t"-crash-* "$ART/$t"-leak-* "$ART/$t"-timeout-* "$ART/$t"-oom-*
  set -- -max_total_time="$secs" -max_len=4096 -timeout=10 -rss_limit_mb=2048 \
    -artifact_prefix="$ART/$t-" "$work"
  [ -f "tests/fuzz/$t.dict" ] && set -- -dict="tests/fuzz/$t.dict" "$@"
  [ -d "tests/fuzz/corpus/$t" ] && set -- "$@" "tests/fuzz/corpus/$t"
  if "build/fuzz/$t" "$@" > "$ART/$t.log" 2>&1; then
    runs=$(sed -n 's/^Done \([0-9]*\) runs.*/\1/p' "$ART/$t.log" | tail -n 1)
    echo "ok   $t (${runs:-?} runs in ${secs}s)"
    pass=$((pass + 1))
  else
    crash=$(ls "$ART/$t"-* 2>/dev/null | grep -v '\.log$' | head -n 1)
    echo "FAIL $t: ${crash:-no artifact}; see $ART/$t.log"
    grep -E 'ERROR|invariant|SUMMARY|#[0-9]+ 0x' "$ART/$t.log" | head -n 12 | sed 's/^/    /'
    fail=$((fail + 1))
  fi
done
echo "fuzz: $pass passed, $fail failed"
[ "$fail" = 0 ]
