/* pages — the shop's content pages and FAQ, the same for every visitor
 * (micro-cacheable).
 *
 *   GET /page/<slug>   a content page (terms, refunds, delivery, privacy,
 *                      about, or any page staff made) in the visitor's
 *                      language, else in the store's default language with
 *                      a note; 404 when neither exists
 *   GET /faq           the FAQ entries in the visitor's language (else
 *                      the default language's), grouped by category
 *
 * The HTML was rendered from Markdown when the page was saved (content.h,
 * markup.h: raw HTML off, only safe links), so a request copies one row:
 * the stored HTML is printed with uvar: for that reason alone. */
#include <string.h>

#include "app.h"
#include "content.h"
#include "db_content.h"
#include "l10n.h"
#include "site.h"
#include "site_hooks.h"
#include "valid.h"

enum key { KEY__MAX };

/* GET /page/<slug>. */
static int
page_page(struct ctx *c)
{
	const char *err, *want = lang_code(c->lang);
	struct page_row p;
	int rc;

	if (c->req.nseg != 2 ||
	    valid_slug(c->req.seg[1], CONTENT_SLUG_MAX, &err) < 0)
		return app_error(c, 404, NULL);
	rc = db_page_get(c->db, &c->arena, c->req.seg[1], want,
	    lang_code(lang_default()), &p);
	if (rc < 0)
		return 500;
	if (rc == DB_NONE)
		return app_error(c, 404, NULL);
	hdf_put(c->hdf, "Page.page.slug", p.slug);
	hdf_put(c->hdf, "Page.page.title", l10n_punct(&c->arena, c->lang,
	    p.title));
	hdf_put(c->hdf, "Page.page.html", p.body_html);
	hdf_put(c->hdf, "Page.page.lang", p.lang);
	hdf_put(c->hdf, "Page.page.updated", l10n_time_a(&c->arena,
	    p.updated_at, c->lang, L10N_DATE));
	if (strcmp(p.lang, want) != 0)
		hdf_put_int(c->hdf, "Page.page.fallback", 1);
	app_cacheable(c);
	return app_render(c, 200, "pages/page");
}

/* GET /faq: Page.faq.N.{name, entries.M.{id, question, html}}. */
static int
page_faq(struct ctx *c)
{
	struct faq_row *f;
	long long n = db_faq_list(c->db, &c->arena, lang_code(c->lang),
	    lang_code(lang_default()), &f);
	int cat = -1, m = 0;

	if (n < 0)
		return 500;
	for (long long i = 0; i < n; i++) {
		if (cat < 0 || strcmp(f[i].category, f[i - 1].category) != 0) {
			hdf_putf(c->hdf, l10n_punct(&c->arena, c->lang,
			    f[i].category), "Page.faq.%d.name", ++cat);
			m = 0;
		}
		hdf_putf(c->hdf, arena_printf(&c->arena, "%lld", f[i].id),
		    "Page.faq.%d.entries.%d.id", cat, m);
		hdf_putf(c->hdf, l10n_punct(&c->arena, c->lang, f[i].question),
		    "Page.faq.%d.entries.%d.question", cat, m);
		hdf_putf(c->hdf, f[i].answer_html, "Page.faq.%d.entries.%d.html",
		    cat, m++);
	}
	if (n > 0 && strcmp(f[0].lang, lang_code(c->lang)) != 0)
		hdf_put_int(c->hdf, "Page.faq_fallback", 1);
	app_cacheable(c);
	return app_render(c, 200, "pages/faq");
}

enum page_id { PAGE_PAGE, PAGE_FAQ, PAGE__MAX };

static const struct page pages[PAGE__MAX] = {
	[PAGE_PAGE] = { "page", METHODS_GET, page_page, PAGE_REST, NULL },
	[PAGE_FAQ] = { "faq", METHODS_GET, page_faq, 0, NULL },
};

static const struct app pages_app = {
	"pages", pages, PAGE__MAX, NULL, KEY__MAX, &site_hooks, NULL, NULL,
};

int
main(int argc, char **argv)
{
	return app_main(argc, argv, &pages_app);
}
