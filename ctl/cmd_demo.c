/* cmd_demo.c — soukctl demo: a realistic catalog for trying the store.
 * Categories, IPTV and other subscriptions with 1/3/6/12-month plans, films,
 * series with seasons and episodes, devices and accessories with stock,
 * digital guides, two attributes (brand, resolution) with values.  Creation dates are spread over the last 90 days so
 * "newest" sorting shows something.  Every product gets a cover drawn
 * here (its name on a colour of its slug; no downloads).  Refuses a database that already has
 * products. */
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "arena.h"
#include "attr.h"
#include "store_conf.h"
#include "ctl.h"
#include "db_catalog.h"
#include "demo_data.h"
#include "db_catalog_text.h"
#include "db_products.h"
#include "db_ship.h"
#include "product_image.h"

static long long scale;		/* minor units per major unit */
static long long now;
static unsigned seq;
static int no_cover;		/* a cover could not be stored */

/* Creates product p with a drawn cover (product_image_draw, the admin
 * upload's WebP sizes): its id, or -1. */
static long long
create(struct db *db, const struct product_in *p)
{
	long long id = db_product_create(db, p), img;

	if (id > 0 && product_image_draw(db, conf_str(CONF_MEDIA_DIR), id,
	    p->slug, p->name, &img) != PIMG_OK) {
		no_cover = 1;
		return -1;
	}
	return id;
}

/* The covers on disk before the rows naming them commit: 0 or -1. */
static int
covers_synced(void)
{
	if (product_image_sync(conf_str(CONF_MEDIA_DIR)) == 0)
		return 0;
	no_cover = 1;
	return -1;
}

static long long
minor(double major)
{
	return llround(major * (double)scale);
}

/* A creation time in the last 90 days, the same on every run. */
static long long
created(void)
{
	seq = seq * 1103515245u + 12345u;
	return now - (long long)((seq >> 8) % (90 * 86400));
}

/* The French catalog text (demo_texts_fr) and a label for the Gold
 * plans in both languages. */
static int
load_texts(struct db *db)
{
	static const char *const labels[2][2] = {
		{ "12 months: best value", "12 mois : le meilleur prix" },
		{ "1 month: try it", "1 mois : pour essayer" },
	};
	long long gold = db_product_id(db, "iptv-gold-4k");

	for (const struct demo_text *t = demo_texts_fr; t->slug; t++) {
		long long id = t->kind == 'c' ? db_category_id(db, t->slug) :
		    db_product_id(db, t->slug);
		if (id <= 0 || (t->kind == 'c' ? db_text_put_category(db, id,
		    LANG_FR, t->name, t->description) : db_text_put_product(db, id,
		    LANG_FR, t->name, t->description)) < 0)
			return -1;
	}
	for (int i = 0; i < 2; i++) {
		long long plan = db_plan_id(db, gold, i == 0 ? 12 : 1, 0);
		if (plan <= 0 || db_text_put_plan(db, plan, LANG_EN,
		    labels[i][0]) < 0 || db_text_put_plan(db, plan, LANG_FR,
		    labels[i][1]) < 0)
			return -1;
	}
	return 0;
}

static int
load_categories(struct db *db)
{
	long long pos = 0;

	for (const struct demo_category *c = demo_categories; c->slug; c++) {
		long long parent = c->parent ? db_category_id(db, c->parent) : 0;
		if (parent < 0 || db_category_create(db, parent, c->slug, c->name,
		    c->description, pos++) <= 0)
			return -1;
	}
	return 0;
}

