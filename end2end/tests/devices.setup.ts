import * as fs from "node:fs";
import * as path from "node:path";
import { type Cookie, expect, test as setup } from "@playwright/test";
import { DEMO_PASSWORD, DEVICES_FILE, VENDOR_STAFF } from "./support/demo";
import { DEMO_TOTP_SECRET, totp } from "./support/totp";

// Vendor staff must give a code at sign-in, and each code works once. The
// specs run side by side and sign the same vendor people in many times, so
// each vendor person signs in here once, with a code, and asks Trellis to
// trust the device; `signIn` then presents that device cookie. The code
// step itself is tested in two-step.spec.ts.
setup("trust a device for each demo vendor person", async ({ browser, baseURL }) => {
  const devices: Record<string, Cookie> = {};
  for (const email of VENDOR_STAFF) {
    const context = await browser.newContext({ baseURL });
    const page = await context.newPage();
    await page.goto("/signin");
    await page.getByLabel("Email address").fill(email);
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/signin\/verify$/);
    await page.getByLabel("Code", { exact: true }).fill(totp(DEMO_TOTP_SECRET));
    await page.getByLabel("Do not ask for a code on this device for 30 days").check();
    await page.getByRole("button", { name: "Verify" }).click();
    await expect(page).toHaveURL(/\/home$/);
    const device = (await context.cookies()).find((c) => c.name === "__Host-trellis_device");
    expect(device?.value).toBeTruthy();
    devices[email] = device!;
    await context.close();
  }
  fs.mkdirSync(path.dirname(DEVICES_FILE), { recursive: true });
  fs.writeFileSync(DEVICES_FILE, JSON.stringify(devices));
});
