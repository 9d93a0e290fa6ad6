/* db_catalog.h — catalog queries: categories, product listings, product
 * pages, full-text search.  All strings returned live in the caller's arena.
 * Functions return 0 on success, 1 when the thing asked for does not exist
 * (or is inactive), -1 on a database error (logged). */
#ifndef SOUK_DB_CATALOG_H
#define SOUK_DB_CATALOG_H
#include "arena.h"
#include "db.h"

enum sort {
	SORT_NEWEST,
	SORT_PRICE_ASC,
	SORT_PRICE_DESC,
	SORT_NAME,
	SORT_RELEVANCE,		/* search only */
	SORT__MAX
};

struct category {
	long long	 id, parent_id;		/* parent_id 0: top level */
	const char	*slug, *name, *description;
};

/* What a listing shows of a product. */
struct product_card {
	long long	 id;
	const char	*slug, *name, *kind, *media_type;
	long long	 price_minor;
	long long	 compare_at_minor;	/* -1: none */
	long long	 stock;			/* -1: unlimited */
	const char	*image;			/* "" when none */
	const char	*name_hl;		/* search: name with \1..\2 marks */
	const char	*snippet;		/* search: description excerpt */
	const char	*description;		/* search rows only, else NULL */
};

struct product {
	struct product_card card;
	const char	*description, *sku;
	long long	 category_id, parent_id, position;
	long long	 created_at, updated_at;
	const char	*category_slug, *category_name;	/* "" when none */
	const char	*parent_slug, *parent_name;	/* "" when top level */
	const char	*parent_media_type;
	long long	 parent_parent_id;		/* series of an episode */
};

struct plan {
	long long	 id;
	int		 months, days;
	long long	 price_minor;
};

#define DB_PRICE_MAX (1LL << 62)	/* "no upper bound" in price filters */
#define DB_ATTR_FILTERS 4		/* attribute filters of one page */
#define DB_FACET_OPTS 128		/* attribute options counted */

struct listing_query {
	long long	 category_id;	/* listing: this category and below;
					 * search: 0, or listed in it */
	enum sort	 sort;
	long long	 min_price, max_price;	/* minor units, inclusive;
						 * 0, DB_PRICE_MAX: no filter */
	long long	 limit, offset;
	/* Category pages only: the page after (before) this product in the
	 * sort order, skipping `offset` rows; 0: none (a page by offset). */
	long long	 after, before;
	/* Category filters (db_listing_filtered): a type of
	 * db_product_types or NULL, in stock only, plans of this many
	 * months (0: any).  Filtered pages go by offset only. */
	const char	*type;
	int		 in_stock, months;
	/* Attribute filters (db_attr.h): products whose value of attribute
	 * attr_id[i] is option attr_opt[i], for each i < nattrs. */
	long long	 attr_id[DB_ATTR_FILTERS], attr_opt[DB_ATTR_FILTERS];
	int		 nattrs;
};

/* The product types a listing can be filtered by: the media type of a
 * digital product that has one, else the kind.  NULL-terminated. */
extern const char *const db_product_types[];
#define DB_TYPES 8
#define DB_MONTHS_MAX 16
/* How many products each filter option would leave, under the other
 * filters of the query: types[i] for db_product_types[i], in_stock, and
 * the plan durations offered (months[i] months: months_n[i] products). */
struct listing_facets {
	long long	 types[DB_TYPES];
	long long	 in_stock;
	int		 months[DB_MONTHS_MAX];
	long long	 months_n[DB_MONTHS_MAX];
	size_t		 nmonths;
	/* Attribute options: opt_n[i] products have option opt_id[i] (each
	 * attribute counted under every filter but its own; options no
	 * product has are left out). */
	long long	 opt_id[DB_FACET_OPTS], opt_n[DB_FACET_OPTS];
	size_t		 nopts;
};
/* 1 when q has one of the filters above. */
int	db_listing_filtered(const struct listing_query *);
/* The facets of q's category and filters (price included), attribute
 * options too.  0 or -1. */
