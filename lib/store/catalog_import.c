/* catalog_import.c — see catalog_import.h.  Reading checks every row
 * into struct row without the database; writing them needs no further
 * check but the slugs a row names (category, parent). */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "attr.h"
#include "catalog_import.h"
#include "csv.h"
#include "db_catalog.h"
#include "db_catalog_text.h"
#include "db_products.h"
#include "store_conf.h"
#include "utf8.h"
#include "valid.h"

enum col {
	C_SLUG, C_NAME, C_KIND, C_CATEGORY, C_PRICE, C_STOCK, C_DESCRIPTION,
	C_PARENT, C_POSITION, C_MEDIA_TYPE, C_FEATURED, C_ACTIVE, C_PLANS,
	C_COMPARE_AT, C_SKU, C_IMAGE, C_ATTRIBUTES,
	/* Per language (lang.h order): name_<code>, description_<code>,
	 * plan_labels_<code> (catalog text, db_catalog_text.h). */
	C_TEXT, C__MAX = C_TEXT + 3 * LANG__MAX
};
enum { T_NAME, T_DESCRIPTION, T_LABELS };
_Static_assert(LANG__MAX == 2, "colnames lists the text columns of en, fr");

static const char *const colnames[C__MAX] = {
	"slug", "name", "kind", "category", "price", "stock", "description",
	"parent", "position", "media_type", "featured", "active", "plans",
	"compare_at", "sku", "image", "attributes",
	"name_en", "description_en", "plan_labels_en",
	"name_fr", "description_fr", "plan_labels_fr",
};

#define MAX_PLANS 16

struct row {
	struct import_report	*rep;
	size_t			 line;
	struct product_in	 p;
	const char		*category, *parent, *image;
	/* "brand=acme;resolution=4k"; has_attrs: the file has the column. */
	const char		*attrs;
	int			 has_attrs;
	int			 nplans;
	int			 months[MAX_PLANS], days[MAX_PLANS];
	long long		 plan_price[MAX_PLANS];
	/* Catalog text per language; has_text: the file has the columns. */
	const char		*name[LANG__MAX], *description[LANG__MAX];
	const char		*label[LANG__MAX][MAX_PLANS];
	int			 has_text[LANG__MAX], has_labels[LANG__MAX];
};

/* Keeps one problem of the file in rep (all are counted). */
static void
problem(struct import_report *rep, size_t line, const char *col,
    const char *msg)
{
	if (rep->nproblems < CATALOG_IMPORT_KEEP) {
		struct import_problem *p = &rep->problem[rep->nproblems];
		p->line = line;
		p->col = col;
		p->msg = msg;
	}
	rep->nproblems++;
}

/* A problem of row r. */
static void
row_error(const struct row *r, const char *col, const char *msg)
{
	problem(r->rep, r->line, col, msg);
}

static int
in_list(const char *s, const char *const *list)
{
	for (; *list; list++)
		if (strcmp(s, *list) == 0)
			return 1;
	return 0;
}

/* "1m=15.000;3m=40;7d=5.5" */
static void
parse_plans(struct row *r, const char *s, int dec)
{
	char *copy = strdup(s), *save = NULL, *tok;

	if (copy == NULL)
		return;
	for (tok = strtok_r(copy, ";", &save); tok; tok = strtok_r(NULL, ";", &save)) {
		char *eq = strchr(tok, '='), *end;
		long n;
		const char *err;

		while (*tok == ' ')
			tok++;
		if (eq == NULL) {
			row_error(r, "plans", "each plan is DURATION=PRICE, "
			    "e.g. 1m=15.000 or 7d=2.000");
			break;
		}
		*eq = '\0';
		n = strtol(tok, &end, 10);
		if (end == tok || n <= 0 || (strcmp(end, "m") != 0 &&
		    strcmp(end, "d") != 0)) {
			row_error(r, "plans", "a duration is a number followed "
			    "by m (months) or d (days)");
			break;
		}
		if (r->nplans == MAX_PLANS) {
			row_error(r, "plans", "at most 16 plans");
			break;
		}
		r->months[r->nplans] = *end == 'm' ? (int)n : 0;
		r->days[r->nplans] = *end == 'd' ? (int)n : 0;
		if (r->months[r->nplans] > 120 || r->days[r->nplans] > 3660) {
			row_error(r, "plans", "duration too long");
			break;
		}
		if (valid_money(eq + 1, dec, 0, 1LL << 50,
		    &r->plan_price[r->nplans], &err) < 0) {
			row_error(r, "plans", "price is not an amount in the "
			    "store currency");
			break;
		}
		r->nplans++;
	}
	free(copy);
}

