/* test_review.c — the rules of reviews (review.h) on a real SQLite file:
 * text normalisation, the word list, buyers only and once, the ratings
 * kept equal to a recomputation through every state change, reports, the
 * edit window, and the audit hook's rollback. */
#include <stdio.h>
#include <string.h>

#include "conf.h"
#include "db.h"
#include "review.h"
#include "store_conf.h"
#include "t.h"

TEST(review_text_trims_normalises_and_refuses)
{
	struct arena a;

	arena_init(&a, 0);
	CHECK_STR(post_text(&a, "  Good\r\nvery\rgood \n", 100),
	    "Good\nvery\ngood");
	CHECK(post_text(&a, " \n\t ", 100) == NULL);
	CHECK(post_text(&a, "bell\a", 100) == NULL);
	CHECK(post_text(&a, "bad \xff utf-8", 100) == NULL);
	CHECK(post_text(&a, "ééé", 3) != NULL);
	CHECK(post_text(&a, "éééé", 3) == NULL);
	arena_free(&a);
}

TEST(review_words_match_whole_words_or_anywhere)
{
	post_words_reset();
	conf_set(CONF_REVIEW_WORDS_FILE, "");
	CHECK(post_words_match("Total SCAM!") == 1);
	CHECK(post_words_match("a scampi scene") == 0);
	CHECK(post_words_match("see https://x.example") == 1);
	CHECK(post_words_match("nice film") == 0);
	conf_set(CONF_REVIEW_WORDS_FILE, t_write("words.txt",
	    "# mine\n  Bad Phrase \n\nfoo.\n"));
	post_words_reset();
	CHECK(post_words_match("a bad phrase here") == 1);
	CHECK(post_words_match("a bad phrases") == 0);
	CHECK(post_words_match("x foo.y") == 1);	/* ends with a dot: no right edge */
	CHECK(post_words_match("xfoo.") == 0);	/* starts with a letter */
	CHECK(post_words_match("total scam") == 0);	/* replaced the list */
	conf_set(CONF_REVIEW_WORDS_FILE, "/nonexistent/words");
	post_words_reset();
	CHECK(post_words_match("anything") == -1);
	conf_set(CONF_REVIEW_WORDS_FILE, "");
	post_words_reset();
}

static const char fixtures[] =
	"INSERT INTO products(id, slug, name, kind, price_minor, created_at, "
	"updated_at) VALUES (1, 'p1', 'P1', 'digital', 1000, 0, 0);"
	"INSERT INTO users(id, email, email_norm, pw_hash, created_at, "
	"updated_at) VALUES (1, 'a@x.example', 'a@x.example', 'x', 0, 0),"
	"(2, 'b@x.example', 'b@x.example', 'x', 0, 0),"
	"(3, 'c@x.example', 'c@x.example', 'x', 0, 0);";

/* A paid order of product 1 placed with email. */
static void
paid_order(struct db *db, int n, const char *email, const char *status)
{
	char sql[1024];

	snprintf(sql, sizeof(sql), "INSERT INTO orders(id, token, reference, "
	    "idem_key, status, payment_method, currency, subtotal_minor, "
	    "total_minor, customer_name, email, email_norm, phone, country, "
	    "lang, created_at, updated_at) VALUES (%d, 't%d', 'R%d', 'i%d', "
	    "'awaiting_payment', 'bank', 'TND', 1000, 1000, 'N', '%s', '%s', "
	    "'+21620123456', 'TN', 'en', 0, 0);"
	    "INSERT INTO order_items(order_id, line, product_id, kind, name, "
	    "price_minor, qty, line_minor) VALUES (%d, 1, 1, 'digital', 'P1', "
	    "1000, 1, 1000);", n, n, n, n, email, email, n);
	CHECK(t_exec(db, sql) == 0);
	if (strcmp(status, "awaiting_payment") == 0)
		return;
	snprintf(sql, sizeof(sql), "UPDATE orders SET status = 'paid' "
	    "WHERE id = %d", n);
	CHECK(t_exec(db, sql) == 0);
	if (strcmp(status, "completed") == 0) {
		snprintf(sql, sizeof(sql), "UPDATE orders SET status = "
		    "'completed' WHERE id = %d", n);
		CHECK(t_exec(db, sql) == 0);
	}
}

/* 1 when product_ratings equals a recomputation from posts. */
static int
ratings_right(struct db *db)
{
	return t_int(db, "SELECT count(*) FROM (SELECT n, total, n1, n2, n3, "
	    "n4, n5 FROM product_ratings WHERE product_id = 1 EXCEPT SELECT "
	    "count(*), coalesce(sum(rating), 0), coalesce(sum(rating = 1), 0), "
	    "coalesce(sum(rating = 2), 0), coalesce(sum(rating = 3), 0), "
	    "coalesce(sum(rating = 4), 0), coalesce(sum(rating = 5), 0) FROM "
	    "posts WHERE product_id = 1 AND kind = 'review' AND status = "
	    "'published')") == 0;
}

