"""The contact program through the real nginx: the form and its token, the
POST -> redirect -> thank-you round trip with the mail leaving right after
the response, validation, CSRF and same-origin refusals, header injection,
the honeypot, the per-address rate limit, plain CGI mode."""
import re
import time
import urllib.parse

import harness
from harness import test, check, strip_tags
from mailtest import (Stacks, mail_env, closed_port, form_token,
                      contact_fields, post_contact, count, query, wait_until,
                      decoded)

stacks = Stacks()


def contact_stack():
    """Sink running, no daemon: mail that arrives left through the
    request's deferred delivery."""
    def make():
        sink = harness.SmtpSink()
        stacks.extra.append(sink)
        s = harness.Stack(env=mail_env(smtp_port=sink.port), demo=False)
        s.sink = sink
        return s.start()
    return stacks.get("contact", make)


def stored(s):
    return count(s, "messages"), count(s, "mail_outbox")


@test
def contact_form_has_token_fields_and_honeypot():
    s = contact_stack()
    r = s.get("/contact")
    check(r.status == 200, r)
    t = r.text
    for name in ("name", "email", "subject", "message", "order", "website",
                 "csrf"):
        check('name="%s"' % name in t, "form lacks field " + name)
    check('action="/contact"' in t and 'method="post"' in t, "form target")
    check('class="hp" aria-hidden="true"' in t and 'tabindex="-1"' in t,
          "honeypot must be hidden from people")
    check(r.header("Cache-Control") == "private, no-store", "cacheable form")
    check(any(v.startswith("souk_csrf=") and "HttpOnly" in v
              for v in r.headers_all("Set-Cookie")), "no souk_csrf cookie")
    check('href="/contact"' in t, "footer link to /contact")
    check("field-error" not in t and "contact-errors" not in t,
          "a first visit must show no errors")
    fr = s.get("/contact?lang=fr").text
    check("Nous contacter" in fr and "Envoyer le message" in fr, "French form")
    pre = s.get("/contact?order=SK-1042&subject=Late+delivery").text
    check('value="SK-1042"' in pre and 'value="Late delivery"' in pre,
          "prefill from the query")


@test
def contact_message_stored_mail_leaves_after_response():
    s = contact_stack()
    before = stored(s)
    n0 = len(s.sink.messages)
    tok, cookie = form_token(s)
    r = post_contact(s, contact_fields(subject="Where is my box?",
                                       order="SK-7"), tok, cookie)
    check(r.status == 303, "POST -> %d" % r.status)
    check(r.header("Location") == s.base + "/contact?sent=1", r.header("Location"))
    check(stored(s) == (before[0] + 1, before[1] + 2),
          "one message and two mails must be stored, got %r -> %r" %
          (before, stored(s)))
    row = query(s, "SELECT name, email, subject, body, order_ref, lang, "
                "mail_id FROM messages ORDER BY id DESC LIMIT 1")[0]
    check(row[:6] == ("Ana Test", "ana@example.com", "Where is my box?",
                      "Hello,\r\nis it in stock?", "SK-7", "en"), row)
    shop = query(s, "SELECT to_addr, reply_to, reply_to_name FROM mail_outbox "
                 "WHERE id = ?", (row[6],))[0]
    check(shop == ("shop@souk.example", "ana@example.com", "Ana Test"), shop)
    thanks = s.get("/contact?sent=1")
    check(thanks.status == 200 and 'id="contact-thanks"' in thanks.text,
          "thank-you page")
    # No daemon runs on this stack: the request itself delivered them.
    msgs = s.sink.wait(n0 + 2)[n0:]
    check(len(msgs) == 2, "expected 2 mails, got %d" % len(msgs))
    to = sorted(m["rcpt_tos"][0] for m in msgs)
    check(to == ["ana@example.com", "shop@souk.example"], to)
    wait_until(lambda: count(s, "mail_outbox", "status = 'sent'") >=
               before[1] + 2, what="rows marked sent")
    check("mail %d: sent" % row[6] in s.logs("contact"),
          "the contact worker did not log the delivery")


