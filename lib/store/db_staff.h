/* db_staff.h — the back office's tables (store layer): the order list
 * with its filters, staff order moves, order notes, the audit log and the
 * payment proof files by name.  Strings live in the caller's arena.
 * Writes run inside the caller's transaction (db_begin ... db_commit), so
 * the audit row, the change and the mail it queues commit together. */
#ifndef SOUK_DB_STAFF_H
#define SOUK_DB_STAFF_H
#include <stddef.h>

#include "arena.h"
#include "db.h"
#include "order.h"

/* What the order list shows; "" / 0 in a field: no filter. */
struct staff_order_filter {
	const char	*status;	/* one of order_statuses */
	const char	*method;	/* a pay_method id */
	const char	*q;		/* reference, payment id or (with an @)
				 * e-mail address exactly, else words of
				 * the name, e-mail or phone */
	long long	 from, to;	/* created_at in [from, to) */
	long long	 before;	/* keyset: ids below this one */
	long long	 limit;		/* rows; 0: no limit (export) */
};

struct staff_order_row {
	long long	 id, total_minor, created_at, nproofs;
	const char	*reference, *status, *method, *currency, *name, *email,
			*phone, *country, *city;
};

/* Calls fn(row, arg) for each order matching f, newest first, until fn
 * returns non-zero.  row's strings live in arena a (fn may reset it).
 * Returns 0 or -1. */
int	db_staff_orders_each(struct db *, struct arena *a,
	    const struct staff_order_filter *f,
	    int (*fn)(const struct staff_order_row *, void *), void *arg);

struct order_note {
	long long	 id, at;
	const char	*author, *body;
	int		 visible;
};
/* Adds a note (visible: shown to the customer); its id or -1. */
long long db_order_note_add(struct db *, long long order_id, long long user_id,
	    const char *author, const char *body, int visible, long long now);
/* The notes of an order, oldest first (visible_only: the customer's). */
int	db_order_notes(struct db *, struct arena *, long long order_id,
	    int visible_only, struct order_note **, size_t *);

struct audit_entry {
	long long	 id, at, user_id;
	const char	*actor, *action, *kind, *object, *detail, *addr;
};
/* Records e (id and at are ignored: now).  0 or -1. */
int	db_audit_add(struct db *, const struct audit_entry *e, long long now);
/* Entries newest first, ids below `before` (0: from the newest), of one
 * object kind ("" all) and object id ("" all); at most limit. */
int	db_audit_list(struct db *, struct arena *, const char *kind,
	    const char *object, long long before, long long limit,
	    struct audit_entry **, size_t *);

struct proof_file {
	long long	 order_id;
	const char	*type, *original_name, *reference;
};
/* The proof stored as `name`: 0, 1 (none), -1. */
int	db_proof_by_name(struct db *, struct arena *, const char *name,
	    struct proof_file *);

#endif
