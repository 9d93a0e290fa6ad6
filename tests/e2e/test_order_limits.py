"""Order limits and unpaid-order expiry (docs/order-limits.md), each on a store
of its own with small limits: the per-address order and proof rate limits
(429 with Retry-After), the per-line and per-order quantity caps through
the cart and through a cart forged in the database and posted straight to
checkout (the store's rule in db_order_place), the proof byte budgets per
order (413) and per address (429), and `soukctl cron` cancelling unpaid
orders past their hold with an injected clock (--now): stock back, one
mail, even with two crons at once; an order with a proof waiting for
review and a fresh order are kept."""
import os
import re
import subprocess
import time

from harness import SmtpSink, Stack, check, test
from shop import (ADDRESS, PNG, Shopper, db, execute, one, order_token,
                  product, set_stock, strip, upload)


def place_one(s, slug="hdmi-2-1-cable-2m", qty=1, **fields):
    """A new shopper orders qty of slug; returns (shopper, response)."""
    b = Shopper(s)
    check(b.add(slug, qty=qty).status == 303, "added " + slug)
    f = dict(ADDRESS)
    f.update(fields)
    return b, b.place(f)


def retry_after(r):
    v = r.header("Retry-After") or ""
    check(v.isdigit() and 1 <= int(v) <= 86400, "Retry-After %r" % v)
    return int(v)


def png(size):
    """A file proof_sniff takes for a PNG, exactly size bytes long."""
    return PNG + b"\0" * (size - len(PNG))


def count_orders(s):
    return one(s, "SELECT count(*) FROM orders")


@test
def orders_per_address_are_rate_limited():
    with Stack(env={"SOUK_ORDER_RATE_LIMIT": "2"}) as s:
        s.start()
        stock = one(s, "SELECT stock FROM products WHERE slug = "
                    "'hdmi-2-1-cable-2m'")
        first, r = place_one(s)
        token = order_token(r)
        _, r = place_one(s)
        order_token(r)
        b, r = place_one(s)
        check(r.status == 429, "third order in the hour -> %d" % r.status)
        retry_after(r)
        t = strip(r.text)
        check("Several orders were placed from your network" in t and
              "minutes before placing another one" in t, t[:600])
        check('name="name"' in r.text, "the form is shown again")
        check(count_orders(s) == 2, "no third order")
        check(one(s, "SELECT stock FROM products WHERE slug = "
                  "'hdmi-2-1-cable-2m'") == stock - 2, "no stock taken")
        check(b.get("/cart").text.count('class="cart-line"') == 1,
              "the refused shopper keeps the cart")
        # The order already placed is still reachable (not a new order).
        check(first.get("/order/" + token).status == 200, "order page")
        check("order: rate limit reached" in s.logs("checkout"), "logged")


@test
def proofs_per_address_are_rate_limited():
    with Stack(env={"SOUK_PROOF_RATE_LIMIT": "2"}) as s:
        s.start()
        b, r = place_one(s)
        token = order_token(r)
        for i in range(2):
            r = upload(b, token, [("proof", "p%d.png" % i, "image/png", PNG)])
            check(r.status == 303, "proof %d -> %d" % (i, r.status))
        r = upload(b, token, [("proof", "p3.png", "image/png", PNG)])
        check(r.status == 429, "third proof in the hour -> %d" % r.status)
        retry_after(r)
        t = strip(r.text)
        check("Several payment proofs were sent from your network" in t and
              "Please try again in about" in t, t[:800])
        oid = one(s, "SELECT id FROM orders WHERE token = ?", token)
        check(one(s, "SELECT count(*) FROM payment_proofs WHERE order_id = ?",
                  oid) == 2, "two proofs kept")
        files = os.listdir(os.path.join(s.env["SOUK_DATA_DIR"], "proofs"))
        check(len(files) == 2, "nothing stored for the refused one %r" %
              files)
        check(one(s, "SELECT count(*) FROM mail_outbox WHERE subject LIKE "
                  "'Payment proof%'") == 2, "two shop mails, not three")


