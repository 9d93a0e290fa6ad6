/* mail_send.c — delivering the outbox over SMTP with libesmtp; see mail.h
 * for the policy and db_mail.h for the claiming.
 *
 * Bounding the waits: libesmtp has a timeout per protocol phase (greeting,
 * envelope, DATA, transfer, final reply), all set to smtp_timeout, but its
 * connect() blocks for as long as the kernel tries (minutes for a host
 * that drops packets).  A one-shot SIGALRM without SA_RESTART interrupts
 * it: armed before the session, disarmed by the SMTP_EV_CONNECT event. */
#include <errno.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

#include <auth-client.h>
#include <libesmtp.h>

#include "mail_conf.h"
#include "db_mail.h"
#include "log.h"
#include "mail.h"
#include "rand.h"

#define BATCH_DEFAULT 20
#define ERR_MAX 300		/* bytes of an error kept in last_error */

/* What one SMTP session learnt, filled in by libesmtp's callbacks. */
struct session {
	char		 server[300];	/* "host:port" */
	long		 timeout;	/* seconds, every wait */
	int		 connected;	/* a TCP connection was made */
	int		 verify;	/* the certificate must verify */
	int		 tls_missing;	/* STARTTLS required, not offered */
	int		 tls_refused;	/* the server's certificate failed */
	char		 reply[160];	/* the last line the server sent */
	time_t		 started;
};

/* One claimed row on its way. */
struct job {
	struct mail_row		*row;
	struct buf		 msg;		/* the formatted message */
	smtp_message_t		 m;
	smtp_recipient_t	 r;
	enum mail_outcome	 outcome;
	int			 rejected;	/* a 5xx about this mail */
	int			 answered;	/* the server replied about it */
	const char		*err;		/* why not sent (arena) */
	long long		 next_at;
};

static volatile sig_atomic_t alarm_rang;

/* SIGALRM: only interrupts a blocked connect(). */
static void
on_alarm(int sig)
{
	(void)sig;
	alarm_rang = 1;
}

/* Arms (seconds > 0) or disarms (0) the connect alarm. */
static void
arm(long seconds)
{
	struct itimerval it;

	memset(&it, 0, sizeof(it));
	it.it_value.tv_sec = seconds;
	setitimer(ITIMER_REAL, &it, NULL);
}

long long
mail_retry_delay(long long attempts, long long base, long long max)
{
	long long d = base;

	for (long long i = 1; i < attempts && d < max; i++)
		d *= 2;
	return d < max ? d : max;
}

/* libesmtp events.  A server certificate that does not verify is accepted
 * with smtp_starttls = if-available (opportunistic encryption, RFC 7435:
 * whoever could forge a certificate could as well strip STARTTLS) and
 * refused with required, as is a weak cipher always. */
static void
on_event(smtp_session_t s, int event, void *arg, ...)
{
	struct session *ss = arg;
	int *ok = NULL;
	va_list ap;

	(void)s;
	va_start(ap, arg);
	if (event == SMTP_EV_INVALID_PEER_CERTIFICATE) {
		(void)va_arg(ap, long);		/* the verify result */
		ok = va_arg(ap, int *);
	} else if (event == SMTP_EV_NO_PEER_CERTIFICATE ||
	    event == SMTP_EV_WRONG_PEER_CERTIFICATE)
		ok = va_arg(ap, int *);
	va_end(ap);
	if (ok != NULL && !ss->verify) {
		*ok = 1;
		return;
	}
	switch (event) {
	case SMTP_EV_CONNECT:
		arm(0);
		ss->connected = 1;
		break;
	case SMTP_EV_DISCONNECT:
		/* libesmtp may try the host's next address: bound it too. */
		arm(ss->timeout);
		break;
	case SMTP_EV_EXTNA_STARTTLS:
		ss->tls_missing = 1;
		break;
	case SMTP_EV_WEAK_CIPHER:
	case SMTP_EV_INVALID_PEER_CERTIFICATE:
	case SMTP_EV_NO_PEER_CERTIFICATE:
	case SMTP_EV_WRONG_PEER_CERTIFICATE:
	case SMTP_EV_UNUSABLE_CA_LIST:
		ss->tls_refused = 1;
		break;
	default:
		break;
	}
}

/* Keeps the last line the server sent (printable ASCII), for errors.
 * What we write (AUTH included) is never looked at. */
static void
on_monitor(const char *buf, int len, int writing, void *arg)
{
	struct session *ss = arg;
	const char *end = buf + len, *start;
	size_t n = 0;

	if (writing != SMTP_CB_READING)
		return;
	while (end > buf && (end[-1] == '\n' || end[-1] == '\r'))
		end--;
	for (start = end; start > buf && start[-1] != '\n'; start--)
		;
	for (const char *p = start; p < end && n + 1 < sizeof(ss->reply); p++)
		ss->reply[n++] = *p >= ' ' && *p <= '~' ? *p : '?';
	ss->reply[n] = '\0';
}

