/* test_mail_format.c — header guards, base64, quoted-printable, RFC 2047
 * encoded-words, header folding, dates, whole messages, retry delays. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "mail.h"
#include "mail_format.h"
#include "t.h"
#include "utf8.h"

/* Decodes standard base64 s[0..n) into out (NUL-terminated); returns the
 * length, or -1 on a bad character. */
static int
b64_decode(const char *s, size_t n, char *out)
{
	static const char tab[] =
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	unsigned v = 0;
	int bits = 0, o = 0;

	for (size_t i = 0; i < n && s[i] != '='; i++) {
		const char *p = strchr(tab, s[i]);
		if (p == NULL || s[i] == '\0')
			return -1;
		v = v << 6 | (unsigned)(p - tab);
		if ((bits += 6) >= 8) {
			bits -= 8;
			out[o++] = (char)(v >> bits & 0xff);
		}
	}
	out[o] = '\0';
	return o;
}

/* Decodes every "=?UTF-8?B?...?=" word of a (possibly folded) header
 * value, ignoring what lies between words; returns the text (static). */
static const char *
words_decode(const char *s)
{
	static char out[4096];
	size_t o = 0;
	const char *p = s;

	while ((p = strstr(p, "=?UTF-8?B?")) != NULL) {
		const char *e = strstr(p + 10, "?=");
		int n;
		if (e == NULL)
			break;
		n = b64_decode(p + 10, (size_t)(e - p - 10), out + o);
		if (n < 0)
			return "(bad base64)";
		/* Each word must hold whole UTF-8 characters. */
		if (!utf8_valid(out + o, (size_t)n))
			return "(word splits a character)";
		o += (size_t)n;
		p = e + 2;
	}
	out[o] = '\0';
	return out;
}

static int
hexval(char c)
{
	return c >= '0' && c <= '9' ? c - '0' : c >= 'A' && c <= 'F' ?
	    c - 'A' + 10 : -1;
}

/* Decodes quoted-printable (CRLF line breaks) into out; -1 when badly
 * formed (lowercase hex, lone '=', a line over 76 characters). */
static int
qp_decode(const char *s, char *out)
{
	size_t o = 0, col = 0;

	while (*s) {
		if (s[0] == '\r' && s[1] == '\n') {
			out[o++] = '\n';
			s += 2;
			col = 0;
			continue;
		}
		if (*s == '\n' || *s == '\r')
			return -1;	/* bare CR or LF */
		if (++col > 76)
			return -1;
		if (*s != '=') {
			out[o++] = *s++;
			continue;
		}
		if (s[1] == '\r' && s[2] == '\n') {
			s += 3;
			col = 0;
			continue;
		}
		if (hexval(s[1]) < 0 || hexval(s[2]) < 0)
			return -1;
		out[o++] = (char)(hexval(s[1]) * 16 + hexval(s[2]));
		s += 3;
		col += 2;
	}
	out[o] = '\0';
	return 0;
}

/* 1 when every line of s ends in CRLF and none is longer than max. */
static int
lines_ok(const char *s, size_t max)
{
	size_t col = 0;

	for (; *s; s++) {
		if (*s == '\r') {
			if (s[1] != '\n')
				return 0;
			s++;
			col = 0;
			continue;
		}
		if (*s == '\n' || ++col > max)
			return 0;
	}
	return col == 0;
}

TEST(mail_header_safe_refuses_controls)
{
	CHECK(mail_header_safe("Jean Dupont", 200));
	CHECK(mail_header_safe("Éloïse 😀 «ça»", 200));
	CHECK(!mail_header_safe("a\r\nBcc: x@example.com", 200));
	CHECK(!mail_header_safe("a\nb", 200));
	CHECK(!mail_header_safe("a\rb", 200));
	CHECK(!mail_header_safe("a\tb", 200));
	CHECK(!mail_header_safe("a\x01" "b", 200));
	CHECK(!mail_header_safe("a\x1b[31m", 200));
	CHECK(!mail_header_safe("a\x7f", 200));
	CHECK(!mail_header_safe("next\xc2\x85line", 200));	/* U+0085 */
	CHECK(!mail_header_safe("a\xe2\x80\xa8" "b", 200));	/* U+2028 */
	CHECK(!mail_header_safe("a\xe2\x80\xa9" "b", 200));	/* U+2029 */
	CHECK(!mail_header_safe("\xc3\x28", 200));		/* bad UTF-8 */
	CHECK(mail_header_safe("12345", 5));
	CHECK(!mail_header_safe("123456", 5));
}

