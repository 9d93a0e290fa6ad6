"""Reviews and questions through the real nginx and SQLite (docs/reviews.md):
only buyers review, once per product; moderation states and who sees what;
staff actions through soukctl; the average against a recomputation; keyset
pages; the word list; reports; the edit window; rate limits per account
and per address; XSS, HTML and Markdown payloads inert; JSON-LD that
parses with the right numbers; ratings on cards; anonymous pages still
micro-cached."""
import html
import json
import re
import time

import harness
from harness import test, check
from mailtest import Stacks
from shop import ADDRESS, Shopper, hidden, one, execute, order_token

stacks = Stacks()
PW = "tangerine-orbit-42"
SLUG = "the-last-caravan-film"


def hold_stack():
    """review_moderation = hold (the default)."""
    return stacks.get("hold", lambda: harness.Stack(env={
        "SOUK_REGISTER_RATE_LIMIT": "1000"}).start())


def publish_stack():
    """Published at once, small limits: 2 reports hold, 6 writes an hour
    per account, 9 per address."""
    s = stacks.get("publish", lambda: harness.Stack(env={
        "SOUK_REVIEW_MODERATION": "publish",
        "SOUK_REVIEW_REPORT_HOLD": "2",
        "SOUK_REVIEW_ACCOUNT_LIMIT": "6",
        "SOUK_REVIEW_ADDRESS_LIMIT": "9",
        "SOUK_REGISTER_RATE_LIMIT": "1000"}).start())
    # Every test writes from 127.0.0.1: each starts with the limits anew.
    execute(s, "DELETE FROM rate_hits WHERE bucket LIKE 'post_%'")
    return s


_n = [0]


def customer(s, name="Amina Test", role="customer"):
    """A new verified account, logged in: (shopper, e-mail)."""
    _n[0] += 1
    email = "rv%d-%d@example.com" % (_n[0], int(time.time() * 1000) % 100000)
    s.ctl("user", "add", "--email", email, "--name", name, "--role", role,
          "--stdin", input=PW + "\n")
    sh = Shopper(s)
    r = sh.get("/account/login")
    r = sh.post("/account/login", {"email": email, "password": PW,
                                   "csrf": hidden(r.text, "csrf")})
    check(r.status == 303, "login %s: %r" % (email, r))
    return sh, email


def buy(s, email, slug=SLUG, status="paid"):
    """A guest order of slug placed with email, then paid by staff."""
    b = Shopper(s)
    b.add(slug)
    f = {"email": email}
    f.update(ADDRESS)
    token = order_token(b.place(f))
    oid = one(s, "SELECT id FROM orders WHERE token = ?", token)
    s.ctl("order", "set", str(oid), status)
    return oid


def csrf(sh, slug=SLUG):
    return hidden(sh.get("/p/" + slug).text, "csrf")


def post(sh, fields, slug=SLUG, token=None):
    f = dict(fields)
    f["csrf"] = token or csrf(sh, slug)
    return sh.post("/p/" + slug, f)


def review(sh, rating, body, slug=SLUG):
    return post(sh, {"action": "review", "rating": str(rating),
                     "body": body}, slug)


def pid(s, slug=SLUG):
    return one(s, "SELECT id FROM products WHERE slug = ?", slug)


def post_of(s, email, slug=SLUG, kind="review"):
    return one(s, "SELECT p.id, p.status, p.held FROM posts p JOIN users u "
               "ON u.id = p.user_id WHERE u.email = ? AND p.product_id = ? "
               "AND p.kind = ? ORDER BY p.id DESC LIMIT 1", email,
               pid(s, slug), kind)


def anon(s, path="/p/" + SLUG):
    return s.get(path + ("&" if "?" in path else "?") + "n=%f" % time.time())


def jsonld(text):
    m = re.search(r'<script type="application/ld\+json">(.*?)</script>',
                  text, re.S)
    check(m, "no JSON-LD")
    return json.loads(m.group(1))


def ratings(s, slug=SLUG):
    return one(s, "SELECT n, total, n1, n2, n3, n4, n5 FROM product_ratings "
               "WHERE product_id = ?", pid(s, slug))


def recomputed(s, slug=SLUG):
    return one(s, "SELECT count(*), coalesce(sum(rating), 0), "
               "coalesce(sum(rating = 1), 0), coalesce(sum(rating = 2), 0), "
               "coalesce(sum(rating = 3), 0), coalesce(sum(rating = 4), 0), "
               "coalesce(sum(rating = 5), 0) FROM posts WHERE product_id = ? "
               "AND kind = 'review' AND status = 'published'", pid(s, slug))


