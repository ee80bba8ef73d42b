import { expect, test } from "@playwright/test";
import { answer } from "./support/courses";
import { signIn } from "./support/demo";

// Each project learns as a different partner person (they run side by side).
const LEARNER: Record<string, string> = {
  desktop: "emma.roy@quantix.example",
  phone: "yui.tanaka@sakura-cloud.example",
  "no-js": "oliver.grant@bluepeak.example",
};

const COURSE = "Deal registration and the rules of engagement";

test("a partner rep reads a course, fails its quiz, retakes it and passes", async ({ page }, testInfo) => {
  await signIn(page, LEARNER[testInfo.project.name]);
  await page.goto("/learn");
  await page.getByRole("list", { name: "Courses", exact: true }).getByRole("link", { name: COURSE }).click();
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
  await answer(page, "registration", false);
  await expect(page.getByRole("status")).toContainText("Not passed");
  await expect(page.getByText("You scored 0 %; 75 % passes.")).toBeVisible();
  await expect(page.getByRole("list", { name: "Your answers" }).getByText("Wrong")).toHaveCount(4);

  // The retake draws again; all right this time.
  await page.getByRole("link", { name: "Try again" }).click();
  await expect(page.getByText(/Attempt 2 of 3/)).toBeVisible();
  await answer(page, "registration", true);
  await expect(page.getByRole("status")).toContainText("Passed");
  await expect(page.getByText("You scored 100 %; 75 % passes.")).toBeVisible();
  await page.getByRole("link", { name: "Back to the course" }).click();
  await expect(page.getByRole("region", { name: "Quiz" })).toContainText("Passed");
  await expect(page.getByRole("region", { name: "Quiz" })).toContainText("Attempts used: 2 of 3.");
});
