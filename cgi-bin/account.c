/* account — accounts, logins and "my account" (docs/accounts.md).
 *
 *   GET  /account                 my account: profile, orders (guest ones
 *                                 with the verified e-mail too), addresses,
 *                                 subscriptions and library (later issue)
 *   GET|POST /account/register    name, email, password
 *   GET  /account/verify?token=   follows the verification mail (24 h)
 *   GET|POST /account/login       email, password, next (same-site path)
 *   GET|POST /account/2fa         the staff second factor (TOTP or a
 *                                 recovery code) after the password
 *   POST /account/logout          ends this session server-side
 *   POST /account/logout-all      ends every session of the account
 *   GET|POST /account/forgot      mails a reset link (1 h)
 *   GET|POST /account/reset       token, password
 *   GET  /account/unlock?token=   lifts a login lock (mailed at the lock)
 *   POST /account/profile         name, phone, country
 *   POST /account/address/add, /account/address/delete
 *   POST /account/password        current, password: other sessions end
 *   POST /account/email           current, email: confirmed on the new
 *                                 address, notified on the old one
 *   GET  /account/email/confirm?token=
 *   GET  /account/security        sessions, second factor, privacy
 *   POST /account/totp/setup, /account/totp/enable, /account/totp/disable
 *   POST /account/export          current: my data as JSON
 *   POST /account/delete          current: anonymises the account
 *
 * No enumeration: register, forgot and login answer the same page, status
 * and (one scrypt hash each) about the same time whether an account has
 * the address; the owner gets a mail instead.  Every POST passes
 * app_csrf_ok (same origin + token).  Password hashes run under the
 * machine-wide slot limit (user.h): over it, 503 with Retry-After. */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "app.h"
#include "clock.h"
#include "db_delivery.h"
#include "library_hdf.h"
#include "db_subs.h"
#include "subs_hdf.h"
#include "auth.h"
#include "cart.h"
#include "store_conf.h"
#include "csrf.h"
#include "db_cart.h"
#include "db_login.h"
#include "db_rate.h"
#include "db_sess.h"
#include "db_token.h"
#include "db_messages.h"
#include "db_user.h"
#include "log.h"
#include "mail.h"
#include "money.h"
#include "pay.h"
#include "phone.h"
#include "qr_svg.h"
#include "rand.h"
#include "sess.h"
#include "site.h"
#include "site_hooks.h"
#include "totp.h"
#include "url.h"
#include "user.h"

enum key {
	KEY_NAME, KEY_EMAIL, KEY_PASSWORD, KEY_CURRENT, KEY_TOKEN, KEY_NEXT,
	KEY_CODE, KEY_PHONE, KEY_COUNTRY, KEY_ADDRESS, KEY_CITY, KEY_POSTAL,
	KEY_ID, KEY_NOTICE, KEY_TOTP, KEY__MAX
};

/* Lang.acct.notice.<code>: what a page says after a step. */
static const char *const notices[] = {
	"check_mail", "verified", "bad_link", "reset_done", "unlocked",
	"logged_out", "logged_out_all", "password_changed", "email_sent",
	"email_changed", "profile_saved", "address_added", "address_deleted",
	"totp_enabled", "totp_disabled", "deleted", "reset_sent", NULL
};
enum notice {
	N_CHECK_MAIL, N_VERIFIED, N_BAD_LINK, N_RESET_DONE, N_UNLOCKED,
	N_LOGGED_OUT, N_LOGGED_OUT_ALL, N_PASSWORD_CHANGED, N_EMAIL_SENT,
	N_EMAIL_CHANGED, N_PROFILE_SAVED, N_ADDRESS_ADDED, N_ADDRESS_DELETED,
	N_TOTP_ENABLED, N_TOTP_DISABLED, N_DELETED, N_RESET_SENT
};

static const char *const totp_notes[] = { "required", NULL };

#define ID_MAX (1LL << 53)

static const struct valid_key keys[KEY__MAX] = {
	[KEY_NAME] = { "name", V_LINE, 1, 100, NULL, 0 },
	[KEY_EMAIL] = { "email", V_EMAIL, 0, 0, NULL, 0 },
	[KEY_PASSWORD] = { "password", V_LINE, 1, PASSWORD_MAX, NULL, 0 },
	[KEY_CURRENT] = { "current", V_LINE, 1, PASSWORD_MAX, NULL, 0 },
	[KEY_TOKEN] = { "token", V_TOKEN, 20, 64, NULL, 0 },
	[KEY_NEXT] = { "next", V_LINE, 1, 512, NULL, 0 },
	[KEY_CODE] = { "code", V_LINE, 6, 20, NULL, 0 },
	[KEY_PHONE] = { "phone", V_LINE, 0, 30, NULL, 0 },
	[KEY_COUNTRY] = { "country", V_LINE, 2, 2, NULL, 0 },
	[KEY_ADDRESS] = { "address", V_LINE, 1, 200, NULL, 0 },
	[KEY_CITY] = { "city", V_LINE, 1, 100, NULL, 0 },
	[KEY_POSTAL] = { "postal_code", V_LINE, 0, 20, NULL, 0 },
	[KEY_ID] = { "id", V_INT, 1, ID_MAX, NULL, 0 },
	[KEY_NOTICE] = { "notice", V_ENUM, 0, 0, notices, 0 },
	[KEY_TOTP] = { "totp", V_ENUM, 0, 0, totp_notes, 0 },
};

#define VERIFY_TTL	86400
#define RESET_TTL	3600
#define EMAIL_TTL	86400
#define UNLOCK_TTL	86400
#define DEVICE_COOKIE	"souk_dev"
#define RATE_WINDOW	3600
#define RECOVERY_CODES	10

static long long
now_s(void)
{
	return (long long)time(NULL);
}

/* The validated string of key k, or NULL. */
static const char *
str(struct ctx *c, int k)
{
	const struct val *v = app_val(c, k);

	return v->state == VAL_OK ? v->s : NULL;
}

/* Passwords exactly as typed (not trimmed), or NULL. */
static const char *
pw(struct ctx *c, int k)
{
	const struct val *v = app_val(c, k);

	return v->state == VAL_OK ? v->raw : NULL;
}

/* A lower-cased arena copy of the posted e-mail, or NULL. */
static char *
norm_email(struct ctx *c, const char *e)
{
	char *n;

	if (e == NULL)
		return NULL;
	n = arena_strdup(&c->arena, e);
	email_norm(n);
	return n;
}

