/* demo_data.h — the demo catalog's content (demo_data.c), loaded by
 * soukctl demo.  Prices are in major units of the store currency. */
#ifndef SOUK_DEMO_DATA_H
#define SOUK_DEMO_DATA_H

struct demo_category {
	const char *slug, *name, *parent, *description;
};

/* A subscription sold in 1/3/6/12-month plans (0 price: plan not offered). */
struct demo_subscription {
	const char *slug, *name, *category, *description;
	double m1, m3, m6, m12;
	int featured;
	int stock;		/* -1 unlimited (codes issued on demand) */
};

struct demo_item {
	const char *slug, *name, *category, *kind, *media, *description;
	double price, compare_at;	/* compare_at 0: none */
	int stock;			/* -1 unlimited */
	int featured;
};

struct demo_film {
	const char *title, *genre;
	int year, minutes;
	const char *logline;
};

struct demo_series {
	const char *slug, *name, *genre, *logline;
	int seasons, episodes;
	double season_price, episode_price, series_price;
	int featured;
};

extern const struct demo_category demo_categories[];
extern const struct demo_subscription demo_subscriptions[];
extern const struct demo_item demo_items[];
extern const struct demo_film demo_films[];
extern const struct demo_series demo_series[];
extern const char *const demo_episode_titles[];

/* Catalog text in French: kind 'c' a category, 'p' a product (by slug). */
struct demo_text {
	char		 kind;
	const char	*slug, *name, *description;
};
extern const struct demo_text demo_texts_fr[];

/* An attribute the admin could have defined (attr.h), its options
 * (slug, English, French; NULL-ended), and the demo products' values. */
struct demo_attr {
	const char	*slug, *name_en, *name_fr, *category;	/* NULL: global */
	const char	*opts[8][3];
};
struct demo_attr_value {
	const char	*product, *attr, *option;
};
extern const struct demo_attr demo_attrs[];
extern const struct demo_attr_value demo_attr_values[];

#endif
