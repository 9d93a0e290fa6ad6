/* cmd_mail.c — soukctl mail: the outbox from the shell (docs/mail.md).
 *
 *   mail run [--now]             deliver what is due, then exit (cron);
 *                                --now first makes every queued mail due
 *   mail daemon [--interval S]   deliver what is due every S seconds (10)
 *                                until SIGTERM; SIGHUP rereads the
 *                                configuration (systemd)
 *   mail list [--status S] [--limit N]   the newest rows of the queue
 *   mail show ID                 the message exactly as it would be sent
 *   mail retry ID|all            requeue a failed mail (all: every one) */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "arena.h"
#include "l10n.h"
#include "store_conf.h"
#include "ctl.h"
#include "db_mail.h"
#include "log.h"
#include "mail.h"
#include "utf8.h"

static volatile sig_atomic_t stop, reload;

/* SIGTERM, SIGINT: stop; SIGHUP: reread the configuration. */
static void
on_signal(int sig)
{
	if (sig == SIGHUP)
		reload = 1;
	else
		stop = 1;
}

/* Parses a positive integer argument; -1 when it is not one. */
static long long
number(const char *s)
{
	char *end;
	long long v;

	errno = 0;
	v = strtoll(s, &end, 10);
	return errno || *s == '\0' || *end != '\0' || v < 1 ? -1 : v;
}

/* The one-line summary of a run on stdout. */
static void
print_stats(const struct mail_stats *st)
{
	ctl_printf("sent %d, to retry %d, failed %d%s\n", st->sent, st->retry,
	    st->failed, st->unreachable ? " (the SMTP session ended before "
	    "the server took any mail: the rest waits for the next run)" : "");
}

/* Each subcommand returns the exit status (see ctl.h). */
static int
mail_run_cmd(struct db *db, int argc, char **argv)
{
	struct mail_run_opts o = { 0, 0, 0, NULL };
	struct mail_stats st = { 0, 0, 0, 0 };

	if (argc == 2 && strcmp(argv[1], "--now") == 0)
		o.now = 1;
	else if (argc != 1)
		return ctl_usage("mail run", "[--now]");
	if (mail_run(db, &o, &st) < 0)
		return ctl_fail("mail run", "delivery stopped; see the messages "
		    "above");
	print_stats(&st);
	return 0;
}

static int
mail_daemon(struct db *db, int argc, char **argv)
{
	struct mail_run_opts o = { 0, 0, 0, &stop };
	struct sigaction sa;
	long long interval = 10;

	if (argc == 3 && strcmp(argv[1], "--interval") == 0)
		interval = number(argv[2]);
	else if (argc != 1)
		interval = -1;
	if (interval < 1)
		return ctl_usage("mail daemon", "[--interval SECONDS]");
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;	/* no SA_RESTART: the sleep ends */
	sigemptyset(&sa.sa_mask);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
	log_info("mail daemon: delivering every %lld s", interval);
	while (!stop) {
		struct mail_stats st = { 0, 0, 0, 0 };
		struct timespec ts = { (time_t)interval, 0 };

		if (reload) {
			reload = 0;
			if (conf_load() < 0)
				log_error("mail daemon: configuration has errors; "
				    "keeping on with what it says");
			else
				log_info("mail daemon: configuration reloaded");
		}
		if (mail_run(db, &o, &st) < 0)
			log_error("mail daemon: delivery stopped; trying again "
			    "in %lld s", interval);
		while (!stop && !reload && nanosleep(&ts, &ts) < 0 &&
		    errno == EINTR)
			;
	}
	log_info("mail daemon: stopped");
	return 0;
}

/* A time as soukctl prints it (L10N_STAMP), or "-" for 0. */
static const char *
when(char *out, size_t n, long long t)
{
	return t == 0 ? "-" : l10n_time(out, n, t, LANG_EN, L10N_STAMP);
}

/* Prints at most max code points of s, padded to width. */
static void
cell(const char *s, size_t max, int width)
{
	size_t n = utf8_prefix(s, strlen(s), max);
	size_t cps = utf8_len(s, n);

	ctl_printf("%.*s%s%*s", (int)n, s, n < strlen(s) ? "…" : " ",
	    width > (int)cps ? width - (int)cps : 0, "");
}

