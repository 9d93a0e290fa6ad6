/* db_subs.h — the tables of subscriptions (schema.sql, migration 011):
 * subscriptions and their periods, the credential pool, reminders sent.
 * Rules are in subs.h and cred.h; these run inside the caller's
 * transaction. */
#ifndef SOUK_DB_SUBS_H
#define SOUK_DB_SUBS_H
#include <stddef.h>

#include "arena.h"
#include "db.h"

/* A subscription line of a paid order. */
struct sub_line {
	long long	 line, product_id, plan_id, user_id;
	int		 months, days, qty;
	const char	*email_norm, *lang, *email, *order_token;
};
/* The subscription lines of order_id without a period yet. 0 or -1. */
int	db_sub_lines(struct db *, struct arena *, long long order_id,
	    struct sub_line **out, size_t *n);

struct subscription {
	long long	 id, product_id, plan_id, order_id, user_id;
	long long	 starts_at, ends_at;
	const char	*state, *reason, *access, *email_norm, *lang;
	const char	*product_name, *product_slug, *order_token, *email;
	int		 months, days;	/* of its plan (renewals) */
};
/* The customer's live or suspended subscription to product_id (by
 * user_id when not 0, else by email_norm): 0, DB_NONE or -1. */
int	db_sub_find(struct db *, struct arena *, long long user_id,
	    const char *email_norm, long long product_id, struct subscription *);
int	db_sub_get(struct db *, struct arena *, long long id,
	    struct subscription *);
/* A new subscription; its id, or -1. */
long long db_sub_create(struct db *, const struct sub_line *, long long order_id,
	    long long starts, long long ends, long long now);
/* Sets ends_at (and state live unless suspended); 0 or -1. */
int	db_sub_extend(struct db *, long long id, long long ends, long long now);
/* Records order_id line as a period of subscription id; 0 or -1. */
int	db_sub_period(struct db *, long long id, long long order_id, long long line,
	    long long starts, long long ends);
/* state = live|suspended|cancelled with reason; 0 or -1. */
int	db_sub_state(struct db *, long long id, const char *state,
	    const char *reason, long long now);
/* access = none|waiting|ready; 0 or -1. */
int	db_sub_access(struct db *, long long id, const char *access,
	    long long now);
/* Inside the caller's transaction: cancels (with reason) the
 * subscription that line `line` of order_id started; the number
 * cancelled (0 or 1), or -1. */
int	db_sub_cancel_line(struct db *, long long order_id, long long line,
	    const char *reason, long long now);
/* Subscriptions first made by order_id; 0 or -1. */
int	db_sub_of_order(struct db *, struct arena *, long long order_id,
	    struct subscription **out, size_t *n);
/* A customer's subscriptions (user_id, or verified email_norm). */
int	db_sub_of_user(struct db *, struct arena *, long long user_id,
	    const char *email_norm, struct subscription **out, size_t *n);
/* Live subscriptions ending in (from, to], soonest end first (then by
 * id), at most limit; 0 or -1.  Batches: the next one is asked with from
 * and after the end and id of the last one seen (after = LLONG_MAX for
 * the first, so that none ending at from is included). */
int	db_sub_ending(struct db *, struct arena *, long long from, long long to,
	    long long after, long long limit, struct subscription **out,
	    size_t *n);
/* Waiting subscriptions of product_id, oldest first. */
int	db_sub_waiting(struct db *, struct arena *, long long product_id,
	    struct subscription **out, size_t *n);

/* product_delivery.access of product_id ("staff" when no row). */
const char *db_delivery_access(struct db *, struct arena *, long long product_id);
/* The product's own reminder days ("" : the setting). */
const char *db_delivery_reminders(struct db *, struct arena *,
	    long long product_id);
/* Makes product_id a pool product; 0 or -1. */
int	db_delivery_set_pool(struct db *, long long product_id);

/* Adds a sealed credential; its id or -1. */
long long db_cred_add(struct db *, long long product_id, const void *nonce,
	    size_t nlen, const void *box, size_t blen, long long now);
/* Gives the oldest free credential of product_id to subscription sub:
 * its id, 0 when the pool is empty, -1 on error. */
long long db_cred_assign(struct db *, long long product_id, long long sub,
	    long long now);
/* Free credentials of product_id, or -1. */
long long db_cred_free(struct db *, long long product_id);
/* The sealed credential of subscription sub into arena copies: 0,
 * DB_NONE, -1. */
int	db_cred_of(struct db *, struct arena *, long long sub,
	    const unsigned char **nonce, size_t *nlen, const unsigned char **box,
	    size_t *blen);

/* 1 when the reminder (sub, kind, ends_at) was sent, 0 when not, -1. */
int	db_reminder_sent(struct db *, long long sub, const char *kind,
	    long long ends_at);
/* Inserts the reminder (sub, kind, ends_at) unless it was sent: 1 when
 * inserted now (send it), 0 when it was there, -1 on error. */
int	db_reminder_claim(struct db *, long long sub, const char *kind,
	    long long ends_at, long long now);

/* Every subscription (any state) of product_id (0: all), soonest end
 * first, at most limit (arena); 0 or -1. */
int	db_sub_list(struct db *, struct arena *, long long product_id,
	    int limit, struct subscription **out, size_t *n);
/* Gives credential cred (free) to subscription sub; 0 or -1. */
int	db_cred_give(struct db *, long long cred, long long sub, long long now);
/* Deletes the credential subscription sub holds (replaced by staff: a
 * credential once shown never returns to the pool); 0 or -1. */
int	db_cred_drop(struct db *, long long sub);

/* The id of the credential subscription sub holds, 0 when none, -1. */
long long db_cred_held(struct db *, long long sub);
/* Puts the credential subscription sub holds back in its pool (free
 * again); 0 or -1. */
int	db_cred_release(struct db *, long long sub);
/* Like db_cred_assign(), but never credential `except` (the one being
 * replaced): its id, 0 when no other is free, -1. */
long long db_cred_assign_other(struct db *, long long product_id,
	    long long sub, long long except, long long now);

/* One subscription product's pool (the admin's credentials page). */
struct cred_pool {
	long long	 product_id, free, given, waiting;
	const char	*slug, *name, *access;	/* access: pool | staff */
};
/* Every subscription product with its pool counts (arena); 0 or -1. */
int	db_cred_pools(struct db *, struct arena *, struct cred_pool **out,
	    size_t *n);

#endif
