/* content_pages.c — the shop's content pages for staff (docs/content.md,
 * docs/admin.md "Content").
 *
 *   GET  /admin/pages                every page, its language versions
 *                                    (published or draft), the missing ones
 *   GET  /admin/page                 the form of a new page
 *   GET  /admin/page/<slug>/<lang>   one version's form (or a new version
 *                                    of an existing page in lang)
 *   POST /admin/pages/save           was (the slug the form was opened
 *                                    with; none: a new page), slug,
 *                                    language, title, markdown, published;
 *                                    preview=1 only renders the Markdown
 *   POST /admin/pages/publish        slug, language, published (0 or 1)
 *   POST /admin/pages/delete         slug, language (absent: every
 *                                    version); admins only (PERM_DELETE)
 *
 * The rules are content.h's: the same slug, title and Markdown checks as
 * soukctl page, the rendering with raw HTML off (markup.h) for the preview
 * and for what is saved, and the terms page checkout links (never
 * renamed, deleted or unpublished in the default language).  Every change
 * and its audit row commit together. */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "admin.h"
#include "auth.h"
#include "content.h"
#include "db_content.h"
#include "lang.h"
#include "log.h"
#include "site.h"
#include "valid.h"

/* Page.pages.N.{slug, versions.M.{lang,title,published,updated,locked},
 * missing.K.code} from rows sorted by slug. */
static void
put_pages(struct ctx *c, const struct page_row *p, long long n)
{
	int k = -1, m = 0;

	for (long long i = 0; i < n; i++) {
		const char *at;
		if (k < 0 || strcmp(p[i].slug, p[i - 1].slug) != 0) {
			hdf_putf(c->hdf, p[i].slug, "Page.pages.%d.slug", ++k);
			m = 0;
			for (int l = 0; l < LANG__MAX; l++) {
				const char *code = lang_code((enum lang)l);
				int seen = 0;
				for (long long j = i; j < n &&
				    strcmp(p[j].slug, p[i].slug) == 0; j++)
					seen |= strcmp(p[j].lang, code) == 0;
				if (!seen)
					hdf_putf(c->hdf, code,
					    "Page.pages.%d.missing.%d.code", k, l);
			}
		}
		at = arena_printf(&c->arena, "Page.pages.%d.versions.%d", k, m++);
		hdf_putf(c->hdf, p[i].lang, "%s.lang", at);
		hdf_putf(c->hdf, p[i].title, "%s.title", at);
		hdf_putf(c->hdf, p[i].published ? "1" : "0", "%s.published", at);
		hdf_putf(c->hdf, adm_when(c, p[i].updated_at), "%s.updated", at);
		if (content_page_locked(p[i].slug, p[i].lang))
			hdf_putf(c->hdf, "1", "%s.locked", at);
	}
}

int
page_content_pages(struct ctx *c)
{
	struct page_row *p;
	long long n = db_page_list(c->db, &c->arena, &p);

	if (n < 0)
		return 500;
	put_pages(c, p, n);
	return app_render(c, 200, "admin/pages");
}

/* The form of row p (Page.form.*); was: the slug it was opened with. */
static int
render_form(struct ctx *c, int status, const char *was,
    const struct page_row *p)
{
	adm_put_langs(c);
	if (was != NULL)
		hdf_put(c->hdf, "Page.form.was", was);
	hdf_put(c->hdf, "Page.form.slug", p->slug ? p->slug : "");
	hdf_put(c->hdf, "Page.form.lang", p->lang ? p->lang :
	    lang_code(lang_default()));
	hdf_put(c->hdf, "Page.form.title", p->title ? p->title : "");
	hdf_put(c->hdf, "Page.form.markdown", p->body_md ? p->body_md : "");
	hdf_put(c->hdf, "Page.form.published", p->published ? "1" : "0");
	if (p->slug != NULL && p->lang != NULL &&
	    content_page_locked(p->slug, p->lang))
		hdf_put(c->hdf, "Page.form.locked", "1");
	if (p->updated_at > 0)
		hdf_put(c->hdf, "Page.form.updated", adm_when(c, p->updated_at));
	return app_render(c, status, "admin/page");
}

int
page_content_page(struct ctx *c)
{
	struct page_row p = { .published = 1 };
	const char *err, *slug, *lang;
	long long n;
	int rc;

	if (c->req.nseg == 2)
		return render_form(c, 200, NULL, &p);
	if (c->req.nseg != 4)
		return app_error(c, 404, NULL);
	slug = c->req.seg[2], lang = c->req.seg[3];
	if (valid_slug(slug, CONTENT_SLUG_MAX, &err) < 0 ||
	    lang_from_code(lang) < 0)
		return app_error(c, 404, NULL);
	if ((rc = db_page_find(c->db, &c->arena, slug, lang, &p)) < 0)
		return 500;
	if (rc == DB_NONE) {
		/* A new language version of a page that exists. */
		if ((n = db_page_count(c->db, slug)) <= 0)
			return n < 0 ? 500 : app_error(c, 404, NULL);
		p = (struct page_row){ .slug = slug, .lang = lang,
		    .published = 1 };
	}
	return render_form(c, 200, slug, &p);
}

/* Saves the form (in the caller's transaction): the content refusal,
 * CONTENT_OK or CONTENT_ERROR. */
