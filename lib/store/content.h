/* content.h — content pages, FAQ entries and home banners: the rules for
 * what staff may save (soukctl page|faq|banner, the admin pages), the
 * Markdown rendered once at save time (markup.h), and the default texts a
 * new store starts with (data/pages/, data/faq.*.txt, data/banners.*.txt,
 * compiled in).
 *
 * The save functions write in the caller's transaction (or autocommit)
 * and return enum content_result: 0 saved, a positive refusal naming the
 * field, -1 error (logged). */
#ifndef SOUK_CONTENT_H
#define SOUK_CONTENT_H
#include "arena.h"
#include "db.h"
#include "db_content.h"

#define CONTENT_SLUG_MAX	60
#define CONTENT_TITLE_MAX	200	/* code points */
#define CONTENT_BODY_MAX	100000	/* bytes of Markdown */
#define FAQ_QUESTION_MAX	300
#define FAQ_CATEGORY_MAX	100
#define FAQ_ANSWER_MAX		20000
#define BANNER_TITLE_MAX	80
#define BANNER_BODY_MAX		300

enum content_result {
	CONTENT_ERROR = -1,
	CONTENT_OK = 0,
	CONTENT_BAD_SLUG,	/* not [a-z0-9] words joined by '-' */
	CONTENT_BAD_LANG,	/* not a language of the store */
	CONTENT_BAD_TITLE,	/* empty, too long, a control character */
	CONTENT_BAD_BODY,	/* too long, not UTF-8, a control character */
	CONTENT_BAD_CATEGORY,	/* an FAQ category: empty, too long... */
	CONTENT_NOT_FOUND,	/* the FAQ entry to update does not exist */
	CONTENT_TAKEN,		/* another page already has that slug */
	CONTENT_LOCKED,		/* the terms page (checkout links it) */
};

/* The page checkout links ("I accept the terms of sale"). */
#define CONTENT_TERMS_SLUG	"terms"

/* The refusal's Lang.err key ("slug", "lang"...), "" for OK and errors. */
const char	*content_result_field(enum content_result);

/* Renders md and saves page (slug, lang) with title at time now. */
enum content_result content_page_save(struct db *, const char *slug,
		    const char *lang, const char *title, const char *md,
		    long long now);
/* The HTML a body in lang would be saved as (the admin's preview: the
 * same rendering, French punctuation included), malloc'd (caller frees),
 * or NULL with *res the refusal or CONTENT_ERROR. */
char		*content_preview(const char *lang, const char *md,
		    enum content_result *res);
/* 1 when page version (slug, lang) may not be deleted, unpublished or
 * renamed (the terms in the store's default language: checkout links
 * them), else 0.  lang NULL: any version of slug. */
int		 content_page_locked(const char *slug, const char *lang);
/* Gives every language version of page from the slug to (in the
 * caller's transaction): CONTENT_BAD_SLUG, CONTENT_TAKEN,
 * CONTENT_LOCKED (the terms), CONTENT_NOT_FOUND (no page from). */
enum content_result content_page_rename(struct db *, const char *from,
		    const char *to);
/* Saves FAQ entry r (r->id 0: a new one, its id into r->id) from r's
 * lang, category, question, answer_md and position; renders the answer. */
enum content_result content_faq_save(struct db *, struct faq_row *r,
		    long long now);
/* Saves banner b (slot a slug, title and body one line each). */
enum content_result content_banner_save(struct db *,
		    const struct banner_row *b);
/* Adds the default pages, FAQ and banners of every language that are
 * not there yet (slugs and slots already present are left alone; the FAQ
 * only when it is empty).  Returns the number of rows added or -1. */
long long	content_seed(struct db *, long long now);

#endif
