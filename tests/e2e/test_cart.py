"""The cart through the real nginx: forms (POST -> redirect -> GET) and
JSON, quantity rules, cookies, CSRF rules, the header count, tampering.
Uses the shared demo store: carts change no stock and send no mail."""
import re

from harness import test, check, stack
from shop import Shopper, execute, product, hidden, one

CART_COOKIE = re.compile(r"^souk_cart=([A-Za-z0-9_-]{32}); Path=/; "
                         r"Max-Age=2592000; HttpOnly; SameSite=Lax$")


@test
def cart_add_update_remove_empty_with_plain_forms():
    s = stack()
    b = Shopper(s)
    r = b.add("iptv-gold-4k")
    check(r.status == 303 and r.header("Location").endswith(
        "/cart?notice=added&line=1"), "add: %r %r" % (r, r.header("Location")))
    cookie = r.header("Set-Cookie") or ""
    check(CART_COOKIE.match(cookie), "cart cookie flags: " + cookie)
    check("Secure" not in cookie, "no Secure flag over http")
    page = b.get("/cart?notice=added&line=1").text
    # The notice names the item, its plan and the cart's subtotal.
    check("Added to your cart</strong>: Gold 4K IPTV \u00b7 1 month: try it"
          in page and "Cart subtotal: <strong>30.000\xa0TND" in page and
          'href="/checkout"' in page, "cart page: added notice")
    check('data-cart-count>1<' in page, "header count on the cart page")
    line = hidden(page, "line")
    csrf = hidden(page, "csrf")
    check(line and csrf, "cart forms carry the line and the token")
    r = b.post("/cart/update", {"csrf": csrf, "line": line, "qty": "3"})
    check(r.status == 303 and "notice=updated" in r.header("Location"), r)
    page = b.get("/cart").text
    check("90.000\xa0TND" in page and 'value="3"' in page, "qty 3 -> 90")
    r = b.add("hdmi-2-1-cable-2m", qty=2)
    check(r.status == 303, r)
    page = b.get("/cart").text
    check("148.000\xa0TND" in page, "subtotal 90 + 2 x 29")
    r = b.post("/cart/remove", {"csrf": csrf, "line": line})
    check(r.status == 303 and "notice=removed" in r.header("Location"), r)
    page = b.get("/cart").text
    check("Gold 4K IPTV" not in page and "HDMI 2.1 cable, 2 m" in page,
          "removed")
    r = b.post("/cart/empty", {"csrf": csrf})
    check(r.status == 303, r)
    page = b.get("/cart").text
    check("Your cart is empty." in page and 'data-cart-count>0<' in page,
          "emptied")


@test
def cart_answers_json_when_asked():
    s = stack()
    b = Shopper(s)
    r = b.add("iptv-gold-4k", json=True)
    check(r.status == 200 and r.header("Content-Type").startswith(
        "application/json"), r)
    j = r.json()
    check(j["ok"] and j["notice"] == "added" and j["count"] == 1 and
          j["subtotal"] == "30.000\xa0TND" and len(j["lines"]) == 1, j)
    line = j["lines"][0]["id"]
    csrf = b.token()
    j = b.post("/cart/update", {"csrf": csrf, "line": str(line), "qty": "2"},
               headers={"Accept": "application/json"}).json()
    check(j["count"] == 2 and j["lines"][0]["total"] == "60.000\xa0TND", j)
    r = b.get("/cart", headers={"Accept": "application/json"})
    check(r.json()["count"] == 2, "GET /cart as JSON")
    j = b.post("/cart/remove", {"csrf": csrf, "line": str(line)},
               headers={"Accept": "application/json"}).json()
    check(j["ok"] and j["count"] == 0 and j["lines"] == [], j)
    r = b.add("mag-524w3", json=True)
    check(r.status == 409 and r.json()["notice"] == "sold_out" and
          "sold out" in r.json()["message"], "sold out as JSON")


