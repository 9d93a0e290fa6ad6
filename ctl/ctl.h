/* ctl.h — soukctl, the operator's command-line tool: one file per group of
 * commands (cmd_*.c), a table in soukctl.c.  Exit status: 0 done, 1 failed,
 * 2 wrong usage.  Messages go to stderr, listings to stdout. */
#ifndef SOUK_CTL_H
#define SOUK_CTL_H
#include "db.h"

struct ctl_cmd {
	const char	*name;
	int		(*run)(int argc, char **argv);	/* argv[0] = name */
	const char	*args;
	const char	*help;
};

/* Opens the configured database, refusing one whose schema is not current
 * (unless `any_version`).  NULL after printing why. */
struct db	*ctl_open(int any_version);
/* Prints "soukctl <cmd>: message" to stderr; returns 1 (or 2 for usage). */
int		 ctl_fail(const char *cmd, const char *fmt, ...)
		    __attribute__((format(printf, 2, 3)));
int		 ctl_usage(const char *cmd, const char *args);

int	cmd_init(int, char **);
int	cmd_migrate(int, char **);
int	cmd_config(int, char **);
int	cmd_demo(int, char **);
int	cmd_import(int, char **);
int	cmd_bench_data(int, char **);
int	cmd_mail(int, char **);
int	cmd_orders(int, char **);
int	cmd_order(int, char **);
int	cmd_coupon(int, char **);
int	cmd_cron(int, char **);

#endif
