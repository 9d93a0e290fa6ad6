/* db_ship.c — see db_ship.h. */
#include <stdlib.h>
#include <string.h>

#include "db_internal.h"
#include "db_ship.h"

const char *const ship_kinds[SHIP__MAX + 1] = { "flat", "quantity", "weight",
	NULL };

enum {
	Q_ZONE_FOR, Q_RATES, Q_RATES_ALL, Q_ZONES, Q_ZONE_ID, Q_ZONE_ADD,
	Q_AREA_ADD, Q_ZONE_DEL, Q_RATE_ADD, Q_RATE_DEL, Q_WEIGHT,
	Q_ZONE_COUNT, Q_ZONE, Q_ZONE_RENAME, Q_AREAS_DEL, Q_RATE, Q_RATE_EDIT,
	Q_WEIGHT_OF, Q__MAX
};

#define ZONE_COLS "z.id, z.name, coalesce((SELECT group_concat(a, ', ') "  \
	"FROM (SELECT country || CASE region WHEN '' THEN '' ELSE ':' || "   \
	"region END AS a FROM ship_zone_areas WHERE zone_id = z.id ORDER BY " \
	"country, region)), ''), (SELECT count(*) FROM ship_rates r WHERE "   \
	"r.zone_id = z.id)"

#define RATE_COLS "r.id, r.zone_id, z.name, r.name, r.kind, r.base_minor, " \
	"r.step_minor, r.step_grams, coalesce(r.free_from_minor, -1), "	    \
	"r.min_days, r.max_days, r.active, r.name_en, r.name_fr, r.position"

static const char *const sql[Q__MAX] = {
	/* ship_zone_areas.region is NOCASE: "sfax" finds "Sfax".  The
	 * region's row, else the country's: two primary-key probes in that
	 * order (an IN list with ORDER BY built a temporary index and a
	 * sorter: most of a physical product page's shipping line). */
	[Q_ZONE_FOR] = "SELECT zone_id FROM ship_zone_areas WHERE country = ?1 "
	    "AND region = ?2 UNION ALL SELECT zone_id FROM ship_zone_areas "
	    "WHERE country = ?1 AND region = '' LIMIT 1",
	/* A zone has a few rates: db_ship_rates() orders them (SQLite's
	 * sorter for ORDER BY was most of the statement's cost). */
	[Q_RATES] = "SELECT " RATE_COLS " FROM ship_rates r JOIN ship_zones z "
	    "ON z.id = r.zone_id WHERE r.zone_id = ? AND r.active = 1",
	[Q_RATES_ALL] = "SELECT " RATE_COLS " FROM ship_rates r JOIN ship_zones z "
	    "ON z.id = r.zone_id WHERE r.zone_id = ?",
	[Q_ZONES] = "SELECT " ZONE_COLS " FROM ship_zones z ORDER BY z.position, "
	    "z.name",
	[Q_ZONE] = "SELECT " ZONE_COLS " FROM ship_zones z WHERE z.id = ?",
	[Q_ZONE_ID] = "SELECT id FROM ship_zones WHERE name = ?",
	[Q_ZONE_ADD] = "INSERT INTO ship_zones(name, position) VALUES (?1, "
	    "(SELECT coalesce(max(position), 0) + 1 FROM ship_zones))",
	[Q_AREA_ADD] = "INSERT INTO ship_zone_areas(country, region, zone_id) "
	    "VALUES (?, ?, ?)",
	[Q_ZONE_DEL] = "DELETE FROM ship_zones WHERE id = ? RETURNING id",
	[Q_ZONE_RENAME] = "UPDATE ship_zones SET name = ?2 WHERE id = ?1 "
	    "RETURNING id",
	[Q_AREAS_DEL] = "DELETE FROM ship_zone_areas WHERE zone_id = ?",
	[Q_RATE_ADD] = "INSERT INTO ship_rates(zone_id, name, kind, base_minor, "
	    "step_minor, step_grams, free_from_minor, min_days, max_days, "
	    "active, name_en, name_fr, position) VALUES (?1, ?2, ?3, ?4, ?5, "
	    "?6, nullif(?7, -1), ?8, ?9, ?10, ?11, ?12, (SELECT coalesce(max(position), 0) + 1 FROM "
	    "ship_rates WHERE zone_id = ?1))",
	[Q_RATE] = "SELECT " RATE_COLS " FROM ship_rates r JOIN ship_zones z "
	    "ON z.id = r.zone_id WHERE r.id = ?",
	[Q_RATE_EDIT] = "UPDATE ship_rates SET name = ?2, kind = ?3, "
	    "base_minor = ?4, step_minor = ?5, step_grams = ?6, "
	    "free_from_minor = nullif(?7, -1), min_days = ?8, max_days = ?9, "
	    "active = ?10, name_en = ?11, name_fr = ?12 WHERE id = ?1 "
	    "RETURNING id",
	[Q_WEIGHT_OF] = "SELECT weight_grams FROM products WHERE id = ?",
	[Q_RATE_DEL] = "DELETE FROM ship_rates WHERE id = ?1 RETURNING id",
	[Q_WEIGHT] = "UPDATE products SET weight_grams = ?2, updated_at = "
	    "CAST(strftime('%s', 'now') AS INTEGER) WHERE slug = ?1 RETURNING id",
	[Q_ZONE_COUNT] = "SELECT count(*) FROM ship_zones",
};
DB_STMTS(stmts, sql, Q__MAX);

