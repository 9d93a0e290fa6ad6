// cart_empty.mjs — "Empty the cart" asks first (issue 13, item 8): the
// cart's link opens a question naming what goes; "Keep my cart" keeps it,
// "Yes" empties it.  Phone and desktop widths.
import { run, check } from "./lib/harness.mjs";

await run("cart_empty", [
  ["asks_before_emptying", async (t) => {
    await t.go("/p/hdmi-2-1-cable-2m");
    await t.page.locator("form.buy button[type=submit]").click();
    await t.page.locator("[data-cart-count]").first().filter({ hasText: "1" })
      .waitFor();
    await t.go("/cart");
    await Promise.all([t.page.waitForURL(/\/cart\/empty$/),
      t.page.locator(".empty-form a").click()]);
    check((await t.text("main h1")).includes("Empty your cart?"), "question");
    check((await t.text("main")).includes("HDMI 2.1 cable, 2 m"), "names the line");
    await t.noOverflow("question");
    await t.shot("cart-empty-question");
    await Promise.all([t.page.waitForURL(/\/cart$/),
      t.page.locator("a", { hasText: "Keep my cart" }).click()]);
    check(await t.page.locator("[data-line]").count() === 1, "kept");
    await t.page.locator(".empty-form a").click();
    await Promise.all([t.page.waitForURL(/\/cart\?notice=emptied/),
      t.page.locator("button", { hasText: "Yes, empty the cart" }).click()]);
    check((await t.text("main")).includes("Your cart is empty."), "emptied");
    check(await t.page.locator("[data-cart-count]").first().textContent() === "0",
      "header count 0");
  }],
]);
