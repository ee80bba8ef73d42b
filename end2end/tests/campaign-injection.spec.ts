import { type APIRequestContext, type BrowserContext, expect, type Locator, type Page, test } from "@playwright/test";
import { type Finding, injected, signIn, watchFetches } from "./support/attack";
import { demoId, PEOPLE } from "./support/demo";
import { htmlOfEmail } from "./support/mail";

// Campaign content is written by one party (a vendor marketer), reworded by
// another (a partner), filled with a third's details (the partner's profile)
// and read by the public. A corpus of over 200 payloads goes through every
// kind of template field (subject, page title, heading, text, image address
// and description, button label and link, quote and its author, both
// columns, social posts), the template's name and summary, the partner's
// rewording and profile, and each round is drawn in Chromium wherever it
// shows: the editor's live preview (email, page, posts), the partner's
// launch preview (email, page), the public landing page and, at the end,
// the email as the SMTP server received it. Nothing may become markup, run,
// load or navigate. Runs in the attack project (its own server and
// database), as it rewrites Northwind's profile.

const VECTORS = [
  `<script>window.__pwned="N"</script>`,
  `<img src="/pwn-N.png" data-pwn="N" onerror="window.__pwned='N'">`,
  `<svg data-pwn="N" onload="window.__pwned='N'"><circle r="9"/></svg>`,
  `"><img src=/pwn-N.png data-pwn=N>`,
  `'><b data-pwn='N'>quoted</b>`,
  `</textarea><b data-pwn="N">area closed</b>`,
  `</title><b data-pwn="N">title closed</b>`,
  `</style><b data-pwn="N">style closed</b>`,
  `</script><b data-pwn="N">script closed</b>`,
  `<iframe src="/pwn-N" data-pwn="N"></iframe>`,
  `<a href="javascript:window.__pwned='N'" data-pwn="N">pwn-N link</a>`,
  `<body onload="window.__pwned='N'" data-pwn="N">`,
  `<details open ontoggle="window.__pwned='N'" data-pwn="N">`,
  `<input autofocus onfocus="window.__pwned='N'" data-pwn="N">`,
  `<math><mtext><table><mglyph><style><img src="/pwn-N.png" data-pwn="N">`,
  `<!--<b data-pwn="N">--><![CDATA[<b data-pwn="N">]]>`,
  `&lt;b data-pwn="N"&gt;entities&lt;/b&gt; &#60;i data-pwn="N"&#62;`,
  `<object data="/pwn-N" data-pwn="N"></object><embed src="/pwn-N" data-pwn="N">`,
  `<link rel="stylesheet" href="/pwn-N.css" data-pwn="N">`,
  `<meta http-equiv="refresh" content="0;url=/pwn-N" data-pwn="N">`,
  `<base href="/pwn-N/" data-pwn="N">`,
  `<form action="/pwn-N" data-pwn="N"><button>go</button></form>`,
  `<video src="/pwn-N.mp4" data-pwn="N" onerror="window.__pwned='N'"></video>`,
  `<style>@import "/pwn-N.css";</style><b data-pwn="N">import</b>`,
  `javascript:window.__pwned='N'//pwn-N`,
  `data:text/html,<b data-pwn="N">data</b>`,
  `<div style="background:url(/pwn-N.png)" data-pwn="N">styled</div>`,
];

/** How a vector sits among other text (placeholders included). */
const WRAPS = [
  (v: string) => v,
  (v: string) => `Before ${v} after`,
  (v: string) => `"${v}`,
  (v: string) => `'${v}`,
  (v: string) => `${v} {partner.name}`,
  (v: string) => `{partner.contact}: ${v}`,
  (v: string) => `${v}\n\nA second paragraph`,
  (v: string) => `https://example.com/?q=${v}`,
];

const CORPUS = VECTORS.flatMap((v) => WRAPS.map((w) => w(v)));

let serial = 0;
const used = new Set<string>();

/**
 * Payloads for one kind of field, continuing where the last round left
 * off, so over the rounds every kind with enough fields meets the whole
 * corpus. Each payload is tagged with a unique id.
 */
const pointers = new Map<string, number>();
function take(kind: string): string {
  const at = pointers.get(kind) ?? 0;
  pointers.set(kind, at + 1);
  const id = `pwn${++serial}x`;
  used.add(id);
  return CORPUS[at % CORPUS.length].replaceAll("N", id);
}

type Block = Record<string, unknown>;

