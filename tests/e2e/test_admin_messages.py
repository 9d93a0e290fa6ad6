"""The back office's contact inbox (/admin/messages, /admin/message/<id>)
through the real nginx and a real SMTP server (aiosmtpd): the access
matrix of its routes, unknown ids 404, CSRF on every POST, stored XSS
escaped, the message linked to its customer and order, replies mailed to
the shopper threaded after the shop's copy (In-Reply-To, References),
handled / reopen / spam with their audit rows."""
from harness import test, check
from mailtest import (Stacks, form_token, contact_fields,
                      post_contact, query, wait_until)
from shop import Shopper, hidden, one, order_token, ADDRESS
from staff import mail_store, login

stacks = Stacks()
XSS = "<script>alert(1)</script>"


def msg_stack():
    return stacks.get("messages", lambda: mail_store(stacks))


def contact(s, **kw):
    """Sends the contact form; returns the new message's id."""
    before = one(s, "SELECT coalesce(max(id), 0) FROM messages")
    tok, cookie = form_token(s)
    r = post_contact(s, contact_fields(**kw), tok, cookie)
    check(r.status == 303, "contact: %r %s" % (r, r.text[:300]))
    mid = one(s, "SELECT max(id) FROM messages")
    check(mid > before, "message stored")
    return mid


def place_order(s, email):
    b = Shopper(s)
    b.add("hdmi-2-1-cable-2m")
    f = {"payment": "mobile", "name": "Ana Test", "email": email}
    f.update(ADDRESS)
    token = order_token(b.place(f))
    return query(s, "SELECT id, reference FROM orders WHERE token = ?",
                 (token,))[0]


def reply_mail(s, mid, k):
    """The k-th reply to message mid as the SMTP server received it."""
    msgid = query(s, "SELECT o.message_id FROM message_replies r JOIN "
                  "mail_outbox o ON o.id = r.mail_id WHERE r.message_id = ? "
                  "ORDER BY r.id", (mid,))[k][0]
    wait_until(lambda: any(m["msg"]["Message-ID"] == msgid
                           for m in s.sink.messages), what="reply %d" % k)
    m = [m for m in s.sink.messages if m["msg"]["Message-ID"] == msgid][0]
    check(m["rcpt_tos"] == ["Ana-Thread@example.com"], "to the shopper")
    return m["msg"]


def csrf_of(sh, path):
    r = sh.get(path)
    check(r.status == 200, "%s: %r" % (path, r))
    return hidden(r.text, "csrf")


@test
def admin_messages_access_matrix_and_csrf():
    s = msg_stack()
    mid = contact(s)
    anon = Shopper(s)
    cust, emp, adm = login(s, "customer"), login(s, "employee"), login(s, "admin")
    for path in ("/admin/messages", "/admin/messages?box=handled",
                 "/admin/message/%d" % mid):
        r = anon.get(path)
        check(r.status == 303 and "/account/login?next=" in
              r.header("Location"), "anonymous %s: %r" % (path, r))
        check(cust.get(path).status == 403, "customer %s" % path)
        check(emp.get(path).status == 200, "employee %s" % path)
        r = adm.get(path)
        check(r.status == 200 and "no-store" in
              (r.header("Cache-Control") or ""), "admin %s: %r" % (path, r))
    for path in ("/admin/message/reply", "/admin/message/status"):
        check(anon.post(path).status in (303, 403), "anonymous POST " + path)
        check(cust.post(path).status == 403, "customer POST " + path)
    for path in ("/admin/message/999999", "/admin/message/abc",
                 "/admin/message/0", "/admin/message/%d/x" % mid,
                 "/admin/messages/x"):
        check(adm.get(path).status == 404, "404: %s" % path)
    check(adm.get("/admin/messages?box=nosuch").status in (200, 400),
          "a bad box is not a 500")
    tok = csrf_of(emp, "/admin/message/%d" % mid)
    r = emp.post("/admin/message/reply", {"csrf": tok, "id": "999999",
                                          "body": "x"})
    check(r.status == 404, "reply to an unknown message: %r" % r)
    r = emp.post("/admin/message/status", {"csrf": tok, "id": "999999",
                                           "do": "handled"})
    check(r.status == 404, "status of an unknown message: %r" % r)
    r = emp.post("/admin/message/reply", {"csrf": tok, "id": str(mid),
                                          "body": ""})
    check(r.status == 400, "empty reply: %r" % r)
    for path, f in (("/admin/message/reply", {"id": str(mid), "body": "b"}),
                    ("/admin/message/status", {"id": str(mid),
                                               "do": "handled"})):
        check(emp.post(path, f).status == 403, "%s without a token" % path)
        check(emp.post(path, dict(f, csrf="forged")).status == 403,
              "%s with a forged token" % path)
        r = emp.post(path, dict(f, csrf=tok),
                     headers={"Origin": "https://evil.example"})
        check(r.status == 403, "%s from another origin: %r" % (path, r))
    check(one(s, "SELECT count(*) FROM message_replies") == 0,
          "no reply stored by refused POSTs")
    check(one(s, "SELECT status FROM messages WHERE id = ?", mid) == "read",
          "opening it marked it read, nothing else changed it")


