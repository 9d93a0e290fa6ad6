#!/bin/sh
# bench/callgrind/nginx.sh — nginx's own work (callgrind Ir, user space) per
# request for the static copy of the category page and for micro-cache hits
# of the catalog pages, on the `make bench` store (store.sh).  The stack runs
# as shipped (X-Cache hidden), with page_cache = 3600 so nothing expires
# during the count; its nginx is then replaced by one nginx process under
# callgrind (master_process off, worker_processes 1) on the same
# configuration.  nginx_drive.py makes N requests per path (N=2000) one
# after another on one keep-alive connection and prints:
#   category         nginx Ir/request   31711  (2000 requests)
# The dumps stay in $OUT (default /tmp/souk-callgrind-nginx) as NAME.cg,
# for callgrind_annotate (Debian's nginx is stripped: totals only, unless
# its debug symbols are installed).
# Env: N, OUT, PORT (18191), KEEP_DB (reuse $OUT/souk.db made earlier).
set -eu
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
N=${N:-2000}
OUT=${OUT:-/tmp/souk-callgrind-nginx}
PORT=${PORT:-18191}
mkdir -p "$OUT"
. bench/callgrind/store.sh
export SOUK_PAGE_CACHE=3600 NGINX_WORKERS=1 NGINX_XCACHE=off
sh tools/stack.sh start "$RUN" "$PORT" > /dev/null
VG=""
stop() {
  [ -n "$VG" ] && kill -TERM "$VG" 2>/dev/null && wait "$VG" 2>/dev/null
  sh tools/stack.sh stop "$RUN"
}
trap stop EXIT
curl -fsS "$SOUK_BASE_URL/c/bench-1" > "$RUN/media/static-category.html"
# The stack's nginx (the last pid it started) gives way to the counted one.
ngx=$(tail -n 1 "$RUN/pids")
kill -QUIT "$ngx"
while kill -0 "$ngx" 2>/dev/null; do sleep 0.1; done
rm -f "$OUT"/cg.out.*
valgrind -q --tool=callgrind --callgrind-out-file="$OUT/cg.out.%p" \
  nginx -p "$RUN" -c "$RUN/nginx.conf" -e "$RUN/logs/nginx-error.log" \
  -g 'daemon off; master_process off;' > "$RUN/logs/nginx-cg.out" 2>&1 &
VG=$!
i=0
until curl -fsS -o /dev/null "$SOUK_BASE_URL/static/souk.css" 2>/dev/null; do
  i=$((i + 1))
  [ $i -lt 300 ] || { echo "nginx under callgrind did not start" >&2; exit 1; }
  sleep 0.1
done
/usr/bin/python3 bench/callgrind/nginx_drive.py "$SOUK_BASE_URL" "$VG" "$N" \
  "$OUT" "$(cat "$OUT/reviewed")" "$RUN"
