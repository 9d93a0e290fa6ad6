// staff.mjs — staff accounts for the admin journeys: made with `soukctl
// user add` (its printed password), logged in through the real form.
import { execFileSync } from "node:child_process";
import { check } from "./harness.mjs";

const BIN = process.env.SOUK_BIN || ".";

// A new staff member of `role` (employee, admin): { email, pw }.
export function staff(role) {
  const email = `${role}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.com`;
  const out = execFileSync(`${BIN}/soukctl`, ["user", "add", "--email", email,
    "--role", role, "--name", "Phone " + role]).toString();
  const m = out.match(/password: (\S+)/);
  check(m !== null, "soukctl user add printed no password: " + out);
  return { email, pw: m[1] };
}

// Logs `who` in from the login page and waits for the dashboard.
export async function staffLogin(t, who) {
  await t.go("/account/login?next=%2Fadmin");
  await t.page.fill("#a-email", who.email);
  await t.page.fill("#a-password", who.pw);
  await Promise.all([t.page.waitForURL(/\/admin$/),
    t.page.locator("#login-form button[type=submit]").click()]);
}
