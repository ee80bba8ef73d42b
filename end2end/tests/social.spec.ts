import { expect, test } from "@playwright/test";
import { demoId, PEOPLE, signIn } from "./support/demo";

// Social posts and content streams, lead import from a CSV file, and a
// template's own images. Each project works on its own partner, stream,
// leads or template, so the projects never share one.

const DANA = "dana.okafor@acmecloud.example";
const OLIVER = "oliver.grant@bluepeak.example";

test("a partner chooses how it takes a content stream", async ({ page }, info) => {
  // Desktop: Northwind takes "managed services"; phone: Bluepeak takes "security".
  const [who, stream] = info.project.name === "phone" ? [OLIVER, "security"] : [PEOPLE.partnerAdmin, "managed services"];
  await signIn(page, who);
  await page.goto("/campaigns");
  await page.getByRole("link", { name: "Content streams" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Content streams" })).toBeVisible();
  const card = page.getByRole("region", { name: stream });
  await card.getByLabel("How you take it").selectOption({ label: "Ask me first" });
  await card.getByRole("button", { name: "Save" }).click();
  await expect(card.locator("span", { hasText: "Ask me first" })).toBeVisible();
  await card.getByLabel("How you take it").selectOption({ label: "Launch new templates for me" });
  await card.getByRole("button", { name: "Save" }).click();
  await expect(card.locator("span", { hasText: "Launch new templates for me" })).toBeVisible();
  await card.getByLabel("How you take it").selectOption({ label: "Not taken" });
  await card.getByRole("button", { name: "Save" }).click();
  await expect(card.locator("span", { hasText: "Launch new templates for me" })).toHaveCount(0);
});

test("a campaign shows where each social post stands and how to share it", async ({ page }) => {
  await signIn(page, PEOPLE.partnerAdmin);
  await page.goto(`/campaigns/${demoId("campaign", "northwind-webinar")}`);
  const posts = page.getByRole("region", { name: "Social posts" });
  await expect(posts).toBeVisible();
  const [linkedIn, x] = [posts.getByTestId("social-post").nth(0), posts.getByTestId("social-post").nth(1)];
  // Northwind's automation took the LinkedIn post and kept refusing the X post.
  await expect(linkedIn).toContainText("Taken by your automation");
  await expect(linkedIn).toContainText("Northwind Solutions");
  await expect(x).toContainText("Your automation did not take it; Trellis stopped trying");
  await expect(x).toContainText("Last answer: answered HTTP 500");
  await expect(x.getByRole("button", { name: "Send again" })).toBeVisible();
  // Either can be shared by hand on its network.
  await expect(linkedIn.getByRole("link", { name: "Share on LinkedIn" })).toHaveAttribute(
    "href",
    /^https:\/\/www\.linkedin\.com\/sharing\/share-offsite\/\?url=http/,
  );
  await expect(x.getByRole("link", { name: "Share on X" })).toHaveAttribute("href", /^https:\/\/twitter\.com\/intent\/tweet\?text=/);
});

test("a channel manager imports leads from a CSV file and reads what became of each row", async ({ page }, info) => {
  const unique = `${info.project.name}-${Date.now()}`;
  const csv = [
    "email,name,company,region,partner type",
    `rae-${unique}@kiln.example,Rae Kiln,Kiln Works ${unique},North America,Value-added reseller`,
    `oak-${unique}@oak.example,Oak Lee,Oak ${unique},emea,`,
    `not-an-address,Bad Row,Nowhere,emea,`,
    `sol-${unique}@sol.example,Sol,Sol ${unique},mars,`,
  ].join("\n");
  await signIn(page, PEOPLE.channelManager);
  await page.goto("/leads");
  const form = page.getByRole("region", { name: "Import leads from a CSV file" });
  await form.getByLabel("CSV file").setInputFiles({ name: "fair-leads.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await form.getByRole("button", { name: "Import and route" }).click();
  await expect(page).toHaveURL(/\/leads\?import=/);
  const report = page.getByTestId("import-report");
  await expect(report).toContainText("fair-leads.csv: 2 leads kept");
  await expect(report).toContainText("2 rows refused");
  await expect(report.getByRole("row").filter({ hasText: "4" })).toContainText("email");
  await expect(report.getByRole("row").filter({ hasText: "5" })).toContainText("region");
  // The kept leads were routed like leads entered by hand.
  await expect(page.getByRole("row").filter({ hasText: `Kiln Works ${unique}` })).toContainText("Northwind Solutions");
});

// A 1×1 PNG.
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
  "base64",
);

test("a marketer uploads an image and shows it in a block", { tag: "@hydrate" }, async ({ page }, info) => {
  const name = `Image kit ${info.project.name} ${Date.now()}`;
  await signIn(page, DANA);
  await page.goto("/campaigns");
  await page.getByLabel("Name").fill(name);
  await page.getByRole("button", { name: "Start writing" }).click();
  await expect(page).toHaveURL(/\/edit$/);
  const images = page.getByRole("region", { name: "Images" });
  await images.getByLabel("Image file").setInputFiles({ name: "team photo.png", mimeType: "image/png", buffer: PNG });
  await images.getByRole("button", { name: "Upload the image" }).click();
  await expect(page.getByText("Image uploaded: choose it in an image block's address field.")).toBeVisible();
  const uploaded = page.getByTestId("template-images").locator("li");
  await expect(uploaded).toHaveCount(1);
  await expect(uploaded).toContainText("team-photo.png");
  const url = (await uploaded.locator("code").textContent()) ?? "";
  expect(url).toMatch(/\/campaign-images\/[0-9a-f-]{36}$/);
  // The image is public, and the address fields offer it.
  const served = await page.request.get(url);
  expect(served.headers()["content-type"]).toBe("image/png");
  await expect(page.locator(`datalist option[value="${url}"]`)).toHaveCount(1);
  // An image block shows it in the preview.
  await page.getByRole("button", { name: "+ Image" }).last().click();
  const address = page.getByLabel("Image address (https://… or {partner.logo})").last();
  await expect(address).toHaveAttribute("list", "template-image-list");
  await address.fill(url);
  await expect(page.frameLocator('iframe[title="Preview"]').locator(`img[src="${url}"]`)).toHaveCount(1);
});
