/* review_page.c — see review_page.h. */
#include <string.h>
#include <time.h>

#include "auth.h"
#include "db_rate.h"
#include "db_user.h"
#include "jsonld.h"
#include "log.h"
#include "post_cache.h"
#include "review.h"
#include "review_hdf.h"
#include "review_page.h"
#include "site.h"

const char *const review_actions[RA__MAX + 1] = {
	[RA_REVIEW] = "review", [RA_QUESTION] = "question",
	[RA_EDIT] = "edit", [RA_REPORT] = "report", [RA__MAX] = NULL,
};

/* The logged-in visitor's verified address (guest orders count), or NULL. */
static const char *
verified_email(const struct ctx *c)
{
	const struct user *u = c->site->user;

	return u != NULL && u->verified ? u->email_norm : NULL;
}

/* What the review form shows for the visitor: Page.review_state and,
 * when they wrote one, Page.my_review.  0 or -1. */
static int
put_form_state(struct ctx *c, const struct product *p)
{
	const struct user *u = c->site->user;
	struct post mine;
	int rc;

	if (u == NULL) {
		hdf_put(c->hdf, "Page.review_state", "login");
		return 0;
	}
	if ((rc = db_post_review_of(c->db, &c->arena, p->card.id, u->id,
	    &mine)) < 0)
		return -1;
	if (rc == 0) {
		hdf_put(c->hdf, "Page.review_state", "reviewed");
		review_put_posts(c, "Page.my_review", &mine, 1);
		return 0;
	}
	if ((rc = db_post_buyer(c->db, p->card.id, u->id,
	    verified_email(c))) < 0)
		return -1;
	hdf_put(c->hdf, "Page.review_state", rc ? "buyer" : "not_buyer");
	return 0;
}

int
review_section(struct ctx *c, const struct product *p)
{
	struct rating r;
	struct post *rev, *q, *own;
	size_t nrev, nq, nown = 0;

	if (db_rating_get(c->db, p->card.id, &r) < 0 ||
	    db_post_page(c->db, &c->arena, p->card.id, POST_REVIEW, 0,
	    REVIEWS_ON_PRODUCT, &rev, &nrev) < 0 ||
	    db_post_page(c->db, &c->arena, p->card.id, POST_QUESTION, 0,
	    REVIEWS_ON_PRODUCT, &q, &nq) < 0)
		return -1;
	if (c->site->user != NULL && db_post_own_unpublished(c->db, &c->arena,
	    p->card.id, c->site->user->id, &own, &nown) < 0)
		return -1;
	review_put_rating(c, "Page.rating", &r);
	if (!post_list_html(c, "reviews_html", rev, nrev))
		review_put_posts(c, "Page.reviews", rev, nrev);
	if (!post_list_html(c, "questions_html", q, nq))
		review_put_posts(c, "Page.questions", q, nq);
	if (nown > 0)
		review_put_posts(c, "Page.own", own, nown);
	if (r.n > (long long)nrev)
		hdf_put_int(c->hdf, "Page.more_reviews", r.n);
	if (nq == REVIEWS_ON_PRODUCT)
		hdf_put_int(c->hdf, "Page.more_questions", 1);
	if (c->site->user != NULL)
		hdf_put_int(c->hdf, "Page.logged_in", 1);
	if (put_form_state(c, p) < 0)
		return -1;
	product_jsonld(c, p, &r, rev, nrev);
	return 0;
}

int
review_list(struct ctx *c, const struct product *p, enum post_kind k,
    long long before)
{
	struct rating r;
	struct post *posts;
	size_t n;

	/* One more than a page says whether an older page exists. */
	if (db_rating_get(c->db, p->card.id, &r) < 0 ||
	    db_post_page(c->db, &c->arena, p->card.id, k, before,
	    REVIEWS_PER_PAGE + 1, &posts, &n) < 0)
		return -1;
	if (n > REVIEWS_PER_PAGE) {
		n = REVIEWS_PER_PAGE;
		hdf_put_int(c->hdf, "Page.older", posts[n - 1].id);
	}
	if (before > 0)
		hdf_put_int(c->hdf, "Page.newer", 1);
	hdf_put(c->hdf, "Page.posts_kind", post_kind_name(k));
	review_put_rating(c, "Page.rating", &r);
	if (!post_list_html(c, "posts_html", posts, n))
		review_put_posts(c, "Page.posts", posts, n);
	if (c->site->user != NULL)
		hdf_put_int(c->hdf, "Page.logged_in", 1);
	return 0;
}

/* The status and Lang.rv.err key of a refusal. */
static int
refusal(struct ctx *c, enum post_result r, const struct post_author *a)
{
	static const struct { int status; const char *key; } map[] = {
		[POST_NOT_BUYER] = { 403, "not_buyer" },
		[POST_DUPLICATE] = { 409, "duplicate" },
		[POST_LIMITED] = { 429, "limited" },
		[POST_BAD_TEXT] = { 400, "text" },
		[POST_BAD_RATING] = { 400, "rating" },
		[POST_NOT_FOUND] = { 404, "not_found" },
		[POST_NOT_AUTHOR] = { 403, "not_author" },
		[POST_EDIT_CLOSED] = { 403, "edit_closed" },
		[POST_OWN] = { 400, "own" },
		[POST_REPORTED] = { 409, "reported" },
	};

	if (r < 0 || (size_t)r >= sizeof(map) / sizeof(map[0]) ||
	    map[r].key == NULL)
		return 500;
	if (r == POST_LIMITED)
		resp_header(&c->resp, "Retry-After",
		    arena_printf(&c->arena, "%lld", a->retry_after));
	hdf_put(c->hdf, "Page.post_error", map[r].key);
	return map[r].status;
}

int
review_post(struct ctx *c, const struct product *p, const struct review_form *f)
{
	struct post_author a = { 0 };
	char client[64];
	enum post_result r;
	int st;

	if ((st = auth_require(c, ROLE_CUSTOMER)) != 0)
		return st;
	if (!app_csrf_ok(c))
		return 403;
	rate_client_key(client, sizeof(client), c->req.remote_addr);
	a.user_id = c->site->user->id;
	a.email_norm = verified_email(c);
	a.client = client;
	a.now = (long long)time(NULL);
	switch (f->action) {
	case RA_REVIEW:
		r = review_submit(c->db, &a, p->card.id, f->rating, f->body,
		    NULL);
		break;
	case RA_QUESTION:
		r = question_submit(c->db, &a, p->card.id, f->body, NULL);
		break;
	case RA_EDIT:
		r = post_edit(c->db, &a, f->post_id, f->rating, f->body, NULL);
		break;
	case RA_REPORT:
		r = post_report(c->db, &a, f->post_id, f->reason);
		break;
	default:
		return app_error(c, 400, "invalid");
	}
	if (r == POST_OK)
		return app_redirect(c, arena_printf(&c->arena, "/p/%s#%s",
		    p->card.slug, f->action == RA_QUESTION ? "questions" :
		    f->action == RA_REPORT ? "reviews" : "reviews"));
	if (r == POST_ERROR)
		return 500;
	/* The form again, with what was typed. */
	hdf_put(c->hdf, "Page.form.action", review_actions[f->action]);
	if (f->body != NULL)
		hdf_put(c->hdf, "Page.form.body", f->body);
	if (f->rating > 0)
		hdf_put_int(c->hdf, "Page.form.rating", f->rating);
	if (f->post_id > 0)
		hdf_put_int(c->hdf, "Page.form.post", f->post_id);
	return refusal(c, r, &a);
}
