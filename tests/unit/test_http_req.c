/* test_http_req.c — query strings, urlencoded bodies, cookies, url_decode
 * and req_parse over a fake CGI environment. */
#include <stdlib.h>
#include <unistd.h>

#include "http_req.h"
#include "t.h"

/* max_body, max_upload, max_fields, max_field, max_cookies */
static const struct req_limits lim = { 1 << 20, 1 << 20, 10, 16, 4 };

/* form_parse on a C string. */
static enum req_error
parse(struct arena *a, const char *s, struct kvlist *l, const char **bad)
{
	*bad = NULL;
	return form_parse(a, s, strlen(s), &lim, l, bad);
}

TEST(form_basic_and_repeated)
{
	struct arena a;
	struct kvlist l;
	const char *bad = NULL;

	arena_init(&a, 0);
	CHECK_INT(form_parse(&a, "a=1&b=x+y&a=2&c", 15, &lim, &l, &bad), REQ_OK);
	CHECK_INT(l.n, 4);
	CHECK_STR(kv_get(&l, "a"), "1");
	CHECK_STR(l.v[2].val, "2");
	CHECK_STR(kv_get(&l, "b"), "x y");
	CHECK_STR(kv_get(&l, "c"), "");
	CHECK(kv_get(&l, "d") == NULL);
	CHECK(kv_get(&l, "A") == NULL);		/* names are case-sensitive */
	arena_free(&a);
}

TEST(form_rejects_bad_encoding_and_limits)
{
	struct arena a;
	struct kvlist l;
	const char *bad = NULL;

	arena_init(&a, 0);
	CHECK_INT(form_parse(&a, "a=%zz", 5, &lim, &l, &bad), REQ_BAD_ENCODING);
	CHECK_INT(form_parse(&a, "a=%4", 4, &lim, &l, &bad), REQ_BAD_ENCODING);
	CHECK_INT(form_parse(&a, "a=%C3%28", 8, &lim, &l, &bad), REQ_BAD_ENCODING);
	CHECK_INT(form_parse(&a, "a=%00", 5, &lim, &l, &bad), REQ_BAD_ENCODING);
	CHECK_INT(form_parse(&a, "a=12345678901234567", 19, &lim, &l, &bad),
	    REQ_FIELD_TOO_LONG);
	CHECK_STR(bad, "a");
	CHECK_INT(form_parse(&a, "a&a&a&a&a&a&a&a&a&a&a", 21, &lim, &l, &bad),
	    REQ_TOO_MANY_FIELDS);
	arena_free(&a);
}

TEST(form_empty_inputs_and_empty_names)
{
	struct arena a;
	struct kvlist l;
	const char *bad;

	arena_init(&a, 0);
	CHECK_INT(parse(&a, "", &l, &bad), REQ_OK);
	CHECK_INT(l.n, 0);
	CHECK_INT(parse(&a, "&", &l, &bad), REQ_OK);
	CHECK_INT(l.n, 0);
	CHECK_INT(parse(&a, "&&&", &l, &bad), REQ_OK);
	CHECK_INT(l.n, 0);
	/* "=x" has no name: nothing to bind, and not an error. */
	CHECK_INT(parse(&a, "=x&=&b=2&", &l, &bad), REQ_OK);
	CHECK_INT(l.n, 1);
	CHECK_STR(kv_get(&l, "b"), "2");
	CHECK(kv_get(&l, "") == NULL);
	/* Names are decoded like values. */
	CHECK_INT(parse(&a, "%41=1", &l, &bad), REQ_OK);
	CHECK_STR(kv_get(&l, "A"), "1");
	/* "a=" is an empty value; "a==b" keeps the second '='. */
	CHECK_INT(parse(&a, "a=&b==x", &l, &bad), REQ_OK);
	CHECK_STR(kv_get(&l, "a"), "");
	CHECK_STR(kv_get(&l, "b"), "=x");
	CHECK_INT(l.v[1].len, 2);
	arena_free(&a);
}

