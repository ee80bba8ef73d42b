import { expect, test } from "@playwright/test";

// Runs with and without JavaScript: with it the switch is instant, without
// it the form posts and the server answers with the chosen theme.
test("the theme switch cycles and is remembered", async ({ page }) => {
  await page.goto("/program");
  const html = page.locator("html");
  const bodyBackground = () => page.locator("body").evaluate((el) => getComputedStyle(el).backgroundColor);
  await expect(html).toHaveAttribute("data-theme", "system");
  const systemLight = await bodyBackground();
  await page.getByRole("button", { name: "Colour theme: System. Switch to Light" }).click();
  await expect(html).toHaveAttribute("data-theme", "light");
  await page.getByRole("button", { name: "Colour theme: Light. Switch to Dark" }).click();
  await expect(html).toHaveAttribute("data-theme", "dark");
  await expect(page).toHaveURL(/\/program$/);

  await page.reload();
  await expect(html).toHaveAttribute("data-theme", "dark");
  await expect(page.getByRole("button", { name: "Colour theme: Dark. Switch to System" })).toBeVisible();
  // The system is light here, yet the chosen dark theme wins.
  expect(await bodyBackground()).not.toBe(systemLight);
});

test("dark mode follows the system until a theme is picked", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "dark" });
  await page.goto("/");
  const dark = await page.locator("body").evaluate((el) => getComputedStyle(el).backgroundColor);
  await page.emulateMedia({ colorScheme: "light" });
  const light = await page.locator("body").evaluate((el) => getComputedStyle(el).backgroundColor);
  expect(dark).not.toBe(light);
});

test("the page hydrates: the switch works in place, without a request", { tag: "@hydrate" }, async ({ page }) => {
  await page.goto("/");
  await page.waitForLoadState("networkidle");
  const posts: string[] = [];
  page.on("request", (r) => {
    if (r.method() === "POST") posts.push(r.url());
  });
  let navigated = false;
  page.on("framenavigated", () => (navigated = true));
  await page.getByRole("button", { name: "Colour theme: System. Switch to Light" }).click();
  await expect(page.locator("html")).toHaveAttribute("data-theme", "light");
  await expect(page.getByRole("button", { name: "Colour theme: Light. Switch to Dark" })).toBeVisible();
  expect(posts).toEqual([]);
  expect(navigated).toBe(false);
  const cookies = await page.context().cookies();
  expect(cookies.find((c) => c.name === "trellis_theme")?.value).toBe("light");
});
