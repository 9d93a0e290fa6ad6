#!/bin/sh
# layers.sh — the library's layers hold (docs/library.md):
#   - every layer compiles with only its own and lower folders on the
#     include path, so an upward #include does not compile: tried here for
#     each pair (a probe file in layer L including a header of layer L+1);
#   - tools/check-layers.sh finds no include cycle and no upward include;
#   - it does find a planted cycle (so the check itself works).
# Prints "layers: N passed, M failed".
set -u
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
pass=0 fail=0
ok()   { pass=$((pass + 1)); echo "ok   $1"; }
bad()  { fail=$((fail + 1)); echo "FAIL $1"; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
CC=${CC:-cc}
CSF="-std=c11 -D_GNU_SOURCE -isystem /usr/include/ClearSilver -fsyntax-only"

# One header of each layer, to include from the layer below.
set -- web:http_req.h db:db.h mail:mail.h store:db_order.h site:site.h
inc="" prev=""
for pair in "$@"; do
  layer=${pair%%:*} hdr=${pair#*:}
  if [ -n "$prev" ]; then
    printf '#include "%s"\nint probe(void);\nint probe(void) { return 0; }\n' \
      "$hdr" > "$tmp/probe.c"
    if $CC $CSF $inc "$tmp/probe.c" > "$tmp/out" 2>&1; then
      bad "upward include $prev -> $layer ($hdr) compiled"
    elif grep -q "$hdr: No such file" "$tmp/out"; then
      ok "upward include $prev -> $layer ($hdr) refused by the compiler"
    else
      bad "upward include $prev -> $layer: unexpected error: $(head -n 3 "$tmp/out")"
    fi
  fi
  inc="$inc -Ilib/$layer" prev=$layer
done

if sh tools/check-layers.sh > "$tmp/out" 2>&1; then
  ok "no include cycle, no upward include"
else
  bad "check-layers: $(cat "$tmp/out")"
fi

# The checker itself: a copy of the tree with a planted cycle fails it.
mkdir -p "$tmp/tree/tools" "$tmp/tree/cgi-bin"
cp -R lib ctl "$tmp/tree/"
cp cgi-bin/*.c "$tmp/tree/cgi-bin/"
cp -R cgi-bin/parts "$tmp/tree/cgi-bin/"
cp tools/check-layers.sh "$tmp/tree/tools/"
printf '#include "buf.h"\n' >> "$tmp/tree/lib/web/arena.h"
printf '#include "arena.h"\n' >> "$tmp/tree/lib/web/buf.h"
if sh "$tmp/tree/tools/check-layers.sh" > "$tmp/out" 2>&1; then
  bad "check-layers missed a planted cycle arena.h <-> buf.h"
elif grep -q "include cycle" "$tmp/out"; then
  ok "check-layers reports a planted cycle"
else
  bad "check-layers failed oddly: $(cat "$tmp/out")"
fi

echo "layers: $pass passed, $fail failed"
[ "$fail" = 0 ]
