"""Online payments against local fake gateways (tests/e2e/fakegw.py, on
127.0.0.1): Stripe Checkout by card and the Flouci wallet through their
hosted pages, the verified return, signed webhooks (forged, modified,
stale, unknown, redelivered 10 times in a row and 10 at once),
amount/currency mismatches, a gateway down or slow and reconciliation by
`soukctl cron`, expiry releasing stock, refunds (partial, full, refused)
by `soukctl order refund`."""
import os
import re
import threading
import time
import urllib.parse

from harness import Stack, check, test
from shop import ADDRESS, Shopper, db, execute, one
from mailtest import closed_port
import fakegw

_store = None


def store():
    """One store and one pair of fakes for this module (started once)."""
    global _store
    if _store is None:
        fake = fakegw.FakeGateways()
        s = Stack(env=fake.env())
        fake.shop = s.base
        s.start()
        _store = (s, fake)
    s, fake = _store
    if not fake.running:                # a test stopped it and failed
        fake.start()
    fake.delay = 0
    fake.down = False
    fake.webhooks = True
    fake.refuse_refunds = None
    fake.charge_amount = None
    fake.charge_currency = None
    return s, fake


def place(s, method, slug="iptv-gold-4k"):
    """A shopper places an order paid by method; returns (shopper, the
    answer to the placement, order token)."""
    b = Shopper(s)
    b.add(slug)
    r = b.place(ADDRESS if slug.startswith("hdmi") else None,
                payment=method)
    check(r.status == 303, "placed: %d %s" % (r.status, r.text[:300]))
    token = one(s, "SELECT token FROM orders WHERE email = ? ORDER BY id "
                "DESC LIMIT 1", "amira@example.com")
    return b, r, token


def hosted(fake, location, op="pay"):
    """The shopper presses Pay (or Cancel) on the fake's hosted page;
    returns where the gateway sends them back."""
    check(location.startswith(fake.base + "/"), "to the gateway: " +
          location)
    import http.client
    u = urllib.parse.urlparse(location)
    conn = http.client.HTTPConnection("127.0.0.1", u.port, timeout=30)
    conn.request("POST", u.path, body="op=" + op, headers={
        "Content-Type": "application/x-www-form-urlencoded"})
    r = conn.getresponse()
    r.read()
    loc = r.getheader("Location")
    conn.close()
    check(r.status == 303, "hosted page answered %d" % r.status)
    return loc


def back(b, s, url):
    """The shopper's browser follows the gateway's redirect to the shop."""
    check(url.startswith(s.base + "/pay/"), "return URL " + url)
    return b.get(url[len(s.base):])


def status(s, token):
    return one(s, "SELECT status FROM orders WHERE token = ?", token)


def paid_mails(s, token):
    ref = one(s, "SELECT reference FROM orders WHERE token = ?", token)
    return one(s, "SELECT count(*) FROM mail_outbox WHERE subject LIKE ?",
               "Payment received for order " + ref + "%")


def paid_events(s, token):
    return one(s, "SELECT count(*) FROM order_events e JOIN orders o ON "
               "o.id = e.order_id WHERE o.token = ? AND e.status = 'paid'",
               token)


def payment(s, token, col="status"):
    return one(s, "SELECT p.%s FROM payments p JOIN orders o ON o.id = "
               "p.order_id WHERE o.token = ? ORDER BY p.id DESC LIMIT 1"
               % col, token)


@test
def stripe_card_happy_path_webhook_then_return():
    s, fake = store()
    b, r, token = place(s, "card")
    loc = r.header("Location")
    check(loc.startswith(fake.base + "/stripe/pay/cs_test_"), loc)
    sess = fake.sessions[loc.rsplit("/", 1)[1]]
    total = one(s, "SELECT total_minor FROM orders WHERE token = ?", token)
    check(sess["amount_total"] == total and sess["currency"] == "tnd",
          "amount in minor units, currency lower case")
    check(status(s, token) == "awaiting_payment", "not paid on placement")
    ret = hosted(fake, loc)
    check(fake.hook_answers[-1][0] == 200 and "applied" in
          fake.hook_answers[-1][1], "webhook applied: %r" %
          (fake.hook_answers[-1],))
    r = back(b, s, ret)
    check(r.status == 303 and r.header("Location").endswith(
        "/order/%s?paid=1" % token), "return -> order page")
    page = b.get("/order/%s?paid=1" % token).text
    check("Your payment is confirmed" in page and "Paid" in page, "shown")
    check(status(s, token) == "paid" and paid_events(s, token) == 1 and
          paid_mails(s, token) == 1, "paid once, one mail")
    check(payment(s, token) == "paid" and payment(s, token, "mode") ==
          "test" and payment(s, token, "charge_ref").startswith("pi_"),
          "payment row")
    keys = [k for m, p, k in fake.calls if m == "POST"]
    check(all(k and k.startswith("souk-") for k in keys),
          "an Idempotency-Key on every POST")


