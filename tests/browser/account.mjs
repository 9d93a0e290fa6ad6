// account.mjs — register, verify, log in, log out and reset a password in
// headless Chromium on a phone-sized screen.  The browser suite runs no
// SMTP server: the links are read from the outbox rows the store queued
// (the e2e suite checks the same mails arrive over real SMTP).
import { execFileSync } from "node:child_process";
import { run, check } from "./lib/harness.mjs";

const DB = process.env.SOUK_DB_PATH;
const submit = (t, form) => t.page.locator(`${form} button[type=submit]`);

// The newest link to `path` mailed to `to`, as a path on this site.
function mailedLink(to, path) {
  const out = execFileSync("sqlite3", [DB, "SELECT body_text FROM mail_outbox " +
    `WHERE to_addr = '${to.replace(/'/g, "''")}' ORDER BY id DESC`]).toString();
  const m = out.match(new RegExp("https?://[^/\\s]+(" + path.replace(/\//g, "\\/") +
    "\\?token=[A-Za-z0-9_-]+)"));
  check(m !== null, `no ${path} link mailed to ${to}`);
  return m[1];
}

await run("account", [
  ["register_verify_login_reset", async (t) => {
    const email = `phone-${Date.now()}@example.com`;
    await t.go("/account/register");
    await t.visible("#register-form", "register");
    await t.noOverflow("register");
    await t.page.fill("#r-name", "Amira Ben Salah");
    await t.page.fill("#r-email", email);
    await t.page.fill("#r-password", "lantern-meadow-river-3");
    await t.shot("account-register");
    await Promise.all([t.page.waitForNavigation(), submit(t, "#register-form").click()]);
    check((await t.text("#acct-notice")).includes("Check your mail"),
      "check-your-mail notice");

    await t.go(mailedLink(email, "/account/verify"));
    check((await t.text("#acct-notice")).includes("verified"), "verified notice");

    await t.page.fill("#a-email", email);
    await t.page.fill("#a-password", "lantern-meadow-river-3");
    await Promise.all([t.page.waitForNavigation(), submit(t, "#login-form").click()]);
    check(t.page.url().endsWith("/account"), "landed on my account: " + t.page.url());
    await t.visible("#account-link", "header link");
    await t.noOverflow("home");
    await t.shot("account-home");
    await Promise.all([t.page.waitForNavigation(), t.page.click("#logout")]);
    check((await t.text("#acct-notice")).includes("logged out"), "logged out");

    await t.go("/account/forgot");
    await t.page.fill("#f-email", email);
    await Promise.all([t.page.waitForNavigation(), submit(t, "#forgot-form").click()]);
    await t.go(mailedLink(email, "/account/reset"));
    await t.visible("#reset-form", "reset");
    await t.noOverflow("reset");
    await t.page.fill("#s-password", "copper-willow-stone-8");
    await Promise.all([t.page.waitForNavigation(), submit(t, "#reset-form").click()]);
    check((await t.text("#acct-notice")).includes("password is changed"), "reset done");
    await t.page.fill("#a-email", email);
    await t.page.fill("#a-password", "copper-willow-stone-8");
    await Promise.all([t.page.waitForNavigation(), submit(t, "#login-form").click()]);
    check(t.page.url().endsWith("/account"), "new password works");
    await t.shot("account-after-reset");
  }, { viewports: ["phone"] }],
]);
