/* content_faq.c — the FAQ entries and the home page's trust banners for
 * staff (docs/content.md, docs/admin.md "Content").
 *
 *   GET  /admin/faq              every entry of every language, each with
 *                                its form, and the form of a new one
 *   POST /admin/faq/save         id (none: a new entry), language,
 *                                category, question, answer (Markdown),
 *                                position; preview=1 only renders the
 *                                answer as the public FAQ will show it
 *   POST /admin/faq/delete       id; admins only (PERM_DELETE)
 *   GET  /admin/banners          every banner (slot and language)
 *   POST /admin/banners/save     slot, language, title, text, position,
 *                                active (shown on the home page)
 *   POST /admin/banners/delete   slot, language; admins only
 *
 * The rules are content.h's (content_faq_save, content_banner_save), the
 * ones soukctl faq|banner apply; each change commits with its audit row. */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "admin.h"
#include "content.h"
#include "db_content.h"
#include "lang.h"
#include "log.h"
#include "site.h"

int
adm_content_errors(struct ctx *c, int refusal)
{
	int n = 0;

	for (int k = 0; k < KEY__MAX; k++) {
		const struct val *v = app_val(c, k);
		if (v->state != VAL_INVALID)
			continue;
		hdf_putf(c->hdf, adm_keys[k].name, "Page.errors.%d.field", n);
		hdf_putf(c->hdf, v->err, "Page.errors.%d.err", n++);
	}
	if (refusal != CONTENT_OK) {
		hdf_putf(c->hdf, content_result_field(refusal),
		    "Page.errors.%d.field", n);
		hdf_putf(c->hdf, "content", "Page.errors.%d.err", n++);
	}
	return n;
}

int
adm_content_preview(struct ctx *c, const char *lang, const char *md)
{
	enum content_result r = CONTENT_OK;
	char *html;

	if (lang == NULL || lang_from_code(lang) < 0)
		return CONTENT_BAD_LANG;
	if ((html = content_preview(lang, md ? md : "", &r)) != NULL) {
		hdf_put(c->hdf, "Page.preview", html);
		hdf_put(c->hdf, "Page.preview_lang", lang);
		free(html);
	}
	return r;
}

void
adm_put_langs(struct ctx *c)
{
	for (int l = 0; l < LANG__MAX; l++) {
		hdf_putf(c->hdf, lang_code((enum lang)l), "Page.langs.%d.code", l);
		hdf_putf(c->hdf, tmpl_str((enum lang)l, "Lang.name"),
		    "Page.langs.%d.name", l);
	}
}

/* The FAQ page (Page.faq.N.*), with status. */
static int
render_faq(struct ctx *c, int status)
{
	struct faq_row *f;
	long long n = db_faq_all(c->db, &c->arena, &f);

	if (n < 0)
		return 500;
	for (long long i = 0; i < n; i++) {
		const char *at = arena_printf(&c->arena, "Page.faq.%lld", i);
		hdf_putf(c->hdf, arena_printf(&c->arena, "%lld", f[i].id),
		    "%s.id", at);
		hdf_putf(c->hdf, f[i].lang, "%s.lang", at);
		hdf_putf(c->hdf, f[i].category, "%s.category", at);
		hdf_putf(c->hdf, f[i].question, "%s.question", at);
		hdf_putf(c->hdf, f[i].answer_md, "%s.answer", at);
		hdf_putf(c->hdf, arena_printf(&c->arena, "%lld", f[i].position),
		    "%s.position", at);
	}
	adm_put_langs(c);
	hdf_put(c->hdf, "Page.default_lang", lang_code(lang_default()));
	return app_render(c, status, "admin/faq");
}

int
page_faq(struct ctx *c)
{
	return render_faq(c, 200);
}

