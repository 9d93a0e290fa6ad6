// added.mjs — after "Add to cart" (issue 13, item 8): the chosen plan's
// price and saving in the headline; with JS a drawer naming the item, its
// plan and the cart subtotal with "View cart" and "Check out"; without JS
// the cart page names the same.  Phone and desktop widths.
import { run, check, BASE, VIEWPORTS } from "./lib/harness.mjs";

await run("added", [
  ["plan_price_in_headline", async (t) => {
    await t.go("/p/iptv-gold-4k");
    const head = () => t.text("[data-price-line]");
    check((await head()).includes("30.000"), "first plan: " + await head());
    await t.page.locator("label.plan", { hasText: "12 months" }).click();
    check((await head()).includes("270.000"), "12 months: " + await head());
    // 12 x 30 - 270 = 90 saved.
    check((await head()).includes("you save 90.000"), "saving: " + await head());
    await t.page.locator("label.plan", { hasText: "3 months" }).click();
    check((await head()).includes("80.000") && (await head()).includes("10.000"),
      "3 months saves 10: " + await head());
    await t.noOverflow("plans");
  }],

  ["drawer_names_item_plan_subtotal", async (t) => {
    await t.go("/p/iptv-gold-4k");
    await t.page.locator("label.plan", { hasText: "3 months" }).click();
    await t.page.locator("form.buy button[type=submit]").click();
    const d = t.page.locator(".drawer");
    await d.waitFor();
    const text = await d.textContent();
    check(text.includes("Added to your cart") && text.includes("Gold 4K IPTV") &&
      text.includes("3 months") && text.includes("Cart subtotal: 80.000"),
      "drawer: " + text);
    check(t.page.url().endsWith("/p/iptv-gold-4k"), "stayed on the page");
    // Inside the viewport, not covering the header.
    const box = await d.boundingBox();
    const vp = t.page.viewportSize();
    check(box.x >= 0 && box.x + box.width <= vp.width &&
      box.y + box.height <= vp.height, "drawer on screen: " + JSON.stringify(box));
    await t.noOverflow("drawer");
    await t.shot("added-drawer");
    // A second item: the subtotal grows; Check out goes to checkout.
    await t.go("/p/hdmi-2-1-cable-2m");
    await t.page.locator("form.buy button[type=submit]").click();
    await d.filter({ hasText: "109.000" }).waitFor();
    await t.page.keyboard.press("Escape");
    check(await d.count() === 0, "Escape closes the drawer");
    await t.page.locator("form.buy button[type=submit]").click();
    await Promise.all([t.page.waitForURL(/\/checkout$/),
      d.locator("a", { hasText: "Check out" }).click()]);
  }],

  ["without_js_the_cart_page_names_it", async (t) => {
    const ctx = await t.browser.newContext({ viewport: VIEWPORTS[t.viewport],
      javaScriptEnabled: false });
    try {
      const page = await ctx.newPage();
      await page.goto(BASE + "/p/iptv-gold-4k");
      await page.locator("label.plan", { hasText: "6 months" }).click();
      await Promise.all([page.waitForURL(/\/cart\?notice=added&line=\d+$/),
        page.locator("form.buy button[type=submit]").click()]);
      const box = await page.locator(".added-box").textContent();
      check(box.includes("Gold 4K IPTV") && box.includes("6 months") &&
        box.includes("Cart subtotal: 150.000"), "notice: " + box);
      await Promise.all([page.waitForURL(/\/checkout$/),
        page.locator(".added-box a", { hasText: "Check out" }).click()]);
    } finally {
      await ctx.close();
    }
  }],
]);
