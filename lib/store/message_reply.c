/* message_reply.c — see message_reply.h. */
#include <ctype.h>
#include <string.h>

#include "message_reply.h"
#include "order.h"

void
message_thread(struct arena *a, const struct message_row *msg,
    const struct message_reply *r, size_t n, const char **in_reply_to,
    const char **references)
{
	const char **ids = arena_alloc(a, (n + 1) * sizeof(*ids));
	size_t k = 0, len = 0, first;
	struct buf b = { 0 };

	if (*msg->copy_msgid && mail_msgid_safe(msg->copy_msgid))
		ids[k++] = msg->copy_msgid;
	for (size_t i = 0; i < n; i++)
		if (*r[i].msgid && mail_msgid_safe(r[i].msgid))
			ids[k++] = r[i].msgid;
	*in_reply_to = k > 0 ? ids[k - 1] : "";
	/* Keep the newest ids that fit, and the first (the thread's root)
	 * when it still does. */
	for (first = k; first > 0; first--) {
		size_t add = strlen(ids[first - 1]) + (len ? 1 : 0);
		if (len + add > MAIL_REFS_MAX)
			break;
		len += add;
	}
	for (size_t i = first; i < k; i++)
		buf_printf(&b, "%s%s", i > first ? " " : "", ids[i]);
	*references = arena_strdup(a, b.data ? b.data : "");
	buf_free(&b);
}

int
message_reply(struct db *db, struct arena *a, const struct message_row *msg,
    struct mail *m, long long user_id, const char *author, const char *body,
    long long now)
{
	struct message_reply *r;
	size_t n;
	long long mail_id;

	if (db_message_replies(db, a, msg->id, &r, &n) < 0)
		return -1;
	message_thread(a, msg, r, n, &m->in_reply_to, &m->references);
	if (mail_enqueue(db, m, &mail_id) < 0 ||
	    db_message_reply_add(db, msg->id, user_id, author, body, mail_id,
	    now) < 0 ||
	    db_message_set_status(db, msg->id, "answered", NULL) < 0)
		return -1;
	return 0;
}

/* The first order reference in s ("XX-7KQ4MZ2D": letters or digits, a
 * dash, ORDER_REF_CHARS of the reference alphabet, any case) into
 * out[ORDER_REF_BUF], upper-cased; 1 when found, else 0. */
static int
find_ref(const char *s, char *out)
{
	for (const char *d = strchr(s, '-'); d != NULL; d = strchr(d + 1, '-')) {
		const char *p = d;
		size_t k;

		while (p > s && p - d > -6 && isalnum((unsigned char)p[-1]))
			p--;
		if (p == d || (p > s && isalnum((unsigned char)p[-1])))
			continue;
		for (k = 1; k <= ORDER_REF_CHARS && isalnum((unsigned char)d[k]);
		    k++)
			;
		if (k != ORDER_REF_CHARS + 1 || isalnum((unsigned char)d[k]))
			continue;
		k = (size_t)(d - p) + 1 + ORDER_REF_CHARS;
		for (size_t i = 0; i < k; i++)
			out[i] = (char)toupper((unsigned char)p[i]);
		out[k] = '\0';
		return 1;
	}
	return 0;
}

long long
message_order(struct db *db, const struct message_row *msg)
{
	const char *from[] = { msg->order_ref, msg->subject, msg->body };
	char ref[ORDER_REF_BUF];
	long long id;

	for (size_t i = 0; i < sizeof(from) / sizeof(from[0]); i++) {
		if (!find_ref(from[i], ref))
			continue;
		if ((id = db_message_order_id(db, ref)) != 0)
			return id;
	}
	return 0;
}