/* SASL asks for the user and password (PLAIN, LOGIN, CRAM-MD5). */
static int
on_auth(auth_client_request_t req, char **result, int fields, void *arg)
{
	(void)arg;
	for (int i = 0; i < fields; i++) {
		if (req[i].flags & AUTH_USER)
			result[i] = (char *)conf_str(CONF_SMTP_USER);
		else if (req[i].flags & AUTH_PASS)
			result[i] = (char *)conf_str(CONF_SMTP_PASSWORD);
		else
			return 0;	/* a realm...: not configured */
	}
	return 1;
}

/* "what: 550 text" from a server reply, cleaned for the database. */
static const char *
reply_error(struct arena *a, const char *what, const smtp_status_t *st)
{
	char *s = arena_printf(a, "%s: %d %s", what, st->code,
	    st->text ? st->text : "");

	for (char *p = s; *p; p++)
		if ((unsigned char)*p < ' ' || *p == 0x7f)
			*p = ' ';
	if (strlen(s) > ERR_MAX)
		s[ERR_MAX] = '\0';
	while (*s && s[strlen(s) - 1] == ' ')
		s[strlen(s) - 1] = '\0';
	return s;
}

/* Why a session as a whole did not deliver. */
static const char *
session_error(struct arena *a, const struct session *ss, int err)
{
	char msg[128];

	smtp_strerror(err, msg, sizeof(msg));
	if (alarm_rang && !ss->connected)
		return arena_printf(a, "no connection to %s within %ld s",
		    ss->server, ss->timeout);
	if (!ss->connected)
		return arena_printf(a, "cannot connect to %s: %s", ss->server,
		    msg);
	if (ss->tls_missing)
		return arena_printf(a, "%s does not offer STARTTLS "
		    "(smtp_starttls = required)", ss->server);
	if (ss->tls_refused)
		return arena_printf(a, "%s: TLS refused: its certificate did "
		    "not verify (smtp_starttls = required)", ss->server);
	if (err == SMTP_ERR_DROPPED_CONNECTION &&
	    time(NULL) - ss->started >= ss->timeout)
		return arena_printf(a, "%s: no reply within %ld s (timed out)%s%s",
		    ss->server, ss->timeout, *ss->reply ? "; last reply: " : "",
		    ss->reply);
	return arena_printf(a, "%s: %s%s%s", ss->server, msg,
	    *ss->reply ? "; last reply: " : "", ss->reply);
}

/* Sets j's outcome from what the server said about its message. */
static void
classify(struct arena *a, struct job *j, const struct session *ss, int err)
{
	const smtp_status_t *ms = smtp_message_transfer_status(j->m);
	const smtp_status_t *rp = smtp_reverse_path_status(j->m);
	const smtp_status_t *rs = smtp_recipient_status(j->r);

	j->answered = ms->code != 0 || rp->code != 0 || rs->code != 0;
	if (ms->code / 100 == 2) {
		j->outcome = MAIL_SENT;
		return;
	}
	j->outcome = MAIL_RETRY;
	/* 5xx about this recipient or this message: counted rejections.  A
	 * refused MAIL FROM is about our sender or session (relay, AUTH):
	 * retried like a 4xx until the settings are fixed. */
	if (rs->code / 100 == 5) {
		j->rejected = 1;
		j->err = reply_error(a, "RCPT TO", rs);
	} else if (ms->code / 100 == 5) {
		j->rejected = 1;
		j->err = reply_error(a, "DATA", ms);
	} else if (rp->code / 100 == 4 || rp->code / 100 == 5)
		j->err = reply_error(a, "MAIL FROM", rp);
	else if (rs->code / 100 == 4)
		j->err = reply_error(a, "RCPT TO", rs);
	else if (ms->code / 100 == 4)
		j->err = reply_error(a, "DATA", ms);
	else
		j->err = session_error(a, ss, err);
}

/* smtp_starttls as libesmtp's option. */
static enum starttls_option
tls_mode(void)
{
	const char *v = conf_str(CONF_SMTP_STARTTLS);

	if (strcmp(v, "never") == 0)
		return Starttls_DISABLED;
	if (strcmp(v, "required") == 0)
		return Starttls_REQUIRED;
	return Starttls_ENABLED;
}

