#!/bin/sh
# browser.sh — headless Chromium journeys: installs tests/browser's npm
# packages once (npm ci, or npm install without a lock file), then runs every
# tests/browser/*.mjs with node.  Each script starts its own store and
# prints "ok NAME" or "FAIL NAME: why" lines; screenshots are kept in
# tests/artifacts/browser/.  Ends with "browser: N passed, M failed".
set -u
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
DIR=$ROOT/tests/browser
ART=$ROOT/tests/artifacts
mkdir -p "$ART/browser"
cd "$DIR"
if [ ! -d node_modules/playwright-core ]; then
  if [ -f package-lock.json ]; then
    npm ci --no-audit --no-fund > "$ART/browser/npm.log" 2>&1
  else
    npm install --no-audit --no-fund > "$ART/browser/npm.log" 2>&1
  fi || { echo "FAIL npm: see tests/artifacts/browser/npm.log";
          echo "browser: 0 passed, 1 failed"; exit 1; }
fi
pass=0 fail=0
for f in *.mjs; do
  [ -f "$f" ] || continue
  name=$(basename "$f" .mjs)
  node "$f" > "$ART/browser/$name.log" 2>&1
  rc=$?
  grep -E '^(ok|FAIL) ' "$ART/browser/$name.log"
  p=$(grep -c '^ok ' "$ART/browser/$name.log")
  m=$(grep -c '^FAIL ' "$ART/browser/$name.log")
  if [ "$rc" -ne 0 ] && [ "$m" -eq 0 ]; then
    echo "FAIL $name: exit $rc without a result (see tests/artifacts/browser/$name.log)"
    m=1
  fi
  pass=$((pass + p)); fail=$((fail + m))
done
echo "browser: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
