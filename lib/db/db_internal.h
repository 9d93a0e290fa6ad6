/* db_internal.h — for lib/db_*.c only: statement tables and column helpers.
 *
 * A module keeps its SQL in a fixed array indexed by an enum and calls
 * db_stmt() to get the statement prepared (once per connection), reset and
 * with bindings cleared.  After stepping, call db_done() so the statement
 * releases its read snapshot.
 *
 *	enum { Q_FOO, Q_BAR, Q__MAX };
 *	static const char *const sql[Q__MAX] = { [Q_FOO] = "SELECT ...", ... };
 *	DB_STMTS(stmts, sql, Q__MAX);
 *	...
 *	sqlite3_stmt *st = db_stmt(db, &stmts, Q_FOO);
 */
#ifndef SOUK_DB_INTERNAL_H
#define SOUK_DB_INTERNAL_H
#include <sqlite3.h>

#include "arena.h"
#include "db.h"

struct db_stmts {
	const char *const	*sql;
	size_t			 n;
	sqlite3_stmt		**cache;
	struct db		*owner;
	struct db_stmts		*next;	/* registered with owner, finalized on close */
};

#define DB_STMTS(name, sqlarr, count)					\
	static sqlite3_stmt *name##_cache[count];			\
	static struct db_stmts name = { sqlarr, count, name##_cache, NULL, NULL }

/* The statement `id` of set, ready to bind; NULL after logging on error.
 * A statement table belongs to one open connection at a time (one per
 * process); using it with a second one while the first is open aborts. */
sqlite3_stmt	*db_stmt(struct db *, struct db_stmts *, int id);
/* Resets st (releases locks/snapshot). */
void		 db_done(sqlite3_stmt *);
sqlite3		*db_sqlite(struct db *);
/* Logs "what: sqlite message" and returns -1. */
int		 db_fail(struct db *, const char *what);

/* Binds (index from 1); text binds are copied by SQLite. */
void		 db_bind_text(sqlite3_stmt *, int, const char *);
void		 db_bind_int(sqlite3_stmt *, int, long long);
void		 db_bind_null(sqlite3_stmt *, int);
/* Column as an arena string ("" for NULL). */
const char	*db_col_text(struct arena *, sqlite3_stmt *, int);
long long	 db_col_int(sqlite3_stmt *, int);
/* 1 when the column is NULL. */
int		 db_col_null(sqlite3_stmt *, int);

/* Room for one more element in an arena array of n used out of *cap
 * (doubling it, from 8, when full).  Returns the array, maybe moved. */
void		*db_grow(struct arena *, void *v, size_t n, size_t *cap,
		    size_t elem);

/* Reads st's current row into row (elem bytes, zeroed), strings copied
 * into a. */
typedef void	 db_row_fn(struct arena *a, sqlite3_stmt *st, void *row);

/* Steps the bound st to its end, reading each row with read() into one more
 * element of an arena array, then resets st.  out points to the caller's
 * element pointer: set to the array (NULL when there are no rows); *n, when
 * n is not NULL, to the count.  Returns the count, or -1 (logged as what,
 * *out NULL and *n 0).  The one "list of rows" loop of every module. */
long long	 db_rows(struct db *, sqlite3_stmt *st, const char *what,
		    struct arena *a, size_t elem, db_row_fn *read, void *out,
		    size_t *n);
/* db_row_fn for a list of ids: column 0 into a long long. */
db_row_fn	 db_read_id;

/* Steps st for one row: 0 when there is one (read its columns, then
 * db_done()), DB_NONE when there is none, -1 on error (logged as what).
 * The one "found / none / error" of every lookup. */
int		 db_step_row(struct db *, sqlite3_stmt *, const char *what);
/* Runs a statement that returns no rows.  Returns 0, or -1 (logged) —
 * SQLITE_CONSTRAINT returns -2 so callers can report duplicates. */
int		 db_step_done(struct db *, sqlite3_stmt *, const char *what);
/* Runs an INSERT; returns the new rowid, -2 on a constraint violation,
 * -1 on error (logged). */
long long	 db_insert(struct db *, sqlite3_stmt *, const char *what);
/* Runs a query for one integer (its first column): the value, 0 when there
 * is no row, -2 on a constraint violation (RETURNING), -1 on error. */
long long	 db_one_int(struct db *, sqlite3_stmt *, const char *what);

#endif
