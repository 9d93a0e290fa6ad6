/* test_rate.c — the client keys rate limits count by. */
#include "db_rate.h"
#include "t.h"

TEST(rate_client_key_ipv4_ipv6_prefix)
{
	char k[80];

	rate_client_key(k, sizeof(k), "203.0.113.7");
	CHECK_STR(k, "203.0.113.7");
	rate_client_key(k, sizeof(k), "::ffff:203.0.113.7");
	CHECK_STR(k, "203.0.113.7");
	rate_client_key(k, sizeof(k), "2001:db8:5:6:aaaa:bbbb:cccc:dddd");
	CHECK_STR(k, "2001:db8:5:6::/64");
	rate_client_key(k, sizeof(k), "2001:0DB8:0005:0006::1");
	CHECK_STR(k, "2001:db8:5:6::/64");	/* one spelling per network */
	rate_client_key(k, sizeof(k), "::1");
	CHECK_STR(k, "::/64");
	rate_client_key(k, sizeof(k), "");
	CHECK_STR(k, "unknown");
	rate_client_key(k, sizeof(k), "not an address");
	CHECK_STR(k, "unknown");
	rate_client_key(k, sizeof(k), NULL);
	CHECK_STR(k, "unknown");
}
