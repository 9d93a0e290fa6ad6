/* search.c — fuzzes search_split + search_fts (shopper text to FTS5
 * queries), the highlighter and snippets, and edit_distance. */
#include "fuzz.h"
#include "search.h"
#include "utf8.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena a;
	struct search_words w;
	struct search_fts f;
	char *s = fuzz_cstr(data, size), *marked, *snip;
	size_t quotes = 0, len = strlen(s), plain = 0, in_plain = 0;

	arena_init(&a, 4096);
	search_split(&a, s, &w);
	FUZZ_ASSERT(w.n <= SEARCH_MAX_WORDS);
	for (size_t i = 0; i < w.n; i++) {
		size_t wl = strlen(w.w[i]);
		FUZZ_ASSERT(wl >= 1 && wl <= 64);
		FUZZ_ASSERT(strpbrk(w.w[i], "\"*:^()") == NULL);
		if (utf8_valid(s, len))		/* requests are valid UTF-8 */
			FUZZ_ASSERT(utf8_valid(w.w[i], wl));
	}
	FUZZ_ASSERT((search_fts(&a, &w, &f) < 0) == (w.n == 0));
	for (const char *p = w.n ? f.all : ""; *p; p++)
		quotes += *p == '"';
	/* Each word is exactly one quoted string: no quote escapes. */
	FUZZ_ASSERT(quotes == 2 * w.n);
	/* Marking adds \1 \2 pairs and changes nothing else. */
	marked = search_mark(&a, s, &w);
	for (const char *p = marked; *p; p++)
		if (*p != '\001' && *p != '\002')
			plain++;
	for (const char *p = s; *p; p++)
		if (*p != '\001' && *p != '\002')
			in_plain++;
	FUZZ_ASSERT(plain == in_plain);
	snip = search_snippet(&a, s, &w, 18);
	FUZZ_ASSERT(strlen(snip) <= 2 * len + 16);
	if (utf8_valid(s, len)) {
		FUZZ_ASSERT(utf8_valid(marked, strlen(marked)));
		FUZZ_ASSERT(utf8_valid(snip, strlen(snip)));
	}
	if (w.n >= 2) {
		size_t d = edit_distance(w.w[0], w.w[1], 2);
		FUZZ_ASSERT(d <= 3);
		FUZZ_ASSERT(d == edit_distance(w.w[1], w.w[0], 2));
		FUZZ_ASSERT(edit_distance(w.w[0], w.w[0], 0) == 0);
		FUZZ_ASSERT((d == 0) == (strcmp(w.w[0], w.w[1]) == 0));
	}
	arena_free(&a);
	free(s);
	return 0;
}
