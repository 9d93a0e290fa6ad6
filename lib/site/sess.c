/* sess.c — see sess.h. */
#include <string.h>
#include <time.h>

#include "site.h"
#include "app.h"
#include "store_conf.h"
#include "csrf.h"
#include "db_sess.h"
#include "db_user.h"
#include "log.h"
#include "rand.h"
#include "sess.h"
#include "user.h"

const char *
sess_cookie_name(void)
{
	return conf_https() ? "__Host-" SESSION_COOKIE : SESSION_COOKIE;
}

/* 1 when s has the shape of a session token we issue. */
static int
token_ok(const char *s)
{
	if (s == NULL || strlen(s) != SESS_TOKEN_LEN)
		return 0;
	for (; *s; s++)
		if (!((*s >= 'A' && *s <= 'Z') || (*s >= 'a' && *s <= 'z') ||
		    (*s >= '0' && *s <= '9') || *s == '-' || *s == '_'))
			return 0;
	return 1;
}

static void
cookie_clear(struct ctx *c)
{
	resp_cookie(&c->resp, sess_cookie_name(), "", -1,
	    COOKIE_HTTPONLY | (conf_https() ? COOKIE_SECURE : 0));
}

/* Session.* for the layout: the header's "My account" / "Log in". */
static void
put_hdf(struct ctx *c)
{
	const struct user *u = c->site->user;

	if (u == NULL)
		return;
	hdf_put_int(c->hdf, "Session.logged_in", 1);
	hdf_put(c->hdf, "Session.name", u->name);
	hdf_put(c->hdf, "Session.email", u->email);
	hdf_put(c->hdf, "Session.role", role_name(u->role));
	hdf_put_int(c->hdf, "Session.staff", u->role >= ROLE_EMPLOYEE);
}

void
sess_load(struct ctx *c)
{
	const char *tok = req_cookie(&c->req, sess_cookie_name());
	long long now = (long long)time(NULL);
	struct sess_row r;
	struct user *u;
	char *h;

	c->site->user = NULL;
	c->site->sess_hash = NULL;
	c->site->sess_mfa_user = 0;
	if (tok == NULL)
		return;
	if (!token_ok(tok) || db_sess_get(c->db, &c->arena,
	    (h = arena_alloc(&c->arena, SECRET_HASH_LEN + 1),
	    secret_hash(tok, h), h), &r) != 0) {
		cookie_clear(c);
		return;
	}
	if (now - r.created_at >= conf_int(CONF_SESSION_LIFETIME) ||
	    now - r.seen_at >= conf_int(CONF_SESSION_IDLE)) {
		db_sess_delete(c->db, h);
		cookie_clear(c);
		return;
	}
	u = arena_alloc(&c->arena, sizeof(*u));
	if (db_user_by_id(c->db, &c->arena, r.user_id, u) != 0 ||
	    u->disabled || u->deleted) {
		db_sess_delete(c->db, h);
		cookie_clear(c);
		return;
	}
	c->site->sess_hash = h;
	if (r.mfa_pending)
		c->site->sess_mfa_user = u->id;
	else
		c->site->user = u;
	if (now - r.seen_at >= 60 && db_sess_touch(c->db, h, now) < 0)
		log_error("session: could not refresh seen_at");
	put_hdf(c);
}

const char *
sess_current(const struct ctx *c)
{
	return c->site->sess_hash;
}

int
sess_start(struct ctx *c, long long uid, int mfa_pending)
{
	char tok[SESS_TOKEN_LEN + 1];
	char *h = arena_alloc(&c->arena, SECRET_HASH_LEN + 1);
	const char *ua = c->req.user_agent ? c->req.user_agent : "";
	char client[80];
	long long now = (long long)time(NULL);

	if (c->site->sess_hash != NULL && db_sess_delete(c->db, c->site->sess_hash) < 0)
		return -1;
	rand_token(tok, SESS_TOKEN_BYTES);
	secret_hash(tok, h);
	snprintf(client, sizeof(client), "%s", c->req.remote_addr ?
	    c->req.remote_addr : "");
	if (db_sess_add(c->db, h, uid, mfa_pending, client,
	    arena_strndup(&c->arena, ua, strlen(ua) > 200 ? 200 : strlen(ua)),
	    now) < 0)
		return -1;
	/* A few expired sessions go with every login. */
	db_sess_prune(c->db, now - conf_int(CONF_SESSION_IDLE),
	    now - conf_int(CONF_SESSION_LIFETIME));
	resp_cookie(&c->resp, sess_cookie_name(), tok,
	    (long)conf_int(CONF_SESSION_LIFETIME),
	    COOKIE_HTTPONLY | (conf_https() ? COOKIE_SECURE : 0));
	c->site->sess_hash = h;
	c->site->sess_mfa_user = mfa_pending ? uid : 0;
	/* The CSRF token of the page rendered next binds to the new id. */
	c->site->sess_new_token = arena_strdup(&c->arena, tok);
	return 0;
}

void
sess_end(struct ctx *c)
{
	if (c->site->sess_hash != NULL)
		db_sess_delete(c->db, c->site->sess_hash);
	c->site->sess_hash = NULL;
	c->site->user = NULL;
	c->site->sess_mfa_user = 0;
	cookie_clear(c);
}
