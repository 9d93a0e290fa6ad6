/* content.c — see content.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "content.h"
#include "embedded.h"
#include "l10n.h"
#include "lang.h"
#include "log.h"
#include "markup.h"
#include "utf8.h"
#include "valid.h"

static const char *const slugs[] = {	/* the default pages */
	"terms", "refunds", "delivery", "privacy", "about",
};

const char *
content_result_field(enum content_result r)
{
	switch (r) {
	case CONTENT_BAD_SLUG: return "slug";
	case CONTENT_BAD_LANG: return "lang";
	case CONTENT_BAD_TITLE: return "title";
	case CONTENT_BAD_BODY: return "body";
	case CONTENT_BAD_CATEGORY: return "category";
	case CONTENT_NOT_FOUND: return "not_found";
	case CONTENT_TAKEN: return "taken";
	case CONTENT_LOCKED: return "locked";
	default: return "";
	}
}

/* html (malloc'd) with French punctuation spaces made narrow no-break
 * spaces when lang is French (l10n_punct); frees the old string when it
 * changed.  NULL when out of memory. */
static char *
punct(const char *lang, char *html)
{
	const char *p;

	if (html == NULL || lang_from_code(lang) != LANG_FR)
		return html;
	if ((p = l10n_punct(NULL, LANG_FR, html)) != html)
		free(html);
	return (char *)p;
}

/* 1 when s is a non-empty single line of at most max code points. */
static int
line_ok(const char *s, size_t max)
{
	size_t n = s ? strlen(s) : 0;

	return n > 0 && utf8_valid(s, n) && !utf8_has_controls(s, n, 0) &&
	    utf8_len(s, n) <= max;
}

/* 1 when s is multi-line UTF-8 text of at most max bytes. */
static int
text_ok(const char *s, size_t max)
{
	size_t n = strlen(s);

	return n <= max && utf8_valid(s, n) && !utf8_has_controls(s, n, 1);
}

static int
slug_ok(const char *s)
{
	const char *err;

	return s != NULL && valid_slug(s, CONTENT_SLUG_MAX, &err) == 0;
}

static int
lang_ok(const char *l)
{
	return l != NULL && lang_from_code(l) >= 0;
}

char *
content_preview(const char *lang, const char *md, enum content_result *res)
{
	char *html;

	if (!text_ok(md, CONTENT_BODY_MAX)) {
		*res = CONTENT_BAD_BODY;
		return NULL;
	}
	if ((html = punct(lang, markup_html(md))) == NULL)
		*res = CONTENT_ERROR;
	return html;
}

int
content_page_locked(const char *slug, const char *lang)
{
	return strcmp(slug, CONTENT_TERMS_SLUG) == 0 && (lang == NULL ||
	    strcmp(lang, lang_code(lang_default())) == 0);
}

enum content_result
content_page_rename(struct db *db, const char *from, const char *to)
{
	long long n;

	if (!slug_ok(to))
		return CONTENT_BAD_SLUG;
	if (strcmp(from, to) == 0)
		return CONTENT_OK;
	if (content_page_locked(from, NULL))
		return CONTENT_LOCKED;
	if ((n = db_page_count(db, to)) != 0)
		return n < 0 ? CONTENT_ERROR : CONTENT_TAKEN;
	if ((n = db_page_rename(db, from, to)) <= 0)
		return n < 0 ? CONTENT_ERROR : CONTENT_NOT_FOUND;
	return CONTENT_OK;
}

enum content_result
content_page_save(struct db *db, const char *slug, const char *lang,
    const char *title, const char *md, long long now)
{
	enum content_result res = CONTENT_OK;
	struct page_row p = { slug, lang, title, md, NULL, now, 1 };
	char *html;

	if (!slug_ok(slug))
		return CONTENT_BAD_SLUG;
	if (!lang_ok(lang))
		return CONTENT_BAD_LANG;
	if (!line_ok(title, CONTENT_TITLE_MAX))
		return CONTENT_BAD_TITLE;
	if ((html = content_preview(lang, md, &res)) == NULL)
		return res == CONTENT_OK ? CONTENT_ERROR : res;
	p.body_html = html;
	if (db_page_put(db, &p) < 0)
		res = CONTENT_ERROR;
	free(html);
	return res;
}

enum content_result
content_faq_save(struct db *db, struct faq_row *r, long long now)
{
	enum content_result res = CONTENT_OK;
	char *html;
	int rc;

	if (!lang_ok(r->lang))
		return CONTENT_BAD_LANG;
	if (!line_ok(r->category, FAQ_CATEGORY_MAX))
		return CONTENT_BAD_CATEGORY;
	if (!line_ok(r->question, FAQ_QUESTION_MAX))
		return CONTENT_BAD_TITLE;
	if (*r->answer_md == '\0' || !text_ok(r->answer_md, FAQ_ANSWER_MAX))
		return CONTENT_BAD_BODY;
	if ((html = punct(r->lang, markup_html(r->answer_md))) == NULL)
		return CONTENT_ERROR;
	r->answer_html = html;
	r->updated_at = now;
	rc = db_faq_put(db, r);
	r->answer_html = NULL;
	free(html);
	if (rc == DB_NONE)
		res = CONTENT_NOT_FOUND;
	else if (rc < 0)
		res = CONTENT_ERROR;
	return res;
}

