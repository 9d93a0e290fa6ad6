/* mail_queue.c — mail_enqueue() and friends; see mail.h. */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "conf.h"
#include "db_internal.h"
#include "log.h"
#include "mail.h"
#include "rand.h"
#include "tmpl.h"
#include "utf8.h"
#include "valid.h"

enum { Q_INSERT, Q__MAX };
static const char *const sql[Q__MAX] = {
	[Q_INSERT] = "INSERT INTO mail_outbox(to_addr, to_name, reply_to, "
	    "subject, body_text, body_html, next_attempt_at, message_id, "
	    "created_at) VALUES (?, ?, ?, ?, ?, ?, ?7, ?, ?7)",
};
DB_STMTS(stmts, sql, Q__MAX);

int
mail_header_safe(const char *s, size_t max)
{
	size_t n = strlen(s);

	return n <= max && utf8_valid(s, n) && !utf8_has_controls(s, n, 0) &&
	    strchr(s, '\t') == NULL;
}

/* The part of mail_from after '@' (for Message-IDs). */
static const char *
domain(void)
{
	const char *at = strrchr(conf_str(CONF_MAIL_FROM), '@');

	return at && at[1] ? at + 1 : "localhost";
}

long long
mail_enqueue(struct db *db, const struct mail *m)
{
	const char *err;
	char token[32], msgid[128];
	sqlite3_stmt *st;
	long long now = (long long)time(NULL);
	int rc;

	if (m->to == NULL || valid_email(m->to, &err) < 0 ||
	    (m->reply_to && *m->reply_to && valid_email(m->reply_to, &err) < 0) ||
	    (m->to_name && !mail_header_safe(m->to_name, 200)) ||
	    m->subject == NULL || !mail_header_safe(m->subject, 998) ||
	    m->text == NULL || !utf8_valid(m->text, strlen(m->text))) {
		log_error("mail: refused to queue a mail with an unsafe header "
		    "or body");
		return -1;
	}
	rand_token(token, 18);
	snprintf(msgid, sizeof(msgid), "<%lld.%s@%s>", now, token, domain());
	if ((st = db_stmt(db, &stmts, Q_INSERT)) == NULL)
		return -1;
	db_bind_text(st, 1, m->to);
	db_bind_text(st, 2, m->to_name ? m->to_name : "");
	db_bind_text(st, 3, m->reply_to ? m->reply_to : "");
	db_bind_text(st, 4, m->subject);
	db_bind_text(st, 5, m->text);
	db_bind_text(st, 6, m->html);
	db_bind_int(st, 7, now);
	db_bind_text(st, 8, msgid);
	if ((rc = db_step_done(db, st, "mail enqueue")) < 0)
		return -1;
	return sqlite3_last_insert_rowid(db_sqlite(db));
}

int
mail_render(enum lang l, const char *name, struct buf *out)
{
	return tmpl_render(l, name, TMPL_TEXT, out);
}
