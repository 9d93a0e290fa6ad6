"""Accounts through the real nginx with a real SMTP server: register ->
verification mail -> verify -> login -> order history (a guest order with
the same e-mail) -> logout; no enumeration; session rotation, expiry and
server-side logout; throttling; reset; roles and the return path; TOTP."""
import re
import time

import harness
from harness import test, check, SmtpSink
from mailtest import Stacks, mail_env, query, wait_until, decoded
from shop import Shopper, hidden, execute, one
from staff import mails_to

stacks = Stacks()
PW = "tangerine-orbit-42"


def acct_stack():
    def make():
        sink = SmtpSink()
        stacks.extra.append(sink)
        env = mail_env(smtp_port=sink.port)
        # Every test here registers from 127.0.0.1.
        env["SOUK_REGISTER_RATE_LIMIT"] = "1000"
        s = harness.Stack(env=env)
        s.sink = sink
        return s.start()
    return stacks.get("account", make)


def form_post(sh, get_path, post_path, fields):
    r = sh.get(get_path)
    check(r.status == 200, "%s: %r" % (get_path, r))
    f = dict(fields)
    f["csrf"] = hidden(r.text, "csrf")
    return sh.post(post_path, f)


def rel(url):
    return "/" + url.split("/", 3)[3]


def wait_mail(s, addr, n=1):
    wait_until(lambda: len(mails_to(s, addr)) >= n, what="mail to " + addr)
    return mails_to(s, addr)[n - 1]


def wait_link(s, addr, path, n=1):
    """The n-th mail to addr carrying a link to path."""
    def found():
        return [m for m in mails_to(s, addr) if path + "?token=" in body_of(m)]
    wait_until(lambda: len(found()) >= n, what="%s mail to %s" % (path, addr))
    return found()[n - 1]


def body_of(msg):
    m = msg["msg"]
    for part in m.walk():
        if part.get_content_type() == "text/plain":
            return part.get_payload(decode=True).decode("utf-8")
    return ""


def register(s, email, name="Amina Test", pw=PW):
    sh = Shopper(s)
    r = form_post(sh, "/account/register", "/account/register",
                  {"name": name, "email": email, "password": pw})
    return sh, r


def login(s, email, pw=PW, sh=None, nxt=None):
    sh = sh or Shopper(s)
    f = {"email": email, "password": pw}
    if nxt:
        f["next"] = nxt
    return sh, form_post(sh, "/account/login", "/account/login", f)


def verified_user(s, email):
    sh, r = register(s, email)
    check(r.status == 303, r)
    m = wait_mail(s, email)
    url = re.search(r"http://\S+/account/verify\?token=\S+", body_of(m)).group(0)
    r = sh.get(rel(url))
    check(r.status == 303 and "notice=verified" in r.header("Location"), r)
    return sh


