// shipping.mjs — delivery at checkout on a phone (issue 13, item 4): the
// cart's estimate, the methods of the default country, choosing Express,
// the delivery line and total on the order page; the wallet list and its
// Copy buttons (item 3) once JavaScript has shown them; a new country
// (or method) updating the methods and totals in place, without a page
// load (GET /checkout/ship).
import { run, check, BASE } from "./lib/harness.mjs";

await run("shipping", [
  ["choose_a_delivery_method", async (t) => {
    await t.context.grantPermissions(["clipboard-read", "clipboard-write"],
      { origin: new URL(BASE).origin });
    await t.go("/p/hdmi-2-1-cable-2m");
    await t.page.locator("form.buy button[type=submit]").click();
    await t.page.locator("[data-cart-count]").first().filter({ hasText: "1" })
      .waitFor();
    await t.go("/cart");
    const est = await t.text("#delivery-estimate");
    check(est.includes("Delivery (Tunisia)") && est.includes("7.000"),
      "cart estimate: " + est);
    await t.go("/checkout");
    await t.noOverflow("checkout");
    const methods = t.page.locator("input[name=ship]");
    check(await methods.count() === 2, "two methods for Tunisia");
    check(await methods.first().isChecked(), "the first is checked");
    await t.visible("#ship-methods", "delivery methods");
    await t.page.fill("#f-name", "Amira Ben Salah");
    await t.page.fill("#f-email", `ship-${t.viewport}@example.com`);
    await t.page.fill("#f-phone", "20 123 456");
    await t.page.fill("#f-address", "12 rue de Marseille");
    await t.page.fill("#f-city", "Tunis");
    await t.page.locator("label.ship-method", { hasText: "Express" }).click();
    check(await methods.nth(1).isChecked(), "Express chosen by its label");
    await t.page.locator("input[name=payment][value=mobile]").check();
    await t.page.locator("#f-terms").check();
    await t.shot(`shipping-checkout-${t.viewport}`);
    await Promise.all([t.page.waitForURL(/\/order\//),
      t.page.locator("button.place").click()]);
    const line = await t.text("#order-delivery");
    check(line.includes("Express") && line.includes("15.000"), "line: " + line);
    const total = await t.text(".order-lines ~ .sum.total");
    check(total.includes("44.000"), "29 + 15: " + total);
    // The wallets, each with a Copy button shown by JS.
    const copy = t.page.locator("button.copy");
    check(await copy.count() === 3, "two wallets and the reference");
    await copy.first().waitFor({ state: "visible" });
    await copy.first().click();
    await t.page.locator("button.copy", { hasText: "Copied" }).first().waitFor();
    const clip = await t.page.evaluate(() => navigator.clipboard.readText());
    check(clip === "+216 20 000 000", "clipboard: " + clip);
    check((await t.text("#pay-deadline")).includes("Pay by"), "pay-by time");
    await t.shot(`shipping-order-${t.viewport}`);
  }, { viewports: ["phone"] }],
  ["country_change_updates_delivery_in_place", async (t) => {
    await t.go("/p/hdmi-2-1-cable-2m");
    await t.page.locator("form.buy button[type=submit]").click();
    await t.page.locator("[data-cart-count]").first().filter({ hasText: "1" })
      .waitFor();
    await t.go("/checkout");
    check(await t.page.locator("#ship-update").isHidden(),
      "the Update button is for pages without JavaScript");
    check((await t.text("#sum-total")).includes("36.000"), "29 + 7");
    await t.page.fill("#f-name", "Amira Ben Salah");
    await t.page.evaluate(() => { window.soukSamePage = true; });
    const asked = t.page.waitForResponse((r) =>
      r.url().includes("/checkout/ship?country=MA") && r.status() === 200);
    await t.page.selectOption("#f-country", "MA");
    await asked;
    await t.page.locator("label.ship-method", { hasText: "International" })
      .waitFor();
    const methods = t.page.locator("input[name=ship]");
    check(await methods.count() === 1, "one method for Morocco");
    check(await methods.first().isChecked(), "and it is checked");
    await t.page.locator("#sum-total", { hasText: "54.000" }).waitFor();
    check((await t.text("#sum-delivery")).includes("25.000"),
      "delivery line: " + await t.text("#sum-delivery"));
    // A country the shop does not deliver to.
    await t.page.selectOption("#f-country", "US");
    await t.page.locator("#ship-options .notice.error",
      { hasText: "United States" }).waitFor();
    check(await t.page.locator("#sum-delivery").isHidden(), "no delivery line");
    await t.page.locator("#sum-total", { hasText: "29.000" }).waitFor();
    // Back to Tunisia; the total follows the method chosen.
    await t.page.selectOption("#f-country", "TN");
    await t.page.locator("label.ship-method", { hasText: "Express" }).click();
    await t.page.locator("#sum-total", { hasText: "44.000" }).waitFor();
    // From the keyboard: the arrow moves the choice, the focus stays on it.
    await t.page.keyboard.press("ArrowUp");
    await t.page.locator("#sum-total", { hasText: "36.000" }).waitFor();
    check(await t.page.evaluate(() => document.activeElement.name === "ship" &&
      document.activeElement.checked), "focus stays on the chosen method");
    check(await t.page.evaluate(() => window.soukSamePage === true),
      "no page load");
    check(await t.page.inputValue("#f-name") === "Amira Ben Salah",
      "what was typed stays");
    await t.shot(`shipping-country-${t.viewport}`);
  }],
]);