@test
def only_buyers_review_and_only_once():
    s = hold_stack()
    slug = "hdmi-2-1-cable-2m"
    # Anonymous: a login link (the same for everyone), a POST goes to login.
    page = anon(s, "/p/" + slug).text
    check("Log in to write a review" in page, "login link")
    r = s.post("/p/" + slug, {"action": "review", "rating": "5",
                              "body": "x"})
    check(r.status in (303, 403), "anonymous POST: %r" % r)
    sh, email = customer(s)
    page = sh.get("/p/" + slug).text
    check("Only customers who bought this product" in page, "not a buyer")
    check('name="rating"' not in page, "no form for a non-buyer")
    r = review(sh, 5, "I never bought it", slug)
    check(r.status == 403 and "Only customers who bought" in r.text,
          "non-buyer POST: %r" % r)
    check(one(s, "SELECT count(*) FROM posts") == 0, "nothing stored")
    # An order still awaiting payment does not count.
    b = Shopper(s)
    b.add(slug)
    f = {"email": email}
    f.update(ADDRESS)
    order_token(b.place(f))
    check(review(sh, 5, "Not paid yet", slug).status == 403, "unpaid")
    oid = one(s, "SELECT id FROM orders WHERE email = ? ORDER BY id DESC",
              email)
    s.ctl("order", "set", str(oid), "paid")
    page = sh.get("/p/" + slug).text
    check('name="rating"' in page, "the buyer gets the form")
    # No CSRF token: refused.
    r = sh.post("/p/" + slug, {"action": "review", "rating": "4",
                               "body": "no token"})
    check(r.status == 403, "no csrf: %r" % r)
    r = review(sh, 4, "Solid cable.\nWorks with my TV.", slug)
    check(r.status == 303, "review: %r" % r)
    row = post_of(s, email, slug)
    check(row[1] == "pending" and row[2] == "moderation", row)
    check(one(s, "SELECT verified FROM posts WHERE id = ?", row[0]) == 1,
          "verified buyer")
    r = review(sh, 1, "Second try", slug)
    check(r.status in (409, 403), "second review: %r" % r)
    check(one(s, "SELECT count(*) FROM posts WHERE product_id = ?",
              pid(s, slug)) == 1, "one review per product and customer")
    # A rating outside 1-5 is refused before anything else.
    sh2, e2 = customer(s)
    buy(s, e2, slug="usb-c-power-adapter")
    r = review(sh2, 6, "six stars", "usb-c-power-adapter")
    check(r.status == 400, "rating 6: %r" % r)


@test
def moderation_states_and_who_sees_what():
    s = hold_stack()
    author, email = customer(s, "Karim Author")
    other, _ = customer(s, "Other Customer")
    buy(s, email)
    check(review(author, 2, "Held until staff look", SLUG).status == 303,
          "posted")
    rid = post_of(s, email)[0]
    check("Held until staff look" not in anon(s).text, "anonymous: hidden")
    check("Held until staff look" not in other.get("/p/" + SLUG).text,
          "another customer: hidden")
    mine = author.get("/p/" + SLUG).text
    check("Held until staff look" in mine and "Waiting for moderation" in mine,
          "the author sees it, marked waiting")
    out = s.ctl("reviews", "list").stdout
    check(re.search(r"^\s*%d\s+review\s+pending\s+moderation" % rid, out,
                    re.M), out)
    check(ratings(s) is None or ratings(s)[0] == 0, "not counted yet")
    s.ctl("reviews", "approve", str(rid))
    page = anon(s).text
    check("Held until staff look" in page and "Verified buyer" in page,
          "published")
    check(ratings(s)[:2] == (1, 2), "counted: %r" % (ratings(s),))
    s.ctl("reviews", "answer", str(rid), "Sorry! We sent a new copy.")
    page = anon(s).text
    check("Answer from the shop" in page and "We sent a new copy" in page,
          "staff answer marked")
    s.ctl("reviews", "hide", str(rid))
    check("Held until staff look" not in anon(s).text, "hidden: anonymous")
    mine = author.get("/p/" + SLUG).text
    check("Hidden by the shop" in mine, "hidden: the author is told")
    check(ratings(s)[0] == 0, "a hidden review does not count")
    show = s.ctl("reviews", "show", str(rid)).stdout
    check("Held until staff look" in show and "hidden" in show, show)
    s.ctl("reviews", "delete", str(rid))
    check(one(s, "SELECT count(*) FROM posts WHERE id = ?", rid) == 0,
          "deleted")
    p = s.ctl("reviews", "approve", str(rid), check_rc=False)
    check(p.returncode == 1 and "no post" in p.stderr, p.stderr)
    # Questions: any customer; staff answer them.
    r = post(other, {"action": "question", "body": "Does it have French "
                     "subtitles?"})
    check(r.status == 303, "question: %r" % r)
    qid = post_of(s, one(s, "SELECT email FROM users WHERE name = "
                          "'Other Customer'"), kind="question")[0]
    s.ctl("reviews", "answer", str(qid), "Yes, French and Arabic.")
    s.ctl("reviews", "approve", str(qid))
    page = anon(s).text
    check("Does it have French subtitles?" in page and "French and Arabic"
          in page, "answered question shown")


