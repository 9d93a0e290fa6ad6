/* catalog — the storefront: home, category pages, product pages, search.
 *
 *   GET /                  categories, featured and new products
 *   GET /c/<slug>          products of a category and its sub-categories:
 *                          ?page=N&sort=new|price|price-desc|name&min=&max=
 *                          &type=<db_product_types>&months=N&stock=1
 *                          &a.<attribute>=<option> (attr_query.h)
 *                          (filters with counts: docs/catalog.md)
 *                          and, on deep pages, &after=ID or &before=ID (the
 *                          product the page follows or precedes: keyset
 *                          paging, see db_listing)
 *   GET /p/<slug>          product page: price, plans, stock, series
 *                          navigation, related products, add-to-cart form
 *   GET /search?q=         full-text search, same sort/price/paging, plus
 *                          sort=relevance (default), typo correction and
 *                          cat=<slug> (within a category)
 *   POST /p/<slug>         a logged-in customer's review, question, edit or
 *                          report (action=review|question|edit|report,
 *                          rating, body, post, reason; review_page.h)
 *   GET /p/<slug>/reviews, /p/<slug>/questions  all of them, newest first,
 *                          20 a page: ?before=ID (keyset)
 *
 * Pages for visitors without a cart or session are marked cacheable for a
 * second (nginx fastcgi_cache micro-caching, see nginx.conf.example). */
#include <string.h>
#include <time.h>

#include "app.h"
#include "attr.h"
#include "attr_query.h"
#include "clock.h"
#include "db_content.h"
#include "db_delivery.h"
#include "db_user.h"
#include "db_wish.h"
#include "body_cache.h"
#include "buf.h"
#include "card_cache.h"
#include "cart.h"
#include "catalog_hdf.h"
#include "catalog_version.h"
#include "db_catalog.h"
#include "db_catalog_text.h"
#include "nav.h"
#include "pager.h"
#include "part_cache.h"
#include "review_page.h"
#include "money.h"
#include "search.h"
#include "ship_hdf.h"
#include "site.h"
#include "site_hooks.h"
#include "url.h"
#include "utf8.h"

#define PER_PAGE 24
#define MAX_PAGE 10000
#define SEARCH_MAX 200		/* code points in a query */

enum key { KEY_PAGE, KEY_SORT, KEY_MIN, KEY_MAX, KEY_TYPE, KEY_STOCK,
	KEY_MONTHS, KEY_CAT, KEY_Q, KEY_AFTER, KEY_BEFORE,
	KEY_ACTION, KEY_RATING, KEY_BODY, KEY_POST, KEY_REASON, KEY__MAX };

static const char *const sorts[SORT__MAX + 1] = {
	[SORT_NEWEST] = "new", [SORT_PRICE_ASC] = "price",
	[SORT_PRICE_DESC] = "price-desc", [SORT_NAME] = "name",
	[SORT_RELEVANCE] = "relevance", [SORT__MAX] = NULL,
};

static const struct valid_key keys[KEY__MAX] = {
	[KEY_PAGE] = { "page", V_INT, 1, MAX_PAGE, NULL, 0 },
	[KEY_SORT] = { "sort", V_ENUM, 0, 0, sorts, 0 },
	[KEY_MIN] = { "min", V_FUNC, 0, 0, NULL, 0, money_field },
	[KEY_MAX] = { "max", V_FUNC, 0, 0, NULL, 0, money_field },
	/* Category filters (db_listing_query) and search's category. */
	[KEY_TYPE] = { "type", V_ENUM, 0, 0, db_product_types, 0 },
	[KEY_STOCK] = { "stock", V_BOOL, 0, 0, NULL, 0 },
	[KEY_MONTHS] = { "months", V_INT, 1, 120, NULL, 0 },
	[KEY_CAT] = { "cat", V_SLUG, 0, 120, NULL, 0 },
	/* Checked by the search page itself: a too-long query gets the search
	 * page with advice, not a bare 400. */
	[KEY_Q] = { "q", V_TEXT, 0, 0, NULL, 0 },
	[KEY_AFTER] = { "after", V_INT, 1, 1LL << 62, NULL, 0 },
	[KEY_BEFORE] = { "before", V_INT, 1, 1LL << 62, NULL, 0 },
	/* The review forms; lengths are the store's rule (review.h). */
	[KEY_ACTION] = { "action", V_ENUM, 0, 0, review_actions, 0 },
	[KEY_RATING] = { "rating", V_INT, 1, 5, NULL, 0 },
	[KEY_BODY] = { "body", V_TEXT, 0, 0, NULL, 0 },
	[KEY_POST] = { "post", V_INT, 1, 1LL << 62, NULL, 0 },
	[KEY_REASON] = { "reason", V_LINE, 0, 0, NULL, 0 },
};

/* The filter and paging shared by category and search pages. */
struct browse {
	enum sort	 sort;
	long long	 page, min, max;
	const char	*base;		/* path the page links go to */
	const char	*q;		/* search text or NULL */
	long long	 after, before;	/* category keyset cursor, 0: none */
	const char	*type;		/* filters (db_listing_query) */
	int		 in_stock, months;
	const char	*cat;		/* search: category slug or NULL */
	struct attr_def	 attrs[DB_ATTR_FILTERS];	/* attribute filters */
	int		 nattrs;
};

