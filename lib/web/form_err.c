/* form_err.c — a form's errors in field order (form_err.h). */
#include "form_err.h"

#include "arena.h"
#include "tmpl.h"

void
form_err_init(struct ctx *c, struct form_err *fe, const int *keys, size_t n)
{
	fe->err = arena_alloc(&c->arena, c->app->nkeys * sizeof(*fe->err));
	fe->n = 0;
	for (size_t k = 0; k < c->app->nkeys; k++)
		fe->err[k] = NULL;
	for (size_t i = 0; i < n; i++) {
		const struct val *v = app_val(c, keys[i]);
		if (v->state == VAL_INVALID)
			form_err_set(fe, keys[i], v->err);
	}
}

void
form_err_set(struct form_err *fe, int k, const char *err)
{
	if (fe->err[k] != NULL)
		return;
	fe->err[k] = err;
	fe->n++;
}

int
form_err_has(const struct form_err *fe, int k)
{
	return fe->err[k] != NULL;
}

size_t
form_err_put(struct ctx *c, const struct form_err *fe, const int *order,
    size_t n)
{
	size_t put = 0;

	for (size_t i = 0; i < n; i++) {
		const char *name = c->app->keys[order[i]].name,
		    *err = fe->err[order[i]];
		if (err == NULL)
			continue;
		hdf_putf(c->hdf, err, "Page.field_err.%s", name);
		hdf_putf(c->hdf, name, "Page.errors.%zu.field", put);
		hdf_putf(c->hdf, err, "Page.errors.%zu.err", put);
		put++;
	}
	return put;
}
