#!/bin/sh
# download.sh BASE_URL RUNDIR — downloads and the subscription cron of a
# running store (bench/run.sh starts one with the demo catalog; the
# environment is the store's, so soukctl works on its database).
#
#   1. setup (not measured): a 100 MB file of random bytes in RUNDIR/media/
#      (which nginx serves statically) is hard-linked to the demo film with
#      `soukctl media add`; one guest order of the film is placed over HTTP
#      (cart, checkout form, bank transfer) and confirmed with `soukctl
#      order set ID paid`; its order page gives the /download/<token> link.
#   2. download-static: wrk fetching the file from nginx's /media/ (the
#      yardstick), download-100MB: the same through /download/<token>
#      (the download program answers X-Accel-Redirect, nginx sends the
#      bytes): MB/s, the ratio, and the CPU of the download workers and
#      nginx per download.  One link is used throughout: after its first
#      use it counts as the same download (a resume), as docs/delivery.md
#      says, so the allowance is not in the way.
#   3. download-handoff: the same link with `Range: bytes=0-0`, so many
#      more requests run and the workers' CPU per download (the same work
#      whatever the file's size) is measured to more than a clock tick.
#   4. cron-100k: `soukctl bench-data 0 --subs 100000` (setup), then one
#      `soukctl cron --no-mail` run (the reminders due: the first run after
#      the import sends every reminder reached) and one 5 minutes later
#      (what the cron does every 5 minutes), each timed.  --no-mail: the
#      queued mails are the mail sender's work, not measured here.
# Environment: BENCH_SECONDS (10), BENCH_CONNECTIONS (8), BENCH_SUBS (100000).
# Working files go to RUNDIR/bench-download/.  Prints run.sh-style lines.
set -eu
BASE=${1:?usage: download.sh BASE_URL RUNDIR}
RUN=${2:?usage: download.sh BASE_URL RUNDIR}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
SECS=${BENCH_SECONDS:-10}
CONNS=${BENCH_CONNECTIONS:-8}
SUBS=${BENCH_SUBS:-100000}
FILM=the-last-caravan-film
OUT=$RUN/bench-download
HZ=$(getconf CLK_TCK)
SIZE=$((100 * 1024 * 1024))
rm -rf "$OUT" && mkdir -p "$OUT"
ORIGIN=$(echo "$BASE" | sed -E 's#^(https?://[^/]+).*#\1#')
ctl() { "$ROOT/soukctl" "$@"; }

. "$ROOT/bench/lib/common.sh"
W="cgi-bin/download --listen unix:$RUN"
N="nginx: worker process"
# hidden NAME FILE: the value of the form's hidden field NAME.
hidden() { sed -n "s/.*name=\"$1\" value=\"\([^\"]*\)\".*/\1/p" "$2" | head -n 1; }

# -- setup: the file, a paid guest order, its link ---------------------------
head -c "$SIZE" /dev/urandom > "$RUN/media/bench-100m.bin"
ctl media add "$RUN/media/bench-100m.bin" --product "$FILM" > /dev/null
pid=$(curl -fsS "$BASE/p/$FILM" | sed -n 's/.*name="product" value="\([0-9]*\)".*/\1/p' | head -n 1)
[ -n "$pid" ] || { echo "download.sh: no $FILM product at $BASE" >&2; exit 1; }
J=$OUT/cookies
curl -fsS -c "$J" -b "$J" -o /dev/null -H "Origin: $ORIGIN" -d "product=$pid" "$BASE/cart/add"
curl -fsS -c "$J" -b "$J" -o "$OUT/form.html" "$BASE/checkout"
loc=$(curl -sS -c "$J" -b "$J" -o /dev/null -w '%{redirect_url}' -H "Origin: $ORIGIN" \
  --data-urlencode "csrf=$(hidden csrf "$OUT/form.html")" \
  --data-urlencode "idem=$(hidden idem "$OUT/form.html")" \
  --data-urlencode "rev=$(hidden rev "$OUT/form.html")" \
  --data-urlencode "seen=$(hidden seen "$OUT/form.html")" \
  -d "name=Bench+Buyer&email=buyer%40example.com&country=TN&phone=20123456" \
  -d "payment=bank&terms=1&op=place" "$BASE/checkout")