/** A template filled with payloads; `publishable` keeps addresses valid. */
function content(publishable: boolean) {
  const src = () => (publishable ? "{partner.logo}" : take("image.src"));
  const href = () => (publishable ? "{link}" : take("button.href"));
  const blocks = (): { block: Block; editable: boolean }[] => {
    const out: { block: Block; editable: boolean }[] = [];
    for (let i = 0; i < 6; i++) {
      out.push({ block: { kind: "heading", text: take("heading") }, editable: true });
      out.push({ block: { kind: "text", text: take("text") }, editable: true });
      out.push({ block: { kind: "image", src: src(), alt: take("image.alt") }, editable: false });
      out.push({ block: { kind: "button", label: take("button.label"), href: href() }, editable: true });
      out.push({ block: { kind: "quote", text: take("quote.text"), by: take("quote.by") }, editable: true });
      out.push({
        block: {
          kind: "columns",
          left: [
            { kind: "text", text: take("text") },
            { kind: "image", src: src(), alt: take("image.alt") },
          ],
          right: [
            { kind: "heading", text: take("heading") },
            { kind: "quote", text: take("quote.text"), by: take("quote.by") },
            { kind: "button", label: take("button.label"), href: href() },
          ],
        },
        editable: false,
      });
    }
    return out;
  };
  const social = [];
  for (let i = 0; i < 10; i++) social.push({ network: i % 2 === 0 ? "LinkedIn" : "X", text: take("social") });
  return { subject: take("subject"), email: blocks(), title: take("title"), page: blocks(), social };
}

const ROUNDS = 9;

async function call(request: APIRequestContext, path: string, form: Record<string, string>) {
  return request.post(path, { form, headers: { Accept: "application/json" }, maxRedirects: 0 });
}

async function ok(request: APIRequestContext, path: string, form: Record<string, string>) {
  const res = await call(request, path, form);
  expect(res.status(), `${path}: ${await res.text()}`).toBeLessThan(400);
  return res;
}

/** Looks at `page` as the browser built it, and at each frame's document. */
async function look(page: Page, where: string, findings: Finding[], shown: Set<string>) {
  await page.waitForTimeout(100);
  for (const what of await injected(page)) findings.push({ page: where, what });
  const html = await page.content();
  for (const frame of page.frames()) {
    if (frame === page.mainFrame()) continue;
    const inside = await frame.evaluate(() => ({
      elements: document.querySelectorAll("[data-pwn]").length,
      ran: (window as unknown as { __pwned?: string }).__pwned ?? null,
    }));
    if (inside.elements > 0) findings.push({ page: where, what: `${inside.elements} data-pwn elements in a frame` });
    if (inside.ran !== null) findings.push({ page: where, what: `script ran in a frame: ${inside.ran}` });
  }
  for (const id of used) if (html.includes(id)) shown.add(id);
}

/** Clicks `control` until the island, once awake, marks it chosen. */
async function choose(control: Locator, state: "aria-selected" | "aria-pressed") {
  await expect(async () => {
    await control.click();
    await expect(control).toHaveAttribute(state, "true", { timeout: 1_000 });
  }).toPass();
}

async function profile(request: APIRequestContext, fields: Record<string, string>) {
  return call(request, "/api/update_organisation", {
    id: demoId("org", "northwind"),
    website: "northwind.example",
    description: "Cloud partner",
    contact_name: "Ava Thompson",
    contact_email: "ava.thompson@northwind.example",
    contact_phone: "+1 555 0100",
    brand_colour: "#0f766e",
    ...fields,
  });
}

