/* review.c — see review.h. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "conf.h"
#include "db_rate.h"
#include "embedded.h"
#include "log.h"
#include "review.h"
#include "store_conf.h"
#include "utf8.h"

#define WORDS_SHIPPED	"data/review-words.txt"
#define WORDS_MAX_BYTES	(1 << 20)
#define RATE_WINDOW	3600

static const char *const actions[POST_ACTION__MAX] = {
	[POST_APPROVE] = "approve", [POST_HIDE] = "hide",
	[POST_DELETE] = "delete", [POST_ANSWER] = "answer",
};

const char *
post_action_name(enum post_action a)
{
	return (unsigned)a < POST_ACTION__MAX ? actions[a] : "?";
}

int
post_action_from_name(const char *s)
{
	for (int i = 0; i < POST_ACTION__MAX; i++)
		if (strcmp(s, actions[i]) == 0)
			return i;
	return -1;
}

const char *
post_text(struct arena *a, const char *in, size_t max)
{
	size_t start, n;
	char *out, *w;

	if (in == NULL)
		return NULL;
	n = text_trim(in, strlen(in), &start);
	in += start;
	if (n == 0 || !utf8_valid(in, n) || utf8_has_controls(in, n, 1) ||
	    utf8_len(in, n) > max)
		return NULL;
	w = out = arena_alloc(a, n + 1);
	for (size_t i = 0; i < n; i++) {
		if (in[i] == '\r') {
			*w++ = '\n';
			if (i + 1 < n && in[i + 1] == '\n')
				i++;
		} else
			*w++ = in[i];
	}
	*w = '\0';
	return out;
}

/* The word list: lower-cased entries pointing into one private copy. */
static char *words_text;
static const char **words;
static size_t nwords;
static int words_loaded;

void
post_words_reset(void)
{
	free(words_text);
	free(words);
	words_text = NULL;
	words = NULL;
	nwords = 0;
	words_loaded = 0;
}

/* A malloc'd copy of the configured list (the shipped one when the
 * setting is empty); NULL after logging. */
static char *
words_source(void)
{
	const char *path = conf_str(CONF_REVIEW_WORDS_FILE);
	const char *shipped;
	char *text;
	size_t n;
	FILE *f;

	if (*path == '\0') {
		if ((shipped = embedded_get(WORDS_SHIPPED)) == NULL) {
			log_error("review words: %s is not built in", WORDS_SHIPPED);
			return NULL;
		}
		return strdup(shipped);
	}
	if ((f = fopen(path, "r")) == NULL) {
		log_error("review_words_file %s: cannot open it", path);
		return NULL;
	}
	if ((text = malloc(WORDS_MAX_BYTES + 1)) != NULL) {
		n = fread(text, 1, WORDS_MAX_BYTES, f);
		text[n] = '\0';
		if (!feof(f) || ferror(f)) {
			log_error("review_words_file %s: unreadable or over %d "
			    "bytes", path, WORDS_MAX_BYTES);
			free(text);
			text = NULL;
		}
	}
	fclose(f);
	return text;
}

/* Loads the list once per process: one entry a line, blanks around it
 * dropped, '#' lines and empty lines skipped.  0 or -1. */
static int
words_load(void)
{
	size_t cap = 0;

	if (words_loaded)
		return 0;
	if ((words_text = words_source()) == NULL)
		return -1;
	for (char *p = words_text, *e; *p; p = e) {
		size_t start, n;
		if ((e = strchr(p, '\n')) == NULL)
			e = p + strlen(p);
		else
			*e++ = '\0';
		n = text_trim(p, strlen(p), &start);
		p += start;
		p[n] = '\0';
		if (n == 0 || *p == '#')
			continue;
		for (char *q = p; *q; q++)
			*q = (char)tolower((unsigned char)*q);
		if (nwords == cap) {
			const char **w;
			cap = cap ? cap * 2 : 64;
			if ((w = realloc(words, cap * sizeof(*w))) == NULL) {
				post_words_reset();
				return -1;
			}
			words = w;
		}
		words[nwords++] = p;
	}
	words_loaded = 1;
	return 0;
}