static int
mail_list(struct db *db, int argc, char **argv)
{
	static const char *const statuses[] = { "queued", "sending", "sent",
	    "failed" };
	const char *status = "";
	long long limit = 50, counts[4];
	struct mail_row *rows;
	struct arena a;
	char t[32];
	int n, ok = 1;

	for (int i = 1; i < argc; i += 2) {
		if (i + 1 < argc && strcmp(argv[i], "--status") == 0) {
			status = argv[i + 1];
			ok = 0;
			for (int k = 0; k < 4; k++)
				ok |= strcmp(status, statuses[k]) == 0;
		} else if (i + 1 < argc && strcmp(argv[i], "--limit") == 0)
			ok = (limit = number(argv[i + 1])) > 0;
		else
			ok = 0;
		if (!ok)
			break;
	}
	if (!ok)
		return ctl_usage("mail list", "[--status queued|sending|sent|"
		    "failed] [--limit N]");
	arena_init(&a, 0);
	if (db_mail_counts(db, counts) < 0 ||
	    (n = db_mail_list(db, &a, status, (int)limit, &rows)) < 0) {
		arena_free(&a);
		return ctl_fail("mail list", "cannot read the outbox");
	}
	ctl_printf("%6s  %-7s  %5s  %-16s  %-28s  %-30s  %s\n", "ID", "STATUS",
	    "TRIES", "NEXT / SENT", "TO", "SUBJECT", "LAST ERROR");
	for (int i = 0; i < n; i++) {
		const struct mail_row *r = &rows[i];
		long long at = strcmp(r->status, "sent") == 0 ? r->sent_at :
		    strcmp(r->status, "queued") == 0 ? r->next_attempt_at :
		    strcmp(r->status, "sending") == 0 ? r->claimed_until : 0;
		ctl_printf("%6lld  %-7s  %5lld  %-16s  ", r->id, r->status,
		    r->attempts, when(t, sizeof(t), at));
		cell(r->to, 27, 28);
		ctl_printf(" ");
		cell(r->subject, 29, 30);
		ctl_printf(" %s\n", r->last_error);
	}
	ctl_printf("queued %lld, sending %lld, sent %lld, failed %lld\n",
	    counts[0], counts[1], counts[2], counts[3]);
	arena_free(&a);
	return 0;
}

static int
mail_show(struct db *db, int argc, char **argv)
{
	struct mail_row r;
	struct arena a;
	struct buf b = { 0 };
	const char *why;
	long long id;
	int rc;

	if (argc != 2 || (id = number(argv[1])) < 0)
		return ctl_usage("mail show", "ID");
	arena_init(&a, 0);
	if ((rc = db_mail_get(db, &a, id, &r)) != 0) {
		arena_free(&a);
		return rc < 0 ? ctl_fail("mail show", "cannot read the outbox") :
		    ctl_fail("mail show", "no mail %lld", id);
	}
	ctl_eprintf("mail %lld: %s, %lld attempt%s%s%s\n", r.id, r.status,
	    r.attempts, r.attempts == 1 ? "" : "s",
	    *r.last_error ? ", last error: " : "", r.last_error);
	const struct mail_msg m = {
		.from = conf_str(CONF_MAIL_FROM),
		.from_name = conf_str(CONF_STORE_NAME),
		.to = r.to, .to_name = r.to_name, .reply_to = r.reply_to,
		.reply_to_name = r.reply_to_name, .subject = r.subject,
		.text = r.text, .html = r.html, .message_id = r.message_id,
		.in_reply_to = r.in_reply_to, .references = r.refs,
		.date = r.created_at,
	};
	if (mail_format(&b, &m, &why) < 0)
		rc = ctl_fail("mail show", "mail %lld cannot be sent: unsafe %s",
		    id, why);
	else
		ctl_write(stdout, b.data, b.len);
	buf_free(&b);
	arena_free(&a);
	return rc;
}

static int
mail_retry(struct db *db, int argc, char **argv)
{
	struct mail_row r;
	struct arena a;
	long long id = 0;
	int n;

	if (argc != 2 || (strcmp(argv[1], "all") != 0 &&
	    (id = number(argv[1])) < 0))
		return ctl_usage("mail retry", "ID|all");
	if ((n = db_mail_requeue(db, id, (long long)time(NULL))) < 0)
		return ctl_fail("mail retry", "cannot update the outbox");
	if (id == 0) {
		ctl_printf("%d failed mail%s queued again\n", n, n == 1 ? "" : "s");
		return 0;
	}
	if (n == 1) {
		ctl_printf("mail %lld queued again\n", id);
		return 0;
	}
	arena_init(&a, 0);
	n = db_mail_get(db, &a, id, &r);
	if (n == 0)
		ctl_fail("mail retry", "mail %lld is %s: only failed or queued "
		    "mail can be retried", id, r.status);
	else
		ctl_fail("mail retry", "no mail %lld", id);
	arena_free(&a);
	return 1;
}

static const struct {
	const char	*name;
	int		(*run)(struct db *, int, char **);
} subs[] = {
	{ "run", mail_run_cmd }, { "daemon", mail_daemon },
	{ "list", mail_list }, { "show", mail_show }, { "retry", mail_retry },
};

int
cmd_mail(int argc, char **argv)
{
	struct db *db;
	int rc;

	for (size_t i = 0; argc >= 2 && i < sizeof(subs) / sizeof(subs[0]); i++) {
		if (strcmp(argv[1], subs[i].name) != 0)
			continue;
		if ((db = ctl_open(0)) == NULL)
			return 1;
		rc = subs[i].run(db, argc - 1, argv + 1);
		db_close(db);
		return rc;
	}
	return ctl_usage(argv[0], "run [--now] | daemon [--interval S] | "
	    "list [--status S] [--limit N] | show ID | retry ID|all");
}
