"""fakegw.py — a local fake of the two payment gateways souk speaks to, on
127.0.0.1 (never anything else), implementing the documented endpoints:

Stripe (form-encoded API, "Authorization: Bearer <secret>", Idempotency-Key
on every POST, errors as {"error": {"message"}}):
  POST /v1/checkout/sessions        -> a session {id, url, status, ...}
  GET  /v1/checkout/sessions/<id>
  POST /v1/refunds                  payment_intent, amount -> {id, status}
  GET  /stripe/pay/<id>             the hosted page: Pay, Cancel
  POST /stripe/pay/<id>             pays (or op=cancel), sends the signed
                                    webhook like Stripe, 303 to the shop
Flouci (JSON, "Authorization: Bearer <public>:<secret>", amounts in
millimes):
  POST /api/v2/generate_payment     -> {result: {payment_id, link}}
  GET  /api/v2/verify_payment/<id>  -> {success, result: {status, amount,
                                       details: {currency: "788"}, ...}}
  POST /api/v2/refund_payment       -> {result: {refund_id, status}}
  GET  /flouci/pay/<id>, POST ...   the hosted page; paying calls the
                                    payment's webhook with {payment_id}

Knobs for tests: stop() / start() (the port closed, then open again),
delay (seconds before every API answer), down (API
answers 503), webhooks (send them on payment), refuse_refunds (a reason),
charge_amount / charge_currency (what the gateway takes, to test
mismatches), calls (list of (method, path, idempotency key))."""
import hashlib
import hmac
import http.server
import json
import threading
import time
import urllib.parse
import urllib.request

from harness import free_port

STRIPE_KEY = "sk_test_fake_4242"
STRIPE_WHSEC = "whsec_fake_current"
STRIPE_WHSEC_OLD = "whsec_fake_previous"
FLOUCI_PUBLIC = "fl_pub_test"
FLOUCI_SECRET = "fl_sec_test"


def stripe_signature(body, secrets, t=None):
    """A Stripe-Signature header for body: one v1 per secret."""
    t = int(time.time()) if t is None else t
    if isinstance(body, str):
        body = body.encode()
    parts = ["t=%d" % t]
    for s in secrets:
        parts.append("v1=" + hmac.new(s.encode(), b"%d." % t + body,
                                       hashlib.sha256).hexdigest())
    return ",".join(parts)


