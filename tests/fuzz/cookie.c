/* cookie.c — fuzzes cookie_parse (the Cookie header). */
#include "fuzz.h"
#include "http_req.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const struct req_limits lim = { 1 << 20, 1 << 20, 32, 64, 8 };
	struct arena a;
	struct kvlist l;
	char *s = fuzz_cstr(data, size);

	arena_init(&a, 4096);
	cookie_parse(&a, s, &lim, &l);
	FUZZ_ASSERT(l.n <= lim.max_cookies);
	for (size_t i = 0; i < l.n; i++) {
		const struct kv *kv = &l.v[i];
		FUZZ_ASSERT(*kv->key != '\0');
		FUZZ_ASSERT(strlen(kv->val) == kv->len && kv->len <= lim.max_field);
		/* Names are tokens, values cookie-octets: nothing that could
		 * break a header, a log line or an HTML attribute. */
		for (const char *p = kv->key; *p; p++)
			FUZZ_ASSERT((unsigned char)*p > 0x20 &&
			    (unsigned char)*p < 0x7f && !strchr("\"(),/:;<=>?@[\\]{}", *p));
		for (const char *p = kv->val; *p; p++)
			FUZZ_ASSERT((unsigned char)*p > 0x20 &&
			    (unsigned char)*p < 0x7f && !strchr("\",;\\", *p));
	}
	arena_free(&a);
	free(s);
	return 0;
}
