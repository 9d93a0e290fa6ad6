// admin_pages.mjs — content pages from the back office on a phone-sized
// screen: an employee (created with soukctl user add) opens the French
// version of the "about" page from /admin/pages, rewrites its title and
// Markdown, previews it (rendered as it will be saved, raw HTML left
// out), saves, and sees it on the French storefront and in its footer.
import { staff, staffLogin } from "./lib/staff.mjs";
import { run, check } from "./lib/harness.mjs";


await run("admin_pages", [
  ["edit_a_page_in_french_from_a_phone", async (t) => {
    const p = t.page;
    const stamp = Date.now();
    const title = `Qui sommes-nous ${stamp}`;
    await staffLogin(t, staff("employee"));
    await t.go("/admin/pages");
    await t.noOverflow("pages list");
    await t.shot("admin-pages");
    await Promise.all([p.waitForURL(/\/admin\/page\/about\/fr$/), p.locator("#edit-about-fr").click()]);
    await t.noOverflow("page form");
    await p.fill("#pg-title", title);
    await p.fill("#pg-md", `Une **boutique** tunisienne.\n\n<script>alert(1)</script>\n\nÉcrivez-nous : [contact](/contact) !\n`);
    await Promise.all([p.waitForNavigation(), p.click("#pg-preview")]);
    const prev = await t.visible("#preview", "preview");
    check((await prev.innerHTML()).includes("<strong>boutique</strong>"), "the preview renders Markdown");
    check(!(await prev.innerHTML()).includes("<script"), "raw HTML left out of the preview");
    check((await p.inputValue("#pg-title")) === title, "the form keeps the title after the preview");
    await t.shot("admin-page-preview");
    await Promise.all([p.waitForURL(/notice=page_saved$/), p.click("#pg-save")]);
    check((await t.text("#adm-notice")).includes("Page enregistrée") ||
      (await t.text("#adm-notice")).includes("Page saved"), "saved notice");
    await t.go("/page/about?lang=fr");
    await t.noOverflow("French page");
    check((await t.text("h1")).includes(title), "the French title on the store");
    check((await t.text(".prose")).includes("Écrivez-nous\u202f:"), "French punctuation");
    check((await p.locator(".prose strong").first().innerText()) === "boutique", "Markdown on the store");
    check((await t.text("#footer-policies")).includes(title), "the French footer lists the new title");
    await t.shot("store-page-fr");
  }, { viewports: ["phone"] }],
]);
