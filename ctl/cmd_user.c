/* cmd_user.c — soukctl user: accounts from the command line
 * (docs/accounts.md "soukctl user").
 *
 *   user add --email E [--role customer|employee|admin] [--name N] [--stdin]
 *        prints a generated password once, or reads one line from stdin
 *   user list
 *   user role E ROLE          also ends the account's sessions
 *   user passwd E [--stdin]   new password (generated or from stdin);
 *                             ends the account's sessions
 *   user disable E | enable E
 *   user unlock E             clears failed-login counts and the lock
 *   user sessions E --end     ends every session of the account
 *   user totp-required on|off second factor mandatory for staff */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "arena.h"
#include "ctl.h"
#include "settings.h"
#include "db_login.h"
#include "db_sess.h"
#include "db_user.h"
#include "rand.h"
#include "user.h"

#define USAGE "add --email E [--role R] [--name N] [--stdin] | list | " \
	"role E R | passwd E [--stdin] | disable E | enable E | unlock E | " \
	"sessions E --end | totp-required on|off"

/* A password from stdin (one line) or a generated one into out[n];
 * *generated says which.  Returns 0 or -1 (reason printed). */
static int
get_password(int from_stdin, char *out, size_t n, int *generated)
{
	*generated = !from_stdin;
	if (!from_stdin) {
		rand_token(out, 15);	/* 20 characters, 120 bits */
		return 0;
	}
	if (fgets(out, (int)n, stdin) == NULL)
		return ctl_fail("user", "no password on stdin") ? -1 : -1;
	out[strcspn(out, "\r\n")] = '\0';
	switch (password_check(out)) {
	case PW_OK:
		return 0;
	case PW_COMMON:
		ctl_fail("user", "that password is one of the most common ones");
		return -1;
	default:
		ctl_fail("user", "a password has %d to %d characters",
		    PASSWORD_MIN, PASSWORD_MAX);
		return -1;
	}
}

/* The account with this e-mail into u; prints why not. 0 or -1. */
static int
find(struct db *db, struct arena *a, const char *email, struct user *u)
{
	char norm[256];

	snprintf(norm, sizeof(norm), "%s", email);
	email_norm(norm);
	if (db_user_by_email(db, a, norm, u) != 0 || u->deleted) {
		ctl_fail("user", "no account has the e-mail %s", email);
		return -1;
	}
	return 0;
}

static int
user_add(struct db *db, int argc, char **argv)
{
	const char *email = NULL, *name = "";
	char pw[PASSWORD_MAX + 2], hash[PW_HASH_LEN], norm[256];
	int from_stdin = 0, role = ROLE_CUSTOMER, generated;
	long long id, now = (long long)time(NULL);

	for (int i = 2; i < argc; i++) {
		if (strcmp(argv[i], "--email") == 0 && i + 1 < argc)
			email = argv[++i];
		else if (strcmp(argv[i], "--name") == 0 && i + 1 < argc)
			name = argv[++i];
		else if (strcmp(argv[i], "--role") == 0 && i + 1 < argc) {
			if ((role = role_from_name(argv[++i])) < 0)
				return ctl_fail("user", "role is customer, "
				    "employee or admin");
		} else if (strcmp(argv[i], "--stdin") == 0)
			from_stdin = 1;
		else
			return ctl_usage("user", USAGE);
	}
	if (email == NULL || strlen(email) >= sizeof(norm) ||
	    strchr(email, '@') == NULL)
		return ctl_usage("user", USAGE);
	if (get_password(from_stdin, pw, sizeof(pw), &generated) < 0 ||
	    password_hash(pw, hash) < 0)
		return 1;
	snprintf(norm, sizeof(norm), "%s", email);
	email_norm(norm);
	if (db_begin(db) < 0)
		return 1;
	id = db_user_add(db, email, norm, name, hash, (enum role)role, "en", now);
	/* Made by an operator: the address counts as verified. */
	if (id < 0 || db_user_set_verified(db, id, now) < 0 ||
	    db_commit(db) < 0) {
		db_rollback(db);
		return ctl_fail("user", id == -2 ? "%s already has an account" :
		    "could not add %s", email);
	}
	ctl_printf("added %s (%s), id %lld\n", email, role_name((enum role)role), id);
	if (generated)
		ctl_printf("password: %s\n(shown once: give it to its owner, who "
		    "should change it)\n", pw);
	return 0;
}