static int
word_char(unsigned char c)
{
	return isalnum(c) || c >= 0x80;
}

int
post_words_match(const char *text)
{
	size_t n = strlen(text);
	char *low;
	int hit = 0;

	if (words_load() < 0)
		return -1;
	if ((low = malloc(n + 1)) == NULL)
		return -1;
	for (size_t i = 0; i <= n; i++)
		low[i] = (char)tolower((unsigned char)text[i]);
	for (size_t w = 0; w < nwords && !hit; w++) {
		const char *e = words[w], *at = low;
		size_t len = strlen(e);
		int whole_l = word_char((unsigned char)e[0]);
		int whole_r = word_char((unsigned char)e[len - 1]);
		while ((at = strstr(at, e)) != NULL) {
			if ((!whole_l || at == low ||
			    !word_char((unsigned char)at[-1])) &&
			    (!whole_r || !word_char((unsigned char)at[len]))) {
				hit = 1;
				break;
			}
			at++;
		}
	}
	free(low);
	return hit;
}

int
post_editable(const struct post *p, long long now)
{
	long long window = conf_int(CONF_REVIEW_EDIT_WINDOW);

	return p->status != POST_HIDDEN && window > 0 &&
	    now - p->created_at < window;
}

/* Both rate limits for a, inside the transaction: POST_OK, POST_LIMITED
 * (a->retry_after set) or POST_ERROR. */
static enum post_result
rate(struct db *db, struct post_author *a)
{
	char who[32];
	int rc;

	snprintf(who, sizeof(who), "user:%lld", a->user_id);
	rc = db_rate_hit(db, "post_account", who,
	    conf_int(CONF_REVIEW_ACCOUNT_LIMIT), RATE_WINDOW, a->now,
	    &a->retry_after);
	if (rc == 0)
		rc = db_rate_hit(db, "post_address", a->client,
		    conf_int(CONF_REVIEW_ADDRESS_LIMIT), RATE_WINDOW, a->now,
		    &a->retry_after);
	if (rc > 0)
		log_info("posts: rate limit reached for account %lld at %s",
		    a->user_id, a->client);
	return rc < 0 ? POST_ERROR : rc > 0 ? POST_LIMITED : POST_OK;
}

/* Where a new or edited text goes: held by the word list, else by the
 * moderation setting, else published.  0 or -1. */
static int
decide(const char *body, struct post *p)
{
	int m = post_words_match(body);

	if (m < 0)
		return -1;
	if (m) {
		p->status = POST_PENDING;
		p->held = "words";
	} else if (strcmp(conf_str(CONF_REVIEW_MODERATION), "publish") == 0) {
		p->status = POST_PUBLISHED;
		p->held = "";
	} else {
		p->status = POST_PENDING;
		p->held = "moderation";
	}
	return 0;
}

/* Commits, or rolls back on r != POST_OK; returns r (POST_ERROR when the
 * commit fails). */
static enum post_result
finish(struct db *db, enum post_result r)
{
	if (r != POST_OK) {
		db_rollback(db);
		return r;
	}
	if (db_commit(db) < 0) {
		db_rollback(db);
		return POST_ERROR;
	}
	return POST_OK;
}

