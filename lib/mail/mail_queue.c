/* mail_queue.c — mail_enqueue() and mail_render(); see mail.h. */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "mail_conf.h"
#include "db_mail.h"
#include "log.h"
#include "mail.h"
#include "rand.h"
#include "tmpl.h"
#include "utf8.h"

/* The part of mail_from after '@' (for Message-IDs). */
static const char *
domain(void)
{
	const char *at = strrchr(conf_str(CONF_MAIL_FROM), '@');

	return at && at[1] && mail_addr_safe(conf_str(CONF_MAIL_FROM)) ?
	    at + 1 : "localhost";
}

/* Names the first field of m that may not be queued, or NULL. */
static const char *
refused(const struct mail *m)
{
	if (m->to == NULL || !mail_addr_safe(m->to))
		return "to";
	if (m->to_name && (!m->to_verified ||
	    !mail_header_safe(m->to_name, MAIL_NAME_MAX)))
		return "to_name";	/* a name to an unverified address */
	if (m->reply_to && *m->reply_to && !mail_addr_safe(m->reply_to))
		return "reply_to";
	if (m->reply_to_name && !mail_header_safe(m->reply_to_name, MAIL_NAME_MAX))
		return "reply_to_name";
	if (m->subject == NULL || *m->subject == '\0' ||
	    !mail_header_safe(m->subject, MAIL_SUBJECT_MAX))
		return "subject";
	if (m->in_reply_to && *m->in_reply_to && !mail_msgid_safe(m->in_reply_to))
		return "in_reply_to";
	if (m->references && !mail_refs_safe(m->references))
		return "references";
	if (m->text == NULL || !utf8_valid(m->text, strlen(m->text)))
		return "text";
	if (m->html && !utf8_valid(m->html, strlen(m->html)))
		return "html";
	return NULL;
}

/* A new Message-ID made at now into msgid[128]. */
static void
new_msgid(char *msgid, long long now)
{
	char token[32];

	rand_token(token, 18);
	snprintf(msgid, 128, "<%lld.%s@%s>", now, token, domain());
}

/* 0 when m may be queued, else -1 (logged). */
static int
check(const struct mail *m)
{
	const char *why;

	if ((why = refused(m)) == NULL)
		return 0;
	log_error("mail: refused to queue a mail: unsafe or missing %s", why);
	return -1;
}

int
mail_enqueue(struct db *db, const struct mail *m, long long *id)
{
	char msgid[128];
	long long now = (long long)time(NULL), got;

	if (check(m) < 0)
		return -1;
	new_msgid(msgid, now);
	if ((got = db_mail_insert(db, m, msgid, now)) < 0)
		return -1;
	if (id != NULL)
		*id = got;
	return 0;
}

int
mail_enqueue_all(struct db *db, const struct mail *m, size_t n)
{
	char ids[2][128];
	const char *pair[2] = { ids[0], ids[1] };
	long long now = (long long)time(NULL);
	size_t i = 0;

	for (size_t k = 0; k < n; k++)
		if (check(&m[k]) < 0)
			return -1;
	for (; i + 1 < n; i += 2) {
		new_msgid(ids[0], now);
		new_msgid(ids[1], now);
		if (db_mail_insert_pair(db, &m[i], pair, now) < 0)
			return -1;
	}
	return i < n ? mail_enqueue(db, &m[i], NULL) : 0;
}

int
mail_render(enum lang l, const char *name, struct buf *out)
{
	HDF *h = tmpl_hdf(l);
	int rc = tmpl_render(l, name, TMPL_TEXT, out);

	hdf_drop(h, "Mail");
	return rc;
}

int
mail_render_vars(enum lang l, const char *name, const struct mail_var *vars,
    size_t n, struct buf *out)
{
	HDF *h = tmpl_hdf(l);
	char key[64];

	for (size_t i = 0; i < n; i++) {
		snprintf(key, sizeof(key), "Mail.%s", vars[i].name);
		if (neo_check(hdf_set_value(h, key, vars[i].value), key) < 0) {
			hdf_drop(h, "Mail");
			return -1;
		}
	}
	return mail_render(l, name, out);
}