@test
def flouci_wallet_happy_path():
    s, fake = store()
    b, r, token = place(s, "wallet")
    loc = r.header("Location")
    check(loc.startswith(fake.base + "/flouci/pay/"), loc)
    p = fake.flouci[loc.rsplit("/", 1)[1]]
    ref = one(s, "SELECT reference FROM orders WHERE token = ?", token)
    check(p["developer_tracking_id"] == ref and p["webhook"] ==
          s.base + "/hooks/flouci" and p["timeout"] == 1800,
          "tracking id, webhook, session timeout")
    ret = hosted(fake, loc)
    check(fake.hook_answers[-1][0] == 200, "webhook answered")
    r = back(b, s, ret)
    check(r.header("Location").endswith("?paid=1"), "paid on return")
    check(status(s, token) == "paid" and paid_mails(s, token) == 1 and
          paid_events(s, token) == 1, "paid once")


@test
def return_without_webhook_verifies_with_gateway():
    s, fake = store()
    fake.webhooks = False
    b, r, token = place(s, "card")
    # The return URL alone does not pay: the session is still open.
    r = b.get("/pay/%s/return" % token)
    check(r.header("Location").endswith("?payfail=1") and
          status(s, token) == "awaiting_payment", "return before paying")
    ret = hosted(fake, payment(s, token, "url"))
    check(status(s, token) == "awaiting_payment", "no webhook came")
    r = back(b, s, ret)
    check(r.header("Location").endswith("?paid=1") and
          status(s, token) == "paid" and paid_mails(s, token) == 1,
          "the verify call decided")


@test
def webhook_without_return():
    s, fake = store()
    _, r, token = place(s, "card")
    hosted(fake, r.header("Location"))      # the tab is closed here
    check(status(s, token) == "paid" and paid_mails(s, token) == 1,
          "paid by the webhook alone")


@test
def forged_modified_stale_and_unknown_events_change_nothing():
    s, fake = store()
    fake.webhooks = False
    _, r, token = place(s, "card")
    sid = r.header("Location").rsplit("/", 1)[1]
    sess = fake.complete(sid)             # paid, but nobody told us
    body = fake.stripe_event("checkout.session.completed", sess)
    forged = fakegw.stripe_signature(body, ["whsec_not_ours"])
    check(fake.send_stripe(body, forged)[0] == 400, "forged signature")
    good = fakegw.stripe_signature(body, [fakegw.STRIPE_WHSEC])
    check(fake.send_stripe(body + b" ", good)[0] == 400, "modified body")
    check(fake.send_stripe(body.replace(b'"livemode": false',
                                        b'"livemode": true'), good)[0] ==
          400, "modified field")
    stale = fakegw.stripe_signature(body, [fakegw.STRIPE_WHSEC],
                                    t=int(time.time()) - 301)
    check(fake.send_stripe(body, stale)[0] == 400, "stale timestamp")
    check(fake.send_stripe(body, "v1=abc")[0] == 400, "no timestamp")
    unknown = fake.stripe_event("customer.created", {"id": "cus_1"})
    st, ans = fake.send_stripe(unknown)
    check(st == 200 and "ignored" in ans, "unknown type: 2xx, ignored")
    check(status(s, token) == "awaiting_payment" and
          payment(s, token) == "open", "no state change")
    check(one(s, "SELECT count(*) FROM payment_events WHERE provider_id "
              "= ?", sid) == 0, "refused events not stored")
    # The old secret of a rotation still verifies.
    old = fakegw.stripe_signature(body, [fakegw.STRIPE_WHSEC_OLD])
    st, ans = fake.send_stripe(body, old)
    check(st == 200 and "applied" in ans and status(s, token) == "paid",
          "signed with the previous secret: applied")


