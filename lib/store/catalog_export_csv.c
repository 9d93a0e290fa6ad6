/* catalog_export_csv.c — catalog_export_csv() of catalog_import.h: every
 * product in the columns the import reads, streamed. */
#include <stdio.h>
#include <string.h>

#include "catalog_import.h"
#include "db_attr.h"
#include "csv.h"
#include "db_catalog_text.h"
#include "db_export.h"
#include "money.h"
#include "store_conf.h"

struct out {
	struct db	*db;
	struct buf	*b;
	int		 (*flush)(struct buf *, void *);
	void		*arg;
	int		 dec;
	int		 nplans;
};

/* "" for none (-1), else the plain amount. */
static const char *
amount(char *buf, size_t size, long long minor, int dec)
{
	if (minor < 0)
		return "";
	return money_plain(buf, size, minor, dec);
}

/* db_export_plans_of callback: "1m=15.000;7d=2.000" into o->b. */
static int
put_plan(int months, int days, long long price, void *arg)
{
	struct out *o = arg;
	char money[64];

	buf_printf(o->b, "%s%d%c=%s", o->nplans++ ? ";" : "",
	    months ? months : days, months ? 'm' : 'd',
	    money_plain(money, sizeof(money), price, o->dec));
	return 0;
}

/* db_export_full callback: one record, flushed past 32 kB. */
static int
put_product(const struct export_full *r, void *arg)
{
	struct out *o = arg;
	char price[64], stock[32], pos[32], cmp[64];
	struct buf plans = { 0 }, *line = o->b;
	const char *f[18];
	struct arena a;
	int rc = 0;

	o->b = &plans;
	o->nplans = 0;
	if (strcmp(r->kind, "subscription") == 0 &&
	    db_export_plans_of(o->db, r->id, put_plan, o) < 0)
		rc = -1;
	o->b = line;
	snprintf(stock, sizeof(stock), "%lld", r->stock);
	snprintf(pos, sizeof(pos), "%lld", r->position);
	f[0] = r->slug; f[1] = r->name; f[2] = r->kind; f[3] = r->category;
	f[4] = amount(price, sizeof(price), r->price_minor, o->dec);
	f[5] = r->stock < 0 ? "" : stock; f[6] = r->description;
	f[7] = r->parent; f[8] = pos; f[9] = r->media_type;
	f[10] = r->featured ? "1" : "0"; f[11] = r->active ? "1" : "0";
	f[12] = plans.data ? plans.data : ""; f[13] = amount(cmp, sizeof(cmp),
	    r->compare_at_minor, o->dec);
	f[14] = r->sku; f[15] = r->name_t; f[16] = r->description_t;
	arena_init(&a, 1024);
	if ((f[17] = db_attr_values_csv(o->db, &a, r->id)) == NULL) {
		f[17] = "";
		rc = -1;
	}
	for (int i = 0; i < 18; i++) {
		if (i)
			buf_putc(o->b, ',');
		csv_put_field(o->b, f[i]);
	}
	buf_puts(o->b, "\r\n");
	buf_free(&plans);
	arena_free(&a);
	if (rc == 0 && o->b->len >= 32768) {
		rc = o->flush(o->b, o->arg);
		buf_reset(o->b);
	}
	return rc;
}

int
catalog_export_csv(struct db *db, struct buf *b,
    int (*flush)(struct buf *, void *), void *arg)
{
	struct out o = { db, b, flush, arg,
	    (int)conf_int(CONF_CURRENCY_DECIMALS), 0 };
	enum lang other = catalog_lang() == LANG_EN ? LANG_FR : LANG_EN;
	int rc;

	_Static_assert(LANG__MAX == 2, "one other language's columns");
	buf_printf(b, "slug,name,kind,category,price,stock,description,parent,"
	    "position,media_type,featured,active,plans,compare_at,sku,name_%s,"
	    "description_%s,attributes\r\n", lang_code(other), lang_code(other));
	rc = db_export_full(db, lang_code(other), put_product, &o);
	if (rc == 0 && b->len > 0) {
		rc = flush(b, arg);
		buf_reset(b);
	}
	return rc;
}
