import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { PEOPLE, demoId, signIn } from "./support/demo";

const pages = ["/", "/program", "/signin", "/no-such-page"];
const signedInPages = [
  "/home",
  `/organisations/${demoId("org", "northwind")}`,
  `/organisations/${demoId("org", "northwind")}/audit`,
  "/account/sessions",
];

for (const scheme of ["light", "dark"] as const) {
  for (const path of [...pages, ...signedInPages]) {
    test(`${path} has no accessibility violations in ${scheme} mode`, { tag: "@hydrate" }, async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme });
      if (signedInPages.includes(path)) await signIn(page, PEOPLE.partnerAdmin);
      await page.goto(path);
      await page.waitForLoadState("networkidle");
      const results = await new AxeBuilder({ page }).analyze();
      const summary = results.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        nodes: v.nodes.map((n) => n.target.join(" ")),
      }));
      expect(summary).toEqual([]);
    });
  }
}
