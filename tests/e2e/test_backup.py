"""soukctl backup / restore / check on a real store: a backup taken while 200
shoppers place orders restores to a database that passes `soukctl check`
with its stock conserved; a damaged backup is refused; the database, its
WAL files and uploaded proofs are private (issue 7, finding 5) and `check`
says so when they are not."""
import os
import shutil
import stat
import subprocess
import threading
import time

from harness import Stack, test, check
from shop import ADDRESS, PNG, Shopper, one, order_token, product, set_stock, upload
from test_order_races import ready_shoppers, all_at_once

SLUG = "formuler-z11-pro"


def restored_copy(s, backup, name):
    """A fresh database at s.dir/<name>.db with `backup` restored into it;
    returns the soukctl environment pointing at it."""
    env = dict(s.env, SOUK_DB_PATH=os.path.join(s.dir, name + ".db"),
               SOUK_DATA_DIR=os.path.join(s.dir, name + "-files"))
    ctl = os.path.join(s.bin, "soukctl")
    p = subprocess.run([ctl, "init"], env=env, capture_output=True, text=True)
    check(p.returncode == 0, "init: " + p.stderr)
    p = subprocess.run([ctl, "restore", backup], env=env, capture_output=True,
                       text=True)
    check(p.returncode == 0, "restore %s: %s" % (backup, p.stderr))
    return env


def soukctl(env, *args):
    return subprocess.run([os.path.join(env["SOUK_BIN"], "soukctl")] +
                          list(args), env=env, capture_output=True, text=True,
                          timeout=120)


@test
def backup_during_200_orders_restores_to_a_checked_store():
    with Stack(env={"SOUK_WORKERS": "4"}) as s:
        s.start()
        set_stock(s, SLUG, 1000)
        pid, _ = product(s, SLUG)
        shoppers = ready_shoppers(s, 200, SLUG)
        backups, stop = [], threading.Event()

        def keep_backing_up():
            i = 0
            while not stop.is_set() or i == 0:
                path = os.path.join(s.dir, "backup-%d.db" % i)
                p = s.ctl("backup", path, check_rc=False)
                if p.returncode == 0:
                    backups.append((path, one(s, "SELECT count(*) FROM orders")))
                i += 1
        t = threading.Thread(target=keep_backing_up)
        t.start()
        fields = lambda i: {"email": "b%d@example.com" % i}  # noqa: E731
        out = all_at_once(shoppers, fields)
        # A store too loaded to take an order in its busy timeout answers
        # 503 "nothing was ordered" (docs/checkout.md): the shopper places
        # it again after Retry-After, as the page asks.
        for i, r in enumerate(out):
            if not isinstance(r, Exception) and r.status == 503:
                check("nothing was ordered" in r.text, "a 503 without the "
                      "busy page: %s" % r.text[:300])
                time.sleep(min(int(r.header("Retry-After") or 1), 5))
                out[i] = all_at_once([shoppers[i]], lambda _: fields(i))[0]
        stop.set()
        t.join()
        placed = [r for r in out if not isinstance(r, Exception) and
                  r.status == 303]
        check(len(placed) == 200, "orders placed: %d; the others: %r" % (
            len(placed), [r for r in out if r not in placed][:5]))
        check(one(s, "SELECT count(*) FROM orders WHERE email GLOB "
                  "'b[0-9]*@example.com'") == 200, "an order placed twice")
        check(backups, "no backup was written")
        # A backup that lies between the first and the last order proves it
        # was taken while orders were being placed.
        counts = []
        for path, _ in backups:
            check(stat.S_IMODE(os.stat(path).st_mode) == 0o600,
                  "backup mode %o" % os.stat(path).st_mode)
            env = restored_copy(s, path, os.path.basename(path)[:-3] + "-r")
            p = soukctl(env, "check")
            check(p.returncode == 0, "check of the restored %s (%d):\n%s%s" % (
                path, p.returncode, p.stdout, p.stderr))
            import sqlite3
            c = sqlite3.connect(env["SOUK_DB_PATH"])
            n = c.execute("SELECT count(*) FROM orders").fetchone()[0]
            stock = c.execute("SELECT stock FROM products WHERE id = ?",
                              (pid,)).fetchone()[0]
            sold = c.execute("SELECT coalesce(sum(qty), 0) FROM order_items "
                             "WHERE product_id = ?", (pid,)).fetchone()[0]
            c.close()
            check(stock + sold == 1000, "stock not conserved in %s: %d + %d"
                  % (path, stock, sold))
            counts.append(n)
        check(any(0 < n < 200 for n in counts) or len(counts) > 1,
              "no backup taken during the orders: %r" % counts)
        p = soukctl(s.env, "check")
        check(p.returncode == 0, "check of the live store:\n" + p.stdout)


@test
def restore_refuses_a_damaged_backup():
    with Stack(demo=False) as s:
        good = os.path.join(s.dir, "good.db")
        s.ctl("backup", good)
        bad = os.path.join(s.dir, "bad.db")
        shutil.copy(good, bad)
        with open(bad, "r+b") as f:
            f.seek(8192)
            f.write(b"\xde\xad\xbe\xef" * 2048)
        p = s.ctl("restore", bad, check_rc=False)
        check(p.returncode == 1 and "damaged" in p.stderr,
              "damaged backup: %d %s" % (p.returncode, p.stderr))
        check(s.ctl("check").returncode == 0, "the store changed")
        p = s.ctl("backup", good, check_rc=False)
        check(p.returncode == 1 and "exists" in p.stderr, "overwrote a backup")


def mode(path):
    return stat.S_IMODE(os.stat(path).st_mode)


@test
def database_wal_and_proofs_are_private():
    with Stack() as s:
        s.start()
        b = Shopper(s)
        b.add("spotify-premium")
        tok = order_token(b.place(dict(ADDRESS)))
        r = upload(b, tok, [("proof", "receipt.png", "image/png", PNG)])
        check(r.status in (200, 303), "proof upload -> %d" % r.status)
        dbp = s.env["SOUK_DB_PATH"]
        files = [dbp, dbp + "-wal", dbp + "-shm"]
        proofs = os.path.join(s.env["SOUK_DATA_DIR"], "proofs")
        files += [os.path.join(proofs, n) for n in os.listdir(proofs)]
        check(len(files) > 3, "no proof stored")
        for f in files + [proofs]:
            check(mode(f) & 0o077 == 0, "%s is mode %o" % (f, mode(f)))
        p = s.ctl("check", check_rc=False)
        check(p.returncode == 0, "check of a fresh store:\n" + p.stdout)
        os.chmod(dbp, 0o644)
        os.chmod(files[-1], 0o666)
        p = s.ctl("check", check_rc=False)
        check(p.returncode == 3 and "%s is mode 0644" % dbp in p.stdout and
              "%s is mode 0666" % files[-1] in p.stdout,
              "loose modes not reported: %d\n%s" % (p.returncode, p.stdout))
        os.chmod(dbp, 0o600)
        os.chmod(files[-1], 0o600)
