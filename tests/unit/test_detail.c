/* test_detail.c — checkout details: MAC addresses and bounded text. */
#include "arena.h"
#include "detail.h"
#include "t.h"

TEST(detail_mac_normalises_every_common_spelling)
{
	char out[DETAIL_MAC_BUF];

	CHECK(detail_mac("00:1a:79:ab:cd:ef", out) == 0);
	CHECK_STR(out, "00:1A:79:AB:CD:EF");
	CHECK(detail_mac("00-1A-79-AB-CD-EF", out) == 0);
	CHECK_STR(out, "00:1A:79:AB:CD:EF");
	CHECK(detail_mac("001a.79ab.cdef", out) == 0);
	CHECK_STR(out, "00:1A:79:AB:CD:EF");
	CHECK(detail_mac("001A79ABCDEF", out) == 0);
	CHECK_STR(out, "00:1A:79:AB:CD:EF");
	CHECK(detail_mac("00 1a 79 ab cd ef", out) == 0);
	CHECK_STR(out, "00:1A:79:AB:CD:EF");
	/* Too short, too long, not hex, empty, other punctuation. */
	CHECK(detail_mac("00:1a:79:ab:cd", out) < 0);
	CHECK(detail_mac("00:1a:79:ab:cd:ef:01", out) < 0);
	CHECK(detail_mac("00:1a:79:ab:cd:eg", out) < 0);
	CHECK(detail_mac("", out) < 0);
	CHECK(detail_mac("00/1a/79/ab/cd/ef", out) < 0);
	CHECK(detail_mac("0x001a79abcdef", out) < 0);
}

TEST(detail_check_required_optional_and_length)
{
	struct detail_field mac = { .name = "mac", .label = "MAC",
	    .type = DETAIL_MAC, .required = 1 };
	struct detail_field app = { .name = "app", .label = "App",
	    .type = DETAIL_TEXT, .max_len = 5 };
	const char *out = NULL, *err = NULL;
	struct arena a;

	arena_init(&a, 0);
	CHECK(detail_check(&a, &mac, "", &out, &err) < 0);
	CHECK_STR(err, "required");
	CHECK(detail_check(&a, &mac, "zz", &out, &err) < 0);
	CHECK_STR(err, "bad_mac");
	CHECK(detail_check(&a, &mac, "aa-bb-cc-dd-ee-ff", &out, &err) == 0);
	CHECK_STR(out, "AA:BB:CC:DD:EE:FF");
	CHECK(detail_check(&a, &app, "", &out, &err) == 0);
	CHECK_STR(out, "");
	CHECK(detail_check(&a, &app, "Kodi", &out, &err) == 0);
	CHECK_STR(out, "Kodi");
	/* Characters, not bytes: five accented letters fit in five. */
	CHECK(detail_check(&a, &app, "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9",
	    &out, &err) == 0);
	CHECK(detail_check(&a, &app, "Smarters", &out, &err) < 0);
	CHECK_STR(err, "too_long");
	CHECK(detail_name_ok("mac_2"));
	CHECK(!detail_name_ok("Mac"));
	CHECK(!detail_name_ok(""));
	CHECK(!detail_name_ok("a-b"));
	arena_free(&a);
}