@test
def account_register_verify_login_orders_logout():
    s = acct_stack()
    email = "amina@example.com"
    # A guest order with that address, before the account exists.
    g = Shopper(s)
    g.add("the-last-caravan-film")
    r = g.place({"email": email})
    check(r.status == 303, "guest order: %r" % r)
    ref = one(s, "SELECT reference FROM orders ORDER BY id DESC LIMIT 1")
    sh, r = register(s, email)
    check(r.status == 303 and "notice=check_mail" in r.header("Location"), r)
    row = one(s, "SELECT verified_at, pw_hash FROM users WHERE email_norm = ?",
              email)
    check(row[0] is None and row[1].startswith("$s1$0d0801$"), row)
    m = wait_link(s, email, "/account/verify")
    url = re.search(r"http://\S+/account/verify\?token=(\S+)", body_of(m))
    check(url is not None, body_of(m))
    tok = url.group(1)
    check(one(s, "SELECT count(*) FROM user_tokens WHERE hash = ?", tok)
          == 0, "token stored in clear")
    r = sh.get(rel(url.group(0)))
    check("notice=verified" in r.header("Location"), r)
    r = sh.get(rel(url.group(0)))
    check("notice=bad_link" in r.header("Location"), "token reused")
    # Login: a planted cookie never becomes the session.
    sh2 = Shopper(s)
    planted = "A" * 43
    sh2.cookies["souk_sess"] = planted
    sh2, r = login(s, email, sh=sh2)
    check(r.status == 303 and r.header("Location").endswith("/account"), r)
    check(sh2.cookies.get("souk_sess") not in (None, planted), "no rotation")
    cookie = [c for c in r.headers_all("Set-Cookie") if c.startswith("souk_sess=")][0]
    check("HttpOnly" in cookie and "SameSite=Lax" in cookie, cookie)
    home = sh2.get("/account")
    check(home.status == 200 and ref in home.text, "guest order not listed")
    check(home.header("Cache-Control") == "private, no-store", "cacheable")
    check('id="account-link"' in sh2.get("/").text, "header link")
    cat = sh2.get("/")
    check(cat.header("X-Accel-Expires") is None, "logged-in page cacheable")
    # Logout deletes the session server-side: the old cookie is dead.
    old = sh2.cookies["souk_sess"]
    r = sh2.post("/account/logout", {"csrf": hidden(home.text, "csrf")})
    check(r.status == 303, r)
    r = s.get("/account", headers={"Cookie": "souk_sess=" + old})
    check(r.status == 303 and "/account/login" in r.header("Location"),
          "old session still alive")


@test
def account_no_enumeration():
    s = acct_stack()
    verified_user(s, "known@example.com")
    n0 = len(s.sink.messages)
    _, a = register(s, "known@example.com")
    _, b = register(s, "unknown-reg@example.com")
    check(a.status == b.status == 303 and a.header("Location") ==
          b.header("Location"), "register answers differ")
    wait_mail(s, "known@example.com", 2)
    check("already" in body_of(mails_to(s, "known@example.com")[1]).lower(),
          "owner not told")
    t = time.time()
    _, a = login(s, "known@example.com", "wrong-password-1")
    ta = time.time() - t
    t = time.time()
    _, b = login(s, "nobody-here@example.com", "wrong-password-1")
    tb = time.time() - t
    check(a.status == b.status == 200, (a, b))
    strip = lambda x: re.sub(r'(value|content)="[^"]*"', "", x.text)
    if strip(a) != strip(b):
        import difflib
        print("\n".join(difflib.unified_diff(strip(a).splitlines(),
                                             strip(b).splitlines())))
    check(strip(a) == strip(b), "login pages differ")
    check(tb > ta * 0.3, "unknown e-mail answered without hashing")
    sh = Shopper(s)
    a = form_post(sh, "/account/forgot", "/account/forgot",
                  {"email": "known@example.com"})
    b = form_post(sh, "/account/forgot", "/account/forgot",
                  {"email": "nobody-here@example.com"})
    check(a.status == b.status == 303 and a.header("Location") ==
          b.header("Location"), "forgot answers differ")
    check(n0 >= 0, "")


