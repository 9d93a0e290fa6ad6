"""Refunds from the admin order page (docs/admin.md "Refunds"), through
the real nginx, a real SMTP server (aiosmtpd) and the local fake gateways
(tests/e2e/fakegw.py): full and per-line refunds of a manual (mobile
money) order and of a card (Stripe fake) order, a double submit refunding
once (the fake sees one refund), a refused refund leaving the order as it
was with the gateway's reason on the page, employees refused; "resend the
last mail" arriving once per click; the low-stock mail once per
crossing."""
import email.header
import re
import time
import urllib.parse

import harness
from harness import test, check
from mailtest import Stacks, mail_env
from shop import Shopper, hidden, one, db, execute, set_stock, ADDRESS
import fakegw
from staff import login

stacks = Stacks()
CABLE = "hdmi-2-1-cable-2m"


def stack():
    def make():
        sink = harness.SmtpSink()
        fake = fakegw.FakeGateways()
        stacks.extra += [sink, fake]
        env = mail_env(smtp_port=sink.port)
        env.update(fake.env())
        env["SOUK_LOW_STOCK"] = "5"
        s = harness.Stack(env=env)
        fake.shop = s.base
        s.start()
        s.sink, s.fake, s.pw = sink, fake, {}
        for who in ("employee", "admin"):
            p = s.ctl("user", "add", "--email", "%s@example.com" % who,
                      "--role", who, "--name", "Staff " + who)
            s.pw[who] = re.search(r"password: (\S+)", p.stdout).group(1)
        return s
    s = stacks.get("refunds", make)
    if not s.fake.running:              # a test stopped it and failed
        s.fake.start()
    s.fake.refuse_refunds = None
    s.fake.down = False
    return s


def place(s, method, slug=CABLE, qty=2):
    """An order of qty units of slug paid by method; (shopper, id, answer)."""
    b = Shopper(s)
    b.add(slug, qty=qty)
    f = {"payment": method}
    if slug == CABLE:
        f.update(ADDRESS)
    r = b.place(f)
    check(r.status == 303, "placed: %r %s" % (r, r.text[:300]))
    oid = one(s, "SELECT max(id) FROM orders")
    return b, oid, r


def pay_by_card(s, r):
    """The shopper pays on the fake's hosted page (the webhook settles)."""
    loc = r.header("Location")
    check(loc.startswith(s.fake.base + "/stripe/pay/"), loc)
    pay_on_gateway(s, loc)


def pay_on_gateway(s, loc):
    """Pay pressed on the fake's hosted page at loc."""
    import http.client
    u = urllib.parse.urlparse(loc)
    conn = http.client.HTTPConnection("127.0.0.1", u.port, timeout=30)
    conn.request("POST", u.path, body="op=pay", headers={
        "Content-Type": "application/x-www-form-urlencoded"})
    conn.getresponse().read()
    conn.close()


def status(s, oid):
    return one(s, "SELECT status FROM orders WHERE id = ?", oid)


def refund_form(sh, oid, line=None):
    """The fields of the page's refund form (whole order, or one line)."""
    page = sh.get("/admin/order/%d" % oid).text
    fid = "refund-full" if line is None else "refund-line-%d" % line
    m = re.search(r'<form[^>]*id="%s".*?</form>' % fid, page, re.S)
    check(m, "the page has form %s" % fid)
    f = {k: hidden(m.group(0), k) for k in ("csrf", "id", "idem")}
    if line is not None:
        f["line"] = str(line)
    return f


def refunds(s, oid):
    c = db(s)
    rows = c.execute("SELECT kind, method, status, amount_minor, staff, "
                     "provider_refund_id, answer, reason FROM order_refunds "
                     "WHERE order_id = ? ORDER BY id", (oid,)).fetchall()
    c.close()
    return rows


def subject(m):
    """The decoded Subject of a message the SMTP server received."""
    return str(email.header.make_header(email.header.decode_header(
        m["msg"]["Subject"])))


def mails_to(s, addr, part):
    return [m for m in s.sink.messages if addr in m["rcpt_tos"] and
            part in subject(m)]


