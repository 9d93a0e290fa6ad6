#!/bin/sh
# browser.sh — headless Chromium tests: starts a store of its own (demo
# catalog, nginx on a free port, like tests/e2e/harness.py), runs every
# tests/browser/*.mjs with node (each prints "ok NAME" / "FAIL NAME: why"),
# stops the store and prints
#   browser: N passed, M failed
# Uses Debian's /usr/bin/chromium through npm playwright-core (installed once
# with `npm ci` from the committed package-lock.json; no browser download).
# Screenshots: tests/artifacts/screenshots/.  One file: sh browser.sh NAME.mjs
set -u
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BDIR=$ROOT/tests/browser
ART=$ROOT/tests/artifacts
mkdir -p "$ART"
only=${1:-}
pass=0 fail=0

summary() {
  echo "browser: $pass passed, $fail failed"
  [ "$fail" = 0 ]
  exit $?
}

give_up() {
  echo "FAIL browser-setup: $1"
  fail=$((fail + 1))
  summary
}

command -v node >/dev/null 2>&1 || give_up "node is not installed (make deps-test)"
CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
[ -x "$CHROMIUM" ] || give_up "$CHROMIUM is missing (apt-get install chromium)"
export CHROMIUM
if [ ! -d "$BDIR/node_modules/playwright-core" ]; then
  (cd "$BDIR" && npm ci --no-audit --no-fund --loglevel=error) \
    > "$ART/browser-npm.log" 2>&1 ||
    give_up "npm ci failed; see tests/artifacts/browser-npm.log"
fi

# A store of our own.
DIR=$(mktemp -d "${TMPDIR:-/tmp}/souk-browser-XXXXXX")
PORT=$(/usr/bin/python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
unset SOUK_CONF
export SOUK_DB_PATH="$DIR/souk.db" SOUK_TEMPLATE_DIR="$ROOT/templates" \
  SOUK_LANG_DIR="$ROOT/lang" SOUK_DATA_DIR="$DIR/files" \
  SOUK_MEDIA_DIR="$DIR/run/media" \
  SOUK_BASE_URL="http://127.0.0.1:$PORT" SOUK_CURRENCY=TND \
  SOUK_STORE_NAME="Souk" SOUK_BIN="${SOUK_BIN:-$ROOT}" SOUK_WORKERS=2 \
  NGINX_WORKERS=1 SOUK_SHOTS="$ART/screenshots" \
  SOUK_PAY_MOBILE="Orange Money = +216 20 000 000; D17 = +216 55 000 000" \
  SOUK_ORDER_RATE_LIMIT=1000
# Every journey orders from 127.0.0.1: the per-address order limit
# (docs/order-limits.md, 10 an hour) would stop the later ones; its own
# e2e tests check it.
mkdir -p "$SOUK_DATA_DIR" "$SOUK_SHOTS"
rm -f "$SOUK_SHOTS"/FAILED-*.png
cleanup() {
  sh "$ROOT/tools/stack.sh" stop "$DIR/run" >/dev/null 2>&1
  rm -rf "$DIR"
}
trap cleanup EXIT
trap 'exit 1' INT TERM
"$SOUK_BIN/soukctl" init > "$ART/browser-store.log" 2>&1 &&
  "$SOUK_BIN/soukctl" demo >> "$ART/browser-store.log" 2>&1 &&
  sh "$ROOT/tools/stack.sh" start "$DIR/run" "$PORT" >> "$ART/browser-store.log" 2>&1 ||
  give_up "the store did not start; see tests/artifacts/browser-store.log"

cd "$ROOT"
for f in "$BDIR"/*.mjs; do
  [ -f "$f" ] || continue
  [ -n "$only" ] && [ "$(basename "$f")" != "$only" ] && continue
  name=$(basename "$f" .mjs)
  out=$(node "$f" 2>&1)
  rc=$?
  printf '%s\n' "$out" > "$ART/browser-$name.log"
  printf '%s\n' "$out" | grep -E '^(ok|FAIL) '
  p=$(printf '%s\n' "$out" | grep -c '^ok ')
  n=$(printf '%s\n' "$out" | grep -c '^FAIL ')
  pass=$((pass + p))
  fail=$((fail + n))
  if [ "$rc" != 0 ] && [ "$n" = 0 ]; then
    echo "FAIL $name: node exited $rc; see tests/artifacts/browser-$name.log"
    printf '%s\n' "$out" | tail -n 8 | sed 's/^/    /'
    fail=$((fail + 1))
  fi
done
summary