enum content_result
content_banner_save(struct db *db, const struct banner_row *b)
{
	if (!slug_ok(b->slot))
		return CONTENT_BAD_SLUG;
	if (!lang_ok(b->lang))
		return CONTENT_BAD_LANG;
	if (!line_ok(b->title, BANNER_TITLE_MAX))
		return CONTENT_BAD_TITLE;
	if (*b->body != '\0' && !line_ok(b->body, BANNER_BODY_MAX))
		return CONTENT_BAD_BODY;
	return db_banner_put(db, b) < 0 ? CONTENT_ERROR : CONTENT_OK;
}

/* The next line of *p (NUL-terminated in a's copy), or NULL at the end. */
static char *
next_line(struct arena *a, const char **p)
{
	const char *s = *p, *e;

	if (*s == '\0')
		return NULL;
	e = s + strcspn(s, "\n");
	*p = *e ? e + 1 : e;
	return arena_strndup(a, s, (size_t)(e - s));
}

/* The default pages of lang: data/pages/<slug>.<lang>.md, a title line,
 * a blank line, the Markdown.  Rows added or -1. */
static long long
seed_pages(struct db *db, struct arena *a, const char *lang, long long now)
{
	long long added = 0;

	for (size_t i = 0; i < sizeof(slugs) / sizeof(slugs[0]); i++) {
		const char *f = embedded_get(arena_printf(a,
		    "data/pages/%s.%s.md", slugs[i], lang));
		struct page_row have;
		char *title;
		int rc;

		if (f == NULL)
			continue;
		if ((rc = db_page_find(db, a, slugs[i], lang, &have)) < 0)
			return -1;
		if (rc == 0)
			continue;
		title = next_line(a, &f);
		f += strspn(f, "\n");
		if (content_page_save(db, slugs[i], lang, title, f, now) != 0) {
			log_error("content: default page %s.%s refused",
			    slugs[i], lang);
			return -1;
		}
		added++;
	}
	return added;
}

/* data/faq.<lang>.txt: "# Category" lines, "? Question" lines, the
 * answer's Markdown up to the next of either.  Only into an empty FAQ. */
static long long
seed_faq(struct db *db, struct arena *a, const char *lang, long long now)
{
	const char *f = embedded_get(arena_printf(a, "data/faq.%s.txt", lang));
	struct faq_row *have, r = { .lang = lang };
	struct buf ans = { 0 };
	const char *cat = NULL;
	long long added = 0, n;
	char *line;
	int more = 1;

	if (f == NULL)
		return 0;
	if ((n = db_faq_list(db, a, lang, NULL, &have)) != 0)
		return n < 0 ? -1 : 0;
	while (more) {
		line = next_line(a, &f);
		more = line != NULL;
		if (r.question != NULL && (!more || *line == '#' || *line == '?')) {
			r.id = 0;
			r.category = cat;
			r.answer_md = ans.data ? ans.data : "";
			r.position = ++added;
			if (content_faq_save(db, &r, now) != 0) {
				log_error("content: default FAQ %s refused", lang);
				buf_free(&ans);
				return -1;
			}
			r.question = NULL;
			buf_reset(&ans);
		}
		if (!more)
			break;
		if (line[0] == '#')
			cat = line + strspn(line, "# ");
		else if (line[0] == '?')
			r.question = line + strspn(line, "? ");
		else if (r.question != NULL) {
			buf_puts(&ans, line);
			buf_putc(&ans, '\n');
		}
	}
	buf_free(&ans);
	return added;
}

/* data/banners.<lang>.txt: "slot | title | text" lines. */
static long long
seed_banners(struct db *db, struct arena *a, const char *lang)
{
	const char *f = embedded_get(arena_printf(a, "data/banners.%s.txt",
	    lang));
	struct banner_row *have;
	long long added = 0, n;
	char *line;

	if (f == NULL)
		return 0;
	if ((n = db_banner_list(db, a, NULL, NULL, 1, &have)) < 0)
		return -1;
	while ((line = next_line(a, &f)) != NULL) {
		struct banner_row b = { .lang = lang, .active = 1 };
		char *t, *x;
		int dup = 0;

		if ((t = strstr(line, " | ")) == NULL ||
		    (x = strstr(t + 3, " | ")) == NULL)
			continue;
		*t = *x = '\0';
		b.slot = line, b.title = t + 3, b.body = x + 3;
		b.position = added + 1;
		for (long long i = 0; i < n; i++)
			dup |= strcmp(have[i].slot, b.slot) == 0 &&
			    strcmp(have[i].lang, lang) == 0;
		if (dup)
			continue;
		if (content_banner_save(db, &b) != 0) {
			log_error("content: default banner %s.%s refused",
			    b.slot, lang);
			return -1;
		}
		added++;
	}
	return added;
}

long long
content_seed(struct db *db, long long now)
{
	struct arena a;
	long long total = 0, n = 0;

	arena_init(&a, 8192);
	for (int l = 0; l < LANG__MAX && n >= 0; l++) {
		const char *code = lang_code((enum lang)l);

		if ((n = seed_pages(db, &a, code, now)) >= 0)
			total += n;
		if (n >= 0 && (n = seed_faq(db, &a, code, now)) >= 0)
			total += n;
		if (n >= 0 && (n = seed_banners(db, &a, code)) >= 0)
			total += n;
	}
	arena_free(&a);
	return n < 0 ? -1 : total;
}
