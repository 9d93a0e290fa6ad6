/* auth.h — the one authorisation rule every program uses (site layer).
 *
 *	if ((st = auth_require(c, ROLE_EMPLOYEE)) != 0)
 *		return st;
 *
 * Roles are ordered (db_user.h): customer < employee < admin.  An
 * anonymous visitor is sent (303) to /account/login?next=<this path>; a
 * logged-in account without the role gets 403; staff who must have a
 * second factor (setting staff_totp_required) and have none are sent to
 * /account/security to set it up. */
#ifndef SOUK_AUTH_H
#define SOUK_AUTH_H
#include "db_user.h"

struct ctx;

/* 0 when the visitor may go on, else the HTTP status of the response it
 * has prepared (303 or 403). */
int		 auth_require(struct ctx *, enum role);
/* next when it is a path on this site ("/x", not "//x", no backslash, no
 * control character, at most 512 bytes), else "/account". */
const char	*auth_safe_next(const char *next);
/* 1 when the store requires a second factor for staff (settings row
 * staff_totp_required = 1). */
int		 auth_totp_required(struct ctx *);

#endif
