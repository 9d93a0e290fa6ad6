# bench/lib/targets.awk — the end of `make bench`: reads the run's results
# file (bench/run.sh and its parts wrote it) and prints each figure beside
# its target (issues 8-16) and its reference in the same run, and whether
# it is met.  A figure the run did not print shows as "-".
function num(s) { gsub(/[^0-9.]/, "", s); return s + 0 }
# ok: 1 met, 0 not, -1 a figure reported without a target.
function row(name, got, target, ok, ref) {
  printf "%-37s %-20s %-20s %-4s %s\n", name, got, target,
    got == "-" ? "?" : (ok < 0 ? "" : (ok ? "met" : "NOT")), ref
}
# measure lines of run.sh: NAME rps req/s p50 X p99 Y [ratio%] cpu ms/req C (...)
$2 ~ /^[0-9.]+$/ && $3 == "req/s" && $4 == "p50" {
  name = $1; rps[name] = $2
  for (i = 5; i <= NF; i++) {
    if ($i ~ /%$/) ratio[name] = num($i)
    if ($i == "ms/req" || $i == "ms/download") cpu[name] = num($(i + 1))
    if ($i == "(workers") wcpu[name] = num($(i + 1))
  }
}
/^worker RSS/ { rss = $0 }
/^logged-in category:/ { for (i = 1; i <= NF; i++) if ($i == "ms/req") li = num($(i - 1)) }
/^anonymous category p99:/ { for (i = 1; i <= NF; i++) if ($i ~ /^\([0-9.]+x\)/) flood = num($i) }
/^add-to-cart:/ { add = num($2) }
/^place-order:/ { place = num($2); for (i = 1; i <= NF; i++) if ($i == "p99") pp99 = num($(i + 1)) }
/^place-order reference:/ { probe = num($5) }
/^search-1000-queries/ { for (i = 1; i <= NF; i++) if ($i == "ms/search") s1000 = num($(i + 1)) }
/^webhook:/ { for (i = 1; i <= NF; i++) if ($i == "hooks" && $(i + 2) ~ /^us/) hook = num($(i + 1)) }
/^cron-5min / { cron = num($2) }
END {
  print ""
  print "== figures and their targets (one run) =="
  printf "%-37s %-20s %-20s %-4s %s\n", "figure", "measured", "target", "", "reference"
  split("category product product-reviews search", mc, " ")
  for (k = 1; k <= 4; k++) {
    n = mc[k]
    row(n " micro-cached", n in ratio ? ratio[n] "% of static" : "-", ">= 90%",
      ratio[n] >= 90, "static " rps["static"] " req/s")
  }
  row("category micro-cached, gzip", "category-gzip" in rps ? rps["category-gzip"] " req/s" : "-",
    "", -1, "static gzipped by nginx " rps["static-gzip"] " req/s")
  row("category uncached", "category-uncached" in cpu ? cpu["category-uncached"] " ms" : "-",
    "<= 0.15 ms", cpu["category-uncached"] <= 0.15, "")
  row("product uncached", "product-uncached" in cpu ? cpu["product-uncached"] " ms" : "-",
    "<= 0.15 ms", cpu["product-uncached"] <= 0.15, "")
  row("product with 1,000 reviews uncached", "reviews-uncached" in cpu ? cpu["reviews-uncached"] " ms" : "-",
    "<= 0.15 ms", cpu["reviews-uncached"] <= 0.15, "")
  # The same pages rendered at every request (body_cache = 0): what the
  # worker's page cache saves; no target of their own.
  split("category product reviews", rd, " ")
  for (k = 1; k <= 3; k++) {
    n = rd[k] "-rendered"
    row((rd[k] == "reviews" ? "1,000 reviews" : rd[k]) \
      " rendered, body_cache 0", n in cpu ? cpu[n] " ms" : "-", "", -1,
      n in wcpu ? "workers " wcpu[n] " ms" : "")
  }
  row("search uncached (two words)", "search-uncached" in cpu ? cpu["search-uncached"] " ms" : "-",
    "<= 0.5 ms", cpu["search-uncached"] <= 0.5, "")
  row("1,000 varied searches", s1000 != "" ? s1000 " ms each" : "-", "", -1,
    "bound at 100k: bench/search-100k")
  row("logged-in category", li != "" ? li " ms" : "-", "<= 0.25 ms", li <= 0.25, "")
  row("anonymous p99 during login flood", flood != "" ? flood "x" : "-", "<= 2x", flood <= 2, "")
  row("add-to-cart", add != "" ? add " req/s" : "-", "", -1, "")
  row("place-order, synchronous=FULL", place != "" ? place " orders/s" : "-",
    probe != "" ? ">= " probe "/s" : ">= bare probe", probe != "" && place >= probe,
    probe != "" ? "bare probe " probe " orders/s" : "no bare probe in this run")
  row("place-order p99", pp99 != "" ? pp99 " ms" : "-", "<= 50 ms", pp99 <= 50, "32 connections")
  row("webhook, hooks CPU", hook != "" ? hook " us" : "-", "<= 1000 us", hook <= 1000, "")
  n = "download-100MB"
  row("100 MB download vs nginx static", n in ratio ? ratio[n] "%" : "-", ">= 90%",
    ratio[n] >= 90, "nginx /media/ " rps["download-static"] " req/s")
  n = "download-handoff"
  row("download handoff, worker CPU", n in wcpu ? wcpu[n] " ms" : "-", "<= 0.2 ms",
    wcpu[n] <= 0.2, n in cpu ? "with nginx " cpu[n] " ms" : "")
  row("cron, 100k subscriptions", cron != "" ? cron " s" : "-", "<= 1 s", cron <= 1, "")
  if (rss != "") print rss
}