def confirm(adm, oid):
    page = adm.get("/admin/order/%d" % oid).text
    r = adm.post("/admin/order/act", {"csrf": hidden(page, "csrf"),
                                      "id": str(oid), "do": "confirm"})
    check(r.status == 303, "confirmed: %r" % r)


@test
def manual_order_refunded_per_line_then_in_full():
    s = stack()
    adm = login(s, "admin")
    _, oid, _ = place(s, "mobile")
    confirm(adm, oid)
    ref = one(s, "SELECT reference FROM orders WHERE id = ?", oid)
    unit = one(s, "SELECT price_minor FROM order_items WHERE order_id = ?",
               oid)
    total = one(s, "SELECT total_minor FROM orders WHERE id = ?", oid)
    stock = one(s, "SELECT stock FROM products WHERE slug = ?", CABLE)
    page = adm.get("/admin/order/%d" % oid).text
    check("paid back by the shop outside the store" in page,
          "a manual method is refunded by staff")
    f = refund_form(adm, oid, line=1)
    f.update(qty="1", reason="One cable arrived broken")
    r = adm.post("/admin/order/refund", f)
    check(r.status == 303 and "notice=refunded" in r.header("Location"),
          "line refund: %r %s" % (r, r.text[:300]))
    check(status(s, oid) == "paid", "a line refund keeps the order paid")
    rows = refunds(s, oid)
    check(len(rows) == 1 and rows[0][:5] == ("lines", "manual", "done",
          unit, "admin@example.com") and rows[0][7] ==
          "One cable arrived broken", "recorded: %r" % rows)
    check(one(s, "SELECT qty FROM order_refund_lines l JOIN order_refunds r "
              "ON r.id = l.refund_id WHERE r.order_id = ? AND l.line = 1",
              oid) == 1, "its line and quantity")
    check(one(s, "SELECT stock FROM products WHERE slug = ?", CABLE) ==
          stock, "a line refund restocks nothing")
    check(one(s, "SELECT note FROM order_events WHERE order_id = ? ORDER BY "
              "seq DESC LIMIT 1", oid) == "refund_partial", "history")
    check(one(s, "SELECT count(*) FROM audit_log WHERE object_kind = "
              "'order' AND object_id = ? AND action = 'refund'",
              str(oid)) == 1, "audited")
    got = mails_to(s.sink.wait(1) and s, "amira@example.com", ref)
    time.sleep(0.5)
    refund_mails = [m for m in mails_to(s, "amira@example.com", ref)
                    if "Refund for order" in subject(m)]
    check(len(refund_mails) == 1, "the customer is mailed: %r" %
          [subject(m) for m in got])
    body = refund_mails[0]["msg"].get_payload(decode=True).decode()
    check("One cable arrived broken" in body and "× 1" in body,
          "the mail says what and why: %s" % body[:400])
    # Asking for more units than are left on the line: 400, nothing done.
    f = refund_form(adm, oid, line=1)
    f.update(qty="5")
    r = adm.post("/admin/order/refund", f)
    check(r.status == 400 and "more than is left" in r.text, "too many: %r"
          % r)
    # The rest: the order moves to refunded through the lifecycle.
    f = refund_form(adm, oid)
    r = adm.post("/admin/order/refund", f)
    check(r.status == 303, "full refund: %r" % r)
    again = adm.post("/admin/order/refund", f)
    check(again.status == 303, "double submit: %r" % again)
    check(status(s, oid) == "refunded", "refunded")
    rows = refunds(s, oid)
    check(len(rows) == 2 and rows[1][0] == "full" and
          rows[0][3] + rows[1][3] == total, "one full refund of the rest: %r"
          % rows)
    check(one(s, "SELECT stock FROM products WHERE slug = ?", CABLE) ==
          stock + 2, "paid -> refunded restocks (the lifecycle's rule)")
    r = adm.post("/admin/order/refund", refund_form_or_none(adm, oid, f))
    check(r.status == 409, "nothing left on a refunded order: %r" % r)