static void
browse_read(struct ctx *c, struct browse *b, enum sort def)
{
	const struct val *v;
	int keyset;

	b->sort = app_val(c, KEY_SORT)->state == VAL_OK ?
	    (enum sort)app_val(c, KEY_SORT)->i : def;
	if (b->sort == SORT_RELEVANCE && b->q == NULL)
		b->sort = SORT_NEWEST;
	b->page = app_val(c, KEY_PAGE)->state == VAL_OK ? app_val(c, KEY_PAGE)->i : 1;
	v = app_val(c, KEY_MIN);
	b->min = v->state == VAL_OK ? v->i : 0;
	v = app_val(c, KEY_MAX);
	b->max = v->state == VAL_OK ? v->i : -1;
	if (app_val(c, KEY_TYPE)->state == VAL_OK)
		b->type = db_product_types[app_val(c, KEY_TYPE)->i];
	b->in_stock = app_val(c, KEY_STOCK)->state == VAL_OK &&
	    app_val(c, KEY_STOCK)->i;
	if (app_val(c, KEY_MONTHS)->state == VAL_OK)
		b->months = (int)app_val(c, KEY_MONTHS)->i;
	/* Filtered pages go by number only (db_listing_query). */
	keyset = b->q == NULL && b->type == NULL && !b->in_stock &&
	    b->months == 0 && b->nattrs == 0;
	if (keyset && app_val(c, KEY_AFTER)->state == VAL_OK)
		b->after = app_val(c, KEY_AFTER)->i;
	else if (keyset && app_val(c, KEY_BEFORE)->state == VAL_OK)
		b->before = app_val(c, KEY_BEFORE)->i;
	if (b->max >= 0 && b->min > b->max) {
		long long t = b->min;	/* a swapped range is still clear */
		b->min = b->max;
		b->max = t;
	}
}

/* The query string for page `page` of this listing (other values kept),
 * with cursor=id when cursor is not NULL. */
static const char *
browse_href(struct ctx *c, const struct browse *b, long long page,
    int with_sort, const char *cursor, long long id)
{
	struct buf q = { 0 };
	const char *href;

	if (b->q != NULL)
		url_param(&q, "q", b->q);
	if (with_sort && app_val(c, KEY_SORT)->state == VAL_OK)
		url_param(&q, "sort", sorts[b->sort]);
	if (app_val(c, KEY_MIN)->state == VAL_OK)
		url_param(&q, "min", app_val(c, KEY_MIN)->s);
	if (app_val(c, KEY_MAX)->state == VAL_OK)
		url_param(&q, "max", app_val(c, KEY_MAX)->s);
	if (b->type != NULL)
		url_param(&q, "type", b->type);
	if (b->in_stock)
		url_param(&q, "stock", "1");
	if (b->months > 0)
		url_param(&q, "months", arena_printf(&c->arena, "%d", b->months));
	if (b->cat != NULL)
		url_param(&q, "cat", b->cat);
	for (int i = 0; i < b->nattrs; i++)
		url_param(&q, arena_printf(&c->arena, ATTR_QUERY_PREFIX "%s",
		    b->attrs[i].slug), b->attrs[i].opts[0].slug);
	if (page > 1)
		url_param(&q, "page", arena_printf(&c->arena, "%lld", page));
	if (cursor != NULL)
		url_param(&q, cursor, arena_printf(&c->arena, "%lld", id));
	href = arena_printf(&c->arena, "%s%s%s", b->base, q.len ? "?" : "",
	    q.len ? q.data : "");
	buf_free(&q);
	return href;
}

/* The link to page p of a listing whose page b->page is l (lq its query).
 * Search pages and category pages near either end go by number; deeper
 * category pages by the product they follow or precede: for p one page
 * away it is on this page, for two pages away one bounded seek finds it.
 * NULL when that product cannot be found. */
static const char *
page_href(struct ctx *c, const struct browse *b, long long p,
    const struct listing_query *lq, const struct listing *l, int keyset)
{
	struct listing_query peek = *lq;
	struct listing one;
	long long cur = b->page;

	if (!keyset || l->n == 0 ||
	    db_listing_direct(l->total, (p - 1) * PER_PAGE, PER_PAGE))
		return browse_href(c, b, p, 1, NULL, 0);
	if (p == cur + 1)
		return browse_href(c, b, p, 1, "after", l->items[l->n - 1].id);
	if (p == cur - 1)
		return browse_href(c, b, p, 1, "before", l->items[0].id);
	peek.after = p > cur ? l->items[l->n - 1].id : 0;
	peek.before = p > cur ? 0 : l->items[0].id;
	peek.offset = (p > cur ? p - cur - 1 : cur - p - 1) * PER_PAGE - 1;
	peek.limit = 1;
	if (db_listing(c->db, &c->arena, &peek, &one) != 0 || one.n == 0)
		return NULL;
	return browse_href(c, b, p, 1, p > cur ? "after" : "before",
	    one.items[0].id);
}

/* Page.pager: prev/next and a window of page numbers with gaps, put
 * relative to their nodes (a full path per value was most of the pager). */
