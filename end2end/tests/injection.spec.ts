import { type Browser, type BrowserContext, expect, type Page, test } from "@playwright/test";
import { type Finding, injected, signIn, watchFetches } from "./support/attack";
import { PEOPLE } from "./support/demo";

// Stored markup injection, tried the way an attacker would. Runs in its own
// project against its own server and database (playwright.config.ts), since
// it submits every form it can find, as a partner admin and as the program
// admin. Nothing here lists fields or pages by hand:
//
// 1. Crawl: every page reachable by links from /home, for each person.
// 2. Submit: every POST form with text fields gets, round by round, each
//    payload of the corpus in every text field (a different payload per
//    field each round, each tagged with a unique id); typed fields (email,
//    url, date, number) get valid values, and when the server refuses the
//    round, fields whose names say they hold a format get a plain valid
//    value and the round is sent again.
// 3. Render: every page is crawled again, with JavaScript on, by each
//    person; no payload may have become an element or an attribute, no
//    payload's script may have run, nothing a payload points at may have
//    been fetched, and no payload may have navigated anywhere.
//
// A new form, field or page joins the run by existing.

const PERSONS = [PEOPLE.partnerAdmin, PEOPLE.programAdmin];

/** The corpus: `N` becomes the payload's unique id. */
const PAYLOADS = [
  `</textarea><img src="/pwn-N.png" data-pwn="N">`,
  `</title><meta data-pwn="N" http-equiv="refresh" content="0;url=/pwn-N">`,
  `</style></script></noscript></template></xmp></iframe><b data-pwn="N">raw text closed</b>`,
  `<script data-pwn="N">window.__pwned="N"</script>`,
  `"><svg data-pwn="N" onload="window.__pwned='N'"><circle r="9"/></svg>`,
  `' autofocus onfocus='window.__pwned="N"' data-pwn='N`,
  `" onmouseover="window.__pwned='N'" data-pwn="N`,
  `javascript:window.__pwned='N'//pwn-N`,
  `<a href="javascript:window.__pwned='N'" data-pwn="N">pwn-N link</a>`,
  `&lt;b data-pwn="N"&gt;entities&lt;/b&gt; &#60;i data-pwn="N"&#62;`,
  `<!--<b data-pwn="N">--><![CDATA[<b data-pwn="N">]]>`,
  `<math><mtext><table><mglyph><style><img src="/pwn-N.png" data-pwn="N" onerror="window.__pwned='N'">`,
  `<iframe srcdoc="<b data-pwn=N>" src="/pwn-N"></iframe><object data="/pwn-N"></object>`,
];

/** Plain values for fields whose name says they hold a format. */
const FALLBACKS: [RegExp, string][] = [
  [/value|amount|hours|days|count|number/i, "1000"],
  [/domain|website|url|site/i, "example.com"],
  [/phone|tel/i, "+1 555 0100"],
  [/email/i, "pwn@example.com"],
  [/date|_on$|close/i, "2099-06-30"],
  [/code/i, "000000"],
  [/currency/i, "USD"],
  [/country/i, "Canada"],
];

const MAX_PAGES = 80;
let serial = 0;

type FormSpec = { signature: string; action: string; fields: string[] };