static int
refuse_audit(struct db *db, const struct post *p, const char *a, void *arg)
{
	(void)db; (void)p; (void)a; (void)arg;
	return -1;
}

TEST(review_rules_on_a_real_database)
{
	struct db *db = t_db_new();
	struct post_author a = { 1, "a@x.example", "192.0.2.1", 1000, 0 };
	struct post_author b = { 2, "b@x.example", "192.0.2.2", 1000, 0 };
	struct post_author c = { 3, "c@x.example", "192.0.2.3", 1000, 0 };
	struct post_staff s = { 0 };
	struct post out;
	long long rid;

	CHECK(db != NULL);
	if (db == NULL)
		return;
	conf_set(CONF_REVIEW_MODERATION, "publish");
	conf_set(CONF_REVIEW_REPORT_HOLD, "2");
	post_words_reset();
	CHECK(t_exec(db, fixtures) == 0);
	paid_order(db, 1, "a@x.example", "awaiting_payment");
	CHECK(review_submit(db, &a, 1, 5, "x", NULL) == POST_NOT_BUYER);
	CHECK(t_exec(db, "UPDATE orders SET status = 'paid' WHERE id = 1") == 0);
	CHECK(review_submit(db, &a, 1, 0, "x", NULL) == POST_BAD_RATING);
	CHECK(review_submit(db, &a, 1, 5, "  ", NULL) == POST_BAD_TEXT);
	/* Not verified: the guest order does not count. */
	a.email_norm = NULL;
	CHECK(review_submit(db, &a, 1, 5, "x", NULL) == POST_NOT_BUYER);
	a.email_norm = "a@x.example";
	CHECK(review_submit(db, &a, 1, 4, "Fine", &out) == POST_OK);
	CHECK(out.status == POST_PUBLISHED && out.verified == 1);
	rid = out.id;
	CHECK(review_submit(db, &a, 1, 1, "again", NULL) == POST_DUPLICATE);
	CHECK(ratings_right(db));
	paid_order(db, 2, "b@x.example", "completed");
	CHECK(review_submit(db, &b, 1, 1, "Total scam", &out) == POST_OK);
	CHECK(out.status == POST_PENDING && strcmp(out.held, "words") == 0);
	CHECK(ratings_right(db) && t_int(db, "SELECT n FROM product_ratings") == 1);
	s.now = 1001;
	CHECK(post_moderate(db, &s, out.id, POST_APPROVE, NULL) == POST_OK);
	CHECK(ratings_right(db) && t_int(db, "SELECT total FROM product_ratings")
	    == 5);
	/* The audit hook's failure undoes the change. */
	s.audit = refuse_audit;
	CHECK(post_moderate(db, &s, out.id, POST_HIDE, NULL) == POST_ERROR);
	CHECK(t_int(db, "SELECT count(*) FROM posts WHERE status = 'hidden'") == 0);
	s.audit = NULL;
	/* Questions from anyone; reports from others, once each. */
	CHECK(question_submit(db, &c, 1, "Subtitles?", &out) == POST_OK);
	CHECK(out.verified == 0 && out.status == POST_PUBLISHED);
	CHECK(post_report(db, &c, out.id, "") == POST_OWN);
	CHECK(post_report(db, &a, rid, "") == POST_OWN);
	CHECK(post_report(db, &c, rid, "rude") == POST_OK);
	CHECK(post_report(db, &c, rid, "") == POST_REPORTED);
	CHECK(post_report(db, &b, rid, "") == POST_OK);
	CHECK(t_int(db, "SELECT status = 'pending' AND held = 'reports' FROM "
	    "posts WHERE id = 1") == 1);
	CHECK(ratings_right(db) && t_int(db, "SELECT n FROM product_ratings") == 1);
	CHECK(post_moderate(db, &s, rid, POST_APPROVE, NULL) == POST_OK);
	CHECK(t_int(db, "SELECT reports FROM posts WHERE id = 1") == 0);
	/* Edits: the author only, within the window. */
	CHECK(post_edit(db, &b, rid, 2, "mine now", NULL) == POST_NOT_AUTHOR);
	CHECK(post_edit(db, &a, rid, 2, "Changed my mind", NULL) == POST_OK);
	CHECK(ratings_right(db) && t_int(db, "SELECT total FROM product_ratings")
	    == 3);
	a.now = 1000 + conf_int(CONF_REVIEW_EDIT_WINDOW);
	CHECK(post_edit(db, &a, rid, 5, "late", NULL) == POST_EDIT_CLOSED);
	CHECK(post_moderate(db, &s, rid, POST_ANSWER, "Thanks") == POST_OK);
	CHECK(post_moderate(db, &s, rid, POST_DELETE, NULL) == POST_OK);
	CHECK(ratings_right(db) && t_int(db, "SELECT n FROM product_ratings") == 1);
	CHECK(post_moderate(db, &s, rid, POST_HIDE, NULL) == POST_NOT_FOUND);
	conf_set(CONF_REVIEW_MODERATION, "hold");
	conf_set(CONF_REVIEW_REPORT_HOLD, "3");
	db_close(db);
}