static void
put_pager(struct ctx *c, const struct browse *b, const struct listing_query *lq,
    const struct listing *l, int keyset)
{
	long long total = l->total, pages = (total + PER_PAGE - 1) / PER_PAGE;
	const char *href = NULL;
	HDF *page = hdf_node(c->hdf, "Page"), *pager, *items = NULL;
	int n = 0;

	hdf_put_int(page, "total", total);
	hdf_put_int(page, "page", b->page);
	hdf_put_int(page, "pages", pages);
	hdf_put_int(page, "first", total ? (b->page - 1) * PER_PAGE + 1 : 0);
	hdf_put_int(page, "last", b->page * PER_PAGE < total ?
	    b->page * PER_PAGE : total);
	hdf_put(page, "sort", sorts[b->sort]);
	hdf_put(page, "sort_base", browse_href(c, b, 1, 0, NULL, 0));
	if (pages <= 1)
		return;
	pager = hdf_node(page, "pager");
	if (b->page > 1 && (href = page_href(c, b, b->page - 1, lq, l, keyset)))
		hdf_put(pager, "prev", href);
	if (b->page < pages && (href = page_href(c, b, b->page + 1, lq, l, keyset)))
		hdf_put(pager, "next", href);
	for (long long p = 1; p <= pages; p++) {
		int near = p == 1 || p == pages || (p >= b->page - 2 && p <= b->page + 2);
		HDF *it;

		if (!near) {
			if (p == 2 || p == b->page + 3) {
				if (items == NULL)
					items = hdf_node(pager, "items");
				hdf_put(hdf_item(items, n++), "gap", "1");
			}
			continue;
		}
		if (p != b->page && (href = page_href(c, b, p, lq, l, keyset)) == NULL)
			continue;
		if (items == NULL)
			items = hdf_node(pager, "items");
		it = hdf_item(items, n++);
		hdf_put_int(it, "n", p);
		if (p == b->page)
			hdf_put(it, "current", "1");
		else
			hdf_put(it, "href", href);
	}
}

/* The values the filter form shows back. */
static void
put_filter(struct ctx *c, const struct browse *b)
{
	if (app_val(c, KEY_MIN)->state == VAL_OK)
		hdf_put(c->hdf, "Page.min", app_val(c, KEY_MIN)->s);
	if (app_val(c, KEY_MAX)->state == VAL_OK)
		hdf_put(c->hdf, "Page.max", app_val(c, KEY_MAX)->s);
	if (b->type != NULL)
		hdf_put(c->hdf, "Page.type", b->type);
	if (b->in_stock)
		hdf_put(c->hdf, "Page.stock", "1");
	if (b->months > 0)
		hdf_put_int(c->hdf, "Page.months", b->months);
	if (b->cat != NULL)
		hdf_put(c->hdf, "Page.cat", b->cat);
}

/* Runs the listing (category) or the search (f != NULL) for b and fills
 * the page; 404 when the page number is past the end or the cursor's
 * product is unknown, 2 when a category page is too deep to be asked for
 * by number (Page.too_deep filled). */
static int
browse_run(struct ctx *c, struct browse *b, struct listing_query *lq,
    const struct search_fts *f, const struct search_words *words,
    struct listing *l)
{
	int rc;

	lq->sort = b->sort;
	lq->min_price = b->min;
	lq->max_price = b->max >= 0 ? b->max : DB_PRICE_MAX;
	lq->limit = PER_PAGE;
	lq->offset = (b->page - 1) * PER_PAGE;
	lq->after = b->after;
	lq->before = b->before;
	lq->type = b->type;
	lq->in_stock = b->in_stock;
	lq->months = b->months;
	lq->nattrs = b->nattrs;
	for (int i = 0; i < b->nattrs; i++) {
		lq->attr_id[i] = b->attrs[i].id;
		lq->attr_opt[i] = b->attrs[i].opts[0].id;
	}
	if (lq->after || lq->before)
		lq->offset = 0;
	if ((rc = f ? db_search(c->db, &c->arena, lq, f, l) :
	    db_listing(c->db, &c->arena, lq, l)) < 0)
		return 500;
	if (rc == 1 || (b->page > 1 && l->n == 0 && rc == 0))
		return 404;
	if (rc == 2) {
		long long pages = (l->total + PER_PAGE - 1) / PER_PAGE;
		hdf_put_int(c->hdf, "Page.too_deep", b->page);
		hdf_put_int(c->hdf, "Page.pages", pages);
		hdf_put(c->hdf, "Page.first_href", browse_href(c, b, 1, 1, NULL, 0));
		hdf_put(c->hdf, "Page.last_href", browse_href(c, b, pages, 1, NULL, 0));
		put_filter(c, b);
		return 2;
	}
	if (db_text_cards(c->db, &c->arena, c->lang, l->items, l->n) < 0)
		return 500;
	for (size_t i = 0; f != NULL && i < l->n; i++) {
		l->items[i].name_hl = search_mark(&c->arena, l->items[i].name, words);
		l->items[i].snippet = search_snippet(&c->arena,
		    l->items[i].description, words, 18);
	}
	card_grid(c, "products_html", l);
	put_pager(c, b, lq, l, f == NULL && !db_listing_filtered(lq));
	put_filter(c, b);
	return 200;
}

/* The facets of an unfiltered category page, kept a second per process
 * (like the category tree, nav.h): a page without filters pays no count.
 * A page that shows counts read at another catalog version is not kept
 * rendered (body_cache_stale()). */
