import { expect, type Page } from "@playwright/test";

// The demo courses' keys (app/src/learning/demo.rs), by prompt.
export const KEYS: Record<string, Record<string, string[]>> = {
  fundamentals: {
    "In how many regions does Acme Cloud run?": ["Four"],
    "Which of these does Acme Cloud offer?": ["Managed databases", "Compute"],
    "Who usually signs off on the yearly commitment?": ["Finance"],
    "What does a yearly commitment bring the customer?": ["A discount of up to 30 %"],
    "How large are most Acme Cloud customers?": ["50 to 5,000 employees"],
  },
  selling: {
    "Which event makes a customer ready to talk?": ["A hardware refresh"],
    "What does a qualified deal have?": ["A budget", "A decision maker you have met"],
    'How do you answer "the cloud is more expensive"?': ["Compare the three-year cost"],
    "What answers the fear of lock-in?": ["Databases export in open formats"],
    "Within what time should a qualified deal close?": ["Twelve months"],
  },
  registration: {
    "What does an approved registration give you?": ["Protection of the customer"],
    "How soon do you hear about a registration?": ["Within 48 hours"],
    "Who wins when two partners register the same customer?": ["The first approved registration"],
    "What is a partner told when a customer is taken?": ["That it is taken, not by whom"],
    "What does the channel manager check?": ["The customer is real", "No other partner holds it"],
  },
};

/** Answers every question of the quiz on the page (of course `course`):
 * all right, or one wrong choice each; then submits. */
export async function answer(page: Page, course: keyof typeof KEYS, right: boolean) {
  const questions = page.getByRole("group");
  await expect(questions).toHaveCount(4);
  for (const question of await questions.all()) {
    const legend = (await question.locator("legend").textContent()) ?? "";
    const prompt = legend.replace(/^\d+\.\s*/, "");
    const key = KEYS[course][prompt];
    expect(key, prompt).toBeDefined();
    const labels = await question.locator("label").allTextContents();
    const picks = right ? key : [labels.map((l) => l.trim()).find((l) => !key.includes(l)) ?? ""];
    for (const pick of picks) await question.getByLabel(pick, { exact: true }).check();
  }
  await page.getByRole("button", { name: "Submit my answers" }).click();
}
