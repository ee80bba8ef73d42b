import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD, PEOPLE, demoId, signIn } from "./support/demo";
import { linkFromEmail } from "./support/mail";
import { totp } from "./support/totp";

test("a vendor colleague is invited, sets a password, must set up two-step sign-in, then signs in with a code", async ({ page, browser, baseURL }, testInfo) => {
  const email = `new.marketer.${testInfo.project.name}.${Date.now()}@acmecloud.example`;
  await signIn(page, PEOPLE.programAdmin);
  await page.goto(`/organisations/${demoId("org", "acme-cloud")}`);
  const invite = page.getByRole("region", { name: "Invite someone" });
  await invite.getByLabel("Name").fill("Kai Moreno");
  await invite.getByLabel("Email address").fill(email);
  await invite.getByLabel("Role").selectOption({ label: "Marketer" });
  await invite.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByRole("region", { name: "People" }).getByRole("listitem").filter({ hasText: email })).toContainText("Invited");

  const link = await linkFromEmail(email, "/invitation");
  const colleague = await (await browser.newContext({ baseURL })).newPage();
  await colleague.goto(link);
  await colleague.getByLabel("New password").fill("a trellis for climbing roses");
  await colleague.getByRole("button", { name: "Set password and continue" }).click();

  // Vendor staff cannot go anywhere before two-step sign-in is set up.
  await expect(colleague).toHaveURL(/\/account\/two-step$/);
  await expect(colleague.getByText("Acme Cloud requires two-step sign-in for your account")).toBeVisible();
  await colleague.goto("/home");
  await expect(colleague).toHaveURL(/\/account\/two-step$/);
  await expect(colleague.getByRole("img", { name: "QR code for your authenticator app" })).toBeVisible();
  await expect(colleague.getByRole("list", { name: "Recovery codes" }).getByRole("listitem")).toHaveCount(10);
  const secret = ((await colleague.getByTestId("totp-secret").textContent()) ?? "").replace(/\s/g, "");
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  await colleague.getByLabel("6-digit code").fill("000000");
  await colleague.getByRole("button", { name: "Turn on two-step sign-in" }).click();
  await expect(colleague.getByRole("alert")).toContainText("That code is not right");
  await colleague.getByLabel("6-digit code").fill(totp(secret));
  await colleague.getByRole("button", { name: "Turn on two-step sign-in" }).click();
  await expect(colleague).toHaveURL(/\/home$/);
  await expect(colleague.getByRole("heading", { level: 1, name: "Welcome, Kai" })).toBeVisible();
  await colleague.getByRole("button", { name: "Sign out" }).click();

  // Signing in now asks for a code (the next one: each code works once).
  await colleague.goto("/signin");
  await colleague.getByLabel("Email address").fill(email);
  await colleague.getByLabel("Password").fill("a trellis for climbing roses");
  await colleague.getByRole("button", { name: "Sign in" }).click();
  await expect(colleague).toHaveURL(/\/signin\/verify$/);
  await colleague.getByLabel("Code", { exact: true }).fill(totp(secret, Date.now() / 1000 + 30));
  await colleague.getByRole("button", { name: "Verify" }).click();
  await expect(colleague).toHaveURL(/\/home$/);
  await colleague.getByRole("button", { name: "Sign out" }).click();
  await expect(colleague).toHaveURL(/\/$/);
  await colleague.context().close();
});

test("a vendor sign-in without a trusted device stops at the code step", async ({ page }, testInfo) => {
  // A fresh browser: the password alone reaches no page.
  const person = { desktop: PEOPLE.programAdmin, phone: "sofia.lindqvist@acmecloud.example", "no-js": "dana.okafor@acmecloud.example" }[testInfo.project.name]!;
  await page.goto("/signin");
  await page.getByLabel("Email address").fill(person);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/signin\/verify$/);
  await page.goto("/account/sessions");
  await expect(page).toHaveURL(/\/signin\/verify$/);
  await page.getByLabel("Code", { exact: true }).fill("123");
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page.getByRole("alert")).toContainText("That code is not right or was already used");
  await expect(page.getByRole("heading", { level: 1, name: "Enter your code" })).toBeVisible();
});
