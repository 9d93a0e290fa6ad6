"""Content pages, FAQ and home banners edited from the back office through
the real nginx: the access matrix (anonymous -> login, customer -> 403,
employee edits but may not delete, admin deletes), CSRF on every POST,
drafts kept off the storefront, publish/unpublish, a new page listed in
the footer of its language (and the default language's page standing in
for a missing translation), the terms page locked, Markdown/HTML
injection inert in the preview and on the page, the micro-cache still
serving anonymous pages while an edit shows up, and audit rows."""
import re

from harness import test, check
from mailtest import wait_until
from shop import Shopper, hidden, one, db
from test_admin import adm_stack, login, csrf_of

XSS_MD = ("Hello <script>alert(1)</script>\n\n"
          "[click](javascript:alert(2)) [ok](/page/about)\n\n"
          "<img src=x onerror=alert(3)>\n\n<iframe src=//evil></iframe>\n\n"
          "![pic](javascript:alert(4)) **bold**\n")
BAD = ("<script", "javascript:", "onerror", "<iframe", "<img")

GETS = ("/admin/pages", "/admin/page", "/admin/page/terms/en",
        "/admin/faq", "/admin/banners")
POSTS = ("/admin/pages/save", "/admin/pages/publish", "/admin/pages/delete",
         "/admin/faq/save", "/admin/faq/delete", "/admin/banners/save",
         "/admin/banners/delete")


def save_page(sh, **f):
    f.setdefault("language", "en")
    f.setdefault("published", "1")
    f["csrf"] = csrf_of(sh, "/admin/page")
    return sh.post("/admin/pages/save", f)


def footer(text):
    m = re.search(r'<ul id="footer-policies">(.*?)</ul>', text, re.S)
    check(m is not None, "no footer list")
    return m.group(1)


@test
def content_access_matrix_and_csrf():
    s = adm_stack()
    emp, adm, cust, anon = (login(s, "employee"), login(s, "admin"),
                            login(s, "customer"), Shopper(s))
    for path in GETS:
        check(emp.get(path).status == 200, "employee GET %s" % path)
        check(adm.get(path).status == 200, "admin GET %s" % path)
        check(cust.get(path).status == 403, "customer GET %s" % path)
        r = anon.get(path)
        check(r.status == 303 and "/account/login" in r.header("Location"),
              "anonymous %s: %r" % (path, r))
    for path in ("/admin/page/no-such/en", "/admin/page/terms/xx",
                 "/admin/page/Bad%20Slug/en", "/admin/page/terms"):
        check(adm.get(path).status == 404, "%s is 404" % path)
    form = {"slug": "about", "language": "en", "title": "x", "markdown": "x",
            "published": "0", "id": "1", "slot": "payment", "question": "q",
            "category": "c", "answer": "a"}
    before = one(s, "SELECT count(*) FROM pages") + one(
        s, "SELECT count(*) FROM faq_entries") + one(
        s, "SELECT count(*) FROM banners")
    for path in POSTS:
        check(adm.post(path, form).status == 403, "no CSRF token: %s" % path)
        f = dict(form, csrf=csrf_of(cust, "/account"))
        check(cust.post(path, f).status == 403, "customer POST %s" % path)
    tok = csrf_of(emp, "/admin/pages")
    for path in ("/admin/pages/delete", "/admin/faq/delete",
                 "/admin/banners/delete"):
        check(emp.post(path, dict(form, csrf=tok)).status == 403,
              "employee may not delete: %s" % path)
    after = one(s, "SELECT count(*) FROM pages") + one(
        s, "SELECT count(*) FROM faq_entries") + one(
        s, "SELECT count(*) FROM banners")
    check(before == after, "nothing deleted")
    check(one(s, "SELECT published FROM pages WHERE slug = 'about' AND "
              "lang = 'en'") == 1, "nothing unpublished")