@test
def proof_bytes_are_budgeted_per_order_and_per_address():
    env = {"SOUK_PROOF_ORDER_BYTES": "4000",
           "SOUK_PROOF_ADDRESS_BYTES": "3500"}
    with Stack(env=env) as s:
        s.start()
        a, r = place_one(s)
        ta = order_token(r)
        for i in range(2):
            r = upload(a, ta, [("proof", "a.png", "image/png", png(1500))])
            check(r.status == 303, "proof %d of order A -> %d" % (i, r.status))
        # Order A holds 3000 bytes: 1500 more is over its 4000.
        r = upload(a, ta, [("proof", "a.png", "image/png", png(1500))])
        check(r.status == 413, "over the order's budget -> %d" % r.status)
        t = strip(r.text)
        check("as many proof files as it can take, at most 4 KB in all" in t,
              t[:800])
        # The address sent 3000 of its 3500 bytes today.
        b, r = place_one(s)
        tb = order_token(r)
        r = upload(b, tb, [("proof", "b.png", "image/png", png(1500))])
        check(r.status == 429, "over the address's budget -> %d" % r.status)
        retry_after(r)
        check("Your network has sent as many proof files today" in
              strip(r.text), strip(r.text)[:800])
        # One file larger than the whole daily budget can never fit.
        r = upload(b, tb, [("proof", "big.png", "image/png", png(3600))])
        check(r.status == 413, "larger than the daily budget -> %d" %
              r.status)
        check("larger than we accept from one connection in a day, at most "
              "4 KB in all" in strip(r.text), strip(r.text)[:800])
        check(one(s, "SELECT coalesce(sum(size), 0) FROM payment_proofs") ==
              3000, "only the accepted bytes are stored")
        files = os.listdir(os.path.join(s.env["SOUK_DATA_DIR"], "proofs"))
        check(len(files) == 2, "files %r" % files)


@test
def quantity_caps_per_line_and_per_order_in_the_cart():
    env = {"SOUK_ORDER_MAX_QTY": "4", "SOUK_ORDER_MAX_UNITS": "6"}
    with Stack(env=env) as s:
        s.start()
        for slug in ("hdmi-2-1-cable-2m", "hdmi-2-1-cable-5m",
                     "fire-tv-stick-4k"):
            set_stock(s, slug, 50)
        t = s.get("/p/hdmi-2-1-cable-2m").text
        check('max="4"' in t and "At most 4 per order" in t,
              "the cap is shown by the quantity field")
        b = Shopper(s)
        r = b.add("hdmi-2-1-cable-2m", qty=9, json=True).json()
        check(r["notice"] == "max" and r["qty"] == 4 and
              "at most 4" in r["message"], "line cap %r" % r)
        r = b.add("hdmi-2-1-cable-5m", qty=5, json=True).json()
        check(r["notice"] == "units" and r["qty"] == 2 and
              "at most 6" in r["message"], "order cap %r" % r)
        r = b.add("fire-tv-stick-4k", qty=1, json=True)
        check(r.status == 409 and r.json()["notice"] == "units" and
              len(r.json()["lines"]) == 2, "no room left %r" % r.json())
        # The plain form says it on the cart page.
        r = b.add("fire-tv-stick-4k", qty=1)
        check(r.status == 303 and "notice=units&n=6" in r.header("Location"),
              r.header("Location"))
        t = strip(b.get(r.header("Location")).text)
        check("One order holds at most 6 units in all" in t, t[:800])
        csrf = b.token()
        h = {"Accept": "application/json"}
        r = b.post("/cart/update", {"csrf": csrf, "line": "2", "qty": "99"},
                   headers=h).json()
        check(r["qty"] == 2 and r["notice"] == "units",
              "update bounded by what the other line leaves %r" % r)
        b.post("/cart/update", {"csrf": csrf, "line": "1", "qty": "1"},
               headers=h)
        r = b.post("/cart/update", {"csrf": csrf, "line": "2", "qty": "99"},
                   headers=h).json()
        check(r["qty"] == 4 and r["notice"] == "max", "line cap %r" % r)
        check("At most 4 per order" in b.get("/cart").text, "shown in cart")


