/* mail.h — the durable outbox and its senders.
 *
 * A program never talks SMTP while handling a request: it calls
 * mail_enqueue() inside the transaction that records what the mail is about
 * (the contact message, the order), so both commit or neither does, then
 * site_mail_defer() (lib/site) so the mail leaves right after the response.  What
 * cannot leave then (SMTP down, slow, refusing) is retried by
 * `soukctl mail run` / `soukctl mail daemon` (docs/mail.md).
 *
 * Header safety is ours to guarantee (libesmtp passes CR/LF through):
 * mail_enqueue() refuses any address, name or subject holding CR, LF, NUL or
 * another control character, and any address that is not exactly one plain
 * address; the sender checks every field again when it builds the message
 * (mail_format.h).  Input validation uses the same rules (V_LINE is
 * mail_header_safe(), V_EMAIL implies mail_addr_safe()) and refuses them
 * earlier with a 4xx next to the field, so a valid form never fails here;
 * these are the second and third walls.
 *
 * Delivery, one batch at a time:
 *   1. claim: due rows become 'sending' under this sender's name in one
 *      BEGIN IMMEDIATE transaction (db_mail.h), so two senders never hold
 *      the same row; a crashed sender's claim expires;
 *   2. one SMTP session (libesmtp) carries the batch: STARTTLS per
 *      smtp_starttls, AUTH when smtp_user is set, every wait bounded by
 *      smtp_timeout (the connection too);
 *   3. each row: 2xx -> sent; 4xx, no answer, or a refused session (MAIL
 *      FROM, greeting, TLS, AUTH: the server or our settings, not this
 *      mail) -> queued again after an exponential backoff; 5xx to RCPT or
 *      DATA -> retried until it has had mail_5xx_attempts of them, then
 *      failed; any row still unsent mail_give_up seconds after it was
 *      queued -> failed.  last_error keeps the server's words. */
#ifndef SOUK_MAIL_H
#define SOUK_MAIL_H
#include <signal.h>
#include <stddef.h>

#include "buf.h"
#include "db.h"
#include "lang.h"
#include "mail_format.h"

/* An address nobody has verified (a shopper's, a contact form's) gets
 * mail that carries no text its sender typed: no display name in To:, and
 * the caller renders subject and body without the visitor's free text
 * (docs/mail-safety.md).  mail_enqueue() refuses a to_name unless
 * to_verified says the address is the shop's own or was proved by its
 * owner. */
struct mail {
	const char	*to;		/* one address */
	const char	*to_name;	/* display name or NULL; needs to_verified */
	int		 to_verified;	/* 1: see above; 0 for shoppers' input */
	const char	*reply_to;	/* one address or NULL */
	const char	*subject;	/* UTF-8, one line */
	const char	*text;		/* UTF-8 plain-text body */
	const char	*html;		/* optional HTML body, NULL for none */
	const char	*reply_to_name;	/* display name for reply_to or NULL */
	/* Threading (RFC 5322 3.6.4), NULL for none: the Message-ID this
	 * answers, and the thread's Message-IDs separated by one space
	 * (oldest first); each is checked by mail_msgid_safe(). */
	const char	*in_reply_to;
	const char	*references;
};

/* Queues m for delivery as soon as possible, its outbox id into *id
 * unless id is NULL.  Returns 0, or -1 (logged, no row) when a field is
 * unsafe or the insert failed — the caller then rolls its transaction
 * back. */
int		mail_enqueue(struct db *, const struct mail *m, long long *id);
/* mail_enqueue() of m[0..n) in order, two rows a statement (an order's
 * mails).  0, or -1 (logged) when any is unsafe (then nothing is queued)
 * or an insert failed — the caller rolls its transaction back. */
int		mail_enqueue_all(struct db *, const struct mail *m, size_t n);
/* Renders templates/<name>.cs as plain text (no HTML escaping) in lang,
 * from what the caller put under Page.* or Mail.* in tmpl_hdf(lang), into
 * out; the Mail.* subtree is removed afterwards (use it for a language
 * other than the request's, whose Page.* is cleared per request).
 * Returns 0 or -1. */
int		mail_render(enum lang, const char *name, struct buf *out);
/* One value for a mail template: Mail.<name> = value. */
struct mail_var {
	const char	*name;
	const char	*value;
};
/* mail_render() for callers without HDF (the store layer): puts vars[0..n)
 * under Mail.* first.  Returns 0 or -1. */
int		mail_render_vars(enum lang, const char *name,
		    const struct mail_var *vars, size_t n, struct buf *out);

/* Rows a program sends right after its response (the rest waits). */
#define MAIL_BATCH_AFTER_RESPONSE 5

struct mail_run_opts {
	int				 batch;	/* rows per session; 0: 20 */
	int				 one_batch;	/* stop after one */
	int				 now;	/* first make all queued due */
	const volatile sig_atomic_t	*stop;	/* set: stop between batches */
};

struct mail_stats {
	int	sent, retry, failed;
	int	unreachable;	/* a session ended before the server said
				   anything about any mail (down, silent,
				   TLS or greeting refused) */
};

/* Delivers due mail: claims batches (each row at most once per call) and
 * sends each over one SMTP session, until nothing is due or the server
 * cannot be reached.  Adds to *st.  Returns 0, or -1 when the settings or
 * the database are wrong (logged). */
int		mail_run(struct db *, const struct mail_run_opts *,
		    struct mail_stats *st);
/* Seconds to wait before attempt attempts + 1: base * 2^(attempts - 1),
 * at most max (jitter is added by the caller). */
long long	mail_retry_delay(long long attempts, long long base, long long max);

#endif
