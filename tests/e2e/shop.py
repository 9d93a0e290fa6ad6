"""shop.py — helpers for the cart and checkout tests: a shopper with its own
cookie jar, catalog ids from the database, the checkout form's hidden
fields, and a private store for tests that place orders (so mails and stock
of the shared demo store stay as the catalog tests expect)."""
import atexit
import html
import re
import sqlite3

from harness import Stack, check

BUYER = {
    "name": "Amira Ben Salah",
    "email": "amira@example.com",
    "country": "TN",
    "phone": "20 123 456",
    "payment": "bank",
    "terms": "1",
}
ADDRESS = {"address": "12 rue de Marseille", "city": "Tunis",
           "postal": "1000"}


def db(stack):
    """A connection to the store's database (WAL: fine while it runs)."""
    c = sqlite3.connect(stack.env["SOUK_DB_PATH"], timeout=30,
                        isolation_level=None)
    return c


def one(stack, sql, *args):
    c = db(stack)
    try:
        row = c.execute(sql, args).fetchone()
    finally:
        c.close()
    return row[0] if row and len(row) == 1 else row


def product(stack, slug):
    """(product id, first active plan id or None) of a product."""
    c = db(stack)
    try:
        pid = c.execute("SELECT id FROM products WHERE slug = ?",
                        (slug,)).fetchone()[0]
        plan = c.execute("SELECT id FROM subscription_plans WHERE "
                         "product_id = ? AND active = 1 ORDER BY position, "
                         "duration_months LIMIT 1", (pid,)).fetchone()
    finally:
        c.close()
    return pid, plan[0] if plan else None


def execute(stack, sql, *args):
    """Runs one writing statement on the store's database."""
    c = db(stack)
    try:
        c.execute(sql, args)
    finally:
        c.close()


def set_stock(stack, slug, stock):
    execute(stack, "UPDATE products SET stock = ? WHERE slug = ?", stock, slug)


def checked(text, name):
    """The value of the checked radio button `name`, or None."""
    for m in re.finditer(r'<input type="radio" name="%s"[^>]*>' %
                         re.escape(name), text):
        v = re.search(r'value="([^"]*)"', m.group(0))
        if " checked" in m.group(0) and v:
            return html.unescape(v.group(1))
    return None


def hidden(text, name):
    m = re.search(r'name="%s" value="([^"]*)"' % re.escape(name), text)
    return html.unescape(m.group(1)) if m else None


class Shopper:
    """One browser: cookies kept between requests, same-origin POSTs."""

    def __init__(self, stack):
        self.s = stack
        self.cookies = {}

    def _headers(self, headers):
        h = {}
        if self.cookies:
            h["Cookie"] = "; ".join("%s=%s" % kv for kv in
                                    self.cookies.items())
        h.update(headers or {})
        return h

    def _keep(self, r):
        for c in r.headers_all("Set-Cookie"):
            name, _, rest = c.partition("=")
            value = rest.split(";")[0]
            if "Max-Age=0" in c:
                self.cookies.pop(name, None)
            else:
                self.cookies[name] = value
        return r

    def get(self, path, headers=None):
        return self._keep(self.s.get(path, headers=self._headers(headers)))

    def post(self, path, fields=None, headers=None, raw=None,
             content_type=None):
        h = self._headers(headers)
        if content_type:
            h["Content-Type"] = content_type
        return self._keep(self.s.post(path, fields, headers=h, raw=raw))

    @property
    def cart(self):
        return self.cookies.get("souk_cart")

    def add(self, slug, qty=None, plan=True, json=False, extra=None):
        pid, first_plan = product(self.s, slug)
        f = {"product": str(pid)}
        if plan and first_plan:
            f["plan"] = str(plan if plan is not True else first_plan)
        if qty is not None:
            f["qty"] = str(qty)
        f.update(extra or {})
        h = {"Accept": "application/json"} if json else None
        return self.post("/cart/add", f, headers=h)

    def token(self, path="/cart"):
        """The CSRF token pages carry for this shopper (forms, or the
        <meta> every page of a cart visitor has)."""
        t = self.get(path).text
        m = re.search(r'<meta name="csrf-token" content="([^"]+)">', t)
        return hidden(t, "csrf") or (m.group(1) if m else None)

    def form(self):
        """The checkout page and its hidden fields."""
        r = self.get("/checkout")
        check(r.status == 200, "GET /checkout -> %d" % r.status)
        f = {k: hidden(r.text, k) for k in ("csrf", "idem", "rev", "seen")}
        # The delivery method checked on the form, sent as a browser would.
        ship = checked(r.text, "ship")
        if ship:
            f["ship"] = ship
        return r, f

    def place(self, fields=None, hidden_fields=None, **kw):
        """Fills the checkout form like a person and places the order."""
        if hidden_fields is None:
            _, hidden_fields = self.form()
        f = dict(hidden_fields)
        f.update(BUYER)
        f.update(fields or {})
        f.update(kw)
        return self.post("/checkout", f)


def strip(text):
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", text))


def order_token(r):
    """The token of the order page a placement redirected to."""
    loc = r.header("Location") or ""
    m = re.search(r"/order/([A-Za-z0-9_-]+)", loc)
    check(r.status == 303 and m, "not placed: %d %s %s" % (
        r.status, loc, strip(r.text)[:400]))
    return m.group(1)


def multipart(fields, files, boundary="souk-test-boundary"):
    """A multipart/form-data body: fields {name: value}, files
    [(field, filename, content type, bytes)]."""
    out = b""
    for k, v in fields.items():
        out += ("--%s\r\nContent-Disposition: form-data; name=\"%s\"\r\n\r\n"
                % (boundary, k)).encode() + v.encode() + b"\r\n"
    for field, name, ctype, data in files:
        out += ("--%s\r\nContent-Disposition: form-data; name=\"%s\"; "
                "filename=\"%s\"\r\nContent-Type: %s\r\n\r\n"
                % (boundary, field, name, ctype)).encode() + data + b"\r\n"
    out += ("--%s--\r\n" % boundary).encode()
    return out, "multipart/form-data; boundary=" + boundary


PNG = (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01"
       b"\x08\x02\x00\x00\x00\x90wS\xde\x00\x00\x00\x0cIDATx\x9cc\xf8\xcf"
       b"\xc0\x00\x00\x03\x01\x01\x00\xc9\xfe\x92\xef\x00\x00\x00\x00IEND"
       b"\xaeB`\x82")


def upload(shopper, token, files, fields=None):
    """POSTs a proof form to the order page."""
    f = {"csrf": shopper.token("/order/" + token)}
    f.update(fields or {})
    body, ctype = multipart(f, files)
    return shopper.post("/order/" + token, raw=body, content_type=ctype)


_private = None


def shop():
    """A private store for the tests that place orders (started once)."""
    global _private
    if _private is None:
        _private = Stack().start()
        atexit.register(shop_stop)
    return _private


def shop_stop():
    """Stops the private store; returns sanitizer reports."""
    global _private
    reports = []
    if _private is not None:
        _private.stop()
        reports = _private.sanitizer_reports()
        _private.cleanup()
        _private = None
    return reports
