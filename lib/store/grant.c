/* grant.c — see grant.h. */
#include <string.h>

#include "conf.h"
#include "db_delivery.h"
#include "db_grant.h"
#include "db_staff.h"
#include "grant.h"
#include "l10n.h"
#include "lang.h"
#include "mail.h"
#include "staff_perm.h"
#include "store_conf.h"
#include "tmpl.h"
#include "utf8.h"

/* The audit row of a's action on account user_id (inside the
 * transaction); 0 or -1. */
static int
audit(struct db *db, struct arena *ar, const struct staff_actor *a,
    const char *action, long long user_id, const char *detail,
    long long now)
{
	struct audit_entry e = {
		.user_id = a->id, .actor = a->email, .action = action,
		.kind = "user", .object = arena_printf(ar, "%lld", user_id),
		.detail = detail, .addr = a->addr ? a->addr : "",
	};

	return db_audit_add(db, &e, now);
}

/* Queues u's "added to your library" mail for product name, downloadable
 * until expires (0: for ever) max times per file (0: unlimited), in u's
 * language; 0 or -1. */
static int
grant_mail(struct db *db, struct arena *a, const struct user *u,
    const char *name, long long expires, long long max)
{
	int l = lang_from_code(u->lang);
	enum lang lang = l < 0 ? lang_default() : (enum lang)l;
	const struct mail_var vars[] = {
		{ "product", name },
		{ "link", arena_printf(a, "%s/account/library",
		    conf_str(CONF_BASE_URL)) },
		{ "until", expires ? l10n_time_a(a, expires, lang, L10N_DATE) :
		    "" },
		{ "max", max ? arena_printf(a, "%lld", max) : "" },
	};
	struct buf body = { 0 };
	struct mail m = { 0 };
	int rc = -1;

	if (mail_render_vars(lang, "mail/library_added", vars,
	    sizeof(vars) / sizeof(vars[0]), &body) == 0) {
		m.to = u->email;
		m.subject = arena_printf(a, "%s: %s", tmpl_str(lang,
		    "grant.mail.subject"), name);
		m.text = arena_strdup(a, body.data ? body.data : "");
		rc = mail_enqueue(db, &m, NULL);
	}
	buf_free(&body);
	return rc;
}

/* 1 when r's numbers and reason are in range. */
static int
input_ok(const struct grant_req *r)
{
	const char *why = r->reason ? r->reason : "";
	size_t n = strlen(why);

	return r->days >= -1 && r->days <= GRANT_DAYS_MAX &&
	    r->downloads >= -1 && r->downloads <= GRANT_DOWNLOADS_MAX &&
	    utf8_valid(why, n) && utf8_len(why, n) <= GRANT_REASON_MAX &&
	    !utf8_has_controls(why, n, 1);
}

/* The body of grant_add, inside its transaction. */
static enum grant_result
add(struct db *db, struct arena *ar, const struct staff_actor *a,
    const struct grant_req *r, long long now, long long *id)
{
	long long days = r->days < 0 ? conf_int(CONF_DOWNLOAD_DAYS) : r->days;
	long long max = r->downloads < 0 ? conf_int(CONF_DOWNLOAD_LIMIT) :
	    r->downloads;
	long long pid, exp = days > 0 ? now + days * 86400 : 0;
	const char *name, *reason = r->reason ? r->reason : "";
	struct user u;
	int rc;

	if ((rc = db_user_by_id(db, ar, r->user_id, &u)) < 0)
		return GRANT_ERROR;
	if (rc != 0 || u.deleted)
		return GRANT_NO_USER;
	if ((pid = db_grantable_id(db, ar, r->product, &name)) < 0)
		return GRANT_ERROR;
	if (pid == 0)
		return GRANT_NO_PRODUCT;
	rc = db_library_owns(db, u.id, u.verified ? u.email_norm : NULL, pid,
	    now);
	if (rc != 0)
		return rc < 0 ? GRANT_ERROR : GRANT_HELD;
	if ((*id = db_grant_add(db, u.id, pid, a->id, reason, max, exp,
	    now)) < 0)
		return GRANT_ERROR;
	if (audit(db, ar, a, "grant", u.id, arena_printf(ar, "%s (entitlement "
	    "%lld)%s%s", r->product, *id, *reason ? ": " : "", reason),
	    now) < 0 || grant_mail(db, ar, &u, name, exp, max) < 0)
		return GRANT_ERROR;
	return GRANT_OK;
}

/* Commits on GRANT_OK, else rolls back; returns r (GRANT_ERROR when the
 * commit fails). */
static enum grant_result
finish(struct db *db, enum grant_result r)
{
	if (r == GRANT_OK && db_commit(db) == 0)
		return GRANT_OK;
	db_rollback(db);
	return r == GRANT_OK ? GRANT_ERROR : r;
}

enum grant_result
grant_add(struct db *db, struct arena *ar, const struct staff_actor *a,
    const struct grant_req *r, long long now, long long *id)
{
	*id = 0;
	if (!staff_may(a->role, PERM_GRANT))
		return GRANT_FORBIDDEN;
	if (!input_ok(r) || r->product == NULL)
		return GRANT_INPUT;
	if (db_begin(db) < 0)
		return GRANT_ERROR;
	return finish(db, add(db, ar, a, r, now, id));
}

enum grant_result
grant_revoke(struct db *db, struct arena *ar, const struct staff_actor *a,
    long long ent_id, long long *user_id, long long now)
{
	struct grant_row g;
	enum grant_result r = GRANT_OK;
	int rc;

	if (!staff_may(a->role, PERM_GRANT))
		return GRANT_FORBIDDEN;
	if (db_begin(db) < 0)
		return GRANT_ERROR;
	if ((rc = db_grant_get(db, ar, ent_id, &g)) < 0)
		r = GRANT_ERROR;
	else if (rc != 0 || g.revoked_at || (user_id && *user_id &&
	    *user_id != g.user_id))
		r = GRANT_NONE;
	else if ((rc = db_grant_revoke(db, ent_id, now)) <= 0)
		r = rc < 0 ? GRANT_ERROR : GRANT_NONE;
	else if (audit(db, ar, a, "grant_revoke", g.user_id, arena_printf(ar,
	    "%s (entitlement %lld)", g.slug, ent_id), now) < 0)
		r = GRANT_ERROR;
	if (r == GRANT_OK && user_id)
		*user_id = g.user_id;
	return finish(db, r);
}
