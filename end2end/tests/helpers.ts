import { ConsoleMessage, expect, Page, TestInfo } from '@playwright/test';
import * as fs from 'node:fs';
import * as path from 'node:path';
import AxeBuilder from '@axe-core/playwright';

/** Whether this run has JavaScript, from the project's settings. */
export function hasJs(testInfo: TestInfo): boolean {
  return testInfo.project.use.javaScriptEnabled !== false;
}

/**
 * Opens a page; with JavaScript, waits until the app has hydrated. Nothing
 * on it may break the Content-Security-Policy.
 */
export async function open(page: Page, testInfo: TestInfo, url: string) {
  const violations: string[] = [];
  const onConsole = (message: ConsoleMessage) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  };
  page.on('console', onConsole);
  const response = await page.goto(url);
  await settle(page, testInfo);
  page.off('console', onConsole);
  expect(violations, 'Content-Security-Policy violations').toEqual([]);
  return response;
}

/**
 * With JavaScript, waits until the page's island (the form) is hydrated and
 * interactive. Pages without one load no script and are ready as they are.
 */
export async function settle(page: Page, testInfo: TestInfo) {
  if (hasJs(testInfo) && (await page.locator('leptos-island').count()) > 0) {
    await expect(page.locator('html[data-hydrated]')).toHaveCount(1);
  }
}

/**
 * Runs axe-core on the page as it is now: zero violations allowed.
 *
 * axe-core is JavaScript, so for a page seen without JavaScript it runs on
 * a copy: the same HTML served at the same address in a second context
 * where the app's bundle is blocked, so the page stays exactly as a
 * browser without JavaScript shows it.
 */
export async function expectAccessible(page: Page, testInfo: TestInfo) {
  let target = page;
  let cleanup = async () => {};
  if (!hasJs(testInfo)) {
    const html = await page.content();
    const url = page.url();
    const browser = page.context().browser();
    if (!browser) throw new Error('no browser');
    const context = await browser.newContext({ javaScriptEnabled: true, locale: 'sv-SE' });
    target = await context.newPage();
    await target.route('**/pkg/blankett*.js', (route) => route.abort());
    await target.route('**/pkg/*.wasm', (route) => route.abort());
    await target.route(url, (route) => route.fulfill({ body: html, contentType: 'text/html; charset=utf-8' }));
    await target.goto(url);
    cleanup = () => context.close();
  }
  const results = await new AxeBuilder({ page: target }).analyze();
  await cleanup();
  const summary = results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => n.target.join(' ')).join('\n  ')}`,
  );
  expect(summary, 'axe-core violations').toEqual([]);
}

/**
 * Signs in with the built-in test e-ID from a service's start page, the
 * way a person does: the button, the test e-ID's page, a person, back to
 * the form.
 */
export async function signIn(page: Page, testInfo: TestInfo, service: string, person = 'Anna Andersson') {
  await open(page, testInfo, `/services/${service}`);
  await page.getByRole('button', { name: 'Logga in med e-legitimation' }).click();
  // The test e-ID's page is the server's alone: there is nothing to hydrate.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Test-e-legitimation');
  await page.getByRole('radio', { name: new RegExp(person) }).check();
  await page.getByRole('button', { name: 'Logga in', exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/services/${service}/form$`));
  await settle(page, testInfo);
}

/**
 * The text of every mail the server has written (it has no SMTP server in
 * these tests, so mail goes to files in its data folder) that mentions
 * `needle`, decoded from quoted-printable, oldest first.
 */
export function mailsAbout(needle: string): string[] {
  const dir = path.join(process.env.BLANKETT_E2E_DATA_DIR ?? '', 'mail');
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((name) => name.endsWith('.eml'))
    .map((name) => path.join(dir, name))
    .sort((a, b) => fs.statSync(a).mtimeMs - fs.statSync(b).mtimeMs)
    .map((file) => {
      const raw = fs.readFileSync(file, 'latin1').replace(/\r\n/g, '\n').replace(/=\n/g, '');
      const bytes = raw.replace(/=([0-9A-F]{2})/g, (_, hex) => String.fromCharCode(parseInt(hex, 16)));
      return Buffer.from(bytes, 'latin1').toString('utf8');
    })
    .filter((text) => text.includes(needle));
}