@test
def same_event_10_times_in_a_row_and_10_at_once():
    s, fake = store()
    fake.webhooks = False
    for parallel in (False, True):
        _, r, token = place(s, "card")
        sess = fake.complete(r.header("Location").rsplit("/", 1)[1])
        body = fake.stripe_event("checkout.session.completed", sess)
        answers = []
        if parallel:
            ts = [threading.Thread(target=lambda: answers.append(
                fake.send_stripe(body))) for _ in range(10)]
            for t in ts:
                t.start()
            for t in ts:
                t.join()
        else:
            answers = [fake.send_stripe(body) for _ in range(10)]
        check(all(a[0] == 200 for a in answers), "all 2xx: %r" % answers)
        check(sum("applied" in a[1] for a in answers) == 1,
              "applied once: %r" % answers)
        check(paid_events(s, token) == 1 and paid_mails(s, token) == 1,
              "one transition, one mail (parallel=%s)" % parallel)
        check(one(s, "SELECT count(*) FROM payment_events WHERE event_id "
                  "= ?", __import__("json").loads(body)["id"]) == 1,
              "stored once")


@test
def amount_or_currency_mismatch_is_flagged_not_paid():
    s, fake = store()
    for knob, value in (("charge_amount", 1), ("charge_currency", "eur")):
        _, r, token = place(s, "card")
        setattr(fake, knob, value)
        hosted(fake, r.header("Location"))
        setattr(fake, knob, None)
        check(status(s, token) == "awaiting_payment", knob + ": not paid")
        check(payment(s, token) == "mismatch", knob + ": flagged")
        check(one(s, "SELECT count(*) FROM order_events e JOIN orders o ON "
                  "o.id = e.order_id WHERE o.token = ? AND e.note = "
                  "'payment_mismatch'", token) == 1, knob + ": history")
        check(paid_mails(s, token) == 0, knob + ": no paid mail")


def down_page(r, s, token, what):
    """The 502 page of an unreachable gateway: the order kept, awaiting
    payment, with the buttons to try again or pay the other way."""
    check(r.status == 502, "%s: %d %s" % (what, r.status, r.text[:300]))
    check('id="pay-down"' in r.text and "could not be reached" in r.text and
          "was not completed" in r.text, "%s: the page says why" % what)
    check('action="/pay/%s"' % token in r.text and 'value="card"' in r.text
          and 'value="wallet"' in r.text, "%s: try again or the other "
          "method" % what)
    check(status(s, token) == "awaiting_payment", "%s: the order waits" % what)


@test
def gateway_unreachable_at_checkout_is_a_502_page_keeping_the_order():
    s, fake = store()
    fake.down = True                        # the API answers 503
    b = Shopper(s)
    b.add("iptv-gold-4k")
    r = b.place(None, payment="card")
    token = one(s, "SELECT token FROM orders ORDER BY id DESC LIMIT 1")
    down_page(r, s, token, "placement, gateway down")
    fake.down = False
    fake.delay = 3                          # over gateway_timeout (2 s)
    t0 = time.time()
    r = b.post("/pay/" + token, {"csrf": b.token("/order/" + token),
                                 "method": "wallet"})
    check(time.time() - t0 < 6, "the shopper waited at most the timeout")
    down_page(r, s, token, "retry, gateway timed out")
    fake.delay = 0
    r = b.post("/pay/" + token, {"csrf": b.token("/order/" + token),
                                 "method": "card"})
    check(r.status == 303 and r.header("Location").startswith(fake.base),
          "the gateway back: the retry goes to it (%d)" % r.status)


@test
def gateway_refusing_connections_at_checkout_is_a_502_page():
    fake = fakegw.FakeGateways()
    env = fake.env()
    fake.stop()
    port = closed_port()
    env["SOUK_STRIPE_API"] = env["SOUK_FLOUCI_API"] = \
        "http://127.0.0.1:%d" % port
    s = Stack(env=env)
    s.start()
    try:
        b = Shopper(s)
        b.add("iptv-gold-4k")
        r = b.place(None, payment="wallet")
        token = one(s, "SELECT token FROM orders ORDER BY id DESC LIMIT 1")
        down_page(r, s, token, "placement, connection refused")
        r = b.post("/pay/" + token, {"csrf": b.token("/order/" + token),
                                     "method": "card"})
        down_page(r, s, token, "retry, connection refused")
        check(one(s, "SELECT count(*) FROM payments p JOIN orders o ON "
                  "o.id = p.order_id WHERE o.token = ?", token) == 0,
              "no payment recorded")
    finally:
        s.stop()
        reports = s.sanitizer_reports()
        s.cleanup()
    check(not reports, "sanitizer reports:\n" + "\n".join(reports)[:3000])


