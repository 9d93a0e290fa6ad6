#!/bin/sh
# bench/run.sh — `make bench`: the real stack (nginx + catalog workers) on a
# catalog of `soukctl bench-data 10000`, measured with wrk in one run:
#   static     nginx serving a saved copy of the category page (the yardstick)
#   category   anonymous category page, micro-cache on (what shoppers get)
#   product    anonymous product page, micro-cache on
#   product-reviews  the same for a product with 1,000 reviews
#   search     anonymous search page, micro-cache on
#   *-gzip     static copy and category page for a client taking gzip
#   *-uncached the same pages with page_cache=0: nginx keeps nothing, every
#              request goes to a worker, which answers from its page cache
#              (lib/site/body_cache.h: rendered once per catalog version)
#   *-rendered the same with body_cache=0 as well: every request rendered
# For each: requests/s, p50/p99 latency, ratio to static, CPU ms per request
# (catalog workers + nginx, from /proc), and worker RSS before/after.
# Extra parts (bench/account.sh: logins; bench/checkout.sh: add-to-cart,
# place-order; bench/download.sh: 100 MB downloads, soukctl cron over 100k
# subscriptions; bench/search.sh; bench/webhook.sh: signed Stripe events)
# run afterwards against the same store (its demo catalog is there too).
# Results: bench/results/<timestamp>.txt.   Env: DURATION (s), CONNS, N.
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
DURATION=${DURATION:-10}
CONNS=${CONNS:-32}
N=${N:-10000}
PORT=${PORT:-18090}
RUN=$(mktemp -d /tmp/souk-bench-XXXXXX)
OUT="$ROOT/bench/results/$(date +%Y%m%d-%H%M%S).txt"
mkdir -p "$ROOT/bench/results"
HZ=$(getconf CLK_TCK)

export SOUK_DB_PATH="$RUN/souk.db" SOUK_MEDIA_DIR="$RUN/run/media" SOUK_TEMPLATE_DIR="$ROOT/templates"
export SOUK_LANG_DIR="$ROOT/lang" SOUK_BASE_URL="http://127.0.0.1:$PORT"
export SOUK_CURRENCY=TND SOUK_STORE_NAME="Souk Bench" SOUK_DATA_DIR="$RUN/files"
export SOUK_WORKERS=${SOUK_WORKERS:-2} NGINX_ACCESS_LOG=off
# Checkout needs a shop address and a payment method; the mail sender is
# left out (bench/checkout.sh queues real order mails, nothing listens).
export SOUK_SHOP_EMAIL=shop@example.com SOUK_PAY_BANK_IBAN="TN59 0000 0000"
export SOUK_PAY_BANK_NAME="Bench Bank" SOUK_PAY_BANK_HOLDER="Souk Bench"
export SOUK_MAIL_DAEMON=off
# Every bench order comes from 127.0.0.1: lift the per-address order limit
# (docs/order-limits.md), which would otherwise stop the run after 10 orders.
export SOUK_ORDER_RATE_LIMIT=100000000
# bench/account.sh's login flood stands for many addresses: lift the
# per-address login wait (docs/accounts.md) so every attempt costs a hash.
export SOUK_LOGIN_CLIENT_AFTER=100000000
mkdir -p "$RUN/files"
./soukctl init > /dev/null
./soukctl demo > /dev/null	# the products bench/checkout.sh buys
# The first generated product gets 1,000 published reviews (docs/reviews.md).
REVIEWED=/p/$(./soukctl bench-data "$N" --reviews 1000 |
  sed -n 's/^added 1000 reviews to //p')

say() { echo "$*" | tee -a "$OUT"; }

# ticks PATTERN: utime+stime (clock ticks) of the processes matching it.
ticks() {
  t=0
  for p in $(pgrep -f "$1" || true); do
    [ -r /proc/$p/stat ] || continue
    v=$(awk '{print $14 + $15}' /proc/$p/stat)
    t=$((t + v))
  done
  echo $t
}
WORKERS_PAT="cgi-bin/catalog --listen unix:$RUN"
NGINX_PAT="nginx: worker process"
worker_rss() {
  for p in $(pgrep -f "$WORKERS_PAT"); do
    awk '/VmRSS/ {printf "%s ", $2}' /proc/$p/status
  done
}

