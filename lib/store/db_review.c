/* db_review.c — see db_review.h. */
#include <stdio.h>
#include <string.h>

#include "buf.h"
#include "db_internal.h"
#include "db_review.h"

#define POST_COLS							\
	"p.id, p.product_id, p.user_id, p.kind, coalesce(p.rating, 0), "	\
	"p.body, p.status, p.held, p.verified, p.reports, p.answer, "	\
	"coalesce(p.answered_at, 0), p.created_at, p.updated_at, "	\
	"CASE WHEN u.deleted_at IS NULL THEN u.name ELSE '' END, "	\
	"CASE WHEN u.deleted_at IS NULL THEN u.email ELSE '' END, "	\
	"pr.slug, pr.name "						\
	"FROM posts p JOIN users u ON u.id = p.user_id "		\
	"JOIN products pr ON pr.id = p.product_id "
/* A product's published posts of one kind, newest first below ?3. */
#define PAGE_OF(kind) "SELECT " POST_COLS "WHERE p.product_id = ?1 AND "	\
	"p.kind = '" kind "' AND p.status = 'published' AND p.id < ?3 "	\
	"ORDER BY p.id DESC LIMIT ?4"
#define PAID "o.status IN ('paid', 'completed')"

enum {
	Q_BUYER, Q_ADD, Q_GET, Q_REVIEW_OF, Q_OWN, Q_PAGE, Q_PAGE_QUESTION,
	Q_QUEUE,
	Q_QUEUE_REPORTED, Q_EDIT, Q_STATUS, Q_ANSWER, Q_DELETE, Q_REPORT,
	Q_REPORT_COUNT, Q_REPORTS, Q_RECOMPUTE, Q_RATING,
	Q_RATINGS,
	Q__MAX
};

static const char *const sql[Q__MAX] = {
	/* Both halves go by an index of orders (orders_user, orders_email). */
	[Q_BUYER] = "SELECT 1 FROM orders o JOIN order_items i "
	    "ON i.order_id = o.id WHERE o.user_id = ?2 AND " PAID
	    " AND i.product_id = ?1 UNION ALL SELECT 1 FROM orders o "
	    "JOIN order_items i ON i.order_id = o.id WHERE ?3 IS NOT NULL "
	    "AND o.email_norm = ?3 AND o.user_id IS NULL AND " PAID
	    " AND i.product_id = ?1 LIMIT 1",
	[Q_ADD] = "INSERT INTO posts(kind, product_id, user_id, rating, body, "
	    "status, held, verified, client_addr, created_at, updated_at) "
	    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?10)",
	[Q_GET] = "SELECT " POST_COLS "WHERE p.id = ?1",
	[Q_REVIEW_OF] = "SELECT " POST_COLS "WHERE p.product_id = ?1 AND "
	    "p.user_id = ?2 AND p.kind = 'review'",
	[Q_OWN] = "SELECT " POST_COLS "WHERE p.product_id = ?1 AND "
	    "p.user_id = ?2 AND p.status <> 'published' "
	    "ORDER BY p.id DESC LIMIT 20",
	/* The kind is written out, not bound: a parameter compared with
	 * the partial index posts_one_review's "kind = 'review'" makes
	 * SQLite prepare the statement again at every new binding (half
	 * of a product page's instructions, callgrind). */
	[Q_PAGE] = PAGE_OF("review"),
	[Q_PAGE_QUESTION] = PAGE_OF("question"),
	[Q_QUEUE] = "SELECT " POST_COLS "WHERE p.status = ?1 AND p.id < ?2 "
	    "ORDER BY p.id DESC LIMIT ?3",
	[Q_QUEUE_REPORTED] = "SELECT " POST_COLS "WHERE p.reports > 0 AND "
	    "p.id < ?2 ORDER BY p.id DESC LIMIT ?3",
	[Q_EDIT] = "UPDATE posts SET rating = CASE WHEN kind = 'review' "
	    "THEN ?2 END, body = ?3, status = ?4, held = ?5, updated_at = ?6 "
	    "WHERE id = ?1",
	/* Publishing (staff approval) starts the report count again. */
	[Q_STATUS] = "UPDATE posts SET status = ?2, held = ?3, updated_at = ?4, "
	    "reports = CASE WHEN ?2 = 'published' THEN 0 ELSE reports END "
	    "WHERE id = ?1",
	[Q_ANSWER] = "UPDATE posts SET answer = ?2, answered_by = CASE WHEN "
	    "?2 = '' THEN NULL ELSE ?3 END, answered_at = CASE WHEN ?2 = '' "
	    "THEN NULL ELSE ?4 END, updated_at = ?4 WHERE id = ?1",
	[Q_DELETE] = "DELETE FROM posts WHERE id = ?1",
	[Q_REPORT] = "INSERT INTO post_reports(post_id, user_id, reason, "
	    "created_at) VALUES (?1, ?2, ?3, ?4)",
	[Q_REPORT_COUNT] = "UPDATE posts SET reports = reports + 1 WHERE id = ?1",
	[Q_REPORTS] = "SELECT coalesce(u.email, ''), r.reason, r.created_at "
	    "FROM post_reports r LEFT JOIN users u ON u.id = r.user_id "
	    "WHERE r.post_id = ?1 ORDER BY r.created_at LIMIT 50",
	/* One pass over the product's published reviews (posts_page). */
	[Q_RECOMPUTE] = "INSERT OR REPLACE INTO product_ratings(product_id, n, "
	    "total, n1, n2, n3, n4, n5) SELECT ?1, count(*), "
	    "coalesce(sum(rating), 0), coalesce(sum(rating = 1), 0), "
	    "coalesce(sum(rating = 2), 0), coalesce(sum(rating = 3), 0), "
	    "coalesce(sum(rating = 4), 0), coalesce(sum(rating = 5), 0) "
	    "FROM posts WHERE product_id = ?1 AND kind = 'review' AND "
	    "status = 'published'",
	[Q_RATING] = "SELECT n, total, n1, n2, n3, n4, n5 FROM product_ratings "
	    "WHERE product_id = ?1",
	/* ?1: a JSON array of product ids. */
	[Q_RATINGS] = "SELECT n, total, n1, n2, n3, n4, n5, r.product_id "
	    "FROM json_each(?1) j JOIN product_ratings r "
	    "ON r.product_id = j.value",
};
DB_STMTS(stmts, sql, Q__MAX);

