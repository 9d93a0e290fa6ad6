"""Content staff give a customer without an order ("assign content to a
client", docs/delivery.md "Granted by staff") and a digital product's
small files uploaded from its admin page: the grant shows in the
customer's library and downloads; taken back, its link gets the friendly
403; CSRF and roles hold; soukctl grants through the same rules; an
upload is stored under data_dir (never htdocs), typed by its name,
audited, downloadable, removable; an upload over media_upload_max is
refused with 413."""
import os
import re

import harness
from harness import Stack, test, check
from shop import hidden, multipart, one
from staff import add_staff, login
from test_admin_settings import save
from test_download import add_file, buy, refused

FILM = "the-last-caravan-film"
SEASON = "carthage-code-s1"
CUSTOMER = "customer@example.com"


def store(env=None):
    s = Stack(env=env or {}).start()
    return add_staff(s)


def cust_id(s):
    return one(s, "SELECT id FROM users WHERE email = ?", CUSTOMER)


def physical(s):
    return one(s, "SELECT slug FROM products WHERE kind = 'physical' "
               "AND active = 1 LIMIT 1")


def download_links(page):
    return re.findall(r'href="(/download/[^"]+)"', page)


def grant(who, cid, fields):
    page = who.get("/admin/customer/%d" % cid).text
    f = {"csrf": hidden(page, "csrf"), "id": str(cid)}
    f.update(fields)
    return who.post("/admin/customer/grant", f)


@test
def granted_film_is_in_the_library_downloads_and_is_taken_back():
    with store() as s:
        data = os.urandom(20000)
        add_file(s, FILM, data, "caravan.mp4")
        cid = cust_id(s)
        emp = login(s, "employee")
        page = emp.get("/admin/customer/%d" % cid).text
        check('id="grant-form"' in page and 'id="grants-empty"' in page,
              "the customer page offers the grant form")
        check('<option value="%s">' % FILM in page, "films offered")
        # CSRF: no token, or another origin, changes nothing.
        r = emp.post("/admin/customer/grant", {"id": str(cid),
                                                "product": FILM})
        check(r.status == 403, "no token: %d" % r.status)
        r = emp.post("/admin/customer/grant", {
            "csrf": hidden(page, "csrf"), "id": str(cid), "product": FILM},
            headers={"Origin": "https://evil.example"})
        check(r.status == 403, "other origin: %d" % r.status)
        check(one(s, "SELECT count(*) FROM entitlements") == 0,
              "nothing granted by a forged form")
        # A customer cannot grant themselves anything.
        cu = login(s, "customer")
        r = cu.post("/admin/customer/grant", {
            "csrf": hidden(cu.get("/account").text, "csrf") or "",
            "id": str(cid), "product": FILM})
        check(r.status == 403, "customer refused: %d" % r.status)
        check(grant(emp, cid, {"product": physical(s)}).status ==
              400, "a physical product is refused")
        check(grant(emp, cid, {"product": FILM, "downloads": "5000"}).status
              == 400, "too many downloads refused")
        r = grant(emp, cid, {"product": FILM, "downloads": "2",
                             "reason": "Support ticket 42"})
        check(r.status == 303 and r.header("Location").endswith(
            "/admin/customer/%d?done=grant" % cid), "granted: %r %s" %
            (r, r.text[:300]))
        row = one(s, "SELECT e.order_id, e.line, e.max_downloads, "
                  "e.grant_reason, u.email FROM entitlements e JOIN users "
                  "u ON u.id = e.granted_by")
        check(row == (None, None, 2, "Support ticket 42",
                      "employee@example.com"), "the grant row: %r" % (row,))
        check(one(s, "SELECT count(*) FROM audit_log WHERE action = 'grant' "
                  "AND object_kind = 'user' AND object_id = ? AND detail LIKE ?",
                  str(cid), FILM + "%Support ticket 42") == 1, "audited")
        mail = one(s, "SELECT subject, body_text FROM mail_outbox WHERE "
                   "to_addr = ? AND subject LIKE 'Added to your library%'",
                   CUSTOMER)
        check(mail and "The Last Caravan" in mail[0] and
              "/account/library" in mail[1] and "2." in mail[1],
              "the customer is mailed: %r" % (mail,))
        check(grant(emp, cid, {"product": FILM}).status == 409,
              "granting what the customer holds: 409")
        page = emp.get("/admin/customer/%d" % cid).text
        ent = one(s, "SELECT id FROM entitlements")
        check('id="grant-%d"' % ent in page and "Support ticket 42" in page,
              "listed on the customer page")
        # The customer's library and the download.
        lib = cu.get("/account/library").text
        links = download_links(lib)
        check("The Last Caravan" in lib and len(links) == 1,
              "in the library: %r" % links)
        r = s.get(links[0].replace("&amp;", "&"))
        check(r.status == 200 and r.body == data, "downloads: %r" % r)
        check("In your library" in cu.get("/p/" + FILM).text,
              "the product page knows the customer has it")
        # Taken back: the link stops with the friendly page.
        page = emp.get("/admin/customer/%d" % cid).text
        r = emp.post("/admin/customer/ungrant", {"id": str(cid),
                                                  "ent": str(ent)})
        check(r.status == 403, "take back without a token: %d" % r.status)
        r = emp.post("/admin/customer/ungrant", {
            "csrf": hidden(page, "csrf"), "id": str(cid), "ent": str(ent)})
        check(r.status == 303 and "done=ungrant" in r.header("Location"),
              "taken back: %r" % r)
        refused(s.get(links[0].replace("&amp;", "&")), "took this content "
                "back")
        check(download_links(cu.get("/account/library").text) == [],
              "gone from the library")
        check(one(s, "SELECT count(*) FROM audit_log WHERE action = "
                  "'grant_revoke'") == 1, "the take-back is audited")
        r = emp.post("/admin/customer/ungrant", {
            "csrf": hidden(page, "csrf"), "id": str(cid), "ent": str(ent)})
        check(r.status == 404, "twice: %d" % r.status)