/* The form page `tmpl` with status and an optional error (Lang.acct.err). */
static int
form(struct ctx *c, const char *tmpl, int status, const char *err)
{
	app_csrf_token(c);
	if (err != NULL)
		hdf_put(c->hdf, "Page.error", err);
	if (str(c, KEY_EMAIL) != NULL)
		hdf_put(c->hdf, "Page.form.email", str(c, KEY_EMAIL));
	if (str(c, KEY_NAME) != NULL)
		hdf_put(c->hdf, "Page.form.name", str(c, KEY_NAME));
	hdf_put(c->hdf, "Page.next", auth_safe_next(str(c, KEY_NEXT)));
	hdf_put_int(c->hdf, "Page.password_min", PASSWORD_MIN);
	return app_render(c, status, tmpl);
}

/* 303 to a notice page. */
static int
notice(struct ctx *c, const char *path, enum notice n)
{
	return app_redirect(c, arena_printf(&c->arena, "%s?notice=%s", path,
	    notices[n]));
}

/* The answer when all hash slots stay busy. */
static int
busy(struct ctx *c)
{
	resp_header(&c->resp, "Retry-After", "2");
	return app_error(c, 503, "busy");
}

/* Queues an account mail (templates/mail/account.cs, Lang.acct.mail.<kind>)
 * to the address in the account's language, with an optional link.
 * Inside the caller's transaction.  Returns 0 or -1. */
static int
acct_mail(struct ctx *c, const char *to, const char *name, const char *lang,
    const char *kind, const char *link)
{
	enum lang l = lang_from_code(lang) >= 0 ? (enum lang)lang_from_code(lang) :
	    c->lang;
	HDF *h = tmpl_hdf(l);
	struct buf out = { 0 };
	struct mail m = { 0 };
	long long id;

	hdf_put(h, "Mail.kind", kind);
	/* No name: the address may not be verified yet, and nothing a
	 * visitor typed goes to an unverified address (docs/mail-safety.md). */
	(void)name;
	if (link != NULL)
		hdf_put(h, "Mail.link", link);
	hdf_put(h, "Mail.client", c->req.remote_addr ? c->req.remote_addr : "");
	m.subject = arena_printf(&c->arena, "%s (%s)", tmpl_str(l,
	    arena_printf(&c->arena, "acct.mail.%s.subject", kind)),
	    conf_str(CONF_STORE_NAME));
	if (mail_render(l, "mail/account", &out) < 0) {
		buf_free(&out);
		return -1;
	}
	m.to = to;
	m.text = arena_strdup(&c->arena, out.data ? out.data : "");
	buf_free(&out);
	id = mail_enqueue(c->db, &m, NULL);
	return id < 0 ? -1 : 0;
}

/* A new single-use token for purpose, stored hashed; the link with it
 * (arena), or NULL. */
static const char *
new_link(struct ctx *c, long long uid, const char *purpose, const char *path,
    long long ttl, const char *new_email)
{
	char tok[44], h[SECRET_HASH_LEN + 1];
	long long now = now_s();

	rand_token(tok, 32);
	secret_hash(tok, h);
	if (db_token_add(c->db, h, uid, purpose, new_email, now + ttl, now) < 0)
		return NULL;
	return arena_printf(&c->arena, "%s%s?token=%s", conf_str(CONF_BASE_URL),
	    path, tok);
}

/* Counts an anonymous mail-sending request per client address (inside a
 * transaction): 0 allowed, 1 over the limit (*wait set), -1. */
static int
mail_rate(struct ctx *c, long long *wait)
{
	char client[80];

	rate_client_key(client, sizeof(client), c->req.remote_addr);
	return db_rate_hit(c->db, "account", client,
	    conf_int(CONF_REGISTER_RATE_LIMIT), RATE_WINDOW, now_s(), wait);
}

static int
too_many(struct ctx *c, const char *tmpl, long long wait)
{
	resp_header(&c->resp, "Retry-After", arena_printf(&c->arena, "%lld",
	    wait));
	hdf_put_int(c->hdf, "Page.retry_minutes", (wait + 59) / 60);
	hdf_put_int(c->hdf, "Page.retry_seconds", wait);
	return form(c, tmpl, 429, "throttled");
}

static int
page_register(struct ctx *c)
{
	const char *email = str(c, KEY_EMAIL), *name = str(c, KEY_NAME);
	const char *pass = pw(c, KEY_PASSWORD);
	char hash[PW_HASH_LEN], *norm;
	enum pw_check pc;
	struct user u;
	long long wait, uid;
	int slot, rc;

	if (c->req.method != METHOD_POST)
		return form(c, "account/register", 200, NULL);
	if (!app_csrf_ok(c))
		return 403;
	if (email == NULL || name == NULL || pass == NULL)
		return form(c, "account/register", 400, "fields");
	if ((pc = password_check(pass)) != PW_OK)
		return form(c, "account/register", 400, pc == PW_COMMON ?
		    "pw_common" : pc == PW_SHORT ? "pw_short" : "pw_long");
	norm = norm_email(c, email);
	/* Hash first: the same cost whether the address is taken or not. */
	if ((slot = hash_slot_take(1000)) == -1)
		return busy(c);
	rc = password_hash(pass, hash);
	hash_slot_give(slot);
	if (rc < 0 || db_begin(c->db) < 0)
		return 500;
	if ((rc = mail_rate(c, &wait)) != 0) {
		db_rollback(c->db);
		return rc < 0 ? 500 : too_many(c, "account/register", wait);
	}
	if ((rc = db_user_by_email(c->db, &c->arena, norm, &u)) < 0)
		goto fail;
	if (rc == 0) {
		/* Taken: the owner hears of it, the visitor sees the same. */
		if (!u.deleted && acct_mail(c, u.email, u.name, u.lang,
		    "exists", arena_printf(&c->arena, "%s/account/forgot",
		    conf_str(CONF_BASE_URL))) < 0)
			goto fail;
	} else {
		const char *link;
		if ((uid = db_user_add(c->db, email, norm, name, hash,
		    ROLE_CUSTOMER, lang_code(c->lang), now_s())) < 0 ||
		    (link = new_link(c, uid, "verify", "/account/verify",
		    VERIFY_TTL, NULL)) == NULL ||
		    acct_mail(c, email, name, lang_code(c->lang), "verify",
		    link) < 0)
			goto fail;
	}
	if (db_commit(c->db) < 0)
		goto fail;
	site_mail_defer(c);
	return notice(c, "/account/login", N_CHECK_MAIL);
fail:
	db_rollback(c->db);
	return 500;
}

/* Follows a mailed link of purpose: *uid and *new_email on 0; 1 bad. */
static int
use_link(struct ctx *c, const char *purpose, long long *uid,
    const char **new_email)
{
	char h[SECRET_HASH_LEN + 1];
	const char *tok = str(c, KEY_TOKEN);

	if (tok == NULL)
		return 1;
	secret_hash(tok, h);
	return db_token_use(c->db, &c->arena, h, purpose, now_s(), uid,
	    new_email);
}