@test
def average_matches_recomputation_and_pages_by_keyset():
    s = publish_stack()
    slug = "usb-c-power-adapter"
    votes = [5, 4, 4, 1]
    for i, v in enumerate(votes):
        sh, email = customer(s, "Buyer %d" % i)
        buy(s, email, slug)
        check(review(sh, v, "Rating %d from buyer %d" % (v, i),
                     slug).status == 303, "review %d" % i)
    check(ratings(s, slug) == recomputed(s, slug), "%r vs %r" % (
        ratings(s, slug), recomputed(s, slug)))
    check(ratings(s, slug)[:2] == (4, 14), ratings(s, slug))
    page = anon(s, "/p/" + slug).text
    check(re.search(r"data-avg>3\.5<", page), "average 3.5 shown")
    ld = jsonld(page)
    check(ld["@type"] == "Product" and ld["aggregateRating"]["@type"] ==
          "AggregateRating", ld)
    check(ld["aggregateRating"]["reviewCount"] == 4, ld["aggregateRating"])
    check(abs(ld["aggregateRating"]["ratingValue"] - 14 / 4) < 0.005,
          ld["aggregateRating"])
    check(sorted(r["reviewRating"]["ratingValue"] for r in ld["review"]) ==
          sorted(votes), ld["review"])
    # Search engines need the date of each review (ISO 8601, the day).
    today = time.strftime("%Y-%m-%d", time.gmtime())
    check(all(re.fullmatch(r"\d{4}-\d{2}-\d{2}", r["datePublished"]) and
              abs(time.mktime(time.strptime(r["datePublished"], "%Y-%m-%d")) -
                  time.mktime(time.strptime(today, "%Y-%m-%d"))) <= 86400
              for r in ld["review"]), ld["review"])
    # 41 more reviews written straight into the table, then one staff
    # action recomputes: pages of 20 by keyset, newest first.
    uid = one(s, "SELECT id FROM users ORDER BY id LIMIT 1")
    now = int(time.time())
    for i in range(41):
        u = execute(s, "INSERT INTO users(email, email_norm, name, pw_hash, "
                    "created_at, updated_at) VALUES (?, ?, 'Bulk', 'x', ?, ?)",
                    "bulk%d@example.com" % i, "bulk%d@example.com" % i, now,
                    now)
        execute(s, "INSERT INTO posts(kind, product_id, user_id, rating, body,"
                " status, verified, created_at, updated_at) SELECT 'review', "
                "?, id, ?, ?, 'published', 1, ?, ? FROM users WHERE email = ?",
                pid(s, slug), 1 + i % 5, "Bulk review %d" % i, now, now,
                "bulk%d@example.com" % i)
    del u, uid
    last = one(s, "SELECT max(id) FROM posts")
    s.ctl("reviews", "approve", str(last))
    check(ratings(s, slug) == recomputed(s, slug), "after bulk: %r vs %r" % (
        ratings(s, slug), recomputed(s, slug)))
    check(ratings(s, slug)[0] == 45, ratings(s, slug))
    seen, path = [], "/p/%s/reviews" % slug
    for _ in range(4):
        r = anon(s, path)
        check(r.status == 200, "%s: %r" % (path, r))
        ids = [int(x) for x in re.findall(r'data-post="(\d+)"', r.text)]
        seen += ids
        m = re.search(r'href="(/p/[^"]+/reviews\?before=\d+)"', r.text)
        if not m:
            break
        path = html.unescape(m.group(1))
    check(len(seen) == 45 and len(set(seen)) == 45, "all once: %d" % len(seen))
    check(seen == sorted(seen, reverse=True), "newest first")
    ld = jsonld(anon(s, "/p/" + slug).text)
    total = recomputed(s, slug)
    check(ld["aggregateRating"]["reviewCount"] == total[0] and
          abs(ld["aggregateRating"]["ratingValue"] - total[1] / total[0]) <
          0.005, (ld["aggregateRating"], total))
    # The rating reaches the product cards.
    cat = one(s, "SELECT c.slug FROM products p JOIN categories c ON "
              "c.id = p.category_id WHERE p.slug = ?", slug)
    r = anon(s, "/c/" + cat)
    avg = "%.1f" % (total[1] / total[0])
    check(re.search(r'card-rating[^>]*>.*?%s \(%d\)' % (re.escape(avg),
                    total[0]), r.text, re.S), "card rating %s" % avg)


