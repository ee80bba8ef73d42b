import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD, PEOPLE, demoId, signIn } from "./support/demo";

test("a partner admin signs in, sees their organisation and signs out", async ({ page }) => {
  await signIn(page, PEOPLE.partnerAdmin);
  await expect(page.getByRole("heading", { level: 1, name: "Welcome, Ava" })).toBeVisible();
  await expect(page.getByText("Partner admin · Northwind Solutions")).toBeVisible();
  const cookies = await page.context().cookies();
  const session = cookies.find((c) => c.name === "__Host-trellis_session");
  expect(session?.httpOnly).toBe(true);
  expect(session?.secure).toBe(true);
  expect(session?.expires).toBe(-1); // "remember this device" is off by default

  await page.getByRole("navigation", { name: "Primary" }).getByRole("link", { name: "Organisation" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Northwind Solutions" })).toBeVisible();
  const people = page.getByRole("region", { name: "People" });
  await expect(people).toContainText("Leo Martinez");
  await expect(people).toContainText("Mia Chen");
  await expect(page.getByText("Bluepeak")).toHaveCount(0);

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole("navigation", { name: "Primary" }).getByRole("link", { name: "Sign in" })).toBeVisible();
  await page.goto("/home");
  await expect(page).toHaveURL(/\/signin$/);
});

test("a wrong password gets one clear message and no session", async ({ page }) => {
  await page.goto("/signin");
  await page.getByLabel("Email address").fill(PEOPLE.partnerUser);
  await page.getByLabel("Password").fill("not the password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert")).toHaveText("That email and password do not match an account.");
  expect((await page.context().cookies()).some((c) => c.name === "__Host-trellis_session")).toBe(false);
});

test("a partner user cannot open another partner's profile by URL", async ({ page }) => {
  await signIn(page, PEOPLE.partnerUser);
  await page.goto(`/organisations/${demoId("org", "bluepeak")}`);
  await expect(page.getByText("We could not find that page or record.")).toBeVisible();
  await expect(page.getByText("Bluepeak")).toHaveCount(0);
  await expect(page.getByText("Oliver Grant")).toHaveCount(0);
  // Their own organisation still opens.
  await page.goto(`/organisations/${demoId("org", "northwind")}`);
  await expect(page.getByRole("heading", { level: 1, name: "Northwind Solutions" })).toBeVisible();
});

test("a channel manager can read any partner's profile", async ({ page }) => {
  await signIn(page, PEOPLE.channelManager);
  await page.goto(`/organisations/${demoId("org", "bluepeak")}`);
  await expect(page.getByRole("heading", { level: 1, name: "Bluepeak Managed Services" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Details" })).toContainText("Platinum");
});

test("people see their sessions and sign another device out", async ({ page, browser, baseURL }, testInfo) => {
  // Projects run side by side on one server: each uses its own person here,
  // one that no other spec signs in.
  const person = {
    desktop: "grace.miller@cobalt-it.example",
    phone: "ingrid.berg@fjorddigital.example",
    "no-js": "camila.rojas@andestech.example",
  }[testInfo.project.name]!;
  const other = await browser.newContext({ baseURL, javaScriptEnabled: false });
  const otherPage = await other.newPage();
  await signIn(otherPage, person);

  await signIn(page, person);
  await page.goto("/account/sessions");
  const devices = page.getByRole("main").getByRole("listitem");
  await expect(devices).toHaveCount(2);
  await expect(devices.filter({ hasText: /This device/ })).toHaveCount(1);
  await devices.getByRole("button", { name: "Sign out this device" }).click();
  await expect(devices).toHaveCount(1);
  await expect(devices).toContainText("This device");

  await otherPage.goto("/home");
  await expect(otherPage).toHaveURL(/\/signin$/);
  await other.close();
});

test("remember this device keeps the cookie for 30 days", async ({ page }) => {
  await page.goto("/signin");
  await page.getByLabel("Email address").fill(PEOPLE.partnerAdmin);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByLabel("Remember this device for 30 days").check();
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/home$/);
  const session = (await page.context().cookies()).find((c) => c.name === "__Host-trellis_session");
  const days = ((session?.expires ?? 0) - Date.now() / 1000) / 86_400;
  expect(days).toBeGreaterThan(29);
  expect(days).toBeLessThanOrEqual(30);
});
