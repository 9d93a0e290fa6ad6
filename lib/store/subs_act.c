/* subs_act.c — see subs_act.h. */
#include <string.h>

#include "db_subs.h"
#include "l10n.h"
#include "store_conf.h"
#include "subs.h"
#include "subs_act.h"

const char *const sub_act_names[] = {
	"extend", "suspend", "resume", "cancel", "reassign", NULL
};

/* The end date as the audit row writes it (UTC, arena). */
static const char *
day_of(struct arena *a, long long t)
{
	return l10n_time_a(a, t, LANG_EN, L10N_DATE);
}

static enum sub_act_result
extend(struct db *db, struct arena *a, struct subscription *s,
    const struct sub_act_req *r, long long now, const char **detail)
{
	long long from = s->ends_at > now ? s->ends_at : now;

	if (r->months < 0 || r->days < 0 || r->months + r->days == 0)
		return SUBACT_INPUT;
	if (strcmp(s->state, "cancelled") == 0)
		return SUBACT_STATE;
	s->ends_at = sub_add_period(from, r->months, r->days);
	if (db_sub_extend(db, s->id, s->ends_at, now) < 0 ||
	    subs_mail(db, a, s, "extended", 0, "") < 0)
		return SUBACT_ERROR;
	*detail = arena_printf(a, "+%dm %dd, ends %s", r->months, r->days,
	    day_of(a, s->ends_at));
	return SUBACT_OK;
}

/* suspend, resume, cancel: the state it needs, the one it sets, the
 * mail it sends. */
static enum sub_act_result
move(struct db *db, struct arena *a, const struct subscription *s,
    const struct sub_act_req *r, long long now, const char **detail)
{
	static const struct {
		const char *from1, *from2, *to, *mail;
		int reason;
	} m[] = {
		[SUB_ACT_SUSPEND] = { "live", NULL, "suspended", "suspended", 1 },
		[SUB_ACT_RESUME] = { "suspended", NULL, "live", "resumed", 0 },
		[SUB_ACT_CANCEL] = { "live", "suspended", "cancelled",
		    "cancelled", 1 },
	};
	const char *reason = m[r->act].reason ? r->reason : "";

	if (m[r->act].reason && (reason == NULL || *reason == '\0'))
		return SUBACT_INPUT;
	if (strcmp(s->state, m[r->act].from1) != 0 && (m[r->act].from2 ==
	    NULL || strcmp(s->state, m[r->act].from2) != 0))
		return SUBACT_STATE;
	if (db_sub_state(db, s->id, m[r->act].to, reason, now) < 0 ||
	    subs_mail(db, a, s, m[r->act].mail, 0, reason) < 0)
		return SUBACT_ERROR;
	*detail = *reason ? reason : m[r->act].to;
	return SUBACT_OK;
}

static enum sub_act_result
reassign(struct db *db, struct arena *a, const struct subscription *s,
    const struct sub_act_req *r, long long now, const char **detail)
{
	long long old, cred, left;

	if (strcmp(s->state, "cancelled") == 0)
		return SUBACT_STATE;
	if (strcmp(db_delivery_access(db, a, s->product_id), "pool") != 0)
		return SUBACT_NOT_POOL;
	if ((old = db_cred_held(db, s->id)) < 0)
		return SUBACT_ERROR;
	if (old > 0 && (r->give_back ? db_cred_release(db, s->id) :
	    db_cred_drop(db, s->id)) < 0)
		return SUBACT_ERROR;
	if ((cred = db_cred_assign_other(db, s->product_id, s->id, old,
	    now)) < 0)
		return SUBACT_ERROR;
	if (cred == 0)
		return SUBACT_NO_FREE;
	if (db_sub_access(db, s->id, "ready", now) < 0 ||
	    subs_mail(db, a, s, old ? "replaced" : "ready", 0, "") < 0 ||
	    (left = db_cred_free(db, s->product_id)) < 0)
		return SUBACT_ERROR;
	if (left == conf_int(CONF_CREDENTIALS_LOW) &&
	    subs_mail(db, a, s, "low", left, "") < 0)
		return SUBACT_ERROR;
	*detail = old ? arena_printf(a, "credential %lld -> %lld, old %s", old,
	    cred, r->give_back ? "returned to the pool" : "retired") :
	    arena_printf(a, "credential %lld", cred);
	return SUBACT_OK;
}

enum sub_act_result
subs_act(struct db *db, struct arena *a, long long id,
    const struct sub_act_req *r, long long now, const char **detail)
{
	struct subscription s;
	int rc;

	*detail = "";
	if ((unsigned)r->act >= SUB_ACT__MAX)
		return SUBACT_INPUT;
	if ((rc = db_sub_get(db, a, id, &s)) != 0)
		return rc < 0 ? SUBACT_ERROR : SUBACT_NONE;
	switch (r->act) {
	case SUB_ACT_EXTEND:
		return extend(db, a, &s, r, now, detail);
	case SUB_ACT_REASSIGN:
		return reassign(db, a, &s, r, now, detail);
	default:
		return move(db, a, &s, r, now, detail);
	}
}
