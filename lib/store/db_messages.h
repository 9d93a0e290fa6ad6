/* db_messages.h — the messages table: what shoppers write through
 * /contact, kept for the admin inbox, and the replies staff send from it
 * (message_replies).  Strings live in the caller's arena; writes run
 * inside the caller's transaction. */
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

/* A stored message as the inbox shows it. */
struct message_row {
	long long	 id, created_at;
	const char	*name, *email, *subject, *body, *order_ref, *lang;
	const char	*status;	/* new, read, answered, archived, spam */
	const char	*copy_msgid;	/* Message-ID of the shop's copy, "" */
	long long	 nreplies;
};

/* Which messages the inbox lists. */
enum message_box {
	MBOX_OPEN,	/* not handled: new, read, answered */
	MBOX_UNREAD,	/* new */
	MBOX_HANDLED,	/* archived */
	MBOX_ALL,
	MBOX__MAX
};
/* "open", "unread", "handled", "all" (the inbox's box= values). */
extern const char *const message_boxes[];

/* Messages of box, newest first, ids below before (0: from the newest),
 * at most limit, bodies cut to 200 bytes, into *rows.  Returns 0 or -1. */
int	db_message_list(struct db *, struct arena *, enum message_box,
	    long long before, long long limit, struct message_row **rows,
	    size_t *n);
/* The message id (whole body): 0, DB_NONE, -1. */
int	db_message_get(struct db *, struct arena *, long long id,
	    struct message_row *);
/* Sets its status (one of the CHECK's); when only_from is not NULL, only
 * if the status is that one.  Returns the rows changed (0 or 1), or -1. */
int	db_message_set_status(struct db *, long long id, const char *status,
	    const char *only_from);

struct message_reply {
	long long	 id, created_at;
	const char	*author, *body;
	const char	*mail_status;	/* the outbox row's, "" when gone */
	const char	*msgid;		/* its Message-ID, "" when gone */
};
/* The replies to message id, oldest first.  Returns 0 or -1. */
int	db_message_replies(struct db *, struct arena *, long long id,
	    struct message_reply **rows, size_t *n);
/* Records a reply (mail_id: the mail queued for it).  Its id or -1. */
long long db_message_reply_add(struct db *, long long message_id,
	    long long user_id, const char *author, const char *body,
	    long long mail_id, long long now);
/* The id of the order whose reference is ref (exact), 0 when none, -1. */
long long db_message_order_id(struct db *, const char *ref);
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
