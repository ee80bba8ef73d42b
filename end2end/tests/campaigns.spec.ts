import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { PEOPLE, signIn } from "./support/demo";
import { headerOfEmail } from "./support/mail";

// Each run launches its own campaign (a new address each time) and sends
// its own lead (a unique address), so the projects never share records.

test("a partner launches a co-branded campaign in three clicks, its logo and contact in the preview", async ({ page }) => {
  await signIn(page, PEOPLE.partnerAdmin);
  await page.goto("/campaigns");
  let clicks = 0;
  await page.getByRole("region", { name: "Templates" }).getByRole("link", { name: "Cloud migration assessment" }).click();
  clicks += 1;
  await expect(page.getByRole("heading", { level: 1, name: "Cloud migration assessment" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Before you launch" })).toHaveCount(0);
  // The preview is the email as it will go out, with Northwind's brand.
  const preview = page.frameLocator('iframe[title="Preview"]');
  await expect(preview.getByRole("img", { name: "Northwind Solutions" })).toHaveAttribute("src", /\/c\/northwind\/logo\.png$/);
  await expect(preview.getByText("Questions? Call Ava Thompson on +1 415 555 0142.")).toBeVisible();
  await expect(preview.getByRole("link", { name: "Unsubscribe" })).toBeVisible();
  await page.getByRole("button", { name: "Launch campaign" }).click();
  clicks += 1;
  await expect(page).toHaveURL(/\/campaigns\/[0-9a-f-]{36}$/);
  await expect(page.getByText("Live", { exact: true })).toBeVisible();
  expect(clicks).toBeLessThanOrEqual(3);
  // Its landing page is public at once.
  const address = await page.getByTestId("landing-link").getAttribute("href");
  expect(address).toMatch(/\/c\/northwind\/cloud-migration-assessment-\d+$/);
  const landing = await page.request.get(address!);
  expect(landing.status()).toBe(200);
  expect(await landing.text()).toContain("Move to the cloud in 90 days");
});

test("the preview redraws as the partner rewords, at phone width, in dark mode", { tag: "@hydrate" }, async ({ page }) => {
  await signIn(page, PEOPLE.partnerUser);
  await page.goto("/campaigns");
  await page.getByRole("region", { name: "Templates" }).getByRole("link", { name: "Cloud migration assessment" }).click();
  const frame = page.locator('iframe[title="Preview"]');
  const preview = page.frameLocator('iframe[title="Preview"]');
  await page.getByRole("button", { name: "Landing page" }).click();
  await expect(preview.getByRole("heading", { level: 1 })).toHaveText("Move to the cloud in 90 days");
  await page.getByLabel("Landing page: Heading 1").fill("Cloud in 90 days, with Northwind");
  await expect(preview.getByRole("heading", { level: 1 })).toHaveText("Cloud in 90 days, with Northwind");
  await page.getByRole("button", { name: "Phone" }).click();
  await expect(page.getByRole("button", { name: "Phone" })).toHaveAttribute("aria-pressed", "true");
  expect((await frame.boundingBox())!.width).toBeLessThanOrEqual(376);
  const background = () => preview.locator("body").evaluate((body) => getComputedStyle(body).backgroundColor);
  expect(await background()).toBe("rgb(241, 245, 249)");
  await page.getByRole("button", { name: "Dark" }).click();
  await expect.poll(background).toBe("rgb(2, 6, 23)");
});

test("the public landing page takes a lead without JavaScript, and the partner sees it", async ({ page, browser }, info) => {
  const unique = `${info.project.name}-${Date.now()}`;
  const visitor = await browser.newContext({ javaScriptEnabled: false });
  const landing = await visitor.newPage();
  await landing.goto("/c/northwind/cloud-migration-assessment");
  await expect(landing.getByRole("img", { name: "Northwind Solutions" })).toBeVisible();
  await landing.getByLabel("Your name").fill(`Robin ${unique}`);
  await landing.getByLabel("Work email").fill(`robin-${unique}@fernway.example`);
  await landing.getByLabel("Company").fill(`Fernway ${unique}`);
  await landing.getByLabel("What would you like to talk about?").fill("Moving our shop systems.");
  await landing.getByLabel("I agree that Northwind Solutions may contact me about this offer.").check();
  await landing.getByRole("button", { name: "Send" }).click();
  await expect(landing.getByRole("status")).toHaveText("Thank you. Northwind Solutions will be in touch soon.");
  await visitor.close();

  await signIn(page, PEOPLE.partnerAdmin);
  await page.goto("/leads");
  const row = page.getByRole("row", { name: new RegExp(`Robin ${unique}`) });
  await expect(row).toContainText(`Fernway ${unique}`);
  await expect(row).toContainText("Cloud migration assessment");
  await expect(row).toContainText("New");
  // Accepted, then turned into a registration with one click: the form
  // comes filled from the lead, the conflict check runs on submission.
  await row.getByRole("button", { name: "Accept" }).click();
  await expect(row).toContainText("Accepted");
  await row.getByRole("link", { name: "Register a deal" }).click();
  await expect(page.getByLabel("Customer company")).toHaveValue(`Fernway ${unique}`);
  await expect(page.getByLabel("Contact name")).toHaveValue(`Robin ${unique}`);
  await expect(page.getByLabel("Contact email")).toHaveValue(`robin-${unique}@fernway.example`);
  await page.getByLabel("Country").fill("Canada");
  await page.getByLabel("Products").fill("Acme Compute");
  await page.getByLabel("Estimated value").fill("42,000");
  await page.getByLabel("Expected close date").fill("2027-09-30");
  await page.getByRole("button", { name: "Submit registration" }).click();
  await expect(page).toHaveURL(/\/deals\/[0-9a-f-]{36}$/);
  await page.goto("/leads");
  await expect(page.getByRole("row", { name: new RegExp(`Robin ${unique}`) })).toContainText("Converted to a deal");
});

for (const scheme of ["light", "dark"] as const) {
  test(`the landing page has no accessibility violations in ${scheme} mode`, { tag: "@hydrate" }, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto("/c/northwind/cloud-migration-assessment");
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.map((v) => ({ id: v.id, nodes: v.nodes.map((n) => n.target.join(" ")) }))).toEqual([]);
  });
}

test("a partner emails its campaign to an uploaded list through SMTP, and a recipient unsubscribes", async ({ page }, info) => {
  const unique = `${info.project.name}-${Date.now()}`;
  const kim = `kim-${unique}@fernway.example`;
  const al = `al-${unique}@kestrel.example`;
  await signIn(page, PEOPLE.partnerAdmin);
  await page.goto("/campaigns");
  await page.getByRole("region", { name: "Launched campaigns" }).getByRole("link", { name: "Cloud migration assessment" }).first().click();
  await page.getByTestId("send-email").click();
  await expect(page.getByRole("heading", { level: 1, name: "Send the email" })).toBeVisible();
  const csv = `name,email,company,consent\nKim Lee,${kim},Fernway,yes\nAl Ray,${al},Kestrel,yes\nBad Row,not-an-address,X,yes\nQuiet,quiet-${unique}@x.example,X,no\n`;
  await page.getByLabel("CSV file").setInputFiles({ name: "people.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await page.getByRole("button", { name: "Check the recipients" }).click();
  // The draft: who it goes to, and each refused row by its line.
  await expect(page.getByRole("heading", { level: 1, name: "Email send" })).toBeVisible();
  await expect(page.getByTestId("send-problems")).toContainText("Line 4: not an email address");
  await expect(page.getByTestId("send-problems")).toContainText("Line 5: no consent given");
  await expect(page.getByRole("cell", { name: kim })).toBeVisible();
  await page.getByRole("button", { name: "Send to 2 people" }).click();
  await expect(page.getByText("Queued", { exact: true })).toBeVisible();

  // Through the real SMTP server, with one-click unsubscribe headers.
  expect(await headerOfEmail(kim, "List-Unsubscribe-Post")).toBe("List-Unsubscribe=One-Click");
  const unsubscribe = (await headerOfEmail(kim, "List-Unsubscribe")).replace(/^<|>$/g, "");
  expect(unsubscribe).toMatch(/\/e\/[0-9a-f]{64}\/unsubscribe$/);
  const recipient = await page.context().browser()!.newContext({ javaScriptEnabled: false });
  const mail = await recipient.newPage();
  await mail.goto(unsubscribe);
  await expect(mail.getByRole("heading", { name: "Unsubscribe from Northwind Solutions's email?" })).toBeVisible();
  await mail.getByRole("button", { name: "Unsubscribe" }).click();
  await expect(mail.getByRole("heading", { name: "You are unsubscribed" })).toBeVisible();
  await recipient.close();

  // The next send to the same file leaves Kim out and says so.
  await page.goto(page.url().replace(/\/campaigns\/sends\/.*/, "/campaigns"));
  await page.getByRole("region", { name: "Launched campaigns" }).getByRole("link", { name: "Cloud migration assessment" }).first().click();
  await page.getByTestId("send-email").click();
  await page.getByLabel("CSV file").setInputFiles({ name: "people.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await page.getByRole("button", { name: "Check the recipients" }).click();
  await expect(page.getByTestId("send-left-out")).toContainText("1 unsubscribed before");
  await expect(page.getByRole("cell", { name: kim })).toHaveCount(0);
  await expect(page.getByRole("cell", { name: al })).toBeVisible();
});

test("the vendor sees campaigns added up by template, partner and region, and who launched nothing", async ({ page }) => {
  await signIn(page, PEOPLE.channelManager);
  await page.goto("/campaigns");
  await expect(page.getByRole("heading", { name: "Across the program" })).toBeVisible();
  const byPartner = page.getByRole("region", { name: "By partner" });
  await expect(byPartner.getByRole("row", { name: /Northwind Solutions/ })).toBeVisible();
  await expect(page.getByRole("region", { name: "By template" }).getByRole("row", { name: /Managed backup and recovery/ })).toBeVisible();
  await expect(page.getByTestId("idle-partners").getByRole("link", { name: "Lumen Systems Integration" })).toBeVisible();
});
