import { expect, test } from "@playwright/test";
import { fillRegistration } from "./support/deals";
import { PEOPLE, signIn } from "./support/demo";

// Each project uses its own registrant and co-selling partner (they run side by side).
const PEOPLE_OF: Record<string, { registrant: string; coSeller: string; organisation: string }> = {
  desktop: {
    registrant: "noah.tremblay@quantix.example",
    coSeller: "sanne.devries@keystone-analytics.example",
    organisation: "Keystone Analytics",
  },
  phone: {
    registrant: "isla.morgan@harboradvisory.example",
    coSeller: "lucas.almeida@meridian-dist.example",
    organisation: "Meridian Distribution",
  },
  "no-js": {
    registrant: "ethan.brooks@cobalt-it.example",
    coSeller: "haruto.sato@sakura-cloud.example",
    organisation: "Sakura Cloud Partners",
  },
};

test("the channel manager adds a co-selling partner, who is notified and records a touchpoint", async ({ page, browser, baseURL }, testInfo) => {
  const who = PEOPLE_OF[testInfo.project.name];
  const company = `Co-sell ${testInfo.project.name} ${Date.now()}`;
  const javaScriptEnabled = testInfo.project.name !== "no-js";

  await signIn(page, who.registrant);
  await page.goto("/deals/new");
  await fillRegistration(page, company);
  await page.getByRole("button", { name: "Submit registration" }).click();
  await expect(page).toHaveURL(/\/deals\/[0-9a-f-]{36}$/);
  const dealUrl = page.url();

  // The program admin adds the partner; a wrong name is explained first.
  const admin = await (await browser.newContext({ baseURL, javaScriptEnabled })).newPage();
  await signIn(admin, PEOPLE.programAdmin);
  await admin.goto(dealUrl);
  const coSell = admin.getByRole("region", { name: "Co-selling" });
  await coSell.getByLabel("Add a partner").fill("No Such Partner");
  await coSell.getByRole("button", { name: "Add co-selling partner" }).click();
  await expect(admin.getByRole("alert")).toContainText("No partner is called “No Such Partner”.");
  await admin.getByRole("region", { name: "Co-selling" }).getByLabel("Add a partner").fill(who.organisation);
  await admin.getByRole("region", { name: "Co-selling" }).getByLabel("Role").selectOption({ label: "Systems integrator" });
  await admin.getByRole("region", { name: "Co-selling" }).getByRole("button", { name: "Add co-selling partner" }).click();
  await expect(admin.getByRole("region", { name: "Co-selling" })).toContainText(`${who.organisation} · Systems integrator`);
  await admin.context().close();

  // The co-selling partner's admin finds it through the notification.
  const partner = await (await browser.newContext({ baseURL, javaScriptEnabled })).newPage();
  await signIn(partner, who.coSeller);
  await partner.getByRole("link", { name: /^Notifications, \d+ unread$/ }).click();
  await partner.getByRole("link", { name: `You are co-selling ${company}` }).click();
  await expect(partner).toHaveURL(dealUrl);
  const shared = partner.getByRole("region", { name: "Co-selling" });
  await expect(shared).toContainText("Your organisation co-sells this deal.");
  // The registrant's contact stays with the registrant.
  await expect(partner.getByText("jordan.lee@customer.example")).toHaveCount(0);
  await shared.getByLabel("What happened").selectOption({ label: "Proof of concept" });
  await shared.getByLabel("Note (optional)").fill("Pilot on their staging cluster");
  await shared.getByRole("button", { name: "Record touchpoint" }).click();
  await expect(partner.getByRole("region", { name: "Co-selling" })).toContainText(`Proof of concept · ${who.organisation}`);
  await partner.context().close();

  // The registrant sees who did what.
  await page.goto(dealUrl);
  await expect(page.getByRole("region", { name: "Co-selling" })).toContainText(`Proof of concept · ${who.organisation}`);
  await expect(page.getByRole("region", { name: "Co-selling" })).toContainText("Pilot on their staging cluster");
});
