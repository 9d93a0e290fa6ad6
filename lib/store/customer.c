/* customer.c — see customer.h. */
#include <stdio.h>
#include <string.h>

#include <sodium.h>

#include "conf.h"
#include "customer.h"
#include "db_customer.h"
#include "db_sess.h"
#include "db_staff.h"
#include "db_token.h"
#include "log.h"
#include "rand.h"
#include "staff_perm.h"
#include "user.h"

/* Adds the audit row of a's action on account id (inside the caller's
 * transaction); 0 or -1. */
static int
audit(struct db *db, struct arena *ar, const struct staff_actor *a,
    const char *action, long long id, const char *detail, long long now)
{
	struct audit_entry e = {
		.user_id = a->id, .actor = a->email, .action = action,
		.kind = "user", .object = arena_printf(ar, "%lld", id),
		.detail = detail ? detail : "", .addr = a->addr ? a->addr : "",
	};

	return db_audit_add(db, &e, now);
}

/* The account id to act on into *u, inside the transaction: CUST_OK,
 * CUST_NONE (none, or deleted), CUST_SELF (the actor's, unless
 * self_ok), CUST_FORBIDDEN (a's role may not p), CUST_ERROR. */
static enum customer_result
target(struct db *db, struct arena *ar, const struct staff_actor *a,
    enum perm p, long long id, int self_ok, struct user *u)
{
	int rc;

	if (!staff_may(a->role, p))
		return CUST_FORBIDDEN;
	if ((rc = db_user_by_id(db, ar, id, u)) < 0)
		return CUST_ERROR;
	if (rc != 0 || u->deleted)
		return CUST_NONE;
	if (!self_ok && u->id == a->id)
		return CUST_SELF;
	return CUST_OK;
}

/* 1 when changing u (an enabled admin) would leave no enabled admin,
 * 0 when not, -1 on error. */
static int
last_admin(struct db *db, const struct user *u)
{
	long long n;

	if (u->role != ROLE_ADMIN || u->disabled)
		return 0;
	if ((n = db_user_admins(db)) < 0)
		return -1;
	return n <= 1;
}

/* Ends the transaction: commit on CUST_OK, else roll back; returns r
 * (CUST_ERROR when the commit fails). */
static enum customer_result
finish(struct db *db, enum customer_result r)
{
	if (r == CUST_OK && db_commit(db) == 0)
		return CUST_OK;
	db_rollback(db);
	return r == CUST_OK ? CUST_ERROR : r;
}

/* Queues u's welcome mail with a new set-password link (voiding older
 * ones), inside the transaction; 0 or -1.  The link is only in the mail:
 * never logged. */
static int
invite_mail(struct db *db, struct arena *ar, const struct user *u,
    customer_mail_fn fn, void *arg, long long now)
{
	char tok[64], h[SECRET_HASH_LEN + 1];
	long long exp = now + CUSTOMER_INVITE_TTL;
	struct mail m;
	const char *link;

	rand_token(tok, 32);
	secret_hash(tok, h);
	link = arena_printf(ar, "%s/account/reset?token=%s",
	    conf_str(CONF_BASE_URL), tok);
	memset(&m, 0, sizeof(m));
	if (db_token_void(db, u->id, "reset", now) < 0 ||
	    db_token_add(db, h, u->id, "reset", NULL, exp, now) < 0 ||
	    fn(arg, u, link, exp, &m) < 0 || mail_enqueue(db, &m, NULL) < 0) {
		sodium_memzero(tok, sizeof(tok));
		return -1;
	}
	sodium_memzero(tok, sizeof(tok));
	return 0;
}

enum customer_result
customer_create(struct db *db, struct arena *ar, const struct staff_actor *a,
    const struct customer_new *n, customer_mail_fn fn, void *arg,
    long long now, long long *id)
{
	char secret[64], hash[PW_HASH_LEN], *norm;
	struct user u = { 0 };
	enum customer_result r = CUST_OK;
	int slot, rc;

	*id = 0;
	if (!staff_may(a->role, PERM_CUSTOMER_ACT))
		return CUST_FORBIDDEN;
	/* A password nobody knows (the owner sets theirs from the link),
	 * hashed before the write lock is taken. */
	rand_token(secret, 32);
	if ((slot = hash_slot_take(2000)) == -1)
		return CUST_BUSY;
	rc = password_hash(secret, hash);
	hash_slot_give(slot);
	sodium_memzero(secret, sizeof(secret));
	if (rc < 0)
		return CUST_ERROR;
	norm = arena_strdup(ar, n->email);
	email_norm(norm);
	if (db_begin(db) < 0)
		return CUST_ERROR;
	*id = db_user_add(db, n->email, norm, n->name, hash, ROLE_CUSTOMER,
	    n->lang, now);
	if (*id == -2)
		r = CUST_TAKEN;
	else if (*id < 0 ||
	    db_user_set_profile(db, *id, n->name, n->phone ? n->phone : "",
	    now) < 0 || db_user_set_verified(db, *id, now) < 0 ||
	    db_user_by_id(db, ar, *id, &u) != 0 ||
	    invite_mail(db, ar, &u, fn, arg, now) < 0 ||
	    audit(db, ar, a, "create", *id, arena_printf(ar, "%s (%s)",
	    n->email, n->lang), now) < 0)
		r = CUST_ERROR;
	if ((r = finish(db, r)) != CUST_OK)
		*id = 0;
	else
		log_info("account %lld (%s) created by %s", u.id, u.email,
		    a->email);
	return r;
}