static int
load_subscriptions(struct db *db, int *count)
{
	for (const struct demo_subscription *s = demo_subscriptions; s->slug; s++) {
		const double prices[4] = { s->m1, s->m3, s->m6, s->m12 };
		const int months[4] = { 1, 3, 6, 12 };
		struct product_in p = {
			.slug = s->slug, .name = s->name, .description = s->description,
			.kind = "subscription", .position = 0, .compare_at_minor = -1,
			.stock = s->stock, .featured = s->featured, .active = 1,
			.created_at = created(),
		};
		long long id;
		int plans = 0;

		p.category_id = db_category_id(db, s->category);
		p.price_minor = minor(s->m1 ? s->m1 : s->m12);
		if (p.category_id <= 0 || (id = create(db, &p)) <= 0)
			return -1;
		for (int i = 0; i < 4; i++)
			if (prices[i] > 0) {
				if (db_plan_put(db, id, months[i], 0, minor(prices[i]),
				    i) <= 0)
					return -1;
				plans++;
			}
		if (plans == 0 && db_plan_put(db, id, 0, 7, minor(5), 0) <= 0)
			return -1;	/* the trial week */
		(*count)++;
	}
	return 0;
}

static int
load_items(struct db *db, int *count)
{
	for (const struct demo_item *it = demo_items; it->slug; it++) {
		struct product_in p = {
			.slug = it->slug, .name = it->name,
			.description = it->description, .kind = it->kind,
			.media_type = it->media, .price_minor = minor(it->price),
			.compare_at_minor = it->compare_at > 0 ? minor(it->compare_at) : -1,
			.stock = it->stock, .featured = it->featured, .active = 1,
			.created_at = created(),
		};

		p.category_id = db_category_id(db, it->category);
		if (p.category_id <= 0 || create(db, &p) <= 0)
			return -1;
		(*count)++;
	}
	return 0;
}

/* "The Last Caravan" -> "the-last-caravan" (ASCII titles only). */
static const char *
slugify(struct arena *a, const char *title, const char *suffix)
{
	char out[160];
	size_t o = 0;
	int dash = 0;

	for (const char *p = title; *p && o < sizeof(out) - 40; p++) {
		char c = *p;
		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
			if (dash && o > 0)
				out[o++] = '-';
			out[o++] = c;
			dash = 0;
		} else
			dash = 1;
	}
	out[o] = '\0';
	return arena_printf(a, "%s%s", out, suffix ? suffix : "");
}

static int
load_films(struct db *db, struct arena *a, int *count)
{
	int i = 0;

	for (const struct demo_film *f = demo_films; f->title; f++, i++) {
		struct product_in p = {
			.slug = slugify(a, f->title, "-film"), .name = f->title,
			.kind = "digital", .media_type = "film",
			.price_minor = minor(f->year >= 2023 ? 9 : f->year >= 2021 ? 7 : 5),
			.compare_at_minor = -1, .stock = -1,
			.featured = i % 12 == 0, .active = 1, .created_at = created(),
		};

		p.description = arena_printf(a, "%s\n\n%d · %d min · HD 1080p "
		    "with Arabic, French and English subtitles. Download and keep: "
		    "watch on any device, as often as you like.", f->logline,
		    f->year, f->minutes);
		p.category_id = db_category_id(db, f->genre);
		if (p.category_id <= 0 || create(db, &p) <= 0)
			return -1;
		(*count)++;
	}
	return 0;
}