/* "1m=Starter;3m=Best value": labels of the row's plans in language l. */
static void
parse_labels(struct arena *a, struct row *r, enum lang l, const char *s,
    const char *col)
{
	char *copy = arena_strdup(a, s), *save = NULL, *tok;

	for (tok = strtok_r(copy, ";", &save); tok; tok = strtok_r(NULL, ";", &save)) {
		char *eq = strchr(tok, '='), *end;
		long n;
		int i;

		while (*tok == ' ')
			tok++;
		n = eq ? strtol(tok, &end, 10) : 0;
		if (eq == NULL || end != eq - 1 || (*end != 'm' && *end != 'd') ||
		    eq[1] == '\0' || utf8_len(eq + 1, strlen(eq + 1)) > 80) {
			row_error(r, col, "each label is DURATION=LABEL, e.g. "
			    "3m=Best value (at most 80 characters)");
			return;
		}
		for (i = 0; i < r->nplans; i++)
			if (r->months[i] == (*end == 'm' ? n : 0) &&
			    r->days[i] == (*end == 'd' ? n : 0))
				break;
		if (i == r->nplans) {
			row_error(r, col, "a label for a plan the plans "
			    "column does not have");
			return;
		}
		r->label[l][i] = eq + 1;
	}
}

/* The catalog text columns of language l. */
static void
parse_text(struct arena *a, struct row *r, const char *const *v, enum lang l,
    const int *map)
{
	int base = C_TEXT + 3 * (int)l;

	r->has_text[l] = map[base + T_NAME] >= 0 ||
	    map[base + T_DESCRIPTION] >= 0;
	r->name[l] = v[base + T_NAME];
	r->description[l] = v[base + T_DESCRIPTION];
	if (l == catalog_lang() && (*r->name[l] || *r->description[l]))
		row_error(r, colnames[base + (*r->name[l] ? T_NAME :
		    T_DESCRIPTION)], "the store's default language is in the "
		    "name and description columns");
	if (utf8_len(r->name[l], strlen(r->name[l])) > 200 ||
	    utf8_has_controls(r->name[l], strlen(r->name[l]), 0))
		row_error(r, colnames[base + T_NAME], "one line, at most "
		    "200 characters");
	if (utf8_has_controls(r->description[l], strlen(r->description[l]), 1))
		row_error(r, colnames[base + T_DESCRIPTION],
		    "control characters");
	r->has_labels[l] = map[base + T_LABELS] >= 0;
	if (*v[base + T_LABELS])
		parse_labels(a, r, l, v[base + T_LABELS], colnames[base + T_LABELS]);
}

/* s without the ' the export puts before a cell starting with = + - @
 * TAB or CR (csv_put_field), so that an exported file imports as is. */
static const char *
unguard(const char *s)
{
	return s[0] == '\'' && s[1] != '\0' && strchr("=+-@\t\r", s[1]) ?
	    s + 1 : s;
}

