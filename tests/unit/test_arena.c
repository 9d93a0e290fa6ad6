/* test_arena.c — the per-request allocator. */
#include <stdint.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include "arena.h"
#include "t.h"

TEST(arena_alignment_and_zeroing)
{
	struct arena a;

	arena_init(&a, 256);
	for (size_t n = 0; n < 100; n++) {
		unsigned char *p = arena_alloc(&a, n);
		if ((uintptr_t)p % _Alignof(max_align_t) != 0)
			t_fail(__FILE__, __LINE__, "misaligned");
		for (size_t i = 0; i < n; i++)
			if (p[i] != 0)
				t_fail(__FILE__, __LINE__, "not zeroed");
		memset(p, 0xAB, n);
	}
	arena_free(&a);
}

TEST(arena_growth_and_held_bytes)
{
	struct arena a;
	char *first, *big;

	arena_init(&a, 1024);
	CHECK_INT(arena_held(&a), 1024);
	first = arena_alloc(&a, 1000);
	CHECK_INT(arena_held(&a), 1024);
	arena_alloc(&a, 100);			/* does not fit: a new block */
	CHECK_INT(arena_held(&a), 2048);
	big = arena_alloc(&a, 5000);		/* bigger than a block: 8192 */
	CHECK_INT(arena_held(&a), 2048 + 8192);
	memset(big, 'x', 5000);
	memset(first, 'y', 1000);		/* earlier memory still valid */
	CHECK(big[4999] == 'x' && first[0] == 'y');
	arena_free(&a);
	CHECK_INT(arena_held(&a), 0);
}

TEST(arena_reset_keeps_the_first_block)
{
	struct arena a;
	char *p, *q;

	arena_init(&a, 4096);
	p = arena_alloc(&a, 100);
	memset(p, 'z', 100);
	for (int i = 0; i < 50; i++)
		arena_alloc(&a, 3000);
	CHECK(arena_held(&a) > 4096);
	arena_reset(&a);
	CHECK_INT(arena_held(&a), 4096);
	/* The first block is reused from its start, cleared. */
	q = arena_alloc(&a, 100);
	CHECK(p == q);
	CHECK(q[0] == 0 && q[99] == 0);
	/* A steady request pattern does not grow the arena. */
	for (int round = 0; round < 100; round++) {
		for (int i = 0; i < 20; i++)
			arena_alloc(&a, 100);
		arena_reset(&a);
	}
	CHECK_INT(arena_held(&a), 4096);
	arena_free(&a);
}

TEST(arena_strings)
{
	struct arena a;

	arena_init(&a, 0);
	CHECK_INT(arena_held(&a), 64 * 1024);	/* the default first block */
	CHECK_STR(arena_strdup(&a, "hello"), "hello");
	CHECK(arena_strdup(&a, NULL) == NULL);
	CHECK_STR(arena_strndup(&a, "hello", 3), "hel");
	CHECK_STR(arena_strndup(&a, "", 0), "");
	CHECK_STR(arena_printf(&a, "%s-%d-%05.1f", "x", 42, 3.14159), "x-42-003.1");
	/* Longer than a block. */
	CHECK_INT(strlen(arena_printf(&a, "%100000d", 7)), 100000);
	arena_free(&a);
}

TEST(arena_printf_fills_blocks_to_the_end)
{
	struct arena a;
	char *s[200];

	/* Strings of every length near a block's end stay whole, aligned
	 * allocations after them stay valid. */
	arena_init(&a, 256);
	for (int i = 0; i < 200; i++) {
		unsigned char *p;
		s[i] = arena_printf(&a, "%0*d", i % 90 + 1, i);
		p = arena_alloc(&a, 8);
		if ((uintptr_t)p % _Alignof(max_align_t) != 0)
			t_fail(__FILE__, __LINE__, "misaligned");
		memset(p, 0xCD, 8);
	}
	for (int i = 0; i < 200; i++) {
		char want[128];
		snprintf(want, sizeof(want), "%0*d", i % 90 + 1, i);
		CHECK_STR(s[i], want);
	}
	arena_free(&a);
}

TEST(arena_refuses_absurd_sizes)
{
	/* A size no block can hold must stop the process cleanly (the
	 * supervisor restarts the worker), not loop or wrap around. */
	static const size_t sizes[] = { SIZE_MAX, SIZE_MAX - 8, SIZE_MAX / 2 + 2 };

	for (size_t i = 0; i < sizeof(sizes) / sizeof(*sizes); i++) {
		int status = 0;
		pid_t pid = fork();
		if (pid == 0) {
			struct arena a;
			alarm(2);
			close(STDERR_FILENO);	/* the fatal line is expected */
			arena_init(&a, 1024);
			arena_alloc(&a, sizes[i]);
			_exit(0);
		}
		CHECK(pid > 0);
		waitpid(pid, &status, 0);
		if (!WIFEXITED(status) || WEXITSTATUS(status) != 1) {
			char m[64];
			snprintf(m, sizeof(m), "size %zu: status %#x", sizes[i],
			    status);
			t_fail(__FILE__, __LINE__, m);
		}
	}
}
