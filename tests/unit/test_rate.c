/* test_rate.c — the client keys rate limits count by. */
#include "db_rate.h"
#include "t.h"

TEST(rate_client_key_ipv4_ipv6_prefix)
{
	static const struct {
		const char *addr, *key;
	} cases[] = {
		{ "203.0.113.7", "203.0.113.7" },
		{ "::ffff:203.0.113.7", "203.0.113.7" },
		{ "2001:db8:5:6:aaaa:bbbb:cccc:dddd", "2001:db8:5:6::/64" },
		/* one spelling per network */
		{ "2001:0DB8:0005:0006::1", "2001:db8:5:6::/64" },
		{ "::1", "::/64" },
		{ "", "unknown" },
		{ "not an address", "unknown" },
		{ NULL, "unknown" },
	};
	char k[80];

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		rate_client_key(k, sizeof(k), cases[i].addr);
		CHECK_STR(k, cases[i].key);
	}
}
