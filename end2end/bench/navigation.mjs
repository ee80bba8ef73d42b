// Navigation benchmark: how long from a click on a navigation link to the
// next page painted, as a partner moving around the portal would feel it.
// Chromium (Debian's), the network throttled to DevTools' "Fast 4G", a
// partner admin signed in on the demo data; each page's paint time comes
// from the Performance API (first contentful paint, or activation for a
// prerendered page). Prints p50/p95 and how pages arrived; it reports
// numbers, it does not pass or fail.
//
// Usage: node end2end/bench/navigation.mjs <base URL> [rounds]
import { chromium } from "playwright-core";

const base = process.argv[2] ?? "http://127.0.0.1:3200";
const rounds = Number(process.argv[3] ?? 10);
const FAST_4G = { offline: false, latency: 165, downloadThroughput: 1_012_500, uploadThroughput: 168_750 };
// The sidebar (desktop) or the tab bar (phone): Home, Deals, Organisation, Program.
const TOUR = ["Deals", "Organisation", "Program", "Home"];

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});

async function measure(viewport) {
  // The service worker fetches pages on its own, outside the page's
  // throttling: blocked, so every page pays the emulated network.
  const context = await browser.newContext({ baseURL: base, viewport, locale: "en-US", serviceWorkers: "block" });
  const page = await context.newPage();
  await page.goto("/signin");
  await page.fill("input[name=email]", "ava.thompson@northwind.example");
  await page.fill("input[name=password]", "demo-password-2026");
  await page.locator("main").getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/signin"), { waitUntil: "commit" });
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", FAST_4G);
  const samples = [];
  const arrivals = {};
  for (let round = 0; round < rounds; round++) {
    for (const label of TOUR) {
      // Give the page a moment, as a person would before the next click.
      await page.waitForTimeout(300);
      await page.evaluate(() => addEventListener("click", () =>
        sessionStorage.setItem("clickAt", String(performance.timeOrigin + performance.now())),
      { capture: true, once: true }));
      const link = page.getByRole("navigation").getByRole("link", { name: label, exact: true }).first();
      await link.click();
      await page.waitForFunction(() => performance.getEntriesByName("first-contentful-paint").length > 0
        || (performance.getEntriesByType("navigation")[0]?.activationStart ?? 0) > 0);
      const sample = await page.evaluate(() => {
        const nav = performance.getEntriesByType("navigation")[0];
        const fcp = performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? 0;
        const shown = performance.timeOrigin + Math.max(fcp, nav.activationStart ?? 0);
        const arrival = (nav.activationStart ?? 0) > 0 ? "prerendered" : (nav.deliveryType || "network");
        return { ms: shown - Number(sessionStorage.getItem("clickAt")), arrival };
      });
      samples.push(sample.ms);
      arrivals[sample.arrival] = (arrivals[sample.arrival] ?? 0) + 1;
    }
  }
  await context.close();
  return { samples, arrivals };
}

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

for (const [name, viewport] of [["desktop", { width: 1280, height: 800 }], ["phone", { width: 412, height: 915 }]]) {
  const { samples, arrivals } = await measure(viewport);
  const sorted = [...samples].sort((a, b) => a - b);
  console.log(`${name.padEnd(8)} click → next page painted, Fast 4G, ${samples.length} navigations: ` +
    `p50 ${percentile(sorted, 50).toFixed(0)} ms, p95 ${percentile(sorted, 95).toFixed(0)} ms, ` +
    `max ${sorted.at(-1).toFixed(0)} ms; arrived: ${JSON.stringify(arrivals)}`);
}
await browser.close();
