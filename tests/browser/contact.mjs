// contact.mjs — the contact form in headless Chromium at phone and desktop
// widths: fill it in, see the server's error state (an address the store
// cannot mail to: the browser's own type=email check lets it through),
// correct it, send, land on the thank-you page.
import { run, check } from "./lib/harness.mjs";

// The contact form's send button (the header has a search form too).
const send = (t) => t.page.locator("form:has(#c-name) button[type=submit]");

await run("contact", [
  ["form_errors_and_thanks", async (t) => {
    await t.go("/contact");
    await t.visible("form #c-name", "contact");
    // The honeypot sits off-screen (robots skip display:none fields).
    const hp = await t.page.locator("#c-website").boundingBox();
    check(hp === null || hp.x + hp.width <= 0,
      "the honeypot field is out of people's sight: " + JSON.stringify(hp));
    await t.noOverflow("contact");
    await t.shot("contact-form");

    await t.page.fill("#c-name", "Amira Ben Salah");
    await t.page.fill("#c-email", "amira@localhost");
    await t.page.fill("#c-subject", "Question about my IPTV plan");
    await t.page.fill("#c-message", "Bonjour, does the Gold plan work on a MAG box?");
    // The server answers 400 with the form again: expected here.
    t.allow.push("/contact");
    t.allowConsole.push("the server responded with a status of 400");
    await Promise.all([t.page.waitForNavigation(), send(t).click()]);
    const err = await t.visible(".field-error", "errors");
    check((await err.textContent()).includes("e-mail address"),
      "the error says what is wrong: " + await err.textContent());
    check(await t.page.inputValue("#c-subject") === "Question about my IPTV plan",
      "the subject is kept");
    check((await t.page.inputValue("#c-message")).includes("MAG box"),
      "the message is kept");
    check(await t.page.locator("#c-email[aria-invalid=true]").count() === 1,
      "the wrong field is marked for assistive technology");
    await t.noOverflow("errors");
    await t.shot("contact-errors");

    await t.page.fill("#c-email", "amira@example.com");
    await Promise.all([t.page.waitForNavigation(), send(t).click()]);
    check(t.page.url().endsWith("/contact?sent=1"), "redirected: " + t.page.url());
    check((await t.text("main h1")).includes("Thank you"),
      "thank-you page: " + await t.text("main h1"));
    await t.clean("thanks");
    await t.noOverflow("thanks");
    await t.shot("contact-thanks");
  }],
]);
