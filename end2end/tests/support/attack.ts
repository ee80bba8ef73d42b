import { type Browser, type BrowserContext, type Cookie, expect, type Page } from "@playwright/test";
import { DEMO_PASSWORD, VENDOR_STAFF } from "./demo";
import { DEMO_TOTP_SECRET, totp } from "./totp";

// What the attack specs share: signing in on their own server (vendor
// staff with a code, once per person), and the checks that no payload
// became markup, ran, loaded or navigated.

/** Where a payload was found to have done something. */
export type Finding = { page: string; what: string };

/** Vendor staff's trusted-device cookies, earned once per person with a code. */
const devices = new Map<string, Cookie>();

export async function signIn(browser: Browser, baseURL: string, email: string, javaScript: boolean): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL, javaScriptEnabled: javaScript });
  const device = devices.get(email);
  if (device) await context.addCookies([device]);
  const page = await context.newPage();
  await page.goto("/signin");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  if (VENDOR_STAFF.includes(email) && !device) {
    await expect(page).toHaveURL(/\/signin\/verify$/);
    await page.getByLabel("Code", { exact: true }).fill(totp(DEMO_TOTP_SECRET));
    await page.getByLabel("Do not ask for a code on this device for 30 days").check();
    await page.getByRole("button", { name: "Verify" }).click();
    const cookie = (await context.cookies()).find((c) => c.name === "__Host-trellis_device");
    if (cookie) devices.set(email, cookie);
  }
  await expect(page).toHaveURL(/\/home$/);
  await page.close();
  return context;
}

/**
 * A campaign's address (`/c/<partner>/<campaign>`) is made from its
 * template's name: a payload in the name becomes letters, digits and
 * hyphens there, which is an address of the portal, not markup (the slug
 * rule is unit-tested).
 */
const CAMPAIGN_ADDRESS = "^(https?://[^/]+)?/c/[a-z0-9-]+/[a-z0-9-]+$";

/**
 * A social post's share link: a network's own share form, with the post
 * (or its link) percent-encoded as the one query value, so a payload in
 * the post is text handed to LinkedIn or X, never markup or an address of
 * its own (encoding is unit-tested in `content::Network::share_url`).
 */
const SHARE_LINK = "^https://(www\\.linkedin\\.com/sharing/share-offsite/\\?url=|twitter\\.com/intent/tweet\\?text=)[A-Za-z0-9*._+%-]*$";

/** Anything a payload points at, fetched by any page of `context`. */
export function watchFetches(context: BrowserContext, who: string, findings: Finding[]) {
  context.on("request", (request) => {
    const url = request.url();
    if (/pwn/i.test(url) && !new RegExp(CAMPAIGN_ADDRESS).test(url)) findings.push({ page: who, what: `fetched ${url}` });
  });
}

/** What no payload may have become, on the page as the browser built it. */
export async function injected(page: Page): Promise<string[]> {
  return page.evaluate(([campaignAddress, shareLink]) => {
    const found: string[] = [];
    // A frame's `srcdoc` is a document of its own (the campaign preview
    // draws an email or landing page that way): it is read as the
    // browser reads it, with the same checks, and must be sandboxed
    // without scripts.
    const inspect = (doc: Document, where: string) => {
      for (const el of doc.querySelectorAll("[data-pwn]")) found.push(`${where}element <${el.tagName.toLowerCase()} data-pwn>`);
      for (const el of doc.querySelectorAll("*")) {
        for (const attr of el.attributes) {
          if (attr.name.startsWith("on") && attr.value.includes("__pwned")) found.push(`${where}attribute ${attr.name} on <${el.tagName.toLowerCase()}>`);
          if (attr.name === "srcdoc") {
            const sandbox = el.getAttribute("sandbox");
            if (sandbox === null || sandbox.includes("allow-scripts")) found.push(`${where}srcdoc on <${el.tagName.toLowerCase()}> without a script-free sandbox`);
            inspect(new DOMParser().parseFromString(attr.value, "text/html"), `${where}in srcdoc: `);
          } else if (
            ["href", "src", "action", "formaction", "data"].includes(attr.name) &&
            /pwn|javascript:/i.test(attr.value) &&
            // A stored address written as a mail link (pwn@example.com) is
            // the address, not a payload: nothing loads or runs from it.
            !/^mailto:[^\s<>"'()]+@[^\s<>"'()]+$/.test(attr.value) &&
            !new RegExp(campaignAddress).test(attr.value) &&
            !new RegExp(shareLink).test(attr.value)
          ) {
            found.push(`${where}${attr.name}="${attr.value}" on <${el.tagName.toLowerCase()}>`);
          }
        }
      }
      for (const meta of doc.querySelectorAll("meta[http-equiv]")) found.push(`${where}meta http-equiv=${meta.getAttribute("http-equiv")}`);
    };
    inspect(document, "");
    const ran = (window as unknown as { __pwned?: string }).__pwned;
    if (ran !== undefined) found.push(`script ran: ${ran}`);
    return found;
  }, [CAMPAIGN_ADDRESS, SHARE_LINK]);
}