static const char *const kinds[] = { "review", "question" };
static const char *const statuses[] = { "pending", "published", "hidden" };

const char *
post_kind_name(enum post_kind k)
{
	return (unsigned)k < 2 ? kinds[k] : "review";
}

const char *
post_status_name(enum post_status s)
{
	return (unsigned)s < 3 ? statuses[s] : "pending";
}

int
post_status_from_name(const char *s)
{
	for (int i = 0; i < 3; i++)
		if (strcmp(s, statuses[i]) == 0)
			return i;
	return -1;
}

/* Reads the POST_COLS of the current row. */
static void
read_post(struct arena *a, sqlite3_stmt *st, void *row)
{
	struct post *p = row;

	int c = 0;

	memset(p, 0, sizeof(*p));
	p->id = db_col_int(st, c++);
	p->product_id = db_col_int(st, c++);
	p->user_id = db_col_int(st, c++);
	p->kind = strcmp(db_col_text(a, st, c++), "question") == 0 ?
	    POST_QUESTION : POST_REVIEW;
	p->rating = (int)db_col_int(st, c++);
	p->body = db_col_text(a, st, c++);
	p->status = (enum post_status)post_status_from_name(
	    db_col_text(a, st, c++));
	p->held = db_col_text(a, st, c++);
	p->verified = (int)db_col_int(st, c++);
	p->reports = db_col_int(st, c++);
	p->answer = db_col_text(a, st, c++);
	p->answered_at = db_col_int(st, c++);
	p->created_at = db_col_int(st, c++);
	p->updated_at = db_col_int(st, c++);
	p->author = db_col_text(a, st, c++);
	p->author_email = db_col_text(a, st, c++);
	p->product_slug = db_col_text(a, st, c++);
	p->product_name = db_col_text(a, st, c++);
}

/* Every row of st as posts in an arena array.  0 or -1. */
static int
read_posts(struct db *db, struct arena *a, sqlite3_stmt *st,
    struct post **out, size_t *n, const char *what)
{

	*out = NULL;
	*n = 0;
	return db_rows(db, st, what, a, sizeof(**out), read_post, out,
	    n) < 0 ? -1 : 0;
}