#define FACET_SLOTS 32
static struct {
	long long		 category_id;
	long long		 version;	/* catalog_version() then */
	struct timespec		 at;
	struct listing_facets	 f;
} facet_cache[FACET_SLOTS];

/* The facets of lq into *f, from the cache when lq has no filter at all.
 * 0 or -1. */
static int
facets_get(struct ctx *c, const struct listing_query *lq,
    struct listing_facets *f)
{
	struct timespec now;
	size_t slot = (size_t)lq->category_id % FACET_SLOTS;
	int plain = !db_listing_filtered(lq) && lq->min_price <= 0 &&
	    lq->max_price >= DB_PRICE_MAX;

	clock_gettime(CLOCK_MONOTONIC, &now);
	if (plain && facet_cache[slot].category_id == lq->category_id &&
	    (now.tv_sec - facet_cache[slot].at.tv_sec) * 1000000000L +
	    (now.tv_nsec - facet_cache[slot].at.tv_nsec) < 1000000000L) {
		*f = facet_cache[slot].f;
		if (facet_cache[slot].version != catalog_version())
			body_cache_stale();
		return 0;
	}
	if (db_listing_facets(c->db, lq, f) < 0)
		return -1;
	if (plain) {
		facet_cache[slot].category_id = lq->category_id;
		facet_cache[slot].version = catalog_version();
		facet_cache[slot].at = now;
		facet_cache[slot].f = *f;
	}
	return 0;
}

/* Page.facets.attrs.N.{key,name,chosen,options.M.{value,label,n}}: each
 * attribute some product of the listing has under the other filters, in
 * the order the admin set, with its options' counts; a chosen option
 * stays even when no product is left.  0 or 500. */
static int
put_attr_facets(struct ctx *c, const struct browse *b,
    const struct listing_facets *f)
{
	struct attr_def *all;
	size_t n;
	int k = 0;

	if (f->nopts == 0 && b->nattrs == 0)
		return 0;
	if (db_attr_all(c->db, &c->arena, 0, &all, &n) < 0)
		return 500;
	for (size_t i = 0; i < n; i++) {
		const struct attr_def *d = &all[i];
		const char *chosen = NULL;
		HDF *g = NULL, *opts = NULL;
		int m = 0;

		for (int j = 0; j < b->nattrs; j++)
			if (b->attrs[j].id == d->id)
				chosen = b->attrs[j].opts[0].slug;
		for (size_t o = 0; o < d->nopts; o++) {
			const struct attr_option *op = &d->opts[o];
			long long cnt = 0;
			size_t x = 0;
			HDF *it;

			while (x < f->nopts && f->opt_id[x] != op->id)
				x++;
			if (x < f->nopts)
				cnt = f->opt_n[x];
			else if (chosen == NULL || strcmp(chosen, op->slug))
				continue;
			if (g == NULL) {
				g = hdf_item(hdf_node(c->hdf, "Page.facets.attrs"), k);
				opts = hdf_node(g, "options");
			}
			it = hdf_item(opts, m++);
			hdf_put(it, "value", op->slug);
			hdf_put(it, "label", attr_text(op->label, c->lang));
			hdf_put_int(it, "n", cnt);
		}
		if (m == 0)
			continue;
		hdf_put(g, "key", arena_printf(&c->arena, ATTR_QUERY_PREFIX "%s",
		    d->slug));
		hdf_put(g, "name", attr_text(d->name, c->lang));
		if (chosen != NULL) {
			hdf_put(g, "chosen", chosen);
			hdf_put(c->hdf, "Page.attr_chosen", "1");
		}
		k++;
	}
	return 0;
}

/* Page.facets: each filter option with the number of products it would
 * leave under the other filters (options leaving none are left out, but
 * the chosen one).  0 or 500. */
static int
put_facets(struct ctx *c, const struct browse *b, const struct listing_query *lq)
{
	struct listing_facets f;
	HDF *facets, *types = NULL, *months = NULL;
	int k = 0;

	if (facets_get(c, lq, &f) < 0)
		return 500;
	facets = hdf_node(c->hdf, "Page.facets");
	for (int i = 0; i < DB_TYPES; i++) {
		const char *t = db_product_types[i];
		HDF *it;

		if (f.types[i] == 0 && (lq->type == NULL || strcmp(lq->type, t)))
			continue;
		if (types == NULL)
			types = hdf_node(facets, "types");
		it = hdf_item(types, k++);
		hdf_put(it, "value", t);
		hdf_put_int(it, "n", f.types[i]);
	}
	hdf_put_int(facets, "in_stock", f.in_stock);
	for (size_t i = 0; i < f.nmonths; i++) {
		HDF *it;

		if (months == NULL)
			months = hdf_node(facets, "months");
		it = hdf_item(months, (long long)i);
		hdf_put_int(it, "months", f.months[i]);
		hdf_put_int(it, "n", f.months_n[i]);
	}
	return put_attr_facets(c, b, &f);
}

