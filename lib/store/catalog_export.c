/* catalog_export.c — see catalog_export.h. */
#include <stdio.h>
#include <string.h>

#include "catalog_export.h"
#include "db_export.h"
#include "log.h"
#include "money.h"
#include "store_conf.h"

struct build {
	json_t	*root, *byid;	/* byid: "id" -> the product's object */
};

static json_t *
price(long long minor)
{
	char buf[MONEY_BUF];

	return json_string(money_store(buf, sizeof(buf), minor, LANG_EN));
}

/* The list `name` of object o, created when missing. */
static json_t *
list(json_t *o, const char *name)
{
	json_t *l = json_object_get(o, name);

	if (l == NULL) {
		l = json_array();
		json_object_set_new(o, name, l);
	}
	return l;
}

static int
add_product(const struct export_row *r, void *arg)
{
	struct build *b = arg;
	json_t *o, *parent;
	char key[32];
	const char *where = "products";

	o = json_pack("{sI ss ss ss ss ss sI so ss}", "id", (json_int_t)r->id,
	    "slug", r->slug, "name", r->name, "kind", r->kind, "media_type",
	    r->media_type, "category", r->category, "price_minor",
	    (json_int_t)r->price_minor, "price", price(r->price_minor), "url",
	    "");
	if (o == NULL)
		return -1;
	json_object_set_new(o, "url", json_sprintf("%s/p/%s",
	    conf_str(CONF_BASE_URL), r->slug));
	snprintf(key, sizeof(key), "%lld", r->id);
	json_object_set(b->byid, key, o);
	if (r->parent_id) {
		snprintf(key, sizeof(key), "%lld", r->parent_id);
		if ((parent = json_object_get(b->byid, key)) == NULL) {
			json_decref(o);	/* under an inactive parent: not sold */
			return 0;
		}
		json_array_append_new(list(parent, strcmp(r->media_type,
		    "episode") == 0 ? "episodes" : "seasons"), o);
		return 0;
	}
	if (strcmp(r->media_type, "film") == 0)
		where = "films";
	else if (strcmp(r->media_type, "series") == 0)
		where = "series";
	else if (strcmp(r->kind, "subscription") == 0)
		where = "subscriptions";
	json_array_append_new(list(b->root, where), o);
	return 0;
}

static int
add_plan(const struct export_plan *p, void *arg)
{
	struct build *b = arg;
	json_t *prod;
	char key[32];

	snprintf(key, sizeof(key), "%lld", p->product_id);
	if ((prod = json_object_get(b->byid, key)) == NULL)
		return 0;
	json_array_append_new(list(prod, "plans"), json_pack("{sI si si sI so}",
	    "id", (json_int_t)p->id, "months", p->months, "days", p->days,
	    "price_minor", (json_int_t)p->price_minor, "price",
	    price(p->price_minor)));
	return 0;
}

json_t *
catalog_export(struct db *db)
{
	struct build b;

	b.root = json_pack("{ss sI ss}", "currency", conf_str(CONF_CURRENCY),
	    "decimals", (json_int_t)conf_int(CONF_CURRENCY_DECIMALS),
	    "base_url", conf_str(CONF_BASE_URL));
	b.byid = json_object();
	if (b.root == NULL || b.byid == NULL)
		goto fail;
	list(b.root, "films");
	list(b.root, "series");
	list(b.root, "subscriptions");
	list(b.root, "products");
	if (db_export_products(db, add_product, &b) < 0 ||
	    db_export_plans(db, add_plan, &b) < 0)
		goto fail;
	json_decref(b.byid);
	return b.root;
fail:
	log_error("catalog export failed");
	json_decref(b.byid);
	json_decref(b.root);
	return NULL;
}
