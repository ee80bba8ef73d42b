import { expect, type Page, test } from "@playwright/test";
import { fillRegistration } from "./support/deals";
import { signIn } from "./support/demo";

// Each project its own registrant and that organisation's channel manager
// (they run side by side). Without JavaScript pages do not follow along.
const PEOPLE_OF: Record<string, { registrant: string; reviewer: string }> = {
  desktop: { registrant: "noah.tremblay@quantix.example", reviewer: "marcus.webb@acmecloud.example" },
  phone: { registrant: "isla.morgan@harboradvisory.example", reviewer: "sofia.lindqvist@acmecloud.example" },
};

const BELL = /^Notifications(, \d+ unread)?$/;

/** The unread count the header's bell says. */
async function unread(page: Page): Promise<number> {
  const name = await page.getByRole("link", { name: BELL }).textContent();
  return Number(name?.match(/(\d+) unread/)?.[1] ?? 0);
}

/** Waits until the page listens for changes, and marks it: a reload would drop the mark. */
async function listening(page: Page) {
  await expect(page.locator("html[data-live=open]")).toHaveCount(1);
  await page.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));
}

async function notReloaded(page: Page) {
  expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
}

test("the review queue and both bells follow along without a reload", { tag: "@hydrate" }, async ({ browser, baseURL }, testInfo) => {
  const who = PEOPLE_OF[testInfo.project.name];
  test.skip(!who, "pages follow along only with JavaScript");
  const company = `Live ${testInfo.project.name} ${Date.now()}`;
  const reviewer = await (await browser.newContext({ baseURL })).newPage();
  const partner = await (await browser.newContext({ baseURL })).newPage();
  await signIn(reviewer, who.reviewer);
  await signIn(partner, who.registrant);

  // The reviewer watches the queue while the partner registers a deal.
  await reviewer.goto("/deals/review");
  await listening(reviewer);
  const before = await unread(reviewer);
  await expect(reviewer.getByRole("link", { name: company })).toHaveCount(0);
  await partner.goto("/deals/new");
  await fillRegistration(partner, company);
  await partner.getByRole("button", { name: "Submit registration" }).click();
  await expect(partner).toHaveURL(/\/deals\/[0-9a-f-]{36}$/);
  const dealUrl = partner.url();

  await expect(reviewer.getByRole("link", { name: company })).toBeVisible({ timeout: 2_000 });
  await expect.poll(() => unread(reviewer), { timeout: 2_000 }).toBeGreaterThan(before);
  await expect(reviewer.getByText("The queue was updated.")).toHaveCount(1);
  await notReloaded(reviewer);

  // The partner waits on their deal; the reviewer approves; the partner's bell rings.
  await partner.goto(dealUrl);
  await listening(partner);
  const partnerBefore = await unread(partner);
  await reviewer.getByRole("link", { name: company }).click();
  await reviewer.getByRole("button", { name: "Approve" }).click();
  await expect(reviewer.getByRole("region", { name: "Status" })).toContainText("Approved");
  await expect.poll(() => unread(partner), { timeout: 2_000 }).toBeGreaterThan(partnerBefore);
  await notReloaded(partner);

  await reviewer.context().close();
  await partner.context().close();
});