@test
def every_page_shows_the_cart_count_and_token_for_cart_visitors():
    s = stack()
    b = Shopper(s)
    b.add("iptv-gold-4k", qty=2)
    b.add("the-last-caravan-film")
    for path in ("/", "/c/films", "/p/iptv-gold-4k", "/search?q=iptv",
                 "/nope"):
        r = b.get(path)
        check('data-cart-count>3<' in r.text, "count on " + path)
        check(re.search(r'<meta name="csrf-token" content="[A-Za-z0-9_-]{43}">',
                        r.text), "token for scripts on " + path)
        check(r.header("Cache-Control") == "private, no-store",
              "a cart visitor's page is private: " + path)
    anon = s.get("/p/iptv-gold-4k").text
    check('csrf-token' not in anon and 'data-cart-count>0<' in anon,
          "anonymous pages carry no token")


@test
def quantity_rules():
    s = stack()
    b = Shopper(s)
    r = b.add("fire-tv-stick-4k", qty=5, json=True).json()
    check(r["notice"] == "left" and r["lines"][0]["qty"] == 3 and
          "Only 3 left" in r["message"], "physical: bounded by stock %r" % r)
    r = b.add("fire-tv-stick-4k", json=True).json()
    check(r["notice"] == "left" and r["count"] == 3, "still 3: %r" % r)
    r = b.add("iptv-gold-4k", qty=9, json=True).json()
    check(r["notice"] == "max" and r["qty"] == 5 and
          "at most 5" in r["message"], "subscription: 5 per plan %r" % r)
    r = b.add("the-last-caravan-film", json=True).json()
    check(r["notice"] == "added" and r["qty"] == 1, r)
    r = b.add("the-last-caravan-film", json=True).json()
    check(r["notice"] == "already" and r["qty"] == 1, "digital: one %r" % r)
    r = b.add("mag-524w3")
    check(r.status == 303 and "notice=sold_out" in r.header("Location"), r)
    check("Sorry, this item is sold out." in b.get(
        r.header("Location").split(":%d" % s.port)[1]).text, "sold out said")
    # A plan is required for a subscription, refused for anything else,
    # and must belong to the product.
    r = b.add("iptv-gold-4k", plan=False, json=True)
    check(r.status == 400 and r.json()["notice"] == "bad_plan", r)
    _, other_plan = product(s, "spotify-premium")
    r = b.add("iptv-gold-4k", plan=other_plan, json=True)
    check(r.status == 400 and r.json()["notice"] == "bad_plan", "foreign plan")
    r = b.add("hdmi-2-1-cable-2m", json=True, extra={"plan": str(other_plan)})
    check(r.status == 400, "plan on a physical product")
    line = b.get("/cart", headers={"Accept": "application/json"}).json()
    line = [l for l in line["lines"] if l["max"] == 3][0]
    r = b.post("/cart/update", {"csrf": b.token(), "line": str(line["id"]),
                                "qty": "50"},
               headers={"Accept": "application/json"}).json()
    check(r["notice"] == "left" and r["qty"] == 3, "update bounded %r" % r)
    for bad in ("0x1", "-1", "1000", "abc"):
        r = b.add("hdmi-2-1-cable-2m", qty=bad)
        check(r.status == 400, "qty %r -> %d" % (bad, r.status))


@test
def add_to_cart_needs_a_same_origin_request():
    s = stack()
    pid, plan = product(s, "iptv-gold-4k")
    body = {"product": str(pid), "plan": str(plan)}
    for h in ({"Origin": "https://evil.example"},
              {"Origin": "null"},
              {"Origin": s.base + ".evil.example"},
              {"Origin": "", "Sec-Fetch-Site": "cross-site"},
              {"Origin": "", "Sec-Fetch-Site": "same-site"},
              {"Origin": "", "Referer": s.base + "/p/iptv-gold-4k"},
              {"Origin": s.base, "Sec-Fetch-Site": "cross-site"},
              {"Origin": ""}):
        hh = {k: v for k, v in h.items() if v}
        hh["Content-Type"] = "application/x-www-form-urlencoded"
        r = s.request("POST", "/cart/add", body="product=%d&plan=%d" %
                      (pid, plan), headers=hh)
        check(r.status == 403 and not r.header("Set-Cookie"),
              "%r -> %d" % (h, r.status))
    r = s.request("POST", "/cart/add", body="product=%d&plan=%d" % (pid, plan),
                  headers={"Sec-Fetch-Site": "same-origin", "Content-Type":
                           "application/x-www-form-urlencoded"})
    check(r.status == 303, "Sec-Fetch-Site: same-origin alone is enough")
    r = s.post("/cart/add", body)
    check(r.status == 303, "Origin alone is enough")