static int
page_home(struct ctx *c)
{
	struct listing featured, fresh;
	const struct nav *nav = nav_get(c->db, c->lang);
	struct banner_row *b;
	long long nb;
	int k = 0;

	if (db_products_featured(c->db, &c->arena, 8, &featured) < 0 ||
	    db_products_new(c->db, &c->arena, 8, &fresh) < 0 ||
	    db_text_cards(c->db, &c->arena, c->lang, featured.items,
	    featured.n) < 0 ||
	    db_text_cards(c->db, &c->arena, c->lang, fresh.items, fresh.n) < 0 ||
	    (nb = db_banner_list(c->db, &c->arena, lang_code(c->lang),
	    lang_code(lang_default()), 0, &b)) < 0)
		return 500;
	/* The trust banners staff edit (soukctl banner, /admin/banners). */
	for (long long i = 0; i < nb; i++) {
		hdf_putf(c->hdf, b[i].slot, "Page.banners.%lld.slot", i);
		hdf_putf(c->hdf, b[i].title, "Page.banners.%lld.title", i);
		hdf_putf(c->hdf, b[i].body, "Page.banners.%lld.body", i);
	}
	for (size_t i = 0; i < nav->n; i++) {
		const struct category *cat = &nav->cats[i];
		if (cat->parent_id != 0)
			continue;
		hdf_putf(c->hdf, cat->slug, "Page.categories.%d.slug", k);
		hdf_putf(c->hdf, cat->name, "Page.categories.%d.name", k);
		hdf_putf(c->hdf, cat->description, "Page.categories.%d.description", k);
		hdf_putf(c->hdf, arena_printf(&c->arena, "%lld", cat->id % 8),
		    "Page.categories.%d.tile", k);
		for (size_t j = 0, m = 0; j < nav->n; j++)
			if (nav->cats[j].parent_id == cat->id) {
				hdf_putf(c->hdf, nav->cats[j].slug,
				    "Page.categories.%d.children.%zu.slug", k, m);
				hdf_putf(c->hdf, nav->cats[j].name,
				    "Page.categories.%d.children.%zu.name", k, m++);
			}
		k++;
	}
	card_grid(c, "featured_html", &featured);
	card_grid(c, "new_html", &fresh);
	app_cacheable(c);
	return app_render(c, 200, "catalog/home");
}

/* The 400 page for an attribute filter field that names no attribute or
 * an option it does not have. */
static int
bad_attr(struct ctx *c, const char *field)
{
	hdf_put(c->hdf, "Page.errors.0.field", field ? field : "");
	hdf_put(c->hdf, "Page.errors.0.err", "attr_filter");
	return app_error(c, 400, "invalid");
}

/* What the filter form (partials/browse.cs filters()) reads besides
 * Lang.* and Store.*: it is kept rendered per value of these
 * (part_cache.h), so a value it reads must be listed here. */
static const char *const filter_inputs[] = { "Page.filters_action",
	"Page.q", "Page.sort", "Page.min", "Page.max", "Page.cats", "Page.cat",
	"Page.facets", "Page.type", "Page.months", "Page.stock",
	"Page.attr_chosen", NULL };

static int
category_view(struct ctx *c)
{
	struct category cat;
	struct listing_query lq = { 0 };
	struct listing l;
	struct browse b = { 0 };
	const struct nav *nav;
	const char *err, *bad;
	HDF *subcats = NULL;
	int rc, k = 0;

	if (c->req.nseg != 2 || valid_slug(c->req.seg[1], 120, &err) < 0)
		return 404;
	if ((rc = db_category_get(c->db, &c->arena, c->req.seg[1], &cat)) != 0)
		return rc < 0 ? 500 : 404;
	if (db_text_categories(c->db, &c->arena, c->lang, &cat, 1) < 0)
		return 500;
	b.base = arena_printf(&c->arena, "/c/%s", cat.slug);
	if ((b.nattrs = attr_query_read(c, &c->req.query, b.attrs,
	    DB_ATTR_FILTERS, &bad)) < 0)
		return b.nattrs == -2 ? 500 : bad_attr(c, bad);
	browse_read(c, &b, SORT_NEWEST);
	lq.category_id = cat.id;
	if ((rc = browse_run(c, &b, &lq, NULL, NULL, &l)) != 200 && rc != 2)
		return rc;
	if (put_facets(c, &b, &lq) != 0)
		return 500;
	hdf_put(c->hdf, "Page.filters_action", b.base);
	if (part_put(c, "filters_html", "partials/filters_one",
	    filter_inputs) < 0)
		return 500;
	hdf_put(c->hdf, "Page.category.slug", cat.slug);
	hdf_put(c->hdf, "Page.category.name", cat.name);
	put_paragraphs(c, "Page.category.paras", cat.description);
	crumbs_put(c, cat.parent_id);
	nav = nav_get(c->db, c->lang);
	for (size_t i = 0; i < nav->n; i++)
		if (nav->cats[i].parent_id == cat.id) {
			HDF *it;

			if (subcats == NULL)
				subcats = hdf_node(c->hdf, "Page.subcats");
			it = hdf_item(subcats, k++);
			hdf_put(it, "slug", nav->cats[i].slug);
			hdf_put(it, "name", nav->cats[i].name);
		}
	app_cacheable(c);
	/* A page too deep to open by number says how to get there (400). */
	return body_cache_render(c, rc == 2 ? 400 : 200, "catalog/category");
}