/* Checks one record into r; problems are reported and counted. */
static void
parse_row(struct arena *a, struct row *r, const struct csv_record *rec,
    const int *map, int dec)
{
	static const char *const kinds[] = { "physical", "subscription",
	    "digital", NULL };
	static const char *const medias[] = { "film", "series", "season",
	    "episode", "software", "ebook", "music", NULL };
	const char *v[C__MAX] = { 0 }, *err;
	long long n;

	for (int c = 0; c < C__MAX; c++)
		v[c] = unguard(map[c] >= 0 && (size_t)map[c] < rec->n ?
		    rec->f[map[c]] : "");
	for (size_t i = 0; i < rec->n; i++)
		if (!utf8_valid(rec->f[i], strlen(rec->f[i]))) {
			row_error(r, "row", "not valid UTF-8");
			return;
		}
	r->p.slug = v[C_SLUG];
	if (valid_slug(v[C_SLUG], 120, &err) < 0)
		row_error(r, "slug", "lower-case letters, digits and single "
		    "hyphens, at most 120");
	r->p.name = v[C_NAME];
	if (*v[C_NAME] == '\0' || utf8_len(v[C_NAME], strlen(v[C_NAME])) > 200 ||
	    utf8_has_controls(v[C_NAME], strlen(v[C_NAME]), 0))
		row_error(r, "name", "required, one line, at most 200 characters");
	r->p.kind = v[C_KIND];
	if (!in_list(v[C_KIND], kinds))
		row_error(r, "kind", "physical, subscription or digital");
	r->category = v[C_CATEGORY];
	if (*v[C_CATEGORY] && valid_slug(v[C_CATEGORY], 120, &err) < 0)
		row_error(r, "category", "a category slug");
	r->p.description = v[C_DESCRIPTION];
	if (utf8_has_controls(v[C_DESCRIPTION], strlen(v[C_DESCRIPTION]), 1))
		row_error(r, "description", "control characters");
	r->parent = v[C_PARENT];
	if (*v[C_PARENT] && valid_slug(v[C_PARENT], 120, &err) < 0)
		row_error(r, "parent", "a product slug");
	r->p.media_type = v[C_MEDIA_TYPE];
	if (*v[C_MEDIA_TYPE] && !in_list(v[C_MEDIA_TYPE], medias))
		row_error(r, "media_type", "film, series, season, episode, "
		    "software, ebook or music");
	r->p.sku = v[C_SKU];
	r->image = v[C_IMAGE];
	if (*v[C_IMAGE] && (strstr(v[C_IMAGE], "..") || v[C_IMAGE][0] != '/' ||
	    utf8_has_controls(v[C_IMAGE], strlen(v[C_IMAGE]), 0)))
		row_error(r, "image", "a path starting with /, without ..");
	r->attrs = v[C_ATTRIBUTES];
	r->has_attrs = map[C_ATTRIBUTES] >= 0;
	if (utf8_has_controls(r->attrs, strlen(r->attrs), 0))
		row_error(r, "attributes", "ATTRIBUTE=OPTION pairs (slugs) "
		    "separated by ;");
	parse_plans(r, v[C_PLANS], dec);
	if (*v[C_PRICE] == '\0' && strcmp(r->p.kind, "subscription") == 0 &&
	    r->nplans > 0)
		r->p.price_minor = r->plan_price[0];	/* the trigger fixes it */
	else if (valid_money(v[C_PRICE], dec, 0, 1LL << 50, &r->p.price_minor,
	    &err) < 0)
		row_error(r, "price", "an amount in the store currency, "
		    "e.g. 12.500");
	if (strcmp(r->p.kind, "subscription") == 0 && r->nplans == 0)
		row_error(r, "plans", "a subscription needs at least one plan");
	r->p.compare_at_minor = -1;
	if (*v[C_COMPARE_AT] && valid_money(v[C_COMPARE_AT], dec, 0, 1LL << 50,
	    &r->p.compare_at_minor, &err) < 0)
		row_error(r, "compare_at", "an amount in the store currency");
	r->p.stock = -1;
	if (*v[C_STOCK] && valid_int(v[C_STOCK], 0, 1000000000, &r->p.stock, &err) < 0)
		row_error(r, "stock", "empty (unlimited) or a whole number >= 0");
	if (*v[C_POSITION] && valid_int(v[C_POSITION], 0, 100000, &r->p.position,
	    &err) < 0)
		row_error(r, "position", "a whole number from 0 to 100000");
	n = 0;
	if (*v[C_FEATURED] && valid_int(v[C_FEATURED], 0, 1, &n, &err) < 0)
		row_error(r, "featured", "0 or 1");
	r->p.featured = (int)n;
	n = 1;
	if (*v[C_ACTIVE] && valid_int(v[C_ACTIVE], 0, 1, &n, &err) < 0)
		row_error(r, "active", "0 or 1");
	r->p.active = (int)n;
	for (int l = 0; l < LANG__MAX; l++)
		parse_text(a, r, v, (enum lang)l, map);
}

/* Sets the row's attribute values (when the file has the column) on
 * product id; 0 or -1 (reported). */
static int
write_attrs(struct db *db, struct arena *a, struct row *r, long long id)
{
	static const char *const msg[ATTR__MAX] = {
		[ATTR_OPTION] = "each value is ATTRIBUTE=OPTION (slugs), "
		    "separated by ;",
		[ATTR_NOT_FOUND] = "no attribute has this slug, or it has no "
		    "such option",
		[ATTR_NOT_APPLICABLE] = "this attribute is for another category",
		[ATTR_ERROR] = "the database refused it",
	};
	const char *bad;
	enum attr_err e;

	if (!r->has_attrs)
		return 0;
	if ((e = attr_values_parse_set(db, a, id, r->attrs, &bad)) == ATTR_OK)
		return 0;
	row_error(r, "attributes", msg[e] ? msg[e] : "the database refused it");
	return -1;
}

