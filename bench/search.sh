#!/bin/sh
# search.sh BASE_URL RUNDIR — uncached search throughput of a running store
# (bench/run.sh runs it with page_cache = 0 on `soukctl bench-data 10000`).
#
# 1,000 varied queries (bench/search/gen_queries.py: catalog words, typos,
# words nothing has, 9-14 word queries, 150-200 characters, other sorts and
# price filters) sent in turn by wrk, so no two consecutive requests ask the
# same thing.  Prints one line: requests/s, p50, p99, and the CPU the
# catalog workers and nginx spent per search (from /proc, clock ticks).
# Environment: BENCH_SECONDS (10), BENCH_CONNECTIONS (32).
set -eu
BASE=${1:?usage: search.sh BASE_URL RUNDIR}
RUN=${2:?usage: search.sh BASE_URL RUNDIR}
HERE=$(cd "$(dirname "$0")" && pwd)
SECS=${BENCH_SECONDS:-10}
CONNS=${BENCH_CONNECTIONS:-32}
OUT=$RUN/bench-search
HZ=$(getconf CLK_TCK)
rm -rf "$OUT" && mkdir -p "$OUT"
/usr/bin/python3 "$HERE/search/gen_queries.py" 1000 "$OUT/queries.txt"

. "$HERE/lib/common.sh"
W="cgi-bin/catalog --listen unix:$RUN"
N="nginx: worker process"
w0=$(ticks "$W") n0=$(ticks "$N")
wrk -t2 -c"$CONNS" -d"${SECS}s" --latency -s "$HERE/search/paths.lua" \
  "$BASE/" "$OUT/queries.txt" > "$OUT/wrk.out" 2>&1
w1=$(ticks "$W") n1=$(ticks "$N")
awk -v w="$((w1 - w0))" -v n="$((n1 - n0))" -v hz="$HZ" '
  /Requests\/sec/ { rps = $2 }
  /requests in/ { total = $1 }
  $1 == "50%" { p50 = $2 }
  $1 == "99%" { p99 = $2 }
  /Non-2xx/ { bad = $NF }
  END { printf "search-1000-queries %s req/s  p50 %s  p99 %s  cpu ms/search %.3f (workers %.3f + nginx %.3f)  non-2xx %s of %s\n",
    rps, p50, p99, (w + n) * 1000 / hz / total, w * 1000 / hz / total,
    n * 1000 / hz / total, bad ? bad : 0, total }' "$OUT/wrk.out"
