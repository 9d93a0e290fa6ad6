#!/bin/sh
# run.sh — `make run`: a demo store on http://127.0.0.1:${PORT:-8080}/ from
# this checkout, state in run/ (database, sockets, logs).  Ctrl-C stops it.
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
RUN=$ROOT/run
PORT=${PORT:-8080}
export SOUK_DB_PATH="$RUN/souk.db" SOUK_MEDIA_DIR="$RUN/media"
export SOUK_TEMPLATE_DIR="$ROOT/templates" SOUK_LANG_DIR="$ROOT/lang"
export SOUK_DATA_DIR="$RUN/files"
export SOUK_BASE_URL="${SOUK_BASE_URL:-http://127.0.0.1:$PORT}"
export SOUK_STORE_NAME="${SOUK_STORE_NAME:-Souk Demo}"
export SOUK_CURRENCY="${SOUK_CURRENCY:-TND}"
# Demo payment settings and shop address (docs/checkout.md): a real shop
# sets its own in souk.conf.
export SOUK_SHOP_EMAIL="${SOUK_SHOP_EMAIL:-shop@example.com}"
export SOUK_PAY_BANK_NAME="${SOUK_PAY_BANK_NAME:-Demo Bank}"
export SOUK_PAY_BANK_HOLDER="${SOUK_PAY_BANK_HOLDER:-Souk Demo SARL}"
export SOUK_PAY_BANK_IBAN="${SOUK_PAY_BANK_IBAN:-TN59 0000 0000 0000 0000 0000 (demo)}"
export SOUK_PAY_MOBILE="${SOUK_PAY_MOBILE:-Orange Money = +216 20 000 000 (demo); D17 = +216 55 000 000 (demo)}"
# Mail: without an SMTP server of yours (SOUK_SMTP_HOST), a local catcher
# keeps every mail the store sends in run/mail/ (tools/mailcatcher.py).
CATCHER=""
if [ -z "${SOUK_SMTP_HOST:-}" ]; then
  CATCHER=$((PORT + 1025))
  export SOUK_SMTP_HOST=127.0.0.1 SOUK_SMTP_PORT=$CATCHER SOUK_SMTP_STARTTLS=never
fi
mkdir -p "$RUN/files" "$RUN/logs"
cd "$ROOT"
if [ ! -s "$SOUK_DB_PATH" ]; then
  ./soukctl init
  ./soukctl demo
  # Demo staff (docs/accounts.md): passwords generated, printed once here
  # and kept in run/staff.txt for the next `make run`.
  for who in admin employee; do
    ./soukctl user add --email "$who@example.com" --role "$who" --name "Demo $who" |
      sed -n "s/^password: /$who@example.com  /p" >> "$RUN/staff.txt"
  done
else
  ./soukctl migrate
fi
sh tools/stack.sh start "$RUN" "$PORT"
if [ -n "$CATCHER" ]; then
  /usr/bin/python3 tools/mailcatcher.py "$RUN/mail" "$CATCHER" \
    >> "$RUN/logs/mailcatcher.log" 2>&1 < /dev/null &
  echo $! >> "$RUN/pids"
  MAIL_NOTE="mail      $RUN/mail/ (every mail the store sends; ./soukctl mail list)"
else
  MAIL_NOTE="mail      sent through $SOUK_SMTP_HOST:${SOUK_SMTP_PORT:-25}"
fi
# Periodic work as in production (docs/order-limits.md): every 5 minutes
# soukctl cron expires unpaid orders (their stock comes back, the shopper
# gets a mail) and delivers due mail.  SOUK_CRON_INTERVAL changes the pace.
( nap=""
  trap '[ -n "$nap" ] && kill "$nap" 2>/dev/null; exit 0' TERM
  while :; do
    ./soukctl cron >> "$RUN/logs/cron.log" 2>&1 || true
    sleep "${SOUK_CRON_INTERVAL:-300}" & nap=$!
    wait "$nap"
  done ) < /dev/null &
CRON_PID=$!
stop_all() {
  kill "$CRON_PID" 2>/dev/null || true
  sh tools/stack.sh stop "$RUN"
}
trap 'echo; echo "stopping..."; stop_all; exit 0' INT TERM
cat <<MSG

  souk is running: $SOUK_BASE_URL/

  database  $SOUK_DB_PATH
  logs      $RUN/logs/ (soukctl cron every ${SOUK_CRON_INTERVAL:-300} s: cron.log)
  $MAIL_NOTE
  staff     log in at $SOUK_BASE_URL/account/login (e-mail, password):
$(sed 's/^/              /' "$RUN/staff.txt" 2>/dev/null)
  admin     $SOUK_BASE_URL/admin (the back office, docs/admin.md)
  Ctrl-C stops the store; \`make run\` again keeps the data (rm -r run/ to start over).

MSG
# Wait for Ctrl-C (or for nginx to exit).
nginx_pid=$(tail -n 1 "$RUN/pids")
while kill -0 "$nginx_pid" 2>/dev/null; do sleep 1; done
stop_all
