/* arena.c — bump allocator in a list of blocks; see arena.h. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "log.h"

struct arena_block {
	struct arena_block *next;
	size_t size, used;
	max_align_t data[];
};

#define ALIGN (sizeof(max_align_t))

static struct arena_block *
block_new(size_t size)
{
	struct arena_block *b = malloc(sizeof(*b) + size);

	if (b == NULL)
		log_fatal("arena: out of memory (%zu bytes)", size);
	b->next = NULL;
	b->size = size;
	b->used = 0;
	return b;
}

void
arena_init(struct arena *a, size_t first_size)
{
	a->first_size = first_size ? first_size : 64 * 1024;
	a->head = block_new(a->first_size);
}

void
arena_reset(struct arena *a)
{
	struct arena_block *b = a->head, *next;

	while (b != NULL && b->next != NULL) {
		next = b->next;
		free(b);
		b = next;
	}
	a->head = b;
	if (b != NULL)
		b->used = 0;
}

void
arena_free(struct arena *a)
{
	struct arena_block *b = a->head, *next;

	for (; b != NULL; b = next) {
		next = b->next;
		free(b);
	}
	a->head = NULL;
}

void *
arena_alloc(struct arena *a, size_t n)
{
	struct arena_block *b = a->head, *nb;
	size_t need = (n + ALIGN - 1) & ~(ALIGN - 1);
	void *p;

	if (need < n)
		log_fatal("arena: size overflow");
	if (b == NULL || b->size - b->used < need) {
		size_t sz = a->first_size;
		while (sz < need) {
			/* Doubling past SIZE_MAX / 2 would wrap to 0 and
			 * spin forever. */
			if (sz > SIZE_MAX / 2)
				log_fatal("arena: %zu bytes is too large", n);
			sz *= 2;
		}
		nb = block_new(sz);
		/* Keep the first (long-lived) block at the tail of the list. */
		if (b == NULL) {
			a->head = nb;
		} else {
			nb->next = b;
			a->head = nb;
		}
		b = nb;
	}
	p = (char *)b->data + b->used;
	b->used += need;
	memset(p, 0, n);
	return p;
}

char *
arena_strndup(struct arena *a, const char *s, size_t n)
{
	char *p = arena_alloc(a, n + 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *
arena_strdup(struct arena *a, const char *s)
{
	return s == NULL ? NULL : arena_strndup(a, s, strlen(s));
}

char *
arena_vprintf(struct arena *a, const char *fmt, va_list ap)
{
	struct arena_block *b = a->head;
	va_list aq;
	int n;
	char *p;

	/* Formatted straight into the room left in the newest block: most
	 * strings fit, and formatting once to measure and again to write was
	 * most of the cost of the HDF values pages format. */
	if (b != NULL && b->used < b->size) {
		size_t room = b->size - b->used;

		p = (char *)b->data + b->used;
		va_copy(aq, ap);
		n = vsnprintf(p, room, fmt, aq);
		va_end(aq);
		if (n < 0)
			log_fatal("arena: bad format");
		if ((size_t)n < room) {
			size_t need = ((size_t)n + 1 + ALIGN - 1) & ~(ALIGN - 1);
			b->used += need < room ? need : room;
			return p;
		}
	} else {
		va_copy(aq, ap);
		n = vsnprintf(NULL, 0, fmt, aq);
		va_end(aq);
		if (n < 0)
			log_fatal("arena: bad format");
	}
	p = arena_alloc(a, (size_t)n + 1);
	vsnprintf(p, (size_t)n + 1, fmt, ap);
	return p;
}

char *
arena_printf(struct arena *a, const char *fmt, ...)
{
	va_list ap;
	char *p;

	va_start(ap, fmt);
	p = arena_vprintf(a, fmt, ap);
	va_end(ap);
	return p;
}

size_t
arena_held(const struct arena *a)
{
	size_t n = 0;

	for (const struct arena_block *b = a->head; b != NULL; b = b->next)
		n += b->size;
	return n;
}
