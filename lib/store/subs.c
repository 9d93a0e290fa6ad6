/* subs.c — see subs.h. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "clock.h"
#include "cred.h"
#include "csrf.h"
#include "db_subs.h"
#include "l10n.h"
#include "log.h"
#include "mail.h"
#include "store_conf.h"
#include "subs.h"
#include "tmpl.h"

long long
sub_add_period(long long from, int months, int days)
{
	time_t t = (time_t)from;
	struct tm tm;

	gmtime_r(&t, &tm);
	tm.tm_mon += months;
	return (long long)timegm(&tm) + (long long)days * 86400;
}

const char *
sub_status(const struct subscription *s, long long now)
{
	if (strcmp(s->state, "live") != 0)
		return s->state;
	if (s->ends_at <= now)
		return "expired";
	if (s->ends_at - now <= conf_int(CONF_EXPIRING_DAYS) * 86400)
		return "expiring";
	return "active";
}

const char *
sub_renew_query(struct arena *a, long long id)
{
	char sig[CSRF_TOKEN_LEN + 1], bound[32];

	snprintf(bound, sizeof(bound), "%lld", id);
	csrf_token(sig, "renew", bound);
	return arena_printf(a, "s=%lld&k=%s", id, sig);
}

int
sub_renew_valid(long long id, const char *sig)
{
	char bound[32];

	snprintf(bound, sizeof(bound), "%lld", id);
	return csrf_valid(sig, "renew", bound);
}

/* Where the customer sees subscription s: their account page, or (a
 * guest) the order page by its token. */
static const char *
access_link(struct arena *a, const struct subscription *s)
{
	if (s->user_id)
		return arena_printf(a, "%s/account/subscriptions",
		    conf_str(CONF_BASE_URL));
	return arena_printf(a, "%s/order/%s", conf_str(CONF_BASE_URL),
	    s->order_token);
}

/* The credentials of s as "name: value" lines for the ready mail when
 * credentials_in_mail asks for them, else "" (arena). */
static const char *
mail_secret(struct db *db, struct arena *a, const struct subscription *s,
    const char *kind)
{
	struct cred_field *f;
	const char *out = "";
	size_t n;

	if (!conf_int(CONF_CREDENTIALS_IN_MAIL) || (strcmp(kind, "ready") != 0 &&
	    strcmp(kind, "replaced") != 0) ||
	    cred_fields(db, a, s->id, &f, &n) != 0)
		return "";
	for (size_t i = 0; i < n; i++)
		out = arena_printf(a, "%s%s: %s\n", out, f[i].name, f[i].value);
	return out;
}

int
subs_mail(struct db *db, struct arena *a, const struct subscription *s,
    const char *kind, long long days, const char *reason)
{
	int shop = strcmp(kind, "low") == 0;
	int l = shop ? lang_from_code(conf_str(CONF_DEFAULT_LANG)) :
	    lang_from_code(s->lang);
	enum lang lang = l < 0 ? LANG_EN : (enum lang)l;
	const struct mail_var vars[] = {
		{ "kind", kind },
		{ "product", s->product_name },
		{ "ends", l10n_time_a(a, s->ends_at, lang, L10N_DATE) },
		{ "days", arena_printf(a, "%lld", days) },
		{ "link", access_link(a, s) },
		{ "renew", arena_printf(a, "%s/cart/renew?%s",
		    conf_str(CONF_BASE_URL), sub_renew_query(a, s->id)) },
		{ "reason", reason ? reason : "" },
		{ "secret", shop ? "" : mail_secret(db, a, s, kind) },
	};
	struct buf body = { 0 };
	struct mail m = { 0 };
	int rc = -1;

	if (mail_render_vars(lang, "mail/subscription", vars,
	    sizeof(vars) / sizeof(vars[0]), &body) < 0)
		goto out;
	m.to = shop ? conf_str(CONF_SHOP_EMAIL) : s->email;
	m.to_verified = shop;
	m.subject = arena_printf(a, "%s: %s", tmpl_str(lang, arena_printf(a,
	    "sub.mail.%s.subject", kind)), s->product_name);
	m.text = arena_strdup(a, body.data ? body.data : "");
	if (*m.to == '\0')
		rc = 0;		/* no shop_email: nobody to tell */
	else
		rc = mail_enqueue(db, &m, NULL);
out:
	buf_free(&body);
	return rc;
}

