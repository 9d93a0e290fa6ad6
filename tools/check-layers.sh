#!/bin/sh
# tools/check-layers.sh — fails when the library's #include graph has a cycle
# or a file includes a header of a higher layer.  The compiler already
# refuses upward includes (each layer sees only its own and lower folders);
# this also catches cycles inside one layer, which it cannot.
# Layers, lowest first: web db mail store site; then cgi-bin/ and ctl/.
# One awk pass over every file (it runs on every make).
set -eu
cd "$(dirname "$0")/.."
edges=$(mktemp)
trap 'rm -f "$edges" "$edges.err"' EXIT
files=$(ls lib/*/*.c lib/*/*.h cgi-bin/*.c cgi-bin/parts/*/*.[ch] ctl/*.c \
  2>/dev/null || true)
# Headers known to each folder, given to awk first (a line "H path").
bad=0
{ for h in lib/*/*.h cgi-bin/*.h cgi-bin/parts/*/*.h ctl/*.h; do [ -f "$h" ] && echo "H $h"; done; } |
awk -v edges="$edges" -v files="$files" '
function rank(l) { return (l in R) ? R[l] : 9 }
function node(p) { sub(/\.[ch]$/, "", p); sub(/_internal$/, "", p); return p ".h" }
BEGIN { split("web db mail store site", L, " "); for (i in L) R[L[i]] = i - 1 }
$1 == "H" { HAVE[$2] = 1; next }
END {
  n = split(files, F, "\n"); bad = 0
  for (i = 1; i <= n; i++) {
    f = F[i]; if (f == "") continue
    split(f, part, "/"); dir = f; sub(/\/[^\/]*$/, "", dir)
    if (part[1] == "lib") me = rank(part[2]); else if (part[1] == "ctl") me = 3; else me = 9
    while ((getline line < f) > 0) {
      if (line !~ /^#include "/) continue
      h = line; sub(/^#include "/, "", h); sub(/".*/, "", h)
      target = ""
      for (k = 1; k <= 5; k++) if (("lib/" L[k] "/" h) in HAVE) target = "lib/" L[k] "/" h
      if (target == "" && ((dir "/" h) in HAVE)) target = dir "/" h
      if (target == "") continue
      if (target ~ /^lib\//) {
        split(target, tp, "/")
        if (rank(tp[2]) > me) {
          print "check-layers: " f " includes " target " (a higher layer)" > "/dev/stderr"; bad = 1
        }
      }
      print node(f), node(target) > edges
    }
    close(f)
  }
  exit bad
}' || bad=1
if ! tsort "$edges" > /dev/null 2> "$edges.err"; then
  echo "check-layers: include cycle:" >&2
  grep -v 'input contains a loop' "$edges.err" | sed 's/^tsort: /  /' >&2
  bad=1
fi
[ "$bad" = 0 ] || exit 1