@test
def account_reset_single_use_and_expiry():
    s = acct_stack()
    email = "reset@example.com"
    verified_user(s, email)
    sh = Shopper(s)
    form_post(sh, "/account/forgot", "/account/forgot", {"email": email})
    # The first mail carrying a reset link (the order of other notices
    # is the mail sender's), and never one mail twice.
    m = wait_link(s, email, "/account/reset")
    url = re.search(r"http://\S+/account/reset\?token=\S+", body_of(m)).group(0)
    ids = [x["msg"]["Message-ID"] for x in mails_to(s, email)]
    check(len(ids) == len(set(ids)), "a mail delivered twice: %r" % ids)
    r = sh.get(rel(url))
    check(r.status == 200 and 'name="token"' in r.text, r)
    r = sh.post("/account/reset", {"csrf": hidden(r.text, "csrf"),
                                   "token": hidden(r.text, "token"),
                                   "password": "password12"})
    check(r.status == 400 and "acct-error" in r.text, "common password taken")
    r = sh.get(rel(url))
    r = sh.post("/account/reset", {"csrf": hidden(r.text, "csrf"),
                                   "token": hidden(r.text, "token"),
                                   "password": "new-violet-harbour-7"})
    check(r.status == 303 and "reset_done" in r.header("Location"), r)
    r = sh.get(rel(url))
    r = sh.post("/account/reset", {"csrf": hidden(r.text, "csrf"),
                                   "token": hidden(r.text, "token"),
                                   "password": "other-violet-harbour-8"})
    check("bad_link" in r.header("Location"), "reset token reused")
    _, r = login(s, email, "new-violet-harbour-7")
    check(r.status == 303, "new password refused")
    # An expired token is refused.
    form_post(sh, "/account/forgot", "/account/forgot", {"email": email})
    m = wait_link(s, email, "/account/reset", 2)
    url = re.search(r"http://\S+/account/reset\?token=\S+", body_of(m)).group(0)
    execute(s, "UPDATE user_tokens SET expires_at = 1 WHERE purpose = 'reset'")
    r = sh.get(rel(url))
    r = sh.post("/account/reset", {"csrf": hidden(r.text, "csrf"),
                                   "token": hidden(r.text, "token"),
                                   "password": "third-violet-harbour-9"})
    check("bad_link" in r.header("Location"), "expired token accepted")


@test
def account_session_expiry_and_logout_everywhere():
    s = acct_stack()
    email = "sess@example.com"
    verified_user(s, email)
    a, _ = login(s, email)
    b, _ = login(s, email)
    check(a.get("/account").status == 200 and b.get("/account").status == 200,
          "two sessions")
    # Idle expiry (the clock is the database's times).
    execute(s, "UPDATE sessions SET seen_at = seen_at - 7300 WHERE user_id = "
            "(SELECT id FROM users WHERE email_norm = ?)", email)
    check(a.get("/account").status == 303, "idle session alive")
    a, _ = login(s, email)
    execute(s, "UPDATE sessions SET created_at = created_at - 86500 WHERE "
            "user_id = (SELECT id FROM users WHERE email_norm = ?)", email)
    check(a.get("/account").status == 303, "session past its lifetime alive")
    a, _ = login(s, email)
    b, _ = login(s, email)
    home = a.get("/account/security")
    r = a.post("/account/logout-all", {"csrf": hidden(home.text, "csrf")})
    check(r.status == 303 and "logged_out_all" in r.header("Location"), r)
    check(b.get("/account").status == 303, "other session survived")
    check(one(s, "SELECT count(*) FROM sessions WHERE user_id = (SELECT id "
              "FROM users WHERE email_norm = ?)", email) == 0, "rows left")


@test
def account_throttle_delay_lock_and_unlock():
    sink = SmtpSink()
    with harness.Stack(env=mail_env(smtp_port=sink.port)) as s:
        s.sink = sink
        s.start()
        email = "throttle@example.com"
        verified_user(s, email)
        for i in range(5):
            _, r = login(s, email, "wrong-password-%d" % i)
            check(r.status == 200, "failure %d: %r" % (i, r))
        _, r = login(s, email, PW)
        check(r.status == 429 and r.header("Retry-After"), "6th not delayed")
        # Waits skipped by moving the last failure back (the clock is
        # the database's times): failures 6 to 19.
        for i in range(14):
            execute(s, "UPDATE login_failures SET last_at = "
                    "strftime('%s','now') - 1000")
            _, r = login(s, email, "wrong-again-%d" % i)
            check(r.status == 200, "failure %d: %r" % (i + 6, r))
        execute(s, "UPDATE login_failures SET last_at = strftime('%s','now') - 1000")
        _, r = login(s, email, "wrong-last-one")
        check(one(s, "SELECT locked FROM login_failures WHERE key = ?",
                  email) == 1, "not locked after 20")
        execute(s, "UPDATE login_failures SET last_at = strftime('%s','now') - 5000")
        _, r = login(s, email, PW)
        check(r.status == 429 and "acct-error" in r.text, "21st not locked")
        m = wait_mail(s, email, 2)
        url = re.search(r"http://\S+/account/unlock\?token=\S+",
                        body_of(m)).group(0)
        r = Shopper(s).get(rel(url))
        check("unlocked" in r.header("Location"), r)
        _, r = login(s, email, PW)
        check(r.status == 303, "unlock did not lift the lock")
        sink.stop()


