"""Mail to addresses nobody has verified, and the field rules that keep a
valid form from failing at the mail step (issue 7, findings 3 and 6), on
one store with a real SMTP server (aiosmtpd) receiving the mail.

Finding 3: the contact acknowledgement and the shopper's order
confirmation go to an address anyone may type; they must carry none of the
text the visitor typed (name in To: or the greeting, subject, order field,
message, address...), or the forms would relay it to a third party.

Finding 6: a name holding a C1 control (U+0080-U+009F), U+2028 or U+2029
passed the form validator, then mail_enqueue() refused it: the order rolled
back and the shopper saw a 500.  The validator is now the mail header rule:
every such code point is a 4xx next to the field, on checkout (422) and
contact (400, the form's own status), and the longest valid name is
accepted by both."""
import email
import email.header
import re

import harness
from harness import test, check
from mailtest import (Stacks, mail_env, form_token, contact_fields,
                      post_contact)
from shop import ADDRESS, Shopper, order_token, strip

stacks = Stacks()

# Free text an attacker would like relayed: links, a mark per field.
TYPED = {
    "name": "Zed MARKNAME http://evil.example/name",
    "subject": "MARKSUBJECT win at http://evil.example/subject",
    "order": "MARKORDER-http://evil.example",
    "message": "MARKMESSAGE http://evil.example/message",
}


def store():
    def make():
        sink = harness.SmtpSink()
        stacks.extra.append(sink)
        env = mail_env(smtp_port=sink.port)
        s = harness.Stack(env=env).start()
        s.sink = sink
        return s
    return stacks.get("unverified", make)


def everything(m):
    """Every header (RFC 2047 words decoded) and every part's decoded body
    of a received message, as one string, plus its raw bytes."""
    msg = m["msg"]
    out = []
    for k, v in msg.items():
        out.append("%s: %s" % (k, email.header.make_header(
            email.header.decode_header(v))))
    for part in msg.walk():
        payload = part.get_payload(decode=True)
        if payload is not None:
            out.append(payload.decode("utf-8", "replace"))
    return "\n".join(out) + m["data"].decode("latin-1")


def received_by(s, n0, addr, count):
    msgs = s.sink.wait(n0 + count)[n0:]
    return [m for m in msgs if m["rcpt_tos"] == [addr]]


@test
def contact_ack_to_an_unverified_address_echoes_nothing_typed():
    s = store()
    n0 = len(s.sink.messages)
    tok, cookie = form_token(s)
    r = post_contact(s, contact_fields(email="victim@example.net", **TYPED),
                     tok, cookie)
    check(r.status == 303, "POST /contact -> %d" % r.status)
    acks = received_by(s, n0, "victim@example.net", 2)
    shop = received_by(s, n0, "shop@souk.example", 2)
    check(len(acks) == 1 and len(shop) == 1, "one ack, one shop mail")
    ack = everything(acks[0])
    for field, mark in (("name", "MARKNAME"), ("subject", "MARKSUBJECT"),
                        ("order", "MARKORDER"), ("message", "MARKMESSAGE"),
                        ("a link", "evil.example"), ("the name", "Zed")):
        check(mark not in ack, "the acknowledgement echoes %s" % field)
    check(acks[0]["msg"]["To"] == "victim@example.net",
          "To: is the bare address: %r" % acks[0]["msg"]["To"])
    # The shop's own mail keeps everything (so the marks are real).
    whole = everything(shop[0])
    check(all(m in whole for m in ("MARKNAME", "MARKSUBJECT", "MARKORDER",
                                   "MARKMESSAGE")), "the shop mail lost text")


@test
def order_confirmation_to_an_unverified_address_echoes_nothing_typed():
    s = store()
    n0 = len(s.sink.messages)
    b = Shopper(s)
    check(b.add("hdmi-2-1-cable-2m").status == 303, "added")
    addr = {"address": "MARKADDRESS 1 http://evil.example/street",
            "city": "MARKCITY", "postal": "MARKPOSTAL"}
    addr_fields = dict(ADDRESS)
    addr_fields.update(addr)
    token = order_token(b.place(addr_fields, name=TYPED["name"],
                                email="victim@example.net", payment="bank"))
    mine = received_by(s, n0, "victim@example.net", 2)
    shop = received_by(s, n0, "shop@souk.example", 2)
    check(len(mine) == 1 and len(shop) == 1, "two mails")
    text = everything(mine[0])
    for mark in ("MARKNAME", "Zed", "MARKADDRESS", "MARKCITY", "MARKPOSTAL",
                 "evil.example", "20 123 456", "+21620123456"):
        check(mark not in text, "the confirmation echoes %r" % mark)
    check(mine[0]["msg"]["To"] == "victim@example.net",
          "To: %r" % mine[0]["msg"]["To"])
    check("/order/" + token in text, "the confirmation links the order")
    whole = everything(shop[0])
    check("MARKNAME" in whole and "MARKADDRESS" in whole,
          "the shop's copy names the buyer")


# U+0080..U+009F (C1, NEL and CSI among them), U+2028, U+2029.
BAD = [chr(c) for c in range(0x80, 0xA0)] + ["\u2028", "\u2029"]


@test
def checkout_names_with_c1_or_separators_are_a_422_beside_the_field():
    s = store()
    b = Shopper(s)
    check(b.add("hdmi-2-1-cable-2m").status == 303, "added")
    _, form = b.form()
    orders0 = s.ctl("orders", "list").stdout
    for ch in BAD:
        r = b.place(ADDRESS, form, name="Amira" + ch + "Salah")
        check(r.status == 422, "name with U+%04X -> %d" % (ord(ch), r.status))
        check('id="err-name">Write your name on one line' in r.text,
              "U+%04X: no error beside the name: %s" % (
                  ord(ch), strip(r.text)[:300]))
    check(s.ctl("orders", "list").stdout == orders0, "no order was placed")
    check("refused to queue" not in s.logs("checkout"), "mail_enqueue refused")
    # The longest valid name (100 code points of 4 bytes) goes through.
    longest = "\U0001F600" * 100
    r = b.place(ADDRESS, form, name=longest)
    order_token(r)
    r2 = Shopper(s)
    r2.add("hdmi-2-1-cable-2m")
    r = r2.place(ADDRESS, name=longest + "x")
    check(r.status == 422 and 'id="err-name">' in r.text, "101 -> 422")


@test
def contact_names_and_subjects_with_c1_or_separators_are_refused_beside_the_field():
    s = store()
    tok, cookie = form_token(s)
    for ch in BAD:
        for field in ("name", "subject"):
            r = post_contact(s, contact_fields(**{field: "Ana" + ch + "Test"}),
                             tok, cookie)
            check(r.status == 400, "%s with U+%04X -> %d" % (field, ord(ch),
                                                            r.status))
            check(re.search(r'id="c-%s-err">[^<]*on one line, without line '
                            r'breaks' % field, r.text),
                  "%s U+%04X: no error beside the field" % (field, ord(ch)))
    check("refused to queue" not in s.logs("contact"), "mail_enqueue refused")
    r = post_contact(s, contact_fields(name="\U0001F600" * 100), tok, cookie)
    check(r.status == 303, "the longest name -> %d" % r.status)


@test
def unverified_mail_stacks_stop_cleanly():
    reports = stacks.stop_all()
    check(not reports, "sanitizers: " + "\n".join(reports)[:3000])