TEST(form_plus_and_percent)
{
	struct arena a;
	struct kvlist l;
	const char *bad;

	arena_init(&a, 0);
	CHECK_INT(parse(&a, "a+b=c+d&e=%2B%2b&f=100%25&g=%e2%82%ac", &l, &bad),
	    REQ_OK);
	CHECK_STR(kv_get(&l, "a b"), "c d");
	CHECK_STR(kv_get(&l, "e"), "++");
	CHECK_STR(kv_get(&l, "f"), "100%");
	CHECK_STR(kv_get(&l, "g"), "\xe2\x82\xac");	/* lower-case hex */
	CHECK_INT(kv_get(&l, "g") ? l.v[3].len : 0, 3);
	/* Malformed escapes anywhere refuse the whole string. */
	static const char *const bads[] = {
		"a=%", "a=%%", "a=%4", "a=%g0", "a=%0g", "a=1&b=%", "%=1", "%zz=1",
		"a=%%41", "a=%-1", "a=% 1",
	};
	for (size_t i = 0; i < sizeof(bads) / sizeof(*bads); i++) {
		if (parse(&a, bads[i], &l, &bad) != REQ_BAD_ENCODING)
			t_fail(__FILE__, __LINE__, bads[i]);
	}
	arena_free(&a);
}

TEST(form_rejects_bad_utf8_overlongs_surrogates_nul)
{
	static const char *const bads[] = {
		"a=%C3%28",		/* bad continuation */
		"a=%C3",		/* truncated 2-byte */
		"a=%E2%82",		/* truncated 3-byte */
		"a=%F0%9F%98",		/* truncated 4-byte */
		"a=%80",		/* lone continuation */
		"a=%BF%BF",
		"a=%C0%AF",		/* overlong '/' */
		"a=%C1%BF",		/* overlong */
		"a=%E0%80%AF",		/* overlong 3-byte '/' */
		"a=%E0%9F%BF",		/* overlong 3-byte */
		"a=%F0%80%80%AF",	/* overlong 4-byte */
		"a=%F0%8F%BF%BF",	/* overlong 4-byte */
		"a=%ED%A0%80",		/* U+D800 surrogate */
		"a=%ED%BF%BF",		/* U+DFFF surrogate */
		"a=%ED%A0%BD%ED%B8%80",	/* CESU-8 surrogate pair */
		"a=%F4%90%80%80",	/* above U+10FFFF */
		"a=%F5%80%80%80",
		"a=%F8%88%80%80%80",	/* 5-byte form */
		"a=%FE", "a=%FF",
		"a=%00", "a=x%00y", "%00=1", "a%00b=1",
		"a=\xff", "\xc3=1",	/* raw bytes are checked too */
	};
	static const char *const goods[] = {
		"a=%C2%80", "a=%DF%BF", "a=%E0%A0%80", "a=%ED%9F%BF",
		"a=%EE%80%80", "a=%EF%BF%BF", "a=%F0%90%80%80", "a=%F4%8F%BF%BF",
		"a=%F0%9F%98%80", "a=caf%C3%A9", "a=\xc3\xa9",
	};
	struct arena a;
	struct kvlist l;
	const char *bad;

	arena_init(&a, 0);
	for (size_t i = 0; i < sizeof(bads) / sizeof(*bads); i++)
		if (parse(&a, bads[i], &l, &bad) != REQ_BAD_ENCODING)
			t_fail(__FILE__, __LINE__, bads[i]);
	for (size_t i = 0; i < sizeof(goods) / sizeof(*goods); i++)
		if (parse(&a, goods[i], &l, &bad) != REQ_OK || l.n != 1)
			t_fail(__FILE__, __LINE__, goods[i]);
	/* A raw NUL inside the counted input is refused, not a terminator. */
	CHECK_INT(form_parse(&a, "a=x\0y", 5, &lim, &l, &bad), REQ_BAD_ENCODING);
	/* The value's name is reported. */
	CHECK_INT(parse(&a, "ok=1&name=%C0%AF", &l, &bad), REQ_BAD_ENCODING);
	CHECK_STR(bad, "name");
	arena_free(&a);
}

TEST(form_field_length_is_measured_decoded)
{
	struct arena a;
	struct kvlist l;
	const char *bad;
	char s[256];

	arena_init(&a, 0);
	/* 16 bytes is the limit: 16 pass, 17 do not. */
	CHECK_INT(parse(&a, "a=1234567890123456", &l, &bad), REQ_OK);
	CHECK_INT(l.v[0].len, 16);
	CHECK_INT(parse(&a, "x=1&a=12345678901234567", &l, &bad),
	    REQ_FIELD_TOO_LONG);
	CHECK_STR(bad, "a");
	/* 16 bytes written as 48 escapes still pass... */
	strcpy(s, "a=");
	for (int i = 0; i < 16; i++)
		strcat(s, "%41");
	CHECK_INT(parse(&a, s, &l, &bad), REQ_OK);
	CHECK_INT(l.v[0].len, 16);
	/* ...and 17 do not. */
	strcat(s, "%41");
	CHECK_INT(parse(&a, s, &l, &bad), REQ_FIELD_TOO_LONG);
	/* Multi-byte characters count in bytes: 6 x 3 bytes = 18 > 16. */
	CHECK_INT(parse(&a, "a=%E2%82%AC%E2%82%AC%E2%82%AC%E2%82%AC%E2%82%AC"
	    "%E2%82%AC", &l, &bad), REQ_FIELD_TOO_LONG);
	arena_free(&a);
}

