import { expect, test, type Page } from "@playwright/test";
import { PEOPLE, signIn, useLanguage } from "./support/demo";
import { emailTo } from "./support/mail";

// The deal flow again, in German: each project registers as its own person
// (they run side by side), and none of them is in the English specs.
const REGISTRANT: Record<string, string> = {
  desktop: "jonas.weber@lumen-si.example",
  phone: "daan.bakker@keystone-analytics.example",
  "no-js": "beatriz.souza@meridian-dist.example",
};

/** Fills the registration form at /deals/new, by its German labels. */
async function fillGerman(page: Page, company: string) {
  await page.getByLabel("Kundenunternehmen").fill(company);
  await page.getByLabel("Kontaktname").fill("Jordan Lee");
  await page.getByLabel("Kontakt-E-Mail").fill("jordan.lee@customer.example");
  await page.getByLabel("Land").fill("Deutschland");
  await page.getByLabel("Produkte").fill("Acme Compute");
  await page.getByLabel("Geschätzter Wert").fill("42.000");
  await page.getByLabel("Voraussichtliches Abschlussdatum").fill("2027-09-30");
  await page.getByLabel("Ihre Rolle").selectOption({ label: "Reseller" });
}

test.describe("a browser that asks for German", () => {
  test.use({ locale: "de-DE" });

  test("gets German pages, and the switch changes the language and keeps it", async ({ page }) => {
    await page.goto("/");
    await expect(page.locator("html")).toHaveAttribute("lang", "de");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Gemeinsam verkaufen, ohne Papierkram.");
    await expect(page.getByRole("link", { name: "Zum Partnerprogramm" })).toBeVisible();
    await page.getByRole("button", { name: "Switch to English" }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sell together, without the busywork.");
    // The choice outlives the page: the next one is English too.
    await page.goto("/program");
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await page.getByRole("button", { name: "Auf Deutsch umschalten" }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "de");
    await expect(page).toHaveURL(/\/program$/);
  });
});

test("a partner registers in German, the manager approves in German, the email is German", async ({ page, browser, baseURL }, testInfo) => {
  const registrant = REGISTRANT[testInfo.project.name];
  const company = `Globex ${testInfo.project.name} ${Date.now()}`;
  await signIn(page, registrant);
  await page.getByRole("button", { name: "Auf Deutsch umschalten" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "de");
  await page.getByRole("navigation", { name: "Hauptnavigation" }).getByRole("link", { name: "Deals" }).first().click();
  await page.getByRole("link", { name: "Deal registrieren" }).click();
  // A mistake is explained in German beside its field, and nothing is saved.
  await fillGerman(page, company);
  await page.getByLabel("Geschätzter Wert").fill("viel");
  await page.getByRole("button", { name: "Registrierung einreichen" }).click();
  await expect(page.getByLabel("Geschätzter Wert")).toHaveAccessibleDescription("Geben Sie den geschätzten Wert als Zahl ein, etwa 25000.");
  await fillGerman(page, company);
  await page.getByRole("button", { name: "Registrierung einreichen" }).click();
  await expect(page).toHaveURL(/\/deals\/[0-9a-f-]{36}$/);
  const dealUrl = page.url();
  const status = page.getByRole("region", { name: "Status" });
  await expect(status).toContainText("Eingereicht");
  await expect(status).toContainText("Entscheidung fällig");
  // "42.000" was read the German way: forty-two thousand.
  await expect(page.getByText("42.000 USD")).toBeVisible();

  const manager = await (await browser.newContext({ baseURL, javaScriptEnabled: testInfo.project.name !== "no-js" })).newPage();
  await signIn(manager, PEOPLE.channelManager);
  await useLanguage(manager, baseURL!, "de");
  await manager.goto("/deals/review");
  await expect(manager.getByRole("heading", { level: 1 })).toHaveText("Freigabe-Warteschlange");
  await manager.getByRole("link", { name: company }).click();
  await manager.getByRole("button", { name: "Freigeben" }).click();
  await expect(manager.getByRole("region", { name: "Status" })).toContainText("Freigegeben");
  await manager.context().close();

  await page.goto(dealUrl);
  await expect(status).toContainText("Freigegeben");
  await expect(status).toContainText(/Geschützt bis \d{2}\.\d{2}\.\d{4} \(in \d+ Tagen\)/);
  await expect(page.getByRole("region", { name: "Verlauf" })).toContainText("Marcus Webb");

  // The partner chose German, so the decision reaches them in German.
  const email = await emailTo(registrant, "Freigegeben");
  expect(email.subject).toMatch(/^Deal-Registrierung DR-[0-9A-F]+: Freigegeben$/);
  expect(email.body).toContain(`Hallo `);
  expect(email.body).toContain(company);
});