int	db_listing_facets(struct db *, const struct listing_query *,
	    struct listing_facets *);

struct listing {
	struct product_card	*items;
	size_t			 n;
	long long		 total;	/* matches without limit/offset */
};

/* Every active category, parents before children, by position then name. */
int	db_category_all(struct db *, struct arena *, struct category **, size_t *);
int	db_category_get(struct db *, struct arena *, const char *slug,
	    struct category *);
/* Deep pages: a page by offset skips at most this many rows of an index
 * from the start or the end of the order; pages further in are reached
 * from a neighbour's first or last product (q->after, q->before), so every
 * page costs what the first one costs. */
#define DB_LISTING_SKIP_MAX (20 * 24)
/* Products of a category tree (q->category_id), a page of them: by
 * q->after or q->before when set, else by q->offset.  Returns 0 (out->n 0:
 * past the end), 1 when the after/before product does not exist, 2 when
 * the page is too far from both ends to be found by offset
 * (db_listing_direct), -1 on error. */
int	db_listing(struct db *, struct arena *, const struct listing_query *,
	    struct listing *);
/* 1 when the page of `limit` rows at `offset` of a listing of `total` can
 * be asked for by its number alone. */
int	db_listing_direct(long long total, long long offset, long long limit);

/* The FTS5 expressions of one search (search.h). */
struct search_fts;
/* A page of active products matching f->all, in q's order
 * (SORT_RELEVANCE: products whose name holds every word first, by BM25
 * over the name, then the others, newest first; one pass over the
 * matches).  out->total is the number of matches (SORT_RELEVANCE: 0 when
 * the page is past the end).  Cards carry their description for
 * highlighting; names are not marked here. */
int	db_search(struct db *, struct arena *, const struct listing_query *,
	    const struct search_fts *, struct listing *);
int	db_products_new(struct db *, struct arena *, long long limit,
	    struct listing *);
int	db_products_featured(struct db *, struct arena *, long long limit,
	    struct listing *);
int	db_product_get(struct db *, struct arena *, const char *slug,
	    struct product *);
/* The card of an active product by id (series of an episode). */
int	db_product_by_id(struct db *, struct arena *, long long id,
	    struct product_card *);
int	db_product_plans(struct db *, struct arena *, long long product_id,
	    struct plan **, size_t *);
/* Seasons of a series or episodes of a season, by position. */
int	db_product_children(struct db *, struct arena *, long long product_id,
	    struct listing *);
/* Other products of the same category, newest first. */
int	db_product_related(struct db *, struct arena *, const struct product *,
	    long long limit, struct listing *);

struct vocab_term {
	const char	*term;
	long long	 docs;
};
/* Typo search: the distinct indexed terms having one of the typo keys
 * (db_text.h) made with at most maxdel deletions, at most cap of them, in
 * an arena array.  The lookups stop at cap. */
int	db_vocab_close(struct db *, struct arena *, const char *const *keys,
	    size_t nkeys, int maxdel, size_t cap, struct vocab_term **, size_t *);
/* Folds up to max (0: all) queued text changes of products into the typo
 * vocabulary (schema.sql: search_vocab_queue), in one transaction.
 * Returns 0, or -1 (logged; the queue is kept for the next try). */
int	db_vocab_sync(struct db *, long long max);
/* Merges the full-text index of products into one segment (FTS5
 * 'optimize'), in one transaction: after a bulk load, which leaves the
 * index in a score of segments that every search term probes one by one
 * (the 10,000 products of `soukctl bench-data` left 19: the benchmark
 * search's FTS5 pass cost nearly twice the instructions).  Seconds at 100,000
 * products, so for soukctl, not requests.  Returns 0 or -1 (logged). */
int	db_search_optimize(struct db *);
/* 1 when some indexed term starts with `prefix`. */
int	db_vocab_has_prefix(struct db *, const char *prefix);

#endif
