/* test_form.c — query-string / urlencoded body parsing. */
#include "http_req.h"
#include "t.h"

static const struct req_limits lim = { 1 << 20, 1 << 20, 10, 16, 4 };

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
