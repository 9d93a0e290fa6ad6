/* body_cache.c — see body_cache.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "attr_query.h"
#include "body_cache.h"
#include "body_table.h"
#include "catalog_version.h"
#include "conf.h"
#include "hdf_key.h"
#include "log.h"
#include "rand.h"
#include "store_conf.h"

#define ENTRIES 256

/* The per-visitor values, by slot (body_table.h), all under Req. (a
 * slot's name in Req is its path + REQ_LEN). */
static const char *const slots[] = { "Req.csrf", "Req.cart_count" };
#define REQ_LEN 4
#define NSLOTS (sizeof(slots) / sizeof(slots[0]))
_Static_assert(NSLOTS <= BODY_SLOTS, "more slots than body_table has");

static struct body_table table;
static char marker[48];		/* "soukslot" and random hex: no page has it */

/* This request, between body_cache_serve() and body_cache_render(). */
static struct {
	int		 on;		/* a miss whose page may be kept */
	int		 stale;
	struct buf	 key;
	const char	*val[BODY_SLOTS];	/* the visitor's (arena) */
} req;

void
body_cache_refresh(struct db *db, long long dv)
{
	req.on = 0;
	req.stale = 0;
	if (catalog_version_refresh(db, dv) != 0)
		body_table_clear(&table);
}

void
body_cache_stale(void)
{
	req.stale = 1;
}

/* The table and the marker, made on first use: 0, or -1 when the cache
 * is off (body_cache = 0). */
static int
table_ready(void)
{
	unsigned char r[16];

	if (table.e != NULL)
		return 0;
	if (conf_int(CONF_BODY_CACHE) <= 0)
		return -1;
	if ((table.e = calloc(ENTRIES, sizeof(*table.e))) == NULL)
		log_fatal("body_cache: out of memory");
	table.n = ENTRIES;
	table.max_bytes = (size_t)conf_int(CONF_BODY_CACHE) * 1024;
	rand_bytes(r, sizeof(r));
	memcpy(marker, "soukslot", 8);
	for (size_t i = 0; i < sizeof(r); i++) {
		marker[8 + 2 * i] = "0123456789abcdef"[r[i] >> 4];
		marker[9 + 2 * i] = "0123456789abcdef"[r[i] & 15];
	}
	marker[8 + 2 * sizeof(r)] = '\0';
	return 0;
}

/* 1 when v prints the same in every context a template may put it
 * (text, attribute, URL, script): letters, digits, '-' and '_'. */
static int
inert(const char *v)
{
	size_t n = strspn(v, "abcdefghijklmnopqrstuvwxyz"
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_");

	return n <= 128 && v[n] == '\0';
}

/* The slot index of Req child name, or -1. */
static int
slot_of(const char *name)
{
	for (size_t i = 0; i < NSLOTS; i++)
		if (strcmp(slots[i] + REQ_LEN, name) == 0)
			return (int)i;
	return -1;
}

/* Req.* into key, each slot's value as "set" only. */
static void
key_req(struct buf *key, HDF *hdf)
{
	HDF *r = hdf_get_obj(hdf, "Req");

	buf_putc(key, '(');
	for (HDF *k = r ? hdf_obj_child(r) : NULL; k; k = hdf_obj_next(k)) {
		hdf_key_str(key, hdf_obj_name(k));
		if (slot_of(hdf_obj_name(k)) >= 0)
			buf_putc(key, '*');
		else
			hdf_key_tree(key, k);
	}
	buf_putc(key, ')');
}

/* The query's attribute filters (attr_query.h: every pair named
 * ATTR_QUERY_PREFIX..., in order, as attr_query_read() reads them) into
 * key. */
static void
key_attrs(struct buf *key, const struct kvlist *q)
{
	const size_t plen = strlen(ATTR_QUERY_PREFIX);

	buf_putc(key, '{');
	for (size_t i = 0; i < q->n; i++)
		if (strncmp(q->v[i].key, ATTR_QUERY_PREFIX, plen) == 0) {
			hdf_key_str(key, q->v[i].key);
			hdf_key_str(key, q->v[i].val);
		}
	buf_putc(key, '}');
}

/* What the page depends on besides the catalog version, into key: of
 * the query, only what the page reads (its listed keys and the attribute
 * filters), so unread parameters share the page's entry. */
static void
key_make(struct ctx *c, struct buf *key)
{
	buf_reset(key);
	hdf_key_str(key, c->app->name);
	hdf_key_str(key, c->req.path);
	app_key_inputs(c, key);
	key_attrs(key, &c->req.query);
	buf_put_int(key, c->lang);
	buf_putc(key, ',');
	buf_put_int(key, tmpl_generation());
	key_req(key, c->hdf);
	hdf_key_at(key, c->hdf, "Session");
}

int
body_cache_serve(struct ctx *c)
{
	const struct body_page *p;

	req.on = 0;
	if (!(c->req.method & METHODS_GET) || catalog_version() < 0 ||
	    table_ready() < 0)
		return 0;
	for (size_t i = 0; i < NSLOTS; i++) {
		const char *v = hdf_get_value(c->hdf, slots[i], NULL);

		if (v != NULL && !inert(v))
			return 0;
		req.val[i] = v != NULL ? arena_strdup(&c->arena, v) : NULL;
	}
	key_make(c, &req.key);
	if ((p = body_find(&table, req.key.data, req.key.len,
	    catalog_version())) == NULL) {
		req.on = 1;
		return 0;
	}
	buf_reset(&c->resp.body);
	body_page_splice(p, req.val, &c->resp.body);
	app_cacheable(c);
	return 1;
}

/* Sets each slot the visitor has to its marker (mark) or back to the
 * visitor's value. */
static void
slots_put(struct ctx *c, int mark)
{
	char m[sizeof(marker) + 2];

	for (size_t i = 0; i < NSLOTS; i++) {
		if (req.val[i] == NULL)
			continue;
		snprintf(m, sizeof(m), "%s%zu", marker, i);
		hdf_put(c->hdf, slots[i], mark ? m : req.val[i]);
	}
}

int
body_cache_render(struct ctx *c, int status, const char *name)
{
	struct buf out = { 0 };
	struct body_page p;
	int rc;

	if (!req.on || req.stale || status != 200)
		return app_render(c, status, name);
	req.on = 0;
	slots_put(c, 1);
	rc = tmpl_render(c->lang, name, TMPL_PAGE, &out);
	slots_put(c, 0);
	if (rc < 0) {
		buf_free(&out);
		buf_reset(&c->resp.body);
		return 500;
	}
	if (body_page_parse(&p, &out, marker) < 0)
		return app_render(c, status, name);
	buf_reset(&c->resp.body);
	body_page_splice(&p, req.val, &c->resp.body);
	body_keep(&table, req.key.data, req.key.len, catalog_version(), &p);
	return status;
}

void
body_cache_free(void)
{
	body_table_clear(&table);
	free(table.e);
	memset(&table, 0, sizeof(table));
	buf_free(&req.key);
	req.on = 0;
}
