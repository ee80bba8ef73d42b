import { expect, test } from "@playwright/test";
import { PEOPLE, signIn } from "./support/demo";
import { fillRegistration } from "./support/deals";
import { linkFromEmail } from "./support/mail";

test("a company applies, the channel manager approves it on its explained score, and its admin joins", async ({ page, browser, baseURL }, testInfo) => {
  const stamp = `${testInfo.project.name}-${Date.now()}`;
  const company = `Brightwave ${stamp} Systems`;
  const email = `kai.${stamp}@brightwave-${stamp}.example`;

  // The public page, from the landing page, signed out.
  await page.goto("/");
  await page.getByRole("link", { name: "Apply to become a partner" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Apply to become a partner" })).toBeVisible();
  await page.getByLabel("Company name").fill(company);
  await page.getByLabel("Website").fill(`https://www.brightwave-${stamp}.example`);
  await page.getByLabel("Country").fill("United States");
  await page.getByLabel("Region you sell in").selectOption({ label: "North America" });
  await page.getByLabel("How you would partner").selectOption({ label: "Value-added reseller" });
  await page.getByLabel("Employees").fill("150");
  await page.getByLabel("Healthcare").check();
  await page.getByLabel("Financial services").check();
  await page.getByLabel("Security").check();
  await page.getByLabel("Yearly revenue you could bring us (US dollars)").fill("400,000");
  await page.getByLabel("Your name").fill("Kai Morgan");
  await page.getByLabel("Your email").fill(email);
  await page.getByRole("button", { name: "Send application" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /your application is on its way/ })).toBeVisible();

  // Marcus looks after North America: the application is in his queue.
  const manager = await (await browser.newContext({ baseURL })).newPage();
  await signIn(manager, PEOPLE.channelManager);
  await manager.getByRole("navigation", { name: "Primary" }).getByRole("link", { name: "Applications" }).first().click();
  await manager.getByRole("form", { name: "Filter applications" }).getByLabel("Partner type").selectOption({ label: "Value-added reseller" });
  await manager.getByRole("button", { name: "Filter" }).click();
  await manager.getByRole("list", { name: "Applications" }).getByRole("link", { name: company }).click();
  await expect(manager.getByRole("heading", { level: 1, name: company })).toBeVisible();
  const why = manager.getByRole("list", { name: "Why this score" });
  await expect(why.getByRole("listitem")).toHaveCount(6);
  await expect(why).toContainText("like 4 of your top 8 partners");
  await manager.getByRole("button", { name: "Approve and invite" }).click();
  await expect(manager.getByRole("heading", { level: 1, name: company })).toBeVisible();
  await expect(manager).toHaveURL(/\/organisations\//);
  await expect(manager.getByText("Onboarding").first()).toBeVisible();
  await manager.context().close();

  // The invitation arrives by real SMTP; the contact becomes the admin.
  const link = await linkFromEmail(email, "/invitation");
  const admin = await (await browser.newContext({ baseURL })).newPage();
  await admin.goto(link);
  await admin.getByLabel("New password").fill("brightwave partners since today");
  await admin.getByRole("button", { name: "Set password and continue" }).click();
  await expect(admin).toHaveURL(/\/home$/);
  await expect(admin.getByRole("heading", { level: 1, name: "Welcome, Kai" })).toBeVisible();

  // The checklist on the home page: signing the agreement comes first.
  const start = admin.getByRole("region", { name: "Getting started" });
  await expect(start.getByRole("progressbar", { name: "Onboarding" })).toHaveAttribute("aria-valuenow", "0");
  await start.getByRole("link", { name: "Sign the partner agreement" }).click();
  await admin.getByLabel("Your full name").fill("Kai Morgan");
  await admin.getByLabel("Your job title").fill("Managing Director");
  await admin.getByLabel("I have read this agreement and sign it for my organisation.").check();
  await admin.getByRole("button", { name: "Sign the agreement" }).click();
  await expect(admin).toHaveURL(/\/agreement\/signed\//);
  await expect(admin.getByText("SHA-256 of the text signed")).toBeVisible();
  await expect(admin.getByText(/^[0-9a-f]{64}$/)).toBeVisible();

  // The first deal, registered from the checklist.
  await admin.goto("/home");
  await expect(start.getByRole("progressbar", { name: "Onboarding" })).toHaveAttribute("aria-valuenow", "1");
  await start.getByRole("link", { name: "Register your first deal" }).click();
  await fillRegistration(admin, `First Customer ${stamp}`);
  await admin.getByRole("button", { name: "Submit registration" }).click();
  await expect(admin.getByRole("heading", { level: 1, name: `First Customer ${stamp}` })).toBeVisible();
  await admin.goto("/home");
  await expect(start.getByRole("progressbar", { name: "Onboarding" })).toHaveAttribute("aria-valuenow", "2");
  await admin.context().close();

  // Marcus approves it: the time to first deal is counted.
  const reviewer = await (await browser.newContext({ baseURL })).newPage();
  await signIn(reviewer, PEOPLE.channelManager);
  await reviewer.goto("/deals/review");
  await reviewer.getByRole("link", { name: `First Customer ${stamp}` }).click();
  await reviewer.getByRole("button", { name: "Approve", exact: true }).click();
  await expect(reviewer.getByText("Approved").first()).toBeVisible();
  await reviewer.goto("/onboarding");
  const partner = reviewer.getByRole("list", { name: "Partners onboarding" }).getByRole("listitem").filter({ hasText: company });
  await expect(partner.getByRole("progressbar", { name: "Onboarding" })).toHaveAttribute("aria-valuenow", "2");
  await expect(reviewer.getByRole("region", { name: "Days to the first approved registration" })).toContainText(/Median \d+ days over \d+ partners/);
  await reviewer.context().close();
});

test("the public form says what is wrong, field by field, and keeps nothing", async ({ page }, testInfo) => {
  const stamp = `${testInfo.project.name}-${Date.now()}`;
  await page.goto("/apply");
  await page.getByLabel("Company name").fill(`Northwind Solutions`);
  await page.getByLabel("Website").fill(`nw-${stamp}.example`);
  await page.getByLabel("Country").fill("United States");
  await page.getByLabel("Region you sell in").selectOption({ label: "North America" });
  await page.getByLabel("How you would partner").selectOption({ label: "Value-added reseller" });
  await page.getByLabel("Employees").fill("12");
  await page.getByLabel("Yearly revenue you could bring us (US dollars)").fill("a lot");
  await page.getByLabel("Your name").fill("Sam Park");
  await page.getByLabel("Your email").fill(`sam@nw-${stamp}.example`);
  await page.getByRole("button", { name: "Send application" }).click();
  await expect(page.getByText("Choose at least one industry you serve.")).toBeVisible();
  await expect(page.getByText("Enter the yearly revenue you could bring, in US dollars")).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: "Apply to become a partner" })).toBeVisible();
});

