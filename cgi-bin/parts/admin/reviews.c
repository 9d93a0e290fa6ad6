/* reviews.c — the moderation of reviews and questions (docs/reviews.md).
 *
 *   GET  /admin/reviews       view=pending (default) | published | hidden |
 *                             reported; keyset: before=<id>
 *   POST /admin/reviews/act   id, do=approve|hide|delete|answer, body (the
 *                             answer; empty removes it), view (to return)
 *
 * The rules are review.h's (post_moderate): the change, the product's
 * ratings and the audit row commit together. */
#include <time.h>

#include "admin.h"
#include "db_user.h"
#include "log.h"
#include "review.h"
#include "review_hdf.h"
#include "site.h"

#define QUEUE_ROWS 20

const char *const adm_review_views[] = {
	"pending", "published", "hidden", "reported", NULL
};
const char *const adm_review_acts[] = {
	"approve", "hide", "delete", "answer", NULL
};

/* The view asked for: 0-3 (index in adm_review_views). */
static int
view_of(struct ctx *c)
{
	return app_val(c, KEY_VIEW)->state == VAL_OK ?
	    (int)app_val(c, KEY_VIEW)->i : 0;
}

/* Page.queue.N.reports.M.{who,reason,at} for the posts that have some. */
static int
put_reports(struct ctx *c, const struct post *p, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		struct post_report *r;
		size_t nr;
		if (p[i].reports == 0)
			continue;
		if (db_post_reports(c->db, &c->arena, p[i].id, &r, &nr) < 0)
			return -1;
		for (size_t k = 0; k < nr; k++) {
			const char *at = arena_printf(&c->arena,
			    "Page.queue.%zu.reports.%zu", i, k);
			hdf_putf(c->hdf, *r[k].email ? r[k].email : "-",
			    "%s.who", at);
			hdf_putf(c->hdf, r[k].reason, "%s.reason", at);
			hdf_putf(c->hdf, adm_when(c, r[k].created_at), "%s.at", at);
		}
	}
	return 0;
}

int
page_reviews(struct ctx *c)
{
	int view = view_of(c);
	long long before = app_val(c, KEY_BEFORE)->state == VAL_OK ?
	    app_val(c, KEY_BEFORE)->i : 0;
	struct post *p;
	size_t n;

	if (db_post_queue(c->db, &c->arena, view == 3 ? POST_PENDING :
	    (enum post_status)view, view == 3, before, QUEUE_ROWS, &p, &n) < 0)
		return 500;
	review_put_posts(c, "Page.queue", p, n);
	for (size_t i = 0; i < n; i++) {
		const char *at = arena_printf(&c->arena, "Page.queue.%zu", i);
		hdf_putf(c->hdf, p[i].product_slug, "%s.slug", at);
		hdf_putf(c->hdf, p[i].product_name, "%s.product", at);
		hdf_putf(c->hdf, p[i].author_email, "%s.email", at);
		hdf_putf(c->hdf, arena_printf(&c->arena, "%lld", p[i].reports),
		    "%s.nreports", at);
		hdf_putf(c->hdf, adm_when(c, p[i].created_at), "%s.when", at);
	}
	if (put_reports(c, p, n) < 0)
		return 500;
	if (n == QUEUE_ROWS)
		hdf_put_int(c->hdf, "Page.queue_next", p[n - 1].id);
	hdf_put(c->hdf, "Page.view", adm_review_views[view]);
	if (app_val(c, KEY_DONE)->state == VAL_OK)
		hdf_put(c->hdf, "Page.done", app_val(c, KEY_DONE)->s);
	return app_render(c, 200, "admin/reviews");
}

/* The audit row of a moderation (post_moderate's callback). */
static int
audit(struct db *db, const struct post *before, const char *action, void *arg)
{
	struct ctx *c = arg;
	const char *detail = arena_printf(&c->arena, "%s of %s by %s, was %s",
	    post_kind_name(before->kind), before->product_slug,
	    *before->author_email ? before->author_email : "-",
	    post_status_name(before->status));

	(void)db;
	return adm_audit(c, arena_printf(&c->arena, "post_%s", action), "post",
	    before->id, detail, (long long)time(NULL)) < 0 ? -1 : 0;
}

int
page_review_act(struct ctx *c)
{
	struct post_staff s = { 0 };
	enum post_result r;
	int act;

	if (!app_csrf_ok(c))
		return 403;
	/* "do" under this page's own choices (KEY_MOD; KEY_DO is the
	 * order pages'). */
	if (app_val(c, KEY_MOD)->state != VAL_OK)
		return app_error(c, 400, "action");
	act = (int)app_val(c, KEY_MOD)->i;
	s.user_id = c->site->user->id;
	s.now = (long long)time(NULL);
	s.audit = audit;
	s.arg = c;
	r = post_moderate(c->db, &s, app_val(c, KEY_ID)->i,
	    (enum post_action)act, act == POST_ANSWER ? adm_opt(c, KEY_ANSWER) :
	    NULL);
	if (r == POST_NOT_FOUND)
		return app_error(c, 404, NULL);
	if (r == POST_BAD_TEXT)
		return app_error(c, 400, "invalid");
	if (r != POST_OK)
		return 500;
	log_info("post %lld: %s by %s", app_val(c, KEY_ID)->i,
	    adm_review_acts[act], c->site->user->email);
	return app_redirect(c, arena_printf(&c->arena,
	    "/admin/reviews?view=%s&done=%s", adm_review_views[view_of(c)],
	    adm_review_acts[act]));
}