@test
def quantity_caps_hold_at_placement_whatever_the_cart_holds():
    env = {"SOUK_ORDER_MAX_QTY": "4", "SOUK_ORDER_MAX_UNITS": "6"}
    with Stack(env=env) as s:
        s.start()
        set_stock(s, "hdmi-2-1-cable-2m", 50)
        set_stock(s, "hdmi-2-1-cable-5m", 50)
        b = Shopper(s)
        b.add("hdmi-2-1-cable-2m", qty=1)
        # A cart beyond the cap, as one made before the cap was lowered or
        # written past the cart's own checks: checkout must still refuse.
        execute(s, "UPDATE cart_items SET qty = 50")
        t = strip(b.get("/cart").text)
        check("At most 4 per order: lower the quantity." in t, t[:800])
        r = b.place(ADDRESS)
        check(r.status == 409, "over the line cap -> %d" % r.status)
        t = strip(r.text)
        check("You can order at most 4 of HDMI 2.1 cable, 2 m" in t, t[:800])
        check(count_orders(s) == 0, "no order")
        check(one(s, "SELECT stock FROM products WHERE slug = "
                  "'hdmi-2-1-cable-2m'") == 50, "stock untouched")
        # Each line within its cap, 8 units in all.
        execute(s, "UPDATE cart_items SET qty = 4")
        b.add("hdmi-2-1-cable-5m", qty=1)
        execute(s, "UPDATE cart_items SET qty = 4")
        check("One order holds at most 6 units in all: lower a quantity" in
              strip(b.get("/cart").text), "cart page warns")
        r = b.place(ADDRESS)
        check(r.status == 409, "over the order cap -> %d" % r.status)
        check("One order holds at most 6 units in all." in strip(r.text),
              strip(r.text)[:800])
        check(count_orders(s) == 0, "still no order")
        # Within both: placed.
        execute(s, "UPDATE cart_items SET qty = 3")
        order_token(b.place(ADDRESS))
        check(one(s, "SELECT sum(qty) FROM order_items") == 6, "6 units")


def run_cron(s, now):
    return s.ctl("cron", "--now", str(now))