/* subs_mail() without a reason. */
static int
sub_mail(struct db *db, struct arena *a, const struct subscription *s,
    const char *kind, long long days)
{
	return subs_mail(db, a, s, kind, days, "");
}

/* Gives subscription s a credential from its product's pool, or flags it
 * waiting, with the mails.  0 or -1. */
static int
deliver(struct db *db, struct arena *a, const struct subscription *s,
    long long now)
{
	long long cred, left;
	struct subscription *w;
	size_t nw;

	if ((cred = db_cred_assign(db, s->product_id, s->id, now)) < 0)
		return -1;
	if (cred == 0) {
		if (db_sub_access(db, s->id, "waiting", now) < 0 ||
		    db_sub_waiting(db, a, s->product_id, &w, &nw) < 0)
			return -1;
		log_warn("subscription %lld (%s) waits for credentials", s->id,
		    s->product_name);
		/* The first order to wait tells the shop; later ones are in
		 * soukctl subscriptions --waiting. */
		return nw == 1 ? sub_mail(db, a, s, "low", 0) : 0;
	}
	if (db_sub_access(db, s->id, "ready", now) < 0 ||
	    sub_mail(db, a, s, "ready", 0) < 0 ||
	    (left = db_cred_free(db, s->product_id)) < 0)
		return -1;
	return left == conf_int(CONF_CREDENTIALS_LOW) ?
	    sub_mail(db, a, s, "low", left) : 0;
}

/* Starts or extends the subscription for line l of order_id.  0 or -1. */
static int
start_line(struct db *db, struct arena *a, long long order_id,
    const struct sub_line *l, long long now)
{
	struct subscription s;
	long long id, from, ends;
	int rc, qty = l->qty > 0 ? l->qty : 1;

	rc = db_sub_find(db, a, l->user_id, l->email_norm, l->product_id, &s);
	if (rc < 0)
		return -1;
	from = rc == 0 && s.ends_at > now ? s.ends_at : now;
	ends = sub_add_period(from, l->months * qty, l->days * qty);
	if (rc == 0) {
		/* A renewal: the same subscription, its credential kept. */
		return db_sub_extend(db, s.id, ends, now) < 0 ||
		    db_sub_period(db, s.id, order_id, l->line, from, ends) < 0 ?
		    -1 : 0;
	}
	if ((id = db_sub_create(db, l, order_id, now, ends, now)) < 0 ||
	    db_sub_period(db, id, order_id, l->line, now, ends) < 0 ||
	    db_sub_get(db, a, id, &s) != 0)
		return -1;
	if (strcmp(db_delivery_access(db, a, l->product_id), "pool") == 0)
		return deliver(db, a, &s, now);
	return 0;
}

int
subscriptions_start_for_order(struct db *db, long long order_id,
    long long now)
{
	struct sub_line *l;
	struct arena a;
	size_t n;
	int rc;

	arena_init(&a, 0);
	rc = db_sub_lines(db, &a, order_id, &l, &n);
	for (size_t i = 0; rc == 0 && i < n; i++)
		rc = start_line(db, &a, order_id, &l[i], now);
	arena_free(&a);
	return rc;
}

int
subscriptions_cancel_for_order(struct db *db, long long order_id,
    const char *reason, long long now)
{
	struct subscription *s;
	struct arena a;
	size_t n;
	int rc;

	arena_init(&a, 0);
	rc = db_sub_of_order(db, &a, order_id, &s, &n);
	for (size_t i = 0; rc == 0 && i < n; i++)
		if (s[i].order_id == order_id)
			rc = db_sub_state(db, s[i].id, "cancelled", reason,
			    now);
	arena_free(&a);
	return rc;
}

int
subs_serve_waiting(struct db *db, long long product_id)
{
	struct subscription *w;
	struct arena a;
	size_t n;
	int served = 0;
	long long free;

	arena_init(&a, 0);
	if (db_sub_waiting(db, &a, product_id, &w, &n) < 0)
		served = -1;
	for (size_t i = 0; served >= 0 && i < n; i++) {
		if ((free = db_cred_free(db, product_id)) <= 0) {
			if (free < 0)
				served = -1;
			break;
		}
		if (db_begin(db) < 0 || deliver(db, &a, &w[i], store_now()) < 0 ||
		    db_commit(db) < 0) {
			db_rollback(db);
			served = -1;
		} else
			served++;
	}
	arena_free(&a);
	return served;
}

