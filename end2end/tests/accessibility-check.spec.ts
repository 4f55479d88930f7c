// The accessibility check program (accessibility-check.mjs) on its own: a
// page that breaks rules is reported rule by rule with the elements that
// break them, a page that is not there is reported as not checked, and
// the pass reaches the server as a cookie. (The server running it on a
// published version is proven in authoring.spec.ts.)
import { expect, test } from '@playwright/test';
import { execFile } from 'node:child_process';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';

const BROKEN = `<!doctype html><html lang="sv"><head><title>Trasig</title></head>
<body><main><h1>Trasig</h1><img src="/x.png"><input id="q"></main></body></html>`;
const FINE = `<!doctype html><html lang="sv"><head><title>Hel</title></head>
<body><main><h1>Hel</h1><label for="q">Namn</label><input id="q"></main></body></html>`;

test('the check program reports each broken rule and each page it could not check', async ({}, testInfo) => {
  test.skip(testInfo.project.name !== 'js', 'the program is the same whichever project runs it');
  const cookies: string[] = [];
  const server = http.createServer((request, response) => {
    cookies.push(request.headers.cookie ?? '');
    const body = request.url === '/broken' ? BROKEN : request.url === '/fine' ? FINE : null;
    response.writeHead(body ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' });
    response.end(body ?? 'not here');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const view = (address: string, javascript: boolean) =>
    ({ address, language: 'sv', page: null, errors: false, javascript });
  const plan = {
    base: `http://127.0.0.1:${port}`,
    cookie: 'blankett-check',
    token: 'a'.repeat(32),
    views: [view('/broken', true), view('/fine', false), view('/gone', true)],
  };
  const output = await new Promise<string>((resolve, reject) => {
    const child = execFile('node', [path.join(__dirname, '..', 'accessibility-check.mjs')], (error, stdout, stderr) =>
      error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve(stdout));
    child.stdin?.end(JSON.stringify(plan));
  });
  server.close();
  const report = JSON.parse(output);
  expect(report.axe).toMatch(/^4\.\d+\.\d+$/);
  expect(report.views.map((v: { address: string }) => v.address)).toEqual(['/broken', '/fine', '/gone']);
  const [broken, fine, gone] = report.views;
  expect(broken.status).toBe(200);
  const rules = broken.violations.map((v: { rule: string }) => v.rule);
  expect(rules).toEqual(expect.arrayContaining(['image-alt', 'label']));
  const alt = broken.violations.find((v: { rule: string }) => v.rule === 'image-alt');
  expect(alt.targets).toEqual(['img']);
  expect(alt.impact).toBe('critical');
  expect(alt.help_url).toContain('image-alt');
  expect(fine).toMatchObject({ status: 200, violations: [], failure: null });
  // Not there is not "no violations": the server reads the status.
  expect(gone.status).toBe(404);
  expect(cookies.every((c) => c.includes(`blankett-check=${'a'.repeat(32)}`))).toBe(true);
});
