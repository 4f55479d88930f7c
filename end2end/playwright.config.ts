// Browser tests: every journey once with JavaScript and once without, in
// Debian's Chromium (Playwright never downloads a browser here).
import { defineConfig } from '@playwright/test';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const port = Number(process.env.BLANKETT_E2E_PORT ?? 3300);
const root = path.resolve(__dirname, '..');
const targetDir = process.env.CARGO_TARGET_DIR ?? path.join(root, 'target');
const bin = process.env.BLANKETT_BIN ?? path.join(targetDir, 'debug', 'blankett');
const siteDir = process.env.BLANKETT_SITE_DIR ?? path.join(targetDir, 'site');
// The server's data folder; the tests read the mail it writes there (no
// SMTP server is set, so mail goes to files). Set once, in the runner, so
// the test workers, which load this file again, find the same folder.
process.env.BLANKETT_E2E_DATA_DIR ??= fs.mkdtempSync(path.join(os.tmpdir(), 'blankett-e2e-'));
const dataDir = process.env.BLANKETT_E2E_DATA_DIR;
// Where the server's log goes, in detail, when the test command wants to
// search it afterwards (for personal identity numbers, which must never be
// logged).
const logFile = process.env.BLANKETT_E2E_LOG;

export default defineConfig({
  testDir: './tests',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: [['list']],
  // A test is a journey through many pages, each checked by axe-core (for
  // the no-JavaScript project on a copy in a second browser context): on a
  // two-core machine running both projects at once, the longest take 25 to
  // 30 seconds, so each has a minute.
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    locale: 'sv-SE',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic',
        '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync',
      ],
    },
  },
  projects: [
    { name: 'js', use: { javaScriptEnabled: true } },
    { name: 'nojs', use: { javaScriptEnabled: false } },
  ],
  webServer: {
    // An operating notice on one service first, so its pages are tested
    // (and checked by axe-core) with one.
    command: `"${bin}" notice add --service wedding-ceremony --warning `
      + `sv='Bokningen är stängd i kväll kl. 22–23 för underhåll.' `
      + `en='Booking is closed tonight 22:00–23:00 for maintenance.' >/dev/null && exec "${bin}"`
      + (logFile ? ` >>"${logFile}" 2>&1` : ''),
    url: `http://127.0.0.1:${port}/readyz`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      BLANKETT_ADDR: `127.0.0.1:${port}`,
      BLANKETT_DATA_DIR: dataDir,
      BLANKETT_SITE_DIR: siteDir,
      // SQLite in a fresh folder unless a PostgreSQL database is given.
      DATABASE_URL: process.env.BLANKETT_E2E_DATABASE_URL ?? '',
      // Every test signs in from the same address, faster than people do;
      // the limits themselves are tested in server/tests/http.rs.
      BLANKETT_SIGN_INS_PER_MINUTE: '0',
      // The accessibility check authors run from the versions page: the
      // real program, in Debian's Chromium like these tests.
      BLANKETT_ACCESSIBILITY_COMMAND: `node "${path.join(root, 'end2end', 'accessibility-check.mjs')}"`,
      RUST_LOG: logFile ? 'info,server=debug,tower_http=debug' : 'warn',
    },
  },
});
