// catalog.mjs — the shopper's catalog journeys in headless Chromium at phone
// and desktop widths: home, category (sort select, price filter), product
// (plans; episode navigation), search with a typo, French pages.
import { run, check } from "./lib/harness.mjs";

// Prices shown in the cards, as numbers (TND has 3 decimals; "1,234.500").
async function cardPrices(t) {
  const texts = await t.page.locator(".grid .card .price").allTextContents();
  return texts.map((s) => {
    const m = s.replace(/\u202f/g, "").match(/([\d,]+)[.,](\d{3})/);
    return m ? parseFloat(m[1].replace(/,/g, "") + "." + m[2]) : NaN;
  });
}

// Every page: layout intact, no sideways scroll, a visible focus ring.
async function common(t, where) {
  await t.visible(".site-header .brand", where);
  await t.visible("#q", where);
  await t.visible(".site-footer", where);
  await t.noOverflow(where);
  await t.focusVisible(where);
}

await run("catalog", [
  ["home", async (t) => {
    await t.go("/");
    check(/^Home · /.test(await t.page.title()), "title " + await t.page.title());
    await t.visible(".hero h1", "home");
    await t.visible("#h-featured", "home");
    await t.visible("#h-new", "home");
    const cards = await t.page.locator(".grid .card").count();
    check(cards >= 12, `home shows ${cards} product cards`);
    await t.visible(".cats a[href='/c/iptv']", "home");
    await common(t, "home");
    // The skip link lands on the main content.
    const f = await t.page.evaluate(() => document.activeElement.getAttribute("href"));
    check(f === "#main", "the first link is not the skip link: " + f);
    await t.shot("home");
  }],

  ["category_sort_and_filter", async (t) => {
    await t.go("/c/films");
    check((await t.text("h1")).includes("Films"), "h1");
    check((await t.text(".summary")).includes("1–24 of 48"), "summary");
    await common(t, "category");
    await t.shot("category");
    // Choosing a sort submits the form by itself (souk.js).
    await Promise.all([
      t.page.waitForURL(/[?&]sort=price(&|$)/),
      t.page.selectOption("form.filters select[name=sort]", "price"),
    ]);
    await t.clean("sorted");
    let ps = await cardPrices(t);
    check(ps.length === 24 && ps.every((p, i) => i === 0 || ps[i - 1] <= p),
      "not sorted by price: " + ps.join(" "));
    check(await t.page.inputValue("select[name=sort]") === "price", "sort kept");
    // The price filter, sort kept.
    const lo = ps[4], hi = ps[15];
    await t.page.fill("#f-min", String(lo));
    await t.page.fill("#f-max", String(hi));
    await Promise.all([
      t.page.waitForURL(/[?&]min=/),
      t.page.click("form.filters button[type=submit]"),
    ]);
    await t.clean("filtered");
    ps = await cardPrices(t);
    check(ps.length >= 1 && ps.every((p) => p >= lo && p <= hi),
      `prices outside ${lo}–${hi}: ${ps.join(" ")}`);
    check(ps.every((p, i) => i === 0 || ps[i - 1] <= p), "filter lost the sort");
    check(await t.page.inputValue("#f-min") === String(lo), "min not kept");
    await t.visible("form.filters a.clear", "filtered");
    await t.noOverflow("filtered");
    await t.shot("category-filtered");
  }],

  ["product_subscription_plans", async (t) => {
    await t.go("/p/iptv-gold-4k");
    check((await t.text("h1")).includes("Gold 4K IPTV"), "h1");
    await t.visible("fieldset.plans", "product");
    const radios = t.page.locator("input[name=plan]");
    check(await radios.count() === 4, "plan radios: " + await radios.count());
    check(await radios.nth(0).isChecked(), "the first plan is not preselected");
    await common(t, "product");
    // Choosing a plan by its label.
    await t.page.locator("label.plan").nth(2).click();
    check(await radios.nth(2).isChecked() && !await radios.nth(0).isChecked(),
      "clicking the third plan did not select it");
    const border = await t.page.locator("label.plan").nth(2).evaluate(
      (el) => getComputedStyle(el).borderTopColor);
    check(border === "rgb(15, 118, 110)", "chosen plan not highlighted: " + border);
    await t.visible("form.buy button[type=submit]", "product");
    await t.shot("product-subscription");
  }],

  ["product_episode_navigation", async (t) => {
    await t.go("/p/medina-nights-s2e03");
    await t.visible("nav.episode-nav a[rel=prev]", "episode");
    const next = await t.visible("nav.episode-nav a[rel=next]", "episode");
    await t.visible(".part-of a[href='/p/medina-nights']", "episode");
    await common(t, "episode");
    await t.shot("product-episode");
    await Promise.all([t.page.waitForURL(/\/p\/medina-nights-s2e04$/), next.click()]);
    await t.clean("next episode");
    const h1 = (await t.text("h1")).trim();
    const current = (await t.text(".episodes [aria-current=page]")).trim();
    check(h1 === current, `episode list marks "${current}", page is "${h1}"`);
  }],

  ["search_with_typo", async (t) => {
    await t.go("/");
    await t.page.fill("#q", "netflx");
    await Promise.all([t.page.waitForURL(/\/search\?q=netflx/),
      t.page.press("#q", "Enter")]);
    await t.clean("search");
    const body = await t.text("main");
    check(body.includes("Showing results for"), "no correction offered");
    await t.visible(".grid .card mark", "search");
    check((await t.text(".grid .card mark")).toLowerCase() === "netflix",
      "highlight: " + await t.text(".grid .card mark"));
    check(await t.page.inputValue("#q") === "netflx", "query not kept in the box");
    await common(t, "search");
    await t.shot("search");
  }],

  ["french_pages", async (t) => {
    await t.go("/?lang=fr");
    check(await t.page.getAttribute("html", "lang") === "fr", "html lang");
    check((await t.text("main")).includes("Nouveautés"), "French home");
    await common(t, "home fr");
    await t.shot("home-fr");
    // The choice is remembered by cookie.
    await t.go("/c/iptv");
    const main = await t.text("main");
    check(main.includes("Trier par"), "French category");
    check(/30,000\u00a0TND/.test(main), "French money format");
    await t.noOverflow("category fr");
    await t.shot("category-fr");
  }],

  ["not_found_page", async (t) => {
    await t.go("/p/no-such-product", 404);
    await t.visible(".error-page .button", "404");
    await t.noOverflow("404");
    await t.shot("404");
  }, { viewports: ["phone"] }],
]);
