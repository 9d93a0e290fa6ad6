/* detail_edit.c — see detail_edit.h. */
#include <string.h>

#include "db_detail.h"
#include "db_staff.h"
#include "detail_edit.h"
#include "lang.h"
#include "utf8.h"
#include "valid.h"

const char *const detail_err_names[DET__MAX] = {
	[DET_OK] = "ok", [DET_ERROR] = "error", [DET_NAME] = "field_name",
	[DET_TYPE] = "type", [DET_LABEL] = "label",
	[DET_LABEL_EN] = "label_en", [DET_LABEL_FR] = "label_fr",
	[DET_MAX] = "max", [DET_FULL] = "full",
	[DET_NO_PRODUCT] = "no_product", [DET_NONE] = "no_field",
};

/* 1 when s is given (not NULL, not ""). */
static int
given(const char *s)
{
	return s != NULL && *s != '\0';
}

/* 1 when s can be a label: one line of 1 to DETAIL_LABEL_MAX
 * characters. */
static int
label_ok(const char *s)
{
	size_t n = s ? strlen(s) : 0;

	return n > 0 && utf8_valid(s, n) && utf8_len(s, n) <=
	    DETAIL_LABEL_MAX && !utf8_has_controls(s, n, 0);
}

size_t
detail_parse(const struct detail_form *f, struct detail_field *out,
    enum detail_err *errs)
{
	const char *err;
	long long max = 100;
	size_t ne = 0;

	memset(out, 0, sizeof(*out));
	out->name = f->name ? f->name : "";
	if (!detail_name_ok(out->name))
		errs[ne++] = DET_NAME;
	if (given(f->type) && strcmp(f->type, "mac") == 0)
		out->type = DETAIL_MAC;
	else if (given(f->type) && strcmp(f->type, "text") == 0)
		out->type = DETAIL_TEXT;
	else
		errs[ne++] = DET_TYPE;
	out->label = f->label;
	if (!label_ok(f->label))
		errs[ne++] = DET_LABEL;
	out->labels[LANG_EN] = given(f->label_en) ? f->label_en : "";
	out->labels[LANG_FR] = given(f->label_fr) ? f->label_fr : "";
	if (given(f->label_en) && !label_ok(f->label_en))
		errs[ne++] = DET_LABEL_EN;
	if (given(f->label_fr) && !label_ok(f->label_fr))
		errs[ne++] = DET_LABEL_FR;
	if (given(f->max) && valid_int(f->max, 1, DETAIL_VALUE_MAX, &max,
	    &err) < 0)
		errs[ne++] = DET_MAX;
	out->max_len = (int)max;
	out->required = f->required ? 1 : 0;
	return ne;
}

/* The audit row of who's action on product id (inside the transaction);
 * 0 or -1. */
static int
audit(struct db *db, struct arena *a, const struct staff_actor *who,
    const char *action, long long id, const char *detail, long long now)
{
	struct audit_entry e = {
		.user_id = who->id, .actor = who->email, .action = action,
		.kind = "product", .object = arena_printf(a, "%lld", id),
		.detail = detail, .addr = who->addr ? who->addr : "",
	};

	return db_audit_add(db, &e, now);
}

/* Commits when e is DET_OK (a failed commit: DET_ERROR), else rolls
 * back; returns the outcome. */
static enum detail_err
finish(struct db *db, enum detail_err e)
{
	if (e == DET_OK && db_commit(db) == 0)
		return DET_OK;
	db_rollback(db);
	return e == DET_OK ? DET_ERROR : e;
}

enum detail_err
detail_field_save(struct db *db, struct arena *a,
    const struct staff_actor *who, long long product,
    const struct detail_field *f, long long now)
{
	enum detail_err e = DET_OK;
	int rc;

	if (db_begin(db) < 0)
		return DET_ERROR;
	rc = db_detail_field_set(db, product, f);
	if (rc == DB_NONE)
		e = DET_NO_PRODUCT;
	else if (rc == -2)
		e = DET_FULL;
	else if (rc < 0 || audit(db, a, who, "product_field", product,
	    arena_printf(a, "%s (%s%s): %s", f->name, detail_types[f->type],
	    f->required ? "" : ", optional", f->label), now) < 0)
		e = DET_ERROR;
	return finish(db, e);
}

enum detail_err
detail_field_delete(struct db *db, struct arena *a,
    const struct staff_actor *who, long long product, const char *name,
    long long now)
{
	enum detail_err e = DET_OK;
	int rc;

	if (db_begin(db) < 0)
		return DET_ERROR;
	rc = db_detail_field_remove(db, product, name);
	if (rc == DB_NONE)
		e = DET_NONE;
	else if (rc < 0 || audit(db, a, who, "product_field_remove", product,
	    name, now) < 0)
		e = DET_ERROR;
	return finish(db, e);
}