@test
def contact_validation_errors_beside_fields_values_kept():
    s = contact_stack()
    before = stored(s)
    tok, cookie = form_token(s)
    r = post_contact(s, contact_fields(name="Zoé <b>x</b>", email="not-an-address",
                                       message="   "), tok, cookie)
    check(r.status == 400, "invalid form -> %d" % r.status)
    t = r.text
    check('id="contact-errors"' in t and 'role="alert"' in t, "error summary")
    check(re.search(r'id="c-email"[^>]*aria-invalid="true"', t) is not None,
          "email not marked invalid")
    check('id="c-email-err"' in t and
          "Enter your e-mail address, like name@example.com." in t,
          "email error beside the field")
    check('id="c-message-err"' in t and "Write your message." in t,
          "message error beside the field")
    # The summary lists the fields in the form's order (order number
    # before the subject), each a whole sentence linking to its field.
    summary = t[t.index('id="contact-errors"'):]
    summary = summary[:summary.index("</div>")]
    links = re.findall(r'<a href="#c-([a-z]+)">([^<]+)</a>', summary)
    check([f for f, _ in links] == ["email", "message"], "summary %r" % links)
    r2 = post_contact(s, contact_fields(name="", subject="", order="x" * 41,
                                        message=""), tok, cookie)
    summary = r2.text[r2.text.index('id="contact-errors"'):]
    links = re.findall(r'<a href="#c-([a-z]+)">([^<]+)</a>', summary)
    check([f for f, _ in links] == ["name", "order", "subject", "message"] and
          links[2][1] == "Enter a subject.", "summary order %r" % links)
    check('value="Zoé &lt;b&gt;x&lt;/b&gt;"' in t, "name kept (escaped)")
    check('value="not-an-address"' in t, "email kept")
    check("<b>x</b>" not in t, "a value was not escaped")
    check('name="csrf" value="' in t, "no fresh token on the error page")
    check(stored(s) == before, "an invalid form stored something")
    fr = post_contact(s, contact_fields(email="x"), tok, cookie,
                      headers={"Cookie": cookie + "; souk_lang=fr"})
    check(fr.status == 400 and "Saisissez votre adresse e-mail, comme" in fr.text,
          "French error message")


@test
def contact_csrf_and_origin_refused_nothing_stored():
    s = contact_stack()
    before = stored(s)
    tok, cookie = form_token(s)
    other_tok, other_cookie = form_token(s)
    f = contact_fields()
    cases = {
        "no token": post_contact(s, f, None, cookie),
        "forged token": post_contact(s, f, "A" * 43, cookie),
        "token of another visitor": post_contact(s, f, other_tok, cookie),
        "stale token (cookie replaced)": post_contact(
            s, f, tok, "souk_csrf=" + "Z" * 24),
        "no cookie": s.post("/contact", dict(f, csrf=tok)),
        "other origin": post_contact(s, f, tok, cookie,
                                     headers={"Origin": "https://evil.example"}),
        "other port": post_contact(s, f, tok, cookie, headers={
            "Origin": "http://127.0.0.1:%d" % (s.port + 1)}),
        "no origin, cross-site fetch": s.request(
            "POST", "/contact", body=urllib.parse.urlencode(dict(f, csrf=tok)),
            headers={"Cookie": cookie, "Sec-Fetch-Site": "cross-site",
                     "Content-Type": "application/x-www-form-urlencoded"}),
    }
    for what, r in cases.items():
        check(r.status == 403, "%s -> %d, want 403" % (what, r.status))
        check("expired" in r.text or "not sent from this site" in r.text,
              what + ": no explanation on the 403 page")
    check(stored(s) == before, "a refused POST stored something")
    # The same form, same-origin, with its token: accepted.
    ok = post_contact(s, f, other_tok, other_cookie)
    check(ok.status == 303, "valid POST after refusals -> %d" % ok.status)


