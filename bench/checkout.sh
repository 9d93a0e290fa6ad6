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
#      emptied) committed with synchronous=FULL: orders/s and p99;
#   4. the reference: bench/checkout/probe.c (no souk, the same SQLite and
#      disk) writes an order, 3 lines and 3 stock updates per transaction
#      for as long, from SOUK_WORKERS processes and again from as many as
#      the store has checkout workers (tools/stack.sh: 2 x SOUK_WORKERS
#      unless SOUK_WORKERS_CHECKOUT): both orders/s, and souk's ratio to
#      the better of the two.
#
# Besides requests/s and p99 it reports the CPU time the store's own
# processes (program workers, nginx) spent per request, which stays put
# when other jobs share the machine.  Environment: BENCH_SECONDS (10),
# BENCH_CONNECTIONS (32).  Working files go to RUNDIR/bench-checkout/.
# Prints three lines:
#   add-to-cart: N req/s, p99 X ms (...; CPU per request: cart A us, nginx B us)
#   place-order: N orders/s, p99 X ms (...; CPU per order: checkout A us, ...)
#   place-order reference: bare probe N orders/s (best of: P1; P2); souk/probe R
set -eu
BASE=${1:?usage: checkout.sh BASE_URL RUNDIR}
RUN=${2:?usage: checkout.sh BASE_URL RUNDIR}
HERE=$(cd "$(dirname "$0")" && pwd)
SECS=${BENCH_SECONDS:-10}
CONNS=${BENCH_CONNECTIONS:-32}
OUT=$RUN/bench-checkout
rm -rf "$OUT" && mkdir -p "$OUT"
ORIGIN=$(echo "$BASE" | sed -E 's#^(https?://[^/]+).*#\1#')

. "$HERE/lib/common.sh"

page=$(curl -fsS "$BASE/p/iptv-gold-4k")
pid=$(echo "$page" | sed -n 's/.*name="product" value="\([0-9]*\)".*/\1/p' | head -n 1)
plan=$(echo "$page" | sed -n 's/.*name="plan" value="\([0-9]*\)".*/\1/p' | head -n 1)
[ -n "$pid" ] && [ -n "$plan" ] || { echo "checkout.sh: no iptv-gold-4k product at $BASE" >&2; exit 1; }

snap cpu0
wrk -t2 -c"$CONNS" -d"${SECS}s" --latency -s "$HERE/checkout/add.lua" \
  "$BASE/cart/add" -- "$OUT/carts" "product=$pid&plan=$plan" "$ORIGIN" > "$OUT/add.txt"
snap cpu1
adds=$(requests "$OUT/add.txt")
echo "add-to-cart: $(rate "$OUT/add.txt") req/s, p99 $(p99 "$OUT/add.txt") ms" \
  "($CONNS connections, ${SECS} s; CPU per request:$(cpu_per "$OUT/cpu0" \
  "$OUT/cpu1" "$adds" "cart nginx"))"

# Enough prepared carts for 3,000 orders/s (half per wrk thread).
/usr/bin/python3 "$HERE/checkout/forms.py" "$BASE" "$OUT/carts" "$OUT/forms" \
  $((1500 * SECS + 500))

snap cpu2
wrk -t2 -c"$CONNS" -d"${SECS}s" --latency -s "$HERE/checkout/place.lua" \
  "$BASE/checkout" -- "$OUT/forms" "$ORIGIN" > "$OUT/place.txt"
snap cpu3
placed=$(awk '/^placed/ { print $2 }' "$OUT/place.txt")
other=$(awk '/^placed/ { print $4 }' "$OUT/place.txt")
echo "place-order: $((placed / SECS)) orders/s, p99 $(p99 "$OUT/place.txt") ms" \
  "($CONNS connections, ${SECS} s, synchronous=FULL; $placed orders, $other refused;" \
  "CPU per order:$(cpu_per "$OUT/cpu2" "$OUT/cpu3" "$placed" "checkout nginx");" \
  "of it in the kernel:$(cpu_per "$OUT/cpu2" "$OUT/cpu3" "$placed" "checkout-sys nginx-sys"))"

# The reference, right after, on the same disk (target: ratio >= 1), with
# as many processes as the other programs have workers and as checkout has
# (the supervisor and its workers share the command line).
cc -O2 -o "$OUT/probe" "$HERE/checkout/probe.c" -lsqlite3
procs=$(pgrep -c -f "cgi-bin/checkout --listen unix:$RUN/" || echo 1)
procs=$((procs > 1 ? procs - 1 : 1))
ref=$("$OUT/probe" "$OUT/probe.db" "${SOUK_WORKERS:-2}" "$SECS")
refs=$ref
if [ "$procs" != "${SOUK_WORKERS:-2}" ]; then
  ref2=$("$OUT/probe" "$OUT/probe.db" "$procs" "$SECS")
  refs="$ref; $ref2"
  [ "${ref2%% *}" -gt "${ref%% *}" ] && ref=$ref2
fi
echo "place-order reference: bare probe ${ref%% *} orders/s (best of: $refs);" \
  "souk/probe $(echo "$ref" | awk -v s="$((placed / SECS))" \
  '{ printf "%.2f", $1 ? s / $1 : 0 }')"