static int
page_verify(struct ctx *c)
{
	long long uid;
	int rc;

	if (db_begin(c->db) < 0)
		return 500;
	if ((rc = use_link(c, "verify", &uid, NULL)) == 0)
		rc = db_user_set_verified(c->db, uid, now_s());
	if (rc < 0 || db_commit(c->db) < 0) {
		db_rollback(c->db);
		return rc < 0 ? 500 : notice(c, "/account/login", N_BAD_LINK);
	}
	return notice(c, c->site->user ? "/account" : "/account/login",
	    rc == 0 ? N_VERIFIED : N_BAD_LINK);
}

/* The guest cart joins the account's cart; the browser gets the token of
 * the result.  Inside the login transaction. */
static int
merge_cart(struct ctx *c, long long uid)
{
	const char *guest = req_cookie(&c->req, CART_COOKIE);
	char token[CART_TOKEN_LEN + 1];
	int rc;

	if (guest != NULL && !cart_token_ok(guest))
		guest = NULL;
	if ((rc = db_cart_attach(c->db, guest, uid, token)) < 0)
		return -1;
	if (rc == 1)
		resp_cookie(&c->resp, CART_COOKIE, token, CART_COOKIE_AGE,
		    COOKIE_HTTPONLY | (conf_https() ? COOKIE_SECURE : 0));
	return 0;
}

/* Mails the owner when this browser never logged in to the account. */
static int
note_device(struct ctx *c, const struct user *u)
{
	const char *dev = req_cookie(&c->req, DEVICE_COOKIE);
	char fresh[44], h[SECRET_HASH_LEN + 1];
	int rc;

	if (dev == NULL || strlen(dev) != 43) {
		rand_token(fresh, 32);
		dev = arena_strdup(&c->arena, fresh);
		resp_cookie(&c->resp, DEVICE_COOKIE, dev, 365L * 86400,
		    COOKIE_HTTPONLY | (conf_https() ? COOKIE_SECURE : 0));
	}
	secret_hash(dev, h);
	if ((rc = db_device_seen(c->db, u->id, h, now_s())) < 0)
		return -1;
	/* The very first login (registration) is no news. */
	if (rc == 1 && db_sess_list(c->db, &c->arena, u->id,
	    &(struct sess_row *){ NULL }, &(size_t){ 0 }) == 0 &&
	    u->verified && acct_mail(c, u->email, u->name, u->lang,
	    "new_device", NULL) < 0)
		return -1;
	return 0;
}

/* Logs u in fully (after the password, and the second factor if any):
 * new session id, cart merge, device note.  Returns 303 or 500. */
static int
finish_login(struct ctx *c, const struct user *u, const char *next)
{
	if (db_begin(c->db) < 0)
		return 500;
	if (db_login_clear(c->db, u->email_norm) < 0 ||
	    note_device(c, u) < 0 || sess_start(c, u->id, 0) < 0 ||
	    merge_cart(c, u->id) < 0 || db_commit(c->db) < 0) {
		db_rollback(c->db);
		return 500;
	}
	site_mail_defer(c);
	return app_redirect(c, auth_safe_next(next));
}

static int
page_login(struct ctx *c)
{
	const char *email = str(c, KEY_EMAIL), *pass = pw(c, KEY_PASSWORD);
	struct login_rules rules;
	struct user u;
	char client[80], *norm;
	long long wait;
	int slot, found, ok, locked_now = 0;
	enum login_gate g;

	if (c->req.method != METHOD_POST) {
		const struct val *n = app_val(c, KEY_NOTICE);
		if (n->state == VAL_OK)
			hdf_put(c->hdf, "Page.notice", notices[n->i]);
		return form(c, "account/login", 200, NULL);
	}
	if (!app_csrf_ok(c))
		return 403;
	if (email == NULL || pass == NULL)
		return form(c, "account/login", 400, "fields");
	norm = norm_email(c, email);
	rate_client_key(client, sizeof(client), c->req.remote_addr);
	login_rules_conf(&rules);
	g = db_login_gate(c->db, &rules, norm, client, now_s(), &wait);
	if (g == LOGIN_ERROR)
		return 500;
	if (g == LOGIN_LOCKED) {
		hdf_put_int(c->hdf, "Page.locked", 1);
		return form(c, "account/login", 429, "locked");
	}
	if (g == LOGIN_WAIT)
		return too_many(c, "account/login", wait);
	if ((found = db_user_by_email(c->db, &c->arena, norm, &u)) < 0)
		return 500;
	if ((slot = hash_slot_take(1000)) == -1)
		return busy(c);
	ok = password_verify(found == 0 ? u.pw_hash : NULL, pass) == 1 &&
	    found == 0 && !u.disabled && !u.deleted;
	if (ok && password_needs_rehash(u.pw_hash)) {
		char h[PW_HASH_LEN];
		if (password_hash(pass, h) == 0)
			db_user_set_password(c->db, u.id, h, now_s());
	}
	hash_slot_give(slot);
	if (!ok) {
		if (db_begin(c->db) < 0)
			return 500;
		if (db_login_failed(c->db, &rules, norm, client, now_s(),
		    &locked_now) < 0)
			goto fail;
		if (locked_now && found == 0 && !u.deleted) {
			const char *link = new_link(c, u.id, "unlock",
			    "/account/unlock", UNLOCK_TTL, NULL);
			if (link == NULL || acct_mail(c, u.email, u.name, u.lang,
			    "locked", link) < 0)
				goto fail;
		}
		if (db_commit(c->db) < 0)
			goto fail;
		if (locked_now)
			site_mail_defer(c);
		return form(c, "account/login", 200, "login");
	}
	if (u.totp_enabled && u.role >= ROLE_EMPLOYEE) {
		if (sess_start(c, u.id, 1) < 0)
			return 500;
		struct buf b = { 0 };
		const char *to;
		buf_puts(&b, "/account/2fa?next=");
		url_encode(&b, auth_safe_next(str(c, KEY_NEXT)));
		to = arena_strdup(&c->arena, b.data);
		buf_free(&b);
		return app_redirect(c, to);
	}
	return finish_login(c, &u, str(c, KEY_NEXT));
fail:
	db_rollback(c->db);
	return 500;
}

/* 0 when code is a fresh TOTP code or an unused recovery code of u (and
 * marks it used), 1 when not, -1. */
