/* test_utf8.c — the UTF-8 checks every input goes through. */
#include "t.h"
#include "utf8.h"

static int
valid(const char *s)
{
	return utf8_valid(s, strlen(s));
}

TEST(utf8_valid_boundaries)
{
	/* Table 3-7 of the Unicode standard, edge by edge. */
	static const char *const goods[] = {
		"", "ascii ~\x7f", "\xc2\x80", "\xdf\xbf", "\xe0\xa0\x80",
		"\xe0\xbf\xbf", "\xe1\x80\x80", "\xec\xbf\xbf", "\xed\x80\x80",
		"\xed\x9f\xbf", "\xee\x80\x80", "\xef\xbf\xbf", "\xf0\x90\x80\x80",
		"\xf0\xbf\xbf\xbf", "\xf1\x80\x80\x80", "\xf3\xbf\xbf\xbf",
		"\xf4\x80\x80\x80", "\xf4\x8f\xbf\xbf", "caf\xc3\xa9 \xe2\x82\xac",
		"\xef\xbb\xbf",		/* a BOM is a character like others */
	};
	static const char *const bads[] = {
		"\x80", "\xbf", "\xc0\x80", "\xc1\xbf", "\xc2", "\xc2\x7f",
		"\xc2\xc0", "\xe0\x80\x80", "\xe0\x9f\xbf", "\xe0\xa0",
		"\xed\xa0\x80", "\xed\xbf\xbf", "\xef\xbf", "\xf0\x80\x80\x80",
		"\xf0\x8f\xbf\xbf", "\xf0\x90\x80", "\xf4\x90\x80\x80",
		"\xf5\x80\x80\x80", "\xf8\x88\x80\x80\x80", "\xfc\x84\x80\x80\x80\x80",
		"\xfe", "\xff", "a\xe2\x82", "\xe2\x28\xa1", "\xe2\x82\x28",
		"\xf0\x28\x8c\xbc", "\xf0\x90\x28\xbc", "\xf0\x9f\x98",
	};

	for (size_t i = 0; i < sizeof(goods) / sizeof(*goods); i++)
		if (!valid(goods[i]))
			t_fail(__FILE__, __LINE__, goods[i]);
	for (size_t i = 0; i < sizeof(bads) / sizeof(*bads); i++)
		if (valid(bads[i]))
			t_fail(__FILE__, __LINE__, bads[i]);
	/* NUL is refused even though it is valid UTF-8. */
	CHECK_INT(utf8_valid("a\0b", 3), 0);
	/* Only n bytes are looked at: a sequence cut by n is incomplete. */
	CHECK_INT(utf8_valid("\xc3\xa9", 1), 0);
	CHECK_INT(utf8_valid("ab\xff", 2), 1);
}

/* Every good and bad sequence at every offset of a 40-byte ASCII run,
 * so the 8-bytes-a-step ASCII path meets it at each alignment. */
TEST(utf8_valid_inside_long_ascii)
{
	static const char *const goods[] = { "\xc3\xa9", "\xe2\x82\xac",
	    "\xf0\x9f\x98\x80", "\x7f" };
	static const char *const bads[] = { "\xc3", "\xff", "\xed\xa0\x80",
	    "\xc0\x80", "\x80" };
	char run[64];

	for (size_t at = 0; at <= 36; at++) {
		for (size_t g = 0; g < sizeof(goods) / sizeof(*goods); g++) {
			memset(run, 'a', 40);
			memcpy(run + at, goods[g], strlen(goods[g]));
			CHECK_INT(utf8_valid(run, 40), 1);
		}
		for (size_t b = 0; b < sizeof(bads) / sizeof(*bads); b++) {
			memset(run, 'a', 40);
			memcpy(run + at, bads[b], strlen(bads[b]));
			CHECK_INT(utf8_valid(run, 40), 0);
		}
		memset(run, 'a', 40);
		run[at] = '\0';
		CHECK_INT(utf8_valid(run, 40), 0);
		/* Only n bytes are looked at, in the middle of a step too. */
		memset(run, 'a', 40);
		run[at + 3] = (char)0xff;
		CHECK_INT(utf8_valid(run, at + 3), 1);
		CHECK_INT(utf8_valid(run, at + 4), 0);
	}
}

