import { expect, test } from "@playwright/test";
import { PEOPLE, signIn } from "./support/demo";

// Reading only: every project may use the same partner people.

test("search finds an asset by a word inside its description, filtered by industry", async ({ page }) => {
  await signIn(page, PEOPLE.partnerUser);
  await page.goto("/assets");
  await page.getByRole("searchbox", { name: "Search the library" }).fill("radiology");
  await page.getByRole("button", { name: "Search", exact: true }).click();
  const results = page.getByRole("list", { name: "Assets" });
  // A clinic's story and a university's both mention radiology…
  await expect(page.getByRole("status")).toHaveText("2 assets");
  await expect(results.getByRole("link", { name: "Case study: Riverside Clinics" })).toBeVisible();
  await expect(results.getByRole("link", { name: "Case study: Northgate University" })).toBeVisible();
  // …and the industry filter, which counts each, keeps the clinic's.
  await page.getByLabel("Industry").selectOption({ label: "Healthcare (1)" });
  await page.getByRole("button", { name: "Search", exact: true }).click();
  await expect(page.getByRole("status")).toHaveText("1 asset");
  await expect(results.getByRole("link")).toHaveText(["Case study: Riverside Clinics"]);
  await results.getByRole("link", { name: "Case study: Riverside Clinics" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Case study: Riverside Clinics" })).toBeVisible();
  const download = page.getByRole("link", { name: /^Download case-clinic\.pdf/ });
  await expect(download).toHaveAttribute("href", /\/assets\/.+\/file$/);
  const file = await page.request.get((await download.getAttribute("href"))!);
  expect(file.headers()["content-disposition"]).toBe('attachment; filename="case-clinic.pdf"');
  expect((await file.body()).subarray(0, 5).toString()).toBe("%PDF-");
});

test("the library pages through everything a partner may see, keeping the filters", async ({ page }) => {
  await signIn(page, PEOPLE.partnerUser);
  await page.goto("/assets?language=en");
  const pages = page.getByRole("navigation", { name: "Pages" });
  await expect(pages.getByText("Page 1 of 2")).toBeVisible();
  const first = await page.getByRole("list", { name: "Assets" }).getByRole("link").allTextContents();
  expect(first).toHaveLength(24);
  await pages.getByRole("link", { name: "Next" }).click();
  await expect(page).toHaveURL(/\/assets\?language=en&page=2$/);
  await expect(pages.getByText("Page 2 of 2")).toBeVisible();
  const second = await page.getByRole("list", { name: "Assets" }).getByRole("link").allTextContents();
  expect(second.length).toBeGreaterThan(0);
  expect(second.filter((title) => first.includes(title))).toEqual([]);
  await expect(page.getByLabel("Language")).toHaveValue("en");
});

test("the partner admin sees who in the company is certified in what, and what lapses next", async ({ page }) => {
  await signIn(page, PEOPLE.partnerAdmin);
  await page.goto("/learn");
  await page.getByRole("link", { name: "Your team's learning" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Team learning: Northwind Solutions" })).toBeVisible();
  const mia = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: "Mia Chen" }) });
  await expect(mia.getByText("Technical Certified", { exact: true })).toBeVisible();
  await expect(mia.getByText("Valid", { exact: true })).toBeVisible();
  const lapsing = page.getByRole("region", { name: "Lapses next" });
  await expect(lapsing.getByRole("link", { name: "Mia Chen · Technical Certified" })).toBeVisible();
  const leo = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: "Leo Martinez" }) });
  await expect(leo.getByText("Not certified")).toBeVisible();
});

test("the help search in the header answers from the FAQ", async ({ page }, testInfo) => {
  await signIn(page, PEOPLE.partnerUser);
  await page.goto("/home");
  // A box on a desktop; on a phone, a link to the help page's box.
  if (testInfo.project.name === "phone") {
    await page.getByRole("link", { name: "Search help" }).click();
    await expect(page).toHaveURL(/\/help$/);
  }
  const box = page.getByRole("searchbox", { name: "Search help" }).first();
  await expect(box).toBeVisible();
  await box.fill("protected");
  await box.press("Enter");
  await expect(page).toHaveURL(/\/help\?q=protected$/);
  const faq = page.getByRole("region", { name: "Frequently asked" });
  await expect(faq.getByRole("link", { name: "How long is a registered deal protected?" })).toBeVisible();
});
