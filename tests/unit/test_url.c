/* test_url.c — URL building: query values and request paths placed in
 * links (issue 7, finding 4: no path may turn a link into another host). */
#include <string.h>

#include "t.h"
#include "url.h"

static const char *
path_of(const char *in)
{
	static struct buf b;

	buf_reset(&b);
	url_path(&b, in);
	return b.data;
}

TEST(url_path_keeps_plain_paths)
{
	CHECK_STR(path_of("/"), "/");
	CHECK_STR(path_of("/c/iptv"), "/c/iptv");
	CHECK_STR(path_of("/p/gold-4k_v2.1~x/"), "/p/gold-4k_v2.1~x/");
	CHECK_STR(path_of(""), "/");
	CHECK_STR(path_of("c/films"), "/c/films");
}

TEST(url_path_never_names_another_host)
{
	CHECK_STR(path_of("/\\evil.example"), "/%5Cevil.example");
	CHECK_STR(path_of("/\\\\evil.example"), "/%5C%5Cevil.example");
	CHECK_STR(path_of("//evil.example"), "/evil.example");
	CHECK_STR(path_of("///evil.example/x"), "/evil.example/x");
	CHECK_STR(path_of("/http://evil.example"), "/http%3A//evil.example");
	CHECK_STR(path_of("/a?lang=fr#x"), "/a%3Flang%3Dfr%23x");
	CHECK_STR(path_of("/\"><script>"), "/%22%3E%3Cscript%3E");
	CHECK_STR(path_of("/%2e%2e"), "/%252e%252e");
	CHECK_STR(path_of("/\t\r\n x"), "/%09%0D%0A%20x");
	CHECK_STR(path_of("/caf\xc3\xa9"), "/caf%C3%A9");
}

TEST(url_encode_query_values)
{
	struct buf b = { 0 };

	url_param(&b, "q", "a b&c=d/\\");
	url_param(&b, "page", "2");
	CHECK_STR(b.data, "q=a%20b%26c%3Dd%2F%5C&page=2");
	buf_free(&b);
}
