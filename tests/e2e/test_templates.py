"""Template rules the escaping cannot enforce by itself: ClearSilver's
`alt:` prints the value it finds as it is (its alt_eval never calls the
escaper that `var:` does), so an `alt:` over text a shopper or staff typed
would be stored XSS.  Every `alt:` may name only our own strings (Lang.*)
or one of the numbers listed here; anything else is written
`<?cs if:x ?><?cs var:x ?><?cs else ?>...<?cs /if ?>`."""
import os
import re

from harness import test, check

TEMPLATES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..",
                         "..", "templates")
# Values the C code puts as numbers only.
NUMBERS = {"Page.fig.awaiting_payment", "Page.fig.proof_received",
           "Req.cart_count", "p.stock"}
ALT = re.compile(r"<\?cs\s+alt:\s*(.*?)\s*\?>", re.S)


@test
def alt_names_only_our_strings_or_numbers():
    bad, seen = [], 0
    for top, _, files in os.walk(TEMPLATES):
        for name in files:
            if not name.endswith(".cs"):
                continue
            path = os.path.join(top, name)
            with open(path, encoding="utf-8") as f:
                text = f.read()
            for m in ALT.finditer(text):
                seen += 1
                arg = m.group(1)
                if not arg.startswith("Lang.") and arg not in NUMBERS:
                    line = text.count("\n", 0, m.start()) + 1
                    bad.append("%s:%d alt:%s" % (
                        os.path.relpath(path, TEMPLATES), line, arg))
    check(seen > 0, "the pattern finds the templates' alt: (none seen)")
    check(not bad, "alt: prints unescaped; use if/var/else: " +
          "; ".join(bad))