static int
second_factor(struct ctx *c, const struct user *u, const char *code)
{
	long long step = totp_check(u->totp_secret, code, now_s());
	char h[SECRET_HASH_LEN + 1], clean[32];
	size_t n = 0;

	if (step >= 0)
		return db_user_totp_step(c->db, u->id, step);
	for (const char *p = code; *p && n + 1 < sizeof(clean); p++)
		if (*p != '-' && *p != ' ')
			clean[n++] = (char)(*p >= 'A' && *p <= 'Z' ? *p + 32 : *p);
	clean[n] = '\0';
	secret_hash(clean, h);
	return db_recovery_use(c->db, u->id, h, now_s());
}

static int
page_2fa(struct ctx *c)
{
	struct user u;
	int rc;

	if (c->site->sess_mfa_user == 0)
		return app_redirect(c, "/account/login");
	if (c->req.method != METHOD_POST)
		return form(c, "account/2fa", 200, NULL);
	if (!app_csrf_ok(c))
		return 403;
	if (db_user_by_id(c->db, &c->arena, c->site->sess_mfa_user, &u) != 0)
		return 500;
	if (str(c, KEY_CODE) == NULL ||
	    (rc = second_factor(c, &u, str(c, KEY_CODE))) == 1)
		return form(c, "account/2fa", 200, "code");
	if (rc < 0)
		return 500;
	return finish_login(c, &u, str(c, KEY_NEXT));
}

static int
page_logout(struct ctx *c)
{
	if (!app_csrf_ok(c))
		return 403;
	sess_end(c);
	/* The cart was the account's: not for the next person here. */
	resp_cookie(&c->resp, CART_COOKIE, "", -1, COOKIE_HTTPONLY |
	    (conf_https() ? COOKIE_SECURE : 0));
	return notice(c, "/account/login", N_LOGGED_OUT);
}

static int
page_logout_all(struct ctx *c)
{
	int st;

	if ((st = auth_require(c, ROLE_CUSTOMER)) != 0)
		return st;
	if (!app_csrf_ok(c))
		return 403;
	if (db_sess_delete_user(c->db, c->site->user->id, NULL) < 0)
		return 500;
	sess_end(c);
	return notice(c, "/account/login", N_LOGGED_OUT_ALL);
}

static int
page_forgot(struct ctx *c)
{
	const char *email = str(c, KEY_EMAIL);
	struct user u;
	long long wait;
	int rc;

	if (c->req.method != METHOD_POST)
		return form(c, "account/forgot", 200, NULL);
	if (!app_csrf_ok(c))
		return 403;
	if (email == NULL)
		return form(c, "account/forgot", 400, "fields");
	if (db_begin(c->db) < 0)
		return 500;
	if ((rc = mail_rate(c, &wait)) != 0) {
		db_rollback(c->db);
		return rc < 0 ? 500 : too_many(c, "account/forgot", wait);
	}
	if ((rc = db_user_by_email(c->db, &c->arena, norm_email(c, email),
	    &u)) < 0)
		goto fail;
	if (rc == 0 && !u.deleted && !u.disabled) {
		const char *link;
		if (db_token_void(c->db, u.id, "reset", now_s()) < 0 ||
		    (link = new_link(c, u.id, "reset", "/account/reset",
		    RESET_TTL, NULL)) == NULL ||
		    acct_mail(c, u.email, u.name, u.lang, "reset", link) < 0)
			goto fail;
	}
	if (db_commit(c->db) < 0)
		goto fail;
	site_mail_defer(c);
	return notice(c, "/account/login", N_RESET_SENT);
fail:
	db_rollback(c->db);
	return 500;
}

/* Sets u's password to pass and ends its other sessions (all of them
 * when keep is NULL), with a notice mail; in a transaction.  0, -1. */
static int
change_password(struct ctx *c, const struct user *u, const char *pass,
    const char *keep)
{
	char h[PW_HASH_LEN];
	int slot = hash_slot_take(1000), rc;

	if (slot == -1)
		return -2;
	rc = password_hash(pass, h);
	hash_slot_give(slot);
	if (rc < 0 || db_begin(c->db) < 0)
		return -1;
	if (db_user_set_password(c->db, u->id, h, now_s()) < 0 ||
	    db_sess_delete_user(c->db, u->id, keep) < 0 ||
	    db_token_void(c->db, u->id, "reset", now_s()) < 0 ||
	    acct_mail(c, u->email, u->name, u->lang, "password", NULL) < 0 ||
	    db_commit(c->db) < 0) {
		db_rollback(c->db);
		return -1;
	}
	site_mail_defer(c);
	return 0;
}

static int
page_reset(struct ctx *c)
{
	const char *pass = pw(c, KEY_PASSWORD);
	char h[SECRET_HASH_LEN + 1];
	enum pw_check pc;
	long long uid;
	struct user u;
	int rc;

	if (str(c, KEY_TOKEN) == NULL)
		return notice(c, "/account/login", N_BAD_LINK);
	hdf_put(c->hdf, "Page.token", str(c, KEY_TOKEN));
	if (c->req.method != METHOD_POST)
		return form(c, "account/reset", 200, NULL);
	if (!app_csrf_ok(c))
		return 403;
	if (pass == NULL)
		return form(c, "account/reset", 400, "fields");
	if ((pc = password_check(pass)) != PW_OK)
		return form(c, "account/reset", 400, pc == PW_COMMON ?
		    "pw_common" : pc == PW_SHORT ? "pw_short" : "pw_long");
	if (db_begin(c->db) < 0)
		return 500;
	rc = use_link(c, "reset", &uid, NULL);
	if (rc == 0)
		rc = db_user_by_id(c->db, &c->arena, uid, &u);
	/* Following the mail proves the address, and lifts a lock. */
	if (rc == 0 && (db_user_set_verified(c->db, uid, now_s()) < 0 ||
	    db_login_clear(c->db, u.email_norm) < 0))
		rc = -1;
	if (rc != 0 || db_commit(c->db) < 0) {
		db_rollback(c->db);
		return rc < 0 ? 500 : notice(c, "/account/login", N_BAD_LINK);
	}
	secret_hash(str(c, KEY_TOKEN), h);
	if ((rc = change_password(c, &u, pass, NULL)) < 0)
		return rc == -2 ? busy(c) : 500;
	sess_end(c);
	return notice(c, "/account/login", N_RESET_DONE);
}

static int
page_unlock(struct ctx *c)
{
	long long uid;
	struct user u;
	int rc;

	if (db_begin(c->db) < 0)
		return 500;
	if ((rc = use_link(c, "unlock", &uid, NULL)) == 0 &&
	    (rc = db_user_by_id(c->db, &c->arena, uid, &u)) == 0)
		rc = db_login_clear(c->db, u.email_norm);
	if (rc != 0 || db_commit(c->db) < 0) {
		db_rollback(c->db);
		return rc < 0 ? 500 : notice(c, "/account/login", N_BAD_LINK);
	}
	return notice(c, "/account/login", N_UNLOCKED);
}

