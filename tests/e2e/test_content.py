"""Content pages, FAQ, banners, shop identity, wishlist and "notify me"
through the real nginx with a real SMTP server (aiosmtpd): pages in both
languages with the fallback, Markdown/HTML injection inert, footer and
checkout links, the wishlist (add, remove, move to cart), back-in-stock
mail exactly once from the store's own stock change (an order cancelled
by soukctl), its unsubscribe link, and the notify-me rate limits."""
import re
import subprocess
import os

import harness
from harness import test, check, SmtpSink, strip_tags
from mailtest import Stacks, mail_env, wait_until, mail_run, count, decoded
from shop import Shopper, hidden, execute, one, product, ADDRESS
from staff import mails_to

stacks = Stacks()
PW = "tangerine-orbit-42"


def content_stack():
    def make():
        sink = SmtpSink()
        stacks.extra.append(sink)
        env = mail_env(smtp_port=sink.port)
        env.update({
            "SOUK_REGISTER_RATE_LIMIT": "1000",
            "SOUK_SHOP_LEGAL_NAME": "Souk Digital SARL",
            "SOUK_SHOP_ADDRESS": "12 rue de Marseille, Tunis",
            "SOUK_SHOP_PHONE": "+216 71 000 111",
            "SOUK_SHOP_WHATSAPP": "+216 20 123 456",
            "SOUK_SHOP_HOURS": "Mon-Sat 9:00-18:00",
            "SOUK_NOTIFY_RATE_LIMIT": "4",
            "SOUK_NOTIFY_ADDRESS_LIMIT": "2",
        })
        s = harness.Stack(env=env)
        s.sink = sink
        return s.start()
    return stacks.get("content", make)


def ctl(s, *args, input=None):
    return subprocess.run([os.path.join(s.bin, "soukctl")] + list(args),
                          env=s.env, capture_output=True, text=True,
                          input=input, timeout=60)


def body_of(msg):
    for part in msg["msg"].walk():
        if part.get_content_type() == "text/plain":
            return part.get_payload(decode=True).decode("utf-8")
    return ""


def customer(s, email):
    """A verified, logged-in customer's Shopper."""
    sh = Shopper(s)
    r = sh.get("/account/register")
    r = sh.post("/account/register", {"name": "Wish Test", "email": email,
                                       "password": PW,
                                       "csrf": hidden(r.text, "csrf")})
    check(r.status == 303, "%r %s" % (r, s.logs("account")[-1500:]))
    wait_until(lambda: mails_to(s, email), what="verification mail")
    url = re.search(r"http://\S+/account/verify\?token=\S+",
                    body_of(mails_to(s, email)[0])).group(0)
    r = sh.get("/" + url.split("/", 3)[3])
    check(r.status == 303, "%r %s" % (r, s.logs("account")[-1500:]))
    r = sh.get("/account/login")
    r = sh.post("/account/login", {"email": email, "password": PW,
                                    "csrf": hidden(r.text, "csrf")})
    check(r.status == 303, "%r %s" % (r, s.logs("account")[-1500:]))
    return sh


@test
def pages_both_languages_with_fallback_and_cacheable():
    s = content_stack()
    r = s.get("/page/terms")
    check(r.status == 200 and "Terms of sale" in r.text, r)
    check("no-store" not in (r.header("Cache-Control") or ""),
          "a content page must stay micro-cacheable: %r" %
          r.header("Cache-Control"))
    fr = s.get("/page/terms?lang=fr").text
    check("Conditions générales de vente" in fr, "French terms page")
    for slug in ("refunds", "delivery", "privacy", "about"):
        check(s.get("/page/" + slug).status == 200, slug)
        check(s.get("/page/%s?lang=fr" % slug).status == 200, slug + " fr")
    p = ctl(s, "page", "set", "shipping-faq", "en", "Only English", "-",
            input="Just **English** here.\n")
    check(p.returncode == 0, p.stderr)
    fr = s.get("/page/shipping-faq?lang=fr").text
    check("Only English" in fr and "<strong>English</strong>" in fr and
          "pas encore traduite" in fr, "fallback to English with a note")
    check(s.get("/page/no-such-page").status == 404, "unknown page")
    check(s.get("/page/Bad%20Slug").status == 404, "bad slug")


