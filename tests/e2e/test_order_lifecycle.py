"""The order lifecycle end to end: staff status changes through soukctl
(restock on cancel and refund, refusals outside the table), the database
trigger behind it, payment proofs refused once an order is paid or
cancelled or holds 10 proofs (nothing stored, no mail), and a malformed
cart cookie on /cart/add."""
import os

from harness import test, check, stack
from shop import PNG, Shopper, execute, one, order_token, shop, upload


def order_id(s, token):
    return one(s, "SELECT id FROM orders WHERE token = ?", token)


def proofs(s, token):
    return one(s, "SELECT count(*) FROM payment_proofs p JOIN orders o ON "
               "o.id = p.order_id WHERE o.token = ?", token)


def proof_mails(s, token):
    ref = one(s, "SELECT reference FROM orders WHERE token = ?", token)
    # "<proof subject> SK-...": the order's other mails end otherwise.
    return one(s, "SELECT count(*) FROM mail_outbox WHERE subject LIKE ?",
               "%" + ref)


def stored_files(s):
    d = os.path.join(s.env["SOUK_DATA_DIR"], "proofs")
    return len(os.listdir(d)) if os.path.isdir(d) else 0


def placed(s, slug="the-last-caravan-film", qty=None):
    b = Shopper(s)
    b.add(slug, qty=qty)
    return b, order_token(b.place())


@test
def staff_cancel_restocks_and_refuses_what_the_table_does_not_allow():
    s = shop()
    slug = "hdmi-2-1-cable-2m"
    before = one(s, "SELECT stock FROM products WHERE slug = ?", slug)
    b = Shopper(s)
    b.add(slug, qty=2)
    token = order_token(b.place({"address": "12 rue de Marseille",
                                 "city": "Tunis", "postal": "1000"}))
    oid = order_id(s, token)
    check(one(s, "SELECT stock FROM products WHERE slug = ?", slug) ==
          before - 2, "stock taken")
    p = s.ctl("order", "set", str(oid), "completed", check_rc=False)
    check(p.returncode == 1 and "cannot go from awaiting_payment to "
          "completed" in p.stderr, p.stderr)
    s.ctl("order", "set", str(oid), "cancelled")
    check(one(s, "SELECT status FROM orders WHERE id = ?", oid) ==
          "cancelled", "cancelled")
    check(one(s, "SELECT stock FROM products WHERE slug = ?", slug) ==
          before, "stock back")
    page = b.get("/order/" + token).text
    check("Order cancelled by the shop" in page, "history on the page")
    p = s.ctl("order", "set", str(oid), "cancelled", check_rc=False)
    check(p.returncode == 1, "cancelled twice")
    check(one(s, "SELECT stock FROM products WHERE slug = ?", slug) ==
          before, "restocked once")
    p = s.ctl("order", "set", str(oid), "shipped", check_rc=False)
    check(p.returncode == 1 and "no status" in p.stderr, p.stderr)
    # The database refuses it too, whoever writes.
    try:
        execute(s, "UPDATE orders SET status = 'paid' WHERE id = ?", oid)
        check(False, "the trigger let cancelled -> paid through")
    except Exception as e:      # sqlite3.IntegrityError from RAISE(ABORT)
        check("transition not allowed" in str(e), str(e))


@test
def proof_to_a_paid_or_cancelled_order_is_refused():
    s = shop()
    for status in ("paid", "cancelled"):
        b, token = placed(s)
        s.ctl("order", "set", str(order_id(s, token)), status)
        files, mails = stored_files(s), proof_mails(s, token)
        r = upload(b, token, [("proof", "paid.png", "image/png", PNG)])
        check(r.status == 409 and "no longer takes payment proofs" in r.text,
              "%s -> %d" % (status, r.status))
        check(proofs(s, token) == 0, "no proof row (%s)" % status)
        check(stored_files(s) == files, "no file left (%s)" % status)
        check(proof_mails(s, token) == mails, "no mail (%s)" % status)


@test
def eleventh_proof_is_refused():
    s = shop()
    b, token = placed(s)
    for i in range(10):
        r = upload(b, token, [("proof", "p%d.png" % i, "image/png", PNG)])
        check(r.status == 303, "proof %d -> %d" % (i + 1, r.status))
    check(one(s, "SELECT status FROM orders WHERE token = ?", token) ==
          "proof_received", "the first proof moved the order")
    files = stored_files(s)
    r = upload(b, token, [("proof", "p11.png", "image/png", PNG)])
    check(r.status == 409 and "as many proofs as it can" in r.text,
          "11th -> %d" % r.status)
    check(proofs(s, token) == 10, "10 proofs kept")
    check(stored_files(s) == files, "no file for the 11th")
    check(proof_mails(s, token) == 10, "one mail per accepted proof")
    ref = one(s, "SELECT reference FROM orders WHERE token = ?", token)
    body = one(s, "SELECT body_text FROM mail_outbox WHERE subject LIKE ? "
               "ORDER BY id DESC LIMIT 1", "%" + ref)
    check(ref in body, "the proof mail names the order: %r" % body[:200])


@test
def malformed_cart_cookie_on_cart_add_starts_a_new_cart():
    s = stack()
    for bad in ("x", "../../etc", "A" * 31, "A" * 33, "A" * 31 + "!",
                "%00" * 11):
        b = Shopper(s)
        b.cookies["souk_cart"] = bad
        r = b.add("iptv-gold-4k")
        check(r.status == 303, "%r -> %d" % (bad, r.status))
        check(b.cart and b.cart != bad and len(b.cart) == 32,
              "a new token for %r: %r" % (bad, b.cart))
        j = b.get("/cart", headers={"Accept": "application/json"}).json()
        check(j["count"] == 1, "the new cart holds the item (%r)" % bad)
