// filters.mjs — category filters with counts (issue 13, item 9): the
// product type, availability and the attributes the admin defines (the
// demo's Brand and Resolution).  Choosing one and pressing Apply lists as
// many products as its count said, keeps the choice shown, and the other
// counts follow; "Clear" goes back to the whole category.  Phone and
// desktop widths.
import { run, check } from "./lib/harness.mjs";

// The count an option shows, "Xiaomi (1)" -> 1.
function count(label) {
  const m = /\((\d+)\)\s*$/.exec(label.trim());
  check(m, `no count in "${label}"`);
  return Number(m[1]);
}

// {value: count} of the filter select `name`.
async function options(t, name) {
  const opts = await t.page.locator(`form.filters select[name="${name}"] option`)
    .evaluateAll((os) => os.filter((o) => o.value).map((o) => [o.value, o.textContent]));
  return Object.fromEntries(opts.map(([v, l]) => [v, count(l)]));
}

// "Showing 1–3 of 3" -> 3 (0 when nothing is listed).
async function total(t) {
  const s = await t.text("p.summary");
  const m = /of (\d+)/.exec(s);
  return m ? Number(m[1]) : 0;
}

async function apply(t, re) {
  await Promise.all([t.page.waitForURL(re),
    t.page.locator("form.filters button[type=submit]").click()]);
  await t.clean("after Apply");
}

await run("filters", [
  ["attribute_type_and_stock_with_counts", async (t) => {
    await t.go("/c/devices");
    await t.visible('form.filters select[name="a.brand"]', "devices");
    const all = await total(t);
    const brands = await options(t, "a.brand");
    check(Object.keys(brands).length >= 5, "brands: " + JSON.stringify(brands));
    check((await t.text('form.filters label:has(select[name="a.brand"])'))
      .includes("Brand"), "the group is named");
    const allRes = await options(t, "a.resolution");
    const inStock = count(await t.text("form.filters label.check"));
    await t.noOverflow("devices");
    await t.shot("filters-devices");

    // An attribute: as many products as its count, the choice kept.
    await t.page.locator('form.filters select[name="a.brand"]').selectOption("xiaomi");
    await apply(t, /a\.brand=xiaomi/);
    check(await total(t) === brands.xiaomi, `xiaomi lists ${await total(t)}, count ${brands.xiaomi}`);
    check(await t.page.locator("li.card").count() === brands.xiaomi, "cards");
    check(await t.page.locator('form.filters select[name="a.brand"]').inputValue() === "xiaomi",
      "choice kept");
    check(JSON.stringify(await options(t, "a.brand")) === JSON.stringify(brands),
      "the brand's own counts do not move");
    const res = await options(t, "a.resolution");
    check(res["4k"] === brands.xiaomi, "resolution counts under the brand: " + JSON.stringify(res));

    // Availability and type under it, then a resolution instead.
    await t.page.locator('form.filters select[name="a.brand"]').selectOption("");
    await t.page.locator('form.filters select[name="a.resolution"]').selectOption("4k");
    await t.page.locator('form.filters input[name="stock"]').check();
    await apply(t, /a\.resolution=4k.*stock=1|stock=1.*a\.resolution=4k/);
    const n = await total(t);
    check(n > 0 && n <= allRes["4k"], "4k in stock: " + n);
    check(count(await t.text("form.filters label.check")) === n,
      "in-stock count equals the list under the other filters");
    const types = await options(t, "type");
    check(types.physical === n, "type count under both: " + JSON.stringify(types));
    await t.page.locator('form.filters select[name="type"]').selectOption("physical");
    await apply(t, /type=physical/);
    check(await total(t) === n, "type filter");
    await t.noOverflow("filtered");
    await t.shot("filters-devices-filtered");

    // Clear: the whole category again.
    await Promise.all([t.page.waitForURL(/\/c\/devices$/),
      t.page.locator("form.filters a.clear").click()]);
    check(await total(t) === all, "cleared");
    check(await t.page.locator("form.filters a.clear").count() === 0, "no clear link");
    check(inStock >= n, "in stock before the filters");
  }],
  ["resolution_on_iptv_with_durations", async (t) => {
    await t.go("/c/iptv");
    const res = await options(t, "a.resolution");
    check(res["4k"] > 0 && res["full-hd"] > 0 && res.hd > 0, JSON.stringify(res));
    await t.page.locator('form.filters select[name="a.resolution"]').selectOption("full-hd");
    await apply(t, /a\.resolution=full-hd/);
    check(await total(t) === res["full-hd"], "full hd");
    const months = await options(t, "months");
    const twelve = months["12"];
    check(twelve > 0 && twelve <= res["full-hd"], "12 months under full hd: " + JSON.stringify(months));
    await t.page.locator('form.filters select[name="months"]').selectOption("12");
    await apply(t, /months=12/);
    check(await total(t) === twelve, "12 months lists its count");
    check(JSON.stringify(await options(t, "a.resolution")) !== "{}", "resolution group stays");
    await t.noOverflow("iptv filtered");
    await t.shot("filters-iptv");
  }],
]);