TEST(mail_addr_safe_one_plain_address)
{
	char local[80], longaddr[300];

	CHECK(mail_addr_safe("a@b.co"));
	CHECK(mail_addr_safe("shop@localhost"));
	CHECK(mail_addr_safe("first.last+tag@mail.example.com"));
	CHECK(mail_addr_safe("o'brien@example.ie"));
	CHECK(!mail_addr_safe("a b@c.de"));
	CHECK(!mail_addr_safe("a@b@c.de"));
	CHECK(!mail_addr_safe("<a@b.co>"));
	CHECK(!mail_addr_safe("a@b.co,c@d.co"));
	CHECK(!mail_addr_safe("a@b.co\r\nBcc: x@y.co"));
	CHECK(!mail_addr_safe("a@b.co\n"));
	CHECK(!mail_addr_safe("Jean <a@b.co>"));
	CHECK(!mail_addr_safe("\xc3\xa9@b.co"));
	CHECK(!mail_addr_safe("a@b\xc3\xa9.co"));
	CHECK(!mail_addr_safe(".a@b.co"));
	CHECK(!mail_addr_safe("a.@b.co"));
	CHECK(!mail_addr_safe("a..b@c.co"));
	CHECK(!mail_addr_safe("a@-b.co"));
	CHECK(!mail_addr_safe("a@b-.co"));
	CHECK(!mail_addr_safe("a@b..co"));
	CHECK(!mail_addr_safe("a@b.co."));
	CHECK(!mail_addr_safe("a@"));
	CHECK(!mail_addr_safe("@b.co"));
	CHECK(!mail_addr_safe("a\"b@c.co"));
	memset(local, 'x', 65);
	local[65] = '\0';
	snprintf(longaddr, sizeof(longaddr), "%s@b.co", local);
	CHECK(!mail_addr_safe(longaddr));
	local[64] = '\0';
	snprintf(longaddr, sizeof(longaddr), "%s@b.co", local);
	CHECK(mail_addr_safe(longaddr));
	memset(longaddr, 'a', sizeof(longaddr));
	memcpy(longaddr, "x@", 2);
	for (size_t i = 40; i < 250; i += 40)
		longaddr[i] = '.';
	longaddr[255] = '\0';	/* 255 bytes */
	CHECK(!mail_addr_safe(longaddr));
}

TEST(mail_msgid_safe_shape)
{
	CHECK(mail_msgid_safe("<1700000000.abc_-D@shop.example>"));
	CHECK(!mail_msgid_safe("1700000000.abc@shop.example"));
	CHECK(!mail_msgid_safe("<a b@shop.example>"));
	CHECK(!mail_msgid_safe("<ab@shop.example>\r\nBcc: x@y.z"));
	CHECK(!mail_msgid_safe("<noat>"));
}

TEST(mail_b64_vectors)
{
	/* RFC 4648 section 10. */
	static const char *const in[] = { "", "f", "fo", "foo", "foob", "fooba",
	    "foobar" };
	static const char *const out[] = { "", "Zg==", "Zm8=", "Zm9v",
	    "Zm9vYg==", "Zm9vYmE=", "Zm9vYmFy" };

	for (size_t i = 0; i < sizeof(in) / sizeof(in[0]); i++) {
		struct buf b = { 0 };
		mail_b64(&b, in[i], strlen(in[i]));
		CHECK_STR(b.data ? b.data : "", out[i]);
		buf_free(&b);
	}
}

/* QP-encodes s and checks the exact result. */
static void
qp_is(const char *s, const char *want)
{
	struct buf b = { 0 };

	mail_qp(&b, s);
	CHECK_STR(b.data, want);
	buf_free(&b);
}

