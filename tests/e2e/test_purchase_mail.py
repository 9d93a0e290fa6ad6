"""The whole guest purchase with a real SMTP server receiving the mails:
an IPTV plan and a physical product, mobile money, a payment screenshot,
then the order page.  The mails leave right after each response (no mail
daemon runs here), so arriving proves checkout hands them to the sender."""
import email

from harness import SmtpSink, Stack, check, test
from shop import ADDRESS, PNG, Shopper, order_token, strip, upload


def body_text(msg, ctype="text/plain"):
    for part in msg.walk():
        if part.get_content_type() == ctype:
            return part.get_payload(decode=True).decode("utf-8")
    return None


@test
def guest_purchase_mails_arrive_at_the_smtp_server():
    sink = SmtpSink()
    env = sink.env()
    env.update({"SOUK_MAIL_DAEMON": "off",
                "SOUK_SHOP_EMAIL": "orders@shop.example"})
    s = Stack(env=env).start()
    try:
        b = Shopper(s)
        check(b.add("iptv-gold-4k").status == 303, "plan added")
        check(b.add("hdmi-2-1-cable-2m", qty=1).status == 303, "cable added")
        token = order_token(b.place(ADDRESS, payment="mobile",
                                    email="amira@example.com"))
        msgs = sink.wait(2)
        check(len(msgs) == 2, "two mails after placing: %d" % len(msgs))
        by_rcpt = {m["rcpt_tos"][0]: m["msg"] for m in msgs}
        mine = by_rcpt.get("amira@example.com")
        shop_copy = by_rcpt.get("orders@shop.example")
        check(mine is not None and shop_copy is not None,
              "recipients %r" % list(by_rcpt))
        ref = s.ctl("orders", "list").stdout
        check("amira@example.com" in ref, "soukctl orders list")
        check(mine.get_content_type() == "multipart/alternative",
              "the shopper's mail has text and HTML: %s"
              % mine.get_content_type())
        text = body_text(mine)
        check("Gold 4K IPTV" in text and "HDMI 2.1 cable" in text and
              "/order/" + token in text, "order lines and link in the text")
        check("Orange Money" in text, "payment instructions in the mail")
        html = body_text(mine, "text/html")
        check(html and "/order/" + token in html, "link in the HTML part")
        check(mine["Reply-To"] and "orders@shop.example" in mine["Reply-To"],
              "the shopper can reply to the shop")
        check("amira@example.com" in body_text(shop_copy),
              "the shop's copy names the buyer")
        # The screenshot: accepted, the shop told, the page says so.
        r = upload(b, token, [("proof", "paid.png", "image/png", PNG)])
        check(r.status == 303, "proof upload -> %d" % r.status)
        msgs = sink.wait(3)
        check(len(msgs) == 3, "proof mail: %d mails" % len(msgs))
        check(msgs[2]["rcpt_tos"] == ["orders@shop.example"], "to the shop")
        page = strip(b.get("/order/" + token).text)
        check("Proof received" in page or "proof received" in page.lower(),
              "the order page says the proof arrived")
        check(all(m["msg"]["Message-ID"] for m in msgs), "Message-IDs")
    finally:
        s.stop()
        reports = s.sanitizer_reports()
        s.cleanup()
        sink.stop()
    check(not reports, "sanitizers: %s" % "\n".join(reports)[:2000])
