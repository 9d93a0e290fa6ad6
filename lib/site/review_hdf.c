/* review_hdf.c — see review_hdf.h. */
#include <jansson.h>
#include <string.h>
#include <time.h>

#include "buf.h"
#include "conf.h"
#include "json.h"
#include "l10n.h"
#include "money.h"
#include "review.h"
#include "review_hdf.h"
#include "site.h"
#include "store_conf.h"
#include "db_user.h"

/* The average with one decimal, rounded half up ("4.3"), in the arena. */
static const char *
average(struct arena *a, const struct rating *r)
{
	long long tenths = r->n ? (r->total * 10 + r->n / 2) / r->n : 0;

	return arena_printf(a, "%lld.%lld", tenths / 10, tenths % 10);
}

/* A rating as five stars, filled ones first (0-5). */
static const char *
star_row(long long n)
{
	static const char *const rows[6] = { "☆☆☆☆☆", "★☆☆☆☆",
	    "★★☆☆☆", "★★★☆☆", "★★★★☆", "★★★★★" };

	return rows[n < 0 ? 0 : n > 5 ? 5 : n];
}

/* The HDF node at prefix.i (made when missing), NULL on error. */
static HDF *
item_node(struct ctx *c, const char *prefix, size_t i)
{
	const char *at = arena_printf(&c->arena, "%s.%zu", prefix, i);
	HDF *n;

	return neo_check(hdf_get_node(c->hdf, at, &n), at) < 0 ? NULL : n;
}

void
review_put_rating(struct ctx *c, const char *prefix, const struct rating *r)
{
	const char *stars = arena_printf(&c->arena, "%s.stars", prefix);
	HDF *top;

	if (r->n == 0 || neo_check(hdf_get_node(c->hdf, prefix, &top),
	    prefix) < 0)
		return;
	hdf_put_int(top, "n", r->n);
	hdf_put(top, "avg", average(&c->arena, r));
	hdf_put_int(top, "avg_int", (r->total + r->n / 2) / r->n);
	hdf_put(top, "avg_stars", star_row((r->total + r->n / 2) / r->n));
	for (int k = 5, i = 0; k >= 1; k--, i++) {
		HDF *s = item_node(c, stars, (size_t)i);

		if (s == NULL)
			return;
		hdf_put_int(s, "k", k);
		hdf_put_int(s, "n", r->stars[k]);
		hdf_put_int(s, "pct", r->stars[k] * 100 / r->n);
	}
}

void
review_put_posts(struct ctx *c, const char *prefix, const struct post *p,
    size_t n)
{
	long long now = (long long)time(NULL);
	long long me = c->site->user != NULL ? c->site->user->id : 0;

	for (size_t i = 0; i < n; i++) {
		const struct post *q = &p[i];
		HDF *h = item_node(c, prefix, i);
		int mine = me != 0 && q->user_id == me;

		if (h == NULL)
			return;
		hdf_put_int(h, "id", q->id);
		hdf_put(h, "kind", post_kind_name(q->kind));
		if (q->kind == POST_REVIEW) {
			hdf_put_int(h, "rating", q->rating);
			hdf_put(h, "stars", star_row(q->rating));
		}
		hdf_put(h, "body", q->body);
		hdf_put(h, "status", post_status_name(q->status));
		hdf_put(h, "held", q->held);
		if (q->verified)
			hdf_put(h, "verified", "1");
		hdf_put(h, "author", q->author);
		hdf_put(h, "date", l10n_time_a(&c->arena, q->created_at,
		    c->lang, L10N_DATE));
		if (q->updated_at > q->created_at + 60 && q->answered_at !=
		    q->updated_at)
			hdf_put(h, "edited", "1");
		if (*q->answer) {
			hdf_put(h, "answer", q->answer);
			hdf_put(h, "answer_date", l10n_time_a(&c->arena,
			    q->answered_at, c->lang, L10N_DATE));
		}
		if (mine)
			hdf_put(h, "mine", "1");
		if (mine && post_editable(q, now))
			hdf_put(h, "editable", "1");
	}
}