/* The category page: kept rendered (body_cache.h: nothing in it is the
 * visitor's but the header), else its reads in one read transaction
 * (db_read_begin). */
static int
page_category(struct ctx *c)
{
	int rc;

	if (body_cache_serve(c))
		return 200;
	if (db_read_begin(c->db) < 0)
		return 500;
	rc = category_view(c);
	db_read_end(c->db);
	return rc;
}

/* Page.plans.N.{id,months,days,price,per_month,label,save}: save is what
 * a plan of several months saves against as many 1-month plans.
 * Returns 0 or -1. */
static int
put_plans(struct ctx *c, const struct plan *plans, size_t n)
{
	long long month = 0;

	for (size_t i = 0; i < n; i++)
		if (plans[i].months == 1 && plans[i].days == 0)
			month = plans[i].price_minor;
	for (size_t i = 0; i < n; i++) {
		const struct plan *p = &plans[i];
		const char *label;
		if (month > 0 && p->months > 1 && p->days == 0 &&
		    month * p->months > p->price_minor)
			hdf_putf(c->hdf, site_money(c, month * p->months -
			    p->price_minor), "Page.plans.%zu.save", i);
		if (db_text_plan_label(c->db, &c->arena, c->lang, p->id,
		    &label) < 0)
			return -1;
		if (label != NULL)
			hdf_putf(c->hdf, label, "Page.plans.%zu.label", i);
		hdf_putf(c->hdf, arena_printf(&c->arena, "%lld", p->id),
		    "Page.plans.%zu.id", i);
		hdf_putf(c->hdf, arena_printf(&c->arena, "%d", p->months),
		    "Page.plans.%zu.months", i);
		hdf_putf(c->hdf, arena_printf(&c->arena, "%d", p->days),
		    "Page.plans.%zu.days", i);
		hdf_putf(c->hdf, site_money(c, p->price_minor), "Page.plans.%zu.price", i);
		/* Per-month price for plans longer than a month. */
		if (p->months > 1 && p->days == 0)
			hdf_putf(c->hdf, site_money(c, p->price_minor / p->months),
			    "Page.plans.%zu.per_month", i);
	}
	return 0;
}

/* Page.product.owned = 1 when the signed-in customer's library covers
 * product_id ("in your library" instead of the cart button).  0, or 500. */
static int
owned(struct ctx *c, long long product_id)
{
	const struct user *u = c->site->user;
	int rc = db_library_owns(c->db, u->id, u->verified ? u->email_norm :
	    NULL, product_id, store_now());

	if (rc < 0)
		return 500;
	if (rc)
		hdf_put(c->hdf, "Page.product.owned", "1");
	return 0;
}

/* The product page of p, answered with status (200, or the refusal of a
 * review form shown again). */
static int
product_view(struct ctx *c, struct product *p_, int status)
{
	struct product p = *p_;
	struct plan *plans;
	size_t nplans;
	struct listing kids, related, siblings;
	int rc;

	if (db_product_plans(c->db, &c->arena, p.card.id, &plans, &nplans) < 0 ||
	    db_product_children(c->db, &c->arena, p.card.id, &kids) < 0 ||
	    db_product_related(c->db, &c->arena, &p, 4, &related) < 0 ||
	    db_text_cards(c->db, &c->arena, c->lang, kids.items, kids.n) < 0 ||
	    db_text_cards(c->db, &c->arena, c->lang, related.items,
	    related.n) < 0)
		return 500;
	put_card(c, "Page.product", &p.card);
	hdf_put_url_escaped(c->hdf, "Page.product.slug_url", p.card.slug);
	put_paragraphs(c, "Page.product.paras", p.description);
	hdf_put(c->hdf, "Page.product.sku", p.sku);
	hdf_put_int(c->hdf, "Page.product.position", p.position);
	/* The quantity field follows the cart's rules (cart.h), and says
	 * the per-order cap beside it. */
	hdf_put_int(c->hdf, "Page.product.max_qty",
	    cart_max_qty(p.card.kind, p.card.stock));
	hdf_put_int(c->hdf, "Page.product.cap", cart_max_qty(p.card.kind, -1));
	if (*p.category_slug) {
		crumbs_put(c, p.category_id);
		hdf_put(c->hdf, "Page.product.category_slug", p.category_slug);
		hdf_put(c->hdf, "Page.product.category_name", p.category_name);
	}
	/* Series -> season -> episode: the chain above and the siblings. */
	if (*p.parent_slug) {
		hdf_put(c->hdf, "Page.parent.slug", p.parent_slug);
		hdf_put(c->hdf, "Page.parent.name", p.parent_name);
		hdf_put(c->hdf, "Page.parent.media", p.parent_media_type);
		if (db_product_children(c->db, &c->arena, p.parent_id,
		    &siblings) < 0 || db_text_cards(c->db, &c->arena, c->lang,
		    siblings.items, siblings.n) < 0)
			return 500;
		put_cards(c, "Page.siblings", &siblings);
		for (size_t i = 0; i < siblings.n; i++) {
			if (siblings.items[i].id != p.card.id)
				continue;
			if (i > 0)
				put_card(c, "Page.prev", &siblings.items[i - 1]);
			if (i + 1 < siblings.n)
				put_card(c, "Page.next", &siblings.items[i + 1]);
		}
		if (p.parent_parent_id != 0) {
			struct product gp;
			if (db_product_by_id(c->db, &c->arena, p.parent_parent_id,
			    &gp.card) == 0 && db_text_cards(c->db, &c->arena,
			    c->lang, &gp.card, 1) == 0) {
				hdf_put(c->hdf, "Page.grandparent.slug", gp.card.slug);
				hdf_put(c->hdf, "Page.grandparent.name", gp.card.name);
			}
		}
	}
	if (put_plans(c, plans, nplans) < 0)
		return 500;
	if (strcmp(p.card.kind, "physical") == 0 &&
	    ship_span_put(c, "Page.ship_span") < 0)
		return 500;
	put_cards(c, "Page.children", &kids);
	card_grid(c, "related_html", &related);
	if (c->site->user != NULL && (rc = owned(c, p.card.id)) != 0)
		return rc;
	/* A logged-in visitor's page is private anyway: its wishlist state. */
	if (c->site->user != NULL) {
		if ((rc = db_wish_has(c->db, c->site->user->id, p.card.id)) < 0)
			return 500;
		hdf_put_int(c->hdf, "Page.in_wishlist", rc);
	}
	if (review_section(c, &p) < 0)
		return 500;
	if (status == 200)
		app_cacheable(c);
	return body_cache_render(c, status, "catalog/product");
}

