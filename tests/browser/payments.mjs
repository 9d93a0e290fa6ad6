// payments.mjs — paying online in headless Chromium on a phone-sized
// screen, through the fake hosted pages of tests/e2e/fakegw.py (on
// 127.0.0.1): card chosen at checkout, the shopper cancels on the fake
// Stripe page, comes back to the order page that offers another try, picks
// the Flouci wallet, pays there and lands on the paid order.  Prints
// "ok NAME" or "FAIL NAME: why"; exit status 1 on failure.
import { chromium } from "playwright-core";
import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import readline from "node:readline";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const ART = path.join(ROOT, "tests/artifacts/browser");
const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2,
  isMobile: true, hasTouch: true };

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.on("error", reject);
    s.listen(0, "127.0.0.1", () => { const p = s.address().port; s.close(() => resolve(p)); });
  });
}

function check(cond, why) { if (!cond) throw new Error(why); }

// The fake gateways, started for the shop at base; resolves to their JSON line.
function startFake(base) {
  const p = spawn("/usr/bin/python3", [path.join(ROOT, "tests/e2e/fakegw_serve.py"), base],
    { stdio: ["ignore", "pipe", "inherit"] });
  return new Promise((resolve, reject) => {
    const rl = readline.createInterface({ input: p.stdout });
    rl.once("line", l => resolve({ proc: p, ...JSON.parse(l) }));
    p.once("exit", c => reject(new Error("fake gateways exited " + c)));
  });
}

async function startStore() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "souk-browser-"));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const fake = await startFake(base);
  const bin = process.env.SOUK_BIN || ROOT;
  const env = { ...process.env, ...fake.env,
    SOUK_DB_PATH: path.join(dir, "souk.db"),
    SOUK_TEMPLATE_DIR: path.join(ROOT, "templates"),
    SOUK_LANG_DIR: path.join(ROOT, "lang"),
    SOUK_DATA_DIR: path.join(dir, "files"),
    // Where tools/stack.sh's nginx serves /media/ from (demo covers).
    SOUK_MEDIA_DIR: path.join(dir, "run", "media"),
    SOUK_BASE_URL: base, SOUK_CURRENCY: "TND", SOUK_STORE_NAME: "Souk Test",
    SOUK_BIN: bin, SOUK_WORKERS: "2", NGINX_WORKERS: "1",
    SOUK_SHOP_EMAIL: "shop@example.com" };
  delete env.SOUK_CONF;
  fs.mkdirSync(env.SOUK_DATA_DIR);
  const run = (cmd, args) => execFileSync(cmd, args, { env, cwd: ROOT, stdio: "pipe" });
  try {
    run(path.join(bin, "soukctl"), ["init"]);
    run(path.join(bin, "soukctl"), ["demo"]);
    run("sh", [path.join(ROOT, "tools/stack.sh"), "start", path.join(dir, "run"), String(port)]);
  } catch (e) {
    fake.proc.kill();
    throw e;
  }
  return { base, fake: fake.base, stop() {
    try { run("sh", [path.join(ROOT, "tools/stack.sh"), "stop", path.join(dir, "run")]); }
    finally { fake.proc.kill(); fs.rmSync(dir, { recursive: true, force: true }); }
  } };
}

async function fitsPhone(page, where) {
  const [w, inner] = await page.evaluate(() =>
    [document.documentElement.scrollWidth, window.innerWidth]);
  check(w <= inner, `${where}: ${w}px wide on a ${inner}px screen`);
}

async function shot(page, name) {
  await page.screenshot({ path: path.join(ART, `${name}.png`), fullPage: true });
}

async function journey(browser, store) {
  const context = await browser.newContext(PHONE);
  const page = await context.newPage();
  const problems = [];
  page.on("pageerror", e => problems.push(String(e)));
  const b = store.base;
  try {
    await page.goto(`${b}/p/iptv-gold-4k`);
    await page.locator("form.buy button[type=submit]").click();
    await page.locator("[data-cart-count]").first().filter({ hasText: "1" }).waitFor();
    await page.goto(`${b}/checkout`);
    await fitsPhone(page, "checkout");
    await page.locator("#f-name").fill("Amira Ben Salah");
    await page.locator("#f-email").fill("amira@example.com");
    await page.locator("#f-phone").fill("20 123 456");
    check(await page.locator("input[name=payment][value=wallet]").count() === 1, "wallet offered");
    await page.locator("input[name=payment][value=card]").check();
    await page.locator("input[name=terms]").check();
    await shot(page, "pay-1-checkout");
    await page.locator("button.place").click();
    // The fake Stripe page: cancel.
    await page.waitForURL(u => u.href.startsWith(store.fake + "/stripe/pay/"));
    await shot(page, "pay-2-stripe");
    await page.locator("#cancel").click();
    await page.waitForURL(/\/order\/[A-Za-z0-9_-]{24}\?payfail=1$/);
    await fitsPhone(page, "order page after a cancelled payment");
    const t = await page.locator("main").textContent();
    check(t.includes("Your payment was not completed") && t.includes("Awaiting payment"),
      "the failure is said, the order waits");
    await shot(page, "pay-3-cancelled");
    // A second try with the other method, without re-entering anything.
    await page.locator("#pay-wallet").click();
    await page.waitForURL(u => u.href.startsWith(store.fake + "/flouci/pay/"));
    await shot(page, "pay-4-flouci");
    await page.locator("#pay").click();
    await page.waitForURL(/\/order\/[A-Za-z0-9_-]{24}\?paid=1$/);
    await fitsPhone(page, "paid order page");
    const done = await page.locator("main").textContent();
    check(done.includes("Thank you! Your payment is confirmed.") && done.includes("Paid"),
      "paid: " + done.replace(/\s+/g, " ").slice(0, 200));
    check(await page.locator("#pay-wallet").count() === 0, "no pay button on a paid order");
    await shot(page, "pay-5-paid");
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
    try {
      await journey(browser, store);
      console.log("ok payments-phone-cancel-then-wallet");
    } catch (e) {
      failed++;
      console.log(`FAIL payments-phone-cancel-then-wallet: ${String(e.message || e).split("\n")[0]}`);
    }
  } catch (e) {
    failed++;
    console.log(`FAIL payments-setup: ${String(e.message || e).split("\n")[0]}`);
  } finally {
    if (browser) await browser.close();
    if (store) store.stop();
  }
  return failed;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url))
  process.exitCode = (await run()) ? 1 : 0;
