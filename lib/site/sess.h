/* sess.h — the visitor's login session (site layer: request context).
 *
 * The cookie (souk_sess, or __Host-souk_sess when base_url is https:
 * HttpOnly, SameSite=Lax, Secure with https, Path=/) holds 256 random bits
 * from rand_token(); the sessions table holds only their SHA-256, so a copy
 * of the database logs nobody in.  A session ends session_lifetime seconds
 * after the login (absolute) or session_idle seconds after its last request,
 * at logout (the row is deleted), or when the password or e-mail changes
 * (every other session of the account is deleted).  Every login and every
 * privilege change (second factor passed) makes a new id: a cookie planted
 * before the login never becomes a logged-in session. */
#ifndef SOUK_SESS_H
#define SOUK_SESS_H
#include "db_user.h"

struct ctx;

#define SESSION_COOKIE "souk_sess"	/* __Host- prefixed under https */
#define SESS_TOKEN_BYTES 32
#define SESS_TOKEN_LEN	43		/* base64url of 32 bytes */

/* "souk_sess" or "__Host-souk_sess" (https). */
const char	*sess_cookie_name(void);
/* Once per request (app.c): finds the session of the cookie, ends it when
 * expired, sets c->site->user (logged in), c->site->sess_hash (any live session) and
 * c->site->sess_mfa_user (a session waiting for the second factor), and
 * Session.* in the HDF (logged_in, name, email, role, staff).  Refreshes
 * seen_at at most once a minute.  Leaves the visitor anonymous on any
 * database error (logged). */
void		 sess_load(struct ctx *);
/* Ends the visitor's current session (if any) and starts a new one for
 * user_id with a new id and cookie; mfa_pending: not logged in until the
 * second factor.  Returns 0 or -1. */
int		 sess_start(struct ctx *, long long user_id, int mfa_pending);
/* Deletes the visitor's session server-side and expires the cookie. */
void		 sess_end(struct ctx *);
/* The id hash of the current session (NULL when none). */
const char	*sess_current(const struct ctx *);

#endif
