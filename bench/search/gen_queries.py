#!/usr/bin/python3
"""gen_queries.py N OUT — N varied search paths for the search benchmarks,
deterministic (fixed seed), drawn from the words `soukctl bench-data` uses:

  40% one to three catalog words (the last one often cut short, as typed)
  20% the same with one or two typos (letters swapped, dropped, doubled,
      replaced): the typo correction path
  15% words no product has (random letters): nothing matches, then the
      typo correction finds nothing either
  10% 9 to 14 words (past the word cap), catalog words and typos mixed
  10% 150 to 200 characters of words and punctuation
   5% other sorts (price, name, newest) and price filters on a word

Every query is new text, so a micro-cache keyed by URL would not help; the
benchmark runs with page_cache = 0 anyway and each path is sent several
times."""
import random
import sys
import urllib.parse

ADJ = ("premium ultra classic smart compact family pro express golden silver "
       "wireless digital deluxe mini max plus prime turbo eco royal urban "
       "nomad crystal velvet solar arctic desert ocean cedar amber").split()
NOUN = ("stream box remote cable player pass bundle plan speaker adapter "
        "screen router antenna console camera headset keyboard charger mount "
        "light film series album course guide licence card station hub "
        "drive").split()
DESC = ("channels sport football cinema music download offline family kids "
        "documentary arabic french english subtitles quality fast reliable "
        "warranty delivery screen device android smart television wireless "
        "bluetooth battery replay series season episode licence office "
        "security antivirus storage cloud gaming console controller premium "
        "support setup guide install update live news weather comedy drama "
        "action thriller romance").split()
WORDS = ADJ + NOUN + DESC


def typo(rng, w):
    if len(w) < 4:
        return w
    i = rng.randrange(1, len(w) - 1)
    k = rng.randrange(4)
    if k == 0:
        return w[:i] + w[i + 1] + w[i] + w[i + 2:]        # swap
    if k == 1:
        return w[:i] + w[i + 1:]                           # drop
    if k == 2:
        return w[:i] + w[i] + w[i:]                        # double
    return w[:i] + rng.choice("aeiourstnl") + w[i + 1:]    # replace


def junk(rng):
    return "".join(rng.choice("bcdfghjklmnpqrstvwxz") for _ in
                   range(rng.randrange(4, 10)))


def query(rng):
    r = rng.random()
    extra = ""
    if r < 0.40:
        ws = [rng.choice(WORDS) for _ in range(rng.randrange(1, 4))]
        if rng.random() < 0.5:
            ws[-1] = ws[-1][:rng.randrange(2, len(ws[-1]) + 1)]
    elif r < 0.60:
        ws = [rng.choice(WORDS) for _ in range(rng.randrange(1, 3))]
        ws = [typo(rng, w) if rng.random() < 0.8 else w for w in ws]
    elif r < 0.75:
        ws = [junk(rng) for _ in range(rng.randrange(1, 3))]
    elif r < 0.85:
        ws = [rng.choice(WORDS) if rng.random() < 0.6 else
              typo(rng, rng.choice(WORDS)) for _ in range(rng.randrange(9, 15))]
    elif r < 0.95:
        s = ""
        while len(s) < rng.randrange(150, 200):
            s += rng.choice(WORDS + [junk(rng)]) + rng.choice(" ,.- ")
        ws = [s[:200].strip()]
    else:
        ws = [rng.choice(WORDS)]
        extra = rng.choice(["&sort=price", "&sort=name", "&sort=new",
                            "&min=10&max=200", "&sort=price-desc&page=2"])
    return "/search?q=" + urllib.parse.quote_plus(" ".join(ws)) + extra


def main():
    n, out = int(sys.argv[1]), sys.argv[2]
    rng = random.Random(16)
    seen = set()
    with open(out, "w") as f:
        while len(seen) < n:
            p = query(rng)
            if p not in seen:
                seen.add(p)
                f.write(p + "\n")


main()
