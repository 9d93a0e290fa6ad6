/* message_reply.h — answering a contact message (store layer): the reply
 * is queued to the shopper through the outbox, threaded after the shop's
 * copy of the message and the earlier replies (In-Reply-To, References),
 * recorded in message_replies, and the message becomes "answered" — all in
 * the caller's transaction, so the caller's audit row commits with them.
 * Also: which order a message speaks of (its order field, else a
 * reference written in its subject or text). */
#ifndef SOUK_MESSAGE_REPLY_H
#define SOUK_MESSAGE_REPLY_H
#include "arena.h"
#include "db.h"
#include "db_messages.h"
#include "mail.h"

/* In-Reply-To (the newest mail of the thread) and References (the whole
 * thread, oldest dropped first to stay within MAIL_REFS_MAX) for a new
 * reply to msg whose earlier replies are r[0..n); "" when the thread has
 * no mail yet.  Strings in a. */
void	message_thread(struct arena *, const struct message_row *msg,
	    const struct message_reply *r, size_t n, const char **in_reply_to,
	    const char **references);
/* Queues m (to, subject, text set by the caller; threading filled in
 * here) and records the reply `body` by user/author, marks the message
 * answered.  Inside the caller's transaction.  0 or -1. */
int	message_reply(struct db *, struct arena *, const struct message_row *msg,
	    struct mail *m, long long user_id, const char *author,
	    const char *body, long long now);
/* The id of the order msg names (order field, or the first order
 * reference in the subject or body), 0 when none, -1 on error. */
long long message_order(struct db *, const struct message_row *msg);

#endif
