#!/bin/sh
# checkout.sh BASE_URL RUNDIR — add-to-cart and place-order throughput of a
# running store (bench/run.sh starts one; any demo store will do).
#
#   1. add-to-cart: wrk POSTs /cart/add as new visitors (each request makes
#      a cart, like a first click on a product page): requests/s and p99.
#   2. the checkout form is fetched once for each of those carts
#      (csrf token, idempotency key, revision) — setup, not measured;
#   3. place-order: wrk POSTs /checkout once per cart, each a real order
#      (one subscription line, bank transfer, two mails queued, the cart
#      emptied) committed with synchronous=FULL: orders/s and p99.
#
# Environment: BENCH_SECONDS (10), BENCH_CONNECTIONS (32).  Working files go
# to RUNDIR/bench-checkout/.  Prints two lines:
#   add-to-cart: N req/s, p99 X ms
#   place-order: N orders/s, p99 X ms (synchronous=FULL)
set -eu
BASE=${1:?usage: checkout.sh BASE_URL RUNDIR}
RUN=${2:?usage: checkout.sh BASE_URL RUNDIR}
HERE=$(cd "$(dirname "$0")" && pwd)
SECS=${BENCH_SECONDS:-10}
CONNS=${BENCH_CONNECTIONS:-32}
OUT=$RUN/bench-checkout
rm -rf "$OUT" && mkdir -p "$OUT"
ORIGIN=$(echo "$BASE" | sed -E 's#^(https?://[^/]+).*#\1#')

# req/s and p99 (ms) from wrk --latency output in $1.
rate() { awk '/^Requests\/sec:/ { printf "%d", $2 }' "$1"; }
p99() {
  awk '$1 == "99%" { v = $2; u = v; sub(/[0-9.]+/, "", u); sub(/[a-z]+$/, "", v);
    if (u == "us") v /= 1000; else if (u == "s") v *= 1000; printf "%.1f", v }' "$1"
}

page=$(curl -fsS "$BASE/p/iptv-gold-4k")
pid=$(echo "$page" | sed -n 's/.*name="product" value="\([0-9]*\)".*/\1/p' | head -n 1)
plan=$(echo "$page" | sed -n 's/.*name="plan" value="\([0-9]*\)".*/\1/p' | head -n 1)
[ -n "$pid" ] && [ -n "$plan" ] || { echo "checkout.sh: no iptv-gold-4k product at $BASE" >&2; exit 1; }

wrk -t2 -c"$CONNS" -d"${SECS}s" --latency -s "$HERE/checkout/add.lua" \
  "$BASE/cart/add" -- "$OUT/carts" "product=$pid&plan=$plan" "$ORIGIN" > "$OUT/add.txt"
echo "add-to-cart: $(rate "$OUT/add.txt") req/s, p99 $(p99 "$OUT/add.txt") ms ($CONNS connections, ${SECS} s)"

# Enough prepared carts for 3,000 orders/s (half per wrk thread).
/usr/bin/python3 "$HERE/checkout/forms.py" "$BASE" "$OUT/carts" "$OUT/forms" \
  $((1500 * SECS + 500))

wrk -t2 -c"$CONNS" -d"${SECS}s" --latency -s "$HERE/checkout/place.lua" \
  "$BASE/checkout" -- "$OUT/forms" "$ORIGIN" > "$OUT/place.txt"
placed=$(awk '/^placed/ { print $2 }' "$OUT/place.txt")
other=$(awk '/^placed/ { print $4 }' "$OUT/place.txt")
echo "place-order: $((placed / SECS)) orders/s, p99 $(p99 "$OUT/place.txt") ms ($CONNS connections, ${SECS} s, synchronous=FULL; $placed orders, $other refused)"
