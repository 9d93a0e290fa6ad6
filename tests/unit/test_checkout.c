/* test_checkout.c — the pure parts of cart and checkout: phone numbers,
 * quantity rules, tokens, discounts, JSON strings, proof sniffing and
 * which payment methods a cart can use. */
#include "buf.h"
#include "cart.h"
#include "store_conf.h"
#include "csrf.h"
#include "json.h"
#include "order.h"
#include "pay.h"
#include "phone.h"
#include "proof.h"
#include "t.h"

static const char *
e164(const char *in, const char *country)
{
	static char out[PHONE_E164_BUF];
	const char *err;

	if (phone_e164(in, phone_country(country), out, &err) < 0)
		return "error";
	return out;
}

TEST(phone_numbers_to_e164)
{
	CHECK_STR(e164("20 123 456", "TN"), "+21620123456");
	CHECK_STR(e164("+216 20-123-456", "TN"), "+21620123456");
	CHECK_STR(e164("00216 20123456", "FR"), "+21620123456");
	CHECK_STR(e164("06 12 34 56 78", "FR"), "+33612345678");
	CHECK_STR(e164("6.12.34.56.78", "FR"), "+33612345678");
	CHECK_STR(e164("(212) 555-0123", "US"), "+12125550123");
	CHECK_STR(e164("1 212 555 0123", "US"), "+12125550123");
	CHECK_STR(e164("07 07 12 34 56", "CI"), "+2250707123456");
	CHECK_STR(e164("06 123 4567", "IT"), "+39061234567");
	CHECK_STR(e164("+49 30 1234567", "TN"), "+49301234567");
	CHECK_STR(e164("+999 1234 5678", "TN"), "+99912345678");	/* unknown code */
	CHECK_STR(e164("2012345", "TN"), "error");		/* too short */
	CHECK_STR(e164("201234567", "TN"), "error");		/* too long */
	CHECK_STR(e164("+216 2012345", "FR"), "error");		/* TN length */
	CHECK_STR(e164("00 12", "TN"), "error");
	CHECK_STR(e164("+1234567890123456", "TN"), "error");	/* > 15 digits */
	CHECK_STR(e164("20 123 45a", "TN"), "error");
	CHECK_STR(e164("", "TN"), "error");
	CHECK_STR(e164("+", "TN"), "error");
	CHECK_STR(e164("0 612345678", "FR"), "+33612345678");
	CHECK_STR(e164("00 0612345678", "FR"), "error");	/* no code 0 */
	CHECK(phone_country("TN") != NULL);
	CHECK(phone_country("XX") == NULL);
}

TEST(cart_quantity_rules)
{
	/* order_max_qty's default: 10 per line. */
	CHECK_INT(conf_load_file(NULL), 0);
	CHECK_INT(cart_max_qty("physical", -1), 10);
	CHECK_INT(cart_max_qty("physical", 3), 3);
	CHECK_INT(cart_max_qty("physical", 0), 0);
	CHECK_INT(cart_max_qty("physical", 500), 10);
	CHECK_INT(cart_max_qty("subscription", -1), CART_MAX_SUBS);
	CHECK_INT(cart_max_qty("subscription", 2), 2);
	CHECK_INT(cart_max_qty("digital", -1), 1);
	CHECK_INT(cart_max_qty("digital", 0), 0);
	CHECK_INT(cart_max_units(), 30);
	/* A lower cap binds subscriptions too; a higher one stops at what
	 * cart_items.qty may hold. */
	conf_set(CONF_ORDER_MAX_QTY, "3");
	CHECK_INT(cart_max_qty("subscription", -1), 3);
	CHECK_INT(cart_max_qty("physical", 2), 2);
	conf_set(CONF_ORDER_MAX_QTY, "500");
	CHECK_INT(cart_max_qty("physical", -1), CART_MAX_QTY);
	CHECK_INT(cart_max_qty("subscription", -1), CART_MAX_SUBS);
	CHECK_INT(cart_max_qty("digital", -1), 1);
	CHECK_INT(conf_load_file(NULL), 0);
}

