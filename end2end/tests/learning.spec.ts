import { expect, type Page, test } from "@playwright/test";
import { signIn } from "./support/demo";

// Each project learns as a different partner person (they run side by side).
const LEARNER: Record<string, string> = {
  desktop: "emma.roy@quantix.example",
  phone: "yui.tanaka@sakura-cloud.example",
  "no-js": "oliver.grant@bluepeak.example",
};

const COURSE = "Deal registration and the rules of engagement";

// The demo course's key (learning/demo.rs), by prompt.
const RIGHT: Record<string, string[]> = {
  "What does an approved registration give you?": ["Protection of the customer"],
  "How soon do you hear about a registration?": ["Within 48 hours"],
  "Who wins when two partners register the same customer?": ["The first approved registration"],
  "What is a partner told when a customer is taken?": ["That it is taken, not by whom"],
  "What does the channel manager check?": ["The customer is real", "No other partner holds it"],
};

/** Answers every question on the page: all right, or one wrong choice each. */
async function answer(page: Page, right: boolean) {
  const questions = page.getByRole("group");
  await expect(questions).toHaveCount(4);
  for (const question of await questions.all()) {
    const legend = (await question.locator("legend").textContent()) ?? "";
    const prompt = legend.replace(/^\d+\.\s*/, "");
    const key = RIGHT[prompt];
    expect(key, prompt).toBeDefined();
    const labels = await question.locator("label").allTextContents();
    const picks = right ? key : [labels.map((l) => l.trim()).find((l) => !key.includes(l)) ?? ""];
    for (const pick of picks) await question.getByLabel(pick, { exact: true }).check();
  }
  await page.getByRole("button", { name: "Submit my answers" }).click();
}

test("a partner rep reads a course, fails its quiz, retakes it and passes", async ({ page }, testInfo) => {
  await signIn(page, LEARNER[testInfo.project.name]);
  await page.goto("/learn");
  await page.getByRole("list", { name: "Courses" }).getByRole("link", { name: COURSE }).click();
  await page.getByRole("link", { name: "Start the course" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Why register" })).toBeVisible();
  await expect(page.getByText("Lesson 1 of 3")).toBeVisible();
  await page.getByRole("link", { name: "Next lesson" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "What is checked" })).toBeVisible();

  // Back on the course, it resumes where the reading stopped.
  await page.getByRole("navigation", { name: "Breadcrumb" }).getByRole("link", { name: COURSE }).click();
  await expect(page.getByRole("progressbar", { name: "Lessons opened" })).toHaveAttribute("aria-valuenow", "2");
  await page.getByRole("link", { name: "Resume where you left" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Conflicts" })).toBeVisible();
  await page.getByRole("link", { name: "Take the quiz" }).click();

  // A first attempt, all wrong: not passed, two attempts left.
  await expect(page.getByText(/Attempt 1 of 3/)).toBeVisible();
  await answer(page, false);
  await expect(page.getByRole("status")).toContainText("Not passed");
  await expect(page.getByText("You scored 0 %; 75 % passes.")).toBeVisible();
  await expect(page.getByRole("list", { name: "Your answers" }).getByText("Wrong")).toHaveCount(4);

  // The retake draws again; all right this time.
  await page.getByRole("link", { name: "Try again" }).click();
  await expect(page.getByText(/Attempt 2 of 3/)).toBeVisible();
  await answer(page, true);
  await expect(page.getByRole("status")).toContainText("Passed");
  await expect(page.getByText("You scored 100 %; 75 % passes.")).toBeVisible();
  await page.getByRole("link", { name: "Back to the course" }).click();
  await expect(page.getByRole("region", { name: "Quiz" })).toContainText("Passed");
  await expect(page.getByRole("region", { name: "Quiz" })).toContainText("Attempts used: 2 of 3.");
});
