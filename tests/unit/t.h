/* t.h — the unit-test harness: each tests/unit/test_*.c file defines
 * test functions and registers them with TEST(); main() in run.c runs them
 * all and prints "unit: N passed, M failed". */
#ifndef SOUK_T_H
#define SOUK_T_H
#include <stdio.h>
#include <string.h>

struct t_case {
	const char	*name;
	void		(*fn)(void);
	struct t_case	*next;
};

extern int t_failed_now;
void	t_register(struct t_case *);
void	t_fail(const char *file, int line, const char *expr);
/* The source tree (it holds lang/ and templates/), found upwards from the
 * current directory, then from the test binary. */
const char *t_root(void);
/* A directory for this run's scratch files, removed at exit. */
const char *t_tmpdir(void);
/* Writes text to t_tmpdir()/name (sub-directories created); returns the
 * path in a static buffer that the next call overwrites. */
const char *t_write(const char *name, const char *text);

/* A fresh database with the whole schema (schema.sql) in a new file under
 * t_tmpdir(), and the store secret installed (order tokens, CSRF): close
 * it with db_close() before the next test opens one (tests/unit/t_db.c). */
struct db *t_db_new(void);
/* Runs trusted test SQL (fixtures, tampering "by hand"); 0 or -1. */
int	t_exec(struct db *, const char *sql);
/* The first column of the first row of sql as an integer (-1: none or
 * error). */
long long t_int(struct db *, const char *sql);

#define TEST(name)							\
	static void name(void);						\
	static struct t_case name##_case = { #name, name, NULL };	\
	__attribute__((constructor)) static void name##_reg(void)	\
	{ t_register(&name##_case); }					\
	static void name(void)

#define CHECK(e) do { if (!(e)) t_fail(__FILE__, __LINE__, #e); } while (0)
#define CHECK_STR(a, b) do {						\
	const char *a_ = (a), *b_ = (b);				\
	if (a_ == NULL || b_ == NULL || strcmp(a_, b_) != 0) {		\
		char m_[512];						\
		snprintf(m_, sizeof(m_), "%s == \"%s\" (got \"%s\")", #a, \
		    b_ ? b_ : "(null)", a_ ? a_ : "(null)");		\
		t_fail(__FILE__, __LINE__, m_);				\
	}								\
} while (0)
#define CHECK_INT(a, b) do {						\
	long long a_ = (long long)(a), b_ = (long long)(b);		\
	if (a_ != b_) {							\
		char m_[256];						\
		snprintf(m_, sizeof(m_), "%s == %lld (got %lld)", #a, b_, a_); \
		t_fail(__FILE__, __LINE__, m_);				\
	}								\
} while (0)

#endif
