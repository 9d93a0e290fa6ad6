// checkout.mjs — the whole purchase in headless Chromium on a phone-sized
// screen, once with JavaScript and once without: a 3-month IPTV plan and two
// (then three) HDMI cables, the cart, the checkout form, mobile money, the
// order page and a payment screenshot.  Starts its own store (tools/stack.sh,
// like tests/e2e/harness.py), keeps screenshots in tests/artifacts/browser/,
// prints "ok NAME" or "FAIL NAME: why" per journey; exit status 1 on failure.
//   node tests/browser/checkout.mjs        (from the repository root or here)
import { chromium } from "playwright-core";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const ART = path.join(ROOT, "tests/artifacts/browser");
const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2,
  isMobile: true, hasTouch: true };
// A 1x1 PNG: what a shopper's screenshot is, by its first bytes.
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC", "base64");

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.on("error", reject);
    s.listen(0, "127.0.0.1", () => { const p = s.address().port; s.close(() => resolve(p)); });
  });
}

// A store of its own: fresh database with the demo catalog, nginx and the
// programs on a free port.
async function startStore() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "souk-browser-"));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const bin = process.env.SOUK_BIN || ROOT;
  const env = { ...process.env,
    SOUK_DB_PATH: path.join(dir, "souk.db"),
    SOUK_TEMPLATE_DIR: path.join(ROOT, "templates"),
    SOUK_LANG_DIR: path.join(ROOT, "lang"),
    SOUK_DATA_DIR: path.join(dir, "files"),
    // Where tools/stack.sh's nginx serves /media/ from (demo covers).
    SOUK_MEDIA_DIR: path.join(dir, "run", "media"),
    SOUK_BASE_URL: base, SOUK_CURRENCY: "TND", SOUK_STORE_NAME: "Souk Test",
    SOUK_BIN: bin, SOUK_WORKERS: "2", NGINX_WORKERS: "1",
    SOUK_SHOP_EMAIL: "shop@example.com",
    SOUK_PAY_BANK_IBAN: "TN59 1000 6035 1835 9847 8831",
    SOUK_PAY_MOBILE: "Orange Money = +216 20 000 000; D17 = +216 55 000 000" };
  delete env.SOUK_CONF;
  fs.mkdirSync(env.SOUK_DATA_DIR);
  const run = (cmd, args) => execFileSync(cmd, args, { env, cwd: ROOT, stdio: "pipe" });
  run(path.join(bin, "soukctl"), ["init"]);
  run(path.join(bin, "soukctl"), ["demo"]);
  run("sh", [path.join(ROOT, "tools/stack.sh"), "start", path.join(dir, "run"), String(port)]);
  return { base, dir, env, stop() {
    try { run("sh", [path.join(ROOT, "tools/stack.sh"), "stop", path.join(dir, "run")]); }
    finally { fs.rmSync(dir, { recursive: true, force: true }); }
  } };
}

function check(cond, why) { if (!cond) throw new Error(why); }

// The page fits a phone screen: nothing wider than the viewport.
async function fitsPhone(page, where) {
  const [w, inner] = await page.evaluate(() =>
    [document.documentElement.scrollWidth, window.innerWidth]);
  check(w <= inner, `${where}: ${w}px wide on a ${inner}px screen`);
}

async function shot(page, name) {
  await page.screenshot({ path: path.join(ART, `${name}.png`), fullPage: true });
}