/* Sends the jobs still pending over one SMTP session and classifies them. */
static void
smtp_send(struct arena *a, struct job *jobs, int n, struct session *ss)
{
	static int auth_ready;
	smtp_session_t s;
	auth_context_t auth = NULL;
	struct sigaction sa, old;
	int added = 0, err;

	if ((s = smtp_create_session()) == NULL) {
		for (int i = 0; i < n; i++)
			if (jobs[i].outcome == MAIL_RETRY && jobs[i].err == NULL)
				jobs[i].err = "libesmtp: cannot create a session";
		return;
	}
	smtp_set_server(s, ss->server);
	for (int w = Timeout_GREETING; w <= Timeout_DATA2; w++)
		smtp_set_timeout(s, w | Timeout_OVERRIDE_RFC2822_MINIMUM,
		    ss->timeout * 1000L);
	smtp_starttls_enable(s, tls_mode());
	smtp_set_eventcb(s, on_event, ss);
	smtp_set_monitorcb(s, on_monitor, ss, 0);
	if (*conf_str(CONF_SMTP_USER) != '\0') {
		if (!auth_ready) {
			auth_client_init();
			auth_ready = 1;
		}
		if ((auth = auth_create_context()) != NULL) {
			auth_set_mechanism_flags(auth, AUTH_PLUGIN_PLAIN, 0);
			auth_set_interact_cb(auth, on_auth, NULL);
			smtp_auth_set_context(s, auth);
		}
	}
	for (int i = 0; i < n; i++) {
		struct job *j = &jobs[i];
		if (j->outcome != MAIL_RETRY || j->err != NULL)
			continue;	/* refused by mail_format() */
		if ((j->m = smtp_add_message(s)) == NULL ||
		    !smtp_set_reverse_path(j->m, conf_str(CONF_MAIL_FROM)) ||
		    (j->r = smtp_add_recipient(j->m, j->row->to)) == NULL ||
		    !smtp_set_message_str(j->m, j->msg.data)) {
			log_error("mail: libesmtp refused the message");
			break;
		}
		added++;
	}
	if (added > 0) {
		memset(&sa, 0, sizeof(sa));
		sa.sa_handler = on_alarm;	/* no SA_RESTART: connect() stops */
		sigemptyset(&sa.sa_mask);
		sigaction(SIGALRM, &sa, &old);
		alarm_rang = 0;
		ss->started = time(NULL);
		arm(ss->timeout);
		(void)smtp_start_session(s);
		arm(0);
		sigaction(SIGALRM, &old, NULL);
		err = smtp_errno();
		for (int i = 0; i < n; i++)
			if (jobs[i].m != NULL && jobs[i].r != NULL)
				classify(a, &jobs[i], ss, err);
	}
	smtp_destroy_session(s);
	if (auth != NULL)
		auth_destroy_context(auth);
}

/* Turns a retry into a failure or a next time, per the policy in mail.h. */
static void
decide(struct job *j, long long now)
{
	const struct mail_row *r = j->row;
	long long deadline = r->queued_at + conf_int(CONF_MAIL_GIVE_UP), d;

	if (j->outcome != MAIL_RETRY)
		return;
	if (j->m == NULL && j->err == NULL)
		j->err = "libesmtp refused the message";
	if ((j->rejected && r->rejections + 1 >= conf_int(CONF_MAIL_5XX_ATTEMPTS)) ||
	    now >= deadline) {
		j->outcome = MAIL_FAILED;
		return;
	}
	d = mail_retry_delay(r->attempts, conf_int(CONF_MAIL_RETRY_BASE),
	    conf_int(CONF_MAIL_RETRY_MAX));
	d += (long long)rand_uniform((unsigned long)(d / 10 + 1));
	j->next_at = now + d < deadline ? now + d : deadline;
}

/* Writes the outcomes in one transaction (retried while the database is
 * busy: a row left 'sending' would be sent again when its claim ends). */
static int
record(struct db *db, struct job *jobs, int n, const char *who, long long now)
{
	for (int tries = 0; tries < 5; tries++) {
		int ok = db_begin(db) == 0;
		for (int i = 0; ok && i < n; i++)
			ok = db_mail_finish(db, jobs[i].row->id, who,
			    jobs[i].outcome, now, jobs[i].next_at, jobs[i].err,
			    jobs[i].rejected) >= 0;
		if (ok && db_commit(db) == 0)
			return 0;
		db_rollback(db);
		sleep(1);
	}
	log_error("mail: could not record delivery results; the rows are "
	    "sent again when their claim expires");
	return -1;
}

