/* db_mail.c — see db_mail.h. */
#include <stdlib.h>
#include <string.h>

#include "db_internal.h"
#include "db_mail.h"
#include "log.h"
#include "mail.h"

/* Columns every row read returns, in this order (see read_row). */
#define ROW_COLS "id, to_addr, to_name, reply_to, reply_to_name, subject, " \
	"body_text, body_html, message_id, status, last_error, claimed_by, " \
	"attempts, rejections, next_attempt_at, claimed_until, created_at, " \
	"queued_at, sent_at, in_reply_to, refs"
/* The same without the bodies (listings). */
#define LIST_COLS "id, to_addr, to_name, reply_to, reply_to_name, subject, " \
	"'', NULL, message_id, status, last_error, claimed_by, " \
	"attempts, rejections, next_attempt_at, claimed_until, created_at, " \
	"queued_at, sent_at, in_reply_to, refs"

enum {
	Q_INSERT, Q_INSERT_PAIR, Q_CLAIM, Q_SENT, Q_RETRY, Q_FAILED, Q_ALL_DUE, Q_LIST,
	Q_GET, Q_REQUEUE_ONE, Q_REQUEUE_ALL, Q_COUNTS,
	Q_LAST_TO,
	Q__MAX
};
static const char *const sql[Q__MAX] = {
	[Q_INSERT] = "INSERT INTO mail_outbox(to_addr, to_name, reply_to, "
	    "reply_to_name, subject, body_text, body_html, message_id, "
	    "next_attempt_at, created_at, queued_at, in_reply_to, refs) "
	    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9, ?9, ?10, ?11)",
	/* Two rows, one statement: an order's two mails (each statement's
	 * set-up and the CHECKs' work once). */
	[Q_INSERT_PAIR] = "INSERT INTO mail_outbox(to_addr, to_name, reply_to, "
	    "reply_to_name, subject, body_text, body_html, message_id, "
	    "next_attempt_at, created_at, queued_at, in_reply_to, refs) "
	    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9, ?9, ?10, ?11), "
	    "(?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?9, ?9, ?9, ?20, ?21)",
	[Q_CLAIM] = "UPDATE mail_outbox SET status = 'sending', claimed_by = ?1, "
	    "claimed_until = ?2, attempts = attempts + 1 "
	    "WHERE id IN (SELECT id FROM mail_outbox WHERE id > ?4 AND "
	    "((status = 'queued' AND next_attempt_at <= ?3) OR "
	    "(status = 'sending' AND claimed_until <= ?3)) ORDER BY id LIMIT ?5) "
	    "RETURNING " ROW_COLS,
	[Q_SENT] = "UPDATE mail_outbox SET status = 'sent', sent_at = ?3, "
	    "last_error = NULL, claimed_by = NULL, claimed_until = NULL "
	    "WHERE id = ?1 AND status = 'sending' AND claimed_by = ?2",
	[Q_RETRY] = "UPDATE mail_outbox SET status = 'queued', "
	    "next_attempt_at = ?3, last_error = ?4, rejections = rejections + ?5, "
	    "claimed_by = NULL, claimed_until = NULL "
	    "WHERE id = ?1 AND status = 'sending' AND claimed_by = ?2",
	[Q_FAILED] = "UPDATE mail_outbox SET status = 'failed', last_error = ?4, "
	    "rejections = rejections + ?5, claimed_by = NULL, "
	    "claimed_until = NULL "
	    "WHERE id = ?1 AND status = 'sending' AND claimed_by = ?2",
	[Q_ALL_DUE] = "UPDATE mail_outbox SET next_attempt_at = ?1 "
	    "WHERE status = 'queued' AND next_attempt_at > ?1",
	[Q_LIST] = "SELECT " LIST_COLS " FROM mail_outbox "
	    "WHERE ?1 = '' OR status = ?1 ORDER BY id DESC LIMIT ?2",
	[Q_GET] = "SELECT " ROW_COLS " FROM mail_outbox WHERE id = ?1",
	[Q_LAST_TO] = "SELECT " ROW_COLS " FROM mail_outbox WHERE "
	    "to_addr = ?1 COLLATE NOCASE AND instr(subject, ?2) > 0 "
	    "ORDER BY id DESC LIMIT 1",
	[Q_REQUEUE_ONE] = "UPDATE mail_outbox SET status = 'queued', "
	    "next_attempt_at = ?2, queued_at = ?2, attempts = 0, rejections = 0 "
	    "WHERE id = ?1 AND status IN ('failed', 'queued')",
	[Q_REQUEUE_ALL] = "UPDATE mail_outbox SET status = 'queued', "
	    "next_attempt_at = ?1, queued_at = ?1, attempts = 0, rejections = 0 "
	    "WHERE status = 'failed'",
	[Q_COUNTS] = "SELECT status, count(*) FROM mail_outbox GROUP BY status",
};
DB_STMTS(stmts, sql, Q__MAX);