/* The shop's URL for path (base_url without its trailing slash). */
static const char *
abs_url(struct ctx *c, const char *path)
{
	const char *base = conf_str(CONF_BASE_URL);
	size_t n = strlen(base);

	while (n > 0 && base[n - 1] == '/')
		n--;
	return arena_printf(&c->arena, "%.*s%s", (int)n, base, path);
}

/* Adds key = value to o, value a new reference (NULL: nothing added). */
static void
set(json_t *o, const char *key, json_t *v)
{
	if (v != NULL)
		json_object_set_new(o, key, v);
}

static json_t *
jstr(const char *s)
{
	return json_string(s);
}

/* A schema.org Review of one published review. */
static json_t *
review_json(struct ctx *c, const struct post *q)
{
	json_t *r = json_object(), *author = json_object(),
	    *rating = json_object();
	char day[32];

	set(author, "@type", jstr("Person"));
	set(author, "name", jstr(*q->author ? q->author : "Customer"));
	set(rating, "@type", jstr("Rating"));
	set(rating, "ratingValue", json_integer(q->rating));
	set(rating, "bestRating", json_integer(5));
	set(rating, "worstRating", json_integer(1));
	l10n_time(day, sizeof(day), q->created_at, c->lang, L10N_STAMP);
	day[10] = '\0';			/* "2026-12-01" */
	set(r, "@type", jstr("Review"));
	set(r, "author", author);
	set(r, "reviewRating", rating);
	set(r, "reviewBody", jstr(q->body));
	set(r, "datePublished", jstr(day));
	return r;
}

int
review_jsonld(struct ctx *c, const struct product *p, const struct rating *r,
    const struct post *reviews, size_t n)
{
	json_t *o = json_object(), *offer = json_object();
	char price[MONEY_BUF];
	struct buf out = { 0 };
	int dec = conf_currency_decimals(conf_str(CONF_CURRENCY));
	int rc = 0;

	set(o, "@context", jstr("https://schema.org"));
	set(o, "@type", jstr("Product"));
	set(o, "name", jstr(p->card.name));
	if (*p->sku)
		set(o, "sku", jstr(p->sku));
	if (*p->card.image)
		set(o, "image", jstr(abs_url(c, p->card.image)));
	set(o, "url", jstr(abs_url(c, arena_printf(&c->arena, "/p/%s",
	    p->card.slug))));
	set(offer, "@type", jstr("Offer"));
	set(offer, "price", jstr(money_plain(price, sizeof(price),
	    p->card.price_minor, dec < 0 ? 2 : dec)));
	set(offer, "priceCurrency", jstr(conf_str(CONF_CURRENCY)));
	set(offer, "availability", jstr(p->card.stock == 0 ?
	    "https://schema.org/OutOfStock" : "https://schema.org/InStock"));
	set(o, "offers", offer);
	if (r->n > 0) {
		json_t *agg = json_object(), *list = json_array();
		set(agg, "@type", jstr("AggregateRating"));
		/* Two decimals, rounded half up: 13 / 3 is 4.33. */
		set(agg, "ratingValue", json_real((double)((r->total * 200 /
		    r->n + 1) / 2) / 100.0));
		set(agg, "reviewCount", json_integer(r->n));
		set(agg, "bestRating", json_integer(5));
		set(agg, "worstRating", json_integer(1));
		set(o, "aggregateRating", agg);
		for (size_t i = 0; i < n; i++)
			json_array_append_new(list, review_json(c, &reviews[i]));
		set(o, "review", list);
	}
	if (json_out(&out, o) < 0)
		rc = -1;
	else
		hdf_put(c->hdf, "Page.jsonld", out.data);
	buf_free(&out);
	json_decref(o);
	return rc;
}
