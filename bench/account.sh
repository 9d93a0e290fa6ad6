#!/bin/sh
# account.sh BASE_URL RUNDIR — what logins cost a running store (bench/run.sh
# runs it with page_cache = 0 on `soukctl bench-data 10000`):
#
#   1. logged-in category page: a customer's session cookie on /c/bench-1
#      (session lookup, never the micro-cache): requests/s, p99, CPU ms per
#      request of the catalog workers + nginx (target <= 0.25 ms);
#   2. anonymous category page alone, then the same during a flood of 200
#      concurrent wrong-password logins (each a new unknown address, so
#      every one costs an scrypt hash): the p99 ratio (target <= 2x), and
#      what the flood got (refused after a hash, 429, 503 busy).
#
# The flood comes from 127.0.0.1 only: bench/run.sh lifts the per-address
# login limit (login_client_after) so it stands for many addresses.
# Environment: BENCH_SECONDS (10), BENCH_CONNECTIONS (32), FLOOD (200).
set -eu
BASE=${1:?usage: account.sh BASE_URL RUNDIR}
RUN=${2:?usage: account.sh BASE_URL RUNDIR}
HERE=$(cd "$(dirname "$0")" && pwd)
CTL=${SOUK_BIN:-$HERE/..}/soukctl
SECS=${BENCH_SECONDS:-10}
CONNS=${BENCH_CONNECTIONS:-32}
FLOOD=${FLOOD:-200}
OUT=$RUN/bench-account
CAT=/c/bench-1
rm -rf "$OUT" && mkdir -p "$OUT"
ORIGIN=$(echo "$BASE" | sed -E 's#^(https?://[^/]+).*#\1#')
. "$HERE/lib/common.sh"

# A customer, logged in once through the login form.
pw=bench-login-$(od -An -N6 -tx1 /dev/urandom | tr -d ' \n')
email=$pw@example.com
echo "$pw" | "$CTL" user add --email "$email" --role customer --stdin > /dev/null
jar=$OUT/jar
csrf=$(curl -fsS -c "$jar" -b "$jar" "$BASE/account/login" |
  sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p')
curl -fsS -o /dev/null -c "$jar" -b "$jar" -H "Origin: $ORIGIN" \
  --data-urlencode "csrf=$csrf" --data-urlencode "email=$email" \
  --data-urlencode "password=$pw" --data "next=/account" "$BASE/account/login"
sess=$(awk '$6 == "souk_sess" { print $7 }' "$jar")
cookie=$(awk '$6 == "souk_csrf" { print $7 }' "$jar")
curl -fsS -H "Cookie: souk_sess=$sess" "$BASE$CAT" | grep -q 'id="account-link"' ||
  { echo "account.sh: the session cookie does not log in" >&2; exit 1; }

snap cpu0
wrk -t2 -c"$CONNS" -d"${SECS}s" --latency -H "Cookie: souk_sess=$sess" \
  "$BASE$CAT" > "$OUT/logged-in.txt"
snap cpu1
echo "logged-in category: $(rate "$OUT/logged-in.txt") req/s, p99" \
  "$(p99 "$OUT/logged-in.txt") ms, CPU $(cpu_ms "$OUT/cpu0" "$OUT/cpu1" \
  "$(requests "$OUT/logged-in.txt")" "catalog nginx") ms/req" \
  "(catalog workers + nginx; $CONNS connections, ${SECS} s)"

wrk -t2 -c"$CONNS" -d"${SECS}s" --latency "$BASE$CAT" > "$OUT/calm.txt"
snap cpu2
wrk -t2 -c"$FLOOD" -d"$((SECS + 4))s" --latency -s "$HERE/account/flood.lua" \
  "$BASE/account/login" -- "$cookie" "$csrf" "$ORIGIN" > "$OUT/flood.txt" &
flood=$!
sleep 2
wrk -t2 -c"$CONNS" -d"${SECS}s" --latency "$BASE$CAT" > "$OUT/flooded.txt"
wait "$flood"
snap cpu3
calm=$(p99 "$OUT/calm.txt") flooded=$(p99 "$OUT/flooded.txt")
echo "anonymous category p99: $calm ms alone, $flooded ms during $FLOOD" \
  "concurrent wrong-password logins ($(awk -v a="$calm" -v b="$flooded" \
  'BEGIN { printf "%.2f", b / a }')x); the flood: $(rate "$OUT/flood.txt")" \
  "req/s, $(grep '^logins' "$OUT/flood.txt" | sed 's/^logins //');" \
  "CPU of the account workers $(cpu_ms "$OUT/cpu2" "$OUT/cpu3" \
  "$(requests "$OUT/flood.txt")" "account") ms per login attempt"