enum customer_result
customer_invite(struct db *db, struct arena *ar, const struct staff_actor *a,
    long long id, customer_mail_fn fn, void *arg, long long now)
{
	struct user u;
	enum customer_result r;

	if (db_begin(db) < 0)
		return CUST_ERROR;
	r = target(db, ar, a, PERM_CUSTOMER_ACT, id, 0, &u);
	if (r == CUST_OK && u.disabled)
		r = CUST_DISABLED;
	if (r == CUST_OK && (invite_mail(db, ar, &u, fn, arg, now) < 0 ||
	    audit(db, ar, a, "invite", id, u.email, now) < 0))
		r = CUST_ERROR;
	return finish(db, r);
}

enum customer_result
customer_set_disabled(struct db *db, struct arena *ar,
    const struct staff_actor *a, long long id, int off, long long now)
{
	struct user u;
	enum customer_result r;
	int last;

	if (db_begin(db) < 0)
		return CUST_ERROR;
	r = target(db, ar, a, PERM_CUSTOMER_ACT, id, 0, &u);
	if (r == CUST_OK && off && (last = last_admin(db, &u)) != 0)
		r = last < 0 ? CUST_ERROR : CUST_LAST_ADMIN;
	if (r == CUST_OK && (db_user_set_disabled(db, id, off != 0, now) < 0 ||
	    (off && db_sess_delete_user(db, id, NULL) < 0) ||
	    audit(db, ar, a, off ? "disable" : "enable", id, u.email, now) < 0))
		r = CUST_ERROR;
	return finish(db, r);
}

enum customer_result
customer_end_sessions(struct db *db, struct arena *ar,
    const struct staff_actor *a, long long id, long long now,
    long long *ended)
{
	struct user u;
	enum customer_result r;

	*ended = 0;
	if (db_begin(db) < 0)
		return CUST_ERROR;
	r = target(db, ar, a, PERM_CUSTOMER_ACT, id, 0, &u);
	if (r == CUST_OK && ((*ended = db_sess_delete_user(db, id, NULL)) < 0 ||
	    audit(db, ar, a, "end_sessions", id, arena_printf(ar,
	    "%lld", *ended), now) < 0))
		r = CUST_ERROR;
	return finish(db, r);
}

enum customer_result
customer_set_role(struct db *db, struct arena *ar,
    const struct staff_actor *a, long long id, enum role to, long long now)
{
	struct user u;
	enum customer_result r;
	int last;

	if (role_name(to) == NULL)
		return CUST_ERROR;
	if (db_begin(db) < 0)
		return CUST_ERROR;
	r = target(db, ar, a, PERM_ROLES, id, 0, &u);
	if (r == CUST_OK && to != ROLE_ADMIN && (last = last_admin(db, &u)) != 0)
		r = last < 0 ? CUST_ERROR : CUST_LAST_ADMIN;
	if (r == CUST_OK && u.role != to &&
	    (db_user_set_role(db, id, to, now) < 0 ||
	    db_sess_delete_user(db, id, NULL) < 0 ||
	    audit(db, ar, a, "role", id, arena_printf(ar, "%s -> %s",
	    role_name(u.role), role_name(to)), now) < 0))
		r = CUST_ERROR;
	return finish(db, r);
}

enum customer_result
customer_note(struct db *db, struct arena *ar, const struct staff_actor *a,
    long long id, const char *body, long long now)
{
	struct user u;
	enum customer_result r;

	if (db_begin(db) < 0)
		return CUST_ERROR;
	/* A note on one's own account is fine: it changes nothing. */
	r = target(db, ar, a, PERM_CUSTOMER_NOTE, id, 1, &u);
	if (r == CUST_OK && (db_customer_note_add(db, id, a->id, a->email, body,
	    now) < 0 || audit(db, ar, a, "note", id, body, now) < 0))
		r = CUST_ERROR;
	return finish(db, r);
}