# measure NAME PATH [extra wrk args]: one wrk run, one result line.
measure() {
  name=$1 path=$2
  shift 2
  w0=$(ticks "$WORKERS_PAT") n0=$(ticks "$NGINX_PAT")
  wrk -t2 -c"$CONNS" -d"${DURATION}s" --latency "$@" "$SOUK_BASE_URL$path" > "$RUN/wrk.out" 2>&1
  w1=$(ticks "$WORKERS_PAT") n1=$(ticks "$NGINX_PAT")
  rps=$(awk '/Requests\/sec/ {print $2}' "$RUN/wrk.out")
  total=$(awk '/requests in/ {print $1}' "$RUN/wrk.out")
  p50=$(awk '$1 == "50%" {print $2}' "$RUN/wrk.out")
  p99=$(awk '$1 == "99%" {print $2}' "$RUN/wrk.out")
  errs=$(awk '/Non-2xx|Socket errors/ {print}' "$RUN/wrk.out" | tr '\n' ' ')
  cpu=$(awk -v w="$((w1 - w0))" -v n="$((n1 - n0))" -v r="$total" -v hz="$HZ" \
    'BEGIN { printf "%.3f (workers %.3f + nginx %.3f)", (w + n) * 1000 / hz / r,
      w * 1000 / hz / r, n * 1000 / hz / r }')
  ratio=""
  [ -n "${STATIC_RPS:-}" ] && ratio=$(awk -v r="$rps" -v s="$STATIC_RPS" \
    'BEGIN { printf "%5.1f%%", 100 * r / s }')
  say "$(printf '%-18s %10s req/s  p50 %8s  p99 %8s  %7s  cpu ms/req %s %s' \
    "$name" "$rps" "$p50" "$p99" "$ratio" "$cpu" "$errs")"
  LAST_RPS=$rps
}

start_stack() {
  sh tools/stack.sh start "$RUN/run" "$PORT" > /dev/null
}
stop_stack() {
  sh tools/stack.sh stop "$RUN/run"
}

say "souk bench $(date -u +%Y-%m-%dT%H:%MZ) — $(nproc) cores, $N products, $CONNS connections, ${DURATION}s per run, $SOUK_WORKERS catalog workers"
say "$(uname -r); $(nginx -v 2>&1); $(wrk -v 2>&1 | head -n 1)"

CAT=/c/bench-1
PROD=/p/bench-$((N / 2))
SEARCH="/search?q=premium+stream"

# -- cached (page_cache = 1) -------------------------------------------------
export SOUK_PAGE_CACHE=1
start_stack
curl -fsS "$SOUK_BASE_URL$CAT" > "$RUN/run/media/static-category.html"
say "category page: $(wc -c < "$RUN/run/media/static-category.html") bytes"
measure static /media/static-category.html
STATIC_RPS=$LAST_RPS
measure category "$CAT"
# What browsers send: nginx gzips the static copy on every request, the
# micro-cache serves the copy the program gzipped once (gzip.h).
measure static-gzip /media/static-category.html -H "Accept-Encoding: gzip, deflate, br"
measure category-gzip "$CAT" -H "Accept-Encoding: gzip, deflate, br"
measure product "$PROD"
measure product-reviews "$REVIEWED"
measure search "$SEARCH"
stop_stack

# -- uncached (page_cache = 0): every request answered by a worker ---------
# Category and product pages come from the worker's page cache (kept per
# catalog version, the visitor's header values put in); then the same
# pages with that cache off too (body_cache = 0): the rendering itself.
export SOUK_PAGE_CACHE=0
export SOUK_BODY_CACHE=0
start_stack
measure category-rendered "$CAT"
measure product-rendered "$PROD"
measure reviews-rendered "$REVIEWED"
stop_stack
unset SOUK_BODY_CACHE
start_stack
measure category-uncached "$CAT"
measure product-uncached "$PROD"
measure reviews-uncached "$REVIEWED"
measure search-uncached "$SEARCH"
# Memory: the workers are warm now; RSS must not grow with the requests.
rss0=$(worker_rss)
done_reqs=0
while [ "$done_reqs" -lt 100000 ]; do
  wrk -t2 -c"$CONNS" -d"${DURATION}s" "$SOUK_BASE_URL$CAT" > "$RUN/wrk.out" 2>&1
  n=$(awk '/requests in/ {print $1}' "$RUN/wrk.out")
  done_reqs=$((done_reqs + n))
done
rss1=$(worker_rss)
say "worker RSS (kB), supervisor first: warm $rss0 -> after $done_reqs more requests $rss1"

for part in bench/*.sh; do	# bench/lib/ holds what they share
  [ "$part" = bench/run.sh ] && continue
  say "-- $part"
  sh "$part" "$SOUK_BASE_URL" "$RUN/run" 2>&1 | tee -a "$OUT"
done
stop_stack
awk -f bench/lib/targets.awk "$OUT" | tee -a "$OUT"
rm -rf "$RUN"
echo "results saved in $OUT"
