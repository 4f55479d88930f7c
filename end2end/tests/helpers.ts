import { expect, Page, TestInfo } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

/** Whether this run has JavaScript, from the project's settings. */
export function hasJs(testInfo: TestInfo): boolean {
  return testInfo.project.use.javaScriptEnabled !== false;
}

/** Opens a page; with JavaScript, waits until the app has hydrated. */
export async function open(page: Page, testInfo: TestInfo, url: string) {
  const response = await page.goto(url);
  await settle(page, testInfo);
  return response;
}

/** With JavaScript, waits until the page is hydrated and interactive. */
export async function settle(page: Page, testInfo: TestInfo) {
  if (hasJs(testInfo)) {
    await expect(page.locator('html[data-hydrated]')).toHaveCount(1);
  }
}

/** Runs axe-core on the page as it is now: zero violations allowed. */
export async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const summary = results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => n.target.join(' ')).join('\n  ')}`,
  );
  expect(summary, 'axe-core violations').toEqual([]);
}
