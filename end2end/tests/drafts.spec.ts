import { expect, test } from "@playwright/test";
import { fillRegistration } from "./support/deals";
import { signIn } from "./support/demo";

test("a registration typed on a phone survives a reload and waits for the connection", { tag: "@hydrate" }, async ({ page, context }, testInfo) => {
  test.skip(testInfo.project.name !== "phone", "phone viewport only");
  const company = `Offline Draft ${Date.now()}`;
  await signIn(page, "isla.morgan@harboradvisory.example");
  await page.goto("/deals/new");
  await page.waitForLoadState("networkidle");
  await fillRegistration(page, company, "Systems integrator");

  // Kept on the device: coming back to the form brings it back.
  await page.goto("/deals");
  await page.goto("/deals/new");
  await page.waitForLoadState("networkidle");
  await expect(page.getByTestId("draft-status")).toContainText("Restored the registration you were typing on this device.");
  await expect(page.getByLabel("Customer company")).toHaveValue(company);
  await expect(page.getByLabel("Estimated value")).toHaveValue("42,000");
  await expect(page.getByLabel("Your role")).toHaveValue("si");

  // Offline at "Submit": held, then sent when the connection returns.
  await context.setOffline(true);
  await page.getByRole("button", { name: "Submit registration" }).click();
  await expect(page.getByTestId("draft-status")).toContainText("You are offline.");
  await expect(page).toHaveURL(/\/deals\/new$/);
  await context.setOffline(false);
  await expect(page).toHaveURL(/\/deals\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { name: company })).toBeVisible();
  await page.waitForLoadState("networkidle");

  // Sent, so forgotten: the next registration starts empty.
  await page.goto("/deals/new");
  await page.waitForLoadState("networkidle");
  await expect(page.getByLabel("Customer company")).toHaveValue("");
  await expect(page.getByTestId("draft-status")).toBeEmpty();
});