@test
def markdown_and_html_injection_render_inert():
    s = content_stack()
    md = ("Hello <script>alert(1)</script>\n\n"
          "[click](javascript:alert(2)) [vb](vbscript:x) [d](data:text/html,x)"
          " [ok](/page/about) [web](https://example.com/) [m](mailto:a@b.example)"
          " [proto](//evil.example/x) [bs](/\\evil.example)\n\n"
          "<img src=x onerror=alert(3)>\n\n<iframe src=//evil></iframe>\n\n"
          "![pic](javascript:alert(4))\n")
    p = ctl(s, "page", "set", "xss", "en", "<b>Title</b>", "-", input=md)
    check(p.returncode == 0, p.stderr)
    t = s.get("/page/xss").text
    body = t[t.index('class="prose"'):t.index('class="updated"')]
    for bad in ("<script", "javascript:", "vbscript:", "data:text",
                "onerror", "<iframe", "<img", "//evil", "\\evil"):
        check(bad not in body, "%s survived: %s" % (bad, body))
    for good in ('href="/page/about"', 'href="https://example.com/"',
                 'href="mailto:a@b.example"', "<p>click vb d "):
        check(good in body, "%s missing: %s" % (good, body))
    check("&lt;b&gt;Title&lt;/b&gt;" in t and "<b>Title" not in t,
          "title escaped")
    # FAQ answers go through the same renderer.
    p = ctl(s, "faq", "add", "en", "Tests", "Is <i>this</i> safe?", "-",
            input="[x](javascript:alert(5)) <script>x</script>\n")
    check(p.returncode == 0, p.stderr)
    f = s.get("/faq").text
    check("javascript:" not in f and "<script>x" not in f and
          "Is &lt;i&gt;this&lt;/i&gt; safe?" in f, "FAQ inert")


@test
def faq_banners_footer_identity_and_terms_link():
    s = content_stack()
    f = s.get("/faq").text
    check("How do I track my order?" in f and "Orders" in f, "FAQ en")
    ff = s.get("/faq?lang=fr").text
    check("Comment suivre ma commande\u202f?" in ff, "FAQ fr, narrow nbsp")
    home = s.get("/").text
    check('id="trust-banners"' in home and "Secure payment" in home, "banners")
    check("Paiement sécurisé" in s.get("/?lang=fr").text, "banners fr")
    p = ctl(s, "banner", "set", "support", "en", "Help 24/7", "Any time", "3")
    check(p.returncode == 0, p.stderr)
    wait_until(lambda: "Help 24/7" in s.get("/").text, what="banner edit")
    for href in ("/page/terms", "/page/refunds", "/page/delivery",
                 "/page/privacy", "/page/about", "/faq", "/contact"):
        check('href="%s"' % href in home, "footer lacks " + href)
    check("Souk Digital SARL" in home and "12 rue de Marseille" in home and
          'href="tel:+21671000111"' in home and
          'href="https://wa.me/21620123456"' in home and
          "Mon-Sat 9:00-18:00" in home, "identity in the footer")
    c = s.get("/contact").text
    check('id="contact-identity"' in c and 'id="contact-whatsapp"' in c,
          "identity on the contact page")
    sh = Shopper(s)
    sh.add("mi-box-s-2")
    r = sh.get("/checkout")
    check(r.status == 200 and 'id="terms-link"' in r.text and
          'href="/page/terms"' in r.text, "checkout links the terms")


