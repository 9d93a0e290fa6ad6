/* db_messages.h — the messages table: what shoppers write through
 * /contact, kept for the admin inbox. */
#ifndef SOUK_DB_MESSAGES_H
#define SOUK_DB_MESSAGES_H
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

#endif