def refund_form_or_none(adm, oid, old):
    """A refunded order shows no refund form: post a fresh key anyway."""
    page = adm.get("/admin/order/%d" % oid).text
    check('id="refund-full"' not in page, "no refund form once refunded")
    return dict(old, idem="x" * 24, csrf=hidden(page, "csrf"))


@test
def card_order_line_refund_double_submit_refused_and_full():
    s = stack()
    adm = login(s, "admin")
    _, oid, r = place(s, "card")
    pay_by_card(s, r)
    check(status(s, oid) == "paid", "paid by card")
    total = one(s, "SELECT total_minor FROM orders WHERE id = ?", oid)
    unit = one(s, "SELECT price_minor FROM order_items WHERE order_id = ?",
               oid)
    pi = one(s, "SELECT charge_ref FROM payments WHERE order_id = ?", oid)

    def fake_refunds():
        return [x for x in s.fake.refunds if x.get("payment_intent") == pi]
    page = adm.get("/admin/order/%d" % oid).text
    check("through the payment gateway" in page, "a gateway refund")
    f = refund_form(adm, oid, line=1)
    f["qty"] = "1"
    a = adm.post("/admin/order/refund", f)
    b = adm.post("/admin/order/refund", f)     # the double submit
    check(a.status == 303 and b.status == 303, "%r %r" % (a, b))
    check(len(fake_refunds()) == 1 and fake_refunds()[0]["amount"] == unit,
          "the gateway saw one refund: %r" % fake_refunds())
    keys = [k for m, p, k in s.fake.calls if p == "/v1/refunds"]
    check(keys and all(k.startswith("adm-%d-" % oid) for k in keys),
          "Idempotency-Key is the form's key: %r" % keys)
    rows = refunds(s, oid)
    check(len(rows) == 1 and rows[0][:4] == ("lines", "gateway", "done",
          unit) and rows[0][5].startswith("re_"), "recorded once with the "
          "gateway's refund id: %r" % rows)
    check(status(s, oid) == "paid", "still paid")
    # Refused: the order stays as it was, the reason is on the page.
    s.fake.refuse_refunds = "Insufficient balance on the account"
    before = one(s, "SELECT refunded_minor FROM payments WHERE order_id = ?",
                 oid)
    r = adm.post("/admin/order/refund", refund_form(adm, oid))
    check(r.status == 303 and "refund_refused" in r.header("Location"),
          "refused: %r" % r)
    page = adm.get(r.header("Location")[len(s.base):]).text
    check("Insufficient balance on the account" in page and
          'id="refund-refused"' in page, "the reason is shown")
    check(status(s, oid) == "paid" and one(
          s, "SELECT refunded_minor FROM payments WHERE order_id = ?", oid)
          == before and len(fake_refunds()) == 1, "nothing changed")
    check(refunds(s, oid)[-1][2:3] == ("refused",) and
          refunds(s, oid)[-1][6] == "Insufficient balance on the account",
          "the refusal is recorded with the gateway's answer")
    # Then the rest goes through: refunded.
    s.fake.refuse_refunds = None
    r = adm.post("/admin/order/refund", refund_form(adm, oid))
    check(r.status == 303 and "notice=refunded" in r.header("Location"),
          "%r" % r)
    check(status(s, oid) == "refunded" and sum(
          x["amount"] for x in fake_refunds()) == total, "all refunded once")


