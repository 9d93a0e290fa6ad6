/* test_order_mail.c — the two mails of a placed order (store_mail_order)
 * are the same bytes, however they are built: each case's subjects and
 * bodies are compared with tests/unit/golden/order_mail/<case>.txt, once
 * alone and again after the other cases (nothing may leak from one order's
 * tree into the next), and the tree order_put makes (which the order page
 * reads too) with <case>.hdf.  The cases cover the shopper's language being the
 * shop's and not, a subscription with details, a discount, a delivery,
 * cash on delivery and a bank transfer.
 *
 * After a deliberate change to the order mails' templates or texts, write
 * the files again with SOUK_GOLDEN_UPDATE=1 build/unit-tests order_mail
 * and review the diff. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "arena.h"
#include "buf.h"
#include "detail.h"
#include "order_hdf.h"
#include "order.h"
#include "pay.h"
#include "store_conf.h"
#include "store_mail.h"
#include "t.h"
#include "tmpl.h"

/* 2026-01-01 10:00 UTC (conf_load_file sets TZ to the default, UTC):
 * every date in the mails is fixed. */
#define PLACED_AT 1767261600LL

static const struct order_detail mac_detail[] = {
	{ "mac", "MAC address", "AA:BB:CC:DD:EE:0F",
	    { "MAC address", "Adresse MAC" } },
};

static const struct order_line sub_lines[] = {
	{ 1, 11, "IPTV Gold 4K", "subscription", 12, 0, 120000, 1, 120000,
	    0, mac_detail, 1, -1 },
	{ 2, 0, "The Long Film <HD>", "digital", 0, 0, 9500, 1, 9500, 0,
	    NULL, 0, -1 },
	{ 3, 12, "Trial pass", "subscription", 0, 7, 1000, 2, 2000, 0,
	    NULL, 0, -1 },
};

static const struct order_line ship_lines[] = {
	{ 4, 0, "Set-top box & remote", "physical", 0, 0, 89000, 2, 178000,
	    17800, NULL, 0, -1 },
	{ 5, 0, "HDMI cable", "physical", 0, 0, 4500, 3, 13500, 0, NULL, 0,
	    -1 },
};

/* The order page's history: read by the order page, not by the mails. */
static const struct order_event placed_events[] = {
	{ "awaiting_payment", "placed", PLACED_AT },
	{ "paid", "", PLACED_AT + 3600 },
};

struct mail_case {
	const char	*name;
	enum lang	 lang;		/* the shopper's */
	const char	*shop_lang;	/* default_lang */
	const char	*method;
	const struct order_line *lines;
	size_t		 nlines;
	long long	 discount, delivery;
	const char	*coupon, *delivery_name;
	int		 min_days, max_days;
	const char	*address;	/* "" for nothing shipped */
};

static const struct mail_case cases[] = {
	{ "en_bank_subscription", LANG_EN, "en", "bank", sub_lines, 3, 0, 0,
	    "", "", 0, 0, "" },
	{ "fr_cod_delivery", LANG_FR, "en", "cod", ship_lines, 2, 17800,
	    7000, "SAVE10", "Courier", 2, 4, "12 rue de la Paix" },
	{ "en_bank_free_delivery_fr_shop", LANG_EN, "fr", "bank", ship_lines,
	    2, 0, 0, "", "Pick-up", 1, 1, "3 Main Street" },
};
#define NCASES (sizeof(cases) / sizeof(cases[0]))

/* The store every case runs in: settings, templates, Store.*. */
static void
store_setup(void)
{
	char tdir[4096], ldir[4096];

	CHECK_INT(conf_load_file(NULL), 0);
	conf_set(CONF_STORE_NAME, "Souk <Test>");
	conf_set(CONF_SHOP_EMAIL, "shop@example.com");
	conf_set(CONF_BASE_URL, "https://shop.example.com");
	conf_set(CONF_CURRENCY, "TND");
	conf_set(CONF_PAY_BANK_IBAN, "TN59 1000 6035 1835 9847 8831");
	conf_set(CONF_PAY_BANK_NAME, "Bank & Co");
	conf_set(CONF_PAY_BANK_HOLDER, "Souk SARL");
	snprintf(tdir, sizeof(tdir), "%s/templates", t_root());
	snprintf(ldir, sizeof(ldir), "%s/lang", t_root());
	CHECK_INT(tmpl_init(tdir, ldir), 0);
	tmpl_set_store("name", conf_str(CONF_STORE_NAME));
	tmpl_set_store("base_url", conf_str(CONF_BASE_URL));
}