/* The reminder days of a product ("30 7 1"), parsed into d[8] largest
 * first; the count. */
static int
parse_days(const char *s, long long *d)
{
	int n = 0;
	char *end;

	while (*s && n < 8) {
		long long v = strtoll(s, &end, 10);
		if (end == s)
			break;
		if (v > 0 && v <= 366)
			d[n++] = v;
		s = end;
		while (*s == ' ' || *s == ',')
			s++;
	}
	for (int i = 1; i < n; i++)	/* largest first */
		for (int j = i; j > 0 && d[j] > d[j - 1]; j--) {
			long long t = d[j];
			d[j] = d[j - 1];
			d[j - 1] = t;
		}
	return n;
}

/* Sends (once) the reminder s is due at now, in its own transaction.
 * 1 sent, 0 nothing due or sent before, -1 error. */
static int
remind_one(struct db *db, struct arena *a, const struct subscription *s,
    long long now)
{
	const char *own = db_delivery_reminders(db, a, s->product_id);
	long long d[8], due = 0;
	const char *kind;
	int n = parse_days(*own ? own : conf_str(CONF_REMINDER_DAYS), d), rc;

	if (s->ends_at <= now)
		kind = "expired";
	else {
		for (int i = 0; i < n; i++)
			if (now >= s->ends_at - d[i] * 86400)
				due = d[i];	/* the nearest reached */
		if (due == 0)
			return 0;
		kind = arena_printf(a, "d%lld", due);
	}
	/* Sent by an earlier run (most of them, every run): no write
	 * transaction.  The claim below still decides between two crons. */
	if ((rc = db_reminder_sent(db, s->id, kind, s->ends_at)) != 0)
		return rc < 0 ? -1 : 0;
	if (db_begin(db) < 0)
		return -1;
	rc = db_reminder_claim(db, s->id, kind, s->ends_at, now);
	if (rc == 1 && sub_mail(db, a, s, due ? "reminder" : "expired",
	    due) < 0)
		rc = -1;
	if (rc < 0 || db_commit(db) < 0) {
		db_rollback(db);
		return -1;
	}
	return rc;
}

int
subs_remind(struct db *db, long long now, struct remind_stats *st)
{
	long long d[8], maxd, from = now - 30 * 86400, after = LLONG_MAX;
	struct subscription *s;
	struct arena a;
	size_t n;
	int rc = 0;

	/* Products may set other days: look as far as a year ahead. */
	maxd = parse_days(conf_str(CONF_REMINDER_DAYS), d) ? d[0] : 0;
	if (maxd < 366)
		maxd = 366;
	arena_init(&a, 0);
	do {
		arena_reset(&a);
		if (db_sub_ending(db, &a, from, now + maxd * 86400, after, 500,
		    &s, &n) < 0) {
			rc = -1;
			break;
		}
		for (size_t i = 0; i < n && rc == 0; i++) {
			int r = remind_one(db, &a, &s[i], now);
			if (r < 0)
				rc = -1;
			else if (r > 0)
				st->sent++;
			else
				st->skipped++;
			from = s[i].ends_at;
			after = s[i].id;
		}
	} while (rc == 0 && n == 500);
	arena_free(&a);
	return rc;
}

int
subs_give_access(struct db *db, long long sub, const char *json,
    long long now)
{
	struct subscription s;
	struct arena a;
	long long cred;
	int rc;

	arena_init(&a, 0);
	if ((rc = db_sub_get(db, &a, sub, &s)) == 0) {
		rc = db_cred_drop(db, sub) < 0 ||
		    (cred = cred_add(db, s.product_id, json, now)) < 0 ||
		    db_cred_give(db, cred, sub, now) < 0 ||
		    db_sub_access(db, sub, "ready", now) < 0 ||
		    sub_mail(db, &a, &s, "ready", 0) < 0 ? -1 : 0;
	}
	arena_free(&a);
	return rc;
}
