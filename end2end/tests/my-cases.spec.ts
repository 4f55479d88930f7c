// "My cases": a signed-in resident's drafts and cases, and one case in full.
import { expect, test } from '@playwright/test';
import { expectAccessible, open, settle } from './helpers';

test('a resident finds what they sent in My cases and writes to the handler', async ({ page }, testInfo) => {
  // Not signed in: asked to, and brought back here.
  const response = await open(page, testInfo, '/my-cases');
  expect(response?.status()).toBe(401);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mina ärenden');
  await expectAccessible(page, testInfo);
  await page.getByRole('button', { name: 'Logga in med e-legitimation' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Test-e-legitimation');
  await page.getByRole('radio', { name: /Lars Svensson/ }).check();
  await page.getByRole('button', { name: 'Logga in', exact: true }).click();
  await expect(page).toHaveURL(/\/my-cases$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mina ärenden');
  await expect(page.getByText('Inloggad som Lars Svensson')).toBeVisible();
  await expectAccessible(page, testInfo);

  // A fault report, sent signed in.
  await open(page, testInfo, '/services/fault-report/form');
  await page.getByLabel('Potthål eller skadad beläggning').check();
  await page.getByLabel('Var finns felet?').fill('Kyrkogatan 3');
  await page.getByLabel('Beskriv felet').fill('Gatlampan blinkar.');
  await page.getByRole('button', { name: 'Fortsätt', exact: true }).click();
  await expect(page).toHaveURL(/\/services\/fault-report\/check$/);
  await settle(page, testInfo);
  await page.getByRole('button', { name: 'Skicka' }).click();
  await expect(page).toHaveURL(/\/receipts\/[0-9a-f]{32}$/);
  const reference = (await page.locator('.reference').textContent()) ?? '';
  expect(reference).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/);

  // The header leads to My cases, which lists it as received.
  await page.getByRole('link', { name: 'Mina ärenden' }).click();
  await expect(page).toHaveURL(/\/my-cases$/);
  const item = page.locator('.case-list__item').filter({ hasText: reference });
  await expect(item.getByRole('link', { name: 'Felanmälan – gata och park' })).toBeVisible();
  await expect(item.getByText('Mottaget')).toBeVisible();
  await expectAccessible(page, testInfo);

  // The case: status, history, answers; a message must have words.
  await item.getByRole('link', { name: 'Felanmälan – gata och park' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Ärende ${reference}`);
  await expect(page.getByRole('definition').filter({ hasText: 'Gatlampan blinkar.' })).toBeVisible();
  await expect(page.getByText('Inga meddelanden än.')).toBeVisible();
  await expectAccessible(page, testInfo);
  await page.getByRole('button', { name: 'Skicka meddelandet' }).click();
  const summary = page.getByRole('alert');
  await expect(summary.getByRole('link')).toHaveText('Skriv ett meddelande.');
  await expect(summary).toBeFocused();
  await expect(page).toHaveTitle(/^Fel: Ärende/);
  await expectAccessible(page, testInfo);
  await summary.getByRole('link').click();
  await expect(page.getByLabel('Skriv till handläggaren')).toBeFocused();
  await page.getByLabel('Skriv till handläggaren').fill('Lampan sitter vid busshållplatsen.');
  await page.getByRole('button', { name: 'Skicka meddelandet' }).click();
  await expect(page).toHaveURL(new RegExp(`/my-cases/${reference}#messages-heading$`));
  await expect(page.locator('.message').filter({ hasText: 'Lampan sitter vid busshållplatsen.' })).toContainText('Du');
  await expectAccessible(page, testInfo);

  // In English and in Arabic too.
  await page.getByRole('link', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Case ${reference}`);
  await expect(page.getByText('Received').first()).toBeVisible();
  await expectAccessible(page, testInfo);
  await page.getByRole('link', { name: 'العربية' }).click();
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expectAccessible(page, testInfo);
  await page.getByRole('link', { name: 'قضاياي', exact: true }).click();
  await expect(page.locator('.case-list__item').filter({ hasText: reference })).toBeVisible();
  await expectAccessible(page, testInfo);
});
