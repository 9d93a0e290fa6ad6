/* cmd_bench_data.c — soukctl bench-data N [--orders M] [--subs S]
 * [--reviews R]: N generated
 * products for the benchmarks (bench/), spread over a 4 x 5 category
 * tree, with names and descriptions drawn from word lists so full-text
 * search has a realistic vocabulary; with --orders, M orders over the
 * last two years on (the first 1000 of) those products (bench_orders.c);
 * with --subs, S subscriptions of the plan bench-iptv, each from its own
 * paid order (N may be 0 then); with --reviews, R published reviews on
 * the first new product (bench_reviews.c).
 * Deterministic: the same N gives the same catalog. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "arena.h"
#include "bench_orders.h"
#include "bench_reviews.h"
#include "store_conf.h"
#include "ctl.h"
#include "db_catalog.h"
#include "db_products.h"
#include "db_stats.h"

static const char *const adjectives[] = {
	"Premium", "Ultra", "Classic", "Smart", "Compact", "Family", "Pro",
	"Express", "Golden", "Silver", "Wireless", "Digital", "Deluxe", "Mini",
	"Max", "Plus", "Prime", "Turbo", "Eco", "Royal", "Urban", "Nomad",
	"Crystal", "Velvet", "Solar", "Arctic", "Desert", "Ocean", "Cedar",
	"Amber",
};
static const char *const nouns[] = {
	"Stream", "Box", "Remote", "Cable", "Player", "Pass", "Bundle", "Plan",
	"Speaker", "Adapter", "Screen", "Router", "Antenna", "Console", "Camera",
	"Headset", "Keyboard", "Charger", "Mount", "Light", "Film", "Series",
	"Album", "Course", "Guide", "Licence", "Card", "Station", "Hub", "Drive",
};
/* Description words: the domain words below are the most frequent, then a
 * long tail of generated words, drawn with a Zipf-like law (a word's
 * frequency falls as 1/rank) as in real product text. */
static const char *const words[] = {
	"channels", "sport", "football", "cinema", "music", "download", "offline",
	"family", "kids", "documentary", "arabic", "french", "english", "subtitles",
	"quality", "fast", "reliable", "warranty", "delivery", "screen", "device",
	"android", "smart", "television", "wireless", "bluetooth", "battery",
	"replay", "series", "season", "episode", "licence", "office", "security",
	"antivirus", "storage", "cloud", "gaming", "console", "controller",
	"premium", "support", "setup", "guide", "install", "update", "live",
	"news", "weather", "comedy", "drama", "action", "thriller", "romance",
};
static const char *const syllables[] = {
	"ka", "lo", "mi", "ra", "ton", "vel", "sen", "dor", "pa", "ri", "no",
	"ta", "sul", "mar", "en", "cor", "li", "ba", "fen", "zu",
};
#define VOCAB 3000
/* Products the generated orders buy from. */
#define BENCH_BUY 1000
#define N(a) (sizeof(a) / sizeof((a)[0]))

static unsigned long long state = 88172645463325252ULL;
static char vocab[VOCAB][16];
static double zipf_cdf[VOCAB];

static unsigned
next(unsigned n)
{
	state ^= state << 13;	/* xorshift64: repeatable, good enough */
	state ^= state >> 7;
	state ^= state << 17;
	return (unsigned)(state % n);
}

/* The vocabulary (domain words, then syllable words) and its Zipf CDF. */
static void
make_vocab(void)
{
	double sum = 0;

	for (int i = 0; i < VOCAB; i++) {
		if ((size_t)i < N(words))
			snprintf(vocab[i], sizeof(vocab[i]), "%s", words[i]);
		else
			snprintf(vocab[i], sizeof(vocab[i]), "%s%s%s",
			    syllables[i % N(syllables)],
			    syllables[(i / N(syllables)) % N(syllables)],
			    syllables[(i / (N(syllables) * N(syllables))) % N(syllables)]);
		sum += 1.0 / (i + 1);
		zipf_cdf[i] = sum;
	}
	for (int i = 0; i < VOCAB; i++)
		zipf_cdf[i] /= sum;
}

static const char *
zipf_word(void)
{
	double u = (double)next(1000000) / 1000000.0;
	int lo = 0, hi = VOCAB - 1;

	while (lo < hi) {
		int mid = (lo + hi) / 2;
		if (zipf_cdf[mid] < u)
			lo = mid + 1;
		else
			hi = mid;
	}
	return vocab[lo];
}

static int
make_categories(struct db *db, long long ids[20])
{
	for (int t = 0; t < 4; t++) {
		char slug[48], name[48];
		long long top;

		snprintf(slug, sizeof(slug), "bench-%d", t + 1);
		snprintf(name, sizeof(name), "Bench department %d", t + 1);
		if ((top = db_category_id(db, slug)) == 0)
			top = db_category_create(db, 0, slug, name, "", 100 + t);
		if (top <= 0)
			return -1;
		for (int s = 0; s < 5; s++) {
			long long id;
			snprintf(slug, sizeof(slug), "bench-%d-%d", t + 1, s + 1);
			snprintf(name, sizeof(name), "Bench aisle %d.%d", t + 1, s + 1);
			if ((id = db_category_id(db, slug)) == 0)
				id = db_category_create(db, top, slug, name, "", s);
			if (id <= 0)
				return -1;
			ids[t * 5 + s] = id;
		}
	}
	return 0;
}