@test
def gateway_down_or_slow_then_reconciliation():
    s, fake = store()
    fake.down = True
    b = Shopper(s)
    b.add("iptv-gold-4k")
    r = b.place(None, payment="card")
    token = one(s, "SELECT token FROM orders ORDER BY id DESC LIMIT 1")
    down_page(r, s, token, "down")
    fake.down = False
    fake.webhooks = False
    r = b.post("/pay/" + token, {"csrf": b.token("/order/" + token),
                                 "method": "card"})
    check(r.status == 303 and r.header("Location").startswith(fake.base),
          "second try")
    ret = hosted(fake, r.header("Location"))
    fake.delay = 3                          # over gateway_timeout (2 s)
    t0 = time.time()
    r = back(b, s, ret)
    check(time.time() - t0 < 6, "the shopper waited at most the timeout")
    check(r.status == 502 and 'id="pay-wait"' in r.text and
          status(s, token) == "awaiting_payment", "slow: still waiting")
    fake.delay = 0
    execute(s, "UPDATE payments SET created_at = created_at - 120")
    out = s.ctl("cron").stdout
    check("1 paid" in out or " paid" in out, out)
    check(status(s, token) == "paid" and paid_mails(s, token) == 1,
          "reconciliation settled it")


def wait_page(r, s, token, what):
    """The order page of a return the gateway could not confirm: 502, we
    confirm later, no second payment offered, the order waits."""
    check(r.status == 502, "%s: %d %s" % (what, r.status, r.text[:300]))
    check('id="pay-wait"' in r.text and "could not be reached" in r.text and
          "do not pay again" in r.text and "was not completed" not in
          r.text, "%s: the page says we confirm later" % what)
    check('action="/pay/%s"' % token not in r.text, "%s: no Pay button" %
          what)
    check('href="/pay/%s/return"' % token in r.text, "%s: check again" %
          what)
    check(status(s, token) == "awaiting_payment" and payment(s, token) ==
          "open", "%s: the order and its payment wait" % what)


@test
def return_with_gateway_stopped_waits_then_confirms():
    s, fake = store()
    fake.webhooks = False
    b, r, token = place(s, "card")
    ret = hosted(fake, r.header("Location"))     # paid at the gateway
    fake.stop()                                  # connections refused
    try:
        r = back(b, s, ret)
        wait_page(r, s, token, "card, gateway stopped")
        r = b.get("/order/" + token)
        check(r.status == 200 and 'id="pay-wait"' not in r.text,
              "the order page itself is the usual one")
    finally:
        fake.start()
    check(paid_mails(s, token) == 0, "nothing paid while unconfirmed")
    r = back(b, s, ret)                          # a later return
    check(r.status == 303 and r.header("Location").endswith("?paid=1") and
          status(s, token) == "paid" and paid_mails(s, token) == 1,
          "the later return confirms it once")
    # soukctl cron settles a second one; a cancel stays a failure.
    b, r, token = place(s, "wallet")
    ret = hosted(fake, r.header("Location"))
    fake.stop()
    try:
        wait_page(back(b, s, ret), s, token, "wallet, gateway stopped")
    finally:
        fake.start()
    execute(s, "UPDATE payments SET created_at = created_at - 120")
    s.ctl("cron")
    check(status(s, token) == "paid" and paid_mails(s, token) == 1,
          "reconciliation confirms it")
    b, r, token = place(s, "card")
    ret = hosted(fake, r.header("Location"), op="cancel")
    check("failed=1" in ret, "the cancel link: " + ret)
    fake.stop()
    try:
        down_page(back(b, s, ret), s, token, "cancelled, gateway stopped")
    finally:
        fake.start()


@test
def double_click_and_reload_reuse_one_session():
    s, fake = store()
    fake.webhooks = False
    b, r, token = place(s, "wallet")
    first = r.header("Location")
    csrf = b.token("/order/" + token)
    again = [b.post("/pay/" + token, {"csrf": csrf, "method": "wallet"})
             for _ in range(3)]
    check(all(a.header("Location") == first for a in again),
          "one open payment reused")
    check(one(s, "SELECT count(*) FROM payments p JOIN orders o ON o.id = "
              "p.order_id WHERE o.token = ?", token) == 1, "one row")
    r = b.post("/pay/" + token, {"method": "wallet"})
    check(r.status == 403, "CSRF required")


