import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";

const pages = ["/", "/program", "/signin", "/no-such-page"];

for (const scheme of ["light", "dark"] as const) {
  for (const path of pages) {
    test(`${path} has no accessibility violations in ${scheme} mode`, { tag: "@hydrate" }, async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme });
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
