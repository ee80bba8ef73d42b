import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import { type Cookie, expect, type Page } from "@playwright/test";

/** Every demo person's password (see README.md). */
export const DEMO_PASSWORD = "demo-password-2026";

export const PEOPLE = {
  programAdmin: "priya.raman@acmecloud.example",
  channelManager: "marcus.webb@acmecloud.example",
  partnerAdmin: "ava.thompson@northwind.example",
  partnerUser: "leo.martinez@northwind.example",
};

/** Demo vendor staff: two-step sign-in is required of them. */
export const VENDOR_STAFF = [
  "priya.raman@acmecloud.example",
  "marcus.webb@acmecloud.example",
  "sofia.lindqvist@acmecloud.example",
  "dana.okafor@acmecloud.example",
];

/** Trusted-device cookies of the vendor staff, written by devices.setup.ts. */
export const DEVICES_FILE = path.join(__dirname, "..", "..", ".auth", "devices.json");

// The demo's record ids are UUID v5 in a fixed namespace (organisations/demo.rs).
const NAMESPACE = "6f1c2a0e-95d4-4c8b-9a53-77d20b1ec4a1";

export function demoId(kind: string, slug: string): string {
  const ns = Buffer.from(NAMESPACE.replace(/-/g, ""), "hex");
  const hash = createHash("sha1").update(ns).update(`${kind}:${slug}`).digest();
  hash[6] = (hash[6] & 0x0f) | 0x50;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * Signs in through the form. Vendor staff present the device cookie the
 * setup project earned with a code, so no code is asked for here.
 */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  if (VENDOR_STAFF.includes(email)) {
    // The cookie exactly as Chromium stored it in the setup project.
    const devices: Record<string, Cookie> = JSON.parse(fs.readFileSync(DEVICES_FILE, "utf8"));
    await page.context().addCookies([devices[email]]);
  }
  await page.goto("/signin");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/home$/);
  // The address changes before the stylesheet has loaded; until it has, the
  // desktop sidebar is still on screen on a phone and a role query finds it.
  await page.waitForLoadState("load");
}

/** Chooses the portal's language for this browser context, as the switch in the header does. */
export async function useLanguage(page: Page, baseURL: string, lang: "en" | "de") {
  await page.context().addCookies([{ name: "trellis_lang", value: lang, url: baseURL }]);
}
