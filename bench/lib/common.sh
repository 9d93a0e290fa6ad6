# bench/lib/common.sh — what the parts of `make bench` (bench/*.sh) share; sourced
# with HERE (bench/), RUN (the store's run directory) and OUT (the part's
# working directory) set.

# req/s and p99 (ms) from wrk --latency output in $1.
rate() { awk '/^Requests\/sec:/ { printf "%d", $2 }' "$1"; }
p99() {
  awk '$1 == "99%" { v = $2; u = v; sub(/[0-9.]+/, "", u); sub(/[a-z]+$/, "", v);
    if (u == "us") v /= 1000; else if (u == "s") v *= 1000; printf "%.2f", v }' "$1"
}
# Requests wrk completed in $1.
requests() { awk '/requests in/ { print $1 }' "$1"; }

# CPU seconds of program P (cart, checkout, nginx) in snapshot file $1.
cpu_of() { awk -v p="$2" '$1 == p { print $2 }' "$1"; }
# " P A us" per request between snapshots $1 and $2 for n=$3 requests,
# for each program of the list $4.
cpu_per() {
  for p in $4; do
    a=$(cpu_of "$1" "$p"); b=$(cpu_of "$2" "$p")
    awk -v a="${a:-0}" -v b="${b:-0}" -v n="$3" -v p="$p" \
      'BEGIN { if (n > 0) printf " %s %d us", p, (b - a) * 1e6 / n }'
  done
}
# Total ms per request of the programs $4 between snapshots $1 and $2.
cpu_ms() {
  t=0
  for p in $4; do
    a=$(cpu_of "$1" "$p"); b=$(cpu_of "$2" "$p")
    t=$(awk -v t="$t" -v a="${a:-0}" -v b="${b:-0}" 'BEGIN { print t + b - a }')
  done
  awk -v t="$t" -v n="$3" 'BEGIN { if (n > 0) printf "%.3f", t * 1000 / n }'
}
# Snapshot of every store process's CPU so far into $OUT/$1.
snap() { /usr/bin/python3 "$HERE/checkout/cpu.py" "$RUN" > "$OUT/$1"; }
# ticks PATTERN: utime+stime (clock ticks) of the processes matching it.
ticks() {
  t=0
  for p in $(pgrep -f "$1" || true); do
    [ -r /proc/$p/stat ] || continue
    t=$((t + $(awk '{print $14 + $15}' /proc/$p/stat)))
  done
  echo $t
}