@test
def wishlist_add_remove_move_to_cart():
    s = content_stack()
    sh = customer(s, "wish1@buyer.example")
    pid, _ = product(s, "mi-box-s-2")
    r = sh.get("/p/mi-box-s-2")
    check('id="wish-add"' in r.text, "add button for a customer")
    check('id="wish-login"' in s.get("/p/mi-box-s-2").text,
          "anonymous visitors get a login link")
    tok = hidden(r.text, "csrf")
    r = sh.post("/account/wishlist/add", {"product": str(pid), "csrf": "x"})
    check(r.status == 403, "forged token: %r" % r)
    r = sh.post("/account/wishlist/add", {"product": str(pid), "csrf": tok})
    check(r.status == 303 and r.header("Location").endswith("/p/mi-box-s-2"),
          "%r %s" % (r, s.logs("wishlist")[-2000:]))
    check('id="wish-remove"' in sh.get("/p/mi-box-s-2").text, "in the list")
    lst = sh.get("/account/wishlist").text
    check('id="wish-%d"' % pid in lst, "listed")
    r = sh.post("/account/wishlist/remove", {"product": str(pid),
                                              "csrf": hidden(lst, "csrf")})
    check(r.status == 303, "%r %s" % (r, s.logs("wishlist")[-1500:]))
    check('id="wish-empty"' in sh.get("/account/wishlist").text, "removed")
    sh.post("/account/wishlist/add", {"product": str(pid), "csrf": tok})
    lst = sh.get("/account/wishlist").text
    r = sh.post("/account/wishlist/move", {"product": str(pid),
                                            "csrf": hidden(lst, "csrf")})
    check(r.status == 303 and r.header("Location").endswith("/cart"), "%r %s" % (r, s.logs("wishlist")[-1500:]))
    check("mi-box-s-2" in sh.get("/cart").text or
          "Mi Box S" in sh.get("/cart").text, "moved into the cart")
    check('id="wish-empty"' in sh.get("/account/wishlist").text,
          "moved out of the list")
    anon = Shopper(s)
    r = anon.get("/account/wishlist")
    check(r.status == 303 and "/account/login" in r.header("Location"),
          "%r %s" % (r, s.logs("wishlist")[-1500:]))


def buy_last_unit(s, slug):
    """Places an order for the last unit of slug; its order id."""
    execute(s, "UPDATE products SET stock = 1 WHERE slug = ?", slug)
    b = Shopper(s)
    b.add(slug)
    r = b.place(ADDRESS)
    check(r.status == 303, "order: %r %s" % (r, re.findall(
        r'field-error[^>]*>([^<]*)', r.text)))
    check(one(s, "SELECT stock FROM products WHERE slug = ?", slug) == 0,
          "sold out")
    return one(s, "SELECT max(id) FROM orders")


