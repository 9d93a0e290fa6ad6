#!/bin/sh
# bench/callgrind/profile.sh PROGRAM — instruction counts (callgrind Ir) per
# request of the real FastCGI workers behind the real nginx, on the `make
# bench` store (soukctl bench-data 10000, page_cache = 0).  Unlike wall-clock
# or CPU figures they repeat on a busy machine, so they are what a change
# is judged by (docs/performance.md).
#
#   PROGRAM  catalog (category, product, search pages) or checkout
#            (place-order; the cart program makes the carts)
# The workers of PROGRAM run under valgrind; after a warm-up the counters
# are zeroed, N requests are made one after another (N=200), the counters
# dumped, and each path's Ir per request printed:
#   product-uncached  Ir/request 712565  without tree reloads 650000
#                     without refreshes 650000  (200 requests)
# (the header's category tree is reloaded once a second, and a category
# page's facet counts are kept a second: valgrind's slowness makes those
# look like per-request costs, so the figure is also shown without the
# tree reloads, and without both).
# The dumps stay in $OUT (default /tmp/souk-callgrind-N, N from the
# checkout's path) for callgrind_annotate.
# checkout also measures place-order-batch: BATCH (16) shoppers sending
# their forms at once, round after round (N / BATCH rounds), so the
# worker places them in batches as under load (BATCH=0: not measured).
# Env: N, BATCH, OUT, PORT (18190 + 2 x N mod 400), KEEP_DB (reuse $OUT/souk.db
# made earlier), ONLY (paths to measure, e.g. ONLY=search-uncached:
# drive.py).
set -eu
PROG=${1:?usage: profile.sh catalog|checkout}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
N=${N:-200}
# Per checkout (two worktrees may profile at once): its own directory
# and port unless told.
KEY=$(printf %s "$ROOT" | cksum | cut -d" " -f1)
OUT=${OUT:-/tmp/souk-callgrind-$((KEY % 10000))}
PORT=${PORT:-$((18190 + KEY % 400 * 2))}
mkdir -p "$OUT"
. bench/callgrind/store.sh
export SOUK_PAGE_CACHE=0
# The programs, PROG under callgrind (one worker).
BIN="$OUT/bin"
rm -rf "$BIN" && mkdir -p "$BIN/cgi-bin"
for p in "$ROOT"/cgi-bin/*; do
  [ -f "$p" ] && [ -x "$p" ] || continue
  name=$(basename "$p")
  if [ "$name" = "$PROG" ]; then
    # One process, no supervisor: FastCGI on a socket handed in as fd 0
    # (callgrind_control reaches the process valgrind started).
    cat > "$BIN/cgi-bin/$name" <<WRAP
#!/usr/bin/python3
import os, socket, sys
path = sys.argv[2].split(":", 1)[1]
s = socket.socket(socket.AF_UNIX)
if os.path.exists(path):  # left by an earlier run
    os.unlink(path)
s.bind(path)
s.listen(64)
os.dup2(s.fileno(), 0)
os.execvp("valgrind", ["valgrind", "-q", "--tool=callgrind",
          "--callgrind-out-file=$OUT/cg.%p", "$p"])
WRAP
  else
    printf '#!/bin/sh\nexec %s "$@"\n' "$p" > "$BIN/cgi-bin/$name"
  fi
  chmod +x "$BIN/cgi-bin/$name"
done
rm -f "$OUT"/cg.*
SOUK_BIN="$BIN" sh tools/stack.sh start "$RUN" "$PORT" > /dev/null
trap 'sh tools/stack.sh stop "$RUN"' EXIT
/usr/bin/python3 bench/callgrind/drive.py "$SOUK_BASE_URL" "$PROG" "$N" "$OUT"