@test
def contact_header_injection_refused_before_anything_is_stored():
    s = contact_stack()
    n0 = len(s.sink.messages)
    before = stored(s)
    tok, cookie = form_token(s)
    evil = [
        ("name", "Ana\r\nBcc: victim@evil.example"),
        ("name", "Ana\nBcc: victim@evil.example"),
        ("name", "Ana\r"),
        ("name", "Ana\x1b[31m"),
        ("subject", "Hi\r\nBcc: victim@evil.example"),
        ("subject", "Hi\nContent-Type: text/html"),
        ("subject", "Hi\u2028there"),
        ("subject", "Hi\x0bthere"),
        ("email", "ana@example.com\r\nBcc: victim@evil.example"),
        ("email", "ana@example.com\n"),
        ("email", "ana@example.com, victim@evil.example"),
        ("email", "Ana <ana@example.com>"),
    ]
    for field, value in evil:
        r = post_contact(s, contact_fields(**{field: value}), tok, cookie)
        check(r.status == 400, "%s=%r -> %d, want 400" % (field, value, r.status))
        check('id="c-%s-err"' % field in r.text, "%s=%r: no error beside the "
              "field" % (field, value))
        if field != "email":
            check("without line breaks or other control characters" in r.text,
                  "%s=%r: unclear message" % (field, value))
    # NUL is refused by the request parser itself, for every field.
    for field in ("name", "email", "subject"):
        body = "csrf=%s&name=Ana&email=ana%%40example.com&subject=Hi&message=x" % tok
        body = body.replace("%s=" % field, "%s=x%%00" % field, 1)
        r = s.post("/contact", raw=body, headers={"Cookie": cookie})
        check(r.status == 400, "NUL in %s -> %d" % (field, r.status))
        check("control characters" in r.text, "NUL in %s: unclear message" % field)
    check(stored(s) == before, "an injection attempt stored something")
    # Whatever was delivered so far never carried a second recipient or
    # an injected header.
    time.sleep(0.3)
    for m in s.sink.messages:
        check(len(m["rcpt_tos"]) == 1, "extra recipient: %r" % m["rcpt_tos"])
        check(b"evil.example" not in m["data"], "injected text reached SMTP")
        check(m["msg"]["Bcc"] is None, "a Bcc header reached SMTP")


@test
def contact_honeypot_thanks_but_keeps_nothing():
    s = contact_stack()
    before = stored(s)
    tok, cookie = form_token(s)
    r = post_contact(s, contact_fields(website="http://spam.example"), tok,
                     cookie)
    check(r.status == 303 and r.header("Location").endswith("/contact?sent=1"),
          "a robot must see the usual thank-you redirect, got %d" % r.status)
    check(stored(s) == before, "a honeypot message was stored")
    check("honeypot" in s.logs("contact"), "honeypot drop not logged")


@test
def contact_headers_and_encodings_reach_smtp():
    s = contact_stack()
    n0 = len(s.sink.messages)
    tok, cookie = form_token(s, lang="fr")
    name, subject = "Élodie Françoise", "Ma commande 🎉 est arrivée"
    r = post_contact(s, contact_fields(
        name=name, email="elodie@example.fr", subject=subject,
        message="Ça marche très bien ! Merci.\r\n.\r\nÉlodie", order="SK-9"),
        tok, cookie, headers={"Cookie": cookie + "; souk_lang=fr"})
    check(r.status == 303, "POST -> %d" % r.status)
    msgs = s.sink.wait(n0 + 2)[n0:]
    check(len(msgs) == 2, "expected 2 mails, got %d" % len(msgs))
    ids = {x[0] for x in query(s, "SELECT message_id FROM mail_outbox")}
    by_to = {m["rcpt_tos"][0]: m for m in msgs}
    shop, ack = by_to["shop@souk.example"], by_to["elodie@example.fr"]
    for m in (shop, ack):
        raw = m["data"]
        msg = m["msg"]
        check(all(b < 0x80 for b in raw), "8-bit bytes on the wire")
        head = raw.split(b"\r\n\r\n", 1)[0]
        check(all(len(line) <= 78 for line in head.split(b"\r\n")),
              "a header line is longer than 78")
        check(msg["Message-ID"] in ids, "Message-ID is not the outbox row's")
        check(msg["MIME-Version"] == "1.0", "MIME-Version")
        check(msg.get_content_type() == "text/plain" and
              msg.get_content_charset() == "utf-8", "content type")
        check(msg["Content-Transfer-Encoding"] == "quoted-printable", "CTE")
        check(msg["Date"] and email_date_ok(msg["Date"]), "Date %r" % msg["Date"])
        check(decoded(msg, "From") == "Souk Test <noreply@souk.example>",
              decoded(msg, "From"))
        check(m["mail_from"] == "noreply@souk.example", m["mail_from"])
        check(len(msg.get_all("To")) == 1 and msg["Bcc"] is None, "To/Bcc")
    check(decoded(shop["msg"], "Reply-To") == "%s <elodie@example.fr>" % name,
          "Reply-To %r" % decoded(shop["msg"], "Reply-To"))
    check(decoded(shop["msg"], "Subject") == "[Contact] " + subject,
          "shop Subject %r" % decoded(shop["msg"], "Subject"))
    body = shop["msg"].get_payload(decode=True).decode("utf-8")
    check("Ça marche très bien ! Merci.\n.\nÉlodie" in body.replace("\r\n", "\n"),
          "message body in the shop mail")
    check("SK-9" in body and name in body, "order and name in the shop mail")
    # The acknowledgement goes to an unverified address: nothing typed.
    check(decoded(ack["msg"], "To") == "elodie@example.fr", "ack To")
    check(decoded(ack["msg"], "Reply-To") == "Souk Test <shop@souk.example>",
          "ack Reply-To")
    check(decoded(ack["msg"], "Subject") ==
          "Nous avons bien reçu votre message (Souk Test)", "ack Subject in French")
    ack_body = ack["msg"].get_payload(decode=True).decode("utf-8")
    check(ack_body.startswith("Bonjour,"), "ack greeting in French")
    for typed in ("Ça marche", "Élodie", "Ma commande", "SK-9"):
        check(typed not in ack_body, "the ack echoes %r" % typed)


