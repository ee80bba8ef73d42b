import * as fs from "node:fs";
import * as path from "node:path";
import { expect, test } from "@playwright/test";
import { PEOPLE, demoId, signIn } from "./support/demo";

const icon = path.join(__dirname, "..", "..", "public", "icons", "icon-192.png");

test("a partner admin uploads a logo; an SVG is refused with the reason", async ({ page }) => {
  await signIn(page, PEOPLE.partnerAdmin);
  await page.goto(`/organisations/${demoId("org", "northwind")}`);
  const logo = page.getByRole("region", { name: "Logo" });

  await logo.getByLabel("New logo").setInputFiles({
    name: "logo.svg",
    mimeType: "image/png",
    buffer: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
  });
  await logo.getByRole("button", { name: "Upload logo" }).click();
  await expect(page.getByRole("region", { name: "Logo" }).getByRole("alert")).toContainText("SVG files are not accepted");

  await page.getByRole("region", { name: "Logo" }).getByLabel("New logo").setInputFiles({
    name: "northwind.png",
    mimeType: "image/png",
    buffer: fs.readFileSync(icon),
  });
  await page.getByRole("region", { name: "Logo" }).getByRole("button", { name: "Upload logo" }).click();
  const saved = page.getByRole("region", { name: "Logo" });
  await expect(saved.getByRole("status")).toHaveText("Logo saved.");
  const img = saved.getByRole("img", { name: "Northwind Solutions logo" });
  await expect(img).toBeVisible();
  // Visible (laid out) comes before loaded: wait for the picture itself.
  await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.naturalWidth)).toBe(192);
});

test("a partner user sees the logo form only where they may use it", async ({ page }) => {
  await signIn(page, PEOPLE.partnerUser);
  await page.goto(`/organisations/${demoId("org", "northwind")}`);
  await expect(page.getByRole("region", { name: "Logo" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Upload logo" })).toHaveCount(0);
});