TEST(form_field_count_limit)
{
	struct arena a;
	struct kvlist l;
	const char *bad;

	arena_init(&a, 0);
	CHECK_INT(parse(&a, "a=1&b=2&c=3&d=4&e=5&f=6&g=7&h=8&i=9&j=10", &l, &bad),
	    REQ_OK);
	CHECK_INT(l.n, 10);
	CHECK_INT(parse(&a, "a=1&b=2&c=3&d=4&e=5&f=6&g=7&h=8&i=9&j=10&k=11", &l,
	    &bad), REQ_TOO_MANY_FIELDS);
	/* Repeats count: the limit is on pairs, not distinct names. */
	CHECK_INT(parse(&a, "a=1&a=1&a=1&a=1&a=1&a=1&a=1&a=1&a=1&a=1&a=1", &l,
	    &bad), REQ_TOO_MANY_FIELDS);
	/* Separators are counted before decoding, empty ones included, so a
	 * flood of '&' is refused without work. */
	CHECK_INT(parse(&a, "a=1&&&&&&&&&&&", &l, &bad), REQ_TOO_MANY_FIELDS);
	arena_free(&a);
}

TEST(form_repeated_keys_keep_order)
{
	struct arena a;
	struct kvlist l;
	const char *bad;

	arena_init(&a, 0);
	CHECK_INT(parse(&a, "tag=x&tag=y&tag=z", &l, &bad), REQ_OK);
	CHECK_INT(l.n, 3);
	CHECK_STR(kv_get(&l, "tag"), "x");	/* the first wins */
	CHECK_STR(l.v[1].val, "y");
	CHECK_STR(l.v[2].val, "z");
	arena_free(&a);
}

TEST(url_decode_cases)
{
	struct arena a;
	size_t n = 99;
	char *s;

	arena_init(&a, 0);
	s = url_decode(&a, "a+b%20c", 7, 0, &n);
	CHECK_STR(s, "a+b c");		/* '+' kept in paths */
	CHECK_INT(n, 5);
	CHECK_STR(url_decode(&a, "a+b%20c", 7, 1, NULL), "a b c");
	CHECK_STR(url_decode(&a, "", 0, 1, &n), "");
	CHECK_INT(n, 0);
	/* Only n bytes are read. */
	CHECK_STR(url_decode(&a, "abc%41", 3, 0, NULL), "abc");
	/* An escape cut by n is malformed, even if the bytes after n fit. */
	CHECK(url_decode(&a, "ab%41", 4, 0, NULL) == NULL);
	CHECK(url_decode(&a, "%", 1, 0, NULL) == NULL);
	CHECK(url_decode(&a, "%4", 2, 0, NULL) == NULL);
	CHECK(url_decode(&a, "%4G", 3, 0, NULL) == NULL);
	CHECK_STR(url_decode(&a, "%4a%4A", 6, 0, NULL), "JJ");
	CHECK(url_decode(&a, "%00", 3, 0, NULL) == NULL);
	CHECK(url_decode(&a, "%C0%80", 6, 0, NULL) == NULL);	/* overlong NUL */
	CHECK(url_decode(&a, "%ED%B0%80", 9, 0, NULL) == NULL);
	/* Decoding is done once: %2541 is "%41", not "A". */
	CHECK_STR(url_decode(&a, "%2541", 5, 0, NULL), "%41");
	CHECK_STR(url_decode(&a, "%2F..%2F", 8, 0, NULL), "/../");
	arena_free(&a);
}

/* Cookie header -> list. */
static void
cookies(struct arena *a, const char *h, struct kvlist *l)
{
	cookie_parse(a, h, &lim, l);
}

