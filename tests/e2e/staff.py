"""What the back-office tests share: staff accounts made with soukctl,
logging in through the real login form, a store with a mail sink, the
mails one address received."""
import re

import harness
from harness import check
from mailtest import mail_env
from shop import Shopper, hidden

ROLES = ("employee", "admin", "customer")


def add_staff(s, roles=ROLES):
    """Creates <role>@example.com for each role with `soukctl user add`;
    their generated passwords go in s.pw[role].  Returns s."""
    s.pw = getattr(s, "pw", {})
    for who in roles:
        p = s.ctl("user", "add", "--email", "%s@example.com" % who,
                  "--role", who, "--name", "Staff " + who)
        s.pw[who] = re.search(r"password: (\S+)", p.stdout).group(1)
    return s


def mail_store(stacks, env=None, roles=ROLES):
    """A started store whose mail goes to a local SMTP sink (s.sink),
    with env over the mail settings, and the staff of add_staff."""
    sink = harness.SmtpSink()
    stacks.extra.append(sink)
    e = mail_env(smtp_port=sink.port)
    e.update(env or {})
    s = harness.Stack(env=e)
    s.sink = sink
    s.start()
    return add_staff(s, roles)


def login_as(s, email, pw):
    """Logs in through /account/login; returns (shopper, the answer)."""
    sh = Shopper(s)
    r = sh.get("/account/login")
    r = sh.post("/account/login", {"email": email, "password": pw,
                                   "csrf": hidden(r.text, "csrf")})
    return sh, r


def login(s, who):
    """A shopper logged in as the add_staff account of role who."""
    sh, r = login_as(s, "%s@example.com" % who, s.pw[who])
    check(r.status == 303, "login %s: %r %s" % (who, r, r.text[:300]))
    return sh


def mails_to(s, addr):
    """The messages the sink received for addr, oldest first."""
    return [m for m in s.sink.messages if addr in m["rcpt_tos"]]


def post_form(sh, path, fields, page):
    """POSTs fields to path with the CSRF token of page, as the form on
    page would; the page must answer 200."""
    r = sh.get(page)
    check(r.status == 200, "%s: %r" % (page, r))
    f = dict(fields)
    f["csrf"] = hidden(r.text, "csrf")
    return sh.post(path, f)


def check_admin_only(paths, anon, cust, emp, adm):
    """Each path: anonymous -> the login page, customer and employee ->
    403, admin -> 200 and never stored (the access matrix of an
    admins-only page)."""
    for path in paths:
        r = anon.get(path)
        check(r.status == 303 and "/account/login?next=" in
              r.header("Location"), "anonymous %s: %r" % (path, r))
        check(cust.get(path).status == 403, "customer %s" % path)
        check(emp.get(path).status == 403, "employee %s" % path)
        r = adm.get(path)
        check(r.status == 200 and "no-store" in
              (r.header("Cache-Control") or ""), "admin %s: %r" % (path, r))