@test
def payloads_render_inert_and_json_ld_stays_json():
    s = publish_stack()
    slug = "hdmi-2-1-cable-2m"
    sh, email = customer(s, '<img src=x onerror=alert(1)> "Mallory"')
    buy(s, email, slug)
    body = ('<script>alert("r")</script></script><b>bold</b>\n'
            '[click](javascript:alert(1)) **strong** <a href="/evil">x</a>\n'
            "'quotes' & ampersands")
    r = review(sh, 3, body, slug)
    check(r.status == 303, "review: %r" % r)
    page = anon(s, "/p/" + slug).text
    check("<script>alert" not in page and "<b>bold</b>" not in page and
          '<a href="/evil"' not in page and "<strong>" not in page and
          "<img src=x" not in page, "payload rendered as markup")
    check("&lt;script&gt;alert(" in page and "&lt;b&gt;bold&lt;/b&gt;" in page,
          "shown as text")
    check("**strong**" in page and "[click](javascript:alert(1))" in page,
          "Markdown left as typed")
    m = re.search(r'<p class="post-text">(.*?)</p>', page, re.S)
    check(m and m.group(1).count("\n") == 2, "line breaks kept")
    ld = jsonld(page)
    texts = [x["reviewBody"] for x in ld["review"]]
    check(body in texts, "JSON-LD carries the text as data: %r" % texts)
    block = re.search(r'application/ld\+json">(.*?)</script>', page,
                      re.S).group(1)
    check("<" not in block and ">" not in block, "nothing can close <script>")
    # A question with the same payload.
    r = post(sh, {"action": "question", "body": body}, slug)
    check(r.status == 303, "question: %r" % r)
    page = anon(s, "/p/" + slug).text
    check("<script>alert" not in page, "question payload inert")


@test
def word_list_holds_and_reports_take_back_to_queue():
    s = publish_stack()
    slug = "the-last-caravan-film"
    a, ea = customer(s, "Word Tester")
    buy(s, ea, slug)
    check(review(a, 1, "Total SCAM, visit www.example.com", slug).status ==
          303, "posted")
    row = post_of(s, ea, slug)
    check(row[1:] == ("pending", "words"), row)
    check("Total SCAM" not in anon(s, "/p/" + slug).text, "held")
    # "scampi" is not "scam": whole words only.
    b, eb = customer(s, "Scampi Fan")
    r = post(b, {"action": "question", "body": "Is there a scampi scene?"},
             slug)
    check(r.status == 303, "question: %r" % r)
    row = post_of(s, eb, slug, "question")
    check(row[1] == "published", row)
    # Reports: not one's own; once each; two take it back to the queue.
    tok = csrf(b, slug)
    r = b.post("/p/" + slug, {"action": "report", "post": str(row[0]),
                              "csrf": tok})
    check(r.status == 400 and "cannot report what you wrote" in r.text, r)
    c1, _ = customer(s, "Reporter One")
    c2, _ = customer(s, "Reporter Two")
    page = c1.get("/p/" + slug).text
    check("Report this question" in page, "report button")
    check(post(c1, {"action": "report", "post": str(row[0]),
                    "reason": "off topic"}, slug).status == 303, "report 1")
    r = post(c1, {"action": "report", "post": str(row[0])}, slug)
    check(r.status == 409, "reported twice: %r" % r)
    check(one(s, "SELECT status FROM posts WHERE id = ?", row[0]) ==
          "published", "one report: still published")
    check(post(c2, {"action": "report", "post": str(row[0])}, slug).status ==
          303, "report 2")
    check(one(s, "SELECT status, held FROM posts WHERE id = ?", row[0]) ==
          ("pending", "reports"), "two reports: back in the queue")
    out = s.ctl("reviews", "list", "--status", "reported").stdout
    check(re.search(r"^\s*%d\s+question" % row[0], out, re.M), out)
    show = s.ctl("reviews", "show", str(row[0])).stdout
    check("off topic" in show and "reports: 2" in show, show)


