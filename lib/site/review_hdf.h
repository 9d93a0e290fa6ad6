/* review_hdf.h — reviews and questions into the HDF the templates read,
 * and the product's structured data (site layer).  Texts go in as they
 * are and templates print them with var: (HTML-escaped) inside an element
 * styled white-space: pre-line, so line breaks show and nothing typed is
 * ever markup or a link. */
#ifndef SOUK_REVIEW_HDF_H
#define SOUK_REVIEW_HDF_H
#include "app.h"
#include "db_catalog.h"
#include "db_review.h"

/* <prefix>.{n, avg ("4.3"), avg_int (0-5, rounded), stars.K.{k, n, pct}}
 * for K = 0..4 holding ratings 5 down to 1; nothing when r->n is 0. */
void	review_put_rating(struct ctx *, const char *prefix,
	    const struct rating *r);
/* <prefix>.N.{id, kind, rating, body, status, held, verified, author,
 * date, edited, answer, answer_date, mine, editable} for the visitor
 * (mine: the logged-in author; editable: mine and post_editable). */
void	review_put_posts(struct ctx *, const char *prefix,
	    const struct post *p, size_t n);
#endif
