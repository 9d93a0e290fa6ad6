"""Orders answered in batches (lib/web/app_internal.h, db_batch_open in
lib/db/db.h): a checkout worker that finds more orders waiting places them
in one transaction, commits and syncs once, and only then answers them.

Each test holds the writers queue (a flock on <db>-writers, as
test_order_races does) while shoppers send their forms in a known order,
so the one checkout worker is stuck on the first and finds the others
waiting when the queue is free.  The WAL file tells how many transactions
were committed (its commit frames)."""
import fcntl
import os
import struct
import threading
import time

from harness import Stack, test, check, Fail, fcgi_params, fcgi_request
from shop import ADDRESS, Shopper, db, one, order_token, set_stock, strip

# One checkout worker, so the arrival order is the order of the batch;
# no mail sent after the response (it writes, and would add commits).
ENV = {"SOUK_WORKERS_CHECKOUT": "1", "SOUK_MAIL_AFTER_RESPONSE": "0"}


def commits(s):
    """The commit frames in the WAL file now (its valid frames: their
    salts are the header's)."""
    with open(s.env["SOUK_DB_PATH"] + "-wal", "rb") as f:
        wal = f.read()
    if len(wal) < 32:
        return 0
    page = struct.unpack(">I", wal[8:12])[0]
    salts = wal[16:24]
    n, off = 0, 32
    while off + 24 + page <= len(wal):
        head = wal[off:off + 24]
        if head[8:16] != salts:
            break
        if struct.unpack(">I", head[4:8])[0] != 0:
            n += 1
        off += 24 + page
    return n


def held_queue(s):
    fd = os.open(s.env["SOUK_DB_PATH"] + "-writers",
                 os.O_RDONLY | os.O_CREAT, 0o600)
    fcntl.flock(fd, fcntl.LOCK_EX)
    return fd


def in_order(s, jobs):
    """Runs each job (a function returning a response) in its own thread,
    started 0.3 s apart while the writers queue is held, then frees the
    queue.  Returns the responses and the transactions committed after
    the queue was freed."""
    out = [None] * len(jobs)

    def run(i):
        try:
            out[i] = jobs[i]()
        except Exception as e:  # noqa: BLE001 (checked by the caller)
            out[i] = e
    fd = held_queue(s)
    threads = []
    try:
        for i in range(len(jobs)):
            t = threading.Thread(target=run, args=(i,))
            t.start()
            threads.append(t)
            time.sleep(0.3)
        time.sleep(0.3)
        before = commits(s)
    finally:
        fcntl.flock(fd, fcntl.LOCK_UN)
        os.close(fd)
    for t in threads:
        t.join(60)
    for r in out:
        if isinstance(r, Exception) or r is None:
            raise Fail("a request failed: %r" % (r,))
    return out, commits(s) - before


def shoppers(s, slugs):
    out = []
    for slug in slugs:
        b = Shopper(s)
        check(b.add(slug).status == 303, "add " + slug)
        out.append((b, b.form()[1]))
    return out


def placing(b, form, **kw):
    return lambda: b.place(dict(ADDRESS, **kw), form)