TEST(cookie_basic_quoting_and_spaces)
{
	struct arena a;
	struct kvlist l;

	arena_init(&a, 0);
	cookies(&a, "a=1; b=two;c=3", &l);
	CHECK_INT(l.n, 3);
	CHECK_STR(kv_get(&l, "a"), "1");
	CHECK_STR(kv_get(&l, "b"), "two");
	CHECK_STR(kv_get(&l, "c"), "3");
	cookies(&a, "q=\"quoted\"; e=\"\"; t=x \t", &l);
	CHECK_STR(kv_get(&l, "q"), "quoted");
	CHECK_STR(kv_get(&l, "e"), "");
	CHECK_STR(kv_get(&l, "t"), "x");
	CHECK_INT(l.v[2].len, 1);
	cookies(&a, "", &l);
	CHECK_INT(l.n, 0);
	cookies(&a, NULL, &l);
	CHECK_INT(l.n, 0);
	/* Values are not percent-decoded (cookies carry tokens). */
	cookies(&a, "p=%41", &l);
	CHECK_STR(kv_get(&l, "p"), "%41");
	/* The first of a repeated name wins (the most specific path). */
	cookies(&a, "s=new; s=old", &l);
	CHECK_STR(kv_get(&l, "s"), "new");
	/* Spaces around names and values are not part of them (RFC 6265
	 * 5.2 trims both). */
	cookies(&a, "  a =1; \tb\t= 2 ", &l);
	CHECK_INT(l.n, 2);
	CHECK_STR(kv_get(&l, "a"), "1");
	CHECK_STR(kv_get(&l, "b"), "2");
	arena_free(&a);
}

TEST(cookie_garbage_is_skipped_not_fatal)
{
	struct arena a;
	struct kvlist l;
	char big[64];

	arena_init(&a, 0);
	cookies(&a, ";;; novalue; =nokey; ok=1; ;", &l);
	CHECK_INT(l.n, 1);
	CHECK_STR(kv_get(&l, "ok"), "1");
	/* Values outside RFC 6265 cookie-octets are dropped. */
	cookies(&a, "sp=a b; dq=a\"b; bs=a\\b; cm=a,b; u=caf\xc3\xa9; "
	    "c=\x01; half=\"x; ok=2", &l);
	CHECK_INT(l.n, 1);
	CHECK_STR(kv_get(&l, "ok"), "2");
	/* Names must be tokens: no controls, separators or bytes >= 0x80. */
	cookies(&a, "\x01=1; a\x7f=2; a b=3; a\"b=4; a(b=5; \xc3\xa9=6; ok=3", &l);
	CHECK_INT(l.n, 1);
	CHECK_STR(kv_get(&l, "ok"), "3");
	/* A value longer than max_field (16) is dropped, others kept. */
	memset(big, 'x', sizeof(big));
	memcpy(big, "b=", 2);
	big[2 + 17] = '\0';
	cookies(&a, big, &l);
	CHECK_INT(l.n, 0);
	big[2 + 16] = '\0';
	cookies(&a, big, &l);
	CHECK_INT(l.n, 1);
	arena_free(&a);
}

TEST(cookie_count_limit)
{
	struct arena a;
	struct kvlist l;

	arena_init(&a, 0);
	cookies(&a, "a=1; b=2; c=3; d=4; e=5; f=6", &l);
	CHECK_INT(l.n, 4);		/* max_cookies: the first 4 are kept */
	CHECK_STR(kv_get(&l, "d"), "4");
	CHECK(kv_get(&l, "e") == NULL);
	arena_free(&a);
}

/* A CGI request from an environment and a body on a pipe as stdin. */
struct fake {
	struct arena	 arena;
	struct io	 io;
	struct req	 r;
	int		 saved_stdin;
};

static enum req_error
fake_parse(struct fake *f, char **env, const char *body, size_t max_body)
{
	struct req_limits l = lim;
	enum req_error e;
	int p[2];

	l.max_body = max_body;
	l.max_upload = 2 * max_body;
	arena_init(&f->arena, 0);
	f->io.in = f->io.out = NULL;
	f->io.envp = env;
	f->saved_stdin = dup(STDIN_FILENO);
	if (pipe(p) < 0)
		abort();
	if (body != NULL && write(p[1], body, strlen(body)) < 0)
		abort();
	close(p[1]);
	dup2(p[0], STDIN_FILENO);
	close(p[0]);
	e = req_parse(&f->r, &f->io, &f->arena, &l);
	dup2(f->saved_stdin, STDIN_FILENO);
	close(f->saved_stdin);
	return e;
}

