/* subs_act.h — what staff do to one subscription (the admin's
 * subscription page and soukctl subscription call these, nothing else
 * changes a subscription by hand; docs/delivery.md "Staff actions").
 *
 *	extend    by months and days: from its end while it runs, from now
 *	          once it has ended (never a cancelled one)
 *	suspend   a live one, with a reason
 *	resume    a suspended one
 *	cancel    a live or suspended one, with a reason
 *	reassign  a pool product's subscription gets another free credential
 *	          of its pool; the one it held is deleted (retired) or put
 *	          back in the pool (give_back), never given again to it in
 *	          the same move
 *
 * Each runs inside the caller's transaction (with the caller's audit
 * row) and queues the customer's mail (subs_mail(): extended, suspended,
 * resumed, cancelled, replaced).  The credential moves by conditional
 * UPDATEs of credentials (subscription_id IS NULL, UNIQUE), so two
 * reassigns at once never give one credential to two subscriptions. */
#ifndef SOUK_SUBS_ACT_H
#define SOUK_SUBS_ACT_H
#include "arena.h"
#include "db.h"

enum sub_act {
	SUB_ACT_EXTEND,
	SUB_ACT_SUSPEND,
	SUB_ACT_RESUME,
	SUB_ACT_CANCEL,
	SUB_ACT_REASSIGN,
	SUB_ACT__MAX
};
/* "extend", "suspend", "resume", "cancel", "reassign", NULL. */
extern const char *const sub_act_names[];

struct sub_act_req {
	enum sub_act	 act;
	int		 months, days;	/* extend: at least one above 0 */
	const char	*reason;	/* suspend, cancel: required */
	int		 give_back;	/* reassign: old credential to the pool */
};

enum sub_act_result {
	SUBACT_ERROR = -1,
	SUBACT_OK = 0,
	SUBACT_NONE = 1,	/* no such subscription (DB_NONE) */
	SUBACT_STATE,		/* not allowed in its state */
	SUBACT_INPUT,		/* no period (extend) or no reason */
	SUBACT_NOT_POOL,	/* reassign: the product has no pool */
	SUBACT_NO_FREE,		/* reassign: no other free credential */
};

/* Does r to subscription id at now inside the caller's transaction;
 * *detail (arena) describes it for the audit row (never a secret).  On
 * anything but SUBACT_OK the caller rolls back (some rows may have
 * moved). */
enum sub_act_result subs_act(struct db *, struct arena *, long long id,
	    const struct sub_act_req *r, long long now, const char **detail);

#endif
