// Signing in with e-ID (the built-in test e-ID), and out again.
import { expect, test } from '@playwright/test';
import { expectAccessible, hasJs, open, settle, signIn } from './helpers';

test('a resident signs in with e-ID, finds their details filled in, and signs out', async ({ page }, testInfo) => {
  const response = await open(page, testInfo, '/services/preschool-place/form');
  expect(response?.status()).toBe(401);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Logga in för att använda e-tjänsten');
  await expectAccessible(page, testInfo);
  await page.getByRole('button', { name: 'Logga in med e-legitimation' }).click();

  // The test e-ID says what it is; choosing nobody is said plainly.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Test-e-legitimation');
  await expect(page.getByText('Ingen riktig person loggas in')).toBeVisible();
  // A provider's page, not Blankett's: drawn by the server, no script.
  await expect(page.locator('script')).toHaveCount(0);
  await expectAccessible(page, testInfo);
  await page.getByRole('button', { name: 'Logga in', exact: true }).click();
  await expect(page.locator('.error-summary')).toContainText('Välj vem du vill logga in som');
  await expectAccessible(page, testInfo);
  await expect(page.getByText('19811218-XXXX')).toBeVisible();
  await page.getByRole('radio', { name: /Anna Andersson/ }).check();
  await page.getByRole('button', { name: 'Logga in', exact: true }).click();

  // Back at the form, which knows who they are.
  await expect(page).toHaveURL(/\/services\/preschool-place\/form$/);
  await settle(page, testInfo);
  await expect(page.getByText('Inloggad som Anna Andersson')).toBeVisible();
  await expect(page.getByLabel('Ditt namn')).toHaveValue('Anna Andersson');
  await expect(page.getByLabel('Ditt personnummer')).toHaveValue('19811218-9876');
  await expectAccessible(page, testInfo);

  await page.getByRole('button', { name: 'Logga ut' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Du är utloggad');
  await settle(page, testInfo);
  await expectAccessible(page, testInfo);
  await expect(page.getByText('Inloggad som')).toHaveCount(0);
  const again = await open(page, testInfo, '/services/preschool-place/form');
  expect(again?.status()).toBe(401);
});

test('an e-ID below the service’s level is refused with a page that says why', async ({ page }, testInfo) => {
  await open(page, testInfo, '/services/preschool-place');
  await page.getByRole('button', { name: 'Logga in med e-legitimation' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Test-e-legitimation');
  await page.getByRole('radio', { name: /Maja Lind/ }).check();
  await page.getByRole('button', { name: 'Logga in', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Inloggningen gick inte igenom');
  await expect(page.getByText('för låg tillitsnivå')).toBeVisible();
  await settle(page, testInfo);
  await expectAccessible(page, testInfo);
});

test('before a session ends for want of activity, the person is warned and can stay signed in', async ({ page }, testInfo) => {
  test.skip(!hasJs(testInfo), 'the warning needs a timer; without JavaScript the session ends after 20 minutes, as the sign-in says');
  await page.clock.install();
  await signIn(page, testInfo, 'preschool-place');
  const warning = page.getByRole('alertdialog');
  await expect(warning).toBeHidden();
  await page.clock.fastForward('18:01');
  await expect(warning).toBeVisible();
  await expect(warning).toContainText('För din säkerhet loggas du ut om 2 minuter.');
  const stay = page.getByRole('button', { name: 'Fortsätt vara inloggad' });
  await expect(stay).toBeFocused();
  await expectAccessible(page, testInfo);
  const extended = page.waitForResponse((r) => r.url().endsWith('/session/extend'));
  await stay.click();
  await extended;
  await expect(warning).toBeHidden();
  await expect(page.getByText('Inloggad som Anna Andersson')).toBeVisible();
});
