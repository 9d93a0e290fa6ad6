/* customer.h — what staff do to accounts from the back office (store
 * layer): create a client account, send it a set-password link, disable
 * or enable it, end its sessions, change its role, write a private note.
 * Each is one transaction (BEGIN IMMEDIATE) holding the change, the
 * audit row and the mail it queues; each checks the permission table
 * (staff_perm.h) again for the actor and the rules below, so the admin
 * pages, a later API and soukctl share them.
 *
 * Rules: no action changes the actor's own account (they use /account);
 * no change leaves the store without an admin who can log in (the last
 * enabled admin is neither disabled nor demoted).  A disabled account
 * cannot log in and its sessions end with the change; a role change ends
 * the account's sessions too (as `soukctl user role` does).
 *
 * A created account is verified (staff typed its address) and has a
 * random password nobody knows: the welcome mail carries a single-use
 * set-password link (the password-reset token, valid CUSTOMER_INVITE_TTL)
 * instead of a password, so no password ever travels or waits in a
 * mailbox (docs/admin.md "Customers"). */
#ifndef SOUK_CUSTOMER_H
#define SOUK_CUSTOMER_H
#include "arena.h"
#include "db.h"
#include "db_user.h"
#include "mail.h"

#define CUSTOMER_INVITE_TTL	(3 * 86400)	/* seconds */

/* Who acts (the audit row names them). */
struct staff_actor {
	long long	 id;
	const char	*email;
	enum role	 role;
	const char	*addr;		/* client address, "" when none */
};

enum customer_result {
	CUST_OK = 0,
	CUST_TAKEN,		/* the e-mail already has an account */
	CUST_NONE,		/* no such account (or a deleted one) */
	CUST_SELF,		/* the actor's own account */
	CUST_LAST_ADMIN,	/* would leave no admin who can log in */
	CUST_FORBIDDEN,		/* the actor's role may not do this */
	CUST_BUSY,		/* every password-hash slot stayed busy */
	CUST_DISABLED,		/* the account is disabled (no invite) */
	CUST_ERROR = -1
};

/* Renders the welcome mail of account u (to, subject, text into *out,
 * strings living as long as the call's arena) with its set-password
 * link valid until expires_at.  Given by the site layer; 0 or -1. */
typedef int (*customer_mail_fn)(void *arg, const struct user *u,
	    const char *link, long long expires_at, struct mail *out);

struct customer_new {
	const char	*email;		/* valid_email_syntax() */
	const char	*name;		/* 1..100 characters */
	const char	*phone;		/* E.164 or "" */
	const char	*lang;		/* "en", "fr": its mails */
};

/* Creates a verified customer account for n, queues its welcome mail
 * (fn), audits "create"; the new id into *id.  CUST_TAKEN when the
 * address has an account. */
enum customer_result customer_create(struct db *, struct arena *,
	    const struct staff_actor *, const struct customer_new *n,
	    customer_mail_fn fn, void *arg, long long now, long long *id);
/* Mails account id a new set-password link (older ones stop working),
 * audited "invite". */
enum customer_result customer_invite(struct db *, struct arena *,
	    const struct staff_actor *, long long id, customer_mail_fn fn,
	    void *arg, long long now);
/* Disables (ending every session) or enables account id, audited. */
enum customer_result customer_set_disabled(struct db *, struct arena *,
	    const struct staff_actor *, long long id, int disabled,
	    long long now);
/* Ends every session of account id, audited; how many into *ended. */
enum customer_result customer_end_sessions(struct db *, struct arena *,
	    const struct staff_actor *, long long id, long long now,
	    long long *ended);
/* Gives account id the role r (customer, employee, admin; admins only),
 * ending its sessions, audited "role" with "old -> new". */
enum customer_result customer_set_role(struct db *, struct arena *,
	    const struct staff_actor *, long long id, enum role r,
	    long long now);
/* Adds a private note (1..2000 characters) on account id, audited. */
enum customer_result customer_note(struct db *, struct arena *,
	    const struct staff_actor *, long long id, const char *body,
	    long long now);

#endif
