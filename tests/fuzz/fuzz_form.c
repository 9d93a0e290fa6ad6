/* fuzz_form.c — libFuzzer target for the urlencoded form / query string
 * parser, the percent-decoder and the Cookie header parser.  Every value
 * returned must be NUL-terminated valid UTF-8 within the limits, and the
 * parsers must never read or write out of bounds (AddressSanitizer).
 * Build and run: make fuzz; see tests/fuzz/README.md. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "http_req.h"
#include "utf8.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const struct req_limits lim = { 1 << 20, 1 << 20, 64, 256, 16 };
	const char *bad = NULL;
	struct kvlist l;
	struct arena a;
	char *s;
	size_t len;

	if ((s = malloc(size + 1)) == NULL)
		return 0;
	memcpy(s, data, size);
	s[size] = '\0';
	arena_init(&a, 4096);
	if (form_parse(&a, s, size, &lim, &l, &bad) == REQ_OK) {
		if (l.n > lim.max_fields)
			abort();
		for (size_t i = 0; i < l.n; i++)
			if (l.v[i].len > lim.max_field ||
			    strlen(l.v[i].val) != l.v[i].len ||
			    !utf8_valid(l.v[i].val, l.v[i].len) ||
			    !utf8_valid(l.v[i].key, strlen(l.v[i].key)))
				abort();
	}
	if (url_decode(&a, s, size, 1, &len) != NULL && len > size)
		abort();
	cookie_parse(&a, s, &lim, &l);
	if (l.n > lim.max_cookies)
		abort();
	arena_free(&a);
	free(s);
	return 0;
}