/* The posted form back into Page.form.* (a refused save shows it). */
static void
put_faq_form(struct ctx *c, const struct faq_row *r)
{
	hdf_put(c->hdf, "Page.form.id", arena_printf(&c->arena, "%lld", r->id));
	hdf_put(c->hdf, "Page.form.lang", r->lang ? r->lang : "");
	hdf_put(c->hdf, "Page.form.category", r->category ? r->category : "");
	hdf_put(c->hdf, "Page.form.question", r->question ? r->question : "");
	hdf_put(c->hdf, "Page.form.answer", r->answer_md ? r->answer_md : "");
	hdf_put(c->hdf, "Page.form.position", arena_printf(&c->arena, "%lld",
	    r->position));
}

int
page_faq_save(struct ctx *c)
{
	struct faq_row r = {
		.id = app_val(c, KEY_FAQ_ID)->state == VAL_OK ?
		    app_val(c, KEY_FAQ_ID)->i : 0, .lang = adm_opt(c, KEY_CLANG),
		.category = adm_opt(c, KEY_FAQ_CATEGORY),
		.question = adm_opt(c, KEY_QUESTION),
		.answer_md = adm_opt(c, KEY_FAQ_ANSWER),
		.position = app_val(c, KEY_POSITION)->state == VAL_OK ?
		    app_val(c, KEY_POSITION)->i : 0,
	};
	long long now = (long long)time(NULL), was = r.id;
	enum content_result res;

	if (!app_csrf_ok(c))
		return 403;
	if (adm_content_errors(c, CONTENT_OK) > 0) {
		put_faq_form(c, &r);
		return render_faq(c, 400);
	}
	if (r.answer_md == NULL)
		r.answer_md = "";
	if (r.lang == NULL)
		res = CONTENT_BAD_LANG;
	else if (r.category == NULL)
		res = CONTENT_BAD_CATEGORY;
	else if (r.question == NULL)
		res = CONTENT_BAD_TITLE;
	else if (app_val(c, KEY_PREVIEW)->state == VAL_OK &&
	    app_val(c, KEY_PREVIEW)->i) {
		if ((res = adm_content_preview(c, r.lang, r.answer_md)) ==
		    CONTENT_ERROR)
			return 500;
		if (res == CONTENT_OK) {
			put_faq_form(c, &r);
			return render_faq(c, 200);
		}
	} else {
		if (db_begin(c->db) < 0)
			return 500;
		res = content_faq_save(c->db, &r, now);
		if (res == CONTENT_OK && adm_audit(c, was ? "faq_edit" :
		    "faq_create", "faq", r.id, r.question, now) < 0)
			res = CONTENT_ERROR;
		if (res != CONTENT_OK || db_commit(c->db) < 0) {
			db_rollback(c->db);
			if (res == CONTENT_OK || res == CONTENT_ERROR)
				return 500;
			if (res == CONTENT_NOT_FOUND)
				return app_error(c, 404, NULL);
		}
	}
	if (res != CONTENT_OK) {
		adm_content_errors(c, res);
		r.id = was;
		put_faq_form(c, &r);
		return render_faq(c, 400);
	}
	return app_redirect(c, "/admin/faq?notice=faq_saved");
}

int
page_faq_delete(struct ctx *c)
{
	long long id = adm_object_id(c, 0);
	int rc;

	if (!app_csrf_ok(c))
		return 403;
	if (id == 0)
		return app_error(c, 400, "invalid");
	if (db_begin(c->db) < 0)
		return 500;
	rc = db_faq_delete(c->db, id);
	if (rc == 0 && adm_audit(c, "faq_delete", "faq", id, "",
	    (long long)time(NULL)) < 0)
		rc = -1;
	if (rc != 0 || db_commit(c->db) < 0) {
		db_rollback(c->db);
		return rc == DB_NONE ? app_error(c, 404, NULL) : 500;
	}
	return app_redirect(c, "/admin/faq?notice=faq_deleted");
}

