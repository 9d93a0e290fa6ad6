#!/bin/sh
# tools/install.sh install|uninstall — `make install` / `make uninstall`.
# The Makefile passes PREFIX, DESTDIR, BINDIR (where the built cgi-bin/ and
# soukctl are) and SYSCONFDIR.  What goes where (docs/deploy.md, "Layout"):
#   PREFIX/bin/soukctl
#   PREFIX/lib/souk/cgi-bin/<program>
#   PREFIX/share/souk/{templates,lang,htdocs}, the *.example files, schema.sql
#   PREFIX/share/doc/souk/deploy.md
#   PREFIX/lib/systemd/system/souk@.service, souk-mail.service,
#     souk-backup.service/.timer, souk-cron.service/.timer (UNITDIR to change),
#     souk@checkout.service.d/workers.conf (checkout's worker count)
# Every installed path is listed in PREFIX/share/souk/MANIFEST, which
# uninstall reads: it removes exactly what install put there.
set -eu
cmd=${1:-install}
: "${PREFIX:=/usr/local}" "${DESTDIR:=}" "${BINDIR:=.}" "${SYSCONFDIR:=/etc}"
ROOT=$(cd "$(dirname "$0")/.." && pwd)
SHARE=$PREFIX/share/souk
DOCDIR=$PREFIX/share/doc/souk
LIBEXEC=$PREFIX/lib/souk/cgi-bin
UNITDIR=${UNITDIR:-$PREFIX/lib/systemd/system}
MANIFEST=$DESTDIR$SHARE/MANIFEST

if [ "$cmd" = uninstall ]; then
  [ -f "$MANIFEST" ] || { echo "nothing installed under $DESTDIR$PREFIX" >&2; exit 1; }
  # Files first, then the folders souk owns (deepest first), if empty.
  while read -r f; do rm -f "$DESTDIR$f"; done < "$MANIFEST"
  rm -f "$MANIFEST"
  for d in "$SHARE" "$DOCDIR" "$PREFIX/lib/souk"; do
    [ -d "$DESTDIR$d" ] && find "$DESTDIR$d" -depth -type d -empty -delete
  done
  for d in "$DESTDIR$UNITDIR"/souk*.service.d; do
    [ -d "$d" ] && rmdir "$d" 2>/dev/null || true
  done
  echo "removed souk from $DESTDIR$PREFIX"
  exit 0
fi

list=$(mktemp)
trap 'rm -f "$list"' EXIT
# put MODE SRC DEST: installs one file, records it.
put() {
  install -D -m "$1" "$2" "$DESTDIR$3"
  echo "$3" >> "$list"
}
# The installed paths, written into the copies that name them.
subst() {
  sed -e "s#@PREFIX@#$PREFIX#g" -e "s#@BINDIR@#$PREFIX/bin#g" \
      -e "s#@LIBEXECDIR@#$LIBEXEC#g" -e "s#@SHAREDIR@#$SHARE#g" \
      -e "s#@DOCDIR@#$DOCDIR#g" -e "s#@SYSCONFDIR@#$SYSCONFDIR#g" \
      -e "s#/usr/local/share/souk/#$SHARE/#g" \
      -e "s#/usr/local/lib/souk/cgi-bin#$LIBEXEC#g" "$1"
}

put 755 "$BINDIR/soukctl" "$PREFIX/bin/soukctl"
for p in "$BINDIR"/cgi-bin/*; do
  [ -f "$p" ] && [ -x "$p" ] || continue
  put 755 "$p" "$LIBEXEC/$(basename "$p")"
done
cd "$ROOT"
for f in $(find templates lang htdocs -type f | sort); do
  put 644 "$f" "$SHARE/$f"
done
put 644 schema.sql "$SHARE/schema.sql"
tmp=$(mktemp -d)
for f in nginx.conf.example nginx-http.conf.example souk-cache.conf.example \
         souk.conf.example apache.conf.example; do
  [ -f "$f" ] || continue
  subst "$f" > "$tmp/$f"
  put 644 "$tmp/$f" "$SHARE/$f"
done
for u in systemd/*; do
  [ -f "$u" ] || continue
  subst "$u" > "$tmp/$(basename "$u")"
  put 644 "$tmp/$(basename "$u")" "$UNITDIR/$(basename "$u")"
done
# Drop-ins of one unit (souk@checkout.service.d/workers.conf).
for u in systemd/*.d/*.conf; do
  [ -f "$u" ] || continue
  d=$(basename "$(dirname "$u")")
  mkdir -p "$tmp/$d"
  subst "$u" > "$tmp/$d/$(basename "$u")"
  put 644 "$tmp/$d/$(basename "$u")" "$UNITDIR/$d/$(basename "$u")"
done
rm -rf "$tmp"
[ -f docs/deploy.md ] && put 644 docs/deploy.md "$DOCDIR/deploy.md"
install -d "$DESTDIR$SHARE"
sort -u "$list" > "$MANIFEST"
echo "installed souk under $DESTDIR$PREFIX ($(wc -l < "$MANIFEST") files; see $SHARE/MANIFEST)"