/* Binds m and its message_id as one row of Q_INSERT or Q_INSERT_PAIR:
 * parameters 1-8 and 10-11 of the first row, shifted by off (11, 10 past
 * ?9, the time both rows share) for the second. */
static void
bind_row(sqlite3_stmt *st, int off, const struct mail *m,
    const char *message_id)
{
	int late = off ? off - 1 : 0;

	db_bind_text(st, 1 + off, m->to);
	db_bind_text(st, 2 + off, m->to_name ? m->to_name : "");
	db_bind_text(st, 3 + off, m->reply_to ? m->reply_to : "");
	db_bind_text(st, 4 + off, m->reply_to_name ? m->reply_to_name : "");
	db_bind_text(st, 5 + off, m->subject);
	db_bind_text(st, 6 + off, m->text);
	db_bind_text(st, 7 + off, m->html);
	db_bind_text(st, 8 + off, message_id);
	db_bind_text(st, 10 + late, m->in_reply_to ? m->in_reply_to : "");
	db_bind_text(st, 11 + late, m->references ? m->references : "");
}

long long
db_mail_insert(struct db *db, const struct mail *m, const char *message_id,
    long long now)
{
	long long id;
	sqlite3_stmt *st;

	if ((st = db_stmt(db, &stmts, Q_INSERT)) == NULL)
		return -1;
	bind_row(st, 0, m, message_id);
	db_bind_int(st, 9, now);
	/* -1 for every failure: callers roll back either way. */
	return (id = db_insert(db, st, "mail insert")) > 0 ? id : -1;
}

int
db_mail_insert_pair(struct db *db, const struct mail *m,
    const char *const message_id[2], long long now)
{
	sqlite3_stmt *st;

	if ((st = db_stmt(db, &stmts, Q_INSERT_PAIR)) == NULL)
		return -1;
	bind_row(st, 0, &m[0], message_id[0]);
	bind_row(st, 11, &m[1], message_id[1]);
	db_bind_int(st, 9, now);
	return db_insert(db, st, "mail insert") > 0 ? 0 : -1;
}

/* Reads the ROW_COLS of the current result row into r (strings in a). */
static void
read_row(struct arena *a, sqlite3_stmt *st, struct mail_row *r)
{
	r->id = db_col_int(st, 0);
	r->to = db_col_text(a, st, 1);
	r->to_name = db_col_text(a, st, 2);
	r->reply_to = db_col_text(a, st, 3);
	r->reply_to_name = db_col_text(a, st, 4);
	r->subject = db_col_text(a, st, 5);
	r->text = db_col_text(a, st, 6);
	r->html = db_col_null(st, 7) ? NULL : db_col_text(a, st, 7);
	r->message_id = db_col_text(a, st, 8);
	r->status = db_col_text(a, st, 9);
	r->last_error = db_col_text(a, st, 10);
	r->claimed_by = db_col_text(a, st, 11);
	r->attempts = db_col_int(st, 12);
	r->rejections = db_col_int(st, 13);
	r->next_attempt_at = db_col_int(st, 14);
	r->claimed_until = db_col_int(st, 15);
	r->created_at = db_col_int(st, 16);
	r->queued_at = db_col_int(st, 17);
	r->sent_at = db_col_int(st, 18);
	r->in_reply_to = db_col_text(a, st, 19);
	r->refs = db_col_text(a, st, 20);
}

/* Steps st to the end, collecting rows into *rows (at most max).
 * Returns the count or -1. */
static int
collect(struct db *db, struct arena *a, sqlite3_stmt *st, int max,
    struct mail_row **rows, const char *what)
{
	int n = 0, rc;

	*rows = arena_alloc(a, (size_t)(max > 0 ? max : 1) * sizeof(**rows));
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		if (n < max)
			read_row(a, st, &(*rows)[n++]);
	db_done(st);
	if (rc != SQLITE_DONE)
		return db_fail(db, what);
	return n;
}

/* qsort order of mail_row by id. */
static int
by_id(const void *a, const void *b)
{
	const struct mail_row *x = a, *y = b;

	return x->id < y->id ? -1 : x->id > y->id;
}

