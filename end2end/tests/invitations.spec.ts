import { expect, test } from "@playwright/test";
import { PEOPLE, signIn } from "./support/demo";
import { linkFromEmail } from "./support/mail";

test("a partner admin invites a colleague, who sets a password and signs in", async ({ page, browser, baseURL }, testInfo) => {
  const email = `new.colleague.${testInfo.project.name}.${Date.now()}@northwind.example`;
  await signIn(page, PEOPLE.partnerAdmin);
  await page.getByRole("navigation", { name: "Primary" }).getByRole("link", { name: "Organisation" }).click();
  const invite = page.getByRole("region", { name: "Invite someone" });
  await invite.getByLabel("Name").fill("Nia Patel");
  await invite.getByLabel("Email address").fill(email);
  await invite.getByLabel("Role").selectOption({ label: "Partner user" });
  await invite.getByRole("button", { name: "Send invitation" }).click();
  const people = page.getByRole("region", { name: "People" });
  await expect(people.getByRole("listitem").filter({ hasText: email })).toContainText("Invited");

  // The colleague, in their own browser, follows the emailed link.
  const link = await linkFromEmail(email, "/invitation");
  const colleague = await (await browser.newContext({ baseURL })).newPage();
  await colleague.goto(link);
  await expect(colleague.getByRole("heading", { level: 1, name: "Join the partner portal" })).toBeVisible();
  await colleague.getByLabel("New password").fill("password1");
  await colleague.getByRole("button", { name: "Set password and continue" }).click();
  await expect(colleague.getByRole("alert")).toContainText("lists attackers try first");
  await colleague.getByLabel("New password").fill("a trellis for climbing roses");
  await colleague.getByRole("button", { name: "Set password and continue" }).click();
  await expect(colleague).toHaveURL(/\/home$/);
  await expect(colleague.getByRole("heading", { level: 1, name: "Welcome, Nia" })).toBeVisible();

  await colleague.getByRole("button", { name: "Sign out" }).click();
  await signIn(colleague, email, "a trellis for climbing roses");

  // The link works once.
  await colleague.goto(link);
  await colleague.getByLabel("New password").fill("another long password");
  await colleague.getByRole("button", { name: "Set password and continue" }).click();
  await expect(colleague.getByRole("alert")).toHaveText("This link has expired or was already used. Ask for a new one.");
  await colleague.context().close();
});

test("a forgotten password is reset by emailed link", async ({ page }, testInfo) => {
  // Each project resets a different person, since they run side by side.
  const person = {
    desktop: "mia.chen@northwind.example",
    phone: "amelia.hughes@bluepeak.example",
    "no-js": "lena.fischer@lumen-si.example",
  }[testInfo.project.name]!;
  await page.goto("/signin");
  await page.getByRole("link", { name: "Forgot your password?" }).click();
  await page.getByLabel("Email address").fill(person);
  await page.getByRole("button", { name: "Send me a link" }).click();
  await expect(page.getByRole("status")).toContainText("If an account exists for that address");

  const link = await linkFromEmail(person, "/password-reset");
  await page.goto(link);
  await page.getByLabel("New password").fill("my brand new passphrase");
  await page.getByRole("button", { name: "Save password and sign in" }).click();
  await expect(page).toHaveURL(/\/home$/);
  await page.getByRole("button", { name: "Sign out" }).click();
  await signIn(page, person, "my brand new passphrase");
});