@test
def account_roles_and_return_path():
    s = acct_stack()
    p = s.ctl("user", "add", "--email", "staff@example.com", "--role",
              "employee")
    pw = re.search(r"password: (\S+)", p.stdout).group(1)
    r = s.get("/account/security?x=1")
    check(r.status == 303 and "/account/login?next=%2Faccount%2Fsecurity%3Fx%3D1"
          in r.header("Location"), r.header("Location"))
    for evil in ("//evil.example/", "https://evil.example/", "/\\evil",
                 "\\\\evil", "javascript:alert(1)"):
        _, r = login(s, "staff@example.com", pw, nxt=evil)
        check(r.status == 303 and r.header("Location") ==
              s.base + "/account", "open redirect via %r: %s" %
              (evil, r.header("Location")))
    _, r = login(s, "staff@example.com", pw, nxt="/account/security")
    check(r.header("Location") == s.base + "/account/security", r)
    p = s.ctl("user", "list")
    check("staff@example.com" in p.stdout and "employee" in p.stdout, p.stdout)


@test
def account_csrf_and_xss():
    s = acct_stack()
    sh = Shopper(s)
    sh.get("/account/register")
    r = sh.post("/account/register", {"name": "x", "email": "c@example.com",
                                      "password": PW, "csrf": "forged"})
    check(r.status == 403, "forged CSRF accepted")
    xss = '<script>alert(1)</script>'
    r = form_post(sh, "/account/login", "/account/login",
                  {"email": xss, "password": "x"})
    check(xss not in r.text, "XSS echoed")
    sh, r = register(s, "xss@example.com", name=xss)
    m = wait_mail(s, "xss@example.com")
    url = re.search(r"http://\S+/account/verify\?token=\S+", body_of(m)).group(0)
    sh.get(rel(url))
    sh, _ = login(s, "xss@example.com")
    home = sh.get("/account")
    check(xss not in home.text and "&lt;script&gt;" in home.text, "name XSS")


def totp(secret, step):
    import base64, hashlib, hmac, struct
    key = base64.b32decode(secret + "=" * (-len(secret) % 8))
    mac = hmac.new(key, struct.pack(">Q", step), hashlib.sha1).digest()
    off = mac[19] & 15
    v = struct.unpack(">I", mac[off:off + 4])[0] & 0x7fffffff
    return "%06d" % (v % 1000000)


@test
def account_staff_totp_reuse_and_recovery_codes():
    s = acct_stack()
    p = s.ctl("user", "add", "--email", "admin2@example.com", "--role", "admin")
    pw = re.search(r"password: (\S+)", p.stdout).group(1)
    sh, r = login(s, "admin2@example.com", pw)
    sec = sh.get("/account/security")
    check('id="totp-setup"' in sec.text, "no TOTP setup for staff")
    r = sh.post("/account/totp/setup", {"csrf": hidden(sec.text, "csrf")})
    check(r.status == 200 and "<svg" in r.text and "<path" in r.text, r)
    secret = re.search(r'id="totp-secret">([A-Z2-7]+)<', r.text).group(1)
    step = int(time.time()) // 30
    r = sh.post("/account/totp/enable", {"csrf": hidden(r.text, "csrf"),
                                         "code": totp(secret, step)})
    check(r.status == 200 and 'id="recovery-codes"' in r.text, r)
    codes = re.findall(r"<li><code>([0-9a-f]{6}-[0-9a-f]{6})</code>", r.text)
    check(len(codes) == 10, codes)
    # Password alone is not a login any more; the used code is refused.
    sh2, r = login(s, "admin2@example.com", pw)
    check("/account/2fa" in r.header("Location"), r.header("Location"))
    check(sh2.get("/account").status == 303, "logged in before 2FA")
    r = form_post(sh2, "/account/2fa", "/account/2fa",
                  {"code": totp(secret, step)})
    check(r.status == 200 and "acct-error" in r.text, "TOTP code reused")
    r = form_post(sh2, "/account/2fa", "/account/2fa",
                  {"code": totp(secret, step + 1)})
    check(r.status == 303, "fresh code refused: %r" % r)
    check(sh2.get("/account").status == 200, "not logged in after 2FA")
    # A recovery code works once.
    sh3, r = login(s, "admin2@example.com", pw)
    r = form_post(sh3, "/account/2fa", "/account/2fa", {"code": codes[0]})
    check(r.status == 303, "recovery code refused")
    sh4, r = login(s, "admin2@example.com", pw)
    r = form_post(sh4, "/account/2fa", "/account/2fa", {"code": codes[0]})
    check(r.status == 200 and "acct-error" in r.text, "recovery code reused")
    check(one(s, "SELECT count(*) FROM recovery_codes WHERE hash = ?",
              codes[0].replace("-", "")) == 0, "recovery code stored clear")


