#!/bin/sh
# bench/alone.sh PART [RUNS] — one part of `make bench` alone, RUNS times
# (1) back to back on one store like `make bench`'s, without the rest:
#   checkout  bench/checkout.sh: add-to-cart, place-order and the bare
#             probe (souk's and the probe's lines one after the other);
#   account   bench/account.sh: the logged-in category page, the anonymous
#             one alone and during a login flood;
#   download  bench/download.sh: 100 MB downloads, the handoff's CPU, and
#             soukctl cron over 100k subscriptions.
# The store: soukctl demo, plus `soukctl bench-data N` for account (its
# /c/bench-1; N 2000).  For comparing builds on a shared machine, where a
# whole `make bench` is too long.  Env: as bench/run.sh (SOUK_WORKERS,
# PORT 18095) and the part's script (BENCH_SECONDS, BENCH_CONNECTIONS...);
# KEEP=1 keeps the store's folder (logs) and says where it is.
set -eu
PART=${1:?usage: alone.sh checkout|account|download [RUNS]}
RUNS=${2:-1}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
[ -f "bench/$PART.sh" ] || { echo "alone.sh: no bench/$PART.sh" >&2; exit 2; }
PORT=${PORT:-18095}
RUN=$(mktemp -d /tmp/souk-alone-XXXXXX)
export SOUK_DB_PATH="$RUN/souk.db" SOUK_MEDIA_DIR="$RUN/run/media"
export SOUK_TEMPLATE_DIR="$ROOT/templates" SOUK_LANG_DIR="$ROOT/lang"
export SOUK_BASE_URL="http://127.0.0.1:$PORT" SOUK_CURRENCY=TND
export SOUK_STORE_NAME="Souk Bench" SOUK_DATA_DIR="$RUN/files"
export SOUK_WORKERS=${SOUK_WORKERS:-2} NGINX_ACCESS_LOG=off
export SOUK_SHOP_EMAIL=shop@example.com SOUK_PAY_BANK_IBAN="TN59 0000 0000"
export SOUK_PAY_BANK_NAME="Bench Bank" SOUK_PAY_BANK_HOLDER="Souk Bench"
# As bench/run.sh: every request comes from 127.0.0.1.
export SOUK_MAIL_DAEMON=off SOUK_ORDER_RATE_LIMIT=100000000
export SOUK_LOGIN_CLIENT_AFTER=100000000
command -v wrk > /dev/null || sh tools/deps.sh bench
mkdir -p "$RUN/files"
./soukctl init > /dev/null
./soukctl demo > /dev/null
[ "$PART" != account ] || ./soukctl bench-data "${N:-2000}" > /dev/null
sh tools/stack.sh start "$RUN/run" "$PORT" > /dev/null
trap 'sh tools/stack.sh stop "$RUN/run"; [ -n "${KEEP:-}" ] || rm -rf "$RUN"' EXIT
[ -n "${KEEP:-}" ] && echo "store in $RUN"
i=0
while [ $i -lt "$RUNS" ]; do
  sh "bench/$PART.sh" "$SOUK_BASE_URL" "$RUN/run" | grep -v '^add-to-cart'
  i=$((i + 1))
done