static enum content_result
save(struct ctx *c, const char *was, const struct page_row *p)
{
	struct page_row have;
	enum content_result r;
	int rc;

	if (was == NULL) {
		if ((rc = db_page_count(c->db, p->slug)) != 0)
			return rc < 0 ? CONTENT_ERROR : CONTENT_TAKEN;
	} else if ((r = content_page_rename(c->db, was, p->slug)) != CONTENT_OK)
		return r;
	if (!p->published && content_page_locked(p->slug, p->lang))
		return CONTENT_LOCKED;
	rc = db_page_find(c->db, &c->arena, p->slug, p->lang, &have);
	if (rc < 0)
		return CONTENT_ERROR;
	if ((r = content_page_save(c->db, p->slug, p->lang, p->title,
	    p->body_md, p->updated_at)) != CONTENT_OK)
		return r;
	if (db_page_publish(c->db, p->slug, p->lang, p->published) != 0)
		return CONTENT_ERROR;
	if (adm_audit_s(c, rc == 0 ? "page_edit" : "page_create", "page",
	    arena_printf(&c->arena, "%s/%s", p->slug, p->lang),
	    arena_printf(&c->arena, "%s%s%s", p->title,
	    was != NULL && strcmp(was, p->slug) != 0 ? ", renamed from " : "",
	    was != NULL && strcmp(was, p->slug) != 0 ? was : ""),
	    p->updated_at) < 0)
		return CONTENT_ERROR;
	return CONTENT_OK;
}

int
page_content_page_save(struct ctx *c)
{
	const char *was = adm_opt(c, KEY_WAS);
	struct page_row p = {
		.slug = adm_opt(c, KEY_SLUG), .lang = adm_opt(c, KEY_CLANG),
		.title = adm_opt(c, KEY_TITLE),
		.body_md = adm_opt(c, KEY_MARKDOWN),
		.published = app_val(c, KEY_PUBLISHED)->state == VAL_OK &&
		    app_val(c, KEY_PUBLISHED)->i,
		.updated_at = (long long)time(NULL),
	};
	enum content_result r = CONTENT_OK;

	if (!app_csrf_ok(c))
		return 403;
	if (p.body_md == NULL)
		p.body_md = "";
	if (adm_content_errors(c, CONTENT_OK) > 0)
		return render_form(c, 400, was, &p);
	if (p.lang == NULL || lang_from_code(p.lang) < 0)
		r = CONTENT_BAD_LANG;
	else if (app_val(c, KEY_PREVIEW)->state == VAL_OK &&
	    app_val(c, KEY_PREVIEW)->i) {
		if ((r = adm_content_preview(c, p.lang, p.body_md)) ==
		    CONTENT_ERROR)
			return 500;
		if (r == CONTENT_OK)
			return render_form(c, 200, was, &p);
	} else {
		if (db_begin(c->db) < 0)
			return 500;
		if ((r = save(c, was, &p)) != CONTENT_OK ||
		    db_commit(c->db) < 0) {
			db_rollback(c->db);
			if (r == CONTENT_OK || r == CONTENT_ERROR)
				return 500;
			if (r == CONTENT_NOT_FOUND)
				return app_error(c, 404, NULL);
		}
	}
	if (r != CONTENT_OK) {
		adm_content_errors(c, r);
		return render_form(c, 400, was, &p);
	}
	log_info("page %s/%s saved by %s", p.slug, p.lang, c->site->user->email);
	return app_redirect(c, arena_printf(&c->arena,
	    "/admin/page/%s/%s?notice=page_saved", p.slug, p.lang));
}

int
page_content_page_publish(struct ctx *c)
{
	const char *slug = adm_opt(c, KEY_SLUG), *lang = adm_opt(c, KEY_CLANG);
	int on = app_val(c, KEY_PUBLISHED)->state == VAL_OK &&
	    app_val(c, KEY_PUBLISHED)->i;
	int rc;

	if (!app_csrf_ok(c))
		return 403;
	if (slug == NULL || lang == NULL ||
	    app_val(c, KEY_PUBLISHED)->state != VAL_OK)
		return app_error(c, 400, "invalid");
	if (!on && content_page_locked(slug, lang))
		return app_error(c, 400, "page_locked");
	if (db_begin(c->db) < 0)
		return 500;
	rc = db_page_publish(c->db, slug, lang, on);
	if (rc == 0 && adm_audit_s(c, on ? "page_publish" : "page_unpublish",
	    "page", arena_printf(&c->arena, "%s/%s", slug, lang), "",
	    (long long)time(NULL)) < 0)
		rc = -1;
	if (rc != 0 || db_commit(c->db) < 0) {
		db_rollback(c->db);
		return rc == DB_NONE ? app_error(c, 404, NULL) : 500;
	}
	return app_redirect(c, on ? "/admin/pages?notice=page_published" :
	    "/admin/pages?notice=page_unpublished");
}

int
page_content_page_delete(struct ctx *c)
{
	const char *slug = adm_opt(c, KEY_SLUG), *lang = adm_opt(c, KEY_CLANG);
	long long n;

	if (!app_csrf_ok(c))
		return 403;
	if (slug == NULL || app_val(c, KEY_CLANG)->state == VAL_INVALID)
		return app_error(c, 400, "invalid");
	if (content_page_locked(slug, lang))
		return app_error(c, 400, "page_locked");
	if (db_begin(c->db) < 0)
		return 500;
	n = db_page_delete(c->db, slug, lang);
	if (n > 0 && adm_audit_s(c, "page_delete", "page",
	    arena_printf(&c->arena, "%s/%s", slug, lang ? lang : "*"),
	    arena_printf(&c->arena, "%lld version(s)", n),
	    (long long)time(NULL)) < 0)
		n = -1;
	if (n <= 0 || db_commit(c->db) < 0) {
		db_rollback(c->db);
		return n == 0 ? app_error(c, 404, NULL) : 500;
	}
	return app_redirect(c, "/admin/pages?notice=page_deleted");
}