@test
def an_order_entitlement_is_not_taken_back_as_a_grant():
    with store() as s:
        oid, _ = buy(s, FILM, email=CUSTOMER)
        ent = one(s, "SELECT id FROM entitlements WHERE order_id = ?", oid)
        cid = cust_id(s)
        emp = login(s, "employee")
        page = emp.get("/admin/customer/%d" % cid).text
        r = emp.post("/admin/customer/ungrant", {
            "csrf": hidden(page, "csrf"), "id": str(cid), "ent": str(ent)})
        check(r.status == 404, "an order's entitlement: %d" % r.status)
        check(one(s, "SELECT revoked_at FROM entitlements") is None,
              "still live (a refund takes it back)")


@test
def soukctl_grants_lists_and_takes_back():
    with store() as s:
        add_file(s, SEASON + "e01", b"episode one", "e01.mkv")
        p = s.ctl("entitlement", "grant", "--email", CUSTOMER, "--product",
                  SEASON, "--days", "3", "--downloads", "1", "--reason",
                  "Contest prize")
        m = re.match(r"entitlement (\d+): %s granted to %s" % (SEASON,
                                                                 CUSTOMER),
                     p.stdout)
        check(m, "grant: %r" % p.stdout)
        ent = int(m.group(1))
        row = one(s, "SELECT order_id, granted_by, max_downloads, "
                  "expires_at - created_at, grant_reason FROM entitlements")
        check(row == (None, None, 1, 3 * 86400, "Contest prize"), repr(row))
        check(one(s, "SELECT actor FROM audit_log WHERE action = 'grant'")
              == "soukctl", "audited as soukctl")
        check(one(s, "SELECT count(*) FROM mail_outbox WHERE to_addr = ? "
                  "AND subject LIKE 'Added to your library%'",
                  CUSTOMER) == 1, "mailed")
        lst = s.ctl("entitlement", "grants", "--email", CUSTOMER).stdout
        check(SEASON in lst and "Contest prize" in lst, "listed: %r" % lst)
        lib = login(s, "customer").get("/account/library").text
        links = download_links(lib)
        check(len(links) == 1, "the season's episode: %r" % links)
        check(s.get(links[0].replace("&amp;", "&")).body == b"episode one",
              "downloads")
        for args, rc, want in (
                (("grant", "--email", "nobody@example.com", "--product",
                  SEASON), 1, "no account"),
                (("grant", "--email", CUSTOMER, "--product",
                  physical(s)), 1, "no active digital product"),
                (("grant", "--email", CUSTOMER, "--product", SEASON), 1,
                 "already holds"),
                (("grant", "--email", CUSTOMER), 2, "usage"),
                (("grant", "--email", CUSTOMER, "--product", FILM,
                  "--days", "-1"), 2, "usage"),
                (("revoke", "--grant", "abc"), 2, "usage")):
            p = s.ctl("entitlement", *args, check_rc=False)
            check(p.returncode == rc and want in p.stderr,
                  "%r: %d %r" % (args, p.returncode, p.stderr))
        p = s.ctl("entitlement", "revoke", "--grant", str(ent))
        check("entitlement %d revoked" % ent in p.stdout, p.stdout)
        p = s.ctl("entitlement", "revoke", "--grant", str(ent),
                  check_rc=False)
        check(p.returncode == 1 and "no live grant" in p.stderr, p.stderr)
        check(SEASON not in s.ctl("entitlement", "grants", "--email",
                                  CUSTOMER).stdout, "no longer listed")