@test
def account_export_and_delete_keep_orders_anonymised():
    s = acct_stack()
    email = "privacy@example.com"
    sh = verified_user(s, email)
    g = Shopper(s)
    g.add("the-last-caravan-film")
    check(g.place({"email": email}).status == 303, "guest order")
    sh, _ = login(s, email)
    sec = sh.get("/account/security")
    r = sh.post("/account/export", {"csrf": hidden(sec.text, "csrf"),
                                    "current": "wrong-password-x"})
    check(r.status == 400, "export without the password")
    r = sh.post("/account/export", {"csrf": hidden(sec.text, "csrf"),
                                    "current": PW})
    data = r.json()
    check(data["email"] == email and len(data["orders"]) == 1, data)
    n_orders = one(s, "SELECT count(*) FROM orders")
    r = sh.post("/account/delete", {"csrf": hidden(sec.text, "csrf"),
                                    "current": PW})
    check(r.status == 303 and "deleted" in r.header("Location"), r)
    check(one(s, "SELECT count(*) FROM orders") == n_orders, "orders lost")
    check(one(s, "SELECT count(*) FROM orders WHERE email_norm = ?", email)
          == 0, "order keeps the e-mail")
    check(one(s, "SELECT count(*) FROM users WHERE email_norm = ?", email)
          == 0, "account keeps the e-mail")
    _, r = login(s, email)
    check(r.status == 200 and "acct-error" in r.text, "deleted account logs in")


@test
def account_checkout_prefill_and_offer_after_guest_order():
    s = acct_stack()
    g = Shopper(s)
    g.add("the-last-caravan-film")
    r = g.place({"email": "guest-offer@example.com"})
    page = g.get(rel(r.header("Location")) if r.header("Location").startswith(
        "http") else r.header("Location"))
    check('id="create-account"' in page.text and
          "/account/register?email=guest-offer%40example.com" in page.text,
          "no account offer after a guest order")
    reg = g.get("/account/register?email=guest-offer%40example.com")
    check('value="guest-offer@example.com"' in reg.text, "register not prefilled")
    email = "prefill@example.com"
    verified_user(s, email)
    sh, _ = login(s, email)
    home = sh.get("/account")
    sh.post("/account/profile", {"csrf": hidden(home.text, "csrf"),
                                 "name": "Prefill Person", "phone": "20 123 456",
                                 "country": "TN"})
    sh.add("the-last-caravan-film")
    r = sh.get("/checkout")
    check('value="Prefill Person"' in r.text and 'value="%s"' % email in r.text
          and 'value="+21620123456"' in r.text, "checkout not prefilled")