@test
def soukctl_refund_is_on_the_admin_page_and_in_the_table():
    """soukctl order refund goes through the admin's refund (one rule):
    its rows are on /admin/order/<id>, in order_refunds and audited."""
    s = stack()
    adm = login(s, "admin")
    _, oid, r = place(s, "card")
    pay_by_card(s, r)
    check(status(s, oid) == "paid", "paid by card")
    ref = one(s, "SELECT reference FROM orders WHERE id = ?", oid)
    unit = one(s, "SELECT price_minor FROM order_items WHERE order_id = ?",
               oid)
    total = one(s, "SELECT total_minor FROM orders WHERE id = ?", oid)
    p = s.ctl("order", "refund", ref, "--line", "1", "--qty", "1",
              "--reason", "Scratched from the shell")
    check("refunded (re_" in p.stdout, p.stdout)
    rows = refunds(s, oid)
    check(len(rows) == 1 and rows[0][:5] == ("lines", "gateway", "done",
          unit, "soukctl") and rows[0][5].startswith("re_") and
          rows[0][7] == "Scratched from the shell", "recorded: %r" % rows)
    check(one(s, "SELECT qty FROM order_refund_lines WHERE order_id = ? "
              "AND line = 1", oid) == 1, "its line")
    check(one(s, "SELECT count(*) FROM audit_log WHERE action = 'refund' "
              "AND object_kind = 'order' AND object_id = ? AND actor = "
              "'soukctl'", str(oid)) == 1, "audited as the admin's")
    page = adm.get("/admin/order/%d" % oid).text
    m = re.search(r'<ul class="adm-refunds" id="refunds">(.*?)</ul>', page,
                  re.S)
    check(m and "soukctl" in m.group(1) and rows[0][5] in m.group(1) and
          "Scratched from the shell" in m.group(1),
          "the admin page lists it: %s" % (m and m.group(1)[:400]))
    # What is left for the admin is what soukctl did not refund.
    f = refund_form(adm, oid)
    r = adm.post("/admin/order/refund", f)
    check(r.status == 303 and status(s, oid) == "refunded", "rest: %r" % r)
    rows = refunds(s, oid)
    check(len(rows) == 2 and rows[1][3] == total - unit and
          rows[1][4] == "admin@example.com", "the admin refunded the rest: "
          "%r" % rows)
    check(sum(x["amount"] for x in s.fake.refunds if x.get(
          "payment_intent") == one(s, "SELECT charge_ref FROM payments "
          "WHERE order_id = ?", oid)) == total, "the gateway refunded the "
          "total once")
    p = s.ctl("order", "refund", ref, check_rc=False)
    check(p.returncode == 1 and len(refunds(s, oid)) == 2, "nothing left")


@test
def soukctl_refund_of_a_manual_order_is_recorded_like_the_admins():
    s = stack()
    adm = login(s, "admin")
    _, oid, _ = place(s, "mobile", qty=1)
    confirm(adm, oid)
    ref = one(s, "SELECT reference FROM orders WHERE id = ?", oid)
    total = one(s, "SELECT total_minor FROM orders WHERE id = ?", oid)
    p = s.ctl("order", "refund", ref)
    check("recorded as paid back outside the store" in p.stdout, p.stdout)
    check(status(s, oid) == "refunded", "refunded through the lifecycle")
    rows = refunds(s, oid)
    check(len(rows) == 1 and rows[0][:5] == ("full", "manual", "done",
          total, "soukctl"), "recorded: %r" % rows)
    check("soukctl" in adm.get("/admin/order/%d" % oid).text.split(
          'id="refunds"')[1].split("</ul>")[0], "on the admin page")


def lifetime_value(adm, uid):
    """The customer's lifetime value on /admin/customer/<uid> (digits)."""
    t = adm.get("/admin/customer/%d" % uid).text
    return int(re.sub(r"\D", "", t.split('id="cust-ltv">')[1].split(
        "<")[0]))


def owned_by(s, oid, email):
    """Order oid moved to a new customer account email; its user id."""
    s.ctl("user", "add", "--email", email, "--role", "customer", "--name",
          "Ltv Owner")
    uid = one(s, "SELECT id FROM users WHERE email = ?", email)
    execute(s, "UPDATE orders SET user_id = ? WHERE id = ?", uid, oid)
    return uid