/* "2024-06-01" in the store's time zone (arena). */
static const char *
day(struct ctx *c, long long t)
{
	time_t tt = (time_t)t;
	struct tm tm;
	char out[32];

	localtime_r(&tt, &tm);
	strftime(out, sizeof(out), "%Y-%m-%d %H:%M", &tm);
	return arena_strdup(&c->arena, out);
}

/* Page.orders: the account's orders and its guest ones. */
static int
put_orders(struct ctx *c)
{
	const struct user *u = c->site->user;
	struct user_order *o;
	size_t n;

	if (db_user_orders(c->db, &c->arena, u->id, u->verified ?
	    u->email_norm : NULL, &o, &n) < 0)
		return -1;
	for (size_t i = 0; i < n; i++) {
		char buf[MONEY_BUF];
		hdf_putf(c->hdf, o[i].token, "Page.orders.%zu.token", i);
		hdf_putf(c->hdf, o[i].reference, "Page.orders.%zu.reference", i);
		hdf_putf(c->hdf, pay_status_text(o[i].method, o[i].status),
		    "Page.orders.%zu.status", i);
		hdf_putf(c->hdf, money_store(buf, sizeof(buf), o[i].total_minor,
		    c->lang), "Page.orders.%zu.total", i);
		hdf_putf(c->hdf, day(c, o[i].created_at), "Page.orders.%zu.date",
		    i);
		hdf_putf(c->hdf, o[i].guest ? "1" : "0", "Page.orders.%zu.guest",
		    i);
	}
	return 0;
}

static int
put_addresses(struct ctx *c)
{
	struct user_address *a;
	size_t n;

	if (db_addr_list(c->db, &c->arena, c->site->user->id, &a, &n) < 0)
		return -1;
	for (size_t i = 0; i < n; i++) {
		hdf_putf(c->hdf, arena_printf(&c->arena, "%lld", a[i].id),
		    "Page.addresses.%zu.id", i);
		hdf_putf(c->hdf, a[i].address, "Page.addresses.%zu.address", i);
		hdf_putf(c->hdf, a[i].city, "Page.addresses.%zu.city", i);
		hdf_putf(c->hdf, a[i].postal_code, "Page.addresses.%zu.postal", i);
		hdf_putf(c->hdf, a[i].country, "Page.addresses.%zu.country", i);
	}
	return 0;
}

/* Page.user and Page.notice for the signed-in pages. */
static void
put_user(struct ctx *c)
{
	const struct user *u = c->site->user;
	const struct val *n = app_val(c, KEY_NOTICE);

	hdf_put(c->hdf, "Page.user.name", u->name);
	hdf_put(c->hdf, "Page.user.email", u->email);
	hdf_put(c->hdf, "Page.user.phone", u->phone);
	hdf_put(c->hdf, "Page.user.role", role_name(u->role));
	hdf_put_int(c->hdf, "Page.user.verified", u->verified);
	hdf_put_int(c->hdf, "Page.user.staff", u->role >= ROLE_EMPLOYEE);
	hdf_put_int(c->hdf, "Page.user.totp", u->totp_enabled);
	if (n->state == VAL_OK)
		hdf_put(c->hdf, "Page.notice", notices[n->i]);
	for (int i = 0; phone_countries[i].code != NULL; i++)
		hdf_putf(c->hdf, phone_countries[i].code, "Page.countries.%d", i);
	hdf_put(c->hdf, "Page.default_country", conf_str(CONF_DEFAULT_COUNTRY));
}

static int
page_home(struct ctx *c)
{
	int st;

	if ((st = auth_require(c, ROLE_CUSTOMER)) != 0)
		return st;
	put_user(c);
	if (put_orders(c) < 0 || put_addresses(c) < 0)
		return 500;
	app_csrf_token(c);
	return app_render(c, 200, "account/home");
}

/* The signed-in POST prelude: role and CSRF.  0 to go on, else status. */
static int
signed_post(struct ctx *c)
{
	int st;

	if ((st = auth_require(c, ROLE_CUSTOMER)) != 0)
		return st;
	return app_csrf_ok(c) ? 0 : 403;
}

/* The home page again with an error (Lang.acct.err) and status 400. */
static int
home_error(struct ctx *c, const char *err)
{
	hdf_put(c->hdf, "Page.error", err);
	put_user(c);
	if (put_orders(c) < 0 || put_addresses(c) < 0)
		return 500;
	app_csrf_token(c);
	return app_render(c, 400, "account/home");
}

static int
page_profile(struct ctx *c)
{
	const char *phone = str(c, KEY_PHONE), *name = str(c, KEY_NAME);
	char e164[PHONE_E164_BUF] = "";
	const char *err;
	int st;

	if ((st = signed_post(c)) != 0)
		return st;
	if (name == NULL)
		return home_error(c, "fields");
	if (phone != NULL && *phone && phone_e164(phone, phone_country(
	    str(c, KEY_COUNTRY) ? str(c, KEY_COUNTRY) :
	    conf_str(CONF_DEFAULT_COUNTRY)), e164, &err) < 0)
		return home_error(c, "phone");
	if (db_user_set_profile(c->db, c->site->user->id, name, e164, now_s()) < 0)
		return 500;
	return notice(c, "/account", N_PROFILE_SAVED);
}

static int
page_address_add(struct ctx *c)
{
	struct user_address a = { 0 };
	int st;

	if ((st = signed_post(c)) != 0)
		return st;
	a.address = str(c, KEY_ADDRESS);
	a.city = str(c, KEY_CITY);
	a.postal_code = str(c, KEY_POSTAL) ? str(c, KEY_POSTAL) : "";
	a.country = str(c, KEY_COUNTRY);
	if (a.address == NULL || a.city == NULL || a.country == NULL ||
	    phone_country(a.country) == NULL)
		return home_error(c, "address");
	if (db_addr_add(c->db, c->site->user->id, &a, now_s()) < 0)
		return 500;
	return notice(c, "/account", N_ADDRESS_ADDED);
}

static int
page_address_delete(struct ctx *c)
{
	int st;

	if ((st = signed_post(c)) != 0)
		return st;
	if (app_val(c, KEY_ID)->state != VAL_OK)
		return home_error(c, "fields");
	if ((st = db_addr_delete(c->db, c->site->user->id, app_val(c, KEY_ID)->i)) < 0)
		return 500;
	return st == 1 ? app_error(c, 404, NULL) :
	    notice(c, "/account", N_ADDRESS_DELETED);
}

