#!/bin/sh
# tools/deps.sh [run|test|bench] — install the Debian 12 packages souk needs.
# As root: runs `apt-get update` once (only if something is missing) and installs
# what is missing.  As another user: prints the exact apt-get line to run.
set -eu
what=${1:-run}
pkgs="build-essential pkg-config libfcgi-dev libsqlite3-dev sqlite3 clearsilver-dev
libscrypt-dev libesmtp-dev libsodium-dev libjansson-dev libqrencode-dev
libssl-dev libcurl4-openssl-dev libvips-dev libcmark-dev nginx-light zlib1g-dev curl python3-aiosmtpd"
case "$what" in
  test)  pkgs="$pkgs python3-aiosmtpd openssl chromium nodejs npm curl clang libclang-rt-14-dev spawn-fcgi apache2 libapache2-mod-fcgid systemd" ;;
  bench) pkgs="$pkgs wrk curl" ;;
esac
missing=""
for p in $pkgs; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing="$missing $p"
done
# node/npm may come from elsewhere (nodesource, nvm): accept any working npm.
case "$missing" in *" npm"*|*" nodejs"*)
  if command -v npm >/dev/null 2>&1 && command -v node >/dev/null 2>&1; then
    missing=$(echo "$missing" | sed 's/ nodejs//; s/ npm//')
  fi ;;
esac
[ -z "$missing" ] && exit 0
if [ "$(id -u)" != 0 ]; then
  echo "souk needs these Debian packages; run as root:" >&2
  echo "  apt-get update && apt-get install -y --no-install-recommends$missing" >&2
  exit 1
fi
echo "installing:$missing"
export DEBIAN_FRONTEND=noninteractive
apt-get update -q
# shellcheck disable=SC2086
apt-get install -y -q --no-install-recommends $missing
