"""Subscriptions (docs/delivery.md): a paid plan starts a subscription,
credentials come from a pool sealed with the key file (never readable in
the database file), 50 payments at once for 10 credentials give 10 and
flag 40, reminders go exactly once with two crons at once, and renewal
(from the reminder's link, as a guest) extends from the end while active
and from now once expired."""
import os
import re
import subprocess
import time
from concurrent.futures import ThreadPoolExecutor

from harness import Stack, test, check
from shop import Shopper, one, order_token, db

PLAN = "iptv-gold-4k"
DAY = 86400


def store():
    return Stack(env={"SOUK_TEST_CLOCK": "1", "SOUK_CREDENTIALS_LOW": "2"}
                 ).start()


def creds(s, n, slug=PLAN):
    path = os.path.join(s.dir, "creds.csv")
    with open(path, "w") as f:
        f.write("username,password,portal\n")
        for i in range(n):
            f.write("user%03d,Secret-Pw-%03d-xyzzy,http://portal.example/%d\n"
                    % (i, i, i))
    return s.ctl("credentials", "import", path, "--product", slug).stdout


def place(s, email="guest@example.com", shopper=None):
    b = shopper or Shopper(s)
    if shopper is None:
        check(b.add(PLAN).status == 303, "add")
    tok = order_token(b.place({"email": email}))
    return one(s, "SELECT id FROM orders WHERE token = ?", tok), tok


def pay(s, oid, now=None):
    env = dict(s.env)
    if now:
        env["SOUK_NOW"] = str(now)
    p = subprocess.run([os.path.join(s.bin, "soukctl"), "order", "set",
                        str(oid), "paid"], env=env, capture_output=True,
                       text=True, timeout=120)
    check(p.returncode == 0, "pay %d: %s" % (oid, p.stderr))


def cron(s, now):
    env = dict(s.env)
    env["SOUK_NOW"] = str(now)
    return subprocess.Popen([os.path.join(s.bin, "soukctl"), "cron"], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)


def mails(s, like):
    return one(s, "SELECT count(*) FROM mail_outbox WHERE subject LIKE ?",
               like)


@test
def pool_race_50_payments_10_credentials_none_twice_sealed():
    with store() as s:
        out = creds(s, 10)
        check("10 credentials imported" in out, out)
        with ThreadPoolExecutor(8) as pool:
            orders = list(pool.map(lambda i: place(s, "race%d@example.com" % i),
                                   range(50)))
        # Ten payers at once: enough to race for the last credentials; 25
        # soukctl processes under ASan on two cores outwait the 5 s lock wait.
        with ThreadPoolExecutor(10) as pool:
            list(pool.map(lambda o: pay(s, o[0]), orders))
        check(one(s, "SELECT count(*) FROM subscriptions") == 50, "50 subs")
        check(one(s, "SELECT count(*), count(DISTINCT subscription_id) FROM "
                  "credentials WHERE subscription_id IS NOT NULL") == (10, 10),
              "10 assigned, none twice")
        check(one(s, "SELECT count(*) FROM subscriptions WHERE access = "
                  "'waiting'") == 40, "40 waiting")
        listed = s.ctl("subscriptions", "--waiting").stdout
        check(listed.count("\n") == 41, "listing: %r" % listed[:300])
        check(mails(s, "Credential pool running low%") == 2,
              "low at 2 left and when the first waits")
        # The secrets are nowhere in the database files.
        s.ctl("backup", os.path.join(s.dir, "copy.db"))
        for name in ("souk.db", "souk.db-wal", "copy.db"):
            path = os.path.join(s.dir, name)
            if os.path.exists(path):
                data = open(path, "rb").read()
                check(b"Secret-Pw-" not in data and b"user003" not in data,
                      "plain credential in " + name)
        # Ten more: the oldest waiting orders are served.
        path = os.path.join(s.dir, "more.csv")
        with open(path, "w") as f:
            f.write("username,password\n" + "".join(
                "late%d,Late-Pw-%d\n" % (i, i) for i in range(5)))
        out = s.ctl("credentials", "import", path, "--product", PLAN).stdout
        check("5 waiting subscriptions served" in out, out)
        check(one(s, "SELECT count(*) FROM subscriptions WHERE access = "
                  "'waiting'") == 35, "35 left waiting")


@test
def guest_sees_credentials_on_the_order_page_not_in_the_mail():
    with store() as s:
        creds(s, 3)
        oid, tok = place(s)
        pay(s, oid)
        page = Shopper(s).get("/order/" + tok).text
        check("user000" in page and "Secret-Pw-000-xyzzy" in page,
              "credentials on the order page")
        body = one(s, "SELECT body_text FROM mail_outbox WHERE subject LIKE "
                   "'Your access is ready%'")
        check(body and "/order/" + tok in body, "mail links to the page")
        check("Secret-Pw" not in body and "user000" not in body, "no secret")
        start, end = one(s, "SELECT starts_at, ends_at FROM subscriptions")
        months = one(s, "SELECT plan_months FROM order_items WHERE order_id "
                     "= ?", oid)
        check(end - start >= months * 28 * DAY, "ends after the plan")