@test
def authors_edit_within_the_window():
    s = publish_stack()
    slug = "usb-c-power-adapter"
    sh, email = customer(s, "Editor")
    buy(s, email, slug)
    check(review(sh, 2, "First thoughts", slug).status == 303, "posted")
    rid = post_of(s, email, slug)[0]
    page = sh.get("/p/" + slug).text
    check('name="action" value="edit"' in page, "edit form")
    r = post(sh, {"action": "edit", "post": str(rid), "rating": "5",
                  "body": "Better after an update"}, slug)
    check(r.status == 303, "edit: %r" % r)
    check(one(s, "SELECT rating, body FROM posts WHERE id = ?", rid) ==
          (5, "Better after an update"), "edited")
    check(ratings(s, slug) == recomputed(s, slug), "aggregate follows edits")
    other, _ = customer(s, "Not The Author")
    r = post(other, {"action": "edit", "post": str(rid), "rating": "1",
                     "body": "hijack"}, slug)
    check(r.status == 403, "someone else's edit: %r" % r)
    execute(s, "UPDATE posts SET created_at = created_at - 8 * 86400 "
            "WHERE id = ?", rid)
    r = post(sh, {"action": "edit", "post": str(rid), "rating": "1",
                  "body": "Too late"}, slug)
    check(r.status == 403 and "can no longer be edited" in r.text, r)


@test
def rate_limits_per_account_and_address():
    s = publish_stack()
    slug = "hdmi-2-1-cable-2m"
    execute(s, "DELETE FROM rate_hits")
    sh, _ = customer(s, "Chatty")
    codes = [post(sh, {"action": "question", "body": "Question %d?" % i},
                  slug).status for i in range(7)]
    check(codes[:6] == [303] * 6 and codes[6] == 429, codes)
    r = post(sh, {"action": "question", "body": "Once more?"}, slug)
    check(r.status == 429 and r.header("Retry-After"), "Retry-After")
    check("try again later" in r.text, "a page that says why")
    # Another account from the same address: 3 more, then the address cap.
    sh2, _ = customer(s, "Chatty Neighbour")
    codes = [post(sh2, {"action": "question", "body": "Q %d?" % i},
                  slug).status for i in range(4)]
    check(codes == [303, 303, 303, 429], codes)
    check(one(s, "SELECT count(*) FROM rate_hits WHERE bucket LIKE "
              "'post_%'") > 0, "counted in SQLite")
    execute(s, "DELETE FROM rate_hits")


