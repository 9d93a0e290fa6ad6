/* stock_alert.c — see stock_alert.h. */
#include "db_stock_alert.h"
#include "lang.h"
#include "log.h"
#include "mail.h"
#include "stock_alert.h"
#include "store_conf.h"
#include "tmpl.h"

/* The language of a staff account's lang code (the store's when unknown). */
static enum lang
lang_of(const char *code)
{
	int l = code != NULL ? lang_from_code(code) : -1;

	return l < 0 ? lang_default() : (enum lang)l;
}

/* Renders and queues the alert of product p to address to in language l.
 * 0 or -1. */
static int
send_one(struct db *db, struct arena *a, const struct low_stock *p,
    long long threshold, const char *to, enum lang l)
{
	const struct mail_var kv[] = {
		{ "product", p->name },
		{ "stock", arena_printf(a, "%lld", p->stock) },
		{ "threshold", arena_printf(a, "%lld", threshold) },
		{ "url", arena_printf(a, "%s/admin/product/%lld",
		    conf_str(CONF_BASE_URL), p->product_id) },
		{ "store", conf_str(CONF_STORE_NAME) },
	};
	struct buf b = { 0 };
	struct mail m = { 0 };
	int rc;

	if (tmpl_hdf(l) == NULL && tmpl_init(conf_str(CONF_TEMPLATE_DIR),
	    conf_str(CONF_LANG_DIR)) < 0)
		return -1;
	if (mail_render_vars(l, "mail/low_stock", kv, sizeof(kv) /
	    sizeof(kv[0]), &b) < 0) {
		buf_free(&b);
		return -1;
	}
	m.to = to;
	m.subject = arena_printf(a, "%s: %s — %s", tmpl_str(l,
	    "stock_alert.subject"), p->name, conf_str(CONF_STORE_NAME));
	m.text = arena_strdup(a, b.data ? b.data : "");
	buf_free(&b);
	rc = mail_enqueue(db, &m, NULL);
	return rc;
}

int
stock_alert_order(struct db *db, struct arena *a, long long order_id)
{
	long long threshold = conf_int(CONF_LOW_STOCK);
	struct staff_addr *to;
	struct low_stock *p;
	size_t np, nto;

	if (threshold < 0)
		return 0;
	if (db_stock_crossed(db, a, order_id, threshold, &p, &np) < 0)
		return -1;
	if (np == 0)
		return 0;
	if (db_stock_admins(db, a, &to, &nto) < 0)
		return -1;
	for (size_t i = 0; i < np; i++) {
		if (nto == 0 && send_one(db, a, &p[i], threshold,
		    conf_str(CONF_SHOP_EMAIL), lang_default()) < 0)
			return -1;
		for (size_t k = 0; k < nto; k++)
			if (send_one(db, a, &p[i], threshold, to[k].email,
			    lang_of(to[k].lang)) < 0)
				return -1;
		log_info("order %lld took %s to %lld units (low stock at %lld)",
		    order_id, p[i].slug, p[i].stock, threshold);
	}
	return (int)np;
}