@test
def account_session_never_shows_to_the_next_visitor():
    """A worker renders a logged-in page, then an anonymous one: the
    second must not carry the first visitor's header (Session.* lives in
    the worker's HDF and is removed after every request)."""
    s = acct_stack()
    sh = verified_user(s, "leak@example.com")
    _, r = login(s, "leak@example.com", sh=sh)
    check(r.status in (200, 303), r)
    anon = Shopper(s)
    for _ in range(12):
        r = sh.get("/contact")
        check('id="account-link"' in r.text,
              "the user's own page lost its header")
        r = anon.get("/contact")
        check("leak@example.com" not in r.text and 'id="account-link"'
              not in r.text, "an anonymous visitor got the user's header")


def security_post(sh, path, fields):
    return form_post(sh, "/account/security", path, fields)


def alive(s, sh):
    """1 when this browser's session cookie still opens /account."""
    r = s.get("/account", headers={"Cookie": "souk_sess=" +
                                   sh.cookies.get("souk_sess", "x")})
    return r.status == 200


@test
def account_password_change_ends_other_sessions():
    s = acct_stack()
    email = "pw-change@example.com"
    verified_user(s, email)
    a, r = login(s, email)
    b, r = login(s, email)
    check(alive(s, a) and alive(s, b), "two sessions")
    old_a = a.cookies["souk_sess"]
    new_pw = "marigold-canyon-77"
    r = security_post(a, "/account/password",
                      {"current": PW, "password": new_pw})
    check(r.status == 303, r)
    check(not alive(s, b), "the other session survived a password change")
    check(alive(s, a) and a.cookies["souk_sess"] != old_a,
          "the session that changed it keeps going under a new id")
    m = wait_mail(s, email, 2)
    check("password" in decoded(m["msg"], "Subject").lower() or
          "password" in body_of(m).lower(), "no password-changed mail")
    _, r = login(s, email)
    check(r.status == 200, "old password still accepted: %r" % r)
    _, r = login(s, email, pw=new_pw)
    check(r.status == 303, r)


@test
def account_email_change_confirmed_on_new_notified_on_old():
    s = acct_stack()
    old, new = "mail-old@example.com", "mail-new@example.com"
    verified_user(s, old)
    a, _ = login(s, old)
    b, _ = login(s, old)
    before_old = len(mails_to(s, old))
    r = security_post(a, "/account/email", {"email": new, "current": PW})
    check(r.status == 303, r)
    # Nothing changes until the new address proves itself.
    check(one(s, "SELECT count(*) FROM users WHERE email_norm = ?", old) == 1,
          "changed before confirmation")
    m = wait_link(s, new, "/account/email/confirm")
    url = re.search(r"http://\S+/account/email/confirm\?token=\S+",
                    body_of(m)).group(0)
    r = a.get(rel(url))
    check(r.status == 303 and "notice=email_changed" in r.header("Location"),
          r)
    check(one(s, "SELECT count(*) FROM users WHERE email_norm = ?", new) == 1,
          "not changed")
    wait_until(lambda: len(mails_to(s, old)) > before_old,
               what="notice to the old address")
    check(not alive(s, b), "another session survived the e-mail change")
    check(alive(s, a), "the confirming session ended")
    r = a.get(rel(url))
    check("notice=bad_link" in r.header("Location"), "link reused")
    _, r = login(s, new)
    check(r.status == 303, "login with the new address: %r" % r)


@test
def account_guest_cart_merges_at_login():
    s = acct_stack()
    email = "merge@example.com"
    verified_user(s, email)
    slugs = [row[0] for row in query(
        s, "SELECT slug FROM products WHERE active = 1 AND stock IS NULL "
        "ORDER BY id LIMIT 2")]
    check(len(slugs) == 2, slugs)
    a, _ = login(s, email)
    check(a.add(slugs[0]).status == 303, "add as the account")
    g = Shopper(s)
    check(g.add(slugs[1]).status == 303, "add as a guest")
    guest_cart = g.cart
    _, r = login(s, email, sh=g)
    check(r.status == 303, r)
    cart = g.get("/cart").text
    names = [one(s, "SELECT name FROM products WHERE slug = ?", x)
             for x in slugs]
    check(all(n.replace("&", "&amp;") in cart for n in names),
          "merged cart lacks a line: %s" % names)
    check(g.cart != guest_cart or one(
        s, "SELECT user_id IS NOT NULL FROM carts WHERE token = ?",
        guest_cart) == 1, "the guest cart did not join the account")