@test
def unpaid_orders_expire_with_their_stock_and_one_mail():
    sink = SmtpSink()
    env = dict(sink.env())
    env["SOUK_ORDER_HOLD_BANK"] = "172800"      # 48 h
    try:
        with Stack(env=env) as s:
            s.start()
            slug = "hdmi-2-1-cable-2m"
            set_stock(s, slug, 20)
            set_stock(s, "hdmi-2-1-cable-5m", 20)
            t0 = int(time.time())
            _, r = place_one(s, slug, qty=3, payment="bank",
                             email="unpaid@example.com")
            unpaid = order_token(r)
            b, r = place_one(s, "hdmi-2-1-cable-5m", qty=2, payment="bank",
                             email="proof@example.com")
            proved = order_token(r)
            check(upload(b, proved, [("proof", "p.png", "image/png", PNG)])
                  .status == 303, "proof sent")
            _, r = place_one(s, "hdmi-2-1-cable-5m", qty=1, payment="cod",
                             email="cod@example.com")
            cod = order_token(r)
            check(one(s, "SELECT stock FROM products WHERE slug = ?", slug) ==
                  17, "3 taken")
            ref = one(s, "SELECT reference FROM orders WHERE token = ?",
                      unpaid)
            sink.wait(7)        # the placement and proof mails
            before = len(sink.messages)

            # A fresh order (its hold not over) is kept: real clock, and a
            # clock one minute before the 48 hours end.
            for now in (None, t0 + 172800 - 60):
                p = s.ctl("cron") if now is None else run_cron(s, now)
                check("unpaid orders cancelled: 0" in p.stdout, p.stdout)
            check(one(s, "SELECT status FROM orders WHERE token = ?",
                      unpaid) == "awaiting_payment", "fresh order kept")

            # Past the hold, two crons at once.
            later = t0 + 172800 + 120
            procs = [subprocess.Popen(
                [os.path.join(s.bin, "soukctl"), "cron", "--now", str(later)],
                env=s.env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                text=True) for _ in range(2)]
            outs = [p.communicate(timeout=120) for p in procs]
            check(all(p.returncode == 0 for p in procs), repr(outs))
            counts = sorted(int(re.search(r"unpaid orders cancelled: (\d+)",
                                          o[0]).group(1)) for o in outs)
            check(counts == [0, 1], "one cron cancelled it: %r" % outs)

            st = {t: one(s, "SELECT status FROM orders WHERE token = ?", t)
                  for t in (unpaid, proved, cod)}
            check(st == {unpaid: "cancelled", proved: "proof_received",
                         cod: "awaiting_payment"}, repr(st))
            check(one(s, "SELECT stock FROM products WHERE slug = ?", slug) ==
                  20, "stock back, once")
            check(one(s, "SELECT stock FROM products WHERE slug = "
                      "'hdmi-2-1-cable-5m'") == 17, "others keep theirs")
            oid = one(s, "SELECT id FROM orders WHERE token = ?", unpaid)
            ev = db(s).execute("SELECT status, note, actor, created_at FROM "
                               "order_events WHERE order_id = ? ORDER BY "
                               "seq", (oid,)).fetchall()
            check(len(ev) == 2 and ev[1][:3] == ("cancelled", "expired",
                  "system") and ev[1][3] == later, "history %r" % ev)
            rows = db(s).execute("SELECT to_addr, subject, body_text FROM "
                                 "mail_outbox WHERE to_addr = "
                                 "'unpaid@example.com' AND subject LIKE "
                                 "'Order cancelled%'").fetchall()
            check(len(rows) == 1, "one mail queued %r" % rows)
            subject, body = rows[0][1], rows[0][2]
            check(ref in subject and ref in body and "48 hours" in body and
                  "/order/" + unpaid in body, body)
            check("Amira" not in body, "no typed text in the mail")
            sink.wait(before + 1)
            time.sleep(0.5)
            got = [m for m in sink.messages[before:]
                   if "unpaid@example.com" in m["rcpt_tos"]]
            check(len(got) == 1 and len(sink.messages) == before + 1,
                  "delivered once: %d" % len(got))

            page = s.get("/order/" + unpaid).text
            check("Cancelled" in page and "no payment arrived in time" in
                  page, "the order page says so")
            # Again: nothing more to do, no second mail or restock.
            p = run_cron(s, later + 3600)
            check("unpaid orders cancelled: 0" in p.stdout, p.stdout)
            check(one(s, "SELECT stock FROM products WHERE slug = ?", slug) ==
                  20, "restocked once")

            # Cash on delivery is not held by default; staff cancel it.
            cid = one(s, "SELECT id FROM orders WHERE token = ?", cod)
            p = s.ctl("order", "cancel", str(cid))
            check("cancelled" in p.stdout, p.stdout)
            check(one(s, "SELECT stock FROM products WHERE slug = "
                      "'hdmi-2-1-cable-5m'") == 18, "cod stock back")
            p = s.ctl("order", "cancel", str(cid), check_rc=False)
            check(p.returncode == 1 and "cannot be cancelled" in p.stderr,
                  p.stderr)
            check(one(s, "SELECT stock FROM products WHERE slug = "
                      "'hdmi-2-1-cable-5m'") == 18, "not twice")
            p = s.ctl("cron", "--now", "soon", check_rc=False)
            check(p.returncode == 2, "bad clock refused")
    finally:
        sink.stop()