TEST(mail_qp_characters)
{
	qp_is("hello", "hello\r\n");
	qp_is("a=b", "a=3Db\r\n");
	qp_is("caf\xc3\xa9", "caf=C3=A9\r\n");
	qp_is("trailing \nspace\t", "trailing=20\r\nspace=09\r\n");
	qp_is("in side", "in side\r\n");
	qp_is("a\rb\nc\r\nd\n", "a\r\nb\r\nc\r\nd\r\n");
	qp_is(".\n..x", "=2E\r\n=2E.x\r\n");
	qp_is("From me\nFrom", "=46rom me\r\nFrom\r\n");
	qp_is("bell\x07", "bell=07\r\n");
	qp_is("", "\r\n");
}

TEST(mail_qp_long_lines_round_trip)
{
	static const char *const samples[] = {
		/* 200 ASCII letters on one line */
		"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
		"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
		/* accents: every character takes 6 encoded bytes */
		"\xc3\xa9t\xc3\xa9 \xc3\xa0 la plage, \xc3\xa7" "a va tr\xc3\xa8s bien, "
		"\xc3\xa9t\xc3\xa9 \xc3\xa0 la plage, \xc3\xa7" "a va tr\xc3\xa8s bien, "
		"\xc3\xa9t\xc3\xa9 \xc3\xa0 la plage, \xc3\xa7" "a va tr\xc3\xa8s bien.\n"
		"Deuxi\xc3\xa8me ligne \xe2\x82\xac 10 = dix \xf0\x9f\x98\x80\n",
		/* a soft break falling on a line-initial dot and spaces */
		"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
		".dot          then spaces                                                   \n",
	};

	for (size_t i = 0; i < sizeof(samples) / sizeof(samples[0]); i++) {
		struct buf b = { 0 };
		char back[2048];
		const char *s = samples[i];
		size_t n = strlen(s);

		mail_qp(&b, s);
		CHECK(lines_ok(b.data, 76));
		for (size_t k = 0; k < b.len; k++)
			CHECK((unsigned char)b.data[k] < 0x80);
		CHECK(strstr(b.data, "\r\n.") == NULL);
		CHECK_INT(qp_decode(b.data, back), 0);
		/* Decoding gives the text back, with a final newline. */
		CHECK(strncmp(back, s, n) == 0);
		CHECK(s[n - 1] == '\n' ? back[n] == '\0' : strcmp(back + n, "\n") == 0);
		buf_free(&b);
	}
}

TEST(mail_words_encode_and_fold)
{
	struct buf b = { 0 };
	const char *emoji = "Commande n\xc2\xb0 42 \xf0\x9f\x8e\x89\xf0\x9f\x8e\x89 "
	    "\xc3\xa9t\xc3\xa9 \xe2\x80\x94 livraison express, merci beaucoup "
	    "pour votre patience \xf0\x9f\x98\x80\xf0\x9f\x98\x80\xf0\x9f\x98\x80";
	const char *p;
	size_t col;

	col = mail_words(&b, "Hello", 9);
	CHECK_STR(b.data, "=?UTF-8?B?SGVsbG8=?=");
	CHECK_INT(col, 9 + 20);
	buf_reset(&b);
	buf_puts(&b, "Subject: ");
	mail_words(&b, emoji, 9);
	buf_puts(&b, "\r\n");
	CHECK(lines_ok(b.data, 78));
	CHECK(strcmp(words_decode(b.data), emoji) == 0);
	/* Every word is at most 75 characters. */
	for (p = b.data; (p = strstr(p, "=?")) != NULL; p += 2) {
		const char *e = strstr(p, "?=");
		CHECK(e != NULL && e + 2 - p <= 75);
		p = e;
	}
	/* Only 4-byte characters: no word may end inside one. */
	buf_reset(&b);
	{
		char many[30 * 4 + 1];
		for (int k = 0; k < 30; k++)
			memcpy(many + 4 * k, "\xf0\x9f\x98\x80", 4);
		many[120] = '\0';
		mail_words(&b, many, 9);
		CHECK(strcmp(words_decode(b.data), many) == 0);
	}
	/* Starting far right folds before the first word. */
	buf_reset(&b);
	col = mail_words(&b, "\xc3\xa9", 70);
	CHECK(strncmp(b.data, "\r\n =?UTF-8?B?", 13) == 0);
	CHECK(strcmp(words_decode(b.data), "\xc3\xa9") == 0);
	CHECK(col < 78);
	buf_free(&b);
}

