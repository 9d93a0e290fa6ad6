// header.mjs — the sticky header never hides what a jump points to
// (issue 13, item 5): a compact header on phones, scroll-padding-top equal
// to its height, and the field a jump lands on (the browser's own field
// check, the checkout's error summary links) fully below the header, as
// element positions show.
import { run, check } from "./lib/harness.mjs";

// The header's height and the page's scroll-padding-top, in px.
const measure = (t) => t.page.evaluate(() => ({
  head: document.querySelector(".site-header").getBoundingClientRect().height,
  pad: parseFloat(getComputedStyle(document.documentElement).scrollPaddingTop),
  inner: window.innerHeight,
}));

// The field's top and the header's bottom, in the viewport.
const below = (t, sel) => t.page.evaluate((s) => ({
  field: document.querySelector(s).getBoundingClientRect().top,
  head: document.querySelector(".site-header").getBoundingClientRect().bottom,
  scrolled: window.scrollY,
}), sel);

await run("header", [
  ["compact_and_padded", async (t) => {
    for (const path of ["/", "/c/iptv", "/p/iptv-gold-4k", "/contact", "/cart"]) {
      await t.go(path);
      const m = await measure(t);
      check(Math.abs(m.pad - m.head) < 1,
        `${path}: scroll-padding-top ${m.pad}px equals the header ${m.head}px`);
      check(m.head <= 0.12 * m.inner,
        `${path}: the header takes ${m.head}px of ${m.inner}px (12% at most)`);
      if (t.viewport === "phone")
        check(m.head <= 100, `${path}: phone header ${m.head}px is compact`);
      await t.noOverflow(path);
    }
    // The categories scroll away; the search and the cart stay.
    await t.go("/");
    await t.page.evaluate(() => window.scrollTo(0, 600));
    await t.visible(".site-header .cart-link", "scrolled");
    await t.visible(".site-header input[name=q]", "scrolled");
    const cats = await t.page.locator(".cats").boundingBox();
    check(cats.y + cats.height <= 0, "the category strip scrolled away");
  }],

  ["browser_check_lands_below_header", async (t) => {
    await t.go("/contact");
    // Everything but the name: the browser's own check jumps up to it.
    await t.page.fill("#c-email", "amira@example.com");
    await t.page.fill("#c-subject", "Plans");
    await t.page.fill("#c-message", "Which plan works on a MAG box?");
    await t.page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await t.page.locator("form:has(#c-name) button[type=submit]").click();
    await t.page.waitForFunction(() => document.activeElement &&
      document.activeElement.id === "c-name");
    const p = await below(t, "#c-name");
    check(p.field >= p.head, `the name field (top ${p.field}px) shows below ` +
      `the header (bottom ${p.head}px)`);
    const label = await below(t, "label[for=c-name]");
    check(label.field >= label.head, `its label (top ${label.field}px) too`);
  }],

  ["error_summary_links_land_below_header", async (t) => {
    await t.go("/p/hdmi-2-1-cable-2m");
    await t.page.locator("form.buy button[type=submit]").click();
    await t.page.locator("[data-cart-count]").first().filter({ hasText: "1" })
      .waitFor();
    await t.go("/checkout");
    t.allow.push("/checkout");
    t.allowConsole.push("the server responded with a status of 422");
    await Promise.all([t.page.waitForNavigation(),
      t.page.locator("button.place").click()]);
    const links = t.page.locator(".errors a");
    const n = await links.count();
    check(n >= 2, `the summary lists the missing fields (${n})`);
    for (let i = 0; i < n; i++) {
      const href = await links.nth(i).getAttribute("href");
      await t.page.evaluate(() => window.scrollTo(0, 0));
      await links.nth(i).click();
      const p = await below(t, href);
      check(p.field >= p.head - 0.5, `${href} (top ${p.field}px) lands below ` +
        `the header (bottom ${p.head}px)`);
    }
    await t.shot("header-checkout-errors");
  }],
]);