/* The banners page (Page.banners.N.*), with status. */
static int
render_banners(struct ctx *c, int status)
{
	struct banner_row *b;
	long long n = db_banner_list(c->db, &c->arena, NULL, NULL, 1, &b);

	if (n < 0)
		return 500;
	for (long long i = 0; i < n; i++) {
		const char *at = arena_printf(&c->arena, "Page.banners.%lld", i);
		hdf_putf(c->hdf, b[i].slot, "%s.slot", at);
		hdf_putf(c->hdf, b[i].lang, "%s.lang", at);
		hdf_putf(c->hdf, b[i].title, "%s.title", at);
		hdf_putf(c->hdf, b[i].body, "%s.text", at);
		hdf_putf(c->hdf, arena_printf(&c->arena, "%lld", b[i].position),
		    "%s.position", at);
		hdf_putf(c->hdf, b[i].active ? "1" : "0", "%s.active", at);
	}
	adm_put_langs(c);
	hdf_put(c->hdf, "Page.default_lang", lang_code(lang_default()));
	return app_render(c, status, "admin/banners");
}

int
page_banners(struct ctx *c)
{
	return render_banners(c, 200);
}

int
page_banner_save(struct ctx *c)
{
	struct banner_row b = {
		.slot = adm_opt(c, KEY_SLOT), .lang = adm_opt(c, KEY_CLANG),
		.title = adm_opt(c, KEY_TITLE), .body = adm_opt(c, KEY_TEXT),
		.position = app_val(c, KEY_POSITION)->state == VAL_OK ?
		    app_val(c, KEY_POSITION)->i : 0,
		.active = app_val(c, KEY_ACTIVE)->state == VAL_OK &&
		    app_val(c, KEY_ACTIVE)->i,
	};
	long long now = (long long)time(NULL);
	enum content_result res;

	if (!app_csrf_ok(c))
		return 403;
	if (adm_content_errors(c, CONTENT_OK) > 0)
		return render_banners(c, 400);
	if (b.body == NULL)
		b.body = "";
	if (b.slot == NULL)
		res = CONTENT_BAD_SLUG;
	else if (b.lang == NULL)
		res = CONTENT_BAD_LANG;
	else if (b.title == NULL)
		res = CONTENT_BAD_TITLE;
	else {
		if (db_begin(c->db) < 0)
			return 500;
		res = content_banner_save(c->db, &b);
		if (res == CONTENT_OK && adm_audit_s(c, b.active ? "banner_on" :
		    "banner_off", "banner", arena_printf(&c->arena, "%s/%s",
		    b.slot, b.lang), b.title, now) < 0)
			res = CONTENT_ERROR;
		if (res != CONTENT_OK || db_commit(c->db) < 0) {
			db_rollback(c->db);
			if (res == CONTENT_OK || res == CONTENT_ERROR)
				return 500;
		}
	}
	if (res != CONTENT_OK) {
		adm_content_errors(c, res);
		return render_banners(c, 400);
	}
	return app_redirect(c, "/admin/banners?notice=banner_saved");
}

int
page_banner_delete(struct ctx *c)
{
	const char *slot = adm_opt(c, KEY_SLOT), *lang = adm_opt(c, KEY_CLANG);
	long long n;

	if (!app_csrf_ok(c))
		return 403;
	if (slot == NULL || lang == NULL)
		return app_error(c, 400, "invalid");
	if (db_begin(c->db) < 0)
		return 500;
	n = db_banner_delete(c->db, slot, lang);
	if (n > 0 && adm_audit_s(c, "banner_delete", "banner",
	    arena_printf(&c->arena, "%s/%s", slot, lang), "",
	    (long long)time(NULL)) < 0)
		n = -1;
	if (n <= 0 || db_commit(c->db) < 0) {
		db_rollback(c->db);
		return n == 0 ? app_error(c, 404, NULL) : 500;
	}
	return app_redirect(c, "/admin/banners?notice=banner_deleted");
}
