// admin_customers.mjs — customers in the back office on a phone-sized
// screen: an admin (created with soukctl user add) opens Customers from
// the menu, creates a client account, lands on its page with the notice,
// finds it again with the search, and adds a private note.
import { staff } from "./lib/staff.mjs";
import { run, check } from "./lib/harness.mjs";

await run("admin_customers", [
  ["create_a_client_account_from_a_phone", async (t) => {
    const p = t.page;
    const adm = staff("admin");
    await t.go("/account/login?next=%2Fadmin%2Fcustomers");
    await p.fill("#a-email", adm.email);
    await p.fill("#a-password", adm.pw);
    await Promise.all([p.waitForURL(/\/admin\/customers$/), p.locator("#login-form button[type=submit]").click()]);
    await t.noOverflow("customer list");
    await t.visible(".adm-nav a[aria-current=page]", "menu");
    check((await t.text(".adm-nav a[aria-current=page]")).includes("Customers"), "Customers is the current menu entry");

    await Promise.all([p.waitForURL(/\/admin\/customers\/new$/), p.click("#new-customer")]);
    await t.noOverflow("new customer form");
    const client = `client-${Date.now()}@example.com`;
    await p.fill("#c-name", "Leila Phone");
    await p.fill("#c-email", client);
    await p.fill("#c-phone", "+216 20 123 456");
    await t.shot("admin-customer-new");
    await Promise.all([p.waitForURL(/\/admin\/customer\/\d+\?done=created$/), p.click("#do-create")]);
    check((await t.text("#cust-done")).includes("Account created"), "created notice");
    check((await t.text("#cust-email")).includes(client), "its e-mail");
    check((await t.text("#cust-role")).includes("Client"), "a client");
    await t.noOverflow("customer page");

    await p.fill("#c-note", "Prefers WhatsApp");
    await Promise.all([p.waitForURL(/done=note$/), p.click("#do-note")]);
    check((await t.text("#cust-notes")).includes("Prefers WhatsApp"), "note shown");
    await t.shot("admin-customer-page");

    await t.go("/admin/customers?q=" + encodeURIComponent(client));
    const row = p.locator("#customers tbody tr");
    check(await row.count() === 1, "the search finds the account");
    check((await row.first().textContent()).includes("Leila Phone"), "its row");
    await t.noOverflow("search result");
    await t.shot("admin-customers");
  }, { viewports: ["phone"] }],
]);