// One purchase; js: whether the browser runs souk.js.
async function journey(browser, store, js) {
  const tag = js ? "js" : "nojs";
  const context = await browser.newContext({ ...PHONE, javaScriptEnabled: js });
  const page = await context.newPage();
  const problems = [];
  page.on("pageerror", e => problems.push(String(e)));
  // Chromium reports every 4xx page load on the console: the one 422 below
  // (the form with a mistake) is expected; anything else (CSP, script
  // errors) is a failure.
  page.on("console", m => {
    if (m.type() === "error" && !/status of 422/.test(m.text())) problems.push(m.text());
  });
  const b = store.base;
  try {
    // 1. A subscription: choose the 3-month plan, add it.
    await page.goto(`${b}/p/iptv-gold-4k`);
    await fitsPhone(page, "product page");
    await page.locator("input[name=plan]").nth(1).check();
    await shot(page, `${tag}-1-product`);
    await page.locator("form.buy button[type=submit]").click();
    if (js) {
      await page.locator(".drawer").filter({ hasText: "Added to your cart" }).waitFor();
      check(page.url().endsWith("/p/iptv-gold-4k"), "the script kept the product page");
      check(await page.locator("[data-cart-count]").first().textContent() === "1", "header count 1");
    } else {
      await page.waitForURL(/\/cart\?notice=added&line=\d+$/);
      check(await page.locator("[data-cart-count]").first().textContent() === "1", "header count 1");
    }
    await shot(page, `${tag}-2-added`);
    // 2. Two cables.
    await page.goto(`${b}/p/hdmi-2-1-cable-2m`);
    await page.locator("form.buy input[name=qty]").fill("2");
    await page.locator("form.buy button[type=submit]").click();
    if (js)
      await page.locator("[data-cart-count]").first().filter({ hasText: "3" }).waitFor();
    else
      await page.waitForURL(/\/cart\?notice=added&line=\d+$/);
    // 3. The cart: three cables after all.
    await page.goto(`${b}/cart`);
    await fitsPhone(page, "cart");
    const cable = page.locator("[data-line]", { hasText: "HDMI 2.1 cable, 2 m" });
    const lines = await page.locator(".cart-lines").textContent();
    check(lines.includes("Gold 4K IPTV") && lines.includes("3 months") &&
      lines.includes("80.000"), "cart lines: " + lines.replace(/\s+/g, " ").slice(0, 200));
    await cable.locator("input[name=qty]").fill("3");
    if (js) {
      await cable.locator("[data-line-total]").filter({ hasText: "87.000" }).waitFor();
      check(page.url().endsWith("/cart"), "updated in place");
      check(await cable.locator("[data-line-qty]").textContent() === "3", "unit line updated");
    } else {
      await cable.locator("button", { hasText: "Update" }).click();
      await page.waitForURL(/notice=updated/);
    }
    check((await page.locator("[data-subtotal]").textContent()).includes("167.000"), "subtotal 80 + 3 x 29");
    check(await page.locator("[data-cart-count]").first().textContent() === "4", "header count 4");
    await shot(page, `${tag}-3-cart`);
    // 4. Checkout: a mistake first, then the whole form.
    await page.locator("a.checkout-button").click();
    await page.waitForURL(/\/checkout$/);
    await fitsPhone(page, "checkout");
    await page.locator("#f-name").fill("Amira Ben Salah");
    await page.locator("#f-email").fill("amira@example");
    await page.locator("button.place").click();
    await page.locator("#err-email").waitFor();
    check(await page.locator("#f-name").inputValue() === "Amira Ben Salah", "value kept");
    await shot(page, `${tag}-4-errors`);
    await page.locator("#f-email").fill("amira@example.com");
    check(await page.locator("#f-country").inputValue() === "TN", "default country");
    await page.locator("#f-phone").fill("20 123 456");
    await page.locator("#f-address").fill("12 rue de Marseille");
    await page.locator("#f-city").fill("Tunis");
    await page.locator("#f-postal").fill("1000");
    check(await page.locator("input[name=payment][value=cod]").count() === 0,
      "no cash on delivery with a subscription in the cart");
    await page.locator("input[name=payment][value=mobile]").check();
    await page.locator("input[name=terms]").check();
    await shot(page, `${tag}-5-checkout`);
    await page.locator("button.place").click();
    // 5. The order page, then the payment screenshot.
    await page.waitForURL(/\/order\/[A-Za-z0-9_-]{24}\?placed=1$/);
    await fitsPhone(page, "order page");
    const text = await page.locator("main").textContent();
    for (const want of ["Thank you! Your order is placed.", "Awaiting payment", "Orange Money",
      "+216 20 000 000", "167.000", "HDMI 2.1 cable, 2 m"])
      check(text.includes(want), `order page lacks "${want}"`);
    check(/SK-[2-9A-HJ-NP-Z]{8}/.test(text), "reference shown");
    check(await page.locator("[data-cart-count]").first().textContent() === "0", "cart emptied");
    await shot(page, `${tag}-6-order`);
    await page.locator("input[type=file]").setInputFiles({ name: "payment.png", mimeType: "image/png", buffer: PNG });
    await page.locator(".proof-form button[type=submit]").click();
    await page.waitForURL(/\?proof=1$/);
    await page.getByText("Proof received: we will confirm your payment shortly.").waitFor();
    check((await page.locator(".history").textContent()).includes("Payment proof sent"), "history");
    await shot(page, `${tag}-7-proof`);
    check(problems.length === 0, "console errors: " + problems.join(" | "));
  } finally {
    await context.close();
  }
}

export async function run() {
  fs.mkdirSync(ART, { recursive: true });
  let store, browser, failed = 0;
  try {
    store = await startStore();
    browser = await chromium.launch({ executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
      headless: true,
      args: ["--no-sandbox", "--disable-background-networking", "--disable-component-update", "--disable-gpu"] });
    for (const js of [true, false]) {
      const name = js ? "checkout-phone-with-js" : "checkout-phone-without-js";
      try {
        await journey(browser, store, js);
        console.log(`ok ${name}`);
      } catch (e) {
        failed++;
        console.log(`FAIL ${name}: ${String(e.message || e).split("\n")[0]}`);
      }
    }
  } catch (e) {
    failed++;
    console.log(`FAIL checkout-setup: ${String(e.message || e).split("\n")[0]}`);
  } finally {
    if (browser) await browser.close();
    if (store) store.stop();
  }
  return failed;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url))
  process.exitCode = (await run()) ? 1 : 0;
