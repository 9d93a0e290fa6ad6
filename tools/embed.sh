#!/bin/sh
# embed.sh FILE... — print a C file holding each FILE as a NUL-terminated string,
# plus a table `embedded_files[]` {name, text} ending with {NULL, NULL}.
set -eu
i=0
for f in "$@"; do
  printf 'static const char file_%d[] = {\n' "$i"
  od -An -v -tx1 "$f" | sed 's/  */ /g; s/^ //; s/ $//; s/\([0-9a-f][0-9a-f]\)/0x\1,/g'
  printf '0x00 };\n'
  i=$((i + 1))
done
printf '#include "embedded.h"\nconst struct embedded_file embedded_files[] = {\n'
i=0
for f in "$@"; do
  printf '  { "%s", file_%d },\n' "$f" "$i"
  i=$((i + 1))
done
printf '  { 0, 0 }\n};\n'