TEST(cart_tokens)
{
	char a[CART_TOKEN_LEN + 1], b[CART_TOKEN_LEN + 1], h[65];
	char k1[CART_KEY_LEN + 1], k2[CART_KEY_LEN + 1], t1[ORDER_TOKEN_LEN + 1];

	cart_token_new(a);
	cart_token_new(b);
	CHECK_INT(strlen(a), CART_TOKEN_LEN);
	CHECK(strcmp(a, b) != 0);
	CHECK(cart_token_ok(a));
	CHECK(!cart_token_ok("short"));
	CHECK(!cart_token_ok("abcdefghijklmnopqrstuvwxyz01234!"));
	cart_token_hash("x", h);
	CHECK_STR(h, "2d711642b726b04401627ca9fbac32f5c8530fb1903cc4db02258717921a4881");
	CHECK_INT(csrf_set_secret_hex("00112233445566778899aabbccddeeff"), 0);
	cart_checkout_key(a, 3, 9000, k1);
	cart_checkout_key(a, 3, 9000, k2);
	CHECK_STR(k1, k2);		/* the same cart revision, the same key */
	cart_checkout_key(a, 4, 9000, k2);
	CHECK(strcmp(k1, k2) != 0);
	cart_checkout_key(a, 3, 9001, k2);	/* a price changed */
	CHECK(strcmp(k1, k2) != 0);
	cart_checkout_key(b, 3, 9000, k2);
	CHECK(strcmp(k1, k2) != 0);
	order_token(t1, k1);
	CHECK_INT(strlen(t1), ORDER_TOKEN_LEN);
	CHECK(strcmp(t1, k1) != 0 && strncmp(t1, k1, 8) != 0);
}

TEST(order_discounts_and_references)
{
	char ref[ORDER_REF_BUF];

	CHECK_INT(order_discount("percent", 10, 30000), 3000);
	CHECK_INT(order_discount("percent", 15, 999), 149);	/* rounded down */
	CHECK_INT(order_discount("percent", 100, 5000), 5000);
	CHECK_INT(order_discount("fixed", 5000, 30000), 5000);
	CHECK_INT(order_discount("fixed", 50000, 30000), 30000);	/* capped */
	CHECK_INT(order_discount("percent", 33, 4611686018427387903LL),
	    4611686018427387903LL / 100 * 33 + 4611686018427387903LL % 100 * 33 / 100);
	conf_set(CONF_ORDER_PREFIX, "SK");
	order_reference(ref);
	CHECK_INT(strlen(ref), 3 + ORDER_REF_CHARS);
	CHECK(strncmp(ref, "SK-", 3) == 0);
	CHECK(strspn(ref + 3, "23456789ABCDEFGHJKLMNPQRSTUVWXYZ") == ORDER_REF_CHARS);
	CHECK(order_status_ok("proof_received"));
	CHECK(!order_status_ok("shipped"));
}

TEST(json_strings_are_inert)
{
	struct buf b = { 0 };

	json_str(&b, "a\"b\\c\n<script>&'\x01");
	CHECK_STR(b.data, "\"a\\\"b\\\\c\\n\\u003cscript\\u003e\\u0026\\u0027\\u0001\"");
	/* The short escapes, DEL, text kept as is around them, UTF-8
	 * untouched; text that is not UTF-8 is an empty string. */
	buf_reset(&b);
	json_str(&b, "\t\r\b\f\x7f\x1f caf\xc3\xa9 \xe2\x80\xa8/x");
	CHECK_STR(b.data, "\"\\t\\r\\b\\f\\u007f\\u001f caf\xc3\xa9 \xe2\x80\xa8/x\"");
	buf_reset(&b);
	json_str(&b, "ab\xc3");
	CHECK_STR(b.data, "\"\"");
	buf_reset(&b);
	json_str(&b, "");
	CHECK_STR(b.data, "\"\"");
	buf_free(&b);
}

TEST(proofs_recognised_by_content)
{
	CHECK_STR(proof_sniff("\xff\xd8\xff\xe0" "0123456789ab", 16), "image/jpeg");
	CHECK_STR(proof_sniff("\x89PNG\r\n\x1a\n" "01234567", 16), "image/png");
	CHECK_STR(proof_sniff("RIFF\x10\0\0\0WEBPVP8 ", 16), "image/webp");
	CHECK_STR(proof_sniff("%PDF-1.7\n%abcdefg", 16), "application/pdf");
	CHECK(proof_sniff("<svg onload=x()>", 16) == NULL);
	CHECK(proof_sniff("GIF89a0123456789", 16) == NULL);
	CHECK(proof_sniff("RIFF\x10\0\0\0WAVEfmt ", 16) == NULL);
	CHECK(proof_sniff("\x89PNG\r\n\x1a\n", 8) == NULL);	/* too short */
}