@test
def content_page_draft_publish_footer_and_translation():
    s = adm_stack()
    emp, adm, anon = login(s, "employee"), login(s, "admin"), Shopper(s)
    r = save_page(emp, slug="gift-cards", title="Gift cards",
                  markdown="Give **souk** gift cards.", published="")
    check(r.status == 303 and r.header("Location").endswith(
        "/admin/page/gift-cards/en?notice=page_saved"), "%r %s" % (r, r.text[:800]))
    check(anon.get("/page/gift-cards").status == 404, "a draft is not shown")
    check("/page/gift-cards" not in footer(anon.get("/faq").text),
          "a draft is not in the footer")
    check(save_page(emp, slug="gift-cards", title="Again").status == 400,
          "a new page may not take a used slug")
    tok = csrf_of(emp, "/admin/pages")
    r = emp.post("/admin/pages/publish", {"csrf": tok, "slug": "gift-cards",
                                          "language": "en", "published": "1"})
    check(r.status == 303, "publish: %r" % r)
    wait_until(lambda: 'href="/page/gift-cards">Gift cards<' in footer(
        anon.get("/contact").text), what="the footer lists the new page")
    # (the draft's 404 may stay in the micro-cache for a moment)
    wait_until(lambda: "<strong>souk</strong>" in anon.get(
        "/page/gift-cards").text, what="the published page")
    # The French footer shows the English page until it is translated.
    check('href="/page/gift-cards">Gift cards<' in footer(
        anon.get("/contact?lang=fr").text), "fallback title in French")
    lst = emp.get("/admin/pages").text
    check('id="add-gift-cards-fr"' in lst, "the missing French version")
    r = emp.get("/admin/page/gift-cards/fr")
    check(r.status == 200 and 'name="was" value="gift-cards"' in r.text, r)
    r = emp.post("/admin/pages/save", {
        "csrf": hidden(r.text, "csrf"), "was": "gift-cards",
        "slug": "gift-cards", "language": "fr", "title": "Cartes cadeaux",
        "markdown": "Offrez des cartes : simple !", "published": "1"})
    check(r.status == 303, "French version: %r %s" % (r, r.text[:800]))
    fr = Shopper(s)
    wait_until(lambda: 'href="/page/gift-cards">Cartes cadeaux<' in footer(
        fr.get("/contact?lang=fr").text), what="French footer title")
    check("Offrez des cartes\u202f: simple\u202f!" in
          fr.get("/page/gift-cards?lang=fr").text, "French page, punctuation")
    check('href="/page/gift-cards">Gift cards<' in footer(
        anon.get("/contact?lang=en").text), "English footer unchanged")
    # Rename: every language version moves.
    r = emp.get("/admin/page/gift-cards/en")
    r = emp.post("/admin/pages/save", {
        "csrf": hidden(r.text, "csrf"), "was": "gift-cards",
        "slug": "gift-vouchers", "language": "en", "title": "Gift cards",
        "markdown": "Give gift cards.", "published": "1"})
    check(r.status == 303, "rename: %r %s" % (r, r.text[:800]))
    check(one(s, "SELECT count(*) FROM pages WHERE slug = 'gift-vouchers'")
          == 2, "both versions renamed")
    # Unpublish, then delete (admins only).
    r = emp.post("/admin/pages/publish", {"csrf": tok, "slug": "gift-vouchers",
                                          "language": "en", "published": "0"})
    check(r.status == 303 and one(s, "SELECT published FROM pages WHERE "
          "slug = 'gift-vouchers' AND lang = 'en'") == 0, "unpublished")
    wait_until(lambda: anon.get("/page/gift-vouchers?lang=en").status == 404
               or "Cartes" in anon.get("/page/gift-vouchers?lang=en").text,
               what="the English draft leaves the store")
    atok = csrf_of(adm, "/admin/pages")
    r = adm.post("/admin/pages/delete", {"csrf": atok, "slug": "gift-vouchers"})
    check(r.status == 303 and one(s, "SELECT count(*) FROM pages WHERE "
          "slug = 'gift-vouchers'") == 0, "deleted: %r" % r)
    r = adm.post("/admin/pages/delete", {"csrf": atok, "slug": "gift-vouchers"})
    check(r.status == 404, "deleting it again: %r" % r)
    acts = [a for (a,) in db(s).execute(
        "SELECT action FROM audit_log WHERE object_kind = 'page' ORDER BY id")]
    for a in ("page_create", "page_publish", "page_edit", "page_unpublish",
              "page_delete"):
        check(a in acts, "audit %s missing: %r" % (a, acts))


