// admin.mjs — the back office on a phone-sized screen: a shopper pays by
// mobile money and sends a screenshot; staff (created with soukctl user
// add) log in, open the order from the dashboard, see the proof inline and
// confirm the payment; a second proof is rejected with a reason.
import { staff, staffLogin } from "./lib/staff.mjs";
import { run, check } from "./lib/harness.mjs";

// A 1x1 PNG, like the checkout journey's.
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC", "base64");

// Places a mobile-money order for one cable and sends the PNG proof;
// returns the order reference.
async function orderWithProof(t) {
  const p = t.page;
  await t.go("/p/hdmi-2-1-cable-2m");
  await p.locator("form.buy button[type=submit]").click();
  await p.locator("[data-cart-count]").first().filter({ hasText: /^[1-9]/ }).waitFor();
  await t.go("/checkout");
  await p.locator("#f-name").fill("Amira Ben Salah");
  await p.locator("#f-email").fill("amira@example.com");
  await p.locator("#f-phone").fill("20 123 456");
  await p.locator("#f-address").fill("12 rue de Marseille");
  await p.locator("#f-city").fill("Tunis");
  await p.locator("#f-postal").fill("1000");
  await p.locator("input[name=payment][value=mobile]").check();
  await p.locator("input[name=terms]").check();
  await Promise.all([p.waitForURL(/\/order\/[A-Za-z0-9_-]{24}\?placed=1$/), p.locator("button.place").click()]);
  const ref = (await t.text(".order-head .ref")).trim();
  await p.locator("input[type=file]").setInputFiles({ name: "payment.png", mimeType: "image/png", buffer: PNG });
  await Promise.all([p.waitForURL(/\?proof=1$/), p.locator(".proof-form button[type=submit]").click()]);
  return ref;
}

// From the dashboard's "proofs to review" to the order page.
async function openFromDashboard(t, ref) {
  await t.go("/admin");
  await t.noOverflow("dashboard");
  const link = t.page.locator("#todo-proofs a", { hasText: ref });
  check(await link.count() === 1, `${ref} is not waiting for review`);
  await Promise.all([t.page.waitForURL(/\/admin\/order\/\d+$/), link.click()]);
  await t.noOverflow("order page");
  const img = await t.visible(".adm-proof img", "proof");
  const w = await img.evaluate((el) => el.decode().then(() => el.naturalWidth, () => 0));
  check(w > 0, "the proof image did not load");
}

await run("admin", [
  ["confirm_then_reject_from_a_phone", async (t) => {
    const ref1 = await orderWithProof(t);
    const ref2 = await orderWithProof(t);
    const emp = staff("employee");
    await staffLogin(t, emp);
    await t.shot("admin-dashboard");

    await openFromDashboard(t, ref1);
    await t.shot("admin-order-proof");
    await Promise.all([t.page.waitForURL(/notice=confirm$/), t.page.click("#do-confirm")]);
    check((await t.text("#adm-notice")).includes("Payment confirmed"), "confirm notice");
    check((await t.text("#status")).includes("Paid"), "status paid");
    await t.visible("#do-complete", "next action");
    await t.shot("admin-order-paid");

    await openFromDashboard(t, ref2);
    await t.page.fill("#reason", "The screenshot shows no amount");
    await Promise.all([t.page.waitForURL(/notice=reject$/), t.page.click("#do-reject")]);
    check((await t.text("#adm-notice")).includes("Proof rejected"), "reject notice");
    check((await t.text("#status")).includes("Awaiting payment"), "back to awaiting payment");
    check((await t.text("#notes")).includes("The screenshot shows no amount"), "reason kept as a note");
    await t.shot("admin-order-rejected");

    await t.go("/admin/orders?status=paid");
    await t.noOverflow("orders");
    check((await t.text("#orders")).includes(ref1), "the paid order is listed");
    await t.shot("admin-orders");
  }, { viewports: ["phone"] }],
  ["reply_to_a_message_from_a_phone", async (t) => {
    const subject = `Gold plan on a MAG box? ${Date.now()}`;
    await t.go("/contact");
    await t.page.fill("#c-name", "Amira Ben Salah");
    await t.page.fill("#c-email", "amira@example.com");
    await t.page.fill("#c-subject", subject);
    await t.page.fill("#c-message", "Bonjour, does it work on a MAG box?");
    await Promise.all([t.page.waitForNavigation(),
      t.page.locator("form:has(#c-name) button[type=submit]").click()]);
    check(t.page.url().endsWith("/contact?sent=1"), "message sent: " + t.page.url());
    await staffLogin(t, staff("employee"));
    await t.go("/admin/messages?box=unread");
    await t.noOverflow("inbox");
    const link = t.page.locator("#messages a", { hasText: subject });
    check(await link.count() === 1, "the message is not in the unread box");
    await t.shot("admin-messages");
    await Promise.all([t.page.waitForURL(/\/admin\/message\/\d+$/), link.click()]);
    await t.noOverflow("message");
    check((await t.text("#msg-body")).includes("MAG box"), "the text is shown");
    await t.page.fill("#reply-body", "Yes, it works on every MAG box.");
    await Promise.all([t.page.waitForURL(/notice=replied$/), t.page.click("#do-reply")]);
    check((await t.text("#adm-notice")).includes("Reply queued"), "reply notice");
    check((await t.text("#replies")).includes("every MAG box"), "the reply is listed");
    check((await t.text("#msg-status")).includes("Answered"), "status answered");
    await t.shot("admin-message-replied");
    await Promise.all([t.page.waitForURL(/notice=handled$/), t.page.click("#do-handled")]);
    check((await t.text("#msg-status")).includes("Handled"), "status handled");
  }, { viewports: ["phone"] }],
]);
