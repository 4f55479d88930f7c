// Administration: departments, staff, who handles a service, and the
// back-office integrations, by an administrator, with and without
// JavaScript; axe-core on every page and every error.
import { expect, test } from '@playwright/test';
import { expectAccessible, open } from './helpers';

test('an administrator adds a department and a member of staff, sets a service and makes an API token', async ({ page }, testInfo) => {
  // Both projects run at once on one server: their names differ.
  const tag = testInfo.project.name;
  await open(page, testInfo, '/staff/signin');
  await page.getByLabel('Användarnamn').fill('admin');
  await page.getByLabel('Lösenord').fill('demo-admin-2026');
  await page.getByRole('button', { name: 'Logga in', exact: true }).click();
  await page.getByRole('link', { name: 'Administration' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Administration');
  await expect(page.getByRole('table', { name: 'Medarbetare' })).toContainText('Hugo Handläggare');
  await expectAccessible(page, testInfo);

  // A department: a bad short name is said and the name kept.
  await page.getByLabel('Namn', { exact: true }).fill(`Stadsbyggnad ${tag}`);
  await page.getByLabel('Kortnamn').fill('Stads byggnad');
  await page.getByRole('button', { name: 'Lägg till en förvaltning' }).click();
  await expect(page.getByRole('alert')).toContainText('Skriv ett kortnamn');
  await expect(page.getByLabel('Namn', { exact: true })).toHaveValue(`Stadsbyggnad ${tag}`);
  await expectAccessible(page, testInfo);
  await page.getByLabel('Kortnamn').fill(`stadsbyggnad-${tag}`);
  await page.getByRole('button', { name: 'Lägg till en förvaltning' }).click();
  await expect(page.getByRole('table', { name: 'Förvaltningar' })).toContainText(`Stadsbyggnad ${tag}`);

  // A member of staff: without a role refused; then added, the password shown once.
  await page.getByRole('link', { name: 'Lägg till en medarbetare' }).click();
  await page.getByLabel('Namn', { exact: true }).fill(`Petra ${tag}`);
  await page.getByLabel('Användarnamn').fill(`petra-${tag}`);
  await page.getByRole('button', { name: 'Spara' }).click();
  await expect(page.getByRole('alert')).toContainText('Välj minst en roll.');
  await expect(page.getByLabel('Användarnamn')).toHaveValue(`petra-${tag}`);
  await expectAccessible(page, testInfo);
  await page.getByLabel('Förvaltning').selectOption({ label: `Stadsbyggnad ${tag}` });
  await page.getByRole('group', { name: 'Roller' }).getByLabel('Formgivare').check();
  await page.getByRole('button', { name: 'Spara' }).click();
  await expect(page.getByRole('status')).toContainText('Det här är det första lösenordet');
  await expect(page.locator('code.secret')).toHaveText(/^[0-9A-Z]{20}$/);
  await expectAccessible(page, testInfo);

  // A service's owner and handlers, saved as they are plus an owner.
  await open(page, testInfo, '/staff/admin/services/wedding-ceremony');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Boka borgerlig vigsel');
  await expectAccessible(page, testInfo);
  await page.getByLabel('Ansvarig').selectOption({ label: `Petra ${tag} (petra-${tag})` });
  await page.getByRole('button', { name: 'Spara' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Administration');
  await expect(page.getByRole('table', { name: 'E-tjänster' })).toContainText('Boka borgerlig vigsel');

  // An API token, shown once; revoked.
  await page.getByRole('link', { name: /API-nycklar och webhooks/ }).click();
  await page.getByLabel('System', { exact: true }).fill(`Arkivet ${tag}`);
  await page.getByLabel('E-tjänst').first().selectOption({ label: 'Boka borgerlig vigsel' });
  await page.getByRole('button', { name: 'Skapa en API-nyckel' }).click();
  await expect(page.getByRole('status')).toContainText('API-nyckeln är skapad');
  await expect(page.locator('code.secret')).toHaveText(/^bkt_[0-9a-f]{64}$/);
  await expectAccessible(page, testInfo);
  await page.getByRole('button', { name: `Återkalla Arkivet ${tag}` }).click();
  await expect(page.getByRole('row').filter({ hasText: `Arkivet ${tag}` })).toContainText('Återkallad');
  // A webhook whose address is not https is refused, with the address kept.
  await page.getByLabel('Adress').fill('ftp://arkivet');
  await page.getByRole('button', { name: 'Lägg till en webhook' }).click();
  await expect(page.getByRole('alert')).toContainText('Skriv en adress som börjar med https://');
  await expect(page.getByLabel('Adress')).toHaveValue('ftp://arkivet');
  await expectAccessible(page, testInfo);
});