/* A count from 1 to 10000000 in s (0 allowed when zero_ok); -1 when not. */
static long long
count_arg(const char *s, int zero_ok)
{
	char *end;
	long long v = strtoll(s, &end, 10);

	return *s == '\0' || *end != '\0' || v < !zero_ok || v > 10000000 ?
	    -1 : v;
}

#define USAGE "N [--orders M] [--subs S] [--reviews R]"

/* N [--orders M] [--subs S] [--reviews R] into n, m, subs, r (0 when
 * absent); 0, -2 with the usage printed, -1 with the reason printed. */
static int
parse_args(int argc, char **argv, long long *n, long long *m,
    long long *subs, long long *r)
{
	if (argc < 2 || argc % 2)
		return -ctl_usage(argv[0], USAGE);
	for (int i = 2; i < argc; i += 2) {
		long long *v = strcmp(argv[i], "--orders") == 0 ? m :
		    strcmp(argv[i], "--subs") == 0 ? subs :
		    strcmp(argv[i], "--reviews") == 0 ? r : NULL;
		if (v == NULL)
			return -ctl_usage(argv[0], USAGE);
		if ((*v = count_arg(argv[i + 1], 0)) < 0) {
			ctl_fail("bench-data", "M, S and R must be numbers "
			    "from 1 to 10000000");
			return -1;
		}
	}
	/* N = 0 adds subscriptions alone; orders buy the new products. */
	if ((*n = count_arg(argv[1], *subs > 0 && *m == 0 && *r == 0)) < 0) {
		ctl_fail("bench-data", "N must be a number from 1 to 10000000 "
		    "(0 with --subs alone)");
		return -1;
	}
	return 0;
}

int
cmd_bench_data(int argc, char **argv)
{
	long long n = 0, m = 0, subs = 0, r = 0, cats[20], start, id;
	long long first_id = 0, now = (long long)time(NULL);
	struct bench_product *bp;
	size_t nbp = 0;
	struct arena a, keep;
	struct db *db;
	int rc = 1;

	if ((rc = parse_args(argc, argv, &n, &m, &subs, &r)) < 0)
		return -rc;
	rc = 1;
	if ((db = ctl_open(0)) == NULL)
		return 1;
	arena_init(&a, 1 << 16);
	arena_init(&keep, 1 << 16);
	if ((bp = arena_alloc(&keep, BENCH_BUY * sizeof(*bp))) == NULL)
		goto fail;
	make_vocab();
	if ((start = db_count_products(db)) < 0 || db_begin(db) < 0 ||
	    make_categories(db, cats) < 0)
		goto fail;
	for (long long i = 0; i < n; i++) {
		struct product_in p = { .compare_at_minor = -1, .active = 1 };
		char desc[1024];
		size_t o = 0;
		unsigned k = next(3);

		p.kind = k == 0 ? "physical" : k == 1 ? "digital" : "physical";
		p.slug = arena_printf(&a, "bench-%lld", start + i + 1);
		p.name = arena_printf(&a, "%s %s %s %lld", adjectives[next(N(adjectives))],
		    adjectives[next(N(adjectives))], nouns[next(N(nouns))], start + i + 1);
		for (int w = 0; w < 30; w++)
			o += (size_t)snprintf(desc + o, sizeof(desc) - o, "%s%s",
			    w ? " " : "", zipf_word());
		p.description = desc;
		p.category_id = cats[next(20)];
		p.price_minor = (long long)(next(500) + 1) * 1000 + next(1000);
		p.stock = next(4) == 0 ? -1 : (long long)next(200);
		p.featured = next(200) == 0;
		p.created_at = now - (long long)next(365 * 86400);
		if ((id = db_product_create(db, &p)) <= 0)
			goto fail;
		if (i == 0)
			first_id = id;
		if (nbp < BENCH_BUY)
			bp[nbp++] = (struct bench_product){ id, p.price_minor,
			    arena_strdup(&keep, p.name), p.kind };
		if (i % 1000 == 999)
			arena_reset(&a);
	}
	/* The typo vocabulary takes in the new products now, not during
	 * the first searches; the full-text index is merged into one
	 * segment (db_search_optimize). */
	if (db_commit(db) < 0 || db_vocab_sync(db, 0) < 0 ||
	    db_search_optimize(db) < 0)
		goto fail;
	ctl_printf("added %lld products (catalog now %lld)\n", n, start + n);
	if (m > 0) {
		long long first = db_stats_last_order(db);
		if (first < 0 || bench_orders(db, &a, m, bp, nbp, first + 1,
		    now) < 0) {
			ctl_fail("bench-data", "orders failed (the products stay)");
			goto out;
		}
		ctl_printf("added %lld orders over 730 days\n", m);
	}
	if (subs > 0) {
		long long first = db_stats_last_order(db);
		if (first < 0 || bench_subs(db, &a, subs, first + 1, now) < 0) {
			ctl_fail("bench-data", "subscriptions failed (the "
			    "products stay)");
			goto out;
		}
		ctl_printf("added %lld subscriptions of bench-iptv\n", subs);
	}
	if (r > 0) {
		if (bench_reviews(db, &a, first_id, r, now) < 0) {
			ctl_fail("bench-data", "reviews failed (the products stay)");
			goto out;
		}
		ctl_printf("added %lld reviews to bench-%lld\n", r, start + 1);
	}
	rc = 0;
	goto out;
fail:
	db_rollback(db);
	ctl_fail("bench-data", "failed; nothing added");
out:
	arena_free(&a);
	arena_free(&keep);
	db_close(db);
	return rc;
}