TEST(req_parse_get_path_query_cookies)
{
	char *env[] = { "REQUEST_METHOD=GET", "PATH_INFO=/c/films",
	    "QUERY_STRING=page=2&sort=price", "HTTP_COOKIE=souk_lang=fr",
	    "REMOTE_ADDR=192.0.2.1", "HTTPS=on",
	    "HTTP_ACCEPT=application/json, */*", NULL };
	struct fake f;

	CHECK_INT(fake_parse(&f, env, NULL, 100), REQ_OK);
	CHECK_INT(f.r.method, METHOD_GET);
	CHECK_STR(f.r.path, "/c/films");
	CHECK_INT(f.r.nseg, 2);
	CHECK_STR(f.r.seg[0], "c");
	CHECK_STR(f.r.seg[1], "films");
	CHECK_STR(req_query(&f.r, "page"), "2");
	CHECK_STR(req_cookie(&f.r, "souk_lang"), "fr");
	CHECK(req_form(&f.r, "page") == NULL);
	CHECK_STR(f.r.remote_addr, "192.0.2.1");
	CHECK_INT(f.r.https, 1);
	CHECK_INT(req_wants_json(&f.r), 1);
	arena_free(&f.arena);
}

TEST(req_parse_path_sources_and_limits)
{
	char *doc[] = { "REQUEST_METHOD=HEAD", "DOCUMENT_URI=/p/x",
	    "REQUEST_URI=/ignored", NULL };
	char *uri[] = { "REQUEST_URI=/a%20b//c/?x=1", NULL };
	char *none[] = { NULL };
	char *deep[] = { "PATH_INFO=/1/2/3/4/5/6/7/8/9", NULL };
	char *ctl[] = { "PATH_INFO=/a\001b", NULL };
	char *rel[] = { "PATH_INFO=p/x", NULL };
	char *badenc[] = { "REQUEST_URI=/a%zz", NULL };
	char *badq[] = { "PATH_INFO=/", "QUERY_STRING=a=%C0%AF", NULL };
	char *odd[] = { "REQUEST_METHOD=PATCH", "PATH_INFO=/", NULL };
	struct fake f;

	CHECK_INT(fake_parse(&f, doc, NULL, 100), REQ_OK);
	CHECK_STR(f.r.path, "/p/x");
	CHECK_INT(f.r.method, METHOD_HEAD);
	arena_free(&f.arena);
	CHECK_INT(fake_parse(&f, uri, NULL, 100), REQ_OK);
	CHECK_STR(f.r.path, "/a b//c/");	/* decoded, query cut */
	CHECK_INT(f.r.nseg, 2);			/* empty segments dropped */
	CHECK_STR(f.r.seg[1], "c");
	CHECK_INT(f.r.method, METHOD_GET);	/* no REQUEST_METHOD: GET */
	arena_free(&f.arena);
	CHECK_INT(fake_parse(&f, none, NULL, 100), REQ_OK);
	CHECK_STR(f.r.path, "/");
	CHECK_INT(f.r.nseg, 0);
	arena_free(&f.arena);
	CHECK_INT(fake_parse(&f, deep, NULL, 100), REQ_BAD_PATH);
	arena_free(&f.arena);
	CHECK_INT(fake_parse(&f, ctl, NULL, 100), REQ_BAD_PATH);
	arena_free(&f.arena);
	CHECK_INT(fake_parse(&f, rel, NULL, 100), REQ_BAD_PATH);
	arena_free(&f.arena);
	CHECK_INT(fake_parse(&f, badenc, NULL, 100), REQ_BAD_PATH);
	arena_free(&f.arena);
	CHECK_INT(fake_parse(&f, badq, NULL, 100), REQ_BAD_ENCODING);
	CHECK_STR(f.r.error_detail, "a");
	CHECK_INT(f.r.error, REQ_BAD_ENCODING);
	arena_free(&f.arena);
	CHECK_INT(fake_parse(&f, odd, NULL, 100), REQ_OK);
	CHECK_INT(f.r.method, METHOD_OTHER);
	CHECK_STR(f.r.method_name, "PATCH");
	arena_free(&f.arena);
}