@test
def soukctl_line_refund_counts_in_the_lifetime_value():
    s = stack()
    adm = login(s, "admin")
    _, oid, _ = place(s, "mobile", qty=2)
    confirm(adm, oid)
    uid = owned_by(s, oid, "ltv-ctl@example.com")
    ref = one(s, "SELECT reference FROM orders WHERE id = ?", oid)
    total = one(s, "SELECT total_minor FROM orders WHERE id = ?", oid)
    unit = one(s, "SELECT price_minor FROM order_items WHERE order_id = ?",
               oid)

    before = lifetime_value(adm, uid)
    s.ctl("order", "refund", ref, "--line", "1", "--qty", "1")
    check(status(s, oid) == "paid", "a line refund keeps it paid")
    after = lifetime_value(adm, uid)
    check(before * (total - unit) == after * total and after < before,
          "the lifetime value loses the refund: %d -> %d (total %d, unit "
          "%d)" % (before, after, total, unit))


@test
def flouci_wallet_refund_is_whole_only_and_the_page_says_so():
    """Flouci's refund_payment takes a payment id and no amount: the page
    offers the whole refund only and says why; a line refund posted anyway
    is refused with that reason and changes nothing."""
    s = stack()
    adm = login(s, "admin")
    b, oid, r = place(s, "wallet")
    loc = r.header("Location")
    check(loc.startswith(s.fake.base + "/flouci/pay/"), loc)
    pay_on_gateway(s, loc)
    b.get("/order/%s" % one(s, "SELECT token FROM orders WHERE id = ?", oid))
    end = time.time() + 10
    while time.time() < end and status(s, oid) != "paid":
        time.sleep(0.05)
    check(status(s, oid) == "paid", "paid by wallet")
    total = one(s, "SELECT total_minor FROM orders WHERE id = ?", oid)
    pid = one(s, "SELECT charge_ref FROM payments WHERE order_id = ? AND "
              "status = 'paid'", oid)

    def fake_refunds():
        return [x for x in s.fake.refunds if x.get("payment_id") == pid]
    page = adm.get("/admin/order/%d" % oid).text
    check('id="refund-whole-only"' in page and "refunds whole payments "
          "only" in page and "(flouci)" in page, "the page says so")
    check('id="refund-full"' in page and 'id="refund-line-1"' not in page,
          "the whole refund only")
    f = refund_form(adm, oid)
    f.update(line="1", qty="1")
    r = adm.post("/admin/order/refund", f)
    check(r.status == 303 and "refund_refused" in r.header("Location"),
          "a line refund anyway: %r" % r)
    page = adm.get(r.header("Location")[len(s.base):]).text
    check('id="refund-refused"' in page and "Flouci refunds whole payments "
          "only" in page, "the reason is shown")
    check(status(s, oid) == "paid" and fake_refunds() == [] and
          refunds(s, oid)[-1][:3] == ("lines", "gateway", "refused"),
          "nothing changed, the refusal recorded: %r" % refunds(s, oid))
    r = adm.post("/admin/order/refund", refund_form(adm, oid))
    check(r.status == 303 and "notice=refunded" in r.header("Location"),
          "whole refund: %r" % r)
    rows = refunds(s, oid)
    check(status(s, oid) == "refunded" and len(fake_refunds()) == 1 and
          rows[-1][:4] == ("full", "gateway", "done", total) and
          rows[-1][5] == fake_refunds()[0]["refund_id"],
          "refunded once through Flouci: %r" % rows)


def audited(s, oid, action, actor=None):
    """How many audit entries of this action the order has (by actor)."""
    return one(s, "SELECT count(*) FROM audit_log WHERE object_kind = "
               "'order' AND object_id = ? AND action = ? AND (?3 IS NULL "
               "OR actor = ?3)", str(oid), action, actor)


def age_refunds(s, oid):
    """The order's refunds asked two minutes earlier (cron retries those
    asked a minute ago or more)."""
    execute(s, "UPDATE order_refunds SET created_at = created_at - 120 "
            "WHERE order_id = ?", oid)


def paid_card_order(s):
    """A paid card order: (id, total, unit price, fake_refunds())."""
    _, oid, r = place(s, "card")
    pay_by_card(s, r)
    check(status(s, oid) == "paid", "paid by card")
    total = one(s, "SELECT total_minor FROM orders WHERE id = ?", oid)
    unit = one(s, "SELECT price_minor FROM order_items WHERE order_id = ?",
               oid)
    pi = one(s, "SELECT charge_ref FROM payments WHERE order_id = ?", oid)
    return oid, total, unit, lambda: [
        x for x in s.fake.refunds if x.get("payment_intent") == pi]