test("a channel manager notes a prospect and it is ranked with the applicants", async ({ page }, testInfo) => {
  const stamp = `${testInfo.project.name}-${Date.now()}`;
  const company = `Globex Managed Security ${stamp}`;
  await signIn(page, PEOPLE.channelManager);
  await page.goto("/applications");
  await page.getByText("Add a prospect").click();
  const form = page.locator("details").filter({ hasText: "Add a prospect" });
  // A copy of Bluepeak, one of the best partners, under another name.
  await form.getByLabel("Company name").fill(company);
  await form.getByLabel("Website").fill(`globex-${stamp}.example`);
  await form.getByLabel("Country").fill("United Kingdom");
  await form.getByLabel("Region").selectOption({ label: "Europe, Middle East & Africa" });
  await form.getByLabel("Partner type").selectOption({ label: "Managed service provider" });
  await form.getByLabel("Employees").fill("420");
  await form.getByLabel("Healthcare").check();
  await form.getByLabel("Financial services").check();
  await form.getByLabel("Public sector").check();
  await form.getByLabel("Managed operations").check();
  await form.getByLabel("Security").check();
  await form.getByLabel("Networking").check();
  await form.getByLabel("Where you came across it").fill("Spoke at the Leeds cloud meetup");
  await form.getByRole("button", { name: "Add the prospect" }).click();
  const suggestion = page.getByRole("list", { name: "Recruit next" }).getByRole("listitem").filter({ hasText: company }).first();
  await expect(suggestion).toContainText("Prospect");
  await expect(suggestion).toContainText("Spoke at the Leeds cloud meetup");
  await expect(suggestion).toContainText(/Fit ([7-9]\d|100)/);
  // The same website again is refused on its field.
  await page.getByText("Add a prospect").click();
  await form.getByLabel("Company name").fill(`${company} again`);
  await form.getByLabel("Website").fill(`globex-${stamp}.example`);
  await form.getByLabel("Country").fill("United Kingdom");
  await form.getByLabel("Region").selectOption({ label: "Europe, Middle East & Africa" });
  await form.getByLabel("Partner type").selectOption({ label: "Managed service provider" });
  await form.getByLabel("Employees").fill("420");
  await form.getByLabel("Healthcare").check();
  await form.getByRole("button", { name: "Add the prospect" }).click();
  await expect(form.getByLabel("Website")).toHaveAccessibleDescription("This company's website is already on the prospect list.");
});
