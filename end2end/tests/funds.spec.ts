import { expect, test, type Page } from "@playwright/test";
import { PEOPLE, signIn } from "./support/demo";

/** Signs `email` in on a page whose cookies belonged to someone else. */
async function as(page: Page, email: string) {
  await page.context().clearCookies();
  await signIn(page, email);
}

const PDF = Buffer.from("%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");

test("a partner requests funds, the manager approves, the partner claims with a PDF, the claim is approved, exported and paid", async ({ page }, info) => {
  const title = `Breakfast briefing ${info.project.name} ${Date.now()}`;
  const today = new Date().toISOString().slice(0, 10);

  // Ava sees her balances and asks for half of 3,000 USD.
  await signIn(page, PEOPLE.partnerAdmin);
  await page.goto("/funds");
  await expect(page.getByRole("heading", { level: 1, name: "Marketing funds" })).toBeVisible();
  await expect(page.getByText("Expires soon: use or claim it")).toBeVisible();
  const form = page.getByRole("region", { name: "Request funds" });
  await form.getByLabel("Activity", { exact: true }).selectOption({ label: "Event" });
  await form.getByLabel("Name of the activity").fill(title);
  await form.getByLabel("What you will do, for whom, and how you will measure it").fill("Breakfast for twelve IT leads with a live demo.");
  await form.getByLabel("Planned cost").fill("3,000");
  await form.getByLabel("Expected leads").fill("12");
  await form.getByLabel("Starts on").fill(today);
  await form.getByLabel("Ends on").fill(today);
  await form.getByRole("button", { name: "Send the request" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.getByText("Waiting for review").first()).toBeVisible();
  await expect(page.getByText(/Review due by/)).toBeVisible();
  const request = page.url();

  // The channel manager approves it.
  await as(page, PEOPLE.channelManager);
  await page.goto(request);
  const review = page.getByRole("region", { name: "Review" });
  await review.getByLabel("Decision").selectOption({ label: "Approve as asked" });
  await review.getByRole("button", { name: "Decide" }).click();
  await expect(review.getByText("Approved", { exact: true })).toBeVisible();

  // Ava adds the invoice and claims what she spent.
  await as(page, PEOPLE.partnerAdmin);
  await page.goto(request);
  const proof = page.getByRole("region", { name: "Proof of performance" });
  await proof.getByLabel(/Invoice or evidence/).setInputFiles({ name: "invoice.pdf", mimeType: "application/pdf", buffer: PDF });
  await proof.getByRole("button", { name: "Add the proof" }).click();
  await expect(page.getByRole("region", { name: "Proof of performance" }).getByRole("link", { name: "invoice.pdf" })).toBeVisible();
  const claim = page.getByRole("region", { name: "Claim" });
  await claim.getByLabel("Actual cost").fill("2,800");
  await claim.getByRole("button", { name: "Send the claim" }).click();
  await expect(page.getByRole("region", { name: "Claim" }).getByText("Claim waiting for review")).toBeVisible();
  await expect(page.getByRole("region", { name: "Claim" })).toContainText("1,400 USD");

  // The manager approves the claim; it is in the payout file.
  await as(page, PEOPLE.channelManager);
  await page.goto(request);
  const decide = page.getByRole("region", { name: "Claim" });
  await decide.getByLabel("Decision").selectOption({ label: "Approve the claim" });
  await decide.getByRole("button", { name: "Decide" }).click();
  await expect(page.getByRole("region", { name: "Claim" }).getByText("Claim approved, payable")).toBeVisible();
  const csv = await (await page.request.get("/funds/payouts.csv")).text();
  const line = csv.split("\n").find((l) => l.includes(title));
  expect(line).toContain("Northwind Solutions");
  expect(line).toMatch(/,1400\.00,1400\.00,USD$/);

  // The program admin records the payment; Ava sees it paid.
  await as(page, PEOPLE.programAdmin);
  await page.goto(request);
  const pay = page.getByRole("region", { name: "Claim" });
  await pay.getByLabel("Payment reference").fill("ERP-E2E-1");
  await pay.getByRole("button", { name: "Record the payment" }).click();
  await expect(page.getByRole("region", { name: "Claim" }).getByText("ERP-E2E-1")).toBeVisible();
  await as(page, PEOPLE.partnerAdmin);
  await page.goto(request);
  await expect(page.getByRole("region", { name: "Claim" }).getByText("Paid", { exact: true }).first()).toBeVisible();
});

test("a request with a reversed date or a negative cost is refused with the field named", async ({ page }) => {
  await signIn(page, PEOPLE.partnerAdmin);
  await page.goto("/funds");
  const form = page.getByRole("region", { name: "Request funds" });
  await form.getByLabel("Name of the activity").fill("Refused request");
  await form.getByLabel("What you will do, for whom, and how you will measure it").fill("This request has a negative cost.");
  await form.getByLabel("Planned cost").fill("-50");
  await form.getByLabel("Starts on").fill("2099-05-02");
  await form.getByLabel("Ends on").fill("2099-05-02");
  await form.getByRole("button", { name: "Send the request" }).click();
  const refused = page.getByRole("region", { name: "Request funds" });
  await expect(refused.getByRole("alert")).toHaveText("Enter an amount above zero, like 12,500.");
  await expect(refused.getByLabel("Planned cost")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByRole("region", { name: "Your requests" }).getByText("Refused request")).toHaveCount(0);
});

test("the channel manager sees the queue with the overdue one first, and the program admin the budgets", async ({ page }) => {
  await signIn(page, PEOPLE.channelManager);
  await page.goto("/funds");
  const queue = page.getByRole("region", { name: "Requests to review" });
  await expect(queue.getByRole("row").nth(1)).toContainText("AWS marketplace launch emails");
  await expect(queue.getByRole("row").nth(1)).toContainText("Review overdue since");
  await expect(page.getByRole("region", { name: "Claims to review" })).toContainText("Sales certification bootcamp");
  await expect(page.getByRole("region", { name: "Open a fund period" })).toHaveCount(0);
  await as(page, PEOPLE.programAdmin);
  await page.goto("/funds");
  await expect(page.getByRole("region", { name: "Fund periods" }).getByRole("row")).toHaveCount(3);
  await expect(page.getByRole("region", { name: "Allocate funds" })).toBeVisible();
});

test("a partner reads its earnings statement, sees what the next tier would pay and questions a line", async ({ page }, info) => {
  await signIn(page, PEOPLE.partnerAdmin);
  await page.goto("/earnings");
  await expect(page.getByRole("heading", { level: 1, name: "Earnings" })).toBeVisible();
  const statement = page.getByRole("region", { name: "Earnings statement" });
  await expect(statement.getByText("3% of the revenue of each deal won.").first()).toBeVisible();
  for (const status of ["Accrued", "Approved for payment", "Paid"]) {
    await expect(statement.getByText(status, { exact: true }).first()).toBeVisible();
  }
  await expect(page.getByText(/This year's won deals would earn [\d,.]+ USD more under the Platinum programs\./)).toBeVisible();
  const question = `Was the SPIFF counted? (${info.project.name})`;
  const row = statement.getByRole("row").nth(1);
  await row.getByText("Question this line").click();
  await row.getByLabel("What looks wrong?").fill(question);
  await row.getByRole("button", { name: "Send the question" }).click();
  await expect(page.getByRole("region", { name: "Earnings statement" }).getByText(question)).toBeVisible();
});

test("a deal's page shows its cloud-marketplace private offer to the partner and to the channel manager", async ({ page }) => {
  await signIn(page, PEOPLE.partnerAdmin);
  await page.goto("/deals?q=Umbrella&status=approved");
  // The demo's registrations are the oldest of their name (other specs
  // register look-alikes).
  await page.getByRole("link", { name: "Umbrella Pharmaceuticals", exact: true }).last().click();
  const panel = page.getByRole("region", { name: "Cloud marketplace" });
  await expect(panel.getByText("AWS Marketplace")).toBeVisible();
  await expect(panel.getByText("Requested", { exact: true })).toBeVisible();
  await as(page, PEOPLE.channelManager);
  await page.goto("/deals?q=Stark&status=approved");
  await page.getByRole("link", { name: "Stark Industries", exact: true }).last().click();
  const offer = page.getByRole("region", { name: "Cloud marketplace" });
  await expect(offer.getByText("Offer id: po-2c9d51e7")).toBeVisible();
  await expect(offer.getByText("Extended", { exact: true }).first()).toBeVisible();
  await expect(offer.getByLabel("Marketplace offer id")).toHaveValue("po-2c9d51e7");
});