@test
def waiting_orders_commit_once_and_a_page_between_closes_the_batch():
    """Four orders and, third, a GET of the checkout form: the first two
    orders are one transaction, the form (which may not join) is answered
    after it, and the last two are the next one.  Every order is placed
    with its lines, history and two mails, each shopper sent to their own
    order, every cart emptied."""
    with Stack(env=ENV) as s:
        s.start()
        sh = shoppers(s, ["hdmi-2-1-cable-5m"] * 4)
        viewer = Shopper(s)
        check(viewer.add("hdmi-2-1-cable-5m").status == 303, "add")
        jobs = [placing(*sh[0]), placing(*sh[1]),
                lambda: viewer.get("/checkout"),
                placing(*sh[2]), placing(*sh[3])]
        out, n = in_order(s, jobs)
        check(out[2].status == 200 and 'name="idem"' in out[2].text,
              "the form between: %d" % out[2].status)
        tokens = [order_token(r) for r in (out[0], out[1], out[3], out[4])]
        check(len(set(tokens)) == 4, "four orders")
        check(n == 2, "two transactions for four orders: %d" % n)
        check(one(s, "SELECT count(*) FROM orders") == 4, "4 orders")
        check(one(s, "SELECT count(*) FROM orders o WHERE NOT EXISTS "
                  "(SELECT 1 FROM order_items i WHERE i.order_id = o.id)")
              == 0, "every order has its lines")
        check(one(s, "SELECT count(*) FROM order_events") >= 4, "history")
        check(one(s, "SELECT count(*) FROM mail_outbox") == 8,
              "two mails an order")
        check(one(s, "SELECT count(*) FROM cart_items") == 1,
              "only the viewer's cart is left")
        for (b, _), t in zip(sh, tokens):
            r = b.get("/order/" + t)
            check(r.status == 200, "each shopper sees their order")


@test
def one_order_refused_in_a_batch_leaves_the_others_placed():
    """The last unit wanted by two shoppers of one batch, the same form
    sent twice, and a plain order: the second of the two is told the
    product sold out (its savepoint undone), the repeated form gets the
    one order it placed, and everything else is placed, in one
    transaction."""
    with Stack(env=ENV) as s:
        s.start()
        set_stock(s, "formuler-z11-pro", 1)
        sh = shoppers(s, ["formuler-z11-pro", "formuler-z11-pro",
                          "hdmi-2-1-cable-5m"])
        jobs = [placing(*sh[0]), placing(*sh[1]), placing(*sh[2]),
                placing(*sh[2])]
        out, n = in_order(s, jobs)
        first = order_token(out[0])
        check(out[1].status == 409, "sold out: %d" % out[1].status)
        check("stock" in strip(out[1].text).lower() or
              "sold out" in strip(out[1].text).lower() or
              "available" in strip(out[1].text).lower(),
              "says why: " + strip(out[1].text)[:300])
        again = order_token(out[2])
        check(out[3].status == 303 and order_token(out[3]) == again,
              "the same form: its one order")
        check(n == 1, "one transaction: %d" % n)
        check(one(s, "SELECT count(*) FROM orders") == 2, "two orders")
        check(one(s, "SELECT stock FROM products WHERE slug = "
                  "'formuler-z11-pro'") == 0, "the unit sold once")
        check(first != again, "two different orders")


@test
def a_lost_batch_answers_every_order_busy_and_keeps_none():
    """An order whose insert rolls the whole transaction back (a trigger
    RAISE(ROLLBACK), as SQLite does on an I/O error or a full disk):
    the order placed before it in the same batch is gone too, so both
    shoppers get 503 with Retry-After and "nothing was changed", nothing
    is left of either, and the first shopper's form sent again places
    its order once."""
    with Stack(env=ENV) as s:
        s.start()
        sh = shoppers(s, ["hdmi-2-1-cable-5m"] * 3)
        c = db(s)
        c.execute("CREATE TRIGGER boom BEFORE INSERT ON orders WHEN "
                  "NEW.email = 'boom@example.com' BEGIN "
                  "SELECT RAISE(ROLLBACK, 'boom'); END")
        c.close()
        jobs = [placing(*sh[0]), placing(*sh[1], email="boom@example.com"),
                placing(*sh[2])]
        out, _ = in_order(s, jobs)
        # A lost batch takes no more orders: the third, waiting, is the
        # next batch's, and placed.
        check(out[2].status == 303, "the next batch's order: %d %s" %
              (out[2].status, strip(out[2].text)[:200]))
        third = order_token(out[2])
        for r in out[:2]:
            check(r.status == 503, "busy: %d %s" % (r.status,
                                                   strip(r.text)[:200]))
            check(r.header("Retry-After") == "2", "Retry-After")
            check("nothing was changed" in strip(r.text),
                  "says nothing was changed: " + strip(r.text)[:300])
        check(one(s, "SELECT group_concat(token) FROM orders") == third,
              "no order of the lost batch kept")
        check(one(s, "SELECT count(*) FROM mail_outbox") == 2,
              "only the third order's mails")
        c = db(s)
        c.execute("DROP TRIGGER boom")
        c.close()
        b, form = sh[0]
        t = order_token(b.place(dict(ADDRESS), form))
        r = b.place(dict(ADDRESS), form)
        check(r.status == 303 and order_token(r) == t, "placed once")
        check(one(s, "SELECT count(*) FROM orders") == 2, "two orders")