@test
def cancelled_payment_then_expiry_releases_stock():
    s, fake = store()
    slug = "hdmi-2-1-cable-2m"
    before = one(s, "SELECT stock FROM products WHERE slug = ?", slug)
    b, r, token = place(s, "wallet", slug)
    check(one(s, "SELECT stock FROM products WHERE slug = ?", slug) ==
          before - 1, "stock taken")
    ret = hosted(fake, r.header("Location"), op="cancel")
    r = back(b, s, ret)
    check(r.header("Location").endswith("?payfail=1") and
          payment(s, token) == "failed", "cancelled at Flouci")
    execute(s, "UPDATE orders SET created_at = created_at - 7201 WHERE "
            "token = ?", token)
    s.ctl("cron")
    check(status(s, token) == "cancelled" and one(
        s, "SELECT stock FROM products WHERE slug = ?", slug) == before,
        "expired, stock released")
    s.ctl("cron")
    check(one(s, "SELECT stock FROM products WHERE slug = ?", slug) ==
          before, "released once")


@test
def refunds_partial_full_and_refused():
    s, fake = store()
    b = Shopper(s)
    b.add("hdmi-2-1-cable-2m", qty=2)
    r = b.place(ADDRESS, payment="card")
    check(r.status == 303, "placed: %d" % r.status)
    token = one(s, "SELECT token FROM orders ORDER BY id DESC LIMIT 1")
    hosted(fake, r.header("Location"))
    ref = one(s, "SELECT reference FROM orders WHERE token = ?", token)
    total = one(s, "SELECT total_minor FROM orders WHERE token = ?", token)
    unit = one(s, "SELECT i.price_minor FROM order_items i JOIN orders o "
               "ON o.id = i.order_id WHERE o.token = ?", token)
    check(status(s, token) == "paid", "paid by card")
    p = s.ctl("order", "refund", ref, "--amount", "10", check_rc=False)
    check(p.returncode != 0 and "--line N --qty Q" in p.stderr, p.stderr)
    fake.refuse_refunds = "Insufficient balance"
    p = s.ctl("order", "refund", ref, "--line", "1", "--qty", "1",
              check_rc=False)
    check(p.returncode == 1 and "Insufficient balance" in p.stderr,
          p.stderr)
    check(status(s, token) == "paid", "a refused refund changes nothing")
    fake.refuse_refunds = None
    p = s.ctl("order", "refund", ref, "--line", "1", "--qty", "1")
    check("refunded (re_" in p.stdout, p.stdout)
    check(status(s, token) == "paid" and payment(s, token,
          "refunded_minor") == unit, "partial: one unit")
    p = s.ctl("order", "refund", ref, "--line", "1", "--qty", "5",
              check_rc=False)
    check(p.returncode == 1 and "more than" in p.stderr, "too much")
    p = s.ctl("order", "refund", ref, "--line", "2", "--qty", "1",
              check_rc=False)
    check(p.returncode == 1 and "no line 2" in p.stderr, p.stderr)
    p = s.ctl("order", "refund", ref)
    check(status(s, token) == "refunded" and payment(s, token) ==
          "refunded" and sum(x["amount"] for x in fake.refunds
                             if x.get("payment_intent") ==
                             payment(s, token, "charge_ref")) == total,
          "the rest: order refunded")
    p = s.ctl("order", "refund", ref, check_rc=False)
    check(p.returncode == 1 and "refunded: only a paid" in p.stderr,
          "nothing left: %s" % p.stderr)
    c = db(s)
    rows = c.execute("SELECT status, provider_refund_id FROM "
                     "payment_refunds ORDER BY id").fetchall()
    mine = c.execute("SELECT r.kind, r.status, r.amount_minor, r.staff "
                     "FROM order_refunds r JOIN orders o ON o.id = "
                     "r.order_id WHERE o.token = ? ORDER BY r.id",
                     (token,)).fetchall()
    c.close()
    check([x[0] for x in rows[-3:]] == ["refused", "done", "done"] and
          rows[-1][1].startswith("re_"), "refund ids recorded: %r" % rows)
    check(mine == [("lines", "refused", unit, "soukctl"),
                   ("lines", "done", unit, "soukctl"),
                   ("full", "done", total - unit, "soukctl")],
          "the admin's refund rows: %r" % mine)