/* 1 when the posted current password is the account's (under a slot);
 * 0 not; -2 busy. */
static int
current_ok(struct ctx *c)
{
	const char *cur = pw(c, KEY_CURRENT);
	int slot, ok;

	if (cur == NULL)
		return 0;
	if ((slot = hash_slot_take(1000)) == -1)
		return -2;
	ok = password_verify(c->site->user->pw_hash, cur) == 1;
	hash_slot_give(slot);
	return ok;
}

static int
page_password(struct ctx *c)
{
	const char *pass = pw(c, KEY_PASSWORD);
	enum pw_check pc;
	int st;

	if ((st = signed_post(c)) != 0)
		return st;
	if ((st = current_ok(c)) != 1)
		return st == -2 ? busy(c) : home_error(c, "current");
	if (pass == NULL || (pc = password_check(pass)) != PW_OK)
		return home_error(c, pass == NULL ? "fields" : pc == PW_COMMON ?
		    "pw_common" : pc == PW_SHORT ? "pw_short" : "pw_long");
	if ((st = change_password(c, c->site->user, pass, c->site->sess_hash)) < 0)
		return st == -2 ? busy(c) : 500;
	/* A new id for the session that stays. */
	if (sess_start(c, c->site->user->id, 0) < 0)
		return 500;
	return notice(c, "/account", N_PASSWORD_CHANGED);
}

static int
page_email(struct ctx *c)
{
	const char *email = str(c, KEY_EMAIL), *link;
	struct user other;
	int st;

	if ((st = signed_post(c)) != 0)
		return st;
	if ((st = current_ok(c)) != 1)
		return st == -2 ? busy(c) : home_error(c, "current");
	if (email == NULL)
		return home_error(c, "fields");
	if (db_begin(c->db) < 0)
		return 500;
	/* A taken address gets its owner a mail, this visitor the same page. */
	if ((st = db_user_by_email(c->db, &c->arena, norm_email(c, email),
	    &other)) < 0)
		goto fail;
	if (st == 0 && !other.deleted) {
		if (other.id != c->site->user->id && acct_mail(c, other.email,
		    other.name, other.lang, "exists", NULL) < 0)
			goto fail;
	} else if ((link = new_link(c, c->site->user->id, "email",
	    "/account/email/confirm", EMAIL_TTL, email)) == NULL ||
	    acct_mail(c, email, c->site->user->name, c->site->user->lang, "email_confirm",
	    link) < 0)
		goto fail;
	if (db_commit(c->db) < 0)
		goto fail;
	site_mail_defer(c);
	return notice(c, "/account", N_EMAIL_SENT);
fail:
	db_rollback(c->db);
	return 500;
}

static int
page_email_confirm(struct ctx *c)
{
	const char *new_email = NULL;
	long long uid;
	struct user u;
	char *norm;
	int rc;

	if (db_begin(c->db) < 0)
		return 500;
	if ((rc = use_link(c, "email", &uid, &new_email)) == 0 &&
	    (rc = db_user_by_id(c->db, &c->arena, uid, &u)) == 0) {
		norm = norm_email(c, new_email);
		if ((rc = db_user_set_email(c->db, uid, new_email, norm,
		    now_s())) == -2)
			rc = 1;	/* taken meanwhile */
		else if (rc == 0 && (acct_mail(c, u.email, u.name, u.lang,
		    "email_changed", NULL) < 0 ||
		    db_sess_delete_user(c->db, uid, c->site->user && c->site->user->id == uid ?
		    c->site->sess_hash : NULL) < 0))
			rc = -1;
	}
	if (rc != 0 || db_commit(c->db) < 0) {
		db_rollback(c->db);
		return rc < 0 ? 500 : notice(c, "/account/login", N_BAD_LINK);
	}
	site_mail_defer(c);
	if (c->site->user && c->site->user->id == uid && sess_start(c, uid, 0) < 0)
		return 500;
	return notice(c, c->site->user ? "/account" : "/account/login",
	    N_EMAIL_CHANGED);
}

static int
page_security(struct ctx *c)
{
	struct sess_row *s;
	size_t n;
	int st;

	if ((st = auth_require(c, ROLE_CUSTOMER)) != 0)
		return st;
	put_user(c);
	if (app_val(c, KEY_TOTP)->state == VAL_OK)
		hdf_put_int(c->hdf, "Page.totp_required", 1);
	if (db_sess_list(c->db, &c->arena, c->site->user->id, &s, &n) < 0)
		return 500;
	for (size_t i = 0; i < n; i++) {
		hdf_putf(c->hdf, day(c, s[i].seen_at), "Page.sessions.%zu.seen", i);
		hdf_putf(c->hdf, s[i].user_agent, "Page.sessions.%zu.agent", i);
		hdf_putf(c->hdf, s[i].client, "Page.sessions.%zu.client", i);
		if (strcmp(s[i].id_hash, c->site->sess_hash) == 0)
			hdf_putf(c->hdf, "1", "Page.sessions.%zu.current", i);
	}
	hdf_put_int(c->hdf, "Page.recovery_left",
	    db_recovery_left(c->db, c->site->user->id));
	app_csrf_token(c);
	return app_render(c, 200, "account/security");
}

/* Staff only: a new secret (not yet enabled) and its QR code. */
static int
page_totp_setup(struct ctx *c)
{
	char secret[TOTP_B32_LEN + 1], uri[1024];
	struct buf svg = { 0 };

	/* Not auth_require(): it sends staff without a second factor here. */
	if (c->site->user == NULL || c->site->user->role < ROLE_EMPLOYEE)
		return auth_require(c, ROLE_EMPLOYEE);
	if (!app_csrf_ok(c))
		return 403;
	if (c->site->user->totp_enabled)
		return app_redirect(c, "/account/security");
	totp_secret_new(secret);
	if (db_user_totp_set(c->db, c->site->user->id, secret, 0, now_s()) < 0 ||
	    totp_uri(uri, sizeof(uri), conf_str(CONF_STORE_NAME),
	    c->site->user->email, secret) < 0 || qr_svg(&svg, uri) < 0) {
		buf_free(&svg);
		return 500;
	}
	hdf_put(c->hdf, "Page.secret", secret);
	hdf_put(c->hdf, "Page.qr", svg.data);
	buf_free(&svg);
	return form(c, "account/totp", 200, NULL);
}

/* The code from the app turns the pending secret on; the ten recovery
 * codes are shown once. */
