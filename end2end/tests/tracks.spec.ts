import { expect, test } from "@playwright/test";
import { PEOPLE, signIn } from "./support/demo";

// Each project edits a different type's track (they run side by side), and
// looks at it as a partner of that type who is in no test that signs.
const TRACK: Record<string, { tab: string; code: string; partner: string }> = {
  desktop: { tab: "Distributor", code: "distributor", partner: "lucas.almeida@meridian-dist.example" },
  phone: { tab: "Managed service provider", code: "msp", partner: "oliver.grant@bluepeak.example" },
  "no-js": { tab: "Independent software vendor", code: "isv", partner: "emma.roy@quantix.example" },
};

test("the program admin publishes a new agreement version and its partners are asked to sign by the end of its grace", async ({ page, browser, baseURL }, testInfo) => {
  const track = TRACK[testInfo.project.name];
  const title = `Partner agreement ${testInfo.project.name} ${Date.now()}`;
  await signIn(page, PEOPLE.programAdmin);
  await page.getByRole("link", { name: "Partner tracks" }).click();
  await page.getByRole("navigation", { name: "Partner types" }).getByRole("link", { name: track.tab }).click();
  await expect(page).toHaveURL(new RegExp(`/program/tracks\\?type=${track.code}$`));

  // A blank title is explained beside its field and nothing is published.
  const agreement = page.getByRole("region", { name: "Agreement in force" });
  const before = await agreement.textContent();
  const publish = page.getByRole("region", { name: "Publish a new version" });
  await publish.getByLabel("Title").fill("   ");
  await publish.getByLabel("Text (Markdown)").fill(`# ${title}\n\nThe partner sells **Acme Cloud** under these terms.`);
  await publish.getByRole("button", { name: /^Publish version \d+$/ }).click();
  await expect(publish.getByLabel("Title")).toHaveAccessibleDescription("Give the agreement a title (up to 200 characters).");
  await expect(agreement).toHaveText(before ?? "");

  await publish.getByLabel("Title").fill(title);
  await publish.getByLabel("Text (Markdown)").fill(`# ${title}\n\nThe partner sells **Acme Cloud** under these terms.`);
  await publish.getByLabel("Days to sign before registration waits").fill("14");
  await publish.getByRole("button", { name: /^Publish version \d+$/ }).click();
  await expect(agreement).toContainText(title);
  await expect(agreement).toContainText("14 days to sign a new version");
  await expect(agreement.getByRole("status")).toContainText(/Signed by 0 of \d+ partners of this type\./);
  await expect(agreement).toContainText(/SHA-256 [0-9a-f]{64}/);

  // The steps and welcome kit are saved for this type only.
  const steps = page.getByRole("region", { name: "Welcome kit and steps" });
  const welcome = `Welcome to the ${track.tab} track, ${Date.now()}.`;
  await steps.getByLabel("Welcome kit (Markdown)").fill(welcome);
  await steps.getByRole("button", { name: "Save the track" }).click();
  await expect(page.getByRole("region", { name: "Welcome kit and steps" }).getByLabel("Welcome kit (Markdown)")).toHaveValue(welcome);

  // A partner of that type reads the new text and the date to sign it by.
  const signBy = new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10);
  const partner = await (await browser.newContext({ baseURL })).newPage();
  await signIn(partner, track.partner);
  await partner.goto("/agreement");
  await expect(partner.getByRole("heading", { name: title }).first()).toBeVisible();
  await expect(partner.getByText(`A new version: sign it by ${signBy} to keep registering deals.`)).toBeVisible();
  await partner.context().close();
});

test("a partner cannot open the track editor", async ({ page }) => {
  await signIn(page, PEOPLE.partnerAdmin);
  await page.goto("/program/tracks");
  await expect(page.getByText("You do not have access to this.")).toBeVisible();
  await expect(page.getByRole("region", { name: "Publish a new version" })).toHaveCount(0);
});