/** Same-origin pages linked from `page`, without queries and fragments. */
async function linksOf(page: Page): Promise<string[]> {
  const hrefs = await page.locator("a[href^='/']").evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""));
  return hrefs
    .map((h) => h.split(/[?#]/)[0])
    .filter((h) => h.length > 0 && !h.startsWith("/api/") && !/\.(png|jpe?g|webp|svg|ico|webmanifest|js|css)$/.test(h) && !h.endsWith("/logo"));
}

/** Every page reachable from /home, at most MAX_PAGES. */
async function crawl(context: BrowserContext, visit?: (page: Page, path: string) => Promise<void>): Promise<string[]> {
  const page = await context.newPage();
  const seen = new Set<string>(["/home"]);
  const queue = ["/home"];
  const pages: string[] = [];
  while (queue.length > 0 && pages.length < MAX_PAGES) {
    const path = queue.shift()!;
    const response = await page.goto(path);
    if (!response || response.status() >= 400 || !page.url().includes(path)) continue;
    pages.push(path);
    if (visit) await visit(page, path);
    for (const link of await linksOf(page)) {
      if (!seen.has(link)) {
        seen.add(link);
        queue.push(link);
      }
    }
  }
  await page.close();
  return pages;
}

/** The POST forms on the page that have text fields. */
async function formsOf(page: Page): Promise<FormSpec[]> {
  return page.locator("form").evaluateAll((forms) =>
    forms
      .filter((f) => (f.getAttribute("method") ?? "get").toLowerCase() === "post")
      .filter((f) => f.querySelector("input[type=password], input[type=file]") === null)
      .map((f) => {
        const fields = [...f.querySelectorAll("textarea, input")]
          .filter((el) => el.tagName === "TEXTAREA" || ["text", "search", "email", "url", "tel"].includes((el as HTMLInputElement).type))
          .map((el) => el.getAttribute("name") ?? "")
          .filter((n) => n.length > 0);
        const action = f.getAttribute("action") ?? "";
        return { action, fields, signature: `${action} ${fields.join(",")}` };
      })
      .filter((f) => f.fields.length > 0),
  );
}

type Outcome = "missing" | "no such button" | "accepted" | "refused";

/**
 * Fills the form with `signature` on the page, if it is there, and submits
 * it with its submit button number `button` (forms such as a decision have
 * one per choice).
 */
async function submit(page: Page, signature: string, values: Map<string, string>, button: number): Promise<Outcome> {
  const navigated = page.waitForEvent("framenavigated", { timeout: 15_000 }).catch(() => null);
  const found = await page.evaluate(
    ([wanted, entries, which]) => {
      const textual = (el: Element) =>
        el.tagName === "TEXTAREA" || ["text", "search", "email", "url", "tel"].includes((el as HTMLInputElement).type);
      const signatureOf = (f: HTMLFormElement) =>
        `${f.getAttribute("action") ?? ""} ${[...f.querySelectorAll("textarea, input")]
          .filter(textual)
          .map((el) => el.getAttribute("name") ?? "")
          .filter((n) => n.length > 0)
          .join(",")}`;
      const f = [...document.querySelectorAll("form")].find((form) => signatureOf(form) === wanted);
      if (!f) return "missing";
      const buttons = [...f.querySelectorAll("button[type=submit], button:not([type]), input[type=submit]")] as HTMLButtonElement[];
      if (which >= Math.max(buttons.length, 1)) return "no such button";
      const given = new Map(entries);
      for (const el of f.querySelectorAll("textarea, input, select")) {
        const name = el.getAttribute("name") ?? "";
        const type = (el.getAttribute("type") ?? "text").toLowerCase();
        if (el.tagName === "SELECT") {
          const select = el as HTMLSelectElement;
          const option = [...select.options].find((o) => o.value !== "");
          if (select.value === "" && option) select.value = option.value;
        } else if (given.has(name)) {
          (el as HTMLInputElement).value = given.get(name)!;
        } else if (type === "date") {
          (el as HTMLInputElement).value ||= "2099-06-30";
        } else if (type === "number") {
          (el as HTMLInputElement).value ||= "1000";
        }
        // Length limits in the page are the browser's; the server's are tried too.
        el.removeAttribute("maxlength");
        el.removeAttribute("pattern");
        el.removeAttribute("required");
      }
      f.setAttribute("novalidate", "");
      f.requestSubmit(buttons[which] ?? null);
      return "submitted";
    },
    [signature, [...values.entries()], button] as [string, [string, string][], number],
  );
  if (found !== "submitted") return found;
  expect(await navigated, `submitting ${signature}`).not.toBeNull();
  await page.waitForLoadState("load");
  return page.url().includes("__err=") ? "refused" : "accepted";
}

function fallbackFor(name: string): string | undefined {
  return FALLBACKS.find(([pattern]) => pattern.test(name))?.[1];
}

type Submitted = { id: string; field: string; accepted: boolean };

/** Phase 2: the whole corpus through every form `email` can reach. */
async function attack(browser: Browser, baseURL: string, email: string, submitted: Submitted[], findings: Finding[]) {
  const context = await signIn(browser, baseURL, email, false);
  // A field that keeps one value (a profile, the rules) shows only the last
  // payload at the end, so each accepted round is looked at where it
  // landed, with JavaScript on, before the next one replaces it.
  const viewer = await signIn(browser, baseURL, email, true);
  const look = await viewer.newPage();
  watchFetches(viewer, email, findings);
  const where = new Map<string, { spec: FormSpec; pages: string[] }>();
  await crawl(context, async (page, path) => {
    for (const spec of await formsOf(page)) {
      const known = where.get(spec.signature) ?? { spec, pages: [] };
      known.pages.push(path);
      where.set(spec.signature, known);
    }
  });
  console.log(`${email}: ${where.size} forms with text fields`);
  const page = await context.newPage();
  for (const { spec, pages } of where.values()) {
    const started = Date.now();
    for (let round = 0; round < PAYLOADS.length; round++) {
      const values = new Map<string, string>();
      const ids: [string, string][] = [];
      spec.fields.forEach((field, j) => {
        const id = `pwn${++serial}x`;
        values.set(field, PAYLOADS[(round + j) % PAYLOADS.length].replaceAll("N", id));
        ids.push([field, id]);
      });
      let outcome: Outcome = "missing";
      // A page whose form is gone (a deal decided in an earlier round), or
      // whose record refuses it (a deal in conflict), gives way to the next;
      // a refused round is tried with each submit button, then again with
      // plain values in the fields whose names say they hold a format.
      let tried = 0;
      pages: for (const path of pages) {
        if (tried === 2) break;
        let here = false;
        for (const plain of [false, true]) {
          if (plain) {
            for (const field of spec.fields) {
              const value = fallbackFor(field.replace(/^.*\[|\]$/g, ""));
              if (value) values.set(field, value);
            }
          }
          for (let button = 0; button < 3; button++) {
            await page.goto(path);
            const result = await submit(page, spec.signature, values, button);
            if (result === "missing") continue pages;
            if (result === "no such button") break;
            here = true;
            outcome = result;
            if (result === "accepted") break pages;
          }
        }
        if (here) tried++;
      }
      const accepted = outcome === "accepted";
      if (accepted) {
        const landed = new URL(page.url()).pathname;
        for (const what of await injected(page)) findings.push({ page: `${landed} (no JavaScript)`, what });
        await look.goto(landed);
        await look.waitForTimeout(100);
        for (const what of await injected(look)) findings.push({ page: landed, what });
      }
      for (const [field, id] of ids) {
        submitted.push({ id, field: `${spec.action} ${field}`, accepted: accepted && values.get(field)!.includes(id) });
      }
    }
    console.log(`  ${spec.signature} on ${pages.length} page(s): ${Date.now() - started} ms`);
  }
  await context.close();
  await viewer.close();
}

test("no stored payload becomes markup or runs, on any page, for anyone", async ({ browser, baseURL }) => {
  test.setTimeout(900_000);
  const submitted: Submitted[] = [];
  const findings: Finding[] = [];
  for (const email of PERSONS) await attack(browser, baseURL!, email, submitted, findings);

  const shown = new Set<string>();
  const pagesSeen = new Set<string>();
  let renders = 0;
  for (const email of [...PERSONS, PEOPLE.channelManager, PEOPLE.partnerUser]) {
    const context = await signIn(browser, baseURL!, email, true);
    watchFetches(context, email, findings);
    await crawl(context, async (page, path) => {
      // Give islands, a refresh and lazy images their moment.
      await page.waitForTimeout(150);
      renders++;
      pagesSeen.add(path);
      if (!page.url().includes(path)) findings.push({ page: path, what: `navigated to ${page.url()}` });
      for (const what of await injected(page)) findings.push({ page: path, what });
      const text = await page.locator("body").innerText();
      const html = await page.content();
      for (const { id } of submitted) {
        if (text.includes(id) || html.includes(id)) shown.add(id);
      }
    });
    await context.close();
  }

  const fields = new Map<string, { sent: number; accepted: number; shown: number }>();
  for (const s of submitted) {
    const f = fields.get(s.field) ?? { sent: 0, accepted: 0, shown: 0 };
    f.sent++;
    if (s.accepted) f.accepted++;
    if (shown.has(s.id)) f.shown++;
    fields.set(s.field, f);
  }
  console.log(
    `injection corpus: ${PAYLOADS.length} payloads, ${submitted.length} field submissions over ${fields.size} fields, ` +
      `${renders} page renders over ${pagesSeen.size} pages; stored and shown: ${[...fields].filter(([, f]) => f.shown > 0).length} fields`,
  );
  for (const [field, f] of fields) console.log(`  ${field}: sent ${f.sent}, accepted ${f.accepted}, shown ${f.shown}`);

  expect(findings).toEqual([]);
  // The run reached what matters: stored text shown back, in many fields,
  // including the two text areas that were once exploitable.
  const shownFields = [...fields].filter(([, f]) => f.shown > 0).map(([name]) => name);
  expect(shownFields.length).toBeGreaterThanOrEqual(10);
  expect(shownFields.some((f) => f.endsWith(" description"))).toBe(true);
  expect(shownFields.some((f) => f.endsWith(" text"))).toBe(true);
});
