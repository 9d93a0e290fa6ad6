/* review_page.h — the reviews and questions of a product page and the
 * forms that write them (site layer; rules in review.h).
 *
 * What a page shows depends on the visitor only through the session: an
 * anonymous visitor gets the published posts and a "log in to write a
 * review" link, the same for everyone, so the page stays micro-cacheable;
 * a logged-in customer (whose pages are never shared, site_hooks
 * visitor_private) also gets the forms, their own posts still waiting or
 * hidden, and the report buttons. */
#ifndef SOUK_REVIEW_PAGE_H
#define SOUK_REVIEW_PAGE_H
#include "app.h"
#include "db_catalog.h"
#include "db_review.h"

#define REVIEWS_ON_PRODUCT	5	/* newest reviews/questions on /p/<slug> */
#define REVIEWS_PER_PAGE	20	/* /p/<slug>/reviews, /p/<slug>/questions */

/* The form a customer sent (POST /p/<slug>). */
enum review_action { RA_REVIEW, RA_QUESTION, RA_EDIT, RA_REPORT, RA__MAX };
struct review_form {
	enum review_action	 action;
	int			 rating;	/* 0: none sent */
	const char		*body;		/* NULL: none sent */
	long long		 post_id;	/* edit, report */
	const char		*reason;	/* report; NULL: none */
};

/* The choices of the action field, for a V_ENUM key. */
extern const char *const review_actions[RA__MAX + 1];

/* Page.rating, Page.reviews, Page.questions (newest few), Page.my_review,
 * Page.own (the visitor's unpublished posts), Page.review_state
 * (login, buyer, not_buyer, reviewed) and Page.jsonld.  0 or -1. */
int	review_section(struct ctx *, const struct product *p);
/* Page.posts (a page of one kind, ids below before; 0: the newest),
 * Page.posts_kind, Page.older (the cursor of the next page, when there is
 * one) and Page.rating.  0 or -1. */
int	review_list(struct ctx *, const struct product *p, enum post_kind,
	    long long before);
/* Runs a customer's form on product p: 303 back to the product page when
 * done, else the status of the refusal with Page.post_error set (a
 * Lang.rv.err key) and the typed text in Page.form.*, for the caller to
 * render the product page; 303 to the login page for an anonymous
 * visitor; 403 after a failed CSRF check. */
int	review_post(struct ctx *, const struct product *p,
	    const struct review_form *f);

#endif
