/* db_messages.c — see db_messages.h. */
#include "db_internal.h"
#include "db_messages.h"

enum { Q_ADD, Q_FROM, Q__MAX };
static const char *const sql[Q__MAX] = {
	[Q_ADD] = "INSERT INTO messages(name, email, subject, body, order_ref, "
	    "lang, client_addr, user_agent, mail_id, created_at) "
	    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
	[Q_FROM] = "SELECT subject, body, order_ref, status, created_at "
	    "FROM messages WHERE lower(email) = ? ORDER BY id LIMIT 500",
};
DB_STMTS(stmts, sql, Q__MAX);

long long
db_message_add(struct db *db, const struct contact_message *m, long long now)
{
	long long id;
	sqlite3_stmt *st;

	if ((st = db_stmt(db, &stmts, Q_ADD)) == NULL)
		return -1;
	db_bind_text(st, 1, m->name);
	db_bind_text(st, 2, m->email);
	db_bind_text(st, 3, m->subject);
	db_bind_text(st, 4, m->body);
	db_bind_text(st, 5, m->order_ref ? m->order_ref : "");
	db_bind_text(st, 6, m->lang);
	db_bind_text(st, 7, m->client_addr ? m->client_addr : "");
	db_bind_text(st, 8, m->user_agent ? m->user_agent : "");
	if (m->mail_id > 0)
		db_bind_int(st, 9, m->mail_id);
	else
		db_bind_null(st, 9);
	db_bind_int(st, 10, now);
	/* -1 for every failure: callers roll back either way. */
	return (id = db_insert(db, st, "message add")) > 0 ? id : -1;
}

int
db_messages_from(struct db *db, struct arena *a, const char *norm,
    struct sent_message **out, size_t *n)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_FROM);
	size_t cap = 0;
	int rc;

	*out = NULL;
	*n = 0;
	if (st == NULL)
		return -1;
	db_bind_text(st, 1, norm);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct sent_message *m;
		*out = db_grow(a, *out, *n, &cap, sizeof(**out));
		m = &(*out)[(*n)++];
		m->subject = db_col_text(a, st, 0);
		m->body = db_col_text(a, st, 1);
		m->order_ref = db_col_text(a, st, 2);
		m->status = db_col_text(a, st, 3);
		m->created_at = db_col_int(st, 4);
	}
	db_done(st);
	return rc == SQLITE_DONE ? 0 : db_fail(db, "messages from");
}
