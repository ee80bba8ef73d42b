import { expect, test } from "@playwright/test";
import { PEOPLE, signIn } from "./support/demo";

// A vendor marketer writes a template in the block editor beside its live
// preview, publishes it for resellers, and a partner launches it; a
// reworded launch of a template that asks for approval waits for review.
// Each run names its own template, so the projects never share one.

const DANA = "dana.okafor@acmecloud.example";

test("a marketer writes a template in blocks, publishes it, and a partner launches it", { tag: "@hydrate" }, async ({ page, browser }, info) => {
  const name = `Edge offer ${info.project.name} ${Date.now()}`;
  await signIn(page, DANA);
  await page.goto("/campaigns");
  await page.getByLabel("Name").fill(name);
  await page.getByRole("button", { name: "Start writing" }).click();
  await expect(page).toHaveURL(/\/campaigns\/templates\/[0-9a-f-]{36}\/edit$/);
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  const preview = page.frameLocator('iframe[title="Preview"]');

  // The email: a subject, the heading reworded, a quote added and moved up;
  // the preview follows every keystroke with the sample partner's brand.
  const subject = page.getByLabel("Subject");
  await expect(async () => {
    await subject.fill("Edge news from {partner.name}");
    await expect(preview.getByText("Some words for Example Partner Ltd's customers.")).toBeVisible({ timeout: 1_000 });
  }).toPass();
  const heading = page.locator('[data-block="email/1/-"]').getByLabel("Words");
  await heading.fill("Edge computing, run by {partner.name}");
  await expect(preview.getByRole("heading", { name: "Edge computing, run by Example Partner Ltd" })).toBeVisible();
  await page.getByRole("button", { name: "+ Quote" }).first().click();
  const quote = page.locator('[data-block="email/4/-"]');
  await quote.getByLabel("Words").fill("Latency dropped by half.");
  await quote.getByLabel("Who says it").fill("A plant manager");
  await expect(preview.getByText("Latency dropped by half.")).toBeVisible();
  await quote.getByRole("button", { name: "Move Quote up" }).click();
  await expect(page.locator('[data-block="email/3/-"]').getByLabel("Words")).toHaveValue("Latency dropped by half.");
  // The landing page and a post for X, counted against X's limit.
  await page.getByRole("tab", { name: "Landing page" }).click();
  await page.locator('[data-block="page/1/-"]').getByLabel("Words").fill("Edge, by {partner.name}");
  await expect(preview.getByRole("heading", { level: 1, name: "Edge, by Example Partner Ltd" })).toBeVisible();
  await page.getByRole("tab", { name: "Social posts" }).click();
  await page.getByRole("button", { name: "+ X post" }).click();
  await page.getByLabel(/^Post \(280 characters/).fill("Edge computing with {partner.name}: {link}");
  await expect(page.getByTestId("social-preview")).toContainText("Edge computing with Example Partner Ltd");
  // Only resellers may launch it.
  await page.getByLabel("Value-added reseller").check();
  await page.getByRole("button", { name: "Save the draft" }).click();
  await expect(page.getByText("Partners launch version")).toHaveCount(0);
  await expect(page.getByText("A draft: partners see it once you publish it.")).toBeVisible();
  await page.getByRole("button", { name: "Publish the saved draft" }).click();
  await expect(page.getByText("Partners launch version 1, which is what you see.")).toBeVisible();
  await expect(page.getByText(/Version 1: .*, by Dana Okafor/)).toBeVisible();

  // Northwind (a reseller) finds it, sees its own brand, launches it.
  const partner = await browser.newPage();
  await signIn(partner, PEOPLE.partnerAdmin);
  await partner.goto("/campaigns");
  await partner.getByRole("region", { name: "Templates" }).getByRole("link", { name }).click();
  const theirs = partner.frameLocator('iframe[title="Preview"]');
  await expect(theirs.getByRole("heading", { name: "Edge computing, run by Northwind Solutions" })).toBeVisible();
  await expect(theirs.getByText("Latency dropped by half.")).toBeVisible();
  await partner.getByRole("button", { name: "Launch campaign" }).click();
  await expect(partner).toHaveURL(/\/campaigns\/[0-9a-f-]{36}$/);
  await expect(partner.getByText("Live", { exact: true })).toBeVisible();
  await partner.close();
});

test("a reworded launch waits for the marketer, who returns it with a reason", async ({ page, browser }, info) => {
  // The backup template asks for approval of a partner's own wording.
  const unique = `Backups Northwind tests, ${info.project.name} ${Date.now()}`;
  await signIn(page, PEOPLE.partnerAdmin);
  await page.goto("/campaigns");
  await page.getByRole("region", { name: "Templates" }).getByRole("link", { name: "Managed backup and recovery" }).click();
  await page.getByLabel(/^Email: Heading/).first().fill(unique);
  await page.getByRole("button", { name: "Launch campaign" }).click();
  await expect(page).toHaveURL(/\/campaigns\/[0-9a-f-]{36}$/);
  await expect(page.getByText("The vendor reviews your wording before the campaign goes live.")).toBeVisible();
  const campaign = page.url();

  const marketer = await browser.newPage();
  await signIn(marketer, DANA);
  await marketer.goto("/campaigns");
  const review = marketer.getByTestId("review").filter({ hasText: unique });
  await expect(review.getByText("Backup you have tested")).toBeVisible();
  await review.getByText("Return it…").click();
  await review.getByLabel("What should the partner change?").fill("Keep the promise of a tested restore.");
  await review.getByRole("button", { name: "Return to the partner" }).click();
  await expect(marketer.getByTestId("review").filter({ hasText: unique })).toHaveCount(0);
  await marketer.close();

  await page.goto(campaign);
  await expect(page.getByText("Returned", { exact: true })).toBeVisible();
  await expect(page.getByText("Keep the promise of a tested restore.")).toBeVisible();
});

test("a marketer launches a campaign on a partner's behalf, with that partner's brand", async ({ page, browser }) => {
  await signIn(page, DANA);
  await page.goto("/campaigns");
  await page.getByRole("region", { name: "Templates" }).getByRole("link", { name: "Cloud migration assessment" }).click();
  await page.getByLabel("Launch on a partner's behalf").selectOption({ label: "Northwind Solutions" });
  await page.getByRole("button", { name: "Show it for this partner" }).click();
  await expect(page).toHaveURL(/\?partner=[0-9a-f-]{36}$/);
  const preview = page.frameLocator('iframe[title="Preview"]');
  await expect(preview.locator("body")).toContainText("Northwind Solutions");
  await page.getByRole("button", { name: "Launch campaign" }).click();
  await expect(page).toHaveURL(/\/campaigns\/[0-9a-f-]{36}$/);
  const campaign = page.url();
  await expect(page.getByText(/^Northwind Solutions · launched/)).toBeVisible();

  // It is Northwind's: its admin opens it from the notice and may send it.
  const partner = await browser.newPage();
  await signIn(partner, PEOPLE.partnerAdmin);
  await partner.goto(new URL(campaign).pathname);
  await expect(partner.getByTestId("send-email")).toBeVisible();
  await partner.close();
});