def upload(who, pid, name, data, ctype="application/octet-stream"):
    page = who.get("/admin/product/%d" % pid)
    body, ct = multipart({"csrf": hidden(page.text, "csrf") or "",
                          "id": str(pid)}, [("file", name, ctype, data)])
    return who.post("/admin/product/file", raw=body, content_type=ct)


@test
def small_file_upload_downloads_and_oversize_is_refused():
    with store({"SOUK_MEDIA_UPLOAD_MAX": "4000"}) as s:
        pid = one(s, "SELECT id FROM products WHERE slug = ?", FILM)
        adm = login(s, "admin")
        page = adm.get("/admin/product/%d" % pid).text
        check('id="file-form"' in page and 'id="files-empty"' in page,
              "the product page offers the upload")
        check(upload(login(s, "employee"), pid, "x.pdf", b"x").status == 403,
              "employees do not change the catalog")
        body, ct = multipart({"id": str(pid)},
                             [("file", "x.pdf", "application/pdf", b"x")])
        check(adm.post("/admin/product/file", raw=body,
                       content_type=ct).status == 403, "no token: 403")
        data = os.urandom(3000)
        r = upload(adm, pid, "Booklet.pdf", data, "text/html")
        check(r.status == 303 and r.header("Location").endswith(
            "/admin/product/%d?notice=file#files" % pid), "uploaded: %r %s"
            % (r, r.text[:300]))
        fid, stored, ctype, size = one(
            s, "SELECT id, stored_name, content_type, size FROM media_files "
            "WHERE product_id = ?", pid)
        check(ctype == "application/pdf" and size == 3000,
              "typed by its name, not by the browser: %r" % ctype)
        path = os.path.join(s.env["SOUK_DATA_DIR"], "downloads", stored)
        check(os.path.isfile(path), "under data_dir/downloads")
        check(not any(stored in f for _, _, fs in os.walk(
            os.path.join(harness.ROOT, "htdocs")) for f in fs), "not htdocs")
        check(one(s, "SELECT count(*) FROM audit_log WHERE action = "
                  "'media_add' AND object_kind = 'product' AND object_id = ?",
                  str(pid)) == 1, "audited")
        page = adm.get("/admin/product/%d" % pid).text
        check('id="file-%d"' % fid in page and "Booklet.pdf" in page,
              "listed on the product page")
        # Oversize: 413, nothing stored.
        r = upload(adm, pid, "big.pdf", os.urandom(5000))
        check(r.status == 413 and "soukctl media add" in r.text,
              "oversize refused: %d %s" % (r.status, r.text[:300]))
        check(one(s, "SELECT count(*) FROM media_files") == 1 and
              len(os.listdir(os.path.dirname(path))) == 1, "nothing stored")
        check(upload(adm, pid, "empty.pdf", b"").status == 400, "empty: 400")
        # The limit is a setting: raised on /admin/settings, it lets the
        # same file in; a bad value is refused.
        check(save(adm, "media_upload_max", "lots").status == 400,
              "not a number: 400")
        check(save(adm, "media_upload_max", "6000").status == 303,
              "limit raised")
        r = upload(adm, pid, "big.pdf", os.urandom(5000))
        check(r.status == 303, "under the new limit: %d" % r.status)
        big = one(s, "SELECT id FROM media_files WHERE file_name = "
                  "'big.pdf'")
        page = adm.get("/admin/product/%d" % pid).text
        check(adm.post("/admin/product/file/remove", {
            "csrf": hidden(page, "csrf"), "id": str(pid),
            "media": str(big)}).status == 303, "big.pdf removed")
        # The uploaded file through /download.
        s.ctl("entitlement", "grant", "--email", CUSTOMER, "--product", FILM)
        links = download_links(login(s, "customer").get(
            "/account/library").text)
        check(len(links) == 1, "one file in the library: %r" % links)
        r = s.get(links[0].replace("&amp;", "&"))
        check(r.status == 200 and r.body == data and
              r.header("Content-Type") == "application/pdf",
              "downloaded: %r %r" % (r, r.header("Content-Type")))
        # Removed: the row, the stored file, audited.
        page = adm.get("/admin/product/%d" % pid).text
        r = adm.post("/admin/product/file/remove", {
            "csrf": hidden(page, "csrf"), "id": str(pid), "media": str(fid)})
        check(r.status == 303, "removed: %r" % r)
        check(one(s, "SELECT count(*) FROM media_files") == 0 and
              not os.path.exists(path), "row and file gone")
        check(one(s, "SELECT count(*) FROM audit_log WHERE action = "
                  "'media_remove' AND detail = ?", "file %d: Booklet.pdf" %
                  fid) == 1, "removal audited")
        r = adm.post("/admin/product/file/remove", {
            "csrf": hidden(page, "csrf"), "id": str(pid), "media": str(fid)})
        check(r.status == 404, "twice: %d" % r.status)