TEST(utf8_len_and_prefix)
{
	const char *s = "a\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80z";	/* 5 */

	CHECK_INT(utf8_len("", 0), 0);
	CHECK_INT(utf8_len(s, strlen(s)), 5);
	CHECK_INT(utf8_prefix(s, strlen(s), 0), 0);
	CHECK_INT(utf8_prefix(s, strlen(s), 1), 1);
	CHECK_INT(utf8_prefix(s, strlen(s), 2), 3);	/* never splits é */
	CHECK_INT(utf8_prefix(s, strlen(s), 3), 6);
	CHECK_INT(utf8_prefix(s, strlen(s), 4), 10);
	CHECK_INT(utf8_prefix(s, strlen(s), 5), 11);
	CHECK_INT(utf8_prefix(s, strlen(s), 99), 11);
}

TEST(utf8_controls)
{
	CHECK_INT(utf8_has_controls("plain text", 10, 0), 0);
	CHECK_INT(utf8_has_controls("plain text\t", 11, 0), 1);	/* one line */
	CHECK_INT(utf8_has_controls("a\tb", 3, 1), 0);		/* text */
	CHECK_INT(utf8_has_controls("a\xc2\x85", 3, 0), 1);	/* NEL */
	CHECK_INT(utf8_has_controls("a\xc2\x9b" "2J", 4, 1), 1);	/* CSI */
	CHECK_INT(utf8_has_controls("a\xe2\x80\xa8", 4, 0), 1);	/* U+2028 */
	CHECK_INT(utf8_has_controls("a\xe2\x80\xa9", 4, 1), 0);	/* text */
	CHECK_INT(utf8_has_controls("\xc2\xa0", 2, 0), 0);	/* NBSP */
	CHECK_INT(utf8_has_controls("a\nb", 3, 0), 1);
	CHECK_INT(utf8_has_controls("a\nb", 3, 1), 0);
	CHECK_INT(utf8_has_controls("a\r\nb", 4, 1), 0);
	CHECK_INT(utf8_has_controls("a\x0b", 2, 1), 1);	/* VT */
	CHECK_INT(utf8_has_controls("a\x0c", 2, 1), 1);	/* FF */
	CHECK_INT(utf8_has_controls("\x1b[0m", 4, 1), 1);	/* ESC */
	CHECK_INT(utf8_has_controls("\x7f", 1, 1), 1);	/* DEL */
	CHECK_INT(utf8_has_controls("a\0b", 3, 1), 1);
	CHECK_INT(utf8_has_controls("\xc3\xa9\xe2\x80\xaf", 5, 0), 0);
	CHECK_INT(utf8_control_len("\x1b[", 2), 1);
	CHECK_INT(utf8_control_len("\xc2\x80", 2), 2);
	CHECK_INT(utf8_control_len("\xc2\x9f", 2), 2);
	CHECK_INT(utf8_control_len("\xc2\xa0", 2), 0);
	CHECK_INT(utf8_control_len("\xe2\x80\xa8", 3), 3);
	CHECK_INT(utf8_control_len("\xe2\x80\xaa", 3), 0);
	CHECK_INT(utf8_control_len("\xc2", 1), 0);	/* cut short */
	CHECK_INT(utf8_control_len("", 0), 0);
	/* Only the first n bytes count. */
	CHECK_INT(utf8_has_controls("ab\x01", 2, 0), 0);
}

/* Issue 7, finding 7: what soukctl and the logs print. */
TEST(utf8_scrub_replaces_controls_and_bad_bytes)
{
	char b[64];
	size_t n;

#define SCRUB(in, keep, want) do {					\
	memcpy(b, in, sizeof(in) - 1);					\
	n = utf8_scrub(b, sizeof(in) - 1, keep);			\
	b[n] = '\0';							\
	CHECK_STR(b, want);						\
} while (0)
	SCRUB("plain \xc3\xa9t\xc3\xa9 \xf0\x9f\x98\x80", 1,
	    "plain \xc3\xa9t\xc3\xa9 \xf0\x9f\x98\x80");
	SCRUB("a\xc2\x9b" "2J", 1, "a?2J");		/* C1 CSI */
	SCRUB("a\x1b[2J", 1, "a?[2J");			/* ESC */
	SCRUB("a\xc2\x85" "b\xe2\x80\xa8" "c\xe2\x80\xa9", 1, "a?b?c?");
	SCRUB("l1\r\nl2\nl3\rx\t\x7f", 1, "l1\nl2\nl3?x??");
	SCRUB("l1\r\nl2\n", 0, "l1??l2?");
	SCRUB("bad \xc3 \xed\xa0\x80 \xff", 1, "bad ? ??? ?");
	SCRUB("cut \xe2\x80", 1, "cut ??");
#undef SCRUB
}