static int
page_totp_enable(struct ctx *c)
{
	char codes[RECOVERY_CODES][65], shown[RECOVERY_CODES][16];
	long long step;

	if (c->site->user == NULL || c->site->user->role < ROLE_EMPLOYEE)
		return auth_require(c, ROLE_EMPLOYEE);
	if (!app_csrf_ok(c))
		return 403;
	if (c->site->user->totp_enabled || !*c->site->user->totp_secret)
		return app_redirect(c, "/account/security");
	step = str(c, KEY_CODE) ? totp_check(c->site->user->totp_secret,
	    str(c, KEY_CODE), now_s()) : -1;
	if (step < 0) {
		struct buf svg = { 0 };
		char uri[1024];
		if (totp_uri(uri, sizeof(uri), conf_str(CONF_STORE_NAME),
		    c->site->user->email, c->site->user->totp_secret) < 0 ||
		    qr_svg(&svg, uri) < 0) {
			buf_free(&svg);
			return 500;
		}
		hdf_put(c->hdf, "Page.secret", c->site->user->totp_secret);
		hdf_put(c->hdf, "Page.qr", svg.data);
		buf_free(&svg);
		return form(c, "account/totp", 400, "code");
	}
	for (int i = 0; i < RECOVERY_CODES; i++) {
		unsigned char r[6];
		char hex[13];
		rand_bytes(r, sizeof(r));
		hex_encode(hex, r, sizeof(r));
		snprintf(shown[i], sizeof(shown[i]), "%.6s-%.6s", hex, hex + 6);
		secret_hash(hex, codes[i]);
		hdf_putf(c->hdf, shown[i], "Page.codes.%d", i);
	}
	if (db_begin(c->db) < 0)
		return 500;
	if (db_user_totp_set(c->db, c->site->user->id, c->site->user->totp_secret, 1,
	    now_s()) < 0 || db_user_totp_step(c->db, c->site->user->id, step) < 0 ||
	    db_recovery_set(c->db, c->site->user->id, codes, RECOVERY_CODES) < 0 ||
	    acct_mail(c, c->site->user->email, c->site->user->name, c->site->user->lang, "totp_on",
	    NULL) < 0 || sess_start(c, c->site->user->id, 0) < 0 ||
	    db_commit(c->db) < 0) {
		db_rollback(c->db);
		return 500;
	}
	site_mail_defer(c);
	return form(c, "account/codes", 200, NULL);
}

static int
page_totp_disable(struct ctx *c)
{
	int st;

	if ((st = signed_post(c)) != 0)
		return st;
	if ((st = current_ok(c)) != 1)
		return st == -2 ? busy(c) : home_error(c, "current");
	if (db_begin(c->db) < 0)
		return 500;
	if (db_user_totp_set(c->db, c->site->user->id, NULL, 0, now_s()) < 0 ||
	    db_recovery_set(c->db, c->site->user->id, NULL, 0) < 0 ||
	    acct_mail(c, c->site->user->email, c->site->user->name, c->site->user->lang,
	    "totp_off", NULL) < 0 || db_commit(c->db) < 0) {
		db_rollback(c->db);
		return 500;
	}
	site_mail_defer(c);
	return notice(c, "/account/security", N_TOTP_DISABLED);
}

/* My data as JSON (jansson): profile, addresses, orders. */
static int
page_export(struct ctx *c)
{
	const struct user *u;
	struct user_address *a;
	struct user_order *o;
	struct sent_message *m = NULL;
	json_t *root, *arr;
	size_t na, no, nm = 0;
	char *text;
	int st;

	if ((st = signed_post(c)) != 0)
		return st;
	if ((st = current_ok(c)) != 1)
		return st == -2 ? busy(c) : home_error(c, "current");
	u = c->site->user;
	if (db_addr_list(c->db, &c->arena, u->id, &a, &na) < 0 ||
	    db_user_orders(c->db, &c->arena, u->id, u->verified ? u->email_norm :
	    NULL, &o, &no) < 0 || (u->verified && db_messages_from(c->db,
	    &c->arena, u->email_norm, &m, &nm) < 0))
		return 500;
	root = json_pack("{s:s, s:s, s:s, s:s, s:s, s:b, s:I}", "email", u->email,
	    "name", u->name, "phone", u->phone, "role", role_name(u->role),
	    "language", u->lang, "verified", u->verified, "created_at",
	    (json_int_t)u->created_at);
	arr = json_array();
	for (size_t i = 0; i < na; i++)
		json_array_append_new(arr, json_pack("{s:s, s:s, s:s, s:s}",
		    "address", a[i].address, "city", a[i].city, "postal_code",
		    a[i].postal_code, "country", a[i].country));
	json_object_set_new(root, "addresses", arr);
	arr = json_array();
	for (size_t i = 0; i < no; i++)
		json_array_append_new(arr, json_pack("{s:s, s:s, s:s, s:I, s:I}",
		    "reference", o[i].reference, "status", o[i].status,
		    "currency", o[i].currency, "total_minor",
		    (json_int_t)o[i].total_minor, "created_at",
		    (json_int_t)o[i].created_at));
	json_object_set_new(root, "orders", arr);
	/* Contact messages: only those of an address proved to be theirs. */
	arr = json_array();
	for (size_t i = 0; i < nm; i++)
		json_array_append_new(arr, json_pack("{s:s, s:s, s:s, s:s, s:I}",
		    "subject", m[i].subject, "body", m[i].body, "order",
		    m[i].order_ref, "status", m[i].status, "created_at",
		    (json_int_t)m[i].created_at));
	json_object_set_new(root, "messages", arr);
	text = json_dumps(root, JSON_INDENT(2) | JSON_SORT_KEYS);
	json_decref(root);
	if (text == NULL)
		return 500;
	buf_reset(&c->resp.body);
	buf_puts(&c->resp.body, text);
	buf_putc(&c->resp.body, '\n');
	free(text);
	c->resp.content_type = "application/json; charset=utf-8";
	resp_header(&c->resp, "Content-Disposition",
	    "attachment; filename=\"my-data.json\"");
	return 200;
}

static int
page_delete(struct ctx *c)
{
	const struct user *u;
	int st;

	if ((st = signed_post(c)) != 0)
		return st;
	if ((st = current_ok(c)) != 1)
		return st == -2 ? busy(c) : home_error(c, "current");
	u = c->site->user;
	if (db_begin(c->db) < 0)
		return 500;
	if (acct_mail(c, u->email, u->name, u->lang, "deleted", NULL) < 0 ||
	    db_user_anonymise(c->db, u->id, u->verified ? u->email_norm : NULL,
	    now_s()) < 0 || db_commit(c->db) < 0) {
		db_rollback(c->db);
		return 500;
	}
	site_mail_defer(c);
	c->site->sess_hash = NULL;	/* the row went with the account */
	sess_end(c);
	resp_cookie(&c->resp, CART_COOKIE, "", -1, COOKIE_HTTPONLY |
	    (conf_https() ? COOKIE_SECURE : 0));
	return notice(c, "/account/login", N_DELETED);
}