/* The values of a review form (review_page.h). */
static void
form_read(struct ctx *c, struct review_form *f)
{
	memset(f, 0, sizeof(*f));
	f->action = (enum review_action)app_val(c, KEY_ACTION)->i;
	if (app_val(c, KEY_RATING)->state == VAL_OK)
		f->rating = (int)app_val(c, KEY_RATING)->i;
	if (app_val(c, KEY_BODY)->state == VAL_OK)
		f->body = app_val(c, KEY_BODY)->s;
	if (app_val(c, KEY_POST)->state == VAL_OK)
		f->post_id = app_val(c, KEY_POST)->i;
	if (app_val(c, KEY_REASON)->state == VAL_OK)
		f->reason = app_val(c, KEY_REASON)->s;
}

/* /p/<slug>/reviews and /p/<slug>/questions. */
static int
posts_view(struct ctx *c, struct product *p, enum post_kind k)
{
	long long before = app_val(c, KEY_BEFORE)->state == VAL_OK ?
	    app_val(c, KEY_BEFORE)->i : 0;

	put_card(c, "Page.product", &p->card);
	if (review_list(c, p, k, before) < 0)
		return 500;
	app_cacheable(c);
	return body_cache_render(c, 200, "catalog/posts");
}

/* A review form's POST on product p. */
static int
post_action(struct ctx *c, struct product *p)
{
	struct review_form f;
	int rc;

	if (app_val(c, KEY_ACTION)->state != VAL_OK)
		return app_error(c, 400, "invalid");
	form_read(c, &f);
	/* Done (303), refused by a page of its own (CSRF, login), or the
	 * product page again with the refusal beside the form. */
	if ((rc = review_post(c, p, &f)) == 303 || rc >= 500 ||
	    c->resp.body.len > 0)
		return rc;
	return product_view(c, p, rc);
}

/* /p/<slug>, /p/<slug>/reviews, /p/<slug>/questions. */
static int
product_route(struct ctx *c)
{
	struct product p;
	const char *err;
	int rc;

	if (c->req.nseg < 2 || c->req.nseg > 3 ||
	    valid_slug(c->req.seg[1], 120, &err) < 0)
		return 404;
	if ((rc = db_product_get(c->db, &c->arena, c->req.seg[1], &p)) != 0)
		return rc < 0 ? 500 : 404;
	if (db_text_product(c->db, &c->arena, c->lang, &p) < 0)
		return 500;
	if (c->req.nseg == 3) {
		if (c->req.method == METHOD_POST)
			return 405;
		if (strcmp(c->req.seg[2], "reviews") == 0)
			return posts_view(c, &p, POST_REVIEW);
		if (strcmp(c->req.seg[2], "questions") == 0)
			return posts_view(c, &p, POST_QUESTION);
		return 404;
	}
	if (c->req.method != METHOD_POST)
		return product_view(c, &p, 200);
	return post_action(c, &p);
}

/* Product pages; a GET's reads in one read transaction (db_read_begin),
 * a POST (which writes) without.  A visitor who is not logged in sees
 * what every such visitor sees but for the header: their GET is kept
 * rendered (body_cache.h); a customer's page shows their library,
 * wishlist and review forms and is rendered for them. */
static int
page_product(struct ctx *c)
{
	int rc;

	if (c->req.method == METHOD_POST)
		return product_route(c);
	if (c->site->user == NULL && body_cache_serve(c))
		return 200;
	if (db_read_begin(c->db) < 0)
		return 500;
	rc = product_route(c);
	db_read_end(c->db);
	return rc;
}

/* Search within a category (?cat=slug, the search form's select of
 * top-level categories, Page.cats): an unknown one is a 400 page. */
