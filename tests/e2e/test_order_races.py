"""Orders under pressure, each on its own store: 200 shoppers for the last
5 units, 50 shoppers for a single-use coupon, checkout workers killed
with SIGKILL (a storm of 120) while orders are being placed, and a store
whose writers queue stays taken past the busy timeout."""
import fcntl
import http.client
import os
import random
import signal
import threading
import time
from concurrent.futures import ThreadPoolExecutor

from harness import Stack, test, check, Fail
from shop import ADDRESS, Shopper, db, one, product, set_stock


def ready_shoppers(s, n, slug):
    """n shoppers, each with one `slug` in the cart and its checkout form."""
    def one_shopper(_):
        b = Shopper(s)
        check(b.add(slug).status == 303, "add")
        return b, b.form()[1]
    with ThreadPoolExecutor(16) as pool:
        return list(pool.map(one_shopper, range(n)))


def all_at_once(shoppers, fields_of):
    """Every shopper places its order at the same moment; the responses."""
    gate = threading.Barrier(len(shoppers))
    out = [None] * len(shoppers)

    def go(i):
        b, form = shoppers[i]
        f = dict(ADDRESS)
        f.update(fields_of(i))
        gate.wait()
        try:
            out[i] = b.place(f, form)
        except Exception as e:  # noqa: BLE001 (counted as a failure)
            out[i] = e
    threads = [threading.Thread(target=go, args=(i,))
               for i in range(len(shoppers))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return out


def stopped(s):
    s.stop()
    reports = s.sanitizer_reports()
    if reports:
        raise Fail("\n".join(reports)[:4000])


@test
def two_hundred_shoppers_for_five_units():
    s = Stack().start()
    try:
        set_stock(s, "formuler-z11-pro", 5)
        shoppers = ready_shoppers(s, 200, "formuler-z11-pro")
        out = all_at_once(shoppers, lambda i: {
            "email": "buyer%d@example.com" % i})
        errors = [r for r in out if isinstance(r, Exception)]
        check(not errors, "requests failed: %r" % errors[:3])
        placed = [r for r in out if r.status == 303 and "/order/" in
                  r.header("Location")]
        refused = [r for r in out if r.status == 409]
        check(not [r for r in out if r.status >= 500], "no 5xx")
        check(len(placed) == 5, "exactly 5 orders, got %d" % len(placed))
        check(len(refused) == 195, "the others refused: %r" %
              sorted({r.status for r in out}))
        check(all("Formuler Z11 Pro Max</strong> is sold out" in r.text
                  for r in refused), "a clear sold-out message")
        pid, _ = product(s, "formuler-z11-pro")
        check(one(s, "SELECT stock FROM products WHERE id = ?", pid) == 0,
              "stock 0")
        check(one(s, "SELECT count(*), sum(qty) FROM order_items WHERE "
                  "product_id = ?", pid) == (5, 5), "5 lines of 1")
        check(one(s, "SELECT count(*) FROM orders") == 5, "5 orders")
    finally:
        stopped(s)
        s.cleanup()


@test
def fifty_shoppers_for_a_single_use_coupon():
    s = Stack().start()
    try:
        s.ctl("coupon", "add", "ONCE", "percent", "20", "--max-uses", "1")
        shoppers = ready_shoppers(s, 50, "the-last-caravan-film")
        out = all_at_once(shoppers, lambda i: {
            "email": "fan%d@example.com" % i, "coupon": "ONCE"})
        check(not [r for r in out if isinstance(r, Exception)], "errors")
        check(not [r for r in out if r.status >= 500], "no 5xx")
        placed = [r for r in out if r.status == 303]
        refused = [r for r in out if r.status == 409]
        check(len(placed) == 1 and len(refused) == 49,
              "1 placed, 49 refused: %d, %d" % (len(placed), len(refused)))
        check(all("has already been used as many times as allowed" in r.text
                  for r in refused), "why the coupon was refused")
        check(one(s, "SELECT count(*) FROM coupon_redemptions") == 1,
              "exactly one redemption")
        check(one(s, "SELECT count(*) FROM orders WHERE coupon_id IS NOT "
                  "NULL") == 1, "one discounted order")
    finally:
        stopped(s)
        s.cleanup()


@test
def a_writers_queue_taken_too_long_answers_busy_then_places_once():
    """The writers queue (lib/db/db_writers.h: a flock on <db>-writers)
    held by someone else for longer than the busy timeout (5 s): the
    checkout answers 503 with Retry-After and says nothing was ordered;
    the same form sent again once it is free places the order, once."""
    s = Stack().start()
    try:
        b = Shopper(s)
        check(b.add("hdmi-2-1-cable-5m").status == 303, "add")
        _, form = b.form()
        fd = os.open(s.env["SOUK_DB_PATH"] + "-writers",
                     os.O_RDONLY | os.O_CREAT, 0o600)
        fcntl.flock(fd, fcntl.LOCK_EX)
        try:
            t0 = time.time()
            r = b.place(ADDRESS, form)
            waited = time.time() - t0
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)
            os.close(fd)
        check(r.status == 503, "busy: %d %s" % (r.status, r.text[:300]))
        check(r.header("Retry-After") == "2", "Retry-After")
        check("nothing was ordered" in r.text, "a clear busy message")
        check(4.5 <= waited < 20, "waited the busy timeout: %.1f s" % waited)
        check(one(s, "SELECT count(*) FROM orders") == 0, "no order yet")
        r = b.place(ADDRESS, form)
        check(r.status == 303 and "/order/" in (r.header("Location") or ""),
              "placed once free: %d" % r.status)
        r2 = b.place(ADDRESS, form)
        check(r2.status == 303 and r2.header("Location").split("?")[0] ==
              r.header("Location").split("?")[0], "the same form: its order")
        check(one(s, "SELECT count(*) FROM orders") == 1, "one order")
    finally:
        stopped(s)
        s.cleanup()