@test
def refund_with_the_gateway_down_waits_then_cron_refunds_it_once():
    s = stack()
    adm = login(s, "admin")
    oid, total, unit, fake_refunds = paid_card_order(s)
    uid = owned_by(s, oid, "ltv-waiting@example.com")
    ltv = lifetime_value(adm, uid)
    f = refund_form(adm, oid, line=1)
    f.update(qty="1", reason="Box dented")
    s.fake.stop()                               # connections refused
    try:
        r = adm.post("/admin/order/refund", f)
        check(r.status == 502 and 'id="refund-down"' in r.text and
              "did not answer" in r.text, "down: %d %s" % (r.status,
                                                           r.text[:300]))
        rows = refunds(s, oid)
        check(len(rows) == 1 and rows[0][:6] == (
              "lines", "gateway", "pending", unit, "admin@example.com", "")
              and rows[0][7] == "Box dented", "recorded waiting: %r" % rows)
        rid = one(s, "SELECT id FROM order_refunds WHERE order_id = ?", oid)
        check("waiting for the gateway" in r.text and
              'id="refund-retry-%d"' % rid in r.text, "shown waiting, with "
              "its Retry button")
        page = adm.get("/admin/order/%d" % oid).text
        check(re.search(r'id="qty-1"[^>]*max="1"', page), "the unit asked "
              "counts as refunded meanwhile")
        b = adm.post("/admin/order/refund", f)  # the double submit
        check(b.status == 303 and "notice=refund_waiting" in
              b.header("Location"), "double submit: %r" % b)
        check(len(refunds(s, oid)) == 1 and audited(
              s, oid, "refund_waiting") == 1 and audited(s, oid, "refund")
              == 0, "one row, audited as waiting")
        age_refunds(s, oid)
        out = s.ctl("cron", "--no-mail").stdout
        check("refunds waiting for the gateway: 1 asked again, 0 done, 0 "
              "refused, 1 not reached" in out, out)
        check(refunds(s, oid)[0][2] == "pending", "still waiting")
        check(lifetime_value(adm, uid) == ltv, "a waiting refund is not "
              "taken off the lifetime value yet")
    finally:
        s.fake.start()
    check(fake_refunds() == [] and status(s, oid) == "paid",
          "nothing refunded while down")
    out = s.ctl("cron", "--no-mail").stdout
    check("1 asked again, 1 done" in out, out)
    rows = refunds(s, oid)
    check(len(fake_refunds()) == 1 and fake_refunds()[0]["amount"] == unit
          and rows[0][2] == "done" and rows[0][5] == fake_refunds()[0]["id"],
          "refunded once, its refund id kept: %r %r" % (rows, fake_refunds()))
    keys = [k for m, p, k in s.fake.calls if p == "/v1/refunds" and
            k.startswith("adm-%d-" % oid)]
    check(len(set(keys)) == 1, "every ask under the form's key: %r" % keys)
    check(status(s, oid) == "paid" and one(
          s, "SELECT refunded_minor FROM payments WHERE order_id = ?", oid)
          == unit and one(s, "SELECT note FROM order_events WHERE order_id "
                          "= ? ORDER BY seq DESC LIMIT 1", oid) ==
          "refund_partial", "partly refunded")
    check(audited(s, oid, "refund", "soukctl cron") == 1, "audited")
    check(lifetime_value(adm, uid) * total == ltv * (total - unit),
          "done: the lifetime value loses it")
    out = s.ctl("cron", "--no-mail").stdout
    check("0 asked again" in out and len(fake_refunds()) == 1, "done once")
    page = adm.get("/admin/order/%d" % oid).text
    check('id="refund-retry-' not in page and "waiting for the gateway"
          not in page, "no longer waiting")


