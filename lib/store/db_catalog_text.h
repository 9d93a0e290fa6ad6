/* db_catalog_text.h — catalog text per language (issue 13).
 *
 * products, categories and subscription_plans hold their text in the
 * store's default language (default_lang); product_text, category_text
 * and plan_text hold the other languages.  Pages read the default text
 * as always and then ask these functions to put the visitor's language
 * in its place wherever a translation exists: a missing or empty one
 * keeps the default text (the fallback).  For the default language the
 * readers do nothing and cost nothing.  Strings live in the arena.
 * Readers return 0 or -1 (logged). */
#ifndef SOUK_DB_CATALOG_TEXT_H
#define SOUK_DB_CATALOG_TEXT_H
#include "db_catalog.h"
#include "lang.h"

/* The language the base columns are written in (default_lang). */
enum lang	 catalog_lang(void);

/* Cards: the name, and the description when the card carries one. */
int	db_text_cards(struct db *, struct arena *, enum lang,
	    struct product_card *, size_t n);
/* The name of product id in language l, else *name unchanged. */
int	db_text_name(struct db *, struct arena *, enum lang, long long id,
	    const char **name);
/* A product page: its name and description, its category's name and its
 * parent's name. */
int	db_text_product(struct db *, struct arena *, enum lang,
	    struct product *);
/* Categories: name and description. */
int	db_text_categories(struct db *, struct arena *, enum lang,
	    struct category *, size_t n);
/* The label of a plan in language l, else in the default language, else
 * NULL (the page names the plan by its duration). */
int	db_text_plan_label(struct db *, struct arena *, enum lang,
	    long long plan_id, const char **label);

/* The text of product id stored for language l, "" where there is none
 * (no fallback: what the back office's form shows).  0 or -1. */
int	db_text_product_raw(struct db *, struct arena *, enum lang,
	    long long id, const char **name, const char **desc);
/* Stores the text of one product, category or plan in language l; empty
 * name and description (label) remove it.  Returns 0 or -1 (logged).
 * Run inside the caller's transaction when several go together. */
int	db_text_put_product(struct db *, long long product_id, enum lang,
	    const char *name, const char *description);
int	db_text_put_category(struct db *, long long category_id, enum lang,
	    const char *name, const char *description);
int	db_text_put_plan(struct db *, long long plan_id, enum lang,
	    const char *label);

#endif
