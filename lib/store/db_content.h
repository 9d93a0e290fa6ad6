/* db_content.h — the tables of content pages, FAQ entries and home
 * banners (migration 016).  Rows are read into the caller's arena.
 * Lookups return 0 found, DB_NONE (1) none, -1 error; lists the count or
 * -1; writes 0 or -1 (logged).  Rules (what a slug or title may be, the
 * Markdown rendering) are content.h's; these only store. */
#ifndef SOUK_DB_CONTENT_H
#define SOUK_DB_CONTENT_H
#include "arena.h"
#include "db.h"

struct page_row {
	const char	*slug, *lang, *title, *body_md, *body_html;
	long long	 updated_at;
	int		 published;	/* 0: a draft, not on the storefront */
};

struct faq_row {
	long long	 id;
	const char	*lang, *category, *question, *answer_md, *answer_html;
	long long	 position, updated_at;
};

struct banner_row {
	const char	*slot, *lang, *title, *body;
	long long	 position;
	int		 active;
};

/* Inserts or replaces page (slug, lang); a new row gets p->published, an
 * existing one keeps its state (db_page_publish changes it). */
int		db_page_put(struct db *, const struct page_row *);
/* The published page slug in lang, else in fallback (another language);
 * *out's lang says which one was found. */
int		db_page_get(struct db *, struct arena *, const char *slug,
		    const char *lang, const char *fallback, struct page_row *out);
/* Page (slug, lang) whether published or not (staff, soukctl). */
int		db_page_find(struct db *, struct arena *, const char *slug,
		    const char *lang, struct page_row *out);
/* The pages the footer lists in lang: published ones, and fallback's
 * published pages lang has no published version of; by slug. */
long long	db_page_footer(struct db *, struct arena *, const char *lang,
		    const char *fallback, struct page_row **out);
/* Publishes (on 1) or unpublishes page (slug, lang): 0, DB_NONE, -1. */
int		db_page_publish(struct db *, const char *slug, const char *lang,
		    int on);
/* The number of language versions of slug, or -1. */
long long	db_page_count(struct db *, const char *slug);
/* Gives every language version of page from the slug to; the rows
 * changed or -1 (to must be unused: the primary key refuses). */
long long	db_page_rename(struct db *, const char *from, const char *to);
/* Every page row (all languages) by slug then language. */
long long	db_page_list(struct db *, struct arena *, struct page_row **out);
/* Deletes page slug in lang (NULL: every language); the rows deleted or
 * -1. */
long long	db_page_delete(struct db *, const char *slug, const char *lang);

/* Inserts (r->id 0: the new id into r->id) or updates entry r->id;
 * updating an id that does not exist returns DB_NONE. */
int		db_faq_put(struct db *, struct faq_row *r);
int		db_faq_get(struct db *, struct arena *, long long id,
		    struct faq_row *out);
/* The entries in lang, else (when lang has none) in fallback, by
 * position; fallback NULL: lang only. */
long long	db_faq_list(struct db *, struct arena *, const char *lang,
		    const char *fallback, struct faq_row **out);
/* Every entry of every language, by language then position. */
long long	db_faq_all(struct db *, struct arena *, struct faq_row **out);
/* 0 deleted, DB_NONE no such entry, -1. */
int		db_faq_delete(struct db *, long long id);

int		db_banner_put(struct db *, const struct banner_row *);
/* The active banners in lang, each slot lang lacks from fallback, by
 * position; with all set, every row of every language (staff lists). */
long long	db_banner_list(struct db *, struct arena *, const char *lang,
		    const char *fallback, int all, struct banner_row **out);
/* Deletes slot in lang (NULL: every language); rows deleted or -1. */
long long	db_banner_delete(struct db *, const char *slot, const char *lang);

#endif
