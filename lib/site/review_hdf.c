/* review_hdf.c — see review_hdf.h. */
#include <string.h>
#include <time.h>

#include "l10n.h"
#include "review.h"
#include "review_hdf.h"
#include "site.h"
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
