import { expect, test } from "@playwright/test";
import { signIn } from "./support/demo";

// Projects run side by side on one server: each manages its own partner.
const PARTNERS = {
  desktop: { admin: "sanne.devries@keystone-analytics.example", colleague: "Daan Bakker" },
  phone: { admin: "lucas.almeida@meridian-dist.example", colleague: "Rafael Costa" },
  "no-js": { admin: "haruto.sato@sakura-cloud.example", colleague: "Yui Tanaka" },
} as const;

test("a partner admin disables and re-enables a colleague, and it is in the audit log", async ({ page }, testInfo) => {
  const { admin, colleague } = PARTNERS[testInfo.project.name as keyof typeof PARTNERS];
  await signIn(page, admin);
  await page.getByRole("navigation", { name: "Primary" }).getByRole("link", { name: "Organisation" }).click();
  const people = page.getByRole("region", { name: "People" });
  const row = people.getByRole("listitem").filter({ hasText: colleague });

  await row.getByRole("button", { name: `Disable ${colleague}` }).click();
  await expect(row).toContainText("Disabled");
  await row.getByRole("button", { name: `Enable ${colleague}` }).click();
  await expect(row).not.toContainText("Disabled");
  await expect(row.getByRole("button", { name: `Disable ${colleague}` })).toBeVisible();
  // Nobody gets controls over themselves.
  await expect(people.getByRole("button", { name: /Disable .*/ })).toHaveCount(await people.getByRole("listitem").count() - 1);

  await page.getByRole("link", { name: "Audit log" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Audit log" })).toBeVisible();
  const entries = page.getByRole("table").getByRole("row");
  await expect(entries.filter({ hasText: "person updated" }).filter({ hasText: "status disabled -> active" })).toHaveCount(1);
  await expect(entries.filter({ hasText: "person updated" }).filter({ hasText: "status active -> disabled" })).toHaveCount(1);
  await expect(entries.filter({ hasText: "sign in" }).first()).toBeVisible();
});

test("a partner admin edits the profile; a bad field is explained and nothing is saved", async ({ page }, testInfo) => {
  const { admin } = PARTNERS[testInfo.project.name as keyof typeof PARTNERS];
  await signIn(page, admin);
  await page.getByRole("navigation", { name: "Primary" }).getByRole("link", { name: "Organisation" }).click();
  await page.getByText("Edit profile").click();
  await page.getByLabel("Contact person").fill("Alex Rivera");
  await page.getByLabel("Contact phone").fill("call me maybe");
  await page.getByRole("button", { name: "Save profile" }).click();
  await expect(page.getByText("Enter a phone number: digits, spaces and + - ( ) only.")).toBeVisible();
  await expect(page.getByLabel("Contact phone")).toHaveAttribute("aria-invalid", "true");
  const details = page.getByRole("region", { name: "Details" });
  await expect(details).not.toContainText("Alex Rivera");

  await page.getByLabel("Contact phone").fill("+44 20 7946 0000");
  await page.getByLabel("Contact person").fill("Alex Rivera");
  await page.getByRole("button", { name: "Save profile" }).click();
  await expect(details).toContainText("Alex Rivera");
  await expect(details).toContainText("+44 20 7946 0000");
});
