#!/bin/sh
# gen-common-passwords.sh — writes data/common-passwords.txt: the 10,000
# most common passwords, most common first, one per line.
#
# Source: the "passwords" frequency list of zxcvbn (Dropbox, MIT licence),
# as shipped by Debian 12's package python3-zxcvbn (4.4.28) in
# /usr/lib/python3/dist-packages/zxcvbn/frequency_lists.py.  That list is
# ranked by frequency in leaked-password corpora (30,000 entries); we keep
# its first 10,000, lower-cased, without duplicates.  Run by hand after
# `apt-get install python3-zxcvbn`; the result is committed, so building
# souk needs neither the package nor this script.
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
/usr/bin/python3 - "$ROOT/data/common-passwords.txt" <<'PY'
import sys
from zxcvbn.frequency_lists import FREQUENCY_LISTS
seen, out = set(), []
for w in FREQUENCY_LISTS["passwords"]:
    w = w.strip().lower()
    if w and w not in seen and "\n" not in w:
        seen.add(w)
        out.append(w)
    if len(out) == 10000:
        break
assert len(out) == 10000, len(out)
with open(sys.argv[1], "w") as f:
    f.write("\n".join(out) + "\n")
PY
