// checkout_form.mjs — the checkout form helps instead of fighting, at
// phone and desktop widths: Enter places the order (with and without
// JavaScript), Enter in the coupon field and the Apply button check only
// the coupon, the error summary lists whole sentences in the form's field
// order, and a fixed field stops showing its error.
import { run, check, VIEWPORTS, BASE } from "./lib/harness.mjs";

// A cart with one cable in t's context (the browser suite's store offers
// cash on delivery only: physical carts).
async function cartWithCable(t) {
  await t.go("/p/hdmi-2-1-cable-2m");
  await t.page.locator("form.buy button[type=submit]").click();
  await t.page.locator("[data-cart-count]").first().filter({ hasText: "1" })
    .waitFor();
}

async function fillAll(page) {
  await page.locator("#f-name").fill("Amira Ben Salah");
  await page.locator("#f-email").fill("amira@example.com");
  await page.locator("#f-phone").fill("20 123 456");
  await page.locator("#f-address").fill("12 rue de Marseille");
  await page.locator("#f-city").fill("Tunis");
  await page.locator("input[name=terms]").check();
}

// The ids of the form's fields in page order, and the fields the summary
// links to, in its order.
async function orders(page) {
  return page.evaluate(() => {
    const form = document.querySelector("form.checkout-form");
    const ids = Array.from(form.querySelectorAll("input, select, textarea"))
      .map((el) => el.id).filter((id) => id);
    const links = Array.from(document.querySelectorAll("#checkout-errors a"))
      .map((a) => a.getAttribute("href").slice(1));
    return { ids, links };
  });
}