@test
def reminders_once_with_two_crons_and_renewal_from_the_link():
    with store() as s:
        oid, tok = place(s)
        pay(s, oid)
        sid, end = one(s, "SELECT id, ends_at FROM subscriptions")
        check(mails(s, "Your subscription ends soon%") == 0, "none yet")
        for at, kind in ((end - 29 * DAY, "d30"), (end - 6 * DAY, "d7"),
                         (end - 3600, "d1")):
            procs = [cron(s, at), cron(s, at)]
            for p in procs:
                out, err = p.communicate(timeout=120)
                check(p.returncode == 0, "cron: %s" % err)
            check(one(s, "SELECT count(*) FROM subscription_reminders WHERE "
                      "kind = ?", kind) == 1, kind + " once")
        check(mails(s, "Your subscription ends soon%") == 3, "three reminders")
        p = cron(s, end - 3000)
        p.communicate(timeout=60)
        check(mails(s, "Your subscription ends soon%") == 3, "not again")
        p = cron(s, end + 60)
        p.communicate(timeout=60)
        check(mails(s, "Your subscription has ended%") == 1, "expiry mail")
        body = one(s, "SELECT body_text FROM mail_outbox WHERE subject LIKE "
                   "'Your subscription has ended%'")
        link = re.search(r"http://\S+(/cart/renew\?\S+)", body).group(1)
        # A guest in a fresh browser renews after expiry: from now.
        b = Shopper(s)
        r = b.get(link)
        check(r.status == 303 and b.cart, "renew link fills the cart %r" % r)
        check(b.get(link.replace("k=", "k=x")).status in (400, 403), "forged")
        oid2, _ = place(s, shopper=b)
        later = end + 10 * DAY
        pay(s, oid2, later)
        check(one(s, "SELECT count(*) FROM subscriptions") == 1, "same one")
        end2 = one(s, "SELECT ends_at FROM subscriptions WHERE id = ?", sid)
        months = one(s, "SELECT plan_months FROM order_items WHERE order_id "
                     "= ?", oid2)
        check(later + months * 28 * DAY <= end2 <= later + months * 31 * DAY,
              "expired: from now (%d -> %d)" % (later, end2))
        # Renewed while active: from its end.
        b2 = Shopper(s)
        b2.get(link)
        oid3, _ = place(s, shopper=b2)
        pay(s, oid3, end2 - 5 * DAY)
        end3 = one(s, "SELECT ends_at FROM subscriptions WHERE id = ?", sid)
        check(end2 + months * 28 * DAY <= end3 <= end2 + months * 31 * DAY,
              "active: from its end (%d -> %d)" % (end2, end3))
        check(one(s, "SELECT count(*) FROM subscription_periods") == 3,
              "three periods")


@test
def cron_reminds_every_subscription_across_batches_once():
    """soukctl bench-data --subs makes paid subscriptions; the cron reads
    them in batches of 500 by (end, id): with 1,200 sharing three ends
    (ties across the batch edges), each gets its reminder once."""
    with Stack(demo=False) as s:
        p = s.ctl("bench-data", "0", "--subs", "1200", check_rc=False)
        check(p.returncode == 0 and "added 1200 subscriptions" in p.stdout,
              "bench-data --subs: %r %r" % (p.stdout, p.stderr))
        check(one(s, "SELECT count(*) FROM subscriptions s JOIN orders o ON "
                  "o.id = s.order_id WHERE o.status = 'paid' AND s.state = "
                  "'live'") == 1200, "1200 paid, live subscriptions")
        check(one(s, "SELECT count(DISTINCT email_norm) FROM "
                  "subscriptions") == 1200, "each its own customer")
        for bad, rc in ((["0"], 1), (["1", "--subs", "0"], 1),
                        (["1", "--subs"], 2), (["1", "--bogus", "3"], 2)):
            p = s.ctl("bench-data", *bad, check_rc=False)
            check(p.returncode == rc, "bench-data %s: exit %d" %
                  (" ".join(bad), p.returncode))
        now = int(time.time())
        c = db(s)
        c.execute("UPDATE subscriptions SET ends_at = ? + 86400 * "
                  "(1 + id % 3)", (now,))
        c.close()
        for sent in (1200, 0):
            p = s.ctl("cron", "--no-mail", "--now", str(now), check_rc=False)
            check(p.returncode == 0 and "reminders: %d sent" % sent in
                  p.stdout, "cron: %r %r" % (p.stdout, p.stderr))
        check(one(s, "SELECT count(DISTINCT subscription_id) FROM "
                  "subscription_reminders") == 1200, "one each")
        check(mails(s, "Your subscription ends soon%") == 1200, "1200 mails")


@test
def export_catalog_json_has_films_series_seasons_episodes_plans_prices():
    import json
    import harness
    s = harness.stack()
    d = json.loads(s.ctl("export-catalog").stdout)
    check(d["currency"] == "TND" and d["decimals"] == 3, "currency")
    films = {f["slug"]: f for f in d["films"]}
    check("the-last-caravan-film" in films and
          films["the-last-caravan-film"]["price_minor"] > 0, "films")
    cc = [x for x in d["series"] if x["slug"] == "carthage-code"][0]
    check([x["slug"] for x in cc["seasons"]] ==
          ["carthage-code-s1", "carthage-code-s2"], "seasons in order")
    eps = cc["seasons"][0]["episodes"]
    check(len(eps) == 6 and eps[0]["slug"] == "carthage-code-s1e01", "episodes")
    sub = [x for x in d["subscriptions"] if x["slug"] == PLAN][0]
    check(sub["plans"] and all(p["price_minor"] > 0 and "TND" in p["price"]
                               for p in sub["plans"]), "plans with prices")
    n = one(s, "SELECT count(*) FROM products WHERE active = 1")
    counted = len(d["films"]) + len(d["products"]) + len(d["subscriptions"])
    for x in d["series"]:
        counted += 1
        for se in x.get("seasons", []):
            counted += 1 + len(se.get("episodes", []))
    check(counted == n, "every active product once: %d of %d" % (counted, n))
