"""A power cut during checkout (issue 16): shoppers place orders as fast as
they can while every process of the store (nginx, the programs'
supervisors and workers, the mail sender) is frozen and killed with
SIGKILL at once, twice; the store is started again each time.  Then the
database must be intact, the stock must add up (no oversell, stock + sold
= initial, for a product that sells out too), every order a shopper was
told about (the 303 to its page) must be there whole, and no order may be
half written: each has its lines, its two mails and an emptied cart.

A process kill is what this machine can do to the stack; the kernel keeps
the writes it was given, so what a real power cut adds (writes not yet
fsynced are lost) rests on synchronous=FULL: SQLite answers COMMIT only
after the WAL is fsynced, and the shopper is answered after COMMIT."""
import hashlib
import os
import random
import signal
import threading
import time
from concurrent.futures import ThreadPoolExecutor

from harness import Stack, test, check, Fail
from shop import ADDRESS, Shopper, db, product, set_stock

PLENTY = 100000         # stock of the two products that never run out
SCARCE = 60             # stock of the one that sells out
THREADS = 6             # shoppers placing orders at the same time
CARTS = 25              # prepared carts per shopper thread and round
ACKED_BEFORE_CUT = 15   # orders acknowledged in a round before the cut


def prepared_carts(s, rnd, n):
    """n shoppers with a cart of 2 or 3 lines and its checkout form:
    [(shopper, form, {slug: qty})]."""
    specs = []
    for _ in range(n):
        lines = {"hdmi-2-1-cable-5m": rnd.randint(1, 3),
                 "android-box-h96-mini": 1}
        if rnd.random() < 0.5:
            lines["mi-box-s-2"] = rnd.randint(1, 2)
        specs.append(lines)

    def one(lines):
        b = Shopper(s)
        for slug, qty in lines.items():
            check(b.add(slug, qty=qty).status == 303, "add " + slug)
        form = b.form()[1]
        # What the order must hold is the cart its form showed (a sold
        # out product is not added, a quantity may be cut to the stock).
        return b, form, in_cart(s, b.cart)
    with ThreadPoolExecutor(8) as pool:
        return list(pool.map(one, specs))


def in_cart(s, cookie):
    """{slug: qty} of the cart whose cookie is `cookie`."""
    c = db(s)
    try:
        return dict(c.execute(
            "SELECT p.slug, i.qty FROM carts k JOIN cart_items i ON "
            "i.cart_id = k.id JOIN products p ON p.id = i.product_id "
            "WHERE k.token_hash = ?",
            (hashlib.sha256(cookie.encode()).hexdigest(),)).fetchall())
    finally:
        c.close()


def store_pids(s):
    """Every live process of the store: those stack.sh started, their
    descendants, and anything whose command line names the store's
    directory (a worker forked while the others were being stopped)."""
    with open(os.path.join(s.dir, "run", "pids")) as f:
        roots = {int(x) for x in f.read().split()}
    parent, mine = {}, set()
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            with open("/proc/%s/stat" % name) as f:
                fields = f.read().rsplit(")", 1)[1].split()
            with open("/proc/%s/cmdline" % name, "rb") as f:
                cmd = f.read()
        except OSError:
            continue
        if fields[0] == "Z":
            continue
        parent[int(name)] = int(fields[1])
        if s.dir.encode() in cmd:
            mine.add(int(name))
    found = (roots & set(parent)) | mine
    grew = True
    while grew:
        kids = {p for p, pp in parent.items() if pp in found} - found
        grew = bool(kids)
        found |= kids
    return found


def power_cut(s):
    """Freezes every process of the store (SIGSTOP, so none runs on while
    the others die), then SIGKILLs them all; again until none is left.
    Returns how many processes were killed."""
    killed = set()
    for _ in range(50):
        pids = store_pids(s)
        if not pids:
            return len(killed)
        for sig in (signal.SIGSTOP, signal.SIGKILL):
            for p in pids:
                try:
                    os.kill(p, sig)
                except ProcessLookupError:
                    pass
        killed |= pids
        time.sleep(0.05)
    raise Fail("processes of the store survive SIGKILL: %r" % store_pids(s))


def round_of_orders(s, rnd, confirmed, lock):
    """THREADS shoppers place their prepared orders; once at least
    ACKED_BEFORE_CUT were acknowledged in this round (or after 20 s), the
    power is cut.  Returns (processes killed, requests cut short)."""
    carts = prepared_carts(s, rnd, THREADS * CARTS)
    acked, broken, odd = [0], [0], []
    enough = threading.Event()

    def shopper(part):
        for b, form, lines in part:
            try:
                r = b.place(ADDRESS, form)
            except (OSError, ValueError):
                # Cut short: the shopper was told nothing.
                with lock:
                    broken[0] += 1
                if enough.is_set():
                    return      # the power is off
                continue
            loc = r.header("Location") or ""
            with lock:
                if r.status == 303 and "/order/" in loc:
                    confirmed.append((loc.split("/order/")[1]
                                      .split("?")[0], lines))
                    acked[0] += 1
                    if acked[0] >= ACKED_BEFORE_CUT:
                        enough.set()
                elif r.status not in (409, 502):
                    # 409: sold out; 502: nginx outlived the workers.
                    odd.append("%d: %s" % (r.status, r.text[:300]))

    threads = [threading.Thread(target=shopper, args=(carts[i::THREADS],))
               for i in range(THREADS)]
    for t in threads:
        t.start()
    enough.wait(20)
    n = power_cut(s)
    for t in threads:
        t.join(60)
    check(not odd, "unexpected answers: %r" % odd[:3])
    check(acked[0] >= ACKED_BEFORE_CUT, "only %d orders before the cut" %
          acked[0])
    return n, broken[0]


