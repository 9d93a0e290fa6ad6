/* test_valid.c — the single-value validators and the key-table runner. */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "mail_format.h"
#include "store_conf.h"
#include "t.h"
#include "valid.h"
#include "money.h"

/* valid_int: 0 and the value, or -1 and the error code. */
static long long
vint(const char *s, long long min, long long max, const char **err)
{
	long long v = -4242;

	*err = NULL;
	if (valid_int(s, min, max, &v, err) < 0)
		return -4242;
	return v;
}

TEST(valid_int_accepts_plain_decimal)
{
	const char *err;

	CHECK_INT(vint("0", 0, 10, &err), 0);
	CHECK_INT(vint("10", 0, 10, &err), 10);
	CHECK_INT(vint("-0", 0, 10, &err), 0);
	CHECK_INT(vint("-7", -10, 10, &err), -7);
	CHECK_INT(vint("007", 0, 10, &err), 7);
	CHECK_INT(vint("9223372036854775807", 0, LLONG_MAX, &err), LLONG_MAX);
	CHECK_INT(vint("-9223372036854775807", LLONG_MIN, 0, &err), -LLONG_MAX);
	CHECK(err == NULL);
}

TEST(valid_int_ranges_and_overflow)
{
	const char *err;

	CHECK_INT(vint("11", 0, 10, &err), -4242);
	CHECK_STR(err, "int_range");
	CHECK_INT(vint("-1", 0, 10, &err), -4242);
	CHECK_STR(err, "int_range");
	CHECK_INT(vint("9223372036854775808", 0, LLONG_MAX, &err), -4242);
	CHECK_STR(err, "int_range");
	CHECK_INT(vint("99999999999999999999999", 0, LLONG_MAX, &err), -4242);
	CHECK_STR(err, "int_range");
	CHECK_INT(vint("-99999999999999999999999", LLONG_MIN, 0, &err), -4242);
	CHECK_STR(err, "int_range");
}

TEST(valid_int_refuses_signs_spaces_and_other_forms)
{
	static const char *const bads[] = {
		"", "-", "+", "+5", "--5", " 5", "5 ", "\t5", "5\n", "1e3", "0x10",
		"1.0", "1,0", "12a", "a12", "\xd9\xa1",	/* Arabic-Indic one */
		"\xef\xbc\x91",				/* fullwidth one */
	};
	const char *err;

	for (size_t i = 0; i < sizeof(bads) / sizeof(*bads); i++) {
		err = NULL;
		if (vint(bads[i], LLONG_MIN, LLONG_MAX, &err) != -4242 ||
		    err == NULL || strcmp(err, "not_int") != 0)
			t_fail(__FILE__, __LINE__, bads[i]);
	}
}

/* valid_money: the amount in minor units or -4242 with *err. */
static long long
vmoney(const char *s, int dec, const char **err)
{
	long long v = -4242;

	*err = NULL;
	if (valid_money(s, dec, 0, LLONG_MAX, &v, err) < 0)
		return -4242;
	return v;
}

TEST(valid_money_two_decimals)
{
	const char *err;

	CHECK_INT(vmoney("12", 2, &err), 1200);
	CHECK_INT(vmoney("12.5", 2, &err), 1250);
	CHECK_INT(vmoney("12.50", 2, &err), 1250);
	CHECK_INT(vmoney("12,50", 2, &err), 1250);	/* decimal comma */
	CHECK_INT(vmoney("0.01", 2, &err), 1);
	CHECK_INT(vmoney(".5", 2, &err), 50);
	CHECK_INT(vmoney("0", 2, &err), 0);
	CHECK_INT(vmoney("000.10", 2, &err), 10);
	CHECK_INT(vmoney("12.345", 2, &err), -4242);
	CHECK_STR(err, "money_decimals");
	CHECK_INT(vmoney("0.001", 2, &err), -4242);
	CHECK_STR(err, "money_decimals");
}