@test
def back_in_stock_mail_once_and_unsubscribe():
    s = content_stack()
    slug = "mi-box-s-2"
    pid, _ = product(s, slug)
    sh = customer(s, "wish2@buyer.example")
    tok = hidden(sh.get("/p/" + slug).text, "csrf")
    sh.post("/account/wishlist/add", {"product": str(pid), "csrf": tok})
    # Notify me, from an anonymous visitor, while it is sold out.
    oid = buy_last_unit(s, slug)
    # (the anonymous page is micro-cached for a moment)
    wait_until(lambda: 'id="notify-link"' in s.get("/p/" + slug).text,
               what="notify link on the sold-out page")
    anon = Shopper(s)
    r = anon.get("/notify?product=%d" % pid)
    check(r.status == 200 and 'id="notify-form"' in r.text, r)
    r = anon.post("/notify", {"product": str(pid), "csrf": hidden(r.text, "csrf"),
                              "email": "Alert.Me@Buyer.example"})
    check(r.status == 200 and 'id="notify-done"' in r.text, r)
    check(count(s, "stock_alerts") == 1, "alert stored")
    p = ctl(s, "order", "cancel", str(oid))
    check(p.returncode == 0, p.stderr)
    mail_run(s, smtp_port=s.sink.port)
    wait_until(lambda: mails_to(s, "wish2@buyer.example")[1:] and
               mails_to(s, "Alert.Me@Buyer.example"), what="watch mails")
    wm = [m for m in mails_to(s, "wish2@buyer.example")
          if "Back in stock" in decoded(m["msg"], "Subject")]
    am = mails_to(s, "Alert.Me@Buyer.example")
    check(len(wm) == 1 and len(am) == 1, "one mail each: %d %d" %
          (len(wm), len(am)))
    check("/p/" + slug in body_of(am[0]), "product link")
    check(count(s, "stock_alerts") == 0, "alert used up")
    # Another restock: nothing more (once per change).
    execute(s, "UPDATE products SET stock = 5 WHERE slug = ?", slug)
    p = ctl(s, "cron")
    mail_run(s, smtp_port=s.sink.port)
    check(len([m for m in mails_to(s, "wish2@buyer.example")
               if "Back in stock" in decoded(m["msg"], "Subject")]) == 1,
          "mailed twice")
    # The unsubscribe link: a page with one button, then no more mail.
    url = re.search(r"http://\S+/notify/stop\?\S+", body_of(wm[0])).group(0)
    path = "/" + url.split("/", 3)[3]
    # A signature with its first character changed (to one it is not:
    # replacing it by a fixed "0" left it valid whenever it began with 0).
    bad = anon.get(re.sub(r"sig=(\w)", lambda m: "sig=" + (
        "1" if m.group(1) == "0" else "0"), path))
    check(bad.status == 400 and 'id="stop-bad"' in bad.text, bad)
    r = anon.get(path)
    check(r.status == 200 and 'id="stop-form"' in r.text, r)
    f = {k: hidden(r.text, k) for k in ("csrf", "k", "id", "sig")}
    r = anon.post("/notify/stop", f)
    check(r.status == 200 and 'id="stop-done"' in r.text, r)
    check(count(s, "wish_optout") == 1, "opted out")
    oid = buy_last_unit(s, slug)
    check(ctl(s, "order", "cancel", str(oid)).returncode == 0, "cancel")
    mail_run(s, smtp_port=s.sink.port)
    check(len([m for m in mails_to(s, "wish2@buyer.example")
               if "Back in stock" in decoded(m["msg"], "Subject")]) == 1,
          "mail after unsubscribing")


@test
def notify_me_rate_limits_and_no_typed_text():
    s = content_stack()
    execute(s, "UPDATE products SET stock = 0 WHERE slug = 'mi-box-s-2'")
    # Earlier tests of this module asked from the same address.
    execute(s, "DELETE FROM rate_hits WHERE bucket LIKE 'notify%'")
    pid, _ = product(s, "mi-box-s-2")
    sh = Shopper(s)
    tok = hidden(sh.get("/notify?product=%d" % pid).text, "csrf")

    def ask(addr):
        return sh.post("/notify", {"product": str(pid), "csrf": tok,
                                   "email": addr})
    check(ask("x\r\nBcc: y@evil.example").status == 400, "header injection")
    check(ask("same@limit.example").status == 200, "first")
    check(ask("SAME@limit.example").status == 200, "second (same address)")
    r = ask("same@limit.example")
    check(r.status == 429 and 'id="notify-limit"' in r.text and
          r.header("Retry-After"), "per-address limit: %r" % r)
    # The per-client limit (4 per hour, 3 already used).
    # The per-client limit (4 per hour; the refused request counted
    # nothing: its transaction rolled back).
    check(ask("other1@limit.example").status == 200, "third")
    check(ask("other2@limit.example").status == 200, "fourth")
    check(ask("other3@limit.example").status == 429, "per-client limit")
    check(sh.post("/notify", {"product": str(pid), "csrf": "bad",
                              "email": "z@limit.example"}).status == 403,
          "forged token")
    stacks.stop_all()
