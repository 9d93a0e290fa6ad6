/* db_idset.h — a set of row ids 0..max as a bitmap in an arena, for
 * intersecting the results of several index reads in C (search filters,
 * lib/store/db_catalog.c) and testing membership inside a statement:
 * souk_in(?, id) is 1 when id is in the set bound to ? with
 * db_idset_bind(), so a statement filters rows by a set without reading
 * them. */
#ifndef SOUK_DB_IDSET_H
#define SOUK_DB_IDSET_H

struct arena;
struct sqlite3;
struct sqlite3_stmt;

struct db_idset {
	unsigned char	*bits;
	long long	 max;	/* highest id the set can hold */
	long long	 n;	/* ids in the set */
};

/* s: an empty set of ids 0..max, in a. */
void	db_idset_init(struct db_idset *, struct arena *, long long max);
/* Adds id (ignored outside 0..max or already in). */
void	db_idset_add(struct db_idset *, long long id);
/* 1 when id is in the set, else 0. */
int	db_idset_has(const struct db_idset *, long long id);
/* Keeps in s only the ids also in t (same max); updates s->n. */
void	db_idset_and(struct db_idset *s, const struct db_idset *t);
/* The ids of the set in order as a JSON array ("[3,8]"), in a, for
 * json_each(). */
const char *db_idset_json(const struct db_idset *, struct arena *);
/* Adds each id stepped from st's first column (st bound, reset after);
 * 0 or -1 (the step's error, logged with what). */
int	db_idset_read(struct db_idset *, struct sqlite3_stmt *st,
	    const char *what);
/* Binds the set (which must outlive the statement's run) to parameter i,
 * for souk_in(). */
void	db_idset_bind(struct sqlite3_stmt *st, int i, const struct db_idset *);
/* Registers souk_in() on a connection; 0 or -1. */
int	db_idset_register(struct sqlite3 *h);

#endif
