// admin_shipping.mjs — delivery in the back office on a phone-sized screen
// (issue 13, items 2 and 4): an admin (created with soukctl user add)
// creates a zone for Benin and a flat method in it, previews its price,
// then a shopper choosing Benin at checkout is offered that method, and
// the Delivery line and the Total follow it.  The zone is removed after.
import { staff, staffLogin } from "./lib/staff.mjs";
import { run, check } from "./lib/harness.mjs";


await run("admin_shipping", [
  ["zone_and_rate_from_the_admin_reach_checkout", async (t) => {
    const p = t.page, name = `Benin ${Date.now()}`;
    await staffLogin(t, staff("admin"));
    await t.go("/admin/shipping");
    await t.noOverflow("delivery zones");
    await Promise.all([p.waitForURL(/\/admin\/shipping\/zone$/),
      p.click("#new-zone")]);
    await p.fill("#z-name", name);
    await p.fill("#z-areas", "BJ");
    await Promise.all([p.waitForURL(/\/admin\/shipping\/zone\/\d+\?notice=zone_saved$/),
      p.click("#zone-save")]);
    const zoneUrl = p.url().replace(/\?.*$/, "");
    await Promise.all([p.waitForURL(/\/admin\/shipping\/rate\?zone=\d+$/),
      p.click("#new-rate")]);
    await t.noOverflow("new delivery method");
    await p.fill("#r-name", "Cotonou courier");
    await p.fill("#r-name-fr", "Coursier Cotonou");
    await p.check("#r-kind-flat");
    await p.fill("#r-base", "13.5");
    await p.fill("#r-min", "2");
    await p.fill("#r-max", "6");
    await Promise.all([p.waitForURL(/notice=rate_saved$/), p.click("#rate-save")]);
    check((await t.text("#zone-rates")).includes("Cotonou courier"),
      "the zone lists its method: " + await t.text("#zone-rates"));
    await t.shot("admin-shipping-zone");
    // The quote preview prices it as checkout will.
    await t.go("/admin/shipping");
    await p.selectOption("#q-country", "BJ");
    await p.fill("#q-units", "2");
    await Promise.all([p.waitForURL(/country=BJ/), p.click("#quote-go")]);
    const q = await t.text("#quote-options");
    check(q.includes("Cotonou courier") && q.includes("13.500"), "quote: " + q);
    await t.noOverflow("quote");
    // A shopper's checkout.
    const shop = await t.context.browser().newContext({
      viewport: { width: 390, height: 844 }, hasTouch: true });
    const s = await shop.newPage();
    try {
      await s.goto(new URL("/p/hdmi-2-1-cable-2m", p.url()).href);
      await s.locator("form.buy button[type=submit]").click();
      await s.locator("[data-cart-count]").first().filter({ hasText: "1" })
        .waitFor();
      await s.goto(new URL("/checkout", p.url()).href);
      const asked = s.waitForResponse((r) =>
        r.url().includes("/checkout/ship?country=BJ") && r.status() === 200);
      await s.selectOption("#f-country", "BJ");
      await asked;
      await s.locator("label.ship-method", { hasText: "Cotonou courier" })
        .waitFor();
      const methods = s.locator("input[name=ship]");
      check(await methods.count() === 1 && await methods.first().isChecked(),
        "the admin's method, checked");
      await s.locator("#sum-delivery", { hasText: "13.500" }).waitFor();
      await s.locator("#sum-total", { hasText: "42.500" }).waitFor();  // 29 + 13.5
      const sw = await s.evaluate(() => document.documentElement.scrollWidth);
      check(sw <= 390, `checkout is ${sw}px wide on a phone`);
    } finally {
      await shop.close();
    }
    // Clean up: the zone and its method go.
    await p.goto(zoneUrl);
    await Promise.all([p.waitForURL(/notice=zone_deleted$/), p.click("#zone-delete")]);
  }, { viewports: ["phone"] }],
]);
