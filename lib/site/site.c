/* site.c — see site.h. */
#include <time.h>

#include "cart.h"
#include "mail.h"
#include "money.h"
#include "site.h"
#include "store_conf.h"

const char *
site_cart_token(const struct ctx *c)
{
	const char *t = req_cookie(&c->req, CART_COOKIE);

	return t != NULL && cart_token_ok(t) ? t : NULL;
}

const char *
site_money(struct ctx *c, long long minor)
{
	char buf[MONEY_BUF];

	return arena_strdup(&c->arena, money_store(buf, sizeof(buf), minor,
	    c->lang));
}

/* A worker that found the server unreachable stays quiet until then. */
static time_t quiet_until;

/* The app_defer() task of site_mail_defer(). */
static void
deliver_deferred(struct ctx *c, void *arg)
{
	struct mail_run_opts o = { MAIL_BATCH_AFTER_RESPONSE, 1, 0, NULL };
	struct mail_stats st = { 0, 0, 0, 0 };

	(void)arg;
	if (time(NULL) < quiet_until)
		return;
	if (mail_run(c->db, &o, &st) == 0 && st.unreachable)
		quiet_until = time(NULL) + (time_t)conf_int(CONF_MAIL_RETRY_BASE);
}

void
site_mail_defer(struct ctx *c)
{
	if (conf_int(CONF_MAIL_AFTER_RESPONSE) == 0)
		return;
	for (int i = 0; i < c->ndefer; i++)
		if (c->defer[i].fn == deliver_deferred)
			return;
	app_defer(c, deliver_deferred, NULL);
}

