/* db_review.h — the tables of reviews and questions (store layer): posts,
 * post_reports and product_ratings (schema.sql, migration 015).  Single
 * statements; the rules and transactions are review.h's.  Strings live
 * in the caller's arena.  Lookups return 0 (found), DB_NONE or -1; changes
 * 0 or -1, and -2 where a UNIQUE constraint says "already there". */
#ifndef SOUK_DB_REVIEW_H
#define SOUK_DB_REVIEW_H
#include <stddef.h>

#include "arena.h"
#include "db.h"

enum post_kind { POST_REVIEW, POST_QUESTION };
enum post_status { POST_PENDING, POST_PUBLISHED, POST_HIDDEN };

struct post {
	long long	 id, product_id, user_id;
	enum post_kind	 kind;
	int		 rating;		/* 1-5; 0 for a question */
	const char	*body;
	enum post_status status;
	const char	*held;			/* "", moderation, words, reports */
	int		 verified;		/* bought the product */
	long long	 reports;
	const char	*answer;		/* "" when none */
	long long	 answered_at;		/* 0 when none */
	long long	 created_at, updated_at;
	const char	*author;		/* account name, "" when none/deleted */
	const char	*author_email;		/* "" when deleted (staff views) */
	const char	*product_slug, *product_name;
};

/* Published reviews of a product summed up. */
struct rating {
	long long	 n, total;		/* count, sum of the ratings */
	long long	 stars[6];		/* stars[1..5]: count per rating */
};

/* "review"/"question", "pending"/"published"/"hidden" and back (-1). */
const char	*post_kind_name(enum post_kind);
const char	*post_status_name(enum post_status);
int		 post_status_from_name(const char *);

/* 1 when an order of the account (user_id, or a guest order placed with
 * email_norm when that is not NULL: a verified address) that is paid or
 * completed holds a line of the product, 0 when none, -1. */
int	db_post_buyer(struct db *, long long product_id, long long user_id,
	    const char *email_norm);
/* A new post from p (kind, product_id, user_id, rating, body, status,
 * held, verified, created_at) and the client address; its id, -2 when the
 * account has a review of this product already, -1. */
long long db_post_add(struct db *, const struct post *p, const char *client);
int	db_post_get(struct db *, struct arena *, long long id, struct post *);
/* The account's review of a product. */
int	db_post_review_of(struct db *, struct arena *, long long product_id,
	    long long user_id, struct post *);
/* The account's posts on a product that are not published (its own
 * pending or hidden reviews and questions, newest first, at most 20). */
int	db_post_own_unpublished(struct db *, struct arena *, long long product_id,
	    long long user_id, struct post **, size_t *);
/* Published posts of a kind on a product, newest first: those with an id
 * below `before` (0: from the newest), at most limit. */
int	db_post_page(struct db *, struct arena *, long long product_id,
	    enum post_kind, long long before, long long limit,
	    struct post **, size_t *);
/* The moderation queue: posts in status (or, reported = 1, any post with
 * reports), newest first below `before` (0: from the newest), at most
 * limit, with the product's slug and name and the author's e-mail. */
int	db_post_queue(struct db *, struct arena *, enum post_status,
	    int reported, long long before, long long limit,
	    struct post **, size_t *);
/* Text and rating of a post (its author's edit) with its new status. */
int	db_post_edit(struct db *, long long id, int rating, const char *body,
	    enum post_status, const char *held, long long now);
int	db_post_set_status(struct db *, long long id, enum post_status,
	    const char *held, long long now);
/* The shop's answer ("" removes it) by staff account staff_id. */
int	db_post_answer(struct db *, long long id, const char *answer,
	    long long staff_id, long long now);
int	db_post_delete(struct db *, long long id);
/* Records the account's report of a post and counts it on the post;
 * -2 when the account reported it already. */
int	db_post_report(struct db *, long long id, long long user_id,
	    const char *reason, long long now);
struct post_report {
	const char	*email, *reason;
	long long	 created_at;
};
/* The reports of a post, oldest first (at most 50). */
int	db_post_reports(struct db *, struct arena *, long long id,
	    struct post_report **, size_t *);
/* Recomputes product_ratings for the product from its published reviews
 * (inside the caller's transaction).  0 or -1. */
int	db_rating_recompute(struct db *, long long product_id);
/* The product's ratings; all zero (and 0 returned) when it has none. */
int	db_rating_get(struct db *, long long product_id, struct rating *);
/* The ratings of n products at once (one statement), out[i] for ids[i],
 * all zero for a product with none; the id list lives in a.  0 or -1. */
int	db_ratings_get(struct db *, struct arena *, const long long *ids,
	    size_t n, struct rating *out);

#endif