/* The new post p (kind, rating set) of a on product_id. */
static enum post_result
submit(struct db *db, struct post_author *a, long long product_id,
    const char *body, struct post *p, struct post *out)
{
	struct arena tmp;
	enum post_result r;
	long long id;
	int bought = 0;

	arena_init(&tmp, 4096);
	if ((body = post_text(&tmp, body, POST_TEXT_MAX)) == NULL) {
		arena_free(&tmp);
		return POST_BAD_TEXT;
	}
	if (db_begin(db) < 0) {
		arena_free(&tmp);
		return POST_ERROR;
	}
	if ((r = rate(db, a)) != POST_OK)
		goto done;
	r = POST_ERROR;
	if ((bought = db_post_buyer(db, product_id, a->user_id,
	    a->email_norm)) < 0)
		goto done;
	if (p->kind == POST_REVIEW && !bought) {
		r = POST_NOT_BUYER;
		goto done;
	}
	p->product_id = product_id;
	p->user_id = a->user_id;
	p->body = body;
	p->verified = bought;
	p->created_at = a->now;
	if (decide(body, p) < 0)
		goto done;
	if ((id = db_post_add(db, p, a->client)) == -2) {
		r = POST_DUPLICATE;
		goto done;
	}
	if (id < 0)
		goto done;
	p->id = id;
	if (p->kind == POST_REVIEW && p->status == POST_PUBLISHED &&
	    db_rating_recompute(db, product_id) < 0)
		goto done;
	r = POST_OK;
	if (out != NULL) {
		*out = *p;
		out->body = "";		/* lived in tmp */
	}
done:
	arena_free(&tmp);
	return finish(db, r);
}

enum post_result
review_submit(struct db *db, struct post_author *a, long long product_id,
    int rating, const char *body, struct post *out)
{
	struct post p = { 0 };

	if (rating < 1 || rating > 5)
		return POST_BAD_RATING;
	p.kind = POST_REVIEW;
	p.rating = rating;
	return submit(db, a, product_id, body, &p, out);
}

enum post_result
question_submit(struct db *db, struct post_author *a, long long product_id,
    const char *body, struct post *out)
{
	struct post p = { 0 };

	p.kind = POST_QUESTION;
	return submit(db, a, product_id, body, &p, out);
}

enum post_result
post_edit(struct db *db, struct post_author *a, long long id, int rating,
    const char *body, struct post *out)
{
	struct arena tmp;
	struct post p, next;
	enum post_result r = POST_ERROR;
	int rc;

	arena_init(&tmp, 4096);
	if ((body = post_text(&tmp, body, POST_TEXT_MAX)) == NULL) {
		arena_free(&tmp);
		return POST_BAD_TEXT;
	}
	if (db_begin(db) < 0) {
		arena_free(&tmp);
		return POST_ERROR;
	}
	if ((rc = db_post_get(db, &tmp, id, &p)) != 0) {
		r = rc < 0 ? POST_ERROR : POST_NOT_FOUND;
		goto done;
	}
	if (p.user_id != a->user_id) {
		r = POST_NOT_AUTHOR;
		goto done;
	}
	if (!post_editable(&p, a->now)) {
		r = POST_EDIT_CLOSED;
		goto done;
	}
	if (p.kind == POST_REVIEW && (rating < 1 || rating > 5)) {
		r = POST_BAD_RATING;
		goto done;
	}
	if ((r = rate(db, a)) != POST_OK)
		goto done;
	r = POST_ERROR;
	next = p;
	if (decide(body, &next) < 0)
		goto done;
	/* A post still waiting keeps waiting (and why) unless the word list
	 * now holds it. */
	if (p.status == POST_PENDING && next.status == POST_PUBLISHED) {
		next.status = POST_PENDING;
		next.held = p.held;
	}
	next.rating = p.kind == POST_REVIEW ? rating : 0;
	if (db_post_edit(db, id, next.rating, body, next.status, next.held,
	    a->now) < 0)
		goto done;
	if (p.kind == POST_REVIEW && db_rating_recompute(db, p.product_id) < 0)
		goto done;
	r = POST_OK;
	if (out != NULL) {
		memset(out, 0, sizeof(*out));
		out->id = id;
		out->kind = p.kind;
		out->status = next.status;
		out->held = next.status == POST_PENDING ? "held" : "";
	}
done:
	arena_free(&tmp);
	return finish(db, r);
}

