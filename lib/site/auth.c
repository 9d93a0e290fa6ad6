/* auth.c — see auth.h. */
#include <stdlib.h>
#include <string.h>

#include "site.h"
#include "app.h"
#include "auth.h"
#include "settings.h"
#include "buf.h"
#include "url.h"

const char *
auth_safe_next(const char *n)
{
	size_t len;

	if (n == NULL || n[0] != '/' || n[1] == '/' || n[1] == '\\' ||
	    (len = strlen(n)) > 512)
		return "/account";
	for (size_t i = 0; i < len; i++)
		if ((unsigned char)n[i] < 0x20 || n[i] == 0x7f || n[i] == '\\')
			return "/account";
	return n;
}

int
auth_totp_required(struct ctx *c)
{
	(void)c;
	return settings_on(SET_STAFF_TOTP);
}

int
auth_require(struct ctx *c, enum role need)
{
	struct buf b = { 0 };
	const char *path;
	int st;

	if (c->site->user == NULL) {
		buf_puts(&b, "/account/login?next=");
		path = c->req.path ? c->req.path : "/";
		if (c->req.query_string != NULL && *c->req.query_string)
			path = arena_printf(&c->arena, "%s?%s", path,
			    c->req.query_string);
		url_encode(&b, auth_safe_next(path));
		st = app_redirect(c, arena_strdup(&c->arena, b.data));
		buf_free(&b);
		return st;
	}
	if (c->site->user->role < need)
		return app_error(c, 403, "role");
	if (need >= ROLE_EMPLOYEE && !c->site->user->totp_enabled &&
	    auth_totp_required(c))
		return app_redirect(c, "/account/security?totp=required");
	return 0;
}
