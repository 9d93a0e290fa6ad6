/* db_messages.c — see db_messages.h. */
#include <string.h>

#include "db_internal.h"
#include "db_messages.h"

const char *const message_boxes[MBOX__MAX + 1] = {
	"open", "unread", "handled", "all", NULL
};

#define MSG_COLS(body) "m.id, m.created_at, m.name, m.email, m.subject, " \
	body ", m.order_ref, m.lang, m.status, " \
	"coalesce((SELECT message_id FROM mail_outbox o WHERE o.id = m.mail_id), " \
	"''), (SELECT count(*) FROM message_replies r WHERE r.message_id = m.id)"

enum {
	Q_ADD, Q_LIST, Q_GET, Q_STATUS, Q_STATUS_FROM, Q_REPLIES, Q_REPLY_ADD,
	Q_ORDER, Q_FROM, Q__MAX
};
static const char *const sql[Q__MAX] = {
	[Q_ADD] = "INSERT INTO messages(name, email, subject, body, order_ref, "
	    "lang, client_addr, user_agent, mail_id, created_at) "
	    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
	/* ?1 the box (enum message_box), ?2 before, ?3 limit. */
	[Q_LIST] = "SELECT " MSG_COLS("substr(m.body, 1, 200)")
	    " FROM messages m WHERE (?2 = 0 OR m.id < ?2) AND ("
	    "(?1 = 0 AND m.status IN ('new', 'read', 'answered')) OR "
	    "(?1 = 1 AND m.status = 'new') OR "
	    "(?1 = 2 AND m.status = 'archived') OR ?1 = 3) "
	    "ORDER BY m.id DESC LIMIT ?3",
	[Q_GET] = "SELECT " MSG_COLS("m.body") " FROM messages m WHERE m.id = ?1",
	[Q_STATUS] = "UPDATE messages SET status = ?2 WHERE id = ?1",
	[Q_STATUS_FROM] = "UPDATE messages SET status = ?2 WHERE id = ?1 AND "
	    "status = ?3",
	[Q_REPLIES] = "SELECT r.id, r.created_at, r.author, r.body, "
	    "coalesce(o.status, ''), coalesce(o.message_id, '') "
	    "FROM message_replies r LEFT JOIN mail_outbox o ON o.id = r.mail_id "
	    "WHERE r.message_id = ?1 ORDER BY r.id",
	[Q_REPLY_ADD] = "INSERT INTO message_replies(message_id, user_id, "
	    "author, body, mail_id, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
	[Q_ORDER] = "SELECT id FROM orders WHERE reference = ?1",
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

/* Reads MSG_COLS of st's current row into r (strings in a). */
static void
read_msg(struct arena *a, sqlite3_stmt *st, void *row)
{
	struct message_row *r = row;

	r->id = db_col_int(st, 0);
	r->created_at = db_col_int(st, 1);
	r->name = db_col_text(a, st, 2);
	r->email = db_col_text(a, st, 3);
	r->subject = db_col_text(a, st, 4);
	r->body = db_col_text(a, st, 5);
	r->order_ref = db_col_text(a, st, 6);
	r->lang = db_col_text(a, st, 7);
	r->status = db_col_text(a, st, 8);
	r->copy_msgid = db_col_text(a, st, 9);
	r->nreplies = db_col_int(st, 10);
}

int
db_message_list(struct db *db, struct arena *a, enum message_box box,
    long long before, long long limit, struct message_row **rows, size_t *n)
{
	sqlite3_stmt *st;

	*rows = NULL;
	*n = 0;
	if ((unsigned)box >= MBOX__MAX ||
	    (st = db_stmt(db, &stmts, Q_LIST)) == NULL)
		return -1;
	db_bind_int(st, 1, box);
	db_bind_int(st, 2, before);
	db_bind_int(st, 3, limit);
	return db_rows(db, st, "message list", a, sizeof(**rows), read_msg,
	    rows, n) < 0 ? -1 : 0;
}

int
db_message_get(struct db *db, struct arena *a, long long id,
    struct message_row *r)
{
	sqlite3_stmt *st;
	int rc;

	if ((st = db_stmt(db, &stmts, Q_GET)) == NULL)
		return -1;
	db_bind_int(st, 1, id);
	if ((rc = db_step_row(db, st, "message get")) == 0)
		read_msg(a, st, r);
	db_done(st);
	return rc;
}

int
db_message_set_status(struct db *db, long long id, const char *status,
    const char *only_from)
{
	sqlite3_stmt *st;

	if ((st = db_stmt(db, &stmts, only_from ? Q_STATUS_FROM : Q_STATUS)) ==
	    NULL)
		return -1;
	db_bind_int(st, 1, id);
	db_bind_text(st, 2, status);
	if (only_from)
		db_bind_text(st, 3, only_from);
	if (db_step_done(db, st, "message status") != 0)
		return -1;
	return sqlite3_changes(db_sqlite(db)) > 0 ? 1 : 0;
}

/* db_row_fn: a message_reply from the statement's columns. */
static void
read_message_replies(struct arena *a, sqlite3_stmt *st, void *row)
{
	struct message_reply *r = row;

	r->id = db_col_int(st, 0);
	r->created_at = db_col_int(st, 1);
	r->author = db_col_text(a, st, 2);
	r->body = db_col_text(a, st, 3);
	r->mail_status = db_col_text(a, st, 4);
	r->msgid = db_col_text(a, st, 5);
}

int
db_message_replies(struct db *db, struct arena *a, long long id,
    struct message_reply **rows, size_t *n)
{
	sqlite3_stmt *st;

	*rows = NULL;
	*n = 0;
	if ((st = db_stmt(db, &stmts, Q_REPLIES)) == NULL)
		return -1;
	db_bind_int(st, 1, id);
	return db_rows(db, st, "message replies", a, sizeof(**rows),
	    read_message_replies, rows, n) < 0 ? -1 : 0;
}

long long
db_message_reply_add(struct db *db, long long message_id, long long user_id,
    const char *author, const char *body, long long mail_id, long long now)
{
	sqlite3_stmt *st;
	long long id;

	if ((st = db_stmt(db, &stmts, Q_REPLY_ADD)) == NULL)
		return -1;
	db_bind_int(st, 1, message_id);
	if (user_id > 0)
		db_bind_int(st, 2, user_id);
	else
		db_bind_null(st, 2);
	db_bind_text(st, 3, author);
	db_bind_text(st, 4, body);
	if (mail_id > 0)
		db_bind_int(st, 5, mail_id);
	else
		db_bind_null(st, 5);
	db_bind_int(st, 6, now);
	return (id = db_insert(db, st, "message reply")) > 0 ? id : -1;
}

long long
db_message_order_id(struct db *db, const char *ref)
{
	sqlite3_stmt *st;

	if ((st = db_stmt(db, &stmts, Q_ORDER)) == NULL)
		return -1;
	db_bind_text(st, 1, ref);
	return db_one_int(db, st, "message order");
}

/* db_row_fn: a sent_message from the statement's columns. */
static void
read_messages_from(struct arena *a, sqlite3_stmt *st, void *row)
{
	struct sent_message *m = row;

	m->subject = db_col_text(a, st, 0);
	m->body = db_col_text(a, st, 1);
	m->order_ref = db_col_text(a, st, 2);
	m->status = db_col_text(a, st, 3);
	m->created_at = db_col_int(st, 4);
}

int
db_messages_from(struct db *db, struct arena *a, const char *norm,
    struct sent_message **out, size_t *n)
{
	sqlite3_stmt *st = db_stmt(db, &stmts, Q_FROM);

	*out = NULL;
	*n = 0;
	if (st == NULL)
		return -1;
	db_bind_text(st, 1, norm);
	return db_rows(db, st, "messages from", a, sizeof(**out),
	    read_messages_from, out, n) < 0 ? -1 : 0;
}
