#!/bin/sh
# stack.sh start|stop RUNDIR [PORT] — the whole store on one machine: every
# program in $SOUK_BIN/cgi-bin self-listening on RUNDIR/sock/<name>.sock,
# plus nginx on 127.0.0.1:PORT.  Used by `make run`, the tests and bench/.
# The caller sets the SOUK_* configuration in the environment.
#   SOUK_BIN      directory holding cgi-bin/ and soukctl (default: checkout)
#   SOUK_WORKERS  workers per program (default 2)
#   SOUK_WORKERS_<PROGRAM>  one program's own count (SOUK_WORKERS_CHECKOUT);
#                 checkout defaults to 2 x SOUK_WORKERS: its workers mostly
#                 wait for the disk (docs/performance.md, "Place-order")
set -eu
cmd=$1 PORT=${3:-8080}
RUN=$(mkdir -p "$2" && cd "$2" && pwd)
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BIN=${SOUK_BIN:-$ROOT}

# running PID: true while the process runs.  A program that has exited but
# is not yet reaped (a zombie: its parent, this script's earlier run, is
# gone and the machine's init reaps late) counts as ended.
running() {
  kill -0 "$1" 2>/dev/null || return 1
  [ -r "/proc/$1/stat" ] || return 0
  [ "$(sed 's/.*) //; s/ .*//' "/proc/$1/stat" 2>/dev/null)" != Z ]
}

stop() {
  [ -f "$RUN/pids" ] || return 0
  while read -r pid; do kill -TERM "$pid" 2>/dev/null || true; done < "$RUN/pids"
  i=0
  while [ $i -lt 500 ]; do
    alive=0
    while read -r pid; do running "$pid" && alive=1; done < "$RUN/pids"
    [ $alive = 0 ] && break
    sleep 0.02; i=$((i + 1))
  done
  while read -r pid; do kill -KILL "$pid" 2>/dev/null || true; done < "$RUN/pids"
  rm -f "$RUN/pids"
}

case "$cmd" in
stop) stop; exit 0 ;;
start) ;;
*) echo "usage: stack.sh start|stop RUNDIR [PORT]" >&2; exit 2 ;;
esac

if command -v ss >/dev/null 2>&1 && ss -ltn "sport = :$PORT" | grep -q LISTEN; then
  echo "port $PORT is already in use: set PORT=another" >&2
  exit 1
fi
# workers NAME: the worker count of program NAME.
workers() {
  n=$(printenv "SOUK_WORKERS_$(echo "$1" | tr 'a-z-' 'A-Z_')" || true)
  if [ -z "$n" ]; then
    n=${SOUK_WORKERS:-2}
    [ "$1" = checkout ] && n=$((2 * n))
  fi
  echo "$n"
}

stop
# A fresh start never serves pages cached by an earlier one.
rm -rf "$RUN/cache"
mkdir -p "$RUN/logs" "$RUN/media"
sh "$ROOT/tools/nginx-conf.sh" "$ROOT" "$RUN" "$PORT"
: > "$RUN/pids"
# A store that was killed leaves its sockets behind: removed, so the
# readiness check below waits for the new programs' own (nginx connecting
# to a stale one answers 502).
rm -f "$RUN"/sock/*.sock
for prog in "$BIN"/cgi-bin/*; do
  [ -f "$prog" ] && [ -x "$prog" ] || continue
  name=$(basename "$prog")
  "$prog" --listen "unix:$RUN/sock/$name.sock" --workers "$(workers "$name")" \
    > /dev/null 2>> "$RUN/logs/$name.log" &
  echo $! >> "$RUN/pids"
done
# Extra long-running helpers a feature needs (the mail sender...) are
# listed in tools/stack.d/*.sh; each prints the pid it started.
for extra in "$ROOT"/tools/stack.d/*.sh; do
  [ -f "$extra" ] || continue
  RUN="$RUN" BIN="$BIN" sh "$extra" >> "$RUN/pids" 2>> "$RUN/logs/stack.log"
done
# Children never hold the caller's stdout/stderr (a test harness waiting
# for this script to finish would wait for them too).
nginx -p "$RUN" -c "$RUN/nginx.conf" -e "$RUN/logs/nginx-error.log" \
  -g 'daemon off;' > "$RUN/logs/nginx.out" 2>&1 &
echo $! >> "$RUN/pids"
# Ready when nginx answers and every program's socket exists (a program
# built with AddressSanitizer takes a while to get there).
sockets_ready() {
  for prog in "$BIN"/cgi-bin/*; do
    [ -f "$prog" ] && [ -x "$prog" ] || continue
    [ -S "$RUN/sock/$(basename "$prog").sock" ] || return 1
  done
}
i=0
while [ $i -lt 100 ]; do
  if sockets_ready &&
     curl -fsS -o /dev/null "http://127.0.0.1:$PORT/static/souk.css" 2>/dev/null; then
    exit 0
  fi
  sleep 0.1; i=$((i + 1))
done
echo "the store did not start; see $RUN/logs/" >&2
tail -n 20 "$RUN"/logs/*.log >&2 || true
stop
exit 1