token=${loc##*/order/}
oid=$(ctl orders list --limit 1 | awk 'NR > 1 && $0 ~ /[0-9]/ { print $1; exit }')
[ -n "$token" ] && [ "$token" != "$loc" ] && [ -n "$oid" ] ||
  { echo "download.sh: the order was not placed ($loc)" >&2; exit 1; }
ctl order set "$oid" paid > /dev/null
dl=$(curl -fsS "$BASE/order/$token" | grep -o '/download/[A-Za-z0-9._~-]*' | head -n 1)
[ -n "$dl" ] || { echo "download.sh: no download link on the order page" >&2; exit 1; }
# The link works and nginx sends the whole file (X-Accel-Redirect).
got=$(curl -fsS -o /dev/null -w '%{http_code} %{size_download}' "$BASE$dl")
[ "$got" = "200 $SIZE" ] || { echo "download.sh: $dl answered $got" >&2; exit 1; }

# measure NAME PATH [wrk args]: one wrk run, one line; sets RATE (MB/s).
measure() {
  name=$1 path=$2
  shift 2
  w0=$(ticks "$W") n0=$(ticks "$N")
  wrk -t2 -c"$CONNS" -d"${SECS}s" --timeout 30s --latency "$@" "$BASE$path" > "$OUT/wrk.out" 2>&1
  w1=$(ticks "$W") n1=$(ticks "$N")
  total=$(awk '/requests in/ {print $1}' "$OUT/wrk.out")
  rps=$(awk '/Requests\/sec/ {print $2}' "$OUT/wrk.out")
  p50=$(awk '$1 == "50%" {print $2}' "$OUT/wrk.out")
  p99=$(awk '$1 == "99%" {print $2}' "$OUT/wrk.out")
  errs=$(awk '/Non-2xx|Socket errors/ {print}' "$OUT/wrk.out" | tr '\n' ' ')
  # MB read: "N requests in Ts, X.YYGB read".
  bytes=$(awk '/requests in/ { v = $5; u = v; sub(/[0-9.]+/, "", u)
    sub(/[A-Za-z]+$/, "", v); m = 1
    if (u == "GB") m = 1024; else if (u == "KB") m = 1 / 1024
    else if (u == "B") m = 1 / 1048576
    printf "%.1f", v * m }' "$OUT/wrk.out")
  RATE=$(awk -v b="$bytes" -v s="$SECS" 'BEGIN { printf "%.0f", b / s }')
  cpu=$(awk -v w="$((w1 - w0))" -v n="$((n1 - n0))" -v r="$total" -v hz="$HZ" \
    'BEGIN { printf "%.3f (workers %.3f + nginx %.3f)", (w + n) * 1000 / hz / r,
      w * 1000 / hz / r, n * 1000 / hz / r }')
  ratio=""
  [ -n "${STATIC_RATE:-}" ] && ratio=$(awk -v r="$RATE" -v s="$STATIC_RATE" \
    'BEGIN { printf "%5.1f%%", 100 * r / s }')
  printf '%-18s %10s req/s  p50 %8s  p99 %8s  %7s  %6s MB/s  cpu ms/download %s %s\n' \
    "$name" "$rps" "$p50" "$p99" "$ratio" "$RATE" "$cpu" "$errs"
}

measure download-static /media/bench-100m.bin
STATIC_RATE=$RATE
measure download-100MB "$dl"
STATIC_RATE=
measure download-handoff "$dl" -H "Range: bytes=0-0"

# -- soukctl cron over many subscriptions -----------------------------------
ctl bench-data 0 --subs "$SUBS" > /dev/null
# run NAME NOW: one timed cron run at NOW.
run() {
  t0=$(date +%s%N)
  ctl cron --no-mail --now "$2" > "$OUT/cron.out"
  t1=$(date +%s%N)
  sent=$(sed -n 's/^subscription reminders: \([0-9]*\) sent.*/\1/p' "$OUT/cron.out")
  printf '%-18s %10s s   %s generated subscriptions (and the demo ones), %s reminders sent\n' "$1" \
    "$(awk -v d="$((t1 - t0))" 'BEGIN { printf "%.3f", d / 1e9 }')" "$SUBS" "${sent:-?}"
}
now=$(date +%s)
run cron-first "$now"
run cron-5min "$((now + 300))"
rm -f "$RUN/media/bench-100m.bin"
