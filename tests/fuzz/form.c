/* form.c — fuzzes form_parse (query strings, urlencoded bodies). */
#include "fuzz.h"
#include "http_req.h"
#include "utf8.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const struct req_limits lim = { 1 << 20, 1 << 20, 32, 64, 8 };
	struct arena a;
	struct kvlist l;
	const char *bad = NULL;
	char *s = fuzz_copy(data, size);
	enum req_error e;

	arena_init(&a, 4096);
	e = form_parse(&a, s, size, &lim, &l, &bad);
	FUZZ_ASSERT(e == REQ_OK || e == REQ_BAD_ENCODING ||
	    e == REQ_TOO_MANY_FIELDS || e == REQ_FIELD_TOO_LONG);
	if (e == REQ_OK) {
		FUZZ_ASSERT(l.n <= lim.max_fields);
		for (size_t i = 0; i < l.n; i++) {
			const struct kv *kv = &l.v[i];
			FUZZ_ASSERT(*kv->key != '\0');
			FUZZ_ASSERT(utf8_valid(kv->key, strlen(kv->key)));
			FUZZ_ASSERT(strlen(kv->val) == kv->len);
			FUZZ_ASSERT(kv->len <= lim.max_field);
			FUZZ_ASSERT(utf8_valid(kv->val, kv->len));
			FUZZ_ASSERT(kv_get(&l, kv->key) != NULL);
		}
	}
	if (e == REQ_FIELD_TOO_LONG)
		FUZZ_ASSERT(bad != NULL);
	arena_free(&a);
	free(s);
	return 0;
}
