import { defineConfig, devices } from "@playwright/test";
import * as os from "node:os";
import * as path from "node:path";

// The release build is served on its own port with a fresh SQLite database
// and the demo data, so a portal running on :3000 is left alone.
const port = Number(process.env.TRELLIS_E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${port}`;
const database = path.join(os.tmpdir(), `trellis-e2e-${process.pid}-${Date.now()}.db`);
// The injection run submits every form it finds, so it gets a server and a
// database of its own.
const attackPort = port + 1;
const attackURL = `http://127.0.0.1:${attackPort}`;
const attackDatabase = path.join(os.tmpdir(), `trellis-e2e-attack-${process.pid}-${Date.now()}.db`);
const attackSpec = /injection\.spec\.ts/; // injection.spec.ts, campaign-injection.spec.ts

// Debian's Chromium; never `playwright install`. The flags keep it off the
// network this machine does not have.
const launchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
};

export default defineConfig({
  testDir: "./tests",
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 2,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["json", { outputFile: "results.json" }]],
  // English unless a spec asks for German (the portal follows Accept-Language).
  use: { baseURL, locale: "en-US", trace: "retain-on-failure" },
  projects: [
    {
      // Earns trusted-device cookies for the demo vendor staff (see the file).
      name: "setup",
      testMatch: /.*\.setup\.ts/,
      use: { ...devices["Desktop Chrome"], launchOptions },
    },
    {
      name: "desktop",
      dependencies: ["setup"],
      testIgnore: attackSpec,
      use: { ...devices["Desktop Chrome"], launchOptions },
    },
    {
      name: "phone",
      dependencies: ["setup"],
      testIgnore: attackSpec,
      use: { ...devices["Pixel 7"], launchOptions },
    },
    {
      name: "attack",
      testMatch: attackSpec,
      use: { ...devices["Desktop Chrome"], baseURL: attackURL, launchOptions },
    },
    {
      // Every page must work before (and without) the wasm: the same
      // specs again with JavaScript off, except those tagged @hydrate.
      name: "no-js",
      dependencies: ["setup"],
      grepInvert: /@hydrate/,
      testIgnore: attackSpec,
      use: { ...devices["Desktop Chrome"], javaScriptEnabled: false, launchOptions },
    },
  ],
  webServer: [
    {
      command: "./target/release/trellis --demo",
      cwd: "..",
      url: `${baseURL}/healthz`,
      reuseExistingServer: false,
      timeout: 120_000,
      env: {
        DATABASE_URL: `sqlite://${database}`,
        // scripts/test runs a real SMTP server; its maildir is read by the specs.
        TRELLIS_SMTP_URL: process.env.TRELLIS_TEST_SMTP ? `smtp://${process.env.TRELLIS_TEST_SMTP}` : "",
        LEPTOS_SITE_ADDR: `127.0.0.1:${port}`,
        // The webhook spec's receiver listens on loopback.
        TRELLIS_WEBHOOKS_LOOPBACK: "1",
        RUST_LOG: "warn",
      },
    },
    {
      command: "./target/release/trellis --demo",
      cwd: "..",
      url: `${attackURL}/healthz`,
      reuseExistingServer: false,
      timeout: 120_000,
      env: {
        DATABASE_URL: `sqlite://${attackDatabase}`,
        // The campaign sweep reads the email it sends as it was sent.
        TRELLIS_SMTP_URL: process.env.TRELLIS_TEST_SMTP ? `smtp://${process.env.TRELLIS_TEST_SMTP}` : "",
        LEPTOS_SITE_ADDR: `127.0.0.1:${attackPort}`,
        RUST_LOG: "warn",
      },
    },
  ],
});