@test
def admin_message_reply_is_threaded_linked_and_escaped():
    s = msg_stack()
    oid, ref = place_order(s, "ana-thread@example.com")
    mid = contact(s, name=XSS, email="Ana-Thread@example.com",
                  subject="About " + XSS,
                  message="Hello " + XSS + "\r\nmy order is " + ref.lower())
    emp = login(s, "employee")
    for path in ("/admin/messages", "/admin/messages?box=unread",
                 "/admin/message/%d" % mid):
        t = emp.get(path).text
        check(XSS not in t and "<script>alert" not in t,
              "raw payload in %s" % path)
        check("&lt;script&gt;" in t, "payload shown escaped in %s" % path)
    t = emp.get("/admin/message/%d" % mid).text
    check('href="/admin/order/%d"' % oid in t and ref in t,
          "linked to the order named in the text")
    check("another e-mail" not in t, "same address as the order's")
    # The shop's copy of the message was mailed first.
    copy_id = one(s, "SELECT o.message_id FROM messages m JOIN mail_outbox o "
                  "ON o.id = m.mail_id WHERE m.id = ?", mid)
    tok = csrf_of(emp, "/admin/message/%d" % mid)
    r = emp.post("/admin/message/reply", {"csrf": tok, "id": str(mid),
                                          "body": "It ships today.\n– Staff"})
    check(r.status == 303 and "notice=replied" in r.header("Location"),
          "reply: %r" % r)
    first = reply_mail(s, mid, 0)
    check(first["In-Reply-To"] == copy_id, "In-Reply-To is the shop's copy: "
          "%r vs %r" % (first["In-Reply-To"], copy_id))
    check(first["References"].split() == [copy_id], "References")
    body = first.get_payload(decode=True).decode()
    check("It ships today." in body and "<script>" not in body and
          "alert(1)" not in body, "staff text only, nothing the shopper "
          "typed: %r" % body)
    check("<script>" not in first["Subject"], "subject is the shop's")
    check(one(s, "SELECT status FROM messages WHERE id = ?", mid) ==
          "answered", "answered")
    # A second reply answers the first and references the whole thread.
    tok = csrf_of(emp, "/admin/message/%d" % mid)
    r = emp.post("/admin/message/reply", {"csrf": tok, "id": str(mid),
                                          "body": "Tracking: 42"})
    check(r.status == 303, "second reply: %r" % r)
    second = reply_mail(s, mid, 1)
    check(second["In-Reply-To"] == first["Message-ID"], "threaded on the "
          "first reply: %r, %r" % (second["In-Reply-To"], first["Message-ID"]))
    check(second["References"].split() == [copy_id, first["Message-ID"]],
          "References: %r" % second["References"])
    t = emp.get("/admin/message/%d" % mid).text
    check(t.count('class="reply-body"') == 2 and "Tracking: 42" in t,
          "both replies shown")
    check(one(s, "SELECT count(*) FROM audit_log WHERE object_kind = 'message' AND "
              "object_id = ? AND action = 'reply'", str(mid)) == 2,
          "one audit row per reply")
    # Handled, then reopened; spam; each audited.
    for do, status in (("handled", "archived"), ("reopen", "read"),
                       ("spam", "spam")):
        tok = csrf_of(emp, "/admin/message/%d" % mid)
        r = emp.post("/admin/message/status", {"csrf": tok, "id": str(mid),
                                               "do": do})
        check(r.status == 303, "%s: %r" % (do, r))
        check(one(s, "SELECT status FROM messages WHERE id = ?", mid) ==
              status, do)
        check(one(s, "SELECT count(*) FROM audit_log WHERE object_kind = 'message' "
                  "AND object_id = ? AND action = ?", str(mid), do) == 1,
              "audit of " + do)
    t = emp.get("/admin/messages?box=open").text
    check("/admin/message/%d\"" % mid not in t, "spam is not in the open box")


@test
def admin_message_other_address_is_flagged():
    s = msg_stack()
    oid, ref = place_order(s, "owner@example.com")
    mid = contact(s, email="someone-else@example.com", order=ref)
    adm = login(s, "admin")
    t = adm.get("/admin/message/%d" % mid).text
    check('href="/admin/order/%d"' % oid in t, "linked by the order field")
    check("another e-mail" in t, "flagged: not the order's address")
    mid2 = contact(s, email="customer@example.com", subject="Hi")
    t = adm.get("/admin/message/%d" % mid2).text
    check("Staff customer (customer)" in t, "linked to the account")
    stacks.stop_all()
