/* arena.h — per-request memory.
 *
 * Everything a request allocates comes from its arena and is released in one
 * place, arena_reset(), at the end of the FastCGI loop iteration.  The first
 * block is kept between requests, so a steady worker does no malloc for
 * ordinary pages.  Allocation failure aborts: a worker that cannot get memory
 * is restarted by the supervisor rather than limping on. */
#ifndef SOUK_ARENA_H
#define SOUK_ARENA_H
#include <stddef.h>
#include <stdarg.h>

struct arena_block;
struct arena {
	struct arena_block *head;	/* newest block first */
	size_t first_size;		/* size of the block kept across resets */
};

void	 arena_init(struct arena *, size_t first_size);
void	 arena_reset(struct arena *);	/* frees all but the first block */
void	 arena_free(struct arena *);	/* frees everything */
/* Returns zeroed memory aligned for any type, owned by the arena. */
void	*arena_alloc(struct arena *, size_t);
char	*arena_strdup(struct arena *, const char *);
char	*arena_strndup(struct arena *, const char *, size_t);
char	*arena_printf(struct arena *, const char *, ...)
	    __attribute__((format(printf, 2, 3)));
char	*arena_vprintf(struct arena *, const char *, va_list);
/* Total bytes held (for leak checks in tests). */
size_t	 arena_held(const struct arena *);

#endif