TEST(valid_money_three_and_zero_decimals)
{
	const char *err;

	CHECK_INT(vmoney("1.5", 3, &err), 1500);
	CHECK_INT(vmoney("1,234", 3, &err), 1234);	/* a comma is decimal */
	CHECK_INT(vmoney("0.001", 3, &err), 1);
	CHECK_INT(vmoney("30", 3, &err), 30000);
	CHECK_INT(vmoney("1.0001", 3, &err), -4242);
	CHECK_STR(err, "money_decimals");
	CHECK_INT(vmoney("1500", 0, &err), 1500);
	CHECK_INT(vmoney("1.5", 0, &err), -4242);
	CHECK_STR(err, "money_decimals");
	CHECK_INT(vmoney("1,5", 0, &err), -4242);
	CHECK_STR(err, "money_decimals");
}

TEST(valid_money_refuses_malformed)
{
	static const char *const bads[] = {
		"", ".", ",", "-1", "+1", "1.2.3", "1 000", " 1", "1 ", "1e3",
		"abc", "12a", "$12", "12TND", "0x10", "1..2", "\xd9\xa1",
	};
	const char *err;

	for (size_t i = 0; i < sizeof(bads) / sizeof(*bads); i++)
		if (vmoney(bads[i], 2, &err) != -4242 || err == NULL ||
		    strcmp(err, "bad_money") != 0)
			t_fail(__FILE__, __LINE__, bads[i]);
	/* Grouping separators are refused (one of them is read as the
	 * decimal mark, so the error is about decimals or the format). */
	CHECK_INT(vmoney("1,234.56", 2, &err), -4242);
	CHECK_INT(vmoney("1,234.56", 3, &err), -4242);
	CHECK_INT(vmoney("1.234,56", 3, &err), -4242);
}

TEST(valid_money_overflow_and_range)
{
	const char *err;
	long long v;

	/* The largest amounts are refused before anything wraps. */
	CHECK_INT(vmoney("92233720368547758.08", 2, &err), -4242);
	CHECK_STR(err, "money_range");
	CHECK_INT(vmoney("99999999999999999999", 0, &err), -4242);
	CHECK_STR(err, "money_range");
	CHECK_INT(vmoney("9999999999999999999.999", 3, &err), -4242);
	CHECK_STR(err, "money_range");
	CHECK_INT(vmoney("9223372036854769.999", 3, &err), 9223372036854769999LL);
	CHECK_INT(vmoney("92233720368547749.99", 2, &err), 9223372036854774999LL);
	/* Ranges are in minor units. */
	CHECK_INT(valid_money("10.00", 2, 100, 1000, &v, &err), 0);
	CHECK_INT(v, 1000);
	CHECK_INT(valid_money("10.01", 2, 100, 1000, &v, &err), -1);
	CHECK_STR(err, "money_range");
	CHECK_INT(valid_money("0.99", 2, 100, 1000, &v, &err), -1);
	CHECK_STR(err, "money_range");
}

TEST(valid_slug_cases)
{
	static const char *const goods[] = {
		"a", "z9", "iptv-gold-4k", "a-b-c", "2024", "medina-nights-s2e01",
	};
	static const char *const bads[] = {
		"", "-", "-a", "a-", "a--b", "A", "Iptv", "a_b", "a b", "a.b",
		"a/b", "caf\xc3\xa9", "../x", "a\n", "%41",
	};
	const char *err;
	char long_slug[130];

	for (size_t i = 0; i < sizeof(goods) / sizeof(*goods); i++)
		if (valid_slug(goods[i], 120, &err) != 0)
			t_fail(__FILE__, __LINE__, goods[i]);
	for (size_t i = 0; i < sizeof(bads) / sizeof(*bads); i++) {
		err = NULL;
		if (valid_slug(bads[i], 120, &err) != -1 || err == NULL)
			t_fail(__FILE__, __LINE__, bads[i]);
	}
	memset(long_slug, 'a', sizeof(long_slug));
	long_slug[120] = '\0';
	CHECK_INT(valid_slug(long_slug, 120, &err), 0);
	long_slug[120] = 'a';
	long_slug[121] = '\0';
	CHECK_INT(valid_slug(long_slug, 120, &err), -1);
	CHECK_STR(err, "bad_slug");
}

