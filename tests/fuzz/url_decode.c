/* url_decode.c — fuzzes url_decode and checks url_encode round-trips. */
#include "buf.h"
#include "fuzz.h"
#include "http_req.h"
#include "url.h"
#include "utf8.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena a;
	struct buf b = { 0 };
	char *s, *out, *again;
	size_t n = 0, n2 = 0;
	int plus;

	if (size == 0)
		return 0;
	plus = data[0] & 1;
	s = fuzz_copy(data + 1, size - 1);
	arena_init(&a, 4096);
	out = url_decode(&a, s, size - 1, plus, &n);
	if (out != NULL) {
		FUZZ_ASSERT(n <= size - 1);
		FUZZ_ASSERT(strlen(out) == n);
		FUZZ_ASSERT(utf8_valid(out, n));
		/* What we encode, we decode back to the same bytes. */
		url_encode(&b, out);
		again = url_decode(&a, b.data ? b.data : "", b.len, plus, &n2);
		FUZZ_ASSERT(again != NULL && n2 == n && memcmp(again, out, n) == 0);
		for (size_t i = 0; i < b.len; i++)
			FUZZ_ASSERT(strchr("&=+#?/ \"<>", b.data[i]) == NULL);
	}
	buf_free(&b);
	arena_free(&a);
	free(s);
	return 0;
}