@test
def content_terms_locked_and_checkout_link():
    s = adm_stack()
    adm = login(s, "admin")
    tok = csrf_of(adm, "/admin/pages")
    r = adm.post("/admin/pages/publish", {"csrf": tok, "slug": "terms",
                                          "language": "en", "published": "0"})
    check(r.status == 400 and "checkout" in r.text, "unpublish terms: %r" % r)
    r = adm.post("/admin/pages/delete", {"csrf": tok, "slug": "terms",
                                         "language": "en"})
    check(r.status == 400, "delete terms: %r" % r)
    r = adm.post("/admin/pages/delete", {"csrf": tok, "slug": "terms"})
    check(r.status == 400, "delete every terms version: %r" % r)
    r = adm.get("/admin/page/terms/en")
    r = adm.post("/admin/pages/save", {
        "csrf": hidden(r.text, "csrf"), "was": "terms", "slug": "conditions",
        "language": "en", "title": "Terms", "markdown": "x",
        "published": "1"})
    check(r.status == 400 and 'id="form-errors"' in r.text, "rename terms")
    check(one(s, "SELECT count(*) FROM pages WHERE slug = 'terms' AND "
              "published = 1") == 2, "terms untouched")
    sh = Shopper(s)
    sh.add("mi-box-s-2")
    r = sh.get("/checkout")
    check('id="terms-link"' in r.text and 'href="/page/terms"' in r.text,
          "checkout links the terms")


@test
def content_injection_inert_in_preview_and_page():
    s = adm_stack()
    emp = login(s, "employee")
    r = save_page(emp, slug="xss-page", title="<b>T</b> " + XSS_MD[:5],
                  markdown=XSS_MD, preview="1")
    check(r.status == 200 and 'id="preview"' in r.text, "preview: %r" % r)
    prev = r.text[r.text.index('id="preview"'):]
    prev = prev[:prev.index("</div>")]
    for bad in BAD:
        check(bad not in prev, "%s in the preview: %s" % (bad, prev))
    check("<strong>bold</strong>" in prev and 'href="/page/about"' in prev,
          "the preview renders Markdown: %s" % prev)
    check("alert(1)</script>" not in r.text.replace(
        "&lt;/script&gt;", ""), "the textarea keeps the text escaped")
    check(one(s, "SELECT count(*) FROM pages WHERE slug = 'xss-page'") == 0,
          "a preview saves nothing")
    r = save_page(emp, slug="xss-page", title="<b>T</b>", markdown=XSS_MD)
    check(r.status == 303, "save: %r %s" % (r, r.text[:500]))
    t = Shopper(s).get("/page/xss-page").text
    body = t[t.index('class="prose"'):t.index('class="updated"')]
    for bad in BAD:
        check(bad not in body, "%s on the page: %s" % (bad, body))
    check("&lt;b&gt;T&lt;/b&gt;" in t and "<b>T</b>" not in t, "title escaped")
    lst = emp.get("/admin/pages").text
    check("<b>T</b>" not in lst and "&lt;b&gt;T" in lst, "escaped in the list")
    # Bad input: 400 with the reason, never a 500.
    for f, why in ((dict(slug="Bad Slug"), "lower-case"),
                   (dict(slug="ok-slug", title=""), "title"),
                   (dict(slug="ok-slug", title="a\nb"), "one line"),
                   (dict(slug="ok-slug", title="T", language="xx"),
                    "languages")):
        f.setdefault("title", "T")
        f.setdefault("markdown", "x")
        r = save_page(emp, **f)
        check(r.status == 400 and why in r.text, "%r: %r %s" % (
            f, r, re.findall(r'id="form-errors".*?</div>', r.text, re.S)))