TEST(valid_email_accepts_ordinary_addresses)
{
	static const char *const goods[] = {
		"a@b.co", "first.last@example.org", "a+tag@sub.example.tn",
		"o'brien@example.ie", "x_y-z@ex-ample.com", "1@2.3",
		"a!#$%&*=?^`{|}~@b.co",
		"j@xn--exmple-cua.de",		/* an IDN in its ASCII form */
	};
	const char *err;

	for (size_t i = 0; i < sizeof(goods) / sizeof(*goods); i++)
		if (valid_email(goods[i], &err) != 0)
			t_fail(__FILE__, __LINE__, goods[i]);
}

TEST(valid_email_refuses_malformed_and_several)
{
	static const char *const bads[] = {
		"", "a", "@", "a@", "@b.c", "a@b", "a@.b.c", "a@b.c.", "a@b..c",
		".a@b.c", "a.@b.c", "a..b@c.d", "a b@c.d", "a@b c.d", "a@b_c.d",
		"<a@b.c>", "A <a@b.c>", "a@b@c.d", "a@b.c,d@e.f", "a@b.c, d@e.f",
		"a@b.c;d@e.f", "a@b.c\r\nBcc: x@y.z", "a@b.c\nBcc: x@y.z",
		"a\r@b.c", "a@b.c\r", "a@b.c\n", "a@b.c\x7f", "\"a\"@b.c",
		"a(x)@b.c", "a@[127.0.0.1]", "a\\b@c.d", "a:b@c.d",
		"a@b.c\xc3", "\xff@b.c",
		/* Only what the mail sender can deliver: ASCII (no SMTPUTF8),
		 * DNS-shaped labels. */
		"j\xc3\xb6rg@example.de", "a@ex\xc3\xa4mple.de", "a@-b.c",
		"a@b-.c", "a@b.c-", "a@localhost",
	};
	const char *err;

	for (size_t i = 0; i < sizeof(bads) / sizeof(*bads); i++) {
		err = NULL;
		if (valid_email(bads[i], &err) != -1 || err == NULL ||
		    strcmp(err, "bad_email") != 0)
			t_fail(__FILE__, __LINE__, bads[i]);
	}
}

TEST(valid_email_length_limits)
{
	char s[300];
	const char *err;

	/* Local part: 64 octets at most. */
	memset(s, 'l', 64);
	strcpy(s + 64, "@example.com");
	CHECK_INT(valid_email(s, &err), 0);
	memset(s, 'l', 65);
	strcpy(s + 65, "@example.com");
	CHECK_INT(valid_email(s, &err), -1);
	/* The whole address: 254 octets at most (labels: 63 at most). */
	memset(s, 'l', 64);
	s[64] = '@';
	memset(s + 65, 'd', 185);
	for (int i = 65 + 60; i < 250; i += 61)
		s[i] = '.';
	strcpy(s + 250, ".com");
	CHECK_INT(strlen(s), 254);
	CHECK_INT(valid_email(s, &err), 0);
	memset(s + 65, 'd', 186);
	for (int i = 65 + 60; i < 251; i += 61)
		s[i] = '.';
	strcpy(s + 251, ".com");
	CHECK_INT(valid_email(s, &err), -1);
	/* A label over 63 octets. */
	memset(s, 'd', 64);
	strcpy(s, "a@");
	memset(s + 2, 'd', 64);
	strcpy(s + 66, ".com");
	CHECK_INT(valid_email(s, &err), -1);
}

/* valid_one for one key and one raw value. */
static struct val
one(const struct valid_key *k, const char *raw)
{
	static struct arena a;
	static int init;
	struct val v;

	if (!init) {
		arena_init(&a, 0);
		init = 1;
	}
	valid_one(&a, k, raw, &v);
	return v;
}

