// harness.mjs — shared by the browser tests in tests/browser/*.mjs.
//
// Each test file calls run("suite", [[name, async (t) => {...}], ...]); every
// test gets a fresh browser context and prints "ok NAME" or "FAIL NAME: why".
// The store is started by tests/suites.d/browser.sh, which passes:
//   SOUK_BASE_URL   the store's URL (nginx on a free loopback port)
//   SOUK_DB_PATH    its database, for tests that need to look inside
//   SOUK_SHOTS      where screenshots go (tests/artifacts/screenshots)
//   CHROMIUM        the browser (default /usr/bin/chromium; never downloaded)
import { chromium } from "playwright-core";
import { mkdirSync } from "node:fs";
import { join } from "node:path";

export const BASE = process.env.SOUK_BASE_URL || "http://127.0.0.1:8080";
export const SHOTS = process.env.SOUK_SHOTS || "tests/artifacts/screenshots";
export const VIEWPORTS = {
  phone: { width: 390, height: 844 },
  desktop: { width: 1366, height: 900 },
};

export class Fail extends Error {}

export function check(cond, msg) {
  if (!cond) throw new Fail(msg || "check failed");
}

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    headless: true,
    args: ["--no-sandbox", "--disable-background-networking",
           "--disable-component-update", "--disable-gpu"],
  });
}

// A test's view of one browser context: page, problems seen so far and
// helpers.  `allow` lists URL substrings whose failures are expected.
class T {
  constructor(browser, context, page, viewportName) {
    this.browser = browser;
    this.context = context;
    this.page = page;
    this.viewport = viewportName;
    this.problems = [];
    this.allow = [];
    this.allowConsole = [];
    page.on("console", (m) => {
      if (m.type() === "error" &&
          !this.allowConsole.some((a) => m.text().includes(a)))
        this.problems.push("console error: " + m.text());
    });
    page.on("pageerror", (e) => this.problems.push("page error: " + e.message));
    page.on("requestfailed", (r) => {
      const f = r.failure();
      // A navigation that replaces a page aborts what it was loading.
      if (f && f.errorText === "net::ERR_ABORTED") return;
      this.note(r.url(), "request failed: " + r.url() + " " + (f && f.errorText));
    });
    page.on("response", (r) => {
      if (r.status() >= 400)
        this.note(r.url(), "HTTP " + r.status() + " for " + r.url());
    });
  }

  note(url, msg) {
    if (!this.allow.some((a) => url.includes(a))) this.problems.push(msg);
  }

  // Loads path; checks the status (200 unless told) and that nothing
  // failed so far.
  async go(path, status = 200) {
    if (status !== 200) {
      // Chromium logs the expected error status of the page itself.
      this.allow.push(path);
      this.allowConsole.push(`the server responded with a status of ${status}`);
    }
    const r = await this.page.goto(BASE + path, { waitUntil: "load" });
    check(r && r.status() === status,
      `${path}: HTTP ${r && r.status()}, want ${status}`);
    await this.clean(path);
    return r;
  }

  async clean(where) {
    check(this.problems.length === 0,
      `${where}: ${this.problems.slice(0, 5).join("; ")}`);
  }

  async visible(selector, where) {
    const l = this.page.locator(selector).first();
    check(await l.count() > 0, `${where}: no ${selector}`);
    check(await l.isVisible(), `${where}: ${selector} is not visible`);
    return l;
  }

  // Phones must never scroll sideways.
  async noOverflow(where) {
    const [sw, iw] = await this.page.evaluate(() =>
      [document.documentElement.scrollWidth, window.innerWidth]);
    check(sw <= iw, `${where}: page is ${sw}px wide in a ${iw}px viewport`);
  }

  // Tab from the top focuses the first link, and the focus is visible.
  async focusVisible(where) {
    await this.page.evaluate(() => {
      if (document.activeElement) document.activeElement.blur();
      window.scrollTo(0, 0);
    });
    await this.page.keyboard.press("Tab");
    const f = await this.page.evaluate(() => {
      const el = document.activeElement;
      if (!el || el === document.body) return null;
      const cs = getComputedStyle(el);
      const r = el.getBoundingClientRect();
      return {
        tag: el.tagName, text: el.textContent.trim(),
        outline: cs.outlineStyle !== "none" && parseFloat(cs.outlineWidth) >= 1,
        shadow: cs.boxShadow !== "none",
        onScreen: r.width > 0 && r.height > 0 && r.right > 0 && r.bottom > 0 &&
          r.left < window.innerWidth && r.top < window.innerHeight,
        focusVisible: el.matches(":focus-visible"),
      };
    });
    check(f && f.tag === "A", `${where}: Tab focused ${f && f.tag}, not a link`);
    check(f.focusVisible && (f.outline || f.shadow),
      `${where}: the focused link "${f.text}" shows no focus ring`);
    check(f.onScreen, `${where}: the focused link "${f.text}" is off screen`);
    return f;
  }

  async shot(name) {
    mkdirSync(SHOTS, { recursive: true });
    // From the top, unfocused: the sticky header and the skip link would
    // otherwise land in the middle of a full-page picture.
    await this.page.evaluate(() => {
      if (document.activeElement) document.activeElement.blur();
      window.scrollTo(0, 0);
    });
    await this.page.screenshot({
      path: join(SHOTS, `${name}-${this.viewport}.png`), fullPage: true });
  }

  async text(selector) {
    return (await this.page.locator(selector).first().textContent()) || "";
  }
}

// Runs tests: [[name, fn(t)], ...]; each fn is run once per viewport named
// in its options ({ viewports: ["phone", "desktop"] }, default both).
export async function run(suite, tests) {
  let failed = 0;
  const browser = await launch();
  try {
    for (const [name, fn, opts] of tests) {
      const vps = (opts && opts.viewports) || Object.keys(VIEWPORTS);
      for (const vp of vps) {
        const full = `${suite}.${name}[${vp}]`;
        const context = await browser.newContext({
          viewport: VIEWPORTS[vp], locale: (opts && opts.locale) || "en-US",
          deviceScaleFactor: 1, hasTouch: vp === "phone",
        });
        const page = await context.newPage();
        page.setDefaultTimeout(10000);
        const t = new T(browser, context, page, vp);
        try {
          await fn(t);
          await t.clean("end of test");
          console.log(`ok   ${full}`);
        } catch (e) {
          failed++;
          console.log(`FAIL ${full}: ${e instanceof Fail ? e.message : e.stack}`);
          try { await t.shot(`FAILED-${suite}-${name}`); } catch (_) { /* */ }
        } finally {
          await context.close();
        }
      }
    }
  } finally {
    await browser.close();
  }
  process.exitCode = failed ? 1 : 0;
}