@test
def account_new_device_login_is_mailed():
    s = acct_stack()
    email = "device@example.com"
    verified_user(s, email)

    def news():
        return [m for m in mails_to(s, email) if
                decoded(m["msg"], "Subject").startswith("New login")]
    a, _ = login(s, email)            # a browser never seen
    wait_until(lambda: len(news()) == 1, what="new-device mail")
    check(a.cookies.get("souk_dev"), "no device cookie")
    login(s, email, sh=a)             # the same browser again: no news
    b, _ = login(s, email)            # another new browser: news
    wait_until(lambda: len(news()) == 2, what="second new-device mail")
    time.sleep(1.0)
    check(len(news()) == 2, "mailed for a known device: %d" % len(news()))


@test
def account_staff_second_factor_can_be_made_mandatory():
    s = acct_stack()
    email = "staff-2fa@example.com"
    verified_user(s, email)
    execute(s, "UPDATE users SET role = 'employee' WHERE email_norm = ?",
            email)
    sh, r = login(s, email)
    check(r.status == 303, r)
    check(sh.get("/admin").status == 200, "employee without a rule")
    execute(s, "INSERT OR REPLACE INTO settings(key, value) "
            "VALUES ('staff_totp_required', '1')")
    try:
        r = sh.get("/admin")
        check(r.status == 303 and "/account/security?totp=required" in
              r.header("Location"), "mandatory TOTP not enforced: %r" % r)
        page = sh.get("/account/security?totp=required")
        check('id="totp-required"' in page.text, "no explanation")
        # Customers are not staff: the rule does not touch them.
        check(Shopper(s).get("/").status == 200, "storefront")
    finally:
        execute(s, "DELETE FROM settings WHERE key = 'staff_totp_required'")


@test
def account_order_while_logged_in_is_theirs_and_export_has_messages():
    s = acct_stack()
    email = "mine@example.com"
    sh = verified_user(s, email)
    sh, _ = login(s, email, sh=sh)
    sh.add("the-last-caravan-film")
    # Another address on the order: it still belongs to the account.
    r = sh.place({"email": "someone-else@example.com"})
    check(r.status == 303, r)
    ref = one(s, "SELECT reference FROM orders ORDER BY id DESC LIMIT 1")
    check(one(s, "SELECT user_id FROM orders WHERE reference = ?", ref) ==
          one(s, "SELECT id FROM users WHERE email_norm = ?", email),
          "orders.user_id not set at placement")
    check(ref in sh.get("/account").text, "not in the order history")
    # A contact message from the verified address is part of my data.
    from mailtest import form_token, post_contact, contact_fields
    tok, cookie = form_token(s)
    r = post_contact(s, contact_fields(email=email, subject="Export me"),
                     tok, cookie)
    check(r.status == 303, r)
    r = security_post(sh, "/account/export", {"current": PW})
    import json
    data = json.loads(r.text)
    check([m["subject"] for m in data["messages"]] == ["Export me"],
          data.get("messages"))
    check(ref in [o["reference"] for o in data["orders"]], "order missing")


@test
def account_hash_flood_answers_503_with_retry_after():
    import fcntl
    import glob
    s = acct_stack()
    email = "slots@example.com"
    verified_user(s, email)
    locks = sorted(glob.glob(s.dir + "/files/locks/hash.*"))
    check(locks, "no hash slot files")
    held = []
    try:
        for p in locks:
            f = open(p, "r+")
            fcntl.flock(f, fcntl.LOCK_EX)
            held.append(f)
        _, r = login(s, email)
        check(r.status == 503 and r.header("Retry-After"),
              "all slots busy: %r" % r)
    finally:
        for f in held:
            f.close()
    _, r = login(s, email)
    check(r.status == 303, "slots free again: %r" % r)
