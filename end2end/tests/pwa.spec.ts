import { expect, test, type Page } from "@playwright/test";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { PEOPLE, demoId, signIn } from "./support/demo";

async function controlledByServiceWorker(page: Page) {
  await page.goto("/");
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  // The worker claims open pages when it activates; wait until it does.
  await expect
    .poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null))
    .toBe(true);
}

test("the manifest describes an installable app", async ({ request }) => {
  const response = await request.get("/manifest.webmanifest");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toContain("application/manifest+json");
  const manifest = await response.json();
  expect(manifest).toMatchObject({
    id: "/",
    name: "Trellis Partner Portal",
    short_name: "Trellis",
    start_url: "/",
    scope: "/",
    display: "standalone",
  });
  expect(manifest.theme_color).toMatch(/^#[0-9a-f]{6}$/);
  expect(manifest.background_color).toMatch(/^#[0-9a-f]{6}$/);
  const sizes = manifest.icons.map((i: { sizes: string; purpose: string }) => `${i.sizes} ${i.purpose}`);
  expect(sizes).toEqual(expect.arrayContaining(["192x192 any", "512x512 any", "512x512 maskable"]));
  for (const icon of manifest.icons) {
    const png = await request.get(icon.src);
    expect(png.status(), icon.src).toBe(200);
    expect(png.headers()["content-type"]).toBe("image/png");
  }
});

test("Chromium finds nothing that stops installation", { tag: "@hydrate" }, async ({ playwright, baseURL }, testInfo) => {
  // Installation is never offered in an incognito context, which is what
  // Playwright's contexts are: use a real (temporary) profile.
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "trellis-pwa-"));
  const { launchOptions, viewport } = testInfo.project.use;
  const context = await playwright.chromium.launchPersistentContext(profile, {
    ...launchOptions,
    viewport,
    baseURL,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  await controlledByServiceWorker(page);
  const cdp = await context.newCDPSession(page);
  await expect
    .poll(async () => {
      const { installabilityErrors } = await cdp.send("Page.getInstallabilityErrors");
      return installabilityErrors;
    })
    .toEqual([]);
  await context.close();
  fs.rmSync(profile, { recursive: true, force: true });
});

test("offline, a page visit shows the offline page", { tag: "@hydrate" }, async ({ page, context }) => {
  await controlledByServiceWorker(page);
  await context.setOffline(true);
  await page.goto("/program");
  await expect(page.getByRole("heading", { name: "You are offline" })).toBeVisible();
  await expect(page).toHaveTitle("You are offline · Trellis");
  await context.setOffline(false);
  await page.getByRole("link", { name: "Try again" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Sell together, without the busywork." })).toBeVisible();
});

test("a lesson opened before can be read again offline; other pages show the offline page", { tag: "@hydrate" }, async ({ page, context }) => {
  await signIn(page, PEOPLE.partnerUser);
  await controlledByServiceWorker(page);
  const course = demoId("course", "selling");
  await page.goto(`/learn/${course}/lessons/1`);
  const title = await page.getByRole("heading", { level: 1 }).textContent();
  await expect
    .poll(() => page.evaluate(async () => (await (await caches.open("trellis-lessons")).keys()).length))
    .toBe(1);
  await context.setOffline(true);
  await page.goto("/home");
  await page.goto(`/learn/${course}/lessons/1`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title!);
  await page.goto(`/learn/${course}/lessons/2`);
  await expect(page.getByRole("heading", { name: "You are offline" })).toBeVisible();
  await context.setOffline(false);
  // Signing out empties the kept lessons.
  await page.goto("/home");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect
    .poll(() => page.evaluate(async () => (await caches.keys()).includes("trellis-lessons")))
    .toBe(false);
});

test("the service worker caches static assets only, never pages or API answers", { tag: "@hydrate" }, async ({ page }) => {
  await controlledByServiceWorker(page);
  await page.goto("/program");
  await expect(page.getByRole("heading", { name: "Tiers and benefits" })).toBeVisible();
  const cached = await page.evaluate(async () => {
    const urls: string[] = [];
    for (const key of await caches.keys()) {
      const cache = await caches.open(key);
      for (const request of await cache.keys()) urls.push(new URL(request.url).pathname);
    }
    return urls;
  });
  expect(cached).toContain("/offline.html");
  expect(cached.some((u) => /^\/pkg\/trellis\.[\w-]+\.wasm$/.test(u))).toBe(true);
  expect(cached.some((u) => /^\/pkg\/trellis\.[\w-]+\.js$/.test(u))).toBe(true);
  for (const url of cached) {
    expect(url).not.toBe("/");
    expect(url).not.toBe("/program");
    expect(url.startsWith("/api/")).toBe(false);
  }
});