/* Writes one checked row; 0 or -1 (reported). */
static int
write_row(struct db *db, struct arena *a, struct row *r, int *created)
{
	long long id;

	r->p.category_id = 0;
	if (*r->category && (r->p.category_id = db_category_id(db, r->category)) <= 0) {
		row_error(r, "category", "no category has this slug");
		return -1;
	}
	r->p.parent_id = 0;
	if (*r->parent && (r->p.parent_id = db_product_id(db, r->parent)) <= 0) {
		row_error(r, "parent", "no product has this slug (parents "
		    "must come first)");
		return -1;
	}
	if ((id = db_product_update(db, &r->p)) == 0) {
		id = db_product_create(db, &r->p);
		*created = 1;
	} else
		*created = 0;
	if (id <= 0) {
		row_error(r, "row", "the database refused it");
		return -1;
	}
	if (db_plans_clear(db, id) < 0)
		return -1;
	for (int i = 0; i < r->nplans; i++) {
		long long plan = db_plan_put(db, id, r->months[i], r->days[i],
		    r->plan_price[i], i);
		if (plan <= 0) {
			row_error(r, "plans", "the same duration twice");
			return -1;
		}
		for (int l = 0; l < LANG__MAX; l++)
			if (r->has_labels[l] && db_text_put_plan(db, plan, (enum lang)l,
			    r->label[l][i]) < 0)
				return -1;
	}
	/* Translations are replaced when the file has their columns. */
	for (int l = 0; l < LANG__MAX; l++)
		if (l != (int)catalog_lang() && r->has_text[l] &&
		    db_text_put_product(db, id, (enum lang)l, r->name[l],
		    r->description[l]) < 0)
			return -1;
	if (*r->image && db_image_add(db, id, r->image, r->p.name, 0) <= 0)
		return -1;
	return write_attrs(db, a, r, id);
}

/* The header's columns into map (-1: absent); problems on line 1. */
static void
read_header(struct import_report *rep, const struct csv_record *rec, int *map)
{
	for (int c = 0; c < C__MAX; c++)
		map[c] = -1;
	for (size_t i = 0; i < rec->n; i++) {
		int found = 0;
		for (int c = 0; c < C__MAX; c++)
			if (strcasecmp(rec->f[i], colnames[c]) == 0) {
				if (map[c] >= 0)
					problem(rep, 1, rec->f[i], "column given twice");
				map[c] = (int)i;
				found = 1;
			}
		if (!found)
			problem(rep, 1, rec->f[i], "unknown column (see "
			    "docs/soukctl.md)");
	}
	for (int c = C_SLUG; c <= C_KIND; c++)
		if (map[c] < 0)
			problem(rep, 1, colnames[c], "required column missing");
}

/* Keeps what row r did for the report. */
static void
note_change(struct import_report *rep, const struct row *r, int created)
{
	if (created)
		rep->created++;
	else
		rep->updated++;
	if (rep->nchanges < CATALOG_IMPORT_KEEP) {
		struct import_change *ch = &rep->change[rep->nchanges++];
		ch->line = r->line;
		ch->slug = r->p.slug;
		ch->name = r->p.name;
		ch->created = created;
	}
}

int
catalog_import_csv(struct db *db, struct arena *a, const char *text,
    size_t len, struct import_report *rep)
{
	struct csv csv;
	struct csv_record rec;
	struct row *rows = NULL;
	size_t caprows = 0;
	int map[C__MAX], dec = (int)conf_int(CONF_CURRENCY_DECIMALS), got;
	const char *err;

	csv_init(&csv, text, len);
	if ((got = csv_next(&csv, a, &rec, &err)) <= 0) {
		problem(rep, 1, "file", got < 0 ? err : "no header row");
		return 1;
	}
	read_header(rep, &rec, map);
	if (rep->nproblems > 0)
		return 1;	/* rows cannot be read without a good header */
	while ((got = csv_next(&csv, a, &rec, &err)) != 0) {
		if (got < 0) {
			problem(rep, rec.line, "csv", err);
			continue;
		}
		if (rep->nrows == caprows) {
			size_t cap = caprows ? caprows * 2 : 256;
			struct row *bigger = arena_alloc(a, cap * sizeof(*rows));
			if (rep->nrows)
				memcpy(bigger, rows, rep->nrows * sizeof(*rows));
			rows = bigger;
			caprows = cap;
		}
		memset(&rows[rep->nrows], 0, sizeof(rows[rep->nrows]));
		rows[rep->nrows].rep = rep;
		rows[rep->nrows].line = rec.line;
		parse_row(a, &rows[rep->nrows], &rec, map, dec);
		rep->nrows++;
	}
	if (rep->nproblems == 0 && rep->nrows == 0)
		problem(rep, 2, "file", "no products after the header");
	for (size_t i = 0; rep->nproblems == 0 && i < rep->nrows; i++) {
		int created;
		if (write_row(db, a, &rows[i], &created) < 0)
			return rep->nproblems > 0 ? 1 : -1;
		note_change(rep, &rows[i], created);
	}
	return rep->nproblems > 0;
}