/* A status to give the orders instead of their method's first one
 * (NULL: none), for the timeline's other shapes. */
static const char *status_override;

/* Case k's order as placing it makes it (reference drawn, status set by
 * its payment method, or status_override). */
static void
make_order(const struct mail_case *k, struct order *o)
{
	long long sub = 0;

	memset(o, 0, sizeof(*o));
	for (size_t i = 0; i < k->nlines; i++)
		sub += k->lines[i].line_minor;
	o->id = 42;
	o->token = "Q2hlY2tvdXQtdG9rZW4tMTIzNDU2";
	o->reference = "SK-7KQ4MZ2D";
	o->method = k->method;
	pay_get(k->method)->place(o);
	if (status_override != NULL)
		o->status = status_override;
	o->currency = "TND";
	o->subtotal_minor = sub;
	o->discount_minor = k->discount;
	o->coupon_code = k->coupon;
	o->delivery_minor = k->delivery;
	o->delivery_rate_id = *k->delivery_name ? 7 : 0;
	o->delivery_name = k->delivery_name;
	o->delivery_names[LANG_EN] = k->delivery_name;
	o->delivery_names[LANG_FR] = *k->delivery_name ? "Livreur" : "";
	o->delivery_min_days = k->min_days;
	o->delivery_max_days = k->max_days;
	o->total_minor = sub - k->discount + k->delivery;
	o->name = "Amira <Ben Salah>";
	o->email = "amira@example.net";
	o->phone = "+21620123456";
	o->country = "TN";
	o->address = k->address;
	o->city = *k->address ? "Tunis" : "";
	o->postal = *k->address ? "1002" : "";
	o->lang = lang_code(k->lang);
	o->created_at = o->updated_at = PLACED_AT;
	o->lines = (struct order_line *)k->lines;
	o->nlines = k->nlines;
	o->events = (struct order_event *)placed_events;
	o->nevents = 2;
	o->nproofs = 1;
}

/* Case k's mails as one text into *out (subjects and bodies, labelled);
 * -1 when store_mail_order failed.  Ends the request as the program
 * does (tmpl_clear of the request's language, arena reset). */
static int
render_case(const struct mail_case *k, struct buf *out)
{
	struct ctx c;
	struct order o;
	struct mail m[4];
	size_t n = 0;
	int rc;

	memset(&c, 0, sizeof(c));
	arena_init(&c.arena, 4096);
	c.lang = k->lang;
	c.hdf = tmpl_hdf(k->lang);
	conf_set(CONF_DEFAULT_LANG, k->shop_lang);
	make_order(k, &o);
	rc = store_mail_order(&c, &o, m, &n);
	buf_reset(out);
	for (size_t i = 0; rc == 0 && i < n; i++) {
		buf_printf(out, "=== mail %zu\nto: %s\nreply-to: %s\n"
		    "subject: %s\n--- text\n%s\n", i, m[i].to,
		    m[i].reply_to ? m[i].reply_to : "", m[i].subject, m[i].text);
		if (m[i].html != NULL)
			buf_printf(out, "--- html\n%s\n", m[i].html);
	}
	if (rc == 0 && n != 2)
		rc = -1;
	tmpl_clear(k->lang);
	arena_free(&c.arena);
	return rc;
}

/* Reads the whole of path into a malloc'd string, NULL if missing. */
static char *
slurp(const char *path)
{
	FILE *f = fopen(path, "rb");
	struct buf b = { 0 };
	char chunk[4096];
	size_t got;

	if (f == NULL)
		return NULL;
	while ((got = fread(chunk, 1, sizeof(chunk), f)) > 0)
		buf_put(&b, chunk, got);
	fclose(f);
	return b.data ? b.data : strdup("");
}

/* 1 when got is golden file <name> (written instead under
 * SOUK_GOLDEN_UPDATE); on a difference the first differing line goes
 * to stderr. */