test("over 200 payloads through every template, rewording and profile field: nothing runs in the editor, the preview, the landing page or the email", async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(480_000);
  const findings: Finding[] = [];
  const shown = new Set<string>();
  const vendor: BrowserContext = await signIn(browser, baseURL!, PEOPLE.programAdmin, true);
  const partner: BrowserContext = await signIn(browser, baseURL!, PEOPLE.partnerAdmin, true);
  const dialogs: string[] = [];
  for (const context of [vendor, partner]) {
    watchFetches(context, "campaign sweep", findings);
    context.on("page", (p) => p.on("dialog", (d) => dialogs.push(d.message())));
  }
  const editor = await vendor.newPage();
  const launchPage = await partner.newPage();

  const created = await ok(vendor.request, "/api/campaigns_template_new", { name: "Sweep", language: "en" });
  const template = (created.headers()["location"] ?? "").match(/templates\/([0-9a-f-]{36})\/edit/)?.[1];
  expect(template, "the new template's address").toBeTruthy();
  const save = (c: object, name: string, summary: string) =>
    call(vendor.request, "/api/campaigns_template_save", {
      id: template!,
      "template[name]": name,
      "template[summary]": summary,
      "template[language]": "en",
      "template[content]": JSON.stringify(c),
    });

  let campaign = "";
  let refusedProfile = 0;
  for (let round = 0; round < ROUNDS; round++) {
    const name = take("name").slice(0, 200);
    const summary = take("summary");
    // The partner's details, which fill the placeholders: free text is
    // kept; addresses, phone and colour refuse a payload and keep what was.
    const contact = take("contact");
    expect((await profile(partner.request, { contact_name: contact })).status()).toBeLessThan(400);
    for (const field of ["website", "contact_email", "contact_phone", "brand_colour"]) {
      const res = await profile(partner.request, { contact_name: contact, [field]: take(`profile.${field}`) });
      expect(res.status(), `${field} with a payload`).toBeGreaterThanOrEqual(400);
      expect(res.status(), `${field} with a payload`).toBeLessThan(500);
      refusedProfile++;
    }

    // The draft, addresses included, in the editor's preview.
    const res = await save(content(false), name, summary);
    expect(res.status(), await res.text()).toBeLessThan(400);
    await editor.goto(`/campaigns/templates/${template}/edit`);
    await expect(editor.getByTestId("campaign-preview")).toBeVisible();
    await look(editor, `editor email, round ${round}`, findings, shown);
    await choose(editor.getByRole("tab", { name: "Landing page" }), "aria-selected");
    await look(editor, `editor page, round ${round}`, findings, shown);
    await choose(editor.getByRole("tab", { name: "Social posts" }), "aria-selected");
    await expect(editor.getByTestId("social-preview")).toBeVisible();
    await look(editor, `editor posts, round ${round}`, findings, shown);

    // Published with working addresses: the partner's preview, its own
    // wording, the public page.
    const published = content(true);
    expect((await save(published, name, summary)).status()).toBeLessThan(400);
    await ok(vendor.request, "/api/campaigns_template_publish", { id: template! });
    await launchPage.goto(`/campaigns/templates/${template}`);
    await expect(launchPage.getByTestId("campaign-preview")).toBeVisible();
    await look(launchPage, `launch preview email, round ${round}`, findings, shown);
    await choose(launchPage.getByRole("button", { name: "Landing page", exact: true }), "aria-pressed");
    await look(launchPage, `launch preview page, round ${round}`, findings, shown);
    const editable = [...published.email, ...published.page].filter((s) => s.editable).length;
    const wording: Record<string, string> = { id: template! };
    for (let k = 0; k < editable; k++) wording[`wording[${k}]`] = take("wording");
    const launched = await ok(partner.request, "/api/campaigns_launch", wording);
    campaign = (launched.headers()["location"] ?? "").match(/campaigns\/([0-9a-f-]{36})/)?.[1] ?? "";
    expect(campaign, "the launched campaign's address").toBeTruthy();
    const view = await (await ok(partner.request, "/api/campaigns_get", { id: campaign })).json();
    const landing = await partner.newPage();
    await landing.goto(view.card.landing_path);
    await look(landing, `landing page, round ${round}`, findings, shown);
    await landing.close();
  }

  // The catalogue and the last campaign, as the vendor and the partner see them.
  await editor.goto("/campaigns");
  await look(editor, "vendor catalogue", findings, shown);
  await launchPage.goto(`/campaigns/${campaign}`);
  await look(launchPage, "partner campaign", findings, shown);

  // The last campaign's email, sent through the SMTP server and drawn as
  // a mail client would (with scripts allowed, to prove none is there).
  const to = `sweep-${Date.now()}@x.example`;
  await launchPage.goto(`/campaigns/${campaign}/send`);
  await launchPage.getByLabel("CSV file").setInputFiles({
    name: "people.csv",
    mimeType: "text/csv",
    buffer: Buffer.from(`name,email,company,consent\nSweep,${to},X,yes\n`),
  });
  await launchPage.getByRole("button", { name: "Check the recipients" }).click();
  await launchPage.getByRole("button", { name: "Send to 1 people" }).click();
  await expect(launchPage.getByText("Queued", { exact: true })).toBeVisible();
  const html = await htmlOfEmail(to);
  const reader = await browser.newContext({ javaScriptEnabled: true });
  watchFetches(reader, "email", findings);
  const mail = await reader.newPage();
  mail.on("dialog", (d) => dialogs.push(d.message()));
  await mail.setContent(html);
  await look(mail, "sent email", findings, shown);
  await reader.close();
  await vendor.close();
  await partner.close();

  console.log(
    `campaign sweep: ${CORPUS.length} payloads, ${serial} placed over ${pointers.size} kinds of field in ${ROUNDS} rounds, ` +
      `${shown.size} seen drawn back, ${refusedProfile} profile payloads refused`,
  );
  expect(CORPUS.length).toBeGreaterThanOrEqual(200);
  // Every kind of block field met the whole corpus.
  for (const kind of ["heading", "text", "image.src", "image.alt", "button.label", "button.href", "quote.text", "quote.by"]) {
    expect(pointers.get(kind) ?? 0, kind).toBeGreaterThanOrEqual(CORPUS.length);
  }
  expect(findings).toEqual([]);
  expect(dialogs).toEqual([]);
  // The run reached what matters: payloads were drawn back as text.
  expect(shown.size).toBeGreaterThan(1000);
});