@test
def content_micro_cache_and_edit_shows_up():
    s = adm_stack()
    emp, anon = login(s, "employee"), Shopper(s)
    check(save_page(emp, slug="cached", title="Cached page",
                    markdown="First words.").status == 303, "save")
    wait_until(lambda: anon.get("/page/cached").status == 200,
               what="the page")
    anon.get("/page/cached")
    r = anon.get("/page/cached")
    check(r.header("X-Cache") in ("HIT", "UPDATING", "STALE"),
          "anonymous page micro-cached: %r" % r.header("X-Cache"))
    check(emp.get("/page/cached").header("X-Cache") == "BYPASS",
          "staff bypass the cache")
    r = emp.get("/admin/page/cached/en")
    r = emp.post("/admin/pages/save", {
        "csrf": hidden(r.text, "csrf"), "was": "cached", "slug": "cached",
        "language": "en", "title": "Cached page",
        "markdown": "Second words.", "published": "1"})
    check(r.status == 303, "edit: %r" % r)
    wait_until(lambda: "Second words." in anon.get("/page/cached").text,
               what="the edit on the anonymous page")


@test
def content_faq_and_banners():
    s = adm_stack()
    emp, adm, anon = login(s, "employee"), login(s, "admin"), Shopper(s)
    tok = csrf_of(emp, "/admin/faq")
    r = emp.post("/admin/faq/save", {
        "csrf": tok, "language": "fr", "category": "Paiement",
        "question": "Puis-je payer à la livraison ?",
        "answer": "Oui, **en espèces**.", "position": "9"})
    check(r.status == 303, "faq add: %r %s" % (r, r.text[:800]))
    fid = one(s, "SELECT id FROM faq_entries WHERE category = 'Paiement'")
    wait_until(lambda: "Puis-je payer à la livraison\u202f?" in
               anon.get("/faq?lang=fr").text, what="the French FAQ entry")
    check("<strong>en espèces</strong>" in anon.get("/faq?lang=fr").text,
          "Markdown answer")
    r = emp.post("/admin/faq/save", {
        "csrf": tok, "id": str(fid), "language": "fr", "category": "Paiement",
        "question": "Puis-je payer en espèces ?", "answer": "Oui.",
        "position": "1"})
    check(r.status == 303 and one(s, "SELECT question FROM faq_entries "
          "WHERE id = ?", fid) == "Puis-je payer en espèces ?", "faq edit")
    for bad in ({"category": ""}, {"answer": ""}, {"language": "xx"},
                {"position": "abc"}):
        f = {"csrf": tok, "language": "en", "category": "C",
             "question": "Q?", "answer": "A", "position": "1"}
        f.update(bad)
        r = emp.post("/admin/faq/save", f)
        check(r.status == 400 and 'id="form-errors"' in r.text,
              "faq %r: %r" % (bad, r))
    r = emp.post("/admin/faq/save", {"csrf": tok, "id": "999999",
                                     "language": "en", "category": "C",
                                     "question": "Q", "answer": "A"})
    check(r.status == 404, "edit unknown entry: %r" % r)
    atok = csrf_of(adm, "/admin/faq")
    r = adm.post("/admin/faq/delete", {"csrf": atok, "id": str(fid)})
    check(r.status == 303 and one(s, "SELECT count(*) FROM faq_entries "
          "WHERE id = ?", fid) == 0, "faq delete: %r" % r)
    check(adm.post("/admin/faq/delete", {"csrf": atok, "id": str(fid)}).status
          == 404, "deleted twice")
    # Banners: edit, switch off and on, add, delete.
    btok = csrf_of(emp, "/admin/banners")
    r = emp.post("/admin/banners/save", {
        "csrf": btok, "slot": "payment", "language": "en",
        "title": "Pay <safely>", "text": "Cards & cash", "position": "1"})
    check(r.status == 303, "banner off: %r %s" % (r, r.text[:800]))
    home = lambda: anon.get("/?lang=en").text
    wait_until(lambda: "Pay &lt;safely&gt;" not in home() and
               "Secure payment" not in home(),
               what="the banner switched off")
    r = emp.post("/admin/banners/save", {
        "csrf": btok, "slot": "payment", "language": "en",
        "title": "Pay <safely>", "text": "Cards & cash", "position": "1",
        "active": "1"})
    check(r.status == 303, "banner on: %r" % r)
    wait_until(lambda: "Pay &lt;safely&gt;" in home(),
               what="the banner back, escaped")
    check("Pay <safely>" not in home(), "banner title escaped")
    r = emp.post("/admin/banners/save", {
        "csrf": btok, "slot": "Bad Slot", "language": "en", "title": "T"})
    check(r.status == 400 and 'id="form-errors"' in r.text, "bad slot: %r" % r)
    r = emp.post("/admin/banners/save", {
        "csrf": btok, "slot": "returns", "language": "fr",
        "title": "Retours gratuits", "text": "Sous 14 jours", "active": "1"})
    check(r.status == 303, "banner add: %r" % r)
    wait_until(lambda: "Retours gratuits" in anon.get("/?lang=fr").text,
               what="the new French banner")
    r = adm.post("/admin/banners/delete", {"csrf": csrf_of(
        adm, "/admin/banners"), "slot": "returns", "language": "fr"})
    check(r.status == 303 and one(s, "SELECT count(*) FROM banners WHERE "
          "slot = 'returns'") == 0, "banner delete: %r" % r)
    acts = [a for (a,) in db(s).execute(
        "SELECT action FROM audit_log WHERE object_kind IN ('faq', 'banner')")]
    for a in ("faq_create", "faq_edit", "faq_delete", "banner_off",
              "banner_on", "banner_delete"):
        check(a in acts, "audit %s missing: %r" % (a, acts))


