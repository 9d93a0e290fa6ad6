// find_order.mjs — "find my order" from the footer (issue 13, item 9): a
// wrong pair says so without naming anything; the right pair opens the
// order.  Phone and desktop widths.
import { run, check } from "./lib/harness.mjs";

await run("find_order", [
  ["footer_form_miss_then_found", async (t) => {
    // An order to find.
    await t.go("/p/hdmi-2-1-cable-2m");
    await t.page.locator("form.buy button[type=submit]").click();
    await t.page.locator("[data-cart-count]").first().filter({ hasText: "1" })
      .waitFor();
    await t.go("/checkout");
    const email = `find-${t.viewport}@example.com`;
    await t.page.fill("#f-name", "Amira Ben Salah");
    await t.page.fill("#f-email", email);
    await t.page.fill("#f-phone", "20 123 456");
    await t.page.fill("#f-address", "12 rue de Marseille");
    await t.page.fill("#f-city", "Tunis");
    await t.page.fill("#f-postal", "1000");
    await t.page.locator("input[name=payment]").first().check();
    await t.page.locator("#f-terms").check();
    await Promise.all([t.page.waitForURL(/\/order\//),
      t.page.locator("button.place").click()]);
    const ref = (await t.text(".ref")).trim();
    const orderUrl = t.page.url().replace(/\?.*$/, "");
    check(/^[A-Z0-9-]+$/.test(ref), "reference: " + ref);

    await t.go("/");
    await Promise.all([t.page.waitForURL(/\/find-order$/),
      t.page.locator(".site-footer a", { hasText: "Find my order" }).click()]);
    await t.noOverflow("form");
    await t.page.fill("#t-reference", ref);
    await t.page.fill("#t-email", "someone-else@example.com");
    t.allow.push("/find-order");
    t.allowConsole.push("the server responded with a status of 404");
    await Promise.all([t.page.waitForNavigation(),
      t.page.locator("main button[type=submit]").click()]);
    const miss = await t.text("main [role=alert]");
    check(miss.includes("We found no order"), "miss: " + miss);
    check(!(await t.text("main")).includes("HDMI"), "nothing of the order");
    await t.shot("find-order-miss");
    await t.page.fill("#t-email", email.toUpperCase());
    await Promise.all([t.page.waitForURL(/\/order\//),
      t.page.locator("main button[type=submit]").click()]);
    check(t.page.url().replace(/\?.*$/, "") === orderUrl, "the order's page");
  }],
]);
