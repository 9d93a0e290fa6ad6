/* catalog_edit.c — see catalog_edit.h. */
#include <stdio.h>
#include <string.h>

#include "catalog_edit.h"
#include "db_catalog_admin.h"
#include "log.h"
#include "utf8.h"

const char *const catalog_errs[CAT__MAX] = {
	[CAT_OK] = "",
	[CAT_NAME] = "catalog_name",
	[CAT_SLUG] = "catalog_slug",
	[CAT_SLUG_TAKEN] = "catalog_slug_taken",
	[CAT_KIND] = "catalog_kind",
	[CAT_MEDIA] = "catalog_media",
	[CAT_PARENT] = "catalog_parent",
	[CAT_PRICE] = "catalog_price",
	[CAT_COMPARE] = "catalog_compare",
	[CAT_STOCK] = "catalog_stock",
	[CAT_CATEGORY] = "catalog_category",
	[CAT_CYCLE] = "catalog_cycle",
	[CAT_NOT_FOUND] = "catalog_not_found",
	[CAT_ERROR] = "catalog_error",
};

int
catalog_slug_ok(const char *s)
{
	size_t n = s ? strlen(s) : 0;

	if (n == 0 || n > 120 || s[0] == '-' || s[n - 1] == '-')
		return 0;
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '-' && s[i + 1] == '-')
			return 0;
		if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= '0' &&
		    s[i] <= '9') || s[i] == '-'))
			return 0;
	}
	return 1;
}

/* 1 when name is 1..200 code points of valid UTF-8 without control
 * characters and not only blanks. */
static int
name_ok(const char *s)
{
	size_t n = 0, blank = 0;

	if (s == NULL || !utf8_valid(s, strlen(s)))
		return 0;
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (*p < 0x20 || *p == 0x7f)
			return 0;
		if ((*p & 0xc0) != 0x80)
			n++;
		if (*p == ' ')
			blank++;
	}
	return n >= 1 && n <= 200 && blank < n;
}

/* The media type a parent of a product of media type m must have, NULL
 * when m takes no parent. */
static const char *
parent_media(const char *m)
{
	if (m != NULL && strcmp(m, "season") == 0)
		return "series";
	if (m != NULL && strcmp(m, "episode") == 0)
		return "season";
	return NULL;
}

/* Adds e to errs (once). */
static void
add(enum catalog_err *errs, size_t *n, enum catalog_err e)
{
	for (size_t i = 0; i < *n; i++)
		if (errs[i] == e)
			return;
	if (*n < CATALOG_MAX_ERRS)
		errs[(*n)++] = e;
}

/* The parent rules of p (a season's series, an episode's season). */
static void
check_parent(struct db *db, const struct product_in *p, long long id,
    enum catalog_err *errs, size_t *n)
{
	const char *want = parent_media(p->media_type);
	struct adm_product par;
	struct arena a;
	int rc;

	if (want == NULL) {
		if (p->parent_id != 0)
			add(errs, n, CAT_PARENT);
		return;
	}
	if (p->parent_id == 0 || p->parent_id == id) {
		add(errs, n, CAT_PARENT);
		return;
	}
	arena_init(&a, 4096);
	rc = db_adm_product(db, &a, p->parent_id, &par);
	if (rc < 0)
		add(errs, n, CAT_ERROR);
	else if (rc == DB_NONE || strcmp(par.p.media_type, want) != 0)
		add(errs, n, CAT_PARENT);
	arena_free(&a);
}

size_t
catalog_product_check(struct db *db, const struct product_in *p, long long id,
    enum catalog_err *errs)
{
	static const char *const kinds[] = { "physical", "subscription",
	    "digital", NULL };
	static const char *const media[] = { "film", "series", "season",
	    "episode", "software", "ebook", "music", NULL };
	const char *m = p->media_type && *p->media_type ? p->media_type : NULL;
	size_t n = 0;
	int kind = -1, rc;
	long long owner;

	if (!name_ok(p->name))
		add(errs, &n, CAT_NAME);
	if (!catalog_slug_ok(p->slug))
		add(errs, &n, CAT_SLUG);
	else if ((owner = db_adm_slug_owner(db, p->slug, id)) != 0)
		add(errs, &n, owner < 0 ? CAT_ERROR : CAT_SLUG_TAKEN);
	for (int i = 0; p->kind != NULL && kinds[i] != NULL; i++)
		if (strcmp(p->kind, kinds[i]) == 0)
			kind = i;
	if (kind < 0)
		add(errs, &n, CAT_KIND);
	if (m != NULL) {
		int known = 0;
		for (int i = 0; media[i] != NULL; i++)
			known |= strcmp(m, media[i]) == 0;
		if (!known || kind != 2)
			add(errs, &n, CAT_MEDIA);
	}
	check_parent(db, p, id, errs, &n);
	if (p->price_minor < 0 || p->price_minor > CATALOG_MAX_PRICE)
		add(errs, &n, CAT_PRICE);
	if (p->compare_at_minor >= 0 && (p->compare_at_minor <= p->price_minor
	    || p->compare_at_minor > CATALOG_MAX_PRICE))
		add(errs, &n, CAT_COMPARE);
	if (p->stock < -1 || (kind == 2 && p->stock >= 0))
		add(errs, &n, CAT_STOCK);
	if (p->category_id != 0) {
		rc = db_adm_category_exists(db, p->category_id);
		if (rc <= 0)
			add(errs, &n, rc < 0 ? CAT_ERROR : CAT_CATEGORY);
	}
	return n;
}

