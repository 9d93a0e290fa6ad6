/* cmd_reviews.c — soukctl reviews: the moderation queue of reviews and
 * questions from the shell (docs/reviews.md), through the same rules as
 * the admin pages (review.h).
 *
 *   soukctl reviews list [--status pending|published|hidden|reported]
 *                        [--limit N]
 *   soukctl reviews show ID
 *   soukctl reviews approve|hide|delete ID
 *   soukctl reviews answer ID TEXT      ("" removes the answer)
 *
 * What customers typed goes through ctl_write like every soukctl output:
 * no control character reaches the terminal. */
#include <string.h>
#include <time.h>

#include "arena.h"
#include "ctl.h"
#include "review.h"
#include "store_conf.h"
#include "valid.h"

#define USAGE "list [--status pending|published|hidden|reported] " \
	"[--limit N] | show ID | approve|hide|delete ID | answer ID TEXT"

/* One line of a listing. */
static void
print_row(struct arena *a, const struct post *p)
{
	ctl_printf("%6lld  %-8s  %-9s  %-10s  %s  %-24s  %-24s  %s\n", p->id,
	    post_kind_name(p->kind), post_status_name(p->status),
	    *p->held ? p->held : "-",
	    p->kind == POST_REVIEW ? arena_printf(a, "%d/5", p->rating) : "  -",
	    p->product_slug, *p->author_email ? p->author_email : "(deleted)",
	    ctl_oneline(a, p->body));
}

static int
list(struct db *db, struct arena *a, int argc, char **argv)
{
	long long limit = 50;
	int status = POST_PENDING, reported = 0;
	const char *err;
	struct post *p;
	size_t n;

	for (int i = 2; i < argc; i++) {
		if (strcmp(argv[i], "--status") == 0 && i + 1 < argc) {
			i++;
			if (strcmp(argv[i], "reported") == 0)
				reported = 1;
			else if ((status = post_status_from_name(argv[i])) < 0)
				return ctl_usage("reviews", USAGE);
		} else if (strcmp(argv[i], "--limit") == 0 && i + 1 < argc &&
		    valid_int(argv[i + 1], 1, 100000, &limit, &err) == 0)
			i++;
		else
			return ctl_usage("reviews", USAGE);
	}
	if (db_post_queue(db, a, (enum post_status)status, reported, 0, limit,
	    &p, &n) < 0)
		return ctl_fail("reviews", "cannot read the posts");
	ctl_printf("%6s  %-8s  %-9s  %-10s  %s  %-24s  %-24s  %s\n", "ID", "KIND",
	    "STATUS", "HELD", "RATE", "PRODUCT", "AUTHOR", "TEXT");
	for (size_t i = 0; i < n; i++)
		print_row(a, &p[i]);
	return 0;
}

static int
show(struct db *db, struct arena *a, long long id)
{
	struct post_report *r;
	struct post p;
	size_t n;
	int rc;

	if ((rc = db_post_get(db, a, id, &p)) != 0)
		return rc < 0 ? ctl_fail("reviews", "cannot read post %lld", id) :
		    ctl_fail("reviews", "no post %lld", id);
	if (db_post_reports(db, a, id, &r, &n) < 0)
		return ctl_fail("reviews", "cannot read the reports");
	ctl_printf("post %lld: %s of %s (%s), %s%s%s\n", p.id,
	    post_kind_name(p.kind), p.product_slug, p.product_name,
	    post_status_name(p.status), *p.held ? ", held: " : "", p.held);
	ctl_printf("author: %s <%s>%s\n", p.author, p.author_email,
	    p.verified ? ", verified buyer" : "");
	if (p.kind == POST_REVIEW)
		ctl_printf("rating: %d/5\n", p.rating);
	ctl_printf("written: %s, changed: %s\n",
	    ctl_when(a, p.created_at), ctl_when(a, p.updated_at));
	ctl_printf("\n%s\n", p.body);
	if (*p.answer)
		ctl_printf("\nanswer (%s):\n%s\n",
		    ctl_when(a, p.answered_at), p.answer);
	ctl_printf("\nreports: %lld since the last approval\n", p.reports);
	for (size_t i = 0; i < n; i++)
		ctl_printf("  %s  %s  %s\n", ctl_when(a, r[i].created_at),
		    *r[i].email ? r[i].email : "(deleted)",
		    ctl_oneline(a, r[i].reason));
	return 0;
}

static int
act(struct db *db, enum post_action what, long long id, const char *answer)
{
	struct post_staff s = { 0 };
	enum post_result r;

	s.now = (long long)time(NULL);
	r = post_moderate(db, &s, id, what, answer);
	if (r == POST_NOT_FOUND)
		return ctl_fail("reviews", "no post %lld", id);
	if (r == POST_BAD_TEXT)
		return ctl_fail("reviews", "the answer must be 1 to %d characters "
		    "of text", POST_TEXT_MAX);
	if (r != POST_OK)
		return ctl_fail("reviews", "could not %s post %lld",
		    post_action_name(what), id);
	ctl_printf("post %lld: %s done\n", id, post_action_name(what));
	return 0;
}

int
cmd_reviews(int argc, char **argv)
{
	long long id = 0;
	const char *err;
	struct arena a;
	struct db *db;
	int what = -1, rc;

	if (argc < 2)
		return ctl_usage("reviews", USAGE);
	if (strcmp(argv[1], "list") != 0) {
		if (argc < 3 || valid_int(argv[2], 1, 1LL << 62, &id, &err) < 0)
			return ctl_usage("reviews", USAGE);
		what = post_action_from_name(argv[1]);
		if (strcmp(argv[1], "show") != 0 && (what < 0 ||
		    argc != (what == POST_ANSWER ? 4 : 3)))
			return ctl_usage("reviews", USAGE);
	}
	if ((db = ctl_open(0)) == NULL)
		return 1;
	arena_init(&a, 0);
	if (strcmp(argv[1], "list") == 0)
		rc = list(db, &a, argc, argv);
	else if (strcmp(argv[1], "show") == 0)
		rc = show(db, &a, id);
	else
		rc = act(db, (enum post_action)what, id,
		    what == POST_ANSWER ? argv[3] : NULL);
	arena_free(&a);
	db_close(db);
	return rc;
}