static int
user_list(struct db *db, struct arena *a)
{
	struct user *u;
	size_t n;

	if (db_user_list(db, a, &u, &n) < 0)
		return 1;
	ctl_printf("%-6s %-9s %-8s %-5s %s\n", "ID", "ROLE", "STATE", "2FA", "EMAIL");
	for (size_t i = 0; i < n; i++)
		ctl_printf("%-6lld %-9s %-8s %-5s %s\n", u[i].id, role_name(u[i].role),
		    u[i].disabled ? "disabled" : u[i].verified ? "active" :
		    "unverif.", u[i].totp_enabled ? "yes" : "no", u[i].email);
	return 0;
}

int
cmd_user(int argc, char **argv)
{
	struct arena a;
	struct db *db;
	struct user u;
	long long now = (long long)time(NULL), n;
	int rc = 1;

	if (argc < 2)
		return ctl_usage("user", USAGE);
	if ((db = ctl_open(0)) == NULL)
		return 1;
	arena_init(&a, 16 * 1024);
	if (strcmp(argv[1], "add") == 0)
		rc = user_add(db, argc, argv);
	else if (strcmp(argv[1], "list") == 0)
		rc = user_list(db, &a);
	else if (strcmp(argv[1], "totp-required") == 0 && argc == 3 &&
	    (strcmp(argv[2], "on") == 0 || strcmp(argv[2], "off") == 0)) {
		rc = settings_write(db, SET_STAFF_TOTP,
		    strcmp(argv[2], "on") == 0 ? "1" : "0") < 0;
		if (rc == 0)
			ctl_printf("second factor for staff: %s\n", argv[2]);
	} else if (argc < 3)
		rc = ctl_usage("user", USAGE);
	else if (find(db, &a, argv[2], &u) < 0)
		rc = 1;
	else if (strcmp(argv[1], "role") == 0 && argc == 4) {
		int r = role_from_name(argv[3]);
		if (r < 0)
			rc = ctl_fail("user", "role is customer, employee or admin");
		else if (db_user_set_role(db, u.id, (enum role)r, now) == 0 &&
		    db_sess_delete_user(db, u.id, NULL) >= 0) {
			ctl_printf("%s is now %s (sessions ended)\n", u.email, argv[3]);
			rc = 0;
		}
	} else if (strcmp(argv[1], "passwd") == 0) {
		char pw[PASSWORD_MAX + 2], hash[PW_HASH_LEN];
		int gen;
		if (get_password(argc > 3 && strcmp(argv[3], "--stdin") == 0,
		    pw, sizeof(pw), &gen) == 0 && password_hash(pw, hash) == 0 &&
		    db_user_set_password(db, u.id, hash, now) == 0 &&
		    db_sess_delete_user(db, u.id, NULL) >= 0) {
			ctl_printf("password of %s changed (sessions ended)\n", u.email);
			if (gen)
				ctl_printf("password: %s\n", pw);
			rc = 0;
		}
	} else if (strcmp(argv[1], "disable") == 0 ||
	    strcmp(argv[1], "enable") == 0) {
		int off = strcmp(argv[1], "disable") == 0;
		if (db_user_set_disabled(db, u.id, off, now) == 0 &&
		    (!off || db_sess_delete_user(db, u.id, NULL) >= 0)) {
			ctl_printf("%s %s\n", u.email, off ? "disabled" : "enabled");
			rc = 0;
		}
	} else if (strcmp(argv[1], "unlock") == 0) {
		if (db_login_clear(db, u.email_norm) == 0) {
			ctl_printf("%s unlocked\n", u.email);
			rc = 0;
		}
	} else if (strcmp(argv[1], "sessions") == 0 && argc == 4 &&
	    strcmp(argv[3], "--end") == 0) {
		if ((n = db_sess_delete_user(db, u.id, NULL)) >= 0) {
			ctl_printf("%lld sessions of %s ended\n", n, u.email);
			rc = 0;
		}
	} else
		rc = ctl_usage("user", USAGE);
	arena_free(&a);
	db_close(db);
	return rc;
}
