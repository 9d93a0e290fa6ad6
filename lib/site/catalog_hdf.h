/* catalog_hdf.h — putting catalog data into the HDF the templates read.
 * Shared by the catalog program and every page that shows product cards. */
#ifndef SOUK_CATALOG_HDF_H
#define SOUK_CATALOG_HDF_H
#include "app.h"
#include "db_catalog.h"

/* Page.<prefix>.N.{id,slug,name,kind,media,price,compare_at,stock_state,
 * stock,from,tile,initials,image,hl.M.{t,m},snippet.M.{t,m}} */
void	put_cards(struct ctx *, const char *prefix, const struct listing *);
void	put_card(struct ctx *, const char *prefix, const struct product_card *);
/* Splits text marked with \1..\2 (FTS5 highlight) into <prefix>.N.t text
 * parts with <prefix>.N.m = 1 on the marked ones, so templates escape the
 * text and add <mark> themselves. */
void	put_marked(struct ctx *, const char *prefix, const char *text);
/* Splits text on blank lines into <prefix>.N paragraphs. */
void	put_paragraphs(struct ctx *, const char *prefix, const char *text);

#endif
