import { expect, test } from "@playwright/test";

test("the landing page explains Trellis and offers a way in", async ({ page }) => {
  const response = await page.goto("/");
  expect(response?.status()).toBe(200);
  await expect(page).toHaveTitle("The partner portal partners pick · Trellis");
  await expect(
    page.getByRole("heading", { level: 1, name: "Sell together, without the busywork." }),
  ).toBeVisible();
  await expect(page.getByText("register deals, launch co-branded marketing")).toBeVisible();
  await page.getByRole("link", { name: "Sign in", exact: true }).first().click();
  await expect(page).toHaveURL(/\/signin$/);
  await expect(page.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();
  await expect(page).toHaveTitle("Sign in · Trellis");
});

test("the landing page is rendered on the server", async ({ request }) => {
  const response = await request.get("/");
  expect(response.status()).toBe(200);
  const html = await response.text();
  expect(html).toContain("Sell together, without the busywork.");
  expect(html).toMatch(/<link[^>]+rel="manifest"/);
  expect(html).toMatch(/\/pkg\/trellis\.[\w-]+\.css/);
});

test("the program page shows the tiers from the database", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("link", { name: "See the partner program" }).click();
  await expect(page).toHaveURL(/\/program$/);
  await expect(
    page.getByRole("heading", { level: 1, name: "Acme Cloud partner program" }),
  ).toBeVisible();
  const tiers = page.getByRole("region", { name: "Tiers and benefits" });
  for (const [tier, days] of [
    ["Registered", "60 days"],
    ["Silver", "90 days"],
    ["Gold", "120 days"],
    ["Platinum", "180 days"],
  ]) {
    const card = tiers.getByRole("listitem").filter({ has: page.getByRole("heading", { name: tier }) });
    await expect(card).toContainText(days);
  }
  await expect(tiers.getByRole("listitem").filter({ hasText: "Platinum" })).toContainText("$60,000");
  await expect(page.getByRole("heading", { name: "Managed service provider" })).toBeVisible();
});

test("navigation sits where the screen size wants it", async ({ page }, testInfo) => {
  await page.goto("/program");
  const nav = page.getByRole("navigation", { name: "Primary" });
  await expect(nav).toHaveCount(1);
  await expect(nav.getByRole("link", { name: "Program" })).toHaveAttribute("aria-current", "page");
  const box = await nav.boundingBox();
  const viewport = page.viewportSize();
  expect(box && viewport).toBeTruthy();
  if (testInfo.project.name === "phone") {
    // A bottom tab bar across the full width.
    expect(box!.y + box!.height).toBeCloseTo(viewport!.height, 0);
    expect(box!.width).toBeCloseTo(viewport!.width, 0);
  } else {
    // A sidebar on the left.
    expect(box!.x).toBeLessThan(40);
    expect(box!.width).toBeLessThan(260);
  }
});