/* One log line per mail and attempt. */
static void
log_outcome(const struct job *j)
{
	const struct mail_row *r = j->row;

	if (j->outcome == MAIL_SENT)
		log_info("mail %lld: sent (attempt %lld)", r->id, r->attempts);
	else if (j->outcome == MAIL_RETRY)
		log_warn("mail %lld: not sent (attempt %lld): %s; next attempt "
		    "in %lld s", r->id, r->attempts, j->err,
		    j->next_at - (long long)time(NULL));
	else
		log_error("mail %lld: failed after %lld attempts: %s", r->id,
		    r->attempts, j->err);
}

/* 0 when the settings can send at all; -1 after logging why not. */
static int
settings_ok(void)
{
	const char *host = conf_str(CONF_SMTP_HOST);

	if (!mail_addr_safe(conf_str(CONF_MAIL_FROM))) {
		log_error("mail: mail_from '%s' is not one plain address",
		    conf_str(CONF_MAIL_FROM));
		return -1;
	}
	if (*host == '\0' || strchr(host, ':') != NULL ||
	    strcspn(host, " \t\r\n/") != strlen(host)) {
		log_error("mail: smtp_host must be a host name or IPv4 address");
		return -1;
	}
	return 0;
}

/* The claim lease: long enough for every wait of a whole batch. */
static long long
lease(int batch)
{
	return conf_int(CONF_SMTP_TIMEOUT) * (8 + 5LL * batch) + 60;
}

int
mail_run(struct db *db, const struct mail_run_opts *o, struct mail_stats *st)
{
	int batch = o->batch > 0 ? o->batch : BATCH_DEFAULT, rc = 0;
	long long after = 0;
	struct arena a;
	char host[64] = "localhost", tok[8], who[128];

	if (settings_ok() < 0)
		return -1;
	gethostname(host, sizeof(host) - 1);
	rand_token(tok, 3);
	snprintf(who, sizeof(who), "%s:%ld:%s", host, (long)getpid(), tok);
	if (o->now && db_mail_all_due(db, (long long)time(NULL)) < 0)
		return -1;
	arena_init(&a, 16 * 1024);
	for (;;) {
		struct mail_row *rows;
		struct job *jobs;
		struct session ss;
		int n, reached = 0;
		long long now = (long long)time(NULL);

		arena_reset(&a);
		if ((n = db_mail_claim(db, &a, who, now, lease(batch), after,
		    batch, &rows)) <= 0) {
			rc = n < 0 ? -1 : 0;
			break;
		}
		after = rows[n - 1].id;
		jobs = arena_alloc(&a, (size_t)n * sizeof(*jobs));
		for (int i = 0; i < n; i++) {
			const struct mail_msg m = {
				.from = conf_str(CONF_MAIL_FROM),
				.from_name = conf_str(CONF_STORE_NAME),
				.to = rows[i].to, .to_name = rows[i].to_name,
				.reply_to = rows[i].reply_to,
				.reply_to_name = rows[i].reply_to_name,
				.subject = rows[i].subject, .text = rows[i].text,
				.html = rows[i].html,
				.message_id = rows[i].message_id,
				.in_reply_to = rows[i].in_reply_to,
				.references = rows[i].refs,
				.date = rows[i].created_at,
			};
			jobs[i].row = &rows[i];
			jobs[i].outcome = MAIL_RETRY;
			if (mail_format(&jobs[i].msg, &m, &jobs[i].err) < 0) {
				jobs[i].outcome = MAIL_FAILED;
				jobs[i].err = arena_printf(&a, "refused to send: "
				    "unsafe %s", jobs[i].err);
			}
		}
		memset(&ss, 0, sizeof(ss));
		snprintf(ss.server, sizeof(ss.server), "%s:%lld",
		    conf_str(CONF_SMTP_HOST), conf_int(CONF_SMTP_PORT));
		ss.timeout = (long)conf_int(CONF_SMTP_TIMEOUT);
		ss.verify = tls_mode() == Starttls_REQUIRED;
		smtp_send(&a, jobs, n, &ss);
		now = (long long)time(NULL);
		for (int i = 0; i < n; i++) {
			decide(&jobs[i], now);
			reached |= jobs[i].answered;
			if (jobs[i].outcome == MAIL_SENT)
				st->sent++;
			else if (jobs[i].outcome == MAIL_RETRY)
				st->retry++;
			else
				st->failed++;
		}
		if (record(db, jobs, n, who, now) < 0)
			rc = -1;
		for (int i = 0; i < n; i++) {
			log_outcome(&jobs[i]);
			buf_free(&jobs[i].msg);
		}
		if (rc < 0)
			break;
		if (!reached) {
			st->unreachable = 1;	/* the rest waits for later */
			break;
		}
		if (o->one_batch || (o->stop != NULL && *o->stop))
			break;
	}
	arena_free(&a);
	return rc;
}