@test
def staff_moderate_in_the_admin_with_an_audit_row():
    s = hold_stack()
    slug = "the-last-caravan-film"
    author, email = customer(s, "Queue Author")
    buy(s, email, slug)
    check(review(author, 4, "Good film,\n<i>really</i>", slug).status ==
          303, "posted")
    rid = post_of(s, email, slug)[0]
    # Who may open the queue.
    r = s.get("/admin/reviews")
    check(r.status == 303 and "/account/login" in r.header("Location"),
          "anonymous: %r" % r)
    cust, _ = customer(s, "Plain Customer")
    check(cust.get("/admin/reviews").status == 403, "customer: 403")
    emp, emp_email = customer(s, "Emma Employee", role="employee")
    r = emp.get("/admin/reviews")
    check(r.status == 200 and 'data-post="%d"' % rid in r.text, "queue")
    check("&lt;i&gt;really&lt;/i&gt;" in r.text and "<i>really" not in r.text,
          "escaped in the admin too")
    tok = hidden(r.text, "csrf")
    # CSRF: no token, or another origin, is refused; nothing changes.
    r = emp.post("/admin/reviews/act", {"id": str(rid), "do": "approve"})
    check(r.status == 403, "no token: %r" % r)
    r = emp.post("/admin/reviews/act", {"id": str(rid), "do": "approve",
                                        "csrf": tok},
                 headers={"Origin": "http://evil.example"})
    check(r.status == 403, "cross origin: %r" % r)
    check(post_of(s, email, slug)[1] == "pending", "still pending")
    r = emp.post("/admin/reviews/act", {"id": str(rid), "do": "approve",
                                        "csrf": tok, "view": "pending"})
    check(r.status == 303 and "done=approve" in r.header("Location"), r)
    check(post_of(s, email, slug)[1] == "published", "approved")
    check(ratings(s, slug) == recomputed(s, slug), "ratings follow")
    row = one(s, "SELECT actor, action, object_kind, object_id FROM "
              "audit_log WHERE object_kind = 'post' ORDER BY id DESC LIMIT 1")
    check(row == (emp_email, "post_approve", "post", str(rid)), row)
    r = emp.post("/admin/reviews/act", {"id": str(rid), "do": "answer",
                                        "body": "Thank you!\nEnjoy.",
                                        "csrf": tok})
    check(r.status == 303, "answer: %r" % r)
    page = anon(s, "/p/" + slug).text
    check("Answer from the shop" in page and "Thank you!" in page, "answer")
    r = emp.post("/admin/reviews/act", {"id": str(rid), "do": "hide",
                                        "csrf": tok})
    check(r.status == 303 and post_of(s, email, slug)[1] == "hidden", "hide")
    r = emp.get("/admin/reviews?view=hidden")
    check('data-post="%d"' % rid in r.text, "hidden view")
    r = emp.post("/admin/reviews/act", {"id": str(rid), "do": "delete",
                                        "csrf": tok})
    check(r.status == 303 and one(s, "SELECT count(*) FROM posts WHERE "
                                  "id = ?", rid) == 0, "deleted")
    check(one(s, "SELECT count(*) FROM audit_log WHERE object_kind = 'post' "
              "AND object_id = ?", str(rid)) == 4, "one audit row per action")
    r = emp.post("/admin/reviews/act", {"id": str(rid), "do": "approve",
                                        "csrf": tok})
    check(r.status == 404, "gone: %r" % r)
    r = emp.post("/admin/reviews/act", {"id": str(rid), "do": "explode",
                                        "csrf": tok})
    check(r.status == 400, "bad action: %r" % r)


@test
def anonymous_product_pages_stay_cached():
    s = publish_stack()
    path = "/p/" + SLUG
    s.get(path)
    r = s.get(path)
    check(r.header("X-Cache") in ("HIT", "UPDATING", "STALE"),
          "anonymous second hit: %r" % r.header("X-Cache"))
    check('name="csrf"' not in r.text, "no token in a shared page")
    sh, _ = customer(s, "Cache Checker")
    r = sh.get(path)
    check(r.header("X-Cache") == "BYPASS" and 'name="csrf"' in r.text,
          "logged in: private page with forms (%r)" % r.header("X-Cache"))
    stacks.stop_all()


@test
def anonymous_views_follow_answers_edits_and_hiding():
    """Posts a visitor who is not logged in sees come from a per-worker
    cache (lib/site/post_cache.c): each change shows at once, on every
    worker, escaped like the logged-in rendering."""
    s = publish_stack()
    slug = "mi-box-s-2"
    path = "/p/" + slug
    sh, _ = customer(s, "Asker")
    body = "Does it play <4K> & HDR?"
    check(post(sh, {"action": "question", "body": body}, slug).status == 303,
          "asked")
    qid = one(s, "SELECT max(id) FROM posts WHERE product_id = ?",
              pid(s, slug))

    def seen(want, gone=()):
        for _ in range(4):	# every worker, cached after the first
            t = anon(s, path).text
            for w in want:
                check(w in t, "anonymous page lacks %r" % w)
            for g in gone:
                check(g not in t, "anonymous page still has %r" % g)
        return t

    esc = html.escape(body, quote=False)
    t = seen([esc, 'id="post-%d"' % qid])
    check(body not in t, "the question is escaped")
    # The logged-in rendering (no cache) shows the same post.
    check(esc in sh.get(path).text, "logged-in page")
    execute(s, "UPDATE posts SET answer = 'Yes, <b>both</b>', "
            "answered_at = created_at + 5, updated_at = created_at + 5 "
            "WHERE id = ?", qid)
    seen(["Yes, &lt;b&gt;both&lt;/b&gt;"], ["<b>both</b>"])
    execute(s, "UPDATE posts SET body = 'Edited: and Dolby Vision?', "
            "updated_at = updated_at + 120 WHERE id = ?", qid)
    seen(["Edited: and Dolby Vision?"], [esc])
    execute(s, "UPDATE posts SET status = 'hidden' WHERE id = ?", qid)
    seen([], ['id="post-%d"' % qid])
