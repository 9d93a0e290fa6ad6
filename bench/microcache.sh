#!/bin/sh
# bench/microcache.sh — the micro-cache against the static copy, in short
# wrk runs taken in turn (static, category, product, search, static, ...)
# so that a busy machine slows both sides alike.  The store is
# bench/callgrind/store.sh's (the `make bench` catalog), served as shipped
# (X-Cache hidden, page_cache = 1, 2 nginx workers).  For each round and
# page: requests/s, its ratio to the static run just before it, and nginx's
# CPU (user + system, /proc) per request; then the median of each over the
# rounds:
#   category  median 0.87 of static (5 rounds)  nginx 0.0110 ms/req (static 0.0095)
# Env: ROUNDS (5), DURATION (s per run, 3), CONNS (32), OUT
# (/tmp/souk-callgrind-nginx, shared with bench/callgrind/nginx.sh),
# PORT (18192), KEEP_DB, GZIP=1 (also the pair for Accept-Encoding: gzip).
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
ROUNDS=${ROUNDS:-5}
DURATION=${DURATION:-3}
CONNS=${CONNS:-32}
OUT=${OUT:-/tmp/souk-callgrind-nginx}
PORT=${PORT:-18192}
mkdir -p "$OUT"
. bench/callgrind/store.sh
export SOUK_PAGE_CACHE=1 NGINX_WORKERS=2 NGINX_XCACHE=off SOUK_WORKERS=2
sh tools/stack.sh start "$RUN" "$PORT" > /dev/null
trap 'sh tools/stack.sh stop "$RUN"' EXIT
curl -fsS "$SOUK_BASE_URL/c/bench-1" > "$RUN/media/static-category.html"
HZ=$(getconf CLK_TCK)
MASTER=$(tail -n 1 "$RUN/pids")

# nginx_ticks: utime + stime of this stack's nginx workers.
nginx_ticks() {
  t=0
  for p in $(cat /proc/$MASTER/task/$MASTER/children); do
    grep -q "worker process" /proc/$p/cmdline 2>/dev/null || continue
    t=$((t + $(awk '{print $14 + $15}' /proc/$p/stat)))
  done
  echo $t
}
# run NAME PATH [wrk args]: one wrk run; appends "NAME rps ms/req" to $OUT/mc.
run() {
  name=$1 path=$2
  shift 2
  t0=$(nginx_ticks)
  wrk -t2 -c"$CONNS" -d"${DURATION}s" "$@" "$SOUK_BASE_URL$path" > "$OUT/wrk.out" 2>&1
  t1=$(nginx_ticks)
  awk -v name="$name" -v t="$((t1 - t0))" -v hz="$HZ" '
    /requests in/ { n = $1 } /Requests\/sec/ { r = $2 }
    /Non-2xx|Socket errors/ { print "errors in " name ": " $0 > "/dev/stderr" }
    END { printf "%s %s %.5f\n", name, r, t * 1000 / hz / n }' \
    "$OUT/wrk.out" >> "$OUT/mc"
}
: > "$OUT/mc"
GZ="Accept-Encoding: gzip, deflate, br"
i=0
while [ $i -lt "$ROUNDS" ]; do
  run static /media/static-category.html
  run category /c/bench-1
  run static /media/static-category.html
  run product /p/bench-5000
  run static /media/static-category.html
  run search "/search?q=premium+stream"
  if [ "${GZIP:-}" = 1 ]; then
    run static-gzip /media/static-category.html -H "$GZ"
    run category-gzip /c/bench-1 -H "$GZ"
  fi
  i=$((i + 1))
done
# Each page's ratio to the static run just before it; medians per page.
awk '
  function median(a, n,   i, j, t) {
    for (i = 2; i <= n; i++) for (j = i; j > 1 && a[j-1] > a[j]; j--) {
      t = a[j]; a[j] = a[j-1]; a[j-1] = t }
    return n % 2 ? a[(n+1)/2] : (a[n/2] + a[n/2+1]) / 2 }
  $1 ~ /^static/ { base[$1] = $2; sc[$1, ++ns[$1]] = $3; next }
  { b = $1 ~ /gzip$/ ? "static-gzip" : "static"
    k = ++n[$1]; r[$1, k] = $2 / base[b]; c[$1, k] = $3
    printf "%-14s %9.0f req/s  %.3f of static  nginx %.4f ms/req\n", $1, $2, $2 / base[b], $3
    if (!($1 in seen)) { seen[$1] = 1; order[++np] = $1; of[$1] = b } }
  END {
    for (p = 1; p <= np; p++) {
      q = order[p]; b = of[q]
      for (k = 1; k <= n[q]; k++) { x[k] = r[q, k]; y[k] = c[q, k] }
      for (k = 1; k <= ns[b]; k++) z[k] = sc[b, k]
      printf "%-14s median %.3f of static (%d rounds)  nginx %.4f ms/req (%s %.4f)\n",
        q, median(x, n[q]), n[q], median(y, n[q]), b, median(z, ns[b]) } }' "$OUT/mc"