@test
def retry_button_asks_the_gateway_again_and_mails_once_answered():
    s = stack()
    adm = login(s, "admin")
    oid, total, unit, fake_refunds = paid_card_order(s)
    ref = one(s, "SELECT reference FROM orders WHERE id = ?", oid)
    s.fake.down = True                          # the API answers 503
    r = adm.post("/admin/order/refund", refund_form(adm, oid))
    check(r.status == 502 and refunds(s, oid)[0][:4] == (
          "full", "gateway", "pending", total), "waiting: %r" % r)
    page = adm.get("/admin/order/%d" % oid).text
    check('id="refund-full"' not in page, "nothing left to refund meanwhile")
    rid = one(s, "SELECT id FROM order_refunds WHERE order_id = ?", oid)
    retry = {"csrf": hidden(page, "csrf"), "id": str(oid),
             "refund": str(rid)}
    r = adm.post("/admin/order/retry", retry)
    check(r.status == 502 and 'id="refund-down"' in r.text and
          refunds(s, oid)[0][2] == "pending", "still down: %r" % r)
    check(adm.post("/admin/order/retry", dict(retry, csrf="x")).status ==
          403, "CSRF required")
    emp = login(s, "employee")
    check(emp.post("/admin/order/retry", dict(retry, csrf=hidden(
          emp.get("/admin/order/%d" % oid).text, "csrf"))).status == 403,
          "employees may not")
    s.fake.down = False
    r = adm.post("/admin/order/retry", retry)
    check(r.status == 303 and "notice=refunded" in r.header("Location"),
          "answered: %r" % r)
    check(status(s, oid) == "refunded" and len(fake_refunds()) == 1 and
          refunds(s, oid)[0][2] == "done", "refunded once")
    check(audited(s, oid, "refund", "admin@example.com") == 1, "audited")
    r = adm.post("/admin/order/retry", retry)   # pressed twice
    check(r.status == 303 and len(fake_refunds()) == 1, "once: %r" % r)
    s.sink.wait(1)
    end = time.time() + 10
    while time.time() < end and not [
            m for m in mails_to(s, "amira@example.com", ref)
            if subject(m).startswith("Refund")]:
        time.sleep(0.2)
    got = [m for m in mails_to(s, "amira@example.com", ref)
           if subject(m).startswith("Refund")]
    check(len(got) == 1, "the customer's refund mail, once: %d" % len(got))


@test
def a_waiting_refund_the_gateway_then_refuses_frees_the_amount():
    s = stack()
    adm = login(s, "admin")
    oid, total, unit, fake_refunds = paid_card_order(s)
    s.fake.down = True
    r = adm.post("/admin/order/refund", refund_form(adm, oid))
    check(r.status == 502, "waiting: %r" % r)
    s.fake.down = False
    execute(s, "UPDATE order_refunds SET created_at = created_at - 23 * 3600 "
            "- 60 WHERE order_id = ?", oid)
    out = s.ctl("cron", "--no-mail").stdout
    check("refunds waiting for the gateway: 0 asked again" in out and
          fake_refunds() == [], "past the gateway's key lifetime, cron "
          "leaves it to staff: %s" % out)
    execute(s, "UPDATE order_refunds SET created_at = created_at + 23 * 3600 "
            "WHERE order_id = ?", oid)
    s.fake.refuse_refunds = "Charge disputed"
    out = s.ctl("cron", "--no-mail").stdout
    check("1 asked again, 0 done, 1 refused" in out, out)
    rows = refunds(s, oid)
    check(rows[0][2] == "refused" and rows[0][6] == "Charge disputed" and
          status(s, oid) == "paid" and fake_refunds() == [],
          "refused, the order unchanged: %r" % rows)
    check(audited(s, oid, "refund_refused", "soukctl cron") == 1, "audited")
    page = adm.get("/admin/order/%d" % oid).text
    check('id="refund-full"' in page and "Charge disputed" in page,
          "refundable again, the gateway's words shown")
    s.fake.refuse_refunds = None
    r = adm.post("/admin/order/refund", refund_form(adm, oid))
    check(r.status == 303 and status(s, oid) == "refunded" and
          len(fake_refunds()) == 1, "then refunded once: %r" % r)