@test
def any_write_past_the_busy_timeout_answers_503_not_500():
    """Every page that writes, not only the checkout: a new visitor's
    add-to-cart while the writers queue is held past the busy timeout
    answers 503 with Retry-After and the "try again" page (no cart made),
    and works once the queue is free."""
    s = Stack().start()
    try:
        b = Shopper(s)
        fd = os.open(s.env["SOUK_DB_PATH"] + "-writers",
                     os.O_RDONLY | os.O_CREAT, 0o600)
        fcntl.flock(fd, fcntl.LOCK_EX)
        try:
            r = b.add("hdmi-2-1-cable-5m")
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)
            os.close(fd)
        check(r.status == 503, "busy: %d %s" % (r.status, r.text[:300]))
        check(r.header("Retry-After") == "2", "Retry-After")
        check("try again in a few seconds: nothing was changed" in r.text,
              "the busy page")
        check(one(s, "SELECT count(*) FROM carts") == 0, "no cart made")
        r = b.add("hdmi-2-1-cable-5m")
        check(r.status == 303, "added once free: %d" % r.status)
        check(one(s, "SELECT count(*) FROM carts") == 1, "one cart")
    finally:
        stopped(s)
        s.cleanup()


def workers_of(s, program):
    """(pid, age in seconds) of the program's worker processes."""
    with open(os.path.join(s.dir, "run", "pids")) as f:
        pids = [int(x) for x in f.read().split()]
    sup = None
    for pid in pids:
        try:
            with open("/proc/%d/cmdline" % pid, "rb") as f:
                if b"cgi-bin/" + program.encode() + b"\0" in f.read():
                    sup = pid
        except OSError:
            pass
    check(sup, "no %s supervisor" % program)
    tick = os.sysconf("SC_CLK_TCK")
    with open("/proc/uptime") as f:
        uptime = float(f.read().split()[0])
    out = []
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            with open("/proc/%s/stat" % name) as f:
                fields = f.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == sup:       # ppid
            out.append((int(name), uptime - int(fields[19]) / tick))
    return out


def supervisor_of(s, program):
    """The pid of the program's supervisor in the stack."""
    with open(os.path.join(s.dir, "run", "pids")) as f:
        for pid in (int(x) for x in f.read().split()):
            try:
                with open("/proc/%d/cmdline" % pid, "rb") as c:
                    if b"cgi-bin/" + program.encode() + b"\0" in c.read():
                        return pid
            except OSError:
                pass
    raise Fail("no %s supervisor" % program)


def serves_checkout(s, timeout=30):
    """True once GET /checkout (an empty cart: back to the cart) is answered
    by a worker again rather than by nginx's 502 (within timeout)."""
    end = time.time() + timeout
    while time.time() < end:
        try:
            if Shopper(s).get("/checkout").status == 303:
                return True
        except OSError:
            pass
        time.sleep(0.1)
    return False


KILLS = 120             # SIGKILLs in the storm (at least 100)
STORM_SECONDS = 60      # upper bound on the storm's length


