#!/usr/bin/python3
"""events.py DB SECRET OUT COUNT THREADS — signed Stripe events for
bench/webhook.sh, one per line "<Stripe-Signature> <body>" in OUT.<n>
(n = 1..THREADS, one file per wrk thread).

Each event is about a real Stripe payment of the store (the card orders
`soukctl bench-data --orders` wrote: a paid or refunded Checkout Session
with its payment intent), alternately `checkout.session.completed` (the
session as Stripe sends it) and `charge.refunded` (its charge), each with
an event id of its own, signed as Stripe signs (t=now, v1 =
HMAC-SHA256(secret, "t.body")): valid for the 300 s tolerance.  The
store's database is only read, to name those payments."""
import hashlib
import hmac
import json
import sqlite3
import sys
import time

db, secret, out, count, threads = sys.argv[1], sys.argv[2], sys.argv[3], \
    int(sys.argv[4]), int(sys.argv[5])
c = sqlite3.connect("file:%s?mode=ro" % db, uri=True)
pays = c.execute(
    "SELECT p.provider_id, p.charge_ref, p.amount_minor, p.currency, "
    "p.refunded_minor, o.reference, o.email, o.created_at FROM payments p "
    "JOIN orders o ON o.id = p.order_id WHERE p.provider = 'stripe' AND "
    "p.status IN ('paid', 'refunded') AND p.mode = 'test' ORDER BY p.id"
).fetchall()
c.close()
if not pays:
    sys.exit("events.py: no paid Stripe payment in %s" % db)
run = "%x" % int(time.time() * 1000)
t = int(time.time())
files = [open("%s.%d" % (out, n + 1), "w") for n in range(threads)]
for i in range(count):
    sid, pi, amount, cur, refunded, ref, email, at = pays[i % len(pays)]
    if i % 2 == 0:
        typ = "checkout.session.completed"
        obj = {"id": sid, "object": "checkout.session", "amount_subtotal":
               amount, "amount_total": amount, "currency": cur.lower(),
               "client_reference_id": ref, "customer_details": {
                   "email": email, "name": None, "phone": None},
               "livemode": False, "metadata": {}, "mode": "payment",
               "payment_intent": pi, "payment_method_types": ["card"],
               "payment_status": "paid", "status": "complete",
               "created": at, "expires_at": at + 1800,
               "success_url": "https://shop.example/pay/x/return",
               "cancel_url": "https://shop.example/pay/x/return?failed=1"}
    else:
        typ = "charge.refunded"
        obj = {"id": "ch_" + pi[3:], "object": "charge", "amount": amount,
               "amount_captured": amount, "amount_refunded": refunded or
               amount, "currency": cur.lower(), "captured": True,
               "livemode": False, "paid": True, "payment_intent": pi,
               "refunded": True, "status": "succeeded", "created": at,
               "billing_details": {"email": email}}
    body = json.dumps({"id": "evt_bench_%s_%d" % (run, i), "object": "event",
                       "api_version": "2024-06-20", "created": t,
                       "data": {"object": obj}, "livemode": False,
                       "pending_webhooks": 1, "request": {"id": None},
                       "type": typ}, separators=(",", ":"))
    v1 = hmac.new(secret.encode(), b"%d.%s" % (t, body.encode()),
                  hashlib.sha256).hexdigest()
    files[i % threads].write("t=%d,v1=%s %s\n" % (t, v1, body))
for f in files:
    f.close()
print(len(pays))