TEST(req_parse_post_bodies)
{
	char *form[] = { "REQUEST_METHOD=POST", "PATH_INFO=/cart/add",
	    "CONTENT_TYPE=application/x-www-form-urlencoded; charset=UTF-8",
	    "CONTENT_LENGTH=15", "QUERY_STRING=a=q", NULL };
	char *multi[] = { "REQUEST_METHOD=POST", "PATH_INFO=/",
	    "CONTENT_TYPE=multipart/form-data; boundary=x",
	    "CONTENT_LENGTH=150", NULL };
	char *big[] = { "REQUEST_METHOD=POST", "PATH_INFO=/",
	    "CONTENT_TYPE=application/x-www-form-urlencoded",
	    "CONTENT_LENGTH=101", NULL };
	char *huge[] = { "REQUEST_METHOD=POST", "PATH_INFO=/",
	    "CONTENT_LENGTH=99999999999999999999999", NULL };
	char *neg[] = { "REQUEST_METHOD=POST", "PATH_INFO=/",
	    "CONTENT_LENGTH=-1", NULL };
	char *junk[] = { "REQUEST_METHOD=POST", "PATH_INFO=/",
	    "CONTENT_LENGTH=12abc", NULL };
	char *shortb[] = { "REQUEST_METHOD=POST", "PATH_INFO=/",
	    "CONTENT_LENGTH=50", NULL };
	char *getb[] = { "REQUEST_METHOD=GET", "PATH_INFO=/",
	    "CONTENT_TYPE=application/x-www-form-urlencoded",
	    "CONTENT_LENGTH=3", NULL };
	char mp[151];
	struct fake f;

	CHECK_INT(fake_parse(&f, form, "qty=2&plan=3&x=", 100), REQ_OK);
	CHECK_STR(req_form(&f.r, "qty"), "2");
	CHECK_STR(req_form(&f.r, "plan"), "3");
	CHECK_STR(req_query(&f.r, "a"), "q");
	CHECK(req_query(&f.r, "qty") == NULL);	/* query and form are apart */
	CHECK_INT(f.r.body_len, 15);
	arena_free(&f.arena);
	/* Multipart may be larger than max_body (up to max_upload); its text
	 * parts land in the form, its files in req->files (test_multipart.c
	 * covers the parser), and a body that is not multipart is refused. */
	snprintf(mp, sizeof(mp), "--x\r\nContent-Disposition: form-data; "
	    "name=\"qty\"\r\n\r\n2\r\n--x\r\nContent-Disposition: form-data; "
	    "name=\"padding_to_150_bytes_xx\"\r\n\r\n%016d\r\n--x--\r\n", 0);
	CHECK_INT(strlen(mp), 150);
	CHECK_INT(fake_parse(&f, multi, mp, 100), REQ_OK);
	CHECK_INT(f.r.body_len, 150);
	CHECK_INT(f.r.form.n, 2);
	CHECK_STR(req_form(&f.r, "qty"), "2");
	arena_free(&f.arena);
	memset(mp, 'm', 150);
	mp[150] = '\0';
	CHECK_INT(fake_parse(&f, multi, mp, 100), REQ_BAD_MULTIPART);
	arena_free(&f.arena);
	CHECK_INT(fake_parse(&f, big, NULL, 100), REQ_BODY_TOO_LARGE);
	CHECK_INT(req_error_status(f.r.error), 413);
	arena_free(&f.arena);
	CHECK_INT(fake_parse(&f, huge, NULL, 100), REQ_BAD_LENGTH);
	arena_free(&f.arena);
	CHECK_INT(fake_parse(&f, neg, NULL, 100), REQ_BAD_LENGTH);
	CHECK_INT(req_error_status(f.r.error), 411);
	arena_free(&f.arena);
	CHECK_INT(fake_parse(&f, junk, "123456789012", 100), REQ_BAD_LENGTH);
	arena_free(&f.arena);
	/* The client promised 50 bytes and sent 5. */
	CHECK_INT(fake_parse(&f, shortb, "a=123", 100), REQ_READ_FAILED);
	CHECK_INT(req_error_status(f.r.error), 400);
	arena_free(&f.arena);
	/* GET bodies are not read. */
	CHECK_INT(fake_parse(&f, getb, "a=1", 100), REQ_OK);
	CHECK_INT(f.r.form.n, 0);
	arena_free(&f.arena);
}

TEST(req_parse_keeps_cookies_on_error)
{
	/* The error page is rendered in the visitor's language: cookies and
	 * the path survive a refused query. */
	char *env[] = { "PATH_INFO=/c/x", "QUERY_STRING=a=%zz",
	    "HTTP_COOKIE=souk_lang=fr", NULL };
	struct fake f;

	CHECK_INT(fake_parse(&f, env, NULL, 100), REQ_BAD_ENCODING);
	CHECK_STR(req_cookie(&f.r, "souk_lang"), "fr");
	CHECK_STR(f.r.path, "/c/x");
	arena_free(&f.arena);
}
