import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { PEOPLE, demoId, signIn, useLanguage } from "./support/demo";

const pages = [
  "/",
  "/program",
  "/signin",
  "/apply",
  "/no-such-page",
  `/verify/${demoId("certificate", "northwind-mia:technical")}`,
  `/verify/${demoId("certificate", "bluepeak-amelia:managed")}`,
];
// Each signed-in page, with who looks at it.
const signedInPages: Record<string, string> = {
  "/home": PEOPLE.partnerAdmin,
  [`/organisations/${demoId("org", "northwind")}`]: PEOPLE.partnerAdmin,
  [`/organisations/${demoId("org", "northwind")}/audit`]: PEOPLE.partnerAdmin,
  "/account/sessions": PEOPLE.partnerAdmin,
  "/account/two-step": PEOPLE.partnerUser,
  "/admin/settings": PEOPLE.programAdmin,
  "/deals": PEOPLE.partnerAdmin,
  "/deals/new": PEOPLE.partnerUser,
  "/deals/review": PEOPLE.channelManager,
  "/deals/accounts": PEOPLE.channelManager,
  "/deals/rules": PEOPLE.partnerUser,
  "/notifications": PEOPLE.channelManager,
  "/applications": PEOPLE.channelManager,
  "/onboarding": PEOPLE.channelManager,
  "/agreement": "mateo.silva@andestech.example",
  "/program/tiers": PEOPLE.programAdmin,
  "/program/tracks": PEOPLE.programAdmin,
  "/learn": PEOPLE.partnerUser,
  [`/learn/${demoId("course", "migration")}`]: PEOPLE.partnerUser,
  [`/learn/${demoId("course", "migration")}/lessons/2`]: PEOPLE.partnerUser,
  [`/learn/certificates/${demoId("certificate", "northwind-mia:technical")}`]: PEOPLE.partnerAdmin,
  "/learn/team": PEOPLE.partnerAdmin,
  "/learn/program": PEOPLE.channelManager,
  "/assets?q=case&industry=healthcare": PEOPLE.partnerUser,
  [`/assets/${demoId("asset", "overview-deck")}`]: PEOPLE.partnerUser,
  [`/assets/${demoId("asset", "compute-datasheet")}`]: PEOPLE.programAdmin,
  "/assets/new": PEOPLE.programAdmin,
  "/help?q=protected": PEOPLE.partnerUser,
  "/help/faq": PEOPLE.programAdmin,
  "/learn/authoring": PEOPLE.programAdmin,
  [`/learn/${demoId("course", "security")}/edit`]: PEOPLE.programAdmin,
  "/campaigns": PEOPLE.partnerAdmin,
  [`/campaigns/templates/${demoId("template", "migration")}`]: PEOPLE.partnerAdmin,
  [`/campaigns/${demoId("campaign", "northwind-migration")}`]: PEOPLE.partnerUser,
  "/leads": PEOPLE.partnerAdmin,
  [`/campaigns/${demoId("campaign", "northwind-migration")}/send`]: PEOPLE.partnerAdmin,
  [`/campaigns/sends/${demoId("send", "northwind-migration-customers")}`]: PEOPLE.partnerAdmin,
  // The vendor's /campaigns, with the roll-up (the unused query only keeps
  // the key apart from the partner's).
  "/campaigns?as=vendor": PEOPLE.channelManager,
  "/webhooks": PEOPLE.partnerAdmin,
  "/leads?as=vendor": PEOPLE.programAdmin,
  "/webhooks?as=vendor": PEOPLE.programAdmin,
  // The template editor, on the demo's draft (and the catalogue with the
  // authoring tools and a launch waiting for review).
  [`/campaigns/templates/${demoId("template", "year-end")}/edit`]: PEOPLE.programAdmin,
  "/campaigns?as=author": PEOPLE.programAdmin,
  // Content streams for a partner and for the vendor; a campaign with
  // social posts in every state the demo has.
  "/campaigns/streams": PEOPLE.partnerAdmin,
  "/campaigns/streams?as=vendor": PEOPLE.channelManager,
  [`/campaigns/${demoId("campaign", "northwind-webinar")}`]: PEOPLE.partnerAdmin,
};

// Every page in both languages (German on the desktop in light mode: the
// layout and colours are the same, the words are longer). On the desktop
// in both schemes; on a phone, where the layout differs and the colours do
// not, each page in one scheme, every other page dark, so what only a
// phone shows (the bottom bar, the stacked filters) is seen in both.
for (const language of ["en", "de"] as const) {
  for (const scheme of ["light", "dark"] as const) {
    [...pages, ...Object.keys(signedInPages)].forEach((path, index) => {
      const name = `${path} has no accessibility violations in ${scheme} mode${language === "de" ? " in German" : ""}`;
      test(name, { tag: "@hydrate" }, async ({ page, baseURL }, testInfo) => {
        // Colours do not change with the language: German once, light, on the desktop.
        test.skip(language === "de" && (testInfo.project.name !== "desktop" || scheme === "dark"), "German: desktop, light");
        test.skip(
          language === "en" && testInfo.project.name === "phone" && scheme !== (index % 2 === 0 ? "light" : "dark"),
          "On a phone: one scheme a page, alternating",
        );
        await page.emulateMedia({ colorScheme: scheme });
        if (path in signedInPages) await signIn(page, signedInPages[path]);
        if (language === "de") await useLanguage(page, baseURL!, "de");
        await page.goto(path);
        await expect(page.locator("html")).toHaveAttribute("lang", language);
        await page.waitForLoadState("networkidle");
        // The campaign preview's frame is sandboxed without scripts: axe's
        // default run waits for every frame and never finishes, so that page
        // runs in the page alone. What the frame shows is the landing page
        // and email the shared renderer draws, checked on their own
        // (campaigns.spec.ts).
        const axe = new AxeBuilder({ page });
        if (path.startsWith("/campaigns/templates/")) axe.setLegacyMode(true).options({ iframes: false });
        const results = await axe.analyze();
        const summary = results.violations.map((v) => ({
          id: v.id,
          impact: v.impact,
          nodes: v.nodes.map((n) => n.target.join(" ")),
        }));
        expect(summary).toEqual([]);
      });
    });
  }
}
