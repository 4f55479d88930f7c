// Staff sign in with a local account (the demo's case handler).
import { expect, test } from '@playwright/test';
import { expectAccessible, open, settle } from './helpers';

test('a member of staff signs in, is told plainly what was wrong, and signs out', async ({ page }, testInfo) => {
  await open(page, testInfo, '/staff/signin');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Logga in som medarbetare');
  await expectAccessible(page, testInfo);
  await page.getByLabel('Användarnamn').fill('handlaggare');
  await page.getByRole('button', { name: 'Logga in', exact: true }).click();
  await expect(page.locator('.error-summary')).toContainText('Fyll i både användarnamn och lösenord');
  await settle(page, testInfo);
  await expect(page.getByLabel('Användarnamn')).toHaveValue('handlaggare');
  await expectAccessible(page, testInfo);
  await page.getByLabel('Lösenord').fill('inte-rätt-lösenord');
  await page.getByRole('button', { name: 'Logga in', exact: true }).click();
  await expect(page.locator('.error-summary')).toContainText('Användarnamnet eller lösenordet stämmer inte');
  await settle(page, testInfo);
  await page.getByLabel('Lösenord').fill('demo-handlaggare-2026');
  await page.getByRole('button', { name: 'Logga in', exact: true }).click();
  await expect(page).toHaveURL(/\/staff$/);
  await settle(page, testInfo);
  await expect(page.getByText('Inloggad som Hugo Handläggare')).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: 'Ansök om förskoleplats' })).toBeVisible();
  await expectAccessible(page, testInfo);
  await page.getByRole('button', { name: 'Logga ut' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Du är utloggad');
});
