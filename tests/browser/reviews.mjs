// reviews.mjs — reviews on a phone-sized screen: a customer (made with
// soukctl user add) buys a film, staff mark it paid, the customer leaves
// a review from the product page (held for moderation, shown to them
// only), then an employee approves and answers it from /admin/reviews and
// it appears, with the shop's answer, for every visitor.
import { execFileSync } from "node:child_process";
import { run, check } from "./lib/harness.mjs";

const BIN = process.env.SOUK_BIN || ".";
const SLUG = "/p/the-last-caravan-film";

function ctl(...args) {
  return execFileSync(`${BIN}/soukctl`, args).toString();
}

function account(role) {
  const email = `rv-${role}-${Date.now()}@example.com`;
  const m = ctl("user", "add", "--email", email, "--role", role, "--name",
    role === "customer" ? "Nadia Phone" : "Emma Staff").match(/password: (\S+)/);
  check(m !== null, "soukctl user add printed no password");
  return { email, pw: m[1] };
}

async function login(t, who, next) {
  await t.go("/account/login?next=" + encodeURIComponent(next));
  await t.page.fill("#a-email", who.email);
  await t.page.fill("#a-password", who.pw);
  await Promise.all([t.page.waitForURL((u) => u.pathname === next),
    t.page.locator("#login-form button[type=submit]").click()]);
}

// The customer's order of the film, marked paid by staff (soukctl).
async function buyFilm(t, who) {
  const p = t.page;
  await t.go(SLUG);
  await p.locator("form.buy button[type=submit]").click();
  await p.locator("[data-cart-count]").first().filter({ hasText: /^[1-9]/ }).waitFor();
  await t.go("/checkout");
  await p.locator("#f-name").fill("Nadia Phone");
  await p.locator("#f-email").fill(who.email);
  await p.locator("#f-phone").fill("20 123 456");
  await p.locator("input[name=payment][value=mobile]").check();
  await p.locator("input[name=terms]").check();
  await Promise.all([p.waitForURL(/\/order\/[A-Za-z0-9_-]{24}\?placed=1$/), p.locator("button.place").click()]);
  const ref = (await t.text(".order-head .ref")).trim();
  const line = ctl("orders", "list").split("\n").find((l) => l.includes(ref));
  check(line !== undefined, `${ref} not in soukctl orders list`);
  ctl("order", "set", line.trim().split(/\s+/)[0], "paid");
}

await run("reviews", [
  ["leave_a_review_and_moderate_it_on_a_phone", async (t) => {
    const p = t.page;
    const who = account("customer");
    await login(t, who, "/account");
    await buyFilm(t, who);

    await t.go(SLUG);
    await t.visible(".review-form", "product page");
    await p.locator(".review-form input[name=rating][value='4']").check();
    const text = "Great film on my phone.\nSubtitles <b>in French</b> too.";
    await p.fill("#review-body", text);
    await t.noOverflow("review form");
    await t.shot("review-form");
    await Promise.all([p.waitForURL((u) => u.pathname === SLUG),
      p.locator(".review-form button[type=submit]").click()]);
    const mine = await t.text(".reviews .mine");
    check(mine.includes("Waiting for moderation"), "the author sees it waiting");
    check(mine.includes("<b>in French</b>"), "markup shown as typed text");
    check(await p.locator(".reviews .mine b").count() === 0, "no <b> element");
    await t.shot("review-waiting");

    // Staff on the same phone.
    await t.context.clearCookies();
    const emp = account("employee");
    await login(t, emp, "/admin");
    await t.go("/admin/reviews");
    await t.noOverflow("moderation queue");
    const item = p.locator("#queue li", { hasText: "Great film on my phone." });
    check(await item.count() === 1, "the review waits in the queue");
    await t.shot("admin-reviews-queue");
    await Promise.all([p.waitForURL(/done=approve$/),
      item.locator("button[value=approve]").click()]);
    check((await t.text("#adm-notice")).includes("Published"), "approve notice");
    await t.go("/admin/reviews?view=published");
    const pub = p.locator("#queue li", { hasText: "Great film on my phone." });
    await pub.locator("details.post-edit summary").click();
    await pub.locator("textarea[name=body]").fill("Thank you, Nadia!");
    await Promise.all([p.waitForURL(/done=answer$/),
      pub.locator("button[value=answer]").click()]);

    // Every visitor now sees it, with the shop's answer and the rating.
    await t.context.clearCookies();
    await t.go(SLUG);
    const reviews = await t.text(".reviews");
    check(reviews.includes("Great film on my phone."), "published review");
    check(reviews.includes("Answer from the shop") && reviews.includes("Thank you, Nadia!"), "answer shown");
    check(reviews.includes("Verified buyer"), "verified buyer");
    check((await t.text("[data-avg]")).trim() === "4.0", "average 4.0");
    await t.noOverflow("product with review");
    await t.shot("review-published");
  }, { viewports: ["phone"] }],
]);
