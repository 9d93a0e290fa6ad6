"""The store settings page (/admin/settings) through the real stack: the
access matrix (admins only), a setting changed in the admin in force on
the storefront and at checkout at once (no restart), bad values refused
with a 400 and a clear message, secret gateway keys write-only (never in a
page, the audit log or a log), test and live keys kept apart, every change
audited, back to souk.conf."""
import glob
import os
import re
import time

import harness
from harness import test, check
from mailtest import Stacks
from shop import Shopper, hidden, one, order_token, execute, ADDRESS
from staff import add_staff, login

stacks = Stacks()
SECRET = "sk_test_Zq8WvNotShownAnywhere9Tail"


def set_stack():
    def make():
        s = harness.Stack()
        s.start()
        add_staff(s)
        return s
    return stacks.get("settings", make)


def save(sh, name, value, action="save"):
    r = sh.get("/admin/settings")
    check(r.status == 200, "settings page: %r" % r)
    return sh.post("/admin/settings/save", {
        "csrf": hidden(r.text, "csrf"), "setting": name, "value": value,
        "action": action})


@test
def admin_settings_access_matrix_and_csrf():
    s = set_stack()
    anon = Shopper(s)
    cust, emp, adm = login(s, "customer"), login(s, "employee"), login(s, "admin")
    r = anon.get("/admin/settings")
    check(r.status == 303 and "/account/login?next=" in r.header("Location"),
          "anonymous: %r" % r)
    check(cust.get("/admin/settings").status == 403, "customer")
    check(emp.get("/admin/settings").status == 403, "employee")
    r = adm.get("/admin/settings")
    check(r.status == 200 and "no-store" in (r.header("Cache-Control") or ""),
          "admin: %r" % r)
    check('href="/admin/settings"' in r.text, "in the admin's menu")
    check('href="/admin/settings"' not in emp.get("/admin").text,
          "not in the employee's menu")
    check(anon.post("/admin/settings/save", {"setting": "store_name",
          "value": "X"}).status in (303, 403), "anonymous POST")
    check(cust.post("/admin/settings/save").status == 403, "customer POST")
    check(emp.post("/admin/settings/save").status == 403, "employee POST")
    r = adm.post("/admin/settings/save", {"csrf": "forged",
                 "setting": "store_name", "value": "Forged"})
    check(r.status == 403, "forged CSRF: %r" % r)
    check(one(s, "SELECT count(*) FROM settings WHERE key = 'store_name'")
          == 0, "nothing written without CSRF")


@test
def admin_settings_take_effect_at_once_everywhere():
    s = set_stack()
    adm = login(s, "admin")
    r = save(adm, "store_name", "Souk <b>Nour</b>")
    check(r.status == 303 and "notice=setting" in r.header("Location"),
          "saved: %r %s" % (r, r.text[:300]))
    home = Shopper(s).get("/?after-save=%d" % time.time_ns())
    check("Souk &lt;b&gt;Nour&lt;/b&gt;" in home.text and
          "<b>Nour</b>" not in home.text,
          "the storefront shows the new name, escaped")
    check('class="brand-small">Souk &lt;b&gt;Nour&lt;/b&gt;<' in home.text,
          "the footer (a kept fragment, tmpl.h) shows it too")
    check(save(adm, "shop_phone", "+216 71 123 456").status == 303, "phone")
    r = Shopper(s).get("/contact")
    check("tel:+21671123456" in r.text, "contact page shows the phone")
    home = Shopper(s).get("/?after-phone=%d" % time.time_ns())
    m = re.search(r'<div id="footer-identity">(.*?)</div>', home.text, re.S)
    check(m and "tel:+21671123456" in m.group(1),
          "the footer's identity shows the phone")
    # The checkout program draws references with the new prefix.
    check(save(adm, "order_prefix", "NR").status == 303, "prefix")
    b = Shopper(s)
    b.add("hdmi-2-1-cable-2m")
    f = {"payment": "cod"}
    f.update(ADDRESS)
    token = order_token(b.place(f))
    ref = one(s, "SELECT reference FROM orders WHERE token = ?", token)
    check(ref.startswith("NR-"), "new order prefix in force: %s" % ref)
    # Audit rows, and back to souk.conf.
    check(one(s, "SELECT count(*) FROM audit_log WHERE object_kind = 'setting' "
              "AND object_id = 'order_prefix' AND detail = 'NR'") == 1,
          "audited with its value")
    check(save(adm, "store_name", "", action="reset").status == 303, "reset")
    check(one(s, "SELECT count(*) FROM settings WHERE key = 'store_name'")
          == 0, "row removed")
    # Anonymous pages may be kept by nginx's micro-cache for page_cache
    # (1) seconds, the one delay a change may take there (docs/admin.md):
    # a URL it has not seen shows what the programs render now.
    home = Shopper(s).get("/?after-reset=%d" % time.time_ns())
    check("Nour" not in home.text, "back to the souk.conf name: %s" % re.findall(r"(?s).{0,60}Nour.{0,20}", home.text))
    # soukctl reads them too.
    p = s.ctl("config")
    check(p.returncode == 0, "soukctl config")
    # A second factor for staff, from the page.
    check(save(adm, "staff_totp_required", "1").status == 303, "totp on")
    r = login(s, "employee").get("/admin")
    check(r.status == 303 and "totp=required" in r.header("Location"),
          "employee without a second factor is sent to set one up: %r" % r)
    # The admin has no second factor either: the page is closed to them
    # now too, and soukctl (which reads the same setting) turns it off.
    check(adm.get("/admin/settings").status == 303, "admin sent too")
    check(s.ctl("user", "totp-required", "off").returncode == 0, "off")
    check(login(s, "employee").get("/admin").status == 200, "off again")


