import { expect, test } from "@playwright/test";
import { PEOPLE, demoId, signIn } from "./support/demo";

test("a partner sees its tier change with the numbers that explain it, and what the next tier takes", async ({ page }) => {
  // Keystone joined as Silver; the recompute placed it in Gold.
  await signIn(page, "sanne.devries@keystone-analytics.example");
  await page.getByRole("navigation", { name: "Primary" }).getByRole("link", { name: "Organisation" }).first().click();
  const tier = page.getByRole("region", { name: "Tier: Gold" });
  await expect(tier).toBeVisible();
  const latest = tier.getByRole("list", { name: "Tier history" }).getByRole("listitem").first();
  await expect(latest).toContainText("Silver → Gold");
  await expect(latest).toContainText("sourced revenue $850,000 ≥ $800,000");
  await expect(tier).toContainText("to Platinum");
  await expect(tier.getByRole("progressbar", { name: "Sourced revenue" })).toHaveAttribute("aria-valuenow", "85000000");
});

test("the program admin sees the rules, and a partner about to fall is told when and why", async ({ page }) => {
  await signIn(page, PEOPLE.programAdmin);
  await page.goto("/program/tiers");
  await expect(page.getByRole("heading", { level: 1, name: "Tier rules" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Gold" }).getByLabel("Sourced revenue")).toHaveValue("800000");
  // Sakura, at risk, is warned of the fall to Registered.
  await page.goto(`/organisations/${demoId("org", "sakura")}`);
  const note = page.getByRole("region", { name: "Tier: Silver" }).getByRole("note");
  await expect(note).toContainText(/Falls to Registered on \d{4}-\d{2}-\d{2}/);
  await expect(note).toContainText("sourced revenue $80,000 < $200,000");
});
