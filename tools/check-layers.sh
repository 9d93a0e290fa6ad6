#!/bin/sh
# tools/check-layers.sh — fails when the library's #include graph has a cycle
# or a file includes a header of a higher layer.  The compiler already
# refuses upward includes (each layer sees only its own and lower folders);
# this also catches cycles inside one layer, which it cannot.
# Layers, lowest first: web db mail store site; then cgi-bin/ and ctl/.
set -eu
cd "$(dirname "$0")/.."
layers="web db mail store site"
rank() { i=0; for l in $layers; do [ "$l" = "$1" ] && { echo $i; return; }; i=$((i+1)); done; echo 9; }
edges=$(mktemp)
trap 'rm -f "$edges"' EXIT
bad=0
for f in lib/*/*.c lib/*/*.h cgi-bin/*.c cgi-bin/parts/*/*.[ch] ctl/*.c; do
  [ -f "$f" ] || continue
  case "$f" in lib/*) own=$(echo "$f" | cut -d/ -f2); me=$(rank "$own") ;;
               ctl/*) me=3 ;; *) me=9 ;; esac
  for h in $(sed -n 's/^#include "\([^"]*\)".*/\1/p' "$f"); do
    target=""
    for l in $layers; do [ -f "lib/$l/$h" ] && target="lib/$l/$h"; done
    [ -n "$target" ] || [ -f "$(dirname "$f")/$h" ] && [ -z "$target" ] && target="$(dirname "$f")/$h"
    [ -n "$target" ] || continue
    case "$target" in lib/*)
      tl=$(rank "$(echo "$target" | cut -d/ -f2)")
      if [ "$tl" -gt "$me" ]; then
        echo "check-layers: $f includes $target (a higher layer)" >&2; bad=1
      fi ;;
    esac
    # A .c file, its header and its _internal.h are one node.
    from=$(echo "${f%.[ch]}" | sed 's/_internal$//').h
    to=$(echo "${target%.h}" | sed 's/_internal$//').h
    echo "$from $to" >> "$edges"
  done
done
if ! tsort "$edges" > /dev/null 2> "$edges.err"; then
  echo "check-layers: include cycle:" >&2
  grep -v 'input contains a loop' "$edges.err" | sed 's/^tsort: /  /' >&2
  bad=1
fi
rm -f "$edges.err"
[ "$bad" = 0 ] || exit 1