@test
def other_cart_posts_need_the_visitors_token():
    s = stack()
    a, b = Shopper(s), Shopper(s)
    line = a.add("iptv-gold-4k", json=True).json()["line"]
    b.add("iptv-gold-4k")
    mine, theirs = a.token(), b.token()
    check(mine and theirs and mine != theirs, "tokens differ per cart")
    for token in (None, "", theirs, mine[:-1] + ("A" if mine[-1] != "A"
                                                  else "B")):
        f = {"line": str(line), "qty": "4"}
        if token is not None:
            f["csrf"] = token
        r = a.post("/cart/update", f)
        check(r.status == 403, "token %r -> %d" % (token, r.status))
    r = a.post("/cart/update", {"line": str(line), "qty": "4", "csrf": mine},
               headers={"Origin": "https://evil.example"})
    check(r.status == 403, "right token, wrong origin")
    check(a.get("/cart", headers={"Accept": "application/json"}).json()
          ["count"] == 1, "nothing changed")
    r = a.post("/cart/empty", {})
    check(r.status == 403, "empty without token")


@test
def unknown_cart_cookie_starts_a_fresh_cart():
    s = stack()
    b = Shopper(s)
    made_up = "A" * 32
    b.cookies["souk_cart"] = made_up
    r = b.get("/cart")
    check("Your cart is empty." in r.text, "a made-up cart is empty")
    r = b.add("iptv-gold-4k")
    check(r.status == 303, r)
    check(b.cart and b.cart != made_up, "a new token, not the one sent")
    check(b.get("/cart", headers={"Accept": "application/json"}).json()
          ["count"] == 1, "the new cart has the item")
    # Malformed cookies are no cart at all.
    for bad in ("x", "../../etc", "A" * 31, "A" * 33):
        r = s.get("/cart", headers={"Cookie": "souk_cart=" + bad})
        check(r.status == 200 and "Your cart is empty." in r.text, bad)


@test
def cart_ignores_prices_and_foreign_ids():
    s = stack()
    a, b = Shopper(s), Shopper(s)
    j = a.add("iptv-gold-4k", json=True, extra={
        "price": "0", "price_minor": "1", "total": "0.001",
        "unit": "0"}).json()
    check(j["subtotal"] == "30.000\xa0TND", "posted prices ignored: %r" % j)
    line_a = j["line"]
    line_b = b.add("hdmi-2-1-cable-2m", json=True).json()["line"]
    # b's line number exists only in b's cart; a may not change it.
    other = line_b if line_b != line_a else line_b + 1
    r = a.post("/cart/update", {"csrf": a.token(), "line": str(other),
                                "qty": "2"},
               headers={"Accept": "application/json"})
    check(r.status == 404 and r.json()["notice"] == "no_line", r)
    r = a.post("/cart/add", {"product": "99999999"},
               headers={"Accept": "application/json"})
    check(r.status == 404 and r.json()["notice"] == "no_product", r)
    withdrawn = one(s, "SELECT id FROM products WHERE slug = "
                    "'hdmi-2-1-cable-5m'")
    execute(s, "UPDATE products SET active = 0 WHERE id = ?", withdrawn)
    try:
        r = a.post("/cart/add", {"product": str(withdrawn)},
                   headers={"Accept": "application/json"})
        check(r.status == 404, "a withdrawn product cannot be added")
    finally:
        execute(s, "UPDATE products SET active = 1 WHERE id = ?", withdrawn)
    check(b.get("/cart", headers={"Accept": "application/json"}).json()
          ["lines"][0]["qty"] == 1, "b's line untouched")


@test
def cart_cookie_is_secure_when_the_store_is_https():
    from harness import Stack
    s = Stack(demo=True)
    try:
        https = "https://127.0.0.1:%d" % s.port
        s.env["SOUK_BASE_URL"] = https
        s.start()
        pid, plan = product(s, "iptv-gold-4k")
        r = s.post("/cart/add", {"product": str(pid), "plan": str(plan)},
                   headers={"Origin": https})
        check(r.status == 303, r)
        check("; Secure" in (r.header("Set-Cookie") or ""), "Secure flag")
        check(r.header("Location").startswith(https + "/cart"), "https link")
    finally:
        s.cleanup()
