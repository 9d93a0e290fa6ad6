/* csv.c — fuzzes the CSV reader used by soukctl import-products. */
#include "csv.h"
#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena a;
	struct csv c;
	struct csv_record r;
	const char *err = NULL;
	char *s = fuzz_copy(data, size);
	size_t calls = 0, last_line = 0;
	int rc;

	arena_init(&a, 4096);
	csv_init(&c, s, size);
	while ((rc = csv_next(&c, &a, &r, &err)) != 0) {
		/* Every call makes progress: at most one record per byte. */
		FUZZ_ASSERT(++calls <= size + 1);
		FUZZ_ASSERT(r.line >= 1 && r.line > last_line);
		last_line = r.line;
		if (rc < 0) {
			FUZZ_ASSERT(err != NULL && *err != '\0');
			continue;
		}
		FUZZ_ASSERT(rc == 1 && r.n >= 1 && r.n <= CSV_MAX_FIELDS);
		for (size_t i = 0; i < r.n; i++)
			FUZZ_ASSERT(r.f[i] != NULL);
	}
	FUZZ_ASSERT(csv_next(&c, &a, &r, &err) == 0);	/* stays at the end */
	arena_free(&a);
	free(s);
	return 0;
}