/* Steps st for one post. */
static int
one_post(struct db *db, struct arena *a, sqlite3_stmt *st, struct post *p,
    const char *what)
{
	int rc = db_step_row(db, st, what);

	if (rc == 0) {
		read_post(a, st, p);
		db_done(st);
	}
	return rc;
}

int
db_post_buyer(struct db *db, long long product_id, long long user_id,
    const char *email_norm)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_BUYER);
	int rc;

	if (st == NULL)
		return -1;
	db_bind_int(st, 1, product_id);
	db_bind_int(st, 2, user_id);
	if (email_norm != NULL)
		db_bind_text(st, 3, email_norm);
	if ((rc = db_step_row(db, st, "post buyer")) == 0)
		db_done(st);
	return rc < 0 ? -1 : rc == 0;
}

long long
db_post_add(struct db *db, const struct post *p, const char *client)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_ADD);

	if (st == NULL)
		return -1;
	db_bind_text(st, 1, post_kind_name(p->kind));
	db_bind_int(st, 2, p->product_id);
	db_bind_int(st, 3, p->user_id);
	if (p->kind == POST_REVIEW)
		db_bind_int(st, 4, p->rating);
	db_bind_text(st, 5, p->body);
	db_bind_text(st, 6, post_status_name(p->status));
	db_bind_text(st, 7, p->held);
	db_bind_int(st, 8, p->verified);
	db_bind_text(st, 9, client);
	db_bind_int(st, 10, p->created_at);
	return db_insert(db, st, "post add");
}

int
db_post_get(struct db *db, struct arena *a, long long id, struct post *p)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_GET);

	if (st == NULL)
		return -1;
	db_bind_int(st, 1, id);
	return one_post(db, a, st, p, "post get");
}

int
db_post_review_of(struct db *db, struct arena *a, long long product_id,
    long long user_id, struct post *p)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_REVIEW_OF);

	if (st == NULL)
		return -1;
	db_bind_int(st, 1, product_id);
	db_bind_int(st, 2, user_id);
	return one_post(db, a, st, p, "post review of");
}

int
db_post_own_unpublished(struct db *db, struct arena *a, long long product_id,
    long long user_id, struct post **out, size_t *n)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_OWN);

	if (st == NULL)
		return -1;
	db_bind_int(st, 1, product_id);
	db_bind_int(st, 2, user_id);
	return read_posts(db, a, st, out, n, "post own");
}

int
db_post_page(struct db *db, struct arena *a, long long product_id,
    enum post_kind k, long long before, long long limit, struct post **out,
    size_t *n)
{
	sqlite3_stmt *st = db_stmt(db, &stmts,
	    k == POST_QUESTION ? Q_PAGE_QUESTION : Q_PAGE);

	if (st == NULL)
		return -1;
	db_bind_int(st, 1, product_id);
	db_bind_int(st, 3, before > 0 ? before : (1LL << 62));
	db_bind_int(st, 4, limit);
	return read_posts(db, a, st, out, n, "post page");
}

int
db_post_queue(struct db *db, struct arena *a, enum post_status s,
    int reported, long long before, long long limit, struct post **out,
    size_t *n)
{
	sqlite3_stmt *st = db_stmt(db, &stmts,
	    reported ? Q_QUEUE_REPORTED : Q_QUEUE);

	if (st == NULL)
		return -1;
	if (!reported)
		db_bind_text(st, 1, post_status_name(s));
	db_bind_int(st, 2, before > 0 ? before : (1LL << 62));
	db_bind_int(st, 3, limit);
	return read_posts(db, a, st, out, n, "post queue");
}

int
db_post_edit(struct db *db, long long id, int rating, const char *body,
    enum post_status s, const char *held, long long now)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_EDIT);

	if (st == NULL)
		return -1;
	db_bind_int(st, 1, id);
	db_bind_int(st, 2, rating);
	db_bind_text(st, 3, body);
	db_bind_text(st, 4, post_status_name(s));
	db_bind_text(st, 5, held);
	db_bind_int(st, 6, now);
	return db_step_done(db, st, "post edit") == 0 ? 0 : -1;
}

int
db_post_set_status(struct db *db, long long id, enum post_status s,
    const char *held, long long now)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_STATUS);

	if (st == NULL)
		return -1;
	db_bind_int(st, 1, id);
	db_bind_text(st, 2, post_status_name(s));
	db_bind_text(st, 3, held);
	db_bind_int(st, 4, now);
	return db_step_done(db, st, "post status") == 0 ? 0 : -1;
}