static int
same_as_golden(const char *name, const char *got)
{
	char path[4096];
	char *want;
	size_t i = 0, line = 1;
	int same;

	snprintf(path, sizeof(path), "%s/tests/unit/golden/order_mail/%s",
	    t_root(), name);
	if (getenv("SOUK_GOLDEN_UPDATE") != NULL) {
		FILE *f = fopen(path, "wb");
		if (f == NULL || fputs(got, f) == EOF || fclose(f) != 0)
			return 0;
	}
	if ((want = slurp(path)) == NULL) {
		fprintf(stderr, "%s: missing\n", path);
		return 0;
	}
	same = strcmp(want, got) == 0;
	for (; !same && want[i] && want[i] == got[i]; i++)
		line += want[i] == '\n';
	if (!same)
		fprintf(stderr, "%s: differs at line %zu: got \"%.60s\"\n",
		    path, line, got + i - (i > 0 && got[i - 1] != '\n' ? 1 : 0));
	free(want);
	return same;
}

/* Case k's order as order_put leaves it in a fresh tree, dumped (every
 * node in order: the order page and the admin's read it too) into *out. */
static int
dump_case(const struct mail_case *k, struct buf *out)
{
	struct arena a;
	struct order o;
	HDF *h = NULL;
	STRING s;
	int rc;

	arena_init(&a, 4096);
	conf_set(CONF_DEFAULT_LANG, k->shop_lang);
	make_order(k, &o);
	string_init(&s);
	rc = neo_check(hdf_init(&h), "hdf_init");
	if (rc == 0) {
		order_put(h, &a, k->lang, "Page.order", &o);
		rc = neo_check(hdf_dump_str(h, NULL, 0, &s), "hdf_dump_str");
	}
	buf_reset(out);
	buf_puts(out, s.buf ? s.buf : "");
	string_clear(&s);
	hdf_destroy(&h);
	arena_free(&a);
	return rc;
}

TEST(order_put_tree_is_golden)
{
	struct buf b = { 0 };
	char name[128];

	store_setup();
	for (size_t j = 0; j < NCASES; j++) {
		snprintf(name, sizeof(name), "%s.hdf", cases[j].name);
		CHECK_INT(dump_case(&cases[j], &b), 0);
		CHECK(same_as_golden(name, b.data ? b.data : ""));
	}
	buf_free(&b);
	tmpl_shutdown();
	CHECK_INT(conf_load_file(NULL), 0);
}

TEST(order_mails_are_byte_identical_to_golden)
{
	struct buf b = { 0 };
	char name[128];

	store_setup();
	/* Each case fresh, then all again in another order: a tree left
	 * holding an earlier order's lines or language would show. */
	for (int pass = 0; pass < 2; pass++)
		for (size_t j = 0; j < NCASES; j++) {
			const struct mail_case *k =
			    &cases[pass ? NCASES - 1 - j : j];
			CHECK_INT(render_case(k, &b), 0);
			snprintf(name, sizeof(name), "%s.txt", k->name);
			CHECK(same_as_golden(name, b.data ? b.data : ""));
		}
	buf_free(&b);
	tmpl_shutdown();
	CHECK_INT(conf_load_file(NULL), 0);
}

/* The timeline is kept under the values it reads (tmpl_memo): an order
 * of the same kinds in another status gets its own, and the first shape's
 * is unchanged after it. */
TEST(order_mail_timeline_follows_the_status)
{
	struct buf b = { 0 }, paid = { 0 }, proof = { 0 };

	store_setup();
	CHECK_INT(render_case(&cases[0], &b), 0);
	status_override = "paid";
	CHECK_INT(render_case(&cases[0], &paid), 0);
	status_override = "proof_received";
	CHECK_INT(render_case(&cases[0], &proof), 0);
	status_override = NULL;
	CHECK(paid.data != NULL && strstr(paid.data,
	    "<li class=\"step done\" data-step=\"check\">") != NULL);
	CHECK(proof.data != NULL && strstr(proof.data,
	    "<li class=\"step now\" data-step=\"check\" aria-current=\"step\">")
	    != NULL);
	CHECK_INT(render_case(&cases[0], &b), 0);
	CHECK(same_as_golden("en_bank_subscription.txt", b.data ? b.data : ""));
	/* The memo refuses page templates and names outside the tree. */
	CHECK(tmpl_memo(LANG_EN, "mail/timeline_html", TMPL_PAGE, "") == NULL);
	CHECK(tmpl_memo(LANG_EN, "../mail/timeline_html", TMPL_BARE, "") == NULL);
	buf_free(&b);
	buf_free(&paid);
	buf_free(&proof);
	tmpl_shutdown();
	CHECK_INT(conf_load_file(NULL), 0);
}