enum post_result
post_report(struct db *db, struct post_author *a, long long id,
    const char *reason)
{
	struct arena tmp;
	enum post_result r = POST_ERROR;
	struct post p;
	int rc;

	arena_init(&tmp, 4096);
	if (reason == NULL || *reason == '\0')
		reason = "";
	else if ((reason = post_text(&tmp, reason, POST_REASON_MAX)) == NULL) {
		arena_free(&tmp);
		return POST_BAD_TEXT;
	}
	if (db_begin(db) < 0) {
		arena_free(&tmp);
		return POST_ERROR;
	}
	if ((rc = db_post_get(db, &tmp, id, &p)) != 0) {
		r = rc < 0 ? POST_ERROR : POST_NOT_FOUND;
		goto done;
	}
	if (p.user_id == a->user_id) {
		r = POST_OWN;
		goto done;
	}
	if (p.status != POST_PUBLISHED) {
		r = POST_REPORTED;
		goto done;
	}
	if ((r = rate(db, a)) != POST_OK)
		goto done;
	if ((rc = db_post_report(db, id, a->user_id, reason, a->now)) != 0) {
		r = rc == -2 ? POST_REPORTED : POST_ERROR;
		goto done;
	}
	r = POST_ERROR;
	if (p.reports + 1 >= conf_int(CONF_REVIEW_REPORT_HOLD)) {
		if (db_post_set_status(db, id, POST_PENDING, "reports",
		    a->now) < 0 || (p.kind == POST_REVIEW &&
		    db_rating_recompute(db, p.product_id) < 0))
			goto done;
		log_info("posts: post %lld held after %lld reports", id,
		    p.reports + 1);
	}
	r = POST_OK;
done:
	arena_free(&tmp);
	return finish(db, r);
}

/* The change of one action on p; 0 or -1. */
static int
apply(struct db *db, const struct post_staff *s, const struct post *p,
    enum post_action act, const char *answer)
{
	switch (act) {
	case POST_APPROVE:
		return db_post_set_status(db, p->id, POST_PUBLISHED, "", s->now);
	case POST_HIDE:
		return db_post_set_status(db, p->id, POST_HIDDEN, "", s->now);
	case POST_DELETE:
		return db_post_delete(db, p->id);
	case POST_ANSWER:
		return db_post_answer(db, p->id, answer, s->user_id, s->now);
	default:
		return -1;
	}
}

enum post_result
post_moderate(struct db *db, const struct post_staff *s, long long id,
    enum post_action act, const char *answer)
{
	struct arena tmp;
	enum post_result r = POST_ERROR;
	struct post p;
	int rc;

	if ((unsigned)act >= POST_ACTION__MAX)
		return POST_ERROR;
	arena_init(&tmp, 4096);
	if (act == POST_ANSWER && answer != NULL &&
	    answer[strspn(answer, " \t\r\n")] != '\0' &&
	    (answer = post_text(&tmp, answer, POST_TEXT_MAX)) == NULL) {
		arena_free(&tmp);
		return POST_BAD_TEXT;
	}
	if (act == POST_ANSWER && (answer == NULL ||
	    answer[strspn(answer, " \t\r\n")] == '\0'))
		answer = "";
	if (db_begin(db) < 0) {
		arena_free(&tmp);
		return POST_ERROR;
	}
	if ((rc = db_post_get(db, &tmp, id, &p)) != 0) {
		r = rc < 0 ? POST_ERROR : POST_NOT_FOUND;
		goto done;
	}
	if (apply(db, s, &p, act, answer) < 0)
		goto done;
	if (p.kind == POST_REVIEW && act != POST_ANSWER &&
	    db_rating_recompute(db, p.product_id) < 0)
		goto done;
	if (s->audit != NULL && s->audit(db, &p, post_action_name(act),
	    s->arg) != 0)
		goto done;
	r = POST_OK;
done:
	arena_free(&tmp);
	return finish(db, r);
}
