/* fuzz.h — shared by the libFuzzer harnesses (every tests/fuzz/NAME.c is
 * one target; see tests/fuzz/fuzz.mk and README "Fuzzing").  A harness
 * defines LLVMFuzzerTestOneInput, and checks the invariants the callers
 * rely on with FUZZ_ASSERT: a broken invariant is a crash like any other. */
#ifndef SOUK_FUZZ_H
#define SOUK_FUZZ_H
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

#define FUZZ_ASSERT(e) do {						\
	if (!(e)) {							\
		fprintf(stderr, "%s:%d: invariant broken: %s\n",	\
		    __FILE__, __LINE__, #e);				\
		abort();						\
	}								\
} while (0)

/* A NUL-terminated heap copy of the input (exact size: ASan sees any
 * read past the end). */
static inline char *
fuzz_cstr(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1);

	if (s == NULL)
		abort();
	memcpy(s, data, size);
	s[size] = '\0';
	return s;
}

/* An exact-size heap copy without terminator, for (pointer, length) APIs. */
static inline char *
fuzz_copy(const uint8_t *data, size_t size)
{
	char *s = malloc(size ? size : 1);

	if (s == NULL)
		abort();
	memcpy(s, data, size);
	return s;
}

#endif