static int
load_series(struct db *db, struct arena *a, int *count)
{
	long long cat = db_category_id(db, "series");
	int t = 0;

	if (cat <= 0)
		return -1;
	for (const struct demo_series *s = demo_series; s->slug; s++) {
		struct product_in series = {
			.slug = s->slug, .name = s->name, .kind = "digital",
			.media_type = "series", .category_id = cat,
			.price_minor = minor(s->series_price), .compare_at_minor =
			    minor(s->season_price * s->seasons), .stock = -1,
			.featured = s->featured, .active = 1, .created_at = created(),
		};
		long long sid;

		series.description = arena_printf(a, "%s\n\n%s · %d season%s. Buy the "
		    "whole series, a season, or single episodes.", s->logline,
		    s->genre, s->seasons, s->seasons > 1 ? "s" : "");
		if ((sid = create(db, &series)) <= 0)
			return -1;
		(*count)++;
		for (int n = 1; n <= s->seasons; n++) {
			struct product_in season = {
				.slug = arena_printf(a, "%s-s%d", s->slug, n),
				.name = arena_printf(a, "%s — Season %d", s->name, n),
				.description = arena_printf(a, "All %d episodes of season "
				    "%d of %s.", s->episodes, n, s->name),
				.kind = "digital", .media_type = "season",
				.category_id = cat, .parent_id = sid, .position = n,
				.price_minor = minor(s->season_price),
				.compare_at_minor = minor(s->episode_price * s->episodes),
				.stock = -1, .active = 1, .created_at = series.created_at,
			};
			long long season_id;

			if ((season_id = create(db, &season)) <= 0)
				return -1;
			(*count)++;
			for (int e = 1; e <= s->episodes; e++) {
				const char *title = demo_episode_titles[t++ % 16];
				struct product_in ep = {
					.slug = arena_printf(a, "%s-s%de%02d", s->slug, n, e),
					.name = arena_printf(a, "%s S%dE%02d — %s", s->name, n,
					    e, title),
					.description = arena_printf(a, "Season %d, episode %d "
					    "of %s: \"%s\". HD 1080p, about 50 minutes.", n, e,
					    s->name, title),
					.kind = "digital", .media_type = "episode",
					.category_id = cat, .parent_id = season_id,
					.position = e, .price_minor = minor(s->episode_price),
					.compare_at_minor = -1, .stock = -1, .active = 1,
					.created_at = series.created_at,
				};
				if (create(db, &ep) <= 0)
					return -1;
				(*count)++;
			}
		}
	}
	return 0;
}

/* Delivery zones and rates (docs/shipping.md) and the weights of the
 * shipped products; after the catalog, one transaction per zone. */
/* The demo attributes (demo_attrs) and the demo products' values. */
static int
load_attrs(struct db *db, struct arena *a)
{
	enum attr_err errs[ATTR__MAX];
	long long id, opt;

	for (const struct demo_attr *d = demo_attrs; d->slug; d++) {
		const char *name[LANG__MAX] = { d->name_en, d->name_fr };
		long long cat = d->category ? db_category_id(db, d->category) : 0;
		if (cat < 0 || attr_save(db, 0, d->slug, name, cat,
		    d - demo_attrs, errs, &id) != 0)
			return -1;
		for (int i = 0; d->opts[i][0]; i++) {
			const char *label[LANG__MAX] = { d->opts[i][1],
			    d->opts[i][2] };
			if (attr_option_save(db, id, 0, d->opts[i][0], label, i,
			    errs, &opt) != 0)
				return -1;
		}
	}
	for (const struct demo_attr_value *v = demo_attr_values; v->product; v++) {
		struct attr_def d;
		long long p = db_product_id(db, v->product);
		if (p <= 0 || db_attr_option_find(db, a, v->attr, v->option,
		    &d) != 0 || attr_value_set(db, p, d.id, d.opts[0].id) != ATTR_OK)
			return -1;
	}
	return 0;
}