def email_date_ok(v):
    import email.utils
    try:
        return abs(email.utils.parsedate_to_datetime(v).timestamp() -
                   time.time()) < 3600
    except (TypeError, ValueError):
        return False


@test
def contact_rate_limit_refuses_the_sixth_in_an_hour():
    def make():
        return harness.Stack(env=mail_env(smtp_port=closed_port(),
                                          contact_rate_limit=5),
                             demo=False).start()
    s = stacks.get("rate", make)
    tok, cookie = form_token(s)
    for i in range(5):
        r = post_contact(s, contact_fields(subject="Question %d" % i), tok, cookie)
        check(r.status == 303, "message %d -> %d" % (i + 1, r.status))
    r = post_contact(s, contact_fields(subject="Question 6", message="Keep me"),
                     tok, cookie)
    check(r.status == 429, "6th message -> %d, want 429" % r.status)
    retry = int(r.header("Retry-After") or 0)
    check(3500 <= retry <= 3600, "Retry-After %r" % r.header("Retry-After"))
    check('id="contact-limit"' in r.text and "wait about 60 minutes" in
          strip_tags(r.text), "429 page without a clear notice")
    check("Keep me</textarea>" in r.text, "the typed text was lost")
    check(count(s, "messages") == 5 and count(s, "mail_outbox") == 10,
          "the 6th message was stored")
    # Another client address is not limited (plain CGI, REMOTE_ADDR set).
    body = urllib.parse.urlencode(dict(contact_fields(), csrf=tok))
    other = harness.cgi("contact", "/contact", method="POST", body=body.encode(),
                        stack_env=s.env, env={
                            "REMOTE_ADDR": "2001:db8:5:6::7",
                            "HTTP_COOKIE": cookie, "HTTP_ORIGIN": s.base,
                            "CONTENT_TYPE": "application/x-www-form-urlencoded"})
    check(other.status == 303, "another address -> %d" % other.status)
    check(query(s, "SELECT client FROM rate_hits ORDER BY rowid DESC LIMIT 1") ==
          [("2001:db8:5:6::/64",)], "IPv6 clients are counted per /64")


@test
def contact_works_as_plain_cgi():
    s = contact_stack()
    r = harness.cgi("contact", "/contact", stack_env=s.env)
    check(r.status == 200 and 'id="contact-form"' in r.body.decode(),
          "CGI GET /contact -> %d" % r.status)
    r = harness.cgi("contact", "/contact", method="PUT", stack_env=s.env)
    check(r.status == 405, "PUT -> %d" % r.status)


@test
def contact_stacks_shut_down_cleanly():
    reports = stacks.stop_all()
    check(not reports, "\n".join(reports)[:3000])
