/* db_mail.h — the mail_outbox table (schema.sql, "Contact and mail").
 *
 * Claiming is what keeps two senders from sending one mail twice:
 * db_mail_claim() moves due rows to 'sending' under one sender's name in a
 * single BEGIN IMMEDIATE transaction, so a row is handed to one sender
 * only; every later update names that sender and is ignored if the claim
 * was lost (expired and taken by another).  A claim expires at
 * claimed_until, so a sender that crashed holding rows delays them but
 * loses nothing. */
#ifndef SOUK_DB_MAIL_H
#define SOUK_DB_MAIL_H
#include "arena.h"
#include "db.h"

struct mail;

struct mail_row {
	long long	 id;
	const char	*to, *to_name, *reply_to, *reply_to_name;
	const char	*subject, *text, *html;	/* html NULL when none */
	const char	*message_id;
	const char	*in_reply_to, *refs;	/* "" when none */
	const char	*status, *last_error, *claimed_by;
	long long	 attempts;	/* including the claim that returned it */
	long long	 rejections;	/* 5xx replies so far */
	long long	 next_attempt_at, claimed_until;
	long long	 created_at, queued_at, sent_at;
};

enum mail_outcome {
	MAIL_SENT,
	MAIL_RETRY,	/* back to queued until next_at */
	MAIL_FAILED,	/* given up */
};

/* Inserts a queued row (inside the caller's transaction).  Returns the new
 * id, or -1 (logged). */
long long	 db_mail_insert(struct db *, const struct mail *,
		    const char *message_id, long long now);
/* Inserts m[0] and m[1] as queued rows in one statement (inside the
 * caller's transaction; ids in order).  0, or -1 (logged; neither row). */
int		 db_mail_insert_pair(struct db *, const struct mail *m,
		    const char *const message_id[2], long long now);
/* In its own transaction, claims for `who` until now + lease at most max
 * rows with id > after that are due (queued with next_attempt_at <= now,
 * or 'sending' with an expired claim), oldest first, counting one more
 * attempt on each.  *rows (arena) gets them in id order.  Returns the
 * number claimed, or -1. */
int		 db_mail_claim(struct db *, struct arena *, const char *who,
		    long long now, long long lease, long long after, int max,
		    struct mail_row **rows);
/* Records the outcome of a claimed row, only while `who` still holds it.
 * next_at: MAIL_RETRY's next attempt; err: why it was not sent (NULL for
 * MAIL_SENT); rejected: 1 when the reply was a 5xx.  Returns 1 when
 * recorded, 0 when the claim had been lost, -1 on error.  Run several
 * inside one db_begin()/db_commit(). */
int		 db_mail_finish(struct db *, long long id, const char *who,
		    enum mail_outcome, long long now, long long next_at,
		    const char *err, int rejected);
/* Makes every queued row due at now (soukctl mail run --now).  Returns
 * the number of rows, or -1. */
int		 db_mail_all_due(struct db *, long long now);
/* The newest rows (status "" for any), at most limit, into *rows (arena),
 * bodies left out.  Returns the count or -1. */
int		 db_mail_list(struct db *, struct arena *, const char *status,
		    int limit, struct mail_row **rows);
/* Row id into *row (arena).  Returns 0, 1 when there is none, -1. */
int		 db_mail_get(struct db *, struct arena *, long long id,
		    struct mail_row *row);
/* The newest row to address `to` (any case) whose subject holds `about`
 * (an order's reference) into *row (arena).  0, 1 none, -1. */
int		 db_mail_last_to(struct db *, struct arena *, const char *to,
		    const char *about, struct mail_row *row);
/* Requeues failed row id (or a queued one, making it due now), resetting
 * its attempts and its give-up clock; id 0: every failed row.  Returns
 * the number requeued, or -1. */
int		 db_mail_requeue(struct db *, long long id, long long now);
/* Rows per status into counts[4]: queued, sending, sent, failed. */
int		 db_mail_counts(struct db *, long long counts[4]);

#endif
