#!/bin/sh
# bench/account/alone.sh [RUNS] — bench/account.sh alone, RUNS times (1),
# on a store like `make bench`'s (soukctl demo + bench-data: the category
# /c/bench-1 it measures), without the rest of `make bench`: the
# logged-in category page, and the anonymous one alone and during a login
# flood.  Env: as bench/run.sh (SOUK_WORKERS, N products: 2000, PORT
# 18097) and bench/account.sh (BENCH_SECONDS, BENCH_CONNECTIONS, FLOOD).
set -eu
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
RUNS=${1:-1}
PORT=${PORT:-18097}
RUN=$(mktemp -d /tmp/souk-account-XXXXXX)
export SOUK_DB_PATH="$RUN/souk.db" SOUK_MEDIA_DIR="$RUN/run/media"
export SOUK_TEMPLATE_DIR="$ROOT/templates" SOUK_LANG_DIR="$ROOT/lang"
export SOUK_BASE_URL="http://127.0.0.1:$PORT" SOUK_CURRENCY=TND
export SOUK_STORE_NAME="Souk Bench" SOUK_DATA_DIR="$RUN/files"
export SOUK_WORKERS=${SOUK_WORKERS:-2} NGINX_ACCESS_LOG=off
export SOUK_MAIL_DAEMON=off SOUK_LOGIN_CLIENT_AFTER=100000000
mkdir -p "$RUN/files"
./soukctl init > /dev/null
./soukctl demo > /dev/null
./soukctl bench-data "${N:-2000}" > /dev/null
sh tools/stack.sh start "$RUN/run" "$PORT" > /dev/null
trap 'sh tools/stack.sh stop "$RUN/run"; rm -rf "$RUN"' EXIT
i=0
while [ $i -lt "$RUNS" ]; do
  sh bench/account.sh "$SOUK_BASE_URL" "$RUN/run"
  i=$((i + 1))
done