enum catalog_err
catalog_product_save(struct db *db, const struct product_in *p, long long id,
    long long *out)
{
	long long r;

	r = id == 0 ? db_product_create(db, p) : db_product_update_id(db, id, p);
	if (r == -2)
		return CAT_SLUG_TAKEN;
	if (r < 0)
		return CAT_ERROR;
	if (r == 0)
		return CAT_NOT_FOUND;
	*out = r;
	return CAT_OK;
}

enum catalog_err
catalog_product_duplicate(struct db *db, long long id, long long *out)
{
	struct arena a;
	struct adm_product src;
	char slug[160], name[256];
	enum catalog_err e = CAT_ERROR;
	long long r;
	int rc;

	arena_init(&a, 4096);
	if ((rc = db_adm_product(db, &a, id, &src)) != 0) {
		arena_free(&a);
		return rc == DB_NONE ? CAT_NOT_FOUND : CAT_ERROR;
	}
	/* The name keeps at most 190 bytes of the original, cut on a
	 * character boundary, so "(copy)" fits the 200 allowed. */
	{
		size_t cut = strlen(src.p.name);
		if (cut > 190) {
			cut = 190;
			while (cut > 0 && ((unsigned char)src.p.name[cut] &
			    0xc0) == 0x80)
				cut--;
		}
		snprintf(name, sizeof(name), "%.*s (copy)", (int)cut,
		    src.p.name);
	}
	for (int i = 1; i < 100; i++) {
		if (i == 1)
			snprintf(slug, sizeof(slug), "%.100s-copy", src.p.slug);
		else
			snprintf(slug, sizeof(slug), "%.100s-copy-%d",
			    src.p.slug, i);
		if ((r = db_adm_slug_owner(db, slug, 0)) < 0)
			break;
		if (r > 0)
			continue;
		r = db_adm_product_copy(db, id, slug, name);
		if (r > 0) {
			*out = r;
			e = CAT_OK;
		}
		break;
	}
	arena_free(&a);
	return e;
}

/* The code of a "RETURNING id" update's result. */
static enum catalog_err
updated(int rc)
{
	return rc == 0 ? CAT_OK : rc == DB_NONE ? CAT_NOT_FOUND : CAT_ERROR;
}

enum catalog_err
catalog_product_set_active(struct db *db, long long id, int active)
{
	return updated(db_adm_product_active(db, id, active));
}

enum catalog_err
catalog_product_move(struct db *db, long long id, long long category)
{
	int rc;

	if (category != 0) {
		if ((rc = db_adm_category_exists(db, category)) <= 0)
			return rc < 0 ? CAT_ERROR : CAT_CATEGORY;
	}
	return updated(db_adm_product_move(db, id, category));
}

size_t
catalog_category_save(struct db *db, long long id, long long parent,
    const char *slug, const char *name, long long position,
    enum catalog_err *errs, long long *out)
{
	size_t n = 0;
	long long r;
	int rc;

	if (!name_ok(name))
		add(errs, &n, CAT_NAME);
	if (!catalog_slug_ok(slug))
		add(errs, &n, CAT_SLUG);
	else if ((r = db_adm_category_slug_owner(db, slug, id)) != 0)
		add(errs, &n, r < 0 ? CAT_ERROR : CAT_SLUG_TAKEN);
	if (id != 0 && (rc = db_adm_category_exists(db, id)) <= 0) {
		add(errs, &n, rc < 0 ? CAT_ERROR : CAT_NOT_FOUND);
		return n;
	}
	if (parent != 0) {
		if ((rc = db_adm_category_exists(db, parent)) <= 0)
			add(errs, &n, rc < 0 ? CAT_ERROR : CAT_CATEGORY);
		else if (id != 0 && (rc = db_adm_category_within(db, id,
		    parent)) != 0)
			add(errs, &n, rc < 0 ? CAT_ERROR : CAT_CYCLE);
	}
	if (n > 0)
		return n;
	if (id == 0)
		r = db_category_create(db, parent, slug, name, "", position);
	else
		r = (rc = db_adm_category_update(db, id, parent, slug, name,
		    position)) == 0 ? id : rc == -2 ? -2 : -1;
	if (r == -2)
		add(errs, &n, CAT_SLUG_TAKEN);
	else if (r <= 0)
		add(errs, &n, CAT_ERROR);
	else
		*out = r;
	return n;
}
