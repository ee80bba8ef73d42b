import { expect, test } from "@playwright/test";
import { PEOPLE, signIn } from "./support/demo";

// Each run enters its own lead (a unique address), so the projects never
// share one. A value-added reseller in North America is wanted: the rules
// give it to Northwind (the only VAR there).

test("a channel manager distributes a lead and the partner accepts it", async ({ page, browser }, info) => {
  const unique = `${info.project.name}-${Date.now()}`;
  const email = `iris-${unique}@valemills.example`;
  await signIn(page, PEOPLE.channelManager);
  await page.goto("/leads");
  const form = page.getByRole("region", { name: "Enter a lead" });
  await form.getByLabel("Name").fill(`Iris ${unique}`);
  await form.getByLabel("Email").fill(email);
  await form.getByLabel("Company").fill(`Vale Mills ${unique}`);
  await form.getByLabel("Region").selectOption({ label: "North America" });
  await form.getByLabel("Partner type wanted").selectOption({ label: "Value-added reseller" });
  await form.getByRole("button", { name: "Enter and route the lead" }).click();
  const routed = page.getByRole("row").filter({ hasText: `Vale Mills ${unique}` });
  await expect(routed).toContainText("Offered");
  await expect(routed).toContainText("Northwind Solutions");

  // Northwind sees the offer, not yet who to call, and accepts it.
  const partner = await browser.newContext();
  const ava = await partner.newPage();
  await signIn(ava, PEOPLE.partnerAdmin);
  await ava.goto("/leads");
  const offer = ava.getByRole("row").filter({ hasText: `Vale Mills ${unique}` });
  await expect(offer).toContainText("Shown once you accept");
  await expect(offer).not.toContainText(email);
  await expect(offer).toContainText(/Answer within 4[78] h/);
  await offer.getByRole("button", { name: "Accept the lead" }).click();
  await expect(offer).toContainText("Accepted");
  await expect(offer.getByRole("link", { name: email })).toBeVisible();
  await partner.close();

  // The channel manager sees it accepted, with the routing history.
  await page.goto("/leads");
  await expect(routed).toContainText("Accepted");
  await routed.getByText("Routing history").click();
  await expect(routed).toContainText(/Northwind Solutions · Accepted after \d+\.\d h/);
});

test("the demo shows an overdue offer and one pulled back", async ({ page }) => {
  await signIn(page, PEOPLE.channelManager);
  await page.goto("/leads");
  const overdue = page.getByRole("row").filter({ hasText: "Andina Mining" });
  await expect(overdue).toContainText("Offered");
  await expect(overdue).toContainText("Meridian");
  await expect(overdue).toContainText("Overdue");
  const pulled = page.getByRole("row").filter({ hasText: "Brightwater Retail" });
  await pulled.getByText("Routing history").click();
  await expect(pulled).toContainText("Pulled back: not answered in time");
  await expect(pulled).toContainText("Northwind Solutions · Accepted");
});