TEST(valid_line_and_text)
{
	const struct valid_key line = { "name", V_LINE, 2, 5, NULL, 0, NULL };
	const struct valid_key text = { "msg", V_TEXT, 0, 5, NULL, 0, NULL };
	struct val v;

	v = one(&line, "  abc  ");
	CHECK_INT(v.state, VAL_OK);
	CHECK_STR(v.s, "abc");			/* trimmed */
	CHECK_STR(v.raw, "  abc  ");
	/* A line is what a mail header takes (mail_header_safe): no control
	 * anywhere, not even one trimming would drop. */
	v = one(&line, "  abc \t\r\n");
	CHECK_INT(v.state, VAL_INVALID);
	CHECK_STR(v.err, "line_chars");
	v = one(&line, "a\tb");
	CHECK_STR(v.err, "line_chars");
	v = one(&line, "a\nb");
	CHECK_INT(v.state, VAL_INVALID);
	CHECK_STR(v.err, "line_chars");
	v = one(&line, "a\rb");
	CHECK_STR(v.err, "line_chars");
	v = one(&line, "a\x01");
	CHECK_STR(v.err, "line_chars");
	v = one(&line, "a\x7f");
	CHECK_STR(v.err, "line_chars");
	v = one(&line, "a\x1b[31m");
	CHECK_STR(v.err, "line_chars");
	v = one(&line, "a\xc2\x85" "b");		/* U+0085 NEL */
	CHECK_STR(v.err, "line_chars");
	v = one(&line, "a\xe2\x80\xa8" "b");		/* U+2028 */
	CHECK_STR(v.err, "line_chars");
	v = one(&line, "a\xe2\x80\xa9" "b");		/* U+2029 */
	CHECK_STR(v.err, "line_chars");
	v = one(&line, "ab\xc3");
	CHECK_STR(v.err, "bad_utf8");
	v = one(&line, "ab\xed\xa0\x80");
	CHECK_STR(v.err, "bad_utf8");
	v = one(&text, "a\r\nb\n");		/* newlines in text */
	CHECK_INT(v.state, VAL_OK);
	v = one(&text, "a\x01");
	CHECK_STR(v.err, "bad_chars");
	v = one(&text, "a\xc2\x9b" "2J");		/* C1 CSI */
	CHECK_STR(v.err, "bad_chars");
	v = one(&text, "a\tb\xe2\x80\xa8" "c");	/* TAB, U+2028 in text */
	CHECK_INT(v.state, VAL_OK);
	/* Lengths are in code points: "été" is 3 of them in 5 bytes. */
	v = one(&line, "\xc3\xa9t\xc3\xa9");
	CHECK_INT(v.state, VAL_OK);
	v = one(&line, "\xc3\xa9t\xc3\xa9s\xf0\x9f\x98\x80");	/* 5 */
	CHECK_INT(v.state, VAL_OK);
	v = one(&line, "\xc3\xa9t\xc3\xa9s\xf0\x9f\x98\x80!");	/* 6 */
	CHECK_STR(v.err, "too_long");
	v = one(&line, "\xc3\xa9");				/* 1 < 2 */
	CHECK_STR(v.err, "too_short");
	v = one(&text, "123456");
	CHECK_STR(v.err, "too_long");
	/* Blank counts as absent, not as too short. */
	v = one(&line, " \t ");
	CHECK_INT(v.state, VAL_ABSENT);
	CHECK_STR(v.s, "");
}

/* Finding 6 of issue 7: the form validator and the mail header rule are
 * one definition.  For every code point, a name holding it passes V_LINE
 * exactly when mail_header_safe() takes it. */