def timed(job, t0, out, i):
    """A thread running job, its response and seconds since t0 in out[i]."""
    def run():
        try:
            r = job()
        except Exception as e:  # noqa: BLE001 (checked by the caller)
            r = e
        out[i] = (r, time.monotonic() - t0)
    t = threading.Thread(target=run)
    t.start()
    return t


@test
def a_batch_that_waited_out_the_busy_timeout_is_answered_at_once():
    """The writers queue held for 8 s, past the busy timeout (5 s): the
    first order is answered busy (503, its own form) at its timeout, not
    held until the order waiting behind it has had its own wait; that one
    starts a new batch and is placed once the queue is free."""
    with Stack(env=ENV) as s:
        s.start()
        sh = shoppers(s, ["hdmi-2-1-cable-5m"] * 2)
        out = [None, None]
        fd = held_queue(s)
        t0 = time.monotonic()
        try:
            threads = [timed(placing(*sh[0]), t0, out, 0)]
            time.sleep(0.3)
            threads.append(timed(placing(*sh[1]), t0, out, 1))
            time.sleep(8 - (time.monotonic() - t0))
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)
            os.close(fd)
        for t in threads:
            t.join(60)
        (first, at), (second, _) = out
        check(first.status == 503 and first.header("Retry-After") == "2",
              "busy: %d" % first.status)
        check(at < 7, "answered at its own timeout, not after the next "
              "order's: %.1f s" % at)
        check(second.status == 303, "placed: %d" % second.status)
        check(one(s, "SELECT group_concat(token) FROM orders") ==
              order_token(second), "only the second order")


@test
def a_body_still_coming_closes_the_batch_before_it_is_read():
    """An order kept for its batch, then a request on checkout's socket
    whose body is slow to come and whose front end does not say it
    buffered it (no SOUK_BODY_BUFFERED): the worker commits and answers
    the order before it reads that body, rather than holding the store's
    write lock while it waits for a client.  The slow request is then
    answered 4xx (no CSRF token), never 500."""
    with Stack(env=ENV) as s:
        s.start()
        (b, form), = shoppers(s, ["hdmi-2-1-cable-5m"])
        sock = os.path.join(s.dir, "run", "sock", "checkout.sock")
        body = b"op=place&email=slow%40example.com"
        answered = threading.Event()
        seen = {}

        def order():
            seen["order"] = b.place(dict(ADDRESS), form)
            answered.set()

        def stall():
            seen["while_stalled"] = answered.wait(6)

        def slow():
            seen["slow"] = fcgi_request(
                sock, fcgi_params("/checkout", method="POST", body=body),
                body, timeout=30, stall=stall)
        fd = held_queue(s)
        try:
            t1 = threading.Thread(target=order)
            t1.start()
            time.sleep(0.3)
            t2 = threading.Thread(target=slow)
            t2.start()
            time.sleep(0.3)
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)
            os.close(fd)
        t1.join(30)
        t2.join(30)
        check(seen.get("while_stalled") is True,
              "the order was answered while the other body was still "
              "coming")
        check(seen["order"].status == 303, "placed: %d" %
              seen["order"].status)
        check(400 <= seen["slow"].status < 500,
              "the slow request: %d" % seen["slow"].status)
        check(one(s, "SELECT count(*) FROM orders") == 1, "one order")