/* The value of a header line with its folding undone. */
static const char *
unfold(const char *line)
{
	static char out[4096];
	size_t o = 0;

	for (const char *p = strchr(line, ':') + 2; *p; p++) {
		if (p[0] == '\r' && p[1] == '\n') {
			p++;
			continue;
		}
		out[o++] = *p;
	}
	out[o] = '\0';
	return out;
}

TEST(mail_header_text_plain_folded_or_encoded)
{
	struct buf b = { 0 };
	const char *longer = "Question about my order: the box arrived today but "
	    "the remote control and the HDMI cable were missing from it";

	mail_header_text(&b, "Subject", "Hello world");
	CHECK_STR(b.data, "Subject: Hello world\r\n");
	buf_reset(&b);
	mail_header_text(&b, "Subject", longer);
	CHECK(lines_ok(b.data, 78));
	CHECK(strstr(b.data, "\r\n ") != NULL);		/* folded */
	CHECK(strstr(b.data, "=?") == NULL);		/* still plain */
	CHECK(strcmp(unfold(b.data), longer) == 0);
	buf_reset(&b);
	mail_header_text(&b, "Subject", "looks =?like?= a word");
	CHECK(strncmp(b.data, "Subject: =?UTF-8?B?", 19) == 0);
	CHECK(strcmp(words_decode(b.data), "looks =?like?= a word") == 0);
	buf_reset(&b);
	mail_header_text(&b, "Subject", "Caf\xc3\xa9 \xf0\x9f\x98\x80");
	CHECK(strcmp(words_decode(b.data), "Caf\xc3\xa9 \xf0\x9f\x98\x80") == 0);
	for (size_t k = 0; k < b.len; k++)
		CHECK((unsigned char)b.data[k] < 0x80);
	buf_free(&b);
}

TEST(mail_header_addr_quotes_or_encodes_names)
{
	struct buf b = { 0 };

	mail_header_addr(&b, "To", "Jean Dupont", "jean@example.fr");
	CHECK_STR(b.data, "To: Jean Dupont <jean@example.fr>\r\n");
	buf_reset(&b);
	mail_header_addr(&b, "To", "", "jean@example.fr");
	CHECK_STR(b.data, "To: jean@example.fr\r\n");
	buf_reset(&b);
	mail_header_addr(&b, "Reply-To", "J. \"Doe\", \\ Inc", "j@example.com");
	CHECK_STR(b.data, "Reply-To: \"J. \\\"Doe\\\", \\\\ Inc\" <j@example.com>\r\n");
	buf_reset(&b);
	mail_header_addr(&b, "From", "\xc3\x89lodie Fran\xc3\xa7ois", "e@example.fr");
	CHECK(strncmp(b.data, "From: =?UTF-8?B?", 16) == 0);
	CHECK(strstr(b.data, "?= <e@example.fr>\r\n") != NULL);
	CHECK(strcmp(words_decode(b.data), "\xc3\x89lodie Fran\xc3\xa7ois") == 0);
	buf_free(&b);
}

TEST(mail_date_rfc5322)
{
	char d[64], *old = getenv("TZ") ? strdup(getenv("TZ")) : NULL;

	setenv("TZ", "UTC0", 1);
	tzset();
	mail_date(d, sizeof(d), 0);
	CHECK_STR(d, "Thu, 01 Jan 1970 00:00:00 +0000");
	mail_date(d, sizeof(d), 1717243199);
	CHECK_STR(d, "Sat, 01 Jun 2024 11:59:59 +0000");
	setenv("TZ", "CET-1", 1);	/* POSIX: one hour east of UTC */
	tzset();
	mail_date(d, sizeof(d), 0);
	CHECK_STR(d, "Thu, 01 Jan 1970 01:00:00 +0100");
	setenv("TZ", "NST3:30", 1);
	tzset();
	mail_date(d, sizeof(d), 0);
	CHECK_STR(d, "Wed, 31 Dec 1969 20:30:00 -0330");
	if (old != NULL)
		setenv("TZ", old, 1);
	else
		unsetenv("TZ");
	tzset();
	free(old);
}