TEST(valid_line_is_the_mail_header_rule)
{
	const struct valid_key name = { "name", V_LINE, 1, MAIL_NAME_CHARS,
	    NULL, 1, NULL };
	int mismatches = 0, refused = 0;

	for (unsigned long cp = 1; cp <= 0x10FFFF; cp++) {
		char s[8], *p = s;
		struct val v;

		if (cp >= 0xD800 && cp <= 0xDFFF)
			continue;
		*p++ = 'a';
		if (cp < 0x80)
			*p++ = (char)cp;
		else if (cp < 0x800) {
			*p++ = (char)(0xC0 | cp >> 6);
			*p++ = (char)(0x80 | (cp & 0x3F));
		} else if (cp < 0x10000) {
			*p++ = (char)(0xE0 | cp >> 12);
			*p++ = (char)(0x80 | (cp >> 6 & 0x3F));
			*p++ = (char)(0x80 | (cp & 0x3F));
		} else {
			*p++ = (char)(0xF0 | cp >> 18);
			*p++ = (char)(0x80 | (cp >> 12 & 0x3F));
			*p++ = (char)(0x80 | (cp >> 6 & 0x3F));
			*p++ = (char)(0x80 | (cp & 0x3F));
		}
		*p++ = 'b';
		*p = '\0';
		v = one(&name, s);
		if ((v.state == VAL_OK) != mail_header_safe(s, MAIL_NAME_MAX))
			mismatches++;
		refused += v.state != VAL_OK;
	}
	CHECK_INT(mismatches, 0);
	/* C0 (31 without NUL), DEL, C1 (32), U+2028, U+2029. */
	CHECK_INT(refused, 31 + 1 + 32 + 2);
	/* The longest valid name fits a display name. */
	{
		char longest[4 * MAIL_NAME_CHARS + 1] = "";
		for (int i = 0; i < MAIL_NAME_CHARS; i++)
			strcat(longest, "\xf0\x9f\x98\x80");
		CHECK_INT(one(&name, longest).state, VAL_OK);
		CHECK(mail_header_safe(longest, MAIL_NAME_MAX));
	}
}

TEST(valid_required)
{
	const struct valid_key req = { "email", V_EMAIL, 0, 0, NULL, 1, NULL };
	const struct valid_key opt = { "email", V_EMAIL, 0, 0, NULL, 0, NULL };
	const struct valid_key reqint = { "n", V_INT, 1, 9, NULL, 1, NULL };
	struct val v;

	v = one(&req, NULL);
	CHECK_INT(v.state, VAL_INVALID);
	CHECK_STR(v.err, "required");
	v = one(&req, "");
	CHECK_STR(v.err, "required");
	v = one(&req, "  \r\n");
	CHECK_STR(v.err, "required");
	v = one(&opt, NULL);
	CHECK_INT(v.state, VAL_ABSENT);
	CHECK(v.raw == NULL);
	v = one(&opt, " a@b.co ");		/* trimmed before checking */
	CHECK_INT(v.state, VAL_OK);
	CHECK_STR(v.s, "a@b.co");
	v = one(&opt, " a@b.co\r\n");		/* not one plain address */
	CHECK_STR(v.err, "bad_email");
	v = one(&opt, "a@b.co\r\nBcc: c@d.ef");
	CHECK_STR(v.err, "bad_email");
	v = one(&reqint, " 5 ");
	CHECK_INT(v.state, VAL_OK);
	CHECK_INT(v.i, 5);
	v = one(&reqint, "0");
	CHECK_STR(v.err, "int_range");
}

