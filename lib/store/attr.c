/* attr.c — see attr.h. */
#include <string.h>

#include "attr.h"
#include "catalog_edit.h"
#include "db_catalog_admin.h"
#include "db_catalog_text.h"
#include "utf8.h"

const char *const attr_errs[ATTR__MAX] = {
	[ATTR_OK] = "",
	[ATTR_SLUG] = "attr_slug",
	[ATTR_SLUG_TAKEN] = "attr_slug_taken",
	[ATTR_NAME] = "attr_name",
	[ATTR_CATEGORY] = "attr_category",
	[ATTR_NOT_FOUND] = "attr_not_found",
	[ATTR_OPTION] = "attr_option",
	[ATTR_NOT_APPLICABLE] = "attr_not_applicable",
	[ATTR_ERROR] = "attr_error",
};

const char *
attr_text(const char *const t[LANG__MAX], enum lang l)
{
	if (t[l] != NULL && *t[l])
		return t[l];
	if (t[catalog_lang()] != NULL && *t[catalog_lang()])
		return t[catalog_lang()];
	for (int i = 0; i < LANG__MAX; i++)
		if (t[i] != NULL && *t[i])
			return t[i];
	return "";
}

/* The rules a slug and names share: into errs at *n. */
static void
check_texts(const char *slug, const char *const name[LANG__MAX],
    enum attr_err *errs, size_t *n)
{
	int bad = 0;

	if (slug == NULL || strlen(slug) > ATTR_SLUG_MAX ||
	    !catalog_slug_ok(slug))
		errs[(*n)++] = ATTR_SLUG;
	for (int l = 0; l < LANG__MAX; l++) {
		const char *s = name[l] ? name[l] : "";
		if (utf8_len(s, strlen(s)) > ATTR_NAME_MAX ||
		    utf8_has_controls(s, strlen(s), 0) ||
		    (l == (int)catalog_lang() && *s == '\0'))
			bad = 1;
	}
	if (bad)
		errs[(*n)++] = ATTR_NAME;
}

/* The result of a put (id, 0 not found, -2 taken, -1 error) as errs. */
static size_t
put_result(long long r, enum attr_err *errs, size_t n, long long *out)
{
	if (r > 0) {
		*out = r;
		return n;
	}
	errs[n++] = r == 0 ? ATTR_NOT_FOUND : r == -2 ? ATTR_SLUG_TAKEN :
	    ATTR_ERROR;
	return n;
}

size_t
attr_save(struct db *db, long long id, const char *slug,
    const char *const name[LANG__MAX], long long category_id,
    long long position, enum attr_err *errs, long long *out)
{
	size_t n = 0;
	long long owner;

	check_texts(slug, name, errs, &n);
	if (category_id > 0) {
		owner = db_adm_category_exists(db, category_id);
		if (owner < 0)
			errs[n++] = ATTR_ERROR;
		else if (owner == 0)
			errs[n++] = ATTR_CATEGORY;
	}
	if (n == 0 && (owner = db_attr_slug_owner(db, slug, id)) != 0)
		errs[n++] = owner < 0 ? ATTR_ERROR : ATTR_SLUG_TAKEN;
	if (n > 0)
		return n;
	return put_result(db_attr_put(db, id, slug, name, category_id,
	    position), errs, n, out);
}

size_t
attr_option_save(struct db *db, long long attr, long long id,
    const char *slug, const char *const label[LANG__MAX], long long position,
    enum attr_err *errs, long long *out)
{
	size_t n = 0;
	long long owner;

	check_texts(slug, label, errs, &n);
	if (n == 0 && (owner = db_attr_option_owner(db, attr, slug, id)) != 0)
		errs[n++] = owner < 0 ? ATTR_ERROR : ATTR_SLUG_TAKEN;
	if (n > 0)
		return n;
	return put_result(db_attr_option_put(db, attr, id, slug, label,
	    position), errs, n, out);
}

/* A delete's result as a code. */
static enum attr_err
deleted(int rc)
{
	return rc == 0 ? ATTR_OK : rc == DB_NONE ? ATTR_NOT_FOUND : ATTR_ERROR;
}

enum attr_err
attr_delete(struct db *db, long long id)
{
	return deleted(db_attr_delete(db, id));
}

enum attr_err
attr_option_delete(struct db *db, long long id)
{
	return deleted(db_attr_option_delete(db, id));
}

enum attr_err
attr_value_set(struct db *db, long long product, long long attr,
    long long opt)
{
	int rc;

	if (opt != 0 && (rc = db_attr_applies(db, attr, product)) <= 0)
		return rc < 0 ? ATTR_ERROR : ATTR_NOT_APPLICABLE;
	/* The foreign key (attribute, option) refuses another's option. */
	rc = db_attr_value_set(db, product, attr, opt);
	return rc == 0 ? ATTR_OK : ATTR_OPTION;
}

enum attr_err
attr_values_parse_set(struct db *db, struct arena *a, long long product,
    const char *s, const char **bad)
{
	char *copy = arena_strdup(a, s), *save = NULL, *tok;
	enum attr_err e;

	*bad = NULL;
	if (db_attr_values_clear(db, product) < 0)
		return ATTR_ERROR;
	for (tok = strtok_r(copy, ";", &save); tok; tok = strtok_r(NULL, ";", &save)) {
		char *eq = strchr(tok, '=');
		struct attr_def d;
		int rc;

		while (*tok == ' ')
			tok++;
		*bad = tok;
		if (eq == NULL)
			return ATTR_OPTION;
		*eq = '\0';
		if ((rc = db_attr_option_find(db, a, tok, eq + 1, &d)) != 0)
			return rc < 0 ? ATTR_ERROR : ATTR_NOT_FOUND;
		*eq = '=';
		if ((e = attr_value_set(db, product, d.id, d.opts[0].id)) != ATTR_OK)
			return e;
	}
	*bad = NULL;
	return ATTR_OK;
}