class FakeGateways:
    def __init__(self):
        self.port = free_port()
        self.base = "http://127.0.0.1:%d" % self.port
        self.delay = 0
        self.down = False
        self.webhooks = True
        self.refuse_refunds = None
        self.charge_amount = None
        self.charge_currency = None
        self.shop = None            # the store's base URL (webhooks)
        self.sessions = {}
        self.flouci = {}
        self.refunds = []
        self.idem = {}
        self.calls = []
        self.hook_answers = []
        self.lock = threading.Lock()
        self.n = 0
        self.running = False
        self.start()

    def start(self):
        """Serves on self.port (again, after stop(): the shop's
        configuration still points here)."""
        fake = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def log_message(self, *a):
                pass

            def do_GET(self):
                fake.handle(self, "GET")

            def do_POST(self):
                fake.handle(self, "POST")

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1",
                                                       self.port), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever,
                                       daemon=True)
        self.thread.start()
        self.running = True

    def stop(self):
        """Closes the port: the shop's calls are refused."""
        self.server.shutdown()
        self.server.server_close()
        self.running = False

    def env(self):
        return {"SOUK_STRIPE_API": self.base,
                "SOUK_STRIPE_SECRET_TEST": STRIPE_KEY,
                "SOUK_STRIPE_WEBHOOK_TEST": STRIPE_WHSEC + " " +
                STRIPE_WHSEC_OLD,
                "SOUK_FLOUCI_API": self.base,
                "SOUK_FLOUCI_PUBLIC_TEST": FLOUCI_PUBLIC,
                "SOUK_FLOUCI_SECRET_TEST": FLOUCI_SECRET,
                "SOUK_GATEWAY_TIMEOUT": "2",
                "SOUK_GATEWAY_CONNECT_TIMEOUT": "1",
                "SOUK_PAY_PAGE_ORIGINS": self.base,
                "SOUK_PAY_METHODS": "card wallet bank mobile"}

    def _id(self, prefix):
        with self.lock:
            self.n += 1
            return "%s%06d" % (prefix, self.n)

    # -- plumbing ----------------------------------------------------------
    def reply(self, h, status, obj=None, html=None, location=None):
        try:
            self._reply(h, status, obj, html, location)
        except (BrokenPipeError, ConnectionResetError):
            pass                        # the client gave up (timeouts)

    def _reply(self, h, status, obj, html, location):
        body = (html if html is not None else json.dumps(obj)).encode()
        h.send_response(status)
        if location:
            h.send_header("Location", location)
        h.send_header("Content-Type", "text/html; charset=utf-8" if html
                      is not None else "application/json")
        h.send_header("Content-Length", str(len(body)))
        h.end_headers()
        h.wfile.write(body)

    def handle(self, h, method):
        path, _, query = h.path.partition("?")
        n = int(h.headers.get("Content-Length") or 0)
        raw = h.rfile.read(n) if n else b""
        idem = h.headers.get("Idempotency-Key")
        hosted = path.startswith("/stripe/pay/") or \
            path.startswith("/flouci/pay/")
        if not hosted:
            with self.lock:
                self.calls.append((method, path, idem))
            if self.delay:
                time.sleep(self.delay)
            if self.down:
                return self.reply(h, 503, {"error": {"message": "down"}})
        try:
            if path.startswith("/v1/") or path.startswith("/stripe/"):
                return self.stripe(h, method, path, raw, idem)
            if path.startswith("/api/v2/") or path.startswith("/flouci/"):
                return self.flouci_api(h, method, path, raw, idem, query)
        except Exception as e:          # a fake's bug shows in the test
            return self.reply(h, 500, {"error": {"message": repr(e)}})
        self.reply(h, 404, {"error": {"message": "no such endpoint"}})

    def _idem(self, idem, make):
        """The first answer for an Idempotency-Key, made once."""
        with self.lock:
            if idem in self.idem:
                return self.idem[idem]
        ans = make()
        with self.lock:
            return self.idem.setdefault(idem, ans)

    # -- Stripe ------------------------------------------------------------
    def stripe(self, h, method, path, raw, idem):
        if path.startswith("/stripe/pay/"):
            return self.stripe_page(h, method, path[len("/stripe/pay/"):],
                                    raw)
        if h.headers.get("Authorization") != "Bearer " + STRIPE_KEY:
            return self.reply(h, 401, {"error": {"message": "Invalid API "
                                                 "Key provided"}})
        if method == "POST" and not idem:
            return self.reply(h, 400, {"error": {"message": "no key"}})
        form = dict(urllib.parse.parse_qsl(raw.decode()))
        if method == "POST" and path == "/v1/checkout/sessions":
            def make():
                sid = self._id("cs_test_")
                s = {"id": sid, "object": "checkout.session",
                     "url": self.base + "/stripe/pay/" + sid,
                     "status": "open", "payment_status": "unpaid",
                     "mode": form["mode"],
                     "amount_total": int(form["line_items[0][price_data]"
                                              "[unit_amount]"]),
                     "currency": form["line_items[0][price_data]"
                                      "[currency]"],
                     "client_reference_id": form["client_reference_id"],
                     "success_url": form["success_url"],
                     "cancel_url": form["cancel_url"],
                     "expires_at": int(form["expires_at"]),
                     "payment_intent": None, "livemode": False}
                self.sessions[sid] = s
                return s
            return self.reply(h, 200, self._idem(idem, make))
        if method == "GET" and path.startswith("/v1/checkout/sessions/"):
            s = self.sessions.get(path.rsplit("/", 1)[1])
            if s is None:
                return self.reply(h, 404, {"error": {"message": "No such "
                                                     "checkout.session"}})
            return self.reply(h, 200, s)
        if method == "POST" and path == "/v1/refunds":
            return self.stripe_refund(h, form, idem)
        return self.reply(h, 404, {"error": {"message": "unknown"}})

    def stripe_refund(self, h, form, idem):
        def make():
            pi = form.get("payment_intent")
            s = next((x for x in self.sessions.values()
                      if x["payment_intent"] == pi), None)
            amount = int(form.get("amount", 0))
            done = sum(r["amount"] for r in self.refunds   # Flouci's too
                       if r.get("payment_intent") == pi)
            if self.refuse_refunds:
                return 400, {"error": {"message": self.refuse_refunds}}
            if s is None or amount <= 0 or done + amount > s["amount_total"]:
                return 400, {"error": {"message": "Refund amount is "
                                       "greater than unrefunded amount"}}
            r = {"id": self._id("re_"), "object": "refund", "amount": amount,
                 "payment_intent": pi, "status": "succeeded"}
            self.refunds.append(r)
            return 200, r
        status, obj = self._idem(idem, make)
        return self.reply(h, status, obj)

    def complete(self, sid):
        """The shopper paid session sid (what the gateway charged may be
        changed by charge_amount / charge_currency)."""
        s = self.sessions[sid]
        s["status"] = "complete"
        s["payment_status"] = "paid"
        s["payment_intent"] = "pi_" + sid
        if self.charge_amount is not None:
            s["amount_total"] = self.charge_amount
        if self.charge_currency is not None:
            s["currency"] = self.charge_currency
        return s

    def stripe_event(self, type_, obj, eid=None):
        """A Stripe event body (bytes) about obj."""
        return json.dumps({"id": eid or self._id("evt_"), "object": "event",
                           "type": type_, "livemode": False,
                           "created": int(time.time()),
                           "data": {"object": obj}}).encode()

    def send_stripe(self, body, signature=None):
        """POSTs an event to the shop like Stripe; (status, answer)."""
        sig = signature or stripe_signature(body, [STRIPE_WHSEC])
        req = urllib.request.Request(self.shop + "/hooks/stripe", data=body,
                                     headers={"Stripe-Signature": sig,
                                              "Content-Type":
                                              "application/json"})
        try:
            with urllib.request.urlopen(req, timeout=30) as r:
                ans = (r.status, r.read().decode())
        except urllib.error.HTTPError as e:
            ans = (e.code, e.read().decode())
        self.hook_answers.append(ans)
        return ans

    def stripe_page(self, h, method, sid, raw):
        s = self.sessions.get(sid)
        if s is None:
            return self.reply(h, 404, html="<p>No such session</p>")
        if method == "GET":
            return self.reply(h, 200, html=(
                "<!doctype html><meta name=viewport content='width=device-"
                "width'><title>Fake Stripe</title><h1>Pay %.3f %s</h1>"
                "<form method=post><button id=pay name=op value=pay>Pay"
                "</button> <button id=cancel name=op value=cancel>Cancel"
                "</button></form>" % (s["amount_total"] / 1000,
                                      s["currency"].upper())))
        op = dict(urllib.parse.parse_qsl(raw.decode())).get("op")
        if op != "pay":
            return self.reply(h, 303, html="", location=s["cancel_url"])
        self.complete(sid)
        if self.webhooks and self.shop:
            self.send_stripe(self.stripe_event("checkout.session.completed",
                                               s))
        return self.reply(h, 303, html="",
                          location=s["success_url"].replace(
                              "{CHECKOUT_SESSION_ID}", sid))

    # -- Flouci ------------------------------------------------------------
    def flouci_api(self, h, method, path, raw, idem, query):
        if path.startswith("/flouci/pay/"):
            return self.flouci_page(h, method, path[len("/flouci/pay/"):],
                                    raw)
        if h.headers.get("Authorization") != "Bearer %s:%s" % (
                FLOUCI_PUBLIC, FLOUCI_SECRET):
            return self.reply(h, 401, {"success": False,
                                       "message": "bad credentials"})
        if method == "POST" and path == "/api/v2/generate_payment":
            body = json.loads(raw)

            def make():
                pid = self._id("flc")
                p = {"id": pid, "amount": int(body["amount"]),
                     "status": "PENDING",
                     "developer_tracking_id": body["developer_tracking_id"],
                     "success_link": body["success_link"],
                     "fail_link": body["fail_link"],
                     "webhook": body.get("webhook"),
                     "timeout": body["session_timeout_secs"]}
                self.flouci[pid] = p
                return {"result": {"success": True, "payment_id": pid,
                                   "link": self.base + "/flouci/pay/" + pid,
                                   "developer_tracking_id":
                                   p["developer_tracking_id"]},
                        "code": 0, "name": "developers", "version": "v2"}
            return self.reply(h, 200, self._idem(idem, make))
        if method == "GET" and path.startswith("/api/v2/verify_payment/"):
            p = self.flouci.get(path.rsplit("/", 1)[1])
            if p is None:
                return self.reply(h, 404, {"success": False,
                                           "message": "not found"})
            return self.reply(h, 200, {
                "success": True,
                "result": {"type": "wallet", "amount": p["amount"],
                           "status": p["status"],
                           "details": {"currency": p.get("currency",
                                                         "788")},
                           "developer_tracking_id":
                           p["developer_tracking_id"]},
                "status_code": 200, "code": 0})
        if method == "POST" and path == "/api/v2/refund_payment":
            body = json.loads(raw)

            def make():
                p = self.flouci.get(body.get("payment_id"))
                if self.refuse_refunds:
                    return 400, {"success": False,
                                 "message": self.refuse_refunds}
                if p is None or p["status"] != "SUCCESS":
                    return 400, {"success": False,
                                 "message": "payment not refundable"}
                p["status"] = "REFUNDED"
                r = {"refund_id": self._id("ref_"), "payment_id": p["id"],
                     "amount": str(p["amount"]), "status": "success"}
                self.refunds.append(r)
                return 200, {"result": r, "status": "success"}
            status, obj = self._idem(idem, make)
            return self.reply(h, status, obj)
        return self.reply(h, 404, {"success": False, "message": "unknown"})

    def flouci_page(self, h, method, pid, raw):
        p = self.flouci.get(pid)
        if p is None:
            return self.reply(h, 404, html="<p>No such payment</p>")
        if method == "GET":
            return self.reply(h, 200, html=(
                "<!doctype html><meta name=viewport content='width=device-"
                "width'><title>Fake Flouci</title><h1>Flouci %d millimes"
                "</h1><form method=post><button id=pay name=op value=pay>"
                "Pay</button> <button id=cancel name=op value=cancel>"
                "Cancel</button></form>" % p["amount"]))
        op = dict(urllib.parse.parse_qsl(raw.decode())).get("op")
        if op != "pay":
            p["status"] = "FAILURE"
            return self.reply(h, 303, html="", location=p["fail_link"])
        p["status"] = "SUCCESS"
        if self.charge_amount is not None:
            p["amount"] = self.charge_amount
        if self.webhooks and p["webhook"]:
            req = urllib.request.Request(
                p["webhook"], data=json.dumps({"payment_id": pid}).encode(),
                headers={"Content-Type": "application/json"})
            try:
                with urllib.request.urlopen(req, timeout=30) as r:
                    self.hook_answers.append((r.status, r.read().decode()))
            except urllib.error.HTTPError as e:
                self.hook_answers.append((e.code, e.read().decode()))
        return self.reply(h, 303, html="", location=p["success_link"])
