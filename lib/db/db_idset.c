/* db_idset.c — sets of row ids as bitmaps (db_idset.h). */
#include <stdio.h>

#include <sqlite3.h>

#include "arena.h"
#include "db_idset.h"
#include "log.h"

#define IDSET_TYPE "souk_idset"	/* sqlite3_bind_pointer's type tag */

void
db_idset_init(struct db_idset *s, struct arena *a, long long max)
{
	s->max = max < 0 ? 0 : max;
	s->n = 0;
	s->bits = arena_alloc(a, (size_t)s->max / 8 + 1);	/* zeroed */
}

void
db_idset_add(struct db_idset *s, long long id)
{
	unsigned char bit;

	if (id < 0 || id > s->max)
		return;
	bit = (unsigned char)(1u << (id % 8));
	if ((s->bits[id / 8] & bit) == 0) {
		s->bits[id / 8] |= bit;
		s->n++;
	}
}

int
db_idset_has(const struct db_idset *s, long long id)
{
	return id >= 0 && id <= s->max &&
	    (s->bits[id / 8] & (1u << (id % 8))) != 0;
}

void
db_idset_and(struct db_idset *s, const struct db_idset *t)
{
	size_t bytes = (size_t)s->max / 8 + 1;

	s->n = 0;
	for (size_t i = 0; i < bytes; i++) {
		s->bits[i] &= t->bits[i];
		s->n += __builtin_popcount(s->bits[i]);
	}
}

const char *
db_idset_json(const struct db_idset *s, struct arena *a)
{
	/* At most 20 characters an id, with its comma. */
	char *out = arena_alloc(a, (size_t)s->n * 21 + 3), *p = out;

	*p++ = '[';
	for (long long id = 0; id <= s->max; id++) {
		if (s->bits[id / 8] == 0) {
			id |= 7;	/* skip an empty byte */
			continue;
		}
		if (db_idset_has(s, id))
			p += sprintf(p, "%s%lld", p - out > 1 ? "," : "", id);
	}
	*p++ = ']';
	*p = '\0';
	return out;
}

int
db_idset_read(struct db_idset *s, sqlite3_stmt *st, const char *what)
{
	int rc;

	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		db_idset_add(s, sqlite3_column_int64(st, 0));
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		log_error("db: %s: %s", what, sqlite3_errmsg(sqlite3_db_handle(st)));
		return -1;
	}
	return 0;
}

void
db_idset_bind(sqlite3_stmt *st, int i, const struct db_idset *s)
{
	sqlite3_bind_pointer(st, i, (void *)s, IDSET_TYPE, NULL);
}

/* souk_in(set, id): 1 when id is in the set bound as set, else 0 (also
 * when nothing, or something else, is bound there). */
static void
in_fn(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const struct db_idset *s = sqlite3_value_pointer(argv[0], IDSET_TYPE);

	(void)argc;
	sqlite3_result_int(ctx, s != NULL &&
	    db_idset_has(s, sqlite3_value_int64(argv[1])));
}

int
db_idset_register(sqlite3 *h)
{
	if (sqlite3_create_function_v2(h, "souk_in", 2, SQLITE_UTF8 |
	    SQLITE_INNOCUOUS, NULL, in_fn, NULL, NULL, NULL) != SQLITE_OK) {
		log_error("db: cannot register souk_in: %s", sqlite3_errmsg(h));
		return -1;
	}
	return 0;
}
