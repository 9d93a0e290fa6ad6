/* review.h — the rules of reviews, questions and their moderation (store
 * layer; docs/reviews.md).  The catalog program, the admin and soukctl
 * all go through these functions; each runs its own transaction (BEGIN
 * IMMEDIATE), in which the product's ratings (product_ratings) are
 * recomputed whenever a review enters or leaves the published state, so a
 * page reads one row of aggregates whatever the number of reviews.
 *
 * - A review: a rating 1-5 and a text, only from a customer with a paid
 *   or completed order holding the product (db_post_buyer), one per
 *   product and account, marked "verified buyer".
 * - A question: a text from any logged-in customer; staff answer it.
 * - New posts are published at once or held for staff (setting
 *   review_moderation), and held whatever the setting when their text
 *   holds a word or phrase of the word list (review_words_file).  An
 *   author may edit a post for review_edit_window seconds; the edit goes
 *   through the same decision.
 * - Customers report published posts ("report this review"), once each;
 *   review_report_hold reports take a post back to the queue.
 * - Writes of customers are rate limited per account and per client
 *   address (review_account_limit, review_address_limit, per hour),
 *   counted in SQLite (db_rate.h).
 * - Staff approve, hide, delete or answer (post_moderate); an audit
 *   callback runs in the same transaction.
 *
 * Texts are kept as typed (line breaks normalised to LF) and always shown
 * as escaped plain text: nothing in them is ever a link or markup. */
#ifndef SOUK_REVIEW_H
#define SOUK_REVIEW_H
#include "arena.h"
#include "db.h"
#include "db_review.h"

#define POST_TEXT_MAX	2000	/* code points of a review, question, answer */
#define POST_REASON_MAX	300	/* code points of a report's reason */

enum post_result {
	POST_ERROR = -1,
	POST_OK = 0,
	POST_NOT_BUYER,		/* review: no paid order of the product */
	POST_DUPLICATE,		/* review: the account has one already */
	POST_LIMITED,		/* rate limit: *retry_after says when */
	POST_BAD_TEXT,		/* empty, too long, controls, bad UTF-8 */
	POST_BAD_RATING,	/* not 1-5 */
	POST_NOT_FOUND,		/* no such post (or product) */
	POST_NOT_AUTHOR,	/* edit: not the author's post */
	POST_EDIT_CLOSED,	/* edit: window over, or hidden by staff */
	POST_OWN,		/* report: one's own post */
	POST_REPORTED,		/* report: reported already, or not published */
};

/* The customer acting. */
struct post_author {
	long long	 user_id;
	const char	*email_norm;	/* verified address, else NULL */
	const char	*client;	/* rate_client_key() of the address */
	long long	 now;
	long long	 retry_after;	/* set on POST_LIMITED */
};

/* The staff member acting, and what else the change must write in the
 * same transaction (an audit row): audit, when set, is called before the
 * commit with the post as it was and the action's name ("approve",
 * "hide", "delete", "answer"); a non-zero return rolls everything back
 * (POST_ERROR). */
struct post_staff {
	long long	 user_id;
	long long	 now;
	int		(*audit)(struct db *, const struct post *before,
			    const char *action, void *arg);
	void		*arg;
};

enum post_action { POST_APPROVE, POST_HIDE, POST_DELETE, POST_ANSWER,
	POST_ACTION__MAX };

/* "approve", "hide", "delete", "answer" and back (-1). */
const char	*post_action_name(enum post_action);
int		 post_action_from_name(const char *);

/* The text as stored: blanks around it trimmed, CR LF and lone CR made
 * LF, in the arena.  NULL when it is empty, longer than max code points,
 * not UTF-8 or holds a control other than TAB and line breaks. */
const char	*post_text(struct arena *, const char *in, size_t max);
/* 1 when text holds an entry of the word list (ASCII case folded; an
 * entry starting or ending with a letter or digit matches whole words
 * only), 0 when not, -1 when the configured list cannot be read. */
int		 post_words_match(const char *text);
/* 1 while the author may still edit p at now. */
int		 post_editable(const struct post *p, long long now);

/* A review of product_id.  On POST_OK, *out (may be NULL) gets the id,
 * the status and why it is held. */
enum post_result review_submit(struct db *, struct post_author *,
	    long long product_id, int rating, const char *body,
	    struct post *out);
/* A question on product_id; as review_submit. */
enum post_result question_submit(struct db *, struct post_author *,
	    long long product_id, const char *body, struct post *out);
/* The author's edit of their post (rating ignored for a question). */
enum post_result post_edit(struct db *, struct post_author *, long long id,
	    int rating, const char *body, struct post *out);
/* A report of a published post by another customer; reason may be "". */
enum post_result post_report(struct db *, struct post_author *, long long id,
	    const char *reason);
/* Staff: approve (publish), hide, delete, or answer (text; "" removes
 * the answer) a post.  POST_NOT_FOUND, POST_BAD_TEXT or POST_ERROR. */
enum post_result post_moderate(struct db *, const struct post_staff *,
	    long long id, enum post_action, const char *answer);

/* Drops the loaded word list (tests; after the file changed). */
void		 post_words_reset(void);

#endif
