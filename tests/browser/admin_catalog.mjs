// admin_catalog.mjs — the catalog in the back office on a phone-sized
// screen: an admin (created with soukctl user add) creates a product,
// uploads a PNG and sees it on the storefront's product page; then
// downloads the catalog as CSV and finds its header and that product.
import { readFileSync } from "node:fs";
import { deflateSync } from "node:zlib";
import { staff, staffLogin } from "./lib/staff.mjs";
import { run, check } from "./lib/harness.mjs";


// A real w x h PNG of one colour (CRCs included: libvips checks them).
function png(w, h, rgb) {
  const table = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (b) => {
    let c = 0xffffffff;
    for (const x of b) c = table[(c ^ x) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type, data) => {
    const len = Buffer.alloc(4), sum = Buffer.alloc(4);
    const td = Buffer.concat([Buffer.from(type), data]);
    len.writeUInt32BE(data.length);
    sum.writeUInt32BE(crc(td));
    return Buffer.concat([len, td, sum]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(Array(w).fill(rgb).flat())]);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr), chunk("IDAT", deflateSync(Buffer.concat(Array(h).fill(row)))),
    chunk("IEND", Buffer.alloc(0))]);
}

await run("admin_catalog", [
  ["create_a_product_with_an_image", async (t) => {
    const p = t.page, slug = `phone-lamp-${Date.now()}`;
    await staffLogin(t, staff("admin"));
    await t.go("/admin/products");
    await t.noOverflow("products");
    await Promise.all([p.waitForURL(/\/admin\/product$/), p.click("#new-product")]);
    await t.noOverflow("new product");
    await p.fill("#p-name", "Phone Lamp");
    await p.fill("#p-slug", slug);
    await p.fill("#p-desc", "A lamp made on a phone.");
    await p.selectOption("#p-kind", "physical");
    await p.fill("#p-price", "24.500");
    await p.fill("#p-stock", "3");
    await p.check("#p-active");
    await Promise.all([p.waitForURL(/\/admin\/product\/\d+\?notice=saved$/), p.click("#save")]);
    await p.locator("#i-file").setInputFiles({ name: "lamp.png", mimeType: "image/png",
      buffer: png(400, 300, [30, 140, 90]) });
    await p.fill("#i-alt", "The phone lamp");
    await Promise.all([p.waitForURL(/notice=image/), p.click("#upload")]);
    const thumb = await t.visible(".adm-image img", "uploaded image");
    check(/^\/media\/p\/[0-9a-f]{32}-640\.webp$/.test(await thumb.getAttribute("src")),
      "the admin shows the re-encoded WebP");
    await t.shot("admin-product-image");
    await t.go(`/p/${slug}`);
    await t.noOverflow("product page");
    const img = await t.visible(".product-media img", "product image");
    check(/\/media\/p\/[0-9a-f]{32}-640\.webp$/.test(await img.getAttribute("src")),
      "the storefront shows the uploaded image");
    const w = await img.evaluate((el) => el.decode().then(() => el.naturalWidth, () => 0));
    check(w === 400, `the image did not load at its size (${w})`);
    check((await t.text("h1")).includes("Phone Lamp"), "the product's name");
    await t.shot("storefront-product-image");
  }, { viewports: ["phone"] }],
  ["export_csv", async (t) => {
    const p = t.page;
    await staffLogin(t, staff("admin"));
    await t.go("/admin/products");
    const [dl] = await Promise.all([p.waitForEvent("download"), p.click("#products-export")]);
    check(dl.suggestedFilename() === "products.csv", "file name " + dl.suggestedFilename());
    const rows = readFileSync(await dl.path(), "utf8").split("\r\n");
    check(rows[0] === "slug,name,kind,category,price,stock,description,parent,position," +
      "media_type,featured,active,plans,compare_at,sku,name_fr,description_fr,attributes",
      "header row: " + rows[0]);
    const cable = rows.find((r) => r.startsWith("hdmi-2-1-cable-2m,"));
    check(cable !== undefined && /,physical,/.test(cable), "the demo cable is exported");
    await t.go("/admin/products/import");
    await t.noOverflow("import page");
    await t.shot("admin-products-import");
  }, { viewports: ["phone"] }],
]);