def preview_block(text):
    check('id="preview"' in text, "no preview block")
    prev = text[text.index('id="preview"'):]
    return prev[prev.index(">") + 1:prev.index("</div>")]


@test
def content_faq_preview_renders_like_the_public_faq_saves_nothing():
    s = adm_stack()
    emp, anon = login(s, "employee"), Shopper(s)
    tok = csrf_of(emp, "/admin/faq")
    md = "Oui : **en espèces** !\n\n" + XSS_MD
    form = {"csrf": tok, "language": "fr", "category": "Aperçu",
            "question": "Puis-je voir avant ?", "answer": md,
            "position": "3", "preview": "1"}
    before = one(s, "SELECT count(*) FROM faq_entries")
    r = emp.post("/admin/faq/save", form)
    check(r.status == 200, "faq preview: %r %s" % (r, r.text[:500]))
    prev = preview_block(r.text)
    for bad in BAD:
        check(bad not in prev, "%s in the FAQ preview: %s" % (bad, prev))
    check("<strong>en espèces</strong>" in prev and
          'href="/page/about"' in prev, "Markdown rendered: %s" % prev)
    check("Oui\u202f: " in prev, "French punctuation as on the FAQ: %s" % prev)
    check("Puis-je voir avant ?" in r.text and "en espèces" in
          r.text[r.text.index('id="fn-a"'):], "the form keeps what was typed")
    check(one(s, "SELECT count(*) FROM faq_entries") == before,
          "a preview saves nothing")
    # Saved, the public FAQ shows exactly what the preview showed.
    del form["preview"]
    check(emp.post("/admin/faq/save", form).status == 303, "faq save")
    fid = one(s, "SELECT id FROM faq_entries WHERE category = 'Aperçu'")
    saved = one(s, "SELECT answer_md FROM faq_entries WHERE id = ?", fid)
    wait_until(lambda: prev in anon.get("/faq?lang=fr").text,
               what="the public FAQ answer equal to its preview")
    # Previewing an existing entry opens under its own form, nothing saved.
    r = emp.post("/admin/faq/save", dict(form, id=str(fid), answer="*Non*",
                                         preview="1"))
    check(r.status == 200 and preview_block(r.text) == "<p><em>Non</em></p>\n"
          and r.text.index('id="faq-%d"' % fid) < r.text.index('id="preview"')
          < r.text.index('id="faq-new"'), "preview of an entry: %s" %
          preview_block(r.text))
    check(one(s, "SELECT answer_md FROM faq_entries WHERE id = ?", fid) == saved,
          "the entry unchanged by its preview")
    # Bad input previews nothing: 400 with the reason.
    r = emp.post("/admin/faq/save", dict(form, language="xx", preview="1"))
    check(r.status == 400 and 'id="form-errors"' in r.text and
          'id="preview"' not in r.text, "bad language: %r" % r)
    r = emp.post("/admin/faq/save", dict(form, preview="1", csrf="x"))
    check(r.status == 403, "preview without CSRF: %r" % r)
