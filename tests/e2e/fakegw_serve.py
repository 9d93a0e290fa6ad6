"""fakegw_serve.py SHOP_BASE — runs the fake gateways (fakegw.py) for a
test in another language (tests/browser/payments.mjs): prints one JSON
line {"base": ..., "env": {...SOUK_* settings}} and serves on 127.0.0.1
until it is killed."""
import json
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import fakegw  # noqa: E402

fake = fakegw.FakeGateways()
fake.shop = sys.argv[1]
print(json.dumps({"base": fake.base, "env": fake.env()}), flush=True)
while True:
    time.sleep(3600)
