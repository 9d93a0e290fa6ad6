/* grant.h — "assign content to a client": staff give a customer account
 * a digital product (a film, a series, a season, an episode, an e-book)
 * without an order, and take it back.  The admin's customer page and
 * `soukctl entitlement grant|revoke --grant` call these, nothing else
 * (docs/delivery.md "Granted by staff").
 *
 * A grant is an entitlement with no order (db_grant.h): it shows in the
 * customer's library and downloads like a bought one (a series or a
 * season covers its episodes, added later too), with its own download
 * allowance and end.  Each call is one transaction (BEGIN IMMEDIATE)
 * holding the change, the audit row (kind "user", the account's id) and,
 * for a grant, the customer's "added to your library" mail.  Who may:
 * PERM_GRANT (staff_perm.h), checked again here. */
#ifndef SOUK_GRANT_H
#define SOUK_GRANT_H
#include "arena.h"
#include "customer.h"
#include "db.h"

#define GRANT_REASON_MAX	500	/* characters */
#define GRANT_DAYS_MAX		36600
#define GRANT_DOWNLOADS_MAX	1000

struct grant_req {
	long long	 user_id;
	const char	*product;	/* slug of an active digital product */
	long long	 days;		/* downloadable for; 0: for ever; -1:
					 * the download_days setting */
	long long	 downloads;	/* per file; 0: unlimited; -1: the
					 * download_limit setting */
	const char	*reason;	/* why (audit, admin page); may be "" */
};

enum grant_result {
	GRANT_ERROR = -1,
	GRANT_OK = 0,
	GRANT_FORBIDDEN,	/* the actor's role may not */
	GRANT_NO_USER,		/* no such account, or a deleted one */
	GRANT_NO_PRODUCT,	/* no active digital product of that slug */
	GRANT_HELD,		/* the account already holds it (live) */
	GRANT_INPUT,		/* days, downloads or reason out of range */
	GRANT_NONE,		/* revoke: not a live grant of that account */
};

/* Grants r at now by actor a, audited "grant", the customer mailed; the
 * entitlement's id into *id. */
enum grant_result grant_add(struct db *, struct arena *,
	    const struct staff_actor *a, const struct grant_req *r,
	    long long now, long long *id);
/* Revokes the live grant ent_id of account user_id (0: whoever holds
 * it) at now, audited "grant_revoke"; its holder into *user_id when
 * not NULL.  Entitlements from orders are not grants (refunds revoke
 * them): GRANT_NONE. */
enum grant_result grant_revoke(struct db *, struct arena *,
	    const struct staff_actor *a, long long ent_id, long long *user_id,
	    long long now);

#endif