@test
def admin_settings_bad_values_refused_with_a_message():
    s = set_stack()
    adm = login(s, "admin")
    for name, value, words in (
            ("shop_phone", "71 123", "international"),
            ("order_prefix", "TOO-LONG-1", "1 to 6 letters"),
            ("timezone", "Mars/Olympus", "time zone"),
            ("timezone", "../../etc/passwd", "time zone"),
            ("shop_email", "not an address", "e-mail"),
            ("low_stock", "-3", "whole number"),
            ("pay_methods", "bank bitcoin", "payment methods"),
            ("pay_mobile", "Ooredoo", "Ooredoo = "),
            ("pay_mode", "prod", "not one of"),
            ("store_name", "", "empty"),
            ("stripe_secret_test", "sk test with blanks", "letters, digits"),
            ("nosuch", "x", "no such setting")):
        r = save(adm, name, value)
        check(r.status == 400, "%s=%r: %r" % (name, value, r))
        check(words in r.text, "%s: message %r in %s" % (
            name, words, re.findall(r'role="alert"[^<]*<[^<]*', r.text)))
    check(one(s, "SELECT count(*) FROM settings WHERE value IN ('71 123', "
              "'TOO-LONG-1', 'Mars/Olympus', '-3', 'prod', 'Ooredoo')") == 0,
          "nothing refused was written")
    r = save(adm, "stripe_secret_test", "")
    check(r.status == 400 and "Type the new key" in r.text, "empty secret")
    # The French page says it in French.
    r = adm.get("/admin/settings?lang=fr")
    r = adm.post("/admin/settings/save", {"csrf": hidden(r.text, "csrf"),
                 "setting": "order_prefix", "value": "12"})
    check(r.status == 400 and "lettres" in r.text, "French message")
    adm.get("/admin/settings?lang=en")


