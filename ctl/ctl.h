/* ctl.h — soukctl, the operator's command-line tool: one file per group of
 * commands (cmd_*.c), a table in soukctl.c.  Exit status: 0 done, 1 failed,
 * 2 wrong usage (`check`: 3 warnings only).  Messages go to stderr, listings to stdout.
 *
 * Output: every byte soukctl prints goes through ctl_write() (ctl_printf,
 * ctl_eprintf, ctl_fail, ctl_usage), which replaces C0 controls (but LF),
 * DEL, C1 controls (CSI U+009B among them), U+2028/U+2029 and malformed
 * UTF-8 with '?' (utf8_scrub), so nothing a shopper typed, a file name
 * sent, or an SMTP server answered can drive the operator's terminal; the
 * library's log lines get the same filter (log.c).  Never call printf,
 * fprintf, puts, fwrite or write anywhere else in ctl/:
 * tests/e2e/test_soukctl.py (soukctl_prints_no_control_characters)
 * checks the sources. */
#ifndef SOUK_CTL_H
#define SOUK_CTL_H
#include <stdio.h>

#include "arena.h"
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
/* Writes s[0..n) to f with controls replaced (see the top). */
void		 ctl_write(FILE *f, const char *s, size_t n);
/* printf to stdout / stderr through ctl_write(); return the length
 * formatted, or -1. */
int		 ctl_printf(const char *fmt, ...)
		    __attribute__((format(printf, 1, 2)));
int		 ctl_eprintf(const char *fmt, ...)
		    __attribute__((format(printf, 1, 2)));
/* s with its line breaks as ", " (a multi-line address on one line), in
 * the arena; other controls are left to ctl_write(). */
const char	*ctl_oneline(struct arena *, const char *s);
/* Unix time t as soukctl prints it: "2026-12-01 14:03" in the store's
 * zone (sortable, any language), in the arena. */
const char	*ctl_when(struct arena *, long long t);
/* The language an option names ("--en", "--fr": a text's version in
 * that language), or -1. */
int		 ctl_lang_opt(const char *opt);
/* Prints "soukctl <cmd>: message" to stderr; returns 1 (or 2 for usage). */
int		 ctl_fail(const char *cmd, const char *fmt, ...)
		    __attribute__((format(printf, 2, 3)));
int		 ctl_usage(const char *cmd, const char *args);

int	cmd_init(int, char **);
int	cmd_migrate(int, char **);
int	cmd_config(int, char **);
int	cmd_demo(int, char **);
int	cmd_import(int, char **);
int	cmd_export_products(int, char **);
int	cmd_bench_data(int, char **);
int	cmd_stats(int, char **);
int	cmd_mail(int, char **);
int	cmd_orders(int, char **);
int	cmd_order(int, char **);
int	cmd_coupon(int, char **);
int	cmd_product_field(int, char **);
int	cmd_shipping(int, char **);
int	cmd_cron(int, char **);
int	cmd_backup(int, char **);
int	cmd_restore(int, char **);
int	cmd_check(int, char **);
int	cmd_reviews(int, char **);
int	cmd_user(int, char **);
int	cmd_setting(int, char **);
/* Installs the store secret (signing links) from db; 0 or -1 (printed). */
int	ctl_secret(struct db *);
/* Loads the templates (mails soukctl queues) once; 0 or -1 (printed). */
int	ctl_templates(void);
int	cmd_media(int, char **);
int	cmd_credentials(int, char **);
int	cmd_subscriptions(int, char **);
int	cmd_subscription(int, char **);
int	cmd_export_catalog(int, char **);
int	cmd_entitlement(int, char **);
/* cmd_grant.c: entitlement grant, grants, revoke --grant (argv[0] is
 * "entitlement"), and who soukctl is in audit rows. */
int	ctl_grant(int, char **);
int	ctl_grants(int, char **);
int	ctl_grant_revoke(int, char **);
struct staff_actor;
extern const struct staff_actor ctl_actor;
int	cmd_order_refund(int, char **);
int	cmd_page(int, char **);
int	cmd_faq(int, char **);
int	cmd_banner(int, char **);
int	cmd_content(int, char **);

#endif