/* My subscriptions: status, dates, access details (opened with the
 * credentials key), a renewal link each. */
static int
page_subscriptions(struct ctx *c)
{
	struct subscription *subs;
	struct user *u;
	size_t n;
	int st;

	if ((st = auth_require(c, ROLE_CUSTOMER)) != 0)
		return st;
	u = c->site->user;
	put_user(c);
	hdf_put(c->hdf, "Page.section", "subscriptions");
	if (db_sub_of_user(c->db, &c->arena, u->id, u->verified ?
	    u->email_norm : NULL, &subs, &n) < 0 || subs_put(c,
	    "Page.subs", subs, n, store_now()) < 0)
		return 500;
	/* Secrets on the page: never kept by any cache. */
	resp_header(&c->resp, "X-Robots-Tag", "noindex, nofollow");
	return app_render(c, 200, "account/subscriptions");
}

/* My library: every file the customer's paid orders entitle them to
 * (orders of the account, or of its address once verified), films first,
 * series by season and episode, each with a fresh download link. */
static int
page_library(struct ctx *c)
{
	struct user *u;
	struct library_item *items;
	size_t n;
	long long now = store_now();
	int st;

	if ((st = auth_require(c, ROLE_CUSTOMER)) != 0)
		return st;
	u = c->site->user;
	put_user(c);
	hdf_put(c->hdf, "Page.section", "library");
	if (db_library_user(c->db, &c->arena, u->id, u->verified ?
	    u->email_norm : NULL, now, &items, &n) < 0)
		return 500;
	library_put(c->hdf, &c->arena, "Page.library", items, n, now);
	return app_render(c, 200, "account/library");
}

enum page_id {
	PAGE_HOME, PAGE_REGISTER, PAGE_VERIFY, PAGE_LOGIN, PAGE_2FA,
	PAGE_LOGOUT, PAGE_LOGOUT_ALL, PAGE_FORGOT, PAGE_RESET, PAGE_UNLOCK,
	PAGE_PROFILE, PAGE_ADDR_ADD, PAGE_ADDR_DEL, PAGE_PASSWORD, PAGE_EMAIL,
	PAGE_EMAIL_CONFIRM, PAGE_SECURITY, PAGE_TOTP_SETUP, PAGE_TOTP_ENABLE,
	PAGE_TOTP_DISABLE, PAGE_EXPORT, PAGE_DELETE, PAGE_SUBS, PAGE_LIBRARY,
	PAGE__MAX
};

/* Every account form shares one set of field rules. */
#define ACCOUNT_KEYS KEYS(KEY_NAME, KEY_EMAIL, KEY_PASSWORD, KEY_CURRENT, \
    KEY_TOKEN, KEY_NEXT, KEY_CODE, KEY_PHONE, KEY_COUNTRY, KEY_ADDRESS, \
    KEY_CITY, KEY_POSTAL, KEY_ID, KEY_NOTICE, KEY_TOTP)

static const struct page pages[PAGE__MAX] = {
	[PAGE_HOME] = { "account", METHODS_GET, page_home, 0, ACCOUNT_KEYS },
	[PAGE_REGISTER] = { "account/register", METHODS_GET_POST, page_register, 0, ACCOUNT_KEYS },
	[PAGE_VERIFY] = { "account/verify", METHODS_GET, page_verify, 0, ACCOUNT_KEYS },
	[PAGE_LOGIN] = { "account/login", METHODS_GET_POST, page_login, 0, ACCOUNT_KEYS },
	[PAGE_2FA] = { "account/2fa", METHODS_GET_POST, page_2fa, 0, ACCOUNT_KEYS },
	[PAGE_LOGOUT] = { "account/logout", METHODS_POST, page_logout, 0, ACCOUNT_KEYS },
	[PAGE_LOGOUT_ALL] = { "account/logout-all", METHODS_POST, page_logout_all, 0, ACCOUNT_KEYS },
	[PAGE_FORGOT] = { "account/forgot", METHODS_GET_POST, page_forgot, 0, ACCOUNT_KEYS },
	[PAGE_RESET] = { "account/reset", METHODS_GET_POST, page_reset, 0, ACCOUNT_KEYS },
	[PAGE_UNLOCK] = { "account/unlock", METHODS_GET, page_unlock, 0, ACCOUNT_KEYS },
	[PAGE_PROFILE] = { "account/profile", METHODS_POST, page_profile, 0, ACCOUNT_KEYS },
	[PAGE_ADDR_ADD] = { "account/address/add", METHODS_POST, page_address_add, 0, ACCOUNT_KEYS },
	[PAGE_ADDR_DEL] = { "account/address/delete", METHODS_POST, page_address_delete, 0, ACCOUNT_KEYS },
	[PAGE_PASSWORD] = { "account/password", METHODS_POST, page_password, 0, ACCOUNT_KEYS },
	[PAGE_EMAIL] = { "account/email", METHODS_POST, page_email, 0, ACCOUNT_KEYS },
	[PAGE_EMAIL_CONFIRM] = { "account/email/confirm", METHODS_GET, page_email_confirm, 0, ACCOUNT_KEYS },
	[PAGE_SECURITY] = { "account/security", METHODS_GET, page_security, 0, ACCOUNT_KEYS },
	[PAGE_TOTP_SETUP] = { "account/totp/setup", METHODS_POST, page_totp_setup, 0, ACCOUNT_KEYS },
	[PAGE_TOTP_ENABLE] = { "account/totp/enable", METHODS_POST, page_totp_enable, 0, ACCOUNT_KEYS },
	[PAGE_TOTP_DISABLE] = { "account/totp/disable", METHODS_POST, page_totp_disable, 0, ACCOUNT_KEYS },
	[PAGE_EXPORT] = { "account/export", METHODS_POST, page_export, 0, ACCOUNT_KEYS },
	[PAGE_DELETE] = { "account/delete", METHODS_POST, page_delete, 0, ACCOUNT_KEYS },
	[PAGE_SUBS] = { "account/subscriptions", METHODS_GET, page_subscriptions, 0, ACCOUNT_KEYS },
	[PAGE_LIBRARY] = { "account/library", METHODS_GET, page_library, 0, ACCOUNT_KEYS },
};

static const struct app account = {
	"account", pages, PAGE__MAX, keys, KEY__MAX, &site_hooks, NULL, NULL,
};

int
main(int argc, char **argv)
{
	return app_main(argc, argv, &account);
}