TEST(valid_enum_bool_token)
{
	static const char *const choices[] = { "new", "price", "name", NULL };
	const struct valid_key e = { "sort", V_ENUM, 0, 0, choices, 0, NULL };
	const struct valid_key b = { "ok", V_BOOL, 0, 0, NULL, 0, NULL };
	const struct valid_key t = { "tok", V_TOKEN, 4, 8, NULL, 0, NULL };
	static const char *const yes[] = { "1", "on", "yes", "true", "TRUE", "On" };
	static const char *const no[] = { "", "0", "off", "no", "false", "NO" };
	static const char *const notbool[] = { "2", "y", "n", " 1", "truee", "-1" };
	struct val v;

	v = one(&e, "price");
	CHECK_INT(v.state, VAL_OK);
	CHECK_INT(v.i, 1);
	v = one(&e, "name");
	CHECK_INT(v.i, 2);
	v = one(&e, "Price");
	CHECK_STR(v.err, "bad_choice");
	v = one(&e, "pric");
	CHECK_STR(v.err, "bad_choice");
	v = one(&e, "price ");
	CHECK_STR(v.err, "bad_choice");
	v = one(&e, "");
	CHECK_INT(v.state, VAL_ABSENT);
	for (size_t i = 0; i < sizeof(yes) / sizeof(*yes); i++) {
		v = one(&b, yes[i]);
		if (v.state != VAL_OK || v.i != 1)
			t_fail(__FILE__, __LINE__, yes[i]);
	}
	for (size_t i = 0; i < sizeof(no) / sizeof(*no); i++) {
		v = one(&b, no[i]);
		if (v.state != VAL_OK || v.i != 0)
			t_fail(__FILE__, __LINE__, no[i]);
	}
	for (size_t i = 0; i < sizeof(notbool) / sizeof(*notbool); i++) {
		v = one(&b, notbool[i]);
		if (v.state != VAL_INVALID || strcmp(v.err, "bad_bool") != 0)
			t_fail(__FILE__, __LINE__, notbool[i]);
	}
	v = one(&b, NULL);
	CHECK_INT(v.state, VAL_ABSENT);
	v = one(&t, "aZ9-_");
	CHECK_INT(v.state, VAL_OK);
	v = one(&t, "abc");
	CHECK_STR(v.err, "bad_token");
	v = one(&t, "abcdefghi");
	CHECK_STR(v.err, "bad_token");
	v = one(&t, "ab+/=");
	CHECK_STR(v.err, "bad_token");
}

TEST(valid_money_key_uses_store_decimals)
{
	const struct valid_key m = { "min", V_FUNC, 0, 0, NULL, 0, money_field };
	struct val v;

	conf_set(CONF_CURRENCY_DECIMALS, "3");
	v = one(&m, " 12,5 ");
	CHECK_INT(v.state, VAL_OK);
	CHECK_INT(v.i, 12500);
	CHECK_STR(v.s, "12,5");
	v = one(&m, "1.0001");
	CHECK_STR(v.err, "money_decimals");
	conf_set(CONF_CURRENCY_DECIMALS, "0");
	v = one(&m, "12.5");
	CHECK_STR(v.err, "money_decimals");
	conf_set(CONF_CURRENCY_DECIMALS, "2");
}

TEST(valid_run_sources_and_count)
{
	static const struct valid_key keys[] = {
		{ "page", V_INT, 1, 100, NULL, 0, NULL },
		{ NULL, V_INT, 0, 0, NULL, 0, NULL },	/* a hole in the table */
		{ "q", V_LINE, 0, 10, NULL, 0, NULL },
		{ "email", V_EMAIL, 0, 0, NULL, 1, NULL },
		{ "slug", V_SLUG, 0, 0, NULL, 0, NULL },
	};
	struct kv qv[] = { { "page", "2", 1 }, { "page", "3", 1 },
	    { "q", "x", 1 }, { "slug", "Bad Slug", 8 } };
	struct kv fv[] = { { "page", "9", 1 }, { "email", "a@b.co", 6 } };
	struct kvlist q = { qv, 4 }, f = { fv, 2 };
	struct val vals[5];
	struct arena a;

	arena_init(&a, 0);
	CHECK_INT(valid_run(&a, keys, 5, &q, &f, vals), 1);
	CHECK_INT(vals[0].i, 2);		/* first occurrence, first list */
	CHECK_INT(vals[1].state, VAL_ABSENT);
	CHECK_STR(vals[2].s, "x");
	CHECK_STR(vals[3].s, "a@b.co");		/* from the second list */
	CHECK_INT(vals[4].state, VAL_INVALID);
	CHECK_STR(vals[4].err, "bad_slug");
	CHECK_INT(valid_run(&a, keys, 5, NULL, NULL, vals), 1);	/* required */
	CHECK_STR(vals[3].err, "required");
	arena_free(&a);
}