def restart(s):
    """Starts the store again on the same database and port."""
    s.stop()            # forgets the dead pids; kills nothing alive
    s.start()


def check_store(s, ids, confirmed):
    """Integrity, stock and every acknowledged order, on the database."""
    c = db(s)
    try:
        check(c.execute("PRAGMA integrity_check").fetchone()[0] == "ok",
              "integrity_check")
        check(c.execute("PRAGMA foreign_key_check").fetchall() == [],
              "foreign keys")
        for slug, (pid, initial) in ids.items():
            sold = c.execute("SELECT coalesce(sum(qty), 0) FROM order_items "
                             "WHERE product_id = ?", (pid,)).fetchone()[0]
            stock = c.execute("SELECT stock FROM products WHERE id = ?",
                              (pid,)).fetchone()[0]
            check(stock >= 0, "%s oversold: stock %d" % (slug, stock))
            check(stock + sold == initial, "%s: stock %d + sold %d != %d" % (
                slug, stock, sold, initial))
        for token, lines in confirmed:
            rows = c.execute("SELECT p.slug, i.qty FROM orders o JOIN "
                             "order_items i ON i.order_id = o.id JOIN "
                             "products p ON p.id = i.product_id WHERE "
                             "o.token = ?", (token,)).fetchall()
            check(dict(rows) == lines, "acknowledged order %s: %r, not %r"
                  % (token, rows, lines))
        # Nothing half written, acknowledged or not.
        check(c.execute("SELECT count(*) FROM orders o WHERE NOT EXISTS "
                        "(SELECT 1 FROM order_items i WHERE i.order_id = "
                        "o.id)").fetchone()[0] == 0, "an order without lines")
        check(c.execute("SELECT count(*) FROM orders o WHERE (SELECT "
                        "count(*) FROM mail_outbox m WHERE instr(m.subject, "
                        "o.reference) > 0) != 2").fetchone()[0] == 0,
              "an order without exactly its two mails")
        check(c.execute("SELECT count(*) FROM orders o JOIN cart_items ci ON "
                        "ci.cart_id = o.cart_id").fetchone()[0] == 0,
              "an order whose cart was not emptied")
        check(c.execute("SELECT count(*) FROM orders o WHERE NOT EXISTS "
                        "(SELECT 1 FROM order_events e WHERE e.order_id = "
                        "o.id)").fetchone()[0] == 0, "an order without history")
        return c.execute("SELECT count(*) FROM orders").fetchone()[0]
    finally:
        c.close()


@test
def acknowledged_orders_survive_a_power_cut():
    s = Stack(env={"SOUK_MAIL_INTERVAL": "1"}).start()
    try:
        stock = {"hdmi-2-1-cable-5m": PLENTY, "android-box-h96-mini": PLENTY,
                 "mi-box-s-2": SCARCE}
        ids = {}
        for slug, n in stock.items():
            set_stock(s, slug, n)
            ids[slug] = (product(s, slug)[0], n)
        rnd = random.Random(16)
        confirmed, lock = [], threading.Lock()
        cut_short = 0
        for _ in range(2):
            killed, broken = round_of_orders(s, rnd, confirmed, lock)
            # nginx (master and worker), each program's supervisor and
            # its workers, the mail sender.
            check(killed >= 5, "only %d processes killed" % killed)
            cut_short += broken
            restart(s)
            placed = check_store(s, ids, confirmed)
            check(placed >= len(confirmed), "orders lost: %d in the "
                  "database, %d acknowledged" % (placed, len(confirmed)))
        check(cut_short > 0, "the cuts interrupted no order")
        # The store takes orders again.
        b = Shopper(s)
        r = b.add("hdmi-2-1-cable-5m", qty=1)
        check(r.status == 303, "add after the cuts: %d" % r.status)
        r = b.place(ADDRESS, b.form()[1])
        check(r.status == 303 and "/order/" in (r.header("Location") or ""),
              "an order after the cuts: %d" % r.status)
        confirmed.append((r.header("Location").split("/order/")[1]
                          .split("?")[0], {"hdmi-2-1-cable-5m": 1}))
        check_store(s, ids, confirmed)
    finally:
        s.stop()
        reports = s.sanitizer_reports()
        s.cleanup()
        if reports:
            raise Fail("\n".join(reports)[:4000])
