import { expect, test } from "@playwright/test";
import { fillRegistration } from "./support/deals";
import { PEOPLE, signIn } from "./support/demo";

// Each project registers as a different partner person (they run side by side).
const REGISTRANT: Record<string, string> = {
  desktop: "noah.tremblay@quantix.example",
  phone: "isla.morgan@harboradvisory.example",
  "no-js": "ethan.brooks@cobalt-it.example",
};

test("the conflict check answers as the partner types, without saying who holds the customer", { tag: "@hydrate" }, async ({ page }, testInfo) => {
  await signIn(page, REGISTRANT[testInfo.project.name]);
  await page.goto("/deals/new");
  const check = page.getByTestId("conflict-check");
  await page.getByLabel("Customer company").pressSequentially("Stark Industries Inc", { delay: 20 });
  await expect(check).toContainText(/Another partner holds a protected registration for this customer until \d{4}-\d{2}-\d{2}/);
  await expect(page.getByText("Bluepeak")).toHaveCount(0);
  // A free customer says so.
  await page.getByLabel("Customer company").fill("");
  await page.getByLabel("Customer company").pressSequentially(`Brand New ${testInfo.project.name} Labs`, { delay: 20 });
  await expect(check).toContainText("No conflict found");
  // Submitting the conflicting one still works; it is flagged for review.
  await fillRegistration(page, "Stark Industries Inc");
  await page.getByRole("button", { name: "Submit registration" }).click();
  await expect(page).toHaveURL(/\/deals\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("region", { name: "Status" })).toContainText("Flagged: Registered by another partner");
  await expect(page.getByText("Bluepeak")).toHaveCount(0);
});

test("a partner registers, the channel manager approves, the partner sees the protection", async ({ page, browser, baseURL }, testInfo) => {
  const company = `Hooli ${testInfo.project.name} ${Date.now()}`;
  await signIn(page, REGISTRANT[testInfo.project.name]);
  await page.getByRole("navigation", { name: "Primary" }).getByRole("link", { name: "Deals" }).first().click();
  await page.getByRole("link", { name: "Register a deal" }).click();
  // A mistake is explained beside its field and nothing is saved.
  await fillRegistration(page, company);
  await page.getByLabel("Estimated value").fill("lots");
  await page.getByRole("button", { name: "Submit registration" }).click();
  await expect(page.getByLabel("Estimated value")).toHaveAccessibleDescription("Enter the estimated value as a number, like 25000.");
  await expect(page.getByRole("alert")).toContainText("Enter the estimated value");
  await fillRegistration(page, company);
  await page.getByRole("button", { name: "Submit registration" }).click();
  await expect(page).toHaveURL(/\/deals\/[0-9a-f-]{36}$/);
  const dealUrl = page.url();
  await expect(page.getByRole("region", { name: "Status" })).toContainText("Submitted");
  await expect(page.getByRole("region", { name: "Status" })).toContainText("Decision due");

  const manager = await (await browser.newContext({ baseURL, javaScriptEnabled: testInfo.project.name !== "no-js" })).newPage();
  await signIn(manager, PEOPLE.channelManager);
  await manager.goto("/deals/review");
  await manager.getByRole("link", { name: company }).click();
  await manager.getByRole("button", { name: "Approve" }).click();
  await expect(manager.getByRole("region", { name: "Status" })).toContainText("Approved");
  await manager.context().close();

  await page.goto(dealUrl);
  const status = page.getByRole("region", { name: "Status" });
  await expect(status).toContainText("Approved");
  await expect(status).toContainText(/Protected until \d{4}-\d{2}-\d{2} \(in \d+ days\)/);
  await expect(page.getByRole("region", { name: "Timeline" })).toContainText("Marcus Webb");
  // And it is in the list, found by search.
  await page.goto(`/deals?q=${encodeURIComponent(company)}`);
  await expect(page.getByRole("list", { name: "Registrations" }).getByRole("listitem")).toHaveCount(1);
});

test("a keyboard-only registration on a phone", async ({ page }, testInfo) => {
  test.skip(testInfo.project.name !== "phone", "phone viewport only");
  await signIn(page, "emma.roy@quantix.example");
  await page.goto("/deals/new");
  await page.getByLabel("Customer company").focus();
  await page.keyboard.type(`Keyboard Only Co ${Date.now()}`);
  const steps: [string, string][] = [
    ["Customer website", "keyboardonly.example"],
    ["Contact name", "Kim Park"],
    ["Contact email", "kim@keyboardonly.example"],
    ["Contact phone", "+1 555 0199"],
    ["Country", "Canada"],
    ["Products", "Acme Storage"],
    ["Estimated value", "15000"],
  ];
  for (const [label, value] of steps) {
    await page.keyboard.press("Tab");
    await expect(page.getByLabel(label)).toBeFocused();
    await page.keyboard.type(value);
  }
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("Currency")).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("Expected close date")).toBeFocused();
  await page.keyboard.type("09302027");
  await expect(page.getByLabel("Expected close date")).toHaveValue("2027-09-30");
  // The date field's month, day and year are separate tab stops.
  const role = page.getByLabel("Your role");
  for (let i = 0; i < 3 && !(await role.evaluate((el) => el === document.activeElement)); i++) {
    await page.keyboard.press("Tab");
  }
  await expect(role).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("Notes")).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "Submit registration" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/deals\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("region", { name: "Status" })).toContainText("Submitted");
});