TEST(payment_methods_for_a_cart)
{
	const struct pay_method *m[PAY_MAX];
	struct pay_cart digital = { 1000, 2, 0 }, mixed = { 1000, 2, 1 },
	    shipped = { 1000, 2, 2 };

	conf_set(CONF_PAY_METHODS, "cod, bank mobile bank");
	conf_set(CONF_PAY_BANK_IBAN, "TN59 1000");
	conf_set(CONF_PAY_MOBILE, "Orange Money = +216 20 000 000; D17=+216 55");
	CHECK_INT(pay_check_conf(), 0);
	CHECK_INT(pay_offered(&digital, m), 2);
	CHECK_STR(m[0]->id, "bank");
	CHECK_STR(m[1]->id, "mobile");
	CHECK_INT(pay_offered(&mixed, m), 2);
	CHECK_INT(pay_offered(&shipped, m), 3);
	CHECK_STR(m[0]->id, "cod");		/* the shop's order */
	conf_set(CONF_PAY_MOBILE, "Orange Money +216 20 000 000");	/* no '=' */
	CHECK_INT(pay_offered(&digital, m), 1);
	conf_set(CONF_PAY_BANK_IBAN, "");
	CHECK_INT(pay_offered(&digital, m), 0);
	conf_set(CONF_PAY_METHODS, "bank paypal");
	CHECK_INT(pay_check_conf(), -1);
	conf_set(CONF_PAY_METHODS, "bank mobile cod");
}

/* One list of wallets (pay_wallets) for checkout, the order page and the
 * mails: holders given or the store's name, a malformed item turning
 * mobile money off rather than showing a half list; the pay-by time and
 * the cash-on-delivery wording. */
TEST(pay_wallets_holders_deadline_and_cod_wording)
{
	struct pay_wallet w[PAY_MAX_WALLETS];
	struct pay_rows rows = { .n = 0 };
	struct order o = { .reference = "SK-TEST2345" };

	conf_set(CONF_STORE_NAME, "Souk Test");
	conf_set(CONF_PAY_MOBILE, "Orange Money = +216 20 000 000 = Souk SARL; "
	    "D17 = +216 55 000 000;");
	CHECK_INT(pay_wallets(w), 2);
	CHECK_STR(w[0].op, "Orange Money");
	CHECK_STR(w[0].number, "+216 20 000 000");
	CHECK_STR(w[0].holder, "Souk SARL");
	CHECK_STR(w[1].holder, "Souk Test");
	pay_mobile.instructions(&o, &rows);
	CHECK_INT(rows.n, 3);
	CHECK_STR(rows.row[0].name, "Orange Money");
	CHECK_STR(rows.row[0].value, "+216 20 000 000");
	CHECK_STR(rows.row[0].holder, "Souk SARL");
	CHECK_INT(rows.row[0].copy, 1);
	CHECK_STR(rows.row[2].key, "reference");
	CHECK_INT(rows.row[2].copy, 1);
	conf_set(CONF_PAY_MOBILE, "Orange Money = +216 20 000 000; D17 = = x");
	CHECK_INT(pay_wallets(w), 0);
	CHECK_INT(pay_mobile.configured(), 0);
	conf_set(CONF_PAY_MOBILE, "Orange Money = +216 20 000 000; D17=+216 55");
	CHECK_INT(pay_mobile.configured(), 1);
	conf_set(CONF_ORDER_HOLD_MOBILE, "172800");
	CHECK_INT(pay_deadline_after("mobile"), 172800);
	CHECK_INT(pay_deadline_after("cod"), 0);
	CHECK_STR(pay_status_text("cod", "awaiting_payment"), "cod_confirmed");
	CHECK_STR(pay_status_text("cod", "paid"), "paid");
	CHECK_STR(pay_status_text("bank", "awaiting_payment"),
	    "awaiting_payment");
}
