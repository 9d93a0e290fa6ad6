// delivery.mjs — digital delivery on a phone-sized screen (docs/delivery.md):
// a customer buys a season by mobile money, staff confirm the payment in
// the admin, and the customer downloads an episode from My library (the
// bytes and headers of the file checked); a guest's IPTV plan gets its
// reminder from `soukctl cron --now` and the guest renews from the mail's
// link as a new visitor.  The outbox rows are read with sqlite3, as
// account.mjs does (the browser suite runs no SMTP server).
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { run, check, BASE, VIEWPORTS } from "./lib/harness.mjs";

const BIN = process.env.SOUK_BIN || ".";
const DB = process.env.SOUK_DB_PATH;
const DAY = 86400;
const ctl = (...args) => execFileSync(`${BIN}/soukctl`, args).toString();
const sql = (q) => execFileSync("sqlite3", [DB, q]).toString().trim();

function user(role) {
  const email = `${role}-${Date.now()}@example.com`;
  const out = ctl("user", "add", "--email", email, "--role", role,
    "--name", "Phone " + role);
  const m = out.match(/password: (\S+)/);
  check(m !== null, "soukctl user add printed no password: " + out);
  return { email, pw: m[1] };
}

async function login(t, who, next) {
  await t.go("/account/login?next=" + encodeURIComponent(next));
  await t.page.fill("#a-email", who.email);
  await t.page.fill("#a-password", who.pw);
  await Promise.all([t.page.waitForURL((u) => u.pathname === next),
    t.page.locator("#login-form button[type=submit]").click()]);
}

// Adds product slug (its first plan) to the cart from its page.
async function addToCart(t, slug) {
  const p = t.page;
  await t.go("/p/" + slug);
  await p.locator("form.buy button[type=submit]").first().click();
  await p.locator("[data-cart-count]").first().filter({ hasText: /^[1-9]/ }).waitFor();
}

// Fills the checkout (mobile money) and places the order; the order's
// reference and token.
async function checkout(t, email) {
  const p = t.page;
  await t.go("/checkout");
  await t.noOverflow("checkout");
  await p.locator("#f-name").fill("Amira Ben Salah");
  if (await p.locator("#f-email").isEditable()) await p.locator("#f-email").fill(email);
  await p.locator("#f-phone").fill("20 123 456");
  await p.locator("input[name=payment][value=mobile]").check();
  await p.locator("input[name=terms]").check();
  await Promise.all([p.waitForURL(/\/order\/[A-Za-z0-9_-]{24}\?placed=1$/),
    p.locator("button.place").click()]);
  const ref = (await t.text(".order-head .ref")).trim();
  const token = new URL(p.url()).pathname.split("/").pop();
  check(ref !== "", "no order reference on the order page");
  return { ref, token };
}

// The newest mail whose subject starts with `subject`, sent to `to`.
function mailBody(to, subject) {
  return sql("SELECT body_text FROM mail_outbox WHERE to_addr = '" +
    to.replace(/'/g, "''") + "' AND subject LIKE '" + subject.replace(/'/g, "''") +
    "%' ORDER BY id DESC LIMIT 1");
}

