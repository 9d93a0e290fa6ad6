/* db_order_status.c — see db_order_status.h. */
#include "db_internal.h"
#include "db_order_status.h"

enum { Q_MOVE, Q_EVENT, Q__MAX };

static const char *const sql[Q__MAX] = {
	[Q_MOVE] = "UPDATE orders SET status = ?3, updated_at = ?4 WHERE id = ?1 "
	    "AND status = ?2",
	[Q_EVENT] = "INSERT INTO order_events(order_id, seq, status, note, "
	    "created_at) SELECT ?1, coalesce(max(seq), 0) + 1, ?2, ?3, ?4 "
	    "FROM order_events WHERE order_id = ?1",
};
DB_STMTS(stmts, sql, Q__MAX);

int
db_order_status_move(struct db *db, long long id, const char *from,
    const char *to, const char *note, long long now)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_MOVE);

	if (st == NULL)
		return -1;
	db_bind_int(st, 1, id);
	db_bind_text(st, 2, from);
	db_bind_text(st, 3, to);
	db_bind_int(st, 4, now);
	if (db_step_done(db, st, "order status") < 0)
		return -1;
	if (sqlite3_changes(db_sqlite(db)) == 0)
		return 1;
	if ((st = db_stmt(db, &stmts, Q_EVENT)) == NULL)
		return -1;
	db_bind_int(st, 1, id);
	db_bind_text(st, 2, to);
	db_bind_text(st, 3, note);
	db_bind_int(st, 4, now);
	return db_step_done(db, st, "order event") < 0 ? -1 : 0;
}