@test
def employees_may_not_refund_but_may_resend_the_last_mail():
    s = stack()
    adm, emp = login(s, "admin"), login(s, "employee")
    _, oid, _ = place(s, "mobile", qty=1)
    confirm(adm, oid)
    page = emp.get("/admin/order/%d" % oid).text
    check('id="refund-full"' not in page, "no refund form for employees")
    r = emp.post("/admin/order/refund", {"csrf": hidden(page, "csrf"),
                                         "id": str(oid), "idem": "y" * 24})
    check(r.status == 403, "employee refund: %r" % r)
    check(refunds(s, oid) == [] and status(s, oid) == "paid", "unchanged")
    r = adm.post("/admin/order/refund", {"id": str(oid), "idem": "z" * 24})
    check(r.status == 403, "no CSRF token: %r" % r)
    ref = one(s, "SELECT reference FROM orders WHERE id = ?", oid)
    last = one(s, "SELECT subject FROM mail_outbox WHERE to_addr = ? AND "
                  "instr(subject, ?) > 0 ORDER BY id DESC LIMIT 1",
                  "amira@example.com", ref)
    check(last and 'id="resend-subject"' in page, "the last mail is named")
    s.sink.wait(1)
    time.sleep(0.5)
    n0 = len([m for m in mails_to(s, "amira@example.com", ref)
              if subject(m) == last])
    for click in (1, 2):
        r = emp.post("/admin/order/resend", {"csrf": hidden(page, "csrf"),
                                             "id": str(oid)})
        check(r.status == 303 and "notice=resent" in r.header("Location"),
              "resend: %r" % r)
        end = time.time() + 10
        while time.time() < end and len([
                m for m in mails_to(s, "amira@example.com", ref)
                if subject(m) == last]) < n0 + click:
            time.sleep(0.05)
        time.sleep(0.3)
        got = [m for m in mails_to(s, "amira@example.com", ref)
               if subject(m) == last]
        check(len(got) == n0 + click, "click %d: one more mail (%d)" %
              (click, len(got)))
    check(one(s, "SELECT count(*) FROM audit_log WHERE action = "
              "'resend_mail' AND object_id = ?", str(oid)) == 2, "audited")
    r = emp.post("/admin/order/resend", {"csrf": hidden(page, "csrf"),
                                         "id": "999999"})
    check(r.status == 404, "unknown order: %r" % r)


@test
def low_stock_mail_once_per_crossing():
    s = stack()
    set_stock(s, CABLE, 7)

    def alerts():
        return one(s, "SELECT count(*) FROM mail_outbox WHERE to_addr = "
                   "'admin@example.com' AND subject LIKE 'Low stock:%'")
    n0 = alerts()
    place(s, "mobile", qty=1)                   # 6 left: above 5
    check(alerts() == n0, "no mail above the threshold")
    place(s, "mobile", qty=1)                   # 5 left: crossed
    check(alerts() == n0 + 1, "one mail at the crossing")
    place(s, "mobile", qty=1)                   # 4 left: still below
    check(alerts() == n0 + 1, "not on every order below the threshold")
    body = one(s, "SELECT body_text FROM mail_outbox WHERE subject LIKE "
               "'Low stock:%' ORDER BY id DESC LIMIT 1")
    check("Units left: 5" in body and "/admin/product/" in body, body)
    s.sink.wait(1)
    end = time.time() + 10
    while time.time() < end and not [
            m for m in s.sink.messages if "admin@example.com" in
            m["rcpt_tos"] and "Low stock" in subject(m)]:
        time.sleep(0.05)
    check([m for m in s.sink.messages if "admin@example.com" in
           m["rcpt_tos"] and "Low stock" in subject(m)],
          "the alert reached the SMTP server")
    set_stock(s, CABLE, 6)                      # restocked above
    place(s, "mobile", qty=2)                   # 4 left: a new crossing
    check(alerts() == n0 + 2, "a new crossing mails again")


@test
def refunds_stack_stops_without_sanitizer_reports():
    reports = stacks.stop_all()
    check(not reports, "sanitizer reports:\n" + "\n".join(reports)[:3000])