int
db_post_answer(struct db *db, long long id, const char *answer,
    long long staff_id, long long now)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_ANSWER);

	if (st == NULL)
		return -1;
	db_bind_int(st, 1, id);
	db_bind_text(st, 2, answer);
	if (staff_id > 0)
		db_bind_int(st, 3, staff_id);	/* else NULL: soukctl */
	db_bind_int(st, 4, now);
	return db_step_done(db, st, "post answer") == 0 ? 0 : -1;
}

int
db_post_delete(struct db *db, long long id)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_DELETE);

	if (st == NULL)
		return -1;
	db_bind_int(st, 1, id);
	return db_step_done(db, st, "post delete") == 0 ? 0 : -1;
}

int
db_post_report(struct db *db, long long id, long long user_id,
    const char *reason, long long now)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_REPORT);
	int rc;

	if (st == NULL)
		return -1;
	db_bind_int(st, 1, id);
	db_bind_int(st, 2, user_id);
	db_bind_text(st, 3, reason);
	db_bind_int(st, 4, now);
	if ((rc = db_step_done(db, st, "post report")) != 0)
		return rc == -2 ? -2 : -1;
	if ((st = db_stmt(db, &stmts, Q_REPORT_COUNT)) == NULL)
		return -1;
	db_bind_int(st, 1, id);
	return db_step_done(db, st, "post report count") == 0 ? 0 : -1;
}

/* db_row_fn: a post_report from the statement's columns. */
static void
read_post_reports(struct arena *a, sqlite3_stmt *st, void *row)
{
	struct post_report *r = row;

	r->email = db_col_text(a, st, 0);
	r->reason = db_col_text(a, st, 1);
	r->created_at = db_col_int(st, 2);
}

int
db_post_reports(struct db *db, struct arena *a, long long id,
    struct post_report **out, size_t *n)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_REPORTS);

	*out = NULL;
	*n = 0;
	if (st == NULL)
		return -1;
	db_bind_int(st, 1, id);
	return db_rows(db, st, "post reports", a, sizeof(**out),
	    read_post_reports, out, n) < 0 ? -1 : 0;
}

int
db_rating_recompute(struct db *db, long long product_id)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_RECOMPUTE);

	if (st == NULL)
		return -1;
	db_bind_int(st, 1, product_id);
	return db_step_done(db, st, "rating recompute") == 0 ? 0 : -1;
}

/* The rating of the row st is on into r. */
static void
read_rating(sqlite3_stmt *st, struct rating *r)
{
	r->n = db_col_int(st, 0);
	r->total = db_col_int(st, 1);
	for (int i = 1; i <= 5; i++)
		r->stars[i] = db_col_int(st, i + 1);
}

int
db_ratings_get(struct db *db, struct arena *a, const long long *ids,
    size_t n, struct rating *out)
{
	sqlite3_stmt *st;
	char *list, *w;
	int rc;

	memset(out, 0, n * sizeof(*out));
	if (n == 0)
		return 0;
	if ((st = db_stmt(db, &stmts, Q_RATINGS)) == NULL)
		return -1;
	/* The ids as a JSON array, written without printf (sprintf was
	 * 40% of the cost of a listing's ratings, callgrind). */
	w = list = arena_alloc(a, n * (BUF_INT_MAX + 1) + 3);
	*w++ = '[';
	for (size_t i = 0; i < n; i++) {
		if (i)
			*w++ = ',';
		w += fmt_int(w, ids[i]);
	}
	*w++ = ']';
	*w = '\0';
	db_bind_text(st, 1, list);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		long long id = db_col_int(st, 7);
		for (size_t i = 0; i < n; i++)
			if (ids[i] == id)
				read_rating(st, &out[i]);
	}
	db_done(st);
	return rc == SQLITE_DONE ? 0 : db_fail(db, "ratings get");
}

int
db_rating_get(struct db *db, long long product_id, struct rating *r)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_RATING);
	int rc;

	memset(r, 0, sizeof(*r));
	if (st == NULL)
		return -1;
	db_bind_int(st, 1, product_id);
	if ((rc = db_step_row(db, st, "rating get")) != 0)
		return rc < 0 ? -1 : 0;
	read_rating(st, r);
	db_done(st);
	return 0;
}
