/* run.c — runs every registered unit test (optionally those whose name
 * contains argv[1]) and prints "unit: N passed, M failed". */
#include <stdlib.h>

#include "t.h"

static struct t_case *head, **tail = &head;
int t_failed_now;

void
t_register(struct t_case *c)
{
	*tail = c;
	tail = &c->next;
}

void
t_fail(const char *file, int line, const char *expr)
{
	printf("    %s:%d: %s\n", file, line, expr);
	t_failed_now = 1;
}

int
main(int argc, char **argv)
{
	int passed = 0, failed = 0;

	for (struct t_case *c = head; c != NULL; c = c->next) {
		if (argc > 1 && strstr(c->name, argv[1]) == NULL)
			continue;
		t_failed_now = 0;
		c->fn();
		printf("%s %s\n", t_failed_now ? "FAIL" : "ok  ", c->name);
		if (t_failed_now)
			failed++;
		else
			passed++;
	}
	printf("%s: %d passed, %d failed\n", getenv("SUITE_LABEL") ?
	    getenv("SUITE_LABEL") : "unit", passed, failed);
	return failed ? 1 : 0;
}
