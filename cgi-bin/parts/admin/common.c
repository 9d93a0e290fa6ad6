/* common.c — helpers every admin part uses (admin.h). */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "admin.h"
#include "auth.h"
#include "l10n.h"
#include "site.h"

/* Unix time t as this visitor's language writes a date and time. */
const char *
adm_when(struct ctx *c, long long t)
{
	return l10n_time_a(&c->arena, t, c->lang, L10N_DATETIME);
}

/* The value of an optional key, or NULL when absent or invalid. */
const char *
adm_opt(struct ctx *c, int k)
{
	const struct val *v = app_val(c, k);

	return v->state == VAL_OK ? v->s : NULL;
}

/* Unix time of local midnight of "YYYY-MM-DD" (the store's time zone),
 * plus days; 0 when s is not such a date. */
long long
adm_local_day(const char *s, int days)
{
	struct tm tm = { 0 };
	int y, m, d;
	char end;

	if (s == NULL || sscanf(s, "%4d-%2d-%2d%c", &y, &m, &d, &end) != 3 ||
	    y < 2000 || y > 9999 || m < 1 || m > 12 || d < 1 || d > 31)
		return 0;
	tm.tm_year = y - 1900;
	tm.tm_mon = m - 1;
	tm.tm_mday = d + days;
	tm.tm_isdst = -1;
	return (long long)mktime(&tm);
}

long long
adm_path_id(struct ctx *c)
{
	const char *s;
	char *end;
	long long id;

	if (c->req.nseg != 3)
		return 0;
	s = c->req.seg[2];
	if (s[0] < '1' || s[0] > '9')
		return 0;
	id = strtoll(s, &end, 10);
	return *end == '\0' && id > 0 ? id : 0;
}

long long
adm_object_id(struct ctx *c, int from_path)
{
	if (from_path)
		return adm_path_id(c);
	return app_val(c, KEY_ID)->state == VAL_OK ? app_val(c, KEY_ID)->i : 0;
}

int
adm_audit(struct ctx *c, const char *action, const char *kind, long long id,
    const char *detail, long long now)
{
	return adm_audit_s(c, action, kind, arena_printf(&c->arena, "%lld",
	    id), detail, now);
}

int
adm_audit_s(struct ctx *c, const char *action, const char *kind,
    const char *object, const char *detail, long long now)
{
	struct audit_entry e = {
		.user_id = c->site->user->id, .actor = c->site->user->email,
		.action = action, .kind = kind, .object = object,
		.detail = detail, .addr = c->req.remote_addr,
	};

	return db_audit_add(c->db, &e, now);
}

struct staff_actor
adm_actor(struct ctx *c)
{
	struct staff_actor a = {
		c->site->user->id, c->site->user->email, c->site->user->role,
		c->req.remote_addr ? c->req.remote_addr : "",
	};
	return a;
}
