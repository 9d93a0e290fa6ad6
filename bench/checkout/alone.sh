#!/bin/sh
# bench/checkout/alone.sh [RUNS] — bench/checkout.sh alone, RUNS times (1)
# back to back on one store like `make bench`'s (soukctl demo; no
# bench-data catalog: place-order does not read it), without the rest of
# `make bench`.  For comparing souk with the bare probe on a shared
# machine: each run prints souk's and the probe's lines one after the
# other.  Env: as bench/run.sh (SOUK_WORKERS, PORT 18095) and
# bench/checkout.sh (BENCH_SECONDS, BENCH_CONNECTIONS); KEEP=1 keeps the
# store's folder (logs) and says where it is.
set -eu
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
RUNS=${1:-1}
PORT=${PORT:-18095}
RUN=$(mktemp -d /tmp/souk-checkout-XXXXXX)
export SOUK_DB_PATH="$RUN/souk.db" SOUK_MEDIA_DIR="$RUN/run/media"
export SOUK_TEMPLATE_DIR="$ROOT/templates" SOUK_LANG_DIR="$ROOT/lang"
export SOUK_BASE_URL="http://127.0.0.1:$PORT" SOUK_CURRENCY=TND
export SOUK_STORE_NAME="Souk Bench" SOUK_DATA_DIR="$RUN/files"
export SOUK_WORKERS=${SOUK_WORKERS:-2} NGINX_ACCESS_LOG=off
export SOUK_SHOP_EMAIL=shop@example.com SOUK_PAY_BANK_IBAN="TN59 0000 0000"
export SOUK_PAY_BANK_NAME="Bench Bank" SOUK_PAY_BANK_HOLDER="Souk Bench"
export SOUK_MAIL_DAEMON=off SOUK_ORDER_RATE_LIMIT=100000000
mkdir -p "$RUN/files"
./soukctl init > /dev/null
./soukctl demo > /dev/null
sh tools/stack.sh start "$RUN/run" "$PORT" > /dev/null
trap 'sh tools/stack.sh stop "$RUN/run"; [ -n "${KEEP:-}" ] || rm -rf "$RUN"' EXIT
[ -n "${KEEP:-}" ] && echo "store in $RUN"
i=0
while [ $i -lt "$RUNS" ]; do
  sh bench/checkout.sh "$SOUK_BASE_URL" "$RUN/run" | grep -v '^add-to-cart'
  i=$((i + 1))
done
