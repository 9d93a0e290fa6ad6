/* db_messages.h — the messages table: what shoppers write through
 * /contact, kept for the admin inbox. */
#ifndef SOUK_DB_MESSAGES_H
#define SOUK_DB_MESSAGES_H
#include <stddef.h>

#include "arena.h"
#include "db.h"

struct contact_message {
	const char	*name, *email, *subject, *body;
	const char	*order_ref;	/* "" when none */
	const char	*lang;		/* "en", "fr" */
	const char	*client_addr, *user_agent;
	long long	 mail_id;	/* the copy queued to the shop, 0 none */
};

/* Inserts m (inside the caller's transaction).  Returns the new id or -1. */
long long	db_message_add(struct db *, const struct contact_message *m,
		    long long now);

/* A message as its writer sees it again (the privacy export). */
struct sent_message {
	const char	*subject, *body, *order_ref, *status;
	long long	 created_at;
};
/* The messages written from e-mail address norm (lower case, as
 * order_email_norm() makes it), oldest first, at most 500, into *out
 * (arena).  0 or -1. */
int		db_messages_from(struct db *, struct arena *, const char *norm,
		    struct sent_message **out, size_t *n);

#endif