@test
def orders_survive_a_storm_of_checkout_worker_kills():
    """Finding 9 of issue 7: 120 SIGKILLs to checkout workers, young or
    old, while four shoppers order.  The supervisor replaces every one at
    once and never gives up; every order it acknowledged is whole and the
    stock adds up."""
    s = Stack().start()
    slug = "hdmi-2-1-cable-5m"
    initial = 100000
    try:
        set_stock(s, slug, initial)
        pid, _ = product(s, slug)
        sup = supervisor_of(s, "checkout")
        confirmed, lock = [], threading.Lock()
        done = threading.Event()
        kills = []

        def shopper_loop(seed):
            rnd = random.Random(seed)
            while not done.is_set():
                b = Shopper(s)
                qty = rnd.randint(1, 3)
                try:
                    if b.add(slug, qty=qty).status != 303:
                        continue
                    page, form = b.form()
                    r = b.place(ADDRESS, form)
                except (Fail, OSError, ValueError, http.client.HTTPException):
                    continue        # the worker died under this request
                loc = r.header("Location") or ""
                if r.status == 303 and "/order/" in loc:
                    with lock:
                        confirmed.append((loc.split("/order/")[1]
                                          .split("?")[0], qty))

        def killer():
            rnd = random.Random(7)
            end = time.time() + STORM_SECONDS
            while len(kills) < KILLS and time.time() < end:
                kids = [p for p, _ in workers_of(s, "checkout")]
                if kids:
                    victim = rnd.choice(kids)
                    try:
                        os.kill(victim, signal.SIGKILL)
                        kills.append(victim)
                    except ProcessLookupError:
                        pass
                # Now and then a pause long enough for orders to go through.
                time.sleep(0.4 if len(kills) % 10 == 0 else 0.03)
            done.set()

        threads = [threading.Thread(target=shopper_loop, args=(i,))
                   for i in range(4)] + [threading.Thread(target=killer)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        check(len(kills) >= 100, "the storm killed %d workers" % len(kills))
        check(os.path.exists("/proc/%d" % sup) and
              open("/proc/%d/stat" % sup).read().split()[2] != "Z",
              "the checkout supervisor is gone")
        check(serves_checkout(s), "checkout does not serve after the storm: "
              + s.logs("checkout")[-1500:])
        b = Shopper(s)
        check(b.add(slug).status == 303, "add after the storm")
        r = b.place(ADDRESS, b.form()[1])
        check(r.status == 303 and "/order/" in (r.header("Location") or ""),
              "an order after the storm: %d" % r.status)
        confirmed.append((r.header("Location").split("/order/")[1]
                          .split("?")[0], 1))
        log = s.logs("checkout")
        check("giving up" not in log, "the supervisor gave up")
        check(log.count("killed by signal 9; replacing it") >= 100,
              "every kill was replaced: %d" %
              log.count("killed by signal 9; replacing it"))
        check("start-up" not in log, "a kill counted as a start-up failure: "
              + log[-800:])
        check(len(confirmed) >= 5, "orders went through during the storm "
              "(%d)" % len(confirmed))
        c = db(s)
        try:
            check(c.execute("PRAGMA integrity_check").fetchone()[0] == "ok",
                  "integrity")
            for token, qty in confirmed:
                row = c.execute("SELECT o.id, count(i.line), sum(i.qty) FROM "
                                "orders o JOIN order_items i ON i.order_id = "
                                "o.id WHERE o.token = ? GROUP BY o.id",
                                (token,)).fetchone()
                check(row and row[1] == 1 and row[2] == qty,
                      "confirmed order %s: %r" % (token, row))
            check(c.execute("SELECT count(*) FROM orders o WHERE NOT EXISTS "
                            "(SELECT 1 FROM order_items i WHERE i.order_id "
                            "= o.id)").fetchone()[0] == 0,
                  "no order without lines")
            sold = c.execute("SELECT coalesce(sum(qty), 0) FROM order_items "
                             "WHERE product_id = ?", (pid,)).fetchone()[0]
            stock = c.execute("SELECT stock FROM products WHERE id = ?",
                              (pid,)).fetchone()[0]
            check(stock == initial - sold, "stock %d = %d - %d" % (
                stock, initial, sold))
            check(c.execute("SELECT count(*) FROM orders").fetchone()[0] >=
                  len(confirmed), "every confirmed order is there")
        finally:
            c.close()
    finally:
        stopped(s)
        s.cleanup()
