# bench/callgrind/store.sh — sourced by profile.sh and nginx.sh with ROOT (the
# checkout, current directory), OUT and PORT set: the store's configuration
# in the environment (run directory $RUN = $OUT/run) and the `make bench`
# store itself in $OUT/souk.db (soukctl bench-data 10000, the first product
# with 1,000 reviews, its slug in $OUT/reviewed), made unless KEEP_DB is set
# and one is there.
RUN="$OUT/run"
export SOUK_DB_PATH="$OUT/souk.db" SOUK_MEDIA_DIR="$RUN/media" SOUK_TEMPLATE_DIR="$ROOT/templates"
export SOUK_LANG_DIR="$ROOT/lang" SOUK_BASE_URL="http://127.0.0.1:$PORT"
export SOUK_CURRENCY=TND SOUK_STORE_NAME="Souk Bench" SOUK_DATA_DIR="$OUT/files"
export SOUK_WORKERS=1 NGINX_ACCESS_LOG=off
export SOUK_SHOP_EMAIL=shop@example.com SOUK_PAY_BANK_IBAN="TN59 0000 0000"
export SOUK_PAY_BANK_NAME="Bench Bank" SOUK_PAY_BANK_HOLDER="Souk Bench"
export SOUK_MAIL_DAEMON=off SOUK_ORDER_RATE_LIMIT=100000000
mkdir -p "$OUT/files"
if [ -z "${KEEP_DB:-}" ] || [ ! -f "$OUT/souk.db" ]; then
  rm -f "$OUT"/souk.db*
  ./soukctl init > /dev/null
  ./soukctl demo > /dev/null
  # The first generated product gets 1,000 reviews (as in bench/run.sh).
  ./soukctl bench-data 10000 --reviews 1000 |
    sed -n 's/^added 1000 reviews to //p' > "$OUT/reviewed"
fi
