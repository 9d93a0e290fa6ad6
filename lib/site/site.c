/* site.c — see site.h. */
#include <stdio.h>
#include <time.h>

#include "cart.h"
#include "country.h"
#include "mail.h"
#include "money.h"
#include "phone.h"
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
	return money_arena(&c->arena, minor, c->lang);
}

/* <pre>.N.{code,name,dial} under h, by name in language l. */
static void
put_countries(HDF *h, enum lang l, const char *pre)
{
	struct country_name list[64];
	char key[32];
	size_t n = 0;

	for (const struct country *k = phone_countries; k->code && n < 64; k++) {
		snprintf(key, sizeof(key), "country.%s", k->code);
		list[n].code = k->code;
		list[n++].name = tmpl_str(l, key);
	}
	country_sort(list, n);
	for (size_t i = 0; i < n; i++) {
		hdf_putf(h, list[i].code, "%s.%zu.code", pre, i);
		hdf_putf(h, list[i].name, "%s.%zu.name", pre, i);
		hdf_putf(h, phone_country(list[i].code)->dial, "%s.%zu.dial",
		    pre, i);
	}
}

void
site_countries(struct ctx *c, const char *pre)
{
	put_countries(c->hdf, c->lang, pre);
}

void
site_countries_keep(void)
{
	static HDF *trees[LANG__MAX];	/* the trees Countries is in */
	int put = 0;

	for (int l = 0; l < LANG__MAX; l++) {
		HDF *h = tmpl_hdf((enum lang)l);

		if (trees[l] == h)
			continue;
		hdf_drop(h, "Countries");
		put_countries(h, (enum lang)l, "Countries");
		trees[l] = h;
		put = 1;
	}
	if (put)
		tmpl_touch();	/* a fragment may have read it empty */
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

