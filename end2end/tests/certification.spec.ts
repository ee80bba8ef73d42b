import { expect, type Page, test } from "@playwright/test";
import jsQR from "jsqr";
import { PNG } from "pngjs";
import { answer } from "./support/courses";
import { signIn } from "./support/demo";
import { emailTo, linkFromEmail } from "./support/mail";

// Each project certifies a different partner person who sells (they run
// side by side, and none of them takes courses in another spec).
const LEARNER: Record<string, { email: string; name: string; organisation: string }> = {
  desktop: { email: "haruto.sato@sakura-cloud.example", name: "Haruto Sato", organisation: "Sakura Cloud Partners" },
  phone: { email: "sanne.devries@keystone-analytics.example", name: "Sanne de Vries", organisation: "Keystone Analytics" },
  "no-js": { email: "lucas.almeida@meridian-dist.example", name: "Lucas Almeida", organisation: "Meridian Distribution" },
};

const PATH = "Sales Certified";

/** Opens course `title` from the path's card on /learn and takes its quiz. */
async function takeQuiz(page: Page, title: string) {
  await page.goto("/learn");
  const path = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: PATH }) });
  await path.getByRole("link", { name: title }).click();
  await page.getByRole("region", { name: "Quiz" }).getByRole("link", { name: "Take the quiz" }).click();
}

/** The text of the QR code in `page`'s image named `name`, read from a screenshot as a phone camera would. */
async function readQr(page: Page, name: string): Promise<string> {
  // The phone's tab bar is fixed at the bottom, and a screenshot scrolls
  // the code only just into view, under it; a person would scroll on. A
  // viewport taller than the page shows it whole.
  const size = page.viewportSize()!;
  await page.setViewportSize({ width: size.width, height: 2000 });
  const png = PNG.sync.read(await page.getByRole("img", { name }).screenshot());
  await page.setViewportSize(size);
  const code = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
  expect(code, "a readable QR code").not.toBeNull();
  return code!.data;
}

test("a partner rep completes a certification path, gets the certificate by email, and its QR code opens the public check", async ({ page, browser, baseURL }, testInfo) => {
  const learner = LEARNER[testInfo.project.name];
  await signIn(page, learner.email);
  await page.goto("/learn");
  const path = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: PATH }) });
  await expect(path.getByRole("progressbar", { name: "Courses passed" })).toHaveAttribute("aria-valuenow", "0");

  // Two courses passed at the first attempt: the path is not complete yet.
  await takeQuiz(page, "Acme Cloud fundamentals");
  await answer(page, "fundamentals", true);
  await expect(page.getByRole("status")).toContainText("Passed");
  await expect(page.getByRole("region", { name: "Certificate issued" })).toHaveCount(0);
  await takeQuiz(page, "Selling Acme Cloud");
  await answer(page, "selling", true);
  await expect(page.getByRole("status")).toContainText("Passed");

  // The last one failed, retaken and passed: the certificate is issued.
  await takeQuiz(page, "Deal registration and the rules of engagement");
  await answer(page, "registration", false);
  await expect(page.getByRole("status")).toContainText("Not passed");
  await page.getByRole("link", { name: "Try again" }).click();
  await answer(page, "registration", true);
  const issued = page.getByRole("region", { name: "Certificate issued" });
  await expect(issued).toContainText(`You are now ${PATH}.`);

  // The email names the path and links the public check.
  const email = await emailTo(learner.email, "Certificate issued");
  expect(email.subject).toBe(`Certificate issued: ${PATH}`);
  const verifyLink = await linkFromEmail(learner.email, "/verify");

  // The printable certificate carries a QR code of that same link.
  await issued.getByRole("link", { name: "Your certificate" }).click();
  await expect(page.getByRole("heading", { level: 1, name: PATH })).toBeVisible();
  await expect(page.getByText(`awarded to ${learner.name} of ${learner.organisation}`)).toBeVisible();
  const scanned = await readQr(page, "QR code of the certificate's public check");
  expect(scanned).toBe(verifyLink);

  // Anyone who scans it, signed out, sees the certificate hold.
  const stranger = await (await browser.newContext({ baseURL })).newPage();
  await stranger.goto(scanned);
  await expect(stranger.getByRole("heading", { level: 1, name: "Certificate check" })).toBeVisible();
  await expect(stranger.getByRole("status")).toContainText("This certificate is valid.");
  await expect(stranger.getByText(learner.name)).toBeVisible();
  await expect(stranger.getByText(learner.organisation)).toBeVisible();
  await expect(stranger.getByText(learner.email)).toHaveCount(0);
  await stranger.context().close();

  // Back on /learn the path says so.
  await page.goto("/learn");
  await expect(path.getByRole("progressbar", { name: "Courses passed" })).toHaveAttribute("aria-valuenow", "3");
  await expect(path).toContainText(/Certified until \d{4}-\d{2}-\d{2}/);
});