int
db_ship_zone_for(struct db *db, const char *country, const char *region,
    long long *zone)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_ZONE_FOR);
	int rc;

	if (st == NULL)
		return -1;
	db_bind_text(st, 1, country);
	db_bind_text(st, 2, region ? region : "");
	if ((rc = db_step_row(db, st, "ship zone")) == 0)
		*zone = db_col_int(st, 0);
	db_done(st);
	return rc;
}

/* The RATE_COLS of the current row into r. */
static void
read_rate(struct arena *a, sqlite3_stmt *st, void *row)
{
	struct ship_rate *r = row;

	const char *kind;
	int c = 0;

	memset(r, 0, sizeof(*r));
	r->id = db_col_int(st, c++);
	r->zone_id = db_col_int(st, c++);
	r->zone = db_col_text(a, st, c++);
	r->name = db_col_text(a, st, c++);
	kind = db_col_text(a, st, c++);
	for (int k = 0; k < SHIP__MAX; k++)
		if (strcmp(kind, ship_kinds[k]) == 0)
			r->kind = (enum ship_kind)k;
	r->base_minor = db_col_int(st, c++);
	r->step_minor = db_col_int(st, c++);
	r->step_grams = db_col_int(st, c++);
	r->free_from_minor = db_col_int(st, c++);
	r->min_days = (int)db_col_int(st, c++);
	r->max_days = (int)db_col_int(st, c++);
	r->active = (int)db_col_int(st, c++);
	r->names[LANG_EN] = db_col_text(a, st, c++);
	r->names[LANG_FR] = db_col_text(a, st, c++);
	r->position = db_col_int(st, c++);
}

/* qsort: by position, then id. */
static int
rate_order(const void *x, const void *y)
{
	const struct ship_rate *a = x, *b = y;

	if (a->position != b->position)
		return a->position < b->position ? -1 : 1;
	return (a->id > b->id) - (a->id < b->id);
}

int
db_ship_rates(struct db *db, struct arena *a, long long zone, int active_only,
    struct ship_rate **out, size_t *n)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, active_only ? Q_RATES :
	    Q_RATES_ALL);

	*out = NULL;
	*n = 0;
	if (st == NULL)
		return -1;
	db_bind_int(st, 1, zone);
	if (db_rows(db, st, "ship rates", a, sizeof(**out), read_rate, out,
	    n) < 0)
		return -1;
	if (*n > 1)
		qsort(*out, *n, sizeof(**out), rate_order);
	return 0;
}

/* db_row_fn: a ship_zone from the statement's columns. */
static void
read_ship_zones(struct arena *a, sqlite3_stmt *st, void *row)
{
	struct ship_zone *z = row;

	z->id = db_col_int(st, 0);
	z->name = db_col_text(a, st, 1);
	z->areas = db_col_text(a, st, 2);
	z->nrates = (size_t)db_col_int(st, 3);
}

int
db_ship_zones(struct db *db, struct arena *a, struct ship_zone **out,
    size_t *n)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_ZONES);

	*out = NULL;
	*n = 0;
	if (st == NULL)
		return -1;
	return db_rows(db, st, "ship zones", a, sizeof(**out), read_ship_zones,
	    out, n) < 0 ? -1 : 0;
}

int
db_ship_zone_id(struct db *db, const char *name, long long *id)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_ZONE_ID);
	int rc;

	if (st == NULL)
		return -1;
	db_bind_text(st, 1, name);
	if ((rc = db_step_row(db, st, "ship zone id")) == 0)
		*id = db_col_int(st, 0);
	db_done(st);
	return rc;
}

/* Inside the transaction: one area "CC" or "CC:Region" of zone.  0, -2
 * when it is taken, -1. */
static int
add_area(struct db *db, long long zone, const char *area)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_AREA_ADD);
	char country[3];

	if (st == NULL || strlen(area) < 2)
		return -1;
	memcpy(country, area, 2);
	country[2] = '\0';
	db_bind_text(st, 1, country);
	db_bind_text(st, 2, area[2] == ':' ? area + 3 : "");
	db_bind_int(st, 3, zone);
	return db_step_done(db, st, "ship area");
}

/* Inside the transaction: the n areas of zone; 0, -2 when one is taken
 * (*taken: its index), -1. */
static int
add_areas(struct db *db, long long zone, const char *const *areas, size_t n,
    size_t *taken)
{
	int rc = 0;

	for (size_t i = 0; i < n && rc == 0; i++)
		if ((rc = add_area(db, zone, areas[i])) != 0 && taken != NULL)
			*taken = i;
	return rc;
}

