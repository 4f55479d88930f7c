// Blankett's accessibility check of a published version: the program the
// server runs (BLANKETT_ACCESSIBILITY_COMMAND, see server/src/accessibility.rs).
//
// Reads the plan from standard input:
//   { "base": "http://127.0.0.1:3000", "cookie": "<name>", "token": "<pass>",
//     "views": [{ "address", "language", "page", "errors", "javascript" }] }
// opens every view in Debian's Chromium (CHROMIUM_PATH, default
// /usr/bin/chromium) with the pass as a cookie and the view's language as
// the browser's, runs axe-core on it (every rule, as the browser tests do), and writes the report to standard
// output: { "axe": "<version>", "views": [{ ...view, "status", "violations",
// "failure" }] }, every view of the plan in its order.
//
// A view "without JavaScript" is the page exactly as the server sends it:
// the app's bundle is blocked, so nothing hydrates, while axe-core (itself
// JavaScript, injected by Playwright) can still run.
import { chromium } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import axe from 'axe-core';

async function readStdin() {
  const chunks = [];
  for await (const chunk of process.stdin) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}

const plan = JSON.parse(await readStdin());
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic',
    '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync',
  ],
});

// One browser context per language and way of showing, reused across views.
const contexts = new Map();
async function pageFor(view) {
  const name = `${view.language}:${view.javascript}`;
  if (!contexts.has(name)) {
    const context = await browser.newContext({ locale: view.language, javaScriptEnabled: true });
    await context.addCookies([{ name: plan.cookie, value: plan.token, url: plan.base }]);
    const page = await context.newPage();
    if (!view.javascript) await page.route('**/pkg/**', (route) => route.abort());
    contexts.set(name, page);
  }
  return contexts.get(name);
}

const views = [];
for (const view of plan.views) {
  const checked = { ...view, status: 0, violations: [], failure: null };
  try {
    const page = await pageFor(view);
    const response = await page.goto(plan.base + view.address, { waitUntil: 'load' });
    checked.status = response ? response.status() : 0;
    if (view.javascript && (await page.locator('leptos-island').count()) > 0) {
      await page.locator('html[data-hydrated]').waitFor({ state: 'attached', timeout: 20_000 });
    }
    const results = await new AxeBuilder({ page }).analyze();
    checked.violations = results.violations.map((v) => ({
      rule: v.id,
      impact: v.impact ?? '',
      help: v.help,
      help_url: v.helpUrl,
      targets: v.nodes.map((n) => n.target.join(' ')),
    }));
  } catch (error) {
    checked.failure = String(error?.message ?? error).split('\n')[0];
  }
  views.push(checked);
}
await browser.close();
process.stdout.write(JSON.stringify({ axe: axe.version, views }));
