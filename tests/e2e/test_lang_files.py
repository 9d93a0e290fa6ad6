"""The language files are well nested: ClearSilver reads an unclosed
block to the end of the file without a word, so a lost "}" silently moves
every later string under the wrong name (a merge did exactly that)."""
import os

from harness import test, check

LANG = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..",
                    "lang")


def blocks(path):
    """The nesting problems of an HDF file, and its top-level sections."""
    stack, problems, top = [], [], []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            t = line.strip()
            if t.startswith("#") or "=" in t or "<<" in t:
                continue
            if t.endswith("{"):
                stack.append((t[:-1].strip(), n))
                if len(stack) == 2:
                    top.append(stack[1][0])
            elif t == "}":
                if not stack:
                    problems.append("line %d: } closes nothing" % n)
                else:
                    stack.pop()
    problems += ["%s opened at line %d is never closed" % s for s in stack]
    return problems, top


@test
def lang_files_are_well_nested_and_alike():
    tops = {}
    for name in ("en.hdf", "fr.hdf"):
        problems, top = blocks(os.path.join(LANG, name))
        check(not problems, "%s: %s" % (name, "; ".join(problems)))
        tops[name] = sorted(set(top))
    check(tops["en.hdf"] == tops["fr.hdf"], "sections differ: %r" % tops)
