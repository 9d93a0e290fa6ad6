/* run.c — runs every registered unit test (optionally those whose name
 * contains argv[1]) and prints "unit: N passed, M failed"; also the
 * helpers of t.h. */
#include <ftw.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "store_conf.h"
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

static int
is_root(const char *dir)
{
	char p[PATH_MAX + 32];

	snprintf(p, sizeof(p), "%s/lang/en.hdf", dir);
	if (access(p, R_OK) != 0)
		return 0;
	snprintf(p, sizeof(p), "%s/tests/unit/t.h", dir);
	return access(p, R_OK) == 0;
}

/* Walks up from dir until is_root(); 1 when found (dir rewritten). */
static int
find_up(char *dir)
{
	for (;;) {
		char *slash;
		if (is_root(dir))
			return 1;
		if ((slash = strrchr(dir, '/')) == NULL || slash == dir)
			return 0;
		*slash = '\0';
	}
}

const char *
t_root(void)
{
	static char root[PATH_MAX];
	ssize_t n;

	if (*root)
		return root;
	if (getcwd(root, sizeof(root)) != NULL && find_up(root))
		return root;
	if ((n = readlink("/proc/self/exe", root, sizeof(root) - 1)) > 0) {
		root[n] = '\0';
		if (find_up(root))
			return root;
	}
	fprintf(stderr, "unit: cannot find the source tree (lang/en.hdf)\n");
	exit(2);
}

static char tmp[PATH_MAX];

static int
rm_one(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st;
	(void)flag;
	(void)ftw;
	return remove(path);
}

static void
rm_tmp(void)
{
	if (*tmp)
		nftw(tmp, rm_one, 16, FTW_DEPTH | FTW_PHYS);
}

const char *
t_tmpdir(void)
{
	if (*tmp)
		return tmp;
	snprintf(tmp, sizeof(tmp), "%s/souk-unit-XXXXXX",
	    getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
	if (mkdtemp(tmp) == NULL) {
		perror("mkdtemp");
		exit(2);
	}
	atexit(rm_tmp);
	return tmp;
}

const char *
t_write(const char *name, const char *text)
{
	static char path[2 * PATH_MAX];
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", t_tmpdir(), name);
	for (char *s = path + strlen(tmp) + 1; (s = strchr(s, '/')) != NULL; s++) {
		*s = '\0';
		mkdir(path, 0700);
		*s = '/';
	}
	if ((f = fopen(path, "w")) == NULL || fputs(text, f) == EOF ||
	    fclose(f) != 0) {
		perror(path);
		exit(2);
	}
	return path;
}

int
main(int argc, char **argv)
{
	int passed = 0, failed = 0;

	store_conf_define();	/* every layer's configuration keys */
	for (struct t_case *c = head; c != NULL; c = c->next) {
		if (argc > 1 && strstr(c->name, argv[1]) == NULL)
			continue;
		t_failed_now = 0;
		c->fn();
		printf("%s %s\n", t_failed_now ? "FAIL" : "ok  ", c->name);
		fflush(stdout);
		if (t_failed_now)
			failed++;
		else
			passed++;
	}
	printf("%s: %d passed, %d failed\n", getenv("SUITE_LABEL") ?
	    getenv("SUITE_LABEL") : "unit", passed, failed);
	return failed ? 1 : 0;
}