int
db_mail_claim(struct db *db, struct arena *a, const char *who, long long now,
    long long lease, long long after, int max, struct mail_row **rows)
{
	sqlite3_stmt *st;
	int n;

	if (db_begin(db) < 0)
		return -1;
	if ((st = db_stmt(db, &stmts, Q_CLAIM)) == NULL) {
		db_rollback(db);
		return -1;
	}
	db_bind_text(st, 1, who);
	db_bind_int(st, 2, now + lease);
	db_bind_int(st, 3, now);
	db_bind_int(st, 4, after);
	db_bind_int(st, 5, max);
	if ((n = collect(db, a, st, max, rows, "mail claim")) < 0 ||
	    db_commit(db) < 0) {
		db_rollback(db);
		return -1;
	}
	/* RETURNING gives no order. */
	qsort(*rows, (size_t)n, sizeof(**rows), by_id);
	return n;
}

int
db_mail_finish(struct db *db, long long id, const char *who,
    enum mail_outcome o, long long now, long long next_at, const char *err,
    int rejected)
{
	sqlite3_stmt *st;
	int q = o == MAIL_SENT ? Q_SENT : o == MAIL_RETRY ? Q_RETRY : Q_FAILED;

	if ((st = db_stmt(db, &stmts, q)) == NULL)
		return -1;
	db_bind_int(st, 1, id);
	db_bind_text(st, 2, who);
	db_bind_int(st, 3, o == MAIL_RETRY ? next_at : now);
	if (o != MAIL_SENT) {
		db_bind_text(st, 4, err ? err : "unknown error");
		db_bind_int(st, 5, rejected ? 1 : 0);
	}
	if (db_step_done(db, st, "mail finish") < 0)
		return -1;
	return sqlite3_changes(db_sqlite(db)) > 0;
}

/* Runs a one-row-count update with up to two integer binds. */
static int
update_count(struct db *db, int q, long long a, long long b, int nbind,
    const char *what)
{
	sqlite3_stmt *st;

	if ((st = db_stmt(db, &stmts, q)) == NULL)
		return -1;
	db_bind_int(st, 1, a);
	if (nbind > 1)
		db_bind_int(st, 2, b);
	if (db_step_done(db, st, what) < 0)
		return -1;
	return sqlite3_changes(db_sqlite(db));
}

int
db_mail_all_due(struct db *db, long long now)
{
	return update_count(db, Q_ALL_DUE, now, 0, 1, "mail all due");
}

int
db_mail_list(struct db *db, struct arena *a, const char *status, int limit,
    struct mail_row **rows)
{
	sqlite3_stmt *st;

	if ((st = db_stmt(db, &stmts, Q_LIST)) == NULL)
		return -1;
	db_bind_text(st, 1, status ? status : "");
	db_bind_int(st, 2, limit);
	return collect(db, a, st, limit, rows, "mail list");
}

int
db_mail_get(struct db *db, struct arena *a, long long id, struct mail_row *row)
{
	sqlite3_stmt *st;
	struct mail_row *rows;
	int n;

	if ((st = db_stmt(db, &stmts, Q_GET)) == NULL)
		return -1;
	db_bind_int(st, 1, id);
	if ((n = collect(db, a, st, 1, &rows, "mail get")) < 0)
		return -1;
	if (n == 0)
		return 1;
	*row = rows[0];
	return 0;
}

int
db_mail_last_to(struct db *db, struct arena *a, const char *to,
    const char *about, struct mail_row *row)
{
	sqlite3_stmt *st;
	struct mail_row *rows;
	int n;

	if ((st = db_stmt(db, &stmts, Q_LAST_TO)) == NULL)
		return -1;
	db_bind_text(st, 1, to);
	db_bind_text(st, 2, about);
	if ((n = collect(db, a, st, 1, &rows, "mail last to")) < 0)
		return -1;
	if (n == 0)
		return 1;
	*row = rows[0];
	return 0;
}

int
db_mail_requeue(struct db *db, long long id, long long now)
{
	if (id == 0)
		return update_count(db, Q_REQUEUE_ALL, now, 0, 1, "mail requeue");
	return update_count(db, Q_REQUEUE_ONE, id, now, 2, "mail requeue");
}

int
db_mail_counts(struct db *db, long long counts[4])
{
	static const char *const names[4] = { "queued", "sending", "sent", "failed" };
	sqlite3_stmt *st;
	int rc;

	memset(counts, 0, 4 * sizeof(*counts));
	if ((st = db_stmt(db, &stmts, Q_COUNTS)) == NULL)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *s = (const char *)sqlite3_column_text(st, 0);
		for (int i = 0; i < 4; i++)
			if (s != NULL && strcmp(s, names[i]) == 0)
				counts[i] = db_col_int(st, 1);
	}
	db_done(st);
	return rc == SQLITE_DONE ? 0 : db_fail(db, "mail counts");
}