await run("delivery", [
  ["buy_a_season_confirm_it_download_an_episode", async (t) => {
    const p = t.page;
    // An episode's file, put in place by the shop.
    const dir = mkdtempSync(join(tmpdir(), "souk-episode-"));
    const file = join(dir, "carthage-code-s1e02.mp4");
    const bytes = randomBytes(256 * 1024);
    writeFileSync(file, bytes);
    const added = ctl("media", "add", file, "--product", "carthage-code-s1e02");
    rmSync(dir, { recursive: true });	// the store has its own link to it
    check(/^file \d+:/.test(added), "media add failed: " + added);

    const customer = user("customer");
    await login(t, customer, "/account");
    await addToCart(t, "carthage-code-s1");
    const { ref } = await checkout(t, customer.email);
    await t.shot("delivery-season-placed");

    // Staff confirm the payment from their own phone.
    const staffCtx = await t.browser.newContext({ viewport: VIEWPORTS.phone,
      deviceScaleFactor: 1, hasTouch: true });
    try {
      const s = { page: await staffCtx.newPage() };
      const emp = user("employee");
      const sp = s.page;
      await sp.goto(BASE + "/account/login?next=%2Fadmin");
      await sp.fill("#a-email", emp.email);
      await sp.fill("#a-password", emp.pw);
      await Promise.all([sp.waitForURL(/\/admin$/),
        sp.locator("#login-form button[type=submit]").click()]);
      await sp.goto(BASE + "/admin/orders");
      const link = sp.locator("#orders a", { hasText: ref });
      check(await link.count() === 1, `${ref} is not in the admin's orders`);
      await Promise.all([sp.waitForURL(/\/admin\/order\/\d+$/), link.click()]);
      await Promise.all([sp.waitForURL(/notice=confirm$/), sp.click("#do-confirm")]);
      check(((await sp.locator("#status").textContent()) || "").includes("Paid"),
        "the order is not paid after the confirmation");
    } finally {
      await staffCtx.close();
    }

    // The customer's library lists the episode, under its series and season.
    await t.go("/account/library");
    await t.noOverflow("library");
    check((await t.text(".library-list")).includes("Carthage Code"), "series heading");
    const item = p.locator(".lib-item", { hasText: "S1E02" });
    check(await item.count() === 1, "the episode is not in the library");
    await t.shot("delivery-library");
    const btn = item.locator("a.lib-download");
    const href = await btn.getAttribute("href");
    check(/^(https?:\/\/[^/]+)?\/download\/[A-Za-z0-9._~-]+$/.test(href || ""),
      "download link: " + href);
    // A tap downloads the file, with the episode's name.
    const [dl] = await Promise.all([p.waitForEvent("download"), btn.tap()]);
    check(/Carthage Code S1E02/.test(dl.suggestedFilename()),
      "saved as " + dl.suggestedFilename());
    const saved = readFileSync(await dl.path());
    check(saved.equals(bytes), `the downloaded file differs (${saved.length} bytes)`);
    // The answer itself: the whole file, private, resumable.
    const r = await t.context.request.get(new URL(href, BASE).href);
    const h = r.headers();
    check(r.status() === 200, "download: HTTP " + r.status());
    check(h["content-type"] === "video/mp4", "content-type " + h["content-type"]);
    check(h["content-length"] === String(bytes.length), "length " + h["content-length"]);
    check(/private/.test(h["cache-control"] || "") && /no-store/.test(h["cache-control"] || ""),
      "cache-control " + h["cache-control"]);
    check(/^attachment;/.test(h["content-disposition"] || ""),
      "content-disposition " + h["content-disposition"]);
    const part = await t.context.request.get(new URL(href, BASE).href,
      { headers: { Range: "bytes=1000-1999" } });
    check(part.status() === 206, "Range: HTTP " + part.status());
    check((await part.body()).equals(bytes.subarray(1000, 2000)), "Range bytes");
  }, { viewports: ["phone"] }],

  ["renew_iptv_from_the_reminder_mail_as_a_guest", async (t) => {
    const email = `guest-${Date.now()}@example.com`;
    await addToCart(t, "iptv-gold-4k");
    const { token } = await checkout(t, email);
    const oid = sql(`SELECT id FROM orders WHERE token = '${token}'`);
    ctl("order", "set", oid, "paid");
    const [sid, end] = sql(`SELECT id, ends_at FROM subscriptions WHERE order_id = ${oid}`)
      .split("|").map(Number);
    check(sid > 0 && end > 0, "no subscription started");

    // Six days before the end the cron sends the 7-day reminder.
    ctl("cron", "--no-mail", "--now", String(end - 6 * DAY));
    const body = mailBody(email, "Your subscription ends soon");
    const m = body.match(/https?:\/\/[^/\s]+(\/cart\/renew\?\S+)/);
    check(m !== null, "no renewal link in the reminder: " + body.slice(0, 300));

    // The guest opens it later as a new visitor (no cookies): the plan
    // is in the cart.
    await t.context.clearCookies();
    await t.go(m[1].replace(/&amp;/g, "&"));
    check(new URL(t.page.url()).pathname === "/cart", "landed on " + t.page.url());
    check((await t.text("main")).includes("Gold 4K IPTV"), "the plan is not in the cart");
    await t.noOverflow("cart");
    await t.shot("delivery-renew-cart");
    const { token: tok2 } = await checkout(t, email);
    ctl("order", "set", sql(`SELECT id FROM orders WHERE token = '${tok2}'`), "paid");
    // Paid: the same subscription, from its end (it was still running).
    check(sql(`SELECT count(*) FROM subscriptions WHERE email_norm = '${email}'`) === "1",
      "a second subscription was started");
    const end2 = Number(sql(`SELECT ends_at FROM subscriptions WHERE id = ${sid}`));
    check(end2 >= end + 28 * DAY && end2 <= end + 31 * DAY,
      `not renewed from its end (${end} -> ${end2})`);
  }, { viewports: ["phone"] }],
]);