long long
db_ship_zone_add(struct db *db, const char *name, const char *const *areas,
    size_t n, size_t *taken)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_ZONE_ADD);
	long long id;
	int rc;

	if (st == NULL)
		return -1;
	db_bind_text(st, 1, name);
	if ((id = db_insert(db, st, "ship zone")) < 0)
		return id;
	rc = add_areas(db, id, areas, n, taken);
	return rc < 0 ? rc : id;
}

int
db_ship_zone_edit(struct db *db, long long id, const char *name,
    const char *const *areas, size_t n, size_t *taken)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_ZONE_RENAME);
	long long r;

	if (st == NULL)
		return -1;
	db_bind_int(st, 1, id);
	db_bind_text(st, 2, name);
	if ((r = db_one_int(db, st, "ship zone rename")) <= 0)
		return r == 0 ? DB_NONE : (int)r;
	if ((st = db_stmt(db, &stmts, Q_AREAS_DEL)) == NULL)
		return -1;
	db_bind_int(st, 1, id);
	if (db_step_done(db, st, "ship areas") != 0)
		return -1;
	return add_areas(db, id, areas, n, taken);
}

int
db_ship_zone(struct db *db, struct arena *a, long long id,
    struct ship_zone *out)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_ZONE);
	int rc;

	if (st == NULL)
		return -1;
	db_bind_int(st, 1, id);
	if ((rc = db_step_row(db, st, "ship zone")) == 0)
		read_ship_zones(a, st, out);
	db_done(st);
	return rc;
}

/* Runs a RETURNING id statement of the table with a bound ?1: 0, DB_NONE
 * when it touched no row, -1. */
static int
returning(struct db *db, sqlite3_stmt *st, const char *what)
{
	int rc = db_step_row(db, st, what);

	db_done(st);
	return rc;
}

int
db_ship_zone_remove(struct db *db, long long id)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_ZONE_DEL);

	if (st == NULL)
		return -1;
	db_bind_int(st, 1, id);
	return returning(db, st, "ship zone remove");
}

/* Binds r's fields from ?2 (name) to ?12 (name_fr) of st. */
static void
bind_rate(sqlite3_stmt *st, const struct ship_rate *r)
{
	db_bind_text(st, 2, r->name);
	db_bind_text(st, 3, ship_kinds[r->kind]);
	db_bind_int(st, 4, r->base_minor);
	db_bind_int(st, 5, r->step_minor);
	db_bind_int(st, 6, r->step_grams);
	db_bind_int(st, 7, r->free_from_minor);
	db_bind_int(st, 8, r->min_days);
	db_bind_int(st, 9, r->max_days);
	db_bind_int(st, 10, r->active);
	db_bind_text(st, 11, r->names[LANG_EN] ? r->names[LANG_EN] : "");
	db_bind_text(st, 12, r->names[LANG_FR] ? r->names[LANG_FR] : "");
}

long long
db_ship_rate_add(struct db *db, const struct ship_rate *r)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_RATE_ADD);

	if (st == NULL)
		return -1;
	db_bind_int(st, 1, r->zone_id);
	bind_rate(st, r);
	return db_insert(db, st, "ship rate");
}

int
db_ship_rate_edit(struct db *db, const struct ship_rate *r)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_RATE_EDIT);
	long long v;

	if (st == NULL)
		return -1;
	db_bind_int(st, 1, r->id);
	bind_rate(st, r);
	v = db_one_int(db, st, "ship rate edit");
	return v > 0 ? 0 : v == 0 ? DB_NONE : (int)v;
}

int
db_ship_rate(struct db *db, struct arena *a, long long id,
    struct ship_rate *out)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_RATE);
	int rc;

	if (st == NULL)
		return -1;
	db_bind_int(st, 1, id);
	if ((rc = db_step_row(db, st, "ship rate")) == 0)
		read_rate(a, st, out);
	db_done(st);
	return rc;
}

int
db_ship_rate_remove(struct db *db, long long id)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_RATE_DEL);

	if (st == NULL)
		return -1;
	db_bind_int(st, 1, id);
	return returning(db, st, "ship rate remove");
}

int
db_ship_weight(struct db *db, const char *slug, long long grams)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_WEIGHT);

	if (st == NULL)
		return -1;
	db_bind_text(st, 1, slug);
	db_bind_int(st, 2, grams);
	return returning(db, st, "product weight");
}

long long
db_ship_zone_count(struct db *db)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_ZONE_COUNT);

	return st == NULL ? -1 : db_one_int(db, st, "ship zone count");
}

int
db_ship_weight_of(struct db *db, long long product, long long *grams)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_WEIGHT_OF);
	int rc;

	if (st == NULL)
		return -1;
	db_bind_int(st, 1, product);
	if ((rc = db_step_row(db, st, "product weight")) == 0)
		*grams = db_col_int(st, 0);
	db_done(st);
	return rc;
}