# Delivery through the gateways (docs/delivery.md): the payment's own
# transaction (order_transition -> delivery_on_status) grants what the
# order bought, whichever path marked it paid.

FILM = "the-last-caravan-film"
IPTV = "iptv-family-3-screens"


def downloads_on(b, token):
    return re.findall(r'href="(/download/[^"]+)"',
                      b.get("/order/" + token).text)


@test
def card_payment_grants_the_download_and_a_full_refund_takes_it_back():
    s, fake = store()
    path = os.path.join(s.dir, "caravan.mp4")
    with open(path, "wb") as f:
        f.write(b"film bytes paid by card")
    s.ctl("media", "add", path, "--product", FILM)
    b, r, token = place(s, "card", slug=FILM)
    check(downloads_on(b, token) == [], "nothing to download before paying")
    ret = hosted(fake, r.header("Location"))
    check(fake.hook_answers[-1][0] == 200, "webhook answered")
    back(b, s, ret)
    check(status(s, token) == "paid", "paid by the gateway")
    check(one(s, "SELECT count(*) FROM entitlements e JOIN orders o ON "
              "o.id = e.order_id WHERE o.token = ? AND e.revoked_at IS "
              "NULL", token) == 1, "one entitlement, granted once "
          "(webhook and return both seen)")
    links = downloads_on(b, token)
    check(len(links) == 1, "the order page offers the film: %r" % links)
    got = s.get(links[0])
    check(got.status == 200 and got.body == b"film bytes paid by card",
          "downloaded through nginx: %d" % got.status)
    ref = one(s, "SELECT reference FROM orders WHERE token = ?", token)
    s.ctl("order", "refund", ref)
    check(status(s, token) == "refunded", "refunded through the gateway")
    check(one(s, "SELECT count(*) FROM entitlements e JOIN orders o ON "
              "o.id = e.order_id WHERE o.token = ? AND e.revoked_at IS "
              "NOT NULL", token) == 1, "the refund revoked it")
    again = s.get(links[0])
    check(again.status == 403 and "fresh link" in again.text,
          "the old link is refused: %d" % again.status)


@test
def wallet_payment_starts_the_subscription_with_pool_credentials():
    s, fake = store()
    path = os.path.join(s.dir, "pool.csv")
    with open(path, "w") as f:
        f.write("username,password,portal\n"
                "walletuser,Wallet-Pw-42-plugh,http://portal.example/w\n")
    s.ctl("credentials", "import", path, "--product", IPTV)
    b = Shopper(s)
    b.add(IPTV)
    r = b.place({"email": "wallet.buyer@example.com"}, payment="wallet")
    check(r.status == 303, "placed: %d" % r.status)
    token = one(s, "SELECT token FROM orders WHERE email = ? ORDER BY id "
                "DESC LIMIT 1", "wallet.buyer@example.com")
    ret = hosted(fake, r.header("Location"))
    back(b, s, ret)
    check(status(s, token) == "paid", "paid by Flouci")
    row = one(s, "SELECT s.access || '/' || count(c.id) FROM subscriptions "
              "s JOIN orders o ON o.id = s.order_id LEFT JOIN credentials c "
              "ON c.subscription_id = s.id WHERE o.token = ?", token)
    check(row == "ready/1", "subscription started with its credential: %r"
          % row)
    page = b.get("/order/" + token).text
    check("walletuser" in page and "Wallet-Pw-42-plugh" in page,
          "the guest's order page shows the access details")
    body = one(s, "SELECT body_text FROM mail_outbox WHERE to_addr = ? AND "
               "subject LIKE 'Your access is ready%'",
               "wallet.buyer@example.com")
    check(body and "/order/" + token in body and "Wallet-Pw" not in body,
          "the mail links to the page, without the secret")


# Last: the module's store stops (tests after this would start another
# that nobody stops).
@test
def payments_store_stops_without_sanitizer_reports():
    global _store
    s, fake = store()
    _store = None
    s.stop()
    reports = s.sanitizer_reports()
    s.cleanup()
    fake.stop()
    check(not reports, "sanitizer reports:\n" + "\n".join(reports)[:3000])
