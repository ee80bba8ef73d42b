import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "@playwright/test";
import { Webhook } from "standardwebhooks";
import { PEOPLE, signIn } from "./support/demo";

// A webhook receiver started by the test: it keeps what arrives, and the
// test verifies each signature with the Standard Webhooks reference
// library (not with anything of Trellis's).
type Arrival = { path: string; headers: IncomingHttpHeaders; body: string };

let server: Server;
let base: string;
const arrivals: Arrival[] = [];

test.beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      arrivals.push({ path: req.url ?? "", headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

test.afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

test("a partner admin connects its CRM and gets a correctly signed delivery for a new lead", async ({ page, browser }, info) => {
  const unique = `${info.project.name}-${Date.now()}`;
  const hook = `/crm/${unique}`;
  await signIn(page, PEOPLE.partnerAdmin);
  await page.goto("/webhooks");
  await expect(page.getByRole("heading", { level: 1, name: "Webhooks" })).toBeVisible();
  await page.getByLabel("Address (https)").fill(`${base}${hook}`);
  await page.getByRole("button", { name: "Add the endpoint" }).click();
  const endpoint = page.getByRole("listitem").filter({ hasText: `${base}${hook}` });
  await expect(endpoint).toContainText("Active");
  await endpoint.getByText("Show the signing secret").click();
  const secret = (await endpoint.locator("details code").innerText()).trim();
  expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);

  // Someone asks to be contacted on Northwind's landing page.
  const email = `dee-${unique}@orbit.example`;
  const visitor = await browser.newContext({ javaScriptEnabled: false });
  const landing = await visitor.newPage();
  await landing.goto("/c/northwind/cloud-migration-assessment");
  await landing.getByLabel("Your name").fill(`Dee ${unique}`);
  await landing.getByLabel("Work email").fill(email);
  await landing.getByLabel("Company").fill(`Orbit ${unique}`);
  await landing.getByLabel("I agree that Northwind Solutions may contact me about this offer.").check();
  await landing.getByRole("button", { name: "Send" }).click();
  await expect(landing.getByRole("status")).toContainText("Thank you.");
  await visitor.close();

  // The background sender posts it within seconds.
  // (The endpoint listens to every event: a social post of a campaign
  // another test launched may arrive too; the lead arrives once.)
  const leads = () => arrivals.filter((a) => a.path === hook && JSON.parse(a.body).type === "lead.created");
  await expect.poll(() => leads().length, { timeout: 20_000 }).toBe(1);
  const arrival = leads()[0];
  const headers = {
    "webhook-id": String(arrival.headers["webhook-id"]),
    "webhook-timestamp": String(arrival.headers["webhook-timestamp"]),
    "webhook-signature": String(arrival.headers["webhook-signature"]),
  };
  const payload = new Webhook(secret).verify(arrival.body, headers) as {
    type: string;
    data: { status: string; contact: { email: string; name: string }; partner: { name: string } };
  };
  expect(payload.type).toBe("lead.created");
  expect(payload.data.contact.email).toBe(email);
  expect(payload.data.partner.name).toBe("Northwind Solutions");
  expect(payload.data.status).toBe("new");
  // A changed body or another key does not verify.
  expect(() => new Webhook(secret).verify(arrival.body.replace(email, `x${email}`), headers)).toThrow();
  expect(() => new Webhook("whsec_" + Buffer.from("another key").toString("base64")).verify(arrival.body, headers)).toThrow();

  // The log shows it delivered, with the message id the receiver got.
  await page.goto("/webhooks");
  const row = page.getByRole("row").filter({ hasText: `${base}${hook}` }).filter({ hasText: "lead.created" });
  await expect(row).toContainText("Delivered");
  await row.getByText("Message and attempts").click();
  await expect(row).toContainText(headers["webhook-id"]);
  await expect(row).toContainText(email);
});

test("the vendor's log never shows the person in a partner's lead", async ({ page }) => {
  await signIn(page, PEOPLE.programAdmin);
  await page.goto("/webhooks");
  await expect(page.getByRole("heading", { level: 1, name: "Webhooks" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Endpoints" }).getByText("https://crm.acmecloud.example/hooks/trellis")).toBeVisible();
  const log = page.getByRole("region", { name: "Delivery log" });
  // It does hear of the partners' leads: where each stands, and whose.
  await expect(log).toContainText("lead.created");
  await expect(log).toContainText("Northwind Solutions");
  await expect(log).toContainText("Bluepeak Managed Services");
  // The demo leads' people (Northwind's and Bluepeak's) are not in it.
  for (const person of ["jo.park@fernway.example", "Noah Berg", "Fjord Logistics"]) {
    await expect(log).not.toContainText(person);
  }
  // Northwind's own endpoint is Northwind's alone.
  await expect(page.getByText("hooks.northwind.example")).toHaveCount(0);
});
