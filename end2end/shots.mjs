import { chromium, devices } from "playwright-core";
import { createHmac } from "node:crypto";
const base = "http://127.0.0.1:3300";
function totp(secret, t = Date.now() / 1000) {
  const a = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"; let bits = "";
  for (const ch of secret) bits += a.indexOf(ch).toString(2).padStart(5, "0");
  const key = Buffer.from(bits.match(/.{8}/g).map((b) => parseInt(b, 2)));
  const c = Buffer.alloc(8); c.writeBigUInt64BE(BigInt(Math.floor(t / 30)));
  const m = createHmac("sha1", key).update(c).digest(); const o = m[m.length - 1] & 15;
  return String((m.readUInt32BE(o) & 0x7fffffff) % 1e6).padStart(6, "0");
}
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox"] });
async function session(device, email, code) {
  const ctx = await browser.newContext({ ...device });
  const page = await ctx.newPage();
  await page.goto(base + "/signin");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill("demo-password-2026");
  await page.getByRole("button", { name: "Sign in" }).click();
  if (code) {
    await page.waitForURL(/verify/);
    await page.screenshot({ path: `/tmp/shot-verify.png` });
    await page.getByLabel("Code", { exact: true }).fill(totp("TRELLISDEMOSECRETFORVENDORSTAFF2"));
    await page.getByRole("button", { name: "Verify" }).click();
  }
  await page.waitForURL(/home/);
  return page;
}
const desk = devices["Desktop Chrome"], phone = devices["Pixel 7"];
let p = await session(desk, "ava.thompson@northwind.example");
await p.goto(base + "/deals"); await p.screenshot({ path: "/tmp/shot-deals-desktop.png", fullPage: true });
await p.goto(base + "/deals/new");
await p.getByLabel("Customer company").pressSequentially("Stark Industries", { delay: 30 });
await p.waitForTimeout(800); await p.screenshot({ path: "/tmp/shot-new-desktop.png", fullPage: true });
await p.goto(base + "/account/two-step"); await p.screenshot({ path: "/tmp/shot-twostep.png", fullPage: true });
await p.goto(base + "/organisations/" + (await p.evaluate(() => document.querySelector('a[href^="/organisations/"]').getAttribute("href").split("/")[2])));
await p.screenshot({ path: "/tmp/shot-org.png", fullPage: true });
let m = await session(desk, "marcus.webb@acmecloud.example", true);
await m.goto(base + "/deals/review"); await m.screenshot({ path: "/tmp/shot-review.png", fullPage: true });
await m.getByRole("link").filter({ hasText: "Stark Industries, Inc." }).first().click();
await m.waitForLoadState(); await m.screenshot({ path: "/tmp/shot-deal.png", fullPage: true });
let ph = await session(phone, "leo.martinez@northwind.example");
await ph.goto(base + "/deals"); await ph.screenshot({ path: "/tmp/shot-deals-phone.png", fullPage: true });
await ph.goto(base + "/deals/new"); await ph.getByLabel("Customer company").pressSequentially("Umbrella Pharma", { delay: 30 });
await ph.waitForTimeout(800); await ph.screenshot({ path: "/tmp/shot-new-phone.png", fullPage: false });
await browser.close();
