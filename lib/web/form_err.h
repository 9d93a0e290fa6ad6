/* form_err.h — a form's errors, one per field, listed in the order the
 * fields appear on the page.
 *
 * A handler starts from what the validators found (form_err_init), adds
 * the errors of its own rules (form_err_set: the first error of a field
 * stays), and puts them in the HDF in the form's field order
 * (form_err_put): Page.field_err.<name> = code for the message next to a
 * field, Page.errors.N.{field,err} for the summary at the top, in the
 * order of `order`, so the summary reads as the form does.  The codes are
 * Lang keys; templates/partials/form_err.cs turns them into whole
 * sentences. */
#ifndef SOUK_FORM_ERR_H
#define SOUK_FORM_ERR_H
#include <stddef.h>

#include "app.h"

struct form_err {
	const char	**err;		/* [app->nkeys], arena; NULL: none */
	size_t		  n;		/* how many are set */
};

/* fe gets one slot per key of c's app (in c's arena), holding each key's
 * validator error among the n keys of `keys` (the form's fields). */
void	form_err_init(struct ctx *c, struct form_err *fe, const int *keys,
	    size_t n);
/* Sets key k's error to err unless it has one already. */
void	form_err_set(struct form_err *fe, int k, const char *err);
/* 1 when key k has an error. */
int	form_err_has(const struct form_err *fe, int k);
/* Page.field_err.<name> and Page.errors.N.{field,err} for the n keys of
 * order that have an error, in that order; returns how many. */
size_t	form_err_put(struct ctx *c, const struct form_err *fe,
	    const int *order, size_t n);

#endif