@test
def admin_settings_secrets_are_write_only_and_modes_apart():
    s = set_stack()
    adm = login(s, "admin")
    check(save(adm, "stripe_secret_test", SECRET).status == 303, "saved")
    check(one(s, "SELECT value FROM settings WHERE key = "
              "'stripe_secret_test'") == SECRET, "stored")
    page = adm.get("/admin/settings").text
    check(SECRET not in page and SECRET[:-4] not in page, "never echoed")
    m = re.search(r'id="t-stripe_secret_test">([^<]*)<', page)
    check(m and "ending" in m.group(1) and m.group(1).endswith("Tail"),
          "shown as set, ending with its last four: %r" % (m and m.group(1)))
    m = re.search(r'id="t-stripe_secret_live">([^<]*)<', page)
    check(m and "No key set" in m.group(1), "the live key stays unset")
    check(not re.search(r'name="value"[^>]*value="sk_', page),
          "no secret in an input")
    audit = adm.get("/admin/audit?kind=setting").text
    check("stripe_secret_test" in audit and SECRET not in audit and
          SECRET[-4:] not in audit, "audited without the value")
    check(one(s, "SELECT count(*) FROM audit_log WHERE detail LIKE ?",
              "%" + SECRET[-8:] + "%") == 0, "no part of it in the audit rows")
    # The refused form never puts a typed secret back either.
    r = save(adm, "flouci_secret_live", "bad secret " + SECRET)
    check(r.status == 400 and SECRET not in r.text, "refused, not echoed")
    # Live mode: the test key is not used, the live one is unset.
    check(save(adm, "pay_mode", "live").status == 303, "live")
    page = adm.get("/admin/settings").text
    check(re.search(r'id="pay-mode">[^<]*<strong>live<', page), "mode shown")
    check(save(adm, "pay_mode", "test").status == 303, "test again")
    logs = ""
    for path in glob.glob(os.path.join(s.dir, "run", "logs", "*")):
        with open(path, errors="replace") as f:
            logs += f.read()
    check(logs and SECRET not in logs and SECRET[:-4] not in logs,
          "never logged")


@test
def soukctl_setting_lists_saves_checks_and_resets():
    s = set_stack()
    p = s.ctl("setting", "store_name", "Shell Souk")
    check("store_name = Shell Souk" in p.stdout, p.stdout)
    check("Shell Souk" in Shopper(s).get("/contact").text,
          "in force in the programs at once")
    check(one(s, "SELECT count(*) FROM audit_log WHERE actor = 'soukctl' "
              "AND object_kind = 'setting' AND object_id = 'store_name' AND "
              "action = 'set' AND detail = 'Shell Souk'") == 1, "audited")
    p = s.ctl("setting", "order_prefix", "bad prefix!", check_rc=False)
    check(p.returncode == 1 and "order_prefix" in p.stderr and
          "letters" in p.stderr, "refused with the rule: %r" % p.stderr)
    check(one(s, "SELECT count(*) FROM settings WHERE key = "
              "'order_prefix' AND value = 'bad prefix!'") == 0,
          "nothing written")
    p = s.ctl("setting", "no_such_key", "1", check_rc=False)
    check(p.returncode == 1 and "no such setting" in p.stderr, p.stderr)
    check(s.ctl("setting", "store_name", check_rc=False).returncode == 2,
          "usage")
    p = s.ctl("setting", "stripe_secret_test", "-", input=SECRET + "\n")
    check("new key saved" in p.stdout and SECRET not in p.stdout, p.stdout)
    out = s.ctl("setting").stdout
    check(SECRET not in out and re.search(
          r"stripe_secret_test +\(a key is set, ending Tail\)", out) and
          re.search(r"store_name +Shell Souk +\(changed here\)", out),
          "listed, the secret masked: %s" % out)
    check(one(s, "SELECT detail FROM audit_log WHERE object_id = "
              "'stripe_secret_test' ORDER BY id DESC LIMIT 1") ==
          "new secret (not recorded)", "the secret is not audited")
    for key in ("store_name", "stripe_secret_test"):
        p = s.ctl("setting", key, "--reset")
        check("back to souk.conf" in p.stdout, p.stdout)
    check("Shell Souk" not in Shopper(s).get("/contact").text and
          one(s, "SELECT count(*) FROM settings WHERE key IN ('store_name', "
              "'stripe_secret_test')") == 0, "reset")


@test
def admin_settings_hand_edited_row_breaking_a_rule_is_ignored():
    s = set_stack()
    s.ctl("config")
    harness_exec = execute
    harness_exec(s, "INSERT OR REPLACE INTO settings(key, value) VALUES "
                 "('order_prefix', 'bad prefix!')")
    try:
        b = Shopper(s)
        b.add("hdmi-2-1-cable-2m")
        f = {"payment": "cod"}
        f.update(ADDRESS)
        token = order_token(b.place(f))
        ref = one(s, "SELECT reference FROM orders WHERE token = ?", token)
        check(ref.startswith("SK-"), "souk.conf's prefix holds: %s" % ref)
        check("order_prefix is ignored" in s.logs("checkout"),
              "logged: %s" % s.logs("checkout")[-500:])
    finally:
        harness_exec(s, "DELETE FROM settings WHERE key = 'order_prefix'")
    stacks.stop_all()