static const struct mail_msg sample = {
	.from = "shop@shop.example", .from_name = "Souk D\xc3\xa9mo",
	.to = "client@example.fr", .to_name = "Ana\xc3\xafs",
	.reply_to = "orders@shop.example", .reply_to_name = "",
	.subject = "Votre message \xf0\x9f\x93\xa8",
	.text = "Bonjour,\n\nMerci \xc3\xa0 vous.\n.\nFrom the team\n",
	.html = NULL, .message_id = "<1.abc@shop.example>", .date = 0,
};

TEST(mail_format_whole_message)
{
	struct buf b = { 0 };
	const char *why = NULL, *body;
	char back[1024];

	CHECK_INT(mail_format(&b, &sample, &why), 0);
	CHECK(lines_ok(b.data, 78));
	for (size_t k = 0; k < b.len; k++)
		CHECK((unsigned char)b.data[k] < 0x80);
	CHECK(strncmp(b.data, "Date: ", 6) == 0);
	CHECK(strstr(b.data, "\r\nTo: =?UTF-8?B?") != NULL);
	CHECK(strstr(b.data, "?= <client@example.fr>\r\n") != NULL);
	CHECK(strstr(b.data, "\r\nReply-To: orders@shop.example\r\n") != NULL);
	CHECK(strstr(b.data, "\r\nMessage-ID: <1.abc@shop.example>\r\n") != NULL);
	CHECK(strstr(b.data, "\r\nMIME-Version: 1.0\r\n") != NULL);
	CHECK(strstr(b.data, "\r\nContent-Type: text/plain; charset=UTF-8\r\n"
	    "Content-Transfer-Encoding: quoted-printable\r\n\r\n") != NULL);
	body = strstr(b.data, "\r\n\r\n") + 4;
	CHECK_INT(qp_decode(body, back), 0);
	CHECK(strcmp(back, "Bonjour,\n\nMerci \xc3\xa0 vous.\n.\nFrom the team\n") == 0);
	buf_free(&b);
}

TEST(mail_format_multipart_with_html)
{
	struct buf b = { 0 };
	struct mail_msg m = sample;
	const char *why;

	m.html = "<p>Merci \xc3\xa0 vous</p>";
	CHECK_INT(mail_format(&b, &m, &why), 0);
	CHECK(lines_ok(b.data, 78));
	CHECK(strstr(b.data, "Content-Type: multipart/alternative; "
	    "boundary=\"=_souk_alternative\"\r\n") != NULL);
	CHECK(strstr(b.data, "\r\n--=_souk_alternative\r\nContent-Type: "
	    "text/plain; charset=UTF-8\r\n") != NULL);
	CHECK(strstr(b.data, "\r\n--=_souk_alternative\r\nContent-Type: "
	    "text/html; charset=UTF-8\r\n") != NULL);
	CHECK(strstr(b.data, "<p>Merci =C3=A0 vous</p>\r\n--=_souk_alternative--\r\n")
	    != NULL);
	buf_free(&b);
}

/* sample with one field replaced by hostile text must be refused with
 * `why`, writing nothing. */
static void
refused(struct mail_msg m, const char *why)
{
	struct buf b = { 0 };
	const char *got = NULL;

	CHECK_INT(mail_format(&b, &m, &got), -1);
	CHECK_STR(got, why);
	CHECK(b.len == 0);
	buf_free(&b);
}

