/* watch.c — see watch.h. */
#include <sodium.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "csrf.h"
#include "db_wish.h"
#include "lang.h"
#include "log.h"
#include "mail.h"
#include "money.h"
#include "store_conf.h"
#include "tmpl.h"
#include "watch.h"

#define STOP_PURPOSE "unsubscribe"

/* The signature of (kind, id) into out[65]. */
static void
stop_sig(char *out, enum watch_kind kind, long long id)
{
	char msg[32];
	int n = snprintf(msg, sizeof(msg), "%c%lld", (char)kind, id);

	sign_hex(out, STOP_PURPOSE, msg, (size_t)n);
}

/* The store secret installed for signing (soukctl has none by itself). */
static int
secret_ready(struct db *db)
{
	char *hex = db_setting(db, "secret_key");
	int rc = hex != NULL && csrf_set_secret_hex(hex) == 0 ? 0 : -1;

	free(hex);
	if (rc < 0)
		log_error("watch: no secret_key to sign unsubscribe links");
	return rc;
}

const char *
watch_stop_url(struct db *db, struct arena *a, enum watch_kind kind,
    long long id)
{
	char sig[65];

	if (secret_ready(db) < 0)
		return NULL;
	stop_sig(sig, kind, id);
	return arena_printf(a, "%s/notify/stop?k=%c&id=%lld&sig=%s",
	    conf_str(CONF_BASE_URL), (char)kind, id, sig);
}

int
watch_stop_valid(enum watch_kind kind, long long id, const char *sig)
{
	char want[65];

	if (sig == NULL || strlen(sig) != 64)
		return 0;
	stop_sig(want, kind, id);
	return sodium_memcmp(want, sig, 64) == 0;
}

int
watch_stop(struct db *db, enum watch_kind kind, long long id, long long now)
{
	if (kind == WATCH_WISH)
		return db_wish_optout(db, id, now);
	return db_alert_delete(db, id) < 0 ? -1 : 0;
}

/* The language of a stored code, the store's default for an unknown one. */
static enum lang
lang_of(const char *code)
{
	int l = lang_from_code(code);

	return l < 0 ? lang_default() : (enum lang)l;
}

/* Renders and queues one watch mail: what is "back", "cheaper" or
 * "alert" (back, for a notify-me address).  0 or -1. */
static int
send_one(struct db *db, struct arena *a, const struct watch_product *p,
    const char *what, const char *email, const char *lang,
    long long old_price, const char *stop)
{
	enum lang l = lang_of(lang);
	const char *url = arena_printf(a, "%s/p/%s", conf_str(CONF_BASE_URL),
	    p->slug);
	const struct mail_var kv[] = {
		{ "what", what }, { "product", p->name }, { "url", url },
		{ "price", money_arena(a, p->price_minor, l) },
		{ "old_price", old_price > 0 ? money_arena(a, old_price, l) : "" },
		{ "stop", stop }, { "store", conf_str(CONF_STORE_NAME) },
	};
	struct buf b = { 0 };
	struct mail m = { 0 };
	int rc;

	/* soukctl commands other than cron start without templates. */
	if (tmpl_hdf(l) == NULL && tmpl_init(conf_str(CONF_TEMPLATE_DIR),
	    conf_str(CONF_LANG_DIR)) < 0)
		return -1;
	if (mail_render_vars(l, "mail/watch", kv, sizeof(kv) / sizeof(kv[0]), &b) < 0) {
		buf_free(&b);
		return -1;
	}
	m.to = email;
	m.reply_to = conf_str(CONF_SHOP_EMAIL);
	m.subject = arena_printf(a, "%s: %s — %s", tmpl_str(l,
	    strcmp(what, "cheaper") == 0 ? "watch.subject_cheaper" :
	    "watch.subject_back"), p->name, conf_str(CONF_STORE_NAME));
	m.text = arena_strdup(a, b.data ? b.data : "");
	buf_free(&b);
	rc = mail_enqueue(db, &m, NULL);
	return rc;
}

/* The wishlist mails of p; the number queued or -1. */
static long long
wish_mails(struct db *db, struct arena *a, const struct watch_product *p)
{
	struct watch_due *due;
	long long n = db_watch_due(db, a, p, &due);

	for (long long i = 0; i < n; i++) {
		const struct watch_due *d = &due[i];
		int back = d->seen_in_stock == 0;
		const char *stop = watch_stop_url(db, a, WATCH_WISH, d->user_id);

		if (stop == NULL || send_one(db, a, p, back ? "back" : "cheaper",
		    d->email, d->lang, d->seen_price > p->price_minor ?
		    d->seen_price : 0, stop) < 0 ||
		    db_watch_seen(db, d->user_id, p->id, p->price_minor, 1) < 0)
			return -1;
	}
	return n;
}

/* The notify-me mails of p (in stock): each queued once, then its row
 * deleted; the number queued or -1. */
static long long
alert_mails(struct db *db, struct arena *a, const struct watch_product *p)
{
	struct alert_due *due;
	long long n = db_alert_due(db, a, p->id, &due);

	for (long long i = 0; i < n; i++) {
		const char *stop = watch_stop_url(db, a, WATCH_ALERT, due[i].id);

		if (stop == NULL || send_one(db, a, p, "alert", due[i].email,
		    due[i].lang, 0, stop) < 0 ||
		    db_alert_delete(db, due[i].id) < 0)
			return -1;
	}
	return n;
}

long long
watch_product(struct db *db, long long id, long long now)
{
	struct watch_product p;
	struct arena a;
	long long n = 0, got;
	int rc;

	(void)now;
	arena_init(&a, 4096);
	if ((rc = db_watch_product(db, &a, id, &p)) != 0) {
		arena_free(&a);
		return rc < 0 ? -1 : 0;
	}
	if (p.in_stock) {
		if ((got = wish_mails(db, &a, &p)) < 0 ||
		    (n = alert_mails(db, &a, &p)) < 0)
			n = -1;
		else
			n += got;
	}
	if (n > 0)
		log_info("watch: %lld mail%s queued for %s", n,
		    n == 1 ? "" : "s", p.slug);
	arena_free(&a);
	return n;
}

long long
watch_order(struct db *db, long long order_id, long long now)
{
	struct arena a;
	long long *ids, n, total = 0, got;

	arena_init(&a, 1024);
	n = db_watch_order_products(db, &a, order_id, &ids);
	for (long long i = 0; i < n && total >= 0; i++)
		total = (got = watch_product(db, ids[i], now)) < 0 ? -1 :
		    total + got;
	arena_free(&a);
	return n < 0 ? -1 : total;
}
