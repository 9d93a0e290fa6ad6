/* mail.h — the durable outbox.
 *
 * A program never talks SMTP while handling a request: it calls
 * mail_enqueue() inside the transaction that records what the mail is about
 * (the contact message, the order), so both commit or neither does.  The
 * sender delivers queued rows later (see README "Mail").
 *
 * Header safety is ours to guarantee (libesmtp passes CR/LF through):
 * mail_enqueue() refuses any address, name or subject holding CR, LF, NUL or
 * another control character, and any address that is not exactly one valid
 * address.  Input validation refuses them earlier with a 400; this is the
 * second wall. */
#ifndef SOUK_MAIL_H
#define SOUK_MAIL_H
#include "buf.h"
#include "db.h"
#include "lang.h"

struct mail {
	const char	*to;		/* one address */
	const char	*to_name;	/* display name or NULL */
	const char	*reply_to;	/* one address or NULL */
	const char	*subject;	/* UTF-8, one line */
	const char	*text;		/* UTF-8 plain-text body */
	const char	*html;		/* optional HTML body, NULL for none */
};

/* Queues m for delivery as soon as possible.  Returns the outbox id, or -1
 * (logged) when a field is unsafe or the insert failed — the caller should
 * then roll its transaction back. */
long long	mail_enqueue(struct db *, const struct mail *m);
/* Renders templates/<name>.cs as plain text (no HTML escaping) in lang,
 * from what the caller put under Page.* in tmpl_hdf(lang), into out.
 * Returns 0 or -1. */
int		mail_render(enum lang, const char *name, struct buf *out);
/* 1 when s may go into a mail header: valid UTF-8, no control characters,
 * at most max bytes. */
int		mail_header_safe(const char *s, size_t max);

#endif