static int
load_shipping(struct db *db)
{
	static const char *const tunisia[] = { "TN" },
	    *const maghreb[] = { "DZ", "MA", "LY" },
	    *const europe[] = { "FR", "BE", "DE", "IT", "ES", "CH" };
	static const struct {
		const char		*name;
		const char *const	*areas;
		size_t			 n;
	} zones[] = {
		{ "Tunisia", tunisia, 1 },
		{ "Maghreb", maghreb, 3 }, { "Europe", europe, 6 },
	};
	/* zone, name, kind, base, step, grams, free from (-1 never), days,
	 * the name in French */
	static const struct {
		const char	*zone, *name;
		enum ship_kind	 kind;
		double		 base, step;
		long long	 grams;
		double		 free_from;
		int		 lo, hi;
		const char	*fr;
	} rates[] = {
		{ "Tunisia", "Standard", SHIP_QUANTITY, 7, 2, 1000, 300, 2, 4,
		    "Livraison standard" },
		{ "Tunisia", "Express", SHIP_FLAT, 15, 0, 1000, -1, 1, 2,
		    "Livraison express" },
		{ "Maghreb", "International", SHIP_WEIGHT, 25, 10, 1000, -1, 5, 10,
		    "Livraison internationale" },
		{ "Europe", "International", SHIP_WEIGHT, 45, 15, 1000, 900, 7, 14,
		    "Livraison internationale" },
	};
	static const struct { const char *slug; long long grams; } weights[] = {
		{ "android-box-x96-max", 450 }, { "android-box-h96-mini", 380 },
		{ "mi-box-s-2", 420 }, { "fire-tv-stick-4k", 200 },
		{ "nvidia-shield-pro", 900 }, { "formuler-z11-pro", 700 },
		{ "mag-524w3", 600 }, { "g20s-voice-remote", 120 },
		{ "mini-keyboard-i8", 250 }, { "wifi-dongle-ac600", 60 },
		{ "tp-link-deco-m4", 1400 }, { "tv-wall-mount-32-65", 2600 },
		{ "tv-wall-mount-full", 4200 }, { "surge-protector-6", 800 },
	};

	for (size_t i = 0; i < sizeof(zones) / sizeof(zones[0]); i++)
		if (db_ship_zone_add(db, zones[i].name, zones[i].areas,
		    zones[i].n, NULL) <= 0)
			return -1;
	for (size_t i = 0; i < sizeof(rates) / sizeof(rates[0]); i++) {
		struct ship_rate r = {
			.name = rates[i].name, .kind = rates[i].kind,
			.base_minor = minor(rates[i].base),
			.step_minor = minor(rates[i].step),
			.step_grams = rates[i].grams,
			.free_from_minor = rates[i].free_from < 0 ? -1 :
			    minor(rates[i].free_from),
			.min_days = rates[i].lo, .max_days = rates[i].hi,
			.active = 1, .names = { [LANG_FR] = rates[i].fr },
		};
		if (db_ship_zone_id(db, rates[i].zone, &r.zone_id) != 0 ||
		    db_ship_rate_add(db, &r) <= 0)
			return -1;
	}
	for (size_t i = 0; i < sizeof(weights) / sizeof(weights[0]); i++)
		if (db_ship_weight(db, weights[i].slug, weights[i].grams) != 0)
			return -1;
	return 0;
}

int
cmd_demo(int argc, char **argv)
{
	struct arena a;
	struct db *db;
	int count = 0, rc = 1;

	if (argc != 1)
		return ctl_usage(argv[0], "");
	if ((db = ctl_open(0)) == NULL)
		return 1;
	if (db_count_products(db) != 0) {
		db_close(db);
		return ctl_fail("demo", "the catalog is not empty; the demo only "
		    "loads into a new store");
	}
	scale = 1;
	for (long long d = conf_int(CONF_CURRENCY_DECIMALS); d > 0; d--)
		scale *= 10;
	now = (long long)time(NULL);
	seq = 20261122;
	arena_init(&a, 1 << 16);
	if (db_begin(db) < 0)
		goto out;
	if (load_categories(db) < 0 || load_subscriptions(db, &count) < 0 ||
	    load_items(db, &count) < 0 || load_films(db, &a, &count) < 0 ||
	    load_series(db, &a, &count) < 0 || load_texts(db) < 0 ||
	    load_attrs(db, &a) < 0 ||
	    covers_synced() < 0) {
		db_rollback(db);
		if (no_cover)
			ctl_fail("demo", "could not store the product images in "
			    "media_dir %s (see the log)", conf_str(CONF_MEDIA_DIR));
		else
			ctl_fail("demo", "could not load the demo catalog");
		goto out;
	}
	if (db_commit(db) < 0 || db_vocab_sync(db, 0) < 0 ||
	    db_search_optimize(db) < 0)
		goto out;
	if (load_shipping(db) < 0) {
		ctl_fail("demo", "could not load the delivery zones");
		goto out;
	}
	ctl_printf("demo catalog loaded: %d products\n", count);
	rc = 0;
out:
	arena_free(&a);
	db_close(db);
	return rc;
}
