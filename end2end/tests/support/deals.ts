import type { Page } from "@playwright/test";

/** Fills the deal registration form at /deals/new for customer `company`. */
export async function fillRegistration(page: Page, company: string, role = "Reseller") {
  await page.getByLabel("Customer company").fill(company);
  await page.getByLabel("Contact name").fill("Jordan Lee");
  await page.getByLabel("Contact email").fill("jordan.lee@customer.example");
  await page.getByLabel("Country").fill("Canada");
  await page.getByLabel("Products").fill("Acme Compute");
  await page.getByLabel("Estimated value").fill("42,000");
  await page.getByLabel("Expected close date").fill("2027-09-30");
  await page.getByLabel("Your role").selectOption({ label: role });
}
