/* fuzz_multipart.c — libFuzzer target for the multipart/form-data parser.
 * The input is "<Content-Type>\n<body>" (no newline in the first 200
 * bytes: the body alone, with a fixed boundary).  Whatever the input, the
 * parser must return, and what it returns must hold: text values are
 * NUL-terminated valid UTF-8 within the limits, files lie inside the body.
 * Build and run: make fuzz; see tests/fuzz/README.md. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "multipart.h"
#include "utf8.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const struct req_limits lim = { 1 << 20, 1 << 20, 32, 512, 8 };
	const char *in = (const char *)data, *nl, *bad = NULL;
	char ct[256] = "multipart/form-data; boundary=XyZ";
	struct kvlist form;
	struct req_files files;
	struct arena a;
	char *body;
	size_t n = size;

	nl = memchr(in, '\n', size < 200 ? size : 200);
	if (nl != NULL) {
		memcpy(ct, in, (size_t)(nl - in));
		ct[nl - in] = '\0';
		n = size - (size_t)(nl - in) - 1;
		in = nl + 1;
	}
	/* A request body is always NUL-terminated by req_parse. */
	if ((body = malloc(n + 1)) == NULL)
		return 0;
	memcpy(body, in, n);
	body[n] = '\0';
	arena_init(&a, 4096);
	if (multipart_parse(&a, ct, body, n, &lim, &form, &files, &bad) ==
	    REQ_OK) {
		if (form.n + files.n > lim.max_fields || files.n >
		    MULTIPART_MAX_FILES)
			abort();
		for (size_t i = 0; i < form.n; i++)
			if (form.v[i].len > lim.max_field ||
			    strlen(form.v[i].val) != form.v[i].len ||
			    !utf8_valid(form.v[i].val, form.v[i].len) ||
			    *form.v[i].key == '\0')
				abort();
		for (size_t i = 0; i < files.n; i++)
			if (files.v[i].data < body ||
			    files.v[i].data + files.v[i].len > body + n)
				abort();
	}
	arena_free(&a);
	free(body);
	return 0;
}