await run("checkout_form", [
  ["enter_places_the_order", async (t) => {
    await cartWithCable(t);
    await t.go("/checkout");
    await fillAll(t.page);
    await t.page.locator("#f-coupon").fill("");
    // Enter in the name field: the order is placed (not the coupon).
    await t.page.locator("#f-name").press("Enter");
    await t.page.waitForURL(/\/order\/[A-Za-z0-9_-]{24}\?placed=1$/);
    check((await t.text("main")).includes("Your order is placed"),
      "order page after Enter");
  }],

  ["enter_places_the_order_without_js", async (t) => {
    const context = await t.browser.newContext({
      viewport: VIEWPORTS[t.viewport], javaScriptEnabled: false });
    const page = await context.newPage();
    try {
      await page.goto(BASE + "/p/hdmi-2-1-cable-2m");
      await Promise.all([page.waitForNavigation(),
        page.locator("form.buy button[type=submit]").click()]);
      await page.goto(BASE + "/checkout");
      await fillAll(page);
      await Promise.all([page.waitForNavigation(),
        page.locator("#f-email").press("Enter")]);
      check(/\/order\/[A-Za-z0-9_-]{24}\?placed=1$/.test(page.url()),
        "Enter without JS placed the order: " + page.url());
    } finally {
      await context.close();
    }
  }],

  ["coupon_apply_checks_only_the_coupon", async (t) => {
    await cartWithCable(t);
    await t.go("/checkout");
    t.allow.push("/checkout");
    t.allowConsole.push("the server responded with a status of 422");
    // The other fields are empty: Apply (by Enter in the coupon field)
    // says nothing about them.
    await t.page.locator("#f-coupon").fill("NOPE");
    await Promise.all([t.page.waitForNavigation(),
      t.page.locator("#f-coupon").press("Enter")]);
    check(t.page.url().endsWith("/checkout"), "still the form: " + t.page.url());
    const err = await t.visible("#err-coupon", "coupon error");
    check((await err.textContent()) ===
      "This coupon is not a valid code: check its spelling.",
      "coupon message: " + await err.textContent());
    for (const f of ["name", "email", "phone", "address", "city", "terms"])
      check(await t.page.locator("#err-" + f).count() === 0,
        `Apply reported ${f}`);
    check(await t.page.locator("#checkout-errors li").count() === 1,
      "the summary holds the coupon only");
    // The Apply button itself, with the form half filled: no other error.
    await t.page.locator("#f-name").fill("Amira");
    await t.page.locator("#f-coupon").fill("ALSO-NOPE");
    await Promise.all([t.page.waitForNavigation(),
      t.page.locator("#coupon-apply").click()]);
    check(await t.page.inputValue("#f-name") === "Amira", "name kept");
    check(await t.page.locator(".field-err").count() === 1,
      "one error after Apply");
    await t.shot("checkout-coupon-only");
  }],

  ["summary_in_field_order_and_fixed_fields_clear", async (t) => {
    await t.go("/p/hdmi-2-1-cable-2m");
    await t.page.locator("form.buy button[type=submit]").click();
    await t.page.locator("[data-cart-count]").first().filter({ hasText: "1" })
      .waitFor();
    await t.go("/checkout");
    t.allow.push("/checkout");
    t.allowConsole.push("the server responded with a status of 422");
    await t.page.locator("#f-email").fill("amira@example");
    await Promise.all([t.page.waitForNavigation(),
      t.page.locator("button.place").click()]);
    const { ids, links } = await orders(t.page);
    check(links.length >= 5, "summary lines: " + links.join(","));
    const pos = links.map((l) => ids.indexOf(l));
    check(pos.every((p) => p >= 0), "every line links to a field: " + links);
    check(pos.every((p, i) => i === 0 || p > pos[i - 1]),
      "summary in field order: " + links.join(","));
    const texts = await t.page.locator("#checkout-errors a").allTextContents();
    check(texts[0] === "Enter your full name." &&
      texts.every((s) => /^[A-Z].*\.$/.test(s)),
      "whole sentences: " + texts.join(" | "));
    await t.noOverflow("checkout errors");
    await t.shot("checkout-summary");
    // Fixing the name removes its message, its summary line and
    // aria-invalid; the others stay.
    await t.page.locator("#f-name").fill("Amira Ben Salah");
    await t.page.locator("#err-name").waitFor({ state: "detached" });
    check(await t.page.locator('#checkout-errors a[href="#f-name"]').count()
      === 0, "summary line of the fixed field removed");
    check(await t.page.getAttribute("#f-name", "aria-invalid") === null,
      "aria-invalid removed");
    check(await t.page.locator("#err-email").count() === 1,
      "the e-mail error stays until it is fixed");
    // An e-mail still invalid keeps its error.
    await t.page.locator("#f-email").fill("still wrong");
    check(await t.page.locator("#err-email").count() === 1,
      "an invalid value keeps its error");
    await t.page.locator("#f-email").fill("amira@example.com");
    await t.page.locator("#err-email").waitFor({ state: "detached" });
    await t.page.locator("#f-phone").fill("20 123 456");
    await t.page.locator("#f-address").fill("12 rue de Marseille");
    await t.page.locator("#f-city").fill("Tunis");
    await t.page.locator("input[name=terms]").check();
    const left = await t.page.locator("#checkout-errors").count();
    check(left === 0, "the summary goes once every field is fixed");
    await Promise.all([t.page.waitForNavigation(),
      t.page.locator("button.place").click()]);
    check(/\/order\/[A-Za-z0-9_-]{24}\?placed=1$/.test(t.page.url()),
      "placed after fixing: " + t.page.url());
  }],

  ["contact_summary_in_field_order_and_clears", async (t) => {
    await t.go("/contact");
    t.allow.push("/contact");
    t.allowConsole.push("the server responded with a status of 400");
    await t.page.locator("#c-order").fill("x".repeat(40));
    // Past the browser's own checks (required): the server's error state.
    await t.page.evaluate(() => {
      document.getElementById("contact-form").noValidate = true;
      document.getElementById("c-order").value = "x".repeat(41);
    });
    await Promise.all([t.page.waitForNavigation(),
      t.page.locator("form:has(#c-name) button[type=submit]").click()]);
    const links = await t.page.evaluate(() =>
      Array.from(document.querySelectorAll("#contact-errors a"))
        .map((a) => a.getAttribute("href")));
    check(links.join(",") ===
      "#c-name,#c-email,#c-order,#c-subject,#c-message",
      "contact summary order: " + links.join(","));
    await t.page.locator("#c-subject").fill("A question");
    await t.page.locator("#c-subject-err").waitFor({ state: "detached" });
    check(await t.page.locator('#contact-errors a[href="#c-subject"]').count()
      === 0, "fixed subject leaves the summary");
    await t.shot("contact-summary");
  }],
]);
