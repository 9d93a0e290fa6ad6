/* cmd_grant.c — soukctl entitlement grant | grants | revoke --grant:
 * "assign content to a client" from the shell, through the same store
 * functions as the admin's customer page (grant.h: audited as
 * "soukctl", the customer mailed). */
#include <stdlib.h>
#include <string.h>

#include "clock.h"
#include "ctl.h"
#include "customer.h"
#include "db_grant.h"
#include "db_user.h"
#include "grant.h"
#include "user.h"
#include "valid.h"

/* Who soukctl is in audit rows and permission checks. */
const struct staff_actor ctl_actor = { 0, "soukctl", ROLE_ADMIN, "" };

/* The account of address email into *u: 0, or 1 (printed). */
static int
account(struct db *db, struct arena *a, const char *email, struct user *u)
{
	char norm[256];
	int rc;

	snprintf(norm, sizeof(norm), "%s", email);
	email_norm(norm);
	if ((rc = db_user_by_email(db, a, norm, u)) == 0 && !u->deleted)
		return 0;
	return ctl_fail("entitlement", rc < 0 ? "cannot read the database" :
	    "no account has the e-mail %s", email);
}

/* Why a grant or revoke was refused, for r > GRANT_OK. */
static const char *const why[] = {
	[GRANT_FORBIDDEN] = "not allowed",
	[GRANT_NO_USER] = "no such account",
	[GRANT_NO_PRODUCT] = "no active digital product of that slug",
	[GRANT_HELD] = "the account already holds that product",
	[GRANT_INPUT] = "days, downloads or reason out of range",
	[GRANT_NONE] = "no live grant of that number",
};

/* The value of option argv[i] (argv[i + 1]) into *v; -1 when missing. */
static int
opt(int argc, char **argv, int i, const char **v)
{
	if (i + 1 >= argc)
		return -1;
	*v = argv[i + 1];
	return 0;
}

/* soukctl entitlement grant --email E --product SLUG [--days N]
 * [--downloads N] [--reason TEXT] */
int
ctl_grant(int argc, char **argv)
{
	static const char usage[] = "grant --email E --product SLUG "
	    "[--days N] [--downloads N] [--reason TEXT]";
	struct grant_req r = { .days = -1, .downloads = -1, .reason = "" };
	const char *email = NULL, *v, *err;
	enum grant_result res;
	struct user u;
	struct arena a;
	struct db *db;
	long long id;
	int rc = 1;

	for (int i = 2; i < argc; i += 2) {
		if (opt(argc, argv, i, &v) < 0)
			return ctl_usage(argv[0], usage);
		if (strcmp(argv[i], "--email") == 0)
			email = v;
		else if (strcmp(argv[i], "--product") == 0)
			r.product = v;
		else if (strcmp(argv[i], "--reason") == 0)
			r.reason = v;
		else if (strcmp(argv[i], "--days") == 0) {
			if (valid_int(v, 0, GRANT_DAYS_MAX, &r.days, &err) < 0)
				return ctl_usage(argv[0], usage);
		} else if (strcmp(argv[i], "--downloads") == 0) {
			if (valid_int(v, 0, GRANT_DOWNLOADS_MAX, &r.downloads,
			    &err) < 0)
				return ctl_usage(argv[0], usage);
		} else
			return ctl_usage(argv[0], usage);
	}
	if (email == NULL || r.product == NULL)
		return ctl_usage(argv[0], usage);
	if ((db = ctl_open(0)) == NULL)
		return 1;
	arena_init(&a, 0);
	if (ctl_templates() < 0 || account(db, &a, email, &u) != 0)
		goto out;
	r.user_id = u.id;
	res = grant_add(db, &a, &ctl_actor, &r, store_now(), &id);
	if (res == GRANT_OK) {
		ctl_printf("entitlement %lld: %s granted to %s\n", id,
		    r.product, u.email);
		rc = 0;
	} else if (res > GRANT_OK)
		ctl_fail("entitlement", "%s to %s: %s", r.product, email,
		    why[res]);
	else
		ctl_fail("entitlement", "could not grant (see the messages "
		    "above)");
out:
	arena_free(&a);
	db_close(db);
	return rc;
}

/* soukctl entitlement revoke --grant ID */
int
ctl_grant_revoke(int argc, char **argv)
{
	enum grant_result res;
	const char *err;
	long long id, user = 0;
	struct arena a;
	struct db *db;

	if (argc != 4 || strcmp(argv[2], "--grant") != 0 ||
	    valid_int(argv[3], 1, 1LL << 53, &id, &err) < 0)
		return ctl_usage(argv[0], "revoke --grant ID");
	if ((db = ctl_open(0)) == NULL)
		return 1;
	arena_init(&a, 0);
	res = grant_revoke(db, &a, &ctl_actor, id, &user, store_now());
	arena_free(&a);
	db_close(db);
	if (res == GRANT_OK) {
		ctl_printf("entitlement %lld revoked\n", id);
		return 0;
	}
	return ctl_fail("entitlement", "%lld: %s", id, res > GRANT_OK ?
	    why[res] : "could not revoke");
}

/* soukctl entitlement grants --email E: the account's live grants. */
int
ctl_grants(int argc, char **argv)
{
	struct grant_row *g;
	struct user u;
	struct arena a;
	struct db *db;
	size_t n;
	int rc = 1;

	if (argc != 4 || strcmp(argv[2], "--email") != 0)
		return ctl_usage(argv[0], "grants --email E");
	if ((db = ctl_open(0)) == NULL)
		return 1;
	arena_init(&a, 0);
	if (account(db, &a, argv[3], &u) != 0)
		goto out;
	if (db_grants_of_user(db, &a, u.id, store_now(), &g, &n) < 0) {
		ctl_fail("entitlement", "cannot read the database");
		goto out;
	}
	for (size_t i = 0; i < n; i++)
		ctl_printf("%6lld  %-30s  %-16s  %s  %s\n", g[i].id, g[i].slug,
		    g[i].expires_at ? ctl_when(&a, g[i].expires_at) :
		    "for ever", *g[i].granted_by ? g[i].granted_by : "soukctl",
		    ctl_oneline(&a, g[i].reason));
	rc = 0;
out:
	arena_free(&a);
	db_close(db);
	return rc;
}