TEST(mail_format_refuses_unsafe_fields)
{
	struct mail_msg m;

	m = sample, m.to = "client@example.fr\r\nBcc: x@evil.example";
	refused(m, "to address");
	m = sample, m.to = "a@example.fr, b@example.fr";
	refused(m, "to address");
	m = sample, m.to_name = "Ana\r\nBcc: x@evil.example";
	refused(m, "to name");
	m = sample, m.reply_to = "x@evil.example\nCc: y@evil.example";
	refused(m, "reply-to address");
	m = sample, m.reply_to_name = "a\x01";
	refused(m, "reply-to name");
	m = sample, m.subject = "Hi\r\nBcc: x@evil.example";
	refused(m, "subject");
	m = sample, m.from = "shop@shop.example>\r\nX: y";
	refused(m, "from address");
	m = sample, m.message_id = "<1@x>\r\nBcc: x@evil.example";
	refused(m, "message-id");
	m = sample, m.in_reply_to = "<1@x>\r\nBcc: x@evil.example";
	refused(m, "in-reply-to");
	m = sample, m.in_reply_to = "no-brackets@x";
	refused(m, "in-reply-to");
	m = sample, m.references = "<1@x> <2@x>\nBcc: x@evil.example";
	refused(m, "references");
	m = sample, m.references = "<1@x>  <2@x>";
	refused(m, "references");
	m = sample, m.references = "<1@x> ";
	refused(m, "references");
}

TEST(mail_format_threads_replies)
{
	struct buf b = { 0 };
	struct mail_msg m = sample;
	const char *why;

	m.in_reply_to = "<2.def@shop.example>";
	m.references = "<1.abc@shop.example> <2.def@shop.example>";
	CHECK_INT(mail_format(&b, &m, &why), 0);
	CHECK(lines_ok(b.data, 78));
	CHECK(strstr(b.data, "\r\nIn-Reply-To: <2.def@shop.example>\r\n") != NULL);
	CHECK(strstr(b.data, "\r\nReferences: <1.abc@shop.example>\r\n"
	    " <2.def@shop.example>\r\n") != NULL);
	buf_free(&b);
	CHECK_INT(mail_refs_safe(""), 1);
	CHECK_INT(mail_refs_safe("<a@b>"), 1);
	CHECK_INT(mail_refs_safe(" <a@b>"), 0);
	CHECK_INT(mail_format(&b, &sample, &why), 0);
	CHECK(strstr(b.data, "In-Reply-To") == NULL);
	CHECK(strstr(b.data, "References") == NULL);
	buf_free(&b);
}

TEST(mail_retry_delay_doubles_up_to_max)
{
	static const long long cases[][4] = {	/* attempts, base, max, delay */
		{ 1, 60, 3600, 60 }, { 2, 60, 3600, 120 }, { 3, 60, 3600, 240 },
		{ 6, 60, 3600, 1920 }, { 7, 60, 3600, 3600 },
		{ 1000, 60, 3600, 3600 }, { 0, 1, 30, 1 },
	};

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		CHECK_INT(mail_retry_delay(cases[i][0], cases[i][1], cases[i][2]),
		    cases[i][3]);
}

/* Issue 7, finding 3: no display name in To: for an address nobody has
 * verified; mail_enqueue() refuses one. */
TEST(mail_enqueue_names_only_verified_recipients)
{
	char path[PATH_MAX];
	struct db *db;
	struct mail m = {
		.to = "someone@example.com", .to_name = "Some One",
		.subject = "Hello", .text = "Hi.\n",
	};

	snprintf(path, sizeof(path), "%s/enqueue.db", t_tmpdir());
	db = db_open(path, DB_CREATE);
	CHECK(db != NULL && db_schema_create(db) == 0);
	if (db == NULL)
		return;
	CHECK(mail_enqueue(db, &m, NULL) < 0);		/* unverified */
	m.to_verified = 1;
	CHECK(mail_enqueue(db, &m, NULL) == 0);
	m.to_verified = 0;
	m.to_name = NULL;
	CHECK(mail_enqueue(db, &m, NULL) == 0);		/* bare address */
	m.subject = "Hi\xc2\x85there";			/* NEL */
	CHECK(mail_enqueue(db, &m, NULL) < 0);
	db_close(db);
}