static int
search_category(struct ctx *c, struct browse *b, struct listing_query *lq)
{
	const struct nav *nav = nav_get(c->db, c->lang);
	const struct val *v = app_val(c, KEY_CAT);
	HDF *cats = NULL;
	int k = 0;

	for (size_t i = 0; i < nav->n; i++) {
		const struct category *cat = &nav->cats[i];
		HDF *it;

		if (v->state == VAL_OK && strcmp(v->s, cat->slug) == 0) {
			lq->category_id = cat->id;
			b->cat = cat->slug;
		}
		if (cat->parent_id != 0)
			continue;
		/* Put relative to the nodes (hdf_item): a formatted full path
		 * per value was a thirtieth of the search page. */
		if (cats == NULL)
			cats = hdf_node(c->hdf, "Page.cats");
		it = hdf_item(cats, k++);
		hdf_put(it, "slug", cat->slug);
		hdf_put(it, "name", cat->name);
	}
	if (v->state == VAL_OK && lq->category_id == 0) {
		hdf_put(c->hdf, "Page.problem", "bad_category");
		return app_render(c, 400, "catalog/search");
	}
	return 0;
}

static int
page_search(struct ctx *c)
{
	const struct val *q = app_val(c, KEY_Q);
	struct search_words words;
	struct search_fts f;
	struct listing_query lq = { 0 };
	struct listing l;
	struct browse b = { 0 };
	int rc;

	for (int k = KEY_PAGE; k <= KEY_CAT; k++)
		if (app_val(c, k)->state == VAL_INVALID) {
			app_put_errors(c, "Page.errors");
			return app_error(c, 400, "invalid");
		}
	hdf_put_int(c->hdf, "Page.max_len", SEARCH_MAX);
	if (q->state == VAL_INVALID) {
		hdf_put(c->hdf, "Page.problem", "bad_chars");
		return app_render(c, 400, "catalog/search");
	}
	hdf_put(c->hdf, "Page.q", q->s);
	if (utf8_len(q->s, strlen(q->s)) > SEARCH_MAX) {
		hdf_put(c->hdf, "Page.problem", "too_long");
		return app_render(c, 400, "catalog/search");
	}
	search_split(&c->arena, q->s, &words);
	if (words.n == 0) {
		hdf_put(c->hdf, "Page.problem", q->state == VAL_OK ? "no_words" : "empty");
		app_cacheable(c);
		return app_render(c, 200, "catalog/search");
	}
	b.base = "/search";
	b.q = q->s;
	browse_read(c, &b, SORT_RELEVANCE);
	/* The search's reads in one read transaction (db_read_begin); the
	 * typo correction below may write (the vocabulary queue), so it
	 * runs after it. */
	if (db_read_begin(c->db) < 0)
		return 500;
	if ((rc = search_category(c, &b, &lq)) == 0) {
		search_fts(&c->arena, &words, &f);
		rc = browse_run(c, &b, &lq, &f, &words, &l);
	}
	db_read_end(c->db);
	if (rc != 200)
		return rc;
	if (l.total == 0 && b.page == 1) {
		/* Nothing matched: try the closest indexed words, and offer
		 * them only when they find something. */
		struct search_words fixed = words;
		struct search_fts f2;
		struct listing l2;

		if (search_correct(c->db, &c->arena, &fixed) > 0 &&
		    search_fts(&c->arena, &fixed, &f2) == 0 &&
		    db_search(c->db, &c->arena, &lq, &f2, &l2) == 0 &&
		    l2.total > 0) {
			struct buf fq = { 0 };

			for (size_t i = 0; i < fixed.n; i++)
				buf_printf(&fq, "%s%s", i ? " " : "", fixed.w[i]);
			b.q = arena_strdup(&c->arena, fq.data);
			buf_free(&fq);
			hdf_put(c->hdf, "Page.corrected", b.q);
			if ((rc = browse_run(c, &b, &lq, &f2, &fixed, &l)) != 200)
				return rc;
		}
	}
	if (l.total == 0 && card_suggest(c, "suggest_html", 4) < 0)
		return 500;
	app_cacheable(c);
	return app_render(c, 200, "catalog/search");
}

enum page_id { PAGE_HOME, PAGE_CATEGORY, PAGE_PRODUCT, PAGE_SEARCH, PAGE__MAX };

static const struct page pages[PAGE__MAX] = {
	[PAGE_HOME] = { "", METHODS_GET, page_home, 0, NULL },
	[PAGE_CATEGORY] = { "c", METHODS_GET, page_category,
	    PAGE_STRICT | PAGE_REST, KEYS(KEY_PAGE, KEY_SORT, KEY_MIN, KEY_MAX,
	    KEY_TYPE, KEY_STOCK, KEY_MONTHS, KEY_AFTER, KEY_BEFORE) },
	[PAGE_PRODUCT] = { "p", METHODS_GET_POST, page_product,
	    PAGE_STRICT | PAGE_REST, KEYS(KEY_BEFORE, KEY_ACTION, KEY_RATING,
	    KEY_BODY, KEY_POST, KEY_REASON) },
	[PAGE_SEARCH] = { "search", METHODS_GET, page_search, 0,
	    KEYS(KEY_Q, KEY_PAGE, KEY_SORT, KEY_MIN, KEY_MAX, KEY_CAT) },
};

static const struct app catalog = {
	"catalog", pages, PAGE__MAX, keys, KEY__MAX, &site_hooks, NULL, NULL,
};

int
main(int argc, char **argv)
{
	return app_main(argc, argv, &catalog);
}
