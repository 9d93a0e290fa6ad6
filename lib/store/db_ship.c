/* db_ship.c — see db_ship.h. */
#include <stdlib.h>
#include <string.h>

#include "db_internal.h"
#include "db_ship.h"

const char *const ship_kinds[SHIP__MAX + 1] = { "flat", "quantity", "weight",
	NULL };

enum {
	Q_ZONE_FOR, Q_RATES, Q_RATES_ALL, Q_ZONES, Q_ZONE_ID, Q_ZONE_ADD,
	Q_AREA_ADD, Q_ZONE_DEL, Q_RATE_ADD, Q_RATE_ON, Q_RATE_DEL, Q_WEIGHT,
	Q_ZONE_COUNT, Q_RATE_NAME, Q__MAX
};

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
	[Q_ZONES] = "SELECT z.id, z.name, coalesce((SELECT group_concat(a, ', ') "
	    "FROM (SELECT country || CASE region WHEN '' THEN '' ELSE ':' || "
	    "region END AS a FROM ship_zone_areas WHERE zone_id = z.id ORDER BY "
	    "country, region)), ''), (SELECT count(*) FROM ship_rates r WHERE "
	    "r.zone_id = z.id) FROM ship_zones z ORDER BY z.position, z.name",
	[Q_ZONE_ID] = "SELECT id FROM ship_zones WHERE name = ?",
	[Q_ZONE_ADD] = "INSERT INTO ship_zones(name, position) VALUES (?1, "
	    "(SELECT coalesce(max(position), 0) + 1 FROM ship_zones))",
	[Q_AREA_ADD] = "INSERT INTO ship_zone_areas(country, region, zone_id) "
	    "VALUES (?, ?, ?)",
	[Q_ZONE_DEL] = "DELETE FROM ship_zones WHERE name = ? RETURNING id",
	[Q_RATE_ADD] = "INSERT INTO ship_rates(zone_id, name, kind, base_minor, "
	    "step_minor, step_grams, free_from_minor, min_days, max_days, "
	    "active, name_en, name_fr, position) VALUES (?1, ?2, ?3, ?4, ?5, "
	    "?6, nullif(?7, -1), ?8, ?9, ?10, ?11, ?12, (SELECT coalesce(max(position), 0) + 1 FROM "
	    "ship_rates WHERE zone_id = ?1))",
	[Q_RATE_ON] = "UPDATE ship_rates SET active = ?2 WHERE id = ?1 "
	    "RETURNING id",
	[Q_RATE_DEL] = "DELETE FROM ship_rates WHERE id = ?1 RETURNING id",
	[Q_WEIGHT] = "UPDATE products SET weight_grams = ?2, updated_at = "
	    "CAST(strftime('%s', 'now') AS INTEGER) WHERE slug = ?1 RETURNING id",
	[Q_ZONE_COUNT] = "SELECT count(*) FROM ship_zones",
	/* ?2 is a lang_code(): the column is chosen, never formatted. */
	[Q_RATE_NAME] = "UPDATE ship_rates SET name_en = CASE ?2 WHEN 'en' "
	    "THEN ?3 ELSE name_en END, name_fr = CASE ?2 WHEN 'fr' THEN ?3 "
	    "ELSE name_fr END WHERE id = ?1 RETURNING id",
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

long long
db_ship_zone_add(struct db *db, const char *name, const char *const *areas,
    size_t n, size_t *taken)
{
	sqlite3_stmt *st;
	long long id;
	int rc = 0;

	if (db_begin(db) < 0)
		return -1;
	if ((st = db_stmt(db, &stmts, Q_ZONE_ADD)) == NULL) {
		db_rollback(db);
		return -1;
	}
	db_bind_text(st, 1, name);
	id = db_insert(db, st, "ship zone");
	for (size_t i = 0; id > 0 && i < n && rc == 0; i++)
		if ((rc = add_area(db, id, areas[i])) != 0 && taken != NULL)
			*taken = i;
	if (id > 0 && rc < 0)
		id = rc;
	if (id < 0 || db_commit(db) < 0) {
		db_rollback(db);
		return id < 0 ? id : -1;
	}
	return id;
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
db_ship_zone_remove(struct db *db, const char *name)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_ZONE_DEL);

	if (st == NULL)
		return -1;
	db_bind_text(st, 1, name);
	return returning(db, st, "ship zone remove");
}

long long
db_ship_rate_add(struct db *db, const struct ship_rate *r)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_RATE_ADD);

	if (st == NULL)
		return -1;
	db_bind_int(st, 1, r->zone_id);
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
	return db_insert(db, st, "ship rate");
}

int
db_ship_rate_set(struct db *db, long long id, int active)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, active < 0 ? Q_RATE_DEL :
	    Q_RATE_ON);

	if (st == NULL)
		return -1;
	db_bind_int(st, 1, id);
	if (active >= 0)
		db_bind_int(st, 2, active);
	return returning(db, st, "ship rate set");
}

int
db_ship_rate_name(struct db *db, long long id, enum lang l, const char *name)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_RATE_NAME);

	if (st == NULL)
		return -1;
	db_bind_int(st, 1, id);
	db_bind_text(st, 2, lang_code(l));
	db_bind_text(st, 3, name);
	return returning(db, st, "ship rate name");
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
